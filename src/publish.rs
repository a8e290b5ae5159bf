//! Publishing, defined once for `policywright publish` and the wizard's publish screen:
//! date the policy by the honest-dates rule, render every output before writing any,
//! write each atomically, record a version when the text changed, and save the dated
//! answers. The caller only says what to publish and shows the [`Report`].

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::answers::Answers;
use crate::answers::values::Date;
use crate::catalog::Catalog;
use crate::diff;
use crate::policy::Policy;
use crate::render::{Format, Renderer};
use crate::store;
use crate::versions::{self, History, Output};

/// What to publish, and where.
pub struct Request<'a> {
    /// The answers as they are on disk, to know whether the dated ones must be saved.
    pub saved: &'a Answers,
    /// The answers to publish (the saved ones with any `--set` and the outputs to
    /// remember applied), catalog references as the operator wrote them.
    pub working: Answers,
    /// The answers file, where the published answers are saved.
    pub answers_file: &'a Path,
    /// The saved policy's versions; `None` for an answers file that has none.
    pub history: Option<&'a History>,
    /// The files to write, each in its format.
    pub outputs: &'a [(PathBuf, Format)],
    pub today: Date,
    pub catalog: &'a Catalog,
    pub renderer: &'a Renderer,
}

/// What publishing did.
pub struct Report {
    /// The published answers, as saved (catalog references as written).
    pub answers: Answers,
    /// The policy they make, to print in another format.
    pub policy: Policy,
    /// The policy as Markdown (what a version's hash is taken of).
    pub markdown: String,
    /// The files written, in the order asked.
    pub written: Vec<(PathBuf, Format)>,
    pub outcome: Outcome,
    /// Whether the answers file was rewritten (dates moved, outputs remembered).
    pub saved_answers: bool,
}

/// Whether a version was recorded.
pub enum Outcome {
    /// An answers file with no history: only the outputs were written.
    NoHistory,
    /// The text changed (or this is the first version): a version was recorded.
    Recorded {
        version: u32,
        /// What changed since the previous version; `None` for the first.
        since: Option<Since>,
        /// A changed policy's effective date was earlier than today and was moved to
        /// today: the old date.
        effective_moved_from: Option<Date>,
    },
    /// The text is the same as the last version's: nothing recorded.
    Unchanged { version: u32, date: Date },
}

/// The changes since the previous version.
pub struct Since {
    pub version: u32,
    /// One line: "3 changes (1 material): Added processor: ...".
    pub summary: String,
    /// Whether users must be told.
    pub material: bool,
}

/// Publishes. Every output is rendered before any is written, so a template or answers
/// problem leaves every old output untouched.
pub fn publish(request: Request) -> anyhow::Result<Report> {
    let Request {
        saved,
        working,
        answers_file,
        history,
        outputs,
        today,
        catalog,
        renderer,
    } = request;
    let origin = answers_file.display().to_string();
    let policy_of = |a: &Answers| -> anyhow::Result<Policy> {
        Policy::resolve(a, catalog).map_err(|problems| {
            anyhow::anyhow!("{origin}: {}", crate::answers::list_problems(&problems))
        })
    };
    let render =
        |p: &Policy, format: Format| -> anyhow::Result<String> { Ok(renderer.render(p, format)?) };
    let previous = match history {
        Some(h) => h.latest()?,
        None => None,
    };
    let dated = versions::decide_dates(&working, previous.as_ref(), today, |a| {
        render(&policy_of(a)?, Format::Markdown)
    })?;
    let answers = dated.answers;
    let policy = policy_of(&answers)?;
    let markdown = render(&policy, Format::Markdown)?;

    let mut rendered = Vec::new();
    for (path, format) in outputs {
        let text = match format {
            Format::Markdown => markdown.clone(),
            other => render(&policy, *other)?,
        };
        rendered.push((path, *format, text));
    }
    for (path, _, text) in &rendered {
        store::write_atomic(path, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    let written: Vec<(PathBuf, Format)> = rendered
        .into_iter()
        .map(|(path, format, _)| (path.clone(), format))
        .collect();

    let outcome = match history {
        None => Outcome::NoHistory,
        Some(history) if dated.changed => {
            let recorded = written
                .iter()
                .map(|(path, format)| Output {
                    path: std::path::absolute(path).unwrap_or_else(|_| path.clone()),
                    format: *format,
                })
                .collect();
            let version = history
                .record(today, &answers, recorded, versions::sha256_hex(&markdown))
                .context("recording the version")?;
            let since = match &previous {
                None => None,
                Some(p) => {
                    let changes = diff::since(&policy_of(&p.answers)?, &policy);
                    Some(Since {
                        version: p.version,
                        summary: changes.version_summary(),
                        material: changes.is_material(),
                    })
                }
            };
            Outcome::Recorded {
                version: version.version,
                since,
                effective_moved_from: dated.effective_moved_from,
            }
        }
        Some(_) => {
            let p = previous.expect("an unchanged publish has a previous version");
            Outcome::Unchanged {
                version: p.version,
                date: p.date,
            }
        }
    };

    let saved_answers = answers != *saved;
    if saved_answers {
        store::write_atomic(answers_file, answers.to_json().as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: {e}", answers_file.display()))?;
    }
    Ok(Report {
        answers,
        policy,
        markdown,
        written,
        outcome,
        saved_answers,
    })
}
