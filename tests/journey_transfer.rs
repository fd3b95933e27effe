//! The Reseller journey's transfer, from the token to `Done(Transferred)`: the subscriptions
//! the token opens are listed (paged), each is moved with a body made by the transfer builder
//! (only input fields, at least `minimumTransferableSeats`, never an expired one), and the
//! order is bought when the customer did not have it. Answers about another customer or SKU
//! are refused, the state unchanged.
#![cfg(feature = "serde")]

use std::time::{Duration, SystemTime};

use gws_onboarding::Customer;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{Answer, Journey, Next, Outcome, Step};
use gws_onboarding::wire::{Call, TransferToken};
use proptest::prelude::*;
use serde_json::{Value, json};

const CUSTOMER_ID: &str = "C03x7yz9q";

fn customer() -> Customer {
    let form = OnboardingForm {
        order: Some(RawOrder {
            product: "business-standard".into(),
            seats: Some("25".into()),
            plan: Some("annual-yearly".into()),
            purchase_order_id: Some("PO-5".into()),
            ..RawOrder::default()
        }),
        ..OnboardingForm::sample_domain_customer()
    };
    form::validate(&form, &Policy::default()).unwrap_or_else(|r| panic!("{r}"))
}

fn answer<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

#[track_caller]
fn send(next: &Next) -> &Step {
    match next {
        Next::Send(step) => step,
        other => panic!("expected a step, got {other:?}"),
    }
}

#[track_caller]
fn handle(journey: &mut Journey, answer: Answer) -> Next {
    journey.handle(answer).unwrap_or_else(|e| panic!("{e}"))
}

fn body(step: &Step) -> Value {
    serde_json::to_value(step.body().unwrap()).unwrap()
}

fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

/// A journey taken over with the token: the next step lists the subscriptions.
fn taken_over() -> Journey {
    let mut journey = Journey::reseller(&customer());
    handle(
        &mut journey,
        Answer::ResellerError(answer(json!({"error": {"code": 403}}))),
    );
    journey
        .transfer_with(TransferToken::parse("0a1b2c3d").unwrap())
        .unwrap();
    let next = handle(
        &mut journey,
        Answer::ResellerCustomer(answer(json!({"customerId": CUSTOMER_ID,
            "customerDomain": "acme-widgets.fr", "alternateEmail": "it@example.com"}))),
    );
    let list = send(&next);
    assert_eq!(list.call(), Call::ResellerSubscriptionsList);
    assert!(list.path().contains("customerAuthToken=0a1b2c3d"));
    assert!(!list.redacted().to_string().contains("0a1b2c3d"));
    journey
}

/// A listed subscription: `sku`, `plan`, seats, the minimum a transfer takes, and when its
/// transfer expires (milliseconds since the epoch).
fn listed(id: &str, sku: &str, plan: &str, seats: u32, minimum: u32, expires_ms: i64) -> Value {
    json!({"kind": "reseller#subscription", "customerId": CUSTOMER_ID, "subscriptionId": id,
        "skuId": sku, "plan": {"planName": plan, "isCommitmentPlan": plan.starts_with("ANNUAL")},
        "seats": {"numberOfSeats": seats, "licensedNumberOfSeats": seats},
        "status": "ACTIVE", "resourceUiUrl": "https://admin.google.com/x",
        "transferInfo": {"minimumTransferableSeats": minimum,
            "transferabilityExpirationTime": expires_ms.to_string()}})
}

#[allow(clippy::needless_pass_by_value)] // built inline by each test
fn page(subs: Vec<Value>, next: Option<&str>) -> Answer {
    let mut list = json!({"kind": "reseller#subscriptions", "subscriptions": subs});
    if let Some(next) = next {
        list["nextPageToken"] = next.into();
    }
    Answer::Subscriptions(answer(list), now())
}

const LATER: i64 = 1_900_000_000_000;

/// The read-only fields of a Reseller `Subscription` (discovery document): never sent.
const READ_ONLY: [&str; 8] = [
    "subscriptionId",
    "status",
    "skuName",
    "creationTime",
    "transferInfo",
    "resourceUiUrl",
    "trialSettings",
    "suspensionReasons",
];

#[track_caller]
fn assert_input_only(b: &Value) {
    for key in READ_ONLY {
        assert!(b.get(key).is_none(), "{key} sent: {b}");
    }
    assert!(b["seats"].get("licensedNumberOfSeats").is_none(), "{b}");
}

#[test]
fn every_listed_subscription_moves_then_the_journey_is_done() {
    let mut journey = taken_over();
    let next = handle(
        &mut journey,
        page(
            vec![listed(
                "1",
                "1010020028",
                "ANNUAL_MONTHLY_PAY",
                40,
                40,
                LATER,
            )],
            Some("p2"),
        ),
    );
    assert!(send(&next).path().ends_with("&pageToken=p2"));
    let next = handle(
        &mut journey,
        page(
            vec![listed("2", "Google-Vault", "FLEXIBLE", 12, 12, LATER)],
            None,
        ),
    );
    // The order's SKU moves on the order's plan, raised to the customer's seats.
    let step = send(&next);
    assert_eq!(step.call(), Call::ResellerSubscriptionsInsert);
    assert_eq!(
        step.redacted().to_string(),
        "POST apps/reseller/v1/customers/C03x7yz9q/subscriptions?customerAuthToken=[redacted] \
         (reseller.subscriptions.insert)"
    );
    let b = body(step);
    assert_input_only(&b);
    assert_eq!(b["skuId"], "1010020028");
    assert_eq!(b["plan"]["planName"], "ANNUAL_YEARLY_PAY");
    assert_eq!(b["seats"]["numberOfSeats"], 40);
    assert_eq!(b["purchaseOrderId"], "PO-5");
    // Stored mid-transfer, it reloads the same.
    let stored = serde_json::to_string(&journey).unwrap();
    assert_eq!(serde_json::from_str::<Journey>(&stored).unwrap(), journey);
    let next = handle(
        &mut journey,
        Answer::Subscription(answer(
            json!({"subscriptionId": "101", "customerId": CUSTOMER_ID,
            "skuId": "1010020028"}),
        )),
    );
    let b = body(send(&next));
    assert_input_only(&b);
    assert_eq!(b["skuId"], "Google-Vault");
    assert_eq!(b["seats"]["maximumNumberOfSeats"], 12);
    let next = handle(
        &mut journey,
        Answer::Subscription(answer(
            json!({"subscriptionId": "102", "customerId": CUSTOMER_ID,
            "skuId": "Google-Vault"}),
        )),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Transferred {
            customer: CUSTOMER_ID.into(),
            purchase: None,
            moved: vec!["101".into(), "102".into()],
        })
    );
}

#[test]
fn the_order_is_bought_after_the_transfer_when_the_customer_lacked_it() {
    let mut journey = taken_over();
    handle(
        &mut journey,
        page(
            vec![listed("2", "Google-Vault", "FLEXIBLE", 3, 3, LATER)],
            None,
        ),
    );
    let next = handle(
        &mut journey,
        Answer::Subscription(answer(
            json!({"subscriptionId": "102", "customerId": CUSTOMER_ID,
            "skuId": "Google-Vault"}),
        )),
    );
    let b = body(send(&next));
    assert_eq!(b["skuId"], "1010020028");
    assert_eq!(b["seats"]["numberOfSeats"], 25);
    let next = handle(
        &mut journey,
        Answer::Subscription(answer(
            json!({"subscriptionId": "103", "customerId": CUSTOMER_ID,
            "skuId": "1010020028"}),
        )),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Transferred {
            customer: CUSTOMER_ID.into(),
            purchase: Some("103".into()),
            moved: vec!["102".into()],
        })
    );
}

#[test]
fn an_expired_transfer_stops_with_a_violation_not_a_request() {
    let mut journey = taken_over();
    let expired = 1_799_999_999_000;
    let next = handle(
        &mut journey,
        page(
            vec![listed("1", "1010020028", "FLEXIBLE", 5, 5, expired)],
            None,
        ),
    );
    let Next::Stopped(stop) = &next else {
        panic!("{next:?}")
    };
    assert_eq!(stop.call(), Call::ResellerSubscriptionsList);
    let codes: Vec<_> = stop
        .report()
        .iter()
        .map(gws_onboarding::Violation::code)
        .collect();
    assert_eq!(codes, ["transfer.expired"]);
}

#[test]
fn a_subscription_of_another_customer_is_refused_and_the_state_kept() {
    let journey = taken_over();
    let mut other = listed("1", "1010020028", "FLEXIBLE", 5, 5, LATER);
    other["customerId"] = "C0other".into();
    let mut j = journey.clone();
    assert_eq!(
        j.handle(page(vec![other], None)).unwrap_err().code(),
        "journey.mismatch"
    );
    assert_eq!(j, journey);
    // A moved subscription answered for another SKU is refused too.
    let mut j = journey.clone();
    handle(
        &mut j,
        page(
            vec![listed("1", "1010020028", "FLEXIBLE", 5, 5, LATER)],
            None,
        ),
    );
    let before = j.clone();
    let wrong = Answer::Subscription(answer(
        json!({"subscriptionId": "9", "customerId": CUSTOMER_ID,
        "skuId": "Google-Vault"}),
    ));
    assert_eq!(j.handle(wrong).unwrap_err().code(), "journey.mismatch");
    assert_eq!(j, before);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Law: whatever the customer holds (SKUs, plans, seats, minimums, expiry), a transfer
    /// either stops with a typed report before sending, or sends, for each distinct SKU, one
    /// insert of input fields only with at least its minimum seats, and ends listing each
    /// subscription it moved.
    #[test]
    fn a_transfer_moves_each_sku_once_with_enough_seats(
        subs in prop::collection::vec(
            (0..4_usize, 0..3_usize, 1..200_u32, 0..300_u32, any::<bool>()), 0..8),
    ) {
        let skus = ["1010020028", "Google-Vault", "1010020025", "1010060003"];
        let plans = ["FLEXIBLE", "ANNUAL_MONTHLY_PAY", "ANNUAL_YEARLY_PAY"];
        let list: Vec<Value> = subs.iter().enumerate().map(|(i, (sku, plan, seats, min, expired))| {
            let expires = if *expired { 1_000 } else { LATER };
            listed(&i.to_string(), skus[*sku], plans[*plan], *seats, *min, expires)
        }).collect();
        let mut journey = taken_over();
        let mut next = handle(&mut journey, page(list, None));
        let mut sent = Vec::new();
        while let Next::Send(step) = &next {
            prop_assert_eq!(step.call(), Call::ResellerSubscriptionsInsert);
            let b = body(step);
            assert_input_only(&b);
            let sku = b["skuId"].as_str().unwrap().to_owned();
            prop_assert!(!sent.contains(&sku), "{} sent twice", sku);
            let seats = b["seats"]["numberOfSeats"].as_u64()
                .or_else(|| b["seats"]["maximumNumberOfSeats"].as_u64()).unwrap();
            let minimum = subs.iter().filter(|s| skus[s.0] == sku).map(|s| u64::from(s.3)).next();
            if let Some(minimum) = minimum {
                prop_assert!(seats >= minimum.max(1), "{} seats < {}", seats, minimum);
            }
            sent.push(sku.clone());
            let id = format!("S{}", sent.len());
            next = handle(&mut journey, Answer::Subscription(answer(json!({
                "subscriptionId": id, "customerId": CUSTOMER_ID, "skuId": sku}))));
        }
        match next {
            Next::Done(Outcome::Transferred { moved, purchase, .. }) => {
                let bought = usize::from(purchase.is_some());
                prop_assert_eq!(moved.len() + bought, sent.len());
            }
            Next::Stopped(stop) => {
                prop_assert!(sent.is_empty());
                prop_assert!(stop.report().iter().all(|v| v.code().starts_with("transfer.")));
            }
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
