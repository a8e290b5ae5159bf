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
    if ctrl(key, 'y') {
        return Some(confirm_one(app));
    }
    // Moving on from a question only the operator can answer, still unanswered:
    // it is said, not passed silently (found walking through the wizard).
    let left = unanswered_here(app);
    let here = (app.doc().section, app.doc().question);
    let cmds = if ctrl(key, 'n') {
        next_to_do(app);
        Vec::new()
    } else {
        confirm_section(app)
    };
    if let Some(prompt) = left
        && (app.doc().section, app.doc().question) != here
    {
        let left = format!("Left “{prompt}” unanswered: Ctrl-N comes back to it.");
        let d = app.doc_mut();
        d.notice = Some(match d.notice.take() {
            Some(said) => format!("{said} {left}"),
            None => left,
        });
    }
    Some(cmds)
}

/// The current question's words, when it is one only the operator can answer
/// (see `ask::quick::asks`) and it has no answer yet.
fn unanswered_here(app: &App) -> Option<String> {
    let q = app.question();
    let answers = &app.doc().answers;
    let answer = crate::answers::set::answer_at(answers, q.key);
    if crate::questions::is_answered(answer.as_ref()) {
        return None;
    }
    let wanting = crate::ask::quick::wanting(answers, &app.catalog);
    crate::ask::quick::asks(answers, &wanting, q)
        .then(|| crate::questions::in_words(q.prompt, answers).into_owned())
}

/// The dotted path of the suggestion Ctrl-Y confirms: the entry under the cursor
/// of a list when that entry is itself a suggestion, else the question's answer.
fn target(app: &App) -> String {
    let q = app.question().key;
    let d = app.doc();
    if let Editor::List(list) = &d.editor
        && list.open.is_none()
        && list.cursor < list.len()
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
        list.cursor = (list.cursor + 1).min(list.len().saturating_sub(1));
    } else {
        next_to_do(app);
    }
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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use crate::answers::Answers;
    use crate::answers::vocab::Region;
    use crate::catalog::Catalog;
    use crate::render::{Format, Renderer};
    use crate::suggest::{Start, StartKind, suggest};
    use crate::tui::app::{App, Saved};
    use crate::tui::event::{Cmd, Msg, update};

    /// The wizard on the SaaS sample's suggestions, product name and company given.
    fn app() -> App {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quickstart/saas");
        let report = crate::scan::scan(&dir, &Catalog::builtin()).unwrap();
        let start = Start {
            kinds: vec![StartKind::WebApp],
            established: Some("DE".parse().unwrap()),
            regions: vec![Region::Eea],
            code_dir: None,
        };
        let mut answers = suggest(
            &Answers::default(),
            &start,
            Some(&report),
            &Catalog::builtin(),
        );
        answers.organization.product_name = "Invoicely".to_owned();
        answers.organization.legal_entity = Some("Invoicely GmbH".to_owned());
        let mut app = App::new(Renderer::for_format(None, Format::Markdown).unwrap());
        app.open(
            PathBuf::from("/tmp/policies/invoicely.json"),
            Some("invoicely".to_owned()),
            answers,
            None,
            Saved::Saved,
        );
        app.refresh_if_stale();
        super::first_to_do(&mut app);
        app
    }

    fn ctrl(app: &mut App, c: char) -> Vec<Cmd> {
        let cmds = update(
            app,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        );
        app.refresh_if_stale();
        cmds
    }

    fn press(app: &mut App, code: KeyCode) -> Vec<Cmd> {
        let cmds = update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        app.refresh_if_stale();
        cmds
    }

    fn screen(app: &App) -> String {
        crate::tui::testing::screen(app, 100, 24)
    }

    #[test]
    fn the_wizard_opens_at_what_only_the_operator_knows() {
        let app = app();
        assert_eq!(app.question().key, "organization.contact_email");
    }

    /// Found walking through the wizard: Ctrl-N (and Ctrl-D) on the e-mail
    /// question, unanswered, went on without a word, as if it were done.
    #[test]
    fn moving_past_an_unanswered_question_says_so() {
        let mut app = app();
        ctrl(&mut app, 'n');
        assert_eq!(app.question().key, "data.categories");
        let notice = app.doc().notice.clone().unwrap_or_default();
        assert!(
            notice.contains("Left “Which e-mail address should people write to?” unanswered"),
            "{notice}"
        );
        assert!(screen(&app).contains("unanswered"), "{}", screen(&app));
        // A question with an answer (a suggestion to confirm) is not "unanswered".
        app.doc_mut().notice = None;
        ctrl(&mut app, 'd');
        let notice = app.doc().notice.clone().unwrap_or_default();
        assert_eq!(notice, "Confirmed 4 suggestions.");
    }

    #[test]
    fn ctrl_y_confirms_the_entry_under_the_cursor_only() {
        let mut app = app();
        ctrl(&mut app, 'n');
        assert_eq!(app.question().key, "data.categories");
        let cmds = ctrl(&mut app, 'y');
        assert_eq!(
            cmds,
            [Cmd::Save {
                key: "data.categories".to_owned()
            }]
        );
        let left = app.doc().answers.unconfirmed();
        assert!(
            !left.contains(&"data.categories.account".to_owned()),
            "{left:?}"
        );
        assert!(
            left.contains(&"data.categories.billing".to_owned()),
            "{left:?}"
        );
        // The cursor moved to the next entry, still on the same question; only the
        // confirmed entry lost its mark.
        assert_eq!(app.question().key, "data.categories");
        let shown = screen(&app);
        assert!(shown.contains("1. Account data    "), "{shown}");
        assert!(shown.contains("2. Billing data  [suggested]"), "{shown}");
        ctrl(&mut app, 'y');
        assert!(
            !app.doc()
                .answers
                .unconfirmed()
                .contains(&"data.categories.billing".to_owned())
        );
    }

    #[test]
    fn ctrl_d_confirms_a_section_and_goes_to_the_next_to_do() {
        let mut app = app();
        ctrl(&mut app, 'n');
        let before = app.doc().answers.unconfirmed().len();
        ctrl(&mut app, 'd');
        let after = app.doc().answers.unconfirmed();
        assert_eq!(
            before - after.len(),
            4,
            "the four data categories: {after:?}"
        );
        assert_eq!(app.question().key, "purposes");
        assert_eq!(
            app.doc().notice.as_deref(),
            Some("Confirmed 4 suggestions.")
        );
        // A section with nothing to confirm says so and changes nothing.
        app.doc_mut().section = 0;
        assert!(ctrl(&mut app, 'd').is_empty());
        assert_eq!(app.doc().answers.unconfirmed(), after);
    }

    #[test]
    fn typing_is_not_thrown_away_by_a_confirm_key() {
        let mut app = app();
        press(&mut app, KeyCode::Char('a'));
        assert!(ctrl(&mut app, 'n').is_empty());
        assert_eq!(app.question().key, "organization.contact_email");
        assert!(app.doc().notice.as_deref().unwrap().contains("Press Enter"));
    }

    #[test]
    fn snapshot_a_suggested_list() {
        let mut app = app();
        ctrl(&mut app, 'n');
        insta::assert_snapshot!(screen(&app));
    }
}
