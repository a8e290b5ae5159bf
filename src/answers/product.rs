//! What the product is and who it is for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::{ProductKind, Region};

/// The product and the people it serves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// The kinds of product this policy covers (web app, browser extension, ...).
    #[serde(default)]
    pub product_kinds: Vec<ProductKind>,
    /// Where users are. Decides which laws' rights the policy states.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Who the product is for, completing "Acme is intended for ..." ("software developers").
    #[serde(default)]
    pub intended_for: Option<String>,
    /// The youngest age of user the product accepts, from 0 to 21.
    // The schema's maximum is `validate::MAX_MINIMUM_AGE` (a test holds them together),
    // so an editor refuses what policywright refuses.
    #[serde(default)]
    #[schemars(range(max = 21))]
    pub minimum_age: Option<u8>,
    /// Whether the product is directed to children (COPPA: under 13).
    #[serde(default)]
    pub directed_to_children: Option<bool>,
    /// How parental consent is obtained, when children's data is collected (COPPA 312.5).
    #[serde(default)]
    pub parental_consent: Option<String>,
}

impl Audience {
    /// Whether the policy covers a product of this kind.
    pub fn is(&self, kind: ProductKind) -> bool {
        self.product_kinds.contains(&kind)
    }

    /// Whether users in this region are served.
    pub fn serves(&self, region: Region) -> bool {
        self.regions.contains(&region)
    }
}
