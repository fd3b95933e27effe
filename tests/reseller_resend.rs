//! The Reseller route's calls that are not safe to resend once the customer exists (the
//! admin's Directory `users.insert`, the order's `subscriptions.insert`), when an answer says
//! nothing of what Google did: the journey reads what Google holds (`users.get`,
//! `subscriptions.list`) before it sends them again, at most the Reseller schedule's resends.
#![cfg(feature = "serde")]

use std::time::{Duration, SystemTime};

use gws_onboarding::Customer;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{Answer, Journey, Need, Next, Outcome};
use gws_onboarding::wire::directory::AdminPassword;
use gws_onboarding::wire::{Backoff, Call};
use proptest::prelude::*;

#[path = "common/journeys.rs"]
mod journeys;
#[path = "common/recorded.rs"]
mod recorded;
use journeys::{call_of, same};
use recorded::read;

fn customer_with_order() -> Customer {
    let order = RawOrder {
        product: "business-standard".into(),
        seats: Some("25".into()),
        plan: Some("annual-yearly".into()),
        ..RawOrder::default()
    };
    let form = OnboardingForm {
        order: Some(order),
        ..OnboardingForm::sample_domain_customer()
    };
    form::validate(&form, &Policy::default()).expect("a valid form")
}

fn password() -> AdminPassword {
    AdminPassword::parse("Temp-2026-pass!").expect("a password")
}

fn handle(journey: &mut Journey, answer: Answer) -> Next {
    let next = journey.handle(answer).expect("an answer in sequence");
    let stored = serde_json::to_string(&*journey).expect("serialises");
    let reloaded: Journey = serde_json::from_str(&stored).expect("reloads");
    // The password is never stored: a reloaded journey that needs it asks again.
    if !matches!(next, Next::Stopped(_)) && reloaded.next_step() != Next::Needs(Need::AdminPassword)
    {
        assert_eq!(same(&reloaded.next_step()), same(&next), "{stored}");
    }
    next
}

fn backend_error() -> Answer {
    Answer::ResellerError(read("reseller_backend_error.json"))
}

fn not_found() -> Answer {
    Answer::ResellerError(read("reseller_not_found.json"))
}

fn conflict() -> Answer {
    Answer::ResellerError(read("reseller_conflict.json"))
}

fn admin_user(email: &str) -> Answer {
    Answer::DirectoryUser(
        serde_json::from_str(&format!(
            r#"{{"kind": "admin#directory#user", "id": "107429", "primaryEmail": "{email}"}}"#
        ))
        .expect("a user"),
    )
}

fn subscriptions(json: &str) -> Answer {
    Answer::Subscriptions(
        serde_json::from_str(&format!(
            r#"{{"kind": "reseller#subscriptions", "subscriptions": [{json}]}}"#
        ))
        .expect("a list"),
        SystemTime::UNIX_EPOCH,
    )
}

/// A journey waiting for the answer to the admin's `users.insert`.
fn creating_admin() -> Journey {
    let mut journey = Journey::reseller(&customer_with_order()).with_admin_password(password());
    handle(&mut journey, not_found());
    let next = handle(
        &mut journey,
        Answer::ResellerCustomer(read("reseller_customer.json")),
    );
    assert_eq!(call_of(&next), Some(Call::DirectoryUsersInsert));
    journey
}

/// A journey waiting for the answer to the order's `subscriptions.insert`.
fn subscribing() -> Journey {
    let mut journey = creating_admin();
    handle(&mut journey, admin_user("jeanne.martin@acme-widgets.fr"));
    let next = handle(
        &mut journey,
        Answer::MadeAdmin(
            gws_onboarding::wire::directory::MadeAdmin::from_status(204).expect("a 204"),
        ),
    );
    assert_eq!(call_of(&next), Some(Call::ResellerSubscriptionsInsert));
    journey
}

#[test]
fn a_users_insert_outage_looks_for_the_admin_and_makes_it_super_admin() {
    let mut journey = creating_admin();
    let next = handle(&mut journey, backend_error());
    let Next::Retry {
        step,
        delay,
        attempt,
    } = &next
    else {
        panic!("{next:?}")
    };
    assert_eq!((*delay, *attempt), (Duration::from_secs(1), 1));
    assert_eq!(step.call(), Call::DirectoryUsersGet);
    assert_eq!(
        step.url(),
        "https://admin.googleapis.com/admin/directory/v1/users/jeanne.martin%40acme-widgets.fr"
    );
    let next = handle(&mut journey, admin_user("Jeanne.Martin@acme-widgets.fr"));
    assert_eq!(call_of(&next), Some(Call::DirectoryUsersMakeAdmin));
}

#[test]
fn an_admin_not_found_is_inserted_again_with_the_password_still_held() {
    let mut journey = creating_admin();
    handle(&mut journey, backend_error());
    // Reloaded while looking: the get needs no password, the insert again does.
    let stored = serde_json::to_string(&journey).expect("json");
    assert!(
        !stored.contains("Temp-2026-pass!"),
        "the password is never stored"
    );
    let mut reloaded: Journey = serde_json::from_str(&stored).expect("reloads");
    assert_eq!(
        handle(&mut reloaded, not_found()),
        Next::Needs(Need::AdminPassword)
    );
    let next = handle(&mut journey, not_found());
    assert_eq!(call_of(&next), Some(Call::DirectoryUsersInsert));
    assert!(matches!(next, Next::Send(_)), "{next:?}");
}

#[test]
fn a_users_get_of_another_user_is_refused() {
    let mut journey = creating_admin();
    handle(&mut journey, backend_error());
    let before = journey.clone();
    let err = journey
        .handle(admin_user("someone.else@acme-widgets.fr"))
        .expect_err("another user");
    assert_eq!(err.code(), "journey.mismatch");
    assert_eq!(journey, before);
}

#[test]
fn a_users_insert_outage_that_never_passes_stops_after_the_schedule() {
    let mut journey = creating_admin();
    let mut inserts = 1;
    let stop = loop {
        match handle(&mut journey, backend_error()) {
            Next::Retry { step, .. } if step.call() == Call::DirectoryUsersGet => {
                let next = handle(&mut journey, not_found());
                assert_eq!(call_of(&next), Some(Call::DirectoryUsersInsert));
                inserts += 1;
            }
            Next::Stopped(stop) => break stop,
            other => panic!("{other:?}"),
        }
        assert!(inserts <= 10, "unbounded");
    };
    assert_eq!(stop.call(), Call::DirectoryUsersInsert);
    assert_eq!(inserts, 1 + Backoff::RESELLER.retries());
}

#[test]
fn a_subscription_outage_finds_the_order_bought_and_ends_created() {
    let mut journey = subscribing();
    let next = handle(&mut journey, backend_error());
    let Next::Retry { step, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ResellerSubscriptionsList);
    assert!(
        step.path().contains("customerId=C03x7yz9q"),
        "{}",
        step.path()
    );
    let next = handle(
        &mut journey,
        subscriptions(
            r#"{"customerId": "C03x7yz9q", "subscriptionId": "S77", "skuId": "1010020028"}"#,
        ),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Created {
            customer: "C03x7yz9q".into(),
            purchase: Some("S77".into()),
        })
    );
}

#[test]
fn a_subscription_conflict_lists_at_once_and_buys_again_when_not_held() {
    let mut journey = subscribing();
    let next = handle(&mut journey, conflict());
    assert!(
        matches!(&next, Next::Send(step) if step.call() == Call::ResellerSubscriptionsList),
        "{next:?}"
    );
    let next = handle(
        &mut journey,
        subscriptions(
            r#"{"customerId": "C03x7yz9q", "subscriptionId": "S1", "skuId": "1010020025"}"#,
        ),
    );
    assert_eq!(call_of(&next), Some(Call::ResellerSubscriptionsInsert));
}

#[test]
fn a_listed_subscription_of_another_customer_is_refused() {
    let mut journey = subscribing();
    handle(&mut journey, backend_error());
    let before = journey.clone();
    let err = journey
        .handle(subscriptions(
            r#"{"customerId": "C0other", "subscriptionId": "S1", "skuId": "1010020028"}"#,
        ))
        .expect_err("another customer");
    assert_eq!(err.code(), "journey.mismatch");
    assert_eq!(journey, before);
}

#[test]
fn a_stored_resend_past_the_schedule_is_refused() {
    let mut journey = subscribing();
    handle(&mut journey, backend_error());
    let stored = serde_json::to_value(&journey).expect("json");
    assert_eq!(stored["stage"]["stage"], "findSubscription", "{stored}");
    for (edit, field, value) in [
        ("past the schedule", "resent", serde_json::json!(99)),
        ("never resent", "resent", serde_json::json!(0)),
        ("moved without a token", "moved", serde_json::json!(["S1"])),
    ] {
        let mut edited = stored.clone();
        edited["stage"][field] = value;
        assert!(serde_json::from_value::<Journey>(edited).is_err(), "{edit}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever mix of outages, conflicts, 404s and listings Google answers once the customer
    /// exists, the journey sends the admin's `users.insert` and the order's
    /// `subscriptions.insert` each at most once plus the schedule's resends, and after an
    /// outage it reads before it inserts again.
    #[test]
    fn inserts_after_the_customer_are_bounded_and_never_blind(picks in proptest::collection::vec(0u8..4, 0..40)) {
        let mut journey = creating_admin();
        let (mut admins, mut orders) = (1u32, 0u32);
        for pick in picks {
            let Some(call) = call_of(&journey.next_step()) else { break };
            let answer = match (call, pick) {
                (_, 0) => backend_error(),
                (Call::ResellerSubscriptionsInsert, 1) => conflict(),
                (Call::DirectoryUsersGet, 1) => not_found(),
                (Call::DirectoryUsersInsert | Call::DirectoryUsersGet, _) => {
                    admin_user("jeanne.martin@acme-widgets.fr")
                }
                (Call::DirectoryUsersMakeAdmin, _) => Answer::MadeAdmin(
                    gws_onboarding::wire::directory::MadeAdmin::from_status(204).expect("a 204"),
                ),
                (Call::ResellerSubscriptionsList, 2) => subscriptions(
                    r#"{"customerId": "C03x7yz9q", "subscriptionId": "S1", "skuId": "1010020028"}"#,
                ),
                (Call::ResellerSubscriptionsList, _) => subscriptions(""),
                (Call::ResellerSubscriptionsInsert, _) => Answer::Subscription(read("reseller_subscription.json")),
                _ => break,
            };
            let next = journey.handle(answer).expect("in sequence");
            if pick == 0 && [Call::DirectoryUsersInsert, Call::ResellerSubscriptionsInsert].contains(&call) {
                prop_assert!(
                    matches!(call_of(&next), None | Some(Call::DirectoryUsersGet | Call::ResellerSubscriptionsList)),
                    "{next:?}"
                );
            }
            match call_of(&next) {
                Some(Call::DirectoryUsersInsert) => admins += 1,
                Some(Call::ResellerSubscriptionsInsert) => orders += 1,
                _ => {}
            }
            prop_assert!(admins <= 1 + Backoff::RESELLER.retries(), "{admins} admins");
            prop_assert!(orders <= 1 + Backoff::RESELLER.retries(), "{orders} orders");
        }
    }
}
