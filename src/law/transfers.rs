//! International transfers: where a law's territory ends, and which destinations it
//! has found adequate, as dated tables with their sources.
//!
//! A transfer, for these laws, is a disclosure by someone subject to the law to a
//! recipient outside its territory (EDPB Guidelines 05/2021 on the interplay between
//! Art. 3 and Chapter V). So a recipient inside the territory needs no safeguard at
//! all, and a safeguard printed for it misleads the reader (legal review S1); a
//! recipient outside needs one that fits its country.

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

impl Exporter {
    /// The law's name as a finding states it.
    pub fn name(self) -> &'static str {
        match self {
            Exporter::Eu => "the GDPR",
            Exporter::Uk => "the UK GDPR",
            Exporter::Switzerland => "the Swiss FADP",
        }
    }

    /// Whether a recipient in `country` is inside the law's own territory, so no
    /// transfer takes place.
    pub fn inside(self, country: Country) -> bool {
        match self {
            Exporter::Eu => country.in_eea(),
            Exporter::Uk => country.code() == "GB",
            Exporter::Switzerland => country.code() == "CH",
        }
    }

    /// The destination's adequacy finding under this law, if it has one. For the UK
    /// and Switzerland the EEA counts as adequate too.
    pub fn adequacy(self, country: Country) -> Option<&'static Adequate> {
        const EEA: Adequate = adequate("EEA", "the law's own recognition of the EEA");
        let table = match self {
            Exporter::Eu => EU_ADEQUATE,
            Exporter::Uk => UK_ADEQUATE,
            Exporter::Switzerland => SWISS_ADEQUATE,
        };
        if self != Exporter::Eu && country.in_eea() {
            return Some(&EEA);
        }
        table.iter().find(|a| a.code == country.code())
    }
}

/// What is wrong with a recipient's safeguard under one law, if anything.
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
    /// The Data Privacy Framework for a country other than the United States.
    FrameworkOutsideUs(Country),
    /// A derogation (Art. 49(1)(a) consent, 49(1)(b) contract) for a recipient that
    /// receives data as a matter of course: derogations are for occasional transfers
    /// (EDPB Guidelines 2/2018, section 2.1) (FN-7).
    Derogation,
}

/// Whether `safeguard` fits a recipient processing data in `countries` under `law`.
/// `None` when it fits, or when there is nothing to judge (no countries, no safeguard).
pub fn misfit(law: Exporter, countries: &[Country], safeguard: Safeguard) -> Option<Misfit> {
    if countries.is_empty() {
        return None;
    }
    let outside: Vec<Country> = countries
        .iter()
        .copied()
        .filter(|&c| !law.inside(c))
        .collect();
    if outside.is_empty() {
        return (safeguard != Safeguard::NotApplicable).then_some(Misfit::NoTransfer);
    }
    // A country with an adequacy decision for everyone needs nothing more, whatever
    // mechanism the recipient names for its other countries.
    let uncovered: Vec<Country> = outside
        .into_iter()
        .filter(|&c| law.adequacy(c).is_none_or(|a| a.certified_only))
        .collect();
    let Some(&first) = uncovered.first() else {
        // Adequacy covers every country: naming anything else misinforms the reader,
        // who is owed the adequacy decision (Art. 13(1)(f)).
        return (!matches!(safeguard, Safeguard::Adequacy | Safeguard::NotApplicable))
            .then_some(Misfit::Unneeded);
    };
    match safeguard {
        Safeguard::Adequacy => Some(Misfit::NotAdequate(first)),
        Safeguard::DataPrivacyFramework => uncovered
            .iter()
            .find(|c| c.code() != "US")
            .map(|&c| Misfit::FrameworkOutsideUs(c)),
        Safeguard::Consent | Safeguard::ContractNecessity => Some(Misfit::Derogation),
        Safeguard::StandardContractualClauses
        | Safeguard::BindingCorporateRules
        | Safeguard::NotApplicable => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Country {
        code.parse().unwrap()
    }

    #[test]
    fn a_recipient_inside_the_territory_is_no_transfer() {
        let germany = [c("DE")];
        assert_eq!(
            misfit(
                Exporter::Eu,
                &germany,
                Safeguard::StandardContractualClauses
            ),
            Some(Misfit::NoTransfer)
        );
        assert_eq!(
            misfit(Exporter::Eu, &germany, Safeguard::NotApplicable),
            None
        );
        // From the UK, Germany is a transfer, covered by the UK's recognition of the EEA.
        assert_eq!(misfit(Exporter::Uk, &germany, Safeguard::Adequacy), None);
        assert_eq!(
            misfit(
                Exporter::Uk,
                &germany,
                Safeguard::StandardContractualClauses
            ),
            Some(Misfit::Unneeded)
        );
    }

    #[test]
    fn adequacy_only_where_there_is_a_decision() {
        assert_eq!(
            misfit(Exporter::Eu, &[c("CN")], Safeguard::Adequacy),
            Some(Misfit::NotAdequate(c("CN")))
        );
        assert_eq!(misfit(Exporter::Eu, &[c("JP")], Safeguard::Adequacy), None);
        assert_eq!(misfit(Exporter::Eu, &[c("BR")], Safeguard::Adequacy), None);
        // The US is adequate only for certified companies: that is the DPF, named as such.
        assert_eq!(
            misfit(Exporter::Eu, &[c("US")], Safeguard::Adequacy),
            Some(Misfit::NotAdequate(c("US")))
        );
        assert_eq!(
            misfit(
                Exporter::Eu,
                &[c("IE"), c("US")],
                Safeguard::DataPrivacyFramework
            ),
            None
        );
        assert_eq!(
            misfit(Exporter::Eu, &[c("IN")], Safeguard::DataPrivacyFramework),
            Some(Misfit::FrameworkOutsideUs(c("IN")))
        );
        // From the UK, Ireland is covered by adequacy: the DPF is for the US part.
        assert_eq!(
            misfit(
                Exporter::Uk,
                &[c("US"), c("IE")],
                Safeguard::DataPrivacyFramework
            ),
            None
        );
    }

    #[test]
    fn derogations_do_not_carry_a_recipient() {
        for s in [Safeguard::Consent, Safeguard::ContractNecessity] {
            assert_eq!(
                misfit(Exporter::Eu, &[c("US")], s),
                Some(Misfit::Derogation)
            );
        }
        assert_eq!(
            misfit(
                Exporter::Eu,
                &[c("US")],
                Safeguard::StandardContractualClauses
            ),
            None
        );
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
