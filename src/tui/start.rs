//! The quick start on the home screen's way to a new policy: after `n` and a name,
//! the same four questions `policywright new NAME` asks (`ask::start::Step`: their
//! wording, choices and checks are defined there once), one at a time, as a list
//! to tick or a line to type. Then the code is scanned (by the runtime, off the UI
//! thread), `suggest` builds the draft, and the wizard opens at the first question
//! that needs the operator, as after `new`.
//!
//! Esc goes back one question; Esc at the first skips the start and opens the
//! blank wizard. Like `event`, this only changes state and returns the work to do.

use crossterm::event::{KeyCode, KeyEvent};
use serde_json::Value;

use super::app::{App, Screen};
use super::editors::Outcome;
use super::editors::choices::Choices;
use super::editors::text::TextInput;
use super::event::Cmd;
use super::keys::{self, Hint};
use crate::ask::start::Step;
use crate::suggest::Start;

/// The start screen's state.
#[derive(Debug, Clone)]
pub struct StartScreen {
    /// The new policy's name, as typed on the home screen.
    pub name: String,
    /// Which of [`Step::ALL`] is asked.
    pub step: usize,
    /// The answers so far.
    pub start: Start,
    /// The list being ticked (kinds, regions).
    pub choices: Choices,
    /// The line being typed (country, code folder).
    pub input: TextInput,
    /// Why the last answer was refused.
    pub error: Option<String>,
    /// What was typed at a question left with Esc that is not an answer yet (a
    /// half-typed country), by step: shown again when the question comes back.
    drafts: [Option<String>; Step::ALL.len()],
    /// Every question is answered: the code is being looked through and the
    /// suggestions made. Keys other than Ctrl-C wait.
    pub working: bool,
}

impl StartScreen {
    pub fn new(name: String) -> StartScreen {
        let mut s = StartScreen {
            name,
            step: 0,
            start: Start::default(),
            choices: Choices::new(Vec::new(), None, ""),
            input: TextInput::default(),
            error: None,
            working: false,
            drafts: Default::default(),
        };
        s.load();
        s
    }

    /// The question asked.
    pub fn question(&self) -> Step {
        Step::ALL[self.step]
    }

    /// Sets up the editor of the current question from the answers so far, so that
    /// going back shows what was answered.
    fn load(&mut self) {
        let step = self.question();
        let ticked: Vec<Value> = step
            .ticked(&self.start)
            .into_iter()
            .map(Value::from)
            .collect();
        self.choices = Choices::new(
            step.choices().unwrap_or_default(),
            Some(&Value::Array(ticked)),
            "",
        );
        let typed = self.drafts[self.step].take();
        self.input = TextInput::new(
            typed
                .or_else(|| step.typed(&self.start))
                .unwrap_or_default(),
        );
        self.error = None;
    }

    /// Whether the current question is answered by ticking.
    pub fn ticking(&self) -> bool {
        self.question().choices().is_some()
    }

    pub fn hints(&self) -> Vec<Hint> {
        if self.working {
            return vec![("^C", "stop")];
        }
        let back = if self.step == 0 {
            ("Esc", "skip the start")
        } else {
            ("Esc", "back")
        };
        let mut hints = if self.ticking() {
            vec![("↑↓", "move"), ("Space", "tick"), ("Enter", "next")]
        } else {
            vec![("Enter", "next")]
        };
        hints.extend([back, ("^Q", "quit")]);
        hints
    }
}

/// Opens the start for a new policy called `name`.
pub fn open(app: &mut App, name: String) {
    app.start = Some(StartScreen::new(name));
    app.screen = Screen::Start;
}

/// A key on the start screen.
pub fn key(app: &mut App, key: &KeyEvent) -> Vec<Cmd> {
    if keys::is_quit(key) {
        app.exit = Some(crate::cli::Exit::Ok);
        return Vec::new();
    }
    let Some(s) = app.start.as_mut() else {
        return Vec::new();
    };
    if s.working {
        return Vec::new();
    }
    if key.code == KeyCode::Esc {
        if s.step == 0 {
            // Skipped: the whole interview, without suggestions.
            let name = s.name.clone();
            app.start = None;
            return vec![Cmd::Create { name }];
        }
        // Going back keeps this question's answer as it stands: the ticks, or what
        // was typed (found walking through the start: the regions' ticks were lost).
        let step = s.question();
        if s.ticking() {
            if let Value::Array(keys) = s.choices.value() {
                let keys: Vec<&str> = keys.iter().filter_map(Value::as_str).collect();
                step.record(&mut s.start, &keys, "");
            }
        } else if step.check(&s.input.text).is_ok() {
            step.record(&mut s.start, &[], &s.input.text);
        } else {
            s.drafts[s.step] = Some(s.input.text.clone());
        }
        s.step -= 1;
        s.load();
        return Vec::new();
    }
    let step = s.question();
    let answered = if s.ticking() {
        match s.choices.handle(key) {
            Outcome::Submit(Value::Array(keys)) => {
                let keys: Vec<&str> = keys.iter().filter_map(Value::as_str).collect();
                if keys.is_empty() {
                    s.error = Some(step.none_ticked().to_owned());
                    return Vec::new();
                }
                step.record(&mut s.start, &keys, "");
                true
            }
            _ => false,
        }
    } else if key.code == KeyCode::Enter {
        if let Err(e) = step.check(&s.input.text) {
            s.error = Some(e);
            return Vec::new();
        }
        step.record(&mut s.start, &[], &s.input.text);
        true
    } else {
        s.input.handle(key);
        clear_error_if_valid(s);
        false
    };
    if !answered {
        return Vec::new();
    }
    if s.step + 1 < Step::ALL.len() {
        s.step += 1;
        s.load();
        return Vec::new();
    }
    s.working = true;
    s.error = None;
    vec![Cmd::Begin {
        name: s.name.clone(),
        start: s.start.clone(),
    }]
}

/// Pasted text goes into the line being typed.
pub fn paste(app: &mut App, text: &str) {
    if let Some(s) = app.start.as_mut()
        && !s.ticking()
        && !s.working
    {
        s.input.insert_str(text);
        clear_error_if_valid(s);
    }
}

/// Takes away the error about what was typed once the text is corrected: it named
/// the old value (found walking through the start: "`Germny` is not a country"
/// still showed under "Germany"). Checked only while an error shows, so typing a
/// valid answer costs nothing more.
fn clear_error_if_valid(s: &mut StartScreen) {
    if s.error.is_some() && s.question().check(&s.input.text).is_ok() {
        s.error = None;
    }
}

/// The suggestions are made: the wizard opens on them, at the first question that
/// needs the operator, and they are saved at once (as `new` saves them).
pub fn begun(app: &mut App, begun: super::event::Begun) -> Vec<Cmd> {
    let answers = crate::suggest::suggest(
        &crate::answers::Answers::default(),
        &begun.start,
        begun.found.as_ref(),
        &app.catalog,
    );
    app.start = None;
    app.open(
        begun.path,
        Some(begun.name),
        answers,
        None,
        super::app::Saved::NotYet,
    );
    opened_on_suggestions(app, begun.scan_error.as_deref());
    vec![Cmd::Save {
        key: "audience.regions".to_owned(),
    }]
}

/// The wizard has just opened on the quick start's suggestions: it goes to the first
/// question that needs the operator and says what was suggested (and why the code
/// could not be read, if it could not). Shared by the home screen's start and
/// `policywright new`, whose start runs on the line prompter before the full screen
/// opens: what it printed there was hidden behind the wizard until it quit.
pub fn opened_on_suggestions(app: &mut App, scan_error: Option<&str>) {
    let n = app.doc().answers.unconfirmed().len();
    super::confirm::first_to_do(app);
    let mut notice = if n == 0 {
        super::strings::START_NOTHING.to_owned()
    } else {
        format!(
            "Quick start: {n} suggestion{} to confirm. {}",
            if n == 1 { "" } else { "s" },
            super::strings::START_SUGGESTED
        )
    };
    if let Some(why) = scan_error {
        notice = format!("Cannot look through your code: {why}. {notice}");
    }
    let d = app.doc_mut();
    // `first_to_do` may have said there is nothing left; the start's word comes first.
    d.notice = Some(match d.notice.take() {
        Some(more) => format!("{notice} {more}"),
        None => notice,
    });
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::super::app::{App, Screen};
    use super::super::event::{Begun, Cmd, Msg, update};
    use crate::answers::vocab::Region;
    use crate::catalog::Catalog;
    use crate::render::{Format, Renderer};
    use crate::suggest::{Start, StartKind};

    fn app() -> App {
        let mut app = App::new(Renderer::for_format(None, Format::Markdown).unwrap());
        app.catalog = Catalog::builtin();
        update(&mut app, key(KeyCode::Char('n')));
        for c in "invoicely".chars() {
            update(&mut app, key(KeyCode::Char(c)));
        }
        assert!(update(&mut app, key(KeyCode::Enter)).is_empty());
        app
    }

    fn key(code: KeyCode) -> Msg {
        Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn press(app: &mut App, code: KeyCode) -> Vec<Cmd> {
        update(app, key(code))
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, KeyCode::Char(c));
        }
    }

    fn step(app: &App) -> usize {
        app.start.as_ref().unwrap().step
    }

    use crate::tui::testing::screen;

    /// Found walking through the start: Esc back from the regions (to correct the
    /// country) lost the regions ticked; and a half-typed answer left with Esc was
    /// gone when its question came back.
    #[test]
    fn esc_back_keeps_what_was_ticked_and_typed() {
        let mut app = app();
        press(&mut app, KeyCode::Char(' ')); // Web app or SaaS
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "de");
        press(&mut app, KeyCode::Enter);
        // Regions: tick the first and the third, then go back to the country.
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
        let ticked = app.start.as_ref().unwrap().choices.value();
        press(&mut app, KeyCode::Esc);
        assert_eq!(step(&app), 1);
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 2);
        assert_eq!(app.start.as_ref().unwrap().choices.value(), ticked);
        assert_eq!(ticked.as_array().map(Vec::len), Some(2));
        press(&mut app, KeyCode::Enter);
        // The code folder, half typed (no such folder yet): Esc, then back to it.
        type_text(&mut app, "../acm");
        press(&mut app, KeyCode::Esc);
        assert_eq!(step(&app), 2);
        assert_eq!(app.start.as_ref().unwrap().choices.value(), ticked);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.start.as_ref().unwrap().input.text, "../acm");
    }

    /// Found by a first-time user: after "Germny" was refused and corrected to
    /// "Germany", the line "`Germny` is not a country" still showed. It goes once
    /// the text is valid, and stays while it is not.
    #[test]
    fn a_corrected_country_takes_its_error_away() {
        let mut app = app();
        press(&mut app, KeyCode::Char(' ')); // Web app or SaaS
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, "Germny");
        press(&mut app, KeyCode::Enter);
        let app_error = |app: &App| app.start.as_ref().unwrap().error.clone();
        let error = app_error(&app);
        assert!(
            error.as_deref().is_some_and(|e| e.contains("Germny")),
            "{error:?}"
        );
        for _ in 0.."ny".len() {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, "a");
        assert!(app_error(&app).is_some(), "\"Germa\" is not a country yet");
        type_text(&mut app, "ny");
        assert_eq!(app_error(&app), None);
        assert!(
            !screen(&app, 100, 24).contains("Germny"),
            "{}",
            screen(&app, 100, 24)
        );
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 2);
    }

    #[test]
    fn the_home_screens_new_policy_asks_the_start_and_then_begins() {
        let mut app = app();
        assert_eq!(app.screen, Screen::Start);
        // Kinds: nothing ticked is refused.
        assert!(press(&mut app, KeyCode::Enter).is_empty());
        assert_eq!(step(&app), 0);
        assert_eq!(
            app.start.as_ref().unwrap().error.as_deref(),
            Some("Tick at least one kind.")
        );
        press(&mut app, KeyCode::Char(' ')); // Web app or SaaS
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 1);
        // Country: checked as `new` checks it.
        type_text(&mut app, "XX");
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 1);
        assert!(app.start.as_ref().unwrap().error.is_some());
        press(&mut app, KeyCode::Backspace);
        press(&mut app, KeyCode::Backspace);
        type_text(&mut app, "de");
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 2);
        // Esc goes back one question, showing its answer; Enter keeps it.
        press(&mut app, KeyCode::Esc);
        assert_eq!(step(&app), 1);
        assert_eq!(app.start.as_ref().unwrap().input.text, "DE");
        press(&mut app, KeyCode::Enter);
        // Regions: the first is the EEA.
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 3);
        // The code folder: a missing one is refused; Enter on nothing skips.
        type_text(&mut app, "/no/such/folder");
        press(&mut app, KeyCode::Enter);
        assert_eq!(step(&app), 3);
        app.start.as_mut().unwrap().input = Default::default();
        let cmds = press(&mut app, KeyCode::Enter);
        let expected = Start {
            kinds: vec![StartKind::WebApp],
            established: Some("DE".parse().unwrap()),
            regions: vec![Region::ALL[0]],
            code_dir: None,
        };
        assert_eq!(
            cmds,
            [Cmd::Begin {
                name: "invoicely".to_owned(),
                start: expected
            }]
        );
        // Waiting for the suggestions, keys do nothing and the loop polls the worker.
        assert!(app.scanning());
        assert!(press(&mut app, KeyCode::Esc).is_empty());
        assert_eq!(app.screen, Screen::Start);
    }

    #[test]
    fn the_wizard_opens_on_the_suggestions_and_saves_them() {
        let mut app = app();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quickstart/saas");
        let found = crate::scan::scan(&dir, &app.catalog).unwrap();
        let cmds = update(
            &mut app,
            Msg::Begun(Box::new(Begun {
                path: PathBuf::from("/tmp/policies/invoicely.json"),
                name: "invoicely".to_owned(),
                start: Start {
                    kinds: vec![StartKind::WebApp],
                    established: Some("DE".parse().unwrap()),
                    regions: vec![Region::Eea],
                    code_dir: Some(dir.display().to_string()),
                },
                found: Some(found),
                scan_error: None,
            })),
        );
        assert_eq!(
            cmds,
            [Cmd::Save {
                key: "audience.regions".to_owned()
            }]
        );
        assert_eq!(app.screen, Screen::Wizard);
        assert!(app.start.is_none());
        let d = app.doc();
        assert!(
            d.answers
                .unconfirmed()
                .contains(&"processors.stripe".to_owned())
        );
        assert!(d.notice.as_deref().unwrap().starts_with("Quick start: "));
        // Where `new` opens: the first question only the operator can answer.
        assert_eq!(app.question().key, "organization.product_name");
    }

    #[test]
    fn esc_at_the_first_question_skips_the_start() {
        let mut app = app();
        assert_eq!(
            press(&mut app, KeyCode::Esc),
            [Cmd::Create {
                name: "invoicely".to_owned()
            }]
        );
        assert!(app.start.is_none());
        // A name taken meanwhile is reported on the home screen.
        let mut app = self::app();
        app.start.as_mut().unwrap().working = true;
        update(
            &mut app,
            Msg::Failed("invoicely.json already exists".into()),
        );
        assert_eq!(app.screen, Screen::Home);
        assert!(app.start.is_none());
    }

    #[test]
    fn snapshot_start_screen() {
        let mut app = app();
        press(&mut app, KeyCode::Char(' '));
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
        insta::assert_snapshot!("start_kinds", screen(&app, 80, 24));
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!("start_country", screen(&app, 80, 24));
        // At the smallest size the list still shows its cursor.
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Down);
        insta::assert_snapshot!("start_kinds_small", screen(&app, 40, 12));
    }
}
