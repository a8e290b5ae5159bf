//! International transfers: where a law's territory ends, and which destinations it
//! has found adequate, as dated tables with their sources.
//!
//! A transfer, for these laws, is a disclosure by someone subject to the law to a
//! recipient outside its territory (EDPB Guidelines 05/2021 on the interplay between
//! Art. 3 and Chapter V). So a recipient inside the territory needs no safeguard at
//! all, and a safeguard printed for it misleads the reader (legal review S1); a
//! recipient outside needs one that fits its country.

use crate::answers::Safeguards;
use crate::answers::values::Country;
use crate::answers::vocab::Safeguard;

/// A law whose transfer rules `check` applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exporter {
    /// EU GDPR Chapter V (Art. 44–49), for the EEA.
    Eu,
    /// UK GDPR Chapter V and the Data Protection Act 2018 s. 17A.
    Uk,
    /// Swiss revFADP Art. 16–17 and Annex 1 of the Data Protection Ordinance.
    Switzerland,
    /// LGPD Art. 33–36 and ANPD Resolution CD/ANPD 19/2024.
    Brazil,
}

/// A destination the law has found adequate.
pub struct Adequate {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// The decision, as a reader can look it up.
    pub decision: &'static str,
    /// Only recipients certified under a framework are covered (the United States:
    /// the Data Privacy Framework and its UK and Swiss counterparts).
    pub certified_only: bool,
}

const fn adequate(code: &'static str, decision: &'static str) -> Adequate {
    Adequate {
        code,
        decision,
        certified_only: false,
    }
}

/// The EU's adequacy decisions under GDPR Art. 45, as of 2026-12-01. Source: the
/// European Commission's page "Adequacy decisions" (commission.europa.eu, law topic
/// data protection, international dimension), and for Brazil Commission Implementing
/// Decision (EU) 2026/179 of 26 January 2026 (OJ 28 January 2026). Canada covers
/// commercial organisations subject to PIPEDA only (Decision 2002/2/EC).
pub const EU_ADEQUATE: &[Adequate] = &[
    adequate("AD", "Commission Decision 2010/625/EU"),
    adequate("AR", "Commission Decision 2003/490/EC"),
    adequate("BR", "Commission Implementing Decision (EU) 2026/179"),
    adequate("CA", "Commission Decision 2002/2/EC"),
    adequate("CH", "Commission Decision 2000/518/EC"),
    adequate("FO", "Commission Decision 2010/146/EU"),
    adequate(
        "GB",
        "Commission Implementing Decision (EU) 2021/1772, renewed",
    ),
    adequate("GG", "Commission Decision 2003/821/EC"),
    adequate("IL", "Commission Decision 2011/61/EU"),
    adequate("IM", "Commission Decision 2004/411/EC"),
    adequate("JE", "Commission Decision 2008/393/EC"),
    adequate("JP", "Commission Implementing Decision (EU) 2019/419"),
    adequate("KR", "Commission Implementing Decision (EU) 2022/254"),
    adequate("NZ", "Commission Implementing Decision 2013/65/EU"),
    adequate("UY", "Commission Implementing Decision 2012/484/EU"),
    Adequate {
        code: "US",
        decision: "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
        certified_only: true,
    },
];

/// The UK's adequacy regulations ("data bridges") under UK GDPR Art. 45 and DPA 2018
/// s. 17A, as of 2026-12-01: the EEA and Gibraltar (DPA 2018 Sch. 21 para. 5), the
/// destinations the EU had found adequate before 2021 and kept, the Republic of Korea
/// (SI 2022/1213) and the UK Extension to the EU-US DPF (SI 2023/1028). Source: ICO,
/// "International transfers" guidance. Whether the UK has made regulations for Brazil
/// is to confirm (README).
pub const UK_ADEQUATE: &[Adequate] = &[
    adequate("AD", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("AR", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("CA", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("CH", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("FO", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("GG", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("GI", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("IL", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("IM", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("JE", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("JP", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate(
        "KR",
        "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022",
    ),
    adequate("NZ", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    adequate("UY", "UK adequacy regulations (DPA 2018 Sch. 21)"),
    Adequate {
        code: "US",
        decision: "The Data Protection (Adequacy) (United States of America) Regulations 2023 (UK Extension to the EU-US Data Privacy Framework)",
        certified_only: true,
    },
];

/// Switzerland's list of adequate states, Annex 1 of the Data Protection Ordinance
/// (DPO, SR 235.11), as of 2026-12-01, besides the EEA: source the Federal Council's
/// Annex 1 (fedlex.admin.ch). The United States is covered for companies certified
/// under the Swiss-US Data Privacy Framework since 15 September 2024. Entries beyond
/// these are to confirm (README).
pub const SWISS_ADEQUATE: &[Adequate] = &[
    adequate("AD", "DPO Annex 1"),
    adequate("AR", "DPO Annex 1"),
    adequate("CA", "DPO Annex 1"),
    adequate("FO", "DPO Annex 1"),
    adequate("GB", "DPO Annex 1"),
    adequate("GG", "DPO Annex 1"),
    adequate("GI", "DPO Annex 1"),
    adequate("IL", "DPO Annex 1"),
    adequate("IM", "DPO Annex 1"),
    adequate("JE", "DPO Annex 1"),
    adequate("MC", "DPO Annex 1"),
    adequate("NZ", "DPO Annex 1"),
    adequate("UY", "DPO Annex 1"),
    Adequate {
        code: "US",
        decision: "DPO Annex 1 (Swiss-US Data Privacy Framework)",
        certified_only: true,
    },
];

/// Brazil's adequacy decisions under LGPD Art. 33(I) and 34, as of 2026-12-01: the
/// European Union and the EEA countries (Resolution CD/ANPD 32/2026 of 26 January
/// 2026). Source: Trench Rossi Watanabe and TozziniFreire alerts of 27 January 2026;
/// IAPP, "Brazil-EU mutual adequacy". The EEA is matched by `Country::in_eea`.
pub const BRAZIL_ADEQUATE_DECISION: &str = "ANPD Resolution CD/ANPD 32/2026";

impl Exporter {
    /// The law's name as a finding states it.
    pub fn name(self) -> &'static str {
        match self {
            Exporter::Eu => "the GDPR",
            Exporter::Uk => "the UK GDPR",
            Exporter::Switzerland => "the Swiss FADP",
            Exporter::Brazil => "the LGPD",
        }
    }

    /// Whose data the law protects, completing "for ...": the policy says for whom a
    /// transfer safeguard is needed when only some of its readers' laws see a transfer.
    pub fn users(self) -> &'static str {
        match self {
            Exporter::Eu => "users in the EEA",
            Exporter::Uk => "UK users",
            Exporter::Switzerland => "users in Switzerland",
            Exporter::Brazil => "users in Brazil",
        }
    }

    /// The mechanisms this law accepts for a systematic transfer, for a finding's hint.
    pub fn mechanisms(self) -> &'static str {
        match self {
            Exporter::Eu => {
                "an adequacy decision, the EU-US Data Privacy Framework (US recipients), \
                 standard contractual clauses or binding corporate rules"
            }
            Exporter::Uk => {
                "UK adequacy regulations, the UK Extension to the EU-US Data Privacy \
                 Framework (US recipients), the IDTA, the EU clauses with the UK Addendum \
                 or binding corporate rules"
            }
            Exporter::Switzerland => {
                "the Federal Council's adequacy list, the Swiss-US Data Privacy Framework \
                 (US recipients), standard contractual clauses or binding corporate rules"
            }
            Exporter::Brazil => {
                "an ANPD adequacy decision, the ANPD standard contractual clauses, global \
                 corporate rules, or the user's specific and highlighted consent"
            }
        }
    }

    /// Whether a recipient in `country` is inside the law's own territory, so no
    /// transfer takes place.
    pub fn inside(self, country: Country) -> bool {
        match self {
            Exporter::Eu => country.in_eea(),
            Exporter::Uk => country.code() == "GB",
            Exporter::Switzerland => country.code() == "CH",
            Exporter::Brazil => country.code() == "BR",
        }
    }

    /// The destination's adequacy finding under this law, if it has one. For the UK,
    /// Switzerland and Brazil the EEA counts as adequate too.
    pub fn adequacy(self, country: Country) -> Option<&'static Adequate> {
        const EEA: Adequate = adequate("EEA", "the law's own recognition of the EEA");
        const BRAZIL_EEA: Adequate = adequate("EEA", BRAZIL_ADEQUATE_DECISION);
        let table = match self {
            Exporter::Eu => EU_ADEQUATE,
            Exporter::Uk => UK_ADEQUATE,
            Exporter::Switzerland => SWISS_ADEQUATE,
            Exporter::Brazil if country.in_eea() => return Some(&BRAZIL_EEA),
            Exporter::Brazil => return None,
        };
        if self != Exporter::Eu && country.in_eea() {
            return Some(&EEA);
        }
        table.iter().find(|a| a.code == country.code())
    }

    /// Whether `mechanism`, under this law, makes a systematic transfer to a recipient
    /// in `country` (outside the law's territory) lawful.
    pub fn covers(self, mechanism: Safeguard, country: Country) -> bool {
        use Exporter::{Eu, Switzerland, Uk};
        use Safeguard::*;
        let us = country.code() == "US";
        match (self, mechanism) {
            (_, Adequacy) => self.adequacy(country).is_some_and(|a| !a.certified_only),
            // Each framework is an adequacy finding of its own law, for certified US
            // companies only: Decision (EU) 2023/1795; SI 2023/1028; DPO Annex 1.
            (Eu, DataPrivacyFramework) | (Uk, UkExtension) | (Switzerland, SwissUsDpf) => us,
            _ => self.covers_anywhere(mechanism),
        }
    }

    /// Whether `mechanism`, under this law, covers a recipient wherever it processes
    /// data, so also one in data centres around the world (`Processor::worldwide`). An
    /// adequacy decision (GDPR Art. 45(1)) and a Data Privacy Framework are findings
    /// about one named country; clauses and corporate rules bind the recipient,
    /// whatever the country: the EU clauses cover a transfer to any recipient "whose
    /// processing of the data is not subject to" the GDPR (Commission Implementing
    /// Decision (EU) 2021/914, Art. 1), and binding corporate rules apply to every
    /// member of the group concerned (GDPR Art. 47(1)(a)). To confirm (README): that one
    /// set of clauses whose annex names a worldwide network rather than countries
    /// meets the supervisory authorities' expectations.
    pub fn covers_anywhere(self, mechanism: Safeguard) -> bool {
        use Exporter::{Brazil, Eu, Switzerland, Uk};
        use Safeguard::*;
        match (self, mechanism) {
            // GDPR Art. 46(2)(c). The FDPIC recognised the EU's 2021 clauses, with the
            // Swiss adaptations, for revFADP Art. 16(2)(d) (27 August 2021).
            (Eu | Switzerland, StandardContractualClauses) => true,
            // UK GDPR Art. 46(2)(d): the IDTA, or the EU clauses with the Addendum; the
            // EU clauses alone no longer cover UK data after 21 March 2024. The Addendum
            // sits on the EU clauses, so it covers EU data too.
            (Uk, Idta) | (Eu | Uk, UkAddendum) => true,
            // GDPR and UK GDPR Art. 47; revFADP Art. 16(2)(e).
            (Eu | Uk | Switzerland, BindingCorporateRules) => true,
            // LGPD Art. 33(II)(b)-(c): the ANPD's standard clauses (Res. CD/ANPD
            // 19/2024) and global corporate rules approved by the ANPD; Art. 33(VIII):
            // specific and highlighted consent, a basis of its own under the LGPD, not a
            // derogation; Art. 33(IX) with Art. 7(V): necessary for a contract.
            (Brazil, AnpdClauses | BindingCorporateRules | Consent | ContractNecessity) => true,
            _ => false,
        }
    }
}

/// The law whose framework with the United States a mechanism is, if it is one.
fn framework_law(mechanism: Safeguard) -> Option<Exporter> {
    match mechanism {
        Safeguard::DataPrivacyFramework => Some(Exporter::Eu),
        Safeguard::UkExtension => Some(Exporter::Uk),
        Safeguard::SwissUsDpf => Some(Exporter::Switzerland),
        _ => None,
    }
}

/// What is wrong with a recipient's safeguards under one law, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// Every country is inside the law's territory: there is no transfer, and a
    /// safeguard printed for it misleads (legal review S1, FN-2).
    NoTransfer,
    /// Every country outside the territory has an adequacy decision for everyone, yet
    /// another mechanism is named: not unlawful, but the reader is owed the decision.
    Unneeded,
    /// "An adequacy decision" for a country that has none (FN-6).
    NotAdequate(Country),
    /// A Data Privacy Framework for a country other than the United States.
    FrameworkOutsideUs(Country),
    /// A derogation (Art. 49(1)(a) consent, 49(1)(b) contract) for a recipient that
    /// receives data as a matter of course: derogations are for occasional transfers
    /// (EDPB Guidelines 2/2018, section 2.1) (FN-7).
    Derogation,
    /// The recipient works in data centres around the world, and only mechanisms for
    /// named countries (adequacy, a Data Privacy Framework) are given.
    Worldwide,
    /// Only another law's instruments are named: the EU-US DPF or the EU clauses for
    /// UK users' data (FN-12), the UK Extension for EU users', the EU's mechanisms for
    /// Brazil (FN-3).
    OtherLaw(Country),
}

/// Whether `safeguards` fit a recipient processing data in `countries` (and, when
/// `worldwide`, in data centres around the world) under `law`.
/// `None` when they fit, or when there is nothing to judge (no location, no
/// mechanism named; "none needed" outside the territory is a finding of its own).
pub fn misfit(
    law: Exporter,
    countries: &[Country],
    worldwide: bool,
    safeguards: &Safeguards,
) -> Option<Misfit> {
    let named: Vec<Safeguard> = safeguards
        .iter()
        .filter(|&s| s != Safeguard::NotApplicable)
        .collect();
    if (countries.is_empty() && !worldwide) || named.is_empty() {
        return None;
    }
    let has = |s: Safeguard| named.contains(&s);
    // Around the world is outside every territory and in countries no decision
    // covers: only a mechanism that goes with the data fits.
    if worldwide && !named.iter().any(|&s| law.covers_anywhere(s)) {
        let derogation = has(Safeguard::Consent) || has(Safeguard::ContractNecessity);
        return Some(if derogation {
            Misfit::Derogation
        } else {
            Misfit::Worldwide
        });
    }
    let outside: Vec<Country> = countries
        .iter()
        .copied()
        .filter(|&c| !law.inside(c))
        .collect();
    if outside.is_empty() && !worldwide {
        return Some(Misfit::NoTransfer);
    }
    // A country with an adequacy decision for everyone needs nothing more, whatever
    // mechanism the recipient names for its other countries.
    let uncovered: Vec<Country> = outside
        .into_iter()
        .filter(|&c| law.adequacy(c).is_none_or(|a| a.certified_only))
        .collect();
    if uncovered.is_empty() && !worldwide {
        // Adequacy covers every country: naming anything else misinforms the reader,
        // who is owed the adequacy decision (Art. 13(1)(f)).
        return (!named.contains(&Safeguard::Adequacy)).then_some(Misfit::Unneeded);
    }
    let &c = uncovered
        .iter()
        .find(|&&c| !named.iter().any(|&s| law.covers(s, c)))?;
    Some(
        if has(Safeguard::Consent) || has(Safeguard::ContractNecessity) {
            Misfit::Derogation
        } else if has(Safeguard::Adequacy) {
            Misfit::NotAdequate(c)
        } else if c.code() != "US" && named.iter().any(|&s| framework_law(s) == Some(law)) {
            Misfit::FrameworkOutsideUs(c)
        } else {
            Misfit::OtherLaw(c)
        },
    )
}

/// The transfer laws that apply to these answers, as `check` holds recipients to
/// them: the EU GDPR, the UK GDPR, the Swiss FADP and the LGPD, each where it
/// applies ([`crate::law`]).
pub fn exporters(a: &crate::answers::Answers) -> Vec<Exporter> {
    [
        (super::eu_gdpr(a), Exporter::Eu),
        (super::uk_gdpr(a), Exporter::Uk),
        (super::swiss_fadp(a), Exporter::Switzerland),
        (super::lgpd(a), Exporter::Brazil),
    ]
    .into_iter()
    .filter_map(|(applies, law)| applies.then_some(law))
    .collect()
}

/// The transfer laws that apply and see a transfer in data processed in one of
/// `countries`: when they are not all the laws that apply, the policy says for whom
/// the safeguard is (a German operator's recipient in Germany: only for UK users).
pub fn laws_seeing_transfer(
    a: &crate::answers::Answers,
    countries: &[Country],
) -> (Vec<Exporter>, Vec<Exporter>) {
    let all = exporters(a);
    let seeing = all
        .iter()
        .copied()
        .filter(|law| countries.iter().any(|&c| !law.inside(c)))
        .collect();
    (seeing, all)
}

/// Whether data processed in `country` leaves the territory of a transfer law that
/// applies to these answers: a disclosure there is a transfer under that law
/// (EDPB Guidelines 05/2021: an exporter subject to the law, an importer in a third
/// country, whatever the exporter's own location), so the policy names how it is
/// made lawful (GDPR Art. 13(1)(f); UK GDPR Art. 13(1)(f)). Germany is outside the
/// UK GDPR's territory for a German operator serving UK users, and the United
/// States outside the EU GDPR's for an American one serving the EEA. Kazakhstan's
/// Law No. 94-V, Art. 16, asks the same of data leaving Kazakhstan. These are the
/// laws under which the interview asks a recipient's safeguard
/// ([`super::transfer_basis`]).
pub fn transferred_to(a: &crate::answers::Answers, country: Country) -> bool {
    exporters(a).iter().any(|law| !law.inside(country))
        || (super::kazakhstan(a) && country.code() != "KZ")
}

/// The appropriate safeguards of GDPR Art. 46 and 47 (and their UK, Swiss and Brazilian
/// counterparts) that are contracts or rules, whose copy a reader may obtain; an
/// adequacy decision or a framework is public law, so Art. 13(1)(f) asks only for its
/// name.
pub const CONTRACTUAL: &[Safeguard] = &[
    Safeguard::StandardContractualClauses,
    Safeguard::BindingCorporateRules,
    Safeguard::Idta,
    Safeguard::UkAddendum,
    Safeguard::AnpdClauses,
];

/// Whether any transfer rests on a [`CONTRACTUAL`] safeguard. The interview asks
/// `hosting.safeguards_copy` exactly when this holds.
pub fn needs_copy_route(a: &crate::answers::Answers) -> bool {
    let contractual = |s: &Safeguards| s.iter().any(|s| CONTRACTUAL.contains(&s));
    // Software we run ourselves transfers nothing (`Processor::receives_data`).
    a.processors
        .iter()
        .any(|p| p.receives_data() && contractual(&p.safeguard))
        || a.hosting
            .transfers
            .iter()
            .any(|t| contractual(&t.safeguard))
}

/// Whether to ask how readers get a copy of the safeguards: the GDPR or the UK GDPR
/// applies (Art. 13(1)(f): "the means by which to obtain a copy of them"), or Brazil's
/// LGPD (Resolution CD/ANPD 19/2024 has the controller give the data subject the full
/// clauses of a transfer on request, within 15 days, and publish information about
/// it; the article number is to confirm, see README), and a transfer rests on a
/// [`CONTRACTUAL`] safeguard, counting what the built-in catalog fills in for a
/// recipient that refers to it (a catalog recipient
/// whose safeguard is the Data Privacy Framework, or that works inside the EEA, needs
/// no copy: asking for any catalog recipient puzzled founders, issue 18). A
/// reference the built-in catalog does not know (an operator's own entry) cannot be
/// judged here, so it asks.
pub fn may_need_copy_route(a: &crate::answers::Answers) -> bool {
    if !(crate::law::any_gdpr(a) || crate::law::lgpd(a)) {
        return false;
    }
    if needs_copy_route(a) {
        return true;
    }
    if !crate::catalog::needs_catalog(a) {
        return false;
    }
    let catalog = crate::catalog::Catalog::builtin_shared();
    let unknown = a
        .processors
        .iter()
        .filter_map(|p| p.catalog.as_deref())
        .any(|id| catalog.get(id).is_none());
    unknown || crate::catalog::resolve(a, catalog).is_ok_and(|r| needs_copy_route(&r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Safeguard::*;

    fn c(code: &str) -> Country {
        code.parse().unwrap()
    }

    fn judge(law: Exporter, countries: &[&str], named: &[Safeguard]) -> Option<Misfit> {
        let countries: Vec<Country> = countries.iter().map(|&x| c(x)).collect();
        misfit(
            law,
            &countries,
            false,
            &Safeguards::new(named.iter().copied()),
        )
    }

    #[test]
    fn a_recipient_inside_the_territory_is_no_transfer() {
        assert_eq!(
            judge(Exporter::Eu, &["DE"], &[StandardContractualClauses]),
            Some(Misfit::NoTransfer)
        );
        assert_eq!(judge(Exporter::Eu, &["DE"], &[NotApplicable]), None);
        // From the UK, Germany is a transfer, covered by the UK's recognition of the EEA.
        assert_eq!(judge(Exporter::Uk, &["DE"], &[Adequacy]), None);
        assert_eq!(
            judge(Exporter::Uk, &["DE"], &[UkAddendum]),
            Some(Misfit::Unneeded)
        );
        assert_eq!(
            judge(Exporter::Brazil, &["BR"], &[AnpdClauses]),
            Some(Misfit::NoTransfer)
        );
    }

    #[test]
    fn adequacy_only_where_there_is_a_decision() {
        assert_eq!(
            judge(Exporter::Eu, &["CN"], &[Adequacy]),
            Some(Misfit::NotAdequate(c("CN")))
        );
        assert_eq!(judge(Exporter::Eu, &["JP"], &[Adequacy]), None);
        assert_eq!(judge(Exporter::Eu, &["BR"], &[Adequacy]), None);
        // Brazil recognises the EEA (Res. CD/ANPD 32/2026), not the United States.
        assert_eq!(judge(Exporter::Brazil, &["IE"], &[Adequacy]), None);
        assert_eq!(
            judge(Exporter::Brazil, &["US"], &[Adequacy]),
            Some(Misfit::NotAdequate(c("US")))
        );
        // The US is adequate only for certified companies: that is the DPF, named as such.
        assert_eq!(
            judge(Exporter::Eu, &["US"], &[Adequacy]),
            Some(Misfit::NotAdequate(c("US")))
        );
        assert_eq!(
            judge(Exporter::Eu, &["IE", "US"], &[DataPrivacyFramework]),
            None
        );
        assert_eq!(
            judge(Exporter::Eu, &["IN"], &[DataPrivacyFramework]),
            Some(Misfit::FrameworkOutsideUs(c("IN")))
        );
    }

    #[test]
    fn each_framework_covers_its_own_law_and_only_us_recipients() {
        // The UK Extension: UK users' data, a US recipient (SI 2023/1028).
        assert_eq!(judge(Exporter::Uk, &["US", "IE"], &[UkExtension]), None);
        assert_eq!(
            judge(Exporter::Uk, &["IN"], &[UkExtension]),
            Some(Misfit::FrameworkOutsideUs(c("IN")))
        );
        assert_eq!(
            judge(Exporter::Eu, &["US"], &[UkExtension]),
            Some(Misfit::OtherLaw(c("US")))
        );
        // The EU-US DPF does not carry UK users' data (FN-12), nor Swiss users'.
        assert_eq!(
            judge(Exporter::Uk, &["US"], &[DataPrivacyFramework]),
            Some(Misfit::OtherLaw(c("US")))
        );
        assert_eq!(
            judge(Exporter::Switzerland, &["US"], &[DataPrivacyFramework]),
            Some(Misfit::OtherLaw(c("US")))
        );
        assert_eq!(judge(Exporter::Switzerland, &["US"], &[SwissUsDpf]), None);
        // One list for both laws: each law finds its own instrument in it.
        let both = [DataPrivacyFramework, UkExtension];
        assert_eq!(judge(Exporter::Eu, &["US"], &both), None);
        assert_eq!(judge(Exporter::Uk, &["US"], &both), None);
    }

    #[test]
    fn contracts_are_the_law_s_own_clauses() {
        // UK data needs the IDTA or the Addendum; the EU clauses alone do not do.
        assert_eq!(
            judge(Exporter::Uk, &["IN"], &[StandardContractualClauses]),
            Some(Misfit::OtherLaw(c("IN")))
        );
        assert_eq!(judge(Exporter::Uk, &["IN"], &[Idta]), None);
        assert_eq!(judge(Exporter::Uk, &["IN"], &[UkAddendum]), None);
        assert_eq!(judge(Exporter::Eu, &["IN"], &[UkAddendum]), None);
        assert_eq!(
            judge(Exporter::Eu, &["IN"], &[Idta]),
            Some(Misfit::OtherLaw(c("IN")))
        );
        assert_eq!(
            judge(
                Exporter::Switzerland,
                &["IN"],
                &[StandardContractualClauses]
            ),
            None
        );
        // LGPD Art. 33: the ANPD's clauses, not the EU's or the DPF (FN-3).
        assert_eq!(judge(Exporter::Brazil, &["US"], &[AnpdClauses]), None);
        for eu_only in [StandardContractualClauses, DataPrivacyFramework] {
            assert_eq!(
                judge(Exporter::Brazil, &["US"], &[eu_only]),
                Some(Misfit::OtherLaw(c("US")))
            );
        }
        assert_eq!(
            judge(Exporter::Eu, &["US"], &[AnpdClauses]),
            Some(Misfit::OtherLaw(c("US")))
        );
    }

    #[test]
    fn derogations_do_not_carry_a_recipient() {
        for s in [Consent, ContractNecessity] {
            assert_eq!(judge(Exporter::Eu, &["US"], &[s]), Some(Misfit::Derogation));
            assert_eq!(judge(Exporter::Uk, &["US"], &[s]), Some(Misfit::Derogation));
            // LGPD Art. 33(VIII) and (IX): bases in their own right.
            assert_eq!(judge(Exporter::Brazil, &["US"], &[s]), None);
        }
        assert_eq!(
            judge(Exporter::Eu, &["US"], &[StandardContractualClauses]),
            None
        );
    }

    fn worldwide(law: Exporter, countries: &[&str], named: &[Safeguard]) -> Option<Misfit> {
        let countries: Vec<Country> = countries.iter().map(|&x| c(x)).collect();
        misfit(
            law,
            &countries,
            true,
            &Safeguards::new(named.iter().copied()),
        )
    }

    #[test]
    fn around_the_world_only_mechanisms_that_go_with_the_data_fit() {
        // Adequacy and the frameworks are findings about named countries.
        for named in [
            &[Adequacy][..],
            &[DataPrivacyFramework],
            &[Adequacy, DataPrivacyFramework],
        ] {
            assert_eq!(
                worldwide(Exporter::Eu, &["US"], named),
                Some(Misfit::Worldwide)
            );
        }
        assert_eq!(
            worldwide(Exporter::Uk, &[], &[UkExtension]),
            Some(Misfit::Worldwide)
        );
        // Clauses and corporate rules do, each law its own.
        assert_eq!(
            worldwide(Exporter::Eu, &["US"], &[StandardContractualClauses]),
            None
        );
        assert_eq!(
            worldwide(
                Exporter::Eu,
                &["US"],
                &[DataPrivacyFramework, StandardContractualClauses]
            ),
            None
        );
        assert_eq!(worldwide(Exporter::Uk, &[], &[Idta]), None);
        assert_eq!(
            worldwide(Exporter::Switzerland, &[], &[BindingCorporateRules]),
            None
        );
        assert_eq!(worldwide(Exporter::Brazil, &[], &[AnpdClauses]), None);
        assert_eq!(
            worldwide(Exporter::Uk, &[], &[StandardContractualClauses]),
            Some(Misfit::Worldwide)
        );
        // A derogation is no more fit for a network than for one country.
        assert_eq!(
            worldwide(Exporter::Eu, &[], &[Consent]),
            Some(Misfit::Derogation)
        );
        // Never "no transfer" nor "unneeded": even a recipient in Germany that also
        // works around the world transfers data.
        assert_eq!(
            worldwide(Exporter::Eu, &["DE"], &[StandardContractualClauses]),
            None
        );
        assert_eq!(
            worldwide(Exporter::Eu, &["DE"], &[Adequacy]),
            Some(Misfit::Worldwide)
        );
        // Nothing named: nothing to judge here (the missing safeguard is its own finding).
        assert_eq!(worldwide(Exporter::Eu, &[], &[]), None);
    }

    #[test]
    fn every_table_entry_is_a_country() {
        for table in [EU_ADEQUATE, UK_ADEQUATE, SWISS_ADEQUATE] {
            for a in table {
                assert!(a.code.parse::<Country>().is_ok(), "{}", a.code);
                assert!(!a.code.parse::<Country>().unwrap().in_eea(), "{}", a.code);
            }
        }
    }
}
