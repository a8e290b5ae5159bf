//! Tera filters for section templates. Filters that build Markdown escape the
//! operator's text themselves and return it marked safe, so templates use them
//! without `| safe`, and no template can forget to escape.

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::markdown;

/// Joins words as a sentence does: "a", "a and b", "a, b, and c".
pub fn join<S: AsRef<str>>(items: &[S], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [a, b] => format!("{} {word} {}", a.as_ref(), b.as_ref()),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}, {word} {}", head.join(", "), last.as_ref())
        }
    }
}

pub fn register(tera: &mut Tera) {
    tera.register_filter("join_and", |items: &[Value], kw: Kwargs, _: &State| {
        joined(items, &kw, "and")
    });
    tera.register_filter("join_or", |items: &[Value], kw: Kwargs, _: &State| {
        joined(items, &kw, "or")
    });
    tera.register_filter("sentence", |s: &str, _: Kwargs, _: &State| sentence(s));
    tera.register_filter("capfirst", |s: &str, _: Kwargs, _: &State| capfirst(s));
    tera.register_filter("email", |s: &str, _: Kwargs, _: &State| email(s));
    tera.register_filter("link", |s: &str, kw: Kwargs, _: &State| link(s, &kw));
    tera.register_filter("paragraphs", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&markdown::paragraphs(s))
    });
    tera.register_filter("blocks", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&markdown::blocks(s))
    });
    tera.register_filter("one_line", |s: &str, _: Kwargs, _: &State| one_line(s));
    tera.register_filter("uncap", |s: &str, _: Kwargs, _: &State| uncap(s));
    tera.register_filter("code_list", |items: &[Value], _: Kwargs, _: &State| {
        code_list(items)
    });
}

fn strings(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect()
}

/// `join_and` / `join_or`; `then="..."` adds a last item ("or another jurisdiction").
fn joined(items: &[Value], kw: &Kwargs, word: &str) -> TeraResult<String> {
    let mut items = strings(items);
    if let Some(then) = kw.get::<&str>("then")? {
        items.push(then.to_owned());
    }
    Ok(join(&items, word))
}

/// Ends the text with a full stop unless it already ends a sentence.
fn sentence(s: &str) -> String {
    let s = s.trim();
    let done = s.is_empty() || s.ends_with(['.', '!', '?', ':']);
    if done { s.to_owned() } else { format!("{s}.") }
}

/// Upper-cases the first letter and leaves the rest alone (Tera's `capitalize`
/// lower-cases the rest, which would turn "API keys" into "Api keys").
fn capfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A postal address typed on several lines, as it reads on one: "Narva mnt 5, 10117
/// Tallinn, Estonia". Lines that already end with a comma keep just that one.
pub fn one_line(s: &str) -> String {
    let lines: Vec<&str> = s
        .lines()
        .map(|l| l.trim().trim_end_matches(','))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(", ")
}

/// Lower-cases the first letter when the word is an ordinary capitalised one ("We" →
/// "we"), so an answer can continue a sentence; "API", "Stripe" and the like are kept.
/// Only the pronouns and articles a sentence usually starts with are lower-cased.
pub fn uncap(s: &str) -> String {
    let s = s.trim();
    let first = s.split_whitespace().next().unwrap_or("");
    let common = [
        "We", "Our", "You", "Your", "The", "A", "An", "Users", "Affected", "All", "Each", "Every",
    ];
    if common.contains(&first) {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        s.to_owned()
    }
}

/// An e-mail address as a `mailto:` link.
fn email(address: &str) -> Value {
    Value::safe_string(&email_markdown(address))
}

/// The Markdown the `email` filter writes, for text built outside a template.
pub fn email_markdown(address: &str) -> String {
    format!(
        "[{}](mailto:{})",
        markdown::escape(address),
        url_target(address)
    )
}

/// The Markdown the `link` filter writes (the address as its own words).
pub fn link_markdown(url: &str) -> String {
    format!("[{}]({})", markdown::escape(url), url_target(url))
}

/// A web address as a link, with `text=` as its words or the address itself.
fn link(url: &str, kw: &Kwargs) -> TeraResult<Value> {
    let text = kw.get::<&str>("text")?.unwrap_or(url);
    Ok(Value::safe_string(&format!(
        "[{}]({})",
        markdown::escape(text),
        url_target(url)
    )))
}

/// A list of names in code spans, e.g. permission names.
fn code_list(items: &[Value]) -> Value {
    let spans: Vec<String> = strings(items)
        .iter()
        .map(|s| format!("`{}`", s.replace(['`', '\n', '|'], " ").trim()))
        .collect();
    Value::safe_string(&spans.join(", "))
}

/// Percent-encodes whatever could end or break a Markdown link target. Addresses are
/// already checked to be http(s) or e-mail when the answers are validated.
fn url_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_a_sentence() {
        assert_eq!(join(&["a"], "and"), "a");
        assert_eq!(join(&["a", "b"], "or"), "a or b");
        assert_eq!(
            join(&["Google", "GitHub", "Microsoft"], "or"),
            "Google, GitHub, or Microsoft"
        );
    }

    #[test]
    fn link_targets_cannot_escape() {
        assert_eq!(
            url_target("https://x.io/a(b) c"),
            "https://x.io/a%28b%29%20c"
        );
    }

    #[test]
    fn sentences_end_once() {
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(" kept 30 days "), "kept 30 days.");
        assert_eq!(capfirst("api keys"), "Api keys");
        assert_eq!(capfirst("API keys"), "API keys");
    }

    #[test]
    fn addresses_keep_their_lines_apart() {
        assert_eq!(
            one_line("Habitly OÜ\nNarva mnt 5,\n10117 Tallinn\n\nEstonia\n"),
            "Habitly OÜ, Narva mnt 5, 10117 Tallinn, Estonia"
        );
        assert_eq!(
            one_line("Musterstraße 1, 10115 Berlin"),
            "Musterstraße 1, 10115 Berlin"
        );
    }

    #[test]
    fn uncap_lowers_only_ordinary_words() {
        assert_eq!(uncap("We tell you by e-mail"), "we tell you by e-mail");
        assert_eq!(uncap("Stripe tells you"), "Stripe tells you");
        assert_eq!(uncap("API keys"), "API keys");
    }
}
