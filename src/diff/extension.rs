//! A browser extension's permissions and promises. A new permission is material
//! ("new extension permission"); what a permission is used for is wording.

use super::materiality::PERMISSION;
use super::section::Section;
use crate::answers::Extension;

pub(super) fn extension(s: &mut Section) {
    let (o, n) = (&s.old.extension, &s.new.extension);
    let names = |e: &Extension| {
        e.permissions
            .iter()
            .flat_map(|p| p.names.clone())
            .collect::<Vec<_>>()
    };
    s.set(
        "extension permission",
        &names(o),
        &names(n),
        Clone::clone,
        Some(PERMISSION),
    );
    let uses = |e: &Extension| {
        e.permissions
            .iter()
            .map(|p| p.used_for.clone())
            .collect::<Vec<_>>()
    };
    // With new or removed permissions, their uses changed with them: said above.
    if uses(o) != uses(n) && names(o) == names(n) {
        let text = "Reworded what extension permissions are used for".to_owned();
        s.changed(text, None);
    }
    s.text("browser", &o.browser, &n.browser);
    s.flag(
        (
            "Now states that no permission is used for tracking or ads",
            "No longer states that no permission is used for tracking or ads",
        ),
        o.no_tracking_or_ads,
        n.no_tracking_or_ads,
        None,
    );
    s.text("single purpose", &o.single_purpose, &n.single_purpose);
    let yes_no = |v: Option<bool>| v.map(|v| if v { "yes" } else { "no" }.to_owned());
    s.value(
        "store answer \"uses remote code\"",
        yes_no(o.remote_code),
        yes_no(n.remote_code),
        None,
    );
    s.text(
        "why remote code is used",
        &o.remote_code_reason,
        &n.remote_code_reason,
    );
    s.value(
        "store answer \"no creditworthiness or lending use\"",
        yes_no(o.no_lending_use),
        yes_no(n.no_lending_use),
        None,
    );
    s.flag(
        (
            "Now states compliance with the Chrome Web Store's Limited Use requirements",
            "No longer states Limited Use compliance",
        ),
        o.limited_use,
        n.limited_use,
        None,
    );
}
