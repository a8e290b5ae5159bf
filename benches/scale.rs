//! How render, check and diff grow with the size of the answers: each is timed at
//! 200/500, 2,000/5,000 and 4,000/10,000 recipients/data categories (the median of a
//! few runs, resolution of the policy included as every command does it), and the
//! growth exponent between sizes is printed: 1.0 is linear, 2.0 quadratic.
//!
//! Run with `cargo bench --bench scale`.

#[path = "../tests/common/large.rs"]
mod large;

use std::time::{Duration, Instant};

use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

const SIZES: [(usize, usize); 3] = [(200, 500), (2_000, 5_000), (4_000, 10_000)];
const RUNS: usize = 5;

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    // `cargo test --benches` runs benches once as tests: the smallest size is enough.
    let sizes: &[(usize, usize)] = if std::env::args().any(|a| a == "--bench") {
        &SIZES
    } else {
        &SIZES[..1]
    };
    let renderer = Renderer::for_format(None, Format::Markdown).unwrap();
    let mut rows: Vec<(usize, [Duration; 3])> = Vec::new();
    for &(processors, categories) in sizes {
        let old = large::large(processors, categories);
        let new = large::edited(&old);
        let resolved = |a| Policy::with_builtin_catalog(a).unwrap();
        let render = median(|| {
            renderer.render(&resolved(&new), Format::Markdown).unwrap();
        });
        let check = median(|| {
            policywright::check::check(&resolved(&new));
        });
        let diff = median(|| {
            policywright::diff::compare(&resolved(&old), &resolved(&new));
        });
        rows.push((processors + categories, [render, check, diff]));
        println!(
            "{processors:>5}/{categories:<6} render {:>9.2?}  check {:>9.2?}  diff {:>9.2?}",
            render, check, diff
        );
    }
    for pair in rows.windows(2) {
        let (n1, t1) = pair[0];
        let (n2, t2) = pair[1];
        let exponent = |a: Duration, b: Duration| {
            (b.as_secs_f64() / a.as_secs_f64()).ln() / (n2 as f64 / n1 as f64).ln()
        };
        println!(
            "growth {n1} -> {n2}: render {:.2}  check {:.2}  diff {:.2}",
            exponent(t1[0], t2[0]),
            exponent(t1[1], t2[1]),
            exponent(t1[2], t2[2])
        );
    }
}
