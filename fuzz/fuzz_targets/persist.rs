#![no_main]
//! Saved data: bytes → `serde_json` → `Customer`, `Report`, `AccountSnapshot`, `CustomerRecord`
//! and `Drift` (module `persist`). What reloads saves again and reloads to an equal value; a
//! reloaded report's messages are safe; a refusal is an error, never a panic. A valid form also
//! round-trips as a customer.

mod common;

use gws_onboarding::form::{self, OnboardingForm, Policy, Report};
use gws_onboarding::lifecycle::{AccountSnapshot, CustomerRecord, Drift};
use gws_onboarding::{Customer, Lang};
use libfuzzer_sys::fuzz_target;

/// What reloads as a `$ty` saves again and reloads equal, and saves the same the second time.
macro_rules! round_trips {
    ($ty:ty, $data:expr) => {
        if let Ok(value) = serde_json::from_slice::<$ty>($data) {
            let saved = serde_json::to_string(&value).expect("a reloaded value saves");
            let again: $ty = serde_json::from_str(&saved).expect("a saved value reloads");
            assert_eq!(again, value);
            assert_eq!(serde_json::to_string(&again).expect("saves"), saved);
        }
    };
}

fuzz_target!(|data: &[u8]| {
    round_trips!(Customer, data);
    round_trips!(AccountSnapshot, data);
    round_trips!(CustomerRecord, data);
    round_trips!(Drift, data);

    // A report reloads to what it said; its messages are as safe as the crate's own.
    if let Ok(report) = serde_json::from_slice::<Report>(data) {
        for v in &report {
            for lang in [Lang::En, Lang::Fr] {
                common::check_message(v.code(), &v.message(lang));
            }
        }
        let saved = serde_json::to_string(&report).expect("a report saves");
        let again: Report = serde_json::from_str(&saved).expect("a saved report reloads");
        assert_eq!(serde_json::to_string(&again).expect("saves"), saved);
    }

    // A form's customer saves and reloads equal; its report saves and reloads what it said.
    if let Ok(form) = serde_json::from_slice::<OnboardingForm>(data) {
        let (customer, report) = form::check(&form, &Policy::default()).into_parts();
        if let Some(customer) = customer {
            let saved = serde_json::to_string(&customer).expect("a customer saves");
            let again: Customer = serde_json::from_str(&saved).expect("a saved customer reloads");
            assert_eq!(again, customer);
        }
        let saved = serde_json::to_string(&report).expect("a report saves");
        let again: Report = serde_json::from_str(&saved).expect("a saved report reloads");
        assert_eq!(again.entries(Lang::Fr), report.entries(Lang::Fr));
        assert_eq!(again.entries(Lang::En), report.entries(Lang::En));
    }
});
