//! How an answer of each kind is written as text and read back, so every front end
//! parses a typed answer the same way and shows the same inline error.

use serde_json::Value;

use super::Kind;
use crate::answers::validate::{is_email, is_minimum_age, is_web_url, not_an_age};
use crate::answers::values::{Country, Date, Period};

impl Kind {
    /// Whether the answer is typed as a line of text (rather than chosen or confirmed).
    pub fn is_typed(&self) -> bool {
        matches!(
            self,
            Kind::Text
                | Kind::Paragraph
                | Kind::Email
                | Kind::Url
                | Kind::Date
                | Kind::Period
                | Kind::Age
                | Kind::Country
                | Kind::Countries
        )
    }

    /// Reads a typed answer. An empty text means "no answer" (`null`, or `[]` for lists).
    pub fn parse_text(&self, text: &str) -> Result<Value, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(match self {
                Kind::Countries => Value::Array(Vec::new()),
                _ => Value::Null,
            });
        }
        match self {
            Kind::Email if !is_email(text) => Err(format!("`{text}` is not an e-mail address")),
            Kind::Url if !is_web_url(text) => Err(format!(
                "`{text}` is not a web address; write it in full, e.g. https://example.com"
            )),
            Kind::Date => text.parse::<Date>().map(|_| Value::from(text)),
            Kind::Period => text.parse::<Period>().map(|p| Value::from(p.to_string())),
            Kind::Age => match text.parse::<u64>() {
                Ok(age) if is_minimum_age(age) => Ok(Value::from(age)),
                _ => Err(not_an_age(text)),
            },
            Kind::Country => text.parse::<Country>().map(|c| Value::from(c.code())),
            Kind::Countries => text
                .split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<Country>().map(|c| Value::from(c.code())))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            _ => Ok(Value::from(text)),
        }
    }

    /// Writes an answer as the text a person would type for it.
    pub fn to_text(&self, value: &Value) -> String {
        match value {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_answers_are_checked_as_they_are_read() {
        assert_eq!(Kind::Email.parse_text(" a@b.co ").unwrap(), "a@b.co");
        assert!(
            Kind::Email
                .parse_text("nope")
                .unwrap_err()
                .contains("not an e-mail")
        );
        assert!(Kind::Date.parse_text("2026-02-30").is_err());
        assert_eq!(Kind::Period.parse_text("1 Days").unwrap(), "1 day");
        assert_eq!(
            Kind::Countries.parse_text("us, de").unwrap(),
            serde_json::json!(["US", "DE"])
        );
        assert!(Kind::Country.parse_text("Atlantis").is_err());
        assert_eq!(Kind::Age.parse_text("16").unwrap(), 16);
        assert_eq!(Kind::Text.parse_text("  ").unwrap(), Value::Null);
        assert_eq!(
            Kind::Countries.to_text(&serde_json::json!(["US", "KZ"])),
            "US, KZ"
        );
    }
}
