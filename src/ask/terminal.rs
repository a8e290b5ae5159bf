//! The real prompter: inquire, one prompt per line, usable with screen readers.

use inquire::error::InquireError;
use inquire::validator::Validation;
use inquire::{Confirm, Editor, MultiSelect, Select, Text};

use super::prompter::{Prompt, Prompter, Reply, TextInput};

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
    match (prompt.help.is_empty(), extra.is_empty()) {
        (true, _) => extra.to_owned(),
        (false, true) => prompt.help.clone(),
        (false, false) => format!("{} {extra}", prompt.help),
    }
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
        let mut text = Text::new(&prompt.message)
            .with_help_message(&help)
            .with_validator(move |s: &str| {
                Ok(match check(s) {
                    Ok(()) => Validation::Valid,
                    Err(e) => Validation::Invalid(e.into()),
                })
            });
        if let Some(d) = input.default.as_deref() {
            text = text.with_default(d);
        }
        if let Some(p) = prompt.placeholder.as_deref() {
            text = text.with_placeholder(p);
        }
        if !input.suggestions.is_empty() {
            text = text.with_autocomplete(Suggest(input.suggestions.to_vec()));
        }
        reply(text.prompt())
    }

    fn confirm(&mut self, prompt: &Prompt, default: Option<bool>) -> Reply<bool> {
        let help = help(prompt, "(y/n; Esc goes back)");
        let mut confirm = Confirm::new(&prompt.message).with_help_message(&help);
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
        let select = Select::new(&prompt.message, options.to_vec())
            .with_help_message(&help)
            .with_starting_cursor(default.min(options.len().saturating_sub(1)))
            .with_page_size(12);
        reply(select.raw_prompt().map(|o| o.index))
    }

    fn multi_select(
        &mut self,
        prompt: &Prompt,
        options: &[String],
        selected: &[usize],
    ) -> Reply<Vec<usize>> {
        let help = help(prompt, "(space to tick, Enter to confirm, Esc goes back)");
        let multi = MultiSelect::new(&prompt.message, options.to_vec())
            .with_help_message(&help)
            .with_default(selected)
            .with_page_size(12);
        reply(
            multi
                .raw_prompt()
                .map(|o| o.into_iter().map(|o| o.index).collect()),
        )
    }

    /// In the person's own editor when `$VISUAL` or `$EDITOR` says which; otherwise
    /// on one line, since an editor nobody chose would be a trap.
    fn long_text(&mut self, prompt: &Prompt, default: Option<&str>) -> Reply<String> {
        let chosen = ["VISUAL", "EDITOR"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|e| !e.is_empty()));
        if !chosen {
            let help = help(prompt, "(one paragraph here; set $EDITOR to write several)");
            let mut text = Text::new(&prompt.message).with_help_message(&help);
            if let Some(d) = default {
                text = text.with_default(d);
            }
            return reply(text.prompt());
        }
        let help = help(prompt, "(opens your editor; save and close it to continue)");
        let mut editor = Editor::new(&prompt.message)
            .with_help_message(&help)
            .with_file_extension(".md");
        if let Some(d) = default {
            editor = editor.with_predefined_text(d);
        }
        reply(editor.prompt())
    }

    fn say(&mut self, text: &str) {
        println!("{text}");
    }
}
