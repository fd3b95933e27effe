//! Layer 5, journey: the Reseller route's calls that are not safe to resend after the
//! customer exists, when an answer says nothing of what Google did: Directory `users.insert`
//! of the admin, and the order's `subscriptions.insert`.
//!
//! A retryable error (the call may have been carried out), or a 409 on the order's insert,
//! leads to reading what Google holds, after the Reseller schedule's backoff
//! ([`Backoff::RESELLER`]), never to a blind resend:
//! - after `users.insert`, Directory `users.get` of the admin's address: found, make it a
//!   super admin; 404, insert it again (the password is kept until then, never stored);
//! - after the order's `subscriptions.insert`, `subscriptions.list` of the customer: a
//!   subscription of the order's SKU, done with it; none, buy again.
//!
//! Each call is sent again at most as many times as the schedule retries; then the journey
//! stops on the error, as on any other.

use crate::customer::CloudIdentityId;
use crate::error::snippet;
use crate::wire::directory::{self, UserKey};
use crate::wire::reseller;
use crate::wire::subscription::list::SubscriptionList;
use crate::wire::{Backoff, Call, PageToken};

use super::super::channel::offer::{Paging, paging};
use super::super::error::JourneyError;
use super::super::outcome::{Transition, wait_ms};
use super::super::step::Step;
use super::stage::ResellerStage;

/// After an error answering `call` (sent `resent` times again so far): the next resend count
/// and the wait in milliseconds before reading what Google holds (0: at once, after a 409
/// when `conflict_reads`), or `None` to stop on the error.
pub(super) fn lost(
    call: Call,
    resent: u32,
    error: &reseller::ErrorBody,
    conflict_reads: bool,
) -> Option<(u32, u64)> {
    let next = resent.checked_add(1)?;
    if next > Backoff::RESELLER.retries() {
        return None;
    }
    if conflict_reads && error.code() == 409 {
        return Some((next, 0));
    }
    let first = error.google_errors(call).into_iter().next()?;
    Some((next, wait_ms(first.retry_delay(next)?)))
}

/// Directory `users.get` of the admin `key`.
pub(super) fn find_admin_step(key: &UserKey) -> Step {
    Step::get(Call::DirectoryUsersGet, directory::user_get_path(key))
}

/// Where the listing of `FindSubscription` stands.
pub(super) struct Finding<'a> {
    pub(super) customer_id: &'a CloudIdentityId,
    pub(super) moved: &'a [String],
    pub(super) resent: u32,
    pub(super) page: Option<&'a PageToken>,
    pub(super) pages: u32,
    /// The order's SKU id.
    pub(super) sku_id: Option<&'a str>,
}

/// What a page of the customer's subscriptions says of the order's lost insert.
pub(super) enum Found {
    /// A subscription of the order's SKU: its `subscriptionId`.
    Held(Option<String>),
    /// The next page to read, or the insert to send again.
    Next(ResellerStage),
    /// The listing does not end.
    Stop(Transition<ResellerStage>),
}

/// A page of `subscriptions.list` read in stage `FindSubscription`.
///
/// # Errors
///
/// [`JourneyError::Mismatch`] for a subscription of another customer.
pub(super) fn on_subscriptions(
    finding: &Finding<'_>,
    list: &SubscriptionList,
) -> Result<Found, JourneyError> {
    let call = Call::ResellerSubscriptionsList;
    let customer = finding.customer_id.as_str();
    for listed in list.subscriptions() {
        if let Some(found) = listed.customer_id().filter(|c| *c != customer) {
            return Err(JourneyError::Mismatch {
                call,
                asked: customer.to_owned(),
                found: snippet(found),
            });
        }
        if finding.sku_id.is_some() && listed.sku_id() == finding.sku_id {
            return Ok(Found::Held(listed.subscription_id().map(snippet)));
        }
    }
    let stage = match paging(call, finding.page, list.next_page_token(), finding.pages) {
        Ok(Paging::Next(next)) => ResellerStage::FindSubscription {
            customer_id: finding.customer_id.clone(),
            moved: finding.moved.to_vec(),
            resent: finding.resent,
            delay_ms: 0,
            page: Some(next),
            pages: finding.pages.saturating_add(1),
        },
        Ok(Paging::Last) => ResellerStage::Subscribe {
            customer_id: finding.customer_id.clone(),
            moved: finding.moved.to_vec(),
            resent: finding.resent,
        },
        Err(report) => {
            return Ok(Found::Stop(Transition::To(
                ResellerStage::Stopped {
                    call,
                    transfer: false,
                },
                Some(report),
            )));
        }
    };
    Ok(Found::Next(stage))
}
