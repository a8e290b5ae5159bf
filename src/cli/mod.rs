//! The command line: flags, commands and exit codes. Each command is one file that
//! wires the model, the store and the renderer together; none holds policy logic.

mod ask;
mod check;
mod diff;
mod exit;
mod global;
mod hangup;
mod history;
mod input;
mod list;
mod processors;
mod publish;
mod quickstart;
mod render;
mod scan;
mod schema;
mod set;
mod shell;
mod wizard;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

pub use exit::Exit;
pub use shell::command as completion_command;

use crate::answers::set::Assignment;
use crate::render::Format;
use crate::text::terminal_safe;
use global::ColorWhen;
pub(crate) use global::quiet;

const ABOUT: &str = "Write, publish and keep up to date your product's privacy policy.";

/// The end of `--help`; the exit codes come from [`Exit`], the one place they are kept.
fn after_help() -> String {
    format!(
        "\
Answers are kept as JSON; NAME is a saved policy in the data directory \
($POLICYWRIGHT_DATA_DIR, else $XDG_DATA_HOME/policywright on Linux), FILE is any path \
(it contains a / or ends in .json), and - reads standard input.

Exit codes:
{}
policywright is not legal advice: have a qualified lawyer review your policy before you publish it.",
        Exit::table()
    )
}

#[derive(Debug, Parser)]
#[command(name = "policywright", version, about = ABOUT, after_help = after_help())]
pub struct Cli {
    /// Without a command, in a terminal: the home screen (saved policies, new, open);
    /// elsewhere, this help (exit code 2).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Print only each command's result: no status lines (`Wrote ...`, `Published
    /// ...`, `saved ...`) and no notes. Errors and warnings are still printed.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Colour in the interactive screens (new, edit, ask, the home screen): auto uses
    /// it unless NO_COLOR is set (CLICOLOR_FORCE=1 forces it). Everything the other
    /// commands print is plain text, never coloured.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

// `defer`: each command's arguments are built only when that command is parsed
// (or help, completions or the man pages ask for the whole tree); building all of
// them was about 0.1 M instructions of every start (issue 17).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Start a new policy in the full-screen interview.
    ///
    /// It begins with a quick start on the line (the product's kinds, where the
    /// company is established, the regions served, the code's folder), whose
    /// suggestions the wizard shows unconfirmed: Ctrl-Y confirms one, Ctrl-D a
    /// section, Ctrl-N goes to the next question that needs you; Esc at the first
    /// start question skips it. Every confirmed answer is saved at once, atomically, to
    /// <data dir>/policies/NAME.json (or FILE). An existing NAME is refused: open it
    /// with `edit`. Needs a terminal: without one it exits 2 and points to `set`.
    New(wizard::NewArgs),
    /// Reopen a policy in the full-screen interview, where you left it.
    ///
    /// Keys: Enter saves an answer and moves on, Esc undoes the edit, Tab and
    /// Shift-Tab move between questions, Ctrl-G jumps to a section, Ctrl-T shows or
    /// hides the preview, Ctrl-R reviews and publishes, Ctrl-Q quits. A file that
    /// cannot be read is reported (exit 2) and left untouched.
    Edit(wizard::EditArgs),
    /// Render a policy from answers: Markdown, HTML or plain text.
    ///
    /// Output goes to standard output, or atomically to --out (an existing file is
    /// replaced only once the new text is complete). The same answers always give
    /// byte-identical output.
    Render(RenderArgs),
    /// Hold a policy against the disclosure rules of the laws that apply to it.
    ///
    /// The regimes follow from the answers: the regions served (GDPR, UK GDPR,
    /// CCPA/CPRA, CalOPPA, LGPD, PIPEDA, Kazakhstan), children (COPPA), a browser
    /// extension (Chrome Web Store), plus consistency of the answers. Each finding gives
    /// its severity, the citation, what is missing and the answer to go to. Exits 1 if
    /// any finding is an error, 0 otherwise, 2 on bad input. Not legal advice.
    Check(CheckArgs),
    /// Print the JSON Schema of the answers file, for editors to validate and complete it.
    Schema,
    /// Answer the interview one prompt per line (screen readers, slow links, plain terminals).
    ///
    /// A new NAME or FILE begins with the quick start, then asks only the suggestions
    /// to confirm (each offered as the default) and what they cannot know.
    /// Saved answers are the defaults and Enter keeps them; each confirmed answer is
    /// saved at once, so an interrupted interview continues where it stopped. Esc goes
    /// back one question, Ctrl-C stops (exit code 130). Needs a terminal: without one
    /// it exits 2 and points to `set` and `render --set`.
    Ask(AskArgs),
    /// Change answers in a saved policy or answers file without any prompt.
    ///
    /// Every assignment is validated like a typed answer; all problems are reported at
    /// once and nothing is written unless every one is valid.
    Set(SetArgs),
    /// Render a saved policy, write it, and record a version.
    ///
    /// "Last updated" moves to the publication date only when the rendered text
    /// changed since the last published version (a date alone is not a change); the
    /// saved answers are then updated. An unchanged policy is written again but no
    /// version is recorded. Versions live in <data dir>/versions/NAME/.
    Publish(publish::PublishArgs),
    /// List the saved policies: name, product, last updated, last published version
    /// and date, and the file's path.
    ///
    /// Saved policies are <data dir>/policies/NAME.json. A file that cannot be read is
    /// listed with the reason, not left out.
    List(list::ListArgs),
    /// List the published versions of a saved policy: number, date, what changed,
    /// files written.
    History(history::HistoryArgs),
    /// Show what changed between two answers, and which changes are material.
    ///
    /// OLD and NEW are NAME, FILE or NAME@N (published version N). `diff NAME` alone
    /// compares the last published version with the working answers. Material
    /// changes (a new recipient, data category or purpose, longer retention, a new
    /// country, AI training or selling turned on, ...) are the ones users must be told.
    Diff(diff::DiffArgs),
    /// List the processor catalog by role, or search it.
    ///
    /// The catalog is built in; entries in <data dir>/processors.json (same format) add
    /// to it or replace built-in entries with the same id. Use an entry in an answers
    /// file as {"catalog": "stripe"} in processors, overriding any field beside it.
    Processors(processors::ProcessorsArgs),
    /// Find the catalog's processors in a product's dependency manifests.
    ///
    /// Reads package.json, package-lock.json, Cargo.toml, requirements*.txt,
    /// pyproject.toml, go.mod, Gemfile, composer.json, the variable names (never the
    /// values) in .env.example/.env.sample/.env.template, and a browser extension's
    /// manifest.json, whose permissions are offered as extension.permissions answers.
    /// Skips node_modules, target, .git, vendor, dist, build and .venv, and never
    /// follows a symbolic link out of DIR or to a directory. A manifest that cannot be
    /// read, or is over 1 MiB (package-lock.json: 32 MiB), is a warning and skipped.
    /// Exits 1 when --policy is given and a processor found is not declared in it.
    Scan(scan::ScanArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    ///
    /// Install it where your shell looks, e.g.
    /// `policywright completions bash > ~/.local/share/bash-completion/completions/policywright`,
    /// `policywright completions zsh > "${fpath[1]}/_policywright"`,
    /// `policywright completions fish > ~/.config/fish/completions/policywright.fish`.
    Completions(shell::CompletionsArgs),
    /// Print the manual page (roff), or write one page per command with --dir.
    ///
    /// `policywright man | man -l -` reads it at once;
    /// `policywright man --dir /usr/local/share/man/man1` installs it.
    Man(shell::ManArgs),
}

#[derive(Debug, Args)]
pub struct AskArgs {
    /// The answers: a saved policy's NAME (created if new) or a FILE. Asked for if left out.
    #[arg(value_name = "NAME|FILE")]
    pub input: Option<String>,

    /// Ask only this section (e.g. organization, data, processors, retention, rights).
    #[arg(long, value_name = "SECTION")]
    pub section: Option<String>,

    /// Ask only questions that have no answer yet.
    #[arg(long)]
    pub only_missing: bool,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The answers to change: a saved policy's NAME or a FILE.
    #[arg(value_name = "NAME|FILE")]
    pub input: String,

    /// Answers to set, by dotted path (same syntax as `render --set`).
    #[arg(value_name = "KEY=VALUE", required = true, value_parser = parse_assignment)]
    pub assignments: Vec<Assignment>,

    /// Start a new answers file if NAME or FILE does not exist yet.
    #[arg(long)]
    pub create: bool,

    /// `text` for people, `json` for scripts (shape documented in the README).
    #[arg(short, long, value_enum, default_value_t = processors::ReportFormat::Text)]
    pub format: processors::ReportFormat,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The answers: a saved policy's NAME, a FILE, or - for standard input.
    #[arg(value_name = "NAME|FILE|-")]
    pub input: String,

    /// Output format [default: from --out's extension (.md, .html, .txt, ...), else
    /// markdown; an extension it does not know is an error]. The store formats write
    /// a store's privacy form from the same answers instead of the policy.
    #[arg(short, long, value_enum)]
    pub format: Option<render::RenderFormat>,

    /// Write to this file instead of standard output (- is standard output).
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub answers: AnswerOverrides,

    /// Use templates from DIR in place of the built-in ones with the same name
    /// (e.g. DIR/sections/security.md, DIR/layout.html).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The answers: a saved policy's NAME, a FILE, or - for standard input.
    #[arg(value_name = "NAME|FILE|-", required_unless_present = "explain")]
    pub input: Option<String>,

    /// Output format: text for people, json for scripts.
    #[arg(short, long, value_enum, default_value_t)]
    pub format: check::CheckFormat,

    /// Describe one rule instead of checking: its regime, severity, citation, when it
    /// applies, what it asks, the date it was last reviewed, and how to satisfy or
    /// waive it. An unknown RULE exits 2 and names the closest one.
    #[arg(long, value_name = "RULE", conflicts_with_all = ["input", "set", "date"])]
    pub explain: Option<String>,

    /// The day waivers' `until` dates are judged on (YYYY-MM-DD) [default: today, UTC],
    /// so a CI run can be repeated.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<crate::answers::values::Date>,

    #[command(flatten)]
    pub answers: AnswerOverrides,
}

// `--set`, shared by every command that reads answers. (Not a doc comment: clap
// would take it for the about text of each command it is flattened into, once
// their arguments are deferred, see `Command`.)
#[derive(Debug, Args)]
pub struct AnswerOverrides {
    /// Override one answer by its dotted path, after the file is read; repeatable.
    /// Lists take commas (audience.regions=eea,uk); entries are picked by position or
    /// id (data.categories.account.name=Account); an empty value clears an optional answer.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = parse_assignment)]
    pub set: Vec<Assignment>,
}

fn parse_assignment(s: &str) -> Result<Assignment, String> {
    s.parse()
}

/// Runs a command; the returned code is the process's exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    global::apply(cli.quiet, cli.color);
    let Some(command) = cli.command else {
        return wizard::home();
    };
    match command {
        Command::New(args) => wizard::new(args),
        Command::Edit(args) => wizard::edit(args),
        Command::Render(args) => render::run(args),
        Command::Check(args) => check::run(args),
        Command::Schema => schema::run(),
        Command::Ask(args) => ask::run(args),
        Command::Set(args) => set::run(args),
        Command::Publish(args) => publish::run(args),
        Command::List(args) => list::run(args),
        Command::History(args) => history::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Processors(args) => processors::run(args),
        Command::Scan(args) => scan::run(args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}

/// Lets go of what a one-shot command has finished with, without freeing it: the
/// process ends right after, and dropping a large policy, its rendering context and
/// its findings one allocation at a time would only make the command slower.
pub(crate) fn leave<T>(value: T) {
    std::mem::forget(value);
}

/// Prints a report for people (findings, changes, versions, status) on standard
/// output, with every character a terminal would obey rather than show made visible
/// (see [`crate::text::terminal_safe`]). Always, not only on a terminal: a report
/// saved to a file or pasted into a review is read in a terminal later.
pub fn print(text: &str) -> anyhow::Result<()> {
    write_out(&terminal_safe::text(text))
}

/// Prints JSON for programs: the same values, with DEL, C1 and bidi controls written
/// as `\uXXXX` so that a person who looks at it in a terminal is safe too.
pub fn print_json(text: &str) -> anyhow::Result<()> {
    write_out(&terminal_safe::json(text))
}

/// Prints a rendered policy. To a file or a pipe it is the policy, byte for byte, as
/// `--out` would write it; to a terminal it is neutralised like every report (only
/// custom templates can still put a control character in it: answers cannot).
pub fn print_policy(text: &str) -> anyhow::Result<()> {
    if std::io::stdout().is_terminal() {
        print(text)
    } else {
        write_out(text)
    }
}

/// Writes one line for people on standard error (an error, a warning, a status),
/// neutralised. A failed write is ignored: with the terminal gone it must not panic.
pub fn warn(line: &str) {
    let line = terminal_safe::text(line);
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn write_out(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// `--format markdown|html|text`: the answers' own vocabulary of formats, offered by
/// clap with a line of help each.
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Format::Markdown => "GitHub-flavoured Markdown with a table of contents",
            Format::Html => "A standalone HTML page with its own readable, printable styles",
            Format::Text => "Plain text, wrapped at 78 columns, with numbered headings",
        };
        Some(clap::builder::PossibleValue::new(self.key()).help(help))
    }
}
