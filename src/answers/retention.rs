//! How long data is kept, and how it is deleted.

use schemars::JsonSchema;
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
    pub categories: Vec<String>,
    /// A fixed period ("30 days").
    #[serde(default)]
    pub period: Option<Period>,
    /// Kept until an event, completing "until ..." ("you delete your account").
    #[serde(default)]
    pub until: Option<String>,
    /// Old entries fall off continuously (a rolling window), as with logs.
    #[serde(default)]
    pub rolling: Option<bool>,
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
