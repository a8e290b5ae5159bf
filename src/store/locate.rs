//! Turning `NAME|FILE|-` into a place to read, and finding the data directory.

use std::path::{Path, PathBuf};

use super::LoadError;

/// Overrides the data directory (tests and unusual setups use it).
pub const DATA_DIR_ENV: &str = "POLICYWRIGHT_DATA_DIR";

/// Where answers come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `-`: standard input.
    Stdin,
    /// Anything with a `/` or ending in `.json`: a path.
    File(PathBuf),
    /// A saved policy's name, and its file in the data directory.
    Saved { name: String, path: PathBuf },
}

impl Source {
    /// Reads a command-line argument as the brief defines it: `-` is stdin, a path has
    /// a `/` (or `\`) or ends in `.json`, anything else names a saved policy.
    pub fn parse(arg: &str) -> Result<Source, LoadError> {
        if arg == "-" {
            return Ok(Source::Stdin);
        }
        if arg.contains('/') || arg.contains('\\') || arg.ends_with(".json") {
            return Ok(Source::File(PathBuf::from(arg)));
        }
        if !is_name(arg) {
            return Err(LoadError::BadName(format!(
                "`{arg}` is neither a policy name (letters, digits, - and _) nor a path \
                 (a path contains / or ends in .json)"
            )));
        }
        let path = policies_dir()?.join(format!("{arg}.json"));
        Ok(Source::Saved {
            name: arg.to_owned(),
            path,
        })
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The data directory: `$POLICYWRIGHT_DATA_DIR`, else the platform's
/// (`$XDG_DATA_HOME/policywright` on Linux).
pub fn data_dir() -> Result<PathBuf, LoadError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "policywright")
        .map(|p| p.data_dir().to_owned())
        .ok_or(LoadError::NoDataDir)
}

/// Where saved policies are kept: `<data dir>/policies`.
pub fn policies_dir() -> Result<PathBuf, LoadError> {
    Ok(data_dir()?.join("policies"))
}

/// The saved policies in `dir`, by name, sorted: every `NAME.json` file whose NAME
/// can be given on the command line. Other files there (an interview's
/// `NAME.conflict-TIME.json` copy, say) are not saved policies. The one listing for
/// `list`, the wizard's home screen and "no saved policy named ...".
pub fn saved_names(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            file.strip_suffix(".json")
                .filter(|n| is_name(n))
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}

pub(super) fn unknown_name(name: &str, path: &Path) -> LoadError {
    let dir = path.parent().unwrap_or(path).to_owned();
    let saved = saved_names(&dir).unwrap_or_default();
    let hint = if saved.is_empty() {
        " (there are none yet; give a file path instead, e.g. ./answers.json)".to_owned()
    } else {
        format!(" (saved: {})", saved.join(", "))
    };
    LoadError::UnknownName {
        name: name.to_owned(),
        dir,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An interview's conflict copy is not a saved policy: neither `list` nor the
    /// wizard's home screen shows it (review of the conflict copies).
    #[test]
    fn saved_names_are_the_files_a_name_opens() {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "acme.json",
            "acme.conflict-20261206T031500.json",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(file), "{}").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.json")).unwrap();
        assert_eq!(saved_names(dir.path()).unwrap(), ["acme"]);
    }

    #[test]
    fn arguments_are_classified_like_the_brief_says() {
        assert_eq!(Source::parse("-").unwrap(), Source::Stdin);
        assert_eq!(
            Source::parse("examples/stepr.json").unwrap(),
            Source::File("examples/stepr.json".into())
        );
        assert_eq!(
            Source::parse("answers.json").unwrap(),
            Source::File("answers.json".into())
        );
        assert!(matches!(
            Source::parse("acme").unwrap(),
            Source::Saved { .. }
        ));
        assert!(Source::parse("acme corp").is_err());
    }
}
