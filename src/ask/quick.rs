//! Which questions the interview after a quick start asks: those with a suggestion
//! to confirm, and those only the operator can answer (a required answer missing,
//! or an answer `check` finds wanting for the regions served). Everything else keeps
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
            .filter(|f| f.severity == Severity::Error && f.waived.is_none())
            .map(|f| f.answer)
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
    fn positions_are_dropped() {
        assert_eq!(
            without_positions("purposes[2].legal_basis"),
            "purposes.legal_basis"
        );
        assert_eq!(without_positions("organization.dpo"), "organization.dpo");
    }
}
