//! Browser-extension permissions, one purpose each (Chrome Web Store user-data policy).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The extension's permissions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The browser or store it ships on ("Chrome").
    #[serde(default)]
    pub browser: Option<String>,
    /// Each permission (or group of permissions) and what it is used for.
    #[serde(default)]
    pub permissions: Vec<Permission>,
    /// No permission is used for tracking or advertising.
    #[serde(default)]
    pub no_tracking_or_ads: Option<bool>,
    /// State compliance with the Chrome Web Store's Limited Use requirements.
    #[serde(default)]
    pub limited_use: Option<bool>,
}

/// A permission, or several used together, and what for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// The permission names as the manifest spells them ("activeTab", "<all_urls>").
    pub names: Vec<String>,
    /// What the extension uses them for.
    pub used_for: String,
}
