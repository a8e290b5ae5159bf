//! The wizard's work per key does not grow with the answers. A keystroke in a note,
//! a move in the list of data categories, reaching that list, and a confirmed note
//! (to the frame that shows it) are each timed, with the redraw, at 250/625
//! recipients/data categories and at eight times that, 2,000/5,000, in the debug
//! build `cargo test` makes. Work independent of the file's size takes about as
//! long at both (measured: x1.1-1.4); work that grows with it would take about eight
//! times as long, so a ratio under 4 holds the line with room for a busy machine.
//! Each time is the best of three batches. The figures are in `benches/wizard.rs`.

#[path = "common/large.rs"]
mod large;
#[path = "common/wizard.rs"]
mod wizard;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use policywright::tui::app::App;
use policywright::tui::ui::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wizard::{key, letter_or_backspace};

const RATIO: f64 = 4.0;
const WHAT: [&str; 4] = [
    "keystroke in a note",
    "move in the data categories",
    "Tab onto the data categories",
    "confirmed note, to its frame",
];

/// The wizard at question `at` of the data section of generated answers.
fn opened(processors: usize, categories: usize, at: &str) -> App {
    wizard::at_data_question(
        large::large(processors, categories),
        PathBuf::from("/tmp/policywright-scale/large.json"),
        at,
    )
}

/// The best of three batches of `n` runs of `each`, each followed by a frame.
fn best(app: &mut App, n: usize, each: &mut dyn FnMut(&mut App, usize)) -> Duration {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    terminal.draw(|f| draw(app, f)).unwrap();
    (0..3)
        .map(|batch| {
            let start = Instant::now();
            for i in 0..n {
                each(app, batch * n + i);
                terminal.draw(|f| draw(app, f)).unwrap();
            }
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn times(processors: usize, categories: usize) -> [Duration; 4] {
    const N: usize = 20;
    let mut notes = opened(processors, categories, "data.notes");
    // The first note, opened for editing.
    key(&mut notes, KeyCode::Enter);
    key(&mut notes, KeyCode::End);
    let typing = best(&mut notes, N, &mut |app, i| {
        key(app, letter_or_backspace(i));
    });
    key(&mut notes, KeyCode::Esc);
    let mut list = opened(processors, categories, "data.categories");
    let moving = best(&mut list, N, &mut |app, i| {
        key(
            app,
            if (i / 10) % 2 == 0 {
                KeyCode::Down
            } else {
                KeyCode::Up
            },
        );
    });
    let reaching = best(&mut list, N, &mut |app, i| {
        key(
            app,
            if i % 2 == 0 {
                KeyCode::BackTab
            } else {
                KeyCode::Tab
            },
        );
    });
    let confirming = best(&mut notes, N / 2, &mut |app, i| {
        key(app, KeyCode::Enter);
        key(app, KeyCode::End);
        key(app, letter_or_backspace(i));
        key(app, KeyCode::Enter);
        assert!(app.doc().stale, "confirmed");
    });
    [typing, moving, reaching, confirming]
}

#[test]
fn the_wizards_work_per_key_does_not_grow_with_the_answers() {
    const ATTEMPTS: usize = 3;
    let mut passed = [false; 4];
    let mut seen: [Vec<String>; 4] = Default::default();
    for _ in 0..ATTEMPTS {
        let (small, large) = (times(250, 625), times(2_000, 5_000));
        for i in 0..4 {
            let ratio = large[i].as_secs_f64() / small[i].as_secs_f64().max(1e-4);
            seen[i].push(format!("{:?} -> {:?} (x{ratio:.1})", small[i], large[i]));
            passed[i] |= ratio < RATIO;
        }
        if passed.iter().all(|&p| p) {
            return;
        }
    }
    for i in 0..4 {
        assert!(
            passed[i],
            "{} at 250/625 -> 2,000/5,000, growing with the file is x8: {}",
            WHAT[i],
            seen[i].join(", ")
        );
    }
}
