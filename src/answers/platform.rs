//! A mobile app's platform permissions, one purpose each: the Android permissions its
//! manifest requests and the iOS usage descriptions its `Info.plist` declares.
//!
//! The same [`Permission`] record as a browser extension's (names and what they are
//! used for), kept per platform so the policy, the store forms and `scan` can tell
//! them apart.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Permission;

/// The mobile app's permissions, and what it asks before tracking.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct App {
    /// Each Android permission (or group) the app requests, as `AndroidManifest.xml`
    /// spells it ("android.permission.CAMERA"), and what it is used for.
    #[serde(default)]
    pub android_permissions: Vec<Permission>,
    /// Each iOS usage description the app declares, by its `Info.plist` key
    /// ("NSCameraUsageDescription"), and what it is used for.
    #[serde(default)]
    pub ios_permissions: Vec<Permission>,
    /// The iOS app asks for permission through App Tracking Transparency before it
    /// tracks the user (Apple App Store Review Guideline 5.1.2).
    #[serde(default)]
    pub att_prompt: bool,
}

impl App {
    /// Every permission of both platforms, with the platform's name.
    pub fn all(&self) -> impl Iterator<Item = (&'static str, &Permission)> {
        let android = self.android_permissions.iter().map(|p| ("Android", p));
        let ios = self.ios_permissions.iter().map(|p| ("iOS", p));
        android.chain(ios)
    }
}
