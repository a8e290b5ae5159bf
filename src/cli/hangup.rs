//! Interactive commands (`ask`, the wizard) and a terminal that goes away.

/// Ends the process if its terminal goes away (the window closed, the connection
/// dropped). crossterm's reader then spins on a descriptor that reports end of file
/// forever, so the event loop never runs again to see SIGHUP; a watcher thread
/// looks every quarter of a second instead. Every confirmed answer is already saved
/// (atomically), and there is no terminal left to restore.
pub fn exit_on_hangup(code: u8) {
    #[cfg(unix)]
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_millis(250));
            if terminal_gone() {
                std::process::exit(i32::from(code));
            }
        }
    });
}

/// Whether the terminal (standard input or output) has hung up.
pub fn terminal_gone() -> bool {
    #[cfg(unix)]
    {
        hung_up(libc::STDIN_FILENO) || hung_up(libc::STDOUT_FILENO)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Whether the terminal behind `fd` has hung up (or the descriptor is gone).
#[cfg(unix)]
fn hung_up(fd: i32) -> bool {
    let mut pollfd = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a count of one, and no waiting.
    let ready = unsafe { libc::poll(&raw mut pollfd, 1, 0) };
    ready > 0 && pollfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}
