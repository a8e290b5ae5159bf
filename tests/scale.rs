//! Render, check and diff stay linear in the size of the answers: a generous limit at
//! 4,000 recipients and 10,000 data categories in a debug build catches a return to
//! quadratic work (which took seconds there) without timing anything small. The
//! figures themselves are in `benches/scale.rs`.

#[path = "common/large.rs"]
mod large;

use std::time::{Duration, Instant};

use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

/// Debug builds are 10-30x slower than release; these limits leave room for a busy CI.
const LIMIT: Duration = Duration::from_secs(2);

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < LIMIT, "{what} took {took:?} at 4,000/10,000");
    out
}

#[test]
fn large_answers_render_check_and_diff_in_linear_time() {
    let old = large::large(4_000, 10_000);
    let new = large::edited(&old);
    let (old, new) = (
        Policy::with_builtin_catalog(&old).unwrap(),
        Policy::with_builtin_catalog(&new).unwrap(),
    );
    let renderer = Renderer::for_format(None, Format::Markdown).unwrap();
    let text = timed("render", || {
        renderer.render(&new, Format::Markdown).unwrap()
    });
    assert!(text.contains("Vendor 3999"));
    timed("check", || policywright::check::check(&new));
    let diff = timed("diff", || policywright::diff::compare(&old, &new));
    // One change per edited recipient and category (`large::edited`).
    let edited = new.processors.len().div_ceil(5) + new.data.categories.len().div_ceil(7);
    assert_eq!(diff.changes.len(), edited);
}
