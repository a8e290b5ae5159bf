//! `policywright ask`: the interview, one prompt per line.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{AskArgs, Exit};
use crate::answers::Answers;
use crate::ask::prompter::{Prompt, Prompter, Reply, TextInput};
use crate::ask::terminal::Terminal;
use crate::ask::{Interview, Outcome};
use crate::questions::{self, Section};
use crate::store::{self, Source, session};

pub fn run(args: AskArgs) -> anyhow::Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "ask needs a terminal to prompt in. To answer without prompts, use \
             `policywright set NAME KEY=VALUE...` or `policywright render FILE --set KEY=VALUE`, \
             or edit the answers file (its schema: `policywright schema`)"
        );
    }
    let sections: &[Section] = match &args.section {
        Some(id) => std::slice::from_ref(questions::section(id).with_context(|| {
            let ids: Vec<&str> = questions::sections().iter().map(|s| s.id).collect();
            format!(
                "--section {id}: there is no such section; the sections are: {}",
                ids.join(", ")
            )
        })?),
        None => questions::sections(),
    };

    let mut terminal = Terminal;
    super::hangup::exit_on_hangup(Exit::Hangup);
    super::hangup::restore_on_signals()?;
    let input = match args.input {
        Some(input) => input,
        None => match ask_name(&mut terminal) {
            Some(name) => name,
            None => return Ok(Exit::Interrupted.into()),
        },
    };
    let (path, label) = match Source::parse(&input)? {
        Source::Stdin => bail!(
            "ask reads its answers from the terminal, not from standard input; give a NAME or FILE"
        ),
        Source::File(path) => (path.clone(), path.display().to_string()),
        Source::Saved { name, path } => (path, name),
    };
    let loaded = store::read_on_disk(&path)?;
    let mut answers = loaded.answers.clone();
    let catalog = crate::catalog::Catalog::for_operator()?;
    // A new policy begins with the quick start, and then asks only what its
    // suggestions cannot know.
    let mut quick = false;
    let mut base = loaded.interview_base();
    if !path.exists() && args.section.is_none() && !args.only_missing {
        let portable = matches!(Source::parse(&input)?, Source::File(_));
        match super::quickstart::begin(&mut terminal, &path, portable, &answers, &catalog) {
            super::quickstart::Begun::Suggested {
                answers: suggested,
                scan_error,
            } => {
                super::quickstart::say_begun(&mut terminal, &suggested, scan_error.as_deref());
                let synced = save(&path, &base, &suggested, "audience.regions")
                    .map_err(anyhow::Error::msg)?;
                base = synced.base;
                answers = *suggested;
                quick = true;
            }
            super::quickstart::Begun::Skipped => {}
            super::quickstart::Begun::Stopped => return Ok(Exit::Interrupted.into()),
        }
    }

    let mut start = None;
    if args.section.is_none()
        && !args.only_missing
        && !quick
        && path.exists()
        && let Some(key) = session::last_question(&path)
        && let Some((section, _)) = questions::find(&key)
    {
        let prompt = Prompt {
            message: format!("Continue where you stopped last time ({})?", section.title),
            help: "No starts from the first question; every saved answer is offered as the default either way.".to_owned(),
            placeholder: None,
            // Esc here ends `ask`, as Ctrl-C would: there is nothing to go back to.
            esc: Some("stops".to_owned()),
        };
        match terminal.confirm(&prompt, Some(true)) {
            Reply::Answer(true) => start = Some(next_question(&key)),
            Reply::Answer(false) => {}
            _ => return Ok(Exit::Interrupted.into()),
        }
    }

    terminal.say(&format!(
        "Answers are saved to {} as you confirm them. Esc goes back one question; Ctrl-C stops.",
        path.display()
    ));
    // `base`: what the file held when last read or written, to notice another writer.
    let mut save = |answers: &Answers, key: &str| {
        let synced = save(&path, &base, answers, key)?;
        base = synced.base;
        Ok(synced.reloaded)
    };
    let mut interview = Interview::new(&mut terminal, &mut save, answers);
    interview.only_missing = args.only_missing;
    interview.quick = quick;
    interview.catalog = catalog;
    interview.answers_file = Some(path.clone());
    interview.draft = session::draft(&path);
    let outcome = interview
        .run(sections, start.flatten().as_deref())
        .map_err(anyhow::Error::msg)?;
    // What still stops the policy from rendering, as `render` sees it: an answer the
    // policy leaves out is no problem of the policy's.
    let (problems, errors) =
        match crate::policy::Policy::resolve(&interview.answers, &interview.catalog) {
            Ok(policy) => {
                // What `check` (and `publish`) would refuse: "Done" alone read as
                // finished when a data category added on the way had no retention
                // rule (found walking through `ask` after the quick start).
                let errors: Vec<String> = crate::check::check(&policy)
                    .into_iter()
                    .filter(|f| f.severity() == crate::check::Severity::Error && f.waived.is_none())
                    .map(|f| f.message().to_string())
                    .collect();
                (policy.problems(), errors)
            }
            Err(problems) => (problems, Vec::new()),
        };
    // An entry begun but not saved is kept for the next interview (or dropped once
    // it was taken and finished).
    session::keep_draft(&path, interview.draft.clone());
    match outcome {
        Outcome::Finished => {
            if args.section.is_none() {
                session::forget(&path);
            }
            let mut out = String::new();
            if problems.is_empty() && errors.is_empty() {
                out.push_str(&format!(
                    "\nDone. Render the policy with: policywright render {label}\n"
                ));
            } else if problems.is_empty() {
                out.push_str(&format!(
                    "\nSaved. The policy renders, but `check` still finds {} to fix before \
                     you publish it:\n",
                    match errors.len() {
                        1 => "one thing".to_owned(),
                        n => format!("{n} things"),
                    }
                ));
                for e in &errors {
                    out.push_str(&format!("  - {e}\n"));
                }
                out.push_str(&format!(
                    "`policywright check {label}` says where; `policywright ask {label}` asks again.\n"
                ));
            } else {
                out.push_str("\nSaved. Still needed before the policy can be rendered:\n");
                for p in &problems {
                    out.push_str(&format!("  - {p}\n"));
                }
            }
            super::print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Stopped => {
            super::warn(&format!(
                "\nStopped. Every confirmed answer is saved in {}; run `policywright ask {label}` to continue.",
                path.display()
            ));
            Ok(Exit::Interrupted.into())
        }
    }
}

/// Saves an interview's answers (see [`store::save_interview`]: under the file's
/// lock, only what changed, never over another program's change) and remembers the
/// question just answered; the full-screen wizard saves through this too.
pub(super) fn save(
    path: &Path,
    base: &store::Base,
    answers: &Answers,
    key: &str,
) -> Result<store::Synced, String> {
    let _saving = super::hangup::SAVING.lock();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let synced = store::save_interview(path, base, answers)?;
    session::remember(path, key);
    Ok(synced)
}

/// The question after `key`, where a resumed interview starts.
fn next_question(key: &str) -> Option<String> {
    let keys: Vec<&'static str> = questions::sections()
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.key).collect::<Vec<_>>())
        .collect();
    let i = keys.iter().position(|k| *k == key)?;
    Some(keys.get(i + 1).unwrap_or(&keys[i]).to_string())
}

fn ask_name(terminal: &mut Terminal) -> Option<String> {
    let prompt = Prompt {
        message: "Name for this policy (letters, digits, - and _)".to_owned(),
        help: "It is saved under this name in your data directory; `policywright list` shows saved policies.".to_owned(),
        placeholder: Some("acme".to_owned()),
        esc: Some("stops".to_owned()),
    };
    let check = |s: &str| match Source::parse(s.trim()) {
        Ok(Source::Saved { .. }) => Ok(()),
        _ => Err("use letters, digits, - and _ only".to_owned()),
    };
    let input = TextInput {
        default: None,
        from_catalog: false,
        check: &check,
        suggestions: &[],
        typed: None,
    };
    match terminal.text(&prompt, input) {
        Reply::Answer(name) => Some(name.trim().to_owned()),
        _ => None,
    }
}
