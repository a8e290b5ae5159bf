//! One of a closed list (with "no answer" when the question is optional).

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::{Outcome, list_lines};
use crate::tui::keys::Hint;
use crate::tui::strings;

#[derive(Debug, Clone)]
pub struct Choice {
    /// (JSON key, words shown); a `None` key is "no answer".
    pub options: Vec<(Option<String>, String)>,
    pub cursor: usize,
    /// Shown when there is nothing to pick (no data categories yet).
    pub empty: &'static str,
}

impl Choice {
    pub fn new(choices: &[(String, String)], required: bool, current: Option<&Value>) -> Choice {
        let mut options: Vec<(Option<String>, String)> = choices
            .iter()
            .map(|(k, l)| (Some(k.clone()), l.clone()))
            .collect();
        if !required {
            options.push((None, strings::NO_ANSWER.to_owned()));
        }
        let key = current.and_then(Value::as_str);
        let cursor = options
            .iter()
            .position(|(k, _)| k.as_deref() == key)
            .unwrap_or(0);
        Choice {
            options,
            cursor,
            empty: "",
        }
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let n = self.options.len().max(1);
        match key.code {
            KeyCode::Up => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down => self.cursor = (self.cursor + 1) % n,
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n - 1,
            KeyCode::Enter | KeyCode::Char(' ') => {
                return Outcome::Submit(
                    self.options
                        .get(self.cursor)
                        .and_then(|(k, _)| k.clone())
                        .map_or(Value::Null, Value::from),
                );
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    pub fn lines(&self, height: usize) -> Vec<Line<'static>> {
        if self.options.is_empty() {
            return vec![Line::from(self.empty)];
        }
        let labels: Vec<String> = self.options.iter().map(|(_, l)| l.clone()).collect();
        list_lines(&labels, self.cursor, height)
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("↑↓", "move"), ("Enter", "pick"), ("Esc", "undo")]
    }
}
