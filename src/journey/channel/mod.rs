//! Layer 5, journey: the Cloud Channel route (check, create or import, provision, the offer's
//! choice and the entitlement, or the transfer of an imported customer's entitlements).
//!
//! Inside it the files run one way: `offer` (the choice of an offer) ← `stage` (the stored
//! stages) ← `lists` (the listings' steps and pages) ← `mod.rs` (the route). `resend` holds
//! the route's reads of what Google holds (after a lost answer, or for a customer already
//! ours): a second `impl ChannelRoute` block, which uses the route's type and helpers and is
//! called only from the route.

mod lists;
pub(crate) mod offer;
pub(crate) mod resend;
pub(crate) mod stage;

use std::time::Duration;

use crate::customer::{CloudIdentityId, Customer, CustomerKind};
use crate::error::snippet;
use crate::order::{OfferName, Order};
use crate::report::Report;
use crate::wire::channel::{
    self, AccountsReading, CheckAccountsBody, CreateEntitlementBody, ImportCustomerBody,
    ImportIdentity, OfferRef, ProvisionBody, TransferItem,
};
use crate::wire::{Call, CustomerName, Operation, OperationName, RequestId};

use super::answer::Answer;
use super::answer::Need;
use super::error::{Expected, JourneyError};
use super::outcome::{Next, Outcome, Stop, Transition, after_delay};
use super::step::{Body, Step};
use lists::{Context, OffersListing};
pub(crate) use stage::ChannelStage;

/// A reseller account in a path: its id, or `{account}` in a plan.
fn account_text(account: Option<&CloudIdentityId>) -> &str {
    account.map_or("{account}", CloudIdentityId::as_str)
}

/// A Channel journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ChannelRoute {
    pub(super) account: Option<CloudIdentityId>,
    /// The `requestId` given with [`Journey::with_request_id`](super::Journey::with_request_id).
    pub(super) request_id: Option<RequestId>,
    /// The offer given with [`Journey::give_offer`](super::Journey::give_offer).
    pub(super) offer: Option<OfferName>,
    /// A dry run ([`Journey::validate_only`](super::Journey::validate_only)).
    pub(super) validate_only: bool,
    pub(super) check: CheckAccountsBody,
    pub(super) create: channel::CreateCustomerBody,
    pub(super) provision: ProvisionBody,
    pub(super) entitlement: Option<CreateEntitlementBody>,
    /// The customer's order, for the choice of its offer and the transfer's plan and seats.
    pub(super) order: Option<Order>,
    pub(super) stage: ChannelStage,
}

fn entitlement_step(customer: &str, body: CreateEntitlementBody) -> Step {
    Step::post(
        Call::ChannelEntitlementsCreate,
        format!("v1/{customer}/entitlements"),
        Body::CreateEntitlement(body),
    )
}

fn poll_step(operation: &OperationName) -> Step {
    Step::get(Call::ChannelOperationsGet, format!("v1/{operation}"))
}

/// The wait before poll number `polls + 1` of an operation: 1 s, then ×1.5 each time, at most
/// 30 s (Google's long-running operations take seconds to minutes; their guide suggests
/// polling with a growing interval).
pub(super) fn poll_delay(polls: u32) -> Duration {
    let mut delay = Duration::from_secs(1);
    for _ in 0..polls.min(16) {
        delay = (delay * 3 / 2).min(POLL_CAP);
    }
    delay
}

/// The longest wait [`poll_delay`] suggests.
const POLL_CAP: Duration = Duration::from_secs(30);

/// What an operation answer must be to belong to its request: the operation polled (when
/// polling), of the call's type when Google names it, and for a purchase an entitlement of
/// `customer`.
fn check_operation(
    call: Call,
    customer: &CustomerName,
    pending: Option<(&OperationName, u32)>,
    operation: &Operation,
) -> Result<(), JourneyError> {
    let mismatch = |call, asked: &str, found: &str| JourneyError::Mismatch {
        call,
        asked: snippet(asked),
        found: snippet(found),
    };
    if let Some((name, _)) = pending {
        if operation.name() != name.as_str() {
            return Err(mismatch(
                Call::ChannelOperationsGet,
                name.as_str(),
                operation.name(),
            ));
        }
    }
    let expected_type = match call {
        Call::ChannelEntitlementsCreate => "CREATE_ENTITLEMENT",
        Call::ChannelTransferEntitlements => "TRANSFER_ENTITLEMENTS",
        _ => "PROVISION_CLOUD_IDENTITY",
    };
    match operation.operation_type() {
        Some(found) if found != expected_type && !found.ends_with("_UNSPECIFIED") => {
            return Err(mismatch(call, expected_type, found));
        }
        _ => {}
    }
    let entitlements = format!("{customer}/entitlements/");
    match operation.response_name() {
        Some(found)
            if call == Call::ChannelEntitlementsCreate && !found.starts_with(&entitlements) =>
        {
            Err(mismatch(call, &entitlements, found))
        }
        _ => Ok(()),
    }
}

/// The call whose long-running operation the journey reads, with what the stages after it
/// need.
#[derive(Clone, Copy)]
enum Started<'a> {
    Provision,
    /// `entitlements.create`; after a transfer, the offers it moved.
    Purchase(Option<&'a [String]>),
    /// `transferEntitlements` of these items; then the order is bought (`true`) or not.
    Transfer(&'a [TransferItem], bool),
}

impl Started<'_> {
    fn call(self) -> Call {
        match self {
            Started::Provision => Call::ChannelCustomersProvisionCloudIdentity,
            Started::Purchase(_) => Call::ChannelEntitlementsCreate,
            Started::Transfer(..) => Call::ChannelTransferEntitlements,
        }
    }
}

/// How a journey ends once its customer is made: `Created` with its purchase, or after a
/// transfer (`moved`) `Transferred` with the offers moved and the purchase.
fn finished(
    customer: &CustomerName,
    purchase: Option<String>,
    moved: Option<Vec<String>>,
) -> Outcome {
    match moved {
        Some(moved) => Outcome::Transferred {
            customer: customer.to_string(),
            purchase,
            moved,
        },
        None => Outcome::Created {
            customer: customer.to_string(),
            purchase,
        },
    }
}

/// An operation's name, checked, for a pending operation.
fn pending_name(call: Call, operation: &Operation) -> Result<OperationName, JourneyError> {
    OperationName::parse(operation.name()).map_err(|e| JourneyError::Unreadable {
        call,
        expected: Expected::OperationName,
        detail: Some(e),
    })
}

impl ChannelRoute {
    /// The route of `customer` for the reseller account `account` (`None` in a plan).
    pub(super) fn new(customer: &Customer, account: Option<CloudIdentityId>) -> ChannelRoute {
        let entitlement = customer.order().map(|order| {
            let offer = order.offer().cloned().map_or(
                OfferRef::Placeholder(channel::OfferPlaceholder),
                OfferRef::Name,
            );
            CreateEntitlementBody::new(
                offer,
                order.plan(),
                order.seats(),
                order.purchase_order_id(),
            )
        });
        ChannelRoute {
            account,
            request_id: None,
            offer: None,
            validate_only: false,
            check: channel::check_body(customer),
            create: channel::create_body(customer),
            provision: channel::provision_body(customer),
            entitlement,
            order: customer.order().cloned(),
            stage: ChannelStage::Check,
        }
    }

    /// The steps sent when every answer is a success, moving the bodies into them.
    pub(super) fn into_plan(self) -> Vec<Step> {
        let account = account_text(self.account.as_ref());
        let customer = format!("accounts/{account}/customers/{{customer}}");
        let mut steps = Vec::with_capacity(6);
        steps.push(Step::post(
            Call::ChannelCheckCloudIdentityAccountsExist,
            format!("v1/accounts/{account}:checkCloudIdentityAccountsExist"),
            Body::CheckAccounts(self.check),
        ));
        steps.push(Step::post(
            Call::ChannelCustomersCreate,
            format!("v1/accounts/{account}/customers"),
            Body::CreateCustomer(self.create),
        ));
        steps.push(Step::post(
            Call::ChannelCustomersProvisionCloudIdentity,
            format!("v1/{customer}:provisionCloudIdentity"),
            Body::Provision(self.provision),
        ));
        match self.entitlement {
            Some(entitlement) if !self.validate_only => {
                if matches!(entitlement.offer(), OfferRef::Placeholder(_)) {
                    steps.push(lists::purchasable_skus_step(&customer, None));
                    steps.push(lists::purchasable_offers_step(&customer, "{sku}", None));
                }
                steps.push(entitlement_step(&customer, entitlement));
            }
            _ => {}
        }
        steps
    }

    /// Sends `request_id` with the purchase.
    pub(super) fn set_request_id(&mut self, request_id: RequestId) {
        self.request_id = Some(request_id.clone());
        self.entitlement = self
            .entitlement
            .take()
            .map(|e| e.with_request_id(request_id));
    }

    /// Makes the journey a dry run: provisioning with `validateOnly`, then done.
    pub(super) fn set_validate_only(&mut self) {
        self.validate_only = true;
        self.provision = self.provision.clone().validate_only(true);
    }

    /// Buys `offer`, given for an order that names none.
    pub(super) fn set_offer(&mut self, offer: OfferName) {
        self.offer = Some(offer.clone());
        self.entitlement = self.entitlement.take().map(|e| e.with_offer(offer));
    }

    pub(super) fn account(&self) -> &str {
        account_text(self.account.as_ref())
    }

    fn check_step(&self) -> Step {
        Step::post(
            Call::ChannelCheckCloudIdentityAccountsExist,
            format!(
                "v1/accounts/{}:checkCloudIdentityAccountsExist",
                self.account()
            ),
            Body::CheckAccounts(self.check.clone()),
        )
    }

    fn create_step(&self) -> Step {
        Step::post(
            Call::ChannelCustomersCreate,
            format!("v1/accounts/{}/customers", self.account()),
            Body::CreateCustomer(self.create.clone()),
        )
    }

    fn provision_step(&self, customer: &str) -> Step {
        Step::post(
            Call::ChannelCustomersProvisionCloudIdentity,
            format!("v1/{customer}:provisionCloudIdentity"),
            Body::Provision(self.provision.clone()),
        )
    }

    /// The call whose answer the stage waits for.
    pub(super) fn awaiting(&self) -> Option<Call> {
        match &self.stage {
            ChannelStage::Check => Some(Call::ChannelCheckCloudIdentityAccountsExist),
            ChannelStage::Reread { .. } => Some(Call::ChannelCustomersGet),
            ChannelStage::Held { .. } => Some(Call::ChannelListEntitlements),
            ChannelStage::Create { .. } => Some(Call::ChannelCustomersCreate),
            ChannelStage::FindCreated { .. } => Some(Call::ChannelListCustomers),
            ChannelStage::Provision { .. } => Some(Call::ChannelCustomersProvisionCloudIdentity),
            ChannelStage::Import { .. } => Some(Call::ChannelCustomersImport),
            ChannelStage::Entitle { chosen, .. } if chosen.is_some() || !self.needs_offer() => {
                Some(Call::ChannelEntitlementsCreate)
            }
            ChannelStage::FindSku { .. } => Some(Call::ChannelListPurchasableSkus),
            ChannelStage::FindOffer { .. } => Some(Call::ChannelListPurchasableOffers),
            ChannelStage::TransferSkus { .. } => Some(Call::ChannelListTransferableSkus),
            ChannelStage::TransferOffers { .. } => Some(Call::ChannelListTransferableOffers),
            ChannelStage::Transfer { .. } => Some(Call::ChannelTransferEntitlements),
            ChannelStage::ProvisionPending { .. }
            | ChannelStage::EntitlePending { .. }
            | ChannelStage::TransferPending { .. } => Some(Call::ChannelOperationsGet),
            _ => None,
        }
    }

    pub(super) fn needs_offer(&self) -> bool {
        self.entitlement
            .as_ref()
            .is_some_and(|e| matches!(e.offer(), OfferRef::Placeholder(_)))
    }

    pub(super) fn next_step(&self, report: &Report) -> Next {
        match &self.stage {
            ChannelStage::Check => Next::Send(self.check_step()),
            ChannelStage::Reread {
                customer,
                resent,
                delay_ms,
                ..
            } => after_delay(
                Step::get(Call::ChannelCustomersGet, format!("v1/{customer}")),
                *delay_ms,
                *resent,
            ),
            ChannelStage::FindCreated {
                resent,
                delay_ms,
                page,
                import,
                ..
            } => after_delay(
                resend::find_created_step(
                    self.account(),
                    self.create.domain().as_str(),
                    import.as_ref(),
                    page.as_ref(),
                ),
                *delay_ms,
                *resent,
            ),
            ChannelStage::Held { customer, page, .. } => {
                Next::Send(lists::entitlements_step(customer, page.as_ref()))
            }
            ChannelStage::Create { .. } => Next::Send(self.create_step()),
            ChannelStage::Provision { customer, .. } => {
                Next::Send(self.provision_step(customer.as_str()))
            }
            ChannelStage::ProvisionPending {
                operation, polls, ..
            }
            | ChannelStage::EntitlePending {
                operation, polls, ..
            }
            | ChannelStage::TransferPending {
                operation, polls, ..
            } => Next::Poll {
                step: poll_step(operation),
                delay: poll_delay(*polls),
            },
            ChannelStage::NeedsToken { .. } => Next::Needs(Need::TransferToken),
            ChannelStage::Import {
                identity, token, ..
            } => Next::Send(Step::post(
                Call::ChannelCustomersImport,
                format!("v1/accounts/{}/customers:import", self.account()),
                Body::Import(ImportCustomerBody::new(
                    identity.clone(),
                    Some(token.clone()),
                    false,
                )),
            )),
            ChannelStage::Entitle {
                customer, chosen, ..
            } => match (&self.entitlement, chosen) {
                (Some(body), Some(offer)) if self.needs_offer() => Next::Send(entitlement_step(
                    customer.as_str(),
                    body.clone().with_offer(offer.clone()),
                )),
                (Some(_), _) if self.needs_offer() => Next::Needs(Need::Offer),
                (Some(body), _) => Next::Send(entitlement_step(customer.as_str(), body.clone())),
                // Not reached: the stage is entered only with an order.
                (None, _) => Next::Done(Outcome::Created {
                    customer: customer.to_string(),
                    purchase: None,
                }),
            },
            ChannelStage::FindSku { .. }
            | ChannelStage::FindOffer { .. }
            | ChannelStage::TransferSkus { .. }
            | ChannelStage::TransferOffers { .. }
            | ChannelStage::Transfer { .. }
            | ChannelStage::NoOffer { .. } => self.listing_next(report),
            ChannelStage::Done { outcome } => Next::Done(outcome.clone()),
            ChannelStage::Stopped { call } => Next::Stopped(Stop {
                call: *call,
                report: report.clone(),
                transfer: false,
            }),
        }
    }

    /// The next step of the listing stages: the offer's choice and the transfer.
    fn listing_next(&self, report: &Report) -> Next {
        match &self.stage {
            ChannelStage::FindSku { customer, page, .. } => Next::Send(
                lists::purchasable_skus_step(customer.as_str(), page.as_ref()),
            ),
            ChannelStage::FindOffer {
                customer,
                sku,
                page,
                ..
            } => Next::Send(lists::purchasable_offers_step(
                customer.as_str(),
                sku.as_str(),
                page.as_ref(),
            )),
            ChannelStage::TransferSkus {
                customer,
                token,
                page,
                ..
            } => Next::Send(lists::transferable_skus_step(
                self.account(),
                customer,
                token,
                page.as_ref(),
            )),
            ChannelStage::TransferOffers {
                customer,
                skus,
                page,
                ..
            } => match skus.first() {
                Some(first) => Next::Send(lists::transferable_offers_step(
                    self.account(),
                    customer,
                    &first.sku,
                    page.as_ref(),
                )),
                // Not reached: the stage always has a SKU to list (checked on reload).
                None => self.stop(Call::ChannelListTransferableOffers, report),
            },
            ChannelStage::Transfer {
                customer,
                token,
                items,
                ..
            } => Next::Send(lists::transfer_step(
                customer,
                items,
                token,
                self.request_id.as_ref(),
            )),
            ChannelStage::NoOffer { call, .. } => self.stop(*call, report),
            // Not reached: the other stages' next steps are in `next_step`.
            _ => self.stop(Call::ChannelListPurchasableOffers, report),
        }
    }

    /// A stop on `call` with `report`.
    #[allow(clippy::unused_self)] // a method, like the route's other next steps
    fn stop(&self, call: Call, report: &Report) -> Next {
        Next::Stopped(Stop {
            call,
            report: report.clone(),
            transfer: false,
        })
    }

    /// After provisioning: buy the order (first choosing its offer when it names none), or
    /// done.
    fn after_provision(&self, customer: &CustomerName) -> ChannelStage {
        if self.validate_only {
            return ChannelStage::Done {
                outcome: Outcome::Validated {
                    customer: customer.to_string(),
                },
            };
        }
        self.purchase_stage(customer, None)
    }

    /// Buying the order (first choosing its offer when it names none), or done; `moved`, the
    /// offers a transfer moved before (`None` for a created customer).
    fn purchase_stage(&self, customer: &CustomerName, moved: Option<Vec<String>>) -> ChannelStage {
        lists::purchase_stage(&self.context(None), customer, moved)
    }

    /// What the listings read the journey for; `moved` that of the stage read.
    fn context<'a>(&'a self, moved: Option<&'a Vec<String>>) -> Context<'a> {
        Context {
            account: self.account(),
            order: self.order.as_ref().filter(|_| self.entitlement.is_some()),
            moved,
            needs_offer: self.needs_offer(),
        }
    }

    /// Reads an operation answer for the call `started`, started for `customer`; `pending`
    /// is the operation polled and the polls so far, `None` for the answer to the call itself.
    fn operation(
        &self,
        started: Started<'_>,
        customer: &CustomerName,
        pending: Option<(&OperationName, u32)>,
        operation: &Operation,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        let call = started.call();
        check_operation(call, customer, pending, operation)?;
        if !operation.is_done() {
            let name = pending_name(call, operation)?;
            let polls = pending.map_or(0, |(_, polls)| polls.saturating_add(1));
            let customer = customer.clone();
            let stage = match started {
                Started::Purchase(moved) => ChannelStage::EntitlePending {
                    customer,
                    operation: name,
                    polls,
                    moved: moved.map(<[String]>::to_vec),
                },
                Started::Provision => ChannelStage::ProvisionPending {
                    customer,
                    operation: name,
                    polls,
                },
                Started::Transfer(items, buy) => ChannelStage::TransferPending {
                    customer,
                    operation: name,
                    polls,
                    items: items.to_vec(),
                    buy,
                },
            };
            return Ok(Transition::To(stage, None));
        }
        if let Some(status) = operation.error() {
            return Ok(Transition::To(
                ChannelStage::Stopped { call },
                Some(status.to_report(call)),
            ));
        }
        let outcome = match started {
            Started::Provision => return Ok(Transition::To(self.after_provision(customer), None)),
            Started::Purchase(moved) => finished(
                customer,
                operation.response_name().map(snippet),
                moved.map(<[String]>::to_vec),
            ),
            Started::Transfer(items, buy) => {
                let moved = items.iter().map(|i| i.offer().to_string()).collect();
                if buy {
                    // The order's SKU was not among the customer's: buy it now.
                    return Ok(Transition::To(
                        self.purchase_stage(customer, Some(moved)),
                        None,
                    ));
                }
                finished(customer, None, Some(moved))
            }
        };
        Ok(Transition::To(ChannelStage::Done { outcome }, None))
    }

    /// `name`, checked to be a customer of this journey's account.
    fn ours(&self, call: Call, name: CustomerName) -> Result<CustomerName, JourneyError> {
        if name.account_id() == self.account() {
            return Ok(name);
        }
        Err(JourneyError::Mismatch {
            call,
            asked: format!("accounts/{}", self.account()),
            found: snippet(name.as_str()),
        })
    }

    /// A created or imported customer's name, checked: a customer of this journey's account,
    /// on the customer's domain when Google says which.
    fn answered_customer(
        &self,
        call: Call,
        customer: &channel::CustomerResource,
    ) -> Result<CustomerName, JourneyError> {
        let name = self.ours(call, customer_name(call, customer)?)?;
        check_domain(call, customer.domain(), self.create.domain().as_str())?;
        Ok(name)
    }

    /// How to import an account held elsewhere: a team account (or one whose type this crate
    /// does not know) by its Cloud Identity id, a domain account by its domain.
    fn import_identity(
        &self,
        call: Call,
        cloud_identity_id: Option<CloudIdentityId>,
        customer_type: Option<CustomerKind>,
        unknown_type: bool,
    ) -> Result<ImportIdentity, JourneyError> {
        let team = customer_type == Some(CustomerKind::Team)
            || self.provision.customer_kind() == CustomerKind::Team;
        match cloud_identity_id {
            Some(id) if team || unknown_type => Ok(ImportIdentity::CloudIdentityId(id)),
            None if team || unknown_type => Err(JourneyError::Unreadable {
                call,
                expected: if unknown_type {
                    Expected::ImportIdentity
                } else {
                    Expected::TeamCloudIdentityId
                },
                detail: None,
            }),
            _ => Ok(ImportIdentity::Domain(self.check.domain().clone())),
        }
    }

    pub(super) fn handle(&self, answer: Answer) -> Result<Transition<ChannelStage>, JourneyError> {
        let awaiting = self.awaiting();
        let Some(call) = awaiting else {
            return Ok(Transition::OutOfSequence(None));
        };
        if let Answer::ChannelError(body) = &answer {
            if let Some(stage) = self.lost_answer(body) {
                return Ok(Transition::To(stage, None));
            }
            return Ok(self.error_stop(call, body));
        }
        let stage = match (&self.stage, answer) {
            (ChannelStage::Check, Answer::CheckAccounts(response)) => match response.reading() {
                AccountsReading::Free => ChannelStage::Create { resent: 0 },
                // Yours: read it again before calling it done, in case our own earlier
                // journey created it and stopped before provisioning or the order.
                AccountsReading::Owned(name) => ChannelStage::Reread {
                    customer: self.ours(call, name)?,
                    resent: 0,
                    delay_ms: 0,
                    provisioning: false,
                },
                AccountsReading::Elsewhere {
                    cloud_identity_id,
                    customer_type,
                    unknown_type,
                } => ChannelStage::NeedsToken {
                    identity: self.import_identity(
                        call,
                        cloud_identity_id,
                        customer_type,
                        unknown_type.is_some(),
                    )?,
                },
                AccountsReading::OwnedUnnamed(detail) => {
                    return Err(JourneyError::Unreadable {
                        call,
                        expected: Expected::OwnedCustomerName,
                        detail,
                    });
                }
            },
            (ChannelStage::Create { .. }, Answer::ChannelCustomer(customer)) => {
                ChannelStage::Provision {
                    customer: self.answered_customer(call, &customer)?,
                    resent: 0,
                }
            }
            (ChannelStage::Import { token, .. }, Answer::ChannelCustomer(customer)) => {
                ChannelStage::TransferSkus {
                    customer: self.answered_customer(call, &customer)?,
                    token: token.clone(),
                    page: None,
                    pages: 0,
                    skus: Vec::new(),
                }
            }
            (stage, Answer::Operation(operation)) if stage.started().is_some() => {
                return self.on_operation(stage, &operation);
            }
            (stage, answer) => return self.handle_reads(stage, answer, awaiting),
        };
        Ok(Transition::To(stage, None))
    }

    /// An operation answer in a stage that started (or polls) provisioning or the purchase.
    fn on_operation(
        &self,
        stage: &ChannelStage,
        operation: &Operation,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        match stage {
            ChannelStage::Provision { customer, .. } => {
                self.operation(Started::Provision, customer, None, operation)
            }
            ChannelStage::ProvisionPending {
                customer,
                operation: name,
                polls,
            } => self.operation(
                Started::Provision,
                customer,
                Some((name, *polls)),
                operation,
            ),
            ChannelStage::Entitle {
                customer, moved, ..
            } => self.operation(
                Started::Purchase(moved.as_deref()),
                customer,
                None,
                operation,
            ),
            ChannelStage::EntitlePending {
                customer,
                operation: name,
                polls,
                moved,
            } => self.operation(
                Started::Purchase(moved.as_deref()),
                customer,
                Some((name, *polls)),
                operation,
            ),
            // Not reached: `ChannelStage::started` names the stages above.
            _ => Ok(Transition::OutOfSequence(self.awaiting())),
        }
    }

    /// The stop on an error body answering `call`: an error polling an operation is reported
    /// against the call that started it.
    fn error_stop(&self, call: Call, body: &channel::ErrorBody) -> Transition<ChannelStage> {
        let reported = match &self.stage {
            ChannelStage::ProvisionPending { .. } => Call::ChannelCustomersProvisionCloudIdentity,
            ChannelStage::EntitlePending { .. } => Call::ChannelEntitlementsCreate,
            ChannelStage::TransferPending { .. } => Call::ChannelTransferEntitlements,
            _ => call,
        };
        Transition::To(
            ChannelStage::Stopped { call: reported },
            Some(body.to_report(reported)),
        )
    }

    /// The answers of the stages that read what Google holds of a customer of ours.
    fn handle_reads(
        &self,
        stage: &ChannelStage,
        answer: Answer,
        awaiting: Option<Call>,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        match (stage, answer) {
            (
                ChannelStage::Reread {
                    customer,
                    resent,
                    provisioning,
                    ..
                },
                Answer::ChannelCustomer(resource),
            ) => self.on_reread(customer, (*resent, *provisioning), &resource),
            (
                ChannelStage::FindCreated {
                    resent,
                    conflict,
                    page,
                    pages,
                    import,
                    ..
                },
                Answer::ChannelCustomers(answer),
            ) => {
                let looking = resend::Looking {
                    resent: *resent,
                    conflict: *conflict,
                    page: page.as_ref(),
                    pages: *pages,
                    import: import.as_ref(),
                };
                self.on_customers(&looking, &answer)
            }
            (
                ChannelStage::Held {
                    customer,
                    page,
                    pages,
                    bought,
                },
                Answer::Entitlements(answer),
            ) => self.on_held(customer, (page.as_ref(), *pages, *bought), &answer),
            (stage, answer) => self.handle_listing(stage, answer, awaiting),
        }
    }

    /// The answers of the listing and transfer stages.
    fn handle_listing(
        &self,
        stage: &ChannelStage,
        answer: Answer,
        awaiting: Option<Call>,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        let ctx = self.context(stage.moved());
        match (stage, answer) {
            (
                ChannelStage::FindSku {
                    customer,
                    page,
                    pages,
                    listed,
                    ..
                },
                Answer::Skus(answer),
            ) => Ok(lists::on_skus(
                &ctx,
                customer,
                (page.as_ref(), *pages, *listed),
                &answer,
            )),
            (
                ChannelStage::FindOffer {
                    customer,
                    sku,
                    page,
                    pages,
                    tally,
                    ..
                },
                Answer::Offers(answer),
            ) => lists::on_offers(&ctx, customer, sku, (page.as_ref(), *pages, tally), &answer),
            (
                ChannelStage::TransferSkus {
                    customer,
                    token,
                    page,
                    pages,
                    skus,
                },
                Answer::TransferableSkus(answer),
            ) => lists::on_transferable_skus(
                &ctx,
                (customer, token),
                (page.as_ref(), *pages, skus),
                &answer,
            ),
            (
                ChannelStage::TransferOffers {
                    customer,
                    token,
                    skus,
                    page,
                    pages,
                    tally,
                    chosen,
                    buy,
                },
                Answer::Offers(answer),
            ) => {
                let listing = OffersListing {
                    skus,
                    page: page.as_ref(),
                    pages: *pages,
                    tally,
                    chosen,
                    buy: *buy,
                };
                lists::on_transferable_offers(&ctx, (customer, token), &listing, &answer)
            }
            (
                ChannelStage::Transfer {
                    customer,
                    items,
                    buy,
                    ..
                },
                Answer::Operation(operation),
            ) => self.operation(Started::Transfer(items, *buy), customer, None, &operation),
            (
                ChannelStage::TransferPending {
                    customer,
                    operation: name,
                    polls,
                    items,
                    buy,
                },
                Answer::Operation(operation),
            ) => self.operation(
                Started::Transfer(items, *buy),
                customer,
                Some((name, *polls)),
                &operation,
            ),
            _ => Ok(Transition::OutOfSequence(awaiting)),
        }
    }
}

/// The `name` of a Channel customer answer, checked.
fn customer_name(
    call: Call,
    customer: &channel::CustomerResource,
) -> Result<CustomerName, JourneyError> {
    let unreadable = |detail| JourneyError::Unreadable {
        call,
        expected: Expected::CustomerName,
        detail,
    };
    let name = customer.name().ok_or_else(|| unreadable(None))?;
    CustomerName::parse(name).map_err(|e| unreadable(Some(e)))
}

/// An answer's domain, when Google gives one, checked to be `ours` (ASCII case and a final
/// dot aside): both APIs' customer answers.
pub(super) fn check_domain(
    call: Call,
    theirs: Option<&str>,
    ours: &str,
) -> Result<(), JourneyError> {
    match theirs {
        Some(theirs)
            if !theirs
                .trim()
                .trim_end_matches('.')
                .eq_ignore_ascii_case(ours) =>
        {
            Err(JourneyError::Mismatch {
                call,
                asked: ours.to_owned(),
                found: snippet(theirs),
            })
        }
        _ => Ok(()),
    }
}
