//! The quick start of a new policy: what kind of product, where the company is
//! established, who it serves, and (optionally) where the code is. Its questions
//! are defined here once ([`Step`]: wording, choices, checks); [`ask`] puts them
//! through a [`Prompter`] for `new` and `ask`, and the wizard's start screen
//! (`tui::start`) presents the same ones. `suggest` turns the answers into a
//! draft, and [`summary`] says what was suggested.

use super::prompter::{Prompt, Prompter, Reply, TextInput};
use crate::answers::Answers;
use crate::answers::values::Country;
use crate::answers::vocab::Region;
use crate::suggest::{Start, StartKind};

/// Said before the first question.
pub const INTRO: &str = "Quick start: four questions, then policywright suggests answers from \
     your product's kind, its code and the regions you serve. Nothing suggested is published \
     until you confirm it.";

/// The start's questions, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Kinds,
    Established,
    Regions,
    CodeDir,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Kinds, Step::Established, Step::Regions, Step::CodeDir];

    /// The question as asked: its wording, why it is asked, an example answer.
    pub fn prompt(self) -> Prompt {
        let (message, help, placeholder) = match self {
            Step::Kinds => (
                "What kind of product is it? (several may apply)",
                "Decides what policywright suggests: the data, the purposes and the sections \
                 such a product needs.",
                None,
            ),
            Step::Established => (
                "Where is your company (or you, if you run it yourself) established? (country code)",
                "Decides which law applies besides the regions you serve (GDPR Art. 3(1)).",
                Some("e.g. DE"),
            ),
            Step::Regions => (
                "Who does it serve? (tick every region with users)",
                "Decides which laws' rights and statements the policy needs.",
                None,
            ),
            Step::CodeDir => (
                "Where is the product's code? (optional: Enter skips)",
                "policywright reads its manifests (never your data) to find the services \
                 that receive personal data.",
                Some("../acme"),
            ),
        };
        Prompt {
            message: message.to_owned(),
            help: help.to_owned(),
            placeholder: placeholder.map(str::to_owned),
            // Esc at the first question has nowhere to go back to: it skips the
            // start and opens the whole interview.
            esc: (self == Step::Kinds).then(|| "skips the quick start".to_owned()),
        }
    }

    /// A question answered by ticking: its choices as (key, words shown), else
    /// `None` (a typed answer).
    pub fn choices(self) -> Option<Vec<(String, String)>> {
        match self {
            Step::Kinds => Some(
                StartKind::CHOICES
                    .iter()
                    .map(|(k, l)| ((*k).to_owned(), (*l).to_owned()))
                    .collect(),
            ),
            Step::Regions => Some(
                Region::CHOICES
                    .iter()
                    .map(|(k, l)| ((*k).to_owned(), capitalize(l)))
                    .collect(),
            ),
            Step::Established | Step::CodeDir => None,
        }
    }

    /// What is said when a ticking question is left with nothing ticked.
    pub fn none_ticked(self) -> &'static str {
        match self {
            Step::Regions => "Tick at least one region.",
            _ => "Tick at least one kind.",
        }
    }

    /// The keys ticked so far in `start` for a ticking question.
    pub fn ticked(self, start: &Start) -> Vec<&'static str> {
        match self {
            Step::Kinds => start.kinds.iter().map(|k| k.key()).collect(),
            Step::Regions => start.regions.iter().map(|r| r.key()).collect(),
            Step::Established | Step::CodeDir => Vec::new(),
        }
    }

    /// The typed answer so far in `start` for a typed question.
    pub fn typed(self, start: &Start) -> Option<String> {
        match self {
            Step::Established => start.established.map(|c| c.code().to_owned()),
            Step::CodeDir => start.code_dir.clone(),
            Step::Kinds | Step::Regions => None,
        }
    }

    /// Whether a typed answer is acceptable; why not, if it is not.
    pub fn check(self, typed: &str) -> Result<(), String> {
        let s = typed.trim();
        match self {
            // The grey example is not an answer: say what to type rather than "`` is
            // not a country".
            Step::Established if s.is_empty() => {
                Err("type the country's two-letter code, e.g. DE for Germany or US".to_owned())
            }
            Step::Established => s.parse::<Country>().map(|_| ()).map_err(|e| e.to_string()),
            Step::CodeDir if s.is_empty() || crate::store::remembered::typed(s).is_dir() => Ok(()),
            Step::CodeDir => Err(format!("{s} is not a folder")),
            Step::Kinds | Step::Regions => Ok(()),
        }
    }

    /// Records an answer in `start`: the keys ticked, or the text typed (checked
    /// with [`Step::check`] first).
    pub fn record(self, start: &mut Start, ticked: &[&str], typed: &str) {
        let typed = typed.trim();
        match self {
            Step::Kinds => {
                start.kinds = ticked
                    .iter()
                    .filter_map(|k| StartKind::from_key(k))
                    .collect()
            }
            Step::Regions => {
                start.regions = Region::ALL
                    .iter()
                    .copied()
                    .filter(|r| ticked.contains(&r.key()))
                    .collect()
            }
            Step::Established => start.established = typed.parse::<Country>().ok(),
            Step::CodeDir => start.code_dir = (!typed.is_empty()).then(|| typed.to_owned()),
        }
    }
}

/// Asks the four start questions; Esc goes back one, and out of the first. The code
/// path is kept as typed (relative to the current directory).
pub fn ask(prompter: &mut dyn Prompter) -> Reply<Start> {
    let mut start = Start::default();
    let mut step = 0;
    prompter.say(INTRO);
    while step < Step::ALL.len() {
        let reply = match Step::ALL[step] {
            s @ (Step::Kinds | Step::Regions) => ticking(prompter, s, &mut start),
            s => typing(prompter, s, &mut start),
        };
        match reply {
            Reply::Answer(()) => step += 1,
            Reply::Back if step == 0 => return Reply::Back,
            Reply::Back => step -= 1,
            Reply::Quit => return Reply::Quit,
        }
    }
    Reply::Answer(start)
}

fn ticking(p: &mut dyn Prompter, step: Step, start: &mut Start) -> Reply<()> {
    let choices = step.choices().unwrap_or_default();
    let options: Vec<String> = choices.iter().map(|(_, l)| l.clone()).collect();
    let ticked = step.ticked(start);
    let mut selected: Vec<usize> = choices
        .iter()
        .enumerate()
        .filter(|(_, (k, _))| ticked.contains(&k.as_str()))
        .map(|(i, _)| i)
        .collect();
    let keys =
        |picked: &[usize]| -> Vec<&str> { picked.iter().map(|&i| choices[i].0.as_str()).collect() };
    loop {
        match p.multi_select(&step.prompt(), &options, &mut selected) {
            Reply::Answer(picked) if picked.is_empty() => {
                p.say(&format!("  ! {}", step.none_ticked()))
            }
            Reply::Answer(picked) => {
                step.record(start, &keys(&picked), "");
                return Reply::Answer(());
            }
            // Going back keeps what was ticked: it is ticked again when the
            // question comes back (found walking through the quick start).
            Reply::Back => {
                step.record(start, &keys(&selected), "");
                return Reply::Back;
            }
            Reply::Quit => return Reply::Quit,
        }
    }
}

fn typing(p: &mut dyn Prompter, step: Step, start: &mut Start) -> Reply<()> {
    let codes: Vec<String> = match step {
        Step::Established => Country::all()
            .map(|c| format!("{} ({})", c.code(), c.name()))
            .collect(),
        _ => Vec::new(),
    };
    let default = step.typed(start);
    // Enter on nothing keeps an answer given before.
    let keeps = default.is_some();
    let check = |s: &str| match s.trim().is_empty() && keeps {
        true => Ok(()),
        false => step.check(s),
    };
    let input = TextInput {
        default,
        from_catalog: false,
        check: &check,
        suggestions: &codes,
        typed: None,
    };
    then(p.text(&step.prompt(), input), |s| {
        step.record(start, &[], &s)
    })
}

/// The answer of a reply, changed by `f`.
fn then<T, U>(reply: Reply<T>, f: impl FnOnce(T) -> U) -> Reply<U> {
    match reply {
        Reply::Answer(v) => Reply::Answer(f(v)),
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What was suggested, by section, for the person to read before confirming.
pub fn summary(answers: &Answers) -> String {
    let unconfirmed = answers.unconfirmed();
    if unconfirmed.is_empty() {
        return "Nothing to suggest from these answers; the interview asks the rest.".to_owned();
    }
    let mut out = format!(
        "Suggested ({} to confirm; each question below offers them, Enter accepts):",
        unconfirmed.len()
    );
    let is = |path: String| unconfirmed.contains(&path);
    let recipients: Vec<String> = answers
        .processors
        .iter()
        .filter(|p| is(format!("processors.{}", p.id)))
        .map(|p| format!("{} ({})", p.name, p.role.label()))
        .collect();
    let categories: Vec<&str> = answers
        .data
        .categories
        .iter()
        .filter(|c| is(format!("data.categories.{}", c.id)))
        .map(|c| c.name.as_str())
        .collect();
    let purposes: Vec<String> = answers
        .purposes
        .iter()
        .filter(|p| is(format!("purposes.{}", p.id)))
        .map(|p| {
            let bases: Vec<String> = p
                .legal_basis
                .iter()
                .map(|b| b.key().replace('_', " "))
                .collect();
            match bases.is_empty() {
                false => format!("{} ({})", p.name, bases.join(", ")),
                true => p.name.clone(),
            }
        })
        .collect();
    for (title, items) in [
        ("Recipients found in your code", recipients.join(", ")),
        ("Data", categories.join(", ")),
        ("Purposes", purposes.join(", ")),
    ] {
        if !items.is_empty() {
            out.push_str(&format!("\n  {title}: {items}"));
        }
    }
    if is("retention.rules".to_owned()) {
        let rules: Vec<&str> = answers
            .retention
            .rules
            .iter()
            .map(|r| r.data.as_str())
            .collect();
        out.push_str(&format!("\n  Retention: {}", rules.join(", ")));
    }
    // In words, not as answer keys ("non discrimination" read as a raw id to a
    // first-time user).
    let rights: Vec<&str> = unconfirmed
        .iter()
        .filter_map(|p| p.strip_prefix("rights."))
        .map(|key| match key {
            "rights" => "the rights you offer",
            "everyone" => "offering them to everyone",
            "complaint" => "the right to complain to a supervisory authority",
            "non_discrimination" => "no discrimination for using them",
            other => other,
        })
        .collect();
    if !rights.is_empty() {
        out.push_str(&format!("\n  Rights: {}", rights.join(", ")));
    }
    if is("extension.permissions".to_owned()) {
        let names: Vec<&str> = answers
            .extension
            .permissions
            .iter()
            .flat_map(|p| p.names.iter().map(String::as_str))
            .collect();
        out.push_str(&format!("\n  Extension permissions: {}", names.join(", ")));
    }
    out
}
