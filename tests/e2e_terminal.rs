//! The interviews and the terminal they run in, through the real binary on its own
//! pseudo-terminal (no terminal is needed on the test's own stdin).
//!
//! Every signal an interview can be stopped with restores the terminal and keeps
//! the confirmed answers: each test confirms one answer, sends the signal with
//! kill(2), as `kill`, `timeout` or a supervisor would, and then looks at the
//! terminal: its modes (cooked, echo) as the kernel keeps them, and the screen as a
//! terminal would show it (alternate screen left, cursor shown).
//!
//! And answers that hold escape sequences (from a file written by hand) are shown,
//! never obeyed, by `ask`'s prompts and the wizard's screen.
#![cfg(unix)]

#[path = "common/pty.rs"]
mod pty;

use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt;
use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A policywright process on its own pseudo-terminal.
struct Pty {
    child: Child,
    master: Arc<OwnedFd>,
    /// Kept open so the terminal's modes can be read after the process ends.
    slave: OwnedFd,
    /// Everything the process wrote, as a terminal would show it.
    screen: Arc<Mutex<vt100::Parser>>,
    /// Everything the process wrote, byte for byte.
    raw: Arc<Mutex<Vec<u8>>>,
    data: tempfile::TempDir,
}

impl Pty {
    fn spawn(args: &[&str]) -> Pty {
        Pty::spawn_in(tempfile::tempdir().unwrap(), args)
    }

    fn spawn_in(data: tempfile::TempDir, args: &[&str]) -> Pty {
        let (master, slave) = pty::open(30, 100);
        let mut cmd = pty::command(&slave, data.path(), args);
        let child = cmd.spawn().unwrap();
        let master = Arc::new(master);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            30.try_into().unwrap(),
            100.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (reader, shown, bytes) = (Arc::clone(&master), Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                // SAFETY: a valid descriptor and buffer.
                let n =
                    unsafe { libc::read(reader.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    return;
                }
                shown.lock().unwrap().process(&buf[..n.unsigned_abs()]);
                bytes
                    .lock()
                    .unwrap()
                    .extend_from_slice(&buf[..n.unsigned_abs()]);
            }
        });
        Pty {
            child,
            master,
            slave,
            screen,
            raw,
            data,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn expect(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "waiting for {text:?}; the screen shows:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&self, keys: &str) {
        // SAFETY: a valid descriptor and buffer.
        let n = unsafe { libc::write(self.master.as_raw_fd(), keys.as_ptr().cast(), keys.len()) };
        assert_eq!(n.unsigned_abs(), keys.len());
    }

    /// Sends `signal` and waits for the process to end; its exit code.
    fn kill(&mut self, signal: i32) -> i32 {
        let pid = i32::try_from(self.child.id()).unwrap();
        // SAFETY: a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take in the last bytes written.
                std::thread::sleep(Duration::from_millis(200));
                return status.code().unwrap_or_else(|| {
                    panic!("killed by signal {:?}, not ended", status.signal())
                });
            }
            assert!(Instant::now() < deadline, "still running after {signal}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal's modes are cooked again: lines, echo, signals from keys.
    fn assert_restored(&self) {
        let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the struct when it returns 0.
        let modes = unsafe {
            assert_eq!(
                libc::tcgetattr(self.slave.as_raw_fd(), modes.as_mut_ptr()),
                0
            );
            modes.assume_init()
        };
        for (flag, name) in [
            (libc::ICANON, "icanon"),
            (libc::ECHO, "echo"),
            (libc::ISIG, "isig"),
        ] {
            assert!(modes.c_lflag & flag != 0, "left the terminal with -{name}");
        }
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "left in the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "left the cursor hidden");
    }

    fn saved(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.data.path().join("acme.json"))
            .expect("the confirmed answer was saved");
        serde_json::from_str(&text).unwrap()
    }
}

fn wizard_stopped_by(signal: i32) -> i32 {
    let mut p = Pty::spawn(&["new", "./acme.json"]);
    // Esc at the quick start's first question: the whole interview instead.
    p.expect("What kind of product");
    p.send("\x1b");
    p.expect("product called");
    p.send("Acme\r");
    p.expect("● saved");
    let code = p.kill(signal);
    p.assert_restored();
    assert_eq!(p.saved()["organization"]["product_name"], "Acme");
    code
}

fn ask_stopped_by(signal: i32) -> i32 {
    let mut p = Pty::spawn(&["ask", "./acme.json"]);
    // Esc at the quick start's first question: the whole interview instead.
    p.expect("What kind of product");
    p.send("\x1b");
    p.expect("product called");
    p.send("Acme\r");
    p.expect("what does it do");
    let code = p.kill(signal);
    p.assert_restored();
    assert_eq!(p.saved()["organization"]["product_name"], "Acme");
    assert!(p.contents().contains("Every confirmed answer is saved"));
    code
}

#[test]
fn wizard_sigint() {
    assert_eq!(wizard_stopped_by(libc::SIGINT), 130);
}

#[test]
fn wizard_sigterm() {
    assert_eq!(wizard_stopped_by(libc::SIGTERM), 143);
}

#[test]
fn wizard_sighup() {
    assert_eq!(wizard_stopped_by(libc::SIGHUP), 129);
}

#[test]
fn wizard_sigquit() {
    assert_eq!(wizard_stopped_by(libc::SIGQUIT), 131);
}

#[test]
fn ask_sigint() {
    assert_eq!(ask_stopped_by(libc::SIGINT), 130);
}

#[test]
fn ask_sigterm() {
    assert_eq!(ask_stopped_by(libc::SIGTERM), 143);
}

#[test]
fn ask_sighup() {
    assert_eq!(ask_stopped_by(libc::SIGHUP), 129);
}

#[test]
fn ask_sigquit() {
    assert_eq!(ask_stopped_by(libc::SIGQUIT), 131);
}

/// ESC [2J, OSC 52, BEL, CR, C1 CSI and U+202E, at the end of a product name.
const HOSTILE: &str = "Acme\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\r\u{9b}31m\u{202e}";

/// An answers file with the hostile product name, as a hand edit could leave it.
fn hostile_answers() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let answers = serde_json::json!({
        "schema_version": 1,
        "organization": {"product_name": HOSTILE},
    });
    std::fs::write(data.path().join("acme.json"), answers.to_string()).unwrap();
    data
}

/// None of the hostile sequences reached the terminal, and the name is shown.
fn assert_shown_not_obeyed(p: &Pty) {
    let raw = String::from_utf8_lossy(&p.raw.lock().unwrap()).into_owned();
    for bad in ["\u{1b}]52", "\u{1b}[2J", "\u{9b}", "\u{202e}", "\u{7}\r"] {
        assert!(!raw.contains(bad), "{bad:?} reached the terminal");
    }
}

#[test]
fn ask_shows_escape_sequences_in_answers() {
    let mut p = Pty::spawn_in(hostile_answers(), &["ask", "./acme.json"]);
    p.expect("product called");
    p.expect("Acme^[[2J^[]52;c;ZXZpbA==^G^M<U+009B>31m<U+202E>");
    assert_shown_not_obeyed(&p);
    p.kill(libc::SIGTERM);
}

#[test]
fn the_wizard_draws_escape_sequences_in_answers_harmlessly() {
    let mut p = Pty::spawn_in(hostile_answers(), &["edit", "./acme.json"]);
    p.expect("product called");
    p.expect("Acme[2J]52;c;ZXZpbA==31m");
    assert_shown_not_obeyed(&p);
    p.kill(libc::SIGTERM);
}
