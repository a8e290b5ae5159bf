//! Security measures and breach notification: reported, never material.

use super::section::Section;

pub(super) fn security(s: &mut Section) {
    let (o, n) = (&s.old.security, &s.new.security);
    let descriptions = |ms: &[crate::answers::SecurityMeasure]| {
        ms.iter().map(|m| m.description.clone()).collect::<Vec<_>>()
    };
    let (old, new) = (descriptions(&o.measures), descriptions(&n.measures));
    s.set("security measure", &old, &new, Clone::clone, None);
    s.text("security statement", &o.statement, &n.statement);
    s.text(
        "breach notification",
        &o.breach_notification,
        &n.breach_notification,
    );
}
