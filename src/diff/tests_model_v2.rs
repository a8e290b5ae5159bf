//! Issue 13 (answers model v2): who decides about a category, whether it leaves the
//! device, and retention as people say it, compared.

use super::*;
use crate::answers::vocab::{DataRole, LocalPlace, TelemetryDefault};
use crate::answers::{Answers, CustomerData, DataCategory};

fn stepr() -> Answers {
    Answers::from_json(include_str!("../../examples/stepr.json")).unwrap()
}

fn changes(old: &Answers, new: &Answers) -> Vec<Change> {
    let policy = |a: &Answers| Policy::with_builtin_catalog(a).unwrap();
    super::compare(&policy(old), &policy(new)).changes
}

fn category<'a>(a: &'a mut Answers, id: &str) -> &'a mut DataCategory {
    a.data.categories.iter_mut().find(|c| c.id == id).unwrap()
}

#[test]
fn data_that_stayed_on_the_device_and_is_now_collected_is_material() {
    let mut old = stepr();
    category(&mut old, "typed_text").stays_on = Some(LocalPlace::Browser);
    let new = stepr();
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LEAVES_DEVICE));
    assert!(
        c[0].text.contains("no longer stays on your device"),
        "{c:?}"
    );
    // The other way, kept on the device from now on, takes nothing away: not material.
    let back = changes(&new, &old);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert!(!back[0].material, "{back:?}");
    assert!(
        back[0].text.contains("now stays only in your browser"),
        "{back:?}"
    );
}

#[test]
fn customers_data_the_operator_now_decides_about_is_material() {
    let mut old = stepr();
    category(&mut old, "screenshots").role = Some(DataRole::Processor);
    let new = stepr();
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::NOW_CONTROLLER));
    let back = changes(&new, &old);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert!(!back[0].material, "{back:?}");
    assert!(
        back[0].text.contains("now processed for our customers"),
        "{back:?}"
    );
}

#[test]
fn a_new_category_kept_on_the_device_is_not_material_and_a_customers_one_is() {
    let old = stepr();
    let mut new = stepr();
    new.data.categories.push(DataCategory {
        id: "drafts".into(),
        name: "Drafts".into(),
        description: "unsent drafts".into(),
        stays_on: Some(LocalPlace::Device),
        ..Default::default()
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text.contains("kept only on your device"),
        "{c:?}"
    );
    new.data.categories.last_mut().unwrap().stays_on = None;
    new.data.categories.last_mut().unwrap().role = Some(DataRole::Processor);
    let c = changes(&old, &new);
    assert_eq!(c[0].reason, Some(super::materiality::NEW_CATEGORY), "{c:?}");
    assert!(c[0].text.contains("processed for our customers"), "{c:?}");
}

#[test]
fn the_customers_notice_changes_are_reported_and_not_material() {
    let mut old = stepr();
    category(&mut old, "screenshots").role = Some(DataRole::Processor);
    let mut new = old.clone();
    new.data.for_customers = Some(CustomerData {
        dpa_url: Some("https://stepr.kz/dpa".into()),
        ..Default::default()
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert!(c[0].text.contains("data processing agreement"), "{c:?}");
}

fn shipdesk() -> Answers {
    Answers::from_json(include_str!("../../examples/shipdesk.json")).unwrap()
}

fn rule<'a>(a: &'a mut Answers, data: &str) -> &'a mut crate::answers::RetentionRule {
    a.retention
        .rules
        .iter_mut()
        .find(|r| r.data == data)
        .unwrap()
}

#[test]
fn an_inactivity_limit_that_grows_or_goes_is_longer_retention() {
    let old = shipdesk();
    let mut new = shipdesk();
    rule(&mut new, "Account data").inactive_for = Some("5 years".parse().unwrap());
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LONGER), "{c:?}");
    assert!(
        c[0].text.contains("inactive for 5 years (was 2 years)"),
        "{c:?}"
    );
    rule(&mut new, "Account data").inactive_for = None;
    let c = changes(&old, &new);
    assert_eq!(c[0].reason, Some(super::materiality::LONGER), "{c:?}");
    // A shorter limit is reported, not material.
    let c = changes(&new, &old);
    assert!(!c[0].material, "{c:?}");
}

#[test]
fn a_legal_hold_added_is_longer_retention_and_other_forms_are_reported() {
    let mut old = shipdesk();
    rule(&mut old, "Billing contact").legal_hold = false;
    let new = shipdesk();
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LONGER), "{c:?}");

    let mut new = shipdesk();
    let billing = rule(&mut new, "Billing contact");
    billing.after = Some("the end of your contract".into());
    rule(&mut new, "Usage data").up_to = false;
    rule(&mut new, "Payment records at Stripe").set_by = Some("aws".into());
    let c = changes(&shipdesk(), &new);
    let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(c.len(), 3, "{texts:#?}");
    assert!(c.iter().all(|c| !c.material), "{c:#?}");
    assert!(
        texts[0].contains("counted from the end of your contract"),
        "{texts:?}"
    );
    assert!(
        texts[1].contains("Payment records at Stripe") && texts[1].contains("as set by aws"),
        "{texts:?}"
    );
    assert!(
        texts[2].contains("Usage data is no longer an upper bound"),
        "{texts:?}"
    );
}

#[test]
fn a_new_rule_is_described_as_the_policy_says_it() {
    let old = shipdesk();
    let mut new = shipdesk();
    new.retention.rules.push(crate::answers::RetentionRule {
        data: "Contracts".into(),
        period: Some("1 year".parse().unwrap()),
        after: Some("the end of your contract".into()),
        ..Default::default()
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        c[0].text
            .ends_with("Contracts, kept 1 year after the end of your contract"),
        "{c:?}"
    );
}

#[test]
fn a_recipient_that_is_not_a_service_is_a_new_recipient_and_more_data_is_material() {
    let mut old = shipdesk();
    let affiliates = old.disclosures.len();
    let new = {
        let mut new = old.clone();
        new.disclosures.push(crate::answers::Disclosure {
            to: crate::answers::vocab::DisclosureKind::Affiliates,
            name: Some("Shipdesk Europe B.V.".into()),
            when: "they provide support in Europe".into(),
            what: "your account data".into(),
            categories: vec!["account".into()],
        });
        new
    };
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(
        c[0].reason,
        Some(super::materiality::NEW_RECIPIENT),
        "{c:?}"
    );
    assert!(
        c[0].text
            .contains("Our affiliates (Shipdesk Europe B.V.), when they provide support in Europe"),
        "{c:?}"
    );
    old = new.clone();
    let mut more = new;
    more.disclosures[affiliates].categories.push("usage".into());
    let c = changes(&old, &more);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::MORE_DATA), "{c:?}");
}

#[test]
fn marketing_started_is_a_new_purpose_and_a_new_basis_a_different_one() {
    let new = shipdesk();
    let mut old = shipdesk();
    old.marketing = None;
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::NEW_PURPOSE), "{c:?}");
    assert!(
        c[0].text
            .contains("Now sends marketing messages: product news"),
        "{c:?}"
    );
    let mut consent = shipdesk();
    consent.marketing.as_mut().unwrap().basis =
        Some(crate::answers::vocab::MarketingBasis::Consent);
    let c = changes(&consent, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LEGAL_BASIS), "{c:?}");
    // Stopping them, and a new way to unsubscribe, are listed but not material.
    let c = changes(&new, &old);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text.contains("No longer sends"),
        "{c:?}"
    );
    let mut link = shipdesk();
    link.marketing.as_mut().unwrap().unsubscribe = Some("in Settings > E-mails".into());
    let c = changes(&new, &link);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text.contains("how to unsubscribe"),
        "{c:?}"
    );
}

#[test]
fn cookie_consent_and_a_cookies_basis_are_reported_and_not_material() {
    let old = Answers::from_json(include_str!("../../examples/acme.json")).unwrap();
    let mut new = old.clone();
    new.tracking.consent.as_mut().unwrap().withdraw = "from the cookie icon".into();
    new.tracking.cookies[1].basis = None;
    let c = changes(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert!(c.iter().all(|c| !c.material), "{c:#?}");
    assert!(
        c.iter()
            .any(|c| c.text.contains("how cookie consent is withdrawn")),
        "{c:#?}"
    );
    assert!(c.iter().any(|c| c.text.contains("acme_ab")), "{c:#?}");
}

fn lintel() -> Answers {
    Answers::from_json(include_str!("../../examples/lintel.json")).unwrap()
}

#[test]
fn telemetry_on_by_default_is_material_and_opt_in_is_not() {
    let new = lintel();
    let mut old = lintel();
    old.telemetry = None;
    let c = changes(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].area, Area::Telemetry);
    assert_eq!(c[0].reason, Some(super::materiality::TELEMETRY_ON), "{c:?}");
    assert!(
        c[0].text
            .starts_with("Now sends telemetry, on unless you turn it off: which rules fired"),
        "{c:?}"
    );
    assert_eq!(c[1].reason, Some(super::materiality::MORE_DATA), "{c:?}");
    assert_eq!(c[1].text, "PostHog now receives telemetry");

    // Opt-in telemetry added: reported, not material (nothing is sent until asked).
    let mut opt_in = lintel();
    opt_in.telemetry.as_mut().unwrap().default = TelemetryDefault::OptIn;
    opt_in.telemetry.as_mut().unwrap().to.clear();
    let c = changes(&old, &opt_in);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");

    // From opt-in to on by default: material; back: not.
    let mut was = lintel();
    was.telemetry.as_mut().unwrap().default = TelemetryDefault::OptIn;
    let c = changes(&was, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::TELEMETRY_ON), "{c:?}");
    let c = changes(&new, &was);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text.contains("now off unless you turn it on"),
        "{c:?}"
    );
}

#[test]
fn ways_to_turn_telemetry_off_are_reported_and_not_material() {
    let old = lintel();
    let mut new = lintel();
    let t = new.telemetry.as_mut().unwrap();
    t.cli_flag = None;
    t.env_var = Some("DO_NOT_TRACK=1".into());
    t.follows_host = None;
    let c = changes(&old, &new);
    assert_eq!(c.len(), 3, "{c:#?}");
    assert!(c.iter().all(|c| !c.material), "{c:#?}");
    assert!(
        c.iter().any(|c| c.text
            == "Changed the environment variable that turns telemetry off: from LINTEL_TELEMETRY=0 to DO_NOT_TRACK=1"),
        "{c:#?}"
    );
    // No longer sent: reported, not material.
    let mut gone = lintel();
    gone.telemetry = None;
    let c = changes(&old, &gone);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(
        !c[0].material && c[0].text == "No longer sends telemetry",
        "{c:?}"
    );
}

/// Item 9: a source added to a category is material (readers were told where the data
/// comes from, GDPR Art. 14(2)(f)); one dropped is listed only.
#[test]
fn a_new_source_of_a_category_is_material_and_a_dropped_one_is_not() {
    use crate::answers::vocab::DataSource;
    let old = stepr();
    let mut new = stepr();
    category(&mut new, "account").source =
        crate::answers::Several::new([DataSource::Provided, DataSource::ThirdParty]);
    category(&mut new, "account").source_name = Some("your company's identity provider".into());
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::NEW_SOURCE));
    assert!(
        c[0].text
            .contains("is now also received from your company's identity provider"),
        "{c:?}"
    );
    let back = changes(&new, &old);
    assert_eq!(back.len(), 1, "{back:#?}");
    assert!(!back[0].material, "{back:?}");
    assert!(
        back[0]
            .text
            .contains("is no longer received from your company's identity provider"),
        "{back:?}"
    );
    // The same sources in another order only moves where it is listed.
    let mut reordered = new.clone();
    category(&mut reordered, "account").source =
        crate::answers::Several::new([DataSource::ThirdParty, DataSource::Provided]);
    let c = changes(&new, &reordered);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert!(c[0].text.contains("source"), "{c:?}");
}

/// Item 9: a basis added to or removed from a purpose that had one is a different
/// legal basis (material); a first basis stated where none was is not; one basis
/// changed for another reads as before.
#[test]
fn a_legal_basis_added_or_removed_is_material() {
    use crate::answers::Several;
    use crate::answers::vocab::LegalBasis::{Contract, LegitimateInterests};
    let mut old = stepr();
    old.purposes[1].legal_basis = Contract.into();
    let mut new = old.clone();
    new.purposes[1].legal_basis = Several::new([Contract, LegitimateInterests]);
    new.purposes[1].legitimate_interests_for = Some("detecting abuse".into());
    new.purposes[1].legitimate_interest = Some("a service free of abuse".into());
    let c = changes(&old, &new);
    let basis: Vec<_> = c.iter().filter(|c| c.text.contains("rests on")).collect();
    assert_eq!(basis.len(), 1, "{c:#?}");
    assert_eq!(basis[0].reason, Some(super::materiality::LEGAL_BASIS));
    assert!(
        basis[0]
            .text
            .contains("now also rests on our legitimate interests"),
        "{c:?}"
    );
    let back = changes(&new, &old);
    let basis: Vec<_> = back
        .iter()
        .filter(|c| c.text.contains("rests on"))
        .collect();
    assert_eq!(basis.len(), 1, "{back:#?}");
    assert!(basis[0].material, "{back:?}");
    assert!(
        basis[0]
            .text
            .contains("no longer rests on our legitimate interests")
    );
    // Stating bases where there were none is not a different basis.
    let mut none = old.clone();
    none.purposes[1].legal_basis = Several::default();
    let first = changes(&none, &new);
    assert!(
        first
            .iter()
            .filter(|c| c.text.contains("rests on"))
            .all(|c| !c.material),
        "{first:#?}"
    );
    // One for another, as before.
    let mut other = old.clone();
    other.purposes[1].legal_basis = LegitimateInterests.into();
    let c = changes(&old, &other);
    assert!(
        c.iter()
            .any(|c| c.text.starts_with("Changed the legal basis of")
                && c.reason == Some(super::materiality::LEGAL_BASIS)),
        "{c:#?}"
    );
}

/// Item 10: a pseudonymisation or anonymisation measure is reported like any other
/// security measure, by what the policy says, and is not material.
#[test]
fn a_pseudonymisation_measure_added_is_listed_and_not_material() {
    use crate::answers::SecurityMeasure;
    use crate::answers::vocab::SecurityMeasureKind;
    let old = stepr();
    let mut new = stepr();
    new.security.measures.push(SecurityMeasure {
        kind: SecurityMeasureKind::Pseudonymisation,
        description: "Recordings are analysed under random ids".into(),
    });
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert!(
        c[0].text
            .contains("Recordings are analysed under random ids"),
        "{c:?}"
    );
}

/// Issue 13 item 10: data now also collected by third-party code in the product is a new
/// source, said as collection in the product, not as data received from a third party.
#[test]
fn data_now_collected_by_an_sdk_is_a_new_source() {
    use crate::answers::vocab::DataSource;
    let old = stepr();
    let mut new = stepr();
    category(&mut new, "account").source =
        crate::answers::Several::new([DataSource::Provided, DataSource::ThirdPartySdk]);
    category(&mut new, "account").source_name = Some("the Acme SDK".into());
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::NEW_SOURCE));
    assert!(
        c[0].text
            .contains("is now also collected in the product by the Acme SDK"),
        "{c:?}"
    );
}

/// The Android app with ads of the issue 13 audit (`tests/fixtures/model_v2`).
fn stridewell() -> Answers {
    Answers::from_json(include_str!(
        "../../tests/fixtures/model_v2/stridewell.json"
    ))
    .unwrap()
}

/// Issue 13 item 9: the Art. 9(2) condition replaced by another is a different legal
/// basis; first stated or dropped, it is listed only.
#[test]
fn an_art9_condition_replaced_is_a_different_legal_basis() {
    use crate::answers::vocab::Art9Condition;
    let old = stridewell();
    let mut new = stridewell();
    category(&mut new, "activity").art9_condition = Some(Art9Condition::HealthCare);
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::LEGAL_BASIS), "{c:?}");
    assert_eq!(
        c[0].text,
        "Changed the GDPR Art. 9(2) condition for Steps and heart rate: from your explicit \
         consent (GDPR Art. 9(2)(a)) to the provision of health or social care (GDPR Art. 9(2)(h))"
    );

    let mut none = stridewell();
    category(&mut none, "activity").art9_condition = None;
    let c = changes(&none, &old);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert_eq!(
        c[0].text,
        "Now states the GDPR Art. 9(2) condition for Steps and heart rate: your explicit \
         consent (GDPR Art. 9(2)(a))"
    );
    let c = changes(&old, &none);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert_eq!(
        c[0].text,
        "No longer states the GDPR Art. 9(2) condition for Steps and heart rate"
    );

    // Not a special category any more: the condition is no longer said either, and
    // that is not a second change of basis.
    let mut plain = stridewell();
    category(&mut plain, "activity").special_category = Some(false);
    let c = changes(&old, &plain);
    assert!(c.iter().all(|c| !c.material), "{c:#?}");
}

/// Issue 13 item 9: automated decisions now made are material; their logic and
/// consequences reworded are listed only.
#[test]
fn automated_decisions_now_made_are_material_and_their_logic_is_listed() {
    let new = stridewell();
    let mut old = stridewell();
    old.ai.makes_automated_decisions = Some(false);
    old.ai.automated_decisions = None;
    old.ai.automated_logic = None;
    old.ai.automated_consequences = None;
    let c = changes(&old, &new);
    let made: Vec<_> = c.iter().filter(|c| c.material).collect();
    assert_eq!(made.len(), 1, "{c:#?}");
    assert_eq!(made[0].reason, Some(super::materiality::AUTOMATED));
    assert_eq!(
        made[0].text,
        "Now makes decisions solely by automated means"
    );
    assert!(
        c.iter()
            .any(|c| c.text.contains("logic of automated decisions")),
        "{c:#?}"
    );

    let mut reworded = stridewell();
    reworded.ai.automated_logic =
        Some("a day is removed when a person would have had to run".into());
    let c = changes(&new, &reworded);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert!(c[0].text.contains("logic of automated decisions"), "{c:?}");

    // Stopping, said as such, is not material.
    let c = changes(&new, &old);
    assert!(
        c.iter().all(|c| !c.material)
            && c.iter()
                .any(|c| c.text == "Now says it makes no decisions solely by automated means"),
        "{c:#?}"
    );
}

/// Issue 13 item 3: data kept on the device no longer encrypted is said; it still
/// never leaves the device, so it is not material.
#[test]
fn encryption_on_the_device_is_said_and_not_material() {
    let old = stridewell();
    let mut new = stridewell();
    category(&mut new, "route_drafts").encrypted_locally = false;
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert_eq!(
        c[0].text,
        "Planned routes is no longer stored encrypted on your device"
    );
    let c = changes(&new, &old);
    assert_eq!(
        c[0].text,
        "Planned routes is now stored encrypted on your device"
    );
}

/// Issue 13 item 11: advertising identifiers, now rendered, are also compared:
/// collecting them is tracking turned on.
#[test]
fn advertising_identifiers_now_collected_are_tracking_turned_on() {
    let new = stridewell();
    let mut old = stridewell();
    old.tracking.advertising_ids = Some(false);
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].reason, Some(super::materiality::TRACKING), "{c:?}");
    assert_eq!(c[0].text, "Now collects advertising identifiers");
    let c = changes(&new, &old);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert_eq!(c[0].text, "No longer collects advertising identifiers");
}

/// Issue 13 item 10: an editor extension or a command-line tool added to what the
/// product is, is listed by name, not material.
#[test]
fn a_new_product_kind_is_listed_by_name() {
    use crate::answers::vocab::ProductKind;
    let old = stepr();
    let mut new = stepr();
    new.audience.product_kinds.push(ProductKind::Cli);
    new.audience
        .product_kinds
        .push(ProductKind::EditorExtension);
    let c = changes(&old, &new);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert!(c.iter().all(|c| !c.material), "{c:#?}");
    for kind in [ProductKind::Cli, ProductKind::EditorExtension] {
        assert!(
            c.iter()
                .any(|c| c.text == format!("Added product kind: {}", kind.label())),
            "{kind:?}: {c:#?}"
        );
    }
}

/// Issue 13 item 10: a list item changed in the operator's own section is a changed
/// section, not material; a section whose text is the same is not reported.
#[test]
fn a_list_changed_in_an_own_section_is_a_changed_section() {
    let old = shipdesk();
    let mut new = shipdesk();
    let own = new
        .custom_sections
        .iter_mut()
        .find(|c| c.title == "Reporting a security issue")
        .unwrap();
    assert!(own.body.contains("2. give us 90 days"), "{}", own.body);
    own.body = own.body.replace("2. give us 90 days", "2. give us 60 days");
    let c = changes(&old, &new);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].material, "{c:?}");
    assert_eq!(c[0].text, "Changed section: Reporting a security issue");
    assert!(changes(&old, &old.clone()).is_empty());
}
