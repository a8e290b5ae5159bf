//! What the rendering tests share: an example's answers, a render in each format,
//! and a part of a rendered policy found by its heading in any of the formats.
#![allow(dead_code)]

use policywright::answers::Answers;
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

/// The policy formats (the store forms aside).
pub const FORMATS: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

/// The answers of `examples/<name>.json`.
pub fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The policy these answers make, with the built-in catalog and templates.
pub fn render(answers: &Answers, format: Format) -> String {
    let policy = Policy::with_builtin_catalog(answers).unwrap();
    Renderer::new(None)
        .unwrap()
        .render(&policy, format)
        .unwrap()
}

/// The top-level section whose heading contains `title`, up to the next one, with
/// its whitespace flattened (the text format wraps lines); `None` when there is
/// none. Headings are `## ` in Markdown, `<h2` in HTML, and a line underlined with
/// dashes in text.
pub fn section_if(text: &str, title: &str) -> Option<String> {
    between(text, title, top_heading)
}

/// [`section_if`], for a section that must be there.
pub fn section(text: &str, title: &str) -> String {
    section_if(text, title).unwrap_or_else(|| panic!("no section {title} in:\n{text}"))
}

/// The section or subsection whose heading contains `title`, up to the next heading
/// of any level, flattened; `None` when there is none. Subheadings are `### ` in
/// Markdown, `<h3` in HTML, and in text a numbered line ("5.4 Changes to our
/// sub-processors") with a blank line before and after.
pub fn part(text: &str, title: &str) -> Option<String> {
    between(text, title, |lines, i| {
        let line = lines[i];
        top_heading(lines, i)
            || line.starts_with("### ")
            || line.starts_with("<h3")
            || (i > 0
                && lines[i - 1].is_empty()
                && lines.get(i + 1).is_some_and(|n| n.is_empty())
                && line.split(' ').next().is_some_and(|n| {
                    n.contains('.') && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                }))
    })
}

fn top_heading(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    line.starts_with("## ")
        || line.starts_with("<h2")
        || lines
            .get(i + 1)
            .is_some_and(|next| next.starts_with("---") && !line.is_empty())
}

fn between(text: &str, title: &str, heading: impl Fn(&[&str], usize) -> bool) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = (0..lines.len()).find(|&i| heading(&lines, i) && lines[i].contains(title))?;
    let end = (start + 1..lines.len())
        .find(|&i| heading(&lines, i))
        .unwrap_or(lines.len());
    Some(
        lines[start..end]
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}
