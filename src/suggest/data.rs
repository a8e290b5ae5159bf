//! `assets/suggestions.json`: what a recipient's role and a product's kind imply,
//! kept as data so a reviewer reads one file, not code. Checked by tests: every id
//! it names exists, every legal basis and period has its source.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::answers::{DataCategory, Marketing, Purpose, RetentionRule};

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implications {
    #[allow(dead_code)]
    pub about: String,
    /// Data categories by id, written as in an answers file.
    pub categories: BTreeMap<String, DataCategory>,
    pub purposes: BTreeMap<String, SourcedPurpose>,
    /// Retention rules by the id of the category they keep.
    pub retention: BTreeMap<String, SourcedRule>,
    /// By catalog role key (`payments`).
    pub roles: BTreeMap<String, Implies>,
    /// By catalog entry id, for an entry whose role says too little.
    #[serde(default)]
    pub recipients: BTreeMap<String, Implies>,
    /// By start kind key (`web_app`).
    pub kinds: BTreeMap<String, Implies>,
    /// Marketing messages, implied by a newsletter service found in the code.
    pub marketing: SourcedMarketing,
    pub extension_permissions: PermissionUses,
}

/// A purpose with the source of its legal basis.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedPurpose {
    pub source: String,
    pub purpose: Purpose,
}

/// A retention rule with the source of its period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedRule {
    pub source: String,
    pub rule: RetentionRule,
}

/// Marketing messages with the source of their basis, and the catalog entries (newsletter
/// services) whose use implies them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedMarketing {
    pub source: String,
    pub recipients: Vec<String>,
    pub marketing: Marketing,
}

/// What one role, recipient or kind implies.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implies {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub purposes: Vec<String>,
    /// The recipient receives every category suggested (hosting, databases).
    #[serde(default)]
    pub receives_all: bool,
    /// Categories a host does not receive even so: those the services that collect
    /// them (error trackers, analytics) take straight from the user's device.
    #[serde(default)]
    pub except: Vec<String>,
    /// Why it is implied, where that is not a legal basis's or a period's source
    /// (a kind whose implication restates the operator's own answer).
    #[serde(default)]
    #[allow(dead_code)]
    pub source: Option<String>,
}

/// The usual use of each browser-extension permission.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermissionUses {
    pub source: String,
    pub uses: BTreeMap<String, String>,
}

impl Implications {
    /// The built-in file; a test holds it valid, so a broken one never ships.
    pub fn builtin() -> Implications {
        serde_json::from_str(include_str!("../../assets/suggestions.json"))
            .expect("assets/suggestions.json is valid (see its test)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::vocab::ProcessorRole;

    #[test]
    fn every_reference_exists_and_every_legal_statement_has_a_source() {
        let d = Implications::builtin();
        for implies in d
            .roles
            .values()
            .chain(d.kinds.values())
            .chain(d.recipients.values())
        {
            for c in &implies.categories {
                assert!(d.categories.contains_key(c), "unknown category {c}");
            }
            for p in &implies.purposes {
                assert!(d.purposes.contains_key(p), "unknown purpose {p}");
            }
        }
        for (id, c) in &d.categories {
            assert_eq!(&c.id, id);
        }
        for (id, p) in &d.purposes {
            assert_eq!(&p.purpose.id, id);
            assert!(p.source.len() > 20, "purpose {id} cites no source");
            for c in &p.purpose.categories {
                assert!(
                    d.categories.contains_key(c.as_str()),
                    "purpose {id}: unknown {c}"
                );
            }
        }
        for (id, r) in &d.retention {
            assert!(d.categories.contains_key(id), "retention for unknown {id}");
            assert_eq!(r.rule.categories, std::slice::from_ref(id));
            assert!(r.source.len() > 20, "retention {id} cites no source");
        }
        assert!(d.marketing.source.len() > 20, "marketing cites no source");
        let catalog = crate::catalog::Catalog::builtin();
        for id in d.recipients.keys().chain(&d.marketing.recipients) {
            assert!(catalog.get(id).is_some(), "unknown catalog entry {id}");
        }
        for role in d.roles.keys() {
            assert!(
                ProcessorRole::CHOICES.iter().any(|(k, _)| k == role),
                "unknown role {role}"
            );
        }
        for kind in d.kinds.keys() {
            assert!(
                super::super::StartKind::CHOICES
                    .iter()
                    .any(|(k, _)| k == kind),
                "unknown kind {kind}"
            );
        }
    }
}
