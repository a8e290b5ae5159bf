//! `set` and `ask` without a terminal, as scripts use them.

use std::path::Path;

mod common;

use common::pw_in as pw;
use predicates::str::contains;

fn saved(data: &Path, name: &str) -> serde_json::Value {
    let path = data.join("policies").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn set_creates_and_changes_a_saved_policy() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "organization.product_name=Acme"])
        .assert()
        .code(2)
        .stderr(contains("no saved policy named `acme`"))
        .stderr(contains("--create"));

    pw(data.path())
        .args([
            "set",
            "acme",
            "--create",
            "organization.product_name=Acme",
            "organization.contact_email=hello@acme.io",
            "audience.regions=eea,uk",
            "policy.last_updated=2026-12-01",
        ])
        .assert()
        .success()
        .stdout(contains("set audience.regions"));
    let v = saved(data.path(), "acme");
    assert_eq!(v["organization"]["product_name"], "Acme");
    assert_eq!(v["audience"]["regions"], serde_json::json!(["eea", "uk"]));

    // The saved policy now renders, and set changes it in place.
    pw(data.path())
        .args(["set", "acme", "organization.contact_email=privacy@acme.io"])
        .assert()
        .success();
    pw(data.path())
        .args(["render", "acme", "--format", "text"])
        .assert()
        .success()
        .stdout(contains("privacy@acme.io"));
}

#[test]
fn set_reports_every_problem_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "--create", "organization.product_name=Acme"])
        .assert()
        .success();
    let before = saved(data.path(), "acme");
    pw(data.path())
        .args([
            "set",
            "acme",
            "organization.contact_email=not-an-email",
            "organization.colour=red",
            "audience.minimum_age=old",
        ])
        .assert()
        .code(2)
        .stderr(contains("organization.colour"))
        .stderr(contains("`old` is not a whole number"));
    pw(data.path())
        .args(["set", "acme", "organization.contact_email=not-an-email"])
        .assert()
        .code(2)
        .stderr(contains("`not-an-email` is not an e-mail address"));
    assert_eq!(
        saved(data.path(), "acme"),
        before,
        "nothing written on error"
    );
}

#[test]
fn set_ignores_problems_elsewhere_in_a_draft() {
    // A new draft lacks a contact e-mail; setting its product name must still work.
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "draft", "--create", "audience.minimum_age=16"])
        .assert()
        .success();
    assert_eq!(saved(data.path(), "draft")["audience"]["minimum_age"], 16);
}

#[test]
fn set_needs_key_value_pairs() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "organization.product_name"])
        .assert()
        .code(2)
        .stderr(contains("is not KEY=VALUE"));
}

#[test]
fn set_edits_list_entries_by_id() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("stepr.json");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/stepr.json"),
        &file,
    )
    .unwrap();
    pw(data.path())
        .arg("set")
        .arg(&file)
        .arg("data.categories.screenshots.name=Screen captures")
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"name\": \"Screen captures\""));
}

#[test]
fn ask_without_a_terminal_points_to_set_and_render() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["ask", "acme"])
        .write_stdin("Acme\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("needs a terminal"))
        .stderr(contains("policywright set"))
        .stderr(contains("--set"));
    assert!(
        !data.path().join("policies").exists(),
        "nothing was written"
    );
}
