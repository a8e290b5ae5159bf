//! Atomic writes: the old file stays whole until the new one is complete.

use std::io::Write;
use std::path::Path;

use super::describe_io;

/// Writes `contents` to `path` through a temporary file in the same directory, then
/// renames it over the target. A crash, a full disk or Ctrl-C at any moment leaves
/// either the old file or the new one, never half of either.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err("is a directory".to_owned());
    }
    if !dir.is_dir() {
        return Err(format!(
            "cannot write: the directory {} does not exist",
            dir.display()
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".policywright-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {}", dir.display(), describe_io(&e)))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write: {}", describe_io(&e)))?;
    // Keep the permissions of the file being replaced (a published policy may be
    // world-readable on purpose); new files get the usual default instead of 0600.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        let _ = tmp.as_file().set_permissions(p);
    }
    tmp.persist(path)
        .map_err(|e| format!("cannot replace the file: {}", describe_io(&e.error)))?;
    Ok(())
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
}
