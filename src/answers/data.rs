//! What personal data is collected, why, and on what legal basis.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::roles::CustomerData;
use super::vocab::{CcpaCategory, DataRole, DataSource, LegalBasis, LocalPlace, TrainingUse};

/// Everything collected, and what is deliberately not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCollection {
    /// Each kind of personal data, one record per kind.
    #[serde(default)]
    pub categories: Vec<DataCategory>,
    /// Sentences that explain collection as a whole ("Recording is explicit and user-initiated.").
    #[serde(default)]
    pub notes: Vec<String>,
    /// Things people might expect to be collected and are not ("Payment card details").
    #[serde(default)]
    pub not_collected: Vec<NotCollected>,
    /// What is said once about the data processed for business customers (the
    /// categories whose `role` is `processor`).
    #[serde(default)]
    pub for_customers: Option<CustomerData>,
}

/// One kind of personal data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// A short key other answers use to refer to this category ("account", "screenshots").
    pub id: String,
    /// The name a reader sees ("Account identity").
    pub name: String,
    /// What exactly is collected, in a sentence or two.
    pub description: String,
    /// Where it comes from.
    pub source: DataSource,
    /// Which third party, when the source is a third party ("Stripe").
    #[serde(default)]
    pub source_name: Option<String>,
    /// When it is collected, completing "Collected ..." ("only while you are recording").
    #[serde(default)]
    pub when: Option<String>,
    /// Whether the user must give it to use the product (GDPR Art. 13(2)(e)).
    #[serde(default)]
    pub required: Option<bool>,
    /// What happens if the user does not give it, when it is required.
    #[serde(default)]
    pub if_not_provided: Option<String>,
    /// Special-category (GDPR Art. 9) or sensitive personal information (CCPA).
    #[serde(default)]
    pub sensitive: Option<bool>,
    /// The matching CCPA category.
    #[serde(default)]
    pub ccpa_category: Option<CcpaCategory>,
    /// Who decides how it is used. Left out, the operator does (it is the
    /// controller); `processor` for data a business customer puts into the product
    /// about its own clients or users, processed on the customer's instructions.
    #[serde(default)]
    pub role: Option<DataRole>,
    /// It is processed only here and never sent to the operator or anyone else:
    /// the policy lists it under "Data that stays on your device", not as collected.
    #[serde(default)]
    pub stays_on: Option<LocalPlace>,
    /// It is kept encrypted where it stays (only with `stays_on`).
    #[serde(default)]
    pub encrypted_locally: bool,
}

/// Something the product deliberately does not collect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotCollected {
    /// What is not collected ("Payment card details").
    pub what: String,
    /// Why, or what happens instead ("Stripe handles billing; we never see card numbers.").
    #[serde(default)]
    pub detail: Option<String>,
}

/// One reason data is used, with its legal basis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// A short key ("operate", "billing").
    pub id: String,
    /// The purpose as a heading ("To run the service").
    pub name: String,
    /// What is done for this purpose.
    pub description: String,
    /// The data categories used for it (their ids).
    #[serde(default)]
    pub categories: Vec<String>,
    /// The GDPR Art. 6 basis that makes it lawful.
    #[serde(default)]
    pub legal_basis: Option<LegalBasis>,
    /// The interest pursued, when the basis is legitimate interests (Art. 13(1)(d)).
    #[serde(default)]
    pub legitimate_interest: Option<String>,
}

/// Whether personal data is sold or shared for advertising (CCPA 1798.115, 1798.120).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleAndSharing {
    /// Personal information is sold (exchanged for money or other value).
    #[serde(default)]
    pub sells: Option<bool>,
    /// Personal information is shared for cross-context behavioural advertising.
    #[serde(default)]
    pub shares_for_advertising: Option<bool>,
    /// Sensitive personal data is sold. Texas requires the notice "NOTICE: We may sell
    /// your sensitive personal data." when it is (Tex. Bus. & Com. Code 541.102(b)).
    #[serde(default)]
    pub sells_sensitive: Option<bool>,
    /// Personal information is given to data brokers.
    #[serde(default)]
    pub shares_with_data_brokers: Option<bool>,
    /// Personal information is used for purposes unrelated to running the product.
    #[serde(default)]
    pub unrelated_use: Option<bool>,
}

/// How AI models touch users' data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AiUse {
    /// Whether user content trains any model (ours or a provider's).
    #[serde(default)]
    pub training: Option<TrainingUse>,
    /// What content the training answer is about ("the content of your interviews or generations").
    #[serde(default)]
    pub training_scope: Option<String>,
    /// What is done to limit what model providers see ("We redact obvious secrets before sending.").
    #[serde(default)]
    pub safeguards: Vec<String>,
    /// Decisions with legal or similar effect made solely by automated means (GDPR Art. 22).
    #[serde(default)]
    pub automated_decisions: Option<String>,
}
