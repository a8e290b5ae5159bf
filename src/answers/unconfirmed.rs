//! Suggested answers the operator has not confirmed yet (`workspace.unconfirmed`).
//!
//! A suggestion is an ordinary answer whose dotted path is listed as unconfirmed: the
//! answers model stays one shape, a file written before suggestions existed reads
//! unchanged, and an older answer is never mistaken for a suggestion. Confirming is
//! removing the path from the list; any way of setting an answer (the wizard, `ask`,
//! `set`, `--set`) confirms the suggestions it touches. This module knows nothing of
//! how suggestions are made (`suggest`) or shown (the front ends).

use serde_json::Value;

use super::Answers;
use super::set::{answer_at, canonical_key, canonical_path, get_value};
use crate::questions::is_answered;

impl Answers {
    /// The unconfirmed suggestions that still point at an answer, in the order they
    /// were suggested. A path whose answer was removed (by hand, or by an older
    /// program) is no longer a suggestion of anything and is left out.
    pub fn unconfirmed(&self) -> Vec<String> {
        if self.workspace.unconfirmed.is_empty() {
            return Vec::new();
        }
        // Read from the typed answers, path by path: serialising all of them (once
        // per question on every frame, with a suggestion open) was as slow as the
        // file is large.
        self.workspace
            .unconfirmed
            .iter()
            .filter(|path| is_answered(answer_at(self, path).as_ref()))
            .cloned()
            .collect()
    }

    /// Whether a suggestion at or inside the answer at `key` is unconfirmed.
    pub fn has_unconfirmed(&self, key: &str) -> bool {
        if self.workspace.unconfirmed.is_empty() {
            return false;
        }
        // Paths read from the typed answers: serialising all of them per question
        // asked made every frame of a large file slow while a suggestion was open.
        let key = canonical_key(self, key);
        self.unconfirmed()
            .iter()
            .any(|path| inside(&canonical_key(self, path), &key))
    }

    /// Whether the answer at `key` is part of an unconfirmed suggestion: one at it,
    /// inside it, or around it (an entry of a list suggested whole).
    pub fn is_suggested(&self, key: &str) -> bool {
        if self.workspace.unconfirmed.is_empty() {
            return false;
        }
        let key = canonical_key(self, key);
        self.unconfirmed().iter().any(|path| {
            let path = canonical_key(self, path);
            inside(&path, &key) || inside(&key, &path)
        })
    }

    /// For each of the first `n` entries of the list at `key`, whether that entry
    /// is itself an unconfirmed suggestion (or holds one), so that confirming it
    /// confirms it alone. An entry of a list suggested whole is not: the list is
    /// confirmed as one. The answers are read once for the whole list.
    pub fn unconfirmed_entries(&self, key: &str, n: usize) -> Vec<bool> {
        if self.workspace.unconfirmed.is_empty() {
            return vec![false; n];
        }
        let list = canonical_key(self, key);
        let paths: Vec<String> = self
            .unconfirmed()
            .iter()
            .map(|path| canonical_key(self, path))
            .collect();
        (0..n)
            .map(|i| {
                let entry = format!("{list}[{i}]");
                paths.iter().any(|path| inside(path, &entry))
            })
            .collect()
    }

    /// Lists the answer at `path` as a suggestion to confirm.
    pub fn mark_suggested(&mut self, path: &str) {
        if !self.workspace.unconfirmed.iter().any(|p| p == path) {
            self.workspace.unconfirmed.push(path.to_owned());
        }
    }

    /// Confirms the suggestions at, inside or around the answer at `key`: setting
    /// `processors.stripe.purpose` confirms the suggested recipient `processors.stripe`
    /// (the operator looked at it and changed it), and setting `processors` confirms
    /// every suggested recipient. Entries are compared by position, so `processors.0`
    /// and `processors.stripe` are the same answer.
    pub fn confirm(&mut self, key: &str) {
        if self.workspace.unconfirmed.is_empty() {
            return;
        }
        let doc = self.to_value();
        self.confirm_in(&doc, key);
    }

    /// [`Answers::confirm`], with the answers as JSON as they were before the change
    /// that confirms (so entry positions are those the key was written against).
    pub(crate) fn confirm_in(&mut self, before: &Value, key: &str) {
        let key = canonical_path(before, key);
        self.workspace.unconfirmed.retain(|path| {
            let path = canonical_path(before, path);
            !(inside(&path, &key) || inside(&key, &path))
        });
    }

    /// Confirms what setting the answer at `key` changed, given the answers as JSON
    /// before and after: a suggestion at or around `key` (setting a field of a
    /// suggested recipient confirms the recipient), and a suggestion inside it only
    /// if its value changed. So saving a whole list after editing one entry (as the
    /// wizard and `ask` do) confirms that entry, not its neighbours; confirming the
    /// rest unchanged is [`Answers::confirm`]'s job (Ctrl-Y, Ctrl-D, `ask`'s
    /// "Confirm the suggestions").
    ///
    /// A list suggested whole is no exception: a change inside it confirms the
    /// entries it changed or added, and each entry left as it was suggested stays a
    /// suggestion, now of its own. Editing one suggested retention rule confirmed
    /// them all, and the policy published periods nobody had read (a founder's use
    /// of the wizard, seventh round).
    pub(crate) fn confirm_changed(&mut self, before: &Value, after: &Value, key: &str) {
        let list = key;
        let key = canonical_path(before, key);
        let mut left = Vec::new();
        self.workspace.unconfirmed.retain(|path| {
            let at = canonical_path(before, path);
            if inside(&key, &at) {
                if let (Some(Value::Array(old)), Some(Value::Array(new))) =
                    (get_value(before, path), get_value(after, path))
                {
                    left.extend(
                        new.iter()
                            .enumerate()
                            .filter(|(_, entry)| old.contains(entry))
                            .map(|(i, entry)| entry_path(path, entry, i)),
                    );
                }
                return false;
            }
            if inside(&at, &key) {
                let old = get_value(before, path);
                if old == get_value(after, path) {
                    return true;
                }
                // An entry of the list saved, unchanged but moved by a removal or a
                // move before it: still a suggestion, at its new place.
                let entry_of_list = at
                    .strip_prefix(key.as_str())
                    .is_some_and(|rest| rest.starts_with('[') && !rest[1..].contains(['[', '.']));
                if let (true, Some(entry), Some(Value::Array(new))) =
                    (entry_of_list, old, get_value(after, list))
                    && let Some(i) = new.iter().position(|e| e == entry)
                {
                    left.push(entry_path(list, entry, i));
                }
                return false;
            }
            true
        });
        for path in left {
            self.mark_suggested(&path);
        }
    }

    /// Confirms every suggestion.
    pub fn confirm_all(&mut self) {
        self.workspace.unconfirmed.clear();
    }
}

/// The dotted path of entry `i` of the list at `list`: by its id (or catalog
/// reference) where it has one, which stays its own when entries before it are
/// removed; else by its position.
fn entry_path(list: &str, entry: &Value, i: usize) -> String {
    let named = |field: &str| {
        entry
            .get(field)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    match named("id").or_else(|| named("catalog")) {
        Some(name) => format!("{list}.{name}"),
        None => format!("{list}.{i}"),
    }
}

/// Whether the canonical path `path` is `outer` or inside it.
fn inside(path: &str, outer: &str) -> bool {
    path == outer
        || path
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested() -> Answers {
        let mut a = Answers::from_json(
            r#"{"schema_version": 2,
                "processors": [{"catalog": "stripe", "id": "stripe", "name": "Stripe", "purpose": "payments"},
                               {"catalog": "sentry", "id": "sentry", "name": "Sentry", "purpose": "errors"}],
                "retention": {"rules": [{"data": "Account data", "until": "you delete your account"}]}}"#,
        )
        .unwrap();
        a.mark_suggested("processors.stripe");
        a.mark_suggested("processors.sentry");
        a.mark_suggested("retention.rules");
        a
    }

    #[test]
    fn setting_inside_a_suggestion_confirms_it_and_only_it() {
        let mut a = suggested();
        a.confirm("processors.0.purpose");
        assert_eq!(a.unconfirmed(), ["processors.sentry", "retention.rules"]);
    }

    #[test]
    fn setting_a_list_confirms_every_suggestion_in_it() {
        let mut a = suggested();
        a.confirm("processors");
        assert_eq!(a.unconfirmed(), ["retention.rules"]);
        a.confirm("retention.rules.0.until");
        assert!(a.unconfirmed().is_empty());
    }

    #[test]
    fn saving_a_list_confirms_only_the_entries_it_changed() {
        let mut a = suggested();
        let before = a.to_value();
        a.processors[1].purpose = "finds our bugs".to_owned();
        let after = a.to_value();
        a.confirm_changed(&before, &after, "processors");
        assert_eq!(a.unconfirmed(), ["processors.stripe", "retention.rules"]);
        // A change inside a list suggested whole confirms the entry it changed (here
        // the list's only one).
        let before = a.to_value();
        a.retention.rules[0].until = Some("you ask us".to_owned());
        let after = a.to_value();
        a.confirm_changed(&before, &after, "retention.rules.0.until");
        assert_eq!(a.unconfirmed(), ["processors.stripe"]);
    }

    /// Three suggested retention rules, the list suggested whole: editing the first
    /// confirms it alone; the two others stay suggestions, each of its own, also
    /// when an entry is removed or added.
    #[test]
    fn editing_one_entry_of_a_list_suggested_whole_confirms_that_entry_alone() {
        let mut a = Answers::from_json(
            r#"{"schema_version": 2,
                "retention": {"rules": [
                    {"data": "Account data", "until": "you delete your account"},
                    {"data": "Crash reports", "period": "90 days"},
                    {"data": "Usage data", "period": "13 months"}]}}"#,
        )
        .unwrap();
        a.mark_suggested("retention.rules");
        let before = a.to_value();
        a.retention.rules[0].until = Some("30 days after you delete your account".into());
        let after = a.to_value();
        a.confirm_changed(&before, &after, "retention.rules");
        assert_eq!(a.unconfirmed(), ["retention.rules.1", "retention.rules.2"]);
        assert_eq!(
            a.unconfirmed_entries("retention.rules", 3),
            [false, true, true]
        );

        // The same by the entry's own field, as `set retention.rules.0.until=...`.
        let mut b = Answers::from_json(&serde_json::to_string(&before).unwrap()).unwrap();
        b.retention.rules[0].until = Some("30 days after you delete your account".into());
        b.confirm_changed(&before, &after, "retention.rules.0.until");
        assert_eq!(b.unconfirmed(), ["retention.rules.1", "retention.rules.2"]);

        // Removing the first of the two left keeps the other a suggestion.
        let before = a.to_value();
        a.retention.rules.remove(1);
        let after = a.to_value();
        a.confirm_changed(&before, &after, "retention.rules");
        assert_eq!(a.unconfirmed_entries("retention.rules", 2), [false, true]);
    }

    #[test]
    fn an_unrelated_answer_confirms_nothing() {
        let mut a = suggested();
        a.confirm("organization.contact_email");
        a.confirm("processors_extra");
        assert_eq!(a.unconfirmed().len(), 3);
        assert!(a.has_unconfirmed("processors"));
        assert!(a.has_unconfirmed("processors.1"));
        assert!(!a.has_unconfirmed("organization"));
        assert!(
            a.is_suggested("retention.rules.0"),
            "an entry of a list suggested whole"
        );
        assert!(!a.has_unconfirmed("retention.rules.0"));
        assert!(!a.is_suggested("retention.deletion"));
        // Entry by entry: each suggested recipient alone; the rules as one list.
        assert_eq!(a.unconfirmed_entries("processors", 2), [true, true]);
        a.confirm("processors.sentry");
        assert_eq!(a.unconfirmed_entries("processors", 2), [true, false]);
        assert_eq!(a.unconfirmed_entries("retention.rules", 1), [false]);
    }

    #[test]
    fn a_path_whose_answer_is_gone_is_no_suggestion() {
        let mut a = suggested();
        a.processors.remove(1);
        assert_eq!(a.unconfirmed(), ["processors.stripe", "retention.rules"]);
    }

    #[test]
    fn the_list_survives_the_file() {
        let a = suggested();
        let read = Answers::from_json(&a.to_json()).unwrap();
        assert_eq!(read.workspace.unconfirmed, a.workspace.unconfirmed);
        // A file without the list reads as "nothing unconfirmed".
        let old = Answers::from_json(r#"{"schema_version": 2}"#).unwrap();
        assert!(old.unconfirmed().is_empty());
    }
}
