//! Issue 12, "a test per regime renders a policy that satisfies it": each answers file
//! in `tests/fixtures/regimes/` serves one regime's region (or, for COPPA and the Chrome
//! Web Store, one kind of product). `check::tests::each_regime_fixture_satisfies_its_regime`
//! holds it against the rules; here it renders, and the policy it makes is kept under
//! review with insta, so a change to a regime's paragraph shows as a diff.

use policywright::answers::Answers;
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

fn answers(regime: &str) -> Answers {
    let path = format!(
        "{}/tests/fixtures/regimes/{regime}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn render(regime: &str) -> String {
    render_answers(&answers(regime))
}

fn render_answers(answers: &Answers) -> String {
    let policy = Policy::with_builtin_catalog(answers).unwrap();
    Renderer::new(None)
        .unwrap()
        .render(&policy, Format::Markdown)
        .unwrap()
}

macro_rules! regimes {
    ($($regime:ident),*) => {
        $(
            #[test]
            fn $regime() {
                insta::assert_snapshot!(render(stringify!($regime)));
            }
        )*
    };
}

regimes!(
    gdpr,
    uk_gdpr,
    swiss_fadp,
    ccpa,
    caloppa,
    us_states,
    coppa,
    lgpd,
    pipeda,
    kazakhstan,
    chrome_web_store
);

/// The Swiss paragraph speaks Swiss law, not the GDPR's: the FDPIC, not "a
/// supervisory authority where you live or work"; the representative is named.
#[test]
fn the_swiss_policy_is_written_under_swiss_law() {
    let text = render("swiss_fadp");
    assert!(text.contains("If you are in Switzerland"), "{text}");
    assert!(text.contains("Federal Data Protection and Information Commissioner (FDPIC)"));
    assert!(text.contains("Representative in Switzerland (FADP Art. 14):** Rep CH AG"));
    // Only the GDPR applies besides (the operator is in Germany), and its paragraph
    // no longer claims to state Swiss law.
    assert!(!text.contains("Under the GDPR and the Swiss"), "{text}");
}

/// The US-states paragraph promises an appeal only when the answers describe one, and
/// prints the Texas notice only when sensitive data is said to be sold.
#[test]
fn the_us_states_paragraph_follows_the_answers() {
    let path = format!(
        "{}/tests/fixtures/regimes/us_states.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut answers = Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = render("us_states");
    assert!(text.contains("you may appeal our decision as described above"));
    assert!(!text.contains("NOTICE: We may sell"));
    answers.rights.appeal = None;
    answers.sale_and_sharing.sells = Some(true);
    answers.data.categories[1].ccpa_sensitive = Some(true);
    answers.sale_and_sharing.sells_sensitive = Some(true);
    let policy = Policy::with_builtin_catalog(&answers).unwrap();
    let text = Renderer::new(None)
        .unwrap()
        .render(&policy, Format::Text)
        .unwrap();
    assert!(!text.contains("appeal"), "{text}");
    assert!(text.contains("NOTICE: We may sell your sensitive personal data."));
}

/// Tex. Bus. & Com. Code 541.102(c): the biometric notice only when biometric data is
/// said to be sold; Utah Code 13-61-201(4): Utah grants correction from 1 July 2026,
/// read at the policy's date; Minn. Stat. 325M.14 subd. 1(g): Minnesota's review of
/// profiling decisions, named once Minnesota's law is in force.
#[test]
fn the_us_states_paragraph_follows_the_law_on_the_policys_date() {
    let mut answers = answers("us_states");
    let text = render_answers(&answers);
    assert!(!text.contains("biometric personal data"));
    assert!(text.contains("(except in Iowa)"), "{text}");
    assert!(text.contains("residents of Minnesota may also question the result of the profiling"));
    answers.data.categories[1].ccpa_sensitive = Some(true);
    answers.sale_and_sharing.sells_biometric = Some(true);
    let text = render_answers(&answers);
    assert!(text.contains("NOTICE: We may sell your biometric personal data."));
    assert!(!text.contains("NOTICE: We may sell your sensitive personal data."));
    answers.policy.effective_date = Some("2026-06-30".parse().unwrap());
    let text = render_answers(&answers);
    assert!(text.contains("(except in Utah and Iowa)"), "{text}");
    answers.policy.effective_date = Some("2025-07-30".parse().unwrap());
    let text = render_answers(&answers);
    assert!(!text.contains("Minnesota"), "{text}");
}

/// UK GDPR Art. 13(2)(d), 77: the complaint paragraph names the ICO for the UK; when
/// the operator's own answer already names it as its authority, it is named once, and
/// not as a "lead" supervisory authority (the one-stop shop of GDPR Art. 56 has no UK
/// counterpart).
#[test]
fn the_ico_is_named_once() {
    for authority in [
        "the Information Commissioner's Office (ICO)",
        "the ICO",
        "the UK Information Commissioner’s Office",
    ] {
        let mut a = answers("uk_gdpr");
        a.rights.authority = Some(authority.into());
        let text = render_answers(&a);
        assert_eq!(text.matches(authority).count(), 1, "{text}");
        // With the operator's name for it taken out, nothing names the ICO again.
        let rest = text.replacen(authority, "", 1);
        assert!(!rest.contains("Information Commissioner"), "{text}");
        assert!(!rest.contains("ICO"), "{text}");
        assert!(
            text.contains(&format!("In the UK, this is {authority}.")),
            "{text}"
        );
        assert!(!text.contains("lead supervisory authority"), "{text}");
    }
    // Another authority keeps its clause, and the ICO is still named for the UK.
    let mut a = answers("uk_gdpr");
    a.rights.authority = Some("the Irish Data Protection Commission".into());
    let text = render_answers(&a);
    assert!(
        text.contains(
            "our lead supervisory authority is the Irish Data Protection Commission. In the UK, \
         this is the Information Commissioner's Office."
        ),
        "{text}"
    );
}
