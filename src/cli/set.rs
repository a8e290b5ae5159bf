//! `policywright set`: change answers in a saved policy without any prompt.

use std::process::ExitCode;

use anyhow::bail;

use super::SetArgs;
use crate::answers::set::{apply, problems_at};
use crate::answers::{Answers, AnswersError};
use crate::store::{self, Source};

pub fn run(args: SetArgs) -> anyhow::Result<ExitCode> {
    let source = Source::parse(&args.input)?;
    let path = match &source {
        Source::Stdin => bail!("set changes a saved file; give a NAME or FILE, not -"),
        Source::File(path) | Source::Saved { path, .. } => path.clone(),
    };
    let answers = if !path.exists() && args.create {
        Answers::default()
    } else {
        if !path.exists() && matches!(source, Source::File(_)) {
            bail!(
                "{}: no such file (add --create to start a new answers file)",
                path.display()
            );
        }
        store::load(&source).map_err(|e| match &source {
            Source::Saved { .. } if !path.exists() => {
                anyhow::anyhow!("{e}\n(add --create to start a new policy with this name)")
            }
            _ => e.into(),
        })?
    };

    let updated = apply(&answers, &args.assignments)?;
    let keys: Vec<&str> = args.assignments.iter().map(|a| a.key.as_str()).collect();
    let problems = problems_at(&updated, &keys);
    if !problems.is_empty() {
        return Err(AnswersError::Overrides(problems).into());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    store::write_atomic(&path, updated.to_json().as_bytes())
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    for key in keys {
        println!("set {key}");
    }
    println!("saved {}", path.display());
    Ok(ExitCode::SUCCESS)
}
