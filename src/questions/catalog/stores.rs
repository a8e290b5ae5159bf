//! The questions about a mobile app's permissions and the app stores' privacy forms
//! (`answers::App`, `answers::StoreDisclosures`). Wording lives here, beside the
//! rest of the interview, and follows the stores' own questions so an answer can be
//! pasted into the console without re-deciding it.

use serde_json::Value;

use super::{Kind, Scope, Section, field, q, records};
use crate::answers::vocab::{ProductKind, StoreUse};

fn is_mobile(scope: &Scope) -> bool {
    scope.answers.audience.is(ProductKind::MobileApp)
}

fn is_extension(scope: &Scope) -> bool {
    scope.answers.audience.is(ProductKind::BrowserExtension)
}

/// A store form applies: a mobile app (Play, App Store) or an extension (Chrome Web Store).
fn in_a_store(scope: &Scope) -> bool {
    is_mobile(scope) || is_extension(scope)
}

/// A list of permissions, each with what it is used for: the same shape for an
/// app's Android permissions and iOS usage descriptions and an extension's
/// permissions, with the names asked as that platform spells them.
pub(super) fn permission_records(names: &'static str, example: &'static str) -> Kind {
    records(
        "permission",
        |r, _| {
            r.get("names")
                .and_then(Value::as_array)
                .map(|n| {
                    n.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        },
        vec![
            q("names", names, example, Kind::Lines).required(),
            q("used_for", "What are they used for?", "", Kind::Text).required(),
        ],
    )
}

pub(super) fn app() -> Section {
    Section {
        id: "app",
        title: "Mobile app permissions",
        intro: "Each permission the app requests, and what it is used for. `policywright scan` finds them in AndroidManifest.xml and Info.plist.",
        questions: vec![
            q(
                "app.android_permissions",
                "Which Android permissions does the app request?",
                "Google Play User Data policy: access to permissions must be disclosed with its purpose.",
                permission_records(
                    "Permission names, as the app declares them",
                    "E.g. android.permission.CAMERA; android.permission.RECORD_AUDIO.",
                ),
            )
            .when(is_mobile),
            q(
                "app.ios_permissions",
                "Which iOS usage descriptions does the app declare?",
                "Each NS…UsageDescription key in Info.plist, with what the app uses it for.",
                permission_records(
                    "Permission names, as the app declares them",
                    "E.g. NSCameraUsageDescription; NSMicrophoneUsageDescription.",
                ),
            )
            .when(is_mobile),
            q(
                "app.att_prompt",
                "Does the iOS app ask through App Tracking Transparency before it tracks users?",
                "App Store Review Guideline 5.1.2: tracking in Apple's sense needs the user's permission through ATT.",
                Kind::YesNo,
            )
            .when(is_mobile),
        ],
    }
}

pub(super) fn stores() -> Section {
    Section {
        id: "stores",
        title: "Store privacy forms",
        intro: "What Google Play's Data safety form, Apple's App Privacy details and the Chrome Web Store's privacy tab ask beyond the policy.",
        questions: vec![
            q(
                "stores.encrypted_in_transit",
                "Is all user data the app sends off the device encrypted in transit?",
                "Google Play Data safety form.",
                Kind::Maybe,
            )
            .when(is_mobile),
            q(
                "stores.account_deletion_url",
                "Where do users ask for their account and its data to be deleted?",
                "Google Play requires this link for apps that let users create an account.",
                Kind::Url,
            )
            .example("https://acme.io/delete-account")
            .when(is_mobile),
            q(
                "stores.deletion_without_account",
                "Can users ask for some or all of their data to be deleted without deleting their account?",
                "Google Play Data safety form.",
                Kind::Maybe,
            )
            .when(is_mobile),
            q(
                "stores.data_deletion_url",
                "Where do they ask for that?",
                "",
                Kind::Url,
            )
            .when(|s| is_mobile(s) && s.answers.stores.deletion_without_account == Some(true)),
            q(
                "stores.categories",
                "How do the stores see each data category?",
                "One entry per data category. Play and Apple count differently from the law: data that never leaves the device is not collected; a service provider acting for you does not make data shared.",
                records(
                    "store entry",
                    // The category by the name the founder gave it, not its id.
                    |r, a| {
                        let id = field(r, "category");
                        a.category(id).map_or_else(|| id.to_owned(), |c| c.name.to_string())
                    },
                    vec![
                        q("category", "Which data category?", "One of those described under “Data you collect”.", Kind::Category).required(),
                        q("on_device_only", "Does it never leave the user's device?", "Then Play and Apple do not count it as collected.", Kind::Maybe).when(is_mobile),
                        q("ephemeral", "Is it only processed in memory to serve a request, never kept?", "Play's \"processed ephemerally\"; Apple does not count such data as collected.", Kind::Maybe).when(is_mobile),
                        q("shared", "Is it transferred to a third party that is not your service provider?", "Play's \"shared\". The recipient must be named in the policy.", Kind::Maybe).when(is_mobile),
                        q("linked_to_user", "Is it linked to the user's identity?", "Apple's \"Data Linked to You\".", Kind::Maybe).when(is_mobile),
                        q("tracking", "Is it used to track users across other companies' apps or websites?", "Apple's \"Data Used to Track You\": linked with third-party data for advertising, or shared with a data broker.", Kind::Maybe).when(is_mobile),
                        q("uses", "Why is it collected?", "Play's and Apple's purposes.", Kind::Choices(StoreUse::CHOICES)).when(is_mobile),
                        q("play", "Play data types, if not the built-in ones", "Keys from assets/store_data_types.json, e.g. email_address. Leave empty for the built-in mapping.", Kind::Lines).when(is_mobile),
                        q("apple", "Apple data types, if not the built-in ones", "E.g. email_address, user_id.", Kind::Lines).when(is_mobile),
                        q("chrome", "Chrome Web Store data categories, if not the built-in ones", "E.g. personally_identifiable_information.", Kind::Lines).when(is_extension),
                    ],
                ),
            )
            .when(in_a_store),
        ],
    }
}
