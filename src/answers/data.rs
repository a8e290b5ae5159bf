//! What personal data is collected, why, and on what legal basis.

use schemars::JsonSchema;

use super::Short;
use serde::{Deserialize, Serialize};

use super::roles::{CustomerData, SubprocessorChanges};
use super::several::Several;
use super::vocab::{
    Art9Condition, CcpaCategory, DataRole, DataSource, LegalBasis, LocalPlace, TrainingUse,
};

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
    /// How those customers hear of an intended change of sub-processors (the
    /// recipients of their data), and object to it (GDPR Art. 28(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subprocessor_changes: Option<SubprocessorChanges>,
}

/// One kind of personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// A short key other answers use to refer to this category ("account", "screenshots").
    #[schemars(with = "String")]
    pub id: Short,
    /// The name a reader sees ("Account identity").
    #[schemars(with = "String")]
    pub name: Short,
    /// What exactly is collected, in a sentence or two.
    pub description: String,
    /// Where it comes from: one source (`"provided"`), or several when it comes from
    /// more than one (`["provided", "third_party"]`: you give it, and it is completed
    /// from your identity provider). GDPR Art. 13(1), 14(1)(d), 14(2)(f); Cal. Civ.
    /// Code 1798.110(a)(2).
    pub source: Several<DataSource>,
    /// Which third party, when one of the sources is a third party ("Stripe").
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source_name: Option<Short>,
    /// When it is collected, completing "Collected ..." ("only while you are recording").
    #[serde(default)]
    pub when: Option<String>,
    /// Whether the user must give it to use the product (GDPR Art. 13(2)(e)).
    #[serde(default)]
    pub required: Option<bool>,
    /// What happens if the user does not give it, when it is required.
    #[serde(default)]
    pub if_not_provided: Option<String>,
    /// The one flag files had before GDPR special categories and CCPA sensitive personal
    /// information were asked apart: read as both (see `migrate::upgrade`), never
    /// written. A "no" to it (`false`) is a "no" to both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    /// A special category of personal data (GDPR Art. 9(1)): health, genetic or
    /// biometric data for identification, racial or ethnic origin, political opinions,
    /// religious or philosophical beliefs, trade-union membership, sex life or sexual
    /// orientation.
    #[serde(default)]
    pub special_category: Option<bool>,
    /// The GDPR Art. 9(2) condition that allows processing it, e.g. `explicit_consent`.
    #[serde(default)]
    pub art9_condition: Option<Art9Condition>,
    /// Sensitive personal information under the CCPA (Cal. Civ. Code 1798.140(ae)):
    /// government identifiers, account log-in with its password, financial account with
    /// its access code, precise geolocation, racial or ethnic origin, religious beliefs,
    /// union membership, the contents of mail, e-mail and texts not addressed to the
    /// business, genetic and biometric data, health, sex life or sexual orientation.
    /// A category mapped to `ccpa_category: "sensitive"` counts too.
    #[serde(default)]
    pub ccpa_sensitive: Option<bool>,
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

/// A category's answers before any is given: the source starts as "you provide it",
/// as the interview's first choice does (an empty source is not valid).
impl Default for DataCategory {
    fn default() -> Self {
        DataCategory {
            id: Default::default(),
            name: Default::default(),
            description: Default::default(),
            source: DataSource::Provided.into(),
            source_name: Default::default(),
            when: Default::default(),
            required: Default::default(),
            if_not_provided: Default::default(),
            sensitive: Default::default(),
            special_category: Default::default(),
            art9_condition: Default::default(),
            ccpa_sensitive: Default::default(),
            ccpa_category: Default::default(),
            role: Default::default(),
            stays_on: Default::default(),
            encrypted_locally: Default::default(),
        }
    }
}

impl DataCategory {
    /// GDPR Art. 9(1) special-category data.
    pub fn is_special_category(&self) -> bool {
        self.special_category == Some(true) || self.sensitive == Some(true)
    }

    /// CCPA sensitive personal information (1798.140(ae)), however the answers say it
    /// (legal review FN-8: the category mapping alone did not count).
    pub fn is_ccpa_sensitive(&self) -> bool {
        self.ccpa_sensitive == Some(true)
            || self.sensitive == Some(true)
            || self.ccpa_category == Some(CcpaCategory::SensitivePersonalInformation)
    }

    /// "Sensitive data" under the other US states' laws (e.g. Va. Code 59.1-575: racial
    /// or ethnic origin, beliefs, health, sexual orientation, citizenship, genetic or
    /// biometric data, a known child's data, precise geolocation), which overlaps both
    /// GDPR special categories and CCPA sensitive personal information: read as
    /// either, so a state duty is never missed (the answers cannot tell a CCPA-only
    /// item, a log-in with its password, from the rest).
    pub fn is_us_state_sensitive(&self) -> bool {
        self.is_special_category() || self.is_ccpa_sensitive()
    }

    /// Biometric data, as the answers can tell it: the category maps to the CCPA's
    /// "biometric information" category (1798.140(v)(1)). Texas's "biometric data"
    /// (Tex. Bus. & Com. Code 541.001(3)) is read as the same.
    pub fn is_biometric(&self) -> bool {
        self.ccpa_category == Some(CcpaCategory::Biometric)
    }
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
    #[schemars(with = "Vec<String>")]
    pub categories: Vec<Short>,
    /// The GDPR Art. 6(1) basis that makes it lawful (`"contract"`), or the bases,
    /// when each covers a part of it (`["contract", "legitimate_interests"]`: the
    /// service you signed up for, and keeping it free of abuse); `<basis>_for`
    /// (`contract_for`, ...) says which part each covers, completing "for ...".
    /// Art. 13(1)(c) asks for the legal basis of each processing; several bases for
    /// one purpose are lawful only when each covers its own part (EDPB Guidelines
    /// 2/2019, section 2.2; Guidelines 05/2020 on consent, para. 121-123).
    #[serde(default)]
    pub legal_basis: Several<LegalBasis>,
    /// The part that rests on consent, when the purpose has several bases.
    #[serde(default)]
    pub consent_for: Option<String>,
    /// The part that rests on the contract, when the purpose has several bases.
    #[serde(default)]
    pub contract_for: Option<String>,
    /// The part that rests on the legal obligation, when the purpose has several bases.
    #[serde(default)]
    pub legal_obligation_for: Option<String>,
    /// The part that rests on vital interests, when the purpose has several bases.
    #[serde(default)]
    pub vital_interests_for: Option<String>,
    /// The part that rests on the public task, when the purpose has several bases.
    #[serde(default)]
    pub public_task_for: Option<String>,
    /// The part that rests on legitimate interests, when the purpose has several bases.
    #[serde(default)]
    pub legitimate_interests_for: Option<String>,
    /// The part that rests on the recognised legitimate interest, when the purpose has several bases.
    #[serde(default)]
    pub recognised_legitimate_interest_for: Option<String>,
    /// The interest pursued, when a basis is legitimate interests (Art. 13(1)(d)).
    #[serde(default)]
    pub legitimate_interest: Option<String>,
}

impl Purpose {
    /// Whether the purpose rests (wholly or in part) on `basis`.
    pub fn rests_on(&self, basis: LegalBasis) -> bool {
        self.legal_basis.contains(basis)
    }

    /// The part of the purpose `basis` covers, when one is said.
    pub fn part_for(&self, basis: LegalBasis) -> Option<&str> {
        match basis {
            LegalBasis::Consent => &self.consent_for,
            LegalBasis::Contract => &self.contract_for,
            LegalBasis::LegalObligation => &self.legal_obligation_for,
            LegalBasis::VitalInterests => &self.vital_interests_for,
            LegalBasis::PublicTask => &self.public_task_for,
            LegalBasis::LegitimateInterests => &self.legitimate_interests_for,
            LegalBasis::RecognisedLegitimateInterest => &self.recognised_legitimate_interest_for,
        }
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    }
}

impl DataCategory {
    /// Whether it comes (wholly or in part) from `source`.
    pub fn comes_from(&self, source: DataSource) -> bool {
        self.source.contains(source)
    }
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
    /// Biometric data is sold. Texas requires the notice "NOTICE: We may sell your
    /// biometric personal data." when it is (Tex. Bus. & Com. Code 541.102(c)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sells_biometric: Option<bool>,
    /// Personal information is given to data brokers.
    #[serde(default)]
    pub shares_with_data_brokers: Option<bool>,
    /// Personal information is used for purposes unrelated to running the product.
    #[serde(default)]
    pub unrelated_use: Option<bool>,
    /// The business has actual knowledge that it sells or shares the personal
    /// information of consumers under 16 (Cal. Civ. Code 1798.120(c)-(d); 11 CCR
    /// 7011(e)(1)).
    #[serde(default)]
    pub sells_or_shares_under_16: Option<bool>,
    /// Sensitive personal information is used or disclosed for purposes beyond those
    /// 11 CCR 7027(m) allows (providing the service, security, ...), so consumers have
    /// the right to limit its use (Cal. Civ. Code 1798.121; 11 CCR 7011(e)(1)).
    #[serde(default)]
    pub sensitive_beyond_permitted: Option<bool>,
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
    /// Whether decisions with legal or similarly significant effect on a person are
    /// made solely by automated means (GDPR Art. 22(1)). "No" is a statement of its own
    /// (legal review FP-1: saying so was an error).
    #[serde(default)]
    pub makes_automated_decisions: Option<bool>,
    /// Those decisions, described ("we approve or refuse a credit line").
    #[serde(default)]
    pub automated_decisions: Option<String>,
    /// Meaningful information about the logic involved (GDPR Art. 13(2)(f)).
    #[serde(default)]
    pub automated_logic: Option<String>,
    /// Their significance and envisaged consequences for the person (Art. 13(2)(f)).
    #[serde(default)]
    pub automated_consequences: Option<String>,
}
