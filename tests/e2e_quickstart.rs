//! The quick start, measured (issue 14): `policywright new` on each sample product
//! in `tests/fixtures/quickstart/`, in a real terminal, accepting the suggestions and
//! typing only what they cannot know. The result must render, pass `check` for the
//! regions served, and state every practice its `PRACTICES.md` describes.
//!
//! Each run counts what the operator did: answers typed, characters typed, keys
//! pressed (a typed character is a key; so are Space, Enter, arrows and Ctrl keys).
//! With `QUICKSTART_FIGURES=FILE` the figures are appended to FILE, which
//! `scripts/quickstart-bench.sh` prints for the README.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::session::{Options, PtySession, spawn_with_options};

/// One thing the operator does.
enum Step {
    /// Wait until the screen shows this.
    See(&'static str),
    /// Press keys that are not typing an answer (Space, Enter, arrows, Ctrl keys),
    /// as (bytes, how many keys they are).
    Keys(&'static str, usize),
    /// Type an answer and press Enter.
    Type(&'static str),
    /// Wait until the saved answers satisfy this.
    Saved(fn(&serde_json::Value) -> bool),
}

const SPACE: Step = Step::Keys(" ", 1);
const ENTER: Step = Step::Keys("\r", 1);
const CTRL_N: Step = Step::Keys("\x0e", 1);
const CTRL_D: Step = Step::Keys("\x04", 1);
const CTRL_Q: Step = Step::Keys("\x11", 1);

/// What the operator did, counted.
#[derive(Debug, Default)]
struct Effort {
    typed_answers: usize,
    characters: usize,
    keys: usize,
}

fn fixture(sample: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quickstart")
        .join(sample)
}

fn answers(data: &Path, name: &str) -> serde_json::Value {
    let path = data.join("policies").join(format!("{name}.json"));
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// The program in a pseudo-terminal and the screen it has drawn so far (the
/// wizard redraws only what changed, so the raw output is not the screen).
struct Screen {
    p: PtySession,
    screen: vt100::Parser,
}

impl Screen {
    fn contents(&mut self) -> String {
        while let Some(c) = self.p.try_read() {
            // The reader hands out bytes as chars.
            self.screen.process(&[c as u32 as u8]);
        }
        self.screen.screen().contents()
    }

    fn send(&mut self, bytes: &str) {
        self.p.send(bytes).unwrap();
        self.p.flush().unwrap();
    }
}

/// Runs policywright with `args` (`new NAME`, or none for the home screen) in the
/// fixtures' folder and plays the steps; returns the effort.
fn play(data: &Path, name: &str, args: &[&str], steps: &[Step]) -> Effort {
    // A new pseudo-terminal is 0x0; give it the size of a real one.
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "stty rows 40 cols 120 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_policywright"))
        .args(args)
        .current_dir(fixture(""))
        .env("POLICYWRIGHT_DATA_DIR", data)
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let options = Options::new()
        .timeout_ms(Some(30_000))
        .strip_ansi_escape_codes(false);
    let mut p = Screen {
        p: spawn_with_options(cmd, options).expect("spawn policywright"),
        screen: vt100::Parser::new(40.try_into().unwrap(), 120.try_into().unwrap(), 0),
    };
    let mut effort = Effort::default();
    for step in steps {
        match step {
            Step::See(text) => {
                let deadline = Instant::now() + Duration::from_secs(30);
                while !p.contents().contains(text) {
                    assert!(
                        Instant::now() < deadline,
                        "{name}: waiting for {text:?}; the screen shows:\n{}",
                        p.contents()
                    );
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            Step::Keys(bytes, n) => {
                p.send(bytes);
                effort.keys += n;
            }
            Step::Type(text) => {
                p.send(text);
                p.send("\r");
                effort.typed_answers += 1;
                effort.characters += text.chars().count();
                effort.keys += text.chars().count() + 1;
            }
            Step::Saved(holds) => {
                let start = Instant::now();
                while !holds(&answers(data, name)) {
                    assert!(
                        start.elapsed() < Duration::from_secs(30),
                        "{name}: the saved answers never reached the expected state: {:#}\nthe screen shows:\n{}",
                        answers(data, name),
                        p.contents()
                    );
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
    }
    p.p.exp_eof().expect("the wizard ends after Ctrl-Q");
    effort
}

/// The words the policy must contain, per practice of the sample's description
/// (`- practice. states: "words"; "more words"`).
fn practices(sample: &str) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(fixture(sample).join("PRACTICES.md")).unwrap();
    let list: Vec<(String, Vec<String>)> = text
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| {
            let (practice, states) = l
                .split_once(" states: ")
                .expect("each practice says what the policy states");
            let words = states
                .split(';')
                .map(|w| w.trim().trim_matches('"').to_owned())
                .collect();
            (practice.to_owned(), words)
        })
        .collect();
    assert!(list.len() >= 4, "{sample}: {list:?}");
    list
}

fn pw(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_policywright"))
        .args(args)
        .env("POLICYWRIGHT_DATA_DIR", data)
        .output()
        .unwrap()
}

/// Plays a sample with `new NAME` and holds its result to the description; returns
/// the effort.
fn sample(name: &str, steps: &[Step]) -> Effort {
    sample_with(name, &["new", name], steps, true)
}

/// Plays a sample with `args`; `figures`: the effort goes to the bench's table.
fn sample_with(name: &str, args: &[&str], steps: &[Step], figures: bool) -> Effort {
    let data = tempfile::tempdir().unwrap();
    let effort = play(data.path(), name, args, steps);
    let saved = answers(data.path(), name);
    assert!(
        saved["workspace"]["unconfirmed"].is_null(),
        "{name}: every suggestion confirmed: {saved:#}"
    );
    let check = pw(data.path(), &["check", name]);
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && report.contains("\n0 errors"),
        "{name}: check\n{report}"
    );
    let render = pw(data.path(), &["render", name]);
    assert!(render.status.success(), "{name}: render");
    let policy = String::from_utf8(render.stdout).unwrap();
    assert!(!policy.contains("DRAFT: not for publishing"));
    for (practice, words) in practices(name) {
        for w in words {
            assert!(
                policy.contains(&w),
                "{name}: the policy does not state {w:?} ({practice})\n{policy}"
            );
        }
    }
    if let (true, Ok(file)) = (figures, std::env::var("QUICKSTART_FIGURES")) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
            .unwrap();
        writeln!(
            f,
            "| {name} | {} | {} | {} |",
            effort.typed_answers, effort.characters, effort.keys
        )
        .unwrap();
    }
    effort
}

#[test]
fn a_web_saas_in_node_is_a_check_clean_draft_within_the_bar() {
    let steps = [
        Step::See("What kind of product"),
        SPACE, // Web app or SaaS
        ENTER,
        Step::See("established"),
        Step::Type("DE"),
        Step::See("Who does it serve"),
        SPACE, // the EEA
        ENTER,
        Step::See("product's code"),
        Step::Type("saas"),
        Step::See("Sections"),
        // What was suggested is said in the wizard: printed before it opened, it
        // was hidden behind the full screen until the wizard quit.
        Step::See("suggestions to confirm"),
        // The wizard opens at the first question that needs the operator.
        Step::Type("Invoicely"),
        CTRL_N,
        Step::Type("Invoicely GmbH"),
        CTRL_N,
        Step::Type("privacy@invoicely.example"),
        CTRL_N,
        Step::Saved(|a| a["organization"]["contact_email"] == "privacy@invoicely.example"),
        // Data, purposes, recipients, where data lives (a copy of the contractual
        // clauses on request, GDPR Art. 13(1)(f)), retention, rights: read, then
        // confirmed with Ctrl-D (which goes on to the section's next question left
        // unanswered, never past it), and Ctrl-N goes to the next to confirm.
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        Step::Saved(|a| {
            a["workspace"]["unconfirmed"].is_null()
                && a["organization"]["legal_entity"] == "Invoicely GmbH"
        }),
        CTRL_Q,
    ];
    let effort = sample("saas", &steps);
    // The bar of issue 14 for the SaaS sample.
    assert!(effort.typed_answers <= 25, "{effort:?}");
    assert!(effort.characters <= 600, "{effort:?}");
    assert!(effort.keys <= 300, "{effort:?}");
}

/// The home screen (`policywright` alone): `n` and a name begin with the same
/// start as `new NAME`, drawn full-screen, and open the wizard on its suggestions.
#[test]
fn the_home_screens_new_policy_begins_with_the_quick_start() {
    let steps = [
        Step::See("No saved policies yet"),
        Step::Keys("n", 1),
        Step::See("Name for the new policy"),
        Step::Type("saas"),
        Step::See("What kind of product"),
        SPACE, // Web app or SaaS
        ENTER,
        Step::See("established"),
        Step::Type("DE"),
        Step::See("Who does it serve"),
        SPACE, // the EEA
        ENTER,
        Step::See("product's code"),
        Step::Type("saas"),
        Step::See("Sections"),
        // The wizard says what the start suggested, and opens where `new` does.
        Step::See("suggestions to confirm"),
        Step::See("What is your product called?"),
        Step::Saved(|a| {
            a["workspace"]["unconfirmed"]
                .as_array()
                .is_some_and(|u| u.iter().any(|p| p == "processors.stripe"))
        }),
        Step::Type("Invoicely"),
        CTRL_N,
        Step::Type("Invoicely GmbH"),
        CTRL_N,
        Step::Type("privacy@invoicely.example"),
        CTRL_N,
        Step::Saved(|a| a["organization"]["contact_email"] == "privacy@invoicely.example"),
        // The first list to confirm marks its suggested entries.
        Step::See("[suggested]"),
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        Step::Saved(|a| {
            a["workspace"]["unconfirmed"].is_null()
                && a["organization"]["legal_entity"] == "Invoicely GmbH"
        }),
        CTRL_Q,
    ];
    sample_with("saas", &[], &steps, false);
}

#[test]
fn a_react_native_app_is_a_check_clean_draft() {
    let down8 = Step::Keys("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B", 8);
    let steps = [
        Step::See("What kind of product"),
        Step::Keys("\x1b[B\x1b[B", 2),
        SPACE, // Mobile app
        ENTER,
        Step::See("established"),
        Step::Type("EE"),
        Step::See("Who does it serve"),
        SPACE, // the EEA
        down8,
        SPACE, // the rest of the world
        ENTER,
        Step::See("product's code"),
        Step::Type("mobile"),
        Step::See("Sections"),
        Step::Type("Habitly"),
        CTRL_N,
        Step::Type("Habitly OÜ"),
        CTRL_N,
        Step::Type("privacy@habitly.example"),
        CTRL_N,
        Step::Saved(|a| a["organization"]["contact_email"] == "privacy@habitly.example"),
        // One more section than before: where data lives (a copy of the clauses).
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        Step::Saved(|a| {
            a["workspace"]["unconfirmed"].is_null()
                && a["organization"]["legal_entity"] == "Habitly OÜ"
        }),
        // The catalog knows Mixpanel keeps data in the US by default, but not what
        // makes that lawful (GDPR Art. 13(1)(f), 44-46): the operator says it, from
        // the agreement they signed, on the recipients question `check` stops at.
        Step::See("`Mixpanel`"),
        Step::Keys("\x1b[B\x1b[B\x1b[B", 3), // to Mixpanel, the fourth recipient
        ENTER,
        Step::See("Editing recipient 4: Mixpanel"),
        Step::Keys(
            "\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B",
            11,
        ), // to "what makes that lawful?"
        ENTER,
        Step::See("Space tick"), // the list of mechanisms is open
        Step::Keys("\x1b[B", 1),
        SPACE, // standard contractual clauses
        ENTER,
        Step::Keys("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B", 8), // to "Save this entry"
        ENTER,
        Step::Saved(|a| {
            a["processors"].as_array().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p["catalog"] == "mixpanel" && p["safeguard"] == "sccs")
            })
        }),
        CTRL_Q,
    ];
    sample("mobile", &steps);
}

#[test]
fn a_browser_extension_is_a_check_clean_draft() {
    let down8 = Step::Keys("\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B", 8);
    let steps = [
        Step::See("What kind of product"),
        Step::Keys("\x1b[B\x1b[B\x1b[B", 3),
        SPACE, // Browser extension
        ENTER,
        Step::See("established"),
        Step::Type("AT"),
        Step::See("Who does it serve"),
        SPACE,
        down8,
        SPACE,
        ENTER,
        Step::See("product's code"),
        Step::Type("extension"),
        Step::See("Sections"),
        Step::Type("Tabnotes"),
        CTRL_N,
        Step::Type("Jana Novak"),
        CTRL_N,
        Step::Type("jana@tabnotes.example"),
        CTRL_N,
        Step::Saved(|a| a["organization"]["contact_email"] == "jana@tabnotes.example"),
        // One more section than before: where data lives (a copy of the clauses).
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        CTRL_D,
        CTRL_N,
        Step::Saved(|a| {
            a["workspace"]["unconfirmed"].is_null()
                && a["organization"]["legal_entity"] == "Jana Novak"
        }),
        CTRL_Q,
    ];
    sample("extension", &steps);
}

/// `ask` on a new policy: the same start, then one prompt per line for what the
/// suggestions cannot know and for each suggestion, offered as the default.
#[test]
fn ask_offers_each_suggestion_as_the_default() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policywright"));
    cmd.args(["ask", "saas"])
        .current_dir(fixture(""))
        .env("POLICYWRIGHT_DATA_DIR", data.path())
        .env("TERM", "xterm-256color");
    let options = Options::new()
        .timeout_ms(Some(30_000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, options).expect("spawn policywright");
    let send = |p: &mut PtySession, keys: &str| {
        p.send(keys).unwrap();
        p.flush().unwrap();
    };
    p.exp_string("What kind of product").unwrap();
    send(&mut p, " ");
    send(&mut p, "\r");
    p.exp_string("established").unwrap();
    send(&mut p, "DE\r");
    p.exp_string("Who does it serve").unwrap();
    send(&mut p, " ");
    send(&mut p, "\r");
    p.exp_string("product's code").unwrap();
    send(&mut p, "saas\r");
    p.exp_string("Recipients found in your code: Neon").unwrap();
    p.exp_string("What is your product called?").unwrap();
    send(&mut p, "Invoicely\r");
    p.exp_string("Who runs it: your company").unwrap();
    send(&mut p, "Invoicely GmbH\r");
    p.exp_string("Which e-mail address").unwrap();
    send(&mut p, "privacy@invoicely.example\r");
    // Data, purposes, recipients, retention: each list marks its suggestions and
    // offers confirming them first.
    for list in ["Data category", "Purpose", "Recipient", "Retention rule"] {
        p.exp_string("[suggested, not confirmed]").unwrap();
        p.exp_string(&format!("{list}: what next?")).unwrap();
        p.exp_string("> Confirm the suggestions above and go on")
            .unwrap();
        send(&mut p, "\r");
        if list == "Recipient" {
            // A suggested recipient's clauses: a copy on request is the default.
            p.exp_string("protects their data abroad? (on_").unwrap();
            send(&mut p, "\r");
        }
    }
    p.exp_string("complain to a data protection authority? (Y/n)")
        .unwrap();
    send(&mut p, "\r");
    p.exp_string("Done. Render the policy with: policywright render saas")
        .unwrap();
    p.exp_eof().unwrap();
    let saved = answers(data.path(), "saas");
    assert!(saved["workspace"]["unconfirmed"].is_null(), "{saved:#}");
    let check = pw(data.path(), &["check", "saas"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// Found walking through `ask`'s quick start: ticking the regions, then Esc back to
/// correct the country, lost the ticks (inquire's multi-select returned nothing on
/// Esc; the vendored copy now hands them back). Enter at the regions keeps them.
#[test]
fn ask_keeps_the_regions_ticked_across_esc() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policywright"));
    cmd.args(["ask", "regions"])
        .current_dir(fixture(""))
        .env("POLICYWRIGHT_DATA_DIR", data.path())
        .env("TERM", "xterm-256color");
    let options = Options::new()
        .timeout_ms(Some(30_000))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, options).expect("spawn policywright");
    let send = |p: &mut PtySession, keys: &str| {
        p.send(keys).unwrap();
        p.flush().unwrap();
    };
    p.exp_string("What kind of product").unwrap();
    send(&mut p, " ");
    send(&mut p, "\r");
    p.exp_string("established").unwrap();
    send(&mut p, "DE\r");
    p.exp_string("Who does it serve").unwrap();
    // The EEA and the UK, then Esc back to the country.
    send(&mut p, " ");
    send(&mut p, "\x1b[B");
    send(&mut p, " ");
    std::thread::sleep(std::time::Duration::from_millis(200));
    send(&mut p, "\x1b");
    p.exp_string("established").unwrap();
    send(&mut p, "AT\r");
    p.exp_string("Who does it serve").unwrap();
    send(&mut p, "\r");
    p.exp_string("product's code").unwrap();
    send(&mut p, "\r");
    p.exp_string("What is your product called?").unwrap();
    send(&mut p, "\x03");
    p.exp_eof().unwrap();
    let saved = answers(data.path(), "regions");
    assert_eq!(saved["organization"]["country"], "AT", "{saved:#}");
    assert_eq!(
        saved["audience"]["regions"],
        serde_json::json!(["eea", "uk"]),
        "{saved:#}"
    );
}
