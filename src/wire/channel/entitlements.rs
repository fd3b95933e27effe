//! Layer 4, wire: a page of Cloud Channel `customers.entitlements.list`, read leniently and at
//! bounded cost: what a customer already holds.
//!
//! Source: `google/cloud/channel/v1/service.proto` (`ListEntitlementsResponse`),
//! `entitlements.proto` (`Entitlement`, `ProvisionedService`), googleapis at 0c78b0c2.

use serde::Deserialize;
use serde::de::Deserializer;

use super::offers::{Capped, Text, next_token};
use crate::order::OfferName;
use crate::wire::PageToken;
use crate::wire::success::{NotASuccess, present};

/// The page size `entitlements.list` takes at most.
pub const ENTITLEMENTS_PAGE_SIZE: u32 = 100;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawProvisionedService {
    product_id: Text,
    sku_id: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawEntitlement {
    name: Text,
    offer: Text,
    provisioned_service: RawProvisionedService,
}

/// An entitlement a customer holds: its name, offer, and the Reseller product and SKU ids of
/// what it provisions (`provisionedService`).
///
/// ```
/// use gws_onboarding::wire::channel::EntitlementPage;
/// let page: EntitlementPage = serde_json::from_str(r#"{"entitlements": [{
///     "name": "accounts/C1/customers/S4/entitlements/E1", "offer": "accounts/C1/offers/O1",
///     "provisionedService": {"productId": "Google-Apps", "skuId": "1010020028"}}]}"#)?;
/// let e = &page.entitlements()[0];
/// assert_eq!(e.sku_id(), Some("1010020028"));
/// assert_eq!(e.offer().map(|o| o.offer_id()), Some("O1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedEntitlement {
    name: Option<String>,
    offer: Option<OfferName>,
    product_id: Option<String>,
    sku_id: Option<String>,
}

impl ListedEntitlement {
    /// `name`, cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::EntitlementPage =
    ///     serde_json::from_str(r#"{"entitlements": [{"name": "accounts/C1/customers/S4/entitlements/E1"}]}"#)?;
    /// assert!(page.entitlements()[0].name().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// `offer`, when a valid offer name.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::EntitlementPage =
    ///     serde_json::from_str(r#"{"entitlements": [{"offer": "x"}]}"#)?;
    /// assert!(page.entitlements()[0].offer().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer(&self) -> Option<&OfferName> {
        self.offer.as_ref()
    }

    /// `provisionedService.productId`: the Reseller product id (`Google-Apps`).
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::EntitlementPage = serde_json::from_str(
    ///     r#"{"entitlements": [{"provisionedService": {"productId": "Google-Apps"}}]}"#)?;
    /// assert_eq!(page.entitlements()[0].product_id(), Some("Google-Apps"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product_id(&self) -> Option<&str> {
        self.product_id.as_deref()
    }

    /// `provisionedService.skuId`: the Reseller SKU id (`1010020028`).
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::EntitlementPage = serde_json::from_str(
    ///     r#"{"entitlements": [{"provisionedService": {"skuId": "1010020025"}}]}"#)?;
    /// assert_eq!(page.entitlements()[0].sku_id(), Some("1010020025"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> Option<&str> {
        self.sku_id.as_deref()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntitlementPage {
    #[serde(rename = "error", default, deserialize_with = "present")]
    error_body: bool,
    #[serde(default)]
    entitlements: Capped<RawEntitlement>,
    #[serde(default)]
    next_page_token: Text,
}

/// One page of `customers.entitlements.list`: `{entitlements: [Entitlement], nextPageToken}`,
/// read as the other listings are ([`SkuPage`](super::SkuPage)): an error body refused, `{}`
/// an empty last page, at most [`MAX_LISTED`](super::MAX_LISTED) entries kept.
///
/// ```
/// use gws_onboarding::wire::channel::EntitlementPage;
/// let page: EntitlementPage = serde_json::from_str("{}")?;
/// assert!(page.entitlements().is_empty() && page.next_page_token().is_none());
/// assert!(serde_json::from_str::<EntitlementPage>(r#"{"error": {"code": 403}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntitlementPage {
    entitlements: Vec<ListedEntitlement>,
    next_page_token: Option<PageToken>,
    cut: usize,
}

impl<'de> Deserialize<'de> for EntitlementPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawEntitlementPage::deserialize(deserializer)?;
        NotASuccess::check("a ListEntitlementsResponse", raw.error_body, false)?;
        Ok(EntitlementPage {
            next_page_token: next_token(&raw.next_page_token)?,
            cut: raw.entitlements.cut,
            entitlements: raw
                .entitlements
                .items
                .into_iter()
                .map(|e| ListedEntitlement {
                    offer: e.offer.0.as_deref().and_then(|o| OfferName::parse(o).ok()),
                    name: e.name.0,
                    product_id: e.provisioned_service.product_id.0,
                    sku_id: e.provisioned_service.sku_id.0,
                })
                .collect(),
        })
    }
}

impl EntitlementPage {
    /// The entitlements kept.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::EntitlementPage = serde_json::from_str("{}")?;
    /// assert_eq!(page.entitlements().len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn entitlements(&self) -> &[ListedEntitlement] {
        &self.entitlements
    }
}

super::offers::page_surface!(EntitlementPage);
