//! Yes or no ("no" is the default and is an answer).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::{Outcome, option_spans};
use crate::tui::keys::Hint;

#[derive(Debug, Clone)]
pub struct YesNo {
    pub value: bool,
}

impl YesNo {
    pub fn new(current: Option<&Value>) -> YesNo {
        YesNo {
            value: current.and_then(Value::as_bool).unwrap_or(false),
        }
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('y' | 'Y') => Outcome::Submit(Value::Bool(true)),
            KeyCode::Char('n' | 'N') => Outcome::Submit(Value::Bool(false)),
            KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down | KeyCode::Char(' ') => {
                self.value = !self.value;
                Outcome::Consumed
            }
            KeyCode::Enter => Outcome::Submit(Value::Bool(self.value)),
            _ => Outcome::Ignored,
        }
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        vec![Line::from(option_spans(
            &["Yes", "No"],
            if self.value { 0 } else { 1 },
        ))]
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("y/n", "answer"), ("←→", "change"), ("Enter", "save")]
    }
}
