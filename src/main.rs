use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash policywright ...`) is answered
    // here, before anything else is printed, and the process ends.
    clap_complete::CompleteEnv::with_factory(policywright::cli::completion_command).complete();
    let cli = policywright::cli::Cli::parse();
    match policywright::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // `{:#}` prints the whole chain, so a template error names the variable
            // and the line, not just "failed to render".
            // Paths and answers in the message are neutralised; with the terminal
            // gone, a failed write does not panic.
            policywright::cli::warn(&format!("error: {error:#}"));
            policywright::cli::Exit::Usage.into()
        }
    }
}
