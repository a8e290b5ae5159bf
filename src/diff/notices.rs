//! What users share with each other, how changes to the policy are announced, and
//! custom sections. Only a wider default visibility is material.

use super::lists::Records;
use super::materiality::WIDER;
use super::section::{Section, shown};
use crate::answers::CustomSection;

pub(super) fn sharing(s: &mut Section) {
    let (o, n) = (&s.old.sharing, &s.new.sharing);
    s.text("what users share", &o.items, &n.items);
    // Visibilities are ordered from the most private to the most public.
    let reason = match (o.default, n.default) {
        (Some(x), Some(y)) if y > x => Some(WIDER),
        _ => None,
    };
    let (old, new) = (shown(o.default), shown(n.default));
    s.value("default visibility", old, new, reason);
    s.set(
        "visibility option",
        &o.options,
        &n.options,
        |v| v.label().to_owned(),
        None,
    );
    s.flag(
        (
            "Now promises never to re-share items beyond what users chose",
            "No longer promises never to re-share items beyond what users chose",
        ),
        o.no_resharing,
        n.no_resharing,
        None,
    );
}

pub(super) fn changes(s: &mut Section) {
    let (o, n) = (&s.old.changes, &s.new.changes);
    let label = |c: &crate::answers::vocab::NoticeChannel| c.label().to_owned();
    s.set(
        "way to announce changes",
        &o.notify_by,
        &n.notify_by,
        label,
        None,
    );
    s.flag(
        (
            "Material changes are now announced before they take effect",
            "Material changes are no longer announced in advance",
        ),
        o.in_advance,
        n.in_advance,
        None,
    );
    s.shown("notice period", o.notice_period, n.notice_period);
    s.text(
        "examples of material changes",
        &o.material_examples,
        &n.material_examples,
    );
}

const SECTIONS: Records<CustomSection, String> = Records {
    noun: |_| "section",
    key: |c| c.title.clone(),
    name: |c| c.title.clone(),
    added: |_, c| (c.title.clone(), None),
    removed: None,
};

pub(super) fn custom_sections(s: &mut Section) {
    let (old, new) = (s.old, s.new);
    s.records(
        &SECTIONS,
        &old.custom_sections,
        &new.custom_sections,
        |s, x, y| {
            if x != y {
                s.changed(format!("Changed section: {}", y.title), None);
            }
        },
    );
}
