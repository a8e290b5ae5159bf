//! The interview screen: sections with their completion, the current question with
//! its help and inline errors, the preview, key hints and the save status.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{hints, style};
use crate::tui::app::{App, Focus, Saved};
use crate::tui::{keys, strings};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let [main, footer, status] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let d = app.doc();
    let content = if main.width >= 60 {
        let [side, content] = Layout::horizontal([
            Constraint::Length((main.width / 3).min(28)),
            Constraint::Min(20),
        ])
        .areas(main);
        sidebar(app, frame, side);
        content
    } else if d.focus == Focus::Sidebar {
        // Too narrow for the sidebar beside the question: Ctrl-G shows it in the
        // question's place, so the sections are never chosen blind.
        sidebar(app, frame, main);
        return footer_and_status(app, frame, footer, status);
    } else {
        main
    };
    // On a short, narrow terminal the question needs the room more than the preview.
    if d.preview_on && (content.width >= 90 || content.height >= 16) {
        let [q, p] = if content.width >= 90 {
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(content)
        } else {
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(content)
        };
        d.preview_drawn.set(true);
        question(app, frame, q);
        preview(app, frame, p);
    } else {
        d.preview_drawn.set(false);
        question(app, frame, content);
    }

    footer_and_status(app, frame, footer, status);
}

fn footer_and_status(app: &App, frame: &mut Frame, footer: Rect, status: Rect) {
    let d = app.doc();
    let mut h = if d.focus == Focus::Sidebar {
        keys::SIDEBAR.to_vec()
    } else {
        d.editor.hints()
    };
    if d.focus == Focus::Question && offers_found(app) {
        h.push(keys::ADD_FOUND);
    }
    if d.focus == Focus::Question && !d.answers.workspace.unconfirmed.is_empty() {
        h.extend(crate::tui::confirm::HINTS);
    }
    hints(frame, footer, &fitted(h, usize::from(footer.width)));
    status_line(app, frame, status);
}

/// The hints for the footer: all of them when they fit; otherwise the ways out and
/// around (sections, publish, quit) always, and the others, in order, as many as
/// fit beside them.
fn fitted(local: Vec<keys::Hint>, width: usize) -> Vec<keys::Hint> {
    let size = |(k, w): &keys::Hint| k.chars().count() + 1 + w.chars().count() + 2;
    let essential = |(k, _): &keys::Hint| matches!(*k, "^G" | "^R" | "^Q");
    let mut all = local;
    all.extend_from_slice(keys::WIZARD);
    let mut room = (width + 2).saturating_sub(all.iter().filter(|h| essential(h)).map(size).sum());
    let mut full = false;
    all.retain(|h| {
        if essential(h) {
            return true;
        }
        // The first that does not fit ends the others: the order is their rank.
        full = full || size(h) > room;
        if !full {
            room -= size(h);
        }
        !full
    });
    all
}

/// Whether the scan found services the list of recipients does not have yet.
fn offers_found(app: &App) -> bool {
    let d = app.doc();
    app.at_scan_question()
        && matches!(&d.scan, Some(s) if matches!(&s.found, Some(Ok(found))
            if !super::scan_offer::undeclared(found, d, &app.catalog).is_empty()))
}

fn sidebar(app: &App, frame: &mut Frame, area: Rect) {
    let d = app.doc();
    // Before the first frame's completion is worked out, the sections without counts.
    let completion = app.completion();
    let lines: Vec<Line> = app
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (done, total) = completion.get(i).copied().unwrap_or((0, 1));
            let mark = match (done, total) {
                (_, 0) => "-",
                (d, t) if d == t => "✓",
                _ => " ",
            };
            let here = if i == d.section { "›" } else { " " };
            let count = match completion.get(i) {
                Some(_) => format!("{done}/{total}"),
                None => String::new(),
            };
            let width = area.width.saturating_sub(2) as usize;
            let name_width = width.saturating_sub(count.len() + 4);
            let title: String = s.title.chars().take(name_width).collect();
            let text = format!("{here}{mark} {title:<name_width$} {count}");
            let style = if d.focus == Focus::Sidebar && i == d.sidebar {
                style::selected()
            } else if i == d.section {
                style::title()
            } else if total == 0 {
                style::dim()
            } else {
                ratatui::style::Style::default()
            };
            Line::styled(text, style)
        })
        .collect();
    let mut block = Block::bordered().title(strings::SECTIONS);
    if d.focus == Focus::Sidebar {
        block = block.border_style(style::focus_border());
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn question(app: &App, frame: &mut Frame, area: Rect) {
    let d = app.doc();
    let section = &app.sections[d.section];
    let q = app.question();
    let steps: Vec<(usize, usize)> = app
        .steps(&d.answers)
        .into_iter()
        .filter(|&(s, _)| s == d.section)
        .collect();
    let at = steps
        .iter()
        .position(|&(_, i)| i == d.question)
        .map_or(0, |p| p + 1);
    let title = format!(" {} · {}/{} ", section.title, at, steps.len());
    let mut block = Block::bordered().title(Line::styled(title, style::title()));
    if d.focus == Focus::Question {
        block = block.border_style(style::focus_border());
    }
    let inner_height = area.height.saturating_sub(2) as usize;
    let ctx = crate::tui::editors::Ctx {
        answers: &d.answers,
        catalog: &app.catalog,
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            crate::questions::in_words(q.prompt, &d.answers),
            style::title(),
        ),
        Span::styled(if q.required { " (required)" } else { "" }, style::dim()),
        Span::styled(
            if d.answers.has_unconfirmed(q.key) {
                crate::tui::confirm::MARK
            } else {
                ""
            },
            style::warn(),
        ),
    ])];
    lines.push(Line::default());
    let inner_width = area.width.saturating_sub(2) as usize;
    lines.extend(
        d.editor
            .lines(q, &ctx, inner_width, inner_height.saturating_sub(6)),
    );
    for e in &d.errors {
        lines.push(Line::styled(format!("! {e}"), style::error()));
    }
    if let Some(n) = &d.notice {
        lines.push(Line::styled(n.clone(), style::warn()));
    }
    if app.at_scan_question() {
        lines.push(Line::default());
        lines.extend(super::scan_offer::lines(d, &app.catalog));
    }
    if !q.help.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            crate::questions::in_words(q.help, &d.answers),
            style::dim(),
        ));
    }
    let findings: Vec<_> = d
        .findings
        .iter()
        .filter(|f| concerns(f.answer(), q.key))
        // The question's own answer is checked as it is typed and on Enter (`errors`
        // above); "it is empty" before anything was typed is not news.
        .filter(|f| !(f.rule() == "consistency-renderable" && f.answer() == q.key))
        .collect();
    if !findings.is_empty() {
        lines.push(Line::default());
    }
    // A list of thousands of entries can have thousands of findings; the pane shows
    // the first few and says how many more the review lists (every one of them was
    // wrapped on every frame: a move in a 5,000-entry list took 10 ms).
    let more = findings.len().saturating_sub(FINDINGS_SHOWN);
    for f in findings.into_iter().take(FINDINGS_SHOWN) {
        // A waived finding is shown with its reason, dimmed: it no longer asks for
        // anything, but the operator should see what was decided and why.
        if let Some(w) = &f.waived {
            lines.push(Line::styled(
                format!(
                    "waived {} ({}): {} (waived: {})",
                    f.severity().key(),
                    f.citation(),
                    f.message(),
                    w.reason
                ),
                style::dim(),
            ));
            continue;
        }
        let style = match f.severity() {
            crate::check::Severity::Error => style::error(),
            _ => style::warn(),
        };
        lines.push(Line::styled(
            format!("{} ({}): {}", f.severity().key(), f.citation(), f.message()),
            style,
        ));
    }

    if more > 0 {
        lines.push(Line::styled(strings::more_findings(more), style::dim()));
    }

    // Wrapped here, not by ratatui: see `super::wrap`.
    let lines = super::wrap::wrap(&lines, inner_width);
    // Too long for the pane (40x12): it scrolls to keep the field under the cursor
    // and what is said under it (its editor, its error) in view, and Alt-↑↓ reach
    // the rest, the help below (found walking through the wizard at 40x12: help
    // and form errors were cut off, out of reach).
    let hidden = lines.len().saturating_sub(inner_height);
    if hidden == 0 {
        frame.render_widget(Paragraph::new(lines).block(block), area);
        return;
    }
    let starts = |l: &Line, with: &str| {
        l.spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()
            .starts_with(with)
    };
    let mut offset = 0;
    if let Some(focus) = lines.iter().position(|l| starts(l, "›")) {
        // The cursor's row and the indented lines under it (an open field's editor,
        // its error and help), as many as fit.
        let under = lines[focus + 1..]
            .iter()
            .take_while(|l| starts(l, "    "))
            .count();
        let end = (focus + under).min(focus + inner_height.saturating_sub(1));
        offset = (end + 1).saturating_sub(inner_height);
    } else if !d.errors.is_empty() {
        // A question's own error, under its answer.
        if let Some(error) = lines.iter().position(|l| starts(l, "! ")) {
            offset = (error + 1).saturating_sub(inner_height);
        }
    }
    if d.preview_drawn.get() {
        // Alt-↑↓ scroll the preview beside it: the pane only follows the cursor.
        let offset = u16::try_from(offset).unwrap_or(0);
        frame.render_widget(Paragraph::new(lines).block(block).scroll((offset, 0)), area);
        return;
    }
    let offset = (i64::try_from(offset).unwrap_or(0) + i64::from(d.question_nudge))
        .clamp(0, i64::try_from(hidden).unwrap_or(0));
    let scroll = crate::tui::app::Scroll {
        offset: u16::try_from(offset).unwrap_or(0),
        ..Default::default()
    };
    super::scrolled(frame, area, block, lines, &scroll, strings::SCROLL_POLICY);
}

/// How many of the findings about a question its pane shows.
const FINDINGS_SHOWN: usize = 5;

fn preview(app: &App, frame: &mut Frame, area: Rect) {
    let d = app.doc();
    let p = &d.preview;
    let section = app.sections[d.section].id;
    let mut head: Vec<Line> = Vec::new();
    // The whole policy unless the section's part is found (none without a policy).
    let mut tail = p.all_lines();
    match &p.markdown {
        None if d.preview_pending() => {
            head.push(Line::styled(strings::PREVIEW_RENDERING, style::dim()));
        }
        None => {
            head.push(Line::styled(strings::PREVIEW_CANNOT, style::warn()));
            head.extend(p.problems.iter().map(|x| Line::from(format!("- {x}"))));
        }
        Some(_) => {
            if p.draft {
                head.push(Line::styled(strings::PREVIEW_DRAFT, style::dim()));
            }
            match p.section_lines(section) {
                Some(part) => tail = part,
                None => head.push(Line::styled(strings::PREVIEW_NOT_YET, style::dim())),
            }
        }
    }
    let block = Block::bordered().title(strings::PREVIEW);
    let inner = block.inner(area);
    let key = (section.to_owned(), usize::from(inner.width));
    let view = p
        .wrapped
        .view(key, &head, &tail, &d.policy_scroll, inner.height);
    super::scrolled_view(frame, area, block, view, strings::SCROLL_POLICY);
}

fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    let d = app.doc();
    let (mark, style) = match (&d.saved, d.dirty) {
        (_, false) if d.saving => (format!("○ {}", strings::SAVING), style::dim()),
        (Saved::Failed(e), _) => (format!("! NOT SAVED: {e}"), style::error()),
        // In an entry with no field open, Enter does not save and Esc asks.
        (_, true) if entry_open(&d.editor) => {
            (format!("○ {}", strings::EDITING_ENTRY), style::warn())
        }
        (_, true) => (format!("○ {}", strings::EDITING), style::warn()),
        (Saved::Saved, false) => (format!("● {}", strings::SAVED), style::good()),
        (Saved::NotYet, false) => (format!("○ {}", strings::NOT_SAVED_YET), style::dim()),
    };
    let line = Line::from(vec![
        Span::styled(mark, style),
        Span::raw("  "),
        Span::styled(d.path.display().to_string(), style::dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// Whether a list entry is open with none of its fields being edited.
fn entry_open(editor: &crate::tui::editors::Editor) -> bool {
    use crate::tui::editors::{Editor, records};
    matches!(editor, Editor::List(records::List {
        open: Some(records::Open::Record(_, form)),
        ..
    }) if form.open.is_none())
}

/// Whether a finding's answer path is this question's answer or inside it
/// (`purposes[0].legal_basis` concerns the question `purposes`).
fn concerns(answer: &str, key: &str) -> bool {
    answer == key
        || answer
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::concerns;

    #[test]
    fn findings_belong_to_the_question_of_their_answer() {
        assert!(concerns("purposes[0].legal_basis", "purposes"));
        assert!(concerns("rights.complaint", "rights.complaint"));
        assert!(!concerns("rights.complaint_x", "rights.complaint"));
        assert!(!concerns("organization.dpo", "organization.description"));
    }
}
