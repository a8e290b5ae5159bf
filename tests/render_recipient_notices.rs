//! Issue 13 item 10, last pieces: several links per recipient, notices of
//! sub-processor changes, the third-party-links statement and Markdown lists in the
//! operator's own sections; each under its heading in every format, and read, set and
//! refused as the answers file is.

use policywright::answers::set::{Assignment, apply, problems_at};
use policywright::answers::{Answers, CustomSection, Placement};
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

const FORMATS: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render(answers: &Answers, format: Format) -> String {
    let policy = Policy::with_builtin_catalog(answers).unwrap();
    Renderer::new(None)
        .unwrap()
        .render(&policy, format)
        .unwrap()
}

/// The part of the policy from the (sub)heading containing `title` to the next
/// heading of any level, whitespace flattened; `None` when there is none.
fn part(text: &str, title: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |i: usize| {
        let line = lines[i];
        line.starts_with("## ")
            || line.starts_with("### ")
            || line.starts_with("<h2")
            || line.starts_with("<h3")
            || lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("---") && !line.is_empty())
            // A text subheading: "5.4 Changes to our sub-processors", a blank line
            // before and after.
            || (i > 0
                && lines[i - 1].is_empty()
                && lines.get(i + 1).is_some_and(|n| n.is_empty())
                && line.split(' ').next().is_some_and(|n| {
                    n.contains('.') && n.chars().all(|c| c.is_ascii_digit() || c == '.')
                }))
    };
    let start = (0..lines.len()).find(|&i| heading(i) && lines[i].contains(title))?;
    let end = (start + 1..lines.len())
        .find(|&i| heading(i))
        .unwrap_or(lines.len());
    Some(
        lines[start..end]
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The whole top-level section whose heading contains `title`, up to the next one,
/// flattened.
fn section(text: &str, title: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let top = |i: usize| {
        lines[i].starts_with("## ")
            || lines[i].starts_with("<h2")
            || lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("---") && !lines[i].is_empty())
    };
    let start = (0..lines.len())
        .find(|&i| top(i) && lines[i].contains(title))
        .unwrap_or_else(|| panic!("no section {title}"));
    let end = (start + 1..lines.len())
        .find(|&i| top(i))
        .unwrap_or(lines.len());
    lines[start..end]
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_recipient_links_its_dpa_sub_processors_and_security_beside_its_privacy_policy() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let payments = part(&text, "Payments").unwrap();
        for url in [
            "https://stripe.com/privacy",
            "https://stripe.com/legal/dpa",
            "https://stripe.com/legal/service-providers",
        ] {
            assert!(payments.contains(url), "{format:?}: {payments}");
        }
        let words = [
            "Privacy policy",
            "data processing agreement",
            "sub-processor list",
        ];
        let at: Vec<usize> = words
            .iter()
            .map(|w| {
                payments
                    .find(w)
                    .unwrap_or_else(|| panic!("{format:?}: {w}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{format:?}: {payments}");
        // Without a privacy policy, the first link given starts the sentence.
        let hosting = part(&text, "Hosting").unwrap();
        assert!(
            hosting.contains("Sub-processor list"),
            "{format:?}: {hosting}"
        );
        assert!(
            hosting.contains("https://aws.amazon.com/security/"),
            "{format:?}: {hosting}"
        );
    }
    let html = render(&answers, Format::Html);
    assert!(
        html.contains(r#"<a href="https://stripe.com/legal/dpa">data processing agreement</a>"#),
        "{html}"
    );
}

/// `privacy_policy_url` stays as it was: a file written before the other links opens
/// unchanged, says its privacy policy as it did, and is written back without them.
#[test]
fn a_privacy_policy_link_alone_reads_and_writes_as_before() {
    let text = r#"{
      "schema_version": 2,
      "organization": { "legal_entity": "Acme", "product_name": "Acme", "contact_email": "a@acme.example" },
      "processors": [
        { "id": "mailer", "name": "Mailer", "role": "messaging", "purpose": "sends e-mail",
          "privacy_policy_url": "https://mailer.example/privacy" }
      ]
    }"#;
    let answers = Answers::from_json(text).unwrap();
    let p = &answers.processors[0];
    assert_eq!(
        p.links().collect::<Vec<_>>(),
        [("privacy policy", "https://mailer.example/privacy")]
    );
    let written = answers.to_json();
    for key in [
        "dpa_url",
        "subprocessors_url",
        "security_url",
        "opt_out_url",
    ] {
        assert!(!written.contains(key), "{written}");
    }
    let md = render(&answers, Format::Markdown);
    assert!(
        md.contains("Sends e-mail. [Privacy policy](https://mailer.example/privacy). |"),
        "{md}"
    );
}

#[test]
fn links_are_set_by_path_and_refused_as_addresses_are() {
    let answers = example("shipdesk");
    // As `set` does: the value is read into the answers, then their problems at
    // that path refuse it.
    let set = |key: &str, value: &str| -> Result<Answers, String> {
        let assignment = Assignment {
            key: key.into(),
            value: value.into(),
        };
        let done = apply(&answers, &[assignment]).map_err(|e| e.to_string())?;
        let problems = problems_at(&done, &[key]);
        if problems.is_empty() {
            Ok(done)
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    };
    let done = set(
        "processors.postmark.opt_out_url",
        "https://postmarkapp.com/opt-out",
    )
    .unwrap();
    let postmark = done.processors.iter().find(|p| p.id == "postmark").unwrap();
    assert_eq!(
        postmark.opt_out_url.as_deref(),
        Some("https://postmarkapp.com/opt-out")
    );
    let refused = set("processors.postmark.dpa_url", "postmarkapp.com/dpa").unwrap_err();
    assert!(refused.contains("processors[2].dpa_url"), "{refused}");
    assert!(refused.contains("not a web address"), "{refused}");
    // A terminal control in an address is refused like in any other answer.
    let refused = set(
        "processors.postmark.security_url",
        "https://postmarkapp.com/\u{1b}[2Jsecurity",
    )
    .unwrap_err();
    assert!(refused.contains("processors[2].security_url"), "{refused}");

    let done = set(
        "data.subprocessor_changes.subscribe_url",
        "https://shipdesk.example/feed",
    )
    .unwrap();
    assert_eq!(
        done.data
            .subprocessor_changes
            .as_ref()
            .unwrap()
            .subscribe_url
            .as_deref(),
        Some("https://shipdesk.example/feed")
    );
    let refused = set("data.subprocessor_changes.subscribe_url", "a feed").unwrap_err();
    assert!(
        refused.contains("data.subprocessor_changes.subscribe_url"),
        "{refused}"
    );
    let done = set("third_party_links.examples", "our forum").unwrap();
    assert_eq!(
        done.third_party_links.examples.as_deref(),
        Some("our forum")
    );
}

#[test]
fn customers_are_told_of_sub_processor_changes_under_who_we_share_it_with() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with");
        let notice = part(&text, "Changes to our sub-processors").unwrap();
        assert!(
            shared.contains("Changes to our sub-processors"),
            "{format:?}: {shared}"
        );
        for said in [
            "We tell them about an intended addition or replacement of a sub-processor 30 days \
             before it takes effect, by e-mail to their account address and with a notice on \
             our website.",
            "https://shipdesk.example/legal/subprocessors",
            "They can object by writing to privacy@shipdesk.example within 14 days of the notice;",
        ] {
            assert!(notice.contains(said), "{format:?}: {notice}");
        }
    }
    // Said only for data processed for customers: once it is all the operator's own,
    // there are no customers to tell.
    let mut own = answers.clone();
    for c in &mut own.data.categories {
        c.role = None;
    }
    for format in FORMATS {
        let text = render(&own, format);
        assert!(
            !text.contains("Changes to our sub-processors"),
            "{format:?}"
        );
    }
}

#[test]
fn the_third_party_links_statement_is_said_only_when_answered() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with");
        assert!(
            shared.contains("Links to other websites and services"),
            "{format:?}"
        );
        assert!(
            shared.contains(
                "Shipdesk links to websites and services run by others, such as the help pages \
                 of the tools you connect to your inbox and our community forum. We do not \
                 control them, and this policy does not cover them"
            ),
            "{format:?}: {shared}"
        );
    }
    let mut bare = answers.clone();
    bare.third_party_links.examples = None;
    let md = render(&bare, Format::Markdown);
    assert!(
        md.contains("Shipdesk links to websites and services run by others. We do not control"),
        "{md}"
    );
    let mut unsaid = answers;
    unsaid.third_party_links.stated = Some(false);
    for format in FORMATS {
        let text = render(&unsaid, format);
        assert!(!text.contains("Links to other websites"), "{format:?}");
        assert!(!text.contains("run by others"), "{format:?}");
    }
}

#[test]
fn lines_starting_with_a_marker_make_lists_in_the_operators_own_sections() {
    let answers = example("shipdesk");
    let md = render(&answers, Format::Markdown);
    let own = section(&md, "Reporting a security issue");
    assert!(
        own.contains(
            "We ask you to: 1. write to security@shipdesk.example with the steps to reproduce \
             it; 2. give us 90 days"
        ),
        "{own}"
    );
    assert!(
        md.contains("\n1. write to security@shipdesk.example")
            && md.contains("\n- in our changelog, and\n- in the notice"),
        "{md}"
    );

    let html = render(&answers, Format::Html);
    let at = html.find("Reporting a security issue</h2>").unwrap();
    let own = &html[at..];
    let own = &own[..own.find("<h2").unwrap()];
    assert!(
        own.contains("<ol>\n<li>write to security@shipdesk.example"),
        "{own}"
    );
    assert!(
        own.contains("<ul>\n<li>in our changelog, and</li>\n<li>in the notice"),
        "{own}"
    );
    assert!(own.contains("other people&#x27;s data") || own.contains("other people's data"));

    let text = render(&answers, Format::Text);
    let at = text.find("Reporting a security issue\n---").unwrap();
    let own = &text[at..];
    // Numbered items hang under their number; wrapped lines stay indented.
    assert!(
        own.contains("\n1. write to security@shipdesk.example with the steps to reproduce it;\n"),
        "{own}"
    );
    assert!(
        own.contains("\n- in our changelog, and\n- in the notice we send to affected customers.\n"),
        "{own}"
    );

    // Markup in an item is shown as typed, in every format; paragraphs stay as they were.
    let mut a = answers.clone();
    a.custom_sections = vec![CustomSection {
        title: "Ours".into(),
        body: "First paragraph\ncontinues here.\n\n* <b>bold</b> and [a](link)\n  that runs on\n* **two**\n\nLast."
            .into(),
        after: Placement::End,
    }];
    let md = render(&a, Format::Markdown);
    assert!(
        md.contains(
            "First paragraph continues here.\n\n- \\<b\\>bold\\</b\\> and \\[a\\](link) that runs on\n- \\*\\*two\\*\\*\n\nLast."
        ),
        "{md}"
    );
    let html = render(&a, Format::Html);
    assert!(
        html.contains("<ul>\n<li>&lt;b&gt;bold&lt;/b&gt; and [a](link) that runs on</li>\n<li>**two**</li>\n</ul>"),
        "{html}"
    );
    assert!(!html.contains("<b>bold</b>"), "{html}");
    let text = render(&a, Format::Text);
    assert!(
        text.contains("- <b>bold</b> and [a](link) that runs on\n- **two**\n\nLast."),
        "{text}"
    );

    // A long item wraps at 78 columns under its own text, not under its number.
    a.custom_sections[0].body = format!("10. {}", "word ".repeat(30));
    let text = render(&a, Format::Text);
    let at = text.find("\n10. word").unwrap() + 1;
    let lines: Vec<&str> = text[at..].lines().take_while(|l| !l.is_empty()).collect();
    assert!(lines.len() > 1, "{text}");
    assert!(lines.iter().all(|l| l.len() <= 78), "{lines:#?}");
    assert!(
        lines[1..].iter().all(|l| l.starts_with("    word")),
        "{lines:#?}"
    );
}
