//! `policywright check` on every example, kept under review with insta: a change to a
//! rule, its wording or an example shows up here as a diff to accept or fix.

use assert_cmd::Command;

fn check(example: &str, format: &str) -> String {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("policywright")
        .unwrap()
        .env(
            "POLICYWRIGHT_DATA_DIR",
            std::env::temp_dir().join("policywright-no-such-dir"),
        )
        .args(["check", &path, "--format", format])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn stepr_text() {
    insta::assert_snapshot!(check("stepr", "text"));
}

#[test]
fn specstep_text() {
    insta::assert_snapshot!(check("specstep", "text"));
}

#[test]
fn complete_text() {
    insta::assert_snapshot!(check("complete", "text"));
}

#[test]
fn stepr_json() {
    insta::assert_snapshot!(check("stepr", "json"));
}
