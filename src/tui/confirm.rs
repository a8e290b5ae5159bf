//! Confirming the quick start's suggestions in the wizard, and finding the next
//! question that needs the operator.
//!
//! - Ctrl-Y confirms one suggestion: the list entry under the cursor, or the
//!   current question's answer; then goes on.
//! - Ctrl-D confirms every suggestion of the current section, after reading it.
//! - Ctrl-N goes to the next question that needs the operator: one with a
//!   suggestion to confirm, or one only they can answer (see `ask::quick`).
//!
//! Changing a suggested answer (Enter on it) confirms it too, as `set` does. Like
//! `event`, this only changes state and returns the saving to do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::App;
use super::editors::Editor;
use super::event::Cmd;
use super::keys::Hint;

/// The footer's hints while suggestions are left to confirm.
pub const HINTS: [Hint; 3] = [
    ("^Y", "confirm"),
    ("^D", "confirm section"),
    ("^N", "next to do"),
];

/// What the question's title says while its answer is an unconfirmed suggestion.
pub const MARK: &str = " [suggested: ^Y confirms]";

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

/// Handles Ctrl-Y, Ctrl-D and Ctrl-N in the wizard; `None` for any other key.
pub fn key(app: &mut App, key: &KeyEvent) -> Option<Vec<Cmd>> {
    if !(ctrl(key, 'n') || ctrl(key, 'y') || ctrl(key, 'd')) {
        return None;
    }
    if app.doc().dirty {
        app.doc_mut().notice =
            Some("Press Enter to save what you typed first, or Esc to undo it.".to_owned());
        return Some(Vec::new());
    }
    if ctrl(key, 'n') {
        next_to_do(app);
        return Some(Vec::new());
    }
    if ctrl(key, 'y') {
        return Some(confirm_one(app));
    }
    if ctrl(key, 'd') {
        return Some(confirm_section(app));
    }
    None
}

/// The dotted path of the suggestion Ctrl-Y confirms: the entry under the cursor
/// of a list when that entry is itself a suggestion, else the question's answer.
fn target(app: &App) -> String {
    let q = app.question().key;
    let d = app.doc();
    if let Editor::List(list) = &d.editor
        && list.open.is_none()
        && list.cursor < list.items.len()
    {
        let entry = format!("{q}.{}", list.cursor);
        if d.answers.has_unconfirmed(&entry)
            && !d.answers.workspace.unconfirmed.iter().any(|p| p == q)
        {
            return entry;
        }
    }
    q.to_owned()
}

fn confirm_one(app: &mut App) -> Vec<Cmd> {
    let path = target(app);
    if !app.doc().answers.has_unconfirmed(&path) {
        app.doc_mut().notice = Some("Nothing here to confirm.".to_owned());
        return Vec::new();
    }
    let key = app.question().key;
    let d = app.doc_mut();
    d.answers.confirm(&path);
    d.stale = true;
    let left_here = d.answers.has_unconfirmed(key);
    if let Editor::List(list) = &mut d.editor
        && left_here
    {
        list.cursor = (list.cursor + 1).min(list.items.len().saturating_sub(1));
    } else {
        next_to_do(app);
    }
    app.refresh_preview();
    vec![Cmd::Save {
        key: key.to_owned(),
    }]
}

fn confirm_section(app: &mut App) -> Vec<Cmd> {
    let section = app.doc().section;
    let keys: Vec<&'static str> = app.sections[section]
        .questions
        .iter()
        .map(|q| q.key)
        .collect();
    let d = app.doc_mut();
    let before = d.answers.unconfirmed().len();
    for key in &keys {
        d.answers.confirm(key);
    }
    let confirmed = before - d.answers.unconfirmed().len();
    if confirmed == 0 {
        d.notice = Some("Nothing in this section to confirm.".to_owned());
        return Vec::new();
    }
    d.stale = true;
    let key = app.question().key;
    next_to_do(app);
    app.doc_mut().notice = Some(format!(
        "Confirmed {confirmed} suggestion{}.",
        if confirmed == 1 { "" } else { "s" }
    ));
    app.refresh_preview();
    vec![Cmd::Save {
        key: key.to_owned(),
    }]
}

/// Goes to the next question (after the current one, wrapping round) that needs
/// the operator; says so when none does.
pub fn next_to_do(app: &mut App) {
    to_do(app, false);
}

/// Goes to the first question that needs the operator: where a policy begun with
/// the quick start opens.
pub fn first_to_do(app: &mut App) {
    to_do(app, true);
}

fn to_do(app: &mut App, from_start: bool) {
    let answers = app.doc().answers.clone();
    let wanting = crate::ask::quick::wanting(&answers, &app.catalog);
    let here = if from_start {
        (0, 0)
    } else {
        (app.doc().section, app.doc().question)
    };
    let steps = app.steps(&answers);
    let needs = |&(s, q): &(usize, usize)| {
        crate::ask::quick::asks(&answers, &wanting, &app.sections[s].questions[q])
    };
    let found = steps
        .iter()
        .filter(|&&s| s > here || (from_start && s == here))
        .chain(steps.iter().filter(|&&s| s <= here))
        .find(|s| needs(s))
        .copied();
    match found {
        Some(step) => super::event::go_to(app, step),
        None => {
            app.doc_mut().notice = Some(
                "Nothing left to confirm or answer: review and publish with Ctrl-R.".to_owned(),
            )
        }
    }
}
