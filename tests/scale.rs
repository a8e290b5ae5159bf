//! Render, check and diff stay linear in the size of the answers. Each is timed at
//! 1,000/2,500 and at four times that, 4,000/10,000 recipients/data categories, in
//! the debug build `cargo test` makes: linear work takes 4 to 8 times as long at the
//! larger size (allocation and caches cost more at scale; measured: 5-8) and quadratic
//! work 16 times, so a ratio under 12 holds the line while staying clear of a busy
//! machine's noise (each time is the best of three runs). An absolute
//! limit catches anything far worse. The figures themselves are in `benches/scale.rs`.

#[path = "common/large.rs"]
mod large;

use std::time::{Duration, Instant};

use policywright::policy::Policy;
use policywright::render::{Format, Renderer};

const RATIO: f64 = 12.0;
const LIMIT: Duration = Duration::from_secs(20);

/// The time of render, check and diff at this size (the best of three runs each).
fn times(processors: usize, categories: usize) -> [Duration; 3] {
    let old = large::large(processors, categories);
    let new = large::edited(&old);
    let (old, new) = (
        Policy::with_builtin_catalog(&old).unwrap(),
        Policy::with_builtin_catalog(&new).unwrap(),
    );
    let renderer = Renderer::for_format(None, Format::Markdown).unwrap();
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let last = format!("Vendor {}", processors - 1);
    [
        best(&|| {
            let text = renderer.render(&new, Format::Markdown).unwrap();
            assert!(text.contains(&last));
        }),
        best(&|| {
            policywright::check::check(&new);
        }),
        best(&|| {
            let diff = policywright::diff::compare(&old, &new);
            // One change per edited recipient and category (`large::edited`).
            let edited = new.processors.len().div_ceil(5) + new.data.categories.len().div_ceil(7);
            assert_eq!(diff.changes.len(), edited);
        }),
    ]
}

/// A busy machine can stretch one measurement (the large size once took x17.7 for
/// linear code while other builds ran), so a ratio over the line is measured again,
/// up to three times in all: quadratic work is over it every time.
#[test]
fn large_answers_render_check_and_diff_in_linear_time() {
    const ATTEMPTS: usize = 3;
    const WHAT: [&str; 3] = ["render", "check", "diff"];
    let mut passed = [false; 3];
    let mut seen: [Vec<String>; 3] = Default::default();
    for _ in 0..ATTEMPTS {
        let (small, large) = (times(1_000, 2_500), times(4_000, 10_000));
        for i in 0..3 {
            let ratio = large[i].as_secs_f64() / small[i].as_secs_f64().max(1e-3);
            seen[i].push(format!("{:?} -> {:?} (x{ratio:.1})", small[i], large[i]));
            passed[i] |= ratio < RATIO && large[i] < LIMIT;
        }
        if passed.iter().all(|&p| p) {
            return;
        }
    }
    for i in 0..3 {
        assert!(
            passed[i],
            "{} at 1,000/2,500 -> 4,000/10,000, linear is x4: {}",
            WHAT[i],
            seen[i].join(", ")
        );
    }
}

/// A large file's text, written entry by entry, is what pretty-printing the whole
/// file value gives (`answers::file_text` holds it on the examples), and it reads back
/// as the same answers.
#[test]
fn a_large_files_text_is_written_as_a_whole_value_would_be() {
    let a = large::large(200, 500);
    let text = a.to_json();
    let mut whole = serde_json::to_string_pretty(&a.to_file_value()).unwrap();
    whole.push('\n');
    assert!(text == whole, "the texts differ");
    assert_eq!(policywright::answers::Answers::from_json(&text).unwrap(), a);
}
