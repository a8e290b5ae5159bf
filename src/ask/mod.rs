//! The line-by-line interview (`policywright ask`): the question catalog asked one
//! prompt at a time, for screen readers, slow links and anyone who prefers it.
//!
//! The interview talks to a [`Prompter`], never to the terminal, and hands every
//! confirmed answer to a `save` callback, so an interrupted interview loses at most
//! the answer being typed.

pub mod prompter;
pub mod quick;
pub mod start;
pub mod terminal;

use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::HashMap;

use crate::answers::set::{get_value, problems_at, set_value};
use crate::answers::values::Country;
use crate::answers::{Answers, AnswersError, Problem};
use std::path::PathBuf;

use crate::catalog::{Catalog, Entry};
use crate::questions::{
    Kind, NO_CATEGORIES, Question, Records, Scope, Section, in_words, is_answered,
};
use crate::scan::{self, Found};
use crate::store::{Reloaded, remembered};
use prompter::{Prompt, Prompter, Reply, TextInput};

/// After the option a processor's catalog entry gives, as the wizard marks its values.
const FROM_CATALOG: &str = "(from the catalog)";

/// How an interview ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every question was asked.
    Finished,
    /// The person stopped (Ctrl-C); everything confirmed is saved.
    Stopped,
}

/// Saves answers after each confirmed answer; given the answers and the key of the
/// question just answered (so the interview can resume there). When another program
/// changed the file meanwhile, it returns the answers to go on with (the merge, or
/// the file's own on a conflict) and what to tell the person.
pub type Save<'a> = dyn FnMut(&Answers, &str) -> Result<Option<Reloaded>, String> + 'a;

/// Asks for one list entry, given the entry being changed (if any). On Ctrl-C it
/// leaves in the last argument what was confirmed of the entry so far, if anything.
type EditItem<'e> =
    dyn FnMut(&mut dyn Prompter, &Ctx, Option<&Value>, &mut Option<Value>) -> Reply<Value> + 'e;

/// What asking a question may consult besides the prompter.
struct Ctx<'c> {
    answers: &'c Answers,
    catalog: &'c Catalog,
    /// What was typed at a text prompt left with Esc, by the question's key (see
    /// [`Ctx::text`]).
    typed: &'c RefCell<HashMap<String, String>>,
    /// The same, for the fields of the list entry being edited, kept by the
    /// interview so that leaving the entry keeps them too ([`Interview::edit_entry`]).
    entry: Option<&'c RefCell<HashMap<String, String>>>,
}

impl Ctx<'_> {
    /// Asks a text prompt. What is typed there and left with Esc is kept under
    /// `key` and is on the line again when the prompt comes back, so going back a
    /// question and forth again loses no typing (issue 18).
    fn text(
        &self,
        prompter: &mut dyn Prompter,
        key: &str,
        prompt: &Prompt,
        input: TextInput<'_>,
    ) -> Reply<String> {
        let mut typed = self.typed.borrow_mut().remove(key).unwrap_or_default();
        let reply = prompter.text(
            prompt,
            TextInput {
                typed: Some(&mut typed),
                ..input
            },
        );
        if reply == Reply::Back && !typed.trim().is_empty() {
            self.typed.borrow_mut().insert(key.to_owned(), typed);
        }
        reply
    }

    /// Asks for a long text, keeping what is written there and left with Esc as
    /// [`Ctx::text`] does (an own section's text, issue 18).
    fn long_text(
        &self,
        prompter: &mut dyn Prompter,
        key: &str,
        prompt: &Prompt,
        default: Option<&str>,
    ) -> Reply<String> {
        let mut typed = self.typed.borrow_mut().remove(key).unwrap_or_default();
        let reply = prompter.long_text(prompt, default, Some(&mut typed));
        let changed = typed.trim() != default.unwrap_or("").trim();
        if reply == Reply::Back && !typed.trim().is_empty() && changed {
            self.typed.borrow_mut().insert(key.to_owned(), typed);
        }
        reply
    }

    /// The same answers and catalog, with typing kept apart (an entry's fields).
    fn apart<'n>(&'n self, typed: &'n RefCell<HashMap<String, String>>) -> Ctx<'n> {
        Ctx {
            answers: self.answers,
            catalog: self.catalog,
            typed,
            entry: None,
        }
    }
}

/// One interview over some sections.
pub struct Interview<'a> {
    prompter: &'a mut dyn Prompter,
    save: &'a mut Save<'a>,
    pub answers: Answers,
    /// Skip questions that already have an answer.
    pub only_missing: bool,
    /// After a quick start: ask only what has a suggestion to confirm or what only
    /// the operator can answer (see [`quick`]).
    pub quick: bool,
    /// The processor catalog offered when a recipient is described.
    pub catalog: Catalog,
    /// The answers file, whose folder a relative `workspace.code_dir` is read from
    /// (the current directory when there is none).
    pub answers_file: Option<PathBuf>,
    /// The last scan of the product's code: the folder and what it found.
    scanned: Option<(PathBuf, Result<Vec<Found>, String>)>,
    /// Ctrl-C was pressed inside a list entry: a resumed interview starts at that
    /// list again, not after it.
    stopped_in_list: bool,
    /// An entry begun but stopped (Ctrl-C) before it could be saved, with the key
    /// of its list: set here when that happens, so the caller can keep it for the
    /// next interview, and given by the caller from the last one, so that adding
    /// an entry to that list starts from what was typed instead of from nothing.
    pub draft: Option<(String, Value)>,
    /// Text typed at a question and left with Esc, by key (see [`Ctx::text`]).
    typed: RefCell<HashMap<String, String>>,
    /// Text typed at the fields of a list entry and left with Esc, by field, and
    /// which entry it belongs to (the list's key; the entry's position, or `None`
    /// for a new one): leaving the entry with Esc or Ctrl-C keeps it for when that
    /// entry is opened again.
    entry_typed: RefCell<HashMap<String, String>>,
    entry_typed_for: Option<(String, Option<usize>)>,
}

/// The outcome of asking one question.
enum Step {
    Next,
    Back,
    Stop,
}

impl<'a> Interview<'a> {
    pub fn new(prompter: &'a mut dyn Prompter, save: &'a mut Save<'a>, answers: Answers) -> Self {
        Interview {
            prompter,
            save,
            answers,
            only_missing: false,
            quick: false,
            catalog: Catalog::builtin(),
            answers_file: None,
            scanned: None,
            stopped_in_list: false,
            draft: None,
            typed: RefCell::default(),
            entry_typed: RefCell::default(),
            entry_typed_for: None,
        }
    }

    /// Asks every question of `sections` that applies, starting at the question with
    /// key `start` if given. Esc goes back one question.
    pub fn run(&mut self, sections: &[Section], start: Option<&str>) -> Result<Outcome, String> {
        let steps: Vec<(usize, usize)> = sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| (0..section.questions.len()).map(move |q| (s, q)))
            .collect();
        let mut i = start
            .and_then(|key| {
                steps
                    .iter()
                    .position(|&(s, q)| sections[s].questions[q].key == key)
            })
            .unwrap_or(0);
        let mut asked: Vec<usize> = Vec::new();
        let mut announced: Option<usize> = None;
        while i < steps.len() {
            let (s, qi) = steps[i];
            let question = &sections[s].questions[qi];
            let scope = Scope {
                answers: &self.answers,
                record: None,
            };
            let current = get_value(&self.answers.to_value(), question.key).cloned();
            if !question.applies(&scope)
                || (self.only_missing && is_answered(current.as_ref()))
                || (self.quick && !self.quick_asks(question))
            {
                i += 1;
                continue;
            }
            if announced != Some(s) {
                let section = &sections[s];
                self.prompter
                    .say(&format!("\n== {} ==\n{}", section.title, section.intro));
                announced = Some(s);
            }
            match self.ask_top(question)? {
                Step::Next => {
                    asked.push(i);
                    i += 1;
                }
                Step::Back => match asked
                    .pop()
                    .or_else(|| self.applying_before(sections, &steps, i))
                {
                    // Before the questions asked this time too (a resumed interview).
                    Some(previous) => i = previous,
                    None => self.prompter.say("(This is the first question.)"),
                },
                Step::Stop => {
                    if self.stopped_in_list && i > 0 {
                        // The resume point is the question after the last one saved:
                        // mark the one before this list, so resuming opens the list.
                        let (ps, pq) = steps[i - 1];
                        (self.save)(&self.answers, sections[ps].questions[pq].key)?;
                    }
                    return Ok(Outcome::Stopped);
                }
            }
        }
        Ok(Outcome::Finished)
    }

    /// Whether the quick interview asks `q` now (see [`quick::asks`]).
    fn quick_asks(&self, q: &Question) -> bool {
        let wanting = quick::wanting(&self.answers, &self.catalog);
        quick::asks(&self.answers, &wanting, q)
    }

    /// The last question before step `i` that applies to the answers now.
    fn applying_before(
        &self,
        sections: &[Section],
        steps: &[(usize, usize)],
        i: usize,
    ) -> Option<usize> {
        let scope = Scope {
            answers: &self.answers,
            record: None,
        };
        let doc = self.answers.to_value();
        (0..i).rev().find(|&j| {
            let q = &sections[steps[j].0].questions[steps[j].1];
            q.applies(&scope)
                && !(self.only_missing && is_answered(get_value(&doc, q.key)))
                && (!self.quick || self.quick_asks(q))
        })
    }

    /// Asks a top-level question until it has a valid answer (or the person leaves).
    fn ask_top(&mut self, q: &Question) -> Result<Step, String> {
        match &q.kind {
            Kind::Records(records) => return self.ask_records(q, records),
            Kind::Lines => return self.ask_lines(q),
            _ => {}
        }
        loop {
            let doc = self.answers.to_value();
            let current = get_value(&doc, q.key).cloned();
            let reply = match &q.kind {
                Kind::Group(fields) => self.ask_group(q, fields, current.as_ref()),
                _ => {
                    let scope = Scope {
                        answers: &self.answers,
                        record: None,
                    };
                    let ctx = Ctx {
                        answers: &self.answers,
                        catalog: &self.catalog,
                        typed: &self.typed,
                        entry: None,
                    };
                    ask_value(&mut *self.prompter, &ctx, q, current.as_ref(), None, &scope)
                }
            };
            match reply {
                Reply::Answer(value) => match self.commit(q.key, value)? {
                    None => return Ok(Step::Next),
                    Some(problems) => self.complain(&problems),
                },
                Reply::Back => return Ok(Step::Back),
                Reply::Quit => return Ok(Step::Stop),
            }
        }
    }

    /// Sets an answer, checks it, and saves. Returns the problems if it was refused.
    fn commit(&mut self, key: &str, value: Value) -> Result<Option<Vec<Problem>>, String> {
        let updated = match set_value(&self.answers, key, value) {
            Ok(updated) => updated,
            Err(AnswersError::Overrides(problems)) => return Ok(Some(problems)),
            Err(other) => return Ok(Some(vec![Problem::new(key, other.to_string())])),
        };
        let problems = problems_at(&updated, &[key]);
        if !problems.is_empty() {
            return Ok(Some(problems));
        }
        self.answers = updated;
        if let Some(reloaded) = (self.save)(&self.answers, key)? {
            self.answers = reloaded.answers;
            self.prompter.say(&reloaded.note);
        }
        Ok(None)
    }

    /// Processor records for what the product's code (`workspace.code_dir`) uses and
    /// the answers do not declare yet. The folder is scanned once per interview; a
    /// folder that cannot be read is said once and offers nothing.
    fn found_in_code(&mut self) -> Vec<Value> {
        let Some(stored) = self.answers.workspace.code_dir.as_deref() else {
            return Vec::new();
        };
        let base = self
            .answers_file
            .clone()
            .unwrap_or_else(|| PathBuf::from("answers.json"));
        let dir = remembered::resolve(&base, stored);
        if self.scanned.as_ref().is_none_or(|(d, _)| *d != dir) {
            let result = scan::scan(&dir, &self.catalog)
                .map(|report| report.processors)
                .map_err(|e| e.to_string());
            if let Err(e) = &result {
                self.prompter
                    .say(&format!("  Cannot look through your code: {e}"));
            }
            self.scanned = Some((dir, result));
        }
        match &self.scanned {
            Some((_, Ok(found))) => scan::records_to_add(found, &self.answers, &self.catalog),
            _ => Vec::new(),
        }
    }

    fn complain(&mut self, problems: &[Problem]) {
        for p in problems {
            let said = problem_in_words(p, &self.answers);
            self.prompter.say(&format!("  ! {said}"));
        }
    }

    /// An optional group of fields, such as a representative's details.
    fn ask_group(
        &mut self,
        q: &Question,
        fields: &[Question],
        current: Option<&Value>,
    ) -> Reply<Value> {
        let prompt = prompt_of(q, &self.answers);
        let present = is_answered(current);
        match self.prompter.confirm(&prompt, Some(present)) {
            Reply::Answer(false) => Reply::Answer(Value::Null),
            Reply::Answer(true) => {
                let ctx = Ctx {
                    answers: &self.answers,
                    catalog: &self.catalog,
                    typed: &self.typed,
                    entry: None,
                };
                ask_record(&mut *self.prompter, &ctx, fields, current, &mut None)
            }
            Reply::Back => Reply::Back,
            Reply::Quit => Reply::Quit,
        }
    }

    /// A list of records: a menu to add, edit or remove entries, until "Done".
    fn ask_records(&mut self, q: &Question, records: &Records) -> Result<Step, String> {
        let fields = &records.fields;
        self.edit_list(
            q,
            records.noun,
            records.summary,
            &mut |prompter, ctx, existing, partial| {
                ask_record(prompter, ctx, fields, existing, partial)
            },
        )
    }

    /// A list of short texts, edited like a list of records with one field.
    fn ask_lines(&mut self, q: &Question) -> Result<Step, String> {
        fn line(v: &Value, _: &Answers) -> String {
            v.as_str().unwrap_or("").to_owned()
        }
        self.edit_list(q, "line", line, &mut |prompter, ctx, existing, _| {
            let prompt = Prompt {
                message: "Text".to_owned(),
                help: String::new(),
                placeholder: None,
                esc: None,
            };
            let check = |s: &str| {
                if s.trim().is_empty() {
                    Err("type the text, or press Esc to go back".to_owned())
                } else {
                    Ok(())
                }
            };
            let default = existing.and_then(Value::as_str).map(str::to_owned);
            // Typing kept apart for a new line and for each line changed.
            let key = format!("{}\n{}", q.key, default.as_deref().unwrap_or(""));
            let input = TextInput {
                default,
                from_catalog: false,
                check: &check,
                suggestions: &[],
                typed: None,
            };
            match ctx.text(prompter, &key, &prompt, input) {
                Reply::Answer(text) => Reply::Answer(Value::from(text.trim())),
                Reply::Back => Reply::Back,
                Reply::Quit => Reply::Quit,
            }
        })
    }

    fn edit_list(
        &mut self,
        q: &Question,
        noun: &str,
        summary: crate::questions::Summary,
        edit: &mut EditItem<'_>,
    ) -> Result<Step, String> {
        loop {
            // A long list's entries as the file holds them: a recipient left to the
            // catalog's role has none, rather than the "other" its JSON value says.
            let items: Vec<Value> = self.answers.entries_as_written(q.key).unwrap_or_else(|| {
                get_value(&self.answers.to_value(), q.key)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            });
            if items.is_empty() {
                self.prompter.say(&format!("{} (none yet)", q.prompt));
            } else {
                let mut text = format!("{} ({} so far)", q.prompt, items.len());
                for (n, item) in items.iter().enumerate() {
                    let mark = if self.answers.is_suggested(&format!("{}.{n}", q.key)) {
                        "  [suggested, not confirmed]"
                    } else {
                        ""
                    };
                    text.push_str(&format!(
                        "\n  {}. {}{mark}",
                        n + 1,
                        summary(item, &self.answers)
                    ));
                }
                self.prompter.say(&text);
            }
            let found = if q.key == scan::QUESTION {
                self.found_in_code()
            } else {
                Vec::new()
            };
            let suggested = self.answers.has_unconfirmed(q.key);
            let mut options = Vec::new();
            if suggested {
                options.push("Confirm the suggestions above and go on".to_owned());
            }
            let a = article(noun);
            options.push(format!("Add {a} {noun}"));
            if !found.is_empty() {
                let names: Vec<&str> = found.iter().filter_map(|r| r["name"].as_str()).collect();
                options.push(format!(
                    "Add the {} found in your code: {}",
                    found.len(),
                    names.join(", ")
                ));
            }
            if !items.is_empty() {
                options.push(format!("Change {a} {noun}"));
                options.push(format!("Remove {a} {noun}"));
            }
            options.push("Done, next question".to_owned());
            let done = options.len() - 1;
            let prompt = Prompt {
                message: format!("{}: what next?", capitalize(noun)),
                help: q.help.to_owned(),
                placeholder: None,
                esc: None,
            };
            let default = if suggested || items.is_empty() {
                0
            } else {
                done
            };
            let choice = match self.prompter.select(&prompt, &options, default) {
                Reply::Answer(c) => c,
                Reply::Back => return Ok(Step::Back),
                Reply::Quit => return Ok(Step::Stop),
            };
            let labels: Vec<String> = items.iter().map(|i| summary(i, &self.answers)).collect();
            let mut new_items = items.clone();
            match (choice, options[choice].as_str()) {
                (c, _) if c == done => return Ok(Step::Next),
                (_, o) if o.starts_with("Confirm the suggestions") => {
                    self.answers.confirm(q.key);
                    if let Some(reloaded) = (self.save)(&self.answers, q.key)? {
                        self.answers = reloaded.answers;
                        self.prompter.say(&reloaded.note);
                    }
                    return Ok(Step::Next);
                }
                (_, o) if o.starts_with("Add the ") => {
                    new_items.extend(found);
                    match self.commit(q.key, Value::Array(new_items))? {
                        Some(problems) => self.complain(&problems),
                        None => self
                            .prompter
                            .say("  Added. Change each to say which data it receives."),
                    }
                }
                (_, o) if o.starts_with("Add") => {
                    let begun = self
                        .draft
                        .take_if(|(list, _)| list == q.key)
                        .map(|(_, entry)| entry);
                    if begun.is_some() {
                        self.prompter.say(&format!(
                            "  Going on with the {noun} you began: Enter keeps each answer."
                        ));
                    }
                    if self.edit_entry(q.key, &items, None, begun, edit)? {
                        return Ok(Step::Stop);
                    }
                }
                (_, o) if o.starts_with("Change") => {
                    let which = match self.pick(noun, "change", &labels) {
                        Reply::Answer(w) => w,
                        Reply::Back => continue,
                        Reply::Quit => return Ok(Step::Stop),
                    };
                    if self.edit_entry(q.key, &items, Some(which), None, edit)? {
                        return Ok(Step::Stop);
                    }
                }
                _ => {
                    let which = match self.pick(noun, "remove", &labels) {
                        Reply::Answer(w) => w,
                        Reply::Back => continue,
                        Reply::Quit => return Ok(Step::Stop),
                    };
                    let prompt = Prompt {
                        message: format!("Remove {}?", labels[which]),
                        ..Prompt::default()
                    };
                    match self.prompter.confirm(&prompt, Some(false)) {
                        Reply::Answer(true) => {
                            new_items.remove(which);
                            if let Some(problems) = self.commit(q.key, Value::Array(new_items))? {
                                self.complain(&problems);
                            }
                        }
                        Reply::Quit => return Ok(Step::Stop),
                        _ => {}
                    }
                }
            }
        }
    }

    /// Asks for a new entry (`which` = None, starting from `begun` if given) or a
    /// changed one, and saves the list with it. A refused entry is reopened with what
    /// was typed, until it is valid or the person goes back. Returns whether the
    /// person stopped the interview.
    fn edit_entry(
        &mut self,
        key: &str,
        items: &[Value],
        which: Option<usize>,
        begun: Option<Value>,
        edit: &mut EditItem<'_>,
    ) -> Result<bool, String> {
        let mut draft = which.map(|w| items[w].clone()).or(begun);
        let this = Some((key.to_owned(), which));
        if self.entry_typed_for != this {
            self.entry_typed.borrow_mut().clear();
            self.entry_typed_for = this;
        }
        loop {
            let ctx = Ctx {
                answers: &self.answers,
                catalog: &self.catalog,
                typed: &self.typed,
                entry: Some(&self.entry_typed),
            };
            let mut partial = None;
            let item = match edit(&mut *self.prompter, &ctx, draft.as_ref(), &mut partial) {
                Reply::Answer(item) => item,
                // Esc on the entry's first field leaves it, keeping what was
                // confirmed of it as Ctrl-C does (issue 18: going back from later
                // fields to leave the entry dropped them).
                Reply::Back => {
                    self.keep_partial(key, items, which, partial, false)?;
                    return Ok(false);
                }
                Reply::Quit => {
                    self.keep_partial(key, items, which, partial, true)?;
                    return Ok(true);
                }
            };
            let mut list = items.to_vec();
            match which {
                Some(w) => list[w] = item.clone(),
                None => list.push(item.clone()),
            }
            match self.commit(key, Value::Array(list))? {
                None => {
                    // Saved: nothing typed for it is pending any more.
                    self.entry_typed.borrow_mut().clear();
                    return Ok(false);
                }
                Some(problems) => {
                    self.complain(&problems);
                    draft = Some(item);
                }
            }
        }
    }

    /// Ctrl-C inside an entry (`stopped`), or Esc on its first field: what was
    /// confirmed of it is saved with the list when the list takes it (the fields
    /// still to come were optional); otherwise it is printed and kept aside for the
    /// next "Add", so that nothing typed vanishes silently. After Ctrl-C a resumed
    /// interview opens this list again.
    fn keep_partial(
        &mut self,
        key: &str,
        items: &[Value],
        which: Option<usize>,
        partial: Option<Value>,
        stopped: bool,
    ) -> Result<(), String> {
        if stopped {
            self.stopped_in_list = true;
        }
        let Some(item) = partial else {
            return Ok(());
        };
        let mut list = items.to_vec();
        match which {
            Some(w) => list[w] = item.clone(),
            None => list.push(item.clone()),
        }
        let saved = self.commit(key, Value::Array(list))?;
        if saved.is_none() {
            // Now an entry of the list: its pending typing goes with it.
            self.entry_typed_for = Some((key.to_owned(), Some(which.unwrap_or(items.len()))));
        }
        match saved {
            None if stopped => self
                .prompter
                .say("  The entry so far is saved; run ask again to finish it."),
            None => self.prompter.say(
                "  What you answered for this entry is saved in the list; choose Change to go on with it.",
            ),
            Some(problems) => {
                self.prompter.say(&unfinished_in_words(
                    key,
                    &item,
                    &problems,
                    &self.answers,
                    stopped,
                ));
                // Only a new entry is kept aside: a changed one is still in the list
                // as it was.
                if which.is_none() {
                    self.draft = Some((key.to_owned(), item));
                }
            }
        }
        Ok(())
    }

    fn pick(&mut self, noun: &str, verb: &str, labels: &[String]) -> Reply<usize> {
        let prompt = Prompt {
            message: format!("Which {noun} do you want to {verb}?"),
            ..Prompt::default()
        };
        self.prompter.select(&prompt, labels, 0)
    }
}

/// The question of an entry's field that a problem is about, quoted, and whether
/// the problem is only that it has no answer: `data.categories[3]` with "missing
/// field `id`", or `data.categories[3].id: is required`.
fn field_of(p: &Problem, fields: &[Question], answers: &Answers) -> Option<(String, bool)> {
    let (field, missing) = match p.path.rsplit_once("].") {
        Some((_, f)) => (
            f.split(['.', '[']).next().unwrap_or(f).to_owned(),
            p.message.contains("required"),
        ),
        None => (
            p.message
                .strip_prefix("missing field `")
                .and_then(|r| r.split_once('`'))
                .map(|(f, _)| f.to_owned())?,
            true,
        ),
    };
    let f = fields.iter().find(|f| f.key == field)?;
    Some((format!("“{}”", in_words(f.prompt, answers)), missing))
}

/// A refused answer's problem as the founder reads it: an entry's field by its
/// question ("“What exactly is collected?” needs an answer"), else as `check`
/// words it.
fn problem_in_words(p: &Problem, answers: &Answers) -> String {
    let list = p.path.split('[').next().unwrap_or(&p.path);
    let fields: &[Question] = crate::questions::find(list)
        .and_then(|(s, i)| match &s.questions[i].kind {
            Kind::Records(r) if s.questions[i].key == list => Some(r.fields.as_slice()),
            _ => None,
        })
        .unwrap_or(&[]);
    match field_of(p, fields, answers) {
        Some((q, true)) => format!("{q} needs an answer"),
        Some((q, false)) => format!("{q}: {}", p.message),
        None => p.to_string(),
    }
}

/// What Ctrl-C inside an entry that cannot be saved yet says, in a founder's words:
/// the questions it still needs and what was typed, by question, not the answers
/// file's paths (`data.categories[0]: missing field `source``) and JSON (found
/// walking through `ask`).
/// `stopped`: Ctrl-C rather than Esc, which stays in the interview.
fn unfinished_in_words(
    key: &str,
    item: &Value,
    problems: &[Problem],
    answers: &Answers,
    stopped: bool,
) -> String {
    let fields: &[Question] = crate::questions::find(key)
        .and_then(|(s, i)| match &s.questions[i].kind {
            Kind::Records(r) => Some(r.fields.as_slice()),
            _ => None,
        })
        .unwrap_or(&[]);
    let noun = crate::questions::find(key)
        .and_then(|(s, i)| match &s.questions[i].kind {
            Kind::Records(r) => Some(r.noun),
            _ => None,
        })
        .unwrap_or("entry");
    let mut needs: Vec<String> = Vec::new();
    for p in problems {
        let said = match field_of(p, fields, answers) {
            Some((q, true)) => q,
            Some((q, false)) => format!("{q} ({})", p.message),
            None => p.message.clone(),
        };
        if !needs.contains(&said) {
            needs.push(said);
        }
    }
    let typed: Vec<String> = fields
        .iter()
        .filter_map(|f| {
            let v = item.get(f.key).filter(|v| is_answered(Some(v)))?;
            let asked = in_words(f.prompt, answers);
            let colon = if asked.ends_with(['?', ')']) { "" } else { ":" };
            Some(format!("    {asked}{colon} {}", f.kind.to_text(v)))
        })
        .collect();
    let mut out = format!(
        "  This {noun} is not finished, so it is not in the list yet: it still needs {}.",
        needs.join(", ")
    );
    if !typed.is_empty() {
        out.push_str(&format!("\n  What you typed for it:\n{}", typed.join("\n")));
    }
    let a = article(noun);
    if stopped {
        out.push_str(&format!(
            "\n  It is kept: the next `ask` goes on with it when you add {a} {noun} here."
        ));
    } else {
        out.push_str(&format!(
            "\n  It is kept: choose “Add {a} {noun}” to go on with it."
        ));
    }
    out
}

/// "a" or "an" before a list's noun: "an other recipient" read "a other" (found
/// walking through `ask`).
fn article(noun: &str) -> &'static str {
    match noun.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn prompt_of(q: &Question, answers: &Answers) -> Prompt {
    Prompt {
        message: in_words(q.prompt, answers).into_owned(),
        help: in_words(q.help, answers).into_owned(),
        placeholder: q.example.map(|e| format!("e.g. {e}")),
        esc: None,
    }
}

/// Asks the fields of one record in turn; Esc on a field goes back to the previous
/// one, Esc on the first leaves the record. Fields whose condition no longer holds
/// are kept but not asked.
///
/// In a record that refers to the processor catalog, a field left empty is offered
/// with the catalog's value as its default, marked as coming from the catalog.
/// Accepting it leaves the field empty, so the catalog keeps supplying it (and a
/// catalog correction reaches the policy); only a different answer is written into
/// the record. Going through a recipient with Enter thus writes nothing the operator
/// did not type, yet every value the policy will show was on screen.
fn ask_record(
    prompter: &mut dyn Prompter,
    ctx: &Ctx,
    fields: &[Question],
    existing: Option<&Value>,
    partial: &mut Option<Value>,
) -> Reply<Value> {
    let mut record: Map<String, Value> = existing
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let refers_to_catalog = fields.iter().any(|f| matches!(f.kind, Kind::CatalogRef));
    let fresh = RefCell::default();
    let ctx = &ctx.apart(ctx.entry.unwrap_or(&fresh));
    let mut asked: Vec<usize> = Vec::new();
    let mut j = 0;
    while j < fields.len() {
        let field = &fields[j];
        let value = Value::Object(record.clone());
        let scope = Scope {
            answers: ctx.answers,
            record: Some(&value),
        };
        if !field.applies(&scope) {
            // Not asked, but kept: the policy leaves it out (`crate::policy`).
            j += 1;
            continue;
        }
        let current = record.get(field.key);
        let from_catalog = if is_answered(current) || !refers_to_catalog {
            None
        } else {
            crate::catalog::defaults(&value, ctx.answers, ctx.catalog).remove(field.key)
        };
        let reply = match &field.kind {
            Kind::Lines => ask_inline_lines(prompter, ctx, field, current, from_catalog.as_ref()),
            _ => ask_value(prompter, ctx, field, current, from_catalog.as_ref(), &scope),
        };
        match reply {
            Reply::Answer(Value::Null) => {
                record.remove(field.key);
            }
            Reply::Answer(v) => {
                if matches!(field.kind, Kind::CatalogRef) {
                    if let Some(entry) = ctx.catalog.get(v.as_str().unwrap_or("")) {
                        crate::catalog::record::prefill(&mut record, entry);
                        if let Some(note) = &entry.notes {
                            prompter.say(&format!("  Catalog note: {note}"));
                        }
                    }
                }
                record.insert(field.key.to_owned(), v);
            }
            Reply::Back => match asked.pop() {
                Some(previous) => {
                    j = previous;
                    continue;
                }
                None => {
                    // Leaving the record: what was confirmed of it (fields gone
                    // back from included), for the caller to keep, as on Ctrl-C.
                    let before = existing.and_then(Value::as_object);
                    if !record.is_empty() && Some(&record) != before {
                        *partial = Some(Value::Object(record));
                    }
                    return Reply::Back;
                }
            },
            Reply::Quit => {
                // What was confirmed so far, for the caller to keep.
                let before = existing.and_then(Value::as_object);
                if !record.is_empty() && Some(&record) != before {
                    *partial = Some(Value::Object(record));
                }
                return Reply::Quit;
            }
        }
        asked.push(j);
        j += 1;
    }
    Reply::Answer(Value::Object(record))
}

/// A short list inside a record (permission names, commitments), typed on one line
/// separated by semicolons. The catalog's list, if given, is the default, and
/// accepting it leaves the field to the catalog (see [`ask_record`]).
fn ask_inline_lines(
    prompter: &mut dyn Prompter,
    ctx: &Ctx,
    q: &Question,
    current: Option<&Value>,
    from_catalog: Option<&Value>,
) -> Reply<Value> {
    let answers = ctx.answers;
    let shown = if from_catalog.is_some() {
        from_catalog
    } else {
        current
    };
    let default = shown.and_then(Value::as_array).map(|items| {
        items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; ")
    });
    let required = q.required;
    // "-" clears, as the key hint says (it was written as an entry named "-").
    let cleared = |s: &str| s.trim().is_empty() || s.trim() == "-";
    let check = move |s: &str| {
        if required && cleared(s) {
            Err("an answer is needed here".to_owned())
        } else {
            Ok(())
        }
    };
    let mut prompt = prompt_of(q, answers);
    let default = default.filter(|d| !d.is_empty());
    // The entry's own list is on the line to edit, not a default that typing
    // replaces: "; tabs" typed after "storage" meant both, and left only "tabs"
    // (found walking through `ask`, issue 18). The catalog's list stays a default,
    // which Enter leaves to the catalog.
    let own = default.clone().filter(|_| from_catalog.is_none());
    if let Some(list) = &own {
        ctx.typed
            .borrow_mut()
            .entry(q.key.to_owned())
            .or_insert_with(|| list.clone());
    }
    let how = if own.is_some() {
        "Separate several with ; and edit the list as it stands (Ctrl-U empties the line)."
    } else {
        "Separate several with ;"
    };
    prompt.help = format!("{} {how}", prompt.help).trim().to_owned();
    let input = TextInput {
        default: if own.is_some() { None } else { default },
        from_catalog: from_catalog.is_some(),
        check: &check,
        suggestions: &[],
        typed: None,
    };
    match ctx.text(prompter, q.key, &prompt, input) {
        Reply::Answer(text) if cleared(&text) && from_catalog.is_none() => {
            Reply::Answer(Value::Null)
        }
        Reply::Answer(text) => {
            let items = Value::Array(
                text.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && *s != "-")
                    .map(Value::from)
                    .collect(),
            );
            Reply::Answer(unless_catalogs(q, items, from_catalog))
        }
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

/// The answer to write for a field whose default came from the catalog: nothing
/// (the catalog supplies it) when it is the catalog's value, else the answer. A
/// required field is written all the same: the answers file needs it.
fn unless_catalogs(q: &Question, answer: Value, from_catalog: Option<&Value>) -> Value {
    if !q.required && from_catalog == Some(&answer) {
        Value::Null
    } else {
        answer
    }
}

/// Asks for one value of a simple kind. `from_catalog` is the processor catalog's
/// value for a field the record leaves empty: the default, which accepting leaves to
/// the catalog (see [`ask_record`]).
fn ask_value(
    prompter: &mut dyn Prompter,
    ctx: &Ctx,
    q: &Question,
    current: Option<&Value>,
    from_catalog: Option<&Value>,
    scope: &Scope,
) -> Reply<Value> {
    let mut prompt = prompt_of(q, ctx.answers);
    // An entry's own answers may be in the words ("30 days after ...").
    prompt.message = crate::questions::in_words_for(q.prompt, scope).into_owned();
    prompt.help = crate::questions::in_words_for(q.help, scope).into_owned();
    let answered = is_answered(current);
    let suggested = q.suggest.and_then(|s| s(scope));
    match &q.kind {
        kind if kind.is_typed() => {
            let default = if answered {
                current.map(|v| kind.to_text(v))
            } else {
                from_catalog.or(suggested.as_ref()).map(|v| kind.to_text(v))
            };
            let required = q.required;
            let has_default = default.is_some();
            let check = move |s: &str| -> Result<(), String> {
                let s = s.trim();
                if s == "-" {
                    return if required {
                        Err("this answer is required; it cannot be cleared".to_owned())
                    } else {
                        Ok(())
                    };
                }
                if s.is_empty() && required && !has_default {
                    return Err("an answer is needed here".to_owned());
                }
                kind.parse_text(s).map(|_| ())
            };
            let suggestions: Vec<String> = match kind {
                Kind::Country | Kind::Countries => Country::all()
                    .map(|c| format!("{} {}", c.code(), c.name()))
                    .collect(),
                _ => Vec::new(),
            };
            let input = TextInput {
                default: default.clone(),
                from_catalog: from_catalog.is_some(),
                check: &check,
                suggestions: &suggestions,
                typed: None,
            };
            match ctx.text(prompter, q.key, &prompt, input) {
                Reply::Answer(text) => {
                    let text = text.trim();
                    if text == "-" {
                        return Reply::Answer(kind.parse_text("").unwrap_or(Value::Null));
                    }
                    let text = if text.is_empty() {
                        default.unwrap_or_default()
                    } else {
                        text.to_owned()
                    };
                    match kind.parse_text(&text) {
                        Ok(v) => Reply::Answer(unless_catalogs(q, v, from_catalog)),
                        Err(_) => Reply::Back,
                    }
                }
                Reply::Back => Reply::Back,
                Reply::Quit => Reply::Quit,
            }
        }
        Kind::Document => map(
            ctx.long_text(prompter, q.key, &prompt, current.and_then(Value::as_str)),
            |text| match text.trim() {
                "" => Value::Null,
                t => Value::from(t),
            },
        ),
        Kind::YesNo => {
            // The catalog's yes (a CDN working around the world) is the default, and
            // accepting it leaves the field to the catalog.
            let default = from_catalog
                .or(current)
                .and_then(Value::as_bool)
                .unwrap_or(false);
            map(prompter.confirm(&prompt, Some(default)), |yes| {
                unless_catalogs(q, Value::Bool(yes), from_catalog)
            })
        }
        Kind::Maybe => {
            let default = current.and_then(Value::as_bool);
            map(prompter.confirm(&prompt, default), Value::Bool)
        }
        Kind::Choice(choices) => {
            let catalogs = from_catalog.and_then(Value::as_str);
            let mut options: Vec<String> = choices
                .iter()
                .map(|&(key, label)| match catalogs {
                    Some(k) if k == key => format!("{label} {FROM_CATALOG}"),
                    _ => label.to_owned(),
                })
                .collect();
            // "No answer" would only bring the catalog's value back.
            if !q.required && catalogs.is_none() {
                options.push("(no answer)".to_owned());
            }
            let key = from_catalog
                .or(current)
                .or(suggested.as_ref())
                .and_then(Value::as_str);
            let default = key
                .and_then(|k| choices.iter().position(|c| c.0 == k))
                .unwrap_or(if q.required { 0 } else { choices.len() });
            map(prompter.select(&prompt, &options, default), |i| {
                let answer = choices.get(i).map_or(Value::Null, |c| Value::from(c.0));
                unless_catalogs(q, answer, from_catalog)
            })
        }
        Kind::Choices(choices) => {
            let keys: Vec<&str> = choices.iter().map(|c| c.0).collect();
            // The catalog's values start ticked and are marked as the catalog's; the
            // same ticks, accepted, leave the field to the catalog.
            let catalogs = selected_positions(from_catalog, |k| keys.iter().position(|x| *x == k));
            let labels = choices
                .iter()
                .enumerate()
                .map(|(i, c)| match catalogs.contains(&i) {
                    true => format!("{} {FROM_CATALOG}", c.1),
                    false => c.1.to_owned(),
                })
                .collect();
            // A required list (a data category's sources) starts with its first
            // choice ticked, as a required single choice starts on its first.
            let first = (q.required && crate::questions::unanswered(current.or(from_catalog)))
                .then(|| Value::from(keys[0]));
            let picked = pick_many(
                prompter,
                &prompt,
                &keys,
                labels,
                first.as_ref().or(current).or(from_catalog),
            );
            let catalogs: Vec<Value> = catalogs.iter().map(|&i| Value::from(keys[i])).collect();
            match picked {
                Reply::Answer(Value::Array(a)) if from_catalog.is_some() && a == catalogs => {
                    Reply::Answer(Value::Null)
                }
                other => other,
            }
        }
        Kind::CatalogRef => {
            let catalog = ctx.catalog;
            let suggestions: Vec<String> = catalog
                .entries()
                .iter()
                .map(|e| format!("{} — {} ({})", e.id, e.name, e.role.label()))
                .collect();
            let check = |s: &str| service(catalog, s).map(|_| ());
            let input = TextInput {
                default: current.and_then(Value::as_str).map(str::to_owned),
                from_catalog: false,
                check: &check,
                suggestions: &suggestions,
                typed: None,
            };
            match ctx.text(prompter, q.key, &prompt, input) {
                Reply::Answer(text) => match service(catalog, &text) {
                    Ok(Some(entry)) => {
                        // Taken from a part of its id or name: said, so a wrong
                        // guess is seen (Esc goes back to it).
                        if text.split_whitespace().next() != Some(entry.id.as_str()) {
                            prompter.say(&format!(
                                "  Taken from the catalog: {} ({}).",
                                entry.id, entry.name
                            ));
                        }
                        Reply::Answer(Value::from(entry.id.as_str()))
                    }
                    Ok(None) => Reply::Answer(Value::Null),
                    // Checked as it was confirmed; not reached.
                    Err(_) => Reply::Back,
                },
                Reply::Back => Reply::Back,
                Reply::Quit => Reply::Quit,
            }
        }
        Kind::Categories => {
            let categories = &ctx.answers.data.categories;
            if categories.is_empty() {
                prompter.say("  (No data categories yet: describe them in the \"Data you collect\" section first.)");
                return Reply::Answer(current.cloned().unwrap_or(Value::Array(Vec::new())));
            }
            let keys: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
            let labels = crate::questions::category_labels(categories);
            pick_many(prompter, &prompt, &keys, labels, current)
        }
        Kind::Category => {
            let options = crate::questions::category_options(&ctx.answers.data.categories, current);
            if options.is_empty() {
                // Any id typed would be refused (a store entry is about a data
                // category described): say why, and go back.
                prompter.say(&format!("  {NO_CATEGORIES}"));
                return Reply::Back;
            }
            let key = current.and_then(Value::as_str);
            let default = key
                .and_then(|k| options.iter().position(|(id, _)| id == k))
                .unwrap_or(0);
            let labels: Vec<String> = options.iter().map(|(_, l)| l.clone()).collect();
            map(prompter.select(&prompt, &labels, default), |i| {
                Value::from(options[i].0.as_str())
            })
        }
        _ => Reply::Answer(current.cloned().unwrap_or(Value::Null)),
    }
}

/// The catalog entry typed at "which service is it?": its id (or the first word,
/// as completing with Tab writes it); else the one entry whose id or name is, or
/// starts with, or contains what was typed, case aside, preferring an exact name to
/// a beginning and a beginning to a part. "strip" is Stripe: Enter takes it, no
/// arrow key needed (issue 18). `None` for no answer (nothing, or `-`); an error
/// names the entries that match equally, or the closest spelling.
fn service<'c>(catalog: &'c Catalog, typed: &str) -> Result<Option<&'c Entry>, String> {
    let typed = typed.trim();
    let first = typed.split_whitespace().next().unwrap_or("");
    if first.is_empty() || first == "-" {
        return Ok(None);
    }
    if let Some(entry) = catalog.get(first) {
        return Ok(Some(entry));
    }
    let t = typed.to_lowercase();
    let rank = |e: &Entry| {
        let (id, name) = (e.id.to_lowercase(), e.name.to_lowercase());
        if id == t || name == t {
            Some(0)
        } else if id.starts_with(&t) || name.starts_with(&t) {
            Some(1)
        } else if id.contains(&t) || name.contains(&t) {
            Some(2)
        } else {
            None
        }
    };
    let ranked: Vec<(u8, &Entry)> = catalog
        .entries()
        .iter()
        .filter_map(|e| rank(e).map(|r| (r, e)))
        .collect();
    let Some(best) = ranked.iter().map(|(r, _)| *r).min() else {
        return Err(match catalog.suggest(first) {
            Some(close) => format!("no catalog entry \"{first}\"; did you mean \"{close}\"?"),
            None => format!("no catalog entry \"{first}\"; press Tab to see matches"),
        });
    };
    let tied: Vec<&Entry> = ranked
        .into_iter()
        .filter(|(r, _)| *r == best)
        .map(|(_, e)| e)
        .collect();
    match tied.as_slice() {
        [one] => Ok(Some(one)),
        several => {
            let mut ids: Vec<&str> = several.iter().take(6).map(|e| e.id.as_str()).collect();
            if several.len() > ids.len() {
                ids.push("...");
            }
            Err(format!(
                "\"{typed}\" matches {}: type more of the name, or press Tab to see them",
                ids.join(", ")
            ))
        }
    }
}

/// Picks any of `keys`, shown as `labels`, with those in `current` ticked first.
fn pick_many(
    prompter: &mut dyn Prompter,
    prompt: &Prompt,
    keys: &[&str],
    labels: Vec<String>,
    current: Option<&Value>,
) -> Reply<Value> {
    let mut selected = selected_positions(current, |k| keys.iter().position(|x| *x == k));
    map(
        prompter.multi_select(prompt, &labels, &mut selected),
        |picked| Value::Array(picked.into_iter().map(|i| Value::from(keys[i])).collect()),
    )
}

fn selected_positions(
    current: Option<&Value>,
    position: impl Fn(&str) -> Option<usize>,
) -> Vec<usize> {
    // One value may be written as a plain string (a transfer's one safeguard).
    match current {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .filter_map(&position)
            .collect(),
        Some(Value::String(one)) => position(one).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn map<T>(reply: Reply<T>, f: impl FnOnce(T) -> Value) -> Reply<Value> {
    match reply {
        Reply::Answer(v) => Reply::Answer(f(v)),
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

#[cfg(test)]
mod tests;
