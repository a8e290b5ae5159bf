//! `policywright diff`: what changed between two answers, as sentences, a changelog,
//! JSON, a line diff of the rendered policies, or a draft notice for users.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::answers::Answers;
use crate::diff::{self, format};
use crate::policy::Policy;
use crate::render::{Format, Renderer};
use crate::store::{self, Source};
use crate::versions::{self, History};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier answers: NAME (saved), FILE, or NAME@N / FILE@N (published version N).
    /// Given alone, NAME compares the last published version with the working
    /// answers, and NAME@N compares version N with them.
    #[arg(value_name = "OLD")]
    pub old: String,

    /// The later answers: NAME, FILE, NAME@N or FILE@N.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,

    /// text: one change per line, material ones marked; markdown: a changelog to
    /// paste into an e-mail; json: for scripts (shape documented in the README).
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Text,
          conflicts_with_all = ["rendered", "notice"])]
    pub format: DiffFormat,

    /// Show a line diff of the two policies rendered as Markdown instead.
    #[arg(long, conflicts_with = "notice")]
    pub rendered: bool,

    /// Draft the notice users are owed for material changes: what changed, when it
    /// takes effect (policy.effective_date) and where to read the policy
    /// (organization.website). Advice on sending it goes to standard error.
    #[arg(long)]
    pub notice: bool,

    /// Exit 1 when there are changes, as `git diff --exit-code` does;
    /// `--exit-code=material` exits 1 only for material changes, so CI can demand a
    /// notice. With --rendered, `any` means the rendered texts differ. Exit 0 otherwise,
    /// 2 on bad input.
    #[arg(long, value_enum, value_name = "WHEN", num_args = 0..=1,
          require_equals = true, default_missing_value = "any")]
    pub exit_code: Option<ExitOn>,
}

/// `--exit-code[=WHEN]`: which changes make `diff` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExitOn {
    /// Any change (the default of a bare --exit-code).
    Any,
    /// Only changes users must be told about.
    Material,
}

/// The exit code `--exit-code` asks for, given whether anything changed and whether
/// any change is material.
fn exit_code(on: Option<ExitOn>, changed: bool, material: bool) -> ExitCode {
    let fail = match on {
        None => false,
        Some(ExitOn::Any) => changed,
        Some(ExitOn::Material) => material,
    };
    if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

/// Answers and how to call them in the output.
struct Side {
    /// As typed (`acme@2`, `acme`, `new.json`): what scripts see in JSON.
    reference: String,
    /// For people: `acme@2 (published 2026-05-01)`, `acme (working answers)`.
    label: String,
    /// What the policy says: catalog references filled in, stale answers left out.
    policy: Policy,
}

impl Side {
    fn new(reference: String, label: String, answers: &Answers) -> anyhow::Result<Side> {
        let policy = super::input::policy_of(answers, &reference)?;
        Ok(Side {
            reference,
            label,
            policy,
        })
    }
}

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let (old, new) = match &args.new {
        Some(new) => (resolve(&args.old)?, resolve(new)?),
        None => alone(&args.old)?,
    };

    if args.rendered {
        let renderer = Renderer::for_format(None, Format::Markdown)?;
        let a = renderer.render(&old.policy, Format::Markdown)?;
        let b = renderer.render(&new.policy, Format::Markdown)?;
        if a == b {
            super::print("The rendered policies are identical.\n")?;
        } else {
            let text = similar::TextDiff::from_lines(&a, &b)
                .unified_diff()
                .context_radius(3)
                .header(&old.label, &new.label)
                .to_string();
            super::print(&text)?;
        }
        let material = args.exit_code == Some(ExitOn::Material)
            && diff::compare(&old.policy, &new.policy).is_material();
        return Ok(exit_code(args.exit_code, a != b, material));
    }

    let changes = diff::compare(&old.policy, &new.policy);
    let code = exit_code(
        args.exit_code,
        !changes.changes.is_empty(),
        changes.is_material(),
    );
    if args.notice {
        let notice = format::notice(&changes, &new.policy);
        for note in notice.notes.iter().filter(|_| !super::quiet()) {
            super::warn(&format!("note: {note}"));
        }
        super::print(&notice.text)?;
        return Ok(code);
    }
    let text = match args.format {
        DiffFormat::Text => format::text(&changes, &old.label, &new.label),
        DiffFormat::Markdown => format::markdown(&changes, &old.policy, &new.policy),
        DiffFormat::Json => format::json(&changes, &old.reference, &new.reference),
    };
    match args.format {
        DiffFormat::Json => super::print_json(&text)?,
        DiffFormat::Text | DiffFormat::Markdown => super::print(&text)?,
    }
    super::leave((old, new, changes, text));
    Ok(code)
}

/// `diff NAME` or `diff FILE` (last published vs working) and `diff NAME@N` (version N
/// vs working).
fn alone(arg: &str) -> anyhow::Result<(Side, Side)> {
    if let Some((name, _)) = versions::parse_reference(arg) {
        return Ok((resolve(arg)?, resolve(name)?));
    }
    let source = Source::parse(arg)?;
    if matches!(source, Source::Stdin) {
        anyhow::bail!(
            "give two answers to compare (diff OLD NEW); a saved policy's NAME or an answers \
             FILE is compared alone with its last published version"
        );
    }
    let working = resolve(arg)?;
    let latest = History::for_source(&source)?.require_latest()?;
    let old = Side::new(
        format!("{arg}@{}", latest.version),
        format!("{arg}@{} (published {})", latest.version, latest.date),
        &latest.answers,
    )?;
    Ok((old, working))
}

fn resolve(arg: &str) -> anyhow::Result<Side> {
    if let Some((name, n)) = versions::parse_reference(arg) {
        let version = History::for_source(&Source::parse(name)?)?.load(n)?;
        return Side::new(
            arg.to_owned(),
            format!("{name}@{n} (published {})", version.date),
            &version.answers,
        );
    }
    let source = Source::parse(arg)?;
    let answers = store::load(&source)?;
    let label = match &source {
        Source::Saved { name, .. } => format!("{name} (working answers)"),
        Source::File(path) => path.display().to_string(),
        Source::Stdin => "standard input".to_owned(),
    };
    Side::new(arg.to_owned(), label, &answers)
}
