//! The answers as the policy sees them: one resolved policy for every consumer.
//!
//! The answers file keeps what the operator wrote: catalog references
//! (`{"catalog": "stripe"}`) and answers whose question no longer applies (an EU
//! representative after the EEA was unticked, a data source's name after the source
//! changed), in case the condition comes back. The policy says neither. [`Policy`]
//! turns raw answers into what the policy says:
//!
//! 1. every catalog reference is filled in, the operator's own fields winning
//!    ([`crate::catalog::resolve`]);
//! 2. every answer whose question does not apply is left out: top-level answers and
//!    fields inside list entries alike, each judged by the same condition the
//!    interview asks it under ([`crate::questions`]).
//!
//! `render`, `check`, `diff`, `publish`, `history` and the wizard's preview and review
//! all take a `Policy`, so they can never disagree about what the policy says, and
//! nothing else resolves catalog references or prunes stale answers.

use std::hash::{BuildHasher, RandomState};
use std::ops::Deref;
use std::sync::Arc;

use hashbrown::HashTable;
use serde::Deserialize;
use serde_json::Value;

use crate::answers::clear::Taken;
use crate::answers::fields::{Fields, Typed, with_path};
use crate::answers::values::Date;
use crate::answers::{Answers, DataCategory, Problem};
use crate::catalog::{self, Catalog, CatalogError};
use crate::questions::{Kind, Question, Scope, is_answered, sections};

/// Answers with catalog references filled in and stale answers left out. It derefs to
/// [`Answers`], so consumers read it like the answers file.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Shared with the answers it was resolved from when it says all of them as they
    /// are (no catalog reference, nothing stale), and copied only when it leaves
    /// something out: the wizard resolves the policy on every change, and on a file
    /// of thousands of entries a copy was megabytes next to the template context.
    answers: Arc<Answers>,
    /// Each data category's position by id, so lookups by id stay constant-time at any
    /// size (render, check and diff look categories up for every recipient, purpose and
    /// rule).
    categories: CategoryIndex,
}

/// The data categories' positions, hashed by their ids as the answers hold them: a
/// map owning a copy of each id was 5,000 more strings at the wizard's peak on a
/// large file (issue 17).
#[derive(Debug, Clone, Default)]
struct CategoryIndex {
    positions: HashTable<u32>,
    hasher: RandomState,
}

impl CategoryIndex {
    fn of(categories: &[DataCategory]) -> CategoryIndex {
        let mut index = CategoryIndex {
            positions: HashTable::with_capacity(categories.len()),
            hasher: RandomState::new(),
        };
        let id = |i: &u32| categories[*i as usize].id.as_str();
        for (i, c) in categories.iter().enumerate() {
            let hash = index.hasher.hash_one(c.id.as_str());
            // The first of two categories with one id wins, as a scan would find it.
            if let hashbrown::hash_table::Entry::Vacant(place) =
                index
                    .positions
                    .entry(hash, |j| id(j) == c.id, |j| index.hasher.hash_one(id(j)))
            {
                place.insert(u32::try_from(i).expect("fewer than 4 billion categories"));
            }
        }
        index
    }

    /// The position of the category with this id in `categories`, the list the index
    /// was made of.
    fn find(&self, categories: &[DataCategory], id: &str) -> Option<usize> {
        self.positions
            .find(self.hasher.hash_one(id), |&j| {
                categories[j as usize].id == id
            })
            .map(|&j| j as usize)
    }
}

impl PartialEq for Policy {
    fn eq(&self, other: &Policy) -> bool {
        self.answers == other.answers
    }
}

/// Why raw answers could not become a policy.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The operator's catalog file is broken (it names its file, line and column).
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A reference names no catalog entry, or a waiver no rule (each problem names
    /// its answer).
    #[error("{}", crate::answers::list_problems(.0))]
    References(Vec<Problem>),
}

impl Policy {
    /// The policy these answers make, with this catalog for their references.
    /// Unknown catalog ids and waivers of unknown rules are reported, each with the
    /// closest known id.
    pub fn resolve(raw: &Answers, catalog: &Catalog) -> Result<Policy, Vec<Problem>> {
        Policy::resolve_given(Given::Borrowed(raw), catalog)
    }

    /// [`Policy::resolve`] of answers no longer needed as read: kept as they are,
    /// not copied, when no catalog reference is to be filled in.
    pub fn resolve_owned(raw: Answers, catalog: &Catalog) -> Result<Policy, Vec<Problem>> {
        Policy::resolve_given(Given::Shared(Arc::new(raw)), catalog)
    }

    fn resolve_given(raw: Given<'_>, catalog: &Catalog) -> Result<Policy, Vec<Problem>> {
        let mut problems = crate::check::waivers::problems(raw.answers());
        let filled = if catalog::needs_catalog(raw.answers()) {
            match catalog::resolve(raw.answers(), catalog) {
                Ok(filled) => Arc::new(filled),
                Err(mut more) => {
                    more.append(&mut problems);
                    return Err(more);
                }
            }
        } else {
            raw.into_kept()
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Policy::indexed(without_stale(filled, &mut Undo::Off)))
    }

    /// Lends `answers` to the policy they make for the time of `use_it`, and puts
    /// them back as they were. The policy is built from the answers themselves, not
    /// a copy: the stale answers it leaves out are taken out of them and put back
    /// afterwards. The wizard lends its answers this way for each preview and
    /// `check`: on a file of thousands of entries with a stale field in each, the
    /// copy [`Policy::resolve`] makes was megabytes at the wizard's peak memory.
    /// Answers with catalog references are still copied, as filling them in makes
    /// new answers.
    pub fn lend<R>(
        answers: &mut Answers,
        catalog: &Catalog,
        use_it: impl FnOnce(Result<&Policy, Vec<Problem>>) -> R,
    ) -> R {
        if catalog::needs_catalog(answers) || !crate::check::waivers::problems(answers).is_empty() {
            return use_it(
                Policy::resolve(answers, catalog)
                    .as_ref()
                    .map_err(Clone::clone),
            );
        }
        let mut undo = Undo::On(Vec::new());
        let pruned = without_stale(Arc::new(std::mem::take(answers)), &mut undo);
        let policy = Policy::indexed(pruned);
        let out = use_it(Ok(&policy));
        *answers = policy.into_answers();
        undo.put_back(answers);
        out
    }

    fn indexed(answers: Arc<Answers>) -> Policy {
        let categories = CategoryIndex::of(&answers.data.categories);
        Policy {
            answers,
            categories,
        }
    }

    /// The data category with this id, found through the index.
    pub fn category(&self, id: &str) -> Option<&DataCategory> {
        let categories = &self.answers.data.categories;
        self.categories.find(categories, id).map(|i| &categories[i])
    }

    /// The policy these answers make with the operator's catalog, which is read only
    /// when some answer refers to it: a policy that uses none never depends on it.
    pub fn for_operator(raw: &Answers) -> Result<Policy, PolicyError> {
        let catalog = if catalog::needs_catalog(raw) {
            Catalog::for_operator()?
        } else {
            Catalog::empty()
        };
        Policy::resolve(raw, &catalog).map_err(PolicyError::References)
    }

    /// [`Policy::for_operator`] of answers no longer needed as read (see
    /// [`Policy::resolve_owned`]).
    pub fn for_operator_owned(raw: Answers) -> Result<Policy, PolicyError> {
        let catalog = if catalog::needs_catalog(&raw) {
            Catalog::for_operator()?
        } else {
            Catalog::empty()
        };
        Policy::resolve_owned(raw, &catalog).map_err(PolicyError::References)
    }

    /// The answers as the file keeps them, with catalog references filled in but no
    /// stale answer left out: what `set` validates before saving, so a value the
    /// policy leaves out today (its condition is false) is still refused when it is
    /// invalid, since it comes back into the policy with its condition.
    pub fn kept_for_operator(raw: &Answers) -> Result<Answers, PolicyError> {
        if !catalog::needs_catalog(raw) {
            return Ok(raw.clone());
        }
        catalog::resolve(raw, &Catalog::for_operator()?).map_err(PolicyError::References)
    }

    /// The policy these answers make with the built-in catalog alone (no operator
    /// file): for tests, benches and examples that must not depend on the machine.
    pub fn with_builtin_catalog(raw: &Answers) -> Result<Policy, Vec<Problem>> {
        static BUILTIN: std::sync::LazyLock<Catalog> = std::sync::LazyLock::new(Catalog::builtin);
        Policy::resolve(raw, &BUILTIN)
    }

    /// The resolved answers.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Sets the "last updated" date, which no condition depends on: to compare two
    /// versions without the date that publishing itself moves.
    pub fn set_last_updated(&mut self, date: Option<Date>) {
        Arc::make_mut(&mut self.answers).policy.last_updated = date;
    }

    /// Takes the resolved answers out (a copy only if they are still shared).
    pub fn into_answers(self) -> Answers {
        Arc::unwrap_or_clone(self.answers)
    }
}

impl Deref for Policy {
    type Target = Answers;

    fn deref(&self) -> &Answers {
        &self.answers
    }
}

/// The answers a policy is resolved from, as its caller holds them: what decides
/// whether the policy must copy them when it says them as they are.
enum Given<'a> {
    Borrowed(&'a Answers),
    Shared(Arc<Answers>),
}

impl Given<'_> {
    fn answers(&self) -> &Answers {
        match self {
            Given::Borrowed(a) => a,
            Given::Shared(a) => a,
        }
    }

    /// The answers for a policy that says them as they are: copied only if borrowed.
    fn into_kept(self) -> Arc<Answers> {
        match self {
            Given::Borrowed(a) => Arc::new(a.clone()),
            Given::Shared(a) => a,
        }
    }
}

/// The answers with every answer whose question does not apply left out. Top-level
/// answers go first, so a list entry's conditions see the answers the policy keeps.
/// The answers are copied (`Arc::make_mut`) only if something is left out and they
/// are shared; what is left out is recorded in `undo` when it is on.
fn without_stale(mut answers: Arc<Answers>, undo: &mut Undo) -> Arc<Answers> {
    without_stale_questions(&mut answers, undo);
    without_stale_fields(&mut answers, undo);
    answers
}

/// What leaving stale answers out of lent answers took out of them
/// ([`Policy::lend`]), or `Off` when nobody will put it back.
enum Undo {
    Off,
    /// Each change, in the order it was made.
    On(Vec<Step>),
}

/// One change made to the answers while leaving stale answers out.
enum Step {
    /// Field `key` taken out of entry `i` of the long list at `list` (one step per
    /// field: a file may have one in each of thousands of entries).
    Field {
        list: &'static str,
        i: usize,
        key: &'static str,
        taken: Taken,
    },
    /// Entry `i` of the long list at `list` before it was replaced.
    Entry {
        list: &'static str,
        i: usize,
        was: Value,
    },
    /// A top-level part before it was replaced (in answers otherwise default; boxed,
    /// as taken fields are the usual step and should stay small).
    Part {
        part: &'static str,
        was: Box<Answers>,
    },
}

impl Undo {
    fn recording(&self) -> bool {
        matches!(self, Undo::On(_))
    }

    fn record(&mut self, step: Step) {
        if let Undo::On(steps) = self {
            steps.push(step);
        }
    }

    /// Undoes every change, the last first, so that each finds its entry or part as
    /// it left it.
    fn put_back(self, answers: &mut Answers) {
        let Undo::On(steps) = self else {
            return;
        };
        for step in steps.into_iter().rev() {
            match step {
                Step::Field {
                    list,
                    i,
                    key,
                    taken,
                } => entries(answers, list).put_field(i, key, taken),
                Step::Entry { list, i, was } => entries(answers, list)
                    .set_entry_json(i, was)
                    .expect("it was read from this entry"),
                Step::Part { part, was } => answers.take_part(part, *was),
            }
        }
    }
}

/// The long list at `key`, which a step was recorded for.
fn entries<'a>(answers: &'a mut Answers, key: &str) -> &'a mut dyn crate::answers::fields::Entries {
    answers
        .entries_mut(key)
        .expect("a step is recorded only for a long list")
}

/// Clears top-level answers whose question no longer applies.
fn without_stale_questions(answers: &mut Arc<Answers>, undo: &mut Undo) {
    let scope = Scope {
        answers,
        record: None,
    };
    // Conditions are cheap; serialising the answers is not, so it is done only when
    // some answer to a question that no longer applies is there to be cleared.
    let stale: Vec<&str> = sections()
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter(|q| !q.applies(&scope) && has_answer(answers, q.key))
        .map(|q| q.key)
        .collect();
    for key in stale {
        let part = key.split('.').next().unwrap_or(key);
        rewrite_part(Arc::make_mut(answers), part, undo, |doc| {
            clear(doc, key);
        });
    }
}

/// Rewrites one top-level part through its JSON and reads it back, leaving the
/// other parts alone (serialising all of them for one answer was most of a large
/// policy's resolution).
fn rewrite_part(
    answers: &mut Answers,
    part: &'static str,
    undo: &mut Undo,
    edit: impl FnOnce(&mut Value),
) {
    let Some(value) = answers.part_value(part) else {
        return;
    };
    let mut doc = serde_json::Map::new();
    doc.insert("schema_version".into(), answers.schema_version.into());
    doc.insert(part.into(), value);
    let mut doc = Value::Object(doc);
    edit(&mut doc);
    let read = Answers::deserialize(&doc).expect("leaving out an answer keeps the answers valid");
    let was = answers.replace_part(part, read);
    undo.record(Step::Part {
        part,
        was: Box::new(was),
    });
}

/// Removes fields of list entries and groups whose question does not apply to that
/// entry (a data source's name once the source is "you provide it", a transfer
/// safeguard when no European law applies). Only the parts that hold such a field
/// are serialised, each once however many of its questions have such fields
/// (serialising the data part once per question was a third of a render of 5,000
/// data categories), and read back when something was left out, so the next
/// question's condition sees the answers as pruned so far.
fn without_stale_fields(answers: &mut Arc<Answers>, undo: &mut Undo) {
    let mut serialised: Vec<(&str, Value)> = Vec::new();
    for question in sections().iter().flat_map(|s| s.questions.iter()) {
        if !has_conditional_fields(&question.kind) || !question.applies(&top(answers)) {
            continue;
        }
        if let Kind::Records(records) = &question.kind
            && answers.entries(question.key).is_some()
        {
            let plans = pruned_entries(answers, question.key, &records.fields);
            if plans.is_empty() {
                continue;
            }
            let list = question.key;
            let entries = entries(Arc::make_mut(answers), list);
            for plan in plans {
                let (i, entry) = match plan {
                    Pruning::Clear(i, keys) if entries.can_clear(&keys) => {
                        for key in keys {
                            if let Some(taken) = entries.take_field(i, key) {
                                undo.record(Step::Field {
                                    list,
                                    i,
                                    key,
                                    taken,
                                });
                            }
                        }
                        continue;
                    }
                    Pruning::Clear(i, keys) => {
                        let mut entry = entries.entry_json(i).unwrap_or_default();
                        if let Value::Object(map) = &mut entry {
                            for key in keys {
                                map.remove(key);
                            }
                        }
                        (i, entry)
                    }
                    Pruning::Rewrite(i, entry) => (i, entry),
                };
                if undo.recording() {
                    let was = entries
                        .entry_json(i)
                        .expect("the entry was read a moment ago");
                    undo.record(Step::Entry { list, i, was });
                }
                entries
                    .set_entry_json(i, entry)
                    .expect("leaving out a field keeps the entry valid");
            }
            continue;
        }
        if !has_stale_fields(answers, question) {
            continue;
        }
        let part = question.key.split('.').next().unwrap_or(question.key);
        let at = match serialised.iter().position(|(p, _)| *p == part) {
            Some(at) => at,
            None => {
                let Some(value) = answers.part_value(part) else {
                    continue;
                };
                serialised.push((part, value));
                serialised.len() - 1
            }
        };
        let part_value = &mut serialised[at].1;
        let rest = question.key.strip_prefix(part).unwrap_or("");
        let pointer = rest.replace('.', "/");
        let Some(value) = part_value.pointer_mut(&pointer) else {
            continue;
        };
        if !prune_kind(value, &question.kind, answers) {
            continue;
        }
        let mut doc = serde_json::Map::new();
        doc.insert("schema_version".into(), answers.schema_version.into());
        doc.insert(part.into(), std::mem::take(part_value));
        let doc = Value::Object(doc);
        let read = Answers::deserialize(&doc).expect("leaving out a field keeps the answers valid");
        let was = Arc::make_mut(answers).replace_part(part, read);
        undo.record(Step::Part {
            part,
            was: Box::new(was),
        });
        if let Value::Object(mut doc) = doc {
            *part_value = doc.remove(part).unwrap_or_default();
        }
    }
}

/// Whether some entry (or the group) at this question's path holds a field whose
/// question does not apply to it. It reads the typed answers field by field
/// ([`crate::answers::fields`]), so the usual case, nothing to prune, serialises
/// only the fields that have conditions, never the whole part.
fn has_stale_fields(answers: &Answers, question: &Question) -> bool {
    let mut found = false;
    with_path(&Typed(answers), question.key, &mut |node| {
        found = match &question.kind {
            Kind::Records(r) => {
                let mut any = false;
                node.each(&mut |entry| any = any || entry_is_stale(entry, &r.fields, answers));
                any
            }
            Kind::Group(fields) => entry_is_stale(node, fields, answers),
            _ => false,
        }
    });
    found
}

/// How one entry's stale fields are left out.
enum Pruning {
    /// By resetting these fields of entry `.0` (the usual case).
    Clear(usize, Vec<&'static str>),
    /// By replacing entry `.0` with this JSON, pruned: when an entry inside it (a
    /// nested list or group) has stale fields of its own.
    Rewrite(usize, Value),
}

/// How to leave out the stale fields of each entry of the list at `key` that has
/// some. The entries are read field by field and never serialised whole unless a
/// nested entry needs pruning.
fn pruned_entries(answers: &Answers, key: &str, fields: &[Question]) -> Vec<Pruning> {
    let mut plans = Vec::new();
    let mut walk = |list: &dyn Fields| {
        let mut i = 0;
        list.each(&mut |entry| {
            match stale_keys(entry, fields, answers) {
                Some(keys) if keys.is_empty() => {}
                Some(keys) => plans.push(Pruning::Clear(i, keys)),
                None => {
                    if let Some(mut value) = entry.to_json() {
                        prune_record(&mut value, fields, answers);
                        plans.push(Pruning::Rewrite(i, value));
                    }
                }
            }
            i += 1;
        });
    };
    with_path(&Typed(answers), key, &mut walk);
    plans
}

/// The fields [`prune_record`] would remove from this entry, found on the typed entry;
/// `None` when a nested entry would be pruned too (then the entry goes through JSON).
fn stale_keys(
    entry: &dyn Fields,
    fields: &[Question],
    answers: &Answers,
) -> Option<Vec<&'static str>> {
    let mut left_out: Vec<&'static str> = Vec::new();
    loop {
        let view = Without {
            entry,
            left_out: &left_out,
        };
        let scope = Scope {
            answers,
            record: Some(&view),
        };
        let stale: Vec<&'static str> = fields
            .iter()
            .filter(|f| f.when.is_some() && !left_out.contains(&f.key))
            .filter(|f| !f.applies(&scope) && is_set(view.field(f.key).as_deref()))
            .map(|f| f.key)
            .collect();
        if stale.is_empty() {
            break;
        }
        left_out.extend(stale);
    }
    let view = Without {
        entry,
        left_out: &left_out,
    };
    let nested = fields
        .iter()
        .filter(|f| has_conditional_fields(&f.kind))
        .any(|f| {
            view.field(f.key)
                .is_some_and(|value| prune_kind(&mut value.into_owned(), &f.kind, answers))
        });
    (!nested).then_some(left_out)
}

/// An entry as it reads once some of its fields are left out.
struct Without<'a> {
    entry: &'a dyn Fields,
    left_out: &'a [&'static str],
}

impl Fields for Without<'_> {
    fn field(&self, key: &str) -> Option<std::borrow::Cow<'_, Value>> {
        if self.left_out.contains(&key) {
            return None;
        }
        self.entry.field(key)
    }

    fn with_field(&self, key: &str, f: &mut dyn FnMut(&dyn Fields)) {
        if !self.left_out.contains(&key) {
            self.entry.with_field(key, f);
        }
    }

    fn each(&self, f: &mut dyn FnMut(&dyn Fields)) {
        self.entry.each(f);
    }

    fn to_json(&self) -> Option<Value> {
        let mut value = self.entry.to_json()?;
        if let Value::Object(map) = &mut value {
            for key in self.left_out {
                map.remove(*key);
            }
        }
        Some(value)
    }

    fn is_list(&self) -> bool {
        self.entry.is_list()
    }
}

/// Whether pruning this entry ([`prune_record`]) would remove something.
fn entry_is_stale(entry: &dyn Fields, fields: &[Question], answers: &Answers) -> bool {
    stale_keys(entry, fields, answers).is_none_or(|keys| !keys.is_empty())
}

fn top(answers: &Answers) -> Scope<'_> {
    Scope {
        answers,
        record: None,
    }
}

/// Whether a question's entries have fields asked only under a condition.
fn has_conditional_fields(kind: &Kind) -> bool {
    let fields = match kind {
        Kind::Records(r) => &r.fields,
        Kind::Group(fields) => fields,
        _ => return false,
    };
    fields
        .iter()
        .any(|f| f.when.is_some() || has_conditional_fields(&f.kind))
}

/// Prunes the entries (or the group) at `value`; whether anything was removed.
fn prune_kind(value: &mut Value, kind: &Kind, answers: &Answers) -> bool {
    match (kind, value) {
        (Kind::Records(r), Value::Array(items)) => {
            // Every entry is pruned: no short-circuit.
            let pruned: Vec<bool> = items
                .iter_mut()
                .map(|item| prune_record(item, &r.fields, answers))
                .collect();
            pruned.contains(&true)
        }
        (Kind::Group(fields), group @ Value::Object(_)) => prune_record(group, fields, answers),
        _ => false,
    }
}

/// Removes the fields of one entry whose question does not apply to it, until none
/// is left (removing one field can make another's condition false).
fn prune_record(record: &mut Value, fields: &[Question], answers: &Answers) -> bool {
    let mut changed = false;
    loop {
        let stale: Vec<&str> = {
            let scope = Scope {
                answers,
                record: Some(record),
            };
            fields
                .iter()
                .filter(|f| !f.applies(&scope) && is_set(record.get(f.key)))
                .map(|f| f.key)
                .collect()
        };
        if stale.is_empty() {
            break;
        }
        if let Value::Object(map) = record {
            for key in stale {
                map.remove(key);
            }
        }
        changed = true;
    }
    for field in fields {
        if has_conditional_fields(&field.kind)
            && let Some(value) = record.get_mut(field.key)
        {
            changed |= prune_kind(value, &field.kind, answers);
        }
    }
    changed
}

/// Whether a value is something clearing would change (a `false` is already "no").
fn is_set(value: Option<&Value>) -> bool {
    is_answered(value) && value != Some(&Value::Bool(false))
}

/// Whether the answer at a top-level path holds something `clear` would remove.
fn has_answer(answers: &Answers, key: &str) -> bool {
    is_set(crate::answers::set::answer_at(answers, key).as_ref())
}

/// Resets the answer at a top-level path to "unanswered" (null, or an empty list).
fn clear(doc: &mut Value, key: &str) -> bool {
    let Some((parent, last)) = key.rsplit_once('.') else {
        return false;
    };
    let Some(Value::Object(map)) = doc.pointer_mut(&format!("/{}", parent.replace('.', "/")))
    else {
        return false;
    };
    match map.get_mut(last) {
        Some(Value::Array(items)) if !items.is_empty() => {
            items.clear();
            true
        }
        Some(Value::Bool(b)) if *b => {
            *b = false;
            true
        }
        Some(v) if !v.is_null() && !v.is_array() && !v.is_boolean() => {
            *v = Value::Null;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::vocab::{DataSource, Region};

    fn example(name: &str) -> Answers {
        Answers::example(name)
    }

    /// A category is found by its id as a scan of the list finds it: the first of two
    /// with one id, and none for an id no category has.
    #[test]
    fn categories_are_found_by_id_as_a_scan_finds_them() {
        let category = |id: &str, name: &str| DataCategory {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let mut a = Answers::default();
        a.data.categories = (0..500)
            .map(|i| category(&format!("c{i}"), &format!("first {i}")))
            .chain(
                (0..500)
                    .step_by(7)
                    .map(|i| category(&format!("c{i}"), "second")),
            )
            .chain([category("", "no id")])
            .collect();
        let policy = Policy::resolve(&a, &Catalog::empty()).unwrap();
        for id in a
            .data
            .categories
            .iter()
            .map(|c| c.id.as_str())
            .chain(["c500", "x", "C1"])
        {
            let scanned = a.data.categories.iter().find(|c| c.id == id);
            assert_eq!(policy.category(id), scanned, "{id}");
        }
        assert_eq!(policy.category("c7").unwrap().name, "first 7");
    }

    #[test]
    fn irrelevant_answers_are_left_out() {
        let mut a = Answers::default();
        a.organization.eu_representative = Some(crate::answers::ContactPerson {
            name: "Rep GmbH".into(),
            ..Default::default()
        });
        a.extension.permissions.push(crate::answers::Permission {
            names: vec!["tabs".into()],
            used_for: "x".into(),
        });
        let kept = Policy::resolve(&a, &Catalog::empty()).unwrap();
        assert_eq!(kept.organization.eu_representative, None);
        assert!(kept.extension.permissions.is_empty());
        a.audience.regions.push(Region::Eea);
        let kept = Policy::resolve(&a, &Catalog::empty()).unwrap();
        assert!(kept.organization.eu_representative.is_some());
    }

    /// The examples as they are, and each made to hold many stale answers: its
    /// regions narrowed to California (no European safeguard or legal basis
    /// applies), its kinds cut to a web app (no extension or app answer applies),
    /// every data source made "you provide it" (no source's name applies), and its
    /// data categories' sources changed under their nested answers. Plus a waiver of
    /// an unknown rule, which makes no policy.
    fn stale_cases() -> Vec<(String, Answers)> {
        use crate::answers::vocab::ProductKind;
        let names = [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ];
        let mut cases = Vec::new();
        for name in names {
            let a = example(name);
            cases.push((name.to_owned(), a.clone()));
            let mut narrowed = a.clone();
            narrowed.audience.regions = vec![Region::California];
            narrowed.organization.country = Some("US".parse().unwrap());
            cases.push((format!("{name}, California only"), narrowed));
            let mut web = a.clone();
            web.audience.product_kinds = vec![ProductKind::WebApp];
            cases.push((format!("{name}, a web app"), web));
            let mut provided = a.clone();
            for c in &mut provided.data.categories {
                c.source = DataSource::Provided.into();
                c.source_name.get_or_insert_with(|| "a partner".into());
            }
            cases.push((format!("{name}, all provided"), provided));
            cases.push((format!("{name}, stale fields"), with_stale_fields(a)));
        }
        let mut stale = Answers::default();
        stale.organization.eu_representative = Some(crate::answers::ContactPerson {
            name: "Rep GmbH".into(),
            ..Default::default()
        });
        cases.push(("a stale answer".into(), stale));
        let mut waived = example("specstep");
        waived.waivers.push(crate::answers::Waiver {
            rule: "no-such-rule".into(),
            answer: None,
            reason: "testing".into(),
            until: None,
        });
        cases.push(("a waiver of no rule".into(), waived));
        cases.push(("nothing".into(), Answers::default()));
        cases
    }

    /// Answers lent to a policy make the policy [`Policy::resolve`] makes of a copy
    /// (or the same problems), and come back exactly as they were lent: the wizard
    /// saves them afterwards, stale answers and all.
    #[test]
    fn lent_answers_make_the_same_policy_and_come_back_as_they_were() {
        let catalog = Catalog::builtin();
        for (name, answers) in stale_cases() {
            let expected = Policy::resolve(&answers, &catalog);
            let mut lent = answers.clone();
            Policy::lend(&mut lent, &catalog, |policy| match (policy, &expected) {
                (Ok(policy), Ok(expected)) => assert_eq!(policy, expected, "{name}"),
                (Err(problems), Err(expected)) => assert_eq!(&problems, expected, "{name}"),
                (policy, expected) => panic!("{name}: {policy:?} but {expected:?}"),
            });
            assert_eq!(lent, answers, "{name}: given back as they were");
            assert_eq!(lent.to_json(), answers.to_json(), "{name}");
        }
    }

    /// Every kind of change leaving stale answers out makes is recorded and undone:
    /// fields taken out of an entry, an entry replaced, a part replaced.
    #[test]
    fn every_kind_of_change_to_lent_answers_is_undone() {
        let mut kinds = std::collections::BTreeSet::new();
        for (name, answers) in stale_cases() {
            let mut undo = Undo::On(Vec::new());
            let pruned = without_stale(Arc::new(answers.clone()), &mut undo);
            let Undo::On(steps) = &undo else {
                unreachable!()
            };
            kinds.extend(steps.iter().map(|step| match step {
                Step::Field { .. } => "fields",
                Step::Entry { .. } => "entry",
                Step::Part { .. } => "part",
            }));
            let changed = !steps.is_empty();
            let mut back = Arc::unwrap_or_clone(pruned);
            assert_eq!(back != answers, changed, "{name}: recorded what changed");
            undo.put_back(&mut back);
            assert_eq!(back, answers, "{name}");
        }
        // Every conditional field of today's long lists can be taken out by key, and
        // none of their entries nests another list with conditional fields, so no
        // entry is replaced whole; the next test undoes that step.
        assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["fields", "part"]);
    }

    /// An entry replaced whole (for a field that cannot be taken out by key, or a
    /// nested entry to prune) is put back as it was.
    #[test]
    fn an_entry_replaced_whole_is_put_back() {
        let answers = example("acme");
        let mut changed = answers.clone();
        let list = "processors";
        let entries = entries(&mut changed, list);
        let was = entries.entry_json(1).unwrap();
        let mut pruned = was.clone();
        pruned.as_object_mut().unwrap().remove("categories");
        entries.set_entry_json(1, pruned).unwrap();
        assert_ne!(changed, answers);
        let mut undo = Undo::On(Vec::new());
        undo.record(Step::Entry { list, i: 1, was });
        undo.put_back(&mut changed);
        assert_eq!(changed, answers);
    }

    /// Architecture review B3: a data source's name stays in the file after the source
    /// changed to "you provide it", and must not reach the policy.
    #[test]
    fn stale_fields_inside_entries_are_left_out() {
        let mut a = example("acme");
        let billing = a
            .data
            .categories
            .iter_mut()
            .find(|c| c.id == "billing")
            .unwrap();
        billing.source_name = Some("Stripe Inc".into());
        billing.source = DataSource::Provided.into();
        let policy = Policy::resolve(&a, &Catalog::builtin()).unwrap();
        let billing = policy.category("billing").unwrap();
        assert_eq!(billing.source_name, None);
        assert_eq!(billing.source, DataSource::Provided.into());
        // The file keeps it, in case the source changes back.
        assert!(a.category("billing").unwrap().source_name.is_some());

        a.data.categories[2].source = DataSource::ThirdParty.into();
        let policy = Policy::resolve(&a, &Catalog::builtin()).unwrap();
        assert_eq!(
            policy.category("billing").unwrap().source_name.as_deref(),
            Some("Stripe Inc")
        );
        // Kept while a third party is one of several sources (issue 13, item 9).
        a.data.categories[2].source =
            crate::answers::Several::new([DataSource::Provided, DataSource::ThirdParty]);
        let policy = Policy::resolve(&a, &Catalog::builtin()).unwrap();
        assert_eq!(
            policy.category("billing").unwrap().source_name.as_deref(),
            Some("Stripe Inc")
        );
    }

    #[test]
    fn catalog_references_are_filled_in_and_their_stale_fields_left_out() {
        let mut a = example("acme");
        let policy = Policy::resolve(&a, &Catalog::builtin()).unwrap();
        assert!(policy.processors.iter().all(|p| !p.id.is_empty()));
        assert!(policy.processors.iter().all(|p| !p.name.is_empty()));
        assert!(policy.processors.iter().any(|p| !p.safeguard.is_empty()));

        // No European law applies: the catalog's transfer safeguards say nothing.
        a.audience.regions = vec![Region::California];
        a.organization.country = Some("US".parse().unwrap());
        let policy = Policy::resolve(&a, &Catalog::builtin()).unwrap();
        assert!(policy.processors.iter().all(|p| p.safeguard.is_empty()));
    }

    #[test]
    fn unknown_references_are_reported() {
        let mut a = example("acme");
        a.processors[0].catalog = Some("hetznr".into());
        let problems = Policy::resolve(&a, &Catalog::builtin()).unwrap_err();
        assert!(problems[0].to_string().contains("did you mean \"hetzner\""));
    }

    #[test]
    fn resolving_twice_changes_nothing() {
        for name in ["acme", "complete", "specstep", "stepr"] {
            let once = Policy::resolve(&example(name), &Catalog::builtin()).unwrap();
            let twice = Policy::resolve(once.answers(), &Catalog::builtin()).unwrap();
            assert_eq!(once, twice, "{name}");
        }
    }

    /// The pruning as it was first written: the whole answers as JSON, each question's
    /// entries pruned in turn and read back. The typed, per-entry pruning must give
    /// the same answers.
    fn pruned_the_slow_way(answers: &Answers) -> Answers {
        let mut shared = Arc::new(answers.clone());
        without_stale_questions(&mut shared, &mut Undo::Off);
        let mut answers = Arc::unwrap_or_clone(shared);
        for question in sections().iter().flat_map(|s| s.questions.iter()) {
            if !has_conditional_fields(&question.kind) || !question.applies(&top(&answers)) {
                continue;
            }
            let mut doc = answers.to_value();
            let pointer = format!("/{}", question.key.replace('.', "/"));
            let Some(value) = doc.pointer_mut(&pointer) else {
                continue;
            };
            if prune_kind(value, &question.kind, &answers) {
                answers = serde_json::from_value(doc).unwrap();
            }
        }
        answers
    }

    /// Stale fields in every list that has conditional fields, in every example.
    fn with_stale_fields(mut a: Answers) -> Answers {
        for (i, c) in a.data.categories.iter_mut().enumerate() {
            if i % 2 == 0 {
                c.source = DataSource::Provided.into();
                c.source_name = Some("a partner".into());
            }
            c.art9_condition = Some(crate::answers::vocab::Art9Condition::ExplicitConsent);
        }
        for rule in &mut a.retention.rules {
            rule.period = None;
        }
        a
    }

    #[test]
    fn pruning_entry_by_entry_equals_pruning_the_whole_json() {
        for name in [
            "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
        ] {
            for (stale, a) in [
                (false, example(name)),
                (true, with_stale_fields(example(name))),
            ] {
                let filled = catalog::resolve(&a, &Catalog::builtin()).unwrap();
                let fast = without_stale(Arc::new(filled.clone()), &mut Undo::Off);
                let slow = pruned_the_slow_way(&filled);
                assert_eq!(fast.to_value(), slow.to_value(), "{name}");
                if stale {
                    assert_ne!(fast.data, filled.data, "{name}: something was pruned");
                }
            }
        }
    }

    /// Every list whose entries have conditional fields is pruned entry by entry
    /// (`Answers::entries_mut` names it), and the typed list is the one at the path.
    #[test]
    fn every_list_with_conditional_fields_is_pruned_entry_by_entry() {
        let mut a = example("complete");
        let doc = a.to_value();
        for question in sections().iter().flat_map(|s| s.questions.iter()) {
            if !matches!(question.kind, Kind::Records(_)) || !has_conditional_fields(&question.kind)
            {
                continue;
            }
            let key = question.key;
            let list = a
                .entries_mut(key)
                .unwrap_or_else(|| panic!("Answers::entries_mut does not name {key}"));
            let Kind::Records(records) = &question.kind else {
                unreachable!()
            };
            for field in records.fields.iter().filter(|f| f.when.is_some()) {
                assert!(
                    list.can_clear(&[field.key]),
                    "{key}.{}: list it in answers/clear.rs, or it is cleared through JSON",
                    field.key
                );
            }
            let at = crate::answers::set::get_value(&doc, key).unwrap();
            for (i, entry) in at.as_array().unwrap().iter().enumerate() {
                assert_eq!(list.entry_json(i).as_ref(), Some(entry), "{key}[{i}]");
            }
            assert_eq!(list.entry_json(at.as_array().unwrap().len()), None, "{key}");
        }
    }
}
