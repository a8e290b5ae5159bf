//! `processors`, `scan` and catalog references, through the real binary. Every test
//! runs with its own data directory, so an operator catalog never leaks in.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

/// The binary with a fresh, empty data directory.
fn pw(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("policywright").unwrap();
    cmd.env("POLICYWRIGHT_DATA_DIR", data);
    cmd
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scan/acme")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn stdout_json(assert: assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

/// What the acme fixture reveals, in report order (role, then id).
const ACME: [&str; 10] = [
    "aws",
    "anthropic",
    "openai",
    "stripe",
    "amazon-ses",
    "postmark",
    "resend",
    "twilio",
    "posthog",
    "sentry",
];

/// A valid policy declaring these catalog ids (the first by name only).
fn policy_declaring(dir: &Path, ids: &[&str]) -> PathBuf {
    let mut processors: Vec<Value> = ids.iter().map(|id| json!({"catalog": id})).collect();
    if ids.first() == Some(&"aws") {
        processors[0] = json!({"id": "infra", "name": "Amazon Web Services", "role": "hosting", "purpose": "hosting"});
    }
    let answers = json!({
        "schema_version": 1,
        "organization": {"product_name": "Acme", "contact_email": "a@acme.example", "country": "DE"},
        "policy": {"last_updated": "2026-11-01"},
        "processors": processors
    });
    let path = dir.join("policy.json");
    std::fs::write(&path, serde_json::to_string_pretty(&answers).unwrap()).unwrap();
    path
}

// ---- processors ----

#[test]
fn processors_lists_the_catalog_by_role() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .arg("processors")
        .assert()
        .success()
        .stdout(contains("Payments (payments)\n"))
        .stdout(contains("  stripe "))
        .stdout(contains("E-mail and SMS (messaging)"))
        .stderr("");
}

#[test]
fn processors_searches_name_role_and_data() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["processors", "mail"])
        .assert()
        .success()
        .stdout(contains("postmark"))
        .stdout(contains("sendgrid"))
        .stdout(contains("stripe")) // its typical data includes e-mail addresses
        .stdout(contains("hetzner").not());
    pw(data.path())
        .args(["processors", "PHONE NUMBERS"])
        .assert()
        .success()
        .stdout(contains("twilio"));
    pw(data.path())
        .args(["processors", "no-such-service"])
        .assert()
        .success()
        .stdout(contains("No catalog entry matches `no-such-service`"));
}

#[test]
fn processors_json_has_every_field() {
    let data = tempfile::tempdir().unwrap();
    let all = stdout_json(
        pw(data.path())
            .args(["processors", "--format", "json"])
            .assert()
            .success(),
    );
    let all = all.as_array().unwrap();
    assert!(all.len() >= 60, "{}", all.len());
    let stripe = all.iter().find(|e| e["id"] == "stripe").unwrap();
    assert_eq!(stripe["role"], "payments");
    assert_eq!(
        stripe["legal_entities"]["eea"],
        "Stripe Payments Europe, Limited"
    );
    assert!(
        stripe["scan"]["npm"]
            .as_array()
            .unwrap()
            .contains(&json!("stripe"))
    );
}

#[test]
fn an_operator_catalog_adds_and_replaces_entries() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("processors.json"),
        r#"{"processors": [
  {"id": "acme-mail", "name": "Acme Mail", "role": "messaging", "used_for": "sends our newsletters", "checked": "2026-11-01",
   "scan": {"npm": ["acme-mail-sdk"]}},
  {"id": "stripe", "name": "Stripe", "legal_entity": "Stripe Technology Europe, Limited", "role": "payments", "used_for": "takes payments", "checked": "2026-11-01"}
]}"#,
    )
    .unwrap();
    pw(data.path())
        .args(["processors", "acme"])
        .assert()
        .success()
        .stdout(contains("acme-mail"));

    // scan maps names through the operator's entries too.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"dependencies": {"acme-mail-sdk": "1"}}"#,
    )
    .unwrap();
    pw(data.path())
        .arg("scan")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(contains("acme-mail (Acme Mail)"))
        .stdout(contains("package.json:1: npm package acme-mail-sdk"));

    // A reference renders the operator's version of the entry.
    let policy = policy_declaring(dir.path(), &["stripe"]);
    pw(data.path())
        .arg("render")
        .arg(&policy)
        .assert()
        .success()
        .stdout(contains("**Stripe** (Stripe Technology Europe, Limited)"))
        .stdout(contains("Takes payments"));
}

#[test]
fn a_malformed_operator_catalog_is_located() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("processors.json"),
        "{\"processors\": [\n  {\"id\": \"x\", \"name\": \"X\",}\n]}\n",
    )
    .unwrap();
    pw(data.path())
        .arg("processors")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("processors.json:2:"))
        .stderr(contains("trailing comma"));
    std::fs::write(
        data.path().join("processors.json"),
        "{\"processors\": [\n  {\"id\": \"x\", \"name\": \"X\", \"role\": \"hosting\", \"used_for\": \"x\", \"checked\": \"2026-11-01\", \"countries\": [\"XX\"]}\n]}\n",
    )
    .unwrap();
    pw(data.path())
        .args(["scan", "."])
        .assert()
        .code(2)
        .stderr(contains("processors.json:2:"))
        .stderr(contains("processors[0].countries[0]"));
}

// ---- scan ----

#[test]
fn scan_reports_each_processor_with_file_and_line() {
    let data = tempfile::tempdir().unwrap();
    let out = pw(data.path())
        .arg("scan")
        .arg(fixture())
        .assert()
        .success()
        .stdout(contains("Found 10 processors"))
        .stdout(contains("    package.json:6: npm package stripe"))
        .stdout(contains(
            "    web/.env.example:3: environment variable STRIPE_SECRET_KEY",
        ))
        .stdout(contains("    api/Cargo.toml:7: crate async-stripe"))
        .stdout(contains(
            "    worker/requirements-dev.txt:2: PyPI package sentry-sdk",
        ))
        .stdout(contains("    ml/pyproject.toml:5: PyPI package anthropic"))
        .stdout(contains(
            "    svc/go.mod:6: Go module github.com/resend/resend-go/v2",
        ))
        .stdout(contains("    app/Gemfile:4: gem postmark-rails"))
        .stdout(contains(
            "    php/composer.json:4: Composer package twilio/sdk",
        ))
        .stdout(contains("    package-lock.json:9: npm package openai"))
        // Secrets in env templates are never read into the output.
        .stdout(contains("sk_test").not())
        // The malformed manifest is a warning, not a failure.
        .stderr(contains("warning: broken/package.json: line 4"))
        .stderr(contains("trailing comma"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    // Vendored and build folders are skipped; an indirect Go dependency is not the product's.
    for skipped in ["mailgun", "algolia", "clerk", "stripe-go"] {
        assert!(!out.contains(skipped), "{skipped} in\n{out}");
    }
    // Extension permissions are offered as answers.
    assert!(out.contains("Browser extension manifest extension/manifest.json:"));
    assert!(
        out.contains(r#"{"names":["activeTab"],"used_for":""}"#),
        "{out}"
    );
}

#[test]
fn scan_json_is_stable_and_complete() {
    let data = tempfile::tempdir().unwrap();
    let run = || {
        pw(data.path())
            .args(["scan", "--format", "json"])
            .arg(fixture())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let first = run();
    assert_eq!(first, run(), "deterministic");
    let report: Value = serde_json::from_slice(&first).unwrap();
    let ids: Vec<&str> = report["processors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ACME);
    let stripe = &report["processors"][3];
    assert!(stripe.get("declared").is_none(), "no policy, no verdict");
    assert_eq!(
        stripe["evidence"][0],
        json!({"file": "api/Cargo.toml", "line": 7, "kind": "crates", "name": "async-stripe"})
    );
    assert_eq!(report["warnings"][0]["file"], "broken/package.json");
    let ext = &report["extensions"][0];
    assert_eq!(ext["file"], "extension/manifest.json");
    assert_eq!(
        ext["suggested_answers"][2],
        json!({"names": ["https://api.acme.example/*"], "used_for": ""})
    );
    assert_eq!(ext["permissions"][2]["list"], "host_permissions");
}

#[cfg(unix)]
#[test]
fn scan_never_follows_symlinks_out_of_the_directory() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let product = work.path().join("product");
    copy_dir(&fixture(), &product);
    let outside = work.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(
        outside.join("package.json"),
        r#"{"dependencies": {"@clerk/nextjs": "5"}}"#,
    )
    .unwrap();
    std::fs::write(outside.join("Gemfile"), "gem 'intercom'\n").unwrap();
    // A linked file and a linked folder, both pointing outside.
    std::os::unix::fs::symlink(
        outside.join("package.json"),
        product.join("web/package.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, product.join("linked")).unwrap();
    // A link inside the product to its own file is fine.
    std::os::unix::fs::symlink(product.join("app/Gemfile"), product.join("php/Gemfile")).unwrap();
    pw(data.path())
        .arg("scan")
        .arg(&product)
        .assert()
        .success()
        .stdout(contains("clerk").not())
        .stdout(contains("intercom").not())
        .stdout(contains("php/Gemfile:4: gem postmark-rails"));
}

#[test]
fn scan_with_policy_exits_1_for_undeclared_processors() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = policy_declaring(dir.path(), &ACME);
    pw(data.path())
        .arg("scan")
        .arg(fixture())
        .arg("--policy")
        .arg(&all)
        .assert()
        .code(0)
        .stdout(contains("stripe (Stripe) — declared"))
        .stdout(contains("aws (Amazon Web Services) — declared"));

    let missing = policy_declaring(dir.path(), &ACME[..9]);
    pw(data.path())
        .arg("scan")
        .arg(fixture())
        .arg("--policy")
        .arg(&missing)
        .assert()
        .code(1)
        .stdout(contains("sentry (Sentry) — NOT declared in"))
        .stdout(contains("1 processor found but not declared"))
        .stdout(contains("{\"catalog\": \"sentry\"}"));

    let report = stdout_json(
        pw(data.path())
            .args(["scan", "--format", "json", "--policy"])
            .arg(&missing)
            .arg(fixture())
            .assert()
            .code(1),
    );
    assert_eq!(report["processors"][9]["declared"], false);
    assert_eq!(report["processors"][0]["declared"], true);
}

#[test]
fn saved_policies_are_found_by_name() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("policies")).unwrap();
    let policy = policy_declaring(data.path(), &ACME);
    std::fs::rename(&policy, data.path().join("policies/acme.json")).unwrap();
    pw(data.path())
        .arg("scan")
        .arg(fixture())
        .args(["--policy", "acme"])
        .assert()
        .code(0);
}

#[test]
fn scan_bad_input_exits_2() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["scan", "no/such/dir"])
        .assert()
        .code(2)
        .stderr(contains("no/such/dir: no such file"));
    pw(data.path())
        .arg("scan")
        .arg(fixture().join("package.json"))
        .assert()
        .code(2)
        .stderr(contains("is not a directory"));
    pw(data.path())
        .arg("scan")
        .arg(fixture())
        .args(["--policy", "nobody"])
        .assert()
        .code(2)
        .stderr(contains("no saved policy named `nobody`"));
    pw(data.path())
        .args(["scan", ".", "--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn an_empty_directory_finds_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    pw(data.path())
        .arg("scan")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(contains("No processors from the catalog found"));
}

// ---- catalog references in answers ----

#[test]
fn render_fills_in_catalog_references() {
    let data = tempfile::tempdir().unwrap();
    let example = format!("{}/examples/acme.json", env!("CARGO_MANIFEST_DIR"));
    pw(data.path())
        .args(["render", &example])
        .assert()
        .success()
        .stdout(contains("**Stripe** (Stripe Payments Europe, Limited)"))
        .stdout(contains("Suggests invoice wording when you ask it to"));
    // --set reaches a field the catalog supplied, by the id the catalog gave.
    pw(data.path())
        .args([
            "render",
            &example,
            "--set",
            "processors.postmark.purpose=sends your invoices",
        ])
        .assert()
        .success()
        .stdout(contains("Sends your invoices"));
    // --set may add a reference; it is filled in too.
    pw(data.path())
        .args([
            "render",
            &example,
            "--set",
            r#"processors=[{"catalog": "crisp"}]"#,
        ])
        .assert()
        .success()
        .stdout(contains("**Crisp** (Crisp IM SAS)"))
        .stdout(contains("**Stripe**").not());
}

#[test]
fn an_unknown_catalog_id_is_located_with_a_suggestion() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = policy_declaring(dir.path(), &["stripe", "openai", "strpe"]);
    pw(data.path())
        .arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "processors[2].catalog: no catalog entry \"strpe\"; did you mean \"stripe\"?",
        ))
        .stderr(contains("policy.json"));
    pw(data.path())
        .args([
            "render",
            &format!("{}/examples/acme.json", env!("CARGO_MANIFEST_DIR")),
        ])
        .args(["--set", "processors.0.catalog=hetznr"])
        .assert()
        .code(2)
        .stderr(contains("--set"));
}

#[test]
fn entries_nobody_has_checked_say_so() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["processors", "stripe"])
        .assert()
        .success()
        .stdout(contains("[unchecked]").not());
    pw(data.path())
        .args(["processors", "lemon"])
        .assert()
        .success()
        .stdout(contains("lemon-squeezy").and(contains("[unchecked]")))
        .stdout(contains(
            "not yet checked against the service's own documents",
        ));
    let all = stdout_json(
        pw(data.path())
            .args(["processors", "lemon", "--format", "json"])
            .assert()
            .success(),
    );
    assert!(all.to_string().contains("lemon-squeezy"));
    assert!(!all.to_string().contains("\"checked\""), "{all}");
}
