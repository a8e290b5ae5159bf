//! The two examples reproduce the two founders' policies in `../shared/seeds/`: every
//! fact a seed states must be in the rendered policy, under a fitting heading.
//!
//! Facts are checked in the plain-text rendering with whitespace folded, so wrapping
//! cannot hide or fake a match; each fact names the section it must appear in.

use policywright::answers::Answers;
use policywright::render::{Format, Renderer};

fn render(example: &str) -> String {
    let path = format!("{}/examples/{example}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let answers = Answers::from_json(&text).unwrap();
    let renderer = Renderer::new(None).unwrap();
    renderer.render(&answers, Format::Text).unwrap()
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
            ("What we collect", "We do not record video or audio"),
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
            (
                "Browser extension permissions",
                "requests these Chrome permissions",
            ),
            (
                "Browser extension permissions",
                "none is used for tracking or advertising",
            ),
            (
                "Browser extension permissions",
                "activeTab, tabs, scripting: Inject the recording script into the tab you explicitly choose to record",
            ),
            (
                "Browser extension permissions",
                "<all_urls>: Record workflows on any website you choose. We only act on a tab when you start a recording in it",
            ),
            (
                "Browser extension permissions",
                "storage: Remember your login token and preferences locally in the browser",
            ),
            (
                "Browser extension permissions",
                "sidePanel: Render Stepr's controls in Chrome's side panel",
            ),
            (
                "Browser extension permissions",
                "offscreen: Capture microphone input for optional voice-annotated steps, when you opt in",
            ),
            (
                "Browser extension permissions",
                "webNavigation: Detect page transitions",
            ),
            (
                "Browser extension permissions",
                "notifications: Notify you when a long-running recording upload finishes",
            ),
            (
                "Browser extension permissions",
                "identity: Complete the Google Sign-In OAuth flow",
            ),
            (
                "Browser extension permissions",
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
