//! Whether a purpose's legal basis fits what the purpose says it does (legal review
//! S3: "charge your plan, send receipts" is performance of the contract, Art. 6(1)(b);
//! only keeping the records tax law requires is a legal obligation, Art. 6(1)(c)).
//!
//! The purpose is free text, so this reads it for a few unmistakable words and warns;
//! it cannot prove a basis right, only catch the common mismatches.

use super::{Hit, Regime, Rule, Severity, any_gdpr};
use crate::answers::Answers;
use crate::answers::vocab::LegalBasis;

pub(super) static RULES: &[Rule] = &[
    Rule {
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
    },
    Rule {
        id: "gdpr-basis-parts",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // Art. 13(1)(c): the legal basis of each processing. Several bases for one
        // purpose are lawful only when each covers its own part of the processing: the
        // controller must say which applies to what (EDPB Guidelines 2/2019 on Art.
        // 6(1)(b), section 2.2), and may not keep another basis in reserve for processing
        // based on consent (EDPB Guidelines 05/2020 on consent, para. 121-123).
        citation: "GDPR Art. 6(1), 13(1)(c); EDPB Guidelines 2/2019, section 2.2; 05/2020, para. 121-123",
        severity: Severity::Warning,
        applies_when: "the product serves the EEA or the UK, or the operator is established there",
        applies: any_gdpr,
        test: parts_unsaid,
        message: "A purpose has several legal bases without saying which part each covers",
    },
];

/// Each basis of a purpose with several that does not say the part it covers.
fn parts_unsaid(a: &Answers) -> Vec<Hit> {
    let mut hits = Vec::new();
    let customers = super::roles::Customers::of(a);
    for (i, p) in a.purposes.iter().enumerate() {
        if p.legal_basis.len() < 2 || customers.only(&p.categories) {
            continue;
        }
        for b in p.legal_basis.iter().filter(|b| p.part_for(*b).is_none()) {
            hits.push(Hit::with(
                format!("purposes[{i}].{}_for", b.key()),
                format!("purpose `{}`: the part that rests on {}", p.name, b.label()),
            ));
        }
    }
    hits
}

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
        let several = p.legal_basis.len() > 1;
        let whole = format!("{} {}", p.name, p.description).to_lowercase();
        for basis in p.legal_basis.iter() {
            // With several bases, each is judged by the part it covers when that is
            // said; otherwise by the whole purpose, where a note is moot when the
            // basis it asks for is already one of the purpose's.
            let part = p.part_for(basis).filter(|_| several);
            let text = part.map_or_else(|| whole.clone(), str::to_lowercase);
            let has = |b: LegalBasis| part.is_none() && several && p.rests_on(b);
            let says = |words: &[&str]| words.iter().any(|w| text.contains(w));
            let note = match basis {
                LegalBasis::LegalObligation if says(PAYING) && !has(LegalBasis::Contract) => Some(
                    "taking payment is performance of the contract (Art. 6(1)(b)); only \
                         keeping the records a law requires is a legal obligation (Art. \
                         6(1)(c)): give each its own purpose, or its own part",
                ),
                LegalBasis::Contract | LegalBasis::Consent | LegalBasis::LegitimateInterests
                    if says(RECORDS_BY_LAW) && !has(LegalBasis::LegalObligation) =>
                {
                    Some(
                        "doing what a law requires, such as keeping tax records, is a legal \
                         obligation (Art. 6(1)(c)): give it its own purpose with that basis",
                    )
                }
                LegalBasis::Contract | LegalBasis::LegalObligation
                    if says(MARKETING)
                        && !has(LegalBasis::Consent)
                        && !has(LegalBasis::LegitimateInterests) =>
                {
                    Some(
                        "marketing is not necessary for the contract nor required by law: it \
                         rests on consent (Art. 6(1)(a)) or legitimate interests (Art. \
                         6(1)(f), Recital 47)",
                    )
                }
                _ => None,
            };
            if let Some(note) = note {
                hits.push(Hit::with(
                    format!("purposes[{i}].legal_basis"),
                    format!("purpose `{}`: {note}", p.name),
                ));
            }
        }
    }
    hits
}
