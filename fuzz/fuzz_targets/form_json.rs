#![no_main]
//! Form JSON: `serde_json` → `OnboardingForm` → `form::check`, then every violation's code and
//! messages in both languages.

mod common;

use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::{Lang, PrimaryDomain, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A JSON error is a plain serde error: it only has to come back, not panic.
    let Ok(form) = serde_json::from_slice::<OnboardingForm>(data) else {
        return;
    };
    // The raw form round-trips through JSON unchanged.
    let json = serde_json::to_string(&form).expect("a form serialises");
    let back: OnboardingForm = serde_json::from_str(&json).expect("a serialised form parses");
    assert_eq!(back, form);

    for policy in [
        Policy::default(),
        Policy::new().require_phone(true).require_admin_name(false),
    ] {
        let outcome = form::check(&form, &policy);
        let report = outcome.report();
        for v in report.iter() {
            assert!(!v.field().is_empty());
            let diagnostic = v.problem().diagnostic();
            common::check_diagnostic(diagnostic);
            assert_eq!(v.code(), diagnostic.code());
            assert_eq!(v.severity(), diagnostic.severity());
            for lang in [Lang::En, Lang::Fr] {
                let entry = v.entry(lang);
                assert_eq!(entry.message, diagnostic.message(lang));
                common::check_message(entry.code, &entry.message);
            }
        }
        let _ = report.to_string();
        // Never a customer with an error, never a rejection without one.
        assert_eq!(
            outcome.customer().is_some(),
            !report.has_errors(),
            "{form:?}: {report}"
        );
        assert_eq!(
            report.has_errors(),
            report.iter().any(|v| v.severity() == Severity::Error)
        );
        if let Some(customer) = outcome.customer() {
            let domain = customer.domain().as_str();
            common::check_canonical(domain);
            assert_eq!(
                PrimaryDomain::parse_with(domain, policy.rules_for_domain()).as_ref(),
                Ok(customer.domain())
            );
            assert_eq!(form::validate(&form, &policy).as_ref(), Ok(customer));
        } else {
            assert!(form::validate(&form, &policy).is_err());
        }
    }
});
