//! `policywright history`: the published versions of a saved policy.

use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::processors::ReportFormat;
use crate::policy::Policy;
use crate::store::{self, Source};
use crate::versions::{History, Output};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A saved policy's NAME, or an answers FILE (its versions are kept beside it).
    #[arg(value_name = "NAME|FILE")]
    pub name: String,

    /// `text` for people, `json` for scripts (shape documented in the README).
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// One version, as `--format json` prints it.
#[derive(Serialize)]
struct Entry<'a> {
    version: u32,
    date: String,
    /// One line: "first published version", "3 changes (1 material): ...".
    summary: String,
    /// Whether users had to be told of the changes since the previous version.
    material: bool,
    outputs: &'a [Output],
}

pub fn run(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    let source = Source::parse(&args.name)?;
    let (name, path) = match &source {
        Source::Saved { name, path } => (name.clone(), path.clone()),
        Source::File(path) => (path.display().to_string(), path.clone()),
        Source::Stdin => anyhow::bail!("history takes a saved policy's NAME or an answers FILE"),
    };
    let (name, path) = (name.as_str(), &path);
    let history = History::for_source(&source)?;
    let versions = history.list()?;
    if versions.is_empty() && !path.exists() {
        store::load(&source)?; // the usual "no saved policy named ..." error
    }

    let mut entries = Vec::with_capacity(versions.len());
    let mut previous: Option<Option<Policy>> = None;
    // Read once: every version is resolved against today's catalog.
    let catalog = crate::catalog::Catalog::for_operator()?;
    for v in &versions {
        // A version whose catalog entry has since gone cannot be resolved today: it is
        // listed, and said not to be compared, rather than hiding every other version.
        let policy = Policy::resolve(&v.answers, &catalog).map_err(|problems| {
            let error = crate::answers::AnswersError::Invalid(problems);
            format!("{name}@{}: {error}", v.version)
        });
        let (summary, material) = match (&previous, &policy) {
            (None, _) => ("first published version".to_owned(), false),
            (_, Err(e)) => (format!("not compared ({e})"), false),
            (Some(None), Ok(_)) => ("not compared with the version before".to_owned(), false),
            (Some(Some(p)), Ok(policy)) => {
                let since = crate::diff::since(p, policy);
                (since.version_summary(), since.is_material())
            }
        };
        entries.push(Entry {
            version: v.version,
            date: v.date.to_string(),
            summary,
            material,
            outputs: &v.outputs,
        });
        previous = Some(policy.ok());
    }

    let out = match args.format {
        ReportFormat::Json => {
            let value = serde_json::json!({
                "name": name,
                "dir": history.dir(),
                "versions": entries,
            });
            serde_json::to_string_pretty(&value).expect("the history serialises") + "\n"
        }
        ReportFormat::Text => text(name, &history, &entries),
    };
    match args.format {
        ReportFormat::Json => super::print_json(&out)?,
        ReportFormat::Text => super::print(&out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn text(name: &str, history: &History, entries: &[Entry]) -> String {
    if entries.is_empty() {
        return format!(
            "{name} has no published versions yet; publish it with: policywright publish {name}\n"
        );
    }
    let count = match entries.len() {
        1 => "1 published version".to_owned(),
        n => format!("{n} published versions"),
    };
    let mut out = format!("{name}: {count} (kept in {})\n\n", history.dir().display());
    for e in entries {
        out.push_str(&format!("{:>4}  {}  {}\n", e.version, e.date, e.summary));
        let written: Vec<String> = e
            .outputs
            .iter()
            .map(|o| format!("{} ({})", o.path.display(), o.format.key()))
            .collect();
        let written = if written.is_empty() {
            "no files (printed to standard output)".to_owned()
        } else {
            written.join(", ")
        };
        out.push_str(&format!("                  wrote {written}\n"));
    }
    out
}
