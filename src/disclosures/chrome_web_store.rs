//! The Chrome Web Store's privacy practices tab (Developer Dashboard > your item >
//! Privacy practices), in its order: single purpose, a justification per permission
//! (host permissions share one), remote code, the data-usage categories, and the
//! three certifications (developer.chrome.com/docs/webstore/cws-dashboard-privacy;
//! the categories and certifications' wording as the dashboard shows them, "to
//! confirm" in the README).

use std::fmt::Write;

use super::mapping::{Store, mapping};
use super::{categories, unmapped, write_unmapped};
use crate::answers::{Answers, Permission};

const NOT_ANSWERED: &str = "NOT ANSWERED";

pub(super) fn tab(a: &Answers) -> String {
    let e = &a.extension;
    let mut out = String::new();
    let product = &a.organization.product_name;
    let _ = writeln!(out, "Chrome Web Store: Privacy practices for {product}");
    let _ = writeln!(
        out,
        "(from the answers of its privacy policy; not legal advice)"
    );

    let _ = writeln!(out, "\nSingle purpose");
    let _ = writeln!(
        out,
        "  {}",
        e.single_purpose
            .as_deref()
            .unwrap_or("NOT ANSWERED (extension.single_purpose)")
    );

    let _ = writeln!(out, "\nPermission justification");
    let mut hosts: Vec<(&str, &str)> = Vec::new();
    for p in &e.permissions {
        for name in &p.names {
            if Permission::is_host(name) {
                hosts.push((name, &p.used_for));
            } else {
                let _ = writeln!(out, "  {name}: {}", p.used_for);
            }
        }
    }
    if e.permissions.is_empty() {
        let _ = writeln!(out, "  {NOT_ANSWERED} (extension.permissions)");
    }
    if !hosts.is_empty() {
        let names: Vec<&str> = hosts.iter().map(|(n, _)| *n).collect();
        let mut uses: Vec<&str> = hosts.iter().map(|(_, u)| *u).collect();
        uses.dedup();
        let _ = writeln!(
            out,
            "  Host permission ({}): {}",
            names.join(", "),
            uses.join(". ")
        );
    }

    let _ = writeln!(out, "\nAre you using remote code?");
    match e.remote_code {
        Some(false) => {
            let _ = writeln!(out, "  No, I am not using remote code");
        }
        Some(true) => {
            let _ = writeln!(out, "  Yes, I am using remote code");
            let _ = writeln!(
                out,
                "  Justification: {}",
                e.remote_code_reason
                    .as_deref()
                    .unwrap_or("NOT ANSWERED (extension.remote_code_reason)")
            );
        }
        None => {
            let _ = writeln!(out, "  {NOT_ANSWERED} (extension.remote_code)");
        }
    }

    let _ = writeln!(out, "\nData usage");
    let _ = writeln!(
        out,
        "  What user data do you plan to collect from users now or in the future?"
    );
    let cats = categories(a);
    let m = mapping();
    for t in &m.chrome.types {
        let from: Vec<&str> = cats
            .iter()
            .filter(|c| {
                m.types(Store::Chrome, &c.data.id, c.facts)
                    .types
                    .iter()
                    .any(|x| std::ptr::eq(*x, t))
            })
            .map(|c| c.data.name.as_str())
            .collect();
        if from.is_empty() {
            let _ = writeln!(out, "  [ ] {}", t.label);
        } else {
            let _ = writeln!(out, "  [x] {} (from: {})", t.label, from.join(", "));
        }
    }
    let left_out = unmapped(Store::Chrome, &cats);
    if !left_out.is_empty() {
        out.push_str("  NOT MAPPED (set stores.categories[].chrome): ");
        write_unmapped(&mut out, &left_out);
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "\n  I certify that the following disclosures are true:"
    );
    for (certified, text, why) in certifications(a) {
        let mark = if certified { "[x]" } else { "[ ]" };
        let _ = writeln!(out, "  {mark} {text}");
        if let Some(why) = why {
            let _ = writeln!(out, "      not ticked: {why}");
        }
    }
    out
}

/// The three certifications, each ticked only when the answers say so; otherwise with
/// the answer that stands in the way. (Chrome Web Store User Data Policy: Limited Use.)
fn certifications(a: &Answers) -> [(bool, &'static str, Option<String>); 3] {
    let s = &a.sale_and_sharing;
    let no_transfer = match (s.sells, s.shares_for_advertising, s.shares_with_data_brokers) {
        (Some(true), _, _) => Some("the answers say user data is sold (sale_and_sharing.sells)".to_owned()),
        (_, Some(true), _) => Some("the answers say user data is shared for advertising (sale_and_sharing.shares_for_advertising)".to_owned()),
        (_, _, Some(true)) => Some("the answers say user data goes to data brokers (sale_and_sharing.shares_with_data_brokers)".to_owned()),
        (None, _, _) => Some("sale_and_sharing.sells is not answered".to_owned()),
        _ => None,
    };
    let unrelated = match s.unrelated_use {
        Some(false) => None,
        Some(true) => Some(
            "the answers say data is used for unrelated purposes (sale_and_sharing.unrelated_use)"
                .to_owned(),
        ),
        None => Some("sale_and_sharing.unrelated_use is not answered".to_owned()),
    };
    let lending = match a.extension.no_lending_use {
        Some(true) => None,
        Some(false) => Some("the answers say data is used for creditworthiness or lending (extension.no_lending_use)".to_owned()),
        None => Some("extension.no_lending_use is not answered".to_owned()),
    };
    [
        (
            no_transfer.is_none(),
            "I do not sell or transfer user data to third parties, outside of the approved use cases",
            no_transfer,
        ),
        (
            unrelated.is_none(),
            "I do not use or transfer user data for purposes that are unrelated to my item's single purpose",
            unrelated,
        ),
        (
            lending.is_none(),
            "I do not use or transfer user data to determine creditworthiness or for lending purposes",
            lending,
        ),
    ]
}
