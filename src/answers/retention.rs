//! How long data is kept, and how it is deleted.

use schemars::JsonSchema;

use super::Short;
use serde::{Deserialize, Serialize};

use super::values::Period;

/// Retention rules and deletion timelines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// How long each kind of data is kept.
    #[serde(default)]
    pub rules: Vec<RetentionRule>,
    /// What deleting something removes, and how fast.
    #[serde(default)]
    pub deletion: Vec<DeletionRule>,
}

/// How long one kind of data is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// The data this rule is about, as a reader would name it ("Usage telemetry").
    pub data: String,
    /// The data categories it covers (their ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<Short>,
    /// A fixed period ("30 days"); with `after`, counted from that event; with
    /// `up_to`, the longest it is kept.
    #[serde(default)]
    pub period: Option<Period>,
    /// The event the period counts from, completing "1 year after ..." ("the end of
    /// your contract").
    #[serde(default)]
    pub after: Option<String>,
    /// The period is an upper bound: "up to 24 months" (older data may go sooner).
    #[serde(default)]
    pub up_to: bool,
    /// Kept until an event, completing "until ..." ("you delete your account").
    #[serde(default)]
    pub until: Option<String>,
    /// Old entries fall off continuously (a rolling window), as with logs.
    #[serde(default)]
    pub rolling: Option<bool>,
    /// It is deleted once the user has been inactive this long ("3 years").
    #[serde(default)]
    pub inactive_for: Option<Period>,
    /// The id of the recipient whose own settings decide how long it is kept
    /// ("as set by Stripe").
    #[serde(default)]
    pub set_by: Option<String>,
    /// It may be kept longer when the law requires it or while it is needed for a
    /// legal claim (a legal hold).
    #[serde(default)]
    pub legal_hold: bool,
    /// A setting the user can change it with ("Settings → Retention").
    #[serde(default)]
    pub setting: Option<String>,
    /// The legal reason for keeping it longer ("tax and accounting law").
    #[serde(default)]
    pub legal_reason: Option<String>,
    /// Anything else worth saying.
    #[serde(default)]
    pub details: Option<String>,
}

/// What one kind of deletion removes and how long it takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletionRule {
    /// What is deleted ("your account", "a workflow").
    pub what: String,
    /// How the user deletes it ("from Settings → Delete account").
    #[serde(default)]
    pub how: Option<String>,
    /// What goes with it ("your workflows, screenshots, team memberships and profile data").
    #[serde(default)]
    pub removes: Option<String>,
    /// How long until it is gone.
    #[serde(default)]
    pub within: Option<Period>,
    /// Anything else worth saying ("Account deletion is permanent.").
    #[serde(default)]
    pub details: Option<String>,
}
