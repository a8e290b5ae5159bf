//! Processors: who receives data, which data, where, and on what condition. A new
//! recipient, one receiving more data, or one no longer conditional is material.

use super::lists::{Fields, Records, differing};
use super::materiality::{MORE_DATA, NEW_RECIPIENT, SELLING, UNCONDITIONAL};
use super::phrases::{categories_phrase, countries_phrase};
use super::section::Section;
use crate::answers::Processor;
use crate::answers::vocab::ProcessorRole;
use crate::policy::Policy;

const PROCESSORS: Records<Processor, String> = Records {
    noun: |_| "processor",
    key: |p| p.id.clone(),
    name: |p| p.name.clone(),
    added: |answers, p| (processor_phrase(answers, p), Some(NEW_RECIPIENT)),
    removed: None,
};

const PROCESSOR_FIELDS: Fields<Processor> = &[
    ("name", |x, y| x.name != y.name),
    ("legal entity", |x, y| x.legal_entity != y.legal_entity),
    ("role", |x, y| x.role != y.role),
    ("controller", |x, y| x.controller != y.controller),
    ("purpose", |x, y| x.purpose != y.purpose),
    ("what it receives", |x, y| {
        x.data_description != y.data_description
    }),
    ("commitments", |x, y| x.commitments != y.commitments),
    ("privacy policy link", |x, y| {
        x.privacy_policy_url != y.privacy_policy_url
    }),
    ("data processing agreement link", |x, y| {
        x.dpa_url != y.dpa_url
    }),
    ("sub-processor list link", |x, y| {
        x.subprocessors_url != y.subprocessors_url
    }),
    ("security page link", |x, y| {
        x.security_url != y.security_url
    }),
    ("opt-out link", |x, y| x.opt_out_url != y.opt_out_url),
];

pub(super) fn processors(s: &mut Section) {
    let (old, new) = (s.old, s.new);
    s.records(&PROCESSORS, &old.processors, &new.processors, |s, x, y| {
        let name = &y.name;
        s.grown(
            &x.categories,
            &y.categories,
            |more| format!("{name} now also receives {}", categories_phrase(new, more)),
            |fewer| {
                format!(
                    "{name} no longer receives {}",
                    categories_phrase(old, fewer)
                )
            },
            Some(MORE_DATA),
        );
        s.grown(
            &x.countries,
            &y.countries,
            |more| {
                format!(
                    "{name} now also processes data in {}",
                    countries_phrase(more)
                )
            },
            |fewer| {
                format!(
                    "{name} no longer processes data in {}",
                    countries_phrase(fewer)
                )
            },
            None,
        );
        match (&x.only_if, &y.only_if) {
            (Some(only), None) => s.changed(
                format!("{name} now receives data in every case, not only {only}"),
                Some(UNCONDITIONAL),
            ),
            (o, n) => s.text(&format!("condition for {name}"), o, n),
        }
        let safeguard = format!("transfer safeguard for {name}");
        s.shown(&safeguard, x.safeguard.answered(), y.safeguard.answered());
        let fields = differing(PROCESSOR_FIELDS, x, y);
        if !fields.is_empty() {
            // A recipient that becomes an advertising network is, in CCPA terms, data
            // now shared for cross-context behavioural advertising (Cal. Civ. Code
            // 1798.140(ah)), as material as turning sharing on.
            let now_advertising =
                y.role == ProcessorRole::Advertising && x.role != ProcessorRole::Advertising;
            s.changed(
                format!("Changed processor {name}: {}", fields.join(", ")),
                now_advertising.then_some(SELLING),
            );
        }
    });
}

/// "PostHog (analytics), receiving usage events, in Germany".
fn processor_phrase(a: &Policy, p: &Processor) -> String {
    let mut s = format!("{} ({})", p.name, role_word(p.role));
    let data = categories_phrase(a, &p.categories);
    if !data.is_empty() {
        s.push_str(&format!(", receiving {data}"));
    } else if let Some(d) = &p.data_description {
        s.push_str(&format!(", receiving {d}"));
    }
    if !p.countries.is_empty() {
        s.push_str(&format!(", in {}", countries_phrase(&p.countries)));
    }
    if let Some(only) = &p.only_if {
        s.push_str(&format!(", only {only}"));
    }
    s
}

/// A role as a short word in parentheses; the vocabulary's labels are written for the
/// policy's headings, not for a one-line change.
fn role_word(role: ProcessorRole) -> &'static str {
    match role {
        ProcessorRole::Hosting => "hosting",
        ProcessorRole::Database => "database",
        ProcessorRole::Ai => "AI",
        ProcessorRole::Payments => "payments",
        ProcessorRole::Messaging => "e-mail and SMS",
        ProcessorRole::Analytics => "analytics",
        ProcessorRole::Monitoring => "monitoring",
        ProcessorRole::Identity => "sign-in",
        ProcessorRole::Support => "support",
        ProcessorRole::DnsCdn => "DNS and CDN",
        ProcessorRole::Tls => "TLS",
        ProcessorRole::Advertising => "advertising",
        ProcessorRole::PushNotifications => "push notifications",
        ProcessorRole::Other => "other",
    }
}
