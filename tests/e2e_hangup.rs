//! A terminal that goes away (its window closed, the connection dropped) ends the
//! interactive commands, instead of leaving them spinning on a descriptor that
//! reports end of file forever. Each test runs the real binary on a fresh
//! pseudo-terminal, waits for its first prompt, closes the terminal, and expects
//! the process to end on its own within seconds, as SIGHUP would end it.
#![cfg(unix)]

#[path = "common/pty.rs"]
mod pty;

use std::os::fd::AsRawFd;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

/// Runs policywright with `args` on a new terminal until it shows `prompt`, then
/// closes the terminal and returns how the process ended.
fn close_terminal_at(args: &[&str], prompt: &str) -> ExitStatus {
    let data = tempfile::tempdir().unwrap();
    let (master, slave) = pty::open(30, 100);
    let mut cmd = pty::command(&slave, data.path(), args);
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    drop(slave);

    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    let mut skipped = false;
    while !String::from_utf8_lossy(&seen).contains(prompt) {
        // Esc at the quick start's first question: the whole interview instead.
        if !skipped && String::from_utf8_lossy(&seen).contains("What kind of product") {
            // SAFETY: a valid descriptor and a one-byte buffer.
            unsafe { libc::write(master.as_raw_fd(), b"\x1b".as_ptr().cast(), 1) };
            skipped = true;
        }
        assert!(
            Instant::now() < deadline,
            "never showed {prompt:?}: {}",
            String::from_utf8_lossy(&seen)
        );
        let mut buf = [0u8; 4096];
        // SAFETY: a valid descriptor and buffer.
        let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            seen.extend_from_slice(&buf[..n.unsigned_abs()]);
        }
    }
    drop(master);

    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("policywright {args:?} kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Ended by the hangup signal or by the watcher (129, 128 + SIGHUP), never by a crash.
fn ended_by_hangup(status: ExitStatus) -> bool {
    status.code() == Some(129) || status.signal() == Some(libc::SIGHUP)
}

#[test]
fn closing_the_terminal_ends_the_wizard() {
    let status = close_terminal_at(&["new", "acme"], "product called");
    assert!(ended_by_hangup(status), "{status:?}");
}

#[test]
fn closing_the_terminal_ends_the_line_by_line_interview() {
    let status = close_terminal_at(&["ask", "./acme.json"], "product called");
    assert!(ended_by_hangup(status), "{status:?}");
}
