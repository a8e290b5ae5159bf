//! A mobile app's permissions and the app stores' privacy answers. A new Android or
//! iOS permission is material ("new app permission"), like an extension's; a data
//! category now declared to Apple as used for tracking is material ("tracking turned
//! on"). The rest of the store answers are not in the policy's text and never material.

use super::materiality::{APP_PERMISSION, TRACKING};
use super::section::{Section, shown};
use crate::answers::{Permission, StoreCategory};

pub(super) fn app(s: &mut Section) {
    let (o, n) = (&s.old.app, &s.new.app);
    for (platform, old, new) in [
        ("Android", &o.android_permissions, &n.android_permissions),
        ("iOS", &o.ios_permissions, &n.ios_permissions),
    ] {
        permissions(s, platform, old, new);
    }
    s.flag(
        (
            "Now states that the iOS app asks through App Tracking Transparency before tracking",
            "No longer states that the iOS app asks through App Tracking Transparency before tracking",
        ),
        o.att_prompt,
        n.att_prompt,
        None,
    );
}

fn permissions(s: &mut Section, platform: &str, old: &[Permission], new: &[Permission]) {
    let names = |list: &[Permission]| {
        list.iter()
            .flat_map(|p| p.names.clone())
            .collect::<Vec<_>>()
    };
    let what = format!("{platform} permission");
    s.set(
        &what,
        &names(old),
        &names(new),
        Clone::clone,
        Some(APP_PERMISSION),
    );
    let uses = |list: &[Permission]| list.iter().map(|p| p.used_for.clone()).collect::<Vec<_>>();
    // With new or removed permissions, their uses changed with them: said above.
    if uses(old) != uses(new) && names(old) == names(new) {
        s.changed(
            format!("Reworded what {platform} permissions are used for"),
            None,
        );
    }
}

pub(super) fn stores(s: &mut Section) {
    let (o, n) = (&s.old.stores, &s.new.stores);
    let yes_no = |v: Option<bool>| v.map(|v| if v { "yes" } else { "no" });
    s.value(
        "store answer \"all data encrypted in transit\"",
        shown(yes_no(o.encrypted_in_transit)),
        shown(yes_no(n.encrypted_in_transit)),
        None,
    );
    s.text(
        "account deletion link",
        &o.account_deletion_url,
        &n.account_deletion_url,
    );
    s.value(
        "store answer \"data can be deleted without deleting the account\"",
        shown(yes_no(o.deletion_without_account)),
        shown(yes_no(n.deletion_without_account)),
        None,
    );
    s.text(
        "data deletion link",
        &o.data_deletion_url,
        &n.data_deletion_url,
    );
    for new in &n.categories {
        match o.categories.iter().find(|c| c.category == new.category) {
            None => s.added(format!("Added store answers for {}", new.category), None),
            Some(old) => category(s, old, new),
        }
    }
    for old in &o.categories {
        if !n.categories.iter().any(|c| c.category == old.category) {
            s.removed(format!("Removed store answers for {}", old.category));
        }
    }
}

fn category(s: &mut Section, o: &StoreCategory, n: &StoreCategory) {
    let id = &n.category;
    if o.tracking != Some(true) && n.tracking == Some(true) {
        s.changed(
            format!("{id} is now declared to Apple as used for tracking"),
            Some(TRACKING),
        );
    }
    let facts: [(&str, Option<bool>, Option<bool>); 5] = [
        ("stays on the device", o.on_device_only, n.on_device_only),
        ("processed ephemerally", o.ephemeral, n.ephemeral),
        ("shared (Google Play)", o.shared, n.shared),
        (
            "linked to the user (Apple)",
            o.linked_to_user,
            n.linked_to_user,
        ),
        ("used for tracking (Apple)", o.tracking, n.tracking),
    ];
    for (what, old, new) in facts {
        if old != new && !(what.starts_with("used for tracking") && new == Some(true)) {
            let say = |v: Option<bool>| match v {
                Some(true) => "yes",
                Some(false) => "no",
                None => "not answered",
            };
            s.changed(
                format!(
                    "Changed whether {id} is {what}: from {} to {}",
                    say(old),
                    say(new)
                ),
                None,
            );
        }
    }
    s.set(
        &format!("store use of {id}"),
        &o.uses,
        &n.uses,
        |u| u.label().to_owned(),
        None,
    );
    for (store, old, new) in [
        ("Play", &o.play, &n.play),
        ("Apple", &o.apple, &n.apple),
        ("Chrome Web Store", &o.chrome, &n.chrome),
    ] {
        if old != new {
            s.changed(format!("Changed the {store} data types of {id}"), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::answers::vocab::ProductKind;
    use crate::answers::{Answers, Permission, StoreCategory};
    use crate::diff::{Area, compare};
    use crate::policy::Policy;

    fn habitly() -> Answers {
        Answers::from_json(include_str!("../../examples/habitly.json")).unwrap()
    }

    fn diff(edit: impl FnOnce(&mut Answers)) -> Vec<crate::diff::Change> {
        let old = habitly();
        let mut new = old.clone();
        edit(&mut new);
        let p = |a: &Answers| Policy::with_builtin_catalog(a).unwrap();
        compare(&p(&old), &p(&new)).changes
    }

    #[test]
    fn a_new_app_permission_is_material_and_a_reworded_use_is_not() {
        let changes = diff(|a| {
            a.app.android_permissions.push(Permission {
                names: vec!["android.permission.RECORD_AUDIO".into()],
                used_for: "voice notes".into(),
            });
        });
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(changes[0].area, Area::App);
        assert_eq!(
            changes[0].text,
            "Added Android permission: android.permission.RECORD_AUDIO"
        );
        assert_eq!(changes[0].reason, Some("new app permission"));
        let changes = diff(|a| a.app.android_permissions[0].used_for = "something else".into());
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert!(!changes[0].material);
        assert_eq!(
            changes[0].text,
            "Reworded what Android permissions are used for"
        );
    }

    #[test]
    fn tracking_declared_to_apple_is_material_and_other_store_facts_are_not() {
        let changes = diff(|a| a.stores.categories[0].tracking = Some(true));
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(changes[0].reason, Some("tracking turned on"));
        assert_eq!(changes[0].area, Area::Stores);
        let changes = diff(|a| {
            a.stores.encrypted_in_transit = Some(false);
            a.stores.categories[0].linked_to_user = Some(false);
        });
        let texts: Vec<&str> = changes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Changed store answer \"all data encrypted in transit\": from yes to no",
                "Changed whether account is linked to the user (Apple): from yes to no",
            ]
        );
        assert!(changes.iter().all(|c| !c.material));
        let changes = diff(|a| {
            a.stores.categories.push(StoreCategory {
                category: "extra".into(),
                ..StoreCategory::default()
            })
        });
        assert_eq!(changes[0].text, "Added store answers for extra");
        assert!(habitly().audience.is(ProductKind::MobileApp));
    }

    #[test]
    fn the_chrome_web_store_answers_are_said_and_not_material() {
        let old = Answers::from_json(include_str!("../../examples/stepr.json")).unwrap();
        let mut new = old.clone();
        new.extension.remote_code = Some(true);
        new.extension.remote_code_reason = Some("loads the recorder's worker".into());
        new.extension.single_purpose = Some("Record workflows".into());
        let p = |a: &Answers| Policy::with_builtin_catalog(a).unwrap();
        let changes = compare(&p(&old), &p(&new)).changes;
        let texts: Vec<&str> = changes.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Reworded single purpose",
                "Changed store answer \"uses remote code\": from no to yes",
                "Added why remote code is used: loads the recorder's worker",
            ]
        );
        assert!(
            changes
                .iter()
                .all(|c| !c.material && c.area == Area::Extension)
        );
    }
}
