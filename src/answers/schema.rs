//! The JSON Schema of the answers file, generated from the model so it can never drift.

use std::sync::OnceLock;

use serde_json::Value;

use super::Answers;

/// The schema as JSON, built once.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        serde_json::to_value(schemars::schema_for!(Answers)).expect("the schema serialises")
    })
}

/// The schema as pretty JSON text, for `policywright schema`.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(schema()).expect("the schema serialises");
    text.push('\n');
    text
}

/// Follows `$ref`s and unwraps `Option`s (`anyOf [T, null]`) to the schema that
/// describes a value's real shape.
pub fn resolve(mut node: &'static Value) -> &'static Value {
    loop {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or(r);
            match schema().get("$defs").and_then(|d| d.get(name)) {
                Some(target) => node = target,
                None => return node,
            }
        } else if let Some(options) = node.get("anyOf").and_then(Value::as_array) {
            let non_null: Vec<_> = options
                .iter()
                .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            match non_null.as_slice() {
                [only] => node = only,
                _ => return node,
            }
        } else {
            return node;
        }
    }
}

/// The JSON type a schema node accepts, ignoring `null`.
pub fn json_type(node: &Value) -> Option<&str> {
    match node.get("type")? {
        Value::String(t) => Some(t),
        Value::Array(types) => types.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// Serialises answers with every field present: a left-out list as `[]`, a left-out
/// answer as `null`. The file omits empty answers to stay short, but templates must
/// be able to ask about any answer without tripping over a missing key.
pub fn complete_value(answers: &super::Answers) -> Value {
    let mut value = serde_json::to_value(answers).expect("answers always serialise");
    fill(&mut value, schema());
    value
}

fn fill(value: &mut Value, node: &'static Value) {
    let node = resolve(node);
    match value {
        Value::Object(map) => {
            let Some(properties) = node.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (key, child) in properties {
                let entry = map.entry(key.clone()).or_insert_with(|| empty_for(child));
                fill(entry, child);
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for v in items {
                    fill(v, item);
                }
            }
        }
        _ => {}
    }
}

fn empty_for(node: &'static Value) -> Value {
    let nullable = node
        .get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|o| o.iter().any(|x| x.get("type").and_then(Value::as_str) == Some("null")))
        || node
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|x| x == "null"));
    if nullable {
        return Value::Null;
    }
    match json_type(resolve(node)) {
        Some("array") => Value::Array(Vec::new()),
        Some("object") => Value::Object(serde_json::Map::new()),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_answers_have_every_field() {
        let v = complete_value(&super::super::Answers::default());
        assert_eq!(v["data"]["notes"], Value::Array(vec![]));
        assert_eq!(v["organization"]["dpo"], Value::Null);
        assert_eq!(v["sale_and_sharing"]["sells"], Value::Null);
        assert!(v["hosting"].is_object());
    }
}
