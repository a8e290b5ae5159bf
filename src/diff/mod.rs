//! What changed between two sets of answers, in sentences a user can read, each
//! flagged **material** or not by explicit rules.
//!
//! [`compare`] walks both answers part by part and emits one [`Change`] per fact that
//! differs. A change is material when it matches one of these rules (its `reason`):
//!
//! | reason | when |
//! |---|---|
//! | `new recipient` | a processor is added |
//! | `recipient receives more data` | a processor receives a data category it did not |
//! | `recipient no longer conditional` | a processor's "only if ..." is dropped |
//! | `new data category` | a data category is added |
//! | `new purpose` | a purpose is added |
//! | `new use of data` | a purpose uses a data category it did not |
//! | `different legal basis` | a purpose's GDPR Art. 6 basis changes |
//! | `longer retention` | a retention period or deletion delay grows, or a fixed period is dropped |
//! | `transfer to a new country` | data goes to a country it did not go to before |
//! | `data leaves its region` | "data stays in region" is no longer said |
//! | `AI training turned on` | user content now trains models (`yes`) |
//! | `automated decisions` | automated decisions with legal effect are now made |
//! | `selling or sharing turned on` | selling, sharing for advertising, data brokers, unrelated use |
//! | `tracking turned on` | cross-site tracking, fingerprinting, ad identifiers, third-party tracking, advertising cookies |
//! | `right withdrawn` | a right is no longer offered, or no longer to everyone |
//! | `wider default visibility` | new items are visible to more people by default |
//! | `directed to children` | the product is now directed to children |
//! | `new extension permission` | the browser extension asks for a new permission |
//!
//! Everything else (wording, contact details, dates, removals, shorter periods, new
//! regions or rights) is reported but not material. Comparing is pure: no clock, no
//! files, no terminal. [`format`] turns a [`Diff`] into text, Markdown, JSON or a notice.

pub mod format;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::answers::values::{Country, Period};
use crate::answers::vocab::{CookiePurpose, DataSource, ProcessorRole, TrainingUse};
use crate::answers::{Answers, Processor};

/// The part of the answers a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Organization,
    Policy,
    Audience,
    Data,
    Purposes,
    SaleAndSharing,
    Ai,
    Processors,
    Hosting,
    Transfers,
    Sharing,
    Retention,
    Rights,
    Tracking,
    Security,
    Extension,
    Changes,
    CustomSections,
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

/// Compares two answers; `old` is the earlier one.
pub fn compare(old: &Answers, new: &Answers) -> Diff {
    let mut d = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    d.organization();
    d.policy();
    d.audience();
    d.data();
    d.purposes();
    d.sale_and_sharing();
    d.ai();
    d.processors();
    d.hosting();
    d.new_countries();
    d.sharing();
    d.retention();
    d.rights();
    d.tracking();
    d.security();
    d.extension();
    d.changes_section();
    d.custom_sections();
    Diff { changes: d.changes }
}

const NEW_RECIPIENT: &str = "new recipient";
const MORE_DATA: &str = "recipient receives more data";
const UNCONDITIONAL: &str = "recipient no longer conditional";
const NEW_CATEGORY: &str = "new data category";
const NEW_PURPOSE: &str = "new purpose";
const NEW_USE: &str = "new use of data";
const LEGAL_BASIS: &str = "different legal basis";
const LONGER: &str = "longer retention";
const NEW_COUNTRY: &str = "transfer to a new country";
const LEAVES_REGION: &str = "data leaves its region";
const AI_TRAINING: &str = "AI training turned on";
const AUTOMATED: &str = "automated decisions";
const SELLING: &str = "selling or sharing turned on";
const TRACKING: &str = "tracking turned on";
const RIGHT_WITHDRAWN: &str = "right withdrawn";
const WIDER: &str = "wider default visibility";
const CHILDREN: &str = "directed to children";
const PERMISSION: &str = "new extension permission";

struct Differ<'a> {
    old: &'a Answers,
    new: &'a Answers,
    changes: Vec<Change>,
}

/// Longer texts are not quoted in a change: "Reworded X" says enough.
const QUOTE_LIMIT: usize = 60;

impl Differ<'_> {
    fn push(&mut self, area: Area, kind: Kind, text: String, reason: Option<&'static str>) {
        self.changes.push(Change {
            area,
            kind,
            material: reason.is_some(),
            reason,
            text,
        });
    }

    /// A single value: added, removed or changed, quoted when short.
    fn value(
        &mut self,
        area: Area,
        what: &str,
        old: Option<String>,
        new: Option<String>,
        reason: Option<&'static str>,
    ) {
        let old = old.filter(|s| !s.is_empty());
        let new = new.filter(|s| !s.is_empty());
        match (old, new) {
            (None, None) => {}
            (Some(o), Some(n)) if o == n => {}
            (None, Some(n)) => self.push(area, Kind::Added, format!("Added {what}: {n}"), reason),
            (Some(o), None) => self.push(
                area,
                Kind::Removed,
                format!("Removed {what} (was: {o})"),
                None,
            ),
            (Some(o), Some(n)) => {
                let text = if o.chars().count() > QUOTE_LIMIT || n.chars().count() > QUOTE_LIMIT {
                    format!("Reworded {what}")
                } else {
                    format!("Changed {what}: from {o} to {n}")
                };
                self.push(area, Kind::Changed, text, reason);
            }
        }
    }

    /// A yes/no statement; turning it on is material when `reason` is given.
    fn flag(
        &mut self,
        area: Area,
        on: &str,
        off: &str,
        old: bool,
        new: bool,
        reason: Option<&'static str>,
    ) {
        match (old, new) {
            (false, true) => self.push(area, Kind::Changed, on.to_owned(), reason),
            (true, false) => self.push(area, Kind::Changed, off.to_owned(), None),
            _ => {}
        }
    }

    fn organization(&mut self) {
        let (o, n) = (&self.old.organization, &self.new.organization);
        let a = Area::Organization;
        self.value(
            a,
            "product name",
            some(&o.product_name),
            some(&n.product_name),
            None,
        );
        self.value(
            a,
            "legal entity",
            o.legal_entity.clone(),
            n.legal_entity.clone(),
            None,
        );
        self.value(
            a,
            "legal form",
            o.legal_form.clone(),
            n.legal_form.clone(),
            None,
        );
        self.value(a, "website", o.website.clone(), n.website.clone(), None);
        self.value(
            a,
            "description of the service",
            some(&o.description),
            some(&n.description),
            None,
        );
        self.value(a, "country", country(o.country), country(n.country), None);
        self.value(
            a,
            "postal address",
            o.postal_address.clone(),
            n.postal_address.clone(),
            None,
        );
        self.value(
            a,
            "contact e-mail",
            some(&o.contact_email),
            some(&n.contact_email),
            None,
        );
        self.value(
            a,
            "privacy e-mail",
            o.privacy_email.clone(),
            n.privacy_email.clone(),
            None,
        );
        for (what, old, new) in [
            ("data protection officer", &o.dpo, &n.dpo),
            (
                "EU representative",
                &o.eu_representative,
                &n.eu_representative,
            ),
            (
                "UK representative",
                &o.uk_representative,
                &n.uk_representative,
            ),
        ] {
            let name =
                |p: &Option<crate::answers::ContactPerson>| p.as_ref().map(|p| p.name.clone());
            if name(old) != name(new) {
                self.value(a, what, name(old), name(new), None);
            } else if old != new {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed the contact details of the {what}"),
                    None,
                );
            }
        }
    }

    fn policy(&mut self) {
        let (o, n) = (&self.old.policy, &self.new.policy);
        let a = Area::Policy;
        self.value(a, "title", some(&o.title), some(&n.title), None);
        self.value(
            a,
            "last updated date",
            date(o.last_updated),
            date(n.last_updated),
            None,
        );
        self.value(
            a,
            "effective date",
            date(o.effective_date),
            date(n.effective_date),
            None,
        );
        if o.date_style != n.date_style {
            self.push(
                a,
                Kind::Changed,
                format!(
                    "Dates are now written in the {} style",
                    n.date_style.label()
                ),
                None,
            );
        }
        self.flag(
            a,
            "Now says that using the service means agreeing to the policy",
            "No longer says that using the service means agreeing to the policy",
            o.agreement_by_use,
            n.agreement_by_use,
            None,
        );
    }

    fn audience(&mut self) {
        let (o, n) = (&self.old.audience, &self.new.audience);
        let a = Area::Audience;
        self.set(
            a,
            "product kind",
            &o.product_kinds,
            &n.product_kinds,
            |k| k.label().to_owned(),
            None,
            None,
        );
        self.set(
            a,
            "region",
            &o.regions,
            &n.regions,
            |r| r.label().to_owned(),
            None,
            None,
        );
        self.value(
            a,
            "intended audience",
            o.intended_for.clone(),
            n.intended_for.clone(),
            None,
        );
        self.value(
            a,
            "minimum age",
            o.minimum_age.map(|x| x.to_string()),
            n.minimum_age.map(|x| x.to_string()),
            None,
        );
        self.flag(
            a,
            "The service is now directed to children",
            "The service is no longer directed to children",
            o.directed_to_children,
            n.directed_to_children,
            Some(CHILDREN),
        );
        self.value(
            a,
            "parental consent",
            o.parental_consent.clone(),
            n.parental_consent.clone(),
            None,
        );
    }

    /// Items compared as a set: added ones (material with `added_reason`) and removed ones.
    #[allow(clippy::too_many_arguments)]
    fn set<T: PartialEq>(
        &mut self,
        area: Area,
        what: &str,
        old: &[T],
        new: &[T],
        label: impl Fn(&T) -> String,
        added_reason: Option<&'static str>,
        removed_reason: Option<&'static str>,
    ) {
        for x in new.iter().filter(|x| !old.contains(x)) {
            self.push(
                area,
                Kind::Added,
                format!("Added {what}: {}", label(x)),
                added_reason,
            );
        }
        for x in old.iter().filter(|x| !new.contains(x)) {
            self.push(
                area,
                Kind::Removed,
                format!("Removed {what}: {}", label(x)),
                removed_reason,
            );
        }
    }

    fn data(&mut self) {
        let a = Area::Data;
        let (o, n) = (&self.old.data, &self.new.data);
        let (added, removed, both) = keyed(&o.categories, &n.categories, |c| c.id.clone());
        for c in added {
            let source = match c.source {
                DataSource::Provided => "provided by you".to_owned(),
                DataSource::Generated => "generated by your use of the service".to_owned(),
                DataSource::Automatic => "collected automatically".to_owned(),
                DataSource::ThirdParty => match &c.source_name {
                    Some(name) => format!("received from {name}"),
                    None => "received from third parties".to_owned(),
                },
            };
            let sensitive = if c.sensitive { " (sensitive)" } else { "" };
            self.push(
                a,
                Kind::Added,
                format!("Added data category: {}{sensitive}, {source}", c.name),
                Some(NEW_CATEGORY),
            );
        }
        for c in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed data category: {}", c.name),
                None,
            );
        }
        for (x, y) in both {
            let mut fields = Vec::new();
            if x.name != y.name {
                fields.push("name");
            }
            if x.description != y.description {
                fields.push("what is collected");
            }
            if x.source != y.source || x.source_name != y.source_name {
                fields.push("source");
            }
            if x.when != y.when {
                fields.push("when it is collected");
            }
            if x.required != y.required || x.if_not_provided != y.if_not_provided {
                fields.push("whether it is required");
            }
            if x.sensitive != y.sensitive {
                fields.push(if y.sensitive {
                    "now marked sensitive"
                } else {
                    "no longer marked sensitive"
                });
            }
            if x.ccpa_category != y.ccpa_category {
                fields.push("CCPA category");
            }
            if !fields.is_empty() {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed data category {}: {}", y.name, fields.join(", ")),
                    None,
                );
            }
        }
        if o.notes != n.notes {
            self.push(
                a,
                Kind::Changed,
                "Reworded the notes on what is collected".to_owned(),
                None,
            );
        }
        let what = |x: &crate::answers::NotCollected| x.what.clone();
        let (old_nc, new_nc): (Vec<String>, Vec<String>) = (
            o.not_collected.iter().map(what).collect(),
            n.not_collected.iter().map(what).collect(),
        );
        for x in new_nc.iter().filter(|x| !old_nc.contains(x)) {
            self.push(a, Kind::Added, format!("Now states: {x}"), None);
        }
        for x in old_nc.iter().filter(|x| !new_nc.contains(x)) {
            self.push(a, Kind::Removed, format!("No longer states: {x}"), None);
        }
    }

    fn purposes(&mut self) {
        let a = Area::Purposes;
        let (added, removed, both) =
            keyed(&self.old.purposes, &self.new.purposes, |p| p.id.clone());
        for p in added {
            let uses = categories_phrase(self.new, &p.categories);
            let uses = if uses.is_empty() {
                String::new()
            } else {
                format!(", using {uses}")
            };
            self.push(
                a,
                Kind::Added,
                format!("Added purpose: {}{uses}", p.name),
                Some(NEW_PURPOSE),
            );
        }
        for p in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed purpose: {}", p.name),
                None,
            );
        }
        for (x, y) in both {
            let more: Vec<String> = y
                .categories
                .iter()
                .filter(|c| !x.categories.contains(c))
                .cloned()
                .collect();
            if !more.is_empty() {
                let text = format!(
                    "Purpose \"{}\" now also uses {}",
                    y.name,
                    categories_phrase(self.new, &more)
                );
                self.push(a, Kind::Changed, text, Some(NEW_USE));
            }
            let fewer: Vec<String> = x
                .categories
                .iter()
                .filter(|c| !y.categories.contains(c))
                .cloned()
                .collect();
            if !fewer.is_empty() {
                let text = format!(
                    "Purpose \"{}\" no longer uses {}",
                    y.name,
                    categories_phrase(self.old, &fewer)
                );
                self.push(a, Kind::Changed, text, None);
            }
            if x.legal_basis != y.legal_basis {
                let basis = |b: Option<crate::answers::vocab::LegalBasis>| {
                    b.map_or("none stated".to_owned(), |b| b.label().to_owned())
                };
                let text = format!(
                    "Changed the legal basis of \"{}\": from {} to {}",
                    y.name,
                    basis(x.legal_basis),
                    basis(y.legal_basis)
                );
                let reason = x.legal_basis.is_some().then_some(LEGAL_BASIS);
                self.push(a, Kind::Changed, text, reason);
            }
            if x.name != y.name
                || x.description != y.description
                || x.legitimate_interest != y.legitimate_interest
            {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Reworded purpose \"{}\"", y.name),
                    None,
                );
            }
        }
    }

    fn sale_and_sharing(&mut self) {
        let (o, n) = (&self.old.sale_and_sharing, &self.new.sale_and_sharing);
        for (old, new, on, off) in [
            (
                o.sells,
                n.sells,
                "Now sells personal information",
                "No longer sells personal information",
            ),
            (
                o.shares_for_advertising,
                n.shares_for_advertising,
                "Now shares personal information for cross-context behavioural advertising",
                "No longer shares personal information for advertising",
            ),
            (
                o.shares_with_data_brokers,
                n.shares_with_data_brokers,
                "Now gives personal information to data brokers",
                "No longer gives personal information to data brokers",
            ),
            (
                o.unrelated_use,
                n.unrelated_use,
                "Now uses personal information for purposes unrelated to the service",
                "No longer uses personal information for unrelated purposes",
            ),
        ] {
            self.flag(
                Area::SaleAndSharing,
                on,
                off,
                old == Some(true),
                new == Some(true),
                Some(SELLING),
            );
        }
    }

    fn ai(&mut self) {
        let (o, n) = (&self.old.ai, &self.new.ai);
        let a = Area::Ai;
        if o.training != n.training {
            let label = |t: Option<TrainingUse>| t.map_or("not stated", |t| t.label());
            let reason = (n.training == Some(TrainingUse::Yes)).then_some(AI_TRAINING);
            let text = format!(
                "AI training on user content: from {} to {}",
                label(o.training),
                label(n.training)
            );
            self.push(a, Kind::Changed, text, reason);
        }
        self.value(
            a,
            "what AI training covers",
            o.training_scope.clone(),
            n.training_scope.clone(),
            None,
        );
        self.set(
            a,
            "AI safeguard",
            &o.safeguards,
            &n.safeguards,
            Clone::clone,
            None,
            None,
        );
        let reason = o.automated_decisions.is_none().then_some(AUTOMATED);
        self.value(
            a,
            "automated decisions",
            o.automated_decisions.clone(),
            n.automated_decisions.clone(),
            reason,
        );
    }

    fn processors(&mut self) {
        let a = Area::Processors;
        let (added, removed, both) =
            keyed(&self.old.processors, &self.new.processors, |p| p.id.clone());
        for p in added {
            let text = format!("Added processor: {}", processor_phrase(self.new, p));
            self.push(a, Kind::Added, text, Some(NEW_RECIPIENT));
        }
        for p in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed processor: {}", p.name),
                None,
            );
        }
        for (x, y) in both {
            let more: Vec<String> = y
                .categories
                .iter()
                .filter(|c| !x.categories.contains(c))
                .cloned()
                .collect();
            if !more.is_empty() {
                let text = format!(
                    "{} now also receives {}",
                    y.name,
                    categories_phrase(self.new, &more)
                );
                self.push(a, Kind::Changed, text, Some(MORE_DATA));
            }
            let fewer: Vec<String> = x
                .categories
                .iter()
                .filter(|c| !y.categories.contains(c))
                .cloned()
                .collect();
            if !fewer.is_empty() {
                let text = format!(
                    "{} no longer receives {}",
                    y.name,
                    categories_phrase(self.old, &fewer)
                );
                self.push(a, Kind::Changed, text, None);
            }
            let new_places: Vec<String> = y
                .countries
                .iter()
                .filter(|c| !x.countries.contains(c))
                .map(|c| c.name_in_sentence())
                .collect();
            if !new_places.is_empty() {
                self.push(
                    a,
                    Kind::Changed,
                    format!(
                        "{} now also processes data in {}",
                        y.name,
                        join_and(&new_places)
                    ),
                    None,
                );
            }
            let gone: Vec<String> = x
                .countries
                .iter()
                .filter(|c| !y.countries.contains(c))
                .map(|c| c.name_in_sentence())
                .collect();
            if !gone.is_empty() {
                self.push(
                    a,
                    Kind::Changed,
                    format!("{} no longer processes data in {}", y.name, join_and(&gone)),
                    None,
                );
            }
            match (&x.only_if, &y.only_if) {
                (Some(_), None) => self.push(
                    a,
                    Kind::Changed,
                    format!(
                        "{} now receives data in every case, not only {}",
                        y.name,
                        x.only_if.as_deref().unwrap_or_default()
                    ),
                    Some(UNCONDITIONAL),
                ),
                (o, n) if o != n => self.value(
                    a,
                    &format!("condition for {}", y.name),
                    o.clone(),
                    n.clone(),
                    None,
                ),
                _ => {}
            }
            if x.safeguard != y.safeguard {
                let label =
                    |s: Option<crate::answers::vocab::Safeguard>| s.map(|s| s.label().to_owned());
                self.value(
                    a,
                    &format!("transfer safeguard for {}", y.name),
                    label(x.safeguard),
                    label(y.safeguard),
                    None,
                );
            }
            let mut fields = Vec::new();
            if x.name != y.name {
                fields.push("name");
            }
            if x.legal_entity != y.legal_entity {
                fields.push("legal entity");
            }
            if x.role != y.role {
                fields.push("role");
            }
            if x.purpose != y.purpose {
                fields.push("purpose");
            }
            if x.data_description != y.data_description {
                fields.push("what it receives");
            }
            if x.commitments != y.commitments {
                fields.push("commitments");
            }
            if x.privacy_policy_url != y.privacy_policy_url {
                fields.push("privacy policy link");
            }
            if !fields.is_empty() {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed processor {}: {}", y.name, fields.join(", ")),
                    None,
                );
            }
        }
    }

    fn hosting(&mut self) {
        let (o, n) = (&self.old.hosting, &self.new.hosting);
        let a = Area::Hosting;
        self.value(
            a,
            "service endpoint",
            o.endpoint.clone(),
            n.endpoint.clone(),
            None,
        );
        let (added, removed, both) = keyed(&o.stores, &n.stores, |s| s.name.clone());
        for s in added {
            let place = s
                .country
                .map_or(String::new(), |c| format!(", in {}", c.name_in_sentence()));
            self.push(
                a,
                Kind::Added,
                format!("Added data store: {}, holding {}{place}", s.name, s.holds),
                None,
            );
        }
        for s in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed data store: {}", s.name),
                None,
            );
        }
        for (x, y) in both {
            if x != y {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed data store {}", y.name),
                    None,
                );
            }
        }
        let names = |cs: &[Country]| cs.iter().map(|c| c.name_in_sentence()).collect::<Vec<_>>();
        self.set(
            a,
            "data location",
            &names(&o.data_location),
            &names(&n.data_location),
            Clone::clone,
            None,
            None,
        );
        if o.stays_in_region == Some(true) && n.stays_in_region != Some(true) {
            self.push(
                a,
                Kind::Changed,
                "No longer says that personal data stays where it is hosted".to_owned(),
                Some(LEAVES_REGION),
            );
        } else if o.stays_in_region != Some(true) && n.stays_in_region == Some(true) {
            self.push(
                a,
                Kind::Changed,
                "Now says that personal data stays where it is hosted".to_owned(),
                None,
            );
        }
        self.value(
            a,
            "governing law",
            o.governing_law.clone(),
            n.governing_law.clone(),
            None,
        );

        let t = Area::Transfers;
        let (added, removed, both) = keyed(&o.transfers, &n.transfers, |x| x.country);
        for x in added {
            let under = x
                .safeguard
                .map_or(String::new(), |s| format!(", under {}", s.label()));
            self.push(
                t,
                Kind::Added,
                format!("Added transfer: to {}{under}", x.country.name_in_sentence()),
                None,
            );
        }
        for x in removed {
            self.push(
                t,
                Kind::Removed,
                format!("Removed transfer: to {}", x.country.name_in_sentence()),
                None,
            );
        }
        for (x, y) in both {
            if x.safeguard != y.safeguard {
                let label =
                    |s: Option<crate::answers::vocab::Safeguard>| s.map(|s| s.label().to_owned());
                self.value(
                    t,
                    &format!(
                        "safeguard for transfers to {}",
                        y.country.name_in_sentence()
                    ),
                    label(x.safeguard),
                    label(y.safeguard),
                    None,
                );
            }
            if x.details != y.details {
                self.push(
                    t,
                    Kind::Changed,
                    format!("Reworded the transfer to {}", y.country.name_in_sentence()),
                    None,
                );
            }
        }
    }

    /// One material change per country data now goes to and did not before.
    fn new_countries(&mut self) {
        let old = countries(self.old);
        for (country, via) in countries(self.new) {
            if !old.contains_key(&country) {
                let text = format!(
                    "Personal data now goes to a new country: {} (via {})",
                    country.name_in_sentence(),
                    join_and(&via.into_iter().collect::<Vec<_>>())
                );
                self.push(Area::Transfers, Kind::Added, text, Some(NEW_COUNTRY));
            }
        }
    }

    fn sharing(&mut self) {
        let (o, n) = (&self.old.sharing, &self.new.sharing);
        let a = Area::Sharing;
        self.value(
            a,
            "what users share",
            o.items.clone(),
            n.items.clone(),
            None,
        );
        if o.default != n.default {
            let label =
                |v: Option<crate::answers::vocab::Visibility>| v.map(|v| v.label().to_owned());
            let reason = match (o.default, n.default) {
                (Some(x), Some(y)) if y > x => Some(WIDER),
                (None, Some(_)) => None,
                _ => None,
            };
            self.value(
                a,
                "default visibility",
                label(o.default),
                label(n.default),
                reason,
            );
        }
        self.set(
            a,
            "visibility option",
            &o.options,
            &n.options,
            |v| v.label().to_owned(),
            None,
            None,
        );
        self.flag(
            a,
            "Now promises never to re-share items beyond what users chose",
            "No longer promises never to re-share items beyond what users chose",
            o.no_resharing,
            n.no_resharing,
            None,
        );
    }

    fn retention(&mut self) {
        let a = Area::Retention;
        let (o, n) = (&self.old.retention, &self.new.retention);
        let (added, removed, both) = keyed(&o.rules, &n.rules, |r| r.data.clone());
        for r in added {
            let how = match (&r.period, &r.until) {
                (Some(p), _) => format!("kept {p}"),
                (None, Some(u)) => format!("kept until {u}"),
                _ => "no period stated".to_owned(),
            };
            self.push(
                a,
                Kind::Added,
                format!("Added retention rule: {}, {how}", r.data),
                None,
            );
        }
        for r in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed retention rule: {}", r.data),
                None,
            );
        }
        for (x, y) in both {
            self.period(a, &y.data, x.period, y.period, "kept", "retention");
            if x.until != y.until {
                let until = |u: &Option<String>| u.as_ref().map(|u| format!("until {u}"));
                self.value(
                    a,
                    &format!("retention of {}", y.data),
                    until(&x.until),
                    until(&y.until),
                    None,
                );
            }
            if x.rolling != y.rolling
                || x.setting != y.setting
                || x.legal_reason != y.legal_reason
                || x.details != y.details
                || x.categories != y.categories
            {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Reworded the retention rule for {}", y.data),
                    None,
                );
            }
        }
        let (added, removed, both) = keyed(&o.deletion, &n.deletion, |r| r.what.clone());
        for r in added {
            let within = r.within.map_or(String::new(), |p| format!(", within {p}"));
            self.push(
                a,
                Kind::Added,
                format!("Added deletion rule: {}{within}", r.what),
                None,
            );
        }
        for r in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed deletion rule: {}", r.what),
                None,
            );
        }
        for (x, y) in both {
            self.period(
                a,
                &format!("deleting {}", y.what),
                x.within,
                y.within,
                "done within",
                "deletion time",
            );
            if x.how != y.how || x.removes != y.removes || x.details != y.details {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Reworded the deletion rule for {}", y.what),
                    None,
                );
            }
        }
    }

    /// A period that grew is material; one that shrank is not; a dropped one may now be
    /// unbounded, so it is material too.
    fn period(
        &mut self,
        area: Area,
        subject: &str,
        old: Option<Period>,
        new: Option<Period>,
        verb: &str,
        noun: &str,
    ) {
        match (old, new) {
            (Some(x), Some(y)) if y.approx_minutes() > x.approx_minutes() => {
                let text = format!("Longer {noun}: {subject}, from {x} to {y}");
                self.push(area, Kind::Changed, text, Some(LONGER));
            }
            (Some(x), Some(y)) if y.approx_minutes() < x.approx_minutes() => {
                let text = format!("Shorter {noun}: {subject}, from {x} to {y}");
                self.push(area, Kind::Changed, text, None);
            }
            (Some(x), None) => {
                let text = format!(
                    "{}: {subject} is no longer {verb} a fixed period (was {x})",
                    capfirst(noun)
                );
                self.push(area, Kind::Changed, text, Some(LONGER));
            }
            (None, Some(y)) => {
                let text = format!("{}: {subject} is now {verb} {y}", capfirst(noun));
                self.push(area, Kind::Changed, text, None);
            }
            _ => {}
        }
    }

    fn rights(&mut self) {
        let a = Area::Rights;
        let (o, n) = (&self.old.rights, &self.new.rights);
        let (added, removed, both) = keyed(&o.rights, &n.rights, |r| r.right);
        for r in added {
            self.push(
                a,
                Kind::Added,
                format!("Added right: {}", r.right.label()),
                None,
            );
        }
        for r in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed right: {}", r.right.label()),
                Some(RIGHT_WITHDRAWN),
            );
        }
        for (x, y) in both {
            if x != y {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed how to use the right: {}", y.right.label()),
                    None,
                );
            }
        }
        self.flag(
            a,
            "Rights are now offered to every user, wherever they live",
            "Rights are no longer offered to every user, only where the law requires",
            o.everyone,
            n.everyone,
            None,
        );
        if o.everyone && !n.everyone {
            self.changes.last_mut().expect("just pushed").reason = Some(RIGHT_WITHDRAWN);
            self.changes.last_mut().expect("just pushed").material = true;
        }
        self.value(
            a,
            "response time",
            o.response_time.map(|p| p.to_string()),
            n.response_time.map(|p| p.to_string()),
            None,
        );
        self.value(
            a,
            "identity verification",
            o.verification.clone(),
            n.verification.clone(),
            None,
        );
        self.value(a, "how to appeal", o.appeal.clone(), n.appeal.clone(), None);
        self.flag(
            a,
            "Now states the right to complain to a supervisory authority",
            "No longer states the right to complain to a supervisory authority",
            o.complaint,
            n.complaint,
            None,
        );
        self.value(
            a,
            "supervisory authority",
            o.authority.clone(),
            n.authority.clone(),
            None,
        );
        self.flag(
            a,
            "Now accepts requests from authorised agents",
            "No longer accepts requests from authorised agents",
            o.authorized_agents,
            n.authorized_agents,
            None,
        );
        self.flag(
            a,
            "Now promises not to discriminate against users who use their rights",
            "No longer states non-discrimination",
            o.non_discrimination,
            n.non_discrimination,
            None,
        );
    }

    fn tracking(&mut self) {
        let a = Area::Tracking;
        let (o, n) = (&self.old.tracking, &self.new.tracking);
        let (added, removed, both) = keyed(&o.cookies, &n.cookies, |c| c.name.clone());
        for c in added {
            let reason = (c.purpose == CookiePurpose::Advertising).then_some(TRACKING);
            let text = format!(
                "Added {}: {} ({})",
                c.storage.label(),
                c.name,
                c.purpose.label()
            );
            self.push(a, Kind::Added, text, reason);
        }
        for c in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed {}: {}", c.storage.label(), c.name),
                None,
            );
        }
        for (x, y) in both {
            if x != y {
                let reason = (y.purpose == CookiePurpose::Advertising && x.purpose != y.purpose)
                    .then_some(TRACKING);
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed {}: {}", y.storage.label(), y.name),
                    reason,
                );
            }
        }
        if o.do_not_track != n.do_not_track {
            self.value(
                a,
                "response to Do Not Track",
                o.do_not_track.map(|x| x.label().to_owned()),
                n.do_not_track.map(|x| x.label().to_owned()),
                None,
            );
        }
        if o.global_privacy_control != n.global_privacy_control {
            self.value(
                a,
                "response to Global Privacy Control",
                o.global_privacy_control.map(|x| x.label().to_owned()),
                n.global_privacy_control.map(|x| x.label().to_owned()),
                None,
            );
        }
        for (old, new, on, off) in [
            (
                o.cross_site_tracking,
                n.cross_site_tracking,
                "Now tracks users across other sites and apps",
                "No longer tracks users across other sites and apps",
            ),
            (
                o.fingerprinting,
                n.fingerprinting,
                "Now uses browser fingerprinting",
                "No longer uses browser fingerprinting",
            ),
            (
                o.advertising_ids,
                n.advertising_ids,
                "Now collects advertising identifiers",
                "No longer collects advertising identifiers",
            ),
            (
                o.third_party_tracking,
                n.third_party_tracking,
                "Third parties may now collect data about users' activity across sites",
                "Third parties no longer collect data about users' activity across sites",
            ),
        ] {
            self.flag(
                a,
                on,
                off,
                old == Some(true),
                new == Some(true),
                Some(TRACKING),
            );
        }
    }

    fn security(&mut self) {
        let a = Area::Security;
        let (o, n) = (&self.old.security, &self.new.security);
        let text = |m: &crate::answers::SecurityMeasure| m.description.clone();
        let (old, new): (Vec<String>, Vec<String>) = (
            o.measures.iter().map(text).collect(),
            n.measures.iter().map(text).collect(),
        );
        self.set(a, "security measure", &old, &new, Clone::clone, None, None);
        self.value(
            a,
            "security statement",
            o.statement.clone(),
            n.statement.clone(),
            None,
        );
        self.value(
            a,
            "breach notification",
            o.breach_notification.clone(),
            n.breach_notification.clone(),
            None,
        );
    }

    fn extension(&mut self) {
        let a = Area::Extension;
        let (o, n) = (&self.old.extension, &self.new.extension);
        let names = |e: &crate::answers::Extension| {
            e.permissions
                .iter()
                .flat_map(|p| p.names.clone())
                .collect::<Vec<_>>()
        };
        self.set(
            a,
            "extension permission",
            &names(o),
            &names(n),
            Clone::clone,
            Some(PERMISSION),
            None,
        );
        let uses = |e: &crate::answers::Extension| {
            e.permissions
                .iter()
                .map(|p| p.used_for.clone())
                .collect::<Vec<_>>()
        };
        if uses(o) != uses(n) && names(o) == names(n) {
            self.push(
                a,
                Kind::Changed,
                "Reworded what extension permissions are used for".to_owned(),
                None,
            );
        }
        self.value(a, "browser", o.browser.clone(), n.browser.clone(), None);
        self.flag(
            a,
            "Now states that no permission is used for tracking or ads",
            "No longer states that no permission is used for tracking or ads",
            o.no_tracking_or_ads,
            n.no_tracking_or_ads,
            None,
        );
        self.flag(
            a,
            "Now states compliance with the Chrome Web Store's Limited Use requirements",
            "No longer states Limited Use compliance",
            o.limited_use,
            n.limited_use,
            None,
        );
    }

    fn changes_section(&mut self) {
        let a = Area::Changes;
        let (o, n) = (&self.old.changes, &self.new.changes);
        self.set(
            a,
            "way to announce changes",
            &o.notify_by,
            &n.notify_by,
            |c| c.label().to_owned(),
            None,
            None,
        );
        self.flag(
            a,
            "Material changes are now announced before they take effect",
            "Material changes are no longer announced in advance",
            o.in_advance,
            n.in_advance,
            None,
        );
        self.value(
            a,
            "notice period",
            o.notice_period.map(|p| p.to_string()),
            n.notice_period.map(|p| p.to_string()),
            None,
        );
        self.value(
            a,
            "examples of material changes",
            o.material_examples.clone(),
            n.material_examples.clone(),
            None,
        );
    }

    fn custom_sections(&mut self) {
        let a = Area::CustomSections;
        let (added, removed, both) =
            keyed(&self.old.custom_sections, &self.new.custom_sections, |c| {
                c.title.clone()
            });
        for c in added {
            self.push(a, Kind::Added, format!("Added section: {}", c.title), None);
        }
        for c in removed {
            self.push(
                a,
                Kind::Removed,
                format!("Removed section: {}", c.title),
                None,
            );
        }
        for (x, y) in both {
            if x != y {
                self.push(
                    a,
                    Kind::Changed,
                    format!("Changed section: {}", y.title),
                    None,
                );
            }
        }
    }
}

/// Items of two lists matched by key: (only in new, only in old, in both as (old, new)).
#[allow(clippy::type_complexity)]
fn keyed<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>) {
    let added = new
        .iter()
        .filter(|n| !old.iter().any(|o| key(o) == key(n)))
        .collect();
    let removed = old
        .iter()
        .filter(|o| !new.iter().any(|n| key(o) == key(n)))
        .collect();
    let both = new
        .iter()
        .filter_map(|n| old.iter().find(|o| key(o) == key(n)).map(|o| (o, n)))
        .collect();
    (added, removed, both)
}

/// Every country the answers send or keep data in, with what takes it there.
fn countries(a: &Answers) -> BTreeMap<Country, BTreeSet<String>> {
    let mut map: BTreeMap<Country, BTreeSet<String>> = BTreeMap::new();
    let mut add = |c: Country, via: String| {
        map.entry(c).or_default().insert(via);
    };
    if let Some(c) = a.organization.country {
        add(c, a.organization.product_name.clone());
    }
    for &c in &a.hosting.data_location {
        add(c, "our hosting".to_owned());
    }
    for s in &a.hosting.stores {
        if let Some(c) = s.country {
            add(c, s.name.clone());
        }
    }
    for t in &a.hosting.transfers {
        add(t.country, "a transfer".to_owned());
    }
    for p in &a.processors {
        for &c in &p.countries {
            add(c, p.name.clone());
        }
    }
    map
}

/// "PostHog (analytics), receiving usage events, in Germany".
fn processor_phrase(a: &Answers, p: &Processor) -> String {
    let mut s = format!("{} ({})", p.name, role_word(p.role));
    let data = categories_phrase(a, &p.categories);
    if !data.is_empty() {
        s.push_str(&format!(", receiving {data}"));
    } else if let Some(d) = &p.data_description {
        s.push_str(&format!(", receiving {d}"));
    }
    if !p.countries.is_empty() {
        let names: Vec<String> = p.countries.iter().map(|c| c.name_in_sentence()).collect();
        s.push_str(&format!(", in {}", join_and(&names)));
    }
    if let Some(only) = &p.only_if {
        s.push_str(&format!(", only {only}"));
    }
    s
}

fn role_word(role: ProcessorRole) -> &'static str {
    match role {
        ProcessorRole::Hosting => "hosting",
        ProcessorRole::Database => "database",
        ProcessorRole::Ai => "AI",
        ProcessorRole::Payments => "payments",
        ProcessorRole::Messaging => "e-mail and SMS",
        ProcessorRole::Analytics => "analytics",
        ProcessorRole::Monitoring => "monitoring",
        ProcessorRole::Identity => "sign-in",
        ProcessorRole::Support => "support",
        ProcessorRole::DnsCdn => "DNS and CDN",
        ProcessorRole::Tls => "TLS",
        ProcessorRole::Other => "other",
    }
}

/// Category ids as their names, joined: "Usage events and Account data". Names keep
/// the operator's capitals: lowercasing would turn "Google profile" into "google profile".
fn categories_phrase(a: &Answers, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            a.category(id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect();
    join_and(&names)
}

fn capfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn country(c: Option<Country>) -> Option<String> {
    c.map(|c| c.name().to_owned())
}

fn date(d: Option<crate::answers::values::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[cfg(test)]
mod tests;
