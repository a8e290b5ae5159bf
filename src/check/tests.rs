//! One test per rule: from answers where the rule holds (or does not apply), one change
//! that makes it fire. The base is `examples/complete.json`, which passes every rule.

use super::*;
use crate::answers::vocab::StoreUse;
use crate::answers::vocab::{
    Art9Condition, CcpaCategory, CookieBasis, CookiePurpose, DataRole, DataSource, Deployment,
    GpcResponse, LegalBasis, LocalPlace, NotUsed, ProcessorRole, ProductKind, RecipientControl,
    Region, RightKind, Safeguard, SecurityMeasureKind, StorageKind, TelemetryDefault,
};
use crate::answers::{
    ContactPerson, Cookie, Permission, Processor, Right, Safeguards, Several, StoreCategory, Waiver,
};

/// The findings for the policy these answers make, as every caller of `check` sees them.
fn check(a: &Answers) -> Vec<Finding> {
    super::check(&Policy::with_builtin_catalog(a).unwrap())
}

fn complete() -> Answers {
    Answers::from_json(include_str!("../../examples/complete.json")).unwrap()
}

fn fired(a: &Answers, id: &str) -> Vec<Finding> {
    check(a).into_iter().filter(|f| f.rule() == id).collect()
}

/// A hit and the finding made of it give back the answer and the note they were
/// made with, the note in the message, whether or not there is one, and an empty
/// note stays a note.
#[test]
fn a_finding_keeps_its_answer_and_note_apart() {
    // The wizard keeps every finding: 21,000 of them on a large file.
    #[cfg(target_pointer_width = "64")]
    assert_eq!(std::mem::size_of::<Finding>(), 40);
    let rule = rules().next().unwrap();
    for (answer, note) in [
        ("purposes[2].legal_basis", Some("purpose `To bill you`")),
        ("rights.complaint", None),
        ("a", Some("")),
        ("", Some("`Café` (café)")),
    ] {
        let hit = match note {
            Some(note) => Hit::with(answer, note),
            None => Hit::at(answer),
        };
        assert_eq!((hit.answer(), hit.note()), (answer, note));
        assert_eq!(
            Finding::of(rule, hit),
            Finding::new(rule, answer.to_owned(), note.map(str::to_owned))
        );
        let f = Finding::new(rule, answer.to_owned(), note.map(str::to_owned));
        assert_eq!(f.answer(), answer);
        assert_eq!(f.note(), note);
        let message = f.message().to_string();
        match note {
            Some(note) => assert_eq!(message, format!("{}: {note}", rule.message)),
            None => assert_eq!(message, rule.message),
        }
    }
}

/// `setup` gives answers on which rule `id` is silent; `fire` then breaks them.
fn case(id: &str, setup: impl Fn(&mut Answers), fire: impl Fn(&mut Answers)) {
    assert!(rules().any(|r| r.id == id), "no rule {id}");
    let mut a = complete();
    setup(&mut a);
    let quiet = fired(&a, id);
    assert!(quiet.is_empty(), "{id} fired before the change: {quiet:#?}");
    fire(&mut a);
    let found = fired(&a, id);
    assert!(!found.is_empty(), "{id} did not fire");
    for f in &found {
        assert!(
            !f.answer().is_empty() && !f.message().to_string().is_empty(),
            "{f:?}"
        );
        // Issue 12 §3: whatever a rule points at, the interview asks for these answers.
        assert!(
            asked(&a, f.answer()),
            "{id} points at {}, which the interview does not ask for these answers",
            f.answer()
        );
    }
}

fn none(_: &mut Answers) {}

fn automated(a: &mut Answers) {
    a.ai.makes_automated_decisions = Some(true);
    a.ai.automated_decisions = Some("Accounts that look fraudulent are suspended".into());
    a.ai.automated_logic = Some("a score from sign-up signals and payment failures".into());
    a.ai.automated_consequences = Some("a suspended account cannot be used until reviewed".into());
}

/// Legal review FP-1: saying that no decision is made solely by automated means is a
/// statement to welcome, not an error.
#[test]
fn saying_no_automated_decisions_is_no_finding() {
    let mut a = complete();
    a.ai.makes_automated_decisions = Some(false);
    a.ai.automated_decisions =
        Some("We make no decision based solely on automated processing".into());
    for rule in [
        "gdpr-automated-decisions",
        "gdpr-automated-logic",
        "gdpr-ai-decisions",
    ] {
        assert!(fired(&a, rule).is_empty(), "{rule}");
    }
}

/// CalOPPA (Cal. Bus. & Prof. Code 22575(b)(5)) is the law that asks how the product
/// responds to Do Not Track; where California is not served no law asks, so a DNT
/// answer is not held against the tracking answers under that citation.
#[test]
fn do_not_track_consistency_is_californian() {
    let mut a = complete();
    a.tracking.do_not_track = Some(crate::answers::vocab::DntResponse::NoTracking);
    a.tracking.cross_site_tracking = Some(true);
    assert!(!fired(&a, "consistency-do-not-track").is_empty());
    a.audience.regions.retain(|r| *r != Region::California);
    assert!(fired(&a, "consistency-do-not-track").is_empty());
}

/// The under-16 contradiction names both answers, and is gone once either says yes.
#[test]
fn the_under_16_contradiction_names_both_answers() {
    let mut a = complete();
    a.sale_and_sharing.sells_or_shares_under_16 = Some(true);
    let found = fired(&a, "consistency-under-16-sale");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].answer(),
        "sale_and_sharing.sells_or_shares_under_16"
    );
    let message = found[0].message().to_string();
    for answer in [
        "`sale_and_sharing.sells`",
        "`sale_and_sharing.shares_for_advertising`",
        "`sale_and_sharing.sells_or_shares_under_16` is yes",
    ] {
        assert!(message.contains(answer), "{message}");
    }
    // Unanswered, the sharing may be what is not yet described (`ccpa-sale` asks).
    a.sale_and_sharing.shares_for_advertising = None;
    assert!(fired(&a, "consistency-under-16-sale").is_empty());
    a.sale_and_sharing.shares_for_advertising = Some(true);
    assert!(fired(&a, "consistency-under-16-sale").is_empty());
    // Where California is not served the statement is not made, nor asked for.
    a.sale_and_sharing.shares_for_advertising = Some(false);
    a.audience.regions.retain(|r| *r != Region::California);
    assert!(fired(&a, "consistency-under-16-sale").is_empty());
}

/// Not offering the right to limit is right when sensitive personal information is used
/// only as 11 CCR 7027(m) allows (legal review S13).
#[test]
fn the_limit_right_is_asked_for_only_where_it_is_offered() {
    let mut a = complete();
    a.data.categories[1].ccpa_sensitive = Some(true);
    a.sale_and_sharing.sensitive_beyond_permitted = Some(false);
    assert!(fired(&a, "ccpa-sensitive").is_empty());
    assert!(fired(&a, "ccpa-sensitive-use").is_empty());
}

/// Legal review S3: a records purpose on a legal obligation may speak of billing and
/// charges without being read as taking payment; one that also charges is flagged.
#[test]
fn keeping_billing_records_by_law_is_not_taking_payment() {
    let mut a = complete();
    a.purposes[2].description =
        "keep billing records, subscription invoices and charges as tax law requires".into();
    assert!(fired(&a, "gdpr-basis-fits-purpose").is_empty());
    a.purposes[2].description =
        "charge your plan, send receipts and keep the records tax law requires".into();
    assert_eq!(
        fired(&a, "gdpr-basis-fits-purpose")[0].answer(),
        "purposes[2].legal_basis"
    );
}

/// The billing purpose of the complete example resting on the contract for charging
/// and on a legal obligation for the records tax law requires, each with its part.
fn two_bases(a: &mut Answers) {
    let billing = &mut a.purposes[1];
    billing.description =
        "charge your plan, send receipts and keep the records tax law requires".into();
    billing.legal_basis = Several::new([LegalBasis::Contract, LegalBasis::LegalObligation]);
    billing.contract_for = Some("charging your plan and sending receipts".into());
    billing.legal_obligation_for = Some("keeping the records German tax law requires".into());
}

/// Several bases are judged one by one, by the part each covers: charging on the
/// contract and keeping records on a legal obligation fit; either basis given the
/// other's part does not. Without parts, a note whose remedy is already one of the
/// purpose's bases is not given (`gdpr-basis-parts` asks for the parts instead).
#[test]
fn each_of_several_bases_is_judged_by_its_own_part() {
    let mut a = complete();
    two_bases(&mut a);
    assert!(fired(&a, "gdpr-basis-fits-purpose").is_empty());
    assert!(fired(&a, "gdpr-basis-parts").is_empty());
    a.purposes[1].legal_obligation_for = Some("the records, and to charge your plan".into());
    let found = fired(&a, "gdpr-basis-fits-purpose");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), "purposes[1].legal_basis");
    assert!(
        found[0].message().to_string().contains("taking payment"),
        "{found:#?}"
    );
    a.purposes[1].contract_for = None;
    a.purposes[1].legal_obligation_for = None;
    assert!(fired(&a, "gdpr-basis-fits-purpose").is_empty());
    let parts: Vec<String> = fired(&a, "gdpr-basis-parts")
        .into_iter()
        .map(|f| f.answer().to_owned())
        .collect();
    assert_eq!(
        parts,
        [
            "purposes[1].contract_for",
            "purposes[1].legal_obligation_for"
        ]
    );
}

/// The rules that read a purpose's basis read every one of several: a legitimate
/// interest is asked for when legitimate interests is one of them, and a recognised
/// legitimate interest among them is flagged where the EU GDPR applies.
#[test]
fn rules_on_a_basis_read_every_basis_of_a_purpose() {
    let mut a = complete();
    a.purposes[0].legal_basis =
        Several::new([LegalBasis::Contract, LegalBasis::LegitimateInterests]);
    a.purposes[0].contract_for = Some("running your account".into());
    a.purposes[0].legitimate_interests_for = Some("improving the service".into());
    let found = fired(&a, "gdpr-legitimate-interest");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), "purposes[0].legitimate_interest");
    a.purposes[0].legitimate_interest = Some("a better product for our users".into());
    assert!(fired(&a, "gdpr-legitimate-interest").is_empty());
    a.purposes[0].legal_basis = Several::new([
        LegalBasis::Contract,
        LegalBasis::RecognisedLegitimateInterest,
    ]);
    assert!(!fired(&a, "uk-recognised-legitimate-interest").is_empty());
}

/// A category with several sources: what it is required for is asked when the user
/// gives it, and the third party is named when one of the sources is a third party
/// (GDPR Art. 13(2)(e), 14(2)(f)).
#[test]
fn rules_on_a_source_read_every_source_of_a_category() {
    let mut a = complete();
    let billing = &mut a.data.categories[3];
    billing.source = Several::new([DataSource::Provided, DataSource::ThirdParty]);
    billing.required = None;
    let required: Vec<String> = fired(&a, "gdpr-required-data")
        .into_iter()
        .map(|f| f.answer().to_owned())
        .collect();
    assert_eq!(required, ["data.categories[3].required"]);
    a.data.categories[3].required = Some(false);
    assert!(fired(&a, "gdpr-sources").is_empty());
    a.data.categories[3].source_name = None;
    let found = fired(&a, "gdpr-sources");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), "data.categories[3].source_name");
    assert!(asked(&a, found[0].answer()));
}

/// 1798.130(a)(1)(A): two methods, one a toll-free number, unless online only.
#[test]
fn request_methods_follow_the_online_only_exception() {
    let mut a = complete();
    a.rights.exclusively_online = Some(false);
    assert_eq!(
        fired(&a, "ccpa-request-methods")[0].answer(),
        "rights.toll_free_number"
    );
    a.rights.toll_free_number = Some("1-800-555-0100".into());
    // 11 CCR 7020(b): with a website, one method is through it.
    assert_eq!(
        fired(&a, "ccpa-request-methods")[0].answer(),
        "organization.contact_form"
    );
    a.organization.contact_form = Some("https://ledgerly.example/privacy-request".into());
    assert!(
        fired(&a, "ccpa-request-methods").is_empty(),
        "e-mail, phone and a web form"
    );
    // Unanswered, the exception is asked about first, in one finding.
    a.rights.exclusively_online = None;
    a.rights.toll_free_number = None;
    let hits = fired(&a, "ccpa-request-methods");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].answer(), "rights.exclusively_online");
}

/// Legal review FN-12: for UK users the EU-US framework is not the instrument; the UK
/// Extension is. FN-6: "an adequacy decision" for China.
#[test]
fn uk_users_need_the_uk_instruments() {
    case("gdpr-transfer-mechanism", none, |a| {
        a.processors[1].safeguard = Safeguard::DataPrivacyFramework.into();
    });
    case("gdpr-transfer-mechanism", none, |a| {
        a.processors[2].safeguard = Safeguard::StandardContractualClauses.into();
    });
    case("gdpr-transfer-mechanism", none, |a| {
        a.processors[2].countries = vec!["CN".parse().unwrap()];
        a.processors[2].safeguard = Safeguard::Adequacy.into();
    });
    // Quiet for EU users alone: the EU-US framework is theirs.
    let mut a = complete();
    only(&mut a, &[Region::Eea]);
    a.processors[1].safeguard = Safeguard::DataPrivacyFramework.into();
    assert!(fired(&a, "gdpr-transfer-mechanism").is_empty());
    // The EU clauses alone: the finding says what to add (a founder could not tell
    // from the list of mechanisms).
    let mut a = complete();
    a.processors[2].safeguard = Safeguard::StandardContractualClauses.into();
    let found = fired(&a, "gdpr-transfer-mechanism");
    assert!(
        found[0]
            .message()
            .to_string()
            .contains("add `uk_addendum` to its safeguards"),
        "{found:#?}"
    );
}

/// Legal review FN-3: the DPF and the EU's clauses are not LGPD Art. 33 mechanisms.
#[test]
fn brazil_needs_an_lgpd_mechanism() {
    case("lgpd-transfer", none, |a| {
        a.processors[1].safeguard =
            Safeguards::new([Safeguard::DataPrivacyFramework, Safeguard::UkExtension]);
    });
}

/// The copy route is asked for contracts and rules, not for a framework alone.
#[test]
fn a_framework_alone_needs_no_copy_route() {
    let mut a = complete();
    a.hosting.safeguards_copy = None;
    a.processors[2].safeguard = Safeguards::new([
        Safeguard::DataPrivacyFramework,
        Safeguard::UkExtension,
        Safeguard::AnpdClauses,
    ]);
    assert!(
        !fired(&a, "gdpr-safeguards-copy").is_empty(),
        "ANPD clauses are a contract"
    );
    a.processors[2].safeguard =
        Safeguards::new([Safeguard::DataPrivacyFramework, Safeguard::UkExtension]);
    a.processors[1].safeguard =
        Safeguards::new([Safeguard::DataPrivacyFramework, Safeguard::UkExtension]);
    a.hosting.transfers[0].safeguard =
        Safeguards::new([Safeguard::DataPrivacyFramework, Safeguard::UkExtension]);
    assert!(fired(&a, "gdpr-safeguards-copy").is_empty());
}

fn right(kind: RightKind) -> Right {
    Right {
        right: kind,
        description: None,
        how: Some("via Settings".into()),
    }
}

fn only(a: &mut Answers, regions: &[Region]) {
    a.audience.regions = regions.to_vec();
}

/// An operator in Brazil serving Brazil alone: no European law applies.
fn brazil_alone(a: &mut Answers) {
    only(a, &[Region::Brazil]);
    a.organization.country = Some("BR".parse().unwrap());
}

fn person(name: &str) -> Option<ContactPerson> {
    Some(ContactPerson {
        name: name.into(),
        email: Some("rep@example.com".into()),
        postal_address: None,
    })
}

fn extension(a: &mut Answers) {
    a.audience.product_kinds.push(ProductKind::BrowserExtension);
    a.extension.permissions.push(Permission {
        names: vec!["storage".into()],
        used_for: "remember your settings".into(),
    });
    a.extension.limited_use = Some(true);
}

/// The complete example as a mobile app whose store answers are all given and agree
/// with the policy.
fn mobile_store(a: &mut Answers) {
    a.audience.product_kinds.push(ProductKind::MobileApp);
    a.app.android_permissions.push(Permission {
        names: vec!["android.permission.CAMERA".into()],
        used_for: "scan receipts".into(),
    });
    a.stores.encrypted_in_transit = Some(true);
    let types: &[(&str, &[&str], &[&str])] = &[
        (
            "books",
            &["other_financial_info"],
            &["other_financial_info"],
        ),
        (
            "tax_profile",
            &["other_financial_info"],
            &["other_financial_info"],
        ),
        (
            "client_details",
            &["other_financial_info"],
            &["other_financial_info"],
        ),
    ];
    for c in a.data.categories.clone() {
        let (play, apple) = types
            .iter()
            .find(|(id, _, _)| *id == c.id)
            .map(|(_, p, ap)| {
                (
                    p.iter().map(|s| s.to_string()).collect(),
                    ap.iter().map(|s| s.to_string()).collect(),
                )
            })
            .unwrap_or_default();
        a.stores.categories.push(StoreCategory {
            category: c.id.to_string(),
            on_device_only: Some(false),
            ephemeral: Some(false),
            shared: Some(false),
            linked_to_user: Some(true),
            tracking: Some(false),
            uses: vec![StoreUse::AppFunctionality],
            play,
            apple,
            chrome: Vec::new(),
        });
    }
    for c in &mut a.data.categories {
        c.required.get_or_insert(true);
    }
}

fn kids(a: &mut Answers) {
    a.audience.directed_to_children = Some(true);
    a.audience.minimum_age = None;
    a.audience.parental_consent = Some("a parent confirms by e-mail and a card check".into());
}

/// Serving Switzerland too: the US recipients certified under the EU-US framework
/// name the Swiss-US one as well (legal review FN-13).
fn swiss(a: &mut Answers) {
    a.audience.regions.push(Region::Switzerland);
    let add_swiss = |s: &mut Safeguards| {
        if s.contains(Safeguard::DataPrivacyFramework) {
            *s = Safeguards::new(s.iter().chain([Safeguard::SwissUsDpf]));
        }
    };
    a.processors
        .iter_mut()
        .for_each(|p| add_swiss(&mut p.safeguard));
    a.hosting
        .transfers
        .iter_mut()
        .for_each(|t| add_swiss(&mut t.safeguard));
}

/// Everything kept and processed in Canada, and no transfer listed.
fn in_canada(a: &mut Answers) {
    let ca: crate::answers::values::Country = "CA".parse().unwrap();
    a.hosting.transfers.clear();
    a.hosting.data_location = vec![ca];
    a.hosting
        .stores
        .iter_mut()
        .for_each(|s| s.country = Some(ca));
    a.processors.iter_mut().for_each(|p| p.countries = vec![ca]);
}

fn us_states(a: &mut Answers) {
    a.audience.regions.push(Region::UsOther);
}

fn kazakhstan(a: &mut Answers) {
    a.audience.regions.push(Region::Kazakhstan);
    a.hosting.data_location = vec!["KZ".parse().unwrap()];
}

fn ad_cookie(third_party: Option<&str>) -> Cookie {
    Cookie {
        name: "campaign".into(),
        storage: StorageKind::Cookie,
        purpose: CookiePurpose::Advertising,
        description: "remembers which campaign brought you".into(),
        duration: Some("30 days".into()),
        third_party: third_party.map(str::to_owned),
        basis: None,
    }
}

macro_rules! rule_tests {
    ($($test:ident: $id:literal => $setup:expr, $fire:expr;)*) => {
        $(
            #[test]
            fn $test() {
                case($id, $setup, $fire);
            }
        )*
        const TESTED: &[&str] = &[$($id),*];
    };
}

rule_tests! {
    // GDPR
    gdpr_controller_identity: "gdpr-controller-identity" => none, |a| a.organization.legal_entity = None;
    gdpr_controller_is_product: "gdpr-controller-is-product" => none,
        |a| a.organization.legal_entity = Some(a.organization.product_name.to_uppercase());
    gdpr_dpo_contact: "gdpr-dpo-contact" => none, |a| {
        let dpo = a.organization.dpo.as_mut().unwrap();
        dpo.email = None;
        dpo.postal_address = None;
    };
    gdpr_dpo_appointment: "gdpr-dpo-appointment" => |a| {
        a.data.categories[1].special_category = Some(true);
        a.data.categories[1].art9_condition = Some(Art9Condition::ExplicitConsent);
    },
        |a| a.organization.dpo = None;
    gdpr_purposes: "gdpr-purposes" => none, |a| a.purposes.clear();
    gdpr_legal_basis: "gdpr-legal-basis" => none, |a| a.purposes[0].legal_basis = Default::default();
    gdpr_legitimate_interest: "gdpr-legitimate-interest" => none,
        |a| a.purposes[3].legitimate_interest = None;
    gdpr_category_purpose: "gdpr-category-purpose" => none,
        |a| {
            a.purposes[1].categories = vec!["account".into()];
            a.purposes[2].categories = vec!["account".into()];
        };
    gdpr_recipients: "gdpr-recipients" => none, |a| {
        a.processors[2].categories.clear();
        a.processors[2].data_description = None;
    };
    // An analytics service whose data no purpose uses: named, but with no purpose or
    // basis for what it does. Quiet while a purpose uses what it receives.
    gdpr_recipient_purpose: "gdpr-recipient-purpose" => |a| {
        a.processors[2].role = ProcessorRole::Analytics;
    }, |a| {
        a.processors[2].categories.clear();
        a.processors[2].data_description = Some("the pages you visit".into());
    };
    gdpr_recipients_self_hosted: "gdpr-recipients" => |a| {
        a.processors[2].categories.clear();
        a.processors[2].data_description = None;
        a.processors[2].safeguard = Default::default();
        a.processors[2].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[2].deployment = None;
    gdpr_transfer_safeguard: "gdpr-transfer-safeguard" => none,
        |a| a.processors[2].safeguard = Default::default();
    gdpr_recipient_location: "gdpr-recipient-location" => none,
        |a| a.processors[0].countries.clear();
    gdpr_transfer_mechanism: "gdpr-transfer-mechanism" => none,
        |a| a.hosting.transfers[0].safeguard = Safeguard::Consent.into();
    // Only the EEA served: for the GDPR a German recipient is no transfer (for UK users
    // it would be one, covered by the UK's adequacy regulations).
    gdpr_unneeded_safeguard: "gdpr-unneeded-safeguard" => |a| {
        only(a, &[Region::Eea]);
        a.processors[0].safeguard = Safeguard::NotApplicable.into();
    }, |a| {
        a.processors[0].countries = vec!["DE".parse().unwrap()];
        a.processors[0].safeguard = Safeguard::StandardContractualClauses.into();
    };
    // Issue 13 item 10, a network around the world: adequacy and the frameworks cover
    // named countries; Postmark's clauses (with the UK Addendum) go with the data,
    // Stripe's frameworks do not.
    gdpr_transfer_mechanism_worldwide: "gdpr-transfer-mechanism" => |a| {
        a.processors[2].worldwide = Some(true);
    }, |a| a.processors[1].worldwide = Some(true);
    // A German host is no transfer for EU users, until it also works around the world.
    gdpr_transfer_safeguard_worldwide: "gdpr-transfer-safeguard" => |a| {
        only(a, &[Region::Eea]);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].worldwide = Some(true);
    // Software we run ourselves sends its maker nothing: no safeguard to name.
    gdpr_transfer_safeguard_self_hosted: "gdpr-transfer-safeguard" => |a| {
        a.processors[2].safeguard = Default::default();
        a.processors[2].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[2].deployment = Some(Deployment::Proxied);
    gdpr_recipient_location_worldwide: "gdpr-recipient-location" => |a| {
        a.processors[0].countries.clear();
        a.processors[0].worldwide = Some(true);
    }, |a| a.processors[0].worldwide = Some(false);
    gdpr_recipient_location_self_hosted: "gdpr-recipient-location" => |a| {
        a.processors[0].countries.clear();
        a.processors[0].safeguard = Default::default();
        a.processors[0].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[0].deployment = None;
    gdpr_safeguards_copy: "gdpr-safeguards-copy" => none,
        |a| a.hosting.safeguards_copy = None;
    // Legal review S3: charging on a legal obligation.
    gdpr_basis_fits_purpose: "gdpr-basis-fits-purpose" => none, |a| {
        a.purposes[1].legal_basis = LegalBasis::LegalObligation.into();
    };
    gdpr_basis_fits_records: "gdpr-basis-fits-purpose" => none, |a| {
        a.purposes[2].legal_basis = LegalBasis::Contract.into();
    };
    gdpr_basis_fits_marketing: "gdpr-basis-fits-purpose" => none, |a| {
        a.purposes[0].description = "send our newsletter".into();
    };
    // Several bases for one purpose: each must say the part it covers (Art. 13(1)(c)).
    gdpr_basis_parts: "gdpr-basis-parts" => |a| {
        two_bases(a);
    }, |a| a.purposes[1].legal_obligation_for = None;
    gdpr_retention: "gdpr-retention" => none, |a| { a.retention.rules.pop(); };
    gdpr_required_data: "gdpr-required-data" => none, |a| a.data.categories[1].required = None;
    gdpr_sources: "gdpr-sources" => none, |a| a.data.categories[3].source_name = None;
    // Data an SDK collects in the product: its vendor is a recipient (Art. 13(1)(e)).
    gdpr_sdk_recipient: "gdpr-sdk-recipient" => |a| {
        a.data.categories[4].source = DataSource::ThirdPartySdk.into();
    }, |a| a.processors.iter_mut().for_each(|p| p.categories.retain(|c| c != "logs"));
    gdpr_automated_decisions: "gdpr-automated-decisions" => |a| {
        automated(a);
        a.rights.rights.push(right(RightKind::AutomatedDecisions));
    }, |a| { a.rights.rights.pop(); };
    gdpr_automated_logic: "gdpr-automated-logic" => |a| {
        automated(a);
        a.rights.rights.push(right(RightKind::AutomatedDecisions));
    }, |a| a.ai.automated_logic = None;
    // A description with no yes/no is asked about, not taken as a "yes".
    gdpr_automated_logic_unsaid: "gdpr-automated-logic" => |a| a.ai.makes_automated_decisions = None,
        |a| a.ai.automated_decisions = Some("Fraud checks suspend accounts".into());
    gdpr_ai_decisions: "gdpr-ai-decisions" => |a| a.ai.makes_automated_decisions = None,
        |a| a.processors.push(Processor {
        id: "llm".into(),
        name: "An LLM".into(),
        role: ProcessorRole::Ai,
        purpose: "categorises expenses".into(),
        categories: vec!["books".into()],
        countries: vec!["IE".parse().unwrap()],
        ..Default::default()
    });
    gdpr_eu_representative: "gdpr-eu-representative" => |a| {
        a.organization.country = Some("US".parse().unwrap());
        a.organization.eu_representative = person("EU Rep B.V.");
    }, |a| a.organization.eu_representative = None;
    gdpr_operator_country: "gdpr-operator-country" => none, |a| a.organization.country = None;
    gdpr_child_consent: "gdpr-child-consent" => |a| {
        a.purposes[0].legal_basis = LegalBasis::Consent.into();
    }, |a| a.audience.minimum_age = Some(13);
    gdpr_special_category: "gdpr-special-category" => |a| {
        // Quiet: a special category with its condition, and CCPA-only sensitive data
        // (precise location is not Art. 9 data: legal review FP-3).
        a.data.categories[1].special_category = Some(true);
        a.data.categories[1].art9_condition = Some(Art9Condition::ExplicitConsent);
        a.data.categories[2].ccpa_sensitive = Some(true);
        a.sale_and_sharing.sensitive_beyond_permitted = Some(false);
    }, |a| a.data.categories[1].art9_condition = None;

    // UK GDPR
    uk_ico_complaint: "uk-ico-complaint" => |a| {
        a.organization.country = Some("GB".parse().unwrap());
        only(a, &[Region::Eea]);
        a.rights.authority = Some("the Information Commissioner's Office (ICO)".into());
    }, |a| a.rights.authority = Some("the Berlin Commissioner".into());
    uk_representative: "uk-representative" => none, |a| a.organization.uk_representative = None;
    uk_child_consent: "uk-child-consent" => |a| {
        a.audience.minimum_age = Some(12);
        a.audience.directed_to_children = Some(true);
        a.purposes[0].legal_basis = LegalBasis::Consent.into();
        a.audience.parental_consent = Some("a parent confirms by e-mail".into());
    }, |a| a.audience.parental_consent = None;
    uk_minimum_age: "uk-minimum-age" => none, |a| a.audience.minimum_age = None;
    uk_complaints_procedure: "uk-complaints-procedure" => none, |a| a.rights.complaints = None;
    // A UK-only operator may rely on it; serving the EEA too, it may not.
    uk_recognised_legitimate_interest: "uk-recognised-legitimate-interest" => |a| {
        a.organization.country = Some("GB".parse().unwrap());
        only(a, &[Region::Uk]);
        a.purposes[2].legal_basis = LegalBasis::RecognisedLegitimateInterest.into();
    }, |a| a.audience.regions.push(Region::Eea);

    // Swiss FADP
    fadp_controller: "fadp-controller" => swiss, |a| a.organization.legal_entity = None;
    fadp_purposes: "fadp-purposes" => swiss, |a| a.purposes.clear();
    fadp_recipient_country: "fadp-recipient-country" => swiss, |a| a.processors[0].countries.clear();
    fadp_transfer_safeguard: "fadp-transfer-safeguard" => swiss, |a| a.processors[2].safeguard = Default::default();
    fadp_transfer_mechanism: "fadp-transfer-mechanism" => swiss,
        |a| a.hosting.transfers[0].safeguard = Safeguard::Consent.into();
    // Adequacy under Swiss law: Germany (EEA) needs nothing, India has no decision.
    fadp_transfer_safeguard_adequacy: "fadp-transfer-safeguard" => |a| {
        swiss(a);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].countries = vec!["IN".parse().unwrap()];
    fadp_transfer_mechanism_worldwide: "fadp-transfer-mechanism" => swiss,
        |a| a.processors[1].worldwide = Some(true);
    fadp_transfer_safeguard_worldwide: "fadp-transfer-safeguard" => |a| {
        swiss(a);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].worldwide = Some(true);
    fadp_recipient_country_self_hosted: "fadp-recipient-country" => |a| {
        swiss(a);
        a.processors[0].countries.clear();
        a.processors[0].safeguard = Default::default();
        a.processors[0].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[0].deployment = Some(Deployment::Service);
    fadp_transfer_safeguard_none_needed: "fadp-transfer-safeguard" => swiss,
        |a| a.processors[2].safeguard = Safeguard::NotApplicable.into();
    fadp_representative: "fadp-representative" => |a| {
        swiss(a);
        a.organization.country = Some("US".parse().unwrap());
        a.organization.eu_representative = person("EU Rep B.V.");
        a.organization.swiss_representative = person("Swiss Rep AG");
    }, |a| a.organization.swiss_representative = None;

    // US states
    us_states_appeal: "us-states-appeal" => us_states, |a| a.rights.appeal = None;
    us_states_sale_disclosure: "us-states-sale-disclosure" => us_states,
        |a| a.sale_and_sharing.shares_for_advertising = None;
    us_states_opt_out_signal: "us-states-opt-out-signal" => |a| {
        us_states(a);
        a.sale_and_sharing.shares_for_advertising = Some(true);
        a.tracking.global_privacy_control = Some(GpcResponse::HonoredAsOptOut);
    }, |a| a.tracking.global_privacy_control = Some(GpcResponse::NotHonored);
    // Before Colorado's signal duty (1 July 2024) no state required it.
    us_states_opt_out_signal_by_date: "us-states-opt-out-signal" => |a| {
        us_states(a);
        a.sale_and_sharing.sells = Some(true);
        a.tracking.global_privacy_control = Some(GpcResponse::NotHonored);
        a.policy.last_updated = Some(date("2024-01-01"));
        a.policy.effective_date = None;
    }, |a| a.policy.effective_date = Some(date("2024-07-01"));
    us_states_texas_sensitive_sale: "us-states-texas-sensitive-sale" => |a| {
        us_states(a);
        a.sale_and_sharing.sells = Some(true);
        a.data.categories[1].ccpa_sensitive = Some(true);
        a.sale_and_sharing.sells_sensitive = Some(false);
    }, |a| a.sale_and_sharing.sells_sensitive = None;
    // 541.102(c): a biometric category (the CCPA's "biometric information"), selling
    // not ruled out, and no answer on whether biometric data is sold.
    us_states_texas_biometric_sale: "us-states-texas-biometric-sale" => |a| {
        us_states(a);
        a.sale_and_sharing.sells = Some(true);
        a.data.categories[1].ccpa_category = Some(CcpaCategory::Biometric);
        a.sale_and_sharing.sells_biometric = Some(false);
    }, |a| a.sale_and_sharing.sells_biometric = None;
    // Quiet while nothing is biometric or sensitive, though selling is not ruled out.
    us_states_texas_biometric_sale_category: "us-states-texas-biometric-sale" => |a| {
        us_states(a);
        a.sale_and_sharing.sells = None;
        a.data.categories[0].ccpa_sensitive = Some(false);
    }, |a| a.data.categories[1].ccpa_category = Some(CcpaCategory::Biometric);
    // Without California the CCPA category is not asked (nor kept): sensitive data,
    // which may be biometric, is enough to ask.
    us_states_texas_biometric_sale_sensitive: "us-states-texas-biometric-sale" => |a| {
        a.organization.country = Some("US".parse().unwrap());
        only(a, &[Region::UsOther]);
        a.sale_and_sharing.sells = None;
        a.data.categories[0].ccpa_sensitive = Some(false);
    }, |a| a.data.categories[1].ccpa_sensitive = Some(true);
    // 541.055(a): the e-mail address and a web form are two methods; the e-mail
    // address alone is one.
    us_states_texas_request_methods: "us-states-texas-request-methods" => |a| {
        us_states(a);
        a.organization.contact_form = Some("https://ledgerly.example/privacy-request".into());
    }, |a| a.organization.contact_form = None;
    // The toll-free number the California paragraph gives is a second method.
    us_states_texas_request_methods_toll_free: "us-states-texas-request-methods" => |a| {
        us_states(a);
        a.rights.exclusively_online = Some(false);
        a.rights.toll_free_number = Some("1-800-555-0100".into());
    }, |a| a.rights.toll_free_number = None;
    // Before Texas's law took effect (1 July 2024) the rule is silent.
    us_states_texas_request_methods_by_date: "us-states-texas-request-methods" => |a| {
        us_states(a);
        a.policy.last_updated = Some(date("2024-01-01"));
        a.policy.effective_date = None;
    }, |a| a.policy.effective_date = Some(date("2024-07-01"));
    us_states_purposes: "us-states-purposes" => us_states, |a| a.purposes.clear();
    // Quiet without sensitive data: the example's log-in with its password is CCPA
    // sensitive personal information, which the states' rule reads as theirs too.
    us_states_sensitive_consent: "us-states-sensitive-consent" => |a| {
        us_states(a);
        a.data.categories[0].ccpa_sensitive = Some(false);
    }, |a| a.data.categories[1].special_category = Some(true);
    us_states_thresholds: "us-states-thresholds" => none, us_states;

    // CCPA
    ccpa_thresholds: "ccpa-thresholds" => |a| a.audience.regions.retain(|r| *r != Region::California),
        |a| a.audience.regions.push(Region::California);
    ccpa_categories: "ccpa-categories" => none, |a| a.data.categories[0].ccpa_category = None;
    ccpa_purposes: "ccpa-purposes" => none, |a| a.purposes.clear();
    ccpa_sale_sharing: "ccpa-sale-sharing" => none, |a| a.sale_and_sharing.sells = None;
    ccpa_sold_categories: "ccpa-sold-categories" => none, |a| {
        a.sale_and_sharing.shares_for_advertising = Some(true);
    };
    ccpa_opt_out: "ccpa-opt-out" => |a| {
        a.sale_and_sharing.sells = Some(true);
        a.tracking.global_privacy_control = Some(GpcResponse::HonoredAsOptOut);
        a.rights.rights.push(right(RightKind::OptOutSale));
    }, |a| { a.rights.rights.pop(); };
    ccpa_opt_out_signal: "ccpa-opt-out-signal" => |a| {
        a.sale_and_sharing.sells = Some(true);
        a.tracking.global_privacy_control = Some(GpcResponse::HonoredAsOptOut);
    }, |a| a.tracking.global_privacy_control = Some(GpcResponse::NotHonored);
    ccpa_sensitive: "ccpa-sensitive" => |a| {
        a.data.categories[1].ccpa_sensitive = Some(true);
        a.sale_and_sharing.sensitive_beyond_permitted = Some(true);
        a.rights.rights.push(right(RightKind::LimitSensitive));
    }, |a| { a.rights.rights.pop(); };
    ccpa_sensitive_use: "ccpa-sensitive-use" => none,
        |a| a.sale_and_sharing.sensitive_beyond_permitted = None;
    // FN-8: a category mapped to the CCPA's "sensitive" category counts.
    ccpa_sensitive_use_by_category: "ccpa-sensitive-use" => |a| {
        a.data.categories[0].ccpa_sensitive = Some(false);
        a.sale_and_sharing.sensitive_beyond_permitted = None;
    }, |a| a.data.categories[1].ccpa_category = Some(CcpaCategory::SensitivePersonalInformation);
    ccpa_under_16: "ccpa-under-16" => none,
        |a| a.sale_and_sharing.sells_or_shares_under_16 = None;
    ccpa_business_purpose_disclosures: "ccpa-business-purpose-disclosures" => none,
        |a| a.processors[2].categories.clear();
    // Software we run ourselves discloses nothing: no row owed for it.
    ccpa_business_purpose_disclosures_self_hosted: "ccpa-business-purpose-disclosures" => |a| {
        a.processors[2].categories.clear();
        a.processors[2].safeguard = Default::default();
        a.processors[2].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[2].deployment = Some(Deployment::Proxied);
    ccpa_request_methods: "ccpa-request-methods" => none,
        |a| a.rights.exclusively_online = None;
    ccpa_authorized_agents: "ccpa-authorized-agents" => none, |a| a.rights.authorized_agents = Some(false);
    ccpa_verification: "ccpa-verification" => none, |a| a.rights.verification = None;
    ccpa_retention: "ccpa-retention" => none, |a| { a.retention.rules.pop(); };
    ccpa_annual_update: "ccpa-annual-update" => |a| a.audience.regions.retain(|r| *r != Region::California),
        |a| a.audience.regions.push(Region::California);

    // CalOPPA
    caloppa_do_not_track: "caloppa-do-not-track" => none, |a| a.tracking.do_not_track = None;
    caloppa_third_party_tracking: "caloppa-third-party-tracking" => none,
        |a| a.tracking.third_party_tracking = None;
    // FP-2: a policy with its last-updated date is quiet (that date is its effective
    // date when no other is given); only a draft without either fires.
    caloppa_effective_date: "caloppa-effective-date" => |a| a.policy.effective_date = None,
        |a| a.policy.last_updated = None;
    caloppa_changes: "caloppa-changes" => none, |a| a.changes.notify_by.clear();

    // COPPA
    coppa_parental_consent: "coppa-parental-consent" => kids, |a| a.audience.parental_consent = None;
    coppa_parent_rights: "coppa-parent-rights" => kids, |a| {
        a.audience.directed_to_children = Some(false);
        a.audience.minimum_age = Some(10);
    };
    coppa_operator_contact: "coppa-operator-contact" => kids, |a| a.organization.postal_address = None;
    coppa_telephone: "coppa-telephone" => none, kids;
    coppa_third_parties: "coppa-third-parties" => kids, |a| {
        a.processors[2].categories.clear();
        a.processors[2].data_description = None;
    };
    coppa_retention_policy: "coppa-retention-policy" => kids, |a| { a.retention.rules.pop(); };
    coppa_minimum_age: "coppa-minimum-age" => none, |a| a.audience.minimum_age = None;

    // LGPD
    lgpd_purposes: "lgpd-purposes" => none, |a| a.purposes.clear();
    lgpd_duration: "lgpd-duration" => none, |a| { a.retention.rules.pop(); };
    lgpd_controller: "lgpd-controller" => none, |a| a.organization.legal_entity = None;
    lgpd_legal_basis: "lgpd-legal-basis" => none, |a| a.purposes[1].legal_basis = Default::default();
    // For Brazil alone the basis is asked and kept too: the policy left the answered
    // bases out and the rule asked for them anyway (legal review, seventh round).
    lgpd_legal_basis_alone: "lgpd-legal-basis" => brazil_alone,
        |a| a.purposes[1].legal_basis = Default::default();
    lgpd_basis: "lgpd-basis" => brazil_alone,
        |a| a.purposes[1].legal_basis = LegalBasis::PublicTask.into();
    lgpd_encarregado: "lgpd-encarregado" => none, |a| a.organization.dpo = None;
    lgpd_response_time: "lgpd-response-time" => none,
        |a| a.rights.response_time = Some("30 days".parse().unwrap());
    lgpd_transfer: "lgpd-transfer" => none, |a| a.processors[0].safeguard = Default::default();
    // Brazil's recognition of the EEA does not reach data centres around the world.
    lgpd_transfer_worldwide: "lgpd-transfer" => none, |a| a.processors[0].worldwide = Some(true);

    // PIPEDA
    pipeda_accountable_person: "pipeda-accountable-person" => none, |a| a.organization.dpo = None;
    pipeda_cross_border: "pipeda-cross-border" => none, |a| a.hosting.transfers[0].details = None;
    // Issue 13 item 10: around the world is abroad; software we run ourselves is where
    // we host it. The base: everything in Canada, nothing transferred.
    pipeda_cross_border_worldwide: "pipeda-cross-border" => in_canada, |a| {
        a.processors[0].worldwide = Some(true);
    };
    pipeda_cross_border_self_hosted: "pipeda-cross-border" => |a| {
        in_canada(a);
        a.processors[0].countries = vec!["US".parse().unwrap()];
        a.processors[0].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[0].deployment = None;

    // Kazakhstan
    kz_localization: "kz-localization" => |a| {
        kazakhstan(a);
        a.organization.country = Some("KZ".parse().unwrap());
    }, |a| a.hosting.data_location.clear();
    // FP-4: a German operator serving Kazakhstan gets a warning, not the error.
    kz_localization_abroad: "kz-localization-abroad" => kazakhstan,
        |a| a.hosting.data_location.clear();
    kz_cross_border: "kz-cross-border" => kazakhstan, |a| a.processors[0].safeguard = Default::default();

    // Chrome Web Store
    cws_permissions: "cws-permissions" => extension, |a| a.extension.permissions.clear();
    cws_limited_use: "cws-limited-use" => extension, |a| a.extension.limited_use = Some(false);
    cws_no_sale: "cws-no-sale" => extension, |a| a.sale_and_sharing.shares_with_data_brokers = Some(true);

    // Consistency
    consistency_renderable: "consistency-renderable" => none,
        |a| a.organization.contact_email = "not an e-mail".into();
    consistency_processor_category: "consistency-processor-category" => none,
        |a| a.processors[0].categories.push("ghost".into());
    consistency_purpose_category: "consistency-purpose-category" => none,
        |a| a.purposes[0].categories.push("ghost".into());
    consistency_retention_category: "consistency-retention-category" => none,
        |a| a.retention.rules[0].categories.push("ghost".into());
    consistency_store_category: "consistency-store-category" => none,
        |a| a.hosting.stores[0].categories.push("ghost".into());
    consistency_region_rights: "consistency-region-rights" => |a| a.audience.regions.push(Region::RestOfWorld),
        |a| a.rights.rights.clear();
    consistency_stays_in_region: "consistency-stays-in-region" => |a| {
        a.hosting.stays_in_region = Some(true);
        a.hosting.transfers.clear();
        a.processors.truncate(1);
    }, |a| a.processors[0].countries = vec!["US".parse().unwrap()];
    consistency_stays_in_region_worldwide: "consistency-stays-in-region" => |a| {
        a.hosting.stays_in_region = Some(true);
        a.hosting.transfers.clear();
        a.processors.truncate(1);
    }, |a| a.processors[0].worldwide = Some(true);
    consistency_do_not_track: "consistency-do-not-track" => none,
        |a| a.tracking.cross_site_tracking = Some(true);
    consistency_gpc_sale: "consistency-gpc-sale" => none, |a| a.sale_and_sharing.sells = Some(true);
    // Without California, the claim matters from the first state signal duty
    // (Colorado, 1 July 2024); before it, no law the rule cites applies.
    consistency_gpc_sale_us_states: "consistency-gpc-sale" => |a| {
        a.organization.country = Some("US".parse().unwrap());
        only(a, &[Region::UsOther]);
        a.sale_and_sharing.sells = Some(true);
        a.policy.last_updated = Some(date("2024-01-01"));
        a.policy.effective_date = None;
    }, |a| a.policy.effective_date = Some(date("2024-07-01"));
    // "We do not sell personal information" beside "We have actual knowledge that we
    // sell or share the personal information of consumers under 16".
    consistency_under_16_sale: "consistency-under-16-sale" => none,
        |a| a.sale_and_sharing.sells_or_shares_under_16 = Some(true);
    consistency_complaint: "consistency-complaint" => |a| a.rights.complaint = None,
        |a| a.rights.complaint = Some(false);
    consistency_hosting_location: "consistency-hosting-location" => none,
        |a| a.hosting.stores[1].country = Some("US".parse().unwrap());
    consistency_hosting_provider_location: "consistency-hosting-location" => none,
        |a| a.processors[0].countries.push("US".parse().unwrap());
    consistency_hosting_provider_worldwide: "consistency-hosting-location" => none,
        |a| a.processors[0].worldwide = Some(true);
    // Our own servers are where we host: a self-hosted tool elsewhere is quiet, a
    // vendor-run one is not.
    consistency_hosting_location_self_hosted: "consistency-hosting-location" => |a| {
        a.processors[0].countries = vec!["US".parse().unwrap()];
        a.processors[0].deployment = Some(Deployment::SelfHosted);
    }, |a| a.processors[0].deployment = None;
    consistency_self_hosted: "consistency-self-hosted" => |a| {
        a.processors[0].deployment = Some(Deployment::SelfHosted);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].safeguard = Safeguard::StandardContractualClauses.into();
    consistency_self_hosted_worldwide: "consistency-self-hosted" => |a| {
        a.processors[0].deployment = Some(Deployment::SelfHosted);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].worldwide = Some(true);
    consistency_self_hosted_abroad: "consistency-self-hosted" => |a| {
        a.processors[0].deployment = Some(Deployment::SelfHosted);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].countries = vec!["US".parse().unwrap()];
    consistency_self_hosted_controller: "consistency-self-hosted" => |a| {
        a.processors[0].deployment = Some(Deployment::SelfHosted);
        a.processors[0].safeguard = Default::default();
    }, |a| a.processors[0].controller = Some(RecipientControl::Independent);
    consistency_children_age: "consistency-children-age" => |a| {
        kids(a);
        a.audience.minimum_age = Some(12);
    }, |a| a.audience.minimum_age = Some(16);
    // FN-11: a statement that audio is not recorded, and a permission for the microphone.
    consistency_not_collected: "consistency-not-collected" => |a| {
        a.data.not_collected.push(crate::answers::NotCollected {
            what: "Audio or voice recordings".into(),
            detail: None,
        });
        a.audience.product_kinds.push(ProductKind::MobileApp);
    }, |a| a.app.android_permissions.push(Permission {
        names: vec!["android.permission.RECORD_AUDIO".into()],
        used_for: "Voice memos attached to an expense".into(),
    });
    // FN-5: "We do not transfer personal data outside" while a recipient's place is unknown.
    consistency_stays_in_region_unknown: "consistency-stays-in-region-unknown" => |a| {
        a.hosting.stays_in_region = Some(true);
    }, |a| a.processors[2].countries.clear();
    // Around the world is a place: the statement is then known to be false (the rule
    // above), not unknowable.
    consistency_stays_in_region_unknown_worldwide: "consistency-stays-in-region-unknown" => |a| {
        a.hosting.stays_in_region = Some(true);
        a.processors[2].countries.clear();
        a.processors[2].worldwide = Some(true);
    }, |a| a.processors[2].worldwide = None;
    consistency_advertising_cookies: "consistency-advertising-cookies" => |a| {
        a.tracking.cookies.push(ad_cookie(None));
    }, |a| a.tracking.cookies.push(ad_cookie(Some("AdNet")));
    // An advertising network as a recipient contradicts "nothing is shared for
    // cross-context behavioral advertising" (Cal. Civ. Code 1798.140(ah)(1)).
    consistency_advertising_recipient: "consistency-advertising-recipient" => |a| {
        a.sale_and_sharing.shares_for_advertising = Some(false);
    }, |a| a.processors[0].role = ProcessorRole::Advertising;
    consistency_advertising_recipient_gpc: "consistency-advertising-recipient" => |a| {
        a.tracking.global_privacy_control = Some(GpcResponse::NothingToOptOut);
    }, |a| a.processors[0].role = ProcessorRole::Advertising;
    consistency_local_data_sent: "consistency-local-data-sent" => |a| {
        a.data.categories[4].stays_on = Some(LocalPlace::Device);
        a.processors[0].categories.retain(|c| c != "logs");
        for s in &mut a.hosting.stores {
            s.categories.retain(|c| c != "logs");
        }
    }, |a| a.processors[0].categories.push("logs".into());
    consistency_local_customers: "consistency-local-customers" => |a| {
        a.data.categories[4].stays_on = Some(LocalPlace::Device);
    }, |a| a.data.categories[4].role = Some(DataRole::Processor);

    consistency_retention_set_by: "consistency-retention-set-by" => |a| {
        a.retention.rules[0].set_by = Some("stripe".into());
        a.retention.rules[0].categories = vec!["billing".into()];
    }, |a| a.retention.rules[0].categories = vec!["books".into()];

    consistency_not_used: "consistency-not-used" => |a| {
        a.tracking.not_used = vec![NotUsed::Analytics];
    }, |a| a.processors[0].role = ProcessorRole::Analytics;
    consistency_not_used_ad_network: "consistency-not-used" => |a| {
        a.tracking.not_used = vec![NotUsed::AdvertisingSdks];
    }, |a| a.processors[0].role = ProcessorRole::Advertising;
    consistency_not_used_cookies: "consistency-not-used" => |a| {
        a.tracking.not_used = vec![NotUsed::Cookies];
        a.tracking.cookies.retain(|c| c.storage != StorageKind::Cookie);
    }, |a| a.tracking.cookies.push(ad_cookie(None));

    // Cookies and marketing (ePrivacy)
    gdpr_cookie_consent: "gdpr-cookie-consent" => |a| {
        a.tracking.cookies.push(ad_cookie(None));
        a.tracking.consent = Some(crate::answers::CookieConsent {
            how: "with a banner".into(),
            withdraw: "from Cookie settings".into(),
        });
    }, |a| a.tracking.consent = None;
    gdpr_cookie_advertising_necessary: "gdpr-cookie-advertising-necessary" => |a| {
        a.tracking.cookies.push(ad_cookie(None));
        a.tracking.consent = Some(crate::answers::CookieConsent {
            how: "with a banner".into(),
            withdraw: "from Cookie settings".into(),
        });
    }, |a| a.tracking.cookies.last_mut().unwrap().basis = Some(CookieBasis::StrictlyNecessary);
    // Telemetry
    gdpr_telemetry_turn_off: "gdpr-telemetry-turn-off" => |a| a.telemetry = Some(telemetry()),
        |a| a.telemetry.as_mut().unwrap().cli_flag = None;
    gdpr_telemetry_device_access: "gdpr-telemetry-device-access" => |a| {
        a.telemetry = Some(telemetry());
        a.telemetry.as_mut().unwrap().default = TelemetryDefault::OptIn;
    }, |a| a.telemetry.as_mut().unwrap().default = TelemetryDefault::OnByDefault;
    gdpr_marketing_unsubscribe: "gdpr-marketing-unsubscribe" => |a| a.marketing = Some(newsletter()),
        |a| a.marketing.as_mut().unwrap().unsubscribe = None;
    gdpr_marketing_basis: "gdpr-marketing-basis" => |a| a.marketing = Some(newsletter()),
        |a| a.marketing.as_mut().unwrap().basis = None;

    // Who decides (GDPR Art. 28)
    gdpr_processor_agreement: "gdpr-processor-agreement" => |a| {
        customers_books(a);
        a.data.for_customers = Some(dpa());
    }, |a| a.data.for_customers = None;
    gdpr_processor_basis: "gdpr-processor-basis" => |a| {
        customers_books(a);
        a.data.for_customers = Some(dpa());
    }, |a| {
        let i = a.purposes.iter().position(|p| p.legal_basis.is_empty()).unwrap();
        a.purposes[i].legal_basis = LegalBasis::Contract.into();
    };
    gdpr_subprocessor_changes: "gdpr-subprocessor-changes" => none,
        |a| a.data.subprocessor_changes.as_mut().unwrap().object_by = None;
    // Store forms against the policy
    store_category_absent: "store-category-absent" => mobile_store,
        |a| a.stores.categories[0].category = "contacts".into();
    store_category_unmapped: "store-category-unmapped" => mobile_store,
        |a| a.stores.categories[1].play.clear();
    store_category_unanswered: "store-category-unanswered" => mobile_store,
        |a| a.stores.categories[0].linked_to_user = None;
    store_tracking_att: "store-tracking-att" => |a| {
        mobile_store(a);
        a.sale_and_sharing.shares_for_advertising = None;
        a.stores.categories[0].tracking = Some(true);
        a.app.att_prompt = true;
    }, |a| a.app.att_prompt = false;
    store_shared_recipient: "store-shared-recipient" => |a| {
        mobile_store(a);
        a.stores.categories[0].shared = Some(true);
    }, |a| {
        for p in &mut a.processors {
            p.categories.retain(|c| c != "account");
        }
    };
    store_encryption: "store-encryption" => mobile_store,
        |a| a.security.measures.retain(|m| m.kind != SecurityMeasureKind::Tls);
    store_advertising: "store-advertising" => mobile_store,
        |a| a.stores.categories[4].uses.push(StoreUse::ThirdPartyAdvertising);
    store_app_permissions: "store-app-permissions" => mobile_store,
        |a| a.app.android_permissions.clear();
    // A waiver that covers a finding is quiet; moved to an answer with no finding, it
    // waives nothing and says so.
    consistency_stale_waiver: "consistency-stale-waiver" => |a| {
        a.purposes[0].legal_basis = Default::default();
        a.waivers.push(waiver("gdpr-legal-basis", Some("purposes[0]")));
    }, |a| a.waivers[0].answer = Some("purposes.billing".into());
    // A path that points at no answer is no suggestion; one that does fires.
    consistency_unconfirmed: "consistency-unconfirmed" => |a| a.mark_suggested("processors.gone"),
        |a| a.mark_suggested("purposes.0");
}

/// How customers hear of sub-processor changes is asked only of a processor for
/// business customers that has recipients: not of a controller alone, nor of one with
/// no recipient to change (GDPR Art. 28(2)). Left out entirely, it fires at its
/// question.
#[test]
fn subprocessor_changes_are_asked_only_of_a_processor_with_recipients() {
    let fires = |a: &Answers| -> Vec<String> {
        check(a)
            .into_iter()
            .filter(|f| f.rule() == "gdpr-subprocessor-changes")
            .map(|f| f.answer().to_owned())
            .collect()
    };
    let mut a = complete();
    a.data.subprocessor_changes = None;
    assert_eq!(fires(&a), ["data.subprocessor_changes"]);
    let mut controller = a.clone();
    for c in &mut controller.data.categories {
        c.role = None;
    }
    assert!(fires(&controller).is_empty());
    let mut alone = a.clone();
    alone.processors.clear();
    assert!(fires(&alone).is_empty());
}

/// The bookkeeping records become data processed for the operator's customers, in a
/// purpose of their own without a legal basis (the customer decides it).
fn customers_books(a: &mut Answers) {
    let i = a
        .data
        .categories
        .iter()
        .position(|c| c.id == "books")
        .unwrap();
    a.data.categories[i].role = Some(DataRole::Processor);
    for p in &mut a.purposes {
        p.categories.retain(|c| c != "books");
    }
    a.purposes.retain(|p| !p.categories.is_empty());
    a.purposes.push(crate::answers::Purpose {
        id: "client_books".into(),
        name: "To keep your clients' books".into(),
        description: "store and process the records you enter about your clients".into(),
        categories: vec!["books".into()],
        ..Default::default()
    });
}

/// Telemetry on by default that a command-line option turns off.
fn telemetry() -> crate::answers::Telemetry {
    crate::answers::Telemetry {
        default: TelemetryDefault::OnByDefault,
        sends: "the commands you run".into(),
        setting: None,
        env_var: None,
        cli_flag: Some("--no-telemetry".into()),
        follows_host: None,
        to: Vec::new(),
    }
}

fn newsletter() -> crate::answers::Marketing {
    crate::answers::Marketing {
        messages: "a monthly newsletter by e-mail".into(),
        basis: Some(crate::answers::vocab::MarketingBasis::Consent),
        unsubscribe: Some("with the link in every e-mail".into()),
    }
}

fn dpa() -> crate::answers::CustomerData {
    crate::answers::CustomerData {
        dpa_url: Some("https://example.com/dpa".into()),
        ..Default::default()
    }
}

fn waiver(rule: &str, answer: Option<&str>) -> Waiver {
    Waiver {
        rule: rule.into(),
        answer: answer.map(str::to_owned),
        reason: "Art. 27(2)(a): occasional processing".into(),
        until: None,
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn check_on(a: &Answers, today: &str) -> Vec<Finding> {
    super::check_on(&Policy::with_builtin_catalog(a).unwrap(), date(today))
}

#[test]
fn every_rule_has_a_test_and_a_unique_id() {
    let ids: Vec<&str> = rules().map(|r| r.id).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate rule ids");
    let untested: Vec<_> = ids.iter().filter(|id| !TESTED.contains(id)).collect();
    assert!(untested.is_empty(), "rules without a test: {untested:?}");
}

#[test]
fn rules_are_well_formed() {
    for r in rules() {
        let prefix = match r.regime {
            Regime::Gdpr => "gdpr-",
            Regime::UkGdpr => "uk-",
            Regime::SwissFadp => "fadp-",
            Regime::UsStates => "us-states-",
            Regime::Ccpa => "ccpa-",
            Regime::Caloppa => "caloppa-",
            Regime::Coppa => "coppa-",
            Regime::Lgpd => "lgpd-",
            Regime::Pipeda => "pipeda-",
            Regime::Kazakhstan => "kz-",
            Regime::ChromeWebStore => "cws-",
            Regime::Stores => "store-",
            Regime::Consistency => "consistency-",
        };
        assert!(
            r.id.starts_with(prefix),
            "{} is not in {:?}",
            r.id,
            r.regime
        );
        assert!(
            !r.citation.is_empty() && !r.applies_when.is_empty(),
            "{}",
            r.id
        );
        assert!(
            !r.message.ends_with('.'),
            "{}: messages end without a full stop",
            r.id
        );
    }
}

/// Every rule says when it was last held against its source, as a real date no later
/// than today: `--explain` and JSON findings show it, so a stale rule can be seen.
#[test]
fn every_rule_has_a_review_date() {
    let today = crate::versions::today();
    for r in rules() {
        let date: crate::answers::values::Date = r
            .reviewed
            .parse()
            .unwrap_or_else(|e| panic!("{}: reviewed {:?}: {e}", r.id, r.reviewed));
        assert_eq!(date.to_string(), r.reviewed, "{}: write YYYY-MM-DD", r.id);
        assert!(date <= today, "{}: reviewed in the future", r.id);
    }
}

#[test]
fn complete_example_passes_every_rule() {
    let a = complete();
    let serious: Vec<_> = check(&a)
        .into_iter()
        .filter(|f| f.severity() != Severity::Info)
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    for r in [
        Region::Eea,
        Region::Uk,
        Region::California,
        Region::Brazil,
        Region::Canada,
    ] {
        assert!(a.audience.serves(r), "complete.json must serve {r:?}");
    }
}

#[test]
fn findings_are_sorted_by_regime_then_severity_then_rule() {
    let mut a = complete();
    a.organization.contact_email = "nope".into();
    a.organization.country = None;
    a.purposes[0].legal_basis = Default::default();
    a.tracking.do_not_track = None;
    let findings = check(&a);
    let keys: Vec<_> = findings
        .iter()
        .map(|f| (f.regime(), f.severity(), f.rule()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(findings.first().unwrap().regime(), Regime::Gdpr);
    assert_eq!(findings.last().unwrap().rule(), "consistency-renderable");
}

/// A dangling reference is reported once, by the rule that names it.
#[test]
fn dangling_references_are_not_reported_twice() {
    let mut a = complete();
    let at = a.processors[0].categories.len();
    a.processors[0].categories.push("ghost".into());
    let found: Vec<_> = check(&a)
        .into_iter()
        .filter(|f| f.regime() == Regime::Consistency)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), format!("processors[0].categories[{at}]"));
}

/// `consistency-region-rights` trusts that the built-in rights section has a
/// paragraph for these regions; hold that to the template.
#[test]
fn region_rights_list_matches_the_rights_template() {
    let (_, template) = crate::render::TEMPLATES
        .iter()
        .find(|(name, _)| *name == "sections/rights.md")
        .unwrap();
    for region in Region::ALL {
        // The European paragraph is chosen by `law` (`european.*`), the others by region.
        let european = matches!(region, Region::Eea | Region::Uk | Region::Switzerland);
        let in_template = if european {
            template.contains("european.any")
        } else {
            template.contains(&format!("serves.{}", region.key()))
        };
        let listed = consistency::template_regions().contains(region);
        assert_eq!(in_template, listed, "{region:?}");
    }
}

#[test]
fn notes_name_the_offending_entry() {
    let mut a = complete();
    a.purposes[1].legal_basis = Default::default();
    let f = &fired(&a, "gdpr-legal-basis")[0];
    assert_eq!(f.answer(), "purposes[1].legal_basis");
    assert!(
        f.message()
            .to_string()
            .ends_with("purpose `To bill your subscription`"),
        "{}",
        f.message()
    );
    assert_eq!(f.citation(), "GDPR Art. 13(1)(c)");
}

#[test]
fn summary_counts_and_reads() {
    let mut a = complete();
    a.purposes[0].legal_basis = Default::default();
    a.sale_and_sharing.sells = Some(true);
    let s = Summary::of(&check(&a));
    assert!(s.errors >= 1 && s.warnings >= 1 && s.info == 2, "{s:?}");
    let one = Summary {
        errors: 1,
        warnings: 0,
        info: 1,
        waived: 0,
    };
    assert_eq!(one.to_string(), "1 error, 0 warnings, 1 info");
}

/// Every answer a finding points at has a question in the interview's catalog, so
/// `edit` and the wizard can jump to it.
#[test]
fn every_answer_path_has_a_question() {
    let mut seen = Vec::new();
    let mut add = |a: &Answers| {
        for f in check(a) {
            seen.push((f.rule(), f.answer().to_owned()));
        }
    };
    for example in [
        include_str!("../../examples/stepr.json"),
        include_str!("../../examples/specstep.json"),
    ] {
        add(&Answers::from_json(example).unwrap());
    }
    // Break complete.json every way the per-rule tests do.
    let mut a = complete();
    a.organization.legal_entity = None;
    a.organization.dpo = None;
    a.organization.uk_representative = None;
    a.organization.country = Some("US".parse().unwrap());
    a.organization.postal_address = None;
    a.policy.effective_date = None;
    a.audience.regions.push(Region::Kazakhstan);
    a.audience.regions.push(Region::RestOfWorld);
    a.audience.product_kinds.push(ProductKind::BrowserExtension);
    a.audience.minimum_age = Some(10);
    a.purposes[0].legal_basis = Default::default();
    a.purposes[2].legitimate_interest = None;
    a.data.categories[0].required = None;
    a.data.categories[0].ccpa_category = None;
    a.data.categories[1].special_category = Some(true);
    a.data.categories[3].source_name = None;
    a.processors[0].countries.clear();
    a.processors[1].safeguard = Default::default();
    a.processors[2].categories.clear();
    a.processors[2].data_description = None;
    a.processors[2].categories.push("ghost".into());
    a.hosting.transfers[0].safeguard = Safeguard::Consent.into();
    a.hosting.transfers[0].details = None;
    a.hosting.data_location.clear();
    a.retention.rules.pop();
    a.rights.rights.clear();
    a.rights.verification = None;
    a.rights.authorized_agents = Some(false);
    a.sale_and_sharing.sells = Some(true);
    a.sale_and_sharing.shares_for_advertising = None;
    a.tracking.do_not_track = None;
    a.tracking.third_party_tracking = None;
    a.changes.notify_by.clear();
    a.ai.makes_automated_decisions = Some(true);
    a.ai.automated_decisions = Some("Fraud checks suspend accounts".into());
    a.organization.contact_email = "nope".into();
    a.rights.complaint = Some(false);
    a.hosting.stores[1].country = Some("US".parse().unwrap());
    a.tracking.cookies.push(ad_cookie(Some("AdNet")));
    add(&a);
    let mut a = complete();
    kids(&mut a);
    a.audience.minimum_age = Some(16);
    add(&a);
    assert!(seen.len() > 40, "{}", seen.len());
    let orphans: Vec<_> = seen
        .iter()
        .filter(|(_, path)| crate::questions::find(path).is_none())
        .collect();
    assert!(orphans.is_empty(), "answers with no question: {orphans:#?}");
}

/// Whether the question at a finding's path (a top-level answer, or a field of a list
/// entry such as `purposes[0].legal_basis`) is asked for these answers.
fn asked(a: &Answers, path: &str) -> bool {
    use crate::questions::{Kind, Scope};
    let (section, i) = crate::questions::find(path).expect("a question");
    let q = &section.questions[i];
    let top = Scope {
        answers: a,
        record: None,
    };
    if !q.applies(&top) {
        return false;
    }
    let (Kind::Records(r), Some(rest)) = (&q.kind, path.strip_prefix(q.key)) else {
        return true;
    };
    let Some((index, field)) = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once("]."))
        .and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)))
    else {
        return true;
    };
    let list = crate::answers::set::answer_at(a, q.key).unwrap_or_default();
    let record = &list[index];
    let field = field.split(['.', '[']).next().unwrap_or(field);
    r.fields.iter().find(|f| f.key == field).is_none_or(|f| {
        f.applies(&Scope {
            answers: a,
            record: Some(record),
        })
    })
}

/// Architecture review B2: `check` demanded a legal basis that the interview did not
/// ask (the operator is established in the EEA but serves only California), and the
/// wizard deleted it. Whatever a rule points at, the interview asks.
#[test]
fn every_finding_points_at_a_question_the_interview_asks() {
    let mut cases = Vec::new();
    let mut acme = Answers::from_json(include_str!("../../examples/acme.json")).unwrap();
    acme.audience.regions = vec![Region::California];
    acme.purposes[0].legal_basis = Default::default();
    acme.processors[0].safeguard = Default::default();
    cases.push(acme);
    let mut a = complete();
    a.organization.country = Some("CH".parse().unwrap());
    a.audience.regions = vec![Region::Brazil];
    a.purposes[0].legal_basis = Default::default();
    cases.push(a);
    for example in [
        include_str!("../../examples/stepr.json"),
        include_str!("../../examples/specstep.json"),
        include_str!("../../examples/complete.json"),
    ] {
        cases.push(Answers::from_json(example).unwrap());
    }
    let mut a = complete();
    a.waivers.push(waiver("gdpr-legal-basis", None));
    a.waivers
        .push(waiver("gdpr-legal-basis", Some("purposes[1]")));
    let mut lapsed = waiver("gdpr-legal-basis", None);
    lapsed.until = Some(date("2000-01-01"));
    a.purposes[0].legal_basis = Default::default();
    a.waivers.push(lapsed);
    a.waivers.remove(0);
    cases.push(a);
    // Every regime's fixture, as it is and with every kind of answer a rule asks for
    // taken away: each regime's rules then fire on answers that serve only its region.
    for fixture in REGIME_FIXTURES {
        let a = Answers::from_json(fixture).unwrap();
        cases.push(a.clone());
        cases.push(stripped(a));
    }
    let mut pointed = 0;
    for a in &cases {
        for f in check(a) {
            pointed += 1;
            assert!(
                asked(a, f.answer()),
                "{} points at {}, which the interview does not ask",
                f.rule(),
                f.answer()
            );
        }
    }
    assert!(pointed > 10, "{pointed}");
    let legal_basis: Vec<_> = check(&cases[0])
        .into_iter()
        .filter(|f| f.rule() == "gdpr-legal-basis")
        .collect();
    assert_eq!(
        legal_basis.len(),
        1,
        "established in the EEA: the GDPR applies"
    );
}

/// The answers of `tests/fixtures/regimes/`: one policy per regime that satisfies it.
const REGIME_FIXTURES: &[&str] = &[
    include_str!("../../tests/fixtures/regimes/gdpr.json"),
    include_str!("../../tests/fixtures/regimes/uk_gdpr.json"),
    include_str!("../../tests/fixtures/regimes/swiss_fadp.json"),
    include_str!("../../tests/fixtures/regimes/ccpa.json"),
    include_str!("../../tests/fixtures/regimes/caloppa.json"),
    include_str!("../../tests/fixtures/regimes/us_states.json"),
    include_str!("../../tests/fixtures/regimes/coppa.json"),
    include_str!("../../tests/fixtures/regimes/lgpd.json"),
    include_str!("../../tests/fixtures/regimes/pipeda.json"),
    include_str!("../../tests/fixtures/regimes/kazakhstan.json"),
    include_str!("../../tests/fixtures/regimes/chrome_web_store.json"),
];

/// The answers with what the rules most often ask for taken away.
fn stripped(mut a: Answers) -> Answers {
    let o = &mut a.organization;
    o.legal_entity = None;
    o.dpo = None;
    o.postal_address = None;
    o.eu_representative = None;
    o.uk_representative = None;
    o.swiss_representative = None;
    a.purposes.iter_mut().for_each(|p| {
        p.legal_basis = Default::default();
        p.legitimate_interest = None;
    });
    a.data.categories.iter_mut().for_each(|c| {
        c.required = None;
        c.ccpa_category = None;
        c.source_name = None;
        c.special_category = Some(true);
        c.ccpa_sensitive = Some(true);
    });
    a.processors.iter_mut().for_each(|p| {
        p.safeguard = Default::default();
        p.countries.clear();
    });
    a.hosting.transfers.iter_mut().for_each(|t| {
        t.safeguard = Default::default();
        t.details = None;
    });
    a.hosting.data_location.clear();
    a.retention.rules.clear();
    a.rights = Default::default();
    a.rights.response_time = Some("2 months".parse().unwrap());
    a.sale_and_sharing = Default::default();
    a.tracking.do_not_track = None;
    a.tracking.third_party_tracking = None;
    a.tracking.global_privacy_control = None;
    a.changes.notify_by.clear();
    a.policy.effective_date = None;
    a.audience.minimum_age = None;
    a.audience.parental_consent = None;
    a.extension.permissions.clear();
    a.extension.limited_use = Some(false);
    a
}

/// Issue 12, "a test per regime": each regime's fixture passes `check` with no error,
/// and the regime's rules do apply to it (the fixture is about that regime).
#[test]
fn each_regime_fixture_satisfies_its_regime() {
    let keys = [
        "gdpr",
        "uk_gdpr",
        "swiss_fadp",
        "ccpa",
        "caloppa",
        "us_states",
        "coppa",
        "lgpd",
        "pipeda",
        "kazakhstan",
        "chrome_web_store",
    ];
    for (key, fixture) in keys.iter().zip(REGIME_FIXTURES) {
        let a = Answers::from_json(fixture).unwrap();
        let regime_rules: Vec<_> = rules().filter(|r| r.regime.key() == *key).collect();
        assert!(!regime_rules.is_empty(), "no regime {key}");
        assert!(
            regime_rules.iter().any(|r| (r.applies)(&a)),
            "{key}: none of the regime's rules applies to its fixture"
        );
        let errors: Vec<_> = check(&a)
            .into_iter()
            .filter(|f| f.severity() == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{key}: {errors:#?}");
        let broken = check(&stripped(a));
        assert!(
            broken
                .iter()
                .any(|f| f.regime().key() == *key && f.severity() != Severity::Info),
            "{key}: stripping the answers finds nothing for the regime"
        );
    }
}

/// The README lists every rule that catches a contradiction, with its source; the
/// other consistency rules are summarised in its regime table.
#[test]
fn readme_lists_the_contradiction_rules() {
    let readme = include_str!("../../README.md");
    let summarised = [
        "consistency-renderable",
        "consistency-processor-category",
        "consistency-purpose-category",
        "consistency-retention-category",
        "consistency-store-category",
        "consistency-region-rights",
        waivers::STALE,
    ];
    for r in rules().filter(|r| r.regime == Regime::Consistency) {
        if !summarised.contains(&r.id) {
            assert!(
                readme.contains(&format!("| `{}`", r.id)),
                "README's contradiction table lacks {}",
                r.id
            );
        }
    }
}

/// A waived finding is still listed, marked with its waiver, and counted apart: an
/// error no longer counts as one.
#[test]
fn a_waived_finding_is_listed_and_not_counted() {
    let mut a = complete();
    a.purposes[0].legal_basis = Default::default();
    let before = Summary::of(&check(&a));
    a.waivers.push(waiver("gdpr-legal-basis", None));
    let findings = check(&a);
    let after = Summary::of(&findings);
    assert_eq!(after.errors, before.errors - 1, "{findings:#?}");
    assert_eq!(after.waived, 1);
    assert_eq!((after.warnings, after.info), (before.warnings, before.info));
    let f = findings
        .iter()
        .find(|f| f.rule() == "gdpr-legal-basis")
        .unwrap();
    let w = f.waived.as_ref().unwrap();
    assert_eq!(w.waiver, "waivers[0]");
    assert_eq!(w.reason, "Art. 27(2)(a): occasional processing");
    // Other rules' findings at the same answer are not waived.
    assert!(
        findings
            .iter()
            .filter(|f| f.rule() != "gdpr-legal-basis")
            .all(|f| f.waived.is_none())
    );
    assert!(after.to_string().ends_with(", 1 waived"), "{after}");
}

/// A waiver with an answer covers the findings at that answer or inside it, written
/// as findings write paths or as `--set` does (by position or id).
#[test]
fn a_waiver_with_an_answer_covers_only_that_answer() {
    let mut a = complete();
    a.purposes[0].legal_basis = Default::default();
    a.purposes[1].legal_basis = Default::default();
    for answer in [
        "purposes[1].legal_basis",
        "purposes[1]",
        "purposes.1",
        "purposes.billing",
        "purposes.billing.legal_basis",
    ] {
        a.waivers = vec![waiver("gdpr-legal-basis", Some(answer))];
        let waived: Vec<_> = check(&a)
            .into_iter()
            .filter(|f| f.rule() == "gdpr-legal-basis")
            .map(|f| (f.answer().to_owned(), f.waived.is_some()))
            .collect();
        assert_eq!(
            waived,
            [
                ("purposes[0].legal_basis".to_owned(), false),
                ("purposes[1].legal_basis".to_owned(), true)
            ],
            "{answer}"
        );
    }
    // A prefix of a path is no answer: `purposes[1]` does not cover `purposes[10]`.
    a.waivers = vec![waiver("gdpr-legal-basis", Some("purposes[1].legal"))];
    assert!(check(&a).iter().all(|f| f.waived.is_none()));
}

/// `until` is the last day a waiver holds; the day after, its findings count again
/// and the waiver is reported as stale, pointing at its date.
#[test]
fn an_expired_waiver_waives_nothing_and_says_so() {
    let mut a = complete();
    a.purposes[0].legal_basis = Default::default();
    let mut w = waiver("gdpr-legal-basis", None);
    w.until = Some(date("2027-06-30"));
    a.waivers.push(w);
    let on_the_day = check_on(&a, "2027-06-30");
    assert_eq!(Summary::of(&on_the_day).waived, 1);
    assert!(on_the_day.iter().all(|f| f.rule() != waivers::STALE));
    let after = check_on(&a, "2027-07-01");
    let s = Summary::of(&after);
    assert_eq!(s.waived, 0);
    assert!(after.iter().any(|f| f.rule() == "gdpr-legal-basis"));
    let stale: Vec<_> = after
        .iter()
        .filter(|f| f.rule() == waivers::STALE)
        .collect();
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0].answer(), "waivers[0].until");
    assert_eq!(stale[0].severity(), Severity::Info);
    assert!(
        stale[0]
            .message()
            .to_string()
            .contains("expired on 2027-06-30")
    );
}

/// A waiver names a rule that exists and can be waived; a mistyped id is a problem of
/// the answers, named with the closest rule, like a mistyped catalog id.
#[test]
fn waivers_name_rules_that_exist() {
    let mut a = complete();
    a.waivers.push(waiver("gdpr-eu-represntative", None));
    a.waivers.push(waiver("consistency-renderable", None));
    a.waivers.push(waiver(waivers::STALE, None));
    let problems = Policy::with_builtin_catalog(&a).unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{text:#?}");
    assert_eq!(problems[0].path, "waivers[0].rule");
    assert!(
        problems[0]
            .message
            .contains("did you mean `gdpr-eu-representative`?"),
        "{}",
        problems[0].message
    );
    assert!(problems[1].message.contains("cannot be waived"));
    assert!(problems[2].message.contains("cannot be waived"));
}

/// A reason is what makes a waiver reviewable: a blank one stops the answers, as any
/// required answer does.
#[test]
fn a_waiver_needs_a_reason() {
    let mut a = complete();
    let mut w = waiver("gdpr-legal-basis", None);
    w.reason = "  ".into();
    a.waivers.push(w);
    let problems = a.problems();
    assert!(
        problems.iter().any(|p| p.path == "waivers[0].reason"),
        "{problems:?}"
    );
}

/// Waivers never reach the policy's text, like `workspace`.
#[test]
fn waivers_are_never_rendered() {
    let mut a = complete();
    let mut w = waiver("gdpr-legal-basis", None);
    w.reason = "A reason nobody should read in the policy".into();
    a.waivers.push(w);
    let render = |a: &Answers| {
        let policy = Policy::with_builtin_catalog(a).unwrap();
        crate::render::Renderer::new(None)
            .unwrap()
            .render(&policy, crate::render::Format::Markdown)
            .unwrap()
    };
    let with = render(&a);
    assert!(!with.contains("A reason nobody should read"));
    a.waivers.clear();
    assert_eq!(with, render(&a));
}

/// The questions issue 12 added (or widened) are asked when their law applies and
/// not otherwise, so a founder outside these regions never meets them.
#[test]
fn regime_questions_follow_their_law() {
    let mut a = complete();
    only(&mut a, &[Region::Eea]);
    a.sale_and_sharing.sells = None;
    a.data.categories[1].special_category = Some(true);
    for path in [
        "sale_and_sharing.sells_sensitive",
        "organization.swiss_representative",
        "rights.complaints",
        "tracking.global_privacy_control",
    ] {
        assert!(!asked(&a, path), "{path} asked for an EEA-only product");
    }
    a.audience.regions = vec![Region::UsOther, Region::Switzerland, Region::Uk];
    a.organization.country = Some("US".parse().unwrap());
    for path in [
        "sale_and_sharing.sells_sensitive",
        "organization.swiss_representative",
        "rights.complaints",
        "tracking.global_privacy_control",
        "rights.appeal",
    ] {
        assert!(asked(&a, path), "{path} not asked");
    }
    // Texas's question only while selling is not ruled out.
    a.sale_and_sharing.sells = Some(false);
    assert!(!asked(&a, "sale_and_sharing.sells_sensitive"));
    // Transfer safeguards are asked for Brazil and Kazakhstan alone too.
    for region in [Region::Brazil, Region::Kazakhstan] {
        let mut a = complete();
        a.organization.country = Some("US".parse().unwrap());
        only(&mut a, &[region]);
        assert!(asked(&a, "processors[1].safeguard"), "{region:?}");
    }
}

/// Data collected by third-party code in the product is collected from the user (GDPR
/// Art. 13), not obtained from a third party: Art. 14(2)(f)'s source is not asked for.
#[test]
fn an_sdk_in_the_product_is_not_a_third_party_source() {
    let mut a = complete();
    a.data.categories[4].source = DataSource::ThirdPartySdk.into();
    a.data.categories[4].source_name = None;
    assert!(fired(&a, "gdpr-sources").is_empty());
    assert!(
        fired(&a, "gdpr-sdk-recipient").is_empty(),
        "Hetzner receives the logs"
    );
}

/// Legal review FN-11 as Stepr had it: the denial is a sentence of a category's
/// description, the contradiction an extension permission's purpose.
#[test]
fn a_denial_in_a_description_meets_a_permission() {
    case(
        "consistency-not-collected",
        |a| {
            a.audience.product_kinds.push(ProductKind::BrowserExtension);
            a.data.categories[1]
                .description
                .push_str(". We do not record video or audio");
        },
        |a| {
            a.extension.permissions.push(Permission {
                names: vec!["offscreen".into()],
                used_for: "Capture microphone input for voice-annotated steps".into(),
            })
        },
    );
    // Only audio is contradicted, so the finding names audio and not video.
    let mut a = complete();
    a.audience.product_kinds.push(ProductKind::BrowserExtension);
    a.data.categories[1]
        .description
        .push_str(". We do not record video or audio");
    a.extension.permissions.push(Permission {
        names: vec!["audioCapture".into()],
        used_for: "Voice notes".into(),
    });
    let found = fired(&a, "consistency-not-collected");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), "data.categories[1].description");
}

/// A location denial meets a category the CCPA table calls geolocation; a denial of
/// something else, or a permission for something else, is quiet.
#[test]
fn a_location_denial_meets_a_geolocation_category() {
    case(
        "consistency-not-collected",
        |a| {
            a.data.not_collected.push(crate::answers::NotCollected {
                what: "Your precise location".into(),
                detail: None,
            });
            a.audience.product_kinds.push(ProductKind::BrowserExtension);
            a.extension.permissions.push(Permission {
                names: vec!["storage".into()],
                used_for: "Remember your preferences".into(),
            });
        },
        |a| a.data.categories[1].ccpa_category = Some(CcpaCategory::Geolocation),
    );
}

/// "All data is hosted within" alone is contradicted only by a host or a database of
/// unknown place; a certificate authority never is.
#[test]
fn hosting_location_asks_only_hosts_where_they_are() {
    let mut a = complete();
    a.hosting.stays_in_region = None;
    a.hosting.data_location = vec!["DE".parse().unwrap()];
    a.processors[2].countries.clear();
    assert!(fired(&a, "consistency-stays-in-region-unknown").is_empty());
    a.processors[2].role = ProcessorRole::Tls;
    a.hosting.stays_in_region = Some(true);
    assert!(fired(&a, "consistency-stays-in-region-unknown").is_empty());
    a.processors[0].countries.clear();
    let found = fired(&a, "consistency-stays-in-region-unknown");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].answer(), "processors[0].countries");
    assert!(
        found[0].message().to_string().contains("`Hetzner`"),
        "{}",
        found[0].message()
    );
}

/// Issue 12 review: the two required elements are errors, and a waiver still clears
/// them.
#[test]
fn required_transfer_basis_and_business_purpose_list_are_errors() {
    let mut a = complete();
    a.processors[0].safeguard = Default::default();
    a.processors[2].categories.clear();
    for id in ["lgpd-transfer", "ccpa-business-purpose-disclosures"] {
        let found = fired(&a, id);
        assert!(!found.is_empty(), "{id} did not fire");
        assert!(
            found.iter().all(|f| f.severity() == Severity::Error),
            "{id}: {found:#?}"
        );
        // Waived with a reason, each is listed as waived and stops nothing.
        let mut w = a.clone();
        w.waivers.push(waiver(id, None));
        let found = check_on(&w, "2026-12-06");
        let mine: Vec<_> = found.iter().filter(|f| f.rule() == id).collect();
        assert!(
            !mine.is_empty() && mine.iter().all(|f| f.waived.is_some()),
            "{mine:#?}"
        );
    }
}

/// A TLS certificate authority receives no consumer's data, so it needs no row in the
/// California table.
#[test]
fn a_certificate_authority_needs_no_business_purpose_row() {
    let mut a = complete();
    a.processors[2].categories.clear();
    a.processors[2].data_description = Some("no personal data".into());
    a.processors[2].role = ProcessorRole::Tls;
    assert!(fired(&a, "ccpa-business-purpose-disclosures").is_empty());
}

/// Issue 13 item 3 and the store forms: data the policy lists as staying on the
/// device is never sent anywhere, which is what Play and Apple mean by data that is
/// not collected; the store rules neither ask about it nor ask for its data types,
/// unless the store answer says it does leave the device.
#[test]
fn data_that_stays_on_the_device_is_not_asked_about_for_the_stores() {
    let a = Answers::from_json(include_str!(
        "../../tests/fixtures/model_v2/stridewell.json"
    ))
    .unwrap();
    let names = |a: &Answers, id: &str| -> Vec<String> {
        fired(a, id)
            .into_iter()
            .map(|f| f.message().to_string())
            .collect()
    };
    for id in ["store-category-unanswered", "store-category-unmapped"] {
        let found = names(&a, id);
        // The rule still asks about the categories that are sent.
        assert!(
            found.iter().any(|m| m.contains("(crashes)")),
            "{id}: {found:#?}"
        );
        assert!(
            !found.iter().any(|m| m.contains("(route_drafts)")),
            "{id}: {found:#?}"
        );
    }
    let mut said = a.clone();
    said.stores.categories.push(crate::answers::StoreCategory {
        category: "route_drafts".into(),
        on_device_only: Some(false),
        ..Default::default()
    });
    for id in ["store-category-unanswered", "store-category-unmapped"] {
        let found = names(&said, id);
        assert!(
            found.iter().any(|m| m.contains("(route_drafts)")),
            "{id}: {found:#?}"
        );
    }
}

/// Findings are made in the order they are reported instead of sorted afterwards:
/// the same list, in the same order, as every rule's findings in the rules' own order
/// with the stale-waiver rule's added, sorted (stably) by regime, severity and rule.
/// On every example, and with waivers that cover, expire and match nothing.
#[test]
fn findings_come_in_the_order_a_stable_sort_gave() {
    let key = |f: &Finding| (f.regime(), f.severity(), f.rule());
    let sorted_afterwards = |a: &Answers, today: Date| -> Vec<(String, String, bool)> {
        let policy = Policy::with_builtin_catalog(a).unwrap();
        let a = policy.answers();
        let mut findings: Vec<Finding> = rules()
            .filter(|r| r.id != waivers::STALE && (r.applies)(a))
            .flat_map(|r| (r.test)(a).into_iter().map(move |hit| finding(r, hit)))
            .collect();
        let stale = rules().find(|r| r.id == waivers::STALE).unwrap();
        if (stale.applies)(a) {
            let hits = waivers::stale_given(a, &findings);
            findings.extend(hits.into_iter().map(|hit| finding(stale, hit)));
        }
        let expired = waivers::apply(a, &mut findings, today);
        findings.extend(expired);
        findings.sort_by(|x, y| key(x).cmp(&key(y)));
        findings.iter().map(said).collect()
    };
    fn said(f: &Finding) -> (String, String, bool) {
        (
            f.answer().to_owned(),
            f.message().to_string(),
            f.waived.is_some(),
        )
    }
    let mut cases: Vec<Answers> = [
        "acme", "complete", "habitly", "lintel", "shipdesk", "specstep", "stepr", "tabnotes",
    ]
    .iter()
    .map(|name| Answers::example(name))
    .collect();
    let mut waived = complete();
    waived.purposes[0].legal_basis = Default::default();
    waived.organization.dpo = None;
    let mut expired = waiver("gdpr-legal-basis", None);
    expired.until = Some(date("2001-01-01"));
    waived.waivers = vec![
        expired,
        waiver("gdpr-legal-basis", None),
        waiver("gdpr-eu-representative", None),
    ];
    cases.push(waived);
    let today = date("2026-12-06");
    let mut stale_reported = 0;
    for a in cases {
        let made = check_on(&a, "2026-12-06");
        stale_reported += made.iter().filter(|f| f.rule() == waivers::STALE).count();
        assert!(made.is_sorted_by_key(key));
        assert_eq!(
            made.iter().map(said).collect::<Vec<_>>(),
            sorted_afterwards(&a, today)
        );
    }
    assert!(stale_reported >= 2, "expired and stale waivers reported");
}

/// `consistency-stays-in-region` is a warning because whatever it finds makes the
/// policy leave "We do not transfer personal data outside ..." out: the text stays
/// true, only the answer is wrong. Each time it fires, the sentence is not there.
#[test]
fn a_stays_in_region_finding_never_meets_the_statement() {
    let renderer = crate::render::Renderer::new(None).unwrap();
    let said = |a: &Answers| {
        let policy = Policy::with_builtin_catalog(a).unwrap();
        renderer
            .render(&policy, crate::render::Format::Markdown)
            .unwrap()
            .contains("We do not transfer personal data outside")
    };
    let mut a = complete();
    a.hosting.stays_in_region = Some(true);
    a.hosting.transfers.clear();
    a.processors.truncate(1);
    assert!(fired(&a, "consistency-stays-in-region").is_empty());
    assert!(said(&a), "stated while nothing contradicts it");
    for change in [
        |a: &mut Answers| a.processors[0].countries = vec!["US".parse().unwrap()],
        |a: &mut Answers| a.processors[0].worldwide = Some(true),
        |a: &mut Answers| {
            a.hosting.transfers.push(crate::answers::Transfer {
                country: "US".parse().unwrap(),
                safeguard: Default::default(),
                details: None,
            })
        },
    ] {
        let mut b = a.clone();
        change(&mut b);
        assert!(!fired(&b, "consistency-stays-in-region").is_empty());
        assert!(!said(&b), "stated beside a finding");
    }
}
