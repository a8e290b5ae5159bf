//! Keys become messages, and `update` applies a message to the state. `update` is
//! pure: it reads no clock, touches no file and draws nothing; what must happen
//! outside (save, open, publish) it returns as [`Cmd`]s for the runtime to do, which
//! answers with another message. So every behaviour here is tested without a terminal.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};
use serde_json::Value;

use super::app::{App, Doc, Focus, Output, Review, Saved, ScanOffer, Screen, Scroll};
use super::editors::text::TextInput;
use super::editors::{Ctx, Editor, Outcome};
use super::keys;
use super::strings;
use crate::answers::set::{Undo, problems_at, set_value_in};
use crate::answers::{Answers, AnswersError};
use crate::cli::Exit;
use crate::policy::Policy;
use crate::render::Format;
use crate::scan::Found;
use crate::store::{self, remembered};

/// Something that happened: a key, a paste, or the result of a [`Cmd`].
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// The answers were written (or not); when another program had changed the
    /// file, with the answers to show now and what to say.
    Saved(Result<store::Synced, String>),
    /// A policy was read and can be edited; `last` is where the operator stopped.
    Opened {
        path: PathBuf,
        name: Option<String>,
        answers: Answers,
        /// What the file held when read, to notice another writer at the next save.
        base: store::Base,
        last: Option<String>,
        saved: Saved,
    },
    /// Opening or creating failed; shown on the home screen.
    Failed(String),
    /// Publishing finished: what was written, and the answers as published (dated).
    Published(Result<(String, Answers, store::Base), String>),
    /// The last published version of the open policy (number and answers), if any,
    /// for the review screen's list of changes.
    LastVersion(Result<Option<(u32, Answers)>, String>),
    /// The product's code in `dir` was scanned: the processors found, or why not.
    Scanned {
        dir: String,
        found: Result<Vec<Found>, String>,
    },
    /// The long text as the operator's editor left it.
    Edited(Result<String, String>),
    /// The quick start's answers, with what a scan of the code found: the
    /// suggestions can be made and the wizard opened.
    Begun(Box<Begun>),
}

/// A new policy's quick start, done: where it will be saved and what to suggest from.
#[derive(Debug)]
pub struct Begun {
    pub path: PathBuf,
    pub name: String,
    /// The start's answers, the code folder as it is remembered.
    pub start: crate::suggest::Start,
    /// What the scan of the code found, if it was scanned.
    pub found: Option<crate::scan::Report>,
    /// Why the code could not be looked through.
    pub scan_error: Option<String>,
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// Write the open policy's answers; `key` is the question just answered.
    Save {
        key: String,
    },
    Open {
        path: PathBuf,
        name: String,
    },
    Create {
        name: String,
    },
    /// Make the quick start's suggestions for a new policy called `name` (after a
    /// scan of its code, if a folder was given) and open it.
    Begin {
        name: String,
        start: crate::suggest::Start,
    },
    /// Write the ticked outputs of the review screen and record a version.
    Publish,
    /// Read the last published version, to show what publishing would change.
    LoadLastVersion,
    /// Look through the product's code (a folder as the operator sees it) for
    /// processors.
    Scan {
        dir: String,
    },
    /// Open the long text being written in the operator's editor.
    EditExternally {
        text: String,
    },
}

/// Applies one message; returns the work it asks for.
pub fn update(app: &mut App, msg: Msg) -> Vec<Cmd> {
    let mut cmds = apply(app, msg);
    cmds.extend(scan_wanted(app));
    cmds
}

/// At the question about who receives data, the product's code is scanned once per
/// folder, so what it uses can be offered.
fn scan_wanted(app: &mut App) -> Option<Cmd> {
    if app.screen != Screen::Wizard || !app.at_scan_question() {
        return None;
    }
    let d = app.doc_mut();
    let stored = d.answers.workspace.code_dir.as_deref()?.trim();
    if stored.is_empty() {
        return None;
    }
    let dir = remembered::shown(&d.path, stored);
    if d.scan.as_ref().is_some_and(|s| s.dir == dir) {
        return None;
    }
    d.scan = Some(ScanOffer {
        dir: dir.clone(),
        found: None,
    });
    Some(Cmd::Scan { dir })
}

/// Ctrl-Q. What was typed is saved first, as Tab saves it, so leaving never drops
/// an answer typed but not yet confirmed with Enter. An answer that cannot be saved
/// (refused by its check, or by the disk) is not dropped silently: the first Ctrl-Q
/// says so on the wizard's screen, and a second leaves without it, with
/// [`Exit::Unsaved`] so that a script sees it too.
fn quit(app: &mut App) -> Vec<Cmd> {
    let warned = app.doc.as_ref().is_some_and(|d| d.quit_warned);
    let cmds = if app.doc.is_some() && app.screen == Screen::Wizard {
        match save_typed(app) {
            Ok(cmds) => cmds,
            Err(()) if warned => {
                app.exit = Some(Exit::Unsaved);
                return Vec::new();
            }
            Err(()) => {
                let d = app.doc_mut();
                let why = d.errors.join("; ");
                d.notice = Some(format!("{} ({why})", strings::QUIT_UNSAVED));
                d.quit_warned = true;
                return Vec::new();
            }
        }
    } else {
        Vec::new()
    };
    if let Some(d) = app.doc.as_mut()
        && let Saved::Failed(why) = &d.saved
    {
        if d.quit_warned {
            app.exit = Some(Exit::Unsaved);
        } else {
            d.notice = Some(format!("{} {why}", strings::QUIT_UNSAVED));
            d.quit_warned = true;
            app.screen = Screen::Wizard;
        }
        return cmds;
    }
    app.exit = Some(Exit::Ok);
    cmds
}

/// Before the wizard leaves the question (Tab, a section, the next to do, Ctrl-Q):
/// a changed answer is saved as if Enter were pressed. `Err` when it cannot be
/// (the reason is shown at the question, and the typing stays in its field).
fn save_typed(app: &mut App) -> Result<Vec<Cmd>, ()> {
    if !app.doc().dirty {
        return Ok(Vec::new());
    }
    // The answers are borrowed, not copied (a copy per key was slow on large files).
    let outcome = {
        let q = app.question();
        let mut editor = app.doc().editor.clone();
        let ctx = Ctx {
            answers: &app.doc().answers,
            catalog: &app.catalog,
        };
        editor.submit_for_move(q, &ctx)
    };
    match outcome {
        Some(Outcome::Submit(v) | Outcome::Apply(v)) => match commit(app, v) {
            Ok(cmd) => Ok(vec![cmd]),
            Err(errors) => {
                app.doc_mut().errors = errors;
                Err(())
            }
        },
        Some(Outcome::Invalid(e)) => {
            app.doc_mut().errors = vec![e];
            Err(())
        }
        _ => Ok(Vec::new()),
    }
}

fn apply(app: &mut App, msg: Msg) -> Vec<Cmd> {
    match msg {
        Msg::Key(key) if keys::is_interrupt(&key) => {
            app.exit = Some(Exit::Interrupted);
            Vec::new()
        }
        Msg::Key(key) => match app.screen {
            Screen::Home => home_key(app, &key),
            Screen::Start => super::start::key(app, &key),
            Screen::Wizard => wizard_key(app, &key),
            Screen::Review => review_key(app, &key),
        },
        Msg::Paste(text) => {
            match app.screen {
                Screen::Home => {
                    if let Some(input) = &mut app.home.naming {
                        input.insert_str(&text);
                    }
                }
                Screen::Start => super::start::paste(app, &text),
                Screen::Wizard => {
                    let d = app.doc_mut();
                    d.editor.paste(&text);
                    d.dirty = true;
                }
                Screen::Review => {
                    if let Some(o) = review_output(app) {
                        o.path.insert_str(&text);
                    }
                }
            }
            Vec::new()
        }
        Msg::Saved(result) => {
            let Some(d) = &mut app.doc else {
                return Vec::new();
            };
            d.quit_warned = false;
            match result {
                Ok(synced) => {
                    d.saved = Saved::Saved;
                    d.base = synced.base;
                    if let Some(reloaded) = synced.reloaded {
                        // Another program wrote the file: show what it now holds.
                        d.answers = reloaded.answers;
                        d.notice = Some(reloaded.note);
                        d.stale = true;
                        if !d.dirty {
                            app.reset_editor();
                        }
                    }
                }
                Err(e) => d.saved = Saved::Failed(e),
            }
            Vec::new()
        }
        Msg::Opened {
            path,
            name,
            answers,
            base,
            last,
            saved,
        } => {
            app.open(path, name, answers, last.as_deref(), saved);
            app.doc_mut().base = base;
            Vec::new()
        }
        Msg::Failed(message) => {
            app.home.message = Some(message);
            if app.screen == Screen::Start {
                app.start = None;
                app.screen = Screen::Home;
            }
            Vec::new()
        }
        Msg::Begun(begun) => super::start::begun(app, *begun),
        Msg::Scanned { dir, found } => {
            if let Some(offer) = app.doc.as_mut().and_then(|d| d.scan.as_mut())
                && offer.dir == dir
            {
                offer.found = Some(found);
            }
            Vec::new()
        }
        Msg::LastVersion(result) => {
            let changes = match result {
                Ok(Some((version, previous))) => {
                    // Both sides as the policy says them, as `diff` compares them.
                    let policies = Policy::resolve(&previous, &app.catalog)
                        .and_then(|previous| Ok((previous, app.policy()?)));
                    let diff = match policies {
                        Ok((previous, now)) => crate::diff::since(&previous, &now),
                        Err(problems) => {
                            set_changes(app, vec![crate::answers::list_problems(&problems)]);
                            return Vec::new();
                        }
                    };
                    let n = diff.changes.len();
                    let mut lines = vec![format!(
                        "Since version {version}: {n} change{}, {} material",
                        if n == 1 { "" } else { "s" },
                        diff.material().count()
                    )];
                    lines.extend(diff.changes.iter().map(|c| {
                        format!("{}{}", if c.material { "[material] " } else { "" }, c.text)
                    }));
                    lines
                }
                Ok(None) => vec!["Not published before: this will be version 1.".to_owned()],
                Err(e) => vec![format!("The published versions cannot be read: {e}")],
            };
            set_changes(app, changes);
            Vec::new()
        }
        Msg::Edited(result) => {
            if let Some(d) = &mut app.doc {
                match (result, d.editor.document()) {
                    // A draft like typing: Enter (or Tab) saves it, Esc undoes it.
                    (Ok(text), Some(e)) => {
                        e.replace(&text);
                        d.dirty = true;
                        d.errors.clear();
                    }
                    (Err(e), _) => d.errors = vec![e],
                    (Ok(_), None) => {}
                }
            }
            Vec::new()
        }
        Msg::Published(result) => {
            let mut cmds = Vec::new();
            if let Some(d) = &mut app.doc {
                let message = match result {
                    Ok((message, answers, base)) => {
                        d.answers = answers;
                        d.base = base;
                        // "Since version N" now counts from the version just recorded
                        // (a saved policy's, or an answers file's kept beside it).
                        cmds.push(Cmd::LoadLastVersion);
                        message
                    }
                    Err(e) => format!("Not published: {e}"),
                };
                if let Some(r) = &mut d.review {
                    r.message = Some(message);
                }
            }
            app.refresh_after_frame();
            cmds
        }
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn home_key(app: &mut App, key: &KeyEvent) -> Vec<Cmd> {
    let home = &mut app.home;
    if let Some(input) = &mut home.naming {
        match key.code {
            KeyCode::Esc => home.naming = None,
            KeyCode::Enter => {
                let name = input.text.trim().to_owned();
                if !is_name(&name) {
                    home.message = Some("use letters, digits, - and _ only".to_owned());
                } else if home.entries.iter().any(|e| e.name == name) {
                    home.message = Some(format!(
                        "`{name}` already exists: pick it in the list to open it"
                    ));
                } else {
                    home.naming = None;
                    home.message = None;
                    // The quick start first, as `policywright new NAME` begins.
                    super::start::open(app, name);
                    return Vec::new();
                }
            }
            _ => {
                input.handle(key);
            }
        }
        return Vec::new();
    }
    let n = home.entries.len();
    match key.code {
        KeyCode::Up if n > 0 => home.cursor = (home.cursor + n - 1) % n,
        KeyCode::Down if n > 0 => home.cursor = (home.cursor + 1) % n,
        KeyCode::Char('n') => {
            home.naming = Some(TextInput::default());
            home.message = None;
        }
        KeyCode::Enter | KeyCode::Char('o') if n > 0 => {
            let e = &home.entries[home.cursor];
            return vec![Cmd::Open {
                path: e.path.clone(),
                name: e.name.clone(),
            }];
        }
        KeyCode::Char('q') | KeyCode::Esc => return quit(app),
        _ if keys::is_quit(key) => return quit(app),
        _ => {}
    }
    Vec::new()
}

fn wizard_key(app: &mut App, key: &KeyEvent) -> Vec<Cmd> {
    if keys::is_quit(key) {
        return quit(app);
    }
    app.doc_mut().quit_warned = false;
    if app.doc().focus == Focus::Sidebar {
        let n = app.sections.len();
        let d = app.doc_mut();
        match key.code {
            KeyCode::Up => d.sidebar = (d.sidebar + n - 1) % n,
            KeyCode::Down => d.sidebar = (d.sidebar + 1) % n,
            KeyCode::Enter => {
                let s = d.sidebar;
                d.focus = Focus::Question;
                // What was typed at the question is saved first, as Tab saves it.
                let Ok(cmds) = save_typed(app) else {
                    return Vec::new();
                };
                jump_to_section(app, s);
                return cmds;
            }
            KeyCode::Esc => d.focus = Focus::Question,
            _ if keys::is_sections(key) => d.focus = Focus::Question,
            _ => {}
        }
        return Vec::new();
    }
    if let Some(cmds) = super::confirm::key(app, key) {
        return cmds;
    }
    if keys::is_sections(key) {
        let d = app.doc_mut();
        d.focus = Focus::Sidebar;
        d.sidebar = d.section;
        return Vec::new();
    }
    if keys::is_preview(key) {
        let d = app.doc_mut();
        d.preview_on = !d.preview_on;
        app.refresh_after_frame();
        return Vec::new();
    }
    if keys::is_review(key) {
        open_review(app);
        return vec![Cmd::LoadLastVersion];
    }
    if let Some(lines) = keys::policy_scroll(key) {
        let d = app.doc_mut();
        if d.preview_drawn.get() {
            d.policy_scroll.by(lines);
        } else {
            // No preview on screen (a small terminal, or Ctrl-T): the question pane
            // scrolls, so help and errors cut at 40x12 can be read.
            d.question_nudge = d.question_nudge.saturating_add(lines);
        }
        return Vec::new();
    }
    app.doc_mut().question_nudge = 0;
    if keys::is_add_found(key) && app.at_scan_question() {
        return add_found(app);
    }
    if keys::is_external_editor(key) {
        if let Some(e) = app.doc_mut().editor.document() {
            return vec![Cmd::EditExternally {
                text: e.area.text.clone(),
            }];
        }
    }
    if keys::is_next(key) || keys::is_previous(key) {
        let forward = keys::is_next(key);
        let Ok(cmds) = save_typed(app) else {
            return Vec::new();
        };
        if forward {
            next(app);
        } else {
            previous(app);
        }
        return cmds;
    }

    if let Some(cmds) = letter_answer(app, key) {
        return cmds;
    }
    // A yes/no question answered by its letter: kept, with the answer before, in
    // case the letter was the start of a word.
    let letter = match (key.code, &app.question().kind) {
        (
            KeyCode::Char(c @ ('y' | 'Y' | 'n' | 'N')),
            crate::questions::Kind::YesNo | crate::questions::Kind::Maybe,
        ) if key.modifiers.is_empty() || key.modifiers == crossterm::event::KeyModifiers::SHIFT => {
            let d = app.doc();
            Some(super::app::LetterAnswer {
                step: (d.section, d.question),
                before: crate::answers::set::answer_at(&d.answers, app.question().key),
                run: c.to_string(),
                at: super::editors::form::now(),
            })
        }
        _ => None,
    };
    // The editor reads the answers while it changes: borrowed field by field, not
    // copied, so a key costs the same with 20 answers as with 7,000 records.
    let outcome = {
        let sections = app.sections;
        let App { doc, catalog, .. } = app;
        let d = doc.as_mut().expect("a policy is open");
        let q = &sections[d.section].questions[d.question];
        let ctx = Ctx {
            answers: &d.answers,
            catalog,
        };
        d.editor.handle(key, q, &ctx)
    };
    match outcome {
        Outcome::Consumed => {
            let q = app.question();
            let live = match &app.doc().editor {
                // Checked as it is typed, not only when Enter is pressed.
                Editor::Text(t) if !t.inline_list && !t.input.text.trim().is_empty() => {
                    q.kind.parse_text(&t.input.text).err()
                }
                _ => None,
            };
            let d = app.doc_mut();
            d.dirty = !matches!(&d.editor, Editor::List(l) if !l.busy());
            d.errors = live.into_iter().collect();
            d.notice = None;
            Vec::new()
        }
        Outcome::Submit(v) => match commit(app, v) {
            Ok(cmd) => {
                next(app);
                app.doc_mut().letter_answer = letter;
                vec![cmd]
            }
            Err(errors) => {
                app.doc_mut().errors = errors;
                Vec::new()
            }
        },
        Outcome::ApplyWith(v, others) => match commit_with(app, v.clone(), others) {
            Ok(cmd) => accepted(app, &v, cmd),
            Err(errors) => {
                app.doc_mut().errors = errors;
                Vec::new()
            }
        },
        Outcome::Apply(v) => match commit(app, v.clone()) {
            Ok(cmd) => accepted(app, &v, cmd),
            Err(errors) => {
                // An entry's problems are shown at its fields.
                let key = app.question().key;
                let d = app.doc_mut();
                d.errors = d.editor.refused(key, errors);
                Vec::new()
            }
        },
        Outcome::Invalid(e) => {
            app.doc_mut().errors = vec![e];
            Vec::new()
        }
        Outcome::Ignored => {
            if key.code == KeyCode::Esc {
                // Esc undoes the edit: back to the saved answer.
                app.reset_editor();
            }
            Vec::new()
        }
    }
}

/// Adds what the scan found and the answers do not declare to the recipients, as
/// catalog references, saved at once like any list edit.
fn add_found(app: &mut App) -> Vec<Cmd> {
    if matches!(&app.doc().editor, Editor::List(l) if l.busy()) {
        app.doc_mut().errors = vec![strings::FINISH_ENTRY.to_owned()];
        return Vec::new();
    }
    let d = app.doc();
    let found = match d.scan.as_ref().and_then(|s| s.found.as_ref()) {
        Some(Ok(found)) => found,
        _ => {
            app.doc_mut().notice = Some(strings::NOTHING_FOUND_TO_ADD.to_owned());
            return Vec::new();
        }
    };
    let records = crate::scan::records_to_add(found, &d.answers, &app.catalog);
    if records.is_empty() {
        app.doc_mut().notice = Some(strings::NOTHING_FOUND_TO_ADD.to_owned());
        return Vec::new();
    }
    let names: Vec<String> = records
        .iter()
        .filter_map(|r| r["name"].as_str().map(str::to_owned))
        .collect();
    let mut list = match app.current_value() {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    list.extend(records);
    match commit(app, Value::Array(list)) {
        Ok(cmd) => {
            app.reset_editor();
            app.doc_mut().notice = Some(format!(
                "Added {}. Open each to say which data it receives.",
                names.join(", ")
            ));
            vec![cmd]
        }
        Err(errors) => {
            app.doc_mut().errors = errors;
            Vec::new()
        }
    }
}

/// Sets the current question's answer, checks it like the file and `--set` are
/// checked, and asks for it to be saved. Refused answers leave everything as it was.
pub fn commit(app: &mut App, value: Value) -> Result<Cmd, Vec<String>> {
    commit_with(app, value, Vec::new())
}

/// A key after a yes/no question was answered by its letter and the wizard went
/// on: a word going on at typing speed ("never", "yes please" is fine: "yes" is an
/// answer) was not an answer (found walking through the wizard: "no we don't"
/// answered one question with its n and went on typing into the next ones). The
/// question gets its answer back and is shown again, said so; the letters are not
/// typed anywhere, as a yes/no takes none. `None`: the key is handled as usual.
fn letter_answer(app: &mut App, key: &KeyEvent) -> Option<Vec<Cmd>> {
    use super::editors::form::{Run, WORD_GAP, run_of, since};
    let plain = key.modifiers.is_empty() || key.modifiers == crossterm::event::KeyModifiers::SHIFT;
    let char = match key.code {
        KeyCode::Char(c) if plain => Some(c),
        _ => None,
    };
    // The rest of a sentence, still coming: not answers.
    if let Some((at, mut text)) = app.doc_mut().swallowed.take() {
        if let (Some(c), true) = (char, since(at) < WORD_GAP) {
            text.push(c);
            let d = app.doc_mut();
            d.notice = Some(format!(
                "Not taken as an answer: “{}” (a yes/no question takes y or n).",
                text.trim()
            ));
            d.swallowed = Some((super::editors::form::now(), text));
            return Some(Vec::new());
        }
    }
    let typed = app.doc_mut().letter_answer.take()?;
    let c = char?;
    if since(typed.at) >= WORD_GAP {
        return None;
    }
    let answered = ["y", "n", "yes", "no"].contains(&typed.run.to_lowercase().as_str());
    let on_yes_no = matches!(
        app.question().kind,
        crate::questions::Kind::YesNo | crate::questions::Kind::Maybe
    );
    match run_of(&typed.run, c) {
        _ if answered && on_yes_no && matches!(c, 'y' | 'Y' | 'n' | 'N') => None,
        Run::Answer => {
            app.doc_mut().letter_answer = Some(super::app::LetterAnswer {
                run: format!("{}{c}", typed.run),
                at: super::editors::form::now(),
                ..typed
            });
            Some(Vec::new())
        }
        // "no we don't": the answer stands, and the rest of the sentence is not
        // taken as answers to the questions after it.
        Run::Over if c == ' ' => {
            app.doc_mut().swallowed = Some((super::editors::form::now(), String::new()));
            Some(Vec::new())
        }
        Run::Over => None,
        Run::Prose => {
            go(app, typed.step);
            let cmds = match commit(app, typed.before.unwrap_or(Value::Null)) {
                Ok(cmd) => vec![cmd],
                Err(_) => Vec::new(),
            };
            let q = app.question();
            let asked = crate::questions::in_words(q.prompt, &app.doc().answers).into_owned();
            let word = format!("{}{c}", typed.run);
            let d = app.doc_mut();
            d.notice = Some(format!(
                "“{word}…” is not an answer to “{asked}”: it takes y or n (or yes, no), \
                 so nothing was answered."
            ));
            d.swallowed = Some((super::editors::form::now(), word));
            Some(cmds)
        }
    }
}

/// [`commit`], with other answers set in the same save (all or none of them).
fn commit_with(
    app: &mut App,
    value: Value,
    others: Vec<(&'static str, Value)>,
) -> Result<Cmd, Vec<String>> {
    let key = app.question().key;
    let mut keys = vec![key];
    keys.extend(others.iter().map(|(k, _)| *k));
    // Set in place and put back if refused: copying the answers to judge one was as
    // slow as the file is large.
    let answers = &mut app.doc_mut().answers;
    let undo = Undo::before(answers, &keys);
    for (k, v) in others.into_iter().chain([(key, value)]) {
        let refused = match set_value_in(answers, k, v) {
            Ok(()) => continue,
            Err(AnswersError::Overrides(problems)) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(other) => vec![other.to_string()],
        };
        undo.restore(answers);
        return Err(refused);
    }
    let problems = problems_at(answers, &keys);
    if !problems.is_empty() {
        undo.restore(answers);
        return Err(problems.iter().map(ToString::to_string).collect());
    }
    let d = app.doc_mut();
    d.errors.clear();
    d.dirty = false;
    d.stale = true;
    Ok(Cmd::Save {
        key: key.to_owned(),
    })
}

/// Goes to a question (section, question), as the confirm keys do.
pub fn go_to(app: &mut App, step: (usize, usize)) {
    go(app, step);
}

fn go(app: &mut App, step: (usize, usize)) {
    let d = app.doc_mut();
    if d.section != step.0 {
        // The preview follows the section: a new part starts at its top.
        d.policy_scroll = Scroll::default();
    }
    (d.section, d.question) = step;
    d.sidebar = d.section;
    d.notice = None;
    app.reset_editor();
}

/// The next question that applies (conditions are read from the answers as they
/// are now, so a question made irrelevant by the last answer is skipped).
pub fn next(app: &mut App) {
    let here = (app.doc().section, app.doc().question);
    match app
        .steps(&app.doc().answers)
        .into_iter()
        .find(|&s| s > here)
    {
        Some(step) => go(app, step),
        None => {
            app.reset_editor();
            app.doc_mut().notice = Some(strings::LAST_QUESTION.to_owned());
        }
    }
}

pub fn previous(app: &mut App) {
    let here = (app.doc().section, app.doc().question);
    match app
        .steps(&app.doc().answers)
        .into_iter()
        .rev()
        .find(|&s| s < here)
    {
        Some(step) => go(app, step),
        None => {
            app.reset_editor();
            app.doc_mut().notice = Some(strings::FIRST_QUESTION.to_owned());
        }
    }
}

pub fn jump_to_section(app: &mut App, section: usize) {
    match app
        .steps(&app.doc().answers)
        .into_iter()
        .find(|&(s, _)| s == section)
    {
        Some(step) => go(app, step),
        None => {
            app.doc_mut().notice = Some(format!(
                "{}: {}",
                app.sections[section].title,
                strings::NOTHING_APPLIES
            ));
        }
    }
}

/// An answer the editor applied was saved: the editor takes it as its new value.
fn accepted(app: &mut App, v: &Value, cmd: Cmd) -> Vec<Cmd> {
    let d = app.doc_mut();
    d.editor.accepted(v);
    d.dirty = false;
    vec![cmd]
}

/// The review screen's lines on what changed since the last version.
fn set_changes(app: &mut App, changes: Vec<String>) {
    if let Some(r) = app.doc.as_mut().and_then(|d| d.review.as_mut()) {
        r.changes = changes;
    }
}

fn open_review(app: &mut App) {
    // Checked as `check` and `render` see the answers: catalog references filled in.
    // The document's findings stand unless the answers changed since they were
    // worked out (a `check` of a large file is tens of milliseconds).
    // The answers are lent to the policy, not copied (see `Policy::lend`).
    let d = app.doc.as_mut().expect("the review is of an open document");
    let stale = d.stale;
    let (problems, findings, forms) =
        Policy::lend(&mut d.answers, &app.catalog, |policy| match policy {
            Ok(policy) => (
                policy.problems(),
                stale.then(|| crate::check::check(policy)),
                crate::disclosures::readable(policy),
            ),
            Err(problems) => (problems, stale.then(Vec::new), Vec::new()),
        });
    let d = app.doc();
    // `acme-privacy.md` for a saved policy; `privacy.md` beside an answers file.
    let stem = d
        .name
        .as_ref()
        .map_or_else(|| "privacy".to_owned(), |name| format!("{name}-privacy"));
    // The outputs the answers remember, ticked; the other formats offered beside them
    // (with Markdown ticked for a policy never published).
    let remembered = &d.answers.workspace.outputs;
    let review = Review {
        problems: problems.iter().map(ToString::to_string).collect(),
        changes: Vec::new(),
        outputs: Format::ALL
            .iter()
            .map(
                |&format| match remembered.iter().find(|o| o.format == format) {
                    Some(o) => Output {
                        format,
                        on: true,
                        path: TextInput::new(remembered::shown(&d.path, &o.path)),
                    },
                    None => Output {
                        format,
                        on: remembered.is_empty() && format == Format::Markdown,
                        path: TextInput::new(format!("{stem}.{}", format.extension())),
                    },
                },
            )
            .collect(),
        cursor: 0,
        message: None,
        scroll: Scroll::default(),
        wrapped: Default::default(),
        forms,
        typing: false,
    };
    let d = app.doc_mut();
    d.review = Some(review);
    // The review lists them from the document, rather than a copy of its own: a
    // file with thousands of entries has megabytes of findings.
    if let Some(findings) = findings {
        d.findings = findings;
        d.worked_out += 1;
    }
    d.policy_scroll = Scroll::default();
    // The whole policy is shown even when the wizard's preview was off.
    let unrendered = d.preview.markdown.is_none() && d.preview.problems.is_empty();
    let refresh = d.stale || unrendered;
    app.screen = Screen::Review;
    if refresh {
        app.refresh_after_frame();
    }
}

fn review_output(app: &mut App) -> Option<&mut Output> {
    let r = app.doc.as_mut()?.review.as_mut()?;
    let cursor = r.cursor;
    r.outputs.get_mut(cursor)
}

fn review_key(app: &mut App, key: &KeyEvent) -> Vec<Cmd> {
    if keys::is_quit(key) {
        return quit(app);
    }
    let d: &mut Doc = app.doc.as_mut().expect("a policy is open");
    let Some(r) = &mut d.review else {
        app.screen = Screen::Wizard;
        return Vec::new();
    };
    if let Some(lines) = keys::policy_scroll(key) {
        d.policy_scroll.by(lines);
        return Vec::new();
    }
    if let Some(lines) = keys::page(key) {
        r.scroll.by(lines);
        return Vec::new();
    }
    let rows = r.outputs.len() + 1;
    match key.code {
        KeyCode::Esc => {
            d.policy_scroll = Scroll::default();
            // Nothing is worked out again unless the answers changed meanwhile (they
            // are then stale, and the loop catches up after the frame): a whole
            // render and `check` here, on top of the review's own panes, set a large
            // policy's peak memory. The whole policy the review showed is let go if
            // the wizard does not show its preview.
            if !d.preview_on {
                d.preview = Default::default();
            }
            app.screen = Screen::Wizard;
        }
        KeyCode::Up => {
            r.cursor = (r.cursor + rows - 1) % rows;
            r.typing = false;
        }
        KeyCode::Down | KeyCode::Tab => {
            r.cursor = (r.cursor + 1) % rows;
            r.typing = false;
        }
        KeyCode::Char(' ') if r.cursor < r.outputs.len() && !r.typing => {
            let o = &mut r.outputs[r.cursor];
            o.on = !o.on;
        }
        KeyCode::Enter => {
            if !r.problems.is_empty() {
                r.message = Some(format!(
                    "Not yet: {} answer(s) still needed (listed above). Esc goes back to the questions.",
                    r.problems.len()
                ));
            } else if !r
                .outputs
                .iter()
                .any(|o| o.on && !o.path.text.trim().is_empty())
            {
                r.message = Some("Tick at least one format (Space) and give it a path.".to_owned());
            } else {
                r.message = Some("Publishing…".to_owned());
                return vec![Cmd::Publish];
            }
        }
        _ => {
            if let Some(o) = r.outputs.get_mut(r.cursor) {
                let before = o.path.text.clone();
                o.path.handle(key);
                r.typing |= o.path.text != before;
            }
        }
    }
    Vec::new()
}
