//! Small pieces of English shared by the areas and [`super::format`]: lists joined with
//! "and", data categories by name, a capital letter.

use crate::answers::Short;
use crate::answers::values::Country;
use crate::policy::Policy;

/// "a", "a and b", "a, b and c".
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Category ids as their names, joined: "Usage events and Account data". Names keep
/// the operator's capitals: lowercasing would turn "Google profile" into "google profile".
pub(super) fn categories_phrase(a: &Policy, ids: &[Short]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            a.category(id)
                .map_or_else(|| id.to_string(), |c| c.name.to_string())
        })
        .collect();
    join_and(&names)
}

/// Countries as they read in a sentence ("the United States"), joined.
pub(super) fn countries_phrase(countries: &[Country]) -> String {
    let names: Vec<String> = countries.iter().map(|c| c.name_in_sentence()).collect();
    join_and(&names)
}

pub(super) fn capfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
