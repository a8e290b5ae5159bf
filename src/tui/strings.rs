//! Every sentence the wizard shows that is not part of the question catalog, so
//! wording changes in one place. Questions, help and choices come from `questions`.

pub const TOO_SMALL: &str = "Make the terminal larger";
pub const TOO_SMALL_DETAIL: &str = "The wizard needs at least 40 columns and 12 rows.";
pub const HOME_TITLE: &str = "policywright: your privacy policies";
pub const HOME_EMPTY: &str = "No saved policies yet. Press n to start one.";
pub const HOME_NEW_PROMPT: &str = "Name for the new policy (letters, digits, - and _):";
pub const NOT_LEGAL_ADVICE: &str =
    "policywright is not legal advice: have a lawyer review your policy before you publish it.";
pub const SECTIONS: &str = "Sections";
pub const PREVIEW: &str = "Preview (Markdown)";
pub const PREVIEW_DRAFT: &str = "Draft preview: missing answers are shown as ‹placeholders›.";
pub const PREVIEW_RENDERING: &str = "Rendering the preview…";
pub const PREVIEW_CANNOT: &str = "The preview appears once these answers are fixed:";
pub const PREVIEW_NOT_YET: &str =
    "This part of the interview adds nothing to the policy yet; the policy so far:";
pub const LAST_QUESTION: &str =
    "That was the last question. Ctrl-R reviews the policy and publishes it.";
/// Under the first findings about a question, when there are more.
pub fn more_findings(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("… and {n} more finding{s} about this question: Ctrl-R lists them all.")
}
pub const FIRST_QUESTION: &str = "This is the first question.";
pub const NOTHING_APPLIES: &str = "No question in this section applies to your answers so far.";
pub const SAVED: &str = "saved";
pub const SAVING: &str = "saving";
pub const QUIT_UNSAVED: &str =
    "An answer is NOT saved and would be lost: press Ctrl-Q again to leave without it.";
pub const NOT_SAVED_YET: &str = "nothing saved yet";
pub const EDITING: &str = "editing: Enter saves, Esc undoes";
pub const NEW_LINE: &str = "Alt-Enter or Ctrl-J: new line. Enter: save.";
/// A letter typed on an entry's field that does not take letters.
pub const STRAY_TYPING: &str =
    "Not typed: this field takes y or n. Press an arrow key or Enter before answering it.";
/// The same, on a list of choices (it said "y or n" there too).
pub const STRAY_CHOICE: &str = "Not typed: this field is a list of choices: Enter opens it, \
     then ↑↓ and Enter (or Space) pick. Press an arrow key or Enter first.";
pub const NEEDED: &str = "an answer is needed here";
/// Under a text field that prose typed on a yes/no field was moved into; the
/// yes/no's question follows.
pub const PROSE_MOVED: &str = "Typed here (Esc takes it out): a word is not a y/n answer to";
/// The same for typing that landed on "Save this entry".
pub const TYPED_ON_SAVE: &str =
    "Typed here (Esc takes it out): “Save this entry” takes no typing; Enter saves this field.";
/// The same for typing that landed on a list of choices; its question follows.
pub const TYPING_MOVED: &str = "Typed here (Esc takes it out): no typing goes into the choices of";
pub const NO_ANSWER: &str = "(no answer)";
/// After a value a catalog-referencing record leaves to the catalog.
pub const FROM_CATALOG: &str = "(from the catalog)";
/// Under a field whose editor starts from the catalog's value.
pub const CATALOG_DEFAULT: &str =
    "Starts from the catalog's value: Enter makes it your answer, Esc leaves it to the catalog.";
/// Before an entry's note from the catalog (what to check, e.g. a region to choose).
pub const CATALOG_NOTE: &str = "Catalog note:";
/// After a value the entry will keep unless the founder changes it (an id made
/// from the name).
pub const SUGGESTED: &str = "(suggested)";
pub const SAVE_ENTRY: &str = "Save this entry";
/// Above an optional group's fields (a DPO, a representative) while none is filled
/// in: that is the answer "no", and it is said.
pub const GROUP_NO: &str = "Answer: no (none). Fill in the fields below to give one.";
pub const REMOVE_GROUP: &str = "Remove these details";
/// Esc in an entry whose fields were changed: nothing confirmed is dropped unasked.
pub const KEEP_CHANGES: &str =
    "Keep the changes to this entry? y saves them, n discards them, any other key goes back to it.";
/// After a list entry was removed.
pub const REMOVED: &str = "Removed";
pub const UNDO_REMOVE: &str = "u brings it back.";
/// After [`UNDO_REMOVE`] when entries were removed before the last one: each `u`
/// brings back one more.
pub fn undo_more(earlier: usize) -> String {
    match earlier {
        0 => String::new(),
        1 => " Then u again brings back the one removed before it.".to_owned(),
        n => format!(" Then each u again brings back one of the {n} removed before it."),
    }
}
/// The status while an entry is open and none of its fields is.
pub const EDITING_ENTRY: &str = "entry not saved yet: “Save this entry” saves it";
pub const ENTRY_REFUSED: &str = "Not saved yet: the fields marked ! need an answer or a fix.";
pub const REVIEW_TITLE: &str = "Review and publish";
pub const REVIEW_MISSING: &str = "Still needed before the policy can be published:";
pub const REVIEW_READY: &str = "Every required answer is there.";
/// [`REVIEW_READY`] above error findings: read alone, a founder took it for "ready to
/// publish" with seven errors below it.
pub const REVIEW_READY_BUT: &str =
    "Every required answer is there, but the laws that apply ask for more: see the errors below.";
pub const REVIEW_FINDINGS: &str = "Findings against the laws that apply (policywright check):";
pub const REVIEW_NO_FINDINGS: &str = "No findings.";
pub const REVIEW_OUTPUTS: &str = "Write (Space ticks a format; type to change its path):";
pub const PUBLISH: &str = "Publish";
pub const FINISH_ENTRY: &str =
    "finish the open entry first: Enter on “Save this entry”, or Esc to leave it";
pub const NOTHING_FOUND_TO_ADD: &str =
    "Nothing to add: every service found in your code is already in the list.";
pub const SCANNING: &str = "Looking through your code in";
pub const FOUND_IN_CODE: &str = "Found in your code in";
pub const NOTHING_IN_CODE: &str = "Nothing from the catalog found in your code in";
pub const CANNOT_SCAN: &str = "Cannot look through your code:";
pub const NO_CODE_DIR: &str = "Tip: say where your product's code is (the question before) and the services it uses are offered here.";
pub const SCROLL_POLICY: &str = " Alt-↑↓ scroll ";
pub const SCROLL_CHECKLIST: &str = " PgUp/PgDn scroll ";

/// After a publish whose changes are material, as `policywright publish` says it.
pub const MATERIAL_CHANGES: &str =
    "Material changes: tell your users (policywright diff NAME --notice drafts the notice).";
/// The start screen's title, before the policy's name.
pub const START_TITLE: &str = "Quick start for the new policy";
/// While the code is looked through and the suggestions made.
pub const START_WORKING: &str = "Looking through your code and preparing the suggestions…";
/// In the wizard, after a start that suggested something.
pub const START_SUGGESTED: &str =
    "Marked [suggested]: Ctrl-Y confirms one, Ctrl-D a section, Ctrl-N goes to the next to do.";
/// In the wizard, after a start that suggested nothing.
pub const START_NOTHING: &str = "Quick start: nothing to suggest from these answers.";
/// After a list entry that is an unconfirmed suggestion of its own.
pub const ENTRY_SUGGESTED: &str = "  [suggested]";
