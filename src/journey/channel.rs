//! Layer 5, journey: the Cloud Channel route (check, create or import, provision, entitlement).

use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer, CustomerKind};
use crate::error::snippet;
use crate::report::Report;
use crate::wire::channel::{
    self, AccountsReading, CheckAccountsBody, CreateEntitlementBody, ImportCustomerBody,
    ImportIdentity, OfferRef, ProvisionBody,
};
use crate::wire::{Call, CustomerName, Operation, OperationName, TransferToken};

use super::answer::Answer;
use super::answer::Need;
use super::error::{Expected, JourneyError};
use super::outcome::{Next, Outcome, Stop, Transition};
use super::step::{Body, Step};

/// A reseller account in a path: its id, or `{account}` in a plan.
fn account_text(account: Option<&CloudIdentityId>) -> &str {
    account.map_or("{account}", CloudIdentityId::as_str)
}

/// Where a Channel journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub(super) enum ChannelStage {
    Check,
    Create,
    Provision {
        customer: CustomerName,
    },
    ProvisionPending {
        customer: CustomerName,
        operation: OperationName,
    },
    NeedsToken {
        identity: ImportIdentity,
    },
    Import {
        identity: ImportIdentity,
        token: TransferToken,
    },
    Entitle {
        customer: CustomerName,
    },
    EntitlePending {
        customer: CustomerName,
        operation: OperationName,
    },
    Done {
        outcome: Outcome,
    },
    Stopped {
        call: Call,
    },
}

/// A Channel journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ChannelRoute {
    pub(super) account: Option<CloudIdentityId>,
    pub(super) check: CheckAccountsBody,
    pub(super) create: channel::CreateCustomerBody,
    pub(super) provision: ProvisionBody,
    pub(super) entitlement: Option<CreateEntitlementBody>,
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
            check: channel::check_body(customer),
            create: channel::create_body(customer),
            provision: channel::provision_body(customer),
            entitlement,
            stage: ChannelStage::Check,
        }
    }

    /// The steps sent when every answer is a success, moving the bodies into them.
    pub(super) fn into_plan(self) -> Vec<Step> {
        let account = account_text(self.account.as_ref());
        let customer = format!("accounts/{account}/customers/{{customer}}");
        let mut steps = Vec::with_capacity(4);
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
        if let Some(entitlement) = self.entitlement {
            steps.push(entitlement_step(&customer, entitlement));
        }
        steps
    }

    fn account(&self) -> &str {
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
            ChannelStage::Create => Some(Call::ChannelCustomersCreate),
            ChannelStage::Provision { .. } => Some(Call::ChannelCustomersProvisionCloudIdentity),
            ChannelStage::Import { .. } => Some(Call::ChannelCustomersImport),
            ChannelStage::Entitle { .. } if !self.needs_offer() => {
                Some(Call::ChannelEntitlementsCreate)
            }
            ChannelStage::ProvisionPending { .. } | ChannelStage::EntitlePending { .. } => {
                Some(Call::ChannelOperationsGet)
            }
            _ => None,
        }
    }

    fn needs_offer(&self) -> bool {
        self.entitlement
            .as_ref()
            .is_some_and(|e| matches!(e.offer(), OfferRef::Placeholder(_)))
    }

    pub(super) fn next_step(&self, report: &Report) -> Next {
        match &self.stage {
            ChannelStage::Check => Next::Send(self.check_step()),
            ChannelStage::Create => Next::Send(self.create_step()),
            ChannelStage::Provision { customer } => {
                Next::Send(self.provision_step(customer.as_str()))
            }
            ChannelStage::ProvisionPending { operation, .. }
            | ChannelStage::EntitlePending { operation, .. } => Next::Poll(poll_step(operation)),
            ChannelStage::NeedsToken { .. } => Next::Needs(Need::TransferToken),
            ChannelStage::Import { identity, token } => Next::Send(Step::post(
                Call::ChannelCustomersImport,
                format!("v1/accounts/{}/customers:import", self.account()),
                Body::Import(ImportCustomerBody::new(
                    identity.clone(),
                    Some(token.clone()),
                    false,
                )),
            )),
            ChannelStage::Entitle { customer } => match &self.entitlement {
                Some(_) if self.needs_offer() => Next::Needs(Need::Offer),
                Some(body) => Next::Send(entitlement_step(customer.as_str(), body.clone())),
                // Not reached: the stage is entered only with an order.
                None => Next::Done(Outcome::Created {
                    customer: customer.to_string(),
                    purchase: None,
                }),
            },
            ChannelStage::Done { outcome } => Next::Done(outcome.clone()),
            ChannelStage::Stopped { call } => Next::Stopped(Stop {
                call: *call,
                report: report.clone(),
                transfer: false,
            }),
        }
    }

    /// After provisioning: buy the order, or done.
    fn after_provision(&self, customer: &CustomerName) -> ChannelStage {
        if self.entitlement.is_some() {
            ChannelStage::Entitle {
                customer: customer.clone(),
            }
        } else {
            ChannelStage::Done {
                outcome: Outcome::Created {
                    customer: customer.to_string(),
                    purchase: None,
                },
            }
        }
    }

    /// Reads an operation answer for `call`, started for `customer`.
    fn operation(
        &self,
        call: Call,
        customer: &CustomerName,
        operation: &Operation,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        if !operation.is_done() {
            let name = pending_name(call, operation)?;
            let stage = if call == Call::ChannelEntitlementsCreate {
                ChannelStage::EntitlePending {
                    customer: customer.clone(),
                    operation: name,
                }
            } else {
                ChannelStage::ProvisionPending {
                    customer: customer.clone(),
                    operation: name,
                }
            };
            return Ok(Transition::To(stage, None));
        }
        if let Some(status) = operation.error() {
            return Ok(Transition::To(
                ChannelStage::Stopped { call },
                Some(status.to_report(call)),
            ));
        }
        let stage = if call == Call::ChannelEntitlementsCreate {
            ChannelStage::Done {
                outcome: Outcome::Created {
                    customer: customer.to_string(),
                    purchase: operation.response_name().map(snippet),
                },
            }
        } else {
            self.after_provision(customer)
        };
        Ok(Transition::To(stage, None))
    }

    pub(super) fn handle(&self, answer: Answer) -> Result<Transition<ChannelStage>, JourneyError> {
        let awaiting = self.awaiting();
        let Some(call) = awaiting else {
            return Ok(Transition::OutOfSequence(None));
        };
        if let Answer::ChannelError(body) = &answer {
            // An error polling an operation is reported against the call that started it.
            let reported = match (&self.stage, call) {
                (ChannelStage::ProvisionPending { .. }, _) => {
                    Call::ChannelCustomersProvisionCloudIdentity
                }
                (ChannelStage::EntitlePending { .. }, _) => Call::ChannelEntitlementsCreate,
                (_, call) => call,
            };
            return Ok(Transition::To(
                ChannelStage::Stopped { call: reported },
                Some(body.to_report(reported)),
            ));
        }
        let stage = match (&self.stage, answer) {
            (ChannelStage::Check, Answer::CheckAccounts(response)) => match response.reading() {
                AccountsReading::Free => ChannelStage::Create,
                AccountsReading::Owned(name) => ChannelStage::Done {
                    outcome: Outcome::AlreadyYours {
                        customer: name.to_string(),
                    },
                },
                AccountsReading::Elsewhere {
                    cloud_identity_id,
                    customer_type,
                } => {
                    let team = customer_type == Some(CustomerKind::Team)
                        || self.provision.customer_kind() == CustomerKind::Team;
                    let identity = match (team, cloud_identity_id) {
                        (_, Some(id)) if team => ImportIdentity::CloudIdentityId(id),
                        (true, _) => {
                            return Err(JourneyError::Unreadable {
                                call,
                                expected: Expected::TeamCloudIdentityId,
                                detail: None,
                            });
                        }
                        (false, _) => ImportIdentity::Domain(self.check.domain().clone()),
                    };
                    ChannelStage::NeedsToken { identity }
                }
                AccountsReading::OwnedUnnamed(detail) => {
                    return Err(JourneyError::Unreadable {
                        call,
                        expected: Expected::OwnedCustomerName,
                        detail,
                    });
                }
            },
            (ChannelStage::Create, Answer::ChannelCustomer(customer)) => ChannelStage::Provision {
                customer: customer_name(call, &customer)?,
            },
            (ChannelStage::Import { .. }, Answer::ChannelCustomer(customer)) => {
                ChannelStage::Done {
                    outcome: Outcome::Transferred {
                        customer: customer_name(call, &customer)?.to_string(),
                        purchase: None,
                    },
                }
            }
            (
                ChannelStage::Provision { customer }
                | ChannelStage::ProvisionPending { customer, .. },
                Answer::Operation(operation),
            ) => {
                return self.operation(
                    Call::ChannelCustomersProvisionCloudIdentity,
                    customer,
                    &operation,
                );
            }
            (
                ChannelStage::Entitle { customer } | ChannelStage::EntitlePending { customer, .. },
                Answer::Operation(operation),
            ) => {
                return self.operation(Call::ChannelEntitlementsCreate, customer, &operation);
            }
            _ => return Ok(Transition::OutOfSequence(awaiting)),
        };
        Ok(Transition::To(stage, None))
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
