use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    exit_101_on_panic();
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

/// Release builds abort on a panic (`Cargo.toml`), which would end the process with
/// SIGABRT; the exit codes promise 101 for a panic, as an unwinding build gives. The
/// message is printed first, and the hooks installed later (the wizard's and
/// `ask`'s, which put the terminal back) run before it.
fn exit_101_on_panic() {
    #[cfg(panic = "abort")]
    {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report(info);
            std::process::exit(101);
        }));
    }
}
