//! The two examples reproduce the two founders' policies (copied from
//! `../shared/seeds/` into `tests/fixtures/seeds/`): every fact a seed states must be
//! in the rendered policy, under a fitting heading; and every sentence of the rendered
//! policy must come from the seed or be on that seed's reviewed list, which says why
//! each may be there (an answer restating the seed, or a served region's law).
//!
//! Facts are checked in the plain-text rendering with whitespace folded, so wrapping
//! cannot hide or fake a match; each fact names the section it must appear in.

use std::collections::HashSet;

use policywright::answers::Answers;
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

fn render(example: &str) -> String {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let answers = Answers::from_json(&text).unwrap();
    let renderer = Renderer::new(None).unwrap();
    let policy = Policy::with_builtin_catalog(&answers).unwrap();
    renderer.render(&policy, Format::Text).unwrap()
}

/// Splits the text policy into (heading, folded body) by its numbered `N. Title` headings.
fn sections(policy: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![("(top)".to_owned(), String::new())];
    let lines: Vec<&str> = policy.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let underlined = lines.get(i + 1).is_some_and(|next| {
            !next.is_empty() && next.chars().all(|c| c == '-') && next.len() == line.len()
        });
        if underlined {
            out.push((line.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(' ');
            last.1.push_str(line);
        }
    }
    out.into_iter()
        .map(|(h, body)| (h, body.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

fn assert_facts(example: &str, facts: &[(&str, &str)]) {
    let policy = render(example);
    let sections = sections(&policy);
    let mut missing = Vec::new();
    for (heading, fact) in facts {
        let found = sections
            .iter()
            .any(|(h, body)| h.contains(heading) && body.contains(fact));
        if !found {
            missing.push(format!("  under \"{heading}\": {fact}"));
        }
    }
    assert!(
        missing.is_empty(),
        "{example}: facts missing from the rendered policy:\n{}\n\n{policy}",
        missing.join("\n")
    );
}

#[test]
fn stepr_states_every_fact_of_its_seed() {
    assert_facts(
        "stepr",
        &[
            ("(top)", "Last updated: April 17, 2026"),
            ("(top)", "Effective: April 17, 2026"),
            (
                "(top)",
                "record workflows in their browser (clicks, form input, screenshots, page URLs)",
            ),
            // The seed names no legal person as controller ("Controller: aziviled@gmail.com
            // (sole developer / operator)"); the product's name is not one.
            ("Who we are", "Operator: sole developer, Kazakhstan"),
            ("Who we are", "aziviled@gmail.com"),
            (
                "What we collect",
                "Interactions, collected only while you record a tab, after you press \"Start recording\"",
            ),
            (
                "What we collect",
                "click, type, scroll, keyboard shortcut, navigation",
            ),
            (
                "What we collect",
                "its role and ARIA label, and the CSS and XPath selectors",
            ),
            ("What we collect", "a PNG of the visible viewport"),
            // The seed says "We do not record video or audio" yet declares the
            // `offscreen` permission to "Capture microphone input for optional
            // voice-annotated steps" (legal review FN-11): the example keeps the
            // permission, drops "or audio" and says what the microphone captures.
            ("What we collect", "We do not record video"),
            (
                "What we collect",
                "the microphone input captured for a voice-annotated step",
            ),
            ("What we collect", "Page URLs and titles"),
            (
                "What we collect",
                "characters you type inside input fields of the tab you chose to record",
            ),
            ("What we collect", "We do not read background tabs"),
            (
                "What we collect",
                "Recording is explicit and user-initiated",
            ),
            (
                "What we collect",
                "No data is captured outside of an active recording session",
            ),
            (
                "What we collect",
                "your email address (from direct sign-up or Google OAuth)",
            ),
            (
                "What we collect",
                "a hashed password (only for email sign-ups; we never store your plain password)",
            ),
            ("What we collect", "profile picture URL via OAuth"),
            (
                "What we collect",
                "IP address, user agent, request path, response status, and timestamps",
            ),
            (
                "What we do not collect",
                "We do not read pages or capture input from tabs you are not actively recording",
            ),
            (
                "What we do not collect",
                "We do not track your browsing history across the web",
            ),
            ("What we do not collect", "logged as \"[redacted]\""),
            (
                "How we use",
                "Without your explicit, separately collected consent, we do not train machine-learning models on your data",
            ),
            ("Who we share it with", "Yandex Cloud Kazakhstan"),
            ("Who we share it with", "standard cloud services agreement"),
            ("Who we share it with", "Google"),
            (
                "Who we share it with",
                "Only if you choose to sign in with Google",
            ),
            ("Who we share it with", "Let's Encrypt"),
            (
                "Who we share it with",
                "Only the fact that we requested certificates for stepr.kz",
            ),
            (
                "Who we share it with",
                "We do not sell your personal information",
            ),
            // The founder's own wider words, in the founder's own list.
            (
                "What we do not collect",
                "We do not sell, rent, or trade your data to any third party",
            ),
            (
                "Where your data is stored",
                "over HTTPS to our servers at https://api.stepr.kz",
            ),
            (
                "Where your data is stored",
                "PostgreSQL (Yandex Cloud Kazakhstan Managed PostgreSQL, Kazakhstan): holds workflows, accounts, and team membership",
            ),
            (
                "Where your data is stored",
                "Object Storage (Yandex Cloud Kazakhstan Object Storage, Kazakhstan): holds screenshots. S3-compatible, in a private bucket with scoped keys",
            ),
            (
                "Where your data is stored",
                "Redis (Yandex Cloud Kazakhstan Managed Redis, Kazakhstan): holds ephemeral session state and queueing",
            ),
            (
                "Where your data is stored",
                "All data is hosted within Kazakhstan and governed by Kazakh law",
            ),
            (
                "Where your data is stored",
                "We do not transfer personal data outside Kazakhstan",
            ),
            (
                "Sharing and visibility",
                "Workflows are private to their owner by default",
            ),
            (
                "Sharing and visibility",
                "Visible to specific people you invite by e-mail",
            ),
            ("Sharing and visibility", "Visible to a team you created"),
            ("Sharing and visibility", "Visible to anyone with the link"),
            (
                "Sharing and visibility",
                "We do not re-share your workflows beyond the scopes you set",
            ),
            ("How long", "Workflows and screenshots"),
            ("How long", "Until your account is deleted"),
            ("How long", "Logs: 30 days, rolling"),
            (
                "How long",
                "Deleting a workflow removes its screenshots from Object Storage within 24 hours",
            ),
            (
                "How long",
                "Deleting your account (at any time, from the dashboard settings) removes your workflows, screenshots, team memberships, and profile data",
            ),
            ("Your rights", "Wherever you live, you have the right to"),
            (
                "Your rights",
                "Access a copy of your data via dashboard export",
            ),
            ("Your rights", "Correct your data via your profile page"),
            (
                "Your rights",
                "Delete your account and associated data via dashboard settings or by emailing us",
            ),
            ("Your rights", "Ask us what data we hold about you"),
            (
                "Your rights",
                "outside the app by e-mailing aziviled@gmail.com",
            ),
            (
                "Your rights",
                "access, rectification, erasure, restriction of processing, data portability and objection",
            ),
            ("Your rights", "\"On Personal Data and their Protection\""),
            ("Permissions", "requests these Chrome permissions"),
            ("Permissions", "none is used for tracking or advertising"),
            (
                "Permissions",
                "activeTab, tabs, scripting: Inject the recording script into the tab you explicitly choose to record",
            ),
            (
                "Permissions",
                "<all_urls>: Record workflows on any website you choose. We only act on a tab when you start a recording in it",
            ),
            (
                "Permissions",
                "storage: Remember your login token and preferences locally in the browser",
            ),
            (
                "Permissions",
                "sidePanel: Render Stepr's controls in Chrome's side panel",
            ),
            (
                "Permissions",
                "offscreen: Capture microphone input for optional voice-annotated steps, when you opt in",
            ),
            ("Permissions", "webNavigation: Detect page transitions"),
            (
                "Permissions",
                "notifications: Notify you when a long-running recording upload finishes",
            ),
            (
                "Permissions",
                "identity: Complete the Google Sign-In OAuth flow",
            ),
            (
                "Permissions",
                "alarms: Refresh your login token before it expires",
            ),
            ("Security", "All traffic uses TLS 1.2+"),
            (
                "Security",
                "Passwords are hashed with bcrypt before storage",
            ),
            (
                "Security",
                "OAuth tokens are issued and verified server-side",
            ),
            (
                "Security",
                "scoped static credentials issued to a dedicated service account with read/write only to the Stepr bucket",
            ),
            ("Security", "No service can guarantee perfect security"),
            ("Changes to this policy", "\"Last updated\" date"),
            (
                "Changes to this policy",
                "with a notice in the app before they take effect",
            ),
            ("Contact", "aziviled@gmail.com"),
        ],
    );
}

#[test]
fn specstep_states_every_fact_of_its_seed() {
    assert_facts(
        "specstep",
        &[
            ("(top)", "Last updated: 2026-05-01"),
            (
                "(top)",
                "provides an agentic documentation-generation service, available at specstep.com",
            ),
            // The seed's "By using SpecStep, you agree to the practices described here":
            // use is not consent (GDPR Art. 4(11), 7), so the wish is kept as a request.
            ("(top)", "Please read this policy before using SpecStep"),
            ("Who we are", "hello@specstep.com"),
            (
                "What we collect",
                "when you sign in via Google, GitHub, or Microsoft: your email, display name, and the identity provider's stable user identifier",
            ),
            ("What we collect", "We do not see or store your password"),
            (
                "What we collect",
                "contact phone number, SMS phone number (verified via a 6-digit code), and notification preferences",
            ),
            (
                "What we collect",
                "the conversation you have with the SpecStep agents",
            ),
            ("What we collect", "(PDFs, design references, prior specs)"),
            (
                "What we collect",
                "when you opt in to repo delivery: the GitHub or Azure DevOps repository details",
            ),
            (
                "What we collect",
                "(rubric scores, agent reviews, decision logs)",
            ),
            (
                "What we collect",
                "a salted SHA-256 hash plus the first 8 characters",
            ),
            (
                "What we collect",
                "shown to you exactly once at creation and never stored",
            ),
            (
                "What we collect",
                "timestamps, costs, error rates, LLM provider and model identifiers, and token counts",
            ),
            (
                "What we collect",
                "(sign-ins, generations started and completed, role changes, billing events)",
            ),
            (
                "What we collect",
                "Unverified emails do not auto-link to existing accounts",
            ),
            (
                "What we collect",
                "(started, renewed, canceled, payment failed)",
            ),
            (
                "What we collect",
                "never card numbers, CVCs, or full bank details",
            ),
            ("What we collect", "delivery telemetry (delivered, bounced)"),
            (
                "What we do not collect",
                "Payment card details. Stripe handles billing; we never see card numbers",
            ),
            (
                "What we do not collect",
                "Source code from your projects, unless you explicitly attach a reference document",
            ),
            (
                "What we do not collect",
                "Files from your computer beyond what you explicitly upload",
            ),
            (
                "What we do not collect",
                "Browser fingerprints, advertising identifiers, or cross-site tracking signals",
            ),
            (
                "How we use",
                "To run the service. Provision your account, run generations, deliver packages",
            ),
            ("How we use", "To bill you. Track your subscription tier"),
            ("How we use", "To support you."),
            (
                "How we use",
                "may receive a notification email when you sign up",
            ),
            (
                "How we use",
                "To improve the service. Aggregate, anonymized usage statistics",
            ),
            (
                "How we use",
                "To comply with law. Respond to legitimate legal requests, prevent fraud or abuse",
            ),
            (
                "How we use",
                "We do not train machine-learning models on the content of your interviews or generations",
            ),
            ("Who we share it with", "AI model providers"),
            (
                "Who we share it with",
                "SpecStep sends data to Anthropic and OpenAI",
            ),
            (
                "Who we share it with",
                "Has committed to not training its public models on data sent through its commercial API",
            ),
            (
                "Who we share it with",
                "We send the minimum necessary data and redact obvious secrets before sending",
            ),
            (
                "Who we share it with",
                "Your interview content and intermediate artifacts",
            ),
            ("Who we share it with", "Microsoft Azure"),
            (
                "Who we share it with",
                "the database (PostgreSQL), the cache (Redis), and the blob storage for packages",
            ),
            ("Who we share it with", "Azure Communication Services"),
            ("Who we share it with", "Sends transactional email and SMS"),
            ("Who we share it with", "Stripe"),
            (
                "Who we share it with",
                "Provides DNS for the specstep.com domain",
            ),
            (
                "Who we share it with",
                "We do not sell your personal information",
            ),
            (
                "Who we share it with",
                "We do not share it with advertisers or data brokers",
            ),
            (
                "Who we share it with",
                "We do not use it for any purpose unrelated to operating SpecStep",
            ),
            (
                "International transfers",
                "SpecStep is operated from the United States",
            ),
            // The seed's "By using the service, you consent to your information being
            // processed in the United States" is not consent (GDPR Art. 4(11), 49(1)(a));
            // the transfer, its basis as answered and the seed's warning remain.
            (
                "International transfers",
                "United States, on the basis of your consent",
            ),
            (
                "International transfers",
                "Privacy laws there may differ from those in your country",
            ),
            ("How long", "Account and profile"),
            ("How long", "within 30 days"),
            (
                "How long",
                "all linked data (generations, packages, API keys, subscriptions)",
            ),
            (
                "How long",
                "Until you delete them or the retention window for your subscription tier elapses",
            ),
            ("How long", "You can change this in Settings → Retention"),
            (
                "How long",
                "Usage telemetry (detailed traces) How long we keep it: 90 days",
            ),
            ("How long", "Aggregated billing records"),
            ("How long", "Required for tax and accounting purposes"),
            ("How long", "7 years"),
            (
                "How long",
                "SMS verification codes How long we keep it: 10 minutes, or until successful verification",
            ),
            ("How long", "Hashed in transit"),
            (
                "How long",
                "API key hashes How long we keep it: Until you revoke the key",
            ),
            (
                "How long",
                "Account deletion is permanent and cascades to all linked data",
            ),
            (
                "Your rights",
                "Access the personal information we hold about you",
            ),
            (
                "Your rights",
                "Export your generated packages and account data via the Data Export tab in Settings",
            ),
            (
                "Your rights",
                "Correct any inaccurate information by editing your profile or emailing hello@specstep.com",
            ),
            (
                "Your rights",
                "Delete your account at any time via Settings → Delete account",
            ),
            (
                "Your rights",
                "Opt out of non-essential email and SMS notifications via Settings → Notifications",
            ),
            (
                "Your rights",
                "Withdraw consent for any optional data processing",
            ),
            // The seed's open-ended "or another jurisdiction with specific privacy rights,
            // those rights apply ... regardless of where we operate" is not repeated: each
            // served region's rights are stated under its own heading instead.
            ("Your rights", "If you are in the EEA or the UK"),
            ("Your rights", "If you are in California"),
            ("Security", "TLS 1.2+ for all network traffic"),
            (
                "Security",
                "Encryption at rest for the database and blob storage",
            ),
            ("Security", "Hashed API key storage"),
            ("Security", "Scoped access for infrastructure operators"),
            ("Security", "Structured audit logging"),
            ("Security", "Short-lived verification codes for SMS"),
            (
                "Security",
                "No system is perfectly secure; if you have reason to believe your account has been compromised, contact us immediately",
            ),
            (
                "Children",
                "SpecStep is intended for software developers and is not directed to children under 16",
            ),
            (
                "Children",
                "We do not knowingly collect information from children",
            ),
            ("Children", "we will delete the information"),
            (
                "Changes to this policy",
                "When we change this policy, we update the \"Last updated\" date at the top",
            ),
            (
                "Changes to this policy",
                "material changes (for example, new categories of data sharing) by e-mail to your account address before they take effect",
            ),
            (
                "Contact",
                "Questions, requests, or complaints about privacy: hello@specstep.com",
            ),
        ],
    );
}

// ---------------------------------------------------------------------------------
// The reverse direction: the rendered policy adds no claim beyond the seed, except
// the sentences on the seed's reviewed list below, each with why it may be there (an
// answer that states it in other words, or the law of a region the seed serves).

/// Lower-case words only: punctuation, quotes and line wrapping do not count.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace(['’', '\''], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn bigrams(words: &[String]) -> Vec<String> {
    words
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// Labels the layout puts before an answer ("What it receives: ..."): structure, not
/// claims, so they are not compared.
const LABELS: &[&str] = &[
    "What it does:",
    "What it receives:",
    "Where:",
    "Data used:",
    "Legal basis:",
    "Operator:",
    "Controller:",
    "Operated from:",
    "Website:",
    "Privacy questions and requests:",
    "Postal address:",
    "Last updated:",
    "Effective:",
    "How long we keep it:",
    "Notes:",
    "What it is used for:",
    "What it covers:",
    "Sources:",
    "Disclosed for a business purpose to:",
];

/// The sentences of the plain-text policy, headings and the contents list left out.
fn sentences(policy: &str) -> Vec<String> {
    let lines: Vec<&str> = policy.lines().collect();
    let mut blocks: Vec<String> = vec![String::new()];
    let mut in_contents = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let underlined = lines.get(i + 1).is_some_and(|next| {
            !next.is_empty() && next.chars().all(|c| c == '-') && next.len() == line.len()
        });
        let is_rule = !trimmed.is_empty() && trimmed.chars().all(|c| c == '-');
        let subsection = trimmed.split_once(' ').is_some_and(|(n, _)| {
            n.contains('.') && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        });
        if trimmed == "Contents" {
            in_contents = true;
            continue;
        }
        if in_contents && trimmed.is_empty() && i > 0 && !lines[i - 1].trim().is_empty() {
            in_contents = false;
            continue;
        }
        if in_contents || underlined || is_rule || subsection || i < 2 {
            blocks.push(String::new());
            continue;
        }
        if trimmed.is_empty()
            || trimmed.starts_with("- ")
            || LABELS.iter().any(|l| trimmed.starts_with(l))
        {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().unwrap();
        last.push(' ');
        last.push_str(trimmed.trim_start_matches("- "));
    }
    let mut out = Vec::new();
    for block in blocks {
        let block = block.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut current = String::new();
        let chars: Vec<char> = block.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            current.push(c);
            let ends = matches!(c, '.' | '?' | '!' | ';' | ':')
                && chars.get(i + 1).is_none_or(|n| *n == ' ');
            if ends {
                out.push(current.trim().to_owned());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_owned());
        }
    }
    let labels: Vec<Vec<String>> = LABELS.iter().map(|l| words(l)).collect();
    out.into_iter()
        .filter(|s| !words(s).is_empty() && !labels.contains(&words(s)))
        .collect()
}

/// A rendered sentence traces to the seed when three quarters of its word pairs are
/// the seed's (one-word sentences: the word is). Reordered or reworded claims do not.
fn in_seed(sentence: &str, seed_pairs: &HashSet<String>, seed_words: &HashSet<String>) -> bool {
    let w = words(sentence);
    if w.len() == 1 {
        return seed_words.contains(&w[0]);
    }
    let pairs = bigrams(&w);
    let found = pairs.iter().filter(|p| seed_pairs.contains(*p)).count();
    found * 4 >= pairs.len() * 3
}

fn assert_nothing_beyond(example: &str, seed_file: &str, allowed: &[(&str, &str)]) {
    let seed_path = format!(
        "{}/tests/fixtures/seeds/{seed_file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let seed = std::fs::read_to_string(&seed_path).unwrap();
    let seed_words_list = words(&seed);
    let seed_pairs: HashSet<String> = bigrams(&seed_words_list).into_iter().collect();
    let seed_words: HashSet<String> = seed_words_list.into_iter().collect();
    let allowed_words: Vec<(Vec<String>, &str)> =
        allowed.iter().map(|(s, _)| (words(s), *s)).collect();
    let policy = render(example);
    let mut used = vec![false; allowed.len()];
    let mut beyond = Vec::new();
    for sentence in sentences(&policy) {
        if in_seed(&sentence, &seed_pairs, &seed_words) {
            continue;
        }
        let w = words(&sentence).join(" ");
        // An entry covers a sentence it makes up at least half of, so a short entry
        // cannot wave through a long sentence that merely contains it.
        let count = words(&sentence).len();
        match allowed_words
            .iter()
            .position(|(a, _)| w.contains(&a.join(" ")) && a.len() * 2 >= count)
        {
            Some(i) => used[i] = true,
            None => beyond.push(format!("  {sentence}")),
        }
    }
    let stale: Vec<_> = allowed
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((s, _), _)| format!("  {s}"))
        .collect();
    assert!(
        beyond.is_empty() && stale.is_empty(),
        "{example}: sentences beyond the seed and its reviewed list:\n{}\n\
         reviewed sentences no longer rendered (remove them from the list):\n{}",
        beyond.join("\n"),
        stale.join("\n"),
    );
}

/// What the Stepr render says beyond its seed, each reviewed. An entry matches any
/// rendered sentence that contains its words.
const STEPR_BEYOND_SEED: &[(&str, &str)] = &[
    // Structure built from answers that restate the seed.
    (
        "This Privacy Policy explains what information we collect, how we use it, where it is kept, who we share it with, and what rights you have over it",
        "the seed's own overview, listing the sections the answers fill",
    ),
    (
        "sole developer, Kazakhstan",
        "seed: \"Operator: Stepr (sole developer, Republic of Kazakhstan)\"",
    ),
    ("https://stepr.kz", "the website; the seed names stepr.kz"),
    (
        "collected only while you record a tab",
        "seed: \"When you press Start recording ... from the tab you are recording\"",
    ),
    (
        "Account data, collected when you create an account",
        "seed: \"To create an account, we store\"",
    ),
    (
        "Technical data, collected when you use the app",
        "seed: \"When you use the app we log\"",
    ),
    (
        "Google sign-in profile, from Google",
        "seed: \"Google supplies us with your email, display name, and profile picture\"",
    ),
    (
        "holds screenshots",
        "seed: \"Object Storage ... for screenshots\"",
    ),
    (
        "Until your account is deleted",
        "seed: \"kept as long as your account exists\"",
    ),
    (
        "Privacy policy (https://policies.google.com/privacy)",
        "seed: \"Google's privacy policy applies to that flow\"; the answer links it",
    ),
    (
        "Visible to specific people you invite by e-mail",
        "seed: \"Visible to specific people (by email invite)\"",
    ),
    (
        "These visibility settings are under your control",
        "seed: \"These visibility changes are under your control\"",
    ),
    (
        "Wherever you live, you have the right to",
        "seed: \"Regardless of jurisdiction you can\"",
    ),
    (
        "You can also exercise any of these rights outside the app by e-mailing aziviled@gmail.com",
        "seed: \"To request data export or immediate deletion outside the in-app flow, email\"",
    ),
    (
        "We protect your information with these measures",
        "the lead-in to the seed's own list of measures",
    ),
    (
        "We will announce material changes with a notice in the app before they take effect",
        "seed: \"post a notice in the app before the change takes effect\"",
    ),
    (
        "When we change this policy, we update the \"Last updated\" date at the top",
        "seed: \"we will update the Last updated date above\"",
    ),
    (
        "Questions, requests, or complaints about privacy",
        "seed: \"Contact us at that email for any privacy question or request\"",
    ),
    (
        "Your data is sent over HTTPS to our servers at https://api.stepr.kz, and is stored in",
        "seed: \"transmitted over HTTPS to our backend at https://api.stepr.kz and stored in\"",
    ),
    (
        "We do not sell your personal information",
        "seed: \"We do not sell, rent, or trade your data\" (answer sells: false)",
    ),
    // Answers the example adds to the seed, reviewed as faithful to it.
    (
        "You need to provide this",
        "answer required: true; GDPR Art. 13(2)(e)",
    ),
    (
        "without an email address we cannot create your account",
        "answer if_not_provided; GDPR Art. 13(2)(e)",
    ),
    (
        "To record and build your workflows",
        "purpose inferred from the seed's description; GDPR Art. 13(1)(c)",
    ),
    (
        "Capture the interactions, screenshots, page URLs and typed text of the tab you record (and, if you opt in, your voice annotations), and turn them into step-by-step documents",
        "seed: \"turn those recordings into step-by-step documents\"; the voice annotations \
         are the seed's offscreen permission (\"optional voice-annotated steps, when you opt in\")",
    ),
    (
        "Interactions, Screenshots, Voice annotations, Page URLs and titles, and Typed text",
        "the purpose's categories, named as the seed names them",
    ),
    // The seed's microphone permission as the data it collects (legal review FN-11).
    (
        "Voice annotations, collected only while you record a tab, and only if you opt in to voice-annotated steps:",
        "seed: offscreen permission, \"Capture microphone input for optional voice-annotated \
         steps, when you opt in\"",
    ),
    (
        "the microphone input captured for a voice-annotated step.",
        "seed: offscreen permission, \"Capture microphone input\"",
    ),
    (
        "Providing this is optional.",
        "answer required: false; the seed's \"optional ... when you opt in\"; GDPR Art. 13(2)(e)",
    ),
    (
        "To run your account",
        "purpose inferred from the seed's account data; GDPR Art. 13(1)(c)",
    ),
    (
        "Create and secure your account, sign you in, and keep your workflows, teams and sharing settings",
        "the account purpose, in the seed's terms",
    ),
    (
        "Account data and Google sign-in profile",
        "the purpose's categories",
    ),
    (
        "To operate the service",
        "seed: \"the standard request metadata any web service needs to operate\"",
    ),
    (
        "Serve requests, keep the service running and investigate errors",
        "the operating purpose of the seed's request logs",
    ),
    (
        "Interactions, Screenshots, Page URLs and titles, Typed text, Account data, and Technical data",
        "what the host receives: the seed's \"hosts our servers and databases\"",
    ),
    (
        "The fact that you sign in to Stepr with your Google account",
        "what Google receives in the seed's OAuth flow",
    ),
    (
        "no personal data",
        "seed: \"They see only the fact that we requested certificates\"",
    ),
    (
        "Without your explicit, separately collected consent, we do not train machine-learning models on your data",
        "seed: \"We do not use your data to train machine-learning models without explicit, separately-collected consent\"",
    ),
    // Required by the law of a region Stepr serves (EEA, UK, Kazakhstan).
    (
        "Under the GDPR and the UK GDPR, and subject to the conditions the law sets, you have the rights of access, rectification, erasure, restriction of processing, data portability and objection",
        "GDPR Art. 13(2)(b); seed: \"Residents of the EU / UK have GDPR rights\"",
    ),
    (
        "You have the right to lodge a complaint with a supervisory authority, in particular in the country where you live or work or where you believe an infringement took place",
        "GDPR Art. 13(2)(d), 77",
    ),
    (
        "In the UK, this is the Information Commissioner's Office",
        "UK GDPR Art. 77; DPA 2018 s. 165",
    ),
    (
        "Under the Law of the Republic of Kazakhstan \"On Personal Data and their Protection\", you have the rights to know whether we hold your personal data and to receive it, to have it corrected, blocked or destroyed, to withdraw your consent, and to protect your rights in court or before the authorized body",
        "Law No. 94-V Art. 24; seed: \"rights under the Law On Personal Data and their Protection\"",
    ),
];

#[test]
fn stepr_adds_nothing_beyond_its_seed() {
    assert_nothing_beyond("stepr", "002_00d80c044a750b1d.txt", STEPR_BEYOND_SEED);
}

/// What the SpecStep render says beyond its seed, each reviewed.
const SPECSTEP_BEYOND_SEED: &[(&str, &str)] = &[
    (
        "We protect your information with these measures",
        "the lead-in to the seed's own list of measures (the seed: \"technical and organizational measures including TLS 1.2+ ...\"), which names no kind of measure the answers do not",
    ),
    // The CCPA table's "disclosed for a business purpose to" column (1798.110(c)(4),
    // 1798.130(a)(5)(C)(ii)): the roles of the recipients the seed names for each
    // category.
    (
        "E-mail and SMS",
        "seed: Azure Communication Services sends e-mail (account identity, delivery telemetry)",
    ),
    (
        "Payments",
        "seed: Stripe takes payment (subscription state)",
    ),
    (
        "AI model providers",
        "seed: the AI providers receive interview content",
    ),
    // Structure built from answers that restate the seed.
    (
        "Please read this policy before using SpecStep",
        "seed: \"By using SpecStep, you agree...\", kept lawfully (use is not consent, GDPR Art. 4(11), 7)",
    ),
    ("https://specstep.com", "seed: \"operated at specstep.com\""),
    (
        "API keys, collected when you create them",
        "seed: \"API keys: when you create them\"",
    ),
    (
        "Email verification status, from your identity provider",
        "seed: \"Identity providers ... tell us your email is verified or not\"",
    ),
    (
        "Subscription state, from Stripe",
        "seed: \"Stripe ... notifies us ... of subscription state changes\"",
    ),
    (
        "Message delivery telemetry, from Azure Communication Services",
        "seed: \"Azure Communication Services ... delivery telemetry\"",
    ),
    (
        "Account identity, Profile fields you set, Interview content, Reference documents, Source-control configuration, Generated packages, API keys, Usage telemetry, Email verification status, and Message delivery telemetry",
        "the purpose's categories, named as the seed names them",
    ),
    (
        "Subscription state and Usage telemetry",
        "the billing purpose's categories",
    ),
    (
        "We do not train machine-learning models on the content of your interviews or generations",
        "seed: \"We do not use the content of your interviews or generations to train any LLM\"",
    ),
    (
        "All the data described in this policy, as our host",
        "seed: \"Microsoft Azure: hosts the application, the database...\"",
    ),
    (
        "SpecStep sends data to Anthropic and OpenAI to provide its AI features",
        "seed: \"SpecStep sends your interview content ... to large language model providers (currently Anthropic and OpenAI)\"",
    ),
    ("what each receives is listed below", "points to the table"),
    (
        "Large language model provider",
        "seed: \"large language model providers\"",
    ),
    (
        "runs the agents that produce your package",
        "seed: \"so the agents can produce your package\"",
    ),
    (
        "Has committed to not training its public models on data sent through its commercial API",
        "seed: \"Both providers have committed to not training their public models...\"",
    ),
    (
        "The payment details you enter at checkout, which go to Stripe directly and which we never see, and your subscription state",
        "seed: \"Stripe handles checkout and payment-method capture\"; \"we never see card numbers\"",
    ),
    (
        "Your email address or phone number and the message we send you",
        "what ACS needs to \"send transactional email and SMS\" (seed)",
    ),
    (
        "The DNS lookups for specstep.com made by your device",
        "example answer for the seed's \"Cloudflare: provides DNS\"; reviewed (legal.md 2.1)",
    ),
    (
        "We transfer personal information to",
        "lead-in to the seed's transfer to the United States",
    ),
    (
        "United States, on the basis of your consent",
        "seed: \"you consent to your information being processed in the United States\"; check warns (GDPR Art. 49(1)(a))",
    ),
    (
        "Until your account is deleted (as long as your account is active)",
        "seed: \"as long as your account is active\"",
    ),
    (
        "You can change this in Settings → Retention",
        "seed: \"configurable in Settings → Retention\"",
    ),
    (
        "Usage telemetry (detailed traces)",
        "seed: \"90 days for detailed traces\"",
    ),
    (
        "Until tax and accounting law no longer requires them (typically 7 years)",
        "seed: \"required for tax + accounting purposes, typically 7 years\"",
    ),
    (
        "Required for tax and accounting purposes",
        "seed, same words",
    ),
    (
        "10 minutes, or until successful verification, whichever comes first",
        "seed: \"deleted after 10 minutes or after successful verification\"",
    ),
    (
        "Deleting your account (Settings → Delete account) removes your account and all linked data",
        "seed: \"Deleted accounts are removed within 30 days, including all linked data\"",
    ),
    (
        "You can also exercise any of these rights outside the app by e-mailing hello@specstep.com",
        "seed: \"Questions, requests ... hello@specstep.com\"",
    ),
    (
        "When we change this policy, we update the \"Last updated\" date at the top",
        "seed: \"The Last updated date at the top of this page reflects the current version\"",
    ),
    (
        "We will announce material changes (for example, new categories of data sharing) by e-mail to your account address before they take effect",
        "seed: \"Material changes (e.g., new categories of data sharing) will be announced via email to your account address\"",
    ),
    // Answers the example adds to the seed, reviewed as faithful to it.
    (
        "You need to provide this",
        "answer required: true; GDPR Art. 13(2)(e)",
    ),
    (
        "we cannot create your account without it",
        "answer if_not_provided; GDPR Art. 13(2)(e)",
    ),
    (
        "Providing this is optional",
        "answer required: false for data the user gives; GDPR Art. 13(2)(e)",
    ),
    // Required by the law of a region SpecStep serves (EEA, UK, California, other US states).
    (
        "Under the GDPR and the UK GDPR, and subject to the conditions the law sets, you have the rights of access, rectification, erasure, restriction of processing, data portability and objection",
        "GDPR Art. 13(2)(b)",
    ),
    (
        "You have the right to lodge a complaint with a supervisory authority, in particular in the country where you live or work or where you believe an infringement took place",
        "GDPR Art. 13(2)(d), 77; stated against complaint: false because the law requires it",
    ),
    (
        "In the UK, this is the Information Commissioner's Office",
        "UK GDPR Art. 77; DPA 2018 s. 165",
    ),
    (
        "The California Consumer Privacy Act gives California residents the right to know what personal information a business collects, uses and discloses",
        "Cal. Civ. Code 1798.130(a)(5)(A); 11 CCR 7011(e)(2)",
    ),
    ("to delete it", "Cal. Civ. Code 1798.105"),
    ("to correct it", "Cal. Civ. Code 1798.106"),
    (
        "to opt out of its sale or sharing",
        "Cal. Civ. Code 1798.120",
    ),
    (
        "and not to be discriminated against for using these rights",
        "Cal. Civ. Code 1798.125",
    ),
    (
        "We do not sell personal information, and we do not share it for cross-context behavioral advertising",
        "answers sells: false, shares_for_advertising: false; 1798.130(a)(5)(C)",
    ),
    (
        "In the past 12 months we have collected these categories of personal information",
        "Cal. Civ. Code 1798.110(c), 1798.130(a)(5)(B)",
    ),
    (
        "Email verification status",
        "a CCPA table cell naming a seed category",
    ),
    (
        "Message delivery telemetry",
        "a CCPA table cell naming a seed category",
    ),
    ("Commercial information", "CCPA category, 1798.140(v)(1)(D)"),
    (
        "Internet or other electronic network activity",
        "CCPA category, 1798.140(v)(1)(F)",
    ),
    (
        "Professional or employment-related information",
        "CCPA category, 1798.140(v)(1)(I); mapping reviewed in legal.md 2.1",
    ),
    (
        "You, your use of the service, and third-party services",
        "CCPA sources, 11 CCR 7011(e)(1)(B)",
    ),
    (
        "You and your use of the service",
        "CCPA sources, 11 CCR 7011(e)(1)(B)",
    ),
    (
        "The consumer privacy laws of Virginia, Colorado, Connecticut, Utah, Texas, Oregon, Montana, Iowa, Delaware, Nebraska, New Hampshire, New Jersey, Tennessee, Minnesota, Maryland, Indiana, Kentucky, and Rhode Island give their residents, subject to the conditions and exemptions each sets, the rights to confirm whether we process their personal data and to access it, to correct inaccuracies in it (except in Utah and Iowa), to delete it, to obtain a copy in a portable format, and to opt out of targeted advertising, of the sale of their personal data and of profiling in furtherance of decisions that produce legal or similarly significant effects (this last right not in Utah and Iowa)",
        "the state table, src/law/us_states.rs (e.g. Va. Code 59.1-577; Minn. Stat. 325M.14)",
    ),
    (
        "Residents of Oregon and Minnesota may also ask for a list of the specific third parties to which we have disclosed personal data",
        "Or. Rev. Stat. 646A.574; Minn. Stat. 325M.14(h)",
    ),
    (
        "If their personal data is profiled in furtherance of decisions that produce legal or similarly significant effects concerning them, residents of Minnesota may also question the result of the profiling, be told the reason it led to the decision and, where feasible, what they could have done or can do to secure a different decision, and review the personal data used;",
        "Minn. Stat. 325M.14 subd. 1(g); 325M.16 subd. 1(a)(3)",
    ),
    (
        "if the decision was based on inaccurate personal data, they may have it corrected and the decision re-evaluated on the corrected data.",
        "Minn. Stat. 325M.14 subd. 1(g)",
    ),
];

#[test]
fn specstep_adds_nothing_beyond_its_seed() {
    assert_nothing_beyond("specstep", "000_b56c880d25f6a90e.txt", SPECSTEP_BEYOND_SEED);
}
