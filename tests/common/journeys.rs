//! What the journey test files share: the sample customer with an order, and how to compare
//! a journey's next step with a reloaded copy's.
#![allow(dead_code)] // each test file uses part of it

use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{Next, Step};
use gws_onboarding::wire::Call;
use gws_onboarding::{Customer, Violation};

/// The sample domain customer ordering 25 seats of Business Standard on the annual plan
/// paid yearly, with its Channel offer named.
pub fn customer_with_order() -> Customer {
    let order = RawOrder {
        product: "business-standard".into(),
        seats: Some("25".into()),
        plan: Some("annual-yearly".into()),
        offer: Some("accounts/C01abcd2e/offers/O0bsAnnual".into()),
        ..RawOrder::default()
    };
    let form = OnboardingForm {
        order: Some(order),
        ..OnboardingForm::sample_domain_customer()
    };
    form::validate(&form, &Policy::default()).expect("a valid form")
}

/// What a reloaded journey must give again: the next step, or the stop's call and codes (a
/// reloaded report holds saved problems, with the same codes and messages).
pub fn same(next: &Next) -> String {
    match next {
        Next::Stopped(stop) => {
            let codes: Vec<_> = stop.report().iter().map(Violation::code).collect();
            format!("stopped on {} with {codes:?}", stop.call())
        }
        other => format!("{other:?}"),
    }
}

/// The call of the step `next` gives, if any.
pub fn call_of(next: &Next) -> Option<Call> {
    next.step().map(Step::call)
}
