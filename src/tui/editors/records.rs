//! A list of records (data categories, purposes, processors, ...) or of short texts:
//! add, edit, remove and reorder. Every change is applied and saved at once.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use std::borrow::Cow;

use serde_json::Value;

use super::Ctx;
use super::form::{Form, FormOutcome};
use super::text::TextInput;
use super::{Outcome, rows_in_view};
use crate::questions::{Kind, Question};
use crate::tui::keys::Hint;
use crate::tui::strings;

#[derive(Debug, Clone)]
#[expect(
    clippy::large_enum_variant,
    reason = "one entry is open at a time; boxing would only add indirection"
)]
pub enum Open {
    /// A record's fields; `None` for a new entry.
    Record(Option<usize>, Form),
    /// A line of text (a list of short texts); `None` for a new one.
    Line(Option<usize>, TextInput),
}

/// The entries a list editor shows.
#[derive(Debug, Clone)]
pub enum Items {
    /// Its own copy, as JSON: a list inside an entry, a short list, a suggestion,
    /// or a list after a change to it was saved.
    Json(Vec<Value>),
    /// A long list of the answers (see `Answers::entries`), read one entry at a time
    /// when shown or opened, and whole only to change it: reaching the question of
    /// 5,000 data categories copied all of them as JSON, ten times a keystroke's time.
    Answers { key: &'static str, len: usize },
}

#[derive(Debug, Clone)]
pub struct List {
    pub items: Items,
    pub cursor: usize,
    pub open: Option<Open>,
    /// The entries removed, the last one last, each with where it was and the other
    /// answers as they were before its removal changed them: each `u` puts the last
    /// one back, so removing several by mistake loses none of them.
    pub removed: Vec<Removed>,
    /// `x` on a data category that other answers use: the entry, and what refers
    /// to it; a second `x` removes it there too.
    pub confirm: Option<(usize, Vec<Reference>)>,
}

#[derive(Debug, Clone)]
pub struct Removed {
    pub at: usize,
    pub item: Value,
    pub others: Vec<(&'static str, Value)>,
}

/// Answers that refer to a data category by its id: the list's key, how many of
/// its entries do, its value without the id, and its value now.
#[derive(Debug, Clone)]
pub struct Reference {
    pub key: &'static str,
    pub count: usize,
    pub without: Value,
    pub before: Value,
}

/// The lists whose entries name data categories (`categories`), and what one entry
/// of each is called.
const REFERRING: &[(&str, &str, &str)] = &[
    ("purposes", "purpose", "purposes"),
    ("processors", "recipient", "recipients"),
    (
        "hosting.stores",
        "place data is stored",
        "places data is stored",
    ),
    ("retention.rules", "retention rule", "retention rules"),
];

/// The answers that use data category `id`.
pub fn references(answers: &crate::answers::Answers, id: &str) -> Vec<Reference> {
    let doc = answers.to_value();
    REFERRING
        .iter()
        .filter_map(|&(key, _, _)| {
            let before = crate::answers::set::get_value(&doc, key)?.clone();
            let mut without = before.clone();
            let mut count = 0;
            for entry in without.as_array_mut()? {
                if let Some(Value::Array(ids)) = entry.get_mut("categories") {
                    let n = ids.len();
                    ids.retain(|c| c.as_str() != Some(id));
                    count += usize::from(ids.len() < n);
                }
            }
            (count > 0).then_some(Reference {
                key,
                count,
                without,
                before,
            })
        })
        .collect()
}

/// A list's noun in the plural: "data categories", "things not collected".
fn plural(noun: &str) -> String {
    match noun.split_once(' ') {
        // The head of "thing not collected" takes the plural.
        Some((head, rest)) if rest.starts_with("not ") => format!("{} {rest}", plural(head)),
        _ => match noun.strip_suffix('y') {
            Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
            _ if noun.ends_with('s') => format!("{noun}es"),
            _ => format!("{noun}s"),
        },
    }
}

/// "2 purposes and 1 recipient".
fn describe(refs: &[Reference]) -> String {
    let parts: Vec<String> = refs
        .iter()
        .map(|r| {
            let (_, one, many) = REFERRING
                .iter()
                .find(|(k, _, _)| *k == r.key)
                .expect("a referring list");
            format!("{} {}", r.count, if r.count == 1 { one } else { many })
        })
        .collect();
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl List {
    pub fn new(current: Option<Value>) -> List {
        List::of(Items::Json(match current {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        }))
    }

    /// The editor of the answers' own list at `key`, when it is one of those read
    /// one entry at a time and has entries (an empty one may start from a
    /// suggestion, which is not in the answers).
    pub fn of_answers(key: &'static str, answers: &crate::answers::Answers) -> Option<List> {
        let len = answers.entries(key)?.count();
        (len > 0).then(|| List::of(Items::Answers { key, len }))
    }

    fn of(items: Items) -> List {
        List {
            items,
            cursor: 0,
            open: None,
            removed: Vec::new(),
            confirm: None,
        }
    }

    /// How many entries the list has.
    pub fn len(&self) -> usize {
        match &self.items {
            Items::Json(items) => items.len(),
            Items::Answers { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `i`, as JSON.
    pub fn item<'a>(
        &'a self,
        i: usize,
        answers: &crate::answers::Answers,
    ) -> Option<Cow<'a, Value>> {
        match &self.items {
            Items::Json(items) => items.get(i).map(Cow::Borrowed),
            Items::Answers { key, .. } => answers.entry_as_written(key, i).map(Cow::Owned),
        }
    }

    /// Every entry, as JSON: the list to change.
    fn all(&self, answers: &crate::answers::Answers) -> Vec<Value> {
        match &self.items {
            Items::Json(items) => items.clone(),
            // All the answers hold now (another program's save may have changed
            // them while an entry was open), not only the `len` shown.
            Items::Answers { key, .. } => answers.entries_as_written(key).unwrap_or_default(),
        }
    }

    /// The list as the answer now stands, after a change was saved.
    pub fn accepted(&mut self, value: &Value) {
        let len = value.as_array().map_or(0, Vec::len);
        if len > self.len() && self.open.is_some() {
            // A new entry: the cursor goes to it.
            self.cursor = len - 1;
        }
        self.items = match self.items {
            // The answers now hold this list: it is read from there as before.
            Items::Answers { key, .. } => Items::Answers { key, len },
            Items::Json(_) => Items::Json(value.as_array().cloned().unwrap_or_default()),
        };
        self.open = None;
        self.cursor = self.cursor.min(self.len().saturating_sub(1));
    }

    fn with(&self, at: Option<usize>, item: Value, answers: &crate::answers::Answers) -> Value {
        let mut items = self.all(answers);
        match at.and_then(|i| items.get_mut(i)) {
            Some(slot) => *slot = item,
            // A new entry; or one whose place is gone from the answers read now
            // (see `handle`): kept, at the end, rather than lost or written over
            // another.
            None => items.push(item),
        }
        Value::Array(items)
    }

    fn open_at(&mut self, at: Option<usize>, q: &Question, answers: &crate::answers::Answers) {
        let existing = at.and_then(|i| self.item(i, answers));
        let existing = existing.as_deref();
        self.open = Some(match &q.kind {
            Kind::Records(_) => Open::Record(at, Form::new(existing, false)),
            _ => Open::Line(
                at,
                TextInput::new(existing.and_then(Value::as_str).unwrap_or("")),
            ),
        });
    }

    pub fn handle(&mut self, key: &KeyEvent, q: &Question, ctx: &Ctx) -> Outcome {
        // Shown from the answers: counted as they are now, so the cursor and the
        // changes below index the list they will change.
        if let Items::Answers { key, len } = &mut self.items {
            *len = ctx.answers.entries(key).map_or(0, |list| list.count());
        }
        match &mut self.open {
            Some(Open::Record(at, form)) => {
                let at = *at;
                let Kind::Records(records) = &q.kind else {
                    return Outcome::Ignored;
                };
                return match form.handle(key, &records.fields, ctx) {
                    FormOutcome::Save(record) => Outcome::Apply(self.with(at, record, ctx.answers)),
                    FormOutcome::Cancel | FormOutcome::Remove => {
                        self.open = None;
                        Outcome::Consumed
                    }
                    FormOutcome::Consumed => Outcome::Consumed,
                    FormOutcome::Ignored => Outcome::Ignored,
                };
            }
            Some(Open::Line(at, input)) => {
                let at = *at;
                return match key.code {
                    KeyCode::Esc => {
                        self.open = None;
                        Outcome::Consumed
                    }
                    KeyCode::Enter if input.text.trim().is_empty() => {
                        Outcome::Invalid("type the text, or press Esc to leave it".to_owned())
                    }
                    KeyCode::Enter => {
                        let line = Value::from(input.text.trim());
                        Outcome::Apply(self.with(at, line, ctx.answers))
                    }
                    _ if input.handle(key) => Outcome::Consumed,
                    _ => Outcome::Ignored,
                };
            }
            None => {}
        }
        let n = self.len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        if let Some((at, refs)) = self.confirm.take() {
            // "… is used by 2 purposes: x again removes it there too."
            if matches!(key.code, KeyCode::Char('x') | KeyCode::Delete) && at < n {
                let mut items = self.all(ctx.answers);
                let item = items.remove(at);
                let others = refs.iter().map(|r| (r.key, r.without.clone())).collect();
                self.removed.push(Removed {
                    at,
                    item,
                    others: refs.into_iter().map(|r| (r.key, r.before)).collect(),
                });
                return Outcome::ApplyWith(Value::Array(items), others);
            }
            return Outcome::Consumed;
        }
        match key.code {
            KeyCode::Up if shift => return self.swap(-1, ctx.answers),
            KeyCode::Down if shift => return self.swap(1, ctx.answers),
            KeyCode::Char('[') => return self.swap(-1, ctx.answers),
            KeyCode::Char(']') => return self.swap(1, ctx.answers),
            KeyCode::Up if n > 0 => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down if n > 0 => self.cursor = (self.cursor + 1) % n,
            KeyCode::Char('a') | KeyCode::Insert => self.open_at(None, q, ctx.answers),
            KeyCode::Enter if n == 0 => self.open_at(None, q, ctx.answers),
            KeyCode::Enter | KeyCode::Char('e') if n > 0 => {
                self.open_at(Some(self.cursor), q, ctx.answers)
            }
            KeyCode::Char('x') | KeyCode::Delete if n > 0 => {
                let item = self.item(self.cursor, ctx.answers);
                let id = item
                    .as_deref()
                    .and_then(|v| v.get("id"))
                    .and_then(Value::as_str);
                if let (true, Some(id)) = (q.key == "data.categories", id) {
                    let refs = references(ctx.answers, id);
                    if !refs.is_empty() {
                        self.confirm = Some((self.cursor, refs));
                        return Outcome::Consumed;
                    }
                }
                let mut items = self.all(ctx.answers);
                let item = items.remove(self.cursor);
                self.removed.push(Removed {
                    at: self.cursor,
                    item,
                    others: Vec::new(),
                });
                return Outcome::Apply(Value::Array(items));
            }
            KeyCode::Char('u') => {
                let Some(Removed { at, item, others }) = self.removed.pop() else {
                    return Outcome::Consumed;
                };
                let mut items = self.all(ctx.answers);
                let at = at.min(items.len());
                items.insert(at, item);
                self.cursor = at;
                return if others.is_empty() {
                    Outcome::Apply(Value::Array(items))
                } else {
                    Outcome::ApplyWith(Value::Array(items), others)
                };
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn swap(&mut self, by: isize, answers: &crate::answers::Answers) -> Outcome {
        let to = self.cursor as isize + by;
        if self.is_empty() || to < 0 || to as usize >= self.len() {
            return Outcome::Consumed;
        }
        let mut items = self.all(answers);
        items.swap(self.cursor, to as usize);
        self.cursor = to as usize;
        Outcome::Apply(Value::Array(items))
    }

    pub fn paste(&mut self, text: &str) {
        match &mut self.open {
            Some(Open::Record(_, form)) => form.paste(text),
            Some(Open::Line(_, input)) => input.insert_str(text),
            None => {}
        }
    }

    pub fn lines(
        &self,
        q: &Question,
        ctx: &Ctx,
        width: usize,
        height: usize,
    ) -> Vec<Line<'static>> {
        let (noun, summary): (&str, crate::questions::Summary) = match &q.kind {
            Kind::Records(r) => (r.noun, r.summary),
            _ => ("line", |v, _| v.as_str().unwrap_or("").to_owned()),
        };
        match &self.open {
            Some(Open::Record(at, form)) => {
                let Kind::Records(records) = &q.kind else {
                    return Vec::new();
                };
                let title = match at.and_then(|i| Some((i, self.item(i, ctx.answers)?))) {
                    Some((i, item)) => {
                        format!("Editing {noun} {}: {}", i + 1, summary(&item, ctx.answers))
                    }
                    None => format!("New {noun}"),
                };
                let mut lines = vec![Line::styled(
                    title,
                    Style::default().add_modifier(Modifier::BOLD),
                )];
                lines.extend(form.lines(&records.fields, ctx, width, height.saturating_sub(1)));
                lines
            }
            Some(Open::Line(at, input)) => vec![
                Line::from(match at {
                    Some(i) => format!("Editing {noun} {}:", i + 1),
                    None => format!("New {noun}:"),
                }),
                input.line(None),
            ],
            None if self.is_empty() => {
                let mut lines = vec![Line::from(format!(
                    "No {} yet. Press a (or Enter) to add one.",
                    plural(noun)
                ))];
                lines.extend(self.status_lines(noun, summary, ctx.answers));
                lines
            }
            None => {
                // An entry that is an unconfirmed suggestion of its own says so;
                // Ctrl-Y on it confirms it alone (`tui::confirm`).
                let suggested = ctx.answers.unconfirmed_entries(q.key, self.len());
                let label = |i: usize| {
                    let mark = if suggested[i] {
                        strings::ENTRY_SUGGESTED
                    } else {
                        ""
                    };
                    let item = self.item(i, ctx.answers).unwrap_or_default();
                    format!("{}. {}{mark}", i + 1, summary(&item, ctx.answers))
                };
                let n = self.len();
                let mut lines = rows_in_view(n, self.cursor, height.saturating_sub(1), label);
                lines.extend(self.status_lines(noun, summary, ctx.answers));
                lines.push(Line::styled(
                    format!(
                        "{} {}",
                        n,
                        if n == 1 {
                            noun.to_owned()
                        } else {
                            plural(noun)
                        }
                    ),
                    Style::default().add_modifier(Modifier::DIM),
                ));
                lines
            }
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        match &self.open {
            Some(Open::Record(_, form)) => form.hints(),
            Some(Open::Line(..)) => vec![("Enter", "save"), ("Esc", "leave")],
            None if self.confirm.is_some() => {
                vec![("x", "remove it everywhere"), ("any other key", "keep it")]
            }
            None if !self.removed.is_empty() => vec![
                ("a", "add"),
                ("Enter", "edit"),
                ("x", "remove"),
                ("u", "undo remove"),
                ("[ ]", "move"),
            ],
            None => vec![
                ("a", "add"),
                ("Enter", "edit"),
                ("x", "remove"),
                ("[ ]", "move"),
            ],
        }
    }

    /// What the last `x` did or asks: the entry removed and how to bring it back,
    /// or what refers to the entry about to be removed.
    fn status_lines(
        &self,
        noun: &str,
        summary: crate::questions::Summary,
        answers: &crate::answers::Answers,
    ) -> Vec<Line<'static>> {
        let warn = crate::tui::ui::style::warn();
        if let Some((at, refs)) = &self.confirm {
            let name = self
                .item(*at, answers)
                .map(|v| summary(&v, answers))
                .unwrap_or_default();
            return vec![Line::styled(
                format!(
                    "“{name}” is used by {}. x again removes it from them too; any other key keeps it.",
                    describe(refs)
                ),
                warn,
            )];
        }
        match self.removed.as_slice() {
            [] => Vec::new(),
            [earlier @ .., last] => vec![Line::styled(
                format!(
                    "{} {noun} {}; {}{}",
                    strings::REMOVED,
                    summary(&last.item, answers),
                    strings::UNDO_REMOVE,
                    strings::undo_more(earlier.len()),
                ),
                warn,
            )],
        }
    }

    /// Saving the open entry was refused: problems with one of its fields are shown
    /// at the field; the rest are returned.
    pub fn refused(&mut self, key: &str, errors: Vec<String>) -> Vec<String> {
        match &mut self.open {
            Some(Open::Record(_, form)) => {
                let mut rest = form.refused(key, errors);
                if !form.field_errors.is_empty() {
                    rest.insert(0, strings::ENTRY_REFUSED.to_owned());
                }
                rest
            }
            _ => errors,
        }
    }

    /// A list change is saved at once; only an open entry holds a draft.
    pub fn busy(&self) -> bool {
        self.open.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    /// ux-wizard finding 24: "2 data categorys", "3 thing not collecteds".
    #[test]
    fn list_nouns_take_the_plural() {
        assert_eq!(plural("data category"), "data categories");
        assert_eq!(plural("thing not collected"), "things not collected");
        assert_eq!(plural("purpose"), "purposes");
        assert_eq!(plural("line"), "lines");
        assert_eq!(plural("day"), "days");
    }
}
