//! Paths the answers file remembers (`workspace.outputs`, `workspace.code_dir`):
//! how a path the operator typed is written down, and how a written-down path is
//! found again. Relative paths are relative to the answers file's folder, so an
//! answers file kept in a repository works from every clone.

use std::path::{Component, Path, PathBuf};

/// A remembered path made usable: a leading `~/` is the home folder, a relative path
/// is relative to the folder of `answers_file`.
pub fn resolve(answers_file: &Path, stored: &str) -> PathBuf {
    let path = typed(stored);
    if path.is_absolute() {
        return path;
    }
    folder_of(answers_file).join(path)
}

/// A path as the operator typed it, with a leading `~/` read as the home folder
/// (as a shell would); otherwise unchanged, so relative to the current directory.
pub fn typed(text: &str) -> PathBuf {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(text)
}

/// A remembered path as the operator sees it, without touching the disk or asking
/// for the current directory: relative paths are joined to the answers file's
/// folder as given (`./policy/answers.json` and `../site/p.md` give `site/p.md`).
pub fn shown(answers_file: &Path, stored: &str) -> String {
    let stored = stored.trim();
    if stored.starts_with("~/") || Path::new(stored).is_absolute() {
        return stored.to_owned();
    }
    let folder = answers_file.parent().unwrap_or(Path::new(""));
    normalize(&folder.join(stored))
        .to_string_lossy()
        .into_owned()
}

/// How to write down `path` (as typed: relative to the current directory) in the
/// answers file at `answers_file`. Inside the repository that holds the answers file
/// (or inside its folder, outside any repository) the path is written relative to
/// the answers file's folder; anywhere else, and always for a policy saved in the
/// data directory (`portable` false), it is written in full.
pub fn remember(answers_file: &Path, path: &Path, portable: bool) -> String {
    let full = normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()));
    if portable {
        let folder = normalize(&folder_of(answers_file));
        let root = repository_root(&folder).unwrap_or_else(|| folder.clone());
        if full.starts_with(&root)
            && let Some(relative) = relative_to(&full, &folder)
        {
            return relative.to_string_lossy().into_owned();
        }
    }
    full.to_string_lossy().into_owned()
}

/// The folder of a file, made absolute.
fn folder_of(file: &Path) -> PathBuf {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
    absolute
        .parent()
        .map_or_else(|| absolute.clone(), Path::to_owned)
}

/// The nearest folder at or above `dir` that holds a `.git`.
fn repository_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_owned)
}

/// `a/./b/../c` as `a/c`, without touching the disk (so a path that does not exist
/// yet can be remembered).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            // Above the start of a relative path, `..` stays.
            Component::ParentDir
                if matches!(
                    out.components().next_back(),
                    None | Some(Component::ParentDir)
                ) && !out.has_root() =>
            {
                out.push("..");
            }
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` as seen from `base` (both absolute and normalized), with `..` as needed.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    let path: Vec<Component> = path.components().collect();
    let base: Vec<Component> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for c in &path[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_read_from_the_answers_files_folder() {
        let file = Path::new("/repo/policy/answers.json");
        assert_eq!(
            resolve(file, "../site/privacy.md"),
            Path::new("/repo/policy/../site/privacy.md")
        );
        assert_eq!(resolve(file, "/srv/p.md"), Path::new("/srv/p.md"));
    }

    #[test]
    fn paths_inside_the_repository_are_remembered_relative_to_the_answers_file() {
        let repo = tempfile::tempdir().unwrap();
        std::fs::create_dir(repo.path().join(".git")).unwrap();
        std::fs::create_dir(repo.path().join("policy")).unwrap();
        let file = repo.path().join("policy/answers.json");
        let site = repo.path().join("site/privacy.md");
        assert_eq!(remember(&file, &site, true), "../site/privacy.md");
        assert_eq!(
            remember(&file, &repo.path().join("policy/./out.html"), true),
            "out.html"
        );
        assert_eq!(remember(&file, repo.path(), true), "..");
        // Outside the repository, or for a saved policy: in full.
        let outside = Path::new("/elsewhere/privacy.md");
        assert_eq!(remember(&file, outside, true), "/elsewhere/privacy.md");
        assert_eq!(remember(&file, &site, false), site.to_string_lossy());
        // Whatever is remembered is found again.
        assert_eq!(
            normalize(&resolve(&file, &remember(&file, &site, true))),
            site
        );
    }

    #[test]
    fn a_path_is_normalized_without_the_disk() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), Path::new("/a/c"));
        assert_eq!(normalize(Path::new("../../a/../b")), Path::new("../../b"));
        assert_eq!(normalize(Path::new("/../a")), Path::new("/a"));
    }

    #[test]
    fn remembered_paths_are_shown_from_where_the_answers_file_was_named() {
        let file = Path::new("./policy/answers.json");
        assert_eq!(shown(file, "../site/privacy.md"), "site/privacy.md");
        assert_eq!(shown(file, "out.html"), "policy/out.html");
        assert_eq!(shown(Path::new("answers.json"), "../x.md"), "../x.md");
        assert_eq!(shown(file, "/srv/p.md"), "/srv/p.md");
        assert_eq!(shown(file, "~/p.md"), "~/p.md");
    }
}
