//! `policywright history`: the published versions of a saved policy.

use std::process::ExitCode;

use clap::Args;

use crate::policy::Policy;
use crate::store::{self, Source};
use crate::versions::History;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The saved policy.
    #[arg(value_name = "NAME")]
    pub name: String,
}

pub fn run(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    let source = Source::parse(&args.name)?;
    let Source::Saved { name, path } = &source else {
        anyhow::bail!(
            "history takes a saved policy's NAME, not `{}`: only saved policies have versions",
            args.name
        );
    };
    let history = History::of(name)?;
    let versions = history.list()?;
    if versions.is_empty() {
        if !path.exists() {
            store::load(&source)?; // the usual "no saved policy named ..." error
        }
        super::print(&format!(
            "{name} has no published versions yet; publish it with: policywright publish {name}\n"
        ))?;
        return Ok(ExitCode::SUCCESS);
    }

    let count = match versions.len() {
        1 => "1 published version".to_owned(),
        n => format!("{n} published versions"),
    };
    let mut out = format!("{name}: {count} (kept in {})\n\n", history.dir().display());
    let mut previous: Option<Policy> = None;
    for v in &versions {
        let policy = super::input::policy_of(&v.answers, &format!("{name}@{}", v.version))?;
        let what = match &previous {
            None => "first published version".to_owned(),
            Some(p) => crate::diff::since(p, &policy).version_summary(),
        };
        out.push_str(&format!("{:>4}  {}  {what}\n", v.version, v.date));
        let written: Vec<String> = v
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
        previous = Some(policy);
    }
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
