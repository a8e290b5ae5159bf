//! The rights users have and how they use them. Taking a right away, from everyone
//! or from users outside the places whose law requires it, is material; adding one is
//! not.

use super::Kind;
use super::lists::Records;
use super::materiality::RIGHT_WITHDRAWN;
use super::section::Section;
use crate::answers::Right;
use crate::answers::vocab::RightKind;

const RIGHTS: Records<Right, RightKind> = Records {
    noun: |_| "right",
    key: |r| r.right,
    name: |r| r.right.label().to_owned(),
    added: |_, r| (r.right.label().to_owned(), None),
    removed: Some(RIGHT_WITHDRAWN),
};

pub(super) fn rights(s: &mut Section) {
    let (o, n) = (&s.old.rights, &s.new.rights);
    s.records(&RIGHTS, &o.rights, &n.rights, |s, x, y| {
        if x != y {
            let text = format!("Changed how to use the right: {}", y.right.label());
            s.changed(text, None);
        }
    });
    // Unlike other statements, it is turning this one off that is material.
    match (o.everyone == Some(true), n.everyone == Some(true)) {
        (false, true) => s.changed(
            "Rights are now offered to every user, wherever they live".to_owned(),
            None,
        ),
        (true, false) => s.push(
            Kind::Changed,
            "Rights are no longer offered to every user, only where the law requires".to_owned(),
            Some(RIGHT_WITHDRAWN),
        ),
        _ => {}
    }
    s.shown("response time", o.response_time, n.response_time);
    s.text("identity verification", &o.verification, &n.verification);
    s.text("how to appeal", &o.appeal, &n.appeal);
    s.text("how to complain to us", &o.complaints, &n.complaints);
    s.flag(
        (
            "Now states the right to complain to a supervisory authority",
            "No longer states the right to complain to a supervisory authority",
        ),
        o.complaint,
        n.complaint,
        None,
    );
    s.text("supervisory authority", &o.authority, &n.authority);
    s.flag(
        (
            "Now accepts requests from authorised agents",
            "No longer accepts requests from authorised agents",
        ),
        o.authorized_agents,
        n.authorized_agents,
        None,
    );
    s.flag(
        (
            "Now promises not to discriminate against users who use their rights",
            "No longer states non-discrimination",
        ),
        o.non_discrimination,
        n.non_discrimination,
        None,
    );
}
