//! Who publishes the policy and the policy's own details: names, addresses, contacts,
//! dates. Nothing here is material: users are not notified of a new address.

use super::section::Section;
use crate::answers::ContactPerson;

pub(super) fn organization(s: &mut Section) {
    let (o, n) = (&s.old.organization, &s.new.organization);
    s.value(
        "product name",
        some(&o.product_name),
        some(&n.product_name),
        None,
    );
    s.text("legal entity", &o.legal_entity, &n.legal_entity);
    s.text("legal form", &o.legal_form, &n.legal_form);
    s.text("website", &o.website, &n.website);
    s.value(
        "description of the service",
        some(&o.description),
        some(&n.description),
        None,
    );
    let country = |c: Option<crate::answers::values::Country>| c.map(|c| c.name().to_owned());
    s.value("country", country(o.country), country(n.country), None);
    s.text("postal address", &o.postal_address, &n.postal_address);
    s.value(
        "contact e-mail",
        some(&o.contact_email),
        some(&n.contact_email),
        None,
    );
    s.text("privacy e-mail", &o.privacy_email, &n.privacy_email);
    s.text("contact form", &o.contact_form, &n.contact_form);
    s.text("issue tracker", &o.issue_tracker, &n.issue_tracker);
    for (what, old, new) in [
        ("data protection officer", &o.dpo, &n.dpo),
        (
            "EU representative",
            &o.eu_representative,
            &n.eu_representative,
        ),
        (
            "UK representative",
            &o.uk_representative,
            &n.uk_representative,
        ),
        (
            "Swiss representative",
            &o.swiss_representative,
            &n.swiss_representative,
        ),
    ] {
        let name = |p: &Option<ContactPerson>| p.as_ref().map(|p| p.name.clone());
        if name(old) != name(new) {
            s.value(what, name(old), name(new), None);
        } else if old != new {
            s.changed(format!("Changed the contact details of the {what}"), None);
        }
    }
}

pub(super) fn policy(s: &mut Section) {
    let (o, n) = (&s.old.policy, &s.new.policy);
    s.value("title", some(&o.title), some(&n.title), None);
    s.shown("last updated date", o.last_updated, n.last_updated);
    s.shown("effective date", o.effective_date, n.effective_date);
    if o.date_style != n.date_style {
        let style = n.date_style.label();
        s.changed(format!("Dates are now written in the {style} style"), None);
    }
    s.flag(
        (
            "Now says that using the service means agreeing to the policy",
            "No longer says that using the service means agreeing to the policy",
        ),
        o.agreement_by_use,
        n.agreement_by_use,
        None,
    );
}

/// A required text, compared like an optional one (empty counts as absent).
fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}
