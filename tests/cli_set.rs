//! `set` and `ask` without a terminal, as scripts use them.

use std::path::Path;

mod common;

use common::pw_in as pw;
use predicates::str::contains;

fn saved(data: &Path, name: &str) -> serde_json::Value {
    let path = data.join("policies").join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn set_creates_and_changes_a_saved_policy() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "organization.product_name=Acme"])
        .assert()
        .code(2)
        .stderr(contains("no saved policy named `acme`"))
        .stderr(contains("--create"));

    pw(data.path())
        .args([
            "set",
            "acme",
            "--create",
            "organization.product_name=Acme",
            "organization.contact_email=hello@acme.io",
            "audience.regions=eea,uk",
            "policy.last_updated=2026-12-01",
        ])
        .assert()
        .success()
        .stdout(contains("set audience.regions"));
    let v = saved(data.path(), "acme");
    assert_eq!(v["organization"]["product_name"], "Acme");
    assert_eq!(v["audience"]["regions"], serde_json::json!(["eea", "uk"]));

    // The saved policy now renders, and set changes it in place.
    pw(data.path())
        .args(["set", "acme", "organization.contact_email=privacy@acme.io"])
        .assert()
        .success();
    pw(data.path())
        .args(["render", "acme", "--format", "text"])
        .assert()
        .success()
        .stdout(contains("privacy@acme.io"));
}

#[test]
fn set_reports_every_problem_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "--create", "organization.product_name=Acme"])
        .assert()
        .success();
    let before = saved(data.path(), "acme");
    pw(data.path())
        .args([
            "set",
            "acme",
            "organization.contact_email=not-an-email",
            "organization.colour=red",
            "audience.minimum_age=old",
        ])
        .assert()
        .code(2)
        .stderr(contains("organization.colour"))
        .stderr(contains("`old` is not a whole number"));
    pw(data.path())
        .args(["set", "acme", "organization.contact_email=not-an-email"])
        .assert()
        .code(2)
        .stderr(contains("`not-an-email` is not an e-mail address"));
    assert_eq!(
        saved(data.path(), "acme"),
        before,
        "nothing written on error"
    );
}

#[test]
fn set_ignores_problems_elsewhere_in_a_draft() {
    // A new draft lacks a contact e-mail; setting its product name must still work.
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "draft", "--create", "audience.minimum_age=16"])
        .assert()
        .success();
    assert_eq!(saved(data.path(), "draft")["audience"]["minimum_age"], 16);
}

#[test]
fn set_needs_key_value_pairs() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["set", "acme", "organization.product_name"])
        .assert()
        .code(2)
        .stderr(contains("is not KEY=VALUE"));
}

#[test]
fn set_edits_list_entries_by_id() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("stepr.json");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/stepr.json"),
        &file,
    )
    .unwrap();
    pw(data.path())
        .arg("set")
        .arg(&file)
        .arg("data.categories.screenshots.name=Screen captures")
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"name\": \"Screen captures\""));
}

/// Issue 13 item 10: where a recipient works and who runs it are `set` paths, and the
/// rendered policy follows them.
#[test]
fn set_says_a_recipient_works_around_the_world_or_runs_on_our_servers() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("habitly.json");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/habitly.json"),
        &file,
    )
    .unwrap();
    pw(data.path())
        .arg("set")
        .arg(&file)
        .arg("processors.onesignal.worldwide=yes")
        .arg("processors.sentry.deployment=self_hosted")
        .arg("processors.sentry.safeguard=")
        .arg("processors.sentry.countries=")
        .assert()
        .success();
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let by_id = |id: &str| {
        a["processors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id("onesignal")["worldwide"], true);
    assert_eq!(by_id("sentry")["deployment"], "self_hosted");
    pw(data.path())
        .arg("set")
        .arg(&file)
        .arg("processors.sentry.deployment=on_prem")
        .assert()
        .failure()
        .stderr(contains("self_hosted"));
    pw(data.path())
        .args(["render", "--format", "text"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Software we run ourselves"))
        .stdout(contains("data centres around the world"));
}

#[test]
fn ask_without_a_terminal_points_to_set_and_render() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args(["ask", "acme"])
        .write_stdin("Acme\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("needs a terminal"))
        .stderr(contains("policywright set"))
        .stderr(contains("--set"));
    assert!(
        !data.path().join("policies").exists(),
        "nothing was written"
    );
}

/// `set FILE KEY=VALUE` on a copy of `example`, and `render example --set KEY=VALUE`:
/// whether each accepted it, and what each printed on stderr.
fn set_and_render(example: &str, assignment: &str) -> ((bool, String), (bool, String)) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    std::fs::copy(common::example(example), &file).unwrap();
    let set = common::pw()
        .arg("set")
        .arg(&file)
        .arg(assignment)
        .output()
        .unwrap();
    let render = common::pw()
        .args(["render", &common::example(example), "--set", assignment])
        .output()
        .unwrap();
    let outcome = |o: std::process::Output| {
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    (outcome(set), outcome(render))
}

/// What `set` and `render --set` accept is decided on the same answers: the
/// catalog filled in, then the assignment. Both accept, or both refuse with the
/// same problem.
#[test]
fn set_and_render_set_accept_and_refuse_the_same() {
    let accepted = [
        r#"processors=[{"catalog":"stripe"}]"#,
        r#"processors=[{"catalog":"sentry","purpose":"Finds crashes in the app"}]"#,
        "processors.stripe.purpose=Takes payments",
        "processors.stripe.countries=IE,US",
        "audience.minimum_age=21",
        "organization.product_name={{ 7*7 }}",
    ];
    for assignment in accepted {
        let ((set_ok, set_err), (render_ok, render_err)) = set_and_render("acme", assignment);
        assert!(set_ok, "set refused {assignment}: {set_err}");
        assert!(render_ok, "render --set refused {assignment}: {render_err}");
    }
    let refused = [
        (
            r#"processors=[{"catalog":"strpe"}]"#,
            r#"processors[0].catalog: no catalog entry "strpe"; did you mean "stripe"?"#,
        ),
        (
            "processors.sentry.purpose=x",
            "`processors` has no entry `sentry`",
        ),
        (
            "audience.minimum_age=40",
            "audience.minimum_age: `40` is not an age between 0 and 21",
        ),
        ("rights.complaint=maybe", "`maybe` is not yes/no"),
    ];
    for (assignment, problem) in refused {
        let ((set_ok, set_err), (render_ok, render_err)) = set_and_render("acme", assignment);
        assert!(!set_ok && !render_ok, "{assignment} was accepted by one");
        assert!(set_err.contains(problem), "set: {set_err}");
        assert!(render_err.contains(problem), "render --set: {render_err}");
    }
}

#[test]
fn set_keeps_catalog_references_as_references() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    std::fs::copy(common::example("acme"), &file).unwrap();
    pw(dir.path())
        .arg("set")
        .arg(&file)
        .arg(r#"processors=[{"catalog":"stripe"},{"catalog":"sentry"}]"#)
        .arg("processors.sentry.purpose=Finds crashes in the app")
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_str(&common::read(&file)).unwrap();
    let sentry = &v["processors"][1];
    assert_eq!(sentry["catalog"], "sentry");
    assert_eq!(sentry["purpose"], "Finds crashes in the app");
    assert!(
        sentry.get("name").is_none(),
        "the catalog's facts stay in the catalog: {sentry}"
    );
    pw(dir.path())
        .arg("render")
        .arg(&file)
        .args(["--format", "text"])
        .assert()
        .success()
        .stdout(contains("Sentry"))
        .stdout(contains("Finds crashes in the app"));
}

/// A text answer is text, whatever it starts with; a value given whole as a JSON
/// string is unquoted; a field that is not text still takes JSON.
#[test]
fn text_answers_are_taken_literally() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    std::fs::copy(common::example("complete"), &file).unwrap();
    pw(dir.path())
        .arg("set")
        .arg(&file)
        .args([
            "organization.product_name={{ 7*7 }}",
            "organization.description=[beta] a ledger for {small} teams",
            r#"organization.legal_entity="  Acme GmbH  ""#,
        ])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_str(&common::read(&file)).unwrap();
    assert_eq!(v["organization"]["product_name"], "{{ 7*7 }}");
    assert_eq!(
        v["organization"]["description"],
        "[beta] a ledger for {small} teams"
    );
    assert_eq!(v["organization"]["legal_entity"], "  Acme GmbH  ");

    common::pw()
        .args(["render", &common::example("complete"), "--format", "text"])
        .args(["--set", "organization.product_name={{ 7*7 }}"])
        .args(["--set", "organization.description=[beta] a ledger"])
        .assert()
        .success()
        .stdout(contains("{{ 7*7 }}"))
        .stdout(contains("[beta] a ledger"));
    // Not text: JSON as before, and bad JSON is still an error.
    common::pw()
        .args(["render", &common::example("complete"), "--format", "text"])
        .args(["--set", r#"audience.regions=["eea"]"#])
        .assert()
        .success();
    common::pw()
        .args(["render", &common::example("complete")])
        .args(["--set", "audience.regions=[eea"])
        .assert()
        .code(2)
        .stderr(contains("is not valid JSON"));
}

/// Issue 13, compatibility: `set` on a version 1 file writes version 2 and says so
/// once, on standard error.
#[test]
fn set_upgrades_a_version_1_file_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("old.json");
    let v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1/complete-0.1.json"
    ))
    .unwrap();
    std::fs::write(&file, &v1).unwrap();
    pw(data.path())
        .args(["set"])
        .arg(&file)
        .arg("organization.legal_form=a cooperative")
        .assert()
        .success()
        .stderr(contains("saved as answers format 2 (it was 1)"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"schema_version\": 2"), "{text}");
    assert!(text.contains("a cooperative"));
    // Saved again, it is current: no note.
    pw(data.path())
        .args(["set"])
        .arg(&file)
        .arg("organization.legal_form=a partnership")
        .assert()
        .success()
        .stderr("");
}

/// Issue 13, compatibility, on files policywright 0.1 wrote itself (a saved policy,
/// its version snapshot and its published Markdown): this release renders the same
/// text from it without writing to the answers file; the first change writes
/// version 2. The text differs from what 0.1 published by one line: serving
/// California, the policy now states its effective date, which is its last-updated
/// date when no other is given (CalOPPA 22575(b)(4); legal review FP-2). So
/// publishing again records a new version for the built-in wording.
#[test]
fn a_policy_published_by_the_earlier_release_carries_on() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/ledgerly-0.1");
    let copy = || {
        let data = tempfile::tempdir().unwrap();
        for part in ["policies/ledgerly.json", "versions/ledgerly/0001.json"] {
            let to = data.path().join(part);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(fixture.join(part), &to).unwrap();
        }
        data
    };
    let published = std::fs::read_to_string(fixture.join("ledgerly.md")).unwrap();
    let with_effective = |date: &str| {
        published.replace(
            "**Last updated:** 2026-11-01\n",
            &format!("**Last updated:** {date} · **Effective:** {date}\n"),
        )
    };

    // Publishing again: the wording changed, the answers did not.
    let data = copy();
    let out = data.path().join("ledgerly.md");
    pw(data.path())
        .args(["publish", "ledgerly", "--date", "2026-12-01", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains(
            "version 2 (2026-12-01): no change to the answers (the built-in wording changed)",
        ));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        with_effective("2026-12-01")
    );

    let data = copy();
    let answers = data.path().join("policies/ledgerly.json");
    let v1 = std::fs::read_to_string(&answers).unwrap();
    let out = data.path().join("ledgerly.md");
    pw(data.path())
        .args(["render", "ledgerly", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr("");
    assert_eq!(
        std::fs::read_to_string(&answers).unwrap(),
        v1,
        "not rewritten"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        with_effective("2026-11-01"),
        "the text 0.1 published, with its effective date"
    );
    pw(data.path())
        .args(["set", "ledgerly", "organization.legal_form=a German GmbH"])
        .assert()
        .success()
        .stderr(contains("saved as answers format 2 (it was 1)"));
    let text = std::fs::read_to_string(&answers).unwrap();
    assert_eq!(
        text,
        v1.replace("\"schema_version\": 1", "\"schema_version\": 2")
            .replace(
                "    \"legal_entity\": \"Ledgerly GmbH\",\n",
                "    \"legal_entity\": \"Ledgerly GmbH\",\n    \"legal_form\": \"a German GmbH\",\n"
            )
    );
}

/// A value the policy leaves out today (its question's condition is false) is still
/// saved, and comes back with the condition: `set` refuses it when it is invalid,
/// as it would once the condition holds.
#[test]
fn set_refuses_an_invalid_value_under_a_false_condition() {
    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .args([
            "set",
            "acme",
            "--create",
            "organization.product_name=Acme",
            "organization.contact_email=hello@acme.io",
            "organization.country=US",
            "audience.regions=us_other",
        ])
        .assert()
        .success();
    // No EU user: the EU representative is not asked and not rendered.
    pw(data.path())
        .args([
            "set",
            "acme",
            "organization.eu_representative.name=Rep GmbH",
        ])
        .assert()
        .success();
    pw(data.path())
        .args([
            "set",
            "acme",
            "organization.eu_representative.email=not-an-address",
        ])
        .assert()
        .code(2)
        .stderr(contains("organization.eu_representative.email"))
        .stderr(contains("is not an e-mail address"));
    let v = saved(data.path(), "acme");
    assert!(
        v["organization"]["eu_representative"]
            .get("email")
            .is_none()
    );
}

/// The answer path `check` prints (`processors[0].countries`) is taken by `set` as
/// it is, so a finding can be fixed by pasting its path (ux-ask-cli finding 7).
#[test]
fn set_takes_the_answer_path_check_prints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.json");
    std::fs::copy(common::example("stepr"), &file).unwrap();
    pw(dir.path())
        .args([
            "set",
            file.to_str().unwrap(),
            "processors[0].countries=US,DE",
        ])
        .assert()
        .success()
        .stdout(contains("set processors.0.countries"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        v["processors"][0]["countries"],
        serde_json::json!(["US", "DE"])
    );
}
