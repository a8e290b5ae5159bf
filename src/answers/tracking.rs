//! Cookies, browser storage and tracking signals.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::marketing::CookieConsent;
use super::vocab::{CookieBasis, CookiePurpose, DntResponse, GpcResponse, NotUsed, StorageKind};

/// Cookies and tracking.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tracking {
    /// What the product does not use at all, stated in the policy ("Acme uses no
    /// analytics and no tracking pixels"): analytics, cookies, tracking pixels,
    /// advertising SDKs.
    #[serde(default)]
    pub not_used: Vec<NotUsed>,
    /// Each cookie or browser-storage entry.
    #[serde(default)]
    pub cookies: Vec<Cookie>,
    /// How consent to cookies that are not strictly necessary is asked for, and how
    /// it is withdrawn.
    #[serde(default)]
    pub consent: Option<CookieConsent>,
    /// Response to the Do Not Track signal (CalOPPA).
    #[serde(default)]
    pub do_not_track: Option<DntResponse>,
    /// Response to Global Privacy Control (CCPA opt-out preference signal).
    #[serde(default)]
    pub global_privacy_control: Option<GpcResponse>,
    /// Users are tracked across other sites and apps.
    #[serde(default)]
    pub cross_site_tracking: Option<bool>,
    /// Browser fingerprinting is used.
    #[serde(default)]
    pub fingerprinting: Option<bool>,
    /// Advertising identifiers (IDFA, AAID) are collected.
    #[serde(default)]
    pub advertising_ids: Option<bool>,
    /// Third parties may collect data about users' activity over time and across sites (CalOPPA).
    #[serde(default)]
    pub third_party_tracking: Option<bool>,
}

/// A cookie or a browser-storage entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// Its name, or a name for a group of them ("session", "Login token").
    pub name: String,
    /// Where it is kept.
    #[serde(default = "default_storage")]
    pub storage: StorageKind,
    /// What kind of use it serves.
    pub purpose: CookiePurpose,
    /// What it does ("keeps you signed in").
    pub description: String,
    /// How long it lasts ("1 year", "until you sign out").
    #[serde(default)]
    pub duration: Option<String>,
    /// Who sets it, when not the product itself ("Stripe").
    #[serde(default)]
    pub third_party: Option<String>,
    /// Whether it is set without asking (strictly necessary) or only with consent.
    #[serde(default)]
    pub basis: Option<CookieBasis>,
}

impl Cookie {
    /// Whether it may be set only with consent: it is said to need it, or it serves
    /// something other than what is strictly necessary and is not said to be
    /// (ePrivacy Directive Art. 5(3); UK PECR reg. 6).
    pub fn needs_consent(&self) -> bool {
        self.basis == Some(CookieBasis::Consent)
            || (self.purpose != CookiePurpose::Necessary
                && self.basis != Some(CookieBasis::StrictlyNecessary))
    }
}

fn default_storage() -> StorageKind {
    StorageKind::Cookie
}
