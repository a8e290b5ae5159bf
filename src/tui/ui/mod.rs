//! Drawing, and only drawing: every function here takes the state by shared
//! reference. Layout decisions (what fits at 80x24, what hides below that) live here.

mod home;
mod review;
mod scan_offer;
mod start;
pub mod style;
mod wizard;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::app::{App, Screen, Scroll};
use super::keys::Hint;
use super::strings;

/// The smallest screen the wizard draws; below it, it asks for room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    match app.screen {
        Screen::Home => home::draw(app, frame, area),
        Screen::Start => start::draw(app, frame, area),
        Screen::Wizard => wizard::draw(app, frame, area),
        Screen::Review => review::draw(app, frame, area),
    }
    // One boundary for everything drawn: file names, answers, catalog entries.
    crate::text::terminal_safe::scrub(frame.buffer_mut());
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled(strings::TOO_SMALL, style::title()),
        Line::from(strings::TOO_SMALL_DETAIL),
        Line::from(format!("Now: {}x{}.", area.width, area.height)),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(
        area.x,
        area.y + y,
        area.width,
        area.height.saturating_sub(y),
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}

/// Long text in a bordered pane, scrolled as `scroll` says; when it does not fit, a
/// scrollbar on the right border and `hint` (the keys that scroll it) on the bottom.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    lines: Vec<Line>,
    scroll: &Scroll,
    hint: &'static str,
) {
    let inner = block.inner(area);
    let mut rows = wrap::wrap(&lines, usize::from(inner.width));
    let total = rows.len();
    let offset = scroll.visible(total, inner.height);
    rows.drain(..usize::from(offset).min(total));
    rows.truncate(usize::from(inner.height));
    let view = wrap::View {
        rows,
        total,
        offset,
    };
    scrolled_view(frame, area, block, view, hint);
}

/// [`scrolled`], for the rows in view already wrapped to the pane's inner width
/// (see [`wrap::Cache::view`]).
fn scrolled_view(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    view: wrap::View,
    hint: &'static str,
) {
    let inner = block.inner(area);
    let hidden = view.total.saturating_sub(usize::from(inner.height));
    let block = if hidden > 0 {
        block.title_bottom(Line::styled(hint, style::dim()).right_aligned())
    } else {
        block
    };
    frame.render_widget(Paragraph::new(view.rows).block(block), area);
    if hidden > 0 {
        let mut state = ScrollbarState::new(hidden).position(usize::from(view.offset));
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("│")),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// The footer: key hints, as many as fit.
fn hints(frame: &mut Frame, area: Rect, hints: &[Hint]) {
    let mut spans = Vec::new();
    for (i, (key, what)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*key, style::key()));
        spans.push(Span::raw(format!(" {what}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
