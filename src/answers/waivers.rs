//! Findings of `check` the operator has decided not to act on, each with its reason
//! (the GDPR Art. 27(2) exemption from appointing an EU representative, say). Like
//! `workspace`, this is how policywright treats the answers, never part of the
//! policy's text: templates do not read it.
//!
//! This module owns the shape and the reason being given. Which rule ids exist, and
//! which findings a waiver matches, is `check`'s business (`crate::check::waivers`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Problem;
use super::values::Date;

/// One waived rule, or one waived finding of a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule's id (`gdpr-eu-representative`); `policywright check --explain RULE`
    /// describes it.
    pub rule: String,
    /// Only the rule's findings at this answer or inside it (`processors[2]`,
    /// `processors.yandex`, `organization.eu_representative`); every finding of the
    /// rule when left out.
    #[serde(default)]
    pub answer: Option<String>,
    /// Why the finding does not apply or is accepted, for whoever reads the check
    /// next ("Art. 27(2)(a): occasional processing, no special categories").
    pub reason: String,
    /// The last day the waiver holds (YYYY-MM-DD); from the next day its findings
    /// count again. Without it, the waiver holds until it is removed.
    #[serde(default)]
    pub until: Option<Date>,
}

/// Waivers without a reason: a waiver is a decision someone must be able to read.
pub(super) fn problems(waivers: &[Waiver]) -> Vec<Problem> {
    waivers
        .iter()
        .enumerate()
        .filter(|(_, w)| w.reason.trim().is_empty())
        .map(|(i, _)| {
            Problem::new(
                format!("waivers[{i}].reason"),
                "is required and is empty: say why the finding is waived",
            )
        })
        .collect()
}
