//! The Channel calls that are not safe to resend (`customers.create`,
//! `provisionCloudIdentity`), when an answer says nothing of what Google did: the journey reads
//! what Google holds (`customers.list` on the domain, `customers.get`) before it sends them
//! again, at most the Channel schedule's resends, and every state on the way stores and
//! reloads.
#![cfg(feature = "serde")]

use std::time::Duration;

use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::journey::{Answer, Journey, Next, Outcome};
use gws_onboarding::wire::{Backoff, Call};
use proptest::prelude::*;

#[path = "common/journeys.rs"]
mod journeys;
#[path = "common/recorded.rs"]
mod recorded;
use journeys::{call_of, customer_with_order, same};
use recorded::read;

const CREATED: &str = "accounts/C01abcd2e/customers/S0aBcD3f";

fn account() -> CloudIdentityId {
    CloudIdentityId::parse("C01abcd2e").expect("an account")
}

fn handle(journey: &mut Journey, answer: Answer) -> Next {
    let next = journey.handle(answer).expect("an answer in sequence");
    let stored = serde_json::to_string(&*journey).expect("serialises");
    let reloaded: Journey = serde_json::from_str(&stored).expect("reloads");
    assert_eq!(same(&reloaded.next_step()), same(&next), "{stored}");
    if !matches!(next, Next::Stopped(_)) {
        assert_eq!(&reloaded, journey, "{stored}");
    }
    next
}

fn unavailable() -> Answer {
    Answer::ChannelError(read("channel_error_unavailable.json"))
}

fn already_exists() -> Answer {
    Answer::ChannelError(
        serde_json::from_str(
            r#"{"error": {"code": 409, "message": "Entity already exists.", "status": "ALREADY_EXISTS"}}"#,
        )
        .expect("an error body"),
    )
}

/// A page of `customers.list` holding `customers` (JSON objects).
fn listed(customers: &str) -> Answer {
    Answer::ChannelCustomers(
        serde_json::from_str(&format!(r#"{{"customers": [{customers}]}}"#)).expect("a page"),
    )
}

fn ours_unprovisioned() -> String {
    format!(r#"{{"name": "{CREATED}", "domain": "acme-widgets.fr"}}"#)
}

/// A journey waiting for the answer to `customers.create`.
fn creating() -> Journey {
    let mut journey = Journey::channel(&customer_with_order(), account());
    handle(
        &mut journey,
        Answer::CheckAccounts(read("channel_check_none.json")),
    );
    assert_eq!(
        journey
            .next_step()
            .step()
            .map(gws_onboarding::journey::Step::call),
        Some(Call::ChannelCustomersCreate)
    );
    journey
}

/// A journey waiting for the answer to `provisionCloudIdentity`.
fn provisioning() -> Journey {
    let mut journey = creating();
    handle(
        &mut journey,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    journey
}

#[test]
fn a_create_outage_looks_for_the_customer_and_goes_on_with_it() {
    let mut journey = creating();
    let next = handle(&mut journey, unavailable());
    let Next::Retry {
        step,
        delay,
        attempt,
    } = &next
    else {
        panic!("{next:?}")
    };
    // Google's retryDelay, then the listing filtered on the domain (quoted, encoded).
    assert_eq!((*delay, *attempt), (Duration::from_millis(2500), 1));
    assert_eq!(step.call(), Call::ChannelListCustomers);
    assert_eq!(
        step.path(),
        "v1/accounts/C01abcd2e/customers?pageSize=50&filter=domain%20%3D%20%22acme-widgets.fr%22"
    );
    // Our lost create was carried out: provision that customer, never create a second.
    let next = handle(&mut journey, listed(&ours_unprovisioned()));
    let step = next.step().expect("a step");
    assert_eq!(step.call(), Call::ChannelCustomersProvisionCloudIdentity);
    assert_eq!(step.path(), format!("v1/{CREATED}:provisionCloudIdentity"));
    let next = handle(
        &mut journey,
        Answer::Operation(read("channel_operation_provisioned.json")),
    );
    assert_eq!(call_of(&next), Some(Call::ChannelEntitlementsCreate));
}

#[test]
fn a_create_outage_with_nothing_created_creates_again() {
    let mut journey = creating();
    handle(&mut journey, unavailable());
    let next = handle(&mut journey, listed(""));
    assert_eq!(call_of(&next), Some(Call::ChannelCustomersCreate));
    assert!(matches!(next, Next::Send(_)), "{next:?}");
    let next = handle(
        &mut journey,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    assert_eq!(
        call_of(&next),
        Some(Call::ChannelCustomersProvisionCloudIdentity)
    );
}

#[test]
fn a_create_outage_that_never_passes_stops_after_the_schedule() {
    let mut journey = creating();
    let mut creates = 1;
    loop {
        match handle(&mut journey, unavailable()) {
            Next::Retry { step, .. } if step.call() == Call::ChannelListCustomers => {
                let next = handle(&mut journey, listed(""));
                assert_eq!(call_of(&next), Some(Call::ChannelCustomersCreate));
                creates += 1;
            }
            Next::Stopped(stop) => {
                assert_eq!(stop.call(), Call::ChannelCustomersCreate);
                assert!(stop.report().has_errors());
                break;
            }
            other => panic!("{other:?}"),
        }
        assert!(creates <= 10, "unbounded");
    }
    assert_eq!(creates, 1 + Backoff::CHANNEL.retries());
}

#[test]
fn already_exists_on_create_finds_our_own_customer() {
    // A fresh journey over a customer an earlier journey created and did not provision: the
    // check finds no Cloud Identity, the create says it exists, the listing finds it ours.
    let mut journey = creating();
    let next = handle(&mut journey, already_exists());
    let Next::Retry { step, delay, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ChannelListCustomers);
    // Filtered listings lag a few seconds behind a creation: the schedule's wait first.
    assert_eq!(*delay, Backoff::CHANNEL.delay(1).expect("a delay"));
    let next = handle(&mut journey, listed(&ours_unprovisioned()));
    assert_eq!(
        call_of(&next),
        Some(Call::ChannelCustomersProvisionCloudIdentity)
    );
}

#[test]
fn already_exists_on_create_with_no_customer_of_ours_stops_on_the_conflict() {
    let mut journey = creating();
    handle(&mut journey, already_exists());
    let mut listings = 1;
    let stop = loop {
        match handle(&mut journey, listed("")) {
            Next::Retry { step, delay, .. } => {
                assert_eq!(step.call(), Call::ChannelListCustomers);
                assert!(delay >= Duration::from_secs(1));
                listings += 1;
            }
            Next::Stopped(stop) => break stop,
            other => panic!("never created again after a conflict: {other:?}"),
        }
        assert!(listings <= 10, "unbounded");
    };
    assert_eq!(listings, Backoff::CHANNEL.retries());
    assert_eq!(stop.call(), Call::ChannelCustomersCreate);
    let codes: Vec<_> = stop
        .report()
        .iter()
        .map(gws_onboarding::Violation::code)
        .collect();
    assert_eq!(codes, ["resend.exists_unlisted"]);
}

#[test]
fn a_listed_customer_of_another_account_or_domain_is_refused() {
    for (what, customer) in [
        (
            "another account",
            r#"{"name": "accounts/ZZZ/customers/S42", "domain": "acme-widgets.fr"}"#,
        ),
        (
            "another domain",
            r#"{"name": "accounts/C01abcd2e/customers/S42", "domain": "other.fr"}"#,
        ),
        ("no name", r#"{"domain": "acme-widgets.fr"}"#),
        (
            "a malformed name",
            r#"{"name": "accounts/C01abcd2e/../x", "domain": "acme-widgets.fr"}"#,
        ),
    ] {
        let mut journey = creating();
        handle(&mut journey, unavailable());
        let before = journey.clone();
        let err = journey.handle(listed(customer)).expect_err(what);
        assert!(
            ["journey.mismatch", "journey.unreadable"].contains(&err.code()),
            "{what}: {err}"
        );
        assert_eq!(journey, before, "{what}");
    }
}

#[test]
fn two_customers_of_ours_on_the_domain_stop_with_a_message() {
    let mut journey = creating();
    handle(&mut journey, unavailable());
    let two = format!(
        r#"{}, {{"name": "accounts/C01abcd2e/customers/S2", "domain": "ACME-widgets.fr"}}"#,
        ours_unprovisioned()
    );
    let Next::Stopped(stop) = handle(&mut journey, listed(&two)) else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ChannelListCustomers);
    let text: String = stop
        .report()
        .iter()
        .map(|v| v.message(gws_onboarding::Lang::En))
        .collect();
    assert!(text.contains("2 customers"), "{text}");
}

#[test]
fn the_listing_follows_its_pages_and_refuses_an_endless_one() {
    let mut journey = creating();
    handle(&mut journey, unavailable());
    let page = |token: &str| {
        Answer::ChannelCustomers(
            serde_json::from_str(&format!(
                r#"{{"customers": [], "nextPageToken": "{token}"}}"#
            ))
            .expect("a page"),
        )
    };
    let next = handle(&mut journey, page("p2"));
    let step = next.step().expect("the next page");
    assert!(step.path().ends_with("&pageToken=p2"), "{}", step.path());
    assert!(matches!(next, Next::Send(_)), "the next page at once");
    let Next::Stopped(stopped) = handle(&mut journey, page("p2")) else {
        panic!("a repeated token stops")
    };
    assert_eq!(stopped.call(), Call::ChannelListCustomers);
    let codes: Vec<_> = stopped
        .report()
        .iter()
        .map(gws_onboarding::Violation::code)
        .collect();
    assert_eq!(codes, ["offer.endless_listing"]);
    let text = stopped
        .report()
        .iter()
        .next()
        .map(|v| v.message(gws_onboarding::Lang::En));
    assert!(
        text.is_some_and(|t| t.contains("check the customer")),
        "not the offer's advice"
    );
}

#[test]
fn a_provision_outage_reads_the_customer_and_goes_on_when_provisioned() {
    let mut journey = provisioning();
    let next = handle(&mut journey, unavailable());
    let Next::Retry { step, attempt, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(*attempt, 1);
    assert_eq!(step.call(), Call::ChannelCustomersGet);
    assert_eq!(step.path(), format!("v1/{CREATED}"));
    let provisioned = Answer::ChannelCustomer(
        serde_json::from_str(&format!(
            r#"{{"name": "{CREATED}", "domain": "acme-widgets.fr", "cloudIdentityId": "C03x7yz9q"}}"#
        ))
        .expect("a customer"),
    );
    let next = handle(&mut journey, provisioned);
    assert_eq!(call_of(&next), Some(Call::ChannelEntitlementsCreate));
    let done = handle(
        &mut journey,
        Answer::Operation(read("channel_operation_entitled.json")),
    );
    assert!(
        matches!(done, Next::Done(Outcome::Created { .. })),
        "{done:?}"
    );
}

#[test]
fn a_provision_outage_with_nothing_provisioned_provisions_again() {
    let mut journey = provisioning();
    handle(&mut journey, unavailable());
    let next = handle(
        &mut journey,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    assert_eq!(
        call_of(&next),
        Some(Call::ChannelCustomersProvisionCloudIdentity)
    );
    // The resent provisioning says it exists: our lost call was carried out after all; read
    // the customer again rather than report the domain taken.
    let next = handle(&mut journey, already_exists());
    assert_eq!(call_of(&next), Some(Call::ChannelCustomersGet));
}

#[test]
fn already_exists_on_a_first_provisioning_is_googles_conflict() {
    let mut journey = provisioning();
    let Next::Stopped(stop) = handle(&mut journey, already_exists()) else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ChannelCustomersProvisionCloudIdentity);
}

#[test]
fn a_stored_resend_count_past_the_schedule_is_refused() {
    let mut journey = creating();
    handle(&mut journey, unavailable());
    let stored = serde_json::to_value(&journey).expect("json");
    let stage = stored["stage"].clone();
    assert_eq!(stage["stage"], "findCreated", "{stored}");
    for (edit, field, value) in [
        ("past the schedule", "resent", serde_json::json!(99)),
        ("never resent", "resent", serde_json::json!(0)),
        (
            "a wait of a year",
            "delayMs",
            serde_json::json!(31_536_000_000_u64),
        ),
    ] {
        let mut edited = stored.clone();
        edited["stage"][field] = value;
        assert!(serde_json::from_value::<Journey>(edited).is_err(), "{edit}");
    }
}

/// One answer a flaky Google may give while the journey creates and provisions.
fn flaky() -> impl Strategy<Value = u8> {
    0u8..6
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever mix of outages, conflicts, empty and found listings Google answers, the
    /// journey sends `customers.create` and `provisionCloudIdentity` each at most once plus
    /// the schedule's resends, and every step after a lost answer is a read until Google says
    /// what it holds.
    #[test]
    fn creates_and_provisions_are_bounded_and_never_blind(picks in proptest::collection::vec(flaky(), 0..40)) {
        let mut journey = creating();
        let (mut creates, mut provisions) = (1u32, 0u32);
        for pick in picks {
            let Some(call) = call_of(&journey.next_step()) else { break };
            let answer = match (call, pick) {
                (_, 0) => unavailable(),
                (_, 1) => already_exists(),
                (Call::ChannelListCustomers, 2) => listed(""),
                (Call::ChannelListCustomers, _) => listed(&ours_unprovisioned()),
                (Call::ChannelCustomersCreate, _) | (Call::ChannelCustomersGet, 2) => {
                    Answer::ChannelCustomer(read("channel_customer_created.json"))
                }
                (Call::ChannelCustomersGet, _) => Answer::ChannelCustomer(
                    serde_json::from_str(&format!(
                        r#"{{"name": "{CREATED}", "domain": "acme-widgets.fr", "cloudIdentityId": "C03"}}"#
                    )).expect("a customer")),
                (Call::ChannelCustomersProvisionCloudIdentity, _) => Answer::Operation(read("channel_operation_provisioned.json")),
                _ => break,
            };
            let next = journey.handle(answer).expect("in sequence");
            if pick <= 1 && call == Call::ChannelCustomersCreate {
                prop_assert!(matches!(call_of(&next), None | Some(Call::ChannelListCustomers)), "{next:?}");
            }
            if pick == 0 && call == Call::ChannelCustomersProvisionCloudIdentity {
                prop_assert!(matches!(call_of(&next), None | Some(Call::ChannelCustomersGet)), "{next:?}");
            }
            match call_of(&next) {
                Some(Call::ChannelCustomersCreate) => creates += 1,
                Some(Call::ChannelCustomersProvisionCloudIdentity) => provisions += 1,
                _ => {}
            }
            prop_assert!(creates <= 1 + Backoff::CHANNEL.retries(), "{creates} creates");
            prop_assert!(provisions <= 1 + Backoff::CHANNEL.retries(), "{provisions} provisions");
            let stored = serde_json::to_string(&journey).expect("serialises");
            let reloaded: Journey = serde_json::from_str(&stored).expect("reloads");
            prop_assert_eq!(same(&reloaded.next_step()), same(&journey.next_step()));
        }
    }
}

#[test]
fn already_exists_on_the_purchase_finds_our_own_entitlement() {
    let mut journey = provisioning();
    let next = handle(
        &mut journey,
        Answer::Operation(read("channel_operation_provisioned.json")),
    );
    assert_eq!(call_of(&next), Some(Call::ChannelEntitlementsCreate));
    // Resent after a lost answer (without a requestId, Google refuses the second purchase).
    let next = handle(
        &mut journey,
        Answer::ChannelError(read("channel_error_already_exists.json")),
    );
    assert_eq!(call_of(&next), Some(Call::ChannelListEntitlements));
    let held = Answer::Entitlements(
        serde_json::from_str(&format!(
            r#"{{"entitlements": [{{"name": "{CREATED}/entitlements/E9",
            "provisionedService": {{"skuId": "1010020028"}}}}]}}"#
        ))
        .expect("a page"),
    );
    assert_eq!(
        handle(&mut journey, held),
        Next::Done(Outcome::Created {
            customer: CREATED.into(),
            purchase: Some(format!("{CREATED}/entitlements/E9")),
        })
    );
}

/// A journey waiting for the answer to `customers.import`, after the check `check`.
fn importing(check: &str) -> Journey {
    let mut journey = Journey::channel(&customer_with_order(), account());
    handle(&mut journey, Answer::CheckAccounts(read(check)));
    let next = journey
        .give_token(gws_onboarding::wire::TransferToken::parse("0a1b").expect("a token"))
        .expect("a token is needed");
    assert_eq!(call_of(&next), Some(Call::ChannelCustomersImport));
    journey
}

#[test]
fn an_import_outage_looks_for_the_imported_customer_on_its_domain() {
    let mut journey = importing("channel_check_elsewhere.json");
    let next = handle(&mut journey, unavailable());
    let step = next.step().expect("a step");
    assert_eq!(step.call(), Call::ChannelListCustomers);
    assert!(
        step.path()
            .ends_with("&filter=domain%20%3D%20%22acme-widgets.fr%22"),
        "{}",
        step.path()
    );
    // The token is never shown in a path.
    assert!(!step.path().contains("0a1b"));
    let found = listed(&format!(
        r#"{{"name": "{CREATED}", "domain": "acme-widgets.fr", "cloudIdentityId": "C04q8rs2t"}}"#
    ));
    let next = handle(&mut journey, found);
    assert_eq!(call_of(&next), Some(Call::ChannelListTransferableSkus));
}

#[test]
fn a_team_import_is_looked_for_by_its_cloud_identity_and_sent_again_when_not_found() {
    let mut journey = importing("channel_check_elsewhere_team.json");
    let next = handle(&mut journey, unavailable());
    let step = next.step().expect("a step");
    assert!(
        step.path()
            .ends_with("&filter=cloud_identity_id%20%3D%20%22C05team42%22"),
        "{}",
        step.path()
    );
    let before = journey.clone();
    let other = listed(&format!(
        r#"{{"name": "{CREATED}", "cloudIdentityId": "C0other"}}"#
    ));
    let err = journey.handle(other).expect_err("another account");
    assert_eq!(err.code(), "journey.mismatch");
    assert_eq!(journey, before);
    let next = handle(&mut journey, listed(""));
    assert_eq!(call_of(&next), Some(Call::ChannelCustomersImport));
    let body = serde_json::to_value(next.step().expect("a step")).expect("json");
    assert_eq!(body["body"]["cloudIdentityId"], "C05team42", "{body}");
}
