//! Nothing hostile reaches a terminal: answers, version files, file names and
//! paths that carry ESC [2J, OSC 52, BEL, CR, C1 CSI (U+009B) or U+202E come out of
//! every command neutralised, and answers that hold them are refused by name.

use std::path::{Path, PathBuf};

mod common;

use common::{example, pw, pw_in, read};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// Every kind of character a terminal obeys rather than shows.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\r\u{9b}31m\u{202e}";

/// Whether `text` holds a character a terminal would act on (newline and tab aside).
fn raw(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

fn assert_safe(what: &str, text: &str) {
    if let Some(c) = raw(text) {
        panic!("{what} prints U+{:04X} raw:\n{text}", u32::from(c));
    }
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// examples/complete.json with a processor whose name carries `tail`.
fn with_processor(dir: &Path, tail: &str) -> PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(&read(Path::new(&example("complete")))).unwrap();
    v["processors"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "evilp",
            "name": format!("EvilCorp{tail}"),
            "role": "analytics",
            "purpose": format!("tracks{tail}"),
            "categories": ["account"],
            "countries": ["US"],
        }));
    v["data"]["categories"][0]["name"] = format!("Account{tail}").into();
    let path = dir.join("new.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

/// The reviewer's reproducer (`repro/diff_hide_material.sh`): a processor name ending
/// in OSC 52, ESC[2K and CR followed by an innocent-looking line. In a terminal the
/// `[material] Added processor` line was erased and the clipboard written.
#[test]
fn diff_cannot_hide_a_material_change() {
    let dir = tempfile::tempdir().unwrap();
    let tail =
        "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2K\r           Reworded purpose \"To provide Ledgerly\"";
    let new = with_processor(dir.path(), tail);
    let out = pw()
        .args(["diff", &example("complete")])
        .arg(&new)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_safe("diff", &text);
    assert!(
        text.contains("[material] Added processor: EvilCorp^[]52;c;ZXZpbA==^G^[[2K^M"),
        "{text}"
    );
}

#[test]
fn every_report_of_hostile_answers_is_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let new = with_processor(dir.path(), HOSTILE);
    let new = new.to_str().unwrap();
    let old = example("complete");
    for args in [
        vec!["check", new],
        vec!["diff", &old, new],
        vec!["diff", &old, new, "--notice"],
        vec!["diff", &old, new, "--rendered"],
        vec!["diff", &old, new, "--format", "markdown"],
    ] {
        let out = pw().args(&args).output().unwrap();
        assert_safe(&format!("{args:?}"), &stdout(&out));
        assert_safe(&format!("{args:?} (stderr)"), &stderr(&out));
        // Shown escaped, or (--rendered, which renders) refused by name.
        let both = stdout(&out) + &stderr(&out);
        assert!(
            both.contains("<U+202E>") || both.contains("contains a control character"),
            "{args:?}: {both}"
        );
    }
}

/// The JSON reports of publish, history and list keep a hostile output path exactly
/// (escaped, never replaced with caret notation a script cannot open).
#[test]
fn publish_history_and_list_json_keep_hostile_paths() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("policies")).unwrap();
    std::fs::copy(example("acme"), data.path().join("policies/acme.json")).unwrap();
    let out_path = data.path().join("p\u{202e}.md");
    let run = |args: &[&str]| {
        let out = pw_in(data.path()).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    };
    let publish = run(&[
        "publish",
        "acme",
        "--date",
        "2026-12-01",
        "--report",
        "json",
        "--out",
        out_path.to_str().unwrap(),
    ]);
    let history = run(&["history", "acme", "--format", "json"]);
    let list = run(&["list", "--format", "json"]);
    for (what, text) in [("publish", &publish), ("history", &history)] {
        assert_safe(what, text);
        assert!(!text.contains("<U+202E>"), "{what}: {text}");
        assert!(text.contains("\\u202e"), "{what}: {text}");
        serde_json::from_str::<serde_json::Value>(text).unwrap();
    }
    serde_json::from_str::<serde_json::Value>(&list).unwrap();
}

/// JSON keeps the value for programs (every character escaped, not replaced).
#[test]
fn json_reports_escape_and_keep_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let new = with_processor(dir.path(), HOSTILE);
    for args in [
        vec![
            "diff".to_owned(),
            example("complete"),
            new.display().to_string(),
        ],
        vec!["check".to_owned(), new.display().to_string()],
    ] {
        let out = pw()
            .args(&args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let text = stdout(&out);
        assert_safe(&format!("{args:?} --format json"), &text);
        assert!(text.contains("\\u202e"), "{text}");
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
    let out = pw()
        .args([
            "diff",
            &example("complete"),
            new.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).contains(&format!("EvilCorp{}", "\\u001b[2J")));
}

/// `history` lists what a version changed and the files it wrote; a version file
/// written before answers were checked for control characters (or by hand) is shown
/// neutralised.
#[test]
fn history_and_publish_status_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    std::fs::create_dir_all(data.join("policies")).unwrap();
    std::fs::copy(example("stepr"), data.join("policies/stepr.json")).unwrap();
    let publish = |date: &str| {
        pw_in(data)
            .current_dir(data)
            .args(["publish", "stepr", "--out", "p.md", "--date", date])
            .assert()
            .success();
    };
    publish("2026-05-01");
    let saved = data.join("policies/stepr.json");
    let mut v: serde_json::Value = serde_json::from_str(&read(&saved)).unwrap();
    v["data"]["categories"][0]["name"] = "Renamed".into();
    std::fs::write(&saved, v.to_string()).unwrap();
    publish("2026-06-01");
    let version = data.join("versions/stepr/0002.json");
    let mut file: serde_json::Value = serde_json::from_str(&read(&version)).unwrap();
    file["answers"]["data"]["categories"][0]["name"] = format!("Renamed{HOSTILE}").into();
    file["outputs"][0]["path"] = format!("/srv/p{HOSTILE}.md").into();
    std::fs::write(&version, file.to_string()).unwrap();

    let out = pw_in(data).args(["history", "stepr"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_safe("history", &stdout(&out));
    assert!(stdout(&out).contains("^[[2J"), "{}", stdout(&out));

    // The next publish summarises what changed since version 2.
    let out = pw_in(data)
        .current_dir(data)
        .args(["publish", "stepr", "--out", "p.md", "--date", "2026-07-01"])
        .output()
        .unwrap();
    assert_safe("publish", &stdout(&out));
    assert_safe("publish (stderr)", &stderr(&out));
}

/// `scan` prints the paths of the manifests it read and of those it skipped.
#[test]
fn scan_paths_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join(format!("app{HOSTILE}"));
    std::fs::create_dir_all(&evil).unwrap();
    std::fs::write(
        evil.join("package.json"),
        r#"{"dependencies": {"stripe": "^14"}}"#,
    )
    .unwrap();
    std::fs::write(evil.join("composer.json"), [0xff, 0xfe, 0x00]).unwrap();
    let out = pw().arg("scan").arg(dir.path()).output().unwrap();
    let (text, err) = (stdout(&out), stderr(&out));
    assert_safe("scan", &text);
    assert_safe("scan (stderr)", &err);
    assert!(text.contains("app^[[2J"), "{text}");
}

/// Errors name paths and answers; `main` prints them neutralised.
#[test]
fn errors_are_neutralised() {
    let out = pw()
        .args(["render", &format!("./no-such{HOSTILE}.json")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_safe("render's error", &stderr(&out));
    assert!(stderr(&out).contains("no-such^[[2J"), "{}", stderr(&out));
}

/// The file itself refuses them, naming the answer, URL and e-mail answers included.
#[test]
fn answers_with_control_characters_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let new = with_processor(dir.path(), HOSTILE);
    pw().args(["render"])
        .arg(&new)
        .assert()
        .code(2)
        .stderr(contains("processors[").and(contains("].name: contains a control character")))
        .stderr(contains("data.categories[0].name"));

    let mut v: serde_json::Value =
        serde_json::from_str(&read(Path::new(&example("complete")))).unwrap();
    v["organization"]["website"] = "https://x.example/\u{1b}[31m".into();
    v["organization"]["contact_email"] = "a@x.example\u{1b}]52;c;ZXZpbA==\u{7}".into();
    let path = dir.path().join("links.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let out = pw().arg("render").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_safe("render's error", &err);
    assert!(err.contains("organization.website"), "{err}");
    assert!(err.contains("organization.contact_email"), "{err}");
}
