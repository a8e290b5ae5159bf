//! The fields of one record (a list entry or an optional group), each edited with
//! the editor of its kind. Fields whose condition stops holding are hidden but kept,
//! like every answer in the file; the policy leaves them out (`crate::policy`).
//!
//! In a record that refers to the processor catalog, a field left empty shows, dimmed,
//! what the catalog will put in the policy for it ([`crate::catalog::defaults`]).
//! Opening such a field starts its editor from that value: Enter makes it the
//! operator's own answer (written into the record), and Esc leaves the field to the
//! catalog, so a later catalog correction still reaches the policy.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use serde_json::{Map, Value};

use super::{Ctx, Editor, Outcome, shown};
use crate::questions::{Kind, Question, Scope, is_answered};
use crate::tui::keys::Hint;
use crate::tui::strings;

/// What a key did to the form.
#[derive(Debug, PartialEq)]
pub enum FormOutcome {
    Consumed,
    Ignored,
    /// "Save this entry".
    Save(Value),
    /// "Remove these details" (optional groups only).
    Remove,
    /// Esc with no field open.
    Cancel,
}

/// An open field's editor is drawn this far in, under the field's name.
const INDENT: &str = "    ";

#[derive(Debug, Clone)]
pub struct Form {
    pub record: Map<String, Value>,
    /// The row under the cursor: a visible field, then the action rows.
    pub cursor: usize,
    /// The field being edited (its index in the fields) and its editor.
    pub open: Option<(usize, Box<Editor>)>,
    /// The open field's editor started from the catalog's value, not an answer.
    pub from_catalog: bool,
    pub error: Option<String>,
    /// Offer "Remove these details" (an optional group that has an answer).
    pub removable: bool,
    /// The record as it was opened, to tell whether leaving it loses anything.
    original: Map<String, Value>,
    /// Esc was pressed with changes: the form asks whether to keep them.
    pub asking: bool,
    /// Why saving the entry was refused, by field key: shown at the field.
    pub field_errors: Map<String, Value>,
    /// A letter landed on a field that does not take it (a yes/no, a list of
    /// choices): the rest of that typing is not taken as answers either, until a
    /// key that is not a character (an arrow, Enter, Esc) shows it was noticed.
    stray: bool,
    /// A letter just answered a yes/no field: what was typed on it since, which
    /// field, and its answer before. Typing that goes on as a word ("yearly",
    /// "never") is prose, not an answer: see [`Form::prose`].
    typed: Option<Typed>,
    /// Said under the field that prose typed on a yes/no was moved into.
    pub moved: Option<String>,
}

/// The letters typed on a yes/no field that a letter answered.
#[derive(Debug, Clone)]
struct Typed {
    run: String,
    field: usize,
    before: Option<Value>,
    /// When the last of them was typed.
    at: std::time::Instant,
}

/// Letters that follow one another faster than this are one word being typed, not
/// an answer and then the next field's text: a founder who answers "y" reads the
/// field it brings before typing into it (the existing flow), while "yearly" comes
/// at typing speed. Keys alone cannot tell "y" + "you cannot ..." (an answer, then
/// the follow-up's text) from "yearly" (prose); the pause between them can.
pub const WORD_GAP: std::time::Duration = std::time::Duration::from_millis(500);

/// The time a key is handled, which [`WORD_GAP`] is measured on. Tests run on a
/// clock of their own that stands still until [`pass`] moves it: their keys come
/// at once, and on a loaded machine a real clock could put a gap inside one word
/// and make them flaky.
pub fn now() -> std::time::Instant {
    #[cfg(test)]
    return TEST_CLOCK.with(std::cell::Cell::get);
    #[cfg(not(test))]
    std::time::Instant::now()
}

/// How long it has been since `then`, on [`now`]'s clock.
pub fn since(then: std::time::Instant) -> std::time::Duration {
    now().saturating_duration_since(then)
}

#[cfg(test)]
thread_local! {
    static TEST_CLOCK: std::cell::Cell<std::time::Instant> =
        std::cell::Cell::new(std::time::Instant::now());
}

/// Moves the tests' clock on (see [`now`]).
#[cfg(test)]
pub fn pass(d: std::time::Duration) {
    TEST_CLOCK.with(|c| c.set(c.get() + d));
}

/// What a run of typing on a yes/no field is.
pub enum Run {
    /// "y", "n", "yes", "no", or a beginning of "yes": the answer stands.
    Answer,
    /// A word going on ("ye" + "a"): prose meant for a text field.
    Prose,
    /// Anything else (a space, a capital, a digit): the run is over.
    Over,
}

/// Why a letter typed on a field that does not take letters was not typed.
fn stray_said(field: Option<&Question>) -> String {
    match field.map(|f| &f.kind) {
        Some(Kind::YesNo | Kind::Maybe) => strings::STRAY_TYPING,
        _ => strings::STRAY_CHOICE,
    }
    .to_owned()
}

pub fn run_of(run: &str, c: char) -> Run {
    let word = format!("{run}{c}").to_lowercase();
    if ["yes", "no"].iter().any(|w| w.starts_with(&word)) {
        Run::Answer
    } else if c.is_lowercase() || c == '\'' || c == '’' {
        Run::Prose
    } else {
        Run::Over
    }
}

impl Form {
    pub fn new(existing: Option<&Value>, removable: bool) -> Form {
        let record = existing
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        Form {
            original: record.clone(),
            record,
            cursor: 0,
            open: None,
            from_catalog: false,
            error: None,
            removable,
            asking: false,
            field_errors: Map::new(),
            stray: false,
            typed: None,
            moved: None,
        }
    }

    /// Saving the entry was refused: the problems that name one of its fields
    /// (`data.categories[2].name: is required`) are shown at that field; the
    /// others are returned, for the wizard to show under the question.
    pub fn refused(&mut self, list_key: &str, errors: Vec<String>) -> Vec<String> {
        self.field_errors.clear();
        let mut rest = Vec::new();
        for e in errors {
            let after = e
                .strip_prefix(list_key)
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.split_once(']'))
                .map(|(_, r)| r);
            let field = match after {
                // `processors[2].name: is required and is empty`
                Some(r) if r.starts_with('.') => r[1..].split_once(": ").map(|(path, why)| {
                    let field = path.split(['.', '[']).next().unwrap_or(path);
                    (field.to_owned(), why.to_owned())
                }),
                // `processors[2]: missing field `id`` (the entry could not be read)
                Some(r) => r
                    .strip_prefix(": missing field `")
                    .and_then(|r| r.split_once('`'))
                    .map(|(field, _)| (field.to_owned(), strings::NEEDED.to_owned())),
                None => None,
            };
            match field {
                Some((field, why)) if !self.field_errors.contains_key(&field) => {
                    self.field_errors.insert(field, Value::from(why));
                }
                Some(_) => {}
                None => rest.push(e),
            }
        }
        rest
    }

    /// Back to the record as it was opened.
    pub fn discard(&mut self) {
        self.record = self.original.clone();
        self.open = None;
        self.from_catalog = false;
        self.error = None;
        self.asking = false;
    }

    /// Whether the record differs from what it was when opened.
    pub fn changed(&self) -> bool {
        self.record != self.original
    }

    /// The fields that apply to the record as it is now.
    pub fn visible(&self, fields: &[Question], ctx: &Ctx) -> Vec<usize> {
        let value = Value::Object(self.record.clone());
        let scope = Scope {
            answers: ctx.answers,
            record: Some(&value),
        };
        (0..fields.len())
            .filter(|&i| fields[i].applies(&scope))
            .collect()
    }

    /// The suggestions (an id made from the name) for the fields this record leaves
    /// empty, by field key: shown dimmed in the form, and kept when the entry is
    /// saved, so a founder need not open a field only to accept what it offers.
    pub fn suggestions(&self, fields: &[Question], ctx: &Ctx) -> Map<String, Value> {
        let value = Value::Object(self.record.clone());
        let scope = Scope {
            answers: ctx.answers,
            record: Some(&value),
        };
        self.visible(fields, ctx)
            .into_iter()
            .map(|i| &fields[i])
            .filter(|f| !is_answered(self.record.get(f.key)))
            .filter_map(|f| Some((f.key.to_owned(), f.suggest?(&scope)?)))
            .collect()
    }

    /// The entry as saved: its answers, and the suggestions it left standing.
    fn to_save(&self, fields: &[Question], ctx: &Ctx) -> Value {
        let mut record = self.record.clone();
        record.extend(self.suggestions(fields, ctx));
        Value::Object(record)
    }

    /// What the catalog supplies for the fields this record leaves empty, when the
    /// record is a processor that refers to it (by field key; empty otherwise).
    pub fn catalog_defaults(&self, fields: &[Question], ctx: &Ctx) -> Map<String, Value> {
        let refers = fields.iter().any(|f| matches!(f.kind, Kind::CatalogRef))
            && self.record.contains_key("catalog");
        if !refers {
            return Map::new();
        }
        crate::catalog::defaults(
            &Value::Object(self.record.clone()),
            ctx.answers,
            ctx.catalog,
        )
    }

    /// The catalog's note on the entry this record refers to ("Offers US and EU data
    /// storage"): what the operator should check before leaving a field to it.
    fn catalog_note<'c>(&self, ctx: &Ctx<'c>) -> Option<&'c str> {
        let id = self.record.get("catalog")?.as_str()?;
        ctx.catalog.get(id)?.notes.as_deref()
    }

    fn actions(&self) -> Vec<&'static str> {
        let mut a = vec![strings::SAVE_ENTRY];
        if self.removable {
            a.push(strings::REMOVE_GROUP);
        }
        a
    }

    pub fn handle(&mut self, key: &KeyEvent, fields: &[Question], ctx: &Ctx) -> FormOutcome {
        if let Some((i, editor)) = &mut self.open {
            let i = *i;
            if key.code == KeyCode::Esc {
                self.open = None;
                self.from_catalog = false;
                self.error = None;
                self.moved = None;
                return FormOutcome::Consumed;
            }
            // Up or Down in a one-line field saves it and goes to the field above or
            // below, as Enter goes on to the next: the field has no lines to move
            // between, the key did nothing, and a name typed, then Down, then an
            // e-mail address put both in the name (found filling in a UK
            // representative). A value the field refuses stays, with the reason.
            let up = key.code == KeyCode::Up;
            let leave = matches!(key.code, KeyCode::Up | KeyCode::Down)
                && key.modifiers.is_empty()
                && matches!(**editor, Editor::Text(_));
            let enter = KeyEvent::from(KeyCode::Enter);
            let key = if leave { &enter } else { key };
            match editor.handle(key, &fields[i], ctx) {
                Outcome::Submit(v) | Outcome::Apply(v) => {
                    if let (Kind::CatalogRef, Some(entry)) = (
                        &fields[i].kind,
                        v.as_str().and_then(|id| ctx.catalog.get(id)),
                    ) {
                        crate::catalog::record::prefill(&mut self.record, entry);
                    }
                    if is_answered(Some(&v)) || v.is_boolean() {
                        self.record.insert(fields[i].key.to_owned(), v);
                    } else {
                        self.record.remove(fields[i].key);
                    }
                    self.field_errors.remove(fields[i].key);
                    self.open = None;
                    self.from_catalog = false;
                    self.error = None;
                    self.moved = None;
                    // A field that no longer applies is hidden but kept, as the
                    // answers file keeps every answer: the policy leaves it out
                    // (`crate::policy`), and it is back if the condition comes back.
                    let visible = self.visible(fields, ctx);
                    let at = visible.iter().position(|&f| f == i).unwrap_or(0);
                    self.cursor = if leave && up {
                        at.saturating_sub(1)
                    } else {
                        (at + 1).min(visible.len())
                    };
                }
                Outcome::Invalid(e) => self.error = Some(e),
                Outcome::Ignored | Outcome::ApplyWith(..) => return FormOutcome::Ignored,
                Outcome::Consumed => {
                    // Checked as it is typed, as a question's answer is.
                    self.error = match &**editor {
                        Editor::Text(t) if !t.inline_list && !t.input.text.trim().is_empty() => {
                            fields[i].kind.parse_text(&t.input.text).err()
                        }
                        _ => None,
                    };
                }
            }
            return FormOutcome::Consumed;
        }
        if self.asking {
            // "Keep the changes to this entry?"
            self.asking = false;
            return match key.code {
                KeyCode::Char('y' | 'Y') => FormOutcome::Save(self.to_save(fields, ctx)),
                KeyCode::Char('n' | 'N') => FormOutcome::Cancel,
                _ => FormOutcome::Consumed,
            };
        }
        let visible = self.visible(fields, ctx);
        let rows = visible.len() + self.actions().len();
        if !matches!(key.code, KeyCode::Char(_)) && self.stray {
            self.stray = false;
            self.error = None;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let Some(typed) = self.typed.take()
            && let (KeyCode::Char(c), true) = (key.code, plain)
            && since(typed.at) < WORD_GAP
        {
            let on_yes_no = visible
                .get(self.cursor)
                .is_some_and(|&f| matches!(fields[f].kind, Kind::YesNo | Kind::Maybe));
            let answered = ["y", "n", "yes", "no"].contains(&typed.run.to_lowercase().as_str());
            match run_of(&typed.run, c) {
                // "y" then "n" on the next yes/no: two answers, as typed.
                _ if answered && on_yes_no && matches!(c, 'y' | 'Y' | 'n' | 'N') => {}
                Run::Answer => {
                    self.typed = Some(Typed {
                        run: format!("{}{c}", typed.run),
                        at: now(),
                        ..typed
                    });
                    return FormOutcome::Consumed;
                }
                Run::Prose => {
                    self.prose(typed, c, fields, ctx);
                    return FormOutcome::Consumed;
                }
                // A space after the answer only ends it; a yes/no below must not
                // take it as a toggle.
                Run::Over if c == ' ' => return FormOutcome::Consumed,
                Run::Over => {}
            }
        }
        match key.code {
            // No wrapping: Down past "Save this entry" landed on the first field, and
            // the next Enter opened it (ux-wizard finding 12).
            KeyCode::Up => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down => self.cursor = (self.cursor + 1).min(rows - 1),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = rows - 1,
            KeyCode::Esc if self.changed() => {
                self.asking = true;
                self.error = None;
            }
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Enter if self.cursor < visible.len() => {
                self.open_field(visible[self.cursor], fields, ctx);
            }
            KeyCode::Enter => {
                return match self.actions()[self.cursor - visible.len()] {
                    strings::SAVE_ENTRY => FormOutcome::Save(self.to_save(fields, ctx)),
                    _ => FormOutcome::Remove,
                };
            }
            // Typing on a field is typing into it (y and n answer a yes/no): the
            // field opens with the key, so nothing typed is dropped.
            // Typing meant for a text field, landing on a yes/no after a letter it
            // does not take: "when you upload" must not answer "no" with its n
            // and "yes" with the y of "you" (found walking through the wizard).
            KeyCode::Char(_) if plain && self.stray => {
                self.error = Some(stray_said(visible.get(self.cursor).map(|&f| &fields[f])));
            }
            KeyCode::Char(_) if plain && self.cursor < visible.len() => {
                self.open_field(visible[self.cursor], fields, ctx);
                if let (true, Some((_, editor))) = (self.from_catalog, &mut self.open)
                    && let Editor::Text(text) = &mut **editor
                {
                    // Typing over the catalog's value replaces it, as over a
                    // placeholder; Esc still leaves the field to the catalog.
                    text.input = super::text::TextInput::default();
                }
                let field = visible[self.cursor];
                let before = self.record.get(fields[field].key).cloned();
                let outcome = self.handle(key, fields, ctx);
                if let (
                    KeyCode::Char(c @ ('y' | 'Y' | 'n' | 'N')),
                    Kind::YesNo | Kind::Maybe,
                    None,
                ) = (key.code, &fields[field].kind, &self.open)
                {
                    // Answered by a letter: it stands unless a word goes on.
                    self.typed = Some(Typed {
                        run: c.to_string(),
                        field,
                        before,
                        at: now(),
                    });
                }
                if outcome == FormOutcome::Ignored {
                    // Not a key this field takes (a letter on a list of choices, or
                    // on a yes/no): typing meant for a text field. It goes into one,
                    // said so, rather than being dropped (found walking through the
                    // wizard: "all data needed ..." typed on "Which data
                    // categories?" vanished).
                    self.open = None;
                    self.from_catalog = false;
                    if let KeyCode::Char(c) = key.code {
                        let typed = Typed {
                            run: String::new(),
                            field,
                            before: self.record.get(fields[field].key).cloned(),
                            at: now(),
                        };
                        self.prose(typed, c, fields, ctx);
                        return FormOutcome::Consumed;
                    }
                    self.stray = true;
                    self.error = Some(stray_said(Some(&fields[field])));
                    return FormOutcome::Consumed;
                }
                return outcome;
            }
            // Typing on "Save this entry" (End, pressed as in a line of text, then
            // typing): it goes to the last text field, the one most likely meant,
            // open and said so (found walking through the wizard: " or by e-mailing
            // us" typed there vanished, and Enter saved the entry without it).
            KeyCode::Char(c) if plain && !visible.is_empty() && self.cursor >= visible.len() => {
                let prose = |f: &usize| matches!(fields[*f].kind, Kind::Text | Kind::Paragraph);
                let Some(&target) = visible.iter().rev().find(|f| prose(f)) else {
                    return FormOutcome::Ignored;
                };
                self.cursor = visible.iter().position(|&f| f == target).unwrap_or(0);
                self.open_to_type(target, fields, ctx);
                let had = is_answered(self.record.get(fields[target].key));
                let text = c.to_string();
                self.paste(&if had && c != ' ' {
                    format!(" {text}")
                } else {
                    text
                });
                self.moved = Some(strings::TYPED_ON_SAVE.to_owned());
            }
            _ => return FormOutcome::Ignored,
        }
        FormOutcome::Consumed
    }

    /// Lets a founder's pause pass (for tests of the state machine, whose keys come
    /// at once): the next letter starts anew, as after [`WORD_GAP`].
    #[cfg(test)]
    pub fn pause(&mut self) {
        if let Some(t) = &mut self.typed {
            t.at = now().checked_sub(WORD_GAP * 2).unwrap_or(t.at);
        }
    }

    /// A word typed on a yes/no field ("yearly", "never"): it was not an answer but
    /// prose meant for a text field (found walking through the wizard: "yearly
    /// billing" answered "yes" and the rest landed in the next field). The yes/no
    /// gets its answer back, and everything typed goes into a text field, open and
    /// said so: the one under the cursor if it is one and empty, else the nearest
    /// one still empty (above first: the typing most likely landed one row low).
    /// Only an empty field takes it: one with an answer, or showing a suggestion
    /// (the id made from the name, dimmed), is not typed into from another row
    /// (found in a quick-start draft: an `n` typed on a list of choices went five
    /// rows up to the end of the suggested id, "garden_photosn", and Enter saved
    /// it). With no empty text field, nothing is typed and the line under the
    /// field says so, with what was typed; Esc closes a field without it.
    fn prose(&mut self, typed: Typed, c: char, fields: &[Question], ctx: &Ctx) {
        let key = fields[typed.field].key;
        match typed.before {
            Some(v) => self.record.insert(key.to_owned(), v),
            None => self.record.remove(key),
        };
        let visible = self.visible(fields, ctx);
        let suggested = self.suggestions(fields, ctx);
        let prose = |f: usize| matches!(fields[f].kind, Kind::Text | Kind::Paragraph);
        let empty = |f: usize| {
            !is_answered(self.record.get(fields[f].key)) && !suggested.contains_key(fields[f].key)
        };
        let at = visible.iter().position(|&f| f == typed.field).unwrap_or(0);
        let by_distance = |want: &dyn Fn(usize) -> bool| {
            (1..visible.len()).find_map(|d| {
                let above = at.checked_sub(d).map(|r| visible[r]);
                let below = visible.get(at + d).copied();
                above.filter(|&f| want(f)).or(below.filter(|&f| want(f)))
            })
        };
        let target = visible
            .get(self.cursor)
            .copied()
            .filter(|&f| prose(f) && empty(f))
            .or_else(|| by_distance(&|f| prose(f) && empty(f)));
        let text = format!("{}{c}", typed.run);
        let Some(target) = target else {
            // No empty text field to take it: said, with what was typed, and the
            // yes/no left as it was.
            self.cursor = at;
            self.stray = true;
            self.error = Some(format!(
                "“{text}”: {}",
                stray_said(Some(&fields[typed.field]))
            ));
            return;
        };
        self.cursor = visible.iter().position(|&f| f == target).unwrap_or(at);
        self.open_to_type(target, fields, ctx);
        let had = is_answered(self.record.get(fields[target].key));
        self.paste(&if had && !text.starts_with(' ') {
            format!(" {text}")
        } else {
            text
        });
        let asked = crate::questions::in_words(fields[typed.field].prompt, ctx.answers);
        self.moved = Some(match fields[typed.field].kind {
            Kind::YesNo | Kind::Maybe => format!("{} “{asked}”", strings::PROSE_MOVED),
            _ => format!("{} “{asked}”", strings::TYPING_MOVED),
        });
    }

    /// Opens field `i` to type into it: as [`Form::open_field`], except that a
    /// text field showing the catalog's value starts empty, as typing over a
    /// placeholder replaces it (Esc still leaves the field to the catalog).
    fn open_to_type(&mut self, i: usize, fields: &[Question], ctx: &Ctx) {
        self.open_field(i, fields, ctx);
        if let (true, Some((_, editor))) = (self.from_catalog, &mut self.open)
            && let Editor::Text(text) = &mut **editor
        {
            text.input = super::text::TextInput::default();
        }
    }

    /// Opens field `i` in the editor of its kind, from its answer, else the
    /// catalog's value, else its suggestion.
    fn open_field(&mut self, i: usize, fields: &[Question], ctx: &Ctx) {
        let field = &fields[i];
        let record = Value::Object(self.record.clone());
        let scope = Scope {
            answers: ctx.answers,
            record: Some(&record),
        };
        let answer = self
            .record
            .get(field.key)
            .filter(|v| is_answered(Some(v)))
            .cloned();
        let from_catalog = match &answer {
            Some(_) => None,
            None => self.catalog_defaults(fields, ctx).remove(field.key),
        };
        self.from_catalog = from_catalog.is_some();
        // The catalog's value as keys: one for a choice, any number for a list.
        let catalogs: Vec<String> = match &from_catalog {
            Some(Value::String(k)) => vec![k.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        };
        let current = answer
            .or(from_catalog)
            .or_else(|| field.suggest.and_then(|s| s(&scope)));
        let mut editor = Editor::for_question(field, current, ctx);
        let from = |key: &str| catalogs.iter().any(|k| k == key);
        match &mut editor {
            Editor::Choice(choice) if !catalogs.is_empty() => {
                // "No answer" would only bring the catalog's value back.
                choice.options.retain(|(key, _)| key.is_some());
                for (key, label) in &mut choice.options {
                    if key.as_deref().is_some_and(from) {
                        *label = format!("{label} {}", strings::FROM_CATALOG);
                    }
                }
            }
            Editor::Choices(choices) => {
                for (key, label) in &mut choices.options {
                    if from(key) {
                        *label = format!("{label} {}", strings::FROM_CATALOG);
                    }
                }
            }
            _ => {}
        }
        self.open = Some((i, Box::new(editor)));
        self.error = None;
    }

    pub fn paste(&mut self, text: &str) {
        if let Some((_, editor)) = &mut self.open {
            editor.paste(text);
        }
    }

    pub fn lines(
        &self,
        fields: &[Question],
        ctx: &Ctx,
        width: usize,
        height: usize,
    ) -> Vec<Line<'static>> {
        let visible = self.visible(fields, ctx);
        let defaults = self.catalog_defaults(fields, ctx);
        let suggested = self.suggestions(fields, ctx);
        // The entry's own answers may be in a prompt ("30 days after ...").
        let entry = Value::Object(self.record.clone());
        let scope = Scope {
            answers: ctx.answers,
            record: Some(&entry),
        };
        let mut lines = Vec::new();
        let selected = crate::tui::ui::style::selected();
        let dim = Style::default().add_modifier(Modifier::DIM);
        for (row, &i) in visible.iter().enumerate() {
            let f = &fields[i];
            let mark = if f.required { "*" } else { " " };
            let answer = self.record.get(f.key).filter(|v| is_answered(Some(v)));
            let mut text = Line::from(format!(
                "{}{mark} {}: ",
                if row == self.cursor { "›" } else { " " },
                crate::questions::in_words_for(f.prompt, &scope)
            ));
            // After a refused save, every required field still empty is marked too
            // (reading the entry stops at the first missing one).
            let refused = self
                .field_errors
                .get(f.key)
                .and_then(Value::as_str)
                .or_else(|| {
                    let empty = f.required
                        && answer.is_none()
                        && !defaults.contains_key(f.key)
                        && !suggested.contains_key(f.key);
                    (empty && !self.field_errors.is_empty()).then_some(strings::NEEDED)
                });
            match (answer, defaults.get(f.key)) {
                (Some(v), _) => text.spans.push(shown(&f.kind, v, ctx).into()),
                (None, Some(v)) => text.spans.push(Span::styled(
                    format!("{} {}", shown(&f.kind, v, ctx), strings::FROM_CATALOG),
                    dim,
                )),
                (None, None) => {
                    if let Some(v) = suggested.get(f.key) {
                        text.spans.push(Span::styled(
                            format!("{} {}", shown(&f.kind, v, ctx), strings::SUGGESTED),
                            dim,
                        ));
                    }
                }
            }
            match &self.open {
                Some((open, editor)) if *open == i => {
                    lines.push(Line::styled(
                        format!("› {}", f.prompt),
                        Style::default().add_modifier(Modifier::BOLD),
                    ));
                    let (width, height) = (
                        width.saturating_sub(INDENT.len()),
                        height.saturating_sub(visible.len()),
                    );
                    for l in editor.lines(f, ctx, width, height) {
                        let mut l = l;
                        l.spans.insert(0, INDENT.into());
                        lines.push(l);
                    }
                    if let Some(e) = self.error.as_deref().or(refused) {
                        lines.push(Line::styled(
                            format!("{INDENT}! {e}"),
                            crate::tui::ui::style::error(),
                        ));
                    }
                    if let Some(moved) = &self.moved {
                        lines.push(Line::styled(
                            format!("{INDENT}{moved}"),
                            crate::tui::ui::style::warn(),
                        ));
                    }
                    if self.from_catalog {
                        lines.push(Line::styled(
                            format!("{INDENT}{}", strings::CATALOG_DEFAULT),
                            dim,
                        ));
                    }
                    if !f.help.is_empty() {
                        let help = crate::questions::in_words_for(f.help, &scope);
                        lines.push(Line::styled(format!("{INDENT}{help}"), dim));
                    }
                }
                _ if row == self.cursor && self.open.is_none() => {
                    lines.push(text.patch_style(selected));
                    if let (true, Some(e)) = (self.stray, &self.error) {
                        lines.push(Line::styled(
                            format!("{INDENT}! {e}"),
                            crate::tui::ui::style::error(),
                        ));
                    }
                }
                _ => lines.push(text),
            }
            if let (Some(e), false) = (refused, matches!(&self.open, Some((o, _)) if *o == i)) {
                lines.push(Line::styled(
                    format!("{INDENT}! {e}"),
                    crate::tui::ui::style::error(),
                ));
            }
            if let (Kind::CatalogRef, Some(note)) = (&f.kind, self.catalog_note(ctx)) {
                lines.push(Line::styled(
                    format!("{INDENT}{} {note}", strings::CATALOG_NOTE),
                    dim,
                ));
            }
        }
        for (k, action) in self.actions().iter().enumerate() {
            let row = visible.len() + k;
            let text = format!("{}[ {action} ]", if row == self.cursor { "›" } else { " " });
            lines.push(if row == self.cursor && self.open.is_none() {
                Line::styled(text, selected)
            } else {
                Line::from(text)
            });
        }
        if self.asking {
            lines.push(Line::styled(
                strings::KEEP_CHANGES,
                crate::tui::ui::style::warn(),
            ));
        }
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        match &self.open {
            Some((_, editor)) => {
                let mut h = editor.hints();
                h.retain(|(k, _)| *k != "Esc");
                if self.from_catalog && matches!(**editor, Editor::Text(_)) {
                    // Typing adds to the catalog's text; ^U clears it to type anew.
                    h.push(("^U", "clear"));
                }
                h.push(("Esc", "close field"));
                h
            }
            None if self.asking => vec![
                ("y", "save changes"),
                ("n", "discard them"),
                ("Esc", "back"),
            ],
            // Esc on a changed entry asks first (`KEEP_CHANGES`).
            None if self.changed() => vec![
                ("↑↓", "field"),
                ("Enter", "edit/save"),
                ("Esc", "save or discard"),
            ],
            None => vec![("↑↓", "field"), ("Enter", "edit/save"), ("Esc", "leave")],
        }
    }
}
