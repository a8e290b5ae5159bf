//! Holding answers against the disclosure rules of the laws (and store policies) that
//! apply to the product: `policywright check`.
//!
//! Rules are data: each regime has one file with a static list of [`Rule`]s, and each
//! rule says where it comes from (the citation) and when it was last held against it,
//! how serious a miss is, when it applies (in plain words and as a test), what is
//! missing, and which answer fixes it. The tests read the answers only; what a rule
//! can see of the rendered policy it sees through the answers, knowing what the
//! built-in templates always say (for example, the rights paragraph of every region
//! served). Findings the answers waive are marked, not dropped ([`waivers`]).
//!
//! This module knows nothing about terminals or output formats; `cli::check` prints.
//! Rules state what the law asks a policy to *say*; they cannot tell whether the
//! product does what the policy says, and they are not legal advice.

mod basis_fit;
mod caloppa;
mod ccpa;
mod ccpa_statements;
mod chrome_web_store;
mod consistency;
mod coppa;
mod denials;
mod gdpr;
mod kazakhstan;
mod lgpd;
mod marketing;
mod pipeda;
mod retention;
mod roles;
mod stores;
mod swiss_fadp;
mod telemetry;
mod transfers;
mod uk_gdpr;
mod unconfirmed;
mod us_states;
pub mod waivers;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::answers::values::{Country, Date};
use crate::answers::{Answers, DataCategory, Short};
use std::collections::{HashMap, HashSet};

use crate::policy::Policy;
use transfers::{transfer_findings, wrong_mechanism};

/// How serious a finding is. Ordered most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The law requires the policy to say this, and it does not.
    Error,
    /// Likely needed, or commonly expected; or the answers cannot tell.
    Warning,
    /// Worth knowing; nothing to fix unless it applies to you.
    Info,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A body of rules. Ordered as findings are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// EU GDPR; its Art. 13/14 content rules also stand for the UK GDPR, which keeps the
    /// same articles.
    Gdpr,
    /// What the UK GDPR and the Data Protection Act 2018 add or change.
    UkGdpr,
    /// Switzerland's revised Federal Act on Data Protection.
    SwissFadp,
    /// California Consumer Privacy Act as amended by the CPRA, and its regulations.
    Ccpa,
    /// California Online Privacy Protection Act.
    Caloppa,
    /// The other US states' comprehensive privacy laws (`crate::law::us_states`).
    UsStates,
    /// US Children's Online Privacy Protection Rule.
    Coppa,
    /// Brazil's Lei Geral de Proteção de Dados.
    Lgpd,
    /// Canada's Personal Information Protection and Electronic Documents Act.
    Pipeda,
    /// Kazakhstan's Law "On Personal Data and their Protection".
    Kazakhstan,
    /// The Chrome Web Store's user-data policy for extensions.
    ChromeWebStore,
    /// The app stores' privacy forms agree with the policy.
    Stores,
    /// Answers that contradict each other or point at nothing.
    Consistency,
}

impl Regime {
    /// The key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Regime::Gdpr => "gdpr",
            Regime::UkGdpr => "uk_gdpr",
            Regime::SwissFadp => "swiss_fadp",
            Regime::Ccpa => "ccpa",
            Regime::Caloppa => "caloppa",
            Regime::UsStates => "us_states",
            Regime::Coppa => "coppa",
            Regime::Lgpd => "lgpd",
            Regime::Pipeda => "pipeda",
            Regime::Kazakhstan => "kazakhstan",
            Regime::ChromeWebStore => "chrome_web_store",
            Regime::Stores => "stores",
            Regime::Consistency => "consistency",
        }
    }

    /// The name a reader sees.
    pub fn title(self) -> &'static str {
        match self {
            Regime::Gdpr => "GDPR (EU, and UK where the articles are the same)",
            Regime::UkGdpr => "UK GDPR and Data Protection Act 2018",
            Regime::SwissFadp => "Swiss FADP (revised Federal Act on Data Protection)",
            Regime::Ccpa => "CCPA/CPRA (California)",
            Regime::Caloppa => "CalOPPA (California)",
            Regime::UsStates => "US state privacy laws (Virginia, Colorado, Texas, ...)",
            Regime::Coppa => "COPPA (US, children under 13)",
            Regime::Lgpd => "LGPD (Brazil)",
            Regime::Pipeda => "PIPEDA (Canada)",
            Regime::Kazakhstan => "Kazakhstan: Law on Personal Data and their Protection",
            Regime::ChromeWebStore => "Chrome Web Store user-data policy",
            Regime::Stores => "Store privacy forms against the policy",
            Regime::Consistency => "Consistency of the answers",
        }
    }
}

/// One place a rule found wanting: the answer to go to, and optionally what there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The answer's dotted path (`purposes[2].legal_basis`, `rights.complaint`),
    /// then what exactly when the rule's message needs it ("purpose `To bill you`"):
    /// one string, which the finding made of the hit keeps as it is (a rule can hit
    /// thousands of entries of a large file; issue 17).
    text: Box<str>,
    /// Where the answer ends in `text`, and whether a note follows it.
    answer_len: u32,
    noted: bool,
}

/// A hit at `list[i].field` for every entry of a list the rule finds wanting,
/// with the entry named in the note ("purpose `To bill you`").
pub fn entries<T>(
    items: &[T],
    list: &str,
    field: &str,
    wanting: impl Fn(&T) -> bool,
    note: impl Fn(&T) -> String,
) -> Vec<Hit> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| wanting(item))
        .map(|(i, item)| Hit::with(format!("{list}[{i}].{field}"), note(item)))
        .collect()
}

impl Hit {
    pub fn at(answer: impl Into<String>) -> Hit {
        let text = answer.into();
        Hit {
            answer_len: path_len(&text),
            text: text.into_boxed_str(),
            noted: false,
        }
    }

    /// The answer's dotted path.
    pub fn answer(&self) -> &str {
        &self.text[..self.answer_len as usize]
    }

    /// What exactly, when the rule names it.
    pub fn note(&self) -> Option<&str> {
        self.noted.then(|| &self.text[self.answer_len as usize..])
    }

    /// A hit at `answer` when `wanting` holds, else none.
    pub fn when(wanting: bool, answer: &str) -> Vec<Hit> {
        if wanting {
            vec![Hit::at(answer)]
        } else {
            Vec::new()
        }
    }

    /// A hit at `answer` unless `fine` holds.
    pub fn unless(fine: bool, answer: &str) -> Vec<Hit> {
        Hit::when(!fine, answer)
    }

    pub fn with(answer: impl Into<String>, note: impl Into<String>) -> Hit {
        let mut text = answer.into();
        let answer_len = path_len(&text);
        text.push_str(&note.into());
        Hit {
            text: text.into_boxed_str(),
            answer_len,
            noted: true,
        }
    }
}

/// An answer's path's length, as a hit holds it.
fn path_len(path: &str) -> u32 {
    u32::try_from(path.len()).expect("an answer's path is short")
}

/// One disclosure rule.
pub struct Rule {
    /// Stable id, `<regime>-<what>` (`gdpr-legal-basis`).
    pub id: &'static str,
    /// When the rule was last held against its source (the provision, guidance or
    /// store policy it cites), `YYYY-MM-DD`: a rule not reviewed for long may have
    /// fallen behind the law. Shown by `check --explain` and in JSON findings.
    pub reviewed: &'static str,
    pub regime: Regime,
    /// The exact provision ("GDPR Art. 13(1)(c)").
    pub citation: &'static str,
    pub severity: Severity,
    /// When the rule applies, in plain words (for documentation and reviewers).
    pub applies_when: &'static str,
    /// When the rule applies, as a test on the answers.
    pub applies: fn(&Answers) -> bool,
    /// The offending places; empty when the answers satisfy the rule.
    pub test: fn(&Answers) -> Vec<Hit>,
    /// What is missing, in plain words.
    pub message: &'static str,
}

/// One thing the policy fails to say (or an applicable fact worth knowing).
///
/// Its rule's id, regime, severity, citation, review date and words are read through
/// the rule rather than copied into it: a file with thousands of entries has
/// thousands of findings of one rule, and the wizard keeps every one of them (the
/// copies were 2.6 MB of the 21,605 findings of a file with 5,000 data categories).
#[derive(Clone)]
pub struct Finding {
    rule: &'static Rule,
    /// The answer to go to, and what exactly there when the rule names it, as the
    /// rule found it: a file with thousands of entries has thousands of findings.
    hit: Hit,
    /// Set when a waiver in the answers covers the finding: it is then listed as
    /// waived and left out of the summary's counts (and the exit code). Boxed: few
    /// findings are waived.
    pub waived: Option<Box<Waived>>,
}

impl Finding {
    /// A finding of `rule` at `answer`, not waived.
    pub fn new(rule: &'static Rule, answer: String, note: Option<String>) -> Finding {
        let hit = match note {
            Some(note) => Hit::with(answer, note),
            None => Hit::at(answer),
        };
        Finding::of(rule, hit)
    }

    /// The finding of `rule` that `hit` is, not waived.
    pub fn of(rule: &'static Rule, hit: Hit) -> Finding {
        Finding {
            rule,
            hit,
            waived: None,
        }
    }

    /// The answer to go to, as a dotted path (`purposes[2].legal_basis`).
    pub fn answer(&self) -> &str {
        self.hit.answer()
    }

    /// What exactly, when the rule names it.
    fn note(&self) -> Option<&str> {
        self.hit.note()
    }

    /// The rule's id.
    pub fn rule(&self) -> &'static str {
        self.rule.id
    }

    pub fn regime(&self) -> Regime {
        self.rule.regime
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    pub fn citation(&self) -> &'static str {
        self.rule.citation
    }

    /// When the rule was last held against its source (`YYYY-MM-DD`).
    pub fn reviewed(&self) -> &'static str {
        self.rule.reviewed
    }

    /// What is missing, in plain words.
    pub fn message(&self) -> Message<'_> {
        Message {
            rule: self.rule.message,
            note: self.note(),
        }
    }
}

impl PartialEq for Finding {
    fn eq(&self, other: &Finding) -> bool {
        self.rule.id == other.rule.id && self.hit == other.hit && self.waived == other.waived
    }
}

impl Eq for Finding {}

impl std::fmt::Debug for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finding")
            .field("rule", &self.rule())
            .field("regime", &self.regime())
            .field("severity", &self.severity())
            .field("citation", &self.citation())
            .field("reviewed", &self.reviewed())
            .field("message", &self.message())
            .field("answer", &self.answer())
            .field("waived", &self.waived)
            .finish()
    }
}

impl Serialize for Finding {
    /// The rule's facts, then the finding's own, as one object.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out =
            serializer.serialize_struct("Finding", 7 + usize::from(self.waived.is_some()))?;
        out.serialize_field("rule", self.rule())?;
        out.serialize_field("regime", &self.regime())?;
        out.serialize_field("severity", &self.severity())?;
        out.serialize_field("citation", self.citation())?;
        out.serialize_field("reviewed", self.reviewed())?;
        out.serialize_field("message", &self.message())?;
        out.serialize_field("answer", self.answer())?;
        if let Some(waived) = &self.waived {
            out.serialize_field("waived", waived)?;
        }
        out.end()
    }
}

/// A finding's message: the rule's words, then what exactly when the rule names it
/// (`…: purpose `To bill you``).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message<'a> {
    rule: &'static str,
    note: Option<&'a str>,
}

impl std::fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.note {
            Some(note) => write!(f, "{}: {note}", self.rule),
            None => f.write_str(self.rule),
        }
    }
}

impl Serialize for Message<'_> {
    /// As the one string it reads as.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The waiver that covers a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waived {
    /// Where the waiver is in the answers (`waivers[0]`).
    pub waiver: String,
    /// Why the finding is waived, in the operator's words.
    pub reason: String,
    /// The last day the waiver holds, if it ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// Every rule, regime by regime.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        gdpr::RULES,
        basis_fit::RULES,
        transfers::RULES,
        uk_gdpr::RULES,
        swiss_fadp::RULES,
        ccpa::RULES,
        ccpa_statements::RULES,
        caloppa::RULES,
        us_states::RULES,
        coppa::RULES,
        lgpd::RULES,
        pipeda::RULES,
        kazakhstan::RULES,
        chrome_web_store::RULES,
        roles::RULES,
        retention::RULES,
        marketing::RULES,
        telemetry::RULES,
        stores::RULES,
        consistency::RULES,
        unconfirmed::RULES,
    ]
    .into_iter()
    .flatten()
}

/// Every finding for these answers, sorted by regime, then severity (most serious
/// first), then rule id; a rule's own findings keep the answers' order. Findings the
/// answers' waivers cover are marked waived, judged by today's date (UTC).
///
/// The rules see the policy as `render` does ([`Policy`]): catalog references filled
/// in, answers whose question does not apply left out, since the policy will not say
/// them.
pub fn check(policy: &Policy) -> Vec<Finding> {
    check_on(policy, crate::versions::today())
}

/// [`check`] with waivers' `until` dates judged on `today`, so a CI run can be
/// repeated (`check --date`) and tests do not depend on the clock.
pub fn check_on(policy: &Policy, today: Date) -> Vec<Finding> {
    let a = policy.answers();
    // Made in the order they are reported, rule by rule, rather than sorted: a sort
    // of 20,000 findings took a buffer as large as the list, at the wizard's peak.
    let mut findings = findings_of(a, |r| r.id != waivers::STALE);
    // The stale-waiver rule reads the other rules' findings: it is given them rather
    // than running every rule again. Its findings go where its rule is reported.
    let Some(stale) = rules().find(|r| r.id == waivers::STALE) else {
        return findings;
    };
    let mut stale_findings: Vec<Finding> = match (stale.applies)(a) {
        true => waivers::stale_given(a, &findings)
            .into_iter()
            .map(|hit| finding(stale, hit))
            .collect(),
        false => Vec::new(),
    };
    stale_findings.extend(waivers::apply(a, &mut findings, today));
    let at = findings.partition_point(|f| report_order(f.rule) < report_order(stale));
    findings.splice(at..at, stale_findings);
    // The wizard keeps them while the answers stand: a list grown by doubling held
    // up to twice the room (megabytes for a file with 20,000 findings).
    findings.shrink_to_fit();
    findings
}

/// Where a rule's findings are reported: by regime, then severity (most serious
/// first), then rule id.
fn report_order(rule: &Rule) -> (Regime, Severity, &'static str) {
    (rule.regime, rule.severity, rule.id)
}

/// Every rule, in the order their findings are reported ([`report_order`]).
fn rules_in_report_order() -> &'static [&'static Rule] {
    static ORDERED: std::sync::LazyLock<Vec<&'static Rule>> = std::sync::LazyLock::new(|| {
        let mut ordered: Vec<&'static Rule> = rules().collect();
        ordered.sort_by_key(|r| report_order(r));
        ordered
    });
    &ORDERED
}

/// The findings of the rules `include` picks that apply to these answers, in the
/// order they are reported (see [`check`]), none waived.
fn findings_of(a: &Answers, include: impl Fn(&Rule) -> bool) -> Vec<Finding> {
    rules_in_report_order()
        .iter()
        .copied()
        .filter(|rule| include(rule) && (rule.applies)(a))
        .flat_map(|rule| {
            (rule.test)(a)
                .into_iter()
                .map(move |hit| finding(rule, hit))
        })
        .collect()
}

/// A rule's hit as a finding, not waived.
fn finding(rule: &'static Rule, hit: Hit) -> Finding {
    Finding::of(rule, hit)
}

/// The regimes with at least one rule that applies to these answers, in order: what
/// the answers were held against, findings or not.
pub fn regimes(a: &Answers) -> Vec<Regime> {
    let mut out: Vec<Regime> = rules()
        .filter(|r| (r.applies)(a))
        .map(|r| r.regime)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How many findings of each severity, waived ones counted apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Error-level findings not waived: any makes `check` exit 1.
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    /// Findings of any severity that a waiver covers.
    pub waived: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let count = |s| {
            findings
                .iter()
                .filter(|f| f.severity() == s && f.waived.is_none())
                .count()
        };
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            info: count(Severity::Info),
            waived: findings.iter().filter(|f| f.waived.is_some()).count(),
        }
    }
}

impl std::fmt::Display for Summary {
    /// `2 errors, 5 warnings, 1 info`, then `, 3 waived` when any finding is waived.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        write!(
            f,
            "{}, {}, {} info",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            self.info
        )?;
        if self.waived > 0 {
            write!(f, ", {} waived", self.waived)?;
        }
        Ok(())
    }
}

// Conditions and tests shared by several regimes.

// Which law applies is decided once, in `crate::law`, for the interview, the policy
// and these rules alike.
pub(crate) use crate::law::{any_gdpr, california, eu_gdpr, uk_gdpr};

/// Data categories no retention rule covers (GDPR Art. 13(2)(a), CCPA 1798.100(a)(3),
/// LGPD Art. 9(II)). Only data the operator decides about and receives: a customer's
/// data is kept as the customer instructs (GDPR Art. 28(3)(g)), and data that stays on
/// the device is never kept by the operator.
pub(crate) fn categories_without_retention(a: &Answers) -> Vec<Hit> {
    let kept = ids_in(a.retention.rules.iter().map(|r| &r.categories[..]));
    a.data
        .categories
        .iter()
        .filter(|c| c.is_controlled() && !kept.contains(c.id.as_str()))
        .map(|c| Hit::with("retention.rules", format!("`{}` ({})", c.name, c.id)))
        .collect()
}

/// Every data category id, once: lookups stay constant-time at any size.
pub(crate) fn category_ids(a: &Answers) -> HashSet<&str> {
    a.data.categories.iter().map(|c| c.id.as_str()).collect()
}

/// The data categories by id, the first of two with one id as `Answers::category`
/// finds it: for rules that look up the categories of every recipient or purpose,
/// which a scan of the list each time made quadratic in the file's size.
pub(crate) fn categories_by_id(a: &Answers) -> HashMap<&str, &DataCategory> {
    let mut by_id = HashMap::with_capacity(a.data.categories.len());
    for c in &a.data.categories {
        by_id.entry(c.id.as_str()).or_insert(c);
    }
    by_id
}

/// Every id named in these lists of category ids, once.
pub(crate) fn ids_in<'a>(lists: impl Iterator<Item = &'a [Short]>) -> HashSet<&'a str> {
    lists.flatten().map(Short::as_str).collect()
}

/// Purposes are needed as soon as any data the operator decides about is collected.
pub(crate) fn no_purposes(a: &Answers) -> Vec<Hit> {
    if a.data.categories.iter().any(|c| c.is_controlled()) && a.purposes.is_empty() {
        vec![Hit::at("purposes")]
    } else {
        Vec::new()
    }
}

/// The controller's legal identity (not just the product's name).
pub(crate) fn no_legal_entity(a: &Answers) -> Vec<Hit> {
    match &a.organization.legal_entity {
        Some(e) if !e.trim().is_empty() => Vec::new(),
        _ => vec![Hit::at("organization.legal_entity")],
    }
}

/// Processors that process data in a country outside `inside` (or around the world)
/// and state no safeguard; software we run ourselves sends its vendor nothing.
pub(crate) fn processors_outside_without_safeguard(
    a: &Answers,
    inside: impl Fn(Country) -> bool,
) -> Vec<Hit> {
    a.processors
        .iter()
        .enumerate()
        .filter(|(_, p)| p.safeguard.is_empty() && p.reaches_outside(&inside))
        .map(|(i, p)| {
            Hit::with(
                format!("processors[{i}].safeguard"),
                format!("`{}`", p.name),
            )
        })
        .collect()
}

/// Transfers listed without a safeguard.
pub(crate) fn transfers_without_safeguard(a: &Answers) -> Vec<Hit> {
    a.hosting
        .transfers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.safeguard.is_empty())
        .map(|(i, t)| {
            Hit::with(
                format!("hosting.transfers[{i}].safeguard"),
                t.country.name().to_owned(),
            )
        })
        .collect()
}

fn always(_: &Answers) -> bool {
    true
}
