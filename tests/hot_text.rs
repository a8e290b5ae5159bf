//! `link/hot-text.ld`, the functions a session runs, which build.rs hands to the
//! linker of a release build on Linux (issue 17): only `scripts/hot-text.sh` writes
//! it, and the test suite's debug builds do not link with it, so its form is held
//! here. A line the linker cannot read would fail every release build.

const SCRIPT: &str = include_str!("../link/hot-text.ld");

/// The names listed, one per pattern line, checked to be in the one form the script
/// writes: `*(.text.NAME .text.unlikely.NAME)`.
fn names() -> Vec<&'static str> {
    let lines: Vec<&str> = SCRIPT.lines().collect();
    let body_start = lines
        .iter()
        .position(|l| *l == "  .text.hot : {")
        .expect("the script opens the .text.hot section");
    assert_eq!(lines[body_start - 1], "SECTIONS {");
    assert!(lines[..body_start - 1].iter().all(|l| {
        let l = l.trim_start();
        l.starts_with("/*") || l.ends_with("*/") || !l.contains(['{', '}', ';'])
    }));
    assert_eq!(
        lines[lines.len() - 2..],
        ["  }", "} INSERT BEFORE .text;"],
        "the section is added before .text, leaving the default layout as it is"
    );
    lines[body_start + 1..lines.len() - 2]
        .iter()
        .map(|line| {
            let inner = line
                .strip_prefix("    *(")
                .and_then(|l| l.strip_suffix(')'))
                .unwrap_or_else(|| panic!("not a pattern line: {line}"));
            let (plain, unlikely) = inner
                .split_once(' ')
                .unwrap_or_else(|| panic!("two patterns per line: {line}"));
            let name = plain.strip_prefix(".text.").expect(".text.NAME");
            assert_eq!(unlikely, format!(".text.unlikely.{name}"), "{line}");
            assert!(
                !name.is_empty()
                    && !name.contains(|c: char| {
                        c.is_whitespace() || "(){};,\"'".contains(c) || !c.is_ascii()
                    }),
                "a name the linker reads as one word: {line}"
            );
            name
        })
        .collect()
}

#[test]
fn the_hot_text_script_has_the_form_the_linker_reads() {
    let names = names();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "each function is listed once");
}

#[test]
fn the_hot_text_script_lists_the_programs_own_functions_without_their_hashes() {
    let names = names();
    // The hash a symbol carries changes with the compiler and the dependencies: a
    // name listed with it would stop matching at the next update.
    let hashed = |name: &str| {
        name.match_indices("17h").any(|(i, _)| {
            let rest = &name.as_bytes()[i + 3..];
            rest.len() > 16 && rest[..16].iter().all(u8::is_ascii_hexdigit) && rest[16] == b'E'
        })
    };
    assert_eq!(names.iter().find(|n| hashed(n)), None, "a hash left in");
    for part in ["6render", "5check", "3tui", "7answers"] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("_ZN12policywright") && n.contains(part)),
            "no function of policywright::{part}"
        );
    }
}

/// The linker itself reads the script: a small program is linked with it the way
/// build.rs links a release build (`-Wl,-T,…`), and runs. The form checks above
/// catch what `hot-text.sh` could write wrong; this catches what they cannot, such
/// as a linker that no longer accepts `INSERT BEFORE .text`. A release build is
/// minutes long and the test suite never makes one.
#[cfg(target_os = "linux")]
#[test]
fn the_linker_accepts_the_hot_text_script() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("main.rs");
    std::fs::write(&source, "fn main() { println!(\"linked\"); }\n").unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/link/hot-text.ld");
    let program = dir.path().join("linked");
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let built = std::process::Command::new(rustc)
        .arg(&source)
        .arg("-o")
        .arg(&program)
        .args(["-C", "opt-level=1", "-C"])
        .arg(format!("link-arg=-Wl,-T,{script}"))
        .output()
        .expect("rustc runs");
    assert!(
        built.status.success(),
        "the linker refused link/hot-text.ld:\n{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let ran = std::process::Command::new(&program).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "linked\n");
}
