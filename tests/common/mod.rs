//! What the CLI tests share: the binary, isolated from the developer's data, and the
//! example answers files.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The real binary, with a data directory that does not exist, so a test never
/// reads or writes the developer's saved policies.
pub fn pw() -> Command {
    pw_in(&std::env::temp_dir().join("policywright-no-such-dir"))
}

/// The real binary, keeping saved policies in `data`.
pub fn pw_in(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("policywright").unwrap();
    cmd.env("POLICYWRIGHT_DATA_DIR", data);
    cmd
}

/// The path of `examples/<name>.json`.
pub fn example(name: &str) -> String {
    format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}
