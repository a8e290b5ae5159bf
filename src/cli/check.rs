//! `policywright check`: answers in, findings out, exit 1 on any error-level finding
//! that no waiver covers; `check --explain RULE` describes one rule.

use std::fmt::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::CheckArgs;
use crate::answers::Answers;
use crate::check::{self, Finding, Regime, Rule, Summary};

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
    if let Some(id) = &args.explain {
        return explain(id, args.format);
    }
    let input = args
        .input
        .as_deref()
        .ok_or_else(|| anyhow::anyhow!("which answers? give NAME, FILE or -"))?;
    // The rules see the policy as `render` does: complete recipients, no stale answers.
    let policy = super::input::read_policy(input, &args.answers.set)?;
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
    match args.format {
        CheckFormat::Text => super::print(&out)?,
        CheckFormat::Json => super::print_json(&out)?,
    }
    super::leave((findings, out));
    super::leave(policy);
    Ok(if summary.errors > 0 {
        super::Exit::Findings.into()
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
        fill(&format!("{product}: checked against {against}."), "", "")
    );
    let mut current = None;
    for f in findings.iter().filter(|f| f.waived.is_none()) {
        if current != Some(f.regime()) {
            current = Some(f.regime());
            heading(&mut out, f.regime().title());
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
    let _ = writeln!(
        out,
        "\n{:<7} {} ({})",
        f.severity().key(),
        f.rule(),
        f.citation()
    );
    let _ = writeln!(out, "{}", indented(&f.message().to_string()));
    let _ = writeln!(out, "        answer: {}", f.answer());
    if let Some(w) = &f.waived {
        let until = w.until.map(|d| format!(", until {d}")).unwrap_or_default();
        let reason = format!("waived ({}{until}): {}", w.waiver, w.reason);
        let _ = writeln!(out, "{}", indented(&reason));
    }
}

/// Indented under the finding's first line.
fn indented(text: &str) -> String {
    fill(text, "        ", "        ")
}

/// Wrapped at 78 columns, the way every line of the report is (`text::fill`): at
/// spaces only, so a rule id (`gdpr-eu-representative`) stays whole, first-fit, and
/// a word longer than a line (a web address) runs past the margin whole rather than
/// being cut where a reader could not copy it.
fn fill(text: &str, initial_indent: &str, subsequent_indent: &str) -> String {
    crate::text::fill::fill(text, 78, initial_indent, subsequent_indent)
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

/// `check --explain RULE`: the rule, and how to satisfy or waive it. An unknown rule
/// is bad input (exit 2), named with the closest one.
fn explain(id: &str, format: CheckFormat) -> anyhow::Result<ExitCode> {
    let Some(rule) = check::waivers::rule(id.trim()) else {
        anyhow::bail!("{}", check::waivers::unknown_rule(id.trim()));
    };
    let out = match format {
        CheckFormat::Text => explain_text(rule),
        CheckFormat::Json => explain_json(rule),
    };
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A waiver of every finding of `rule`, as it goes in the answers file.
fn waiver_example(rule: &Rule) -> serde_json::Value {
    serde_json::json!({
        "rule": rule.id,
        "reason": "Why this does not apply to you, or why you accept it",
    })
}

pub fn explain_text(rule: &Rule) -> String {
    let mut out = String::new();
    let field = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(
            out,
            "{}",
            fill(&format!("{name:<11} {value}"), "", "            ")
        );
    };
    let _ = writeln!(out, "{}\n", rule.id);
    field(&mut out, "regime:", rule.regime.title());
    field(&mut out, "severity:", rule.severity.key());
    field(&mut out, "citation:", rule.citation);
    let applies = match rule.applies_when {
        "always" => "always".to_owned(),
        when => format!("when {when}"),
    };
    field(&mut out, "applies:", &applies);
    field(&mut out, "asks:", rule.message);
    field(
        &mut out,
        "reviewed:",
        &format!("{} (last held against its source)", rule.reviewed),
    );
    let para = |out: &mut String, text: &str| {
        let _ = writeln!(out, "\n{}", fill(text, "", ""));
    };
    if rule.regime == Regime::UsStates {
        us_state_table(&mut out);
    }
    para(
        &mut out,
        &format!(
            "To satisfy it: give the answer it asks for. `policywright check NAME` names \
             the answer to change for each finding (its `answer:` line), `policywright set \
             NAME KEY=VALUE` changes it, and `policywright edit NAME` opens the interview. \
             Findings of {} severity {}.",
            rule.severity.key(),
            match rule.severity {
                check::Severity::Error => "make `check` exit 1",
                _ => "do not change `check`'s exit code",
            }
        ),
    );
    if let Some(why) = check::waivers::unwaivable(rule.id) {
        para(&mut out, &format!("It cannot be waived: {why}."));
        return out;
    }
    para(
        &mut out,
        "To waive it (it then shows as waived, with your reason, and no longer counts): \
         add a waiver to the answers file. Add \"until\": \"YYYY-MM-DD\" for a waiver that \
         lapses after that day, and \"answer\" (the path a finding names) to waive only \
         the finding there.",
    );
    let example = serde_json::json!({ "waivers": [waiver_example(rule)] });
    let pretty = serde_json::to_string_pretty(&example).expect("JSON");
    // Without its outer braces: a member to paste into the answers file's object.
    let lines: Vec<&str> = pretty.lines().collect();
    out.push('\n');
    for line in &lines[1..lines.len() - 1] {
        let _ = writeln!(out, "{line}");
    }
    para(
        &mut out,
        "Or, from the command line (this replaces every waiver NAME has):",
    );
    let one = serde_json::json!([{
        "rule": rule.id,
        "reason": "Why this does not apply to you",
    }]);
    let _ = writeln!(out, "\n  policywright set NAME 'waivers={one}'");
    out
}

/// The US states' laws the `us-states-*` rules read (`crate::law::us_states`): when
/// each applies, its notice section and what is still to confirm, so a founder can
/// judge the thresholds the answers cannot.
fn us_state_table(out: &mut String) {
    let _ = writeln!(out, "\nThe state laws these rules read:");
    for s in crate::law::us_states::STATES {
        let mut line = format!(
            "- {}: {} ({}), in force {}; applies: {}; notice: {}",
            s.name, s.act, s.statute, s.in_force, s.thresholds, s.notice
        );
        if !s.to_confirm.is_empty() {
            line.push_str(&format!(" (to confirm: {})", s.to_confirm));
        }
        let _ = writeln!(out, "{}", fill(&line, "", "    "));
    }
}

#[derive(Serialize)]
struct Explained<'a> {
    rule: &'a str,
    regime: Regime,
    severity: check::Severity,
    citation: &'a str,
    applies_when: &'a str,
    message: &'a str,
    reviewed: &'a str,
    /// A waiver to paste into `waivers`; `null` when the rule cannot be waived.
    waiver: Option<serde_json::Value>,
}

fn explain_json(rule: &Rule) -> String {
    let explained = Explained {
        rule: rule.id,
        regime: rule.regime,
        severity: rule.severity,
        citation: rule.citation,
        applies_when: rule.applies_when,
        message: rule.message,
        reviewed: rule.reviewed,
        waiver: check::waivers::unwaivable(rule.id)
            .is_none()
            .then(|| waiver_example(rule)),
    };
    let mut text = serde_json::to_string_pretty(&explained).expect("a rule always serialises");
    text.push('\n');
    text
}
