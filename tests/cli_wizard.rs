//! The wizard's commands without a terminal: they refuse with exit code 2 and point
//! to the commands that need none; bad input is reported before that, and a file
//! that cannot be read is never touched.

use assert_cmd::Command;
use predicates::prelude::*;

fn pw(data: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("policywright").unwrap();
    cmd.env("POLICYWRIGHT_DATA_DIR", data);
    cmd
}

#[test]
fn no_terminal_no_wizard() {
    let data = tempfile::tempdir().unwrap();
    for args in [vec!["new", "acme"], vec!["edit", "../examples/stepr.json"]] {
        pw(data.path())
            .current_dir(env!("CARGO_MANIFEST_DIR").to_owned() + "/tests")
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("needs a terminal"))
            .stderr(predicate::str::contains("policywright set"))
            .stderr(predicate::str::contains("render"));
    }
    assert!(!data.path().join("policies/acme.json").exists());
}

#[test]
fn no_arguments_without_a_terminal_print_help() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains("Usage: policywright"))
        .stdout(predicate::str::contains("edit"));
}

#[test]
fn new_refuses_an_existing_policy() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("policies")).unwrap();
    std::fs::write(
        data.path().join("policies/acme.json"),
        "{\"schema_version\": 1}\n",
    )
    .unwrap();
    pw(data.path())
        .args(["new", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("policywright edit acme"));
}

#[test]
fn a_corrupted_file_is_reported_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("answers.json");
    let broken = "{\n  \"schema_version\": 1,\n}\n";
    std::fs::write(&file, broken).unwrap();
    pw(data.path())
        .args(["edit", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answers.json:3:1"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    pw(data.path())
        .args(["edit", "ghost"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved policy named `ghost`"));
}
