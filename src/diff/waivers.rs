//! Findings of `check` waived or no longer waived. Never material: a waiver changes
//! what `check` reports, not what the policy says to users.

use super::lists::{Fields, Records, differing};
use super::section::Section;
use crate::answers::Waiver;

/// The rule, and the answer when the waiver is about one finding.
fn named(w: &Waiver) -> String {
    match &w.answer {
        Some(answer) => format!("{} at {answer}", w.rule),
        None => w.rule.clone(),
    }
}

const WAIVERS: Records<Waiver, (String, Option<String>)> = Records {
    noun: |_| "waiver",
    key: |w| (w.rule.clone(), w.answer.clone()),
    name: named,
    added: |_, w| (format!("{} ({})", named(w), w.reason.trim()), None),
    removed: None,
};

const FIELDS: Fields<Waiver> = &[
    ("reason", |x, y| x.reason != y.reason),
    ("until", |x, y| x.until != y.until),
];

pub(super) fn waivers(s: &mut Section) {
    let (old, new) = (s.old, s.new);
    s.records(&WAIVERS, &old.waivers, &new.waivers, |s, x, y| {
        let fields = differing(FIELDS, x, y);
        if !fields.is_empty() {
            s.changed(
                format!("Changed waiver {}: {}", named(y), fields.join(", ")),
                None,
            );
        }
    });
}
