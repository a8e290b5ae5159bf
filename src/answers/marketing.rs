//! Marketing messages and cookie consent: what is sent, on what basis, how to stop
//! it; how consent to cookies is asked for and withdrawn.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::MarketingBasis;

/// Marketing messages the product sends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Marketing {
    /// What is sent, completing "We send ..." ("a monthly newsletter by e-mail").
    pub messages: String,
    /// Why it may be sent: the recipient's consent, or the soft opt-in for existing
    /// customers (ePrivacy Directive Art. 13(2); UK PECR reg. 22(3)).
    #[serde(default)]
    pub basis: Option<MarketingBasis>,
    /// How to stop them, completing "You can unsubscribe ..." ("with the link at the
    /// bottom of every e-mail").
    #[serde(default)]
    pub unsubscribe: Option<String>,
}

/// How consent to cookies that are not strictly necessary is asked for and withdrawn
/// (ePrivacy Directive Art. 5(3); UK PECR reg. 6; GDPR Art. 7(3)).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CookieConsent {
    /// How consent is asked for, completing "which we ask for ..." ("with a banner
    /// on your first visit").
    pub how: String,
    /// How to withdraw it, completing "You can withdraw your consent at any time ..."
    /// ("from Cookie settings at the bottom of every page").
    pub withdraw: String,
}
