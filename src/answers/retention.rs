//! How long data is kept, and how it is deleted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::Period;

/// Retention rules and deletion timelines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// How long each kind of data is kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RetentionRule>,
    /// What deleting something removes, and how fast.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deletion: Vec<DeletionRule>,
}

/// How long one kind of data is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// The data this rule is about, as a reader would name it ("Usage telemetry").
    pub data: String,
    /// The data categories it covers (their ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// A fixed period ("30 days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Kept until an event, completing "until ..." ("you delete your account").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Old entries fall off continuously (a rolling window), as with logs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rolling: bool,
    /// A setting the user can change it with ("Settings → Retention").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<String>,
    /// The legal reason for keeping it longer ("tax and accounting law").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_reason: Option<String>,
    /// Anything else worth saying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// What one kind of deletion removes and how long it takes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeletionRule {
    /// What is deleted ("your account", "a workflow").
    pub what: String,
    /// How the user deletes it ("from Settings → Delete account").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    /// What goes with it ("your workflows, screenshots, team memberships and profile data").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removes: Option<String>,
    /// How long until it is gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<Period>,
    /// Anything else worth saying ("Account deletion is permanent.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}
