//! A line of text being typed: cursor movement, editing and paste. Used for every
//! typed answer (text, e-mail, web address, date, period, age) and by other editors
//! (the country filter, a record's short lists, the home screen's name).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use serde_json::Value;

use super::{Outcome, graphemes};
use crate::questions::Kind;
use crate::tui::keys::Hint;
use crate::tui::strings;

/// Text with a cursor. The cursor counts grapheme clusters ([`graphemes`]), so an
/// edit never splits what the screen shows as one character (a letter and its
/// accent, a flag, an emoji sequence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: usize,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> TextInput {
        let text = text.into();
        let cursor = graphemes::count(&text);
        TextInput { text, cursor }
    }

    fn byte(&self, index: usize) -> usize {
        graphemes::byte(&self.text, index)
    }

    fn len(&self) -> usize {
        graphemes::count(&self.text)
    }

    /// Puts `s` at the cursor, the cursor after it.
    fn insert_at_cursor(&mut self, s: &str) {
        let at = self.byte(self.cursor);
        self.text.insert_str(at, s);
        self.cursor = graphemes::index_at(&self.text, at + s.len());
    }

    /// Removes clusters `from..to`, the cursor where they were.
    fn remove(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        // What was either side may now be one cluster (a mark after a removed
        // zero-width space joins the letter before it).
        self.cursor = graphemes::index_at(&self.text, a);
    }

    pub fn insert_str(&mut self, s: &str) {
        // One line: a pasted line break or tab becomes a space (so the words
        // either side stay apart), other control characters go.
        let s: String = s
            .replace("\r\n", "\n")
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        self.insert_at_cursor(&s);
    }

    /// Edits the text; returns whether the key was one it uses.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.len(),
            KeyCode::Char('u') if ctrl => self.remove(0, self.cursor),
            KeyCode::Char('k') if ctrl => self.remove(self.cursor, self.len()),
            KeyCode::Char('w') if ctrl => {
                let units = graphemes::units(&self.text);
                let mut start = self.cursor;
                while start > 0 && graphemes::is_space(units[start - 1]) {
                    start -= 1;
                }
                while start > 0 && !graphemes::is_space(units[start - 1]) {
                    start -= 1;
                }
                self.remove(start, self.cursor);
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.insert_at_cursor(c.encode_utf8(&mut [0; 4]));
            }
            KeyCode::Backspace if self.cursor > 0 => self.remove(self.cursor - 1, self.cursor),
            KeyCode::Delete if self.cursor < self.len() => {
                self.remove(self.cursor, self.cursor + 1);
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
    /// cursor, so snapshots show where it is). A cluster that takes no cell (a
    /// zero-width space) shows the cursor as a reversed blank before it.
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
        let (a, b) = (self.byte(self.cursor), self.byte(self.cursor + 1));
        let at = &self.text[a..b];
        let (at, rest) = if graphemes::width(at) == 0 {
            (" ", &self.text[a..])
        } else {
            (at, &self.text[b..])
        };
        Line::from(vec![
            Span::raw(self.text[..a].to_owned()),
            Span::styled(at.to_owned(), cursor),
            Span::raw(rest.to_owned()),
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
        if key.code == KeyCode::Enter
            && key
                .modifiers
                .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL)
        {
            // Alt-Enter (Ctrl-Enter) starts a new line in answers of several lines;
            // a one-line answer has none to start, and it is not Enter either: it
            // saved the answer and moved on (found walking through the wizard).
            return Outcome::Consumed;
        }
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
