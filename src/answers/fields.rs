//! Reading one field of an answer by its JSON key, without serialising the rest.
//!
//! The interview's conditions and the policy's pruning of stale answers read
//! answers by JSON key (`"source"`, `"period"`), because the same conditions run on
//! the records the front ends edit, which are JSON. Serialising a whole part to read
//! one field made resolving a policy of 5,000 data categories serialise all of them,
//! a third of a `render`. [`Typed`] reads a field of a typed answer by walking its
//! `Serialize` implementation and serialising only that field: the value is what
//! `serde_json::to_value(x)?.get(key)` would give, at the cost of that field alone.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser;
use serde_json::Value;

use super::clear::{ClearField, Taken};
use super::stop::Stop;

/// Something whose fields can be read by JSON key: a JSON record, or a typed answer
/// read through its `Serialize` implementation ([`Typed`]).
pub trait Fields {
    /// The field's value as JSON, as `serde_json::to_value(self)?.get(key)` gives it
    /// (a field serde skips is absent).
    fn field(&self, key: &str) -> Option<Cow<'_, Value>>;

    /// Calls `f` with the field `key`, when there is one, without serialising it.
    fn with_field(&self, key: &str, f: &mut dyn FnMut(&dyn Fields));

    /// Calls `f` with each entry when this is a list; does nothing otherwise.
    fn each(&self, f: &mut dyn FnMut(&dyn Fields));

    /// The whole value as JSON.
    fn to_json(&self) -> Option<Value>;

    /// Whether this is a list (empty or not).
    fn is_list(&self) -> bool;
}

impl Fields for Value {
    fn field(&self, key: &str) -> Option<Cow<'_, Value>> {
        self.get(key).map(Cow::Borrowed)
    }

    fn with_field(&self, key: &str, f: &mut dyn FnMut(&dyn Fields)) {
        if let Some(value) = self.get(key) {
            f(value);
        }
    }

    fn each(&self, f: &mut dyn FnMut(&dyn Fields)) {
        if let Value::Array(items) = self {
            for item in items {
                f(item);
            }
        }
    }

    fn to_json(&self) -> Option<Value> {
        Some(self.clone())
    }

    fn is_list(&self) -> bool {
        self.is_array()
    }
}

/// Calls `f` with the value at a dotted path of record fields (`data.categories`),
/// when there is one, walking typed answers without serialising them.
pub fn with_path(node: &dyn Fields, path: &str, f: &mut dyn FnMut(&dyn Fields)) {
    match path.split_once('.') {
        Some((head, rest)) => node.with_field(head, &mut |child| with_path(child, rest, f)),
        None => node.with_field(path, f),
    }
}

/// A list of typed entries, each read and replaced as JSON on its own: the policy's
/// resolution prunes the entries that hold a stale field without serialising the
/// others ([`crate::answers::Answers::entries_mut`]).
pub trait Entries {
    /// How many entries there are.
    fn count(&self) -> usize;
    /// Entry `i` as JSON.
    fn entry_json(&self, i: usize) -> Option<Value>;
    /// Replaces entry `i` with this JSON, which must read as an entry.
    fn set_entry_json(&mut self, i: usize, value: Value) -> Result<(), serde_json::Error>;
    /// Whether [`Entries::take_field`] knows every one of these keys.
    fn can_clear(&self, keys: &[&str]) -> bool;
    /// Takes field `key` out of entry `i`, leaving its default, as reading the entry
    /// without it would ([`ClearField`]); `None`, and nothing changed, for a key it
    /// cannot clear. What was taken, for [`Entries::put_field`].
    fn take_field(&mut self, i: usize, key: &str) -> Option<Taken>;
    /// Puts back into entry `i` what [`Entries::take_field`] took out of it by `key`.
    fn put_field(&mut self, i: usize, key: &str, taken: Taken);
}

impl<T: Serialize + serde::de::DeserializeOwned + ClearField> Entries for Vec<T> {
    fn can_clear(&self, keys: &[&str]) -> bool {
        keys.iter().all(|k| T::CLEARABLE.contains(k))
    }

    fn take_field(&mut self, i: usize, key: &str) -> Option<Taken> {
        self.get_mut(i)?.take_field(key)
    }

    fn put_field(&mut self, i: usize, key: &str, taken: Taken) {
        if let Some(entry) = self.get_mut(i) {
            entry.put_field(key, taken);
        }
    }

    fn count(&self) -> usize {
        self.len()
    }

    fn entry_json(&self, i: usize) -> Option<Value> {
        serde_json::to_value(self.get(i)?).ok()
    }

    fn set_entry_json(&mut self, i: usize, value: Value) -> Result<(), serde_json::Error> {
        let entry = serde_json::from_value(value)?;
        if let Some(slot) = self.get_mut(i) {
            *slot = entry;
        }
        Ok(())
    }
}

/// A typed answer read field by field through its `Serialize` implementation.
pub struct Typed<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized + Serialize> Fields for Typed<'_, T> {
    fn field(&self, key: &str) -> Option<Cow<'_, Value>> {
        let mut found = None;
        self.with_field(key, &mut |field| found = field.to_json());
        found.map(Cow::Owned)
    }

    fn with_field(&self, key: &str, f: &mut dyn FnMut(&dyn Fields)) {
        // The walk ends with an error once it found the field (or met something that
        // cannot hold it); either way there is nothing more to read.
        let _ = self.0.serialize(Walk(Visit::Field(key, f)));
    }

    fn each(&self, f: &mut dyn FnMut(&dyn Fields)) {
        let _ = self.0.serialize(Walk(Visit::Each(f)));
    }

    fn to_json(&self) -> Option<Value> {
        serde_json::to_value(self.0).ok()
    }

    fn is_list(&self) -> bool {
        let mut list = false;
        let _ = self.0.serialize(Walk(Visit::IsList(&mut list)));
        list
    }
}

/// What a walk calls back with.
enum Visit<'k, 'f> {
    /// The field with this key, in a struct or a map.
    Field(&'k str, &'f mut dyn FnMut(&dyn Fields)),
    /// Each entry of a list.
    Each(&'f mut dyn FnMut(&dyn Fields)),
    /// Only whether it is a list.
    IsList(&'f mut bool),
}

/// A serializer that writes nothing: it only finds a field or a list's entries and
/// hands them, still typed, to the callback.
struct Walk<'k, 'f>(Visit<'k, 'f>);

/// The walk inside a struct, map or list; `matched` remembers that a map's last key
/// was the one sought, for the value that follows it.
struct Inside<'k, 'f> {
    visit: Visit<'k, 'f>,
    matched: bool,
}

impl Inside<'_, '_> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        match &mut self.visit {
            Visit::Field(sought, f) if *sought == key => {
                f(&Typed(value));
                Err(Stop)
            }
            _ => Ok(()),
        }
    }
}

type Done = Result<(), Stop>;

impl<'k, 'f> ser::Serializer for Walk<'k, 'f> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Inside<'k, 'f>;
    type SerializeTuple = ser::Impossible<(), Stop>;
    type SerializeTupleStruct = ser::Impossible<(), Stop>;
    type SerializeTupleVariant = ser::Impossible<(), Stop>;
    type SerializeMap = Inside<'k, 'f>;
    type SerializeStruct = Inside<'k, 'f>;
    type SerializeStructVariant = ser::Impossible<(), Stop>;

    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Done {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Done {
        // Externally tagged: `{"variant": value}`, never an answer's record.
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Inside<'k, 'f>, Stop> {
        match self.0 {
            visit @ Visit::Each(_) => Ok(Inside {
                visit,
                matched: false,
            }),
            Visit::IsList(list) => {
                *list = true;
                Err(Stop)
            }
            Visit::Field(..) => Err(Stop),
        }
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Inside<'k, 'f>, Stop> {
        match self.0 {
            visit @ Visit::Field(..) => Ok(Inside {
                visit,
                matched: false,
            }),
            Visit::Each(_) | Visit::IsList(_) => Err(Stop),
        }
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Inside<'k, 'f>, Stop> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

impl ser::SerializeSeq for Inside<'_, '_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        if let Visit::Each(f) = &mut self.visit {
            f(&Typed(value));
        }
        Ok(())
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStruct for Inside<'_, '_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeMap for Inside<'_, '_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Done {
        self.matched = match &self.visit {
            Visit::Field(sought, _) => {
                serde_json::to_value(key).is_ok_and(|k| k.as_str() == Some(*sought))
            }
            Visit::Each(_) | Visit::IsList(_) => false,
        };
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        if std::mem::take(&mut self.matched)
            && let Visit::Field(_, f) = &mut self.visit
        {
            f(&Typed(value));
            return Err(Stop);
        }
        Ok(())
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;

    fn example(name: &str) -> Answers {
        Answers::example(name)
    }

    /// Every field of every record of every example reads as serialising the record
    /// whole and taking the field gives it, absent fields included.
    #[test]
    fn a_typed_field_reads_as_its_json() {
        let keys = |v: &Value| -> Vec<String> {
            v.as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        for name in [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            let a = example(name);
            let whole = a.to_value();
            for key in keys(&whole) {
                assert_eq!(
                    Typed(&a).field(&key).as_deref(),
                    whole.get(&key),
                    "{name}: {key}"
                );
            }
            assert_eq!(Typed(&a).field("no_such_field"), None);
            let mut seen = 0;
            Typed(&a).with_field("data", &mut |data| {
                data.with_field("categories", &mut |list| {
                    let mut i = 0;
                    list.each(&mut |category| {
                        let json = &whole["data"]["categories"][i];
                        for key in keys(json).into_iter().chain(["not_a_field".to_owned()]) {
                            assert_eq!(
                                category.field(&key).as_deref(),
                                json.get(&key),
                                "{name}: category {i} {key}"
                            );
                        }
                        assert_eq!(category.to_json().as_ref(), Some(json));
                        i += 1;
                    });
                    seen = i;
                });
            });
            assert_eq!(seen, a.data.categories.len(), "{name}");
        }
    }

    /// A list is not a record: asking it for a field finds nothing, and asking a
    /// record for its entries finds none.
    #[test]
    fn lists_and_records_are_not_confused() {
        let list = vec![serde_json::json!({"a": 1})];
        assert_eq!(Typed(&list).field("a"), None);
        let mut n = 0;
        Typed(&serde_json::json!({"a": [1, 2]})).each(&mut |_| n += 1);
        assert_eq!(n, 0);
        Typed(&list).each(&mut |_| n += 1);
        assert_eq!(n, 1);
        let none: Option<Vec<u8>> = None;
        Typed(&none).each(&mut |_| n += 1);
        assert_eq!(n, 1);
    }
}
