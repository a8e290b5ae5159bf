//! The answers templates read verbatim as `a` (`a.organization.name`,
//! `a.data.notes`).
//!
//! Most of the template context is reshaped for reading ([`super::view`]); `a` is
//! the answers as they are, for anything a template wants as written. Handing Tera
//! all of them meant converting every data category and recipient a second time
//! (a sixth of a render of 5,000 data categories), while the built-in templates
//! read a few small parts. So with the built-in templates `a` holds only the answers
//! they name, found by reading their source once; with templates of the operator's
//! own (`--templates`) it holds everything, as the README promises. The list of what
//! they read is written out ([`BUILTIN`]) rather than found when rendering (reading
//! the templates for it was a tenth of a small render); a test reads the templates
//! and holds the list to them.

use serde::{Serialize, Serializer};
#[cfg(test)]
use serde_json::{Map, Value};

use crate::answers::Answers;
use crate::answers::set::answer_at;

/// What the built-in templates read through `a`: parts, or one field of a part when
/// they read only that field. `tests::the_list_is_what_the_builtin_templates_read`
/// keeps it equal to a reading of the templates.
const BUILTIN: &[&str] = &[
    "ai",
    "app.att_prompt",
    "audience",
    "changes",
    "data.notes",
    "extension.browser",
    "extension.limited_use",
    "extension.no_tracking_or_ads",
    "hosting",
    "marketing",
    "organization",
    "policy.agreement_by_use",
    "policy.last_updated",
    "policy.title",
    "rights",
    "security",
    "sharing.items",
    "sharing.no_resharing",
    "third_party_links",
    "tracking",
];

/// Which answers `a` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbatim {
    /// Those the built-in templates name.
    Builtin,
    /// All of them: some template is the operator's own.
    All,
}

impl Verbatim {
    /// With templates of the operator's own (`--templates DIR`), all the answers:
    /// they may read any.
    pub fn for_templates(dir: Option<&std::path::Path>) -> Verbatim {
        match dir {
            Some(_) => Verbatim::All,
            None => Verbatim::Builtin,
        }
    }
}

/// `a` in the template context.
pub struct VerbatimAnswers<'a> {
    pub answers: &'a Answers,
    pub which: Verbatim,
}

impl Serialize for VerbatimAnswers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.which {
            Verbatim::Builtin => Builtin(self.answers).serialize(serializer),
            Verbatim::All => self.answers.serialize(serializer),
        }
    }
}

/// The answers [`BUILTIN`] names, in the shape of the whole, serialised straight
/// from the typed answers: what [`named`] gives, without a JSON value made for
/// each part, serialised again and dropped (that was a twentieth of a small
/// render, issue 17). A path not written out below is still found, through
/// [`named`]'s way; `tests::builtin_is_named` holds the two equal on every example.
struct Builtin<'a>(&'a Answers);

impl Serialize for Builtin<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let a = self.0;
        let parts = parts(BUILTIN);
        let mut map = serializer.serialize_map(Some(parts.len()))?;
        for (part, fields) in parts {
            if let Some(fields) = fields {
                map.serialize_entry(part, &PartFields(a, part, fields))?;
                continue;
            }
            match part {
                "ai" => map.serialize_entry(part, &a.ai)?,
                "audience" => map.serialize_entry(part, &a.audience)?,
                "changes" => map.serialize_entry(part, &a.changes)?,
                "hosting" => map.serialize_entry(part, &a.hosting)?,
                "marketing" => map.serialize_entry(part, &a.marketing)?,
                "organization" => map.serialize_entry(part, &a.organization)?,
                "rights" => map.serialize_entry(part, &a.rights)?,
                "security" => map.serialize_entry(part, &a.security)?,
                "third_party_links" => map.serialize_entry(part, &a.third_party_links)?,
                "tracking" => map.serialize_entry(part, &a.tracking)?,
                _ => {
                    if let Some(value) = answer_at(a, part) {
                        map.serialize_entry(part, &value)?;
                    }
                }
            }
        }
        map.end()
    }
}

/// Some fields of one part of the answers (`policy.title`, `policy.last_updated`).
struct PartFields<'a>(&'a Answers, &'a str, Vec<&'a str>);

impl Serialize for PartFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let PartFields(a, part, fields) = self;
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for &field in fields {
            match (*part, field) {
                ("app", "att_prompt") => map.serialize_entry(field, &a.app.att_prompt)?,
                ("data", "notes") => map.serialize_entry(field, &a.data.notes)?,
                ("extension", "browser") => map.serialize_entry(field, &a.extension.browser)?,
                ("extension", "limited_use") => {
                    map.serialize_entry(field, &a.extension.limited_use)?
                }
                ("extension", "no_tracking_or_ads") => {
                    map.serialize_entry(field, &a.extension.no_tracking_or_ads)?
                }
                ("policy", "agreement_by_use") => {
                    map.serialize_entry(field, &a.policy.agreement_by_use)?
                }
                ("policy", "last_updated") => map.serialize_entry(field, &a.policy.last_updated)?,
                ("policy", "title") => map.serialize_entry(field, &a.policy.title)?,
                ("sharing", "items") => map.serialize_entry(field, &a.sharing.items)?,
                ("sharing", "no_resharing") => {
                    map.serialize_entry(field, &a.sharing.no_resharing)?
                }
                _ => {
                    if let Some(value) = answer_at(a, &format!("{part}.{field}")) {
                        map.serialize_entry(field, &value)?;
                    }
                }
            }
        }
        map.end()
    }
}

/// `paths` grouped by part, in their order: each part named whole (`None`), or the
/// fields named of it. A part named whole holds all its fields, as in [`named`].
#[allow(clippy::type_complexity)]
fn parts<'p>(paths: &[&'p str]) -> Vec<(&'p str, Option<Vec<&'p str>>)> {
    let mut parts: Vec<(&str, Option<Vec<&str>>)> = Vec::new();
    for path in paths {
        let (part, field) = match path.split_once('.') {
            Some((part, field)) => (part, Some(field)),
            None => (*path, None),
        };
        let index = match parts.iter().position(|(p, _)| *p == part) {
            Some(index) => index,
            None => {
                parts.push((part, field.map(|_| Vec::new())));
                parts.len() - 1
            }
        };
        match (field, &mut parts[index].1) {
            (Some(field), Some(fields)) => fields.push(field),
            (None, fields) => *fields = None,
            (Some(_), None) => {}
        }
    }
    parts
}

/// The answers at these paths (a part, or a part's field), in the shape of the whole,
/// found by path: what [`Builtin`] serialises straight from the typed answers (the
/// tests hold the two equal).
#[cfg(test)]
fn named(answers: &Answers, paths: &[&str]) -> Value {
    let mut out = Map::new();
    for path in paths {
        let Some(value) = answer_at(answers, path) else {
            continue;
        };
        match path.split_once('.') {
            None => {
                out.insert((*path).to_owned(), value);
            }
            Some((part, field)) => {
                if let Value::Object(fields) = out
                    .entry(part.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()))
                {
                    fields.insert(field.to_owned(), value);
                }
            }
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::templates::EMBEDDED;

    /// What `a` paths these template sources read, as [`BUILTIN`] lists them.
    fn paths_read<'s>(sources: impl Iterator<Item = &'s str>) -> Option<Vec<Vec<String>>> {
        let mut read: Vec<Vec<String>> = Vec::new();
        for source in sources {
            for tag in tags(source) {
                for path in uses_of_a(tag)? {
                    read.push(path);
                }
            }
        }
        // A part read whole covers every field of it read alone.
        let whole: Vec<String> = read
            .iter()
            .filter(|p| p.len() == 1)
            .map(|p| p[0].clone())
            .collect();
        read.retain(|p| p.len() == 1 || !whole.contains(&p[0]));
        read.sort();
        read.dedup();
        Some(read)
    }

    /// The insides of a template's `{{ ... }}` and `{% ... %}` tags (comments and text
    /// are not code).
    fn tags(source: &str) -> impl Iterator<Item = &str> {
        let mut rest = source;
        std::iter::from_fn(move || {
            loop {
                let start = rest.find('{')?;
                let after = &rest[start + 1..];
                let close = match after.chars().next() {
                    Some('{') => "}}",
                    Some('%') => "%}",
                    _ => {
                        rest = after;
                        continue;
                    }
                };
                let end = after.find(close).unwrap_or(after.len());
                let tag = &after[1..end];
                rest = &after[(end + close.len()).min(after.len())..];
                return Some(tag);
            }
        })
    }

    /// Each use of the identifier `a` in one tag as a path of at most two names
    /// (`a.data.notes` is data.notes; `a.organization` is the part); `None` for a use
    /// that is not a path (`a[...]`, `a` alone).
    fn uses_of_a(tag: &str) -> Option<Vec<Vec<String>>> {
        let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let mut uses = Vec::new();
        let bytes = tag.as_bytes();
        let mut quote: Option<u8> = None;
        for (i, &b) in bytes.iter().enumerate() {
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => continue,
                None if b == b'"' || b == b'\'' || b == b'`' => quote = Some(b),
                None => {}
            }
            if quote.is_some() || b != b'a' {
                continue;
            }
            let before = tag[..i].chars().next_back();
            if before.is_some_and(|c| is_name(c) || c == '.') {
                continue;
            }
            let after = &tag[i + 1..];
            if after.starts_with(is_name) {
                continue;
            }
            let path = after.strip_prefix('.')?;
            let names: Vec<String> = path
                .split('.')
                .map(|s| s.split(|c: char| !is_name(c)).next().unwrap_or(""))
                .take_while(|s| !s.is_empty())
                .take(2)
                .map(str::to_owned)
                .collect();
            // `a.data.notes` names a field only when the path goes on with a name;
            // stop at the first segment that is followed by something else.
            let first_len = names.first().map_or(0, String::len);
            let continues = path[first_len..].starts_with('.') && names.len() == 2;
            if names.is_empty() {
                return None;
            }
            uses.push(if continues {
                names
            } else {
                names[..1].to_vec()
            });
        }
        Some(uses)
    }

    fn paths(sources: &[&str]) -> Option<Vec<String>> {
        paths_read(sources.iter().copied()).map(|p| p.iter().map(|p| p.join(".")).collect())
    }

    /// What `a` holds with the built-in templates, serialised straight from the
    /// typed answers, is what [`named`] finds by path, on every example.
    #[test]
    fn builtin_is_named() {
        let mut compared = 0;
        for (path, answers) in crate::examples::examples() {
            let (mut by_path, mut typed) = (tera::Context::new(), tera::Context::new());
            by_path.insert("a", &named(&answers, BUILTIN));
            typed.insert("a", &Builtin(&answers));
            assert_eq!(by_path.get("a"), typed.get("a"), "{path}");
            assert_eq!(
                serde_json::to_value(Builtin(&answers)).unwrap(),
                named(&answers, BUILTIN),
                "{path}"
            );
            compared += 1;
        }
        assert!(compared >= 5, "{compared} examples");
        // A part named whole holds all of it; paths not written out are still found.
        assert_eq!(
            parts(&["a", "b.x", "a.y", "b.z", "c"]),
            vec![("a", None), ("b", Some(vec!["x", "z"])), ("c", None)]
        );
    }

    #[test]
    fn the_list_is_what_the_builtin_templates_read() {
        let sources: Vec<&str> = EMBEDDED.iter().map(|(_, source)| *source).collect();
        let listed: Vec<String> = BUILTIN.iter().map(|p| (*p).to_owned()).collect();
        assert_eq!(
            paths(&sources),
            Some(listed),
            "the built-in templates read other answers through `a`: update BUILTIN"
        );
    }

    #[test]
    fn paths_are_read_from_tags_only() {
        assert_eq!(
            paths(&[
                "A policy for a product. {{ a.organization.product_name }} {% if a.data.notes %}x{% endif %}",
                "{% for n in a.data.notes %}{{ n }}{% endfor %} {# a.secret #} {{ \"a.b\" }}",
                "{% set t = a.tracking %}{{ t.cookies | length }} {{ a.tracking.consent }}",
            ]),
            Some(vec![
                "data.notes".to_owned(),
                "organization.product_name".to_owned(),
                "tracking".to_owned(),
            ])
        );
        assert_eq!(paths(&["{{ a | json_encode }}"]), None);
        assert_eq!(paths(&["{{ a[\"data\"] }}"]), None);
        assert_eq!(paths(&["{{ data.a }} {{ na.b }} {{ a_b }}"]), Some(vec![]));
    }

    /// The built-in templates read through `a` only what [`BUILTIN`] lists; every
    /// example renders the same with all the answers as `a` and with only those.
    #[test]
    fn the_builtin_templates_render_the_same_with_only_the_answers_they_name() {
        // The point of it: the long lists are not converted a second time.
        for list in ["data", "processors", "purposes", "retention"] {
            assert!(!BUILTIN.contains(&list), "{list} whole");
        }
        let renderer = super::super::Renderer::new(None).unwrap();
        for (path, answers) in crate::examples::examples() {
            let policy =
                crate::policy::Policy::resolve(&answers, &crate::catalog::Catalog::builtin())
                    .unwrap();
            let (Ok(builtin), Ok(all)) = (
                super::super::Prepared::new(&policy, Verbatim::Builtin),
                super::super::Prepared::new(&policy, Verbatim::All),
            ) else {
                continue;
            };
            for format in [
                super::super::Format::Markdown,
                super::super::Format::Html,
                super::super::Format::Text,
            ] {
                assert_eq!(
                    renderer.render_prepared(&builtin, format).unwrap(),
                    renderer.render_prepared(&all, format).unwrap(),
                    "{path} {format:?}"
                );
            }
        }
    }
}
