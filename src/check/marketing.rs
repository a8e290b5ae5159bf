//! Cookies, tracking statements and marketing messages: consent where the ePrivacy
//! rules ask for it, a way to stop marketing, and "we use no ..." statements that
//! agree with the recipients and cookies listed.

use super::{Hit, Regime, Rule, Severity, any_gdpr};
use crate::answers::vocab::{CookieBasis, CookiePurpose, NotUsed, ProcessorRole, StorageKind};
use crate::answers::{Answers, Cookie};

pub static RULES: &[Rule] = &[
    Rule {
        id: "gdpr-cookie-consent",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // ePrivacy Art. 5(3): storing or reading information on a user's device needs
        // consent unless strictly necessary for the service the user asked for (UK:
        // PECR reg. 6); GDPR Art. 7(3): withdrawing it as easy as giving it.
        citation: "ePrivacy Directive 2002/58/EC Art. 5(3); UK PECR reg. 6; GDPR Art. 7(3)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and a cookie or browser-storage entry is not strictly necessary",
        applies: |a| any_gdpr(a) && a.tracking.cookies.iter().any(Cookie::needs_consent),
        test: |a| Hit::unless(a.tracking.consent.is_some(), "tracking.consent"),
        message: "Cookies or browser storage that are not strictly necessary are listed, but \
                  the policy does not say how consent is asked for and how it is withdrawn",
    },
    Rule {
        id: "gdpr-cookie-advertising-necessary",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // ePrivacy Art. 5(3) exempts only storage strictly necessary for a service the
        // user explicitly asked for; the Article 29 Working Party's Opinion 04/2012 on
        // the cookie consent exemption (WP194, section 4) names advertising and
        // third-party tracking cookies as never exempt.
        citation: "ePrivacy Directive 2002/58/EC Art. 5(3); Art. 29 WP Opinion 04/2012 (WP194)",
        severity: Severity::Warning,
        applies_when: "either GDPR applies and an advertising cookie is listed",
        applies: |a| {
            any_gdpr(a)
                && a.tracking
                    .cookies
                    .iter()
                    .any(|c| c.purpose == CookiePurpose::Advertising)
        },
        test: |a| {
            a.tracking
                .cookies
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.purpose == CookiePurpose::Advertising
                        && c.basis == Some(CookieBasis::StrictlyNecessary)
                })
                .map(|(i, c)| {
                    Hit::with(
                        format!("tracking.cookies[{i}].basis"),
                        format!("`{}` is for advertising", c.name),
                    )
                })
                .collect()
        },
        message: "An advertising cookie is said to be strictly necessary: advertising is not \
                  a service the user asked for, so it needs consent",
    },
    Rule {
        id: "gdpr-marketing-unsubscribe",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // GDPR Art. 21(2)-(4): the right to object to direct marketing, brought to the
        // person's attention; ePrivacy Art. 13(2) and PECR reg. 22(3)(c): a simple way
        // to refuse in every message.
        citation: "GDPR Art. 21(2)-(4); ePrivacy Directive Art. 13(2); UK PECR reg. 22(3)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and marketing messages are sent",
        applies: |a| any_gdpr(a) && a.marketing.is_some(),
        test: |a| {
            let given = a
                .marketing
                .as_ref()
                .and_then(|m| m.unsubscribe.as_deref())
                .is_some_and(|u| !u.trim().is_empty());
            Hit::unless(given, "marketing.unsubscribe")
        },
        message: "Marketing messages are sent, but the policy does not say how to unsubscribe",
    },
    Rule {
        id: "gdpr-marketing-basis",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // ePrivacy Art. 13(1)-(2), PECR reg. 22(2)-(3): electronic marketing needs prior
        // consent, or the soft opt-in for existing customers and similar products.
        citation: "ePrivacy Directive Art. 13(1)-(2); UK PECR reg. 22(2)-(3)",
        severity: Severity::Warning,
        applies_when: "either GDPR applies and marketing messages are sent",
        applies: |a| any_gdpr(a) && a.marketing.is_some(),
        test: |a| {
            let given = a.marketing.as_ref().is_some_and(|m| m.basis.is_some());
            Hit::unless(given, "marketing.basis")
        },
        message: "Marketing messages are sent without saying on what basis: consent, or the \
                  soft opt-in for existing customers",
    },
    Rule {
        id: "consistency-not-used",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "the policy states what the product does not use (`tracking.not_used`)",
        applies: |a| !a.tracking.not_used.is_empty(),
        test: not_used_contradicted,
        message: "The policy says the product uses no such thing, yet a recipient or an \
                  entry of the cookie table says it does",
    },
];

/// One hit per "uses no ..." statement that something listed contradicts.
fn not_used_contradicted(a: &Answers) -> Vec<Hit> {
    let t = &a.tracking;
    let mut hits = Vec::new();
    for (i, kind) in t.not_used.iter().enumerate() {
        let contradiction: Option<String> = match kind {
            NotUsed::Analytics => a
                .processors
                .iter()
                .find(|p| p.role == ProcessorRole::Analytics)
                .map(|p| format!("{} is an analytics recipient", p.name))
                .or_else(|| {
                    t.cookies
                        .iter()
                        .find(|c| c.purpose == CookiePurpose::Analytics)
                        .map(|c| format!("`{}` is an analytics cookie", c.name))
                }),
            NotUsed::Cookies => t
                .cookies
                .iter()
                .find(|c| c.storage == StorageKind::Cookie)
                .map(|c| format!("`{}` is a cookie", c.name)),
            // An advertising network as a recipient is one, whatever the cookie table
            // says.
            NotUsed::AdvertisingSdks => a
                .processors
                .iter()
                .find(|p| p.role == ProcessorRole::Advertising)
                .map(|p| format!("{} is an advertising network", p.name))
                .or_else(|| {
                    t.cookies
                        .iter()
                        .find(|c| c.purpose == CookiePurpose::Advertising)
                        .map(|c| format!("`{}` is for advertising", c.name))
                })
                .or_else(|| {
                    (t.advertising_ids == Some(true))
                        .then(|| "advertising identifiers are collected".to_owned())
                }),
            NotUsed::TrackingPixels => None,
        };
        if let Some(note) = contradiction {
            hits.push(Hit::with(
                format!("tracking.not_used[{i}]"),
                format!("no {kind}, but {note}"),
            ));
        }
    }
    hits
}
