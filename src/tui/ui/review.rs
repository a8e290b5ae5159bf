//! The review screen: what is still missing, the `check` findings, the outputs to
//! write, and the whole rendered policy.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::wrap::{Chain, Lines};
use super::{hints, style};
use crate::check::{Finding, Severity, Summary};
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
    let summary = Summary::of(&d.findings);
    if r.problems.is_empty() && summary.errors > 0 {
        lines.push(Line::styled(strings::REVIEW_READY_BUT, style::warn()));
    } else if r.problems.is_empty() {
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
        format!("{} ({summary})", strings::REVIEW_FINDINGS),
        style::title(),
    ));
    if d.findings.is_empty() {
        lines.push(Line::from(strings::REVIEW_NO_FINDINGS));
    }
    // Waived findings last, as `check` lists them, each with the reason it is waived.
    let (active, waived): (Vec<_>, Vec<_>) = d.findings.iter().partition(|f| f.waived.is_none());
    let findings = FindingLines(active.into_iter().chain(waived).collect());
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", strings::REVIEW_TITLE),
        style::title(),
    ));
    let inner = block.inner(left);
    let key = (
        format!("findings {}", d.worked_out),
        usize::from(inner.width),
    );
    let view = r
        .wrapped
        .0
        .view(key, &lines, &findings, &r.scroll, inner.height);
    super::scrolled_view(frame, left, block, view, strings::SCROLL_CHECKLIST);

    if let Some(right) = right {
        let p = &d.preview;
        let mut head: Vec<Line> = Vec::new();
        let mut forms: Vec<Line> = Vec::new();
        if p.draft {
            head.push(Line::styled(strings::PREVIEW_DRAFT, style::dim()));
        }
        let policy = p.all_lines();
        match &p.markdown {
            Some(_) => {}
            None if d.preview_pending() => {
                head.push(Line::styled(strings::PREVIEW_RENDERING, style::dim()));
            }
            None => head.push(Line::styled(strings::PREVIEW_CANNOT, style::warn())),
        }
        // The store forms from the same answers, after the policy (issue 15).
        for (title, form) in &r.forms {
            forms.push(Line::default());
            forms.push(Line::styled(format!("── {title} ──"), style::title()));
            forms.extend(form.lines().map(Line::from));
        }
        let block = Block::bordered().title(strings::PREVIEW);
        let inner = block.inner(right);
        let key = (format!("policy {}", d.worked_out), usize::from(inner.width));
        let view = r.wrapped.1.view(
            key,
            &head,
            &Chain(policy, &forms[..]),
            &d.policy_scroll,
            inner.height,
        );
        super::scrolled_view(frame, right, block, view, strings::SCROLL_POLICY);
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

/// The checklist's findings, a line each, made only when counted or shown (a file
/// with thousands of entries has thousands of findings).
struct FindingLines<'a>(Vec<&'a Finding>);

impl Lines for FindingLines<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }

    fn line(&self, i: usize) -> Line<'_> {
        let f = self.0[i];
        let (key, s) = match (&f.waived, f.severity()) {
            (Some(_), _) => ("waived", style::dim()),
            (None, Severity::Error) => (f.severity().key(), style::error()),
            (None, Severity::Warning) => (f.severity().key(), style::warn()),
            (None, Severity::Info) => (f.severity().key(), style::dim()),
        };
        // The rule's id last: a warning left as it is is named by it ("Which
        // warning? (its id, as the review screen shows it)"), and the screen did
        // not show it (found walking through "The policy itself").
        let mut text = format!(
            "{} ({}) → {} [{}]",
            f.message(),
            f.citation(),
            f.answer(),
            f.rule()
        );
        if let Some(w) = &f.waived {
            text.push_str(&format!(" (waived: {})", w.reason));
        }
        Line::from(vec![Span::styled(format!("{key:<7} "), s), Span::raw(text)])
    }
}
