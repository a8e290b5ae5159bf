//! `scan` on mobile apps (CocoaPods, Gradle, Flutter, Swift packages, React Native)
//! and on infrastructure files (Compose, Terraform, Pulumi), and how `processors`
//! marks facts nobody checked, through the real binary with its own data directory.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{Value, json};

fn pw(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("policywright").unwrap();
    cmd.env("POLICYWRIGHT_DATA_DIR", data);
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scan")
        .join(name)
}

fn scan_json(dir: &Path) -> Value {
    let data = tempfile::tempdir().unwrap();
    let out = pw(data.path())
        .args(["scan", "--format", "json"])
        .arg(dir)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// Where each processor was found, as `file:line name`.
fn evidence(report: &Value, id: &str) -> Vec<String> {
    let found = report["processors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("{id} not found"));
    found["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{} {}",
                e["file"].as_str().unwrap(),
                e["line"],
                e["name"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn scan_finds_mobile_sdks_in_every_build_file() {
    let report = scan_json(&fixture("mobile"));
    let ids: Vec<&str> = report["processors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "app-store-billing",
            "google-play-billing",
            "revenuecat",
            "onesignal",
            "adjust",
            "appsflyer",
            "branch",
            "firebase-analytics",
            "firebase-crashlytics",
            "sign-in-with-apple",
            // An advertising network, then a push service: roles of their own.
            "admob",
            "firebase-cloud-messaging",
        ],
        "by role, then id; Pods/ is never read"
    );
    assert_eq!(
        evidence(&report, "revenuecat"),
        [
            "flutter/pubspec.yaml:9 purchases_flutter",
            "ios/Package.resolved:7 https://github.com/RevenueCat/purchases-ios.git",
            "rn/package.json:7 react-native-purchases",
        ]
    );
    assert_eq!(
        evidence(&report, "adjust"),
        ["ios/Podfile:7 Adjust", "ios/Podfile.lock:7 Adjust"]
    );
    assert_eq!(
        evidence(&report, "firebase-cloud-messaging"),
        ["android/app/build.gradle.kts:8 com.google.firebase:firebase-messaging"]
    );
    assert_eq!(
        evidence(&report, "admob"),
        [
            "android/gradle/libs.versions.toml:5 com.google.android.gms:play-services-ads",
            "flutter/pubspec.yaml:10 google_mobile_ads",
        ]
    );
    assert_eq!(
        evidence(&report, "google-play-billing"),
        [
            "android/gradle/libs.versions.toml:6 com.android.billingclient:billing-ktx",
            "rn/package.json:10 react-native-iap",
        ]
    );
    let kinds: Vec<&str> = report["processors"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["evidence"].as_array().unwrap())
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in ["npm", "cocoapods", "maven", "pub", "swiftpm"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert_eq!(report["infrastructure"], json!([]));
}

#[test]
fn scan_reports_where_infrastructure_keeps_data() {
    let report = scan_json(&fixture("infra"));
    assert_eq!(
        report["infrastructure"],
        json!([
            {"file": "docker-compose.yml", "line": 6, "kind": "data_store", "name": "PostgreSQL",
             "source": "image: postgres:16-alpine (service db)"},
            {"file": "docker-compose.yml", "line": 10, "kind": "data_store", "name": "Redis",
             "source": "image: redis:7 (service cache)"},
            {"file": "infra/Pulumi.prod.yaml", "line": 3, "kind": "region", "name": "gcp",
             "source": "gcp:region", "region": "europe-west1"},
            {"file": "infra/main.tf", "line": 14, "kind": "region", "name": "aws",
             "source": "provider \"aws\"", "region": "eu-central-1"},
            {"file": "infra/main.tf", "line": 17, "kind": "data_store", "name": "aws_db_instance",
             "source": "resource \"aws_db_instance\""}
        ]),
        ".terraform/ is never read"
    );
    assert_eq!(
        evidence(&report, "scaleway"),
        ["infra/main.tf:8 scaleway/scaleway"]
    );

    let data = tempfile::tempdir().unwrap();
    pw(data.path())
        .arg("scan")
        .arg(fixture("infra"))
        .assert()
        .success()
        .stdout(contains(
            "Where data lives, as infrastructure files say (for hosting and storage answers):\n",
        ))
        .stdout(contains(
            "  docker-compose.yml:6: data store PostgreSQL (image: postgres:16-alpine (service db))\n",
        ))
        .stdout(contains(
            "  infra/main.tf:14: aws region eu-central-1 (provider \"aws\")\n",
        ))
        .stdout(contains("us-west-2").not());
}

#[test]
fn processors_marks_facts_nobody_confirmed() {
    let data = tempfile::tempdir().unwrap();
    // Checked, with one fact its sources did not confirm.
    pw(data.path())
        .args(["processors", "onesignal"])
        .assert()
        .success()
        .stdout(contains("onesignal").and(contains("[unchecked: data]")))
        .stdout(contains("those facts were not confirmed"));
    // Never checked: wholly unchecked, and its company is not given to a policy.
    pw(data.path())
        .args(["processors", "appsflyer"])
        .assert()
        .success()
        .stdout(contains("appsflyer").and(contains("[unchecked]")))
        .stdout(contains("A policy is never given an unchecked fact"));
    let entries: Value = serde_json::from_slice(
        &pw(data.path())
            .args(["processors", "pinecone", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let pinecone = &entries[0];
    assert_eq!(pinecone["checked"], "2026-12-06");
    assert_eq!(pinecone["sources"][0], "https://www.pinecone.io/dpa/");
    assert_eq!(pinecone["unchecked"], json!(["data"]));
}

#[test]
fn render_leaves_out_what_the_catalog_has_not_checked() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answers = json!({
        "schema_version": 1,
        "organization": {"product_name": "Acme", "contact_email": "a@acme.example", "country": "DE"},
        "policy": {"last_updated": "2026-11-01"},
        "processors": [{"catalog": "appsflyer"}, {"catalog": "pinecone"}]
    });
    let path = dir.path().join("policy.json");
    std::fs::write(&path, answers.to_string()).unwrap();
    pw(data.path())
        .arg("render")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("**AppsFlyer**"))
        .stdout(contains("AppsFlyer Ltd.").not())
        .stdout(contains("**Pinecone** (Pinecone Systems, Inc.)"));
}
