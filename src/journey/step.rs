//! Layer 5, journey: the request to send: its API, call, path and body.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::snippet;
use crate::wire::channel::{
    self, CheckAccountsBody, CreateEntitlementBody, ImportCustomerBody, ListTransferableOffersBody,
    ListTransferableSkusBody, ProvisionBody, TransferEntitlementsBody,
};
use crate::wire::directory::{AdminUserBody, MakeAdminBody};
use crate::wire::reseller;
use crate::wire::subscription::SubscriptionBody;
use crate::wire::{Call, HttpMethod};

use super::answer::AnswerKind;
use super::error::JourneyError;

/// The query parameter that carries the transfer token in a Reseller path: the one place that
/// writes it and the one that hides it use this name.
pub(super) const TOKEN_QUERY: &str = "customerAuthToken=";

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
    /// Channel `listTransferableSkus`.
    ListTransferableSkus(ListTransferableSkusBody),
    /// Channel `listTransferableOffers`.
    ListTransferableOffers(ListTransferableOffersBody),
    /// Channel `customers.transferEntitlements`.
    TransferEntitlements(TransferEntitlementsBody),
    /// Directory `users.insert` (its `Debug` hides the password).
    InsertUser(AdminUserBody),
    /// Directory `users.makeAdmin`.
    MakeAdmin(MakeAdminBody),
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
///
/// A step may carry the customer's transfer token (`?customerAuthToken=` in a Reseller path,
/// `authToken` in a Channel import body). `Debug` and [`Step::redacted`] hide it; log those,
/// not [`path`](Step::path) or [`url`](Step::url).
#[derive(Clone, PartialEq, Eq)]
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

    /// The full URL: the documented host of the step's API (`https://reseller.googleapis.com/`,
    /// `https://cloudchannel.googleapis.com/`, and `https://admin.googleapis.com/` for the
    /// Directory API's `users.insert` and `users.makeAdmin`), then [`path`](Step::path).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{self, Api};
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(journey::plan(&customer, Api::Reseller)[1].url(),
    ///     "https://reseller.googleapis.com/apps/reseller/v1/customers");
    /// assert_eq!(journey::plan(&customer, Api::Channel)[1].url(),
    ///     "https://cloudchannel.googleapis.com/v1/accounts/{account}/customers");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn url(&self) -> String {
        let host = match self.call {
            Call::DirectoryUsersInsert
            | Call::DirectoryUsersMakeAdmin
            | Call::DirectoryUsersGet => crate::wire::directory::ROOT_URL,
            call if call.is_channel() => "https://cloudchannel.googleapis.com/",
            _ => "https://reseller.googleapis.com/",
        };
        format!("{host}{}", self.path)
    }

    /// The step as a log line without secrets: method, path and call, with the value of
    /// `customerAuthToken` replaced by `[redacted]` (the body, whose token `Debug` already
    /// hides, is left out).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey};
    /// use gws_onboarding::wire::TransferToken;
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let forbidden = r#"{"error": {"code": 403, "message": "Forbidden", "errors": [{"reason": "forbidden"}]}}"#;
    /// journey.handle(Answer::ResellerError(serde_json::from_str(forbidden)?))?;
    /// journey.transfer_with(TransferToken::parse("0a1b2c3d")?)?;
    /// let step = journey.next_step().step().cloned().ok_or("a step")?;
    /// assert!(step.path().ends_with("customerAuthToken=0a1b2c3d"));
    /// assert_eq!(step.redacted().to_string(),
    ///     "POST apps/reseller/v1/customers?customerAuthToken=[redacted] (reseller.customers.insert)");
    /// assert!(!format!("{step:?}").contains("0a1b2c3d"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn redacted(&self) -> Redacted<'_> {
        Redacted(self)
    }

    /// The path with the token's value hidden.
    fn redacted_path(&self) -> String {
        match self.path.find(TOKEN_QUERY) {
            Some(at) => {
                let value = at + TOKEN_QUERY.len();
                let end = self.path[value..]
                    .find('&')
                    .map_or(self.path.len(), |e| value + e);
                format!("{}[redacted]{}", &self.path[..value], &self.path[end..])
            }
            None => self.path.clone(),
        }
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

    /// The kind of [`Answer`](crate::journey::Answer) a success (HTTP 2xx) of this step deserialises into; an HTTP
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
            Call::ChannelCustomersCreate
            | Call::ChannelCustomersImport
            | Call::ChannelCustomersGet => AnswerKind::ChannelCustomer,
            Call::ChannelListEntitlements => AnswerKind::Entitlements,
            Call::ChannelListCustomers => AnswerKind::ChannelCustomers,
            Call::ResellerCustomersGet | Call::ResellerCustomersInsert => {
                AnswerKind::ResellerCustomer
            }
            Call::ResellerSubscriptionsInsert => AnswerKind::Subscription,
            Call::ChannelListPurchasableSkus => AnswerKind::Skus,
            Call::ChannelListPurchasableOffers | Call::ChannelListTransferableOffers => {
                AnswerKind::Offers
            }
            Call::ChannelListTransferableSkus => AnswerKind::TransferableSkus,
            Call::ResellerSubscriptionsList => AnswerKind::Subscriptions,
            Call::DirectoryUsersInsert | Call::DirectoryUsersGet => AnswerKind::DirectoryUser,
            Call::DirectoryUsersMakeAdmin => AnswerKind::MadeAdmin,
            _ => AnswerKind::Operation,
        }
    }

    pub(super) fn get(call: Call, path: String) -> Step {
        Step {
            call,
            path,
            body: None,
        }
    }

    pub(super) fn post(call: Call, path: String, body: Body) -> Step {
        Step {
            call,
            path,
            body: Some(body),
        }
    }
}

impl fmt::Debug for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Step")
            .field("call", &self.call)
            .field("path", &self.redacted_path())
            .field("body", &self.body)
            .finish()
    }
}

/// A [`Step`] shown without secrets ([`Step::redacted`]).
///
/// ```
/// # use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{self, Api};
/// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let step = &journey::plan(&customer, Api::Reseller)[0];
/// assert_eq!(step.redacted().to_string(),
///     "GET apps/reseller/v1/customers/acme-widgets.fr (reseller.customers.get)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Redacted<'a>(&'a Step);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let step = self.0;
        write!(
            f,
            "{} {} ({})",
            step.method().as_str(),
            step.redacted_path(),
            step.call
        )
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
