//! Finding the catalog's processors in a product's own files: dependency manifests
//! and lockfiles (web, server and mobile), environment templates, a browser
//! extension's manifest, and infrastructure files that say where data lives.
//!
//! This module walks a directory and reports what it found, where (file and line),
//! and whether a policy declares it. It never prints: the command decides how the
//! report looks. Which names reveal which service is catalog data, not code here.

mod infra;
mod manifests;
mod mobile;
pub mod permissions;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::answers::Answers;
use crate::catalog::{Catalog, Ecosystem, Entry};

pub use infra::{Placement, PlacementKind};
pub use manifests::{Clue, Kind, ManifestPermission, clues, extension_permissions};
pub use permissions::{FoundPermission, PermissionFile, Platform};

/// Folders that hold other people's code or build output, never the product's own
/// manifests (`Pods` holds CocoaPods' checkouts, `.terraform` downloaded modules).
pub const SKIPPED_DIRS: [&str; 11] = [
    "node_modules",
    "target",
    ".git",
    "vendor",
    "dist",
    "build",
    ".venv",
    "Pods",
    ".terraform",
    ".gradle",
    ".dart_tool",
];

/// The largest manifest a scan reads, in bytes: 1 MiB. Hand-written manifests are a
/// few kilobytes; a bigger one is generated or hostile, and reading it whole could
/// take minutes and gigabytes (a 1 GB `requirements.txt` did). It is skipped with a
/// warning.
pub const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// The largest `package-lock.json` a scan reads: 32 MiB. Lockfiles of real projects
/// run to tens of megabytes, and only their direct dependencies are read.
pub const MAX_LOCKFILE_BYTES: u64 = 32 << 20;

/// Why a scan could not start.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{}: {message}", .path.display())]
    Dir { path: PathBuf, message: String },
}

/// Where a name that reveals a processor was found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Relative to the scanned directory, with `/` separators.
    pub file: String,
    pub line: usize,
    pub kind: Ecosystem,
    pub name: String,
}

/// A processor found in the product, with everything that revealed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub id: String,
    pub name: String,
    pub role: crate::answers::vocab::ProcessorRole,
    /// Whether the policy declares it; `None` when no policy was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<bool>,
    pub evidence: Vec<Evidence>,
}

/// A browser extension's manifest and the permissions it asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtensionManifest {
    pub file: String,
    pub permissions: Vec<ManifestPermission>,
}

/// A file that could not be read; the scan goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

/// Everything a scan found, in a stable order: processors by role then id, evidence
/// by file then line, manifests, placements and warnings by file.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Report {
    pub processors: Vec<Found>,
    pub extensions: Vec<ExtensionManifest>,
    /// Where infrastructure files say data lives: data stores and regions, by file
    /// then line; for suggesting hosting and storage answers.
    pub infrastructure: Vec<Placement>,
    /// A mobile app's `AndroidManifest.xml` and `Info.plist` files, by path.
    pub app_permissions: Vec<PermissionFile>,
    pub warnings: Vec<Warning>,
}

impl Report {
    /// The processors found that the policy does not declare.
    pub fn undeclared(&self) -> impl Iterator<Item = &Found> {
        self.processors.iter().filter(|f| f.declared == Some(false))
    }

    /// Marks each processor declared or not in `answers` (see [`declares`]).
    pub fn check_against(&mut self, answers: &Answers, catalog: &Catalog) {
        for found in &mut self.processors {
            let declared = catalog
                .get(&found.id)
                .is_some_and(|entry| declares(answers, entry));
            found.declared = Some(declared);
        }
        for file in &mut self.app_permissions {
            file.check_against(answers);
        }
    }
}

/// The interview question whose answer (the list of recipients) a scan adds to.
pub const QUESTION: &str = "processors";

/// New processor records, referring to the catalog, for the processors found that
/// `answers` do not declare yet: what the wizard offers to add to the policy.
pub fn records_to_add(found: &[Found], answers: &Answers, catalog: &Catalog) -> Vec<Value> {
    let mut taken: Vec<String> = answers
        .processors
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    found
        .iter()
        .filter_map(|f| catalog.get(&f.id))
        .filter(|entry| !declares(answers, entry))
        .map(|entry| {
            let record = crate::catalog::record::reference(entry, &taken);
            taken.push(record["id"].as_str().unwrap_or_default().to_owned());
            record
        })
        .collect()
}

/// Whether the answers list this processor: by catalog reference, by id, or by name
/// (case-insensitive), so policies written before the catalog count too.
pub fn declares(answers: &Answers, entry: &Entry) -> bool {
    answers.processors.iter().any(|p| {
        p.catalog.as_deref() == Some(entry.id.as_str())
            || p.id == entry.id
            || p.name.trim().eq_ignore_ascii_case(entry.name.trim())
    })
}

/// Scans `dir` for manifests and returns what they reveal. Symbolic links are followed
/// only to files inside `dir` (never to directories, which the walk reaches anyway,
/// so a loop of links cannot make it go round); a manifest that cannot be read or
/// parsed, or is larger than [`MAX_MANIFEST_BYTES`], becomes a warning, not an error.
pub fn scan(dir: &Path, catalog: &Catalog) -> Result<Report, ScanError> {
    let fail = |message: String| ScanError::Dir {
        path: dir.to_owned(),
        message,
    };
    let root = dir
        .canonicalize()
        .map_err(|e| fail(crate::store::describe_io(&e)))?;
    if !root.is_dir() {
        return Err(fail("is not a directory".to_owned()));
    }
    let mut files = Vec::new();
    let mut platform_files = Vec::new();
    let mut warnings = Vec::new();
    walk(&root, &root, &mut files, &mut platform_files, &mut warnings);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let app_permissions = read_platform_files(platform_files, &mut warnings);

    let mut found: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
    let mut extensions = Vec::new();
    let mut infrastructure = Vec::new();
    for (relative, path, kind) in files {
        let text = match read_bounded(&path, kind) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    warnings.push(warning(&relative, "is not UTF-8 text"));
                    continue;
                }
            },
            Err(message) => {
                warnings.push(warning(&relative, &message));
                continue;
            }
        };
        if kind == Kind::ExtensionManifest {
            match extension_permissions(&text) {
                Ok(Some(permissions)) => extensions.push(ExtensionManifest {
                    file: relative,
                    permissions,
                }),
                Ok(None) => {}
                Err(message) => warnings.push(warning(&relative, &message)),
            }
            continue;
        }
        let placements = match kind {
            Kind::Compose => infra::compose(&text),
            Kind::Terraform => infra::terraform(&text),
            Kind::Pulumi => infra::pulumi(&text),
            _ => Vec::new(),
        };
        infrastructure.extend(placements.into_iter().map(|p| Placement {
            file: relative.clone(),
            ..p
        }));
        let clues = match clues(kind, &text) {
            Ok(clues) => clues,
            Err(message) => {
                warnings.push(warning(&relative, &message));
                continue;
            }
        };
        for clue in clues {
            for entry in catalog.lookup(clue.ecosystem, &clue.name) {
                found.entry(entry.id.clone()).or_default().push(Evidence {
                    file: relative.clone(),
                    line: clue.line,
                    kind: clue.ecosystem,
                    name: clue.name.clone(),
                });
            }
        }
    }

    let mut processors: Vec<Found> = found
        .into_iter()
        .filter_map(|(id, mut evidence)| {
            let entry = catalog.get(&id)?;
            evidence.sort();
            evidence.dedup();
            Some(Found {
                id,
                name: entry.name.clone(),
                role: entry.role,
                declared: None,
                evidence,
            })
        })
        .collect();
    processors.sort_by(|a, b| (a.role, &a.id).cmp(&(b.role, &b.id)));
    warnings.sort_by(|a, b| a.file.cmp(&b.file));
    infrastructure.sort();
    Ok(Report {
        processors,
        extensions,
        infrastructure,
        app_permissions,
        warnings,
    })
}

/// The permissions of each `AndroidManifest.xml` and `Info.plist` found, by path; a
/// file that cannot be read, or is not text (a binary property list), is a warning.
fn read_platform_files(
    mut files: Vec<(String, PathBuf, Platform)>,
    warnings: &mut Vec<Warning>,
) -> Vec<PermissionFile> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    for (relative, path, platform) in files {
        match read_bounded(&path, Kind::ExtensionManifest).map(String::from_utf8) {
            Ok(Ok(text)) => out.push(PermissionFile {
                permissions: permissions::read(platform, &text),
                file: relative,
                platform,
            }),
            Ok(Err(_)) => warnings.push(warning(
                &relative,
                "is not UTF-8 text (a binary property list?)",
            )),
            Err(message) => warnings.push(warning(&relative, &message)),
        }
    }
    out
}

/// The bytes of a manifest, unless it is larger than its kind allows (see
/// [`MAX_MANIFEST_BYTES`]). Never reads more than the limit, even from a file that
/// grows while it is read.
fn read_bounded(path: &Path, kind: Kind) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let limit = match kind {
        Kind::PackageLock => MAX_LOCKFILE_BYTES,
        _ => MAX_MANIFEST_BYTES,
    };
    let too_big = |size: u64| {
        format!(
            "is {} MiB, larger than the {} MiB a scan reads",
            size.div_ceil(1 << 20),
            limit >> 20
        )
    };
    let io = |e: std::io::Error| crate::store::describe_io(&e);
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn warning(file: &str, message: &str) -> Warning {
    Warning {
        file: file.to_owned(),
        message: message.to_owned(),
    }
}

/// Collects (relative path, path, kind) of every manifest under `dir`.
fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<(String, PathBuf, Kind)>,
    platform_files: &mut Vec<(String, PathBuf, Platform)>,
    warnings: &mut Vec<Warning>,
) {
    let relative = |p: &Path| -> String {
        p.strip_prefix(root)
            .unwrap_or(p)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            warnings.push(warning(&relative(dir), &crate::store::describe_io(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) {
                walk(root, &path, files, platform_files, warnings);
            } else if name == "build" {
                permissions::merged_manifests(&path, &mut |found| {
                    platform_files.push((relative(&found), found, Platform::Android));
                });
            }
            continue;
        }
        let kind = Kind::of(&name);
        let platform = Platform::of(&name);
        if kind.is_none() && platform.is_none() {
            continue;
        }
        if file_type.is_symlink() {
            // Follow only to a regular file that is inside the scanned directory.
            let inside = path
                .canonicalize()
                .is_ok_and(|target| target.starts_with(root) && target.is_file());
            if !inside {
                continue;
            }
        } else if !file_type.is_file() {
            continue;
        }
        match (kind, platform) {
            (Some(kind), _) => files.push((relative(&path), path, kind)),
            (None, Some(platform)) => platform_files.push((relative(&path), path, platform)),
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_processors_with_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("package.json"),
            "{\n  \"dependencies\": {\n    \"stripe\": \"1\",\n    \"left-pad\": \"1\"\n  }\n}\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("api")).unwrap();
        std::fs::write(
            dir.path().join("api/.env.example"),
            "STRIPE_SECRET_KEY=\nOPENAI_API_KEY=sk-do-not-print\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("node_modules")).unwrap();
        std::fs::write(
            dir.path().join("node_modules/package.json"),
            "{\"dependencies\": {\"twilio\": \"1\"}}",
        )
        .unwrap();
        let report = scan(dir.path(), &Catalog::builtin()).unwrap();
        let ids: Vec<&str> = report.processors.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["openai", "stripe"], "AI comes before payments");
        let stripe = &report.processors[1];
        let at: Vec<(&str, usize)> = stripe
            .evidence
            .iter()
            .map(|e| (e.file.as_str(), e.line))
            .collect();
        assert_eq!(at, [("api/.env.example", 1), ("package.json", 3)]);
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("sk-do-not-print"));
    }

    /// F7: a manifest over the limit is skipped with a warning, without being read,
    /// and the walk never follows a symbolic link to a directory, so a loop of them
    /// ends. (Sparse files: the big one takes no disk space.)
    #[test]
    fn big_manifests_are_skipped_and_link_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("requirements.txt"), "openai==1\n").unwrap();
        std::fs::create_dir(dir.path().join("big")).unwrap();
        let big = std::fs::File::create(dir.path().join("big/requirements.txt")).unwrap();
        big.set_len(MAX_MANIFEST_BYTES + 1).unwrap();
        let lock = std::fs::File::create(dir.path().join("big/package-lock.json")).unwrap();
        lock.set_len(MAX_LOCKFILE_BYTES + 1).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(".", dir.path().join("a")).unwrap();
            std::os::unix::fs::symlink(".", dir.path().join("b")).unwrap();
            std::os::unix::fs::symlink("../big", dir.path().join("big/up")).unwrap();
        }
        let started = std::time::Instant::now();
        let report = scan(dir.path(), &Catalog::builtin()).unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        let ids: Vec<&str> = report.processors.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["openai"]);
        let warnings: Vec<(&str, &str)> = report
            .warnings
            .iter()
            .map(|w| (w.file.as_str(), w.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                (
                    "big/package-lock.json",
                    "is 33 MiB, larger than the 32 MiB a scan reads"
                ),
                (
                    "big/requirements.txt",
                    "is 2 MiB, larger than the 1 MiB a scan reads"
                ),
            ]
        );
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(scan(&dir.path().join("nope"), &Catalog::builtin()).is_err());
    }
}
