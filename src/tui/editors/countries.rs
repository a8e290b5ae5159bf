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

    /// The countries that match what was typed, best first: the code, then the
    /// whole name ("United States" is US, not the Minor Outlying Islands), then
    /// names that start with it, then names with a word that does, shorter names
    /// first. Two letters are read as a code or a name's start only, so "EU" does
    /// not find Bonaire, Sint *Eu*statius and Saba.
    pub fn matches(&self) -> Vec<Country> {
        let f = self.filter.text.trim().to_lowercase();
        if f.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(u8, usize, Country)> = Country::all()
            .filter_map(|c| {
                let name = c.name().to_lowercase();
                let rank = if c.code().to_lowercase() == f {
                    0
                } else if name == f {
                    1
                } else if name.starts_with(&f) {
                    2
                } else if f.chars().count() > 2
                    && name
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w.starts_with(&f))
                {
                    3
                } else if f.chars().count() > 2 && name.contains(&f) {
                    4
                } else {
                    return None;
                };
                Some((rank, name.chars().count(), c))
            })
            .collect();
        ranked.sort_by_key(|&(rank, len, _)| (rank, len));
        ranked
            .into_iter()
            .map(|(_, _, c)| c)
            .take(MATCHES)
            .collect()
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
                    // Text that names no country is not dropped on Enter (found
                    // walking through the wizard: a sentence typed one row too low
                    // vanished): it stays, and Enter says why it was not taken.
                    let typed = self.filter.text.trim();
                    if !typed.is_empty() {
                        return Outcome::Invalid(format!(
                            "No country matches “{typed}”: correct it, or Ctrl-U clears it; \
                             Enter on nothing keeps the countries chosen."
                        ));
                    }
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
        let matches = self.matches();
        for (i, c) in matches.iter().enumerate() {
            let mark = if i == self.highlight { "›" } else { " " };
            let text = format!("{mark} {} {}", c.code(), c.name());
            lines.push(super::match_line(text, i == self.highlight));
        }
        let typed = self.filter.text.trim();
        if matches.is_empty() && !typed.is_empty() {
            let why = match typed.to_lowercase().as_str() {
                "eu" | "eea" | "europe" => format!(
                    "“{typed}” is not one country: add the countries themselves (e.g. IE, DE, NL)."
                ),
                _ => format!(
                    "No country matches “{typed}”: try its English name or its two-letter code."
                ),
            };
            lines.push(Line::styled(why, crate::tui::ui::style::warn()));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(typed: &str) -> Vec<String> {
        let mut c = Countries::new(None, true);
        c.filter = TextInput::new(typed);
        c.matches().iter().map(|c| c.code().to_owned()).collect()
    }

    /// Found walking through the wizard: a sentence typed on a recipient's
    /// countries (one row too low) matched no country, and Enter closed the field
    /// without it, silently. Enter now keeps it and says why it was not taken.
    #[test]
    fn enter_on_text_that_names_no_country_keeps_it() {
        use crossterm::event::KeyModifiers;
        let chosen = serde_json::json!(["IE", "US"]);
        let mut c = Countries::new(Some(&chosen), false);
        for ch in "your card details".chars() {
            c.handle(&KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        }
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        match c.handle(&enter) {
            Outcome::Invalid(why) => assert!(why.contains("your card details"), "{why}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(c.filter.text, "your card details");
        c.handle(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(c.handle(&enter), Outcome::Submit(chosen));
    }

    /// Issue 18 (ux-wizard finding 11).
    #[test]
    fn an_exact_name_or_code_comes_first() {
        assert_eq!(codes("United States")[0], "US");
        assert_eq!(codes("united states")[0], "US");
        assert_eq!(codes("us")[0], "US");
        assert_eq!(codes("DE")[0], "DE");
        assert_eq!(codes("Germany"), ["DE"]);
        assert!(codes("EU").is_empty(), "{:?}", codes("EU"));
        assert!(codes("EU").iter().all(|c| c != "BQ"));
        // A word of the name, then a part of one.
        assert!(codes("Eustatius").contains(&"BQ".to_owned()));
        assert_eq!(codes("Korea").len(), 2);
    }
}
