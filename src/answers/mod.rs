//! The answers model: everything an operator says about their product, as it is kept
//! in the JSON answers file.
//!
//! This module owns the shape of the file, its parsing and its validation. It knows
//! nothing about terminals, prompts, templates or where files live; front ends and the
//! renderer read it, and `store` moves it to and from disk.

/// A short answer held inline, up to 24 bytes, instead of in an allocation of its
/// own: the ids and category references in every entry of the long lists were most
/// of a large file's 62,000 strings, each a separate block (issue 17).
pub type Short = compact_str::CompactString;

pub mod clear;
mod data;
mod disclosures;
mod error;
mod extension;
pub mod fields;
pub mod file_text;
mod hosting;
mod marketing;
pub mod migrate;
mod notices;
mod organization;
mod parse;
mod platform;
mod product;
mod recipients;
mod retention;
mod rights;
mod roles;
mod safeguards;
pub mod schema;
mod security;
pub mod set;
mod several;
pub mod stop;
mod stores;
mod telemetry;
mod texts;
mod tracking;
pub mod unconfirmed;
pub mod validate;
pub mod values;
pub mod vocab;
mod waivers;
mod workspace;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use data::{AiUse, DataCategory, DataCollection, NotCollected, Purpose, SaleAndSharing};
pub use disclosures::Disclosure;
pub use error::{AnswersError, Problem, list as list_problems};
pub use extension::{Extension, Permission};
pub use hosting::{DataStore, Hosting, ON_REQUEST, Transfer};
pub use marketing::{CookieConsent, Marketing};
pub use notices::{Changes, CustomSection, Placement, Sharing, ThirdPartyLinks};
pub use organization::{ContactPerson, Organization, PolicyMeta};
pub use platform::App;
pub use product::Audience;
pub use recipients::Processor;
pub use retention::{DeletionRule, Retention, RetentionRule};
pub use rights::{Right, Rights};
pub use roles::{CustomerData, SubprocessorChanges};
pub use safeguards::Safeguards;
pub use security::{Security, SecurityMeasure};
pub use several::Several;
pub use stores::{StoreCategory, StoreDisclosures};
pub use telemetry::Telemetry;
pub use tracking::{Cookie, Tracking};
pub use waivers::Waiver;
pub use workspace::{PublishedFile, Workspace};

/// The version of the answers format this build reads and writes. Bumped only when an
/// older file would be misread; a file with a newer version is refused, never guessed at.
pub const SCHEMA_VERSION: u64 = 2;

/// A recipient's JSON without its `role` where the file leaves it out: one that starts
/// from the catalog and was never placed in a group (see [`Answers::to_file_value`]).
fn without_implied_role(p: &Processor, entry: &mut serde_json::Value) {
    if p.catalog.is_some()
        && p.role == vocab::ProcessorRole::Other
        && let Some(map) = entry.as_object_mut()
    {
        map.remove("role");
    }
}

impl Answers {
    /// Entry `i` of the long list at `key` as JSON, as the file holds its fields and
    /// an interview shows them: a recipient that starts from the catalog and was
    /// never placed in a group has no `role`, so the catalog's role stands (and is
    /// shown as the catalog's), where its JSON value says "other".
    pub fn entry_as_written(&self, key: &str, i: usize) -> Option<serde_json::Value> {
        let mut entry = self.entries(key)?.entry_json(i)?;
        if key == "processors" {
            without_implied_role(&self.processors[i], &mut entry);
        }
        Some(entry)
    }

    /// Every entry of the long list at `key`, as [`Answers::entry_as_written`] gives
    /// each; `None` for a key that is not a long list.
    pub fn entries_as_written(&self, key: &str) -> Option<Vec<serde_json::Value>> {
        let count = self.entries(key)?.count();
        Some(
            (0..count)
                .filter_map(|i| self.entry_as_written(key, i))
                .collect(),
        )
    }
}

/// Everything an operator has said about their product.
///
/// Field order is the order of the file (and of the interview), so files diff well in git.
/// Every part but the organization and the policy's dates may be left out of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "policywright answers")]
pub struct Answers {
    /// The answers format version: 2 for this release. Version 1 files are read too,
    /// and written as version 2 when they are saved.
    // The schema's bounds are the versions this release reads (a test holds the
    // maximum to `SCHEMA_VERSION`), so an editor flags a file it would refuse.
    #[schemars(range(min = 1, max = 2))]
    pub schema_version: u64,
    /// Who runs the product and how to reach them.
    #[serde(default)]
    pub organization: Organization,
    /// The policy document: title and dates.
    #[serde(default)]
    pub policy: PolicyMeta,
    /// The product's kinds, the regions served, and the age of its users.
    #[serde(default)]
    pub audience: Audience,
    /// What personal data is collected, and what is not.
    #[serde(default)]
    pub data: DataCollection,
    /// Telemetry the product sends about its own use: on by default or opt-in, what,
    /// how to turn it off, where it goes.
    #[serde(default)]
    pub telemetry: Option<Telemetry>,
    /// Why data is used, and on what legal basis.
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// Marketing messages: what is sent, on what basis, how to unsubscribe.
    #[serde(default)]
    pub marketing: Option<Marketing>,
    /// Whether data is sold or shared for advertising.
    #[serde(default)]
    pub sale_and_sharing: SaleAndSharing,
    /// How AI models are used with users' data.
    #[serde(default)]
    pub ai: AiUse,
    /// Who receives personal data.
    #[serde(default)]
    pub processors: Vec<Processor>,
    /// Who else may receive personal data, and when: authorities, a buyer of the
    /// business, affiliates, the public, other users.
    #[serde(default)]
    pub disclosures: Vec<Disclosure>,
    /// Whether the product links to other sites and services whose practices the
    /// operator does not control; said only when the answer is yes.
    #[serde(default)]
    pub third_party_links: ThirdPartyLinks,
    /// Where data is kept and where it travels.
    #[serde(default)]
    pub hosting: Hosting,
    /// What users can share with each other.
    #[serde(default)]
    pub sharing: Sharing,
    /// How long data is kept.
    #[serde(default)]
    pub retention: Retention,
    /// Users' rights.
    #[serde(default)]
    pub rights: Rights,
    /// Cookies and tracking.
    #[serde(default)]
    pub tracking: Tracking,
    /// Security measures.
    #[serde(default)]
    pub security: Security,
    /// Browser-extension permissions.
    #[serde(default)]
    pub extension: Extension,
    /// A mobile app's Android and iOS permissions.
    #[serde(default)]
    pub app: App,
    /// What the app stores' privacy forms ask beyond the policy.
    #[serde(default)]
    pub stores: StoreDisclosures,
    /// How changes to the policy are announced.
    #[serde(default)]
    pub changes: Changes,
    /// Sections in the operator's own words, for what no question covers.
    #[serde(default)]
    pub custom_sections: Vec<CustomSection>,
    /// Findings of `check` waived, each with its reason: how `check` treats these
    /// answers, never part of the policy's text.
    #[serde(default)]
    pub waivers: Vec<Waiver>,
    /// Where the policy is published and where the product's code is: how
    /// policywright works with it, never part of the policy's text.
    #[serde(default)]
    pub workspace: Workspace,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            schema_version: SCHEMA_VERSION,
            organization: Organization::default(),
            policy: PolicyMeta::default(),
            audience: Audience::default(),
            data: DataCollection::default(),
            telemetry: None,
            purposes: Vec::new(),
            marketing: None,
            sale_and_sharing: SaleAndSharing::default(),
            ai: AiUse::default(),
            processors: Vec::new(),
            disclosures: Vec::new(),
            third_party_links: ThirdPartyLinks::default(),
            hosting: Hosting::default(),
            sharing: Sharing::default(),
            retention: Retention::default(),
            rights: Rights::default(),
            tracking: Tracking::default(),
            security: Security::default(),
            extension: Extension::default(),
            app: App::default(),
            stores: StoreDisclosures::default(),
            changes: Changes::default(),
            custom_sections: Vec::new(),
            waivers: Vec::new(),
            workspace: Workspace::default(),
        }
    }
}

/// The answers' top-level parts, listed once, so reading or replacing a single part
/// (to avoid serialising everything for one answer) can never forget one.
macro_rules! parts {
    ($($part:ident),+ $(,)?) => {
        impl Answers {
            /// The top-level parts' keys, in file order.
            pub const PARTS: &'static [&'static str] = &[$(stringify!($part)),+];

            /// One top-level part as JSON, without serialising the rest.
            pub fn part_value(&self, part: &str) -> Option<serde_json::Value> {
                match part {
                    $(stringify!($part) => serde_json::to_value(&self.$part).ok(),)+
                    _ => None,
                }
            }

            /// Default answers holding a copy of this one top-level part.
            pub(crate) fn part_copy(&self, part: &str) -> Answers {
                let mut copy = Answers::default();
                match part {
                    $(stringify!($part) => copy.$part = self.$part.clone(),)+
                    _ => {}
                }
                copy
            }

            /// Replaces one top-level part with `from`'s.
            pub(crate) fn take_part(&mut self, part: &str, from: Answers) {
                match part {
                    $(stringify!($part) => self.$part = from.$part,)+
                    _ => {}
                }
            }

            /// Replaces one top-level part with `from`'s, and gives back `from` holding
            /// the part it replaced (to be put back with [`Answers::take_part`]).
            pub(crate) fn replace_part(&mut self, part: &str, mut from: Answers) -> Answers {
                match part {
                    $(stringify!($part) => std::mem::swap(&mut self.$part, &mut from.$part),)+
                    _ => {}
                }
                from
            }
        }
    };
}

parts!(
    organization,
    policy,
    audience,
    data,
    telemetry,
    purposes,
    marketing,
    sale_and_sharing,
    ai,
    processors,
    disclosures,
    third_party_links,
    hosting,
    sharing,
    retention,
    rights,
    tracking,
    security,
    extension,
    app,
    stores,
    changes,
    custom_sections,
    waivers,
    workspace,
);

impl Answers {
    /// The answers of `examples/<name>.json`, for tests.
    #[cfg(test)]
    pub(crate) fn example(name: &str) -> Answers {
        let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The list at a top-level question's path whose entries have fields asked only
    /// under a condition, typed, so stale fields can be left out of one entry without
    /// serialising the whole list. Lists not named here are pruned through their
    /// part's JSON, which gives the same result more slowly; a test holds that every
    /// such list is named.
    pub(crate) fn entries_mut(&mut self, key: &str) -> Option<&mut dyn fields::Entries> {
        match key {
            "data.categories" => Some(&mut self.data.categories),
            "purposes" => Some(&mut self.purposes),
            "processors" => Some(&mut self.processors),
            "retention.rules" => Some(&mut self.retention.rules),
            "stores.categories" => Some(&mut self.stores.categories),
            _ => None,
        }
    }

    /// [`Answers::entries_mut`], to read: the wizard's list editor shows the entries
    /// of these long lists one at a time from here instead of copying them all.
    pub fn entries(&self, key: &str) -> Option<&dyn fields::Entries> {
        match key {
            "data.categories" => Some(&self.data.categories),
            "purposes" => Some(&self.purposes),
            "processors" => Some(&self.processors),
            "retention.rules" => Some(&self.retention.rules),
            "stores.categories" => Some(&self.stores.categories),
            _ => None,
        }
    }

    /// Reads answers from JSON text; see [`parse::parse`] for the errors it reports.
    pub fn from_json(text: &str) -> Result<Answers, AnswersError> {
        parse::parse(text)
    }

    /// Writes the answers as the file holds them: pretty JSON in the model's key order,
    /// unanswered questions left out (no `null`, `""`, `[]`, `{}`, nor a `false` that
    /// is only the default of a plain yes/no), final newline. A "no" to a yes/no/
    /// unanswered question (`Option<bool>`) is kept: there "no" is an answer.
    pub fn to_json(&self) -> String {
        file_text::write(self)
    }

    /// The answers as [`Answers::to_json`] writes them, as a JSON value.
    ///
    /// A recipient that starts from the catalog and was never placed in a group keeps
    /// no `role`: `other` there means "the catalog's role" (see `catalog::resolve`),
    /// and writing it would add a field the operator never set.
    pub fn to_file_value(&self) -> serde_json::Value {
        let mut value = self.to_value();
        if let Some(list) = value.get_mut("processors").and_then(|p| p.as_array_mut()) {
            for (entry, p) in list.iter_mut().zip(&self.processors) {
                without_implied_role(p, entry);
            }
        }
        schema::prune_unanswered(&mut value);
        value
    }

    /// Every field, answered or not (`null`, `[]`): what templates and `--set` work on,
    /// so asking about any answer never trips over a missing key.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("answers always serialise")
    }

    /// Every problem that stops these answers from rendering, all at once.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = validate::problems(self);
        problems.extend(waivers::problems(&self.waivers));
        problems
    }

    /// The data category with this id.
    pub fn category(&self, id: &str) -> Option<&DataCategory> {
        self.data.categories.iter().find(|c| c.id == id)
    }
}
