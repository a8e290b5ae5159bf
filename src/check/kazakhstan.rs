//! Kazakhstan's Law No. 94-V of 21 May 2013 "On Personal Data and their Protection":
//! storage in a database in Kazakhstan (Art. 12(2)) and cross-border transfer (Art. 16).
//! The rights it gives are stated by the built-in rights section whenever Kazakhstan
//! is served.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::values::Country;

const KZ: &str = "the product serves Kazakhstan";

pub static RULES: &[Rule] = &[
    Rule {
        id: "kz-localization",
        reviewed: "2026-12-06",
        regime: Regime::Kazakhstan,
        citation: "Law of the Republic of Kazakhstan No. 94-V \"On Personal Data and their \
                   Protection\", Art. 12(2)",
        severity: Severity::Error,
        applies_when: "the product serves Kazakhstan and the operator is established there \
                       (or does not say where)",
        applies: |a| kazakhstan(a) && !established_abroad(a),
        test: not_kept_in_kz,
        message: "The policy does not say that personal data is stored in a database in \
                  Kazakhstan, which the law requires",
    },
    Rule {
        id: "kz-localization-abroad",
        reviewed: "2026-12-06",
        regime: Regime::Kazakhstan,
        // Whether Art. 12(2) reaches an operator with no presence in Kazakhstan is
        // disputed (Dentons' FAQ on Lexology; Mondaq 450588), so a warning (legal
        // review FP-4).
        citation: "Law of the Republic of Kazakhstan No. 94-V \"On Personal Data and their \
                   Protection\", Art. 12(2)",
        severity: Severity::Warning,
        applies_when: "the product serves Kazakhstan from abroad",
        applies: |a| kazakhstan(a) && established_abroad(a),
        test: not_kept_in_kz,
        message: "Personal data of people in Kazakhstan is not said to be stored there; \
                  whether the localisation duty reaches an operator established abroad is \
                  disputed, so check it before relying on that",
    },
    Rule {
        id: "kz-cross-border",
        reviewed: "2026-12-06",
        regime: Regime::Kazakhstan,
        citation: "Law of the Republic of Kazakhstan No. 94-V \"On Personal Data and their \
                   Protection\", Art. 16",
        severity: Severity::Warning,
        applies_when: KZ,
        applies: kazakhstan,
        test: |a| {
            let mut hits = super::transfers_without_safeguard(a);
            hits.extend(super::processors_outside_without_safeguard(a, |c| {
                c == kz()
            }));
            hits
        },
        message: "Data goes outside Kazakhstan without saying on what basis (Art. 16: to a \
                  state that protects personal data, or otherwise with the person's consent)",
    },
];

fn not_kept_in_kz(a: &Answers) -> Vec<Hit> {
    let kz = kz();
    let kept_in_kz = a.hosting.data_location.contains(&kz)
        || a.hosting.stores.iter().any(|s| s.country == Some(kz));
    Hit::when(!kept_in_kz, "hosting.data_location")
}

/// The operator is known to be established outside Kazakhstan.
fn established_abroad(a: &Answers) -> bool {
    a.organization.country.is_some_and(|c| c != kz())
}

fn kz() -> Country {
    "KZ".parse().expect("KZ is a country")
}

fn kazakhstan(a: &Answers) -> bool {
    crate::law::kazakhstan(a)
}
