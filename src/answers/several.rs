//! An answer that is usually one value of a closed list and may be several: a
//! purpose's legal bases (a purpose may rest on a contract for one part and on
//! legitimate interests for another, GDPR Art. 6(1), 13(1)(c)) and a data category's
//! sources (given by the user and completed from a third party, GDPR Art. 14(2)(f);
//! Cal. Civ. Code 1798.110(a)(2)).
//!
//! Like a recipient's [`super::Safeguards`]: a file may give one value as a plain
//! string (every file written before the list existed does), and one value is written
//! back that way, so files that name one stay as they were and older builds keep
//! reading them. Several are a list, in the operator's order, without repeats.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One or several values, in the operator's order, without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Several<T>(Vec<T>);

impl<T> Default for Several<T> {
    fn default() -> Self {
        Several(Vec::new())
    }
}

impl<T: Copy + PartialEq> Several<T> {
    pub fn new(list: impl IntoIterator<Item = T>) -> Several<T> {
        let mut kept: Vec<T> = Vec::new();
        for v in list {
            if !kept.contains(&v) {
                kept.push(v);
            }
        }
        Several(kept)
    }

    /// Nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn contains(&self, v: T) -> bool {
        self.0.contains(&v)
    }

    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.0.iter().copied()
    }

    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// The first value given, the only one in most answers.
    pub fn first(&self) -> Option<T> {
        self.0.first().copied()
    }

    /// The values `other` has and this one does not, in `other`'s order.
    pub fn missing_from(&self, other: &Several<T>) -> Vec<T> {
        other.iter().filter(|v| !self.contains(*v)).collect()
    }

    /// Adds a value at the end, unless it is already there.
    pub fn push(&mut self, v: T) {
        if !self.contains(v) {
            self.0.push(v);
        }
    }
}

impl<T> From<T> for Several<T> {
    fn from(v: T) -> Several<T> {
        Several(vec![v])
    }
}

impl<T: Serialize> Serialize for Several<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            // Unanswered, like any other optional answer.
            [] => serializer.serialize_none(),
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

impl<'de, T: DeserializeOwned + Copy + PartialEq> Deserialize<'de> for Several<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Several<T>, D::Error> {
        // Read as a value first, so an unknown value is named by its own error rather
        // than hidden behind "did not match any variant".
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::Null => Ok(Several::default()),
            serde_json::Value::Array(_) => serde_json::from_value::<Vec<T>>(value)
                .map(Several::new)
                .map_err(serde::de::Error::custom),
            _ => serde_json::from_value::<T>(value)
                .map(Several::from)
                .map_err(serde::de::Error::custom),
        }
    }
}

impl<T: JsonSchema> JsonSchema for Several<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Several_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<T>();
        // "array" first: `--set` splits a comma-separated value into the list.
        json_schema!({
            "type": ["array", "string", "null"],
            "items": one,
            "anyOf": [
                {"type": "array", "items": one},
                one,
                {"type": "null"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::vocab::{DataSource, LegalBasis};

    #[test]
    fn one_value_is_read_and_written_as_a_string() {
        let s: Several<LegalBasis> = serde_json::from_str("\"contract\"").unwrap();
        assert_eq!(s, Several::from(LegalBasis::Contract));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"contract\"");
        let none: Several<LegalBasis> = serde_json::from_str("null").unwrap();
        assert!(none.is_empty());
        assert_eq!(serde_json::to_string(&none).unwrap(), "null");
    }

    #[test]
    fn several_values_are_a_list_without_repeats_in_the_given_order() {
        let s: Several<DataSource> =
            serde_json::from_str("[\"third_party\", \"provided\", \"third_party\"]").unwrap();
        assert_eq!(s.as_slice(), [DataSource::ThirdParty, DataSource::Provided]);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "[\"third_party\",\"provided\"]"
        );
        let one = Several::from(DataSource::Provided);
        assert_eq!(one.missing_from(&s), [DataSource::ThirdParty]);
        assert!(s.missing_from(&one).is_empty());
    }

    #[test]
    fn an_unknown_value_is_named() {
        let e =
            serde_json::from_str::<Several<LegalBasis>>("[\"contract\", \"vibes\"]").unwrap_err();
        assert!(e.to_string().contains("vibes"), "{e}");
        let e = serde_json::from_str::<Several<LegalBasis>>("\"vibes\"").unwrap_err();
        assert!(e.to_string().contains("vibes"), "{e}");
    }
}
