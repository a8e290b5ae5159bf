//! `policywright render`: answers in, a policy out.

use std::path::Path;
use std::process::ExitCode;

use super::RenderArgs;
use crate::render::{Format, Prepared, Renderer};
use crate::store;

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    // `--out -` is standard output, as `-` for the answers is standard input.
    let out = args.out.as_deref().filter(|out| !is_stdout(out));
    let format = match (args.format, out) {
        (Some(format), _) => format,
        (None, Some(out)) => format_for_out(out)?,
        (None, None) => Format::Markdown,
    };
    // Fail on a bad output path before doing any work, and never after writing.
    if let Some(out) = out {
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

    match out {
        Some(out) => store::write_atomic(out, policy.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
        None => super::print_policy(&policy)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--out -`: standard output rather than a file named `-`.
pub(super) fn is_stdout(out: &Path) -> bool {
    out.as_os_str() == "-"
}

/// The extensions `--out` understands without `--format`, for the error that lists them.
const EXTENSIONS: &str = ".md, .markdown, .html, .htm, .txt or .text";

/// The format an output path asks for when no `--format` is given: its extension's
/// (`.md`, `.html`, `.txt`, ...), Markdown for a path without one. Any other
/// extension is refused, so `--out policy.pdf` does not quietly get Markdown.
pub(super) fn format_for_out(path: &Path) -> anyhow::Result<Format> {
    let Some(extension) = path.extension() else {
        return Ok(Format::Markdown);
    };
    match extension.to_str().map(str::to_ascii_lowercase).as_deref() {
        Some("md" | "markdown") => Ok(Format::Markdown),
        Some("html" | "htm") => Ok(Format::Html),
        Some("txt" | "text") => Ok(Format::Text),
        _ => anyhow::bail!(
            "--out {}: cannot tell the format from `.{}`; name the file {EXTENSIONS}, \
             or give --format markdown|html|text",
            path.display(),
            extension.to_string_lossy()
        ),
    }
}

/// Refuses an output path that cannot be written, before any work is done.
pub(super) fn check_out(out: &Path) -> anyhow::Result<()> {
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
