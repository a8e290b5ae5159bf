//! `policywright history`: the published versions of a saved policy.

use std::process::ExitCode;

use clap::Args;

use crate::answers::Answers;
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
    let mut previous: Option<&Answers> = None;
    for v in &versions {
        let what = match previous {
            None => "first published version".to_owned(),
            Some(p) => summary(p, &v.answers),
        };
        out.push_str(&format!("{:>4}  {}  {what}\n", v.version, v.date));
        let written: Vec<String> = v
            .outputs
            .iter()
            .map(|o| {
                format!(
                    "{} ({})",
                    o.path.display(),
                    super::publish::format_name(o.format)
                )
            })
            .collect();
        let written = if written.is_empty() {
            "no files (printed to standard output)".to_owned()
        } else {
            written.join(", ")
        };
        out.push_str(&format!("                  wrote {written}\n"));
        previous = Some(&v.answers);
    }
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One line saying what changed from `old` to `new`. The "last updated" date that
/// publish itself moves is left out: every new version has one, so it says nothing.
pub(super) fn summary(old: &Answers, new: &Answers) -> String {
    let mut new = new.clone();
    new.policy.last_updated = old.policy.last_updated;
    let diff = crate::diff::compare(old, &new);
    if diff.changes.is_empty() {
        "no change to the answers (the built-in wording changed)".to_owned()
    } else {
        diff.summary()
    }
}
