//! Word wrapping of styled lines to a width in cells, done here rather than by
//! ratatui's `Paragraph::wrap`. That wrapper can emit a row wider than its area when
//! a wide character sits in a word too long for the row, or after a zero-width
//! space or a lone combining mark, and drawing that row panics ("index outside of
//! buffer"; ratatui issue #2679). Everything the operator types reaches the screen,
//! so nothing they type may be able to crash it: panes that show typed text are
//! given rows that already fit, measured with the widths ratatui draws
//! ([`graphemes::width`]).

use std::cell::RefCell;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::tui::editors::graphemes;

/// One cluster to draw, with its style and width.
type Cell<'a> = (&'a str, Style, usize);

/// The lines wrapped at spaces to `width` cells (a word longer than a row is broken
/// between clusters). A line's leading spaces (an indent) are kept; the spaces where
/// a line breaks are not. Clusters that take no cell are left out, as ratatui leaves
/// them out when it draws; a cluster wider than a row is left out too.
pub fn wrap(lines: &[Line], width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for line in lines {
        let cells: Vec<Cell> = line
            .spans
            .iter()
            .flat_map(|span| {
                let style = line.style.patch(span.style);
                span.content
                    .graphemes(true)
                    .map(move |g| (g, style, graphemes::width(g)))
            })
            .filter(|&(_, _, w)| w > 0 && w <= width)
            .collect();
        let rows = rows(&cells, width);
        for row in rows {
            let mut wrapped = Line::from(spans(row));
            wrapped.alignment = line.alignment;
            out.push(wrapped);
        }
    }
    out
}

/// Rows already wrapped, kept with what they were wrapped for (which text, at which
/// width) until asked for something else. The preview of a large policy's section
/// is thousands of lines; wrapping them again on every frame (by grapheme cluster)
/// was nearly all of a keystroke's time, and wrapping all of them once per new
/// preview was still most of the frame after a confirmed answer. So the lines are
/// wrapped lazily, only as far down as a frame shows. Cloning gives an empty cache,
/// and caches compare equal, so holding one changes nothing about the value that
/// holds it.
#[derive(Debug, Default)]
pub struct Cache(RefCell<Option<Kept>>);

/// What rows were wrapped for: a name for the text, and the width.
pub type CacheKey = (String, usize);

#[derive(Debug)]
struct Kept {
    key: CacheKey,
    /// The lines as made, before wrapping.
    lines: Vec<Line<'static>>,
    /// The rows of `lines[..wrapped]`.
    rows: Vec<Line<'static>>,
    wrapped: usize,
    /// The rows the lines not wrapped yet are expected to make (see [`estimate`]).
    expected: usize,
}

impl Kept {
    /// How many rows all the lines make: exact once every line is wrapped; until
    /// then the rows wrapped and those the others are expected to make, so the
    /// scrollbar is about right before the end is reached.
    fn total(&self) -> usize {
        self.rows.len() + self.expected
    }
}

/// The rows a line is expected to make at `width`: its characters over the width,
/// at least one. Exact for a line of one-cell characters that fits; never more than
/// a few rows off otherwise, and counted exactly once the line is wrapped.
fn estimate(line: &Line, width: usize) -> usize {
    let chars: usize = line.spans.iter().map(|s| s.content.chars().count()).sum();
    chars.div_ceil(width.max(1)).max(1)
}

impl Cache {
    /// Calls `with` on the rows for `key` (at least the first `through` of them, or
    /// all there are) and on how many rows there are in all (see [`Kept::total`]),
    /// making the lines with `make` when the rows kept are for something else.
    pub fn with<R>(
        &self,
        key: CacheKey,
        make: impl FnOnce() -> Vec<Line<'static>>,
        through: usize,
        with: impl FnOnce(&[Line<'static>], usize) -> R,
    ) -> R {
        let mut kept = self.0.borrow_mut();
        if kept.as_ref().is_none_or(|k| k.key != key) {
            let lines = make();
            let expected = lines.iter().map(|l| estimate(l, key.1)).sum();
            *kept = Some(Kept {
                key,
                lines,
                rows: Vec::new(),
                wrapped: 0,
                expected,
            });
        }
        let kept = kept.as_mut().expect("just filled");
        let width = kept.key.1;
        while kept.rows.len() < through && kept.wrapped < kept.lines.len() {
            let line = &kept.lines[kept.wrapped];
            kept.expected -= estimate(line, width);
            kept.rows.extend(wrap(std::slice::from_ref(line), width));
            kept.wrapped += 1;
        }
        let total = kept.total();
        with(&kept.rows, total)
    }
}

impl Clone for Cache {
    fn clone(&self) -> Self {
        Cache::default()
    }
}

impl PartialEq for Cache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

fn is_space(cell: &Cell) -> bool {
    graphemes::is_space(cell.0)
}

/// The cells of one line, split into rows of at most `width` cells.
fn rows<'a>(cells: &[Cell<'a>], width: usize) -> Vec<Vec<Cell<'a>>> {
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new()];
    let mut used = 0;
    let mut i = 0;
    // The line's own indent.
    while i < cells.len() && is_space(&cells[i]) {
        if used + cells[i].2 > width {
            rows.push(Vec::new());
            used = 0;
        }
        rows.last_mut().expect("a row").push(cells[i]);
        used += cells[i].2;
        i += 1;
    }
    while i < cells.len() {
        let spaces_end = (i..cells.len())
            .find(|&j| !is_space(&cells[j]))
            .unwrap_or(cells.len());
        let word_end = (spaces_end..cells.len())
            .find(|&j| is_space(&cells[j]))
            .unwrap_or(cells.len());
        let spaces: usize = cells[i..spaces_end].iter().map(|c| c.2).sum();
        let word: usize = cells[spaces_end..word_end].iter().map(|c| c.2).sum();
        if used > 0 && used + spaces + word > width {
            if word == 0 {
                // Spaces that end the line: as many as fit.
                for c in &cells[i..spaces_end] {
                    if used + c.2 > width {
                        break;
                    }
                    rows.last_mut().expect("a row").push(*c);
                    used += c.2;
                }
                break;
            }
            // The word starts a new row, without the spaces before it.
            rows.push(Vec::new());
            used = 0;
        } else {
            rows.last_mut()
                .expect("a row")
                .extend_from_slice(&cells[i..spaces_end]);
            used += spaces;
        }
        for c in &cells[spaces_end..word_end] {
            if used + c.2 > width {
                rows.push(Vec::new());
                used = 0;
            }
            rows.last_mut().expect("a row").push(*c);
            used += c.2;
        }
        i = word_end;
    }
    rows
}

/// A row's cells as spans, one per run of the same style.
fn spans(row: Vec<Cell>) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (g, style, _) in row {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(g),
            _ => spans.push(Span::styled(g.to_owned(), style)),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Paragraph, Widget};

    use super::*;

    fn texts(lines: &[Line], width: usize) -> Vec<String> {
        wrap(lines, width).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn lines_wrap_at_spaces_and_inside_long_words() {
        assert_eq!(texts(&[Line::from("ab cdefgh")], 5), ["ab", "cdefg", "h"]);
        assert_eq!(texts(&[Line::from("ab cd ef")], 5), ["ab cd", "ef"]);
        assert_eq!(texts(&[Line::from("  ab cd")], 5), ["  ab", "cd"]);
        assert_eq!(texts(&[Line::from("ab   ")], 3), ["ab "]);
        assert_eq!(texts(&[Line::from(""), Line::from("a")], 5), ["", "a"]);
        assert_eq!(
            texts(&[Line::from("日本語です")], 5),
            ["日本", "語で", "す"]
        );
        assert!(wrap(&[Line::from("a")], 0).is_empty());
    }

    #[test]
    fn styles_stay_with_their_text() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![Span::raw("one "), Span::styled("two three", bold)]);
        let wrapped = wrap(&[line], 7);
        assert_eq!(
            wrapped[0].spans,
            [Span::raw("one "), Span::styled("two", bold)]
        );
        assert_eq!(wrapped[1].spans, [Span::styled("three", bold)]);
    }

    /// What makes ratatui's own wrapper draw outside its area (issue #2679 there):
    /// drawn after wrapping here, none of it panics, and every row fits.
    #[test]
    fn text_that_breaks_ratatuis_wrapper_fits() {
        let long = "w".repeat(40);
        for text in [
            "a🌞b".to_owned(),
            "\u{301}abcdefghij".to_owned(),
            format!("a\u{200b}b{long}e日x"),
            format!("a\u{200b}b{long}eｶﾞx"),
        ] {
            for width in 1..50 {
                let lines = wrap(&[Line::from(text.as_str())], width);
                for l in &lines {
                    let drawn = graphemes::str_width(&l.to_string());
                    assert!(drawn <= width, "{text:?} at {width}: {l}");
                }
                let area = Rect::new(0, 0, width as u16, 60);
                Paragraph::new(lines).render(area, &mut Buffer::empty(area));
            }
        }
    }

    /// Rows are wrapped once per text and width: a frame that draws the same part of
    /// the same preview at the same width takes them as they are.
    #[test]
    fn rows_are_kept_until_the_text_or_the_width_changes() {
        let cache = Cache::default();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            vec![Line::from("one two three four")]
        };
        let rows = |key: (&str, usize)| {
            cache.with((key.0.to_owned(), key.1), make, usize::MAX, |r, total| {
                assert_eq!(r.len(), total);
                total
            })
        };
        assert_eq!(rows(("data", 9)), 3);
        assert_eq!(rows(("data", 9)), 3);
        assert_eq!(made.get(), 1, "kept");
        assert_eq!(rows(("data", 30)), 1);
        assert_eq!(rows(("rights", 30)), 1);
        assert_eq!(made.get(), 3, "made again for another width, another part");
        assert!(cache.clone().0.borrow().is_none());
    }

    /// Only the lines a frame reaches are wrapped; the total counts the others as a
    /// row each until they are, and is exact when the last line is wrapped. The rows
    /// are those that wrapping everything at once gives.
    #[test]
    fn lines_are_wrapped_only_as_far_as_asked() {
        let lines: Vec<Line<'static>> = (0..100)
            .map(|i| Line::from(format!("line {i} has some words in it")))
            .collect();
        let whole = wrap(&lines, 12);
        let cache = Cache::default();
        let key = || ("data".to_owned(), 12);
        let (rows, total) = cache.with(key(), || lines.clone(), 10, |r, t| (r.len(), t));
        assert!((10..13).contains(&rows), "{rows}");
        assert!(
            total.abs_diff(whole.len()) <= 100,
            "{total} of {}",
            whole.len()
        );
        let (rows, _) = cache.with(key(), || unreachable!("kept"), 50, |r, t| (r.to_vec(), t));
        assert_eq!(rows[..], whole[..rows.len()]);
        let (rows, total) = cache.with(
            key(),
            || unreachable!("kept"),
            usize::MAX,
            |r, t| (r.to_vec(), t),
        );
        assert_eq!(rows, whole);
        assert_eq!(total, whole.len());
    }
}
