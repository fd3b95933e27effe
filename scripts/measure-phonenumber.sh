#!/usr/bin/env bash
# Measures what the `phonenumber` crate would cost this library (issue 15's budget: at most
# 10 ms of cold start and 20 µs per form): the first use of its metadata database, the first
# parse after it, and the mean cost of parse + is_valid + E.164 formatting over a mix
# of numbers; then, in the same process, the same figures for this crate's own
# `PhoneNumber::parse_in` (its patterns compiled lazily, per region, on first use).
# Builds a throwaway project in a temporary directory; nothing is kept.
#
# Usage: scripts/measure-phonenumber.sh [VERSION]   (default 0.3.10)
set -euo pipefail
version="${1:-0.3.10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cargo new -q measure
cd measure
cargo add -q "phonenumber@=$version"
cargo add -q --path "$root" --no-default-features
cat > src/main.rs <<'RS'
use std::time::Instant;
use phonenumber::{country, Mode};
fn main() {
    let t = Instant::now();
    let _ = &*phonenumber::metadata::DATABASE;
    println!("database {:?}", t.elapsed());
    let t = Instant::now();
    let n = phonenumber::parse(Some(country::Id::FR), "01 42 68 53 00").unwrap();
    let v = phonenumber::is_valid(&n);
    let cold = t.elapsed();
    println!("cold {:?} valid {v} {}", cold, n.format().mode(Mode::E164));
    let inputs = [("+33 1 42 68 53 00", None), ("01 42 68 53 00", Some(country::Id::FR)), ("+1 650 253 0000", None), ("+49 30 901820", None), ("030 901820", Some(country::Id::DE)), ("+33 6 12 34 56 78 90 12", None), ("+1 555 0100", None), ("+44 20 7946 0958 ext. 123", None)];
    for (s, r) in inputs { match phonenumber::parse(r, s) { Ok(n) => println!("{s:30} valid={} e164={} ext={:?} type={:?}", phonenumber::is_valid(&n), n.format().mode(Mode::E164), n.extension(), n.number_type(&phonenumber::metadata::DATABASE)), Err(e) => println!("{s:30} err {e:?}") } }
    let t = Instant::now();
    let mut k = 0;
    for _ in 0..2000 { for (s, r) in inputs { if let Ok(n) = phonenumber::parse(r, s) { if phonenumber::is_valid(&n) { k += 1; } let _ = n.format().mode(Mode::E164).to_string(); } } }
    println!("per number {:?} ({k})", t.elapsed() / (2000 * inputs.len() as u32));
    // This crate, same inputs.
    use gws_onboarding::{CountryCode, PhoneNumber};
    let (fr, de) = (CountryCode::parse("FR").ok(), CountryCode::parse("DE").ok());
    let t = Instant::now();
    let ok = PhoneNumber::parse_in("01 42 68 53 00", fr).is_ok();
    println!("gws-onboarding cold {:?} valid {ok}", t.elapsed());
    let ours = [("+33 1 42 68 53 00", None), ("01 42 68 53 00", fr), ("+1 650 253 0000", None), ("+49 30 901820", None), ("030 901820", de), ("+33 6 12 34 56 78 90 12", None), ("+1 555 0100", None), ("+44 20 7946 0958", None)];
    let t = Instant::now();
    for (s, r) in ours { let _ = PhoneNumber::parse_in(s, r); }
    println!("gws-onboarding first use of the other regions {:?}", t.elapsed());
    let t = Instant::now();
    let mut k = 0;
    for _ in 0..2000 { for (s, r) in ours { if PhoneNumber::parse_in(s, r).is_ok() { k += 1; } } }
    println!("gws-onboarding per number {:?} ({k})", t.elapsed() / (2000 * ours.len() as u32));
}
RS
for run in 1 2 3; do
    echo "== run $run"
    cargo run --release -q
done
