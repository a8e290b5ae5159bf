//! What a scan of the product's code found, drawn under the list of recipients:
//! each service with the file and line that revealed it, and whether the list has it.

use ratatui::text::Line;

use super::style;
use crate::catalog::Catalog;
use crate::scan::{Found, declares};
use crate::tui::app::{Doc, ScanOffer};
use crate::tui::strings;

/// The lines to show, empty when there is nothing to say.
pub fn lines(d: &Doc, catalog: &Catalog) -> Vec<Line<'static>> {
    let Some(ScanOffer { dir, found }) = &d.scan else {
        return vec![Line::styled(strings::NO_CODE_DIR, style::dim())];
    };
    let found = match found {
        None => {
            return vec![Line::styled(
                format!("{} {dir}…", strings::SCANNING),
                style::dim(),
            )];
        }
        Some(Err(e)) => {
            return vec![Line::styled(
                format!("{} {e}", strings::CANNOT_SCAN),
                style::warn(),
            )];
        }
        Some(Ok(found)) if found.is_empty() => {
            return vec![Line::styled(
                format!("{} {dir}.", strings::NOTHING_IN_CODE),
                style::dim(),
            )];
        }
        Some(Ok(found)) => found,
    };
    let mut lines = vec![Line::styled(
        format!("{} {dir}:", strings::FOUND_IN_CODE),
        style::title(),
    )];
    let missing = undeclared(found, d, catalog);
    let width = found
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    for f in found {
        let listed = !missing.contains(&f);
        let at = f
            .evidence
            .first()
            .map(|e| format!("{}:{}", e.file, e.line))
            .unwrap_or_default();
        let (mark, note, s) = if listed {
            ("✓", " (in your list)", style::dim())
        } else {
            ("+", "", style::warn())
        };
        lines.push(Line::styled(
            format!("  {mark} {:<width$}  {at}{note}", f.name),
            s,
        ));
    }
    if !missing.is_empty() {
        lines.push(Line::styled(
            format!(
                "Ctrl-F adds the {} not in your list (you can change or remove them after).",
                missing.len()
            ),
            style::warn(),
        ));
    }
    lines
}

/// The processors found that the answers do not declare.
pub fn undeclared<'a>(found: &'a [Found], d: &Doc, catalog: &Catalog) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| catalog.get(&f.id).is_some_and(|e| !declares(&d.answers, e)))
        .collect()
}
