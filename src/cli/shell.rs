//! `policywright completions SHELL` and `policywright man`: both generated from the
//! same clap definitions as the parser, so they cannot drift from the real flags.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into DIR (policywright.1, policywright-render.1, ...)
    /// instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "policywright", &mut script);
    super::print(&String::from_utf8(script)?)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    if let Some(dir) = &args.dir {
        if !dir.is_dir() {
            anyhow::bail!("--dir {}: not a directory", dir.display());
        }
        clap_mangen::generate_to(command, dir)
            .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), crate::store::describe_io(&e)))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    super::print(&String::from_utf8(page)?)?;
    Ok(ExitCode::SUCCESS)
}

/// The command line with its dynamic completers: saved policy names wherever a NAME is
/// taken, answer keys after `--set`. Shells that support dynamic completion ask the
/// binary itself (`COMPLETE=bash policywright`, see the README), so the names are the
/// ones saved now, not when the script was generated.
pub fn command() -> clap::Command {
    // Built first: the commands' arguments are deferred (see `cli::Command`), and
    // only then there to be given their completers.
    let mut command = Cli::command();
    command.build();
    command.mut_subcommands(|sub| sub.mut_args(with_completer))
}

fn with_completer(arg: clap::Arg) -> clap::Arg {
    use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};
    let takes_name = arg
        .get_value_names()
        .is_some_and(|names| names.iter().any(|n| n.as_str().starts_with("NAME")));
    if arg.get_id() == "set" {
        arg.add(ArgValueCompleter::new(answer_keys))
    } else if takes_name {
        arg.add(ArgValueCandidates::new(saved_policies))
    } else {
        arg
    }
}

/// The saved policies' names.
fn saved_policies() -> Vec<clap_complete::engine::CompletionCandidate> {
    let Ok(dir) = crate::store::policies_dir() else {
        return Vec::new();
    };
    crate::store::saved_names(&dir)
        .unwrap_or_default()
        .into_iter()
        .map(clap_complete::engine::CompletionCandidate::new)
        .collect()
}

/// Every question's answer path that starts with what is typed, followed by `=`.
fn answer_keys(current: &std::ffi::OsStr) -> Vec<clap_complete::engine::CompletionCandidate> {
    let typed = current.to_string_lossy();
    crate::questions::sections()
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter(|q| q.key.starts_with(typed.as_ref()))
        .map(|q| {
            clap_complete::engine::CompletionCandidate::new(format!("{}=", q.key))
                .help(Some(q.prompt.into()))
        })
        .collect()
}
