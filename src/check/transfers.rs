//! Transfer findings shared by the regimes that judge safeguards (the GDPR, the UK
//! GDPR, the LGPD), and the rule on how readers get a copy of the safeguards.
//!
//! What fits where is `law::transfers`; this file turns its verdicts into findings.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::Answers;
use crate::answers::Safeguards;
use crate::answers::values::Country;
use crate::law::transfers::{Exporter, Misfit, misfit};

pub(super) const RULES: &[Rule] = &[Rule {
    id: "gdpr-safeguards-copy",
    reviewed: "2026-12-06",
    regime: Regime::Gdpr,
    // Art. 13(1)(f): "... reference to the appropriate or suitable safeguards and the
    // means by which to obtain a copy of them or where they have been made available".
    citation: "GDPR Art. 13(1)(f), 46, 47; UK GDPR Art. 13(1)(f)",
    severity: Severity::Error,
    applies_when: "the product serves the EEA or the UK, or the operator is established there",
    applies: crate::law::any_gdpr,
    test: |a| {
        Hit::when(
            crate::law::transfers::needs_copy_route(a) && a.hosting.safeguards_copy.is_none(),
            "hosting.safeguards_copy",
        )
    },
    message: "Transfers rest on contracts or rules (standard contractual clauses, binding \
              corporate rules, the IDTA, ...) without saying how readers get a copy of \
              them: give the web address where they are published, or `on_request`",
}];

/// Each processor's and each listed transfer's safeguards judged under each of
/// `laws`; `judge` reads the verdicts and gives the finding's note, if any.
pub(super) fn transfer_findings(
    a: &Answers,
    laws: &[Exporter],
    judge: impl Fn(&[(Exporter, Option<Misfit>)]) -> Option<String>,
) -> Vec<Hit> {
    let judged = |countries: &[Country], worldwide: bool, safeguards: &Safeguards| {
        let verdicts: Vec<(Exporter, Option<Misfit>)> = laws
            .iter()
            .map(|&law| (law, misfit(law, countries, worldwide, safeguards)))
            .collect();
        judge(&verdicts)
    };
    let mut hits = Vec::new();
    // Software we run ourselves sends its vendor nothing: no transfer to judge (a
    // safeguard named for it is `consistency-self-hosted`'s to catch).
    for (i, p) in a.processors.iter().enumerate() {
        if !p.receives_data() {
            continue;
        }
        if let Some(note) = judged(&p.countries, p.is_worldwide(), &p.safeguard) {
            hits.push(Hit::with(
                format!("processors[{i}].safeguard"),
                format!("`{}`: {note}", p.name),
            ));
        }
    }
    for (i, t) in a.hosting.transfers.iter().enumerate() {
        if let Some(note) = judged(&[t.country], false, &t.safeguard) {
            hits.push(Hit::with(
                format!("hosting.transfers[{i}].safeguard"),
                format!("{}: {note}", t.country.name()),
            ));
        }
    }
    hits
}

/// The first law under which the mechanisms named do not cover the transfer, as a note.
pub(super) fn wrong_mechanism(verdicts: &[(Exporter, Option<Misfit>)]) -> Option<String> {
    let wrong = |m: &Option<Misfit>| {
        m.as_ref()
            .filter(|m| !matches!(m, Misfit::NoTransfer | Misfit::Unneeded))
            .cloned()
    };
    let (&law, misfit) = verdicts
        .iter()
        .find_map(|(law, m)| Some((law, wrong(m)?)))?;
    let note = match misfit {
        Misfit::NotAdequate(c) if c.code() == "US" => format!(
            "the United States has an adequacy finding under {} only for companies \
             certified under its Data Privacy Framework: name the framework, or contractual \
             clauses",
            law.name()
        ),
        Misfit::NotAdequate(c) => format!("{} has no adequacy decision", c.name()),
        Misfit::FrameworkOutsideUs(c) => format!(
            "the Data Privacy Framework covers only certified companies in the United \
             States, not {}",
            c.name()
        ),
        Misfit::Derogation => "consent and contract are derogations for occasional \
             transfers; a recipient that receives data as a matter of course needs an \
             adequacy decision, the Data Privacy Framework, standard contractual clauses or \
             binding corporate rules"
            .to_owned(),
        Misfit::Worldwide => format!(
            "it processes data in data centres around the world, which no adequacy decision \
             or Data Privacy Framework covers (they cover named countries); {} accepts for \
             it {}",
            law.name(),
            // `Exporter::covers_anywhere`, in words.
            match law {
                Exporter::Uk => {
                    "the IDTA, the EU clauses with the UK Addendum or binding corporate rules"
                }
                Exporter::Brazil => {
                    "the ANPD's standard contractual clauses, global corporate rules or the \
                     user's specific and highlighted consent"
                }
                Exporter::Eu | Exporter::Switzerland => {
                    "standard contractual clauses or binding corporate rules"
                }
            }
        ),
        Misfit::OtherLaw(c) => {
            let mut note = format!(
                "nothing named is a mechanism of {} for {}; it accepts {}",
                law.name(),
                c.name(),
                law.mechanisms()
            );
            // The usual case: the EU's clauses, named alone (as the catalog names them
            // for a vendor whose UK terms it has not checked). A founder could not tell
            // from the list above what to do (a founder's use, seventh round).
            if law == Exporter::Uk {
                note.push_str(
                    ". For users in the UK, the EU's standard contractual clauses count only \
                     with the UK Addendum: if the recipient's data processing agreement \
                     includes it, as many do, add `uk_addendum` to its safeguards",
                );
            }
            note
        }
        Misfit::NoTransfer | Misfit::Unneeded => unreachable!("filtered out above"),
    };
    // Named only when the laws disagree (a recipient in Ireland is no transfer for the
    // GDPR, but one for the UK GDPR).
    Some(if verdicts.iter().all(|(_, m)| wrong(m).is_some()) {
        note
    } else {
        format!("{note} (under {})", law.name())
    })
}
