//! Where an interview stopped, so the next one can continue there. Kept beside the
//! data, not in the answers file: it is the interview's state, not an answer.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{data_dir, write_atomic};

#[derive(Debug, Serialize, Deserialize)]
struct Position {
    /// The answers file this position belongs to.
    answers: PathBuf,
    /// The key of the last question answered.
    question: String,
    /// A list entry begun but stopped before it could be saved: its list's key
    /// and what was typed of it (see `ask::Interview::draft`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    draft: Option<(String, serde_json::Value)>,
}

/// Stable across runs and Rust versions (FNV-1a), unlike `std`'s hasher.
fn fingerprint(path: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path.to_string_lossy().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn position_file(answers: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(answers).ok()?;
    Some(
        data_dir()
            .ok()?
            .join("sessions")
            .join(format!("{}.json", fingerprint(&absolute))),
    )
}

/// The last question answered in an earlier interview of this answers file.
pub fn last_question(answers: &Path) -> Option<String> {
    read(answers).map(|p| p.question)
}

fn read(answers: &Path) -> Option<Position> {
    let text = std::fs::read_to_string(position_file(answers)?).ok()?;
    serde_json::from_str(&text).ok()
}

/// The list entry an earlier interview of this answers file began but could not
/// save: its list's key and what was typed of it.
pub fn draft(answers: &Path) -> Option<(String, serde_json::Value)> {
    read(answers)?.draft
}

/// Keeps (or, with `None`, drops) an entry begun but not saved beside the
/// position, for the next interview. Errors are ignored, as in [`remember`].
pub fn keep_draft(answers: &Path, draft: Option<(String, serde_json::Value)>) {
    let Some(mut position) = read(answers) else {
        return;
    };
    position.draft = draft;
    write(answers, &position);
}

/// Remembers the last question answered. Failing to remember is not worth stopping
/// an interview for, so errors are ignored.
pub fn remember(answers: &Path, question: &str) {
    let (Some(file), Ok(absolute)) = (position_file(answers), std::path::absolute(answers)) else {
        return;
    };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let position = Position {
        answers: absolute,
        question: question.to_owned(),
        // Kept until the next interview takes it (see `keep_draft`).
        draft: read(answers).and_then(|p| p.draft),
    };
    write(answers, &position);
}

fn write(answers: &Path, position: &Position) {
    let Some(file) = position_file(answers) else {
        return;
    };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(position) {
        let _ = write_atomic(&file, text.as_bytes());
    }
}

/// Forgets the position once an interview reaches its end.
pub fn forget(answers: &Path) {
    if let Some(file) = position_file(answers) {
        let _ = std::fs::remove_file(file);
    }
}
