//! `policywright list`: the saved policies in the data directory, for people and
//! scripts. Reads only; a policy or version that cannot be read is listed with why,
//! never skipped, so a broken file does not silently disappear from the list.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::processors::ReportFormat;
use crate::store::{self, Source};
use crate::versions::History;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// `text` for people, `json` for scripts (shape documented in the README).
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// One saved policy, as `--format json` prints it.
#[derive(Debug, Serialize)]
struct Entry {
    name: String,
    /// organization.product_name; `null` when empty or unreadable.
    product: Option<String>,
    /// policy.last_updated (YYYY-MM-DD); `null` before the first publish.
    last_updated: Option<String>,
    /// The last published version; `null` when none was published.
    published: Option<Published>,
    path: PathBuf,
    /// Why the answers or the versions could not be read; `null` when they could.
    error: Option<String>,
}

#[derive(Debug, Serialize)]
struct Published {
    version: u32,
    date: String,
}

#[derive(Debug, Serialize)]
struct Listing {
    dir: PathBuf,
    policies: Vec<Entry>,
}

pub fn run(args: ListArgs) -> anyhow::Result<ExitCode> {
    let dir = store::policies_dir()?;
    let listing = Listing {
        policies: entries(&dir)?,
        dir,
    };
    let out = match args.format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&listing).expect("the list serialises");
            text.push('\n');
            text
        }
        ReportFormat::Text => text(&listing),
    };
    match args.format {
        ReportFormat::Json => super::print_json(&out)?,
        ReportFormat::Text => super::print(&out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The policies in `dir`, by name. A missing directory holds none.
fn entries(dir: &std::path::Path) -> anyhow::Result<Vec<Entry>> {
    let names = match store::saved_names(dir) {
        Ok(names) => names,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => anyhow::bail!("{}: {}", dir.display(), store::describe_io(&e)),
    };
    Ok(names.into_iter().filter_map(entry).collect())
}

/// One policy; `None` for a file whose name is not a policy name (it cannot be
/// opened by NAME, so listing it would only mislead).
fn entry(name: String) -> Option<Entry> {
    let Ok(Source::Saved { path, .. }) = Source::parse(&name) else {
        return None;
    };
    let mut entry = Entry {
        product: None,
        last_updated: None,
        published: None,
        path: path.clone(),
        error: None,
        name,
    };
    match store::load(&Source::File(path)) {
        Ok(answers) => {
            let product = answers.organization.product_name.trim();
            entry.product = (!product.is_empty()).then(|| product.to_owned());
            entry.last_updated = answers.policy.last_updated.map(|d| d.to_string());
        }
        Err(e) => entry.error = Some(e.to_string()),
    }
    match History::of(&entry.name).and_then(|h| h.latest()) {
        Ok(latest) => {
            entry.published = latest.map(|v| Published {
                version: v.version,
                date: v.date.to_string(),
            });
        }
        Err(e) if entry.error.is_none() => entry.error = Some(e.to_string()),
        Err(_) => {}
    }
    Some(entry)
}

/// A table: name, product, last updated, last published version, path; problems
/// on a line of their own under the policy.
fn text(listing: &Listing) -> String {
    let mut out = String::new();
    if listing.policies.is_empty() {
        let _ = writeln!(
            out,
            "No saved policies in {}. Start one with: policywright new NAME",
            listing.dir.display()
        );
        return out;
    }
    let rows: Vec<[String; 5]> = listing
        .policies
        .iter()
        .map(|e| {
            [
                e.name.clone(),
                e.product.clone().unwrap_or_else(|| "—".to_owned()),
                e.last_updated.clone().unwrap_or_else(|| "—".to_owned()),
                e.published.as_ref().map_or_else(
                    || "never".to_owned(),
                    |p| format!("v{} {}", p.version, p.date),
                ),
                e.path.display().to_string(),
            ]
        })
        .collect();
    let header = ["NAME", "PRODUCT", "LAST UPDATED", "PUBLISHED", "PATH"];
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..4).map(width).collect();
    let line = |cells: [&str; 5]| {
        let mut l = String::new();
        for (i, cell) in cells.iter().enumerate().take(4) {
            let pad = widths[i] - cell.chars().count();
            let _ = write!(l, "{cell}{}  ", " ".repeat(pad));
        }
        l.push_str(cells[4]);
        l
    };
    let _ = writeln!(out, "{}", line(header));
    for (row, e) in rows.iter().zip(&listing.policies) {
        let cells = [
            row[0].as_str(),
            row[1].as_str(),
            row[2].as_str(),
            row[3].as_str(),
            row[4].as_str(),
        ];
        let _ = writeln!(out, "{}", line(cells));
        if let Some(error) = &e.error {
            let _ = writeln!(out, "  cannot be read: {error}");
        }
    }
    out
}
