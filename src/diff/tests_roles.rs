//! Who decides about a category and whether it leaves the device, compared.

use super::*;
use crate::answers::vocab::{DataRole, LocalPlace};
use crate::answers::{Answers, CustomerData, DataCategory};

fn stepr() -> Answers {
    Answers::from_json(include_str!("../../examples/stepr.json")).unwrap()
}

fn changes(old: &Answers, new: &Answers) -> Vec<Change> {
    let policy = |a: &Answers| Policy::with_builtin_catalog(a).unwrap();
    super::compare(&policy(old), &policy(new)).changes
}

fn category<'a>(a: &'a mut Answers, id: &str) -> &'a mut DataCategory {
    a.data.categories.iter_mut().find(|c| c.id == id).unwrap()
}

#[test]
fn data_that_stayed_on_the_device_and_is_now_collected_is_material() {
    let mut old = stepr();
    category(&mut old, "typed_text").stays_on = Some(LocalPlace::Browser);
    let new = stepr();
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LEAVES_DEVICE));
    assert!(
        c[0].text.contains("no longer stays on your device"),
        "{c:?}"
    );
    // The other way, kept on the device from now on, takes nothing away: not material.
    let back = changes(&new, &old);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert!(!back[0].material, "{back:?}");
    assert!(
        back[0].text.contains("now stays only in your browser"),
        "{back:?}"
    );
}

#[test]
fn customers_data_the_operator_now_decides_about_is_material() {
    let mut old = stepr();
    category(&mut old, "screenshots").role = Some(DataRole::Processor);
    let new = stepr();
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::NOW_CONTROLLER));
    let back = changes(&new, &old);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert!(!back[0].material, "{back:?}");
    assert!(
        back[0].text.contains("now processed for our customers"),
        "{back:?}"
    );
}

#[test]
fn a_new_category_kept_on_the_device_is_not_material_and_a_customers_one_is() {
    let old = stepr();
    let mut new = stepr();
    new.data.categories.push(DataCategory {
        id: "drafts".into(),
        name: "Drafts".into(),
        description: "unsent drafts".into(),
        stays_on: Some(LocalPlace::Device),
        ..Default::default()
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text.contains("kept only on your device"),
        "{c:?}"
    );
    new.data.categories.last_mut().unwrap().stays_on = None;
    new.data.categories.last_mut().unwrap().role = Some(DataRole::Processor);
    let c = changes(&old, &new);
    assert_eq!(c[0].reason, Some(super::materiality::NEW_CATEGORY), "{c:?}");
    assert!(c[0].text.contains("processed for our customers"), "{c:?}");
}

#[test]
fn the_customers_notice_changes_are_reported_and_not_material() {
    let mut old = stepr();
    category(&mut old, "screenshots").role = Some(DataRole::Processor);
    let mut new = old.clone();
    new.data.for_customers = Some(CustomerData {
        dpa_url: Some("https://stepr.kz/dpa".into()),
        ..Default::default()
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert!(c[0].text.contains("data processing agreement"), "{c:?}");
}
