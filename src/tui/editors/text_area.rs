//! Several lines of text being typed (a description, a custom section's paragraphs):
//! soft-wrapped to the width it is drawn at, with the cursor kept in view. Enter is
//! left to the owner, which saves the answer as everywhere else in the wizard;
//! Alt-Enter and Ctrl-J start a new line.

use std::cell::Cell;

use super::{Outcome, graphemes};
use crate::questions::Kind;
use crate::tui::keys::Hint;
use crate::tui::strings;
use crate::tui::ui::style;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::text::{Line, Span};
use serde_json::Value;

/// The fewest rows shown (the last says which rows they are, when not all fit).
const MIN_ROWS: usize = 4;

/// Drawn before every row, so the field's extent (and its blank lines) can be seen.
const GUTTER: &str = "│ ";

/// Text with a cursor. The cursor counts grapheme clusters ([`graphemes`]), so an
/// edit never splits what the screen shows as one character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    pub text: String,
    pub cursor: usize,
    /// The column Up and Down aim for, kept while moving from row to row so that a
    /// short row on the way does not lose it.
    goal: Option<usize>,
    /// The width the text was last wrapped at (0: not drawn yet, no wrapping), so Up
    /// and Down move by the rows the operator sees. The first row shown, so the view
    /// scrolls only when the cursor leaves it. Drawing sets these two and nothing else.
    wrap: Cell<usize>,
    top: Cell<usize>,
}

/// One row on screen: clusters `start..end` of the text. A row that ends its line
/// (`last`) may hold the cursor at `end`; otherwise `end` is the next row's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    start: usize,
    end: usize,
    last: bool,
}

fn width_of(unit: &str) -> usize {
    graphemes::width(unit)
}

/// Soft-wraps text at `width` columns: after the last space that fits, else inside
/// the word. A space that would overflow the row hangs in the column kept for the
/// cursor, so a row never starts with the space that broke it.
fn wrap(chars: &[&str], width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut line_start = 0;
    loop {
        let line_end = chars[line_start..]
            .iter()
            .position(|&c| c == "\n")
            .map_or(chars.len(), |p| line_start + p);
        let mut start = line_start;
        loop {
            let (mut used, mut i, mut after_space, mut full) = (0, start, None, false);
            while i < line_end {
                let c = chars[i];
                let w = width_of(c);
                if used + w > width && i > start {
                    if c == " " && used + w <= width + 1 {
                        i += 1;
                        after_space = Some(i);
                    }
                    full = true;
                    break;
                }
                used += w;
                i += 1;
                if c == " " {
                    after_space = Some(i);
                }
            }
            if !full {
                rows.push(Row {
                    start,
                    end: line_end,
                    last: true,
                });
                break;
            }
            let end = after_space.unwrap_or(i);
            rows.push(Row {
                start,
                end,
                last: false,
            });
            start = end;
        }
        if line_end == chars.len() {
            return rows;
        }
        line_start = line_end + 1;
    }
}

/// Pasted or loaded text as the area keeps it: `\r\n` and a lone `\r` (what many
/// terminals send for a pasted line break) become `\n`, a tab a space, and other
/// control characters go.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl TextArea {
    pub fn new(text: &str) -> TextArea {
        let text = clean(text);
        let cursor = graphemes::count(&text);
        TextArea {
            text,
            cursor,
            ..TextArea::default()
        }
    }

    fn byte(&self, index: usize) -> usize {
        graphemes::byte(&self.text, index)
    }

    /// Removes clusters `from..to`, the cursor where they were (what was either
    /// side may now be one cluster).
    fn remove(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = graphemes::index_at(&self.text, a);
    }

    /// Puts `s` (already clean) at the cursor, the cursor after it.
    fn insert_at_cursor(&mut self, s: &str) {
        let at = self.byte(self.cursor);
        self.text.insert_str(at, s);
        self.cursor = graphemes::index_at(&self.text, at + s.len());
    }

    /// The rows as last drawn (one per line before the first draw).
    fn rows(&self, chars: &[&str]) -> Vec<Row> {
        match self.wrap.get() {
            0 => wrap(chars, usize::MAX - 1),
            w => wrap(chars, w),
        }
    }

    /// The start of the cursor's line (after the previous line break).
    fn line_start(&self, chars: &[&str]) -> usize {
        chars[..self.cursor]
            .iter()
            .rposition(|&c| c == "\n")
            .map_or(0, |p| p + 1)
    }

    fn line_end(&self, chars: &[&str]) -> usize {
        chars[self.cursor..]
            .iter()
            .position(|&c| c == "\n")
            .map_or(chars.len(), |p| self.cursor + p)
    }

    /// Inserts text where the cursor is, line breaks kept.
    pub fn insert_str(&mut self, s: &str) {
        let s = clean(s);
        self.insert_at_cursor(&s);
        self.goal = None;
    }

    /// The text as it is saved: every line's trailing spaces and the blank lines at
    /// either end go; blank lines between paragraphs stay.
    pub fn trimmed(&self) -> String {
        let lines: Vec<&str> = self.text.lines().map(str::trim_end).collect();
        lines.join("\n").trim().to_owned()
    }

    /// Edits the text; returns whether the key was one it uses. Plain Enter is not.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let text = self.text.clone();
        let chars = graphemes::units(&text);
        let mut vertical = false;
        match key.code {
            KeyCode::Enter if !key.modifiers.is_empty() => self.insert_str("\n"),
            KeyCode::Char('j') if ctrl => self.insert_str("\n"),
            KeyCode::Char('a') if ctrl => self.cursor = self.line_start(&chars),
            KeyCode::Char('e') if ctrl => self.cursor = self.line_end(&chars),
            KeyCode::Char('u') if ctrl => {
                // To the start of the line; at the start, the line break before it.
                let start = self.line_start(&chars);
                let from = if start == self.cursor {
                    start.saturating_sub(1)
                } else {
                    start
                };
                self.remove(from, self.cursor);
            }
            KeyCode::Char('k') if ctrl => {
                // To the end of the line; at the end, the line break after it.
                let end = self.line_end(&chars);
                let to = if end == self.cursor {
                    (end + 1).min(chars.len())
                } else {
                    end
                };
                self.remove(self.cursor, to);
            }
            KeyCode::Char('w') if ctrl => {
                let mut start = self.cursor;
                while start > 0 && graphemes::is_space(chars[start - 1]) {
                    start -= 1;
                }
                while start > 0 && !graphemes::is_space(chars[start - 1]) {
                    start -= 1;
                }
                self.remove(start, self.cursor);
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.insert_at_cursor(c.encode_utf8(&mut [0; 4]));
            }
            KeyCode::Backspace if self.cursor > 0 => self.remove(self.cursor - 1, self.cursor),
            KeyCode::Delete if self.cursor < chars.len() => {
                let at = self.cursor;
                self.remove(at, at + 1);
            }
            KeyCode::Backspace | KeyCode::Delete => {}
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(chars.len()),
            KeyCode::Home if ctrl => self.cursor = 0,
            KeyCode::End if ctrl => self.cursor = chars.len(),
            KeyCode::Home | KeyCode::End => {
                let rows = self.rows(&chars);
                let row = rows[row_of(&rows, self.cursor)];
                self.cursor = if key.code == KeyCode::Home {
                    row.start
                } else {
                    last_place(row)
                };
            }
            KeyCode::Up | KeyCode::Down => {
                vertical = true;
                let rows = self.rows(&chars);
                let here = row_of(&rows, self.cursor);
                let goal = *self
                    .goal
                    .get_or_insert_with(|| columns(&chars[rows[here].start..self.cursor]));
                self.cursor = match (key.code, here) {
                    (KeyCode::Up, 0) => 0,
                    (KeyCode::Up, _) => place_at(&chars, rows[here - 1], goal),
                    _ if here + 1 == rows.len() => chars.len(),
                    _ => place_at(&chars, rows[here + 1], goal),
                };
            }
            _ => return false,
        }
        if !vertical {
            self.goal = None;
        }
        true
    }

    /// The text wrapped to `width` columns (a gutter included), as many rows as fit
    /// in `height` (at least [`MIN_ROWS`]) around the cursor, the cursor shown as a
    /// reversed cell (the wizard draws its own cursor, so snapshots show where it
    /// is). When the text does not fit, the last row says which rows are shown.
    pub fn lines(
        &self,
        width: usize,
        height: usize,
        placeholder: Option<&str>,
    ) -> Vec<Line<'static>> {
        let gutter = || Span::styled(GUTTER, style::dim());
        let cursor = style::selected();
        // One column is kept for the cursor at the end of a full row.
        let text_width = width.saturating_sub(GUTTER.chars().count() + 1).max(1);
        self.wrap.set(text_width);
        if self.text.is_empty() {
            let mut spans = vec![gutter(), Span::styled(" ", cursor)];
            if let Some(p) = placeholder {
                spans.push(Span::styled(p.to_owned(), style::dim()));
            }
            return vec![Line::from(spans)];
        }
        let chars = graphemes::units(&self.text);
        let rows = self.rows(&chars);
        let here = row_of(&rows, self.cursor);
        // The text being typed matters more than what is under it: a few rows even
        // when the room left says fewer.
        let height = height.max(MIN_ROWS);
        let shown = if rows.len() > height {
            height.saturating_sub(1).max(1)
        } else {
            height
        };
        let mut top = self.top.get();
        if here < top {
            top = here;
        } else if here >= top + shown {
            top = here + 1 - shown;
        }
        top = top.min(rows.len().saturating_sub(shown));
        self.top.set(top);
        let text = |from: usize, to: usize| chars[from..to].concat();
        let mut lines: Vec<Line<'static>> = rows[top..]
            .iter()
            .take(shown)
            .enumerate()
            .map(|(i, r)| {
                let mut spans = vec![gutter()];
                if top + i != here {
                    spans.push(Span::raw(text(r.start, r.end)));
                    return Line::from(spans);
                }
                spans.push(Span::raw(text(r.start, self.cursor)));
                if self.cursor < r.end && width_of(chars[self.cursor]) == 0 {
                    // A cluster that takes no cell: the cursor is a blank before it
                    // (in the column every row keeps for the cursor).
                    spans.push(Span::styled(" ", cursor));
                    spans.push(Span::raw(text(self.cursor, r.end)));
                } else if self.cursor < r.end {
                    spans.push(Span::styled(chars[self.cursor].to_owned(), cursor));
                    spans.push(Span::raw(text(self.cursor + 1, r.end)));
                } else {
                    spans.push(Span::styled(" ", cursor));
                }
                Line::from(spans)
            })
            .collect();
        if shown < rows.len() {
            lines.push(Line::styled(
                format!(
                    "  rows {}-{} of {}",
                    top + 1,
                    (top + shown).min(rows.len()),
                    rows.len()
                ),
                style::dim(),
            ));
        }
        lines
    }
}

/// The row the cursor is on: a cursor at the end of a wrapped row is shown at the
/// start of the next one.
fn row_of(rows: &[Row], cursor: usize) -> usize {
    rows.iter().rposition(|r| r.start <= cursor).unwrap_or(0)
}

/// The last place the cursor can take on a row.
fn last_place(row: Row) -> usize {
    if row.last { row.end } else { row.end - 1 }
}

fn columns(chars: &[&str]) -> usize {
    chars.iter().copied().map(width_of).sum()
}

/// The place on a row nearest to column `goal` without going past it.
fn place_at(chars: &[&str], row: Row, goal: usize) -> usize {
    let (mut at, mut used) = (row.start, 0);
    while at < last_place(row) {
        let w = width_of(chars[at]);
        if used + w > goal {
            break;
        }
        used += w;
        at += 1;
    }
    at
}

/// A typed answer of several lines ([`Kind::Paragraph`], [`Kind::Document`]).
#[derive(Debug, Clone)]
pub struct TextAreaEditor {
    pub area: TextArea,
    /// A long text of paragraphs, which may also be written in the operator's own
    /// editor (Ctrl-O).
    pub document: bool,
}

impl TextAreaEditor {
    pub fn new(kind: &Kind, current: Option<&Value>) -> TextAreaEditor {
        TextAreaEditor {
            area: TextArea::new(&current.map(|v| kind.to_text(v)).unwrap_or_default()),
            document: matches!(kind, Kind::Document),
        }
    }

    /// The text as it came back from the operator's editor; the cursor at its end.
    pub fn replace(&mut self, text: &str) {
        self.area = TextArea::new(text);
    }

    pub fn handle(&mut self, key: &KeyEvent, kind: &Kind, required: bool) -> Outcome {
        if key.code == KeyCode::Enter && key.modifiers.is_empty() {
            let text = self.area.trimmed();
            if required && text.is_empty() {
                return Outcome::Invalid(strings::NEEDED.to_owned());
            }
            return match kind.parse_text(&text) {
                Ok(v) => Outcome::Submit(v),
                Err(e) => Outcome::Invalid(e),
            };
        }
        if self.area.handle(key) {
            Outcome::Consumed
        } else {
            Outcome::Ignored
        }
    }

    /// The text, and under it how to start a new line (Enter saves, as everywhere).
    pub fn lines(
        &self,
        placeholder: Option<&str>,
        width: usize,
        height: usize,
    ) -> Vec<Line<'static>> {
        let mut lines = self
            .area
            .lines(width, height.saturating_sub(1), placeholder);
        lines.push(Line::styled(strings::NEW_LINE, style::dim()));
        lines
    }

    pub fn hints(&self) -> Vec<Hint> {
        let mut hints = vec![("Enter", "save"), ("Alt-Enter/^J", "new line")];
        if self.document {
            hints.push(("^O", "your editor"));
        }
        hints.extend([("Esc", "undo"), ("↑↓←→", "move")]);
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn press(t: &mut TextArea, codes: &[KeyCode]) {
        for &c in codes {
            t.handle(&key(c));
        }
    }

    /// The area drawn at `width` columns, as text (the gutter left out, the cursor
    /// shown as `|` before the char it is on).
    fn drawn(t: &TextArea, width: usize, height: usize) -> Vec<String> {
        t.lines(width, height, None)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| {
                        if s.style == style::selected() {
                            format!("|{}", s.content.trim_end())
                        } else {
                            s.content.to_string()
                        }
                    })
                    .collect::<String>()
                    .trim_start_matches(GUTTER)
                    .to_owned()
            })
            .collect()
    }

    fn rows(text: &str, width: usize) -> Vec<String> {
        let chars = graphemes::units(text);
        wrap(&chars, width)
            .iter()
            .map(|r| chars[r.start..r.end].concat())
            .collect()
    }

    #[test]
    fn text_wraps_at_spaces_and_inside_long_words() {
        assert_eq!(rows("ab cdefgh", 5), ["ab ", "cdefg", "h"]);
        // The space that breaks a full row stays on it, in the cursor's column.
        assert_eq!(rows("abcde fg", 5), ["abcde ", "fg"]);
        assert_eq!(rows("abcde ", 5), ["abcde ", ""]);
        assert_eq!(rows("one\n\ntwo", 5), ["one", "", "two"]);
        assert_eq!(rows("", 5), [""]);
        // Wide characters take two columns.
        assert_eq!(rows("日本語です", 5), ["日本", "語で", "す"]);
    }

    #[test]
    fn up_and_down_move_by_the_rows_on_screen() {
        let mut t = TextArea::new("a quick brownish fox jumped");
        // 12 columns: a gutter of 2, 9 for text, one kept for the cursor.
        assert_eq!(
            drawn(&t, 12, 5),
            ["a quick ", "brownish ", "fox ", "jumped|"]
        );
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 20, "fox| : as far as the shorter row goes");
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 14, "browni|sh: back at the column it started in");
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 6, "a quic|k");
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 0, "up from the first row goes to the start");
        t.handle(&key(KeyCode::End));
        assert_eq!(t.cursor, 7, "End: the end of the row, on its space");
        t.handle(&key(KeyCode::Down));
        assert_eq!(t.cursor, 15);
        t.handle(&key(KeyCode::Home));
        assert_eq!(t.cursor, 8);
        press(&mut t, &[KeyCode::Down, KeyCode::Down]);
        assert_eq!(t.cursor, 21);
        t.handle(&key(KeyCode::Down));
        assert_eq!(t.cursor, 27, "down from the last row goes to the end");
        // Right from the end of a wrapped row goes on to the next one.
        t.cursor = 7;
        t.handle(&key(KeyCode::Right));
        assert_eq!(drawn(&t, 12, 5)[1], "|brownish ");
    }

    #[test]
    fn up_and_down_keep_the_column_over_short_lines() {
        let mut t = TextArea::new("a long line\nab\nanother line");
        t.cursor = 8; // a long |line
        t.handle(&key(KeyCode::Down));
        assert_eq!(t.cursor, 14, "ab|: as far as the short line goes");
        t.handle(&key(KeyCode::Down));
        assert_eq!(t.cursor, 23, "another |line: the column comes back");
        t.handle(&key(KeyCode::Up));
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 8);
        // Any other key forgets the column.
        press(&mut t, &[KeyCode::Down, KeyCode::Left, KeyCode::Down]);
        assert_eq!(t.cursor, 16);
    }

    #[test]
    fn multi_byte_text_is_edited_a_character_at_a_time() {
        let mut t = TextArea::new("né\n日本");
        t.handle(&key(KeyCode::Up));
        assert_eq!(t.cursor, 2, "the end of the shorter line");
        t.handle(&key(KeyCode::Down));
        assert_eq!(t.cursor, 5, "the column (4: 日 and 本 are wide) is kept");
        press(&mut t, &[KeyCode::Left, KeyCode::Up]);
        assert_eq!(t.cursor, 2, "after 日 is column 2: after é");
        press(&mut t, &[KeyCode::Left, KeyCode::Delete]);
        t.handle(&key(KeyCode::Char('ü')));
        assert_eq!((t.text.as_str(), t.cursor), ("nü\n日本", 2));
        press(
            &mut t,
            &[KeyCode::Right, KeyCode::Delete, KeyCode::Backspace],
        );
        assert_eq!((t.text.as_str(), t.cursor), ("nü本", 2));
        assert_eq!(drawn(&t, 20, 5), ["nü|本"]);
    }

    #[test]
    fn paste_keeps_line_breaks_and_drops_control_characters() {
        let mut t = TextArea::new("");
        t.insert_str("one\r\ntwo\rthree\tfour\u{7}\u{1b}[0m");
        assert_eq!(t.text, "one\ntwo\nthree four[0m");
        assert_eq!(t.cursor, graphemes::count(&t.text));
        let mut t = TextArea::new("ad");
        t.cursor = 1;
        t.insert_str("b\nc");
        assert_eq!((t.text.as_str(), t.cursor), ("ab\ncd", 4));
    }

    #[test]
    fn backspace_and_delete_join_lines() {
        let mut t = TextArea::new("ab\ncd");
        t.cursor = 3;
        t.handle(&key(KeyCode::Backspace));
        assert_eq!((t.text.as_str(), t.cursor), ("abcd", 2));
        t.handle(&KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
        assert_eq!(t.text, "ab\ncd");
        t.handle(&key(KeyCode::Left));
        t.handle(&key(KeyCode::Delete));
        assert_eq!((t.text.as_str(), t.cursor), ("abcd", 2));
        t.handle(&ctrl('j'));
        assert_eq!((t.text.as_str(), t.cursor), ("ab\ncd", 3));
        assert!(!t.handle(&key(KeyCode::Enter)), "Enter is the owner's");
    }

    #[test]
    fn line_keys_work_on_the_line_of_the_cursor() {
        let mut t = TextArea::new("first line\nsecond words here");
        t.handle(&ctrl('a'));
        assert_eq!(t.cursor, 11);
        t.handle(&ctrl('e'));
        assert_eq!(t.cursor, 28);
        t.handle(&ctrl('w'));
        assert_eq!(t.text, "first line\nsecond words ");
        t.handle(&ctrl('u'));
        assert_eq!((t.text.as_str(), t.cursor), ("first line\n", 11));
        t.handle(&ctrl('u'));
        assert_eq!(
            t.text, "first line",
            "at a line's start: the break before it"
        );
        t.insert_str("\n\n");
        t.handle(&ctrl('w'));
        assert_eq!(t.text, "first ", "a word back, over the blank lines");
        t.handle(&KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
        assert_eq!(t.cursor, 0);
        t.handle(&KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
        assert_eq!(t.cursor, 6);
    }

    #[test]
    fn a_long_text_is_windowed_around_the_cursor() {
        let text = (1..=10).map(|i| format!("line {i}")).collect::<Vec<_>>();
        let mut t = TextArea::new(&text.join("\n"));
        assert_eq!(
            drawn(&t, 20, 4),
            ["line 8", "line 9", "line 10|", "  rows 8-10 of 10"]
        );
        // Going up scrolls only once the cursor leaves the rows shown.
        press(&mut t, &[KeyCode::Up, KeyCode::Up]);
        assert_eq!(drawn(&t, 20, 4)[0], "line 8|");
        t.handle(&key(KeyCode::Up));
        assert_eq!(
            drawn(&t, 20, 4),
            ["line 7|", "line 8", "line 9", "  rows 7-9 of 10"]
        );
        t.handle(&key(KeyCode::Down));
        assert_eq!(drawn(&t, 20, 4)[0], "line 7");
        // A text that fits is shown whole, without the count.
        assert_eq!(drawn(&TextArea::new("a\nb"), 20, 4), ["a", "b|"]);
    }

    #[test]
    fn saved_text_loses_trailing_spaces_but_keeps_paragraphs() {
        let t = TextArea::new("\n  First para \nstill first.  \n \nSecond.\n\n\n");
        assert_eq!(t.trimmed(), "First para\nstill first.\n\nSecond.");
    }

    #[test]
    fn enter_submits_the_text_with_its_line_breaks() {
        let mut e = TextAreaEditor::new(&Kind::Document, None);
        let enter = key(KeyCode::Enter);
        assert_eq!(
            e.handle(&enter, &Kind::Document, true),
            Outcome::Invalid(strings::NEEDED.to_owned())
        );
        e.area.insert_str("One.\n\nTwo. ");
        assert_eq!(
            e.handle(&enter, &Kind::Document, true),
            Outcome::Submit(Value::from("One.\n\nTwo."))
        );
        let mut e = TextAreaEditor::new(&Kind::Paragraph, Some(&Value::from("x")));
        e.area.handle(&key(KeyCode::Backspace));
        assert_eq!(
            e.handle(&enter, &Kind::Paragraph, false),
            Outcome::Submit(Value::Null),
            "emptied: no answer"
        );
    }
}
