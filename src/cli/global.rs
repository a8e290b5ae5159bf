//! The flags every command takes: `--quiet` and `--color`. What they change is kept
//! here; the commands only ask [`quiet`].

use std::sync::atomic::{AtomicBool, Ordering};

/// `--color WHEN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour unless NO_COLOR is set to anything but empty; CLICOLOR_FORCE (not 0) forces it.
    Auto,
    /// Always colour, whatever NO_COLOR says.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// Whether to force colour on or off; `None` leaves the terminal library's own
    /// NO_COLOR handling in place.
    pub(super) fn forced(self, env: impl Fn(&str) -> Option<String>) -> Option<bool> {
        let set = |name: &str| env(name).filter(|v| !v.is_empty());
        match self {
            ColorWhen::Always => Some(true),
            ColorWhen::Never => Some(false),
            ColorWhen::Auto if set("NO_COLOR").is_some() => Some(false),
            ColorWhen::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => Some(true),
            ColorWhen::Auto => None,
        }
    }
}

/// `--quiet`, set once before the command runs.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether status lines and notes are to be left out (`--quiet`).
pub(crate) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Applies `--quiet` and `--color` for the rest of the process.
pub(super) fn apply(quiet: bool, color: ColorWhen) {
    QUIET.store(quiet, Ordering::Relaxed);
    if let Some(on) = color.forced(|name| std::env::var(name).ok()) {
        crossterm::style::force_color_output(on);
    }
}

#[cfg(test)]
mod tests {
    use super::ColorWhen;

    #[test]
    fn color_follows_the_flag_then_no_color_then_clicolor_force() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(ColorWhen::Auto.forced(env(&[])), None);
        assert_eq!(
            ColorWhen::Auto.forced(env(&[("NO_COLOR", "1")])),
            Some(false)
        );
        assert_eq!(ColorWhen::Auto.forced(env(&[("NO_COLOR", "")])), None);
        assert_eq!(
            ColorWhen::Auto.forced(env(&[("CLICOLOR_FORCE", "1")])),
            Some(true)
        );
        assert_eq!(
            ColorWhen::Auto.forced(env(&[("CLICOLOR_FORCE", "0")])),
            None
        );
        assert_eq!(
            ColorWhen::Auto.forced(env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])),
            Some(false)
        );
        assert_eq!(
            ColorWhen::Always.forced(env(&[("NO_COLOR", "1")])),
            Some(true)
        );
        assert_eq!(
            ColorWhen::Never.forced(env(&[("CLICOLOR_FORCE", "1")])),
            Some(false)
        );
    }
}
