//! Retries in the journey, on both APIs, against recorded answers: a passing outage on a step
//! that is safe to resend gives `Next::Retry` with the same step and a delay (Google's
//! `retryDelay`, else the API's schedule), survives storage, and stops with the last error
//! after the last retry; a step that is not safe to resend stops at once.
#![cfg(feature = "serde")]

use std::time::Duration;

use gws_onboarding::Diagnostic;
use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::journey::{Answer, Journey, Next, Step};
use gws_onboarding::wire::{Backoff, Call, RequestId};

#[path = "common/journeys.rs"]
mod journeys;
#[path = "common/recorded.rs"]
mod recorded;
use journeys::customer_with_order;
use recorded::read;

fn reseller_error(name: &str) -> Answer {
    Answer::ResellerError(read(name))
}

fn channel_error(name: &str) -> Answer {
    Answer::ChannelError(read(name))
}

fn handle(journey: &mut Journey, answer: Answer) -> Next {
    journey.handle(answer).expect("an answer in sequence")
}

/// A stored and reloaded copy of `journey`.
fn reloaded(journey: &Journey) -> Journey {
    let stored = serde_json::to_string(journey).expect("serialises");
    serde_json::from_str(&stored).expect("reloads")
}

#[test]
fn reseller_get_is_retried_on_the_schedule_then_stops_with_the_last_error() {
    let mut journey = Journey::reseller(&customer_with_order());
    let first = journey.next_step().step().cloned().expect("a step");
    assert_eq!(first.call(), Call::ResellerCustomersGet);
    for attempt in 1..=Backoff::RESELLER.retries() {
        let next = handle(&mut journey, reseller_error("reseller_backend_error.json"));
        let expected = Backoff::RESELLER.delay(attempt).expect("a delay");
        assert_eq!(
            next,
            Next::Retry {
                step: first.clone(),
                delay: expected,
                attempt
            }
        );
        // Asking again, or after a store and reload, gives the same retry.
        assert_eq!(journey.next_step(), next);
        assert_eq!(reloaded(&journey), journey);
        assert_eq!(reloaded(&journey).next_step(), next);
    }
    let Next::Stopped(stop) = handle(&mut journey, reseller_error("reseller_backend_error.json"))
    else {
        panic!("stops after the last retry");
    };
    assert_eq!(stop.call(), Call::ResellerCustomersGet);
    let codes: Vec<_> = stop.report().iter().map(Diagnostic::code).collect();
    assert_eq!(codes, ["google.unavailable"]);
}

#[test]
fn an_answer_after_a_retry_goes_on_and_resets_the_count() {
    let mut journey = Journey::reseller(&customer_with_order());
    handle(&mut journey, reseller_error("reseller_backend_error.json"));
    let next = handle(&mut journey, reseller_error("reseller_not_found.json"));
    let step = next.step().expect("a step");
    assert!(matches!(next, Next::Send(_)));
    assert_eq!(step.call(), Call::ResellerCustomersInsert);
    assert!(
        !serde_json::to_string(&journey)
            .expect("json")
            .contains("retrying")
    );
}

#[test]
fn a_reseller_insert_is_not_resent_blindly() {
    // An outage on customers.insert: it may have been carried out. The journey looks again
    // (customers.get after the Reseller backoff) before it resends anything.
    let mut journey = Journey::reseller(&customer_with_order());
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    let next = handle(&mut journey, reseller_error("reseller_backend_error.json"));
    let Next::Retry {
        step,
        delay,
        attempt,
    } = &next
    else {
        panic!("an insert may have created the customer: look first: {next:?}");
    };
    assert_eq!(step.call(), Call::ResellerCustomersGet);
    assert_eq!((*delay, *attempt), (Duration::from_secs(1), 1));
    // Stored mid-recheck, it resumes the same.
    let stored = serde_json::to_string(&journey).expect("stored");
    let mut journey: Journey = serde_json::from_str(&stored).expect("reloaded");
    assert_eq!(journey.next_step(), next);

    // Not there: the insert is resent, now safely.
    let mut absent = journey.clone();
    let next = handle(&mut absent, reseller_error("reseller_not_found.json"));
    assert_eq!(
        next.step().map(Step::call),
        Some(Call::ResellerCustomersInsert)
    );

    // There, and ours: the lost insert was carried out; go on to the admin and the order,
    // nothing twice.
    let next = handle(
        &mut journey,
        Answer::ResellerCustomer(read("reseller_customer.json")),
    );
    assert_eq!(
        next,
        Next::Needs(gws_onboarding::journey::Need::AdminPassword)
    );
}

#[test]
fn a_reseller_insert_outage_that_never_passes_stops_after_the_schedule() {
    let mut journey = Journey::reseller(&customer_with_order());
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    let mut rechecks = 0;
    loop {
        match handle(&mut journey, reseller_error("reseller_backend_error.json")) {
            Next::Retry { step, .. } if step.call() == Call::ResellerCustomersGet => {
                rechecks += 1;
                handle(&mut journey, reseller_error("reseller_not_found.json"));
            }
            Next::Stopped(stop) => {
                assert_eq!(stop.call(), Call::ResellerCustomersInsert);
                break;
            }
            other => panic!("{other:?}"),
        }
        assert!(rechecks <= 5, "unbounded");
    }
    assert_eq!(rechecks, 5);
}

#[test]
fn channel_entitlement_is_resent_with_the_same_request_id_after_googles_delay() {
    let account = CloudIdentityId::parse("C01abcd2e").expect("an account");
    let request_id = RequestId::parse(RequestId::EXAMPLE).expect("a request id");
    let mut journey = Journey::channel(&customer_with_order(), account).with_request_id(request_id);
    handle(
        &mut journey,
        Answer::CheckAccounts(read("channel_check_none.json")),
    );
    // customers.create is not safe to resend: after an outage the journey first looks for
    // the customer on its domain (customers.list), after Google's delay.
    let mut lost = journey.clone();
    let next = handle(&mut lost, channel_error("channel_error_unavailable.json"));
    let Next::Retry {
        step,
        delay,
        attempt,
    } = next
    else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ChannelListCustomers);
    assert_eq!((delay, attempt), (Duration::from_millis(2500), 1));

    handle(
        &mut journey,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    handle(
        &mut journey,
        Answer::Operation(read("channel_operation_pending.json")),
    );
    // Polling is safe: an outage while polling is retried.
    let mut polling = journey.clone();
    let next = handle(
        &mut polling,
        channel_error("channel_error_unavailable.json"),
    );
    assert!(matches!(next, Next::Retry { attempt: 1, .. }), "{next:?}");
    let entitle = handle(
        &mut journey,
        Answer::Operation(read("channel_operation_provisioned.json")),
    );
    let step = entitle.step().cloned().expect("entitlements.create");
    assert_eq!(step.call(), Call::ChannelEntitlementsCreate);
    let next = handle(
        &mut journey,
        channel_error("channel_error_unavailable.json"),
    );
    assert_eq!(
        next,
        Next::Retry {
            step: step.clone(),
            delay: Duration::from_millis(2500),
            attempt: 1
        }
    );
    let json = serde_json::to_value(next.step().expect("a step")).expect("json");
    assert_eq!(json["body"]["requestId"], RequestId::EXAMPLE);
    // The operation then comes: the journey goes on.
    let next = handle(
        &mut journey,
        Answer::Operation(read("channel_operation_entitled.json")),
    );
    assert!(matches!(next, Next::Done(_)), "{next:?}");
}

#[test]
fn a_final_error_is_not_retried() {
    let mut journey = Journey::reseller(&customer_with_order());
    let next = handle(&mut journey, reseller_error("reseller_invalid.json"));
    assert!(matches!(next, Next::Stopped(_)), "{next:?}");
}

#[test]
fn a_stored_retry_reloads_only_where_the_journey_could_have_one() {
    let mut journey = Journey::reseller(&customer_with_order());
    handle(&mut journey, reseller_error("reseller_backend_error.json"));
    let stored = serde_json::to_value(&journey).expect("json");
    assert_eq!(
        stored["retrying"],
        serde_json::json!({"attempt": 1, "delayMs": 1000})
    );
    for (edit, retrying) in [
        (
            "attempt 0",
            serde_json::json!({"attempt": 0, "delayMs": 1000}),
        ),
        (
            "attempt past every schedule",
            serde_json::json!({"attempt": 99, "delayMs": 1000}),
        ),
        (
            "a delay of a year",
            serde_json::json!({"attempt": 1, "delayMs": 31_536_000_000_u64}),
        ),
        (
            "an unknown key",
            serde_json::json!({"attempt": 1, "delayMs": 1, "x": 1}),
        ),
    ] {
        let mut edited = stored.clone();
        edited["retrying"] = retrying;
        assert!(serde_json::from_value::<Journey>(edited).is_err(), "{edit}");
    }
    // A retry on a step that is not safe to resend (the insert) is refused.
    let mut inserting = Journey::reseller(&customer_with_order());
    handle(&mut inserting, reseller_error("reseller_not_found.json"));
    let mut edited = serde_json::to_value(&inserting).expect("json");
    edited["retrying"] = stored["retrying"].clone();
    assert!(serde_json::from_value::<Journey>(edited).is_err());
}
