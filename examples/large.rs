//! Prints a large answers file: the Stepr example grown to PROCESSORS recipients and
//! CATEGORIES data categories, as the scale test and benches grow it
//! (`tests/common/large.rs`). For trying the program at size:
//!
//! ```sh
//! cargo run --release --example large -- 2000 5000 > large.json
//! policywright edit large.json
//! ```

#[path = "../tests/common/large.rs"]
mod large;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Option<Vec<usize>> = args.iter().map(|a| a.parse().ok()).collect();
    match sizes.as_deref() {
        Some(&[processors, categories]) => {
            print!("{}", large::large(processors, categories).to_json());
            std::process::ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: large PROCESSORS CATEGORIES (two counts, such as 2000 5000)");
            std::process::ExitCode::from(2)
        }
    }
}
