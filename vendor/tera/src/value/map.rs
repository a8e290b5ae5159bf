//! policywright's patch (PATCHED.md): Tera's own map for `Value` maps and structs.
//!
//! Upstream's `Map` is a `HashMap<Key, Value>`: a struct of 17 fields became a table of
//! 32 buckets of 64 bytes plus control bytes, about 2.1 KB, and a render of a large
//! policy makes thousands of them (issue 17). This map keeps its entries in a `Vec` in
//! insertion order, exactly sized when the size is known, and finds a key by scanning
//! them while the map is small. From [`INDEX_FROM`] entries on it also keeps a hash index
//! (slot -> entry) so that lookups and inserts in large maps stay O(1) on average.
//!
//! Iteration is in insertion order (deterministic, unlike the `HashMap` it replaces).
//! Equality does not depend on order, as it did not for the `HashMap`.

use std::fmt;
use std::hash::BuildHasher;

use super::{Key, Value};

/// Below this many entries, a key is found by a linear scan and no index is kept.
/// Comparing a key is a length check and, rarely, a short `memcmp`: cheaper than hashing
/// it while the map is this small, and most maps (structs, kwargs) are.
const INDEX_FROM: usize = 32;

#[cfg(feature = "fast_hash")]
type IndexHasher = ahash::RandomState;
#[cfg(not(feature = "fast_hash"))]
type IndexHasher = std::collections::hash_map::RandomState;

/// Open addressing with linear probing: each slot holds an entry's position plus one
/// (0 is empty). The slot count is a power of two at least twice the entries, so a probe
/// always ends on an empty slot. Entries are never removed, so there are no tombstones.
#[derive(Clone)]
struct Index {
    hasher: IndexHasher,
    slots: Box<[u32]>,
}

impl Index {
    /// An index of `entries`, with room for as many again.
    fn build(entries: &[(Key<'static>, Value)]) -> Self {
        let slots = (entries.len() * 2).next_power_of_two();
        let mut index = Index {
            hasher: IndexHasher::default(),
            slots: vec![0; slots].into_boxed_slice(),
        };
        for (pos, (key, _)) in entries.iter().enumerate() {
            index.put(key, pos);
        }
        index
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    fn start(&self, key: &Key<'_>) -> usize {
        BuildHasher::hash_one(&self.hasher, key) as usize & self.mask()
    }

    /// Where `key` is among `entries`, by the index.
    fn find(&self, entries: &[(Key<'static>, Value)], key: &Key<'_>) -> Option<usize> {
        let mut slot = self.start(key);
        loop {
            match self.slots[slot] {
                0 => return None,
                s if entries[s as usize - 1].0 == *key => return Some(s as usize - 1),
                _ => slot = (slot + 1) & self.mask(),
            }
        }
    }

    /// Records that entry `pos` holds `key`, which the index does not hold yet.
    fn put(&mut self, key: &Key<'_>, pos: usize) {
        let mut slot = self.start(key);
        while self.slots[slot] != 0 {
            slot = (slot + 1) & self.mask();
        }
        self.slots[slot] = u32::try_from(pos + 1).expect("a map of fewer than 2^32 entries");
    }
}

/// The map of Tera's values (maps and structs): keys in insertion order.
#[derive(Clone, Default)]
pub struct Map {
    entries: Vec<(Key<'static>, Value)>,
    /// Present once the map has [`INDEX_FROM`] entries or more.
    index: Option<Box<Index>>,
}

impl Map {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        Map {
            entries: Vec::with_capacity(capacity),
            index: None,
        }
    }

    /// How many entries the map has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Room for at least `additional` more entries.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
    }

    fn position(&self, key: &Key<'_>) -> Option<usize> {
        match (&self.index, key.as_str()) {
            (Some(index), _) => index.find(&self.entries, key),
            // Nearly all keys are strings: compare them here rather than through `Key`'s
            // `PartialEq`, which is not inlined (about 1% of a large render's instructions
            // went there while serialising structs, each field checked against the others).
            (None, Some(key)) => self.scan_str(key),
            (None, None) => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    /// Where the string key `key` is, by a linear scan.
    #[inline]
    fn scan_str(&self, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|(k, _)| k.as_str() == Some(key))
    }

    /// The value of `key`, if the map has it.
    pub fn get(&self, key: &Key<'_>) -> Option<&Value> {
        self.position(key).map(|pos| &self.entries[pos].1)
    }

    /// The value of the string key `key`, if the map has it.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        match &self.index {
            Some(index) => index.find(&self.entries, &Key::Str(key)),
            None => self.scan_str(key),
        }
        .map(|pos| &self.entries[pos].1)
    }

    /// A mutable reference to the value of `key`, if the map has it.
    pub fn get_mut(&mut self, key: &Key<'_>) -> Option<&mut Value> {
        self.position(key).map(|pos| &mut self.entries[pos].1)
    }

    /// Whether the map has `key`.
    pub fn contains_key(&self, key: &Key<'_>) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`. A key already there keeps its place and its first spelling
    /// (as `HashMap::insert` keeps the key) and the old value is returned; a new key goes
    /// last.
    pub fn insert(&mut self, key: Key<'static>, value: Value) -> Option<Value> {
        if let Some(pos) = self.position(&key) {
            return Some(std::mem::replace(&mut self.entries[pos].1, value));
        }
        let pos = self.entries.len();
        self.entries.push((key, value));
        match &mut self.index {
            Some(index) if (pos + 1) * 2 <= index.slots.len() => {
                index.put(&self.entries[pos].0, pos)
            }
            _ if pos + 1 >= INDEX_FROM => self.index = Some(Box::new(Index::build(&self.entries))),
            _ => {}
        }
        None
    }

    /// Sets `key` to `value` unless the map has `key` already (what
    /// `entry(key).or_insert(value)` did); whether it was set.
    pub fn insert_if_absent(&mut self, key: Key<'static>, value: Value) -> bool {
        if self.contains_key(&key) {
            return false;
        }
        self.insert(key, value);
        true
    }

    /// The entries, in insertion order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    /// The keys, in insertion order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Key<'static>> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in insertion order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl PartialEq for Map {
    /// Same keys with equal values, whatever their order (as for a `HashMap`).
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(k, v)| other.get(k).is_some_and(|other_v| other_v == v))
    }
}

impl Eq for Map {}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// An iterator over a map's entries, in insertion order.
#[derive(Clone, Debug)]
pub struct Iter<'a>(std::slice::Iter<'a, (Key<'static>, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Key<'static>, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Key<'static>, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for Map {
    type Item = (Key<'static>, Value);
    type IntoIter = std::vec::IntoIter<(Key<'static>, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Extend<(Key<'static>, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Key<'static>, Value)>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl FromIterator<(Key<'static>, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Key<'static>, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn key(i: usize) -> Key<'static> {
        Key::String(Arc::from(format!("key{i}")))
    }

    fn map_of(n: usize) -> Map {
        (0..n).map(|i| (key(i), Value::from(i))).collect()
    }

    #[test]
    fn insert_get_and_replace_in_place() {
        let mut map = Map::new();
        assert!(map.is_empty());
        assert_eq!(map.insert(Key::Str("b"), Value::from(1)), None);
        assert_eq!(map.insert(Key::Str("a"), Value::from(2)), None);
        assert_eq!(map.insert(Key::U64(3), Value::from(3)), None);
        // A key already there keeps its place; the old value comes back.
        assert_eq!(
            map.insert(Key::String(Arc::from("b")), Value::from(10)),
            Some(Value::from(1))
        );
        assert_eq!(map.len(), 3);
        assert_eq!(map.get(&Key::Str("b")), Some(&Value::from(10)));
        assert_eq!(map.get_str("a"), Some(&Value::from(2)));
        assert_eq!(map.get_str("c"), None);
        // Numbers are found by value, whatever their width and sign, as `Key`'s `Eq` says.
        assert_eq!(map.get(&Key::I64(3)), Some(&Value::from(3)));
        assert!(map.contains_key(&Key::U128(Box::new(3))));
        assert!(!map.contains_key(&Key::Bool(true)));
        let keys: Vec<String> = map.keys().map(|k| k.to_string()).collect();
        assert_eq!(keys, ["b", "a", "3"]);
        let values: Vec<&Value> = map.values().collect();
        assert_eq!(values, [&Value::from(10), &Value::from(2), &Value::from(3)]);
        *map.get_mut(&Key::Str("a")).unwrap() = Value::from(20);
        assert_eq!(map.get_str("a"), Some(&Value::from(20)));
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn entries_are_48_bytes() {
        // Key 24 bytes aligned on 8 (its 128-bit variants boxed), Value 24, a map 32.
        assert_eq!(std::mem::size_of::<Key<'static>>(), 24);
        assert_eq!(std::mem::size_of::<(Key<'static>, Value)>(), 48);
        assert_eq!(std::mem::size_of::<Map>(), 32);
    }

    #[test]
    fn small_maps_have_no_index_and_large_ones_do() {
        assert!(map_of(INDEX_FROM - 1).index.is_none());
        assert!(map_of(INDEX_FROM).index.is_some());
        // A size hint does not build the index early.
        let mut map = Map::with_capacity(1000);
        map.insert(key(0), Value::from(0));
        assert!(map.index.is_none());
    }

    #[test]
    fn large_maps_find_every_key_and_keep_insertion_order() {
        for n in [INDEX_FROM - 1, INDEX_FROM, INDEX_FROM + 1, 100, 1000, 5000] {
            let mut map = map_of(n);
            assert_eq!(map.len(), n);
            for i in 0..n {
                assert_eq!(map.get(&key(i)), Some(&Value::from(i)), "key{i} of {n}");
                assert_eq!(map.get_str(&format!("key{i}")), Some(&Value::from(i)));
            }
            assert_eq!(map.get(&key(n)), None);
            assert_eq!(map.get_str("key"), None);
            let order: Vec<Key<'static>> = map.keys().cloned().collect();
            assert_eq!(order, (0..n).map(key).collect::<Vec<_>>());
            // Replacing in a large map keeps the place and the size.
            assert_eq!(
                map.insert(Key::Str("key0"), Value::from("zero")),
                Some(Value::from(0))
            );
            assert_eq!(map.len(), n);
            assert_eq!(map.iter().next(), Some((&key(0), &Value::from("zero"))));
            assert_eq!(map.get_str("key0"), Some(&Value::from("zero")));
            // Number keys hash by value too, whatever their width and sign.
            map.insert(Key::U64(7), Value::from("seven"));
            assert_eq!(map.get(&Key::I64(7)), Some(&Value::from("seven")));
            assert_eq!(
                map.get(&Key::U128(Box::new(7))),
                Some(&Value::from("seven"))
            );
            assert_eq!(map.get(&Key::I64(-7)), None);
            assert_eq!(map.len(), n + 1);
        }
    }

    #[test]
    fn equality_does_not_depend_on_order() {
        for n in [3, 40] {
            let forward = map_of(n);
            let backward: Map = (0..n).rev().map(|i| (key(i), Value::from(i))).collect();
            assert_eq!(forward, backward);
            let mut other = map_of(n);
            other.insert(key(1), Value::from("changed"));
            assert_ne!(forward, other);
            let mut longer = map_of(n);
            longer.insert(key(n), Value::from(n));
            assert_ne!(forward, longer);
            assert_ne!(longer, forward);
        }
        assert_eq!(Map::new(), Map::default());
    }

    #[test]
    fn into_iter_extend_clone_and_debug() {
        let map = map_of(40);
        let copy = map.clone();
        assert_eq!(copy.get(&key(39)), Some(&Value::from(39)));
        let pairs: Vec<(Key<'static>, Value)> = copy.into_iter().collect();
        assert_eq!(pairs.len(), 40);
        assert_eq!(pairs[39], (key(39), Value::from(39)));
        let mut small = map_of(2);
        small.extend([(key(1), Value::from("one")), (key(2), Value::from(2))]);
        assert_eq!(
            format!("{small:?}"),
            r#"{String("key0"): U64(0), String("key1"): String("one"), String("key2"): I64(2)}"#
        );
        let borrowed: Vec<&Value> = (&small).into_iter().map(|(_, v)| v).collect();
        assert_eq!(borrowed.len(), 3);
    }
}
