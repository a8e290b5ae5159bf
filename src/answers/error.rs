//! What can be wrong with answers, said so a person can fix it.

use std::fmt;

/// One thing wrong with one answer: where (a dotted path) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The answer's path, e.g. `organization.contact_email` or `processors[2].purpose`.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why answers could not be read or used. The caller adds the file name.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("the answers file is empty; it needs at least {{\"schema_version\": 2}}")]
    Empty,
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "schema_version {found} is newer than this policywright reads ({supported}); \
         upgrade policywright to open this file"
    )]
    NewerVersion { found: u64, supported: u64 },
    #[error("{0}")]
    BadVersion(String),
    #[error("line {line}, column {column}: {path}: {message}")]
    Field {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
    #[error("{}", list(.0))]
    Overrides(Vec<Problem>),
}

/// "N problems:" and one indented line each: how every layer lists problems.
pub fn list(problems: &[Problem]) -> String {
    let mut out = match problems.len() {
        1 => "1 problem:".to_owned(),
        n => format!("{n} problems:"),
    };
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    out
}
