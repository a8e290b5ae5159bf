//! Publishing, defined once for `policywright publish` and the wizard's publish screen:
//! date the policy by the honest-dates rule, render every output before writing any,
//! save the dated answers, write each output atomically, and record a version when
//! the text changed. The caller only says what to publish and shows the [`Report`].
//!
//! The order is what makes a publish all or nothing as the operator sees it. The
//! answers are saved first: killed before that, nothing has changed; killed after,
//! the saved answers already say what is being published, so the next publish
//! writes the same outputs and records the version (the text differs from the last
//! version's). The version is recorded last, so a recorded version's answers are
//! always the saved ones: the next publish can never revert them. The whole publish
//! holds the answers file's lock and the versions folder's.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::answers::Answers;
use crate::answers::values::Date;
use crate::catalog::Catalog;
use crate::diff;
use crate::policy::Policy;
use crate::render::{Format, Renderer};
use crate::store;
use crate::versions::{self, History, Output, VersionError};

/// What to publish, and where.
pub struct Request<'a> {
    /// The answers file as the caller read it. If another program wrote the file
    /// since, the caller's changes are re-applied to what it holds now (or the
    /// publish is refused when both changed the same answer).
    pub base: &'a store::Base,
    /// The answers to publish (the read ones with any `--set` and the outputs to
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
    /// Set when that rewrite upgraded an older answers file to the current format:
    /// the one line to tell the operator (see [`store::upgrade_note`]).
    pub upgraded: Option<String>,
    /// What the answers file now holds, for an interview's next save.
    pub base: store::Base,
    /// What `check` finds in the published policy, judged on the publish date. A
    /// publish is the operator's decision and is not refused for findings, but it
    /// says how many remain: a founder published with seven errors and was told
    /// nothing.
    pub findings: crate::check::Summary,
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
        base,
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
    let _lock = store::lock_answers(answers_file).map_err(anyhow::Error::msg)?;
    // The versions folder's own lock, for anything else that writes there; a folder
    // that does not exist yet holds nothing to protect (and an error must not leave
    // one behind), while the answers lock already keeps two publishes apart.
    let _versions_lock = match history {
        Some(h) if h.dir().is_dir() => {
            Some(store::lock_folder(h.dir()).map_err(anyhow::Error::msg)?)
        }
        _ => None,
    };
    let current = store::read_on_disk(answers_file)?;
    let working = if base.describes(&current) {
        working
    } else {
        store::merge3(base.answers(), &current.answers, &working).map_err(|conflicts| {
            anyhow::anyhow!(
                "{origin} was changed by another program meanwhile ({}); nothing was \
                 published: publish again",
                conflicts.join(", ")
            )
        })?
    };
    // A suggestion nobody confirmed never reaches a published policy.
    let unconfirmed = working.unconfirmed();
    if !unconfirmed.is_empty() {
        return Err(Unconfirmed(unconfirmed).into());
    }
    let previous = match history {
        Some(h) => h.latest()?,
        None => None,
    };
    // The honest-dates rule: versions follow each other in time.
    if let (Some(h), Some(p)) = (history, &previous)
        && today < p.date
    {
        return Err(VersionError::DateBeforeLast {
            name: h.name().to_owned(),
            version: p.version,
            last: p.date,
            date: today,
        }
        .into());
    }
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
    // The answers first, the version last: see the module's documentation.
    let saved_answers = answers != current.answers;
    let upgraded = store::upgrade_note(answers_file, &current, &answers);
    let now = store::write_answers(answers_file, &current, &answers).map_err(anyhow::Error::msg)?;
    // From here on the answers say what is being published: a failure is finished
    // by publishing again.
    let unfinished = "the answers are saved; publish again to finish";
    let files: Vec<(&Path, &[u8])> = rendered
        .iter()
        .map(|(path, _, text)| (path.as_path(), text.as_bytes()))
        .collect();
    store::write_all_atomic(&files).map_err(|e| anyhow::anyhow!("{e} ({unfinished})"))?;
    let written: Vec<(PathBuf, Format)> = rendered
        .into_iter()
        .map(|(path, format, _)| (path.clone(), format))
        .collect();

    let outcome = match history {
        None => Outcome::NoHistory,
        Some(history) if dated.changed => {
            // Compared before anything is recorded, and never a reason to fail: a
            // previous version whose catalog entry has since gone cannot be resolved
            // today, and the new version must still be recorded.
            let since = previous.as_ref().map(|p| match policy_of(&p.answers) {
                Ok(before) => {
                    let changes = diff::since(&before, &policy);
                    Since {
                        version: p.version,
                        summary: changes.version_summary(),
                        material: changes.is_material(),
                    }
                }
                Err(e) => Since {
                    version: p.version,
                    summary: format!("not compared with version {} ({e:#})", p.version),
                    material: false,
                },
            });
            let recorded = written
                .iter()
                .map(|(path, format)| Output {
                    path: history.output_path(path),
                    format: *format,
                })
                .collect();
            let version = history
                .record(today, &answers, recorded, versions::sha256_hex(&markdown))
                .with_context(|| format!("recording the version ({unfinished})"))?;
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
    let findings = crate::check::Summary::of(&crate::check::check_on(&policy, today));
    Ok(Report {
        answers,
        policy,
        markdown,
        written,
        outcome,
        saved_answers,
        upgraded,
        base: now.base(),
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::set::{Assignment, apply};

    const NEW: &str = "NEW WORDING";

    struct Setup {
        _dir: tempfile::TempDir,
        answers_file: PathBuf,
        out: PathBuf,
        history: History,
        catalog: Catalog,
        renderer: Renderer,
    }

    fn setup() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let answers_file = dir.path().join("acme.json");
        std::fs::write(&answers_file, include_str!("../examples/complete.json")).unwrap();
        let setup = Setup {
            answers_file,
            out: dir.path().join("p.md"),
            history: History::in_dir("acme", dir.path().join("versions/acme")),
            catalog: Catalog::builtin(),
            renderer: Renderer::new(None).unwrap(),
            _dir: dir,
        };
        run(&setup, "2027-01-01", &[]).unwrap();
        setup
    }

    /// `publish acme --out p.md --date DATE [--set ...]`, as the command does it.
    fn run(s: &Setup, date: &str, set: &[&str]) -> anyhow::Result<Report> {
        let loaded = store::read_on_disk(&s.answers_file).unwrap();
        let assignments: Vec<Assignment> = set.iter().map(|a| a.parse().unwrap()).collect();
        let working = apply(&loaded.answers, &assignments).unwrap();
        publish(Request {
            base: &loaded.base(),
            working,
            answers_file: &s.answers_file,
            history: Some(&s.history),
            outputs: &[(s.out.clone(), Format::Markdown)],
            today: date.parse().unwrap(),
            catalog: &s.catalog,
            renderer: &s.renderer,
        })
    }

    /// A publish whose answers file another program changed since it was read: a
    /// change to another answer is kept beside the publish's own, and the same answer
    /// changed differently stops the publish, naming it. The base it compares with
    /// is the file's bytes and a fingerprint of its answers.
    #[test]
    fn a_publish_merges_another_programs_change_or_names_the_conflict() {
        let s = setup();
        let read = store::read_on_disk(&s.answers_file).unwrap();
        let base = read.base();
        let theirs = apply(
            &read.answers,
            &["organization.legal_form=by script".parse().unwrap()],
        )
        .unwrap();
        std::fs::write(&s.answers_file, theirs.to_json()).unwrap();
        let publish_with = |working: Answers| {
            publish(Request {
                base: &base,
                working,
                answers_file: &s.answers_file,
                history: Some(&s.history),
                outputs: &[(s.out.clone(), Format::Markdown)],
                today: "2027-02-01".parse().unwrap(),
                catalog: &s.catalog,
                renderer: &s.renderer,
            })
        };
        let description = format!("organization.description={NEW}");
        let ours = apply(&read.answers, &[description.parse().unwrap()]).unwrap();
        let refused = publish_with(
            apply(
                &read.answers,
                &["organization.legal_form=ours".parse().unwrap()],
            )
            .unwrap(),
        );
        let message = refused
            .err()
            .expect("the same answer changed twice")
            .to_string();
        assert!(message.contains("organization.legal_form"), "{message}");
        assert!(message.contains("nothing was published"), "{message}");

        publish_with(ours).unwrap();
        let saved = store::read_on_disk(&s.answers_file).unwrap().answers;
        assert!(says_new(&saved), "ours is kept");
        assert_eq!(
            saved.organization.legal_form.as_deref(),
            Some("by script"),
            "and theirs"
        );
        assert!(std::fs::read_to_string(&s.out).unwrap().contains(NEW));
    }

    fn says_new(answers: &Answers) -> bool {
        answers.organization.description == NEW
    }

    /// F4: a publish killed after any of its writes leaves the old state or one that
    /// the next publish completes; it never leaves a recorded version that the next
    /// publish silently reverts.
    #[test]
    fn a_publish_killed_anywhere_is_completed_or_never_happened() {
        for writes in 0..4 {
            let s = setup();
            store::crash_after_writes(Some(writes));
            let crashed = run(
                &s,
                "2027-02-01",
                &[&format!("organization.description={NEW}")],
            );
            store::crash_after_writes(None);
            if crashed.is_ok() {
                break; // every write point has been tried
            }
            run(&s, "2027-03-01", &[]).unwrap();

            let saved = store::read_on_disk(&s.answers_file).unwrap().answers;
            let versions = s.history.list().unwrap();
            let latest = versions.last().unwrap();
            let published = std::fs::read_to_string(&s.out).unwrap().contains(NEW);
            if versions.iter().any(|v| says_new(&v.answers)) || says_new(&saved) {
                assert!(
                    says_new(&saved) && says_new(&latest.answers) && published,
                    "killed after {writes} writes: the change was reverted \
                     (answers {}, latest version {} {}, output {published})",
                    says_new(&saved),
                    latest.version,
                    says_new(&latest.answers),
                );
            } else {
                assert_eq!(
                    versions.len(),
                    1,
                    "killed after {writes} writes: nothing to record"
                );
                assert!(!published);
            }
        }
    }
}

/// Why a policy was not published: it holds suggestions the operator has not
/// confirmed (`workspace.unconfirmed`), listed by dotted path.
#[derive(Debug, thiserror::Error)]
#[error(
    "nothing was published: {} suggested {} not confirmed yet: {}. Confirm them in the \
     wizard, with `policywright ask`, or with `policywright set` (setting an answer confirms it)",
    .0.len(),
    if .0.len() == 1 { "answer is" } else { "answers are" },
    .0.join(", ")
)]
pub struct Unconfirmed(pub Vec<String>);
