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
