//! The store forms of the examples, kept under review with insta (each form's
//! structure pinned), and the real binary's `render --format <form>`.

use std::path::Path;

mod common;

use common::{example, pw, read};
use policywright::answers::Answers;
use policywright::disclosures::{self, Form};
use policywright::policy::Policy;
use predicates::str::contains;

fn form(name: &str, form: Form) -> String {
    let answers = Answers::from_json(&read(Path::new(&example(name)))).unwrap();
    let policy = Policy::with_builtin_catalog(&answers).unwrap();
    disclosures::render(&policy, form).unwrap()
}

#[test]
fn habitly_play_data_safety() {
    insta::assert_snapshot!(form("habitly", Form::PlayDataSafety));
}

#[test]
fn habitly_app_privacy() {
    insta::assert_snapshot!(form("habitly", Form::AppPrivacy));
}

#[test]
fn habitly_app_privacy_json() {
    insta::assert_snapshot!(form("habitly", Form::AppPrivacyJson));
}

#[test]
fn stepr_chrome_web_store() {
    insta::assert_snapshot!(form("stepr", Form::ChromeWebStore));
}

/// Every row has the five columns of the console's export, the header first, and the
/// declared data types are exactly those the answers map to.
#[test]
fn the_play_csv_has_the_exports_columns_and_the_declared_types() {
    let csv = form("habitly", Form::PlayDataSafety);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Question ID (machine readable),Response ID (machine readable),Response value,\
         Answer requirement,Human-friendly question label"
    );
    let declared: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("PSL_DATA_TYPES_") && l.split(',').nth(2) == Some("true"))
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(
        declared,
        [
            "PSL_NAME",
            "PSL_EMAIL",
            "PSL_USER_ACCOUNT",
            "PSL_CRASH_LOGS",
            "PSL_PERFORMANCE_DIAGNOSTICS",
            "PSL_USER_GENERATED_CONTENT",
            "PSL_DEVICE_ID",
        ]
    );
    for line in csv.lines() {
        // Labels with commas are quoted; count columns outside quotes.
        let mut quoted = false;
        let commas = line
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ',' && !quoted
            })
            .count();
        assert_eq!(commas, 4, "{line}");
    }
}

/// Data that stays on the device is declared to no store but the Chrome Web Store;
/// ephemeral data is declared to Play (marked so) and not to Apple.
#[test]
fn on_device_and_ephemeral_data_follow_each_stores_definition() {
    let mut a = Answers::from_json(&read(Path::new(&example("habitly")))).unwrap();
    a.stores.categories[2].ephemeral = Some(true); // device: crash logs, diagnostics
    a.stores.categories[3].on_device_only = Some(true); // push token
    let policy = Policy::with_builtin_catalog(&a).unwrap();
    let csv = disclosures::render(&policy, Form::PlayDataSafety).unwrap();
    assert!(csv.contains("PSL_DATA_TYPES_APP_PERFORMANCE,PSL_CRASH_LOGS,true,"));
    assert!(
        csv.contains("PSL_DATA_USAGE_RESPONSES:PSL_CRASH_LOGS:PSL_DATA_USAGE_EPHEMERAL,,true,")
    );
    assert!(csv.contains("PSL_DATA_TYPES_IDENTIFIERS,PSL_DEVICE_ID,,"));
    let json = disclosures::render(&policy, Form::AppPrivacyJson).unwrap();
    assert!(!json.contains("CRASH_DATA"), "{json}");
    assert!(!json.contains("DEVICE_ID"), "{json}");
    assert!(json.contains("USER_ID"), "{json}");
}

#[test]
fn cli_writes_each_form() {
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "play-data-safety",
    ])
    .assert()
    .success()
    .stdout(contains("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT,,true,"))
    .stderr("");
    pw().args(["render", &example("habitly"), "--format", "app-privacy"])
        .assert()
        .success()
        .stdout(contains("Is it linked to the user's identity? Yes"));
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "app-privacy-json",
    ])
    .assert()
    .success()
    .stdout(contains("\"DATA_LINKED_TO_YOU\""));
    pw().args(["render", &example("stepr"), "--format", "chrome-web-store"])
        .assert()
        .success()
        .stdout(contains("activeTab: Inject the recording script"))
        .stdout(contains("No, I am not using remote code"));
}

#[test]
fn cli_writes_a_form_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data-safety.csv");
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "play-data-safety",
        "--out",
    ])
    .arg(&out)
    .assert()
    .success()
    .stdout("");
    assert!(read(&out).starts_with("Question ID (machine readable),"));
}

/// A form for a kind of product the answers do not describe is refused (exit 2),
/// naming the answer, and nothing is written.
#[test]
fn cli_refuses_a_form_for_another_kind_of_product() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cws.txt");
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "chrome-web-store",
        "--out",
    ])
    .arg(&out)
    .assert()
    .code(2)
    .stderr(contains("--format chrome-web-store"))
    .stderr(contains("browser extension (audience.product_kinds)"));
    assert!(!out.exists());
    pw().args(["render", &example("stepr"), "--format", "play-data-safety"])
        .assert()
        .code(2)
        .stderr(contains("mobile app"));
}

#[test]
fn cli_refuses_templates_with_a_form() {
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "app-privacy",
        "--templates",
        ".",
    ])
    .assert()
    .code(2)
    .stderr(contains("--templates applies to policies"));
}

/// An answer given with --set reaches the form, like the policy.
#[test]
fn cli_set_reaches_the_form() {
    pw().args([
        "render",
        &example("habitly"),
        "--format",
        "play-data-safety",
        "--set",
        "stores.account_deletion_url=https://habitly.app/bye",
    ])
    .assert()
    .success()
    .stdout(contains(
        "PSL_ACCOUNT_DELETION_URL,,https://habitly.app/bye,",
    ));
}

/// `scan` reads a mobile app's AndroidManifest.xml and Info.plist: each permission
/// with its file and line, whether the policy lists it, and the answers to add.
#[test]
fn cli_scan_proposes_the_apps_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let android = dir.path().join("android/app/src/main");
    std::fs::create_dir_all(&android).unwrap();
    std::fs::write(
        android.join("AndroidManifest.xml"),
        "<manifest>\n  <uses-permission android:name=\"android.permission.INTERNET\"/>\n  <uses-permission android:name=\"android.permission.CAMERA\"/>\n</manifest>\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("ios/Runner")).unwrap();
    std::fs::write(
        dir.path().join("ios/Runner/Info.plist"),
        "<dict>\n<key>NSUserTrackingUsageDescription</key>\n<string>Show you relevant ads</string>\n</dict>\n",
    )
    .unwrap();
    pw().arg("scan")
        .arg(dir.path())
        .args(["--policy", &example("habitly")])
        .assert()
        .success()
        .stdout(contains("Android permissions in android/app/src/main/AndroidManifest.xml:"))
        .stdout(contains(
            "android/app/src/main/AndroidManifest.xml:2: android.permission.INTERNET — declared",
        ))
        .stdout(contains(
            "android/app/src/main/AndroidManifest.xml:3: android.permission.CAMERA — NOT in the policy",
        ))
        .stdout(contains(
            "[{\"names\":[\"android.permission.CAMERA\"],\"used_for\":\"\"}]",
        ))
        .stdout(contains("ios/Runner/Info.plist:2: NSUserTrackingUsageDescription"))
        .stdout(contains("answer app.att_prompt=yes"));
    let out = pw()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ios = &json["app_permissions"][1];
    assert_eq!(ios["answer"], "app.ios_permissions");
    assert_eq!(
        ios["suggested_answers"][0]["used_for"], "Show you relevant ads",
        "the usage description's own text is the starting point"
    );
}

/// A mobile app's permissions are in the policy for every kind of product, in every
/// format, and the App Tracking Transparency sentence only when it is answered.
#[test]
fn the_policy_states_app_permissions_and_the_tracking_prompt_when_answered() {
    use policywright::render::{Format, Renderer};
    let mut a = Answers::from_json(&read(Path::new(&example("habitly")))).unwrap();
    let render = |a: &Answers, format| {
        let policy = Policy::with_builtin_catalog(a).unwrap();
        Renderer::new(None)
            .unwrap()
            .render(&policy, format)
            .unwrap()
    };
    let text = render(&a, Format::Text);
    assert!(
        text.contains("android.permission.POST_NOTIFICATIONS"),
        "{text}"
    );
    assert!(!text.contains("App Tracking Transparency"));
    a.app.att_prompt = true;
    for format in [Format::Markdown, Format::Html, Format::Text] {
        // Plain text wraps at 78 columns: whitespace folded.
        let policy = render(&a, format)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            policy.contains("through Apple's App Tracking Transparency prompt"),
            "{format:?}"
        );
        assert!(policy.contains("NSFaceIDUsageDescription"), "{format:?}");
    }
}
