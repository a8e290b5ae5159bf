use super::*;

const COMPLETE: &str = include_str!("../../../examples/complete.json");

fn with_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.json");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn set(answers: &Answers, key: &str, value: &str) -> Answers {
    let a: crate::answers::set::Assignment = format!("{key}={value}").parse().unwrap();
    crate::answers::set::apply(answers, &[a]).unwrap()
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
}

/// A save that changes nothing does not write at all, whatever the file's layout.
#[cfg(unix)]
#[test]
fn an_unchanged_save_does_not_touch_the_file() {
    let hand_written =
        "{ \"schema_version\": 1,\n\t\"organization\": {\"product_name\": \"Acme\"} }";
    let (_dir, path) = with_file(hand_written);
    let before = inode(&path);
    let disk = read_on_disk(&path).unwrap();
    let answers = disk.answers.clone();
    write_answers(&path, &disk, &answers).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), hand_written);
    assert_eq!(
        inode(&path),
        before,
        "not even replaced by an identical copy"
    );
}

/// A change rewrites only what it changes: the explicit `false` answers and the
/// key order the file has stay, and the changed answer takes its place.
#[test]
fn a_change_keeps_what_the_file_spells_out() {
    let (_dir, path) = with_file(COMPLETE);
    let disk = read_on_disk(&path).unwrap();
    let new = set(&disk.answers, "organization.legal_form", "a cooperative");
    write_answers(&path, &disk, &new).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let expected = COMPLETE.replace("a German limited company", "a cooperative");
    assert_eq!(text, expected, "one line changed, nothing else");
}

/// New answers go where the model puts them, even in a file with its own order.
#[test]
fn new_members_follow_the_models_order() {
    let (_dir, path) = with_file(
        "{\"organization\": {\"website\": \"https://a.example\", \"product_name\": \"A\"},\n \"schema_version\": 1}",
    );
    let disk = read_on_disk(&path).unwrap();
    let new = set(&disk.answers, "organization.legal_entity", "A Ltd");
    write_answers(&path, &disk, &new).unwrap();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let keys: Vec<&String> = saved["organization"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["website", "product_name", "legal_entity"]);
    let top: Vec<&String> = saved.as_object().unwrap().keys().collect();
    assert_eq!(
        top,
        ["organization", "schema_version"],
        "the file's own order stays"
    );
}

/// A catalog reference gains no field the operator never set (`role: other`).
#[test]
fn catalog_entries_gain_no_role() {
    let text = "{\"schema_version\": 1, \"processors\": [{\"catalog\": \"sentry\"}]}\n";
    let answers = Answers::from_json(text).unwrap();
    let written = set(&answers, "organization.product_name", "Acme").to_json();
    assert!(!written.contains("role"), "{written}");
    let mut placed = answers.clone();
    placed.processors[0].role = crate::answers::vocab::ProcessorRole::Payments;
    let placed = placed.to_json();
    assert!(
        placed.contains("\"role\": \"payments\""),
        "a role the operator set is kept"
    );
}

/// The interview's answer is re-applied on top of another program's change to a
/// different answer: both are in the file, and the interview is told to show them.
#[test]
fn an_interview_reapplies_its_answer_over_another_writers() {
    let (_dir, path) = with_file(COMPLETE);
    let loaded = read_on_disk(&path).unwrap();
    let base = loaded.base();
    // Another program (`set`) changes one answer...
    let theirs = set(&loaded.answers, "organization.legal_form", "by script");
    std::fs::write(&path, theirs.to_json()).unwrap();
    // ...while the interview confirms another.
    let ours = set(&loaded.answers, "organization.product_name", "Ledgerly Pro");
    let synced = save_interview(&path, &base, &ours).unwrap();

    let on_disk = read_on_disk(&path).unwrap().answers;
    assert_eq!(
        on_disk.organization.legal_form.as_deref(),
        Some("by script")
    );
    assert_eq!(on_disk.organization.product_name, "Ledgerly Pro");
    let reloaded = synced.reloaded.expect("the interview is told");
    assert_eq!(reloaded.answers, on_disk, "it shows what the file holds");
    assert!(
        reloaded.note.contains("another program"),
        "{}",
        reloaded.note
    );
    // The next save compares with the merged file, so it is a plain save again.
    let next = set(&on_disk, "organization.website", "https://l.example");
    assert!(
        save_interview(&path, &synced.base, &next)
            .unwrap()
            .reloaded
            .is_none()
    );
}

/// Both changed the same answer: nothing is overwritten; both versions are kept.
#[test]
fn a_conflict_keeps_both_versions_and_says_so() {
    let (dir, path) = with_file(COMPLETE);
    let loaded = read_on_disk(&path).unwrap();
    let base = loaded.base();
    let theirs = set(&loaded.answers, "organization.product_name", "Theirs");
    std::fs::write(&path, theirs.to_json()).unwrap();
    let ours = set(&loaded.answers, "organization.product_name", "Ours");
    let synced = save_interview(&path, &base, &ours).unwrap();

    assert_eq!(
        read_on_disk(&path).unwrap().answers,
        theirs,
        "the file is not overwritten"
    );
    let copies: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("acme.conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        read_on_disk(&copies[0]).unwrap().answers,
        ours,
        "ours is kept beside it"
    );
    let reloaded = synced.reloaded.expect("the interview is told");
    assert!(
        reloaded.note.contains("organization.product_name"),
        "{}",
        reloaded.note
    );
    assert!(reloaded.note.contains(&copies[0].display().to_string()));
    assert_eq!(reloaded.answers, theirs);
    assert_eq!(synced.base, read_on_disk(&path).unwrap().base());
}

/// An interview whose file was deleted and re-created by someone else still merges.
#[test]
fn a_new_policy_saved_twice_is_a_plain_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.json");
    let base = Base::default();
    let first = set(&Answers::default(), "organization.product_name", "New");
    let synced = save_interview(&path, &base, &first).unwrap();
    assert!(synced.reloaded.is_none());
    let second = set(&first, "organization.legal_form", "a sole trader");
    assert!(
        save_interview(&path, &synced.base, &second)
            .unwrap()
            .reloaded
            .is_none()
    );
    assert_eq!(read_on_disk(&path).unwrap().answers, second);
}

/// F12: invalid UTF-8 is located by line and column, like a syntax error.
#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        b"{\n  \"schema_version\": 1,\n  \"x\": \"\xc3\xa9\xff\"\n}",
    )
    .unwrap();
    let e = read_on_disk(&path).unwrap_err().to_string();
    assert!(
        e.ends_with("bad.json:3:10: not UTF-8 text (byte 0xFF); save the file as UTF-8"),
        "{e}"
    );
}

/// In a hand-formatted file, a change touches only its own line: one-line arrays
/// stay on one line, other members keep their spacing.
#[test]
fn a_hand_formatted_file_changes_only_where_the_answer_changed() {
    let acme = include_str!("../../../examples/acme.json");
    let (_dir, path) = with_file(acme);
    let disk = read_on_disk(&path).unwrap();
    let mut new = set(&disk.answers, "organization.product_name", "Acme Two");
    new.audience.regions.pop();
    write_answers(&path, &disk, &new).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = acme
        .lines()
        .zip(text.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(acme.lines().count(), text.lines().count(), "{text}");
    assert_eq!(changed.len(), 2, "{changed:#?}");
    assert!(changed[0].1.contains("\"Acme Two\""), "{changed:#?}");
    assert!(
        changed[1].1.trim_start().starts_with("\"regions\": ["),
        "{changed:#?}"
    );
    assert_eq!(read_on_disk(&path).unwrap().answers, new);
}

/// A list that gains an entry keeps the text of every entry it had.
#[test]
fn adding_to_a_list_only_adds_lines() {
    let acme = include_str!("../../../examples/acme.json");
    let (_dir, path) = with_file(acme);
    let disk = read_on_disk(&path).unwrap();
    let mut new = disk.answers.clone();
    new.processors.push(crate::answers::Processor {
        catalog: Some("sentry".into()),
        ..Default::default()
    });
    new.rights.rights.remove(1);
    write_answers(&path, &disk, &new).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let before: Vec<&str> = acme.lines().collect();
    let after: Vec<&str> = text.lines().collect();
    let removed: Vec<&&str> = before.iter().filter(|l| !after.contains(l)).collect();
    let added: Vec<&&str> = after.iter().filter(|l| !before.contains(l)).collect();
    assert_eq!(removed, [&"      {\"right\": \"erasure\"},"], "{text}");
    assert!(
        added.iter().any(|l| l.contains("\"catalog\": \"sentry\"")),
        "{added:#?}"
    );
    assert!(added.len() <= 4, "{added:#?}");
    assert_eq!(read_on_disk(&path).unwrap().answers, new);
}

/// A list written one entry to a line gets new entries the same way: an entry
/// removed and put back (the wizard's x, then u) leaves the text as it was.
#[test]
fn an_entry_put_back_is_written_like_the_entries_around_it() {
    let stepr = include_str!("../../../examples/stepr.json");
    let (_dir, path) = with_file(stepr);
    let disk = read_on_disk(&path).unwrap();
    let mut removed = disk.answers.clone();
    let measure = removed.security.measures.remove(1);
    write_answers(&path, &disk, &removed).unwrap();
    let disk = read_on_disk(&path).unwrap();
    assert_ne!(std::fs::read_to_string(&path).unwrap(), stepr);
    let mut back = disk.answers.clone();
    back.security.measures.insert(1, measure);
    write_answers(&path, &disk, &back).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), stepr);

    // A list spread over lines stays so: a new entry is pretty, like its neighbours.
    let disk = read_on_disk(&path).unwrap();
    let mut more = disk.answers.clone();
    more.purposes.push(more.purposes[0].clone());
    write_answers(&path, &disk, &more).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let added = text.lines().count() - stepr.lines().count();
    assert!(added > 3, "{added} lines for a purpose of several fields");
}

/// Issue 13, compatibility: a version 1 file is read as version 2 but left as it is
/// until a save changes something; that save writes version 2, changing only the
/// version and the answer, and says so in one line.
#[test]
fn a_version_1_file_becomes_version_2_only_when_a_save_changes_it() {
    let v1 = include_str!("../../../tests/fixtures/v1/complete-0.1.json");
    let (_dir, path) = with_file(v1);
    let disk = read_on_disk(&path).unwrap();
    assert_eq!(disk.answers.schema_version, crate::answers::SCHEMA_VERSION);
    assert_eq!(upgrade_note(&path, &disk, &disk.answers), None);
    write_answers(&path, &disk, &disk.answers).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        v1,
        "no change, no write"
    );

    let new = set(&disk.answers, "organization.legal_form", "a cooperative");
    let note = upgrade_note(&path, &disk, &new).unwrap();
    assert!(
        note.contains("saved as answers format 2 (it was 1)"),
        "{note}"
    );
    write_answers(&path, &disk, &new).unwrap();
    let expected = v1
        .replace("a German limited company", "a cooperative")
        .replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    let again = read_on_disk(&path).unwrap();
    assert_eq!(again.answers, new);
    assert_eq!(
        upgrade_note(&path, &again, &disk.answers),
        None,
        "already current"
    );
}

/// A file this program wrote (`to_json`) has no layout of its own to keep: fitting
/// new answers into it gives exactly what `to_json` writes for them, so a save over
/// such a file writes that directly. Held on every example, for every question's
/// answer changed (emptied, or flipped for a yes/no).
#[test]
fn fitting_answers_into_a_file_this_program_wrote_is_writing_them() {
    for name in EXAMPLES {
        let a = Answers::example(name);
        let written = a.to_json();
        for (key, b) in each_answer_changed(&a, name) {
            assert_eq!(
                in_layout_of(written.as_str().into(), Cow::Borrowed(&a), &b),
                Some((b.to_json(), true)),
                "{name}: {key}"
            );
        }
    }
}

/// An interview's saves: over a hand-written file the first keeps its layout and
/// knows the result is not what `to_json` writes; once the file is what this program
/// writes, the next saves write `to_json` directly.
#[test]
fn an_interview_writes_canonically_once_the_file_is() {
    let (_dir, path) = with_file(COMPLETE);
    let disk = read_on_disk(&path).unwrap();
    assert!(!disk.canonical, "not worked out on reading");
    assert!(
        !disk.interview_base().canonical,
        "complete.json is not what to_json writes"
    );
    let first = set(&disk.answers, "organization.legal_form", "a cooperative");
    let synced = save_interview(&path, &disk.base(), &first).unwrap();
    assert!(!synced.base.canonical, "complete.json spells out defaults");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        COMPLETE.replace("a German limited company", "a cooperative")
    );

    let canonical = first.to_json();
    std::fs::write(&path, &canonical).unwrap();
    let disk = read_on_disk(&path).unwrap();
    assert!(!disk.canonical, "not worked out on reading");
    assert!(!disk.base().canonical, "not worked out for a base");
    assert!(
        disk.interview_base().canonical,
        "an interview's base works it out"
    );
    let second = set(&first, "organization.legal_form", "a sole trader");
    let synced = save_interview(&path, &disk.base(), &second).unwrap();
    assert!(
        synced.base.canonical,
        "fitted into a canonical file: still canonical"
    );
    let third = set(&second, "organization.product_name", "Acme Two");
    let synced = save_interview(&path, &synced.base, &third).unwrap();
    assert!(synced.base.canonical);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), third.to_json());
    assert_eq!(read_on_disk(&path).unwrap().answers, third);
}

/// Values made apart (without the long lists' shared entries) give the text the
/// whole values give: on every example, in a pretty and a one-line layout with
/// every default spelled out, for every question's answer changed (emptied,
/// shortened or flipped) and for entries of long lists changed in place.
#[test]
fn a_rewrite_from_values_made_apart_writes_the_same_text() {
    use crate::answers::file_text::values_apart;
    use crate::store::layout::rewrite;
    for name in EXAMPLES {
        let a = Answers::example(name);
        let layouts = [a.to_json(), serde_json::to_string(&a.to_value()).unwrap()];
        // An entry of a long list changed in place, the list keeping its length.
        let mut entries = a.clone();
        if let Some(c) = entries.data.categories.first_mut() {
            c.description.push_str(" (changed)");
        }
        if let Some(p) = entries.processors.last_mut() {
            p.name.push_str(" (changed)");
        }
        let mut changes = each_answer_changed(&a, name);
        changes.push(("entries", entries));
        for (key, b) in changes {
            for text in &layouts {
                let whole = rewrite(text, &a.to_file_value(), &b.to_file_value());
                assert!(whole.is_some(), "{name}: {key}");
                let (o, n) = values_apart(&a, &b);
                assert_eq!(rewrite(text, &o, &n), whole, "{name}: {key}: apart");
            }
        }
    }
}

const EXAMPLES: [&str; 7] = [
    "acme", "complete", "habitly", "shipdesk", "specstep", "stepr", "tabnotes",
];

/// The answers with each question's answer changed in turn (a list shortened, a
/// text added to, a yes/no flipped), with the question's key; changes that leave
/// the answers as they were are left out. Each example has more than ten.
fn each_answer_changed(a: &Answers, name: &str) -> Vec<(&'static str, Answers)> {
    use crate::answers::set::{answer_at, set_value};
    use serde_json::Value;
    let mut out = Vec::new();
    for section in crate::questions::sections() {
        for q in &section.questions {
            let value = match answer_at(a, q.key) {
                Some(Value::Array(items)) if !items.is_empty() => Value::Array(items[1..].to_vec()),
                Some(Value::String(s)) if !s.is_empty() => Value::String(format!("{s} (changed)")),
                Some(Value::Bool(b)) => Value::Bool(!b),
                _ => continue,
            };
            match set_value(a, q.key, value) {
                Ok(b) if b != *a => out.push((q.key, b)),
                _ => {}
            }
        }
    }
    assert!(out.len() > 10, "{name}: only {} answers changed", out.len());
    out
}

/// The merge, on every example, for every pair of answers changed one on each side:
/// each side's change is kept and nothing else moves; the same answer changed the
/// same way on both sides is no conflict; changed differently, it is one, named.
/// The base is only the fingerprint of the answers both started from.
#[test]
fn a_merge_from_the_fingerprint_keeps_each_sides_change() {
    use crate::answers::set::answer_at;
    for name in EXAMPLES {
        let a = Answers::example(name);
        let base = Fingerprint::of(&a);
        let changed = each_answer_changed(&a, name);
        for (key, b) in &changed {
            assert_eq!(merge3(&base, b, &a).as_ref(), Ok(b), "{name}: theirs {key}");
            assert_eq!(merge3(&base, &a, b).as_ref(), Ok(b), "{name}: ours {key}");
            assert_eq!(merge3(&base, b, b).as_ref(), Ok(b), "{name}: both {key}");
        }
        for (i, (k1, theirs)) in changed.iter().enumerate() {
            for (k2, ours) in changed.iter().skip(i + 1).step_by(3) {
                let one_within_the_other =
                    k1.starts_with(&format!("{k2}.")) || k2.starts_with(&format!("{k1}."));
                if k1 == k2 || one_within_the_other {
                    continue;
                }
                let merged = merge3(&base, theirs, ours)
                    .unwrap_or_else(|c| panic!("{name}: {k1} and {k2}: conflicts {c:?}"));
                assert_eq!(
                    answer_at(&merged, k1),
                    answer_at(theirs, k1),
                    "{name}: {k1}"
                );
                assert_eq!(answer_at(&merged, k2), answer_at(ours, k2), "{name}: {k2}");
            }
        }
        let (key, theirs) = &changed[0];
        let ours = crate::answers::set::set_value(
            &a,
            key,
            serde_json::Value::String("a third value".into()),
        );
        if let Some(ours) = ours.ok().filter(|o| o != theirs && *o != a) {
            assert_eq!(merge3(&base, theirs, &ours), Err(vec![key.to_string()]));
        }
    }
}

/// A group one side took out while the other changed something else in the same
/// part: the merge leaves it out, and keeps the other side's change.
#[test]
fn a_group_taken_out_on_one_side_stays_out() {
    let a = Answers::example("complete");
    assert!(a.organization.dpo.is_some());
    let base = Fingerprint::of(&a);
    let theirs = set(&a, "organization.legal_form", "by script");
    let mut ours = a.clone();
    ours.organization.dpo = None;
    let merged = merge3(&base, &theirs, &ours).expect("no conflict");
    assert_eq!(merged.organization.dpo, None);
    assert_eq!(merged.organization.legal_form.as_deref(), Some("by script"));
}

/// A save over a file this program wrote streams the new text to disk and reads the
/// old one only to hash it: the base it returns is the file's (the next save with no
/// change writes nothing), and another program's change to such a file is still
/// noticed and merged.
#[test]
fn a_canonical_file_is_saved_without_holding_its_text() {
    let (_dir, path) = with_file(COMPLETE);
    let first = set(
        &read_on_disk(&path).unwrap().answers,
        "organization.legal_form",
        "a cooperative",
    );
    std::fs::write(&path, first.to_json()).unwrap();
    let base = read_on_disk(&path).unwrap().interview_base();
    assert!(base.canonical);

    let second = set(&first, "organization.product_name", "Ledger Two");
    let synced = save_interview(&path, &base, &second).unwrap();
    assert!(synced.reloaded.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), second.to_json());
    assert!(synced.base.describes(&read_on_disk(&path).unwrap()));
    let ino = inode(&path);
    let again = save_interview(&path, &synced.base, &second).unwrap();
    assert_eq!(inode(&path), ino, "nothing to write");
    assert!(again.reloaded.is_none());

    // Another program changes another answer of the canonical file meanwhile.
    let theirs = set(&second, "organization.website", "https://theirs.example");
    std::fs::write(&path, theirs.to_json()).unwrap();
    let ours = set(&second, "organization.legal_form", "a sole trader");
    let merged = save_interview(&path, &synced.base, &ours).unwrap();
    assert!(merged.reloaded.is_some(), "the interview is told");
    let on_disk = read_on_disk(&path).unwrap().answers;
    assert_eq!(
        on_disk.organization.website.as_deref(),
        Some("https://theirs.example")
    );
    assert_eq!(
        on_disk.organization.legal_form.as_deref(),
        Some("a sole trader")
    );
}
