//! Neutralises text before it reaches a terminal. Answers, catalog entries, file
//! names found by `scan` and error messages can carry bytes a terminal obeys rather
//! than shows: ESC starts a sequence that clears lines, moves the cursor or (OSC 52)
//! writes the clipboard; CR returns to the start of the line and overwrites it; BEL
//! rings; U+009B is CSI in one character; U+202A–U+202E and U+2066–U+2069 reorder
//! what follows. Every one of them is turned into something visible, so a reviewer
//! sees the text as it is and the terminal does nothing it was not asked to.
//!
//! This module owns only the choice of characters and how they are shown. Where it
//! applies (every printing path of the command line, `ask`'s prompts, the wizard's
//! frames) is decided by those paths; written policy files are left alone (their
//! formats escape what they need).

use std::borrow::Cow;

/// Whether a terminal may act on `c` instead of showing it. Newline and tab are
/// layout, not commands.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0 controls and DEL.
        '\0'..='\u{1f}' | '\u{7f}' => true,
        // C1 controls: U+009B alone is CSI on terminals that honour 8-bit controls.
        '\u{80}'..='\u{9f}' => true,
        // Bidi embeddings, overrides and isolates.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// The byte offset of the first [`is_unsafe`] character of `text`, found by bytes
/// alone: every such character is a C0 control or DEL (one byte), a C1 control
/// (0xC2 0x80..=0x9F) or a bidi control (0xE2 0x80 0xAA..=0xAE, 0xE2 0x81
/// 0xA6..=0xA9). Decoding characters cost several times more, and an ordinary
/// em dash or curly quote (also 0xE2 ...) sent a screen by lead byte alone into
/// decoding the whole 6 MB `check` report.
fn first_unsafe_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let unsafe_at = |i: usize| match bytes[i] {
        0..=0x08 | 0x0b..=0x1f | 0x7f => true,
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    };
    // Blocks with none of the lead bytes are passed over with a test the compiler
    // can run on many bytes at once (no early exit inside a block).
    const BLOCK: usize = 64;
    let suspect =
        |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    for (n, block) in bytes.chunks(BLOCK).enumerate() {
        if block.iter().fold(false, |any, &b| any | suspect(b)) {
            let start = n * BLOCK;
            if let Some(i) = (start..start + block.len()).find(|&i| unsafe_at(i)) {
                return Some(i);
            }
        }
    }
    None
}

/// Whether `text` holds an [`is_unsafe`] character.
fn has_unsafe(text: &str) -> bool {
    first_unsafe_at(text).is_some()
}

/// The first [`is_unsafe`] character of `text`, if any.
pub fn first_unsafe(text: &str) -> Option<char> {
    first_unsafe_at(text).and_then(|i| text[i..].chars().next())
}

/// `text` with every [`is_unsafe`] character shown as an escape: C0 controls and DEL
/// in caret notation, as `cat -v` and `less` show them (ESC is `^[`, CR `^M`, BEL `^G`,
/// DEL `^?`), the others as `<U+XXXX>`. Borrows when there is nothing to change.
pub fn text(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !is_unsafe(c) => out.push(c),
            '\0'..='\u{1f}' => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\u{7f}' => out.push_str("^?"),
            _ => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// JSON text (as serde_json writes it) with every [`is_unsafe`] character written as
/// a `\uXXXX` escape: the same value for a program that parses it, nothing for a
/// terminal to obey. serde_json escapes C0 controls itself, but not DEL, C1 or the
/// bidi controls. Outside strings JSON is ASCII without controls, so every such
/// character is inside a string, where the escape is valid.
pub fn json(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Removes every [`is_unsafe`] character from each cell of a drawn frame. A frame is
/// laid out in cells, so an escape wider than the character would shift the row;
/// the wizard never saves such text anyway (validation refuses it), and here it
/// only must not reach the terminal.
pub fn scrub(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().contains(is_unsafe) {
            let clean: String = cell.symbol().chars().filter(|&c| !is_unsafe(c)).collect();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(text("Ledgerly\n\tsafe é 😀"), Cow::Borrowed(_)));
        assert!(matches!(json("{\"a\": \"é\"}"), Cow::Borrowed(_)));
    }

    /// The byte scan finds exactly the characters the character test refuses: every
    /// character, alone, at the start, in the middle and at the end of text.
    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        let mut buf = [0; 4];
        for c in char::MIN..=char::MAX {
            let alone = c.encode_utf8(&mut buf);
            let expected = is_unsafe(c).then_some(c);
            assert_eq!(first_unsafe(alone), expected, "U+{:04X}", u32::from(c));
            let within = format!("safe — {alone} “text”");
            assert_eq!(first_unsafe(&within), expected, "U+{:04X}", u32::from(c));
            assert_eq!(has_unsafe(&format!("{alone}x")), expected.is_some());
        }
        assert!(!has_unsafe("Ledgerly\n\tsafe é 😀 — “quoted” …"));
        assert_eq!(first_unsafe("ok\u{202e}\u{1b}"), Some('\u{202e}'));
    }

    #[test]
    fn every_hostile_character_is_shown_not_obeyed() {
        let hostile =
            "a\u{1b}[2Jb\u{1b}]52;c;ZXZpbA==\u{7}c\rd\u{9b}31me\u{202e}f\u{7f}\u{0}\u{2066}";
        let shown = text(hostile);
        assert_eq!(
            shown,
            "a^[[2Jb^[]52;c;ZXZpbA==^Gc^Md<U+009B>31me<U+202E>f^?^@<U+2066>"
        );
        assert!(!shown.contains(is_unsafe));
    }

    #[test]
    fn json_keeps_the_value() {
        let value = serde_json::json!({"name": "x\u{9b}y\u{202e}z\u{7f}\u{1b}"});
        let written = serde_json::to_string(&value).unwrap();
        let safe = json(&written);
        assert!(!safe.contains(is_unsafe), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn scrubbed_cells_keep_their_width() {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
        buffer[(0, 0)].set_symbol("a\u{202e}");
        buffer[(1, 0)].set_symbol("\u{9b}");
        scrub(&mut buffer);
        assert_eq!(buffer[(0, 0)].symbol(), "a");
        assert_eq!(buffer[(1, 0)].symbol(), " ");
    }
}
