//! Layer 5, journey: the Reseller route (get, insert, the domain customer's first super admin,
//! a transfer's subscriptions, the order).
//!
//! Inside it the files run one way: `stage` (the stored stages) ← `after` (the admin and the
//! listing of subscriptions) ← `mod.rs` (the route).

mod after;
mod resend;
pub(crate) mod stage;

use crate::customer::{CloudIdentityId, Customer, CustomerKind};
use crate::error::snippet;
use crate::order::Order;
use crate::report::Report;
use crate::wire::directory::{AdminPassword, AdminUserBody, UserKey};
use crate::wire::reseller;
use crate::wire::subscription::{CustomerIdRef, SubscriptionBody, SubscriptionResource};
use crate::wire::{Call, GoogleErrorKind, TransferToken};

use super::answer::{Answer, Need};
use super::channel;
use super::error::JourneyError;
use super::outcome::{Next, Outcome, Stop, Transition, after_delay, report_of};
use super::step::{Body, Step, TOKEN_QUERY};
pub(crate) use stage::ResellerStage;

/// A Reseller journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ResellerRoute {
    pub(super) insert: reseller::CustomerBody,
    pub(super) subscription: Option<SubscriptionBody>,
    pub(super) token: Option<TransferToken>,
    /// The customer, for the admin's `users.insert` body.
    pub(super) customer: Customer,
    /// The admin's temporary password, given by the caller; never stored.
    pub(super) admin_password: Option<AdminPassword>,
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
    let (resent, delay_ms) = resend::lost(Call::ResellerCustomersInsert, resent, error, true)?;
    Some(ResellerStage::Recheck {
        resent,
        delay_ms,
        conflict: error.code() == 409,
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
            customer: customer.clone(),
            admin_password: None,
            stage: ResellerStage::Get,
        }
    }

    /// The steps sent when every answer is a success, moving the bodies into them.
    pub(super) fn into_plan(self) -> Vec<Step> {
        let mut steps = Vec::with_capacity(3);
        steps.push(self.get_step());
        steps.push(self.insert_step());
        if self.creates_admin() {
            let body = AdminPassword::parse(PLAN_PASSWORD)
                .and_then(|password| AdminUserBody::new(&self.customer, password));
            if let Ok(body) = body {
                steps.push(after::admin_step(body));
            }
            steps.push(after::make_admin_step(&self.admin_key()));
        }
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

    /// Whether the journey creates the customer's first super admin: a domain customer
    /// (Google creates a team's admin when the address is verified), not in a transfer (the
    /// customer has its admins).
    pub(super) fn creates_admin(&self) -> bool {
        self.customer.kind() != CustomerKind::Team && self.token.is_none()
    }

    /// The admin's user key: the admin's address.
    fn admin_key(&self) -> UserKey {
        UserKey::from(self.customer.admin().email())
    }

    pub(super) fn awaiting(&self) -> Option<Call> {
        match self.stage {
            ResellerStage::Get | ResellerStage::Recheck { .. } => Some(Call::ResellerCustomersGet),
            ResellerStage::Insert { .. } => Some(Call::ResellerCustomersInsert),
            ResellerStage::CreateAdmin { .. } if self.admin_password.is_some() => {
                Some(Call::DirectoryUsersInsert)
            }
            ResellerStage::MakeAdmin { .. } => Some(Call::DirectoryUsersMakeAdmin),
            ResellerStage::FindAdmin { .. } => Some(Call::DirectoryUsersGet),
            ResellerStage::ListSubscriptions { .. } | ResellerStage::FindSubscription { .. } => {
                Some(Call::ResellerSubscriptionsList)
            }
            ResellerStage::Subscribe { .. } | ResellerStage::TransferSubscriptions { .. } => {
                Some(Call::ResellerSubscriptionsInsert)
            }
            ResellerStage::CreateAdmin { .. }
            | ResellerStage::Done { .. }
            | ResellerStage::Stopped { .. } => None,
        }
    }

    pub(super) fn next_step(&self, report: &Report) -> Next {
        match &self.stage {
            // After an outage the recheck waits the backoff; after a 409 it gets at once.
            ResellerStage::Recheck {
                resent, delay_ms, ..
            } => after_delay(self.get_step(), *delay_ms, *resent),
            ResellerStage::Get => Next::Send(self.get_step()),
            ResellerStage::Insert { .. } => Next::Send(self.insert_step()),
            ResellerStage::FindAdmin {
                resent, delay_ms, ..
            } => after_delay(
                resend::find_admin_step(&self.admin_key()),
                *delay_ms,
                *resent,
            ),
            ResellerStage::FindSubscription {
                customer_id,
                resent,
                delay_ms,
                page,
                ..
            } => after_delay(
                after::list_step(customer_id, self.token.as_ref(), page.as_ref()),
                *delay_ms,
                *resent,
            ),
            ResellerStage::Subscribe {
                customer_id, moved, ..
            } => match &self.subscription {
                Some(body) => Next::Send(subscription_step(
                    body.clone().for_customer(customer_id.clone()),
                    self.token.as_ref(),
                )),
                // Not reached: the stage is entered only with an order.
                None => Next::Done(self.created(customer_id, None, moved.clone())),
            },
            ResellerStage::CreateAdmin { .. } => {
                let body = self
                    .admin_password
                    .clone()
                    .map(|password| AdminUserBody::new(&self.customer, password));
                match body {
                    Some(Ok(body)) => Next::Send(after::admin_step(body)),
                    // Not reached: the stage is entered only for a domain customer, whose form
                    // has the admin's names (checked on reload).
                    Some(Err(_)) | None => Next::Needs(Need::AdminPassword),
                }
            }
            ResellerStage::MakeAdmin { .. } => {
                Next::Send(after::make_admin_step(&self.admin_key()))
            }
            ResellerStage::ListSubscriptions {
                customer_id, page, ..
            } => Next::Send(after::list_step(
                customer_id,
                self.token.as_ref(),
                page.as_ref(),
            )),
            ResellerStage::TransferSubscriptions { queue, .. } => match queue.first() {
                Some(body) => Next::Send(subscription_step(body.clone(), self.token.as_ref())),
                // Not reached: the queue is never empty (checked on reload).
                None => Next::Stopped(Stop {
                    call: Call::ResellerSubscriptionsInsert,
                    report: report.clone(),
                    transfer: false,
                }),
            },
            ResellerStage::Done { outcome } => Next::Done(outcome.clone()),
            ResellerStage::Stopped { call, transfer } => Next::Stopped(Stop {
                call: *call,
                report: report.clone(),
                transfer: *transfer,
            }),
        }
    }

    fn created(
        &self,
        customer_id: &CloudIdentityId,
        purchase: Option<String>,
        moved: Vec<String>,
    ) -> Outcome {
        let customer = customer_id.to_string();
        if self.token.is_some() {
            Outcome::Transferred {
                customer,
                purchase,
                moved,
            }
        } else {
            Outcome::Created { customer, purchase }
        }
    }

    /// After the customer is created (or taken over with the token): its first super admin
    /// (a domain customer), the transfer's subscriptions (a transfer), then the order.
    fn after_insert(&self, customer_id: CloudIdentityId) -> ResellerStage {
        if self.token.is_some() {
            return ResellerStage::ListSubscriptions {
                customer_id,
                page: None,
                pages: 0,
                queue: Vec::new(),
                ordered: false,
            };
        }
        if self.creates_admin() {
            if self.admin_problem().is_some() {
                return ResellerStage::Stopped {
                    call: Call::DirectoryUsersInsert,
                    transfer: false,
                };
            }
            return ResellerStage::CreateAdmin {
                customer_id,
                resent: 0,
            };
        }
        self.after_admin(customer_id)
    }

    /// Why the admin's `users.insert` body cannot be made (a domain customer without the
    /// admin's names, under a [`Policy`](crate::form::Policy) that allows it), as a report.
    fn admin_problem(&self) -> Option<Report> {
        let password = AdminPassword::parse(PLAN_PASSWORD).ok()?;
        let error = AdminUserBody::new(&self.customer, password).err()?;
        Some(Report::of(error.form_field().unwrap_or("admin"), error))
    }

    /// The report that goes with `stage` entered from an answer: the admin's problem for a
    /// stop before `users.insert`.
    fn report_for(&self, stage: &ResellerStage) -> Option<Report> {
        match stage {
            ResellerStage::Stopped {
                call: Call::DirectoryUsersInsert,
                ..
            } => self.admin_problem(),
            _ => None,
        }
    }

    /// After the admin: buy the order, or done.
    fn after_admin(&self, customer_id: CloudIdentityId) -> ResellerStage {
        if self.subscription.is_some() {
            ResellerStage::Subscribe {
                customer_id,
                moved: Vec::new(),
                resent: 0,
            }
        } else {
            ResellerStage::Done {
                outcome: self.created(&customer_id, None, Vec::new()),
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

    /// A subscription answer, checked to be this customer's, of the SKU sent.
    fn check_subscription(
        customer_id: &CloudIdentityId,
        sent: Option<&str>,
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
        match (sent, subscription.sku_id()) {
            (Some(sent), Some(found)) if found != sent => Err(mismatch(sent, found)),
            _ => Ok(()),
        }
    }

    pub(super) fn handle(&self, answer: Answer) -> Result<Transition<ResellerStage>, JourneyError> {
        let awaiting = self.awaiting();
        let Some(call) = awaiting else {
            return Ok(Transition::OutOfSequence(None));
        };
        if let Answer::ResellerError(error) = &answer {
            if let Some(stage) = self.lost_stage(&self.stage, error) {
                return Ok(Transition::To(stage, None));
            }
        }
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
            (ResellerStage::CreateAdmin { customer_id, .. }, Answer::ResellerError(error))
                if error.code() == 409 =>
            {
                // The user exists: our own insert whose answer was lost (a customer just
                // created has no other user). Make it the super admin.
                ResellerStage::MakeAdmin {
                    customer_id: customer_id.clone(),
                }
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
            ) => return self.on_found(call, &customer),
            (ResellerStage::Insert { .. }, Answer::ResellerCustomer(customer)) => {
                self.check_domain(call, &customer)?;
                self.after_insert(customer.customer_id().clone())
            }
            (
                ResellerStage::Subscribe {
                    customer_id, moved, ..
                },
                Answer::Subscription(subscription),
            ) => {
                let sent = self.subscription.as_ref().map(SubscriptionBody::sku_id);
                Self::check_subscription(customer_id, sent, &subscription)?;
                let purchase = subscription.subscription_id().map(snippet);
                ResellerStage::Done {
                    outcome: self.created(customer_id, purchase, moved.clone()),
                }
            }
            (stage, answer) => return self.handle_after(stage, answer, awaiting),
        };
        let report = self.report_for(&stage);
        Ok(Transition::To(stage, report))
    }

    /// A customer found by `customers.get` (or its recheck): not ours (the short answer),
    /// ours with an order (has it the order?), or ours.
    fn on_found(
        &self,
        call: Call,
        customer: &reseller::CustomerResource,
    ) -> Result<Transition<ResellerStage>, JourneyError> {
        self.check_domain(call, customer)?;
        if customer.is_managed_elsewhere() {
            return Ok(Transition::To(
                ResellerStage::Stopped {
                    call,
                    transfer: true,
                },
                Some(managed_elsewhere(call)),
            ));
        }
        let stage = if self.subscription.is_some() {
            // Ours, with an order: does it have it? (Perhaps our own earlier journey
            // created it and stopped before the order.)
            ResellerStage::ListSubscriptions {
                customer_id: customer.customer_id().clone(),
                page: None,
                pages: 0,
                queue: Vec::new(),
                ordered: false,
            }
        } else {
            ResellerStage::Done {
                outcome: Outcome::AlreadyYours {
                    customer: customer.customer_id().to_string(),
                },
            }
        };
        Ok(Transition::To(stage, None))
    }

    /// The answers of the stages after the insert: the admin and the transfer.
    fn handle_after(
        &self,
        stage: &ResellerStage,
        answer: Answer,
        awaiting: Option<Call>,
    ) -> Result<Transition<ResellerStage>, JourneyError> {
        let stage = match (stage, answer) {
            (
                ResellerStage::CreateAdmin { customer_id, .. }
                | ResellerStage::FindAdmin { customer_id, .. },
                Answer::DirectoryUser(user),
            ) => {
                let asked = self.customer.admin().email();
                let ours = user
                    .primary_email()
                    .is_some_and(|found| found.eq_ignore_ascii_case(asked.as_str()));
                if !ours {
                    return Err(JourneyError::Mismatch {
                        call: awaiting.unwrap_or(Call::DirectoryUsersInsert),
                        asked: asked.to_string(),
                        found: snippet(user.primary_email().unwrap_or_default()),
                    });
                }
                ResellerStage::MakeAdmin {
                    customer_id: customer_id.clone(),
                }
            }
            (
                ResellerStage::FindSubscription {
                    customer_id,
                    moved,
                    resent,
                    page,
                    pages,
                    ..
                },
                Answer::Subscriptions(list, _),
            ) => {
                let finding = resend::Finding {
                    customer_id,
                    moved,
                    resent: *resent,
                    page: page.as_ref(),
                    pages: *pages,
                    sku_id: self.subscription.as_ref().map(SubscriptionBody::sku_id),
                };
                match resend::on_subscriptions(&finding, &list)? {
                    resend::Found::Held(purchase) => ResellerStage::Done {
                        outcome: self.created(customer_id, purchase, moved.clone()),
                    },
                    resend::Found::Next(stage) => stage,
                    resend::Found::Stop(transition) => return Ok(transition),
                }
            }
            (ResellerStage::MakeAdmin { customer_id }, Answer::MadeAdmin(_)) => {
                self.after_admin(customer_id.clone())
            }
            (
                ResellerStage::ListSubscriptions {
                    customer_id,
                    page,
                    pages,
                    queue,
                    ordered,
                },
                Answer::Subscriptions(list, now),
            ) => {
                let listing = after::Listing {
                    customer_id,
                    order: self.order(),
                    token: self.token.as_ref(),
                    page: page.as_ref(),
                    pages: *pages,
                    queue,
                    ordered: *ordered,
                };
                return after::on_subscriptions(&listing, &list, now);
            }
            (
                ResellerStage::TransferSubscriptions {
                    customer_id,
                    queue,
                    moved,
                    buy,
                },
                Answer::Subscription(subscription),
            ) => {
                let sent = queue.first().map(SubscriptionBody::sku_id);
                Self::check_subscription(customer_id, sent, &subscription)?;
                let id = subscription
                    .subscription_id()
                    .map_or_else(String::new, snippet);
                after::after_transfer(customer_id, queue, moved, *buy, id)
            }
            _ => return Ok(Transition::OutOfSequence(awaiting)),
        };
        Ok(Transition::To(stage, None))
    }

    /// The stage after an error answering a call that is not safe to resend once the
    /// customer exists (the admin's `users.insert`, the order's `subscriptions.insert`), or
    /// after a 404 while looking for the admin: read what Google holds, or insert again;
    /// `None` to stop on the error.
    fn lost_stage(
        &self,
        stage: &ResellerStage,
        error: &reseller::ErrorBody,
    ) -> Option<ResellerStage> {
        match stage {
            ResellerStage::CreateAdmin {
                customer_id,
                resent,
            } => {
                let (resent, delay_ms) =
                    resend::lost(Call::DirectoryUsersInsert, *resent, error, false)?;
                Some(ResellerStage::FindAdmin {
                    customer_id: customer_id.clone(),
                    resent,
                    delay_ms,
                })
            }
            ResellerStage::FindAdmin {
                customer_id,
                resent,
                ..
            } if error.code() == 404 => Some(ResellerStage::CreateAdmin {
                customer_id: customer_id.clone(),
                resent: *resent,
            }),
            ResellerStage::Subscribe {
                customer_id,
                moved,
                resent,
            } if self.subscription.is_some() => {
                let (resent, delay_ms) =
                    resend::lost(Call::ResellerSubscriptionsInsert, *resent, error, true)?;
                Some(ResellerStage::FindSubscription {
                    customer_id: customer_id.clone(),
                    moved: moved.clone(),
                    resent,
                    delay_ms,
                    page: None,
                    pages: 0,
                })
            }
            _ => None,
        }
    }

    /// The customer's order.
    fn order(&self) -> Option<&Order> {
        self.customer.order()
    }
}

/// The stand-in password of a plan's `users.insert` body: the plan shows `{password}` (ten
/// printable ASCII characters, a valid password).
const PLAN_PASSWORD: &str = "{password}";
