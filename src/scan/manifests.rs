//! Reading names out of manifests: one function per kind, each returning the names it
//! found with their line numbers, or why the file could not be read.
//!
//! TOML and the text formats are read line by line rather than parsed in full: only
//! the dependency tables matter, the line numbers come for free, and no new
//! dependency is needed. Lines that make no sense in a dependency table are reported.

use serde_json::Value;

use crate::catalog::Ecosystem;

/// A name found in a manifest, and the line (from 1) it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clue {
    pub ecosystem: Ecosystem,
    pub name: String,
    pub line: usize,
}

/// The kinds of file `scan` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    PackageJson,
    PackageLock,
    CargoToml,
    Requirements,
    Pyproject,
    GoMod,
    Gemfile,
    ComposerJson,
    EnvTemplate,
    ExtensionManifest,
    Podfile,
    PodfileLock,
    Gradle,
    VersionCatalog,
    Pubspec,
    PackageResolved,
    Compose,
    Terraform,
    Pulumi,
}

impl Kind {
    /// The kind of a file, from its name alone.
    pub fn of(file_name: &str) -> Option<Kind> {
        Some(match file_name {
            "package.json" => Kind::PackageJson,
            "package-lock.json" => Kind::PackageLock,
            "Cargo.toml" => Kind::CargoToml,
            "pyproject.toml" => Kind::Pyproject,
            "go.mod" => Kind::GoMod,
            "Gemfile" => Kind::Gemfile,
            "composer.json" => Kind::ComposerJson,
            ".env.example" | ".env.sample" | ".env.template" => Kind::EnvTemplate,
            "manifest.json" => Kind::ExtensionManifest,
            n if n.starts_with("requirements") && n.ends_with(".txt") => Kind::Requirements,
            "Podfile" => Kind::Podfile,
            "Podfile.lock" => Kind::PodfileLock,
            "build.gradle" | "build.gradle.kts" => Kind::Gradle,
            n if n.ends_with(".versions.toml") => Kind::VersionCatalog,
            "pubspec.yaml" => Kind::Pubspec,
            "Package.resolved" => Kind::PackageResolved,
            n if is_compose_file(n) => Kind::Compose,
            n if n.ends_with(".tf") => Kind::Terraform,
            n if n.starts_with("Pulumi.") && (n.ends_with(".yaml") || n.ends_with(".yml")) => {
                Kind::Pulumi
            }
            _ => return None,
        })
    }
}

/// `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml` and the like.
fn is_compose_file(name: &str) -> bool {
    let Some(stem) = name
        .strip_suffix(".yml")
        .or_else(|| name.strip_suffix(".yaml"))
    else {
        return false;
    };
    ["docker-compose", "compose"]
        .iter()
        .any(|base| stem == *base || stem.starts_with(&format!("{base}.")))
}

/// Names of dependencies (or variables) in one file of the given kind.
/// `ExtensionManifest` is read by [`extension_permissions`] instead, and Compose and
/// Pulumi files name no dependencies (their placements are `infra`'s).
pub fn clues(kind: Kind, text: &str) -> Result<Vec<Clue>, String> {
    match kind {
        Kind::PackageJson => json_keys(
            text,
            Ecosystem::Npm,
            &[
                "dependencies",
                "devDependencies",
                "optionalDependencies",
                "peerDependencies",
            ],
        ),
        Kind::PackageLock => package_lock(text),
        Kind::ComposerJson => json_keys(text, Ecosystem::Composer, &["require", "require-dev"]),
        Kind::CargoToml => cargo_toml(text),
        Kind::Pyproject => pyproject(text),
        Kind::Requirements => Ok(requirements(text)),
        Kind::GoMod => go_mod(text),
        Kind::Gemfile => Ok(gemfile(text)),
        Kind::EnvTemplate => Ok(env_names(text)),
        Kind::ExtensionManifest | Kind::Compose | Kind::Pulumi => Ok(Vec::new()),
        Kind::Podfile => Ok(super::mobile::podfile(text)),
        Kind::PodfileLock => Ok(super::mobile::podfile_lock(text)),
        Kind::Gradle => Ok(super::mobile::gradle(text)),
        Kind::VersionCatalog => Ok(super::mobile::version_catalog(text)),
        Kind::Pubspec => Ok(super::mobile::pubspec(text)),
        Kind::PackageResolved => super::mobile::package_resolved(text),
        Kind::Terraform => Ok(super::infra::terraform_providers(text)),
    }
}

pub(super) fn parse_json(text: &str) -> Result<serde_json::Map<String, Value>, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("is not a JSON object".to_owned()),
        Err(e) => Err(format!("line {}, column {}: {}", e.line(), e.column(), {
            let m = e.to_string();
            m.rfind(" at line ").map(|i| m[..i].to_owned()).unwrap_or(m)
        })),
    }
}

/// Line numbers of things found in document order. Each search starts where the
/// previous one ended and lines are counted only over the bytes passed, so naming
/// the line of every dependency reads the manifest once: linear, where searching
/// and counting from the start for each name was quadratic (16k dependencies took
/// seconds). JSON objects keep document order here (serde_json's `preserve_order`).
pub(super) struct Lines<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    /// Counting from byte `from` (the section the names are in).
    pub(super) fn from(text: &'a str, from: usize) -> Lines<'a> {
        let at = from.min(text.len());
        Lines {
            text,
            at,
            line: text[..at].matches('\n').count() + 1,
        }
    }

    /// Moves to byte `to` (at or after the current place); the line there.
    fn advance(&mut self, to: usize) -> usize {
        self.line += self.text[self.at..to].matches('\n').count();
        self.at = to;
        self.line
    }

    /// The line of the next `needle` that `fits` (given what follows it), moving
    /// past it; the current line if there is none.
    pub(super) fn next(&mut self, needle: &str, fits: impl Fn(&str) -> bool) -> usize {
        let mut start = self.at;
        while let Some(i) = self.text[start..].find(needle) {
            let at = start + i;
            let end = at + needle.len();
            if fits(&self.text[end..]) {
                let line = self.advance(at);
                self.advance(end);
                return line;
            }
            start = end;
        }
        self.line
    }

    /// The line of the next `"key":`.
    fn key(&mut self, key: &str) -> usize {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        self.next(&quoted, |rest| rest.trim_start().starts_with(':'))
    }
}

/// Where the `"section":` key is, so names are looked up inside it.
fn section_start(text: &str, section: &str) -> usize {
    let quoted = format!("\"{section}\"");
    text.find(&quoted).unwrap_or(0)
}

fn json_keys(text: &str, eco: Ecosystem, sections: &[&str]) -> Result<Vec<Clue>, String> {
    let map = parse_json(text)?;
    let mut out = Vec::new();
    for section in sections {
        let Some(deps) = map.get(*section) else {
            continue;
        };
        let Value::Object(deps) = deps else {
            return Err(format!("`{section}` is not an object"));
        };
        let mut lines = Lines::from(text, section_start(text, section));
        for name in deps.keys() {
            out.push(Clue {
                ecosystem: eco,
                name: name.clone(),
                line: lines.key(name),
            });
        }
    }
    Ok(out)
}

/// Only the project's own (direct) dependencies, from `packages[""]`: the rest of a
/// lockfile is what those pull in, which the product does not itself send data to.
fn package_lock(text: &str) -> Result<Vec<Clue>, String> {
    let map = parse_json(text)?;
    let Some(root) = map.get("packages").and_then(|p| p.get("")) else {
        return Ok(Vec::new());
    };
    let from = section_start(text, "packages");
    let mut out = Vec::new();
    for section in ["dependencies", "devDependencies", "optionalDependencies"] {
        if let Some(Value::Object(deps)) = root.get(section) {
            let mut lines = Lines::from(text, from);
            for name in deps.keys() {
                out.push(Clue {
                    ecosystem: Ecosystem::Npm,
                    name: name.clone(),
                    line: lines.key(name),
                });
            }
        }
    }
    Ok(out)
}

/// A line without its `#` comment (outside quotes), trimmed.
pub(super) fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') => return line[..i].trim(),
            _ => {}
        }
    }
    line.trim()
}

/// A TOML table header's name (`[a.b]` → `a.b`), or an error for a broken header.
fn toml_header(line: &str, number: usize) -> Result<Option<String>, String> {
    if !line.starts_with('[') {
        return Ok(None);
    }
    let inner = line.trim_start_matches('[');
    match inner.find(']') {
        Some(end) => Ok(Some(
            inner[..end]
                .split('.')
                .map(|s| s.trim().trim_matches('"').trim_matches('\''))
                .collect::<Vec<_>>()
                .join("."),
        )),
        None => Err(format!(
            "line {number}: table header `{line}` is not closed with ]"
        )),
    }
}

/// The key of a `key = value` line (`serde`, `"serde"`, `serde.workspace`→`serde`).
fn toml_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    let key = key
        .split('.')
        .next()?
        .trim()
        .trim_matches('"')
        .trim_matches('\'');
    (!key.is_empty()).then_some(key)
}

fn cargo_toml(text: &str) -> Result<Vec<Clue>, String> {
    let mut out = Vec::new();
    // Some(true): a dependency table of `name = ...` lines; Some(false): one
    // dependency's own table (`[dependencies.serde]`), already recorded.
    let mut in_deps = None;
    let mut open_brackets = 0i32;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        if open_brackets > 0 {
            open_brackets += bracket_balance(line);
            continue;
        }
        if let Some(header) = toml_header(line, number)? {
            let parts: Vec<&str> = header.split('.').collect();
            in_deps = None;
            if let Some(pos) = parts.iter().position(|p| p.ends_with("dependencies")) {
                match parts.get(pos + 1) {
                    None => in_deps = Some(true),
                    Some(name) => {
                        in_deps = Some(false);
                        out.push(clue(Ecosystem::Crates, name, number));
                    }
                }
            }
            continue;
        }
        let balance = bracket_balance(line);
        if in_deps == Some(true) {
            match toml_key(line) {
                Some(key) => out.push(clue(Ecosystem::Crates, key, number)),
                None => {
                    return Err(format!(
                        "line {number}: expected `name = ...`, found `{line}`"
                    ));
                }
            }
        }
        open_brackets = balance.max(0);
    }
    Ok(out)
}

/// How many more `[` than `]` a line opens, outside quotes (multi-line arrays).
fn bracket_balance(line: &str) -> i32 {
    let mut quote = None;
    let mut n = 0;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '[') => n += 1,
            (None, ']') => n -= 1,
            _ => {}
        }
    }
    n
}

pub(super) fn clue(ecosystem: Ecosystem, name: &str, line: usize) -> Clue {
    Clue {
        ecosystem,
        name: name.to_owned(),
        line,
    }
}

/// The distribution name at the start of a requirement (`openai>=1.0; python_version>"3"`).
fn requirement_name(req: &str) -> Option<&str> {
    let req = req.trim();
    let end = req
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(req.len());
    let name = &req[..end];
    (!name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(name)
}

fn requirements(text: &str) -> Vec<Clue> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.split(" #").next().unwrap_or("").trim();
            if line.is_empty()
                || line.starts_with('#')
                || line.starts_with('-')
                || (line.contains("://") && !line.contains('@'))
            {
                return None;
            }
            requirement_name(line).map(|n| clue(Ecosystem::Pypi, n, i + 1))
        })
        .collect()
}

/// `[project] dependencies`, `[project.optional-dependencies]`, `[dependency-groups]`
/// (arrays of requirement strings) and Poetry's `[tool.poetry.*dependencies]` (keys).
fn pyproject(text: &str) -> Result<Vec<Clue>, String> {
    #[derive(PartialEq)]
    enum Table {
        Other,
        Project,
        Arrays,
        Poetry,
    }
    let mut out = Vec::new();
    let mut table = Table::Other;
    // How deep inside a requirements array the current line is.
    let mut depth = 0;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        if depth > 0 {
            strings_in(line, number, &mut out);
            depth += bracket_balance(line);
            continue;
        }
        if let Some(header) = toml_header(line, number)? {
            table = match header.as_str() {
                "project" => Table::Project,
                "project.optional-dependencies" | "dependency-groups" => Table::Arrays,
                h if h.starts_with("tool.poetry") && h.ends_with("dependencies") => Table::Poetry,
                _ => Table::Other,
            };
            continue;
        }
        let key = toml_key(line);
        let value = line.split_once('=').map(|(_, v)| v.trim()).unwrap_or("");
        let array_here = match table {
            Table::Project => key == Some("dependencies"),
            Table::Arrays => key.is_some(),
            Table::Poetry => {
                if let Some(k) = key
                    && k != "python"
                {
                    out.push(clue(Ecosystem::Pypi, k, number));
                }
                false
            }
            Table::Other => false,
        };
        if array_here && value.starts_with('[') {
            strings_in(value, number, &mut out);
            depth = bracket_balance(value).max(0);
        }
    }
    Ok(out)
}

/// Every quoted requirement string on a line.
fn strings_in(line: &str, number: usize, out: &mut Vec<Clue>) {
    let mut rest = line;
    while let Some(start) = rest.find(['"', '\'']) {
        let q = rest.as_bytes()[start] as char;
        let after = &rest[start + 1..];
        let Some(end) = after.find(q) else {
            break;
        };
        if let Some(name) = requirement_name(&after[..end]) {
            out.push(clue(Ecosystem::Pypi, name, number));
        }
        rest = &after[end + 1..];
    }
}

/// Direct requirements only: `// indirect` ones are what dependencies pull in.
fn go_mod(text: &str) -> Result<Vec<Clue>, String> {
    let mut out = Vec::new();
    let mut block_start = None;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let indirect = raw.contains("// indirect");
        let line = raw.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if block_start.is_some() {
            if line == ")" {
                block_start = None;
            } else if !indirect && let Some(path) = line.split_whitespace().next() {
                out.push(clue(Ecosystem::Go, path, number));
            }
            continue;
        }
        let mut words = line.split_whitespace();
        if words.next() == Some("require") {
            match words.next() {
                Some("(") => block_start = Some(number),
                Some(path) if !indirect => out.push(clue(Ecosystem::Go, path, number)),
                _ => {}
            }
        }
    }
    match block_start {
        Some(n) => Err(format!("line {n}: `require (` is never closed")),
        None => Ok(out),
    }
}

fn gemfile(text: &str) -> Vec<Clue> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let rest = raw.trim().strip_prefix("gem")?;
            let rest = rest
                .strip_prefix(|c: char| c.is_whitespace() || c == '(')?
                .trim_start();
            let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let name = rest[1..].split(q).next()?;
            (!name.is_empty()).then(|| clue(Ecosystem::Rubygems, name, i + 1))
        })
        .collect()
}

/// Variable names only: values are never looked at, let alone kept.
fn env_names(text: &str) -> Vec<Clue> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.trim();
            let line = line.strip_prefix("export ").unwrap_or(line);
            let (name, _) = line.split_once('=')?;
            let name = name.trim();
            let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            valid.then(|| clue(Ecosystem::Env, name, i + 1))
        })
        .collect()
}

/// A permission a browser extension's manifest asks for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ManifestPermission {
    pub name: String,
    /// `permissions`, `optional_permissions` or `host_permissions`.
    pub list: &'static str,
    pub line: usize,
}

/// The permissions of a browser extension's `manifest.json`; `Ok(None)` when the file
/// is some other `manifest.json` (a web app manifest has no `manifest_version`).
pub fn extension_permissions(text: &str) -> Result<Option<Vec<ManifestPermission>>, String> {
    let map = parse_json(text)?;
    if !map.contains_key("manifest_version") {
        return Ok(None);
    }
    let mut out = Vec::new();
    for list in ["permissions", "optional_permissions", "host_permissions"] {
        let Some(value) = map.get(list) else {
            continue;
        };
        let Value::Array(items) = value else {
            return Err(format!("`{list}` is not a list"));
        };
        let mut lines = Lines::from(text, section_start(text, list));
        for item in items {
            let Value::String(name) = item else {
                return Err(format!("`{list}` holds something that is not a string"));
            };
            let quoted = serde_json::to_string(name).unwrap_or_default();
            out.push(ManifestPermission {
                name: name.clone(),
                list,
                line: lines.next(&quoted, |_| true),
            });
        }
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(kind: Kind, text: &str) -> Vec<(String, usize)> {
        clues(kind, text)
            .unwrap()
            .into_iter()
            .map(|c| (c.name, c.line))
            .collect()
    }

    fn pairs(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(n, l)| (n.to_string(), *l)).collect()
    }

    #[test]
    fn cargo_toml_tables_and_dotted_keys() {
        let text = "[package]\nname = \"x\"\n\n[dependencies]\nasync-stripe = { version = \"0.39\" }\nserde.workspace = true\n\n[target.'cfg(unix)'.dependencies]\n\"sentry\" = \"0.34\"\n\n[dev-dependencies.aws-config]\nversion = \"1\"\nfeatures = [\n  \"a\",\n]\n";
        assert_eq!(
            names(Kind::CargoToml, text),
            pairs(&[
                ("async-stripe", 5),
                ("serde", 6),
                ("sentry", 9),
                ("aws-config", 11)
            ])
        );
        assert!(
            clues(Kind::CargoToml, "[dependencies\nx = 1")
                .unwrap_err()
                .contains("line 1")
        );
    }

    #[test]
    fn pyproject_pep621_groups_and_poetry() {
        let text = "[project]\nname = \"x\"\ndependencies = [\n  \"openai>=1.0\",\n  'Sentry_SDK[flask]; python_version > \"3.8\"',\n]\n\n[project.optional-dependencies]\nai = [\"anthropic\"]\n\n[tool.poetry.dependencies]\npython = \"^3.11\"\nstripe = \"^8\"\n";
        assert_eq!(
            names(Kind::Pyproject, text),
            pairs(&[
                ("openai", 4),
                ("Sentry_SDK", 5),
                ("anthropic", 9),
                ("stripe", 13)
            ])
        );
    }

    #[test]
    fn requirements_go_mod_gemfile_and_env() {
        assert_eq!(
            names(
                Kind::Requirements,
                "# c\n-r base.txt\nopenai==1.2  # x\n\nboto3\n"
            ),
            pairs(&[("openai", 3), ("boto3", 5)])
        );
        let go = "module x\n\nrequire github.com/stripe/stripe-go/v76 v76.0.0\nrequire (\n\tgithub.com/getsentry/sentry-go v0.27.0\n\tgithub.com/aws/aws-sdk-go-v2 v1.0.0 // indirect\n)\n";
        assert_eq!(
            names(Kind::GoMod, go),
            pairs(&[
                ("github.com/stripe/stripe-go/v76", 3),
                ("github.com/getsentry/sentry-go", 5)
            ])
        );
        assert!(
            clues(Kind::GoMod, "require (\n a v1\n")
                .unwrap_err()
                .contains("never closed")
        );
        assert_eq!(
            names(
                Kind::Gemfile,
                "source 'https://rubygems.org'\ngem 'stripe', '~> 10'\n  gem \"sentry-ruby\"\ngemspec\n"
            ),
            pairs(&[("stripe", 2), ("sentry-ruby", 3)])
        );
        assert_eq!(
            names(
                Kind::EnvTemplate,
                "# keys\nSTRIPE_SECRET_KEY=sk_test_123\nexport OPENAI_API_KEY=\nnot a var\n"
            ),
            pairs(&[("STRIPE_SECRET_KEY", 2), ("OPENAI_API_KEY", 3)])
        );
    }

    #[test]
    fn json_manifests_with_lines() {
        let text = "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"stripe\": \"^14\"\n  },\n  \"devDependencies\": {\"@sentry/node\": \"8\"}\n}\n";
        assert_eq!(
            names(Kind::PackageJson, text),
            pairs(&[("stripe", 4), ("@sentry/node", 6)])
        );
        assert!(
            clues(Kind::PackageJson, "{\"dependencies\": {,}}")
                .unwrap_err()
                .contains("line 1")
        );
        let lock = "{\n  \"packages\": {\n    \"\": {\n      \"dependencies\": {\n        \"openai\": \"^4\"\n      }\n    },\n    \"node_modules/openai\": {}\n  }\n}\n";
        assert_eq!(names(Kind::PackageLock, lock), pairs(&[("openai", 5)]));
    }

    /// F7: naming the line of each of 20,000 dependencies reads the file once. The
    /// quadratic search took about 12 s of CPU for this in a debug build; now 0.3 s.
    #[test]
    fn many_dependencies_are_found_in_linear_time() {
        let n = 20_000;
        let mut text = String::from("{\n  \"dependencies\": {\n");
        for i in 0..n {
            text.push_str(&format!("    \"dep-{i}\": \"1\",\n"));
        }
        text.push_str("    \"stripe\": \"1\"\n  }\n}\n");
        let started = std::time::Instant::now();
        let found = names(Kind::PackageJson, &text);
        let took = started.elapsed();
        assert_eq!(found.len(), n + 1);
        assert_eq!(found[n], ("stripe".to_owned(), n + 3));
        assert_eq!(found[7], ("dep-7".to_owned(), 10));
        assert!(took < std::time::Duration::from_secs(3), "took {took:?}");
    }

    #[test]
    fn kinds_of_mobile_and_infrastructure_files() {
        for (name, kind) in [
            ("Podfile", Some(Kind::Podfile)),
            ("Podfile.lock", Some(Kind::PodfileLock)),
            ("build.gradle", Some(Kind::Gradle)),
            ("build.gradle.kts", Some(Kind::Gradle)),
            ("libs.versions.toml", Some(Kind::VersionCatalog)),
            ("pubspec.yaml", Some(Kind::Pubspec)),
            ("Package.resolved", Some(Kind::PackageResolved)),
            ("docker-compose.yml", Some(Kind::Compose)),
            ("docker-compose.prod.yaml", Some(Kind::Compose)),
            ("compose.yaml", Some(Kind::Compose)),
            ("composer.json", Some(Kind::ComposerJson)),
            ("compose-notes.yml", None),
            ("main.tf", Some(Kind::Terraform)),
            ("main.tfvars", None),
            ("Pulumi.yaml", Some(Kind::Pulumi)),
            ("Pulumi.prod.yaml", Some(Kind::Pulumi)),
            ("settings.gradle", None),
        ] {
            assert_eq!(Kind::of(name), kind, "{name}");
        }
    }

    #[test]
    fn extension_manifests_and_other_manifests() {
        let text = "{\n  \"manifest_version\": 3,\n  \"permissions\": [\"storage\",\n    \"activeTab\"],\n  \"host_permissions\": [\"<all_urls>\"]\n}\n";
        let perms = extension_permissions(text).unwrap().unwrap();
        let got: Vec<(&str, &str, usize)> = perms
            .iter()
            .map(|p| (p.name.as_str(), p.list, p.line))
            .collect();
        assert_eq!(
            got,
            [
                ("storage", "permissions", 3),
                ("activeTab", "permissions", 4),
                ("<all_urls>", "host_permissions", 5)
            ]
        );
        assert_eq!(extension_permissions("{\"name\": \"PWA\"}").unwrap(), None);
        assert!(extension_permissions("{\"manifest_version\": 3,").is_err());
    }
}
