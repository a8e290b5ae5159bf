//! Clearing one field of a list entry by its JSON key, without going through JSON,
//! and putting it back.
//!
//! The policy's resolution leaves out fields whose question does not apply to their
//! entry (`policy::without_stale_fields`). Doing it through JSON (serialise the
//! entry, remove the key, read it back) cost most of a `diff` of two files of 5,000
//! data categories once a change of regions made one field of each stale. The
//! fields asked under a condition are listed here per entry type; clearing one sets
//! what reading the entry without it gives (its serde default), which
//! `tests::clearing_a_field_equals_reading_the_entry_without_it` holds for every one.
//! A field not listed is still cleared, through JSON.
//!
//! A cleared field is taken out, not dropped, so that answers lent to a policy
//! (`Policy::lend`) can be given back as they were: the wizard prunes its own
//! answers in place for each preview rather than copying all of them.

use std::any::Any;

use super::{DataCategory, Processor, Purpose, RetentionRule, StoreCategory};

/// A field's value taken out of its entry, to be put back by the same key.
pub type Taken = Box<dyn Any + Send + Sync>;

/// An entry whose conditional fields can be cleared by key.
pub trait ClearField {
    /// The keys [`ClearField::take_field`] knows.
    const CLEARABLE: &'static [&'static str];

    /// Takes out the field with this JSON key, leaving its default; `None`, and
    /// nothing changed, for a key not in [`ClearField::CLEARABLE`].
    fn take_field(&mut self, key: &str) -> Option<Taken>;

    /// Puts back a value [`ClearField::take_field`] took out by this key. A value of
    /// another field's type is not put anywhere (it cannot come from `take_field`).
    fn put_field(&mut self, key: &str, taken: Taken);
}

macro_rules! clearable {
    ($($ty:ty { $($key:ident),+ $(,)? })+) => {
        $(impl ClearField for $ty {
            const CLEARABLE: &'static [&'static str] = &[$(stringify!($key)),+];

            fn take_field(&mut self, key: &str) -> Option<Taken> {
                match key {
                    $(stringify!($key) => Some(Box::new(std::mem::take(&mut self.$key))),)+
                    _ => None,
                }
            }

            fn put_field(&mut self, key: &str, taken: Taken) {
                match key {
                    $(stringify!($key) => {
                        if let Ok(value) = taken.downcast() {
                            self.$key = *value;
                        }
                    })+
                    _ => {}
                }
            }
        })+
    };
}

clearable! {
    DataCategory {
        source_name,
        if_not_provided,
        special_category,
        art9_condition,
        ccpa_sensitive,
        ccpa_category,
        encrypted_locally,
    }
    Purpose {
        legal_basis,
        consent_for,
        contract_for,
        legal_obligation_for,
        vital_interests_for,
        public_task_for,
        legitimate_interests_for,
        recognised_legitimate_interest_for,
        legitimate_interest,
    }
    Processor { proxy_removes, safeguard }
    RetentionRule { after, up_to, rolling }
    StoreCategory {
        on_device_only,
        ephemeral,
        shared,
        linked_to_user,
        tracking,
        uses,
        play,
        apple,
        chrome,
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::*;

    /// Clearing (taking out) each listed field of each entry of every example gives
    /// the entry that reading its JSON without that key gives, and putting it back
    /// gives the entry as it was.
    fn holds_for<T>(name: &str, entries: &[T])
    where
        T: ClearField + Serialize + DeserializeOwned + Clone + PartialEq + std::fmt::Debug,
    {
        for entry in entries {
            for key in T::CLEARABLE {
                let mut cleared = entry.clone();
                let taken = cleared.take_field(key).expect("listed");
                let mut json = serde_json::to_value(entry).unwrap();
                if let Value::Object(map) = &mut json {
                    assert!(map.remove(*key).is_some() || !json_has(entry, key), "{key}");
                }
                let read: T = serde_json::from_value(json).unwrap();
                assert_eq!(cleared, read, "{name}: {key}");
                cleared.put_field(key, taken);
                assert_eq!(&cleared, entry, "{name}: {key} put back");
            }
            assert!(entry.clone().take_field("id").is_none(), "not listed");
        }
    }

    fn json_has<T: Serialize>(entry: &T, key: &str) -> bool {
        serde_json::to_value(entry).unwrap().get(key).is_some()
    }

    #[test]
    fn clearing_a_field_equals_reading_the_entry_without_it() {
        for (name, a) in crate::examples::examples() {
            holds_for(&name, &a.data.categories);
            holds_for(&name, &a.purposes);
            holds_for(&name, &a.processors);
            holds_for(&name, &a.retention.rules);
            holds_for(&name, &a.stores.categories);
        }
    }
}
