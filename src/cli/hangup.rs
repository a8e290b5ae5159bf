//! Interactive commands (`ask`, the wizard), signals, and a terminal that goes away.

use std::sync::Mutex;

use super::Exit;

/// Held while answers are written. A signal that ends `ask` waits for a save in
/// progress to finish (the answer then confirmed is kept, and the session knows
/// it), and no save starts after it.
pub static SAVING: Mutex<()> = Mutex::new(());

/// For `ask`: inquire holds the terminal raw while it waits for a key and nothing
/// can wake it, so a thread waits for SIGINT, SIGTERM, SIGHUP or SIGQUIT instead.
/// It puts the terminal's modes back as they were now (before any prompt), shows
/// the cursor, says that the confirmed answers are saved, and ends the process with
/// 128 + the signal's number. A panic puts the modes back too, before its message.
/// Call it before the first prompt.
pub fn restore_on_signals() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let saved = terminal_modes();
        let mut signals = signal_hook::iterator::Signals::new(Exit::SIGNALS)?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_modes(saved.as_ref());
            previous(info);
        }));
        std::thread::spawn(move || {
            let Some(signal) = signals.forever().next() else {
                return;
            };
            let _saving = SAVING.lock();
            restore_modes(saved.as_ref());
            super::warn(
                "Stopped. Every confirmed answer is saved; run the same command to continue.",
            );
            let exit = Exit::from_signal(signal).unwrap_or(Exit::Terminated);
            std::process::exit(i32::from(exit.code()));
        });
    }
    Ok(())
}

/// Puts back the terminal's `modes` and shows the cursor, on a new line.
#[cfg(unix)]
fn restore_modes(modes: Option<&libc::termios>) {
    use std::io::Write;
    if let Some(modes) = modes {
        // SAFETY: modes read from this descriptor by tcgetattr.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, modes) };
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(b"\x1b[?25h\r\n");
    let _ = out.flush();
}

/// The terminal's modes (cooked, echo, ...) as they are now.
#[cfg(unix)]
fn terminal_modes() -> Option<libc::termios> {
    let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the struct when it returns 0.
    unsafe {
        (libc::tcgetattr(libc::STDIN_FILENO, modes.as_mut_ptr()) == 0).then(|| modes.assume_init())
    }
}

/// Ends the process if its terminal goes away (the window closed, the connection
/// dropped). crossterm's reader then spins on a descriptor that reports end of file
/// forever, so the event loop never runs again to see SIGHUP; a watcher thread
/// waits for the hang-up instead, in poll(2) with no timeout, so that it costs
/// nothing while the terminal is there. Every confirmed answer is already saved
/// (atomically), and there is no terminal left to restore.
pub fn exit_on_hangup(exit: super::Exit) {
    #[cfg(unix)]
    std::thread::spawn(move || {
        loop {
            wait_for_hangup();
            if terminal_gone() {
                std::process::exit(i32::from(exit.code()));
            }
        }
    });
}

/// Waits until standard input or output reports a hang-up or an error, or a signal
/// interrupts the wait. Asking for no event, poll(2) reports only those.
#[cfg(unix)]
fn wait_for_hangup() {
    let mut fds = [libc::STDIN_FILENO, libc::STDOUT_FILENO].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: two valid pollfds and their count; -1 waits without a timeout.
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
    if ready < 0 {
        // Interrupted by a signal (the caller looks and waits again); anything
        // else would fail again at once, so slow down rather than spin.
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
    }
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
