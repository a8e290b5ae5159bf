//! The wizard's state: the screen shown, the answers, where the operator is, the
//! draft being edited, the last validation message, whether everything is saved,
//! and the cached preview. No terminal, no files: `event::update` changes it and
//! `ui` draws it.

use std::cell::Cell;
use std::path::PathBuf;

use serde_json::Value;

use super::editors::Editor;
use super::editors::records::Items;
use super::editors::text::TextInput;
use super::preview::Preview;
use super::ui::wrap::Cache;
use crate::answers::Answers;
use crate::answers::Problem;
use crate::answers::set::answer_at;
use crate::catalog::Catalog;
use crate::check::Finding;
use crate::cli::Exit;
use crate::policy::Policy;
use crate::questions::{self, Question, Scope, Section, is_answered};
use crate::render::{Format, Renderer};
use crate::scan::Found;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The quick start of a new policy (`tui::start`).
    Start,
    Wizard,
    Review,
}

/// A saved policy, as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    /// The product's name, or why the file cannot be read.
    pub product: String,
    pub last_updated: String,
    pub path: PathBuf,
}

#[derive(Debug, Default)]
pub struct Home {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    /// Typing the name of a new policy.
    pub naming: Option<TextInput>,
    pub message: Option<String>,
}

/// Whether the file on disk holds every confirmed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing confirmed yet in this session (a new policy has no file yet).
    NotYet,
    Saved,
    Failed(String),
}

/// Which part of the wizard takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Question,
    Sidebar,
}

/// See [`Doc::letter_answer`].
#[derive(Debug, Clone)]
pub struct LetterAnswer {
    pub step: (usize, usize),
    pub before: Option<Value>,
    pub run: String,
    pub at: std::time::Instant,
}

/// How far a long pane (the rendered policy, the review's checklist) is scrolled.
///
/// `update` moves `offset`; drawing records in `max` how far the pane's last drawn
/// size lets it go (the one thing drawing writes, as ratatui's own list state does),
/// so scrolling stops at the end instead of running on past it.
#[derive(Debug)]
pub struct Scroll {
    pub offset: u16,
    pub max: Cell<u16>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: 0,
            // Until the pane is drawn, nothing is known to stop at.
            max: Cell::new(u16::MAX),
        }
    }
}

impl Scroll {
    /// Moves by `lines` (negative: up), within what was last drawn.
    pub fn by(&mut self, lines: i32) {
        let max = i32::from(self.max.get());
        self.offset = u16::try_from((i32::from(self.offset) + lines).clamp(0, max)).unwrap_or(0);
    }

    /// The offset to draw `total` lines at in a pane `height` lines high; remembers
    /// how far that size can scroll.
    pub fn visible(&self, total: usize, height: u16) -> u16 {
        let max = u16::try_from(total.saturating_sub(usize::from(height))).unwrap_or(u16::MAX);
        self.max.set(max);
        self.offset.min(max)
    }
}

/// One output of the publish step.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub on: bool,
    pub path: TextInput,
}

#[derive(Debug)]
pub struct Review {
    pub problems: Vec<String>,
    /// What changed since the last published version, one line each.
    pub changes: Vec<String>,
    pub outputs: Vec<Output>,
    /// The row under the cursor: an output, then "Publish".
    pub cursor: usize,
    pub message: Option<String>,
    /// The checklist (outputs, what is missing, changes, findings) when it is long.
    pub scroll: Scroll,
    /// The rows of the findings in the checklist, and of the policy beside it.
    pub wrapped: (Cache, Cache),
    /// The store forms that apply (title, text), shown after the policy.
    pub forms: Vec<(&'static str, String)>,
    /// The path under the cursor is being typed: Space types a space in it rather
    /// than ticking its format, so a path such as `My Site/privacy.md` can be
    /// written. Moving to another row ends it.
    pub typing: bool,
}

/// What a scan of the product's code (`workspace.code_dir`) found, offered at the
/// question about who receives data.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanOffer {
    /// The folder as the operator sees it (see `store::remembered::shown`).
    pub dir: String,
    /// `None` while the scan runs; then the processors found, or why the folder
    /// could not be scanned.
    pub found: Option<Result<Vec<Found>, String>>,
}

/// The policy being edited.
pub struct Doc {
    pub path: PathBuf,
    /// The saved policy's name, when it is one (versions are kept per name).
    pub name: Option<String>,
    pub answers: Answers,
    pub section: usize,
    pub question: usize,
    pub editor: Editor,
    /// The editor holds typing that is not saved yet.
    pub dirty: bool,
    pub errors: Vec<String>,
    /// The `check` findings for the answers as they stand, shown beside the
    /// questions they concern.
    pub findings: Vec<Finding>,
    /// Counts the times the findings and the preview were worked out: the review
    /// keeps the rows of its long panes counted for one of them (`wrap::Cache`),
    /// and this names which.
    pub worked_out: u64,
    pub notice: Option<String>,
    pub saved: Saved,
    /// What the answers file held when last read or written, so a save notices
    /// another program's change instead of overwriting it.
    pub base: crate::store::Base,
    pub focus: Focus,
    pub sidebar: usize,
    pub preview_on: bool,
    pub preview: Preview,
    /// The answers changed since the preview, the findings and the completion were
    /// worked out. The runtime brings them up to date right after drawing the frame
    /// that shows the change (see `tui::run`), so Enter moves on at once and the
    /// preview follows in the next frame.
    pub stale: bool,
    /// Each section's (answered, applicable) questions, for the sidebar.
    pub completion: Vec<(usize, usize)>,
    /// The rendered policy, in the preview and on the review screen.
    pub policy_scroll: Scroll,
    /// How far the question pane is scrolled beyond what keeps the field being
    /// answered in view (Alt-↑↓ while the preview is not drawn); reset by any other
    /// key, so the pane follows the typing again.
    pub question_nudge: i32,
    /// A yes/no question a letter just answered (the wizard then went on): its
    /// place, its answer before, what was typed since and when. A word going on at
    /// typing speed ("never", "yearly") takes the answer back: see
    /// `event::letter_answer`.
    pub letter_answer: Option<LetterAnswer>,
    /// The rest of a sentence typed on yes/no questions after the answer, not taken
    /// as answers while it comes at typing speed: when the last of it came, and
    /// what it was, said in the notice.
    pub swallowed: Option<(std::time::Instant, String)>,
    /// Whether the last frame drew the preview (Alt-↑↓ scrolls it) or not (they
    /// scroll the question pane).
    pub preview_drawn: Cell<bool>,
    pub review: Option<Review>,
    pub scan: Option<ScanOffer>,
    /// Ctrl-Q was pressed once while an answer was not saved: the operator has been
    /// told, and the next Ctrl-Q leaves without it.
    pub quit_warned: bool,
    /// A confirmed answer's save is pending: its frame is drawn first (see
    /// `tui::run_loop`), and says "saving", not what the last save said.
    pub saving: bool,
}

/// The whole application.
pub struct App {
    pub screen: Screen,
    pub home: Home,
    /// The quick start of a new policy, while it is asked.
    pub start: Option<super::start::StartScreen>,
    pub doc: Option<Doc>,
    /// The interview's questions.
    pub sections: &'static [Section],
    /// Built once; every preview render reuses it.
    pub renderer: Renderer,
    /// The processor catalog that recipients may refer to.
    pub catalog: Catalog,
    /// Set when the wizard should end, with how it ended.
    pub exit: Option<Exit>,
}

impl Doc {
    /// The preview has not been worked out yet (the policy was just opened, or the
    /// review reached with the preview off): it is, right after this frame.
    pub fn preview_pending(&self) -> bool {
        self.stale && self.preview.markdown.is_none() && self.preview.problems.is_empty()
    }
}

impl App {
    pub fn new(renderer: Renderer) -> App {
        App {
            screen: Screen::Home,
            home: Home::default(),
            start: None,
            doc: None,
            sections: questions::sections(),
            renderer,
            catalog: Catalog::builtin(),
            exit: None,
        }
    }

    /// Opens answers in the wizard, at the question after `last` (where the operator
    /// stopped) if it is known and still applies, else at the first question.
    pub fn open(
        &mut self,
        path: PathBuf,
        name: Option<String>,
        answers: Answers,
        last: Option<&str>,
        saved: Saved,
    ) {
        let mut doc = Doc {
            path,
            name,
            answers,
            section: 0,
            question: 0,
            editor: Editor::Text(super::editors::text::TextEditor::new(
                &questions::Kind::Text,
                None,
            )),
            dirty: false,
            errors: Vec::new(),
            notice: None,
            saved,
            base: crate::store::Base::default(),
            focus: Focus::Question,
            sidebar: 0,
            preview_on: true,
            preview: Preview::default(),
            policy_scroll: Scroll::default(),
            question_nudge: 0,
            letter_answer: None,
            swallowed: None,
            preview_drawn: Cell::new(true),
            stale: false,
            completion: Vec::new(),
            findings: Vec::new(),
            worked_out: 0,
            review: None,
            scan: None,
            quit_warned: false,
            saving: false,
        };
        let steps = self.steps(&doc.answers);
        let start = last
            .and_then(|key| {
                let all = self.all_steps();
                let i = all
                    .iter()
                    .position(|&(s, q)| self.sections[s].questions[q].key == key)?;
                all[i + 1..]
                    .iter()
                    .copied()
                    .find(|step| steps.contains(step))
                    .or(Some(all[i]))
            })
            .filter(|step| steps.contains(step))
            .or_else(|| steps.first().copied())
            .unwrap_or((0, 0));
        (doc.section, doc.question) = start;
        doc.sidebar = doc.section;
        // The preview, the findings and the completion are worked out after the
        // first frame is drawn (`tui::run_loop`), as after a confirmed answer: on a
        // file of thousands of entries they took a tenth of a second before anything
        // was on screen.
        doc.stale = true;
        self.doc = Some(doc);
        self.screen = Screen::Wizard;
        self.reset_editor();
    }

    fn all_steps(&self) -> Vec<(usize, usize)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| (0..sec.questions.len()).map(move |q| (s, q)))
            .collect()
    }

    /// The questions that apply to these answers, in interview order.
    pub fn steps(&self, answers: &Answers) -> Vec<(usize, usize)> {
        let scope = Scope {
            answers,
            record: None,
        };
        self.all_steps()
            .into_iter()
            .filter(|&(s, q)| self.sections[s].questions[q].applies(&scope))
            .collect()
    }

    pub fn doc(&self) -> &Doc {
        self.doc.as_ref().expect("a policy is open")
    }

    pub fn doc_mut(&mut self) -> &mut Doc {
        self.doc.as_mut().expect("a policy is open")
    }

    pub fn question(&self) -> &Question {
        let d = self.doc();
        &self.sections[d.section].questions[d.question]
    }

    /// Whether the current question is the one a scan of the code adds to.
    pub fn at_scan_question(&self) -> bool {
        self.question().key == crate::scan::QUESTION
    }

    /// The current answer to the current question.
    pub fn current_value(&self) -> Option<Value> {
        answer_at(&self.doc().answers, self.question().key)
    }

    /// A fresh editor for the current question, from its saved answer (or the
    /// catalog's suggestion when there is none).
    pub fn reset_editor(&mut self) {
        let q = self.question();
        let d = self.doc();
        // A long list of the answers is read from them as it is shown, not copied.
        if matches!(q.kind, questions::Kind::Records(_))
            && let Some(list) = super::editors::records::List::of_answers(q.key, &d.answers)
        {
            self.set_editor(Editor::List(list));
            return;
        }
        let current = self
            .current_value()
            .filter(|v| is_answered(Some(v)) || v.is_boolean());
        let scope = Scope {
            answers: &d.answers,
            record: None,
        };
        let current = current.or_else(|| q.suggest.and_then(|s| s(&scope)));
        let ctx = super::editors::Ctx {
            answers: &d.answers,
            catalog: &self.catalog,
        };
        let editor = Editor::for_question(q, current, &ctx);
        self.set_editor(editor);
    }

    fn set_editor(&mut self, editor: Editor) {
        let d = self.doc_mut();
        drop_aside(std::mem::replace(&mut d.editor, editor));
        d.dirty = false;
        d.errors.clear();
        d.question_nudge = 0;
    }

    /// Answered and applicable questions of each section: (answered, total).
    /// Worked out when the answers change (see `refresh_preview`), not every frame.
    pub fn completion(&self) -> &[(usize, usize)] {
        &self.doc().completion
    }

    fn count_completion(&self) -> Vec<(usize, usize)> {
        let d = self.doc();
        let scope = Scope {
            answers: &d.answers,
            record: None,
        };
        self.sections
            .iter()
            .map(|s| {
                let applicable: Vec<&Question> = s
                    .questions
                    .iter()
                    .filter(|q| !q.is_setting() && q.applies(&scope))
                    .collect();
                // A suggestion not yet confirmed is not an answer the operator gave.
                let answered = applicable
                    .iter()
                    .filter(|q| answered(&d.answers, q.key) && !d.answers.has_unconfirmed(q.key))
                    .count();
                (answered, applicable.len())
            })
            .collect()
    }

    /// Whether a scan of the code folder is running (its worker has not answered),
    /// for the wizard's offer or for the quick start's suggestions.
    pub fn scanning(&self) -> bool {
        if self.start.as_ref().is_some_and(|s| s.working) {
            return true;
        }
        self.doc
            .as_ref()
            .and_then(|d| d.scan.as_ref())
            .is_some_and(|s| s.found.is_none())
    }

    /// Asks for the preview, findings and completion to be worked out again, after
    /// the frame that shows what changed them (`tui::run_loop`), as after a
    /// confirmed answer: worked out at once, they held that frame back by a whole
    /// `render` and `check`.
    pub fn refresh_after_frame(&mut self) {
        if let Some(d) = self.doc.as_mut() {
            d.stale = true;
        }
    }

    /// Brings the preview, findings and completion up to date if the answers changed
    /// since; returns whether there was anything to do (and so a frame to redraw).
    pub fn refresh_if_stale(&mut self) -> bool {
        if !self.doc.as_ref().is_some_and(|d| d.stale) {
            return false;
        }
        self.refresh_preview();
        true
    }

    /// Recomputes the preview if it is shown; it is rendered only when the answers
    /// change, never on a keystroke that only edits a draft.
    pub fn refresh_preview(&mut self) {
        if self.doc.is_none() {
            return;
        }
        // Findings and completion follow the answers too; `check` sees them as
        // `render` does.
        let reviewing = self.screen == Screen::Review;
        let shown = self.doc().preview_on || reviewing;
        // The old findings and preview are let go first, and the new preview (whose
        // template context is the largest thing made) is rendered before `check`
        // runs: on a policy of thousands of entries each is megabytes, and holding
        // them all at once set the wizard's peak memory.
        let d = self.doc.as_mut().expect("a document is open");
        drop((
            std::mem::take(&mut d.findings),
            std::mem::take(&mut d.preview),
        ));
        // The answers are lent to the policy rather than copied into it: it is made
        // of them, with what it leaves out taken out and put back afterwards (a copy
        // of thousands of entries was megabytes at the peak).
        let renderer = &self.renderer;
        let (markdown, findings) = Policy::lend(&mut d.answers, &self.catalog, |policy| {
            let policy = policy.ok();
            let markdown = shown
                .then(|| policy.and_then(|p| renderer.render(p, Format::Markdown).ok()))
                .flatten();
            let findings = policy.map(crate::check::check).unwrap_or_default();
            (markdown, findings)
        });
        let preview =
            shown.then(|| Preview::or_draft(markdown, renderer, &d.answers, &self.catalog));
        let completion = self.count_completion();
        let d = self.doc_mut();
        d.stale = false;
        d.findings = findings;
        d.worked_out += 1;
        d.completion = completion;
        d.preview = preview.unwrap_or_default();
    }

    /// The policy the answers make, as `render`, `check` and `publish` see it; the
    /// problems if a reference names no catalog entry.
    pub fn policy(&self) -> Result<Policy, Vec<Problem>> {
        Policy::resolve(&self.doc().answers, &self.catalog)
    }
}

/// Whether the question at `key` has an answer, read without serialising the
/// answers: a long list is answered when it has an entry (serialising all of them
/// to count a section's answers doubled the wizard's memory on a large file).
pub fn answered(answers: &Answers, key: &str) -> bool {
    match answers.entries(key) {
        Some(list) => list.count() > 0,
        None => is_answered(answer_at(answers, key).as_ref()),
    }
}

/// Frees the editor of a question left behind; a list of thousands of entries is
/// freed on another thread, as freeing its 5,000 JSON records took as long as
/// building the next question's editor.
fn drop_aside(editor: Editor) {
    const LARGE: usize = 1_000;
    match editor {
        Editor::List(list) if matches!(&list.items, Items::Json(items) if items.len() > LARGE) => {
            std::thread::spawn(move || drop(list));
        }
        editor => drop(editor),
    }
}
