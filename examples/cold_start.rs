//! Cold start: the first validation in a fresh process, Public Suffix List included.
//!
//! ```sh
//! cargo run --release --example cold_start
//! /usr/bin/time -v target/release/examples/cold_start   # whole-process peak memory
//! ```
//!
//! Prints the time of the first validation (the embedded list is a static table: nothing to
//! parse), of the second one, of parsing the same list at run time with `SuffixList::parse`, and
//! the resident memory each adds (read from `/proc/self/status`, so Linux only;
//! elsewhere it prints `n/a`).

use std::time::Instant;

use gws_onboarding::SuffixList;
use gws_onboarding::form::{self, OnboardingForm, Policy};

/// The resident set size of this process in KiB, where the OS tells it.
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sample = OnboardingForm::sample_domain_customer();
    let rss_before = resident_kib();

    let start = Instant::now();
    let policy = Policy::default();
    let first = form::validate(&sample, &policy);
    let first_time = start.elapsed();
    let rss_after = resident_kib();

    let start = Instant::now();
    let second = form::validate(&sample, &policy);
    let second_time = start.elapsed();
    if first.is_err() || second.is_err() {
        return Err("the bundled sample should be valid".into());
    }

    // The list alone, parsed again from the same text, for its own share of the start.
    let text = include_str!("../data/public_suffix_list.dat");
    let rss_before_list = resident_kib();
    let start = Instant::now();
    let list = SuffixList::parse(text)?;
    let list_time = start.elapsed();
    let rss_after_list = resident_kib();

    println!("first validation (list load included): {first_time:?}");
    println!("second validation:                     {second_time:?}");
    println!(
        "suffix list parse alone:               {list_time:?} ({} rules, version {})",
        list.len(),
        list.version().unwrap_or("unknown")
    );
    match (rss_before, rss_after, rss_before_list, rss_after_list) {
        (Some(a), Some(b), Some(c), Some(d)) => {
            println!(
                "resident memory added by the first validation: {} KiB",
                b.saturating_sub(a)
            );
            println!(
                "resident memory added by a second list:        {} KiB",
                d.saturating_sub(c)
            );
        }
        _ => println!("resident memory: n/a"),
    }
    Ok(())
}
