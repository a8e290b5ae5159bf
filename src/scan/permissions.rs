//! A mobile app's platform permissions, read from its own files: the
//! `<uses-permission>` entries of `AndroidManifest.xml` and the
//! `NS…UsageDescription` keys of an XML `Info.plist`, each with its line.
//!
//! Proposes answers for `app.android_permissions` and `app.ios_permissions`; what
//! each permission is used for stays the operator's to say (an iOS usage
//! description's own text is offered as a starting point, since users see it).
//! Reading is by hand, not with an XML parser: the two elements are simple, and a
//! malformed file yields what can be read rather than nothing.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::answers::Answers;

/// The platform a permission file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Android,
    Ios,
}

impl Platform {
    /// The platform whose permission file this is, from the file's name alone.
    pub fn of(file_name: &str) -> Option<Platform> {
        match file_name {
            "AndroidManifest.xml" => Some(Platform::Android),
            "Info.plist" => Some(Platform::Ios),
            _ => None,
        }
    }

    /// The answer the permissions of this platform go to.
    pub fn answer(self) -> &'static str {
        match self {
            Platform::Android => "app.android_permissions",
            Platform::Ios => "app.ios_permissions",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Platform::Android => "Android",
            Platform::Ios => "iOS",
        }
    }
}

/// One permission found, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundPermission {
    pub name: String,
    pub line: usize,
    /// An iOS usage description's text, as the app shows it to users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the policy lists it; `None` when no policy was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<bool>,
}

/// A permission file and what it asks for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PermissionFile {
    pub file: String,
    pub platform: Platform,
    pub permissions: Vec<FoundPermission>,
}

impl PermissionFile {
    /// Marks each permission declared or not in the answers' list for its platform.
    pub fn check_against(&mut self, answers: &Answers) {
        let list = match self.platform {
            Platform::Android => &answers.app.android_permissions,
            Platform::Ios => &answers.app.ios_permissions,
        };
        for p in &mut self.permissions {
            p.declared = Some(list.iter().any(|l| l.names.contains(&p.name)));
        }
    }
}

/// The Android manifests Gradle merged with the SDKs' own, inside a `build` folder
/// the scan otherwise skips (`build/intermediates/merged_manifest*/<variant>/...`):
/// they list the permissions SDKs add, which the app's own manifest does not show.
/// Only that folder is read, to a bounded depth, and links are not followed.
pub fn merged_manifests(build: &Path, found: &mut dyn FnMut(PathBuf)) {
    fn descend(dir: &Path, depth: usize, found: &mut dyn FnMut(PathBuf)) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && depth > 0 {
                descend(&entry.path(), depth - 1, found);
            } else if kind.is_file() && entry.file_name() == "AndroidManifest.xml" {
                found(entry.path());
            }
        }
    }
    let Ok(entries) = std::fs::read_dir(build.join("intermediates")) else {
        return;
    };
    let mut merged: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("merged_manifest")
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    merged.sort();
    for dir in merged {
        descend(&dir, 3, found);
    }
}

/// The permissions a file of `platform` declares, in file order, each once.
pub fn read(platform: Platform, text: &str) -> Vec<FoundPermission> {
    let mut found = match platform {
        Platform::Android => android(text),
        Platform::Ios => ios(text),
    };
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(p.name.clone()));
    found
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].bytes().filter(|&b| b == b'\n').count() + 1
}

/// `<uses-permission android:name="…"/>`, and its `-sdk-23` form; a tag may span lines.
fn android(text: &str) -> Vec<FoundPermission> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(i) = text[rest..].find("<uses-permission") {
        let start = rest + i;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        rest = end;
        if let Some(name) = attribute(tag, "android:name") {
            out.push(FoundPermission {
                name: name.to_owned(),
                line: line_of(text, start),
                description: None,
                declared: None,
            });
        }
    }
    out
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let quote = tag[at..].chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let value = &tag[at + 1..];
    Some(&value[..value.find(quote)?])
}

/// `<key>NS…UsageDescription</key>` followed by its `<string>`.
fn ios(text: &str) -> Vec<FoundPermission> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(i) = text[rest..].find("<key>") {
        let start = rest + i;
        let body = start + "<key>".len();
        let Some(len) = text[body..].find("</key>") else {
            break;
        };
        let key = text[body..body + len].trim();
        rest = body + len;
        if !(key.starts_with("NS") && key.ends_with("UsageDescription")) {
            continue;
        }
        let after = &text[rest + "</key>".len()..];
        let description = after
            .trim_start()
            .strip_prefix("<string>")
            .and_then(|s| s.find("</string>").map(|e| unescape(s[..e].trim())));
        out.push(FoundPermission {
            name: key.to_owned(),
            line: line_of(text, start),
            description: description.filter(|d| !d.is_empty()),
            declared: None,
        });
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_android_permissions_with_their_lines() {
        let text = r#"<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission
        android:name="android.permission.CAMERA"
        android:required="false" />
    <uses-permission-sdk-23 android:name='android.permission.READ_CONTACTS'/>
    <uses-permission android:name="android.permission.INTERNET" />
    <uses-feature android:name="android.hardware.camera" />
</manifest>
"#;
        let got: Vec<(String, usize)> = read(Platform::Android, text)
            .into_iter()
            .map(|p| (p.name, p.line))
            .collect();
        assert_eq!(
            got,
            [
                ("android.permission.INTERNET".to_owned(), 3),
                ("android.permission.CAMERA".to_owned(), 4),
                ("android.permission.READ_CONTACTS".to_owned(), 7),
            ]
        );
    }

    #[test]
    fn reads_ios_usage_descriptions_and_their_text() {
        let text = "<plist version=\"1.0\">\n<dict>\n\t<key>CFBundleName</key>\n\t<string>Habitly</string>\n\t<key>NSCameraUsageDescription</key>\n\t<string>Take a photo of your progress &amp; keep it</string>\n\t<key>NSUserTrackingUsageDescription</key>\n\t<string></string>\n</dict>\n</plist>\n";
        let got = read(Platform::Ios, text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "NSCameraUsageDescription");
        assert_eq!(got[0].line, 5);
        assert_eq!(
            got[0].description.as_deref(),
            Some("Take a photo of your progress & keep it")
        );
        assert_eq!(got[1].name, "NSUserTrackingUsageDescription");
        assert_eq!(got[1].description, None);
    }

    #[test]
    fn a_file_is_known_by_its_name() {
        assert_eq!(Platform::of("AndroidManifest.xml"), Some(Platform::Android));
        assert_eq!(Platform::of("Info.plist"), Some(Platform::Ios));
        assert_eq!(Platform::of("manifest.json"), None);
    }

    #[test]
    fn scan_finds_both_files_and_marks_what_the_policy_lists() {
        let dir = tempfile::tempdir().unwrap();
        let android = dir.path().join("app/src/main");
        std::fs::create_dir_all(&android).unwrap();
        std::fs::write(
            android.join("AndroidManifest.xml"),
            "<manifest>\n  <uses-permission android:name=\"android.permission.CAMERA\"/>\n  <uses-permission android:name=\"android.permission.INTERNET\"/>\n</manifest>\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("ios/Runner")).unwrap();
        std::fs::write(
            dir.path().join("ios/Runner/Info.plist"),
            "<dict>\n<key>NSCameraUsageDescription</key>\n<string>Scan receipts</string>\n</dict>\n",
        )
        .unwrap();
        let mut report =
            crate::scan::scan(dir.path(), &crate::catalog::Catalog::builtin()).unwrap();
        let files: Vec<(&str, Platform)> = report
            .app_permissions
            .iter()
            .map(|f| (f.file.as_str(), f.platform))
            .collect();
        assert_eq!(
            files,
            [
                ("app/src/main/AndroidManifest.xml", Platform::Android),
                ("ios/Runner/Info.plist", Platform::Ios),
            ]
        );
        let mut answers = Answers::default();
        answers
            .app
            .android_permissions
            .push(crate::answers::Permission {
                names: vec!["android.permission.INTERNET".into()],
                used_for: "sync".into(),
            });
        report.check_against(&answers, &crate::catalog::Catalog::builtin());
        let android: Vec<(&str, usize, Option<bool>)> = report.app_permissions[0]
            .permissions
            .iter()
            .map(|p| (p.name.as_str(), p.line, p.declared))
            .collect();
        assert_eq!(
            android,
            [
                ("android.permission.CAMERA", 2, Some(false)),
                ("android.permission.INTERNET", 3, Some(true)),
            ]
        );
        assert_eq!(
            report.app_permissions[1].permissions[0].declared,
            Some(false)
        );
    }

    /// Permissions an SDK adds are in the merged manifest under `build/`, which the
    /// scan reads though it skips the rest of `build/`.
    #[test]
    fn reads_the_merged_manifest_under_build() {
        let dir = tempfile::tempdir().unwrap();
        let merged = dir
            .path()
            .join("app/build/intermediates/merged_manifest/release/processReleaseMainManifest");
        std::fs::create_dir_all(&merged).unwrap();
        std::fs::write(
            merged.join("AndroidManifest.xml"),
            "<manifest>\n<uses-permission android:name=\"com.google.android.gms.permission.AD_ID\"/>\n</manifest>\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("app/build/other")).unwrap();
        std::fs::write(
            dir.path().join("app/build/other/AndroidManifest.xml"),
            "<uses-permission android:name=\"not.read\"/>",
        )
        .unwrap();
        let report = crate::scan::scan(dir.path(), &crate::catalog::Catalog::builtin()).unwrap();
        assert_eq!(report.app_permissions.len(), 1, "{report:#?}");
        let file = &report.app_permissions[0];
        assert_eq!(
            file.file,
            "app/build/intermediates/merged_manifest/release/processReleaseMainManifest/AndroidManifest.xml"
        );
        assert_eq!(
            file.permissions[0].name,
            "com.google.android.gms.permission.AD_ID"
        );
    }
}
