//! Google Play Console's Data safety form as the CSV that its "Import from CSV"
//! reads (Play Console > Policy > App content > Data safety).
//!
//! The columns and ids are those of the console's own export ("Export to CSV"):
//! `Question ID (machine readable)`, `Response ID (machine readable)`, `Response
//! value`, `Answer requirement`, `Human-friendly question label`; one row per possible
//! answer, the chosen ones `true`. Import reads the two id columns and the value; the
//! label is for people. Google's documentation does not publish the full template, so
//! the rows relied on are listed in the README ("to confirm" against a fresh export).
//! Questions the answers cannot say (which sign-in methods the app offers) are left
//! out, for the operator to answer in the console.

use super::mapping::{Store, mapping};
use super::{Declared, categories, declared};
use crate::answers::Answers;

const HEADER: [&str; 5] = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
];

/// A boolean as the export writes it; an open answer is left empty.
fn value(v: Option<bool>) -> String {
    match v {
        Some(true) => "true".into(),
        Some(false) => "false".into(),
        None => String::new(),
    }
}

/// A chosen option is `true`; an option not chosen is left empty, as in the export.
fn chosen(yes: bool) -> String {
    if yes { "true".into() } else { String::new() }
}

struct Rows(Vec<[String; 5]>);

impl Rows {
    fn push(&mut self, question: &str, response: &str, value: String, req: &str, label: &str) {
        self.0.push([
            question.into(),
            response.into(),
            value,
            req.into(),
            label.into(),
        ]);
    }
}

pub(super) fn csv(a: &Answers) -> String {
    let categories = categories(a);
    let types = declared(Store::Play, &categories);
    let s = &a.stores;
    let mut rows = Rows(Vec::new());

    rows.push(
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA",
        "",
        value(Some(!types.is_empty())),
        "REQUIRED",
        "Does your app collect or share any of the required user data types?",
    );
    rows.push(
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT",
        "",
        value(s.encrypted_in_transit),
        "MAYBE_REQUIRED",
        "Is all of the user data collected by your app encrypted in transit?",
    );
    rows.push(
        "PSL_ACCOUNT_DELETION_URL",
        "",
        s.account_deletion_url.clone().unwrap_or_default(),
        "MAYBE_REQUIRED",
        "Account deletion URL",
    );
    for (response, yes, label) in [
        ("DATA_DELETION_YES", Some(true), "Yes"),
        ("DATA_DELETION_NO", Some(false), "No"),
    ] {
        rows.push(
            "PSL_SUPPORT_DATA_DELETION_BY_USER",
            response,
            chosen(s.deletion_without_account == yes),
            "SINGLE_CHOICE",
            &format!(
                "Do you provide a way for users to request that some or all of their data is \
                 deleted, without requiring them to delete their account? / {label}"
            ),
        );
    }
    rows.push(
        "PSL_DATA_DELETION_URL",
        "",
        s.data_deletion_url.clone().unwrap_or_default(),
        "MAYBE_REQUIRED",
        "Data deletion URL",
    );

    for t in &mapping().play.types {
        let yes = types.iter().any(|d| std::ptr::eq(d.data_type, t));
        rows.push(
            &t.group_id,
            &t.id,
            chosen(yes),
            "MULTIPLE_CHOICE",
            &format!("{} / {}", t.group, t.label),
        );
    }
    for d in &types {
        usage(&mut rows, d);
    }

    let mut out = String::new();
    out.push_str(&line(HEADER.iter().map(|h| h.to_string())));
    for row in rows.0 {
        out.push_str(&line(row.into_iter()));
    }
    out
}

/// The "Data usage and handling" questions of one declared type.
fn usage(rows: &mut Rows, d: &Declared) {
    let t = d.data_type;
    let q = |suffix: &str| format!("PSL_DATA_USAGE_RESPONSES:{}:{suffix}", t.id);
    let label = |question: &str| format!("Data usage and handling ({}) / {question}", t.label);
    let shared = d.any(|c| c.facts.and_then(|f| f.shared)) == Some(true);
    let both = "Is this data collected, shared, or both?";
    rows.push(
        &q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
        "PSL_DATA_USAGE_ONLY_COLLECTED",
        chosen(true),
        "MULTIPLE_CHOICE",
        &label(&format!("{both} / Collected")),
    );
    rows.push(
        &q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
        "PSL_DATA_USAGE_ONLY_SHARED",
        chosen(shared),
        "MULTIPLE_CHOICE",
        &label(&format!("{both} / Shared")),
    );
    rows.push(
        &q("PSL_DATA_USAGE_EPHEMERAL"),
        "",
        value(d.all(|c| c.facts.and_then(|f| f.ephemeral))),
        "MAYBE_REQUIRED",
        &label("Is this data processed ephemerally?"),
    );
    // Required when any category behind the type must be given (GDPR Art. 13(2)(e)'s
    // answer, `data.categories[].required`); optional only when none must.
    let required = d.any(|c| c.data.required);
    let control = "Is this data required for your app, or can users choose whether it's collected?";
    rows.push(
        &q("DATA_USAGE_USER_CONTROL"),
        "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL",
        chosen(required == Some(false)),
        "SINGLE_CHOICE",
        &label(&format!(
            "{control} / Users can choose whether this data is collected"
        )),
    );
    rows.push(
        &q("DATA_USAGE_USER_CONTROL"),
        "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
        chosen(required == Some(true)),
        "SINGLE_CHOICE",
        &label(&format!(
            "{control} / Data collection is required (users can't turn off this data collection)"
        )),
    );
    let purposes = mapping().purposes(Store::Play, &d.uses());
    let shared_purposes = mapping().purposes(Store::Play, &d.shared_uses());
    for (suffix, question, picked) in [
        (
            "DATA_USAGE_COLLECTION_PURPOSE",
            "Why is this user data collected? Select all that apply.",
            &purposes,
        ),
        (
            "DATA_USAGE_SHARING_PURPOSE",
            "Why is this user data shared? Select all that apply.",
            &shared_purposes,
        ),
    ] {
        for p in &mapping().play.uses {
            // Two uses share Play's "Advertising or marketing": one row for it.
            if mapping()
                .play
                .uses
                .iter()
                .position(|x| x.id == p.id)
                .is_some_and(|first| !std::ptr::eq(&mapping().play.uses[first], p))
            {
                continue;
            }
            rows.push(
                &q(suffix),
                &p.id,
                chosen(picked.iter().any(|x| x.id == p.id)),
                "MULTIPLE_CHOICE",
                &label(&format!("{question} / {}", p.label)),
            );
        }
    }
}

/// The rows of a CSV this module wrote that carry an answer, as "label: value":
/// what a person checks on the review screen.
pub(super) fn answered(csv: &str) -> String {
    let mut out = String::new();
    for line in csv.lines().skip(1) {
        let cells = split(line);
        if let [_, _, value, _, label] = &cells[..]
            && !value.is_empty()
        {
            out.push_str(&format!("{label}: {value}\n"));
        }
    }
    out
}

/// The cells of one line [`line`] wrote.
fn split(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().expect("one cell").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().expect("one cell").push(c),
        }
    }
    cells
}

/// One CSV line (RFC 4180): a cell with a comma, quote or line break is quoted, its
/// quotes doubled.
fn line(cells: impl Iterator<Item = String>) -> String {
    let mut out = cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_commas_and_quotes_are_quoted_and_read_back() {
        let cells = ["a".to_string(), "b, c".into(), "say \"hi\"".into()];
        let l = line(cells.clone().into_iter());
        assert_eq!(l, "a,\"b, c\",\"say \"\"hi\"\"\"\n");
        assert_eq!(split(l.trim_end()), cells);
    }
}
