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
pub mod editors;
pub mod effects;
pub mod event;
pub mod keys;
pub mod preview;
pub mod strings;
pub mod terminal;
pub mod ui;

use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use crate::cli::Exit;

use crossterm::event::{Event, KeyEventKind};

use app::App;
use effects::SaveFn;
use event::{Msg, update};

/// Applies a message and everything it leads to (saves, opens, publishes). Slow
/// work (a scan) goes to a worker that answers through `background` later.
pub fn dispatch(app: &mut App, msg: Msg, save: &mut SaveFn, background: &Sender<Msg>) {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        for cmd in update(app, msg) {
            let Some(cmd) = effects::perform_in_background(app, cmd, background) else {
                continue;
            };
            if let Some(reply) = effects::perform(app, cmd, save) {
                queue.push(reply);
            }
        }
    }
}

/// Runs the wizard in the terminal until the operator leaves; returns how it ended.
/// The terminal is restored however it ends.
pub fn run(mut app: App, save: &mut SaveFn) -> anyhow::Result<Exit> {
    let signalled = terminal::signal_flag()?;
    let (background, answers) = mpsc::channel();
    let mut guard = terminal::Guard::enter()?;
    loop {
        guard.redraw_if_lent();
        guard.terminal.draw(|frame| ui::draw(&app, frame))?;
        if let Some(exit) = app.exit {
            return Ok(exit);
        }
        if let Some(exit) = terminal::signalled(&signalled) {
            return Ok(exit);
        }
        // A confirmed answer is drawn first; the preview, findings and completion
        // it changes are worked out now and drawn in the next frame.
        if app.refresh_if_stale() {
            continue;
        }
        if let Ok(msg) = answers.try_recv() {
            dispatch(&mut app, msg, save, &background);
            continue;
        }
        if !crossterm::event::poll(Duration::from_millis(200))? {
            continue;
        }
        let msg = match crossterm::event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            // A resize just redraws, at the new size.
            _ => continue,
        };
        dispatch(&mut app, msg, save, &background);
    }
}

#[cfg(test)]
mod tests;
