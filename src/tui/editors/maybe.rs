//! Yes, no, or not answered yet: a "no" here is kept as an answer, and "not
//! answered" leaves the question open.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::{Outcome, option_spans};
use crate::tui::keys::Hint;
use crate::tui::strings;

#[derive(Debug, Clone)]
pub struct Maybe {
    pub value: Option<bool>,
}

const ORDER: [Option<bool>; 3] = [Some(true), Some(false), None];

impl Maybe {
    pub fn new(current: Option<&Value>) -> Maybe {
        Maybe {
            value: current.and_then(Value::as_bool),
        }
    }

    fn position(&self) -> usize {
        ORDER.iter().position(|v| *v == self.value).unwrap_or(2)
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let value = |v: Option<bool>| v.map_or(Value::Null, Value::Bool);
        match key.code {
            KeyCode::Char('y' | 'Y') => Outcome::Submit(Value::Bool(true)),
            KeyCode::Char('n' | 'N') => Outcome::Submit(Value::Bool(false)),
            KeyCode::Char('u' | 'U') => Outcome::Submit(Value::Null),
            KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                self.value = ORDER[(self.position() + 1) % 3];
                Outcome::Consumed
            }
            KeyCode::Left | KeyCode::Up => {
                self.value = ORDER[(self.position() + 2) % 3];
                Outcome::Consumed
            }
            KeyCode::Enter => Outcome::Submit(value(self.value)),
            _ => Outcome::Ignored,
        }
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        vec![Line::from(option_spans(
            &["Yes", "No", strings::NO_ANSWER],
            self.position(),
        ))]
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("y/n/u", "answer"), ("←→", "change"), ("Enter", "save")]
    }
}
