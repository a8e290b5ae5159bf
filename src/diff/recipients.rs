//! Processors: who receives data, which data, where, and on what condition. A new
//! recipient, one receiving more data, or one no longer conditional is material.

use super::lists::{Fields, Records, differing};
use super::materiality::{MORE_DATA, NEW_COUNTRY, NEW_RECIPIENT, SELLING, UNCONDITIONAL};
use super::phrases::{categories_phrase, countries_phrase};
use super::section::Section;
use crate::answers::Processor;
use crate::answers::Short;
use crate::answers::vocab::{Deployment, ProcessorRole};
use crate::policy::Policy;

const PROCESSORS: Records<Processor, Short> = Records {
    noun: |_| "processor",
    key: |p| p.id.clone(),
    name: |p| p.name.to_string(),
    // Software we run ourselves is no recipient: adding it tells readers nothing new
    // about who receives their data.
    added: |answers, p| {
        let material = p.receives_data().then_some(NEW_RECIPIENT);
        (processor_phrase(answers, p), material)
    },
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
        deployment(s, x, y);
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

/// Who runs a recipient, and whether it works around the world. Its maker receiving
/// data it did not (no longer software we run ourselves) is a new recipient; working
/// around the world where it named countries is data going to new countries (GDPR
/// Art. 13(1)(f)); a proxy that no longer strips data is more data.
fn deployment(s: &mut Section, x: &Processor, y: &Processor) {
    let name = &y.name;
    let how = |p: &Processor| match p.deployment {
        Some(Deployment::SelfHosted) => "software we run on our own servers",
        Some(Deployment::Proxied) => "reached through a proxy on our own domain",
        _ => "run by its maker as a service",
    };
    if x.deployment.unwrap_or(Deployment::Service) != y.deployment.unwrap_or(Deployment::Service) {
        let (text, material) = if !x.receives_data() && y.receives_data() {
            (
                format!(
                    "{name} now receives data: it is {}, no longer software we run ourselves",
                    how(y)
                ),
                Some(NEW_RECIPIENT),
            )
        } else if !y.receives_data() {
            (
                format!(
                    "{name} is now software we run on our own servers; its maker no longer receives data"
                ),
                None,
            )
        } else {
            // Proxied to direct: what the proxy removed now reaches the maker.
            let unstripped = x.proxy_removes.as_deref().filter(|_| {
                x.deployment == Some(Deployment::Proxied) && y.deployment != x.deployment
            });
            match unstripped {
                Some(what) => (
                    format!(
                        "{name} is now {}, and receives {what}, which our proxy used to remove",
                        how(y)
                    ),
                    Some(MORE_DATA),
                ),
                None => (format!("{name} is now {}", how(y)), None),
            }
        };
        s.changed(text, material);
    } else if y.deployment == Some(Deployment::Proxied) {
        match (&x.proxy_removes, &y.proxy_removes) {
            // The proxy no longer strips anything: what it removed reaches the maker.
            (Some(what), None) => s.changed(
                format!("{name} now also receives {what}: our proxy no longer removes it"),
                Some(MORE_DATA),
            ),
            (old, new) => s.text(
                &format!("what our proxy removes before data reaches {name}"),
                old,
                new,
            ),
        }
    }
    if y.receives_data() {
        match (x.is_worldwide(), y.is_worldwide()) {
            (false, true) => s.changed(
                format!("{name} now also processes data in data centres around the world"),
                Some(NEW_COUNTRY),
            ),
            (true, false) => s.changed(
                format!("{name} no longer processes data in data centres around the world"),
                None,
            ),
            _ => {}
        }
    }
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
    if !p.receives_data() {
        s.push_str(", software we run on our own servers (its maker receives no data)");
    } else if !p.countries.is_empty() {
        s.push_str(&format!(", in {}", countries_phrase(&p.countries)));
        if p.is_worldwide() {
            s.push_str(" and data centres around the world");
        }
    } else if p.is_worldwide() {
        s.push_str(", in data centres around the world");
    }
    if p.deployment == Some(Deployment::Proxied) {
        s.push_str(", through a proxy on our own domain");
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
