//! What the UK GDPR and the Data Protection Act 2018 change from the EU GDPR: the
//! Information Commissioner as the authority, 13 as the age of digital consent, and a
//! representative in the UK for operators outside it. Art. 13/14 content is in `gdpr.rs`.

use super::{Hit, Regime, Rule, Severity, uk_gdpr};
use crate::answers::vocab::{LegalBasis, Region};

const UK: &str = "the product serves the UK, or the operator is established there";

pub static RULES: &[Rule] = &[
    Rule {
        id: "uk-ico-complaint",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "UK GDPR Art. 13(2)(d), 77",
        severity: Severity::Error,
        applies_when: UK,
        applies: uk_gdpr,
        test: |a| {
            // The built-in rights section names the ICO whenever the UK is served.
            let names_ico = a.audience.serves(Region::Uk)
                || (a.rights.complaint == Some(true)
                    && a.rights.authority.as_deref().is_some_and(|s| {
                        s.contains("Information Commissioner") || s.contains("ICO")
                    }));
            if names_ico {
                Vec::new()
            } else {
                vec![Hit::at("rights.authority")]
            }
        },
        message: "The policy does not say that UK users can complain to the Information \
                  Commissioner's Office",
    },
    Rule {
        id: "uk-complaints-procedure",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "Data Protection Act 2018 s. 164A (Data (Use and Access) Act 2025 s. 103), \
                   from 19 June 2026",
        severity: Severity::Warning,
        applies_when: UK,
        applies: uk_gdpr,
        test: |a| {
            Hit::when(
                a.rights
                    .complaints
                    .as_deref()
                    .is_none_or(|s| s.trim().is_empty()),
                "rights.complaints",
            )
        },
        message: "The policy does not say how to complain to you about your use of personal \
                  data; from 19 June 2026 UK controllers must take such complaints and help \
                  people make them (for example with an electronic complaint form), and \
                  acknowledge each within 30 days",
    },
    Rule {
        id: "uk-recognised-legitimate-interest",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "UK GDPR Art. 6(1)(ea), Annex 1 (Data (Use and Access) Act 2025 s. 70); GDPR Art. 6(1)",
        severity: Severity::Error,
        applies_when: "a purpose relies on a recognised legitimate interest",
        applies: |a| super::gdpr::uses_basis(a, LegalBasis::RecognisedLegitimateInterest),
        test: |a| {
            // The basis exists only in UK law: wrong wherever another law that asks for a
            // basis applies (the EU GDPR, the Swiss FADP, the LGPD), or where the UK
            // GDPR does not.
            let elsewhere = crate::law::eu_gdpr(a)
                || crate::law::swiss_fadp(a)
                || crate::law::lgpd(a)
                || !uk_gdpr(a);
            if !elsewhere {
                return Vec::new();
            }
            super::gdpr::purposes_resting_on(a, LegalBasis::RecognisedLegitimateInterest)
        },
        message: "A recognised legitimate interest (UK GDPR Art. 6(1)(ea)) is a basis only \
                  under UK law; for the other laws that apply, choose a basis they know \
                  (usually legitimate interests, with the interest stated)",
    },
    Rule {
        id: "uk-representative",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "UK GDPR Art. 27(1), 13(1)(a)",
        severity: Severity::Error,
        applies_when: "the product serves the UK and the operator is established outside it",
        applies: crate::law::needs_uk_representative,
        test: |a| {
            Hit::when(
                a.organization.uk_representative.is_none(),
                "organization.uk_representative",
            )
        },
        message: "The operator is outside the UK and serves people in it, but names no \
                  representative in the UK (not needed only for occasional processing that \
                  is unlikely to result in a risk, Art. 27(2))",
    },
    Rule {
        id: "uk-child-consent",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "UK GDPR Art. 8(1); Data Protection Act 2018 s. 9",
        severity: Severity::Error,
        applies_when: "UK GDPR applies, users under 13 are accepted, and a purpose relies on consent",
        applies: |a| {
            uk_gdpr(a)
                && a.audience.minimum_age.is_some_and(|n| n < 13)
                && super::gdpr::uses_basis(a, LegalBasis::Consent)
        },
        test: |a| {
            // The policy states parental consent only for a product directed to children.
            if a.audience.directed_to_children != Some(true) {
                vec![Hit::at("audience.directed_to_children")]
            } else if a.audience.parental_consent.is_none() {
                vec![Hit::at("audience.parental_consent")]
            } else {
                Vec::new()
            }
        },
        message: "Users under 13 are accepted and processing relies on consent; in the UK a \
                  child under 13 cannot give that consent, so say how a parent's consent is \
                  obtained",
    },
    Rule {
        id: "uk-minimum-age",
        reviewed: "2026-12-06",
        regime: Regime::UkGdpr,
        citation: "UK GDPR Art. 8(1); Data Protection Act 2018 s. 9",
        severity: Severity::Warning,
        applies_when: "UK GDPR applies and the product is not directed to children",
        applies: |a| uk_gdpr(a) && a.audience.directed_to_children != Some(true),
        test: |a| Hit::when(a.audience.minimum_age.is_none(), "audience.minimum_age"),
        message: "The policy does not say how old users must be; in the UK children can \
                  consent to online services from 13, and the ICO's Children's code applies \
                  to services likely to be used by under-18s",
    },
];
