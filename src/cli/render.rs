//! `policywright render`: answers in, a policy out.

use std::path::Path;
use std::process::ExitCode;

use super::RenderArgs;
use crate::disclosures::{self, Form};
use crate::render::{Format, Prepared, Renderer, Verbatim};
use crate::store;

/// `render --format`: a policy format, or one of the stores' privacy forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    /// GitHub-flavoured Markdown with a table of contents
    Markdown,
    /// A standalone HTML page with its own readable, printable styles
    Html,
    /// Plain text, wrapped at 78 columns, with numbered headings
    Text,
    /// Google Play's Data safety form, as the CSV Play Console's "Import from CSV" reads
    PlayDataSafety,
    /// App Store Connect's App Privacy answers, as a checklist in the console's order
    AppPrivacy,
    /// The App Privacy answers as JSON (fastlane's app_privacy_details.json)
    AppPrivacyJson,
    /// The Chrome Web Store's privacy practices tab, ready to paste
    ChromeWebStore,
}

impl RenderFormat {
    /// The policy format, or the store form, this names.
    fn target(self) -> Result<Format, Form> {
        match self {
            RenderFormat::Markdown => Ok(Format::Markdown),
            RenderFormat::Html => Ok(Format::Html),
            RenderFormat::Text => Ok(Format::Text),
            RenderFormat::PlayDataSafety => Err(Form::PlayDataSafety),
            RenderFormat::AppPrivacy => Err(Form::AppPrivacy),
            RenderFormat::AppPrivacyJson => Err(Form::AppPrivacyJson),
            RenderFormat::ChromeWebStore => Err(Form::ChromeWebStore),
        }
    }
}

pub fn run(args: RenderArgs) -> anyhow::Result<ExitCode> {
    // `--out -` is standard output, as `-` for the answers is standard input.
    let out = args.out.as_deref().filter(|out| !is_stdout(out));
    let format = match (args.format.map(RenderFormat::target), out) {
        (Some(Ok(format)), _) => format,
        (Some(Err(form)), _) => return run_form(&args, form, out),
        (None, Some(out)) => format_for_out(out)?,
        (None, None) => Format::Markdown,
    };
    // Fail on a bad output path before doing any work, and never after writing.
    if let Some(out) = out {
        check_out(out)?;
    }

    // One thread: on a small policy a second one (to parse the templates beside
    // reading the answers) cost more CPU and system time (its stack, its malloc
    // arena growing by mprotect, page faults) than it saved in wall time; see
    // README.md "## Speed".
    let templates = args.templates.as_deref();
    let policy = super::input::read_policy(&args.input, &args.answers.set)?;
    let prepared = Prepared::new(&policy, Verbatim::for_templates(templates))?;
    let renderer = Renderer::for_prepared(templates, format, &prepared)?;
    let text = renderer.render_prepared(&prepared, format)?;
    // The process ends right after this; freeing every parsed template, the
    // context and the answers first would only make it slower.
    super::leave((renderer, prepared));
    super::leave(policy);

    match out {
        Some(out) => store::write_atomic(out, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
        None => super::print_policy(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `render --format <store form>`: the form instead of the policy, written the same
/// way (standard output, or atomically to `--out`).
fn run_form(args: &RenderArgs, form: Form, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    if args.templates.is_some() {
        anyhow::bail!(
            "--templates applies to policies, not to --format {}",
            form.key()
        );
    }
    if let Some(out) = out {
        check_out(out)?;
    }
    let policy = super::input::read_policy(&args.input, &args.answers.set)?;
    let text = disclosures::render(&policy, form)?;
    match out {
        Some(out) => store::write_atomic(out, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?,
        None => super::print_policy(&text)?,
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
