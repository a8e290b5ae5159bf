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

