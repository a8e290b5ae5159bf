//! Advisory locks, so two writers of one answers file (or of one policy's versions)
//! take turns instead of the last one silently undoing the other.
//!
//! The lock is taken on a sidecar file (`.NAME.json.lock` beside the answers file,
//! `.lock` in a versions folder), never on the file itself: saving replaces the
//! answers file by renaming a new one over it, which would leave a lock on the old
//! file's inode protecting nothing. The holder removes the sidecar before releasing
//! it, so no lock file is left in the operator's folder (or repository); a writer
//! that was waiting on the removed file notices, after locking, that the name no
//! longer leads to the file it holds, and starts again. A killed writer leaves an
//! empty sidecar, which the next one reuses and removes.
//!
//! `flock(2)` through `libc` (already a dependency on unix) rather than a crate: one
//! call, released by the kernel when the process ends however it ends, so a killed
//! writer never leaves a stale lock behind. Elsewhere locking is a no-op.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::atomic::through_links;
use super::describe_io;

/// Held while reading, deciding and writing; dropping it (or the process ending)
/// releases the lock.
#[derive(Debug)]
pub struct Lock {
    /// Open for as long as the lock is held; closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Still holding the lock, so nobody is between "locked" and "checked the
        // name": removing the name now is safe. Closing the file then releases it.
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Takes the lock for the answers file at `path`, waiting for another writer to
/// finish. A symbolic link is followed, so every name of one file shares one lock.
pub fn lock_answers(path: &Path) -> Result<Lock, String> {
    let target = through_links(path).map_err(|e| format!("{}: {e}", path.display()))?;
    lock_at(&sidecar(&target))
}

/// Takes the lock for a folder (a policy's versions), creating the folder if needed.
pub fn lock_folder(dir: &Path) -> Result<Lock, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), describe_io(&e)))?;
    lock_at(&dir.join(".lock"))
}

/// `.NAME.json.lock` beside `NAME.json`.
fn sidecar(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "answers".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.lock"))
}

fn lock_at(lock_path: &Path) -> Result<Lock, String> {
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: {}", dir.display(), describe_io(&e)))?;
    }
    let failed =
        |e: std::io::Error| format!("cannot lock {}: {}", lock_path.display(), describe_io(&e));
    loop {
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path)
            .map_err(failed)?;
        exclusive(&file).map_err(failed)?;
        if still_named(&file, lock_path) {
            return Ok(Lock {
                _file: file,
                path: lock_path.to_owned(),
            });
        }
        // The holder before us removed this file: lock the one the name leads to now.
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}

#[cfg(unix)]
fn exclusive(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    loop {
        // SAFETY: flock on a descriptor we own; it only blocks or fails.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
        if rc == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

#[cfg(not(unix))]
fn exclusive(_file: &File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.json");
        let first = lock_answers(&path).unwrap();
        let sidecar = dir.path().join(".acme.json.lock");
        assert!(sidecar.exists());
        let released = Arc::new(AtomicBool::new(false));
        let seen = released.clone();
        let waiter = std::thread::spawn(move || {
            let _second = lock_answers(&path).unwrap();
            seen.load(Ordering::SeqCst)
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        released.store(true, Ordering::SeqCst);
        drop(first);
        assert!(
            waiter.join().unwrap(),
            "the second lock came after the first was released"
        );
        assert!(!sidecar.exists(), "no lock file is left behind");
    }

    /// Many threads taking turns, through the removal and re-creation of the
    /// sidecar: never two holders at once.
    #[test]
    fn holders_never_overlap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.json");
        let inside = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (path, inside) = (path.clone(), inside.clone());
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        let _lock = lock_answers(&path).unwrap();
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders");
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
    }
}
