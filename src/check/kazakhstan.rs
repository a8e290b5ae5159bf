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
        applies_when: KZ,
        applies: kazakhstan,
        test: |a| {
            let kz = kz();
            let kept_in_kz = a.hosting.data_location.contains(&kz)
                || a.hosting.stores.iter().any(|s| s.country == Some(kz));
            if kept_in_kz {
                Vec::new()
            } else {
                vec![Hit::at("hosting.data_location")]
            }
        },
        message: "The policy does not say that personal data is stored in a database in \
                  Kazakhstan, which the law requires",
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

fn kz() -> Country {
    "KZ".parse().expect("KZ is a country")
}

fn kazakhstan(a: &Answers) -> bool {
    crate::law::kazakhstan(a)
}
