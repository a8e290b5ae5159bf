//! Whether a purpose's legal basis fits what the purpose says it does (legal review
//! S3: "charge your plan, send receipts" is performance of the contract, Art. 6(1)(b);
//! only keeping the records tax law requires is a legal obligation, Art. 6(1)(c)).
//!
//! The purpose is free text, so this reads it for a few unmistakable words and warns;
//! it cannot prove a basis right, only catch the common mismatches.

use super::{Hit, Regime, Rule, Severity, any_gdpr};
use crate::answers::Answers;
use crate::answers::vocab::LegalBasis;

pub(super) static RULES: &[Rule] = &[Rule {
    id: "gdpr-basis-fits-purpose",
    reviewed: "2026-12-06",
    regime: Regime::Gdpr,
    // Art. 6(1)(b) and EDPB Guidelines 2/2019 (processing necessary to perform the
    // contract, such as taking payment for it); Art. 6(1)(c) and 6(3) (an obligation
    // laid down by law, such as keeping accounting vouchers under HGB § 257 and AO
    // § 147); Recital 47 and Art. 21(2) (direct marketing on legitimate interests) or
    // Art. 6(1)(a) with ePrivacy Directive Art. 13 (consent for electronic marketing).
    citation: "GDPR Art. 6(1)(a)-(c), (f), 6(3), Recital 47; EDPB Guidelines 2/2019",
    severity: Severity::Warning,
    applies_when: "the product serves the EEA or the UK, or the operator is established there",
    applies: any_gdpr,
    test: mismatches,
    message: "A purpose's legal basis does not fit what it says it does",
}];

/// Words that say a purpose takes payment for the product: the act of charging, not
/// the nouns ("billing records", "charges") a records-keeping purpose also uses.
const PAYING: &[&str] = &[
    "charge you",
    "charge your",
    "bill you",
    "bill your",
    "take payment",
    "taking payment",
    "process payment",
    "processing payment",
    "collect payment",
    "checkout",
];
/// Words that say a purpose keeps records because a law requires it.
const RECORDS_BY_LAW: &[&str] = &[
    "tax law",
    "tax records",
    "accounting records",
    "law requires",
    "required by law",
    "legally required",
    "retention obligations",
];
/// Words that say a purpose is marketing.
const MARKETING: &[&str] = &["marketing", "newsletter", "promotional", "advertis"];

fn mismatches(a: &Answers) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, p) in a.purposes.iter().enumerate() {
        let Some(basis) = p.legal_basis else { continue };
        let text = format!("{} {}", p.name, p.description).to_lowercase();
        let says = |words: &[&str]| words.iter().any(|w| text.contains(w));
        let note = match basis {
            LegalBasis::LegalObligation if says(PAYING) => Some(
                "taking payment is performance of the contract (Art. 6(1)(b)); only keeping \
                 the records a law requires is a legal obligation (Art. 6(1)(c)): give each \
                 its own purpose",
            ),
            LegalBasis::Contract | LegalBasis::Consent | LegalBasis::LegitimateInterests
                if says(RECORDS_BY_LAW) =>
            {
                Some(
                    "doing what a law requires, such as keeping tax records, is a legal \
                     obligation (Art. 6(1)(c)): give it its own purpose with that basis",
                )
            }
            LegalBasis::Contract | LegalBasis::LegalObligation if says(MARKETING) => Some(
                "marketing is not necessary for the contract nor required by law: it rests \
                 on consent (Art. 6(1)(a)) or legitimate interests (Art. 6(1)(f), Recital 47)",
            ),
            _ => None,
        };
        if let Some(note) = note {
            hits.push(Hit::with(
                format!("purposes[{i}].legal_basis"),
                format!("purpose `{}`: {note}", p.name),
            ));
        }
    }
    hits
}
