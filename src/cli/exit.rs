//! Every exit code policywright ends with, in one place: the commands return an
//! [`Exit`], `--help` and the README list [`Exit::ALL`] with [`Exit::meaning`], and a
//! test holds the README to it. A signal ends an interview with 128 + its number, as
//! shells report it, after the terminal is restored and every confirmed answer saved.

use std::process::ExitCode;

/// How a run of policywright ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success.
    Ok,
    /// `check` found error-level findings, or `scan --policy` an undeclared processor.
    Findings,
    /// A usage error or bad input; nothing was written.
    Usage,
    /// The wizard was left with an answer that could not be saved.
    Unsaved,
    /// The terminal went away (SIGHUP, a closed window, a dropped connection).
    Hangup,
    /// Ctrl-C, or SIGINT.
    Interrupted,
    /// SIGQUIT (Ctrl-\).
    Quit,
    /// SIGTERM.
    Terminated,
}

impl Exit {
    /// Every exit code, in the order `--help` and the README list them.
    pub const ALL: [Exit; 8] = [
        Exit::Ok,
        Exit::Findings,
        Exit::Usage,
        Exit::Unsaved,
        Exit::Hangup,
        Exit::Interrupted,
        Exit::Quit,
        Exit::Terminated,
    ];

    /// The process's exit status.
    pub const fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Usage => 2,
            Exit::Unsaved => 3,
            Exit::Hangup => 128 + 1,
            Exit::Interrupted => 128 + 2,
            Exit::Quit => 128 + 3,
            Exit::Terminated => 128 + 15,
        }
    }

    /// What the code tells a script, in one sentence.
    pub const fn meaning(self) -> &'static str {
        match self {
            Exit::Ok => "success",
            Exit::Findings => {
                "`check` found error-level findings that no waiver covers; `scan --policy` \
                 found an undeclared processor; `diff --exit-code` found changes (`--exit-code=material`: material \
                 changes)"
            }
            Exit::Usage => {
                "usage error or bad input (`publish` of answers with unconfirmed \
                 suggestions included); nothing was written"
            }
            Exit::Unsaved => {
                "the wizard was left (Ctrl-Q twice) with an answer that could not be saved"
            }
            Exit::Hangup => {
                "an interview's terminal went away (SIGHUP); every confirmed answer is saved"
            }
            Exit::Interrupted => {
                "an interview was stopped with Ctrl-C or SIGINT; every confirmed answer is saved"
            }
            Exit::Quit => "an interview was stopped with SIGQUIT; every confirmed answer is saved",
            Exit::Terminated => {
                "an interview was stopped with SIGTERM; every confirmed answer is saved"
            }
        }
    }

    /// The exit for a signal an interview handles: INT, TERM, HUP or QUIT.
    pub fn from_signal(signal: i32) -> Option<Exit> {
        Exit::ALL
            .into_iter()
            .find(|e| e.code() >= 128 && i32::from(e.code()) - 128 == signal)
    }

    /// The signals an interview handles: each restores the terminal and ends with
    /// 128 + its number.
    #[cfg(unix)]
    pub const SIGNALS: [i32; 4] = [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGQUIT,
    ];

    /// The exit-code list of `--help` and the README: one line per code.
    pub fn table() -> String {
        Exit::ALL
            .iter()
            .map(|e| format!("{:>3}  {}\n", e.code(), e.meaning()))
            .collect()
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_map_to_128_plus_their_number() {
        #[cfg(unix)]
        for signal in Exit::SIGNALS {
            let exit = Exit::from_signal(signal).expect("every handled signal has an exit");
            assert_eq!(i32::from(exit.code()), 128 + signal);
        }
        assert_eq!(Exit::from_signal(9), None);
    }

    /// The README's table is this list, line for line.
    #[test]
    fn the_readme_lists_every_exit_code() {
        let readme = include_str!("../../README.md");
        for exit in Exit::ALL {
            let row = format!("| {} | {} |", exit.code(), exit.meaning());
            assert!(readme.contains(&row), "README.md lacks the row: {row}");
        }
    }

    #[test]
    fn codes_are_distinct() {
        let mut codes: Vec<u8> = Exit::ALL.iter().map(|e| e.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), Exit::ALL.len());
    }
}
