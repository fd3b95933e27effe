//! The onboarding journey on both APIs, run against recorded answers (`tests/data/journey/`):
//! success, already yours, owned elsewhere, operations pending then done, each error format;
//! the request bodies checked against the input fields of Google's messages and against
//! golden plans (`tests/golden/journey_*.json`); answers out of sequence or unreadable, in every
//! state; the state stored and resumed mid-journey.
#![cfg(feature = "serde")]

#[path = "common/golden.rs"]
mod golden;
use golden::{assert_golden, golden_path};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawEducation, RawOrder};
use gws_onboarding::journey::{
    self, Answer, AnswerKind, Api, Journey, JourneyError, Need, Next, Outcome, Step,
};
use gws_onboarding::order::OfferName;
use gws_onboarding::wire::{Call, HttpMethod, TransferToken};
use gws_onboarding::{Customer, Diagnostic, Lang};
use serde_json::Value;

// ---------------------------------------------------------------- samples

const ACCOUNT: &str = "C01abcd2e";

fn order(product: &str, seats: &str, plan: &str) -> RawOrder {
    RawOrder {
        product: product.into(),
        seats: Some(seats.into()),
        plan: Some(plan.into()),
        ..RawOrder::default()
    }
}

/// The sample domain customer buying 25 annual (yearly) Business Standard seats on an offer.
fn domain_order_form() -> OnboardingForm {
    let mut raw = order("business-standard", "25", "annual-yearly");
    raw.purchase_order_id = Some("PO-2026-17".into());
    raw.deal_code = Some("DEAL-ACME-2026".into());
    raw.offer = Some("accounts/C01abcd2e/offers/O0bsAnnual".into());
    OnboardingForm {
        order: Some(raw),
        ..OnboardingForm::sample_domain_customer()
    }
}

/// The sample team customer, flexible plan, no offer named.
fn team_order_form() -> OnboardingForm {
    let form = OnboardingForm::sample_team_customer();
    let product = form.edition.clone().unwrap_or_else(|| "essentials".into());
    OnboardingForm {
        order: Some(order(&product, "8", "flexible")),
        ..form
    }
}

/// A French secondary school, without an order.
fn edu_order_form() -> OnboardingForm {
    OnboardingForm {
        edition: Some("education-fundamentals".into()),
        organization_name: "Lycée Jean Moulin".into(),
        domain: "lycee-moulin.fr".into(),
        admin: form::RawAdmin {
            email: "claire.dubois@lycee-moulin.fr".into(),
            first_name: Some("Claire".into()),
            last_name: Some("Dubois".into()),
        },
        secondary_email: Some("education@reseller-example.de".into()),
        postal_address: gws_onboarding::RawPostalAddress {
            contact_name: "Claire Dubois".into(),
            organization_name: String::new(),
            address_line1: "2 avenue Jean Moulin".into(),
            address_line2: Some("Bâtiment A".into()),
            address_line3: Some("Secrétariat".into()),
            locality: Some("Lyon".into()),
            region: Some("Auvergne-Rhône-Alpes".into()),
            postal_code: "69003".into(),
            country_code: "FR".into(),
        },
        educational_institution: Some(RawEducation {
            institute_type: "k12".into(),
            institute_size: Some("SIZE_501_1000".into()),
            website: Some("www.lycee-moulin.fr".into()),
        }),
        order: None,
        ..OnboardingForm::sample_domain_customer()
    }
}

/// The sample domain customer buying Business Standard, annual with monthly payments, no
/// offer.
fn monthly_order_form() -> OnboardingForm {
    let mut raw = order("business-standard", "12", "annual-monthly");
    raw.purchase_order_id = Some("PO-77".into());
    OnboardingForm {
        order: Some(raw),
        ..OnboardingForm::sample_domain_customer()
    }
}

/// The sample domain customer on a 10-seat trial.
fn trial_order_form() -> OnboardingForm {
    OnboardingForm {
        order: Some(order("business-standard", "10", "trial")),
        ..OnboardingForm::sample_domain_customer()
    }
}

#[track_caller]
fn customer(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|report| panic!("{report}"))
}

fn samples() -> Vec<(&'static str, OnboardingForm)> {
    vec![
        ("domain", OnboardingForm::sample_domain_customer()),
        ("domain_order", domain_order_form()),
        ("team_order", team_order_form()),
        ("edu", edu_order_form()),
        ("monthly_order", monthly_order_form()),
        ("trial_order", trial_order_form()),
    ]
}

fn account() -> CloudIdentityId {
    CloudIdentityId::parse(ACCOUNT).unwrap()
}

// ---------------------------------------------------------------- recorded answers

#[path = "common/recorded.rs"]
mod recorded;
use recorded::{read, read_for};

/// The domain `customer`'s journey on `api` creates (the create or insert body's).
fn created_domain(customer: &Customer, api: Api) -> String {
    let steps = journey::plan(customer, api);
    let body = body(&steps[1]);
    let domain = body.get("domain").or_else(|| body.get("customerDomain"));
    domain.and_then(Value::as_str).expect("a domain").to_owned()
}

/// The recorded Channel customer `name`, as Google would answer it for `customer`.
fn channel_customer_for(name: &str, customer: &Customer) -> Answer {
    Answer::ChannelCustomer(read_for(name, &created_domain(customer, Api::Channel)))
}

/// The recorded Reseller customer `name`, as Google would answer it for `customer`.
fn reseller_customer_for(name: &str, customer: &Customer) -> Answer {
    Answer::ResellerCustomer(read_for(name, &created_domain(customer, Api::Reseller)))
}

fn check(name: &str) -> Answer {
    Answer::CheckAccounts(read(name))
}
fn channel_customer(name: &str) -> Answer {
    Answer::ChannelCustomer(read(name))
}
fn operation(name: &str) -> Answer {
    Answer::Operation(read(name))
}
fn channel_error(name: &str) -> Answer {
    Answer::ChannelError(read(name))
}
fn reseller_customer(name: &str) -> Answer {
    Answer::ResellerCustomer(read(name))
}
fn subscription(name: &str) -> Answer {
    Answer::Subscription(read(name))
}
/// The recorded subscription, as Google would answer the subscription `step` sends.
fn subscription_for(step: &Step) -> Answer {
    let sent = body(step);
    let mut answer: Value = read("reseller_subscription.json");
    answer["customerId"] = sent["customerId"].clone();
    answer["skuId"] = sent["skuId"].clone();
    Answer::Subscription(serde_json::from_value(answer).unwrap())
}
fn reseller_error(name: &str) -> Answer {
    Answer::ResellerError(read(name))
}

/// One readable answer of each kind.
/// A page of `customers.list` with the customer `customers.create` made.
fn channel_customer_list_ours() -> Answer {
    Answer::ChannelCustomers(
        serde_json::from_str(
            r#"{"customers": [{"name": "accounts/C01abcd2e/customers/S0aBcD3f",
            "domain": "acme-widgets.fr"}]}"#,
        )
        .unwrap(),
    )
}

fn one_of_each() -> Vec<Answer> {
    vec![
        check("channel_check_none.json"),
        channel_customer("channel_customer_created.json"),
        operation("channel_operation_pending.json"),
        channel_error("channel_error_invalid.json"),
        reseller_customer("reseller_customer.json"),
        subscription("reseller_subscription.json"),
        reseller_error("reseller_not_found.json"),
        Answer::Skus(serde_json::from_str("{}").unwrap()),
        Answer::Offers(serde_json::from_str("{}").unwrap()),
        Answer::TransferableSkus(serde_json::from_str("{}").unwrap()),
        Answer::ChannelCustomers(serde_json::from_str("{}").unwrap()),
        Answer::Subscriptions(empty_list(), std::time::SystemTime::UNIX_EPOCH),
        directory_user(),
        Answer::MadeAdmin(gws_onboarding::wire::directory::MadeAdmin::from_status(204).unwrap()),
    ]
}

/// An empty page of `subscriptions.list`.
fn empty_list() -> gws_onboarding::wire::subscription::list::SubscriptionList {
    serde_json::from_str(r#"{"kind": "reseller#subscriptions"}"#).unwrap()
}

/// The Directory user `users.insert` creates for the sample domain customer's admin.
fn directory_user() -> Answer {
    Answer::DirectoryUser(
        serde_json::from_str(
            r#"{"kind": "admin#directory#user", "id": "107429", "primaryEmail":
            "jeanne.martin@acme-widgets.fr", "isAdmin": false}"#,
        )
        .unwrap(),
    )
}

/// The admin's temporary password of the tests.
fn password() -> gws_onboarding::wire::directory::AdminPassword {
    gws_onboarding::wire::directory::AdminPassword::parse("Temp-2026-pass").unwrap()
}

#[track_caller]
fn send(next: &Next) -> &Step {
    match next {
        Next::Send(step) => step,
        other => panic!("expected a step to send, got {other:?}"),
    }
}

#[track_caller]
fn poll(next: &Next) -> &Step {
    match next {
        Next::Poll { step, .. } => step,
        other => panic!("expected a poll, got {other:?}"),
    }
}

#[track_caller]
fn handle(journey: &mut Journey, answer: Answer) -> Next {
    journey
        .handle(answer)
        .unwrap_or_else(|e| panic!("{}", e.message(Lang::En)))
}

fn body(step: &Step) -> Value {
    serde_json::to_value(step.body().expect("a body")).unwrap()
}

// ---------------------------------------------------------------- Channel runs

#[test]
fn channel_success_with_an_order_polls_both_operations_to_the_end() {
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    let step = send(&journey.next_step()).clone();
    assert_eq!(step.call(), Call::ChannelCheckCloudIdentityAccountsExist);
    assert_eq!(step.method(), HttpMethod::Post);
    assert_eq!(
        step.path(),
        "v1/accounts/C01abcd2e:checkCloudIdentityAccountsExist"
    );
    assert_eq!(
        body(&step),
        serde_json::json!({"domain": "acme-widgets.fr"})
    );

    let next = handle(&mut journey, check("channel_check_none.json"));
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelCustomersCreate);
    assert_eq!(step.path(), "v1/accounts/C01abcd2e/customers");

    let next = handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelCustomersProvisionCloudIdentity);
    assert_eq!(
        step.path(),
        "v1/accounts/C01abcd2e/customers/S0aBcD3f:provisionCloudIdentity"
    );
    assert_eq!(body(step)["cloudIdentityInfo"]["customerType"], "DOMAIN");

    let next = handle(&mut journey, operation("channel_operation_pending.json"));
    let step = poll(&next);
    assert_eq!(step.call(), Call::ChannelOperationsGet);
    assert_eq!(step.method(), HttpMethod::Get);
    assert_eq!(
        step.path(),
        "v1/operations/7f8e9d0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f"
    );
    assert!(step.body().is_none());
    assert_eq!(
        next,
        Next::Poll {
            step: step.clone(),
            delay: Duration::from_secs(1)
        }
    );
    // Still pending: poll again, same step, a longer wait.
    let again = handle(&mut journey, operation("channel_operation_pending.json"));
    assert_eq!(
        again,
        Next::Poll {
            step: step.clone(),
            delay: Duration::from_millis(1500)
        }
    );

    let next = handle(
        &mut journey,
        operation("channel_operation_provisioned.json"),
    );
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelEntitlementsCreate);
    assert_eq!(
        step.path(),
        "v1/accounts/C01abcd2e/customers/S0aBcD3f/entitlements"
    );
    let entitlement = body(step);
    assert_eq!(
        entitlement["entitlement"]["offer"],
        "accounts/C01abcd2e/offers/O0bsAnnual"
    );
    assert_eq!(
        entitlement["entitlement"]["parameters"],
        serde_json::json!([{"name": "num_units", "value": {"int64Value": "25"}}])
    );

    let next = handle(
        &mut journey,
        operation("channel_operation_entitlement_pending.json"),
    );
    assert_eq!(
        poll(&next).path(),
        "v1/operations/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    );
    let next = handle(&mut journey, operation("channel_operation_entitled.json"));
    assert_eq!(
        next,
        Next::Done(Outcome::Created {
            customer: "accounts/C01abcd2e/customers/S0aBcD3f".into(),
            purchase: Some("accounts/C01abcd2e/customers/S0aBcD3f/entitlements/E0bs2026".into()),
        })
    );
    // Done: nothing more is accepted, and the state stays done.
    let before = journey.clone();
    assert!(journey.handle(check("channel_check_none.json")).is_err());
    assert_eq!(journey, before);
}

#[test]
fn channel_without_an_order_stops_after_provisioning() {
    let mut journey = Journey::channel(
        &customer(&OnboardingForm::sample_domain_customer()),
        account(),
    );
    handle(&mut journey, check("channel_check_none.json"));
    handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    let next = handle(
        &mut journey,
        operation("channel_operation_provisioned.json"),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Created {
            customer: "accounts/C01abcd2e/customers/S0aBcD3f".into(),
            purchase: None,
        })
    );
}

#[test]
fn channel_owned_account_is_already_yours() {
    // Yours: the journey reads it again (its Cloud Identity provisioned?) and lists what it
    // holds (the order?) before calling it done, so a journey started again after a crash
    // neither skips provisioning nor the order, nor does anything twice.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    let next = handle(&mut journey, check("channel_check_owned.json"));
    let get = send(&next);
    assert_eq!(get.call(), Call::ChannelCustomersGet);
    assert_eq!(get.path(), "v1/accounts/C01abcd2e/customers/S0aBcD3f");
    let provisioned = Answer::ChannelCustomer(
        serde_json::from_value(
            serde_json::json!({"name": "accounts/C01abcd2e/customers/S0aBcD3f",
            "domain": "acme-widgets.fr", "cloudIdentityId": "C03x7yz9q"}),
        )
        .unwrap(),
    );
    let mut not_provisioned = journey.clone();
    let next = handle(&mut journey, provisioned);
    let list = send(&next);
    assert_eq!(list.call(), Call::ChannelListEntitlements);
    assert_eq!(
        list.path(),
        "v1/accounts/C01abcd2e/customers/S0aBcD3f/entitlements?pageSize=100"
    );
    let mut lacks_it = journey.clone();
    let holds = Answer::Entitlements(
        serde_json::from_value(serde_json::json!({"entitlements": [{
            "name": "accounts/C01abcd2e/customers/S0aBcD3f/entitlements/E1",
            "provisionedService": {"productId": "Google-Apps", "skuId": "1010020028"}}]}))
        .unwrap(),
    );
    assert_eq!(
        handle(&mut journey, holds),
        Next::Done(Outcome::AlreadyYours {
            customer: "accounts/C01abcd2e/customers/S0aBcD3f".into()
        })
    );
    // It lacks the order: bought now.
    let next = handle(
        &mut lacks_it,
        Answer::Entitlements(serde_json::from_str("{}").unwrap()),
    );
    assert_eq!(send(&next).call(), Call::ChannelEntitlementsCreate);
    // Not provisioned: provisioned now.
    let next = handle(
        &mut not_provisioned,
        channel_customer("channel_customer_created.json"),
    );
    assert_eq!(
        send(&next).call(),
        Call::ChannelCustomersProvisionCloudIdentity
    );
    // Without an order, a provisioned customer of yours is done.
    let mut journey = Journey::channel(
        &customer(&OnboardingForm::sample_domain_customer()),
        account(),
    );
    handle(&mut journey, check("channel_check_owned.json"));
    let provisioned = Answer::ChannelCustomer(
        serde_json::from_value(
            serde_json::json!({"name": "accounts/C01abcd2e/customers/S0aBcD3f",
            "cloudIdentityId": "C03x7yz9q"}),
        )
        .unwrap(),
    );
    assert!(matches!(
        handle(&mut journey, provisioned),
        Next::Done(Outcome::AlreadyYours { .. })
    ));
}

#[test]
fn channel_account_owned_elsewhere_is_imported_with_the_transfer_token() {
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    let next = handle(&mut journey, check("channel_check_elsewhere.json"));
    assert_eq!(next, Next::Needs(Need::TransferToken));
    // Waiting for a token: answers are out of sequence, offers not needed.
    let before = journey.clone();
    assert!(matches!(
        journey.handle(check("channel_check_none.json")),
        Err(JourneyError::OutOfSequence { awaiting: None, .. })
    ));
    let offer = OfferName::parse("accounts/C01abcd2e/offers/O1").unwrap();
    assert_eq!(
        journey.give_offer(offer).unwrap_err().code(),
        "journey.not_needed"
    );
    assert_eq!(journey, before);

    let token = TransferToken::parse("0a1b2c3d4e5f").unwrap();
    let next = journey.give_token(token).unwrap();
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelCustomersImport);
    assert_eq!(step.path(), "v1/accounts/C01abcd2e/customers:import");
    assert_eq!(
        body(step),
        serde_json::json!({"domain": "acme-widgets.fr", "authToken": "0a1b2c3d4e5f",
                           "overwriteIfExists": false})
    );
    let next = handle(
        &mut journey,
        channel_customer("channel_customer_imported.json"),
    );
    // Imported: the journey goes on to move its entitlements (tests/journey_offers.rs).
    let list = send(&next);
    assert_eq!(list.call(), Call::ChannelListTransferableSkus);
    assert_eq!(
        body(list)["customerName"],
        "accounts/C01abcd2e/customers/S0imp0rt"
    );
}

#[test]
fn channel_team_account_elsewhere_is_imported_by_cloud_identity_id() {
    let mut journey = Journey::channel(&customer(&team_order_form()), account());
    let check_body = body(send(&journey.next_step()));
    assert_eq!(check_body["primaryAdminEmail"], "sam.keller@studio-nord.de");
    handle(&mut journey, check("channel_check_elsewhere_team.json"));
    let next = journey
        .give_token(TransferToken::parse("ABCDEF").unwrap())
        .unwrap();
    assert_eq!(
        body(send(&next)),
        serde_json::json!({"cloudIdentityId": "C05team42", "authToken": "ABCDEF",
                           "overwriteIfExists": false})
    );
}

#[test]
fn channel_order_without_offer_lists_offers_and_takes_one_given() {
    let team = customer(&team_order_form());
    let mut journey = Journey::channel(&team, account());
    handle(&mut journey, check("channel_check_none.json"));
    handle(
        &mut journey,
        channel_customer_for("channel_customer_created.json", &team),
    );
    let next = handle(
        &mut journey,
        operation("channel_operation_provisioned.json"),
    );
    // The journey chooses the offer itself (tests/journey_offers.rs); an offer given
    // overrides the listing.
    assert_eq!(send(&next).call(), Call::ChannelListPurchasableSkus);
    let before = journey.clone();
    assert!(
        journey
            .handle(operation("channel_operation_entitled.json"))
            .is_err()
    );
    assert_eq!(journey, before);
    let offer = OfferName::parse("accounts/C01abcd2e/offers/O0essFlex").unwrap();
    let next = journey.give_offer(offer).unwrap();
    let entitlement = body(send(&next));
    assert_eq!(
        entitlement["entitlement"]["offer"],
        "accounts/C01abcd2e/offers/O0essFlex"
    );
    assert_eq!(
        entitlement["entitlement"]["parameters"][0]["name"],
        "max_units"
    );
    assert!(
        entitlement["entitlement"]
            .get("commitmentSettings")
            .is_none()
    );
}

#[test]
fn channel_errors_stop_the_journey_on_the_call_that_failed() {
    // An error body answering customers.create.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    let Next::Stopped(stop) = handle(&mut journey, channel_error("channel_error_invalid.json"))
    else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ChannelCustomersCreate);
    assert!(!stop.can_transfer());
    assert!(stop.report().has_errors());
    assert!(
        stop.report().iter().any(|v| v.field() == "domain"),
        "{}",
        stop.report()
    );
    assert!(stop.report().codes().all(|c| c.starts_with("google.")));
    assert_eq!(journey.next_step(), Next::Stopped(stop));

    // A provisioning operation done with an error.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    handle(&mut journey, operation("channel_operation_pending.json"));
    let Next::Stopped(stop) = handle(&mut journey, operation("channel_operation_failed.json"))
    else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ChannelCustomersProvisionCloudIdentity);
    assert_eq!(
        stop.report().codes().collect::<Vec<_>>(),
        ["google.already_exists"]
    );

    // An error body answering a poll is reported against the call that started it.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    handle(
        &mut journey,
        operation("channel_operation_provisioned.json"),
    );
    // ALREADY_EXISTS on the purchase may be our own, resent: the entitlements are listed
    // first; none of the order's SKU, and it stops on the purchase.
    let next = handle(
        &mut journey,
        channel_error("channel_error_already_exists.json"),
    );
    assert_eq!(send(&next).call(), Call::ChannelListEntitlements);
    let Next::Stopped(stop) = handle(
        &mut journey,
        Answer::Entitlements(serde_json::from_str("{}").unwrap()),
    ) else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ChannelEntitlementsCreate);
    assert_eq!(
        stop.report().codes().collect::<Vec<_>>(),
        ["google.already_exists"]
    );
}

// ---------------------------------------------------------------- Reseller runs

#[test]
fn reseller_success_with_an_order_inserts_then_subscribes() {
    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    let step = send(&journey.next_step()).clone();
    assert_eq!(step.call(), Call::ResellerCustomersGet);
    assert_eq!(step.method(), HttpMethod::Get);
    assert_eq!(step.path(), "apps/reseller/v1/customers/acme-widgets.fr");
    assert!(step.body().is_none());

    let next = handle(&mut journey, reseller_error("reseller_not_found.json"));
    let step = send(&next);
    assert_eq!(step.call(), Call::ResellerCustomersInsert);
    assert_eq!(step.path(), "apps/reseller/v1/customers");
    assert_eq!(body(step)["customerDomain"], "acme-widgets.fr");

    // Created: its first super admin, with a password the salesperson gives.
    let next = handle(&mut journey, reseller_customer("reseller_customer.json"));
    assert_eq!(next, Next::Needs(Need::AdminPassword));
    let next = journey.give_admin_password(password()).unwrap();
    let step = send(&next);
    assert_eq!(step.call(), Call::DirectoryUsersInsert);
    assert_eq!(
        step.url(),
        "https://admin.googleapis.com/admin/directory/v1/users"
    );
    let user = body(step);
    assert_eq!(user["primaryEmail"], "jeanne.martin@acme-widgets.fr");
    assert_eq!(
        user["name"],
        serde_json::json!({"givenName": "Jeanne", "familyName": "Martin"})
    );
    assert_eq!(user["password"], "Temp-2026-pass");
    assert_eq!(user["changePasswordAtNextLogin"], true);
    assert!(!format!("{step:?}").contains("Temp-2026-pass"));
    let next = handle(&mut journey, directory_user());
    let step = send(&next);
    assert_eq!(step.call(), Call::DirectoryUsersMakeAdmin);
    assert_eq!(
        step.path(),
        "admin/directory/v1/users/jeanne.martin%40acme-widgets.fr/makeAdmin"
    );
    assert_eq!(body(step), serde_json::json!({"status": true}));
    let made = gws_onboarding::wire::directory::MadeAdmin::from_status(204).unwrap();
    let next = handle(&mut journey, Answer::MadeAdmin(made));
    let step = send(&next);
    assert_eq!(step.call(), Call::ResellerSubscriptionsInsert);
    assert_eq!(
        step.path(),
        "apps/reseller/v1/customers/C03x7yz9q/subscriptions"
    );
    assert_eq!(
        body(step),
        serde_json::json!({
            "customerId": "C03x7yz9q", "skuId": "1010020028",
            "plan": {"planName": "ANNUAL_YEARLY_PAY"}, "seats": {"numberOfSeats": 25},
            "purchaseOrderId": "PO-2026-17", "dealCode": "DEAL-ACME-2026",
            "renewalSettings": {"renewalType": "AUTO_RENEW_YEARLY_PAY"}})
    );

    let next = handle(&mut journey, subscription("reseller_subscription.json"));
    assert_eq!(
        next,
        Next::Done(Outcome::Created {
            customer: "C03x7yz9q".into(),
            purchase: Some("123456789".into()),
        })
    );
}

#[test]
fn reseller_customer_found_is_already_yours() {
    let mut journey = Journey::reseller(&customer(&OnboardingForm::sample_domain_customer()));
    assert_eq!(
        handle(&mut journey, reseller_customer("reseller_customer.json")),
        Next::Done(Outcome::AlreadyYours {
            customer: "C03x7yz9q".into()
        })
    );
    // With an order, the journey looks whether it has it: yes, nothing more to do.
    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    let next = handle(&mut journey, reseller_customer("reseller_customer.json"));
    let list = send(&next);
    assert_eq!(list.call(), Call::ResellerSubscriptionsList);
    assert_eq!(
        list.path(),
        "apps/reseller/v1/subscriptions?customerId=C03x7yz9q&maxResults=100"
    );
    let mut has_it = journey.clone();
    let listed = serde_json::from_str(
        r#"{"kind": "reseller#subscriptions", "subscriptions": [{"customerId": "C03x7yz9q",
        "subscriptionId": "9", "skuId": "1010020028", "plan": {"planName": "FLEXIBLE"}}]}"#,
    )
    .unwrap();
    assert_eq!(
        handle(
            &mut has_it,
            Answer::Subscriptions(listed, std::time::SystemTime::now())
        ),
        Next::Done(Outcome::AlreadyYours {
            customer: "C03x7yz9q".into()
        })
    );
    // No: perhaps our own earlier journey stopped before the order. It is bought now.
    let next = handle(
        &mut journey,
        Answer::Subscriptions(empty_list(), std::time::SystemTime::now()),
    );
    assert_eq!(send(&next).call(), Call::ResellerSubscriptionsInsert);
}

#[test]
fn reseller_conflict_stops_and_goes_on_as_a_transfer_with_the_token() {
    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    // A 409 may answer our own insert, resent after a lost answer: look again first.
    let next = handle(&mut journey, reseller_error("reseller_conflict.json"));
    assert_eq!(send(&next).call(), Call::ResellerCustomersGet);
    let Next::Stopped(stop) = handle(&mut journey, reseller_error("reseller_forbidden.json"))
    else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ResellerCustomersInsert);
    assert!(stop.can_transfer());
    let v = stop.report().iter().next().expect("a violation");
    assert_eq!((v.field(), v.code()), ("domain", "google.already_exists"));
    assert!(
        v.message(Lang::En).contains("transfer token"),
        "{}",
        v.message(Lang::En)
    );
    assert!(!v.message(Lang::Fr).is_empty());

    let next = journey
        .transfer_with(TransferToken::parse("0a1b2c3d").unwrap())
        .unwrap();
    let insert = send(&next);
    assert_eq!(
        insert.path(),
        "apps/reseller/v1/customers?customerAuthToken=0a1b2c3d"
    );
    assert_eq!(insert.call(), Call::ResellerCustomersInsert);
    // Taken over: the journey lists what the token moves (nothing here), then buys the order
    // (tests/journey_transfer.rs moves subscriptions).
    let next = handle(&mut journey, reseller_customer("reseller_customer.json"));
    assert_eq!(
        send(&next).redacted().to_string(),
        "GET apps/reseller/v1/subscriptions?customerId=C03x7yz9q&customerAuthToken=[redacted]\
         &maxResults=100 (reseller.subscriptions.list)"
    );
    handle(
        &mut journey,
        Answer::Subscriptions(empty_list(), std::time::SystemTime::now()),
    );
    let next = handle(&mut journey, subscription("reseller_subscription.json"));
    assert_eq!(
        next,
        Next::Done(Outcome::Transferred {
            customer: "C03x7yz9q".into(),
            purchase: Some("123456789".into()),
            moved: Vec::new(),
        })
    );
}

/// Item 5 of issue 16: a POST whose answer was lost (an outage) or that says it exists (a 409
/// after a resend) is never resent blindly. The journey reads what Google holds and carries
/// on from there, on both APIs (`tests/journey_resend.rs` and `tests/reseller_resend.rs` cover
/// every such call).
#[test]
fn a_lost_post_is_read_again_and_the_journey_carries_on_from_what_google_holds() {
    // Channel: customers.create answered 503; our customer exists without Cloud Identity.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    let next = handle(
        &mut journey,
        channel_error("channel_error_unavailable.json"),
    );
    let Next::Retry { step, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ChannelListCustomers);
    let next = handle(&mut journey, channel_customer_list_ours());
    assert_eq!(
        send(&next).call(),
        Call::ChannelCustomersProvisionCloudIdentity
    );
    // provisionCloudIdentity answered 503: read the customer; provisioned, buy the order.
    let next = handle(
        &mut journey,
        channel_error("channel_error_unavailable.json"),
    );
    let Next::Retry { step, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ChannelCustomersGet);
    let provisioned = Answer::ChannelCustomer(
        serde_json::from_value(serde_json::json!({
            "name": "accounts/C01abcd2e/customers/S0aBcD3f", "domain": "acme-widgets.fr",
            "cloudIdentityId": "C03x7yz9q"}))
        .unwrap(),
    );
    let next = handle(&mut journey, provisioned);
    assert_eq!(send(&next).call(), Call::ChannelEntitlementsCreate);

    // Reseller: customers.insert answered 503; the get finds our customer: on to its admin.
    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    let next = handle(&mut journey, reseller_error("reseller_backend_error.json"));
    let Next::Retry { step, .. } = &next else {
        panic!("{next:?}")
    };
    assert_eq!(step.call(), Call::ResellerCustomersGet);
    let next = handle(&mut journey, reseller_customer("reseller_customer.json"));
    assert_eq!(next, Next::Needs(Need::AdminPassword));
}

#[test]
fn reseller_forbidden_get_can_go_on_as_a_transfer_and_invalid_insert_cannot() {
    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    let Next::Stopped(stop) = handle(&mut journey, reseller_error("reseller_forbidden.json"))
    else {
        panic!("expected a stop")
    };
    assert_eq!(stop.call(), Call::ResellerCustomersGet);
    assert!(stop.can_transfer());

    let mut journey = Journey::reseller(&customer(&domain_order_form()));
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    let Next::Stopped(stop) = handle(&mut journey, reseller_error("reseller_invalid.json")) else {
        panic!("expected a stop")
    };
    assert!(!stop.can_transfer());
    let before = journey.clone();
    let token = TransferToken::parse("0a").unwrap();
    assert_eq!(
        journey.transfer_with(token).unwrap_err().code(),
        "journey.not_needed"
    );
    assert_eq!(journey, before);
}

#[test]
fn reseller_without_an_order_is_done_after_insert() {
    let mut journey = Journey::reseller(&customer(&OnboardingForm::sample_domain_customer()))
        .with_admin_password(password());
    handle(&mut journey, reseller_error("reseller_not_found.json"));
    handle(&mut journey, reseller_customer("reseller_customer.json"));
    // A resent users.insert answered 409: our user exists; it is made super admin.
    let next = handle(&mut journey, reseller_error("reseller_conflict.json"));
    assert_eq!(send(&next).call(), Call::DirectoryUsersMakeAdmin);
    let made = gws_onboarding::wire::directory::MadeAdmin::from_status(200).unwrap();
    assert_eq!(
        handle(&mut journey, Answer::MadeAdmin(made)),
        Next::Done(Outcome::Created {
            customer: "C03x7yz9q".into(),
            purchase: None
        })
    );
}

// ---------------------------------------------------------------- bad answers

#[test]
fn unreadable_answers_name_what_was_expected_and_change_nothing() {
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    let before = journey.clone();
    let nameless: Answer =
        Answer::ChannelCustomer(serde_json::from_str(r#"{"domain": "acme-widgets.fr"}"#).unwrap());
    let err = journey.handle(nameless).unwrap_err();
    assert_eq!(err.code(), "journey.unreadable");
    assert_eq!(
        err.message(Lang::En),
        "cannot read the answer to cloudchannel.accounts.customers.create: expected the \
         Customer's name accounts/{a}/customers/{c}"
    );
    assert_eq!(
        err.message(Lang::Fr),
        "réponse à cloudchannel.accounts.customers.create illisible : attendu le nom du client \
         (Customer.name) accounts/{a}/customers/{c}"
    );
    let hostile = Answer::ChannelCustomer(
        serde_json::from_str(r#"{"name": "accounts/C1/customers/../../admin?x=1"}"#).unwrap(),
    );
    let err = journey.handle(hostile).unwrap_err();
    assert_eq!(err.code(), "journey.unreadable");
    assert_eq!(
        err.message(Lang::En),
        "cannot read the answer to cloudchannel.accounts.customers.create: expected the \
         Customer's name accounts/{a}/customers/{c} (found \"accounts/C1/customers/../../admin?x=1\")"
    );
    assert_eq!(journey, before);

    // A pending operation whose name would escape the path.
    handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    let before = journey.clone();
    let bad = Answer::Operation(
        serde_json::from_str(r#"{"name": "operations/../../v1/accounts"}"#).unwrap(),
    );
    assert_eq!(
        journey.handle(bad).unwrap_err().code(),
        "journey.unreadable"
    );
    let huge = Answer::Operation(
        serde_json::from_str(&format!(
            r#"{{"name": "operations/{}"}}"#,
            "a".repeat(1 << 20)
        ))
        .unwrap(),
    );
    let err = journey.handle(huge).unwrap_err();
    assert!(
        err.message(Lang::En).len() < 300,
        "{}",
        err.message(Lang::En)
    );
    assert_eq!(journey, before);

    // An owned account without its name.
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    let owned = Answer::CheckAccounts(
        serde_json::from_str(r#"{"cloudIdentityAccounts": [{"existing": true, "owned": true}]}"#)
            .unwrap(),
    );
    assert_eq!(
        journey.handle(owned).unwrap_err().code(),
        "journey.unreadable"
    );

    // A team account elsewhere without its Cloud Identity id.
    let mut journey = Journey::channel(&customer(&team_order_form()), account());
    let anonymous = Answer::CheckAccounts(
        serde_json::from_str(r#"{"cloudIdentityAccounts": [{"existing": true}]}"#).unwrap(),
    );
    let err = journey.handle(anonymous).unwrap_err();
    assert!(err.message(Lang::En).contains("customerCloudIdentityId"));
}

#[test]
fn a_hostile_accounts_list_costs_bounded_work() {
    let mut entries = vec![r#"{"existing": false}"#; 100_000];
    entries
        .push(r#"{"existing": true, "owned": true, "customerName": "accounts/C1/customers/S1"}"#);
    let json = format!(r#"{{"cloudIdentityAccounts": [{}]}}"#, entries.join(","));
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    // Only the first entries are read: the owned one at the end is never seen.
    let next = handle(
        &mut journey,
        Answer::CheckAccounts(serde_json::from_str(&json).unwrap()),
    );
    assert_eq!(send(&next).call(), Call::ChannelCustomersCreate);
}

/// Every state a journey can be in, on both APIs.
fn all_states() -> Vec<(&'static str, Journey)> {
    let with_offer = customer(&domain_order_form());
    let without_offer = customer(&team_order_form());
    let mut states = Vec::new();
    let mut push = |name: &'static str, journey: &Journey| states.push((name, journey.clone()));

    let mut j = Journey::channel(&with_offer, account());
    push("channel check", &j);
    handle(&mut j, check("channel_check_none.json"));
    push("channel create", &j);
    handle(&mut j, channel_customer("channel_customer_created.json"));
    push("channel provision", &j);
    handle(&mut j, operation("channel_operation_pending.json"));
    push("channel provision pending", &j);
    handle(&mut j, operation("channel_operation_provisioned.json"));
    push("channel entitle", &j);
    handle(
        &mut j,
        operation("channel_operation_entitlement_pending.json"),
    );
    push("channel entitle pending", &j);
    handle(&mut j, operation("channel_operation_entitled.json"));
    push("channel done", &j);

    let mut j = Journey::channel(&without_offer, account());
    handle(&mut j, check("channel_check_none.json"));
    handle(
        &mut j,
        channel_customer_for("channel_customer_created.json", &without_offer),
    );
    handle(&mut j, operation("channel_operation_provisioned.json"));
    push("channel needs offer", &j);

    let mut j = Journey::channel(&with_offer, account());
    handle(&mut j, check("channel_check_elsewhere.json"));
    push("channel needs token", &j);
    j.give_token(TransferToken::parse("0a1b").unwrap()).unwrap();
    push("channel import", &j);
    handle(&mut j, channel_customer("channel_customer_imported.json"));
    push("channel transferred", &j);

    let mut j = Journey::channel(&with_offer, account());
    handle(&mut j, channel_error("channel_error_invalid.json"));
    push("channel stopped", &j);

    let mut j = Journey::channel(&with_offer, account());
    handle(&mut j, check("channel_check_owned.json"));
    push("channel yours: read again", &j);
    handle(
        &mut j,
        Answer::ChannelCustomer(
            serde_json::from_value(serde_json::json!({
                "name": "accounts/C01abcd2e/customers/S0aBcD3f", "cloudIdentityId": "C03x7yz9q"}))
            .unwrap(),
        ),
    );
    push("channel yours: has it the order?", &j);

    let mut j = Journey::channel(&with_offer, account());
    handle(&mut j, check("channel_check_none.json"));
    handle(&mut j, channel_error("channel_error_unavailable.json"));
    push("channel create lost: list the domain", &j);
    handle(&mut j, channel_customer_list_ours());
    push("channel create lost: provision the one found", &j);
    handle(&mut j, channel_error("channel_error_unavailable.json"));
    push("channel provision lost: read again", &j);

    let mut j = Journey::reseller(&with_offer);
    push("reseller get", &j);
    handle(&mut j, reseller_error("reseller_not_found.json"));
    push("reseller insert", &j);
    handle(&mut j, reseller_customer("reseller_customer.json"));
    push("reseller needs the admin's password", &j);
    j.give_admin_password(password()).unwrap();
    handle(&mut j, directory_user());
    push("reseller make admin", &j);
    handle(
        &mut j,
        Answer::MadeAdmin(gws_onboarding::wire::directory::MadeAdmin::from_status(204).unwrap()),
    );
    push("reseller subscribe", &j);
    handle(&mut j, subscription("reseller_subscription.json"));
    push("reseller done", &j);

    let mut j = Journey::reseller(&with_offer);
    handle(&mut j, reseller_error("reseller_not_found.json"));
    handle(&mut j, reseller_error("reseller_conflict.json"));
    push("reseller recheck after a conflict", &j);
    handle(&mut j, reseller_error("reseller_forbidden.json"));
    push("reseller stopped, transfer possible", &j);
    j.transfer_with(TransferToken::parse("0a1b").unwrap())
        .unwrap();
    push("reseller insert with token", &j);
    handle(&mut j, reseller_customer("reseller_customer.json"));
    push("reseller list with token", &j);

    let mut j = Journey::reseller(&with_offer);
    handle(&mut j, reseller_customer("reseller_customer.json"));
    push("reseller ours: has it the order?", &j);
    states
}

/// The kinds of answer the journey accepts now: the success of the step it waits for, and
/// the error format of its API.
fn accepted(journey: &Journey) -> BTreeSet<&'static str> {
    match journey.next_step() {
        Next::Send(step) | Next::Poll { step, .. } | Next::Retry { step, .. } => {
            let error = if step.call().is_channel() {
                AnswerKind::ChannelError
            } else {
                AnswerKind::ResellerError
            };
            [step.expects().as_str(), error.as_str()].into()
        }
        _ => BTreeSet::new(),
    }
}

#[test]
fn every_state_refuses_answers_out_of_sequence_and_stays_unchanged() {
    let states = all_states();
    assert_eq!(states.len(), 28);
    for (name, journey) in &states {
        let accepted = accepted(journey);
        for answer in one_of_each() {
            let kind = answer.kind();
            let mut copy = journey.clone();
            match copy.handle(answer) {
                Ok(_) => assert!(accepted.contains(kind.as_str()), "{name}: accepted {kind}"),
                // An answer of the awaited kind about another resource (the provisioning
                // operation while buying): refused, the state unchanged.
                Err(err) if accepted.contains(kind.as_str()) => {
                    assert_eq!(err.code(), "journey.mismatch", "{name}: {err}");
                    assert_eq!(copy, *journey, "{name}: changed by a refused {kind}");
                }
                Err(err) => {
                    assert!(
                        !accepted.contains(kind.as_str()),
                        "{name}: refused {kind}: {err}"
                    );
                    assert_eq!(err.code(), "journey.out_of_sequence", "{name}: {err}");
                    assert_eq!(copy, *journey, "{name}: changed by a refused {kind}");
                    assert!(err.message(Lang::Fr).starts_with("reçu "), "{name}");
                }
            }
        }
    }
}

#[test]
fn every_state_survives_storage_and_resumes_the_same() {
    for (name, journey) in all_states() {
        let stored = serde_json::to_string(&journey).unwrap();
        let resumed: Journey =
            serde_json::from_str(&stored).unwrap_or_else(|e| panic!("{name}: {e}: {stored}"));
        match journey.next_step() {
            // A stopped journey's report is not stored.
            Next::Stopped(stop) => match resumed.next_step() {
                Next::Stopped(again) => {
                    assert_eq!(again.call(), stop.call(), "{name}");
                    assert_eq!(again.can_transfer(), stop.can_transfer(), "{name}");
                }
                other => panic!("{name}: resumed as {other:?}"),
            },
            next => {
                assert_eq!(resumed, journey, "{name}");
                assert_eq!(resumed.next_step(), next, "{name}");
            }
        }
    }
}

#[test]
fn a_stored_journey_resumes_while_its_operation_is_pending() {
    let mut journey = Journey::channel(&customer(&domain_order_form()), account());
    handle(&mut journey, check("channel_check_none.json"));
    handle(
        &mut journey,
        channel_customer("channel_customer_created.json"),
    );
    handle(&mut journey, operation("channel_operation_pending.json"));
    let stored = serde_json::to_value(&journey).unwrap();
    assert_eq!(stored["api"], "channel");
    assert_eq!(stored["stage"]["stage"], "provisionPending");
    assert_eq!(
        stored["stage"]["operation"],
        "operations/7f8e9d0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f"
    );
    // ... the service restarts ...
    let mut resumed: Journey = serde_json::from_value(stored.clone()).unwrap();
    let next = handle(
        &mut resumed,
        operation("channel_operation_provisioned.json"),
    );
    assert_eq!(send(&next).call(), Call::ChannelEntitlementsCreate);

    // A tampered state is refused by the parsers, not resumed.
    let mut tampered = stored;
    tampered["stage"]["operation"] = "operations/../x".into();
    assert!(serde_json::from_value::<Journey>(tampered).is_err());
}

// ---------------------------------------------------------------- plans and Google's fields

/// A message's input fields: `(field, required, nested message)`.
type Fields = &'static [(&'static str, bool, Option<&'static str>)];

/// The input fields of each message the journey sends, from the protos' `field_behavior`
/// (googleapis `google/cloud/channel/v1/service.proto`, `customers.proto`,
/// `entitlements.proto`, `common.proto`, `google/type/postal_address.proto`) and the Reseller
/// discovery document: `(field, required, nested message)`. Output-only fields are absent.
const MESSAGES: &[(&str, Fields)] = &[
    // CheckCloudIdentityAccountsExistRequest without `parent` (in the path). `primaryAdminEmail`
    // (and ImportCustomerRequest's) is in service.proto at googleapis f8291d2b, not in older
    // revisions.
    (
        "CheckCloudIdentityAccountsExistRequest",
        &[("domain", true, None), ("primaryAdminEmail", false, None)],
    ),
    // Customer: OUTPUT_ONLY name, cloudIdentityId, createTime, updateTime, cloudIdentityInfo.
    (
        "Customer",
        &[
            ("orgDisplayName", true, None),
            ("orgPostalAddress", true, Some("PostalAddress")),
            ("primaryContactInfo", false, Some("ContactInfo")),
            ("alternateEmail", false, None),
            ("domain", true, None),
            ("languageCode", false, None),
            ("correlationId", false, None),
            ("channelPartnerId", false, None),
            ("customerAttestationState", false, None),
        ],
    ),
    (
        "PostalAddress",
        &[
            ("revision", false, None),
            ("regionCode", true, None),
            ("languageCode", false, None),
            ("postalCode", false, None),
            ("sortingCode", false, None),
            ("administrativeArea", false, None),
            ("locality", false, None),
            ("sublocality", false, None),
            ("addressLines", false, None),
            ("recipients", false, None),
            ("organization", false, None),
        ],
    ),
    // ContactInfo: OUTPUT_ONLY displayName.
    (
        "ContactInfo",
        &[
            ("firstName", false, None),
            ("lastName", false, None),
            ("email", false, None),
            ("title", false, None),
            ("phone", false, None),
        ],
    ),
    // ProvisionCloudIdentityRequest without `customer` (in the path).
    (
        "ProvisionCloudIdentityRequest",
        &[
            ("cloudIdentityInfo", false, Some("CloudIdentityInfo")),
            ("user", false, Some("AdminUser")),
            ("validateOnly", false, None),
        ],
    ),
    // CloudIdentityInfo: OUTPUT_ONLY primaryDomain, isDomainVerified, adminConsoleUri.
    (
        "CloudIdentityInfo",
        &[
            ("customerType", false, None),
            ("alternateEmail", false, None),
            ("phoneNumber", false, None),
            ("languageCode", false, None),
            ("eduData", false, Some("EduData")),
        ],
    ),
    (
        "EduData",
        &[
            ("instituteType", false, None),
            ("instituteSize", false, None),
            ("website", false, None),
        ],
    ),
    (
        "AdminUser",
        &[
            ("email", false, None),
            ("givenName", false, None),
            ("familyName", false, None),
        ],
    ),
    // CreateEntitlementRequest without `parent` (in the path).
    (
        "CreateEntitlementRequest",
        &[
            ("entitlement", true, Some("Entitlement")),
            ("requestId", false, None),
        ],
    ),
    // Entitlement: OUTPUT_ONLY name, createTime, updateTime, provisioningState,
    // provisionedService, suspensionReasons, trialSettings.
    (
        "Entitlement",
        &[
            ("offer", true, None),
            ("commitmentSettings", false, Some("CommitmentSettings")),
            ("purchaseOrderId", false, None),
            ("associationInfo", false, None),
            ("parameters", false, Some("Parameter")),
            ("billingAccount", false, None),
        ],
    ),
    // Parameter: OUTPUT_ONLY editable.
    (
        "Parameter",
        &[("name", false, None), ("value", false, Some("Value"))],
    ),
    (
        "Value",
        &[
            ("int64Value", false, None),
            ("stringValue", false, None),
            ("doubleValue", false, None),
            ("protoValue", false, None),
            ("boolValue", false, None),
        ],
    ),
    // CommitmentSettings: OUTPUT_ONLY startTime, endTime.
    (
        "CommitmentSettings",
        &[("renewalSettings", false, Some("RenewalSettings"))],
    ),
    (
        "RenewalSettings",
        &[
            ("enableRenewal", false, None),
            ("resizeUnitCount", false, None),
            ("paymentPlan", false, None),
            ("paymentCycle", false, Some("Period")),
        ],
    ),
    (
        "Period",
        &[("duration", false, None), ("periodType", false, None)],
    ),
    // ImportCustomerRequest without `parent`; the identity oneof is checked apart.
    (
        "ImportCustomerRequest",
        &[
            ("domain", false, None),
            ("cloudIdentityId", false, None),
            ("primaryAdminEmail", false, None),
            ("authToken", false, None),
            ("overwriteIfExists", true, None),
            ("channelPartnerId", false, None),
            ("customer", false, None),
        ],
    ),
    // ListTransferableSkusRequest without `parent` (in the path); the identity oneof
    // (cloudIdentityId | customerName) is checked apart.
    (
        "ListTransferableSkusRequest",
        &[
            ("cloudIdentityId", false, None),
            ("customerName", false, None),
            ("pageSize", false, None),
            ("pageToken", false, None),
            ("authToken", false, None),
            ("languageCode", false, None),
        ],
    ),
    // ListTransferableOffersRequest without `parent`.
    (
        "ListTransferableOffersRequest",
        &[
            ("cloudIdentityId", false, None),
            ("customerName", false, None),
            ("pageSize", false, None),
            ("pageToken", false, None),
            ("sku", true, None),
            ("languageCode", false, None),
            ("billingAccount", false, None),
        ],
    ),
    // TransferEntitlementsRequest without `parent`.
    (
        "TransferEntitlementsRequest",
        &[
            ("entitlements", true, Some("Entitlement")),
            ("authToken", false, None),
            ("requestId", false, None),
        ],
    ),
    // Reseller Customer (discovery): customerId, resourceUiUrl, customerDomainVerified are
    // Google's.
    (
        "reseller#customer",
        &[
            ("kind", false, None),
            ("customerDomain", true, None),
            ("customerType", false, None),
            ("alternateEmail", false, None),
            ("phoneNumber", false, None),
            ("postalAddress", false, Some("customers#address")),
            ("primaryAdmin", false, Some("primaryAdmin")),
        ],
    ),
    (
        "customers#address",
        &[
            ("kind", false, None),
            ("contactName", false, None),
            ("organizationName", false, None),
            ("addressLine1", false, None),
            ("addressLine2", false, None),
            ("addressLine3", false, None),
            ("locality", false, None),
            ("region", false, None),
            ("postalCode", false, None),
            ("countryCode", false, None),
        ],
    ),
    ("primaryAdmin", &[("primaryEmail", false, None)]),
    // Reseller Subscription (discovery): subscriptionId, status, skuName, creationTime,
    // suspensionReasons, trialSettings, transferInfo, resourceUiUrl are read-only.
    (
        "reseller#subscription",
        &[
            ("kind", false, None),
            ("customerId", true, None),
            ("skuId", true, None),
            ("plan", true, Some("subscriptions#plan")),
            ("seats", true, Some("subscriptions#seats")),
            ("purchaseOrderId", false, None),
            ("dealCode", false, None),
            (
                "renewalSettings",
                false,
                Some("subscriptions#renewalSettings"),
            ),
        ],
    ),
    ("subscriptions#plan", &[("planName", true, None)]),
    (
        "subscriptions#seats",
        &[
            ("kind", false, None),
            ("numberOfSeats", false, None),
            ("maximumNumberOfSeats", false, None),
        ],
    ),
    (
        "subscriptions#renewalSettings",
        &[("kind", false, None), ("renewalType", false, None)],
    ),
    // Directory User (admin/directory/v1 discovery): required on insert primaryEmail, name,
    // password; id, isAdmin, creationTime, lastLoginTime, … are read-only.
    (
        "admin#directory#user",
        &[
            ("primaryEmail", true, None),
            ("name", true, Some("UserName")),
            ("password", true, None),
            ("hashFunction", false, None),
            ("changePasswordAtNextLogin", false, None),
            ("orgUnitPath", false, None),
            ("suspended", false, None),
        ],
    ),
    (
        "UserName",
        &[("givenName", true, None), ("familyName", true, None)],
    ),
    ("UserMakeAdmin", &[("status", true, None)]),
];

/// The message a step's body is.
fn message_of(call: Call) -> Option<&'static str> {
    Some(match call {
        Call::ChannelCheckCloudIdentityAccountsExist => "CheckCloudIdentityAccountsExistRequest",
        Call::ChannelCustomersCreate => "Customer",
        Call::ChannelCustomersProvisionCloudIdentity => "ProvisionCloudIdentityRequest",
        Call::ChannelEntitlementsCreate => "CreateEntitlementRequest",
        Call::ChannelCustomersImport => "ImportCustomerRequest",
        Call::ChannelListTransferableSkus => "ListTransferableSkusRequest",
        Call::ChannelListTransferableOffers => "ListTransferableOffersRequest",
        Call::ChannelTransferEntitlements => "TransferEntitlementsRequest",
        Call::ResellerCustomersInsert => "reseller#customer",
        Call::ResellerSubscriptionsInsert => "reseller#subscription",
        Call::DirectoryUsersInsert => "admin#directory#user",
        Call::DirectoryUsersMakeAdmin => "UserMakeAdmin",
        _ => return None,
    })
}

/// Checks that `value` holds only input fields of `message`, and its required ones.
#[track_caller]
fn check_fields(message: &str, value: &Value, path: &str) {
    let fields: BTreeMap<&str, (bool, Option<&str>)> = MESSAGES
        .iter()
        .find(|(name, _)| *name == message)
        .unwrap_or_else(|| panic!("no field list for {message}"))
        .1
        .iter()
        .map(|&(field, required, nested)| (field, (required, nested)))
        .collect();
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{path}: {message} is not an object: {value}"));
    for (key, inner) in object {
        let (_, nested) = fields
            .get(key.as_str())
            .unwrap_or_else(|| panic!("{path}.{key} is not an input field of {message}"));
        assert!(!inner.is_null(), "{path}.{key} is null");
        if let Some(nested) = nested {
            match inner {
                Value::Array(items) => {
                    for item in items {
                        check_fields(nested, item, &format!("{path}.{key}[]"));
                    }
                }
                other => check_fields(nested, other, &format!("{path}.{key}")),
            }
        }
    }
    for (field, (required, _)) in &fields {
        if *required {
            assert!(
                object.contains_key(*field),
                "{path}: required {message}.{field} is missing"
            );
        }
    }
}

/// Checks every body of `steps` against Google's messages and the path against the call.
#[track_caller]
pub(crate) fn check_steps(steps: &[Step]) {
    for step in steps {
        assert_eq!(step.method(), step.call().http_method());
        assert!(!step.path().starts_with('/'));
        match (message_of(step.call()), step.body()) {
            (Some(message), Some(_)) => check_fields(message, &body(step), step.call().method_id()),
            (None, None) => {}
            (message, body) => panic!("{}: message {message:?}, body {body:?}", step.call()),
        }
        if step.call() == Call::ChannelCustomersImport {
            let identities = ["domain", "cloudIdentityId", "primaryAdminEmail"];
            let b = body(step);
            assert_eq!(
                identities.iter().filter(|k| b.get(**k).is_some()).count(),
                1
            );
        }
        if step.call() == Call::ResellerSubscriptionsInsert {
            let seats = &body(step)["seats"];
            let count = ["numberOfSeats", "maximumNumberOfSeats"]
                .iter()
                .filter(|k| seats.get(**k).is_some())
                .count();
            assert_eq!(count, 1, "{seats}");
        }
    }
}

/// The plan as the CLI prints it.
fn plan_json(steps: &[Step]) -> Value {
    serde_json::to_value(steps).unwrap()
}

fn golden_name(api: Api, sample: &str) -> String {
    format!("journey_{api}_{sample}.json")
}

#[test]
fn plans_match_their_golden_files_and_send_only_input_fields() {
    let plans: Vec<_> = samples()
        .into_iter()
        .flat_map(|(sample, form)| {
            let customer = customer(&form);
            [Api::Channel, Api::Reseller].map(|api| (sample, api, customer.clone()))
        })
        .collect();
    for (sample, api, customer) in &plans {
        assert_golden(
            &golden_name(*api, sample),
            &plan_json(&journey::plan(customer, *api)),
        );
    }
    for (sample, api, customer) in plans {
        {
            let steps = journey::plan(&customer, api);
            check_steps(&steps);
            let offer = customer.order().is_some_and(|o| o.offer().is_some());
            let admin = if customer.kind() == gws_onboarding::CustomerKind::Team {
                0
            } else {
                2
            };
            let expected = match (api, customer.order().is_some()) {
                (Api::Channel, true) if offer => 4,
                (Api::Channel, true) => 6,
                (Api::Channel, false) => 3,
                (Api::Reseller, true) => 3 + admin,
                (Api::Reseller, false) => 2 + admin,
            };
            assert_eq!(steps.len(), expected, "{api} {sample}");
        }
    }
}

#[test]
fn plans_use_placeholders_for_what_google_assigns() {
    let steps = journey::plan(&customer(&team_order_form()), Api::Channel);
    let paths: Vec<_> = steps.iter().map(Step::path).collect();
    assert_eq!(
        paths,
        [
            "v1/accounts/{account}:checkCloudIdentityAccountsExist",
            "v1/accounts/{account}/customers",
            "v1/accounts/{account}/customers/{customer}:provisionCloudIdentity",
            "v1/accounts/{account}/customers/{customer}:listPurchasableSkus?\
             createEntitlementPurchase.product=products%2F-&pageSize=1000",
            "v1/accounts/{account}/customers/{customer}:listPurchasableOffers?\
             createEntitlementPurchase.sku={sku}&pageSize=1000",
            "v1/accounts/{account}/customers/{customer}/entitlements",
        ]
    );
    assert_eq!(body(&steps[5])["entitlement"]["offer"], "{offer}");
    let steps = journey::plan(&customer(&team_order_form()), Api::Reseller);
    assert_eq!(
        steps[2].path(),
        "apps/reseller/v1/customers/{customerId}/subscriptions"
    );
    assert_eq!(body(&steps[2])["customerId"], "{customerId}");
}

/// The Channel SKU a success run lists for `customer`'s order.
fn channel_sku(customer: &Customer) -> String {
    let sku = customer.order().map_or("0", |o| o.product().sku_id());
    format!("products/Google-Workspace/skus/{sku}")
}

/// Replaces the placeholders a success run fills in.
fn filled(value: &Value, customer: &Customer) -> Value {
    let text = value
        .to_string()
        .replace("{sku}", &channel_sku(customer).replace('/', "%2F"))
        .replace("{account}", ACCOUNT)
        .replace("{customer}", "S0aBcD3f")
        .replace("{customerId}", "C03x7yz9q");
    serde_json::from_str(&text).unwrap()
}

/// The steps a journey sends when every answer is a success (operations done at once).
fn success_run(customer: &Customer, api: Api) -> Vec<Step> {
    let mut journey = match api {
        Api::Channel => Journey::channel(customer, account()),
        Api::Reseller => Journey::reseller(customer).with_admin_password(
            gws_onboarding::wire::directory::AdminPassword::parse("{password}").unwrap(),
        ),
    };
    let mut sent = Vec::new();
    loop {
        let step = match journey.next_step() {
            Next::Send(step) => step,
            Next::Done(_) => return sent,
            Next::Needs(Need::Offer) => {
                let offer = OfferName::parse("accounts/C01abcd2e/offers/{offer}");
                // `{offer}` is not a valid offer id: compare with the plan's placeholder by
                // giving a stand-in and restoring the text.
                assert!(offer.is_err());
                let Next::Send(step) = journey
                    .give_offer(OfferName::parse("accounts/C01abcd2e/offers/PLACEHOLDER").unwrap())
                    .unwrap()
                else {
                    panic!("no entitlement after the offer")
                };
                step
            }
            other => panic!("unexpected {other:?}"),
        };
        let answer = match step.call() {
            Call::ChannelCheckCloudIdentityAccountsExist => check("channel_check_none.json"),
            Call::ChannelCustomersCreate => {
                channel_customer_for("channel_customer_created.json", customer)
            }
            Call::ChannelCustomersProvisionCloudIdentity => {
                operation("channel_operation_provisioned.json")
            }
            Call::ChannelEntitlementsCreate => operation("channel_operation_entitled.json"),
            Call::ChannelListPurchasableSkus => {
                let page = serde_json::json!({"purchasableSkus": [{"sku": {
                    "name": channel_sku(customer)}}]});
                Answer::Skus(serde_json::from_value(page).unwrap())
            }
            Call::ChannelListPurchasableOffers => {
                let plan = match customer.order().map(gws_onboarding::Order::plan) {
                    Some(gws_onboarding::order::Plan::AnnualMonthly) => {
                        serde_json::json!({"paymentPlan": "COMMITMENT",
                            "paymentCycle": {"duration": 1, "periodType": "MONTH"}})
                    }
                    Some(gws_onboarding::order::Plan::AnnualYearly) => {
                        serde_json::json!({"paymentPlan": "COMMITMENT",
                            "paymentCycle": {"duration": 1, "periodType": "YEAR"}})
                    }
                    Some(gws_onboarding::order::Plan::Trial) => {
                        serde_json::json!({"paymentPlan": "TRIAL"})
                    }
                    Some(gws_onboarding::order::Plan::Free) => {
                        serde_json::json!({"paymentPlan": "FREE"})
                    }
                    _ => serde_json::json!({"paymentPlan": "FLEXIBLE"}),
                };
                let deal = customer
                    .order()
                    .and_then(|o| o.deal_code())
                    .map(|d| d.as_str().to_owned());
                let page = serde_json::json!({"purchasableOffers": [{"offer": {
                    "name": "accounts/C01abcd2e/offers/PLACEHOLDER",
                    "sku": {"name": channel_sku(customer)}, "plan": plan, "dealCode": deal}}]});
                Answer::Offers(serde_json::from_value(page).unwrap())
            }
            Call::ResellerCustomersGet => reseller_error("reseller_not_found.json"),
            Call::ResellerCustomersInsert => {
                reseller_customer_for("reseller_customer.json", customer)
            }
            Call::ResellerSubscriptionsInsert => subscription_for(&step),
            Call::DirectoryUsersInsert => {
                let email = customer.admin().email().to_string();
                let user = serde_json::json!({"id": "1074", "primaryEmail": email});
                Answer::DirectoryUser(serde_json::from_value(user).unwrap())
            }
            Call::DirectoryUsersMakeAdmin => Answer::MadeAdmin(
                gws_onboarding::wire::directory::MadeAdmin::from_status(204).unwrap(),
            ),
            other => panic!("unexpected call {other}"),
        };
        sent.push(step);
        handle(&mut journey, answer);
    }
}

/// The plan and a success run send the same requests, up to the placeholders.
#[track_caller]
fn assert_plan_is_the_success_run(customer: &Customer, api: Api) {
    let plan = filled(&plan_json(&journey::plan(customer, api)), customer);
    let run = plan_json(&success_run(customer, api))
        .to_string()
        .replace("accounts/C01abcd2e/offers/PLACEHOLDER", "{offer}");
    let run: Value = serde_json::from_str(&run).unwrap();
    assert_eq!(plan, run, "{api}");
}

#[test]
fn the_plan_is_what_a_successful_journey_sends() {
    for (_, form) in samples() {
        let customer = customer(&form);
        assert_plan_is_the_success_run(&customer, Api::Channel);
        assert_plan_is_the_success_run(&customer, Api::Reseller);
    }
}

/// The shape of a JSON value: each path with its JSON type, array items merged.
fn shape(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{path}[]"), out);
            }
            "array"
        }
        Value::Object(map) => {
            for (key, inner) in map {
                shape(inner, &format!("{path}.{key}"), out);
            }
            "object"
        }
    };
    out.insert(format!("{path}: {kind}"));
}

/// The shapes of the golden plans, by call.
#[cfg_attr(not(feature = "proptest"), allow(dead_code))]
fn golden_shapes() -> &'static BTreeMap<String, BTreeSet<String>> {
    static SHAPES: std::sync::OnceLock<BTreeMap<String, BTreeSet<String>>> =
        std::sync::OnceLock::new();
    SHAPES.get_or_init(read_golden_shapes)
}

fn read_golden_shapes() -> BTreeMap<String, BTreeSet<String>> {
    let mut shapes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (sample, _) in samples() {
        for api in [Api::Channel, Api::Reseller] {
            let text = std::fs::read_to_string(golden_path(&golden_name(api, sample))).unwrap();
            let plan: Value = serde_json::from_str(&text).unwrap();
            for step in plan.as_array().unwrap() {
                let entry = shapes
                    .entry(step["call"].as_str().unwrap().to_owned())
                    .or_default();
                shape(step, "", entry);
            }
        }
    }
    shapes
}

#[cfg(feature = "proptest")]
mod generated {
    use super::*;
    use gws_onboarding::order::Plan;
    use gws_onboarding::{Product, strategy};
    use proptest::prelude::*;

    /// A form from the crate's generators with an order for a product its customer may buy.
    fn form_with_order() -> impl Strategy<Value = OnboardingForm> {
        (
            strategy::onboarding_form(),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            1_u32..=10,
            proptest::option::of("[A-Z0-9-]{1,80}"),
            proptest::option::of("[A-Z0-9-]{1,100}"),
            proptest::option::of("O[a-zA-Z0-9]{1,20}"),
        )
            .prop_map(|(mut form, product, plan, seats, po, deal, offer)| {
                // The customer's edition, or an add-on it may buy before its domain is verified.
                let mut products: Vec<Product> = Product::all()
                    .filter(|p| matches!(p, Product::Addon(a) if !p.requires_verified_domain() && a.as_str().starts_with("storage")))
                    .collect();
                if let Some(edition) = form.edition.as_deref().and_then(|e| e.parse::<Product>().ok()) {
                    products.push(edition);
                }
                let product = products[product.index(products.len())];
                let plans = Plan::offered_for(product);
                let plan = if plans.is_empty() {
                    Plan::Flexible
                } else {
                    plans[plan.index(plans.len())]
                };
                form.order = Some(RawOrder {
                    product: product.as_str().into(),
                    seats: Some(seats.to_string()),
                    plan: Some(plan.as_str().into()),
                    purchase_order_id: po,
                    deal_code: deal,
                    offer: offer.map(|o| format!("accounts/C01abcd2e/offers/{o}")),
                });
                form
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, max_global_rejects: 100_000, ..ProptestConfig::default() })]

        /// The crate's own generator of customers with orders: the same laws.
        #[test]
        fn generated_customers_with_orders_plan_only_input_fields(customer in strategy::customer_with_order()) {
            prop_assert!(customer.order().is_some());
            check_generated(&customer)?;
        }

        /// Every valid generated customer + order yields plans whose bodies hold only input
        /// fields, whose shapes are those of the golden plans, and which a successful
        /// journey sends.
        #[test]
        fn generated_orders_plan_only_input_fields_in_golden_shapes(form in form_with_order()) {
            let customer = form::validate(&form, &Policy::default());
            prop_assume!(customer.is_ok());
            let customer = customer.unwrap();
            prop_assert!(customer.order().is_some());
            check_generated(&customer)?;
        }
    }

    /// Everything a caller can hand a journey: answers of every kind, good and bad, tokens and
    /// offers.
    fn pool() -> Vec<Option<Answer>> {
        let mut pool: Vec<Option<Answer>> = vec![
            check("channel_check_none.json"),
            check("channel_check_owned.json"),
            check("channel_check_elsewhere.json"),
            check("channel_check_elsewhere_team.json"),
            channel_customer("channel_customer_created.json"),
            channel_customer("channel_customer_imported.json"),
            operation("channel_operation_pending.json"),
            operation("channel_operation_provisioned.json"),
            operation("channel_operation_entitlement_pending.json"),
            operation("channel_operation_entitled.json"),
            operation("channel_operation_failed.json"),
            channel_error("channel_error_invalid.json"),
            channel_error("channel_error_already_exists.json"),
            channel_error("channel_error_unavailable.json"),
            Answer::ChannelCustomers(serde_json::from_str("{}").unwrap()),
            Answer::ChannelCustomers(
                serde_json::from_str(
                    r#"{"customers": [{"name": "accounts/C01abcd2e/customers/S42",
                    "domain": "acme-widgets.fr"}]}"#,
                )
                .unwrap(),
            ),
            reseller_customer("reseller_customer.json"),
            subscription("reseller_subscription.json"),
            reseller_error("reseller_not_found.json"),
            reseller_error("reseller_forbidden.json"),
            reseller_error("reseller_conflict.json"),
            reseller_error("reseller_invalid.json"),
            Answer::ChannelCustomer(
                serde_json::from_str(r#"{"domain": "acme-widgets.fr"}"#).unwrap(),
            ),
            Answer::Operation(serde_json::from_str(r#"{"name": "operations/../x"}"#).unwrap()),
        ]
        .into_iter()
        .map(Some)
        .collect();
        pool.push(None); // a transfer token, or an offer when one is needed
        pool
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any sequence of answers, tokens and offers: a refused one leaves the journey as it
        /// was, an accepted one is of a kind the journey awaited, and every state stores and
        /// resumes the same.
        #[test]
        fn any_sequence_of_answers_keeps_the_laws(
            channel in any::<bool>(),
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..16),
        ) {
            let customer = customer(&if channel { team_order_form() } else { domain_order_form() });
            let mut journey = if channel {
                Journey::channel(&customer, account())
            } else {
                Journey::reseller(&customer)
            };
            let pool = pool();
            for pick in picks {
                let before = journey.clone();
                let accepted = accepted(&journey);
                let result = match pool[pick.index(pool.len())].clone() {
                    Some(answer) => {
                        let kind = answer.kind();
                        let result = journey.handle(answer);
                        if result.is_ok() {
                            prop_assert!(accepted.contains(kind.as_str()), "accepted {kind}");
                        }
                        result
                    }
                    None => match journey.next_step() {
                        Next::Needs(Need::Offer) => journey
                            .give_offer(OfferName::parse("accounts/C01abcd2e/offers/O1").unwrap()),
                        _ => journey.give_token(TransferToken::parse("0a1b").unwrap()),
                    },
                };
                if let Ok(next) = result {
                    prop_assert_eq!(next, journey.next_step());
                } else {
                    prop_assert_eq!(&journey, &before);
                }
                let stored = serde_json::to_string(&journey).unwrap();
                let resumed: Journey = serde_json::from_str(&stored).unwrap();
                if !matches!(journey.next_step(), Next::Stopped(_)) {
                    prop_assert_eq!(&resumed, &journey);
                }
            }
        }
    }

    /// Only input fields, shapes of the golden plans, and the plan is what a success sends.
    fn check_generated(customer: &Customer) -> Result<(), TestCaseError> {
        let golden = golden_shapes();
        for api in [Api::Channel, Api::Reseller] {
            let steps = journey::plan(customer, api);
            check_steps(&steps);
            for step in &steps {
                let mut found = BTreeSet::new();
                shape(&serde_json::to_value(step).unwrap(), "", &mut found);
                let known = &golden[step.call().method_id()];
                let extra: Vec<_> = found.difference(known).collect();
                prop_assert!(
                    extra.is_empty(),
                    "{}: shapes not in any golden plan: {:?}",
                    step.call(),
                    extra
                );
            }
            assert_plan_is_the_success_run(customer, api);
        }
        Ok(())
    }
}

#[test]
fn journey_errors_have_both_messages() {
    let errors = [
        JourneyError::OutOfSequence {
            awaiting: Some(Call::ResellerCustomersGet),
            found: AnswerKind::Operation,
        },
        JourneyError::OutOfSequence {
            awaiting: None,
            found: AnswerKind::Subscription,
        },
        "x".parse::<Api>().unwrap_err(),
    ];
    let fr = [
        "reçu une Operation alors que le parcours attend la réponse à reseller.customers.get",
        "reçu une Subscription Reseller alors que le parcours n'attend aucune réponse",
        "nom d'API inconnu « x » : reseller ou channel attendu",
    ];
    for (err, fr) in errors.iter().zip(fr) {
        assert_eq!(err.message(Lang::Fr), fr);
        assert_eq!(err.message(Lang::En), err.to_string());
        assert_eq!(Diagnostic::code(err), err.code());
    }
}

#[test]
fn a_request_id_goes_with_the_entitlement_only() {
    use gws_onboarding::wire::RequestId;
    let id = RequestId::parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301").unwrap();
    let journey =
        Journey::channel(&customer(&domain_order_form()), account()).with_request_id(id.clone());
    let plan = journey.plan();
    assert_eq!(
        body(&plan[3])["requestId"],
        "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    );
    assert!(plan[..3].iter().all(|s| body(s).get("requestId").is_none()));
    // Stored and resumed, it is still there.
    let resumed: Journey = serde_json::from_value(serde_json::to_value(&journey).unwrap()).unwrap();
    assert_eq!(body(&resumed.plan()[3])["requestId"], id.as_str());
    // A Reseller journey has no requestId.
    let reseller = Journey::reseller(&customer(&domain_order_form())).with_request_id(id);
    assert!(
        reseller
            .plan()
            .iter()
            .all(|s| s.body().is_none_or(|_| body(s).get("requestId").is_none()))
    );
}

#[test]
fn the_api_names_parse_in_any_case() {
    assert_eq!(" Channel ".parse::<Api>().unwrap(), Api::Channel);
    assert_eq!("RESELLER".parse::<Api>().unwrap(), Api::Reseller);
    let err = "cloudchannel".parse::<Api>().unwrap_err();
    assert_eq!(err.code(), "journey.unknown_api");
    assert_eq!(
        err.message(Lang::En),
        "unknown API \"cloudchannel\": expected reseller or channel"
    );
}
