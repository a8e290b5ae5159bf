//! Writing changed answers into an answers file's own text, so a save changes only
//! the lines of the answers that changed: the rest of the file (its indentation,
//! one-line arrays, key order, explicit `false` answers) is copied byte for byte.
//! A file that is hand-formatted and kept in git then shows one-line diffs.

use serde_json::{Map, Value};

/// A JSON value in the file's text: where it is, and its parts.
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

enum Kind {
    Scalar,
    /// An object or a list whose parts were not kept: it did not change, so it is
    /// only ever copied whole. (A large file's tree of every value was megabytes
    /// for a change of one line.)
    Unread,
    Array(Vec<Node>),
    /// Members: the key, where the member starts (its key's quote), and the value.
    Object(Vec<(String, usize, Node)>),
}

/// `text` (a JSON object whose model values were `old`) rewritten to hold `new`,
/// touching only what differs. `None` when the text cannot be read this way.
pub fn rewrite(text: &str, old: &Value, new: &Value) -> Option<String> {
    let mut parser = Parser { text, at: 0 };
    parser.space();
    let root = parser.value(0, Some((old, new)))?;
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..root.start]);
    patch(text, &root, old, new, &mut out);
    out.push_str(&text[root.end..]);
    Some(out)
}

fn patch(text: &str, node: &Node, old: &Value, new: &Value, out: &mut String) {
    if old == new {
        out.push_str(&text[node.start..node.end]);
        return;
    }
    let indent = indentation(text, node.start);
    match (&node.kind, old, new) {
        (Kind::Object(members), Value::Object(o), Value::Object(n)) if !members.is_empty() => {
            patch_object(text, node, members, o, n, &indent, out);
        }
        (Kind::Array(items), Value::Array(o), Value::Array(n))
            if items.len() == o.len() && o.len() == n.len() =>
        {
            let mut at = node.start;
            for ((item, ov), nv) in items.iter().zip(o).zip(n) {
                out.push_str(&text[at..item.start]);
                patch(text, item, ov, nv, out);
                at = item.end;
            }
            out.push_str(&text[at..node.end]);
        }
        (Kind::Array(items), Value::Array(o), Value::Array(n))
            if items.len() == o.len() && !items.is_empty() =>
        {
            patch_list(text, node, items, o, n, out);
        }
        _ => {
            let one_line = !text[node.start..node.end].contains('\n');
            out.push_str(&formatted(new, &indent, one_line));
        }
    }
}

fn patch_object(
    text: &str,
    node: &Node,
    members: &[(String, usize, Node)],
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    indent: &str,
    out: &mut String,
) {
    // The layout of a member: what separates members, from the first member's line.
    let first_key_at = members[0].1;
    let member_indent = indentation(text, first_key_at);
    let multi_line = text[node.start..first_key_at].contains('\n');
    let separator = if multi_line {
        format!(",\n{member_indent}")
    } else {
        ", ".to_owned()
    };
    let value_indent = if multi_line {
        member_indent.clone()
    } else {
        indent.to_owned()
    };
    let null = Value::Null;

    // Each kept member: patched from the file's text as it is written out (a member
    // can be most of a large file: patched into a text of its own first, it was
    // held twice); then new members after the member the model puts before them.
    let mut kept: Vec<(&String, Member)> = Vec::new();
    for (key, _, value) in members {
        match (old.get(key), new.get(key)) {
            (o, Some(n)) => kept.push((key, Member::Patched(value, o.unwrap_or(&null), n))),
            // Left out of both: a default the file spells out (`false`, `[]`).
            (None, None) => kept.push((key, Member::Patched(value, &null, &null))),
            // Removed by the change.
            (Some(_), None) => {}
        }
    }
    let mut previous: Option<&String> = None;
    for (key, value) in new {
        let present = kept.iter().any(|(k, _)| *k == key);
        if !present && old.get(key) != Some(value) {
            let at = previous
                .and_then(|p| kept.iter().position(|(k, _)| *k == p))
                .map_or(0, |i| i + 1);
            kept.insert(
                at,
                (
                    key,
                    Member::New(formatted(value, &value_indent, !multi_line)),
                ),
            );
        }
        previous = Some(key);
    }

    // Unchanged members keep the exact text before them (comments are not JSON, but
    // spacing is kept); the object is rebuilt only from its first member on.
    let last = members.last().expect("not empty");
    out.push_str(&text[node.start..first_key_at]);
    for (i, (key, value)) in kept.iter().enumerate() {
        if i > 0 {
            out.push_str(&separator);
        }
        out.push_str(&serde_json::to_string(key).expect("a key serialises"));
        let colon = members
            .iter()
            .find(|(k, _, _)| k == *key)
            .map_or(": ", |(_, at, v)| &text[at + key_len(text, *at)..v.start]);
        out.push_str(colon);
        match value {
            Member::Patched(node, old, new) => patch(text, node, old, new, out),
            Member::New(written) => out.push_str(written),
        }
    }
    out.push_str(&text[last.2.end..node.end]);
}

/// A member's value as [`patch_object`] writes it.
enum Member<'a> {
    /// The file's text of this value, patched from the old value to the new one
    /// (copied as it is when they are the same).
    Patched(&'a Node, &'a Value, &'a Value),
    /// A member the file did not have, written fresh.
    New(String),
}

/// A list that gained or lost entries: every entry that is still there, in the same
/// order, keeps its text; only the added ones are written fresh, like the entries
/// around them: on one line each where each of those is on one line.
fn patch_list(
    text: &str,
    node: &Node,
    items: &[Node],
    old: &[Value],
    new: &[Value],
    out: &mut String,
) {
    let first = items[0].start;
    let multi_line = text[node.start..first].contains('\n');
    let item_indent = indentation(text, first);
    let separator = if multi_line {
        format!(",\n{item_indent}")
    } else {
        ", ".to_owned()
    };
    // `{ "kind": "tls", "description": "..." },` one to a line: a new entry written
    // pretty stood out as the only one spread over lines, so a removal undone in the
    // wizard left the file's text changed though its answers were as before.
    let entries_one_line = !multi_line
        || items
            .iter()
            .all(|item| !text[item.start..item.end].contains('\n'));
    let mut next = 0;
    out.push_str(&text[node.start..first]);
    for (i, value) in new.iter().enumerate() {
        if i > 0 {
            out.push_str(&separator);
        }
        match (next..old.len()).find(|&j| old[j] == *value) {
            Some(j) => {
                next = j + 1;
                out.push_str(&text[items[j].start..items[j].end]);
            }
            None => out.push_str(&formatted(value, &item_indent, entries_one_line)),
        }
    }
    let last = items.last().expect("not empty");
    out.push_str(&text[last.end..node.end]);
}

/// The length of the quoted key starting at `at`.
fn key_len(text: &str, at: usize) -> usize {
    let mut p = Parser { text, at };
    p.string();
    p.at - at
}

/// The whitespace at the start of the line that holds `at`.
fn indentation(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// A value written fresh: on one line where the file had one (or for scalars),
/// else pretty, its lines indented like the line it starts on.
fn formatted(value: &Value, indent: &str, one_line: bool) -> String {
    if one_line || !(value.is_array() || value.is_object()) {
        return compact(value);
    }
    let pretty = serde_json::to_string_pretty(value).expect("a value serialises");
    pretty.replace('\n', &format!("\n{indent}"))
}

/// `["a", "b"]` and `{ "k": "v" }`, spaced as people write them on one line.
fn compact(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(compact).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), compact(v)))
                .collect();
            format!("{{ {} }}", parts.join(", "))
        }
        other => other.to_string(),
    }
}

/// Finds where each value is; refuses (`None`) anything that is not plain JSON.
struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The value at the cursor; its parts are kept (`Kind::Object`, `Kind::Array`)
    /// only when `change` is given and its old and new values differ, since only
    /// then does [`patch`] look inside it.
    fn value(&mut self, depth: usize, change: Option<(&Value, &Value)>) -> Option<Node> {
        if depth > 128 {
            return None;
        }
        let change = change.filter(|(old, new)| old != new);
        let start = self.at;
        let kind = match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.peek()? == b'}' {
                    self.at += 1;
                } else {
                    loop {
                        self.space();
                        let key_at = self.at;
                        self.string()?;
                        let key = &self.text[key_at..self.at];
                        let key: Option<String> = match change {
                            Some(_) => Some(serde_json::from_str(key).ok()?),
                            None => None,
                        };
                        self.space();
                        (self.peek()? == b':').then_some(())?;
                        self.at += 1;
                        self.space();
                        let member = change.zip(key.as_deref()).map(|((old, new), key)| {
                            (
                                old.get(key).unwrap_or(&Value::Null),
                                new.get(key).unwrap_or(&Value::Null),
                            )
                        });
                        let value = self.value(depth + 1, member)?;
                        if let Some(key) = key {
                            members.push((key, key_at, value));
                        }
                        self.space();
                        match self.peek()? {
                            b',' => self.at += 1,
                            b'}' => {
                                self.at += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                if change.is_some() {
                    Kind::Object(members)
                } else {
                    Kind::Unread
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek()? == b']' {
                    self.at += 1;
                } else {
                    // Entries are looked into where lists of one length differ; a
                    // list that gained or lost entries copies or writes them whole.
                    let pairs = change.and_then(|(old, new)| {
                        let (old, new) = (old.as_array()?, new.as_array()?);
                        (old.len() == new.len()).then_some((old, new))
                    });
                    for i in 0.. {
                        self.space();
                        let entry = pairs.and_then(|(old, new)| Some((old.get(i)?, new.get(i)?)));
                        let item = self.value(depth + 1, entry)?;
                        if change.is_some() {
                            items.push(item);
                        }
                        self.space();
                        match self.peek()? {
                            b',' => self.at += 1,
                            b']' => {
                                self.at += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                if change.is_some() {
                    Kind::Array(items)
                } else {
                    Kind::Unread
                }
            }
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            _ => {
                while matches!(
                    self.peek(),
                    Some(b'-' | b'+' | b'.' | b'0'..=b'9' | b'a'..=b'z' | b'E')
                ) {
                    self.at += 1;
                }
                (self.at > start).then_some(())?;
                Kind::Scalar
            }
        };
        Some(Node {
            start,
            end: self.at,
            kind,
        })
    }

    fn string(&mut self) -> Option<()> {
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The text is read into parts only where the old and new values differ; the
    /// rest is copied whole.
    #[test]
    fn only_what_changed_is_read_into_parts() {
        let text = r#"{"a": {"x": [1, 2]}, "b": [{"y": 1}, {"y": 2}], "c": 3}"#;
        let old = json!({"a": {"x": [1, 2]}, "b": [{"y": 1}, {"y": 2}], "c": 3});
        let new = json!({"a": {"x": [1, 2]}, "b": [{"y": 1}, {"y": 5}], "c": 3});
        let root = Parser { text, at: 0 }.value(0, Some((&old, &new))).unwrap();
        let Kind::Object(members) = &root.kind else {
            panic!("the root changed")
        };
        assert!(
            matches!(members[0].2.kind, Kind::Unread),
            "a did not change"
        );
        let Kind::Array(items) = &members[1].2.kind else {
            panic!("b changed")
        };
        assert!(matches!(items[0].kind, Kind::Unread));
        assert!(matches!(items[1].kind, Kind::Object(_)));
        assert_eq!(
            rewrite(text, &old, &new).unwrap(),
            r#"{"a": {"x": [1, 2]}, "b": [{"y": 1}, {"y": 5}], "c": 3}"#
        );
        let same = Parser { text, at: 0 }.value(0, Some((&old, &old))).unwrap();
        assert!(matches!(same.kind, Kind::Unread));
        assert!(
            Parser {
                text: "{\"a\": [1,}",
                at: 0
            }
            .value(0, None)
            .is_none()
        );
    }
}
