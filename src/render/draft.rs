//! The notice at the top of a draft that still holds suggestions nobody confirmed:
//! such a text may say what its operator never said, so it says so itself, in every
//! format, and `publish` refuses it.

use crate::answers::Answers;

/// The notice, as Markdown to put before the introduction; `None` when every answer
/// is confirmed.
pub fn notice(answers: &Answers) -> Option<String> {
    let unconfirmed = answers.unconfirmed();
    if unconfirmed.is_empty() {
        return None;
    }
    let list: Vec<String> = unconfirmed.iter().map(|p| format!("`{p}`")).collect();
    Some(format!(
        "> **DRAFT: not for publishing.** {n} suggested {answers} not confirmed yet: {list}. \
         Confirm, change or remove {them} (in the wizard, with `policywright ask`, or with \
         `policywright set`).\n\n",
        n = unconfirmed.len(),
        answers = if unconfirmed.len() == 1 {
            "answer is"
        } else {
            "answers are"
        },
        them = if unconfirmed.len() == 1 { "it" } else { "them" },
        list = list.join(", "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_with_suggestions_says_so_and_names_them() {
        let mut a = Answers::from_json(
            r#"{"schema_version": 2, "retention": {"rules": [{"data": "Account data", "until": "you delete it"}]}}"#,
        )
        .unwrap();
        assert_eq!(notice(&a), None);
        a.mark_suggested("retention.rules");
        let text = notice(&a).unwrap();
        assert!(text.contains("DRAFT: not for publishing"), "{text}");
        assert!(text.contains("1 suggested answer is not confirmed yet: `retention.rules`"));
        a.confirm("retention");
        assert_eq!(notice(&a), None);
    }
}
