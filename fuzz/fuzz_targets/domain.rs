#![no_main]
//! `PrimaryDomain::parse` over arbitrary bytes taken as UTF-8.

mod common;

use gws_onboarding::{DomainRules, PrimaryDomain};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    check(&input, None);
    // The strict rules take other branches (subdomain, private suffix).
    let strict = DomainRules::new().allow_subdomain(false);
    let lenient = DomainRules::new().allow_private_suffix(true);
    check(&input, Some(&strict));
    check(&input, Some(&lenient));
});

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
        }
    }
}
