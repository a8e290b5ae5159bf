//! Who receives personal data: processors and other recipients.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::Country;
use super::vocab::{ProcessorRole, Safeguard};

/// A service or company that receives personal data from the product.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// A short key ("stripe", "azure").
    pub id: String,
    /// The name users know ("Stripe").
    pub name: String,
    /// The company behind it ("Stripe, Inc.").
    #[serde(default)]
    pub legal_entity: Option<String>,
    /// The job it does; the policy groups recipients by it.
    pub role: ProcessorRole,
    /// What it does for the product ("handles billing").
    pub purpose: String,
    /// The data categories it receives (their ids).
    #[serde(default)]
    pub categories: Vec<String>,
    /// What it receives or sees, in words ("a customer identifier and subscription state").
    #[serde(default)]
    pub data_description: Option<String>,
    /// Where it processes the data.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// How a transfer to it out of the user's region is made lawful.
    #[serde(default)]
    pub safeguard: Option<Safeguard>,
    /// What it has promised ("does not train its models on API data").
    #[serde(default)]
    pub commitments: Vec<String>,
    /// It receives data only in some cases, completing "Only ..." ("if you sign in with Google").
    #[serde(default)]
    pub only_if: Option<String>,
    /// Its own privacy policy.
    #[serde(default)]
    pub privacy_policy_url: Option<String>,
}
