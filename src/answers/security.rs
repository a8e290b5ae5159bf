//! How data is protected.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::SecurityMeasureKind;

/// Security measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// Each measure, in the operator's words.
    #[serde(default)]
    pub measures: Vec<SecurityMeasure>,
    /// A closing statement in the operator's words; nothing is said when absent.
    #[serde(default)]
    pub statement: Option<String>,
    /// How users are told about a breach that affects them.
    #[serde(default)]
    pub breach_notification: Option<String>,
}

/// One security measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityMeasure {
    /// What kind of measure it is.
    pub kind: SecurityMeasureKind,
    /// The measure as the policy states it ("TLS 1.2+ for all network traffic").
    pub description: String,
}
