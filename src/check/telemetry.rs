//! Telemetry (`Answers::telemetry`): a way to stop what is sent unless turned off, and
//! what the ePrivacy rule on a user's device may ask of it.

use super::{Hit, Regime, Rule, Severity, any_gdpr};
use crate::answers::Answers;
use crate::answers::vocab::TelemetryDefault;

/// Telemetry is sent unless the user turns it off.
fn on_by_default(a: &Answers) -> bool {
    a.telemetry
        .as_ref()
        .is_some_and(|t| t.default == TelemetryDefault::OnByDefault)
}

pub static RULES: &[Rule] = &[
    Rule {
        id: "gdpr-telemetry-turn-off",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // GDPR Art. 13(2)(b) and 21(1), (4): the right to object to processing based on
        // legitimate interests, brought to the person's attention; for on-by-default
        // telemetry, a way to turn it off is how it is exercised.
        citation: "GDPR Art. 13(2)(b), 21(1), 21(4)",
        severity: Severity::Warning,
        applies_when: "either GDPR applies and telemetry is on unless turned off",
        applies: |a| any_gdpr(a) && on_by_default(a),
        test: |a| {
            let given = a.telemetry.as_ref().is_some_and(|t| t.can_be_turned_off());
            Hit::unless(given, "telemetry.setting")
        },
        message: "Telemetry is on unless turned off, but the policy gives no way to turn it \
                  off (a setting, an environment variable, a command-line option or the \
                  host's own setting)",
    },
    Rule {
        id: "gdpr-telemetry-device-access",
        reviewed: "2026-12-06",
        regime: Regime::Gdpr,
        // EDPB Guidelines 2/2023 on the technical scope of Art. 5(3) of the ePrivacy
        // Directive (version 2.0, 7 October 2024): software that proactively sends
        // information from the user's device gains access to it, so Art. 5(3) asks for
        // consent unless the access is strictly necessary for the service asked for.
        citation: "ePrivacy Directive 2002/58/EC Art. 5(3); EDPB Guidelines 2/2023 (v2.0)",
        severity: Severity::Info,
        applies_when: "either GDPR applies and telemetry is on unless turned off",
        applies: |a| any_gdpr(a) && on_by_default(a),
        test: |a| Hit::when(on_by_default(a), "telemetry.default"),
        message: "Telemetry on by default reads information from the user's device: under \
                  the EDPB's reading of ePrivacy Art. 5(3) it needs consent unless strictly \
                  necessary. Whether yours is exempt is yours (or a lawyer's) to judge; \
                  off until turned on (`opt_in`) avoids the question",
    },
];
