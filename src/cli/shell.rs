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
