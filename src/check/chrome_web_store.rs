//! The Chrome Web Store's policies for extensions that handle user data: the Program
//! Policies' "Use of Permissions" and the User Data Policy, including Limited Use.
//! Not a law, but a store requirement an extension is removed for failing.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::vocab::ProductKind;

const EXT: &str = "the product includes a browser extension";

pub static RULES: &[Rule] = &[
    Rule {
        id: "cws-permissions",
        reviewed: "2026-12-06",
        regime: Regime::ChromeWebStore,
        citation: "Chrome Web Store Program Policies: Use of Permissions; User Data Policy: \
                   Disclosure",
        severity: Severity::Warning,
        applies_when: EXT,
        applies: extension,
        test: |a| Hit::when(a.extension.permissions.is_empty(), "extension.permissions"),
        message: "The policy lists none of the extension's permissions; reviewers and users \
                  expect each permission with what it is used for",
    },
    Rule {
        id: "cws-limited-use",
        reviewed: "2026-12-06",
        regime: Regime::ChromeWebStore,
        citation: "Chrome Web Store User Data Policy: Limited Use",
        severity: Severity::Warning,
        applies_when: EXT,
        applies: extension,
        test: |a| {
            Hit::unless(
                a.extension.limited_use == Some(true),
                "extension.limited_use",
            )
        },
        message: "The policy does not state that the extension's use of data complies with \
                  the Chrome Web Store's Limited Use requirements",
    },
    Rule {
        id: "cws-no-sale",
        reviewed: "2026-12-06",
        regime: Regime::ChromeWebStore,
        citation: "Chrome Web Store User Data Policy: Limited Use",
        severity: Severity::Error,
        applies_when: EXT,
        applies: extension,
        test: |a| {
            let s = &a.sale_and_sharing;
            [
                (s.sells, "sale_and_sharing.sells"),
                (
                    s.shares_for_advertising,
                    "sale_and_sharing.shares_for_advertising",
                ),
                (
                    s.shares_with_data_brokers,
                    "sale_and_sharing.shares_with_data_brokers",
                ),
            ]
            .into_iter()
            .filter(|(yes, _)| *yes == Some(true))
            .map(|(_, path)| Hit::at(path))
            .collect()
        },
        message: "User data is sold, used for advertising or given to data brokers, which \
                  the Limited Use policy forbids for data an extension handles",
    },
];

fn extension(a: &Answers) -> bool {
    a.audience.is(ProductKind::BrowserExtension)
}
