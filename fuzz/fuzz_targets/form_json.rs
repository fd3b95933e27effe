#![no_main]
//! Form JSON: `serde_json` → `OnboardingForm` → `form::check`, then every violation's code and
//! messages in both languages.

mod common;

use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::{DomainRules, EmailAddress, Lang, PrimaryDomain, Severity, SuffixList};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A JSON error is a plain serde error: it only has to come back, not panic. Only a
    // document that is not an object (or not JSON), gives a field twice, or nests past
    // serde_json's limit is one.
    let Ok(form) = serde_json::from_slice::<OnboardingForm>(data) else {
        return;
    };
    // The raw form round-trips through JSON unchanged, but for the input problems, which are
    // not serialised: the fields that held them are blank.
    let json = serde_json::to_string(&form).expect("a form serialises");
    let back: OnboardingForm = serde_json::from_str(&json).expect("a serialised form parses");
    assert!(back.input_problems.is_empty());
    let mut without_problems = form.clone();
    without_problems.input_problems = Default::default();
    assert_eq!(back, without_problems);

    // Issue 9, bug 1: a policy with its own suffix list applies it to the addresses too.
    let custom = SuffixList::parse("fr\ncom\nnewtld\n").expect("a valid list");
    for policy in [
        Policy::default(),
        Policy::new().require_phone(true).require_admin_name(false),
        Policy::new().domain_rules(DomainRules::new().suffix_list(custom.clone())),
    ] {
        let outcome = form::check(&form, &policy);
        let report = outcome.report();
        // Every value of an impossible type is reported on its path.
        for (path, problem) in form.input_problems.iter() {
            assert!(
                report
                    .iter()
                    .any(|v| v.field() == path && v.code() == problem.code()),
                "{path} not reported: {report}"
            );
        }
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
            let list = policy.rules_for_domain().list();
            assert!(EmailAddress::parse_with(&form.admin.email, list).is_ok());
            if let Some(secondary) = form.secondary_email.as_deref().filter(|s| !s.trim().is_empty()) {
                assert!(EmailAddress::parse_with(secondary, list).is_ok(), "{secondary:?}");
            }
        } else {
            assert!(form::validate(&form, &policy).is_err());
        }
    }
});
