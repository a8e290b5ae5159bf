//! Reading answers files written in an older format.
//!
//! A file keeps the `schema_version` it was written with until the operator saves it:
//! opening, rendering, checking or diffing a version 1 file upgrades it in memory only,
//! so the file on disk (and the older release that wrote it) is left alone. The store
//! writes the new version with the operator's next change (see
//! `store::write_answers`), and [`note`] is the one line that says so.

use super::{Answers, SCHEMA_VERSION};

/// The oldest `schema_version` this build can upgrade. Older files are refused.
pub const OLDEST: u64 = 1;

/// Answers read from a version `from` file, brought up to [`SCHEMA_VERSION`].
///
/// Version 2 only adds answers (such as more contact routes) and lets the contact
/// e-mail be left out when another route is given; every answer a
/// version 1 file can hold means the same in version 2. So the step from 1 is the
/// version number alone, and nothing the file says is dropped or reworded. Answers
/// that became lists (a recipient's `safeguard`, a purpose's `legal_basis`, a data
/// category's `source`) read their one value as a list of one and write it back as
/// the same plain string (see `answers::several`), so they need no step either.
///
/// Files of either version may carry the one `sensitive` flag a data category had
/// before GDPR special categories and CCPA sensitive personal information were asked
/// apart (legal review FP-3, FN-8). Its question named both ("health, biometrics,
/// precise location, beliefs"), so it is read as both; the operator then unticks the
/// one that does not hold. The file keeps the old flag until it is saved.
pub fn upgrade(mut answers: Answers, from: u64) -> Answers {
    debug_assert!((OLDEST..=SCHEMA_VERSION).contains(&from));
    answers.schema_version = SCHEMA_VERSION;
    split_sensitive(&mut answers);
    answers
}

/// The old `sensitive` flag as the two answers it stood for: a "yes" is a "yes" to
/// both; a "no" (which files written since yes/no answers kept their "no", issue 18,
/// may hold) is a "no" to whichever of the two is still unanswered.
pub fn split_sensitive(answers: &mut Answers) {
    for c in &mut answers.data.categories {
        match c.sensitive.take() {
            Some(true) => {
                c.special_category = Some(true);
                c.ccpa_sensitive = Some(true);
            }
            Some(false) => {
                c.special_category.get_or_insert(false);
                c.ccpa_sensitive.get_or_insert(false);
            }
            None => {}
        }
    }
}

/// The `schema_version` a file's text declares, without reading the rest; `None` when
/// the text is not an answers object with a whole-number version.
pub fn file_version(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Header {
        schema_version: Option<serde_json::Value>,
    }
    serde_json::from_str::<Header>(text)
        .ok()?
        .schema_version?
        .as_u64()
}

/// What to tell the operator when a save writes a file in this format for the first
/// time: `None` when the file was already current (or did not exist).
pub fn note(origin: &str, text: Option<&str>) -> Option<String> {
    let from = file_version(text?)?;
    (from < SCHEMA_VERSION).then(|| {
        format!(
            "{origin}: saved as answers format {SCHEMA_VERSION} (it was {from}); \
             policywright 0.1 and older can no longer open it"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example is a version 1 file or a version 2 file, and reads the same
    /// either way: a version 1 copy upgrades to exactly the answers of the original.
    #[test]
    fn every_example_upgrades_from_version_1_without_loss() {
        for (path, text) in crate::examples::example_files() {
            let current = Answers::from_json(&text).unwrap();
            assert_eq!(current.schema_version, SCHEMA_VERSION, "{path}");
            let v1 = as_version_1(&text);
            let upgraded = Answers::from_json(&v1).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(upgraded, current, "{path}");
            // Nothing is lost: the upgraded answers write back every member the
            // version 1 file had, under the new version number.
            let mut before: serde_json::Value = serde_json::from_str(&v1).unwrap();
            let mut after: serde_json::Value = serde_json::from_str(&upgraded.to_json()).unwrap();
            // An explicit `false` for a plain yes/no is its default, not an answer.
            super::super::schema::prune_unanswered(&mut before);
            before["schema_version"] = 0.into();
            after["schema_version"] = 0.into();
            assert_eq!(after, before, "{path}");
        }
    }

    fn as_version_1(text: &str) -> String {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        v["schema_version"] = 1.into();
        serde_json::to_string_pretty(&v).unwrap()
    }

    /// The complete example as policywright 0.1 shipped it, every part answered.
    #[test]
    fn the_earlier_releases_complete_example_round_trips() {
        round_trips(include_str!("../../tests/fixtures/v1/complete-0.1.json"));
    }

    /// Files written by policywright 0.1 itself (`set --create`, then `publish`): the
    /// answers file and the answers inside its version snapshot.
    #[test]
    fn files_written_by_the_earlier_release_round_trip() {
        round_trips(include_str!(
            "../../tests/fixtures/v1/ledgerly-0.1/policies/ledgerly.json"
        ));
        let snapshot: serde_json::Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/v1/ledgerly-0.1/versions/ledgerly/0001.json"
        ))
        .unwrap();
        round_trips(&serde_json::to_string_pretty(&snapshot["answers"]).unwrap());
    }

    fn round_trips(text: &str) {
        assert_eq!(file_version(text), Some(1));
        let a = Answers::from_json(text).unwrap();
        assert_eq!(a.schema_version, SCHEMA_VERSION);
        let written = a.to_json();
        let mut before: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut after: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(after["schema_version"], SCHEMA_VERSION);
        super::super::schema::prune_unanswered(&mut before);
        before["schema_version"] = 0.into();
        after["schema_version"] = 0.into();
        assert_eq!(after, before, "every answer of the version 1 file is kept");
        assert_eq!(Answers::from_json(&written).unwrap(), a);
    }

    #[test]
    fn the_note_names_both_versions_only_for_older_files() {
        let n = note("acme.json", Some(r#"{"schema_version": 1}"#)).unwrap();
        assert!(
            n.starts_with("acme.json: saved as answers format 2 (it was 1)"),
            "{n}"
        );
        assert_eq!(note("acme.json", Some(r#"{"schema_version": 2}"#)), None);
        assert_eq!(note("acme.json", None), None);
    }

    /// The flag both laws shared becomes the two answers, in either version.
    #[test]
    fn the_shared_sensitive_flag_is_read_as_both_answers() {
        for version in [1, 2] {
            let text = serde_json::json!({
                "schema_version": version,
                "organization": {"product_name": "Acme", "contact_email": "a@acme.io"},
                "data": {"categories": [
                    {"id": "health", "name": "Health", "description": "symptoms", "source": "provided", "sensitive": true},
                    {"id": "email", "name": "E-mail", "description": "address", "source": "provided"}
                ]}
            })
            .to_string();
            let a = Answers::from_json(&text).unwrap();
            let [health, email] = &a.data.categories[..] else {
                panic!("two categories")
            };
            assert_eq!(
                (
                    health.special_category,
                    health.ccpa_sensitive,
                    health.sensitive
                ),
                (Some(true), Some(true), None)
            );
            assert_eq!((email.special_category, email.ccpa_sensitive), (None, None));
            let written: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
            let health = &written["data"]["categories"][0];
            assert_eq!(health.get("sensitive"), None, "the old flag is not written");
            assert_eq!(health["special_category"], true);
            assert_eq!(health["ccpa_sensitive"], true);
        }
    }

    /// A "no" to the shared flag (kept in files since issue 18) answers both "no",
    /// without overriding an answer already given to either.
    #[test]
    fn a_no_to_the_shared_flag_is_a_no_to_both() {
        let text = serde_json::json!({
            "schema_version": 2,
            "organization": {"product_name": "Acme", "contact_email": "a@acme.io"},
            "data": {"categories": [
                {"id": "email", "name": "E-mail", "description": "address", "source": "provided", "sensitive": false},
                {"id": "gps", "name": "Location", "description": "precise", "source": "provided", "sensitive": false, "ccpa_sensitive": true}
            ]}
        })
        .to_string();
        let a = Answers::from_json(&text).unwrap();
        let [email, gps] = &a.data.categories[..] else {
            panic!("two categories")
        };
        assert_eq!(
            (
                email.special_category,
                email.ccpa_sensitive,
                email.sensitive
            ),
            (Some(false), Some(false), None)
        );
        assert_eq!(
            (gps.special_category, gps.ccpa_sensitive),
            (Some(false), Some(true))
        );
    }
}
