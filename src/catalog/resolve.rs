//! Filling in processors that refer to the catalog (`"catalog": "stripe"`).

use serde_json::{Map, Value};

use crate::answers::values::Country;
use crate::answers::vocab::{ProcessorRole, RecipientControl, Region, Safeguard};
use crate::answers::{Answers, Problem, Processor, Safeguards, Short};

use super::{Catalog, Entry};
use crate::law::transfers::{Exporter, misfit};

/// Whether any processor refers to the catalog, so callers can skip loading it.
pub fn needs_catalog(answers: &Answers) -> bool {
    answers.processors.iter().any(|p| p.catalog.is_some())
}

/// The answers with every catalog reference filled in: each field the entry leaves
/// empty takes the catalog's value, and everything it gives stands. Pure, and
/// idempotent, so it can run again after `--set` adds a reference.
///
/// The legal entity is the one for the operator's own region (`organization.country`),
/// because that decides which company of a group the operator contracts with.
/// Every unknown catalog id is reported, with the closest known one.
pub fn resolve(answers: &Answers, catalog: &Catalog) -> Result<Answers, Vec<Problem>> {
    let operator = Operator::of(answers);
    let mut resolved = answers.clone();
    let mut problems = Vec::new();
    for (i, p) in resolved.processors.iter_mut().enumerate() {
        let Some(id) = p.catalog.as_deref() else {
            continue;
        };
        match catalog.get(id) {
            Some(entry) => merge(p, entry, &operator),
            None => {
                let hint = match catalog.suggest(id) {
                    Some(close) => format!("; did you mean \"{close}\"?"),
                    None => "; `policywright processors` lists the catalog".to_owned(),
                };
                problems.push(Problem::new(
                    format!("processors[{i}].catalog"),
                    format!("no catalog entry \"{id}\"{hint}"),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(resolved)
    } else {
        Err(problems)
    }
}

/// What a catalog entry gives one processor: the entry's value for each field the
/// processor leaves empty (`None` where the field is answered or the entry says
/// nothing). The one statement of the filling rules: [`resolve`] applies it, and
/// [`defaults`] shows it to the operator, so an interview offers exactly what the
/// policy would say.
#[derive(Debug, Default)]
struct Fills {
    id: Option<String>,
    name: Option<String>,
    role: Option<ProcessorRole>,
    purpose: Option<String>,
    legal_entity: Option<String>,
    data_description: Option<String>,
    countries: Option<Vec<Country>>,
    worldwide: Option<bool>,
    safeguard: Option<Safeguards>,
    commitments: Option<Vec<String>>,
    privacy_policy_url: Option<String>,
    controller: Option<RecipientControl>,
}

impl Fills {
    /// The rules. The legal entity is the one for the operator's region; the
    /// catalog's description of the data stands in only while no data category is
    /// picked, since the categories then say what the recipient receives.
    fn of(p: &Processor, e: &Entry, operator: &Operator) -> Fills {
        let region = operator.region;
        // Only what the catalog has checked: a policy never states an unchecked fact.
        let e = &e.confirmed_for(region);
        let blank = |s: &str| s.trim().is_empty();
        fn given<T: Clone>(v: &[T]) -> Option<Vec<T>> {
            (!v.is_empty()).then(|| v.to_vec())
        }
        // Software we run ourselves: its maker receives nothing, so the catalog's facts
        // about the service (where it runs, its safeguards, its own uses, its policy)
        // say nothing about it.
        let service = p.receives_data();
        Fills {
            id: blank(&p.id).then(|| e.id.clone()),
            name: blank(&p.name).then(|| e.name.clone()),
            // `other` is the role of a recipient nobody has placed yet.
            role: (p.role == ProcessorRole::Other).then_some(e.role),
            purpose: blank(&p.purpose).then(|| e.used_for.clone()),
            legal_entity: p
                .legal_entity
                .is_none()
                .then(|| e.legal_entity_for(region).map(str::to_owned))
                .flatten(),
            data_description: (p.data_description.is_none() && p.categories.is_empty())
                .then(|| e.data_phrase())
                .flatten(),
            countries: (service && p.countries.is_empty())
                .then(|| given(&e.countries))
                .flatten(),
            worldwide: (service && p.worldwide.is_none() && e.worldwide).then_some(true),
            safeguard: (service && p.safeguard.is_empty())
                .then(|| {
                    let countries = if p.countries.is_empty() {
                        &e.countries
                    } else {
                        &p.countries
                    };
                    let worldwide = p.worldwide.unwrap_or(e.worldwide);
                    operator.safeguard(&e.transfer, countries, worldwide)
                })
                .flatten(),
            commitments: (service && p.commitments.is_empty())
                .then(|| given(&e.commitments))
                .flatten(),
            privacy_policy_url: (service && p.privacy_policy_url.is_none())
                .then(|| e.privacy_policy_for(region).map(str::to_owned))
                .flatten(),
            controller: (service && p.controller.is_none())
                .then_some(e.controller)
                .flatten(),
        }
    }

    fn apply(self, p: &mut Processor) {
        fn put<T>(field: &mut T, value: Option<T>) {
            if let Some(v) = value {
                *field = v;
            }
        }
        put(&mut p.id, self.id.map(Short::from));
        put(&mut p.name, self.name.map(Short::from));
        put(&mut p.role, self.role);
        put(&mut p.purpose, self.purpose);
        put(
            &mut p.legal_entity,
            self.legal_entity.map(|e| Some(e.into())),
        );
        put(&mut p.data_description, self.data_description.map(Some));
        put(&mut p.countries, self.countries);
        put(&mut p.worldwide, self.worldwide.map(Some));
        put(&mut p.safeguard, self.safeguard);
        put(&mut p.commitments, self.commitments);
        put(&mut p.privacy_policy_url, self.privacy_policy_url.map(Some));
        put(&mut p.controller, self.controller.map(Some));
    }

    /// The filled fields as answers, by the key the answers file gives them.
    fn into_map(self) -> Map<String, Value> {
        fn json(v: impl serde::Serialize) -> Value {
            serde_json::to_value(v).expect("answer values serialise")
        }
        [
            ("id", self.id.map(json)),
            ("name", self.name.map(json)),
            ("role", self.role.map(json)),
            ("purpose", self.purpose.map(json)),
            ("legal_entity", self.legal_entity.map(json)),
            ("data_description", self.data_description.map(json)),
            ("countries", self.countries.map(json)),
            ("worldwide", self.worldwide.map(json)),
            ("safeguard", self.safeguard.map(json)),
            ("commitments", self.commitments.map(json)),
            ("privacy_policy_url", self.privacy_policy_url.map(json)),
            ("controller", self.controller.map(json)),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_owned(), v?)))
        .collect()
    }
}

fn merge(p: &mut Processor, e: &Entry, operator: &Operator) {
    Fills::of(p, e, operator).apply(p);
}

/// What the catalog supplies for each field this processor record leaves empty, by
/// the field's key (`"legal_entity": "Stripe, Inc."`): exactly what [`resolve`] will
/// put in the policy, so the interviews can show it as the field's default. Empty
/// when the record refers to no catalog entry, or to one the catalog lacks.
///
/// The record is read as far as it can be: a field the answers file would refuse
/// (a half-typed draft) counts as empty, so it never hides the other defaults.
pub fn defaults(record: &Value, answers: &Answers, catalog: &Catalog) -> Map<String, Value> {
    defaults_for(&readable(record), answers, catalog)
}

/// [`defaults`] for a processor already read.
pub fn defaults_for(p: &Processor, answers: &Answers, catalog: &Catalog) -> Map<String, Value> {
    match p.catalog.as_deref().and_then(|id| catalog.get(id)) {
        Some(entry) => Fills::of(p, entry, &Operator::of(answers)).into_map(),
        None => Map::new(),
    }
}

/// The record as a processor, leaving out any field that cannot be read.
fn readable(record: &Value) -> Processor {
    if let Ok(p) = serde_json::from_value(record.clone()) {
        return p;
    }
    let mut kept = Map::new();
    for (key, value) in record.as_object().into_iter().flatten() {
        let mut trial = kept.clone();
        trial.insert(key.clone(), value.clone());
        if serde_json::from_value::<Processor>(Value::Object(trial.clone())).is_ok() {
            kept = trial;
        }
    }
    serde_json::from_value(Value::Object(kept)).unwrap_or_default()
}

/// What about the operator decides the catalog's facts for it: the region whose law it
/// works under (which company of a group it contracts with) and the transfer laws that
/// apply to it (which of the entry's mechanisms fits).
struct Operator {
    region: Option<Region>,
    laws: Vec<Exporter>,
}

impl Operator {
    fn of(answers: &Answers) -> Operator {
        let laws = [
            (crate::law::eu_gdpr(answers), Exporter::Eu),
            (crate::law::uk_gdpr(answers), Exporter::Uk),
            (crate::law::swiss_fadp(answers), Exporter::Switzerland),
        ]
        .into_iter()
        .filter_map(|(applies, law)| applies.then_some(law))
        .collect();
        Operator {
            region: operator_region(answers),
            laws,
        }
    }

    /// For each transfer law that applies, the entry's first mechanism that covers a
    /// recipient in `countries` (or around the world) under it (`law::transfers::misfit`), rather than its
    /// first one whatever the operator's laws: the EU-US DPF names no transfer from a
    /// UK operator, and SCCs none to a German host from an EEA one. Where the law has
    /// found every country adequate, that is the adequacy decision. Nothing when no
    /// law sees a transfer (then there is nothing to say) or none applies; the first
    /// mechanism when none fits under any law, so `check` can say why.
    fn safeguard(
        &self,
        offered: &[Safeguard],
        countries: &[Country],
        worldwide: bool,
    ) -> Option<Safeguards> {
        let laws: Vec<Exporter> = self
            .laws
            .iter()
            .copied()
            .filter(|&law| {
                worldwide || countries.is_empty() || countries.iter().any(|&c| !law.inside(c))
            })
            .collect();
        let &first = offered.first()?;
        if laws.is_empty() {
            return None;
        }
        if countries.is_empty() && !worldwide {
            // Nothing to judge a mechanism by: the catalog's own choice.
            return Some(first.into());
        }
        let candidates = offered.iter().copied().chain([Safeguard::Adequacy]);
        let mut picked: Vec<Safeguard> = laws
            .iter()
            .filter_map(|&law| {
                candidates
                    .clone()
                    .find(|&s| misfit(law, countries, worldwide, &s.into()).is_none())
            })
            .collect();
        if picked.is_empty() {
            picked.push(first);
        }
        Some(Safeguards::new(picked))
    }
}

/// The region whose law the operator works under, which picks the catalog's legal
/// entity (the company of a group the operator contracts with).
fn operator_region(answers: &Answers) -> Option<Region> {
    answers
        .organization
        .country
        .and_then(|c| region_of(c.code(), c.in_eea()))
}

/// The region whose law an operator established in this country works under.
fn region_of(code: &str, in_eea: bool) -> Option<Region> {
    if in_eea {
        return Some(Region::Eea);
    }
    Some(match code {
        "GB" => Region::Uk,
        "CH" => Region::Switzerland,
        "US" => Region::UsOther,
        "CA" => Region::Canada,
        "BR" => Region::Brazil,
        "KZ" => Region::Kazakhstan,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(processors: serde_json::Value, country: &str) -> Answers {
        Answers::from_json(
            &serde_json::json!({
                "schema_version": 1,
                "organization": {"product_name": "Acme", "contact_email": "a@acme.io", "country": country},
                "policy": {"last_updated": "2026-01-01"},
                "processors": processors
            })
            .to_string(),
        )
        .unwrap()
    }

    /// A fact the catalog has not confirmed never reaches the policy: the record is
    /// left for the operator (and `check`) to complete.
    #[test]
    fn unchecked_facts_are_not_filled_in() {
        let entry: Entry = serde_json::from_value(serde_json::json!({
            "id": "acme-push", "name": "Acme Push", "role": "messaging",
            "used_for": "sends push notifications",
            "legal_entity": "Acme Push GmbH", "legal_entities": {"uk": "Acme Push UK Ltd"},
            "data": ["device tokens"], "countries": ["DE"], "transfer": ["sccs"],
            "privacy_policy": "https://push.example/privacy",
            "checked": "2026-12-06", "sources": ["https://push.example/dpa"],
            "unchecked": ["legal_entities", "transfer", "privacy_policy"]
        }))
        .unwrap();
        let catalog = Catalog::from_entries(vec![entry.clone()]);
        let mut a = answers(serde_json::json!([{"catalog": "acme-push"}]), "GB");
        a.audience.regions = vec![Region::Uk];
        let p = resolve(&a, &catalog).unwrap().processors[0].clone();
        assert_eq!(p.legal_entity, None, "the UK entity is unchecked");
        assert!(p.safeguard.is_empty());
        assert_eq!(p.privacy_policy_url, None);
        assert_eq!(p.countries, vec!["DE".parse::<Country>().unwrap()]);
        assert_eq!(p.data_description.as_deref(), Some("device tokens"));

        let a = answers(serde_json::json!([{"catalog": "acme-push"}]), "DE");
        let p = resolve(&a, &catalog).unwrap().processors[0].clone();
        assert_eq!(p.legal_entity.as_deref(), Some("Acme Push GmbH"));

        let undated = Entry {
            checked: None,
            sources: vec![],
            unchecked: vec![],
            ..entry
        };
        assert_eq!(
            undated.unconfirmed_facts(),
            [
                "legal_entity",
                "legal_entities",
                "countries",
                "transfer",
                "privacy_policy"
            ]
        );
        let catalog = Catalog::from_entries(vec![undated]);
        let p = resolve(&a, &catalog).unwrap().processors[0].clone();
        assert_eq!(p.legal_entity, None, "an undated entry confirms nothing");
        assert!(p.countries.is_empty());
        assert_eq!(p.data_description.as_deref(), Some("device tokens"));
    }

    /// A region's own privacy policy is used only once checked, and an unchecked one
    /// never falls back to the default policy, which belongs to another company.
    #[test]
    fn a_regions_privacy_policy_is_used_only_once_checked() {
        let entry = |unchecked: serde_json::Value| -> Entry {
            serde_json::from_value(serde_json::json!({
                "id": "acme-ai", "name": "Acme AI", "role": "ai",
                "used_for": "answers questions",
                "legal_entity": "Acme AI, Inc.",
                "privacy_policy": "https://acme-ai.example/privacy",
                "privacy_policies": {"uk": "https://acme-ai.example/uk-privacy"},
                "checked": "2026-12-06", "sources": ["https://acme-ai.example/terms"],
                "unchecked": unchecked
            }))
            .unwrap()
        };
        let url = |e: Entry, country: &str| {
            let mut a = answers(serde_json::json!([{"catalog": "acme-ai"}]), country);
            a.audience.regions = vec![Region::Uk];
            let catalog = Catalog::from_entries(vec![e]);
            resolve(&a, &catalog).unwrap().processors[0]
                .privacy_policy_url
                .clone()
        };
        let checked = entry(serde_json::json!([]));
        assert_eq!(
            url(checked.clone(), "GB").as_deref(),
            Some("https://acme-ai.example/uk-privacy")
        );
        assert_eq!(
            url(checked, "US").as_deref(),
            Some("https://acme-ai.example/privacy")
        );
        let unchecked = entry(serde_json::json!(["privacy_policies"]));
        assert_eq!(unchecked.unconfirmed_facts(), ["privacy_policies"]);
        assert_eq!(url(unchecked.clone(), "GB"), None);
        assert_eq!(
            url(unchecked, "US").as_deref(),
            Some("https://acme-ai.example/privacy")
        );
    }

    #[test]
    fn a_bare_reference_takes_everything_from_the_catalog() {
        let mut a = answers(serde_json::json!([{"catalog": "stripe"}]), "US");
        // Serving the EEA brings a transfer law, and with it a mechanism.
        a.audience.regions = vec![Region::Eea];
        let r = resolve(&a, &Catalog::builtin()).unwrap();
        let p = &r.processors[0];
        assert_eq!(p.id, "stripe");
        assert_eq!(p.name, "Stripe");
        assert_eq!(p.role, ProcessorRole::Payments);
        assert_eq!(p.purpose, "processes payments and subscriptions");
        assert_eq!(p.legal_entity.as_deref(), Some("Stripe, Inc."));
        assert_eq!(p.safeguard, Safeguard::DataPrivacyFramework.into());
        assert_eq!(
            p.privacy_policy_url.as_deref(),
            Some("https://stripe.com/privacy")
        );
        assert!(p.data_description.as_deref().unwrap().contains(" and "));
        assert!(r.problems().is_empty(), "{:?}", r.problems());
    }

    /// The entry's mechanism is the first that fits the operator's transfer laws
    /// (legal review §4.1: it was the first in the list, whatever the operator's region).
    #[test]
    fn the_mechanism_fits_the_operators_laws() {
        let c = |code: &str| -> Country { code.parse().unwrap() };
        let operator = |laws: Vec<Exporter>| Operator { region: None, laws };
        let eu = operator(vec![Exporter::Eu]);
        let offered = [Safeguard::Adequacy, Safeguard::StandardContractualClauses];
        assert_eq!(
            eu.safeguard(&offered, &[c("US")], false),
            Some(Safeguard::StandardContractualClauses.into()),
            "the US is adequate only for certified companies"
        );
        assert_eq!(
            eu.safeguard(&offered, &[c("JP")], false),
            Some(Safeguard::Adequacy.into())
        );
        assert_eq!(
            eu.safeguard(&offered, &[c("DE")], false),
            None,
            "no transfer"
        );
        let uk = operator(vec![Exporter::Uk]);
        assert_eq!(
            uk.safeguard(&offered, &[c("DE")], false),
            Some(Safeguard::Adequacy.into()),
            "the UK recognises the EEA"
        );
        assert_eq!(
            operator(Vec::new()).safeguard(&offered, &[c("US")], false),
            None
        );
        // An EEA operator that also serves the UK: one mechanism per law (FN-12).
        let both = operator(vec![Exporter::Eu, Exporter::Uk]);
        let offered = [
            Safeguard::DataPrivacyFramework,
            Safeguard::StandardContractualClauses,
            Safeguard::UkAddendum,
        ];
        assert_eq!(
            both.safeguard(&offered, &[c("US")], false),
            Some(Safeguards::new([
                Safeguard::DataPrivacyFramework,
                Safeguard::UkAddendum
            ]))
        );
        // Around the world (a CDN): the frameworks name one country, so the clauses.
        assert_eq!(
            both.safeguard(&offered, &[c("US")], true),
            Some(Safeguards::new([
                Safeguard::StandardContractualClauses,
                Safeguard::UkAddendum
            ]))
        );
        let plain = [Safeguard::Adequacy, Safeguard::StandardContractualClauses];
        assert_eq!(
            eu.safeguard(&plain, &[c("DE")], true),
            Some(Safeguard::StandardContractualClauses.into()),
            "a German company working around the world transfers data"
        );
        let derogation = [Safeguard::Consent];
        assert_eq!(
            eu.safeguard(&derogation, &[c("CN")], false),
            Some(Safeguard::Consent.into()),
            "nothing fits: the catalog's own, for check to question"
        );
    }

    /// Legal review §4: OpenAI's Irish entity went with its rest-of-world policy.
    #[test]
    fn the_region_picks_the_privacy_policy_that_goes_with_the_entity() {
        let policy = |country: &str| {
            let a = answers(serde_json::json!([{"catalog": "openai"}]), country);
            let r = resolve(&a, &Catalog::builtin()).unwrap();
            let p = r.processors[0].clone();
            (p.legal_entity.unwrap(), p.privacy_policy_url.unwrap())
        };
        let (entity, link) = policy("FR");
        assert_eq!(entity, "OpenAI Ireland Limited");
        assert_eq!(link, "https://openai.com/policies/eu-privacy-policy/");
        let (entity, link) = policy("US");
        assert_eq!(entity, "OpenAI OpCo, LLC");
        assert_eq!(link, "https://openai.com/policies/row-privacy-policy/");
    }

    #[test]
    fn given_fields_override_and_the_region_picks_the_entity() {
        let a = answers(
            serde_json::json!([{
                "id": "payments", "catalog": "stripe", "purpose": "handles billing",
                "role": "other", "countries": ["IE"], "safeguard": "sccs"
            }]),
            "DE",
        );
        let r = resolve(&a, &Catalog::builtin()).unwrap();
        let p = &r.processors[0];
        assert_eq!(p.id, "payments");
        assert_eq!(p.purpose, "handles billing");
        assert_eq!(p.role, ProcessorRole::Payments, "`other` is unplaced");
        assert_eq!(p.countries[0].code(), "IE");
        assert_eq!(p.safeguard, Safeguard::StandardContractualClauses.into());
        assert_eq!(
            p.legal_entity.as_deref(),
            Some("Stripe Payments Europe, Limited")
        );
        assert_eq!(resolve(&r, &Catalog::builtin()).unwrap(), r, "idempotent");
    }

    #[test]
    fn categories_stand_in_for_the_catalogs_data_description() {
        let mut a = answers(serde_json::json!([{"catalog": "stripe"}]), "KZ");
        a.processors[0].categories = vec!["billing".into()];
        let r = resolve(&a, &Catalog::builtin()).unwrap();
        assert_eq!(r.processors[0].data_description, None);
    }

    #[test]
    fn defaults_are_what_resolving_would_fill_in() {
        let a = answers(serde_json::json!([]), "DE");
        let record = serde_json::json!({
            "catalog": "stripe", "id": "stripe", "name": "Stripe", "role": "payments",
            "purpose": "processes payments and subscriptions",
            "privacy_policy_url": "https://example.com/stripe"
        });
        let d = defaults(&record, &a, &Catalog::builtin());
        assert_eq!(d["legal_entity"], "Stripe Payments Europe, Limited");
        assert_eq!(d["safeguard"], "dpf");
        assert!(d["data_description"].as_str().unwrap().contains(" and "));
        for given in ["id", "name", "role", "purpose", "privacy_policy_url"] {
            assert!(!d.contains_key(given), "{given} is answered");
        }
        assert!(
            !d.contains_key("countries"),
            "the catalog gives none for Stripe"
        );

        // The same values resolving puts in the policy, field by field.
        let mut with = a.clone();
        with.processors = vec![serde_json::from_value(record.clone()).unwrap()];
        let resolved = resolve(&with, &Catalog::builtin()).unwrap().processors[0].clone();
        let resolved = serde_json::to_value(resolved).unwrap();
        for (key, value) in &d {
            assert_eq!(&resolved[key], value, "{key}");
        }

        let openai = defaults(
            &serde_json::json!({"catalog": "openai", "categories": ["usage"]}),
            &a,
            &Catalog::builtin(),
        );
        assert_eq!(openai["countries"], serde_json::json!(["US"]));
        assert_eq!(openai["commitments"].as_array().unwrap().len(), 1);
        assert!(
            !openai.contains_key("data_description"),
            "categories say it"
        );
    }

    #[test]
    fn defaults_need_a_known_reference_and_survive_a_bad_field() {
        let a = answers(serde_json::json!([]), "US");
        let c = Catalog::builtin();
        assert!(defaults(&serde_json::json!({"name": "X"}), &a, &c).is_empty());
        assert!(defaults(&serde_json::json!({"catalog": "nope"}), &a, &c).is_empty());
        let draft = serde_json::json!({"catalog": "stripe", "countries": ["ZZ"]});
        assert_eq!(defaults(&draft, &a, &c)["legal_entity"], "Stripe, Inc.");
    }

    #[test]
    fn unknown_ids_are_located_with_a_suggestion() {
        let a = answers(
            serde_json::json!([
                {"id": "x", "name": "X", "role": "other", "purpose": "y"},
                {"catalog": "stripe"},
                {"catalog": "strpe"},
                {"catalog": "zzzzqqq"}
            ]),
            "US",
        );
        let problems = resolve(&a, &Catalog::builtin()).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text[0],
            "processors[2].catalog: no catalog entry \"strpe\"; did you mean \"stripe\"?"
        );
        assert!(text[1].starts_with("processors[3].catalog: no catalog entry \"zzzzqqq\""));
        assert_eq!(text.len(), 2);
    }

    #[test]
    fn answers_without_references_are_untouched() {
        let a = Answers::from_json(include_str!("../../examples/stepr.json")).unwrap();
        assert!(!needs_catalog(&a));
        assert_eq!(resolve(&a, &Catalog::builtin()).unwrap(), a);
    }
}
