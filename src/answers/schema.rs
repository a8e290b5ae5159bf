//! The JSON Schema of the answers file.
//!
//! The schema is derived from the model (schemars) and kept in
//! `assets/answers.schema.json`, which the binary embeds: generating it takes longer
//! than the rest of a `render`, and editors can point at the file in the repository.
//! A test fails, with the command that fixes it, whenever the file and the model drift.

use std::sync::OnceLock;

use serde_json::Value;

use super::Answers;

/// The schema as shipped in `assets/answers.schema.json`.
pub const SCHEMA_TEXT: &str = include_str!("../../assets/answers.schema.json");

/// The schema as JSON, parsed once.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_TEXT).expect("the embedded schema is JSON"))
}

/// The schema generated from the model right now; what the asset must equal.
pub fn generate() -> String {
    let schema = schemars::schema_for!(Answers);
    let mut text = serde_json::to_string_pretty(&schema).expect("the schema serialises");
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
            let mut non_null = options
                .iter()
                .filter(|o| o.get("type").and_then(Value::as_str) != Some("null"));
            match (non_null.next(), non_null.next()) {
                (Some(only), None) => node = only,
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
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        _ => None,
    }
}

/// Removes unanswered members from objects, innermost first: `null`, `""`, `[]`,
/// `{}`, and `false` where the schema says the field is a plain yes/no (whose default
/// is "no"). A `false` in a yes/no/unanswered field is kept.
pub fn prune_unanswered(value: &mut Value) {
    prune(value, schema());
}

/// [`prune_unanswered`] of a part of the answers, described by `node`.
pub fn prune_with(value: &mut Value, node: &'static Value) {
    prune(value, node);
}

/// The schema of an entry of the list at `path` (`data.categories`).
pub fn list_items(path: &str) -> &'static Value {
    let list = path.split('.').fold(schema(), |node, key| {
        resolve(node)
            .get("properties")
            .and_then(|p| p.get(key))
            .unwrap_or(&Value::Null)
    });
    resolve(list).get("items").unwrap_or(&Value::Null)
}

fn prune(value: &mut Value, node: &'static Value) {
    let node = resolve(node);
    // Only objects and lists hold members to remove: a text, a number or a yes/no
    // is not looked up in the schema at all (that was most of a save's time).
    let inside = |v: &Value| v.is_object() || v.is_array();
    match value {
        Value::Object(map) => {
            let properties = node.get("properties").and_then(Value::as_object);
            for (key, v) in map.iter_mut().filter(|(_, v)| inside(v)) {
                if let Some(child) = properties.and_then(|p| p.get(key)) {
                    prune(v, child);
                }
            }
            map.retain(|key, v| match v {
                Value::Null => false,
                Value::Bool(false) => {
                    let child = properties.and_then(|p| p.get(key));
                    child.is_some_and(|c| c.get("type").and_then(Value::as_str) != Some("boolean"))
                }
                Value::String(s) => !s.is_empty(),
                Value::Array(a) => !a.is_empty(),
                Value::Object(o) => !o.is_empty(),
                _ => true,
            });
        }
        Value::Array(items) => {
            let item = node.get("items").unwrap_or(&Value::Null);
            for v in items.iter_mut().filter(|v| inside(v)) {
                prune(v, item);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_matches_the_model() {
        let generated = generate();
        if generated != SCHEMA_TEXT {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/answers.schema.json");
            if std::env::var_os("POLICYWRIGHT_UPDATE_SCHEMA").is_some() {
                std::fs::write(path, &generated).unwrap();
            } else {
                panic!(
                    "assets/answers.schema.json is out of date with the answers model; \
                     regenerate it with POLICYWRIGHT_UPDATE_SCHEMA=1 cargo test --lib schema"
                );
            }
        }
    }
}
