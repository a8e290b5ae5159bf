//! `policywright` (home), `policywright new NAME` and `policywright edit NAME|FILE`:
//! the full-screen wizard. This file decides what to open and refuses what it must
//! (an existing name for `new`, a file that cannot be read, then no terminal); `tui`
//! does the rest, and saving goes through the same function as `ask`.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use clap::Args;

use super::Exit;
use crate::answers::Answers;
use crate::render::Renderer;
use crate::store::{self, Base, Source, Synced, session};
use crate::tui::app::{App, Saved};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new policy's name (letters, digits, - and _), or a FILE path to create.
    /// An existing one is refused: open it with `policywright edit`.
    #[arg(value_name = "NAME|FILE")]
    pub input: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// A saved policy's NAME or an answers FILE.
    #[arg(value_name = "NAME|FILE")]
    pub input: String,
}

fn need_terminal(what: &str) -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "{what} needs a terminal to draw in. To answer without prompts, use \
             `policywright set NAME KEY=VALUE...` or `policywright render FILE --set KEY=VALUE`, \
             or edit the answers file (its schema: `policywright schema`)"
        );
    }
    Ok(())
}

/// The wizard's state with the renderer (built once) and the processor catalog.
fn app() -> anyhow::Result<App> {
    let mut app = App::new(Renderer::new(None)?);
    app.catalog = crate::catalog::Catalog::for_operator()?;
    Ok(app)
}

fn save(path: &Path, base: &Base, answers: &Answers, key: &str) -> Result<Synced, String> {
    super::ask::save(path, base, answers, key)
}

pub fn new(args: NewArgs) -> anyhow::Result<ExitCode> {
    crate::tui::heap::keep_large_blocks_apart();
    let (path, name) = match Source::parse(&args.input)? {
        Source::Stdin => bail!("new needs a NAME or FILE, not -"),
        Source::File(path) => (path, None),
        Source::Saved { name, path } => (path, Some(name)),
    };
    if path.exists() {
        bail!(
            "{} already exists; open it with `policywright edit {}`",
            path.display(),
            args.input
        );
    }
    need_terminal("new")?;
    let mut app = app()?;
    // The quick start, on the line prompter, before the full screen opens: its
    // suggestions are saved at once and shown unconfirmed in the wizard.
    // A terminal that goes away during the start ends it as it would the wizard.
    super::hangup::exit_on_hangup(Exit::Hangup);
    let portable = name.is_none();
    let mut terminal = crate::ask::terminal::Terminal;
    match super::quickstart::begin(
        &mut terminal,
        &path,
        portable,
        &Answers::default(),
        &app.catalog,
    ) {
        super::quickstart::Begun::Suggested {
            answers,
            scan_error,
        } => {
            let base = store::read_on_disk(&path)?.base();
            let synced =
                save(&path, &base, &answers, "audience.regions").map_err(anyhow::Error::msg)?;
            app.open(path, name, *answers, None, Saved::Saved);
            app.doc_mut().base = synced.base;
            crate::tui::start::opened_on_suggestions(&mut app, scan_error.as_deref());
        }
        super::quickstart::Begun::Skipped => {
            app.open(path, name, Answers::default(), None, Saved::NotYet)
        }
        super::quickstart::Begun::Stopped => return Ok(Exit::Interrupted.into()),
    }
    run(app)
}

pub fn edit(args: EditArgs) -> anyhow::Result<ExitCode> {
    crate::tui::heap::keep_large_blocks_apart();
    let source = Source::parse(&args.input)?;
    let (path, name) = match &source {
        Source::Stdin => bail!("edit needs a NAME or FILE, not -"),
        Source::File(path) => (path.clone(), None),
        Source::Saved { name, path } => (path.clone(), Some(name.clone())),
    };
    // A file that cannot be read is reported (path, line, column) and never
    // overwritten: the wizard does not start.
    let loaded = store::load_tracked(&source)?;
    need_terminal("edit")?;
    let last = session::last_question(&path);
    let mut app = app()?;
    // What the file held is kept as the base; the file's text and its answers are
    // not kept besides for the whole session (megabytes for a large policy).
    let base = loaded.interview_base();
    drop(loaded.text);
    app.open(path, name, loaded.answers, last.as_deref(), Saved::Saved);
    app.doc_mut().base = base;
    run(app)
}

/// `policywright` alone: the home screen in a terminal, else the help and exit 2.
pub fn home() -> anyhow::Result<ExitCode> {
    crate::tui::heap::keep_large_blocks_apart();
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        use clap::CommandFactory;
        let _ = super::Cli::command().print_help();
        return Ok(Exit::Usage.into());
    }
    let mut app = app()?;
    app.home.entries = crate::tui::effects::list_policies();
    run(app)
}

/// Runs the wizard until the operator leaves. A terminal that goes away ends it
/// as SIGHUP would, whatever the last drawing or reading then failed on.
fn run(app: App) -> anyhow::Result<ExitCode> {
    super::hangup::exit_on_hangup(Exit::Hangup);
    match crate::tui::run(app, &mut save) {
        Ok(Exit::Unsaved) => {
            super::warn(
                "warning: left with an answer that could not be saved; \
                 the answers file holds every answer saved before it",
            );
            Ok(Exit::Unsaved.into())
        }
        Ok(exit) => Ok(exit.into()),
        Err(_) if super::hangup::terminal_gone() => Ok(Exit::Hangup.into()),
        Err(e) => Err(e),
    }
}
