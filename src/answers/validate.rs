//! Semantic checks that make answers renderable: required answers present, e-mails and
//! links well-formed, ids unique, references pointing at something. Every problem is
//! collected so the operator fixes them all in one go.
//!
//! Whether the policy satisfies a *law* is not decided here; that is `check`'s job.

use std::collections::HashSet;
use std::fmt::Display;

use super::{Answers, Problem};
use crate::answers::Short;
use crate::text::terminal_safe;

/// Every problem that stops the answers from rendering, in file order.
pub fn problems(a: &Answers) -> Vec<Problem> {
    problems_in(a, None)
}

/// The problems [`problems`] finds at or inside these answer paths (canonical,
/// `data.categories[3].name`), in the same order, checking only what can have a
/// problem there: a confirmed answer in the wizard is checked in time that does not
/// grow with the 5,000 data categories it is not about.
pub fn problems_under(a: &Answers, paths: &[String]) -> Vec<Problem> {
    problems_in(a, Some(paths))
        .into_iter()
        .filter(|problem| paths.iter().any(|k| within(&problem.path, k)))
        .collect()
}

/// Whether `path` is `ancestor` or inside it (`data.categories[3].name` is inside
/// `data.categories` and `data.categories[3]`, `data.categoriesx` is not).
pub fn within(path: &str, ancestor: &str) -> bool {
    path.strip_prefix(ancestor)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Whether `path` is one of `paths`, inside one, or holds one: whether anything at
/// or inside `path` can be at or inside one of them.
pub fn touches(paths: &[String], path: &str) -> bool {
    paths.iter().any(|k| within(k, path) || within(path, k))
}

fn problems_in(a: &Answers, under: Option<&[String]>) -> Vec<Problem> {
    let mut p = Problems(Vec::new(), under);
    let org = &a.organization;

    if p.wants("organization") {
        organization(org, &mut p);
    }
    if let Some(age) = a.audience.minimum_age
        && !is_minimum_age(age.into())
    {
        p.push("audience.minimum_age", not_an_age(age));
    }
    // No `policy.last_updated` is a draft: it renders marked as not yet published,
    // and `publish` gives it its date.

    // The data categories' ids, which the lists after them refer to: checked when
    // they are asked about, known (without their problems) when a list that refers
    // to them is.
    let refers = [
        "purposes",
        "processors",
        "disclosures",
        "hosting.stores",
        "retention.rules",
    ]
    .iter()
    .any(|list| p.wants(list));
    let ids = a.data.categories.iter().map(|c| c.id.as_str());
    let categories = if p.wants("data.categories") {
        p.unique_ids("data.categories", ids)
    } else if refers {
        Problems(Vec::new(), None).unique_ids("data.categories", ids)
    } else {
        HashSet::new()
    };
    if p.wants("data.categories") {
        for (i, c) in a.data.categories.iter().enumerate() {
            p.required(format_args!("data.categories[{i}].name"), &c.name);
            p.required(
                format_args!("data.categories[{i}].description"),
                &c.description,
            );
            // One source or several, never none (GDPR Art. 14(2)(f)).
            if c.source.is_empty() {
                p.push(
                    format!("data.categories[{i}].source"),
                    "is required: name where it comes from (one source, or a list of them)",
                );
            }
        }
    }
    if let Some(f) = &a.data.for_customers {
        p.url("data.for_customers.dpa_url", f.dpa_url.as_deref());
    }
    if let Some(c) = &a.data.subprocessor_changes {
        p.url(
            "data.subprocessor_changes.subscribe_url",
            c.subscribe_url.as_deref(),
        );
    }
    if p.wants("data.not_collected") {
        for (i, n) in a.data.not_collected.iter().enumerate() {
            p.required(format_args!("data.not_collected[{i}].what"), &n.what);
        }
    }

    if p.wants("purposes") {
        p.unique_ids("purposes", a.purposes.iter().map(|x| x.id.as_str()));
        for (i, x) in a.purposes.iter().enumerate() {
            p.required(format_args!("purposes[{i}].name"), &x.name);
            p.required(format_args!("purposes[{i}].description"), &x.description);
            p.references(
                format_args!("purposes[{i}].categories"),
                &x.categories,
                &categories,
            );
        }
    }

    if p.wants("processors") {
        // A recipient that refers to the catalog takes the id, name and purpose it
        // leaves empty from its entry (`catalog::resolve`; an unknown reference is
        // refused there), so they are not required of it here: the interviews show
        // them as the catalog's, and the policy is checked with them filled in.
        p.unique_ids(
            "processors",
            a.processors.iter().map(|x| match x.catalog.as_deref() {
                Some(entry) if x.id.is_empty() => entry,
                _ => x.id.as_str(),
            }),
        );
        for (i, x) in a.processors.iter().enumerate() {
            if x.catalog.is_none() {
                p.required(format_args!("processors[{i}].name"), &x.name);
                p.required(format_args!("processors[{i}].purpose"), &x.purpose);
            }
            p.references(
                format_args!("processors[{i}].categories"),
                &x.categories,
                &categories,
            );
            for (field, _, url) in x.link_fields() {
                p.url(format_args!("processors[{i}].{field}"), url.as_deref());
            }
        }
    }

    if let Some(t) = &a.telemetry {
        p.required("telemetry.sends", &t.sends);
        for (i, id) in t.to.iter().enumerate() {
            if !a.processors.iter().any(|x| x.id == id) {
                p.push(
                    format!("telemetry.to[{i}]"),
                    format!("refers to recipient `{id}`, which is not listed under processors"),
                );
            }
        }
    }
    if let Some(m) = &a.marketing {
        p.required("marketing.messages", &m.messages);
    }
    if let Some(c) = &a.tracking.consent {
        p.required("tracking.consent.how", &c.how);
        p.required("tracking.consent.withdraw", &c.withdraw);
    }
    if p.wants("disclosures") {
        for (i, x) in a.disclosures.iter().enumerate() {
            p.required(format_args!("disclosures[{i}].when"), &x.when);
            p.required(format_args!("disclosures[{i}].what"), &x.what);
            p.references(
                format_args!("disclosures[{i}].categories"),
                &x.categories,
                &categories,
            );
        }
    }

    p.url("hosting.endpoint", a.hosting.endpoint.as_deref());
    // GDPR Art. 13(1)(f): "the means by which to obtain a copy of them or where they
    // have been made available": a published copy, or a copy on request.
    p.url(
        "hosting.safeguards_copy",
        a.hosting
            .safeguards_copy
            .as_deref()
            .filter(|v| *v != crate::answers::ON_REQUEST),
    );
    if p.wants("hosting.stores") {
        for (i, s) in a.hosting.stores.iter().enumerate() {
            p.required(format_args!("hosting.stores[{i}].name"), &s.name);
            p.required(format_args!("hosting.stores[{i}].holds"), &s.holds);
            p.references(
                format_args!("hosting.stores[{i}].categories"),
                &s.categories,
                &categories,
            );
        }
    }

    if p.wants("retention.rules") {
        for (i, r) in a.retention.rules.iter().enumerate() {
            p.required(format_args!("retention.rules[{i}].data"), &r.data);
            p.references(
                format_args!("retention.rules[{i}].categories"),
                &r.categories,
                &categories,
            );
            if r.period.is_none()
                && r.until.is_none()
                && r.inactive_for.is_none()
                && r.set_by.is_none()
            {
                p.push(
                    format!("retention.rules[{i}]"),
                    "says neither how long (period) nor until when (until, inactive_for, \
                     set_by) the data is kept",
                );
            }
            if r.period.is_none() && (r.after.is_some() || r.up_to) {
                p.push(
                    format!("retention.rules[{i}].period"),
                    "is needed when the period counts from an event (after) or is an \
                     upper bound (up_to)",
                );
            }
            if let Some(id) = &r.set_by
                && !a.processors.iter().any(|x| x.id == id)
            {
                p.push(
                    format!("retention.rules[{i}].set_by"),
                    format!("refers to recipient `{id}`, which is not listed under processors"),
                );
            }
        }
    }
    if p.wants("retention.deletion") {
        for (i, d) in a.retention.deletion.iter().enumerate() {
            p.required(format_args!("retention.deletion[{i}].what"), &d.what);
        }
    }

    if p.wants("rights.rights") {
        for (i, r) in a.rights.rights.iter().enumerate() {
            if let Some(d) = &r.description {
                p.required(format_args!("rights.rights[{i}].description"), d);
            }
        }
    }

    if p.wants("security.measures") {
        for (i, m) in a.security.measures.iter().enumerate() {
            p.required(
                format_args!("security.measures[{i}].description"),
                &m.description,
            );
        }
    }

    if p.wants("extension.permissions") {
        for (i, perm) in a.extension.permissions.iter().enumerate() {
            if perm.names.iter().all(|n| n.trim().is_empty()) {
                p.push(
                    format!("extension.permissions[{i}].names"),
                    "names no permission",
                );
            }
            p.required(
                format_args!("extension.permissions[{i}].used_for"),
                &perm.used_for,
            );
        }
    }

    for (list, perms) in [
        ("app.android_permissions", &a.app.android_permissions),
        ("app.ios_permissions", &a.app.ios_permissions),
    ] {
        if !p.wants(list) {
            continue;
        }
        for (i, perm) in perms.iter().enumerate() {
            if perm.names.iter().all(|n| n.trim().is_empty()) {
                p.push(format!("{list}[{i}].names"), "names no permission");
            }
            p.required(format_args!("{list}[{i}].used_for"), &perm.used_for);
        }
    }

    if p.wants("tracking.cookies") {
        for (i, c) in a.tracking.cookies.iter().enumerate() {
            p.required(format_args!("tracking.cookies[{i}].name"), &c.name);
            p.required(
                format_args!("tracking.cookies[{i}].description"),
                &c.description,
            );
        }
    }

    if p.wants("custom_sections") {
        for (i, s) in a.custom_sections.iter().enumerate() {
            p.required(format_args!("custom_sections[{i}].title"), &s.title);
            p.required(format_args!("custom_sections[{i}].body"), &s.body);
        }
    }

    texts(a, &mut p);
    p.0
}

/// The organization's own answers: the product, its contacts, its representatives.
fn organization(org: &crate::answers::Organization, p: &mut Problems) {
    p.required("organization.product_name", &org.product_name);
    if !org.has_contact_route() {
        p.push(
            "organization.contact_email",
            "is required unless the policy gives another way to reach you \
             (organization.contact_form, issue_tracker or postal_address)",
        );
    }
    p.email("organization.contact_email", Some(&org.contact_email));
    p.email("organization.privacy_email", org.privacy_email.as_deref());
    p.url("organization.website", org.website.as_deref());
    p.url("organization.contact_form", org.contact_form.as_deref());
    p.url("organization.issue_tracker", org.issue_tracker.as_deref());
    for (field, person) in [
        ("dpo", &org.dpo),
        ("eu_representative", &org.eu_representative),
        ("uk_representative", &org.uk_representative),
        ("swiss_representative", &org.swiss_representative),
    ] {
        if let Some(person) = person {
            p.required(format_args!("organization.{field}.name"), &person.name);
            p.email(
                format_args!("organization.{field}.email"),
                person.email.as_deref(),
            );
        }
    }
}

/// Two checks of every text the operator wrote, in one walk over the answers (see
/// [`super::texts`]), so an answer added later is covered without a line here:
///
/// - no character a terminal obeys rather than shows (ESC, CR, BEL, C1 controls,
///   bidi overrides: see [`terminal_safe::is_unsafe`]); newline and tab are text;
/// - no line break in an answer the interview asks for as one line (a name, a
///   title): the plain-text policy prints them as they are, so a break there made a
///   line of its own ("NOTICE: this policy no longer applies") or a false
///   table-of-contents entry. Decided by the questions' kinds.
///
/// Control characters are listed first, then line breaks, each in file order.
fn texts(a: &Answers, p: &mut Problems) {
    let mut breaks = Vec::new();
    super::texts::each_text_under(a, p.1, &mut |path, shape, text| {
        if let Some(c) = terminal_safe::first_unsafe(text) {
            p.push(path, has_control_character(c));
        }
        if text.contains('\n') && ONE_LINE.contains(shape) {
            breaks.push(Problem::new(path, LINE_BREAK));
        }
    });
    p.0.append(&mut breaks);
}

/// The shapes (paths without positions, `data.categories[].name`) of the answers
/// asked for as one line: `Text` answers, and each line of a `Lines` answer.
static ONE_LINE: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(|| {
    fn collect(questions: &[crate::questions::Question], base: &str, out: &mut HashSet<String>) {
        use crate::questions::Kind;
        for q in questions {
            let shape = if base.is_empty() {
                q.key.to_owned()
            } else {
                format!("{base}.{}", q.key)
            };
            match &q.kind {
                Kind::Text => {
                    out.insert(shape);
                }
                Kind::Lines => {
                    out.insert(format!("{shape}[]"));
                }
                Kind::Records(records) => collect(&records.fields, &format!("{shape}[]"), out),
                Kind::Group(fields) => collect(fields, &shape, out),
                _ => {}
            }
        }
    }
    let mut out = HashSet::new();
    for section in crate::questions::sections() {
        collect(&section.questions, "", &mut out);
    }
    out
});

const LINE_BREAK: &str = "is one line of text and holds a line break";

/// Why text holding `c` is refused.
pub fn has_control_character(c: char) -> String {
    format!(
        "contains a control character (U+{:04X}); only newline and tab are allowed in text",
        u32::from(c)
    )
}

/// Collects problems; each helper checks one kind of thing. With paths (see
/// [`problems_under`]), only the checks that can find a problem at or inside one of
/// them need to run.
struct Problems<'k>(Vec<Problem>, Option<&'k [String]>);

impl Problems<'_> {
    /// Whether a problem at or inside `path` can be at or inside one of the paths
    /// asked about (`path` is one of them, inside one, or holds one).
    fn wants(&self, path: &str) -> bool {
        self.1.is_none_or(|asked| touches(asked, path))
    }

    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem::new(path, message));
    }

    // Paths are `Display` (often `format_args!`), written out only for a problem:
    // validation runs on every confirmed answer, and most answers have none.
    fn required(&mut self, path: impl Display, value: &str) {
        if value.trim().is_empty() {
            self.push(path.to_string(), "is required and is empty");
        }
    }

    fn email(&mut self, path: impl Display, value: Option<&str>) {
        match value {
            Some(v) if !v.is_empty() && !is_email(v) => {
                self.push(path.to_string(), format!("`{v}` is not an e-mail address"))
            }
            _ => {}
        }
    }

    fn url(&mut self, path: impl Display, value: Option<&str>) {
        if let Some(v) = value
            && !is_web_url(v)
        {
            self.push(
                path.to_string(),
                format!("`{v}` is not a web address; write it in full, e.g. https://example.com"),
            );
        }
    }

    /// Checks that ids are well-formed and unique; returns the set of valid ids.
    fn unique_ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = || format!("{list}[{i}].id");
            if id.is_empty() {
                self.push(path(), "is required and is empty");
            } else if !is_id(id) {
                self.push(
                    path(),
                    format!("`{id}` is not a usable id; use lowercase letters, digits, - and _"),
                );
            } else if !seen.insert(id) {
                self.push(path(), format!("`{id}` is used by an earlier entry too"));
            }
        }
        seen
    }

    fn references(&mut self, path: impl Display, ids: &[Short], known: &HashSet<&str>) {
        for (i, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                let mut known: Vec<_> = known.iter().copied().collect();
                known.sort_unstable();
                let hint = if known.is_empty() {
                    "there are no data categories yet".to_owned()
                } else {
                    format!("known: {}", known.join(", "))
                };
                self.push(
                    format!("{path}[{i}]"),
                    format!("refers to data category `{id}`, which does not exist ({hint})"),
                );
            }
        }
    }
}

/// The highest "youngest age of user" an answer may give. No law the policy covers
/// sets an age threshold above 21, so a larger number is a typo, not a policy.
pub const MAX_MINIMUM_AGE: u8 = 21;

/// Whether `age` can be the youngest age of user a product accepts. The interview
/// reads the answer with this and validation checks the file, `set` and `--set` with
/// it, so every way in refuses the same ages with the same words.
pub fn is_minimum_age(age: u64) -> bool {
    age <= u64::from(MAX_MINIMUM_AGE)
}

/// Why an answer is refused as a minimum age.
pub fn not_an_age(text: impl Display) -> String {
    format!("`{text}` is not an age between 0 and {MAX_MINIMUM_AGE}")
}

/// A plain, deliberately permissive check: one `@`, something before it, a dotted
/// domain after it, no spaces. Enough to catch typos without rejecting real addresses.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || terminal_safe::is_unsafe(c))
}

/// An absolute http(s) address with a host.
pub fn is_web_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && host.contains('.')
                && !s.chars().any(|c| {
                    c.is_whitespace()
                        || c == '"'
                        || c == '<'
                        || c == '>'
                        || terminal_safe::is_unsafe(c)
                })
        }
        None => false,
    }
}

/// A stable id made of lowercase letters, digits and single dashes, from a name: the
/// suggested id of a list entry, a custom section's anchor.
pub fn id_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Ids are short, lowercase and safe in paths and anchors.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {

    /// The published JSON Schema accepts exactly the format versions this release reads.
    #[test]
    fn the_schema_bounds_the_format_version() {
        let version = &crate::answers::schema::schema()["properties"]["schema_version"];
        assert_eq!(version["minimum"], 1, "{version}");
        assert_eq!(
            version["maximum"],
            crate::answers::SCHEMA_VERSION,
            "{version}"
        );
    }

    /// The published JSON Schema refuses the ages validation refuses.
    #[test]
    fn the_schema_bounds_the_minimum_age_as_validation_does() {
        let schema = crate::answers::schema::schema();
        let age = &schema["$defs"]["Audience"]["properties"]["minimum_age"];
        assert_eq!(age["maximum"], u64::from(MAX_MINIMUM_AGE), "{age}");
    }

    use super::*;
    use crate::answers::{DataCategory, Processor, Purpose};

    /// Checking only what can be wrong at some paths finds exactly what checking
    /// everything finds there, in the same order: on every example, with problems
    /// put into every list (empty and repeated ids, unknown references, control
    /// characters, line breaks in names), for every question's path and for paths
    /// of single entries and fields.
    #[test]
    fn problems_under_paths_are_those_of_the_whole_there() {
        let names = [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ];
        for name in names {
            let mut a = Answers::example(name);
            let mut broken = a.clone();
            broken.organization.product_name = "Bad\u{1b}[2J".into();
            if let Some(c) = broken.data.categories.first_mut() {
                c.name = "two\nlines".into();
                c.source = Default::default();
            }
            let first = broken.data.categories.first().cloned();
            if let Some(c) = first {
                broken.data.categories.push(c);
            }
            if let Some(x) = broken.purposes.first_mut() {
                x.categories.push("nope".into());
                x.id = String::new();
            }
            if let Some(x) = broken.processors.last_mut() {
                x.categories.push("nothing".into());
                x.name = " ".into();
            }
            for r in &mut broken.retention.rules {
                r.period = None;
                r.until = None;
            }
            for answers in [&mut a, &mut broken] {
                let all = problems(answers);
                let mut paths: Vec<String> = crate::questions::sections()
                    .iter()
                    .flat_map(|s| s.questions.iter().map(|q| q.key.to_owned()))
                    .collect();
                paths.extend(all.iter().map(|p| p.path.clone()));
                paths.extend(
                    all.iter()
                        .filter_map(|p| p.path.split_once('[').map(|(list, _)| list.to_owned())),
                );
                paths.extend(
                    ["organization", "data", "data.categories[0]", "waivers"].map(String::from),
                );
                for path in &paths {
                    let asked = std::slice::from_ref(path);
                    let whole: Vec<_> = all
                        .iter()
                        .filter(|p| within(&p.path, path))
                        .cloned()
                        .collect();
                    assert_eq!(problems_under(answers, asked), whole, "{name} at {path}");
                }
                let two = ["purposes".to_owned(), "data.categories".to_owned()];
                let whole: Vec<_> = all
                    .iter()
                    .filter(|p| two.iter().any(|k| within(&p.path, k)))
                    .cloned()
                    .collect();
                assert_eq!(problems_under(answers, &two), whole, "{name}");
            }
        }
    }

    #[test]
    fn a_path_is_within_itself_and_its_ancestors_only() {
        assert!(within("data.categories", "data.categories"));
        assert!(within("data.categories[3].name", "data.categories"));
        assert!(within("data.categories[3].name", "data.categories[3]"));
        assert!(within("data.categories.x", "data"));
        assert!(!within("data.categoriesx", "data.categories"));
        assert!(!within("data", "data.categories"));
        assert!(!within("data.categories[30]", "data.categories[3]"));
    }

    /// A bare catalog reference leaves its id, name and purpose to its entry; one
    /// that is not a reference must give them, and ids stay unique either way.
    #[test]
    fn a_catalog_reference_leaves_id_name_and_purpose_to_its_entry() {
        let recipient = |json: serde_json::Value| -> crate::answers::Processor {
            serde_json::from_value(json).unwrap()
        };
        let mut a = base();
        a.processors = vec![recipient(serde_json::json!({"catalog": "mixpanel"}))];
        assert_eq!(problems(&a), Vec::<Problem>::new());

        a.processors.push(recipient(
            serde_json::json!({"id": "mixpanel", "name": "M", "purpose": "p"}),
        ));
        let paths: Vec<String> = problems(&a).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["processors[1].id"], "the entry's id is taken");

        a.processors = vec![recipient(serde_json::json!({"id": "own"}))];
        let paths: Vec<String> = problems(&a).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["processors[0].name", "processors[0].purpose"]);
    }

    fn base() -> Answers {
        let mut a = Answers::default();
        a.organization.product_name = "Acme".into();
        a.organization.contact_email = "hello@acme.io".into();
        a.policy.last_updated = Some("2026-01-01".parse().unwrap());
        a
    }

    fn paths(a: &Answers) -> Vec<String> {
        problems(a).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn minimal_answers_are_valid() {
        assert!(problems(&base()).is_empty());
    }

    #[test]
    fn all_problems_are_reported_together() {
        let mut a = base();
        a.organization.contact_email = "not-an-email".into();
        a.organization.website = Some("acme.io".into());
        a.data.categories.push(DataCategory {
            id: "account".into(),
            name: "Account".into(),
            description: "Your e-mail".into(),
            ..Default::default()
        });
        a.purposes.push(Purpose {
            id: "operate".into(),
            name: "Run".into(),
            description: "Run it".into(),
            categories: vec!["account".into(), "billing".into()],
            ..Default::default()
        });
        a.processors.push(Processor {
            id: "stripe".into(),
            name: "Stripe".into(),
            ..Default::default()
        });
        assert_eq!(
            paths(&a),
            [
                "organization.contact_email",
                "organization.website",
                "purposes[0].categories[1]",
                "processors[0].purpose",
            ]
        );
    }

    #[test]
    fn duplicate_and_malformed_ids() {
        let mut a = base();
        for id in ["a", "a", "Bad Id"] {
            a.data.categories.push(DataCategory {
                id: id.into(),
                name: "x".into(),
                description: "x".into(),
                ..Default::default()
            });
        }
        assert_eq!(
            paths(&a),
            ["data.categories[1].id", "data.categories[2].id"]
        );
    }

    #[test]
    fn missing_required_answers() {
        let a = Answers::default();
        assert_eq!(
            paths(&a),
            ["organization.product_name", "organization.contact_email"]
        );
    }

    /// Issue 13 item 1: an e-mail is one way to be reached among others.
    #[test]
    fn any_contact_route_will_do() {
        let mut a = base();
        a.organization.contact_email.clear();
        assert_eq!(paths(&a), ["organization.contact_email"]);
        a.organization.issue_tracker = Some("https://github.com/acme/acme/issues".into());
        assert!(problems(&a).is_empty());
        a.organization.issue_tracker = None;
        a.organization.contact_form = Some("acme.io/contact".into());
        assert_eq!(paths(&a), ["organization.contact_form"]);
        a.organization.contact_form = None;
        a.organization.postal_address = Some("1 Main St, Springfield".into());
        assert!(problems(&a).is_empty());
    }

    #[test]
    fn a_draft_without_a_date_is_valid() {
        let mut a = base();
        a.policy.last_updated = None;
        assert!(problems(&a).is_empty());
    }

    #[test]
    fn email_and_url_shapes() {
        assert!(is_email("aziviled@gmail.com"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.d"));
        assert!(!is_email("@c.d"));
        assert!(is_web_url("https://api.stepr.kz"));
        assert!(is_web_url("https://stripe.com/privacy?x=1"));
        assert!(!is_web_url("stripe.com"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://x.example/\u{1b}[31m"));
        assert!(!is_web_url("https://x.example/\u{202e}"));
        assert!(!is_email("a@x.example\u{1b}]52;c;ZXZpbA==\u{7}"));
        assert!(!is_email("a@x.example\u{9b}"));
    }

    #[test]
    fn control_characters_are_refused_in_every_text_answer() {
        let mut a = base();
        a.organization.product_name = "Acme\u{1b}[2J".into();
        a.data.categories.push(DataCategory {
            id: "account".into(),
            name: "Account\r".into(),
            description: "line one\n\tline two".into(),
            ..Default::default()
        });
        a.custom_sections.push(crate::answers::CustomSection {
            title: "Ours\u{202e}".into(),
            body: "bell\u{7}".into(),
            after: crate::answers::Placement::End,
        });
        let found = problems(&a);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "organization.product_name",
                "data.categories[0].name",
                "custom_sections[0].title",
                "custom_sections[0].body",
            ]
        );
        assert!(found[0].message.contains("U+001B"), "{}", found[0].message);
    }

    /// F13: a line break in a one-line answer made lines of its own in the text
    /// policy; paragraphs keep theirs.
    #[test]
    fn one_line_answers_hold_no_line_break() {
        let mut a = base();
        a.organization.product_name = "Ledgerly\n\nNOTICE: this policy no longer applies".into();
        a.organization.description = "one\ntwo".into();
        a.custom_sections.push(crate::answers::CustomSection {
            title: "Our own words\n17. We sell your data".into(),
            body: "first\n\nsecond".into(),
            after: crate::answers::Placement::End,
        });
        assert_eq!(
            paths(&a),
            [
                "organization.product_name",
                "organization.description",
                "custom_sections[0].title"
            ]
        );
    }
}
