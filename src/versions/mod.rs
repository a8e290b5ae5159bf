//! Published versions of a policy: where they live, recording one, listing them,
//! loading `NAME@N`, and the "honest dates" rule that decides whether a publish
//! changed anything.
//!
//! Each version is one file, `<data dir>/versions/NAME/NNNN.json`:
//!
//! ```json
//! { "version": 2, "date": "2026-05-01", "answers": { ... },
//!   "outputs": [{ "path": "/srv/site/privacy.md", "format": "markdown" }],
//!   "rendered_sha256": "9f86d0..." }
//! ```
//!
//! `answers` are the answers exactly as published (dates included); `rendered_sha256`
//! is the SHA-256 of the policy rendered from them as Markdown with the built-in
//! templates, whatever formats were written. A version file is created once and never
//! rewritten. This module reads the clock only in [`today`], for `publish`; it knows
//! nothing of terminals.

mod clock;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::answers::Answers;
use crate::answers::values::Date;
use crate::render::Format;
use crate::store;

pub use clock::today;

/// Why a version could not be read or recorded.
#[derive(Debug, thiserror::Error)]
pub enum VersionError {
    #[error(transparent)]
    Store(#[from] store::LoadError),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{path}: not a version file: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error("`{name}` has no version {version} ({})", existing(.versions))]
    Missing {
        name: String,
        version: u32,
        versions: Vec<u32>,
    },
    #[error(
        "`{name}` has no published version yet; publish it first (policywright publish {name})"
    )]
    NonePublished { name: String },
    #[error(
        "version {version} of `{name}` was recorded by another publish meanwhile; publish again"
    )]
    Taken { name: String, version: u32 },
    #[error("standard input has no published versions: give a saved policy's NAME or a FILE")]
    NoHistory,
    #[error(
        "`{name}` was last published on {last} (version {version}); a publication date \
         cannot come before it ({date})"
    )]
    DateBeforeLast {
        name: String,
        version: u32,
        last: Date,
        date: Date,
    },
}

fn existing(versions: &[u32]) -> String {
    match versions {
        [] => "none has been published yet".to_owned(),
        [one] => format!("the only version is {one}"),
        _ => {
            let list: Vec<String> = versions.iter().map(u32::to_string).collect();
            format!("versions: {}", list.join(", "))
        }
    }
}

/// A file written by a publish, and its format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub path: PathBuf,
    #[serde(with = "format_key")]
    pub format: Format,
}

/// One published version, as its file holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// 1, 2, 3, ... in order of publication.
    pub version: u32,
    /// The day it was published.
    pub date: Date,
    /// The answers as published.
    pub answers: Answers,
    /// The files written.
    pub outputs: Vec<Output>,
    /// SHA-256 (lowercase hex) of the policy rendered from `answers` as Markdown.
    pub rendered_sha256: String,
}

/// The file's shape. `answers` is kept as raw JSON so it is parsed (and its
/// schema_version checked) by the same code as any answers file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    version: u32,
    date: Date,
    answers: serde_json::Value,
    outputs: Vec<Output>,
    rendered_sha256: String,
}

/// A version file's text: `file` pretty-printed, its `answers` (left null in `file`)
/// written as [`Answers::to_json`] writes them, one level in. That is the text
/// parsing them into a JSON value and printing the whole file would give (a test
/// holds it), without the value: megabytes for a policy of thousands of entries,
/// at the peak of a publish.
fn version_file_text(file: &VersionFile, answers_json: &str) -> String {
    const SLOT: &str = "\n  \"answers\": ";
    let shell = serde_json::to_string_pretty(file).expect("a version serialises");
    // Keys are unique and strings escape their quotes, so this is the answers' member.
    let at = shell
        .find(&format!("{SLOT}null"))
        .expect("a version file has its answers")
        + SLOT.len();
    let mut text = String::with_capacity(shell.len() + answers_json.len() * 9 / 8);
    text.push_str(&shell[..at]);
    for (i, line) in answers_json.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            text.push_str("\n  ");
        }
        text.push_str(line);
    }
    text.push_str(&shell[at + "null".len()..]);
    text.push('\n');
    text
}

/// The SHA-256 of a rendered policy, in lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The versions of one policy: a saved policy's in the data directory, an answers
/// file's beside it.
#[derive(Debug, Clone)]
pub struct History {
    name: String,
    dir: PathBuf,
    /// For versions kept beside an answers file (in a repository): that file. The
    /// outputs they record are relative to its folder, as the answers remember them,
    /// so a clone elsewhere reads the same history.
    beside: Option<PathBuf>,
}

impl History {
    /// The versions of the saved policy `name`, in `<data dir>/versions/NAME/`.
    pub fn of(name: &str) -> Result<History, VersionError> {
        Ok(History::in_dir(
            name,
            store::data_dir()?.join("versions").join(name),
        ))
    }

    /// The versions kept in `dir` (tests use it).
    pub fn in_dir(name: &str, dir: PathBuf) -> History {
        History {
            name: name.to_owned(),
            dir,
            beside: None,
        }
    }

    /// The versions of the answers file at `file`, kept beside it in
    /// `<stem>.versions/` (`policy/answers.json` → `policy/answers.versions/0001.json`),
    /// so they travel with the file in a repository and a fresh clone has the whole
    /// history. The outputs they record are relative to the file's folder.
    pub fn beside(file: &Path) -> History {
        let folder = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let stem = file.file_stem().map_or_else(
            || "answers".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        History {
            name: file.display().to_string(),
            dir: folder.join(format!("{stem}.versions")),
            beside: Some(file.to_owned()),
        }
    }

    /// The versions of a policy named on the command line: a saved policy's in the
    /// data directory, an answers file's beside it; standard input has none.
    pub fn for_source(source: &store::Source) -> Result<History, VersionError> {
        match source {
            store::Source::Saved { name, .. } => History::of(name),
            store::Source::File(path) => Ok(History::beside(path)),
            store::Source::Stdin => Err(VersionError::NoHistory),
        }
    }

    /// How an output written at `path` is recorded: for versions kept beside an
    /// answers file, relative to its folder when both are in one repository (as the
    /// answers remember outputs: `store::remembered`), else in full.
    pub fn output_path(&self, path: &Path) -> PathBuf {
        match &self.beside {
            Some(file) => PathBuf::from(store::remembered::remember(file, path, true)),
            None => std::path::absolute(path).unwrap_or_else(|_| path.to_owned()),
        }
    }

    /// What the versions are of, as messages name it: NAME, or the file's path.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The directory the version files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The numbers of the recorded versions, ascending. A missing directory means none.
    pub fn numbers(&self) -> Result<Vec<u32>, VersionError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.io(&self.dir, &e)),
        };
        let mut numbers: Vec<u32> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".json")?;
                (stem.len() >= 4 && stem.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| stem.parse().ok())
                    .flatten()
            })
            .filter(|&n| n > 0)
            .collect();
        numbers.sort_unstable();
        Ok(numbers)
    }

    /// Every version, oldest first.
    pub fn list(&self) -> Result<Vec<Version>, VersionError> {
        self.numbers()?.into_iter().map(|n| self.load(n)).collect()
    }

    /// The most recent version, if any was published.
    pub fn latest(&self) -> Result<Option<Version>, VersionError> {
        match self.numbers()?.last() {
            Some(&n) => self.load(n).map(Some),
            None => Ok(None),
        }
    }

    /// The most recent version; an error that says how to publish when there is none.
    pub fn require_latest(&self) -> Result<Version, VersionError> {
        self.latest()?.ok_or_else(|| VersionError::NonePublished {
            name: self.name.clone(),
        })
    }

    /// Version `n`; a missing one is an error naming the versions that exist.
    pub fn load(&self, n: u32) -> Result<Version, VersionError> {
        let path = self.path(n);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(VersionError::Missing {
                    name: self.name.clone(),
                    version: n,
                    versions: self.numbers()?,
                });
            }
            Err(e) => return Err(self.io(&path, &e)),
        };
        let corrupt = |message: String| VersionError::Corrupt {
            path: path.clone(),
            message,
        };
        let file: VersionFile = serde_json::from_str(&text).map_err(|e| corrupt(e.to_string()))?;
        if file.version != n {
            return Err(corrupt(format!("it says it is version {}", file.version)));
        }
        let answers = Answers::from_json(&file.answers.to_string())
            .map_err(|e| corrupt(format!("answers: {e}")))?;
        Ok(Version {
            version: file.version,
            date: file.date,
            answers,
            outputs: file.outputs,
            rendered_sha256: file.rendered_sha256,
        })
    }

    /// Records the next version and returns it. The file is written completely under a
    /// temporary name and then linked into place without replacing anything, so a
    /// crash leaves no half version and two publishes cannot take the same number.
    pub fn record(
        &self,
        date: Date,
        answers: &Answers,
        outputs: Vec<Output>,
        rendered_sha256: String,
    ) -> Result<Version, VersionError> {
        let version = self.numbers()?.last().map_or(1, |n| n + 1);
        let file = VersionFile {
            version,
            date,
            answers: serde_json::Value::Null,
            outputs,
            rendered_sha256,
        };
        let text = version_file_text(&file, &answers.to_json());

        std::fs::create_dir_all(&self.dir).map_err(|e| self.io(&self.dir, &e))?;
        let path = self.path(version);
        let created =
            store::create_atomic(&path, text.as_bytes()).map_err(|e| self.io(&path, &e))?;
        if !created {
            return Err(VersionError::Taken {
                name: self.name.clone(),
                version,
            });
        }
        Ok(Version {
            version,
            date,
            answers: answers.clone(),
            outputs: file.outputs,
            rendered_sha256: file.rendered_sha256,
        })
    }

    fn path(&self, n: u32) -> PathBuf {
        self.dir.join(format!("{n:04}.json"))
    }

    fn io(&self, path: &Path, e: &std::io::Error) -> VersionError {
        VersionError::Io {
            path: path.to_owned(),
            message: store::describe_io(e),
        }
    }
}

/// `NAME@N` or `FILE@N`: a saved policy's name or an answers file's path, and a
/// version number; `None` when `arg` is not of that shape (a plain name or path, `-`).
pub fn parse_reference(arg: &str) -> Option<(&str, u32)> {
    let (name, n) = arg.rsplit_once('@')?;
    let is_file = name.contains('/') || name.ends_with(".json");
    let valid_name = !name.is_empty()
        && !name.starts_with('-')
        && (is_file
            || name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    (valid_name && digits)
        .then(|| n.parse().ok())
        .flatten()
        .map(|n| (name, n))
}

/// The outcome of the honest-dates rule for one publish.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedAnswers {
    /// The answers to publish, with `policy.last_updated` (and perhaps
    /// `policy.effective_date`) decided.
    pub answers: Answers,
    /// Whether the rendered text differs from the last published version's (always
    /// true for a first publish).
    pub changed: bool,
    /// Set when a changed policy's effective date was earlier than the publish date
    /// and was moved to it: the old effective date.
    pub effective_moved_from: Option<Date>,
}

/// The honest-dates rule. `render` turns answers into the Markdown policy.
///
/// - First publish: the answers' own `last_updated` is kept (the operator may be
///   importing a policy published long ago); it is set to `today` only when missing.
/// - Later publishes: the working answers are rendered with the previous version's
///   `last_updated`, so a date alone is not a change. If the hash matches the previous
///   version's, nothing changed and `last_updated` stays the previous one (even if the
///   working file says otherwise). If it differs, `last_updated` becomes `today`, and
///   an `effective_date` earlier than `today` is moved to `today`: a changed text
///   cannot have taken effect before it was published. An effective date ahead of
///   `today` (notice given in advance) is kept.
pub fn decide_dates<E>(
    working: &Answers,
    previous: Option<&Version>,
    today: Date,
    render: impl Fn(&Answers) -> Result<String, E>,
) -> Result<DatedAnswers, E> {
    let mut answers = working.clone();
    let Some(previous) = previous else {
        answers.policy.last_updated.get_or_insert(today);
        return Ok(DatedAnswers {
            answers,
            changed: true,
            effective_moved_from: None,
        });
    };
    answers.policy.last_updated = previous.answers.policy.last_updated;
    let changed = sha256_hex(&render(&answers)?) != previous.rendered_sha256;
    let mut effective_moved_from = None;
    if changed {
        answers.policy.last_updated = Some(today);
        if let Some(effective) = answers.policy.effective_date
            && effective < today
        {
            answers.policy.effective_date = Some(today);
            effective_moved_from = Some(effective);
        }
    }
    Ok(DatedAnswers {
        answers,
        changed,
        effective_moved_from,
    })
}

/// `Format` as its command-line name (`markdown`, `html`, `text`) in version files.
mod format_key {
    use clap::ValueEnum;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::render::Format;

    pub fn serialize<S: Serializer>(format: &Format, s: S) -> Result<S::Ok, S::Error> {
        let value = format.to_possible_value().expect("every format has a name");
        s.serialize_str(value.get_name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Format, D::Error> {
        let text = String::deserialize(d)?;
        Format::from_str(&text, false).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
