//! The CCPA privacy-policy statements the legal review found missing (FN-1, FN-8):
//! the under-16 statement, the personal information disclosed for a business purpose
//! and to whom, the sensitive-personal-information statement, and the request
//! methods. The subsection letters of 11 CCR 7011(e)(1) follow the 2023 text and are
//! to confirm against the regulations in force from 1 January 2026 (README); the
//! statutory sources cited beside each rule carry the same duties.

use super::{Hit, Regime, Rule, Severity, california};
use crate::answers::Answers;

const CA: &str = "the product serves California";

pub(super) static RULES: &[Rule] = &[
    Rule {
        id: "ccpa-under-16",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.120(c)-(d), 1798.130(a)(5)(C); 11 CCR 7011(e)(1)(G)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| {
            Hit::when(
                a.sale_and_sharing.sells_or_shares_under_16.is_none(),
                "sale_and_sharing.sells_or_shares_under_16",
            )
        },
        message: "The policy does not say whether the business has actual knowledge that it \
                  sells or shares the personal information of consumers under 16",
    },
    Rule {
        id: "ccpa-business-purpose-disclosures",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.110(c)(4), 1798.115(c)(2), 1798.130(a)(5)(C)(ii); \
                   11 CCR 7011(e)(1)(H)-(J)",
        // An error: 1798.130(a)(5)(C)(ii) requires every business's privacy policy to
        // list the categories of personal information disclosed for a business purpose
        // (or say there are none), and 7011(e)(1)(H)-(J) the categories of recipients;
        // nothing in either makes it depend on the business's circumstances. A
        // recipient the operator knows receives nothing can be waived with the reason.
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        // The table is built from each recipient's data categories and role; a
        // recipient described only in words cannot be placed in it. A TLS certificate
        // authority is asked for the operator's certificates and receives no
        // consumer's personal information, so it has no row.
        test: |a| {
            a.processors
                .iter()
                .enumerate()
                .filter(|(_, p)| p.categories.is_empty())
                .filter(|(_, p)| p.role != crate::answers::vocab::ProcessorRole::Tls)
                // Software we run ourselves discloses nothing to its maker.
                .filter(|(_, p)| p.receives_data())
                .map(|(i, p)| {
                    Hit::with(
                        format!("processors[{i}].categories"),
                        format!("`{}`", p.name),
                    )
                })
                .collect()
        },
        message: "A recipient does not say which data categories it receives, so the \
                  California table of personal information disclosed for a business purpose \
                  (and to which categories of recipients) leaves it out",
    },
    Rule {
        id: "ccpa-sensitive-use",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.121(a), (d), 1798.140(ae); 11 CCR 7027(m), \
                   7011(e)(1)(K)",
        severity: Severity::Error,
        applies_when: "the product serves California and collects sensitive personal information",
        applies: |a| california(a) && collects_ccpa_sensitive(a),
        test: |a| {
            Hit::when(
                a.sale_and_sharing.sensitive_beyond_permitted.is_none(),
                "sale_and_sharing.sensitive_beyond_permitted",
            )
        },
        message: "Sensitive personal information is collected; say whether it is used or \
                  disclosed for purposes beyond those 11 CCR 7027(m) allows (if not, there is \
                  no right to limit its use to offer)",
    },
    Rule {
        id: "ccpa-request-methods",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.130(a)(1)(A); 11 CCR 7020(a)-(b)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: request_methods,
        message: "Requests to know, delete and correct need two or more methods, one a \
                  toll-free telephone number and, with a website, one through it (a web \
                  form); a business that operates exclusively online and has a direct \
                  relationship with its consumers needs only an e-mail address",
    },
];

/// Some data category is CCPA sensitive personal information, however it is said.
pub fn collects_ccpa_sensitive(a: &Answers) -> bool {
    a.data.categories.iter().any(|c| c.is_ccpa_sensitive())
}

/// 1798.130(a)(1)(A) and 11 CCR 7020(a)-(b): an online-only business with a direct
/// relationship gives an e-mail address; any other gives two or more methods, one a
/// toll-free number and, when it has a website, one through the website. One finding,
/// at the first answer that would settle it.
fn request_methods(a: &Answers) -> Vec<Hit> {
    let o = &a.organization;
    let email = o.request_email().is_some();
    if a.rights.exclusively_online == Some(true) {
        return Hit::unless(email, "organization.contact_email");
    }
    let phone = a.rights.toll_free_number.is_some();
    let web_form = o.contact_form.is_some();
    let methods = [email, phone, web_form, o.postal_address.is_some()]
        .into_iter()
        .filter(|&m| m)
        .count();
    let website_ok = web_form || o.website.is_none();
    if phone && methods >= 2 && website_ok {
        return Vec::new();
    }
    // Whether the online-only exception applies is asked first, when unanswered.
    let at = if a.rights.exclusively_online.is_none() {
        "rights.exclusively_online"
    } else if !phone {
        "rights.toll_free_number"
    } else {
        "organization.contact_form"
    };
    vec![Hit::at(at)]
}
