//! Layer 2, values. Reading `public_suffix_list.dat` into a table of whole suffixes.
//!
//! Shared by the library (for a caller's own list) and by `build.rs` (which turns the embedded
//! snapshot into a static hash table at compile time, so that a process pays nothing to load
//! it). It therefore depends on `std` and `idna` only.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hasher, RandomState};

// Flags kept for each whole suffix in the table. A key with no flag is an interior node: a
// proper suffix of some rule, kept so that a lookup can stop at the first absent suffix.
pub(crate) const RULE_ICANN: u8 = 1;
pub(crate) const RULE_PRIVATE: u8 = 1 << 1;
pub(crate) const WILDCARD_ICANN: u8 = 1 << 2;
pub(crate) const WILDCARD_PRIVATE: u8 = 1 << 3;
pub(crate) const EXCEPTION_ICANN: u8 = 1 << 4;
pub(crate) const EXCEPTION_PRIVATE: u8 = 1 << 5;

/// A tiny multiplicative hasher for the embedded table's short ASCII keys.
///
/// Used only for the static table `build.rs` makes from the embedded snapshot: its keys are
/// fixed when the crate is built, so a caller's name can only probe the slots the snapshot's own
/// keys occupy, and no input can make the table slow. It is **not** collision-resistant: keys
/// that collide are easy to craft, so a list read at run time (text a caller, or an attacker,
/// supplies) goes into a [`Table`] with the standard library's keyed `SipHash` instead.
#[derive(Default)]
pub(crate) struct SuffixHasher(u64);

impl Hasher for SuffixHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The table of a parsed list: every rule and every proper suffix of a rule (an interior node,
/// flags 0), keyed by lowercase A-label suffix.
///
/// Hashed with the standard library's [`RandomState`] (`SipHash-1-3` with a random key per
/// process): the text is the caller's, so crafted rules whose hashes collide must not make
/// reading it quadratic (160 000 such rules took 48 s with an unkeyed hash).
pub(crate) type Table<'t> = HashMap<Cow<'t, str>, u8, RandomState>;

/// A list read from text.
pub(crate) struct Parsed<'t> {
    pub(crate) table: Table<'t>,
    pub(crate) version: Option<&'t str>,
    pub(crate) rules: usize,
}

/// Why list text could not be read.
#[derive(Debug)]
pub(crate) enum RulesError<'t> {
    /// A malformed rule, with its 1-based line.
    Invalid { line: usize, rule: &'t str },
    /// No rule at all.
    Empty,
}

/// The hash of a key, the same for the build-time table and the run-time lookup.
pub(crate) fn hash_key(key: &str) -> u64 {
    let mut hasher = SuffixHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish()
}

/// Reads list text. Rules are read up to the first white space of their line; `//` lines are
/// comments; the `===BEGIN ICANN DOMAINS===` and `===BEGIN PRIVATE DOMAINS===` markers set the
/// section of the rules that follow (rules before any marker count as ICANN).
pub(crate) fn parse_rules(text: &str) -> Result<Parsed<'_>, RulesError<'_>> {
    let mut table = Table::with_capacity_and_hasher(16_384, RandomState::new());
    let mut version = None;
    let mut private = false;
    let mut rules = 0;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_ascii();
        if let Some(comment) = line.strip_prefix("//") {
            let comment = comment.trim_ascii_start();
            if comment.starts_with("===BEGIN ICANN DOMAINS===") {
                private = false;
            } else if comment.starts_with("===BEGIN PRIVATE DOMAINS===") {
                private = true;
            } else if version.is_none() {
                version = comment.strip_prefix("VERSION:").map(str::trim);
            }
            continue;
        }
        let Some(rule) = line.split_ascii_whitespace().next() else {
            continue;
        };
        let invalid = || RulesError::Invalid {
            line: index + 1,
            rule,
        };
        let (body, kind) = if let Some(rest) = rule.strip_prefix('!') {
            let kind = if private {
                EXCEPTION_PRIVATE
            } else {
                EXCEPTION_ICANN
            };
            (rest, kind)
        } else if let Some(rest) = rule.strip_prefix("*.") {
            let kind = if private {
                WILDCARD_PRIVATE
            } else {
                WILDCARD_ICANN
            };
            (rest, kind)
        } else {
            (rule, if private { RULE_PRIVATE } else { RULE_ICANN })
        };
        let ascii = to_ascii_rule(body).ok_or_else(invalid)?;
        if kind & (EXCEPTION_ICANN | EXCEPTION_PRIVATE) != 0 && !ascii.as_bytes().contains(&b'.') {
            return Err(invalid());
        }
        insert(&mut table, ascii, kind);
        rules += 1;
    }
    if rules == 0 {
        return Err(RulesError::Empty);
    }
    Ok(Parsed {
        table,
        version,
        rules,
    })
}

/// The lowercase A-label form of a rule body, when it is a valid one (for tests).
#[cfg(test)]
pub(crate) fn to_ascii(body: &str) -> Option<String> {
    to_ascii_rule(body).map(Cow::into_owned)
}

/// Converts one rule body to its lowercase A-label form, checking its labels; borrows when the
/// body already is one. One pass over the bytes for the common, ASCII case.
fn to_ascii_rule(body: &str) -> Option<Cow<'_, str>> {
    if body.is_empty() || body.len() > 253 {
        return None;
    }
    match scan_labels(body.as_bytes()) {
        Scan::Invalid => None,
        Scan::Lower => Some(Cow::Borrowed(body)),
        Scan::Upper => Some(Cow::Owned(body.to_ascii_lowercase())),
        Scan::NonAscii => {
            let ascii =
                idna::domain_to_ascii_cow(body.as_bytes(), idna::AsciiDenyList::STD3).ok()?;
            match scan_labels(ascii.as_bytes()) {
                Scan::Lower => Some(Cow::Owned(ascii.into_owned())),
                _ => None,
            }
        }
    }
}

enum Scan {
    Invalid,
    Lower,
    Upper,
    NonAscii,
}

/// Checks labels (non-empty, at most 63 octets, letters, digits, `-`, `_`) in one pass.
fn scan_labels(bytes: &[u8]) -> Scan {
    let mut label = 0usize;
    let mut upper = false;
    for &b in bytes {
        match b {
            b'.' => {
                if label == 0 {
                    return Scan::Invalid;
                }
                label = 0;
                continue;
            }
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {}
            b'A'..=b'Z' => upper = true,
            0x80.. => return Scan::NonAscii,
            _ => return Scan::Invalid,
        }
        label += 1;
        if label > 63 {
            return Scan::Invalid;
        }
    }
    match (label, upper) {
        (0, _) => Scan::Invalid,
        (_, true) => Scan::Upper,
        (_, false) => Scan::Lower,
    }
}

/// Inserts a rule and marks all of its proper suffixes as interior nodes.
fn insert<'t>(table: &mut Table<'t>, rule: Cow<'t, str>, kind: u8) {
    let bytes = rule.as_bytes();
    for (dot, _) in bytes.iter().enumerate().filter(|&(_, &b)| b == b'.') {
        let rest = &rule[dot + 1..];
        if !table.contains_key(rest) {
            let interior = match &rule {
                Cow::Borrowed(b) => Cow::Borrowed(&b[dot + 1..]),
                Cow::Owned(_) => Cow::Owned(rest.to_owned()),
            };
            table.insert(interior, 0);
        }
    }
    *table.entry(rule).or_insert(0) |= kind;
}
