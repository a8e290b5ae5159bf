//! Where answers live and how they reach the disk: the data directory, resolving
//! `NAME|FILE|-`, and atomic writes. Nothing here interprets answers beyond parsing.

mod atomic;
mod locate;
pub mod remembered;
pub mod session;

pub use atomic::write_atomic;
pub use locate::{DATA_DIR_ENV, Source, data_dir, policies_dir};

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
            let text = String::from_utf8(bytes).map_err(|e| {
                io(format!(
                    "is not UTF-8 text (byte {})",
                    e.utf8_error().valid_up_to()
                ))
            })?;
            Ok((path.display().to_string(), text))
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
