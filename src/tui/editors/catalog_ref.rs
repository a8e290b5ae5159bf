//! A recipient from the processor catalog: type part of a name, pick a match, or
//! leave it empty for free entry. Picking one fills in the entry's name, role and
//! purpose (as `ask` does); the catalog supplies the rest when the policy is rendered.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use serde_json::Value;

use super::Outcome;
use super::text::TextInput;
use crate::catalog::Catalog;
use crate::tui::keys::Hint;

const MATCHES: usize = 5;

#[derive(Debug, Clone)]
pub struct CatalogRef {
    pub input: TextInput,
    /// Every catalog entry: (id, "Name (role)").
    pub options: Vec<(String, String)>,
    pub highlight: usize,
}

impl CatalogRef {
    pub fn new(current: Option<&Value>, catalog: &Catalog) -> CatalogRef {
        CatalogRef {
            input: TextInput::new(current.and_then(Value::as_str).unwrap_or("")),
            options: catalog
                .entries()
                .iter()
                .map(|e| (e.id.clone(), format!("{} ({})", e.name, e.role.label())))
                .collect(),
            highlight: 0,
        }
    }

    fn exact(&self) -> Option<&str> {
        let typed = self.input.text.trim();
        self.options
            .iter()
            .find(|(id, _)| id == typed)
            .map(|(id, _)| id.as_str())
    }

    pub fn matches(&self) -> Vec<&(String, String)> {
        let q = self.input.text.trim().to_lowercase();
        if q.is_empty() || self.exact().is_some() {
            return Vec::new();
        }
        self.options
            .iter()
            .filter(|(id, label)| id.contains(&q) || label.to_lowercase().contains(&q))
            .take(MATCHES)
            .collect()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Outcome {
        let n = self.matches().len();
        match key.code {
            KeyCode::Enter => {
                if self.input.text.trim().is_empty() {
                    return Outcome::Submit(Value::Null);
                }
                if let Some(id) = self.exact() {
                    return Outcome::Submit(Value::from(id));
                }
                return match self.matches().get(self.highlight) {
                    Some((id, _)) => Outcome::Submit(Value::from(id.as_str())),
                    None => Outcome::Invalid(format!(
                        "no catalog entry matches `{}`; clear it (Ctrl-U) to describe the recipient yourself",
                        self.input.text.trim()
                    )),
                };
            }
            KeyCode::Up => self.highlight = self.highlight.saturating_sub(1),
            KeyCode::Down => self.highlight = (self.highlight + 1).min(n.saturating_sub(1)),
            _ => {
                if !self.input.handle(key) {
                    return Outcome::Ignored;
                }
                self.highlight = 0;
            }
        }
        Outcome::Consumed
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut lines = vec![self.input.line(Some(
            "type to search the catalog; Enter with nothing skips it",
        ))];
        for (i, (id, label)) in self.matches().into_iter().enumerate() {
            let text = format!("  {id}: {label}");
            lines.push(super::match_line(text, i == self.highlight));
        }
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("type", "search"), ("↑↓", "match"), ("Enter", "pick/skip")]
    }
}
