//! `onboard --plan API --transfer TOKEN`: the steps of a transfer when every answer is a
//! success, found the way a service finds them: by driving the journey (the library's
//! sans-I/O loop) with stand-in answers, then writing Google's stand-in identifiers as brace
//! placeholders.

use std::time::SystemTime;

use gws_onboarding::Customer;
use gws_onboarding::customer::{CloudIdentityId, CustomerKind};
use gws_onboarding::journey::{Answer, Api, Journey, Next, Step};
use gws_onboarding::wire::{Call, TransferToken};
use serde_json::{Value, json};

/// Stand-ins for what Google assigns, and the placeholder each becomes, most specific first.
const STAND_INS: [(&str, &str); 9] = [
    ("accounts/ACCOUNT0/offers/OFFER0", "{offer}"),
    ("accounts/ACCOUNT0/offers/OFFER1", "{offer}"),
    ("products%2FPRODUCT0%2Fskus%2FSKU0", "{sku}"),
    ("products/PRODUCT0/skus/SKU0", "{sku}"),
    ("ACCOUNT0", "{account}"),
    ("CUSTOMER0", "{customer}"),
    ("CLOUDID0", "{cloudIdentityId}"),
    ("CUSTOMERID0", "{customerId}"),
    ("SKUID0", "{skuId}"),
];

fn read<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

/// The `plan` of an offer that sells the order's `plan`.
fn offer_plan(plan: &str) -> Value {
    match plan {
        "annual-monthly" => {
            json!({"paymentPlan": "COMMITMENT", "paymentCycle": {"duration": 1, "periodType": "MONTH"}})
        }
        "annual-yearly" => {
            json!({"paymentPlan": "COMMITMENT", "paymentCycle": {"duration": 1, "periodType": "YEAR"}})
        }
        "trial" => json!({"paymentPlan": "TRIAL"}),
        "free" => json!({"paymentPlan": "FREE"}),
        _ => json!({"paymentPlan": "FLEXIBLE"}),
    }
}

/// The stand-in answer to `step` of a transfer that succeeds.
fn answer(step: &Step, customer: &Customer) -> Result<Answer, String> {
    let domain = customer.domain().as_str();
    let team = customer.kind() == CustomerKind::Team;
    let plan = customer.order().map_or("flexible", |o| o.plan().as_str());
    let sku_id = customer.order().map_or("", |o| o.product().sku_id());
    Ok(match step.call() {
        Call::ChannelCheckCloudIdentityAccountsExist => Answer::CheckAccounts(read(json!({
            "cloudIdentityAccounts": [{"existing": true, "owned": false,
                "customerType": if team { "TEAM" } else { "DOMAIN" },
                "customerCloudIdentityId": "CLOUDID0"}]}))?),
        Call::ChannelCustomersImport => Answer::ChannelCustomer(read(json!({
            "name": "accounts/ACCOUNT0/customers/CUSTOMER0", "domain": domain}))?),
        Call::ChannelListTransferableSkus => Answer::TransferableSkus(read(json!({
            "transferableSkus": [{"sku": {"name": "products/PRODUCT0/skus/SKU0"},
                "transferEligibility": {"isEligible": true}}]}))?),
        Call::ChannelListTransferableOffers => Answer::Offers(read(json!({
            "transferableOffers": [{"offer": {"name": "accounts/ACCOUNT0/offers/OFFER0",
                "sku": {"name": "products/PRODUCT0/skus/SKU0"},
                "plan": {"paymentPlan": "FLEXIBLE"}}}]}))?),
        Call::ChannelTransferEntitlements => Answer::Operation(read(json!({
            "name": "operations/transfer0", "done": true, "response": {}}))?),
        // The customer did not hold the order's SKU: it is bought after the transfer.
        Call::ChannelListPurchasableSkus => Answer::Skus(read(json!({
            "purchasableSkus": [{"sku": {"name": format!("products/PRODUCT1/skus/{sku_id}")}}]}))?),
        Call::ChannelListPurchasableOffers => Answer::Offers(read(json!({
            "purchasableOffers": [{"offer": {"name": "accounts/ACCOUNT0/offers/OFFER1",
                "sku": {"name": format!("products/PRODUCT1/skus/{sku_id}")},
                "plan": offer_plan(plan)}}]}))?),
        Call::ChannelEntitlementsCreate => Answer::Operation(read(json!({
            "name": "operations/purchase0", "done": true,
            "response": {"name": "accounts/ACCOUNT0/customers/CUSTOMER0/entitlements/E0"}}))?),
        Call::ResellerCustomersGet => Answer::ResellerError(read(json!({"error": {"code": 403}}))?),
        Call::ResellerCustomersInsert => Answer::ResellerCustomer(read(json!({
            "customerId": "CUSTOMERID0", "customerDomain": domain}))?),
        Call::ResellerSubscriptionsList => Answer::Subscriptions(
            read(json!({"kind": "reseller#subscriptions", "subscriptions": [{
                "customerId": "CUSTOMERID0", "subscriptionId": "S0", "skuId": "SKUID0",
                "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 1},
                "transferInfo": {"minimumTransferableSeats": 1}}]}))?,
            SystemTime::now(),
        ),
        Call::ResellerSubscriptionsInsert => {
            let body = serde_json::to_value(step.body()).map_err(|e| e.to_string())?;
            Answer::Subscription(read(json!({"subscriptionId": "S1",
                "customerId": body["customerId"], "skuId": body["skuId"]}))?)
        }
        other => return Err(format!("no stand-in answer for {other} ({plan})")),
    })
}

/// The transfer's steps for `customer` on `api` with `token`, as JSON with placeholders.
pub fn steps(customer: &Customer, api: Api, token: &TransferToken) -> Result<Vec<Value>, String> {
    let mut journey = match api {
        Api::Channel => {
            let account = CloudIdentityId::parse("ACCOUNT0").map_err(|e| e.to_string())?;
            Journey::channel(customer, account)
        }
        Api::Reseller => Journey::reseller(customer),
    };
    let mut sent = Vec::new();
    for _ in 0..32 {
        let step = match journey.next_step() {
            Next::Send(step) | Next::Poll { step, .. } => step,
            Next::Stopped(stop) if stop.can_transfer() => {
                journey
                    .transfer_with(token.clone())
                    .map_err(|e| e.to_string())?;
                continue;
            }
            Next::Needs(_) => {
                journey
                    .give_token(token.clone())
                    .map_err(|e| e.to_string())?;
                continue;
            }
            Next::Done(_) => break,
            other => return Err(format!("the transfer plan stopped: {other:?}")),
        };
        let answer = answer(&step, customer)?;
        sent.push(step);
        journey.handle(answer).map_err(|e| e.to_string())?;
    }
    let mut text = serde_json::to_string(&sent).map_err(|e| e.to_string())?;
    // The order's SKU, bought after the transfer, named by its Reseller SKU id.
    let sku_id = customer.order().map_or("", |o| o.product().sku_id());
    text = text.replace(&format!("products%2FPRODUCT1%2Fskus%2F{sku_id}"), "{sku}");
    for (stand_in, placeholder) in STAND_INS {
        text = text.replace(stand_in, placeholder);
    }
    serde_json::from_str(&text).map_err(|e| e.to_string())
}
