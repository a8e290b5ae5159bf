//! A [`Diff`] written out: plain text for a terminal, Markdown for a changelog, JSON
//! for scripts, and the notice users are sent about material changes.
//!
//! The JSON shape is stable (new keys may be added, none removed or renamed):
//!
//! ```json
//! { "old": "acme@1", "new": "acme", "material": true,
//!   "changes": [ { "area": "processors", "kind": "added", "material": true,
//!                  "reason": "new recipient",
//!                  "text": "Added processor: PostHog (analytics), receiving usage events, in Germany" } ] }
//! ```
//!
//! `area` is one of `organization`, `policy`, `audience`, `data`, `purposes`,
//! `sale_and_sharing`, `ai`, `processors`, `hosting`, `transfers`, `sharing`,
//! `retention`, `rights`, `tracking`, `security`, `extension`, `changes`,
//! `custom_sections`; `kind` is `added`, `removed` or `changed`; `reason` is the
//! materiality rule (see [`super`]) or `null`.

use serde::Serialize;

use super::phrases::join_and;
use super::{Change, Diff};
use crate::answers::Answers;
use crate::answers::values::Date;
use crate::render::markdown::escape;

/// Plain text: a heading line, then one change per line, material ones marked.
pub fn text(diff: &Diff, old_label: &str, new_label: &str) -> String {
    let mut out = format!(
        "Changes from {old_label} to {new_label}: {}.\n",
        counts(diff)
    );
    if !diff.changes.is_empty() {
        out.push('\n');
    }
    for c in &diff.changes {
        let mark = if c.material {
            "[material] "
        } else {
            "           "
        };
        out.push_str(&format!("{mark}{}\n", c.text));
    }
    out
}

/// A Markdown changelog to paste into an e-mail or a release note.
pub fn markdown(diff: &Diff, old: &Answers, new: &Answers) -> String {
    let mut out = format!("## Changes to the {}\n\n", escape(&document(new)));
    let style = new.policy.date_style;
    let mut intro = Vec::new();
    if let Some(d) = old.policy.last_updated {
        intro.push(format!("Compared with the version of {}.", d.format(style)));
    }
    if let Some(d) = new.policy.effective_date {
        intro.push(format!(
            "The new version takes effect on {}.",
            d.format(style)
        ));
    }
    if !intro.is_empty() {
        out.push_str(&intro.join(" "));
        out.push_str("\n\n");
    }
    if diff.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let (material, other): (Vec<&Change>, Vec<&Change>) =
        diff.changes.iter().partition(|c| c.material);
    for (title, list) in [("Material changes", material), ("Other changes", other)] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("### {title}\n\n"));
        for c in list {
            out.push_str(&format!("- {}.\n", escape(&c.text)));
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    old: &'a str,
    new: &'a str,
    material: bool,
    changes: &'a [Change],
}

/// The documented JSON shape (see the module's doc), pretty-printed.
pub fn json(diff: &Diff, old_label: &str, new_label: &str) -> String {
    let doc = JsonDiff {
        old: old_label,
        new: new_label,
        material: diff.is_material(),
        changes: &diff.changes,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("a diff serialises");
    text.push('\n');
    text
}

/// A drafted notice, and advice for the operator that is not part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The notice to send, or a sentence saying none is needed.
    pub text: String,
    /// How and when to send it, from the policy's own promises; and what is missing.
    pub notes: Vec<String>,
}

/// Drafts the e-mail or in-app notice the policy's "Changes" section promises: what
/// changed (material changes only), when it takes effect and where to read the policy.
pub fn notice(diff: &Diff, new: &Answers) -> Notice {
    let product = &new.organization.product_name;
    let document = document(new);
    if !diff.is_material() {
        let others = match diff.changes.len() {
            0 => "there are no changes at all".to_owned(),
            1 => "the one change is not material".to_owned(),
            n => format!("none of the {n} changes is material"),
        };
        return Notice {
            text: format!(
                "No notice is needed: {others}. Publishing the new version and its \"Last updated\" date is enough.\n"
            ),
            notes: Vec::new(),
        };
    }

    let style = new.policy.date_style;
    let mut notes = Vec::new();
    let mut out = format!("Subject: Changes to the {document}\n\nHello,\n\n");
    out.push_str(&format!("We are updating the {document}. "));
    match new.policy.effective_date {
        Some(d) => out.push_str(&format!(
            "The new version takes effect on {}.\n\n",
            d.format(style)
        )),
        None => {
            out.push_str("The new version takes effect when it is published.\n\n");
            if new.changes.in_advance == Some(true) {
                notes.push(
                    "the policy promises notice before material changes take effect, but \
                     policy.effective_date is not set; set it ahead of publication"
                        .to_owned(),
                );
            }
        }
    }
    out.push_str("What is changing:\n\n");
    for c in diff.material() {
        out.push_str(&format!("- {}.\n", c.text));
    }
    out.push('\n');
    match &new.organization.website {
        Some(site) => out.push_str(&format!(
            "You can read the updated policy on our website: {site}\n\n"
        )),
        None => {
            out.push_str(&format!(
                "You can ask us for the updated policy at {}.\n\n",
                reach(&new.organization)
            ));
            notes.push(
                "organization.website is not set, so the notice cannot say where to read the policy"
                    .to_owned(),
            );
        }
    }
    if let Some(d) = new.policy.effective_date
        && new.policy.agreement_by_use == Some(true)
    {
        out.push_str(&format!(
            "If you keep using {product} after {}, the updated policy applies to you.\n\n",
            d.format(style)
        ));
    }
    out.push_str(&format!(
        "If you have questions about these changes, write to us at {}.\n\n{product}\n",
        reach(&new.organization)
    ));

    let channels: Vec<String> = new
        .changes
        .notify_by
        .iter()
        .map(|c| c.label().to_owned())
        .collect();
    if !channels.is_empty() {
        let ahead = match (
            new.changes.in_advance == Some(true),
            new.changes.notice_period,
        ) {
            (true, Some(p)) => format!(", at least {p} before the changes take effect"),
            (true, None) => ", before the changes take effect".to_owned(),
            _ => String::new(),
        };
        notes.push(format!(
            "the policy promises to announce material changes {}{ahead}",
            join_and(&channels)
        ));
    }
    if let (Some(period), Some(effective), Some(updated)) = (
        new.changes.notice_period,
        new.policy.effective_date,
        new.policy.last_updated,
    ) && new.changes.in_advance == Some(true)
        && days_between(updated, effective) * 24 * 60 < period.approx_minutes() as i64
    {
        notes.push(format!(
            "the effective date {effective} is less than {period} after the last update {updated}"
        ));
    }
    Notice { text: out, notes }
}

/// "Stepr Privacy Policy": the product's name and the document's title.
fn document(a: &Answers) -> String {
    if a.organization.product_name.is_empty() {
        a.policy.title.clone()
    } else {
        format!("{} {}", a.organization.product_name, a.policy.title)
    }
}

fn counts(diff: &Diff) -> String {
    let n = diff.changes.len();
    let m = diff.material().count();
    match (n, m) {
        (0, _) => "no changes".to_owned(),
        (1, 1) => "1 change, material".to_owned(),
        (1, _) => "1 change, not material".to_owned(),
        (_, 0) => format!("{n} changes, none material"),
        _ => format!("{n} changes, {m} material"),
    }
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Where a notice tells people to write: the first route the operator gave, in the
/// order e-mail, contact form, issue tracker, postal address.
fn reach(o: &crate::answers::Organization) -> String {
    o.request_email()
        .or(o.contact_form.as_deref())
        .or(o.issue_tracker.as_deref())
        .map(str::to_owned)
        .or_else(|| {
            o.postal_address.as_deref().map(|a| {
                a.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
        .unwrap_or_default()
}
