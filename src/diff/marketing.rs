//! Marketing messages and cookie consent. Starting to send marketing is a new purpose
//! and a different basis for it a different legal basis (both material); how to
//! unsubscribe, and how cookie consent is asked for and withdrawn, are reported.

use super::materiality::{LEGAL_BASIS, NEW_PURPOSE};
use super::section::Section;

pub(super) fn marketing(s: &mut Section) {
    let (o, n) = (&s.old.marketing, &s.new.marketing);
    match (o, n) {
        (None, Some(m)) => s.added(
            format!("Now sends marketing messages: {}", m.messages),
            Some(NEW_PURPOSE),
        ),
        (Some(_), None) => s.removed("No longer sends marketing messages".to_owned()),
        (Some(x), Some(y)) => {
            s.text(
                "what marketing messages are sent",
                &Some(x.messages.clone()),
                &Some(y.messages.clone()),
            );
            if x.basis != y.basis {
                let label = |b: Option<crate::answers::vocab::MarketingBasis>| {
                    b.map_or("none stated", |b| b.label())
                };
                let text = format!(
                    "Changed the basis for marketing messages: from {} to {}",
                    label(x.basis),
                    label(y.basis)
                );
                s.changed(text, x.basis.is_some().then_some(LEGAL_BASIS));
            }
            s.text("how to unsubscribe", &x.unsubscribe, &y.unsubscribe);
        }
        (None, None) => {}
    }
}

pub(super) fn cookie_consent(s: &mut Section) {
    let how = |c: &Option<crate::answers::CookieConsent>| c.as_ref().map(|c| c.how.clone());
    let withdraw =
        |c: &Option<crate::answers::CookieConsent>| c.as_ref().map(|c| c.withdraw.clone());
    let (o, n) = (&s.old.tracking.consent, &s.new.tracking.consent);
    s.text("how cookie consent is asked for", &how(o), &how(n));
    s.text(
        "how cookie consent is withdrawn",
        &withdraw(o),
        &withdraw(n),
    );
}
