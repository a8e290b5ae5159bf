//! The rights users have, and how they use them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::Period;
use super::vocab::RightKind;

/// Users' rights and how requests are handled.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// Each right offered, with how to use it.
    #[serde(default)]
    pub rights: Vec<Right>,
    /// The rights are offered to every user, wherever they live.
    #[serde(default)]
    pub everyone: Option<bool>,
    /// How quickly requests are answered ("30 days").
    #[serde(default)]
    pub response_time: Option<Period>,
    /// How identity is checked before a request is carried out.
    #[serde(default)]
    pub verification: Option<String>,
    /// How to appeal a refused request (required by several US state laws).
    #[serde(default)]
    pub appeal: Option<String>,
    /// How to complain to the operator about its use of personal data, completing
    /// "you can complain to us ..." ("using the form at https://acme.io/complaints").
    /// UK controllers must take complaints from 19 June 2026 (Data Protection Act 2018
    /// s. 164A, inserted by the Data (Use and Access) Act 2025 s. 103).
    #[serde(default)]
    pub complaints: Option<String>,
    /// State the right to complain to a supervisory authority (GDPR Art. 13(2)(d)).
    #[serde(default)]
    pub complaint: Option<bool>,
    /// The authority to name for complaints, when there is a lead one ("the Irish DPC").
    #[serde(default)]
    pub authority: Option<String>,
    /// Requests may be made by an authorised agent (CCPA).
    #[serde(default)]
    pub authorized_agents: Option<bool>,
    /// A toll-free telephone number for requests (Cal. Civ. Code 1798.130(a)(1)(A)).
    #[serde(default)]
    pub toll_free_number: Option<String>,
    /// The business operates exclusively online and has a direct relationship with the
    /// consumers it collects from, so an e-mail address alone is enough for requests
    /// (Cal. Civ. Code 1798.130(a)(1)(A)).
    #[serde(default)]
    pub exclusively_online: Option<bool>,
    /// Users who exercise a right are not treated worse (CCPA 1798.125).
    #[serde(default)]
    pub non_discrimination: Option<bool>,
}

/// One right and how to use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Which right.
    pub right: RightKind,
    /// The right in the operator's words ("Export your generated packages and account data").
    /// When absent, the standard wording is used.
    #[serde(default)]
    pub description: Option<String>,
    /// How to use it, completing the sentence ("via Settings → Data export").
    #[serde(default)]
    pub how: Option<String>,
}
