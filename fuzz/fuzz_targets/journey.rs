#![no_main]
//! The journey fed arbitrary JSON: as a stored state to resume (a corrupted or tampered store),
//! and as every kind of answer in every early state. Laws: no panic; a refused answer leaves the
//! journey unchanged with a short, safe message; a resumed state serialises back to itself; the
//! steps of any state have safe paths.

mod common;

use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{Answer, Journey, Next, Step};
use gws_onboarding::{Customer, Lang};
use libfuzzer_sys::fuzz_target;

fn customer() -> Customer {
    let form = OnboardingForm {
        order: Some(RawOrder {
            product: "business-standard".into(),
            seats: Some("25".into()),
            plan: Some("annual-yearly".into()),
            ..RawOrder::default()
        }),
        ..OnboardingForm::sample_domain_customer()
    };
    form::validate(&form, &Policy::default()).expect("the sample is valid")
}

/// A step's path never climbs out of its API root nor carries anything but ASCII.
fn check_step(step: &Step) {
    let path = step.path();
    assert!(path.is_ascii() && !path.starts_with('/'), "{path}");
    assert!(!path.split(['/', '?', ':']).any(|s| s == ".."), "{path}");
    assert!(!path.contains('#') && path.matches('?').count() <= 1, "{path}");
}

fn check_next(journey: &Journey) {
    match journey.next_step() {
        Next::Send(step) | Next::Poll { step, .. } => check_step(&step),
        _ => {}
    }
    for step in journey.plan() {
        check_step(&step);
    }
}

fn answers(data: &[u8]) -> Vec<Answer> {
    let mut answers = Vec::new();
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::CheckAccounts(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::ChannelCustomer(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Operation(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::ChannelError(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::ResellerCustomer(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Subscription(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::ResellerError(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Skus(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Offers(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::TransferableSkus(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Entitlements(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::ChannelCustomers(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::Subscriptions(a, std::time::SystemTime::UNIX_EPOCH));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::DirectoryUser(a));
    }
    if let Ok(a) = serde_json::from_slice(data) {
        answers.push(Answer::MadeAdmin(a));
    }
    answers
}

fuzz_target!(|data: &[u8]| {
    // A stored state, resumed.
    if let Ok(journey) = serde_json::from_slice::<Journey>(data) {
        check_next(&journey);
        let json = serde_json::to_string(&journey).expect("a journey serialises");
        let back: Journey = serde_json::from_str(&json).expect("and reads back");
        if !matches!(journey.next_step(), Next::Stopped(_)) {
            assert_eq!(back, journey);
        }
    }
    // Answers, in the first states of both APIs.
    let customer = customer();
    let account = CloudIdentityId::parse("C01abcd2e").expect("an account id");
    for answer in answers(data) {
        for start in [Journey::channel(&customer, account.clone()), Journey::reseller(&customer)] {
            let mut journey = start.clone();
            match journey.handle(answer.clone()) {
                Ok(_) => check_next(&journey),
                Err(e) => {
                    assert_eq!(journey, start);
                    common::check_diagnostic(&e);
                    for lang in [Lang::En, Lang::Fr] {
                        assert!(e.message(lang).chars().count() < 300, "{}", e.message(lang));
                    }
                }
            }
        }
    }
});
