//! Where data is stored, and where it travels.

use schemars::JsonSchema;

use super::Short;
use serde::{Deserialize, Serialize};

use super::safeguards::Safeguards;
use super::values::Country;

/// The `hosting.safeguards_copy` answer for "a copy on request through the contact
/// routes the policy gives".
pub const ON_REQUEST: &str = "on_request";

/// Hosting, data stores, residency and international transfers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    /// The address data is sent to ("https://api.acme.io").
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Each place data is kept: a database, object storage, a cache.
    #[serde(default)]
    pub stores: Vec<DataStore>,
    /// The countries all data is hosted in, when it is kept in one place.
    #[serde(default)]
    pub data_location: Vec<Country>,
    /// Whether personal data stays in those countries (no transfers out).
    #[serde(default)]
    pub stays_in_region: Option<bool>,
    /// The law that governs the data where it is hosted ("Kazakh law").
    #[serde(default)]
    pub governing_law: Option<String>,
    /// Each country data is transferred to, and the safeguard for it.
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// Where readers get a copy of the safeguards that are contracts or rules (standard
    /// contractual clauses, binding corporate rules, the IDTA...): the web address
    /// where they are published, or `on_request` for a copy on request through the
    /// contact routes the policy gives (GDPR and UK GDPR Art. 13(1)(f)).
    #[serde(default)]
    pub safeguards_copy: Option<String>,
}

/// One place where data is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataStore {
    /// What it is ("PostgreSQL", "Object storage").
    pub name: String,
    /// Who runs it ("Yandex Cloud Kazakhstan Managed PostgreSQL").
    #[serde(default)]
    pub provider: Option<String>,
    /// What it holds, in words ("workflows, accounts, and team membership").
    pub holds: String,
    /// The data categories it holds (their ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<Short>,
    /// Where it is.
    #[serde(default)]
    pub country: Option<Country>,
    /// Anything else worth saying ("a private bucket with scoped keys").
    #[serde(default)]
    pub details: Option<String>,
}

/// A transfer of personal data to another country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Where the data goes.
    pub country: Country,
    /// What makes it lawful.
    /// Several when each covers the users of one law (the EU-US Data Privacy
    /// Framework and its UK Extension); one may be written as a plain string.
    #[serde(default)]
    pub safeguard: Safeguards,
    /// Anything users should know ("privacy laws there may differ from those in your country").
    #[serde(default)]
    pub details: Option<String>,
}
