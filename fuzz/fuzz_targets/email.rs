#![no_main]
//! `EmailAddress::parse` over arbitrary bytes taken as UTF-8, with `email_address` as oracle.

mod common;

use gws_onboarding::EmailAddress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    match EmailAddress::parse(&input) {
        Ok(email) => {
            let s = email.as_str();
            common::check_canonical(s);
            assert!(s.len() <= 254, "{s:?}");
            assert_eq!(format!("{}@{}", email.local_part(), email.domain()), s);
            assert!(!email.local_part().is_empty() && email.local_part().len() <= 64);
            assert!(!email.domain().ends_with('.'), "{s:?}");
            assert!(
                email.domain().ends_with(email.registrable_domain()),
                "{s:?}"
            );
            let _ = email.domain_unicode();
            // Issue 9, bug 9: a domain that came out plain ASCII was typed in ASCII or
            // full-width ASCII, never through a look-alike.
            if !email.domain().split('.').any(|l| l.starts_with("xn--")) {
                let written = common::trimmed_host(&input);
                let written = written.rsplit_once('@').map_or(written, |(_, d)| d);
                assert!(written.chars().all(common::folds_visibly), "{input:?} -> {s:?}");
            }
            let _ = email.is_consumer();
            assert_eq!(email.to_string(), s);
            let again = EmailAddress::parse(s);
            assert_eq!(
                again.as_ref(),
                Ok(&email),
                "{input:?} -> {s:?} does not re-parse"
            );
            assert_eq!(
                again.unwrap().registrable_domain(),
                email.registrable_domain()
            );
            // The email_address oracle: it accepts what we accept, with the same parts, and
            // the conversions round-trip.
            let theirs = email_address::EmailAddress::parse_with_options(
                s,
                email_address::Options::default(),
            )
            .unwrap_or_else(|e| panic!("email_address refuses {s:?}: {e}"));
            assert_eq!(theirs.local_part(), email.local_part(), "{s:?}");
            assert_eq!(theirs.domain(), email.domain(), "{s:?}");
            let converted = email_address::EmailAddress::from(&email);
            assert_eq!(EmailAddress::try_from(converted).as_ref(), Ok(&email));
        }
        Err(err) => {
            common::check_diagnostic(&err);
            assert!(err.code().starts_with("email."), "{}", err.code());
        }
    }
});
