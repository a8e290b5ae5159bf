//! CCPA as amended by the CPRA (Cal. Civ. Code 1798.100 ff.) and the CPPA's regulations
//! (11 CCR 7000 ff., the privacy policy in 7011): what a business's privacy policy must
//! say to California residents. Whether the CCPA applies at all depends on thresholds
//! the answers do not record; `ccpa-thresholds` states them.

use super::{Hit, Regime, Rule, Severity, california, categories_without_retention, entries};
use crate::answers::Answers;
use crate::answers::vocab::{GpcResponse, RightKind};

const CA: &str = "the product serves California";

pub static RULES: &[Rule] = &[
    Rule {
        id: "ccpa-thresholds",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.140(d)(1)",
        severity: Severity::Info,
        applies_when: CA,
        applies: california,
        test: |_| vec![Hit::at("audience.regions")],
        message: "The CCPA binds only a for-profit business that has annual gross revenue \
                  over $25 million (adjusted for inflation: $26,625,000 from 2025), or buys, \
                  sells or shares the personal information of 100,000 or more California \
                  consumers or households a year, or earns half or more of its annual revenue \
                  from selling or sharing personal information; the CCPA findings assume one \
                  of these is true",
    },
    Rule {
        id: "ccpa-categories",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.110(c)(1), 1798.130(a)(5)(B); 11 CCR 7011(e)(1)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| {
            entries(
                &a.data.categories,
                "data.categories",
                "ccpa_category",
                // Data processed as a service provider (1798.140(ag)) is the
                // business customer's to disclose; data kept on the device is not collected.
                |c| c.ccpa_category.is_none() && c.is_controlled(),
                |c| format!("`{}`", c.name),
            )
        },
        message: "Collected data is not mapped to a CCPA category of personal information, \
                  so the California table leaves it out",
    },
    Rule {
        id: "ccpa-purposes",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.110(c)(3); 11 CCR 7011(e)(1)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: super::no_purposes,
        message: "Data is collected, but no business or commercial purpose says what it is \
                  used for",
    },
    Rule {
        id: "ccpa-sale-sharing",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.115(c), 1798.130(a)(5)(C); 11 CCR 7011(e)(1)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| {
            let s = &a.sale_and_sharing;
            let mut hits = Vec::new();
            if s.sells.is_none() {
                hits.push(Hit::at("sale_and_sharing.sells"));
            }
            if s.shares_for_advertising.is_none() {
                hits.push(Hit::at("sale_and_sharing.shares_for_advertising"));
            }
            hits
        },
        message: "The policy does not say whether personal information was sold, or shared \
                  for cross-context behavioral advertising, in the past 12 months",
    },
    Rule {
        id: "ccpa-sold-categories",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.115(c)(1); 11 CCR 7011(e)(1)",
        severity: Severity::Warning,
        applies_when: "the product serves California and sells or shares personal information",
        applies: |a| california(a) && sells_or_shares(a),
        test: |_| vec![Hit::at("custom_sections")],
        message: "Personal information is sold or shared, but the answers cannot yet list \
                  which categories and to which categories of third parties; add them in a \
                  custom section after `recipients`",
    },
    Rule {
        id: "ccpa-opt-out",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.120, 1798.135(a)(1)",
        severity: Severity::Error,
        applies_when: "the product serves California and sells or shares personal information",
        applies: |a| california(a) && sells_or_shares(a),
        test: |a| {
            let how = a
                .rights
                .rights
                .iter()
                .any(|r| r.right == RightKind::OptOutSale && r.how.is_some());
            if how {
                Vec::new()
            } else {
                vec![Hit::at("rights.rights")]
            }
        },
        message: "Personal information is sold or shared, but the policy does not say how to \
                  opt out (the \"Do Not Sell or Share My Personal Information\" link)",
    },
    Rule {
        id: "ccpa-opt-out-signal",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "11 CCR 7025(b), 7011(e)",
        severity: Severity::Error,
        applies_when: "the product serves California and sells or shares personal information",
        applies: |a| california(a) && sells_or_shares(a),
        test: |a| {
            Hit::unless(
                a.tracking.global_privacy_control == Some(GpcResponse::HonoredAsOptOut),
                "tracking.global_privacy_control",
            )
        },
        message: "Personal information is sold or shared, so opt-out preference signals such \
                  as Global Privacy Control must be honored as opt-out requests, and the \
                  policy must say so",
    },
    Rule {
        id: "ccpa-sensitive",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.121, 1798.135(a)(2); 11 CCR 7027(m)",
        severity: Severity::Warning,
        applies_when: "the product serves California and uses sensitive personal information \
                       beyond the purposes 11 CCR 7027(m) allows",
        applies: |a| california(a) && a.sale_and_sharing.sensitive_beyond_permitted == Some(true),
        test: |a| {
            Hit::unless(
                a.rights
                    .rights
                    .iter()
                    .any(|r| r.right == RightKind::LimitSensitive),
                "rights.rights",
            )
        },
        message: "Sensitive personal information is used beyond the purposes 11 CCR 7027(m) \
                  allows, so say how to limit its use (\"Limit the Use of My Sensitive \
                  Personal Information\")",
    },
    Rule {
        id: "ccpa-authorized-agents",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "11 CCR 7011(e), 7063",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| {
            Hit::unless(
                a.rights.authorized_agents == Some(true),
                "rights.authorized_agents",
            )
        },
        message: "The policy does not explain that a request can be made through an \
                  authorized agent",
    },
    Rule {
        id: "ccpa-verification",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "11 CCR 7011(e), 7060",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| Hit::unless(a.rights.verification.is_some(), "rights.verification"),
        message: "The policy does not describe how a request is verified (what the person \
                  must provide to prove who they are)",
    },
    Rule {
        id: "ccpa-retention",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.100(a)(3)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: categories_without_retention,
        message: "No retention rule says how long this category of personal information is \
                  kept (or the criteria that decide it)",
    },
    Rule {
        id: "ccpa-annual-update",
        reviewed: "2026-12-06",
        regime: Regime::Ccpa,
        citation: "Cal. Civ. Code 1798.130(a)(5)",
        severity: Severity::Info,
        applies_when: CA,
        applies: california,
        test: |a| match a.policy.last_updated {
            Some(d) => vec![Hit::with(
                "policy.last_updated",
                format!("last updated {d}"),
            )],
            None => vec![Hit::at("policy.last_updated")],
        },
        message: "The privacy policy must be reviewed and updated at least once every 12 months",
    },
];

/// Sells, or shares for cross-context behavioral advertising.
fn sells_or_shares(a: &Answers) -> bool {
    a.sale_and_sharing.sells == Some(true)
        || a.sale_and_sharing.shares_for_advertising == Some(true)
}
