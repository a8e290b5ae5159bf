//! Render speed, as the brief measures it:
//! - each example in each format, inside the process (bar: under 5 ms);
//! - a generated policy with 200 processors and 500 data items (bar: under 50 ms);
//! - the whole `render` process against the start-up of the same binary doing
//!   nothing (`--version`) (bar: within 3x).
//!
//! Run with `cargo bench --bench render`.

use std::hint::black_box;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/large.rs"]
mod large;

use policywright::answers::Answers;
use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

const FORMATS: [(Format, &str); 3] = [
    (Format::Markdown, "markdown"),
    (Format::Html, "html"),
    (Format::Text, "text"),
];

fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Answers::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The policy the answers make, resolved inside each iteration as every command does.
fn policy(answers: &Answers) -> Policy {
    Policy::with_builtin_catalog(answers).unwrap()
}

fn in_process(c: &mut Criterion) {
    let renderer = Renderer::new(None).unwrap();
    for name in ["stepr", "specstep"] {
        let answers = example(name);
        for (format, label) in FORMATS {
            c.bench_function(&format!("render/{name}/{label}"), |b| {
                b.iter(|| {
                    renderer
                        .render(&policy(black_box(&answers)), format)
                        .unwrap()
                })
            });
        }
    }
    let answers = large::large(200, 500);
    for (format, label) in FORMATS {
        c.bench_function(&format!("render/large-200p-500d/{label}"), |b| {
            b.iter(|| {
                renderer
                    .render(&policy(black_box(&answers)), format)
                    .unwrap()
            })
        });
    }
    c.bench_function("templates/parse-all", |b| {
        b.iter(|| Renderer::new(None).unwrap())
    });
}

fn whole_process(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_policywright");
    let stepr = format!("{}/examples/stepr.json", env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        let out = Command::new(bin).args(args).output().unwrap();
        assert!(out.status.success());
    };
    let mut group = c.benchmark_group("process");
    group.sample_size(30);
    group.bench_function("startup (--version)", |b| b.iter(|| run(&["--version"])));
    group.bench_function("render stepr markdown", |b| {
        b.iter(|| run(&["render", &stepr]))
    });
    group.bench_function("render stepr html", |b| {
        b.iter(|| run(&["render", &stepr, "--format", "html"]))
    });
    group.finish();
}

criterion_group!(benches, in_process, whole_process);
criterion_main!(benches);
