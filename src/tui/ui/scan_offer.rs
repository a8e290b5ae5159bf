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
    let missing = undeclared(found, d, catalog);
    if missing.is_empty() {
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        return vec![Line::styled(
            format!(
                "{} {dir}, all in your list: {}.",
                strings::FOUND_IN_CODE,
                names.join(", ")
            ),
            style::dim(),
        )];
    }
    // What is missing, each with where it was found; what is listed, in one line.
    let mut lines = vec![Line::styled(
        format!("{} {dir}, not in your list:", strings::FOUND_IN_CODE),
        style::title(),
    )];
    let width = missing
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    for f in &missing {
        let at = f
            .evidence
            .first()
            .map(|e| format!("{}:{}", e.file, e.line))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!("  + {:<width$}  {at}", f.name),
            style::warn(),
        ));
    }
    let listed: Vec<&str> = found
        .iter()
        .filter(|f| !missing.contains(f))
        .map(|f| f.name.as_str())
        .collect();
    if !listed.is_empty() {
        lines.push(Line::styled(
            format!("  Already in your list: {}.", listed.join(", ")),
            style::dim(),
        ));
    }
    let count = match missing.len() {
        1 => "one".to_owned(),
        n => n.to_string(),
    };
    lines.push(Line::styled(
        format!("Ctrl-F adds the {count} (you can change or remove them after)."),
        style::warn(),
    ));
    lines
}

/// The processors found that the answers do not declare.
pub fn undeclared<'a>(found: &'a [Found], d: &Doc, catalog: &Catalog) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| catalog.get(&f.id).is_some_and(|e| !declares(&d.answers, e)))
        .collect()
}
