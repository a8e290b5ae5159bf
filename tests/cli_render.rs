//! The real binary, as scripts and CI run it: no terminal, exit codes, files.

use std::path::Path;

mod common;

use common::{example, pw, read};
use predicates::prelude::*;
use predicates::str::contains;

/// A valid answers file with `patch` merged in at the top level.
fn answers_with(patch: serde_json::Value) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&read(Path::new(&example("stepr")))).unwrap();
    for (k, val) in patch.as_object().unwrap() {
        v[k] = val.clone();
    }
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn renders_markdown_to_stdout() {
    pw().args(["render", &example("stepr")])
        .assert()
        .success()
        .stdout(contains("# Privacy Policy"))
        .stdout(contains("not legal advice"))
        .stderr("");
}

#[test]
fn reads_answers_from_stdin() {
    pw().args(["render", "-", "--format", "text"])
        .write_stdin(read(Path::new(&example("stepr"))))
        .assert()
        .success()
        .stdout(contains("PRIVACY POLICY"));
}

#[test]
fn writes_html_to_out_and_infers_format_from_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("policy.html");
    pw().args(["render", &example("specstep"), "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = read(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("not legal advice"));
}

#[test]
fn set_overrides_answers_after_the_file() {
    pw().args([
        "render",
        &example("stepr"),
        "--set",
        "organization.contact_email=privacy@stepr.kz",
        "--set",
        "audience.regions=eea,california",
    ])
    .assert()
    .success()
    .stdout(contains("privacy@stepr.kz"))
    .stdout(contains("If you are in California"))
    .stdout(contains("aziviled@gmail.com").not());
}

#[test]
fn saved_policies_are_found_by_name() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("policies")).unwrap();
    std::fs::copy(example("stepr"), data.path().join("policies/stepr.json")).unwrap();
    pw().env("POLICYWRIGHT_DATA_DIR", data.path())
        .args(["render", "stepr", "--format", "text"])
        .assert()
        .success()
        .stdout(contains("Stepr"));
    pw().env("POLICYWRIGHT_DATA_DIR", data.path())
        .args(["render", "acme"])
        .assert()
        .code(2)
        .stderr(contains("no saved policy named `acme`"))
        .stderr(contains("saved: stepr"));
}

#[test]
fn schema_describes_the_answers_file() {
    let out = pw()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let schema: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(schema["title"], "policywright answers");
    assert!(schema["properties"]["organization"].is_object());
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .contains(&"schema_version".into())
    );
}

#[test]
fn help_says_it_is_not_legal_advice() {
    pw().arg("--help")
        .assert()
        .success()
        .stdout(contains("not legal advice"));
}

#[test]
fn templates_can_be_overridden_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sections")).unwrap();
    std::fs::write(
        dir.path().join("sections/security.md"),
        "We lock the door.\n",
    )
    .unwrap();
    pw().args(["render", &example("stepr"), "--templates"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(contains("We lock the door."))
        .stdout(contains("bcrypt").not());

    std::fs::write(dir.path().join("sections/securty.md"), "typo").unwrap();
    pw().args(["render", &example("stepr"), "--templates"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("securty.md: does not replace any template"));
}

#[test]
fn a_broken_template_names_itself_and_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("layout.md"), "{{ no_such_variable }}").unwrap();
    pw().args(["render", &example("stepr"), "--templates"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("layout.md"))
        .stderr(contains("no_such_variable"));
}

/// F11 (`repro/templates_symlink_loop.sh`): two links to `.` made the walk branch at
/// every level and never end. A loop is refused with its path; a linked folder
/// that is not a loop (shared templates) is still read.
#[cfg(unix)]
#[test]
fn templates_with_a_symbolic_link_loop_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("b")).unwrap();
    pw().args(["render", &example("stepr"), "--templates"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains("a: leads back to"))
        .stderr(contains("(a symbolic link loop); remove the link"));

    let shared = tempfile::tempdir().unwrap();
    std::fs::write(shared.path().join("security.md"), "We lock the door.\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(shared.path(), dir.path().join("sections")).unwrap();
    pw().args(["render", &example("stepr"), "--templates"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(contains("We lock the door."));
}

// ---- Bad input: a clear message, exit 2, nothing written. ----

/// Runs `render FILE --out OUT` on bad answers and checks that an existing output
/// file is left exactly as it was.
fn rejects(answers: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("answers.json");
    std::fs::write(&input, answers).unwrap();
    let out = dir.path().join("policy.md");
    std::fs::write(&out, "previous policy").unwrap();
    let mut assert = pw()
        .args(["render"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stdout("");
    for e in expected {
        assert = assert.stderr(contains(*e));
    }
    assert_eq!(
        read(&out),
        "previous policy",
        "the old output must be untouched"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no stray files"
    );
}

#[test]
fn malformed_json_reports_file_line_and_column() {
    rejects(
        "{\n  \"schema_version\": 1,\n  \"organization\": {\"product_name\": \"Acme\",}\n}\n",
        &["answers.json:3:", "trailing comma"],
    );
}

#[test]
fn unknown_key_names_its_path() {
    rejects(
        &answers_with(
            serde_json::json!({"organization": {"product_name": "A", "contact_email": "a@b.co", "colour": "red"}}),
        ),
        &["organization.colour", "unknown field `colour`"],
    );
}

#[test]
fn wrong_type_names_its_path() {
    rejects(
        &answers_with(serde_json::json!({"audience": {"minimum_age": "sixteen"}})),
        &["audience.minimum_age", "expected u8"],
    );
}

#[test]
fn semantic_problems_are_listed_together() {
    rejects(
        &answers_with(serde_json::json!({
            "organization": {"product_name": "Acme", "contact_email": "not an email"},
            "processors": [{"id": "x", "name": "X", "role": "other", "purpose": ""}],
            "purposes": [{"id": "p", "name": "P", "description": "d", "categories": ["ghost"]}]
        })),
        &[
            "3 problems",
            "organization.contact_email: `not an email` is not an e-mail address",
            "processors[0].purpose: is required",
            "purposes[0].categories[0]: refers to data category `ghost`",
        ],
    );
}

#[test]
fn empty_file_is_reported() {
    rejects("", &["answers.json", "empty"]);
}

#[test]
fn newer_schema_version_is_refused() {
    rejects(
        r#"{"schema_version": 7}"#,
        &["schema_version 7 is newer", "upgrade policywright"],
    );
}

#[test]
fn missing_file_and_directory_are_reported() {
    pw().args(["render", "nope/answers.json"])
        .assert()
        .code(2)
        .stderr(contains("nope/answers.json: no such file"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.json");
    std::fs::create_dir(&path).unwrap();
    pw().arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("is a directory"));
}

#[test]
fn bad_set_assignments_are_all_reported() {
    pw().args([
        "render",
        &example("stepr"),
        "--set",
        "organization.nope=1",
        "--set",
        "rights.complaint=perhaps",
    ])
    .assert()
    .code(2)
    .stderr(contains("--set"))
    .stderr(contains("unknown answer `organization.nope`"))
    .stderr(contains("`perhaps` is not yes/no"));

    pw().args([
        "render",
        &example("stepr"),
        "--set",
        "audience.regions=eea,atlantis",
    ])
    .assert()
    .code(2)
    .stderr(contains("audience.regions[1]"))
    .stderr(contains("unknown variant `atlantis`"));

    pw().args(["render", &example("stepr"), "--set", "no-equals"])
        .assert()
        .code(2)
        .stderr(contains("is not KEY=VALUE"));
}

#[test]
fn out_into_a_missing_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    pw().args(["render", &example("stepr"), "--out"])
        .arg(dir.path().join("missing/policy.md"))
        .assert()
        .code(2)
        .stderr(contains("does not exist"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    pw().args(["render", &example("stepr"), "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'pdf'"))
        .stderr(contains("markdown"));
}

#[test]
fn answers_are_data_never_template_code() {
    let hostile = answers_with(serde_json::json!({
        "organization": {
            "product_name": "Acme {{ product }}",
            "contact_email": "a@acme.io",
            "description": "a tool {% raw %}that{% endraw %} <script>alert(1)</script> & more **bold**"
        }
    }));
    let run = |format: &str| {
        let out = pw()
            .args(["render", "-", "--format", format])
            .write_stdin(hostile.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let text = run("text").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Acme {{ product }}"), "{text}");
    assert!(text.contains("{% raw %}that{% endraw %} <script>alert(1)</script> & more **bold**"));

    let html = run("html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more **bold**"),
        "{html}"
    );
    assert!(html.contains("Acme {{ product }}"));

    let md = run("markdown");
    assert!(!md.contains("<script>"));
    assert!(
        md.contains("\\{% raw %\\}that\\{% endraw %\\} \\<script\\>"),
        "{md}"
    );
}

#[test]
fn answers_typed_on_several_lines_keep_lists_and_paragraphs_whole() {
    // The wizard keeps the line breaks typed into a description or a section.
    let description = "data.categories.interactions.description=what you click.\n\n- not an item\n\n## nor a heading\nstill the same item";
    let purpose = "purposes.account.description=sign you in\n\n1. and nothing else";
    let custom = r#"custom_sections=[{"title": "Open source", "body": "One.\n\nTwo\nlines.\n\n\n- Three."}]"#;
    let run = |format: &str| {
        let out = pw()
            .args(["render", &example("stepr"), "--format", format])
            .args(["--set", description, "--set", purpose, "--set", custom])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let md = run("markdown");
    let lines: Vec<&str> = md.lines().collect();
    let item = lines
        .iter()
        .position(|l| l.starts_with("- **Interactions**"))
        .unwrap();
    assert!(
        lines[item]
            .ends_with(": what you click. - not an item \\#\\# nor a heading still the same item."),
        "{md}"
    );
    assert!(lines[item + 1].starts_with("- **Screenshots**"), "{md}");
    assert!(
        md.contains("- **To run your account.** Sign you in 1. and nothing else. Data used:"),
        "{md}"
    );
    // Only the operator's own sections make lists of their lines (issue 13 item 10);
    // a description or a purpose stays one paragraph, as above.
    assert!(md.contains("One.\n\nTwo lines.\n\n- Three.\n"), "{md}");

    let html = run("html");
    assert!(
        html.contains("<li><strong>Interactions</strong>, collected only while you record a tab, after you press \"Start recording\": what you click. - not an item ## nor a heading still the same item.</li>\n<li><strong>Screenshots</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<p>One.</p>\n<p>Two lines.</p>\n<ul>\n<li>Three.</li>\n</ul>"),
        "{html}"
    );
}

/// Legal review §4, structural problem 4: `--set` of the operator's country picks the
/// catalog's company for the new region, as the same answer in the file would.
#[test]
fn set_country_picks_the_catalogs_company_for_the_new_region() {
    let render = |extra: &[&str]| {
        let out = pw()
            .args(["render", &example("acme")])
            .args(extra)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert!(render(&[]).contains("**Stripe** (Stripe Payments Europe, Limited)"));
    let us = render(&["--set", "organization.country=US"]);
    assert!(us.contains("**Stripe** (Stripe, Inc.)"), "{us}");
}

/// Issue 13 item 11: a render error lists its problems once, not once per layer.
#[test]
fn render_errors_list_their_problems_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        answers_with(serde_json::json!({"organization": {
            "product_name": "Stepr", "contact_email": "not an email"
        }})),
    )
    .unwrap();
    let out = pw().args(["render"]).arg(&file).assert().failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr.matches("is not an e-mail address").count(),
        1,
        "{stderr}"
    );
    assert_eq!(stderr.matches("problem:").count(), 1, "{stderr}");
    assert!(stderr.contains("cannot be rendered yet"), "{stderr}");
}

/// An operator established in the EEA owes the GDPR's rights to everyone whose data it
/// processes (Art. 3(1)), whoever it serves: the rights paragraph names the law, not
/// a region the reader is not in (review of this change; it was left out, and check
/// then demanded the rights from the operator's own list).
#[test]
fn an_eea_operator_serving_only_california_states_the_gdpr_rights() {
    let out = pw()
        .args(["render", &example("acme")])
        .args(["--set", "audience.regions=california"])
        .args(["--set", "purposes.operate.legal_basis=consent"])
        .assert()
        .success();
    let policy = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(policy.contains(" Your rights under the GDPR\n"), "{policy}");
    assert!(!policy.contains("If you are in the EEA"), "{policy}");
    for granted in [
        "rights of access, rectification, erasure, restriction of processing",
        "you may withdraw it at any time",
        "lodge a complaint with a supervisory authority",
    ] {
        assert!(policy.contains(granted), "{granted}\n{policy}");
    }
    pw().args(["render", &example("acme")])
        .assert()
        .success()
        .stdout(predicates::str::contains("If you are in the EEA or the UK"));
}

/// The security section's lead-in says only what the list says: no kind of measure
/// the operator did not name ("technical and organizational") and no "including",
/// as if there were more; one measure is "this measure".
#[test]
fn the_security_lead_in_claims_no_more_than_the_measures_listed() {
    let one = answers_with(serde_json::json!({
        "security": { "measures": [{ "kind": "tls", "description": "All traffic uses TLS 1.2+" }] }
    }));
    let out = pw()
        .args(["render", "-"])
        .write_stdin(one)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains(
            "We protect your information with this measure:\n\n- All traffic uses TLS 1.2+."
        ),
        "{text}"
    );
    pw().args(["render", &example("stepr")])
        .assert()
        .success()
        .stdout(contains(
            "We protect your information with these measures:\n",
        ))
        .stdout(contains("organizational").not())
        .stdout(contains("including:").not());
}
