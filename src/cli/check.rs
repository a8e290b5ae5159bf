//! `policywright check`: answers in, findings out, exit 1 on any error-level finding
//! that no waiver covers.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::CheckArgs;
use crate::answers::Answers;
use crate::check::{self, Finding, Regime, Summary};

/// How findings are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Grouped by regime, most serious first, for people.
    #[default]
    Text,
    /// One JSON object: `findings`, `summary` and `regimes` (see the README).
    Json,
}

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    // The rules see the policy as `render` does: complete recipients, no stale answers.
    let policy = super::input::read_policy(&args.input, &args.answers.set)?;
    let answers = policy.answers();
    let findings = match args.date {
        Some(date) => check::check_on(&policy, date),
        None => check::check(&policy),
    };
    let summary = Summary::of(&findings);
    let out = match args.format {
        CheckFormat::Text => text(answers, &findings, summary),
        CheckFormat::Json => json(answers, &findings, summary),
    };
    super::print(&out)?;
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The text report: one block per regime, each finding with its severity, rule,
/// citation, what is missing and the answer to go to; then the waived findings with
/// their reasons; the summary on the last line.
pub fn text(answers: &Answers, findings: &[Finding], summary: Summary) -> String {
    let mut out = String::new();
    let product = match answers.organization.product_name.trim() {
        "" => "These answers",
        name => name,
    };
    let regimes: Vec<&str> = check::regimes(answers)
        .into_iter()
        .filter(|r| *r != Regime::Consistency)
        .map(Regime::title)
        .collect();
    let against = if regimes.is_empty() {
        "no regime (no region served has rules here)".to_owned()
    } else {
        regimes.join("; ")
    };
    let _ = writeln!(
        out,
        "{}",
        textwrap::fill(&format!("{product}: checked against {against}."), 78)
    );
    let mut current = None;
    for f in findings.iter().filter(|f| f.waived.is_none()) {
        if current != Some(f.regime) {
            current = Some(f.regime);
            heading(&mut out, f.regime.title());
        }
        finding(&mut out, f);
    }
    let waived: Vec<&Finding> = findings.iter().filter(|f| f.waived.is_some()).collect();
    if !waived.is_empty() {
        heading(&mut out, "Waived");
        for f in waived {
            finding(&mut out, f);
        }
    }
    if findings.is_empty() {
        out.push_str("\nNo findings.\n");
    }
    let _ = writeln!(out, "\n{summary}");
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "=".repeat(title.chars().count()));
}

/// One finding: severity, rule and citation; what is missing; the answer to go to;
/// and, when waived, why and until when.
fn finding(out: &mut String, f: &Finding) {
    let _ = writeln!(out, "\n{:<7} {} ({})", f.severity.key(), f.rule, f.citation);
    let _ = writeln!(out, "{}", indented(&f.message));
    let _ = writeln!(out, "        answer: {}", f.answer);
    if let Some(w) = &f.waived {
        let until = w.until.map(|d| format!(", until {d}")).unwrap_or_default();
        let reason = format!("waived ({}{until}): {}", w.waiver, w.reason);
        let _ = writeln!(out, "{}", indented(&reason));
    }
}

/// Wrapped at 78 columns and indented under the finding's first line. Words are not
/// split at their hyphens, so a rule id (`gdpr-eu-representative`) stays whole.
fn indented(text: &str) -> String {
    let wrap = textwrap::Options::new(78)
        .initial_indent("        ")
        .subsequent_indent("        ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, wrap)
}

#[derive(Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
    summary: Summary,
    regimes: Vec<Regime>,
}

/// The JSON report; its shape is documented in the README and held by tests.
pub fn json(answers: &Answers, findings: &[Finding], summary: Summary) -> String {
    let report = Report {
        findings,
        summary,
        regimes: check::regimes(answers),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("findings always serialise");
    text.push('\n');
    text
}
