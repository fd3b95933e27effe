//! Layer 5, journey: the Reseller route (get, insert, subscription).

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer};
use crate::error::snippet;
use crate::report::Report;
use crate::wire::reseller;
use crate::wire::subscription::{CustomerIdRef, SubscriptionBody, SubscriptionResource};
use crate::wire::{Backoff, Call, GoogleError, GoogleErrorKind, TransferToken};

use super::answer::Answer;
use super::channel;
use super::error::JourneyError;
use super::outcome::{Next, Outcome, Stop, Transition};
use super::step::{Body, Step, TOKEN_QUERY};

/// Where a Reseller journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "stage",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub(crate) enum ResellerStage {
    Get,
    Insert {
        /// How many times the insert was sent again after Google could not answer it.
        #[serde(default)]
        resent: u32,
    },
    /// `customers.get` again, after an insert whose answer says nothing of what Google did
    /// (a retryable error) or that says the customer exists (409, perhaps our own lost
    /// insert): the insert is resent only if the customer is still not there.
    Recheck {
        /// As in `Insert`.
        resent: u32,
        /// The wait before the get, in milliseconds: the insert error's backoff (0 after a 409).
        #[serde(default)]
        delay_ms: u64,
        /// The insert was answered 409: a customer that is not ours is then reported as
        /// Google's conflict (transfer it), on the insert.
        #[serde(default)]
        conflict: bool,
    },
    Subscribe {
        customer_id: CloudIdentityId,
    },
    Done {
        outcome: Outcome,
    },
    Stopped {
        call: Call,
        transfer: bool,
    },
}

/// A Reseller journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ResellerRoute {
    pub(super) insert: reseller::CustomerBody,
    pub(super) subscription: Option<SubscriptionBody>,
    pub(super) token: Option<TransferToken>,
    pub(super) stage: ResellerStage,
}

/// `subscriptions.insert`: with the transfer token in a transfer (Google requires it there),
/// without it for a new purchase.
fn subscription_step(body: SubscriptionBody, token: Option<&TransferToken>) -> Step {
    let customer = body.customer_id().as_str();
    let path = match token {
        Some(token) => format!(
            "apps/reseller/v1/customers/{customer}/subscriptions?{TOKEN_QUERY}{}",
            token.as_str()
        ),
        None => format!("apps/reseller/v1/customers/{customer}/subscriptions"),
    };
    Step::post(
        Call::ResellerSubscriptionsInsert,
        path,
        Body::InsertSubscription(body),
    )
}

/// Where an insert's error leads when it does not say what Google did: a 409 (the customer
/// exists: perhaps our own insert, resent after a lost answer) or a retryable error (it may
/// have been carried out) leads to `customers.get` again, after the backoff for the latter;
/// `None` for any other error, and once the Reseller schedule's resends are spent.
fn recheck(resent: u32, error: &reseller::ErrorBody) -> Option<ResellerStage> {
    let resent = resent.checked_add(1)?;
    if resent > Backoff::RESELLER.retries() {
        return None;
    }
    if error.code() == 409 {
        return Some(ResellerStage::Recheck {
            resent,
            delay_ms: 0,
            conflict: true,
        });
    }
    let first = error
        .google_errors(Call::ResellerCustomersInsert)
        .into_iter()
        .next()?;
    let delay = first.retry_delay(resent)?;
    Some(ResellerStage::Recheck {
        resent,
        delay_ms: u64::try_from(delay.as_millis()).unwrap_or(u64::MAX).max(1),
        conflict: false,
    })
}

/// Whether a `customers.get` answer says the customer is not ours: 403, or the short answer.
fn not_ours(answer: &Answer) -> bool {
    match answer {
        Answer::ResellerError(error) => error.code() == 403,
        Answer::ResellerCustomer(customer) => customer.is_managed_elsewhere(),
        _ => false,
    }
}

/// The report of an insert answered 409 for a customer that is not ours: Google's conflict.
fn exists_elsewhere() -> Report {
    report_of(
        GoogleErrorKind::AlreadyExists,
        Call::ResellerCustomersInsert,
        "customers.insert answered 409 and customers.get says the customer is not yours",
    )
}

/// The report of a `customers.get` that Google answered with the short form it gives for a
/// customer that Google or another reseller manages: not yours, to be transferred.
fn managed_elsewhere(call: Call) -> Report {
    report_of(
        GoogleErrorKind::PermissionDenied,
        call,
        "only customerId, customerDomain and customerType returned: \
         the customer is managed by Google or another reseller",
    )
}

/// A report of one Google error of `kind` on `call`, with `message` as Google's text: what the
/// journey reads from a success answer that means a refusal.
fn report_of(kind: GoogleErrorKind, call: Call, message: &str) -> Report {
    let error = GoogleError::new(kind, call).with_google_message(message);
    let mut report = Report::default();
    report.push(error.form_field().unwrap_or("domain"), error);
    report
}

impl ResellerRoute {
    /// The route of `customer`.
    pub(super) fn new(customer: &Customer) -> ResellerRoute {
        let subscription = customer.order().map(|order| {
            SubscriptionBody::new(
                CustomerIdRef::Placeholder,
                order.product(),
                order.plan(),
                order.seats(),
                order.purchase_order_id(),
                order.deal_code(),
            )
        });
        ResellerRoute {
            insert: reseller::insert_body(customer),
            subscription,
            token: None,
            stage: ResellerStage::Get,
        }
    }

    /// The steps sent when every answer is a success, moving the bodies into them.
    pub(super) fn into_plan(self) -> Vec<Step> {
        let mut steps = Vec::with_capacity(3);
        steps.push(self.get_step());
        steps.push(self.insert_step());
        if let Some(subscription) = self.subscription {
            steps.push(subscription_step(subscription, None));
        }
        steps
    }

    fn get_step(&self) -> Step {
        Step::get(
            Call::ResellerCustomersGet,
            format!(
                "apps/reseller/v1/customers/{}",
                self.insert.customer_domain()
            ),
        )
    }

    fn insert_step(&self) -> Step {
        let path = match &self.token {
            Some(token) => format!("apps/reseller/v1/customers?{TOKEN_QUERY}{}", token.as_str()),
            None => "apps/reseller/v1/customers".to_owned(),
        };
        Step::post(
            Call::ResellerCustomersInsert,
            path,
            Body::InsertCustomer(self.insert.clone()),
        )
    }

    pub(super) fn awaiting(&self) -> Option<Call> {
        match self.stage {
            ResellerStage::Get | ResellerStage::Recheck { .. } => Some(Call::ResellerCustomersGet),
            ResellerStage::Insert { .. } => Some(Call::ResellerCustomersInsert),
            ResellerStage::Subscribe { .. } => Some(Call::ResellerSubscriptionsInsert),
            ResellerStage::Done { .. } | ResellerStage::Stopped { .. } => None,
        }
    }

    pub(super) fn next_step(&self, report: &Report) -> Next {
        match &self.stage {
            // After an outage the recheck waits the backoff; after a 409 it gets at once.
            ResellerStage::Recheck {
                resent, delay_ms, ..
            } if *delay_ms > 0 => Next::Retry {
                step: self.get_step(),
                delay: Duration::from_millis(*delay_ms),
                attempt: *resent,
            },
            ResellerStage::Get | ResellerStage::Recheck { .. } => Next::Send(self.get_step()),
            ResellerStage::Insert { .. } => Next::Send(self.insert_step()),
            ResellerStage::Subscribe { customer_id } => match &self.subscription {
                Some(body) => Next::Send(subscription_step(
                    body.clone().for_customer(customer_id.clone()),
                    self.token.as_ref(),
                )),
                // Not reached: the stage is entered only with an order.
                None => Next::Done(self.created(customer_id, None)),
            },
            ResellerStage::Done { outcome } => Next::Done(outcome.clone()),
            ResellerStage::Stopped { call, transfer } => Next::Stopped(Stop {
                call: *call,
                report: report.clone(),
                transfer: *transfer,
            }),
        }
    }

    fn created(&self, customer_id: &CloudIdentityId, purchase: Option<String>) -> Outcome {
        let customer = customer_id.to_string();
        if self.token.is_some() {
            Outcome::Transferred {
                customer,
                purchase,
                moved: Vec::new(),
            }
        } else {
            Outcome::Created { customer, purchase }
        }
    }

    /// After the customer is created: buy the order, or done.
    fn after_insert(&self, customer_id: CloudIdentityId) -> ResellerStage {
        if self.subscription.is_some() {
            ResellerStage::Subscribe { customer_id }
        } else {
            ResellerStage::Done {
                outcome: self.created(&customer_id, None),
            }
        }
    }

    /// A customer answer, checked to be about this journey's domain.
    fn check_domain(
        &self,
        call: Call,
        customer: &reseller::CustomerResource,
    ) -> Result<(), JourneyError> {
        channel::check_domain(
            call,
            customer.customer_domain(),
            self.insert.customer_domain().as_str(),
        )
    }

    /// A subscription answer, checked to be this customer's, of the SKU ordered.
    fn check_subscription(
        &self,
        customer_id: &CloudIdentityId,
        subscription: &SubscriptionResource,
    ) -> Result<(), JourneyError> {
        let mismatch = |asked: &str, found: &str| JourneyError::Mismatch {
            call: Call::ResellerSubscriptionsInsert,
            asked: snippet(asked),
            found: snippet(found),
        };
        if let Some(found) = subscription.customer_id() {
            if found != customer_id.as_str() {
                return Err(mismatch(customer_id.as_str(), found));
            }
        }
        let ordered = self.subscription.as_ref().map(SubscriptionBody::sku_id);
        match (ordered, subscription.sku_id()) {
            (Some(ordered), Some(found)) if found != ordered => Err(mismatch(ordered, found)),
            _ => Ok(()),
        }
    }

    pub(super) fn handle(&self, answer: Answer) -> Result<Transition<ResellerStage>, JourneyError> {
        let awaiting = self.awaiting();
        let Some(call) = awaiting else {
            return Ok(Transition::OutOfSequence(None));
        };
        let stage = match (&self.stage, answer) {
            (ResellerStage::Get, Answer::ResellerError(error)) if error.code() == 404 => {
                ResellerStage::Insert { resent: 0 }
            }
            (ResellerStage::Recheck { resent, .. }, Answer::ResellerError(error))
                if error.code() == 404 =>
            {
                ResellerStage::Insert { resent: *resent }
            }
            (ResellerStage::Recheck { conflict: true, .. }, answer) if not_ours(&answer) => {
                return Ok(Transition::To(
                    ResellerStage::Stopped {
                        call: Call::ResellerCustomersInsert,
                        transfer: true,
                    },
                    Some(exists_elsewhere()),
                ));
            }
            (ResellerStage::Insert { resent }, Answer::ResellerError(error))
                if self.token.is_none() =>
            {
                if let Some(stage) = recheck(*resent, &error) {
                    return Ok(Transition::To(stage, None));
                }
                return Ok(Transition::To(
                    ResellerStage::Stopped {
                        call,
                        transfer: error.code() == 409,
                    },
                    Some(error.to_report(call)),
                ));
            }
            (_, Answer::ResellerError(error)) => {
                let transfer = matches!(
                    (call, error.code()),
                    (Call::ResellerCustomersGet, 403) | (Call::ResellerCustomersInsert, 409)
                ) && self.token.is_none();
                return Ok(Transition::To(
                    ResellerStage::Stopped { call, transfer },
                    Some(error.to_report(call)),
                ));
            }
            (ResellerStage::Recheck { .. }, Answer::ResellerCustomer(customer))
                if !customer.is_managed_elsewhere() =>
            {
                // Ours: the insert that went unanswered was carried out. Go on from there.
                self.check_domain(call, &customer)?;
                self.after_insert(customer.customer_id().clone())
            }
            (
                ResellerStage::Get | ResellerStage::Recheck { .. },
                Answer::ResellerCustomer(customer),
            ) => {
                self.check_domain(call, &customer)?;
                if customer.is_managed_elsewhere() {
                    return Ok(Transition::To(
                        ResellerStage::Stopped {
                            call,
                            transfer: true,
                        },
                        Some(managed_elsewhere(call)),
                    ));
                }
                ResellerStage::Done {
                    outcome: Outcome::AlreadyYours {
                        customer: customer.customer_id().to_string(),
                    },
                }
            }
            (ResellerStage::Insert { .. }, Answer::ResellerCustomer(customer)) => {
                self.check_domain(call, &customer)?;
                self.after_insert(customer.customer_id().clone())
            }
            (ResellerStage::Subscribe { customer_id }, Answer::Subscription(subscription)) => {
                self.check_subscription(customer_id, &subscription)?;
                ResellerStage::Done {
                    outcome: self.created(customer_id, subscription.subscription_id().map(snippet)),
                }
            }
            _ => return Ok(Transition::OutOfSequence(awaiting)),
        };
        Ok(Transition::To(stage, None))
    }
}
