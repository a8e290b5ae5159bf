//! The answers file's text (`Answers::to_json`), written without building the whole
//! file as one JSON value: the five lists that can hold thousands of entries are
//! written entry by entry. As one `serde_json::Value`, a file of 5,000 data
//! categories and 2,000 recipients was about 15 MB for the length of every save
//! (objects of every field, answered or not, before pruning), for a text of 2.7 MB.
//!
//! The text is exactly `serde_json::to_string_pretty` of [`Answers::to_file_value`]
//! (a test holds it on every example and on a large generated file): two-space
//! indents, `": "` after keys, `[]` and `{}` for empty lists and objects.

use serde::Serialize;
use serde_json::Value;

use super::{Answers, DataCollection, Retention, StoreDisclosures, schema};

/// The lists written entry by entry: those [`Answers::entries`] reads (a test holds
/// the two alike).
pub(crate) const LONG_LISTS: [&str; 5] = [
    "data.categories",
    "purposes",
    "processors",
    "retention.rules",
    "stores.categories",
];

/// The answers as the file holds them, as text (see [`Answers::to_json`]).
pub fn write(answers: &Answers) -> String {
    let mut out = String::with_capacity(4096);
    write_to(&mut out, answers);
    out
}

/// Writes the text [`write`] makes straight into `sink`, never holding it whole: an
/// interview's save of a file of megabytes streams it to disk.
pub fn write_into(answers: &Answers, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = Sink { sink, error: None };
    write_to(&mut out, answers);
    out.error.map_or(Ok(()), Err)
}

/// Whether `text` is exactly what [`write`] writes for `answers`: compared as it would
/// be written, without writing it (a save asks this of a text of megabytes).
pub fn is_text_of(answers: &Answers, text: &str) -> bool {
    let mut out = Same {
        rest: text,
        same: true,
    };
    write_to(&mut out, answers);
    out.same && out.rest.is_empty()
}

/// The file's whole text, into `out`: the one way [`write`], [`write_into`] and
/// [`is_text_of`] make it.
fn write_to(out: &mut impl Out, answers: &Answers) {
    let value = shell(answers);
    write_value(out, &value, 0, "", answers);
    out.push('\n');
}

/// Where the text goes: a string, or a comparison with a text already written.
trait Out {
    fn push_str(&mut self, s: &str);

    fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
}

impl Out for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }

    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// A writer the text goes to; its first error is kept, and nothing is written after it.
struct Sink<'a> {
    sink: &'a mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl Out for Sink<'_> {
    fn push_str(&mut self, s: &str) {
        if self.error.is_none()
            && let Err(e) = self.sink.write_all(s.as_bytes())
        {
            self.error = Some(e);
        }
    }
}

/// What is left of the text to compare, and whether it matched so far.
struct Same<'a> {
    rest: &'a str,
    same: bool,
}

impl Out for Same<'_> {
    fn push_str(&mut self, s: &str) {
        match self.rest.strip_prefix(s) {
            Some(rest) if self.same => self.rest = rest,
            _ => self.same = false,
        }
    }
}

/// The file values of `old` and `new` ([`Answers::to_file_value`]) for fitting `new`
/// into the text of a file that held `old`, except that an entry of a long list that
/// is the same in both (lists of the same length) is `null` in both: the layout keeps
/// the text of whatever did not change, and neither value is ever built whole.
pub fn values_apart(old: &Answers, new: &Answers) -> (Value, Value) {
    let (mut a, mut b) = (shell(old), shell(new));
    for path in LONG_LISTS {
        let (x, y) = (count(old, path), count(new, path));
        let (mut xs, mut ys) = (Vec::with_capacity(x), Vec::with_capacity(y));
        for i in 0..x.max(y) {
            let (ex, ey) = (
                (i < x).then(|| entry(old, path, i)),
                (i < y).then(|| entry(new, path, i)),
            );
            match (ex, ey) {
                (Some(ex), Some(ey)) if x == y && ex == ey => {
                    xs.push(Value::Null);
                    ys.push(Value::Null);
                }
                (ex, ey) => {
                    xs.extend(ex);
                    ys.extend(ey);
                }
            }
        }
        let pointer = pointer(path);
        for (value, items) in [(&mut a, xs), (&mut b, ys)] {
            if !items.is_empty() {
                *value.pointer_mut(&pointer).expect("marked") = Value::Array(items);
            }
        }
    }
    (a, b)
}

/// The answers' file value without the long lists: where one has entries, its
/// path marked with a text (which pruning keeps) for them to be put in.
fn shell(answers: &Answers) -> Value {
    let shell = without_long_lists(answers);
    let mut value = shell.to_value();
    drop(shell);
    for path in LONG_LISTS {
        if count(answers, path) > 0 {
            *value
                .pointer_mut(&pointer(path))
                .expect("every long list is in the model") = Value::String(path.to_owned());
        }
    }
    schema::prune_unanswered(&mut value);
    value
}

/// A copy of the answers with the long lists empty, made without copying their
/// entries: a clone of the whole answers, to empty them after, was megabytes on every
/// save of a large policy. The parts that hold a long list are copied field by field
/// (a new field there is a compile error here); a test holds the copy equal to a
/// clone with the lists emptied, on every example.
fn without_long_lists(answers: &Answers) -> Answers {
    let mut shell = Answers {
        schema_version: answers.schema_version,
        ..Answers::default()
    };
    for part in Answers::PARTS {
        match *part {
            "purposes" | "processors" => {}
            "data" => {
                let DataCollection {
                    categories: _,
                    notes,
                    not_collected,
                    for_customers,
                    subprocessor_changes,
                } = &answers.data;
                shell.data = DataCollection {
                    categories: Vec::new(),
                    notes: notes.clone(),
                    not_collected: not_collected.clone(),
                    for_customers: for_customers.clone(),
                    subprocessor_changes: subprocessor_changes.clone(),
                };
            }
            "retention" => {
                let Retention { rules: _, deletion } = &answers.retention;
                shell.retention = Retention {
                    rules: Vec::new(),
                    deletion: deletion.clone(),
                };
            }
            "stores" => {
                let StoreDisclosures {
                    encrypted_in_transit,
                    account_deletion_url,
                    deletion_without_account,
                    data_deletion_url,
                    categories: _,
                } = &answers.stores;
                shell.stores = StoreDisclosures {
                    encrypted_in_transit: *encrypted_in_transit,
                    account_deletion_url: account_deletion_url.clone(),
                    deletion_without_account: *deletion_without_account,
                    data_deletion_url: data_deletion_url.clone(),
                    categories: Vec::new(),
                };
            }
            other => shell.take_part(other, answers.part_copy(other)),
        }
    }
    shell
}

/// `/data/categories` for `data.categories`.
fn pointer(path: &str) -> String {
    format!("/{}", path.replace('.', "/"))
}

fn count(answers: &Answers, path: &str) -> usize {
    answers.entries(path).map_or(0, |list| list.count())
}

/// Entry `i` of the long list at `path`, as the file holds it.
fn entry(answers: &Answers, path: &str, i: usize) -> Value {
    let list = answers
        .entries(path)
        .expect("every long list is an entry list");
    let mut entry = list.entry_json(i).expect("an entry within the list");
    if path == "processors" {
        super::without_implied_role(&answers.processors[i], &mut entry);
    }
    schema::prune_with(&mut entry, schema::list_items(path));
    entry
}

/// `value` at `path`, pretty, its lines after the first indented `depth` levels.
fn write_value(out: &mut impl Out, value: &Value, depth: usize, path: &str, answers: &Answers) {
    match value {
        Value::String(_) if LONG_LISTS.contains(&path) => write_list(out, path, depth, answers),
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(out, i, depth + 1);
                write_value(out, item, depth + 1, "", answers);
            }
            close(out, depth, ']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (key, member)) in map.iter().enumerate() {
                separate(out, i, depth + 1);
                push_json(out, key);
                out.push_str(": ");
                // Only members of the top two levels can be long lists.
                let at = match (path, depth) {
                    ("", 0) => key.clone(),
                    (_, 1) => format!("{path}.{key}"),
                    _ => String::new(),
                };
                write_value(out, member, depth + 1, &at, answers);
            }
            close(out, depth, '}');
        }
        scalar => push_json(out, scalar),
    }
}

/// The long list at `path`, each entry made a value and written on its own.
fn write_list(out: &mut impl Out, path: &str, depth: usize, answers: &Answers) {
    out.push('[');
    for i in 0..count(answers, path) {
        separate(out, i, depth + 1);
        write_value(out, &entry(answers, path, i), depth + 1, "", answers);
    }
    close(out, depth, ']');
}

/// Before the `i`th member of a list or object: a comma after the one before, a new
/// line, the indent.
fn separate(out: &mut impl Out, i: usize, depth: usize) {
    if i > 0 {
        out.push(',');
    }
    out.push('\n');
    indent(out, depth);
}

fn close(out: &mut impl Out, depth: usize, bracket: char) {
    out.push('\n');
    indent(out, depth);
    out.push(bracket);
}

fn indent(out: &mut impl Out, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A text or scalar as JSON, escaped as serde_json escapes it.
fn push_json(out: &mut impl Out, value: &(impl Serialize + ?Sized)) {
    out.push_str(&serde_json::to_string(value).expect("a scalar serialises"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_before(a: &Answers) -> String {
        let mut text = serde_json::to_string_pretty(&a.to_file_value()).unwrap();
        text.push('\n');
        text
    }

    /// The text streamed to a writer is the text written, on every example; a
    /// writer's error is returned, and nothing is written after it.
    #[test]
    fn the_text_streamed_is_the_text_written() {
        for name in [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            let a = Answers::example(name);
            let mut streamed = Vec::new();
            write_into(&a, &mut streamed).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), write(&a), "{name}");
        }
        struct Full(usize);
        impl std::io::Write for Full {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0 += 1;
                match self.0 {
                    1 => Ok(bytes.len()),
                    _ => Err(std::io::Error::other("disk full")),
                }
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut full = Full(0);
        let error = write_into(&Answers::example("acme"), &mut full).unwrap_err();
        assert_eq!(error.to_string(), "disk full");
        assert_eq!(full.0, 2, "nothing written after the error");
    }

    /// The text is what pretty-printing the whole file value gives, on every example,
    /// with each long list emptied, and on a large generated file.
    #[test]
    fn the_text_is_the_whole_values_pretty_print() {
        for name in [
            "acme", "complete", "habitly", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            let a = Answers::example(name);
            assert_eq!(write(&a), as_before(&a), "{name}");
            let mut empty = a.clone();
            empty.data.categories.clear();
            empty.processors.clear();
            empty.retention.rules.clear();
            assert_eq!(write(&empty), as_before(&empty), "{name}, lists emptied");
        }
        assert_eq!(write(&Answers::default()), as_before(&Answers::default()));
    }

    /// The copy without the long lists is a clone with them emptied: no field of a
    /// part that holds one is forgotten.
    #[test]
    fn the_copy_without_long_lists_is_a_clone_with_them_emptied() {
        for name in [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            let a = Answers::example(name);
            let mut expected = a.clone();
            expected.data.categories.clear();
            expected.purposes.clear();
            expected.processors.clear();
            expected.retention.rules.clear();
            expected.stores.categories.clear();
            assert_eq!(without_long_lists(&a), expected, "{name}");
        }
    }

    /// A text is the answers' own exactly when it is what `write` writes: not with a
    /// character changed, cut short, made longer or reindented.
    #[test]
    fn a_text_is_the_answers_own_only_when_it_is_what_is_written() {
        for name in [
            "acme", "complete", "habitly", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            let a = Answers::example(name);
            let text = write(&a);
            assert!(is_text_of(&a, &text), "{name}");
            let at = text.len() / 2;
            let mut changed = text.clone();
            changed.replace_range(at..=at, if &text[at..=at] == "x" { "y" } else { "x" });
            for other in [
                changed,
                text[..text.len() - 1].to_owned(),
                format!("{text}\n"),
                text.replace("\n  ", "\n   "),
                String::new(),
            ] {
                assert!(
                    !is_text_of(&a, &other),
                    "{name}: {:?}",
                    &other[..other.len().min(40)]
                );
            }
            assert!(!is_text_of(&Answers::default(), &text), "{name}");
        }
    }

    /// Apart, the values are the whole ones with the entries both share set to
    /// `null` in both: only in long lists that keep their length.
    #[test]
    fn values_apart_leave_out_only_shared_entries() {
        let a = Answers::example("complete");
        let mut b = a.clone();
        b.data.categories[1].description.push_str(" (changed)");
        b.processors.pop();
        let (mut wx, mut wy) = (a.to_file_value(), b.to_file_value());
        let mut nulled = 0;
        for path in LONG_LISTS {
            let (Some(Value::Array(x)), Some(Value::Array(y))) = (
                wx.pointer_mut(&pointer(path)),
                wy.pointer_mut(&pointer(path)),
            ) else {
                continue;
            };
            if x.len() == y.len() {
                for (ex, ey) in x.iter_mut().zip(y).filter(|(ex, ey)| ex == ey) {
                    (*ex, *ey) = (Value::Null, Value::Null);
                    nulled += 1;
                }
            }
        }
        assert!(nulled > 5, "{nulled}");
        let (x, y) = values_apart(&a, &b);
        assert!(x["data"]["categories"][1].is_object() && x["processors"][0].is_object());
        assert_eq!(x, wx);
        assert_eq!(y, wy);
    }

    /// The lists written entry by entry are those the wizard reads entry by entry.
    #[test]
    fn the_long_lists_are_the_entry_lists() {
        let a = Answers::example("complete");
        for path in LONG_LISTS {
            assert!(a.entries(path).is_some(), "{path}");
        }
    }
}
