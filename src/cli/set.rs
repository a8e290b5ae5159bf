//! `policywright set`: change answers in a saved policy without any prompt.

use std::process::ExitCode;

use anyhow::bail;

use super::SetArgs;
use super::processors::ReportFormat;
use crate::answers::set::{Assignment, apply, problems_at};
use crate::answers::{Answers, AnswersError};
use crate::store::{self, Source};

pub fn run(args: SetArgs) -> anyhow::Result<ExitCode> {
    let source = Source::parse(&args.input)?;
    let path = match &source {
        Source::Stdin => bail!("set changes a saved file; give a NAME or FILE, not -"),
        Source::File(path) | Source::Saved { path, .. } => path.clone(),
    };
    let created = !path.exists();
    if !path.exists() && !args.create && matches!(source, Source::File(_)) {
        bail!(
            "{}: no such file (add --create to start a new answers file)",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && args.create
    {
        std::fs::create_dir_all(dir)?;
    }
    // Read, decide and write under the file's lock, so a `set`, a `publish` or an
    // interview saving at the same moment waits instead of being undone. An answers
    // file that does not change is not written at all.
    let _lock = (path.exists() || args.create)
        .then(|| store::lock_answers(&path))
        .transpose()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let current = if !path.exists() && args.create {
        store::OnDisk::missing()
    } else {
        store::load_tracked(&source).map_err(|e| match &source {
            Source::Saved { .. } if !path.exists() => {
                anyhow::anyhow!("{e}\n(add --create to start a new policy with this name)")
            }
            _ => e.into(),
        })?
    };

    let updated = decide(
        &current.answers,
        &args.assignments,
        &path.display().to_string(),
    )?;
    let changed = created || updated != current.answers;
    let upgraded = store::upgrade_note(&path, &current, &updated);
    store::write_answers(&path, &current, &updated).map_err(anyhow::Error::msg)?;
    if let Some(note) = upgraded.filter(|_| !super::quiet()) {
        super::warn(&note);
    }
    let out = match args.format {
        ReportFormat::Text if super::quiet() => String::new(),
        ReportFormat::Text => {
            let mut out = String::new();
            for a in &args.assignments {
                out.push_str(&format!("set {}\n", a.key));
            }
            out + &format!("saved {}\n", path.display())
        }
        ReportFormat::Json => {
            let value = serde_json::json!({
                "path": path,
                "created": created,
                "changed": changed,
                "set": args.assignments.iter().map(|a| a.key.as_str()).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&value).expect("the report serialises") + "\n"
        }
    };
    match args.format {
        ReportFormat::Json => super::print_json(&out)?,
        ReportFormat::Text => super::print(&out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The answers to save, or why the assignments are refused.
///
/// `render --set` decides what it accepts on the policy the answers make once the
/// assignments are applied to them (`input::with_overrides`: the assignments, then
/// the catalog). `set` decides on exactly that, with the same function, so a `{"catalog": "sentry"}` entry or `processors.stripe.purpose=...`
/// is accepted by both or refused by both with the same words. Only the scope
/// differs: `set` refuses problems at the answers it changes, since a draft may
/// still lack others, while `render` needs every answer.
///
/// What is saved is the file's own answers with the assignments applied, so a
/// reference stays a reference and the catalog's facts are not copied into the file.
fn decide(answers: &Answers, assignments: &[Assignment], origin: &str) -> anyhow::Result<Answers> {
    let seen = super::input::with_overrides(answers, assignments, origin)?;
    let keys: Vec<&str> = assignments.iter().map(|a| a.key.as_str()).collect();
    let mut problems = problems_at(&seen, &keys);
    // What the file keeps, too: a value under a condition that is false today is
    // left out of the policy but saved, and must be valid when the condition returns.
    let applied = apply(answers, assignments)?;
    let kept = crate::policy::Policy::kept_for_operator(&applied).map_err(anyhow::Error::from)?;
    for problem in problems_at(&kept, &keys) {
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    if !problems.is_empty() {
        return Err(AnswersError::Overrides(problems).into());
    }
    Ok(applied)
}
