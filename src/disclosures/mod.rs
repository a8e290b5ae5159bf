//! The app stores' privacy forms, written from the same answers as the policy:
//! Google Play's Data safety CSV, Apple's App Privacy details, the Chrome Web Store's
//! privacy practices tab. (Not `crate::store`, which keeps answers files on disk.)
//!
//! Each form has one file; this one resolves what they share: which store data types
//! each of the policy's data categories is (`mapping`), and what the answers say
//! about each type once the categories that map to it are merged. A fact the answers
//! leave open stays open (`None`): the forms show it as "not answered" and `check`
//! asks for it, rather than a default being ticked for the operator.

pub mod mapping;

mod app_privacy;
mod chrome_web_store;
mod play_data_safety;

use crate::answers::vocab::{ProductKind, StoreUse};
use crate::answers::{AnswersError, DataCategory, StoreCategory};
use crate::policy::Policy;
use mapping::{DataType, Store, mapping};

/// A store form `render --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Google Play Console's Data safety form, as the CSV its "Import from CSV" reads.
    PlayDataSafety,
    /// App Store Connect's App Privacy answers, as a checklist in the console's order.
    AppPrivacy,
    /// The same answers as JSON (fastlane's `app_privacy_details.json`).
    AppPrivacyJson,
    /// The Chrome Web Store's privacy practices tab, ready to paste.
    ChromeWebStore,
}

impl Form {
    /// The kind of product the form is for.
    pub fn product_kind(self) -> ProductKind {
        match self {
            Form::ChromeWebStore => ProductKind::BrowserExtension,
            _ => ProductKind::MobileApp,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Form::PlayDataSafety => "play-data-safety",
            Form::AppPrivacy => "app-privacy",
            Form::AppPrivacyJson => "app-privacy-json",
            Form::ChromeWebStore => "chrome-web-store",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// Listed like `render`'s: every problem at once.
    #[error("the answers cannot be rendered yet: {0}")]
    Answers(AnswersError),
    #[error(
        "--format {form}: the answers describe no {kind} (audience.product_kinds); \
         this form is for one"
    )]
    WrongProduct {
        form: &'static str,
        kind: &'static str,
    },
}

/// Writes a store form from a resolved policy. Answers that could not be rendered as
/// a policy are refused the same way, and a form for a kind of product the answers do
/// not describe is refused rather than written empty.
pub fn render(policy: &Policy, form: Form) -> Result<String, FormError> {
    let a = policy.answers();
    let problems = a.problems();
    if !problems.is_empty() {
        return Err(FormError::Answers(AnswersError::Invalid(problems)));
    }
    let kind = form.product_kind();
    if !a.audience.is(kind) {
        return Err(FormError::WrongProduct {
            form: form.key(),
            kind: kind.label(),
        });
    }
    Ok(match form {
        Form::PlayDataSafety => play_data_safety::csv(a),
        Form::AppPrivacy => app_privacy::checklist(a),
        Form::AppPrivacyJson => app_privacy::json(a),
        Form::ChromeWebStore => chrome_web_store::tab(a),
    })
}

/// The store forms that apply to the policy's kinds of product, as a person reads
/// them: the App Store checklist and the Chrome Web Store tab as written, and Play's
/// CSV as its answered rows only (the file itself is for the console). For the
/// wizard's review screen, beside the policy. Empty when the policy cannot be
/// rendered yet.
pub fn readable(policy: &Policy) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (title, form) in [
        (
            "Google Play: Data safety (answered rows)",
            Form::PlayDataSafety,
        ),
        ("App Store Connect: App Privacy", Form::AppPrivacy),
        ("Chrome Web Store: Privacy practices", Form::ChromeWebStore),
    ] {
        let Ok(text) = render(policy, form) else {
            continue;
        };
        let text = match form {
            Form::PlayDataSafety => play_data_safety::answered(&text),
            _ => text,
        };
        out.push((title, text));
    }
    out
}

/// A policy data category with its store facts (if any were given).
pub struct Category<'a> {
    pub data: &'a DataCategory,
    pub facts: Option<&'a StoreCategory>,
}

impl Category<'_> {
    fn fact(&self, get: impl Fn(&StoreCategory) -> Option<bool>) -> Option<bool> {
        self.facts.and_then(get)
    }

    /// Whether `store` counts the category as collected: Play and Apple do not count
    /// data that never leaves the device, and Apple does not count data processed
    /// only ephemerally (App privacy details: "collect"). The Chrome Web Store asks
    /// what the extension handles, so it counts every category. Data the policy lists
    /// as staying on the device (`stays_on`, never sent to the operator or anyone
    /// else) is on the device only unless the store answer says otherwise.
    pub fn declared_to(&self, store: Store) -> bool {
        let on_device = self
            .fact(|f| f.on_device_only)
            .unwrap_or(self.data.is_local());
        let ephemeral = self.fact(|f| f.ephemeral) == Some(true);
        match store {
            Store::Play => !on_device,
            Store::Apple => !on_device && !ephemeral,
            Store::Chrome => true,
        }
    }

    pub fn uses(&self) -> &[StoreUse] {
        self.facts.map_or(&[], |f| &f.uses[..])
    }
}

/// Every data category of the policy, in its order, with its store facts.
pub fn categories(a: &crate::answers::Answers) -> Vec<Category<'_>> {
    a.data
        .categories
        .iter()
        .map(|data| Category {
            data,
            facts: a.stores.category(&data.id),
        })
        .collect()
}

/// One store data type as the form declares it: the categories that map to it,
/// merged.
pub struct Declared<'a> {
    pub data_type: &'static DataType,
    pub categories: Vec<&'a Category<'a>>,
}

impl Declared<'_> {
    /// A yes/no merged over the categories: yes if any says yes, no if all say no,
    /// open otherwise.
    pub fn any(&self, get: impl Fn(&Category) -> Option<bool>) -> Option<bool> {
        let values: Vec<Option<bool>> = self.categories.iter().map(|c| get(c)).collect();
        if values.contains(&Some(true)) {
            Some(true)
        } else if values.iter().all(|v| *v == Some(false)) {
            Some(false)
        } else {
            None
        }
    }

    /// A yes/no that holds of the type only if it holds of every category.
    pub fn all(&self, get: impl Fn(&Category) -> Option<bool>) -> Option<bool> {
        self.any(|c| get(c).map(|v| !v)).map(|v| !v)
    }

    /// Every use of every category, once, in the vocabulary's order.
    pub fn uses(&self) -> Vec<StoreUse> {
        StoreUse::ALL
            .iter()
            .copied()
            .filter(|u| self.categories.iter().any(|c| c.uses().contains(u)))
            .collect()
    }

    /// The uses of the categories that are shared.
    pub fn shared_uses(&self) -> Vec<StoreUse> {
        StoreUse::ALL
            .iter()
            .copied()
            .filter(|u| {
                self.categories
                    .iter()
                    .any(|c| c.fact(|f| f.shared) == Some(true) && c.uses().contains(u))
            })
            .collect()
    }

    /// The categories' names, for a reader to see where a type comes from.
    pub fn sources(&self) -> String {
        self.categories
            .iter()
            .map(|c| c.data.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The data types declared to `store`, in the order its form lists them.
pub fn declared<'a>(store: Store, categories: &'a [Category<'a>]) -> Vec<Declared<'a>> {
    let m = mapping();
    let mapped: Vec<(&Category, Vec<&'static DataType>)> = categories
        .iter()
        .filter(|c| c.declared_to(store))
        .map(|c| (c, m.types(store, &c.data.id, c.facts).types))
        .collect();
    m.list(store)
        .types
        .iter()
        .filter_map(|t| {
            let categories: Vec<&Category> = mapped
                .iter()
                .filter(|(_, types)| types.iter().any(|x| std::ptr::eq(*x, t)))
                .map(|(c, _)| *c)
                .collect();
            (!categories.is_empty()).then_some(Declared {
                data_type: t,
                categories,
            })
        })
        .collect()
}

/// Categories declared to `store` that map to none of its data types.
pub fn unmapped<'a>(store: Store, categories: &'a [Category<'a>]) -> Vec<&'a Category<'a>> {
    let m = mapping();
    categories
        .iter()
        .filter(|c| c.declared_to(store) && m.types(store, &c.data.id, c.facts).types.is_empty())
        .collect()
}

/// The categories [`unmapped`] found, as the readable forms name them (`Name (id)`,
/// comma-separated), written straight into `out`: on a policy of thousands of
/// categories the list was held twice more, as strings and then joined (issue 17).
fn write_unmapped(out: &mut String, unmapped: &[&Category<'_>]) {
    use std::fmt::Write as _;
    for (i, c) in unmapped.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{} ({})", c.data.name, c.data.id);
    }
}

/// "yes", "no", or the open question's marker, for the readable forms.
fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "NOT ANSWERED",
    }
}
