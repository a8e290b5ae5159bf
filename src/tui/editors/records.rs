//! A list of records (data categories, purposes, processors, ...) or of short texts:
//! add, edit, remove and reorder. Every change is applied and saved at once.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use serde_json::Value;

use super::Ctx;
use super::form::{Form, FormOutcome};
use super::text::TextInput;
use super::{Outcome, list_lines};
use crate::questions::{Kind, Question};
use crate::tui::keys::Hint;
use crate::tui::strings;

#[derive(Debug, Clone)]
pub enum Open {
    /// A record's fields; `None` for a new entry.
    Record(Option<usize>, Form),
    /// A line of text (a list of short texts); `None` for a new one.
    Line(Option<usize>, TextInput),
}

#[derive(Debug, Clone)]
pub struct List {
    pub items: Vec<Value>,
    pub cursor: usize,
    pub open: Option<Open>,
    /// The last entry removed and where it was, until `u` puts it back.
    pub removed: Option<(usize, Value)>,
}

impl List {
    pub fn new(current: Option<&Value>) -> List {
        List {
            items: current
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            cursor: 0,
            open: None,
            removed: None,
        }
    }

    /// The list as the answer now stands, after a change was saved.
    pub fn accepted(&mut self, value: &Value) {
        let items = value.as_array().cloned().unwrap_or_default();
        if items.len() > self.items.len() && self.open.is_some() {
            // A new entry: the cursor goes to it.
            self.cursor = items.len() - 1;
        }
        self.items = items;
        self.open = None;
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }

    fn with(&self, at: Option<usize>, item: Value) -> Value {
        let mut items = self.items.clone();
        match at {
            Some(i) => items[i] = item,
            None => items.push(item),
        }
        Value::Array(items)
    }

    fn open_at(&mut self, at: Option<usize>, q: &Question) {
        let existing = at.and_then(|i| self.items.get(i));
        self.open = Some(match &q.kind {
            Kind::Records(_) => Open::Record(at, Form::new(existing, false)),
            _ => Open::Line(
                at,
                TextInput::new(existing.and_then(Value::as_str).unwrap_or("")),
            ),
        });
    }

    pub fn handle(&mut self, key: &KeyEvent, q: &Question, ctx: &Ctx) -> Outcome {
        match &mut self.open {
            Some(Open::Record(at, form)) => {
                let at = *at;
                let Kind::Records(records) = &q.kind else {
                    return Outcome::Ignored;
                };
                return match form.handle(key, &records.fields, ctx) {
                    FormOutcome::Save(record) => Outcome::Apply(self.with(at, record)),
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
                        Outcome::Apply(self.with(at, line))
                    }
                    _ if input.handle(key) => Outcome::Consumed,
                    _ => Outcome::Ignored,
                };
            }
            None => {}
        }
        let n = self.items.len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Up if shift => return self.swap(-1),
            KeyCode::Down if shift => return self.swap(1),
            KeyCode::Char('[') => return self.swap(-1),
            KeyCode::Char(']') => return self.swap(1),
            KeyCode::Up if n > 0 => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down if n > 0 => self.cursor = (self.cursor + 1) % n,
            KeyCode::Char('a') | KeyCode::Insert => self.open_at(None, q),
            KeyCode::Enter if n == 0 => self.open_at(None, q),
            KeyCode::Enter | KeyCode::Char('e') if n > 0 => self.open_at(Some(self.cursor), q),
            KeyCode::Char('x') | KeyCode::Delete if n > 0 => {
                let mut items = self.items.clone();
                let gone = items.remove(self.cursor);
                self.removed = Some((self.cursor, gone));
                return Outcome::Apply(Value::Array(items));
            }
            KeyCode::Char('u') => {
                let Some((at, item)) = self.removed.take() else {
                    return Outcome::Consumed;
                };
                let mut items = self.items.clone();
                let at = at.min(items.len());
                items.insert(at, item);
                self.cursor = at;
                return Outcome::Apply(Value::Array(items));
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn swap(&mut self, by: isize) -> Outcome {
        let to = self.cursor as isize + by;
        if self.items.is_empty() || to < 0 || to as usize >= self.items.len() {
            return Outcome::Consumed;
        }
        let mut items = self.items.clone();
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
        let (noun, summary): (&str, fn(&Value) -> String) = match &q.kind {
            Kind::Records(r) => (r.noun, r.summary),
            _ => ("line", |v| v.as_str().unwrap_or("").to_owned()),
        };
        match &self.open {
            Some(Open::Record(at, form)) => {
                let Kind::Records(records) = &q.kind else {
                    return Vec::new();
                };
                let title = match at {
                    Some(i) => format!("Editing {noun} {}: {}", i + 1, summary(&self.items[*i])),
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
            None if self.items.is_empty() => {
                let mut lines = vec![Line::from(format!(
                    "No {noun} yet. Press a (or Enter) to add one."
                ))];
                if let Some((_, gone)) = &self.removed {
                    lines.push(Line::styled(
                        format!(
                            "{} {noun} {}; {}",
                            strings::REMOVED,
                            summary(gone),
                            strings::UNDO_REMOVE
                        ),
                        crate::tui::ui::style::warn(),
                    ));
                }
                lines
            }
            None => {
                let labels: Vec<String> = self
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("{}. {}", i + 1, summary(v)))
                    .collect();
                let mut lines = list_lines(&labels, self.cursor, height.saturating_sub(1));
                if let Some((_, gone)) = &self.removed {
                    lines.push(Line::styled(
                        format!(
                            "{} {noun} {}; {}",
                            strings::REMOVED,
                            summary(gone),
                            strings::UNDO_REMOVE
                        ),
                        crate::tui::ui::style::warn(),
                    ));
                }
                lines.push(Line::styled(
                    format!(
                        "{} {noun}{}",
                        self.items.len(),
                        if self.items.len() == 1 { "" } else { "s" }
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
            None if self.removed.is_some() => vec![
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

    /// A list change is saved at once; only an open entry holds a draft.
    pub fn busy(&self) -> bool {
        self.open.is_some()
    }
}
