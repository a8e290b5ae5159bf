//! The home screen: saved policies, and New / Open / Quit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

use super::{hints, style};
use crate::tui::app::App;
use crate::tui::{keys, strings};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let home = &app.home;
    let [main, below, footer] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let block = Block::bordered().title(Line::styled(strings::HOME_TITLE, style::title()));
    if home.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(strings::HOME_EMPTY)
                .block(block)
                .wrap(Wrap { trim: true }),
            main,
        );
    } else {
        let rows = home.entries.iter().enumerate().map(|(i, e)| {
            let row = Row::new(vec![
                Cell::from(e.name.clone()),
                Cell::from(e.product.clone()),
                Cell::from(e.last_updated.clone()),
                Cell::from(e.path.display().to_string()),
            ]);
            if i == home.cursor && home.naming.is_none() {
                row.style(style::selected())
            } else {
                row
            }
        });
        let table = Table::new(
            rows,
            [
                Constraint::Length(14),
                Constraint::Length(18),
                Constraint::Length(12),
                Constraint::Min(10),
            ],
        )
        .header(Row::new(vec!["Name", "Product", "Updated", "Path"]).style(style::title()))
        .block(block);
        frame.render_widget(table, main);
    }
    let mut lines = Vec::new();
    if let Some(input) = &home.naming {
        lines.push(Line::from(strings::HOME_NEW_PROMPT));
        lines.push(input.line(Some("acme")));
    }
    if let Some(m) = &home.message {
        lines.push(Line::styled(m.clone(), style::error()));
    }
    if lines.is_empty() {
        lines.push(Line::styled(strings::NOT_LEGAL_ADVICE, style::dim()));
    }
    // What is being typed is wrapped here, not by ratatui: see `super::wrap`.
    let lines = super::wrap::wrap(&lines, usize::from(below.width));
    frame.render_widget(Paragraph::new(lines), below);
    let h = if home.naming.is_some() {
        keys::HOME_NAME
    } else {
        keys::HOME
    };
    hints(frame, footer, h);
}
