//! What both benches share: the inputs, the bare dependency calls ("the floor") and the list
//! those calls use, so that `validation` and `targets` measure the same things.

use std::str::FromStr;

use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
use gws_onboarding::lifecycle::ListedCustomer;
use publicsuffix::Psl as _;

/// The Public Suffix List snapshot the crate embeds, for the bare `publicsuffix` calls.
pub const LIST: &str = include_str!("../../data/public_suffix_list.dat");

/// Four primary domains: plain, mixed case with a subdomain, a trailing dot, plain.
#[allow(dead_code)] // used by one bench only
pub const DOMAINS: [&str; 4] = [
    "acme-widgets.fr",
    "Shop.Example-Corp.co.uk",
    "universite-exemple.ac.fr.",
    "studio-nord.de",
];

/// Four addresses: plain, mixed case, atext specials under a second-level suffix, plain.
pub const EMAILS: [&str; 4] = [
    "jeanne.martin@acme-widgets.fr",
    "IT-Support@Reseller-Example.DE",
    "o'brien+crm@mail.example-corp.co.uk",
    "sam.keller@studio-nord.de",
];

/// The `publicsuffix` list the floor looks names up in.
///
/// # Panics
///
/// If the embedded snapshot does not parse, which the crate's own tests rule out.
#[must_use]
pub fn floor_list() -> publicsuffix::List {
    publicsuffix::List::from_str(LIST).expect("the list parses")
}

/// The bare dependency calls a primary domain needs: UTS-46 mapping and a suffix lookup.
pub fn bare_domain(list: &publicsuffix::List, input: &str) -> usize {
    let ascii = idna::domain_to_ascii_cow(input.trim().as_bytes(), idna::AsciiDenyList::STD3)
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    list.domain(ascii.as_bytes())
        .map_or(0, |d| d.as_bytes().len())
}

/// The bare dependency calls an address needs: RFC 5322 parse, UTS-46 mapping, suffix lookup.
pub fn bare_email(list: &publicsuffix::List, input: &str) -> usize {
    let options = email_address::Options {
        allow_display_text: false,
        allow_domain_literal: false,
        ..email_address::Options::default()
    };
    let Ok(parsed) = email_address::EmailAddress::parse_with_options(input.trim(), options) else {
        return 0;
    };
    bare_domain(list, parsed.domain())
}

/// `count` listed customers; one name in five is shared by several teams (the Essentials case).
///
/// # Panics
///
/// Never: the generated names and ids are valid.
#[must_use]
pub fn listed_customers(count: u32) -> Vec<ListedCustomer> {
    (0..count)
        .map(|i| {
            let name = if i % 5 == 0 {
                format!("Design Team {}", i % 1_000)
            } else {
                format!("Customer {i}")
            };
            ListedCustomer::new(
                OrganizationName::parse(&name).expect("valid name"),
                CloudIdentityId::parse(&format!("C{i:08x}")).expect("valid id"),
            )
        })
        .collect()
}

/// The unkeyed hash the crate used for every suffix table before 0.1.x: what
/// [`crafted_suffix_list`] collides. A copy of `SuffixHasher` (`src/suffix/rules.rs`, still used
/// for the static table of the embedded snapshot) over a `str` key as `HashMap` hashes it (the
/// bytes, then `0xff`).
#[allow(dead_code)] // used by one bench only
#[must_use]
pub fn unkeyed_hash(key: &str) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let bytes = key.as_bytes();
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    (h.rotate_left(5) ^ 0xff).wrapping_mul(K)
}

/// A deterministic generator (splitmix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn label(&mut self, len: usize) -> Vec<u8> {
        const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        (0..len)
            .map(|_| ALPHABET[usize::try_from(self.next() % 36).unwrap_or(0)])
            .collect()
    }
}

/// `count` distinct one-label rules of 16 letters and digits whose [`unkeyed_hash`] agree in
/// their low 20 bits: in a hash table keyed by that hash (up to a million buckets) they all
/// start probing at the same bucket, and inserting them is quadratic. The first two bytes and
/// the last eight are fixed, and a candidate is kept when the top five bits of both
/// intermediate states are zero: the low bits of the final hash then depend on nothing else.
#[allow(dead_code)] // used by one bench only
#[must_use]
pub fn crafted_suffix_list(count: usize) -> String {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut rng = SplitMix(0x5eed);
    let tail = *b"zzzzzzzz";
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut out = String::with_capacity(count * 17);
    let mut low = None;
    while seen.len() < count {
        let mut head = [b'a'; 8];
        head[2..].copy_from_slice(&rng.label(6));
        let h1 = u64::from_le_bytes(head).wrapping_mul(K);
        if h1 >> 59 != 0 {
            continue;
        }
        let h2 = (h1.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
        if h2 >> 59 != 0 {
            continue;
        }
        let mut key = head.to_vec();
        key.extend_from_slice(&tail);
        let key = String::from_utf8(key).unwrap_or_default();
        let bits = unkeyed_hash(&key) & 0xf_ffff;
        assert_eq!(
            *low.get_or_insert(bits),
            bits,
            "the crafted keys must collide"
        );
        if seen.insert(key.clone()) {
            out.push_str(&key);
            out.push('\n');
        }
    }
    out
}

/// `count` distinct random one-label rules of 16 letters and digits: the baseline for
/// [`crafted_suffix_list`].
#[allow(dead_code)] // used by one bench only
#[must_use]
pub fn random_suffix_list(count: usize) -> String {
    let mut rng = SplitMix(0xba5e);
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut out = String::with_capacity(count * 17);
    while seen.len() < count {
        let key = String::from_utf8(rng.label(16)).unwrap_or_default();
        if seen.insert(key.clone()) {
            out.push_str(&key);
            out.push('\n');
        }
    }
    out
}

/// [`unkeyed_hash`] as a [`std::hash::Hasher`], for a `HashMap` keyed the way the crate's
/// suffix tables were.
#[allow(dead_code)] // used by one bench only
#[derive(Default)]
pub struct UnkeyedHasher(u64);

impl std::hash::Hasher for UnkeyedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}
