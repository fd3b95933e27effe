//! Layer 5, journey: the Channel calls that are not safe to resend, `customers.create` and
//! `provisionCloudIdentity`, when an answer says nothing of what Google did.
//!
//! A retryable error (an outage: the call may have been carried out) or `ALREADY_EXISTS`
//! (perhaps our own call, resent after a lost answer) leads to reading what Google holds,
//! after the Channel schedule's backoff ([`Backoff::CHANNEL`]), never to a blind resend:
//! - after `customers.create`, `customers.list` on the customer's domain (filtered listings
//!   lag a few seconds behind a creation, Google says, hence the wait): found, go on with that
//!   customer; not found, create again (after `ALREADY_EXISTS`: look again, then stop);
//! - after `provisionCloudIdentity`, `customers.get`: a Cloud Identity id, go on to the order;
//!   none, provision again.
//!
//! Each call is sent again, or looked for, at most as many times as the schedule retries; then
//! the journey stops on the error, as on any other.

use crate::report::Report;
use crate::wire::channel::{self, CUSTOMERS_PAGE_SIZE, CustomerPage, domain_filter};
use crate::wire::{Backoff, Call, CustomerName, GoogleErrorKind, PageToken, percent_encode};

use super::super::error::{Expected, JourneyError};
use super::super::outcome::{Transition, report_of};
use super::super::step::Step;
use super::ChannelRoute;
use super::offer::{ChoiceProblem, Paging, paging, report};
use super::stage::ChannelStage;

/// What to do after an error answering `call`, sent `resent` times again so far: look at what
/// Google holds (the next resend count, the wait in milliseconds, and whether Google said the
/// resource exists), or `None` to stop on the error.
pub(super) fn lost(call: Call, resent: u32, body: &channel::ErrorBody) -> Option<(u32, u64, bool)> {
    let next = resent.checked_add(1)?;
    let first = body.google_errors(call).into_iter().next()?;
    // `ALREADY_EXISTS` on a first provisioning is Google's conflict (the domain or the admin's
    // address is taken), reported as such; after a resend it may be our own lost call.
    let exists = first.kind() == GoogleErrorKind::AlreadyExists
        && (call == Call::ChannelCustomersCreate || resent > 0);
    let delay = if exists {
        Backoff::CHANNEL.delay(next)?
    } else {
        first.retry_delay(next)?
    };
    let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX).max(1);
    Some((next, delay_ms, exists))
}

/// `customers.list` of the account's customers on `domain`.
pub(super) fn find_created_step(account: &str, domain: &str, page: Option<&PageToken>) -> Step {
    let page = page
        .map(|p| format!("&pageToken={}", p.query_value()))
        .unwrap_or_default();
    Step::get(
        Call::ChannelListCustomers,
        format!(
            "v1/accounts/{account}/customers?pageSize={CUSTOMERS_PAGE_SIZE}&filter={}{page}",
            percent_encode(&domain_filter(domain))
        ),
    )
}

/// The report of a `customers.create` answered `ALREADY_EXISTS` for a domain on which the
/// account has no customer: Google's conflict.
fn conflict_report() -> Report {
    report_of(
        GoogleErrorKind::AlreadyExists,
        Call::ChannelCustomersCreate,
        "customers.create answered ALREADY_EXISTS and customers.list finds no customer of yours \
         on this domain",
    )
}

/// The report of a domain on which the account has several customers: one of them is a
/// duplicate, to delete in the Partner Sales Console before going on.
fn duplicates_report(count: usize) -> Report {
    report_of(
        GoogleErrorKind::AlreadyExists,
        Call::ChannelListCustomers,
        &format!(
            "customers.list finds {count} customers of yours on this domain: keep one, delete \
             the others"
        ),
    )
}

/// What a page of the listing holds: the customer on our domain, if any.
enum Finding {
    Found(CustomerName, bool),
    NotOnPage,
    Several(usize),
}

/// Where the listing of `FindCreated` stands.
pub(super) struct Looking<'a> {
    pub(super) resent: u32,
    pub(super) conflict: bool,
    pub(super) page: Option<&'a PageToken>,
    pub(super) pages: u32,
}

impl ChannelRoute {
    /// The stage after an error answering `customers.create` (`Create { resent }`) or
    /// `provisionCloudIdentity` (`Provision { customer, resent }`), or `None` to stop on it.
    pub(super) fn lost_answer(&self, body: &channel::ErrorBody) -> Option<ChannelStage> {
        match &self.stage {
            ChannelStage::Create { resent } => {
                let (resent, delay_ms, conflict) =
                    lost(Call::ChannelCustomersCreate, *resent, body)?;
                Some(ChannelStage::FindCreated {
                    resent,
                    delay_ms,
                    conflict,
                    page: None,
                    pages: 0,
                })
            }
            ChannelStage::Provision { customer, resent } => {
                let (resent, delay_ms, _) =
                    lost(Call::ChannelCustomersProvisionCloudIdentity, *resent, body)?;
                Some(ChannelStage::Reread {
                    customer: customer.clone(),
                    resent,
                    delay_ms,
                    provisioning: true,
                })
            }
            _ => None,
        }
    }

    /// Which listed customer is ours, on our domain.
    fn finding(&self, answer: &CustomerPage) -> Result<Finding, JourneyError> {
        let call = Call::ChannelListCustomers;
        let domain = self.create.domain().as_str();
        let mut found = Vec::new();
        for listed in answer.customers() {
            super::check_domain(call, listed.domain(), domain)?;
            let unreadable = |detail| JourneyError::Unreadable {
                call,
                expected: Expected::CustomerName,
                detail,
            };
            let name = listed.name().ok_or_else(|| unreadable(None))?;
            let name = CustomerName::parse(name).map_err(|e| unreadable(Some(e)))?;
            found.push((self.ours(call, name)?, listed.cloud_identity_id().is_some()));
        }
        Ok(match found.len() {
            0 => Finding::NotOnPage,
            1 => {
                let (name, provisioned) = found.remove(0);
                Finding::Found(name, provisioned)
            }
            n => Finding::Several(n),
        })
    }

    /// A page of `customers.list` on our domain, read in stage `FindCreated`.
    pub(super) fn on_customers(
        &self,
        looking: &Looking<'_>,
        answer: &CustomerPage,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        let call = Call::ChannelListCustomers;
        let stop = |call, report| Ok(Transition::To(ChannelStage::Stopped { call }, Some(report)));
        match self.finding(answer)? {
            // Created and not provisioned: what our lost call left; provision it.
            Finding::Found(customer, false) => Ok(Transition::To(
                ChannelStage::Provision {
                    customer,
                    resent: 0,
                },
                None,
            )),
            // Provisioned already: read it again, as a customer the check says is ours.
            Finding::Found(customer, true) => Ok(Transition::To(
                ChannelStage::Reread {
                    customer,
                    resent: 0,
                    delay_ms: 0,
                    provisioning: false,
                },
                None,
            )),
            Finding::Several(count) => stop(call, duplicates_report(count)),
            Finding::NotOnPage => {
                match paging(call, looking.page, answer.next_page_token(), looking.pages) {
                    Ok(Paging::Next(next)) => Ok(Transition::To(
                        ChannelStage::FindCreated {
                            resent: looking.resent,
                            delay_ms: 0,
                            conflict: looking.conflict,
                            page: Some(next),
                            pages: looking.pages.saturating_add(1),
                        },
                        None,
                    )),
                    Ok(Paging::Last) => Ok(self.not_created(looking)),
                    Err(_) => stop(
                        call,
                        report("domain", ChoiceProblem::EndlessListing { call }),
                    ),
                }
            }
        }
    }

    /// No customer of ours on the domain: create it again; after `ALREADY_EXISTS`, look again
    /// after the next backoff (filtered listings lag behind a creation), then stop.
    fn not_created(&self, looking: &Looking<'_>) -> Transition<ChannelStage> {
        if !looking.conflict {
            return Transition::To(
                ChannelStage::Create {
                    resent: looking.resent,
                },
                None,
            );
        }
        let next = looking.resent.saturating_add(1);
        match Backoff::CHANNEL.delay(next) {
            Some(delay) => Transition::To(
                ChannelStage::FindCreated {
                    resent: next,
                    delay_ms: u64::try_from(delay.as_millis()).unwrap_or(u64::MAX).max(1),
                    conflict: true,
                    page: None,
                    pages: 0,
                },
                None,
            ),
            None => Transition::To(
                ChannelStage::Stopped {
                    call: Call::ChannelCustomersCreate,
                },
                Some(conflict_report()),
            ),
        }
    }

    /// A customer read again after a provisioning whose answer was lost: provisioned, go on
    /// to the order; not, provision again.
    pub(super) fn after_reprovision(
        &self,
        customer: &CustomerName,
        resent: u32,
        resource: &channel::CustomerResource,
    ) -> ChannelStage {
        if resource.cloud_identity_id().is_some() {
            self.after_provision(customer)
        } else {
            ChannelStage::Provision {
                customer: customer.clone(),
                resent,
            }
        }
    }
}
