//! The event loop's timing promises, with a scripted input and a counting `draw`:
//! nothing is drawn while nothing happens.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::Event;

use super::app::{App, Saved};
use super::{IDLE_WAIT, Input, run_loop};
use crate::answers::Answers;
use crate::cli::Exit;
use crate::render::{Format, Renderer};

/// What the loop did, in order.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// A frame, showing this question.
    Draw(&'static str),
    /// A wait for input, with this timeout.
    Read(Duration),
}

type Log = RefCell<Vec<Step>>;

/// Gives its events one per wait, then (when they run out) raises SIGTERM's flag,
/// as the signal handler would, so that the loop ends.
struct Script<'a> {
    events: VecDeque<Option<Event>>,
    log: &'a Log,
    signalled: &'a AtomicUsize,
}

impl Input for Script<'_> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        self.log.borrow_mut().push(Step::Read(timeout));
        match self.events.pop_front() {
            Some(event) => Ok(event),
            None => {
                #[allow(clippy::cast_sign_loss)]
                self.signalled
                    .store(libc::SIGTERM as usize, Ordering::Relaxed);
                Ok(None)
            }
        }
    }
}

fn app() -> App {
    let mut app = App::new(Renderer::for_format(None, Format::Markdown).unwrap());
    app.open(
        PathBuf::from("/tmp/policies/acme.json"),
        Some("acme".to_owned()),
        Answers::default(),
        None,
        Saved::NotYet,
    );
    app
}

/// Runs the loop over `events` and returns how it ended and what it did.
fn run(mut app: App, events: Vec<Option<Event>>) -> (Exit, Vec<Step>) {
    let log = Log::default();
    let signalled = AtomicUsize::new(0);
    let mut input = Script {
        events: events.into(),
        log: &log,
        signalled: &signalled,
    };
    let mut save = |_: &std::path::Path, _: &crate::store::Base, _: &Answers, _: &str| {
        Ok(crate::store::Synced {
            base: crate::store::Base::default(),
            reloaded: None,
        })
    };
    let mut draw = |app: &App| {
        log.borrow_mut().push(Step::Draw(app.question().key));
        Ok(())
    };
    let exit = run_loop(&mut app, &mut save, &mut input, &signalled, &mut draw).unwrap();
    (exit, log.into_inner())
}

fn draws(steps: &[Step]) -> usize {
    steps.iter().filter(|s| matches!(s, Step::Draw(_))).count()
}

#[test]
fn an_idle_wizard_draws_nothing_and_waits_for_input() {
    const IDLE: usize = 100;
    let (exit, steps) = run(app(), vec![None; IDLE]);
    assert_eq!(exit, Exit::Terminated);
    let first_wait = steps
        .iter()
        .position(|s| matches!(s, Step::Read(_)))
        .unwrap();
    let idle = &steps[first_wait..];
    assert_eq!(draws(idle), 0, "no frame without an event: {idle:?}");
    // Every turn of the loop waited for input, for the idle interval: no spinning.
    assert_eq!(idle.len(), IDLE + 1, "{idle:?}");
    assert!(idle.iter().all(|s| *s == Step::Read(IDLE_WAIT)), "{idle:?}");
}

#[test]
fn a_resize_draws_one_frame() {
    let (_, steps) = run(app(), vec![None, Some(Event::Resize(100, 30)), None, None]);
    let first_wait = steps
        .iter()
        .position(|s| matches!(s, Step::Read(_)))
        .unwrap();
    assert_eq!(draws(&steps[first_wait..]), 1, "{steps:?}");
}
