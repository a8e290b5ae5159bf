//! `--set KEY=VALUE`: changing one answer by its dotted path, without a prompt.
//!
//! Paths and value types come from the answers' JSON Schema, so every field the file
//! can hold can be set, and nothing else. A value is then read exactly as the file
//! would be, so `--set` is validated like a typed answer.

use std::str::FromStr;

use serde_json::{Map, Value};

use super::fields::{Fields, Typed};
use super::schema::{json_type, resolve, schema};
use super::{Answers, AnswersError, Problem};

/// One `KEY=VALUE` assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub key: String,
    pub value: String,
}

impl FromStr for Assignment {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => Ok(Assignment {
                key: dotted(key.trim()),
                value: value.to_owned(),
            }),
            _ => Err(format!(
                "`{s}` is not KEY=VALUE (e.g. organization.contact_email=privacy@acme.io)"
            )),
        }
    }
}

/// A path as `check` prints it (`processors[2].countries`) in the dotted form
/// `--set` reads (`processors.2.countries`), so a finding's answer can be pasted.
fn dotted(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let index = &rest[open + 1..close];
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        out.push_str(&rest[..open]);
        out.push('.');
        out.push_str(index);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

impl std::fmt::Display for Assignment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}", self.key, self.value)
    }
}

/// Applies assignments in order and returns the new answers. Every bad key or value is
/// reported at once; on any error the input answers are untouched.
pub fn apply(answers: &Answers, assignments: &[Assignment]) -> Result<Answers, AnswersError> {
    if assignments.is_empty() {
        return Ok(answers.clone());
    }
    let mut doc = answers.to_value();
    let mut problems = Vec::new();
    for a in assignments {
        if let Err(message) = assign(&mut doc, a) {
            problems.push(Problem::new(a.key.clone(), message));
        }
    }
    if !problems.is_empty() {
        return Err(AnswersError::Overrides(problems));
    }
    let mut set = serde_path_to_error::deserialize::<_, Answers>(doc).map_err(|e| {
        let path = e.path().to_string();
        AnswersError::Overrides(vec![Problem::new(path, e.into_inner().to_string())])
    })?;
    // What is set is confirmed: a suggestion the operator sets is theirs now.
    if !answers.workspace.unconfirmed.is_empty() {
        let (before, after) = (answers.to_value(), set.to_value());
        for a in assignments {
            set.confirm_changed(&before, &after, &a.key);
        }
    }
    Ok(set)
}

fn assign(doc: &mut Value, a: &Assignment) -> Result<(), String> {
    let slot = locate(doc, &a.key)?;
    *slot.value = if a.value.trim().is_empty() && slot.nullable {
        Value::Null
    } else {
        convert(slot.schema, &a.value)?
    };
    Ok(())
}

/// Sets one answer, given as a JSON value, by its dotted path, and reads the result
/// back exactly as the file would be read. The interview uses this for every
/// confirmed answer, so it validates exactly like `--set` and the file.
pub fn set_value(answers: &Answers, key: &str, value: Value) -> Result<Answers, AnswersError> {
    let mut updated = answers.clone();
    set_value_in(&mut updated, key, value)?;
    Ok(updated)
}

/// [`set_value`] in place: on an error the answers are left as they were. Only the
/// answer's top-level part is serialised, changed and read back, without the long
/// lists inside it that the answer is not in ([`Aside`]): a confirmed answer in the
/// wizard must take the same time with 5,000 data categories as with five.
pub fn set_value_in(answers: &mut Answers, key: &str, value: Value) -> Result<(), AnswersError> {
    let part = key.split('.').next().unwrap_or(key);
    let aside = Aside::take(answers, key);
    let read = read_with(answers, part, key, value);
    let result = read.map(|(read, before, after)| {
        answers.take_part(part, read);
        (before, after)
    });
    aside.put_back(answers);
    let (before, after) = result?;
    // A confirmed answer confirms the suggestions it touches (see `unconfirmed`).
    if let (Some(before), Some(after)) = (before, after) {
        answers.confirm_changed(&before, &after, key);
    }
    Ok(())
}

/// The part holding `key`, with `value` set at `key`, read back as answers; and,
/// when some suggestion is unconfirmed, the part's JSON before and after.
fn read_with(
    answers: &Answers,
    part: &str,
    key: &str,
    value: Value,
) -> Result<(Answers, Option<Value>, Option<Value>), AnswersError> {
    let mut doc = partial_doc(answers, &[part]);
    let unconfirmed = !answers.workspace.unconfirmed.is_empty();
    let before = unconfirmed.then(|| doc.clone());
    let slot =
        locate(&mut doc, key).map_err(|m| AnswersError::Overrides(vec![Problem::new(key, m)]))?;
    // "No answer" for a field that cannot be absent is its empty form.
    *slot.value = match (&value, slot.nullable, json_type(slot.schema)) {
        (Value::Null, false, Some("string")) => Value::String(String::new()),
        (Value::Null, false, Some("array")) => Value::Array(Vec::new()),
        (Value::Null, false, Some("boolean")) => Value::Bool(false),
        _ => value,
    };
    let after = unconfirmed.then(|| doc.clone());
    let read = serde_path_to_error::deserialize::<_, Answers>(doc).map_err(|e| {
        let path = e.path().to_string();
        AnswersError::Overrides(vec![Problem::new(path, e.into_inner().to_string())])
    })?;
    Ok((read, before, after))
}

/// The answers as they were before some were set in place, to put back exactly
/// when the result is refused. Only the top-level parts holding the answers are
/// copied (and the workspace, where a confirmed suggestion is recorded), without
/// the long lists of those parts the answers are not in: the wizard judges a
/// confirmed answer on the answers themselves instead of on a copy of all of them,
/// which took as long as judging it with 5,000 data categories.
pub struct Undo {
    /// (part, the one key set in it, or none when several were, a copy of it)
    parts: Vec<(&'static str, Option<String>, Answers)>,
}

impl Undo {
    /// What putting back the answers at `keys` needs, before they are set.
    pub fn before(answers: &mut Answers, keys: &[&str]) -> Undo {
        let mut parts: Vec<(&'static str, Option<String>, Answers)> = Vec::new();
        for key in keys.iter().copied().chain(["workspace"]) {
            let head = key.split('.').next().unwrap_or(key);
            let Some(part) = Answers::PARTS.iter().copied().find(|p| *p == head) else {
                continue;
            };
            match parts.iter_mut().find(|(p, _, _)| *p == part) {
                // Several answers in one part: the whole part, long lists and all.
                Some(seen) => {
                    if seen.1.take().is_some() {
                        seen.2 = answers.part_copy(part);
                    }
                }
                None => {
                    let aside = Aside::take(answers, key);
                    let copy = answers.part_copy(part);
                    aside.put_back(answers);
                    parts.push((part, Some(key.to_owned()), copy));
                }
            }
        }
        Undo { parts }
    }

    /// Puts the answers back as they were when [`Undo::before`] was called, given
    /// that only answers at its keys were set since.
    pub fn restore(self, answers: &mut Answers) {
        for (part, key, copy) in self.parts {
            // The long lists left out of the copy were not touched: they stay.
            let aside = key.map(|key| Aside::take(answers, &key));
            answers.take_part(part, copy);
            if let Some(aside) = aside {
                aside.put_back(answers);
            }
        }
    }
}

/// The long lists inside a top-level part, moved out while an answer elsewhere in
/// that part is set, so setting it does not serialise them and read them back.
struct Aside {
    categories: Option<Vec<super::DataCategory>>,
    rules: Option<Vec<super::RetentionRule>>,
    store_categories: Option<Vec<super::StoreCategory>>,
}

impl Aside {
    /// Moves out each list `key` is neither in nor around.
    fn take(answers: &mut Answers, key: &str) -> Aside {
        let off = |list: &str| !on_path(key, list);
        Aside {
            categories: off("data.categories")
                .then(|| std::mem::take(&mut answers.data.categories)),
            rules: off("retention.rules").then(|| std::mem::take(&mut answers.retention.rules)),
            store_categories: off("stores.categories")
                .then(|| std::mem::take(&mut answers.stores.categories)),
        }
    }

    fn put_back(self, answers: &mut Answers) {
        if let Some(list) = self.categories {
            answers.data.categories = list;
        }
        if let Some(list) = self.rules {
            answers.retention.rules = list;
        }
        if let Some(list) = self.store_categories {
            answers.stores.categories = list;
        }
    }
}

/// Whether one dotted path is the other or inside it.
fn on_path(a: &str, b: &str) -> bool {
    let inside = |path: &str, outer: &str| {
        path.strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    inside(a, b) || inside(b, a)
}

/// The answers as JSON with only these top-level parts (and the format version):
/// enough to find, set or name an answer inside them.
fn partial_doc(answers: &Answers, parts: &[&str]) -> Value {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "schema_version".to_owned(),
        Value::from(answers.schema_version),
    );
    for part in parts {
        if let Some(value) = answers.part_value(part) {
            doc.insert((*part).to_owned(), value);
        }
    }
    Value::Object(doc)
}

/// One answer by its dotted path (entries by position or id), serialising only that
/// answer (or the list it is an entry of): the wizard asks for the current answer on
/// every frame, and the policy's resolution for every question that does not apply.
pub fn answer_at(answers: &Answers, key: &str) -> Option<Value> {
    /// Descends typed through records, so only the answer itself is serialised; a
    /// list is serialised whole to find its entry by id or position.
    fn at(node: &dyn Fields, key: &str) -> Option<Value> {
        if key.is_empty() {
            return node.to_json();
        }
        if node.is_list() {
            return node.to_json().and_then(|v| get_value(&v, key).cloned());
        }
        let (head, rest) = key.split_once('.').unwrap_or((key, ""));
        let mut found = None;
        node.with_field(head, &mut |child| found = at(child, rest));
        found
    }
    if key.is_empty() {
        return None;
    }
    at(&Typed(answers), key)
}

/// [`canonical_path`] read from the typed answers: only a list the path goes
/// through is serialised, to find its entry.
pub(crate) fn canonical_key(answers: &Answers, key: &str) -> String {
    fn at(node: &dyn Fields, done: &str, rest: &str) -> String {
        if rest.is_empty() {
            return done.to_owned();
        }
        if node.is_list() {
            let json = node.to_json().unwrap_or_default();
            return format!("{done}{}", canonical_path(&json, rest));
        }
        let (head, tail) = rest.split_once('.').unwrap_or((rest, ""));
        let here = if done.is_empty() {
            head.to_owned()
        } else {
            format!("{done}.{head}")
        };
        let mut out = None;
        node.with_field(head, &mut |child| out = Some(at(child, &here, tail)));
        // Past the answers there is nothing to find entries in: the rest as given.
        out.unwrap_or_else(|| {
            if tail.is_empty() {
                here.clone()
            } else {
                format!("{here}.{tail}")
            }
        })
    }
    at(&Typed(answers), "", key)
}

/// The value of one answer by its dotted path (entries by position or id), if present.
pub fn get_value<'a>(doc: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.').try_fold(doc, |node, segment| match node {
        Value::Object(map) => map.get(segment),
        Value::Array(items) => find_entry(items, segment).map(|i| &items[i]),
        _ => None,
    })
}

/// The path as problems name it: list entries by position in brackets
/// (`data.categories.account.name` becomes `data.categories[0].name`).
pub fn canonical_path(doc: &Value, key: &str) -> String {
    let mut out = String::new();
    let mut node = Some(doc);
    for segment in key.split('.') {
        match node {
            Some(Value::Array(items)) => match find_entry(items, segment) {
                Some(i) => {
                    out.push_str(&format!("[{i}]"));
                    node = items.get(i);
                }
                None => {
                    out.push_str(&format!("[{segment}]"));
                    node = None;
                }
            },
            other => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(segment);
                node = other.and_then(|n| n.get(segment));
            }
        }
    }
    out
}

/// The problems of `answers` that concern these answer paths (or anything inside
/// them). A draft may lack answers nobody asked about yet; setting one answer must
/// not fail because of another.
pub fn problems_at(answers: &Answers, keys: &[&str]) -> Vec<Problem> {
    use super::validate::{touches, within};
    let prefixes: Vec<String> = keys.iter().map(|k| canonical_key(answers, k)).collect();
    // Only what can have a problem at or inside these paths is checked: a confirmed
    // answer is judged in time that does not grow with the lists it is not in.
    let wants = |path: &str| touches(&prefixes, path);
    let mut problems = super::validate::problems_under(answers, &prefixes);
    if wants("waivers") {
        problems.extend(super::waivers::problems(&answers.waivers));
        // A waiver must name a rule `check` applies: the policy refuses one that
        // does not (`Policy::resolve`), so the interviews and `set` refuse it as it
        // is typed, and a mistyped id cannot leave the policy unrenderable (found
        // walking through `ask` for issue 18: "gdpr-eu-rep" was saved, and
        // rendering then failed).
        for p in crate::check::waivers::problems(answers) {
            if !problems.contains(&p) {
                problems.push(p);
            }
        }
    }
    if wants("stores.categories") {
        problems.extend(unknown_store_categories(answers));
    }
    problems
        .into_iter()
        .filter(|p| prefixes.iter().any(|k| within(&p.path, k)))
        .collect()
}

/// Store entries (`stores.categories`) naming no data category: the store forms
/// would describe data the policy does not list (`check` warns of it as
/// `store-category-absent`), and in the interviews it was a typo ("note" for
/// "notes") accepted in silence (found walking through both, issue 18).
fn unknown_store_categories(answers: &Answers) -> Vec<Problem> {
    let ids: Vec<&str> = answers
        .data
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let known: std::collections::HashSet<&str> = ids.iter().copied().collect();
    let mut out = Vec::new();
    for (i, s) in answers.stores.categories.iter().enumerate() {
        let id = s.category.trim();
        if id.is_empty() || known.contains(id) {
            continue;
        }
        let close = ids
            .iter()
            .map(|c| (strsim::jaro_winkler(c, id), *c))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c);
        let hint = match (close, ids.is_empty()) {
            (Some(c), _) => format!("did you mean `{c}`?"),
            (None, true) => "describe it under the data you collect first".to_owned(),
            (None, false) => format!("the data categories are {}", ids.join(", ")),
        };
        out.push(Problem::new(
            format!("stores.categories[{i}].category"),
            format!("no data category `{id}`; {hint}"),
        ));
    }
    out
}

/// Where a dotted path points: the value to replace, the schema that describes it,
/// and whether it may be cleared.
struct Slot<'a> {
    value: &'a mut Value,
    schema: &'static Value,
    nullable: bool,
}

fn locate<'a>(doc: &'a mut Value, key: &str) -> Result<Slot<'a>, String> {
    let segments: Vec<&str> = key.split('.').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return Err("is not a dotted path like organization.contact_email".to_owned());
    }
    let mut node = resolve(schema());
    let mut nullable = false;
    let mut target = doc;
    for (depth, segment) in segments.iter().enumerate() {
        let here = segments[..depth].join(".");
        match json_type(node) {
            Some("object") => {
                let properties = node.get("properties").and_then(Value::as_object);
                let Some(child) = properties.and_then(|p| p.get(*segment)) else {
                    return Err(unknown_key(&here, segment, properties));
                };
                nullable = is_nullable(child);
                node = resolve(child);
                let map = object_mut(target);
                target = map.entry(segment.to_string()).or_insert(Value::Null);
            }
            Some("array") => {
                let items = target
                    .as_array_mut()
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| {
                        format!(
                            "`{here}` has no entries to choose from; set the whole list instead"
                        )
                    })?;
                let index = find_entry(items, segment).ok_or_else(|| {
                    format!(
                        "`{here}` has no entry `{segment}` (use its position from 0, or its id)"
                    )
                })?;
                node = resolve(node.get("items").unwrap_or(&Value::Null));
                nullable = false;
                target = &mut items[index];
            }
            _ => return Err(format!("`{here}` is a single value; it has no `{segment}`")),
        }
    }
    Ok(Slot {
        value: target,
        schema: node,
        nullable,
    })
}

/// Whether the field may be left out (an `Option` in the model).
fn is_nullable(node: &Value) -> bool {
    let null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
    match (node.get("anyOf"), node.get("type")) {
        (Some(Value::Array(options)), _) => options.iter().any(null),
        (_, Some(Value::Array(types))) => types.iter().any(|t| t == "null"),
        _ => false,
    }
}

fn object_mut(v: &mut Value) -> &mut Map<String, Value> {
    if !v.is_object() {
        *v = Value::Object(Map::new());
    }
    v.as_object_mut().expect("just made an object")
}

/// Finds a list entry by position or by its `id`. A processor that names a catalog
/// entry and no id of its own takes the catalog's id when it is resolved, so it
/// answers to that id here too (`processors.stripe.purpose=...` on a saved file).
fn find_entry(items: &[Value], segment: &str) -> Option<usize> {
    if let Ok(i) = segment.parse::<usize>() {
        return (i < items.len()).then_some(i);
    }
    fn field<'a>(item: &'a Value, key: &str) -> &'a str {
        item.get(key).and_then(Value::as_str).unwrap_or("")
    }
    items.iter().position(|item| {
        let id = field(item, "id");
        id == segment || (id.is_empty() && field(item, "catalog") == segment)
    })
}

fn unknown_key(here: &str, segment: &str, properties: Option<&Map<String, Value>>) -> String {
    let keys: Vec<&str> = properties
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let close = keys
        .iter()
        .filter(|k| strsim::jaro_winkler(k, segment) > 0.85)
        .max_by(|a, b| {
            strsim::jaro_winkler(a, segment).total_cmp(&strsim::jaro_winkler(b, segment))
        });
    let prefix = if here.is_empty() {
        String::new()
    } else {
        format!("{here}.")
    };
    match close {
        Some(k) => format!("unknown answer `{prefix}{segment}`; did you mean `{prefix}{k}`?"),
        None => format!(
            "unknown answer `{prefix}{segment}`; known here: {}",
            keys.join(", ")
        ),
    }
}

/// JSON that refuses a key given twice in one object, as reading the answers file
/// does (`serde_json::Value` alone would keep the last one silently).
struct Unique(Value);

impl<'de> serde::Deserialize<'de> for Unique {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
            }
            let value: Unique = map.next_value()?;
            out.insert(key, value.0);
        }
        Ok(Unique(Value::Object(out)))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element::<Unique>()? {
            out.push(item.0);
        }
        Ok(Unique(Value::Array(out)))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Unique, E> {
        Ok(Unique(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Unique, E> {
        Ok(Unique(Value::from(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Unique, E> {
        Ok(Unique(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Unique, E> {
        Ok(Unique(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Unique, E> {
        Ok(Unique(Value::Null))
    }
}

/// Reads a command-line string as the value the schema expects at that path.
///
/// The schema's type decides, never the first character: a text answer is taken
/// literally, so a product name such as `[beta] Acme` or `{{ 7*7 }}` is text, not
/// JSON. Only a text given whole as a JSON string (`"..."`) is decoded, so scripts
/// that quote values, and values with spaces at their ends, still work. Any other
/// field takes JSON when the value starts with `{` or `[` (a group of answers, a
/// list of records), or its plain form (yes/no, a number, a comma-separated list).
fn convert(node: &'static Value, raw: &str) -> Result<Value, String> {
    let trimmed = raw.trim();
    if json_type(node) == Some("string") {
        let quoted = serde_json::from_str::<String>(trimmed).ok();
        return Ok(Value::String(quoted.unwrap_or_else(|| raw.to_owned())));
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return serde_json::from_str::<Unique>(trimmed)
            .map(|u| u.0)
            .map_err(|e| format!("is not valid JSON: {e}"));
    }
    match json_type(node) {
        Some("boolean") => match trimmed.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" => Ok(Value::Bool(true)),
            "false" | "no" | "n" => Ok(Value::Bool(false)),
            _ => Err(format!("`{raw}` is not yes/no (true/false)")),
        },
        Some("integer") => trimmed
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| format!("`{raw}` is not a whole number")),
        Some("array") => {
            let item = resolve(node.get("items").unwrap_or(&Value::Null));
            trimmed
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| convert(item, s))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        Some("object") => Err("is a group of answers; give it as JSON ({\"key\": ...})".to_owned()),
        _ => Ok(Value::String(raw.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(list: &[&str]) -> Vec<Assignment> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn applied(list: &[&str]) -> Result<Answers, String> {
        let base = Answers::from_json(include_str!("../../examples/stepr.json")).unwrap();
        apply(&base, &sets(list)).map_err(|e| e.to_string())
    }

    /// F15: a key given twice in `--set` JSON is refused, as in the file.
    #[test]
    fn json_with_a_key_given_twice_is_refused() {
        let e = applied(&[r#"organization.dpo={"name":"a","name":"b"}"#]).unwrap_err();
        assert!(e.contains("duplicate key `name`"), "{e}");
        assert!(applied(&[r#"organization.dpo={"name":"a","email":"a@b.io"}"#]).is_ok());
    }

    #[test]
    fn setting_one_answer_changes_only_that_answer() {
        let base = Answers::from_json(include_str!("../../examples/stepr.json")).unwrap();
        let set = set_value(&base, "organization.product_name", Value::from("Stepr 2")).unwrap();
        let mut expected = base.clone();
        expected.organization.product_name = "Stepr 2".to_owned();
        assert_eq!(set, expected);
        assert_eq!(
            answer_at(&set, "organization.product_name"),
            Some(Value::from("Stepr 2"))
        );
        assert_eq!(
            answer_at(&set, "data.categories.account.name"),
            get_value(&set.to_value(), "data.categories.account.name").cloned()
        );
        // A wrong value deep in a list is named by its full path.
        let err = set_value(
            &base,
            "retention.rules",
            serde_json::json!([{"data": "x", "period": 5}]),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("retention.rules[0].period"),
            "{err}"
        );
    }

    #[test]
    fn a_path_as_check_prints_it_is_read_as_dotted() {
        let a: Assignment = "processors[2].countries=US".parse().unwrap();
        assert_eq!(a.key, "processors.2.countries");
        let a: Assignment = "data.categories[0].name=x[1]".parse().unwrap();
        assert_eq!(
            (a.key.as_str(), a.value.as_str()),
            ("data.categories.0.name", "x[1]")
        );
        let a: Assignment = "processors[x].name=y".parse().unwrap();
        assert_eq!(a.key, "processors[x].name", "only a position is rewritten");
    }

    #[test]
    fn sets_strings_lists_bools_and_dates() {
        let a = applied(&[
            "organization.contact_email=privacy@stepr.kz",
            "audience.regions=eea, uk ,california",
            "rights.complaint=yes",
            "policy.last_updated=2026-12-01",
        ])
        .unwrap();
        assert_eq!(a.organization.contact_email, "privacy@stepr.kz");
        assert_eq!(a.audience.regions.len(), 3);
        assert_eq!(a.rights.complaint, Some(true));
        assert_eq!(a.policy.last_updated.unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn list_entries_by_id_or_position() {
        let a = applied(&[
            "data.categories.screenshots.name=Screen captures",
            "processors.0.purpose=Runs everything",
        ])
        .unwrap();
        assert_eq!(a.category("screenshots").unwrap().name, "Screen captures");
        assert_eq!(a.processors[0].purpose, "Runs everything");
    }

    /// Item 9 of issue 13: several legal bases and several sources are set as a
    /// comma-separated list, one as a plain value, and an unknown one is named.
    #[test]
    fn several_bases_and_sources_are_set_as_a_list() {
        use crate::answers::vocab::{DataSource, LegalBasis};
        let a = applied(&[
            "purposes.account.legal_basis=contract, legitimate_interests",
            "purposes.account.legitimate_interests_for=detecting abuse",
            "data.categories.account.source=provided,third_party",
            "purposes.operations.legal_basis=legitimate_interests",
        ])
        .unwrap();
        let account = a.purposes.iter().find(|p| p.id == "account").unwrap();
        assert_eq!(
            account.legal_basis.as_slice(),
            [LegalBasis::Contract, LegalBasis::LegitimateInterests]
        );
        assert_eq!(
            account.part_for(LegalBasis::LegitimateInterests),
            Some("detecting abuse")
        );
        assert_eq!(
            a.category("account").unwrap().source.as_slice(),
            [DataSource::Provided, DataSource::ThirdParty]
        );
        let operations = a.purposes.iter().find(|p| p.id == "operations").unwrap();
        assert_eq!(
            operations.legal_basis,
            LegalBasis::LegitimateInterests.into()
        );
        let written = a.to_json();
        assert!(
            written.contains("\"legal_basis\": \"legitimate_interests\""),
            "one basis is written as before: {written}"
        );
        let e = applied(&["purposes.account.legal_basis=contract,vibes"]).unwrap_err();
        assert!(e.contains("vibes"), "{e}");
    }

    #[test]
    fn catalog_references_answer_to_the_catalog_id() {
        let mut base = Answers::default();
        base.processors.push(crate::answers::Processor {
            catalog: Some("stripe".into()),
            ..Default::default()
        });
        let a = apply(&base, &sets(&["processors.stripe.purpose=billing"])).unwrap();
        assert_eq!(a.processors[0].purpose, "billing");
        assert_eq!(a.processors[0].id, "", "the file form keeps its reference");
    }

    #[test]
    fn text_is_literal_whatever_it_starts_with() {
        let a = applied(&[
            "organization.product_name={{ 7*7 }}",
            "organization.description=[beta] steps, {counted}",
            r#"organization.legal_entity="  Stepr LLP  ""#,
            r#"audience.intended_for="teams" of any size"#,
        ])
        .unwrap();
        assert_eq!(a.organization.product_name, "{{ 7*7 }}");
        assert_eq!(a.organization.description, "[beta] steps, {counted}");
        // A whole JSON string is unquoted; quotes inside a text are kept.
        assert_eq!(
            a.organization.legal_entity.as_deref(),
            Some("  Stepr LLP  ")
        );
        assert_eq!(
            a.audience.intended_for.as_deref(),
            Some(r#""teams" of any size"#)
        );
        // A field that is not text still reads JSON.
        let a = applied(&[r#"audience.regions=["uk"]"#]).unwrap();
        assert_eq!(a.audience.regions.len(), 1);
        assert!(applied(&["audience.regions=[uk"]).is_err());
    }

    #[test]
    fn empty_value_clears_an_optional_answer() {
        let a = applied(&["organization.website="]).unwrap();
        assert_eq!(a.organization.website, None);
    }

    #[test]
    fn every_bad_assignment_is_reported() {
        let e = applied(&[
            "organization.contact_emial=x@y.z",
            "organization.nothing=1",
            "rights.complaint=maybe",
            "data.categories.nope.name=x",
        ])
        .unwrap_err();
        assert!(e.starts_with("4 problems"), "{e}");
        assert!(
            e.contains("did you mean `organization.contact_email`"),
            "{e}"
        );
        assert!(e.contains("known here: product_name"), "{e}");
        assert!(e.contains("`maybe` is not yes/no"), "{e}");
        assert!(e.contains("no entry `nope`"), "{e}");
    }

    #[test]
    fn values_are_validated_like_the_file() {
        let e = applied(&["audience.regions=eea,mars"]).unwrap_err();
        assert!(e.contains("audience.regions[1]"), "{e}");
        assert!(e.contains("unknown variant `mars`"), "{e}");
        let e = applied(&["policy.last_updated=yesterday"]).unwrap_err();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn malformed_assignments() {
        assert!("no-equals-sign".parse::<Assignment>().is_err());
        assert!("=value".parse::<Assignment>().is_err());
        assert_eq!(
            "a.b=c=d".parse::<Assignment>().unwrap().value,
            "c=d",
            "only the first = splits"
        );
    }

    fn example(name: &str) -> Answers {
        Answers::example(name)
    }

    /// Answers set in place and put back are the answers before, exactly: for every
    /// example, every question's answer (alone, and with another in the same part
    /// and in another part) set to another value, then put back.
    #[test]
    fn undo_puts_back_what_was_set() {
        for name in [
            "acme", "complete", "habitly", "shipdesk", "specstep", "stepr",
        ] {
            let original = example(name);
            let keys: Vec<&str> = crate::questions::sections()
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.key))
                .collect();
            for key in &keys {
                for with in [None, Some("data.notes"), Some("organization.website")] {
                    let mut a = original.clone();
                    let mut set: Vec<&str> = vec![key];
                    set.extend(with.filter(|w| w != key));
                    let undo = Undo::before(&mut a, &set);
                    let mut changed = false;
                    for k in &set {
                        // Another value of the right kind: empty for what has one,
                        // else what clearing gives.
                        let value = match answer_at(&a, k) {
                            Some(Value::Array(items)) if !items.is_empty() => {
                                Value::Array(Vec::new())
                            }
                            Some(Value::String(s)) if !s.is_empty() => Value::String(String::new()),
                            Some(Value::Bool(b)) => Value::Bool(!b),
                            _ => Value::Null,
                        };
                        changed |= set_value_in(&mut a, k, value).is_ok();
                    }
                    if changed && a == original {
                        // Nothing to put back (the value was already that).
                        continue;
                    }
                    undo.restore(&mut a);
                    assert!(a == original, "{name}: {set:?} not put back");
                }
            }
        }
    }

    /// Judging an answer by the checks that can concern it gives what judging the
    /// whole answers and keeping what concerns it gives, waivers and store entries
    /// included: on every example, with broken waivers and store entries, for every
    /// question's path and every path a problem names.
    #[test]
    fn problems_at_are_the_whole_answers_problems_there() {
        fn everything_at(answers: &Answers, keys: &[&str]) -> Vec<Problem> {
            let prefixes: Vec<String> = keys.iter().map(|k| canonical_key(answers, k)).collect();
            let mut problems = answers.problems();
            for p in crate::check::waivers::problems(answers) {
                if !problems.contains(&p) {
                    problems.push(p);
                }
            }
            problems.extend(unknown_store_categories(answers));
            problems
                .into_iter()
                .filter(|p| {
                    prefixes
                        .iter()
                        .any(|k| crate::answers::validate::within(&p.path, k))
                })
                .collect()
        }
        for name in [
            "acme", "complete", "habitly", "shipdesk", "specstep", "stepr",
        ] {
            let mut a = example(name);
            a.waivers.push(crate::answers::Waiver {
                rule: "no-such-rule".into(),
                answer: None,
                reason: String::new(),
                until: None,
            });
            a.stores.categories.push(crate::answers::StoreCategory {
                category: "notez".into(),
                ..Default::default()
            });
            if let Some(c) = a.data.categories.first_mut() {
                c.name = crate::answers::Short::default();
            }
            let whole = a.problems();
            let mut keys: Vec<String> = crate::questions::sections()
                .iter()
                .flat_map(|s| s.questions.iter().map(|q| q.key.to_owned()))
                .collect();
            keys.extend(whole.iter().map(|p| p.path.clone()));
            keys.extend(["waivers", "stores.categories", "data"].map(String::from));
            for key in &keys {
                assert_eq!(
                    problems_at(&a, &[key]),
                    everything_at(&a, &[key]),
                    "{name} at {key}"
                );
            }
            assert_eq!(
                problems_at(&a, &["purposes", "waivers"]),
                everything_at(&a, &["purposes", "waivers"]),
                "{name}"
            );
        }
    }

    /// Setting an answer beside a long list (data.notes beside 5 categories, a
    /// retention default beside the rules) gives what setting it in the whole JSON
    /// gives, the lists kept; a refused value leaves the answers as they were.
    #[test]
    fn setting_beside_a_long_list_keeps_it_and_a_refusal_changes_nothing() {
        for name in ["complete", "shipdesk", "habitly", "acme"] {
            let base = example(name);
            let cases = [
                ("data.notes", serde_json::json!(["One note."])),
                (
                    "data.categories",
                    serde_json::to_value(&base.data.categories[..1]).unwrap(),
                ),
                ("retention.rules", serde_json::json!([])),
                ("stores.categories", serde_json::json!([])),
                ("organization.product_name", serde_json::json!("Renamed")),
            ];
            for (key, value) in cases {
                let mut whole = base.to_value();
                *whole
                    .pointer_mut(&format!("/{}", key.replace('.', "/")))
                    .unwrap() = value.clone();
                let mut expected: Answers = serde_json::from_value(whole).unwrap();
                if !base.workspace.unconfirmed.is_empty() {
                    expected.confirm_changed(&base.to_value(), &expected.to_value(), key);
                }
                let mut set = base.clone();
                set_value_in(&mut set, key, value).unwrap();
                assert_eq!(set, expected, "{name}: {key}");
            }
            let mut refused = base.clone();
            assert!(set_value_in(&mut refused, "data.notes", serde_json::json!(7)).is_err());
            assert_eq!(refused, base, "{name}: untouched after a refusal");
        }
    }

    /// Naming an answer as problems do reads the typed answers; it agrees with
    /// reading their JSON, entries by id or position, missing ones and empty lists.
    #[test]
    fn the_canonical_key_is_the_canonical_path() {
        let mut a = example("complete");
        a.stores.categories.clear();
        let doc = a.to_value();
        let id = a.data.categories[1].id.clone();
        for key in [
            "data.notes".to_owned(),
            format!("data.categories.{id}.name"),
            "data.categories.1.name".to_owned(),
            "data.categories.nosuch.name".to_owned(),
            "stores.categories.x.uses".to_owned(),
            "organization.dpo.email".to_owned(),
            "processors.stripe.countries".to_owned(),
            "purposes".to_owned(),
            "nosuch.part".to_owned(),
        ] {
            assert_eq!(canonical_key(&a, &key), canonical_path(&doc, &key), "{key}");
        }
    }
}
