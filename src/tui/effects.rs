//! The runtime's side of the Elm loop: doing the [`Cmd`]s that `update` asks for
//! (reading and writing files, publishing) and answering with a [`Msg`]. The only
//! place in the wizard that touches the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use super::app::{App, Entry, Saved};
use super::event::{Cmd, Msg};
use super::strings;
use crate::answers::{Answers, PublishedFile};
use crate::catalog::Catalog;
use crate::publish::Outcome;
use crate::render::Format;
use crate::store::{self, Source, remembered, session};
use crate::versions::{self, History};

/// Writes answers after each confirmed answer: the answers file, never over another
/// program's change (given what the file held when last read or written), and where
/// the operator is. Given by the command line, which owns saving.
pub type SaveFn<'a> =
    dyn FnMut(&Path, &store::Base, &Answers, &str) -> Result<store::Synced, String> + 'a;

pub fn perform(app: &App, cmd: Cmd, save: &mut SaveFn) -> Option<Msg> {
    match cmd {
        Cmd::Save { key } => {
            let d = app.doc.as_ref()?;
            Some(Msg::Saved(save(&d.path, &d.base, &d.answers, &key)))
        }
        Cmd::Open { path, name } => Some(match store::load_tracked(&Source::File(path.clone())) {
            Ok(loaded) => Msg::Opened {
                last: session::last_question(&path),
                path,
                name: Some(name),
                base: loaded.interview_base(),
                answers: loaded.answers,
                saved: Saved::Saved,
            },
            // A file that cannot be read is reported and left as it is.
            Err(e) => Msg::Failed(e.to_string()),
        }),
        Cmd::LoadLastVersion => {
            let d = app.doc.as_ref()?;
            let latest = history_of(d.name.as_deref(), &d.path).and_then(|h| h.latest());
            Some(Msg::LastVersion(
                latest
                    .map(|v| v.map(|v| (v.version, v.answers)))
                    .map_err(|e| e.to_string()),
            ))
        }
        Cmd::Create { name } => Some(match store::policies_dir() {
            Ok(dir) => {
                let path = dir.join(format!("{name}.json"));
                if path.exists() {
                    Msg::Failed(format!("{} already exists", path.display()))
                } else {
                    Msg::Opened {
                        path,
                        name: Some(name),
                        answers: Answers::default(),
                        base: store::Base::default(),
                        last: None,
                        saved: Saved::NotYet,
                    }
                }
            }
            Err(e) => Msg::Failed(e.to_string()),
        }),
        Cmd::Begin { name, start } => Some(begin(&app.catalog, name, start)),
        Cmd::Publish => Some(Msg::Published(publish(app))),
        Cmd::Scan { dir } => Some(scanned(&app.catalog, dir)),
        Cmd::EditExternally { text } => {
            let edited = super::terminal::lend(|| edit_externally(&text));
            Some(Msg::Edited(edited.unwrap_or_else(|e| Err(e.to_string()))))
        }
    }
}

/// Does the work that may take long off the UI thread, so keys (Ctrl-C above all)
/// and drawing never wait for it: scanning the code folder reads a whole tree. A
/// worker thread answers through `reply` with the message [`perform`] would give;
/// every other command is handed back to be performed at once.
pub fn perform_in_background(app: &App, cmd: Cmd, reply: &Sender<Msg>) -> Option<Cmd> {
    match cmd {
        Cmd::Scan { dir } => {
            let catalog = app.catalog.clone();
            let reply = reply.clone();
            std::thread::spawn(move || {
                // The wizard may have ended meanwhile; then nobody needs the answer.
                let _ = reply.send(scanned(&catalog, dir));
            });
            None
        }
        Cmd::Begin { name, start } if start.code_dir.is_some() => {
            let catalog = app.catalog.clone();
            let reply = reply.clone();
            std::thread::spawn(move || {
                let _ = reply.send(begin(&catalog, name, start));
            });
            None
        }
        other => Some(other),
    }
}

/// What scanning the code folder `dir` (as the operator typed it) found.
fn scanned(catalog: &Catalog, dir: String) -> Msg {
    Msg::Scanned {
        found: crate::scan::scan(&remembered::typed(&dir), catalog)
            .map(|report| report.processors)
            .map_err(|e| e.to_string()),
        dir,
    }
}

/// The quick start of a new saved policy `name`, as `new NAME` does it
/// (`cli::quickstart`): where it will be saved (refused if that exists), and what
/// a scan of its code finds. The code folder is remembered in full, as a policy
/// saved in the data directory remembers it.
fn begin(catalog: &Catalog, name: String, mut start: crate::suggest::Start) -> Msg {
    let path = match store::policies_dir() {
        Ok(dir) => dir.join(format!("{name}.json")),
        Err(e) => return Msg::Failed(e.to_string()),
    };
    if path.exists() {
        return Msg::Failed(format!("{} already exists", path.display()));
    }
    let (mut found, mut scan_error) = (None, None);
    if let Some(typed) = start.code_dir.clone() {
        let dir = remembered::typed(&typed);
        match crate::scan::scan(&dir, catalog) {
            Ok(report) => found = Some(report),
            Err(e) => scan_error = Some(e.to_string()),
        }
        start.code_dir = Some(remembered::remember(&path, &dir, false));
    }
    Msg::Begun(Box::new(super::event::Begun {
        path,
        name,
        start,
        found,
        scan_error,
    }))
}

/// The operator's editor: `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

fn edit_externally(text: &str) -> Result<String, String> {
    run_editor(&editor_command(), text)
}

/// Writes the text to a temporary file, runs `command` (a program and its
/// arguments, such as `code --wait`) on it, and reads it back. The file is removed
/// afterwards; if the editor fails, the text is left as it was.
pub fn run_editor(command: &str, text: &str) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("policywright-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("cannot create a temporary file: {e}"))?;
    std::io::Write::write_all(&mut file, format!("{text}\n").as_bytes())
        .map_err(|e| format!("cannot write a temporary file: {e}"))?;
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot start the editor `{command}`: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor `{command}` failed ({status}); the text is as it was"
        ));
    }
    // Editors may replace the file rather than write into it: read it by name.
    let edited = std::fs::read_to_string(file.path())
        .map_err(|e| format!("cannot read what the editor saved: {e}"))?;
    Ok(edited.strip_suffix('\n').unwrap_or(&edited).to_owned())
}

/// The saved policies in the data directory, by name.
pub fn list_policies() -> Vec<Entry> {
    let Ok(dir) = store::policies_dir() else {
        return Vec::new();
    };
    let Ok(names) = store::saved_names(&dir) else {
        return Vec::new();
    };
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(format!("{name}.json"));
            let (product, last_updated) = match store::load(&Source::File(path.clone())) {
                Ok(a) => (
                    a.organization.product_name.clone(),
                    a.policy
                        .last_updated
                        .map_or_else(|| "—".to_owned(), |d| d.to_string()),
                ),
                Err(_) => (
                    "(cannot be read: open it to see why)".to_owned(),
                    "—".to_owned(),
                ),
            };
            Entry {
                name,
                product,
                last_updated,
                path,
            }
        })
        .collect()
}

/// A policy's versions: a saved policy's in the data directory, an answers file's
/// beside it (as `publish` and `history` find them).
fn history_of(name: Option<&str>, path: &Path) -> Result<History, crate::versions::VersionError> {
    match name {
        Some(name) => History::of(name),
        None => Ok(History::beside(path)),
    }
}

/// Writes the ticked outputs, each atomically and only once all are rendered.
/// A version is recorded with the honest-dates rule, as `policywright publish` does:
/// a saved policy's in the data directory, an answers file's beside it.
fn publish(app: &App) -> Result<(String, Answers, store::Base), String> {
    let d = app.doc.as_ref().ok_or("no policy is open")?;
    let r = d.review.as_ref().ok_or("not on the review screen")?;
    let outputs: Vec<(PathBuf, Format)> = r
        .outputs
        .iter()
        .filter(|o| o.on && !o.path.text.trim().is_empty())
        .map(|o| (remembered::typed(&o.path.text), o.format))
        .collect();
    // The answers remember these outputs for the next publish; a policy saved in the
    // data directory remembers them in full, an answers file in a repository
    // relative to itself.
    let mut working = d.answers.clone();
    working.workspace.outputs = outputs
        .iter()
        .map(|(path, format)| PublishedFile {
            format: *format,
            path: remembered::remember(&d.path, path, d.name.is_none()),
        })
        .collect();
    let history = Some(history_of(d.name.as_deref(), &d.path).map_err(|e| e.to_string())?);
    let report = crate::publish::publish(crate::publish::Request {
        base: &d.base,
        working,
        answers_file: &d.path,
        history: history.as_ref(),
        outputs: &outputs,
        today: versions::today(),
        catalog: &app.catalog,
        renderer: &app.renderer,
    })
    .map_err(|e| format!("{e:#}"))?;
    let written: Vec<String> = report
        .written
        .iter()
        .map(|(path, _)| path.display().to_string())
        .collect();
    let mut message = format!("Wrote {}.", written.join(", "));
    match &report.outcome {
        Outcome::Recorded { version, since, .. } => {
            message.push_str(&format!(" Recorded version {version}."));
            if since.as_ref().is_some_and(|s| s.material) {
                // As `policywright publish` says it: users are owed a notice.
                message.push_str(&format!(" {}", strings::MATERIAL_CHANGES));
            }
        }
        Outcome::Unchanged { .. } => {
            message.push_str(" The text is unchanged since the last version: none recorded.");
        }
        Outcome::NoHistory => {}
    }
    let found = report.findings;
    if found.errors + found.warnings > 0 {
        message.push_str(&format!(" check still finds {found}."));
    }
    Ok((message, report.answers, report.base))
}

#[cfg(all(test, unix))]
mod tests {
    use super::run_editor;

    #[test]
    fn the_operators_editor_changes_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("editor");
        // Called as `editor --wait x FILE`: the command's own arguments come first.
        // (Run by sh: executing a file just written can fail with "text file busy"
        // while other tests start processes.)
        std::fs::write(&script, "printf 'Second.\\n' >> \"$3\"\n").unwrap();
        let command = format!("sh {} --wait x", script.display());
        assert_eq!(
            run_editor(&command, "First.\n").unwrap(),
            "First.\n\nSecond."
        );
        let err = run_editor("false", "First.").unwrap_err();
        assert!(err.contains("the text is as it was"), "{err}");
        assert!(run_editor("no-such-editor-here", "x").is_err());
    }
}
