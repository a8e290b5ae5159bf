use super::*;
use crate::policy::Policy;
use crate::render::Renderer;

fn stepr() -> Answers {
    Answers::from_json(include_str!("../../examples/stepr.json")).unwrap()
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn markdown(
    renderer: &Renderer,
) -> impl Fn(&Answers) -> Result<String, crate::render::RenderError> + '_ {
    |a| renderer.render(&Policy::with_builtin_catalog(a).unwrap(), Format::Markdown)
}

#[test]
fn record_list_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::in_dir("stepr", dir.path().join("stepr"));
    assert!(history.list().unwrap().is_empty());
    assert!(history.latest().unwrap().is_none());
    assert!(matches!(
        history.require_latest(),
        Err(VersionError::NonePublished { .. })
    ));

    let outputs = vec![Output {
        path: "/srv/privacy.html".into(),
        format: Format::Html,
    }];
    let v1 = history
        .record(date("2026-05-01"), &stepr(), outputs.clone(), "aa".into())
        .unwrap();
    assert_eq!(v1.version, 1);
    let mut changed = stepr();
    changed.organization.contact_email = "privacy@stepr.kz".into();
    let v2 = history
        .record(date("2026-06-01"), &changed, Vec::new(), "bb".into())
        .unwrap();
    assert_eq!(v2.version, 2);

    assert!(dir.path().join("stepr/0001.json").is_file());
    assert_eq!(history.numbers().unwrap(), vec![1, 2]);
    let all = history.list().unwrap();
    assert_eq!(all, vec![v1.clone(), v2.clone()]);
    assert_eq!(history.load(1).unwrap().outputs, outputs);
    assert_eq!(history.latest().unwrap().unwrap().answers, changed);

    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("stepr/0001.json")).unwrap())
            .unwrap();
    assert_eq!(file["version"], 1);
    assert_eq!(file["date"], "2026-05-01");
    assert_eq!(file["outputs"][0]["format"], "html");
    assert_eq!(file["rendered_sha256"], "aa");
    assert_eq!(file["answers"]["organization"]["product_name"], "Stepr");

    let e = history.load(9).unwrap_err();
    assert_eq!(e.to_string(), "`stepr` has no version 9 (versions: 1, 2)");
}

#[test]
fn a_corrupt_version_is_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::in_dir("x", dir.path().to_owned());
    std::fs::write(dir.path().join("0001.json"), "{ nope").unwrap();
    let e = history.load(1).unwrap_err().to_string();
    assert!(e.contains("0001.json: not a version file"), "{e}");
}

#[test]
fn references_name_at_number() {
    assert_eq!(parse_reference("acme@3"), Some(("acme", 3)));
    assert_eq!(parse_reference("acme"), None);
    assert_eq!(parse_reference("acme@"), None);
    // An answers file's versions are kept beside it (issue 16): FILE@N.
    assert_eq!(parse_reference("dir/acme@3"), Some(("dir/acme", 3)));
    assert_eq!(parse_reference("acme.json@2"), Some(("acme.json", 2)));
    assert_eq!(parse_reference("-@1"), None);
    assert_eq!(parse_reference("acme@x"), None);
}

#[test]
fn first_publish_keeps_the_answers_date_or_sets_it() {
    let renderer = Renderer::new(None).unwrap();
    let dated = decide_dates(&stepr(), None, date("2026-11-22"), markdown(&renderer)).unwrap();
    assert!(dated.changed);
    assert_eq!(dated.answers.policy.last_updated, Some(date("2026-04-17")));

    let mut undated = stepr();
    undated.policy.last_updated = None;
    let dated = decide_dates(&undated, None, date("2026-11-22"), markdown(&renderer)).unwrap();
    assert_eq!(dated.answers.policy.last_updated, Some(date("2026-11-22")));
}

#[test]
fn honest_dates_move_only_when_the_text_changes() {
    let renderer = Renderer::new(None).unwrap();
    let published = stepr();
    let previous = Version {
        version: 1,
        date: date("2026-04-17"),
        rendered_sha256: sha256_hex(&markdown(&renderer)(&published).unwrap()),
        answers: published.clone(),
        outputs: Vec::new(),
    };

    // Nothing changed: the date stays, even when the working file claims a newer one.
    let mut working = published.clone();
    working.policy.last_updated = Some(date("2026-05-05"));
    let dated = decide_dates(
        &working,
        Some(&previous),
        date("2026-06-01"),
        markdown(&renderer),
    )
    .unwrap();
    assert!(!dated.changed);
    assert_eq!(dated.answers.policy.last_updated, Some(date("2026-04-17")));
    assert_eq!(dated.answers, published);

    // An answer that renders nowhere (no California region, so no CCPA table) is no change.
    let mut working = published.clone();
    working.data.categories[0].ccpa_category = None;
    let dated = decide_dates(
        &working,
        Some(&previous),
        date("2026-06-01"),
        markdown(&renderer),
    )
    .unwrap();
    assert!(!dated.changed);

    // A real change: last updated becomes the publish date, and an effective date in
    // the past moves with it.
    let mut working = published.clone();
    working.retention.rules[2].period = Some("90 days".parse().unwrap());
    let dated = decide_dates(
        &working,
        Some(&previous),
        date("2026-06-01"),
        markdown(&renderer),
    )
    .unwrap();
    assert!(dated.changed);
    assert_eq!(dated.answers.policy.last_updated, Some(date("2026-06-01")));
    assert_eq!(
        dated.answers.policy.effective_date,
        Some(date("2026-06-01"))
    );
    assert_eq!(dated.effective_moved_from, Some(date("2026-04-17")));

    // Notice given ahead: the effective date set in the future is kept.
    working.policy.effective_date = Some(date("2026-07-01"));
    let dated = decide_dates(
        &working,
        Some(&previous),
        date("2026-06-01"),
        markdown(&renderer),
    )
    .unwrap();
    assert_eq!(
        dated.answers.policy.effective_date,
        Some(date("2026-07-01"))
    );
    assert_eq!(dated.effective_moved_from, None);
}

/// A version file's text is what printing the whole file with its answers parsed
/// into a JSON value gives (as it was written before), for every example.
#[test]
fn a_version_file_is_the_whole_files_pretty_print() {
    for name in [
        "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
    ] {
        let answers = Answers::example(name);
        let outputs = vec![Output {
            path: "/srv/\"answers\": null.html".into(),
            format: Format::Html,
        }];
        let shell = |answers| super::VersionFile {
            version: 3,
            date: date("2026-05-01"),
            answers,
            outputs: outputs.clone(),
            rendered_sha256: "ab".into(),
        };
        let value: serde_json::Value = serde_json::from_str(&answers.to_json()).unwrap();
        let mut whole = serde_json::to_string_pretty(&shell(value)).unwrap();
        whole.push('\n');
        let text = super::version_file_text(&shell(serde_json::Value::Null), &answers.to_json());
        assert_eq!(text, whole, "{name}");
    }
}
