//! The real prompter: inquire, one prompt per line, usable with screen readers.
//! Everything it shows (questions, help, defaults, choices, suggestions) comes from
//! answers or catalog entries that may hold control characters, so it is neutralised
//! here first (see [`crate::text::terminal_safe`]).

use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{Confirm, Editor, MultiSelect, Select, Text};

use super::prompter::{Prompt, Prompter, Reply, TextInput};
use crate::text::terminal_safe;

/// `text` as the terminal may show it.
fn safe(text: &str) -> String {
    terminal_safe::text(text).into_owned()
}

/// Prompts on the terminal with inquire.
pub struct Terminal;

fn reply<T>(result: Result<T, InquireError>) -> Reply<T> {
    match result {
        Ok(v) => Reply::Answer(v),
        Err(InquireError::OperationCanceled) => Reply::Back,
        // Interrupted (Ctrl-C), a closed terminal, or any I/O failure: stop here;
        // every confirmed answer is already saved.
        Err(_) => Reply::Quit,
    }
}

fn help(prompt: &Prompt, extra: &str) -> String {
    let esc = prompt.esc.as_deref().map(|e| format!("Esc {e}"));
    let extra = match &esc {
        Some(esc) => extra.replace("Esc goes back", esc),
        None => extra.to_owned(),
    };
    let extra = extra.as_str();
    safe(&match (prompt.help.is_empty(), extra.is_empty()) {
        (true, _) => extra.to_owned(),
        (false, true) => prompt.help.clone(),
        (false, false) => format!("{} {extra}", prompt.help),
    })
}

/// What the prompt's line says once Esc has left it. inquire writes "<canceled>"
/// there, which reads as if the typing was thrown away, when Esc went back one
/// question and kept it (issue 18, found walking through `ask`). `kept`: the
/// prompt hands back what was typed or ticked on Esc.
fn left_with_esc(prompt: &Prompt, kept: bool) -> String {
    match &prompt.esc {
        Some(e) => format!("(Esc {e})"),
        None if kept => "(back, typing kept)".to_owned(),
        None => "(back)".to_owned(),
    }
}

/// inquire's look (colours unless `NO_COLOR`), with `left` as the line left with
/// Esc says it: plain, not in the red of an error.
fn look(left: &str) -> RenderConfig<'_> {
    RenderConfig::default().with_canceled_prompt_indicator(Styled::new(left))
}

/// Suggests completions that start with (or contain) what was typed.
#[derive(Clone)]
struct Suggest(Vec<String>);

impl inquire::Autocomplete for Suggest {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, inquire::CustomUserError> {
        let last = input.rsplit([',', ' ']).next().unwrap_or("").to_lowercase();
        if last.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self
            .0
            .iter()
            // Match the code and name, not the description in brackets.
            .filter(|s| {
                let key = s.split(" (").next().unwrap_or(s);
                key.to_lowercase().contains(&last)
            })
            .take(8)
            .cloned()
            .collect())
    }

    fn get_completion(
        &mut self,
        input: &str,
        highlighted: Option<String>,
    ) -> Result<inquire::autocompletion::Replacement, inquire::CustomUserError> {
        Ok(highlighted.map(|h| {
            let code = h.split(' ').next().unwrap_or(&h).to_owned();
            match input.rfind([',', ' ']) {
                Some(i) => format!("{} {code}", input[..i + 1].trim_end()),
                None => code,
            }
        }))
    }
}

impl Prompter for Terminal {
    fn text(&mut self, prompt: &Prompt, input: TextInput<'_>) -> Reply<String> {
        let check = input.check;
        let typed = input.typed;
        let initial = typed.as_deref().filter(|t| !t.is_empty()).map(|t| safe(t));
        let help = help(
            prompt,
            if input.from_catalog {
                "(from the catalog: Enter keeps it, or type your own; Esc goes back)"
            } else if input.default.is_some() {
                "(Enter keeps it; - clears it; Esc goes back)"
            } else {
                "(Esc goes back)"
            },
        );
        let message = safe(&prompt.message);
        let left = left_with_esc(prompt, typed.is_some());
        let mut text = Text::new(&message)
            .with_help_message(&help)
            .with_render_config(look(&left))
            .with_validator(move |s: &str| {
                Ok(match check(s) {
                    Ok(()) => Validation::Valid,
                    Err(e) => Validation::Invalid(safe(&e).into()),
                })
            });
        let default = input.default.as_deref().map(safe);
        if let Some(d) = default.as_deref() {
            text = text.with_default(d);
        }
        let placeholder = prompt.placeholder.as_deref().map(safe);
        if let Some(p) = placeholder.as_deref() {
            text = text.with_placeholder(p);
        }
        if let Some(i) = initial.as_deref() {
            text = text.with_initial_value(i);
        }
        if !input.suggestions.is_empty() {
            text = text
                .with_autocomplete(Suggest(input.suggestions.iter().map(|s| safe(s)).collect()));
        }
        // The vendored inquire's patch: Esc hands back what was typed (see
        // vendor/inquire/PATCHED.md).
        let on_esc = std::cell::RefCell::new(String::new());
        let reply = reply(text.with_typed_on_cancel(&on_esc).prompt());
        if reply == Reply::Back
            && let Some(t) = typed
        {
            *t = on_esc.into_inner();
        }
        reply
    }

    fn confirm(&mut self, prompt: &Prompt, default: Option<bool>) -> Reply<bool> {
        let help = help(prompt, "(y/n; Esc goes back)");
        let message = safe(&prompt.message);
        let left = left_with_esc(prompt, false);
        let mut confirm = Confirm::new(&message)
            .with_help_message(&help)
            .with_render_config(look(&left));
        if let Some(d) = default {
            confirm = confirm.with_default(d);
        }
        reply(confirm.prompt())
    }

    fn select(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize> {
        let help = help(
            prompt,
            "(arrows to move, Enter to pick, type to filter, Esc goes back)",
        );
        let message = safe(&prompt.message);
        let left = left_with_esc(prompt, false);
        let select = Select::new(&message, options.iter().map(|o| safe(o)).collect())
            .with_help_message(&help)
            .with_render_config(look(&left))
            .with_starting_cursor(default.min(options.len().saturating_sub(1)))
            .with_page_size(12);
        reply(select.raw_prompt().map(|o| o.index))
    }

    fn multi_select(
        &mut self,
        prompt: &Prompt,
        options: &[String],
        selected: &mut Vec<usize>,
    ) -> Reply<Vec<usize>> {
        let help = help(prompt, "(space to tick, Enter to confirm, Esc goes back)");
        let message = safe(&prompt.message);
        // The vendored inquire's patch: Esc hands back the ticks (see
        // vendor/inquire/PATCHED.md).
        let on_esc = std::cell::RefCell::new(selected.clone());
        // What is ticked is kept, but "what you typed" would not say so.
        let left = match &prompt.esc {
            None => "(back, ticks kept)".to_owned(),
            Some(_) => left_with_esc(prompt, false),
        };
        let multi = MultiSelect::new(&message, options.iter().map(|o| safe(o)).collect())
            .with_help_message(&help)
            .with_render_config(look(&left))
            .with_default(selected)
            .with_page_size(12)
            .with_ticked_on_cancel(&on_esc);
        let reply = reply(
            multi
                .raw_prompt()
                .map(|o| o.into_iter().map(|o| o.index).collect()),
        );
        if reply == Reply::Back {
            *selected = on_esc.into_inner();
        }
        reply
    }

    /// In the person's own editor when `$VISUAL` or `$EDITOR` says which; otherwise
    /// on one line, since an editor nobody chose would be a trap.
    fn long_text(
        &mut self,
        prompt: &Prompt,
        default: Option<&str>,
        mut typed: Option<&mut String>,
    ) -> Reply<String> {
        // The vendored inquire's patch: Esc hands back what was typed or written
        // in the editor (see vendor/inquire/PATCHED.md).
        let on_esc = std::cell::RefCell::new(String::new());
        let before = typed.as_deref().filter(|t| !t.is_empty()).cloned();
        let left = left_with_esc(prompt, typed.is_some());
        let mut kept = |reply: Reply<String>| {
            if reply == Reply::Back {
                if let Some(t) = typed.as_deref_mut() {
                    *t = on_esc.borrow().clone();
                }
            }
            reply
        };
        let chosen = ["VISUAL", "EDITOR"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|e| !e.is_empty()));
        if !chosen {
            let help = help(
                prompt,
                "(one paragraph here; set $EDITOR to write several; Esc goes back)",
            );
            let message = safe(&prompt.message);
            let default = default.map(safe);
            let initial = before.as_deref().map(safe);
            let mut text = Text::new(&message)
                .with_help_message(&help)
                .with_render_config(look(&left))
                .with_typed_on_cancel(&on_esc);
            if let Some(d) = default.as_deref() {
                text = text.with_default(d);
            }
            if let Some(i) = initial.as_deref() {
                text = text.with_initial_value(i);
            }
            return kept(reply(text.prompt()));
        }
        let help = help(prompt, "(opens your editor; save and close it to continue)");
        let message = safe(&prompt.message);
        let mut editor = Editor::new(&message)
            .with_help_message(&help)
            .with_file_extension(".md")
            .with_render_config(look(&left))
            .with_typed_on_cancel(&on_esc);
        if let Some(d) = before.as_deref().or(default) {
            editor = editor.with_predefined_text(d);
        }
        kept(reply(editor.prompt()))
    }

    fn say(&mut self, text: &str) {
        let _ = crate::cli::print(&format!("{text}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found walking through `ask` as a first-time user: the quick start's first
    /// question said "(space to tick, Enter to confirm, Esc goes back)" after its
    /// own "Space ticks a kind, Enter goes on.", and Esc there does not go back: it
    /// skips the start.
    #[test]
    fn the_first_start_question_says_what_esc_does_once() {
        let prompt = crate::ask::start::Step::Kinds.prompt();
        let shown = help(&prompt, "(space to tick, Enter to confirm, Esc goes back)");
        assert!(shown.contains("Esc skips the quick start"), "{shown}");
        assert!(!shown.contains("goes back"), "{shown}");
        assert_eq!(shown.matches("tick").count(), 1, "{shown}");
        let regions = crate::ask::start::Step::Regions.prompt();
        let shown = help(&regions, "(space to tick, Enter to confirm, Esc goes back)");
        assert!(shown.contains("Esc goes back"), "{shown}");
    }

    /// Issue 18: after Esc, inquire's "<canceled>" on the prompt's line read as if
    /// what was typed was lost; the line says what Esc did.
    #[test]
    fn a_prompt_left_with_esc_says_what_happened() {
        let back = Prompt::default();
        let left = left_with_esc(&back, true);
        assert_eq!(
            look(&left).canceled_prompt_indicator.content,
            "(back, typing kept)"
        );
        assert_eq!(left_with_esc(&back, false), "(back)");
        let skip = crate::ask::start::Step::Kinds.prompt();
        assert_eq!(left_with_esc(&skip, false), "(Esc skips the quick start)");
        let stop = Prompt {
            esc: Some("stops".to_owned()),
            ..Prompt::default()
        };
        assert_eq!(left_with_esc(&stop, true), "(Esc stops)");
    }
}
