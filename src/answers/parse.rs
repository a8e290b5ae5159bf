//! Reading answers from JSON text, with errors that point at the line and the field.

use serde_json::Value;

use super::{Answers, AnswersError, SCHEMA_VERSION, migrate};

/// Parses answers. The text is read in two passes: first as plain JSON, so a syntax
/// error or a foreign `schema_version` is reported before any field is interpreted;
/// then into the model, so a wrong type or an unknown key names its dotted path and
/// its line. Semantic checks are separate: see [`Answers::problems`].
pub fn parse(text: &str) -> Result<Answers, AnswersError> {
    if text.starts_with('\u{feff}') {
        return Err(AnswersError::Syntax {
            line: 1,
            column: 1,
            message: "the file starts with a byte-order mark (BOM); save it as UTF-8 \
                      without a BOM"
                .to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(AnswersError::Empty);
    }
    if !text.trim_start().starts_with('{') {
        return Err(AnswersError::BadVersion(
            "the answers must be a JSON object ({\"schema_version\": 2, ...})".to_owned(),
        ));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        // The text is an object (checked above), so this is about its one member
        // read here, such as a second `schema_version`: say where.
        serde_json::error::Category::Data => AnswersError::Syntax {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        },
        // Skipping values gives vaguer messages ("key must be a string" where the
        // real problem is a trailing comma); a full parse, on the error path only,
        // says what a person needs to hear.
        _ => {
            let e = serde_json::from_str::<Value>(text).err().unwrap_or(e);
            AnswersError::Syntax {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            }
        }
    })?;
    let version = check_version(header.schema_version.as_ref())?;

    // Tracking the path costs about a third of a large file's parse, and only an
    // error needs it: the fast pass reads valid answers, and a failure is read again
    // with the path tracked to say where.
    if let Ok(answers) = serde_json::from_str::<Answers>(text) {
        return Ok(without_spare_room(migrate::upgrade(answers, version)));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let answers = Answers::deserialize_tracked(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        AnswersError::Field {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
    })?;
    Ok(without_spare_room(migrate::upgrade(answers, version)))
}

/// The long lists without the room they grew while being read: a list read from a
/// file doubles its capacity as it goes, and on thousands of entries the spare room
/// was a third of each list (1.7 MB on a file of 2,000 recipients and 5,000 data
/// categories), kept for as long as the answers are.
fn without_spare_room(mut answers: Answers) -> Answers {
    answers.data.categories.shrink_to_fit();
    answers.purposes.shrink_to_fit();
    answers.processors.shrink_to_fit();
    answers.retention.rules.shrink_to_fit();
    answers.stores.categories.shrink_to_fit();
    answers
}

/// The first pass reads only the version; everything else is skipped unparsed.
#[derive(serde::Deserialize)]
struct Header {
    schema_version: Option<Value>,
}

/// The file's version, when this build reads it: its own or one it upgrades.
fn check_version(version: Option<&Value>) -> Result<u64, AnswersError> {
    match version {
        None => Err(AnswersError::BadVersion(format!(
            "schema_version is missing; add \"schema_version\": {SCHEMA_VERSION} at the top"
        ))),
        Some(v) => match v.as_u64() {
            Some(found) if (migrate::OLDEST..=SCHEMA_VERSION).contains(&found) => Ok(found),
            Some(found) if found > SCHEMA_VERSION => Err(AnswersError::NewerVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
            _ => Err(AnswersError::BadVersion(format!(
                "schema_version is {}; this policywright reads versions {} to {SCHEMA_VERSION}",
                shortened(&v.to_string()),
                migrate::OLDEST
            ))),
        },
    }
}

/// A value quoted in a message, cut short: a 5 MB `schema_version` must not
/// become a 5 MB error.
fn shortened(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// serde_json appends " at line L column C"; we report position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

impl Answers {
    /// Deserialises while recording the path to the failing field.
    fn deserialize_tracked<'de, D: serde::Deserializer<'de>>(
        de: D,
    ) -> Result<Answers, serde_path_to_error::Error<D::Error>> {
        serde_path_to_error::deserialize(de)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    /// The long lists keep no room they grew while being read.
    #[test]
    fn lists_read_keep_no_spare_room() {
        let mut answers = Answers::example("complete");
        let category = answers.data.categories[0].clone();
        let recipient = answers.processors[0].clone();
        answers.data.categories = (0..100)
            .map(|i| {
                let mut c = category.clone();
                c.id = compact_str::format_compact!("c{i}");
                c
            })
            .collect();
        answers.processors = (0..100)
            .map(|i| {
                let mut p = recipient.clone();
                p.id = compact_str::format_compact!("p{i}");
                p
            })
            .collect();
        let read = parse(&answers.to_json()).unwrap();
        assert_eq!(read, answers);
        assert_eq!(read.data.categories.capacity(), 100);
        assert_eq!(read.processors.capacity(), 100);
    }

    #[test]
    fn empty_text_is_reported_as_empty() {
        assert!(err("  \n").contains("empty"));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = err("{\n  \"schema_version\": 1,\n  \"organization\": {,}\n}");
        assert!(e.starts_with("line 3, column 20:"), "{e}");
    }

    /// F12: a byte-order mark is located like any other error.
    #[test]
    fn a_byte_order_mark_is_located() {
        let e = err("\u{feff}{\"schema_version\": 1}");
        assert!(e.starts_with("line 1, column 1:"), "{e}");
        assert!(e.contains("byte-order mark"), "{e}");
    }

    /// F12: a second `schema_version` is located, and a huge one is not echoed whole.
    #[test]
    fn header_problems_are_located_and_short() {
        let e = err("{\"schema_version\": 1,\n \"schema_version\": 1}");
        assert!(e.starts_with("line 2, column"), "{e}");
        assert!(e.contains("duplicate field `schema_version`"), "{e}");
        let huge = format!("{{\"schema_version\": \"{}\"}}", "x".repeat(100_000));
        assert!(err(&huge).len() < 200);
    }

    #[test]
    fn unknown_keys_name_their_path() {
        let e = err(r#"{"schema_version": 1, "organization": {"product_nam": "Acme"}}"#);
        assert!(e.contains("organization.product_nam"), "{e}");
        assert!(e.contains("unknown field `product_nam`"), "{e}");
    }

    #[test]
    fn wrong_types_name_their_path() {
        let e = err(r#"{"schema_version": 1, "audience": {"regions": ["eea", 3]}}"#);
        assert!(e.contains("audience.regions[1]"), "{e}");
        let e = err(r#"{"schema_version": 1, "policy": {"last_updated": "May 1"}}"#);
        assert!(e.contains("policy.last_updated"), "{e}");
        assert!(e.contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn versions_are_checked_before_fields() {
        let e = err(r#"{"schema_version": 3, "future_field": true}"#);
        assert!(e.contains("newer"), "{e}");
        assert!(err(r#"{"organization": {}}"#).contains("schema_version is missing"));
        assert!(err("[1, 2]").contains("JSON object"));
    }

    #[test]
    fn values_have_every_field_and_files_only_answers() {
        let a = Answers::from_json(include_str!("../../examples/stepr.json")).unwrap();
        let v = a.to_value();
        assert_eq!(v["organization"]["dpo"], Value::Null);
        assert_eq!(v["ai"]["safeguards"], Value::Array(vec![]));
        let file = a.to_json();
        assert!(!file.contains("null") && !file.contains("[]") && !file.contains("{}"));
        assert!(
            file.contains("\"sells\": false"),
            "a 'no' to a yes/no/unanswered question is an answer"
        );
        assert!(
            file.contains("\"directed_to_children\": false"),
            "nor is a 'no' to a yes/no question (issue 18)"
        );
        assert!(
            !Answers::default()
                .to_json()
                .contains("directed_to_children"),
            "a yes/no never answered is left out"
        );
        assert_eq!(
            Answers::from_json(&file).unwrap(),
            a,
            "the file round-trips"
        );
    }

    #[test]
    fn a_minimal_draft_parses() {
        let a = parse(r#"{"schema_version": 1}"#).unwrap();
        assert_eq!(a, Answers::default());
    }
}
