//! Who decides about each kind of data, and whether it leaves the device: the duties
//! that follow from `DataCategory::role` and `stays_on`.
//!
//! The controller-only duties (a legal basis per purpose, retention, whether data is
//! required, its source, its CCPA category) are limited to data the operator controls
//! in the rules that state them (`DataCategory::is_controlled`); the rules here are
//! what being a processor, or keeping data on the device, adds.

use super::{Hit, Regime, Rule, Severity, always, any_gdpr, entries};
use std::collections::HashMap;

use crate::answers::{Answers, DataCategory, Short};

const WITH_CUSTOMERS: &str =
    "either GDPR applies and some data is processed for business customers (`role: processor`)";

pub static RULES: &[Rule] = &[
    Rule {
        id: "gdpr-processor-agreement",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // Art. 28(3): processing by a processor is governed by a contract (the DPA) that
        // sets its subject matter, duration, nature, purpose and the controller's
        // obligations; Art. 28(9): in writing, including electronic form.
        citation: "GDPR Art. 28(3), 28(9)",
        severity: Severity::Warning,
        applies_when: WITH_CUSTOMERS,
        applies: |a| any_gdpr(a) && has_customers(a),
        test: |a| {
            let given = a
                .data
                .for_customers
                .as_ref()
                .and_then(|f| f.dpa_url.as_deref())
                .is_some_and(|u| !u.trim().is_empty());
            Hit::unless(given, "data.for_customers.dpa_url")
        },
        message: "Data is processed on business customers' behalf, but the policy does not \
                  link the data processing agreement that must bind you to them as their \
                  processor; link it so customers and their users can see what you may do",
    },
    Rule {
        id: "gdpr-processor-basis",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // Art. 28(3)(a): a processor acts only on the controller's documented
        // instructions; Art. 28(10): one that decides purposes itself is a controller.
        citation: "GDPR Art. 28(3)(a), 28(10)",
        severity: Severity::Warning,
        applies_when: WITH_CUSTOMERS,
        applies: |a| any_gdpr(a) && has_customers(a),
        test: |a| {
            let customers = Customers::of(a);
            entries(
                &a.purposes,
                "purposes",
                "legal_basis",
                |p| !p.legal_basis.is_empty() && customers.only(&p.categories),
                |p| format!("purpose `{}`", p.name),
            )
        },
        message: "A purpose uses only data you process for business customers, yet states \
                  a legal basis of yours: the customer, as controller, decides why its data \
                  is used, so the policy leaves the basis out. If you decide this use \
                  yourself, you are a controller for it: change the data's `role`",
    },
    Rule {
        id: "gdpr-subprocessor-changes",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // Art. 28(2): a processor engages another processor only with the controller's
        // prior specific or general written authorisation; under a general one it
        // informs the controller of any intended addition or replacement, giving it
        // the opportunity to object. Art. 28(4): the other processor is bound by the
        // same obligations. No notice period is set by the Regulation: the DPA sets it.
        citation: "GDPR Art. 28(2)",
        severity: Severity::Warning,
        applies_when: "either GDPR applies, some data is processed for business customers \
                       (`role: processor`), and recipients are listed",
        applies: |a| any_gdpr(a) && has_customers(a) && !a.processors.is_empty(),
        test: subprocessor_changes,
        message: "Data is processed on business customers' behalf and passed to recipients \
                  (your sub-processors), but the policy does not say how customers are told \
                  of an intended new or replaced sub-processor, or how they can object. If \
                  each customer authorises each sub-processor specifically instead, waive \
                  this finding with that reason",
    },
    Rule {
        id: "consistency-local-data-sent",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "some data is said to stay on the user's device (`stays_on`)",
        applies: |a| a.data.categories.iter().any(|c| c.is_local()),
        test: local_data_sent,
        message: "Data the policy says never leaves the user's device is also listed as \
                  received by a recipient or kept in one of your stores",
    },
    Rule {
        id: "consistency-local-customers",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| {
            entries(
                &a.data.categories,
                "data.categories",
                "stays_on",
                |c| c.is_local() && c.is_customers(),
                |c| format!("`{}`", c.name),
            )
        },
        message: "Data is said both to stay on the user's device and to be processed by you \
                  for a business customer; data you never receive is not processed by you",
    },
];

/// Customers must be told (a channel, or a list they subscribe to) and able to
/// object; each part missing is its own finding.
fn subprocessor_changes(a: &Answers) -> Vec<Hit> {
    let Some(c) = &a.data.subprocessor_changes else {
        return vec![Hit::at("data.subprocessor_changes")];
    };
    let given = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    let mut hits = Vec::new();
    if c.notify_by.is_empty() && !given(&c.subscribe_url) {
        hits.push(Hit::at("data.subprocessor_changes.notify_by"));
    }
    if !given(&c.object_by) {
        hits.push(Hit::at("data.subprocessor_changes.object_by"));
    }
    hits
}

fn has_customers(a: &Answers) -> bool {
    a.data.categories.iter().any(|c| c.is_customers())
}

/// Which data categories are processed for business customers, by id: made once per
/// rule, so that asking it of each purpose's categories stays constant-time per id
/// (looking each id up in the list made a rule quadratic in the file's size).
pub(super) struct Customers<'a>(HashMap<&'a str, &'a DataCategory>);

impl<'a> Customers<'a> {
    pub(super) fn of(a: &'a Answers) -> Customers<'a> {
        Customers(super::categories_by_id(a))
    }

    /// Whether these category ids all name data processed for business customers (and
    /// there is at least one).
    pub(super) fn only(&self, ids: &[Short]) -> bool {
        !ids.is_empty()
            && ids
                .iter()
                .all(|id| self.0.get(id.as_str()).is_some_and(|c| c.is_customers()))
    }
}

/// Every recipient and store that lists a category said to stay on the device.
fn local_data_sent(a: &Answers) -> Vec<Hit> {
    let categories = super::categories_by_id(a);
    let local = |ids: &[Short]| -> Option<String> {
        let names: Vec<&str> = ids
            .iter()
            .filter_map(|id| categories.get(id.as_str()))
            .filter(|c| c.is_local())
            .map(|c| c.name.as_str())
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    };
    let mut hits = Vec::new();
    for (i, p) in a.processors.iter().enumerate() {
        if let Some(names) = local(&p.categories) {
            let note = format!("{} receives {names}", p.name);
            hits.push(Hit::with(format!("processors[{i}].categories"), note));
        }
    }
    for (i, s) in a.hosting.stores.iter().enumerate() {
        if let Some(names) = local(&s.categories) {
            let note = format!("{} holds {names}", s.name);
            hits.push(Hit::with(format!("hosting.stores[{i}].categories"), note));
        }
    }
    hits
}
