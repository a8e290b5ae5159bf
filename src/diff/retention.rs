//! How long data is kept and how fast it is deleted. A period that grows, or a fixed
//! period that is dropped, is material ("longer retention"); a shorter one is not.

use super::lists::Records;
use super::materiality::LONGER;
use super::phrases::capfirst;
use super::section::Section;
use crate::answers::values::Period;
use crate::answers::{DeletionRule, RetentionRule};

const RULES: Records<RetentionRule, String> = Records {
    noun: |_| "retention rule",
    key: |r| r.data.clone(),
    name: |r| r.data.clone(),
    added: |policy, r| {
        let how = crate::render::kept::kept(policy.answers(), r);
        let how = if how.is_empty() {
            "no period stated".to_owned()
        } else {
            format!("kept {how}")
        };
        (format!("{}, {how}", r.data), None)
    },
    removed: None,
};

const DELETION: Records<DeletionRule, String> = Records {
    noun: |_| "deletion rule",
    key: |r| r.what.clone(),
    name: |r| r.what.clone(),
    added: |_, r| {
        let within = r.within.map_or(String::new(), |p| format!(", within {p}"));
        (format!("{}{within}", r.what), None)
    },
    removed: None,
};

pub(super) fn retention(s: &mut Section) {
    let (o, n) = (&s.old.retention, &s.new.retention);
    s.records(&RULES, &o.rules, &n.rules, |s, x, y| {
        period(s, &y.data, x.period, y.period, ("kept", "retention"));
        let until = |u: &Option<String>| u.as_ref().map(|u| format!("until {u}"));
        s.value(
            &format!("retention of {}", y.data),
            until(&x.until),
            until(&y.until),
            None,
        );
        forms(s, x, y);
        if (x.rolling == Some(true)) != (y.rolling == Some(true))
            || x.setting != y.setting
            || x.legal_reason != y.legal_reason
            || x.details != y.details
            || x.categories != y.categories
        {
            s.changed(format!("Reworded the retention rule for {}", y.data), None);
        }
    });
    s.records(&DELETION, &o.deletion, &n.deletion, |s, x, y| {
        let subject = format!("deleting {}", y.what);
        period(
            s,
            &subject,
            x.within,
            y.within,
            ("done within", "deletion time"),
        );
        if x.how != y.how || x.removes != y.removes || x.details != y.details {
            s.changed(format!("Reworded the deletion rule for {}", y.what), None);
        }
    });
}

/// The ways of saying how long beyond a plain period and "until": the event a period
/// counts from, an upper bound, an inactivity limit, a recipient's setting, a legal
/// hold. An inactivity limit that grows or goes, and a legal hold added, may keep data
/// longer: material.
fn forms(s: &mut Section, x: &RetentionRule, y: &RetentionRule) {
    let data = &y.data;
    let after = |r: &RetentionRule| r.after.as_ref().map(|e| format!("counted from {e}"));
    s.value(
        &format!("start of the retention period of {data}"),
        after(x),
        after(y),
        None,
    );
    match (x.up_to, y.up_to) {
        (false, true) => s.changed(format!("Retention of {data} is now an upper bound"), None),
        (true, false) => s.changed(
            format!("Retention of {data} is no longer an upper bound but a fixed period"),
            None,
        ),
        _ => {}
    }
    match (x.inactive_for, y.inactive_for) {
        (Some(a), Some(b)) if b.approx_minutes() > a.approx_minutes() => s.changed(
            format!("Longer inactivity limit: {data} is kept until you have been inactive for {b} (was {a})"),
            Some(LONGER),
        ),
        (Some(a), Some(b)) if b.approx_minutes() < a.approx_minutes() => s.changed(
            format!("Shorter inactivity limit: {data} is kept until you have been inactive for {b} (was {a})"),
            None,
        ),
        (Some(a), None) => s.changed(
            format!("{data} is no longer deleted after {a} of inactivity"),
            Some(LONGER),
        ),
        (None, Some(b)) => s.changed(
            format!("{data} is now deleted after {b} of inactivity"),
            None,
        ),
        _ => {}
    }
    let set_by = |r: &RetentionRule| r.set_by.as_ref().map(|id| format!("as set by {id}"));
    s.value(
        &format!("who sets the retention of {data}"),
        set_by(x),
        set_by(y),
        None,
    );
    match (x.legal_hold, y.legal_hold) {
        (false, true) => s.changed(
            format!("{data} may now be kept longer where the law requires it or for a legal claim"),
            Some(LONGER),
        ),
        (true, false) => s.changed(
            format!("{data} is no longer said to be kept longer for legal holds"),
            None,
        ),
        _ => {}
    }
}

/// A period that grew is material; one that shrank is not; a dropped one may now be
/// unbounded, so it is material too. `verb` and `noun` word it: ("kept", "retention").
fn period(
    s: &mut Section,
    subject: &str,
    old: Option<Period>,
    new: Option<Period>,
    (verb, noun): (&str, &str),
) {
    match (old, new) {
        (Some(x), Some(y)) if y.approx_minutes() > x.approx_minutes() => {
            s.changed(
                format!("Longer {noun}: {subject}, from {x} to {y}"),
                Some(LONGER),
            );
        }
        (Some(x), Some(y)) if y.approx_minutes() < x.approx_minutes() => {
            s.changed(format!("Shorter {noun}: {subject}, from {x} to {y}"), None);
        }
        (Some(x), None) => {
            let noun = capfirst(noun);
            let text = format!("{noun}: {subject} is no longer {verb} a fixed period (was {x})");
            s.changed(text, Some(LONGER));
        }
        (None, Some(y)) => {
            s.changed(
                format!("{}: {subject} is now {verb} {y}", capfirst(noun)),
                None,
            );
        }
        _ => {}
    }
}
