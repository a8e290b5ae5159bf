//! Large answers for the scale test and the scale bench: the Stepr example grown to
//! `processors` recipients and `categories` data categories, each recipient receiving
//! five categories, with a retention rule for every fifth category and a purpose for
//! every tenth, so every part that is matched by id grows with the file.
//!
//! Shared by `tests/scale.rs` and the benches, which each use part of it.
#![allow(dead_code)]

use policywright::answers::vocab::{DataSource, ProcessorRole};
use policywright::answers::{Answers, DataCategory, Processor, Purpose, RetentionRule};

pub fn large(processors: usize, categories: usize) -> Answers {
    let path = format!("{}/examples/stepr.json", env!("CARGO_MANIFEST_DIR"));
    let mut a = Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let sources = DataSource::ALL;
    let roles = ProcessorRole::ALL;
    for i in 0..categories {
        a.data.categories.push(DataCategory {
            id: format!("item-{i}").into(),
            name: format!("Data item {i}").into(),
            description: format!(
                "the {i}th kind of thing we keep, described in a sentence or two of ordinary length"
            ),
            source: sources[i % sources.len()].into(),
            source_name: Some("a partner".into()),
            when: Some("when you use the feature that needs it".into()),
            ..Default::default()
        });
        if i % 5 == 0 {
            a.retention.rules.push(RetentionRule {
                data: format!("Data item {i}"),
                categories: vec![format!("item-{i}").into()],
                period: Some("30 days".parse().unwrap()),
                ..Default::default()
            });
        }
        if i % 10 == 0 {
            a.purposes.push(Purpose {
                id: format!("purpose-{i}"),
                name: format!("Purpose {i}"),
                description: "does what the product promises".into(),
                categories: vec![format!("item-{i}").into()],
                ..Default::default()
            });
        }
    }
    for i in 0..processors {
        a.processors.push(Processor {
            id: format!("vendor-{i}").into(),
            name: format!("Vendor {i}").into(),
            legal_entity: Some(format!("Vendor {i}, Inc.").into()),
            role: roles[i % roles.len()],
            purpose: "does one useful job for the product".into(),
            categories: (0..5)
                .map(|k| format!("item-{}", (i * 5 + k) % categories.max(1)).into())
                .collect(),
            countries: vec!["US".parse().unwrap(), "DE".parse().unwrap()],
            commitments: vec!["does not train models on our data".into()],
            ..Default::default()
        });
    }
    a
}

/// `a` with every fifth recipient renamed and every seventh category reworded: a diff
/// with work to do at every size.
pub fn edited(a: &Answers) -> Answers {
    let mut b = a.clone();
    for p in b.processors.iter_mut().step_by(5) {
        p.purpose.push_str(", and now one more");
    }
    for c in b.data.categories.iter_mut().step_by(7) {
        c.description.push_str(" (reworded)");
    }
    b
}
