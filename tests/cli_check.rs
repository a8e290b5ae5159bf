//! `policywright check` as scripts and CI run it: exit codes, bad input, JSON shape.

mod common;

use common::{example, pw};
use predicates::prelude::*;
use predicates::str::contains;

fn json_of(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("check --format json prints JSON")
}

#[test]
fn complete_example_passes_with_exit_0() {
    pw().args(["check", &example("complete")])
        .assert()
        .code(0)
        .stdout(contains("0 errors, 0 warnings, 2 info"))
        .stderr("");
}

#[test]
fn error_findings_exit_1() {
    pw().args(["check", &example("stepr")])
        .assert()
        .code(1)
        .stdout(contains("gdpr-legal-basis"))
        .stdout(contains("answer: purposes[0].legal_basis"))
        .stderr("");
}

#[test]
fn set_is_applied_before_checking() {
    // Removing the effective date breaks CalOPPA for a Californian product.
    pw().args([
        "check",
        &example("complete"),
        "--set",
        "policy.effective_date=",
    ])
    .assert()
    .code(1)
    .stdout(contains("caloppa-effective-date"));
}

#[test]
fn reads_answers_from_stdin() {
    pw().args(["check", "-", "--format", "json"])
        .write_stdin(std::fs::read_to_string(example("complete")).unwrap())
        .assert()
        .code(0);
}

#[test]
fn malformed_json_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("answers.json");
    std::fs::write(&input, "{\n  \"schema_version\": 1,\n}\n").unwrap();
    pw().arg("check")
        .arg(&input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("answers.json:3:1: trailing comma"));
}

#[test]
fn bad_set_is_bad_input() {
    pw().args(["check", &example("stepr"), "--set", "organization.nope=1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--set"))
        .stderr(contains("unknown answer `organization.nope`"));
    pw().args(["check", &example("stepr"), "--set", "no-equals"])
        .assert()
        .code(2)
        .stderr(contains("is not KEY=VALUE"));
}

#[test]
fn missing_file_and_unknown_name_are_bad_input() {
    pw().args(["check", "nope/answers.json"])
        .assert()
        .code(2)
        .stderr(contains("nope/answers.json: no such file"));
    pw().args(["check", "acme"])
        .assert()
        .code(2)
        .stderr(contains("no saved policy named `acme`"));
}

/// Answers that parse but cannot render are findings, not bad input: a draft can be
/// checked before it is finished.
#[test]
fn unrenderable_answers_are_error_findings() {
    pw().args([
        "check",
        &example("complete"),
        "--set",
        "organization.product_name=",
    ])
    .assert()
    .code(1)
    .stdout(contains("consistency-renderable"))
    .stdout(contains("answer: organization.product_name"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = pw()
        .args(["check", &example("specstep"), "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["findings", "summary", "regimes"]);
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "rule", "regime", "severity", "citation", "message", "answer"
            ]
        );
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        assert!(f.as_object().unwrap().values().all(|x| x.is_string()));
    }
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(v["summary"]["errors"], errors);
    assert!(v["summary"]["warnings"].is_u64() && v["summary"]["info"].is_u64());
    assert_eq!(
        v["regimes"],
        serde_json::json!(["gdpr", "uk_gdpr", "ccpa", "caloppa", "coppa", "consistency"])
    );
}

#[test]
fn json_output_of_a_passing_policy() {
    let out = pw()
        .args(["check", &example("complete"), "-f", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&out);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "info": 2})
    );
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] == "info")
    );
}

#[test]
fn output_is_deterministic() {
    for format in ["text", "json"] {
        let run = || {
            pw().args(["check", &example("specstep"), "--format", format])
                .output()
                .unwrap()
                .stdout
        };
        assert_eq!(run(), run());
    }
}

#[test]
fn help_describes_check() {
    pw().args(["check", "--help"])
        .assert()
        .success()
        .stdout(contains("--format"))
        .stdout(contains("Not legal advice"))
        .stdout(contains("Exits 1 if any finding is an error"));
}

/// Issue 11's example: the policy says data stays in Kazakhstan, and a recipient
/// added as a catalog reference (its location filled in from the catalog) is in
/// the United States. Added with `set`, as a script would.
#[test]
fn a_catalog_recipient_abroad_contradicts_data_staying_home() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stepr.json");
    std::fs::copy(example("stepr"), &file).unwrap();
    pw().arg("check")
        .arg(&file)
        .assert()
        .stdout(contains("consistency-stays-in-region").not());
    let mut processors: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let mut list = processors["processors"].take();
    list.as_array_mut()
        .unwrap()
        .push(serde_json::json!({"catalog": "postmark"}));
    pw().arg("set")
        .arg(&file)
        .arg(format!("processors={list}"))
        .assert()
        .success();
    pw().arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("consistency-stays-in-region"))
        .stdout(contains("`Postmark` in United States"))
        .stdout(contains("answer: processors[3].countries"));
}

/// `rights.complaint: false` cannot be honoured for the EEA or the UK: the policy
/// states the statutory right anyway, so check flags the answer.
#[test]
fn refusing_the_complaint_right_while_serving_the_eea_is_flagged() {
    pw().args(["check", &example("complete")])
        .args(["--set", "rights.complaint=no"])
        .assert()
        .stdout(contains("warning consistency-complaint"))
        .stdout(contains("answer: rights.complaint"));
    pw().args(["check", &example("complete")])
        .args(["--set", "rights.complaint=no"])
        .args(["--set", "audience.regions=california,canada"])
        .assert()
        .stdout(contains("consistency-complaint").not());
}
