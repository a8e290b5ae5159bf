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
    p.exp_string("Which legal person runs it?").unwrap();
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
