//! `policywright processors [QUERY]`: the processor catalog, grouped by role.

use std::fmt::Write;
use std::process::ExitCode;

use clap::Args;

use crate::answers::vocab::ProcessorRole;
use crate::catalog::{Catalog, Entry};

/// `--format` of `processors` and `scan`: `text` for people, `json` for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ProcessorsArgs {
    /// Show only entries whose name, id, role or typical data contain this
    /// (case-insensitive), e.g. `mail`, `payments`, `phone numbers`.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// `text` lists entries by role; `json` prints every field of every match.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

pub fn run(args: ProcessorsArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::for_operator()?;
    let matches = catalog.search(args.query.as_deref().unwrap_or(""));
    let out = match args.format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&matches)?;
            text.push('\n');
            text
        }
        ReportFormat::Text => text(&matches, args.query.as_deref()),
    };
    match args.format {
        ReportFormat::Json => super::print_json(&out)?,
        ReportFormat::Text => super::print(&out)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn text(matches: &[&Entry], query: Option<&str>) -> String {
    let mut out = String::new();
    if matches.is_empty() {
        let query = query.unwrap_or("");
        let _ = writeln!(
            out,
            "No catalog entry matches `{query}`; `policywright processors` lists them all."
        );
        return out;
    }
    let width = matches.iter().map(|e| e.id.len()).max().unwrap_or(0);
    for role in ProcessorRole::ALL {
        let group: Vec<&&Entry> = matches.iter().filter(|e| e.role == *role).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", role.label(), role.key());
        for e in group {
            let unchecked = unchecked_mark(e);
            let _ = writeln!(
                out,
                "  {:<width$}  {}: {}{unchecked}",
                e.id, e.name, e.used_for
            );
        }
        out.push('\n');
    }
    let n = matches.len();
    let _ = writeln!(
        out,
        "{n} {}. Use one in your answers' processors as {{\"catalog\": \"{}\"}}, \
         overriding any field beside it; --format json shows every field.",
        if n == 1 { "entry" } else { "entries" },
        matches[0].id
    );
    if matches.iter().any(|e| e.checked.is_none()) {
        let _ = writeln!(
            out,
            "[unchecked]: the entry's facts are not yet checked against the service's own \
             documents; confirm them before you rely on them."
        );
    }
    if matches
        .iter()
        .any(|e| e.checked.is_some() && !e.unconfirmed_facts().is_empty())
    {
        let _ = writeln!(
            out,
            "[unchecked: ...]: those facts were not confirmed when the entry was checked."
        );
    }
    if matches.iter().any(|e| !e.unconfirmed_facts().is_empty()) {
        let _ = writeln!(
            out,
            "A policy is never given an unchecked fact from the catalog: give it yourself \
             in the processor's answers once you have confirmed it."
        );
    }
    out
}

/// How the listing marks an entry whose facts are not all checked: wholly
/// (no `checked` date) or by the facts its check did not confirm.
fn unchecked_mark(e: &Entry) -> String {
    if e.checked.is_none() {
        return " [unchecked]".to_owned();
    }
    match e.unconfirmed_facts().as_slice() {
        [] => String::new(),
        facts => format!(" [unchecked: {}]", facts.join(", ")),
    }
}
