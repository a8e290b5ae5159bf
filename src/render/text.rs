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
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_owned(),
                };
                self.item_prefix = Some(marker);
            }
            Event::End(TagEnd::Item) => self.flush(),
            Event::Start(Tag::Heading { .. }) => self.flush(),
            Event::End(TagEnd::Heading(_)) => {
                let title = std::mem::take(&mut self.inline);
                self.blank();
                self.lines.push(title.trim().to_owned());
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
                let cell = std::mem::take(&mut self.inline).trim().to_owned();
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
                    self.inline.push_str(&format!(" ({shown})"));
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
        let text = std::mem::take(&mut self.inline);
        let prefix = self.item_prefix.take();
        if text.trim().is_empty() && prefix.is_none() {
            return;
        }
        let depth = self.lists.len().saturating_sub(1);
        let indent = "  ".repeat(depth);
        let (first, rest) = match prefix {
            Some(marker) => {
                let hang = " ".repeat(marker.len());
                (format!("{indent}{marker}"), format!("{indent}{hang}"))
            }
            None if self.lists.is_empty() => (String::new(), String::new()),
            None => {
                let hang = format!("{indent}  ");
                (hang.clone(), hang)
            }
        };
        self.wrap(text.trim(), &first, &rest);
    }

    fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        for (i, hard_line) in text.split('\n').enumerate() {
            let lead = if i == 0 { first } else { rest };
            let options = textwrap::Options::new(self.width)
                .initial_indent(lead)
                .subsequent_indent(rest)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            for line in textwrap::wrap(hard_line.trim(), options) {
                self.lines.push(line.trim_end().to_owned());
            }
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

#[cfg(test)]
mod tests {
    use super::*;

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
