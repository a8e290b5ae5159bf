//! Tera filters for section templates. Each one that returns Markdown escapes the
//! operator's text itself, so templates mark only those results `| safe`.

use std::collections::HashMap;

use tera::{Result, Tera, Value, to_value, try_get_value};

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
    tera.register_filter("join_and", |v: &Value, _: &HashMap<String, Value>| {
        joined(v, "and", "join_and")
    });
    tera.register_filter("join_or", |v: &Value, _: &HashMap<String, Value>| {
        joined(v, "or", "join_or")
    });
    tera.register_filter("sentence", sentence);
    tera.register_filter("capfirst", capfirst);
    tera.register_filter("email", email);
    tera.register_filter("link", link);
    tera.register_filter("paragraphs", paragraphs);
    tera.register_filter("code_list", code_list);
}

fn joined(v: &Value, word: &str, name: &str) -> Result<Value> {
    let items = try_get_value!(name, "value", Vec<String>, v);
    Ok(to_value(join(&items, word))?)
}

/// Ends the text with a full stop unless it already ends a sentence.
fn sentence(v: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let s = try_get_value!("sentence", "value", String, v);
    let s = s.trim();
    let done = s.ends_with(['.', '!', '?', ':']) || s.is_empty();
    Ok(to_value(if done { s.to_owned() } else { format!("{s}.") })?)
}

/// Upper-cases the first letter and leaves the rest alone (Tera's `capitalize`
/// lower-cases the rest, which would turn "API keys" into "Api keys").
fn capfirst(v: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let s = try_get_value!("capfirst", "value", String, v);
    let mut chars = s.chars();
    let out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    Ok(to_value(out)?)
}

/// An e-mail address as a `mailto:` link (Markdown, escaped; mark it safe).
fn email(v: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let address = try_get_value!("email", "value", String, v);
    Ok(to_value(format!(
        "[{}](mailto:{})",
        markdown::escape(&address),
        url_target(&address)
    ))?)
}

/// A web address as a link, with `text=` as its words or the address itself
/// (Markdown, escaped; mark it safe).
fn link(v: &Value, args: &HashMap<String, Value>) -> Result<Value> {
    let url = try_get_value!("link", "value", String, v);
    let text = match args.get("text") {
        Some(t) => try_get_value!("link", "text", String, t),
        None => url.clone(),
    };
    Ok(to_value(format!(
        "[{}]({})",
        markdown::escape(&text),
        url_target(&url)
    ))?)
}

/// Operator text with paragraphs (Markdown, escaped; mark it safe).
fn paragraphs(v: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = try_get_value!("paragraphs", "value", String, v);
    Ok(to_value(markdown::paragraphs(&text))?)
}

/// A list of names in code spans, e.g. permission names (Markdown, escaped; mark it safe).
fn code_list(v: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let items = try_get_value!("code_list", "value", Vec<String>, v);
    let spans: Vec<String> = items
        .iter()
        .map(|s| {
            let s = s.replace(['`', '\n', '|'], " ");
            format!("`{}`", s.trim())
        })
        .collect();
    Ok(to_value(spans.join(", "))?)
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
        assert_eq!(join(&["Google", "GitHub", "Microsoft"], "or"), "Google, GitHub, or Microsoft");
    }

    #[test]
    fn link_targets_cannot_escape() {
        assert_eq!(url_target("https://x.io/a(b) c"), "https://x.io/a%28b%29%20c");
    }
}
