//! The review screen: what is still missing, the `check` findings, the outputs to
//! write, and the whole rendered policy.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::{hints, style};
use crate::check::{Severity, Summary};
use crate::render::Format;
use crate::tui::app::App;
use crate::tui::{keys, strings};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let d = app.doc();
    let Some(r) = &d.review else { return };
    let [main, footer] = Layout::vertical([Constraint::Min(6), Constraint::Length(1)]).areas(area);
    let (left, right) = if main.width >= 70 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(main);
        (l, Some(r))
    } else {
        (main, None)
    };

    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled("Write", style::title()));
    for (i, o) in r.outputs.iter().enumerate() {
        let here = if i == r.cursor { "›" } else { " " };
        let tick = if o.on { "[x]" } else { "[ ]" };
        let mut spans = vec![Span::raw(format!(
            "{here}{tick} {:<9}",
            format_label(o.format)
        ))];
        if i == r.cursor {
            spans.extend(o.path.line(None).spans);
        } else {
            spans.push(Span::raw(o.path.text.clone()));
        }
        lines.push(Line::from(spans));
    }
    let publish = format!(
        "{}[ {} ]",
        if r.cursor == r.outputs.len() {
            "›"
        } else {
            " "
        },
        strings::PUBLISH
    );
    lines.push(if r.cursor == r.outputs.len() {
        Line::styled(publish, style::selected())
    } else {
        Line::from(publish)
    });
    if let Some(m) = &r.message {
        lines.push(Line::styled(m.clone(), style::warn()));
    }
    lines.push(Line::default());
    if r.problems.is_empty() {
        lines.push(Line::styled(strings::REVIEW_READY, style::good()));
    } else {
        lines.push(Line::styled(strings::REVIEW_MISSING, style::error()));
        lines.extend(r.problems.iter().map(|p| Line::from(format!("- {p}"))));
    }
    if !r.changes.is_empty() {
        lines.push(Line::default());
        for (i, change) in r.changes.iter().enumerate() {
            let s = match (i, change.starts_with("[material]")) {
                (0, _) => style::title(),
                (_, true) => style::warn(),
                _ => Style::default(),
            };
            lines.push(Line::styled(change.clone(), s));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{} ({})",
            strings::REVIEW_FINDINGS,
            Summary::of(&r.findings)
        ),
        style::title(),
    ));
    if r.findings.is_empty() {
        lines.push(Line::from(strings::REVIEW_NO_FINDINGS));
    }
    // Waived findings last, as `check` lists them, each with the reason it is waived.
    let (active, waived): (Vec<_>, Vec<_>) = r.findings.iter().partition(|f| f.waived.is_none());
    for f in active.into_iter().chain(waived) {
        let (key, s) = match (&f.waived, f.severity) {
            (Some(_), _) => ("waived", style::dim()),
            (None, Severity::Error) => (f.severity.key(), style::error()),
            (None, Severity::Warning) => (f.severity.key(), style::warn()),
            (None, Severity::Info) => (f.severity.key(), style::dim()),
        };
        // The rule's id last: a warning left as it is is named by it ("Which
        // warning? (its id, as the review screen shows it)"), and the screen did
        // not show it (found walking through "The policy itself").
        let mut text = format!("{} ({}) → {} [{}]", f.message, f.citation, f.answer, f.rule);
        if let Some(w) = &f.waived {
            text.push_str(&format!(" (waived: {})", w.reason));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{key:<7} "), s),
            Span::raw(text),
        ]));
    }
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", strings::REVIEW_TITLE),
        style::title(),
    ));
    super::scrolled(
        frame,
        left,
        block,
        lines,
        &r.scroll,
        strings::SCROLL_CHECKLIST,
    );

    if let Some(right) = right {
        let p = &d.preview;
        let mut text: Vec<Line> = Vec::new();
        if p.draft {
            text.push(Line::styled(strings::PREVIEW_DRAFT, style::dim()));
        }
        match &p.markdown {
            Some(m) => text.extend(m.lines().map(|l| Line::from(l.to_owned()))),
            None if d.preview_pending() => {
                text.push(Line::styled(strings::PREVIEW_RENDERING, style::dim()));
            }
            None => text.push(Line::styled(strings::PREVIEW_CANNOT, style::warn())),
        }
        // The store forms from the same answers, after the policy (issue 15).
        for (title, form) in &r.forms {
            text.push(Line::default());
            text.push(Line::styled(format!("── {title} ──"), style::title()));
            text.extend(form.lines().map(|l| Line::from(l.to_owned())));
        }
        let block = Block::bordered().title(strings::PREVIEW);
        super::scrolled(
            frame,
            right,
            block,
            text,
            &d.policy_scroll,
            strings::SCROLL_POLICY,
        );
    }
    hints(frame, footer, keys::REVIEW);
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Html => "HTML",
        Format::Text => "Text",
    }
}
