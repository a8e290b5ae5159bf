//! Issue 13 item 10: a recipient's links, notices of sub-processor changes and the
//! third-party-links statement, compared. None of them changes what happens to anyone's
//! data, so none is material.

use super::*;
use crate::answers::vocab::NoticeChannel;
use crate::answers::{Answers, SubprocessorChanges, ThirdPartyLinks};

fn shipdesk() -> Answers {
    Answers::from_json(include_str!("../../examples/shipdesk.json")).unwrap()
}

fn changes(old: &Answers, new: &Answers) -> Vec<Change> {
    let policy = |a: &Answers| Policy::with_builtin_catalog(a).unwrap();
    super::compare(&policy(old), &policy(new)).changes
}

fn texts(c: &[Change]) -> Vec<&str> {
    c.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn a_recipients_new_links_are_named() {
    let old = shipdesk();
    let mut new = old.clone();
    let postmark = new
        .processors
        .iter_mut()
        .find(|p| p.id == "postmark")
        .unwrap();
    postmark.dpa_url = Some("https://postmarkapp.com/dpa".into());
    postmark.opt_out_url = Some("https://postmarkapp.com/opt-out".into());
    let c = changes(&old, &new);
    assert_eq!(
        texts(&c),
        ["Changed processor Postmark: data processing agreement link, opt-out link"]
    );
    assert!(!c[0].material);
}

#[test]
fn sub_processor_notices_said_dropped_and_changed() {
    let with = shipdesk();
    let mut without = with.clone();
    without.data.subprocessor_changes = None;
    let c = changes(&without, &with);
    assert_eq!(
        texts(&c),
        [
            "Now says how customers are told of sub-processor changes, 30 days ahead, \
          by e-mail and a notice on our website"
        ]
    );
    assert!(!c[0].material);
    assert_eq!(
        texts(&changes(&with, &without)),
        ["No longer says how customers are told of sub-processor changes"]
    );

    let mut changed = with.clone();
    changed.data.subprocessor_changes = Some(SubprocessorChanges {
        notify_by: vec![NoticeChannel::Email],
        notice_period: Some("14 days".parse().unwrap()),
        ..with.data.subprocessor_changes.clone().unwrap()
    });
    changed
        .data
        .subprocessor_changes
        .as_mut()
        .unwrap()
        .object_by = None;
    let c = changes(&with, &changed);
    let t = texts(&c);
    assert!(
        t.contains(
            &"Changed how customers are told of sub-processor changes: \
              from e-mail and a notice on our website to e-mail"
        ),
        "{t:?}"
    );
    assert!(
        t.contains(&"Changed notice period for sub-processor changes: from 30 days to 14 days"),
        "{t:?}"
    );
    assert!(
        t.iter()
            .any(|t| t.starts_with("Removed how customers object to sub-processor changes")),
        "{t:?}"
    );
    assert!(c.iter().all(|c| !c.material), "{c:?}");
}

#[test]
fn the_third_party_links_statement_said_and_dropped() {
    let with = shipdesk();
    let mut without = with.clone();
    without.third_party_links.stated = Some(false);
    let c = changes(&without, &with);
    assert_eq!(
        texts(&c),
        [
            "Now says the product links to other websites and services, which this policy \
          does not cover (such as the help pages of the tools you connect to your inbox and \
          our community forum)"
        ]
    );
    assert!(!c[0].material);
    assert_eq!(
        texts(&changes(&with, &without)),
        ["No longer says the product links to other websites and services"]
    );
    let mut noted = with.clone();
    noted.third_party_links = ThirdPartyLinks {
        details: Some("Links that leave Shipdesk are marked with an arrow.".into()),
        ..with.third_party_links.clone()
    };
    assert_eq!(
        texts(&changes(&with, &noted)),
        ["Added note on linked sites: Links that leave Shipdesk are marked with an arrow."]
    );
}
