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
//!
//! The same reads serve a customer the check says is ours (perhaps our own earlier journey
//! created it and stopped): `customers.get`, then provisioning if it has no Cloud Identity,
//! or `entitlements.list` to buy the order unless it holds it.

use std::fmt;

use crate::error::{Lang, snippet};
use crate::report::Report;
use crate::wire::channel::{
    self, CUSTOMERS_PAGE_SIZE, CustomerPage, ImportIdentity, cloud_identity_filter, domain_filter,
};
use crate::wire::{Backoff, Call, CustomerName, GoogleErrorKind, PageToken, percent_encode};

use super::super::error::{Expected, JourneyError};
use super::super::outcome::{Outcome, Transition, report_of, wait_ms};
use super::super::step::Step;
use super::ChannelRoute;
use super::lists;
use super::offer::{ChoiceProblem, Paging, paging};
use super::stage::{ChannelStage, Importing};

/// What to do after an error answering `call`, sent `resent` times again so far: look at what
/// Google holds (the next resend count, the wait in milliseconds, and whether Google said the
/// resource exists), or `None` to stop on the error.
pub(super) fn lost(call: Call, resent: u32, body: &channel::ErrorBody) -> Option<(u32, u64, bool)> {
    let next = resent.checked_add(1)?;
    let first = body.google_errors(call).into_iter().next()?;
    // `ALREADY_EXISTS` on a first provisioning is Google's conflict (the domain or the admin's
    // address is taken), reported as such; after a resend it may be our own lost call.
    let exists = first.kind() == GoogleErrorKind::AlreadyExists
        && (call != Call::ChannelCustomersProvisionCloudIdentity || resent > 0);
    let delay = if exists {
        Backoff::CHANNEL.delay(next)?
    } else {
        first.retry_delay(next)?
    };
    Some((next, wait_ms(delay), exists))
}

/// `customers.list` of the account's customers on `domain`, or, for an import by Cloud
/// Identity id (a team customer), of that id.
pub(super) fn find_created_step(
    account: &str,
    domain: &str,
    import: Option<&Importing>,
    page: Option<&PageToken>,
) -> Step {
    let filter = match import.map(|i| &i.identity) {
        Some(ImportIdentity::CloudIdentityId(id)) => cloud_identity_filter(id.as_str()),
        _ => domain_filter(domain),
    };
    let page = page
        .map(|p| format!("&pageToken={}", p.query_value()))
        .unwrap_or_default();
    Step::get(
        Call::ChannelListCustomers,
        format!(
            "v1/accounts/{account}/customers?pageSize={CUSTOMERS_PAGE_SIZE}&filter={}{page}",
            percent_encode(&filter)
        ),
    )
}

/// Why the journey stopped after reading what Google holds, following a `customers.create`
/// whose answer said nothing of what Google did (in a stop's report, on `domain`).
///
/// ```
/// use gws_onboarding::journey::ResendProblem;
/// use gws_onboarding::{Diagnostic, Lang};
/// let p = ResendProblem::DuplicateCustomers { count: 2 };
/// assert_eq!(p.code(), "resend.duplicate_customers");
/// assert!(p.message(Lang::Fr).starts_with("2 clients de votre compte Cloud Channel"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResendProblem {
    /// `customers.list` finds several customers of the account on the domain: one was created
    /// twice.
    DuplicateCustomers {
        /// How many were listed.
        count: u32,
    },
    /// `customers.create` answered `ALREADY_EXISTS`, yet `customers.list` finds no customer
    /// of the account on the domain, after the Channel schedule's waits.
    ExistsUnlisted,
}

impl ResendProblem {
    /// The stable code: `resend.duplicate_customers` or `resend.exists_unlisted`.
    ///
    /// ```
    /// use gws_onboarding::journey::ResendProblem;
    /// assert_eq!(ResendProblem::ExistsUnlisted.code(), "resend.exists_unlisted");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ResendProblem::DuplicateCustomers { .. } => "resend.duplicate_customers",
            ResendProblem::ExistsUnlisted => "resend.exists_unlisted",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::ResendProblem};
    /// assert!(ResendProblem::ExistsUnlisted.message(Lang::En).contains("Partner Sales Console"));
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ResendProblem::DuplicateCustomers { count }, Lang::Fr) => format!(
                "{count} clients de votre compte Cloud Channel portent ce domaine, dont un créé en \
                 double : gardez-en un dans la Partner Sales Console, supprimez les autres, puis \
                 relancez"
            ),
            (ResendProblem::DuplicateCustomers { count }, _) => format!(
                "{count} customers of your Cloud Channel account are on this domain, one of them \
                 created twice: keep one in the Partner Sales Console, delete the others, then \
                 start again"
            ),
            (ResendProblem::ExistsUnlisted, Lang::Fr) => "aucun client de votre compte Cloud \
                 Channel ne porte ce domaine, mais Google indique que ce client existe déjà : \
                 vérifiez le domaine dans la Partner Sales Console (il peut s'agir du client d'un \
                 autre revendeur), puis relancez"
                .to_owned(),
            (ResendProblem::ExistsUnlisted, _) => "no customer of your Cloud Channel account is \
                 on this domain, yet Google says this customer already exists: check the domain \
                 in the Partner Sales Console (it may be another reseller's customer), then start \
                 again"
                .to_owned(),
        }
    }
}

impl fmt::Display for ResendProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ResendProblem {}

crate::error::impl_diagnostic!(ResendProblem);

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
    pub(super) import: Option<&'a Importing>,
}

impl ChannelRoute {
    /// The stage after an error answering `customers.create` (`Create { resent }`) or
    /// `provisionCloudIdentity` (`Provision { customer, resent }`), or `None` to stop on it.
    pub(super) fn lost_answer(&self, body: &channel::ErrorBody) -> Option<ChannelStage> {
        let (call, resent, import) = match &self.stage {
            ChannelStage::Create { resent } => (Call::ChannelCustomersCreate, *resent, None),
            ChannelStage::Import {
                identity,
                token,
                resent,
            } => (
                Call::ChannelCustomersImport,
                *resent,
                Some(Importing {
                    identity: identity.clone(),
                    token: token.clone(),
                }),
            ),
            _ => return self.lost_operation(body),
        };
        let (resent, delay_ms, conflict) = lost(call, resent, body)?;
        Some(ChannelStage::FindCreated {
            resent,
            delay_ms,
            conflict,
            page: None,
            pages: 0,
            import,
        })
    }

    /// The stage after an error answering `provisionCloudIdentity` or `entitlements.create`,
    /// or `None` to stop on it.
    fn lost_operation(&self, body: &channel::ErrorBody) -> Option<ChannelStage> {
        match &self.stage {
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
            ChannelStage::Entitle { customer, .. } => {
                let first = body
                    .google_errors(Call::ChannelEntitlementsCreate)
                    .into_iter()
                    .next()?;
                // Our own purchase, resent after a lost answer, or one an earlier journey
                // made: is the order's SKU held?
                (first.kind() == GoogleErrorKind::AlreadyExists).then(|| ChannelStage::Held {
                    customer: customer.clone(),
                    page: None,
                    pages: 0,
                    bought: true,
                })
            }
            _ => None,
        }
    }

    /// Which listed customer is ours, on our domain (or, for an import by Cloud Identity id,
    /// of that id).
    fn finding(
        &self,
        answer: &CustomerPage,
        import: Option<&Importing>,
    ) -> Result<Finding, JourneyError> {
        let call = Call::ChannelListCustomers;
        let domain = self.create.domain().as_str();
        let mut found = Vec::new();
        for listed in answer.customers() {
            match import.map(|i| &i.identity) {
                Some(ImportIdentity::CloudIdentityId(id)) => {
                    if let Some(theirs) = listed.cloud_identity_id().filter(|t| *t != id.as_str()) {
                        return Err(JourneyError::Mismatch {
                            call,
                            asked: id.to_string(),
                            found: snippet(theirs),
                        });
                    }
                }
                _ => super::check_domain(call, listed.domain(), domain)?,
            }
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
        let found = self.finding(answer, looking.import)?;
        if let (Some(import), Finding::Found(customer, _)) = (looking.import, &found) {
            // Imported: the transfer goes on from its listing.
            return Ok(Transition::To(
                ChannelStage::TransferSkus {
                    customer: customer.clone(),
                    token: import.token.clone(),
                    page: None,
                    pages: 0,
                    skus: Vec::new(),
                },
                None,
            ));
        }
        match found {
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
            Finding::Several(count) => stop(
                call,
                Report::of(
                    "domain",
                    ResendProblem::DuplicateCustomers {
                        count: u32::try_from(count).unwrap_or(u32::MAX),
                    },
                ),
            ),
            Finding::NotOnPage => {
                match paging(call, looking.page, answer.next_page_token(), looking.pages) {
                    Ok(Paging::Next(next)) => Ok(Transition::To(
                        ChannelStage::FindCreated {
                            resent: looking.resent,
                            delay_ms: 0,
                            conflict: looking.conflict,
                            page: Some(next),
                            pages: looking.pages.saturating_add(1),
                            import: looking.import.cloned(),
                        },
                        None,
                    )),
                    Ok(Paging::Last) => Ok(not_created(looking)),
                    Err(_) => stop(
                        call,
                        Report::of("domain", ChoiceProblem::EndlessListing { call }),
                    ),
                }
            }
        }
    }

    /// A page of what a customer of ours holds: done if it holds the order, else buy it.
    /// After our own purchase answered `ALREADY_EXISTS` (`bought`): held, created; not,
    /// Google's conflict.
    pub(super) fn on_held(
        &self,
        customer: &CustomerName,
        page: (Option<&PageToken>, u32, bool),
        answer: &channel::EntitlementPage,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        let sku_id = self.order.as_ref().map(|o| o.product().sku_id());
        let bought = page.2;
        let held = lists::on_entitlements(customer, sku_id, page, answer)?;
        Ok(match held {
            lists::Held::Yes(purchase) if bought => Transition::To(
                ChannelStage::Done {
                    outcome: Outcome::Created {
                        customer: customer.to_string(),
                        purchase,
                    },
                },
                None,
            ),
            lists::Held::No if bought => Transition::To(
                ChannelStage::Stopped {
                    call: Call::ChannelEntitlementsCreate,
                },
                Some(report_of(
                    GoogleErrorKind::AlreadyExists,
                    Call::ChannelEntitlementsCreate,
                    "entitlements.create answered ALREADY_EXISTS and entitlements.list finds no \
                     entitlement of the order's SKU",
                )),
            ),
            lists::Held::Yes(_) => Transition::To(
                ChannelStage::Done {
                    outcome: Outcome::AlreadyYours {
                        customer: customer.to_string(),
                    },
                },
                None,
            ),
            lists::Held::Next(stage) => Transition::To(stage, None),
            lists::Held::No => Transition::To(self.after_provision(customer), None),
            lists::Held::Stop(report) => Transition::To(
                ChannelStage::Stopped {
                    call: Call::ChannelListEntitlements,
                },
                Some(report),
            ),
        })
    }

    /// A customer of ours read again: provision its Cloud Identity if it has none, else look
    /// whether it holds the order (a journey with an order, not a dry run), else done. After
    /// a provisioning whose answer was lost (`provisioning`), see
    /// [`after_reprovision`](Self::after_reprovision).
    pub(super) fn on_reread(
        &self,
        customer: &CustomerName,
        (resent, provisioning): (u32, bool),
        resource: &channel::CustomerResource,
    ) -> Result<Transition<ChannelStage>, JourneyError> {
        let call = Call::ChannelCustomersGet;
        let name = self.answered_customer(call, resource)?;
        if &name != customer {
            return Err(JourneyError::Mismatch {
                call,
                asked: customer.to_string(),
                found: snippet(name.as_str()),
            });
        }
        let stage = if provisioning {
            self.after_reprovision(&name, resent, resource)
        } else if resource.cloud_identity_id().is_none() {
            ChannelStage::Provision {
                customer: name,
                resent: 0,
            }
        } else if self.entitlement.is_some() && !self.validate_only {
            ChannelStage::Held {
                customer: name,
                page: None,
                pages: 0,
                bought: false,
            }
        } else {
            ChannelStage::Done {
                outcome: Outcome::AlreadyYours {
                    customer: name.to_string(),
                },
            }
        };
        Ok(Transition::To(stage, None))
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

/// No customer of ours on the domain: create it again; after `ALREADY_EXISTS`, look again
/// after the next backoff (filtered listings lag behind a creation), then stop.
fn not_created(looking: &Looking<'_>) -> Transition<ChannelStage> {
    if !looking.conflict {
        let stage = match looking.import {
            Some(import) => ChannelStage::Import {
                identity: import.identity.clone(),
                token: import.token.clone(),
                resent: looking.resent,
            },
            None => ChannelStage::Create {
                resent: looking.resent,
            },
        };
        return Transition::To(stage, None);
    }
    let next = looking.resent.saturating_add(1);
    match Backoff::CHANNEL.delay(next) {
        Some(delay) => Transition::To(
            ChannelStage::FindCreated {
                resent: next,
                delay_ms: wait_ms(delay),
                conflict: true,
                page: None,
                pages: 0,
                import: looking.import.cloned(),
            },
            None,
        ),
        None => Transition::To(
            ChannelStage::Stopped {
                call: if looking.import.is_some() {
                    Call::ChannelCustomersImport
                } else {
                    Call::ChannelCustomersCreate
                },
            },
            Some(Report::of("domain", ResendProblem::ExistsUnlisted)),
        ),
    }
}
