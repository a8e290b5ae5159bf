//! The questions themselves, in interview order. Wording lives here; the shape of
//! each answer lives in `answers`, and this file must not contradict it (a test walks
//! every question's path through the answers schema).

use std::sync::LazyLock;

use serde_json::Value;

use super::{Choice, Condition, Kind, Question, Records, Scope, Section, Summary};
use crate::answers::Cookie;
use crate::answers::vocab::{
    Art9Condition, CcpaCategory, CookieBasis, CookiePurpose, DataRole, DataSource, DateStyle,
    Deployment, DisclosureKind, DntResponse, GpcResponse, LegalBasis, LocalPlace, MarketingBasis,
    NotUsed, NoticeChannel, ProcessorRole, ProductKind, RecipientControl, Region, RightKind,
    Safeguard, SectionId, StorageKind, TelemetryDefault, TrainingUse, Visibility,
};
use crate::law;

mod stores;

fn q(key: &'static str, prompt: &'static str, help: &'static str, kind: Kind) -> Question {
    Question {
        key,
        prompt,
        help,
        kind,
        required: false,
        when: None,
        example: None,
        suggest: None,
    }
}

impl Question {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }

    fn when(mut self, condition: Condition) -> Self {
        self.when = Some(condition);
        self
    }

    fn example(mut self, example: &'static str) -> Self {
        self.example = Some(example);
        self
    }

    fn suggest(mut self, suggest: fn(&Scope) -> Option<Value>) -> Self {
        self.suggest = Some(suggest);
        self
    }
}

fn records(noun: &'static str, summary: Summary, fields: Vec<Question>) -> Kind {
    Kind::Records(Records {
        noun,
        fields,
        summary,
    })
}

/// A text field of a record, for summaries.
fn field<'a>(record: &'a Value, key: &str) -> &'a str {
    record.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The built-in catalog's entry a recipient record starts from, if any.
fn catalog_entry(record: &Value) -> Option<&'static crate::catalog::Entry> {
    crate::catalog::Catalog::builtin_shared().get(field(record, "catalog"))
}

/// A recipient record's name: its own, or, for a bare catalog reference, the
/// catalog entry's, which is the name the policy gives it.
fn recipient_name(record: &Value) -> &str {
    match field(record, "name") {
        "" => catalog_entry(record).map_or("", |entry| entry.name.as_str()),
        name => name,
    }
}

/// A recipient record's role: its own, or, for one that starts from the built-in
/// catalog and was never placed in a group (no `role`), the catalog entry's, which
/// is the role the policy gives it.
fn recipient_role(record: &Value) -> &str {
    match field(record, "role") {
        "" => catalog_entry(record).map_or("", |entry| entry.role.key()),
        role => role,
    }
}

/// The words for a choice's key (the key itself if unknown), so a list shows
/// "Deletion", not `erasure`.
fn label_of(choices: &[Choice], key: &str) -> String {
    choices
        .iter()
        .find(|c| c.0 == key)
        .map_or(key, |c| c.1)
        .to_owned()
}

/// The record field `key` has the JSON value `value`.
fn record_is(scope: &Scope, key: &str, value: &Value) -> bool {
    scope.field(key).as_deref() == Some(value)
}

/// Whether the entry's answer to `key`, one value or a list of them (a purpose's
/// legal bases, a category's sources), includes `value`.
fn record_has(scope: &Scope, key: &str, value: &str) -> bool {
    match scope.field(key).as_deref() {
        Some(Value::String(one)) => one == value,
        Some(Value::Array(items)) => items.iter().any(|v| v.as_str() == Some(value)),
        _ => false,
    }
}

/// Whether the entry's answer to `key` is a list of more than one value.
fn record_has_several(scope: &Scope, key: &str) -> bool {
    scope
        .field(key)
        .as_deref()
        .and_then(Value::as_array)
        .is_some_and(|items| items.len() > 1)
}

/// Suggests an id made from the record's name (or `what`/`data`/`title`).
fn id_from_name(scope: &Scope) -> Option<Value> {
    let names = ["name", "title"].map(|k| scope.field(k));
    let name = names
        .iter()
        .flatten()
        .filter_map(|n| n.as_str())
        .find(|n| !n.is_empty())?;
    let slug = crate::answers::validate::id_slug(name);
    (!slug.is_empty()).then(|| Value::String(slug.replace('-', "_")))
}

/// A European law asks for legal bases and transfer safeguards (`law::european`).
fn in_europe(scope: &Scope) -> bool {
    law::legal_basis(scope.answers)
}

/// A law that asks for each purpose's legal basis applies ([`law::legal_basis`]).
fn basis_asked(scope: &Scope) -> bool {
    law::legal_basis(scope.answers)
}

/// The retention rule being edited gives a period.
fn has_period(scope: &Scope) -> bool {
    scope.field("period").is_some_and(|v| !v.is_null())
}

/// Some data is processed on a business customer's behalf (`DataCategory::role`).
fn has_customer_data(scope: &Scope) -> bool {
    scope
        .answers
        .data
        .categories
        .iter()
        .any(|c| c.is_customers())
}

fn in_us(scope: &Scope) -> bool {
    law::united_states(scope.answers)
}

static PLACEMENTS: LazyLock<Vec<Choice>> = LazyLock::new(|| {
    let mut list = vec![("start", "At the start"), ("end", "At the end")];
    list.extend(SectionId::CHOICES.iter().map(|&(key, _)| (key, key)));
    list.iter_mut().skip(2).for_each(|c| {
        let label = SectionId::ALL
            .iter()
            .find(|s| s.key() == c.0)
            .map_or(c.0, |s| s.label());
        c.1 = label;
    });
    list
});

/// The kinds of security measure in plain words, the technical term in brackets
/// (the vocabulary's own labels are terse). Same keys, same order
/// (`security_kinds_match_the_vocabulary`); only the interview shows these words.
const SECURITY_KINDS: &[Choice] = &[
    ("tls", "encryption in transit (HTTPS, TLS)"),
    ("encryption_at_rest", "encryption of stored data (at rest)"),
    ("password_hashing", "passwords kept only as hashes"),
    ("api_key_hashing", "API keys kept only as hashes"),
    (
        "access_control",
        "only the people who need it can reach the data (access control)",
    ),
    (
        "scoped_credentials",
        "keys and tokens that can do only their own job (scoped credentials)",
    ),
    (
        "audit_logs",
        "a record of who looked at or changed what (audit logs)",
    ),
    (
        "row_level_security",
        "the database itself keeps each user's rows apart (row-level security)",
    ),
    (
        "ssrf_protection",
        "the server never fetches web addresses users give it unchecked (SSRF protection)",
    ),
    (
        "multi_factor",
        "a second step when signing in (multi-factor authentication)",
    ),
    ("backups", "backups"),
    (
        "short_lived_codes",
        "codes that expire quickly (short-lived codes)",
    ),
    (
        "pseudonymisation",
        "names and ids replaced by codes whose key is kept apart (pseudonymisation)",
    ),
    (
        "anonymisation",
        "data made so no one can be identified from it any more (anonymisation)",
    ),
    ("other", "something else"),
];

/// The whole interview, built once: every front end, `relevant` (on each render)
/// and `check` read it.
pub fn sections() -> &'static [Section] {
    static SECTIONS: LazyLock<Vec<Section>> = LazyLock::new(build);
    &SECTIONS
}

fn build() -> Vec<Section> {
    vec![
        organization(),
        product(),
        data(),
        purposes(),
        sale_and_ai(),
        processors(),
        hosting(),
        visibility(),
        retention(),
        rights(),
        tracking(),
        security(),
        extension(),
        stores::app(),
        stores::stores(),
        changes(),
        policy(),
        custom(),
    ]
}

fn person_fields() -> Vec<Question> {
    vec![
        q("name", "Name", "The person's or firm's name.", Kind::Text).required(),
        q("email", "E-mail", "How people reach them.", Kind::Email),
        q(
            "postal_address",
            "Postal address",
            "Where they receive letters.",
            Kind::Paragraph,
        ),
    ]
}

fn organization() -> Section {
    Section {
        id: "organization",
        title: "About you",
        intro: "Who runs the product and how people reach you. The law calls you the controller: the one who decides why and how personal data is used.",
        questions: vec![
            q("organization.product_name", "What is your product called?",
              "The name your users know. It is used throughout the policy.", Kind::Text)
                .required().example("Acme"),
            q("organization.description", "In one line, what does it do? (finishes \"[your product] provides ...\")",
              "Readers should know what service the policy is about before they read what it collects.",
              Kind::Text).example("a browser extension that records workflows"),
            q("organization.website", "What is its website?",
              "Linked from the top of the policy.", Kind::Url).example("https://acme.io"),
            q("organization.legal_entity", "Who runs it: your company's registered name, or your own name?",
              "The company as registered, or you as a person if you have no company: whoever decides what the product does with people's data. GDPR Art. 13(1)(a) asks for their identity (the law calls them the \"controller\").",
              Kind::Text).example("Acme Inc."),
            q("organization.legal_form", "What kind of business is that, in a few words?",
              "Helps readers understand who they deal with, e.g. \"sole developer\" or \"a limited company\"; the country comes from the next question.",
              Kind::Text).example("sole developer"),
            q("organization.country", "Which country are you established in?",
              "Decides whether you need an EU or UK representative, and which transfers happen. A name or a two-letter code (US, DE, KZ).",
              Kind::Country).example("US"),
            q("organization.postal_address", "What is your postal address?",
              "Some laws (GDPR Art. 13(1)(a), CalOPPA for some businesses) expect a way to write to you, not only e-mail.",
              Kind::Paragraph),
            q("organization.contact_email", "Which e-mail address should people write to?",
              "Every privacy law asks for a way to contact you (GDPR Art. 13(1)(a), CCPA 1798.130). Leave empty if people reach you only by post, a contact form or an issue tracker (asked under Users' rights): the policy then names those, never an e-mail address.",
              Kind::Email).example("hello@acme.io"),
            q("organization.privacy_email", "Is there a separate address for privacy requests?",
              "Leave empty to use the contact address.", Kind::Email).example("privacy@acme.io"),
            q("organization.dpo", "Have you appointed a data protection officer? (most small businesses have not)",
              "GDPR Art. 37 requires one only when your core business monitors people or handles sensitive data on a large scale; if you have one, Art. 13(1)(b) asks for their contact details.",
              Kind::Group(person_fields())),
        ],
    }
}

fn product() -> Section {
    Section {
        id: "product",
        title: "Your product and its users",
        intro: "What kind of product this is and where its users are: this decides which laws apply and which sections the policy needs.",
        questions: vec![
            q("audience.product_kinds", "What kind of product is it?",
              "A browser extension needs a permissions section (Chrome Web Store policy); a mobile app may use advertising identifiers.",
              Kind::Choices(&crate::suggest::PRODUCT_KINDS)),
            q("audience.regions", "Where are your users?",
              "Each region brings its own rights: GDPR in the EEA, UK GDPR, CCPA in California, LGPD in Brazil, PIPEDA in Canada, Kazakhstan's law on personal data.",
              Kind::Choices(Region::CHOICES)),
            q("organization.eu_representative", "Who represents you in the EU?",
              "GDPR Art. 27: a business outside the EU that serves people there must name a representative in the EU, a person or firm that people and authorities can contact (paid services do this).",
              Kind::Group(person_fields()))
                .when(|s| law::may_need_eu_representative(s.answers)),
            q("organization.uk_representative", "Who represents you in the UK?",
              "UK GDPR Art. 27: a business outside the UK that serves people there must name a representative in the UK, a person or firm that people and the Information Commissioner (the UK authority) can contact.",
              Kind::Group(person_fields()))
                .when(|s| law::may_need_uk_representative(s.answers)),
            q("organization.swiss_representative", "Who represents you in Switzerland?",
              "Swiss FADP Art. 14: an operator outside Switzerland whose processing of data of people there is regular, extensive and high-risk must name a representative there; the policy then gives its name and address.",
              Kind::Group(person_fields()))
                .when(|s| law::may_need_swiss_representative(s.answers)),
            q("audience.intended_for", "Who is the product for? (finishes \"[your product] is intended for ...\")",
              "The policy says this where it talks about children.", Kind::Text).example("software developers"),
            q("audience.minimum_age", "What is the youngest age of user you accept?",
              "GDPR Art. 8 sets 13 to 16 depending on the country for consent to online services; COPPA covers children under 13.",
              Kind::Age).example("16"),
            q("audience.directed_to_children", "Is the product made for children under 13?",
              "COPPA says \"directed to children\": aimed at them by its subject, look or audience. If yes, COPPA requires verifiable parental consent before collecting their data.", Kind::Maybe),
            q("audience.parental_consent", "How do you get a parent's consent before collecting a child's data?",
              "COPPA calls it verifiable parental consent; 16 CFR 312.5 lists the accepted methods, such as a signed form or a card payment.", Kind::Paragraph)
                .when(|s| s.answers.audience.directed_to_children == Some(true)),
        ],
    }
}

fn data() -> Section {
    Section {
        id: "data",
        title: "Data you collect",
        intro: "Each kind of personal data, one at a time: what exactly, where it comes from, and when.",
        questions: vec![
            q("data.categories", "What personal data do you collect?",
              "GDPR Art. 13-14 and CCPA 1798.100 require listing the categories of personal data and their sources.",
              records("data category", |r, _| match field(r, "name") {
                  "" => field(r, "id").to_owned(),
                  name => name.to_owned(),
              }, vec![
                  q("name", "What is it called?", "The name readers see, e.g. \"Account data\".", Kind::Text).required(),
                  q("id", "A short name for other answers to use", "Purposes and recipients point to this data by it; it is never shown in the policy. Lowercase letters, digits and _; the suggestion is fine.", Kind::Text)
                      .required().suggest(id_from_name),
                  q("description", "What exactly is collected?", "Be specific: \"your email address and display name\", not \"account info\".", Kind::Paragraph).required(),
                  q("source", "Where does it come from? (tick each source if it has several)", "GDPR Art. 14(2)(f) and CCPA 1798.110(a)(2) ask for the sources. Data you get partly from the user and partly from a third party (an address completed by your payment provider) has both; the policy lists it under the first.", Kind::Choices(DataSource::CHOICES)).required(),
                  q("source_name", "Which third party provides it, or whose code collects it?", "E.g. \"Stripe\" or \"your identity provider (Google, GitHub or Microsoft)\"; for data collected by third-party code in your product, the code, e.g. \"the Firebase Crashlytics SDK\".", Kind::Text)
                      .when(|s| record_has(s, "source", "third_party") || record_has(s, "source", "third_party_sdk")),
                  q("when", "When is it collected? (finishes \"collected ...\")", "E.g. \"only while you record a tab\". Leave empty if always.", Kind::Text),
                  q("required", "Must users provide it to use the product?", "GDPR Art. 13(2)(e): say whether providing data is required and what happens if it is not.", Kind::Maybe),
                  q("if_not_provided", "What happens if they do not?", "E.g. \"we cannot create your account\".", Kind::Text)
                      .when(|s| record_is(s, "required", &Value::Bool(true))),
                  q("special_category", "Is it about health, biometrics used to identify someone, ethnic origin, beliefs, politics, union membership or sex life?", "GDPR Art. 9(1) calls these special categories of personal data. Precise location or a password is not one, but may be sensitive under California's law.", Kind::Maybe)
                      .when(in_europe),
                  q("art9_condition", "What allows you to use it anyway?", "GDPR Art. 9(2) lists the conditions for special categories: usually your users' explicit consent.", Kind::Choice(Art9Condition::CHOICES))
                      .when(|s| in_europe(s) && record_is(s, "special_category", &Value::Bool(true))),
                  q("ccpa_sensitive", "Is it sensitive in US law (precise location, government ID, log-in with password, health, beliefs, biometrics, ...)?", "California calls this sensitive personal information (Cal. Civ. Code 1798.140(ae)); the other states' \"sensitive data\" (e.g. Va. Code 59.1-575) is close to it.", Kind::Maybe)
                      .when(|s| law::california(s.answers) || law::us_state_laws(s.answers)),
                  q("ccpa_category", "Which category of California's privacy law is it?", "CCPA 1798.140(v) lists the categories; California readers must see which are collected. An e-mail address or account id is \"Identifiers\".", Kind::Choice(CcpaCategory::CHOICES))
                      .when(|s| law::california(s.answers)),
                  q("role", "Who decides how it is used?", "GDPR Art. 4(7)-(8) and 28: choose \"processor\" for data a business customer puts into the product about its own clients or users, which you handle only on the customer's instructions. The policy then points to the customer's own policy for it, and states no legal basis or rights of yours for it. Leave empty if you decide.", Kind::Choice(DataRole::CHOICES)),
                  q("stays_on", "Does it stay on the user's device, never sent to you or anyone else?", "Data processed only on the device or in the browser is listed under \"Data that stays on your device\", not as collected. Leave empty if it is ever sent anywhere, even encrypted or for backup.", Kind::Choice(LocalPlace::CHOICES)),
                  q("encrypted_locally", "Is it kept encrypted there?", "Said in the policy only if yes.", Kind::YesNo)
                      .when(|s| s.field("stays_on").is_some_and(|v| !v.is_null())),
              ])),
            q("data.notes", "Anything to explain about collection as a whole?",
              "E.g. \"Recording is explicit and user-initiated.\" One sentence per line.", Kind::Lines),
            q("data.not_collected", "What do you deliberately not collect?",
              "Saying what you do not collect (payment cards, browsing history) answers readers' first worry.",
              records("thing not collected", |r, _| field(r, "what").to_owned(), vec![
                  q("what", "What is not collected?", "E.g. \"Payment card details\".", Kind::Text).required(),
                  q("detail", "Why, or what happens instead?", "E.g. \"Stripe handles billing; we never see card numbers.\"", Kind::Text),
              ])),
            q("data.for_customers", "Will you say who your customers are and link your data processing agreement?",
              "For the data you process on business customers' behalf. GDPR Art. 28(3): a processor works under a contract with the controller; the policy links to it.",
              Kind::Group(vec![
                  q("customers", "Who are they? (completes \"... decide how it is used\")", "E.g. \"the companies that use Acme for their support\". Left empty, the policy says \"our customers\".", Kind::Text),
                  q("dpa_url", "Where do customers find your data processing agreement?", "The policy links to it.", Kind::Url),
                  q("details", "Anything else to say about the data you process for them?", "E.g. \"If you write to a company that uses Acme, that company decides what happens to your message.\"", Kind::Paragraph),
              ]))
                .when(has_customer_data),
            q("telemetry", "Does the product send telemetry about its own use (usage statistics or error reports from a CLI, an editor extension, a desktop app)?",
              "GDPR Art. 13(1)(c), 13(2)(b): say what is sent and how to stop it. Where it relies on legitimate interests, people may object (Art. 21(1)); a way to turn it off is how they do.",
              Kind::Group(vec![
                  q("default", "Is it on unless turned off, or off unless turned on?", "Said as \"It is on unless you turn it off\" or \"It is off unless you turn it on\".", Kind::Choice(TelemetryDefault::CHOICES)).required(),
                  q("sends", "What does it send? (completes \"It sends ...\")", "E.g. \"the commands you run, the tool's version and your operating system, never the contents of your files\".", Kind::Paragraph).required(),
                  q("setting", "Which setting turns it off? (completes \"in ...\")", "E.g. \"Settings > Privacy > Usage statistics\". Leave empty if none.", Kind::Text),
                  q("env_var", "Which environment variable turns it off, as it is set?", "E.g. \"ACME_TELEMETRY=0\" or \"DO_NOT_TRACK=1\". Leave empty if none.", Kind::Text),
                  q("cli_flag", "Which command-line option turns it off?", "E.g. \"--no-telemetry\". Leave empty if none.", Kind::Text),
                  q("follows_host", "Does it follow the host's own telemetry setting? Which? (completes \"It is also off whenever ... is off\")", "E.g. \"VS Code's telemetry setting\" for an editor extension. Leave empty if not.", Kind::Text),
                  q("to", "Which recipients receive it? (their ids, one a line)", "The ids of services listed under \"Who receives data\", e.g. \"posthog\". Said as \"It is sent to PostHog.\"", Kind::Lines),
              ])),
        ],
    }
}

/// The help for the part a legal basis covers (GDPR Art. 13(1)(c)).
const BASIS_PART_HELP: &str = "GDPR Art. 13(1)(c): with several legal bases, readers must be able to tell which covers what (EDPB Guidelines 2/2019, section 2.2). E.g. \"detecting abuse of free accounts\".";

/// The part a basis covers is asked when the purpose has several bases, this one
/// among them.
fn part_asked(s: &Scope, basis: &str) -> bool {
    basis_asked(s) && record_has_several(s, "legal_basis") && record_has(s, "legal_basis", basis)
}

fn purposes() -> Section {
    Section {
        id: "purposes",
        title: "Why you use it",
        intro: "Each reason you use personal data, which data it uses, and (for users in Europe and Brazil) the legal ground that allows it.",
        questions: vec![q("purposes", "Why do you use personal data?",
            "GDPR Art. 13(1)(c) requires each purpose and its legal basis; CCPA 1798.100 the business purposes.",
            records("purpose", |r, _| field(r, "name").to_owned(), vec![
                q("name", "Why you use data, as a short heading", "E.g. \"To bill you\".", Kind::Text).required(),
                q("id", "A short name for other answers to use", "Never shown in the policy. Lowercase letters, digits and _; the suggestion is fine.", Kind::Text).required().suggest(id_from_name),
                q("description", "What do you do for this purpose?", "E.g. \"track your subscription tier and sync it with Stripe\".", Kind::Paragraph).required(),
                q("categories", "Which data does it use?", "Pick from the data categories you described.", Kind::Categories),
                q("legal_basis", "What allows it in law? (for users in Europe and Brazil; usually one)", "GDPR Art. 6(1) and Brazil's LGPD Art. 7 call this the legal basis. Running what users signed up for is usually \"our contract with you\"; otherwise consent, a legal obligation, vital interests, a public task or legitimate interests; a UK-only operator may also rely on a recognised legitimate interest (UK GDPR Art. 6(1)(ea), Annex 1). In Brazil a public task is a basis only for the public administration (LGPD Art. 7, III). Tick several only when each covers its own part of the purpose (e.g. the contract for running the account, legitimate interests for detecting abuse); you then say which part each covers. Two bases for the same processing are not allowed (EDPB Guidelines 05/2020, para. 121-123).", Kind::Choices(LegalBasis::CHOICES))
                    .when(basis_asked),
                q("consent_for", "Which part rests on consent? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "consent")),
                q("contract_for", "Which part rests on the contract? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "contract")),
                q("legal_obligation_for", "Which part rests on a legal obligation? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "legal_obligation")),
                q("vital_interests_for", "Which part rests on vital interests? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "vital_interests")),
                q("public_task_for", "Which part rests on a public task? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "public_task")),
                q("legitimate_interests_for", "Which part rests on legitimate interests? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "legitimate_interests")),
                q("recognised_legitimate_interest_for", "Which part rests on a recognised legitimate interest? (completes \"for ...\")", BASIS_PART_HELP, Kind::Text)
                    .when(|s| part_asked(s, "recognised_legitimate_interest")),
                q("legitimate_interest", "What is your interest in doing it?", "GDPR Art. 13(1)(d) asks you to name the legitimate interest you pursue, e.g. \"keeping the service secure\".", Kind::Text)
                    .when(|s| record_has(s, "legal_basis", "legitimate_interests")),
            ])),
            q("marketing", "Do you send marketing messages (newsletters, offers)?",
              "ePrivacy Directive Art. 13 and UK PECR reg. 22: marketing e-mail needs consent, or the soft opt-in for existing customers; GDPR Art. 21(2)-(3): people may object to direct marketing at any time.",
              Kind::Group(vec![
                  q("messages", "What do you send? (completes \"We send ...\")", "E.g. \"a monthly newsletter by e-mail\".", Kind::Text).required(),
                  q("basis", "On what basis?", "Consent, or the soft opt-in: existing customers, about similar products, with a chance to refuse at sign-up and in every message.", Kind::Choice(MarketingBasis::CHOICES)),
                  q("unsubscribe", "How do people unsubscribe? (completes \"You can unsubscribe at any time ...\")", "E.g. \"with the link at the bottom of every e-mail\". Every message must offer a free, simple way to refuse (ePrivacy Art. 13(2), PECR reg. 22(3)); in the US, CAN-SPAM (15 U.S.C. 7704(a)(3)-(5)) asks every commercial e-mail for a working opt-out honoured within 10 business days.", Kind::Text),
              ])),
        ],
    }
}

fn sale_and_ai() -> Section {
    Section {
        id: "sale",
        title: "Selling, advertising and AI",
        intro: "Plain answers to what readers worry about most.",
        questions: vec![
            q(
                "sale_and_sharing.sells",
                "Do you sell personal information (for money or anything of value)?",
                "CCPA 1798.115 and 1798.120: selling requires saying so and offering an opt-out.",
                Kind::Maybe,
            ),
            q(
                "sale_and_sharing.shares_for_advertising",
                "Do you share it so that ads can be aimed at users based on what they do on other sites and apps?",
                "California's CCPA calls this \"sharing\" for cross-context behavioral advertising; it also needs an opt-out.",
                Kind::Maybe,
            ),
            q(
                "sale_and_sharing.sells_sensitive",
                "Do you sell sensitive personal data (health, precise location, biometrics, ...)?",
                "Texas (Bus. & Com. Code 541.102(b)) then requires the policy to say \"NOTICE: We may sell your sensitive personal data.\"",
                Kind::Maybe,
            )
            .when(|s| law::us_states::texas_sale_notice_may_apply(s.answers)),
            q(
                "sale_and_sharing.sells_biometric",
                "Do you sell biometric data (a fingerprint, face template, voiceprint, ...)?",
                "Texas (Bus. & Com. Code 541.102(c)) then requires the policy to say \"NOTICE: We may sell your biometric personal data.\"",
                Kind::Maybe,
            )
            .when(|s| law::us_states::texas_biometric_notice_may_apply(s.answers)),
            q(
                "sale_and_sharing.shares_with_data_brokers",
                "Do you give it to data brokers?",
                "Companies whose business is collecting and selling data about people.",
                Kind::Maybe,
            ),
            q(
                "sale_and_sharing.unrelated_use",
                "Do you use it for purposes unrelated to running the product?",
                "",
                Kind::Maybe,
            ),
            q(
                "sale_and_sharing.sells_or_shares_under_16",
                "Do you know that you sell or share data about people under 16?",
                "California's law asks whether you have actual knowledge of it, and the policy must say either way (CCPA 1798.120(c)-(d), 11 CCR 7011(e)(1)).",
                Kind::Maybe,
            )
            .when(|s| law::california(s.answers)),
            q(
                "sale_and_sharing.sensitive_beyond_permitted",
                "Do you use or share the sensitive data for more than providing the service, keeping it secure and the other uses California allows?",
                "11 CCR 7027(m) lists the allowed purposes; beyond them, CCPA 1798.121 gives users the right to limit the use of their sensitive personal information, and you must offer it.",
                Kind::Maybe,
            )
            .when(|s| {
                law::california(s.answers)
                    && s.answers.data.categories.iter().any(|c| c.is_ccpa_sensitive())
            }),
            q(
                "ai.training",
                "Does users' content train any machine-learning model?",
                "Users want to know whether what they type or upload ends up in a model, yours or a provider's.",
                Kind::Choice(TrainingUse::CHOICES),
            ),
            q(
                "ai.training_scope",
                "Which of users' content is that answer about?",
                "E.g. \"your messages and the notes the AI coach receives\".",
                Kind::Text,
            )
            .when(|s| s.answers.ai.training.is_some()),
            q(
                "ai.safeguards",
                "What do you do to limit what AI providers see?",
                "One measure per line, e.g. \"We redact obvious secrets before sending.\"",
                Kind::Lines,
            )
            // Asked where AI is in the picture: a web shop with no AI provider was
            // asked it (found walking through `ask`).
            .when(|s| {
                s.answers.ai.training.is_some()
                    || !s.answers.ai.safeguards.is_empty()
                    || s.answers
                        .processors
                        .iter()
                        .any(|p| p.role == ProcessorRole::Ai)
            }),
            q(
                "ai.makes_automated_decisions",
                "Does software alone, with no person involved, make decisions that seriously affect users (refusing an account, a price, a loan)?",
                "GDPR Art. 22 calls these decisions with legal or similarly significant effects based solely on automated processing; Art. 13(2)(f) asks for the logic involved and the consequences. Saying \"no\" is worth it: readers want to know.",
                Kind::Maybe,
            ),
            q(
                "ai.automated_decisions",
                "Which decisions?",
                "E.g. \"we approve or refuse a credit line\".",
                Kind::Paragraph,
            )
            // Asked after a yes, not while the yes/no is unanswered (issue 18); an
            // answer given without the yes/no stays on screen, as the policy and
            // `diff` still count it (`diff::data`).
            .when(|s| {
                s.answers.ai.makes_automated_decisions == Some(true)
                    || (s.answers.ai.makes_automated_decisions.is_none()
                        && s.answers.ai.automated_decisions.is_some())
            }),
            q(
                "ai.automated_logic",
                "How are they made (the logic involved)?",
                "GDPR Art. 13(2)(f): meaningful information about the logic, e.g. \"a model scores your payment history and turnover\".",
                Kind::Paragraph,
            )
            .when(|s| s.answers.ai.makes_automated_decisions == Some(true)),
            q(
                "ai.automated_consequences",
                "What do they mean for the person?",
                "GDPR Art. 13(2)(f): their significance and envisaged consequences, e.g. \"a refusal means you cannot pay by invoice\".",
                Kind::Paragraph,
            )
            .when(|s| s.answers.ai.makes_automated_decisions == Some(true)),
        ],
    }
}

fn processors() -> Section {
    Section {
        id: "processors",
        title: "Who receives data",
        intro: "Every service or company that receives personal data from you: hosting, AI, payments, e-mail, analytics, sign-in...",
        questions: vec![
            q("workspace.code_dir", "Where is your product's code? (optional)",
              "policywright can look through its dependency files (package.json, Cargo.toml, requirements.txt, .env.example...) for services that receive personal data, and offer them in the next question. Nothing leaves this computer. A full path, or one relative to the answers file's folder.",
              Kind::Text).example("~/code/acme"),
            q("processors", "Which services receive personal data?",
            "GDPR Art. 13(1)(e) requires the recipients or categories of recipients; CCPA the categories of third parties.",
            records("recipient", |r, _| match recipient_role(r) {
                "" => recipient_name(r).to_owned(),
                role => format!("{} ({})", recipient_name(r), label_of(ProcessorRole::CHOICES, role)),
            }, vec![
                q("catalog", "Is it a service from the built-in catalog? (type to search; Enter to skip)",
                  "Picking one fills in its id, name, role and purpose. Its company, location, data and policy link are then shown as the catalog's: they go into the policy unless you change them. `policywright processors` lists the catalog.",
                  Kind::CatalogRef),
                q("name", "What is it called?", "E.g. \"Stripe\".", Kind::Text).required(),
                q("id", "A short name for other answers to use", "Never shown in the policy. Lowercase letters, digits and _; the suggestion is fine.", Kind::Text).required().suggest(id_from_name),
                q("legal_entity", "Which company is behind it?", "E.g. \"Stripe, Inc.\".", Kind::Text),
                q("role", "What job does it do?", "The policy groups recipients by role.", Kind::Choice(ProcessorRole::CHOICES)).required(),
                q("deployment", "Who runs it?",
                  "Usually its maker runs it for you as a service (the first choice, or no answer). Self-hosted (e.g. Plausible, Matomo, PostHog or Sentry on your own servers): its maker receives nothing, so the policy lists it as software you run, with no transfer or processing agreement. Through your own domain or proxy (its script served from your domain): its maker still receives data, and stays a recipient.",
                  Kind::Choice(Deployment::CHOICES)),
                q("proxy_removes", "What does your proxy remove before data reaches it? (finishes \"... which removes ... first\")",
                  "E.g. \"your IP address\". Only what your proxy really strips; leave empty if it forwards everything.",
                  Kind::Text)
                    .when(|s| deployment_is(s, "proxied")),
                q("purpose", "What does it do for you?", "E.g. \"handles billing\".", Kind::Text).required(),
                q("categories", "Which data categories does it receive?", "Pick from the data categories you described.", Kind::Categories),
                q("data_description", "What does it receive, in words?", "E.g. \"a customer identifier and subscription state\".", Kind::Text),
                q("countries", "Where does it process data?", "Each country's name or two-letter code, e.g. United States or US, Germany or DE. Leave empty for software you run yourself: it runs where you host it.", Kind::Countries),
                q("worldwide", "Does it also process data in data centres around the world?",
                  "Yes for a CDN or edge network that handles each request where the user is nearest (e.g. Cloudflare, Fastly, Vercel's edge). The policy then says so; only standard contractual clauses or binding corporate rules cover such transfers, not an adequacy decision or the Data Privacy Framework.",
                  Kind::YesNo),
                q("safeguard", "If it handles data abroad, what makes that lawful?", "GDPR Art. 44-49 call this the transfer safeguard: the country is approved (adequacy), standard contractual clauses (usually in the provider's data processing agreement), the EU-US Data Privacy Framework for certified US companies... Pick one for each law your users are under: e.g. the Data Privacy Framework for EEA users and its UK Extension for UK users (UK GDPR, Swiss FADP Art. 16, LGPD Art. 33, Kazakhstan's law Art. 16).", Kind::Choices(Safeguard::CHOICES))
                    .when(|s| law::transfer_basis(s.answers)),
                q("commitments", "What has it promised about the data it receives?", "E.g. \"does not train its models on API data\".", Kind::Lines),
                q("controller", "Does it also use the data for its own purposes, not only for you?",
                  "The law then calls it an independent controller. Leave empty for a service that only works for you (a processor or service provider). A merchant of record such as Paddle sells your product in its own name and so controls the buyers' data; a payment provider may be a controller for its own fraud checks and legal duties; the policy then says so, and that its own privacy policy applies (GDPR Art. 4(7), 13(1)(e)).",
                  Kind::Choice(RecipientControl::CHOICES)),
                q("only_if", "Does it receive data only in some cases? (finishes \"Only ...\")", "E.g. \"if you sign in with Google\".", Kind::Text),
                q("privacy_policy_url", "Link to its privacy policy", "So readers can see what it does with their data, e.g. https://stripe.com/privacy.", Kind::Url),
                q("dpa_url", "Link to its data processing agreement (optional)", "The contract under which it processes data for you (GDPR Art. 28(3)), as sub-processor tables link it, e.g. https://stripe.com/legal/dpa.", Kind::Url),
                q("subprocessors_url", "Link to its own list of sub-processors (optional)", "The services it passes the data on to, e.g. https://stripe.com/legal/service-providers.", Kind::Url),
                q("security_url", "Link to its security page (optional)", "How it protects the data, e.g. https://stripe.com/docs/security.", Kind::Url),
                q("opt_out_url", "Link to where users opt out of its use of their data (optional)", "E.g. an advertising network's opt-out page; users can then object there directly.", Kind::Url),
            ])),
            q("data.subprocessor_changes", "Do you tell your business customers before you add or replace a service that receives their data?",
              "GDPR Art. 28(2): as their processor, you may engage these services (your sub-processors) only with the customers' authorisation; under a general one, you must tell them of every intended addition or replacement, so they can object. The policy says how they are told, how far ahead, and how they object.",
              Kind::Group(vec![
                  q("notify_by", "How are they told?", "E.g. by e-mail to their account address.", Kind::Choices(NoticeChannel::CHOICES)),
                  q("notice_period", "How long before the change takes effect? (e.g. 30 days)", "", Kind::Period),
                  q("subscribe_url", "Where can they subscribe to these notices? (optional)", "A mailing list, a feed or a page to follow, e.g. https://acme.example/legal/subprocessors.", Kind::Url),
                  q("object_by", "How can they object? (completes \"They can object ...\")", "E.g. \"by replying to the notice within 14 days; if we cannot resolve the objection, they may end the contract\".", Kind::Text),
              ]))
                .when(|s| has_customer_data(s) && !s.answers.processors.is_empty()),
            q("disclosures", "Who else may receive personal data, and when?",
              "GDPR Art. 13(1)(e) and CCPA 1798.110(c)(4) ask for every recipient, not only services: authorities and courts when the law requires, a buyer if the business is sold, your affiliates, the public (published statistics or reports), other users. Each with when, and what they receive.",
              records("other recipient", |r, _| match field(r, "name") {
                  "" => DisclosureKind::ALL.iter().find(|k| k.key() == field(r, "to")).map_or_else(String::new, |k| k.label().to_owned()),
                  name => name.to_owned(),
              }, vec![
                  q("to", "Who receives it?", "", Kind::Choice(DisclosureKind::CHOICES)).required(),
                  q("name", "Who exactly? (optional)", "E.g. \"Acme Group GmbH, our parent company\".", Kind::Text),
                  q("when", "When? (completes \"when ...\")", "E.g. \"a court order or other legal process requires us to\".", Kind::Text).required(),
                  q("what", "What do they receive?", "E.g. \"only the data the order names\".", Kind::Text).required(),
                  q("categories", "Which data categories? (optional)", "Pick from the data categories you described.", Kind::Categories),
              ])),
            q("third_party_links.stated", "Does [your product] link to other websites or services that you do not control?",
              "E.g. documentation of tools you integrate with, app stores, a community forum. Yes: the policy says that their own privacy policies apply and that this one does not cover them. No: nothing is said.",
              Kind::Maybe),
            q("third_party_links.examples", "What does it link to? (completes \"such as ...\"; optional)", "E.g. \"the help pages of the tools you connect and our community forum\".", Kind::Text)
                .when(|s| s.answers.third_party_links.stated == Some(true)),
            q("third_party_links.details", "Anything else to say about them? (optional)", "E.g. \"Links to other sites are marked with an arrow.\"", Kind::Paragraph)
                .when(|s| s.answers.third_party_links.stated == Some(true)),
        ],
    }
}

/// Whether the recipient being answered is run as `key` says (`Processor::deployment`).
fn deployment_is(s: &Scope, key: &str) -> bool {
    s.field("deployment").as_deref().and_then(Value::as_str) == Some(key)
}

fn hosting() -> Section {
    Section {
        id: "hosting",
        title: "Where data lives",
        intro: "Your servers and databases, where they are, and whether data leaves that country.",
        questions: vec![
            q(
                "hosting.endpoint",
                "Which address of your own servers does [your app] send data to? (optional)",
                "E.g. https://api.acme.io; the policy says data is sent there. Leave empty if [your app] sends data only to services such as Firebase or Supabase, not to servers of your own.",
                Kind::Url,
            ),
            q(
                "hosting.stores",
                "Where is data stored?",
                "One entry per database, bucket or cache, with what it holds.",
                records(
                    "data store",
                    |r, _| field(r, "name").to_owned(),
                    vec![
                        q(
                            "name",
                            "What is it?",
                            "E.g. \"PostgreSQL\" or \"Object storage\".",
                            Kind::Text,
                        )
                        .required(),
                        q("provider", "Who runs it?", "E.g. \"AWS RDS\".", Kind::Text),
                        q(
                            "holds",
                            "What does it hold?",
                            "E.g. \"accounts and workflows\".",
                            Kind::Text,
                        )
                        .required(),
                        q("categories", "Which data categories?", "", Kind::Categories),
                        q(
                            "country",
                            "Where is it?",
                            "The country's name or two-letter code, e.g. Germany or DE.",
                            Kind::Country,
                        ),
                        q(
                            "details",
                            "Anything else worth saying?",
                            "E.g. \"a private bucket with scoped keys\".",
                            Kind::Text,
                        ),
                    ],
                ),
            ),
            q(
                "hosting.data_location",
                "Is all personal data kept in certain countries? Which?",
                "Each country's name or two-letter code. Answer only if every copy, at every recipient, stays there: the policy says \"All data is hosted within ...\". Some laws require it, e.g. Kazakhstan's for its residents' data.",
                Kind::Countries,
            ),
            q(
                "hosting.stays_in_region",
                "Does personal data stay in those countries?",
                "",
                Kind::Maybe,
            )
            .when(|s| !s.answers.hosting.data_location.is_empty()),
            q(
                "hosting.governing_law",
                "Which country's law applies to the data there?",
                "E.g. \"German law\", or \"the GDPR and Estonian law\".",
                Kind::Text,
            )
            .when(|s| !s.answers.hosting.data_location.is_empty()),
            q(
                "hosting.transfers",
                "To which countries outside your users' region is data sent?",
                "GDPR Art. 13(1)(f) and 44-49 call these international transfers: each country, and what makes sending data there lawful.",
                records(
                    "transfer",
                    // The country's name: "1. US" read as a code, not a place.
                    |r, _| match field(r, "country").parse::<crate::answers::values::Country>() {
                        Ok(c) => c.name().to_owned(),
                        Err(_) => field(r, "country").to_owned(),
                    },
                    vec![
                        q(
                            "country",
                            "To which country?",
                            "The country's name or two-letter code, e.g. United States or US.",
                            Kind::Country,
                        )
                        .required(),
                        q(
                            "safeguard",
                            "What makes it lawful?",
                            "E.g. standard contractual clauses, or the EU-US Data Privacy Framework for a certified US company. One for each law your users are under (EEA, UK, Switzerland, Brazil).",
                            Kind::Choices(Safeguard::CHOICES),
                        ),
                        q(
                            "details",
                            "Anything users should know?",
                            "E.g. \"Privacy laws there may differ from those in your country.\"",
                            Kind::Text,
                        ),
                    ],
                ),
            ),
            q(
                "hosting.safeguards_copy",
                "How can users get a copy of the contract that protects their data abroad?",
                "Type the web address where it is published, or on_request: a copy is sent to whoever asks through your contact routes. The law calls these the transfer safeguards (standard contractual clauses or binding corporate rules, GDPR Art. 46-47; the ANPD's standard clauses in Brazil); GDPR Art. 13(1)(f) says users may get a copy, and in Brazil the full clauses are given on request within 15 days (Resolution CD/ANPD 19/2024).",
                Kind::Text,
            )
            .example("on_request")
            .when(|s| law::transfers::may_need_copy_route(s.answers)),
        ],
    }
}

fn visibility() -> Section {
    Section {
        id: "visibility",
        title: "What users share",
        intro: "If users create things (documents, workflows), who can see them.",
        questions: vec![
            q(
                "sharing.items",
                "What do users create that others may see? (one word, plural)",
                "E.g. \"workflows\" or \"boards\". Leave empty if users create nothing others could see.",
                Kind::Text,
            ),
            q(
                "sharing.default",
                "Who can see a new one?",
                "",
                Kind::Choice(Visibility::CHOICES),
            )
            .when(|s| s.answers.sharing.items.is_some()),
            q(
                "sharing.options",
                "What else can users choose?",
                "",
                Kind::Choices(Visibility::CHOICES),
            )
            .when(|s| s.answers.sharing.items.is_some()),
            q(
                "sharing.no_resharing",
                "Do you promise never to show users' things to more people than they chose?",
                "",
                Kind::Maybe,
            )
            .when(|s| s.answers.sharing.items.is_some()),
        ],
    }
}

fn retention() -> Section {
    Section {
        id: "retention",
        title: "How long you keep it",
        intro: "For each kind of data, how long it is kept and how deletion works.",
        questions: vec![
            q(
                "retention.rules",
                "How long do you keep each kind of data?",
                "GDPR Art. 13(2)(a) and CCPA 1798.100(a)(3) require the retention period, or how it is decided, per category.",
                records(
                    "retention rule",
                    |r, _| field(r, "data").to_owned(),
                    vec![
                        q("data", "Which data?", "E.g. \"Logs\".", Kind::Text).required(),
                        q("categories", "Which data categories?", "", Kind::Categories),
                        q(
                            "period",
                            "For how long? (e.g. 30 days)",
                            "Leave empty if it is kept until an event instead.",
                            Kind::Period,
                        ),
                        q(
                            "after",
                            "Counted from what? (completes \"[the period] after ...\")",
                            "E.g. \"the end of your contract\". Leave empty if the period simply runs from collection.",
                            Kind::Text,
                        )
                        .when(has_period),
                        q(
                            "up_to",
                            "Is that the longest it is kept (\"up to 24 months\"), with older data possibly deleted sooner?",
                            "",
                            Kind::YesNo,
                        )
                        .when(has_period),
                        q(
                            "until",
                            "Or until what? (completes \"until ...\")",
                            "E.g. \"you delete your account\".",
                            Kind::Text,
                        ),
                        q(
                            "rolling",
                            "Is each entry deleted once it is that old (a rolling window)?",
                            "",
                            Kind::Maybe,
                        )
                        // "That old" needs a period: asked without one, it meant
                        // nothing (issue 18).
                        .when(has_period),
                        q(
                            "inactive_for",
                            "Is it deleted after a time of inactivity? How long? (e.g. 3 years)",
                            "GDPR Art. 5(1)(e): data kept \"until you delete your account\" may outlive an account nobody uses. Said as \"until you have been inactive for 3 years\".",
                            Kind::Period,
                        ),
                        q(
                            "set_by",
                            "Or does a recipient's own setting decide? Which one? (the short name you gave it)",
                            "The short name from \"Who receives data\", e.g. \"stripe\" for records Stripe keeps: said as \"as set by Stripe\".",
                            Kind::Text,
                        ),
                        q(
                            "legal_hold",
                            "May you keep it longer where the law requires, or while it is needed for a legal claim?",
                            "Said as \"We may keep it longer where the law requires us to, or while it is needed to establish, exercise or defend a legal claim.\" (GDPR Art. 17(3)(b), (e)).",
                            Kind::YesNo,
                        ),
                        q(
                            "setting",
                            "Where can users change it? (finishes \"You can change this in ...\")",
                            "E.g. \"Settings → Retention\". Leave empty if they cannot.",
                            Kind::Text,
                        ),
                        q(
                            "legal_reason",
                            "Is there a legal reason to keep it longer?",
                            "E.g. \"required for tax and accounting purposes\".",
                            Kind::Text,
                        ),
                        q("details", "Anything else?", "", Kind::Text),
                    ],
                ),
            ),
            q(
                "retention.deletion",
                "What does deleting something remove, and how fast?",
                "Readers want to know what is gone when they delete their account.",
                records(
                    "deletion rule",
                    |r, _| field(r, "what").to_owned(),
                    vec![
                        q(
                            "what",
                            "What is deleted? (completes \"Deleting ...\")",
                            "E.g. \"your account\".",
                            Kind::Text,
                        )
                        .required(),
                        q(
                            "how",
                            "How do users delete it?",
                            "E.g. \"Settings → Delete account\".",
                            Kind::Text,
                        ),
                        q(
                            "removes",
                            "What goes with it?",
                            "E.g. \"all linked data\".",
                            Kind::Text,
                        ),
                        q(
                            "within",
                            "How long until it is gone? (e.g. 30 days)",
                            "",
                            Kind::Period,
                        ),
                        q(
                            "details",
                            "Anything else?",
                            "E.g. \"Account deletion is permanent.\"",
                            Kind::Text,
                        ),
                    ],
                ),
            ),
        ],
    }
}

fn rights() -> Section {
    Section {
        id: "rights",
        title: "Users' rights",
        intro: "What users can ask of you and how. The policy adds the rights each region's law gives.",
        questions: vec![
            q(
                "rights.rights",
                "Which rights do you offer, and how are they used?",
                "GDPR Art. 13(2)(b)-(d), CCPA 1798.130: the rights and how to exercise them.",
                records(
                    "right",
                    |r, _| label_of(RightKind::CHOICES, field(r, "right")),
                    vec![
                        q(
                            "right",
                            "Which right?",
                            "",
                            Kind::Choice(RightKind::CHOICES),
                        )
                        .required(),
                        q(
                            "description",
                            "In your words (leave empty for the standard wording)",
                            "E.g. \"Export your data\".",
                            Kind::Text,
                        ),
                        q(
                            "how",
                            "How do users do it? (printed after the right, e.g. \"by e-mailing us\")",
                            "E.g. \"via Settings → Data export\" or \"by e-mailing us\".",
                            Kind::Text,
                        ),
                    ],
                ),
            ),
            q(
                "organization.contact_form",
                "Is there a contact form on the web where people can make requests?",
                "The policy names every way you give to exercise rights, beside or instead of e-mail, and never one you did not give.",
                Kind::Url,
            )
            .example("https://acme.io/contact"),
            q(
                "organization.issue_tracker",
                "Do you take questions and requests in a public issue tracker?",
                "For example your project's GitHub issues. Named as a way to reach you; what people write there is public.",
                Kind::Url,
            )
            .example("https://github.com/acme/acme/issues"),
            q(
                "rights.everyone",
                "Do you offer these rights to every user, wherever they live?",
                "If yes, the policy says \"Wherever you live, you have the right to ...\".",
                Kind::Maybe,
            ),
            q(
                "rights.response_time",
                "How quickly do you answer requests? (e.g. 30 days)",
                "GDPR Art. 12(3): one month; CCPA: 45 days.",
                Kind::Period,
            ),
            q(
                "rights.verification",
                "How do you check a requester's identity? (a sentence of your own, starting \"we ...\")",
                "The policy prints it as you write it, after how to make a request. The CCPA \
                 regulations require a verification process (11 CCR 7060).",
                Kind::Text,
            )
            .example("we ask you to confirm the request from the e-mail address of your account")
            .when(in_us),
            q(
                "rights.appeal",
                "How can users appeal a refused request?",
                "Required by the laws of Virginia, Colorado, Connecticut and the other US states (Va. Code 59.1-578(C)); California's does not ask for it, so leave it empty if you serve California alone and have no appeal.",
                Kind::Text,
            )
            .when(in_us),
            q(
                "rights.complaints",
                "How can users complain to you about your use of their data? (completes \"you can complain to us ...\")",
                "UK Data Protection Act 2018 s. 164A (from 19 June 2026): take complaints, for example with an electronic form, and acknowledge them within 30 days.",
                Kind::Text,
            )
            .example("using the form at https://acme.io/privacy-complaints")
            .when(|s| law::uk_gdpr(s.answers)),
            q(
                "rights.complaint",
                "Tell users they may complain to a data protection authority?",
                "GDPR Art. 13(2)(d) requires it for European users (the law says \"supervisory authority\").",
                Kind::Maybe,
            ),
            q(
                "rights.authority",
                "Which authority should they go to, if one is yours?",
                "Usually the one in the country where you are established, e.g. \"the Irish Data Protection Commission\".",
                Kind::Text,
            )
            .when(|s| s.answers.rights.complaint == Some(true)),
            q(
                "rights.exclusively_online",
                "Do you operate exclusively online, with a direct relationship with your users?",
                "CCPA 1798.130(a)(1)(A): then an e-mail address is enough for requests; otherwise give two methods, one a toll-free number.",
                Kind::Maybe,
            )
            .when(|s| law::california(s.answers)),
            q(
                "rights.toll_free_number",
                "Toll-free telephone number for requests",
                "CCPA 1798.130(a)(1)(A), unless you operate exclusively online.",
                Kind::Text,
            )
            .example("1-800-555-0100")
            .when(|s| {
                law::california(s.answers) && s.answers.rights.exclusively_online != Some(true)
            }),
            q(
                "rights.authorized_agents",
                "Do you accept requests made on a user's behalf by someone they authorized?",
                "California calls this an authorized agent and lets residents use one (CCPA 1798.135, 11 CCR 7063).",
                Kind::Maybe,
            )
            .when(in_us),
            q(
                "rights.non_discrimination",
                "Do you promise not to treat users worse for using their rights?",
                "CCPA 1798.125.",
                Kind::Maybe,
            )
            .when(in_us),
        ],
    }
}

fn tracking() -> Section {
    Section {
        id: "tracking",
        title: "Cookies and tracking",
        intro: "Cookies and browser storage, and how you answer browsers' privacy signals.",
        questions: vec![
            q(
                "tracking.not_used",
                "Which of these does your product not use at all?",
                "Each one you pick is stated in the policy (\"[your product] uses no analytics and no tracking pixels\"). Pick only what is true of the product and every service in it.",
                Kind::Choices(NotUsed::CHOICES),
            ),
            q(
                "tracking.cookies",
                "Which cookies or browser storage do you use?",
                "ePrivacy rules and CalOPPA: say what is stored in the browser and why.",
                records(
                    "cookie",
                    |r, _| field(r, "name").to_owned(),
                    vec![
                        q(
                            "name",
                            "Its name (or a name for a group)",
                            "E.g. \"session\".",
                            Kind::Text,
                        )
                        .required(),
                        q(
                            "storage",
                            "Where is it kept?",
                            "",
                            Kind::Choice(StorageKind::CHOICES),
                        ),
                        q(
                            "purpose",
                            "What kind of use?",
                            "",
                            Kind::Choice(CookiePurpose::CHOICES),
                        )
                        .required(),
                        q(
                            "description",
                            "What does it do?",
                            "E.g. \"keeps you signed in\".",
                            Kind::Text,
                        )
                        .required(),
                        q(
                            "duration",
                            "How long does it last?",
                            "E.g. \"1 year\".",
                            Kind::Text,
                        ),
                        q("third_party", "Who sets it, if not you?", "", Kind::Text),
                        q(
                            "basis",
                            "Is it set without asking (strictly necessary), or only with consent?",
                            "ePrivacy Directive Art. 5(3), UK PECR reg. 6: only what is strictly necessary for the service the user asked for may be stored without consent.",
                            Kind::Choice(CookieBasis::CHOICES),
                        ),
                    ],
                ),
            ),
            q(
                "tracking.consent",
                "How do you ask for consent to cookies that are not strictly necessary, and how is it withdrawn?",
                "ePrivacy Directive Art. 5(3), UK PECR reg. 6; GDPR Art. 7(3): withdrawing must be as easy as giving consent.",
                Kind::Group(vec![
                    q("how", "How do you ask? (completes \"which we ask for ...\")", "E.g. \"with a banner on your first visit\".", Kind::Text).required(),
                    q("withdraw", "How is it withdrawn? (completes \"You can withdraw your consent at any time ...\")", "E.g. \"from Cookie settings at the bottom of every page\".", Kind::Text).required(),
                ]),
            )
            .when(|s| s.answers.tracking.cookies.iter().any(Cookie::needs_consent)),
            q(
                "tracking.do_not_track",
                "How do you respond to Do Not Track signals?",
                "A browser setting that asks sites not to track the user. CalOPPA requires saying how you respond.",
                Kind::Choice(DntResponse::CHOICES),
            ),
            q(
                "tracking.global_privacy_control",
                "How do you respond to Global Privacy Control?",
                "A browser setting that tells sites not to sell or share the user's data; CCPA regulations (11 CCR 7025) treat it as an opt-out of sale and sharing; Colorado, Connecticut, Texas, Oregon and other states require honouring it too.",
                Kind::Choice(GpcResponse::CHOICES),
            )
            .when(|s| law::united_states(s.answers)),
            q(
                "tracking.cross_site_tracking",
                "Do you track users across other sites or apps?",
                "",
                Kind::Maybe,
            ),
            q(
                "tracking.fingerprinting",
                "Do you use browser fingerprinting?",
                "",
                Kind::Maybe,
            ),
            q(
                "tracking.advertising_ids",
                "Do you collect advertising identifiers (Apple's IDFA, Google's advertising ID)?",
                "",
                Kind::Maybe,
            ),
            q(
                "tracking.third_party_tracking",
                "Can third parties collect data about users' activity across sites through your product?",
                "CalOPPA requires saying so.",
                Kind::Maybe,
            ),
        ],
    }
}

fn security() -> Section {
    Section {
        id: "security",
        title: "Security",
        intro: "How you protect the data.",
        questions: vec![
            q(
                "security.measures",
                "What do you do to protect data?",
                "GDPR Art. 32; readers want specifics such as \"TLS 1.2+\" or \"passwords hashed with bcrypt\".",
                records(
                    "measure",
                    |r, _| field(r, "description").to_owned(),
                    vec![
                        q(
                            "kind",
                            "What kind of measure?",
                            "",
                            Kind::Choice(SECURITY_KINDS),
                        )
                        .required(),
                        q(
                            "description",
                            "The measure, as the policy should state it",
                            "E.g. \"All traffic uses TLS 1.2+\".",
                            Kind::Text,
                        )
                        .required(),
                    ],
                ),
            ),
            q(
                "security.statement",
                "A closing statement, in your words (optional; nothing is added if empty)",
                "",
                Kind::Paragraph,
            ),
            q(
                "security.breach_notification",
                "If a breach exposes users' data, how do you tell them? (completes \"we tell you ...\")",
                "E.g. \"by e-mail, without undue delay\". Said as \"If a security breach affects your personal data, we tell you by e-mail, without undue delay.\" GDPR Art. 34 requires telling users of a breach likely to put them at high risk.",
                Kind::Text,
            ),
        ],
    }
}

fn extension() -> Section {
    Section {
        id: "extension",
        title: "Browser extension",
        intro: "Each permission the extension requests, and what it is used for.",
        questions: vec![
            q(
                "extension.browser",
                "Which browser or store does it ship on?",
                "",
                Kind::Text,
            )
            .example("Chrome")
            .when(is_extension),
            q(
                "extension.permissions",
                "Which permissions does it request?",
                "Chrome Web Store policy: every permission must have a stated purpose.",
                stores::permission_records(
                    "Permission names, as the manifest spells them",
                    "E.g. activeTab; tabs.",
                ),
            )
            .when(is_extension),
            q(
                "extension.no_tracking_or_ads",
                "Are all permissions free of tracking and advertising use?",
                "",
                Kind::Maybe,
            )
            .when(is_extension),
            q(
                "extension.limited_use",
                "Do you comply with the Chrome Web Store Limited Use requirements?",
                "Required for extensions that handle user data in the Chrome Web Store.",
                Kind::Maybe,
            )
            .when(is_extension),
            q(
                "extension.single_purpose",
                "What is the extension's single purpose?",
                "Chrome Web Store privacy practices tab: one narrow purpose, easy to understand.",
                Kind::Paragraph,
            )
            .example("Record a workflow in the tab you choose and turn it into a step-by-step guide")
            .when(is_extension),
            q(
                "extension.remote_code",
                "Does the extension run code it does not ship in its package?",
                "Chrome Web Store: \"Are you using remote code?\" Scripts loaded from a server, eval of fetched text, WebAssembly from outside the package.",
                Kind::Maybe,
            )
            .when(is_extension),
            q(
                "extension.remote_code_reason",
                "Why does it need remote code?",
                "The Chrome Web Store asks for a justification.",
                Kind::Paragraph,
            )
            .when(|s| is_extension(s) && s.answers.extension.remote_code == Some(true)),
            q(
                "extension.no_lending_use",
                "Is user data never used or transferred to judge creditworthiness or for lending?",
                "One of the Chrome Web Store's three data-use certifications.",
                Kind::Maybe,
            )
            .when(is_extension),
        ],
    }
}

fn is_extension(scope: &Scope) -> bool {
    scope.answers.audience.is(ProductKind::BrowserExtension)
}

fn changes() -> Section {
    Section {
        id: "changes",
        title: "Changes to the policy",
        intro: "How users hear about a new version.",
        questions: vec![
            q(
                "changes.notify_by",
                "How do you tell users about important changes?",
                "The law says \"material\" changes: ones users would care about, such as sharing data with someone new. CalOPPA requires describing how users are told.",
                Kind::Choices(NoticeChannel::CHOICES),
            ),
            q(
                "changes.in_advance",
                "Do you tell them before the change takes effect?",
                "",
                Kind::Maybe,
            ),
            q(
                "changes.notice_period",
                "How long before? (e.g. 30 days)",
                "",
                Kind::Period,
            )
            .when(|s| s.answers.changes.in_advance == Some(true)),
            q(
                "changes.material_examples",
                "Examples of an important change (optional)",
                "E.g. \"new categories of data sharing\".",
                Kind::Text,
            ),
        ],
    }
}

fn policy() -> Section {
    Section {
        id: "policy",
        title: "The policy itself",
        intro: "Its title and dates, and which of policywright's warnings you have decided to leave as they are.",
        questions: vec![
            q("policy.title", "Title", "", Kind::Text)
                .suggest(|_| Some(Value::from("Privacy Policy"))),
            q(
                "policy.last_updated",
                "When did the text last change? (YYYY-MM-DD)",
                "CCPA and CalOPPA require a last-updated or effective date. Leave empty while the policy is a draft: it renders marked \"Draft — not yet published\", and `publish` sets the date.",
                Kind::Date,
            ),
            q(
                "policy.effective_date",
                "When does this version take effect? (YYYY-MM-DD)",
                "Set it ahead of publication to give notice of a change.",
                Kind::Date,
            ),
            q(
                "policy.date_style",
                "How should dates be written?",
                "",
                Kind::Choice(DateStyle::CHOICES),
            ),
            q(
                "policy.agreement_by_use",
                "Ask readers to read the policy before using the product?",
                "Printed as \"Please read this policy before using [your product].\" Using a product is not consent (GDPR Art. 4(11), 7), so the policy never says \"by using it, you agree\".",
                Kind::Maybe,
            ),
            q(
                "waivers",
                "Any of policywright's warnings you have decided to leave as they are? (optional)",
                "The review screen (Ctrl-R) lists the warnings about your answers. One you leave as it is, with your reason, is still listed, but no longer counts as a problem (in the file it is a \"waiver\"; `policywright check --explain RULE` says what a warning asks). Never printed in the policy.",
                records(
                    "kept warning",
                    |r, _| match field(r, "answer") {
                        "" => field(r, "rule").to_owned(),
                        answer => format!("{} at {answer}", field(r, "rule")),
                    },
                    vec![
                        q("rule", "Which warning? (its id, as the review screen shows it)", "E.g. \"gdpr-eu-representative\".", Kind::Text).required(),
                        q("answer", "Only where it points at one answer? (Enter for everywhere it is given)", "The answer the warning points at, as the review screen shows it, e.g. \"processors[2].safeguard\" or \"processors.yandex\".", Kind::Text),
                        q("reason", "Why is it waived?", "For whoever reads the check next, e.g. \"Art. 27(2)(a): occasional processing, no special categories\".", Kind::Paragraph).required(),
                        q("until", "Until when? (YYYY-MM-DD; Enter for no end)", "From the next day the finding counts again, so the decision is reviewed.", Kind::Date),
                    ],
                ),
            ),
        ],
    }
}

fn custom() -> Section {
    Section {
        id: "custom",
        title: "Your own sections",
        intro: "Anything no question covered, in your own words.",
        questions: vec![q(
            "custom_sections",
            "Any section of your own?",
            "Placed where you say.",
            records(
                "section",
                |r, _| field(r, "title").to_owned(),
                vec![
                    q("title", "Heading", "", Kind::Text).required(),
                    q(
                        "body",
                        "Text (blank lines separate paragraphs)",
                        "A line starting \"- \" or \"* \" is a bullet; \"1. \", \"2. \" a numbered item; the lines after an item continue it, until a blank line.",
                        Kind::Document,
                    )
                    .required(),
                    q(
                        "after",
                        "After which section does it go?",
                        // "Where does it go?" over a list of section names read as
                        // "in which section" (found walking through `ask`, issue 18).
                        "It follows the section you pick, or goes at the start or the end of the policy; with no answer, at the end.",
                        Kind::Choice(&PLACEMENTS),
                    ),
                ],
            ),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::answers::vocab::SecurityMeasureKind;

    #[test]
    fn security_kinds_match_the_vocabulary() {
        let ours: Vec<&str> = SECURITY_KINDS.iter().map(|c| c.0).collect();
        let vocabulary: Vec<&str> = SecurityMeasureKind::CHOICES.iter().map(|c| c.0).collect();
        assert_eq!(ours, vocabulary);
    }

    #[test]
    fn list_summaries_show_words_not_keys() {
        let rights = sections().iter().find(|s| s.id == "rights").unwrap();
        let Kind::Records(list) = &rights.questions[0].kind else {
            panic!("rights.rights is a list");
        };
        let summary = (list.summary)(
            &serde_json::json!({"right": "erasure"}),
            &Answers::default(),
        );
        assert_eq!(summary, "Deletion");
        let recipients = sections().iter().find(|s| s.id == "processors").unwrap();
        let Kind::Records(list) = &recipients.questions[1].kind else {
            panic!("processors is a list");
        };
        let summary = (list.summary)(
            &serde_json::json!({"name": "Stripe", "role": "payments"}),
            &Answers::default(),
        );
        assert_eq!(summary, "Stripe (Payments)");
    }

    /// The purpose fields asked for this entry, in the one catalog both interviews
    /// read.
    fn purpose_fields_asked(answers: &Answers, record: &Value) -> Vec<&'static str> {
        let section = sections().iter().find(|s| s.id == "purposes").unwrap();
        let Kind::Records(list) = &section.questions[0].kind else {
            panic!("purposes is a list");
        };
        let scope = Scope {
            answers,
            record: Some(record),
        };
        list.fields
            .iter()
            .filter(|q| q.applies(&scope))
            .map(|q| q.key)
            .collect()
    }

    /// Issue 13, item 9: the bases are ticked, any of them; with several, the part
    /// each covers is asked for each ticked basis and no other; with one, none is.
    #[test]
    fn the_part_each_basis_covers_is_asked_only_with_several() {
        let mut answers = Answers::default();
        answers.audience.regions = vec![Region::Eea];
        let section = sections().iter().find(|s| s.id == "purposes").unwrap();
        let Kind::Records(list) = &section.questions[0].kind else {
            panic!("purposes is a list");
        };
        let basis = list.fields.iter().find(|q| q.key == "legal_basis").unwrap();
        assert!(matches!(basis.kind, Kind::Choices(_)));
        let one = serde_json::json!({"legal_basis": "legitimate_interests"});
        let asked = purpose_fields_asked(&answers, &one);
        assert!(asked.contains(&"legitimate_interest"), "{asked:?}");
        assert!(!asked.iter().any(|k| k.ends_with("_for")), "{asked:?}");
        let two = serde_json::json!({"legal_basis": ["contract", "legitimate_interests"]});
        let asked = purpose_fields_asked(&answers, &two);
        let parts: Vec<_> = asked.iter().filter(|k| k.ends_with("_for")).collect();
        assert_eq!(parts, [&"contract_for", &"legitimate_interests_for"]);
        assert!(asked.contains(&"legitimate_interest"), "{asked:?}");
    }

    /// A category's sources are ticked, any of them; the third party is asked for
    /// whenever it is one of them.
    #[test]
    fn the_third_party_is_asked_for_when_it_is_one_of_several_sources() {
        let section = sections().iter().find(|s| s.id == "data").unwrap();
        let Kind::Records(list) = &section.questions[0].kind else {
            panic!("data.categories is a list");
        };
        let source = list.fields.iter().find(|q| q.key == "source").unwrap();
        assert!(matches!(source.kind, Kind::Choices(_)) && source.required);
        let name = list.fields.iter().find(|q| q.key == "source_name").unwrap();
        let answers = Answers::default();
        let asked = |record: Value| {
            name.applies(&Scope {
                answers: &answers,
                record: Some(&record),
            })
        };
        assert!(asked(
            serde_json::json!({"source": ["provided", "third_party"]})
        ));
        assert!(asked(serde_json::json!({"source": "third_party"})));
        assert!(!asked(
            serde_json::json!({"source": ["provided", "automatic"]})
        ));
    }

    /// A store entry is shown by its data category's name (issue 18: raw ids on
    /// screen), its id only when no category has it.
    #[test]
    fn a_store_entry_is_summarised_by_its_categorys_name() {
        let q = sections()
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.key == "stores.categories")
            .unwrap();
        let Kind::Records(list) = &q.kind else {
            panic!("a list")
        };
        let a = Answers::example("tabnotes");
        let id = a.data.categories[0].id.clone();
        let entry = serde_json::json!({ "category": id });
        assert_eq!((list.summary)(&entry, &a), a.data.categories[0].name);
        let unknown = serde_json::json!({ "category": "nosuch" });
        assert_eq!((list.summary)(&unknown, &a), "nosuch");
    }
}
