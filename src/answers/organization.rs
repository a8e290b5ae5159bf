//! Who runs the product, how to reach them, and the policy's own dates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Country, Date};
use super::vocab::DateStyle;

/// The operator of the product: the controller in GDPR terms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The product's name as users know it ("Acme"). Required to render.
    #[serde(default)]
    pub product_name: String,
    /// The legal person responsible for the data ("Acme Inc.", or the founder's name).
    #[serde(default)]
    pub legal_entity: Option<String>,
    /// What kind of operator this is, in a few words ("sole developer", "a Delaware corporation").
    #[serde(default)]
    pub legal_form: Option<String>,
    /// The product's website, e.g. https://acme.io.
    #[serde(default)]
    pub website: Option<String>,
    /// One line that completes "Acme provides ...", e.g. "a browser extension that records workflows".
    #[serde(default)]
    pub description: String,
    /// The country the operator is established in.
    #[serde(default)]
    pub country: Option<Country>,
    /// Postal address for legal notices; also a way to make requests.
    #[serde(default)]
    pub postal_address: Option<String>,
    /// Where users write with any question. At least one way to reach the operator is
    /// required to render: this, the privacy e-mail, the contact form, the issue
    /// tracker or the postal address.
    #[serde(default)]
    pub contact_email: String,
    /// A separate address for privacy requests, when there is one.
    #[serde(default)]
    pub privacy_email: Option<String>,
    /// A contact form or page on the web where people can write to the operator,
    /// e.g. https://acme.io/contact.
    #[serde(default)]
    pub contact_form: Option<String>,
    /// A public issue tracker that takes questions and requests, e.g.
    /// https://github.com/acme/tabnotes/issues.
    #[serde(default)]
    pub issue_tracker: Option<String>,
    /// The data protection officer, when one is appointed (GDPR Art. 37).
    #[serde(default)]
    pub dpo: Option<ContactPerson>,
    /// The representative in the EU, for operators outside it (GDPR Art. 27).
    #[serde(default)]
    pub eu_representative: Option<ContactPerson>,
    /// The representative in the UK, for operators outside it (UK GDPR Art. 27).
    #[serde(default)]
    pub uk_representative: Option<ContactPerson>,
    /// The representative in Switzerland, for operators outside it (Swiss FADP Art. 14).
    #[serde(default)]
    pub swiss_representative: Option<ContactPerson>,
}

impl Organization {
    /// The address privacy requests go to: the privacy address if given, else the
    /// contact one; `None` when the operator gave no e-mail address.
    pub fn request_email(&self) -> Option<&str> {
        self.privacy_email
            .as_deref()
            .or(Some(self.contact_email.as_str()))
            .filter(|e| !e.trim().is_empty())
    }

    /// Whether the answers give any way to reach the operator.
    pub fn has_contact_route(&self) -> bool {
        self.request_email().is_some()
            || [
                &self.contact_form,
                &self.issue_tracker,
                &self.postal_address,
            ]
            .into_iter()
            .flatten()
            .any(|r| !r.trim().is_empty())
    }
}

/// A named person or firm and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPerson {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
}

/// The policy document itself: its title and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyMeta {
    /// The document's title.
    #[serde(default = "default_title")]
    pub title: String,
    /// When the text last changed. Shown at the top of the policy; required to render.
    #[serde(default)]
    pub last_updated: Option<Date>,
    /// When this version takes effect, if later than (or different from) the last update.
    #[serde(default)]
    pub effective_date: Option<Date>,
    /// How dates are written.
    #[serde(default = "default_date_style")]
    pub date_style: DateStyle,
    /// Ask readers to read the policy before using the product ("Please read this policy
    /// before using Acme."). Use is not consent, so the policy never says "by using
    /// Acme, you agree".
    #[serde(default)]
    pub agreement_by_use: Option<bool>,
}

impl Default for PolicyMeta {
    fn default() -> Self {
        PolicyMeta {
            title: default_title(),
            last_updated: None,
            effective_date: None,
            date_style: default_date_style(),
            agreement_by_use: None,
        }
    }
}

fn default_title() -> String {
    "Privacy Policy".to_owned()
}

fn default_date_style() -> DateStyle {
    DateStyle::Iso
}
