//! The quick start of a new policy, asked through a [`Prompter`]: what kind of
//! product, where the company is established, who it serves, and (optionally) where
//! the code is. `new` and `ask` both begin with it; `suggest` turns the answers into
//! a draft, and [`summary`] says what was suggested.

use super::prompter::{Prompt, Prompter, Reply, TextInput};
use crate::answers::Answers;
use crate::answers::values::Country;
use crate::answers::vocab::Region;
use crate::suggest::{Start, StartKind};

/// Asks the four start questions; Esc goes back one, and out of the first. The code
/// path is kept as typed (relative to the current directory).
pub fn ask(prompter: &mut dyn Prompter) -> Reply<Start> {
    let mut start = Start::default();
    let mut step = 0;
    prompter.say(
        "Quick start: four questions, then policywright suggests answers from your \
         product's kind, its code and the regions you serve. Nothing suggested is \
         published until you confirm it.",
    );
    while step < 4 {
        let reply = match step {
            0 => then(kinds(prompter, &start), |k| start.kinds = k),
            1 => then(established(prompter, &start), |c| start.established = c),
            2 => then(regions(prompter, &start), |r| start.regions = r),
            _ => then(code_dir(prompter, &start), |d| start.code_dir = d),
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

fn kinds(p: &mut dyn Prompter, start: &Start) -> Reply<Vec<StartKind>> {
    let prompt = Prompt {
        message: "What kind of product is it? (several may apply)".to_owned(),
        help: "Space ticks a kind, Enter goes on.".to_owned(),
        placeholder: None,
    };
    let options: Vec<String> = StartKind::CHOICES
        .iter()
        .map(|(_, l)| (*l).to_owned())
        .collect();
    let selected: Vec<usize> = start.kinds.iter().map(|k| *k as usize).collect();
    loop {
        match p.multi_select(&prompt, &options, &selected) {
            Reply::Answer(picked) if picked.is_empty() => p.say("  ! Tick at least one kind."),
            Reply::Answer(picked) => {
                return Reply::Answer(picked.into_iter().map(|i| StartKind::ALL[i]).collect());
            }
            Reply::Back => return Reply::Back,
            Reply::Quit => return Reply::Quit,
        }
    }
}

fn established(p: &mut dyn Prompter, start: &Start) -> Reply<Option<Country>> {
    let prompt = Prompt {
        message:
            "Where is your company (or you, if you run it yourself) established? (country code)"
                .to_owned(),
        help: "Decides which law applies besides the regions you serve (GDPR Art. 3(1))."
            .to_owned(),
        placeholder: Some("DE".to_owned()),
    };
    let codes: Vec<String> = Country::all()
        .map(|c| format!("{} ({})", c.code(), c.name()))
        .collect();
    let check = |s: &str| {
        s.trim()
            .parse::<Country>()
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    let input = TextInput {
        default: start.established.map(|c| c.code().to_owned()),
        from_catalog: false,
        check: &check,
        suggestions: &codes,
    };
    then(p.text(&prompt, input), |s| s.trim().parse::<Country>().ok())
}

fn regions(p: &mut dyn Prompter, start: &Start) -> Reply<Vec<Region>> {
    let prompt = Prompt {
        message: "Who does it serve? (tick every region with users)".to_owned(),
        help: "Decides which laws' rights and statements the policy needs.".to_owned(),
        placeholder: None,
    };
    let options: Vec<String> = Region::CHOICES.iter().map(|(_, l)| capitalize(l)).collect();
    let selected: Vec<usize> = start
        .regions
        .iter()
        .filter_map(|r| Region::ALL.iter().position(|x| x == r))
        .collect();
    loop {
        match p.multi_select(&prompt, &options, &selected) {
            Reply::Answer(picked) if picked.is_empty() => p.say("  ! Tick at least one region."),
            Reply::Answer(picked) => {
                return Reply::Answer(picked.into_iter().map(|i| Region::ALL[i]).collect());
            }
            Reply::Back => return Reply::Back,
            Reply::Quit => return Reply::Quit,
        }
    }
}

fn code_dir(p: &mut dyn Prompter, start: &Start) -> Reply<Option<String>> {
    let prompt = Prompt {
        message: "Where is the product's code? (optional: Enter skips)".to_owned(),
        help: "policywright reads its manifests (never your data) to find the services \
               that receive personal data."
            .to_owned(),
        placeholder: Some("../acme".to_owned()),
    };
    let check = |s: &str| {
        let s = s.trim();
        if s.is_empty() || crate::store::remembered::typed(s).is_dir() {
            Ok(())
        } else {
            Err(format!("{s} is not a folder"))
        }
    };
    let input = TextInput {
        default: start.code_dir.clone(),
        from_catalog: false,
        check: &check,
        suggestions: &[],
    };
    then(p.text(&prompt, input), |s| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
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
    let rights: Vec<&str> = unconfirmed
        .iter()
        .filter_map(|p| p.strip_prefix("rights."))
        .collect();
    if !rights.is_empty() {
        out.push_str(&format!(
            "\n  Rights: {}",
            rights.join(", ").replace('_', " ")
        ));
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
