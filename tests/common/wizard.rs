//! The wizard on generated answers, for the scale test and the wizard bench: opened
//! at a question of the data section with its preview worked out, and keys pressed
//! as the terminal sends them.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use policywright::answers::Answers;
use policywright::render::Renderer;
use policywright::tui::app::{App, Saved};
use policywright::tui::event::{Msg, jump_to_section, update};

/// A key pressed, as `tui::run_loop` applies it (without the effects it asks for).
pub fn key(app: &mut App, code: KeyCode) {
    std::hint::black_box(update(
        app,
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    ));
}

/// `answers` opened in the wizard (as if read from `path`), at question `at` of the
/// data section, with the preview, findings and completion worked out, as after
/// its first frames.
pub fn at_data_question(answers: Answers, path: PathBuf, at: &str) -> App {
    let mut app = App::new(Renderer::new(None).unwrap());
    app.open(path, Some("large".to_owned()), answers, None, Saved::NotYet);
    let data = app.sections.iter().position(|s| s.id == "data").unwrap();
    jump_to_section(&mut app, data);
    while app.question().key != at {
        key(&mut app, KeyCode::Tab);
    }
    app.refresh_if_stale();
    app
}

/// The key that adds a letter on even turns and takes it away on odd ones, so a
/// text typed into over and over stays the same length.
pub fn letter_or_backspace(turn: usize) -> KeyCode {
    if turn % 2 == 0 {
        KeyCode::Char('x')
    } else {
        KeyCode::Backspace
    }
}
