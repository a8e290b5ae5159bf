//! `policywright list` through the real binary, with a throwaway data directory.

mod common;

use common::{example, pw_in};
use predicates::str::contains;

fn data_dir_with(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("policies")).unwrap();
    for name in names {
        std::fs::copy(
            example(name),
            dir.path().join(format!("policies/{name}.json")),
        )
        .unwrap();
    }
    dir
}

fn json(out: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn an_empty_data_directory_lists_nothing_and_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    pw_in(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("No saved policies in"))
        .stdout(contains("policywright new NAME"));
    let out = pw_in(dir.path())
        .args(["list", "--format", "json"])
        .assert()
        .success();
    assert_eq!(json(&out)["policies"], serde_json::json!([]));
}

#[test]
fn list_shows_product_dates_versions_and_paths() {
    let dir = data_dir_with(&["stepr", "acme"]);
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    pw_in(dir.path())
        .current_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "site/privacy.md",
            "--date",
            "2026-05-04",
        ])
        .assert()
        .success();

    let out = pw_in(dir.path()).arg("list").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("NAME"), "{text}");
    assert!(lines[1].starts_with("acme "), "sorted by name: {text}");
    assert!(lines[1].contains("never"), "{text}");
    assert!(lines[2].starts_with("stepr "), "{text}");
    assert!(lines[2].contains("v1 2026-05-04"), "{text}");
    assert!(lines[2].contains("stepr.json"), "{text}");

    let out = pw_in(dir.path())
        .args(["list", "--format", "json"])
        .assert()
        .success();
    let v = json(&out);
    let policies = v["policies"].as_array().unwrap();
    assert_eq!(policies.len(), 2);
    let stepr = &policies[1];
    assert_eq!(stepr["name"], "stepr");
    assert!(stepr["product"].is_string());
    assert_eq!(
        stepr["last_updated"], "2026-04-17",
        "a first publish keeps the answers' date"
    );
    assert_eq!(
        stepr["published"],
        serde_json::json!({"version": 1, "date": "2026-05-04"})
    );
    assert!(
        stepr["path"]
            .as_str()
            .unwrap()
            .ends_with("policies/stepr.json")
    );
    assert_eq!(stepr["error"], serde_json::Value::Null);
    assert_eq!(policies[0]["published"], serde_json::Value::Null);
}

#[test]
fn an_unreadable_policy_is_listed_with_the_reason() {
    let dir = data_dir_with(&["acme"]);
    std::fs::write(dir.path().join("policies/broken.json"), "{ not json").unwrap();
    pw_in(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("broken"))
        .stdout(contains("cannot be read: "));
    let out = pw_in(dir.path())
        .args(["list", "--format", "json"])
        .assert()
        .success();
    let v = json(&out);
    assert!(
        v["policies"][1]["error"]
            .as_str()
            .unwrap()
            .contains("broken.json")
    );
}
