//! The app stores' privacy forms against the policy: what `render --format
//! play-data-safety | app-privacy | chrome-web-store` would declare must agree with
//! what the policy says. A store rejects, or removes, a product whose store
//! disclosures and privacy policy disagree (Google Play User Data policy: "Data
//! safety section"; App Store Review Guideline 5.1.1(i) and 5.1.2; Chrome Web Store
//! User Data Policy: Disclosure).

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::vocab::{ProductKind, SecurityMeasureKind, StoreUse};
use crate::disclosures::mapping::{Store, mapping};

const STORE: &str = "the product includes a mobile app or a browser extension";
const MOBILE: &str = "the product includes a mobile app";

const PLAY: &str = "Google Play User Data policy: Data safety section (the form must be \
                    complete and accurate, and consistent with the privacy policy)";
const APPLE: &str = "App Store Review Guideline 5.1.1(i) and App privacy details on the App \
                     Store (developer.apple.com/app-store/app-privacy-details)";
/// For the rules about every store the product is in: each store's own rule that its
/// form agree with the privacy policy.
const EVERY_STORE: &str = "Google Play User Data policy: Data safety section; App Store Review \
                           Guideline 5.1.1(i); Chrome Web Store User Data Policy: Disclosure \
                           (each store's form must agree with the privacy policy)";

pub static RULES: &[Rule] = &[
    Rule {
        id: "store-category-absent",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: EVERY_STORE,
        severity: Severity::Error,
        applies_when: STORE,
        applies: in_a_store,
        test: |a| {
            a.stores
                .categories
                .iter()
                .enumerate()
                .filter(|(_, s)| a.category(&s.category).is_none())
                .map(|(i, s)| {
                    Hit::with(
                        format!("stores.categories[{i}].category"),
                        format!("`{}`", s.category),
                    )
                })
                .collect()
        },
        message: "Store answers are given for a data category the policy does not list; a \
                  data type declared to a store must be in the policy",
    },
    Rule {
        id: "store-category-unmapped",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: EVERY_STORE,
        severity: Severity::Warning,
        applies_when: STORE,
        applies: in_a_store,
        test: |a| {
            let m = mapping();
            a.data
                .categories
                .iter()
                .flat_map(|c| {
                    let facts = a.stores.category(&c.id);
                    let counted = crate::disclosures::Category { data: c, facts };
                    stores_of(a).into_iter().filter_map(move |store| {
                        // Data a store does not count as collected needs no type.
                        if !counted.declared_to(store) {
                            return None;
                        }
                        let mapped = m.types(store, &c.id, facts);
                        let unknown = !mapped.unknown.is_empty();
                        (mapped.types.is_empty() || unknown).then(|| {
                            let what = if unknown {
                                format!(
                                    "unknown {} type {}",
                                    store.key(),
                                    mapped.unknown.join(", ")
                                )
                            } else {
                                format!("no {} data type", store.key())
                            };
                            Hit::with(
                                "stores.categories",
                                format!("`{}` ({}): {what}", c.name, c.id),
                            )
                        })
                    })
                })
                .collect()
        },
        message: "A data category is not mapped onto a store's data types, so the store form \
                  would leave it out; name its types in the \"Store privacy forms\" answers \
                  (stores.categories)",
    },
    Rule {
        id: "store-category-unanswered",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: APPLE,
        severity: Severity::Warning,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            a.data
                .categories
                .iter()
                .filter_map(|c| {
                    let f = a.stores.category(&c.id);
                    // Neither store asks about data that never leaves the device
                    // (answered so, or listed as staying on it).
                    let counted = crate::disclosures::Category { data: c, facts: f };
                    if !counted.declared_to(Store::Play) && !counted.declared_to(Store::Apple) {
                        return None;
                    }
                    let mut open = Vec::new();
                    let fact = |get: fn(&crate::answers::StoreCategory) -> Option<bool>| {
                        f.and_then(get).is_none()
                    };
                    if f.is_none_or(|f| f.uses.is_empty()) {
                        open.push("uses");
                    }
                    if fact(|f| f.linked_to_user) {
                        open.push("linked_to_user");
                    }
                    if fact(|f| f.tracking) {
                        open.push("tracking");
                    }
                    if fact(|f| f.shared) {
                        open.push("shared");
                    }
                    if c.required.is_none() {
                        open.push("required (in data.categories)");
                    }
                    (!open.is_empty()).then(|| {
                        Hit::with(
                            "stores.categories",
                            format!("`{}` ({}): {}", c.name, c.id, open.join(", ")),
                        )
                    })
                })
                .collect()
        },
        message: "The store forms ask about this data category and the answers do not say",
    },
    Rule {
        id: "store-tracking-att",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: "App Store Review Guideline 5.1.2(i): App Tracking Transparency",
        severity: Severity::Error,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            let tracks = a.stores.categories.iter().any(|s| {
                s.tracking == Some(true) || s.uses.contains(&StoreUse::ThirdPartyAdvertising)
            });
            Hit::when(tracks && !a.app.att_prompt, "app.att_prompt")
        },
        message: "Data is declared to Apple as used for tracking, and the policy does not say \
                  the app asks through App Tracking Transparency first",
    },
    Rule {
        id: "store-shared-recipient",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: PLAY,
        severity: Severity::Error,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            a.stores
                .categories
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.shared == Some(true)
                        && a.category(&s.category).is_some()
                        && !a
                            .processors
                            .iter()
                            .any(|p| p.categories.iter().any(|c| *c == s.category))
                })
                .map(|(i, s)| {
                    Hit::with(
                        format!("stores.categories[{i}].shared"),
                        format!("`{}`", s.category),
                    )
                })
                .collect()
        },
        message: "Data is declared to Google Play as shared, and no recipient in the policy \
                  receives it",
    },
    Rule {
        id: "store-encryption",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: PLAY,
        severity: Severity::Error,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            let said = a
                .security
                .measures
                .iter()
                .any(|m| m.kind == SecurityMeasureKind::Tls);
            Hit::when(
                a.stores.encrypted_in_transit == Some(true) && !said,
                "security.measures",
            )
        },
        message: "Google Play is told all data is encrypted in transit, and the policy's \
                  security measures do not say so",
    },
    Rule {
        id: "store-advertising",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: APPLE,
        severity: Severity::Error,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            if a.sale_and_sharing.shares_for_advertising != Some(false) {
                return Vec::new();
            }
            a.stores
                .categories
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.tracking == Some(true) || s.uses.contains(&StoreUse::ThirdPartyAdvertising)
                })
                .map(|(i, s)| {
                    Hit::with(
                        format!("stores.categories[{i}].uses"),
                        format!("`{}`", s.category),
                    )
                })
                .collect()
        },
        message: "Data is declared to a store as used for third-party advertising or \
                  tracking, and the policy says it is not shared for advertising",
    },
    Rule {
        id: "store-app-permissions",
        reviewed: "2026-12-06",
        regime: Regime::Stores,
        citation: "Google Play User Data policy: Prominent Disclosure; App Store Review \
                   Guideline 5.1.1(ii)",
        severity: Severity::Warning,
        applies_when: MOBILE,
        applies: mobile,
        test: |a| {
            Hit::when(
                a.app.android_permissions.is_empty() && a.app.ios_permissions.is_empty(),
                "app.android_permissions",
            )
        },
        message: "The policy lists none of the app's permissions; `policywright scan` finds \
                  them in AndroidManifest.xml and Info.plist",
    },
];

fn mobile(a: &Answers) -> bool {
    a.audience.is(ProductKind::MobileApp)
}

fn in_a_store(a: &Answers) -> bool {
    mobile(a) || a.audience.is(ProductKind::BrowserExtension)
}

/// The stores whose forms apply to the product.
fn stores_of(a: &Answers) -> Vec<Store> {
    let mut out = Vec::new();
    if mobile(a) {
        out.extend([Store::Play, Store::Apple]);
    }
    if a.audience.is(ProductKind::BrowserExtension) {
        out.push(Store::Chrome);
    }
    out
}
