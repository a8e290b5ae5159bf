//! The US states' comprehensive consumer privacy laws, one row per state: what each
//! grants and demands of a privacy notice, with the statute each fact comes from.
//!
//! One table serves three readers: `check` (the `us-states-*` rules read which states
//! want an appeal, honour an opt-out signal, or require the Texas notice), the policy's
//! "another US state" paragraph (which names the states and the rights from these rows,
//! so it can never claim a right no row grants), and the README's rule table. A fact
//! the sources used here did not confirm is listed in the row's `to_confirm`, and the
//! README says "to confirm" beside it.
//!
//! Sources: the statutes as cited per row; the notice duties as quoted from Tex. Bus. &
//! Com. Code 541.102 (lexace.ai/us/statute/texas/541.102); Minn. Stat. 325M.14
//! (revisor.mn.gov/statutes/cite/325M.14); the Oregon sections as listed at
//! cliclaw.com (ORS 646A.570-646A.589); the opt-out-signal states and dates from
//! cookiebeam.com/guides/universal-opt-out-mechanisms-us-state-laws-2026,
//! legalclarity.org/universal-opt-out-mechanisms-state-requirements-and-penalties and
//! eyeonprivacy.com (2022-10, Colorado and Connecticut dates).

use crate::answers::Answers;
use crate::answers::values::Date;
use crate::answers::vocab::Region;

/// How a state's law treats processing sensitive data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensitiveData {
    /// Only with the consumer's opt-in consent.
    Consent,
    /// After notice and an opportunity to opt out (Utah, Iowa).
    NoticeAndOptOut,
    /// Only where strictly necessary for the product asked for, and never sold
    /// (Maryland).
    StrictlyNecessary,
}

/// One state's comprehensive privacy law.
#[derive(Debug)]
pub struct UsState {
    /// USPS code ("VA").
    pub code: &'static str,
    pub name: &'static str,
    /// The law's short title.
    pub act: &'static str,
    /// Where the law is codified.
    pub statute: &'static str,
    /// The provision listing what the privacy notice must say.
    pub notice: &'static str,
    /// When the law took effect (`YYYY-MM-DD`).
    pub in_force: &'static str,
    /// When it applies to a business, for `check`'s info note (not tested: the answers
    /// do not hold the operator's revenue or number of consumers).
    pub thresholds: &'static str,
    /// The right to correct inaccurate data: from when the law grants it (`YYYY-MM-DD`;
    /// the law's own date, or the amendment's that added it), `None` when it does not.
    /// Read with [`UsState::grants_correction`].
    pub correct: Option<&'static str>,
    /// The right to opt out of profiling in furtherance of significant decisions.
    pub profiling_opt_out: bool,
    /// A consumer may appeal a refusal, and the notice must say how.
    pub appeal: bool,
    /// From when a universal opt-out signal (Global Privacy Control) must be honoured
    /// as an opt-out of sale and targeted advertising; `None` when the law does not
    /// require it.
    pub opt_out_signal_from: Option<&'static str>,
    pub sensitive: SensitiveData,
    /// A consumer may obtain a list of the specific third parties their data went to.
    pub specific_third_parties: bool,
    /// A consumer whose data is profiled in furtherance of decisions with legal or
    /// similarly significant effects may question the result, be told the reason,
    /// review the data used and have the decision re-evaluated on corrected data
    /// (Minnesota alone: Minn. Stat. 325M.14 subd. 1(g)).
    pub profiling_review: bool,
    /// What in this row the sources used did not confirm ("" when all was confirmed).
    pub to_confirm: &'static str,
}

/// The eighteen states named in issue 12, as in force in 2026, in order of taking effect.
pub static STATES: &[UsState] = &[
    UsState {
        code: "VA",
        name: "Virginia",
        act: "Consumer Data Protection Act",
        statute: "Va. Code 59.1-575 to 59.1-585",
        notice: "Va. Code 59.1-578(C)",
        in_force: "2023-01-01",
        thresholds: "100,000 consumers a year, or 25,000 and over half of revenue from selling personal data",
        correct: Some("2023-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "CO",
        name: "Colorado",
        act: "Colorado Privacy Act",
        statute: "Colo. Rev. Stat. 6-1-1301 to 6-1-1313",
        notice: "Colo. Rev. Stat. 6-1-1308(1)",
        in_force: "2023-07-01",
        thresholds: "100,000 consumers a year, or 25,000 and any revenue or discount from selling personal data",
        correct: Some("2023-07-01"),
        profiling_opt_out: true,
        appeal: true,
        // 6-1-1306(1)(a)(IV); 4 CCR 904-3 Part 5 (GPC recognised).
        opt_out_signal_from: Some("2024-07-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "CT",
        name: "Connecticut",
        act: "Connecticut Data Privacy Act",
        statute: "Conn. Gen. Stat. 42-515 to 42-526",
        notice: "Conn. Gen. Stat. 42-520(c)",
        in_force: "2023-07-01",
        thresholds: "100,000 consumers a year (lowered by the 2025 amendments from 1 July 2026), or 25,000 and over a quarter of revenue from selling personal data",
        correct: Some("2023-07-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "thresholds after the 2025 amendments (SB 1295)",
    },
    UsState {
        code: "UT",
        name: "Utah",
        act: "Utah Consumer Privacy Act",
        statute: "Utah Code 13-61-101 to 13-61-404",
        notice: "Utah Code 13-61-302(1)",
        in_force: "2023-12-31",
        thresholds: "annual revenue of $25 million and 100,000 consumers, or 25,000 and over half of revenue from selling personal data",
        // 13-61-201(4), added by H.B. 418 (Laws of Utah 2025, ch. 468), in force
        // 1 July 2026 (lexace.ai/us/statute/utah/13-61-201; the earlier text, without
        // it, "superseded 7/1/2026" at self-law.org/code/ut/title-13/chapter-61/7).
        correct: Some("2026-07-01"),
        profiling_opt_out: false,
        appeal: false,
        opt_out_signal_from: None,
        sensitive: SensitiveData::NoticeAndOptOut,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "TX",
        name: "Texas",
        act: "Texas Data Privacy and Security Act",
        statute: "Tex. Bus. & Com. Code 541.001 to 541.205",
        notice: "Tex. Bus. & Com. Code 541.102",
        in_force: "2024-07-01",
        thresholds: "no volume threshold: every business that is not a small business as the SBA defines it; small businesses still need consent to sell sensitive data (541.107)",
        correct: Some("2024-07-01"),
        profiling_opt_out: true,
        appeal: true,
        // 541.055(e).
        opt_out_signal_from: Some("2025-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "OR",
        name: "Oregon",
        act: "Oregon Consumer Privacy Act",
        statute: "Or. Rev. Stat. 646A.570 to 646A.589",
        notice: "Or. Rev. Stat. 646A.578",
        in_force: "2024-07-01",
        thresholds: "100,000 consumers a year, or 25,000 and a quarter of revenue from selling personal data",
        correct: Some("2024-07-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2026-01-01"),
        sensitive: SensitiveData::Consent,
        // 646A.574(1)(a)(B).
        specific_third_parties: true,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "MT",
        name: "Montana",
        act: "Montana Consumer Data Privacy Act",
        statute: "Mont. Code 30-14-2801 to 30-14-2817",
        notice: "Mont. Code 30-14-2812",
        in_force: "2024-10-01",
        thresholds: "50,000 consumers a year (25,000 after the 2025 amendments), or fewer with a share of revenue from selling personal data",
        correct: Some("2024-10-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "thresholds after the 2025 amendments (SB 297)",
    },
    UsState {
        code: "IA",
        name: "Iowa",
        act: "Iowa Consumer Data Protection Act",
        statute: "Iowa Code ch. 715D",
        notice: "Iowa Code 715D.4",
        in_force: "2025-01-01",
        thresholds: "100,000 consumers a year, or 25,000 and over half of revenue from selling personal data",
        correct: None,
        profiling_opt_out: false,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::NoticeAndOptOut,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "DE",
        name: "Delaware",
        act: "Delaware Personal Data Privacy Act",
        statute: "Del. Code tit. 6, ch. 12D",
        notice: "Del. Code tit. 6, 12D-106",
        in_force: "2025-01-01",
        thresholds: "35,000 consumers a year, or 10,000 and over a fifth of revenue from selling personal data",
        correct: Some("2025-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2026-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "NE",
        name: "Nebraska",
        act: "Nebraska Data Privacy Act",
        statute: "Neb. Rev. Stat. 87-1101 to 87-1130",
        notice: "Neb. Rev. Stat. 87-1108",
        in_force: "2025-01-01",
        thresholds: "no volume threshold: every business that is not a small business as the SBA defines it",
        correct: Some("2025-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number and the opt-out-signal date",
    },
    UsState {
        code: "NH",
        name: "New Hampshire",
        act: "New Hampshire privacy act",
        statute: "N.H. Rev. Stat. ch. 507-H",
        notice: "N.H. Rev. Stat. 507-H:6",
        in_force: "2025-01-01",
        thresholds: "35,000 consumers a year, or 10,000 and over a quarter of revenue from selling personal data",
        correct: Some("2025-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-01-01"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number and the opt-out-signal date",
    },
    UsState {
        code: "NJ",
        name: "New Jersey",
        act: "New Jersey Data Privacy Act",
        statute: "N.J. Stat. 56:8-166.4 to 56:8-166.19",
        notice: "N.J. Stat. 56:8-166.6",
        in_force: "2025-01-15",
        thresholds: "100,000 consumers a year, or 25,000 and any revenue or discount from selling personal data",
        correct: Some("2025-01-15"),
        profiling_opt_out: true,
        appeal: true,
        // Eighteen months after the Act took effect (clarip.com).
        opt_out_signal_from: Some("2025-07-15"),
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "",
    },
    UsState {
        code: "TN",
        name: "Tennessee",
        act: "Tennessee Information Protection Act",
        statute: "Tenn. Code 47-18-3201 to 47-18-3213",
        notice: "Tenn. Code 47-18-3204",
        in_force: "2025-07-01",
        thresholds: "annual revenue over $25 million and 175,000 consumers, or 25,000 and over half of revenue from selling personal data",
        correct: Some("2025-07-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number",
    },
    UsState {
        code: "MN",
        name: "Minnesota",
        act: "Minnesota Consumer Data Privacy Act",
        statute: "Minn. Stat. 325M.10 to 325M.21",
        // 325M.16 subd. 1 (transparency obligations), as amended text quoted in SF 4666
        // (2026) at revisor.mn.gov and listed at ag.state.mn.us.
        notice: "Minn. Stat. 325M.16",
        in_force: "2025-07-31",
        thresholds: "100,000 consumers a year, or 25,000 and over a quarter of revenue from selling personal data",
        correct: Some("2025-07-31"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-07-31"),
        sensitive: SensitiveData::Consent,
        // 325M.14 subd. 1(h).
        specific_third_parties: true,
        // 325M.14 subd. 1(g) grants it; 325M.16 subd. 1(a)(3) asks the notice to
        // explain the 325M.14 rights (revisor.mn.gov/statutes/cite/325M.14; the
        // notice duty as listed at ag.state.mn.us/Data-Privacy).
        profiling_review: true,
        to_confirm: "",
    },
    UsState {
        code: "MD",
        name: "Maryland",
        act: "Maryland Online Data Privacy Act",
        statute: "Md. Code Com. Law 14-4601 to 14-4613",
        notice: "Md. Code Com. Law 14-4607",
        in_force: "2025-10-01",
        thresholds: "35,000 consumers a year, or 10,000 and over a fifth of revenue from selling personal data",
        correct: Some("2025-10-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: Some("2025-10-01"),
        sensitive: SensitiveData::StrictlyNecessary,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number",
    },
    UsState {
        code: "IN",
        name: "Indiana",
        act: "Indiana Consumer Data Protection Act",
        statute: "Ind. Code 24-15",
        notice: "Ind. Code 24-15-4-3",
        in_force: "2026-01-01",
        thresholds: "100,000 consumers a year, or 25,000 and over half of revenue from selling personal data",
        correct: Some("2026-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number",
    },
    UsState {
        code: "KY",
        name: "Kentucky",
        act: "Kentucky Consumer Data Protection Act",
        statute: "Ky. Rev. Stat. 367.3611 to 367.3629",
        notice: "Ky. Rev. Stat. 367.3621",
        in_force: "2026-01-01",
        thresholds: "100,000 consumers a year, or 25,000 and over half of revenue from selling personal data",
        correct: Some("2026-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number",
    },
    UsState {
        code: "RI",
        name: "Rhode Island",
        act: "Rhode Island Data Transparency and Privacy Protection Act",
        statute: "R.I. Gen. Laws 6-48.1-1 to 6-48.1-10",
        notice: "R.I. Gen. Laws 6-48.1-3",
        in_force: "2026-01-01",
        thresholds: "35,000 consumers a year, or 10,000 and over a fifth of revenue from selling personal data",
        correct: Some("2026-01-01"),
        profiling_opt_out: true,
        appeal: true,
        opt_out_signal_from: None,
        sensitive: SensitiveData::Consent,
        specific_third_parties: false,
        profiling_review: false,
        to_confirm: "the notice section number; the duty to name the third parties data may be sold to",
    },
];

impl UsState {
    /// Whether the state's law grants the right to correct on `on` (an undated draft
    /// is read against the law as it now stands, as [`opt_out_signal_states`] reads it).
    pub fn grants_correction(&self, on: Option<Date>) -> bool {
        self.correct
            .is_some_and(|from| on.is_none_or(|d| from <= d.to_string().as_str()))
    }
}

/// The product serves people in US states other than California; the states' laws
/// (each within its own thresholds) then apply. Used by the interview, `check` and the
/// rights paragraph alike.
pub fn applies(a: &Answers) -> bool {
    a.audience.serves(Region::UsOther)
}

/// The date the policy speaks from: its effective date, else its last update. `None`
/// for a draft with neither, which is then read against every state's law.
pub fn policy_date(a: &Answers) -> Option<Date> {
    a.policy.effective_date.or(a.policy.last_updated)
}

/// The states whose law is in force on `on` (every state when `on` is unknown).
pub fn in_force(on: Option<Date>) -> impl Iterator<Item = &'static UsState> {
    STATES
        .iter()
        .filter(move |s| on.is_none_or(|d| s.in_force <= d.to_string().as_str()))
}

/// The states, in force on the policy's date, that make the operator honour an
/// opt-out signal from that date (every such state for an undated draft).
pub fn opt_out_signal_states(a: &Answers) -> Vec<&'static UsState> {
    let on = policy_date(a);
    in_force(on)
        .filter(|s| {
            s.opt_out_signal_from
                .is_some_and(|from| on.is_none_or(|d| from <= d.to_string().as_str()))
        })
        .collect()
}

/// Whether the answers describe any data as sensitive: a GDPR Art. 9 category or CCPA
/// sensitive personal information (the states' "sensitive data" overlaps both; see
/// [`crate::answers::DataCategory::is_us_state_sensitive`]).
pub fn sensitive_data(a: &Answers) -> bool {
    a.data.categories.iter().any(|c| c.is_us_state_sensitive())
}

/// Whether Texas's sale notice may be due: Texas is in force, the operator does not
/// say it never sells, and some data is sensitive (Tex. Bus. & Com. Code 541.102(b)).
pub fn texas_sale_notice_may_apply(a: &Answers) -> bool {
    applies(a)
        && in_force(policy_date(a)).any(|s| s.code == "TX")
        && a.sale_and_sharing.sells != Some(false)
        && sensitive_data(a)
}

/// Whether Texas's biometric sale notice may be due (Tex. Bus. & Com. Code 541.102(c);
/// "biometric data" is defined in 541.001(3), texas.public.law): Texas is in force,
/// the operator does not say it never sells, and some data is biometric (its CCPA
/// category, asked only when California is served) or sensitive (the question that
/// marks it names biometrics among its examples), so may be biometric.
pub fn texas_biometric_notice_may_apply(a: &Answers) -> bool {
    applies(a)
        && in_force(policy_date(a)).any(|s| s.code == "TX")
        && a.sale_and_sharing.sells != Some(false)
        && (sensitive_data(a) || a.data.categories.iter().any(|c| c.is_biometric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_each_state_once_in_order_of_taking_effect() {
        assert_eq!(STATES.len(), 18);
        let mut codes: Vec<_> = STATES.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 18);
        assert!(STATES.windows(2).all(|w| w[0].in_force <= w[1].in_force));
        for s in STATES {
            assert!(s.in_force.parse::<Date>().is_ok(), "{}", s.code);
            if let Some(from) = s.opt_out_signal_from {
                assert!(from >= s.in_force, "{}: signal before the law", s.code);
            }
        }
    }

    /// The README's state table is what founders read: each row agrees with the code
    /// on the date, the notice section, the appeal and the opt-out-signal date.
    #[test]
    fn the_readme_table_agrees_with_this_one() {
        let readme = include_str!("../../README.md");
        for s in STATES {
            let row = readme
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", s.name)))
                .unwrap_or_else(|| panic!("README has no row for {}", s.name));
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let notice = s.notice.rsplit_once(' ').map_or(s.notice, |(_, n)| n);
            assert_eq!(cells[3], s.in_force, "{row}");
            assert!(cells[4].ends_with(notice), "{row}");
            assert_eq!(cells[5], if s.appeal { "yes" } else { "no" }, "{row}");
            assert_eq!(cells[7], s.opt_out_signal_from.unwrap_or("—"), "{row}");
            assert_eq!(cells[9].is_empty(), s.to_confirm.is_empty(), "{row}");
        }
    }

    /// Utah Code 13-61-201(4), added by H.B. 418 (2025), grants correction from 1 July
    /// 2026: a policy dated before says Utah does not, one dated from then that it does.
    #[test]
    fn utah_grants_correction_from_1_july_2026() {
        let state = |code| STATES.iter().find(|s| s.code == code).unwrap();
        let (utah, iowa) = (state("UT"), state("IA"));
        assert!(!utah.grants_correction(Some("2026-06-30".parse().unwrap())));
        assert!(utah.grants_correction(Some("2026-07-01".parse().unwrap())));
        assert!(utah.grants_correction(None));
        assert!(!iowa.grants_correction(None));
        for s in STATES {
            if let Some(from) = s.correct {
                assert!(from >= s.in_force, "{}: correction before the law", s.code);
            }
        }
        let review: Vec<_> = STATES.iter().filter(|s| s.profiling_review).collect();
        assert_eq!(review.len(), 1);
        assert_eq!(review[0].code, "MN");
    }

    #[test]
    fn a_policy_dated_before_a_law_took_effect_does_not_name_it() {
        let early: Date = "2024-01-01".parse().unwrap();
        let names: Vec<_> = in_force(Some(early)).map(|s| s.name).collect();
        assert_eq!(names, ["Virginia", "Colorado", "Connecticut", "Utah"]);
        assert_eq!(in_force(None).count(), 18);
        let mut a = Answers::default();
        a.policy.last_updated = Some("2025-02-01".parse().unwrap());
        let signals: Vec<_> = opt_out_signal_states(&a).iter().map(|s| s.code).collect();
        assert_eq!(signals, ["CO", "CT", "TX", "MT", "NE", "NH"]);
    }
}
