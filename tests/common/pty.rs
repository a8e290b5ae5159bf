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
