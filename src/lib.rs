//! policywright: interviews the operator of a product about its data practices, keeps
//! the answers in a JSON file, and renders a complete privacy policy from them.
//!
//! - [`answers`]: the model of the answers file: its shape, parsing, validation, `--set`.
//! - [`catalog`]: the processor catalog, and filling in answers that refer to it.
//! - [`render`]: templates and the three output formats.
//! - [`disclosures`]: the app stores' privacy forms, from the same answers.
//! - [`law`]: which law applies to the answers, decided once for every consumer.
//! - [`policy`]: the answers as the policy sees them (catalog filled in, stale answers
//!   left out): what render, check, diff and publish consume.
//! - [`publish`]: publishing a policy, for the command line and the wizard alike.
//! - [`questions`]: the interview, defined once: sections, questions, help, conditions.
//! - [`ask`]: the line-by-line interview, behind a prompter trait.
//! - [`check`]: the disclosure rules of each regime, held against the answers.
//! - [`scan`]: finding the catalog's processors in a product's manifests.
//! - [`store`]: where answers live on disk, and atomic writes.
//! - [`versions`]: published versions of a policy and the honest-dates rule.
//! - [`diff`]: what changed between two answers, and whether it is material.
//! - [`tui`]: the full-screen wizard (ratatui), over the same catalog.
//! - [`text`]: neutralising text before it reaches a terminal.
//! - [`cli`]: the command line.

pub mod answers;
pub mod ask;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod diff;
pub mod disclosures;
#[cfg(test)]
mod examples;
pub mod law;
pub mod policy;
pub mod publish;
pub mod questions;
pub mod render;
pub mod scan;
pub mod store;
pub mod suggest;
pub mod text;
pub mod tui;
pub mod versions;
