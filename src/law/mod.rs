//! Which law applies to these answers: each applicability test named once.
//!
//! The interview (which questions are asked), the resolved policy (which answers are
//! kept), `check` (which rules run) and the templates (which statements are made) all
//! ask these functions, so they can never disagree about whether, say, the GDPR
//! applies. Before this module there were three definitions, and the wizard deleted a
//! purpose's legal basis that `check` then demanded back.
//!
//! The tests are deliberately about *territorial scope*, not about the content of the
//! law: that lives with the rules in `check`.

pub mod transfers;
pub mod us_states;

use crate::answers::Answers;
use crate::answers::values::Country;
use crate::answers::vocab::Region;

/// EU GDPR, Art. 3: the operator is established in the EEA (Art. 3(1)), or offers the
/// product to people in the EEA (Art. 3(2)(a)). The EEA Agreement extends the GDPR to
/// Iceland, Liechtenstein and Norway.
pub fn eu_gdpr(a: &Answers) -> bool {
    a.audience.serves(Region::Eea) || established_in_eea(a) == Some(true)
}

/// UK GDPR, Art. 3 (as retained by the Data Protection Act 2018): established in the
/// UK, or offering the product to people there.
pub fn uk_gdpr(a: &Answers) -> bool {
    a.audience.serves(Region::Uk) || established_in(a, "GB") == Some(true)
}

/// Swiss Federal Act on Data Protection (revFADP, in force 1 September 2023), Art. 3(1):
/// it applies to processing that has an effect in Switzerland, even when started
/// abroad; here, serving people in Switzerland or being established there.
pub fn swiss_fadp(a: &Answers) -> bool {
    a.audience.serves(Region::Switzerland) || established_in(a, "CH") == Some(true)
}

/// Either GDPR: the Art. 13/14 content rules are the same in both, so `check` reports
/// them once.
pub fn any_gdpr(a: &Answers) -> bool {
    eu_gdpr(a) || uk_gdpr(a)
}

/// A European law that asks for a legal basis per purpose and a safeguard per transfer
/// applies: the EU GDPR (Art. 6, 13(1)(c), 13(1)(f), 44–49), the UK GDPR (same
/// articles), or the revFADP (Art. 16–17, 19(2)(b)). The interview asks for legal
/// bases and transfer safeguards exactly when this holds, which is never less than
/// when `check` demands them ([`any_gdpr`]).
pub fn european(a: &Answers) -> bool {
    any_gdpr(a) || swiss_fadp(a)
}

/// A law that asks for each purpose's legal basis applies: a European one
/// ([`european`]), or Brazil's LGPD, whose Art. 7 lists the bases on which data may be
/// processed at all ("somente poderá ser realizado nas seguintes hipóteses") and whose
/// Art. 9 asks that the processing be explained to the data subject. The interview
/// asks a purpose's basis exactly when this holds, so `lgpd-legal-basis` never asks
/// for an answer the policy would leave out (legal review, seventh round).
pub fn legal_basis(a: &Answers) -> bool {
    european(a) || lgpd(a)
}

/// California: CCPA/CPRA (Cal. Civ. Code 1798.100 ff.) and CalOPPA (Bus. & Prof.
/// Code 22575) for a product offered to Californians.
pub fn california(a: &Answers) -> bool {
    a.audience.serves(Region::California)
}

/// A US law applies: California's, or the other states' comprehensive privacy laws.
pub fn united_states(a: &Answers) -> bool {
    a.audience.serves(Region::California) || a.audience.serves(Region::UsOther)
}

/// The US states' comprehensive privacy laws (Virginia, Colorado, ...; the table is in
/// [`us_states`]): the product serves people in US states other than California.
pub fn us_state_laws(a: &Answers) -> bool {
    us_states::applies(a)
}

/// Brazil's LGPD, Art. 3: processing of data of people in Brazil, or offering goods or
/// services to them; here, serving Brazil.
pub fn lgpd(a: &Answers) -> bool {
    a.audience.serves(Region::Brazil)
}

/// Kazakhstan's Law No. 94-V "On Personal Data and their Protection": serving people
/// in Kazakhstan.
pub fn kazakhstan(a: &Answers) -> bool {
    a.audience.serves(Region::Kazakhstan)
}

/// A law that asks on what basis data leaves its territory: the European laws (GDPR
/// Art. 44-49, FADP Art. 16-17), the LGPD (Art. 33) or Kazakhstan's law (Art. 16). The
/// interview asks each recipient's safeguard exactly when this holds, so every rule
/// that points at one points at a question that is asked.
pub fn transfer_basis(a: &Answers) -> bool {
    european(a) || lgpd(a) || kazakhstan(a)
}

/// Swiss FADP Art. 14(1): a private controller with its seat abroad that processes data
/// of people in Switzerland must name a representative there when the processing is
/// connected with offering them goods or services, is regular and extensive, and
/// entails a high risk. The last conditions are not in the answers, so `check` warns.
pub fn needs_swiss_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Switzerland) && established_in(a, "CH") == Some(false)
}

/// Whether to ask for a Swiss representative (see [`may_need_eu_representative`]).
pub fn may_need_swiss_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Switzerland) && established_in(a, "CH") != Some(true)
}

/// GDPR Art. 27(1): an operator *not* established in the EEA that serves people in it
/// must name a representative there. Holds only when the operator's country is known.
pub fn needs_eu_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Eea) && established_in_eea(a) == Some(false)
}

/// Whether to ask for an EU representative: the product serves the EEA and the
/// operator is not known to be established there (an unknown country may need one).
pub fn may_need_eu_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Eea) && established_in_eea(a) != Some(true)
}

/// UK GDPR Art. 27(1): as [`needs_eu_representative`], for the UK.
pub fn needs_uk_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Uk) && established_in(a, "GB") == Some(false)
}

/// Whether to ask for a UK representative (see [`may_need_eu_representative`]).
pub fn may_need_uk_representative(a: &Answers) -> bool {
    a.audience.serves(Region::Uk) && established_in(a, "GB") != Some(true)
}

/// Whether the operator is established in the EEA; `None` when its country is not given.
pub fn established_in_eea(a: &Answers) -> Option<bool> {
    a.organization.country.map(Country::in_eea)
}

/// Whether the operator is established in the country with this ISO code; `None` when
/// its country is not given.
fn established_in(a: &Answers, code: &str) -> Option<bool> {
    a.organization.country.map(|c| c.code() == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(regions: &[Region], country: Option<&str>) -> Answers {
        let mut a = Answers::default();
        a.audience.regions = regions.to_vec();
        a.organization.country = country.map(|c| c.parse().unwrap());
        a
    }

    #[test]
    fn establishment_alone_brings_the_gdpr() {
        let a = answers(&[Region::California], Some("DE"));
        assert!(eu_gdpr(&a) && european(&a) && !uk_gdpr(&a));
        let a = answers(&[Region::California], Some("GB"));
        assert!(uk_gdpr(&a) && european(&a) && !eu_gdpr(&a));
        let a = answers(&[Region::California], Some("CH"));
        assert!(swiss_fadp(&a) && european(&a) && !any_gdpr(&a));
        let a = answers(&[Region::California], Some("US"));
        assert!(!european(&a) && california(&a) && united_states(&a));
    }

    #[test]
    fn representatives_are_asked_when_they_may_be_needed_and_demanded_when_they_are() {
        let unknown = answers(&[Region::Eea, Region::Uk], None);
        assert!(may_need_eu_representative(&unknown) && !needs_eu_representative(&unknown));
        assert!(may_need_uk_representative(&unknown) && !needs_uk_representative(&unknown));
        let abroad = answers(&[Region::Eea, Region::Uk], Some("US"));
        assert!(needs_eu_representative(&abroad) && needs_uk_representative(&abroad));
        let inside = answers(&[Region::Eea, Region::Uk], Some("FR"));
        assert!(!may_need_eu_representative(&inside) && needs_uk_representative(&inside));
    }
}
