//! Layer 5, journey. The onboarding journey after the form: every Google call, as a sans-I/O state machine
//! (feature `serde`).
//!
//! Adding a customer is several calls: look the account up, create it, provision its Cloud
//! Identity (Channel), buy the order. A [`Journey`] says which request comes next; **you** send
//! it with your HTTP client, deserialise Google's answer into an [`Answer`] and hand it back with
//! [`Journey::handle`]; the journey moves on. It never does I/O, never sleeps, never reads a
//! clock: like the cores of quinn-proto (`poll_transmit` / `handle_event`) and rustls, it is a
//! plain value you drive. Its state is `Serialize`/`Deserialize` (in [`persist`](crate::persist)), so a service can store it
//! while an operation is pending and resume after a restart.
//!
//! ```text
//!  Cloud Channel                                   Reseller
//!  -------------                                   --------
//!  check accounts --owned--> customers.get:         customers.get --200, ours--> (order?) list its
//!     |           no Cloud Identity: provision;
//!     |           order: entitlements.list, buy unless held; else Done(AlreadyYours)
//!     | none        +-elsewhere-> Needs(token)          | 404   |   subscriptions; buy it unless held
//!     v                             | give_token        |       +-403, short 200-> Stopped (transfer)
//!  customers.create                 v                   v
//!     | Customer{name}        customers.import     customers.insert --409/outage--> get again:
//!     v                             | Customer          |  404: insert again; ours: go on;
//!  provisionCloudIdentity           v                   |  not ours after a 409: Stopped (transfer)
//!     | Operation <-+         listTransferableSkus      | customerId   transfer_with(token): insert
//!     +-pending-> Poll{delay}+      | (paged)           |              with ?customerAuthToken
//!     v done                  listTransferableOffers    +- domain, no token: Needs(AdminPassword),
//!  (no offer named)                 | per SKU           |  users.insert, users.makeAdmin
//!  listPurchasableSkus              v                   +- token: subscriptions.list, then an
//!     | the order's SKU       transferEntitlements      |  insert per listed subscription
//!  listPurchasableOffers            | Operation, Poll   v
//!     | one fit (none/several:      v              subscriptions.insert (the order, unless held)
//!     |  Stopped; give_offer) Done(Transferred)         | Subscription
//!  entitlements.create                                  v
//!     | Operation <-+                              Done(Created / Transferred)
//!     +-pending-> Poll+
//!     v done
//!  Done(Created)
//!
//!  A retryable error on a step safe to resend -> Retry(same step, delay, attempt); after the
//!  API's last retry, or on another step -> Stopped(report). The steps that are not safe to
//!  resend are checked again first: the Reseller insert (customers.get), Channel
//!  customers.create (customers.list on the domain) and provisionCloudIdentity
//!  (customers.get); each is resent only if Google does not hold what it makes. An answer about another resource than the request -> journey.mismatch.
//!  Any other Google error body -> Stopped(report); an answer out of sequence -> JourneyError,
//!  state unchanged.
//! ```
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::journey::{Answer, Journey, Next};
//! use gws_onboarding::wire::{Call, reseller};
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let mut journey = Journey::reseller(&customer);
//! let Next::Send(step) = journey.next_step() else { panic!() };
//! assert_eq!(step.call(), Call::ResellerCustomersGet);
//! assert_eq!(step.path(), "apps/reseller/v1/customers/acme-widgets.fr");
//! // ... GET it; Google answers 404: free to create.
//! let not_found = serde_json::from_str(r#"{"error": {"code": 404, "message": "Not found"}}"#)?;
//! let Next::Send(step) = journey.handle(Answer::ResellerError(not_found))? else { panic!() };
//! assert_eq!(step.call(), Call::ResellerCustomersInsert);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod answer;
mod channel;
mod error;
mod outcome;
mod reseller;
mod restore;
mod retry;
mod step;

pub use answer::{Answer, AnswerKind, Need};
pub use channel::offer::ChoiceProblem;
pub use channel::resend::ResendProblem;
pub use error::{Expected, JourneyError};
pub use outcome::{Next, Outcome, Stop};
pub use step::{Api, Body, Redacted, Step};

pub(crate) use restore::{Parts, RouteParts};
pub(crate) use retry::Retrying;

use channel::{ChannelRoute, ChannelStage};
use outcome::Transition;
use reseller::{ResellerRoute, ResellerStage};

use crate::customer::{CloudIdentityId, Customer};
use crate::order::OfferName;
use crate::report::Report;
use crate::wire::directory::AdminPassword;
use crate::wire::{Call, RequestId, TransferToken};

#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // one per journey, never in a collection
enum Route {
    Channel(ChannelRoute),
    Reseller(ResellerRoute),
}

/// The onboarding journey of one validated customer (and its order, when the form has one),
/// on one API. See the [module docs](self) for the calls and the state diagram.
///
/// Drive it with [`next_step`](Self::next_step) and [`handle`](Self::handle). Its serde form
/// (camelCase JSON) is its whole state: the customer, as a saved
/// [`Customer`] is (its form); what you gave it (account, `requestId`, offer, token); where
/// it stands; a retry; and a stopped journey's [`Report`]. No request body is stored: on
/// deserialisation the customer is validated again and the bodies are made again from it, and
/// a stage the journey could not have reached with that customer is refused (a customer of
/// another account, a purchase without an order, a Channel state stopped on a Reseller call, a
/// transfer outcome without a token, a stop without its report…).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{Answer, Journey, Next};
/// use gws_onboarding::customer::CloudIdentityId;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let mut journey = Journey::channel(&customer, CloudIdentityId::parse("C01abcd2e")?);
/// let Next::Send(check) = journey.next_step() else { panic!() };
/// assert_eq!(check.path(), "v1/accounts/C01abcd2e:checkCloudIdentityAccountsExist");
/// let none = serde_json::from_str(r#"{}"#)?;
/// let Next::Send(create) = journey.handle(Answer::CheckAccounts(none))? else { panic!() };
/// let created = serde_json::from_str(r#"{"name": "accounts/C01abcd2e/customers/S42"}"#)?;
/// let Next::Send(provision) = journey.handle(Answer::ChannelCustomer(created))? else { panic!() };
/// assert_eq!(provision.path(), "v1/accounts/C01abcd2e/customers/S42:provisionCloudIdentity");
/// // Store it while the operation runs, resume later.
/// let stored = serde_json::to_string(&journey)?;
/// let resumed: Journey = serde_json::from_str(&stored)?;
/// assert_eq!(resumed, journey);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    /// The customer the journey onboards: every body is made from it, and it is what is
    /// stored, so a reloaded journey's bodies are those of a customer validated again.
    customer: Customer,
    route: Route,
    /// The retry waiting to be sent, when Google could not answer the current step.
    retrying: Option<retry::Retrying>,
    report: Report,
}

/// The steps sent when every answer is a success, for `customer` on `api`, with brace
/// placeholders for what Google assigns or the reseller looks up: `{account}`, `{customer}`,
/// `{customerId}`, and `{offer}` when the order names no offer. Without an order the plan
/// stops after creation (Channel: check, create, provision; Reseller: get, insert).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{self, Api};
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let calls: Vec<_> = journey::plan(&customer, Api::Channel).iter()
///     .map(|s| s.call().method_id()).collect();
/// assert_eq!(calls, ["cloudchannel.accounts.checkCloudIdentityAccountsExist",
///     "cloudchannel.accounts.customers.create",
///     "cloudchannel.accounts.customers.provisionCloudIdentity"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn plan(customer: &Customer, api: Api) -> Vec<Step> {
    match api {
        Api::Channel => ChannelRoute::new(customer, None).into_plan(),
        Api::Reseller => ResellerRoute::new(customer).into_plan(),
    }
}

impl Journey {
    /// The Cloud Channel journey of `customer` for the reseller account `account`
    /// (`accounts/{account}`).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Api, Journey};
    /// use gws_onboarding::customer::CloudIdentityId;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(Journey::channel(&customer, CloudIdentityId::parse("C1")?).api(), Api::Channel);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn channel(customer: &Customer, account: CloudIdentityId) -> Journey {
        Journey {
            customer: customer.clone(),
            route: Route::Channel(ChannelRoute::new(customer, Some(account))),
            retrying: None,
            report: Report::default(),
        }
    }

    /// The Reseller API journey of `customer`.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Api, Journey};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(Journey::reseller(&customer).api(), Api::Reseller);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reseller(customer: &Customer) -> Journey {
        Journey {
            customer: customer.clone(),
            route: Route::Reseller(ResellerRoute::new(customer)),
            retrying: None,
            report: Report::default(),
        }
    }

    /// The same journey sending `request_id` with `entitlements.create` and a transfer's
    /// `transferEntitlements` (Channel), so that a retried purchase or transfer is not a
    /// second one. It is stored with the journey, with or without an order. No effect on a
    /// Reseller journey.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// use gws_onboarding::{customer::CloudIdentityId, wire::RequestId};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let journey = Journey::channel(&customer, CloudIdentityId::parse("C1")?)
    ///     .with_request_id(RequestId::parse(RequestId::EXAMPLE)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_request_id(mut self, request_id: RequestId) -> Journey {
        if let Route::Channel(route) = &mut self.route {
            route.set_request_id(request_id);
        }
        self
    }

    /// The same Reseller journey with the temporary password of the domain customer's first
    /// super admin, created after `customers.insert` with Directory `users.insert` (and
    /// `changePasswordAtNextLogin`), then made super admin with `users.makeAdmin`. Without it
    /// the journey [`Needs`](Next::Needs) [`Need::AdminPassword`] at that step. The password is
    /// never stored: a journey reloaded before `users.insert` was sent asks for it again. No
    /// effect on a Channel journey (`provisionCloudIdentity` creates the admin) or for a team
    /// customer (Google creates its admin when the address is verified).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// use gws_onboarding::wire::{Call, directory::AdminPassword};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer)
    ///     .with_admin_password(AdminPassword::parse("Temp-2026-pass")?);
    /// journey.handle(Answer::ResellerError(serde_json::from_str(r#"{"error": {"code": 404}}"#)?))?;
    /// let created = serde_json::from_str(r#"{"customerId": "C0abc", "customerDomain": "acme-widgets.fr"}"#)?;
    /// let Next::Send(step) = journey.handle(Answer::ResellerCustomer(created))? else { panic!() };
    /// assert_eq!(step.call(), Call::DirectoryUsersInsert);
    /// assert_eq!(step.url(), "https://admin.googleapis.com/admin/directory/v1/users");
    /// assert!(!format!("{step:?}").contains("Temp-2026-pass"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_admin_password(mut self, password: AdminPassword) -> Journey {
        if let Route::Reseller(route) = &mut self.route {
            if route.creates_admin() {
                route.admin_password = Some(password);
            }
        }
        self
    }

    /// Gives the admin's temporary password when the journey [`Needs`](Next::Needs)
    /// [`Need::AdminPassword`] (or before, for a Reseller journey that will create the admin);
    /// see [`with_admin_password`](Self::with_admin_password).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// use gws_onboarding::wire::directory::AdminPassword;
    /// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// // A team customer's admin is created by Google.
    /// assert!(journey.give_admin_password(AdminPassword::parse("Temp-2026-pass")?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`JourneyError::NotNeeded`] on a Channel journey, for a team customer, in a transfer,
    /// or once `users.insert` was answered; the journey is then unchanged.
    pub fn give_admin_password(&mut self, password: AdminPassword) -> Result<Next, JourneyError> {
        let not_needed = JourneyError::NotNeeded {
            need: Need::AdminPassword,
        };
        let Route::Reseller(route) = &mut self.route else {
            return Err(not_needed);
        };
        let before = matches!(
            route.stage,
            ResellerStage::Get
                | ResellerStage::Insert { .. }
                | ResellerStage::Recheck { .. }
                | ResellerStage::CreateAdmin { .. }
        );
        if !before || !route.creates_admin() {
            return Err(not_needed);
        }
        route.admin_password = Some(password);
        Ok(self.next_step())
    }

    /// The same Channel journey as a dry run: `provisionCloudIdentity` is sent with
    /// `validateOnly`, so Google checks the Cloud Identity (admin address, domain) without
    /// creating it, and the journey ends [`Outcome::Validated`] after that call, buying
    /// nothing. The check and `customers.create` are still sent: Google validates the
    /// provisioning of an existing Channel customer. No effect on a Reseller journey, which has
    /// no dry run.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next, Outcome};
    /// use gws_onboarding::customer::CloudIdentityId;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::channel(&customer, CloudIdentityId::parse("C1")?).validate_only();
    /// journey.handle(Answer::CheckAccounts(serde_json::from_str("{}")?))?;
    /// let created = serde_json::from_str(r#"{"name": "accounts/C1/customers/S42"}"#)?;
    /// let Next::Send(provision) = journey.handle(Answer::ChannelCustomer(created))? else { panic!() };
    /// assert_eq!(serde_json::to_value(provision.body())?["validateOnly"], true);
    /// let done = serde_json::from_str(r#"{"name": "operations/v1", "done": true, "response": {}}"#)?;
    /// let next = journey.handle(Answer::Operation(done))?;
    /// assert_eq!(next, Next::Done(Outcome::Validated { customer: "accounts/C1/customers/S42".into() }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn validate_only(mut self) -> Journey {
        if let Route::Channel(route) = &mut self.route {
            route.set_validate_only();
        }
        self
    }

    /// The API the journey goes through.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Api, Journey};
    /// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(Journey::reseller(&customer).api(), Api::Reseller);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn api(&self) -> Api {
        match self.route {
            Route::Channel(_) => Api::Channel,
            Route::Reseller(_) => Api::Reseller,
        }
    }

    /// The steps sent from the start when every answer is a success (see [`plan`]); the
    /// placeholders `{customer}`, `{customerId}` and `{password}` stand for what Google
    /// assigns and what you give.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let plan = Journey::reseller(&customer).plan();
    /// // get, insert, then the admin: users.insert and users.makeAdmin.
    /// assert_eq!(plan.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> Vec<Step> {
        self.clone().into_plan()
    }

    /// [`plan`](Self::plan), moving the bodies into the steps.
    fn into_plan(self) -> Vec<Step> {
        match self.route {
            Route::Channel(route) => route.into_plan(),
            Route::Reseller(route) => route.into_plan(),
        }
    }

    /// What to do now. Calling it again without [`handle`](Self::handle) gives the same
    /// answer. A request whose answer was lost may be sent again only when its call
    /// [`is_safe_to_resend`](Call::is_safe_to_resend). Another may have been carried out:
    /// hand the journey the error you got instead (a 503 when the answer was lost). A
    /// Reseller `customers.insert` is then checked again with `customers.get`, a Channel
    /// `customers.create` with `customers.list` on the domain and a `provisionCloudIdentity`
    /// with `customers.get`, the admin's Directory `users.insert` with `users.get`, the
    /// order's `subscriptions.insert` with `subscriptions.list`, before any is resent; for a
    /// transfer's `subscriptions.insert`, look at what Google holds before starting again.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Journey, Next};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let journey = Journey::reseller(&customer);
    /// assert_eq!(journey.next_step(), journey.next_step());
    /// assert!(matches!(journey.next_step(), Next::Send(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn next_step(&self) -> Next {
        let next = match &self.route {
            Route::Channel(route) => route.next_step(&self.report),
            Route::Reseller(route) => route.next_step(&self.report),
        };
        match (self.retrying, next) {
            (
                Some(retry),
                Next::Send(step) | Next::Poll { step, .. } | Next::Retry { step, .. },
            ) => Next::Retry {
                step,
                delay: retry.delay(),
                attempt: retry.attempt,
            },
            (_, next) => next,
        }
    }

    /// The call whose answer the journey waits for.
    fn awaiting(&self) -> Option<Call> {
        match &self.route {
            Route::Channel(route) => route.awaiting(),
            Route::Reseller(route) => route.awaiting(),
        }
    }

    /// Hands Google's answer to the step [`next_step`](Self::next_step) gave, and returns the
    /// next one.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next, Outcome};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let mine = serde_json::from_str(r#"{"customerId": "C0abc", "customerDomain": "acme-widgets.fr",
    ///     "customerDomainVerified": true, "alternateEmail": "it@example.com"}"#)?;
    /// let next = journey.handle(Answer::ResellerCustomer(mine))?;
    /// assert_eq!(next, Next::Done(Outcome::AlreadyYours { customer: "C0abc".into() }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`JourneyError::OutOfSequence`] for an answer of another kind than the step awaits (a
    /// `Subscription` while `customers.get` is awaited, any answer once done), and
    /// [`JourneyError::Unreadable`] for an answer whose needed value is missing or malformed
    /// (a created Channel customer without `name`, a pending operation named `../x`), and
    /// [`JourneyError::Mismatch`] for an answer about another resource than the request
    /// named (another operation, another domain, another account, another subscription). The
    /// journey is unchanged either way.
    pub fn handle(&mut self, answer: Answer) -> Result<Next, JourneyError> {
        let found = answer.kind();
        if let Some(call) = self.awaiting() {
            let previous = self.retrying.map_or(0, |r| r.attempt);
            if let Some(retry) = retry::decide(&answer, call, previous) {
                self.retrying = Some(retry);
                return Ok(self.next_step());
            }
        }
        let report = match &mut self.route {
            Route::Channel(route) => match route.handle(answer)? {
                Transition::To(stage, report) => {
                    route.stage = stage;
                    report
                }
                Transition::OutOfSequence(awaiting) => {
                    return Err(JourneyError::OutOfSequence { awaiting, found });
                }
            },
            Route::Reseller(route) => match route.handle(answer)? {
                Transition::To(stage, report) => {
                    route.stage = stage;
                    // The admin's password is dropped as soon as it is no longer needed.
                    if !matches!(
                        route.stage,
                        ResellerStage::Get
                            | ResellerStage::Insert { .. }
                            | ResellerStage::Recheck { .. }
                            | ResellerStage::CreateAdmin { .. }
                            | ResellerStage::FindAdmin { .. }
                    ) {
                        route.admin_password = None;
                    }
                    report
                }
                Transition::OutOfSequence(awaiting) => {
                    return Err(JourneyError::OutOfSequence { awaiting, found });
                }
            },
        };
        self.retrying = None;
        if let Some(report) = report {
            self.report = report;
        }
        Ok(self.next_step())
    }

    /// Gives the customer's transfer token when the journey [`Needs`](Next::Needs)
    /// [`Need::TransferToken`] (Channel: the account exists elsewhere; the next step imports
    /// it), or goes on as a transfer after a stop that [`can_transfer`](Stop::can_transfer)
    /// (Reseller: `customers.insert` again, with `customerAuthToken`).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// use gws_onboarding::wire::TransferToken;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// journey.handle(Answer::ResellerError(serde_json::from_str(r#"{"error": {"code": 404}}"#)?))?;
    /// journey.handle(Answer::ResellerError(serde_json::from_str(r#"{"error": {"code": 409}}"#)?))?;
    /// // 409: the journey looks again; the customer is not ours (403).
    /// journey.handle(Answer::ResellerError(serde_json::from_str(r#"{"error": {"code": 403}}"#)?))?;
    /// let Next::Send(step) = journey.give_token(TransferToken::parse("0a1b2c")?)? else { panic!() };
    /// assert_eq!(step.path(), "apps/reseller/v1/customers?customerAuthToken=0a1b2c");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`JourneyError::NotNeeded`] when the journey neither needs a token nor stopped on an
    /// existing customer; it is then unchanged.
    pub fn give_token(&mut self, token: TransferToken) -> Result<Next, JourneyError> {
        let not_needed = JourneyError::NotNeeded {
            need: Need::TransferToken,
        };
        match &mut self.route {
            Route::Channel(route) => match &route.stage {
                ChannelStage::NeedsToken { identity } => {
                    route.stage = ChannelStage::Import {
                        identity: identity.clone(),
                        token,
                        resent: 0,
                    };
                }
                _ => return Err(not_needed),
            },
            Route::Reseller(route) => match route.stage {
                ResellerStage::Stopped { transfer: true, .. } => {
                    route.token = Some(token);
                    route.stage = ResellerStage::Insert { resent: 0 };
                    self.report = Report::default();
                }
                _ => return Err(not_needed),
            },
        }
        Ok(self.next_step())
    }

    /// [`give_token`](Self::give_token) by another name: go on as a transfer.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// use gws_onboarding::wire::TransferToken;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// assert!(journey.transfer_with(TransferToken::parse("0a")?).is_err()); // nothing to transfer yet
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`give_token`](Self::give_token).
    pub fn transfer_with(&mut self, token: TransferToken) -> Result<Next, JourneyError> {
        self.give_token(token)
    }

    /// Gives the Channel offer to buy, overriding the journey's own choice, for an order that
    /// names none. The journey chooses it itself from `listPurchasableOffers` (the offer that
    /// sells the order's plan); give it while the journey lists (instead of answering the
    /// listing), or after it stopped because no single offer fits (`offer.plan_not_offered`,
    /// `offer.several`, `offer.sku_not_offered`, `offer.endless_listing`): the next step is
    /// then the purchase of `offer`.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// # use gws_onboarding::order::OfferName;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// assert!(journey.give_offer(OfferName::parse("accounts/C1/offers/O1")?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`JourneyError::NotNeeded`] unless the journey is choosing an offer (or stopped
    /// choosing one), and
    /// [`JourneyError::Mismatch`] for an offer of another account than the journey's
    /// (`accounts/{account}/offers/…`); the journey is then unchanged.
    pub fn give_offer(&mut self, offer: OfferName) -> Result<Next, JourneyError> {
        let needs_offer = matches!(self.next_step(), Next::Needs(Need::Offer));
        let Route::Channel(route) = &mut self.route else {
            return Err(JourneyError::NotNeeded { need: Need::Offer });
        };
        let choosing = match &route.stage {
            ChannelStage::FindSku { customer, .. }
            | ChannelStage::FindOffer { customer, .. }
            | ChannelStage::NoOffer { customer, .. } => Some(customer.clone()),
            ChannelStage::Entitle { customer, .. } if needs_offer => Some(customer.clone()),
            _ => None,
        };
        let Some(customer) = choosing.filter(|_| route.needs_offer()) else {
            return Err(JourneyError::NotNeeded { need: Need::Offer });
        };
        let account = route.account.as_ref().map_or("", CloudIdentityId::as_str);
        if offer.account_id() != account {
            return Err(JourneyError::Mismatch {
                call: Call::ChannelEntitlementsCreate,
                asked: format!("accounts/{account}"),
                found: crate::error::snippet(offer.as_str()),
            });
        }
        let moved = route.stage.moved().cloned();
        route.set_offer(offer);
        route.stage = ChannelStage::Entitle {
            customer,
            chosen: None,
            moved,
        };
        self.retrying = None;
        self.report = Report::default();
        Ok(self.next_step())
    }
}

impl Journey {
    /// The parts to store (see [`restore`]).
    pub(crate) fn to_parts(&self) -> Parts {
        let route = match &self.route {
            Route::Channel(route) => RouteParts::Channel {
                account: route.account.clone(),
                request_id: route.request_id.clone(),
                offer: route.offer.clone(),
                validate_only: route.validate_only,
                stage: route.stage.clone(),
            },
            Route::Reseller(route) => RouteParts::Reseller {
                token: route.token.clone(),
                stage: route.stage.clone(),
            },
        };
        Parts {
            customer: self.customer.clone(),
            route,
            retrying: self.retrying,
            report: self.report.clone(),
        }
    }

    /// The journey of stored `parts`, or why no journey could be in that state: the bodies
    /// are made again from the customer, and the stage is checked against it.
    pub(crate) fn restore(parts: Parts) -> Result<Journey, String> {
        let Parts {
            customer,
            route,
            retrying,
            report,
        } = parts;
        let route = match route {
            RouteParts::Channel {
                account,
                request_id,
                offer,
                validate_only,
                stage,
            } => Route::Channel(restore::channel_route(
                &customer,
                account,
                (request_id, offer, validate_only),
                stage,
            )?),
            RouteParts::Reseller { token, stage } => {
                Route::Reseller(restore::reseller_route(&customer, token, stage)?)
            }
        };
        let journey = Journey {
            customer,
            route,
            retrying,
            report,
        };
        let stopped = match &journey.route {
            Route::Channel(route) => matches!(
                route.stage,
                ChannelStage::Stopped { .. } | ChannelStage::NoOffer { .. }
            ),
            Route::Reseller(route) => matches!(route.stage, ResellerStage::Stopped { .. }),
        };
        restore::check_report_and_retry(stopped, &journey.report, journey.awaiting(), retrying)?;
        Ok(journey)
    }
}
