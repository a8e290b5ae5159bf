//! The terminal's whole life, in one place: raw mode and the alternate screen on
//! the way in; on the way out, whatever the way out is (return, error, panic,
//! Ctrl-C, SIGINT, SIGTERM, SIGHUP, SIGQUIT), raw mode off, alternate screen left,
//! cursor shown.
//! In between, the terminal can be lent to the operator's editor (Ctrl-O) and taken back.
//! Nothing else in the wizard touches terminal modes.

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::cli::Exit;

pub type Backend = CrosstermBackend<Stdout>;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal before the panic message is printed, so the message is
/// readable and the shell usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The last of SIGINT, SIGTERM, SIGHUP or SIGQUIT to arrive (0: none), set by the
/// signal handler; the event loop sees it, leaves, and the guard restores the
/// terminal. None of them ends the process on the spot, so none can leave the
/// terminal raw. (The Ctrl-C and Ctrl-\ keys arrive as keys in raw mode; these are
/// the signals that `kill`, `timeout` or a supervisor send.)
///
/// The idle loop waits in crossterm's poll without a timeout, and that poll sleeps
/// through signals, except the resize signal it watches for: so each of these
/// signals raises SIGWINCH too, which wakes the loop with a resize.
pub fn signal_flag() -> io::Result<Arc<AtomicUsize>> {
    let flag = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for signal in Exit::SIGNALS {
        #[allow(clippy::cast_sign_loss)] // signal numbers are small and positive
        signal_hook::flag::register_usize(signal, Arc::clone(&flag), signal as usize)?;
        // SAFETY: raise(3) is async-signal-safe, and the action does nothing else.
        unsafe {
            signal_hook::low_level::register(signal, || {
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
            })?;
        }
    }
    Ok(flag)
}

/// How the wizard ends for the signal in `flag`, if one arrived.
pub fn signalled(flag: &AtomicUsize) -> Option<Exit> {
    match flag.load(Ordering::Relaxed) {
        0 => None,
        signal => Exit::from_signal(i32::try_from(signal).ok()?),
    }
}

/// Raw mode, the alternate screen, bracketed paste, no cursor.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Raised when another program had the terminal: the next frame is drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Lends the terminal to another program (the operator's editor) while `f` runs,
/// then takes it back, cleared; [`Guard::redraw_if_lent`] then draws it whole.
pub fn lend<T>(f: impl FnOnce() -> T) -> io::Result<T> {
    restore();
    let out = f();
    REDRAW.store(true, Ordering::Relaxed);
    take_over()?;
    execute!(io::stdout(), Clear(ClearType::All))?;
    Ok(out)
}

/// The terminal in wizard mode; dropping it restores the terminal.
pub struct Guard {
    pub terminal: Terminal<Backend>,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        if let Err(e) = take_over() {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// After [`lend`], the next frame is drawn cell by cell: nothing on the screen
    /// is what was drawn last. (Not `Terminal::clear`, which asks the terminal
    /// where its cursor is, and not every terminal answers in time.)
    pub fn redraw_if_lent(&mut self) {
        if REDRAW.swap(false, Ordering::Relaxed) {
            self.terminal.swap_buffers();
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
