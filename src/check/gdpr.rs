//! EU GDPR: what Art. 13 and 14 ask a privacy notice to say, plus Art. 8, 9, 22, 27,
//! 37 and 44-49 where they change what must be said.
//!
//! The UK GDPR keeps Art. 13 and 14 word for word, so the content rules here apply when
//! either GDPR does (one finding, not two); `uk_gdpr.rs` holds what the UK changes.

use super::{
    Hit, Regime, Rule, Severity, any_gdpr, categories_without_retention, entries, eu_gdpr,
};
use crate::answers::Answers;
use crate::answers::values::Country;
use crate::answers::vocab::{DataSource, LegalBasis, ProcessorRole, RightKind, Safeguard};
use crate::law::transfers::{Exporter, Misfit};

const EITHER: &str = "the product serves the EEA or the UK, or the operator is established there";

pub static RULES: &[Rule] = &[
    Rule {
        id: "gdpr-controller-identity",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(a)",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: super::no_legal_entity,
        message: "The policy does not name the legal person responsible for the data (the \
                  controller); the product's name is not enough: give the company's name, \
                  or the founder's if there is no company",
    },
    Rule {
        id: "gdpr-controller-is-product",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(a), 4(7)",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            let same = |x: &str, y: &str| x.trim().eq_ignore_ascii_case(y.trim());
            match &a.organization.legal_entity {
                Some(e) if same(e, &a.organization.product_name) => {
                    vec![Hit::at("organization.legal_entity")]
                }
                _ => Vec::new(),
            }
        },
        message: "The controller is given as the product's own name; the controller is the \
                  company (with its legal form) or, without one, the person who runs the \
                  product",
    },
    Rule {
        id: "gdpr-dpo-contact",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(b)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and a data protection officer is named",
        applies: |a| any_gdpr(a) && a.organization.dpo.is_some(),
        test: |a| match &a.organization.dpo {
            Some(d) if d.email.is_none() && d.postal_address.is_none() => {
                vec![Hit::at("organization.dpo.email")]
            }
            _ => Vec::new(),
        },
        message: "A data protection officer is named without any way to contact them",
    },
    Rule {
        id: "gdpr-dpo-appointment",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 37(1)",
        severity: Severity::Info,
        applies_when: "either GDPR applies, no data protection officer is named, and \
                       special-category data is collected",
        applies: |a| any_gdpr(a) && a.organization.dpo.is_none(),
        test: |a| {
            let sensitive: Vec<_> = a
                .data
                .categories
                .iter()
                .filter(|c| c.is_special_category())
                .map(|c| format!("`{}`", c.name))
                .collect();
            if sensitive.is_empty() {
                Vec::new()
            } else {
                vec![Hit::with("organization.dpo", sensitive.join(", "))]
            }
        },
        message: "Special-category data is collected and no data protection officer is \
                  named; one must be appointed (and named here) if your core activities \
                  are large-scale processing of such data or large-scale, regular and \
                  systematic monitoring of people",
    },
    Rule {
        id: "gdpr-purposes",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(c)",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: super::no_purposes,
        message: "Data is collected, but no purpose says what it is used for",
    },
    Rule {
        id: "gdpr-legal-basis",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(c)",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: purposes_without_basis,
        message: "A purpose has no legal basis (one of GDPR Art. 6(1): consent, contract, \
                  legal obligation, vital interests, public task, legitimate interests)",
    },
    Rule {
        id: "gdpr-legitimate-interest",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(d)",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            entries(
                &a.purposes,
                "purposes",
                "legitimate_interest",
                |p| {
                    p.rests_on(LegalBasis::LegitimateInterests)
                        && p.legitimate_interest
                            .as_deref()
                            .is_none_or(|s| s.trim().is_empty())
                },
                |p| format!("purpose `{}`", p.name),
            )
        },
        message: "A purpose relies on legitimate interests without saying what the interest is",
    },
    Rule {
        id: "gdpr-category-purpose",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(c)",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            if a.purposes.is_empty() {
                return Vec::new(); // gdpr-purposes says it once
            }
            let used = super::ids_in(a.purposes.iter().map(|p| &p.categories[..]));
            a.data
                .categories
                .iter()
                .filter(|c| c.is_controlled() && !used.contains(c.id.as_str()))
                .map(|c| Hit::with("purposes", format!("`{}` ({})", c.name, c.id)))
                .collect()
        },
        message: "Data is collected that no purpose says it is used for",
    },
    Rule {
        id: "gdpr-recipients",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(e)",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            entries(
                &a.processors,
                "processors",
                "categories",
                // Software we run ourselves is no recipient (Art. 4(9)).
                |p| p.categories.is_empty() && p.data_description.is_none() && p.receives_data(),
                |p| format!("`{}`", p.name),
            )
        },
        message: "A recipient is named without saying what data it receives",
    },
    Rule {
        id: "gdpr-recipient-purpose",
        reviewed: "2026-12-07",
        regime: Regime::Gdpr,
        // Art. 13(1)(c): the purposes of the processing and its legal basis. An
        // analytics or advertising service is used for a purpose of its own (measuring
        // use, advertising), not for running what the user signed up for; when no
        // purpose uses the data it receives, the policy names the service but neither
        // that purpose nor a basis for it (legal review, seventh round: Acme lists
        // Plausible and only "To run the service"). A warning: which purpose covers a
        // service is the operator's judgement.
        citation: "GDPR Art. 13(1)(c), 13(1)(e)",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            let customers = super::roles::Customers::of(a);
            let used = super::ids_in(a.purposes.iter().map(|p| p.categories.as_slice()));
            entries(
                &a.processors,
                "processors",
                "categories",
                |p| {
                    matches!(
                        p.role,
                        ProcessorRole::Analytics | ProcessorRole::Advertising
                    ) && p.receives_data()
                        // The customers' data is theirs to give purposes to.
                        && (p.categories.is_empty() || !customers.only(&p.categories))
                        && !p.categories.iter().any(|c| used.contains(c.as_str()))
                },
                |p| format!("`{}`", p.name),
            )
        },
        message: "An analytics or advertising service receives data, but no purpose uses \
                  the data it receives, so the policy gives neither the purpose nor its \
                  legal basis; list the data categories it receives, and add a purpose \
                  (e.g. \"To understand how the product is used\") that uses them",
    },
    Rule {
        id: "gdpr-transfer-safeguard",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(f), 44-46",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            // Inside only when no applicable law sees a transfer: from the EU, the UK is
            // a third country whose adequacy decision must still be named (Art. 13(1)(f)).
            let laws = gdpr_laws(a);
            let inside = |c: Country| laws.iter().all(|law| law.inside(c));
            let mut hits = super::transfers_without_safeguard(a);
            hits.extend(super::processors_outside_without_safeguard(a, inside));
            for (i, p) in a.processors.iter().enumerate() {
                if p.safeguard.as_slice() == [Safeguard::NotApplicable] && p.reaches_outside(inside)
                {
                    hits.push(Hit::with(
                        format!("processors[{i}].safeguard"),
                        format!(
                            "`{}` (\"none needed\" does not fit a recipient outside the law's territory)",
                            p.name
                        ),
                    ));
                }
            }
            hits
        },
        message: "Personal data goes outside the EEA (for EU users) or the UK (for UK users) \
                  without saying what makes the transfer lawful (an adequacy decision, the \
                  EU-US Data Privacy Framework or its UK Extension, standard contractual \
                  clauses, the IDTA, ...)",
    },
    Rule {
        id: "gdpr-recipient-location",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(1)(f)",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| {
            entries(
                &a.processors,
                "processors",
                "countries",
                // Around the world is where it is; software we run ourselves is where
                // we host it.
                |p| !p.located(),
                |p| format!("`{}`", p.name),
            )
        },
        message: "A recipient does not say where it processes data, so neither the policy \
                  nor this check can tell whether data leaves the EEA or the UK",
    },
    Rule {
        id: "gdpr-transfer-mechanism",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 45, 46, 49; UK GDPR Art. 45, 46, 49; EDPB Guidelines 2/2018",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| transfer_findings(a, wrong_mechanism),
        message: "A transfer names a mechanism that does not cover it",
    },
    Rule {
        id: "gdpr-unneeded-safeguard",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 44, 13(1)(f); EDPB Guidelines 05/2021",
        severity: Severity::Warning,
        applies_when: EITHER,
        applies: any_gdpr,
        test: |a| transfer_findings(a, no_transfer),
        message: "A transfer mechanism is named for a recipient that needs none (its \
                  countries are inside the EEA, or have an adequacy decision), so the \
                  policy tells readers of a safeguard that is not what protects their data",
    },
    Rule {
        id: "gdpr-retention",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(2)(a)",
        severity: Severity::Error,
        applies_when: EITHER,
        applies: any_gdpr,
        test: categories_without_retention,
        message: "No retention rule says how long this data is kept (or the criteria that \
                  decide it); add a rule, or list the category in an existing rule",
    },
    Rule {
        id: "gdpr-required-data",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(2)(e)",
        severity: Severity::Error,
        applies_when: "either GDPR applies, for data the user provides",
        applies: any_gdpr,
        test: |a| {
            let mut hits = Vec::new();
            for (i, c) in a.data.categories.iter().enumerate() {
                if !c.comes_from(DataSource::Provided) || !c.is_controlled() {
                    continue;
                }
                match c.required {
                    None => hits.push(Hit::with(
                        format!("data.categories[{i}].required"),
                        format!("`{}`: whether it must be given", c.name),
                    )),
                    Some(true) if c.if_not_provided.is_none() => hits.push(Hit::with(
                        format!("data.categories[{i}].if_not_provided"),
                        format!("`{}`: what happens if it is not given", c.name),
                    )),
                    _ => {}
                }
            }
            hits
        },
        message: "The policy does not say whether the user must provide this data and what \
                  happens if they do not",
    },
    Rule {
        id: "gdpr-sources",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 14(2)(f)",
        severity: Severity::Error,
        applies_when: "either GDPR applies, for data obtained from third parties",
        applies: any_gdpr,
        test: |a| {
            entries(
                &a.data.categories,
                "data.categories",
                "source_name",
                |c| {
                    c.comes_from(DataSource::ThirdParty)
                        && c.source_name.is_none()
                        && c.is_controlled()
                },
                |c| format!("`{}`", c.name),
            )
        },
        message: "Data obtained from a third party does not say from whom",
    },
    Rule {
        id: "gdpr-sdk-recipient",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // Collected in the product, so Art. 13 (not 14(2)(f)) applies; the third party
        // whose code collects it receives it, a recipient to name (13(1)(e); CJEU
        // C-40/17 Fashion ID on collection by embedded third-party code).
        citation: "GDPR Art. 13(1)(e); CJEU C-40/17 Fashion ID",
        severity: Severity::Error,
        applies_when: "either GDPR applies, for data collected by third-party code in the product",
        applies: any_gdpr,
        test: |a| {
            // What some recipient receives, gathered once (asked of every category).
            let received = super::ids_in(a.processors.iter().map(|p| &p.categories[..]));
            a.data
                .categories
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.comes_from(DataSource::ThirdPartySdk)
                        && c.is_controlled()
                        && !received.contains(c.id.as_str())
                })
                .map(|(i, c)| {
                    Hit::with(
                        format!("data.categories[{i}].source"),
                        format!("`{}`", c.name),
                    )
                })
                .collect()
        },
        message: "Data is collected by third-party code in the product, and no recipient \
                  receives it: add the third party whose code it is as a recipient of this \
                  data",
    },
    Rule {
        id: "gdpr-automated-decisions",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(2)(f), 22(3)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and decisions are made solely by automated means",
        // Only a "yes": a description without the yes/no is asked about by
        // gdpr-automated-logic, and "no" is a statement, not a decision (FP-1).
        applies: |a| any_gdpr(a) && a.ai.makes_automated_decisions == Some(true),
        test: |a| Hit::unless(has_right(a, RightKind::AutomatedDecisions), "rights.rights"),
        message: "Decisions are made solely by automated means, but the policy does not give \
                  the right to obtain human intervention, to express one's view and to \
                  contest the decision",
    },
    Rule {
        id: "gdpr-ai-decisions",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(2)(f)",
        severity: Severity::Info,
        applies_when: "either GDPR applies and AI providers receive data",
        applies: |a| any_gdpr(a) && a.processors.iter().any(|p| p.role == ProcessorRole::Ai),
        test: |a| {
            Hit::when(
                a.ai.makes_automated_decisions.is_none(),
                "ai.makes_automated_decisions",
            )
        },
        message: "AI providers receive data; if any decision with legal or similarly \
                  significant effect on a person is made solely by automated means, describe \
                  it, its logic and its consequences (nothing to add if none is)",
    },
    Rule {
        id: "gdpr-automated-logic",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 13(2)(f), 22(1)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and automated decisions are described or said to be made",
        applies: |a| {
            any_gdpr(a)
                && a.ai.makes_automated_decisions != Some(false)
                && (a.ai.makes_automated_decisions == Some(true)
                    || a.ai.automated_decisions.is_some())
        },
        test: |a| {
            let ai = &a.ai;
            let mut hits = Hit::when(
                ai.makes_automated_decisions.is_none(),
                "ai.makes_automated_decisions",
            );
            if ai.makes_automated_decisions == Some(true) {
                hits.extend(Hit::when(
                    ai.automated_decisions.is_none(),
                    "ai.automated_decisions",
                ));
                hits.extend(Hit::when(
                    ai.automated_logic.is_none(),
                    "ai.automated_logic",
                ));
                hits.extend(Hit::when(
                    ai.automated_consequences.is_none(),
                    "ai.automated_consequences",
                ));
            }
            hits
        },
        message: "Automated decisions need the decisions, meaningful information about their \
                  logic, and their significance and consequences for the person; a \
                  description alone does not say whether decisions are made solely by \
                  automated means (answer yes or no)",
    },
    Rule {
        id: "gdpr-eu-representative",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 27(1), 13(1)(a)",
        severity: Severity::Error,
        applies_when: "the product serves the EEA and the operator is established outside it",
        applies: crate::law::needs_eu_representative,
        test: |a| {
            Hit::when(
                a.organization.eu_representative.is_none(),
                "organization.eu_representative",
            )
        },
        message: "The operator is outside the EU and serves people in it, but names no \
                  representative in the EU (not needed only for occasional processing that \
                  is unlikely to result in a risk, Art. 27(2))",
    },
    Rule {
        id: "gdpr-operator-country",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 3, 27(1)",
        severity: Severity::Warning,
        applies_when: "the product serves the EEA or the UK and the operator's country is not given",
        applies: |a| any_gdpr(a) && a.organization.country.is_none(),
        test: |_| vec![Hit::at("organization.country")],
        message: "The operator's country is not given, so this check cannot tell whether a \
                  representative in the EU or the UK is needed",
    },
    Rule {
        id: "gdpr-child-consent",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 8(1)",
        severity: Severity::Warning,
        applies_when: "EU GDPR applies, a purpose relies on consent and users may be under 16",
        applies: |a| {
            eu_gdpr(a)
                && uses_basis(a, LegalBasis::Consent)
                && a.audience.minimum_age.is_none_or(|n| n < 16)
        },
        test: |a| {
            Hit::unless(
                a.audience.parental_consent.is_some(),
                "audience.minimum_age",
            )
        },
        message: "Processing relies on consent and users may be under 16: below the age each \
                  member state sets (13 to 16) a parent must consent; say how parental \
                  consent is obtained, or make 16 the minimum age",
    },
    Rule {
        id: "gdpr-special-category",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        citation: "GDPR Art. 9(1)-(2), 13(1)(c)",
        severity: Severity::Error,
        applies_when: "either GDPR applies and special-category data is collected",
        applies: any_gdpr,
        test: |a| {
            entries(
                &a.data.categories,
                "data.categories",
                "art9_condition",
                |c| c.is_special_category() && c.art9_condition.is_none(),
                |c| format!("`{}`", c.name),
            )
        },
        message: "Special-category data (GDPR Art. 9(1)) is collected without the Art. 9(2) \
                  condition that allows it (usually explicit consent); if it is only \
                  sensitive under the CCPA (precise location, a password), untick \
                  `special_category`",
    },
];

/// The built-in rights template states every GDPR right, withdrawal of consent and the
/// right to complain whenever the EEA or the UK is served.
fn has_right(a: &Answers, kind: RightKind) -> bool {
    a.rights.rights.iter().any(|r| r.right == kind)
}

pub(super) fn uses_basis(a: &Answers, basis: LegalBasis) -> bool {
    a.purposes.iter().any(|p| p.rests_on(basis))
}

/// Each purpose that rests on `basis`, at its legal basis: for the rules that find a
/// basis wrong under a law (a UK-only basis elsewhere, a public task in Brazil).
pub(super) fn purposes_resting_on(a: &Answers, basis: LegalBasis) -> Vec<Hit> {
    entries(
        &a.purposes,
        "purposes",
        "legal_basis",
        |p| p.rests_on(basis),
        |p| format!("purpose `{}`", p.name),
    )
}

/// Purposes without a legal basis, except those that use only data processed for
/// business customers: their controller decides the basis (GDPR Art. 28(3)(a)).
pub(super) fn purposes_without_basis(a: &Answers) -> Vec<Hit> {
    let customers = super::roles::Customers::of(a);
    entries(
        &a.purposes,
        "purposes",
        "legal_basis",
        |p| p.legal_basis.is_empty() && !customers.only(&p.categories),
        |p| format!("purpose `{}`", p.name),
    )
}

/// Each processor's and each listed transfer's safeguard judged under every transfer
/// law that applies (the EU and the UK GDPR, each with its own territory and adequacy
/// list); `judge` reads the verdicts and gives the finding's note, if any.
fn transfer_findings(
    a: &Answers,
    judge: impl Fn(&[(Exporter, Option<Misfit>)]) -> Option<String>,
) -> Vec<Hit> {
    super::transfer_findings(a, &gdpr_laws(a), judge)
}

/// The transfer laws of the GDPR regime that apply to these answers.
fn gdpr_laws(a: &Answers) -> Vec<Exporter> {
    [
        (crate::law::eu_gdpr(a), Exporter::Eu),
        (crate::law::uk_gdpr(a), Exporter::Uk),
    ]
    .into_iter()
    .filter_map(|(applies, law)| applies.then_some(law))
    .collect()
}

/// The first law under which the mechanism does not cover the transfer, as a note.
fn wrong_mechanism(verdicts: &[(Exporter, Option<Misfit>)]) -> Option<String> {
    super::wrong_mechanism(verdicts)
}

/// Every applicable law finds that no mechanism is needed: a recipient in Germany is no
/// transfer for the GDPR, and one covered by adequacy for the UK GDPR.
fn no_transfer(verdicts: &[(Exporter, Option<Misfit>)]) -> Option<String> {
    let unneeded = |m: &Option<Misfit>| matches!(m, Some(Misfit::NoTransfer | Misfit::Unneeded));
    if !verdicts.iter().all(|(_, m)| unneeded(m)) {
        return None;
    }
    Some(
        if verdicts.iter().all(|(_, m)| *m == Some(Misfit::NoTransfer)) {
            "no data leaves the territory of the law: choose \"none needed\""
        } else {
            "name the adequacy decision instead (\"an adequacy decision\"), or \"none \
             needed\" if only EEA users' data reaches it"
        }
        .to_owned(),
    )
}
