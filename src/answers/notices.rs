//! Sharing controlled by users, changes to the policy, and free-form sections.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::Period;
use super::vocab::{NoticeChannel, SectionId, Visibility};

/// What users share with each other, and who controls it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sharing {
    /// What users make in the product, in the plural ("workflows", "documents").
    #[serde(default)]
    pub items: Option<String>,
    /// Who can see a new item.
    #[serde(default)]
    pub default: Option<Visibility>,
    /// The other visibility levels a user can choose.
    #[serde(default)]
    pub options: Vec<Visibility>,
    /// We never re-share items beyond the scope the user set.
    #[serde(default)]
    pub no_resharing: Option<bool>,
}

/// Whether the product links to other websites and services, whose practices the
/// operator does not control; when it does, the policy says so, and that their own
/// policies apply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThirdPartyLinks {
    /// Yes: the product links to them, and the policy says so. No, or unanswered:
    /// nothing is said.
    #[serde(default)]
    pub stated: Option<bool>,
    /// What it links to, completing "such as ..." ("the help pages of the tools
    /// you connect and our community forum").
    #[serde(default)]
    pub examples: Option<String>,
    /// Anything else worth saying about them.
    #[serde(default)]
    pub details: Option<String>,
}

/// How the policy changes and how users hear about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    /// How users are told about material changes.
    #[serde(default)]
    pub notify_by: Vec<NoticeChannel>,
    /// Users are told before a material change takes effect.
    #[serde(default)]
    pub in_advance: Option<bool>,
    /// How long ahead of the change ("30 days").
    #[serde(default)]
    pub notice_period: Option<Period>,
    /// Examples of a material change ("new categories of data sharing").
    #[serde(default)]
    pub material_examples: Option<String>,
}

/// Where a free-form section goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Before the first section.
    Start,
    /// At the very end.
    End,
    /// After the section with this id.
    #[serde(untagged)]
    After(SectionId),
}

/// A section no question covers, in the operator's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    /// Its heading.
    pub title: String,
    /// Its text; blank lines separate paragraphs.
    pub body: String,
    /// Where it goes: "start", "end", or the id of the section it follows ("security").
    #[serde(default = "default_placement")]
    pub after: Placement,
}

fn default_placement() -> Placement {
    Placement::End
}
