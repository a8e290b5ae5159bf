//! The interview logic, driven by a scripted prompter: no terminal involved.

use std::collections::VecDeque;

use super::prompter::{Prompt, Prompter, Reply, TextInput};
use super::{Interview, Outcome};
use crate::answers::Answers;
use crate::questions::{Section, section};

/// One scripted action at a prompt.
#[derive(Debug, Clone)]
enum Act {
    /// Type this and press Enter.
    Type(&'static str),
    /// Press Enter (keep the default).
    Enter,
    Yes,
    No,
    /// Pick the option whose label starts with this.
    Pick(&'static str),
    /// Tick exactly the options whose labels start with these.
    Tick(&'static [&'static str]),
    Esc,
    /// Clear the line, type this, then press Esc.
    TypeThenEsc(&'static str),
    /// Tick exactly these, then press Esc.
    TickThenEsc(&'static [&'static str]),
    CtrlC,
}

/// Plays a script; records every prompt, default and message for assertions.
struct Script {
    acts: VecDeque<Act>,
    log: Vec<String>,
}

impl Script {
    fn new(acts: &[Act]) -> Self {
        Script {
            acts: acts.iter().cloned().collect(),
            log: Vec::new(),
        }
    }

    fn next(&mut self, prompt: &Prompt) -> Act {
        self.acts.pop_front().unwrap_or_else(|| {
            panic!(
                "script ran out at: {}\nlog:\n{}",
                prompt.message,
                self.log.join("\n")
            )
        })
    }
}

impl Prompter for Script {
    fn text(&mut self, prompt: &Prompt, mut input: TextInput<'_>) -> Reply<String> {
        // The line starts with what was typed before Esc, as inquire's initial value.
        let mut line = input.typed.as_deref().cloned().unwrap_or_default();
        loop {
            self.log.push(format!(
                "text: {} [default: {}{}]{}",
                prompt.message,
                input.default.as_deref().unwrap_or(""),
                if input.from_catalog {
                    " (from the catalog)"
                } else {
                    ""
                },
                if line.is_empty() {
                    String::new()
                } else {
                    format!(" [typed: {line}]")
                }
            ));
            let typed = match self.next(prompt) {
                Act::Type(t) => t.to_owned(),
                // Enter on what the line holds.
                Act::Enter => std::mem::take(&mut line),
                Act::TypeThenEsc(t) => {
                    if let Some(out) = input.typed.as_deref_mut() {
                        *out = t.to_owned();
                    }
                    return Reply::Back;
                }
                Act::Esc => {
                    if let Some(out) = input.typed.as_deref_mut() {
                        *out = line;
                    }
                    return Reply::Back;
                }
                Act::CtrlC => return Reply::Quit,
                other => panic!(
                    "{other:?} at text prompt {}\n{}",
                    prompt.message,
                    self.log.join("\n")
                ),
            };
            // inquire returns the default on an empty Enter, after the check passes.
            match (input.check)(&typed) {
                Ok(()) if typed.is_empty() => {
                    return Reply::Answer(input.default.clone().unwrap_or_default());
                }
                Ok(()) => return Reply::Answer(typed),
                Err(e) => self.log.push(format!("invalid: {e}")),
            }
        }
    }

    fn confirm(&mut self, prompt: &Prompt, default: Option<bool>) -> Reply<bool> {
        self.log.push(format!(
            "confirm: {} [default: {default:?}]",
            prompt.message
        ));
        match self.next(prompt) {
            Act::Yes => Reply::Answer(true),
            Act::No => Reply::Answer(false),
            Act::Enter => Reply::Answer(default.expect("Enter needs a default")),
            Act::Esc => Reply::Back,
            Act::CtrlC => Reply::Quit,
            other => panic!("{other:?} at confirm {}", prompt.message),
        }
    }

    fn select(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        self.log.push(format!(
            "select: {} [default: {}]",
            prompt.message, options[default]
        ));
        match self.next(prompt) {
            Act::Pick(label) => Reply::Answer(
                options
                    .iter()
                    .position(|o| o.starts_with(label))
                    .unwrap_or_else(|| panic!("no option {label} in {options:?}")),
            ),
            Act::Enter => Reply::Answer(default),
            Act::Esc => Reply::Back,
            Act::CtrlC => Reply::Quit,
            other => panic!("{other:?} at select {}", prompt.message),
        }
    }

    fn multi_select(
        &mut self,
        prompt: &Prompt,
        options: &[String],
        selected: &mut Vec<usize>,
    ) -> Reply<Vec<usize>> {
        self.log
            .push(format!("multi: {} [ticked: {selected:?}]", prompt.message));
        match self.next(prompt) {
            // Ticks these, then Esc: the prompter hands the ticks back.
            Act::TickThenEsc(labels) => {
                *selected = labels
                    .iter()
                    .map(|l| options.iter().position(|o| o.starts_with(l)).unwrap())
                    .collect();
                Reply::Back
            }
            Act::Tick(labels) => Reply::Answer(
                labels
                    .iter()
                    .map(|l| options.iter().position(|o| o.starts_with(l)).unwrap())
                    .collect(),
            ),
            Act::Enter => Reply::Answer(selected.to_vec()),
            Act::Esc => Reply::Back,
            Act::CtrlC => Reply::Quit,
            other => panic!("{other:?} at multi-select {}", prompt.message),
        }
    }

    fn long_text(
        &mut self,
        prompt: &Prompt,
        default: Option<&str>,
        typed: Option<&mut String>,
    ) -> Reply<String> {
        // Starts from what was written before Esc, as the patched prompt does.
        let line = typed.as_deref().cloned().unwrap_or_default();
        self.log.push(format!(
            "long: {} [default: {}]{}",
            prompt.message,
            default.unwrap_or(""),
            if line.is_empty() {
                String::new()
            } else {
                format!(" [typed: {line}]")
            }
        ));
        match self.next(prompt) {
            Act::Type(t) => Reply::Answer(t.to_owned()),
            Act::Enter if !line.is_empty() => Reply::Answer(line),
            Act::Enter => Reply::Answer(default.unwrap_or("").to_owned()),
            Act::TypeThenEsc(t) => {
                if let Some(out) = typed {
                    *out = t.to_owned();
                }
                Reply::Back
            }
            Act::Esc => {
                if let Some(out) = typed {
                    *out = line;
                }
                Reply::Back
            }
            Act::CtrlC => Reply::Quit,
            other => panic!("{other:?} at long text {}", prompt.message),
        }
    }

    fn say(&mut self, text: &str) {
        self.log.push(format!("say: {text}"));
    }
}

/// Runs `sections` with a script; returns the outcome, the final answers, every
/// saved snapshot, and the log.
fn run(
    sections: &[Section],
    answers: Answers,
    acts: &[Act],
    only_missing: bool,
) -> (Outcome, Answers, Vec<Answers>, Vec<String>) {
    let mut script = Script::new(acts);
    let mut saved = Vec::new();
    let mut save = |a: &Answers, _key: &str| {
        saved.push(a.clone());
        Ok(None)
    };
    let mut interview = Interview::new(&mut script, &mut save, answers);
    interview.only_missing = only_missing;
    let outcome = interview.run(sections, None).unwrap();
    let answers = interview.answers.clone();
    drop(interview);
    assert!(script.acts.is_empty(), "unused script: {:?}", script.acts);
    (outcome, answers, saved, script.log)
}

fn organization() -> &'static [Section] {
    std::slice::from_ref(section("organization").unwrap())
}

use Act::*;

#[test]
fn answers_are_saved_as_each_is_confirmed_and_ctrl_c_keeps_them() {
    let (outcome, answers, saved, _) = run(
        organization(),
        Answers::default(),
        &[Type("Acme"), Type("a tool"), CtrlC],
        false,
    );
    assert_eq!(outcome, Outcome::Stopped);
    assert_eq!(saved.len(), 2, "one save per confirmed answer");
    assert_eq!(saved[0].organization.product_name, "Acme");
    assert_eq!(answers.organization.description, "a tool");
}

#[test]
fn a_bad_answer_is_refused_inline_and_asked_again() {
    let (_, answers, _, log) = run(
        organization(),
        Answers::default(),
        &[
            Type("Acme"),
            Enter,
            Type("acme.io"),
            Type("https://acme.io"),
            Enter,
            Enter,
            Type("Atlantis"),
            Type("DE"),
            Enter,
            Type("not-an-email"),
            Type("hi@acme.io"),
            Enter,
            No,
        ],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.contains("invalid: `acme.io` is not a web address")),
        "{log:#?}"
    );
    assert!(
        log.iter()
            .any(|l| l.contains("invalid: `Atlantis` is not a country"))
    );
    assert!(
        log.iter()
            .any(|l| l.contains("invalid: `not-an-email` is not an e-mail address"))
    );
    assert_eq!(
        answers.organization.website.as_deref(),
        Some("https://acme.io")
    );
    assert_eq!(answers.organization.country.unwrap().code(), "DE");
    assert_eq!(answers.organization.contact_email, "hi@acme.io");
}

#[test]
fn saved_answers_are_the_defaults_and_enter_keeps_them() {
    let mut start = Answers::default();
    start.organization.product_name = "Acme".into();
    start.organization.contact_email = "hello@acme.io".into();
    let acts = [
        Enter, Enter, Enter, Enter, Enter, Enter, Enter, Enter, Enter, No,
    ];
    let (_, answers, _, log) = run(organization(), start.clone(), &acts, false);
    assert!(
        log.iter()
            .any(|l| l == "text: What is your product called? [default: Acme]")
    );
    assert_eq!(answers.organization, start.organization);
}

#[test]
fn esc_goes_back_one_question() {
    let (_, answers, _, log) = run(
        organization(),
        Answers::default(),
        &[
            Type("Acme"),
            Type("a tool"),
            Esc,
            Type("a better tool"),
            CtrlC,
        ],
        false,
    );
    assert_eq!(answers.organization.description, "a better tool");
    let asked: Vec<_> = log
        .iter()
        .filter(|l| l.starts_with("text: In one line"))
        .collect();
    assert_eq!(asked.len(), 2, "{log:#?}");
    assert!(
        asked[1].ends_with("[default: a tool]"),
        "going back shows what was typed"
    );
}

#[test]
fn only_missing_skips_what_is_answered() {
    let mut start = Answers::default();
    start.organization.product_name = "Acme".into();
    let (_, _, _, log) = run(organization(), start, &[CtrlC], true);
    let first = log.iter().find(|l| l.starts_with("text:")).unwrap();
    assert!(first.starts_with("text: In one line"), "{first}");
}

#[test]
fn conditions_decide_what_is_asked() {
    let product = std::slice::from_ref(section("product").unwrap());
    // Not directed to children: the parental-consent question never comes.
    let (_, answers, _, log) = run(
        product,
        Answers::default(),
        &[
            Tick(&["Web app"]),
            Tick(&["the European"]),
            No,
            Type("developers"),
            Type("16"),
            No,
        ],
        false,
    );
    assert!(
        !log.iter().any(|l| l.contains("parental consent")),
        "{log:#?}"
    );
    // With EEA users and no country, the EU representative is asked (and declined).
    assert!(log.iter().any(|l| l.contains("represents you in the EU")));
    assert_eq!(answers.audience.minimum_age, Some(16));
}

#[test]
fn records_are_added_changed_and_removed() {
    let data = std::slice::from_ref(section("data").unwrap());
    let (_, answers, _, log) = run(
        data,
        Answers::default(),
        &[
            // Add a category: the id is suggested from the name.
            Pick("Add"),
            Type("Account data"),
            Enter,
            Type("your e-mail address"),
            Enter, // the first source starts ticked: you provide it
            Enter,
            Yes,
            Type("we cannot create your account"),
            // Who decides, and whether it stays on the device: left unanswered.
            Enter,
            Enter,
            // Add a second, from a third party: its source is asked.
            Pick("Add"),
            Type("Billing status"),
            Type("billing"),
            Type("subscription state"),
            Tick(&["Information you provide", "Information from third-party"]),
            Type("Stripe"),
            Enter,
            No,
            Enter,
            Enter,
            // Change the first one's description.
            Pick("Change"),
            Pick("Account data"),
            Enter,
            Enter,
            Type("your e-mail address and name"),
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // Remove the second.
            Pick("Remove"),
            Pick("Billing status"),
            Yes,
            Pick("Done"),
            // Notes and not-collected lists.
            Pick("Add"),
            Type("Recording is explicit."),
            Pick("Done"),
            Pick("Done"),
            // No telemetry.
            No,
        ],
        false,
    );
    let categories = &answers.data.categories;
    assert_eq!(categories.len(), 1, "{log:#?}");
    assert_eq!(categories[0].id, "account_data");
    assert_eq!(categories[0].description, "your e-mail address and name");
    assert_eq!(categories[0].required, Some(true));
    assert_eq!(answers.data.notes, ["Recording is explicit."]);
    assert!(
        log.iter()
            .any(|l| l.contains("text: Which third party provides it, or whose code collects it?"))
    );
}

#[test]
fn a_record_that_breaks_a_rule_is_reopened_with_what_was_typed() {
    let mut start = Answers::default();
    start.data.categories.push(crate::answers::DataCategory {
        id: "account".into(),
        name: "Account".into(),
        description: "e-mail".into(),
        ..Default::default()
    });
    let data = std::slice::from_ref(section("data").unwrap());
    let (_, answers, _, log) = run(
        data,
        start,
        &[
            // A second category with the same id is refused, then fixed.
            Pick("Add"),
            Type("Account again"),
            Type("account"),
            Type("more"),
            Enter,
            Enter,
            No,
            Enter,
            Enter,
            Enter,
            Type("account2"),
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Pick("Done"),
            Pick("Done"),
            Pick("Done"),
            // No telemetry.
            No,
        ],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.contains("`account` is used by an earlier entry too")),
        "{log:#?}"
    );
    assert_eq!(answers.data.categories[1].id, "account2");
}

#[test]
fn a_custom_section_is_written_as_a_document_and_placed() {
    let custom = std::slice::from_ref(section("custom").unwrap());
    let (_, answers, _, log) = run(
        custom,
        Answers::default(),
        &[
            Pick("Add"),
            Type("Open source"),
            Type("Our code is public.\n\nRead it on GitHub."),
            Pick("Security"),
            Pick("Done"),
        ],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.starts_with("long: Text (blank lines separate paragraphs)"))
    );
    let section = &answers.custom_sections[0];
    assert_eq!(section.body, "Our code is public.\n\nRead it on GitHub.");
    assert_eq!(
        section.after,
        crate::answers::Placement::After(crate::answers::vocab::SectionId::Security)
    );
}

#[test]
fn a_recipient_can_come_from_the_catalog() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let (_, answers, _, log) = run(
        processors,
        Answers::default(),
        &[
            // Where the code is: skipped.
            Enter,
            Pick("Add"),
            Type("strpe"),
            Type("stripe"),
            // Name, id, legal entity, role, who runs it, purpose: Enter keeps what the
            // catalog offers (and the vendor running it).
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // Data, countries, around the world, commitments, controller, only-if,
            // policy link: left to the catalog.
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // Its DPA, sub-processor list, security and opt-out pages: none.
            Enter,
            Enter,
            Enter,
            Enter,
            Pick("Done"),
            // No other recipients (authorities, a buyer, ...).
            Pick("Done"),
            // No links to other sites.
            No,
        ],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.contains(r#"no catalog entry "strpe"; did you mean "stripe"?"#)),
        "{log:#?}"
    );
    let stripe = &answers.processors[0];
    assert_eq!(stripe.catalog.as_deref(), Some("stripe"));
    assert_eq!(stripe.name, "Stripe");
    assert_eq!(stripe.role, crate::answers::vocab::ProcessorRole::Payments);
    assert!(
        stripe.privacy_policy_url.is_none(),
        "left for the catalog to supply"
    );
}

/// Issue 13 item 10: a CDN the catalog says works around the world is offered that
/// yes; Enter leaves it to the catalog, a no is written.
#[test]
fn the_catalog_s_around_the_world_is_the_default() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let mut answers = Answers::default();
    answers.organization.country = Some("DE".parse().unwrap());
    answers.audience.regions = vec![crate::answers::vocab::Region::Eea];
    let script = |around: Act| {
        vec![
            Enter,
            Pick("Add"),
            Type("cloudflare"),
            // Name, id, legal entity, role, who runs it, purpose, categories, data,
            // countries.
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            around,
            // Safeguard, commitments, controller, only-if, policy link; its DPA,
            // sub-processor list, security page and opt-out page.
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Pick("Done"),
            Pick("Done"),
            // Links to others' websites.
            No,
        ]
    };
    let (_, kept, _, log) = run(processors, answers.clone(), &script(Enter), false);
    assert!(
        log.iter().any(|l| l
            == "confirm: Does it also process data in data centres around the world? [default: Some(true)]"),
        "{log:#?}"
    );
    assert_eq!(kept.processors[0].worldwide, None, "left to the catalog");
    let (_, changed, _, _) = run(processors, answers, &script(No), false);
    assert_eq!(changed.processors[0].worldwide, Some(false));
}

/// Issue 11 §2: each value the catalog will put in the policy is the default of its
/// field, said to be the catalog's; Enter leaves it to the catalog, and only what the
/// operator changes is written.
#[test]
fn catalog_values_are_offered_as_defaults() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let mut answers = Answers::default();
    answers.organization.country = Some("DE".parse().unwrap());
    answers.audience.regions = vec![crate::answers::vocab::Region::Eea];
    let (_, answers, _, log) = run(
        processors,
        answers,
        &[
            Enter,
            Pick("Add"),
            Type("stripe"),
            // Name, id, legal entity, role, who runs it, purpose.
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // What it receives: changed.
            Type("a customer identifier and subscription state"),
            // Countries (Stripe's entry gives none), around the world, safeguard,
            // commitments, controller, only-if.
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // The policy link: typed again as it was, which changes nothing.
            Type("https://stripe.com/privacy"),
            // Its DPA: given; sub-processor list, security and opt-out pages: none.
            Type("https://stripe.com/legal/dpa"),
            Enter,
            Enter,
            Enter,
            Pick("Done"),
            // No other recipients (authorities, a buyer, ...).
            Pick("Done"),
            // No links to other sites.
            No,
        ],
        false,
    );
    let offered = |line: &str| assert!(log.iter().any(|l| l == line), "{line}\n{log:#?}");
    offered(
        "text: Which company is behind it? [default: Stripe Payments Europe, Limited (from the catalog)]",
    );
    offered("multi: If it handles data abroad, what makes that lawful? [ticked: [2]]");
    offered(
        "text: Link to its privacy policy [default: https://stripe.com/privacy (from the catalog)]",
    );
    assert!(
        log.iter().any(|l| l.starts_with(
            "text: What does it receive, in words? [default: name and e-mail address, "
        ) && l.ends_with("(from the catalog)]")),
        "{log:#?}"
    );
    offered("text: Where does it process data? [default: ]");
    // Who runs it is no catalog fact: unanswered, its maker runs it as a service.
    offered("select: Who runs it? [default: (no answer)]");
    assert!(
        !log.iter()
            .any(|l| l.contains("(no answer)") && !l.starts_with("select: Who runs it?")),
        "no answer would be the catalog's"
    );

    let stripe = &answers.processors[0];
    assert_eq!(stripe.legal_entity, None, "left to the catalog");
    assert_eq!(stripe.controller, None, "left to the catalog");
    assert!(stripe.safeguard.is_empty(), "left to the catalog");
    assert_eq!(
        stripe.privacy_policy_url, None,
        "the catalog's value, unchanged"
    );
    assert_eq!(
        stripe.data_description.as_deref(),
        Some("a customer identifier and subscription state")
    );
    assert_eq!(
        stripe.dpa_url.as_deref(),
        Some("https://stripe.com/legal/dpa")
    );
    assert_eq!(stripe.subprocessors_url, None);
}

#[test]
fn services_found_in_the_code_are_offered_in_the_list_menu() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let code = format!("{}/tests/fixtures/scan/acme", env!("CARGO_MANIFEST_DIR"));
    let (_, answers, _, log) = run(
        processors,
        Answers::default(),
        &[
            Type(Box::leak(code.into_boxed_str())),
            Pick("Add the 10 found in your code: Amazon Web Services, Anthropic, OpenAI, Stripe"),
            // Everything found is listed now: the offer is gone.
            Pick("Done"),
            // No other recipients (authorities, a buyer, ...).
            Pick("Done"),
            // No links to other sites.
            No,
        ],
        false,
    );
    assert_eq!(answers.processors.len(), 10, "{log:#?}");
    let stripe = answers
        .processors
        .iter()
        .find(|p| p.id == "stripe")
        .unwrap();
    assert_eq!(stripe.catalog.as_deref(), Some("stripe"));
    assert!(
        !log.iter().any(|l| l.contains("Cannot look through")),
        "{log:#?}"
    );
}

#[test]
fn a_code_folder_that_cannot_be_read_is_said_once() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let (_, answers, _, log) = run(
        processors,
        Answers::default(),
        &[Type("/nonexistent/acme"), Pick("Done"), Pick("Done"), No],
        false,
    );
    assert!(answers.processors.is_empty());
    let said: Vec<_> = log
        .iter()
        .filter(|l| l.contains("Cannot look through your code: /nonexistent/acme"))
        .collect();
    assert_eq!(said.len(), 1, "{log:#?}");
}

/// Runs the organization section on a real file through `store::save_interview`;
/// `meanwhile` is written to the file by "another program" just before the first save.
fn run_on_file(meanwhile: Answers, acts: &[Act]) -> (tempfile::TempDir, Answers, Vec<String>) {
    use crate::store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.json");
    let mut script = Script::new(acts);
    let mut base = store::Base::default();
    let mut meanwhile = Some(meanwhile);
    let mut save = |a: &Answers, _key: &str| {
        if let Some(theirs) = meanwhile.take() {
            std::fs::write(&path, theirs.to_json()).unwrap();
        }
        let synced = store::save_interview(&path, &base, a)?;
        base = synced.base;
        Ok(synced.reloaded)
    };
    let mut interview = Interview::new(&mut script, &mut save, Answers::default());
    interview.run(organization(), None).unwrap();
    let answers = interview.answers.clone();
    drop(interview);
    (dir, answers, script.log)
}

/// F1: another program's change to another answer is kept, the interview's answer
/// is added to it, and the interview goes on with both.
#[test]
fn an_answer_is_reapplied_over_another_programs_change() {
    let mut theirs = Answers::default();
    theirs.organization.legal_form = Some("set by script".into());
    let (dir, answers, log) = run_on_file(theirs, &[Type("Acme"), Type("a tool"), CtrlC]);
    let on_disk = crate::store::read_on_disk(&dir.path().join("acme.json"))
        .unwrap()
        .answers;
    assert_eq!(
        on_disk.organization.legal_form.as_deref(),
        Some("set by script")
    );
    assert_eq!(on_disk.organization.product_name, "Acme");
    assert_eq!(on_disk.organization.description, "a tool");
    assert_eq!(answers, on_disk);
    assert!(
        log.iter()
            .any(|l| l.starts_with("say: ") && l.contains("another program")),
        "{log:#?}"
    );
}

/// Runs from question `start` like a resumed interview; returns the outcome, the
/// answers, the keys saved (in order), and the log.
fn run_from(
    sections: &[Section],
    answers: Answers,
    start: &str,
    acts: &[Act],
) -> (Outcome, Answers, Vec<String>, Vec<String>) {
    let mut script = Script::new(acts);
    let mut keys = Vec::new();
    let mut save = |_: &Answers, key: &str| {
        keys.push(key.to_owned());
        Ok(None)
    };
    let mut interview = Interview::new(&mut script, &mut save, answers);
    let outcome = interview.run(sections, Some(start)).unwrap();
    let answers = interview.answers.clone();
    drop(interview);
    assert!(script.acts.is_empty(), "unused script: {:?}", script.acts);
    (outcome, answers, keys, script.log)
}

/// Issue 18 (ux-ask-cli finding 13): Ctrl-C inside a list entry keeps what was
/// confirmed of it, and the interview resumes at that list.
#[test]
fn ctrl_c_inside_an_entry_keeps_its_confirmed_fields_and_resumes_at_the_list() {
    let all = crate::questions::sections();
    let (outcome, answers, keys, _) = run_from(
        all,
        Answers::default(),
        "data.categories",
        &[
            Pick("Add"),
            Type("Payment details"),
            Enter,
            Type("the last four digits of your card"),
            Enter, // the first source starts ticked: you provide it
            Enter,
            Yes,
            CtrlC, // at "What happens if they do not?"
        ],
    );
    assert_eq!(outcome, Outcome::Stopped);
    let c = &answers.data.categories;
    assert_eq!(c.len(), 1, "the entry so far is kept");
    assert_eq!(c[0].name, "Payment details");
    assert_eq!(c[0].required, Some(true));
    // The last key saved is the question before the list, so that resuming (at the
    // question after the last one saved) opens the list again.
    let order: Vec<&str> = all
        .iter()
        .flat_map(|s| s.questions.iter().map(|q| q.key))
        .collect();
    let list = order.iter().position(|&k| k == "data.categories").unwrap();
    assert_eq!(keys, ["data.categories", order[list - 1]]);
}

/// Found walking through `ask`: "Add a other recipient".
#[test]
fn list_menus_say_an_before_a_vowel() {
    let (_, _, _, log) = run_from(
        crate::questions::sections(),
        Answers::default(),
        "disclosures",
        &[Enter, CtrlC],
    );
    let log = log.join("\n");
    assert!(log.contains("[default: Add an other recipient]"), "{log}");
}

/// An entry stopped before its required fields cannot be saved; what was typed is
/// printed rather than dropped silently.
#[test]
fn ctrl_c_inside_an_incomplete_entry_prints_what_was_typed() {
    let data = std::slice::from_ref(section("data").unwrap());
    let (outcome, answers, _, log) = run_from(
        data,
        Answers::default(),
        "data.categories",
        &[Pick("Add"), Type("Payment details"), Enter, CtrlC],
    );
    assert_eq!(outcome, Outcome::Stopped);
    assert!(answers.data.categories.is_empty());
    assert!(
        log.iter()
            .any(|l| l.contains("What you typed for it") && l.contains("Payment details")),
        "{log:#?}"
    );
    // In plain words: the question still to answer, not the file's path and JSON
    // ("data.categories[0]: missing field `id`", `{"name":"Payment details"}`).
    let said = log
        .iter()
        .find(|l| l.contains("What you typed for it"))
        .unwrap();
    assert!(
        said.contains("still needs “What exactly is collected?”"),
        "{said}"
    );
    assert!(
        said.contains("What is it called? Payment details"),
        "{said}"
    );
    for raw in ["missing field", "data.categories[", "{\""] {
        assert!(!said.contains(raw), "{raw} in {said}");
    }
}

/// Both changed the same answer: the file keeps the other program's, the
/// interview's version is kept beside it, and the person is told.
#[test]
fn a_conflicting_answer_is_kept_beside_the_file() {
    let mut theirs = Answers::default();
    theirs.organization.product_name = "Theirs".into();
    let (dir, answers, log) = run_on_file(theirs, &[Type("Ours"), CtrlC]);
    let on_disk = crate::store::read_on_disk(&dir.path().join("acme.json"))
        .unwrap()
        .answers;
    assert_eq!(on_disk.organization.product_name, "Theirs");
    assert_eq!(answers.organization.product_name, "Theirs");
    let copy = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("acme.conflict-"))
        .expect("the interview's version is kept");
    let kept = crate::store::read_on_disk(&copy).unwrap().answers;
    assert_eq!(kept.organization.product_name, "Ours");
    assert!(
        log.iter()
            .any(|l| l.contains("organization.product_name") && l.contains("conflict-")),
        "{log:#?}"
    );
}

/// Issue 18 (ux-ask-cli finding 13): Esc at the first question of a resumed
/// interview goes back to the question before it.
#[test]
fn esc_goes_back_past_where_the_interview_resumed() {
    let (_, _, _, log) = run_from(
        crate::questions::sections(),
        Answers::default(),
        "data.notes",
        &[Esc, CtrlC],
    );
    assert!(
        log.iter().any(|l| l.contains("Data category: what next?")),
        "{log:#?}"
    );
    assert!(
        !log.iter().any(|l| l.contains("first question")),
        "{log:#?}"
    );
}

/// A yes/no never answered is asked by `--only-missing`, with no answer chosen for
/// the person; one answered "no" is an answer and is skipped (issue 18).
#[test]
fn only_missing_asks_an_unanswered_yes_no_and_skips_a_no() {
    let changes = std::slice::from_ref(section("changes").unwrap());
    let asks_in_advance = |log: &[String]| {
        log.iter()
            .find(|l| l.starts_with("confirm: Do you tell them before"))
            .cloned()
    };
    // Enter at "how do you tell them" (none ticked), then Ctrl-C.
    let (_, answers, _, log) = run(changes, Answers::default(), &[Enter, CtrlC], true);
    let asked = asks_in_advance(&log).expect("an unanswered yes/no is missing");
    assert!(asked.ends_with("[default: None]"), "{asked}");
    assert_eq!(answers.changes.in_advance, None);

    let mut said_no = Answers::default();
    said_no.changes.in_advance = Some(false);
    let (_, _, _, log) = run(changes, said_no, &[Enter, CtrlC], true);
    assert_eq!(asks_in_advance(&log), None, "{log:?}");
}

/// "No" is saved as an answer, not left out as if unanswered.
#[test]
fn a_no_to_a_yes_no_is_saved() {
    let changes = std::slice::from_ref(section("changes").unwrap());
    let (_, answers, _, log) = run(changes, Answers::default(), &[Enter, No, CtrlC], true);
    assert_eq!(answers.changes.in_advance, Some(false), "{log:?}");
    assert!(answers.to_json().contains("\"in_advance\": false"));
}

/// The quick start (issue 14): four start questions, then only the suggestions to
/// confirm (each the default) and what no suggestion can know.
mod quickstart {
    use super::*;
    use crate::answers::vocab::Region;
    use crate::ask::start;
    use crate::catalog::Catalog;
    use crate::questions::sections;
    use crate::suggest::{Start, StartKind, suggest};

    #[test]
    fn the_start_asks_four_things_and_esc_goes_back() {
        let mut script = Script::new(&[
            Tick(&["Web app"]),
            Esc,
            Tick(&["Mobile app", "Browser extension"]),
            Type("EE"),
            Tick(&["The European Economic Area", "The rest"]),
            Enter,
        ]);
        let Reply::Answer(s) = start::ask(&mut script) else {
            panic!("{:?}", script.log)
        };
        assert_eq!(s.kinds, [StartKind::MobileApp, StartKind::BrowserExtension]);
        assert_eq!(s.established.map(|c| c.code()), Some("EE"));
        assert_eq!(s.regions, [Region::Eea, Region::RestOfWorld]);
        assert_eq!(s.code_dir, None, "Enter skips the code");
        assert!(script.acts.is_empty());
        let mut script = Script::new(&[Esc]);
        assert_eq!(
            start::ask(&mut script),
            Reply::Back,
            "Esc at the first skips the start"
        );
    }

    /// Found walking through the quick start: ticking regions and going back (Esc)
    /// to correct the country lost the ticks; they are ticked again now, and Enter
    /// keeps them.
    #[test]
    fn esc_back_from_the_regions_keeps_the_ticks() {
        let mut script = Script::new(&[
            Tick(&["Web app"]),
            Type("DE"),
            TickThenEsc(&["The European Economic Area", "California"]),
            Type("AT"),
            Enter,
            Enter,
        ]);
        let Reply::Answer(s) = start::ask(&mut script) else {
            panic!("{:?}", script.log)
        };
        assert_eq!(s.established.map(|c| c.code()), Some("AT"));
        assert_eq!(s.regions, [Region::Eea, Region::California]);
        let asked: Vec<&String> = script
            .log
            .iter()
            .filter(|l| l.starts_with("multi: Who does it serve"))
            .collect();
        assert_eq!(asked.len(), 2, "{:?}", script.log);
        assert!(!asked[1].ends_with("[ticked: []]"), "{}", asked[1]);
    }

    /// Enter on the country with nothing typed says what to type, not "`` is not a
    /// country"; the grey "e.g. DE" is an example, never an answer.
    #[test]
    fn an_empty_country_is_asked_again_with_what_to_type() {
        let mut script = Script::new(&[
            Tick(&["Web app"]),
            Enter,
            Type("DE"),
            Tick(&["The European Economic Area"]),
            Enter,
        ]);
        let Reply::Answer(s) = start::ask(&mut script) else {
            panic!("{:?}", script.log)
        };
        assert_eq!(s.established.map(|c| c.code()), Some("DE"));
        let log = script.log.join("\n");
        assert!(
            log.contains("invalid: type the country's two-letter code, e.g. DE for Germany or US"),
            "{log}"
        );
    }

    #[test]
    fn after_the_start_only_suggestions_and_unknowns_are_asked() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quickstart/saas");
        let report = crate::scan::scan(&dir, &Catalog::builtin()).unwrap();
        let s = Start {
            kinds: vec![StartKind::WebApp],
            established: Some("DE".parse().unwrap()),
            regions: vec![Region::Eea],
            code_dir: None,
        };
        let answers = suggest(&Answers::default(), &s, Some(&report), &Catalog::builtin());
        let summary = start::summary(&answers);
        assert!(summary.contains("Stripe (Payments)"));
        // The rights suggested, in words rather than as answer keys.
        assert!(
            summary.contains("the right to complain to a supervisory authority"),
            "{summary}"
        );
        assert!(!summary.contains("complaint,"), "{summary}");
        let mut script = Script::new(&[
            Type("Invoicely"),
            Type("Invoicely GmbH"),
            Type("privacy@invoicely.example"),
            // Data, purposes, recipients: the first option confirms.
            Enter,
            Enter,
            Enter,
            // A suggested recipient's transfers rest on contractual clauses: a copy on
            // request (GDPR Art. 13(1)(f)) is suggested, the default.
            Enter,
            // Retention: the first option confirms.
            Enter,
            // The right to complain: the suggestion (yes) is the default.
            Enter,
        ]);
        let mut save = |_: &Answers, _: &str| Ok(None);
        let mut interview = Interview::new(&mut script, &mut save, answers);
        interview.quick = true;
        assert_eq!(interview.run(sections(), None).unwrap(), Outcome::Finished);
        let done = interview.answers.clone();
        drop(interview);
        assert!(done.unconfirmed().is_empty(), "{:?}", done.unconfirmed());
        assert_eq!(done.rights.complaint, Some(true));
        assert_eq!(done.hosting.safeguards_copy.as_deref(), Some("on_request"));
        assert_eq!(done.processors.len(), 5);
        let log = script.log.join("\n");
        assert!(log.contains("[suggested, not confirmed]"), "{log}");
        assert!(
            log.contains("Confirm the suggestions above and go on"),
            "{log}"
        );
        assert!(script.acts.is_empty());
    }
}

/// Telemetry is asked as a group after the data: on by default, what it sends, the
/// ways to turn it off and where it goes.
#[test]
fn telemetry_is_asked_with_the_data() {
    let data = std::slice::from_ref(section("data").unwrap());
    let (_, answers, _, _) = run(
        data,
        Answers::default(),
        &[
            Pick("Done"),
            Pick("Done"),
            Pick("Done"),
            Yes,
            Pick("on unless"),
            Type("the commands you run"),
            Enter,
            Type("ACME_TELEMETRY=0"),
            Type("--no-telemetry"),
            Enter,
            Enter,
        ],
        false,
    );
    let t = answers.telemetry.expect("telemetry answered");
    assert_eq!(
        t.default,
        crate::answers::vocab::TelemetryDefault::OnByDefault
    );
    assert_eq!(t.sends, "the commands you run");
    assert_eq!(t.env_var.as_deref(), Some("ACME_TELEMETRY=0"));
    assert_eq!(t.cli_flag.as_deref(), Some("--no-telemetry"));
    assert_eq!(t.setting, None);
}

/// Found walking through `ask` as a first-time user: Ctrl-C at "Where does it come
/// from?" of a new data category printed what was typed, and the resumed `ask`
/// started the entry from nothing. The entry begun is kept as the interview's draft
/// and the next "Add" goes on with it, each answer typed offered as the default.
#[test]
fn an_entry_stopped_before_it_could_be_saved_is_taken_up_again() {
    let data = std::slice::from_ref(section("data").unwrap());
    let mut script = Script::new(&[
        Pick("Add"),
        Type("Invoices"),
        Enter,
        Type("the invoices you upload"),
        CtrlC, // at "Where does it come from?"
    ]);
    let mut save = |_: &Answers, _: &str| Ok(None);
    let mut interview = Interview::new(&mut script, &mut save, Answers::default());
    let outcome = interview.run(data, Some("data.categories")).unwrap();
    assert_eq!(outcome, Outcome::Stopped);
    assert!(interview.answers.data.categories.is_empty());
    let draft = interview.draft.clone().expect("the entry begun is kept");
    assert_eq!(draft.0, "data.categories");
    drop(interview);

    // The next interview: Add goes on with it; Enter keeps what was typed.
    let mut script = Script::new(&[
        Pick("Add"),
        Enter,
        Enter,
        Enter,
        Tick(&["Information you provide"]),
        CtrlC,
    ]);
    let mut save = |_: &Answers, _: &str| Ok(None);
    let mut interview = Interview::new(&mut script, &mut save, Answers::default());
    interview.draft = Some(draft);
    interview.run(data, Some("data.categories")).unwrap();
    let c = &interview.answers.data.categories;
    assert_eq!(c.len(), 1, "the entry is saved");
    assert_eq!(c[0].name, "Invoices");
    assert_eq!(c[0].description, "the invoices you upload");
    assert!(interview.draft.is_none(), "taken, and saved with the list");
}

/// Issue 18: Esc on an entry's first field leaves it; the fields confirmed after
/// it, gone back from with Esc, were dropped. They are kept as on Ctrl-C: the
/// founder is told, and the next "Add" goes on with them.
#[test]
fn esc_out_of_an_entry_keeps_its_confirmed_fields_for_the_next_add() {
    let data = std::slice::from_ref(section("data").unwrap());
    let (_, answers, _, log) = run_from(
        data,
        Answers::default(),
        "data.categories",
        &[
            Pick("Add"),
            Type("Invoices"),
            Enter,
            Type("the invoices you upload"),
            Esc, // at "Where does it come from?": back to the description
            Esc, // back to the id
            Esc, // back to the name
            Esc, // leaves the entry
            Pick("Add"),
            Enter,
            Enter,
            Enter,
            Tick(&["Information you provide"]),
            CtrlC,
        ],
    );
    let log = log.join("\n");
    assert!(
        log.contains("What you typed for it") && log.contains("choose “Add a data category”"),
        "{log}"
    );
    assert!(
        log.contains("Going on with the data category you began"),
        "{log}"
    );
    assert!(
        log.contains("text: What exactly is collected? [default: the invoices you upload]"),
        "{log}"
    );
    let c = &answers.data.categories;
    assert_eq!(c.len(), 1, "the entry is saved: {log}");
    assert_eq!(c[0].name, "Invoices");
    assert_eq!(c[0].description, "the invoices you upload");
}

/// Issue 13 item 10: a processor for business customers is asked how they hear of
/// sub-processor changes, after its recipients; a yes to links to other sites is kept
/// even with nothing else typed.
#[test]
fn sub_processor_notices_and_links_to_other_sites_are_asked_after_the_recipients() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let mut answers = Answers::from_json(include_str!("../../examples/complete.json")).unwrap();
    answers.data.subprocessor_changes = None;
    let (_, answers, _, log) = run(
        processors,
        answers,
        &[
            // Where the code is; the recipients as they are.
            Enter,
            Pick("Done"),
            Yes,
            Tick(&["with a notice on our website"]),
            Type("14 days"),
            Type("https://ledgerly.example/subprocessors.rss"),
            Type("by replying to the notice"),
            // Other recipients as they are.
            Pick("Done"),
            // Links to other sites: yes, with no examples or note.
            Yes,
            Enter,
            Enter,
        ],
        false,
    );
    let c = answers.data.subprocessor_changes.as_ref().unwrap();
    assert_eq!(c.notify_by, [crate::answers::vocab::NoticeChannel::Website]);
    assert_eq!(c.notice_period.unwrap().to_string(), "14 days");
    assert_eq!(
        c.subscribe_url.as_deref(),
        Some("https://ledgerly.example/subprocessors.rss")
    );
    assert_eq!(c.object_by.as_deref(), Some("by replying to the notice"));
    assert_eq!(answers.third_party_links.stated, Some(true), "{log:#?}");
    assert!(answers.to_json().contains("\"third_party_links\""));
}

/// Issue 18: Esc on a text prompt kept nothing of what was typed there. It is on
/// the line again when the question comes back, and Enter takes it.
#[test]
fn esc_keeps_what_was_typed_for_when_the_question_comes_back() {
    let (_, answers, _, log) = run(
        organization(),
        Answers::default(),
        &[
            Type("Acme"),
            TypeThenEsc("a tool that records"),
            // Back at the name: kept as it was.
            Enter,
            // The description again, with what was typed on the line.
            Enter,
            CtrlC,
        ],
        false,
    );
    assert_eq!(answers.organization.product_name, "Acme");
    assert_eq!(answers.organization.description, "a tool that records");
    assert!(
        log.iter()
            .any(|l| l.ends_with("[typed: a tool that records]")),
        "{log:#?}"
    );
}

fn retention() -> &'static [Section] {
    std::slice::from_ref(section("retention").unwrap())
}

/// Issue 18: inside an entry, Esc back to the field before keeps what was typed
/// in the field left; "Counted from what?" says the period typed, not "1 year";
/// the rolling window is asked only once there is a period.
#[test]
fn an_entry_keeps_typing_across_esc_and_says_its_own_period() {
    let (_, answers, _, log) = run(
        retention(),
        Answers::default(),
        &[
            Pick("Add"),
            Type("Logs"),
            // No data categories yet: said, not asked.
            Type("30 days"),
            TypeThenEsc("the last login"),
            Enter,
            Enter,
            // Up to, until, rolling (a no), inactivity, set by, legal hold, setting,
            // legal reason, details.
            Enter,
            Enter,
            No,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            // A second rule with no period: no rolling window asked.
            Pick("Add"),
            Type("Account"),
            Enter,
            Type("you delete your account"),
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            CtrlC,
        ],
        false,
    );
    let rules = &answers.retention.rules;
    assert_eq!(rules.len(), 2, "{log:#?}");
    assert_eq!(
        rules[0].after.as_deref(),
        Some("the last login"),
        "{log:#?}"
    );
    assert!(
        log.iter()
            .any(|l| l.contains(r#"(completes "30 days after ...")"#)),
        "{log:#?}"
    );
    assert!(!log.iter().any(|l| l.contains("1 year after")), "{log:#?}");
    let rolling: Vec<&String> = log
        .iter()
        .filter(|l| l.contains("rolling window"))
        .collect();
    assert_eq!(
        rolling.len(),
        1,
        "asked for the rule with a period only: {log:#?}"
    );
}

/// Issue 18: "strip" and Enter at the catalog question was refused with "did you
/// mean stripe"; the one entry it begins is taken, and that is said.
#[test]
fn part_of_a_catalog_name_and_enter_takes_the_entry() {
    let catalog = crate::catalog::Catalog::builtin();
    let stripe = super::service(&catalog, "strip").unwrap().unwrap();
    assert_eq!(stripe.id, "stripe");
    assert_eq!(
        super::service(&catalog, "Stripe").unwrap().unwrap().id,
        "stripe"
    );
    assert!(super::service(&catalog, "-").unwrap().is_none());
    let many = super::service(&catalog, "a").unwrap_err();
    assert!(many.contains("type more"), "{many}");
    let processors = std::slice::from_ref(section("processors").unwrap());
    let (_, answers, _, log) = run(
        processors,
        Answers::default(),
        &[Enter, Pick("Add"), Type("strip"), CtrlC],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.contains("Taken from the catalog: stripe (Stripe)")),
        "{log:#?}"
    );
    assert!(!log.iter().any(|l| l.contains("invalid")), "{log:#?}");
    // Ctrl-C keeps what was confirmed of the entry.
    assert_eq!(answers.processors.len(), 1, "{log:#?}");
    assert_eq!(answers.processors[0].catalog.as_deref(), Some("stripe"));
}

/// Found walking through `ask` for issue 18: a kept warning (waiver) with a
/// mistyped rule id was saved, and the policy could then not be rendered. It is
/// refused as it is confirmed, with the closest id, and the entry reopened.
#[test]
fn a_kept_warning_must_name_a_rule() {
    let policy = std::slice::from_ref(section("policy").unwrap());
    let (_, answers, _, log) = run_from(
        policy,
        Answers::default(),
        "waivers",
        &[
            Pick("Add"),
            Type("gdpr-eu-rep"),
            Enter,
            Type("occasional processing"),
            Enter,
            // Reopened with what was typed: the id corrected, the rest kept.
            Type("gdpr-eu-representative"),
            Enter,
            Enter,
            Enter,
            Pick("Done"),
        ],
    );
    assert!(
        log.iter()
            .any(|l| l.contains("did you mean `gdpr-eu-representative`?")),
        "{log:#?}"
    );
    assert_eq!(answers.waivers.len(), 1, "{log:#?}");
    assert_eq!(answers.waivers[0].rule, "gdpr-eu-representative");
    assert_eq!(answers.waivers[0].reason, "occasional processing");
}

/// Found walking through `ask` for issue 18: Esc on an own section's text (one line
/// without $EDITOR, or the editor) lost what was written; it comes back with it.
#[test]
fn an_own_section_s_text_is_kept_across_esc() {
    let custom = std::slice::from_ref(section("custom").unwrap());
    let (_, answers, _, log) = run(
        custom,
        Answers::default(),
        &[
            Pick("Add"),
            Type("Open source"),
            TypeThenEsc("Our code is MIT licensed."),
            // Back at the heading: kept.
            Enter,
            // The text again, as written: Enter takes it.
            Enter,
            CtrlC,
        ],
        false,
    );
    assert!(
        log.iter()
            .any(|l| l.ends_with("[typed: Our code is MIT licensed.]")),
        "{log:#?}"
    );
    let json = serde_json::to_value(&answers.custom_sections).unwrap();
    assert!(
        json.to_string().contains("Our code is MIT licensed."),
        "{json}\n{log:#?}"
    );
}

/// Found walking through `ask` for issue 18: changing a permission showed its
/// names as a default that typing replaced, so "; tabs" typed to add one left only
/// "tabs". The list is on the line to edit; Enter keeps it as it is.
#[test]
fn a_permission_s_names_are_edited_in_place() {
    let mut start = Answers::default();
    start.audience.product_kinds = vec![crate::answers::vocab::ProductKind::BrowserExtension];
    start
        .extension
        .permissions
        .push(crate::answers::Permission {
            names: vec!["storage".into()],
            used_for: "notes".into(),
        });
    let extension = std::slice::from_ref(section("extension").unwrap());
    let (_, answers, _, log) = run_from(
        extension,
        start,
        "extension.permissions",
        &[
            Pick("Change"),
            Pick("storage"),
            // The line holds "storage": what is typed goes on from it.
            Type("storage; tabs"),
            Enter,
            Pick("Change"),
            Pick("storage, tabs"),
            Enter,
            Enter,
            Pick("Done"),
            CtrlC,
        ],
    );
    assert!(
        log.iter()
            .any(|l| l.starts_with("text: Permission names") && l.ends_with("[typed: storage]")),
        "{log:#?}"
    );
    let p = &answers.extension.permissions[0];
    assert_eq!(p.names, ["storage", "tabs"], "{log:#?}");
    assert_eq!(p.used_for, "notes");
}

/// Found walking through both interviews for issue 18: a store entry for a data
/// category that does not exist ("note" for "notes") was accepted in silence.
/// The category is now picked by name from those described, as other questions
/// that refer to data categories do; the id is what is stored.
#[test]
fn a_store_entry_picks_its_data_category_by_name() {
    let mut start = Answers::default();
    start.audience.product_kinds = vec![crate::answers::vocab::ProductKind::BrowserExtension];
    start.data.categories.push(crate::answers::DataCategory {
        id: "notes".into(),
        name: "Your notes".into(),
        description: "the notes you write".into(),
        ..Default::default()
    });
    let stores = std::slice::from_ref(section("stores").unwrap());
    let (_, answers, _, log) = run_from(
        stores,
        start,
        "stores.categories",
        &[Pick("Add"), Pick("Your notes"), Enter, Pick("Done")],
    );
    assert!(
        log.iter()
            .any(|l| l.starts_with("select: Which data category?") && l.contains("Your notes")),
        "{log:#?}"
    );
    assert!(!log.iter().any(|l| l.contains("its id")), "{log:#?}");
    assert_eq!(answers.stores.categories.len(), 1);
    assert_eq!(answers.stores.categories[0].category, "notes");
}

/// With no data category described, there is nothing to pick: the founder is told
/// where to describe them and is back at the list, with nothing half-typed.
#[test]
fn a_store_entry_without_data_categories_says_where_to_describe_them() {
    let mut start = Answers::default();
    start.audience.product_kinds = vec![crate::answers::vocab::ProductKind::BrowserExtension];
    let stores = std::slice::from_ref(section("stores").unwrap());
    let (_, answers, _, log) = run_from(
        stores,
        start,
        "stores.categories",
        &[Pick("Add"), Pick("Done")],
    );
    assert!(
        log.iter()
            .any(|l| l.contains(crate::questions::NO_CATEGORIES)),
        "{log:#?}"
    );
    assert!(answers.stores.categories.is_empty());
}

/// Issue 18: going back out of an entry with Esc kept its confirmed fields, but
/// text typed at a later field and left with Esc was lost with the entry. It comes
/// back on the line when that entry is opened again.
#[test]
fn typing_left_in_an_entry_is_there_when_the_entry_is_opened_again() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let (_, _, _, log) = run(
        processors,
        Answers::default(),
        &[
            Enter,
            Pick("Add"),
            // Not from the catalog; its name; its id typed and left with Esc.
            Enter,
            Type("Mailer"),
            TypeThenEsc("mailer_eu"),
            // Back at the name, then at the catalog question: Esc leaves the entry.
            Esc,
            Esc,
            // The entry begun is offered again at the next Add.
            Pick("Add"),
            Enter,
            Enter,
            CtrlC,
        ],
        false,
    );
    assert!(
        log.iter().any(|l| l.ends_with("[typed: mailer_eu]")),
        "{log:#?}"
    );
}

/// A recipient the file gives only as a catalog reference is listed by the catalog's
/// name and role, as the policy files it, and its role is offered as the catalog's,
/// where both said "Other recipients" (the JSON value of a role never set).
#[test]
fn a_catalog_references_role_is_offered_as_the_catalogs() {
    let processors = std::slice::from_ref(section("processors").unwrap());
    let mut answers = Answers::default();
    answers.organization.country = Some("DE".parse().unwrap());
    answers.audience.regions = vec![crate::answers::vocab::Region::Eea];
    answers.processors =
        vec![serde_json::from_value(serde_json::json!({"catalog": "mixpanel"})).unwrap()];
    let (_, after, _, log) = run(
        processors,
        answers.clone(),
        &[
            Enter,
            Pick("Change a recipient"),
            Pick("Mixpanel (Analytics)"),
            // Catalog, name, id, company: as they are.
            Enter,
            Enter,
            Enter,
            Enter,
            CtrlC,
        ],
        false,
    );
    // Stopped inside the entry, what was confirmed is kept (the catalog field,
    // confirmed again, fills in its id, name and role): the policy says the same.
    let policy = |a: &Answers| {
        crate::policy::Policy::resolve(a, &crate::catalog::Catalog::builtin())
            .unwrap()
            .answers()
            .processors
            .clone()
    };
    assert_eq!(policy(&after), policy(&answers), "the policy says the same");
    let asked = log.join("\n");
    assert!(asked.contains("Mixpanel (Analytics)"), "{asked}");
    assert!(!asked.contains("Other recipients ("), "{asked}");
    assert!(
        log.iter()
            .any(|l| l.starts_with("select: What job does it do?") && l.contains("Analytics")),
        "{asked}"
    );
}
