//! The live preview: the policy rendered as Markdown from the answers so far, and the
//! part of it that the current interview section writes. Pure: the renderer is built
//! once by the caller, and rendering happens only when the answers change.

use crate::answers::Answers;
use crate::answers::values::Date;
use crate::catalog::Catalog;
use crate::policy::Policy;
use crate::render::{Format, Renderer};
use crate::tui::ui::wrap::TextLines;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preview {
    /// The rendered policy, if it could be rendered.
    pub markdown: Option<String>,
    /// Rendered with placeholders for required answers not given yet.
    pub draft: bool,
    /// Why it could not be rendered even with placeholders.
    pub problems: Vec<String>,
    /// The part shown, wrapped for the pane: made again only when this preview is
    /// replaced or another part or width is shown.
    pub wrapped: crate::tui::ui::wrap::Cache,
    /// Where each line of the policy starts, found once per preview: a large policy
    /// has tens of thousands of lines, and a frame shows a few of them.
    starts: std::cell::OnceCell<Vec<usize>>,
    /// Where each part asked for is ([`Preview::section`]), found once: finding the
    /// end of a long part on every frame was most of a keystroke's time.
    parts: std::cell::RefCell<Vec<(String, Option<Span>)>>,
}

/// Where a part of the policy starts and ends, in bytes.
type Span = (usize, usize);

/// The policy headings each interview section writes under (labels of
/// `answers::vocab::SectionId`); the first one found is shown.
fn headings(section: &str) -> &'static [&'static str] {
    match section {
        "organization" | "product" => &["Who we are", "Children", "Contact"],
        "data" => &["What we collect", "What we do not collect"],
        "purposes" | "sale" => &["How we use your information", "Who we share it with"],
        "processors" => &["Who we share it with"],
        "hosting" => &["Where your data is stored", "International transfers"],
        "visibility" => &["Sharing and visibility"],
        "retention" => &["How long we keep your information"],
        "rights" => &["Your rights"],
        "tracking" => &["Cookies and tracking"],
        "security" => &["Security"],
        "extension" | "app" => &["Permissions"],
        // The store answers are not in the policy's text: the nearest part of it is
        // the data they describe.
        "stores" => &["What we collect", "Permissions"],
        "changes" => &["Changes to this policy"],
        _ => &[],
    }
}

impl Preview {
    /// The preview of the policy `answers` make, rendered as `markdown`; when it could
    /// not be rendered yet (`None`), a draft with placeholders for the required
    /// answers still missing, made with `catalog`.
    pub fn or_draft(
        markdown: Option<String>,
        renderer: &Renderer,
        answers: &Answers,
        catalog: &Catalog,
    ) -> Preview {
        if let Some(markdown) = markdown {
            return Preview {
                markdown: Some(markdown),
                draft: false,
                problems: Vec::new(),
                ..Preview::default()
            };
        }
        let draft = Policy::resolve(&with_placeholders(answers), catalog);
        match draft.map(|p| renderer.render(&p, Format::Markdown)) {
            Ok(Ok(markdown)) => Preview {
                markdown: Some(markdown),
                draft: true,
                problems: Vec::new(),
                ..Preview::default()
            },
            _ => Preview {
                markdown: None,
                draft: true,
                // As `render` would report them: the policy's problems, not those of
                // answers it leaves out.
                problems: match Policy::resolve(answers, catalog) {
                    Ok(policy) => policy.problems(),
                    Err(problems) => problems,
                }
                .iter()
                .map(ToString::to_string)
                .collect(),
                ..Preview::default()
            },
        }
    }

    /// The part of the policy written by the interview section `section`: from its
    /// heading to the next one. `None` when the policy has no such part yet. A slice
    /// of the preview, found once per preview (the pane asks on every frame, and
    /// the policy of a large file is megabytes long).
    pub fn section(&self, section: &str) -> Option<&str> {
        let (start, end) = self.span_of(section)?;
        Some(&self.markdown.as_deref()?[start..end])
    }

    /// The lines of [`Preview::section`], for a pane to show a few at a time.
    pub fn section_lines(&self, section: &str) -> Option<TextLines<'_>> {
        self.span_of(section).map(|span| self.lines_in(span))
    }

    /// The lines of the whole policy (none while there is no policy).
    pub fn all_lines(&self) -> TextLines<'_> {
        self.lines_in((0, self.markdown.as_deref().map_or(0, str::len)))
    }

    fn span_of(&self, section: &str) -> Option<Span> {
        let markdown = self.markdown.as_deref()?;
        let known = self
            .parts
            .borrow()
            .iter()
            .find(|(s, _)| s == section)
            .map(|p| p.1);
        known.unwrap_or_else(|| {
            let span = self.find_section(markdown, section);
            self.parts.borrow_mut().push((section.to_owned(), span));
            span
        })
    }

    fn find_section(&self, markdown: &str, section: &str) -> Option<Span> {
        for heading in headings(section) {
            let Some(&start) = self
                .starts()
                .iter()
                .find(|&&at| is_heading(&markdown[at..], heading))
            else {
                continue;
            };
            // The next heading is the next line that starts with one.
            let end = markdown[start..]
                .find("\n## ")
                .map_or(markdown.len(), |n| start + n + 1);
            let part = markdown[start..end].trim_end();
            return Some((start, start + part.len()));
        }
        None
    }

    fn starts(&self) -> &[usize] {
        self.starts
            .get_or_init(|| line_starts(self.markdown.as_deref().unwrap_or_default()).collect())
    }

    /// The lines of the policy's bytes `from..end`.
    fn lines_in(&self, (from, end): Span) -> TextLines<'_> {
        let starts = self.starts();
        // Starts after `from` and before `end` (none for an empty span).
        let a = starts.partition_point(|&s| s <= from);
        let b = starts.partition_point(|&s| s < end).max(a);
        let markdown = self.markdown.as_deref().unwrap_or_default();
        TextLines::new(markdown, from, &starts[a..b], end)
    }
}

/// The byte offsets where the lines of `text` start.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        text.match_indices('\n')
            .map(|(i, _)| i + 1)
            .filter(move |&i| i < text.len()),
    )
}

/// Whether the line starting `rest` is a `## ` heading ending with `heading`.
fn is_heading(rest: &str, heading: &str) -> bool {
    let line = rest.split('\n').next().unwrap_or("");
    line.starts_with("## ") && line.ends_with(heading)
}

/// The answers with every required answer still missing filled with a visible
/// placeholder, so a draft can be previewed.
fn with_placeholders(answers: &Answers) -> Answers {
    let mut a = answers.clone();
    if a.organization.product_name.trim().is_empty() {
        a.organization.product_name = "‹product name›".to_owned();
    }
    if !crate::answers::validate::is_email(&a.organization.contact_email) {
        a.organization.contact_email = "‹contact›@example.com".to_owned();
    }
    a.policy.last_updated.get_or_insert(Date {
        year: 1970,
        month: 1,
        day: 1,
    });
    a
}

#[cfg(test)]
mod tests {
    use super::{Preview, headings};

    fn preview_of(markdown: &str) -> Preview {
        Preview {
            markdown: Some(markdown.to_owned()),
            ..Preview::default()
        }
    }

    /// The part is what splitting the policy into lines finds: from its heading to
    /// the next, without the blank lines at its end; the last part runs to the end.
    #[test]
    fn a_part_runs_from_its_heading_to_the_next() {
        let preview = preview_of(
            "# Policy\n\n## 1. Who we are\n\nAcme.\n\n## 2. What we collect\n\n- a\n- b\n\n\n## 3. Contact\nmail\n",
        );
        assert_eq!(
            preview.section("data"),
            Some("## 2. What we collect\n\n- a\n- b")
        );
        assert_eq!(
            preview.section("organization"),
            Some("## 1. Who we are\n\nAcme.")
        );
        assert_eq!(preview.section("retention"), None);
        let last = preview_of("## 9. Contact\nmail");
        assert_eq!(last.section("organization"), Some("## 9. Contact\nmail"));
    }

    /// A part's lines, found by where they start, are what splitting it gives.
    #[test]
    fn a_parts_lines_are_its_lines() {
        use crate::tui::ui::wrap::{Lines, TextLines};
        let preview = preview_of(
            "# Policy\r\n\n## 1. Who we are\n\nAcme.\n\n## 2. What we collect\n\n- a\n- b\n\n\n## 3. Contact\nmail\n",
        );
        let markdown = preview.markdown.as_deref().unwrap();
        let text = |lines: TextLines| -> Vec<String> {
            (0..lines.count())
                .map(|i| lines.line(i).to_string())
                .collect()
        };
        for section in ["data", "organization"] {
            let part = preview.section(section).unwrap();
            assert_eq!(
                text(preview.section_lines(section).unwrap()),
                part.lines().collect::<Vec<_>>()
            );
        }
        assert!(preview.section_lines("changes").is_none());
        assert_eq!(
            text(preview.all_lines()),
            markdown.lines().collect::<Vec<_>>()
        );
        for (from, end) in [(3, 20), (0, 0), (markdown.len(), markdown.len())] {
            let part = &markdown[from..end];
            assert_eq!(
                text(preview.lines_in((from, end))),
                part.lines().collect::<Vec<_>>(),
                "{part:?}"
            );
        }
        assert_eq!(text(Preview::default().all_lines()), Vec::<String>::new());
    }

    /// Every interview section with questions about the policy's text has a part of
    /// the policy to preview (the policy's own settings and custom sections do not).
    #[test]
    fn every_section_has_a_preview() {
        for section in crate::questions::sections() {
            if matches!(section.id, "policy" | "custom") {
                continue;
            }
            assert!(
                !headings(section.id).is_empty(),
                "{} has no preview",
                section.id
            );
        }
    }
}
