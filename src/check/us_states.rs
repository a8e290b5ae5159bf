//! The US states' comprehensive privacy laws (Virginia, Colorado, Connecticut, ...): what
//! their privacy-notice sections ask a policy to say. Which state grants and demands
//! what is one table, `crate::law::us_states`; these rules read it, and so does the
//! policy's "another US state" paragraph.
//!
//! The notice duties are near-identical across the states; Texas's is quoted here as
//! the model (Tex. Bus. & Com. Code 541.102(a)): the categories of personal data
//! processed, including sensitive data; the purposes; how consumers exercise their
//! rights, "including the process by which a consumer may appeal"; the categories
//! shared with third parties and of those third parties; and the methods to submit
//! requests. Each state's own section is in its table row.

use super::{Hit, Regime, Rule, Severity};
use crate::answers::vocab::GpcResponse;
use crate::law::us_states::{self, SensitiveData};

const STATES: &str = "the product serves US states other than California";

pub static RULES: &[Rule] = &[
    Rule {
        id: "us-states-appeal",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Va. Code 59.1-578(C); Colo. Rev. Stat. 6-1-1308(1); Tex. Bus. & Com. Code \
                   541.102(a)(3); each state's notice section (README, US state table)",
        severity: Severity::Error,
        applies_when: "the product serves US states other than California, and a state whose \
                       law grants an appeal is in force on the policy's date",
        applies: |a| {
            us_states::applies(a)
                && us_states::in_force(us_states::policy_date(a)).any(|s| s.appeal)
        },
        test: |a| Hit::when(blank(&a.rights.appeal), "rights.appeal"),
        message: "The policy does not say how a consumer can appeal your refusal to act on a \
                  request; every state law except Utah's gives that appeal and wants the notice \
                  to say how",
    },
    Rule {
        id: "us-states-sale-disclosure",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Va. Code 59.1-578(D); Colo. Rev. Stat. 6-1-1308(1)(b); Tex. Bus. & Com. \
                   Code 541.103",
        severity: Severity::Error,
        applies_when: STATES,
        applies: us_states::applies,
        test: |a| {
            let s = &a.sale_and_sharing;
            let mut hits = Hit::when(s.sells.is_none(), "sale_and_sharing.sells");
            hits.extend(Hit::when(
                s.shares_for_advertising.is_none(),
                "sale_and_sharing.shares_for_advertising",
            ));
            hits
        },
        message: "The policy does not say whether personal data is sold or used for targeted \
                  advertising; a controller that does either must disclose it clearly, with \
                  how to opt out",
    },
    Rule {
        id: "us-states-opt-out-signal",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Colo. Rev. Stat. 6-1-1306(1)(a)(IV); Conn. Gen. Stat. 42-520(e); Tex. Bus. & \
                   Com. Code 541.055(e); Or. Rev. Stat. 646A.574; and the other states marked \
                   in the README's US state table",
        severity: Severity::Error,
        applies_when: "the product serves US states other than California, a state requiring \
                       opt-out signals to be honoured is in force, and personal data may be sold \
                       or used for targeted advertising",
        applies: |a| {
            let s = &a.sale_and_sharing;
            us_states::applies(a)
                && !us_states::opt_out_signal_states(a).is_empty()
                && (s.sells != Some(false) || s.shares_for_advertising != Some(false))
        },
        test: |a| {
            Hit::unless(
                a.tracking.global_privacy_control == Some(GpcResponse::HonoredAsOptOut),
                "tracking.global_privacy_control",
            )
        },
        message: "Personal data may be sold or used for targeted advertising, but the policy \
                  does not say that a Global Privacy Control signal is honoured as an opt-out; \
                  Colorado, Connecticut, Texas, Oregon and other states require it",
    },
    Rule {
        id: "us-states-texas-sensitive-sale",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Tex. Bus. & Com. Code 541.102(b)",
        severity: Severity::Error,
        applies_when: "the product serves US states other than California, Texas's law is in \
                       force, some data is sensitive and you do not say you never sell data",
        applies: us_states::texas_sale_notice_may_apply,
        test: |a| {
            Hit::when(
                a.sale_and_sharing.sells_sensitive.is_none(),
                "sale_and_sharing.sells_sensitive",
            )
        },
        message: "Sensitive data is collected and selling is not ruled out; say whether \
                  sensitive data is sold, since Texas then requires the notice \"NOTICE: We \
                  may sell your sensitive personal data.\"",
    },
    Rule {
        id: "us-states-texas-biometric-sale",
        reviewed: "2026-12-07",
        regime: Regime::UsStates,
        citation: "Tex. Bus. & Com. Code 541.102(c)",
        severity: Severity::Error,
        applies_when: "the product serves US states other than California, Texas's law is in \
                       force, some data is biometric (`ccpa_category: biometric`) or sensitive, \
                       and you do not say you never sell data",
        applies: us_states::texas_biometric_notice_may_apply,
        test: |a| {
            Hit::when(
                a.sale_and_sharing.sells_biometric.is_none(),
                "sale_and_sharing.sells_biometric",
            )
        },
        message: "Biometric or other sensitive data is collected and selling is not ruled \
                  out; say whether biometric data is sold, since Texas then requires the notice \"NOTICE: We \
                  may sell your biometric personal data.\"",
    },
    Rule {
        id: "us-states-texas-request-methods",
        reviewed: "2026-12-07",
        regime: Regime::UsStates,
        citation: "Tex. Bus. & Com. Code 541.055(a), 541.102(a)(6)",
        severity: Severity::Error,
        applies_when: "the product serves US states other than California and Texas's law is in \
                       force on the policy's date",
        applies: |a| {
            us_states::applies(a)
                && us_states::in_force(us_states::policy_date(a)).any(|s| s.code == "TX")
        },
        test: |a| Hit::when(request_methods(a) < 2, "organization.contact_form"),
        message: "Texas requires two or more secure and reliable methods for consumers to \
                  submit requests, described in the policy; it names fewer (an e-mail address \
                  alone is one): add a web form, or another method",
    },
    Rule {
        id: "us-states-purposes",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Va. Code 59.1-578(C)(2); Tex. Bus. & Com. Code 541.102(a)(2)",
        severity: Severity::Error,
        applies_when: STATES,
        applies: us_states::applies,
        test: super::no_purposes,
        message: "Data is collected, but no purpose says what it is used for",
    },
    Rule {
        id: "us-states-sensitive-consent",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Va. Code 59.1-578(A)(5); Colo. Rev. Stat. 6-1-1308(7); Tex. Bus. & Com. Code \
                   541.101(b)(4); Md. Code Com. Law 14-4607",
        severity: Severity::Info,
        applies_when: "the product serves US states other than California and some data is sensitive",
        applies: |a| us_states::applies(a) && us_states::sensitive_data(a),
        test: |a| {
            let consent: Vec<_> = us_states::in_force(us_states::policy_date(a))
                .filter(|s| s.sensitive == SensitiveData::Consent)
                .map(|s| s.code)
                .collect();
            super::entries(
                &a.data.categories,
                "data.categories",
                "ccpa_sensitive",
                |c| c.is_us_state_sensitive(),
                |c| format!("`{}`; consent needed in {}", c.name, consent.join(", ")),
            )
        },
        message: "Most state laws allow processing sensitive data only with the consumer's \
                  opt-in consent (Utah and Iowa: notice and a chance to opt out; Maryland: only \
                  where strictly necessary, and never for sale); make sure you ask for it \
                  (a log-in with its password is sensitive under the CCPA only, not under \
                  these laws)",
    },
    Rule {
        id: "us-states-thresholds",
        reviewed: "2026-12-06",
        regime: Regime::UsStates,
        citation: "Va. Code 59.1-576(A); Tex. Bus. & Com. Code 541.002; each state's scope \
                   section (README, US state table)",
        severity: Severity::Info,
        applies_when: STATES,
        applies: us_states::applies,
        test: |_| vec![Hit::at("audience.regions")],
        message: "Most state laws apply only above a number of consumers a year (35,000 to \
                  175,000, or fewer when selling data is a source of revenue); Texas and \
                  Nebraska apply to every business that is not a small business; the policy \
                  states the rights either way (each state's: `policywright check --explain \
                  us-states-thresholds`)",
    },
];

/// How many methods to submit a request the policy describes (Tex. Bus. & Com. Code
/// 541.055(a): "two or more secure and reliable methods"; 541.102(a)(6): the notice
/// describes them): the e-mail address for requests, the web contact form, and the
/// toll-free number, which the policy gives only in its California paragraph. A public
/// issue tracker is not counted (what is written there is public, so not "secure"), nor
/// the postal address, which the rights paragraph names only when nothing else is given.
fn request_methods(a: &crate::answers::Answers) -> usize {
    let o = &a.organization;
    let toll_free = crate::law::california(a)
        && a.rights.exclusively_online != Some(true)
        && !blank(&a.rights.toll_free_number);
    [
        o.request_email().is_some(),
        !blank(&o.contact_form),
        toll_free,
    ]
    .into_iter()
    .filter(|&m| m)
    .count()
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}
