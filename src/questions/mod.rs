//! The interview, defined once: sections, questions, their kinds, help text, choices,
//! requiredness and the conditions under which they are asked.
//!
//! Every front end reads this catalog: the line-by-line interview (`ask`), the
//! full-screen wizard, `check` (to point at the question to answer) and the resolved
//! policy (`crate::policy`, which leaves out answers whose question does not apply). It holds no terminal code: a question is a dotted answer path
//! plus words; reading and writing the answer goes through `answers::set`, so the
//! interview validates exactly like the answers file.

mod catalog;
mod kinds;

use serde_json::Value;

use crate::answers::fields::Fields;

use crate::answers::Answers;

pub use catalog::sections;

/// Whether an answer is missing: absent, `null` or an empty list.
pub fn unanswered(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

/// A choice's JSON key and the words shown for it.
pub type Choice = (&'static str, &'static str);

/// What a question is allowed to depend on: the answers so far, and (for a field of
/// a list entry) the entry being edited.
pub struct Scope<'a> {
    pub answers: &'a Answers,
    /// The entry: a JSON record as the front ends edit it, or a typed one as the
    /// policy's resolution reads it without serialising it ([`Fields`]).
    pub record: Option<&'a dyn Fields>,
}

impl Scope<'_> {
    /// The entry's field `key`, as JSON.
    pub fn field(&self, key: &str) -> Option<std::borrow::Cow<'_, Value>> {
        self.record.and_then(|r| r.field(key))
    }
}

/// A condition under which a question is asked (and its answer rendered).
pub type Condition = fn(&Scope) -> bool;

/// A part of the interview.
pub struct Section {
    /// Short key for `ask --section` and the wizard's sidebar.
    pub id: &'static str,
    pub title: &'static str,
    /// One or two sentences on what this part is about.
    pub intro: &'static str,
    pub questions: Vec<Question>,
}

/// One question.
pub struct Question {
    /// Its answer's dotted path; inside a list entry, relative to the entry.
    pub key: &'static str,
    /// The question, in plain words.
    pub prompt: &'static str,
    /// Why it is asked, with the legal reference where there is one.
    pub help: &'static str,
    pub kind: Kind,
    /// The policy cannot be rendered without it.
    pub required: bool,
    /// Asked only when this holds; otherwise the answer is irrelevant.
    pub when: Option<Condition>,
    /// A sample answer, shown as a placeholder.
    pub example: Option<&'static str>,
    /// A suggested answer when there is none yet (the wizard and `ask` offer it).
    pub suggest: Option<fn(&Scope) -> Option<Value>>,
}

/// The shape of an answer, which decides how it is asked and checked.
pub enum Kind {
    /// One line of text.
    Text,
    /// Text that may run to a few sentences.
    Paragraph,
    /// A long text of several paragraphs, best written in an editor.
    Document,
    Email,
    /// A web address.
    Url,
    /// YYYY-MM-DD.
    Date,
    /// A length of time such as "30 days".
    Period,
    /// A whole number of years.
    Age,
    /// Yes or no, for a plain `bool` answer whose "no" cannot be told from no answer
    /// (so it always counts as answered). Prefer [`Kind::Maybe`] over an `Option<bool>`.
    YesNo,
    /// Yes, no, or not answered yet (an `Option<bool>`): a "no" is kept as an answer,
    /// and a question never answered is counted as open by the wizard's sidebar and
    /// `ask --only-missing`.
    Maybe,
    /// One of a closed list.
    Choice(&'static [Choice]),
    /// Any of a closed list.
    Choices(&'static [Choice]),
    /// An ISO country code.
    Country,
    /// Several ISO country codes.
    Countries,
    /// Some of the data categories already described (their ids).
    Categories,
    /// One of the data categories already described, picked by name; its id is
    /// the answer.
    Category,
    /// An entry of the processor catalog, by id; it supplies what is left unanswered.
    CatalogRef,
    /// A list of short texts.
    Lines,
    /// A list of records, each asked field by field.
    Records(Records),
    /// An optional group of fields (a person's name and address).
    Group(Vec<Question>),
}

/// How a list of records is asked.
pub struct Records {
    /// What one entry is called ("data category").
    pub noun: &'static str,
    pub fields: Vec<Question>,
    /// A one-line summary of an entry, for menus and the sidebar; the answers let it
    /// name what an entry refers to by id (a store entry's data category).
    pub summary: Summary,
}

/// How a list shows one of its entries in a line.
pub type Summary = fn(&Value, &Answers) -> String;

impl Question {
    /// Whether the question is about how policywright works with the policy (where
    /// the product's code is, which findings `check` waives) rather than about what
    /// the policy says: such answers never count towards a section's completion.
    pub fn is_setting(&self) -> bool {
        self.key.starts_with("workspace.") || self.key == "waivers"
    }

    /// Whether the question applies in this scope.
    pub fn applies(&self, scope: &Scope) -> bool {
        self.when.is_none_or(|when| when(scope))
    }
}

/// Where a question's words name the product before it has a name.
pub const YOUR_PRODUCT: &str = "[your product]";

/// Where a question's words name the product by its kind ("your web app", "your
/// extension"), for questions that would otherwise read as one kind's only.
pub const YOUR_APP: &str = "[your app]";

/// In an entry's field prompt, the period the entry gives ("30 days"), so that
/// "completes \"[the period] after ...\"" reads with the founder's own period
/// instead of an example that ignores it (issue 18).
pub const THE_PERIOD: &str = "[the period]";

/// An entry's field prompt or help as shown: [`in_words`], and [`THE_PERIOD`] as
/// the entry's `period` (or "the period" while it has none).
pub fn in_words_for(text: &'static str, scope: &Scope) -> std::borrow::Cow<'static, str> {
    let text = in_words(text, scope.answers);
    if !text.contains(THE_PERIOD) {
        return text;
    }
    let period = scope.field("period");
    let period = period
        .as_deref()
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .unwrap_or("the period");
    std::borrow::Cow::Owned(text.replace(THE_PERIOD, period))
}

/// A question's prompt or help as shown: "[your product]" becomes the product's
/// name once it has one, so a founder reads "finishes \"Habitly provides ...\"";
/// "[your app]" becomes the product's kind in words ([`YOUR_APP`]).
pub fn in_words(text: &'static str, answers: &Answers) -> std::borrow::Cow<'static, str> {
    let name = answers.organization.product_name.trim();
    let mut text = std::borrow::Cow::Borrowed(text);
    if text.contains(YOUR_APP) {
        let kind = kind_in_words(answers);
        text = std::borrow::Cow::Owned(text.replace(YOUR_APP, &kind));
    }
    if !name.is_empty() && text.contains(YOUR_PRODUCT) {
        text = std::borrow::Cow::Owned(text.replace(YOUR_PRODUCT, name));
    }
    text
}

/// The product as its kind says it: "your web app", "your extension"; the product's
/// name (else "your product") when it is of several kinds that are said apart, or
/// of none yet.
fn kind_in_words(answers: &Answers) -> String {
    use crate::answers::vocab::ProductKind;
    let mut nouns: Vec<&str> = answers
        .audience
        .product_kinds
        .iter()
        .map(|k| match k {
            ProductKind::WebApp => "your web app",
            ProductKind::Website => "your website",
            ProductKind::MobileApp | ProductKind::DesktopApp => "your app",
            ProductKind::BrowserExtension | ProductKind::EditorExtension => "your extension",
            ProductKind::Api => "your API",
            ProductKind::Cli => "your tool",
        })
        .collect();
    nouns.sort_unstable();
    nouns.dedup();
    match nouns.as_slice() {
        [one] => (*one).to_owned(),
        _ => match answers.organization.product_name.trim() {
            "" => "your product".to_owned(),
            name => name.to_owned(),
        },
    }
}

/// Whether a value counts as an answer: not missing, not blank, not an empty list.
pub fn is_answered(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// The section with this id.
pub fn section(id: &str) -> Option<&'static Section> {
    sections().iter().find(|s| s.id == id)
}

/// Every top-level question's path, for `--set` help and for `check` to point at.
pub fn find(path: &str) -> Option<(&'static Section, usize)> {
    sections().iter().find_map(|s| {
        let i = s.questions.iter().position(|q| {
            path == q.key
                || path.starts_with(&format!("{}.", q.key))
                || path.starts_with(&format!("{}[", q.key))
        })?;
        Some((s, i))
    })
}

/// The data categories as a founder picks among them: by the names they gave
/// them. The short id (`account`) is added only to tell apart two categories
/// of the same name, as it is what other answers store, never what people read.
/// What a [`Kind::Category`] question says when there is none to pick.
pub const NO_CATEGORIES: &str =
    "No data categories yet: describe them in \"Data you collect\" first, then pick one here.";

/// The options of a [`Kind::Category`] question: the data categories' ids and
/// labels, and an answer that names none of them (a category since removed or
/// renamed) kept as an option of its own, so that Enter does not lose it.
pub fn category_options(
    categories: &[crate::answers::DataCategory],
    current: Option<&Value>,
) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = categories
        .iter()
        .map(|c| c.id.to_string())
        .zip(category_labels(categories))
        .collect();
    if let Some(id) = current.and_then(Value::as_str).filter(|id| !id.is_empty())
        && !options.iter().any(|(k, _)| k == id)
    {
        options.push((
            id.to_owned(),
            format!("{id} (not among the data categories)"),
        ));
    }
    options
}

pub fn category_labels(categories: &[crate::answers::DataCategory]) -> Vec<String> {
    categories
        .iter()
        .map(|c| {
            let twin = categories
                .iter()
                .filter(|o| o.name.trim() == c.name.trim())
                .count()
                > 1;
            match (c.name.trim().is_empty(), twin) {
                (true, _) => c.id.to_string(),
                (false, true) => format!("{} ({})", c.name, c.id),
                (false, false) => c.name.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use serde_json::json;

    use super::*;
    use crate::answers::schema::{json_type, resolve, schema};
    use crate::answers::set::set_value;

    fn asked(key: &str, a: &Answers) -> bool {
        let (section, i) = find(key).unwrap();
        section.questions[i].applies(&Scope {
            answers: a,
            record: None,
        })
    }

    /// Issue 18: "Which decisions?" was asked while "Does software alone ... make
    /// decisions" was unanswered; it follows a yes (or an answer already given).
    #[test]
    fn which_decisions_follows_a_yes() {
        let mut a = Answers::default();
        assert!(!asked("ai.automated_decisions", &a), "unanswered");
        a.ai.makes_automated_decisions = Some(false);
        assert!(!asked("ai.automated_decisions", &a));
        a.ai.makes_automated_decisions = Some(true);
        assert!(asked("ai.automated_decisions", &a));
        a.ai.makes_automated_decisions = None;
        a.ai.automated_decisions = Some("we approve credit lines".into());
        assert!(
            asked("ai.automated_decisions", &a),
            "an answer stays visible"
        );
    }

    /// Issue 18: the copy-of-clauses question was asked for any catalog recipient;
    /// it is asked when what the catalog fills in rests on contractual clauses.
    #[test]
    fn the_copy_of_clauses_is_asked_only_for_contractual_transfers() {
        let mut a = Answers::default();
        a.organization.country = Some("DE".parse().unwrap());
        let with =
            |a: &Answers, id: &str| set_value(a, "processors", json!([{"catalog": id}])).unwrap();
        // The catalog says nothing checked of its transfers: nothing to copy.
        let stripe = with(&a, "stripe");
        assert!(!asked("hosting.safeguards_copy", &stripe));
        // Standard contractual clauses for the US: a copy may be asked for.
        let anthropic = with(&a, "anthropic");
        assert!(asked("hosting.safeguards_copy", &anthropic));
        // An entry the built-in catalog does not know cannot be judged: asked.
        let own = with(&a, "our-own-entry");
        assert!(asked("hosting.safeguards_copy", &own));
    }

    /// Brazil's transfers on the ANPD's clauses: the clauses are given on request
    /// (Resolution CD/ANPD 19/2024), so how is asked, and the answer kept, for a
    /// policy that serves Brazil alone (legal review, seventh round: the answer was
    /// left out unless a GDPR applied).
    #[test]
    fn the_copy_of_clauses_is_asked_for_brazil_alone() {
        let a = Answers::from_json(
            r#"{"schema_version": 2,
                "organization": {"country": "BR"},
                "audience": {"regions": ["brazil"]},
                "processors": [{"id": "host", "name": "Host", "role": "hosting",
                                "purpose": "hosts our servers", "countries": ["US"],
                                "safeguard": "anpd_sccs"}],
                "hosting": {"safeguards_copy": "on_request"}}"#,
        )
        .unwrap();
        assert!(asked("hosting.safeguards_copy", &a));
        let policy = crate::policy::Policy::with_builtin_catalog(&a).unwrap();
        assert_eq!(
            policy.answers().hosting.safeguards_copy.as_deref(),
            Some("on_request")
        );
    }

    /// Found walking through the interview as a web app's founder: "Which address
    /// of your own servers does your app send data to? ... Leave empty if the app
    /// talks only to services such as Firebase" read as a mobile app's question.
    #[test]
    fn the_server_question_names_the_product_by_its_kind() {
        use crate::answers::vocab::ProductKind;
        let (section, i) = find("hosting.endpoint").unwrap();
        let q = &section.questions[i];
        let mut answers = Answers::default();
        let shown = |a: &Answers| format!("{} {}", in_words(q.prompt, a), in_words(q.help, a));
        answers.audience.product_kinds = vec![ProductKind::WebApp];
        let web = shown(&answers);
        assert!(web.contains("does your web app send data to?"), "{web}");
        assert!(
            !web.contains("the app") && !web.contains("your app "),
            "{web}"
        );
        answers.audience.product_kinds = vec![ProductKind::BrowserExtension];
        assert!(shown(&answers).contains("your extension sends data only"));
        answers.audience.product_kinds = vec![ProductKind::MobileApp, ProductKind::DesktopApp];
        assert!(shown(&answers).contains("does your app send"));
        answers.audience.product_kinds = vec![ProductKind::MobileApp, ProductKind::WebApp];
        answers.organization.product_name = "Habitly".to_owned();
        assert!(shown(&answers).contains("does Habitly send"));
    }

    /// Found walking through `ask` for a web shop with no AI at all: "What do you do
    /// to limit what AI providers see?" was asked anyway.
    #[test]
    fn the_ai_safeguards_are_asked_only_where_ai_is_used() {
        let (section, i) = find("ai.safeguards").unwrap();
        let q = &section.questions[i];
        let applies = |a: &Answers| {
            q.applies(&Scope {
                answers: a,
                record: None,
            })
        };
        let mut a = Answers::default();
        assert!(!applies(&a));
        a.processors = serde_json::from_value(json!([
            {"id": "openai", "name": "OpenAI", "role": "ai", "purpose": "answers questions"}
        ]))
        .unwrap();
        assert!(applies(&a), "an AI provider receives data");
        a.processors.clear();
        a.ai.safeguards = vec!["We redact secrets.".to_owned()];
        assert!(applies(&a), "an answer given is never hidden");
    }

    /// Lists of data categories showed "Account data (account)": the id is what
    /// other answers store, never what a founder reads, unless two share a name.
    #[test]
    fn data_categories_are_picked_by_their_names() {
        let answers: Answers = serde_json::from_value(json!({
            "schema_version": 2,
            "data": {"categories": [
                {"id": "account", "name": "Account data", "description": "e-mail", "source": "provided"},
                {"id": "logs", "name": "Logs", "description": "IP", "source": "automatic"},
                {"id": "logs_2", "name": "Logs", "description": "IP", "source": "automatic"}
            ]}
        }))
        .unwrap();
        assert_eq!(
            category_labels(&answers.data.categories),
            ["Account data", "Logs (logs)", "Logs (logs_2)"]
        );
    }

    /// A plausible answer of each kind.
    fn sample(q: &Question) -> Value {
        match &q.kind {
            Kind::Text | Kind::Paragraph | Kind::Document => json!("text"),
            Kind::Email => json!("a@b.co"),
            Kind::Url => json!("https://b.co"),
            Kind::Date => json!("2026-01-01"),
            Kind::Period => json!("30 days"),
            Kind::Age => json!(16),
            Kind::YesNo | Kind::Maybe => json!(true),
            Kind::Choice(c) => json!(c[0].0),
            Kind::Choices(c) => json!([c[0].0]),
            Kind::Country => json!("US"),
            Kind::Countries => json!(["US"]),
            Kind::Categories => json!([]),
            Kind::Category => json!("account"),
            Kind::CatalogRef => json!("stripe"),
            Kind::Lines => json!(["a line"]),
            Kind::Records(r) => json!([record(&r.fields)]),
            Kind::Group(fields) => record(fields),
        }
    }

    fn record(fields: &[Question]) -> Value {
        Value::Object(
            fields
                .iter()
                .map(|f| (f.key.to_owned(), sample(f)))
                .collect(),
        )
    }

    /// Found walking through the wizard as a first-time user: "How can users get a
    /// copy of the transfer safeguards?" with `on_request` on screen said neither
    /// what the safeguards are nor that `on_request` is an answer to type.
    #[test]
    fn the_safeguards_question_says_what_they_are_and_what_to_type() {
        let q = sections()
            .iter()
            .flat_map(|s| s.questions.iter())
            .find(|q| q.key == "hosting.safeguards_copy")
            .unwrap();
        assert!(!q.prompt.contains("safeguards"), "{}", q.prompt);
        assert!(
            q.help
                .starts_with("Type the web address where it is published, or on_request"),
            "{}",
            q.help
        );
        assert!(
            q.help.contains("transfer safeguards"),
            "the legal term stays in the help"
        );
        assert!(q.help.contains("Art. 13(1)(f)"), "{}", q.help);
    }

    #[test]
    fn every_question_fits_its_answer() {
        let answers = Answers::default();
        for section in sections() {
            for q in &section.questions {
                let result = set_value(&answers, q.key, sample(q));
                assert!(result.is_ok(), "{}: {:?}", q.key, result.err());
            }
        }
    }

    #[test]
    fn sections_and_keys_are_unique() {
        let mut ids = HashSet::new();
        let mut keys = HashSet::new();
        for section in sections() {
            assert!(ids.insert(section.id), "section {} twice", section.id);
            for q in &section.questions {
                assert!(keys.insert(q.key), "question {} twice", q.key);
                assert!(!q.prompt.is_empty());
            }
        }
    }

    /// Every answer the file can hold is asked by some question, so nothing in the
    /// model is reachable only by editing JSON.
    #[test]
    fn every_answer_has_a_question() {
        // A group asked whole (a part that may be left out, like `marketing`) asks
        // each of its fields.
        let asked: HashSet<String> = sections()
            .iter()
            .flat_map(|s| s.questions.iter())
            .flat_map(|q| {
                let mut keys = vec![q.key.to_owned()];
                if let Kind::Group(fields) = &q.kind {
                    keys.extend(fields.iter().map(|f| format!("{}.{}", q.key, f.key)));
                }
                keys
            })
            .collect();
        let root = resolve(schema());
        let mut missing = Vec::new();
        for (part, node) in root["properties"].as_object().unwrap() {
            if part == "schema_version" {
                continue;
            }
            let node = resolve(node);
            if part == "workspace" {
                // Where the policy is published is chosen on the publish screen and
                // with `publish --out --remember`, not asked in the interview.
                let fields = node["properties"].as_object().unwrap();
                assert!(fields.contains_key("outputs"));
                if !asked.contains("workspace.code_dir") {
                    missing.push("workspace.code_dir".to_owned());
                }
                continue;
            }
            if json_type(node) == Some("object") {
                for field in node["properties"].as_object().unwrap().keys() {
                    let key = format!("{part}.{field}");
                    if !asked.contains(key.as_str()) {
                        missing.push(key);
                    }
                }
            } else if !asked.contains(part.as_str()) {
                missing.push(part.clone());
            }
        }
        assert!(missing.is_empty(), "answers no question asks: {missing:?}");
    }

    #[test]
    fn the_product_is_named_once_it_has_a_name() {
        let mut a = Answers::default();
        let q = "What does it do? (finishes \"[your product] provides ...\")";
        assert_eq!(in_words(q, &a), q);
        a.organization.product_name = "Habitly".into();
        assert_eq!(
            in_words(q, &a),
            "What does it do? (finishes \"Habitly provides ...\")"
        );
    }

    #[test]
    fn conditions_follow_the_answers() {
        let mut a = Answers::default();
        let (section, i) = find("organization.eu_representative").unwrap();
        let q = &section.questions[i];
        let applies = |a: &Answers| {
            q.applies(&Scope {
                answers: a,
                record: None,
            })
        };
        assert!(!applies(&a), "no EEA users, no representative");
        a.audience.regions.push(crate::answers::vocab::Region::Eea);
        assert!(applies(&a), "EEA users and no country given");
        a.organization.country = Some("DE".parse().unwrap());
        assert!(!applies(&a), "an operator in the EEA needs none");
    }

    #[test]
    fn every_part_of_the_answers_can_be_looked_at_alone() {
        let a = Answers::default();
        for part in resolve(schema())["properties"].as_object().unwrap().keys() {
            if part != "schema_version" {
                assert!(a.part_value(part).is_some(), "part_value misses {part}");
            }
        }
    }
}
