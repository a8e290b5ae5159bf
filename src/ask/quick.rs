//! Which questions the interview after a quick start asks: those with a suggestion
//! to confirm, and those only the operator can answer (a required answer missing,
//! an answer `check` finds wanting for the regions served, or how a developer
//! tool's telemetry is turned on and off). Everything else keeps
//! its default and is not asked; `ask` without the start asks it all as before.

use crate::answers::Answers;
use crate::answers::set::answer_at;
use crate::catalog::Catalog;
use crate::check::Severity;
use crate::policy::Policy;
use crate::questions::{Question, is_answered};

/// The answers `check` (or rendering) finds wanting, as dotted paths without list
/// positions (`purposes.legal_basis`), to hold against question keys.
pub fn wanting(answers: &Answers, catalog: &Catalog) -> Vec<String> {
    let paths: Vec<String> = match Policy::resolve(answers, catalog) {
        Ok(policy) => crate::check::check(&policy)
            .into_iter()
            .filter(|f| f.severity() == Severity::Error && f.waived.is_none())
            .map(|f| f.answer().to_owned())
            .collect(),
        Err(problems) => problems.into_iter().map(|p| p.path).collect(),
    };
    paths.iter().map(|p| without_positions(p)).collect()
}

/// `purposes[2].legal_basis` as `purposes.legal_basis`.
fn without_positions(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The telemetry question's key, and the id of the data category the quick start
/// suggests for a developer tool's telemetry (`assets/suggestions.json`).
const TELEMETRY: &str = "telemetry";

/// Whether the quick interview asks `q`, given what is `wanting`.
pub fn asks(answers: &Answers, wanting: &[String], q: &Question) -> bool {
    if q.is_setting() {
        return false;
    }
    if answers.has_unconfirmed(q.key) {
        return true;
    }
    if q.required && !is_answered(answer_at(answers, q.key).as_ref()) {
        return true;
    }
    // A developer tool's telemetry (the quick start suggests its `telemetry` data):
    // whether it is on unless turned off, and how to stop it, only the operator
    // knows, and the policy owes it (GDPR Art. 13(2)(b), 21(1): the means to object
    // to what rests on legitimate interests). So it is asked until answered.
    if q.key == TELEMETRY && answers.telemetry.is_none() && answers.category(TELEMETRY).is_some() {
        return true;
    }
    wanting.iter().any(|w| {
        w == q.key
            || w.strip_prefix(q.key)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_developer_tools_telemetry_is_asked_until_answered() {
        use crate::answers::vocab::Region;
        use crate::suggest::{Start, StartKind};
        let start = Start {
            kinds: vec![StartKind::DevTool],
            established: Some("DE".parse().unwrap()),
            regions: vec![Region::Eea],
            code_dir: None,
        };
        let catalog = Catalog::builtin();
        let mut a = crate::suggest::suggest(&Answers::default(), &start, None, &catalog);
        let q = crate::questions::sections()
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.key == TELEMETRY)
            .unwrap();
        assert!(asks(&a, &wanting(&a, &catalog), q));
        a.telemetry = Some(
            serde_json::from_value(serde_json::json!({
                "default": "opt_in", "sends": "the commands you run"
            }))
            .unwrap(),
        );
        assert!(!asks(&a, &wanting(&a, &catalog), q));
        // A product without telemetry is not asked.
        let start = Start {
            kinds: vec![StartKind::WebApp],
            ..start
        };
        let a = crate::suggest::suggest(&Answers::default(), &start, None, &catalog);
        assert!(!asks(&a, &wanting(&a, &catalog), q));
    }

    #[test]
    fn positions_are_dropped() {
        assert_eq!(
            without_positions("purposes[2].legal_basis"),
            "purposes.legal_basis"
        );
        assert_eq!(without_positions("organization.dpo"), "organization.dpo");
    }
}
