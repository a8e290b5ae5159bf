//! The full-screen wizard's speed, as the brief measures it, at 200x60 with the
//! preview on, on the SpecStep example (the larger one):
//! - a keystroke in a text answer, with the redraw (bar: under 2 ms);
//! - a confirmed answer as typed: Enter on a changed answer to the frame that shows
//!   the next question (also a keystroke: under 2 ms), and to the following frame
//!   with the preview, findings and completion caught up;
//! - the first frame: building the app, opening the answers, drawing once (bar: 50 ms).
//!
//! Run with `cargo bench --bench wizard`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use policywright::answers::Answers;
use policywright::render::Renderer;
use policywright::tui::app::{App, Saved};
use policywright::tui::event::{Msg, update};
use policywright::tui::ui::draw;
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

fn key(app: &mut App, code: KeyCode) {
    black_box(update(
        app,
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    ));
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
    // I/O, done after the frame, and not counted. Shift-Tab back, untimed.
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

criterion_group!(benches, wizard);
criterion_main!(benches);
