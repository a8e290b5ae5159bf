//! The prompt layer the line-by-line interview talks to. The interview logic only
//! sees this trait, so it is tested with a scripted prompter and no terminal.

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    /// They answered (Enter keeps the default).
    Answer(T),
    /// Esc: go back one question.
    Back,
    /// Ctrl-C or Ctrl-D: stop; what was confirmed is already saved.
    Quit,
}

/// One prompt's words.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    pub message: String,
    /// Why the question is asked; shown under the prompt.
    pub help: String,
    /// Shown greyed out when there is no answer yet.
    pub placeholder: Option<String>,
    /// What Esc does here when it does not go back one question (at the quick
    /// start's first question it skips the start), as the key hint says it.
    pub esc: Option<String>,
}

/// A text prompt's behaviour.
pub struct TextInput<'a> {
    /// The current answer; Enter keeps it.
    pub default: Option<String>,
    /// The default is the processor catalog's value for a field the record leaves
    /// empty: Enter leaves it to the catalog, and clearing would only bring it back.
    pub from_catalog: bool,
    /// Checks the text as it is confirmed; an error keeps the prompt open.
    pub check: &'a dyn Fn(&str) -> Result<(), String>,
    /// Completion candidates, e.g. country codes.
    pub suggestions: &'a [String],
    /// Text typed at this prompt before it was left with Esc: the line starts with
    /// it, and on Esc (`Reply::Back`) the prompter leaves in it what is typed then,
    /// so that going back and forth loses no typing (issue 18). `None` where the
    /// caller keeps nothing.
    pub typed: Option<&'a mut String>,
}

/// Asks one thing at a time.
pub trait Prompter {
    fn text(&mut self, prompt: &Prompt, input: TextInput<'_>) -> Reply<String>;
    fn confirm(&mut self, prompt: &Prompt, default: Option<bool>) -> Reply<bool>;
    /// Picks one option; `default` is where the cursor starts.
    fn select(&mut self, prompt: &Prompt, options: &[String], default: usize) -> Reply<usize>;
    /// Picks any options; `selected` are ticked at first. On Esc (`Reply::Back`),
    /// `selected` is left as the options were ticked then, so that a question gone
    /// back from keeps what was ticked (the quick start's regions).
    fn multi_select(
        &mut self,
        prompt: &Prompt,
        options: &[String],
        selected: &mut Vec<usize>,
    ) -> Reply<Vec<usize>>;
    /// A long text of several paragraphs; `default` is the current text. `typed`,
    /// as in [`TextInput::typed`]: the text written before Esc, to start from, and
    /// where the prompter leaves what is written when Esc leaves it again.
    fn long_text(
        &mut self,
        prompt: &Prompt,
        default: Option<&str>,
        typed: Option<&mut String>,
    ) -> Reply<String>;
    /// Tells the person something (a section heading, a saved answer, a problem).
    fn say(&mut self, text: &str);
}
