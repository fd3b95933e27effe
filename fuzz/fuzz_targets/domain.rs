#![no_main]
//! `PrimaryDomain::parse` over arbitrary bytes taken as UTF-8.

mod common;

use gws_onboarding::{DomainRules, EmailAddress, PrimaryDomain};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    check(&input, None);
    // The strict rules take other branches (subdomain, private suffix).
    let strict = DomainRules::new().allow_subdomain(false);
    let lenient = DomainRules::new().allow_private_suffix(true);
    check(&input, Some(&strict));
    check(&input, Some(&lenient));
    one_set_of_label_rules(&input);
});

/// Issue 9, bug 5: a host refused as a primary domain for a label reason is refused for the
/// same reason in an address, and the other way round.
fn one_set_of_label_rules(input: &str) {
    // A host, not a pasted URL or address: no surrounding space, none of the characters that
    // the two parsers read as structure (nor their full-width forms, which both fold).
    let structural = |c: char| {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            c => c,
        };
        matches!(c, '@' | '/' | '\\' | '?' | '#' | ':' | '[' | '<' | '>' | '"' | '(' | ')')
    };
    if input.len() > 400 || input.trim() != input || input.contains(structural) {
        return;
    }
    let d = PrimaryDomain::parse(input).err();
    let e = EmailAddress::parse(&format!("a@{input}")).err();
    assert_eq!(
        d.as_ref().and_then(common::domain_label_reason),
        e.as_ref().and_then(common::email_label_reason),
        "{input:?}: {d:?} / {e:?}"
    );
}

fn check(input: &str, rules: Option<&DomainRules>) {
    let parsed = match rules {
        Some(rules) => PrimaryDomain::parse_with(input, rules),
        None => PrimaryDomain::parse(input),
    };
    match parsed {
        Ok(domain) => {
            let s = domain.as_str();
            common::check_canonical(s);
            assert!(s.len() <= 253, "{s:?}");
            assert!(!s.ends_with('.') && !s.starts_with('.'), "{s:?}");
            assert!(s.contains('.'), "{s:?}");
            assert!(!s.split('.').any(|l| l.starts_with("xn--")), "{s:?}");
            // Issue 9, bug 9: no look-alike folded silently; the name is the input after
            // width folding, lowercasing and a trailing dot only.
            let trimmed = common::trimmed_host(input);
            assert!(trimmed.chars().all(common::folds_visibly), "{input:?} -> {s:?}");
            let folded: String = trimmed
                .chars()
                .map(|c| match c {
                    '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
                    '\u{3002}' | '\u{ff61}' => '.',
                    c => c,
                })
                .collect::<String>()
                .to_ascii_lowercase();
            assert_eq!(folded.strip_suffix('.').unwrap_or(&folded), s, "{input:?}");
            assert!(s.ends_with(domain.suffix()), "{s:?}");
            assert!(s.ends_with(domain.registrable()), "{s:?}");
            assert!(domain.contains(s));
            assert_eq!(domain.to_string(), s);
            let again = match rules {
                Some(rules) => PrimaryDomain::parse_with(s, rules),
                None => PrimaryDomain::parse(s),
            };
            assert_eq!(
                again.as_ref(),
                Ok(&domain),
                "{input:?} -> {s:?} does not re-parse"
            );
            let again = again.unwrap();
            assert_eq!(again.suffix(), domain.suffix());
            assert_eq!(again.registrable(), domain.registrable());
        }
        Err(err) => {
            common::check_diagnostic(&err);
            assert!(err.code().starts_with("domain."), "{}", err.code());
            // Item 12: a suggestion parses with the same rules.
            if let Some(suggested) = err.suggestion() {
                let again = match rules {
                    Some(rules) => PrimaryDomain::parse_with(suggested, rules),
                    None => PrimaryDomain::parse(suggested),
                };
                assert!(again.is_ok(), "{input:?} suggests {suggested:?}: {again:?}");
            }
        }
    }
}
