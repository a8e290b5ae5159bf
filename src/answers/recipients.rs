//! Who receives personal data: processors and other recipients.

use schemars::JsonSchema;

use super::Short;
use serde::{Deserialize, Serialize};

use super::safeguards::Safeguards;
use super::values::Country;
use super::vocab::{Deployment, ProcessorRole, RecipientControl};

/// A service or company that receives personal data from the product, or a vendor's
/// software the operator runs itself (`deployment: self_hosted`), which receives none
/// and is said apart.
///
/// An entry may start from the processor catalog (`catalog`) and override any field;
/// the catalog's fields fill in whatever the entry leaves out, right after loading, so
/// everything past loading sees a complete recipient.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// A short key ("stripe", "azure"). Left out, it is the catalog entry's id.
    #[serde(default)]
    #[schemars(with = "String")]
    pub id: Short,
    /// The id of the processor-catalog entry this recipient starts from
    /// (`policywright processors` lists them); every field given here overrides the
    /// catalog's. Fields left out are filled in from the catalog when the file is read.
    #[serde(default)]
    pub catalog: Option<String>,
    /// The name users know ("Stripe"). Left out, it is the catalog's name.
    #[serde(default)]
    #[schemars(with = "String")]
    pub name: Short,
    /// The company behind it ("Stripe, Inc.").
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub legal_entity: Option<Short>,
    /// The job it does; the policy groups recipients by it. Left out (or `other`) on an
    /// entry with `catalog`, it is the catalog's role; left out otherwise, it is `other`.
    #[serde(default)]
    pub role: ProcessorRole,
    /// What it does for the product ("handles billing"). Left out, it is the catalog's
    /// description of what the service is used for.
    #[serde(default)]
    pub purpose: String,
    /// The data categories it receives (their ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<Short>,
    /// What it receives or sees, in words ("a customer identifier and subscription state").
    #[serde(default)]
    pub data_description: Option<String>,
    /// Where it processes the data.
    #[serde(default)]
    pub countries: Vec<Country>,
    /// It also processes data in data centres around the world, wherever a user is
    /// nearest (a CDN or edge network), which no list of countries can say. Adequacy
    /// and the Data Privacy Framework cover named countries only (GDPR Art. 45), so only
    /// a mechanism that travels with the data (clauses, binding corporate rules) fits.
    /// Left out, it is the catalog's, when the catalog has confirmed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worldwide: Option<bool>,
    /// Who runs it: the vendor as a service (left out), we on our own servers
    /// (`self_hosted`: the vendor receives nothing, so it is no recipient, needs no
    /// transfer safeguard and is said to run on our servers), or through our own domain
    /// or proxy (`proxied`: the vendor still receives data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment: Option<Deployment>,
    /// For a `proxied` one: what the proxy removes before the data reaches the vendor,
    /// completing "... through a proxy on our own domain, which removes ... first"
    /// ("your IP address").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_removes: Option<String>,
    /// How a transfer to it out of the user's region is made lawful.
    /// Several when each covers the users of one law (the EU-US Data Privacy
    /// Framework and its UK Extension); one may be written as a plain string.
    #[serde(default)]
    pub safeguard: Safeguards,
    /// What it has promised ("does not train its models on API data").
    #[serde(default)]
    pub commitments: Vec<String>,
    /// It receives data only in some cases, completing "Only ..." ("if you sign in with Google").
    #[serde(default)]
    pub only_if: Option<String>,
    /// Its own privacy policy.
    #[serde(default)]
    pub privacy_policy_url: Option<String>,
    // Its other pages, linked beside its privacy policy as sub-processor tables do
    // (`Processor::links`).
    /// Its data processing agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpa_url: Option<String>,
    /// Its own list of sub-processors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subprocessors_url: Option<String>,
    /// Its security page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_url: Option<String>,
    /// Where users opt out of its use of their data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out_url: Option<String>,
    /// Whether it receives the data as an independent controller (or merchant of
    /// record) rather than only on the operator's behalf. Left out, it is the
    /// catalog's, when the catalog has confirmed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<RecipientControl>,
}

impl Processor {
    /// Its link fields: the key each has in the file, the words the policy links it
    /// with, and its answer, in the order the policy gives them.
    pub fn link_fields(&self) -> [(&'static str, &'static str, &Option<String>); 5] {
        [
            (
                "privacy_policy_url",
                "privacy policy",
                &self.privacy_policy_url,
            ),
            ("dpa_url", "data processing agreement", &self.dpa_url),
            (
                "subprocessors_url",
                "sub-processor list",
                &self.subprocessors_url,
            ),
            ("security_url", "security information", &self.security_url),
            ("opt_out_url", "opt-out page", &self.opt_out_url),
        ]
    }

    /// Its links as the policy gives them, `(words, url)`, blank ones left out.
    pub fn links(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.link_fields()
            .into_iter()
            .filter_map(|(_, words, url)| {
                let url = url.as_deref().filter(|u| !u.trim().is_empty())?;
                Some((words, url))
            })
    }

    /// Whether the vendor receives any data: not when we run its software ourselves.
    pub fn receives_data(&self) -> bool {
        self.deployment != Some(Deployment::SelfHosted)
    }

    /// Whether it processes data in data centres around the world.
    pub fn is_worldwide(&self) -> bool {
        self.worldwide == Some(true)
    }

    /// Whether the vendor receives data somewhere `inside` does not hold: in a country
    /// outside, or around the world. Never for software we run ourselves.
    pub fn reaches_outside(&self, inside: impl Fn(Country) -> bool) -> bool {
        self.receives_data() && (self.is_worldwide() || self.countries.iter().any(|&c| !inside(c)))
    }

    /// Whether it says where it processes data (a country, or around the world), or
    /// need not, being software we run ourselves.
    pub fn located(&self) -> bool {
        !self.receives_data() || self.is_worldwide() || !self.countries.is_empty()
    }
}
