//! Every text in the answers, with where it is, without building a JSON copy.
//!
//! Validation looks at every string the operator wrote (for control characters, and
//! for line breaks in one-line answers). Serialising the answers to a
//! `serde_json::Value` first and walking that costs a hash-map insert and an
//! allocation per field, about a quarter of a large render; this walks the
//! answers' own `Serialize` instead, so it sees exactly the fields, names and
//! nesting the JSON file has, and allocates nothing but the two path buffers.

use std::fmt::Write;

use serde::ser::{self, Serialize};

use super::stop::Stop;

/// Calls `each(path, shape, text)` for every string in `value`, in file order.
/// `path` names the answer as problems do (`data.categories[3].name`); `shape` is
/// the same path without positions (`data.categories[].name`), which is how
/// questions name an answer of any entry.
///
/// With `under`, only the strings at or inside these paths: members and entries
/// elsewhere are not walked at all.
pub fn each_text_under(
    value: &impl Serialize,
    under: Option<&[String]>,
    each: &mut dyn FnMut(&str, &str, &str),
) {
    let mut walker = Walker {
        path: String::new(),
        shape: String::new(),
        under,
        each,
    };
    // The walker never fails; `Stop` exists only because serde needs an error type.
    let _ = value.serialize(&mut walker);
}

struct Walker<'a> {
    path: String,
    shape: String,
    /// The paths to walk (see [`each_text_under`]).
    under: Option<&'a [String]>,
    each: &'a mut dyn FnMut(&str, &str, &str),
}

impl Walker<'_> {
    /// Whether the member or entry just entered holds, or is inside, a path to walk.
    fn wanted(&self) -> bool {
        self.under
            .is_none_or(|paths| super::validate::touches(paths, &self.path))
    }

    /// Enters a member `key`, returning the lengths to cut back to.
    fn enter(&mut self, key: &str) -> (usize, usize) {
        let mark = (self.path.len(), self.shape.len());
        if !self.path.is_empty() {
            self.path.push('.');
        }
        if !self.shape.is_empty() {
            self.shape.push('.');
        }
        self.path.push_str(key);
        self.shape.push_str(key);
        mark
    }

    /// Enters the `i`th item of a list.
    fn enter_item(&mut self, i: usize) -> (usize, usize) {
        let mark = (self.path.len(), self.shape.len());
        let _ = write!(self.path, "[{i}]");
        self.shape.push_str("[]");
        mark
    }

    fn leave(&mut self, (path, shape): (usize, usize)) {
        self.path.truncate(path);
        self.shape.truncate(shape);
    }
}

/// A list, a map or a struct being walked: its items are counted, its members named.
struct Compound<'w, 'a> {
    walker: &'w mut Walker<'a>,
    next: usize,
    /// Where a variant's name was entered (`{"variant": ...}`), to leave at the end.
    variant: Option<(usize, usize)>,
    /// The key of the map entry whose value comes next.
    key: Option<String>,
}

impl<'w, 'a> Compound<'w, 'a> {
    fn new(walker: &'w mut Walker<'a>, variant: Option<&str>) -> Self {
        let variant = variant.map(|v| walker.enter(v));
        Compound {
            walker,
            next: 0,
            variant,
            key: None,
        }
    }

    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let mark = self.walker.enter_item(self.next);
        self.next += 1;
        if self.walker.wanted() {
            value.serialize(&mut *self.walker)?;
        }
        self.walker.leave(mark);
        Ok(())
    }

    fn member<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        let mark = self.walker.enter(key);
        if self.walker.wanted() {
            value.serialize(&mut *self.walker)?;
        }
        self.walker.leave(mark);
        Ok(())
    }

    fn end(self) -> Result<(), Stop> {
        if let Some(mark) = self.variant {
            self.walker.leave(mark);
        }
        Ok(())
    }
}

macro_rules! ignore {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(fn $name(self, _: $ty) -> Result<(), Stop> { Ok(()) })*
    };
}

impl<'w, 'a> ser::Serializer for &'w mut Walker<'a> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    ignore!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8],
    );

    fn serialize_char(self, v: char) -> Result<(), Stop> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        (self.each)(&self.path, &self.shape, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }

    /// A unit variant is one of the program's own words, never the operator's text.
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        let mark = self.enter(variant);
        value.serialize(&mut *self)?;
        self.leave(mark);
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, Some(variant)))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Stop> {
        Ok(Compound::new(self, Some(variant)))
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Stop;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
                self.item(value)
            }

            fn end(self) -> Result<(), Stop> {
                Compound::end(self)
            }
        })*
    };
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! members {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Stop;

            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Stop> {
                self.member(key, value)
            }

            fn end(self) -> Result<(), Stop> {
                Compound::end(self)
            }
        })*
    };
}

members!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Stop;

    /// Map keys are names (ids, field names); they are not walked as texts.
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = Some(match serde_json::to_value(key) {
            Ok(serde_json::Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(_) => String::new(),
        });
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        self.member(&key, value)
    }

    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Doc {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        items: Vec<Item>,
        tags: Vec<String>,
        count: u32,
    }

    #[derive(Serialize)]
    struct Item {
        title: String,
        kind: Kind,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Named(String),
    }

    fn walk(doc: &impl Serialize) -> Vec<(String, String, String)> {
        let mut seen = Vec::new();
        each_text_under(doc, None, &mut |path, shape, text| {
            seen.push((path.to_owned(), shape.to_owned(), text.to_owned()));
        });
        seen
    }

    #[test]
    fn every_text_is_named_as_the_json_file_names_it() {
        let doc = Doc {
            name: "Acme".into(),
            note: None,
            items: vec![
                Item {
                    title: "one".into(),
                    kind: Kind::Plain,
                },
                Item {
                    title: "two".into(),
                    kind: Kind::Named("x".into()),
                },
            ],
            tags: vec!["a".into(), "b".into()],
            count: 3,
        };
        let seen = walk(&doc);
        let expected = [
            ("name", "name", "Acme"),
            ("items[0].title", "items[].title", "one"),
            ("items[1].title", "items[].title", "two"),
            ("items[1].kind.named", "items[].kind.named", "x"),
            ("tags[0]", "tags[]", "a"),
            ("tags[1]", "tags[]", "b"),
        ];
        let expected: Vec<(String, String, String)> = expected
            .iter()
            .map(|(p, s, t)| (p.to_string(), s.to_string(), t.to_string()))
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn map_values_are_walked_under_their_keys() {
        let mut map = std::collections::BTreeMap::new();
        map.insert("stripe", vec!["billing"]);
        assert_eq!(
            walk(&map),
            [(
                "stripe[0]".to_owned(),
                "stripe[]".to_owned(),
                "billing".to_owned()
            )]
        );
    }
}
