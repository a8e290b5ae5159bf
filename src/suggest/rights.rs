//! The rights statements the served regions call for. Which law applies is asked of
//! `law`; what a law makes the policy say on its own (the GDPR's list of rights, the
//! CCPA's) is the templates' job, so only what the operator chooses or must confirm
//! is suggested here.

use serde_json::json;

use super::Start;
use crate::answers::Answers;
use crate::answers::vocab::{LegalBasis, Region};
use crate::law;

/// Adds the suggested rights answers to `out`, each marked unconfirmed, leaving any
/// answer already given alone.
pub fn suggest(out: &mut Answers, _start: &Start) {
    // GDPR Art. 13(2)(d) (and the UK GDPR's): the right to lodge a complaint with a
    // supervisory authority must be stated.
    if law::any_gdpr(out) && out.rights.complaint.is_none() {
        out.rights.complaint = Some(true);
        out.mark_suggested("rights.complaint");
    }
    // Regions whose law states no rights (other US states, the rest of the world):
    // offering everyone the rights the GDPR gives is the operator's choice, suggested
    // because most small products do (GDPR Art. 15-21; Art. 7(3) for consent).
    let elsewhere =
        out.audience.serves(Region::RestOfWorld) || out.audience.serves(Region::UsOther);
    if elsewhere && out.rights.rights.is_empty() {
        let mut rights = vec![
            "access",
            "rectification",
            "erasure",
            "restriction",
            "objection",
            "portability",
        ];
        if out.purposes.iter().any(|p| p.rests_on(LegalBasis::Consent)) {
            rights.push("withdraw_consent");
        }
        let list: Vec<_> = rights.iter().map(|r| json!({ "right": r })).collect();
        out.rights.rights = serde_json::from_value(json!(list)).expect("rights are valid");
        out.mark_suggested("rights.rights");
        if out.rights.everyone.is_none() {
            out.rights.everyone = Some(true);
            out.mark_suggested("rights.everyone");
        }
    }
    // Cal. Civ. Code 1798.125: a business may not discriminate against a consumer
    // for exercising their rights; the policy says so.
    if law::california(out) && out.rights.non_discrimination.is_none() {
        out.rights.non_discrimination = Some(true);
        out.mark_suggested("rights.non_discrimination");
    }
}
