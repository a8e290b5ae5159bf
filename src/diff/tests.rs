use super::*;
use crate::answers::values::Period;
use crate::answers::vocab::{
    DataSource, Deployment, ProcessorRole, Region, RightKind, TrainingUse, Visibility,
};
use crate::answers::{Answers, DataCategory, Processor, Purpose};

/// Compares the policies two answers make, as every caller of `diff` does.
fn compare(old: &Answers, new: &Answers) -> Diff {
    super::compare(&policy(old), &policy(new))
}

fn policy(a: &Answers) -> Policy {
    Policy::with_builtin_catalog(a).unwrap()
}

fn stepr() -> Answers {
    Answers::from_json(include_str!("../../examples/stepr.json")).unwrap()
}

/// The only change between stepr and stepr edited by `edit`.
fn one(edit: impl FnOnce(&mut Answers)) -> Change {
    let old = stepr();
    let mut new = old.clone();
    edit(&mut new);
    let diff = compare(&old, &new);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    diff.changes.into_iter().next().unwrap()
}

/// Every change between stepr and stepr edited by `edit`.
fn all(edit: impl FnOnce(&mut Answers)) -> Vec<Change> {
    let old = stepr();
    let mut new = old.clone();
    edit(&mut new);
    compare(&old, &new).changes
}

fn material(c: &Change, reason: &str) {
    assert!(c.material, "{c:?}");
    assert_eq!(c.reason, Some(reason), "{c:?}");
}

fn not_material(c: &Change) {
    assert!(!c.material && c.reason.is_none(), "{c:?}");
}

fn posthog() -> Processor {
    Processor {
        id: "posthog".into(),
        name: "PostHog".into(),
        role: ProcessorRole::Analytics,
        purpose: "product analytics".into(),
        categories: vec!["request_logs".into()],
        countries: vec!["KZ".parse().unwrap()],
        ..Processor::default()
    }
}

#[test]
fn identical_answers_have_no_changes() {
    let mut seen = 0;
    for (path, a) in crate::examples::examples() {
        let diff = compare(&a, &a.clone());
        assert!(diff.changes.is_empty(), "{path}: {diff:#?}");
        assert!(!diff.is_material());
        assert_eq!(diff.summary(), "no changes to the answers");
        seen += 1;
    }
    assert!(seen >= 4);
}

#[test]
fn a_new_processor_is_a_new_recipient() {
    let c = one(|a| a.processors.push(posthog()));
    material(&c, "new recipient");
    assert_eq!(c.kind, Kind::Added);
    assert_eq!(
        c.text,
        "Added processor: PostHog (analytics), receiving Technical data, in Kazakhstan"
    );
}

#[test]
fn a_recipient_turned_advertising_network_is_sharing_turned_on() {
    let old = stepr();
    let mut with = old.clone();
    with.processors.push(posthog());
    let mut ads = with.clone();
    ads.processors.last_mut().unwrap().role = ProcessorRole::Advertising;
    let diff = compare(&with, &ads);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    material(&diff.changes[0], "selling or sharing turned on");
    assert_eq!(diff.changes[0].text, "Changed processor PostHog: role");
    // And back: no longer an advertising network is a plain change.
    let back = compare(&ads, &with);
    not_material(&back.changes[0]);
    // A new push-notification recipient reads as one.
    let c = one(|a| {
        let mut p = posthog();
        p.role = ProcessorRole::PushNotifications;
        a.processors.push(p);
    });
    assert!(
        c.text.contains("PostHog (push notifications)"),
        "{}",
        c.text
    );
}

/// Issue 13 item 10: a recipient that now works in data centres around the world sends
/// data to countries it did not (GDPR Art. 13(1)(f)); back is listed only.
#[test]
fn a_recipient_now_working_around_the_world_is_a_transfer_to_new_countries() {
    let mut with = stepr();
    with.processors.push(posthog());
    let mut edge = with.clone();
    edge.processors.last_mut().unwrap().worldwide = Some(true);
    let diff = compare(&with, &edge);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    material(&diff.changes[0], "transfer to a new country");
    assert_eq!(
        diff.changes[0].text,
        "PostHog now also processes data in data centres around the world"
    );
    let back = compare(&edge, &with);
    assert_eq!(back.changes.len(), 1, "{:#?}", back.changes);
    not_material(&back.changes[0]);
    // A new one says where it works.
    let c = one(|a| {
        let mut p = posthog();
        p.worldwide = Some(true);
        a.processors.push(p);
    });
    assert!(
        c.text
            .ends_with("in Kazakhstan and data centres around the world"),
        "{}",
        c.text
    );
}

/// Issue 13 item 10: software we run ourselves is no recipient; its maker starting to
/// receive data is a new recipient, and a proxy no longer stripping data is more data.
#[test]
fn who_runs_a_recipient_decides_whether_it_receives_data() {
    let mut own = stepr();
    let mut p = posthog();
    p.deployment = Some(Deployment::SelfHosted);
    own.processors.push(p);
    // Adding software we run ourselves tells readers of no new recipient.
    let old = stepr();
    let added = compare(&old, &own);
    assert_eq!(added.changes.len(), 1, "{:#?}", added.changes);
    not_material(&added.changes[0]);
    assert!(
        added.changes[0]
            .text
            .contains("software we run on our own servers"),
        "{}",
        added.changes[0].text
    );
    // Its maker now receives data through our proxy: a new recipient.
    let mut proxied = own.clone();
    let last = proxied.processors.last_mut().unwrap();
    last.deployment = Some(Deployment::Proxied);
    last.proxy_removes = Some("your IP address".into());
    let diff = compare(&own, &proxied);
    let change = diff
        .changes
        .iter()
        .find(|c| c.text.starts_with("PostHog now receives data"))
        .unwrap_or_else(|| panic!("{:#?}", diff.changes));
    material(change, "new recipient");
    assert_eq!(
        change.text,
        "PostHog now receives data: it is reached through a proxy on our own domain, no \
         longer software we run ourselves"
    );
    // The proxy taken away: what it stripped now reaches the maker.
    let mut direct = proxied.clone();
    direct.processors.last_mut().unwrap().deployment = None;
    let diff = compare(&proxied, &direct);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    material(&diff.changes[0], "recipient receives more data");
    assert_eq!(
        diff.changes[0].text,
        "PostHog is now run by its maker as a service, and receives your IP address, which \
         our proxy used to remove"
    );
    // Back to our own servers: listed, not material.
    let diff = compare(&direct, &own);
    let change = diff
        .changes
        .iter()
        .find(|c| c.text.contains("now software we run on our own servers"))
        .unwrap_or_else(|| panic!("{:#?}", diff.changes));
    not_material(change);
    // The proxy no longer strips anything: more data.
    let mut bare = proxied.clone();
    bare.processors.last_mut().unwrap().proxy_removes = None;
    let diff = compare(&proxied, &bare);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    material(&diff.changes[0], "recipient receives more data");
    assert_eq!(
        diff.changes[0].text,
        "PostHog now also receives your IP address: our proxy no longer removes it"
    );
    // What the proxy removes, reworded.
    let mut less = proxied.clone();
    less.processors.last_mut().unwrap().proxy_removes =
        Some("your IP address and user agent".into());
    let diff = compare(&proxied, &less);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    assert!(
        diff.changes[0]
            .text
            .contains("what our proxy removes before data reaches PostHog"),
        "{}",
        diff.changes[0].text
    );
}

#[test]
fn a_processor_in_a_new_country_is_also_a_transfer_to_a_new_country() {
    let changes = all(|a| {
        let mut p = posthog();
        p.countries = vec!["DE".parse().unwrap()];
        a.processors.push(p);
    });
    assert_eq!(changes.len(), 2, "{changes:#?}");
    material(&changes[0], "new recipient");
    assert!(
        changes[0].text.ends_with("in Germany"),
        "{}",
        changes[0].text
    );
    material(&changes[1], "transfer to a new country");
    assert_eq!(
        changes[1].text,
        "Personal data now goes to a new country: Germany (via PostHog)"
    );
}

#[test]
fn a_removed_processor_is_not_material() {
    let c = one(|a| {
        a.processors.retain(|p| p.id != "letsencrypt");
    });
    not_material(&c);
    assert_eq!(c.text, "Removed processor: Let's Encrypt");
}

#[test]
fn a_processor_receiving_more_data_is_material_and_rewording_is_not() {
    let c = one(|a| a.processors[0].categories.push("google_profile".into()));
    material(&c, "recipient receives more data");
    assert_eq!(
        c.text,
        "Yandex Cloud Kazakhstan now also receives Google sign-in profile"
    );
    let c = one(|a| a.processors[0].purpose = "hosts everything".into());
    not_material(&c);
    assert_eq!(c.text, "Changed processor Yandex Cloud Kazakhstan: purpose");
}

#[test]
fn a_conditional_recipient_made_unconditional_is_material() {
    let c = one(|a| a.processors[1].only_if = None);
    material(&c, "recipient no longer conditional");
}

#[test]
fn data_categories_added_removed_and_reworded() {
    let c = one(|a| {
        a.data.categories.push(DataCategory {
            id: "usage".into(),
            name: "Usage events".into(),
            description: "pages viewed".into(),
            source: DataSource::Automatic.into(),
            ..DataCategory::default()
        })
    });
    material(&c, "new data category");
    assert_eq!(
        c.text,
        "Added data category: Usage events, collected automatically"
    );

    let c = one(|a| a.data.categories[0].description = "what you click".into());
    not_material(&c);
    assert_eq!(
        c.text,
        "Changed data category Interactions: what is collected"
    );
}

#[test]
fn purposes_new_and_new_uses_and_legal_basis() {
    let c = one(|a| {
        a.purposes.push(Purpose {
            id: "analytics".into(),
            name: "To improve the product".into(),
            description: "measure usage".into(),
            categories: vec!["request_logs".into()],
            ..Purpose::default()
        })
    });
    material(&c, "new purpose");
    assert_eq!(
        c.text,
        "Added purpose: To improve the product, using Technical data"
    );

    let c = one(|a| a.purposes[2].categories.push("account".into()));
    material(&c, "new use of data");

    let old = {
        let mut a = stepr();
        a.purposes[0].legal_basis = crate::answers::vocab::LegalBasis::Consent.into();
        a
    };
    let mut new = old.clone();
    new.purposes[0].legal_basis = crate::answers::vocab::LegalBasis::LegitimateInterests.into();
    let diff = compare(&old, &new);
    material(&diff.changes[0], "different legal basis");

    let c = one(|a| a.purposes[0].description = "record your tabs".into());
    not_material(&c);
}

#[test]
fn longer_retention_is_material_and_shorter_is_not() {
    let c = one(|a| a.retention.rules[2].period = Some("90 days".parse::<Period>().unwrap()));
    material(&c, "longer retention");
    assert_eq!(c.text, "Longer retention: Logs, from 30 days to 90 days");

    let c = one(|a| a.retention.rules[2].period = Some("2 weeks".parse().unwrap()));
    not_material(&c);
    assert_eq!(c.text, "Shorter retention: Logs, from 30 days to 2 weeks");

    // A fixed period dropped may mean "kept for ever": material. The rolling
    // window goes with it (asked only with a period, issue 18).
    let changes = all(|a| a.retention.rules[2].period = None);
    assert_eq!(changes.len(), 2, "{changes:#?}");
    material(&changes[0], "longer retention");
    not_material(&changes[1]);
    assert_eq!(changes[1].text, "Reworded the retention rule for Logs");

    // Slower deletion is longer retention too.
    let c = one(|a| a.retention.deletion[0].within = Some("7 days".parse().unwrap()));
    material(&c, "longer retention");
    assert_eq!(
        c.text,
        "Longer deletion time: deleting a workflow, from 24 hours to 7 days"
    );
}

#[test]
fn regions_and_rights() {
    // stepr's file gives CCPA categories, which its policy leaves out while California
    // is not served; serving it brings them into the policy, and that is said too.
    let changes = all(|a| a.audience.regions.push(Region::California));
    changes.iter().for_each(not_material);
    assert_eq!(changes[0].text, "Added region: California");
    assert!(changes.len() > 1);
    for c in &changes[1..] {
        assert!(c.text.starts_with("Added CCPA category of "), "{c:?}");
    }

    let c = one(|a| a.rights.rights.retain(|r| r.right != RightKind::Know));
    material(&c, "right withdrawn");
    assert_eq!(c.text, "Removed right: Knowing what we hold");

    let c = one(|a| {
        a.rights.rights.push(crate::answers::Right {
            right: RightKind::Portability,
            description: None,
            how: None,
        })
    });
    not_material(&c);

    let c = one(|a| a.rights.everyone = Some(false));
    material(&c, "right withdrawn");
}

#[test]
fn transfers_to_a_new_country() {
    let changes = all(|a| {
        a.hosting.transfers.push(crate::answers::Transfer {
            country: "US".parse().unwrap(),
            safeguard: crate::answers::vocab::Safeguard::StandardContractualClauses.into(),
            details: None,
        })
    });
    assert_eq!(changes.len(), 2, "{changes:#?}");
    not_material(&changes[0]);
    assert_eq!(
        changes[0].text,
        "Added transfer: to the United States, under standard contractual clauses"
    );
    material(&changes[1], "transfer to a new country");

    let c = one(|a| a.hosting.stays_in_region = Some(false));
    material(&c, "data leaves its region");
}

#[test]
fn ai_training_turned_on_is_material_but_opt_in_training_is_not() {
    let c = one(|a| a.ai.training = Some(TrainingUse::Yes));
    material(&c, "AI training turned on");
    assert_eq!(
        c.text,
        "AI training on user content: from only with separate consent to yes"
    );
    let c = one(|a| a.ai.training = Some(TrainingUse::Never));
    not_material(&c);
}

#[test]
fn selling_and_sharing_turned_on_is_material() {
    let c = one(|a| a.sale_and_sharing.sells = Some(true));
    material(&c, "selling or sharing turned on");
    assert_eq!(c.text, "Now sells personal information");
    let c = one(|a| a.sale_and_sharing.shares_for_advertising = Some(true));
    material(&c, "selling or sharing turned on");
    // Answering "no" where nothing was said is not a change of practice.
    assert!(all(|a| a.sale_and_sharing.shares_with_data_brokers = Some(false)).is_empty());
}

#[test]
fn tracking_children_visibility_and_permissions() {
    let c = one(|a| a.tracking.fingerprinting = Some(true));
    material(&c, "tracking turned on");
    let c = one(|a| a.audience.directed_to_children = Some(true));
    material(&c, "directed to children");
    let c = one(|a| a.sharing.default = Some(Visibility::AnyoneWithLink));
    material(&c, "wider default visibility");
    let c = one(|a| a.extension.permissions[0].names.push("cookies".into()));
    material(&c, "new extension permission");
    assert_eq!(c.text, "Added extension permission: cookies");
}

#[test]
fn wording_contact_details_and_dates_are_not_material() {
    for c in all(|a| {
        a.organization.contact_email = "privacy@stepr.kz".into();
        a.organization.description = "a workflow recorder".into();
        a.security.statement = Some("We care.".into());
        a.policy.last_updated = Some("2026-05-01".parse().unwrap());
        a.policy.effective_date = Some("2026-06-01".parse().unwrap());
    }) {
        not_material(&c);
    }
    let c = one(|a| a.organization.contact_email = "privacy@stepr.kz".into());
    assert_eq!(
        c.text,
        "Changed contact e-mail: from aziviled@gmail.com to privacy@stepr.kz"
    );
    let c = one(|a| a.organization.description = "a recorder".into());
    assert_eq!(c.text, "Reworded description of the service");
}

/// Issue 13 item 1: the other contact routes are contact details like the e-mail.
#[test]
fn contact_routes_are_not_material() {
    let c = one(|a| a.organization.issue_tracker = Some("https://github.com/s/s/issues".into()));
    not_material(&c);
    assert_eq!(c.text, "Added issue tracker: https://github.com/s/s/issues");
    let c = one(|a| a.organization.contact_form = Some("https://stepr.kz/contact".into()));
    not_material(&c);
    assert_eq!(c.text, "Added contact form: https://stepr.kz/contact");
}

/// Issue 13 item 4: stating "no analytics" is not material; withdrawing it is.
#[test]
fn no_tracking_statements_withdrawn_are_material() {
    use crate::answers::vocab::NotUsed;
    let c = one(|a| a.tracking.not_used.push(NotUsed::Analytics));
    not_material(&c);
    assert_eq!(c.text, "Now states that it uses no analytics");
    let mut old = stepr();
    old.tracking.not_used.push(NotUsed::TrackingPixels);
    let mut new = old.clone();
    new.tracking.not_used.clear();
    let diff = compare(&old, &new);
    assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
    material(&diff.changes[0], "tracking turned on");
    assert_eq!(
        diff.changes[0].text,
        "No longer states that it uses no tracking pixels"
    );
}

#[test]
fn summary_leads_with_a_material_change() {
    let old = stepr();
    let mut new = old.clone();
    new.organization.contact_email = "privacy@stepr.kz".into();
    new.processors.push(posthog());
    let summary = compare(&old, &new).summary();
    assert_eq!(
        summary,
        "2 changes (1 material): Added processor: PostHog (analytics), receiving Technical data, in Kazakhstan; and 1 more"
    );
}

#[test]
fn json_shape_is_stable() {
    let old = stepr();
    let mut new = old.clone();
    new.sale_and_sharing.sells = Some(true);
    let json: serde_json::Value =
        serde_json::from_str(&format::json(&compare(&old, &new), "a@1", "a")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "old": "a@1",
            "new": "a",
            "material": true,
            "changes": [{
                "area": "sale_and_sharing",
                "kind": "changed",
                "material": true,
                "reason": "selling or sharing turned on",
                "text": "Now sells personal information"
            }]
        })
    );
}

/// Issue 13 item 1: with no e-mail given, a notice points to the route that is.
#[test]
fn a_notice_names_the_route_given_when_there_is_no_e_mail() {
    let mut old = stepr();
    old.organization.contact_email.clear();
    old.organization.website = None;
    old.organization.issue_tracker = Some("https://github.com/s/s/issues".into());
    let mut new = old.clone();
    new.processors.push(posthog());
    let notice = format::notice(&compare(&old, &new), &new);
    assert!(
        notice
            .text
            .contains("write to us at https://github.com/s/s/issues."),
        "{}",
        notice.text
    );
    assert!(
        !notice.text.contains("mailto") && !notice.text.contains('@'),
        "{}",
        notice.text
    );
}

#[test]
fn notice_only_for_material_changes() {
    let old = stepr();
    let mut new = old.clone();
    new.organization.contact_email = "privacy@stepr.kz".into();
    let notice = format::notice(&compare(&old, &new), &new);
    assert!(
        notice.text.starts_with("No notice is needed"),
        "{}",
        notice.text
    );

    new.processors.push(posthog());
    new.policy.effective_date = None;
    let notice = format::notice(&compare(&old, &new), &new);
    assert!(notice.text.contains("- Added processor: PostHog"));
    assert!(!notice.text.contains("contact e-mail"), "{}", notice.text);
    assert!(notice.text.contains("https://stepr.kz"));
    assert!(
        notice
            .notes
            .iter()
            .any(|n| n.contains("effective_date is not set"))
    );
}

/// Waivers change what `check` reports, not what the policy says: reported, never
/// material.
#[test]
fn waivers_are_reported_and_never_material() {
    let waiver = |reason: &str| crate::answers::Waiver {
        rule: "gdpr-eu-representative".into(),
        answer: None,
        reason: reason.into(),
        until: None,
    };
    let added = one(|a| a.waivers.push(waiver("occasional processing")));
    not_material(&added);
    assert_eq!(added.area, Area::Waivers);
    assert_eq!(added.kind, Kind::Added);
    assert_eq!(
        added.text,
        "Added waiver: gdpr-eu-representative (occasional processing)"
    );

    let mut old = stepr();
    old.waivers.push(waiver("occasional processing"));
    let mut new = old.clone();
    new.waivers[0].reason = "Art. 27(2)(a)".into();
    new.waivers[0].until = Some("2027-06-30".parse().unwrap());
    let changes = compare(&old, &new).changes;
    assert_eq!(changes.len(), 1, "{changes:#?}");
    not_material(&changes[0]);
    assert_eq!(
        changes[0].text,
        "Changed waiver gdpr-eu-representative: reason, until"
    );
    let removed = compare(&new, &stepr()).changes;
    assert_eq!(removed.len(), 1, "{removed:#?}");
    not_material(&removed[0]);
    assert_eq!(removed[0].text, "Removed waiver: gdpr-eu-representative");
}

#[test]
fn a_new_route_to_the_safeguards_and_a_second_mechanism_are_said() {
    // Asked (and kept) once a transfer rests on contractual clauses.
    let changes = all(|a| {
        a.processors[0].safeguard =
            crate::answers::vocab::Safeguard::StandardContractualClauses.into();
        a.hosting.safeguards_copy = Some("on_request".into());
    });
    assert!(
        changes
            .iter()
            .any(|c| c.text == "Added how to get a copy of the transfer safeguards: on_request"),
        "{changes:#?}"
    );
    let c = one(|a| {
        a.processors[0].safeguard = crate::answers::Safeguards::new([
            crate::answers::vocab::Safeguard::DataPrivacyFramework,
            crate::answers::vocab::Safeguard::UkExtension,
        ])
    });
    assert!(
        c.text.ends_with(
            "the EU-US Data Privacy Framework and the UK Extension to the EU-US Data Privacy Framework"
        ),
        "{}",
        c.text
    );
}

/// Issue 12's new answers reach `diff`: Texas's sensitive-sale answer (material, like
/// any selling), the UK complaints route and the Swiss representative.
#[test]
fn regime_answers_are_described() {
    let mut old = stepr();
    old.audience.regions.push(Region::UsOther);
    old.audience.regions.push(Region::Switzerland);
    old.data.categories[0].ccpa_sensitive = Some(true);
    old.sale_and_sharing.sells = None;
    let mut new = old.clone();
    new.sale_and_sharing.sells_sensitive = Some(true);
    let changes = compare(&old, &new).changes;
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].text, "Now sells sensitive personal data");
    material(&changes[0], "selling or sharing turned on");
    let mut new = old.clone();
    new.rights.complaints = Some("using the form at https://stepr.example/complain".into());
    new.organization.swiss_representative = Some(crate::answers::ContactPerson {
        name: "Rep CH AG".into(),
        email: None,
        postal_address: None,
    });
    let texts: Vec<String> = compare(&old, &new)
        .changes
        .into_iter()
        .map(|c| c.text)
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("how to complain to us")),
        "{texts:#?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Swiss representative")),
        "{texts:#?}"
    );
}
