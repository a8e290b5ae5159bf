//! How long one kind of data is kept, worded as people say it: a period, perhaps
//! counted from an event or as an upper bound; until an event; until the user has
//! been inactive for a while; as a recipient's own settings decide. Each part is the
//! operator's answer (`RetentionRule`); nothing is added.

use crate::answers::{Answers, RetentionRule};

/// "Up to 24 months", "1 year after the end of your contract, or until you have been
/// inactive for 3 years", "As set by Stripe". Not capitalised; empty when the rule
/// says nothing (validation refuses such a rule).
pub fn kept(a: &Answers, r: &RetentionRule) -> String {
    let mut parts: Vec<String> = Vec::new();
    let after = r.after.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(p) = r.period {
        let bound = if r.up_to { "up to " } else { "" };
        parts.push(match after {
            Some(event) => format!("{bound}{p} after {event}"),
            None => format!("{bound}{p}"),
        });
    }
    if let Some(u) = &r.until {
        parts.push(format!("until {u}"));
    }
    if let Some(p) = r.inactive_for {
        parts.push(format!("until you have been inactive for {p}"));
    }
    let mut kept = parts.join(", or ");
    if let Some(id) = &r.set_by {
        let name = a
            .processors
            .iter()
            .find(|p| p.id == id)
            .map_or(id.as_str(), |p| p.name.as_str());
        if kept.is_empty() {
            kept = format!("as set by {name}");
        } else {
            kept.push_str(&format!(", as set by {name}"));
        }
    }
    if r.rolling == Some(true) {
        kept.push_str(", rolling");
    }
    kept
}

/// The legal-hold note, when the operator said data may be kept longer for one.
pub fn legal_hold(r: &RetentionRule) -> Option<&'static str> {
    r.legal_hold.then_some(
        "We may keep it longer where the law requires us to, or while it is needed to establish, exercise or defend a legal claim.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Processor;

    fn rule() -> RetentionRule {
        RetentionRule {
            data: "Contracts".into(),
            ..Default::default()
        }
    }

    #[test]
    fn each_form_reads_as_people_say_it() {
        let mut a = Answers::default();
        a.processors.push(Processor {
            id: "stripe".into(),
            name: "Stripe".into(),
            ..Default::default()
        });
        let mut r = rule();
        r.period = Some("1 year".parse().unwrap());
        r.after = Some("the end of your contract".into());
        assert_eq!(kept(&a, &r), "1 year after the end of your contract");
        r.after = None;
        r.up_to = true;
        assert_eq!(kept(&a, &r), "up to 1 year");
        r.period = None;
        r.up_to = false;
        r.until = Some("you delete your account".into());
        r.inactive_for = Some("3 years".parse().unwrap());
        assert_eq!(
            kept(&a, &r),
            "until you delete your account, or until you have been inactive for 3 years"
        );
        let mut r = rule();
        r.set_by = Some("stripe".into());
        assert_eq!(kept(&a, &r), "as set by Stripe");
        assert_eq!(legal_hold(&r), None);
        r.legal_hold = true;
        assert!(legal_hold(&r).unwrap().contains("legal claim"));
    }
}
