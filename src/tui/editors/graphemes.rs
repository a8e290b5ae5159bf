//! Text as the screen shows it: grapheme clusters (what a reader takes for one
//! character: a letter with its accents, a flag, an emoji sequence, a wide CJK
//! character) and their widths in terminal cells, measured exactly as ratatui draws
//! them. The text editors move, delete and wrap by these and never inside one, so
//! the cursor, the wrapped rows and the drawn text always agree.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// The text's grapheme clusters.
pub fn units(text: &str) -> Vec<&str> {
    text.graphemes(true).collect()
}

/// How many grapheme clusters the text has.
pub fn count(text: &str) -> usize {
    text.graphemes(true).count()
}

/// The byte offset where cluster `index` starts (the text's length past the end).
pub fn byte(text: &str, index: usize) -> usize {
    text.grapheme_indices(true)
        .nth(index)
        .map_or(text.len(), |(i, _)| i)
}

/// The index of the first cluster boundary at or after byte `at`: where the cursor
/// goes after an edit that ended there (a combining mark typed after a letter joins
/// it, and the cursor is after both).
pub fn index_at(text: &str, at: usize) -> usize {
    text.grapheme_indices(true)
        .take_while(|&(i, _)| i < at)
        .count()
}

/// The cells a cluster takes as ratatui draws it; zero for what it leaves out
/// (line breaks and other control characters, zero-width characters on their own).
pub fn width(unit: &str) -> usize {
    if unit.contains(char::is_control) {
        0
    } else {
        usize::from(unit.cell_width())
    }
}

/// The cells a text takes on one row.
pub fn str_width(text: &str) -> usize {
    text.graphemes(true).map(width).sum()
}

/// Whether a cluster separates words (Ctrl-W).
pub fn is_space(unit: &str) -> bool {
    unit.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    #[test]
    fn clusters_are_what_a_reader_calls_a_character() {
        assert_eq!(units("e\u{301}x"), ["e\u{301}", "x"]);
        assert_eq!(units("ｶﾞx"), ["ｶﾞ", "x"]);
        assert_eq!(count("👩\u{200d}💻🇪🇪"), 2);
        assert_eq!(byte("e\u{301}e", 1), 3);
        assert_eq!(byte("e\u{301}e", 5), 4);
        // After typing U+0301 at byte 1 of "e\u{301}x", the cursor is after "é".
        assert_eq!(index_at("e\u{301}x", 1), 1);
        assert_eq!(index_at("e\u{301}x", 3), 1);
        assert_eq!(index_at("e\u{301}x", 4), 2);
    }

    #[test]
    fn widths_are_the_ones_ratatui_draws() {
        assert_eq!(width("日"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{200b}"), 0);
        assert_eq!(width("\n"), 0);
        for text in [
            "a日\u{200b}",
            "ｶﾞx",
            "e\u{301}\u{301}",
            "👩\u{200d}💻🇪🇪",
            "\u{301}a",
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
            let (x, _) = buf.set_stringn(0, 0, text, 20, Style::default());
            assert_eq!(usize::from(x), str_width(text), "{text:?}");
        }
    }
}
