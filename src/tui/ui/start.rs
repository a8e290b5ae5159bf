//! The quick start screen: the question asked, why, and its list to tick or its
//! line to type; the wording is `ask::start`'s.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::{hints, style};
use crate::ask::start::{INTRO, Step};
use crate::tui::app::App;
use crate::tui::strings;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(s) = &app.start else {
        return;
    };
    let [main, footer] = Layout::vertical([Constraint::Min(4), Constraint::Length(1)]).areas(area);
    let title = format!(
        "{} `{}` · {}/{}",
        strings::START_TITLE,
        s.name,
        s.step + 1,
        Step::ALL.len()
    );
    let block = Block::bordered().title(Line::styled(title, style::title()));
    let inner = block.inner(main);
    frame.render_widget(block, main);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let prompt = s.question().prompt();
    let wrap = |lines: Vec<Line<'static>>| super::wrap::wrap(&lines, width);
    let question = wrap(vec![Line::styled(prompt.message, style::title())]);
    let help = wrap(vec![Line::styled(prompt.help, style::dim())]);
    let intro = wrap(vec![Line::styled(INTRO, style::dim()), Line::default()]);
    let mut below = Vec::new();
    if let Some(e) = &s.error {
        below.push(Line::styled(format!("! {e}"), style::error()));
    }
    let below = wrap(below);
    // The question and its answer come first; its help, then the introduction,
    // only where the terminal has room for them too.
    let body_rows = if s.working {
        1
    } else if s.ticking() {
        s.choices.options.len()
    } else {
        1
    };
    let needed = question.len() + 1 + body_rows + below.len();
    let with_help = needed + help.len() <= height;
    let with_intro = with_help && needed + help.len() + intro.len() <= height;
    let mut lines = Vec::new();
    if with_intro {
        lines.extend(intro);
    }
    lines.extend(question);
    if with_help {
        lines.extend(help);
    }
    lines.push(Line::default());
    if s.working {
        lines.extend(wrap(vec![Line::from(strings::START_WORKING)]));
    } else if s.ticking() {
        let room = height.saturating_sub(lines.len() + below.len());
        lines.extend(s.choices.lines(room));
    } else {
        lines.extend(wrap(vec![s.input.line(prompt.placeholder.as_deref())]));
    }
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);
    hints(frame, footer, &s.hints());
}
