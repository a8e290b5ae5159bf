//! Where answers live and how they reach the disk: the data directory, resolving
//! `NAME|FILE|-`, atomic writes, locks, and saving without losing another writer's
//! answers. Nothing here interprets answers beyond parsing and comparing them.

mod atomic;
mod file;
mod fingerprint;
mod layout;
mod locate;
mod lock;
pub mod remembered;
pub mod session;

#[cfg(test)]
pub use atomic::crash_after_writes;
pub use atomic::{
    create_atomic, sweep_temporaries, write_all_atomic, write_atomic, write_atomic_with,
};
pub use file::{
    Base, OnDisk, Reloaded, Synced, load_tracked, merge3, read_on_disk, save_interview,
    upgrade_note, write_answers,
};
pub use fingerprint::Fingerprint;
pub use locate::{DATA_DIR_ENV, Source, data_dir, policies_dir, saved_names};
pub use lock::{Lock, lock_answers, lock_folder};

use std::io::Read;
use std::path::PathBuf;

use crate::answers::{Answers, AnswersError};

/// Why answers could not be loaded, with where they came from.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", located(origin, error))]
    Answers { origin: String, error: AnswersError },
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("no saved policy named `{name}` in {dir}{hint}")]
    UnknownName {
        name: String,
        dir: PathBuf,
        hint: String,
    },
    #[error("{0}")]
    BadName(String),
    #[error("cannot find the data directory: set {DATA_DIR_ENV} or HOME")]
    NoDataDir,
    #[error("standard input: {0}")]
    Stdin(String),
}

/// Reads and parses answers from a file, a saved policy or standard input.
pub fn load(source: &Source) -> Result<Answers, LoadError> {
    let (origin, text) = read(source)?;
    Answers::from_json(&text).map_err(|error| LoadError::Answers { origin, error })
}

/// `file:line:column: what`, the shape editors and terminals can jump to.
fn located(origin: &str, error: &AnswersError) -> String {
    match error {
        AnswersError::Syntax {
            line,
            column,
            message,
        } => format!("{origin}:{line}:{column}: {message}"),
        AnswersError::Field {
            path,
            line,
            column,
            message,
        } => format!("{origin}:{line}:{column}: {path}: {message}"),
        other => format!("{origin}: {other}"),
    }
}

/// Where in the text the first byte that is not UTF-8 is, as line and column (in
/// characters, like every other error), with the byte's value.
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> AnswersError {
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let line = valid.matches('\n').count() + 1;
    let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    AnswersError::Syntax {
        line,
        column,
        message: format!(
            "not UTF-8 text (byte 0x{:02X}); save the file as UTF-8",
            bytes[valid_up_to]
        ),
    }
}

fn read(source: &Source) -> Result<(String, String), LoadError> {
    match source {
        Source::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| LoadError::Stdin(e.to_string()))?;
            Ok(("<stdin>".to_owned(), text))
        }
        Source::File(path) | Source::Saved { path, .. } => {
            if let Source::Saved { name, path } = source
                && !path.exists()
            {
                return Err(locate::unknown_name(name, path));
            }
            let io = |message: String| LoadError::Io {
                path: path.clone(),
                message,
            };
            if path.is_dir() {
                return Err(io("is a directory, not an answers file".to_owned()));
            }
            let bytes = std::fs::read(path).map_err(|e| io(describe_io(&e)))?;
            let origin = path.display().to_string();
            let text = String::from_utf8(bytes).map_err(|e| LoadError::Answers {
                origin: origin.clone(),
                error: not_utf8(e.as_bytes(), e.utf8_error().valid_up_to()),
            })?;
            Ok((origin, text))
        }
    }
}

/// io::Error messages without the "(os error 2)" noise.
pub fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}
