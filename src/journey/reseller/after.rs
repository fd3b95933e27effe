//! Layer 5, journey: what follows the Reseller `customers.insert`: the domain customer's first
//! super admin (Directory `users.insert`, `users.makeAdmin`), and a transfer's subscriptions
//! (`subscriptions.list` with the token, then one `subscriptions.insert` each, each body made
//! by [`transfer_body`] from the listed subscription). Without a token, the same listing tells
//! whether a customer found already ours has the order.

use std::time::SystemTime;

use crate::customer::CloudIdentityId;
use crate::error::snippet;
use crate::order::{Order, Plan};
use crate::report::Report;
use crate::wire::directory::{self, AdminUserBody, MakeAdminBody, UserKey};
use crate::wire::subscription::SubscriptionBody;
use crate::wire::subscription::list::{ListRequest, ListedSubscription, SubscriptionList};
use crate::wire::subscription::transfer::{TransferOrder, seats_to_send, transfer_body};
use crate::wire::{Call, PageToken, TransferToken, percent_encode};

use super::super::channel::offer::{ChoiceProblem, Paging, paging};
use super::super::channel::stage::MAX_TRANSFER_SKUS;
use super::super::error::JourneyError;
use super::super::outcome::{Outcome, Transition};
use super::super::step::{Body, Step};
use super::stage::ResellerStage;

/// Directory `users.insert` of the admin.
pub(super) fn admin_step(body: AdminUserBody) -> Step {
    Step::post(
        Call::DirectoryUsersInsert,
        directory::users_insert_path().to_owned(),
        Body::InsertUser(body),
    )
}

/// Directory `users.makeAdmin` of the user `key`.
pub(super) fn make_admin_step(key: &UserKey) -> Step {
    Step::post(
        Call::DirectoryUsersMakeAdmin,
        directory::make_admin_path(key),
        Body::MakeAdmin(MakeAdminBody),
    )
}

/// `subscriptions.list` of `customer_id`: with the transfer token in a transfer, without it
/// to re-read a customer of ours.
pub(super) fn list_step(
    customer_id: &CloudIdentityId,
    token: Option<&TransferToken>,
    page: Option<&PageToken>,
) -> Step {
    let path = match token {
        Some(token) => {
            let request = ListRequest::new(customer_id.clone(), token.clone());
            match page {
                Some(page) => request.with_page_token(page.clone()).path(),
                None => request.path(),
            }
        }
        None => format!(
            "{}?customerId={}&maxResults={}{}",
            ListRequest::PATH,
            percent_encode(customer_id.as_str()),
            ListRequest::MAX_RESULTS,
            page.map(|p| format!("&pageToken={}", p.query_value()))
                .unwrap_or_default()
        ),
    };
    Step::get(Call::ResellerSubscriptionsList, path)
}

/// What a transfer asks of a listed subscription: the order's plan, seats (at least the
/// minimum), purchase order and deal code for the order's SKU; for any other, its own plan
/// when it is one a transfer keeps (Flexible, Annual), else Flexible, and at least its seats.
fn transfer_order(listed: &ListedSubscription, order: Option<&Order>) -> (TransferOrder, bool) {
    match order {
        Some(o) if listed.sku_id() == Some(o.product().sku_id()) => {
            let mut wanted = TransferOrder::new(o.plan(), o.seats()).at_least_minimum(listed);
            if let Some(po) = o.purchase_order_id() {
                wanted = wanted.with_purchase_order_id(po.clone());
            }
            if let Some(deal) = o.deal_code() {
                wanted = wanted.with_deal_code(deal.clone());
            }
            (wanted, true)
        }
        _ => {
            let plan = listed
                .plan()
                .filter(|p| matches!(p, Plan::Flexible | Plan::AnnualMonthly | Plan::AnnualYearly))
                .unwrap_or(Plan::Flexible);
            let seats = seats_to_send(listed, listed.seats().unwrap_or(1));
            (TransferOrder::new(plan, seats), false)
        }
    }
}

/// The listing state of stage `ListSubscriptions`.
pub(super) struct Listing<'a> {
    pub(super) customer_id: &'a CloudIdentityId,
    pub(super) order: Option<&'a Order>,
    pub(super) token: Option<&'a TransferToken>,
    pub(super) page: Option<&'a PageToken>,
    pub(super) pages: u32,
    pub(super) queue: &'a [SubscriptionBody],
    pub(super) ordered: bool,
}

fn stopped(report: Report) -> Transition<ResellerStage> {
    Transition::To(
        ResellerStage::Stopped {
            call: Call::ResellerSubscriptionsList,
            transfer: false,
        },
        Some(report),
    )
}

/// A page of `subscriptions.list`, received at `now`.
///
/// # Errors
///
/// [`JourneyError::Mismatch`] for a subscription of another customer.
pub(super) fn on_subscriptions(
    listing: &Listing<'_>,
    list: &SubscriptionList,
    now: SystemTime,
) -> Result<Transition<ResellerStage>, JourneyError> {
    let call = Call::ResellerSubscriptionsList;
    let mut queue = listing.queue.to_vec();
    let mut ordered = listing.ordered;
    for listed in list.subscriptions() {
        if let Some(found) = listed
            .customer_id()
            .filter(|c| *c != listing.customer_id.as_str())
        {
            return Err(JourneyError::Mismatch {
                call,
                asked: listing.customer_id.to_string(),
                found: snippet(found),
            });
        }
        let (wanted, is_order) = transfer_order(listed, listing.order);
        ordered |= is_order;
        if listing.token.is_none() {
            continue;
        }
        let body = match transfer_body(listed, &wanted, now) {
            Ok(body) => body,
            Err(e) => return Ok(stopped(Report::of(e.field(), e))),
        };
        if queue.iter().any(|b| b.sku_id() == body.sku_id()) {
            continue;
        }
        queue.push(body);
        if queue.len() > MAX_TRANSFER_SKUS {
            let listed = u32::try_from(queue.len()).unwrap_or(u32::MAX);
            return Ok(stopped(Report::of(
                "domain",
                ChoiceProblem::TooManySkus { listed },
            )));
        }
    }
    let customer_id = listing.customer_id.clone();
    let next = match paging(call, listing.page, list.next_page_token(), listing.pages) {
        Ok(Paging::Next(next)) => next,
        Ok(Paging::Last) => {
            return Ok(Transition::To(
                last_page(listing, customer_id, queue, ordered),
                None,
            ));
        }
        Err(report) => return Ok(stopped(report)),
    };
    Ok(Transition::To(
        ResellerStage::ListSubscriptions {
            customer_id,
            page: Some(next),
            pages: listing.pages + 1,
            queue,
            ordered,
        },
        None,
    ))
}

/// Where the last page of the listing leads.
fn last_page(
    listing: &Listing<'_>,
    customer_id: CloudIdentityId,
    queue: Vec<SubscriptionBody>,
    ordered: bool,
) -> ResellerStage {
    let buy = listing.order.is_some() && !ordered;
    match (listing.token, queue.is_empty()) {
        // A customer of ours, or a transfer with nothing to move: buy the order unless the
        // customer has it.
        (None, _) | (Some(_), true) if buy => ResellerStage::Subscribe {
            customer_id,
            moved: Vec::new(),
            resent: 0,
        },
        (None, _) => ResellerStage::Done {
            outcome: Outcome::AlreadyYours {
                customer: customer_id.to_string(),
            },
        },
        (Some(_), true) => ResellerStage::Done {
            outcome: Outcome::Transferred {
                customer: customer_id.to_string(),
                purchase: None,
                moved: Vec::new(),
            },
        },
        (Some(_), false) => ResellerStage::TransferSubscriptions {
            customer_id,
            queue,
            moved: Vec::new(),
            buy,
        },
    }
}

/// After `queue[0]` moved as `subscription_id`: the next one, the order, or done.
pub(super) fn after_transfer(
    customer_id: &CloudIdentityId,
    queue: &[SubscriptionBody],
    moved: &[String],
    buy: bool,
    subscription_id: String,
) -> ResellerStage {
    let mut moved = moved.to_vec();
    moved.push(subscription_id);
    let rest = queue.get(1..).unwrap_or_default();
    match (rest.is_empty(), buy) {
        (false, _) => ResellerStage::TransferSubscriptions {
            customer_id: customer_id.clone(),
            queue: rest.to_vec(),
            moved,
            buy,
        },
        (true, true) => ResellerStage::Subscribe {
            customer_id: customer_id.clone(),
            moved,
            resent: 0,
        },
        (true, false) => ResellerStage::Done {
            outcome: Outcome::Transferred {
                customer: customer_id.to_string(),
                purchase: None,
                moved,
            },
        },
    }
}
