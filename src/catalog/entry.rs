//! One catalog entry: a service, what it does with personal data, and how to spot it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::answers::values::{Country, Date};
use crate::answers::vocab::{ProcessorRole, RecipientControl, Region, Safeguard};

/// A service small products commonly use, as `assets/processors.json` describes it.
///
/// Only `id`, `name`, `role` and `used_for` are required: a fact nobody could
/// confirm is left out rather than guessed, and the operator fills it in their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The key answers refer to (`"catalog": "stripe"`).
    pub id: String,
    /// The name users know.
    pub name: String,
    /// The company that contracts with most operators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_entity: Option<String>,
    /// The company that contracts with operators established in a region, where it
    /// differs from `legal_entity` (e.g. an Irish subsidiary for the EEA).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legal_entities: BTreeMap<Region, String>,
    /// The job it does; the policy groups recipients by it.
    pub role: ProcessorRole,
    /// What a product uses it for, completing "<name> ..." in the policy's purpose column.
    pub used_for: String,
    /// The personal data it typically receives, as short phrases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<String>,
    /// Where it processes data, when that is fixed and published (not chosen by the customer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    /// It processes data in data centres around the world, wherever a user is nearest
    /// (a CDN or edge network), as its own documents say.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub worldwide: bool,
    /// How it makes transfers out of the EEA lawful, most specific first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfer: Vec<Safeguard>,
    /// Promises it makes that a policy may repeat ("does not train on API data").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<String>,
    /// Its privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<String>,
    /// The privacy policy that goes with the company of a region, where it differs
    /// from `privacy_policy` (legal review §4: OpenAI's Irish entity was shown with
    /// its rest-of-world policy).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub privacy_policies: BTreeMap<Region, String>,
    /// Its data processing agreement (addendum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpa: Option<String>,
    /// Whether it receives data as an independent controller, in whole (a merchant of
    /// record, a sign-in provider) or in part (a payment provider's own fraud checks),
    /// rather than only as the operator's processor; absent, the catalog says nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<RecipientControl>,
    /// What the operator should know when using the entry (not rendered in policies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When a person last checked the entry against the service's own documents;
    /// absent while nobody has (its facts are then the catalog authors' best
    /// knowledge, to confirm before relying on them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Date>,
    /// The documents (web addresses) the facts were checked against on `checked`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Facts (by field name, from [`FACTS`]) that the `checked` sources did not
    /// confirm: the catalog authors' best knowledge, kept so an operator knows where
    /// to look, but never filled into a policy (see [`Entry::confirms`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<String>,
    /// How `scan` recognises the service in a product's code.
    #[serde(default, skip_serializing_if = "ScanKeys::is_empty")]
    pub scan: ScanKeys,
}

/// Package and variable names that reveal a service, per ecosystem. A name ending in
/// `*` matches every name that starts with the rest (`@sentry/*`, `STRIPE_*`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanKeys {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub npm: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crates: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pypi: Vec<String>,
    /// Go module paths; a path also matches its subpackages and major versions (`/v76`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub go: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rubygems: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composer: Vec<String>,
    /// CocoaPods pod names (`Podfile`, `Podfile.lock`), subspecs included
    /// (`Firebase/Crashlytics`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cocoapods: Vec<String>,
    /// Maven coordinates `group:artifact` (Gradle build files and version catalogs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maven: Vec<String>,
    /// Dart and Flutter packages (`pubspec.yaml`); the key is `pub`.
    #[serde(rename = "pub", default, skip_serializing_if = "Vec::is_empty")]
    pub pub_dev: Vec<String>,
    /// Swift packages by repository, `github.com/owner/repo` (`Package.resolved`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub swiftpm: Vec<String>,
    /// Terraform provider source addresses, `namespace/type` (`hashicorp/aws`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terraform: Vec<String>,
    /// Environment-variable names, as found in `.env.example` and friends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<String>,
}

/// Where a name that reveals a service was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Npm,
    Crates,
    Pypi,
    Go,
    Rubygems,
    Composer,
    Cocoapods,
    Maven,
    #[serde(rename = "pub")]
    PubDev,
    Swiftpm,
    Terraform,
    Env,
}

impl Ecosystem {
    pub const ALL: [Ecosystem; 12] = [
        Ecosystem::Npm,
        Ecosystem::Crates,
        Ecosystem::Pypi,
        Ecosystem::Go,
        Ecosystem::Rubygems,
        Ecosystem::Composer,
        Ecosystem::Cocoapods,
        Ecosystem::Maven,
        Ecosystem::PubDev,
        Ecosystem::Swiftpm,
        Ecosystem::Terraform,
        Ecosystem::Env,
    ];

    /// The key in the catalog's `scan` object.
    pub fn key(self) -> &'static str {
        match self {
            Ecosystem::Npm => "npm",
            Ecosystem::Crates => "crates",
            Ecosystem::Pypi => "pypi",
            Ecosystem::Go => "go",
            Ecosystem::Rubygems => "rubygems",
            Ecosystem::Composer => "composer",
            Ecosystem::Cocoapods => "cocoapods",
            Ecosystem::Maven => "maven",
            Ecosystem::PubDev => "pub",
            Ecosystem::Swiftpm => "swiftpm",
            Ecosystem::Terraform => "terraform",
            Ecosystem::Env => "env",
        }
    }

    /// What a found name is, in words: "npm package", "environment variable".
    pub fn describe(self) -> &'static str {
        match self {
            Ecosystem::Npm => "npm package",
            Ecosystem::Crates => "crate",
            Ecosystem::Pypi => "PyPI package",
            Ecosystem::Go => "Go module",
            Ecosystem::Rubygems => "gem",
            Ecosystem::Composer => "Composer package",
            Ecosystem::Cocoapods => "CocoaPods pod",
            Ecosystem::Maven => "Gradle dependency",
            Ecosystem::PubDev => "Dart package",
            Ecosystem::Swiftpm => "Swift package",
            Ecosystem::Terraform => "Terraform provider",
            Ecosystem::Env => "environment variable",
        }
    }

    /// Names as the ecosystem compares them: PyPI ignores case and treats `-_.` alike
    /// (PEP 503); crates.io treats `-` and `_` alike; npm and Composer names are
    /// lowercase, and pods, Maven coordinates, Dart packages and Terraform providers
    /// are compared ignoring case too; a Swift package's repository address loses its
    /// scheme, `www.`, `.git` and case (`https://github.com/A/b.git` is
    /// `github.com/a/b`); Go paths and variables are compared exactly.
    pub fn normalize(self, name: &str) -> String {
        match self {
            Ecosystem::Pypi => {
                let mut out = String::with_capacity(name.len());
                for c in name.chars() {
                    if matches!(c, '-' | '_' | '.') {
                        if !out.ends_with('-') {
                            out.push('-');
                        }
                    } else {
                        out.push(c.to_ascii_lowercase());
                    }
                }
                out
            }
            Ecosystem::Crates => name.to_ascii_lowercase().replace('_', "-"),
            Ecosystem::Npm
            | Ecosystem::Composer
            | Ecosystem::Rubygems
            | Ecosystem::Cocoapods
            | Ecosystem::Maven
            | Ecosystem::PubDev
            | Ecosystem::Terraform => name.to_ascii_lowercase(),
            Ecosystem::Swiftpm => {
                let lower = name.trim().to_ascii_lowercase();
                let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
                let rest = rest
                    .strip_prefix("git@")
                    .unwrap_or(rest)
                    .replacen(':', "/", 1);
                let rest = rest.strip_prefix("www.").unwrap_or(&rest);
                let rest = rest.trim_end_matches('/');
                rest.strip_suffix(".git").unwrap_or(rest).to_owned()
            }
            Ecosystem::Go | Ecosystem::Env => name.to_owned(),
        }
    }
}

impl ScanKeys {
    pub fn is_empty(&self) -> bool {
        Ecosystem::ALL.iter().all(|&e| self.get(e).is_empty())
    }

    /// The names listed for one ecosystem.
    pub fn get(&self, ecosystem: Ecosystem) -> &[String] {
        match ecosystem {
            Ecosystem::Npm => &self.npm,
            Ecosystem::Crates => &self.crates,
            Ecosystem::Pypi => &self.pypi,
            Ecosystem::Go => &self.go,
            Ecosystem::Rubygems => &self.rubygems,
            Ecosystem::Composer => &self.composer,
            Ecosystem::Cocoapods => &self.cocoapods,
            Ecosystem::Maven => &self.maven,
            Ecosystem::PubDev => &self.pub_dev,
            Ecosystem::Swiftpm => &self.swiftpm,
            Ecosystem::Terraform => &self.terraform,
            Ecosystem::Env => &self.env,
        }
    }

    /// How well `name` (already normalised) matches this entry in `ecosystem`: exact
    /// matches beat every prefix, and a longer prefix beats a shorter one, so
    /// `@aws-sdk/client-ses` is Amazon SES rather than AWS in general.
    pub fn score(&self, ecosystem: Ecosystem, name: &str) -> Option<usize> {
        self.get(ecosystem)
            .iter()
            .filter_map(|key| {
                let key = ecosystem.normalize(key);
                if let Some(prefix) = key.strip_suffix('*') {
                    name.starts_with(prefix).then_some(prefix.len())
                } else if name == key {
                    Some(usize::MAX)
                } else if ecosystem == Ecosystem::Go
                    && name.len() > key.len()
                    && name.starts_with(key.as_str())
                    && name.as_bytes()[key.len()] == b'/'
                {
                    Some(key.len())
                } else {
                    None
                }
            })
            .max()
    }
}

/// The facts an entry can state about a service's legal position and data, which a
/// person checks against the service's own documents. `unchecked` names these.
pub const FACTS: [&str; 11] = [
    "legal_entity",
    "legal_entities",
    "data",
    "countries",
    "worldwide",
    "transfer",
    "commitments",
    "privacy_policy",
    "privacy_policies",
    "dpa",
    "controller",
];

impl Entry {
    /// Whether the entry's value for `fact` (one of [`FACTS`]) was confirmed by a
    /// person against the service's documents: the entry is dated and does not list
    /// the fact as unchecked. An undated entry confirms nothing, except its typical
    /// `data`, which is a description of what products send rather than a claim about
    /// the service (and which the operator's data categories replace anyway).
    pub fn confirms(&self, fact: &str) -> bool {
        let listed = self.unchecked.iter().any(|f| f == fact);
        if fact == "data" {
            !listed
        } else {
            self.checked.is_some() && !listed
        }
    }

    /// The facts the entry states but does not confirm (see [`Entry::confirms`]), in
    /// [`FACTS`] order: what `processors` marks as unchecked.
    pub fn unconfirmed_facts(&self) -> Vec<&'static str> {
        FACTS
            .into_iter()
            .filter(|f| self.states(f) && !self.confirms(f))
            .collect()
    }

    /// The entry as a policy may use it for an operator in `region`: the facts it
    /// does not confirm removed, and the legal entity and privacy policy already
    /// chosen for the region (each kept only if that region's value is confirmed, so
    /// an unchecked UK company, or its policy, never falls back to the checked
    /// default one).
    pub fn confirmed_for(&self, region: Option<Region>) -> Entry {
        let mut e = self.clone();
        e.legal_entity = match region.and_then(|r| self.legal_entities.get(&r)) {
            Some(entity) => self.confirms("legal_entities").then(|| entity.clone()),
            None if self.confirms("legal_entity") => self.legal_entity.clone(),
            None => None,
        };
        e.legal_entities.clear();
        if !self.confirms("data") {
            e.data.clear();
        }
        if !self.confirms("countries") {
            e.countries.clear();
        }
        if !self.confirms("worldwide") {
            e.worldwide = false;
        }
        if !self.confirms("transfer") {
            e.transfer.clear();
        }
        if !self.confirms("commitments") {
            e.commitments.clear();
        }
        e.privacy_policy = match region.and_then(|r| self.privacy_policies.get(&r)) {
            Some(url) => self.confirms("privacy_policies").then(|| url.clone()),
            None if self.confirms("privacy_policy") => self.privacy_policy.clone(),
            None => None,
        };
        e.privacy_policies.clear();
        if !self.confirms("dpa") {
            e.dpa = None;
        }
        if !self.confirms("controller") {
            e.controller = None;
        }
        e
    }

    /// Whether the entry gives a value for `fact` at all.
    pub fn states(&self, fact: &str) -> bool {
        match fact {
            "legal_entity" => self.legal_entity.is_some(),
            "legal_entities" => !self.legal_entities.is_empty(),
            "data" => !self.data.is_empty(),
            "countries" => !self.countries.is_empty(),
            "worldwide" => self.worldwide,
            "transfer" => !self.transfer.is_empty(),
            "commitments" => !self.commitments.is_empty(),
            "privacy_policy" => self.privacy_policy.is_some(),
            "privacy_policies" => !self.privacy_policies.is_empty(),
            "dpa" => self.dpa.is_some(),
            "controller" => self.controller.is_some(),
            _ => false,
        }
    }

    /// The legal entity an operator established in `region` contracts with.
    pub fn legal_entity_for(&self, region: Option<Region>) -> Option<&str> {
        region
            .and_then(|r| self.legal_entities.get(&r))
            .or(self.legal_entity.as_ref())
            .map(String::as_str)
    }

    /// The privacy policy that goes with the company an operator established in
    /// `region` contracts with.
    pub fn privacy_policy_for(&self, region: Option<Region>) -> Option<&str> {
        region
            .and_then(|r| self.privacy_policies.get(&r))
            .or(self.privacy_policy.as_ref())
            .map(String::as_str)
    }

    /// The typical data as one phrase: "a, b and c".
    pub fn data_phrase(&self) -> Option<String> {
        match self.data.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }

    /// Whether the entry mentions `query` (already lowercase) in its id, name, role or data.
    pub fn mentions(&self, query: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(query);
        hit(&self.id)
            || hit(&self.name)
            || hit(self.role.key())
            || hit(self.role.label())
            || self.data.iter().any(|d| hit(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_per_ecosystem() {
        assert_eq!(Ecosystem::Pypi.normalize("Sentry_SDK"), "sentry-sdk");
        assert_eq!(
            Ecosystem::Pypi.normalize("zope.interface"),
            "zope-interface"
        );
        assert_eq!(Ecosystem::Crates.normalize("azure_core"), "azure-core");
        assert_eq!(Ecosystem::Env.normalize("Stripe_Key"), "Stripe_Key");
        for url in [
            "https://github.com/RevenueCat/purchases-ios.git",
            "git@github.com:RevenueCat/purchases-ios.git",
            "https://www.github.com/revenuecat/purchases-ios/",
            "github.com/RevenueCat/purchases-ios",
        ] {
            assert_eq!(
                Ecosystem::Swiftpm.normalize(url),
                "github.com/revenuecat/purchases-ios",
                "{url}"
            );
        }
        assert_eq!(
            Ecosystem::Maven.normalize("com.Google.Firebase:firebase-bom"),
            "com.google.firebase:firebase-bom"
        );
    }

    #[test]
    fn exact_beats_prefix_and_go_matches_subpaths() {
        let keys = ScanKeys {
            npm: vec!["@aws-sdk/*".into(), "stripe".into()],
            go: vec!["github.com/stripe/stripe-go".into()],
            ..Default::default()
        };
        assert_eq!(keys.score(Ecosystem::Npm, "stripe"), Some(usize::MAX));
        assert_eq!(keys.score(Ecosystem::Npm, "@aws-sdk/client-s3"), Some(9));
        assert_eq!(keys.score(Ecosystem::Npm, "stripe-extra"), None);
        assert!(
            keys.score(Ecosystem::Go, "github.com/stripe/stripe-go/v76")
                .is_some()
        );
        assert!(
            keys.score(Ecosystem::Go, "github.com/stripe/stripe-gox")
                .is_none()
        );
    }
}
