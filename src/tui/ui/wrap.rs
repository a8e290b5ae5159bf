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

use crate::tui::app::Scroll;
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

/// Lines to wrap, made one at a time when asked for. A pane of thousands of lines
/// (a large policy, the findings of a file with thousands of entries) makes only the
/// lines it counts or shows, and keeps none of them.
pub trait Lines {
    fn count(&self) -> usize;
    fn line(&self, i: usize) -> Line<'_>;
}

/// The lines of `text[from..end]`, as `str::lines` gives them, found by where they
/// start (`starts`: the line starts after `from` and before `end`) rather than by
/// walking the text.
pub struct TextLines<'a> {
    text: &'a str,
    from: usize,
    starts: &'a [usize],
    end: usize,
}

impl<'a> TextLines<'a> {
    pub fn new(text: &'a str, from: usize, starts: &'a [usize], end: usize) -> TextLines<'a> {
        TextLines {
            text,
            from,
            starts,
            end,
        }
    }
}

impl Lines for TextLines<'_> {
    fn count(&self) -> usize {
        if self.from >= self.end {
            0
        } else {
            self.starts.len() + 1
        }
    }

    fn line(&self, i: usize) -> Line<'_> {
        let start = if i == 0 {
            self.from
        } else {
            self.starts[i - 1]
        };
        let end = self.starts.get(i).copied().unwrap_or(self.end);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        Line::from(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// One source after another.
pub struct Chain<A, B>(pub A, pub B);

impl<A: Lines, B: Lines + ?Sized> Lines for Chain<A, &B> {
    fn count(&self) -> usize {
        self.0.count() + self.1.count()
    }

    fn line(&self, i: usize) -> Line<'_> {
        match i.checked_sub(self.0.count()) {
            None => self.0.line(i),
            Some(j) => self.1.line(j),
        }
    }
}

impl Lines for [Line<'_>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> Line<'_> {
        self[i].clone()
    }
}

/// The rows a pane shows: those in view, how many there are in all (see
/// [`Kept::total`]), and the row the view starts at.
pub struct View {
    pub rows: Vec<Line<'static>>,
    pub total: usize,
    pub offset: u16,
}

/// How many rows each line makes at a width, kept with what they were counted for
/// (which text, at which width) until asked for something else. The preview of a
/// large policy's section is thousands of lines, and the review lists thousands of
/// findings; wrapping them all again on every frame (by grapheme cluster) was nearly
/// all of a keystroke's time, and keeping their rows took tens of megabytes. So the
/// lines are counted lazily, only as far down as a frame shows, and only the lines
/// in view are wrapped, again, for each frame. Cloning gives an empty cache, and
/// caches compare equal, so holding one changes nothing about the value that holds
/// it.
#[derive(Debug, Default)]
pub struct Cache(RefCell<Option<Kept>>);

/// What rows were counted for: a name for the text, and the width.
pub type CacheKey = (String, usize);

#[derive(Debug)]
struct Kept {
    key: CacheKey,
    /// The rows of the lines counted so far, after each: `ends[i]` rows make up
    /// the lines up to and including line `i`.
    ends: Vec<usize>,
    /// The rows the lines not counted yet are expected to make (see [`estimate`]).
    expected: usize,
    /// The tail's rows last shown: from which row, how many, and the rows. A frame
    /// that shows the same (a key typed elsewhere) takes them as they are.
    shown: Option<(usize, usize, Vec<Line<'static>>)>,
}

impl Kept {
    fn counted(&self) -> usize {
        self.ends.last().copied().unwrap_or(0)
    }

    /// How many rows all the lines make: exact once every line is counted; until
    /// then the rows counted and those the others are expected to make, so the
    /// scrollbar is about right before the end is reached.
    fn total(&self) -> usize {
        self.counted() + self.expected
    }

    /// The line row `row` is in, and that line's first row.
    fn line_at(&self, row: usize) -> (usize, usize) {
        let i = self.ends.partition_point(|&end| end <= row);
        (i, if i == 0 { 0 } else { self.ends[i - 1] })
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
    /// The rows in view of a pane `height` rows high and `width` (the key's) wide,
    /// scrolled as `scroll` says: `head`'s rows (a few lines, wrapped on every
    /// frame), then `tail`'s, whose rows are counted for `key` as far as the view
    /// reaches and kept until the key changes.
    pub fn view(
        &self,
        key: CacheKey,
        head: &[Line],
        tail: &(impl Lines + ?Sized),
        scroll: &Scroll,
        height: u16,
    ) -> View {
        let width = key.1;
        let head = wrap(head, width);
        let mut kept = self.0.borrow_mut();
        if kept.as_ref().is_none_or(|k| k.key != key) {
            let expected = (0..tail.count())
                .map(|i| estimate(&tail.line(i), width))
                .sum();
            *kept = Some(Kept {
                key,
                ends: Vec::new(),
                expected,
                shown: None,
            });
        }
        let kept = kept.as_mut().expect("just filled");
        // Counted down to the end of the view as scrolled; the scroll itself is held
        // within the total below.
        let through = (usize::from(scroll.offset) + usize::from(height)).saturating_sub(head.len());
        while kept.counted() < through && kept.ends.len() < tail.count() {
            let line = tail.line(kept.ends.len());
            kept.expected -= estimate(&line, width);
            let rows = wrap(std::slice::from_ref(&line), width).len();
            kept.ends.push(kept.counted() + rows);
        }
        let total = head.len() + kept.total();
        let offset = scroll.visible(total, height);
        let (from, to) = (
            usize::from(offset),
            usize::from(offset) + usize::from(height),
        );
        let mut rows: Vec<Line<'static>> = head
            .get(from.min(head.len())..to.min(head.len()))
            .unwrap_or_default()
            .to_vec();
        let tail_from = from.saturating_sub(head.len());
        let wanted = usize::from(height) - rows.len().min(usize::from(height));
        if kept
            .shown
            .as_ref()
            .is_none_or(|s| (s.0, s.1) != (tail_from, wanted))
        {
            let (mut i, first) = kept.line_at(tail_from);
            let mut skip = tail_from - first;
            let mut shown = Vec::new();
            while shown.len() < wanted && i < kept.ends.len() {
                shown.extend(wrap(&[tail.line(i)], width).into_iter().skip(skip));
                skip = 0;
                i += 1;
            }
            shown.truncate(wanted);
            kept.shown = Some((tail_from, wanted, shown));
        }
        rows.extend(kept.shown.as_ref().expect("just made").2.iter().cloned());
        View {
            rows,
            total,
            offset,
        }
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

    /// Lines that count how often each is made.
    struct Counted<'a>(&'a [Line<'static>], std::cell::Cell<usize>);

    impl Lines for Counted<'_> {
        fn count(&self) -> usize {
            self.0.len()
        }

        fn line(&self, i: usize) -> Line<'_> {
            self.1.set(self.1.get() + 1);
            self.0[i].clone()
        }
    }

    fn scroll(offset: u16) -> Scroll {
        Scroll {
            offset,
            ..Default::default()
        }
    }

    fn shown(view: &View) -> Vec<String> {
        view.rows.iter().map(ToString::to_string).collect()
    }

    /// Rows are counted once per text and width: a frame that draws the same part
    /// of the same text at the same width makes no line again, and one scrolled
    /// makes only the lines it shows.
    #[test]
    fn rows_are_counted_once_until_the_text_or_the_width_changes() {
        let lines: Vec<Line<'static>> = (0..100)
            .map(|i| Line::from(format!("line {i} has some words")))
            .collect();
        let cache = Cache::default();
        let tail = Counted(&lines, Default::default());
        let view = |name: &str, width: usize| {
            cache.view((name.to_owned(), width), &[], &tail, &scroll(0), 10)
        };
        view("data", 9);
        let first = tail.1.replace(0);
        assert!(
            first > 100,
            "every line made once to estimate, then counted: {first}"
        );
        view("data", 9);
        assert_eq!(tail.1.get(), 0, "kept: the same view makes no line again");
        cache.view(("data".to_owned(), 9), &[], &tail, &scroll(3), 10);
        assert!(tail.1.get() <= 10, "scrolled: only the lines in view made");
        tail.1.set(0);
        view("data", 30);
        assert!(tail.1.get() > 100, "counted again at another width");
        tail.1.set(0);
        view("rights", 30);
        assert!(tail.1.get() > 100, "counted again for another text");
        assert!(cache.clone().0.borrow().is_none());
    }

    /// Only the lines a frame reaches are counted; the total counts the others as
    /// estimated until they are, and is exact when the last line is counted. The
    /// rows in view are those that wrapping everything at once gives there, with a
    /// few head lines before them, wherever the view is scrolled to.
    #[test]
    fn the_rows_in_view_are_those_of_wrapping_everything() {
        let head = vec![Line::from("a head line that wraps"), Line::from("")];
        let lines: Vec<Line<'static>> = (0..100)
            .map(|i| Line::from("word ".repeat(i % 7 + 1) + &format!("line {i}")))
            .collect();
        let whole = wrap(&[head.clone(), lines.clone()].concat(), 12);
        let texts = |rows: &[Line]| rows.iter().map(ToString::to_string).collect::<Vec<_>>();
        let cache = Cache::default();
        let key = || ("data".to_owned(), 12);
        let view = cache.view(key(), &head, &lines[..], &scroll(0), 10);
        assert_eq!(shown(&view), texts(&whole[..10]));
        assert!(
            cache.0.borrow().as_ref().unwrap().ends.len() < 10,
            "counted as far as shown"
        );
        assert!(
            view.total.abs_diff(whole.len()) <= 100,
            "{} of {}",
            view.total,
            whole.len()
        );
        for offset in [1, 2, 3, 17, 50, 120] {
            let view = cache.view(key(), &head, &lines[..], &scroll(offset), 10);
            let from = usize::from(view.offset);
            assert_eq!(from, usize::from(offset).min(view.total - 10));
            assert_eq!(
                shown(&view),
                texts(&whole[from..(from + 10).min(whole.len())]),
                "at {offset}"
            );
        }
        let view = cache.view(key(), &head, &lines[..], &scroll(u16::MAX), 10);
        assert_eq!(view.total, whole.len());
        assert_eq!(usize::from(view.offset), whole.len() - 10);
        assert_eq!(shown(&view), texts(&whole[whole.len() - 10..]));
    }
}
