//! A line of text being typed: cursor movement, editing and paste. Used for every
//! typed answer (text, e-mail, web address, date, period, age) and by other editors
//! (the country filter, a record's short lists, the home screen's name).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use serde_json::Value;

use super::Outcome;
use crate::questions::Kind;
use crate::tui::keys::Hint;
use crate::tui::strings;

/// Text with a cursor (a char index, so multi-byte text never splits a character).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: usize,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> TextInput {
        let text = text.into();
        let cursor = text.chars().count();
        TextInput { text, cursor }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn insert_str(&mut self, s: &str) {
        // One line: pasted line breaks become spaces.
        let s: String = s
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &s);
        self.cursor += s.chars().count();
    }

    /// Edits the text; returns whether the key was one it uses.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.len(),
            KeyCode::Char('u') if ctrl => {
                let at = self.byte(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (from, to) = (self.byte(start), self.byte(self.cursor));
                self.text.replace_range(from..to, "");
                self.cursor = start;
            }
            KeyCode::Char(c) if !ctrl => {
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < self.len() => {
                let at = self.byte(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.len(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    /// The text with the cursor shown as a reversed cell (the wizard draws its own
    /// cursor, so snapshots show where it is).
    pub fn line(&self, placeholder: Option<&str>) -> Line<'static> {
        let cursor = crate::tui::ui::style::selected();
        if self.text.is_empty() {
            let mut spans = vec![Span::styled(" ", cursor)];
            if let Some(p) = placeholder {
                spans.push(Span::styled(
                    p.to_owned(),
                    Style::default().add_modifier(Modifier::DIM),
                ));
            }
            return Line::from(spans);
        }
        let (before, rest) = self.text.split_at(self.byte(self.cursor));
        let mut chars = rest.chars();
        let at = chars.next().map_or(" ".to_owned(), |c| c.to_string());
        Line::from(vec![
            Span::raw(before.to_owned()),
            Span::styled(at, cursor),
            Span::raw(chars.as_str().to_owned()),
        ])
    }
}

/// A typed answer, read with the catalog's [`Kind::parse_text`] on Enter.
#[derive(Debug, Clone)]
pub struct TextEditor {
    pub input: TextInput,
    /// A short list typed on one line, separated by `;` (inside a record).
    pub inline_list: bool,
}

impl TextEditor {
    pub fn new(kind: &Kind, current: Option<&Value>) -> TextEditor {
        let inline_list = matches!(kind, Kind::Lines);
        let text = match current {
            Some(Value::Array(items)) if inline_list => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            Some(v) => kind.to_text(v),
            None => String::new(),
        };
        TextEditor {
            input: TextInput::new(text),
            inline_list,
        }
    }

    pub fn handle(&mut self, key: &KeyEvent, kind: &Kind, required: bool) -> Outcome {
        if key.code == KeyCode::Enter {
            return self.submit(kind, required);
        }
        if self.input.handle(key) {
            Outcome::Consumed
        } else {
            Outcome::Ignored
        }
    }

    fn submit(&self, kind: &Kind, required: bool) -> Outcome {
        let text = self.input.text.trim();
        if required && text.is_empty() {
            return Outcome::Invalid(strings::NEEDED.to_owned());
        }
        if self.inline_list {
            return Outcome::Submit(Value::Array(
                text.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(Value::from)
                    .collect(),
            ));
        }
        match kind.parse_text(text) {
            Ok(v) => Outcome::Submit(v),
            Err(e) => Outcome::Invalid(e),
        }
    }

    pub fn lines(&self, placeholder: Option<&str>) -> Vec<Line<'static>> {
        let mut lines = vec![self.input.line(placeholder)];
        if self.inline_list {
            lines.push(Line::styled(
                "Separate several with ;",
                Style::default().add_modifier(Modifier::DIM),
            ));
        }
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![("Enter", "save"), ("Esc", "undo"), ("←→", "move")]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_moves_the_cursor_and_edits_in_place() {
        let mut t = TextInput::new("ac");
        t.handle(&key(KeyCode::Left));
        t.handle(&key(KeyCode::Char('b')));
        assert_eq!((t.text.as_str(), t.cursor), ("abc", 2));
        t.handle(&key(KeyCode::Home));
        t.handle(&key(KeyCode::Delete));
        assert_eq!(t.text, "bc");
        t.handle(&key(KeyCode::End));
        t.handle(&key(KeyCode::Backspace));
        assert_eq!(t.text, "b");
        t.insert_str("é\nz");
        assert_eq!((t.text.as_str(), t.cursor), ("bé z", 4));
        t.handle(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(t.text, "bé ");
    }
}
