//! What the app stores' privacy forms ask that the policy itself does not: Google
//! Play's Data safety form, Apple's App Privacy details, the Chrome Web Store's
//! privacy practices tab.
//!
//! The stores' words differ from the law's: Play does not count a transfer to a
//! service provider as "sharing"; Apple does not count data processed only in real
//! time as "collected". So these facts are kept apart from the policy's, per data
//! category by id, and `check` holds the two against each other. Which of a store's
//! fixed data types a category is comes from `assets/store_data_types.json`, unless
//! the category's entry here says otherwise.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::StoreUse;

/// The store forms' answers for the whole product.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoreDisclosures {
    /// All user data the app sends off the device is encrypted in transit (Play Data
    /// safety: "Is all of the user data collected by your app encrypted in transit?").
    #[serde(default)]
    pub encrypted_in_transit: Option<bool>,
    /// The web page where users ask for their account and its data to be deleted
    /// (Play requires one for apps that let users create an account).
    #[serde(default)]
    pub account_deletion_url: Option<String>,
    /// Users can ask for some or all of their data to be deleted without deleting
    /// their account.
    #[serde(default)]
    pub deletion_without_account: Option<bool>,
    /// Where they ask for that, when they can.
    #[serde(default)]
    pub data_deletion_url: Option<String>,
    /// The store facts of each data category, by its id.
    #[serde(default)]
    pub categories: Vec<StoreCategory>,
}

/// One data category as the stores' forms see it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoreCategory {
    /// The data category's id (as in `data.categories`).
    pub category: String,
    /// The data never leaves the user's device: neither Play nor Apple counts it as
    /// collected.
    #[serde(default)]
    pub on_device_only: Option<bool>,
    /// It is processed only in memory to serve a request and not kept (Play's
    /// "processed ephemerally"; Apple does not count it as collected).
    #[serde(default)]
    pub ephemeral: Option<bool>,
    /// It is transferred to a third party other than a service provider acting for
    /// you (Play's "shared"); a recipient the policy names.
    #[serde(default)]
    pub shared: Option<bool>,
    /// It is linked to the user's identity (Apple's "Data Linked to You").
    #[serde(default)]
    pub linked_to_user: Option<bool>,
    /// It is used to track the user in Apple's sense: linked with other companies'
    /// data for advertising, or shared with a data broker.
    #[serde(default)]
    pub tracking: Option<bool>,
    /// Why it is collected, in the stores' terms.
    #[serde(default)]
    pub uses: Vec<StoreUse>,
    /// Play's data types for it, replacing the built-in mapping when any is given (keys as
    /// `assets/store_data_types.json` lists them, e.g. "email_address").
    #[serde(default)]
    pub play: Vec<String>,
    /// Apple's data types for it, replacing the built-in mapping ("email_address").
    #[serde(default)]
    pub apple: Vec<String>,
    /// The Chrome Web Store's data-usage categories for it, replacing the built-in
    /// mapping ("personally_identifiable_information").
    #[serde(default)]
    pub chrome: Vec<String>,
}

impl StoreDisclosures {
    /// The store facts given for a data category.
    pub fn category(&self, id: &str) -> Option<&StoreCategory> {
        self.categories.iter().find(|c| c.category == id)
    }
}
