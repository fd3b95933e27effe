#![no_main]
//! Google's answers: arbitrary JSON read as a Reseller or Cloud Channel error body, an
//! `Operation` and a Channel `Customer`, then every violation's code and messages, and the
//! bounds on what is kept.

mod common;

use gws_onboarding::Lang;
use gws_onboarding::wire::{self, Call, Operation, channel, reseller};
use libfuzzer_sys::fuzz_target;

/// Every violation of a report from Google's errors is a `google.*` code with safe, short
/// messages quoting at most 64 characters.
fn check_report(report: &gws_onboarding::Report) {
    assert!(!report.is_empty());
    for v in report {
        let d = v.problem().diagnostic();
        common::check_diagnostic(d);
        assert!(v.code().starts_with("google."), "{}", v.code());
        for lang in [Lang::En, Lang::Fr] {
            assert!(v.message(lang).chars().count() < 300, "{}", v.message(lang));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = serde_json::from_slice::<reseller::ErrorBody>(data) {
        assert!(body.items().len() <= 16);
        assert!(body.message().len() <= wire::MAX_TEXT);
        for call in Call::ALL {
            check_report(&body.to_report(call));
        }
    }
    if let Ok(body) = serde_json::from_slice::<channel::ErrorBody>(data) {
        assert!(body.status().field_violations().len() <= wire::MAX_FIELD_VIOLATIONS);
        for call in Call::ALL {
            check_report(&body.to_report(call));
        }
        let json = serde_json::to_string(&body).expect("an error body serialises");
        let back: channel::ErrorBody = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(back, body);
    }
    if let Ok(op) = serde_json::from_slice::<Operation>(data) {
        assert!(op.name().len() <= wire::MAX_TEXT);
        let json = serde_json::to_string(&op).expect("an operation serialises");
        let back: Operation = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(back, op);
        if let Some(status) = op.error() {
            check_report(&status.to_report(Call::ChannelOperationsGet));
        }
    }
    if let Ok(customer) = serde_json::from_slice::<channel::CustomerResource>(data) {
        if let Err(e) = customer.to_snapshot() {
            common::check_diagnostic(&e);
        }
        for w in customer.warnings() {
            common::check_diagnostic(&w);
            assert_eq!(w.severity(), gws_onboarding::Severity::Warning);
        }
    }
});
