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
    /// The extension's single purpose, as the Chrome Web Store's privacy practices
    /// tab asks for it (Program Policies: Quality Guidelines, single purpose).
    #[serde(default)]
    pub single_purpose: Option<String>,
    /// The extension runs code it does not ship in its package (Chrome Web Store:
    /// "Are you using remote code?").
    #[serde(default)]
    pub remote_code: Option<bool>,
    /// Why it needs remote code, when it uses any.
    #[serde(default)]
    pub remote_code_reason: Option<String>,
    /// User data is never used or transferred to determine creditworthiness or for
    /// lending (one of the Chrome Web Store's three data-use certifications).
    #[serde(default)]
    pub no_lending_use: Option<bool>,
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

impl Permission {
    /// Whether a manifest permission name is a host permission (a match pattern such
    /// as `https://*.example.com/*`, or `<all_urls>`): the Chrome Web Store asks one
    /// justification for all of them, apart from the API permissions.
    pub fn is_host(name: &str) -> bool {
        name == "<all_urls>" || name.contains("://")
    }
}
