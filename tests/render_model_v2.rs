//! Issue 13 (answers model v2), items 2, 3, 6 and on: data processed for business
//! customers, data that never leaves the device, retention as people say it; each
//! under its own heading in every format.

#[path = "common/rendered.rs"]
mod rendered;

use policywright::answers::Answers;
use policywright::render::Format;
use rendered::{FORMATS, example, render, section_if as section};

#[test]
fn customers_data_is_described_as_the_customers_and_left_out_of_legal_bases() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let collected = section(&text, "What we collect").unwrap();
        assert!(
            collected.contains("Data we process for our customers"),
            "{format:?}: {collected}"
        );
        assert!(
            collected.contains(
                "We process it on their behalf and on their instructions, as their processor."
            ),
            "{format:?}: {collected}"
        );
        assert!(
            collected.contains("https://shipdesk.example/legal/dpa"),
            "{format:?}: {collected}"
        );
        // Listed under the customers' heading only, not among what Shipdesk collects.
        let before = &collected[..collected.find("Data we process for our customers").unwrap()];
        assert!(
            !before.contains("Support conversations"),
            "{format:?}: {before}"
        );

        let used = section(&text, "How we use").unwrap();
        let inbox = &used[used.find("To run our customers' inboxes").unwrap()..];
        let inbox = &inbox[..inbox.find("To bill your workspace").unwrap()];
        assert!(!inbox.contains("Legal basis"), "{format:?}: {inbox}");
        assert!(used.contains("Legal basis"), "{format:?}: {used}");

        let rights = section(&text, "Your rights").unwrap();
        assert!(
            rights.contains("(Support conversations), please make your request to them"),
            "{format:?}: {rights}"
        );
    }
}

#[test]
fn data_kept_on_the_device_has_its_own_heading_and_is_not_collected() {
    let answers = example("tabnotes");
    for format in FORMATS {
        let text = render(&answers, format);
        let local = section(&text, "Data that stays on your device").unwrap();
        assert!(
            local.contains("This information is processed only in your browser. It is never sent to us or to anyone else."),
            "{format:?}: {local}"
        );
        assert!(local.contains("Your notes"), "{format:?}: {local}");
        // Nothing is collected: no section says what is, how it is used or kept.
        for absent in ["What we collect", "How we use", "How long we keep"] {
            assert!(
                section(&text, absent).is_none(),
                "{format:?}: {absent}\n{text}"
            );
        }
    }
}

#[test]
fn encrypted_local_data_says_so() {
    let mut answers = example("tabnotes");
    answers.data.categories[0].encrypted_locally = true;
    let text = render(&answers, Format::Markdown);
    let local = section(&text, "Data that stays on your device").unwrap();
    assert!(local.contains("It is stored encrypted."), "{local}");
}

/// The short policy of a product that collects nothing, in plain text.
#[test]
fn tabnotes_text() {
    insta::assert_snapshot!(render(&example("tabnotes"), Format::Text));
}

/// Issue 13 item 6: each way of saying how long reads as a sentence in the retention
/// section, in every format.
#[test]
fn retention_reads_as_people_say_it() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let kept = section(&text, "How long we keep").unwrap();
        for said in [
            "Until your administrator removes you or the workspace is closed, or until you have been inactive for 2 years",
            "7 years after the end of the year the invoice was issued in",
            "As set by Stripe",
            "Up to 13 months, rolling",
            "We may keep it longer where the law requires us to, or while it is needed to establish, exercise or defend a legal claim.",
        ] {
            // The text format wraps table cells; compare without line breaks.
            let flat = kept
                .replace(['|', '│'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let said_flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&said_flat), "{format:?}: {said}\n{kept}");
        }
    }
}

/// Issue 13 item 7: recipients that are not services, each with when and what, under
/// "Who we share it with" in every format.
#[test]
fn recipients_that_are_not_services_are_listed_with_when_and_what() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with").unwrap();
        assert!(
            shared.contains("Others who may receive your data"),
            "{format:?}: {shared}"
        );
        assert!(
            shared.contains("Authorities and courts")
                && shared.contains(
                    "when a court order, subpoena or other legal process requires us to: only the data the request names."
                ),
            "{format:?}: {shared}"
        );
        assert!(
            shared.contains("A buyer or successor of our business")
                && shared.contains("Data concerned: Account data and Billing contact."),
            "{format:?}: {shared}"
        );
    }
}

/// Issue 13 item 8: cookies say whether they need consent, the consent mechanism and
/// how to withdraw it are said under "Cookies and tracking"; marketing messages with
/// their basis and how to unsubscribe under "How we use"; in every format.
#[test]
fn cookie_consent_and_marketing_are_said_where_readers_look() {
    let acme = example("acme");
    let shipdesk = example("shipdesk");
    for format in FORMATS {
        let text = render(&acme, format);
        let cookies = section(&text, "Cookies and tracking").unwrap();
        assert!(
            cookies.contains("only with your consent"),
            "{format:?}: {cookies}"
        );
        assert!(
            cookies.contains("We set cookies and similar storage that are not strictly necessary only with your consent, which we ask for with a banner on your first visit. You can withdraw your consent at any time from Cookie settings at the bottom of every page."),
            "{format:?}: {cookies}"
        );
        let text = render(&shipdesk, format);
        let used = section(&text, "How we use").unwrap();
        assert!(used.contains("Marketing messages"), "{format:?}: {used}");
        assert!(
            used.contains("We send product news by e-mail, a few times a year.")
                && used.contains(
                    "you can refuse when you give us your contact details and in every message"
                )
                && used.contains(
                    "You can unsubscribe at any time with the link at the bottom of every message."
                ),
            "{format:?}: {used}"
        );
    }
}

/// Issue 13 item 4: fingerprinting and cross-site tracking, when used, are said under
/// "Cookies and tracking".
#[test]
fn fingerprinting_and_cross_site_tracking_are_said_when_used() {
    let mut answers = example("tabnotes");
    answers.tracking.fingerprinting = Some(true);
    answers.tracking.cross_site_tracking = Some(true);
    for format in FORMATS {
        let text = render(&answers, format);
        let cookies = section(&text, "Cookies and tracking").unwrap();
        assert!(
            cookies.contains("We track your activity across other websites and apps.")
                && cookies.contains(
                    "We recognise your browser or device by its characteristics (fingerprinting)."
                ),
            "{format:?}: {cookies}"
        );
    }
}

/// Marketing messages sent on consent say so; the right to object to direct marketing
/// (GDPR Art. 21(2)-(4)) is said only where a European law applies; a policy without
/// marketing answers says nothing of marketing.
#[test]
fn marketing_says_only_what_was_answered_and_the_right_to_object_where_it_applies() {
    let mut answers = example("shipdesk");
    answers.marketing.as_mut().unwrap().basis =
        Some(policywright::answers::vocab::MarketingBasis::Consent);
    answers.marketing.as_mut().unwrap().unsubscribe = None;
    for format in FORMATS {
        let used = section(&render(&answers, format), "How we use").unwrap();
        assert!(
            used.contains("We send them only if you have agreed to receive them.")
                && used.contains("You may object to direct marketing at any time")
                && !used.contains("As a customer")
                && !used.contains("unsubscribe"),
            "{format:?}: {used}"
        );
    }
    answers.audience.regions = vec![policywright::answers::vocab::Region::UsOther];
    for format in FORMATS {
        let used = section(&render(&answers, format), "How we use").unwrap();
        assert!(
            used.contains("Marketing messages") && !used.contains("object to direct marketing"),
            "{format:?}: {used}"
        );
    }
    answers.marketing = None;
    for format in FORMATS {
        let text = render(&answers, format);
        assert!(!text.contains("arketing"), "{format:?}: {text}");
    }
}

/// Issue 13 item 5: telemetry is said under "What we collect" in every format: what it
/// sends, on by default or not, each way to turn it off that was given, the host
/// setting it follows and where it goes; nothing that was not answered.
#[test]
fn telemetry_is_said_with_what_we_collect_and_only_as_answered() {
    let answers = example("lintel");
    for format in FORMATS {
        let collected = section(&render(&answers, format), "What we collect").unwrap();
        for said in [
            "Lintel sends telemetry about its own use: which rules fired, how long a run took",
            "It is on unless you turn it off.",
            "in the telemetry option of your lintel.toml, by setting the environment variable",
            "LINTEL_TELEMETRY=0",
            "or by running it with",
            "--no-telemetry",
            "It is also off whenever VS Code's telemetry setting is off.",
            "It is sent to PostHog.",
        ] {
            assert!(collected.contains(said), "{format:?}: {said}\n{collected}");
        }
    }
    let mut less = example("lintel");
    let t = less.telemetry.as_mut().unwrap();
    t.default = policywright::answers::vocab::TelemetryDefault::OptIn;
    t.setting = None;
    t.env_var = None;
    t.follows_host = None;
    t.to.clear();
    for format in FORMATS {
        let collected = section(&render(&less, format), "What we collect").unwrap();
        assert!(
            collected.contains(
                "It is off unless you turn it on. You can turn it off by running it with"
            ) && !collected.contains("environment variable")
                && !collected.contains("whenever")
                && !collected.contains("It is sent to"),
            "{format:?}: {collected}"
        );
    }
    less.telemetry = None;
    let text = render(&less, policywright::render::Format::Markdown);
    assert!(!text.contains("elemetry about its own use"), "{text}");
}

/// Item 9: a purpose with several legal bases says the part each covers, and a data
/// category with several sources is listed once, under its first, with the others
/// said (GDPR Art. 13(1)(c), 14(2)(f)).
#[test]
fn several_bases_and_several_sources_are_each_said() {
    let answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let used = section(&text, "How we use").unwrap();
        assert!(
            used.contains(
                "Legal bases: performance of our contract with you (GDPR Art. 6(1)(b)), for \
                 charging the plan and sending invoices; compliance with a legal obligation \
                 (GDPR Art. 6(1)(c)), for keeping the billing records US tax law requires."
            ),
            "{format:?}: {used}"
        );
        // A purpose with one basis reads as before.
        assert!(
            used.contains(
                "Legal basis: our legitimate interests (GDPR Art. 6(1)(f)), namely keeping \
                 our customers' workspaces safe from intrusion."
            ),
            "{format:?}: {used}"
        );
        let collected = section(&text, "What we collect").unwrap();
        let provided = &collected[collected.find("Information you provide directly").unwrap()..];
        assert!(
            provided.contains("It also comes from Stripe. You need to provide this; without it,"),
            "{format:?}: {provided}"
        );
        // Listed once: not again under the third party's heading.
        assert_eq!(
            collected.matches("Billing contact").count(),
            1,
            "{format:?}: {collected}"
        );
        assert!(
            !collected.contains("Information from third-party services"),
            "{format:?}: {collected}"
        );
    }
}

/// Item 10: pseudonymisation and anonymisation are measures of their own kind (GDPR
/// Art. 4(5), 32(1)(a); Recital 26), said under the security section like any other.
#[test]
fn pseudonymisation_and_anonymisation_are_said_with_the_security_measures() {
    let answers = example("shipdesk");
    let kinds: Vec<_> = answers
        .security
        .measures
        .iter()
        .map(|m| m.kind.key())
        .collect();
    assert!(
        kinds.contains(&"pseudonymisation") && kinds.contains(&"anonymisation"),
        "{kinds:?}"
    );
    for format in FORMATS {
        let text = render(&answers, format);
        let security = section(&text, "Security").unwrap();
        assert!(
            security.contains(
                "Usage data is analysed under random ids, kept apart from the accounts they \
                 stand for."
            ),
            "{format:?}: {security}"
        );
        assert!(
            security.contains("The usage statistics we keep to plan the product are anonymised"),
            "{format:?}: {security}"
        );
    }
}

/// Legal review §4: a merchant of record (Paddle) sells the product in its own name and
/// is an independent controller of the buyer's data, and Stripe is one for its own fraud
/// checks; the policy says so in the recipient's row, in every format, once the catalog
/// has confirmed it. Lemon Squeezy's own documents did not confirm it, so nothing is said.
#[test]
fn independent_controllers_say_so() {
    let mut a = example("acme");
    let mut add = |id: &str| {
        a.processors.push(policywright::answers::Processor {
            catalog: Some(id.into()),
            ..Default::default()
        });
    };
    add("paddle");
    add("lemon-squeezy");
    for format in FORMATS {
        let text = render(&a, format)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(
                "Sells Acme Invoices to you as merchant of record, and receives your data as an \
                 independent controller, under its own privacy policy."
            ),
            "{format:?}: {text}"
        );
        assert!(
            text.contains("such as preventing fraud and meeting its legal obligations, it uses your data as an independent controller"),
            "{format:?}: {text}"
        );
        assert_eq!(
            text.matches("as merchant of record").count(),
            1,
            "{format:?}"
        );
    }
    // The operator's answer wins over the catalog's.
    let mut own = example("acme");
    let stripe = own
        .processors
        .iter()
        .position(|p| p.catalog.as_deref() == Some("stripe"))
        .unwrap();
    own.processors[stripe].controller =
        Some(policywright::answers::vocab::RecipientControl::Independent);
    let text = render(&own, Format::Markdown);
    assert!(
        text.contains(
            "Receives your data as an independent controller, under its own privacy policy."
        ),
        "{text}"
    );
    assert!(!text.contains("such as preventing fraud"), "{text}");
}

/// GDPR Art. 21(4): the right to object to direct marketing (Art. 21(2)-(3)) is brought
/// to the reader's attention clearly and separately from other information: in the
/// rights section's own "Your right to object" paragraph, whether or not any purpose
/// rests on legitimate interests, and only where a European law applies and marketing
/// messages are sent.
#[test]
fn the_right_to_object_to_direct_marketing_stands_apart() {
    let mut answers = example("shipdesk");
    for p in &mut answers.purposes {
        if p.rests_on(policywright::answers::vocab::LegalBasis::LegitimateInterests) {
            p.legal_basis = policywright::answers::vocab::LegalBasis::Contract.into();
            p.legitimate_interest = None;
        }
    }
    let said = "You may object at any time to our use of your personal data for direct \
                marketing, including profiling to the extent that it is related to such \
                marketing; we will then no longer use it for that purpose.";
    for format in FORMATS {
        let rights = section(&render(&answers, format), "Your rights").unwrap();
        assert!(
            rights.contains("Your right to object."),
            "{format:?}: {rights}"
        );
        assert!(rights.contains(said), "{format:?}: {rights}");
        assert!(
            !rights.contains("legitimate interests, you may object"),
            "{format:?}: {rights}"
        );
    }
    answers.marketing = None;
    for format in FORMATS {
        let rights = section(&render(&answers, format), "Your rights").unwrap();
        assert!(
            !rights.contains("Your right to object."),
            "{format:?}: {rights}"
        );
    }
}

/// Issue 13 item 10: advertising networks and push-notification services are recipients
/// of their own kind, each under its own heading, and an advertising network is named
/// as a category of recipient in the California table (Cal. Civ. Code 1798.110(c)(4)).
#[test]
fn advertising_networks_and_push_services_have_their_own_headings() {
    use policywright::answers::Processor;
    use policywright::answers::vocab::ProcessorRole;
    let mut answers = example("shipdesk");
    answers.sale_and_sharing.shares_for_advertising = Some(true);
    answers.processors.push(Processor {
        id: "adnet".into(),
        name: "AdNet".into(),
        role: ProcessorRole::Advertising,
        purpose: "shows ads chosen from the pages you visited".into(),
        categories: vec!["usage".into()],
        ..Processor::default()
    });
    answers.processors.push(Processor {
        id: "pushco".into(),
        name: "PushCo".into(),
        role: ProcessorRole::PushNotifications,
        purpose: "delivers notifications to your devices".into(),
        categories: vec!["account".into()],
        ..Processor::default()
    });
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with").unwrap();
        for words in [
            "Advertising networks",
            "AdNet",
            "Shows ads chosen from the pages you visited.",
            "Push notifications",
            "PushCo",
            "We share personal information for cross-context behavioral advertising",
        ] {
            assert!(shared.contains(words), "{format:?}: {words}: {shared}");
        }
        // The California table's "disclosed to" column for the usage data.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let california = &flat[flat.find("we have collected these categories").unwrap()..];
        assert!(
            california.contains(
                "we have shared these categories of personal information with advertising \
                 networks for cross-context behavioral advertising: Internet or other"
            ),
            "{format:?}: {california}"
        );
        assert!(
            !california.contains("Advertising networks"),
            "{format:?}: sharing is not a business-purpose disclosure: {california}"
        );
    }
}

/// Issue 13 item 10: a command-line tool and an editor extension are kinds of product
/// of their own, named as such when the operator gives no description of the product.
#[test]
fn a_command_line_tool_and_an_editor_extension_are_named() {
    use policywright::answers::vocab::ProductKind;
    let mut answers = example("lintel");
    assert_eq!(
        answers.audience.product_kinds,
        [ProductKind::Cli, ProductKind::EditorExtension]
    );
    answers.organization.description = String::new();
    for format in FORMATS {
        let text = render(&answers, format)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("provides a command-line tool and an editor or IDE extension"),
            "{format:?}: {text}"
        );
    }
}

/// Issue 13 item 10: data a third party's code collects in the product is said as such,
/// under its own heading and with the code that collects it, and as its source in the
/// California table (Cal. Civ. Code 1798.110(c)(2)).
#[test]
fn data_collected_by_an_sdk_says_whose_code_collects_it() {
    use policywright::answers::vocab::DataSource;
    let mut answers = example("shipdesk");
    let usage = answers
        .data
        .categories
        .iter_mut()
        .find(|c| c.id == "usage")
        .unwrap();
    usage.source = DataSource::ThirdPartySdk.into();
    usage.source_name = Some("the Acme Analytics SDK".into());
    for format in FORMATS {
        let text = render(&answers, format);
        let collected = section(&text, "What we collect").unwrap();
        assert!(
            collected.contains("Information collected through third-party code in our product"),
            "{format:?}: {collected}"
        );
        assert!(
            collected.contains(", through the Acme Analytics SDK"),
            "{format:?}: {collected}"
        );
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Third-party code in our product"),
            "{format:?}: the California table names the source"
        );
    }
}

/// Issue 13 item 10: a CDN working in data centres around the world says so where
/// recipients say where they are; a vendor's script reached through our own proxy is
/// still a recipient, with what the proxy removes; a vendor's software we run
/// ourselves is no recipient, said apart under its own heading (GDPR Art. 4(9),
/// 13(1)(e)-(f)). `examples/shipdesk.json` has one of each.
#[test]
fn edge_networks_proxied_and_self_hosted_vendors_are_said_as_they_are() {
    let mut answers = example("shipdesk");
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with").unwrap();
        for words in [
            "DNS and content delivery",
            "United States and data centres around the world, under standard contractual \
             clauses (with the UK Addendum for UK users)",
            "It receives the data through a proxy on our own domain, which removes your IP \
             address first.",
            "Software we run ourselves",
            "This runs on our own servers, in the United States; its maker receives none of \
             your data from it.",
            "Counts visits to our website, without cookies.",
        ] {
            assert!(shared.contains(words), "{format:?}: {words}: {shared}");
        }
        // Plausible is named once: under its own heading, in no recipient table.
        assert_eq!(
            shared.matches("Plausible").count(),
            1,
            "{format:?}: {shared}"
        );
        let stored = section(&text, "Where your data is stored").unwrap();
        assert!(
            stored.contains("Some of it is processed in other countries"),
            "{format:?}: {stored}"
        );
        let transfers = section(&text, "International transfers").unwrap();
        for words in [
            "Data centres around the world",
            "used by Cloudflare, on the basis of standard contractual clauses (with the UK \
             Addendum for UK users).",
        ] {
            assert!(
                transfers.contains(words),
                "{format:?}: {words}: {transfers}"
            );
        }
        // Nor is it a recipient in the California table.
        let rights = section(&text, "Your rights").unwrap();
        assert!(!rights.contains("Analytics"), "{format:?}: {rights}");
    }
    // Around the world alone.
    let cdn = answers
        .processors
        .iter_mut()
        .find(|p| p.catalog.as_deref() == Some("cloudflare"))
        .unwrap();
    cdn.countries.clear();
    for format in FORMATS {
        let text = render(&answers, format);
        let shared = section(&text, "Who we share it with").unwrap();
        assert!(
            shared.contains("Data centres around the world, under standard contractual clauses"),
            "{format:?}: {shared}"
        );
    }
}

/// `tests/fixtures/model_v2/<name>.json`: answers that no example gives.
fn fixture(name: &str) -> Answers {
    let path = format!(
        "{}/tests/fixtures/model_v2/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An Android app with ads (one of the cases issue 13 was written from), as a file:
/// its only route is a contact form; it has Art. 9 data with its condition, data
/// collected by SDKs, data kept encrypted on the phone, automated decisions with
/// their logic and consequences, an ad network with an opt-out page and a push
/// service; each said under its own heading in every format.
#[test]
fn an_android_app_with_ads_says_each_answer_under_its_heading() {
    let answers = fixture("stridewell");
    let form = "https://stridewell.example/contact";
    for format in FORMATS {
        let text = render(&answers, format);
        assert!(!text.contains("mailto:"), "{format:?}:\n{text}");
        for heading in ["Who we are", "Your rights", "Contact"] {
            let part = section(&text, heading).unwrap();
            assert!(
                part.contains("contact form at") && part.contains(form),
                "{format:?} {heading}: {part}"
            );
        }

        let collected = section(&text, "What we collect").unwrap();
        assert!(
            collected.contains(
                "This is a special category of personal data, which we process on the \
                 basis of your explicit consent (GDPR Art. 9(2)(a))."
            ),
            "{format:?}: {collected}"
        );
        let sdk = &collected[collected
            .find("Information collected through third-party code in our product")
            .unwrap_or_else(|| panic!("{format:?}: {collected}"))..];
        let crashes = sdk
            .find("through the Firebase Crashlytics SDK: your device model")
            .unwrap_or_else(|| panic!("{format:?}: {sdk}"));
        assert!(
            sdk[..crashes].contains("Crash reports"),
            "{format:?}: {sdk}"
        );
        assert!(
            sdk.contains("through the Google Mobile Ads SDK"),
            "{format:?}"
        );
        assert!(!collected.contains("Planned routes"), "{format:?}");

        let local = section(&text, "Data that stays on your device").unwrap();
        assert!(
            local.contains("Planned routes") && local.contains("It is stored encrypted."),
            "{format:?}: {local}"
        );

        let used = section(&text, "How we use").unwrap();
        let automated = &used[used
            .find("Automated decisions")
            .unwrap_or_else(|| panic!("{format:?}: {used}"))..];
        assert!(
            automated.contains("How they are made: a day is removed when its steps exceed")
                && automated.contains("What they mean for you: that day does not count"),
            "{format:?}: {automated}"
        );

        let shared = section(&text, "Who we share it with").unwrap();
        let ads = shared
            .find("Advertising networks")
            .unwrap_or_else(|| panic!("{format:?}: {shared}"));
        let push = shared
            .find("Push notifications")
            .unwrap_or_else(|| panic!("{format:?}: {shared}"));
        let (ads, push) = if ads < push {
            (&shared[ads..push], &shared[push..])
        } else {
            (&shared[ads..], &shared[push..ads])
        };
        assert!(ads.contains("Google AdMob"), "{format:?}: {ads}");
        assert!(
            ads.contains("opt-out page") && ads.contains("https://adssettings.google.com"),
            "{format:?}: {ads}"
        );
        assert!(ads.contains("data centres around the world"), "{format:?}");
        assert!(
            push.contains("Firebase Cloud Messaging"),
            "{format:?}: {push}"
        );
        assert!(!push.contains("Google AdMob"), "{format:?}: {push}");

        let cookies = section(&text, "Cookies and tracking").unwrap();
        assert!(
            cookies.contains("We collect advertising identifiers"),
            "{format:?}: {cookies}"
        );
    }
}

/// Without an Art. 9 condition the special category is still said, without a basis
/// the operator did not give; without logic and consequences, neither is invented.
#[test]
fn an_art9_condition_and_automated_logic_are_said_only_when_answered() {
    let mut answers = fixture("stridewell");
    answers.data.categories[1].art9_condition = None;
    answers.ai.automated_logic = None;
    answers.ai.automated_consequences = None;
    for format in FORMATS {
        let text = render(&answers, format);
        let collected = section(&text, "What we collect").unwrap();
        assert!(
            collected.contains("This is a special category of personal data.")
                && !collected.contains("Art. 9(2)"),
            "{format:?}: {collected}"
        );
        let used = section(&text, "How we use").unwrap();
        assert!(used.contains("Automated decisions"), "{format:?}: {used}");
        assert!(
            !used.contains("How they are made") && !used.contains("What they mean for you"),
            "{format:?}: {used}"
        );
    }
}

/// Legal review, seventh round: a policy for Brazil alone left out the legal bases
/// its founder gave (the question was asked only where a European law applied) while
/// `check` asked for them. Each basis is now stated with its LGPD Art. 7 clause, and
/// only with the laws that apply; a public task, which Art. 7 gives the public
/// administration alone, is named without an article (and `lgpd-basis` warns).
#[test]
fn a_policy_for_brazil_alone_states_each_basis_under_the_lgpd() {
    let mut answers = example("complete");
    answers.audience.regions = vec![policywright::answers::vocab::Region::Brazil];
    answers.organization.country = Some("BR".parse().unwrap());
    for format in FORMATS {
        let used = section(&render(&answers, format), "How we use").unwrap();
        assert!(
            used.contains("Legal basis: performance of our contract with you (LGPD Art. 7, V)."),
            "{format:?}: {used}"
        );
        assert!(!used.contains("GDPR"), "{format:?}: {used}");
    }
    answers.purposes[0].legal_basis = policywright::answers::vocab::LegalBasis::PublicTask.into();
    let used = section(&render(&answers, Format::Markdown), "How we use").unwrap();
    assert!(
        used.contains("Legal basis: a task in the public interest."),
        "{used}"
    );
}
