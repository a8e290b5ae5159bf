//! Suggestions nobody confirmed: policywright proposed these answers (from the
//! product's kinds, its code and the regions served), and until the operator confirms
//! them the policy would say what its operator never said.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::set::canonical_path;

pub static RULES: &[Rule] = &[Rule {
    id: "consistency-unconfirmed",
    reviewed: "2026-12-06",
    regime: Regime::Consistency,
    // A policy must state the controller's actual processing: an answer the
    // operator never confirmed may describe another product's.
    citation: "GDPR Art. 5(1)(a) (transparency), Art. 12(1)",
    severity: Severity::Error,
    applies_when: "the answers hold suggestions (`workspace.unconfirmed`)",
    applies: |a| !a.workspace.unconfirmed.is_empty(),
    test: unconfirmed,
    message: "A suggested answer is not confirmed yet: confirm it (the wizard, `ask`, or \
              `policywright set`), change it, or remove it",
}];

fn unconfirmed(a: &Answers) -> Vec<Hit> {
    let doc = a.to_value();
    a.unconfirmed()
        .into_iter()
        .map(|path| Hit::with(canonical_path(&doc, &path), path))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::answers::Answers;
    use crate::check::check;
    use crate::policy::Policy;

    fn findings(a: &Answers) -> Vec<crate::check::Finding> {
        check(&Policy::with_builtin_catalog(a).unwrap())
            .into_iter()
            .filter(|f| f.rule() == "consistency-unconfirmed")
            .collect()
    }

    #[test]
    fn fires_on_each_unconfirmed_suggestion() {
        let mut a =
            Answers::from_json(r#"{"schema_version": 2, "processors": [{"catalog": "stripe"}]}"#)
                .unwrap();
        a.mark_suggested("processors.stripe");
        let found = findings(&a);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].answer(), "processors[0]");
        assert_eq!(found[0].severity(), crate::check::Severity::Error);
    }

    #[test]
    fn quiet_once_confirmed() {
        let mut a =
            Answers::from_json(r#"{"schema_version": 2, "processors": [{"catalog": "stripe"}]}"#)
                .unwrap();
        a.mark_suggested("processors.stripe");
        a.confirm("processors");
        assert!(findings(&a).is_empty());
    }
}
