//! The full-screen wizard (`policywright`, `new`, `edit`): the question catalog as a
//! form you can move around in, with a live preview, autosave and a publish step.
//!
//! Elm-style: [`app`] is the state, [`event`] turns keys into messages and applies
//! them (`update`, pure), [`ui`] draws, [`effects`] does the file work `update`
//! asks for, and [`terminal`] owns raw mode. Drawing changes no answer and no draft;
//! it only records, in `Cell`s, what the last frame's size allows (how far a pane
//! can scroll, where a long text wrapped), as ratatui's own list state does, so the
//! next key can move by what is on screen. Questions, help,
//! conditions and validation come from `questions` and `answers::set`: nothing about
//! the interview is repeated here.

pub mod app;
pub mod confirm;
pub mod editors;
pub mod effects;
pub mod event;
pub(crate) mod heap;
pub mod keys;
pub mod preview;
pub mod start;
pub mod strings;
pub mod terminal;
pub mod ui;

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::AtomicUsize;
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use crate::cli::Exit;

use crossterm::event::{Event, KeyEventKind};

use app::App;
use effects::SaveFn;
use event::{Cmd, Msg, update};

/// Applies a message and everything it leads to (saves, opens, publishes). Slow
/// work (a scan) goes to a worker that answers through `background` later.
pub fn dispatch(app: &mut App, msg: Msg, save: &mut SaveFn, background: &Sender<Msg>) {
    Effects::of(msg).run(app, save, background, false);
}

/// The messages still to apply and the commands still to do, in the order
/// [`dispatch`] does them. The loop stops before a save so that the frame the
/// answer leads to is drawn first, then carries on from where it stopped.
#[derive(Default)]
struct Effects {
    msgs: Vec<Msg>,
    cmds: VecDeque<Cmd>,
}

impl Effects {
    fn of(msg: Msg) -> Effects {
        Effects {
            msgs: vec![msg],
            cmds: VecDeque::new(),
        }
    }

    /// Does the commands and applies the messages they answer with, until none is
    /// left (`None`) or, with `stop_at_save`, until the next command is a save: what
    /// is left is returned, the save first.
    fn run(
        mut self,
        app: &mut App,
        save: &mut SaveFn,
        background: &Sender<Msg>,
        stop_at_save: bool,
    ) -> Option<Effects> {
        loop {
            while let Some(cmd) = self.cmds.pop_front() {
                if stop_at_save && matches!(cmd, Cmd::Save { .. }) {
                    self.cmds.push_front(cmd);
                    return Some(self);
                }
                let Some(cmd) = effects::perform_in_background(app, cmd, background) else {
                    continue;
                };
                if let Some(reply) = effects::perform(app, cmd, save) {
                    self.msgs.push(reply);
                }
            }
            let msg = self.msgs.pop()?;
            self.cmds = update(app, msg).into();
        }
    }
}

/// Where the loop's events come from: the terminal, or a script in tests.
pub trait Input {
    /// The next event, waiting at most `timeout` (without one: until an event
    /// comes); `None` if none came by then.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;
}

/// The terminal's keys, pastes and resizes.
struct TerminalInput;

impl Input for TerminalInput {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        let Some(timeout) = timeout else {
            return crossterm::event::read().map(Some);
        };
        if crossterm::event::poll(timeout)? {
            crossterm::event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// How long it waits while a scan runs, so that the worker's answer (which comes
/// through a channel, not the terminal) is shown soon after it is ready.
const WORKER_WAIT: Duration = Duration::from_millis(20);

/// Runs the wizard in the terminal until the operator leaves; returns how it ended.
/// The terminal is restored however it ends.
pub fn run(mut app: App, save: &mut SaveFn) -> anyhow::Result<Exit> {
    let signalled = terminal::signal_flag()?;
    let mut guard = terminal::Guard::enter()?;
    // crossterm watches for the resize signal (which the signals above raise to wake
    // the loop) from its first poll on: polled now, a signal that comes while the
    // first frames are drawn still wakes the loop's first wait. Before, a SIGTERM
    // right after the first frame could be lost and the wizard slept on (seen once
    // in the PTY tests on a loaded machine).
    crossterm::event::poll(Duration::ZERO)?;
    run_loop(
        &mut app,
        save,
        &mut TerminalInput,
        &signalled,
        &mut |app: &App| {
            guard.redraw_if_lent();
            guard.terminal.draw(|frame| ui::draw(app, frame)).map(drop)
        },
    )
}

/// The event loop, with its terminal given as `input` and `draw`. It draws only
/// when something changed (a key, a paste, a resize, a finished save or scan, a
/// refreshed preview), never on a timer; otherwise it waits for input.
///
/// A confirmed answer's frame (the next question) is drawn before the answer is
/// saved, so the operator does not wait for the save's fsync to see it; the save is
/// done right after that frame, before the next event is read, so no input is
/// processed while an answer is unsaved. If the frame cannot be drawn, the answer
/// is saved all the same.
pub fn run_loop(
    app: &mut App,
    save: &mut SaveFn,
    input: &mut dyn Input,
    signalled: &AtomicUsize,
    draw: &mut dyn FnMut(&App) -> io::Result<()>,
) -> anyhow::Result<Exit> {
    let (background, answers) = mpsc::channel();
    let mut changed = true;
    let mut after_frame: Option<Effects> = None;
    loop {
        set_saving(app, after_frame.is_some());
        let drawn = if changed { draw(app) } else { Ok(()) };
        changed = false;
        if let Some(rest) = after_frame.take() {
            rest.run(app, save, &background, false);
            set_saving(app, false);
            heap::give_back_freed();
            changed = true;
        }
        drawn?;
        if let Some(exit) = app.exit {
            return Ok(exit);
        }
        if let Some(exit) = terminal::signalled(signalled) {
            return Ok(exit);
        }
        // A confirmed answer is drawn first; the preview, findings and completion
        // it changes are worked out now and drawn in the next frame.
        if app.refresh_if_stale() {
            heap::give_back_freed();
            changed = true;
            continue;
        }
        if let Ok(msg) = answers.try_recv() {
            after_frame = Effects::of(msg).run(app, save, &background, true);
            changed = true;
            continue;
        }
        // Idle, the loop sleeps until an event: a signal wakes it with a resize
        // (see `terminal::signal_flag`).
        let wait = app.scanning().then_some(WORKER_WAIT);
        let msg = match input.next(wait)? {
            Some(Event::Key(key)) if key.kind != KeyEventKind::Release => Msg::Key(key),
            Some(Event::Paste(text)) => Msg::Paste(text),
            // A resize just redraws, at the new size.
            Some(Event::Resize(..)) => {
                changed = true;
                continue;
            }
            _ => continue,
        };
        after_frame = Effects::of(msg).run(app, save, &background, true);
        changed = true;
    }
}

/// Marks a save as pending (or not), for the status line of the frame drawn
/// before it.
fn set_saving(app: &mut App, saving: bool) {
    if let Some(d) = app.doc.as_mut() {
        d.saving = saving;
    }
}

#[cfg(test)]
mod perf_tests;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
