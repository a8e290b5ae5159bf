//! policywright: interviews the operator of a product about its data practices, keeps
//! the answers in a JSON file, and renders a complete privacy policy from them.
//!
//! - [`answers`]: the model of the answers file: its shape, parsing, validation, `--set`.
//! - [`render`]: templates and the three output formats.
//! - [`check`]: the disclosure rules of each regime, held against the answers.
//! - [`store`]: where answers live on disk, and atomic writes.
//! - [`cli`]: the command line.

pub mod answers;
pub mod ask;
pub mod check;
pub mod cli;
pub mod questions;
pub mod render;
pub mod store;
