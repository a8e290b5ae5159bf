//! Reading dependency names out of mobile apps' build files: CocoaPods (`Podfile`,
//! `Podfile.lock`), Gradle (`build.gradle`, `build.gradle.kts` and version catalogs
//! such as `gradle/libs.versions.toml`), Flutter (`pubspec.yaml`) and Swift Package
//! Manager (`Package.resolved`). React Native and Expo apps need nothing here: their
//! SDKs are npm packages in `package.json`.
//!
//! Like the other manifest readers, each function returns names with their line and
//! never evaluates the build script: Gradle files are code, and only the literal
//! coordinates written in them are read.

use serde_json::Value;

use super::manifests::{Clue, Lines, clue, parse_json, strip_comment};
use crate::catalog::Ecosystem;

/// `pod 'Name'` lines (subspecs such as `Firebase/Crashlytics` kept whole).
pub fn podfile(text: &str) -> Vec<Clue> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let rest = strip_comment(raw).strip_prefix("pod")?;
            let rest = rest
                .strip_prefix(|c: char| c.is_whitespace() || c == '(')?
                .trim_start();
            let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let name = rest[1..].split(q).next()?.trim();
            (!name.is_empty()).then(|| clue(Ecosystem::Cocoapods, name, i + 1))
        })
        .collect()
}

/// The `DEPENDENCIES:` section of `Podfile.lock`: what the Podfile asked for, not
/// what those pods pulled in (`PODS:`).
pub fn podfile_lock(text: &str) -> Vec<Clue> {
    let mut out = Vec::new();
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            inside = line.trim_end() == "DEPENDENCIES:";
            continue;
        }
        if !inside {
            continue;
        }
        let Some(item) = line.trim().strip_prefix("- ") else {
            continue;
        };
        let item = item.trim().trim_matches('"');
        let name = item.split(" (").next().unwrap_or(item).trim();
        if !name.is_empty() {
            out.push(clue(Ecosystem::Cocoapods, name, i + 1));
        }
    }
    out
}

/// Whether `s` is a Maven coordinate `group:artifact[:version...]`; the
/// `group:artifact` part if so.
fn coordinate(s: &str) -> Option<String> {
    let mut parts = s.split(':');
    let group = parts.next()?;
    let artifact = parts.next()?;
    let ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    };
    (ok(group) && ok(artifact) && group.contains('.')).then(|| format!("{group}:{artifact}"))
}

/// Every quoted string on a line, in order.
fn quoted(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find(['"', '\'']) {
        let q = rest.as_bytes()[start] as char;
        let after = &rest[start + 1..];
        let Some(end) = after.find(q) else {
            break;
        };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// The value of `key: 'x'` or `key = "x"` on a line (Groovy map or Kotlin named
/// argument), if the line has one.
fn named<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let at = line.find(key)?;
    let rest = line[at + key.len()..].trim_start();
    let rest = rest.strip_prefix([':', '='])?.trim_start();
    quoted(rest).into_iter().next()
}

/// Literal coordinates in a Gradle build script (`implementation
/// 'com.revenuecat.purchases:purchases:8.1.0'`, `platform("g:a:v")`, and the map form
/// `group: 'g', name: 'a'`). `//` and `/* */` comments are skipped.
pub fn gradle(text: &str) -> Vec<Clue> {
    let mut out = Vec::new();
    let mut in_block_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw;
        if in_block_comment {
            match line.find("*/") {
                Some(end) => {
                    line = &line[end + 2..];
                    in_block_comment = false;
                }
                None => continue,
            }
        }
        if let Some(start) = line.find("/*")
            && !line[start..].contains("*/")
        {
            line = &line[..start];
            in_block_comment = true;
        }
        let line = line.split("//").next().unwrap_or("");
        let mut found = false;
        for s in quoted(line) {
            if let Some(c) = coordinate(s) {
                out.push(clue(Ecosystem::Maven, &c, i + 1));
                found = true;
            }
        }
        if !found
            && let (Some(group), Some(name)) = (named(line, "group"), named(line, "name"))
            && let Some(c) = coordinate(&format!("{group}:{name}"))
        {
            out.push(clue(Ecosystem::Maven, &c, i + 1));
        }
    }
    out
}

/// The `[libraries]` table of a Gradle version catalog: `x = "g:a:v"`,
/// `x = { module = "g:a", ... }` or `x = { group = "g", name = "a", ... }`.
pub fn version_catalog(text: &str) -> Vec<Clue> {
    let mut out = Vec::new();
    let mut in_libraries = false;
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.starts_with('[') {
            in_libraries = line.trim_end_matches(']').trim_start_matches('[').trim() == "libraries";
            continue;
        }
        if !in_libraries {
            continue;
        }
        let Some((_, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let c = if value.starts_with('{') {
            named(value, "module").and_then(coordinate).or_else(|| {
                match (named(value, "group"), named(value, "name")) {
                    (Some(g), Some(n)) => coordinate(&format!("{g}:{n}")),
                    _ => None,
                }
            })
        } else {
            quoted(value).into_iter().next().and_then(coordinate)
        };
        if let Some(c) = c {
            out.push(clue(Ecosystem::Maven, &c, i + 1));
        }
    }
    out
}

/// The keys of `dependencies:` and `dev_dependencies:` in `pubspec.yaml` (the first
/// level of indentation under them; `dependency_overrides` only pins versions).
pub fn pubspec(text: &str) -> Vec<Clue> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut child_indent = None;
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        if indent == 0 {
            inside = matches!(line, "dependencies:" | "dev_dependencies:");
            child_indent = None;
            continue;
        }
        if !inside {
            continue;
        }
        let level = *child_indent.get_or_insert(indent);
        if indent != level {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            if !key.is_empty() {
                out.push(clue(Ecosystem::PubDev, key, i + 1));
            }
        }
    }
    out
}

/// The repositories pinned in a Swift Package Manager `Package.resolved` (format 1:
/// `object.pins[].repositoryURL`; formats 2 and 3: `pins[].location`).
pub fn package_resolved(text: &str) -> Result<Vec<Clue>, String> {
    let map = parse_json(text)?;
    let (pins, key) = match map.get("pins") {
        Some(pins) => (pins, "location"),
        None => match map.get("object").and_then(|o| o.get("pins")) {
            Some(pins) => (pins, "repositoryURL"),
            None => return Ok(Vec::new()),
        },
    };
    let Value::Array(pins) = pins else {
        return Err("`pins` is not a list".to_owned());
    };
    let mut lines = Lines::from(text, 0);
    let mut out = Vec::new();
    for pin in pins {
        let Some(Value::String(url)) = pin.get(key) else {
            continue;
        };
        let quoted = serde_json::to_string(url).unwrap_or_default();
        let line = lines.next(&quoted, |_| true);
        out.push(clue(Ecosystem::Swiftpm, url, line));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(clues: Vec<Clue>) -> Vec<(String, usize)> {
        clues.into_iter().map(|c| (c.name, c.line)).collect()
    }

    fn expect(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(n, l)| (n.to_string(), *l)).collect()
    }

    #[test]
    fn podfile_and_its_lock() {
        let text = "platform :ios, '15.0'\ntarget 'App' do\n  pod 'Firebase/Crashlytics'\n  # pod 'Commented'\n  pod \"RevenueCat\", '~> 5.0'\nend\n";
        assert_eq!(
            pairs(podfile(text)),
            expect(&[("Firebase/Crashlytics", 3), ("RevenueCat", 5)])
        );
        let lock = "PODS:\n  - FirebaseCore (10.0.0)\n  - OneSignalXCFramework (5.0.0)\n\nDEPENDENCIES:\n  - Firebase/Crashlytics\n  - \"OneSignalXCFramework (< 6.0, >= 5.0.0)\"\n\nSPEC REPOS:\n  trunk:\n    - FirebaseCore\n";
        assert_eq!(
            pairs(podfile_lock(lock)),
            expect(&[("Firebase/Crashlytics", 6), ("OneSignalXCFramework", 7)])
        );
    }

    #[test]
    fn gradle_scripts_in_groovy_and_kotlin() {
        let groovy = "plugins {\n  id 'com.android.application'\n}\ndependencies {\n  implementation platform('com.google.firebase:firebase-bom:33.0.0')\n  implementation 'com.google.firebase:firebase-crashlytics'\n  // implementation 'com.onesignal:OneSignal:5.0.0'\n  implementation group: 'com.adjust.sdk', name: 'adjust-android', version: '5.0.0'\n  /* implementation 'io.branch.sdk.android:library:5.0.0'\n  */\n  maven { url 'https://maven.example.com' }\n}\n";
        assert_eq!(
            pairs(gradle(groovy)),
            expect(&[
                ("com.google.firebase:firebase-bom", 5),
                ("com.google.firebase:firebase-crashlytics", 6),
                ("com.adjust.sdk:adjust-android", 8)
            ])
        );
        let kts = "dependencies {\n    implementation(\"com.revenuecat.purchases:purchases:8.1.0\")\n    implementation(libs.onesignal)\n}\n";
        assert_eq!(
            pairs(gradle(kts)),
            expect(&[("com.revenuecat.purchases:purchases", 2)])
        );
    }

    #[test]
    fn version_catalog_libraries_only() {
        let toml = "[versions]\nfirebase = \"33.0.0\"\n\n[libraries]\nfirebase-bom = { module = \"com.google.firebase:firebase-bom\", version.ref = \"firebase\" }\nonesignal = \"com.onesignal:OneSignal:5.1.0\"\nadjust = { group = \"com.adjust.sdk\", name = \"adjust-android\", version = \"5.0.0\" }\n\n[plugins]\ncrashlytics = { id = \"com.google.firebase.crashlytics\", version = \"3.0.0\" }\n";
        assert_eq!(
            pairs(version_catalog(toml)),
            expect(&[
                ("com.google.firebase:firebase-bom", 5),
                ("com.onesignal:OneSignal", 6),
                ("com.adjust.sdk:adjust-android", 7)
            ])
        );
    }

    #[test]
    fn pubspec_dependencies_at_the_first_level() {
        let yaml = "name: app\ndependencies:\n  flutter:\n    sdk: flutter\n  firebase_crashlytics: ^4.0.0\n  purchases_flutter:\n    git:\n      url: https://example.com/x.git\n\ndev_dependencies:\n  # onesignal_flutter: ^5\n  flutter_test:\n    sdk: flutter\nflutter:\n  uses-material-design: true\n";
        assert_eq!(
            pairs(pubspec(yaml)),
            expect(&[
                ("flutter", 3),
                ("firebase_crashlytics", 5),
                ("purchases_flutter", 6),
                ("flutter_test", 12)
            ])
        );
    }

    #[test]
    fn package_resolved_in_both_formats() {
        let v2 = "{\n  \"pins\" : [\n    {\n      \"identity\" : \"purchases-ios\",\n      \"kind\" : \"remoteSourceControl\",\n      \"location\" : \"https://github.com/RevenueCat/purchases-ios.git\"\n    }\n  ],\n  \"version\" : 2\n}\n";
        assert_eq!(
            pairs(package_resolved(v2).unwrap()),
            expect(&[("https://github.com/RevenueCat/purchases-ios.git", 6)])
        );
        let v1 = "{\n  \"object\": {\n    \"pins\": [\n      {\n        \"package\": \"Sentry\",\n        \"repositoryURL\": \"https://github.com/getsentry/sentry-cocoa\"\n      }\n    ]\n  },\n  \"version\": 1\n}\n";
        assert_eq!(
            pairs(package_resolved(v1).unwrap()),
            expect(&[("https://github.com/getsentry/sentry-cocoa", 6)])
        );
        assert!(package_resolved("{\"pins\": 3}").is_err());
    }
}
