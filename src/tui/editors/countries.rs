//! Countries by ISO code: type part of a name or code, pick from the matches. One
//! country or several.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::Outcome;
use super::text::TextInput;
use crate::answers::values::Country;
use crate::tui::keys::Hint;

const MATCHES: usize = 5;

#[derive(Debug, Clone)]
pub struct Countries {
    pub chosen: Vec<String>,
    pub filter: TextInput,
    pub highlight: usize,
    /// One country, not a list.
    pub single: bool,
}

impl Countries {
    pub fn new(current: Option<&Value>, single: bool) -> Countries {
        let chosen = match current {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        };
        Countries {
            chosen,
            filter: TextInput::default(),
            highlight: 0,
            single,
        }
    }

    /// Countries whose code starts with, or whose name contains, what was typed.
    pub fn matches(&self) -> Vec<Country> {
        let f = self.filter.text.trim().to_lowercase();
        if f.is_empty() {
            return Vec::new();
        }
        let mut exact: Vec<Country> = Vec::new();
        let mut rest: Vec<Country> = Vec::new();
        for c in Country::all() {
            if c.code().to_lowercase() == f {
                exact.push(c);
            } else if c.name().to_lowercase().contains(&f) {
                rest.push(c);
            }
        }
        exact.extend(rest);
        exact.truncate(MATCHES);
        exact
    }

    fn value(&self) -> Value {
        if self.single {
            self.chosen
                .last()
                .map_or(Value::Null, |c| Value::from(c.as_str()))
        } else {
            Value::Array(
                self.chosen
                    .iter()
                    .map(|c| Value::from(c.as_str()))
                    .collect(),
            )
        }
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let matches = self.matches();
        match key.code {
            KeyCode::Enter => {
                let Some(c) = matches.get(self.highlight) else {
                    return Outcome::Submit(self.value());
                };
                let code = c.code().to_owned();
                self.filter = TextInput::default();
                self.highlight = 0;
                if self.single {
                    self.chosen = vec![code];
                    return Outcome::Submit(self.value());
                }
                if !self.chosen.contains(&code) {
                    self.chosen.push(code);
                }
            }
            KeyCode::Up => self.highlight = self.highlight.saturating_sub(1),
            KeyCode::Down => {
                self.highlight = (self.highlight + 1).min(matches.len().saturating_sub(1));
            }
            KeyCode::Backspace if self.filter.text.is_empty() => {
                self.chosen.pop();
            }
            _ => {
                if !self.filter.handle(key) {
                    return Outcome::Ignored;
                }
                self.highlight = 0;
            }
        }
        Outcome::Consumed
    }

    pub fn paste(&mut self, text: &str) {
        self.filter.insert_str(text);
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let chosen = if self.chosen.is_empty() {
            "(none)".to_owned()
        } else {
            self.chosen
                .iter()
                .map(|code| match code.parse::<Country>() {
                    Ok(c) => format!("{} {}", c.code(), c.name()),
                    Err(_) => code.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut lines = vec![
            Line::from(format!("Chosen: {chosen}")),
            self.filter.line(Some("type a country's name or code")),
        ];
        for (i, c) in self.matches().iter().enumerate() {
            let text = format!("  {} {}", c.code(), c.name());
            lines.push(super::match_line(text, i == self.highlight));
        }
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        if self.filter.text.is_empty() {
            vec![("type", "find"), ("Bksp", "drop last"), ("Enter", "save")]
        } else {
            vec![("↑↓", "match"), ("Enter", "add"), ("Esc", "undo")]
        }
    }
}
