//! Markdown to wrapped plain text: what an e-mail, a terminal or a store listing shows.
//!
//! Lists keep their bullets with hanging indents; a table becomes one bullet per row
//! with its other columns as labelled lines, which reads better than ASCII art at 78
//! columns; links show their address in brackets unless the text already is it.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::html::options;

/// The width of wrapped text.
pub const WIDTH: usize = 78;

pub fn to_text(markdown: &str, width: usize) -> String {
    let mut w = Writer {
        width,
        lines: Vec::new(),
        inline: String::new(),
        lists: Vec::new(),
        item_prefix: None,
        links: Vec::new(),
        table: None,
    };
    for event in Parser::new_ext(markdown, options()) {
        w.event(event);
    }
    w.flush();
    while w.lines.last().is_some_and(String::is_empty) {
        w.lines.pop();
    }
    let mut text = w.lines.join("\n");
    text.push('\n');
    text
}

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    in_header: bool,
}

struct Writer {
    width: usize,
    lines: Vec<String>,
    inline: String,
    /// One entry per open list: the next number for ordered lists, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of the list item whose text has not been written yet.
    item_prefix: Option<String>,
    links: Vec<String>,
    table: Option<Table>,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::List(start)) => {
                self.flush();
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.blank();
                }
            }
            Event::Start(Tag::Item) => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        let mut marker = (*n - 1).to_string();
                        marker.push_str(". ");
                        marker
                    }
                    _ => "- ".to_owned(),
                };
                self.item_prefix = Some(marker);
            }
            Event::End(TagEnd::Item) => self.flush(),
            Event::Start(Tag::Heading { .. }) => self.flush(),
            Event::End(TagEnd::Heading(_)) => {
                let title = self.inline.trim().to_owned();
                self.inline.clear();
                self.blank();
                self.lines.push(title);
                self.blank();
            }
            Event::End(TagEnd::Paragraph) => {
                self.flush();
                if self.lists.is_empty() {
                    self.blank();
                }
            }
            Event::Start(Tag::Table(_)) => {
                self.flush();
                self.table = Some(Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                    in_header: false,
                });
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.in_header = true;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.in_header = false;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = self.inline.trim().to_owned();
                self.inline.clear();
                if let Some(t) = &mut self.table {
                    match (t.in_header, t.rows.last_mut()) {
                        (false, Some(row)) => row.push(cell),
                        _ => t.header.push(cell),
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.write_table(t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                let url = self.links.pop().unwrap_or_default();
                let shown = url.strip_prefix("mailto:").unwrap_or(&url);
                let bare = shown
                    .strip_prefix("https://")
                    .or_else(|| shown.strip_prefix("http://"))
                    .unwrap_or(shown)
                    .trim_end_matches('/');
                if !self.inline.ends_with(shown) && !self.inline.ends_with(bare) {
                    self.inline.push_str(" (");
                    self.inline.push_str(shown);
                    self.inline.push(')');
                }
            }
            Event::Text(t) | Event::Code(t) => self.inline.push_str(&t),
            Event::SoftBreak => self.inline.push(' '),
            Event::HardBreak => self.inline.push('\n'),
            Event::Rule => {
                self.flush();
                self.lines.push("-".repeat(self.width.min(40)));
                self.blank();
            }
            _ => {}
        }
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// Writes pending inline text as a wrapped paragraph or list item.
    fn flush(&mut self) {
        // Taken for the wrapping and given back emptied: the next paragraph reuses the
        // buffer instead of growing a new one from nothing (issue 17).
        let mut text = std::mem::take(&mut self.inline);
        self.flush_text(&text);
        text.clear();
        self.inline = text;
    }

    fn flush_text(&mut self, text: &str) {
        let prefix = self.item_prefix.take();
        if text.trim().is_empty() && prefix.is_none() {
            return;
        }
        // The lead of the first line and of the others, in one buffer (this runs for
        // every paragraph and list item: `format!` here was a tenth of a text render).
        let indent = 2 * self.lists.len().saturating_sub(1);
        let mut leads = String::new();
        let first = match &prefix {
            Some(marker) => {
                leads.extend(std::iter::repeat_n(' ', indent));
                leads.push_str(marker);
                leads.extend(std::iter::repeat_n(' ', indent + marker.len()));
                indent + marker.len()
            }
            None if self.lists.is_empty() => 0,
            None => {
                leads.extend(std::iter::repeat_n(' ', 2 * (indent + 2)));
                indent + 2
            }
        };
        let (first, rest) = leads.split_at(first);
        self.wrap(text.trim(), first, rest);
    }

    fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        for (i, hard_line) in text.split('\n').enumerate() {
            let lead = if i == 0 { first } else { rest };
            first_fit(hard_line.trim(), self.width, lead, rest, &mut self.lines);
        }
    }

    fn write_table(&mut self, table: Table) {
        if table.header.len() == 2 {
            // Two columns read best as "name: what it is".
            for row in table.rows {
                if let [name, what] = row.as_slice() {
                    self.wrap(&format!("{name}: {what}"), "- ", "  ");
                }
            }
            self.blank();
            return;
        }
        for row in table.rows {
            let mut cells = row.into_iter();
            if let Some(first) = cells.next() {
                self.wrap(&first, "- ", "  ");
            }
            for (label, cell) in table.header.iter().skip(1).zip(cells) {
                // A table shows "—" for "nothing here" so its columns line up; a
                // list says nothing instead ("Notes: —" reads as a typo).
                if !cell.is_empty() && cell != "—" {
                    self.wrap(&format!("{label}: {cell}"), "  ", "    ");
                }
            }
        }
        self.blank();
    }
}

/// Wraps one line (no `\n`) at `width` columns, as `textwrap::wrap` does with
/// first-fit, words split at ASCII spaces, long words left whole and no hyphenation,
/// `lead` before the first line and `rest` before the others, each line then trimmed
/// at its end. The same lines, without textwrap's general machinery: this was most
/// of a text render (issue 17). `tests::first_fit_is_textwraps` holds them equal.
fn first_fit(line: &str, width: usize, lead: &str, rest: &str, out: &mut Vec<String>) {
    // textwrap's shortcut: a short line without indent is the line itself.
    if line.len() < width && lead.is_empty() {
        out.push(line.trim_end().to_owned());
        return;
    }
    let widths = [
        width.saturating_sub(display_width(lead)),
        width.saturating_sub(display_width(rest)),
    ];
    let first = out.len();
    // The line being filled: where it starts in `line`, where its last word ends,
    // and how wide it is so far with the spaces after that word.
    let (mut start, mut end, mut filled) = (0, 0, 0);
    let push = |from: usize, to: usize, out: &mut Vec<String>| {
        let indent = if out.len() == first { lead } else { rest };
        let mut text = String::with_capacity(indent.len() + to - from);
        text.push_str(indent);
        text.push_str(&line[from..to]);
        text.truncate(text.trim_end().len());
        out.push(text);
    };
    let mut words = 0;
    let mut at = 0;
    // Scanned as bytes: a space is one byte, never part of another character.
    let bytes = line.as_bytes();
    while at < line.len() {
        // A word: up to the next space, then the spaces after it. Whether it is
        // printable ASCII (one column a byte) is seen on the same pass.
        let mut word_end = at;
        let mut printable = true;
        while let Some(&b) = bytes.get(word_end) {
            if b == b' ' {
                break;
            }
            printable &= (b'!'..=b'~').contains(&b);
            word_end += 1;
        }
        let mut next = word_end;
        while bytes.get(next) == Some(&b' ') {
            next += 1;
        }
        let word = match printable {
            true => word_end - at,
            false => display_width(&line[at..word_end]),
        };
        let limit = widths[usize::from(out.len() > first)];
        if words > 0 && filled + word > limit {
            push(start, end, out);
            (start, filled, words) = (at, 0, 0);
        }
        filled += word + (next - word_end);
        end = word_end;
        words += 1;
        at = next;
    }
    if words == 0 {
        // An empty line gets no indent.
        out.push(String::new());
    } else {
        push(start, end, out);
    }
}

/// Columns `text` takes: its length when it is printable ASCII, else textwrap's
/// measure (Unicode widths, escape sequences skipped).
fn display_width(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        textwrap::core::display_width(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `first_fit` gives exactly textwrap's lines, on every example's text and on
    /// lines made to find the edges (runs of spaces, long words, wide and
    /// zero-width characters, escape sequences, indents wider than the width).
    #[test]
    fn first_fit_is_textwraps() {
        let textwrap = |line: &str, width: usize, lead: &str, rest: &str| -> Vec<String> {
            let options = textwrap::Options::new(width)
                .initial_indent(lead)
                .subsequent_indent(rest)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            textwrap::wrap(line, options)
                .iter()
                .map(|l| l.trim_end().to_owned())
                .collect()
        };
        let mut lines: Vec<String> = vec![
            String::new(),
            " ".into(),
            "a".into(),
            "a  b   c".into(),
            "word ".repeat(40),
            "x".repeat(100),
            format!("{} {} {}", "y".repeat(90), "z", "w".repeat(80)),
            "Données personnelles — « privées » 日本語の文字 とても長い 😀 emoji".repeat(3),
            "zero\u{200b}width and\u{301} combining".repeat(6),
            "\u{1b}[1mbold\u{1b}[0m text \u{1b}]8;;https://x.io\u{1b}\\link\u{1b}]8;;\u{1b}\\ "
                .repeat(8),
            "tab\tinside and trailing tab\t".repeat(5),
        ];
        for (_, text) in crate::examples::example_files() {
            lines.extend(text.lines().map(|l| l.trim().to_owned()));
        }
        for line in &lines {
            for width in [0, 1, 5, 20, 40, 78, 200] {
                for (lead, rest) in [("", ""), ("- ", "  "), ("    ", "  "), ("1. ", "   ")] {
                    let mut ours = Vec::new();
                    first_fit(line, width, lead, rest, &mut ours);
                    assert_eq!(
                        ours,
                        textwrap(line, width, lead, rest),
                        "{line:?} at {width} with {lead:?}/{rest:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn paragraphs_wrap_and_markup_goes() {
        let md = "Some **bold** text that is long enough to wrap at twenty columns.\n\nNext.";
        assert_eq!(
            to_text(md, 20),
            "Some bold text that\nis long enough to\nwrap at twenty\ncolumns.\n\nNext.\n"
        );
    }

    #[test]
    fn lists_hang_and_nest() {
        let md = "- one two three four five\n- six\n  - seven\n\nafter";
        assert_eq!(
            to_text(md, 14),
            "- one two\n  three four\n  five\n- six\n  - seven\n\nafter\n"
        );
    }

    #[test]
    fn tables_become_labelled_bullets() {
        let md = "| Permission | Used for |\n|---|---|\n| storage | Remember you |\n";
        assert_eq!(to_text(md, 40), "- storage: Remember you\n");
        let md = "| Name | Does | Where |\n|---|---|---|\n| Stripe | Billing and more | US |\n";
        assert_eq!(
            to_text(md, 20),
            "- Stripe\n  Does: Billing and\n    more\n  Where: US\n"
        );
    }

    #[test]
    fn links_show_their_address_once() {
        let md = "Write to [hello@x.io](mailto:hello@x.io) or see [policy](https://x.io/p) at [x.io](https://x.io/).";
        assert_eq!(
            to_text(md, 80),
            "Write to hello@x.io or see policy (https://x.io/p) at x.io.\n"
        );
    }

    #[test]
    fn escaped_markup_is_shown_literally() {
        assert_eq!(
            to_text("\\<script\\> \\{\\{ x \\}\\}", 80),
            "<script> {{ x }}\n"
        );
    }
}
