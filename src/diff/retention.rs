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
    added: |_, r| {
        let how = match (&r.period, &r.until) {
            (Some(p), _) => format!("kept {p}"),
            (None, Some(u)) => format!("kept until {u}"),
            _ => "no period stated".to_owned(),
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
