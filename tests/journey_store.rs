//! A stored journey reloads only as a state the journey could have reached (issue 16, item 6;
//! issue 14, "Bad input"): its bodies are made again from the customer, validated again, and
//! its stage is checked against that customer and its route. Hand edits of every class are
//! refused; a stopped journey keeps its report; the JSON is camelCase throughout.
#![cfg(feature = "serde")]

#[path = "common/recorded.rs"]
mod recorded;

use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{self, Answer, Journey, Next};
use gws_onboarding::order::OfferName;
use gws_onboarding::wire::TransferToken;
use gws_onboarding::{Customer, Lang};
use proptest::prelude::*;
use recorded::read;
use serde_json::Value;

fn customer(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|r| panic!("{r}"))
}

fn with_order() -> Customer {
    customer(&OnboardingForm {
        order: Some(RawOrder {
            product: "business-standard".into(),
            seats: Some("25".into()),
            plan: Some("annual-yearly".into()),
            ..RawOrder::default()
        }),
        ..OnboardingForm::sample_domain_customer()
    })
}

fn account() -> CloudIdentityId {
    CloudIdentityId::parse("C01abcd2e").unwrap()
}

fn step(journey: &mut Journey, answer: Answer) {
    journey
        .handle(answer)
        .unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
}

/// A state of each stage, on both APIs, with an order.
fn states() -> Vec<(&'static str, Journey)> {
    let c = with_order();
    let mut out = Vec::new();
    let mut j = Journey::channel(&c, account());
    out.push(("channel check", j.clone()));
    step(
        &mut j,
        Answer::CheckAccounts(read("channel_check_none.json")),
    );
    out.push(("channel create", j.clone()));
    step(
        &mut j,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    out.push(("channel provision", j.clone()));
    step(
        &mut j,
        Answer::Operation(read("channel_operation_pending.json")),
    );
    out.push(("channel provision pending", j.clone()));
    step(
        &mut j,
        Answer::Operation(read("channel_operation_provisioned.json")),
    );
    out.push(("channel needs offer", j.clone()));
    j.give_offer(OfferName::parse("accounts/C01abcd2e/offers/O1").unwrap())
        .unwrap();
    out.push(("channel entitle", j.clone()));
    step(
        &mut j,
        Answer::Operation(read("channel_operation_entitled.json")),
    );
    out.push(("channel done", j.clone()));
    let mut j = Journey::channel(&c, account()).validate_only();
    step(
        &mut j,
        Answer::CheckAccounts(read("channel_check_none.json")),
    );
    step(
        &mut j,
        Answer::ChannelCustomer(read("channel_customer_created.json")),
    );
    out.push(("channel dry run provision", j.clone()));
    step(
        &mut j,
        Answer::Operation(read("channel_operation_provisioned.json")),
    );
    assert!(matches!(
        j.next_step(),
        Next::Done(journey::Outcome::Validated { .. })
    ));
    out.push(("channel dry run done", j.clone()));
    let mut j = Journey::channel(&c, account());
    step(
        &mut j,
        Answer::CheckAccounts(read("channel_check_elsewhere.json")),
    );
    out.push(("channel needs token", j.clone()));
    j.give_token(TransferToken::parse("0a1b").unwrap()).unwrap();
    out.push(("channel import", j.clone()));
    let mut j = Journey::channel(&c, account());
    step(
        &mut j,
        Answer::ChannelError(read("channel_error_invalid.json")),
    );
    out.push(("channel stopped", j.clone()));
    let mut j = Journey::channel(&c, account());
    step(
        &mut j,
        Answer::CheckAccounts(read("channel_check_none.json")),
    );
    step(
        &mut j,
        Answer::ChannelError(read("channel_error_unavailable.json")),
    );
    out.push(("channel create lost", j.clone()));
    step(
        &mut j,
        Answer::ChannelCustomers(
            serde_json::from_str(
                r#"{"customers": [{"name": "accounts/C01abcd2e/customers/S0aBcD3f"}]}"#,
            )
            .unwrap(),
        ),
    );
    step(
        &mut j,
        Answer::ChannelError(read("channel_error_unavailable.json")),
    );
    out.push(("channel provision lost", j.clone()));
    out.extend(reseller_states(&c));
    out
}

/// A Reseller state of each stage.
fn reseller_states(c: &Customer) -> Vec<(&'static str, Journey)> {
    let mut out = Vec::new();
    let mut j = Journey::reseller(c);
    out.push(("reseller get", j.clone()));
    step(
        &mut j,
        Answer::ResellerError(read("reseller_not_found.json")),
    );
    out.push(("reseller insert", j.clone()));
    step(
        &mut j,
        Answer::ResellerCustomer(read("reseller_customer.json")),
    );
    out.push(("reseller needs the admin's password", j.clone()));
    j.give_admin_password(
        gws_onboarding::wire::directory::AdminPassword::parse("Temp-2026-pass").unwrap(),
    )
    .unwrap();
    step(
        &mut j,
        Answer::DirectoryUser(
            serde_json::from_str(
                r#"{"id": "1074", "primaryEmail": "jeanne.martin@acme-widgets.fr"}"#,
            )
            .unwrap(),
        ),
    );
    out.push(("reseller make admin", j.clone()));
    step(
        &mut j,
        Answer::MadeAdmin(gws_onboarding::wire::directory::MadeAdmin::from_status(204).unwrap()),
    );
    out.push(("reseller subscribe", j.clone()));
    step(
        &mut j,
        Answer::Subscription(read("reseller_subscription.json")),
    );
    out.push(("reseller done", j.clone()));
    let mut j = Journey::reseller(c);
    step(
        &mut j,
        Answer::ResellerError(read("reseller_not_found.json")),
    );
    step(
        &mut j,
        Answer::ResellerError(read("reseller_conflict.json")),
    );
    out.push(("reseller recheck", j.clone()));
    step(
        &mut j,
        Answer::ResellerError(read("reseller_forbidden.json")),
    );
    out.push(("reseller stopped, transfer", j.clone()));
    j.transfer_with(TransferToken::parse("0a1b").unwrap())
        .unwrap();
    out.push(("reseller transfer insert", j.clone()));
    step(
        &mut j,
        Answer::ResellerCustomer(read("reseller_customer.json")),
    );
    out.push(("reseller transfer list", j.clone()));
    let mut j = Journey::reseller(c);
    step(
        &mut j,
        Answer::ResellerCustomer(read("reseller_customer.json")),
    );
    out.push(("reseller ours, list", j.clone()));
    out
}

fn stored(journey: &Journey) -> Value {
    serde_json::to_value(journey).unwrap()
}

fn reload(value: &Value) -> Result<Journey, serde_json::Error> {
    serde_json::from_value(value.clone())
}

/// Every key of `value`, at any depth.
fn keys(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_state_round_trips_in_camel_case_with_its_report() {
    for (name, journey) in states() {
        let value = stored(&journey);
        let back = reload(&value).unwrap_or_else(|e| panic!("{name}: {e}"));
        // A reloaded report holds saved problems, not Google's errors: compare the stored form.
        assert_eq!(stored(&back), value, "{name}");
        assert_eq!(
            back.next_step().step(),
            journey.next_step().step(),
            "{name}"
        );
        let mut all = Vec::new();
        keys(&value, &mut all);
        for key in all {
            assert!(!key.contains('_'), "{name}: key {key} is not camelCase");
        }
        for tag in [
            &value["stage"]["stage"],
            &value["stage"]["outcome"]["outcome"],
        ] {
            if let Some(tag) = tag.as_str() {
                assert!(!tag.contains('_'), "{name}: tag {tag}");
            }
        }
        if let Next::Stopped(stop) = journey.next_step() {
            assert!(!stop.report().is_empty(), "{name}");
            let Next::Stopped(again) = back.next_step() else {
                panic!("{name}")
            };
            assert_eq!(again.call(), stop.call(), "{name}");
            assert_eq!(again.can_transfer(), stop.can_transfer(), "{name}");
            let messages = |r: &gws_onboarding::Report| {
                r.iter()
                    .map(|v| (v.field().to_owned(), v.code(), v.message(Lang::Fr)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                messages(again.report()),
                messages(stop.report()),
                "{name}: the report is kept"
            );
        }
    }
}

/// One hand edit of a stored state: where, and the value put there.
#[allow(clippy::needless_pass_by_value)] // reads best at the call sites
fn edit(value: &Value, path: &[&str], new: Value) -> Value {
    let mut value = value.clone();
    let mut at = &mut value;
    for (i, key) in path.iter().enumerate() {
        if i + 1 == path.len() {
            if new.is_null() {
                at.as_object_mut().unwrap().remove(*key);
            } else {
                at[*key] = new.clone();
            }
            break;
        }
        at = &mut at[*key];
    }
    value
}

fn state(name: &str) -> Value {
    let (_, journey) = states().into_iter().find(|(n, _)| *n == name).unwrap();
    stored(&journey)
}

#[test]
#[allow(clippy::too_many_lines)] // one line per edit
fn hand_edits_that_no_journey_reaches_are_refused() {
    use serde_json::json;
    let cases: Vec<(&str, Value)> = vec![
        (
            "missing account",
            edit(&state("channel provision"), &["account"], Value::Null),
        ),
        (
            "Channel stop on a Reseller call",
            edit(
                &state("channel stopped"),
                &["stage", "call"],
                json!("reseller.customers.insert"),
            ),
        ),
        (
            "Reseller stop on a Channel call",
            edit(
                &state("reseller stopped, transfer"),
                &["stage", "call"],
                json!("cloudchannel.accounts.customers.create"),
            ),
        ),
        (
            "customer of another account",
            edit(
                &state("channel provision"),
                &["stage", "customer"],
                json!("accounts/ZZZ/customers/S42"),
            ),
        ),
        (
            "forged done under another account",
            edit(
                &state("channel done"),
                &["stage", "outcome", "customer"],
                json!("accounts/ZZZ/customers/S42"),
            ),
        ),
        (
            // A transfer may buy the order afterwards, but only for the customer moved.
            "forged Channel transfer with another customer's purchase",
            edit(
                &edit(
                    &state("channel done"),
                    &["stage", "outcome", "outcome"],
                    json!("transferred"),
                ),
                &["stage", "outcome", "purchase"],
                json!("accounts/C01abcd2e/customers/OTHER/entitlements/E1"),
            ),
        ),
        (
            "forged Channel transfer that moved another account's offer",
            edit(
                &edit(
                    &state("channel done"),
                    &["stage", "outcome", "outcome"],
                    json!("transferred"),
                ),
                &["stage", "outcome", "moved"],
                json!(["accounts/ZZZ/offers/O1"]),
            ),
        ),
        (
            "forged purchase of another customer",
            edit(
                &state("channel done"),
                &["stage", "outcome", "purchase"],
                json!("accounts/C01abcd2e/customers/OTHER/entitlements/E1"),
            ),
        ),
        (
            "Reseller done transferred without a token",
            edit(
                &state("reseller done"),
                &["stage", "outcome", "outcome"],
                json!("transferred"),
            ),
        ),
        (
            "Reseller done created with a token",
            edit(&state("reseller done"), &["token"], json!("0a1b")),
        ),
        (
            "token at customers.get",
            edit(&state("reseller get"), &["token"], json!("0a1b")),
        ),
        (
            "a transfer offered again during a transfer",
            edit(
                &edit(
                    &state("reseller stopped, transfer"),
                    &["token"],
                    json!("0a1b"),
                ),
                &["stage", "transfer"],
                json!(true),
            ),
        ),
        (
            "import of another domain",
            edit(
                &state("channel needs token"),
                &["stage", "identity", "domain"],
                json!("other-domain.fr"),
            ),
        ),
        (
            "zero seats",
            edit(
                &state("reseller subscribe"),
                &["customer", "order", "seats"],
                json!("0"),
            ),
        ),
        (
            "secondary email on the primary domain",
            edit(
                &state("channel create"),
                &["customer", "secondaryEmail"],
                json!("it@acme-widgets.fr"),
            ),
        ),
        (
            "a stop without its report",
            edit(&state("channel stopped"), &["report"], Value::Null),
        ),
        (
            "a report on a running journey",
            edit(
                &state("channel create"),
                &["report"],
                state("channel stopped")["report"].clone(),
            ),
        ),
        (
            "a retry on an unsafe step",
            edit(
                &state("channel create"),
                &["retrying"],
                json!({"attempt": 1, "delayMs": 1000}),
            ),
        ),
        (
            "an offer of another account",
            edit(
                &state("channel entitle"),
                &["offer"],
                json!("accounts/ZZZ/offers/O1"),
            ),
        ),
        (
            "an offer for an order that names one",
            edit(
                &state("channel entitle"),
                &["customer", "order", "offer"],
                json!("accounts/C01abcd2e/offers/O2"),
            ),
        ),
        (
            "an offer without an order",
            edit(
                &state("channel entitle"),
                &["customer", "order"],
                Value::Null,
            ),
        ),
        (
            "no customer",
            edit(&state("reseller get"), &["customer"], Value::Null),
        ),
        (
            "another API",
            edit(&state("reseller insert"), &["api"], json!("channel")),
        ),
        (
            "a dry run's outcome without the dry run",
            edit(
                &state("channel dry run done"),
                &["validateOnly"],
                Value::Null,
            ),
        ),
        (
            "a dry run that bought",
            edit(&state("channel done"), &["validateOnly"], json!(true)),
        ),
        (
            "an offer listing past its pages",
            edit(
                &state("channel needs offer"),
                &["stage", "pages"],
                json!(50),
            ),
        ),
        (
            "an offer chosen when one was given",
            edit(
                &state("channel entitle"),
                &["stage", "chosen"],
                json!("accounts/C01abcd2e/offers/O2"),
            ),
        ),
        (
            "a transfer listing an offer of no SKU",
            edit(
                &state("channel needs offer"),
                &["stage"],
                json!({"stage": "transferOffers", "customer": "accounts/C01abcd2e/customers/S0aBcD3f",
                       "token": "0a1b", "skus": []}),
            ),
        ),
        (
            "a transfer moving an offer of another account",
            edit(
                &state("channel needs offer"),
                &["stage"],
                json!({"stage": "transfer", "customer": "accounts/C01abcd2e/customers/S0aBcD3f",
                       "token": "0a1b", "items": [{"offer": "accounts/ZZZ/offers/O1",
                       "plan": "flexible", "seats": 5}]}),
            ),
        ),
        (
            "an admin created in a transfer",
            edit(&state("reseller make admin"), &["token"], json!("0a1b")),
        ),
        (
            "a queued transfer of another customer",
            edit(
                &state("reseller transfer list"),
                &["stage", "queue"],
                json!([{"customerId": "C0other", "skuId": "1010020028",
                        "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 5}}]),
            ),
        ),
        (
            "transfers queued without a token",
            edit(
                &state("reseller ours, list"),
                &["stage", "queue"],
                json!([{"customerId": "C03x7yz9q", "skuId": "1010020028",
                        "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 5}}]),
            ),
        ),
    ];
    for (name, value) in cases {
        assert!(reload(&value).is_err(), "{name} reloaded: {value}");
    }
}

#[test]
fn a_purchase_stage_without_an_order_is_refused() {
    let c = customer(&OnboardingForm::sample_domain_customer());
    let mut value = stored(&Journey::reseller(&c));
    value["stage"] = serde_json::json!({"stage": "subscribe", "customerId": "C03x7yz9q"});
    assert!(reload(&value).is_err());
    let mut value = stored(&Journey::channel(&c, account()));
    value["stage"] =
        serde_json::json!({"stage": "entitle", "customer": "accounts/C01abcd2e/customers/S1"});
    assert!(reload(&value).is_err());
}

fn all_values(value: &Value, path: &[String], out: &mut Vec<(Vec<String>, Value)>) {
    out.push((path.to_vec(), value.clone()));
    if let Value::Object(map) = value {
        for (k, v) in map {
            let mut p = path.to_vec();
            p.push(k.clone());
            all_values(v, &p, out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Law: a stored state that reloads, whatever was edited in it (any value moved from any
    /// state to any place of another), plans exactly the bodies a freshly validated customer
    /// produces, and its next request is one such a journey sends.
    #[test]
    fn a_reloaded_state_plans_only_freshly_validated_bodies(
        target in 0..40_usize, source in 0..40_usize, at in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
    ) {
        let states = states();
        let target = stored(&states[target % states.len()].1);
        let source = stored(&states[source % states.len()].1);
        let mut places = Vec::new();
        all_values(&target, &[], &mut places);
        let mut values = Vec::new();
        all_values(&source, &[], &mut values);
        let (path, _) = at.get(&places[1..]).clone();
        let (_, new) = from.get(&values).clone();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let edited = edit(&target, &path, new);
        if let Ok(journey) = reload(&edited) {
            let customer: Customer = serde_json::from_value(edited["customer"].clone()).unwrap();
            let api = journey.api();
            let fresh = journey::plan(&customer, api);
            let json = |steps: &[journey::Step]| serde_json::to_value(steps).unwrap();
            let reloaded_plan = journey.plan();
            // The Channel plan of a journey carries its account where a bare plan has a
            // placeholder; the bodies are the same.
            // `validateOnly` is the caller's choice (a dry run), like the `requestId`.
            // An offer given replaces the listings of the offer's choice: bodies are compared
            // call by call.
            let bodies = |v: Value| {
                v.as_array().unwrap().iter().map(|s| {
                    let mut body = s["body"].clone();
                    if let Some(map) = body.as_object_mut() {
                        map.remove("validateOnly");
                    }
                    (s["call"].as_str().unwrap().to_owned(), body)
                }).collect::<std::collections::BTreeMap<_, _>>()
            };
            let fresh_bodies = bodies(json(&fresh));
            let reloaded_bodies = bodies(json(&reloaded_plan));
            for (call, a) in &fresh_bodies {
                if let Some(b) = reloaded_bodies.get(call) {
                    if a.get("entitlement").is_none() {
                        prop_assert_eq!(a, b);
                    }
                }
            }
            if let Some(next) = journey.next_step().step() {
                if let Some(body) = next.body() {
                    let mut body = serde_json::to_value(body).unwrap();
                    if let Some(map) = body.as_object_mut() {
                        map.remove("validateOnly");
                    }
                    // Google's id, filled in where the plan has `{customerId}`.
                    if body.get("customerId").is_some() {
                        body["customerId"] = "{customerId}".into();
                    }
                    // Transfer listings are not in a plan: their bodies carry the token or the
                    // SKU listed.
                    let known = reloaded_bodies.values().any(|b| *b == body)
                        || body.get("entitlement").is_some()
                        || body.get("sku").is_some()
                        || body.get("authToken").is_some()
                        || body.get("domain").is_some_and(|d| *d == edited["customer"]["domain"]);
                    prop_assert!(known, "{}", body);
                }
            }
        }
    }
}
