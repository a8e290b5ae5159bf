//! App Store Connect's App Privacy answers (App Store Connect > your app > App
//! Privacy), in the order the console asks them: whether data is collected, which
//! data types, then for each type its purposes, whether it is linked to the user and
//! whether it is used for tracking (developer.apple.com/app-store/app-privacy-details).
//!
//! Written twice: as a checklist to follow in the console, and as the JSON that
//! fastlane's `upload_app_privacy_details_to_app_store` uploads
//! (`[{category, purposes, data_protections}]`, ids as fastlane names them).

use std::fmt::Write;

use serde_json::{Value, json};

use super::mapping::{Store, mapping};
use super::{Declared, categories, declared, unmapped, write_unmapped, yes_no};
use crate::answers::Answers;

fn linked(d: &Declared) -> Option<bool> {
    d.any(|c| c.facts.and_then(|f| f.linked_to_user))
}

fn tracking(d: &Declared) -> Option<bool> {
    d.any(|c| c.facts.and_then(|f| f.tracking))
}

pub(super) fn checklist(a: &Answers) -> String {
    let categories = categories(a);
    let types = declared(Store::Apple, &categories);
    let mut out = String::new();
    let product = &a.organization.product_name;
    let _ = writeln!(out, "App Store Connect: App Privacy for {product}");
    let _ = writeln!(
        out,
        "(from the answers of its privacy policy; not legal advice)"
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "1. Do you or your third-party partners collect data from this app? {}",
        if types.is_empty() { "No" } else { "Yes" }
    );
    if types.is_empty() {
        let _ = writeln!(
            out,
            "   Choose \"No, we do not collect data from this app\"."
        );
    } else {
        let _ = writeln!(out);
        let _ = writeln!(out, "2. Data types: select these");
        let mut group = "";
        for d in &types {
            if d.data_type.group != group {
                group = &d.data_type.group;
                let _ = writeln!(out, "   {group}");
            }
            let _ = writeln!(
                out,
                "     [x] {} (from: {})",
                d.data_type.label,
                d.sources()
            );
        }
        for (i, d) in types.iter().enumerate() {
            let _ = writeln!(out);
            let _ = writeln!(out, "{}. {}", i + 3, d.data_type.label);
            let purposes = mapping().purposes(Store::Apple, &d.uses());
            let _ = writeln!(out, "   How is it used?");
            if purposes.is_empty() {
                let _ = writeln!(
                    out,
                    "     NOT ANSWERED (stores.categories[].uses of: {})",
                    d.sources()
                );
            }
            for p in purposes {
                let _ = writeln!(out, "     [x] {}", p.label);
            }
            let _ = writeln!(
                out,
                "   Is it linked to the user's identity? {}",
                yes_no(linked(d))
            );
            let _ = writeln!(
                out,
                "   Is it used for tracking purposes? {}",
                yes_no(tracking(d))
            );
        }
    }
    let left_out = unmapped(Store::Apple, &categories);
    if !left_out.is_empty() {
        let _ = writeln!(out);
        out.push_str("NOT MAPPED to an Apple data type (set stores.categories[].apple): ");
        write_unmapped(&mut out, &left_out);
        out.push('\n');
    }
    out
}

pub(super) fn json(a: &Answers) -> String {
    let categories = categories(a);
    let types = declared(Store::Apple, &categories);
    let value: Value = if types.is_empty() {
        json!([{ "data_protections": ["DATA_NOT_COLLECTED"] }])
    } else {
        types
            .iter()
            .map(|d| {
                let purposes: Vec<&str> = mapping()
                    .purposes(Store::Apple, &d.uses())
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                // An open answer is left out rather than guessed: fastlane then
                // refuses the file, and `check` names the answer to give.
                let mut protections = Vec::new();
                match linked(d) {
                    Some(true) => protections.push("DATA_LINKED_TO_YOU"),
                    Some(false) => protections.push("DATA_NOT_LINKED_TO_YOU"),
                    None => {}
                }
                if tracking(d) == Some(true) {
                    protections.push("DATA_USED_TO_TRACK_YOU");
                }
                json!({
                    "category": d.data_type.id,
                    "purposes": purposes,
                    "data_protections": protections,
                })
            })
            .collect()
    };
    let mut text = serde_json::to_string_pretty(&value).expect("JSON serialises");
    text.push('\n');
    text
}
