//! What changed between two sets of answers, in sentences a user can read, each
//! flagged **material** or not by explicit rules.
//!
//! [`compare`] walks both answers part by part and emits one [`Change`] per fact that
//! differs. A change is material when it matches one of these rules (its `reason`):
//!
//! | reason | when |
//! |---|---|
//! | `new recipient` | a processor, or another recipient (authorities, a buyer, affiliates, the public, other users), is added |
//! | `recipient receives more data` | a processor receives a data category it did not, or telemetry it did not |
//! | `recipient no longer conditional` | a processor's "only if ..." is dropped |
//! | `new data category` | a data category is added |
//! | `data from a new source` | a data category now also comes from a source it did not (GDPR Art. 14(2)(f)) |
//! | `new purpose` | a purpose is added, or marketing messages are now sent |
//! | `new use of data` | a purpose uses a data category it did not |
//! | `different legal basis` | a purpose's GDPR Art. 6 basis changes, one of its several bases is added or removed (a basis first stated where none was is not), the basis for marketing messages changes, or a special category's GDPR Art. 9(2) condition is replaced by another (one first stated or dropped is not) |
//! | `longer retention` | a retention period or deletion delay grows, or a fixed period is dropped |
//! | `transfer to a new country` | data goes to a country it did not go to before |
//! | `data leaves its region` | "data stays in region" is no longer said |
//! | `AI training turned on` | user content now trains models (`yes`) |
//! | `automated decisions` | automated decisions with legal effect are now made |
//! | `selling or sharing turned on` | selling, sharing for advertising, data brokers, unrelated use |
//! | `tracking turned on` | cross-site tracking, fingerprinting, ad identifiers, third-party tracking, advertising cookies, a "uses no analytics / cookies / tracking pixels / advertising SDKs" statement withdrawn |
//! | `right withdrawn` | a right is no longer offered, or no longer to everyone |
//! | `wider default visibility` | new items are visible to more people by default |
//! | `directed to children` | the product is now directed to children |
//! | `new extension permission` | the browser extension asks for a new permission |
//! | `data leaves the device` | data said to stay on the user's device is now collected |
//! | `customers' data used for our own purposes` | data processed for business customers is now the operator's to decide about (no longer `role: processor`) |
//! | `new app permission` | the mobile app asks for a new Android permission or iOS usage description |
//! | `telemetry on by default` | telemetry is now sent unless turned off: added on by default, or no longer opt-in |
//!
//! Everything else (wording, contact details, dates, removals, shorter periods, new
//! regions or rights, waivers of `check` findings) is reported but not material. Comparing is pure: no clock, no
//! files, no terminal. [`format`] turns a [`Diff`] into text, Markdown, JSON or a notice.
//!
//! Layout: one file per part of the answers, named like its counterpart in
//! `crate::answers` (`recipients`, `retention`, ...), each saying which facts it
//! compares and which are material. They share `section` (one value or statement
//! compared, and the sentence for it), `lists` (lists matched by key or compared as
//! sets), `phrases` (bits of English) and `materiality` (the rules' names).

pub mod format;

mod data;
mod disclosures;
mod extension;
mod hosting;
mod lists;
mod marketing;
mod materiality;
mod notices;
mod organization;
mod phrases;
mod product;
mod recipients;
mod retention;
mod rights;
mod section;
mod security;
mod stores;
mod telemetry;
mod tracking;
mod waivers;

use serde::Serialize;

use crate::policy::Policy;
use section::Section;

/// The part of the answers a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Organization,
    Policy,
    Audience,
    Data,
    /// Telemetry the product sends about its own use.
    Telemetry,
    Purposes,
    SaleAndSharing,
    Ai,
    Processors,
    /// Recipients that are not services (authorities, a buyer, affiliates, ...).
    Disclosures,
    Hosting,
    Transfers,
    Sharing,
    Retention,
    Rights,
    Tracking,
    Security,
    Extension,
    /// A mobile app's permissions.
    App,
    /// The app stores' privacy answers.
    Stores,
    Changes,
    CustomSections,
    /// Findings of `check` waived: never material, never in the policy's text.
    Waivers,
}

/// Whether something appeared, disappeared or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// One difference, as a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub area: Area,
    pub kind: Kind,
    /// Whether users must be told (see the module's table of rules).
    pub material: bool,
    /// The rule that made it material; `null` when it is not.
    pub reason: Option<&'static str>,
    /// A plain sentence without a final full stop: "Added processor: PostHog (analytics), ...".
    pub text: String,
}

/// Every difference between two answers, in the order of the answers file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
}

impl Diff {
    /// The changes users must be told about.
    pub fn material(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.material)
    }

    /// Whether any change is material.
    pub fn is_material(&self) -> bool {
        self.material().next().is_some()
    }

    /// One line for a new version ([`since`]): its [`Diff::summary`], or, when the
    /// answers are the same, that the built-in wording changed.
    pub fn version_summary(&self) -> String {
        if self.changes.is_empty() {
            "no change to the answers (the built-in wording changed)".to_owned()
        } else {
            self.summary()
        }
    }

    /// One line: "3 changes (2 material): Added processor: PostHog ...; and 2 more".
    pub fn summary(&self) -> String {
        let n = self.changes.len();
        let m = self.material().count();
        let Some(first) = self.material().next().or(self.changes.first()) else {
            return "no changes to the answers".to_owned();
        };
        let count = match (n, m) {
            (1, 1) => "1 change (material)".to_owned(),
            (1, _) => "1 change".to_owned(),
            (_, 0) => format!("{n} changes"),
            _ => format!("{n} changes ({m} material)"),
        };
        let more = match n - 1 {
            0 => String::new(),
            k => format!("; and {k} more"),
        };
        format!("{count}: {}{more}", first.text)
    }
}

/// What changed from one published version to the next, for `history` and `publish`.
/// The "last updated" date that publishing itself moves is left out: every new version
/// has one, so it says nothing.
pub fn since(old: &Policy, new: &Policy) -> Diff {
    let mut new = new.clone();
    new.set_last_updated(old.policy.last_updated);
    compare(old, &new)
}

/// Compares one area of the answers, writing its changes to the section.
type CompareArea = fn(&mut Section);

/// Each area's comparison, in the order of the answers file, which is the order changes
/// are listed in. Transfers come twice: as stated, then every country data now reaches.
const AREAS: &[(Area, CompareArea)] = &[
    (Area::Organization, organization::organization),
    (Area::Policy, organization::policy),
    (Area::Audience, product::audience),
    (Area::Data, data::data),
    (Area::Telemetry, telemetry::telemetry),
    (Area::Purposes, data::purposes),
    (Area::Purposes, marketing::marketing),
    (Area::SaleAndSharing, data::sale_and_sharing),
    (Area::Ai, data::ai),
    (Area::Processors, recipients::processors),
    (Area::Disclosures, disclosures::disclosures),
    (Area::Disclosures, disclosures::third_party_links),
    (Area::Hosting, hosting::hosting),
    (Area::Transfers, hosting::transfers),
    (Area::Transfers, hosting::new_countries),
    (Area::Sharing, notices::sharing),
    (Area::Retention, retention::retention),
    (Area::Rights, rights::rights),
    (Area::Tracking, tracking::tracking),
    (Area::Tracking, marketing::cookie_consent),
    (Area::Security, security::security),
    (Area::Extension, extension::extension),
    (Area::App, stores::app),
    (Area::Stores, stores::stores),
    (Area::Changes, notices::changes),
    (Area::CustomSections, notices::custom_sections),
    (Area::Waivers, waivers::waivers),
];

/// Compares two policies; `old` is the earlier one. Policies, not raw answers: a
/// catalog reference is compared as the recipient the policy names, and an answer the
/// policy leaves out is no change to it.
pub fn compare(old: &Policy, new: &Policy) -> Diff {
    let mut changes = Vec::new();
    for &(area, compare_area) in AREAS {
        compare_area(&mut Section {
            area,
            old,
            new,
            changes: &mut changes,
        });
    }
    Diff { changes }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_model_v2;
#[cfg(test)]
mod tests_notices;
