//! The full-screen wizard's speed, as the brief measures it, at 200x60 with the
//! preview on, on the SpecStep example (the larger one):
//! - a keystroke in a text answer, with the redraw (bar: under 2 ms);
//! - a confirmed answer as typed: Enter on a changed answer to the frame that shows
//!   the next question (also a keystroke: under 2 ms), and to the following frame
//!   with the preview, findings and completion caught up;
//! - the first frame: building the app, opening the answers, drawing once (bar: 50 ms);
//! - on a large file (2,000 recipients and 5,000 data categories, preview on): the
//!   first frame (bar 50 ms), a keystroke in a note with its redraw (2 ms), a move
//!   in the list of data categories with its redraw (2 ms);
//! - a confirmed answer on a realistic question of that file (a line of the data
//!   section's notes, edited and confirmed), through the wizard's own loop
//!   (`tui::run_loop`) with the real save and its fsync: Enter to the frame that
//!   shows it (bar: 2 ms), to the answer saved, and to the preview, findings and
//!   completion caught up and drawn.
//!
//! Run with `cargo bench --bench wizard`.

#[path = "../tests/common/large.rs"]
mod large;
#[path = "../tests/common/wizard.rs"]
mod large_wizard;

use large_wizard::key;

use std::cell::Cell;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use policywright::answers::Answers;
use policywright::render::Renderer;
use policywright::tui::app::{App, Saved};
use policywright::tui::ui::draw;
use policywright::tui::{Input, run_loop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn specstep() -> Answers {
    let path = format!("{}/examples/specstep.json", env!("CARGO_MANIFEST_DIR"));
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn opened() -> App {
    // As `policywright edit` builds it: every format, since the review can publish any.
    let mut app = App::new(Renderer::new(None).unwrap());
    app.open(
        PathBuf::from("/tmp/policies/specstep.json"),
        Some("specstep".to_owned()),
        specstep(),
        None,
        Saved::Saved,
    );
    app
}

fn wizard(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();

    let mut app = opened();
    c.bench_function("wizard/keystroke+redraw 200x60", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('x'));
            key(&mut app, KeyCode::Backspace);
            terminal.draw(|f| draw(&app, f)).unwrap();
        })
    });

    // A confirmed answer as the operator makes it: change the product's name and
    // press Enter, then, as `tui::run` does, draw the frame that shows it (the
    // answer checked and set, the next question open) and bring the preview, the
    // findings and the completion up to date for the next frame. Timed: Enter to
    // the first frame, and Enter to the preview caught up. Saving is the runtime's
    // I/O, done after the frame, and not counted here (`large_file` counts it).
    // Shift-Tab back, untimed.
    let mut app = opened();
    let mut group = c.benchmark_group("wizard/confirmed answer 200x60");
    for (name, catch_up) in [("next question drawn", false), ("preview caught up", true)] {
        group.bench_function(name, |b| {
            let mut n = 0u32;
            b.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    key(&mut app, KeyCode::Char(if n % 2 == 0 { 'x' } else { 'y' }));
                    let start = Instant::now();
                    key(&mut app, KeyCode::Enter);
                    terminal.draw(|f| draw(&app, f)).unwrap();
                    if catch_up {
                        app.refresh_if_stale();
                        terminal.draw(|f| draw(&app, f)).unwrap();
                        timed += start.elapsed();
                    } else {
                        timed += start.elapsed();
                        app.refresh_if_stale();
                        terminal.draw(|f| draw(&app, f)).unwrap();
                    }
                    key(&mut app, KeyCode::BackTab);
                    key(&mut app, KeyCode::End);
                    key(&mut app, KeyCode::Backspace);
                }
                timed
            })
        });
    }
    group.finish();

    c.bench_function("wizard/first frame 200x60", |b| {
        b.iter(|| {
            let app = opened();
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            terminal.draw(|f| draw(&app, f)).unwrap();
        })
    });
}

/// What `run_loop` did after an Enter: when it started, when the next frame was
/// drawn, when the save returned, and when the loop next waited for input.
#[derive(Clone, Copy, Default)]
struct Marks {
    enter: Option<Instant>,
    frame: Option<Instant>,
    saved: Option<Instant>,
}

/// Edits the first line of `data.notes` and confirms it with Enter, each round
/// adding a letter at its end or taking it away; adds up, for each confirming Enter
/// (the keys marked `true`), the time to the mark `to` picks; then raises the
/// SIGTERM flag so the loop ends.
struct Rounds<'a> {
    keys: std::collections::VecDeque<(KeyCode, bool)>,
    marks: &'a Cell<Marks>,
    to: fn(&Marks, Instant) -> Option<Instant>,
    timed: Duration,
    signalled: &'a AtomicUsize,
}

impl Input for Rounds<'_> {
    fn next(&mut self, _: Option<Duration>) -> io::Result<Option<Event>> {
        let now = Instant::now();
        let mut marks = self.marks.take();
        if let Some(enter) = marks.enter {
            let end = (self.to)(&marks, now).expect("Enter drew a frame and saved");
            self.timed += end - enter;
        }
        let Some((code, timed)) = self.keys.pop_front() else {
            self.signalled.store(15, Ordering::Relaxed);
            return Ok(None);
        };
        if timed {
            marks.enter = Some(Instant::now());
        }
        self.marks.set(marks);
        Ok(Some(Event::Key(KeyEvent::new(code, KeyModifiers::NONE))))
    }
}

/// What the operator feels on the large file (2,000 recipients, 5,000 data
/// categories, preview on, 200x60): the first frame (the app built, the answers
/// opened, drawn once; bar 50 ms), a keystroke in a text answer with its redraw
/// (bar 2 ms), and a move in the list of 5,000 data categories with its redraw
/// (bar 2 ms).
fn large_file_keys(c: &mut Criterion) {
    let answers = large::large(2_000, 5_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    let mut group = c.benchmark_group("wizard/large file 200x60");
    group.sample_size(10);
    group.bench_function("first frame", |b| {
        b.iter_batched(
            || answers.clone(),
            |answers| {
                let mut app = App::new(Renderer::new(None).unwrap());
                app.open(
                    path.clone(),
                    Some("large".to_owned()),
                    answers,
                    None,
                    Saved::NotYet,
                );
                let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
                terminal.draw(|f| draw(&app, f)).unwrap();
                app
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    // Typing in the first note, opened for editing.
    let mut app = large_wizard::at_data_question(answers.clone(), path.clone(), "data.notes");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    group.bench_function("keystroke+redraw in a note", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('x'));
            key(&mut app, KeyCode::Backspace);
            terminal.draw(|f| draw(&app, f)).unwrap();
        })
    });
    let mut app = large_wizard::at_data_question(answers, path, "data.categories");
    let mut moves = 0u32;
    group.bench_function("list move+redraw in data.categories", |b| {
        b.iter(|| {
            // Down 100 entries and back up, so the list scrolls too.
            moves += 1;
            let way = if (moves / 100) % 2 == 0 {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            key(&mut app, way);
            terminal.draw(|f| draw(&app, f)).unwrap();
        })
    });
    group.finish();
}

fn large_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = large_wizard::at_data_question(
        large::large(2_000, 5_000),
        dir.path().join("large.json"),
        "data.notes",
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut group = c.benchmark_group("wizard/confirmed note, large file's data section 200x60");
    group.sample_size(10);
    type To = fn(&Marks, Instant) -> Option<Instant>;
    let ends: [(&str, To); 3] = [
        ("edited line drawn", |m, _| m.frame),
        ("saved (fsync)", |m, _| m.saved),
        ("preview caught up", |_, waiting| Some(waiting)),
    ];
    for (name, to) in ends {
        group.bench_function(name, |b| {
            let mut n = 0usize;
            b.iter_custom(|iters| {
                let marks = Cell::new(Marks::default());
                let signalled = AtomicUsize::new(0);
                let mut keys = std::collections::VecDeque::new();
                for _ in 0..iters {
                    n += 1;
                    // Open the note, go to its end, add or take away a letter, confirm.
                    keys.extend([
                        (KeyCode::Enter, false),
                        (KeyCode::End, false),
                        (large_wizard::letter_or_backspace(n), false),
                        (KeyCode::Enter, true),
                    ]);
                }
                let mut input = Rounds {
                    keys,
                    marks: &marks,
                    to,
                    timed: Duration::ZERO,
                    signalled: &signalled,
                };
                let mut save = |path: &std::path::Path,
                                base: &policywright::store::Base,
                                answers: &Answers,
                                _: &str| {
                    let synced = policywright::store::save_interview(path, base, answers);
                    let mut m = marks.get();
                    m.saved.get_or_insert_with(Instant::now);
                    marks.set(m);
                    synced
                };
                let mut frame = |app: &App| {
                    terminal.draw(|f| draw(app, f)).unwrap();
                    let mut m = marks.get();
                    if m.enter.is_some() {
                        m.frame.get_or_insert_with(Instant::now);
                    }
                    marks.set(m);
                    Ok(())
                };
                run_loop(&mut app, &mut save, &mut input, &signalled, &mut frame).unwrap();
                input.timed
            })
        });
    }
    group.finish();
}

criterion_group!(benches, wizard, large_file_keys, large_file);
criterion_main!(benches);
