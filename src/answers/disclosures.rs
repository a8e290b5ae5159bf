//! Recipients that are not services working for the product: authorities and
//! courts, a buyer in a merger, affiliates, the public, other users (GDPR Art.
//! 13(1)(e) "recipients or categories of recipients"; CCPA 1798.110(c)(4)). Each says
//! when it receives data and what; the policy lists them after the services.

use schemars::JsonSchema;

use super::Short;
use serde::{Deserialize, Serialize};

use super::vocab::DisclosureKind;

/// One kind of recipient that is not a vendor, with when and what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// Who receives it.
    pub to: DisclosureKind,
    /// Who exactly, when it helps ("Acme Group GmbH, our parent company").
    #[serde(default)]
    pub name: Option<String>,
    /// When, completing "when ..." ("a court order or other legal process requires us
    /// to").
    pub when: String,
    /// What they receive, in words ("the data the order names").
    pub what: String,
    /// The data categories concerned (their ids), when they can be named.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<Short>,
}
