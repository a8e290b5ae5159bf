//! `policywright render`: answers in, a policy out.

use std::process::ExitCode;

use anyhow::Context;

use super::RenderArgs;
use crate::answers::{Answers, AnswersError, set};
use crate::catalog;
use crate::render::{Format, Prepared, Renderer};
use crate::store::{self, Source};

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let format = args.format.unwrap_or_else(|| {
        args.out
            .as_deref()
            .and_then(format_from_extension)
            .unwrap_or(Format::Markdown)
    });
    // Fail on a bad output path before doing any work, and never after writing.
    if let Some(out) = &args.out {
        check_out(out)?;
    }

    // Parsing the templates takes about as long as everything else together, so it
    // runs beside reading the answers rather than after it.
    let templates = args.templates.as_deref();
    let policy = std::thread::scope(|scope| -> anyhow::Result<String> {
        let renderer = scope.spawn(|| Renderer::for_format(templates, format));
        let answers = read_answers(&args.input, &args.answers.set)?;
        let prepared = Prepared::new(&answers)?;
        let renderer = renderer.join().expect("template parsing does not panic")?;
        let policy = renderer.render_prepared(&prepared, format)?;
        // The process ends right after this; freeing every parsed template first
        // would only make it slower.
        std::mem::forget(renderer);
        Ok(policy)
    })?;

    match &args.out {
        Some(out) => store::write_atomic(out, policy.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
        None => super::print(&policy)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads answers, fills in catalog references, then applies `--set`, so `--set` can
/// change a field the catalog supplied (`processors.stripe.purpose=...`). References
/// that `--set` itself adds are filled in afterwards.
pub(super) fn read_answers(input: &str, set: &[set::Assignment]) -> anyhow::Result<Answers> {
    let source = Source::parse(input)?;
    let answers = store::load(&source)?;
    let answers = with_catalog(&answers, &origin(&source))?;
    let answers = set::apply(&answers, set).context("--set")?;
    with_catalog(&answers, "--set")
}

/// Resolves catalog references; the catalog is read only when something refers to it,
/// so a policy that uses none never depends on the operator's catalog file.
pub(super) fn with_catalog(answers: &Answers, origin: &str) -> anyhow::Result<Answers> {
    if !catalog::needs_catalog(answers) {
        return Ok(answers.clone());
    }
    let catalog = super::processors::load_catalog()?;
    catalog::resolve(answers, &catalog).map_err(|problems| {
        store::LoadError::Answers {
            origin: origin.to_owned(),
            error: AnswersError::Invalid(problems),
        }
        .into()
    })
}

fn origin(source: &Source) -> String {
    match source {
        Source::Stdin => "<stdin>".to_owned(),
        Source::File(path) | Source::Saved { path, .. } => path.display().to_string(),
    }
}

/// The format an output path's extension asks for (`.html`, `.txt`), if any.
pub(super) fn format_from_extension(path: &std::path::Path) -> Option<Format> {
    match path.extension()?.to_str()? {
        "html" | "htm" => Some(Format::Html),
        "txt" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// Refuses an output path that cannot be written, before any work is done.
pub(super) fn check_out(out: &std::path::Path) -> anyhow::Result<()> {
    if out.is_dir() {
        anyhow::bail!("--out {}: is a directory; give a file path", out.display());
    }
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(dir) = dir
        && !dir.is_dir()
    {
        anyhow::bail!(
            "--out {}: the directory {} does not exist",
            out.display(),
            dir.display()
        );
    }
    Ok(())
}
