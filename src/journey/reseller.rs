//! Layer 5, journey: the Reseller route (get, insert, subscription).

use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer};
use crate::error::snippet;
use crate::report::Report;
use crate::wire::reseller;
use crate::wire::subscription::{CustomerIdRef, SubscriptionBody};
use crate::wire::{Call, TransferToken};

use super::answer::Answer;
use super::outcome::{Next, Outcome, Stop, Transition};
use super::step::{Body, Step, TOKEN_QUERY};

/// Where a Reseller journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub(super) enum ResellerStage {
    Get,
    Insert,
    Subscribe { customer_id: CloudIdentityId },
    Done { outcome: Outcome },
    Stopped { call: Call, transfer: bool },
}

/// A Reseller journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ResellerRoute {
    pub(super) insert: reseller::CustomerBody,
    pub(super) subscription: Option<SubscriptionBody>,
    pub(super) token: Option<TransferToken>,
    pub(super) stage: ResellerStage,
}

fn subscription_step(body: SubscriptionBody) -> Step {
    Step::post(
        Call::ResellerSubscriptionsInsert,
        format!(
            "apps/reseller/v1/customers/{}/subscriptions",
            body.customer_id().as_str()
        ),
        Body::InsertSubscription(body),
    )
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
            steps.push(subscription_step(subscription));
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
            ResellerStage::Get => Some(Call::ResellerCustomersGet),
            ResellerStage::Insert => Some(Call::ResellerCustomersInsert),
            ResellerStage::Subscribe { .. } => Some(Call::ResellerSubscriptionsInsert),
            ResellerStage::Done { .. } | ResellerStage::Stopped { .. } => None,
        }
    }

    pub(super) fn next_step(&self, report: &Report) -> Next {
        match &self.stage {
            ResellerStage::Get => Next::Send(self.get_step()),
            ResellerStage::Insert => Next::Send(self.insert_step()),
            ResellerStage::Subscribe { customer_id } => match &self.subscription {
                Some(body) => Next::Send(subscription_step(
                    body.clone().for_customer(customer_id.clone()),
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
            Outcome::Transferred { customer, purchase }
        } else {
            Outcome::Created { customer, purchase }
        }
    }

    pub(super) fn handle(&self, answer: Answer) -> Transition<ResellerStage> {
        let awaiting = self.awaiting();
        let Some(call) = awaiting else {
            return Transition::OutOfSequence(None);
        };
        let stage = match (&self.stage, answer) {
            (ResellerStage::Get, Answer::ResellerError(error)) if error.code() == 404 => {
                ResellerStage::Insert
            }
            (_, Answer::ResellerError(error)) => {
                let transfer = matches!(
                    (call, error.code()),
                    (Call::ResellerCustomersGet, 403) | (Call::ResellerCustomersInsert, 409)
                );
                return Transition::To(
                    ResellerStage::Stopped { call, transfer },
                    Some(error.to_report(call)),
                );
            }
            (ResellerStage::Get, Answer::ResellerCustomer(customer)) => ResellerStage::Done {
                outcome: Outcome::AlreadyYours {
                    customer: customer.customer_id().to_string(),
                },
            },
            (ResellerStage::Insert, Answer::ResellerCustomer(customer)) => {
                let customer_id = customer.customer_id().clone();
                if self.subscription.is_some() {
                    ResellerStage::Subscribe { customer_id }
                } else {
                    ResellerStage::Done {
                        outcome: self.created(&customer_id, None),
                    }
                }
            }
            (ResellerStage::Subscribe { customer_id }, Answer::Subscription(subscription)) => {
                ResellerStage::Done {
                    outcome: self.created(customer_id, subscription.subscription_id().map(snippet)),
                }
            }
            _ => return Transition::OutOfSequence(awaiting),
        };
        Transition::To(stage, None)
    }
}
