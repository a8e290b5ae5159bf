//! `policywright publish`: render a saved policy, write it, and record a version,
//! moving "last updated" only when the rendered text changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::AnswerOverrides;
use super::render::{check_out, format_from_extension};
use crate::answers::values::Date;
use crate::answers::{Answers, PublishedFile, set};
use crate::catalog::Catalog;
use crate::publish::{self, Outcome};
use crate::render::{Format, Renderer};
use crate::store::{self, Source, remembered};
use crate::versions::{self, History};

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
    let loaded = store::load_tracked(&source)?;
    let mut working = set::apply(&loaded.answers, &args.answers.set).context("--set")?;
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
    let catalog = Catalog::for_operator()?;
    let renderer = Renderer::new(None)?;
    let report = publish::publish(publish::Request {
        base: &loaded.base(),
        working,
        answers_file: path,
        history: Some(&history),
        outputs: &targets,
        today,
        catalog: &catalog,
        renderer: &renderer,
    })?;

    if targets.is_empty() {
        match args.format.unwrap_or(Format::Markdown) {
            Format::Markdown => super::print_policy(&report.markdown)?,
            other => super::print_policy(&renderer.render(&report.policy, other)?)?,
        }
    }
    let mut status: Vec<String> = report
        .written
        .iter()
        .map(|(out, format)| format!("Wrote {} ({}).", out.display(), format.key()))
        .collect();
    let last_updated = report
        .answers
        .policy
        .last_updated
        .expect("publish always dates the policy");
    match &report.outcome {
        Outcome::Recorded {
            version,
            since,
            effective_moved_from,
        } => {
            let what = match since {
                None => "first published version",
                Some(since) => &since.summary,
            };
            status.push(format!(
                "Published {name} version {version} ({today}): {what}."
            ));
            status.push(format!("Last updated: {last_updated}."));
            if let Some(from) = effective_moved_from {
                status.push(format!(
                    "Effective date moved from {from} to {today}: a changed policy cannot take \
                     effect before it is published. To give notice, set policy.effective_date \
                     ahead of the publication date."
                ));
            }
            if let Some(since) = since.as_ref().filter(|s| s.material) {
                status.push(format!(
                    "Material changes: tell your users. Draft the notice with: \
                     policywright diff {name}@{} {name}@{version} --notice",
                    since.version
                ));
            }
        }
        Outcome::Unchanged { version, date } => status.push(format!(
            "{name}'s policy text is unchanged since version {version} ({date}): no new \
             version recorded; last updated stays {last_updated}."
        )),
        Outcome::NoHistory => {}
    }
    if report.saved_answers {
        status.push(format!(
            "Saved the published answers to {}.",
            path.display()
        ));
    }

    let status = status.join("\n") + "\n";
    if targets.is_empty() {
        super::warn(status.trim_end());
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
