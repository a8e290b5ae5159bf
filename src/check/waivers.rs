//! Waivers (`waivers` in the answers): findings the operator has decided not to act
//! on, each with a reason. A waived finding is still reported, as waived, and does
//! not count towards the summary's errors, warnings and info (so not towards the exit
//! code either). A waiver that waives nothing, because no finding matches it or its
//! `until` date has passed, is reported by `consistency-stale-waiver`, so waivers do
//! not outlive the reason they were written for.
//!
//! A waiver names a rule and, optionally, an answer: it then covers only the rule's
//! findings at that answer or inside it. Answers are written as findings name them
//! (`processors[2].safeguard`) or as `--set` does (`processors.yandex.safeguard`,
//! `processors.2`); either is matched against the findings' own paths.

use std::fmt::Write as _;

use super::{Finding, Hit, Rule, rules};
use crate::answers::values::Date;
use crate::answers::{Answers, Problem, Waiver, set};

/// The rule that reports waivers that waive nothing.
pub const STALE: &str = "consistency-stale-waiver";

/// Rules whose findings cannot be waived, and why.
const UNWAIVABLE: &[(&str, &str)] = &[
    (
        "consistency-renderable",
        "`render` refuses these answers whatever `check` says; fix the answer instead",
    ),
    (
        STALE,
        "it reports waivers themselves; remove or correct the stale waiver instead",
    ),
];

/// Why findings of this rule cannot be waived, if they cannot.
pub fn unwaivable(id: &str) -> Option<&'static str> {
    UNWAIVABLE
        .iter()
        .find(|(r, _)| *r == id)
        .map(|(_, why)| *why)
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().find(|r| r.id == id)
}

/// The known rule id closest to a mistyped one, if any is close.
pub fn closest(id: &str) -> Option<&'static str> {
    rules()
        .map(|r| (strsim::jaro_winkler(r.id, id), r.id))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

/// "no rule `gdpr-eu-rep`; did you mean `gdpr-eu-representative`?"
pub fn unknown_rule(id: &str) -> String {
    let mut text = format!("no rule `{id}`");
    match closest(id) {
        Some(close) => {
            let _ = write!(text, "; did you mean `{close}`?");
        }
        None => text.push_str("; `policywright check --format json` names the rules it applies"),
    }
    text
}

/// Waivers that name no rule, or a rule that cannot be waived: problems of the
/// answers, reported like a catalog reference to no entry (exit code 2), each with
/// the closest rule id.
pub fn problems(a: &Answers) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, w) in a.waivers.iter().enumerate() {
        let path = format!("waivers[{i}].rule");
        let id = w.rule.trim();
        if id.is_empty() {
            out.push(Problem::new(
                path,
                "is required and is empty: the id of the rule whose finding is waived",
            ));
        } else if let Some(why) = unwaivable(id) {
            out.push(Problem::new(
                path,
                format!("`{id}` cannot be waived: {why}"),
            ));
        } else if rule(id).is_none() {
            out.push(Problem::new(path, unknown_rule(id)));
        }
    }
    out
}

/// Where a waiver's answer points, written as findings write paths
/// (`processors[2].safeguard`); `None` when the waiver covers every finding of its rule.
fn scope(a: &Answers, w: &Waiver) -> Option<String> {
    let answer = w
        .answer
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())?;
    // `processors[2].safeguard` and `processors.2.safeguard` alike become dotted, then
    // entries named by id or position are put back in brackets.
    let dotted = answer.replace('[', ".").replace(']', "");
    let part = dotted.split('.').next().unwrap_or(&dotted);
    let mut doc = serde_json::Map::new();
    if let Some(value) = a.part_value(part) {
        doc.insert(part.to_owned(), value);
    }
    Some(set::canonical_path(
        &serde_json::Value::Object(doc),
        &dotted,
    ))
}

/// Whether a waiver for `rule` with this scope covers a finding.
fn covers(rule: &str, scope: Option<&str>, f: &Finding) -> bool {
    f.rule() == rule
        && scope.is_none_or(|s| {
            f.answer() == s
                || f.answer()
                    .strip_prefix(s)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
}

/// The waivers that match no finding of the other rules, for `consistency-stale-waiver`.
pub(super) fn stale(a: &Answers) -> Vec<Hit> {
    stale_given(a, &super::findings_of(a, |r| r.id != STALE))
}

/// [`stale`] on findings already made by every other rule: `check` passes its own, so
/// the rules do not run twice whenever a waiver exists (the wizard checks on every
/// confirmed answer).
pub(super) fn stale_given(a: &Answers, findings: &[Finding]) -> Vec<Hit> {
    a.waivers
        .iter()
        .enumerate()
        .filter(|(_, w)| rule(w.rule.trim()).is_some())
        .filter_map(|(i, w)| {
            let scope = scope(a, w);
            let rule = w.rule.trim();
            if findings.iter().any(|f| covers(rule, scope.as_deref(), f)) {
                return None;
            }
            Some(match scope {
                Some(at) => Hit::with(
                    format!("waivers[{i}].answer"),
                    format!("`{rule}` finds nothing at `{at}`"),
                ),
                None => Hit::with(
                    format!("waivers[{i}].rule"),
                    format!("`{rule}` finds nothing"),
                ),
            })
        })
        .collect()
}

/// Marks the findings the waivers cover as waived (by the first waiver that covers
/// each and still holds on `today`), and reports, once each, the waivers that would
/// cover a finding but whose `until` has passed: those findings count again. The
/// reports are findings of the stale-waiver rule, returned.
pub(super) fn apply(a: &Answers, findings: &mut [Finding], today: Date) -> Vec<Finding> {
    if a.waivers.is_empty() {
        return Vec::new();
    }
    let scopes: Vec<Option<String>> = a.waivers.iter().map(|w| scope(a, w)).collect();
    let mut expired = vec![false; a.waivers.len()];
    for f in findings.iter_mut().filter(|f| f.rule() != STALE) {
        let covering = a
            .waivers
            .iter()
            .zip(&scopes)
            .enumerate()
            .filter(|(_, (w, scope))| covers(w.rule.trim(), scope.as_deref(), f));
        let mut holding = None;
        for (i, (w, _)) in covering {
            if w.until.is_some_and(|until| until < today) {
                expired[i] = true;
            } else if holding.is_none() {
                holding = Some((i, w));
            }
        }
        if let Some((i, w)) = holding {
            f.waived = Some(Box::new(super::Waived {
                waiver: format!("waivers[{i}]"),
                reason: w.reason.trim().to_owned(),
                until: w.until,
            }));
        }
    }
    let Some(stale_rule) = rule(STALE) else {
        return Vec::new();
    };
    a.waivers
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let until = w.until.filter(|_| expired[i])?;
            Some(Finding::new(
                stale_rule,
                format!("waivers[{i}].until"),
                Some(format!(
                    "`{}` expired on {until}, so its findings count again",
                    w.rule.trim()
                )),
            ))
        })
        .collect()
}
