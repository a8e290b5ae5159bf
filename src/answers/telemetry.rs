//! Telemetry: what a tool reports about its own use, whether it is on unless turned
//! off, how to turn it off, and where it goes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::TelemetryDefault;

/// Usage or error reports the product sends about itself (a CLI, an editor extension,
/// a desktop app).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Telemetry {
    /// Whether it is sent unless turned off, or only once turned on.
    pub default: TelemetryDefault,
    /// What is sent, completing "It sends ..." ("the commands you run, the tool's
    /// version and your operating system, never the contents of your files").
    pub sends: String,
    /// A setting that turns it off, completing "in ..." ("Settings > Privacy > Usage
    /// statistics").
    #[serde(default)]
    pub setting: Option<String>,
    /// An environment variable that turns it off, as it is set ("ACME_TELEMETRY=0").
    #[serde(default)]
    pub env_var: Option<String>,
    /// A command-line option that turns it off ("--no-telemetry").
    #[serde(default)]
    pub cli_flag: Option<String>,
    /// The host's own setting it follows (an IDE's, the operating system's),
    /// completing "It is also off whenever ... is off" ("VS Code's telemetry
    /// setting").
    #[serde(default)]
    pub follows_host: Option<String>,
    /// Where it goes: the ids of the recipients (under `processors`) that receive it.
    #[serde(default)]
    pub to: Vec<String>,
}

impl Telemetry {
    /// Whether the policy gives some way to stop it: a setting, a variable, an
    /// option, or the host's own setting.
    pub fn can_be_turned_off(&self) -> bool {
        let given = |x: &Option<String>| x.as_deref().is_some_and(|s| !s.trim().is_empty());
        given(&self.setting)
            || given(&self.env_var)
            || given(&self.cli_flag)
            || given(&self.follows_host)
    }
}
