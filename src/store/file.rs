//! Saving an answers file without losing anyone's answers: what the file held when it
//! was read (to notice another writer), writing only what changed in the file's own
//! layout, and, for an interview, re-applying its answer on top of another writer's.
//!
//! Every function here that writes takes the file's lock (see [`super::lock`]) for
//! the whole read-decide-write, except [`write_answers`], whose caller holds it.

use serde_json::{Map, Value};
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::fingerprint::Fingerprint;
use super::{LoadError, Source, lock_answers, write_atomic, write_atomic_with};
use crate::answers::{Answers, file_text, migrate};

/// The answers file as it is on disk.
#[derive(Debug, Clone)]
pub struct OnDisk {
    /// The file's text; `None` when there is no file.
    pub text: Option<String>,
    /// Its answers (the empty draft when there is no file).
    pub answers: Answers,
    /// The text is known to be exactly `answers.to_json()` (this program wrote it
    /// so): a save then writes the new answers the same way, without fitting them
    /// into the file's own layout (see [`write_answers`]). Not worked out for a file
    /// read: that would cost every command a serialisation.
    pub canonical: bool,
}

/// What an interview last read from or wrote to the file: enough to tell whether
/// another program wrote it since, and what the interview's own changes are.
#[derive(Debug, Clone)]
pub struct Base {
    /// SHA-256 of the bytes; `None` when there was no file.
    hash: Option<[u8; 32]>,
    /// A fingerprint of each answer, not the answers: a second copy of thousands of
    /// entries was megabytes for the whole session, and a merge needs to know only
    /// which answers are as they were.
    answers: Fingerprint,
    /// See [`OnDisk::canonical`].
    canonical: bool,
}

/// No file yet: the empty draft.
impl Default for Base {
    fn default() -> Base {
        OnDisk::missing().base()
    }
}

/// What saving an interview's answers did.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    /// What the file now holds, to compare with at the next save.
    pub base: Base,
    /// Set when the file had been changed by another program: the answers the
    /// interview must now show, and what to tell the operator.
    pub reloaded: Option<Reloaded>,
}

/// Answers an interview adopts after another program changed the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Reloaded {
    pub answers: Answers,
    pub note: String,
}

impl OnDisk {
    /// No file yet.
    pub fn missing() -> OnDisk {
        OnDisk {
            text: None,
            answers: Answers::default(),
            canonical: false,
        }
    }

    /// What a save compares with to notice another program's change.
    pub fn base(&self) -> Base {
        Base {
            hash: self.text.as_deref().map(hash),
            answers: Fingerprint::of(&self.answers),
            canonical: self.canonical,
        }
    }

    /// What an interview compares with at its next save, knowing whether the text
    /// is canonical: worked out here, once per interview, when it is not known, so
    /// a file this program wrote takes the plain save from the first one on, where
    /// fitting the answers into its layout read its answers again (on a file of
    /// megabytes, the first save set the interview's peak memory).
    pub fn interview_base(&self) -> Base {
        let canonical = self.canonical
            || self
                .text
                .as_deref()
                .is_some_and(|text| file_text::is_text_of(&self.answers, text));
        Base {
            canonical,
            ..self.base()
        }
    }
}

/// Two bases are the same file: whether one knows the text to be canonical is a
/// memo, not part of what it says.
impl PartialEq for Base {
    fn eq(&self, other: &Base) -> bool {
        self.hash == other.hash && self.answers == other.answers
    }
}

impl Base {
    /// Whether the file on disk is still what this base says: its bytes (the same
    /// bytes are the same answers, so their fingerprint need not be made).
    pub fn describes(&self, disk: &OnDisk) -> bool {
        disk.text.as_deref().map(hash) == self.hash
    }

    /// The fingerprint of the answers as they were read.
    pub fn answers(&self) -> &Fingerprint {
        &self.answers
    }
}

fn hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Reads a saved policy or answers file, keeping its text for a later save.
/// Errors are [`super::load`]'s.
pub fn load_tracked(source: &Source) -> Result<OnDisk, LoadError> {
    let (origin, text) = super::read(source)?;
    let answers =
        Answers::from_json(&text).map_err(|error| LoadError::Answers { origin, error })?;
    Ok(OnDisk {
        text: Some(text),
        answers,
        canonical: false,
    })
}

/// The file at `path` now; a missing file is the empty draft.
pub fn read_on_disk(path: &Path) -> Result<OnDisk, LoadError> {
    if !path.exists() {
        return Ok(OnDisk::missing());
    }
    load_tracked(&Source::File(path.to_owned()))
}

/// The file at `path` now, parsed only if its bytes differ from `base`'s (an
/// interview's save reads the file every time; usually nobody else wrote it).
fn read_since(path: &Path, base: &Base) -> Result<Since, LoadError> {
    if !path.exists() {
        return Ok(match base.hash {
            None => Since::NoFile,
            Some(_) => Since::Changed(Box::new(OnDisk::missing())),
        });
    }
    let source = Source::File(path.to_owned());
    // The text of a file this program wrote is not needed to save over it, only
    // whether it is still the base's: its bytes are hashed as they are read.
    if base.canonical && base.hash.is_some() && hash_of_file(path).ok() == base.hash {
        return Ok(Since::AsBase(None));
    }
    let (origin, text) = super::read(&source)?;
    if Some(hash(&text)) == base.hash {
        return Ok(Since::AsBase(Some(text)));
    }
    let answers =
        Answers::from_json(&text).map_err(|error| LoadError::Answers { origin, error })?;
    Ok(Since::Changed(Box::new(OnDisk {
        text: Some(text),
        answers,
        canonical: false,
    })))
}

/// SHA-256 of the file's bytes, read a piece at a time.
fn hash_of_file(path: &Path) -> std::io::Result<[u8; 32]> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut piece = vec![0; 64 * 1024];
    loop {
        match file.read(&mut piece) {
            Ok(0) => return Ok(hasher.finalize().into()),
            Ok(n) => hasher.update(&piece[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The answers file now, against what an interview last read or wrote.
enum Since {
    /// Still no file, as the base says.
    NoFile,
    /// As it was, so its answers are the base's; with its text when the base does
    /// not know it to be canonical (a file with a layout of its own keeps it).
    AsBase(Option<String>),
    /// Another program wrote it, or removed it, meanwhile.
    Changed(Box<OnDisk>),
}

/// Saves `new` over the file whose current state is `current`, writing only if the
/// answers differ, and then in the file's own layout: members the file spells out
/// that the change does not touch (an explicit `false`, a key order of its own)
/// stay as they are; new members take their place in the model's order. A file this
/// program wrote as `to_json` has no layout of its own: the new answers are written
/// the same way, which fitting them into it would give too, at a fraction of the
/// cost (a test holds it on every example). Returns the file as it now is. The
/// caller holds the file's lock.
pub fn write_answers(path: &Path, current: &OnDisk, new: &Answers) -> Result<OnDisk, String> {
    if current.text.is_some() && current.answers == *new {
        return Ok(current.clone());
    }
    let layout = match &current.text {
        Some(text) if !current.canonical => {
            Some((Cow::from(text), Cow::Borrowed(&current.answers)))
        }
        _ => None,
    };
    let (text, canonical) = write_new(path, layout, new)?;
    Ok(OnDisk {
        text: Some(text),
        answers: new.clone(),
        canonical,
    })
}

/// Writes `new` to the file, in the layout of its old text (given with the answers
/// it holds) when it has one of its own, else as `to_json`: the text written and
/// whether it is canonical. Old text and answers are taken, not borrowed, where the
/// caller has no more use for them, so they go as soon as the layout is made.
fn write_new(
    path: &Path,
    layout: Option<(Cow<'_, str>, Cow<'_, Answers>)>,
    new: &Answers,
) -> Result<(String, bool), String> {
    let (text, canonical) = layout
        .and_then(|(old, old_answers)| in_layout_of(old, old_answers, new))
        .unwrap_or_else(|| (new.to_json(), true));
    write_text(path, &text)?;
    Ok((text, canonical))
}

/// Writes `text` to the file (and its folder, if missing).
fn write_text(path: &Path, text: &str) -> Result<(), String> {
    write_file(path, &mut |file| file.write_all(text.as_bytes()))
}

/// Writes `answers` to the file as `to_json` writes them, streamed rather than made
/// whole first (a text of megabytes, and the room a growing string keeps, were
/// most of a large file's save): the SHA-256 of what was written.
fn write_canonical(path: &Path, answers: &Answers) -> Result<[u8; 32], String> {
    let mut hasher = Sha256::new();
    write_file(path, &mut |file| {
        let mut hashing = Hashing {
            inner: file,
            hasher: &mut hasher,
        };
        file_text::write_into(answers, &mut hashing)
    })?;
    Ok(hasher.finalize().into())
}

/// Writes to the file atomically what `write` writes (creating its folder first).
fn write_file(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    write_atomic_with(path, write).map_err(|e| format!("{}: {e}", path.display()))
}

/// A writer that hashes what passes through it.
struct Hashing<'a> {
    inner: &'a mut dyn Write,
    hasher: &'a mut Sha256,
}

impl Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The one line to show when saving `new` over `current` writes the file in the
/// current answers format for the first time (see [`migrate::note`]); `None` when
/// nothing changes (the file is then not written) or the file is already current.
/// `set` and `publish` print it; interviews upgrade the file silently.
pub fn upgrade_note(path: &Path, current: &OnDisk, new: &Answers) -> Option<String> {
    if current.answers == *new {
        return None;
    }
    migrate::note(&path.display().to_string(), current.text.as_deref())
}

/// Saves an interview's answers. `base` is what the interview last read or wrote.
///
/// If nobody else wrote the file since, `ours` is written (only if it changed). If
/// someone did, the interview's own changes (`ours` against `base`) are applied to
/// the file's new answers when they touch other answers; the file is written and the
/// interview is told to show the merged answers. When both changed the same answer
/// differently, nothing is overwritten: the file keeps the other program's version,
/// the interview's is written beside it as `NAME.conflict-TIME.json`, and the
/// interview is told so and shows the file's answers.
pub fn save_interview(path: &Path, base: &Base, ours: &Answers) -> Result<Synced, String> {
    let _lock = lock_answers(path)?;
    let current = match read_since(path, base).map_err(|e| e.to_string())? {
        Since::NoFile => return save_over_base(path, base, ours, false, None),
        Since::AsBase(text) => return save_over_base(path, base, ours, true, text),
        Since::Changed(current) => *current,
    };
    let file = path.display();
    match merge3(&base.answers, &current.answers, ours) {
        Ok(merged) => {
            let note = if merged == current.answers {
                format!("{file} was changed by another program meanwhile: shown now as it is.")
            } else {
                format!(
                    "{file} was changed by another program meanwhile: its changes are kept \
                     and yours were added to them."
                )
            };
            let now = write_answers(path, &current, &merged)?;
            Ok(Synced {
                base: now.base(),
                reloaded: Some(Reloaded {
                    answers: merged,
                    note,
                }),
            })
        }
        Err(conflicts) => {
            let copy = conflict_copy(path);
            write_atomic(&copy, ours.to_json().as_bytes())
                .map_err(|e| format!("{}: {e}", copy.display()))?;
            Ok(Synced {
                base: current.base(),
                reloaded: Some(Reloaded {
                    answers: current.answers,
                    note: format!(
                        "Another program changed {} in {file} meanwhile. The file keeps its \
                         version; yours is saved beside it as {}. Shown now: the file's answers.",
                        conflicts.join(", "),
                        copy.display()
                    ),
                }),
            })
        }
    }
}

/// [`save_interview`] when nobody else wrote the file since `base`: `exists` says
/// whether there is a file, and `text` is its text when the base does not know it to
/// be canonical. Writes `ours` only if they changed (or there is no file yet), in
/// the file's own layout if it has one, else streamed as `to_json` writes it.
fn save_over_base(
    path: &Path,
    base: &Base,
    ours: &Answers,
    exists: bool,
    text: Option<String>,
) -> Result<Synced, String> {
    let answers = Fingerprint::of(ours);
    if exists && answers == base.answers {
        // Nothing to write: the file is still what the base says.
        return Ok(Synced {
            base: base.clone(),
            reloaded: None,
        });
    }
    // A file with a layout of its own is fitted with the answers it holds, read
    // again from its text, as the base keeps only their fingerprint.
    let layout = match text {
        Some(text) if !base.canonical => Answers::from_json(&text)
            .ok()
            .map(|old| (Cow::Owned(text), Cow::Owned(old))),
        _ => None,
    };
    let fitted = layout.and_then(|(old, old_answers)| in_layout_of(old, old_answers, ours));
    let (hash, canonical) = match fitted {
        Some((text, canonical)) => {
            write_text(path, &text)?;
            (hash(&text), canonical)
        }
        None => (write_canonical(path, ours)?, true),
    };
    Ok(Synced {
        base: Base {
            hash: Some(hash),
            answers,
            canonical,
        },
        reloaded: None,
    })
}

/// `NAME.conflict-YYYY-MM-DDTHHMMSSZ.json` beside `NAME.json` (a number is added if
/// that exists).
fn conflict_copy(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "answers".into(), |s| s.to_string_lossy().into_owned());
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let time = format!(
        "{}T{:02}{:02}{:02}Z",
        crate::versions::today(),
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    );
    let mut copy = path.with_file_name(format!("{stem}.conflict-{time}.json"));
    let mut n = 2;
    while copy.exists() {
        copy = path.with_file_name(format!("{stem}.conflict-{time}-{n}.json"));
        n += 1;
    }
    copy
}

/// Three-way merge of answers: `ours` and `theirs` both started from the answers
/// `base` is the fingerprint of. Each answer changed on one side only takes that
/// side's value; an answer changed on both sides to different values is a conflict,
/// named by its dotted path. Lists are one answer each.
pub fn merge3(
    base: &Fingerprint,
    theirs: &Answers,
    ours: &Answers,
) -> Result<Answers, Vec<String>> {
    let mut conflicts = Vec::new();
    let merged = merge_values(
        base,
        &theirs.to_value(),
        &ours.to_value(),
        "",
        &mut conflicts,
    );
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    serde_json::from_value(merged).map_err(|e| vec![format!("(the merged answers: {e})")])
}

/// The member `key` of an object; one that is not there reads as `null`.
fn member<'a>(object: &'a Map<String, Value>, key: &str) -> &'a Value {
    const ABSENT: &Value = &Value::Null;
    object.get(key).unwrap_or(ABSENT)
}

fn merge_values(
    base: &Fingerprint,
    theirs: &Value,
    ours: &Value,
    path: &str,
    conflicts: &mut Vec<String>,
) -> Value {
    if theirs == ours || base.matches(ours) {
        return theirs.clone();
    }
    if base.matches(theirs) {
        return ours.clone();
    }
    match (base, theirs, ours) {
        (Fingerprint::Object(_), Value::Object(t), Value::Object(o)) => {
            let mut out = Map::new();
            let keys = o.keys().chain(t.keys().filter(|k| !o.contains_key(*k)));
            for key in keys {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let (theirs, ours) = (member(t, key), member(o, key));
                let value = merge_values(&base.member(key), theirs, ours, &at, conflicts);
                out.insert(key.clone(), value);
            }
            Value::Object(out)
        }
        _ => {
            conflicts.push(path.to_owned());
            ours.clone()
        }
    }
}

/// `new` written into the file text `old` (whose answers are `old_answers`),
/// changing only what differs; `None` when that cannot be done faithfully.
///
/// The old answers were upgraded when they were read (see [`crate::answers::migrate`]);
/// the text still holds the version it was written with, so that is what the layout
/// compares with, and a version 1 file is written as the current version.
/// [`super::layout::rewrite`] of the file for the new answers, and whether the text
/// is what `new.to_json()` writes (so the next save need not fit it again).
fn in_layout_of(
    old: Cow<'_, str>,
    old_answers: Cow<'_, Answers>,
    new: &Answers,
) -> Option<(String, bool)> {
    // Only what changed is needed (the layout copies the text of the rest, and
    // reads into parts only what differs), so the values are made without the long
    // lists' shared entries. Tests hold that the text is the same as from the whole
    // values.
    let (mut as_written, new_value) = file_text::values_apart(&old_answers, new);
    drop(old_answers);
    as_written["schema_version"] = migrate::file_version(&old)?.into();
    let text = super::layout::rewrite(&old, &as_written, &new_value)?;
    // On a file of megabytes, the old text, the new one and the answers read back
    // from it at once set a save's peak: the old goes first.
    drop((as_written, new_value, old));
    // Whatever the layout kept, the file must say exactly the new answers.
    if Answers::from_json(&text).ok()? != *new {
        return None;
    }
    let is_canonical = file_text::is_text_of(new, &text);
    Some((text, is_canonical))
}

#[cfg(test)]
mod tests;
