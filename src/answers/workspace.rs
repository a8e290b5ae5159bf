//! How policywright works with this policy, as opposed to what the policy says:
//! where it is published and where the product's code is. Never rendered, never
//! compared by `diff`; kept in the answers file so the next `publish` or `edit`
//! remembers it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::Format;

/// Where the policy goes and where the product's code lives.
///
/// Relative paths are relative to the folder that holds the answers file, so an
/// answers file kept in the product's repository keeps working from any clone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// The files the policy is published to, each in one format.
    #[serde(default)]
    pub outputs: Vec<PublishedFile>,
    /// The product's source code, which `scan` and the wizard look through for
    /// services that receive personal data.
    #[serde(default)]
    pub code_dir: Option<String>,
    /// Answers policywright suggested (from the product's kinds, its code and the
    /// regions served) that the operator has not confirmed yet, by dotted path
    /// (`processors.stripe`, `data.categories.account`, `retention.rules`). Setting
    /// an answer confirms every suggestion at, inside or around it; `publish`
    /// refuses while any is left. See `answers::unconfirmed`.
    #[serde(default)]
    pub unconfirmed: Vec<String>,
}

/// One file the policy is published to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedFile {
    pub format: Format,
    /// Where the file is written.
    pub path: String,
}
