//! `policywright render`: answers in, a policy out.

use std::process::ExitCode;

use super::RenderArgs;
use crate::render::{Format, Prepared, Renderer};
use crate::store;

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
        let policy = super::input::read_policy(&args.input, &args.answers.set)?;
        let prepared = Prepared::new(&policy)?;
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
        None => super::print_policy(&policy)?,
    }
    Ok(ExitCode::SUCCESS)
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
