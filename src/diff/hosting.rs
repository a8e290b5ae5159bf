//! Where data is kept and where it goes: the endpoint, data stores, data locations,
//! transfers abroad, and every country the answers send data to. Data going to a new
//! country, by whatever route, or no longer staying in its region is material.

use std::collections::{BTreeMap, BTreeSet};

use super::lists::Records;
use super::materiality::{LEAVES_REGION, NEW_COUNTRY};
use super::phrases::join_and;
use super::section::Section;
use crate::answers::values::Country;
use crate::answers::{DataStore, Transfer};
use crate::policy::Policy;

const STORES: Records<DataStore, String> = Records {
    noun: |_| "data store",
    key: |s| s.name.clone(),
    name: |s| s.name.clone(),
    added: |_, s| {
        let place = s
            .country
            .map_or(String::new(), |c| format!(", in {}", c.name_in_sentence()));
        (format!("{}, holding {}{place}", s.name, s.holds), None)
    },
    removed: None,
};

pub(super) fn hosting(s: &mut Section) {
    let (o, n) = (&s.old.hosting, &s.new.hosting);
    s.text("service endpoint", &o.endpoint, &n.endpoint);
    s.records(&STORES, &o.stores, &n.stores, |s, x, y| {
        if x != y {
            s.changed(format!("Changed data store {}", y.name), None);
        }
    });
    let names = |cs: &[Country]| cs.iter().map(|c| c.name_in_sentence()).collect::<Vec<_>>();
    let (old, new) = (names(&o.data_location), names(&n.data_location));
    s.set("data location", &old, &new, Clone::clone, None);
    match (
        o.stays_in_region == Some(true),
        n.stays_in_region == Some(true),
    ) {
        (true, false) => s.changed(
            "No longer says that personal data stays where it is hosted".to_owned(),
            Some(LEAVES_REGION),
        ),
        (false, true) => s.changed(
            "Now says that personal data stays where it is hosted".to_owned(),
            None,
        ),
        _ => {}
    }
    s.text("governing law", &o.governing_law, &n.governing_law);
    s.text(
        "how to get a copy of the transfer safeguards",
        &o.safeguards_copy,
        &n.safeguards_copy,
    );
}

const TRANSFERS: Records<Transfer, Country> = Records {
    noun: |_| "transfer",
    key: |t| t.country,
    name: |t| format!("to {}", t.country.name_in_sentence()),
    added: |_, t| {
        let under = t
            .safeguard
            .phrase()
            .map_or(String::new(), |s| format!(", under {s}"));
        (format!("to {}{under}", t.country.name_in_sentence()), None)
    },
    removed: None,
};

/// Transfers as the answers state them; that a country is new at all is
/// [`new_countries`]' to say.
pub(super) fn transfers(s: &mut Section) {
    let (o, n) = (&s.old.hosting, &s.new.hosting);
    s.records(&TRANSFERS, &o.transfers, &n.transfers, |s, x, y| {
        let to = y.country.name_in_sentence();
        s.shown(
            &format!("safeguard for transfers to {to}"),
            x.safeguard.answered(),
            y.safeguard.answered(),
        );
        if x.details != y.details {
            s.changed(format!("Reworded the transfer to {to}"), None);
        }
    });
}

/// One material change per country data now goes to and did not before.
pub(super) fn new_countries(s: &mut Section) {
    let old = countries(s.old);
    for (country, via) in countries(s.new) {
        if !old.contains_key(&country) {
            let text = format!(
                "Personal data now goes to a new country: {} (via {})",
                country.name_in_sentence(),
                join_and(&via.into_iter().collect::<Vec<_>>())
            );
            s.added(text, Some(NEW_COUNTRY));
        }
    }
}

/// Every country the answers send or keep data in, with what takes it there.
fn countries(a: &Policy) -> BTreeMap<Country, BTreeSet<String>> {
    let mut map: BTreeMap<Country, BTreeSet<String>> = BTreeMap::new();
    let mut add = |c: Country, via: String| {
        map.entry(c).or_default().insert(via);
    };
    if let Some(c) = a.organization.country {
        add(c, a.organization.product_name.clone());
    }
    for &c in &a.hosting.data_location {
        add(c, "our hosting".to_owned());
    }
    for s in &a.hosting.stores {
        if let Some(c) = s.country {
            add(c, s.name.clone());
        }
    }
    for t in &a.hosting.transfers {
        add(t.country, "a transfer".to_owned());
    }
    // Software we run ourselves sends its maker nothing, wherever the maker is.
    for p in a.processors.iter().filter(|p| p.receives_data()) {
        for &c in &p.countries {
            add(c, p.name.to_string());
        }
    }
    map
}
