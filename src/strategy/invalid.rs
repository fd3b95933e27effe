//! Layer 7, strategy: invalid domains and email addresses, each with its code.

use super::pools::{SUFFIXES, UNKNOWN_TLDS};
use super::values::{label, person_name, primary_domain, spelling, username};
use crate::suffix::SuffixList;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Near-miss primary domains and the [`DomainError`](crate::DomainError) code
/// [`PrimaryDomain::parse`](crate::PrimaryDomain::parse) must return: `www.`, a URL, an email address, a consumer domain, a
/// public suffix, an unknown TLD, an IDN (Unicode or `xn--`), a special-use name, `_` or a
/// space, an empty label, a hyphen at a label's edge or `--` in third and fourth position, a
/// 64-octet label, an IPv4 address, a single label, a blank string.
///
/// ```
/// use gws_onboarding::{strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, code) in strategy::invalid_domain())| {
///     prop_assert_eq!(PrimaryDomain::parse(&raw).unwrap_err().code(), code);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_domain() -> impl Strategy<Value = (String, &'static str)> {
    let d = || primary_domain().prop_map(|d| d.to_string());
    let idn_word = select(vec!["bücher", "café", "Münchën", "ñandú", "øre", "straße"]);
    prop_oneof![
        select(vec!["", "  ", "\t"]).prop_map(|s| (s.to_owned(), "domain.empty")),
        (
            d(),
            select(vec!["https://", "http://", ""]),
            select(vec!["/", "/contact", ":443", ""])
        )
            .prop_filter("not a URL", |(_, scheme, path)| !(scheme.is_empty()
                && path.is_empty()))
            .prop_map(|(d, scheme, path)| (format!("{scheme}{d}{path}"), "domain.url")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}@{d}"), "domain.email")),
        (d(), spelling()).prop_map(|(d, s)| (s.apply(&format!("www.{d}")), "domain.www")),
        select(vec![
            "gmail.com",
            "GMail.com",
            "googlemail.com",
            "mail.gmail.com"
        ])
        .prop_map(|s| (s.to_owned(), "domain.consumer")),
        select(vec![
            "co.uk",
            "com.au",
            "org.uk",
            "co.nz",
            "github.io",
            "blogspot.com"
        ])
        .prop_map(|s| (s.to_owned(), "domain.public_suffix")),
        (label(), select(UNKNOWN_TLDS))
            .prop_map(|(l, tld)| (format!("{l}.{tld}"), "domain.unknown_tld")),
        (
            idn_word,
            option::of(label()),
            select(SUFFIXES),
            any::<bool>()
        )
            .prop_map(|(word, l, suffix, a_label)| {
                let name = match l {
                    Some(l) => format!("{word}-{l}.{suffix}"),
                    None => format!("{word}.{suffix}"),
                };
                let name = if a_label {
                    idna::domain_to_ascii(&name).unwrap_or(name)
                } else {
                    name
                };
                (name, "domain.idn")
            }),
        (
            label(),
            select(vec![
                "test",
                "example",
                "invalid",
                "localhost",
                "local",
                "onion",
                "alt",
                "internal",
                "example.com",
                "example.net",
                "example.org",
                "home.arpa",
            ])
        )
            .prop_map(|(l, special)| (format!("{l}.{special}"), "domain.special_use")),
        (label(), label(), select(vec!["_", " "]), select(SUFFIXES))
            .prop_map(|(a, b, c, s)| (format!("{a}{c}{b}.{s}"), "domain.invalid_char")),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| (format!("{l}..{s}"), "domain.empty_label")),
        (label(), select(SUFFIXES), any::<bool>()).prop_map(|(l, s, front)| {
            let l = if front {
                format!("-{l}")
            } else {
                format!("{l}-")
            };
            (format!("{l}.{s}"), "domain.hyphen")
        }),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| {
            let long: String = l.chars().cycle().take(64).collect();
            let long = long.trim_end_matches('-').to_owned() + &"a".repeat(64);
            (format!("{}.{s}", &long[..64]), "domain.label_too_long")
        }),
        (any::<[u8; 4]>()).prop_map(|[a, b, c, e]| (format!("{a}.{b}.{c}.{e}"), "domain.ip")),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| {
            // Reserved: `--` in third and fourth position (RFC 5891), other than `xn--`.
            let head: String = l.chars().chain("ab".chars()).take(2).collect();
            let head = if head == "xn" { "ab".to_owned() } else { head };
            (format!("{head}--{l}.{s}"), "domain.hyphen")
        }),
        // A lone TLD (`mx`) is a public suffix, not a single label.
        label()
            .prop_map(|l| format!("{l}x"))
            .prop_filter("a top-level domain", |l| {
                !SuffixList::embedded().lookup(l).is_known()
            })
            .prop_map(|l| (l, "domain.single_label")),
    ]
}

/// Near-miss email addresses and the [`EmailError`](crate::EmailError) code
/// [`EmailAddress::parse`](crate::EmailAddress::parse) must return: no `@`, two `@`, a display name, a quoted local part,
/// a comment, a domain literal, `..` or an edge dot in the local part, a non-ASCII or over-long
/// local part, `_` in the domain, an IPv4 domain, a single-label domain, an unknown TLD, a
/// special-use domain, a blank string.
///
/// ```
/// use gws_onboarding::{strategy, EmailAddress};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, code) in strategy::invalid_email())| {
///     prop_assert_eq!(EmailAddress::parse(&raw).unwrap_err().code(), code);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_email() -> impl Strategy<Value = (String, &'static str)> {
    let d = || primary_domain().prop_map(|d| d.to_string());
    prop_oneof![
        select(vec!["", "  "]).prop_map(|s| (s.to_owned(), "email.empty")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}{d}"), "email.missing_at")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}@{u}@{d}"), "email.multiple_at")),
        (username(), d(), person_name())
            .prop_map(|(u, d, n)| (format!("{n} <{u}@{d}>"), "email.display_name")),
        (username(), d()).prop_map(|(u, d)| (format!("\"{u} x\"@{d}"), "email.quoted")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}(work)@{d}"), "email.comment")),
        username().prop_map(|u| (format!("{u}@[192.0.2.1]"), "email.domain_literal")),
        (
            label(),
            label(),
            d(),
            select(vec!["{a}..{b}", ".{a}", "{a}."])
        )
            .prop_map(|(a, b, d, shape)| {
                let local = shape.replace("{a}", &a).replace("{b}", &b);
                (format!("{local}@{d}"), "email.invalid_local")
            }),
        (username(), select(vec!["é", "ü", "ø"]), d())
            .prop_map(|(u, c, d)| (format!("{u}{c}@{d}"), "email.non_ascii_local")),
        (65_usize..80, d())
            .prop_map(|(n, d)| (format!("{}@{d}", "a".repeat(n)), "email.local_too_long")),
        (username(), label(), label(), select(SUFFIXES))
            .prop_map(|(u, a, b, s)| (format!("{u}@{a}_{b}.{s}"), "email.domain_invalid")),
        (username(), any::<[u8; 4]>())
            .prop_map(|(u, [a, b, c, e])| { (format!("{u}@{a}.{b}.{c}.{e}"), "email.domain_ip") }),
        (username(), label()).prop_map(|(u, l)| (format!("{u}@{l}x"), "email.domain_single_label")),
        (username(), label(), select(UNKNOWN_TLDS))
            .prop_map(|(u, l, t)| (format!("{u}@{l}.{t}"), "email.domain_unknown_tld")),
        (
            username(),
            label(),
            select(vec!["test", "invalid", "localhost", "example"])
        )
            .prop_map(|(u, l, t)| (format!("{u}@{l}.{t}"), "email.domain_special_use")),
    ]
}
