//! Processor records made from catalog entries: what picking an entry in an
//! interview fills in, and the records a scan offers to add.

use serde_json::{Map, Value};

use super::Entry;

/// Fills what a processor record takes from a catalog entry when it is picked (id,
/// name, role, purpose: the answers every recipient needs), keeping whatever the
/// record already says. The rest (company, countries, links) stays unanswered and is
/// filled in from the catalog when the policy is rendered, so a catalog update
/// reaches the policy; the interviews show it as those fields' defaults
/// ([`super::defaults`]).
pub fn prefill(record: &mut Map<String, Value>, entry: &Entry) {
    for (key, value) in [
        ("id", entry.id.as_str()),
        ("name", entry.name.as_str()),
        ("role", entry.role.key()),
        ("purpose", entry.used_for.as_str()),
    ] {
        record
            .entry(key.to_owned())
            .or_insert_with(|| Value::from(value));
    }
}

/// A new processor record referring to `entry`, with an id not in `taken` (the
/// entry's own id, else `<id>_2`, `<id>_3`...).
pub fn reference(entry: &Entry, taken: &[String]) -> Value {
    let id = std::iter::once(entry.id.clone())
        .chain((2..).map(|n| format!("{}_{n}", entry.id)))
        .find(|id| !taken.contains(id))
        .expect("some id is free");
    let mut record = Map::new();
    record.insert("catalog".to_owned(), Value::from(entry.id.as_str()));
    record.insert("id".to_owned(), Value::from(id));
    prefill(&mut record, entry);
    Value::Object(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::answers::set::set_value;
    use crate::catalog::Catalog;

    #[test]
    fn a_reference_is_a_valid_record_with_a_free_id() {
        let catalog = Catalog::builtin();
        let stripe = catalog.get("stripe").unwrap();
        let answers = Answers::default();
        let first = reference(stripe, &[]);
        assert_eq!(first["id"], "stripe");
        assert_eq!(first["catalog"], "stripe");
        assert_eq!(first["name"], "Stripe");
        let answers = set_value(&answers, "processors", Value::Array(vec![first])).unwrap();
        assert!(crate::answers::set::problems_at(&answers, &["processors"]).is_empty());
        assert_eq!(reference(stripe, &["stripe".to_owned()])["id"], "stripe_2");
    }

    #[test]
    fn prefill_keeps_what_was_typed() {
        let catalog = Catalog::builtin();
        let mut record = Map::new();
        record.insert("name".to_owned(), Value::from("Stripe Billing"));
        prefill(&mut record, catalog.get("stripe").unwrap());
        assert_eq!(record["name"], "Stripe Billing");
        assert_eq!(record["role"], "payments");
    }
}
