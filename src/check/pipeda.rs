//! Canada's PIPEDA, Schedule 1: Principle 4.8 (openness) says what an organization must
//! make available about its policies; 4.1.3 keeps it accountable for data it sends to
//! others, including abroad. Access and complaint rights are stated by the built-in
//! rights section whenever Canada is served.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::values::Country;
use crate::answers::vocab::Region;

const CA: &str = "the product serves Canada";

pub static RULES: &[Rule] = &[
    Rule {
        id: "pipeda-accountable-person",
        reviewed: "2026-12-06",
        regime: Regime::Pipeda,
        citation: "PIPEDA Sch. 1, Principle 4.8.2(a)",
        severity: Severity::Error,
        applies_when: CA,
        applies: canada,
        test: |a| match &a.organization.dpo {
            None => vec![Hit::at("organization.dpo")],
            Some(d) if d.email.is_none() && d.postal_address.is_none() => {
                vec![Hit::at("organization.dpo.postal_address")]
            }
            Some(_) => Vec::new(),
        },
        message: "The policy does not give the name or title (e.g. Privacy Officer) and the \
                  address of the person accountable for privacy, to whom complaints and \
                  inquiries go",
    },
    Rule {
        id: "pipeda-cross-border",
        reviewed: "2026-12-06",
        regime: Regime::Pipeda,
        citation: "PIPEDA Sch. 1, Principles 4.1.3, 4.8; OPC Guidelines for Processing \
                   Personal Data Across Borders (2009)",
        severity: Severity::Warning,
        applies_when: "the product serves Canada and data is processed outside Canada",
        applies: |a| canada(a) && processed_abroad(a),
        test: |a| {
            Hit::unless(
                a.hosting.transfers.iter().any(|t| t.details.is_some()),
                "hosting.transfers",
            )
        },
        message: "Data is processed outside Canada; say where, and that it may then be \
                  accessed by the courts, law enforcement and national security authorities \
                  of that country",
    },
];

fn canada(a: &Answers) -> bool {
    a.audience.serves(Region::Canada)
}

fn processed_abroad(a: &Answers) -> bool {
    let ca: Country = "CA".parse().expect("CA is a country");
    !a.hosting.transfers.is_empty()
        || a.hosting.data_location.iter().any(|&c| c != ca)
        || a.hosting
            .stores
            .iter()
            .any(|s| s.country.is_some_and(|c| c != ca))
        || a.processors.iter().any(|p| p.reaches_outside(|c| c == ca))
}
