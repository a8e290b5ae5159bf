//! `scripts/policy-ci`, which `action.yml` and `.pre-commit-hooks.yaml` run: against
//! the examples, with the real binary on the PATH as a CI job would have it.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{example, read};

fn policy_ci(args: &[&str], cwd: &Path) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_policywright"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/policy-ci"))
        .args(args)
        .current_dir(cwd)
        .env("PATH", path)
        .env("POLICYWRIGHT_DATA_DIR", cwd.join("no-data-dir"))
        .output()
        .unwrap()
}

#[test]
fn passes_a_clean_policy_and_fails_a_stale_or_faulty_one() {
    let dir = tempfile::tempdir().unwrap();
    let code = dir.path().join("code");
    std::fs::create_dir(&code).unwrap();
    let published = dir.path().join("privacy.md");
    let rendered = Command::new(env!("CARGO_BIN_EXE_policywright"))
        .args(["render", &example("complete"), "--out"])
        .arg(&published)
        .output()
        .unwrap();
    assert!(rendered.status.success());
    let answers = example("complete");
    let args = [
        answers.as_str(),
        code.to_str().unwrap(),
        published.to_str().unwrap(),
    ];

    let ok = policy_ci(&args, dir.path());
    let said = String::from_utf8_lossy(&ok.stdout);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{said}{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(said.contains("is up to date"), "{said}");

    // The published text no longer matches the answers: stale.
    std::fs::write(
        &published,
        read(&published).replace("Ledgerly", "Ledgerly Pro"),
    )
    .unwrap();
    let stale = policy_ci(&args, dir.path());
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stderr).contains("is stale"));

    // The code uses a service the policy does not declare.
    std::fs::write(
        code.join("package.json"),
        r#"{"dependencies": {"@sentry/node": "8"}}"#,
    )
    .unwrap();
    let undeclared = policy_ci(&args[..2], dir.path());
    assert_eq!(undeclared.status.code(), Some(1));

    // An error-level finding.
    let faulty = policy_ci(&[&example("stepr")], dir.path());
    assert_eq!(faulty.status.code(), Some(1));

    // Bad input is exit 2, as for policywright itself.
    let bad = policy_ci(&["no/such/file.json"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
}
