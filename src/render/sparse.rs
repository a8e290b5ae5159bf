//! Leaving unanswered fields out of the template context where only the built-in
//! templates read it.
//!
//! Every data category and recipient is an object in the context, one entry per
//! field. Most of those fields are unanswered (`None`) or `false`: on a policy of
//! 5,000 data categories, 58,000 of their 75,000 entries, 3 MB of the context the
//! wizard builds after every answer. The built-in templates read each such field only
//! in a test (`{% if c.when %}`), where a field left out reads as unanswered does, so
//! for them the fields marked here are left out. An operator's own templates
//! (`--templates`) may print a field as it is or ask `is none`, where a field left out
//! differs (an error, or `false`): for them every field is there.
//!
//! Serde gives a field's `skip_serializing_if` no context, so whether to leave fields
//! out is set for the length of one serialisation, on this thread.

use std::cell::Cell;

thread_local! {
    static SPARSE: Cell<bool> = const { Cell::new(false) };
}

/// Runs `serialise` with the marked fields left out when they are blank (`sparse`),
/// or kept (the default).
pub fn serialising<T>(sparse: bool, serialise: impl FnOnce() -> T) -> T {
    /// Puts the setting back even if `serialise` panics.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            SPARSE.set(self.0);
        }
    }
    let _restore = Restore(SPARSE.replace(sparse));
    serialise()
}

/// For `#[serde(skip_serializing_if = "sparse::blank")]`: whether the field is
/// left out, being blank while fields are left out.
pub fn blank<T: Blank + ?Sized>(value: &T) -> bool {
    SPARSE.get() && value.is_blank()
}

/// A field's value that says nothing: unanswered, or `false`.
pub trait Blank {
    fn is_blank(&self) -> bool;
}

/// `Some(false)` is an answer ("optional", "not required") and is kept.
impl<T> Blank for Option<T> {
    fn is_blank(&self) -> bool {
        self.is_none()
    }
}

impl Blank for bool {
    fn is_blank(&self) -> bool {
        !*self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Row {
        name: &'static str,
        #[serde(skip_serializing_if = "blank")]
        when: Option<&'static str>,
        #[serde(skip_serializing_if = "blank")]
        required: Option<bool>,
        #[serde(skip_serializing_if = "blank")]
        sensitive: bool,
    }

    fn json(sparse: bool, row: &Row) -> String {
        serialising(sparse, || serde_json::to_string(row).unwrap())
    }

    #[test]
    fn blank_fields_are_left_out_only_while_sparse() {
        let row = Row {
            name: "e-mail",
            when: None,
            required: Some(false),
            sensitive: false,
        };
        assert_eq!(json(true, &row), r#"{"name":"e-mail","required":false}"#);
        assert_eq!(
            json(false, &row),
            r#"{"name":"e-mail","when":null,"required":false,"sensitive":false}"#
        );
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            json(false, &row),
            "kept by default"
        );
    }

    #[test]
    fn answered_fields_are_always_kept() {
        let row = Row {
            name: "e-mail",
            when: Some("at sign-up"),
            required: Some(true),
            sensitive: true,
        };
        assert_eq!(json(true, &row), json(false, &row));
    }

    #[test]
    fn the_setting_is_put_back_after_a_panic() {
        let caught = std::panic::catch_unwind(|| serialising(true, || panic!("in a template")));
        assert!(caught.is_err());
        assert!(!SPARSE.get());
    }
}
