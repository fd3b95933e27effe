//! Layer 5, journey. The onboarding journey after the form: every Google call, as a sans-I/O state machine
//! (feature `serde`).
//!
//! Adding a customer is several calls: look the account up, create it, provision its Cloud
//! Identity (Channel), buy the order. A [`Journey`] says which request comes next; **you** send
//! it with your HTTP client, deserialise Google's answer into an [`Answer`] and hand it back with
//! [`Journey::handle`]; the journey moves on. It never does I/O, never sleeps, never reads a
//! clock: like the cores of quinn-proto (`poll_transmit` / `handle_event`) and rustls, it is a
//! plain value you drive. Its state derives `Serialize`/`Deserialize`, so a service can store it
//! while an operation is pending and resume after a restart.
//!
//! ```text
//!  Cloud Channel                                   Reseller
//!  -------------                                   --------
//!  check accounts --owned--> Done(AlreadyYours)    customers.get --200--> Done(AlreadyYours)
//!     | none        +-elsewhere-> Needs(token)          | 404        +-403-> Stopped (transfer?)
//!     v                             | give_token        v
//!  customers.create                 v              customers.insert --409--> Stopped -+
//!     | Customer{name}        customers.import          | customerId    transfer_with |
//!     v                             | Customer          v      <----------(token)-----+
//!  provisionCloudIdentity           v              subscriptions.insert (with an order)
//!     | Operation <-+         Done(Transferred)         | Subscription
//!     +-pending-> Poll+                                 v
//!     v done                                       Done(Created)
//!  entitlements.create (with an order; Needs(offer) without one)
//!     | Operation <-+
//!     +-pending-> Poll+
//!     v done
//!  Done(Created)
//!
//!  Any Google error body -> Stopped(report); an answer out of sequence -> JourneyError,
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

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer, CustomerKind};
use crate::error::{Lang, snippet};
use crate::order::OfferName;
use crate::report::Report;
use crate::wire::channel::{
    self, AccountsReading, CheckAccountsBody, CheckAccountsResponse, CreateEntitlementBody,
    ImportCustomerBody, ImportIdentity, OfferRef, ProvisionBody,
};
use crate::wire::reseller;
use crate::wire::subscription::{CustomerIdRef, SubscriptionBody, SubscriptionResource};
use crate::wire::{
    Call, CustomerName, HttpMethod, IdError, Operation, OperationName, RequestId, TransferToken,
};

/// Which API the journey goes through.
///
/// ```
/// use gws_onboarding::journey::Api;
/// assert_eq!("channel".parse::<Api>()?, Api::Channel);
/// assert_eq!(Api::Reseller.as_str(), "reseller");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Api {
    /// Reseller API v1 (`reseller.googleapis.com`).
    Reseller,
    /// Cloud Channel API v1 (`cloudchannel.googleapis.com`).
    Channel,
}

impl Api {
    /// `"reseller"` or `"channel"`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::journey::Api::Channel.as_str(), "channel");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Api::Reseller => "reseller",
            Api::Channel => "channel",
        }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Api {
    type Err = JourneyError;

    fn from_str(s: &str) -> Result<Api, JourneyError> {
        match s.trim() {
            t if t.eq_ignore_ascii_case("reseller") => Ok(Api::Reseller),
            t if t.eq_ignore_ascii_case("channel") => Ok(Api::Channel),
            _ => Err(JourneyError::UnknownApi { found: snippet(s) }),
        }
    }
}

/// The body of a [`Step`]: one of the typed request bodies of `wire`, serialised as the
/// body itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Body {
    /// `checkCloudIdentityAccountsExist`.
    CheckAccounts(CheckAccountsBody),
    /// Channel `customers.create`.
    CreateCustomer(channel::CreateCustomerBody),
    /// `provisionCloudIdentity`.
    Provision(ProvisionBody),
    /// `entitlements.create`.
    CreateEntitlement(CreateEntitlementBody),
    /// Channel `customers.import`.
    Import(ImportCustomerBody),
    /// Reseller `customers.insert`.
    InsertCustomer(reseller::CustomerBody),
    /// Reseller `subscriptions.insert`.
    InsertSubscription(SubscriptionBody),
}

/// One HTTP request to send: the Google method, its verb, its REST path (relative to the API
/// root, `https://cloudchannel.googleapis.com/` or `https://reseller.googleapis.com/`) and its
/// body (none for a `GET`).
///
/// Serialises as `{"call": "<method id>", "method": "POST", "path": "...", "body": {...}}`,
/// without `body` for a `GET`.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{self, Api};
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let steps = journey::plan(&customer, Api::Channel);
/// let json = serde_json::to_value(&steps[1])?;
/// assert_eq!(json["call"], "cloudchannel.accounts.customers.create");
/// assert_eq!(json["method"], "POST");
/// assert_eq!(json["path"], "v1/accounts/{account}/customers");
/// assert_eq!(json["body"]["domain"], "acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    call: Call,
    path: String,
    body: Option<Body>,
}

impl Step {
    /// The Google method (its discovery id is [`Call::method_id`]).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::{journey::{self, Api}, wire::Call};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(journey::plan(&customer, Api::Reseller)[0].call(), Call::ResellerCustomersGet);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn call(&self) -> Call {
        self.call
    }

    /// The HTTP verb.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::{journey::{self, Api}, wire::HttpMethod};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(journey::plan(&customer, Api::Reseller)[0].method(), HttpMethod::Get);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn method(&self) -> HttpMethod {
        self.call.http_method()
    }

    /// The REST path, relative to the API root, with its query string if any.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{self, Api};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(journey::plan(&customer, Api::Reseller)[1].path(), "apps/reseller/v1/customers");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The body; `None` for a `GET`.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{self, Api, Body};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let plan = journey::plan(&customer, Api::Reseller);
    /// assert!(plan[0].body().is_none());
    /// assert!(matches!(plan[1].body(), Some(Body::InsertCustomer(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn body(&self) -> Option<&Body> {
        self.body.as_ref()
    }

    /// The kind of [`Answer`] a success (HTTP 2xx) of this step deserialises into; an HTTP
    /// error deserialises into [`AnswerKind::ChannelError`] or [`AnswerKind::ResellerError`].
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{self, Api, AnswerKind};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let plan = journey::plan(&customer, Api::Channel);
    /// assert_eq!(plan[0].expects(), AnswerKind::CheckAccounts);
    /// assert_eq!(plan[2].expects(), AnswerKind::Operation);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expects(&self) -> AnswerKind {
        match self.call {
            Call::ChannelCheckCloudIdentityAccountsExist => AnswerKind::CheckAccounts,
            Call::ChannelCustomersCreate | Call::ChannelCustomersImport => {
                AnswerKind::ChannelCustomer
            }
            Call::ResellerCustomersGet | Call::ResellerCustomersInsert => {
                AnswerKind::ResellerCustomer
            }
            Call::ResellerSubscriptionsInsert => AnswerKind::Subscription,
            _ => AnswerKind::Operation,
        }
    }

    fn get(call: Call, path: String) -> Step {
        Step {
            call,
            path,
            body: None,
        }
    }

    fn post(call: Call, path: String, body: Body) -> Step {
        Step {
            call,
            path,
            body: Some(body),
        }
    }
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(if self.body.is_some() { 4 } else { 3 }))?;
        map.serialize_entry("call", &self.call)?;
        map.serialize_entry("method", self.method().as_str())?;
        map.serialize_entry("path", &self.path)?;
        if let Some(body) = &self.body {
            map.serialize_entry("body", body)?;
        }
        map.end()
    }
}

/// A decoded answer from Google, handed to [`Journey::handle`]. Deserialise the HTTP body
/// with any serde format: a 2xx body into the type [`Step::expects`] names, an error body
/// into [`Answer::ChannelError`] or [`Answer::ResellerError`].
#[derive(Debug, Clone)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // an answer is built once and moved into `handle`
pub enum Answer {
    /// `checkCloudIdentityAccountsExist`'s answer.
    CheckAccounts(CheckAccountsResponse),
    /// A Channel `Customer` (`customers.create`, `customers.import`).
    ChannelCustomer(channel::CustomerResource),
    /// A long-running operation (`provisionCloudIdentity`, `entitlements.create`, a poll).
    Operation(Operation),
    /// A Channel error body (`google.rpc.Status`), any HTTP status.
    ChannelError(channel::ErrorBody),
    /// A Reseller `Customer` (`customers.get`, `customers.insert`).
    ResellerCustomer(reseller::CustomerResource),
    /// A Reseller `Subscription` (`subscriptions.insert`).
    Subscription(SubscriptionResource),
    /// A Reseller error body, any HTTP status (404 on `customers.get` means free to create).
    ResellerError(reseller::ErrorBody),
}

impl Answer {
    /// Its kind.
    ///
    /// ```
    /// use gws_onboarding::journey::{Answer, AnswerKind};
    /// let answer = Answer::CheckAccounts(serde_json::from_str("{}")?);
    /// assert_eq!(answer.kind(), AnswerKind::CheckAccounts);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> AnswerKind {
        match self {
            Answer::CheckAccounts(_) => AnswerKind::CheckAccounts,
            Answer::ChannelCustomer(_) => AnswerKind::ChannelCustomer,
            Answer::Operation(_) => AnswerKind::Operation,
            Answer::ChannelError(_) => AnswerKind::ChannelError,
            Answer::ResellerCustomer(_) => AnswerKind::ResellerCustomer,
            Answer::Subscription(_) => AnswerKind::Subscription,
            Answer::ResellerError(_) => AnswerKind::ResellerError,
        }
    }
}

/// The kinds of [`Answer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnswerKind {
    /// [`Answer::CheckAccounts`].
    CheckAccounts,
    /// [`Answer::ChannelCustomer`].
    ChannelCustomer,
    /// [`Answer::Operation`].
    Operation,
    /// [`Answer::ChannelError`].
    ChannelError,
    /// [`Answer::ResellerCustomer`].
    ResellerCustomer,
    /// [`Answer::Subscription`].
    Subscription,
    /// [`Answer::ResellerError`].
    ResellerError,
}

impl AnswerKind {
    /// Every kind.
    pub const ALL: [AnswerKind; 7] = [
        AnswerKind::CheckAccounts,
        AnswerKind::ChannelCustomer,
        AnswerKind::Operation,
        AnswerKind::ChannelError,
        AnswerKind::ResellerCustomer,
        AnswerKind::Subscription,
        AnswerKind::ResellerError,
    ];

    /// What the answer is, in English (Google's type names).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::journey::AnswerKind::Operation.as_str(), "an Operation");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AnswerKind::CheckAccounts => "a CheckCloudIdentityAccountsExistResponse",
            AnswerKind::ChannelCustomer => "a Cloud Channel Customer",
            AnswerKind::Operation => "an Operation",
            AnswerKind::ChannelError => "a Cloud Channel error",
            AnswerKind::ResellerCustomer => "a Reseller Customer",
            AnswerKind::Subscription => "a Reseller Subscription",
            AnswerKind::ResellerError => "a Reseller error",
        }
    }

    fn french(self) -> &'static str {
        match self {
            AnswerKind::CheckAccounts => "une CheckCloudIdentityAccountsExistResponse",
            AnswerKind::ChannelCustomer => "un Customer Cloud Channel",
            AnswerKind::Operation => "une Operation",
            AnswerKind::ChannelError => "une erreur Cloud Channel",
            AnswerKind::ResellerCustomer => "un Customer Reseller",
            AnswerKind::Subscription => "une Subscription Reseller",
            AnswerKind::ResellerError => "une erreur Reseller",
        }
    }
}

impl fmt::Display for AnswerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the journey needs from you before it can go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Need {
    /// The customer's transfer token ([`Journey::give_token`]): the account exists and is not
    /// yours.
    TransferToken,
    /// The Channel offer to buy ([`Journey::give_offer`]): the order names none.
    Offer,
}

/// How the journey ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The customer was created (Channel: and provisioned), and its order bought when there was
    /// one.
    Created {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
        /// Channel: the entitlement's name; Reseller: the `subscriptionId`; `None` without an
        /// order or when Google did not say.
        purchase: Option<String>,
    },
    /// The customer is already yours: nothing was created.
    AlreadyYours {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
    },
    /// An existing account was taken over with its transfer token (Channel `customers.import`;
    /// Reseller `customers.insert` with `customerAuthToken`, then the order).
    Transferred {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
        /// Reseller: the `subscriptionId` when an order was bought.
        purchase: Option<String>,
    },
}

/// Google refused a step: the [`Report`] of its error body, in the form's vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    call: Call,
    report: Report,
    transfer: bool,
}

impl Stop {
    /// The call Google refused (for an operation that failed, the call that started it).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// use gws_onboarding::wire::Call;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let gone = serde_json::from_str(r#"{"error": {"code": 404}}"#)?;
    /// journey.handle(Answer::ResellerError(gone))?;
    /// let exists = serde_json::from_str(r#"{"error": {"code": 409, "message": "exists"}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(exists))? else { panic!() };
    /// assert_eq!(stop.call(), Call::ResellerCustomersInsert);
    /// assert!(stop.can_transfer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn call(&self) -> Call {
        self.call
    }

    /// The violations, with codes and EN/FR messages saying what to do next. Empty for a
    /// journey restored from storage (the report is not stored; keep it yourself).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let denied = serde_json::from_str(r#"{"error": {"code": 403, "message": "Forbidden"}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(denied))? else { panic!() };
    /// let _ = stop.report();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the journey can go on as a transfer: [`Journey::transfer_with`] the customer's
    /// transfer token (Reseller `customers.insert` answered 409, or `customers.get` 403).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let broken = serde_json::from_str(r#"{"error": {"code": 500}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(broken))? else { panic!() };
    /// assert!(!stop.can_transfer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn can_transfer(&self) -> bool {
        self.transfer
    }
}

/// What to do next, from [`Journey::next_step`] and [`Journey::handle`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Next {
    /// Send this request and hand its answer to [`Journey::handle`].
    Send(Step),
    /// An operation is pending: wait (Google suggests seconds), then send this `GET` and hand
    /// the [`Answer::Operation`] back. Store the journey meanwhile if you like.
    Poll(Step),
    /// The journey needs something only you can give.
    Needs(Need),
    /// The journey is over.
    Done(Outcome),
    /// Google refused a step.
    Stopped(Stop),
}

/// A mistake in driving the journey: an answer it cannot use. The journey's state is
/// unchanged.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{Answer, Journey};
/// use gws_onboarding::{Diagnostic, Lang};
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let mut journey = Journey::reseller(&customer);
/// let before = journey.clone();
/// let err = journey.handle(Answer::Subscription(serde_json::from_str("{}")?)).unwrap_err();
/// assert_eq!(err.code(), "journey.out_of_sequence");
/// assert_eq!(err.message(Lang::En),
///     "got a Reseller Subscription while waiting for the answer to reseller.customers.get");
/// assert_eq!(journey, before);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JourneyError {
    /// The answer is not the one the journey waits for (or it waits for none).
    #[error("got {found} while {}", awaiting_en(*.awaiting))]
    OutOfSequence {
        /// The call whose answer the journey waits for; `None` when it waits for no answer
        /// (done, stopped, or needing a token or an offer).
        awaiting: Option<Call>,
        /// What was handed in.
        found: AnswerKind,
    },
    /// The answer is of the right kind but a value the journey needs from it is missing or
    /// malformed.
    #[error("cannot read the answer to {call}: expected {}{}", .expected.text(Lang::En), detail_en(.detail.as_ref()))]
    Unreadable {
        /// The call answered.
        call: Call,
        /// What was expected.
        expected: Expected,
        /// Why the value found was refused.
        detail: Option<IdError>,
    },
    /// [`Journey::give_token`] / [`Journey::transfer_with`] or [`Journey::give_offer`] when
    /// the journey does not need it.
    #[error("the journey does not need {} now", need_en(*.need))]
    NotNeeded {
        /// What was given.
        need: Need,
    },
    /// An API name other than `reseller` or `channel`.
    #[error("unknown API \"{found}\": expected reseller or channel")]
    UnknownApi {
        /// The name, escaped and cut.
        found: String,
    },
}

/// What an unreadable answer lacked ([`JourneyError::Unreadable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// A Channel `Customer`'s `name`, `accounts/{a}/customers/{c}`.
    CustomerName,
    /// The `customerName` of an account the check says is yours.
    OwnedCustomerName,
    /// The `customerCloudIdentityId` of an existing team account (teams are imported by it).
    TeamCloudIdentityId,
    /// A pending operation's `name`, `operations/{id}`.
    OperationName,
}

impl Expected {
    /// What was expected, in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::Expected};
    /// assert_eq!(Expected::OperationName.text(Lang::En), "a pending Operation's name operations/{id}");
    /// ```
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::CustomerName, Lang::Fr) => {
                "le nom du client (Customer.name) accounts/{a}/customers/{c}"
            }
            (Expected::OwnedCustomerName, Lang::Fr) => {
                "le customerName accounts/{a}/customers/{c} du compte qui est déjà votre client"
            }
            (Expected::TeamCloudIdentityId, Lang::Fr) => {
                "le customerCloudIdentityId du compte d'équipe existant"
            }
            (Expected::OperationName, Lang::Fr) => "le nom operations/{id} de l'opération en cours",
            (Expected::CustomerName, _) => "the Customer's name accounts/{a}/customers/{c}",
            (Expected::OwnedCustomerName, _) => {
                "customerName accounts/{a}/customers/{c} of an account that is already yours"
            }
            (Expected::TeamCloudIdentityId, _) => {
                "customerCloudIdentityId of an existing team account"
            }
            (Expected::OperationName, _) => "a pending Operation's name operations/{id}",
        }
    }
}

fn awaiting_en(awaiting: Option<Call>) -> String {
    match awaiting {
        Some(call) => format!("waiting for the answer to {call}"),
        None => "the journey waits for no answer".to_owned(),
    }
}

fn detail_en(detail: Option<&IdError>) -> String {
    detail.map(|e| format!(" ({e})")).unwrap_or_default()
}

fn need_en(need: Need) -> &'static str {
    match need {
        Need::TransferToken => "a transfer token",
        Need::Offer => "an offer",
    }
}

impl JourneyError {
    /// The stable code: `journey.out_of_sequence`, `journey.unreadable`,
    /// `journey.not_needed` or `journey.unknown_api`.
    ///
    /// ```
    /// use gws_onboarding::journey::Api;
    /// assert_eq!("soap".parse::<Api>().unwrap_err().code(), "journey.unknown_api");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            JourneyError::OutOfSequence { .. } => "journey.out_of_sequence",
            JourneyError::Unreadable { .. } => "journey.unreadable",
            JourneyError::NotNeeded { .. } => "journey.not_needed",
            JourneyError::UnknownApi { .. } => "journey.unknown_api",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::Api};
    /// assert_eq!("soap".parse::<Api>().unwrap_err().message(Lang::Fr),
    ///     "nom d'API inconnu « soap » : reseller ou channel attendu");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            JourneyError::OutOfSequence { awaiting, found } => {
                let waiting = match awaiting {
                    Some(call) => format!("le parcours attend la réponse à {call}"),
                    None => "le parcours n'attend aucune réponse".to_owned(),
                };
                format!("reçu {} alors que {waiting}", found.french())
            }
            JourneyError::Unreadable {
                call,
                expected,
                detail,
            } => format!(
                "réponse à {call} illisible : attendu {}{}",
                expected.text(Lang::Fr),
                detail
                    .as_ref()
                    .map(|e| format!(" ({})", e.message(Lang::Fr)))
                    .unwrap_or_default()
            ),
            JourneyError::NotNeeded { need } => match need {
                Need::TransferToken => {
                    "le parcours n'a pas besoin d'un jeton de transfert maintenant".to_owned()
                }
                Need::Offer => "le parcours n'a pas besoin d'une offre maintenant".to_owned(),
            },
            JourneyError::UnknownApi { found } => {
                format!("nom d'API inconnu « {found} » : reseller ou channel attendu")
            }
        }
    }
}

crate::error::impl_diagnostic!(JourneyError);

/// A reseller account in a path: its id, or `{account}` in a plan.
fn account_text(account: Option<&CloudIdentityId>) -> &str {
    account.map_or("{account}", CloudIdentityId::as_str)
}

/// Where a Channel journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
enum ChannelStage {
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
struct ChannelRoute {
    account: Option<CloudIdentityId>,
    check: CheckAccountsBody,
    create: channel::CreateCustomerBody,
    provision: ProvisionBody,
    entitlement: Option<CreateEntitlementBody>,
    stage: ChannelStage,
}

/// Where a Reseller journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
enum ResellerStage {
    Get,
    Insert,
    Subscribe { customer_id: CloudIdentityId },
    Done { outcome: Outcome },
    Stopped { call: Call, transfer: bool },
}

/// A Reseller journey's data and state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResellerRoute {
    insert: reseller::CustomerBody,
    subscription: Option<SubscriptionBody>,
    token: Option<TransferToken>,
    stage: ResellerStage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "api", rename_all = "lowercase")]
#[allow(clippy::large_enum_variant)] // one per journey, never in a collection
enum Route {
    Channel(ChannelRoute),
    Reseller(ResellerRoute),
}

/// The onboarding journey of one validated customer (and its order, when the form has one),
/// on one API. See the [module docs](self) for the calls and the state diagram.
///
/// Drive it with [`next_step`](Self::next_step) and [`handle`](Self::handle). Its serde form
/// is its whole state (the bodies still to send and where it stands), checked again on
/// deserialisation; only a stopped journey's [`Report`] is not stored.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    #[serde(flatten)]
    route: Route,
    #[serde(skip)]
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
        Api::Channel => Journey::channel_route(customer, None).into_plan(),
        Api::Reseller => Journey::reseller(customer).into_plan(),
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
        Journey::channel_route(customer, Some(account))
    }

    fn channel_route(customer: &Customer, account: Option<CloudIdentityId>) -> Journey {
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
        Journey {
            route: Route::Channel(ChannelRoute {
                account,
                check: channel::check_body(customer),
                create: channel::create_body(customer),
                provision: channel::provision_body(customer),
                entitlement,
                stage: ChannelStage::Check,
            }),
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
        Journey {
            route: Route::Reseller(ResellerRoute {
                insert: reseller::insert_body(customer),
                subscription,
                token: None,
                stage: ResellerStage::Get,
            }),
            report: Report::default(),
        }
    }

    /// The same journey sending `request_id` with `entitlements.create` (Channel), so that a
    /// retried purchase is not a second one. No effect on a Reseller journey.
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
            route.entitlement = route
                .entitlement
                .take()
                .map(|e| e.with_request_id(request_id));
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
    /// placeholders `{customer}` and `{customerId}` stand for what Google assigns.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let plan = Journey::reseller(&customer).plan();
    /// assert_eq!(plan.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> Vec<Step> {
        self.clone().into_plan()
    }

    /// [`plan`](Self::plan), moving the bodies into the steps.
    fn into_plan(self) -> Vec<Step> {
        match self.route {
            Route::Channel(route) => {
                let account = account_text(route.account.as_ref());
                let customer = format!("accounts/{account}/customers/{{customer}}");
                let mut steps = Vec::with_capacity(4);
                steps.push(Step::post(
                    Call::ChannelCheckCloudIdentityAccountsExist,
                    format!("v1/accounts/{account}:checkCloudIdentityAccountsExist"),
                    Body::CheckAccounts(route.check),
                ));
                steps.push(Step::post(
                    Call::ChannelCustomersCreate,
                    format!("v1/accounts/{account}/customers"),
                    Body::CreateCustomer(route.create),
                ));
                steps.push(Step::post(
                    Call::ChannelCustomersProvisionCloudIdentity,
                    format!("v1/{customer}:provisionCloudIdentity"),
                    Body::Provision(route.provision),
                ));
                if let Some(entitlement) = route.entitlement {
                    steps.push(entitlement_step(&customer, entitlement));
                }
                steps
            }
            Route::Reseller(route) => {
                let mut steps = Vec::with_capacity(3);
                steps.push(route.get_step());
                steps.push(route.insert_step());
                if let Some(subscription) = route.subscription {
                    steps.push(subscription_step(subscription));
                }
                steps
            }
        }
    }

    /// What to do now. Calling it again without [`handle`](Self::handle) gives the same
    /// answer (a lost request can be resent).
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
        match &self.route {
            Route::Channel(route) => route.next_step(&self.report),
            Route::Reseller(route) => route.next_step(&self.report),
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
    /// let mine = serde_json::from_str(r#"{"customerId": "C0abc", "customerDomain": "acme-widgets.fr"}"#)?;
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
    /// (a created Channel customer without `name`, a pending operation named `../x`). The
    /// journey is unchanged either way.
    pub fn handle(&mut self, answer: Answer) -> Result<Next, JourneyError> {
        let found = answer.kind();
        let outcome = match &self.route {
            Route::Channel(route) => route.handle(answer),
            Route::Reseller(route) => Ok(route.handle(answer)),
        };
        let transition = outcome?;
        match transition {
            Transition::Channel(stage, report) => {
                if let Route::Channel(route) = &mut self.route {
                    route.stage = stage;
                }
                if let Some(report) = report {
                    self.report = report;
                }
            }
            Transition::Reseller(stage, report) => {
                if let Route::Reseller(route) = &mut self.route {
                    route.stage = stage;
                }
                if let Some(report) = report {
                    self.report = report;
                }
            }
            Transition::OutOfSequence(awaiting) => {
                return Err(JourneyError::OutOfSequence { awaiting, found });
            }
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
                    };
                }
                _ => return Err(not_needed),
            },
            Route::Reseller(route) => match route.stage {
                ResellerStage::Stopped { transfer: true, .. } => {
                    route.token = Some(token);
                    route.stage = ResellerStage::Insert;
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

    /// Gives the Channel offer to buy when the journey [`Needs`](Next::Needs)
    /// [`Need::Offer`] (the order names none).
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
    /// [`JourneyError::NotNeeded`] unless the journey waits for an offer; it is then unchanged.
    pub fn give_offer(&mut self, offer: OfferName) -> Result<Next, JourneyError> {
        let needs_offer = matches!(self.next_step(), Next::Needs(Need::Offer));
        match &mut self.route {
            Route::Channel(route) if needs_offer => {
                route.entitlement = route.entitlement.take().map(|e| e.with_offer(offer));
            }
            _ => return Err(JourneyError::NotNeeded { need: Need::Offer }),
        }
        Ok(self.next_step())
    }
}

/// A state change decided by a route, applied by [`Journey::handle`].
enum Transition {
    Channel(ChannelStage, Option<Report>),
    Reseller(ResellerStage, Option<Report>),
    OutOfSequence(Option<Call>),
}

fn entitlement_step(customer: &str, body: CreateEntitlementBody) -> Step {
    Step::post(
        Call::ChannelEntitlementsCreate,
        format!("v1/{customer}/entitlements"),
        Body::CreateEntitlement(body),
    )
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
    fn awaiting(&self) -> Option<Call> {
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

    fn next_step(&self, report: &Report) -> Next {
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
    ) -> Result<Transition, JourneyError> {
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
            return Ok(Transition::Channel(stage, None));
        }
        if let Some(status) = operation.error() {
            return Ok(Transition::Channel(
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
        Ok(Transition::Channel(stage, None))
    }

    fn handle(&self, answer: Answer) -> Result<Transition, JourneyError> {
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
            return Ok(Transition::Channel(
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
        Ok(Transition::Channel(stage, None))
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

impl ResellerRoute {
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
            Some(token) => format!("apps/reseller/v1/customers?customerAuthToken={token}"),
            None => "apps/reseller/v1/customers".to_owned(),
        };
        Step::post(
            Call::ResellerCustomersInsert,
            path,
            Body::InsertCustomer(self.insert.clone()),
        )
    }

    fn awaiting(&self) -> Option<Call> {
        match self.stage {
            ResellerStage::Get => Some(Call::ResellerCustomersGet),
            ResellerStage::Insert => Some(Call::ResellerCustomersInsert),
            ResellerStage::Subscribe { .. } => Some(Call::ResellerSubscriptionsInsert),
            ResellerStage::Done { .. } | ResellerStage::Stopped { .. } => None,
        }
    }

    fn next_step(&self, report: &Report) -> Next {
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

    fn handle(&self, answer: Answer) -> Transition {
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
                return Transition::Reseller(
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
        Transition::Reseller(stage, None)
    }
}
