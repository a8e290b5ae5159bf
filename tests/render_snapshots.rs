//! Every format of both examples, kept under review with insta. A change to wording
//! or layout shows up here as a diff to accept (`cargo insta review`) or fix.

use policywright::answers::Answers;
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

/// Renders an example the way the CLI does: as the policy it makes, catalog
/// references filled in.
fn render(example: &str, format: Format) -> String {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    let answers = Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let policy = Policy::with_builtin_catalog(&answers).unwrap();
    Renderer::new(None)
        .unwrap()
        .render(&policy, format)
        .unwrap()
}

#[test]
fn stepr_markdown() {
    insta::assert_snapshot!(render("stepr", Format::Markdown));
}

#[test]
fn stepr_html() {
    insta::assert_snapshot!(render("stepr", Format::Html));
}

#[test]
fn stepr_text() {
    insta::assert_snapshot!(render("stepr", Format::Text));
}

#[test]
fn specstep_markdown() {
    insta::assert_snapshot!(render("specstep", Format::Markdown));
}

#[test]
fn specstep_html() {
    insta::assert_snapshot!(render("specstep", Format::Html));
}

#[test]
fn specstep_text() {
    insta::assert_snapshot!(render("specstep", Format::Text));
}

/// Acme's processors are catalog references with a few overrides; the snapshot shows
/// the merged entries a reader gets.
#[test]
fn acme_markdown() {
    insta::assert_snapshot!(render("acme", Format::Markdown));
}

#[test]
fn acme_text() {
    insta::assert_snapshot!(render("acme", Format::Text));
}

#[test]
fn complete_markdown() {
    insta::assert_snapshot!(render("complete", Format::Markdown));
}

/// A local-only browser extension: no account, nothing sent anywhere.
/// A command-line tool and editor extension whose only data is its telemetry.
#[test]
fn lintel_markdown() {
    insta::assert_snapshot!(render("lintel", Format::Markdown));
}

#[test]
fn lintel_html() {
    insta::assert_snapshot!(render("lintel", Format::Html));
}

#[test]
fn tabnotes_markdown() {
    insta::assert_snapshot!(render("tabnotes", Format::Markdown));
}

/// A B2B SaaS run from the US, with representatives in the EU and the UK.
#[test]
fn shipdesk_markdown() {
    insta::assert_snapshot!(render("shipdesk", Format::Markdown));
}

/// A mobile app with an AI feature, hosted in the EU with recipients in the US.
#[test]
fn habitly_markdown() {
    insta::assert_snapshot!(render("habitly", Format::Markdown));
}

#[test]
fn rendering_is_deterministic() {
    for format in [Format::Markdown, Format::Html, Format::Text] {
        assert_eq!(render("stepr", format), render("stepr", format));
    }
}

/// Section numbers and titles are the same in every format.
#[test]
fn headings_agree_across_formats() {
    for example in ["stepr", "specstep"] {
        let md = render(example, Format::Markdown);
        let html = render(example, Format::Html);
        let text = render(example, Format::Text);
        let headings: Vec<&str> = md
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .filter(|h| h.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        assert!(headings.len() >= 10, "{example}: {headings:?}");
        for h in headings {
            assert!(
                html.contains(&format!("-heading\">{h}</h2>")),
                "{example} html lacks {h}"
            );
            assert!(
                text.contains(&format!("\n{h}\n")),
                "{example} text lacks {h}"
            );
        }
    }
}

fn example_answers(example: &str) -> Answers {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render_answers(answers: &Answers, format: Format) -> String {
    let policy = Policy::with_builtin_catalog(answers).unwrap();
    Renderer::new(None)
        .unwrap()
        .render(&policy, format)
        .unwrap()
}

/// The section whose heading contains `title`, up to the next heading, with its
/// whitespace flattened (the text format wraps lines). Headings are `## ` in
/// Markdown, `<h2` in HTML, and a line underlined with dashes in text.
fn section(text: &str, title: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |i: usize| {
        let line = lines[i];
        line.starts_with("## ")
            || line.starts_with("<h2")
            || lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("---") && !line.is_empty())
    };
    let start = (0..lines.len())
        .find(|&i| heading(i) && lines[i].contains(title))
        .unwrap_or_else(|| panic!("no section {title} in:\n{text}"));
    let end = (start + 1..lines.len())
        .find(|&i| heading(i))
        .unwrap_or(lines.len());
    lines[start..end]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Issue 13 item 1: a policy whose only route is an issue tracker names it wherever
/// it says how to reach the operator, and never an e-mail address.
#[test]
fn an_issue_tracker_alone_is_the_way_to_reach_the_operator() {
    let answers = example_answers("tabnotes");
    assert!(answers.organization.contact_email.is_empty());
    let tracker = "https://github.com/jananovak/tabnotes/issues";
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        assert!(
            !text.contains("mailto:") && !text.contains("e-mail at"),
            "{format:?}:\n{text}"
        );
        let rights = section(&text, "Your rights");
        assert!(
            rights.contains("by opening an issue at"),
            "{format:?}:\n{rights}"
        );
        assert!(rights.contains(tracker), "{format:?}:\n{rights}");
        assert!(section(&text, "Who we are").contains(tracker), "{format:?}");
        assert!(section(&text, "Contact").contains(tracker), "{format:?}");
    }
}

/// Every route given is named, joined as a sentence: e-mail, form and tracker, in
/// every format (issue 13 item 1).
#[test]
fn every_route_given_is_named_in_the_rights_section() {
    let mut answers = example_answers("stepr");
    answers.organization.contact_form = Some("https://stepr.kz/contact".into());
    answers.organization.issue_tracker = Some("https://github.com/stepr/stepr/issues".into());
    let text = render_answers(&answers, Format::Markdown);
    let rights = section(&text, "Your rights");
    assert!(rights.contains("us by e-mail at ["), "{rights}");
    assert!(
        rights.contains(", through our contact form at [https://stepr.kz/contact]"),
        "{rights}"
    );
    assert!(
        rights.contains(", or by opening an issue at [https://github.com/stepr/stepr/issues]"),
        "{rights}"
    );
    for format in [Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        let rights = section(&text, "Your rights");
        let form = rights
            .find("through our contact form at")
            .unwrap_or_else(|| {
                panic!("{format:?}:\n{rights}");
            });
        let issue = rights.find("or by opening an issue at").unwrap_or_else(|| {
            panic!("{format:?}:\n{rights}");
        });
        assert!(
            rights[..form].contains("by e-mail at"),
            "{format:?}:\n{rights}"
        );
        assert!(
            rights[form..issue].contains("https://stepr.kz/contact"),
            "{format:?}:\n{rights}"
        );
        assert!(
            rights[issue..].contains("https://github.com/stepr/stepr/issues"),
            "{format:?}:\n{rights}"
        );
    }
}

/// With no route but the postal address, requests go by post, in every format.
#[test]
fn a_postal_address_alone_is_the_way_to_make_requests() {
    let mut answers = example_answers("tabnotes");
    answers.organization.issue_tracker = None;
    answers.organization.postal_address = Some("Hauptstraße 1\n1010 Wien".into());
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        let rights = section(&text, "Your rights");
        assert!(
            rights.contains("contact us by post to Jana Novak, Hauptstraße 1, 1010 Wien"),
            "{format:?}:\n{rights}"
        );
        assert!(!text.contains("mailto:"), "{format:?}:\n{text}");
    }
}

/// Issue 13 item 1: a draft has no date, and says so where the date would be.
#[test]
fn a_draft_is_marked_where_the_date_would_be() {
    let mut answers = example_answers("stepr");
    answers.policy.last_updated = None;
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        // The top: everything before the first section.
        let top = &text[..text.find("Who we are").unwrap()];
        assert!(
            top.contains("Draft — not yet published"),
            "{format:?}:\n{top}"
        );
        assert!(!top.contains("Last updated"), "{format:?}:\n{top}");
    }
}

/// Issue 13 item 11: advertising identifiers, once collected, are said under
/// "Cookies and tracking" in every format.
#[test]
fn advertising_identifiers_are_stated_under_cookies_and_tracking() {
    let mut answers = example_answers("habitly");
    answers.tracking.advertising_ids = Some(true);
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        let cookies = section(&text, "Cookies and tracking");
        assert!(
            cookies.contains("We collect advertising identifiers (such as IDFA or AAID)."),
            "{format:?}:\n{cookies}"
        );
    }
}

/// Issue 13 item 4: what a product does not use is stated under "Cookies and
/// tracking", in every format.
#[test]
fn no_tracking_is_stated_under_cookies_and_tracking() {
    let answers = example_answers("tabnotes");
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let text = render_answers(&answers, format);
        let cookies = section(&text, "Cookies and tracking");
        assert!(
            cookies.contains(
                "Tabnotes uses no analytics, no cookies, no tracking pixels, and no advertising SDKs."
            ),
            "{format:?}:\n{cookies}"
        );
    }
}
