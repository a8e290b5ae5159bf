//! One editor per kind of answer. Each owns the draft of one answer, turns keys into
//! changes of that draft, and says (with [`Outcome`]) when an answer is ready to be
//! checked and saved. Editors never save, and drawing them (`lines`) never changes
//! their drafts (a long text remembers only the width and the rows it was drawn at,
//! so Up and Down follow the rows on screen).

pub mod catalog_ref;
pub mod choice;
pub mod choices;
pub mod countries;
pub mod form;
pub mod graphemes;
pub mod group;
pub mod maybe;
pub mod records;
pub mod text;
pub mod text_area;
pub mod yes_no;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use serde_json::Value;

use crate::answers::Answers;
use crate::catalog::Catalog;
use crate::questions::{Kind, Question};
use crate::tui::keys::Hint;

/// What editors may read besides the answer they edit.
pub struct Ctx<'a> {
    pub answers: &'a Answers,
    /// The processor catalog (built in, plus the operator's own).
    pub catalog: &'a Catalog,
}

/// What a key did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not a key this editor uses; the wizard may use it.
    Ignored,
    /// The draft changed (or the cursor moved).
    Consumed,
    /// The answer is ready: check it, save it, go to the next question.
    Submit(Value),
    /// A change to save at once, staying on this question (list edits).
    Apply(Value),
    /// Like `Apply`, with other answers changed in the same save (a removed data
    /// category taken out of the answers that referred to it, or put back).
    ApplyWith(Value, Vec<(&'static str, Value)>),
    /// The typed text cannot be read; the reason, shown under the answer.
    Invalid(String),
}

/// The editor of the current question.
#[derive(Debug, Clone)]
pub enum Editor {
    Text(text::TextEditor),
    TextArea(text_area::TextAreaEditor),
    YesNo(yes_no::YesNo),
    Maybe(maybe::Maybe),
    Choice(choice::Choice),
    Choices(choices::Choices),
    Countries(countries::Countries),
    CatalogRef(catalog_ref::CatalogRef),
    List(records::List),
    Group(group::Group),
}

fn owned(choices: &[(&str, &str)]) -> Vec<(String, String)> {
    choices
        .iter()
        .map(|(k, l)| ((*k).to_owned(), (*l).to_owned()))
        .collect()
}

impl Editor {
    /// The editor for a question, starting from its current answer (or suggestion).
    /// A list of short texts inside a record is typed on one line.
    /// The answer is taken, not borrowed: a list's editor keeps its entries, and
    /// copying 5,000 of them was most of the time to reach the question.
    pub fn for_question(q: &Question, answer: Option<Value>, ctx: &Ctx) -> Editor {
        let current = answer.as_ref();
        match &q.kind {
            Kind::YesNo => Editor::YesNo(yes_no::YesNo::new(current)),
            Kind::Maybe => Editor::Maybe(maybe::Maybe::new(current)),
            Kind::Choice(c) => Editor::Choice(choice::Choice::new(&owned(c), q.required, current)),
            Kind::Choices(c) => {
                // A required list (a data category's sources) starts with its first
                // choice ticked, as a required single choice starts on its first.
                let first = (q.required && crate::questions::unanswered(current))
                    .then(|| Value::from(c[0].0));
                Editor::Choices(choices::Choices::new(
                    owned(c),
                    first.as_ref().or(current),
                    "",
                ))
            }
            Kind::CatalogRef => {
                Editor::CatalogRef(catalog_ref::CatalogRef::new(current, ctx.catalog))
            }
            Kind::Categories => Editor::Choices(choices::Choices::new(
                ctx.answers
                    .data
                    .categories
                    .iter()
                    .map(|c| c.id.to_string())
                    .zip(crate::questions::category_labels(
                        &ctx.answers.data.categories,
                    ))
                    .collect(),
                current,
                "No data categories yet: describe them in \"Data you collect\" first.",
            )),
            Kind::Category => {
                let options =
                    crate::questions::category_options(&ctx.answers.data.categories, current);
                let mut pick = choice::Choice::new(&options, q.required, current);
                pick.empty = crate::questions::NO_CATEGORIES;
                Editor::Choice(pick)
            }
            Kind::Country => Editor::Countries(countries::Countries::new(current, true)),
            Kind::Countries => Editor::Countries(countries::Countries::new(current, false)),
            Kind::Records(_) => Editor::List(records::List::new(answer)),
            Kind::Lines if q.key.contains('.') => Editor::List(records::List::new(answer)),
            Kind::Group(_) => Editor::Group(group::Group::new(current)),
            Kind::Paragraph | Kind::Document => {
                Editor::TextArea(text_area::TextAreaEditor::new(&q.kind, current))
            }
            kind => Editor::Text(text::TextEditor::new(kind, current)),
        }
    }

    pub fn handle(&mut self, key: &KeyEvent, q: &Question, ctx: &Ctx) -> Outcome {
        match self {
            Editor::Text(e) => e.handle(key, &q.kind, q.required),
            Editor::TextArea(e) => e.handle(key, &q.kind, q.required),
            Editor::YesNo(e) => e.handle(key),
            Editor::Maybe(e) => e.handle(key),
            Editor::Choice(e) => e.handle(key),
            Editor::Choices(e) => e.handle(key),
            Editor::Countries(e) => e.handle(key),
            Editor::CatalogRef(e) => e.handle(key),
            Editor::List(e) => e.handle(key, q, ctx),
            Editor::Group(e) => match &q.kind {
                Kind::Group(fields) => e.handle(key, fields, ctx),
                _ => Outcome::Ignored,
            },
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self {
            Editor::Text(e) => e.input.insert_str(text),
            Editor::TextArea(e) => e.area.insert_str(text),
            Editor::Countries(e) => e.paste(text),
            Editor::CatalogRef(e) => e.input.insert_str(text),
            Editor::List(e) => e.paste(text),
            Editor::Group(e) => e.form.paste(text),
            _ => {}
        }
    }

    /// What moving to another question saves first: the draft as if Enter were
    /// pressed (so Tab never loses typing), or an error when an entry is open.
    pub fn submit_for_move(&mut self, q: &Question, ctx: &Ctx) -> Option<Outcome> {
        match self {
            Editor::List(l) if l.busy() => Some(Outcome::Invalid(
                crate::tui::strings::FINISH_ENTRY.to_owned(),
            )),
            Editor::List(_) => None,
            Editor::Group(g) if g.form.open.is_some() => Some(Outcome::Invalid(
                "finish the open field first: Enter saves it, Esc closes it".to_owned(),
            )),
            Editor::Group(g) => Some(Outcome::Submit(g.draft())),
            _ => {
                let enter = KeyEvent::from(KeyCode::Enter);
                match self.handle(&enter, q, ctx) {
                    // A country typed but not picked is dropped, not guessed at.
                    Outcome::Consumed => self.submit_for_move(q, ctx),
                    other => Some(other),
                }
            }
        }
    }

    /// The long text being written, if that is what has the keys (the question's,
    /// or an open field's in a list entry or a group): Ctrl-O hands it to the
    /// operator's editor.
    pub fn document(&mut self) -> Option<&mut text_area::TextAreaEditor> {
        let form = match self {
            Editor::TextArea(e) if e.document => return Some(e),
            Editor::List(records::List {
                open: Some(records::Open::Record(_, form)),
                ..
            }) => form,
            Editor::Group(g) => &mut g.form,
            _ => return None,
        };
        form.open.as_mut()?.1.document()
    }

    /// A change was refused with these problems: an open list entry shows those
    /// about its fields at the fields; the rest are returned.
    pub fn refused(&mut self, key: &str, errors: Vec<String>) -> Vec<String> {
        match self {
            Editor::List(l) => l.refused(key, errors),
            _ => errors,
        }
    }

    /// A change was saved; list editors keep their place.
    pub fn accepted(&mut self, value: &Value) {
        if let Editor::List(l) = self {
            l.accepted(value);
        }
    }

    /// The editor drawn in `width` columns and about `height` rows (lists and long
    /// texts are windowed to it; what is under the editor needs the rest).
    pub fn lines(
        &self,
        q: &Question,
        ctx: &Ctx,
        width: usize,
        height: usize,
    ) -> Vec<Line<'static>> {
        let placeholder = q.example.map(|e| format!("e.g. {e}"));
        match self {
            Editor::Text(e) => e.lines(placeholder.as_deref()),
            Editor::TextArea(e) => e.lines(placeholder.as_deref(), width, height),
            Editor::YesNo(e) => e.lines(),
            Editor::Maybe(e) => e.lines(),
            Editor::Choice(e) => e.lines(height),
            Editor::Choices(e) => e.lines(height),
            Editor::Countries(e) => e.lines(),
            Editor::CatalogRef(e) => e.lines(),
            Editor::List(e) => e.lines(q, ctx, width, height),
            Editor::Group(e) => match &q.kind {
                Kind::Group(fields) => e.lines(fields, ctx, width, height),
                _ => Vec::new(),
            },
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        match self {
            Editor::Text(e) => e.hints(),
            Editor::TextArea(e) => e.hints(),
            Editor::YesNo(e) => e.hints(),
            Editor::Maybe(e) => e.hints(),
            Editor::Choice(e) => e.hints(),
            Editor::Choices(e) => e.hints(),
            Editor::Countries(e) => e.hints(),
            Editor::CatalogRef(e) => e.hints(),
            Editor::List(e) => e.hints(),
            Editor::Group(e) => e.hints(),
        }
    }
}

/// An answer in a few words, for a record's field list.
/// A field's answer as the form shows it: as [`summary`], with the data categories
/// it picks by their names rather than their ids (`account`).
pub fn shown(kind: &Kind, value: &Value, ctx: &Ctx) -> String {
    match (kind, value) {
        (Kind::Categories, Value::Array(ids)) => {
            let categories = &ctx.answers.data.categories;
            let labels = crate::questions::category_labels(categories);
            ids.iter()
                .filter_map(Value::as_str)
                .map(|id| match categories.iter().position(|c| c.id == id) {
                    Some(i) => labels[i].clone(),
                    None => id.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        (Kind::Category, Value::String(id)) => {
            let categories = &ctx.answers.data.categories;
            match categories.iter().position(|c| c.id == *id) {
                Some(i) => crate::questions::category_labels(categories)[i].clone(),
                None => id.clone(),
            }
        }
        // Countries by their names: "IE, US" read as codes, not places.
        (Kind::Country | Kind::Countries, Value::String(_) | Value::Array(_)) => {
            let codes: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                one => vec![one],
            };
            codes
                .into_iter()
                .filter_map(Value::as_str)
                .map(|c| match c.parse::<crate::answers::values::Country>() {
                    Ok(country) => country.name().to_owned(),
                    Err(_) => c.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ => summary(kind, value),
    }
}

pub fn summary(kind: &Kind, value: &Value) -> String {
    match (kind, value) {
        (_, Value::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
        (Kind::Choice(c) | Kind::Choices(c), Value::String(k)) => c
            .iter()
            .find(|(key, _)| key == k)
            .map_or_else(|| k.clone(), |(_, l)| (*l).to_owned()),
        (Kind::Choices(c), Value::Array(keys)) if keys.iter().all(Value::is_string) => keys
            .iter()
            .map(|k| summary(&Kind::Choice(c), k))
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::Object(o)) => format!("({} fields)", o.len()),
        _ => {
            let mut text = kind.to_text(value);
            if text.contains('\n') {
                // Several lines, summed up on one.
                text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            match text.char_indices().nth(60) {
                Some((i, _)) => format!("{}…", &text[..i]),
                None => text,
            }
        }
    }
}

/// Options side by side, the chosen one reversed.
pub fn option_spans(options: &[&str], chosen: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, o) in options.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        let text = format!(" {o} ");
        spans.push(if i == chosen {
            Span::styled(text, crate::tui::ui::style::selected())
        } else {
            Span::raw(text)
        });
    }
    spans
}

/// Rows with the cursor's row marked and reversed, windowed to `height` rows so the
/// cursor stays in view.
pub fn list_lines(labels: &[String], cursor: usize, height: usize) -> Vec<Line<'static>> {
    rows_in_view(labels.len(), cursor, height, |i| labels[i].clone())
}

/// [`list_lines`] for a list of `len` rows whose labels are made only for the rows
/// in view: a list of thousands of entries costs a frame what its visible rows do.
pub fn rows_in_view(
    len: usize,
    cursor: usize,
    height: usize,
    label: impl Fn(usize) -> String,
) -> Vec<Line<'static>> {
    let height = height.max(3);
    let start = cursor
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    (start..len.min(start + height))
        .map(|i| {
            let l = label(i);
            if i == cursor {
                Line::styled(format!("› {l}"), crate::tui::ui::style::selected())
            } else {
                Line::from(format!("  {l}"))
            }
        })
        .collect()
}

/// One line of a list of matches; the highlighted one is shown selected.
pub fn match_line(text: String, highlighted: bool) -> Line<'static> {
    if highlighted {
        Line::styled(text, crate::tui::ui::style::selected())
    } else {
        Line::from(text)
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;

    /// Issue 18: the store entry's "Which data category? (its id)" was a text field
    /// for an id; it is a pick of the data categories by name, the id stored.
    #[test]
    fn a_store_entry_picks_its_data_category_by_name() {
        let (section, i) = crate::questions::find("stores.categories").unwrap();
        let Kind::Records(r) = &section.questions[i].kind else {
            panic!("stores.categories is a list of records");
        };
        let field = r.fields.iter().find(|f| f.key == "category").unwrap();
        let mut answers = Answers::default();
        for (id, name) in [("account", "Your account"), ("notes", "Your notes")] {
            answers.data.categories.push(crate::answers::DataCategory {
                id: id.into(),
                name: name.into(),
                ..Default::default()
            });
        }
        let ctx = Ctx {
            answers: &answers,
            catalog: Catalog::builtin_shared(),
        };
        let mut editor = Editor::for_question(field, None, &ctx);
        let Editor::Choice(pick) = &editor else {
            panic!("a pick, not a text field");
        };
        let labels: Vec<&str> = pick.options.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Your account", "Your notes"]);
        let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
        editor.handle(&key(KeyCode::Down), field, &ctx);
        assert_eq!(
            editor.handle(&key(KeyCode::Enter), field, &ctx),
            Outcome::Submit(Value::from("notes"))
        );
        // Shown by name in the entry's form.
        assert_eq!(
            shown(&field.kind, &Value::from("notes"), &ctx),
            "Your notes"
        );

        // None described: the pick says where to describe them.
        let none = Answers::default();
        let ctx = Ctx {
            answers: &none,
            catalog: Catalog::builtin_shared(),
        };
        let Editor::Choice(pick) = Editor::for_question(field, None, &ctx) else {
            panic!("a pick");
        };
        let shown: Vec<String> = pick.lines(5).iter().map(|l| l.to_string()).collect();
        assert_eq!(shown, [crate::questions::NO_CATEGORIES]);
    }
}
