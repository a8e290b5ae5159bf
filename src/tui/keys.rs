//! Key bindings: which key does what, and how the footer names it. `event.rs` asks
//! these functions, so a binding changes here and nowhere else.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key hint for the footer: the key as written, and what it does.
pub type Hint = (&'static str, &'static str);

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Ctrl-C: leave at once (everything confirmed is saved), exit code 130.
pub fn is_interrupt(key: &KeyEvent) -> bool {
    ctrl(key, 'c')
}

/// Ctrl-Q: leave the wizard.
pub fn is_quit(key: &KeyEvent) -> bool {
    ctrl(key, 'q')
}

/// Tab: the next question (confirming a changed answer first).
pub fn is_next(key: &KeyEvent) -> bool {
    key.code == KeyCode::Tab && !key.modifiers.contains(KeyModifiers::SHIFT)
        || key.code == KeyCode::PageDown
}

/// Shift-Tab: the previous question.
pub fn is_previous(key: &KeyEvent) -> bool {
    key.code == KeyCode::BackTab || key.code == KeyCode::PageUp
}

/// Ctrl-G: go to a section (the sidebar takes the keys).
pub fn is_sections(key: &KeyEvent) -> bool {
    ctrl(key, 'g')
}

/// Ctrl-T: show or hide the preview.
pub fn is_preview(key: &KeyEvent) -> bool {
    ctrl(key, 't')
}

/// Ctrl-R: review the policy and publish it.
pub fn is_review(key: &KeyEvent) -> bool {
    ctrl(key, 'r')
}

/// Ctrl-F: add the services found in the product's code to the list of recipients.
pub fn is_add_found(key: &KeyEvent) -> bool {
    ctrl(key, 'f')
}

/// Alt (or Ctrl) with ↑↓ or PgUp/PgDn: scroll the rendered policy, by a few lines
/// or by a page. Plain arrows belong to the question's editor.
pub fn policy_scroll(key: &KeyEvent) -> Option<i32> {
    if !key
        .modifiers
        .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL)
    {
        return None;
    }
    match key.code {
        KeyCode::Up => Some(-SCROLL_LINES),
        KeyCode::Down => Some(SCROLL_LINES),
        KeyCode::PageUp => Some(-SCROLL_PAGE),
        KeyCode::PageDown => Some(SCROLL_PAGE),
        _ => None,
    }
}

/// PgUp/PgDn on the review screen: scroll its checklist.
pub fn page(key: &KeyEvent) -> Option<i32> {
    match key.code {
        KeyCode::PageUp => Some(-SCROLL_PAGE),
        KeyCode::PageDown => Some(SCROLL_PAGE),
        _ => None,
    }
}

const SCROLL_LINES: i32 = 3;
const SCROLL_PAGE: i32 = 15;

pub const ADD_FOUND: Hint = ("^F", "add found");

/// Ctrl-O: write a long text in the operator's own editor ($VISUAL or $EDITOR).
pub fn is_external_editor(key: &KeyEvent) -> bool {
    ctrl(key, 'o')
}

pub const WIZARD: &[Hint] = &[
    ("Tab", "next"),
    ("S-Tab", "back"),
    ("^G", "sections"),
    ("^T", "preview"),
    ("^R", "publish"),
    ("^Q", "quit"),
];
pub const SIDEBAR: &[Hint] = &[("↑↓", "section"), ("Enter", "go"), ("Esc", "back")];
pub const HOME: &[Hint] = &[
    ("↑↓", "policy"),
    ("Enter", "open"),
    ("n", "new"),
    ("q", "quit"),
];
pub const HOME_NAME: &[Hint] = &[("Enter", "create"), ("Esc", "cancel")];
pub const REVIEW: &[Hint] = &[
    ("↑↓", "row"),
    ("Space", "tick"),
    ("Enter", "publish"),
    ("Esc", "back"),
    ("^Q", "quit"),
];
