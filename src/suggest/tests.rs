use std::path::Path;

use super::*;
use crate::answers::vocab::LegalBasis;
use crate::policy::Policy;

fn fixture(name: &str) -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/quickstart")
        .join(name);
    crate::scan::scan(&dir, &Catalog::builtin()).unwrap()
}

fn saas() -> Answers {
    let start = Start {
        kinds: vec![StartKind::WebApp],
        established: Some("DE".parse().unwrap()),
        regions: vec![Region::Eea],
        code_dir: Some("saas".to_owned()),
    };
    suggest(
        &Answers::default(),
        &start,
        Some(&fixture("saas")),
        &Catalog::builtin(),
    )
}

#[test]
fn the_start_answers_are_kept_and_confirmed() {
    let a = saas();
    assert_eq!(a.audience.product_kinds, [ProductKind::WebApp]);
    assert_eq!(a.audience.regions, [Region::Eea]);
    assert_eq!(a.organization.country.map(|c| c.code()), Some("DE"));
    assert_eq!(a.workspace.code_dir.as_deref(), Some("saas"));
    let unconfirmed = a.unconfirmed();
    assert!(
        !unconfirmed
            .iter()
            .any(|p| p.starts_with("audience") || p.starts_with("organization"))
    );
}

#[test]
fn recipients_found_in_the_code_imply_their_data_and_purposes() {
    let a = saas();
    let ids: Vec<&str> = a.processors.iter().map(|p| p.id.as_str()).collect();
    for id in ["stripe", "sentry", "postmark", "plausible", "neon"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
        assert!(a.unconfirmed().contains(&format!("processors.{id}")));
    }
    let stripe = a.processors.iter().find(|p| p.id == "stripe").unwrap();
    assert_eq!(stripe.categories, ["billing"]);
    let neon = a.processors.iter().find(|p| p.id == "neon").unwrap();
    assert_eq!(
        neon.categories,
        ["account", "billing"],
        "not what Sentry and Plausible collect"
    );
    let billing = a.purposes.iter().find(|p| p.id == "billing").unwrap();
    assert_eq!(billing.legal_basis, LegalBasis::Contract.into());
    let errors = a.purposes.iter().find(|p| p.id == "errors").unwrap();
    assert_eq!(errors.legal_basis, LegalBasis::LegitimateInterests.into());
    assert!(errors.legitimate_interest.is_some());
    assert!(a.category("crash_reports").is_some());
    // Plausible stores nothing on the device: no consent purpose is suggested for it.
    let visits = a.purposes.iter().find(|p| p.id == "visits").unwrap();
    assert_eq!(visits.legal_basis, LegalBasis::LegitimateInterests.into());
    // The data it uses says what the purpose counts: "where visitors come from" sat
    // beside "which features you use and when" alone (found reading a quick-start
    // policy whole).
    for id in &visits.categories {
        let c = a.category(id).unwrap();
        assert!(
            c.description.contains("pages") && c.description.contains("brought you to us"),
            "{}",
            c.description
        );
    }
    assert!(!a.purposes.iter().any(|p| p.id == "analytics"));
    assert_eq!(a.data.categories[0].id, "account");
    assert!(a.unconfirmed().contains(&"retention.rules".to_owned()));
    assert!(a.unconfirmed().contains(&"rights.complaint".to_owned()));
}

/// GDPR Art. 13(1)(f): a suggested recipient's transfers rest on contractual clauses,
/// so a copy on request is suggested; with no GDPR region, or nothing contractual,
/// nothing is.
#[test]
fn a_copy_of_contractual_safeguards_is_offered_on_request() {
    let a = saas();
    let resolved = crate::catalog::resolve(&a, &Catalog::builtin()).unwrap();
    assert!(crate::law::transfers::needs_copy_route(&resolved));
    assert_eq!(a.hosting.safeguards_copy.as_deref(), Some("on_request"));
    assert!(
        a.unconfirmed()
            .contains(&"hosting.safeguards_copy".to_owned())
    );
    let us = Start {
        kinds: vec![StartKind::WebApp],
        established: Some("US".parse().unwrap()),
        regions: vec![Region::California],
        code_dir: Some("saas".to_owned()),
    };
    let a = suggest(
        &Answers::default(),
        &us,
        Some(&fixture("saas")),
        &Catalog::builtin(),
    );
    assert_eq!(a.hosting.safeguards_copy, None);
    let nothing_found = Start {
        code_dir: None,
        ..us
    };
    let eea = Start {
        established: Some("DE".parse().unwrap()),
        regions: vec![Region::Eea],
        ..nothing_found
    };
    let a = suggest(&Answers::default(), &eea, None, &Catalog::builtin());
    assert_eq!(a.hosting.safeguards_copy, None, "no recipient, no transfer");
}

#[test]
fn suggestions_render_as_a_marked_draft_and_pass_the_consistency_rules() {
    let a = saas();
    let policy = Policy::with_builtin_catalog(&a).unwrap();
    let findings = crate::check::check(&policy);
    // Every reference between the suggested answers holds.
    for f in &findings {
        assert!(
            !f.rule().starts_with("consistency-")
                || f.rule() == "consistency-unconfirmed"
                || f.rule() == "consistency-renderable",
            "{f:#?}"
        );
    }
    assert!(
        findings
            .iter()
            .any(|f| f.rule() == "consistency-unconfirmed")
    );
    let mut confirmed = a.clone();
    confirmed.confirm_all();
    let findings = crate::check::check(&Policy::with_builtin_catalog(&confirmed).unwrap());
    assert!(
        !findings
            .iter()
            .any(|f| f.rule() == "consistency-unconfirmed")
    );
    // No purpose, retention rule or recipient is suggested for data nobody collects.
    for f in &findings {
        assert!(!f.rule().ends_with("-category"), "{f:#?}");
    }
}

#[test]
fn a_second_start_adds_without_replacing() {
    let mut a = saas();
    a.processors[0].purpose = "my own words".to_owned();
    let before = a.processors.len();
    let start = Start {
        kinds: vec![StartKind::WebApp],
        established: Some("DE".parse().unwrap()),
        regions: vec![Region::Eea],
        code_dir: Some("saas".to_owned()),
    };
    let again = suggest(&a, &start, Some(&fixture("saas")), &Catalog::builtin());
    assert_eq!(again.processors.len(), before);
    assert_eq!(again.processors[0].purpose, "my own words");
    assert_eq!(again.purposes.len(), a.purposes.len());
}

#[test]
fn a_browser_extension_gets_its_permissions_and_rights_for_everyone() {
    let start = Start {
        kinds: vec![StartKind::BrowserExtension],
        established: Some("AT".parse().unwrap()),
        regions: vec![Region::Eea, Region::RestOfWorld],
        code_dir: None,
    };
    let a = suggest(
        &Answers::default(),
        &start,
        Some(&fixture("extension")),
        &Catalog::builtin(),
    );
    let names: Vec<&str> = a
        .extension
        .permissions
        .iter()
        .flat_map(|p| p.names.iter().map(String::as_str))
        .collect();
    assert_eq!(names, ["storage", "activeTab", "contextMenus"]);
    assert!(
        a.unconfirmed()
            .contains(&"extension.permissions".to_owned())
    );
    assert_eq!(a.extension.limited_use, Some(true));
    assert!(
        a.unconfirmed()
            .contains(&"extension.limited_use".to_owned())
    );
    assert!(a.rights.everyone == Some(true) && !a.rights.rights.is_empty());
    assert_eq!(a.processors.len(), 1, "{:?}", a.processors);
}

/// A local-only tool: the operator said no data leaves the device, so the policy
/// is offered that statement (a category that stays on the device, to name and
/// confirm), and no collected data, no purpose, no account.
#[test]
fn a_local_only_tool_suggests_what_stays_on_the_device() {
    let start = Start {
        kinds: vec![StartKind::LocalOnly, StartKind::WebApp],
        established: Some("AT".parse().unwrap()),
        regions: vec![Region::Eea],
        code_dir: None,
    };
    let a = suggest(&Answers::default(), &start, None, &Catalog::builtin());
    let ids: Vec<&str> = a.data.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["on_device"]);
    assert!(a.data.categories[0].is_local());
    assert!(a.purposes.is_empty() && a.retention.rules.is_empty());
    assert!(
        a.unconfirmed()
            .contains(&"data.categories.on_device".to_owned())
    );
    let mut confirmed = a.clone();
    confirmed.confirm_all();
    // What no suggestion can know.
    confirmed.organization.product_name = "Notekeep".to_owned();
    confirmed.organization.legal_entity = Some("Jana Novak".to_owned());
    confirmed.organization.contact_email = "jana@notekeep.example".to_owned();
    let policy = Policy::with_builtin_catalog(&confirmed).unwrap();
    for f in crate::check::check(&policy) {
        assert!(!f.rule().starts_with("consistency-"), "{f:#?}");
    }
    let text = crate::render::Renderer::for_format(None, crate::render::Format::Markdown)
        .unwrap()
        .render(&policy, crate::render::Format::Markdown)
        .unwrap();
    assert!(
        text.contains("what you create, open or keep with the tool"),
        "{text}"
    );

    // A developer tool that is local-only but for its telemetry: the telemetry too.
    let start = Start {
        kinds: vec![StartKind::DevTool, StartKind::LocalOnly],
        ..start
    };
    let a = suggest(&Answers::default(), &start, None, &Catalog::builtin());
    let ids: Vec<&str> = a.data.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["on_device", "telemetry"]);
    assert_eq!(a.purposes.len(), 1);
}

/// What stays on the device reaches no recipient, not even a host that receives
/// everything else.
#[test]
fn data_that_stays_on_the_device_goes_to_no_recipient() {
    let start = Start {
        kinds: vec![StartKind::WebApp, StartKind::LocalOnly],
        established: Some("DE".parse().unwrap()),
        regions: vec![Region::Eea],
        code_dir: None,
    };
    let a = suggest(
        &Answers::default(),
        &start,
        Some(&fixture("saas")),
        &Catalog::builtin(),
    );
    assert!(a.category("on_device").is_some());
    assert!(!a.processors.is_empty());
    for p in &a.processors {
        assert!(!p.categories.iter().any(|c| c == "on_device"), "{p:?}");
    }
    let policy = Policy::with_builtin_catalog(&a).unwrap();
    for f in crate::check::check(&policy) {
        assert_ne!(f.rule(), "consistency-local-data-sent", "{f:#?}");
    }
}

#[test]
fn every_start_kind_has_a_key_and_a_label() {
    for k in StartKind::ALL {
        assert_eq!(StartKind::from_key(k.key()), Some(k));
        assert!(!k.label().is_empty());
    }
}

#[test]
fn a_developer_tool_suggests_its_telemetry_and_no_product_kind() {
    let start = Start {
        kinds: vec![StartKind::DevTool],
        established: Some("US".parse().unwrap()),
        regions: vec![Region::California, Region::UsOther],
        code_dir: None,
    };
    let a = suggest(&Answers::default(), &start, None, &Catalog::builtin());
    assert!(a.audience.product_kinds.is_empty());
    assert_eq!(a.data.categories[0].id, "telemetry");
    let telemetry = &a.purposes[0];
    assert_eq!(
        telemetry.legal_basis,
        LegalBasis::LegitimateInterests.into()
    );
    // No GDPR region: no complaint statement; California: non-discrimination.
    assert_eq!(a.rights.complaint, None);
    assert_eq!(a.rights.non_discrimination, Some(true));
    assert!(
        a.unconfirmed()
            .contains(&"rights.non_discrimination".to_owned())
    );
}

/// A newsletter service found in the code suggests marketing messages sent on consent,
/// unconfirmed; the service receives account data and is not taken for the sender of
/// account e-mails. A transactional sender alone suggests no marketing.
#[test]
fn a_newsletter_service_suggests_marketing_messages_to_confirm() {
    let start = Start {
        kinds: vec![StartKind::WebApp],
        established: Some("FR".parse().unwrap()),
        regions: vec![Region::Eea],
        code_dir: Some("newsletter".to_owned()),
    };
    let a = suggest(
        &Answers::default(),
        &start,
        Some(&fixture("newsletter")),
        &Catalog::builtin(),
    );
    let m = a.marketing.as_ref().expect("marketing suggested");
    assert_eq!(
        m.basis,
        Some(crate::answers::vocab::MarketingBasis::Consent)
    );
    assert!(m.unsubscribe.is_some());
    assert!(a.unconfirmed().contains(&"marketing".to_owned()));
    let mailchimp = a.processors.iter().find(|p| p.id == "mailchimp").unwrap();
    assert_eq!(mailchimp.categories, ["account"]);
    // Postmark (account e-mails) implies the account e-mails purpose, Mailchimp does not.
    assert_eq!(a.purposes.iter().filter(|p| p.id == "emails").count(), 1);
    let policy = Policy::with_builtin_catalog(&a).unwrap();
    let findings = crate::check::check(&policy);
    assert!(
        !findings
            .iter()
            .any(|f| f.rule().starts_with("gdpr-marketing")),
        "{findings:#?}"
    );

    // An answer already given is kept.
    let own = Answers {
        marketing: Some(crate::answers::Marketing {
            messages: "a weekly digest".into(),
            basis: Some(crate::answers::vocab::MarketingBasis::SoftOptIn),
            unsubscribe: None,
        }),
        ..Answers::default()
    };
    let a = suggest(
        &own,
        &start,
        Some(&fixture("newsletter")),
        &Catalog::builtin(),
    );
    assert_eq!(a.marketing, own.marketing);
    assert!(!a.unconfirmed().contains(&"marketing".to_owned()));

    assert!(saas().marketing.is_none(), "Postmark sends no newsletters");
}

/// Found walking through both interviews: the quick start offered "Developer tool"
/// and "Local-only tool" and the interview's own kinds question offered "Website",
/// "editor or IDE extension" and "command-line tool", in other words and another
/// order. Both now offer one list: every product kind, in the same words.
#[test]
fn the_start_and_the_interview_offer_one_list_of_product_kinds() {
    use crate::answers::vocab::ProductKind;
    use crate::questions::{Kind, find};
    let (section, i) = find("audience.product_kinds").unwrap();
    let Kind::Choices(asked) = section.questions[i].kind else {
        panic!("the product kinds are ticked");
    };
    assert_eq!(asked, &super::PRODUCT_KINDS[..]);
    assert_eq!(&StartKind::CHOICES[..asked.len()], asked);
    let mut keys: Vec<&str> = asked.iter().map(|(k, _)| *k).collect();
    let mut kinds: Vec<&str> = ProductKind::ALL.iter().map(|k| k.key()).collect();
    keys.sort();
    kinds.sort();
    assert_eq!(keys, kinds, "every product kind, and nothing else");
    for kind in StartKind::ALL {
        let recorded = kind.product_kind().map(|p| p.key());
        match kind {
            StartKind::DevTool | StartKind::LocalOnly => assert_eq!(recorded, None),
            _ => assert_eq!(recorded, Some(kind.key())),
        }
    }
}
