//! Suggestions nobody confirmed (`workspace.unconfirmed`), as scripts meet them:
//! `render` marks the draft, `check` reports each, `publish` refuses listing them,
//! and `set` confirms what it sets.

use std::path::Path;

mod common;

use common::pw_in as pw;
use predicates::prelude::*;
use predicates::str::contains;

/// A complete policy whose recipient Stripe and retention rules are suggestions.
fn suggested(dir: &Path) -> std::path::PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../examples/shipdesk.json")).unwrap();
    v["workspace"] = serde_json::json!({"unconfirmed": ["processors.stripe", "retention.rules"]});
    let path = dir.join("shipdesk.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

fn unconfirmed(path: &Path) -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["workspace"]["unconfirmed"].clone()
}

#[test]
fn render_marks_a_draft_with_unconfirmed_suggestions_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = suggested(dir.path());
    for format in ["markdown", "html", "text"] {
        pw(dir.path())
            .args(["render", file.to_str().unwrap(), "--format", format])
            .assert()
            .success()
            .stdout(contains("DRAFT: not for publishing"))
            .stdout(contains("2 suggested answers are not confirmed yet"))
            .stdout(contains("processors.stripe"));
    }
    // Confirmed, the same answers render without the mark.
    pw(dir.path())
        .args([
            "render",
            file.to_str().unwrap(),
            "--set",
            "workspace.unconfirmed=",
        ])
        .assert()
        .success()
        .stdout(contains("DRAFT").not());
}

#[test]
fn check_reports_each_unconfirmed_suggestion_as_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = suggested(dir.path());
    pw(dir.path())
        .args(["check", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(contains("consistency-unconfirmed"))
        .stdout(contains("answer: processors[1]"))
        .stdout(contains("answer: retention.rules"));
    pw(dir.path())
        .args(["check", "--explain", "consistency-unconfirmed"])
        .assert()
        .success()
        .stdout(contains("GDPR Art. 5(1)(a)"));
}

#[test]
fn publish_refuses_listing_what_is_unconfirmed_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = suggested(dir.path());
    let before = std::fs::read(&file).unwrap();
    let out = dir.path().join("privacy.md");
    pw(dir.path())
        .args([
            "publish",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(contains("nothing was published"))
        .stderr(contains("processors.stripe, retention.rules"));
    assert!(!out.exists());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the answers are untouched"
    );
}

#[test]
fn set_confirms_what_it_sets_and_only_that() {
    let dir = tempfile::tempdir().unwrap();
    let file = suggested(dir.path());
    pw(dir.path())
        .args([
            "set",
            file.to_str().unwrap(),
            "processors.stripe.purpose=processes payments for your workspace",
        ])
        .assert()
        .success();
    assert_eq!(unconfirmed(&file), serde_json::json!(["retention.rules"]));
    pw(dir.path())
        .args([
            "set",
            file.to_str().unwrap(),
            "retention.rules.0.until=the workspace is closed",
        ])
        .assert()
        .success();
    // The rule set is confirmed, and only it: the other suggested rules, which
    // nobody has read, stay suggestions, each of its own.
    assert_eq!(
        unconfirmed(&file),
        serde_json::json!([
            "retention.rules.1",
            "retention.rules.2",
            "retention.rules.3"
        ])
    );
    pw(dir.path())
        .args(["set", file.to_str().unwrap(), "workspace.unconfirmed="])
        .assert()
        .success();
    assert_eq!(
        unconfirmed(&file),
        serde_json::Value::Null,
        "an empty list is left out"
    );
    let out = dir.path().join("privacy.md");
    pw(dir.path())
        .args([
            "publish",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(!std::fs::read_to_string(&out).unwrap().contains("DRAFT"));
}
