//! Where the changes of one [`Area`] are written, and the comparisons of single facts
//! (a value, a yes/no statement) that every area shares.
//!
//! Every sentence shape that recurs across areas lives here once ("Added X: ...",
//! "Changed X: from A to B", "Reworded X"), so wording stays the same everywhere. What a
//! record or a list looks like is in [`super::lists`]; which area compares what is in
//! the area's own file.

use std::fmt::Display;

use super::{Area, Change, Kind};
use crate::policy::Policy;

/// Longer texts are not quoted in a change: "Reworded X" says enough.
const QUOTE_LIMIT: usize = 60;

/// The answers being compared, and the list the current area's changes go to.
pub(super) struct Section<'a> {
    pub area: Area,
    pub old: &'a Policy,
    pub new: &'a Policy,
    pub changes: &'a mut Vec<Change>,
}

impl Section<'_> {
    /// Records one change; it is material exactly when a rule (`reason`) is given.
    pub fn push(&mut self, kind: Kind, text: String, reason: Option<&'static str>) {
        self.changes.push(Change {
            area: self.area,
            kind,
            material: reason.is_some(),
            reason,
            text,
        });
    }

    pub fn added(&mut self, text: String, reason: Option<&'static str>) {
        self.push(Kind::Added, text, reason);
    }

    /// Removing something is never material on its own; the one exception (a right
    /// withdrawn) says so through [`Section::push`].
    pub fn removed(&mut self, text: String) {
        self.push(Kind::Removed, text, None);
    }

    pub fn changed(&mut self, text: String, reason: Option<&'static str>) {
        self.push(Kind::Changed, text, reason);
    }

    /// A single value: added, removed or changed, quoted when short. Empty counts as
    /// absent; a removal is never material, whatever `reason` says.
    pub fn value(
        &mut self,
        what: &str,
        old: Option<String>,
        new: Option<String>,
        reason: Option<&'static str>,
    ) {
        let old = old.filter(|s| !s.is_empty());
        let new = new.filter(|s| !s.is_empty());
        match (old, new) {
            (None, None) => {}
            (Some(o), Some(n)) if o == n => {}
            (None, Some(n)) => self.added(format!("Added {what}: {n}"), reason),
            (Some(o), None) => self.removed(format!("Removed {what} (was: {o})")),
            (Some(o), Some(n)) => {
                let text = if o.chars().count() > QUOTE_LIMIT || n.chars().count() > QUOTE_LIMIT {
                    format!("Reworded {what}")
                } else {
                    format!("Changed {what}: from {o} to {n}")
                };
                self.changed(text, reason);
            }
        }
    }

    /// An optional free text, never material: the most common value of all.
    pub fn text(&mut self, what: &str, old: &Option<String>, new: &Option<String>) {
        self.value(what, old.clone(), new.clone(), None);
    }

    /// An optional value shown as it displays (a label, a period, a number), never
    /// material.
    pub fn shown<T: Display>(&mut self, what: &str, old: Option<T>, new: Option<T>) {
        self.value(what, shown(old), shown(new), None);
    }

    /// A yes/no statement; turning it on is material when `reason` is given, turning it
    /// off never is. An unanswered yes/no (`None`) says nothing, as "no" does.
    pub fn flag(
        &mut self,
        (on, off): (&str, &str),
        old: impl Into<Option<bool>>,
        new: impl Into<Option<bool>>,
        reason: Option<&'static str>,
    ) {
        match (old.into() == Some(true), new.into() == Some(true)) {
            (false, true) => self.changed(on.to_owned(), reason),
            (true, false) => self.changed(off.to_owned(), None),
            _ => {}
        }
    }
}

/// A value as the words a reader sees: vocabulary labels, periods and numbers all
/// display that way.
pub(super) fn shown<T: Display>(x: Option<T>) -> Option<String> {
    x.map(|x| x.to_string())
}
