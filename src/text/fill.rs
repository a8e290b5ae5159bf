//! Filling a report's text to a width, greedily and at spaces only.
//!
//! This is what `textwrap::fill` does with first-fit wrapping, ASCII-space word
//! separation, no hyphenation and no broken words, line for line (a test holds the
//! two equal), written out because textwrap's general machinery (word and fragment
//! vectors, Unicode segmentation, per-fragment floating-point widths) cost 45 % of a
//! `check` of 2,000 recipients, whose 21,603 findings are each filled.

use unicode_width::UnicodeWidthChar;

/// `text` filled to `width` columns: `initial_indent` before the first line,
/// `subsequent_indent` before every other one. Lines of `text` stay lines; a line
/// breaks at its spaces, as late as fits; a word wider than a line stands alone on
/// its line, whole; spaces at the end of a line are dropped.
pub fn fill(text: &str, width: usize, initial_indent: &str, subsequent_indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1) * 8 + 8);
    let first_width = width.saturating_sub(columns(initial_indent));
    let other_width = width.saturating_sub(columns(subsequent_indent));
    let mut lines = 0usize;
    for line in text.split('\n') {
        let indent = if lines == 0 {
            initial_indent
        } else {
            subsequent_indent
        };
        if line.len() < width && indent.is_empty() {
            push_line(&mut out, &mut lines, "", line.trim_end_matches(' '));
            continue;
        }
        // As textwrap does, a paragraph's first line gets the first line's width even
        // when it is indented as a later line.
        let mut limit = first_width;
        let mut start = 0; // where the current output line starts in `line`
        let mut end = 0; // where its last word ends
        let mut used = 0; // its width so far, with the spaces after each word
        let mut any = false; // whether it holds a word yet
        for (at, word, spaces) in words(line) {
            let w = columns(word);
            if any && used + w > limit {
                let indent = if lines == 0 {
                    initial_indent
                } else {
                    subsequent_indent
                };
                push_line(&mut out, &mut lines, indent, &line[start..end]);
                limit = other_width;
                start = at;
                used = 0;
            }
            any = true;
            used += w + spaces;
            end = at + word.len();
        }
        // An empty line stays empty, unindented, as textwrap leaves it.
        let indent = match (any, lines) {
            (false, _) => "",
            (true, 0) => initial_indent,
            (true, _) => subsequent_indent,
        };
        push_line(&mut out, &mut lines, indent, &line[start..end]);
    }
    out
}

fn push_line(out: &mut String, lines: &mut usize, indent: &str, line: &str) {
    if *lines > 0 {
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str(line);
    *lines += 1;
}

/// Each word of `line` with where it starts and the number of spaces after it. A
/// line that starts with spaces starts with an empty word followed by them.
fn words(line: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        if rest >= line.len() {
            return None;
        }
        let at = rest;
        let tail = &line[at..];
        let word_len = tail.find(' ').unwrap_or(tail.len());
        let after = &tail[word_len..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        rest = at + word_len + spaces;
        Some((at, &tail[..word_len], spaces))
    })
}

/// The columns `text` takes in a terminal.
fn columns(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn textwrap_fill(text: &str, width: usize, initial: &str, subsequent: &str) -> String {
        let options = textwrap::Options::new(width)
            .initial_indent(initial)
            .subsequent_indent(subsequent)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        textwrap::fill(text, options)
    }

    /// A small deterministic generator, so the comparison covers many shapes
    /// without a dependency.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    #[test]
    fn fills_as_textwrap_does() {
        const WORDS: [&str; 12] = [
            "a",
            "policy",
            "gdpr-eu-representative",
            "`processors[12].countries`",
            "é",
            "日本語",
            "https://example.com/a/very/long/address/that/cannot/fit/on/one/line/at/all",
            "",
            "data,",
            "(Art. 13(1)(f))",
            "😀",
            "x",
        ];
        let mut rng = Lcg(7);
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..rng.next(40) {
                text.push_str(WORDS[rng.next(WORDS.len())]);
                let sep = rng.next(12);
                text.push_str(match sep {
                    0 => "  ",
                    1 => "\n",
                    2 => "\n  ",
                    _ => " ",
                });
            }
            let width = [10, 20, 40, 78][rng.next(4)];
            let (initial, subsequent) =
                [("", ""), ("        ", "        "), ("", "    ")][rng.next(3)];
            assert_eq!(
                fill(&text, width, initial, subsequent),
                textwrap_fill(&text, width, initial, subsequent),
                "{text:?} at {width} with {initial:?}/{subsequent:?}"
            );
        }
    }

    #[test]
    fn a_long_word_stands_alone_and_whole() {
        assert_eq!(
            fill("see https://example.com/privacy/policy now", 12, "", ""),
            "see\nhttps://example.com/privacy/policy\nnow"
        );
    }
}
