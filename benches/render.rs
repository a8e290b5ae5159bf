//! Render speed, as the brief measures it:
//! - each example in each format, inside the process (bar: under 5 ms);
//! - a generated policy with 200 processors and 500 data items (bar: under 50 ms);
//! - the whole `render` process, each example in each format, against a trivial
//!   `fn main(){println!("hello")}` binary built with `rustc -O` (issue 17's bar:
//!   within 2.5x, wall and CPU; printed as ratios at the end).
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

/// A trivial release binary, `fn main(){println!("hello")}` built with `rustc -O`:
/// the yardstick for a whole process (issue 17: a small render within 2.5 times it).
fn trivial_binary() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("policywright-bench-trivial");
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("hello.rs");
    std::fs::write(&source, "fn main(){println!(\"hello\")}\n").unwrap();
    let binary = dir.join("hello");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let status = Command::new(rustc)
        .args(["-O", "-o"])
        .arg(&binary)
        .arg(&source)
        .status()
        .unwrap();
    assert!(status.success(), "rustc -O hello.rs");
    binary
}

/// Whole processes: the trivial binary, then `render` of each example in each
/// format, each timed by criterion; then the same commands run one after the other
/// in rounds (so load falls on all alike) and their medians printed as ratios to the
/// trivial binary, wall and CPU (user + system, from the children's rusage).
fn whole_process(c: &mut Criterion) {
    let bin = env!("CARGO_BIN_EXE_policywright");
    let trivial = trivial_binary();
    let mut commands: Vec<(String, Command)> =
        vec![("trivial binary".to_owned(), Command::new(&trivial))];
    for name in ["stepr", "specstep"] {
        let path = format!("{}/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        for (_, label) in FORMATS {
            let mut command = Command::new(bin);
            command.args(["render", &path, "--format", label]);
            commands.push((format!("render {name} {label}"), command));
        }
    }
    for (_, command) in &mut commands {
        command.stdout(std::process::Stdio::null());
    }
    let mut group = c.benchmark_group("process");
    group.sample_size(30);
    for (label, command) in &mut commands {
        group.bench_function(label.as_str(), |b| {
            b.iter(|| assert!(command.status().unwrap().success()))
        });
    }
    group.finish();

    const ROUNDS: usize = 60;
    let mut wall = vec![Vec::new(); commands.len()];
    let mut cpu = vec![Vec::new(); commands.len()];
    for _ in 0..ROUNDS {
        for (i, (_, command)) in commands.iter_mut().enumerate() {
            let before = children_cpu();
            let start = std::time::Instant::now();
            assert!(command.status().unwrap().success());
            wall[i].push(start.elapsed().as_secs_f64());
            cpu[i].push(children_cpu() - before);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (trivial_wall, trivial_cpu) = (median(&mut wall[0]), median(&mut cpu[0]));
    println!(
        "\nwhole process, medians of {ROUNDS} interleaved rounds (trivial binary: {:.2} ms wall, {:.2} ms CPU):",
        trivial_wall * 1e3,
        trivial_cpu * 1e3
    );
    for (i, (label, _)) in commands.iter().enumerate().skip(1) {
        let (w, c) = (median(&mut wall[i]), median(&mut cpu[i]));
        println!(
            "  {label:<26} {:.2} ms wall ({:.2}x), {:.2} ms CPU ({:.2}x)   bar: 2.5x",
            w * 1e3,
            w / trivial_wall,
            c * 1e3,
            c / trivial_cpu
        );
    }
}

/// User plus system time of the finished children, in seconds.
#[cfg(unix)]
fn children_cpu() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Not measured here.
#[cfg(not(unix))]
fn children_cpu() -> f64 {
    0.0
}

criterion_group!(benches, in_process, whole_process);
criterion_main!(benches);
