//! Confirming the quick start's suggestions in the wizard, and finding the next
//! question that needs the operator.
//!
//! - Ctrl-Y confirms one suggestion: the list entry under the cursor (the cursor
//!   then goes to the list's next `[suggested]` entry, on the same question), or
//!   the current question's answer (then on to the next question, see
//!   [`after_confirming`]).
//! - Ctrl-D confirms every suggestion of the current section, after reading it,
//!   and goes on as Ctrl-Y does.
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
    let entry = path
        .strip_prefix(key)
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|i| i.parse::<usize>().ok());
    let said = match entry {
        Some(i) => entry_name(app, i).unwrap_or_else(|| format!("entry {}", i + 1)),
        None => {
            let q = app.question();
            crate::questions::in_words(q.prompt, &app.doc().answers).into_owned()
        }
    };
    let d = app.doc_mut();
    d.answers.confirm(&path);
    d.stale = true;
    match entry {
        // An entry: the question stays, so the list's other suggestions are read
        // and confirmed one by one (found by a first-time user: Ctrl-Y on the last
        // `[suggested]` data category went on to the next section, past three
        // questions of this one left unanswered).
        Some(i) => {
            let next = next_suggested_entry(app, key, i);
            let d = app.doc_mut();
            d.notice = Some(match next {
                Some(next) => {
                    if let Editor::List(list) = &mut d.editor {
                        list.cursor = next;
                    }
                    format!("Confirmed “{said}”.")
                }
                None => format!(
                    "Confirmed “{said}”: nothing in this list is left to confirm. \
                     Tab goes to the next question."
                ),
            });
        }
        None => {
            after_confirming(app);
            let confirmed = format!("Confirmed “{said}”.");
            let d = app.doc_mut();
            d.notice = Some(match d.notice.take() {
                Some(more) => format!("{confirmed} {more}"),
                None => confirmed,
            });
        }
    }
    vec![Cmd::Save {
        key: key.to_owned(),
    }]
}

/// How the list shows entry `i` of the current question ("Garden photos").
fn entry_name(app: &App, i: usize) -> Option<String> {
    let crate::questions::Kind::Records(records) = &app.question().kind else {
        return None;
    };
    let Editor::List(list) = &app.doc().editor else {
        return None;
    };
    let answers = &app.doc().answers;
    let item = list.item(i, answers)?;
    Some((records.summary)(&item, answers)).filter(|name| !name.trim().is_empty())
}

/// The next entry of the list at `key` after entry `i` (wrapping round) that is
/// still a `[suggested]` entry of its own.
fn next_suggested_entry(app: &App, key: &str, i: usize) -> Option<usize> {
    let Editor::List(list) = &app.doc().editor else {
        return None;
    };
    let answers = &app.doc().answers;
    let n = list.len();
    (i + 1..n)
        .chain(0..i.min(n))
        .find(|j| answers.has_unconfirmed(&format!("{key}.{j}")))
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
        // Ctrl-D now stops at the section's questions left unanswered (see
        // `after_confirming`), so a second Ctrl-D there is likely: it says what
        // goes on.
        d.notice = Some(
            "Nothing in this section to confirm: Ctrl-N goes to the next question that \
             needs you."
                .to_owned(),
        );
        return Vec::new();
    }
    d.stale = true;
    let key = app.question().key;
    after_confirming(app);
    let said = format!(
        "Confirmed {confirmed} suggestion{}.",
        if confirmed == 1 { "" } else { "s" }
    );
    let d = app.doc_mut();
    d.notice = Some(match d.notice.take() {
        Some(more) => format!("{said} {more}"),
        None => said,
    });
    vec![Cmd::Save {
        key: key.to_owned(),
    }]
}

/// After a question's answer (or a section) is confirmed: on to the next question
/// in interview order that is not done, a suggestion still to confirm or a
/// question without an answer, so none is passed without being seen. Ctrl-N
/// passes the questions no suggestion touches and no law requires (as `ask`
/// does); confirming did too, and a first-time user saw Ctrl-Y on the Stripe
/// recipient land five questions on, past "Is all personal data kept in certain
/// countries?" and others never answered, without a word. Past the last
/// question, it is the next to do, as Ctrl-N finds it.
fn after_confirming(app: &mut App) {
    let answers = &app.doc().answers;
    let here = (app.doc().section, app.doc().question);
    let wanting = crate::ask::quick::wanting(answers, &app.catalog);
    let found = app.steps(answers).into_iter().find(|&step| {
        let q = &app.sections[step.0].questions[step.1];
        step > here
            && (crate::ask::quick::asks(answers, &wanting, q)
                || (!q.is_setting() && !super::app::answered(answers, q.key)))
    });
    match found {
        Some(step) => super::event::go_to(app, step),
        None => next_to_do(app),
    }
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

    /// Ctrl-D confirms the section's suggestions and goes on to the section's
    /// next question without an answer: a first-time user saw it skip "Why you
    /// use it" 2/2, as it went to the next question only the quick start asks.
    #[test]
    fn ctrl_d_confirms_a_section_and_goes_to_its_next_unanswered_question() {
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
        assert_eq!(
            app.question().key,
            "data.notes",
            "the next question, unanswered"
        );
        assert_eq!(
            app.doc().notice.as_deref(),
            Some("Confirmed 4 suggestions.")
        );
        // A section with nothing to confirm says so, and what goes on, and
        // changes nothing.
        assert!(ctrl(&mut app, 'd').is_empty());
        assert_eq!(app.question().key, "data.notes");
        assert_eq!(
            app.doc().notice.as_deref(),
            Some(
                "Nothing in this section to confirm: Ctrl-N goes to the next question that needs you."
            )
        );
        app.doc_mut().section = 0;
        assert!(ctrl(&mut app, 'd').is_empty());
        assert_eq!(app.doc().answers.unconfirmed(), after);
    }

    /// Found by a first-time user: Ctrl-Y on the last `[suggested]` data category
    /// went on to the next section, past the unanswered questions of this one.
    /// Confirming an entry stays on the question: the cursor goes to the next
    /// `[suggested]` entry (wrapping round), and after the last the status says
    /// that nothing in the list is left and what goes on.
    #[test]
    fn ctrl_y_on_the_last_suggested_entry_stays_on_the_question() {
        let mut app = app();
        ctrl(&mut app, 'n');
        assert_eq!(app.question().key, "data.categories");
        // From the second entry: the next is the third, then the fourth, then the
        // first (wrapping round).
        press(&mut app, KeyCode::Down);
        let cursor = |app: &App| match &app.doc().editor {
            crate::tui::editors::Editor::List(l) => l.cursor,
            other => panic!("a list: {other:?}"),
        };
        let mut visited = Vec::new();
        for _ in 0..4 {
            visited.push(cursor(&app));
            ctrl(&mut app, 'y');
            assert_eq!(app.question().key, "data.categories");
        }
        assert_eq!(visited, [1, 2, 3, 0]);
        assert!(!app.doc().answers.has_unconfirmed("data.categories"));
        let notice = app.doc().notice.clone().unwrap_or_default();
        assert_eq!(
            notice,
            "Confirmed “Account data”: nothing in this list is left to confirm. \
             Tab goes to the next question."
        );
        assert!(
            screen(&app).contains("Confirmed “Account data”"),
            "{}",
            screen(&app)
        );
        // And Tab does.
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.question().key, "data.notes");
    }

    /// Found by a first-time user: confirming went to the next question the quick
    /// start asks, past the questions no suggestion touches and never answered
    /// (Ctrl-Y on the Stripe recipient landed on "Where data lives" 5/5, past
    /// "Is all personal data kept in certain countries?" and others). Confirming
    /// again and again from the first question that needs the operator, no
    /// question left without an answer, or with a suggestion, is ever passed.
    #[test]
    fn confirming_never_passes_a_question_without_an_answer() {
        let mut app = app();
        ctrl(&mut app, 'n'); // past the e-mail, which only the operator knows
        let mut moves = 0;
        for round in 0..200 {
            let here = (app.doc().section, app.doc().question);
            let key = if round % 3 == 2 { 'd' } else { 'y' };
            ctrl(&mut app, key);
            let there = (app.doc().section, app.doc().question);
            if there <= here {
                // Stayed on a list, or wrapped round past the last question.
                if app.doc().answers.unconfirmed().is_empty() {
                    break;
                }
                if there == here && !app.doc().answers.has_unconfirmed(app.question().key) {
                    press(&mut app, KeyCode::Tab);
                }
                continue;
            }
            moves += 1;
            let answers = &app.doc().answers;
            for step in app.steps(answers) {
                if step <= here || step >= there {
                    continue;
                }
                let q = &app.sections[step.0].questions[step.1];
                assert!(
                    q.is_setting()
                        || (crate::tui::app::answered(answers, q.key)
                            && !answers.has_unconfirmed(q.key)),
                    "Ctrl-{} went from {} to {}, past {}",
                    key.to_ascii_uppercase(),
                    app.sections[here.0].questions[here.1].key,
                    app.question().key,
                    q.key
                );
            }
            // The status says what was confirmed.
            let notice = app.doc().notice.clone().unwrap_or_default();
            assert!(notice.starts_with("Confirmed "), "{notice}");
        }
        assert!(moves > 5, "the walk went on: {moves} moves");
    }

    /// Confirming a question's answer (not a list entry) says which and goes to the
    /// very next question when it has no answer.
    #[test]
    fn ctrl_y_on_an_answer_says_so_and_goes_to_the_next_question_in_order() {
        let mut app = app();
        let answers = app.doc().answers.clone();
        let steps = app.steps(&answers);
        // A question whose answer itself is suggested, followed by an unanswered one.
        let (at, next) = steps
            .windows(2)
            .find_map(|w| {
                let q = &app.sections[w[0].0].questions[w[0].1];
                let n = &app.sections[w[1].0].questions[w[1].1];
                (answers.workspace.unconfirmed.iter().any(|p| p == q.key)
                    && !matches!(q.kind, crate::questions::Kind::Records(_))
                    && !n.is_setting()
                    && !crate::tui::app::answered(&answers, n.key))
                .then_some((w[0], n.key))
            })
            .expect("a suggested answer before an unanswered question");
        crate::tui::event::go_to(&mut app, at);
        let prompt = app.question().prompt;
        ctrl(&mut app, 'y');
        assert_eq!(app.question().key, next);
        let notice = app.doc().notice.clone().unwrap_or_default();
        assert!(
            notice.starts_with(&format!("Confirmed “{}", &prompt[..prompt.len().min(20)])),
            "{notice}"
        );
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
