//! CalOPPA (Cal. Bus. & Prof. Code 22575-22579): what any operator of a commercial
//! website or online service that collects personally identifiable information from
//! California residents must say, with no revenue threshold.

use super::{Hit, Regime, Rule, Severity, california};

const CA: &str = "the product serves California";

pub static RULES: &[Rule] = &[
    Rule {
        id: "caloppa-do-not-track",
        reviewed: "2026-12-06",
        regime: Regime::Caloppa,
        citation: "Cal. Bus. & Prof. Code 22575(b)(5)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| Hit::when(a.tracking.do_not_track.is_none(), "tracking.do_not_track"),
        message: "The policy does not say how the product responds to a browser's Do Not \
                  Track signal",
    },
    Rule {
        id: "caloppa-third-party-tracking",
        reviewed: "2026-12-06",
        regime: Regime::Caloppa,
        citation: "Cal. Bus. & Prof. Code 22575(b)(6)",
        severity: Severity::Error,
        applies_when: CA,
        applies: california,
        test: |a| {
            Hit::when(
                a.tracking.third_party_tracking.is_none(),
                "tracking.third_party_tracking",
            )
        },
        message: "The policy does not say whether third parties may collect information about \
                  users' activity over time and across other sites when they use the product",
    },
    Rule {
        id: "caloppa-effective-date",
        reviewed: "2026-12-06",
        regime: Regime::Caloppa,
        citation: "Cal. Bus. & Prof. Code 22575(b)(4)",
        // Info: a published policy states its last update as its effective date when
        // no other is given (`render::view::Dates`), so only a draft lacks one (FP-2),
        // and `publish` dates every policy it publishes; a draft renders "Draft — not
        // yet published" where the date would be. As an error it failed `check` on
        // every draft for something publishing does (a founder's use, seventh round).
        severity: Severity::Info,
        applies_when: CA,
        applies: california,
        test: |a| {
            Hit::when(
                a.policy.effective_date.is_none() && a.policy.last_updated.is_none(),
                "policy.effective_date",
            )
        },
        message: "The policy has no effective date yet: publishing dates it, and it takes \
                  effect on that date unless you give a later one",
    },
    Rule {
        id: "caloppa-changes",
        reviewed: "2026-12-06",
        regime: Regime::Caloppa,
        citation: "Cal. Bus. & Prof. Code 22575(b)(3)",
        severity: Severity::Warning,
        applies_when: CA,
        applies: california,
        test: |a| Hit::when(a.changes.notify_by.is_empty(), "changes.notify_by"),
        message: "The policy only says its date changes when it does; say how users are told \
                  of material changes (e-mail, a notice in the app, ...)",
    },
];
