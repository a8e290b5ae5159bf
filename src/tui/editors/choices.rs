//! Any of a closed list: the catalog's choices, or the data categories described so far.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::{Outcome, list_lines};
use crate::tui::keys::Hint;

#[derive(Debug, Clone)]
pub struct Choices {
    /// (JSON key, words shown).
    pub options: Vec<(String, String)>,
    pub ticked: Vec<bool>,
    pub cursor: usize,
    /// Shown when there is nothing to pick from.
    pub empty: &'static str,
}

impl Choices {
    pub fn new(
        options: Vec<(String, String)>,
        current: Option<&Value>,
        empty: &'static str,
    ) -> Choices {
        // One value may be written as a plain string (a transfer's one safeguard).
        let keys: Vec<&str> = match current {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            Some(Value::String(one)) => vec![one.as_str()],
            _ => Vec::new(),
        };
        let ticked = options
            .iter()
            .map(|(k, _)| keys.contains(&k.as_str()))
            .collect();
        Choices {
            options,
            ticked,
            cursor: 0,
            empty,
        }
    }

    pub fn value(&self) -> Value {
        Value::Array(
            self.options
                .iter()
                .zip(&self.ticked)
                .filter(|(_, t)| **t)
                .map(|((k, _), _)| Value::from(k.as_str()))
                .collect(),
        )
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let n = self.options.len().max(1);
        match key.code {
            KeyCode::Up => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Down => self.cursor = (self.cursor + 1) % n,
            KeyCode::Char(' ') => {
                if let Some(t) = self.ticked.get_mut(self.cursor) {
                    *t = !*t;
                }
            }
            KeyCode::Enter => return Outcome::Submit(self.value()),
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    pub fn lines(&self, height: usize) -> Vec<Line<'static>> {
        if self.options.is_empty() {
            return vec![Line::from(self.empty)];
        }
        let labels: Vec<String> = self
            .options
            .iter()
            .zip(&self.ticked)
            .map(|((_, l), t)| format!("[{}] {l}", if *t { "x" } else { " " }))
            .collect();
        list_lines(&labels, self.cursor, height)
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("↑↓", "move"), ("Space", "tick"), ("Enter", "save")]
    }
}
