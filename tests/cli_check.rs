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
    // Removing the controller's name breaks GDPR Art. 13(1)(a) for a clean example.
    pw().args([
        "check",
        &example("complete"),
        "--set",
        "organization.legal_entity=",
    ])
    .assert()
    .code(1)
    .stdout(contains("gdpr-controller-identity"));
    // Removing both dates makes a draft: CalOPPA's effective date is then only a note,
    // as publishing dates it (FP-2).
    pw().args([
        "check",
        &example("complete"),
        "--set",
        "policy.effective_date=",
        "--set",
        "policy.last_updated=",
    ])
    .assert()
    .code(0)
    .stdout(contains("info    caloppa-effective-date"));
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
                "rule", "regime", "severity", "citation", "reviewed", "message", "answer"
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
        serde_json::json!([
            "gdpr",
            "uk_gdpr",
            "ccpa",
            "caloppa",
            "us_states",
            "coppa",
            "consistency"
        ])
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
        serde_json::json!({"errors": 0, "warnings": 0, "info": 2, "waived": 0})
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
        // The exact rule: Stepr's Google sign-in, of unknown place, is
        // `consistency-stays-in-region-unknown`'s.
        .stdout(contains("consistency-stays-in-region (").not());
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
        .stdout(contains("consistency-stays-in-region ("))
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

/// complete.json with `purposes[0]`'s legal basis removed (a GDPR error and an LGPD
/// warning)
/// and these waivers, written to a temporary file.
fn waived(waivers: serde_json::Value) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    let mut a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example("complete")).unwrap()).unwrap();
    a["purposes"][0]
        .as_object_mut()
        .unwrap()
        .remove("legal_basis");
    a["waivers"] = waivers;
    std::fs::write(&file, serde_json::to_string_pretty(&a).unwrap()).unwrap();
    (dir, file)
}

/// The text with every run of white space made one space: wrapped lines joined.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const REASON: &str = "Processing of this purpose is occasional (Art. 27(2)(a))";

/// Waived errors are listed in their own block with the reason and do not fail the
/// check: with every error waived, `check` exits 0.
#[test]
fn waived_errors_are_listed_apart_and_exit_0() {
    let (_dir, file) = waived(serde_json::json!([
        {"rule": "gdpr-legal-basis", "answer": "purposes.service", "reason": REASON},
        {"rule": "lgpd-legal-basis", "reason": REASON, "until": "2099-12-31"}
    ]));
    let out = pw()
        .arg("check")
        .arg(&file)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let (active, waived) = text.split_once("\nWaived\n======\n").expect(&text);
    assert!(!active.contains("legal-basis"), "{text}");
    assert!(
        waived.contains("error   gdpr-legal-basis (GDPR Art. 13(1)(c))"),
        "{text}"
    );
    assert!(waived.contains("answer: purposes[0].legal_basis"), "{text}");
    assert!(
        waived.contains("waived (waivers[0]): Processing of this purpose"),
        "{text}"
    );
    assert!(
        waived.contains("waived (waivers[1], until 2099-12-31)"),
        "{text}"
    );
    assert!(
        text.ends_with("0 errors, 0 warnings, 2 info, 2 waived\n"),
        "{text}"
    );

    let json = pw()
        .arg("check")
        .arg(&file)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&json);
    assert_eq!(
        v["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "info": 2, "waived": 2})
    );
    let gdpr = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "gdpr-legal-basis")
        .unwrap();
    assert_eq!(
        gdpr["waived"],
        serde_json::json!({"waiver": "waivers[0]", "reason": REASON})
    );
}

/// A waiver covers only what it names: the other error still fails the check.
#[test]
fn an_error_left_unwaived_still_exits_1() {
    let (_dir, file) = waived(serde_json::json!([
        {"rule": "lgpd-legal-basis", "reason": REASON}
    ]));
    pw().arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("error   gdpr-legal-basis"))
        .stdout(contains("1 error, 0 warnings, 2 info, 1 waived"));
}

/// A waiver that matches no finding, or whose date has passed, is reported as info
/// so it does not rot; an expired waiver's finding counts again.
#[test]
fn stale_and_expired_waivers_are_reported() {
    let (_dir, file) = waived(serde_json::json!([
        {"rule": "gdpr-eu-representative", "reason": REASON},
        {"rule": "gdpr-legal-basis", "reason": REASON, "until": "2026-06-30"},
        {"rule": "lgpd-legal-basis", "reason": REASON}
    ]));
    let run = |date: &str| {
        let out = pw()
            .arg("check")
            .arg(&file)
            .args(["--date", date])
            .output()
            .unwrap();
        // Wrapped lines joined, so a phrase is found wherever the wrap falls.
        let text = String::from_utf8(out.stdout).unwrap();
        (out.status.code(), flat(&text))
    };
    let (code, text) = run("2026-06-30");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("info consistency-stale-waiver"), "{text}");
    assert!(
        text.contains("`gdpr-eu-representative` finds nothing"),
        "{text}"
    );
    assert!(text.contains("answer: waivers[0].rule"), "{text}");
    assert!(
        text.ends_with("0 errors, 0 warnings, 3 info, 2 waived"),
        "{text}"
    );

    let (code, text) = run("2026-07-01");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("`gdpr-legal-basis` expired on 2026-06-30"),
        "{text}"
    );
    assert!(text.contains("answer: waivers[1].until"), "{text}");
    assert!(
        text.ends_with("1 error, 0 warnings, 4 info, 1 waived"),
        "{text}"
    );
}

/// A mistyped rule id is bad input (exit 2) naming the closest rule; so is a waiver
/// without a reason, which is reported like any required answer.
#[test]
fn a_waiver_of_no_rule_is_bad_input() {
    let (_dir, file) = waived(serde_json::json!([
        {"rule": "gdpr-legal-basic", "reason": REASON}
    ]));
    pw().arg("check")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("waivers[0].rule"))
        .stderr(contains(
            "no rule `gdpr-legal-basic`; did you mean `gdpr-legal-basis`?",
        ));
    let (_dir, file) = waived(serde_json::json!([
        {"rule": "gdpr-legal-basis", "reason": " "}
    ]));
    pw().arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("consistency-renderable"))
        .stdout(contains("answer: waivers[0].reason"));
}

/// `set` writes waivers like any answer, and refuses one naming no rule.
#[test]
fn set_writes_a_waiver() {
    let (_dir, file) = waived(serde_json::json!([]));
    pw().arg("set")
        .arg(&file)
        .arg(r#"waivers=[{"rule": "gdpr-legal-basis", "reason": "because"}, {"rule": "lgpd-legal-basis", "reason": "because"}]"#)
        .assert()
        .success();
    pw().arg("check").arg(&file).assert().code(0);
    pw().arg("set")
        .arg(&file)
        .arg("waivers.0.rule=gdpr-nope")
        .assert()
        .code(2)
        .stderr(contains("no rule `gdpr-nope`"));
}

#[test]
fn explain_describes_a_rule_and_how_to_waive_it() {
    let out = pw()
        .args(["check", "--explain", "gdpr-eu-representative"])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for part in [
        "gdpr-eu-representative\n",
        "regime:     GDPR",
        "severity:   error",
        "citation:   GDPR Art. 27(1)",
        "applies:    when ",
        "asks:       ",
        "reviewed:   2026-",
        "To satisfy it",
        "To waive it",
        "\"rule\": \"gdpr-eu-representative\"",
        "policywright set NAME 'waivers=[{\"rule\":\"gdpr-eu-representative\",\"reason\":",
    ] {
        assert!(text.contains(part), "{part:?} not in:\n{text}");
    }
    // The waiver printed is valid answers JSON: pasted into complete.json, it reads,
    // and (as the representative is appointed there) is reported stale.
    let start = text.find("  \"waivers\"").unwrap();
    let end = start + text[start..].find("\n  ]\n").unwrap() + 5;
    let member = format!("{{{}}}", &text[start..end]);
    let pasted: serde_json::Value = serde_json::from_str(&member).unwrap();
    let (_dir, file) = waived(pasted["waivers"].clone());
    let out = pw().arg("check").arg(&file).output().unwrap();
    let text = flat(&String::from_utf8(out.stdout).unwrap());
    assert!(
        text.contains("`gdpr-eu-representative` finds nothing"),
        "{text}"
    );

    let json = pw()
        .args(["check", "--explain", "gdpr-eu-representative", "-f", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json_of(&json);
    assert_eq!(v["rule"], "gdpr-eu-representative");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["waiver"]["rule"], "gdpr-eu-representative");
    assert!(v["reviewed"].as_str().unwrap().starts_with("2026-"));
}

#[test]
fn explain_of_an_unknown_rule_names_the_closest() {
    pw().args(["check", "--explain", "gdpr-eu-represntative"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "no rule `gdpr-eu-represntative`; did you mean `gdpr-eu-representative`?",
        ));
    pw().args(["check", "--explain", "consistency-renderable"])
        .assert()
        .code(0)
        .stdout(contains("It cannot be waived"))
        .stdout(contains("To waive it").not());
}

#[test]
fn check_needs_answers_unless_explaining() {
    pw().arg("check")
        .assert()
        .code(2)
        .stderr(contains("NAME|FILE|-"));
}

/// The US-states rules explain themselves with the state table, thresholds included,
/// since the answers cannot tell whether a founder is above them.
#[test]
fn explain_of_a_us_states_rule_lists_each_state() {
    pw().args(["check", "--explain", "us-states-thresholds"])
        .assert()
        .success()
        .stdout(contains("- Texas: Texas Data Privacy and Security Act"))
        .stdout(contains("no volume threshold"))
        .stdout(contains("- Rhode Island:"))
        .stdout(contains("to confirm:"));
    pw().args(["check", "--explain", "gdpr-eu-representative"])
        .assert()
        .success()
        .stdout(contains("The state laws").not());
}

/// The error and warning findings `check` gives an example, as (rule, answer).
fn findings_of(name: &str, severity: &str) -> Vec<(String, String)> {
    let out = pw()
        .args(["check", &example(name), "-f", "json"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let mut found: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == severity && f["waived"].is_null())
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["answer"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

/// Founders start from the examples, so what `check` says of each is pinned: the
/// clean ones stay clean (a new error or warning fails here, to be fixed in the
/// example or, if the rule misfires, in the rule), and the two that reproduce real
/// founders' policies keep the gaps the README says they have. Every file in
/// `examples/` is listed, so a new example is pinned too.
#[test]
fn each_example_keeps_its_check_result() {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut v: Vec<_> = list
            .iter()
            .map(|(r, a)| (r.to_string(), a.to_string()))
            .collect();
        v.sort();
        v
    };
    // (example, its errors, its warnings); `None` for the real founders' policies,
    // whose findings are pinned by rule below.
    type Pinned<'a> = (
        &'a str,
        Option<(Vec<(&'a str, &'a str)>, Vec<(&'a str, &'a str)>)>,
    );
    let examples: Vec<Pinned> = vec![
        ("acme", Some((vec![], vec![]))),
        ("complete", Some((vec![], vec![]))),
        ("lintel", Some((vec![], vec![]))),
        (
            "tabnotes",
            Some((
                vec![],
                vec![
                    ("consistency-region-rights", "audience.regions[1]"),
                    ("store-category-unmapped", "stores.categories"),
                ],
            )),
        ),
        // One error each: the UK transfer mechanism of a vendor that no source
        // consulted states (OneSignal's, AWS's); the README says so.
        (
            "habitly",
            Some((
                vec![("gdpr-transfer-mechanism", "processors[3].safeguard")],
                vec![],
            )),
        ),
        (
            "shipdesk",
            Some((
                vec![("gdpr-transfer-mechanism", "processors[0].safeguard")],
                vec![],
            )),
        ),
        ("stepr", None),
        ("specstep", None),
    ];
    let mut listed: Vec<&str> = examples.iter().map(|(n, _)| *n).collect();
    listed.sort();
    let mut on_disk: Vec<String> =
        std::fs::read_dir(format!("{}/examples", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".json").map(str::to_owned)
            })
            .collect();
    on_disk.sort();
    assert_eq!(listed, on_disk, "every example's check result is pinned");

    for (name, pinned) in &examples {
        let Some((errors, warnings)) = pinned else {
            continue;
        };
        assert_eq!(findings_of(name, "error"), pairs(errors), "{name}: errors");
        assert_eq!(
            findings_of(name, "warning"),
            pairs(warnings),
            "{name}: warnings"
        );
    }

    // The real founders' policies: the README says they keep their gaps and that
    // `check` shows them, so each still fails, and on the rules it failed on.
    let rules_of = |name: &str| -> Vec<String> {
        let mut rules: Vec<String> = findings_of(name, "error")
            .into_iter()
            .map(|(rule, _)| rule)
            .collect();
        rules.dedup();
        rules
    };
    assert_eq!(
        rules_of("stepr"),
        [
            "consistency-stays-in-region-unknown",
            "gdpr-controller-identity",
            "gdpr-eu-representative",
            "gdpr-legal-basis",
            "gdpr-required-data",
            "gdpr-retention",
            "gdpr-transfer-safeguard",
            "uk-representative",
        ]
    );
    assert_eq!(
        rules_of("specstep"),
        [
            "caloppa-do-not-track",
            "caloppa-third-party-tracking",
            "ccpa-authorized-agents",
            "ccpa-business-purpose-disclosures",
            "ccpa-request-methods",
            "ccpa-retention",
            "ccpa-under-16",
            "ccpa-verification",
            "gdpr-controller-identity",
            "gdpr-eu-representative",
            "gdpr-legal-basis",
            "gdpr-required-data",
            "gdpr-retention",
            "gdpr-transfer-mechanism",
            "uk-representative",
            "us-states-appeal",
            "us-states-texas-request-methods",
        ]
    );
}
