//! `policywright scan DIR`: the catalog's processors found in a product's manifests,
//! and whether a policy declares them.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::json;

use super::processors::ReportFormat;
use crate::answers::Permission;
use crate::scan::{self, ExtensionManifest, PermissionFile, PlacementKind, Report};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The product's source directory.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Say whether this policy (a saved NAME or a FILE) declares each processor found,
    /// and exit 1 if one is missing, so CI can keep the policy honest.
    #[arg(long, value_name = "NAME|FILE")]
    pub policy: Option<String>,

    /// `text` for people, `json` for scripts.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

pub fn run(args: ScanArgs) -> anyhow::Result<ExitCode> {
    let catalog = crate::catalog::Catalog::for_operator()?;
    let policy = match &args.policy {
        Some(input) => Some(super::input::read_policy(input, &[])?.into_answers()),
        None => None,
    };
    let mut report = scan::scan(&args.dir, &catalog)?;
    if let Some(answers) = &policy {
        report.check_against(answers, &catalog);
    }
    for w in &report.warnings {
        super::warn(&format!("warning: {}: {} (skipped)", w.file, w.message));
    }
    let out = match args.format {
        ReportFormat::Json => json_report(&report, &args),
        ReportFormat::Text => text_report(&report, &args),
    };
    match args.format {
        ReportFormat::Json => super::print_json(&out)?,
        ReportFormat::Text => super::print(&out)?,
    }
    Ok(if report.undeclared().next().is_some() {
        super::Exit::Findings.into()
    } else {
        ExitCode::SUCCESS
    })
}

/// What to paste into `extension.permissions`: one answer per permission, to be
/// merged and given a purpose by the operator.
fn suggested(ext: &ExtensionManifest) -> Vec<Permission> {
    ext.permissions
        .iter()
        .map(|p| Permission {
            names: vec![p.name.clone()],
            used_for: String::new(),
        })
        .collect()
}

/// What to paste into `app.android_permissions` or `app.ios_permissions`: one answer
/// per permission not in the policy yet, an iOS usage description's own text as its
/// starting point (the operator says what it is used for).
fn suggested_app(file: &PermissionFile) -> Vec<Permission> {
    file.permissions
        .iter()
        .filter(|p| p.declared != Some(true))
        .map(|p| Permission {
            names: vec![p.name.clone()],
            used_for: p.description.clone().unwrap_or_default(),
        })
        .collect()
}

fn json_report(report: &Report, args: &ScanArgs) -> String {
    let extensions: Vec<_> = report
        .extensions
        .iter()
        .map(|ext| {
            json!({
                "file": ext.file,
                "permissions": ext.permissions,
                "suggested_answers": suggested(ext),
            })
        })
        .collect();
    let app_permissions: Vec<_> = report
        .app_permissions
        .iter()
        .map(|file| {
            json!({
                "file": file.file,
                "platform": file.platform,
                "answer": file.platform.answer(),
                "permissions": file.permissions,
                "suggested_answers": suggested_app(file),
            })
        })
        .collect();
    let value = json!({
        "dir": args.dir.display().to_string(),
        "policy": args.policy,
        "processors": report.processors,
        "extensions": extensions,
        "infrastructure": report.infrastructure,
        "app_permissions": app_permissions,
        "warnings": report.warnings,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("the report serialises");
    text.push('\n');
    text
}

fn text_report(report: &Report, args: &ScanArgs) -> String {
    let mut out = String::new();
    let dir = args.dir.display();
    let n = report.processors.len();
    if n == 0 {
        let _ = writeln!(out, "No processors from the catalog found in {dir}.");
    } else {
        let noun = if n == 1 { "processor" } else { "processors" };
        let _ = writeln!(out, "Found {n} {noun} in {dir}:");
    }
    let mut role = None;
    for found in &report.processors {
        if role != Some(found.role) {
            role = Some(found.role);
            let _ = writeln!(out, "\n{}", found.role.label());
        }
        let status = match (found.declared, &args.policy) {
            (Some(true), _) => " — declared".to_owned(),
            (Some(false), Some(policy)) => format!(" — NOT declared in {policy}"),
            _ => String::new(),
        };
        let _ = writeln!(out, "  {} ({}){status}", found.id, found.name);
        for e in &found.evidence {
            let _ = writeln!(
                out,
                "    {}:{}: {} {}",
                e.file,
                e.line,
                e.kind.describe(),
                e.name
            );
        }
    }
    for ext in &report.extensions {
        let _ = writeln!(out, "\nBrowser extension manifest {}:", ext.file);
        let width = ext
            .permissions
            .iter()
            .map(|p| p.name.len())
            .max()
            .unwrap_or(0);
        for p in &ext.permissions {
            let _ = writeln!(out, "  {:<width$}  {}, line {}", p.name, p.list, p.line);
        }
        if !ext.permissions.is_empty() {
            let answers = serde_json::to_string(&suggested(ext)).expect("serialises");
            let _ = writeln!(
                out,
                "Suggested extension.permissions answers (group them and say what each is used for):\n  {}",
                answers.replace("},{", "},\n   {")
            );
        }
    }
    if !report.infrastructure.is_empty() {
        let _ = writeln!(
            out,
            "\nWhere data lives, as infrastructure files say (for hosting and storage answers):"
        );
        for p in &report.infrastructure {
            let what = match (p.kind, &p.region) {
                (PlacementKind::DataStore, _) => format!("data store {}", p.name),
                (PlacementKind::Region, Some(region)) => format!("{} region {region}", p.name),
                (PlacementKind::Region, None) => format!("{} region", p.name),
            };
            let _ = writeln!(out, "  {}:{}: {what} ({})", p.file, p.line, p.source);
        }
    }
    for file in &report.app_permissions {
        let _ = writeln!(
            out,
            "\n{} permissions in {}:",
            file.platform.label(),
            file.file
        );
        if file.permissions.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for p in &file.permissions {
            let status = match p.declared {
                Some(true) => " — declared",
                Some(false) => " — NOT in the policy",
                None => "",
            };
            let _ = writeln!(out, "  {}:{}: {}{status}", file.file, p.line, p.name);
        }
        // Declaring the key means the app may show the ATT prompt; said once, until
        // the policy lists the key.
        let asks_to_track = file
            .permissions
            .iter()
            .any(|p| p.name == "NSUserTrackingUsageDescription" && p.declared != Some(true));
        if asks_to_track {
            let _ = writeln!(
                out,
                "The app declares NSUserTrackingUsageDescription: if it asks through App \
                 Tracking Transparency before tracking, answer app.att_prompt=yes."
            );
        }
        let suggested = suggested_app(file);
        if !suggested.is_empty() {
            let answers = serde_json::to_string(&suggested).expect("serialises");
            let _ = writeln!(
                out,
                "Suggested {} answers (say what each is used for):\n  {}",
                file.platform.answer(),
                answers.replace("},{", "},\n   {")
            );
        }
    }
    let undeclared: Vec<&str> = report.undeclared().map(|f| f.id.as_str()).collect();
    if let (Some(policy), Some(first)) = (&args.policy, undeclared.first()) {
        let _ = writeln!(
            out,
            "\n{} found but not declared in {policy}: {}. Add each to the policy's \
             processors, e.g. {{\"catalog\": \"{first}\"}}.",
            if undeclared.len() == 1 {
                "1 processor".to_owned()
            } else {
                format!("{} processors", undeclared.len())
            },
            undeclared.join(", ")
        );
    }
    out
}
