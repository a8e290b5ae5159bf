//! Recipients that are not services: authorities, a buyer, affiliates, the public,
//! other users. A new one is a new recipient, and one receiving more data categories
//! receives more data: both material. A changed "when" or "what" is reported.

use super::lists::Records;
use super::materiality::{MORE_DATA, NEW_RECIPIENT};
use super::phrases::categories_phrase;
use super::section::Section;
use crate::answers::{Disclosure, ThirdPartyLinks};

/// "Authorities and courts" or "Our affiliates (Acme Group GmbH)".
fn who(d: &Disclosure) -> String {
    match &d.name {
        Some(name) if !name.trim().is_empty() => format!("{} ({name})", d.to.label()),
        _ => d.to.label().to_owned(),
    }
}

const DISCLOSURES: Records<Disclosure, (&'static str, Option<String>)> = Records {
    noun: |_| "recipient",
    key: |d| (d.to.key(), d.name.clone()),
    name: who,
    added: |_, d| (format!("{}, when {}", who(d), d.when), Some(NEW_RECIPIENT)),
    removed: None,
};

pub(super) fn disclosures(s: &mut Section) {
    let (old, new) = (s.old, s.new);
    s.records(
        &DISCLOSURES,
        &old.disclosures,
        &new.disclosures,
        |s, x, y| {
            let name = who(y);
            s.grown(
                &x.categories,
                &y.categories,
                |more| format!("{name} now also receives {}", categories_phrase(new, more)),
                |fewer| {
                    format!(
                        "{name} no longer receives {}",
                        categories_phrase(old, fewer)
                    )
                },
                Some(MORE_DATA),
            );
            if x.when != y.when || x.what != y.what {
                s.changed(format!("Reworded when or what {name} receives"), None);
            }
        },
    );
}

/// The statement that the product links to sites and services of others: said, no
/// longer said, or its examples and note changed. Never material: it describes no
/// processing of the operator's.
pub(super) fn third_party_links(s: &mut Section) {
    let said = |l: &ThirdPartyLinks| (l.stated == Some(true)).then(|| l.clone());
    let (o, n) = (
        said(&s.old.third_party_links),
        said(&s.new.third_party_links),
    );
    match (o, n) {
        (None, None) => {}
        (None, Some(l)) => {
            let mut text = "Now says the product links to other websites and services, \
                            which this policy does not cover"
                .to_owned();
            if let Some(e) = l.examples.filter(|e| !e.trim().is_empty()) {
                text.push_str(&format!(" (such as {e})"));
            }
            s.added(text, None);
        }
        (Some(_), None) => {
            s.removed("No longer says the product links to other websites and services".to_owned())
        }
        (Some(x), Some(y)) => {
            s.text("examples of linked sites", &x.examples, &y.examples);
            s.text("note on linked sites", &x.details, &y.details);
        }
    }
}
