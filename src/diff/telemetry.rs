//! Telemetry. Sending it unless turned off (newly, or where it was opt-in) is
//! material, and so is a recipient that now receives it; what is sent, the ways to
//! turn it off and the host setting it follows are reported.

use super::materiality::{MORE_DATA, TELEMETRY_ON};
use super::section::Section;
use crate::answers::Telemetry;
use crate::answers::vocab::TelemetryDefault;

pub(super) fn telemetry(s: &mut Section) {
    let (o, n) = (
        s.old.answers().telemetry.clone(),
        s.new.answers().telemetry.clone(),
    );
    match (o, n) {
        (None, Some(t)) => {
            let on = t.default == TelemetryDefault::OnByDefault;
            s.added(
                format!("Now sends telemetry, {}: {}", t.default.label(), t.sends),
                on.then_some(TELEMETRY_ON),
            );
            recipients(s, &[], &t.to);
        }
        (Some(_), None) => s.removed("No longer sends telemetry".to_owned()),
        (Some(x), Some(y)) => {
            if x.default != y.default {
                s.changed(
                    format!(
                        "Telemetry is now {} (was {})",
                        y.default.label(),
                        x.default.label()
                    ),
                    (y.default == TelemetryDefault::OnByDefault).then_some(TELEMETRY_ON),
                );
            }
            s.text(
                "what telemetry sends",
                &Some(x.sends.clone()),
                &Some(y.sends.clone()),
            );
            ways(s, &x, &y);
            recipients(s, &x.to, &y.to);
        }
        (None, None) => {}
    }
}

fn ways(s: &mut Section, x: &Telemetry, y: &Telemetry) {
    s.text(
        "the setting that turns telemetry off",
        &x.setting,
        &y.setting,
    );
    s.text(
        "the environment variable that turns telemetry off",
        &x.env_var,
        &y.env_var,
    );
    s.text(
        "the command-line option that turns telemetry off",
        &x.cli_flag,
        &y.cli_flag,
    );
    s.text(
        "the host setting telemetry follows",
        &x.follows_host,
        &y.follows_host,
    );
}

/// Recipients that now receive telemetry (material: more data for them), and those
/// that no longer do.
fn recipients(s: &mut Section, old: &[String], new: &[String]) {
    let name = |s: &Section, id: &String| {
        s.new
            .answers()
            .processors
            .iter()
            .chain(&s.old.answers().processors)
            .find(|p| p.id == id)
            .map_or_else(|| id.clone(), |p| p.name.to_string())
    };
    for id in new.iter().filter(|id| !old.contains(id)) {
        let text = format!("{} now receives telemetry", name(s, id));
        s.changed(text, Some(MORE_DATA));
    }
    for id in old.iter().filter(|id| !new.contains(id)) {
        let text = format!("{} no longer receives telemetry", name(s, id));
        s.changed(text, None);
    }
}
