//! Retention said as people say it (`RetentionRule::set_by`, `inactive_for`): what
//! `check` can hold those forms against. That a rule gives a period or a criterion
//! at all is validation's job; that every category has a rule is `gdpr-retention`'s.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;

pub static RULES: &[Rule] = &[Rule {
    id: "consistency-retention-set-by",
    reviewed: "2026-12-06",
    regime: Regime::Consistency,
    citation: "GDPR Art. 5(1)(a) (transparency), 13(2)(a)",
    severity: Severity::Warning,
    applies_when: "a retention rule is decided by a recipient's setting (`set_by`)",
    applies: |a| a.retention.rules.iter().any(|r| r.set_by.is_some()),
    test: set_by_without_the_data,
    message: "A retention rule says a recipient's setting decides how long the data is \
                  kept, but that recipient does not receive the rule's data categories",
}];

fn set_by_without_the_data(a: &Answers) -> Vec<Hit> {
    let mut hits = Vec::new();
    // The recipients by id, the first of two with one id as a scan would find it:
    // looked up for every rule, a scan each made this quadratic in the file's size.
    let mut recipients = std::collections::HashMap::with_capacity(a.processors.len());
    for p in &a.processors {
        recipients.entry(p.id.as_str()).or_insert(p);
    }
    for (i, r) in a.retention.rules.iter().enumerate() {
        let Some(id) = &r.set_by else { continue };
        let Some(p) = recipients.get(id.as_str()) else {
            continue; // validation names a recipient that does not exist
        };
        if !r.categories.is_empty() && !r.categories.iter().any(|c| p.categories.contains(c)) {
            hits.push(Hit::with(
                format!("retention.rules[{i}].set_by"),
                format!("`{}`: {} does not receive it", r.data, p.name),
            ));
        }
    }
    hits
}
