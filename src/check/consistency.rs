//! Answers that contradict each other, point at nothing, or cannot be rendered. These
//! apply to every policy: a policy that contradicts itself misleads whatever the law.

use super::{Hit, Regime, Rule, Severity, always, california};
use crate::answers::Answers;
use crate::answers::Short;
use crate::answers::vocab::{
    CookiePurpose, DntResponse, GpcResponse, ProcessorRole, Region, Safeguard,
};
use crate::law::us_states;

/// How validation words a reference to a category that does not exist; those problems
/// are reported by the rules below that name them, not by `consistency-renderable`.
const DANGLING: &str = "refers to data category";

pub static RULES: &[Rule] = &[
    Rule {
        id: super::waivers::STALE,
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "policywright answers",
        severity: Severity::Info,
        applies_when: "the answers waive a finding (`waivers`)",
        applies: |a| !a.waivers.is_empty(),
        test: super::waivers::stale,
        message: "A waiver waives nothing, so correct or remove it",
    },
    Rule {
        id: "consistency-renderable",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "policywright answers",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| {
            a.problems()
                .into_iter()
                .filter(|p| !p.message.starts_with(DANGLING))
                .map(|p| Hit::with(p.path, p.message))
                .collect()
        },
        message: "This answer stops the policy from rendering",
    },
    Rule {
        id: "consistency-processor-category",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| {
            dangling(
                a,
                a.processors.iter().map(|p| &p.categories[..]),
                "processors",
            )
        },
        message: "A recipient receives a data category the policy does not say is collected",
    },
    Rule {
        id: "consistency-purpose-category",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| dangling(a, a.purposes.iter().map(|p| &p.categories[..]), "purposes"),
        message: "A purpose uses a data category the policy does not say is collected",
    },
    Rule {
        id: "consistency-retention-category",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| {
            dangling(
                a,
                a.retention.rules.iter().map(|r| &r.categories[..]),
                "retention.rules",
            )
        },
        message: "A retention rule is about a data category that does not exist",
    },
    Rule {
        id: "consistency-store-category",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "always",
        applies: always,
        test: |a| {
            dangling(
                a,
                a.hosting.stores.iter().map(|s| &s.categories[..]),
                "hosting.stores",
            )
        },
        message: "A data store holds a data category the policy does not say is collected",
    },
    Rule {
        id: "consistency-region-rights",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "policywright rights section",
        severity: Severity::Warning,
        applies_when: "always",
        applies: always,
        test: |a| {
            a.audience
                .regions
                .iter()
                .enumerate()
                .filter(|(_, r)| !has_rights_statement(a, **r))
                .map(|(i, r)| Hit::with(format!("audience.regions[{i}]"), r.label()))
                .collect()
        },
        message: "A region is served, but the policy states no rights for people there; \
                  list the rights you offer everyone",
    },
    Rule {
        id: "consistency-not-collected",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        // A statement that audio, video or location is not collected, next to a
        // permission or data category that collects it, misinforms about the
        // processing (transparency, and the purposes of Art. 13(1)(c)) and is a
        // material misrepresentation under FTC Act §5 (15 U.S.C. 45(a); FTC Policy
        // Statement on Deception, 1983). Legal review FN-11. See `denials`.
        citation: "GDPR Art. 5(1)(a), 13(1)(c); FTC Act §5 (15 U.S.C. 45(a))",
        severity: Severity::Error,
        applies_when: "the policy says audio, video or location is not collected",
        applies: always,
        test: super::denials::contradicted,
        message: "The policy says a kind of data is not collected, yet a permission or data \
                  category it declares collects it; correct the statement, or the permission \
                  and the data it collects",
    },
    Rule {
        id: "consistency-stays-in-region",
        reviewed: "2026-12-07",
        regime: Regime::Consistency,
        citation: "GDPR Art. 5(1)(a) (transparency)",
        // A warning: what it finds is exactly what makes the policy leave "We do not
        // transfer personal data outside ..." out and say that some data is processed
        // in other countries (`render::view`, `Processor::reaches_outside`), so the
        // published text is true; the answer is what is wrong. It said "The policy
        // says ..." of a sentence the policy did not contain (a founder's use).
        severity: Severity::Warning,
        applies_when: "the policy says personal data stays where it is hosted",
        applies: |a| a.hosting.stays_in_region == Some(true),
        test: |a| {
            let home = &a.hosting.data_location;
            let mut hits: Vec<Hit> = a
                .hosting
                .transfers
                .iter()
                .enumerate()
                .map(|(i, t)| Hit::with(format!("hosting.transfers[{i}]"), t.country.name()))
                .collect();
            if !home.is_empty() {
                // Software we run ourselves is where we host it.
                for (i, p) in a
                    .processors
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.receives_data())
                {
                    if let Some(c) = p.countries.iter().find(|c| !home.contains(c)) {
                        hits.push(Hit::with(
                            format!("processors[{i}].countries"),
                            format!("`{}` in {}", p.name, c.name()),
                        ));
                    } else if p.is_worldwide() {
                        hits.push(Hit::with(
                            format!("processors[{i}].worldwide"),
                            format!("`{}` in data centres around the world", p.name),
                        ));
                    }
                }
            }
            hits
        },
        message: "The answers say personal data stays where it is hosted, yet it goes to \
                  another country; the policy leaves that statement out and says some of it \
                  is processed elsewhere. Answer no (or correct where the recipient is)",
    },
    Rule {
        id: "consistency-stays-in-region-unknown",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        // Legal review FN-5: Stepr says "We do not transfer personal data outside
        // Kazakhstan" while Google (sign-in) is listed with no countries, so the rule
        // above cannot tell, and the policy makes a definite statement it has no basis
        // for. Whether data leaves the region is what Art. 13(1)(f) asks to be told;
        // a claim made without a reasonable basis is deceptive (FTC Act §5; FTC Policy
        // Statement Regarding Advertising Substantiation, 1984).
        citation: "GDPR Art. 5(1)(a), 13(1)(f); FTC Act §5 (15 U.S.C. 45(a))",
        severity: Severity::Error,
        applies_when: "the policy says personal data stays where it is hosted, or says where \
                       all data is hosted",
        applies: |a| a.hosting.stays_in_region == Some(true) || !a.hosting.data_location.is_empty(),
        test: |a| {
            let stays = a.hosting.stays_in_region == Some(true);
            a.processors
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.located())
                // A certificate authority is asked for the operator's certificates; it
                // receives no user's data.
                .filter(|(_, p)| p.role != ProcessorRole::Tls)
                // "All data is hosted within" is about where data is kept: only a host
                // or a database can contradict it.
                .filter(|(_, p)| {
                    stays || matches!(p.role, ProcessorRole::Hosting | ProcessorRole::Database)
                })
                .map(|(i, p)| {
                    Hit::with(
                        format!("processors[{i}].countries"),
                        format!("`{}`: say where it processes the data", p.name),
                    )
                })
                .collect()
        },
        message: "The policy says personal data stays where it is hosted (or names the \
                  countries all data is hosted in), yet a recipient does not say where it \
                  processes the data, so the statement cannot be known to be true",
    },
    Rule {
        id: "consistency-do-not-track",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "Cal. Bus. & Prof. Code 22575(b)(5)",
        severity: Severity::Error,
        applies_when: "California is served and the policy says there is no tracking for Do \
                       Not Track to stop",
        // CalOPPA is the law that asks how the product responds to Do Not Track
        // (Cal. Bus. & Prof. Code 22575(b)(5)), for operators that collect personal
        // information from California residents (22575(a)); where it does not apply no
        // law asks, and the rule would cite a statute that does not bind the operator.
        applies: |a| california(a) && a.tracking.do_not_track == Some(DntResponse::NoTracking),
        test: |a| {
            let t = &a.tracking;
            [
                (t.cross_site_tracking, "tracking.cross_site_tracking"),
                (t.third_party_tracking, "tracking.third_party_tracking"),
            ]
            .into_iter()
            .filter(|(yes, _)| *yes == Some(true))
            .map(|(_, path)| Hit::at(path))
            .collect()
        },
        message: "The policy says Do Not Track changes nothing because there is no tracking, \
                  yet it says users are tracked across sites",
    },
    Rule {
        id: "consistency-gpc-sale",
        reviewed: "2026-12-07",
        regime: Regime::Consistency,
        citation: "11 CCR 7025(b)-(c) (California); Colo. Rev. Stat. 6-1-1306(1)(a), 6-1-1313(2); \
                   Tex. Bus. & Com. Code 541.055(e); and the other states marked in the \
                   README's US state table",
        severity: Severity::Error,
        applies_when: "the policy says there is nothing for Global Privacy Control to opt out of, \
                       and California is served or a US state that requires honouring an \
                       opt-out signal is in force on the policy's date",
        // The duty to honour the signal, which makes "nothing to opt out of" a claim that
        // matters, is California's (11 CCR 7025) and that of the states in the table
        // with an opt-out-signal date (`law::us_states::opt_out_signal_states`): the rule
        // holds only where one of them applies, so it never cites a law not in play.
        applies: |a| {
            a.tracking.global_privacy_control == Some(GpcResponse::NothingToOptOut)
                && (california(a)
                    || (us_states::applies(a) && !us_states::opt_out_signal_states(a).is_empty()))
        },
        test: |a| {
            let s = &a.sale_and_sharing;
            [
                (s.sells, "sale_and_sharing.sells"),
                (
                    s.shares_for_advertising,
                    "sale_and_sharing.shares_for_advertising",
                ),
            ]
            .into_iter()
            .filter(|(yes, _)| *yes == Some(true))
            .map(|(_, path)| Hit::at(path))
            .collect()
        },
        message: "The policy says Global Privacy Control has nothing to opt out of, yet it \
                  says personal information is sold or shared",
    },
    Rule {
        id: "consistency-under-16-sale",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "Cal. Civ. Code 1798.120(c)-(d); 11 CCR 7011(e)(1)(G)",
        severity: Severity::Error,
        applies_when: "California is served and the policy says the business knows it sells or \
                       shares the personal information of consumers under 16",
        // The under-16 statement is made in the California paragraph only (rights.md);
        // 1798.120(c) is about selling or sharing, so knowing that it sells or shares
        // under-16s' data is knowing that it sells or shares, which "we do not sell"
        // (recipients.md) or "we do not share it for cross-context behavioral
        // advertising" then contradicts.
        applies: |a| california(a) && a.sale_and_sharing.sells_or_shares_under_16 == Some(true),
        // Only both "no"s contradict it: with one unanswered, the sale or sharing may be
        // the one not yet described, and `ccpa-sale` asks for it.
        test: |a| {
            let s = &a.sale_and_sharing;
            Hit::when(
                s.sells == Some(false) && s.shares_for_advertising == Some(false),
                "sale_and_sharing.sells_or_shares_under_16",
            )
            .into_iter()
            .map(|h| {
                Hit::with(
                    h.answer().to_owned(),
                    "`sale_and_sharing.sells` and `sale_and_sharing.shares_for_advertising` are \
                     no, yet `sale_and_sharing.sells_or_shares_under_16` is yes",
                )
            })
            .collect()
        },
        message: "The policy says personal information is neither sold nor shared, yet that \
                  the business knows it sells or shares the personal information of \
                  consumers under 16; correct one of the answers",
    },
    Rule {
        id: "consistency-complaint",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "GDPR Art. 13(2)(d); UK GDPR Art. 13(2)(d)",
        severity: Severity::Warning,
        applies_when: "the EEA or the UK is served",
        // The rights section states the right to complain whenever the EEA or the UK
        // is served, because their law requires it; a "no" here cannot be honoured.
        applies: |a| a.audience.serves(Region::Eea) || a.audience.serves(Region::Uk),
        // Only a "no" contradicts the policy: unanswered, the statement the law
        // requires is simply made (legal review, seventh round: the message "the
        // answers say not to" was shown for a question never answered).
        test: |a| Hit::when(a.rights.complaint == Some(false), "rights.complaint"),
        message: "The answers say not to state the right to complain to a supervisory \
                  authority, but the law of a region served requires it, so the policy \
                  states it anyway; answer yes",
    },
    Rule {
        id: "consistency-hosting-location",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "internal consistency; GDPR Art. 5(1)(a) (transparency)",
        severity: Severity::Error,
        applies_when: "the policy says which countries all data is hosted in",
        applies: |a| !a.hosting.data_location.is_empty(),
        test: |a| {
            let home = &a.hosting.data_location;
            let stores = a.hosting.stores.iter().enumerate().filter_map(|(i, s)| {
                let c = s.country.filter(|c| !home.contains(c))?;
                Some(Hit::with(
                    format!("hosting.stores[{i}].country"),
                    format!("`{}` in {}", s.name, c.name()),
                ))
            });
            // A recipient that hosts or stores the data is where the data is hosted.
            let hosts = a.processors.iter().enumerate().filter_map(|(i, p)| {
                if !matches!(p.role, ProcessorRole::Hosting | ProcessorRole::Database)
                    || !p.receives_data()
                {
                    return None;
                }
                match p.countries.iter().find(|c| !home.contains(c)) {
                    Some(c) => Some(Hit::with(
                        format!("processors[{i}].countries"),
                        format!("`{}` in {}", p.name, c.name()),
                    )),
                    None => p.is_worldwide().then(|| {
                        Hit::with(
                            format!("processors[{i}].worldwide"),
                            format!("`{}` in data centres around the world", p.name),
                        )
                    }),
                }
            });
            stores.chain(hosts).collect()
        },
        message: "The policy says all data is hosted in the countries it names, yet a data \
                  store or hosting provider is in another country",
    },
    Rule {
        id: "consistency-children-age",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "internal consistency; 16 CFR 312.2 (\"child\": under 13)",
        severity: Severity::Warning,
        applies_when: "the product is said to be directed to children under 13",
        applies: |a| a.audience.directed_to_children == Some(true),
        test: |a| {
            Hit::when(
                a.audience.minimum_age.is_some_and(|n| n >= 13),
                "audience.minimum_age",
            )
        },
        message: "The product is said to be directed to children under 13, yet its youngest \
                  accepted user is 13 or older",
    },
    Rule {
        id: "consistency-advertising-cookies",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "Cal. Bus. & Prof. Code 22575(b)(6)",
        severity: Severity::Error,
        applies_when: "the policy says third parties do not track users across sites",
        applies: |a| a.tracking.third_party_tracking == Some(false),
        // An advertising cookie a third party sets lets that party follow the user
        // over time and across the sites that carry its code.
        test: |a| {
            a.tracking
                .cookies
                .iter()
                .enumerate()
                .filter(|(_, c)| c.purpose == CookiePurpose::Advertising && c.third_party.is_some())
                .map(|(i, c)| Hit::with(format!("tracking.cookies[{i}]"), format!("`{}`", c.name)))
                .collect()
        },
        message: "The policy says third parties do not track users across sites, yet it \
                  lists an advertising cookie set by a third party",
    },
    Rule {
        id: "consistency-advertising-recipient",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        citation: "Cal. Civ. Code 1798.140(ah)(1), 1798.140(e)(6); 11 CCR 7050(b)",
        // A warning, not an error: an advertising network serving only contextual ads
        // as a service provider is a business purpose (1798.140(e)(6)), not sharing.
        severity: Severity::Warning,
        applies_when: "the policy says personal information is not shared for cross-context \
                       behavioral advertising, or that Global Privacy Control has nothing to \
                       opt out of",
        applies: |a| {
            a.sale_and_sharing.shares_for_advertising == Some(false)
                || a.tracking.global_privacy_control == Some(GpcResponse::NothingToOptOut)
        },
        // Giving personal information to an advertising network for cross-context
        // behavioral advertising is "sharing", whatever the contract says: a service
        // provider cannot provide it (1798.140(e)(6); 11 CCR 7050(b)).
        test: |a| {
            a.processors
                .iter()
                .enumerate()
                .filter(|(_, p)| p.role == ProcessorRole::Advertising)
                .map(|(i, p)| Hit::with(format!("processors[{i}].role"), format!("`{}`", p.name)))
                .collect()
        },
        message: "A recipient is an advertising network, yet the policy says nothing is shared \
                  for cross-context behavioral advertising (or that Global Privacy Control has \
                  nothing to opt out of); if the network targets ads using data from other \
                  sites or apps, that is sharing: answer `sale_and_sharing.shares_for_advertising` \
                  yes, otherwise say in the recipient's purpose that its ads are contextual only",
    },
    Rule {
        id: "consistency-self-hosted",
        reviewed: "2026-12-06",
        regime: Regime::Consistency,
        // Software we run ourselves discloses nothing to its maker, so the policy leaves
        // it out of the recipients (Art. 4(9), 13(1)(e)) and out of the transfers (Art.
        // 13(1)(f)). The interview keeps asking where it runs and under what safeguard,
        // so an answer that contradicts "self-hosted" stays in the policy to be caught. A vendor that still receives data (a script served through our
        // domain, a hosted dashboard) is a recipient, and calling it self-hosted hides
        // it from readers.
        citation: "GDPR Art. 5(1)(a), 13(1)(e), 13(1)(f)",
        severity: Severity::Error,
        applies_when: "a recipient is said to be software we run ourselves (`deployment: self_hosted`)",
        applies: |a| a.processors.iter().any(|p| !p.receives_data()),
        test: |a| {
            let home = &a.hosting.data_location;
            a.processors
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.receives_data())
                .filter_map(|(i, p)| {
                    let named = p.safeguard.iter().any(|s| s != Safeguard::NotApplicable);
                    let abroad = !home.is_empty() && p.countries.iter().any(|c| !home.contains(c));
                    let sign = if named {
                        "a transfer safeguard is named for it"
                    } else if p.controller.is_some() {
                        "it is said to use the data for its own purposes"
                    } else if p.is_worldwide() {
                        "it is said to work in data centres around the world"
                    } else if abroad {
                        "it is said to process data outside the countries we host in"
                    } else {
                        return None;
                    };
                    Some(Hit::with(
                        format!("processors[{i}].deployment"),
                        format!("`{}`: {sign}", p.name),
                    ))
                })
                .collect()
        },
        message: "A recipient is said to be self-hosted (its maker receives nothing), yet the \
                  answers say its maker receives data: if its script, dashboard or telemetry \
                  still sends data to the vendor, answer `deployment` `proxied` (or leave it \
                  out), so the policy names the vendor as a recipient",
    },
];

/// References to data categories that do not exist, as `list[i].categories[j]`.
fn dangling<'a>(a: &Answers, lists: impl Iterator<Item = &'a [Short]>, path: &str) -> Vec<Hit> {
    let known = super::category_ids(a);
    let mut hits = Vec::new();
    for (i, ids) in lists.enumerate() {
        for (j, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                hits.push(Hit::with(
                    format!("{path}[{i}].categories[{j}]"),
                    format!("`{id}`"),
                ));
            }
        }
    }
    hits
}

/// Whether the rendered policy states rights for people in this region. The built-in
/// rights section has a paragraph for every region with its own law (a test holds this
/// list to the template); elsewhere only the operator's own list of rights speaks.
fn has_rights_statement(a: &Answers, region: Region) -> bool {
    match region {
        Region::Eea
        | Region::Uk
        | Region::Switzerland
        | Region::California
        | Region::UsOther
        | Region::Canada
        | Region::Brazil
        | Region::Kazakhstan => true,
        Region::RestOfWorld => !a.rights.rights.is_empty(),
    }
}

#[cfg(test)]
pub(super) fn template_regions() -> Vec<Region> {
    Region::ALL
        .iter()
        .copied()
        .filter(|&r| has_rights_statement(&Answers::default(), r))
        .collect()
}
