//! The template context: the answers, reshaped for reading.
//!
//! Templates should say things, not compute them. Everything that needs logic
//! (labels for enum values, grouping recipients by role, formatting dates and
//! periods, joining country names) is done here once, so every section template and
//! every format sees the same facts.

use serde::Serialize;

use super::sparse;

use crate::answers::values::Country;
use crate::answers::vocab::{
    DataSource, Deployment, LegalBasis, ProcessorRole, ProductKind, RecipientControl, Region,
    SecurityMeasureKind, StorageKind,
};
use crate::answers::{Answers, DataCategory, Processor, RetentionRule, Short};
use crate::law::transfers::transferred_to;
use crate::policy::Policy;

use super::verbatim::{Verbatim, VerbatimAnswers};

#[derive(Serialize)]
pub struct View<'a> {
    /// The answers, every field present (unanswered ones as `null` or `[]`), for
    /// anything a template wants verbatim; with the built-in templates, only those
    /// they read ([`super::verbatim`]).
    pub a: VerbatimAnswers<'a>,
    pub product: &'a str,
    pub dates: Dates,
    pub org: Org<'a>,
    pub kinds: Vec<&'static str>,
    /// The kinds as they read after "provides": "a web application", "an API or SDK".
    pub kinds_with_article: Vec<String>,
    pub is_extension: bool,
    pub serves: Serves,
    pub european: European,
    /// The other US states' laws, when their region is served.
    pub us_states: Option<UsStates>,
    pub regions: Vec<&'static str>,
    pub data_groups: Deferred<'a, Vec<DataGroup<'a>>>,
    /// Data processed for business customers, as their processor (`role: processor`).
    pub customer_data: CustomerDataView<'a>,
    /// How customers hear of sub-processor changes and object (GDPR Art. 28(2)).
    pub subprocessor_changes: Option<SubprocessorChangesView<'a>>,
    /// Data that never leaves the user's device or browser (`stays_on`).
    pub local_data: LocalDataView<'a>,
    /// Telemetry the product sends about its own use.
    pub telemetry: Option<TelemetryView<'a>>,
    pub not_collected: Vec<Said>,
    pub purposes: Vec<PurposeView<'a>>,
    /// Yes/no/unanswered answers, with unanswered as `null` so templates can test
    /// `== false` (the answers file leaves unanswered ones out).
    pub said: Said3,
    pub recipient_groups: Deferred<'a, Vec<RecipientGroup<'a>>>,
    /// Vendors' software we run on our own servers: no recipients, said apart.
    pub self_hosted: Vec<SelfHostedView<'a>>,
    /// Recipients that are not services: authorities, a buyer, affiliates, the public,
    /// other users; each with when and what.
    pub disclosures: Vec<DisclosureView<'a>>,
    pub ai_providers: Vec<&'a str>,
    pub training: Option<&'static str>,
    pub stores: Vec<StoreView<'a>>,
    /// Country names as they read in a sentence ("the United States").
    pub data_location: Vec<String>,
    pub operator_country: Option<String>,
    pub transfers: Vec<TransferView<'a>>,
    /// Recipients that also work in data centres around the world (a CDN or edge
    /// network), listed with the transfers: no country names them (GDPR Art. 13(1)(f)).
    pub worldwide: Vec<WorldwideView<'a>>,
    /// How readers get a copy of the contractual safeguards named (GDPR Art. 13(1)(f)).
    pub safeguards_copy: Option<SafeguardsCopy<'a>>,
    pub visibility: Visibility,
    pub retention: Vec<RuleView<'a>>,
    /// Whether any retention rule has notes, so an all-empty column is left out.
    pub retention_notes: bool,
    pub deletion: Vec<DeletionView<'a>>,
    pub rights: Vec<RightView>,
    /// Some right is exercised in the app, so e-mail is the other way.
    pub rights_in_app: bool,
    pub ccpa: Vec<CcpaRow<'a>>,
    /// The CCPA categories shared with advertising networks (the rows'
    /// `shared_for_advertising`), said after the table (1798.130(a)(5)(C)(i)).
    pub ccpa_shared: Vec<&'static str>,
    pub response_time: Option<String>,
    pub cookies: Vec<CookieView<'a>>,
    /// What the product states it does not use, as it follows "{product} uses":
    /// "no analytics and no tracking pixels"; empty when nothing is stated.
    pub not_used: String,
    pub dnt: Option<&'static str>,
    pub gpc: Option<&'static str>,
    pub permissions: Vec<PermissionView<'a>>,
    /// A mobile app's Android permissions, then its iOS usage descriptions.
    pub android_permissions: Vec<PermissionView<'a>>,
    pub ios_permissions: Vec<PermissionView<'a>>,
    pub notify_by: Vec<&'static str>,
    pub notice_period: Option<String>,
    /// What the policy covers, for the intro's "This policy explains ...": only the
    /// parts the answers fill in.
    pub covers: Vec<String>,
    /// The operator's list already names every right GDPR Art. 13(2)(b) asks for, so
    /// the EEA paragraph need not list them again.
    pub gdpr_rights_listed: bool,
    /// Some purpose relies on consent (GDPR Art. 13(2)(c) applies).
    pub consent_based: bool,
    /// Some purpose relies on legitimate interests (GDPR Art. 21(4) notice applies).
    pub legitimate_interests: bool,
    /// Some category is sensitive personal information.
    pub sensitive: bool,
    /// The data location may be called the only place data is kept: the operator said
    /// it stays there, and no recipient or transfer says otherwise.
    pub stays_within: bool,
    /// Some recipient processes data, or some transfer goes, outside `data_location`.
    pub elsewhere: bool,
    /// Data goes to the endpoint over HTTPS: an https address and a stated
    /// encryption-in-transit measure.
    pub https: bool,
    /// The lead-in of the cookies table, naming only the kinds of storage listed.
    pub cookie_lead: Option<&'static str>,
    /// The minimum age is a child's age (under 18), so "children under N" reads right.
    pub minimum_age_is_child: bool,
    /// How users hear of a breach, as a sentence with its condition: the answer may
    /// give only the how ("We tell you by e-mail").
    pub breach: Option<String>,
}

/// Puts one of a view's fields, by its name in the templates, into a template
/// context: a template is given only the variables it reads
/// (`render::Prepared::context_for`), since the whole view as one context was
/// megabytes on a policy of thousands of entries. `tests::every_field_can_be_put`
/// holds that the list names every field, in order.
macro_rules! fields_by_name {
    ($($field:ident),+ $(,)?) => {
        impl View<'_> {
            /// The fields' names, in order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];

            /// Whether the field named `name` is one of [`LISTED`]: the fields that
            /// hold something for each entry of a long list.
            pub fn is_listed(name: &str) -> bool {
                LISTED.contains(&name)
            }

            /// Puts the field named `name` into `context`; false if there is none
            /// (a template's own variable, `{% set x = ... %}`).
            pub fn put(&self, name: &str, context: &mut tera::Context) -> bool {
                match name {
                    $(stringify!($field) => context.insert(stringify!($field), &self.$field),)+
                    _ => return false,
                }
                true
            }
        }
    };
}

/// A field of the view worked out only when it is serialised, and let go once it
/// is: the data categories' and the recipients' views are megabytes on a policy of
/// thousands of entries, and each is read by one template, so they need not be held
/// through the whole render (issue 17).
pub struct Deferred<'a, T>(Box<dyn Fn() -> T + 'a>);

impl<'a, T> Deferred<'a, T> {
    fn new(make: impl Fn() -> T + 'a) -> Deferred<'a, T> {
        Deferred(Box::new(make))
    }
}

impl<T: Serialize> Serialize for Deferred<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.0)().serialize(serializer)
    }
}

/// A list whose entries' views are made one at a time as the list is serialised,
/// each let go once written: a group of thousands of data categories or recipients
/// was held whole as views beside the template values made of them (issue 17).
pub struct Each<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Each<'a, T> {
    fn new<I: Iterator<Item = T> + 'a>(entries: impl Fn() -> I + 'a) -> Each<'a, T> {
        Each(Box::new(move || Box::new(entries())))
    }
}

impl<T: Serialize> Serialize for Each<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The view's fields that hold something for each entry of a long list (a data
/// category, a recipient, a purpose, a retention rule): on a policy of thousands of
/// entries they are megabytes as template values, so each is serialised only for the
/// templates that read it (`render::Prepared`), and the others once for all.
/// `tests::only_the_listed_fields_grow_with_the_lists` holds that no other field grows.
const LISTED: &[&str] = &[
    "data_groups",
    "customer_data",
    "local_data",
    "purposes",
    "recipient_groups",
    "self_hosted",
    "ai_providers",
    "worldwide",
    "retention",
    "ccpa",
];

fields_by_name!(
    a,
    product,
    dates,
    org,
    kinds,
    kinds_with_article,
    is_extension,
    serves,
    european,
    us_states,
    regions,
    data_groups,
    customer_data,
    subprocessor_changes,
    local_data,
    telemetry,
    not_collected,
    purposes,
    said,
    recipient_groups,
    self_hosted,
    disclosures,
    ai_providers,
    training,
    stores,
    data_location,
    operator_country,
    transfers,
    worldwide,
    safeguards_copy,
    visibility,
    retention,
    retention_notes,
    deletion,
    rights,
    rights_in_app,
    ccpa,
    ccpa_shared,
    response_time,
    cookies,
    not_used,
    dnt,
    gpc,
    permissions,
    android_permissions,
    ios_permissions,
    notify_by,
    notice_period,
    covers,
    gdpr_rights_listed,
    consent_based,
    legitimate_interests,
    sensitive,
    stays_within,
    elsewhere,
    https,
    cookie_lead,
    minimum_age_is_child,
    breach,
);

#[derive(Serialize)]
pub struct Said3 {
    pub sells: Option<bool>,
    pub shares_for_advertising: Option<bool>,
    pub shares_with_data_brokers: Option<bool>,
    pub unrelated_use: Option<bool>,
    pub third_party_tracking: Option<bool>,
    pub stays_in_region: Option<bool>,
    /// Actual knowledge of selling or sharing under-16s' data (CCPA 1798.120(c)).
    pub sells_or_shares_under_16: Option<bool>,
    /// Sensitive personal information used beyond 11 CCR 7027(m) (CCPA 1798.121).
    pub sensitive_beyond_permitted: Option<bool>,
}

#[derive(Serialize)]
pub struct Dates {
    pub last_updated: Option<String>,
    /// Stated whenever the operator gave one, even if it equals the last update. For
    /// California, which asks for the effective date (Bus. & Prof. Code 22575(b)(4)),
    /// a published version without one takes effect when it was last updated, and says
    /// so (legal review FP-2).
    pub effective: Option<String>,
    /// The effective date as YYYY-MM-DD, for HTML's `<time datetime>`.
    pub effective_iso: Option<String>,
}

#[derive(Serialize)]
pub struct Org<'a> {
    pub legal_entity: Option<&'a str>,
    /// The legal form and country as they follow the entity's (or operator's) name:
    /// "sole developer, Kazakhstan"; the country is left out when the form names it.
    pub qualifier: Option<String>,
    /// Whether `qualifier` has parentheses of its own, so it follows the name after a
    /// comma instead of inside parentheses.
    pub qualifier_nested: bool,
    pub website_host: Option<&'a str>,
    /// The e-mail address for privacy requests, when the operator gave one.
    pub request_email: Option<&'a str>,
    pub country: Option<&'static str>,
    /// How to make a request, as Markdown (escaped here, so templates print them with
    /// `| safe`), never naming a route the operator did not give. See [`Reach`].
    pub reach: Reach,
}

/// The ways to make a privacy request, worded for the sentences that give them: the
/// request e-mail, the contact form, the issue tracker, and the postal address when
/// nothing else is given (an address given beside them is for legal notices). With
/// only an e-mail, the wording is the plain "e-mail X" it always was.
#[derive(Serialize, Default)]
pub struct Reach {
    /// Follows "To exercise any of these rights, ": "e-mail X" or "contact us by
    /// e-mail at X or by opening an issue at Y". Empty when no route is given.
    pub imperative: String,
    /// Follows "by ": "e-mailing X" or "contacting us by e-mail at X or …".
    pub gerund: String,
    /// Follows "contact us ": "at X" or "by e-mail at X or …".
    pub after_contact_us: String,
    /// A list item's value: "X" or "X or our issue tracker at Z";
    /// empty when the only route is the postal address (shown on its own line).
    pub listed: String,
}

impl Reach {
    fn of(o: &crate::answers::Organization) -> Reach {
        use super::filters::{email_markdown, link_markdown};
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().filter(|v| !v.trim().is_empty())
        }
        let email = o.request_email();
        let form = given(&o.contact_form);
        let tracker = given(&o.issue_tracker);
        let mut ways = Vec::new();
        let mut listed = Vec::new();
        if let Some(e) = email {
            ways.push(format!("by e-mail at {}", email_markdown(e)));
            listed.push(email_markdown(e));
        }
        if let Some(f) = form {
            ways.push(format!("through our contact form at {}", link_markdown(f)));
            listed.push(format!("our contact form at {}", link_markdown(f)));
        }
        if let Some(t) = tracker {
            ways.push(format!("by opening an issue at {}", link_markdown(t)));
            listed.push(format!("our issue tracker at {}", link_markdown(t)));
        }
        if ways.is_empty()
            && let Some(address) = given(&o.postal_address)
        {
            let address = super::filters::one_line(address);
            let to = match o.legal_entity.as_deref() {
                Some(entity) if !address.contains(entity) => format!("{entity}, {address}"),
                _ => address,
            };
            ways.push(format!("by post to {}", super::markdown::escape(&to)));
        }
        match (email, ways.len()) {
            (_, 0) => Reach::default(),
            (Some(e), 1) => Reach {
                imperative: format!("e-mail {}", email_markdown(e)),
                gerund: format!("e-mailing {}", email_markdown(e)),
                after_contact_us: format!("at {}", email_markdown(e)),
                listed: email_markdown(e),
            },
            _ => {
                let ways = super::filters::join(&ways, "or");
                Reach {
                    imperative: format!("contact us {ways}"),
                    gerund: format!("contacting us {ways}"),
                    after_contact_us: ways,
                    listed: super::filters::join(&listed, "or"),
                }
            }
        }
    }
}

/// The European laws that apply (`crate::law`: by users served *or* by where the
/// operator is established), and how the rights section names them. The two GDPRs
/// share one paragraph (the same articles); Swiss law has its own, in its own terms.
#[derive(Serialize)]
pub struct European {
    pub eu_gdpr: bool,
    pub uk_gdpr: bool,
    pub swiss_fadp: bool,
    /// Either GDPR.
    pub any: bool,
    /// "the GDPR and the UK GDPR".
    pub laws: String,
    /// The GDPR paragraph's heading: the regions ("If you are in the EEA or the UK")
    /// when each law applies because its region is served, else the laws ("Your
    /// rights under the GDPR"): a Berlin company serving only Californians owes them
    /// the GDPR's rights, and "If you are in the EEA" would tell them to skip it.
    pub heading: String,
    /// The Swiss paragraph's heading, by the same logic.
    pub swiss_heading: String,
    /// The UK GDPR applies and the operator's `rights.authority` already names the
    /// ICO: the complaint sentence names it once, in the operator's words, as the UK's
    /// authority (UK GDPR Art. 77), not as a "lead" authority (GDPR Art. 56's one-stop
    /// shop has no UK counterpart).
    pub authority_is_ico: bool,
}

/// Whether an authority's name, as the operator wrote it, is the UK's Information
/// Commissioner's Office ("the ICO", "the Information Commissioner's Office") or the
/// Information Commission that takes over its functions under the Data (Use and
/// Access) Act 2025 ss. 117-119 once they are in force. "Information Commissioner"
/// alone is not enough: Slovenia's authority and the Swiss FDPIC carry those words.
fn names_ico(authority: &str) -> bool {
    let name = authority.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let uk = words.windows(2).any(|w| w == ["united", "kingdom"]) || words.contains(&"uk");
    name.contains("information commissioner's office")
        || words.contains(&"ico")
        || (uk && name.contains("information commission"))
}

impl European {
    fn of(a: &Answers) -> European {
        use crate::law;
        let laws = [
            (law::eu_gdpr(a), "the GDPR", Region::Eea, "the EEA"),
            (law::uk_gdpr(a), "the UK GDPR", Region::Uk, "the UK"),
        ];
        let applying: Vec<_> = laws.iter().filter(|l| l.0).collect();
        let names: Vec<String> = applying.iter().map(|l| l.1.to_owned()).collect();
        let by_region = applying.iter().all(|l| a.audience.serves(l.2));
        let heading = if by_region {
            let regions: Vec<String> = applying.iter().map(|l| l.3.to_owned()).collect();
            format!("If you are in {}", super::filters::join(&regions, "or"))
        } else {
            format!("Your rights under {}", super::filters::join(&names, "and"))
        };
        let swiss_heading = if a.audience.serves(Region::Switzerland) {
            "If you are in Switzerland"
        } else {
            "Your rights under the Swiss Federal Act on Data Protection"
        };
        European {
            eu_gdpr: laws[0].0,
            uk_gdpr: laws[1].0,
            swiss_fadp: law::swiss_fadp(a),
            any: !applying.is_empty(),
            laws: super::filters::join(&names, "and"),
            heading,
            swiss_heading: swiss_heading.to_owned(),
            authority_is_ico: laws[1].0 && a.rights.authority.as_deref().is_some_and(names_ico),
        }
    }
}

/// What the rights paragraph for the other US states says, read from the one table of
/// state laws (`crate::law::us_states`) for the states in force on the policy's date:
/// each list names the states, joined for a sentence ("Iowa and Utah").
#[derive(Serialize)]
pub struct UsStates {
    /// Every state whose law is in force.
    pub states: String,
    /// The states that grant no right to correct; empty when all do.
    pub no_correct: String,
    /// The states that grant no opt-out of profiling.
    pub no_profiling: String,
    /// The states whose residents may ask for the specific third parties.
    pub specific_third_parties: String,
    /// The answers say how to appeal a refusal, as these laws (all but Utah's) want.
    pub appeal: bool,
    /// Texas is in force and the operator says it sells sensitive data.
    pub texas_sensitive_sale: bool,
    /// Texas is in force and the operator says it sells biometric data.
    pub texas_biometric_sale: bool,
    /// The states whose residents may question a profiling decision (Minnesota).
    pub profiling_review: String,
}

impl UsStates {
    fn of(a: &Answers) -> Option<UsStates> {
        use crate::law::us_states;
        if !us_states::applies(a) {
            return None;
        }
        let on = us_states::policy_date(a);
        let states: Vec<_> = us_states::in_force(on).collect();
        let names = |keep: &dyn Fn(&us_states::UsState) -> bool| {
            let list: Vec<String> = states
                .iter()
                .filter(|s| keep(s))
                .map(|s| s.name.to_owned())
                .collect();
            super::filters::join(&list, "and")
        };
        let appeal = a
            .rights
            .appeal
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        Some(UsStates {
            states: names(&|_| true),
            no_correct: names(&|s| !s.grants_correction(on)),
            no_profiling: names(&|s| !s.profiling_opt_out),
            specific_third_parties: names(&|s| s.specific_third_parties),
            appeal,
            texas_sensitive_sale: a.sale_and_sharing.sells_sensitive == Some(true)
                && states.iter().any(|s| s.code == "TX"),
            texas_biometric_sale: a.sale_and_sharing.sells_biometric == Some(true)
                && states.iter().any(|s| s.code == "TX"),
            profiling_review: names(&|s| s.profiling_review),
        })
    }
}

/// Which regions are served, by key, for `{% if serves.eea %}`.
#[derive(Serialize)]
pub struct Serves {
    pub eea: bool,
    pub uk: bool,
    pub switzerland: bool,
    pub california: bool,
    pub us_other: bool,
    pub canada: bool,
    pub brazil: bool,
    pub kazakhstan: bool,
    pub rest_of_world: bool,
}

#[derive(Serialize)]
pub struct DataGroup<'a> {
    pub title: &'static str,
    pub source: &'static str,
    pub categories: Each<'a, CategoryView<'a>>,
}

#[derive(Serialize)]
pub struct CategoryView<'a> {
    pub name: &'a str,
    pub description: &'a str,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub when: Option<&'a str>,
    /// The third party it comes from, when that is its first source.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub source_name: Option<&'a str>,
    /// The third-party code (SDK) that collects it in the product, when that is its
    /// first source: "through the Firebase Crashlytics SDK".
    #[serde(skip_serializing_if = "sparse::blank")]
    pub through: Option<&'a str>,
    /// Its other sources, as one phrase completing "It also comes from ..." (GDPR
    /// Art. 14(2)(f); Cal. Civ. Code 1798.110(a)(2)).
    #[serde(skip_serializing_if = "sparse::blank")]
    pub also_from: Option<String>,
    /// The user gives it (one of its sources): whether it is required is said
    /// (GDPR Art. 13(2)(e)).
    #[serde(skip_serializing_if = "sparse::blank")]
    pub provided: bool,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub required: Option<bool>,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub if_not_provided: Option<&'a str>,
    /// What happens without it, continuing "You need to provide this; ...":
    /// the answer, with "without it," before it unless it says "without" itself.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub consequence: Option<String>,
    /// GDPR Art. 9(1), with the Art. 9(2) condition when answered.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub special_category: bool,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub art9: Option<&'static str>,
    /// CCPA 1798.140(ae), said only where California is served.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub ccpa_sensitive: bool,
    /// The same answer where only other US states are served: their laws' "sensitive
    /// data" (e.g. Va. Code 59.1-575).
    #[serde(skip_serializing_if = "sparse::blank")]
    pub us_sensitive: bool,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub ccpa: Option<&'static str>,
}

/// A "we do not ..." statement.
#[derive(Serialize)]
pub struct Said {
    pub what: String,
    pub detail: Option<String>,
}

#[derive(Serialize)]
pub struct PurposeView<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub categories: Vec<&'a str>,
    /// The categories' names as one list (see [`name_list`]).
    pub data_used: String,
    /// Its legal bases (GDPR Art. 6(1), 13(1)(c)): one for most purposes; several
    /// when each covers a part of it, said with the part.
    pub bases: Vec<BasisView<'a>>,
    pub legitimate_interest: Option<&'a str>,
}

/// One legal basis of a purpose.
#[derive(Serialize)]
pub struct BasisView<'a> {
    /// The basis in words, with the article of each law that applies and provides it:
    /// "performance of our contract with you (GDPR Art. 6(1)(b); LGPD Art. 7, V)".
    pub label: String,
    /// The part of the purpose it covers, completing "for ...", when the purpose has
    /// several bases.
    pub part: Option<&'a str>,
    /// The legitimate interest pursued (Art. 13(1)(d)), on the legitimate-interests
    /// basis of a purpose with several; without its final full stop, since more may
    /// follow.
    pub interest: Option<&'a str>,
}

/// A purpose's legal bases as the policy says them.
fn basis_views<'a>(a: &Answers, p: &'a crate::answers::Purpose) -> Vec<BasisView<'a>> {
    let several = p.legal_basis.len() > 1;
    p.legal_basis
        .iter()
        .map(|b| BasisView {
            label: basis_label(a, b),
            part: several
                .then(|| p.part_for(b))
                .flatten()
                .map(|s| s.trim().trim_end_matches('.')),
            interest: (several
                && matches!(
                    b,
                    LegalBasis::LegitimateInterests | LegalBasis::RecognisedLegitimateInterest
                ))
            .then_some(p.legitimate_interest.as_deref())
            .flatten()
            .map(|s| s.trim().trim_end_matches('.'))
            .filter(|s| !s.is_empty()),
        })
        .collect()
}

/// A legal basis cited under each law that asks for one and applies: the GDPR
/// (Art. 6(1), 13(1)(c); its UK and Swiss counterparts number it alike) and Brazil's
/// LGPD (Art. 7, 9). A basis the LGPD has not, in a policy for Brazil alone, is named
/// without an article; `lgpd-basis` asks for one the LGPD knows.
fn basis_label(a: &Answers, b: LegalBasis) -> String {
    let articles: Vec<&str> = [
        crate::law::european(a).then(|| b.gdpr_article()),
        crate::law::lgpd(a).then(|| b.lgpd_article()).flatten(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if articles.is_empty() {
        b.wording().to_owned()
    } else {
        format!("{} ({})", b.wording(), articles.join("; "))
    }
}

#[derive(Serialize)]
pub struct RecipientGroup<'a> {
    pub role: &'static str,
    pub title: &'static str,
    pub recipients: Each<'a, RecipientView<'a>>,
    /// Whether any recipient in the group says where it processes data.
    pub located: bool,
}

#[derive(Serialize)]
pub struct RecipientView<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub legal_entity: Option<&'a str>,
    pub purpose: &'a str,
    /// What it receives: the operator's words, else the names of the categories.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub data: Option<String>,
    pub countries: Vec<&'static str>,
    #[serde(skip_serializing_if = "sparse::blank")]
    pub safeguard: Option<String>,
    pub commitments: &'a [String],
    #[serde(skip_serializing_if = "sparse::blank")]
    pub only_if: Option<&'a str>,
    /// Its privacy policy (kept for templates written before `links`).
    #[serde(skip_serializing_if = "sparse::blank")]
    pub url: Option<&'a str>,
    /// Its privacy policy, data processing agreement, sub-processor list, security
    /// and opt-out pages, as given; the first one's words capitalised, since they
    /// start a sentence: "Privacy policy, data processing agreement."
    pub links: Vec<LinkView<'a>>,
    /// That it receives the data as an independent controller, as a sentence.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub controller: Option<String>,
    /// That it is reached through a proxy of ours, and what the proxy removes, as a
    /// sentence.
    #[serde(skip_serializing_if = "sparse::blank")]
    pub proxied: Option<String>,
}

/// A recipient working in data centres around the world, as the transfers list says it.
#[derive(Serialize)]
pub struct WorldwideView<'a> {
    pub name: &'a str,
    pub safeguard: Option<String>,
}

/// A vendor's software we run on our own servers (`deployment: self_hosted`).
#[derive(Serialize)]
pub struct SelfHostedView<'a> {
    pub name: &'a str,
    /// Its role's label ("Analytics").
    pub role: &'static str,
    pub purpose: &'a str,
}

/// A link with its words.
#[derive(Serialize)]
pub struct LinkView<'a> {
    pub words: String,
    pub url: &'a str,
}

#[derive(Serialize)]
pub struct StoreView<'a> {
    pub name: &'a str,
    pub provider: Option<&'a str>,
    pub holds: &'a str,
    pub country: Option<&'static str>,
    pub details: Option<&'a str>,
}

/// GDPR Art. 13(1)(f): "the means by which to obtain a copy of them or where they have
/// been made available", for the contracts and rules named as safeguards.
#[derive(Serialize)]
pub struct SafeguardsCopy<'a> {
    /// The contractual mechanisms named anywhere in the policy, as one phrase.
    pub mechanisms: String,
    /// Where they are published; `None` for a copy on request.
    pub url: Option<&'a str>,
}

#[derive(Serialize)]
pub struct TransferView<'a> {
    pub country: &'static str,
    pub country_in_sentence: String,
    pub safeguard: Option<String>,
    pub details: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Visibility {
    pub default: Option<&'static str>,
    pub options: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct RuleView<'a> {
    pub data: &'a str,
    /// How long, in words: "30 days, rolling", "Until you revoke the key".
    pub kept: String,
    /// The setting, legal reason and details as sentences; empty when there are none.
    pub notes: String,
}

#[derive(Serialize)]
pub struct DeletionView<'a> {
    pub what: &'a str,
    pub how: Option<&'a str>,
    pub removes: Option<&'a str>,
    pub within: Option<String>,
    pub details: Option<&'a str>,
}

#[derive(Serialize)]
pub struct RightView {
    pub key: &'static str,
    pub label: &'static str,
    /// The right as one sentence: the operator's words (or the standard ones) and how.
    pub statement: String,
    pub in_app: bool,
}

/// One row of the CCPA "categories collected" disclosure.
#[derive(Serialize)]
pub struct CcpaRow<'a> {
    pub category: &'static str,
    pub examples: Vec<&'a str>,
    pub sources: Vec<&'static str>,
    /// The roles of the recipients that receive it: the categories of third parties
    /// it is disclosed to for a business purpose (CCPA 1798.110(c)(4), 1798.130(a)(5)(C)(ii)).
    pub disclosed_to: Vec<&'static str>,
    /// An advertising network receives it and the answers say personal information is
    /// shared for cross-context behavioral advertising: that is sharing, not a
    /// business-purpose disclosure (1798.140(ah)(1), (e)(6)), listed apart
    /// (1798.130(a)(5)(C)(i)).
    pub shared_for_advertising: bool,
}

#[derive(Serialize)]
pub struct CookieView<'a> {
    pub name: &'a str,
    pub storage: &'static str,
    pub purpose: &'static str,
    pub description: &'a str,
    pub duration: Option<&'a str>,
    pub third_party: Option<&'a str>,
    /// `strictly_necessary` or `consent`, when the operator said which.
    pub basis: Option<&'static str>,
}

#[derive(Serialize)]
pub struct PermissionView<'a> {
    pub names: &'a [String],
    pub used_for: &'a str,
}

fn permission_views(list: &[crate::answers::Permission]) -> Vec<PermissionView<'_>> {
    list.iter()
        .map(|p| PermissionView {
            names: &p.names,
            used_for: &p.used_for,
        })
        .collect()
}

impl<'a> View<'a> {
    pub fn new(policy: &'a Policy, verbatim: Verbatim) -> View<'a> {
        let a = policy.answers();
        let style = a.policy.date_style;
        let last_updated = a.policy.last_updated.map(|d| d.format(style));
        let effective_on = a
            .policy
            .effective_date
            .or(a.policy.last_updated.filter(|_| crate::law::california(a)));
        let effective = effective_on.map(|d| d.format(style));
        let effective_iso = effective_on.map(|d| d.to_string());
        let serves = |r| a.audience.serves(r);
        let qualifier = org_qualifier(a);
        let data_location = &a.hosting.data_location;
        let outside = |c: &Country| !data_location.contains(c);
        let elsewhere = !data_location.is_empty()
            && (a
                .processors
                .iter()
                .any(|p| p.reaches_outside(|c| data_location.contains(&c)))
                || a.hosting.transfers.iter().map(|t| &t.country).any(outside));
        let cookie_kinds = |cookie: bool| {
            a.tracking
                .cookies
                .iter()
                .any(|c| (c.storage == StorageKind::Cookie) == cookie)
        };
        View {
            a: VerbatimAnswers {
                answers: a,
                which: verbatim,
            },
            product: &a.organization.product_name,
            dates: Dates {
                last_updated,
                effective,
                effective_iso,
            },
            org: Org {
                legal_entity: a.organization.legal_entity.as_deref(),
                qualifier: qualifier.clone(),
                qualifier_nested: qualifier.as_deref().is_some_and(|q| q.contains('(')),
                website_host: a.organization.website.as_deref().map(host),
                request_email: a.organization.request_email(),
                country: a.organization.country.map(|c| c.name()),
                reach: Reach::of(&a.organization),
            },
            kinds: a.audience.product_kinds.iter().map(|k| k.label()).collect(),
            kinds_with_article: a
                .audience
                .product_kinds
                .iter()
                .map(|k| {
                    let label = k.label();
                    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u', 'A']) {
                        "an"
                    } else {
                        "a"
                    };
                    format!("{article} {label}")
                })
                .collect(),
            is_extension: a
                .audience
                .is(crate::answers::vocab::ProductKind::BrowserExtension),
            european: European::of(a),
            us_states: UsStates::of(a),
            serves: Serves {
                eea: serves(Region::Eea),
                uk: serves(Region::Uk),
                switzerland: serves(Region::Switzerland),
                california: serves(Region::California),
                us_other: serves(Region::UsOther),
                canada: serves(Region::Canada),
                brazil: serves(Region::Brazil),
                kazakhstan: serves(Region::Kazakhstan),
                rest_of_world: serves(Region::RestOfWorld),
            },
            regions: a.audience.regions.iter().map(|r| r.label()).collect(),
            data_groups: Deferred::new(move || data_groups(a)),
            customer_data: CustomerDataView::of(a),
            subprocessor_changes: SubprocessorChangesView::of(a),
            local_data: LocalDataView::of(a),
            telemetry: a.telemetry.as_ref().map(|t| TelemetryView::of(a, t)),
            not_collected: not_collected(a),
            purposes: a
                .purposes
                .iter()
                .map(|p| PurposeView {
                    name: &p.name,
                    description: &p.description,
                    categories: category_names(policy, &p.categories),
                    data_used: name_list(&category_names(policy, &p.categories)),
                    // The customer, as controller, decides the basis for its data (GDPR
                    // Art. 28(3)(a)): a purpose that uses only that data states none.
                    bases: if only_customers_data(policy, &p.categories) {
                        Vec::new()
                    } else {
                        basis_views(a, p)
                    },
                    legitimate_interest: p
                        .legitimate_interest
                        .as_deref()
                        .filter(|_| !only_customers_data(policy, &p.categories)),
                })
                .collect(),
            said: Said3 {
                sells: a.sale_and_sharing.sells,
                shares_for_advertising: a.sale_and_sharing.shares_for_advertising,
                shares_with_data_brokers: a.sale_and_sharing.shares_with_data_brokers,
                unrelated_use: a.sale_and_sharing.unrelated_use,
                third_party_tracking: a.tracking.third_party_tracking,
                stays_in_region: a.hosting.stays_in_region,
                sells_or_shares_under_16: a.sale_and_sharing.sells_or_shares_under_16,
                // Said only when there is sensitive personal information to speak of.
                sensitive_beyond_permitted: a
                    .sale_and_sharing
                    .sensitive_beyond_permitted
                    .filter(|_| a.data.categories.iter().any(|c| c.is_ccpa_sensitive())),
            },
            recipient_groups: Deferred::new(move || recipient_groups(policy)),
            self_hosted: a
                .processors
                .iter()
                .filter(|p| !p.receives_data())
                .map(|p| SelfHostedView {
                    name: &p.name,
                    role: p.role.label(),
                    purpose: &p.purpose,
                })
                .collect(),
            disclosures: a
                .disclosures
                .iter()
                .map(|d| DisclosureView {
                    to: d.to.label(),
                    name: d.name.as_deref().filter(|n| !n.trim().is_empty()),
                    when: d.when.trim().trim_end_matches('.'),
                    what: &d.what,
                    data: name_list(&category_names(policy, &d.categories)),
                })
                .collect(),
            ai_providers: a
                .processors
                .iter()
                .filter(|p| p.role == ProcessorRole::Ai && p.receives_data())
                .map(|p| p.name.as_str())
                .collect(),
            training: a.ai.training.map(|t| t.key()),
            stores: a
                .hosting
                .stores
                .iter()
                .map(|s| StoreView {
                    name: &s.name,
                    provider: s.provider.as_deref(),
                    holds: &s.holds,
                    country: s.country.map(|c| c.name()),
                    details: s.details.as_deref(),
                })
                .collect(),
            data_location: a
                .hosting
                .data_location
                .iter()
                .map(|c| c.name_in_sentence())
                .collect(),
            operator_country: a.organization.country.map(|c| c.name_in_sentence()),
            transfers: a
                .hosting
                .transfers
                .iter()
                .map(|t| TransferView {
                    country: t.country.name(),
                    country_in_sentence: t.country.name_in_sentence(),
                    safeguard: t.safeguard.phrase(),
                    details: t.details.as_deref(),
                })
                .collect(),
            worldwide: a
                .processors
                .iter()
                .filter(|p| p.receives_data() && p.is_worldwide())
                .map(|p| WorldwideView {
                    name: &p.name,
                    safeguard: p.safeguard.phrase(),
                })
                .collect(),
            safeguards_copy: safeguards_copy(a),
            visibility: Visibility {
                default: a.sharing.default.map(|v| v.label()),
                options: a.sharing.options.iter().map(|v| v.label()).collect(),
            },
            retention: a.retention.rules.iter().map(|r| rule_view(a, r)).collect(),
            retention_notes: a
                .retention
                .rules
                .iter()
                .any(|r| r.setting.is_some() || r.legal_reason.is_some() || r.details.is_some()),
            deletion: a
                .retention
                .deletion
                .iter()
                .map(|d| DeletionView {
                    what: &d.what,
                    how: d.how.as_deref(),
                    removes: d.removes.as_deref(),
                    within: d.within.map(|p| p.to_string()),
                    details: d.details.as_deref(),
                })
                .collect(),
            rights: a
                .rights
                .rights
                .iter()
                .map(|r| {
                    let text = r
                        .description
                        .as_deref()
                        .unwrap_or_else(|| standard_right_text(r.right));
                    let text = text.trim_end_matches('.');
                    // The operator's own words were written to be completed by how; the
                    // standard ones are not ("Access the personal information we hold
                    // about you in the app" would say where the information is held).
                    let statement = match (&r.how, &r.description) {
                        (Some(how), Some(_)) => format!("{text} {}", how.trim()),
                        (Some(how), None) => format!("{text}; you can do this {}", how.trim()),
                        (None, _) => text.to_owned(),
                    };
                    RightView {
                        key: r.right.key(),
                        label: r.right.label(),
                        statement: sentence(&statement),
                        in_app: r.how.is_some(),
                    }
                })
                .collect(),
            rights_in_app: a.rights.rights.iter().any(|r| r.how.is_some()),
            ccpa: ccpa_rows(a),
            ccpa_shared: ccpa_rows(a)
                .iter()
                .filter(|r| r.shared_for_advertising)
                .map(|r| r.category)
                .collect(),
            response_time: a.rights.response_time.map(|p| p.to_string()),
            not_used: super::filters::join(
                &{
                    let mut kinds = a.tracking.not_used.clone();
                    kinds.sort();
                    kinds.dedup();
                    kinds
                        .iter()
                        .map(|k| format!("no {}", k.label()))
                        .collect::<Vec<_>>()
                },
                "and",
            ),
            cookies: a
                .tracking
                .cookies
                .iter()
                .map(|c| CookieView {
                    name: &c.name,
                    storage: c.storage.label(),
                    purpose: c.purpose.label(),
                    description: &c.description,
                    duration: c.duration.as_deref(),
                    third_party: c.third_party.as_deref(),
                    basis: c.basis.map(|b| b.key()),
                })
                .collect(),
            dnt: a.tracking.do_not_track.map(|d| d.key()),
            gpc: a.tracking.global_privacy_control.map(|g| g.key()),
            permissions: a
                .extension
                .permissions
                .iter()
                .map(|p| PermissionView {
                    names: &p.names,
                    used_for: &p.used_for,
                })
                .collect(),
            android_permissions: permission_views(&a.app.android_permissions),
            ios_permissions: permission_views(&a.app.ios_permissions),
            notify_by: a.changes.notify_by.iter().map(|c| c.label()).collect(),
            notice_period: a.changes.notice_period.map(|p| p.to_string()),
            covers: covers(a),
            gdpr_rights_listed: {
                use crate::answers::vocab::RightKind::*;
                [
                    Access,
                    Rectification,
                    Erasure,
                    Restriction,
                    Portability,
                    Objection,
                ]
                .iter()
                .all(|k| a.rights.rights.iter().any(|r| r.right == *k))
            },
            consent_based: a.purposes.iter().any(|p| p.rests_on(LegalBasis::Consent)),
            legitimate_interests: a.purposes.iter().any(|p| {
                // UK GDPR Art. 21(1) as amended: the right to object covers
                // processing under Art. 6(1)(ea) too.
                p.rests_on(LegalBasis::LegitimateInterests)
                    || p.rests_on(LegalBasis::RecognisedLegitimateInterest)
            }),
            // CCPA 1798.121: the right to limit exists only where sensitive personal
            // information is used beyond 11 CCR 7027(m) (legal review S13); data the
            // operator processes for a business customer is that customer's to declare.
            sensitive: a.sale_and_sharing.sensitive_beyond_permitted == Some(true)
                && a.data
                    .categories
                    .iter()
                    .any(|c| c.is_ccpa_sensitive() && c.is_controlled()),
            stays_within: a.hosting.stays_in_region == Some(true) && !elsewhere,
            elsewhere,
            https: a
                .hosting
                .endpoint
                .as_deref()
                .is_some_and(|e| e.starts_with("https://"))
                && a.security
                    .measures
                    .iter()
                    .any(|m| m.kind == SecurityMeasureKind::Tls),
            cookie_lead: match (cookie_kinds(true), cookie_kinds(false)) {
                (true, true) => Some("We use the following cookies and browser storage:"),
                (true, false) => Some("We use the following cookies:"),
                (false, true) if a.audience.product_kinds == [ProductKind::BrowserExtension] => {
                    Some("The extension keeps the following in your browser's storage:")
                }
                (false, true) => Some("We use the following browser storage:"),
                (false, false) => None,
            },
            minimum_age_is_child: a.audience.minimum_age.is_some_and(|m| m < 18),
            breach: a
                .security
                .breach_notification
                .as_deref()
                .map(breach_sentence),
        }
    }
}

/// "If a security breach affects your personal data, we tell you by e-mail.", unless
/// the answer already says when. An answer that says only how ("by e-mail, without
/// undue delay", the question's own example) completes "we tell you": the question
/// asks how the operator tells users, and the sentence had no verb without it.
fn breach_sentence(answer: &str) -> String {
    let answer = answer.trim();
    let conditional = ["If ", "In the event", "Should ", "When ", "Where "]
        .iter()
        .any(|start| answer.starts_with(start));
    if conditional {
        return sentence(&capitalize(answer));
    }
    let first = answer
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let how_only = [
        "by",
        "via",
        "through",
        "within",
        "without",
        "immediately",
        "promptly",
        "directly",
        "in",
        "on",
        "using",
        "with",
        "as",
        "at",
    ]
    .contains(&first.as_str());
    let told = if how_only {
        // The first word is one of those above: lowercased, it is no proper noun.
        format!("we tell you {first}{}", &answer[first.len()..])
    } else {
        super::filters::uncap(answer)
    };
    sentence(&format!(
        "If a security breach affects your personal data, {told}"
    ))
}

/// The legal form and the country, as they follow a name. The country is left out when
/// the form already names it ("a private limited company registered in Estonia").
fn org_qualifier(a: &Answers) -> Option<String> {
    let o = &a.organization;
    let form = o
        .legal_form
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty());
    let country = o
        .country
        .map(|c| c.name())
        .filter(|name| !form.is_some_and(|f| f.contains(name)));
    match (form, country) {
        (Some(f), Some(c)) => Some(format!("{f}, {c}")),
        (Some(f), None) => Some(f.to_owned()),
        (None, Some(c)) => Some(c.to_owned()),
        (None, None) => None,
    }
}

/// The parts of the policy the answers fill in, as the intro lists them. "It" refers
/// to the information only once something before it has named it.
fn covers(a: &Answers) -> Vec<String> {
    let h = &a.hosting;
    let stored = !h.stores.is_empty() || !h.data_location.is_empty() || h.endpoint.is_some();
    let rights =
        !a.rights.rights.is_empty() || a.audience.regions.iter().any(|&r| r != Region::RestOfWorld);
    let parts = [
        (!a.purposes.is_empty(), "how we use ", ""),
        (stored, "where ", " is kept"),
        (
            !a.processors.is_empty() || !a.disclosures.is_empty(),
            "who we share ",
            " with",
        ),
        (rights, "what rights you have over ", ""),
    ];
    let mut named = a.data.categories.iter().any(|c| c.is_controlled());
    let mut out: Vec<String> = Vec::new();
    if named {
        out.push("what information we collect".to_owned());
    }
    for (said, before, after) in parts {
        if said {
            let what = if named { "it" } else { "your information" };
            out.push(format!("{before}{what}{after}"));
            named = true;
        }
    }
    out
}

/// `https://www.acme.io/` → `www.acme.io`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Names joined as a sentence does, except two names one of which has an "and" of its
/// own ("Account and Habits and notes"): there "and" would blur where one ends, so a
/// semicolon separates them. Three or more are kept apart by the serial comma.
fn name_list(names: &[&str]) -> String {
    if names.len() == 2 && names.iter().any(|n| n.contains(" and ")) {
        names.join("; ")
    } else {
        super::filters::join(names, "and")
    }
}

/// The names of these categories, found through the policy's index of ids.
fn category_names<'a>(a: &'a Policy, ids: &[Short]) -> Vec<&'a str> {
    ids.iter()
        .filter_map(|id| a.category(id))
        .map(|c| c.name.as_str())
        .collect()
}

fn data_groups(a: &Answers) -> Vec<DataGroup<'_>> {
    DataSource::ALL
        .iter()
        .filter_map(|&source| {
            // A category with several sources is listed once, under its first; the
            // others are said with it.
            let listed =
                move |c: &&DataCategory| c.source.first() == Some(source) && c.is_controlled();
            a.data
                .categories
                .iter()
                .any(|c| listed(&c))
                .then(|| DataGroup {
                    title: source.label(),
                    source: source.key(),
                    categories: Each::new(move || {
                        a.data
                            .categories
                            .iter()
                            .filter(listed)
                            .map(move |c| category_view(a, c))
                    }),
                })
        })
        .collect()
}

/// A recipient that is not a service, as the recipients section lists it.
#[derive(Serialize)]
pub struct DisclosureView<'a> {
    pub to: &'static str,
    pub name: Option<&'a str>,
    /// Completes "when ...", without a final full stop.
    pub when: &'a str,
    pub what: &'a str,
    /// The categories' names as one list; empty when none are named.
    pub data: String,
}

/// Data processed for business customers, said once with its categories.
#[derive(Serialize, Default)]
pub struct CustomerDataView<'a> {
    pub categories: Vec<CategoryView<'a>>,
    /// Who decides about it, as it starts a sentence's subject: "our customers" unless
    /// the operator named them.
    pub customers: String,
    /// The categories' names as one list, for the rights section.
    pub names: String,
    pub dpa_url: Option<&'a str>,
    pub details: Option<&'a str>,
}

impl<'a> CustomerDataView<'a> {
    fn of(a: &'a Answers) -> CustomerDataView<'a> {
        let list: Vec<_> = a
            .data
            .categories
            .iter()
            .filter(|c| c.is_customers())
            .collect();
        if list.is_empty() {
            return CustomerDataView::default();
        }
        static NONE: crate::answers::CustomerData = crate::answers::CustomerData {
            customers: None,
            dpa_url: None,
            details: None,
        };
        let f = a.data.for_customers.as_ref().unwrap_or(&NONE);
        let given = |v: &'a Option<String>| v.as_deref().filter(|v| !v.trim().is_empty());
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        CustomerDataView {
            categories: list.into_iter().map(|c| category_view(a, c)).collect(),
            customers: given(&f.customers).unwrap_or("our customers").to_owned(),
            names: name_list(&names),
            dpa_url: given(&f.dpa_url),
            details: given(&f.details),
        }
    }
}

/// How business customers hear of an intended change of sub-processors, and object
/// to it (GDPR Art. 28(2)); only with data processed for them and recipients to
/// change.
#[derive(Serialize)]
pub struct SubprocessorChangesView<'a> {
    /// Who is told, as in the customers' data: "our customers" unless named.
    pub customers: String,
    /// How they are told, as phrases about them: "by e-mail to their account address".
    pub channels: Vec<&'static str>,
    /// "30 days".
    pub notice_period: Option<String>,
    pub subscribe_url: Option<&'a str>,
    /// Completes "They can object ...".
    pub object_by: Option<&'a str>,
}

impl<'a> SubprocessorChangesView<'a> {
    fn of(a: &'a Answers) -> Option<SubprocessorChangesView<'a>> {
        use crate::answers::vocab::NoticeChannel;
        let c = a.data.subprocessor_changes.as_ref()?;
        if a.processors.is_empty() || !a.data.categories.iter().any(|c| c.is_customers()) {
            return None;
        }
        let given = |v: &'a Option<String>| v.as_deref().filter(|v| !v.trim().is_empty());
        let customers = a
            .data
            .for_customers
            .as_ref()
            .and_then(|f| given(&f.customers));
        Some(SubprocessorChangesView {
            customers: customers.unwrap_or("our customers").to_owned(),
            // The channels' own labels speak to the reader ("your account address");
            // here the customers are spoken of.
            channels: c
                .notify_by
                .iter()
                .map(|n| match n {
                    NoticeChannel::Email => "by e-mail to their account address",
                    NoticeChannel::InApp => "with a notice in the app",
                    NoticeChannel::Website => "with a notice on our website",
                })
                .collect(),
            notice_period: c.notice_period.map(|p| p.to_string()),
            subscribe_url: given(&c.subscribe_url),
            object_by: given(&c.object_by),
        })
    }
}

/// Telemetry, with the ways to turn it off in the order the sentence gives them.
#[derive(Serialize)]
pub struct TelemetryView<'a> {
    /// `on_by_default` or `opt_in`.
    pub default: &'static str,
    pub sends: &'a str,
    pub ways: Vec<WayOff<'a>>,
    pub follows_host: Option<&'a str>,
    /// The names of the recipients it goes to.
    pub to: Vec<&'a str>,
}

/// One way to turn telemetry off: words before it, and the setting, variable or
/// option itself (`code` when it is typed as written).
#[derive(Serialize)]
pub struct WayOff<'a> {
    pub lead: &'static str,
    pub text: &'a str,
    pub code: bool,
}

impl<'a> TelemetryView<'a> {
    fn of(a: &'a Answers, t: &'a crate::answers::Telemetry) -> TelemetryView<'a> {
        let given = |x: &'a Option<String>| x.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let ways = [
            ("in", given(&t.setting), false),
            (
                "by setting the environment variable",
                given(&t.env_var),
                true,
            ),
            ("by running it with", given(&t.cli_flag), true),
        ]
        .into_iter()
        .filter_map(|(lead, text, code)| text.map(|text| WayOff { lead, text, code }))
        .collect();
        TelemetryView {
            default: t.default.key(),
            sends: &t.sends,
            ways,
            follows_host: given(&t.follows_host),
            to: t
                .to
                .iter()
                .map(|id| {
                    a.processors
                        .iter()
                        .find(|p| p.id == id)
                        .map_or(id.as_str(), |p| p.name.as_str())
                })
                .collect(),
        }
    }
}

/// Data that stays on the user's device or in their browser.
#[derive(Serialize, Default)]
pub struct LocalDataView<'a> {
    pub categories: Vec<LocalView<'a>>,
    /// Where it all stays, when it is one place ("in your browser"); otherwise
    /// "on your device or in your browser".
    pub place: &'static str,
}

#[derive(Serialize)]
pub struct LocalView<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub place: &'static str,
    pub encrypted: bool,
}

impl<'a> LocalDataView<'a> {
    fn of(a: &'a Answers) -> LocalDataView<'a> {
        let categories: Vec<LocalView> = a
            .data
            .categories
            .iter()
            .filter_map(|c| {
                Some(LocalView {
                    name: &c.name,
                    description: &c.description,
                    place: c.stays_on?.label(),
                    encrypted: c.encrypted_locally,
                })
            })
            .collect();
        let place = match categories.first() {
            Some(first) if categories.iter().all(|c| c.place == first.place) => first.place,
            Some(_) => "on your device or in your browser",
            None => "",
        };
        LocalDataView { categories, place }
    }
}

/// Whether these categories are all processed for business customers (and there
/// is at least one).
fn only_customers_data(policy: &Policy, ids: &[Short]) -> bool {
    !ids.is_empty()
        && ids
            .iter()
            .all(|id| policy.category(id).is_some_and(|c| c.is_customers()))
}

fn category_view<'a>(a: &Answers, c: &'a DataCategory) -> CategoryView<'a> {
    CategoryView {
        name: &c.name,
        description: &c.description,
        when: c.when.as_deref(),
        source_name: c
            .source_name
            .as_deref()
            .filter(|_| c.source.first() == Some(DataSource::ThirdParty)),
        through: c
            .source_name
            .as_deref()
            .filter(|_| c.source.first() == Some(DataSource::ThirdPartySdk)),
        also_from: {
            let others: Vec<String> = c
                .source
                .iter()
                .skip(1)
                .map(|s| match (s, c.source_name.as_deref()) {
                    (DataSource::ThirdParty, Some(name)) => name.to_owned(),
                    (DataSource::ThirdPartySdk, Some(name)) => format!("{name} in our product"),
                    _ => source_phrase(a, s).to_owned(),
                })
                .collect();
            (!others.is_empty()).then(|| super::filters::join(&others, "and"))
        },
        provided: c.comes_from(DataSource::Provided),
        required: c.required,
        if_not_provided: c.if_not_provided.as_deref(),
        consequence: c.if_not_provided.as_deref().map(consequence),
        special_category: c.is_special_category(),
        art9: c.art9_condition.map(|x| x.label()),
        ccpa_sensitive: c.is_ccpa_sensitive() && crate::law::california(a),
        us_sensitive: c.is_ccpa_sensitive()
            && !crate::law::california(a)
            && crate::law::us_state_laws(a),
        ccpa: c.ccpa_category.map(|x| x.label()),
    }
}

/// "we cannot create your account" → "without it, we cannot create your account.", so
/// the sentence says what the consequence follows from.
fn consequence(answer: &str) -> String {
    let answer = super::filters::uncap(answer);
    if answer.to_lowercase().contains("without") {
        sentence(&answer)
    } else {
        sentence(&format!("without it, {answer}"))
    }
}

/// The operator's own list, then what the tracking answers rule out, so a product that
/// says it does no fingerprinting also says so where readers look for it. What the
/// operator's list already names is not repeated.
fn not_collected(a: &Answers) -> Vec<Said> {
    let mut list: Vec<Said> = a
        .data
        .not_collected
        .iter()
        .map(|n| Said {
            what: capitalize(n.what.trim()),
            detail: n.detail.as_deref().map(|d| capitalize(d.trim())),
        })
        .collect();
    let listed = |needle: &str| {
        a.data.not_collected.iter().any(|n| {
            let text = format!("{} {}", n.what, n.detail.as_deref().unwrap_or("")).to_lowercase();
            text.contains(needle)
        })
    };
    let t = &a.tracking;
    let fingerprints = match (on_the_web(a), on_a_device(a)) {
        (true, true) => "browser or device fingerprints",
        (false, true) => "device fingerprints",
        _ => "browser fingerprints",
    };
    let ruled_out: Vec<&str> = [
        (t.fingerprinting, "fingerprint", fingerprints),
        (
            t.advertising_ids,
            "advertising identifier",
            "advertising identifiers",
        ),
        (
            t.cross_site_tracking,
            "cross-site",
            "cross-site tracking signals",
        ),
    ]
    .into_iter()
    .filter(|(used, needle, _)| *used == Some(false) && !listed(needle))
    .map(|(_, _, what)| what)
    .collect();
    if !ruled_out.is_empty() {
        list.push(Said {
            what: capitalize(&super::filters::join(&ruled_out, "or")),
            detail: None,
        });
    }
    list
}

/// The product runs in a browser (a website, web app or extension).
fn on_the_web(a: &Answers) -> bool {
    a.audience.product_kinds.iter().any(|k| {
        matches!(
            k,
            ProductKind::WebApp | ProductKind::Website | ProductKind::BrowserExtension
        )
    })
}

/// The product runs as an app or a tool on the user's device (an editor extension and
/// a command-line tool run on the user's machine, not in a browser).
fn on_a_device(a: &Answers) -> bool {
    a.audience.product_kinds.iter().any(|k| {
        matches!(
            k,
            ProductKind::MobileApp
                | ProductKind::DesktopApp
                | ProductKind::EditorExtension
                | ProductKind::Cli
        )
    })
}

fn ccpa_rows(a: &Answers) -> Vec<CcpaRow<'_>> {
    use crate::answers::vocab::CcpaCategory;
    CcpaCategory::ALL
        .iter()
        .filter_map(|&category| {
            let matching: Vec<_> = a
                .data
                .categories
                .iter()
                .filter(|c| c.ccpa_category == Some(category) && c.is_controlled())
                .collect();
            if matching.is_empty() {
                return None;
            }
            let mut sources: Vec<&'static str> = Vec::new();
            for s in matching.iter().flat_map(|c| c.source.iter()) {
                let s = source_phrase(a, s);
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            let sharing = a.sale_and_sharing.shares_for_advertising == Some(true);
            let mut disclosed_to: Vec<&'static str> = Vec::new();
            let mut shared_for_advertising = false;
            for p in a.processors.iter().filter(|p| p.receives_data()) {
                let receives = matching.iter().any(|c| p.categories.contains(&c.id));
                if receives && sharing && p.role == ProcessorRole::Advertising {
                    shared_for_advertising = true;
                } else if receives && !disclosed_to.contains(&p.role.label()) {
                    disclosed_to.push(p.role.label());
                }
            }
            Some(CcpaRow {
                category: category.label(),
                examples: matching.iter().map(|c| c.name.as_str()).collect(),
                sources,
                disclosed_to,
                shared_for_advertising,
            })
        })
        .collect()
}

fn source_phrase(a: &Answers, source: DataSource) -> &'static str {
    match source {
        DataSource::Provided => "you",
        DataSource::Generated => "your use of the service",
        DataSource::Automatic if !on_the_web(a) => "your device",
        DataSource::Automatic => "your device and browser",
        DataSource::ThirdParty => "third-party services",
        DataSource::ThirdPartySdk => "third-party code in our product",
    }
}

/// Ends with a full stop unless it already ends a sentence.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn recipient_groups(policy: &Policy) -> Vec<RecipientGroup<'_>> {
    let a = policy.answers();
    ProcessorRole::ALL
        .iter()
        .filter_map(|&role| {
            let listed = move |p: &&Processor| p.role == role && p.receives_data();
            a.processors
                .iter()
                .any(|p| listed(&p))
                .then(|| RecipientGroup {
                    role: role.key(),
                    title: role.label(),
                    // As `recipient_view` lists its countries: those named, and "worldwide".
                    located: a
                        .processors
                        .iter()
                        .filter(listed)
                        .any(|p| !p.countries.is_empty() || p.is_worldwide()),
                    recipients: Each::new(move || {
                        a.processors
                            .iter()
                            .filter(listed)
                            .map(move |p| recipient_view(policy, p))
                    }),
                })
        })
        .collect()
}

fn recipient_view<'a>(policy: &'a Policy, p: &'a Processor) -> RecipientView<'a> {
    let a = policy.answers();
    let data = p.data_description.clone().or_else(|| {
        let names = category_names(policy, &p.categories);
        (!names.is_empty()).then(|| name_list(&names))
    });
    RecipientView {
        name: &p.name,
        legal_entity: p.legal_entity.as_deref(),
        purpose: &p.purpose,
        data,
        countries: p
            .countries
            .iter()
            .map(|c| c.name())
            .chain(p.is_worldwide().then_some(if p.countries.is_empty() {
                WORLDWIDE_ALONE
            } else {
                WORLDWIDE
            }))
            .collect(),
        safeguard: p
            .safeguard
            .phrase()
            .filter(|_| p.reaches_outside(|c| !transferred_to(a, c)))
            .map(|phrase| for_whom(a, p, phrase)),
        commitments: &p.commitments,
        only_if: p.only_if.as_deref(),
        url: p.privacy_policy_url.as_deref(),
        links: p
            .links()
            .enumerate()
            .map(|(i, (words, url))| LinkView {
                words: if i == 0 {
                    capitalize(words)
                } else {
                    words.to_owned()
                },
                url,
            })
            .collect(),
        controller: p
            .controller
            .map(|c| controller_sentence(c, &a.organization.product_name)),
        proxied: (p.deployment == Some(Deployment::Proxied)).then(|| proxied_sentence(p)),
    }
}

/// Where a CDN or edge network processes data (`Processor::worldwide`), after the
/// countries it names, or alone.
const WORLDWIDE: &str = "data centres around the world";
const WORLDWIDE_ALONE: &str = "Data centres around the world";

/// How the policy says a recipient is reached through our own domain or reverse
/// proxy: it still receives the data (so it stays a recipient, GDPR Art. 13(1)(e)),
/// less what the operator says the proxy removes.
fn proxied_sentence(p: &Processor) -> String {
    match p
        .proxy_removes
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        Some(removed) => format!(
            "It receives the data through a proxy on our own domain, which removes {} first.",
            removed.trim_end_matches('.')
        ),
        None => "It receives the data through a proxy on our own domain.".to_owned(),
    }
}

/// How the policy says that a recipient is an independent controller (GDPR Art. 4(7),
/// 13(1)(e); EDPB Guidelines 07/2020): a merchant of record sells the product in its
/// own name and so decides how the buyer's data is used; its own privacy policy, not
/// this one, governs that use.
fn controller_sentence(c: RecipientControl, product: &str) -> String {
    match c {
        RecipientControl::MerchantOfRecord => format!(
            "Sells {product} to you as merchant of record, and receives your data as an \
             independent controller, under its own privacy policy."
        ),
        RecipientControl::Independent => {
            "Receives your data as an independent controller, under its own privacy policy."
                .to_owned()
        }
        RecipientControl::Partly => "For some of its own purposes, such as preventing fraud \
             and meeting its legal obligations, it uses your data as an independent \
             controller, under its own privacy policy."
            .to_owned(),
    }
}

fn safeguards_copy(a: &Answers) -> Option<SafeguardsCopy<'_>> {
    let answer = a.hosting.safeguards_copy.as_deref()?;
    if !crate::law::transfers::needs_copy_route(a) {
        return None;
    }
    let all: Vec<&crate::answers::Safeguards> = a
        .processors
        .iter()
        .filter(|p| p.receives_data())
        .map(|p| &p.safeguard)
        .chain(a.hosting.transfers.iter().map(|t| &t.safeguard))
        .collect();
    // In the vocabulary's order, whatever order the recipients name them in.
    let named = crate::answers::Safeguards::new(
        crate::law::transfers::CONTRACTUAL
            .iter()
            .copied()
            .filter(|&s| all.iter().any(|list| list.contains(s))),
    );
    Some(SafeguardsCopy {
        mechanisms: named.phrase()?,
        url: (answer != crate::answers::ON_REQUEST).then_some(answer),
    })
}

/// A recipient's safeguard, saying for whom it is when only some of the laws that
/// apply see a transfer: a German operator's host in Germany is a transfer for UK
/// users only, so "an adequacy decision (for UK users)" (UK GDPR Art. 13(1)(f)),
/// not a transfer EEA readers might think their data makes.
fn for_whom(a: &Answers, p: &Processor, phrase: String) -> String {
    if p.is_worldwide() {
        return phrase;
    }
    let (seeing, all) = crate::law::transfers::laws_seeing_transfer(a, &p.countries);
    if seeing.is_empty() || seeing.len() == all.len() {
        return phrase;
    }
    let users: Vec<&str> = seeing.iter().map(|law| law.users()).collect();
    format!("{phrase} (for {})", super::filters::join(&users, "and"))
}

fn rule_view<'a>(a: &Answers, r: &'a RetentionRule) -> RuleView<'a> {
    let kept = super::kept::kept(a, r);
    let mut notes: Vec<String> = Vec::new();
    if let Some(setting) = &r.setting {
        notes.push(sentence(&change_setting(setting.trim())));
    }
    for text in [&r.legal_reason, &r.details].into_iter().flatten() {
        notes.push(sentence(&capitalize(text)));
    }
    notes.extend(super::kept::legal_hold(r).map(str::to_owned));
    RuleView {
        data: &r.data,
        kept: capitalize(&kept),
        notes: notes.join(" "),
    }
}

/// Where the user changes a retention period, as a sentence: the answer may name the
/// place ("Settings → Retention"), start with a preposition ("under Settings"), or be a
/// whole sentence ("You can delete single notes at any time").
fn change_setting(setting: &str) -> String {
    let first = setting
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    match first.as_str() {
        "you" | "users" => capitalize(setting),
        "in" | "via" | "from" | "under" | "through" | "on" | "at" | "by" | "with" => {
            format!("You can change this {setting}")
        }
        _ => format!("You can change this in {setting}"),
    }
}

/// The standard wording of each right, used when the operator gives none.
fn standard_right_text(right: crate::answers::vocab::RightKind) -> &'static str {
    use crate::answers::vocab::RightKind::*;
    match right {
        Access => "Access the personal information we hold about you",
        Portability => "Receive your data in a portable, machine-readable format",
        Rectification => "Correct inaccurate information",
        Erasure => "Have your personal information deleted",
        Restriction => "Ask us to restrict how we use your information",
        Objection => "Object to processing based on our legitimate interests",
        WithdrawConsent => "Withdraw consent for any optional data processing at any time",
        OptOutMarketing => "Opt out of non-essential messages",
        OptOutSale => "Opt out of the sale or sharing of your personal information",
        LimitSensitive => "Limit the use of your sensitive personal information",
        Know => "Ask us what personal information we hold about you and how we use it",
        AutomatedDecisions => {
            "Not be subject to decisions based solely on automated processing that significantly affect you"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the fields [`LISTED`] names grow with the long lists: with every data
    /// category, recipient, purpose and retention rule of `complete.json` repeated
    /// fifty times, each other field's template value is as large as before (give
    /// or take the counts written in it).
    #[test]
    fn only_the_listed_fields_grow_with_the_lists() {
        let one = crate::answers::Answers::example("complete");
        let mut many = one.clone();
        for n in 1..50 {
            let tag = |id: &str| format!("{id}-{n}");
            many.data
                .categories
                .extend(one.data.categories.iter().map(|c| {
                    let mut c = c.clone();
                    c.id = tag(&c.id).into();
                    c.name = tag(&c.name).into();
                    c
                }));
            many.processors.extend(one.processors.iter().map(|p| {
                let mut p = p.clone();
                p.id = tag(&p.id).into();
                p.name = tag(&p.name).into();
                p.categories = p.categories.iter().map(|c| tag(c).into()).collect();
                p
            }));
            many.purposes.extend(one.purposes.iter().map(|p| {
                let mut p = p.clone();
                p.id = tag(&p.id);
                p.categories = p.categories.iter().map(|c| tag(c).into()).collect();
                p
            }));
            many.retention
                .rules
                .extend(one.retention.rules.iter().map(|r| {
                    let mut r = r.clone();
                    r.data = tag(&r.data);
                    r.categories = r.categories.iter().map(|c| tag(c).into()).collect();
                    r
                }));
        }
        let sizes = |a: &crate::answers::Answers| -> Vec<(&'static str, usize)> {
            let policy = Policy::resolve(a, &crate::catalog::Catalog::builtin()).unwrap();
            let view = View::new(&policy, Verbatim::Builtin);
            View::FIELDS
                .iter()
                .map(|name| {
                    let mut context = tera::Context::new();
                    view.put(name, &mut context);
                    (*name, format!("{:?}", context.get(name)).len())
                })
                .collect()
        };
        let mut grew = Vec::new();
        for ((name, before), (_, after)) in sizes(&one).into_iter().zip(sizes(&many)) {
            if View::is_listed(name) {
                grew.push((name, after > 10 * before));
            } else {
                assert!(after < before + 200, "{name} grew from {before} to {after}");
            }
        }
        let grown: Vec<_> = grew.iter().filter(|(_, g)| *g).map(|(n, _)| *n).collect();
        // `complete.json` has no recipient that is self-hosted, an AI provider or
        // worldwide, no data kept on the device, and does not serve California.
        assert!(grown.len() >= 5, "the listed fields that grew: {grown:?}");
    }

    /// The names `put` knows are the view's fields, in order, on every example; and
    /// each field put is the field as the whole view gives it.
    #[test]
    fn every_field_can_be_put() {
        for (path, answers) in crate::examples::examples() {
            let policy = Policy::resolve(&answers, &crate::catalog::Catalog::builtin()).unwrap();
            let view = View::new(&policy, Verbatim::All);
            let whole = serde_json::to_value(&view).unwrap();
            let names: Vec<&str> = whole
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(names, View::FIELDS, "{path}");
            let whole = tera::Context::from_serialize(&view).unwrap();
            for name in View::FIELDS {
                let mut one = tera::Context::new();
                assert!(view.put(name, &mut one), "{name}");
                assert_eq!(one.get(name), whole.get(name), "{name}");
            }
            assert!(!view.put("loop_variable", &mut tera::Context::new()));
        }
    }

    #[test]
    fn the_ico_is_told_apart_from_other_commissioners() {
        for ico in [
            "the ICO",
            "the Information Commissioner's Office",
            "the UK Information Commissioner’s Office (ICO)",
            "the Information Commission (United Kingdom)",
        ] {
            assert!(names_ico(ico), "{ico}");
        }
        for other in [
            "the Federal Data Protection and Information Commissioner (FDPIC)",
            "the Information Commissioner of the Republic of Slovenia",
            "the Berlin Commissioner for Data Protection and Freedom of Information",
            "the Irish Data Protection Commission",
        ] {
            assert!(!names_ico(other), "{other}");
        }
    }

    #[test]
    fn a_setting_reads_as_a_sentence_whatever_its_shape() {
        assert_eq!(
            change_setting("Settings → Retention"),
            "You can change this in Settings → Retention"
        );
        assert_eq!(
            change_setting("under Settings > Privacy"),
            "You can change this under Settings > Privacy"
        );
        assert_eq!(
            change_setting("you can delete single notes at any time"),
            "You can delete single notes at any time"
        );
    }

    #[test]
    fn a_breach_answer_gets_its_condition_once() {
        assert_eq!(
            breach_sentence("We tell you by e-mail"),
            "If a security breach affects your personal data, we tell you by e-mail."
        );
        assert_eq!(
            breach_sentence("If a breach affects your data, we tell you."),
            "If a breach affects your data, we tell you."
        );
        // The question's own example says only how (a founder's use of the wizard:
        // "If a security breach affects your personal data, by e-mail, ...").
        assert_eq!(
            breach_sentence("by e-mail, without undue delay"),
            "If a security breach affects your personal data, we tell you by e-mail, \
             without undue delay."
        );
        assert_eq!(
            breach_sentence("Within 72 hours, by e-mail"),
            "If a security breach affects your personal data, we tell you within 72 hours, \
             by e-mail."
        );
    }

    #[test]
    fn a_consequence_says_what_it_follows_from() {
        assert_eq!(
            consequence("you cannot sync your habits"),
            "without it, you cannot sync your habits."
        );
        assert_eq!(
            consequence("We cannot create your account without it"),
            "we cannot create your account without it."
        );
    }

    #[test]
    fn the_country_is_not_said_twice() {
        let mut a = Answers::default();
        a.organization.country = Some("EE".parse().unwrap());
        a.organization.legal_form = Some("a private limited company registered in Estonia".into());
        assert_eq!(
            org_qualifier(&a).as_deref(),
            Some("a private limited company registered in Estonia")
        );
        a.organization.legal_form = Some("sole developer".into());
        assert_eq!(
            org_qualifier(&a).as_deref(),
            Some("sole developer, Estonia")
        );
    }

    #[test]
    fn a_safeguard_is_said_where_a_law_that_applies_sees_a_transfer() {
        let mut a = Answers::default();
        a.organization.country = Some("DE".parse().unwrap());
        a.audience.regions = vec![Region::Eea];
        assert!(!transferred_to(&a, "IE".parse().unwrap()), "inside the EEA");
        assert!(transferred_to(&a, "US".parse().unwrap()));
        // A German operator serving UK users: Germany is outside the UK.
        a.audience.regions.push(Region::Uk);
        assert!(transferred_to(&a, "DE".parse().unwrap()));
        // An American operator serving the EEA: the United States is a third country.
        a.organization.country = Some("US".parse().unwrap());
        a.audience.regions = vec![Region::Eea];
        assert!(transferred_to(&a, "US".parse().unwrap()));
        // No transfer law applies: nothing to say.
        a.audience.regions = vec![Region::California];
        assert!(!transferred_to(&a, "DE".parse().unwrap()));
    }
}
