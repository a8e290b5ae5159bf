//! The example answers files (`examples/*.json`), for the tests that hold a property
//! on every one of them. Only `.json` files are examples: the folder also holds
//! Cargo's examples (`examples/large.rs`).

use crate::answers::Answers;

/// Every example's path and text, in the order of their paths.
pub(crate) fn example_files() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("examples/")
        .map(|entry| entry.expect("examples/").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("an example is UTF-8");
            (path.display().to_string(), text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the examples are in {dir}");
    files
}

/// Every example's path and answers, in the order of their paths.
pub(crate) fn examples() -> Vec<(String, Answers)> {
    example_files()
        .into_iter()
        .map(|(path, text)| {
            let answers = Answers::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, answers)
        })
        .collect()
}
