//! The real binary in a pseudo-terminal: `ask` answers a few prompts, is stopped
//! with Ctrl-C, and a second run continues with the saved answers as defaults.
#![cfg(unix)]

use std::process::Command;

use rexpect::session::{Options, PtySession, spawn_with_options};

fn ask(data: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policywright"));
    cmd.args(["ask", "acme"])
        .env("POLICYWRIGHT_DATA_DIR", data)
        .env("TERM", "xterm-256color");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    spawn_with_options(cmd, options).expect("spawn policywright in a pty")
}

fn stopped(mut p: PtySession) {
    p.send_control('c').unwrap();
    p.exp_string("Stopped. Every confirmed answer is saved")
        .unwrap();
    // Exit code 130: stopped by the person, as shells report Ctrl-C.
    let status = format!("{:?}", p.process().wait().unwrap());
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 130)"),
        "{status}"
    );
}

#[test]
fn ask_saves_each_answer_and_resumes_with_them_as_defaults() {
    let data = tempfile::tempdir().unwrap();

    let mut p = ask(data.path());
    // Esc at the quick start's first question asks every question instead.
    p.exp_string("What kind of product").unwrap();
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("What is your product called?").unwrap();
    p.send_line("Acme").unwrap();
    p.exp_string("what does it do?").unwrap();
    p.send_line("a team tool").unwrap();
    p.exp_string("What is its website?").unwrap();
    p.send_line("acme.io").unwrap();
    p.exp_string("is not a web address").unwrap();
    // Clear the bad input (Ctrl-U is not universal; backspace is).
    p.send(&"\u{7f}".repeat(7)).unwrap();
    p.send_line("https://acme.io").unwrap();
    p.exp_string("Who runs it: your company").unwrap();
    stopped(p);

    let file = data.path().join("policies/acme.json");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["organization"]["product_name"], "Acme");
    assert_eq!(saved["organization"]["website"], "https://acme.io");

    // Second run: offered to continue; starting over shows every saved answer as the
    // default, and Enter keeps it.
    let mut p = ask(data.path());
    p.exp_string("Continue where you stopped last time")
        .unwrap();
    p.send_line("n").unwrap();
    p.exp_string("What is your product called? (Acme)").unwrap();
    p.send_line("").unwrap();
    p.exp_string("(a team tool)").unwrap();
    p.send_line("").unwrap();
    p.exp_string("What is its website? (https://acme.io)")
        .unwrap();
    stopped(p);

    // A third run continues after the last answer confirmed (the description).
    let mut p = ask(data.path());
    p.exp_string("Continue where you stopped last time (About you)")
        .unwrap();
    p.send_line("y").unwrap();
    p.exp_string("What is its website? (https://acme.io)")
        .unwrap();
    stopped(p);

    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(again, saved, "Enter kept every answer as it was");
}

/// The readline keys edit the line in every `ask` prompt (issue 18): before the
/// patched inquire (vendor/inquire), Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-W, Ctrl-K, Ctrl-B
/// and Ctrl-F typed their letters into the answer, Alt-B/F/D typed a `b`, `f`, `d`,
/// and a chord it does not know (Ctrl-T) typed a `t`.
#[test]
fn line_editing_keys_edit_the_answer_instead_of_typing_letters() {
    let data = tempfile::tempdir().unwrap();
    const HOME: &str = "\x1b[H";
    const END: &str = "\x1b[F";
    const LEFT: &str = "\x1b[D";
    const RIGHT: &str = "\x1b[C";
    const ALT_B: &str = "\x1bb";
    const ALT_F: &str = "\x1bf";
    const ALT_D: &str = "\x1bd";

    let mut p = ask(data.path());
    // Esc at the quick start asks every question instead; let its prompt settle
    // first so the lone Esc is not read with the terminal's cursor report.
    p.exp_string("What kind of product").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("What is your product called?").unwrap();
    p.send("world").unwrap();
    p.send_control('a').unwrap(); // start of line
    p.send("hello ").unwrap();
    p.send_control('e').unwrap(); // end of line
    p.send(" wide").unwrap();
    p.send_control('w').unwrap(); // the word before the cursor
    p.send(HOME).unwrap();
    p.send("X").unwrap();
    p.send(END).unwrap();
    p.send("Y").unwrap();
    p.send(LEFT).unwrap();
    p.send("Z").unwrap();
    p.send(RIGHT).unwrap();
    p.send("!").unwrap();
    p.send_control('t').unwrap(); // unknown: ignored, not typed
    p.send_line("").unwrap();
    p.exp_string("what does it do?").unwrap();
    p.send("junk that goes").unwrap();
    p.send_control('u').unwrap(); // everything before the cursor
    p.send("a team tool, in full").unwrap();
    p.send(ALT_B).unwrap(); // a word left: before "full"
    p.send(ALT_B).unwrap(); // before "in"
    p.send_control('b').unwrap(); // a character left
    p.send_control('b').unwrap(); // before ","
    p.send_control('k').unwrap(); // everything after the cursor: "a team tool"
    p.send_control('a').unwrap();
    p.send(ALT_F).unwrap(); // a word right: after "a"
    p.send_control('f').unwrap(); // a character right: before "team"
    p.send(ALT_D).unwrap(); // the word after the cursor
    p.send("big").unwrap();
    p.send_line("").unwrap();
    p.exp_string("What is its website?").unwrap();
    // Esc goes back one question, whose answer Enter keeps. A lone Esc
    // sent while the prompt is still being set up would be read together with the
    // terminal's answer to its cursor query, so let the prompt settle first.
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("(back, typing kept)").unwrap();
    p.exp_string("In one line, what does it do?").unwrap();
    // Enter keeps the answer given before (checked in the file below).
    p.send_line("").unwrap();
    p.exp_string("What is its website?").unwrap();
    stopped(p);

    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("policies/acme.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["organization"]["product_name"], "Xhello world ZY!");
    assert_eq!(saved["organization"]["description"], "a big tool");
}

/// Found walking through `ask` after the quick start: a data category added on the
/// way had no retention rule and no purpose, and `ask` still ended with "Done.
/// Render the policy", while `check` (and so `publish`) refused it. It says what
/// `check` still finds now.
#[test]
fn ask_ends_with_what_check_still_finds() {
    let dir = tempfile::tempdir().unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/complete.json");
    let mut answers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    answers["data"]["categories"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "order_details",
            "name": "Order details",
            "description": "your postal address",
            "source": "provided"
        }));
    let file = dir.path().join("shop.json");
    std::fs::write(&file, serde_json::to_string_pretty(&answers).unwrap()).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policywright"));
    cmd.arg("ask")
        .arg(&file)
        .args(["--section", "changes", "--only-missing"])
        .env("POLICYWRIGHT_DATA_DIR", dir.path())
        .env("TERM", "xterm-256color");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, options).unwrap();
    p.exp_string("but `check` still finds").unwrap();
    p.exp_string("No retention rule says how long this data is kept")
        .unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains("policywright check"), "{rest}");
    assert!(!rest.contains("Done. Render"), "{rest}");
}

/// Issue 18: Esc at a text prompt lost what was typed there. The patched inquire
/// (vendor/inquire) hands it back, and the question, when it comes again, has it on
/// the line: Enter (after more typing) takes it.
#[test]
fn esc_keeps_what_was_typed_for_when_the_question_comes_back() {
    let data = tempfile::tempdir().unwrap();
    let mut p = ask(data.path());
    p.exp_string("What kind of product").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    p.exp_string("What is your product called?").unwrap();
    p.send_line("Acme").unwrap();
    p.exp_string("what does it do?").unwrap();
    p.send("a team").unwrap();
    p.flush().unwrap();
    // Let the typing be drawn, then leave with Esc (read apart from the letters).
    p.exp_string("a team").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send("\x1b").unwrap();
    p.flush().unwrap();
    // What Esc did, not inquire's "<canceled>" (issue 18); the line wraps at 80
    // columns here.
    p.exp_string("(back, typing").unwrap();
    p.exp_string("What is your product called? (Acme)").unwrap();
    p.send_line("").unwrap();
    // The description again, with what was typed on the line.
    p.exp_string("provides ...\") a team").unwrap();
    p.send_line(" tool").unwrap();
    p.exp_string("What is its website?").unwrap();
    stopped(p);

    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.path().join("policies/acme.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["organization"]["description"], "a team tool");
}
