//! Lists in the answers compared entry by entry: plain sets of values, and records
//! (processors, data categories, rules, cookies, ...) matched by a key.
//!
//! Every kind of record is diffed the same way: added entries first (in the new
//! order), then removed ones (in the old order), then the entries in both lists
//! compared field by field. A [`Records`] table says how one kind is matched and named;
//! only the field comparisons differ from kind to kind, so they stay with the area.

use std::collections::HashMap;
use std::hash::Hash;

use super::section::Section;
use crate::policy::Policy;

/// How one kind of record is matched between two lists and named in a change.
pub(super) struct Records<T, K> {
    /// What a record is called: "processor", "data category" (a cookie's storage kind).
    pub noun: fn(&T) -> &'static str,
    /// What identifies a record across versions: an id, a name, a country.
    pub key: fn(&T) -> K,
    /// A removed record, after "Removed {noun}: ".
    pub name: fn(&T) -> String,
    /// A new record, after "Added {noun}: ", described with the new answers, and the
    /// rule that makes adding it material.
    pub added: fn(&Policy, &T) -> (String, Option<&'static str>),
    /// The rule that makes removing a record material: only rights have one.
    pub removed: Option<&'static str>,
}

/// Fields reported by name only ("Changed processor X: name, role"): never material.
pub(super) type Fields<T> = &'static [(&'static str, fn(&T, &T) -> bool)];

/// The names of the `fields` that differ between `x` and `y`, in the table's order.
pub(super) fn differing<T>(fields: Fields<T>, x: &T, y: &T) -> Vec<&'static str> {
    fields
        .iter()
        .filter(|(_, differs)| differs(x, y))
        .map(|(name, _)| *name)
        .collect()
}

/// The items of `new` that `old` does not have, in `new`'s order.
pub(super) fn gained<T: PartialEq + Clone>(old: &[T], new: &[T]) -> Vec<T> {
    new.iter().filter(|x| !old.contains(x)).cloned().collect()
}

/// Items of two lists matched by key: (only in new, only in old, in both as (old, new)).
/// Each list is indexed once, so matching is linear; of two items with one key, the
/// first is the one matched.
#[allow(clippy::type_complexity)]
fn keyed<'a, T, K: Eq + Hash>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>) {
    let index = |items: &'a [T]| {
        let mut map: HashMap<K, &'a T> = HashMap::with_capacity(items.len());
        for item in items {
            map.entry(key(item)).or_insert(item);
        }
        map
    };
    let (old_by_key, new_by_key) = (index(old), index(new));
    let mut added = Vec::new();
    let mut both = Vec::new();
    for n in new {
        match old_by_key.get(&key(n)) {
            Some(o) => both.push((*o, n)),
            None => added.push(n),
        }
    }
    let removed = old
        .iter()
        .filter(|o| !new_by_key.contains_key(&key(o)))
        .collect();
    (added, removed, both)
}

impl Section<'_> {
    /// Two lists of records: added, removed, then `changed` for each record in both.
    pub fn records<T, K: Eq + Hash>(
        &mut self,
        kind: &Records<T, K>,
        old: &[T],
        new: &[T],
        mut changed: impl FnMut(&mut Self, &T, &T),
    ) {
        let (added, removed, both) = keyed(old, new, kind.key);
        for x in added {
            let (text, reason) = (kind.added)(self.new, x);
            self.added(format!("Added {}: {text}", (kind.noun)(x)), reason);
        }
        for x in removed {
            let text = format!("Removed {}: {}", (kind.noun)(x), (kind.name)(x));
            self.push(super::Kind::Removed, text, kind.removed);
        }
        for (x, y) in both {
            changed(self, x, y);
        }
    }

    /// Items compared as a set: added ones (material with `reason`), then removed ones.
    pub fn set<T: PartialEq>(
        &mut self,
        what: &str,
        old: &[T],
        new: &[T],
        label: impl Fn(&T) -> String,
        reason: Option<&'static str>,
    ) {
        for x in new.iter().filter(|x| !old.contains(x)) {
            self.added(format!("Added {what}: {}", label(x)), reason);
        }
        for x in old.iter().filter(|x| !new.contains(x)) {
            self.removed(format!("Removed {what}: {}", label(x)));
        }
    }

    /// What a record now also has (material with `reason`) and no longer has, each as
    /// one sentence naming all of them.
    pub fn grown<T: PartialEq + Clone>(
        &mut self,
        old: &[T],
        new: &[T],
        more: impl FnOnce(&[T]) -> String,
        fewer: impl FnOnce(&[T]) -> String,
        reason: Option<&'static str>,
    ) {
        let gain = gained(old, new);
        if !gain.is_empty() {
            self.changed(more(&gain), reason);
        }
        let loss = gained(new, old);
        if !loss.is_empty() {
            self.changed(fewer(&loss), None);
        }
    }
}
