//! What a save remembers of the answers it wrote: a fingerprint of each answer,
//! enough to tell later which answers an interview changed and which another program
//! changed, without keeping a second copy of answers that can run to megabytes.
//!
//! The fingerprint has the shape of the answers' JSON down to the answers
//! [`super::merge3`] merges one by one: an object is its members; anything else (a
//! string, a number, a whole list) is the SHA-256 of its compact JSON. It is made by
//! serialising the answers straight into the hash, never into a JSON value.

use std::io;

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::Value;
use sha2::{Digest as _, Sha256};

/// Stops the serialiser: the value is not a JSON object.
use crate::answers::stop::Stop as NotObject;

/// The fingerprint of one value: see the module's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fingerprint {
    /// An object, by member, in the order they were written.
    Object(Vec<(String, Fingerprint)>),
    /// Anything else, by the SHA-256 of its compact JSON.
    Leaf([u8; 32]),
}

impl Fingerprint {
    /// The fingerprint of `value` as `serde_json::to_value` would give it.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Fingerprint {
        match value.serialize(Members) {
            Ok(members) => Fingerprint::Object(members),
            Err(_) => Fingerprint::Leaf(hash_json(value)),
        }
    }

    /// The member `key` of an object; a member that is not there reads as `null`,
    /// as the merge reads it.
    pub fn member(&self, key: &str) -> Fingerprint {
        match self {
            Fingerprint::Object(members) => members.iter().find(|(k, _)| k == key).map_or_else(
                || Fingerprint::Leaf(hash_json(&Value::Null)),
                |(_, d)| d.clone(),
            ),
            Fingerprint::Leaf(_) => Fingerprint::Leaf(hash_json(&Value::Null)),
        }
    }

    /// Whether `value` is the value this is the fingerprint of (members in any order,
    /// as JSON objects compare).
    pub fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Fingerprint::Object(members), Value::Object(map)) => {
                members.len() == map.len()
                    && members
                        .iter()
                        .all(|(k, d)| map.get(k).is_some_and(|v| d.matches(v)))
            }
            (Fingerprint::Leaf(hash), value) => !value.is_object() && *hash == hash_json(value),
            (Fingerprint::Object(_), _) => false,
        }
    }
}

fn hash_json<T: Serialize + ?Sized>(value: &T) -> [u8; 32] {
    let mut hasher = Hashing(Sha256::new());
    serde_json::to_writer(&mut hasher, value).expect("answers serialise to JSON");
    hasher.0.finalize().into()
}

/// Writes into a hash instead of memory.
struct Hashing(Sha256);

impl io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A serialiser that gives the members of an object, each as its fingerprint, and
/// stops at once ([`NotObject`]) for anything else, which [`Fingerprint::of`] then hashes.
struct Members;

type List = Vec<(String, Fingerprint)>;

/// Collects an object's members; a struct variant's are wrapped in its name, as
/// JSON writes `{"Variant": {...}}`.
struct Collect {
    members: List,
    variant: Option<&'static str>,
    key: Option<String>,
}

impl Collect {
    fn new(variant: Option<&'static str>) -> Collect {
        Collect {
            members: Vec::new(),
            variant,
            key: None,
        }
    }

    fn done(self) -> List {
        match self.variant {
            Some(name) => vec![(name.to_owned(), Fingerprint::Object(self.members))],
            None => self.members,
        }
    }
}

macro_rules! not_object {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self $(, _: $arg)*) -> Result<List, NotObject> { Err(NotObject) })*
    };
}

impl ser::Serializer for Members {
    type Ok = List;
    type Error = NotObject;
    type SerializeSeq = Impossible<List, NotObject>;
    type SerializeTuple = Impossible<List, NotObject>;
    type SerializeTupleStruct = Impossible<List, NotObject>;
    type SerializeTupleVariant = Impossible<List, NotObject>;
    type SerializeMap = Collect;
    type SerializeStruct = Collect;
    type SerializeStructVariant = Collect;

    not_object!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<List, NotObject> {
        value.serialize(Members)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<List, NotObject> {
        value.serialize(Members)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<List, NotObject> {
        Ok(vec![(variant.to_owned(), Fingerprint::of(value))])
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotObject> {
        Err(NotObject)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotObject> {
        Err(NotObject)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotObject> {
        Err(NotObject)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotObject> {
        Err(NotObject)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Collect, NotObject> {
        Ok(Collect::new(None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Collect, NotObject> {
        Ok(Collect::new(None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Collect, NotObject> {
        Ok(Collect::new(Some(variant)))
    }
}

impl ser::SerializeStruct for Collect {
    type Ok = List;
    type Error = NotObject;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotObject> {
        self.members.push((key.to_owned(), Fingerprint::of(value)));
        Ok(())
    }

    fn end(self) -> Result<List, NotObject> {
        Ok(self.done())
    }
}

impl ser::SerializeStructVariant for Collect {
    type Ok = List;
    type Error = NotObject;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotObject> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<List, NotObject> {
        Ok(self.done())
    }
}

impl ser::SerializeMap for Collect {
    type Ok = List;
    type Error = NotObject;

    /// A key as JSON writes it: a string as it is, anything else as its text.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotObject> {
        self.key = Some(match serde_json::to_value(key).map_err(|_| NotObject)? {
            Value::String(s) => s,
            other => other.to_string(),
        });
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotObject> {
        let key = self.key.take().ok_or(NotObject)?;
        self.members.push((key, Fingerprint::of(value)));
        Ok(())
    }

    fn end(self) -> Result<List, NotObject> {
        Ok(self.done())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;

    /// The fingerprint as it would be made from the answers' JSON value, the slow way
    /// this module avoids.
    fn of_value(value: &Value) -> Fingerprint {
        match value {
            Value::Object(map) => {
                Fingerprint::Object(map.iter().map(|(k, v)| (k.clone(), of_value(v))).collect())
            }
            other => Fingerprint::Leaf(hash_json(other)),
        }
    }

    #[test]
    fn serialising_into_the_hash_gives_the_fingerprint_of_the_json_value() {
        let mut cases: Vec<(String, Answers)> = crate::examples::examples();
        cases.push(("the empty draft".into(), Answers::default()));
        for (name, answers) in cases {
            let value = answers.to_value();
            assert_eq!(Fingerprint::of(&answers), of_value(&value), "{name}");
            assert!(Fingerprint::of(&answers).matches(&value), "{name}");
        }
    }

    #[test]
    fn a_changed_answer_changes_its_fingerprint_and_only_its_own() {
        let a = Answers::example("acme");
        let mut b = a.clone();
        b.organization.product_name.push_str(" Pro");
        let (da, db) = (Fingerprint::of(&a), Fingerprint::of(&b));
        assert_ne!(da, db);
        assert_ne!(da.member("organization"), db.member("organization"));
        assert_eq!(da.member("data"), db.member("data"));
        assert!(!da.matches(&b.to_value()));
        assert!(db.matches(&b.to_value()));
    }

    #[test]
    fn a_missing_member_reads_as_null() {
        let d = Fingerprint::of(&serde_json::json!({ "a": 1 }));
        assert!(d.member("b").matches(&Value::Null));
        assert!(!d.member("a").matches(&Value::Null));
        assert!(d.member("a").matches(&serde_json::json!(1)));
    }

    #[test]
    fn members_match_in_any_order_but_not_with_one_more_or_less() {
        let d = Fingerprint::of(&serde_json::json!({ "a": 1, "b": [2] }));
        assert!(d.matches(&serde_json::json!({ "b": [2], "a": 1 })));
        assert!(!d.matches(&serde_json::json!({ "a": 1 })));
        assert!(!d.matches(&serde_json::json!({ "a": 1, "b": [2], "c": null })));
        assert!(!d.matches(&serde_json::json!([1])));
    }

    #[test]
    fn variants_are_wrapped_in_their_name_as_json_writes_them() {
        #[derive(Serialize)]
        enum E {
            Struct { x: u8 },
            Newtype(Inner),
        }
        #[derive(Serialize)]
        struct Inner {
            y: u8,
        }
        for value in [E::Struct { x: 1 }, E::Newtype(Inner { y: 2 })] {
            let json = serde_json::to_value(&value).unwrap();
            assert_eq!(Fingerprint::of(&value), of_value(&json));
        }
    }
}
