#![no_main]
//! Two emails and a domain through the rule functions. The emails are built from local parts
//! and domains taken from the input so that they often share the primary domain.

mod common;

use gws_onboarding::email::{self, check_username};
use gws_onboarding::{Diagnostic, EmailAddress, PrimaryDomain, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str, &str, &str, u8)| {
    let (local_a, local_b, domain, other, shape) = input;
    let Ok(primary) = PrimaryDomain::parse(domain) else {
        return;
    };
    // Bits of `shape` pick each address's domain: the primary one, a subdomain, its
    // registrable domain, or the other string.
    let pick = |bits: u8| match bits & 3 {
        0 => primary.as_str().to_owned(),
        1 => format!("{other}.{}", primary.as_str()),
        2 => primary.registrable().to_owned(),
        _ => other.to_owned(),
    };
    let admin = EmailAddress::parse(&format!("{local_a}@{}", pick(shape)));
    let secondary = EmailAddress::parse(&format!("{local_b}@{}", pick(shape >> 2)));
    for err in [&admin, &secondary]
        .into_iter()
        .filter_map(|r| r.as_ref().err())
    {
        common::check_diagnostic(err);
    }
    let (Ok(admin), Ok(secondary)) = (admin, secondary) else {
        return;
    };

    match email::check_admin_email(&primary, &admin) {
        Ok(()) => {
            assert_eq!(admin.domain(), primary.as_str());
            assert_eq!(check_username(admin.local_part()), Ok(()));
        }
        Err(err) => {
            common::check_diagnostic(&err);
            assert!(
                admin.domain() != primary.as_str() || check_username(admin.local_part()).is_err()
            );
        }
    }
    match email::check_secondary_email(&primary, &secondary) {
        Ok(warning) => {
            assert!(!primary.contains(secondary.domain()));
            if let Some(w) = warning {
                common::check_diagnostic(&w);
                assert_eq!(Diagnostic::severity(&w), Severity::Warning);
                assert_eq!(secondary.registrable_domain(), primary.registrable());
            }
        }
        Err(err) => {
            common::check_diagnostic(&err);
            assert!(primary.contains(secondary.domain()));
        }
    }
    match email::check_distinct(&admin, &secondary) {
        Ok(()) => assert_ne!(admin, secondary),
        Err(err) => {
            common::check_diagnostic(&err);
            assert_eq!(admin, secondary);
        }
    }
});
