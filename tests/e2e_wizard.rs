//! The real binary in a pseudo-terminal, as a person would use it: `new acme`,
//! a few answers, quit; `edit acme` shows them and changes one; then the review
//! screen publishes Markdown and records a version.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use std::time::{Duration, Instant};

use rexpect::session::{Options, PtySession, spawn_with_options};

/// The program in a pseudo-terminal, and the screen it has drawn so far (the
/// wizard redraws only what changed, so the raw output is not the screen).
struct Wizard {
    p: PtySession,
    screen: vt100::Parser,
}

impl Wizard {
    fn read(&mut self) {
        while let Some(c) = self.p.try_read() {
            // The reader hands out bytes as chars.
            self.screen.process(&[c as u32 as u8]);
        }
    }

    fn contents(&mut self) -> String {
        self.read();
        self.screen.screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.contents().contains(text) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "waiting for {text:?}; the screen shows:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.p.send(keys).unwrap();
        self.p.flush().unwrap();
    }
}

const TAB_BACK: &str = "\x1b[Z";
const CTRL_Q: char = 'q';
const CTRL_U: &str = "\x15";

fn wizard(data: &Path, cwd: &Path, args: &[&str]) -> Wizard {
    wizard_with(data, cwd, args, &[])
}

fn wizard_with(data: &Path, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Wizard {
    // A new pseudo-terminal is 0x0; give it the size of a small real one.
    let mut cmd = Command::new("sh");
    cmd.envs(env.iter().copied());
    cmd.args(["-c", "stty rows 30 cols 100 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_policywright"))
        .args(args)
        .current_dir(cwd)
        .env("POLICYWRIGHT_DATA_DIR", data)
        .env("TERM", "xterm-256color");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(false);
    let mut w = Wizard {
        p: spawn_with_options(cmd, options).expect("spawn policywright in a pty"),
        screen: vt100::Parser::new(30.try_into().unwrap(), 100.try_into().unwrap(), 0),
    };
    if args.first() == Some(&"new") {
        // Esc at the quick start's first question opens the whole interview
        // (the quick start itself: tests/e2e_quickstart.rs).
        w.expect("What kind of product");
        w.send("\x1b");
    }
    w
}

fn quit(mut w: Wizard) {
    w.p.send_control(CTRL_Q).unwrap();
    let status = format!("{:?}", w.p.process().wait().unwrap());
    assert!(status.ends_with(", 0)"), "{status}");
}

fn saved(data: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("policies/acme.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Sends keys and waits for the screen to show `then`, so keys are never read
/// together as one escape sequence.
fn step(w: &mut Wizard, keys: &str, then: &str) {
    w.send(keys);
    w.expect(then);
}

#[test]
fn new_then_edit_then_publish() {
    let data = tempfile::tempdir().unwrap();
    let site = tempfile::tempdir().unwrap();

    let mut p = wizard(data.path(), site.path(), &["new", "acme"]);
    p.expect("What is your product called?");
    p.expect("nothing saved yet");
    step(&mut p, "Acme\r", "what does it do?");
    step(&mut p, "a team tool\r", "What is its website?");
    step(&mut p, "acme.io\r", "is not a web address");
    step(
        &mut p,
        &format!("{CTRL_U}https://acme.io\r"),
        "Who runs it: your company",
    );
    quit(p);

    let answers = saved(data.path());
    assert_eq!(answers["organization"]["product_name"], "Acme");
    assert_eq!(answers["organization"]["description"], "a team tool");
    assert_eq!(answers["organization"]["website"], "https://acme.io");

    // Reopened where it was left, with every answer there; change one.
    let mut p = wizard(data.path(), site.path(), &["edit", "acme"]);
    p.expect("Who runs it: your company");
    step(&mut p, TAB_BACK, "What is its website?");
    assert!(p.contents().contains("https://acme.io"));
    step(&mut p, TAB_BACK, "what does it do?");
    assert!(p.contents().contains("a team tool"));
    step(&mut p, TAB_BACK, "What is your product called?");
    step(&mut p, &format!("{CTRL_U}Acme Cloud\r"), "what does it do?");
    p.expect("saved");
    quit(p);
    let answers = saved(data.path());
    assert_eq!(answers["organization"]["product_name"], "Acme Cloud");
    assert_eq!(answers["organization"]["website"], "https://acme.io");

    // What publishing needs and was not asked above, set without prompts.
    let status = Command::new(env!("CARGO_BIN_EXE_policywright"))
        .args([
            "set",
            "acme",
            "organization.contact_email=privacy@acme.io",
            "policy.last_updated=2026-01-15",
        ])
        .env("POLICYWRIGHT_DATA_DIR", data.path())
        .status()
        .unwrap();
    assert!(status.success());

    let mut p = wizard(data.path(), site.path(), &["edit", "acme"]);
    p.expect("saved");
    p.send("\x12");
    p.expect("Every required answer is there");
    // HTML too: down to its row, tick it.
    p.send("\x1b[B ");
    p.expect("[x] HTML");
    // (The message wraps: "Wrote …, acme-privacy.html. Recorded / version 1.")
    step(&mut p, "\r", "Recorded");
    quit(p);
    assert!(
        std::fs::read_to_string(site.path().join("acme-privacy.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // The outputs are remembered for the next publish.
    let outputs = &saved(data.path())["workspace"]["outputs"];
    assert_eq!(outputs[0]["format"], "markdown");
    assert_eq!(outputs[1]["format"], "html");

    let policy = std::fs::read_to_string(site.path().join("acme-privacy.md")).unwrap();
    assert!(policy.contains("# Privacy Policy"), "{policy}");
    assert!(policy.contains("Acme Cloud"));
    assert!(
        policy.contains("2026-01-15"),
        "the first publish keeps the answers' date"
    );
    assert!(data.path().join("versions/acme/0001.json").exists());
}

/// A text of several lines, as a terminal sends the keys: Alt-Enter is Esc and
/// Enter, Ctrl-J a line feed; Ctrl-O lends the terminal to the operator's editor.
#[test]
fn long_texts_take_line_breaks_and_the_operators_editor() {
    let data = tempfile::tempdir().unwrap();
    let editor = data.path().join("editor.sh");
    std::fs::write(&editor, "printf 'From the editor.\\n' >> \"$1\"\n").unwrap();
    let visual = format!("sh {}", editor.display());
    let mut p = wizard_with(
        data.path(),
        data.path(),
        &["new", "acme"],
        &[("VISUAL", &visual)],
    );
    p.expect("What is your product called?");
    step(&mut p, "Acme\r", "what does it do?");
    while !p.contents().contains("What is your postal address?") {
        p.send("\t");
        std::thread::sleep(Duration::from_millis(50));
    }
    step(&mut p, "1 Main St", "1 Main St");
    step(&mut p, "\x1b\r", "1 Main St");
    step(&mut p, "Springfield\nUSA", "USA");
    p.send("\r");
    p.expect("saved");
    assert_eq!(
        saved(data.path())["organization"]["postal_address"],
        "1 Main St\nSpringfield\nUSA"
    );

    // A custom section's text, written in the editor.
    p.send("\x07"); // Ctrl-G: the sections, then up to the last one
    step(&mut p, "\x1b[A", "Your own sections");
    step(&mut p, "\r", "No sections yet");
    step(&mut p, "a", "New section");
    step(&mut p, "\r", "Heading");
    step(&mut p, "Open source\r", "Open source");
    step(&mut p, "\r", "new line");
    step(&mut p, "Our code is public.", "public.");
    step(&mut p, "\x0f", "From the editor.");
    step(&mut p, "\r", "Save this entry");
    step(&mut p, "\x1b[B", "Save this entry");
    step(&mut p, "\r", "1 section");
    quit(p);
    assert_eq!(
        saved(data.path())["custom_sections"][0]["body"],
        "Our code is public.\nFrom the editor."
    );
}

/// Ctrl-C and SIGTERM both leave the terminal as it was: alternate screen left,
/// cursor shown (raw mode is the pseudo-terminal's own and goes with it).
#[test]
fn the_terminal_is_restored_after_ctrl_c_and_sigterm() {
    let data = tempfile::tempdir().unwrap();
    for (how, code) in [("ctrl-c", 130), ("sigterm", 143)] {
        let mut w = wizard(data.path(), data.path(), &["new", "acme"]);
        w.expect("What is your product called?");
        assert!(w.screen.screen().alternate_screen());
        match how {
            "ctrl-c" => w.send("\x03"),
            _ => {
                w.p.process_mut()
                    .signal(rexpect::process::Signal::SIGTERM)
                    .unwrap();
            }
        }
        let status = format!("{:?}", w.p.process().wait().unwrap());
        assert!(status.ends_with(&format!(", {code})")), "{how}: {status}");
        // The last bytes may still be on their way from the reader thread.
        let deadline = Instant::now() + Duration::from_secs(5);
        while w.screen.screen().alternate_screen() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
            w.read();
        }
        assert!(
            !w.screen.screen().alternate_screen(),
            "{how}: still on the alternate screen"
        );
        assert!(!w.screen.screen().hide_cursor(), "{how}: cursor hidden");
    }
}

/// The key paths of issue 18 on a real terminal: typing and editing keys, Ctrl-C
/// and resuming, typing straight into an entry's field, Esc on a changed entry
/// (which asks), and removing an entry then bringing it back with u.
#[test]
fn typing_editing_ctrl_c_esc_and_undo_keep_what_was_typed() {
    const HOME: &str = "\x1b[H";
    const END: &str = "\x1b[F";
    let data = tempfile::tempdir().unwrap();

    let mut p = wizard(data.path(), data.path(), &["new", "acme"]);
    p.expect("What is your product called?");
    step(&mut p, "cme", "cme");
    step(&mut p, HOME, "cme");
    step(&mut p, "A", "Acme");
    step(&mut p, END, "Acme");
    step(&mut p, " Cloudz", "Acme Cloudz");
    step(&mut p, "\x7f", "Acme Cloud ");
    step(&mut p, "\r", "what does it do?");
    p.expect("saved");
    // Ctrl-C leaves at once (exit 130); what was confirmed is kept.
    p.send("\x03");
    let status = format!("{:?}", p.p.process().wait().unwrap());
    assert!(status.ends_with(", 130)"), "{status}");
    assert_eq!(
        saved(data.path())["organization"]["product_name"],
        "Acme Cloud"
    );

    // Resumed at the next question.
    let mut p = wizard(data.path(), data.path(), &["edit", "acme"]);
    p.expect("what does it do?");
    // To "What do you deliberately not collect?" in "Data you collect".
    p.send("\x07");
    step(&mut p, "\x1b[B\x1b[B", "Data you collect");
    p.send("\r");
    while !p
        .contents()
        .contains("What do you deliberately not collect?")
    {
        p.send("\t");
        std::thread::sleep(Duration::from_millis(50));
    }
    // a, then typing goes straight into the focused field.
    step(&mut p, "a", "What is not collected?");
    step(&mut p, "Payment cards", "Payment cards");
    step(&mut p, "\r", "Why, or what happens instead?");
    // Esc on an entry with changes asks; y keeps them.
    step(&mut p, "\x1b", "Keep the changes to this entry?");
    step(&mut p, "y", "1 thing");
    step(&mut p, "a", "What is not collected?");
    step(&mut p, "Browsing history\r", "Browsing history");
    step(&mut p, "\x1b", "Keep the changes to this entry?");
    step(&mut p, "y", "2 things");
    let list = |data: &Path| {
        saved(data)["data"]["not_collected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["what"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    eventually(|| list(data.path()) == ["Payment cards", "Browsing history"]);
    // x removes the entry under the cursor, u brings it back.
    step(&mut p, "\x1b[A", "Payment cards");
    step(&mut p, "x", "u brings it back");
    eventually(|| list(data.path()) == ["Browsing history"]);
    step(&mut p, "u", "2 things");
    eventually(|| list(data.path()) == ["Payment cards", "Browsing history"]);
    quit(p);
}

/// Waits for the wizard's save (written after the frame that shows the change).
fn eventually(done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "not saved in time");
        std::thread::sleep(Duration::from_millis(20));
    }
}
