//! `policywright render`: answers in, a policy out.

use std::process::ExitCode;

use anyhow::Context;

use super::RenderArgs;
use crate::answers::set;
use crate::render::{Format, Renderer};
use crate::store::{self, Source};

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    let format = args.format.unwrap_or_else(|| {
        args.out
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| match e.to_str()? {
                "html" | "htm" => Some(Format::Html),
                "txt" | "text" => Some(Format::Text),
                _ => None,
            })
            .unwrap_or(Format::Markdown)
    });
    // Fail on a bad output path before doing any work, and never after writing.
    if let Some(out) = &args.out {
        check_out(out)?;
    }

    let source = Source::parse(&args.input)?;
    let answers = store::load(&source)?;
    let answers = set::apply(&answers, &args.answers.set).context("--set")?;
    let renderer = Renderer::new(args.templates.as_deref())?;
    let policy = renderer.render(&answers, format)?;

    match &args.out {
        Some(out) => store::write_atomic(out, policy.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
        None => super::print(&policy)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn check_out(out: &std::path::Path) -> anyhow::Result<()> {
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
