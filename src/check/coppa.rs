//! COPPA (15 U.S.C. 6501-6506; the Rule at 16 CFR Part 312): a product directed to
//! children under 13, or one that knowingly accepts them, must say what 16 CFR 312.4(d)
//! lists and obtain verifiable parental consent (312.5). Applies to US users.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;

const KIDS: &str =
    "the product serves the US and is directed to children or accepts users under 13";

pub static RULES: &[Rule] = &[
    Rule {
        id: "coppa-parental-consent",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.4(d), 312.5",
        severity: Severity::Error,
        applies_when: KIDS,
        applies: children,
        test: |a| {
            // Not directed to children: `coppa-parent-rights` asks for that first, and
            // only then is parental consent stated (and asked about).
            if a.audience.directed_to_children == Some(true)
                && a.audience.parental_consent.is_none()
            {
                vec![Hit::at("audience.parental_consent")]
            } else {
                Vec::new()
            }
        },
        message: "Children under 13 use the product, but the policy does not say how \
                  verifiable parental consent is obtained",
    },
    Rule {
        id: "coppa-parent-rights",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.4(d)(3)",
        severity: Severity::Error,
        applies_when: KIDS,
        applies: children,
        test: |a| {
            // The built-in children section states the parents' rights only for a
            // product directed to children.
            if a.audience.directed_to_children == Some(true) {
                Vec::new()
            } else {
                vec![Hit::at("audience.directed_to_children")]
            }
        },
        message: "Users under 13 are accepted, but the policy does not give parents their \
                  rights to review and delete their child's information and to refuse further \
                  collection (answer that the product is directed to children, or raise the \
                  minimum age to 13)",
    },
    Rule {
        id: "coppa-operator-contact",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.4(d)(1)",
        severity: Severity::Error,
        applies_when: KIDS,
        applies: children,
        test: |a| {
            Hit::when(
                a.organization.postal_address.is_none(),
                "organization.postal_address",
            )
        },
        message: "The policy does not give the operator's postal address",
    },
    Rule {
        id: "coppa-telephone",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.4(d)(1)",
        severity: Severity::Warning,
        applies_when: KIDS,
        applies: children,
        test: |_| vec![Hit::at("custom_sections")],
        message: "COPPA asks for the operator's telephone number; the answers have no place \
                  for one yet, so add it in a custom section after `contact`",
    },
    Rule {
        id: "coppa-third-parties",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.4(d)(2) as amended 2025 (compliance date 22 April 2026)",
        severity: Severity::Error,
        applies_when: "the product is directed to children and serves the US",
        applies: |a| us(a) && a.audience.directed_to_children == Some(true),
        test: |a| {
            let mut hits = super::entries(
                &a.processors,
                "processors",
                "purpose",
                |p| p.purpose.trim().is_empty(),
                |p| format!("`{}`", p.name),
            );
            // What each receives is the "specific categories" half of the duty.
            hits.extend(super::entries(
                &a.processors,
                "processors",
                "categories",
                // Software we run ourselves is no third party.
                |p| p.categories.is_empty() && p.data_description.is_none() && p.receives_data(),
                |p| format!("`{}`", p.name),
            ));
            hits
        },
        message: "The 2025 COPPA Rule asks the online notice to name each third party children's \
                  information is disclosed to, what it receives and why; a recipient lacks its \
                  purpose or what it receives",
    },
    Rule {
        id: "coppa-retention-policy",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.10(b), 312.4(d) as amended 2025 (compliance date 22 April 2026)",
        severity: Severity::Error,
        applies_when: "the product is directed to children and serves the US",
        applies: |a| us(a) && a.audience.directed_to_children == Some(true),
        test: super::categories_without_retention,
        message: "The 2025 COPPA Rule asks for a written retention policy in the online notice: \
                  how long each kind of children's information is kept and why, never \
                  indefinitely; this category has no retention rule",
    },
    Rule {
        id: "coppa-minimum-age",
        reviewed: "2026-12-06",
        regime: Regime::Coppa,
        citation: "16 CFR 312.2 (\"website or online service directed to children\")",
        severity: Severity::Info,
        applies_when: "the product serves the US and is not said to be for children",
        applies: |a| us(a) && a.audience.directed_to_children != Some(true),
        test: |a| Hit::when(a.audience.minimum_age.is_none(), "audience.minimum_age"),
        message: "The policy states no minimum age; saying the product is not for children \
                  under 13 tells readers (and the FTC) that COPPA's parental-consent duties do \
                  not apply",
    },
];

fn us(a: &Answers) -> bool {
    crate::law::united_states(a)
}

fn children(a: &Answers) -> bool {
    us(a)
        && (a.audience.directed_to_children == Some(true)
            || a.audience.minimum_age.is_some_and(|n| n < 13))
}
