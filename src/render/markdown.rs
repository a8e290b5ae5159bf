//! Markdown helpers shared by every format: escaping operator text, anchors, and the
//! numbering of subsections. Section templates are written in Markdown once; the HTML
//! and text outputs are converted from it, so wording lives in one place.

pub use crate::answers::validate::id_slug;

/// Characters that mean something in (GitHub-flavoured) Markdown or in HTML.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&', '{', '}',
];

/// [`SPECIAL`] as a table by ASCII byte: `escape` looks every byte of every value
/// up (issue 17: a scan of the list per byte was most of escaping).
const SPECIAL_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < SPECIAL.len() {
        table[SPECIAL[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether `c` is one of [`SPECIAL`].
fn is_special(c: char) -> bool {
    c.is_ascii() && SPECIAL_ASCII[c as usize]
}

/// Escapes operator text so it is shown literally: Markdown punctuation is
/// backslash-escaped (so `<script>` can never become HTML and `**` never bold), and
/// line breaks fold into spaces so a value cannot break a list item or a table row.
/// This is the Tera escape function for every `.md` template.
pub fn escape(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    escape_words(text)
}

/// [`escape`] written to `out`: a plain value is written as it is, not copied first.
pub fn escape_to(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if is_plain(text) {
        return out.write_all(text.as_bytes());
    }
    out.write_all(escape_words(text).as_bytes())
}

/// `escape`, word by word.
fn escape_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut words = text.split_whitespace().peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        if first {
            escape_line_start(word, &mut out);
            first = false;
        } else {
            escape_chars(word, &mut out);
        }
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// Whether `escape` would return the text unchanged: most answers ("Stripe",
/// "30 days") are, and every rendered value passes through here.
fn is_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' || b"-+=".contains(&first) || first.is_ascii_digit() {
        return false;
    }
    let mut previous = 0;
    for &b in bytes {
        let special = is_special(char::from(b));
        if special || (b.is_ascii_whitespace() && b != b' ') || (b == b' ' && previous == b' ') {
            return false;
        }
        previous = b;
    }
    // Other whitespace (a no-break space, say) is folded by the slow path.
    text.is_ascii() || !text.chars().any(|c| c.is_whitespace() && c != ' ')
}

fn escape_chars(word: &str, out: &mut String) {
    for c in word.chars() {
        if is_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A value may be printed at the start of a line, where `-`, `+`, `=`, `1.` start
/// lists, rules and headings.
fn escape_line_start(word: &str, out: &mut String) {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let rest = &word[digits..];
    if digits == 0 && matches!(word.chars().next(), Some('-' | '+' | '=')) {
        out.push('\\');
    }
    if digits > 0 && (rest.starts_with('.') || rest.starts_with(')')) {
        out.push_str(&word[..digits]);
        out.push('\\');
        escape_chars(rest, out);
        return;
    }
    escape_chars(word, out);
}

/// Escapes operator text that may span paragraphs: blank lines separate paragraphs,
/// each of which is escaped like a single value.
pub fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes the operator's own section text, keeping its paragraphs and lists: blank
/// lines separate blocks; in a block, a line starting "- ", "* " or a number and ". "
/// ("1. ") starts a list item, and the lines after it continue that item. Each item's
/// and paragraph's text is escaped like a single value, so only the list markers the
/// operator typed become Markdown; bullets are written "- " and numbers count up from
/// the list's first, whatever the operator typed after it.
pub fn blocks(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        // The block's paragraph (lines before any item), then its items.
        let mut lead: Vec<&str> = Vec::new();
        let mut items: Vec<(Marker, Vec<&str>)> = Vec::new();
        for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match list_item(line) {
                Some((marker, rest)) => items.push((marker, vec![rest])),
                None => match items.last_mut() {
                    Some((_, lines)) => lines.push(line),
                    None => lead.push(line),
                },
            }
        }
        if !lead.is_empty() {
            out.push(escape(&lead.join(" ")));
        }
        let mut list = String::new();
        let mut previous: Option<Marker> = None;
        for (marker, lines) in items {
            let number = match (marker, previous) {
                (Marker::Number(_), Some(Marker::Number(n))) => Marker::Number(n + 1),
                _ => marker,
            };
            let kind_changed = previous.is_some_and(|p| p.ordered() != number.ordered());
            if kind_changed {
                out.push(std::mem::take(&mut list));
            }
            if !list.is_empty() {
                list.push('\n');
            }
            match number {
                Marker::Bullet => list.push_str("- "),
                Marker::Number(n) => list.push_str(&format!("{n}. ")),
            }
            list.push_str(&escape(&lines.join(" ")));
            previous = Some(number);
        }
        if !list.is_empty() {
            out.push(list);
        }
    }
    out.join("\n\n")
}

/// A list item's marker as the operator typed it.
#[derive(Clone, Copy)]
enum Marker {
    Bullet,
    Number(u32),
}

impl Marker {
    fn ordered(self) -> bool {
        matches!(self, Marker::Number(_))
    }
}

/// Whether a line starts a list item ("- x", "* x", "12. x"), and its text. Numbers
/// have at most three digits, so a line starting with a year ("2026. ") stays text.
fn list_item(line: &str) -> Option<(Marker, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((Marker::Bullet, rest.trim_start()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    if digits == 0 || digits > 3 {
        return None;
    }
    Some((
        Marker::Number(line[..digits].parse().ok()?),
        rest.trim_start(),
    ))
}

/// The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to `-`.
pub fn github_slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// Numbers the `### ` subheadings of section `number`: `### Foo` becomes `### 2.1 Foo`.
pub fn number_subsections(body: String, number: usize) -> String {
    // Most sections have no subsection: their text is already what the loop below
    // would write (lines each ending in `\n`, none with a `\r` for `lines` to drop),
    // and is kept rather than copied.
    let unchanged = (body.is_empty() || body.ends_with('\n'))
        && !body.contains('\r')
        && !body.starts_with("### ")
        && !body.contains("\n### ");
    if unchanged {
        return body;
    }
    let mut out = String::with_capacity(body.len() + 32);
    let mut sub = 0;
    for line in body.lines() {
        if let Some(title) = line.strip_prefix("### ") {
            sub += 1;
            out.push_str(&format!("### {number}.{sub} {title}"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Tidies a rendered template: trailing spaces go, runs of blank lines become one,
/// a blank line between two list items or two table rows goes (templates put each
/// optional item on its own line, and a blank there would split the list), and the
/// text ends with exactly one newline. Templates can then be laid out for
/// readability without their whitespace reaching the policy.
///
/// Done in the rendered text's own buffer, which tidying only shortens: a copy was a
/// second policy's worth of memory at the wizard's peak on a large file (issue 17).
pub fn tidy(text: String) -> String {
    let mut bytes = text.into_bytes();
    // Each line is moved down to `written`, which never passes `read`: a kept line
    // is at most as long as it was, and a blank line kept stands for at least one
    // byte read (see the end of the loop for the last line's newline).
    let (mut read, mut written) = (0, 0);
    let mut previous: Option<Kind> = None;
    let mut pending_blank = false;
    while read < bytes.len() {
        let end = bytes[read..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| read + i);
        let line = std::str::from_utf8(&bytes[read..end])
            .expect("a string cut at a newline is still UTF-8")
            .trim_end();
        let (len, kind) = (line.len(), Kind::of(line));
        let next = end + 1;
        if len == 0 {
            pending_blank = previous.is_some();
            read = next;
            continue;
        }
        if pending_blank && !previous.is_some_and(|p| p.continues_with(kind)) {
            bytes[written] = b'\n';
            written += 1;
        }
        pending_blank = false;
        bytes.copy_within(read..read + len, written);
        written += len;
        // The last line may have had no newline: it is then added at the end.
        match bytes.get_mut(written) {
            Some(b) => *b = b'\n',
            None => bytes.push(b'\n'),
        }
        written += 1;
        previous = Some(kind);
        read = next;
    }
    bytes.truncate(written);
    // The room Tera's output grew into is not kept with the policy.
    bytes.shrink_to_fit();
    String::from_utf8(bytes).expect("whole lines of a string are UTF-8")
}

/// What a line of Markdown is, as far as [`tidy`] cares.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Item,
    Row,
    Other,
}

impl Kind {
    fn of(line: &str) -> Kind {
        if line.starts_with("- ") {
            Kind::Item
        } else if line.starts_with('|') {
            Kind::Row
        } else {
            Kind::Other
        }
    }

    /// Whether a line of kind `next` continues the list or table this line belongs
    /// to.
    fn continues_with(self, next: Kind) -> bool {
        self != Kind::Other && self == next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte table says what the list says, and writing an escaped value says
    /// what `escape` returns.
    #[test]
    fn the_table_is_the_list_and_escape_to_is_escape() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_special(c), SPECIAL.contains(&c), "{c:?}");
        }
        for text in [
            "Stripe",
            "30 days",
            "a*b",
            " x",
            "1. y",
            "- z",
            "a\nb  c",
            "caf\u{e9} <b>",
            "",
        ] {
            let mut out = Vec::new();
            escape_to(text, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), escape(text), "{text:?}");
        }
    }

    #[test]
    fn escaping_makes_markup_literal() {
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(
            escape("**bold** and [x](y)"),
            "\\*\\*bold\\*\\* and \\[x\\](y)"
        );
        assert_eq!(escape("a\nb\n\n  c"), "a b c");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("{{ x }}"), "\\{\\{ x \\}\\}");
        assert_eq!(escape("Stepr's 24 hours."), "Stepr's 24 hours.");
    }

    #[test]
    fn plain_text_takes_the_fast_path_and_the_same_result() {
        for text in [
            "Stripe",
            "30 days",
            "a b",
            "",
            " a",
            "a  b",
            "1. x",
            "-x",
            "a\tb",
            "a\u{a0}b",
            "<b>",
            "x_y",
            "café au lait",
        ] {
            assert_eq!(escape(text), escape_words(text), "{text:?}");
        }
        assert!(is_plain("Stripe, Inc."));
        assert!(!is_plain("a\u{a0}b"));
    }

    #[test]
    fn blocks_keep_paragraphs_and_make_lists() {
        assert_eq!(blocks("one\ntwo\n\n\nthree"), "one two\n\nthree");
        assert_eq!(
            blocks("We use:\n- a <b>\n* c\n  more of c\n\nAfter."),
            "We use:\n\n- a \\<b\\>\n- c more of c\n\nAfter."
        );
        // Numbers count from the first; a switch of kind starts another list.
        assert_eq!(
            blocks("1. first\n1. second\n- other"),
            "1. first\n2. second\n\n- other"
        );
        assert_eq!(blocks("3. third\n7. fourth"), "3. third\n4. fourth");
        // Not list items: no space, a year, an item's own markup.
        assert_eq!(blocks("-x\n2026. A year"), "\\-x 2026. A year");
        assert_eq!(blocks("- **bold** - 1. x"), "- \\*\\*bold\\*\\* - 1. x");
    }

    #[test]
    fn paragraphs_keep_blank_lines() {
        assert_eq!(paragraphs("one\ntwo\n\n\nthree"), "one two\n\nthree");
    }

    #[test]
    fn slugs() {
        assert_eq!(github_slug("1. What we collect"), "1-what-we-collect");
        assert_eq!(github_slug("4.1 LLM providers"), "41-llm-providers");
        assert_eq!(
            id_slug("Information you provide directly"),
            "information-you-provide-directly"
        );
        assert_eq!(id_slug("E-mail & SMS!"), "e-mail-sms");
    }

    #[test]
    fn subsections_are_numbered_in_order() {
        let body = "intro\n### One\ntext\n### Two\n";
        assert_eq!(
            number_subsections(body.to_owned(), 3),
            "intro\n### 3.1 One\ntext\n### 3.2 Two\n"
        );
    }

    /// A body kept as it is (no subsection) is what numbering it line by line gives.
    #[test]
    fn a_body_without_subsections_is_kept_as_numbering_would_write_it() {
        let by_lines = |body: &str| -> String { body.lines().map(|l| format!("{l}\n")).collect() };
        for body in [
            "",
            "\n",
            "text\n",
            "text",
            "a\r\nb\n",
            "a\n\n- b\n",
            "## Not a subsection\n#### Nor this\n",
            "a ### b\n",
        ] {
            assert_eq!(
                number_subsections(body.to_owned(), 2),
                by_lines(body),
                "{body:?}"
            );
        }
        assert_eq!(number_subsections("### A\n".to_owned(), 1), "### 1.1 A\n");
        assert_eq!(
            number_subsections("x\n### A".to_owned(), 1),
            "x\n### 1.1 A\n"
        );
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        let tidy = |text: &str| tidy(text.to_owned());
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
        assert_eq!(tidy("- a\n\n- b\n\ntext\n"), "- a\n- b\n\ntext\n");
        assert_eq!(tidy("| a |\n\n| b |\n"), "| a |\n| b |\n");
    }

    /// Tidying in place gives what tidying into a new string did: the algorithm as
    /// it was before it was made to work in place, on texts that end without a
    /// newline, with CRLF, Unicode spaces, lists and tables split by blanks.
    #[test]
    fn tidying_in_place_is_tidying_into_a_copy() {
        fn by_copy(text: &str) -> String {
            let mut out = String::new();
            let mut previous: Option<&str> = None;
            let mut pending_blank = false;
            for line in text.lines().map(str::trim_end) {
                if line.is_empty() {
                    pending_blank = previous.is_some();
                    continue;
                }
                let item = |l: &str| l.starts_with("- ");
                let row = |l: &str| l.starts_with('|');
                let continues =
                    previous.is_some_and(|p| (item(p) && item(line)) || (row(p) && row(line)));
                if pending_blank && !continues {
                    out.push('\n');
                }
                pending_blank = false;
                out.push_str(line);
                out.push('\n');
                previous = Some(line);
            }
            out
        }
        let texts = [
            "",
            "\n",
            "a",
            "a  ",
            "  \n\n  a\n\n",
            "a\r\nb\r\n\r\n\r\nc",
            "- a\n\n- b\n\n\n| r |\n\n| s |\ntext\n\n- c",
            "caf\u{e9}\u{3000}\n\u{a0}\n\n\u{2003}x\u{2003}\ny",
            "- a\n\n| b |\n\n- c\n\n\n",
            "# T\n\n\n\n## S  \t\nbody\n\n\n- i\n   \n- j\n\nend   ",
        ];
        for text in texts {
            assert_eq!(tidy(text.to_owned()), by_copy(text), "{text:?}");
        }
    }
}
