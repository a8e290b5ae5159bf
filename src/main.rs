use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = policywright::cli::Cli::parse();
    match policywright::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // `{:#}` prints the whole chain, so a template error names the variable
            // and the line, not just "failed to render".
            // Not eprintln!: with the terminal gone, a failed write must not panic.
            let _ = writeln!(std::io::stderr(), "error: {error:#}");
            ExitCode::from(2)
        }
    }
}
