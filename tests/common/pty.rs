//! A fresh pseudo-terminal for the tests that run the real binary on a terminal of
//! its own (so the test's own standard input needs none).

use std::os::fd::{FromRawFd, OwnedFd};

/// Opens a pseudo-terminal of `rows` × `cols`: (master, slave). Neither side is
/// inherited by a child except as the standard streams it is given: a child holding
/// the master would keep the terminal from ever hanging up.
pub fn open(rows: u16, cols: u16) -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let mut size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors and reads the size it is given.
    let opened = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &raw mut size,
        )
    };
    assert_eq!(opened, 0, "openpty");
    // SAFETY: fcntl on descriptors just opened.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    // SAFETY: both descriptors were just opened and are owned here alone.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// The real binary with `args`, on the terminal whose slave side is `slave` (its
/// standard streams, and its controlling terminal in a session of its own, so
/// closing the master hangs it up), keeping its saved policies in `data`.
pub fn command(slave: &OwnedFd, data: &std::path::Path, args: &[&str]) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_policywright"));
    cmd.args(args)
        .current_dir(data)
        .env("POLICYWRIGHT_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave.try_clone().unwrap()));
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd
}
