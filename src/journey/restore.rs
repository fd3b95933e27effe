//! Layer 5, journey: a journey taken apart for storage, and put back together only when the
//! journey could have reached that state.
//!
//! What is stored is the customer, what the caller gave (account, `requestId`, offer, token),
//! the stage, the retry and the report; never a request body. A reloaded journey's bodies are
//! made again from the customer, which `persist` validates again, so they are always those of
//! a freshly validated customer. The stage is then checked against that customer and route:
//! a stage the journey's answers could not have led to is refused.

use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer};
use crate::order::OfferName;
use crate::report::Report;
use crate::wire::channel::{ImportIdentity, TransferItem};
use crate::wire::subscription::SubscriptionBody;
use crate::wire::{Backoff, Call, CustomerName, MAX_RETRY_DELAY, RequestId, TransferToken};

use super::channel::offer::{MAX_PAGES, OfferTally, is_plan_label};
use super::channel::stage::MAX_TRANSFER_SKUS;
use super::channel::{ChannelRoute, ChannelStage};
use super::outcome::Outcome;
use super::reseller::{ResellerRoute, ResellerStage};
use super::retry::Retrying;

/// A journey's stored parts.
pub(crate) struct Parts {
    pub(crate) customer: Customer,
    pub(crate) route: RouteParts,
    pub(crate) retrying: Option<Retrying>,
    pub(crate) report: Report,
}

/// The stored parts of a route, in their stored shape (`persist` flattens it into the
/// journey's JSON): `{"api": "channel", "account", "requestId", "offer", "validateOnly",
/// "stage"}` or `{"api": "reseller", "token", "stage"}`.
#[derive(Serialize, Deserialize)]
#[serde(tag = "api", rename_all = "lowercase", rename_all_fields = "camelCase")]
pub(crate) enum RouteParts {
    Channel {
        /// Always there for a journey (only a plan has none); refused when missing.
        #[serde(default)]
        account: Option<CloudIdentityId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        request_id: Option<RequestId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offer: Option<OfferName>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        validate_only: bool,
        stage: ChannelStage,
    },
    Reseller {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<TransferToken>,
        stage: ResellerStage,
    },
}

/// A stopped journey keeps the report of its stop, and only it; a retry belongs to a step
/// that is safe to resend (`awaiting`, the call the stage waits for).
pub(super) fn check_report_and_retry(
    stopped: bool,
    report: &Report,
    awaiting: Option<Call>,
    retrying: Option<Retrying>,
) -> Result<(), String> {
    if stopped && report.errors().next().is_none() {
        return Err("a stopped journey keeps the report of its stop".to_owned());
    }
    if !stopped && !report.is_empty() {
        return Err("only a stopped journey has a report".to_owned());
    }
    if retrying.is_some() && !awaiting.is_some_and(Call::is_safe_to_resend) {
        return Err("a stored retry belongs only to a step that is safe to resend".to_owned());
    }
    Ok(())
}

/// The Channel route of `customer` in `stage`, checked.
pub(super) fn channel_route(
    customer: &Customer,
    account: Option<CloudIdentityId>,
    (request_id, offer, validate_only): (Option<RequestId>, Option<OfferName>, bool),
    stage: ChannelStage,
) -> Result<ChannelRoute, String> {
    let account = account.ok_or("a Channel journey has the reseller's account")?;
    let mut route = ChannelRoute::new(customer, Some(account));
    let order = customer.order();
    // The requestId goes with the purchase and with a transfer's `transferEntitlements`, so a
    // journey without an order may hold one too.
    if let Some(request_id) = request_id {
        route.set_request_id(request_id);
    }
    if let Some(offer) = offer {
        if order.is_none_or(|o| o.offer().is_some()) {
            return Err("an offer is given only for an order that names none".to_owned());
        }
        if offer.account_id() != route.account() {
            return Err("the offer given belongs to another account".to_owned());
        }
        route.set_offer(offer);
    }
    if validate_only {
        route.set_validate_only();
    }
    check_channel_stage(&route, &stage, order.is_some())?;
    route.stage = stage;
    Ok(route)
}

/// Whether `name` is a customer of the route's account.
fn ours(route: &ChannelRoute, name: &CustomerName) -> Result<(), String> {
    if name.account_id() == route.account() {
        Ok(())
    } else {
        Err("a stored customer belongs to another account than the journey's".to_owned())
    }
}

/// Whether an outcome's `customer` is a customer name of the route's account.
fn ours_text(route: &ChannelRoute, customer: &str) -> Result<CustomerName, String> {
    let name = CustomerName::parse(customer).map_err(|e| e.to_string())?;
    ours(route, &name)?;
    Ok(name)
}

/// Whether `offer` is an offer of the route's account.
fn ours_offer(route: &ChannelRoute, offer: &OfferName) -> Result<(), String> {
    if offer.account_id() == route.account() {
        Ok(())
    } else {
        Err("a stored offer belongs to another account than the journey's".to_owned())
    }
}

/// A purchase stage: a journey with an order, not a dry run.
fn buying(route: &ChannelRoute, order: bool) -> Result<(), String> {
    if !order {
        return Err("a purchase stage belongs to a journey with an order".to_owned());
    }
    if route.validate_only {
        return Err("a dry run buys nothing".to_owned());
    }
    Ok(())
}

/// A stage of the offer's choice: a purchase whose order names no offer and to which none was
/// given, within the listing's pages.
fn choosing(route: &ChannelRoute, order: bool, pages: u32) -> Result<(), String> {
    buying(route, order)?;
    if !route.needs_offer() {
        return Err("an offer is chosen only for an order that names none".to_owned());
    }
    listing(pages, 0, 0)
}

/// A listing within its bounds: pages, SKUs listed and entitlements chosen.
/// An import's identity, checked: the customer's domain when it names one.
fn same_domain(route: &ChannelRoute, identity: &ImportIdentity) -> Result<(), String> {
    match identity {
        ImportIdentity::Domain(domain) if domain != route.create.domain() => {
            Err("an import names another domain than the customer's".to_owned())
        }
        _ => Ok(()),
    }
}

/// A call of `api` sent again `resent` times after lost answers, waiting `delay_ms`: within
/// the API's `schedule`; `first` when the count may be 0.
fn resending(
    (api, schedule): (&str, Backoff),
    resent: u32,
    delay_ms: u64,
    first: bool,
) -> Result<(), String> {
    let most = schedule.retries();
    let longest = u64::try_from(MAX_RETRY_DELAY.as_millis()).unwrap_or(u64::MAX);
    if resent > most || (resent == 0 && !first) {
        return Err(format!("a {api} call is sent again 1 to {most} times"));
    }
    if delay_ms > longest {
        return Err(format!("a {api} journey waits at most an hour"));
    }
    Ok(())
}

/// The Channel schedule, for [`resending`].
const CHANNEL: (&str, Backoff) = ("Channel", Backoff::CHANNEL);
/// The Reseller schedule, for [`resending`].
const RESELLER: (&str, Backoff) = ("Reseller", Backoff::RESELLER);

fn listing(pages: u32, skus: usize, chosen: usize) -> Result<(), String> {
    if pages >= MAX_PAGES || skus.saturating_add(chosen) > MAX_TRANSFER_SKUS {
        return Err(format!(
            "a listing takes fewer than {MAX_PAGES} pages and moves at most {MAX_TRANSFER_SKUS} SKUs"
        ));
    }
    Ok(())
}

/// A stored tally: offers of the route's account, known plan labels, within bounds.
fn check_tally(route: &ChannelRoute, tally: &OfferTally) -> Result<(), String> {
    if tally.fits.len() > 8
        || tally.plans.len() > 8
        || !tally.plans.iter().all(|p| is_plan_label(p))
    {
        return Err("a stored offer tally names at most 8 offers and 8 known plans".to_owned());
    }
    tally
        .fits
        .iter()
        .try_for_each(|f| ours_offer(route, &f.offer))
}

/// Stored transfer items: offers of the route's account, at least one seat each.
fn check_items(route: &ChannelRoute, items: &[TransferItem]) -> Result<(), String> {
    for item in items {
        if item.seats() == 0 {
            return Err("a transferred entitlement has at least one seat".to_owned());
        }
        ours_offer(route, item.offer())?;
    }
    Ok(())
}

/// The offers a transfer moved, kept for the purchase after it: at most the SKUs one journey
/// moves, each an offer of the journey's account.
fn check_moved(route: &ChannelRoute, moved: &[String]) -> Result<(), String> {
    listing(0, 0, moved.len())?;
    for offer in moved {
        let offer = OfferName::parse(offer).map_err(|e| e.to_string())?;
        ours_offer(route, &offer)?;
    }
    Ok(())
}

/// A stored stage of the purchase, the offer's choice or the transfer, checked.
fn check_listing_stage(
    route: &ChannelRoute,
    stage: &ChannelStage,
    order: bool,
) -> Result<(), String> {
    if let Some(moved) = stage.moved() {
        check_moved(route, moved)?;
    }
    let buys_after = matches!(
        stage,
        ChannelStage::TransferOffers { buy: true, .. }
            | ChannelStage::Transfer { buy: true, .. }
            | ChannelStage::TransferPending { buy: true, .. }
    );
    if buys_after && !order {
        return Err("a transfer buys an order only for a journey with one".to_owned());
    }
    match stage {
        ChannelStage::Entitle {
            customer, chosen, ..
        } => {
            buying(route, order)?;
            if let Some(chosen) = chosen {
                if !route.needs_offer() {
                    return Err("an offer is chosen only for an order that names none".to_owned());
                }
                ours_offer(route, chosen)?;
            }
            ours(route, customer)
        }
        ChannelStage::EntitlePending { customer, .. } => {
            buying(route, order)?;
            ours(route, customer)
        }
        ChannelStage::FindSku {
            customer, pages, ..
        } => {
            choosing(route, order, *pages)?;
            ours(route, customer)
        }
        ChannelStage::FindOffer {
            customer,
            pages,
            tally,
            ..
        } => {
            choosing(route, order, *pages)?;
            check_tally(route, tally)?;
            ours(route, customer)
        }
        ChannelStage::NoOffer { customer, call, .. } => {
            choosing(route, order, 0)?;
            if ![
                Call::ChannelListPurchasableSkus,
                Call::ChannelListPurchasableOffers,
            ]
            .contains(call)
            {
                return Err(format!("no offer is chosen on {call}"));
            }
            ours(route, customer)
        }
        ChannelStage::TransferSkus {
            customer,
            pages,
            skus,
            ..
        } => {
            listing(*pages, skus.len(), 0)?;
            ours(route, customer)
        }
        ChannelStage::TransferOffers {
            customer,
            skus,
            pages,
            tally,
            chosen,
            ..
        } => {
            if skus.is_empty() {
                return Err("a transfer lists the offers of a SKU".to_owned());
            }
            listing(*pages, skus.len(), chosen.len())?;
            check_tally(route, tally)?;
            check_items(route, chosen)?;
            ours(route, customer)
        }
        ChannelStage::Transfer {
            customer, items, ..
        }
        | ChannelStage::TransferPending {
            customer, items, ..
        } => {
            if items.is_empty() {
                return Err("a transfer moves at least one entitlement".to_owned());
            }
            listing(0, 0, items.len())?;
            check_items(route, items)?;
            ours(route, customer)
        }
        _ => Ok(()),
    }
}

/// A finished customer of the journey's account and its purchase, if any: an entitlement of
/// that customer, for a journey with an order.
fn purchase_of(
    route: &ChannelRoute,
    customer: &str,
    purchase: Option<&str>,
    order: bool,
) -> Result<(), String> {
    let name = ours_text(route, customer)?;
    match purchase {
        Some(_) if !order => Err("a purchase stage belongs to a journey with an order".to_owned()),
        Some(p) if !p.starts_with(&format!("{name}/entitlements/")) => {
            Err("a purchase is an entitlement of the journey's customer".to_owned())
        }
        _ => Ok(()),
    }
}

/// A Channel journey's stored outcome, checked.
fn check_channel_outcome(
    route: &ChannelRoute,
    outcome: &Outcome,
    order: bool,
) -> Result<(), String> {
    match outcome {
        Outcome::AlreadyYours { customer } => ours_text(route, customer).map(drop),
        Outcome::Validated { customer } if route.validate_only => {
            ours_text(route, customer).map(drop)
        }
        Outcome::Validated { .. } => Err("only a dry run ends validated".to_owned()),
        Outcome::Created { .. } if route.validate_only => {
            Err("a dry run creates nothing".to_owned())
        }
        Outcome::Transferred {
            customer,
            purchase,
            moved,
        } => {
            check_moved(route, moved)?;
            // The order, bought after the transfer when the customer did not hold it.
            purchase_of(route, customer, purchase.as_deref(), order)
        }
        Outcome::Created { customer, purchase } => {
            purchase_of(route, customer, purchase.as_deref(), order)
        }
    }
}

fn check_channel_stage(
    route: &ChannelRoute,
    stage: &ChannelStage,
    order: bool,
) -> Result<(), String> {
    match stage {
        ChannelStage::Check => Ok(()),
        ChannelStage::Create { resent } => resending(CHANNEL, *resent, 0, true),
        ChannelStage::FindCreated {
            resent,
            delay_ms,
            pages,
            import,
            ..
        } => {
            resending(CHANNEL, *resent, *delay_ms, false)?;
            listing(*pages, 0, 0)?;
            match import {
                Some(import) => same_domain(route, &import.identity),
                None => Ok(()),
            }
        }
        ChannelStage::Reread {
            customer,
            resent,
            delay_ms,
            provisioning,
        } => {
            if *provisioning {
                resending(CHANNEL, *resent, *delay_ms, false)?;
            } else if *resent > 0 || *delay_ms > 0 {
                return Err("a customer read again after the check waits for nothing".to_owned());
            }
            ours(route, customer)
        }
        ChannelStage::Held {
            customer, pages, ..
        } => {
            buying(route, order)?;
            listing(*pages, 0, 0)?;
            ours(route, customer)
        }
        ChannelStage::Provision { customer, resent } => {
            resending(CHANNEL, *resent, 0, true)?;
            ours(route, customer)
        }
        ChannelStage::ProvisionPending { customer, .. } => ours(route, customer),
        ChannelStage::Entitle { .. }
        | ChannelStage::EntitlePending { .. }
        | ChannelStage::FindSku { .. }
        | ChannelStage::FindOffer { .. }
        | ChannelStage::NoOffer { .. }
        | ChannelStage::TransferSkus { .. }
        | ChannelStage::TransferOffers { .. }
        | ChannelStage::Transfer { .. }
        | ChannelStage::TransferPending { .. } => check_listing_stage(route, stage, order),
        ChannelStage::NeedsToken { identity } => same_domain(route, identity),
        ChannelStage::Import {
            identity, resent, ..
        } => {
            resending(CHANNEL, *resent, 0, true)?;
            same_domain(route, identity)
        }
        ChannelStage::Done { outcome } => check_channel_outcome(route, outcome, order),
        ChannelStage::Stopped { call } => {
            let calls = [
                Call::ChannelCheckCloudIdentityAccountsExist,
                Call::ChannelCustomersCreate,
                Call::ChannelCustomersProvisionCloudIdentity,
                Call::ChannelCustomersImport,
                Call::ChannelListTransferableSkus,
                Call::ChannelListTransferableOffers,
                Call::ChannelTransferEntitlements,
                Call::ChannelCustomersGet,
                Call::ChannelListCustomers,
            ];
            let purchase = [
                Call::ChannelEntitlementsCreate,
                Call::ChannelListEntitlements,
            ];
            if calls.contains(call) || (order && purchase.contains(call)) {
                Ok(())
            } else {
                Err(format!("a Channel journey does not stop on {call}"))
            }
        }
    }
}

/// The Reseller route of `customer` in `stage`, checked.
pub(super) fn reseller_route(
    customer: &Customer,
    token: Option<TransferToken>,
    stage: ResellerStage,
) -> Result<ResellerRoute, String> {
    let order = customer.order().is_some();
    let transfer = token.is_some();
    let creates_admin = customer.kind() != crate::customer::CustomerKind::Team;
    let unreachable = |what: &str| Err(format!("a Reseller journey cannot be {what}"));
    let most = Backoff::RESELLER.retries();
    let longest = u64::try_from(MAX_RETRY_DELAY.as_millis()).unwrap_or(u64::MAX);
    match &stage {
        ResellerStage::Get if transfer => return unreachable("at customers.get with a token"),
        ResellerStage::Recheck { .. } if transfer => {
            return unreachable("checking again during a transfer");
        }
        ResellerStage::Insert { resent } | ResellerStage::Recheck { resent, .. }
            if *resent > most =>
        {
            return unreachable("past the Reseller schedule's resends");
        }
        ResellerStage::Recheck { delay_ms, .. } if *delay_ms > longest => {
            return unreachable("waiting longer than an hour");
        }
        ResellerStage::Subscribe { .. } if !order => {
            return unreachable("buying without an order");
        }
        ResellerStage::Subscribe { moved, .. } if !transfer && !moved.is_empty() => {
            return unreachable("moving subscriptions without a token");
        }
        ResellerStage::Done { outcome } => match outcome {
            Outcome::AlreadyYours { .. } if transfer => {
                return unreachable("already yours after a transfer");
            }
            Outcome::Created { .. } if transfer => return unreachable("created with a token"),
            Outcome::Transferred { .. } if !transfer => {
                return unreachable("transferred without a token");
            }
            Outcome::Created { customer, purchase }
            | Outcome::Transferred {
                customer, purchase, ..
            } => {
                if let Outcome::Transferred { moved, .. } = outcome {
                    listing(0, 0, moved.len())?;
                }
                CloudIdentityId::parse(customer).map_err(|e| e.to_string())?;
                if purchase.is_some() && !order {
                    return unreachable("done with a purchase without an order");
                }
            }
            Outcome::AlreadyYours { customer } => {
                CloudIdentityId::parse(customer).map_err(|e| e.to_string())?;
            }
            Outcome::Validated { .. } => return unreachable("a dry run"),
        },
        ResellerStage::Stopped {
            call,
            transfer: can,
        } => {
            let calls = [Call::ResellerCustomersGet, Call::ResellerCustomersInsert];
            let admin = creates_admin && !transfer;
            let reached = calls.contains(call)
                || (order && *call == Call::ResellerSubscriptionsInsert)
                || ((order || transfer) && *call == Call::ResellerSubscriptionsList)
                || (transfer && *call == Call::ResellerSubscriptionsInsert)
                || (admin
                    && [
                        Call::DirectoryUsersInsert,
                        Call::DirectoryUsersGet,
                        Call::DirectoryUsersMakeAdmin,
                    ]
                    .contains(call));
            if !reached {
                return Err(format!("a Reseller journey does not stop on {call}"));
            }
            if *can && (transfer || !calls.contains(call)) {
                return unreachable("offering a transfer there");
            }
        }
        other => check_reseller_after(other, order, transfer, creates_admin)?,
    }
    let mut route = ResellerRoute::new(customer);
    route.token = token;
    route.stage = stage;
    Ok(route)
}

/// The Reseller stages after the insert: the admin (a domain customer, no transfer), the
/// listing and the transfer's queue (bounded, bodies of the stage's customer).
fn check_reseller_after(
    stage: &ResellerStage,
    order: bool,
    transfer: bool,
    creates_admin: bool,
) -> Result<(), String> {
    let unreachable = |what: &str| Err(format!("a Reseller journey cannot be {what}"));
    let of_customer = |customer_id: &CloudIdentityId, queue: &[SubscriptionBody]| {
        if queue
            .iter()
            .any(|b| b.customer_id().as_str() != customer_id.as_str())
        {
            return Err("a queued transfer belongs to another customer".to_owned());
        }
        Ok(())
    };
    match stage {
        ResellerStage::CreateAdmin { .. } | ResellerStage::MakeAdmin { .. }
            if transfer || !creates_admin =>
        {
            unreachable("creating an admin in a transfer or for a team")
        }
        ResellerStage::ListSubscriptions { .. } if !transfer && !order => {
            unreachable("listing subscriptions without a token or an order")
        }
        ResellerStage::ListSubscriptions {
            customer_id,
            pages,
            queue,
            ..
        } => {
            if !transfer && !queue.is_empty() {
                return unreachable("queueing transfers without a token");
            }
            listing(*pages, queue.len(), 0)?;
            of_customer(customer_id, queue)
        }
        ResellerStage::TransferSubscriptions {
            customer_id,
            queue,
            moved,
            buy,
        } => {
            if !transfer || queue.is_empty() || (*buy && !order) {
                return unreachable("transferring there");
            }
            listing(0, queue.len(), moved.len())?;
            of_customer(customer_id, queue)
        }
        ResellerStage::FindAdmin { .. } if transfer || !creates_admin => {
            unreachable("looking for an admin in a transfer or for a team")
        }
        ResellerStage::CreateAdmin { resent, .. } | ResellerStage::Subscribe { resent, .. } => {
            resending(RESELLER, *resent, 0, true)
        }
        ResellerStage::FindAdmin {
            resent, delay_ms, ..
        } => resending(RESELLER, *resent, *delay_ms, false),
        ResellerStage::FindSubscription {
            moved,
            resent,
            delay_ms,
            pages,
            ..
        } => {
            if !order || (!transfer && !moved.is_empty()) {
                return unreachable("looking for an order there");
            }
            listing(*pages, 0, moved.len())?;
            resending(RESELLER, *resent, *delay_ms, false)
        }
        _ => Ok(()),
    }
}
