//! An optional group of fields (a DPO's or a representative's details): filled in
//! field by field, saved as a whole, or removed.

use crossterm::event::KeyEvent;
use ratatui::text::Line;
use serde_json::Value;

use super::Ctx;
use super::Outcome;
use super::form::{Form, FormOutcome};
use crate::questions::{Question, is_answered};
use crate::tui::keys::Hint;
use crate::tui::strings;

#[derive(Debug, Clone)]
pub struct Group {
    pub form: Form,
}

impl Group {
    pub fn new(current: Option<&Value>) -> Group {
        Group {
            form: Form::new(current, is_answered(current)),
        }
    }

    pub fn handle(&mut self, key: &KeyEvent, fields: &[Question], ctx: &Ctx) -> Outcome {
        match self.form.handle(key, fields, ctx) {
            FormOutcome::Save(record) if !is_answered(Some(&record)) => {
                Outcome::Submit(Value::Null)
            }
            FormOutcome::Save(record) => Outcome::Submit(record),
            FormOutcome::Remove => Outcome::Submit(Value::Null),
            FormOutcome::Consumed => Outcome::Consumed,
            // Leaving without saving (Esc on an unchanged form, or "n" to keeping
            // the changes): the wizard undoes the whole edit on Esc.
            FormOutcome::Cancel => {
                self.form.discard();
                Outcome::Ignored
            }
            FormOutcome::Ignored => Outcome::Ignored,
        }
    }

    pub fn lines(
        &self,
        fields: &[Question],
        ctx: &Ctx,
        width: usize,
        height: usize,
    ) -> Vec<Line<'static>> {
        let none = self.form.open.is_none()
            && !is_answered(Some(&Value::Object(self.form.record.clone())));
        let mut lines = self
            .form
            .lines(fields, ctx, width, height.saturating_sub(none.into()));
        // No details is the answer "no" (none appointed): shown as such rather than
        // as an empty form (found walking through the wizard: a DPO answered no
        // looked unanswered).
        if none {
            lines.insert(0, Line::from(strings::GROUP_NO));
        }
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        self.form.hints()
    }

    /// What Tab saves before moving on: the record as filled in so far.
    pub fn draft(&self) -> Value {
        let record = Value::Object(self.form.record.clone());
        if is_answered(Some(&record)) {
            record
        } else {
            Value::Null
        }
    }
}
