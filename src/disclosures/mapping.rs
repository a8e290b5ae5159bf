//! Each store's fixed list of data types and purposes, and the built-in mapping of
//! common data-category ids onto them: `assets/store_data_types.json`, embedded.
//!
//! Data, not code, so a store's new data type or a better default is a one-line
//! change a reviewer can check against the store's documentation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::answers::StoreCategory;
use crate::answers::vocab::StoreUse;

/// One of the stores whose form policywright writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    Play,
    Apple,
    Chrome,
}

impl Store {
    /// The key of a category's override in the answers (`stores.categories[].play`).
    pub fn key(self) -> &'static str {
        match self {
            Store::Play => "play",
            Store::Apple => "apple",
            Store::Chrome => "chrome",
        }
    }

    /// The store's name as a reader knows it.
    pub fn name(self) -> &'static str {
        match self {
            Store::Play => "Google Play",
            Store::Apple => "the App Store",
            Store::Chrome => "the Chrome Web Store",
        }
    }
}

/// One data type of a store's fixed list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataType {
    /// policywright's key for it, used in the answers' overrides.
    pub key: String,
    /// The store's machine-readable id (Play's response id, Apple's category id).
    #[serde(default)]
    pub id: String,
    /// Play's question id for the group the type belongs to.
    #[serde(default)]
    pub group_id: String,
    /// The group's name in the form ("Personal info").
    #[serde(default)]
    pub group: String,
    /// The type's name in the form ("Email address").
    pub label: String,
}

/// What a [`StoreUse`] is in one store's list of purposes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub key: StoreUse,
    pub id: String,
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreList {
    pub types: Vec<DataType>,
    #[serde(default)]
    pub uses: Vec<Purpose>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    play: Vec<String>,
    apple: Vec<String>,
    chrome: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Mapping {
    pub play: StoreList,
    pub apple: StoreList,
    pub chrome: StoreList,
    categories: BTreeMap<String, Defaults>,
}

/// The embedded mapping, parsed once.
pub fn mapping() -> &'static Mapping {
    static MAPPING: LazyLock<Mapping> = LazyLock::new(|| {
        serde_json::from_str(include_str!("../../assets/store_data_types.json"))
            .expect("assets/store_data_types.json is valid (a test parses it)")
    });
    &MAPPING
}

/// A category's data types in one store: the ones it maps to, and any key of an
/// override that the store's list does not have.
pub struct Mapped {
    pub types: Vec<&'static DataType>,
    pub unknown: Vec<String>,
}

impl Mapping {
    pub fn list(&self, store: Store) -> &StoreList {
        match store {
            Store::Play => &self.play,
            Store::Apple => &self.apple,
            Store::Chrome => &self.chrome,
        }
    }

    /// The data types category `id` is in `store`'s form: the answers' override when
    /// it names any, else the built-in mapping of the id (none for an id it lacks).
    pub fn types(&'static self, store: Store, id: &str, facts: Option<&StoreCategory>) -> Mapped {
        let overridden = facts
            .map(|f| match store {
                Store::Play => &f.play,
                Store::Apple => &f.apple,
                Store::Chrome => &f.chrome,
            })
            .filter(|keys| !keys.is_empty());
        let keys: &[String] = match overridden {
            Some(keys) => keys,
            None => self.categories.get(id).map_or(&[], |d| match store {
                Store::Play => &d.play[..],
                Store::Apple => &d.apple[..],
                Store::Chrome => &d.chrome[..],
            }),
        };
        let list = self.list(store);
        let mut types = Vec::new();
        let mut unknown = Vec::new();
        for key in keys {
            match list.types.iter().find(|t| &t.key == key) {
                Some(t) => types.push(t),
                None => unknown.push(key.clone()),
            }
        }
        Mapped { types, unknown }
    }

    /// What `uses` are in `store`'s purposes, each once, in the store's order.
    pub fn purposes(&'static self, store: Store, uses: &[StoreUse]) -> Vec<&'static Purpose> {
        let mut out: Vec<&Purpose> = Vec::new();
        for p in &self.list(store).uses {
            if uses.contains(&p.key) && !out.iter().any(|o| o.id == p.id) {
                out.push(p);
            }
        }
        out
    }

    /// The uses `store` has no purpose for (Play has no "other").
    pub fn unmapped_uses(&self, store: Store, uses: &[StoreUse]) -> Vec<StoreUse> {
        uses.iter()
            .copied()
            .filter(|u| !self.list(store).uses.iter().any(|p| p.key == *u))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The asset parses, every default names a type its store lists, keys are
    /// unique, and every use has a Play or an Apple purpose.
    #[test]
    fn the_mapping_is_consistent() {
        let m = mapping();
        for store in [Store::Play, Store::Apple, Store::Chrome] {
            let list = m.list(store);
            let mut keys: Vec<&str> = list.types.iter().map(|t| t.key.as_str()).collect();
            keys.sort_unstable();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{store:?} has a key twice");
            for id in m.categories.keys() {
                let mapped = m.types(store, id, None);
                assert!(
                    mapped.unknown.is_empty(),
                    "{id} in {store:?}: {:?}",
                    mapped.unknown
                );
                assert!(
                    !mapped.types.is_empty(),
                    "{id} maps to nothing in {store:?}"
                );
            }
        }
        for u in StoreUse::ALL {
            assert!(
                m.apple.uses.iter().any(|p| p.key == *u),
                "{u:?} has no Apple purpose"
            );
        }
        assert_eq!(
            m.play.types.len(),
            38,
            "Play's Data safety form lists 38 data types"
        );
    }

    #[test]
    fn an_override_replaces_the_default_and_unknown_keys_are_reported() {
        let m = mapping();
        let facts = StoreCategory {
            category: "account".into(),
            play: vec!["email_address".into(), "e-mail".into()],
            ..StoreCategory::default()
        };
        let mapped = m.types(Store::Play, "account", Some(&facts));
        let ids: Vec<&str> = mapped.types.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["PSL_EMAIL"]);
        assert_eq!(mapped.unknown, ["e-mail"]);
        let default = m.types(Store::Apple, "account", Some(&facts));
        assert_eq!(default.types.len(), 3, "Apple keeps the built-in mapping");
    }
}
