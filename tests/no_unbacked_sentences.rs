//! No sentence without an answer behind it (issue 11, part 2): for every kind of
//! product in `examples/`, and for variants that turn one answer the other way, the
//! rendered policy must not contain the sentences the templates used to add on their
//! own. Each check reads the answers and says what the policy may and may not say.
//!
//! Matching is on the Markdown policy with whitespace folded, split into its `##`
//! sections and `###` subsections, so a phrase is looked for where a reader would see it.

use policywright::answers::Answers;
use policywright::answers::values::Country;
use policywright::answers::vocab::{
    LegalBasis, Region, Safeguard, SecurityMeasureKind, StorageKind,
};
use policywright::policy::Policy as Resolved;
use policywright::render::{Format, Renderer};

/// Every example in `examples/`, one per kind of product at least.
const EXAMPLES: &[&str] = &[
    "acme", "complete", "specstep", "stepr", "tabnotes", "shipdesk", "habitly", "lintel",
];

fn load(example: &str) -> serde_json::Value {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn answers(value: &serde_json::Value) -> Answers {
    // As the policy sees them: catalog references filled in, stale answers left out.
    let answers = Answers::from_json(&value.to_string()).unwrap();
    Resolved::with_builtin_catalog(&answers)
        .unwrap()
        .into_answers()
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The policy as (heading, folded text) for the top, each section and subsection.
struct Policy {
    whole: String,
    parts: Vec<(String, String)>,
}

impl Policy {
    fn render(a: &Answers) -> Policy {
        let md = Renderer::new(None)
            .unwrap()
            .render(
                &Resolved::with_builtin_catalog(a).unwrap(),
                Format::Markdown,
            )
            .unwrap();
        let mut parts = vec![("(top)".to_owned(), String::new())];
        for line in md.lines() {
            if let Some(h) = line
                .strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
            {
                parts.push((h.to_owned(), String::new()));
            } else {
                let body = &mut parts.last_mut().unwrap().1;
                body.push(' ');
                body.push_str(line);
            }
        }
        Policy {
            whole: fold(&md),
            parts: parts.into_iter().map(|(h, b)| (h, fold(&b))).collect(),
        }
    }

    fn has(&self, phrase: &str) -> bool {
        self.whole.contains(phrase)
    }

    fn count(&self, phrase: &str) -> usize {
        self.whole.matches(phrase).count()
    }

    /// The text of every part whose heading contains `heading`.
    fn under(&self, heading: &str) -> String {
        self.parts
            .iter()
            .filter(|(h, _)| h.contains(heading))
            .map(|(_, b)| b.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Collects every false sentence, so one run lists them all.
struct Findings(Vec<String>);

impl Findings {
    fn absent(&mut self, p: &Policy, phrase: &str, why: &str) {
        if p.has(phrase) {
            self.0.push(format!("says \"{phrase}\": {why}"));
        }
    }

    fn absent_unless(&mut self, backed: bool, p: &Policy, phrase: &str, why: &str) {
        if !backed {
            self.absent(p, phrase, why);
        }
    }
}

/// Sentences no answer can back, whatever the answers.
const NEVER: &[(&str, &str)] = &[
    (
        "you agree to the practices",
        "use is not agreement or consent (GDPR Art. 4(11), 7)",
    ),
    (
        "you consent to your information being processed",
        "implied consent to a transfer (GDPR Art. 49(1)(a))",
    ),
    (
        "another jurisdiction with specific privacy rights",
        "an open-ended promise nobody answered",
    ),
    (
        "regardless of where we operate",
        "an open-ended promise nobody answered",
    ),
    (
        "sell, rent, or trade your personal information",
        "wider than the answer `sells: false`",
    ),
    (
        "across other websites or apps",
        "not an answer: cross-site tracking is already listed",
    ),
    (
        "have not sold or shared personal information in the past 12 months",
        "no answer speaks of the past 12 months",
    ),
    (
        "ours or anyone else's",
        "the operator can speak only for itself",
    ),
    ("under none needed", "\"none needed\" is not a safeguard"),
    (
        "You can change this in you",
        "the setting answer pasted into a frame",
    ),
    ("Your data travels over HTTPS", "inferred from a URL"),
    (
        "We may update this policy as",
        "a reservation nobody answered",
    ),
    ("provides an online service", "a description nobody gave"),
    ("a API", "a wrong article"),
    (") (", "nested parentheses"),
];

/// Checks one rendering against the answers it came from.
fn check(name: &str, a: &Answers) -> Vec<String> {
    let p = Policy::render(a);
    let mut f = Findings(Vec::new());
    for (phrase, why) in NEVER {
        f.absent(&p, phrase, why);
    }

    let org = &a.organization;
    f.absent_unless(
        org.legal_entity.is_some(),
        &p,
        "Controller:",
        "no legal entity was given; the product is not a controller",
    );
    if let (Some(form), Some(country)) = (&org.legal_form, org.country) {
        if form.contains(country.name()) {
            f.absent(
                &p,
                &format!("{form}, {}", country.name()),
                "the country twice",
            );
        }
    }
    if let Some(address) = &org.postal_address {
        let lines: Vec<&str> = address.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.len() > 1 {
            f.absent(&p, &lines.join(" "), "the address's lines run together");
        }
        if let Some(entity) = &org.legal_entity {
            f.absent(&p, &format!("{entity}, {entity}"), "the entity twice");
        }
    }

    // Where data is kept.
    let h = &a.hosting;
    let outside = |c: &Country| !h.data_location.contains(c);
    let leaves = a.processors.iter().flat_map(|r| &r.countries).any(outside)
        || h.transfers.iter().map(|t| &t.country).any(outside);
    f.absent_unless(
        h.stays_in_region == Some(true) && !leaves,
        &p,
        "All data is hosted within",
        "the operator did not say data stays there, or a recipient or transfer leaves it",
    );
    f.absent_unless(
        h.stays_in_region == Some(true) && !leaves,
        &p,
        "We do not transfer personal data outside",
        "the operator did not say so, or a recipient or transfer contradicts it",
    );
    f.absent_unless(
        !h.stores.is_empty(),
        &p,
        "We store your data in",
        "no data store was given",
    );
    let tls = a
        .security
        .measures
        .iter()
        .any(|m| m.kind == SecurityMeasureKind::Tls);
    f.absent_unless(tls, &p, "over HTTPS", "no encryption in transit was stated");
    let home = org.country;
    for r in &a.processors {
        let at_home = !r.countries.is_empty()
            && r.countries
                .iter()
                .all(|&c| home.is_some_and(|h| h == c || (h.in_eea() && c.in_eea())));
        if at_home || r.safeguard.as_slice() == [Safeguard::NotApplicable] {
            let row = p
                .whole
                .split(&format!("**{}**", r.name))
                .nth(1)
                .and_then(|rest| rest.split(" | **").next())
                .unwrap_or("");
            // The last cell of the row is "Where".
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let place = cells.iter().rev().find(|c| !c.is_empty()).unwrap_or(&"");
            if place.contains(", under ") {
                f.0.push(format!(
                    "prints a transfer safeguard for {}, which processes data in the operator's own region",
                    r.name
                ));
            }
        }
    }

    // Collection.
    let collected_heading = p
        .parts
        .iter()
        .any(|(h, _)| h.ends_with(". What we collect"));
    if collected_heading && a.data.categories.is_empty() && a.data.notes.is_empty() {
        f.0.push("has a \"What we collect\" section, but nothing is collected".to_owned());
    }
    for group in [
        "Information collected automatically",
        "Information generated by your use",
        "Information from third-party services",
    ] {
        if p.under(group).contains("Providing this is optional") {
            f.0.push(format!(
                "says \"Providing this is optional\" under \"{group}\": the user does not provide it"
            ));
        }
    }

    // AI training.
    f.absent_unless(
        a.ai.training.is_some(),
        &p,
        "machine-learning model",
        "no answer about training",
    );

    // Rights.
    let r = &a.rights;
    // A European law applies when its region is served or the operator is
    // established there (GDPR Art. 3(1)); it then states the right to complain.
    let eu = [Region::Eea, Region::Uk, Region::Switzerland]
        .iter()
        .any(|&x| a.audience.serves(x))
        || a.organization
            .country
            .is_some_and(|c| c.in_eea() || matches!(c.code(), "GB" | "CH"));
    f.absent_unless(
        !r.rights.is_empty(),
        &p,
        "any of these rights",
        "no rights are listed for \"these\" to refer to",
    );
    f.absent_unless(
        r.everyone == Some(true),
        &p,
        "Wherever you live",
        "the rights were not offered to everyone",
    );
    f.absent_unless(
        r.response_time.is_some(),
        &p,
        "we answer within",
        "no response time was given",
    );
    f.absent_unless(
        r.complaint == Some(true) || eu,
        &p,
        "complaint with",
        "complaint: false, and no applicable law states the right",
    );
    if p.count("lodge a complaint") > 1 {
        f.0.push("states the right to complain more than once".to_owned());
    }
    let consent = a.purposes.iter().any(|x| x.rests_on(LegalBasis::Consent));
    f.absent_unless(
        consent,
        &p,
        "Where we rely on your consent",
        "no purpose relies on consent",
    );
    // Issue 12: the US-states paragraph promises an appeal only when the answers say
    // how to make one (legal review FN-10).
    f.absent_unless(
        a.rights.appeal.is_some(),
        &p,
        "appeal",
        "no appeal process was given",
    );
    f.absent_unless(
        a.sale_and_sharing.sells_sensitive == Some(true),
        &p,
        "We may sell your sensitive personal data",
        "sensitive data is not said to be sold",
    );
    f.absent_unless(
        a.sale_and_sharing.sells_biometric == Some(true),
        &p,
        "We may sell your biometric personal data",
        "biometric data is not said to be sold",
    );
    // CCPA 1798.121: the right to limit only where sensitive personal information is
    // used beyond 11 CCR 7027(m).
    let sensitive = a.sale_and_sharing.sensitive_beyond_permitted == Some(true)
        && a.data.categories.iter().any(|c| c.is_ccpa_sensitive());
    f.absent_unless(
        sensitive,
        &p,
        "to limit the use of sensitive personal information",
        "nothing sensitive is collected",
    );

    // Cookies, security, changes.
    f.absent_unless(
        a.tracking
            .cookies
            .iter()
            .any(|c| c.storage == StorageKind::Cookie),
        &p,
        "We use the following cookies",
        "no cookie is listed",
    );
    let security = p.under("Security");
    let said_account = a
        .security
        .statement
        .as_deref()
        .is_some_and(|s| s.contains("account"));
    if security.contains("your account") && !said_account {
        f.0.push("speaks of \"your account\" under Security, which no answer does".to_owned());
    }
    f.absent_unless(
        a.security.statement.is_some(),
        &p,
        "No system is perfectly secure",
        "no closing statement was given",
    );
    // A mobile app's permissions and the tracking prompt (issue 15).
    f.absent_unless(
        !a.app.android_permissions.is_empty(),
        &p,
        "Android app requests these permissions",
        "no Android permission is listed",
    );
    f.absent_unless(
        !a.app.ios_permissions.is_empty(),
        &p,
        "iOS app asks for access to these",
        "no iOS usage description is listed",
    );
    f.absent_unless(
        a.app.att_prompt,
        &p,
        "App Tracking Transparency",
        "the operator did not say the app asks before tracking",
    );
    f.absent_unless(
        a.policy.agreement_by_use == Some(true),
        &p,
        "Please read this policy before using",
        "the operator did not ask for it",
    );

    f.0.into_iter().map(|x| format!("{name}: {x}")).collect()
}

/// Leaves `key` of answers part `part` unanswered.
fn remove(v: &mut serde_json::Value, part: &str, key: &str) {
    if let Some(part) = v.get_mut(part).and_then(|p| p.as_object_mut()) {
        part.remove(key);
    }
}

fn assert_backed(variants: &[(String, serde_json::Value)]) {
    let mut all = Vec::new();
    for (name, value) in variants {
        all.extend(check(name, &answers(value)));
    }
    assert!(
        all.is_empty(),
        "sentences no answer backs:\n{}",
        all.join("\n")
    );
}

#[test]
fn no_example_says_what_its_answers_do_not() {
    let variants: Vec<_> = EXAMPLES.iter().map(|e| (e.to_string(), load(e))).collect();
    assert_backed(&variants);
}

/// The one-regime fixtures of `tests/fixtures/regimes/` (issue 12), as they are and
/// with the US appeal and every representative taken away.
#[test]
fn no_regime_fixture_says_what_its_answers_do_not() {
    let dir = format!("{}/tests/fixtures/regimes", env!("CARGO_MANIFEST_DIR"));
    let mut variants = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut v = value.clone();
        remove(&mut v, "rights", "appeal");
        for rep in [
            "eu_representative",
            "uk_representative",
            "swiss_representative",
        ] {
            remove(&mut v, "organization", rep);
        }
        variants.push((format!("{name} without appeal or representatives"), v));
        variants.push((name, value));
    }
    assert!(variants.len() >= 22, "{}", variants.len());
    assert_backed(&variants);
}

/// Each example again with the answers that used to trigger a false sentence turned
/// the other way: no legal entity, no security statement, data said to stay where it
/// is hosted while recipients are elsewhere, complaint refused outside the EEA, ...
#[test]
fn no_variant_says_what_its_answers_do_not() {
    let mut variants = Vec::new();
    for e in EXAMPLES {
        let base = load(e);

        let mut v = base.clone();
        remove(&mut v, "organization", "legal_entity");
        remove(&mut v, "security", "statement");
        v["policy"]["agreement_by_use"] = true.into();
        variants.push((format!("{e} without legal entity or statement"), v));

        let mut v = base.clone();
        v["hosting"]["stays_in_region"] = true.into();
        if v["hosting"]["data_location"]
            .as_array()
            .is_none_or(|l| l.is_empty())
        {
            v["hosting"]["data_location"] = serde_json::json!(["DE"]);
        }
        variants.push((format!("{e} saying data stays"), v));

        let mut v = base.clone();
        v["audience"]["regions"] = serde_json::json!(["rest_of_world", "kazakhstan"]);
        v["rights"]["complaint"] = false.into();
        remove(&mut v, "rights", "everyone");
        remove(&mut v, "rights", "rights");
        variants.push((format!("{e} outside the EEA, no complaint, no rights"), v));

        let mut v = base.clone();
        v["audience"]["product_kinds"] = serde_json::json!(["api"]);
        v["organization"]["description"] = "".into();
        v["hosting"]["endpoint"] = "https://api.example.com".into();
        remove(&mut v, "security", "measures");
        let processors = v.get_mut("processors").and_then(|p| p.as_array_mut());
        for p in processors.into_iter().flatten() {
            p["safeguard"] = "none_needed".into();
        }
        variants.push((format!("{e} as an API, no measures"), v));
    }
    assert_backed(&variants);
}

/// The checks above must be able to fail: the old wording, put back as the
/// operator's free text where no answer backs it, is caught.
#[test]
fn the_checks_catch_what_they_look_for() {
    let mut v = load("tabnotes");
    v["data"]["notes"] =
        serde_json::json!(["By using Tabnotes, you agree to the practices described here."]);
    let found = check("tabnotes with the old intro", &answers(&v));
    assert!(
        found
            .iter()
            .any(|f| f.contains("you agree to the practices")),
        "{found:?}"
    );

    let mut v = load("habitly");
    v["hosting"]["stays_in_region"] = true.into();
    let a = answers(&v);
    assert!(
        a.processors
            .iter()
            .any(|p| p.countries.iter().any(|c| c.code() == "US")),
        "the variant needs a recipient outside Germany"
    );
    let p = Policy::render(&a);
    assert!(!p.has("All data is hosted within"), "{}", p.whole);
    assert!(p.has("We host your data in Germany"), "{}", p.whole);
}
