//! The event loop's timing promises, with a scripted input and a counting `draw`:
//! nothing is drawn while nothing happens, and a confirmed answer's frame comes
//! before its save, which comes before the next event is read.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Saved};
use super::{Input, run_loop};
use crate::answers::Answers;
use crate::cli::Exit;
use crate::render::{Format, Renderer};

/// What the loop did, in order.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// A frame, showing this question, and whether its status says "saving".
    Draw(&'static str, bool),
    /// A wait for input, with this timeout (`None`: until an event comes).
    Read(Option<Duration>),
    Save(String),
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
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
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

fn key(code: KeyCode) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Runs the loop over `events` and returns how it ended and what it did.
fn run(app: App, events: Vec<Option<Event>>) -> (Exit, Vec<Step>) {
    let (exit, steps) = run_failing_at(app, events, "");
    (exit.unwrap(), steps)
}

/// [`run`], with drawing failing (as on a terminal gone) at the question `broken`.
fn run_failing_at(
    mut app: App,
    events: Vec<Option<Event>>,
    broken: &str,
) -> (anyhow::Result<Exit>, Vec<Step>) {
    let log = Log::default();
    let signalled = AtomicUsize::new(0);
    let mut input = Script {
        events: events.into(),
        log: &log,
        signalled: &signalled,
    };
    let mut save = |_: &std::path::Path, _: &crate::store::Base, _: &Answers, key: &str| {
        log.borrow_mut().push(Step::Save(key.to_owned()));
        Ok(crate::store::Synced {
            base: crate::store::Base::default(),
            reloaded: None,
        })
    };
    let mut draw = |app: &App| {
        log.borrow_mut()
            .push(Step::Draw(app.question().key, app.doc().saving));
        if app.question().key == broken {
            return Err(io::Error::other("terminal gone"));
        }
        Ok(())
    };
    let exit = run_loop(&mut app, &mut save, &mut input, &signalled, &mut draw);
    (exit, log.into_inner())
}

fn draws(steps: &[Step]) -> usize {
    steps.iter().filter(|s| matches!(s, Step::Draw(..))).count()
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
    // Every turn of the loop waited for input, with no timeout: no spinning, no
    // wake-up on a timer.
    assert_eq!(idle.len(), IDLE + 1, "{idle:?}");
    assert!(idle.iter().all(|s| *s == Step::Read(None)), "{idle:?}");
}

/// Opened, the wizard draws its first frame before working out the preview, the
/// findings and the completion, then draws them, then waits.
#[test]
fn the_first_frame_is_drawn_before_the_preview_is_worked_out() {
    let mut app = app();
    assert!(app.doc().stale, "the preview is still to do");
    let log = Log::default();
    let signalled = AtomicUsize::new(0);
    let mut input = Script {
        events: VecDeque::new(),
        log: &log,
        signalled: &signalled,
    };
    let mut save = |_: &std::path::Path, _: &crate::store::Base, _: &Answers, _: &str| {
        unreachable!("nothing to save")
    };
    let mut draw = |app: &App| {
        log.borrow_mut().push(Step::Draw(
            if app.doc().stale {
                "stale"
            } else {
                "caught up"
            },
            false,
        ));
        Ok(())
    };
    run_loop(&mut app, &mut save, &mut input, &signalled, &mut draw).unwrap();
    assert_eq!(
        log.into_inner()[..3],
        [
            Step::Draw("stale", false),
            Step::Draw("caught up", false),
            Step::Read(None)
        ]
    );
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

#[test]
fn a_confirmed_answer_is_drawn_then_saved_before_the_next_key() {
    let mut events: Vec<Option<Event>> = "Acme".chars().map(|c| key(KeyCode::Char(c))).collect();
    events.push(key(KeyCode::Enter));
    events.push(key(KeyCode::Char('x')));
    let (_, steps) = run(app(), events);
    let save = steps
        .iter()
        .position(|s| matches!(s, Step::Save(_)))
        .expect("the answer is saved");
    assert_eq!(
        steps[save],
        Step::Save("organization.product_name".to_owned())
    );
    // Just before the save: the Enter that confirmed it, then the frame of the
    // next question, drawn without waiting for the save, which it says is coming.
    assert!(matches!(steps[save - 2], Step::Read(_)), "{steps:?}");
    assert_eq!(
        steps[save - 1],
        Step::Draw("organization.description", true),
        "{steps:?}"
    );
    // The save is done before the next key is even read.
    let next_read = save
        + steps[save..]
            .iter()
            .position(|s| matches!(s, Step::Read(_)))
            .unwrap();
    assert!(next_read > save);
    // The frames after it say what the save said.
    assert!(matches!(steps[save + 1], Step::Draw(_, false)), "{steps:?}");
    assert_eq!(
        steps.iter().filter(|s| matches!(s, Step::Save(_))).count(),
        1
    );
}

#[test]
fn an_answer_is_saved_even_if_its_frame_cannot_be_drawn() {
    let mut events: Vec<Option<Event>> = "Acme".chars().map(|c| key(KeyCode::Char(c))).collect();
    events.push(key(KeyCode::Enter));
    let (exit, steps) = run_failing_at(app(), events, "organization.description");
    assert!(exit.is_err());
    assert_eq!(
        steps.last(),
        Some(&Step::Save("organization.product_name".to_owned())),
        "{steps:?}"
    );
}
