//! Markdown to HTML, with stable ids on subheadings.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::markdown::id_slug;

pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Converts a section body to HTML. Each subheading gets the id
/// `<section id>--<slug of its title without the number>`, so links to it survive
/// renumbering when another section comes or goes.
pub fn to_html(markdown: &str, section_id: &str) -> String {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let title: String = events[i + 1..]
                .iter()
                .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let unnumbered = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            let anchor = format!("{section_id}--{}", id_slug(unnumbered));
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(anchor));
            }
        }
        i += 1;
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_stable_ids_and_text_is_escaped() {
        let html = to_html(
            "### 2.1 Data you provide\n\nA \\<script\\> tag & more.\n",
            "collected",
        );
        assert!(
            html.contains(r#"<h3 id="collected--data-you-provide">2.1 Data you provide</h3>"#),
            "{html}"
        );
        assert!(html.contains("A &lt;script&gt; tag &amp; more."), "{html}");
    }

    #[test]
    fn tables_become_html_tables() {
        let html = to_html("| A | B |\n|---|---|\n| 1 | 2 |\n", "x");
        assert!(
            html.contains("<table>") && html.contains("<td>2</td>"),
            "{html}"
        );
    }
}
