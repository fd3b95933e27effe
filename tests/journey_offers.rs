//! The Channel journey chooses the order's offer from Google's listings, and moves an imported
//! customer's entitlements: every page read, the choice's laws (whatever the paging, the same
//! choice; one fit bought, none or several stopped with a report), bounded work on huge or
//! endless listings, answers about another account or SKU refused, and the transfer run from
//! the import to `Done(Transferred)`.
#![cfg(feature = "serde")]

use gws_onboarding::Customer;
use gws_onboarding::customer::CloudIdentityId;
use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::journey::{Answer, ChoiceProblem, Journey, Need, Next, Outcome, Step};
use gws_onboarding::order::{OfferName, Plan};
use gws_onboarding::wire::{Call, RequestId, TransferToken};
use proptest::prelude::*;
use serde_json::{Value, json};

const ACCOUNT: &str = "C01abcd2e";
const CUSTOMER: &str = "accounts/C01abcd2e/customers/S0aBcD3f";
const SKU: &str = "products/Google-Workspace/skus/1010020028";

fn form_with(plan: &str, offer: Option<&str>, deal: Option<&str>) -> OnboardingForm {
    OnboardingForm {
        order: Some(RawOrder {
            product: "business-standard".into(),
            seats: Some(if plan == "trial" { "10" } else { "25" }.into()),
            plan: Some(plan.into()),
            offer: offer.map(Into::into),
            deal_code: deal.map(Into::into),
            purchase_order_id: Some("PO-9".into()),
        }),
        ..OnboardingForm::sample_domain_customer()
    }
}

fn customer(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|r| panic!("{r}"))
}

fn account() -> CloudIdentityId {
    CloudIdentityId::parse(ACCOUNT).unwrap()
}

fn answer<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).unwrap()
}

#[track_caller]
fn send(next: &Next) -> &Step {
    match next {
        Next::Send(step) | Next::Poll { step, .. } => step,
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

/// A Channel journey of `c`, provisioned: the next step is the first listing.
fn provisioned(c: &Customer) -> Journey {
    let mut journey = Journey::channel(c, account());
    handle(&mut journey, Answer::CheckAccounts(answer(json!({}))));
    handle(
        &mut journey,
        Answer::ChannelCustomer(answer(
            json!({"name": CUSTOMER, "domain": "acme-widgets.fr"}),
        )),
    );
    handle(
        &mut journey,
        Answer::Operation(answer(json!({"name": "operations/p1", "done": true,
            "metadata": {"operationType": "PROVISION_CLOUD_IDENTITY"}, "response": {}}))),
    );
    journey
}

fn sku_page(names: &[(&str, &str)], next: Option<&str>) -> Answer {
    let skus: Vec<Value> = names
        .iter()
        .map(
            |(name, shown)| json!({"sku": {"name": name, "marketingInfo": {"displayName": shown}}}),
        )
        .collect();
    let mut page = json!({"purchasableSkus": skus});
    if let Some(next) = next {
        page["nextPageToken"] = next.into();
    }
    Answer::Skus(answer(page))
}

/// An offer's JSON: `plan` is `flexible`, `annual-monthly`, `annual-yearly`, `trial`, `free`,
/// `offline`, or anything else (an unknown value).
fn offer(id: &str, plan: &str, deal: Option<&str>) -> Value {
    let plan = match plan {
        "flexible" => {
            json!({"paymentPlan": "FLEXIBLE", "paymentCycle": {"duration": 1, "periodType": "MONTH"}})
        }
        "annual-monthly" => {
            json!({"paymentPlan": "COMMITMENT", "paymentCycle": {"duration": 1, "periodType": "MONTH"}})
        }
        "annual-yearly" => {
            json!({"paymentPlan": "COMMITMENT", "paymentCycle": {"duration": 1, "periodType": "YEAR"}})
        }
        "trial" => json!({"paymentPlan": "TRIAL"}),
        "free" => json!({"paymentPlan": "FREE"}),
        "offline" => json!({"paymentPlan": "OFFLINE"}),
        other => json!({"paymentPlan": other}),
    };
    let mut o = json!({"name": format!("accounts/{ACCOUNT}/offers/{id}"), "sku": {"name": SKU},
        "plan": plan, "parameterDefinitions": [{"name": "num_units", "minValue": {"int64Value": "1"}}]});
    if let Some(deal) = deal {
        o["dealCode"] = deal.into();
    }
    o
}

fn offer_page(offers: Vec<Value>, next: Option<&str>) -> Answer {
    let entries: Vec<Value> = offers.into_iter().map(|o| json!({"offer": o})).collect();
    let mut page = json!({"purchasableOffers": entries});
    if let Some(next) = next {
        page["nextPageToken"] = next.into();
    }
    Answer::Offers(answer(page))
}

/// The journey past the SKU listing: the next step lists the offers of [`SKU`].
fn at_offers(c: &Customer) -> Journey {
    let mut journey = provisioned(c);
    let next = handle(
        &mut journey,
        sku_page(
            &[
                (
                    "products/Google-Workspace/skus/1010020025",
                    "Google Workspace Business Plus",
                ),
                (SKU, "Google Workspace Business Standard"),
            ],
            None,
        ),
    );
    assert_eq!(
        send(&next).path(),
        format!(
            "v1/{CUSTOMER}:listPurchasableOffers?createEntitlementPurchase.sku=\
                 products%2FGoogle-Workspace%2Fskus%2F1010020028&pageSize=1000"
        )
    );
    journey
}

#[track_caller]
fn stop_codes(next: &Next) -> Vec<(String, &'static str)> {
    let Next::Stopped(stop) = next else {
        panic!("expected a stop, got {next:?}")
    };
    stop.report()
        .iter()
        .map(|v| (v.field().to_owned(), v.code()))
        .collect()
}

#[test]
fn the_offer_that_sells_the_order_plan_is_bought() {
    let c = customer(&form_with("annual-yearly", None, None));
    let mut journey = provisioned(&c);
    let first = journey.next_step();
    assert_eq!(send(&first).call(), Call::ChannelListPurchasableSkus);
    assert_eq!(
        send(&first).path(),
        format!(
            "v1/{CUSTOMER}:listPurchasableSkus?createEntitlementPurchase.product=products%2F-&pageSize=1000"
        )
    );
    // The SKU is on the second page of SKUs.
    let next = handle(
        &mut journey,
        sku_page(
            &[("products/p/skus/other", "Chrome Enterprise")],
            Some("s2"),
        ),
    );
    assert!(send(&next).path().ends_with("&pageToken=s2"));
    let mut journey = at_offers(&c);
    let next = handle(
        &mut journey,
        offer_page(
            vec![
                offer("Oflex", "flexible", None),
                offer("Omonth", "annual-monthly", None),
            ],
            Some("o2"),
        ),
    );
    assert!(send(&next).path().ends_with("&pageToken=o2"));
    let next = handle(
        &mut journey,
        offer_page(
            vec![
                offer("Oyear", "annual-yearly", None),
                offer("Opromo", "annual-yearly", Some("SPRING")),
            ],
            None,
        ),
    );
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelEntitlementsCreate);
    let b = body(step);
    assert_eq!(
        b["entitlement"]["offer"],
        format!("accounts/{ACCOUNT}/offers/Oyear")
    );
    assert_eq!(b["entitlement"]["parameters"][0]["name"], "num_units");
    // Stored mid-choice and after it, the journey reloads as it was.
    let stored = serde_json::to_string(&journey).unwrap();
    assert_eq!(serde_json::from_str::<Journey>(&stored).unwrap(), journey);
    let done = handle(
        &mut journey,
        Answer::Operation(answer(json!({"name": "operations/e1", "done": true,
            "response": {"name": format!("{CUSTOMER}/entitlements/E1")}}))),
    );
    assert!(matches!(done, Next::Done(Outcome::Created { .. })));
}

#[test]
fn a_deal_code_picks_its_promotion() {
    let c = customer(&form_with("annual-yearly", None, Some("SPRING")));
    let mut journey = at_offers(&c);
    let next = handle(
        &mut journey,
        offer_page(
            vec![
                offer("Oyear", "annual-yearly", None),
                offer("Opromo", "annual-yearly", Some("SPRING")),
            ],
            None,
        ),
    );
    assert_eq!(
        body(send(&next))["entitlement"]["offer"],
        format!("accounts/{ACCOUNT}/offers/Opromo")
    );
}

#[test]
fn no_fitting_offer_stops_on_the_plan_naming_the_plans_on_offer() {
    let c = customer(&form_with("trial", None, None));
    let mut journey = at_offers(&c);
    let next = handle(
        &mut journey,
        offer_page(
            vec![
                offer("Oflex", "flexible", None),
                offer("Ooff", "offline", None),
                offer("Onew", "NEW_PLAN", None),
            ],
            None,
        ),
    );
    assert_eq!(
        stop_codes(&next),
        [("order.plan".to_owned(), "offer.plan_not_offered")]
    );
    let Next::Stopped(stop) = &next else {
        unreachable!()
    };
    let v = stop.report().iter().next().unwrap();
    let problem = v.problem().downcast_ref::<ChoiceProblem>().unwrap();
    assert!(
        matches!(problem, ChoiceProblem::PlanNotOffered { plan: Plan::Trial, on_offer, .. }
        if on_offer == &["flexible", "offline", "other"])
    );
    assert!(
        v.message(gws_onboarding::Lang::Fr)
            .contains("le forfait Flexible, une offre hors ligne")
    );
    // The caller may then give the offer.
    let next = journey
        .give_offer(OfferName::parse(&format!("accounts/{ACCOUNT}/offers/Oflex")).unwrap())
        .unwrap();
    assert_eq!(send(&next).call(), Call::ChannelEntitlementsCreate);
}

#[test]
fn several_fitting_offers_stop_on_the_offer_listing_them() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = at_offers(&c);
    let next = handle(
        &mut journey,
        offer_page(
            vec![
                offer("A", "flexible", None),
                offer("B", "flexible", None),
                offer("A", "flexible", None),
            ],
            None,
        ),
    );
    assert_eq!(
        stop_codes(&next),
        [("order.offer".to_owned(), "offer.several")]
    );
    let Next::Stopped(stop) = &next else {
        unreachable!()
    };
    assert_eq!(stop.call(), Call::ChannelListPurchasableOffers);
    let text = stop
        .report()
        .iter()
        .next()
        .unwrap()
        .message(gws_onboarding::Lang::En);
    assert!(text.starts_with("2 offers sell this plan"), "{text}");
    // Stored while stopped, it reloads with its report, and an offer given resumes it.
    let stored = serde_json::to_string(&journey).unwrap();
    let mut resumed: Journey = serde_json::from_str(&stored).unwrap();
    assert!(matches!(resumed.next_step(), Next::Stopped(_)));
    let next = resumed
        .give_offer(OfferName::parse(&format!("accounts/{ACCOUNT}/offers/B")).unwrap())
        .unwrap();
    assert_eq!(
        body(send(&next))["entitlement"]["offer"],
        format!("accounts/{ACCOUNT}/offers/B")
    );
}

#[test]
fn a_product_not_listed_stops_on_the_product() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = provisioned(&c);
    let next = handle(
        &mut journey,
        sku_page(&[("products/p/skus/x", "Chrome Enterprise")], None),
    );
    assert_eq!(
        stop_codes(&next),
        [("order.product".to_owned(), "offer.sku_not_offered")]
    );
    let Next::Stopped(stop) = &next else {
        unreachable!()
    };
    assert_eq!(stop.call(), Call::ChannelListPurchasableSkus);
}

#[test]
fn an_endless_listing_stops() {
    let c = customer(&form_with("flexible", None, None));
    // The same page token again.
    let mut journey = provisioned(&c);
    handle(&mut journey, sku_page(&[], Some("p2")));
    let next = handle(&mut journey, sku_page(&[], Some("p2")));
    assert_eq!(
        stop_codes(&next),
        [("order.offer".to_owned(), "offer.endless_listing")]
    );
    // New tokens for ever: stopped after 50 pages.
    let mut journey = at_offers(&c);
    let mut pages = 0;
    loop {
        pages += 1;
        let next = handle(&mut journey, offer_page(vec![], Some(&format!("t{pages}"))));
        if matches!(next, Next::Stopped(_)) {
            assert_eq!(stop_codes(&next)[0].1, "offer.endless_listing");
            break;
        }
        assert!(pages < 50, "still listing after {pages} pages");
    }
}

#[test]
fn offers_of_another_account_or_sku_are_refused_and_the_state_is_kept() {
    let c = customer(&form_with("flexible", None, None));
    let journey = at_offers(&c);
    for bad in [
        json!({"name": "accounts/ZZZ/offers/O1", "sku": {"name": SKU}, "plan": {"paymentPlan": "FLEXIBLE"}}),
        json!({"name": format!("accounts/{ACCOUNT}/offers/O1"), "sku": {"name": "products/p/skus/other"},
               "plan": {"paymentPlan": "FLEXIBLE"}}),
    ] {
        let mut j = journey.clone();
        let err = j.handle(offer_page(vec![bad], None)).unwrap_err();
        assert_eq!(err.code(), "journey.mismatch");
        assert_eq!(j, journey);
    }
    // Other answers are out of sequence.
    let mut j = journey.clone();
    assert_eq!(
        j.handle(sku_page(&[], None)).unwrap_err().code(),
        "journey.out_of_sequence"
    );
    assert_eq!(j, journey);
}

#[test]
fn a_huge_page_costs_bounded_work() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = at_offers(&c);
    let offers: Vec<Value> = (0..5000)
        .map(|i| offer(&format!("O{i}"), "annual-monthly", None))
        .collect();
    let Answer::Offers(page) = offer_page(offers, None) else {
        unreachable!()
    };
    assert_eq!(page.offers().len(), 1000);
    assert_eq!(page.cut(), 4000);
    let next = handle(&mut journey, Answer::Offers(page));
    assert_eq!(stop_codes(&next)[0].1, "offer.plan_not_offered");
}

#[test]
fn an_order_naming_its_offer_lists_nothing_and_dry_runs_buy_nothing() {
    let c = customer(&form_with(
        "flexible",
        Some("accounts/C01abcd2e/offers/Onamed"),
        None,
    ));
    let journey = provisioned(&c);
    assert_eq!(
        send(&journey.next_step()).call(),
        Call::ChannelEntitlementsCreate
    );
    let c = customer(&form_with("flexible", None, None));
    let calls: Vec<_> = Journey::channel(&c, account())
        .validate_only()
        .plan()
        .iter()
        .map(Step::call)
        .collect();
    assert!(!calls.contains(&Call::ChannelListPurchasableSkus));
}

// ---------------------------------------------------------------- Channel transfer

/// A journey of `c` that imported the customer with a token: the next step lists its SKUs.
fn imported(c: &Customer) -> Journey {
    let mut journey = Journey::channel(c, account())
        .with_request_id(RequestId::parse(RequestId::EXAMPLE).unwrap());
    handle(
        &mut journey,
        Answer::CheckAccounts(answer(json!({"cloudIdentityAccounts": [{"existing": true,
            "owned": false, "customerType": "DOMAIN", "customerCloudIdentityId": "C04q8rs2t"}]}))),
    );
    assert_eq!(journey.next_step(), Next::Needs(Need::TransferToken));
    handle_token(&mut journey);
    let next = handle(
        &mut journey,
        Answer::ChannelCustomer(answer(
            json!({"name": "accounts/C01abcd2e/customers/S0imp0rt",
            "domain": "acme-widgets.fr"}),
        )),
    );
    assert_eq!(send(&next).call(), Call::ChannelListTransferableSkus);
    journey
}

fn handle_token(journey: &mut Journey) {
    journey
        .give_token(TransferToken::parse("0a1b2c3d").unwrap())
        .unwrap();
}

#[allow(clippy::needless_pass_by_value)] // built inline by each test
fn transferable(entries: Vec<Value>, next: Option<&str>) -> Answer {
    let mut page = json!({"transferableSkus": entries});
    if let Some(next) = next {
        page["nextPageToken"] = next.into();
    }
    Answer::TransferableSkus(answer(page))
}

fn transferable_offers(offers: Vec<Value>) -> Answer {
    let entries: Vec<Value> = offers.into_iter().map(|o| json!({"offer": o})).collect();
    Answer::Offers(answer(json!({"transferableOffers": entries})))
}

#[test]
fn a_transfer_moves_every_eligible_sku_and_lists_what_moved() {
    let c = customer(&form_with("annual-yearly", None, None));
    let mut journey = imported(&c);
    let list = journey.next_step();
    assert_eq!(
        body(send(&list)),
        json!({"customerName": "accounts/C01abcd2e/customers/S0imp0rt", "authToken": "0a1b2c3d", "pageSize": 1000})
    );
    let vault = "products/Google-Workspace/skus/Google-Vault";
    let next = handle(
        &mut journey,
        transferable(
            vec![
                json!({"sku": {"name": SKU, "marketingInfo": {"displayName": "Google Workspace Business Standard"}},
                   "transferEligibility": {"isEligible": true}}),
                json!({"sku": {"name": vault, "marketingInfo": {"displayName": "Google Vault"}},
                   "transferEligibility": {"isEligible": true}}),
            ],
            None,
        ),
    );
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelListTransferableOffers);
    assert_eq!(body(step)["sku"], SKU);
    // The ordered SKU moves on the order's plan, at least the offer's minimum seats.
    let mut yearly = offer("Oyear", "annual-yearly", None);
    yearly["parameterDefinitions"][0]["minValue"]["int64Value"] = "40".into();
    let next = handle(
        &mut journey,
        transferable_offers(vec![offer("Oflex", "flexible", None), yearly]),
    );
    assert_eq!(body(send(&next))["sku"], vault);
    // Any other SKU moves to its flexible offer.
    let mut vault_flex = offer("Ovault", "flexible", None);
    vault_flex["sku"]["name"] = vault.into();
    let next = handle(&mut journey, transferable_offers(vec![vault_flex]));
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelTransferEntitlements);
    assert_eq!(
        step.path(),
        "v1/accounts/C01abcd2e/customers/S0imp0rt:transferEntitlements"
    );
    let b = body(step);
    assert_eq!(b["authToken"], "0a1b2c3d");
    assert_eq!(b["requestId"], RequestId::EXAMPLE);
    assert_eq!(
        b["entitlements"][0]["offer"],
        format!("accounts/{ACCOUNT}/offers/Oyear")
    );
    assert_eq!(
        b["entitlements"][0]["parameters"][0]["value"]["int64Value"],
        "40"
    );
    assert_eq!(b["entitlements"][0]["purchaseOrderId"], "PO-9");
    assert_eq!(b["entitlements"][1]["parameters"][0]["name"], "max_units");
    assert!(b["entitlements"][1].get("purchaseOrderId").is_none());
    assert!(
        !format!("{step:?}").contains("0a1b2c3d"),
        "the token leaks into Debug"
    );
    // Stored mid-transfer, it reloads.
    let stored = serde_json::to_string(&journey).unwrap();
    assert_eq!(serde_json::from_str::<Journey>(&stored).unwrap(), journey);
    let next = handle(
        &mut journey,
        Answer::Operation(answer(json!({"name": "operations/t1",
            "metadata": {"operationType": "TRANSFER_ENTITLEMENTS"}}))),
    );
    assert!(matches!(next, Next::Poll { .. }));
    let next = handle(
        &mut journey,
        Answer::Operation(answer(
            json!({"name": "operations/t1", "done": true, "response": {}}),
        )),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Transferred {
            customer: "accounts/C01abcd2e/customers/S0imp0rt".into(),
            purchase: None,
            moved: vec![
                format!("accounts/{ACCOUNT}/offers/Oyear"),
                format!("accounts/{ACCOUNT}/offers/Ovault")
            ],
        })
    );
}

#[test]
fn an_ineligible_sku_stops_the_transfer_with_google_s_reason() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = imported(&c);
    let next = handle(
        &mut journey,
        transferable(
            vec![
                json!({"sku": {"name": SKU}, "transferEligibility": {"isEligible": false,
            "ineligibilityReason": "PENDING_TOS_ACCEPTANCE", "description": "Accept the ToS"}}),
            ],
            None,
        ),
    );
    assert_eq!(
        stop_codes(&next),
        [("domain".to_owned(), "offer.ineligible_sku")]
    );
    let Next::Stopped(stop) = &next else {
        unreachable!()
    };
    assert!(
        stop.report()
            .iter()
            .next()
            .unwrap()
            .message(gws_onboarding::Lang::En)
            .contains("PENDING_TOS_ACCEPTANCE")
    );
}

#[test]
fn a_customer_with_nothing_to_move_gets_the_order_bought() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = imported(&c);
    let next = handle(&mut journey, transferable(vec![], None));
    assert_eq!(send(&next).call(), Call::ChannelListPurchasableSkus);
    // Without an order there is nothing to buy: transferred at once.
    let plain = form::validate(
        &OnboardingForm::sample_domain_customer(),
        &Policy::default(),
    )
    .expect("the sample is valid");
    let mut journey = imported(&plain);
    let next = handle(&mut journey, transferable(vec![], None));
    assert!(
        matches!(next, Next::Done(Outcome::Transferred { moved, purchase: None, .. }) if moved.is_empty())
    );
}

#[test]
fn the_order_is_bought_after_the_transfer_when_the_customer_lacked_its_sku() {
    let offer_name = format!("accounts/{ACCOUNT}/offers/Obuy");
    let c = customer(&form_with("flexible", Some(&offer_name), None));
    let mut journey = imported(&c);
    let vault = "products/Google-Workspace/skus/Google-Vault";
    let next = handle(
        &mut journey,
        transferable(
            vec![json!({"sku": {"name": vault}, "transferEligibility": {"isEligible": true}})],
            None,
        ),
    );
    assert_eq!(send(&next).call(), Call::ChannelListTransferableOffers);
    let mut vault_flex = offer("Ovault", "flexible", None);
    vault_flex["sku"]["name"] = vault.into();
    let next = handle(&mut journey, transferable_offers(vec![vault_flex]));
    assert_eq!(send(&next).call(), Call::ChannelTransferEntitlements);
    let next = handle(
        &mut journey,
        Answer::Operation(answer(
            json!({"name": "operations/t1", "done": true, "response": {}}),
        )),
    );
    // Vault moved; the customer had no Business Standard: the order is bought now.
    let step = send(&next);
    assert_eq!(step.call(), Call::ChannelEntitlementsCreate);
    assert_eq!(body(step)["entitlement"]["offer"], offer_name);
    let stored = serde_json::to_string(&journey).unwrap();
    assert_eq!(serde_json::from_str::<Journey>(&stored).unwrap(), journey);
    let entitlement = "accounts/C01abcd2e/customers/S0imp0rt/entitlements/E1";
    let next = handle(
        &mut journey,
        Answer::Operation(answer(json!({"name": "operations/e1", "done": true,
            "response": {"name": entitlement}}))),
    );
    assert_eq!(
        next,
        Next::Done(Outcome::Transferred {
            customer: "accounts/C01abcd2e/customers/S0imp0rt".into(),
            purchase: Some(entitlement.into()),
            moved: vec![format!("accounts/{ACCOUNT}/offers/Ovault")],
        })
    );
    // The outcome reloads.
    let stored = serde_json::to_string(&journey).unwrap();
    assert_eq!(serde_json::from_str::<Journey>(&stored).unwrap(), journey);
}

#[test]
fn a_transferable_sku_without_a_name_is_unreadable() {
    let c = customer(&form_with("flexible", None, None));
    let mut journey = imported(&c);
    let before = journey.clone();
    let err = journey
        .handle(transferable(
            vec![json!({"transferEligibility": {"isEligible": true}})],
            None,
        ))
        .unwrap_err();
    assert_eq!(err.code(), "journey.unreadable");
    assert_eq!(journey, before);
}

// ---------------------------------------------------------------- laws

const PLANS: [&str; 7] = [
    "flexible",
    "annual-monthly",
    "annual-yearly",
    "trial",
    "free",
    "offline",
    "X",
];

fn offers_strategy() -> impl Strategy<Value = Vec<(u8, usize, bool)>> {
    prop::collection::vec((0..6_u8, 0..PLANS.len(), any::<bool>()), 0..40)
}

/// What the choice must be: the distinct fitting offers of `offers`.
fn fitting(offers: &[(u8, usize, bool)], plan: &str) -> Vec<String> {
    let mut fits = Vec::new();
    for (id, p, deal) in offers {
        let name = format!("accounts/{ACCOUNT}/offers/O{id}");
        if PLANS[*p] == plan && !*deal && !fits.contains(&name) {
            fits.push(name);
        }
    }
    fits
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Law: whatever the offers and however Google pages them, the journey buys the one
    /// distinct offer that sells the order's plan (without a deal code), stops on
    /// `order.plan` when none does and on `order.offer` when several do; paging changes
    /// nothing.
    #[test]
    fn the_choice_is_the_one_fitting_offer_whatever_the_paging(
        offers in offers_strategy(), plan in 0..4_usize, cuts in prop::collection::vec(0..40_usize, 0..4),
    ) {
        let plan = PLANS[plan];
        let c = customer(&form_with(plan, None, None));
        let mut journey = at_offers(&c);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|k| k.min(offers.len())).collect();
        cuts.sort_unstable();
        cuts.dedup();
        cuts.push(offers.len());
        let mut start = 0;
        let mut next = Next::Needs(Need::Offer);
        for (i, end) in cuts.iter().enumerate() {
            let page: Vec<Value> = offers[start..*end].iter().map(|(id, p, deal)| {
                offer(&format!("O{id}"), PLANS[*p], deal.then_some("PROMO"))
            }).collect();
            let token = format!("page{i}");
            let last = i + 1 == cuts.len();
            next = handle(&mut journey, offer_page(page, (!last).then_some(token.as_str())));
            start = *end;
        }
        let fits = fitting(&offers, plan);
        match fits.as_slice() {
            [one] => {
                let step = send(&next);
                prop_assert_eq!(step.call(), Call::ChannelEntitlementsCreate);
                prop_assert_eq!(&body(step)["entitlement"]["offer"], &Value::from(one.as_str()));
            }
            [] => prop_assert_eq!(stop_codes(&next), vec![("order.plan".to_owned(), "offer.plan_not_offered")]),
            _ => prop_assert_eq!(stop_codes(&next), vec![("order.offer".to_owned(), "offer.several")]),
        }
    }

    /// Law: any page of offers (any JSON under `purchasableOffers`) is read or refused
    /// without a panic, and the journey either moves on or refuses it with a typed error,
    /// its state unchanged.
    #[test]
    fn any_offer_page_is_read_or_refused(entries in prop::collection::vec(
        prop_oneof![
            Just(json!({})),
            Just(json!({"offer": null})),
            Just(json!({"offer": {"name": 7}})),
            Just(json!({"offer": {"name": "accounts/C01abcd2e/offers/../x"}})),
            Just(json!({"offer": {"plan": {"paymentPlan": ["x"]}}})),
            Just(json!({"offer": {"parameterDefinitions": [{"minValue": {"int64Value": "-4"}}]}})),
            Just(offer("Oq", "flexible", None)),
            Just(offer("Oq", "free", Some(""))),
        ], 0..12)) {
        let c = customer(&form_with("flexible", None, None));
        let journey = at_offers(&c);
        let page = json!({"purchasableOffers": entries});
        if let Ok(page) = serde_json::from_value(page) {
            let mut j = journey.clone();
            if j.handle(Answer::Offers(page)).is_err() {
                prop_assert_eq!(j, journey);
            }
        }
    }
}

#[test]
fn a_stored_transfer_that_buys_without_an_order_is_refused() {
    let plain = form::validate(
        &OnboardingForm::sample_domain_customer(),
        &Policy::default(),
    )
    .expect("the sample is valid");
    let mut journey = imported(&plain);
    let vault = "products/Google-Workspace/skus/Google-Vault";
    handle(
        &mut journey,
        transferable(
            vec![json!({"sku": {"name": vault}, "transferEligibility": {"isEligible": true}})],
            None,
        ),
    );
    let mut vault_flex = offer("Ovault", "flexible", None);
    vault_flex["sku"]["name"] = vault.into();
    let next = handle(&mut journey, transferable_offers(vec![vault_flex]));
    assert_eq!(send(&next).call(), Call::ChannelTransferEntitlements);
    let mut stored = serde_json::to_value(&journey).unwrap();
    assert!(
        stored["stage"].get("buy").is_none(),
        "nothing to buy: {stored}"
    );
    if let Err(e) = serde_json::from_value::<Journey>(stored.clone()) {
        panic!("{e}: {stored}");
    }
    stored["stage"]["buy"] = json!(true);
    assert!(serde_json::from_value::<Journey>(stored).is_err());
}
