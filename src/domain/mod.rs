//! Layer 2, values. The customer's primary domain.
//!
//! A [`PrimaryDomain`] is the domain a Google Workspace or Cloud Identity customer signs up with
//! (the Reseller API's `customerDomain`, the Cloud Channel API's `domain`). Parsing it checks what
//! Google would otherwise refuse, or what would fail later when the customer verifies it:
//!
//! | input | code |
//! |---|---|
//! | `""`, `"  "` | `domain.empty` |
//! | a name over 253 octets | `domain.too_long` |
//! | `https://example.com/`, `example.com:443` | `domain.url` |
//! | `admin@example.com` | `domain.email` |
//! | `www.acme.com`, `www.www.acme.com` (`www.gmail.com` gets `domain.consumer`) | `domain.www` |
//! | an invisible or control character (Unicode's `Default_Ignorable_Code_Point`, `Cc`, `Cf`, …) | `domain.unsafe_char` |
//! | `𝐚𝐜𝐦𝐞.fr`, `ⓐcme.fr`, `ſhop.fr`, `㎏.fr` (look-alikes UTS-46 would fold) | `domain.lookalike` |
//! | `ex_ample.com`, `exa mple.com` | `domain.invalid_char` |
//! | `example..com` | `domain.empty_label` |
//! | a 64-octet label | `domain.label_too_long` |
//! | `-example.com`, `ab--cd.com`, `xn---bcher-4ya.de` | `domain.hyphen` |
//! | `xn--zz.fr` (not valid punycode) | `domain.punycode` |
//! | `bücher.de`, `xn--bcher-kva.de` | `domain.idn` |
//! | `192.0.2.1`, `[2001:db8::1]` | `domain.ip` |
//! | `intranet` | `domain.single_label` |
//! | `example.notatld` | `domain.unknown_tld` |
//! | `co.uk`, `github.io` | `domain.public_suffix` |
//! | `foo.test`, `example.com`, `x.home.arpa` | `domain.special_use` |
//! | `gmail.com`, `googlemail.com` | `domain.consumer` |
//! | `foo.github.io` (by default) | `domain.private_suffix` |
//! | `shop.example.com` (only when [`DomainRules::allow_subdomain`] is off) | `domain.subdomain` |
//!
//! ```
//! use gws_onboarding::PrimaryDomain;
//!
//! let domain: PrimaryDomain = "  Example.CO.UK. ".parse()?;
//! assert_eq!(domain.as_str(), "example.co.uk");
//! assert_eq!(domain.suffix(), "co.uk");
//! assert_eq!(domain.registrable(), "example.co.uk");
//!
//! let err = "www.acme.com".parse::<PrimaryDomain>().unwrap_err();
//! assert_eq!(err.code(), "domain.www");
//! assert_eq!(err.to_string(), "domain \"www.acme.com\" starts with \"www.\": enter \"acme.com\"");
//! assert_eq!(err.suggestion(), Some("acme.com"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod primary;
mod rules;

pub use error::DomainError;
pub use primary::PrimaryDomain;
pub(crate) use rules::CONSUMER_DOMAINS;
pub use rules::{DomainRules, MAX_DOMAIN_INPUT};

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        match PrimaryDomain::parse(input) {
            Ok(d) => panic!("{input:?} parsed as {d:?}"),
            Err(e) => e.code(),
        }
    }

    #[test]
    fn accepts_and_normalises() {
        for (input, canonical) in [
            ("Acme.COM", "acme.com"),
            ("acme.com.", "acme.com"),
            ("  acme.com\t", "acme.com"),
            ("ｅｘａｍｐｌｅ．fr", "example.fr"),
            ("shop.example.co.uk", "shop.example.co.uk"),
            ("a-b.de", "a-b.de"),
            ("123.com", "123.com"),
        ] {
            assert_eq!(
                PrimaryDomain::parse(input).map(String::from),
                Ok(canonical.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn rejects_with_precise_codes() {
        assert_eq!(code(""), "domain.empty");
        assert_eq!(code("https://example.com"), "domain.url");
        assert_eq!(code("example.com:8080"), "domain.url");
        assert_eq!(code("example.com/about"), "domain.url");
        assert_eq!(code("me@example.com"), "domain.email");
        assert_eq!(code("WWW.acme.com"), "domain.www");
        assert_eq!(code("www.example.com"), "domain.special_use");
        assert_eq!(code("www.gmail.com"), "domain.consumer");
        assert_eq!(code("xn--zz.de"), "domain.punycode");
        assert_eq!(code("ab--cd.de"), "domain.hyphen");
        assert_eq!(code("xn---bcher-4ya.de"), "domain.hyphen");
        assert_eq!(code("𝐚𝐜𝐦𝐞.fr"), "domain.lookalike");
        assert_eq!(code("exa_mple.com"), "domain.invalid_char");
        assert_eq!(code("example..com"), "domain.empty_label");
        assert_eq!(code("-example.com"), "domain.hyphen");
        assert_eq!(code("bücher.de"), "domain.idn");
        assert_eq!(code("XN--bcher-kva.de"), "domain.idn");
        assert_eq!(code("192.0.2.1"), "domain.ip");
        assert_eq!(code("[2001:db8::1]"), "domain.ip");
        assert_eq!(code("2001:db8::1"), "domain.ip");
        assert_eq!(code("intranet"), "domain.single_label");
        assert_eq!(code("example.notatld"), "domain.unknown_tld");
        assert_eq!(code("co.uk"), "domain.public_suffix");
        assert_eq!(code("github.io"), "domain.public_suffix");
        assert_eq!(code("localhost"), "domain.special_use");
        assert_eq!(code("foo.onion"), "domain.special_use");
        assert_eq!(code("example.com"), "domain.special_use");
        assert_eq!(code("gmail.com"), "domain.consumer");
        assert_eq!(code("foo.github.io"), "domain.private_suffix");
        assert_eq!(code(&"a".repeat(20_000_000)), "domain.too_long");
    }

    #[test]
    fn idn_error_shows_both_forms() {
        let err = PrimaryDomain::parse("xn--bcher-kva.de").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"bücher.de\" (xn--bcher-kva.de) is an internationalized domain name: Google Workspace accepts only domains of letters a-z, digits and hyphens"
        );
    }

    #[test]
    fn subdomain_counts_from_a_private_suffix() {
        let rules = DomainRules::new()
            .allow_private_suffix(true)
            .allow_subdomain(false);
        let d = PrimaryDomain::parse_with("acme.github.io", &rules).unwrap();
        assert!(!d.is_subdomain());
        assert_eq!(d.registrable(), "github.io");
        let err = PrimaryDomain::parse_with("docs.acme.github.io", &rules).unwrap_err();
        assert_eq!(err.code(), "domain.subdomain");
    }

    #[test]
    fn registrable_and_suffix() {
        let d = PrimaryDomain::parse("a.b.example.co.uk").unwrap();
        assert_eq!(d.suffix(), "co.uk");
        assert_eq!(d.registrable(), "example.co.uk");
        assert!(d.is_subdomain());
        assert!(!d.is_under_private_suffix());
    }
}
