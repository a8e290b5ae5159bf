//! The processor catalog: services small products commonly use, what each does with
//! personal data, and the package and variable names that reveal it in code.
//!
//! The built-in catalog is `assets/processors.json`, embedded in the binary; an
//! operator's `<data dir>/processors.json` (same format) adds entries or replaces
//! built-in ones by id. This module owns loading, checking and searching the catalog,
//! and filling in answers that refer to it ([`resolve`]), which the interviews show
//! beforehand as the defaults of the fields it fills ([`defaults`]). It knows nothing of
//! terminals, and it does not walk directories (that is `scan`'s job).

mod entry;
pub mod record;
mod resolve;

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use entry::{Ecosystem, Entry, ScanKeys};
pub use resolve::{defaults, defaults_for, needs_catalog, resolve};

use crate::answers::Problem;
use crate::answers::validate::{is_id, is_web_url};

/// The built-in catalog, as shipped.
pub const BUILTIN_TEXT: &str = include_str!("../../assets/processors.json");

/// The operator's own catalog, in the data directory.
pub const OPERATOR_FILE: &str = "processors.json";

/// Why a catalog could not be used. The caller adds nothing: every variant says where.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}:{line}:{column}: {path}: {message}")]
    Field {
        origin: String,
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: {}", crate::answers::list_problems(.problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
    #[error("{}: {message}", .path.display())]
    Io { path: PathBuf, message: String },
}

/// The file's shape: `{"processors": [ ... ]}`, room for more keys later.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    processors: Vec<Entry>,
}

/// The catalog: entries sorted by id, ids unique.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    entries: Vec<Entry>,
}

impl Catalog {
    /// A catalog with no entries: for answers that refer to none.
    pub fn empty() -> Catalog {
        Catalog {
            entries: Vec::new(),
        }
    }

    /// The built-in catalog with the operator's `<data dir>/processors.json` over it;
    /// just the built-in one when there is no data directory at all.
    pub fn for_operator() -> Result<Catalog, CatalogError> {
        match crate::store::data_dir() {
            Ok(dir) => Catalog::load(&dir),
            Err(_) => Ok(Catalog::builtin()),
        }
    }

    /// The built-in catalog alone. Its validity is a test, so a broken asset never ships.
    pub fn builtin() -> Catalog {
        let entries = parse(BUILTIN_TEXT, "assets/processors.json")
            .expect("the built-in catalog parses (see catalog tests)");
        Catalog::from_entries(entries)
    }

    /// The built-in catalog, parsed once: for conditions asked often (each question's
    /// `applies`), which cannot parse it each time.
    pub fn builtin_shared() -> &'static Catalog {
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Catalog::builtin)
    }

    /// The built-in catalog with the operator's `<data_dir>/processors.json` laid over
    /// it, if that file exists. A malformed or invalid operator file is an error that
    /// names the file, line and column: silently ignoring it would render policies
    /// without the operator's corrections.
    pub fn load(data_dir: &Path) -> Result<Catalog, CatalogError> {
        let path = data_dir.join(OPERATOR_FILE);
        let mut catalog = Catalog::builtin();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(catalog),
            Err(e) => {
                return Err(CatalogError::Io {
                    message: crate::store::describe_io(&e),
                    path,
                });
            }
        };
        let origin = path.display().to_string();
        let own = parse(&text, &origin)?;
        let problems = problems(&own);
        if !problems.is_empty() {
            return Err(CatalogError::Invalid { origin, problems });
        }
        catalog.overlay(own);
        Ok(catalog)
    }

    /// A catalog of exactly these entries (sorted by id; a later duplicate wins).
    pub fn from_entries(entries: Vec<Entry>) -> Catalog {
        let mut catalog = Catalog {
            entries: Vec::new(),
        };
        catalog.overlay(entries);
        catalog
    }

    /// Adds entries, replacing any with the same id whole: an operator's entry is
    /// their statement of the facts, not a patch on ours.
    fn overlay(&mut self, entries: Vec<Entry>) {
        for entry in entries {
            match self.entries.binary_search_by(|e| e.id.cmp(&entry.id)) {
                Ok(i) => self.entries[i] = entry,
                Err(i) => self.entries.insert(i, entry),
            }
        }
    }

    /// Every entry, by id.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// Entries whose id, name, role or typical data mention `query` (case-insensitive),
    /// by id. An empty query matches everything.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let query = query.trim().to_lowercase();
        self.entries.iter().filter(|e| e.mentions(&query)).collect()
    }

    /// The known id closest to a mistyped one, if any is close.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        self.entries
            .iter()
            .map(|e| (strsim::jaro_winkler(&e.id, id), e.id.as_str()))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }

    /// The entries a package or variable name reveals: the best-matching ones only
    /// (an exact name beats a prefix, a longer prefix a shorter one), by id.
    pub fn lookup(&self, ecosystem: Ecosystem, name: &str) -> Vec<&Entry> {
        let name = ecosystem.normalize(name);
        let scored: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| e.scan.score(ecosystem, &name).map(|s| (s, e)))
            .collect();
        let best = scored.iter().map(|(s, _)| *s).max();
        scored
            .into_iter()
            .filter(|(s, _)| Some(*s) == best)
            .map(|(_, e)| e)
            .collect()
    }

    /// Every problem with the catalog's entries (see [`problems`]).
    pub fn problems(&self) -> Vec<Problem> {
        problems(&self.entries)
    }
}

/// Reads catalog text; errors carry `origin:line:column` and the entry's path.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Entry>, CatalogError> {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        return Err(CatalogError::Syntax {
            origin: origin.to_owned(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, File>(&mut de)
        .map(|f| f.processors)
        .map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            CatalogError::Field {
                origin: origin.to_owned(),
                path,
                line: inner.line(),
                column: inner.column(),
                message: strip_position(&inner.to_string()),
            }
        })
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// What makes entries unusable: bad or repeated ids, empty required text, links that
/// are not web addresses, sources without a `checked` date, `unchecked` naming a fact
/// the entry does not state, scan names that are empty or put `*` anywhere but the end,
/// and the same exact scan name claimed by two entries (a scan could not tell which).
/// Countries, roles and safeguards are checked by their types while parsing.
pub fn problems(entries: &[Entry]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut claimed: std::collections::HashMap<(Ecosystem, String), &str> = Default::default();
    for (i, e) in entries.iter().enumerate() {
        let at = |field: &str| format!("processors[{i}].{field}");
        if !is_id(&e.id) {
            out.push(Problem::new(
                at("id"),
                format!(
                    "`{}` is not a usable id; use lowercase letters, digits, - and _",
                    e.id
                ),
            ));
        } else if !seen.insert(e.id.as_str()) {
            out.push(Problem::new(
                at("id"),
                format!("`{}` is used by an earlier entry too", e.id),
            ));
        }
        for (field, value) in [("name", &e.name), ("used_for", &e.used_for)] {
            if value.trim().is_empty() {
                out.push(Problem::new(at(field), "is required and is empty"));
            }
        }
        let regional = e
            .privacy_policies
            .iter()
            .map(|(r, v)| (format!("privacy_policies.{}", r.key()), Some(v)));
        let links = [
            ("privacy_policy", e.privacy_policy.as_ref()),
            ("dpa", e.dpa.as_ref()),
        ]
        .into_iter()
        .map(|(f, v)| (f.to_owned(), v))
        .chain(regional);
        for (field, value) in links {
            if let Some(v) = value
                && !is_web_url(v)
            {
                out.push(Problem::new(
                    at(&field),
                    format!("`{v}` is not a web address"),
                ));
            }
        }
        for (j, url) in e.sources.iter().enumerate() {
            if !is_web_url(url) {
                out.push(Problem::new(
                    at(&format!("sources[{j}]")),
                    format!("`{url}` is not a web address"),
                ));
            }
        }
        if !e.sources.is_empty() && e.checked.is_none() {
            out.push(Problem::new(
                at("sources"),
                "names what the facts were checked against, but `checked` gives no date",
            ));
        }
        for (j, fact) in e.unchecked.iter().enumerate() {
            let problem = if !entry::FACTS.contains(&fact.as_str()) {
                format!("`{fact}` is not one of {}", entry::FACTS.join(", "))
            } else if !e.states(fact) {
                format!("`{fact}` is listed as unchecked but the entry gives none")
            } else {
                continue;
            };
            out.push(Problem::new(at(&format!("unchecked[{j}]")), problem));
        }
        for eco in Ecosystem::ALL {
            for (j, key) in e.scan.get(eco).iter().enumerate() {
                let path = format!("processors[{i}].scan.{}[{j}]", eco.key());
                let stem = key.strip_suffix('*').unwrap_or(key);
                if stem.is_empty() || stem.contains('*') || key.trim() != key {
                    out.push(Problem::new(
                        path,
                        format!("`{key}` is not a name, or a prefix ending in *"),
                    ));
                } else if !key.ends_with('*')
                    && let Some(other) = claimed.insert((eco, eco.normalize(key)), &e.id)
                    && other != e.id
                {
                    out.push(Problem::new(
                        path,
                        format!("`{key}` is also claimed by `{other}`"),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::values::Date;

    fn entry(id: &str) -> Entry {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "role": "other", "used_for": "x", "checked": "2026-01-01"
        }))
        .unwrap()
    }

    #[test]
    fn the_builtin_catalog_parses_and_is_sorted() {
        let c = Catalog::builtin();
        let ids: Vec<&str> = c.entries().iter().map(|e| e.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert!(c.get("stripe").is_some());
        assert!(c.get("strpe").is_none());
        assert_eq!(c.suggest("strpe"), Some("stripe"));
    }

    /// The shipped asset: at least 60 entries, no problem, and every scan name leads
    /// back to an entry that exists (through the same lookup `scan` uses).
    #[test]
    fn the_builtin_catalog_is_valid() {
        let c = Catalog::builtin();
        assert!(c.entries().len() >= 150, "{} entries", c.entries().len());
        assert_eq!(c.problems(), vec![], "assets/processors.json");
        for e in c.entries() {
            for eco in Ecosystem::ALL {
                for key in e.scan.get(eco) {
                    let name = key.trim_end_matches('*').to_owned() + "x";
                    let name = if key.ends_with('*') {
                        name
                    } else {
                        key.clone()
                    };
                    let found = c.lookup(eco, &name);
                    assert!(!found.is_empty(), "{}: {key}", e.id);
                    assert!(found.iter().all(|f| c.get(&f.id).is_some()));
                }
            }
            for url in [&e.privacy_policy, &e.dpa]
                .into_iter()
                .flatten()
                .chain(e.privacy_policies.values())
            {
                assert!(url.starts_with("https://"), "{}: {url}", e.id);
            }
        }
        // One entry per block, so a reviewer reads one service at a time.
        assert_eq!(BUILTIN_TEXT.matches("\n    {\n").count(), c.entries().len());
    }

    #[test]
    fn search_looks_at_name_id_role_and_data() {
        let c = Catalog::builtin();
        let ids = |q: &str| -> Vec<String> { c.search(q).iter().map(|e| e.id.clone()).collect() };
        assert!(ids("mail").contains(&"postmark".to_owned()), "role label");
        assert!(ids("STRIPE").contains(&"stripe".to_owned()));
        assert!(ids("phone numbers").contains(&"twilio".to_owned()), "data");
        assert!(ids("payments").contains(&"paddle".to_owned()), "role key");
        assert!(ids("no such thing at all").is_empty());
        assert_eq!(c.search("").len(), c.entries().len());
    }

    #[test]
    fn lookup_prefers_the_most_specific_mapping() {
        let c = Catalog::builtin();
        let ids = |eco, name| -> Vec<String> {
            c.lookup(eco, name).iter().map(|e| e.id.clone()).collect()
        };
        assert_eq!(ids(Ecosystem::Npm, "@aws-sdk/client-ses"), ["amazon-ses"]);
        assert_eq!(ids(Ecosystem::Npm, "@aws-sdk/client-s3"), ["aws"]);
        assert_eq!(
            ids(Ecosystem::Npm, "@azure/msal-node"),
            ["microsoft-sign-in"]
        );
        assert_eq!(ids(Ecosystem::Pypi, "Sentry_SDK"), ["sentry"]);
        assert_eq!(ids(Ecosystem::Env, "STRIPE_SECRET_KEY"), ["stripe"]);
        assert_eq!(
            ids(Ecosystem::Go, "github.com/stripe/stripe-go/v76"),
            ["stripe"]
        );
        assert_eq!(
            ids(Ecosystem::Npm, "@vercel/analytics"),
            ["vercel-analytics"]
        );
        assert_eq!(ids(Ecosystem::Npm, "@vercel/og"), ["vercel"]);
        assert_eq!(
            ids(
                Ecosystem::Maven,
                "com.google.firebase:firebase-crashlytics-ktx"
            ),
            ["firebase-crashlytics"]
        );
        assert_eq!(
            ids(Ecosystem::Cocoapods, "Firebase/Messaging"),
            ["firebase-cloud-messaging"]
        );
        assert_eq!(
            ids(
                Ecosystem::Swiftpm,
                "https://github.com/RevenueCat/purchases-ios.git"
            ),
            ["revenuecat"]
        );
        assert_eq!(ids(Ecosystem::PubDev, "onesignal_flutter"), ["onesignal"]);
        assert_eq!(ids(Ecosystem::Terraform, "scaleway/scaleway"), ["scaleway"]);
        // A package for both stores' billing reveals both.
        assert_eq!(
            ids(Ecosystem::Npm, "react-native-iap"),
            ["app-store-billing", "google-play-billing"]
        );
        assert_eq!(
            ids(Ecosystem::PubDev, "in_app_purchase_android"),
            ["google-play-billing"]
        );
        assert!(ids(Ecosystem::Npm, "left-pad").is_empty());
    }

    #[test]
    fn operator_entries_add_and_replace() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(OPERATOR_FILE),
            r#"{"processors": [
                {"id": "stripe", "name": "Stripe (our contract)", "role": "payments", "used_for": "billing", "checked": "2026-01-01"},
                {"id": "acme-mail", "name": "Acme Mail", "role": "messaging", "used_for": "sends e-mail", "checked": "2026-01-01"}
            ]}"#,
        )
        .unwrap();
        let c = Catalog::load(dir.path()).unwrap();
        assert_eq!(c.get("stripe").unwrap().name, "Stripe (our contract)");
        assert!(c.get("stripe").unwrap().scan.is_empty(), "replaced whole");
        assert_eq!(c.get("acme-mail").unwrap().name, "Acme Mail");
        assert_eq!(c.entries().len(), Catalog::builtin().entries().len() + 1);
    }

    #[test]
    fn a_missing_operator_file_is_the_builtin_catalog() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Catalog::load(dir.path()).unwrap(), Catalog::builtin());
    }

    #[test]
    fn malformed_operator_files_say_where() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(OPERATOR_FILE);
        std::fs::write(&path, "{\"processors\": [\n  {\"id\": \"x\",}\n]}").unwrap();
        let e = Catalog::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("processors.json:2:"), "{e}");
        assert!(e.contains("trailing comma"), "{e}");

        std::fs::write(
            &path,
            "{\"processors\": [\n  {\"id\": \"x\", \"name\": \"X\", \"role\": \"spaceship\", \"used_for\": \"x\", \"checked\": \"2026-01-01\"}\n]}",
        )
        .unwrap();
        let e = Catalog::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("processors.json:2:"), "{e}");
        assert!(e.contains("processors[0].role"), "{e}");

        std::fs::write(
            &path,
            r#"{"processors": [{"id": "x", "name": "", "role": "other", "used_for": "x", "checked": "2026-01-01", "privacy_policy": "x.com"}]}"#,
        )
        .unwrap();
        let e = Catalog::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("processors[0].name: is required"), "{e}");
        assert!(e.contains("processors[0].privacy_policy"), "{e}");
    }

    #[test]
    fn problems_catch_bad_sources_and_unchecked_facts() {
        let mut a = entry("a");
        a.sources = vec!["https://a.example/dpa".into(), "a.example".into()];
        a.legal_entity = Some("A Ltd".into());
        a.unchecked = vec!["legal_entity".into(), "dpa".into(), "colour".into()];
        let mut b = entry("b");
        b.checked = None;
        b.sources = vec!["https://b.example/privacy".into()];
        let found: Vec<(String, String)> = problems(&[a, b])
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect();
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "processors[0].sources[1]",
                "processors[0].unchecked[1]",
                "processors[0].unchecked[2]",
                "processors[1].sources"
            ],
            "{found:?}"
        );
        assert!(found[1].1.contains("gives none"));
        assert!(found[2].1.contains("not one of legal_entity"));
    }

    /// Every entry added after the first check names what it was checked against, so
    /// its date means something; a fact the sources did not confirm is listed.
    #[test]
    fn dated_entries_added_since_the_first_check_name_their_sources() {
        let first_check: Date = "2026-11-22".parse().unwrap();
        for e in Catalog::builtin().entries() {
            if let Some(date) = &e.checked
                && *date > first_check
            {
                assert!(
                    !e.sources.is_empty(),
                    "{} is dated but names no source",
                    e.id
                );
            }
        }
    }

    #[test]
    fn problems_catch_duplicates_and_bad_scan_names() {
        let mut a = entry("a");
        a.scan.npm = vec!["shared".into(), "mid*dle".into()];
        let mut b = entry("b");
        b.scan.npm = vec!["shared".into()];
        let paths: Vec<String> = problems(&[a, b, entry("a")])
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            [
                "processors[0].scan.npm[1]",
                "processors[1].scan.npm[0]",
                "processors[2].id"
            ]
        );
    }
}
