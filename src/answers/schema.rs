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
