//! What the product is and whom it serves. Only being directed to children is
//! material: new regions or product kinds are reported, not notified.

use super::materiality::CHILDREN;
use super::section::Section;

pub(super) fn audience(s: &mut Section) {
    let (o, n) = (&s.old.audience, &s.new.audience);
    s.set(
        "product kind",
        &o.product_kinds,
        &n.product_kinds,
        |k| k.label().to_owned(),
        None,
    );
    s.set(
        "region",
        &o.regions,
        &n.regions,
        |r| r.label().to_owned(),
        None,
    );
    s.text("intended audience", &o.intended_for, &n.intended_for);
    s.shown("minimum age", o.minimum_age, n.minimum_age);
    s.flag(
        (
            "The service is now directed to children",
            "The service is no longer directed to children",
        ),
        o.directed_to_children,
        n.directed_to_children,
        Some(CHILDREN),
    );
    s.text("parental consent", &o.parental_consent, &n.parental_consent);
}
