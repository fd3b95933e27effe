//! Layer 4, wire. Reseller API v1 `subscriptions.list` as a transfer uses it: the request that
//! lists the subscriptions a customer's transfer token opens ([`ListRequest`]), and the lenient,
//! bounded reader of its answer ([`SubscriptionList`] of [`ListedSubscription`]s).
//!
//! # The request
//!
//! `GET apps/reseller/v1/subscriptions?customerId=…&customerAuthToken=…&maxResults=100[&pageToken=…]`
//! (discovery id `reseller.subscriptions.list`; `maxResults` is 1 to 100, default 20). Every
//! value is percent-encoded (RFC 3986: all but `A-Z a-z 0-9 - . _ ~`).
//!
//! # The answer
//!
//! `{"kind": "reseller#subscriptions", "subscriptions": [Subscription], "nextPageToken"}`. Read
//! leniently: unknown fields are ignored, and plan names and statuses are kept as written (an
//! unknown one reads as `None` through the typed accessors). What is refused, as the reader's
//! serde error:
//! - Google's error body, or an object that is no list (`{}`, or a `kind` other than
//!   `reseller#subscriptions`, e.g. one `reseller#subscription`): [`NotASuccess`] /
//!   [`WireError::Kind`];
//! - a seat count below 0 or past `i32::MAX`, or a `transferabilityExpirationTime` that is no
//!   whole number of milliseconds (a broken answer, not a missing value);
//! - a `nextPageToken` that is no [`PageToken`] (past 1,024 bytes, spaces, non-ASCII).
//!
//! Work is bounded: at most [`MAX_LISTED`] entries of `subscriptions` are read; the others are
//! skipped unread and counted ([`SubscriptionList::left_out`]). Among the entries read, only the
//! first of each `(customerId, subscriptionId)` is kept ([`SubscriptionList::duplicates`]). Every
//! text kept is cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes; a text field that holds another JSON type reads as
//! absent.

use std::collections::HashSet;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::customer::CloudIdentityId;
use crate::domain::PrimaryDomain;
use crate::error::snippet;
use crate::lifecycle::SubscriptionStatus;
use crate::order::Plan;
use crate::product::{CatalogueEntry, Product, catalogue};
use crate::wire::status::LenientStr;
use crate::wire::success::{NotASuccess, present};
use crate::wire::{PageToken, TransferToken, WireError};

use super::{Count, ReadSeats};

/// The most entries of `subscriptions` one page is read for; the rest are skipped and counted.
/// Google sends at most 100 a page (`maxResults`), so only a broken or hostile answer passes it.
///
/// ```
/// assert_eq!(gws_onboarding::wire::subscription::list::MAX_LISTED, 1_000);
/// ```
pub const MAX_LISTED: usize = 1_000;

/// The `kind` of the answer.
const KIND: &str = "reseller#subscriptions";

/// Who the list is for: the customer's Google id, or its primary domain (the Reseller API takes
/// either as `customerId`).
///
/// ```
/// use gws_onboarding::wire::subscription::list::ListCustomer;
/// use gws_onboarding::{PrimaryDomain, customer::CloudIdentityId};
/// assert_eq!(ListCustomer::from(CloudIdentityId::parse("C01abcd2e")?).as_str(), "C01abcd2e");
/// assert_eq!(ListCustomer::from("acme.fr".parse::<PrimaryDomain>()?).as_str(), "acme.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListCustomer {
    /// Google's `customerId` (`C01abcd2e`).
    Id(CloudIdentityId),
    /// The customer's primary domain.
    Domain(PrimaryDomain),
}

impl ListCustomer {
    /// The id or the domain, as sent (before percent-encoding).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListCustomer;
    /// let customer = ListCustomer::Domain("acme.fr".parse()?);
    /// assert_eq!(customer.as_str(), "acme.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            ListCustomer::Id(id) => id.as_str(),
            ListCustomer::Domain(domain) => domain.as_str(),
        }
    }
}

impl From<CloudIdentityId> for ListCustomer {
    fn from(id: CloudIdentityId) -> Self {
        ListCustomer::Id(id)
    }
}

impl From<PrimaryDomain> for ListCustomer {
    fn from(domain: PrimaryDomain) -> Self {
        ListCustomer::Domain(domain)
    }
}

/// Appends `value` percent-encoded for a query (RFC 3986 unreserved characters kept).
fn encode_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

/// One page of Reseller `subscriptions.list` for a transfer: the customer, its transfer token
/// and, after the first page, the `pageToken` of the next. A `GET`, without a body.
///
/// `Debug` hides the token ([`TransferToken`]'s own `Debug`); log
/// [`redacted_path`](Self::redacted_path), not [`path`](Self::path).
///
/// ```
/// use gws_onboarding::wire::subscription::list::ListRequest;
/// use gws_onboarding::wire::TransferToken;
/// use gws_onboarding::PrimaryDomain;
///
/// let request = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("0a1b2c")?);
/// assert_eq!(request.path(),
///     "apps/reseller/v1/subscriptions?customerId=acme.fr&customerAuthToken=0a1b2c&maxResults=100");
/// assert_eq!(ListRequest::METHOD_ID, "reseller.subscriptions.list");
/// assert!(!format!("{request:?}").contains("0a1b2c"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRequest {
    customer: ListCustomer,
    token: TransferToken,
    page_token: Option<PageToken>,
}

impl ListRequest {
    /// The discovery-document id of the method.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// assert_eq!(ListRequest::METHOD_ID, "reseller.subscriptions.list");
    /// ```
    pub const METHOD_ID: &'static str = "reseller.subscriptions.list";
    /// The path, relative to `https://reseller.googleapis.com/`, before the query.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// assert_eq!(ListRequest::PATH, "apps/reseller/v1/subscriptions");
    /// ```
    pub const PATH: &'static str = "apps/reseller/v1/subscriptions";
    /// The `maxResults` sent: the most Google allows.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// assert_eq!(ListRequest::MAX_RESULTS, 100);
    /// ```
    pub const MAX_RESULTS: u32 = 100;

    /// The first page of the subscriptions `token` opens for `customer`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// use gws_onboarding::{customer::CloudIdentityId, wire::TransferToken};
    /// let request = ListRequest::new(CloudIdentityId::parse("C01abcd2e")?, TransferToken::parse("ff")?);
    /// assert!(request.page_token().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(customer: impl Into<ListCustomer>, token: TransferToken) -> Self {
        ListRequest {
            customer: customer.into(),
            token,
            page_token: None,
        }
    }

    /// The same request for the page `page_token` names.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// use gws_onboarding::wire::{PageToken, TransferToken};
    /// # use gws_onboarding::PrimaryDomain;
    /// let request = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("ff")?)
    ///     .with_page_token(PageToken::parse("a+b/c==")?);
    /// assert!(request.path().ends_with("&maxResults=100&pageToken=a%2Bb%2Fc%3D%3D"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_page_token(mut self, page_token: PageToken) -> Self {
        self.page_token = Some(page_token);
        self
    }

    /// The request for the page after `page`, or `None` when `page` is the last one (it has no
    /// `nextPageToken`).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::{ListRequest, SubscriptionList};
    /// # use gws_onboarding::{PrimaryDomain, wire::TransferToken};
    /// let first = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("ff")?);
    /// let page: SubscriptionList = serde_json::from_str(
    ///     r#"{"kind": "reseller#subscriptions", "subscriptions": [], "nextPageToken": "p2"}"#)?;
    /// let second = first.next_page(&page).ok_or("a next page")?;
    /// assert!(second.path().ends_with("&pageToken=p2"));
    /// let last: SubscriptionList = serde_json::from_str(r#"{"kind": "reseller#subscriptions"}"#)?;
    /// assert!(second.next_page(&last).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn next_page(&self, page: &SubscriptionList) -> Option<Self> {
        let next = page.next_page_token()?.clone();
        Some(self.clone().with_page_token(next))
    }

    /// Who the list is for.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// # use gws_onboarding::{PrimaryDomain, wire::TransferToken};
    /// let request = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("ff")?);
    /// assert_eq!(request.customer().as_str(), "acme.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer(&self) -> &ListCustomer {
        &self.customer
    }

    /// The `pageToken` sent, if any.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// # use gws_onboarding::{PrimaryDomain, wire::{PageToken, TransferToken}};
    /// let request = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("ff")?)
    ///     .with_page_token(PageToken::parse("p2")?);
    /// assert_eq!(request.page_token().map(PageToken::as_str), Some("p2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn page_token(&self) -> Option<&PageToken> {
        self.page_token.as_ref()
    }

    /// The path and query, relative to `https://reseller.googleapis.com/`, every value
    /// percent-encoded. It holds the transfer token: send it, do not log it.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// # use gws_onboarding::{customer::CloudIdentityId, wire::TransferToken};
    /// let request = ListRequest::new(CloudIdentityId::parse("C0_a-b")?, TransferToken::parse("AbC")?);
    /// assert_eq!(request.path(),
    ///     "apps/reseller/v1/subscriptions?customerId=C0_a-b&customerAuthToken=AbC&maxResults=100");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> String {
        self.path_with(self.token.as_str())
    }

    /// [`path`](Self::path) with the token's value replaced by `[redacted]`, for logs.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::ListRequest;
    /// # use gws_onboarding::{PrimaryDomain, wire::TransferToken};
    /// let request = ListRequest::new("acme.fr".parse::<PrimaryDomain>()?, TransferToken::parse("0a1b")?);
    /// assert_eq!(request.redacted_path(),
    ///     "apps/reseller/v1/subscriptions?customerId=acme.fr&customerAuthToken=[redacted]&maxResults=100");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn redacted_path(&self) -> String {
        let mut path = self.path_with("");
        let at = path.find("&maxResults=").unwrap_or(path.len());
        path.insert_str(at, "[redacted]");
        path
    }

    fn path_with(&self, token: &str) -> String {
        let mut out = String::with_capacity(128);
        out.push_str(Self::PATH);
        out.push_str("?customerId=");
        encode_into(&mut out, self.customer.as_str());
        out.push_str("&customerAuthToken=");
        encode_into(&mut out, token);
        out.push_str("&maxResults=");
        out.push_str(&Self::MAX_RESULTS.to_string());
        if let Some(page) = &self.page_token {
            out.push_str("&pageToken=");
            encode_into(&mut out, page.as_str());
        }
        out
    }
}

/// A text field: a string cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes; any other JSON value reads as absent.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    LenientStr::deserialize(deserializer).map(|s| s.0)
}

/// Milliseconds since the Unix epoch (`format: int64` in the discovery document): a JSON
/// string, as Google sends int64 values, or a number. Anything else refuses the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Millis(i64);

impl<'de> Deserialize<'de> for Millis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let what = "transferabilityExpirationTime";
        let n = super::whole_number(deserializer, what)?;
        i64::try_from(n).map(Millis).map_err(|_| {
            de::Error::custom(format_args!(
                "{what} {} is out of range for milliseconds",
                snippet(&n.to_string())
            ))
        })
    }
}

/// `transferInfo`: what Google says about transferring one listed subscription (read-only).
///
/// ```
/// use gws_onboarding::wire::subscription::list::SubscriptionList;
/// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"skuId": "1010020028",
///     "transferInfo": {"minimumTransferableSeats": 20, "transferabilityExpirationTime": "1746921600000",
///                      "currentLegacySkuId": "Google-Apps-For-Business"}}]}"#)?;
/// let info = list.subscriptions()[0].transfer_info().ok_or("transferInfo")?;
/// assert_eq!(info.minimum_transferable_seats(), Some(20));
/// assert_eq!(info.transferability_expiration_time(), Some(1_746_921_600_000));
/// assert_eq!(info.current_legacy_sku_id(), Some("Google-Apps-For-Business"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TransferInfo {
    minimum_transferable_seats: Option<Count>,
    transferability_expiration_time: Option<Millis>,
    #[serde(deserialize_with = "text")]
    current_legacy_sku_id: Option<String>,
}

impl TransferInfo {
    /// `minimumTransferableSeats`: the fewest seats the transfer order may have (the
    /// customer's current users).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"transferInfo": {"minimumTransferableSeats": "7"}}]}"#)?;
    /// let info = list.subscriptions()[0].transfer_info().ok_or("transferInfo")?;
    /// assert_eq!(info.minimum_transferable_seats(), Some(7));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn minimum_transferable_seats(&self) -> Option<u32> {
        self.minimum_transferable_seats.map(Count::get)
    }

    /// `transferabilityExpirationTime`: when the transfer token or intent to transfer expires,
    /// in milliseconds since the Unix epoch.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"transferInfo": {"transferabilityExpirationTime": 1000}}]}"#)?;
    /// let info = list.subscriptions()[0].transfer_info().ok_or("transferInfo")?;
    /// assert_eq!(info.transferability_expiration_time(), Some(1000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn transferability_expiration_time(&self) -> Option<i64> {
        self.transferability_expiration_time.map(|m| m.0)
    }

    /// Whether the transfer has expired at `now`: its expiration time is known and at or
    /// before `now` (compared to the nanosecond). `false` when Google gave no time.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"transferInfo": {"transferabilityExpirationTime": "1000"}}]}"#)?;
    /// let info = list.subscriptions()[0].transfer_info().ok_or("transferInfo")?;
    /// assert!(info.is_expired_at(UNIX_EPOCH + Duration::from_secs(1)));
    /// assert!(!info.is_expired_at(UNIX_EPOCH + Duration::from_micros(999_999)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        self.transferability_expiration_time()
            .is_some_and(|at| i128::from(at) * 1_000_000 <= nanos_since_epoch(now))
    }

    /// `currentLegacySkuId`: the `skuId` the customer has now, when it is a legacy SKU and
    /// `skuId` is the one Google recommends for the transfer.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"transferInfo": {}}]}"#)?;
    /// let info = list.subscriptions()[0].transfer_info().ok_or("transferInfo")?;
    /// assert_eq!(info.current_legacy_sku_id(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn current_legacy_sku_id(&self) -> Option<&str> {
        self.current_legacy_sku_id.as_deref()
    }
}

/// `now` in nanoseconds since the Unix epoch, negative before it.
fn nanos_since_epoch(now: SystemTime) -> i128 {
    match now.duration_since(UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Err(before) => i128::try_from(before.duration().as_nanos()).map_or(i128::MIN, |n| -n),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ListedPlan {
    #[serde(deserialize_with = "text")]
    plan_name: Option<String>,
}

/// One subscription of a [`SubscriptionList`], read leniently (every field may be absent).
///
/// It is a reading, not a request: it has no `Serialize`, so it cannot be sent back as a
/// body (Google refuses its read-only fields). Build the transfer's body with
/// [`transfer::transfer_body`](super::transfer::transfer_body).
///
/// ```
/// use gws_onboarding::wire::subscription::list::SubscriptionList;
/// use gws_onboarding::{Edition, Product, order::Plan, lifecycle::SubscriptionStatus};
///
/// let list: SubscriptionList = serde_json::from_str(r#"{"kind": "reseller#subscriptions",
///     "subscriptions": [{"kind": "reseller#subscription", "customerId": "C01abcd2e",
///         "subscriptionId": "123", "skuId": "1010020028", "skuName": "Google Workspace Business Standard",
///         "plan": {"planName": "ANNUAL", "isCommitmentPlan": true},
///         "seats": {"numberOfSeats": 20, "licensedNumberOfSeats": 18},
///         "status": "ACTIVE", "transferInfo": {"minimumTransferableSeats": 18}}]}"#)?;
/// let s = &list.subscriptions()[0];
/// assert_eq!(s.customer_id(), Some("C01abcd2e"));
/// assert_eq!(s.product(), Some(Product::Edition(Edition::BusinessStandard)));
/// assert_eq!(s.plan(), Some(Plan::AnnualMonthly));
/// assert_eq!(s.seats(), Some(20));
/// assert_eq!(s.licensed_seats(), Some(18));
/// assert_eq!(s.subscription_status(), Some(SubscriptionStatus::Active));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListedSubscription {
    #[serde(deserialize_with = "text")]
    customer_id: Option<String>,
    #[serde(deserialize_with = "text")]
    subscription_id: Option<String>,
    #[serde(deserialize_with = "text")]
    sku_id: Option<String>,
    #[serde(deserialize_with = "text")]
    sku_name: Option<String>,
    plan: Option<ListedPlan>,
    seats: Option<ReadSeats>,
    #[serde(deserialize_with = "text")]
    status: Option<String>,
    transfer_info: Option<TransferInfo>,
}

impl ListedSubscription {
    /// `customerId`, as written (cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"customerId": "C1"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].customer_id(), Some("C1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_id(&self) -> Option<&str> {
        self.customer_id.as_deref()
    }

    /// `subscriptionId`, as written.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"subscriptionId": 42}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].subscription_id(), None); // a number: not Google's shape
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscription_id(&self) -> Option<&str> {
        self.subscription_id.as_deref()
    }

    /// `skuId`, as written: the SKU the transfer buys (Google's recommended one when
    /// [`TransferInfo::current_legacy_sku_id`] is set).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"skuId": "1010020099"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].sku_id(), Some("1010020099"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> Option<&str> {
        self.sku_id.as_deref()
    }

    /// `skuName`, Google's display name of the SKU (it may change at Google's discretion).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"skuName": "G Suite Basic"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].sku_name(), Some("G Suite Basic"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_name(&self) -> Option<&str> {
        self.sku_name.as_deref()
    }

    /// The catalogue product of `skuId` (every `skuId` of the catalogue is unique); `None` for
    /// an SKU the catalogue lacks, which [`sku_id`](Self::sku_id) still gives verbatim.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// use gws_onboarding::{Addon, Product};
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"skuId": "Google-Vault"}, {"skuId": "1010020099"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].product(), Some(Product::Addon(Addon::Vault)));
    /// assert_eq!(list.subscriptions()[1].product(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> Option<Product> {
        let id = self.sku_id()?;
        catalogue()
            .find(|entry| entry.sku_id() == id)
            .map(CatalogueEntry::product)
    }

    /// `plan.planName`, as written (`ANNUAL` for the annual plan with monthly payments).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"plan": {"planName": "NEW_PLAN"}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].plan_name(), Some("NEW_PLAN"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan_name(&self) -> Option<&str> {
        self.plan.as_ref()?.plan_name.as_deref()
    }

    /// The plan, if `plan.planName` is one this crate knows (`ANNUAL` reads as
    /// [`Plan::AnnualMonthly`]); `None` for a name Google adds.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// use gws_onboarding::order::Plan;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"plan": {"planName": "FLEXIBLE"}}, {"plan": {"planName": "NEW_PLAN"}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].plan(), Some(Plan::Flexible));
    /// assert_eq!(list.subscriptions()[1].plan(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> Option<Plan> {
        self.plan_name()?.parse().ok()
    }

    /// The seats: `numberOfSeats` (annual plans), else `maximumNumberOfSeats`.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"seats": {"maximumNumberOfSeats": "30"}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].seats(), Some(30));
    /// assert_eq!(list.subscriptions()[0].maximum_number_of_seats(), Some(30));
    /// assert_eq!(list.subscriptions()[0].number_of_seats(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn seats(&self) -> Option<u32> {
        self.number_of_seats().or(self.maximum_number_of_seats())
    }

    /// `seats.numberOfSeats`.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"seats": {"numberOfSeats": 5}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].number_of_seats(), Some(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn number_of_seats(&self) -> Option<u32> {
        self.seats.as_ref()?.number_of_seats.map(Count::get)
    }

    /// `seats.maximumNumberOfSeats`.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"seats": {}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].maximum_number_of_seats(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maximum_number_of_seats(&self) -> Option<u32> {
        self.seats.as_ref()?.maximum_number_of_seats.map(Count::get)
    }

    /// `seats.licensedNumberOfSeats` (read-only: never sent back).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"seats": {"licensedNumberOfSeats": 12}}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].licensed_seats(), Some(12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn licensed_seats(&self) -> Option<u32> {
        self.seats
            .as_ref()?
            .licensed_number_of_seats
            .map(Count::get)
    }

    /// `status`, as written (`ACTIVE`, `SUSPENDED`, `PENDING`, or a value Google adds).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"status": "FROZEN"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].status(), Some("FROZEN"));
    /// assert_eq!(list.subscriptions()[0].subscription_status(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The status, if `status` is one this crate knows.
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// use gws_onboarding::lifecycle::SubscriptionStatus;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"status": "SUSPENDED"}]}"#)?;
    /// assert_eq!(list.subscriptions()[0].subscription_status(), Some(SubscriptionStatus::Suspended));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscription_status(&self) -> Option<SubscriptionStatus> {
        self.status()?.parse().ok()
    }

    /// `transferInfo`; `None` when Google sent none (the subscription is not open to this
    /// transfer).
    ///
    /// ```
    /// # use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let list: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"skuId": "1010020028"}]}"#)?;
    /// assert!(list.subscriptions()[0].transfer_info().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn transfer_info(&self) -> Option<&TransferInfo> {
        self.transfer_info.as_ref()
    }

    /// The dedup key: `(customerId, subscriptionId)`, when the subscription has an id.
    fn key(&self) -> Option<(Option<&str>, &str)> {
        Some((self.customer_id(), self.subscription_id()?))
    }
}

/// The `subscriptions` of a page, as read: at most [`MAX_LISTED`] entries examined.
#[derive(Debug, Default)]
struct Listed {
    kept: Vec<ListedSubscription>,
    duplicates: usize,
    left_out: usize,
}

struct ListedVisitor;

impl<'de> Visitor<'de> for ListedVisitor {
    type Value = Option<Listed>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of subscriptions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut listed = Listed::default();
        let mut seen: HashSet<(Option<String>, String)> = HashSet::new();
        for _ in 0..MAX_LISTED {
            let Some(subscription) = seq.next_element::<ListedSubscription>()? else {
                return Ok(Some(listed));
            };
            let fresh = subscription.key().is_none_or(|(customer, id)| {
                seen.insert((customer.map(str::to_owned), id.to_owned()))
            });
            if fresh {
                listed.kept.push(subscription);
            } else {
                listed.duplicates += 1;
            }
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {
            listed.left_out += 1;
        }
        Ok(Some(listed))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom("subscriptions is an object, not a list"))
    }
}

fn listed<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Listed>, D::Error> {
    deserializer.deserialize_any(ListedVisitor)
}

/// `nextPageToken`: a [`PageToken`]; blank or absent is none.
fn page_token<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<PageToken>, D::Error> {
    match Option::<std::borrow::Cow<'de, str>>::deserialize(deserializer)? {
        Some(token) if !token.trim().is_empty() => PageToken::parse(&token)
            .map(Some)
            .map_err(|e| de::Error::custom(format_args!("nextPageToken: {e}"))),
        _ => Ok(None),
    }
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawList {
    #[serde(deserialize_with = "text")]
    kind: Option<String>,
    #[serde(deserialize_with = "listed")]
    subscriptions: Option<Listed>,
    #[serde(deserialize_with = "page_token")]
    next_page_token: Option<PageToken>,
    #[serde(rename = "error", deserialize_with = "present")]
    error_body: bool,
}

/// One page of Reseller `subscriptions.list` (`reseller#subscriptions`), read leniently and
/// with bounded work (see the [module docs](self) for what is refused and what is cut).
///
/// ```
/// use gws_onboarding::wire::subscription::list::SubscriptionList;
///
/// let page: SubscriptionList = serde_json::from_str(r#"{"kind": "reseller#subscriptions",
///     "subscriptions": [{"subscriptionId": "1", "skuId": "1010020028"},
///                       {"subscriptionId": "1", "skuId": "1010020025"},
///                       {"subscriptionId": "2", "skuId": "Google-Vault", "futureField": true}],
///     "nextPageToken": "p2"}"#)?;
/// assert_eq!(page.subscriptions().len(), 2);
/// assert_eq!(page.subscriptions()[0].sku_id(), Some("1010020028")); // the first "1" is kept
/// assert_eq!(page.duplicates(), 1);
/// assert_eq!(page.next_page_token().map(|t| t.as_str()), Some("p2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Google's error body, an object with none of a list's fields, or another resource's `kind`
/// is refused:
///
/// ```
/// use gws_onboarding::wire::subscription::list::SubscriptionList;
/// assert!(serde_json::from_str::<SubscriptionList>("{}").is_err());
/// assert!(serde_json::from_str::<SubscriptionList>(r#"{"error": {"code": 403}}"#).is_err());
/// assert!(serde_json::from_str::<SubscriptionList>(r#"{"kind": "reseller#subscription"}"#).is_err());
/// assert!(serde_json::from_str::<SubscriptionList>(r#"{"subscriptions": [{"seats": {"numberOfSeats": -1}}]}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionList {
    subscriptions: Vec<ListedSubscription>,
    next_page_token: Option<PageToken>,
    duplicates: usize,
    left_out: usize,
}

impl<'de> Deserialize<'de> for SubscriptionList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawList::deserialize(deserializer)?;
        let empty =
            raw.kind.is_none() && raw.subscriptions.is_none() && raw.next_page_token.is_none();
        NotASuccess::check("a Reseller list of subscriptions", raw.error_body, empty)?;
        if let Some(kind) = raw.kind.as_deref().filter(|&k| k != KIND) {
            return Err(de::Error::custom(WireError::kind(kind, KIND)));
        }
        let listed = raw.subscriptions.unwrap_or_default();
        Ok(SubscriptionList {
            subscriptions: listed.kept,
            next_page_token: raw.next_page_token,
            duplicates: listed.duplicates,
            left_out: listed.left_out,
        })
    }
}

impl SubscriptionList {
    /// The subscriptions kept, in Google's order: at most [`MAX_LISTED`], the first of each
    /// `(customerId, subscriptionId)` (entries without a `subscriptionId` are all kept).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let page: SubscriptionList = serde_json::from_str(r#"{"kind": "reseller#subscriptions"}"#)?;
    /// assert!(page.subscriptions().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscriptions(&self) -> &[ListedSubscription] {
        &self.subscriptions
    }

    /// `nextPageToken`: `None` on the last page. See [`ListRequest::next_page`].
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let page: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [], "nextPageToken": ""}"#)?;
    /// assert!(page.next_page_token().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn next_page_token(&self) -> Option<&PageToken> {
        self.next_page_token.as_ref()
    }

    /// How many entries were read but dropped as a repeat of an earlier
    /// `(customerId, subscriptionId)`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::SubscriptionList;
    /// let page: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"subscriptionId": "1"}]}"#)?;
    /// assert_eq!(page.duplicates(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn duplicates(&self) -> usize {
        self.duplicates
    }

    /// How many entries past [`MAX_LISTED`] were skipped unread (0 for any answer Google sends,
    /// 100 a page at most). When it is not 0 the page is incomplete: do not treat the
    /// subscriptions kept as all of them.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::list::{MAX_LISTED, SubscriptionList};
    /// let json = format!(r#"{{"subscriptions": [{}]}}"#, vec!["{}"; MAX_LISTED + 5].join(","));
    /// let page: SubscriptionList = serde_json::from_str(&json)?;
    /// assert_eq!(page.subscriptions().len(), MAX_LISTED);
    /// assert_eq!(page.left_out(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn left_out(&self) -> usize {
        self.left_out
    }
}
