//! The quick start as `new` and `ask` run it: the start questions on the line
//! prompter, a scan of the code, the suggestions, and what was suggested, said.

use std::path::Path;

use crate::answers::Answers;
use crate::ask::prompter::{Prompter, Reply};
use crate::ask::start;
use crate::catalog::Catalog;
use crate::store::remembered;

/// How the start ended.
pub enum Begun {
    /// The answers with the start's suggestions, not saved yet, and why the code
    /// could not be looked through, if it could not. The caller says both, where
    /// the person will see them: `ask` on its line, `new` in the wizard (printed
    /// here, they were hidden behind its full screen until it quit).
    Suggested {
        answers: Box<Answers>,
        scan_error: Option<String>,
    },
    /// Esc at the first question: the whole interview, without suggestions.
    Skipped,
    /// Ctrl-C.
    Stopped,
}

/// Runs the start for the answers file at `path` (`portable`: kept beside the
/// product, so a code path inside its repository is remembered relative to it).
pub fn begin(
    prompter: &mut dyn Prompter,
    path: &Path,
    portable: bool,
    answers: &Answers,
    catalog: &Catalog,
) -> Begun {
    let mut start = match start::ask(prompter) {
        Reply::Answer(start) => start,
        Reply::Back => return Begun::Skipped,
        Reply::Quit => return Begun::Stopped,
    };
    let mut report = None;
    let mut scan_error = None;
    if let Some(typed) = start.code_dir.clone() {
        let dir = remembered::typed(&typed);
        match crate::scan::scan(&dir, catalog) {
            Ok(found) => report = Some(found),
            Err(e) => scan_error = Some(e.to_string()),
        }
        start.code_dir = Some(remembered::remember(path, &dir, portable));
    }
    let suggested = crate::suggest::suggest(answers, &start, report.as_ref(), catalog);
    Begun::Suggested {
        answers: Box::new(suggested),
        scan_error,
    }
}

/// What `ask` says on its line after the start: why the code could not be read, if
/// it could not, and what was suggested.
pub fn say_begun(prompter: &mut dyn Prompter, answers: &Answers, scan_error: Option<&str>) {
    if let Some(e) = scan_error {
        prompter.say(&format!("  Cannot look through your code: {e}"));
    }
    prompter.say(&start::summary(answers));
}
