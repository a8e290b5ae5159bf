//! Brazil's LGPD (Lei 13.709/2018): the information Art. 9 says a data subject must be
//! given, the encarregado of Art. 41 and transfers under Art. 33. The rights of Art. 18
//! are stated by the built-in rights section whenever Brazil is served.

use super::{Hit, Regime, Rule, Severity, categories_without_retention};
use crate::answers::Answers;
use crate::answers::vocab::LegalBasis;

const BR: &str = "the product serves Brazil";

pub static RULES: &[Rule] = &[
    Rule {
        id: "lgpd-purposes",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 9, I",
        severity: Severity::Error,
        applies_when: BR,
        applies: brazil,
        test: super::no_purposes,
        message: "Data is collected, but no purpose says what it is used for",
    },
    Rule {
        id: "lgpd-duration",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 9, II",
        severity: Severity::Error,
        applies_when: BR,
        applies: brazil,
        test: categories_without_retention,
        message: "The policy does not say for how long this data is processed",
    },
    Rule {
        id: "lgpd-controller",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 9, III",
        severity: Severity::Error,
        applies_when: BR,
        applies: brazil,
        test: super::no_legal_entity,
        message: "The policy does not identify the controller (the legal person responsible \
                  for the data)",
    },
    Rule {
        id: "lgpd-legal-basis",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 7, 9",
        severity: Severity::Warning,
        applies_when: BR,
        applies: brazil,
        test: super::gdpr::purposes_without_basis,
        message: "A purpose has no legal basis; the LGPD's bases (Art. 7) are close to the \
                  GDPR's, and stating one per purpose is commonly expected",
    },
    Rule {
        id: "lgpd-basis",
        reviewed: "2026-12-07",
        regime: Regime::Lgpd,
        // Art. 7's list is exhaustive ("somente poderá ser realizado nas seguintes
        // hipóteses"), and its III, the nearest to a public task, is for the public
        // administration carrying out public policies only. Text of Art. 7:
        // compliance.mspa.com.br/regulamentos/lgpd/artigo-7, tre-mg.jus.br. A warning:
        // an operator that is a public body may rely on III, and says so by waiving it.
        citation: "LGPD Art. 7, III",
        severity: Severity::Warning,
        applies_when: "the product serves Brazil and a purpose rests on a public task",
        applies: |a| brazil(a) && super::gdpr::uses_basis(a, LegalBasis::PublicTask),
        test: |a| super::gdpr::purposes_resting_on(a, LegalBasis::PublicTask),
        message: "A task in the public interest is a basis in Brazil only for the public \
                  administration carrying out public policies (LGPD Art. 7, III); a company \
                  chooses one of Art. 7's other bases (consent, contract, legal obligation, \
                  legitimate interests, ...)",
    },
    Rule {
        id: "lgpd-encarregado",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 41 §1; ANPD Resolution CD/ANPD 2/2022 Art. 11",
        severity: Severity::Warning,
        applies_when: BR,
        applies: brazil,
        test: |a| Hit::when(a.organization.dpo.is_none(), "organization.dpo"),
        message: "No data protection officer (encarregado) is named; the LGPD requires one to \
                  be disclosed, unless you are a small processing agent, who must still offer \
                  a channel for data subjects",
    },
    Rule {
        id: "lgpd-response-time",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        citation: "LGPD Art. 19, II",
        severity: Severity::Error,
        applies_when: BR,
        applies: brazil,
        test: |a| {
            // 15 days, counted from the request. The Brazil paragraph states the 15
            // days; a longer general promise contradicts it.
            let fifteen_days = 15 * 24 * 60;
            Hit::when(
                a.rights
                    .response_time
                    .is_some_and(|p| p.approx_minutes() > fifteen_days),
                "rights.response_time",
            )
        },
        message: "The policy promises to answer requests in more than 15 days; in Brazil a \
                  complete access request must be answered within 15 days of the request",
    },
    Rule {
        id: "lgpd-transfer",
        reviewed: "2026-12-06",
        regime: Regime::Lgpd,
        // Art. 33; Resolution CD/ANPD 19/2024 (contract-based transfers use the ANPD's
        // standard clauses from 23 August 2025); Resolution CD/ANPD 32/2026 (the EEA is
        // adequate). DPF and EU clauses are not LGPD mechanisms (legal review FN-3).
        // An error: Art. 33 permits an international transfer "only" in the cases it
        // lists, so a transfer without one of them is unlawful whoever makes it; a
        // basis that is truly there but not in the answers can be named, or the
        // finding waived with the reason (`waivers`).
        citation: "LGPD Art. 33; Resolution CD/ANPD 19/2024",
        severity: Severity::Error,
        applies_when: BR,
        applies: brazil,
        test: |a| {
            let br: crate::answers::values::Country = "BR".parse().expect("BR is a country");
            let mut hits = super::transfers_without_safeguard(a);
            hits.extend(super::processors_outside_without_safeguard(a, |c| c == br));
            let brazil = [crate::law::transfers::Exporter::Brazil];
            hits.extend(super::transfer_findings(a, &brazil, super::wrong_mechanism));
            hits
        },
        message: "Data goes outside Brazil without an LGPD basis (Art. 33: an adequate \
                  country, the ANPD standard contractual clauses, global corporate rules, \
                  specific consent, ...)",
    },
];

fn brazil(a: &Answers) -> bool {
    crate::law::lgpd(a)
}
