//! Layer 4, wire: a page of Cloud Channel `customers.list`, read leniently and at bounded cost:
//! the reseller's customers on one domain, looked for after a `customers.create` whose answer
//! was lost.
//!
//! Source: `google/cloud/channel/v1/service.proto` (`ListCustomersRequest`: `pageSize` at most
//! 50, `filter`; `ListCustomersResponse`), googleapis at 0c78b0c2; the filter syntax
//! (`domain = "example.com"`, exact match, not case sensitive) is Google's "Set up a customer
//! filter using the `ListCustomers` API" page
//! (<https://cloud.google.com/channel/docs/concepts/google-cloud/filter-customers>).

use serde::Deserialize;
use serde::de::Deserializer;

use super::offers::{Capped, Text, next_token};
use crate::wire::PageToken;
use crate::wire::success::{NotASuccess, present};

/// The page size `customers.list` takes at most.
pub const CUSTOMERS_PAGE_SIZE: u32 = 50;

/// The `filter` of `customers.list` that finds the customers on `domain` (exact match; Google
/// compares without case). The domain is quoted, as Google's examples are.
///
/// ```
/// assert_eq!(gws_onboarding::wire::channel::domain_filter("acme.fr"), r#"domain = "acme.fr""#);
/// ```
#[must_use]
pub fn domain_filter(domain: &str) -> String {
    format!("domain = \"{domain}\"")
}

/// The `filter` of `customers.list` that finds the customer of Cloud Identity `id` (exact
/// match): how an imported team customer, known by its id, is looked for.
///
/// ```
/// assert_eq!(gws_onboarding::wire::channel::cloud_identity_filter("C03x7"), r#"cloud_identity_id = "C03x7""#);
/// ```
#[must_use]
pub fn cloud_identity_filter(id: &str) -> String {
    format!("cloud_identity_id = \"{id}\"")
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawListedCustomer {
    name: Text,
    domain: Text,
    cloud_identity_id: Text,
}

/// A customer of the listing: its name, domain and Cloud Identity id (once provisioned), each
/// cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes; the other fields are not kept.
///
/// ```
/// use gws_onboarding::wire::channel::CustomerPage;
/// let page: CustomerPage = serde_json::from_str(r#"{"customers": [{
///     "name": "accounts/C1/customers/S4", "domain": "acme.fr", "orgDisplayName": "Acme"}]}"#)?;
/// let c = &page.customers()[0];
/// assert_eq!(c.name(), Some("accounts/C1/customers/S4"));
/// assert_eq!(c.domain(), Some("acme.fr"));
/// assert_eq!(c.cloud_identity_id(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedCustomer {
    name: Option<String>,
    domain: Option<String>,
    cloud_identity_id: Option<String>,
}

impl ListedCustomer {
    /// `name`: `accounts/{account}/customers/{customer}`.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::CustomerPage =
    ///     serde_json::from_str(r#"{"customers": [{"domain": "acme.fr"}]}"#)?;
    /// assert_eq!(page.customers()[0].name(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// `domain`.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::CustomerPage =
    ///     serde_json::from_str(r#"{"customers": [{"domain": "acme.fr"}]}"#)?;
    /// assert_eq!(page.customers()[0].domain(), Some("acme.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// `cloudIdentityId`: present once the customer's Cloud Identity is provisioned (blank
    /// reads as absent).
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::CustomerPage =
    ///     serde_json::from_str(r#"{"customers": [{"cloudIdentityId": " "}, {"cloudIdentityId": "C0"}]}"#)?;
    /// assert_eq!(page.customers()[0].cloud_identity_id(), None);
    /// assert_eq!(page.customers()[1].cloud_identity_id(), Some("C0"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cloud_identity_id(&self) -> Option<&str> {
        self.cloud_identity_id.as_deref()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawCustomerPage {
    #[serde(rename = "error", default, deserialize_with = "present")]
    error_body: bool,
    #[serde(default)]
    customers: Capped<RawListedCustomer>,
    #[serde(default)]
    next_page_token: Text,
}

/// One page of `customers.list`: `{customers: [Customer], nextPageToken}`, read as the other
/// listings are ([`SkuPage`](super::SkuPage)): an error body refused, `{}` an empty last page
/// (no customer matched the filter), at most [`MAX_LISTED`](super::MAX_LISTED) entries kept.
///
/// ```
/// use gws_onboarding::wire::channel::CustomerPage;
/// let page: CustomerPage = serde_json::from_str("{}")?;
/// assert!(page.customers().is_empty() && page.next_page_token().is_none());
/// assert!(serde_json::from_str::<CustomerPage>(r#"{"error": {"code": 503}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerPage {
    customers: Vec<ListedCustomer>,
    next_page_token: Option<PageToken>,
    cut: usize,
}

/// `Some(trimmed)` unless absent or blank.
fn kept(text: Text) -> Option<String> {
    text.0
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

impl<'de> Deserialize<'de> for CustomerPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawCustomerPage::deserialize(deserializer)?;
        NotASuccess::check("a ListCustomersResponse", raw.error_body, false)?;
        Ok(CustomerPage {
            next_page_token: next_token(&raw.next_page_token)?,
            cut: raw.customers.cut,
            customers: raw
                .customers
                .items
                .into_iter()
                .map(|c| ListedCustomer {
                    name: kept(c.name),
                    domain: kept(c.domain),
                    cloud_identity_id: kept(c.cloud_identity_id),
                })
                .collect(),
        })
    }
}

impl CustomerPage {
    /// The customers kept.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::CustomerPage = serde_json::from_str("{}")?;
    /// assert_eq!(page.customers().len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customers(&self) -> &[ListedCustomer] {
        &self.customers
    }
}

super::offers::page_surface!(CustomerPage);
