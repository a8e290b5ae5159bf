//! Cookies and tracking. Advertising cookies and any form of cross-site tracking
//! turned on are material ("tracking turned on").

use super::lists::Records;
use super::materiality::TRACKING;
use super::section::Section;
use crate::answers::Cookie;
use crate::answers::vocab::{CookiePurpose, NotUsed};

const COOKIES: Records<Cookie, String> = Records {
    noun: |c| c.storage.label(),
    key: |c| c.name.clone(),
    name: |c| c.name.clone(),
    added: |_, c| {
        let reason = (c.purpose == CookiePurpose::Advertising).then_some(TRACKING);
        (format!("{} ({})", c.name, c.purpose.label()), reason)
    },
    removed: None,
};

pub(super) fn tracking(s: &mut Section) {
    let (o, n) = (&s.old.tracking, &s.new.tracking);
    s.records(&COOKIES, &o.cookies, &n.cookies, |s, x, y| {
        if x != y {
            let now_advertising = y.purpose == CookiePurpose::Advertising && x.purpose != y.purpose;
            let text = format!("Changed {}: {}", y.storage.label(), y.name);
            s.changed(text, now_advertising.then_some(TRACKING));
        }
    });
    // A statement of what is not used: stating it is not material, withdrawing it is
    // (readers relied on it, and the practice may now be on).
    for kind in NotUsed::ALL {
        match (o.not_used.contains(kind), n.not_used.contains(kind)) {
            (false, true) => s.changed(format!("Now states that it uses no {kind}"), None),
            (true, false) => s.changed(
                format!("No longer states that it uses no {kind}"),
                Some(TRACKING),
            ),
            _ => {}
        }
    }
    s.shown("response to Do Not Track", o.do_not_track, n.do_not_track);
    let gpc = "response to Global Privacy Control";
    s.shown(gpc, o.global_privacy_control, n.global_privacy_control);
    for (old, new, sentences) in [
        (
            o.cross_site_tracking,
            n.cross_site_tracking,
            (
                "Now tracks users across other sites and apps",
                "No longer tracks users across other sites and apps",
            ),
        ),
        (
            o.fingerprinting,
            n.fingerprinting,
            (
                "Now uses browser fingerprinting",
                "No longer uses browser fingerprinting",
            ),
        ),
        (
            o.advertising_ids,
            n.advertising_ids,
            (
                "Now collects advertising identifiers",
                "No longer collects advertising identifiers",
            ),
        ),
        (
            o.third_party_tracking,
            n.third_party_tracking,
            (
                "Third parties may now collect data about users' activity across sites",
                "Third parties no longer collect data about users' activity across sites",
            ),
        ),
    ] {
        s.flag(
            sentences,
            old == Some(true),
            new == Some(true),
            Some(TRACKING),
        );
    }
}
