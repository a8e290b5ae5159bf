//! The conventions scripts and shells rely on, through the real binary: exit codes of
//! `diff`, `--out -`, `--format json` reports, completions, the man page, `--quiet`.

use std::path::{Path, PathBuf};

mod common;

use common::{example, pw, pw_in, read};
use predicates::prelude::*;
use predicates::str::contains;

/// examples/stepr.json changed by `f`, written to `dir/name`.
fn edited(dir: &Path, name: &str, f: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(&read(Path::new(&example("stepr")))).unwrap();
    f(&mut v);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn json(out: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// A data directory with examples/stepr.json saved as `stepr`, run from inside it.
fn saved_stepr() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("policies")).unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    std::fs::copy(example("stepr"), dir.path().join("policies/stepr.json")).unwrap();
    dir
}

fn in_dir(dir: &Path) -> assert_cmd::Command {
    let mut cmd = pw_in(dir);
    cmd.current_dir(dir);
    cmd
}

// --- diff --exit-code -------------------------------------------------------------

#[test]
fn diff_exit_code_is_1_on_any_change_and_material_only_on_material_ones() {
    let dir = tempfile::tempdir().unwrap();
    let same = edited(dir.path(), "same.json", |_| {});
    let wording = edited(dir.path(), "wording.json", |v| {
        v["organization"]["contact_email"] = "privacy@elsewhere.example".into();
    });
    let recipient = edited(dir.path(), "recipient.json", |v| {
        v["processors"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "posthog", "name": "PostHog", "role": "analytics",
                "purpose": "measures which features are used",
                "categories": ["account"], "countries": ["DE"], "safeguard": "sccs"
            }));
    });
    let old = example("stepr");
    let code = |new: &Path, flag: &str| {
        pw().args(["diff", &old, new.to_str().unwrap(), flag])
            .output()
            .unwrap()
            .status
            .code()
            .unwrap()
    };
    assert_eq!(code(&same, "--exit-code"), 0);
    assert_eq!(code(&wording, "--exit-code"), 1);
    assert_eq!(code(&recipient, "--exit-code"), 1);
    assert_eq!(code(&same, "--exit-code=material"), 0);
    assert_eq!(code(&wording, "--exit-code=material"), 0);
    assert_eq!(code(&recipient, "--exit-code=material"), 1);
    // Without the flag, changes are not a failure; the output is printed either way.
    assert_eq!(code(&recipient, "--format=json"), 0);
    pw().args(["diff", &old, recipient.to_str().unwrap(), "--exit-code"])
        .assert()
        .code(1)
        .stdout(contains("PostHog"));
    // The same with a notice and with the rendered texts.
    assert_eq!(code(&recipient, "--notice"), 0);
    pw().args([
        "diff",
        &old,
        recipient.to_str().unwrap(),
        "--notice",
        "--exit-code=material",
    ])
    .assert()
    .code(1);
    pw().args([
        "diff",
        &old,
        wording.to_str().unwrap(),
        "--rendered",
        "--exit-code",
    ])
    .assert()
    .code(1);
    pw().args([
        "diff",
        &old,
        wording.to_str().unwrap(),
        "--rendered",
        "--exit-code=material",
    ])
    .assert()
    .code(0);
    // A bare --exit-code does not swallow NEW, and a bad value is a usage error.
    pw().args(["diff", &old, "--exit-code=sometimes", &old])
        .assert()
        .code(2)
        .stderr(contains("material"));
}

// --- --out ------------------------------------------------------------------------

#[test]
fn render_out_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    pw().current_dir(dir.path())
        .args([
            "render",
            &example("stepr"),
            "--out",
            "-",
            "--format",
            "html",
        ])
        .assert()
        .success()
        .stdout(contains("<!DOCTYPE html>").or(contains("<!doctype html>")));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn an_unknown_out_extension_without_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    pw().current_dir(dir.path())
        .args(["render", &example("stepr"), "--out", "policy.pdf"])
        .assert()
        .code(2)
        .stderr(contains("policy.pdf"))
        .stderr(contains(".md, .markdown, .html, .htm, .txt or .text"))
        .stderr(contains("--format"));
    assert!(!dir.path().join("policy.pdf").exists());
    // With --format, any name goes; known extensions and none need no --format.
    for (out, format) in [
        ("policy.pdf", Some("html")),
        ("policy.md", None),
        ("policy.HTML", None),
        ("policy", None),
    ] {
        let mut cmd = pw();
        cmd.current_dir(dir.path())
            .args(["render", &example("stepr"), "--out", out]);
        if let Some(format) = format {
            cmd.args(["--format", format]);
        }
        cmd.assert().success();
        assert!(dir.path().join(out).exists(), "{out}");
    }
    assert!(read(&dir.path().join("policy.HTML")).contains("<html"));
}

#[test]
fn publish_out_dash_prints_the_policy_and_reports_on_stderr() {
    let dir = saved_stepr();
    let out = in_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "-",
            "--out",
            "site/privacy.html",
            "--date",
            "2026-05-04",
        ])
        .assert()
        .success()
        .stderr(contains("Published stepr version 1"))
        .stderr(contains("Wrote site/privacy.html (html)."));
    assert!(
        stdout(&out).contains("\n# Privacy Policy"),
        "Markdown on stdout"
    );
    assert!(!dir.path().join("-").exists());
    in_dir(dir.path())
        .args(["publish", "stepr", "--out", "site/privacy.pdf"])
        .assert()
        .code(2)
        .stderr(contains("cannot tell the format"));
    in_dir(dir.path())
        .args(["publish", "stepr", "--out", "-", "--remember"])
        .assert()
        .code(2)
        .stderr(contains("--remember"));
}

// --- --format json ------------------------------------------------------------------

#[test]
fn publish_report_json_says_what_was_recorded_and_written() {
    let dir = saved_stepr();
    let first = in_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "site/privacy.md",
            "--date",
            "2026-05-04",
            "--report",
            "json",
        ])
        .assert()
        .success();
    let v = json(&first);
    assert_eq!(v["name"], "stepr");
    assert_eq!(v["outcome"], "recorded");
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"], "first published version");
    assert_eq!(v["material"], false);
    assert_eq!(
        v["written"],
        serde_json::json!([{"path": "site/privacy.md", "format": "markdown"}])
    );
    // What check finds in what was published, as `check --format json` counts it.
    let checked = in_dir(dir.path())
        .args(["check", "stepr", "--date", "2026-05-04", "--format", "json"])
        .assert()
        .code(1);
    let summary = json(&checked)["summary"].clone();
    assert!(v["check"]["errors"].as_u64().unwrap() > 0, "{v}");
    assert_eq!(v["check"], summary);

    let again = in_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "site/privacy.md",
            "--date",
            "2026-05-05",
            "--report",
            "json",
        ])
        .assert()
        .success();
    let v = json(&again);
    assert_eq!(v["outcome"], "unchanged");
    assert_eq!(v["version"], 1);

    let changed = in_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "site/privacy.md",
            "--date",
            "2026-05-06",
            "--report",
            "json",
            "--set",
            r#"processors=[{"id": "posthog", "name": "PostHog", "role": "analytics", "purpose": "measures which features are used", "categories": ["account"], "countries": ["DE"], "safeguard": "sccs"}]"#,
        ])
        .assert()
        .success();
    let v = json(&changed);
    assert_eq!(v["outcome"], "recorded");
    assert_eq!(v["version"], 2);
    assert_eq!(v["previous_version"], 1);
    assert_eq!(v["material"], true);
    assert_eq!(
        v["notice_command"],
        "policywright diff stepr@1 stepr@2 --notice"
    );
    assert_eq!(v["last_updated"], "2026-05-06");
    assert_eq!(v["effective_date_moved_from"], "2026-04-17");

    // The report needs standard output to itself.
    in_dir(dir.path())
        .args(["publish", "stepr", "--format", "html", "--report", "json"])
        .assert()
        .code(2)
        .stderr(contains("--out"));

    // history, in JSON, tells the same story.
    let out = in_dir(dir.path())
        .args(["history", "stepr", "--format", "json"])
        .assert()
        .success();
    let v = json(&out);
    assert_eq!(v["name"], "stepr");
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["date"], "2026-05-04");
    assert_eq!(versions[0]["summary"], "first published version");
    assert_eq!(versions[0]["material"], false);
    let written = versions[0]["outputs"][0]["path"].as_str().unwrap();
    assert!(written.ends_with("site/privacy.md"), "{v:#}");
    assert_eq!(versions[1]["material"], true);
    assert!(versions[1]["summary"].as_str().unwrap().contains("PostHog"));
}

#[test]
fn history_json_of_a_policy_never_published_has_no_versions() {
    let dir = saved_stepr();
    let out = in_dir(dir.path())
        .args(["history", "stepr", "--format", "json"])
        .assert()
        .success();
    assert_eq!(json(&out)["versions"], serde_json::json!([]));
}

#[test]
fn set_json_names_the_file_and_the_answers_set() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    std::fs::copy(example("stepr"), &file).unwrap();
    let out = pw()
        .args([
            "set",
            file.to_str().unwrap(),
            "organization.contact_email=privacy@elsewhere.example",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let v = json(&out);
    assert_eq!(v["path"], file.to_str().unwrap());
    assert_eq!(v["set"], serde_json::json!(["organization.contact_email"]));
    assert_eq!(v["changed"], true);
    assert_eq!(v["created"], false);
    let out = pw()
        .args([
            "set",
            file.to_str().unwrap(),
            "organization.contact_email=privacy@elsewhere.example",
            "--format",
            "json",
        ])
        .assert()
        .success();
    assert_eq!(json(&out)["changed"], false);
}

// --- completions and the man page ----------------------------------------------------

const COMMANDS: [&str; 16] = [
    "new",
    "edit",
    "render",
    "check",
    "schema",
    "ask",
    "set",
    "publish",
    "list",
    "history",
    "diff",
    "processors",
    "scan",
    "completions",
    "man",
    "--exit-code",
];

#[test]
fn completions_for_every_shell_know_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = pw().args(["completions", shell]).assert().success();
        let script = stdout(&out);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
    }
    pw().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_is_roff_and_names_every_subcommand() {
    let out = pw().arg("man").assert().success();
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH policywright"),
        "{page}"
    );
    for command in &COMMANDS[..15] {
        assert!(page.contains(command), "{command} missing");
    }

    let dir = tempfile::tempdir().unwrap();
    pw().args(["man", "--dir", dir.path().to_str().unwrap()])
        .assert()
        .success();
    for command in &COMMANDS[..15] {
        let page = dir.path().join(format!("policywright-{command}.1"));
        assert!(page.exists(), "{}", page.display());
    }
    assert!(read(&dir.path().join("policywright-diff.1")).contains("exit\\-code"));
}

// --- --quiet ------------------------------------------------------------------------

#[test]
fn quiet_leaves_only_the_result() {
    let dir = saved_stepr();
    in_dir(dir.path())
        .args([
            "publish",
            "stepr",
            "--out",
            "site/privacy.md",
            "--date",
            "2026-05-04",
            "--quiet",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(dir.path().join("site/privacy.md").exists());
    let out = in_dir(dir.path())
        .args([
            "-q",
            "publish",
            "stepr",
            "--date",
            "2026-05-04",
            "--format",
            "text",
        ])
        .assert()
        .success()
        .stderr("");
    assert!(!stdout(&out).is_empty(), "the policy is the result");
    in_dir(dir.path())
        .args([
            "set",
            "stepr",
            "organization.contact_email=a@b.example",
            "-q",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn color_takes_auto_always_never() {
    for when in ["auto", "always", "never"] {
        pw().args(["--color", when, "list"]).assert().success();
    }
    pw().args(["--color", "sometimes", "list"]).assert().code(2);
}

/// Dynamic completion (`COMPLETE=<shell> policywright`): saved policy names where a
/// NAME is taken, answer keys after `--set`, from the binary at completion time.
#[test]
fn dynamic_completion_knows_saved_policies_and_answer_keys() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("policies")).unwrap();
    std::fs::copy(example("acme"), data.path().join("policies/acme.json")).unwrap();
    let complete = |words: &[&str]| {
        let out = pw_in(data.path())
            .env("COMPLETE", "fish")
            .arg("--")
            .args(words)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert_eq!(complete(&["policywright", "edit", "a"]), "acme\n");
    assert!(complete(&["policywright", "publish", ""]).contains("acme"));
    let keys = complete(&[
        "policywright",
        "render",
        "acme",
        "--set",
        "organization.pro",
    ]);
    assert!(keys.starts_with("organization.product_name=\t"), "{keys}");
    let script = pw_in(data.path())
        .env("COMPLETE", "bash")
        .assert()
        .success();
    let script = String::from_utf8(script.get_output().stdout.clone()).unwrap();
    assert!(script.contains("_clap_complete_policywright"), "{script}");
}
