//! `policywright publish`: render a saved policy, write it, and record a version,
//! moving "last updated" only when the rendered text changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::AnswerOverrides;
use super::render::{check_out, format_from_extension, with_catalog};
use crate::answers::values::Date;
use crate::answers::{Answers, PublishedFile, set};
use crate::render::{Format, Renderer};
use crate::store::{self, Source, remembered};
use crate::versions::{self, History, Output};

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The saved policy to publish (versions are kept per saved policy).
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Write the policy to PATH (repeatable: --out privacy.md --out privacy.html).
    /// Every file is rendered before any is written, and each is replaced atomically.
    /// Without --out the policy goes to the outputs the answers remember
    /// (workspace.outputs: chosen on the wizard's publish screen, or by --remember),
    /// else to standard output.
    #[arg(short, long, value_name = "PATH")]
    pub out: Vec<PathBuf>,

    /// Remember these --out files (and formats) in the answers, so the next
    /// `publish NAME` and the wizard's publish screen write them again.
    #[arg(long, requires = "out")]
    pub remember: bool,

    /// Format of every output [default: from each --out's extension, else markdown].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// The publication date [default: today's date (UTC) from the system clock].
    /// Scripts and tests give it to be deterministic.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,

    /// Like render's --set, but the changed answers are saved with the published
    /// version, so the saved policy stays what was published.
    #[command(flatten)]
    pub answers: AnswerOverrides,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

pub fn run(args: PublishArgs) -> anyhow::Result<ExitCode> {
    let source = Source::parse(&args.name)?;
    let Source::Saved { name, path } = &source else {
        anyhow::bail!(
            "publish takes a saved policy's NAME, not `{}`: versions are kept per saved \
             policy; save the answers as {}/NAME.json first",
            args.name,
            store::policies_dir()?.display()
        );
    };
    let saved = store::load(&source)?;
    let mut working = set::apply(&saved, &args.answers.set).context("--set")?;
    let targets = targets(&args, &working, path);
    for (out, _) in &targets {
        check_out(out)?;
    }
    if args.remember {
        working.workspace.outputs = targets
            .iter()
            .map(|(out, format)| PublishedFile {
                format: *format,
                path: remembered::remember(path, out, false),
            })
            .collect();
    }
    let today = args.date.unwrap_or_else(versions::today);
    let history = History::of(name)?;
    let previous = history.latest()?;

    let renderer = Renderer::new(None)?;
    // The saved answers and the version keep catalog references as the operator wrote
    // them; what is rendered (and hashed) is the filled-in policy.
    let origin = path.display().to_string();
    let render = |a: &Answers, format: Format| -> anyhow::Result<String> {
        Ok(renderer.render(&with_catalog(a, &origin)?, format)?)
    };
    let dated = versions::decide_dates(&working, previous.as_ref(), today, |a| {
        render(a, Format::Markdown)
    })?;
    let answers = &dated.answers;
    let markdown = render(answers, Format::Markdown)?;

    // Render everything before writing anything: a template or answers error leaves
    // every old output untouched.
    let mut rendered = Vec::new();
    for (out, format) in &targets {
        let format = *format;
        let text = match format {
            Format::Markdown => markdown.clone(),
            other => render(answers, other)?,
        };
        let absolute = std::path::absolute(out).unwrap_or_else(|_| out.clone());
        rendered.push((
            out,
            Output {
                path: absolute,
                format,
            },
            text,
        ));
    }

    let mut status = Vec::new();
    if targets.is_empty() {
        let format = args.format.unwrap_or(Format::Markdown);
        match format {
            Format::Markdown => super::print(&markdown)?,
            other => super::print(&render(answers, other)?)?,
        }
    }
    for (out, output, text) in &rendered {
        store::write_atomic(out, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?;
        status.push(format!(
            "Wrote {} ({}).",
            out.display(),
            format_name(output.format)
        ));
    }

    let last_updated = answers
        .policy
        .last_updated
        .expect("publish always dates the policy");
    if dated.changed {
        let outputs = rendered.into_iter().map(|(_, o, _)| o).collect();
        let sha = versions::sha256_hex(&markdown);
        let version = history.record(today, answers, outputs, sha)?;
        let what = match &previous {
            None => "first published version".to_owned(),
            Some(p) => super::history::summary(&p.answers, answers),
        };
        status.push(format!(
            "Published {name} version {} ({today}): {what}.",
            version.version
        ));
        status.push(format!("Last updated: {last_updated}."));
        if let Some(from) = dated.effective_moved_from {
            status.push(format!(
                "Effective date moved from {from} to {today}: a changed policy cannot take \
                 effect before it is published. To give notice, set policy.effective_date \
                 ahead of the publication date."
            ));
        }
        if let Some(p) = &previous
            && crate::diff::compare(&p.answers, answers).is_material()
        {
            status.push(format!(
                "Material changes: tell your users. Draft the notice with: \
                 policywright diff {name}@{} {name}@{} --notice",
                p.version, version.version
            ));
        }
    } else {
        let p = previous
            .as_ref()
            .expect("an unchanged publish has a previous version");
        status.push(format!(
            "{name}'s policy text is unchanged since version {} ({}): no new version recorded; \
             last updated stays {last_updated}.",
            p.version, p.date
        ));
    }

    if *answers != saved {
        store::write_atomic(path, answers.to_json().as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        status.push(format!(
            "Saved the published answers to {}.",
            path.display()
        ));
    }

    let status = status.join("\n") + "\n";
    if targets.is_empty() {
        eprint!("{status}");
    } else {
        super::print(&status)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where to write: the --out files; else, unless --format asks for standard output,
/// the outputs the answers remember (relative to the answers file's folder).
fn targets(args: &PublishArgs, answers: &Answers, answers_file: &Path) -> Vec<(PathBuf, Format)> {
    if args.out.is_empty() {
        if args.format.is_some() {
            // A format alone asks for that format on standard output.
            return Vec::new();
        }
        return answers
            .workspace
            .outputs
            .iter()
            .map(|o| (remembered::resolve(answers_file, &o.path), o.format))
            .collect();
    }
    args.out
        .iter()
        .map(|out| {
            let format = args
                .format
                .or_else(|| format_from_extension(out))
                .unwrap_or(Format::Markdown);
            (out.clone(), format)
        })
        .collect()
}

pub(super) fn format_name(format: Format) -> &'static str {
    match format {
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Text => "text",
    }
}
