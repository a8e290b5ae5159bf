//! Filling in processors that refer to the catalog (`"catalog": "stripe"`).

use crate::answers::vocab::{ProcessorRole, Region};
use crate::answers::{Answers, Problem, Processor};

use super::{Catalog, Entry};

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
    let region = answers
        .organization
        .country
        .and_then(|c| region_of(c.code(), c.in_eea()));
    let mut resolved = answers.clone();
    let mut problems = Vec::new();
    for (i, p) in resolved.processors.iter_mut().enumerate() {
        let Some(id) = p.catalog.as_deref() else {
            continue;
        };
        match catalog.get(id) {
            Some(entry) => merge(p, entry, region),
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

fn merge(p: &mut Processor, e: &Entry, region: Option<Region>) {
    fill(&mut p.id, &e.id);
    fill(&mut p.name, &e.name);
    fill(&mut p.purpose, &e.used_for);
    // `other` is the role of a recipient nobody has placed yet.
    if p.role == ProcessorRole::Other {
        p.role = e.role;
    }
    if p.legal_entity.is_none() {
        p.legal_entity = e.legal_entity_for(region).map(str::to_owned);
    }
    if p.data_description.is_none() && p.categories.is_empty() {
        p.data_description = e.data_phrase();
    }
    if p.countries.is_empty() {
        p.countries = e.countries.clone();
    }
    if p.safeguard.is_none() {
        p.safeguard = e.transfer.first().copied();
    }
    if p.commitments.is_empty() {
        p.commitments = e.commitments.clone();
    }
    if p.privacy_policy_url.is_none() {
        p.privacy_policy_url = e.privacy_policy.clone();
    }
}

fn fill(field: &mut String, value: &str) {
    if field.trim().is_empty() {
        *field = value.to_owned();
    }
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
    use crate::answers::vocab::Safeguard;

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

    #[test]
    fn a_bare_reference_takes_everything_from_the_catalog() {
        let a = answers(serde_json::json!([{"catalog": "stripe"}]), "US");
        let r = resolve(&a, &Catalog::builtin()).unwrap();
        let p = &r.processors[0];
        assert_eq!(p.id, "stripe");
        assert_eq!(p.name, "Stripe");
        assert_eq!(p.role, ProcessorRole::Payments);
        assert_eq!(p.purpose, "processes payments and subscriptions");
        assert_eq!(p.legal_entity.as_deref(), Some("Stripe, Inc."));
        assert_eq!(p.safeguard, Some(Safeguard::DataPrivacyFramework));
        assert_eq!(
            p.privacy_policy_url.as_deref(),
            Some("https://stripe.com/privacy")
        );
        assert!(p.data_description.as_deref().unwrap().contains(" and "));
        assert!(r.problems().is_empty(), "{:?}", r.problems());
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
        assert_eq!(p.safeguard, Some(Safeguard::StandardContractualClauses));
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
