//! `policywright schema`: the answers file's JSON Schema.

use std::process::ExitCode;

pub fn run() -> anyhow::Result<ExitCode> {
    super::print_json(crate::answers::schema::SCHEMA_TEXT)?;
    Ok(ExitCode::SUCCESS)
}
