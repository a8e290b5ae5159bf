//! publish, history and diff through the real binary, with a throwaway data directory.

use std::path::{Path, PathBuf};

mod common;

use assert_cmd::Command;
use common::{example, pw_in, read};
use predicates::str::contains;

struct Env {
    dir: tempfile::TempDir,
    name: &'static str,
}

impl Env {
    /// A data directory with examples/stepr.json saved as `stepr`.
    fn new() -> Env {
        Env::of("stepr")
    }

    /// A data directory with examples/NAME.json saved as NAME.
    fn of(name: &'static str) -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("policies")).unwrap();
        std::fs::create_dir_all(dir.path().join("site")).unwrap();
        let saved = dir.path().join(format!("policies/{name}.json"));
        std::fs::copy(example(name), saved).unwrap();
        Env { dir, name }
    }

    fn pw(&self) -> Command {
        let mut cmd = pw_in(self.dir.path());
        cmd.current_dir(self.dir.path());
        cmd
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn saved(&self) -> serde_json::Value {
        serde_json::from_str(&read(&self.saved_path())).unwrap()
    }

    /// Edits the saved answers as a person (or `set`) would: straight in the JSON.
    fn edit(&self, f: impl FnOnce(&mut serde_json::Value)) {
        let mut v = self.saved();
        f(&mut v);
        std::fs::write(self.saved_path(), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    }

    fn saved_path(&self) -> PathBuf {
        self.path(&format!("policies/{}.json", self.name))
    }

    /// Runs the binary with these arguments; it must succeed. Standard output.
    fn run(&self, args: &[&str]) -> String {
        let out = self.pw().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    fn publish(&self, date: &str) -> String {
        let out = self
            .pw()
            .args([
                "publish",
                self.name,
                "--out",
                "site/privacy.md",
                "--date",
                date,
            ])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }
}

fn realistic_change(v: &mut serde_json::Value) {
    v["data"]["categories"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "usage", "name": "Usage events",
            "description": "the pages you open and the features you use",
            "source": "automatic", "ccpa_category": "internet_activity"
        }));
    v["processors"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "posthog", "name": "PostHog", "role": "analytics",
            "purpose": "measures which features are used",
            "categories": ["usage"], "countries": ["DE"], "safeguard": "sccs"
        }));
    v["retention"]["rules"][2]["period"] = "90 days".into();
    v["audience"]["regions"]
        .as_array_mut()
        .unwrap()
        .push("california".into());
    v["policy"]["effective_date"] = "2026-07-01".into();
    v["changes"]["notify_by"] = serde_json::json!(["email", "in_app"]);
    v["changes"]["notice_period"] = "30 days".into();
}

/// With and without catalog references (acme refers to the catalog for every recipient).
#[test]
fn publish_twice_keeps_the_date_and_records_one_version() {
    for (name, date, long) in [
        ("stepr", "2026-04-17", "April 17, 2026"),
        ("acme", "2026-11-01", "November 1, 2026"),
    ] {
        let env = Env::of(name);
        let first = env.publish("2026-12-01");
        assert!(
            first.contains(&format!("Published {name} version 1 (2026-12-01)")),
            "{first}"
        );
        assert!(first.contains(&format!("Last updated: {date}.")), "{first}");
        let policy = read(&env.path("site/privacy.md"));
        assert!(
            policy.contains(&format!("**Last updated:** {long}")),
            "{name}"
        );
        assert!(env.path(&format!("versions/{name}/0001.json")).is_file());

        let again = env.publish("2026-12-02");
        assert!(again.contains("unchanged since version 1"), "{again}");
        assert!(!env.path(&format!("versions/{name}/0002.json")).exists());
        assert_eq!(read(&env.path("site/privacy.md")), policy);
        assert_eq!(env.saved()["policy"]["last_updated"], date);
    }
}

/// A publish is not refused for check's findings, but it says how many remain (a
/// founder published with seven errors and was told nothing); a clean policy says
/// nothing of them.
#[test]
fn publish_says_how_many_findings_remain() {
    let stepr = Env::of("stepr").publish("2026-12-01");
    assert!(stepr.contains("check still finds "), "{stepr}");
    assert!(
        stepr.contains("in what was published: see them with policywright check stepr"),
        "{stepr}"
    );
    let acme = Env::of("acme").publish("2026-12-01");
    assert!(!acme.contains("check still finds"), "{acme}");
}

#[test]
fn a_changed_policy_gets_a_new_version_and_date_and_history_lists_both() {
    let env = Env::new();
    env.publish("2026-05-01");
    env.edit(realistic_change);
    let out = env.publish("2026-06-01");
    assert!(
        out.contains("Published stepr version 2 (2026-06-01)"),
        "{out}"
    );
    assert!(out.contains("diff stepr@1 stepr@2 --notice"), "{out}");
    assert_eq!(env.saved()["policy"]["last_updated"], "2026-06-01");
    assert_eq!(env.saved()["policy"]["effective_date"], "2026-07-01");
    let policy = read(&env.path("site/privacy.md"));
    assert!(policy.contains("**Last updated:** June 1, 2026 · **Effective:** July 1, 2026"));

    env.pw()
        .args(["history", "stepr"])
        .assert()
        .success()
        .stdout(contains("stepr: 2 published versions"))
        .stdout(contains("   1  2026-05-01  first published version"))
        .stdout(contains(
            "   2  2026-06-01  16 changes (4 material): Added data category",
        ))
        .stdout(contains("site/privacy.md (markdown)"));

    env.pw()
        .args(["diff", "stepr@1", "stepr@2"])
        .assert()
        .success()
        .stdout(contains(
            "Changes from stepr@1 (published 2026-05-01) to stepr@2",
        ))
        .stdout(contains(
            "[material] Added processor: PostHog (analytics), receiving Usage events, in Germany",
        ))
        .stdout(contains(
            "[material] Longer retention: Logs, from 30 days to 90 days",
        ));

    env.pw()
        .args(["diff", "stepr@1", "stepr@2", "--rendered"])
        .assert()
        .success()
        .stdout(contains("+++ stepr@2 (published 2026-06-01)"))
        .stdout(contains("+| **PostHog** |"));
}

/// With and without catalog references.
#[test]
fn diff_name_compares_the_working_answers_with_the_last_published_version() {
    for name in ["stepr", "acme"] {
        let env = Env::of(name);
        env.pw()
            .args(["diff", name])
            .assert()
            .code(2)
            .stderr(contains(format!("`{name}` has no published version yet")));
        env.publish("2026-12-01");
        env.pw()
            .args(["diff", name])
            .assert()
            .success()
            .stdout(contains("no changes"));
        env.edit(|v| v["sale_and_sharing"]["sells"] = true.into());
        env.pw()
            .args(["diff", name])
            .assert()
            .success()
            .stdout(contains(format!(
                "{name}@1 (published 2026-12-01) to {name} (working answers): 1 change, material",
            )))
            .stdout(contains("[material] Now sells personal information"));
        let json = env
            .pw()
            .args(["diff", name, "--format", "json"])
            .assert()
            .success();
        let json: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
        assert_eq!(json["old"], format!("{name}@1"));
        assert_eq!(json["new"], name);
        assert_eq!(json["changes"][0]["reason"], "selling or sharing turned on");
    }
}

#[test]
fn a_missing_version_exits_2_naming_the_versions_that_exist() {
    let env = Env::new();
    env.publish("2026-05-01");
    env.pw()
        .args(["diff", "stepr@9", "stepr"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: `stepr` has no version 9 (the only version is 1)\n");
    env.pw()
        .args(["diff", "nosuch@1"])
        .assert()
        .code(2)
        .stderr(contains(
            "`nosuch` has no version 1 (none has been published yet)",
        ));
}

#[test]
fn outputs_are_written_atomically_and_old_outputs_survive_an_error() {
    let env = Env::new();
    std::fs::write(env.path("site/privacy.md"), "old policy").unwrap();
    std::fs::write(env.path("site/privacy.html"), "old html").unwrap();
    env.edit(|v| v["organization"]["contact_email"] = "not an email".into());
    env.pw()
        .args(["publish", "stepr", "--date", "2026-05-01"])
        .args(["--out", "site/privacy.md", "--out", "site/privacy.html"])
        .assert()
        .code(2)
        .stderr(contains("organization.contact_email"));
    assert_eq!(read(&env.path("site/privacy.md")), "old policy");
    assert_eq!(read(&env.path("site/privacy.html")), "old html");
    assert!(!env.path("versions").exists());

    // A missing output directory is refused before anything is written.
    env.edit(|v| v["organization"]["contact_email"] = "a@b.io".into());
    env.pw()
        .args(["publish", "stepr", "--date", "2026-05-01"])
        .args(["--out", "site/privacy.md", "--out", "nowhere/privacy.html"])
        .assert()
        .code(2)
        .stderr(contains("does not exist"));
    assert_eq!(read(&env.path("site/privacy.md")), "old policy");

    env.pw()
        .args(["publish", "stepr", "--date", "2026-05-01"])
        .args(["--out", "site/privacy.md", "--out", "site/privacy.html"])
        .assert()
        .success();
    assert!(read(&env.path("site/privacy.html")).starts_with("<!DOCTYPE html>"));
    let leftovers: Vec<_> = std::fs::read_dir(env.path("site"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn publish_prints_to_stdout_without_out() {
    let env = Env::new();
    env.pw()
        .args(["publish", "-"])
        .assert()
        .code(2)
        .stderr(contains("not standard input"));
    env.pw()
        .args(["publish", "stepr", "--date", "2026-05-01"])
        .assert()
        .success()
        .stdout(contains("# Privacy Policy"))
        .stderr(contains("Published stepr version 1"));
}

/// Issue 16: an answers file kept in a repository keeps its versions beside it, with
/// outputs relative to it, so `publish`, `history` and `FILE@N` work in a fresh clone;
/// a publication date earlier than the last version's is refused.
#[test]
fn an_answers_file_keeps_its_versions_beside_it() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join(".git")).unwrap();
    std::fs::create_dir_all(repo.path().join("policy")).unwrap();
    std::fs::create_dir_all(repo.path().join("site")).unwrap();
    std::fs::copy(example("acme"), repo.path().join("policy/answers.json")).unwrap();
    let run = |dir: &Path, args: &[&str]| {
        let out = pw_in(&dir.join("no-data-dir"))
            .current_dir(dir)
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let file = "policy/answers.json";
    let out = run(
        repo.path(),
        &[
            "publish",
            file,
            "--out",
            "site/privacy.md",
            "--date",
            "2026-12-01",
        ],
    );
    assert!(
        out.contains("Published policy/answers.json version 1 (2026-12-01)"),
        "{out}"
    );
    let version: serde_json::Value = serde_json::from_str(&read(
        &repo.path().join("policy/answers.versions/0001.json"),
    ))
    .unwrap();
    assert_eq!(
        version["outputs"][0]["path"],
        Path::new("..").join("site/privacy.md").to_str().unwrap(),
        "outputs are recorded relative to the answers file"
    );

    // A clone elsewhere has the whole history.
    let clone = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(clone.path().join(".git")).unwrap();
    for rel in ["policy/answers.json", "policy/answers.versions/0001.json"] {
        let to = clone.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(repo.path().join(rel), to).unwrap();
    }
    std::fs::create_dir_all(clone.path().join("site")).unwrap();
    let history = run(clone.path(), &["history", file]);
    assert!(
        history.contains("   1  2026-12-01  first published version"),
        "{history}"
    );
    assert!(run(clone.path(), &["diff", file]).ends_with("no changes.\n"));
    let edited = clone.path().join(file);
    let text = read(&edited).replace("Musterstraße 1", "Hauptstraße 2");
    std::fs::write(&edited, text).unwrap();
    let out = run(
        clone.path(),
        &[
            "publish",
            file,
            "--out",
            "site/privacy.md",
            "--date",
            "2026-12-02",
        ],
    );
    assert!(out.contains("version 2 (2026-12-02)"), "{out}");
    let diff = run(
        clone.path(),
        &["diff", "policy/answers.json@1", "policy/answers.json@2"],
    );
    assert!(diff.contains("Changed postal address"), "{diff}");

    // Versions follow each other in time.
    std::fs::write(
        &edited,
        read(&edited).replace("Hauptstraße 2", "Ringstraße 3"),
    )
    .unwrap();
    pw_in(&clone.path().join("no-data-dir"))
        .current_dir(clone.path())
        .args([
            "publish",
            file,
            "--out",
            "site/privacy.md",
            "--date",
            "2026-11-30",
        ])
        .assert()
        .code(2)
        .stderr(contains("was last published on 2026-12-02"));
}

#[test]
fn snapshot_of_the_markdown_changelog_and_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("stepr-new.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&read(Path::new(&example("stepr")))).unwrap();
    realistic_change(&mut v);
    v["policy"]["last_updated"] = "2026-06-01".into();
    std::fs::write(&new, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let run = |extra: &[&str]| {
        let out = pw_in(dir.path())
            .arg("diff")
            .arg(example("stepr"))
            .arg(&new)
            .args(extra)
            .assert()
            .success();
        let o = out.get_output();
        (
            String::from_utf8(o.stdout.clone()).unwrap(),
            String::from_utf8(o.stderr.clone()).unwrap(),
        )
    };
    let (markdown, _) = run(&["--format", "markdown"]);
    insta::assert_snapshot!("diff_markdown", markdown);
    let (notice, notes) = run(&["--notice"]);
    insta::assert_snapshot!("diff_notice", notice);
    assert!(notes.contains("note: the policy promises to announce material changes by e-mail"));
}

#[test]
fn publish_fills_in_catalog_references_but_saves_them_as_written() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("policies")).unwrap();
    std::fs::copy(example("acme"), data.path().join("policies/acme.json")).unwrap();
    let out = data.path().join("privacy.md");
    pw_in(data.path())
        .args(["publish", "acme", "--date", "2026-07-01", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        read(&out).contains("**Stripe**"),
        "the catalog entry was rendered"
    );
    let saved = read(&data.path().join("policies/acme.json"));
    assert!(
        saved.contains("\"catalog\": \"stripe\""),
        "references stay references"
    );
}

#[test]
fn remembered_outputs_are_written_by_the_next_publish() {
    let env = Env::new();
    env.pw()
        .args(["publish", "stepr", "--date", "2026-05-01", "--remember"])
        .args(["--out", "site/privacy.md", "--out", "site/privacy.html"])
        .assert()
        .success();
    let remembered = &env.saved()["workspace"]["outputs"];
    assert_eq!(remembered[0]["format"], "markdown");
    assert_eq!(remembered[1]["format"], "html");
    // A saved policy lives in the data directory: its outputs are kept in full.
    let md = remembered[0]["path"].as_str().unwrap();
    assert!(Path::new(md).is_absolute(), "{md}");
    assert!(md.ends_with("site/privacy.md"), "{md}");

    // No --out: the remembered files again, whatever the current directory.
    std::fs::remove_file(env.path("site/privacy.md")).unwrap();
    env.edit(|v| v["organization"]["contact_email"] = "privacy@stepr.app".into());
    let elsewhere = tempfile::tempdir().unwrap();
    pw_in(env.dir.path())
        .current_dir(elsewhere.path())
        .args(["publish", "stepr", "--date", "2026-06-01"])
        .assert()
        .success()
        .stdout(contains("site/privacy.md (markdown)"))
        .stdout(contains("site/privacy.html (html)"));
    assert!(read(&env.path("site/privacy.md")).contains("privacy@stepr.app"));
    assert!(read(&env.path("site/privacy.html")).contains("privacy@stepr.app"));
    assert!(
        std::fs::read_dir(elsewhere.path())
            .unwrap()
            .next()
            .is_none()
    );

    // --format alone still asks for standard output.
    env.pw()
        .args([
            "publish",
            "stepr",
            "--date",
            "2026-06-01",
            "--format",
            "text",
        ])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("PRIVACY POLICY\n"));

    // --remember needs --out.
    env.pw()
        .args(["publish", "stepr", "--remember"])
        .assert()
        .code(2)
        .stderr(contains("--out"));
}

/// Every example, compared with itself, has no change in any of diff's outputs.
#[test]
fn identical_answers_report_no_change_for_every_example() {
    let examples = std::fs::read_dir(format!("{}/examples", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"));
    let mut seen = 0;
    for path in examples {
        seen += 1;
        let run = |extra: &[&str]| {
            let out = common::pw()
                .arg("diff")
                .arg(&path)
                .arg(&path)
                .args(extra)
                .assert()
                .success();
            String::from_utf8(out.get_output().stdout.clone()).unwrap()
        };
        let name = path.display();
        assert!(run(&[]).ends_with("no changes.\n"), "{name}: {}", run(&[]));
        let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
        assert_eq!(json["changes"], serde_json::json!([]), "{name}");
        assert!(
            run(&["--notice"]).starts_with("No notice is needed"),
            "{name}"
        );
        assert_eq!(
            run(&["--rendered"]),
            "The rendered policies are identical.\n",
            "{name}"
        );
    }
    assert!(seen >= 4, "examples/ holds the examples");
}

/// A change to catalog-referenced recipients, as a founder makes it: a new service
/// by reference, one dropped, one receiving more data.
fn change_acme_recipients(v: &mut serde_json::Value) {
    let processors = v["processors"].as_array_mut().unwrap();
    processors.retain(|p| p["catalog"] != "postmark");
    processors.push(serde_json::json!({"catalog": "sentry"}));
    processors[1]["categories"] = serde_json::json!(["account", "billing", "invoices"]);
}

/// Architecture review B1: catalog references compared by the recipient the policy
/// names, in every report of a change.
#[test]
fn catalog_recipients_are_named_in_diff_history_publish_and_the_notice() {
    let env = Env::of("acme");
    env.publish("2026-11-02");
    env.edit(change_acme_recipients);
    let published = env.publish("2026-11-03");
    assert!(
        published.contains("Published acme version 2 (2026-11-03): "),
        "{published}"
    );
    assert!(published.contains("Added processor: Sentry"), "{published}");
    assert!(
        published.contains("Material changes: tell your users"),
        "{published}"
    );

    let history = env.run(&["history", "acme"]);
    assert!(
        history.contains("   2  2026-11-03  ") && history.contains("Added processor: Sentry"),
        "{history}"
    );

    let text = env.run(&["diff", "acme@1", "acme@2"]);
    for line in [
        "[material] Added processor: Sentry (monitoring)",
        "           Removed processor: Postmark",
        "[material] Stripe now also receives Invoices",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    assert!(
        !text.contains("processor :"),
        "no nameless recipient\n{text}"
    );
    assert!(!text.contains("(other)"), "no unplaced recipient\n{text}");

    let markdown = env.run(&["diff", "acme@1", "acme@2", "--format", "markdown"]);
    assert!(markdown.contains("- Added processor: Sentry"), "{markdown}");
    assert!(
        markdown.contains("- Removed processor: Postmark"),
        "{markdown}"
    );

    let notice = env.run(&["diff", "acme@1", "acme@2", "--notice"]);
    assert!(!notice.starts_with("No notice is needed"), "{notice}");
    assert!(notice.contains("Sentry"), "{notice}");

    let rendered = env.run(&["diff", "acme@1", "acme@2", "--rendered"]);
    assert!(
        rendered
            .lines()
            .any(|l| l.starts_with('+') && l.contains("Sentry")),
        "{rendered}"
    );
    assert!(
        rendered
            .lines()
            .any(|l| l.starts_with('-') && l.contains("Postmark")),
        "{rendered}"
    );
}

/// Architecture review B1: an address edit on a catalog-referencing policy is the
/// address (and the effective date that publishing a changed text moves), not
/// "12 changes (1 material): tell your users".
#[test]
fn an_address_edit_is_one_change_and_needs_no_notice() {
    let env = Env::of("acme");
    env.publish("2026-11-02");
    env.edit(|v| v["organization"]["postal_address"] = "Hauptstraße 2, 10115 Berlin".into());
    let published = env.publish("2026-11-03");
    assert!(
        published.contains("(2026-11-03): 2 changes: Changed postal address"),
        "{published}"
    );
    assert!(!published.contains("Material"), "{published}");
    let diff = env.run(&["diff", "acme@1", "acme@2"]);
    assert!(diff.contains(": 3 changes, none material."), "{diff}");
    assert!(diff.contains("Changed effective date"), "{diff}");
    let diff = env.run(&["diff", "acme"]);
    assert!(
        diff.ends_with("no changes.\n"),
        "working = last published\n{diff}"
    );
}

/// A version whose catalog entry has since gone from the operator's catalog is listed
/// and left uncompared: publishing again records the new version and succeeds, and
/// `history` still lists every version (review of this change: publish recorded the
/// version, then failed; history failed from then on).
#[test]
fn a_catalog_entry_that_has_gone_does_not_stop_publish_or_history() {
    let env = Env::of("acme");
    let catalog = env.path("processors.json");
    std::fs::write(
        &catalog,
        r#"{"processors": [
  {"id": "acme-mail", "name": "Acme Mail", "role": "messaging", "used_for": "sends our newsletters", "checked": "2026-11-01"}
]}"#,
    )
    .unwrap();
    env.edit(|v| {
        v["processors"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"catalog": "acme-mail"}))
    });
    env.publish("2026-11-02");
    std::fs::remove_file(&catalog).unwrap();
    env.edit(|v| {
        v["processors"]
            .as_array_mut()
            .unwrap()
            .retain(|p| p["catalog"] != "acme-mail")
    });
    let out = env.publish("2026-11-03");
    assert!(
        out.contains("Published acme version 2 (2026-11-03): not compared with version 1"),
        "{out}"
    );
    let history = env.run(&["history", "acme"]);
    assert!(
        history.contains("   1  2026-11-02  first published version"),
        "{history}"
    );
    assert!(
        history.contains("   2  2026-11-03  not compared with the version before"),
        "{history}"
    );
}
