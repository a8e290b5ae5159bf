//! The vendored Tera's own map (`vendor/tera/src/value/map.rs`, see its PATCHED.md),
//! tested here because `cargo test` tests this package, not the vendored one: its
//! tests are copied from that file, less the one reading the map's private index.
//! Every policy's template context is made of these maps, so a map that lost a key
//! or an order would change what the policy says.

use std::sync::Arc;

use tera::value::Key;
use tera::{Map, Value};

/// From this many entries the map keeps a hash index (`INDEX_FROM` there).
const INDEX_FROM: usize = 32;

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
