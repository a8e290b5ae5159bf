//! Reading the answers a command is given, and the policy they make.

use anyhow::Context;

use crate::answers::{Answers, AnswersError, set};
use crate::policy::{Policy, PolicyError};
use crate::store::{self, LoadError, Source};

/// The policy of INPUT (NAME, FILE or `-`) with `--set` applied (see
/// [`with_overrides`]).
pub(super) fn read_policy(input: &str, set: &[set::Assignment]) -> anyhow::Result<Policy> {
    let source = Source::parse(input)?;
    let raw = store::load(&source)?;
    if set.is_empty() {
        // Nothing to apply: the answers as read become the policy, without a copy.
        return policy_of_owned(raw, &origin(&source));
    }
    with_overrides(&raw, set, &origin(&source))
}

/// The policy these answers make with `--set` (or `set`'s assignments) applied. The
/// assignments change the answers as written, before the catalog fills them in, so
/// a changed `organization.country` picks the catalog's company for the new region
/// (legal review §4, structural problem 4); a catalog reference without an id is
/// still found by its catalog id (`processors.stripe.purpose=...`). `render --set`
/// and `set` both decide here.
pub(super) fn with_overrides(
    answers: &Answers,
    set: &[set::Assignment],
    origin: &str,
) -> anyhow::Result<Policy> {
    if set.is_empty() {
        return policy_of(answers, origin);
    }
    // A broken reference in the file is reported as the file's, not as `--set`'s.
    policy_of(answers, origin)?;
    let answers = set::apply(answers, set).context("--set")?;
    policy_of(&answers, "--set")
}

/// The policy these answers make, with the operator's catalog; a reference to no
/// catalog entry is reported as a problem of the answers from `origin`.
pub(super) fn policy_of(answers: &Answers, origin: &str) -> anyhow::Result<Policy> {
    Policy::for_operator(answers).map_err(|e| reported(e, origin))
}

/// [`policy_of`] answers no longer needed as read.
fn policy_of_owned(answers: Answers, origin: &str) -> anyhow::Result<Policy> {
    Policy::for_operator_owned(answers).map_err(|e| reported(e, origin))
}

fn reported(e: PolicyError, origin: &str) -> anyhow::Error {
    match e {
        PolicyError::Catalog(e) => e.into(),
        PolicyError::References(problems) => LoadError::Answers {
            origin: origin.to_owned(),
            error: AnswersError::Invalid(problems),
        }
        .into(),
    }
}

/// How a source is named in errors.
pub(super) fn origin(source: &Source) -> String {
    match source {
        Source::Stdin => "<stdin>".to_owned(),
        Source::File(path) | Source::Saved { path, .. } => path.display().to_string(),
    }
}
