//! Switzerland's revised Federal Act on Data Protection (FADP, SR 235.1, in force
//! 1 September 2023): the information Art. 19 says data subjects must be given when
//! data is collected, the representative of Art. 14, and disclosure abroad under
//! Art. 16-17 as Art. 19(4) asks the notice to state it.
//!
//! Source: the FADP in the English translation by Walder Wyss (datenrecht.ch/en/
//! gesetzestexte/ndsg-en/); Art. 19(2): identity and contact details of the controller,
//! the purposes, the recipients or categories of recipients; Art. 19(4): when data is
//! disclosed abroad, "the State or international body and, if applicable, the
//! safeguards under Article 16 paragraph 2 or the application of an exception under
//! Article 17" (obsecom.ch, 2024-10-21, lists it with Art. 19(2)).

use super::{Hit, Regime, Rule, Severity, entries};
use crate::answers::Safeguards;
use crate::answers::values::Country;
use crate::answers::vocab::Safeguard;
use crate::law::transfers::{Exporter, Misfit, misfit};

const CH: &str = "the product serves Switzerland, or the operator is established there";

pub static RULES: &[Rule] = &[
    Rule {
        id: "fadp-controller",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 19(2)(a)",
        severity: Severity::Error,
        applies_when: CH,
        applies: crate::law::swiss_fadp,
        test: super::no_legal_entity,
        message: "The policy does not identify the controller (the person or company \
                  responsible for the data), only the product",
    },
    Rule {
        id: "fadp-purposes",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 19(2)(b)",
        severity: Severity::Error,
        applies_when: CH,
        applies: crate::law::swiss_fadp,
        test: super::no_purposes,
        message: "Data is collected, but no purpose says what it is used for",
    },
    Rule {
        id: "fadp-recipient-country",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 19(4)",
        severity: Severity::Error,
        applies_when: CH,
        applies: crate::law::swiss_fadp,
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
        message: "A recipient does not say where it processes data; Swiss law requires the \
                  policy to name each country personal data is disclosed to",
    },
    Rule {
        id: "fadp-transfer-safeguard",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 19(4), 16(2), 17",
        severity: Severity::Error,
        applies_when: CH,
        applies: crate::law::swiss_fadp,
        test: |a| {
            let mut hits = Vec::new();
            for (i, p) in a.processors.iter().enumerate() {
                let abroad = p.is_worldwide() || needs_safeguard(&p.countries);
                if none(&p.safeguard) && p.receives_data() && abroad {
                    hits.push(Hit::with(
                        format!("processors[{i}].safeguard"),
                        format!("`{}`", p.name),
                    ));
                }
            }
            for (i, t) in a.hosting.transfers.iter().enumerate() {
                if none(&t.safeguard) && needs_safeguard(&[t.country]) {
                    hits.push(Hit::with(
                        format!("hosting.transfers[{i}].safeguard"),
                        t.country.name().to_owned(),
                    ));
                }
            }
            hits
        },
        message: "Personal data goes to a country without adequate protection (Annex 1 of \
                  the Data Protection Ordinance) without saying what safeguard (Art. 16(2): \
                  standard contractual clauses, the Swiss-US Data Privacy Framework, ...) or \
                  exception (Art. 17) covers it",
    },
    Rule {
        id: "fadp-transfer-mechanism",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 16, 17; Data Protection Ordinance Annex 1",
        severity: Severity::Error,
        applies_when: CH,
        applies: crate::law::swiss_fadp,
        test: |a| {
            let wrong =
                |countries: &[Country], worldwide: bool, safeguards: &Safeguards| match misfit(
                    Exporter::Switzerland,
                    countries,
                    worldwide,
                    safeguards,
                ) {
                    Some(Misfit::Worldwide) => Some(
                        "it processes data in data centres around the world, which Switzerland's \
                     list of adequate states and the Swiss-US Data Privacy Framework do not \
                     cover; standard contractual clauses or binding corporate rules do \
                     (Art. 16(2)(d), (e))"
                            .to_owned(),
                    ),
                    Some(Misfit::NotAdequate(c)) => Some(format!(
                        "{} is not on Switzerland's list of adequate states",
                        c.name()
                    )),
                    Some(Misfit::FrameworkOutsideUs(c)) => Some(format!(
                        "the Swiss-US Data Privacy Framework covers only certified companies in \
                     the United States, not {}",
                        c.name()
                    )),
                    Some(Misfit::Derogation) => Some(
                        "consent and contract (Art. 17) are exceptions for single cases, not for \
                     a recipient that receives data as a matter of course"
                            .to_owned(),
                    ),
                    // Only another law's instruments: the EU-US DPF or the UK's for people
                    // in Switzerland (legal review FN-13).
                    Some(Misfit::OtherLaw(c)) => Some(format!(
                        "nothing named is a mechanism of Swiss law for {}; it accepts {}",
                        c.name(),
                        Exporter::Switzerland.mechanisms()
                    )),
                    Some(Misfit::NoTransfer | Misfit::Unneeded) | None => None,
                };
            let mut hits = Vec::new();
            // Software we run ourselves discloses nothing abroad.
            let recipients = a.processors.iter().enumerate();
            for (i, p) in recipients.filter(|(_, p)| p.receives_data()) {
                if let Some(note) = wrong(&p.countries, p.is_worldwide(), &p.safeguard) {
                    hits.push(Hit::with(
                        format!("processors[{i}].safeguard"),
                        format!("`{}`: {note}", p.name),
                    ));
                }
            }
            for (i, t) in a.hosting.transfers.iter().enumerate() {
                if let Some(note) = wrong(&[t.country], false, &t.safeguard) {
                    hits.push(Hit::with(
                        format!("hosting.transfers[{i}].safeguard"),
                        format!("{}: {note}", t.country.name()),
                    ));
                }
            }
            hits
        },
        message: "A disclosure abroad names a safeguard that does not cover it under Swiss law",
    },
    Rule {
        id: "fadp-representative",
        reviewed: "2026-12-06",
        regime: Regime::SwissFadp,
        citation: "FADP Art. 14, 15(1); 19(2)(a)",
        severity: Severity::Warning,
        applies_when: "the product serves Switzerland and the operator is established outside it",
        applies: crate::law::needs_swiss_representative,
        test: |a| {
            Hit::when(
                a.organization.swiss_representative.is_none(),
                "organization.swiss_representative",
            )
        },
        message: "The operator is outside Switzerland and serves people in it, but names no \
                  Swiss representative; one is required when the processing of data of people \
                  in Switzerland is regular, extensive and entails a high risk (Art. 14(1)), \
                  and its name and address must then be published",
    },
];

/// No safeguard, or only "none needed" (which does not fit a disclosure abroad).
fn none(safeguards: &Safeguards) -> bool {
    safeguards.iter().all(|s| s == Safeguard::NotApplicable)
}

/// Whether a recipient processing data in these countries receives data abroad without
/// an adequacy finding that covers everyone (Annex 1 of the Data Protection Ordinance;
/// the United States only for certified companies, which the safeguard must say).
fn needs_safeguard(countries: &[Country]) -> bool {
    let law = Exporter::Switzerland;
    countries.iter().any(|&c| {
        !law.inside(c)
            && law
                .adequacy(c)
                .is_none_or(|adequate| adequate.certified_only)
    })
}
