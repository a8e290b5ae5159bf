//! `policywright publish`: render a saved policy, write it, and record a version,
//! moving "last updated" only when the rendered text changed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::AnswerOverrides;
use super::processors::ReportFormat;
use super::render::{check_out, format_for_out, is_stdout};
use crate::answers::values::Date;
use crate::answers::{Answers, PublishedFile, set};
use crate::catalog::Catalog;
use crate::publish::{self, Outcome};
use crate::render::{Format, Renderer};
use crate::store::{self, Source, remembered};
use crate::versions::{self, History};

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The policy to publish: a saved policy's NAME (versions kept in the data
    /// directory) or an answers FILE (versions kept beside it, in `<stem>.versions/`).
    #[arg(value_name = "NAME|FILE")]
    pub name: String,

    /// Write the policy to PATH (repeatable: --out privacy.md --out privacy.html); a
    /// PATH of - is standard output. Every file is rendered before any is written, and
    /// each is replaced atomically.
    /// Without --out the policy goes to the outputs the answers remember
    /// (workspace.outputs: chosen on the wizard's publish screen, or by --remember),
    /// else to standard output.
    #[arg(short, long, value_name = "PATH")]
    pub out: Vec<PathBuf>,

    /// Remember these --out files (and formats) in the answers, so the next
    /// `publish NAME` and the wizard's publish screen write them again.
    #[arg(long, requires = "out")]
    pub remember: bool,

    /// Format of every output [default: from each --out's extension (.md, .html,
    /// .txt, ...), else markdown; an extension it does not know is an error].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// How to report what was done: text for people, or json for scripts (on standard
    /// output, so the policy must go to files: --out or the remembered outputs).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ReportFormat::Text)]
    pub report: ReportFormat,

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
    // A saved policy keeps its versions in the data directory and remembers outputs
    // in full; an answers file (in a repository) keeps them beside it, relative.
    let (name, path, portable) = match &source {
        Source::Saved { name, path } => (name.clone(), path.clone(), false),
        Source::File(path) => (path.display().to_string(), path.clone(), true),
        Source::Stdin => anyhow::bail!(
            "publish takes a saved policy's NAME or an answers FILE, not standard input: \
             versions are kept beside what is published"
        ),
    };
    let (name, path) = (name.as_str(), &path);
    let loaded = store::load_tracked(&source)?;
    let mut working = set::apply(&loaded.answers, &args.answers.set).context("--set")?;
    let (to_stdout, targets) = targets(&args, &working, path)?;
    for (out, _) in &targets {
        check_out(out)?;
    }
    if to_stdout.is_some() && args.report == ReportFormat::Json {
        anyhow::bail!(
            "--report json is printed on standard output, so the policy cannot go there too; \
             write it to a file with --out"
        );
    }
    if args.remember && args.out.iter().any(|out| is_stdout(out)) {
        anyhow::bail!("--remember keeps files to write; standard output (--out -) is not one");
    }
    if args.remember {
        working.workspace.outputs = targets
            .iter()
            .map(|(out, format)| PublishedFile {
                format: *format,
                path: remembered::remember(path, out, portable),
            })
            .collect();
    }
    let today = args.date.unwrap_or_else(versions::today);
    let history = History::for_source(&source)?;
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

    if let Some(note) = report.upgraded.as_deref().filter(|_| !super::quiet()) {
        super::warn(note);
    }
    if let Some(format) = to_stdout {
        match format {
            Format::Markdown => super::print_policy(&report.markdown)?,
            other => super::print_policy(&renderer.render(&report.policy, other)?)?,
        }
    }
    if args.report == ReportFormat::Json {
        super::print_json(&json_report(name, today, &report))?;
        return Ok(ExitCode::SUCCESS);
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
    let found = report.findings;
    if found.errors + found.warnings > 0 {
        status.push(format!(
            "check still finds {found} in what was published: see them with \
             policywright check {name}"
        ));
    }

    let status = status.join("\n") + "\n";
    if super::quiet() {
        // --quiet: the files (or standard output) are the result; the status is not.
    } else if to_stdout.is_some() {
        super::warn(status.trim_end());
    } else {
        super::print(&status)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where to write: the format to print on standard output, if any, and the files.
/// The files are the --out ones; else, unless --format asks for standard output, the
/// outputs the answers remember (relative to the answers file's folder). With no file
/// at all, or with `--out -`, the policy goes to standard output.
#[allow(clippy::type_complexity)]
fn targets(
    args: &PublishArgs,
    answers: &Answers,
    answers_file: &Path,
) -> anyhow::Result<(Option<Format>, Vec<(PathBuf, Format)>)> {
    let to_stdout = Some(args.format.unwrap_or(Format::Markdown));
    if args.out.is_empty() {
        if args.format.is_some() {
            // A format alone asks for that format on standard output.
            return Ok((to_stdout, Vec::new()));
        }
        let files: Vec<(PathBuf, Format)> = answers
            .workspace
            .outputs
            .iter()
            .map(|o| (remembered::resolve(answers_file, &o.path), o.format))
            .collect();
        return Ok((if files.is_empty() { to_stdout } else { None }, files));
    }
    let stdout_count = args.out.iter().filter(|out| is_stdout(out)).count();
    if stdout_count > 1 {
        anyhow::bail!("--out - (standard output) can be given only once");
    }
    let mut files = Vec::new();
    for out in args.out.iter().filter(|out| !is_stdout(out)) {
        let format = match args.format {
            Some(format) => format,
            None => format_for_out(out)?,
        };
        files.push((out.clone(), format));
    }
    Ok((if stdout_count == 1 { to_stdout } else { None }, files))
}

/// `--report json`: what `publish` did, for scripts. The shape is documented in the
/// README; keys are only ever added.
fn json_report(name: &str, today: Date, report: &publish::Report) -> String {
    let written: Vec<serde_json::Value> = report
        .written
        .iter()
        .map(|(path, format)| serde_json::json!({"path": path, "format": format.key()}))
        .collect();
    let last_updated = report.answers.policy.last_updated.map(|d| d.to_string());
    let (outcome, version, summary, material, previous, moved) = match &report.outcome {
        Outcome::Recorded {
            version,
            since,
            effective_moved_from,
        } => (
            "recorded",
            Some(*version),
            Some(since.as_ref().map_or_else(
                || "first published version".to_owned(),
                |s| s.summary.clone(),
            )),
            since.as_ref().is_some_and(|s| s.material),
            since.as_ref().map(|s| s.version),
            effective_moved_from.map(|d| d.to_string()),
        ),
        Outcome::Unchanged { version, .. } => {
            ("unchanged", Some(*version), None, false, None, None)
        }
        Outcome::NoHistory => ("no_history", None, None, false, None, None),
    };
    let notice = match (material, previous, version) {
        (true, Some(previous), Some(version)) => Some(format!(
            "policywright diff {name}@{previous} {name}@{version} --notice"
        )),
        _ => None,
    };
    let value = serde_json::json!({
        "name": name,
        "date": today.to_string(),
        "outcome": outcome,
        "version": version,
        "previous_version": previous,
        "summary": summary,
        "material": material,
        "notice_command": notice,
        "last_updated": last_updated,
        "effective_date_moved_from": moved,
        "written": written,
        "saved_answers": report.saved_answers,
        "check": report.findings,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("the report serialises");
    text.push('\n');
    text
}
