//! The fields of one record (a list entry or an optional group), each edited with
//! the editor of its kind. Fields whose condition stops holding are hidden but kept,
//! like every answer in the file; the policy leaves them out (`crate::policy`).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use serde_json::{Map, Value};

use super::{Ctx, Editor, Outcome, summary};
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
    pub error: Option<String>,
    /// Offer "Remove these details" (an optional group that has an answer).
    pub removable: bool,
}

impl Form {
    pub fn new(existing: Option<&Value>, removable: bool) -> Form {
        Form {
            record: existing
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            cursor: 0,
            open: None,
            error: None,
            removable,
        }
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
                self.error = None;
                return FormOutcome::Consumed;
            }
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
                    self.open = None;
                    self.error = None;
                    // A field that no longer applies is hidden but kept, as the
                    // answers file keeps every answer: the policy leaves it out
                    // (`crate::policy`), and it is back if the condition comes back.
                    let visible = self.visible(fields, ctx);
                    let at = visible.iter().position(|&f| f == i).unwrap_or(0);
                    self.cursor = (at + 1).min(visible.len());
                }
                Outcome::Invalid(e) => self.error = Some(e),
                Outcome::Ignored => return FormOutcome::Ignored,
                Outcome::Consumed => {}
            }
            return FormOutcome::Consumed;
        }
        let visible = self.visible(fields, ctx);
        let rows = visible.len() + self.actions().len();
        match key.code {
            KeyCode::Up => self.cursor = (self.cursor + rows - 1) % rows,
            KeyCode::Down => self.cursor = (self.cursor + 1) % rows,
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Enter if self.cursor < visible.len() => {
                let i = visible[self.cursor];
                let field = &fields[i];
                let record = Value::Object(self.record.clone());
                let scope = Scope {
                    answers: ctx.answers,
                    record: Some(&record),
                };
                let current = self.record.get(field.key).cloned();
                let current = current.or_else(|| field.suggest.and_then(|s| s(&scope)));
                self.open = Some((
                    i,
                    Box::new(Editor::for_question(field, current.as_ref(), ctx)),
                ));
                self.error = None;
            }
            KeyCode::Enter => {
                return match self.actions()[self.cursor - visible.len()] {
                    strings::SAVE_ENTRY => FormOutcome::Save(Value::Object(self.record.clone())),
                    _ => FormOutcome::Remove,
                };
            }
            _ => return FormOutcome::Ignored,
        }
        FormOutcome::Consumed
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
        let mut lines = Vec::new();
        let selected = crate::tui::ui::style::selected();
        for (row, &i) in visible.iter().enumerate() {
            let f = &fields[i];
            let mark = if f.required { "*" } else { " " };
            let value = self
                .record
                .get(f.key)
                .map(|v| summary(&f.kind, v))
                .unwrap_or_default();
            let text = format!(
                "{}{mark} {}: {value}",
                if row == self.cursor { "›" } else { " " },
                f.prompt
            );
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
                    if !f.help.is_empty() {
                        lines.push(Line::styled(
                            format!("    {}", f.help),
                            Style::default().add_modifier(Modifier::DIM),
                        ));
                    }
                }
                _ if row == self.cursor && self.open.is_none() => {
                    lines.push(Line::styled(text, selected))
                }
                _ => lines.push(Line::from(text)),
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
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        match &self.open {
            Some((_, editor)) => {
                let mut h = editor.hints();
                h.retain(|(k, _)| *k != "Esc");
                h.push(("Esc", "close field"));
                h
            }
            None => vec![("↑↓", "field"), ("Enter", "edit/save"), ("Esc", "leave")],
        }
    }
}
