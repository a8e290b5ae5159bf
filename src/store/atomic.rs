//! Atomic writes: the old file stays whole until the new one is complete.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::describe_io;

/// What every temporary file of ours is called: `.policywright-XXXXXX.tmp`. Nothing
/// else is ever removed by [`sweep_temporaries`].
const TMP_PREFIX: &str = ".policywright-";
const TMP_SUFFIX: &str = ".tmp";

/// A temporary file this old was left by a run that was killed: no write of ours
/// takes anywhere near this long, so removing it cannot race a live writer.
const STALE_AFTER: Duration = Duration::from_secs(120);

/// Writes `contents` to `path` through a temporary file in the same directory, then
/// renames it over the target. A crash, a full disk or Ctrl-C at any moment leaves
/// either the old file or the new one, never half of either.
///
/// A symbolic link is written through: the file it points at is replaced and the
/// link stays, so an answers file linked from a repository keeps being the one in
/// the repository. Temporaries that killed runs left in the folder are removed first.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    write_atomic_with(path, &mut |file| file.write_all(contents))
}

/// [`write_atomic`] of contents that `write` writes, through a buffer, as it makes
/// them: a text of megabytes need not be held whole to be saved.
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let (target, tmp) = prepare(path, write)?;
    replace(&target, tmp)
}

/// Writes several files, each atomically, with the least time between the first
/// replacement and the last: every new file is complete on disk before any old one
/// is replaced, so a kill leaves them all old, all new, or (for microseconds rather
/// than the length of the writes) a mixture. Errors name the file.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<(), String> {
    let mut ready = Vec::with_capacity(files.len());
    for (path, contents) in files {
        let mut write = |file: &mut dyn Write| file.write_all(contents);
        ready.push(prepare(path, &mut write).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    for (target, tmp) in ready {
        replace(&target, tmp).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// The new contents, complete and synced in a temporary file beside the target
/// (the file a link points at), ready to be renamed over it.
fn prepare(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(PathBuf, tempfile::NamedTempFile), String> {
    let path = through_links(path)?;
    let dir = folder_of(&path);
    if path.is_dir() {
        return Err("is a directory".to_owned());
    }
    if !dir.is_dir() {
        return Err(format!(
            "cannot write: the directory {} does not exist",
            dir.display()
        ));
    }
    sweep_temporaries(dir);
    crash_point()?;
    let mut tmp = temporary_in(dir)?;
    let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| format!("cannot write: {}", describe_io(&e)))?;
    drop(buffered);
    tmp.as_file()
        .sync_all()
        .map_err(|e| format!("cannot write: {}", describe_io(&e)))?;
    // Keep the permissions of the file being replaced (a published policy may be
    // world-readable on purpose); new files get the usual default instead of 0600.
    let permissions = match std::fs::metadata(&path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        let _ = tmp.as_file().set_permissions(p);
    }
    Ok((path, tmp))
}

fn replace(path: &Path, tmp: tempfile::NamedTempFile) -> Result<(), String> {
    tmp.persist(path)
        .map_err(|e| format!("cannot replace the file: {}", describe_io(&e.error)))?;
    Ok(())
}

/// Writes `contents` as a new file at `path`, never replacing one that exists (two
/// writers cannot both create it): `Ok(false)` when `path` already exists. Complete
/// or absent, like [`write_atomic`].
pub fn create_atomic(path: &Path, contents: &[u8]) -> Result<bool, std::io::Error> {
    let dir = folder_of(path);
    sweep_temporaries(dir);
    crash_point().map_err(std::io::Error::other)?;
    let mut tmp = temporary_in(dir).map_err(std::io::Error::other)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = default_permissions() {
        let _ = tmp.as_file().set_permissions(p);
    }
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn temporary_in(dir: &Path) -> Result<tempfile::NamedTempFile, String> {
    tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {}", dir.display(), describe_io(&e)))
}

/// The file a path names once every symbolic link is followed; the path itself when
/// it is not a link (or does not exist yet).
pub fn through_links(path: &Path) -> Result<PathBuf, String> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_owned());
    }
    std::fs::canonicalize(path).map_err(|e| {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        format!(
            "is a link to {target}, which cannot be followed ({}); fix or remove the link",
            describe_io(&e)
        )
    })
}

/// Removes our temporary files (`.policywright-*.tmp`) that killed runs left in `dir`.
/// Only files with our names and older than a couple of minutes are touched; any
/// failure is ignored, since a leftover is untidy, not harmful.
pub fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
thread_local! {
    /// Tests simulate a kill: after this many more writes, every write fails before
    /// it touches the disk (as if the process had died there).
    static WRITES_LEFT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// In tests, the writes this thread may still do before it "dies"; `None` for no limit.
#[cfg(test)]
pub fn crash_after_writes(n: Option<usize>) {
    WRITES_LEFT.with(|left| left.set(n));
}

#[cfg(test)]
fn crash_point() -> Result<(), String> {
    WRITES_LEFT.with(|left| match left.get() {
        Some(0) => Err("simulated crash".to_owned()),
        Some(n) => {
            left.set(Some(n - 1));
            Ok(())
        }
        None => Ok(()),
    })
}

#[cfg(not(test))]
#[inline]
fn crash_point() -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("policy.md");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(&dir.path().join("nope/policy.md"), b"x").unwrap_err();
        assert!(e.contains("does not exist"), "{e}");
    }

    /// F9: temporaries left by killed runs are removed by the next write in the
    /// folder; a fresh one (a writer at work) and other people's files are not.
    #[test]
    fn stale_temporaries_of_ours_are_swept_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".policywright-abc123.tmp");
        let fresh = dir.path().join(".policywright-def456.tmp");
        let theirs = dir.path().join(".other-abc123.tmp");
        for f in [&old, &fresh, &theirs] {
            std::fs::write(f, "x").unwrap();
        }
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for f in [&old, &theirs] {
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomic(&dir.path().join("policy.json"), b"{}").unwrap();
        assert!(!old.exists(), "a stale temporary of ours is removed");
        assert!(fresh.exists(), "a fresh one may be another writer's");
        assert!(theirs.exists(), "only our names are touched");
    }

    /// F8: a symlinked file is written through the link.
    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir(&repo).unwrap();
        let target = repo.join("policy.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("acme.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    /// Several files: none is replaced until every new one is written.
    #[test]
    fn several_files_are_all_written_before_any_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("p.md");
        std::fs::write(&md, "old").unwrap();
        let nowhere = dir.path().join("nowhere/p.html");
        let e = write_all_atomic(&[(&md, b"new"), (&nowhere, b"new")]).unwrap_err();
        assert!(e.contains("nowhere"), "{e}");
        assert_eq!(std::fs::read_to_string(&md).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporaries"
        );
        let html = dir.path().join("p.html");
        write_all_atomic(&[(&md, b"new"), (&html, b"new")]).unwrap();
        assert_eq!(std::fs::read_to_string(&md).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&html).unwrap(), "new");
    }

    #[test]
    fn create_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0001.json");
        assert!(create_atomic(&path, b"first").unwrap());
        assert!(!create_atomic(&path, b"second").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        #[cfg(unix)]
        {
            // F9: version files were 0600 while answers and outputs are 0644.
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
