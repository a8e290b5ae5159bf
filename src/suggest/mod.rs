//! The quick start's suggestions: from a few start answers (what kind of product,
//! where the company is established, who it serves, where its code is) and what a
//! scan of the code found, a draft of answers the operator confirms instead of types.
//!
//! Every answer made here is listed in `workspace.unconfirmed` (see
//! `answers::unconfirmed`), so nothing suggested can be published unconfirmed. What a
//! recipient's role or a product's kind implies is data (`assets/suggestions.json`);
//! which law applies is `law`'s to say. This module never prompts nor draws.

mod data;
mod rights;

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::answers::values::Country;
use crate::answers::vocab::{ProductKind, Region};
use crate::answers::{Answers, DataCategory, Short};
use crate::catalog::Catalog;
use crate::law;
use crate::scan::Report;
pub use data::Implications;

/// What kind of product it is, as the start asks it: several may apply. The first
/// eight are the product kinds the answers record, in the order and words the
/// interview's own "What kind of product is it?" offers them ([`PRODUCT_KINDS`]), so
/// what is ticked at the start is found ticked there; the last two are not kinds the
/// policy names but what the start suggests from (telemetry, data that stays on the
/// device), answered again in their own questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StartKind {
    WebApp,
    Api,
    MobileApp,
    BrowserExtension,
    DesktopApp,
    Website,
    EditorExtension,
    Cli,
    DevTool,
    LocalOnly,
}

/// The product kinds, as both interviews offer them (the quick start and the
/// question "What kind of product is it?"): one list, so a founder finds the same
/// words in both.
pub const PRODUCT_KINDS: [(&str, &str); 8] = [
    ("web_app", "Web app or SaaS"),
    ("api", "API or SDK"),
    ("mobile_app", "Mobile app"),
    ("browser_extension", "Browser extension"),
    ("desktop_app", "Desktop app"),
    ("website", "Website"),
    (
        "editor_extension",
        "Editor or IDE extension (VS Code, JetBrains, Neovim)",
    ),
    ("cli", "Command-line tool"),
];

impl StartKind {
    pub const ALL: [StartKind; 10] = [
        StartKind::WebApp,
        StartKind::Api,
        StartKind::MobileApp,
        StartKind::BrowserExtension,
        StartKind::DesktopApp,
        StartKind::Website,
        StartKind::EditorExtension,
        StartKind::Cli,
        StartKind::DevTool,
        StartKind::LocalOnly,
    ];

    /// (key, label) of every kind, in the order the start offers them: the product
    /// kinds ([`PRODUCT_KINDS`]), then what the start also asks.
    pub const CHOICES: [(&'static str, &'static str); 10] = [
        PRODUCT_KINDS[0],
        PRODUCT_KINDS[1],
        PRODUCT_KINDS[2],
        PRODUCT_KINDS[3],
        PRODUCT_KINDS[4],
        PRODUCT_KINDS[5],
        PRODUCT_KINDS[6],
        PRODUCT_KINDS[7],
        ("dev_tool", "Also: it reports telemetry about its own use"),
        ("local_only", "Also: no data leaves the user's device"),
    ];

    pub fn key(self) -> &'static str {
        Self::CHOICES[self as usize].0
    }

    pub fn label(self) -> &'static str {
        Self::CHOICES[self as usize].1
    }

    /// The kind by its key.
    pub fn from_key(key: &str) -> Option<StartKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The product kind the answers file records for it, if any: telemetry and a
    /// local-only tool are not kinds the policy names.
    pub fn product_kind(self) -> Option<ProductKind> {
        match self {
            StartKind::DevTool | StartKind::LocalOnly => None,
            kind => ProductKind::ALL
                .iter()
                .copied()
                .find(|p| p.key() == kind.key()),
        }
    }
}

/// The start answers. They are the operator's own words, so they are confirmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Start {
    pub kinds: Vec<StartKind>,
    /// Where the company (or the person) running the product is established.
    pub established: Option<Country>,
    pub regions: Vec<Region>,
    /// The product's code, as the operator typed it (kept in `workspace.code_dir`).
    pub code_dir: Option<String>,
}

/// The answers the start implies: the start answers themselves (confirmed) and
/// every suggestion (unconfirmed), added to `answers` without replacing any answer
/// already there. `found` is what a scan of the code found, if it was scanned.
pub fn suggest(
    answers: &Answers,
    start: &Start,
    found: Option<&Report>,
    catalog: &Catalog,
) -> Answers {
    let d = Implications::builtin();
    let mut out = answers.clone();
    // The start answers: typed by the operator.
    for kind in start.kinds.iter().filter_map(|k| k.product_kind()) {
        if !out.audience.product_kinds.contains(&kind) {
            out.audience.product_kinds.push(kind);
        }
    }
    for region in &start.regions {
        if !out.audience.regions.contains(region) {
            out.audience.regions.push(*region);
        }
    }
    if out.organization.country.is_none() {
        out.organization.country = start.established;
    }
    if start.code_dir.is_some() {
        out.workspace.code_dir = start.code_dir.clone();
    }

    // Recipients found in the code, each with the catalog's facts.
    let mut taken: Vec<String> = out.processors.iter().map(|p| p.id.to_string()).collect();
    let mut added: Vec<(String, String, String)> = Vec::new(); // (answer id, catalog id, role)
    if let Some(report) = found {
        for f in &report.processors {
            let Some(entry) = catalog.get(&f.id) else {
                continue;
            };
            if crate::scan::declares(&out, entry) {
                continue;
            }
            let record = crate::catalog::record::reference(entry, &taken);
            let id = record["id"].as_str().unwrap_or_default().to_owned();
            taken.push(id.clone());
            added.push((id, entry.id.clone(), entry.role.key().to_owned()));
            push_json(&mut out, "processors", record);
        }
    }

    // What the recipients and the kinds imply.
    let mut implied: Vec<&data::Implies> = Vec::new();
    for kind in &start.kinds {
        implied.extend(d.kinds.get(kind.key()));
    }
    for (_, catalog_id, role) in &added {
        implied.extend(d.recipients.get(catalog_id).or_else(|| d.roles.get(role)));
    }
    let categories: BTreeSet<&str> = implied
        .iter()
        .flat_map(|i| i.categories.iter().map(String::as_str))
        .collect();
    // In the order implied: the product's own purposes first, then the recipients'.
    let mut purposes: Vec<&str> = Vec::new();
    for p in implied.iter().flat_map(|i| i.purposes.iter()) {
        if !purposes.contains(&p.as_str()) {
            purposes.push(p);
        }
    }
    // A local-only tool in whose code nothing that receives data was found: the
    // product kinds' usual data (an account) is not suggested. What stays on the
    // device is (the operator's own answer, see the file), and telemetry only if the
    // operator said the tool sends it.
    let local_only = start.kinds.contains(&StartKind::LocalOnly);
    let sends_telemetry = start.kinds.contains(&StartKind::DevTool);
    let categories: Vec<&str> = if local_only && added.is_empty() {
        let told = |id: &str| {
            d.categories[id].stays_on.is_some()
                || (sends_telemetry
                    && d.kinds
                        .get(StartKind::DevTool.key())
                        .is_some_and(|i| i.categories.iter().any(|c| c == id)))
        };
        order(&d, categories.into_iter().filter(|id| told(id)).collect())
    } else {
        order(&d, categories)
    };

    for id in &categories {
        if out.category(id).is_none() {
            let category: &DataCategory = &d.categories[*id];
            push_json(
                &mut out,
                "data.categories",
                serde_json::to_value(category).expect("serialises"),
            );
            out.mark_suggested(&format!("data.categories.{id}"));
        }
    }
    let have = |out: &Answers, id: &str| out.category(id).is_some();
    for id in purposes {
        if out.purposes.iter().any(|p| p.id == id) {
            continue;
        }
        let mut purpose = d.purposes[id].purpose.clone();
        purpose.categories.retain(|c| have(&out, c));
        if purpose.categories.is_empty() {
            continue;
        }
        push_json(
            &mut out,
            "purposes",
            serde_json::to_value(&purpose).expect("serialises"),
        );
        out.mark_suggested(&format!("purposes.{id}"));
    }
    for (answer_id, catalog_id, role) in &added {
        let implies = d.recipients.get(catalog_id).or_else(|| d.roles.get(role));
        let received: Vec<&str> = match implies {
            Some(i) if i.receives_all => categories
                .iter()
                .copied()
                .filter(|c| !i.except.iter().any(|e| e == c))
                .collect(),
            Some(i) => i.categories.iter().map(String::as_str).collect(),
            None => Vec::new(),
        };
        // Data that stays on the device reaches no recipient, host or not.
        let received: Vec<Short> = received
            .into_iter()
            .filter(|c| have(&out, c) && out.category(c).is_some_and(|c| !c.is_local()))
            .map(Short::from)
            .collect();
        if let Some(p) = out.processors.iter_mut().find(|p| p.id == answer_id) {
            p.categories = received;
        }
        out.mark_suggested(&format!("processors.{answer_id}"));
    }
    // A newsletter service in the code implies marketing messages, sent on consent
    // (ePrivacy Art. 13(1); the source is in the file) until the operator says otherwise.
    if out.marketing.is_none()
        && added
            .iter()
            .any(|(_, catalog_id, _)| d.marketing.recipients.contains(catalog_id))
    {
        out.marketing = Some(d.marketing.marketing.clone());
        out.mark_suggested("marketing");
    }
    let mut rules = Vec::new();
    for id in &categories {
        let kept = out
            .retention
            .rules
            .iter()
            .any(|r| r.categories.iter().any(|c| c == id));
        if let (false, Some(rule)) = (kept, d.retention.get(*id)) {
            rules.push(rule.rule.clone());
        }
    }
    if !rules.is_empty() {
        out.retention.rules.extend(rules);
        out.mark_suggested("retention.rules");
    }

    // A browser extension's permissions, each with its usual use.
    if let Some(report) = found {
        let mut permissions = Vec::new();
        for ext in &report.extensions {
            for p in &ext.permissions {
                let listed = out
                    .extension
                    .permissions
                    .iter()
                    .any(|e| e.names.contains(&p.name));
                if let (false, Some(used_for)) = (listed, d.extension_permissions.uses.get(&p.name))
                {
                    permissions.push(json!({"names": [p.name], "used_for": used_for}));
                }
            }
        }
        if !permissions.is_empty() {
            for p in permissions {
                push_json(&mut out, "extension.permissions", p);
            }
            out.mark_suggested("extension.permissions");
        }
    }

    // Chrome Web Store User Data Policy, "Limited Use": an extension that handles
    // user data must state that its use complies with these requirements. Whether
    // it does is the operator's to confirm.
    if start.kinds.contains(&StartKind::BrowserExtension) && out.extension.limited_use.is_none() {
        out.extension.limited_use = Some(true);
        out.mark_suggested("extension.limited_use");
    }

    // GDPR Art. 13(1)(f): a transfer that rests on contractual clauses or binding
    // corporate rules owes the reader the means to get a copy of them. A copy on
    // request through the policy's contact routes is what small products offer; the
    // operator confirms it (or gives the address where the clauses are published).
    if law::any_gdpr(&out) && out.hosting.safeguards_copy.is_none() {
        let resolved = crate::catalog::resolve(&out, catalog);
        if resolved.is_ok_and(|r| law::transfers::needs_copy_route(&r)) {
            out.hosting.safeguards_copy = Some(crate::answers::ON_REQUEST.to_owned());
            out.mark_suggested("hosting.safeguards_copy");
        }
    }

    rights::suggest(&mut out, start);
    out
}

/// The wanted categories that the file defines, account data first and the rest
/// by id, so the policy reads naturally.
fn order<'a>(d: &'a Implications, wanted: BTreeSet<&str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = d
        .categories
        .keys()
        .map(String::as_str)
        .filter(|k| wanted.contains(k))
        .collect();
    ids.sort_by_key(|k| (*k != "account", *k));
    ids
}

/// Appends `item` to the list at dotted `path` (a list inside the answers), read
/// back through the model so it is validated exactly as the file would be.
fn push_json(out: &mut Answers, path: &str, item: Value) {
    let mut doc = out.to_value();
    let mut node = &mut doc;
    for segment in path.split('.') {
        node = &mut node[segment];
    }
    match node {
        Value::Array(items) => items.push(item),
        other => *other = Value::Array(vec![item]),
    }
    *out = serde_json::from_value(doc).expect("suggestions are valid answers (see the tests)");
}

#[cfg(test)]
mod tests;
