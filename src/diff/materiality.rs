//! The names of the materiality rules: one constant per row of the table in
//! [`super`], used as a [`super::Change`]'s `reason`. The names are part of the JSON
//! output, so they are written once, here; a test checks that the table lists them all.
//!
//! When a rule applies is decided where the fact is compared (a longer period in
//! `retention`, a wider visibility in `notices`, ...), next to the sentence it marks.

pub(super) const NEW_RECIPIENT: &str = "new recipient";
pub(super) const MORE_DATA: &str = "recipient receives more data";
pub(super) const UNCONDITIONAL: &str = "recipient no longer conditional";
pub(super) const NEW_CATEGORY: &str = "new data category";
pub(super) const NEW_SOURCE: &str = "data from a new source";
pub(super) const NEW_PURPOSE: &str = "new purpose";
pub(super) const NEW_USE: &str = "new use of data";
pub(super) const LEGAL_BASIS: &str = "different legal basis";
pub(super) const LONGER: &str = "longer retention";
pub(super) const NEW_COUNTRY: &str = "transfer to a new country";
pub(super) const LEAVES_REGION: &str = "data leaves its region";
pub(super) const AI_TRAINING: &str = "AI training turned on";
pub(super) const AUTOMATED: &str = "automated decisions";
pub(super) const SELLING: &str = "selling or sharing turned on";
pub(super) const TRACKING: &str = "tracking turned on";
pub(super) const RIGHT_WITHDRAWN: &str = "right withdrawn";
pub(super) const WIDER: &str = "wider default visibility";
pub(super) const CHILDREN: &str = "directed to children";
pub(super) const PERMISSION: &str = "new extension permission";
pub(super) const LEAVES_DEVICE: &str = "data leaves the device";
pub(super) const NOW_CONTROLLER: &str = "customers' data used for our own purposes";
pub(super) const APP_PERMISSION: &str = "new app permission";
pub(super) const TELEMETRY_ON: &str = "telemetry on by default";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule, in the order of the table.
    const ALL: &[&str] = &[
        NEW_RECIPIENT,
        MORE_DATA,
        UNCONDITIONAL,
        NEW_CATEGORY,
        NEW_SOURCE,
        NEW_PURPOSE,
        NEW_USE,
        LEGAL_BASIS,
        LONGER,
        NEW_COUNTRY,
        LEAVES_REGION,
        AI_TRAINING,
        AUTOMATED,
        SELLING,
        TRACKING,
        RIGHT_WITHDRAWN,
        WIDER,
        CHILDREN,
        PERMISSION,
        LEAVES_DEVICE,
        NOW_CONTROLLER,
        APP_PERMISSION,
        TELEMETRY_ON,
    ];

    /// The module documentation is what users read: it must name exactly these rules.
    #[test]
    fn the_documented_table_lists_every_rule() {
        let documented: Vec<&str> = include_str!("mod.rs")
            .lines()
            .filter_map(|l| l.strip_prefix("//! | `"))
            .filter_map(|l| l.split_once('`').map(|(reason, _)| reason))
            .collect();
        assert_eq!(documented, ALL);
    }
}
