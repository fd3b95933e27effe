//! Layer 4, wire: Cloud Channel's transfer of an imported customer's entitlements:
//! `listTransferableSkus` and `listTransferableOffers` (bodies, and the SKU page read back)
//! and `transferEntitlements`.
//!
//! Sources: `google/cloud/channel/v1/service.proto` (`ListTransferableSkusRequest`,
//! `ListTransferableOffersRequest`, `TransferEntitlementsRequest`, `TransferableSku`,
//! `TransferEligibility`), googleapis at 0c78b0c2. The bodies carry what the request
//! messages take but `parent`, which is in the path (`v1/{parent=accounts/*}:…`).

use serde::de::Deserializer;
use serde::{Deserialize, Serialize};

use super::offers::{Capped, ChannelSku, Text, next_token};
use super::requests::{Entitlement, OfferRef};
use crate::order::{OfferName, Plan, PurchaseOrderId};
use crate::wire::success::{NotASuccess, present};
use crate::wire::{CustomerName, PageToken, RequestId, SkuName, TransferToken};

/// The page size the journey asks for: the most Google's listings give.
pub const PAGE_SIZE: u32 = 1000;

/// The body of `listTransferableSkus`: the imported customer by name, its transfer token,
/// and the page.
///
/// ```
/// use gws_onboarding::wire::{CustomerName, TransferToken, channel::ListTransferableSkusBody};
/// let body = ListTransferableSkusBody::new(
///     CustomerName::parse("accounts/C1/customers/S42")?,
///     TransferToken::parse("0a1b")?,
///     None,
/// );
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "customerName": "accounts/C1/customers/S42", "authToken": "0a1b", "pageSize": 1000}));
/// assert!(!format!("{body:?}").contains("0a1b"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListTransferableSkusBody {
    customer_name: CustomerName,
    auth_token: TransferToken,
    page_size: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_token: Option<PageToken>,
}

impl ListTransferableSkusBody {
    /// The listing of `customer`'s transferable SKUs, from `page` (`None`: the first).
    ///
    /// ```
    /// use gws_onboarding::wire::{CustomerName, PageToken, TransferToken, channel::ListTransferableSkusBody};
    /// let body = ListTransferableSkusBody::new(CustomerName::parse("accounts/C1/customers/S4")?,
    ///     TransferToken::parse("0a")?, Some(PageToken::parse("p2")?));
    /// assert_eq!(serde_json::to_value(&body)?["pageToken"], "p2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(customer: CustomerName, auth_token: TransferToken, page: Option<PageToken>) -> Self {
        ListTransferableSkusBody {
            customer_name: customer,
            auth_token,
            page_size: PAGE_SIZE,
            page_token: page,
        }
    }
}

/// The body of `listTransferableOffers`: the imported customer by name, the SKU, and the
/// page.
///
/// ```
/// use gws_onboarding::wire::{CustomerName, SkuName, channel::ListTransferableOffersBody};
/// let body = ListTransferableOffersBody::new(
///     CustomerName::parse("accounts/C1/customers/S42")?,
///     SkuName::parse("products/p/skus/s")?,
///     None,
/// );
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "customerName": "accounts/C1/customers/S42", "sku": "products/p/skus/s", "pageSize": 1000}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListTransferableOffersBody {
    customer_name: CustomerName,
    sku: SkuName,
    page_size: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_token: Option<PageToken>,
}

impl ListTransferableOffersBody {
    /// The listing of the offers `customer`'s `sku` can be transferred to, from `page`.
    ///
    /// ```
    /// use gws_onboarding::wire::{CustomerName, SkuName, channel::ListTransferableOffersBody};
    /// let body = ListTransferableOffersBody::new(CustomerName::parse("accounts/C1/customers/S4")?,
    ///     SkuName::parse("products/p/skus/s")?, None);
    /// assert_eq!(body.sku().as_str(), "products/p/skus/s");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(customer: CustomerName, sku: SkuName, page: Option<PageToken>) -> Self {
        ListTransferableOffersBody {
            customer_name: customer,
            sku,
            page_size: PAGE_SIZE,
            page_token: page,
        }
    }

    /// The SKU whose offers are listed.
    ///
    /// ```
    /// # use gws_onboarding::wire::{CustomerName, SkuName, channel::ListTransferableOffersBody};
    /// let body = ListTransferableOffersBody::new(CustomerName::parse("accounts/C1/customers/S4")?,
    ///     SkuName::parse("products/p/skus/s")?, None);
    /// assert_eq!(body.sku().sku_id(), "s");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(&self) -> &SkuName {
        &self.sku
    }
}

/// One entitlement to move: the offer chosen for a transferable SKU, its plan and seats.
///
/// ```
/// use gws_onboarding::wire::channel::TransferItem;
/// use gws_onboarding::order::{OfferName, Plan};
/// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::Flexible, 20, None);
/// assert_eq!(item.offer().as_str(), "accounts/C1/offers/O1");
/// assert_eq!(item.seats(), 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferItem {
    offer: OfferName,
    plan: Plan,
    seats: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purchase_order_id: Option<PurchaseOrderId>,
}

impl TransferItem {
    /// `seats` of `offer` on `plan`.
    ///
    /// ```
    /// # use gws_onboarding::wire::channel::TransferItem;
    /// # use gws_onboarding::order::{OfferName, Plan};
    /// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::AnnualYearly, 5, None);
    /// assert_eq!(item.plan(), Plan::AnnualYearly);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        offer: OfferName,
        plan: Plan,
        seats: u32,
        purchase_order_id: Option<PurchaseOrderId>,
    ) -> Self {
        TransferItem {
            offer,
            plan,
            seats,
            purchase_order_id,
        }
    }

    /// The offer.
    ///
    /// ```
    /// # use gws_onboarding::wire::channel::TransferItem;
    /// # use gws_onboarding::order::{OfferName, Plan};
    /// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::Flexible, 5, None);
    /// assert_eq!(item.offer().offer_id(), "O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer(&self) -> &OfferName {
        &self.offer
    }

    /// The plan.
    ///
    /// ```
    /// # use gws_onboarding::wire::channel::TransferItem;
    /// # use gws_onboarding::order::{OfferName, Plan};
    /// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::Trial, 5, None);
    /// assert_eq!(item.plan(), Plan::Trial);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> Plan {
        self.plan
    }

    /// The seats.
    ///
    /// ```
    /// # use gws_onboarding::wire::channel::TransferItem;
    /// # use gws_onboarding::order::{OfferName, Plan};
    /// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::Trial, 7, None);
    /// assert_eq!(item.seats(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn seats(&self) -> u32 {
        self.seats
    }
}

/// The body of `customers.transferEntitlements`: the entitlements to move (each an offer with
/// its seat parameter, and commitment settings for an annual plan, as
/// [`CreateEntitlementBody`](super::CreateEntitlementBody) sends them), the customer's
/// transfer token as `authToken`, and a `requestId` when given, so a retry is not a second
/// transfer.
///
/// ```
/// use gws_onboarding::wire::{TransferToken, channel::{TransferEntitlementsBody, TransferItem}};
/// use gws_onboarding::order::{OfferName, Plan};
/// let item = TransferItem::new(OfferName::parse("accounts/C1/offers/O1")?, Plan::Flexible, 20, None);
/// let body = TransferEntitlementsBody::new(&[item], TransferToken::parse("0a1b")?, None);
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "entitlements": [{"offer": "accounts/C1/offers/O1",
///         "parameters": [{"name": "max_units", "value": {"int64Value": "20"}}]}],
///     "authToken": "0a1b"}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferEntitlementsBody {
    entitlements: Vec<Entitlement>,
    auth_token: TransferToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_id: Option<RequestId>,
}

impl TransferEntitlementsBody {
    /// The transfer of `items` with `auth_token`.
    ///
    /// ```
    /// use gws_onboarding::wire::{RequestId, TransferToken, channel::TransferEntitlementsBody};
    /// let body = TransferEntitlementsBody::new(&[], TransferToken::parse("0a")?,
    ///     Some(RequestId::parse(RequestId::EXAMPLE)?));
    /// assert_eq!(serde_json::to_value(&body)?["requestId"], RequestId::EXAMPLE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        items: &[TransferItem],
        auth_token: TransferToken,
        request_id: Option<RequestId>,
    ) -> Self {
        let entitlements = items
            .iter()
            .map(|item| {
                Entitlement::new(
                    OfferRef::Name(item.offer.clone()),
                    item.plan,
                    item.seats,
                    item.purchase_order_id.as_ref(),
                )
            })
            .collect();
        TransferEntitlementsBody {
            entitlements,
            auth_token,
            request_id,
        }
    }

    /// The offers moved, in order.
    ///
    /// ```
    /// use gws_onboarding::wire::{TransferToken, channel::TransferEntitlementsBody};
    /// let body = TransferEntitlementsBody::new(&[], TransferToken::parse("0a")?, None);
    /// assert_eq!(body.offers().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn offers(&self) -> impl Iterator<Item = &OfferRef> {
        self.entitlements.iter().map(Entitlement::offer)
    }
}

/// A SKU of an imported customer, as `listTransferableSkus` gives it: the SKU, whether it can
/// be transferred, and why not.
///
/// ```
/// use gws_onboarding::wire::channel::TransferableSkuPage;
/// let page: TransferableSkuPage = serde_json::from_str(r#"{"transferableSkus": [{
///     "sku": {"name": "products/p/skus/s", "marketingInfo": {"displayName": "Business Starter"}},
///     "transferEligibility": {"isEligible": false, "ineligibilityReason": "PENDING_TOS_ACCEPTANCE",
///         "description": "Accept the terms of service first"}}]}"#)?;
/// let sku = &page.skus()[0];
/// assert!(!sku.is_eligible());
/// assert_eq!(sku.ineligibility_reason(), Some("PENDING_TOS_ACCEPTANCE"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TransferableSku {
    sku: ChannelSku,
    eligible: bool,
    reason: Option<String>,
    description: Option<String>,
}

impl TransferableSku {
    /// The SKU.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::TransferableSkuPage = serde_json::from_str(
    ///     r#"{"transferableSkus": [{"sku": {"name": "products/p/skus/s"}}]}"#)?;
    /// assert_eq!(page.skus()[0].sku().name().map(|n| n.sku_id()), Some("s"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(&self) -> &ChannelSku {
        &self.sku
    }

    /// `transferEligibility.isEligible`; `false` when Google does not say.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::TransferableSkuPage = serde_json::from_str(
    ///     r#"{"transferableSkus": [{"transferEligibility": {"isEligible": true}}]}"#)?;
    /// assert!(page.skus()[0].is_eligible());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_eligible(&self) -> bool {
        self.eligible
    }

    /// `transferEligibility.ineligibilityReason` (`PENDING_TOS_ACCEPTANCE`,
    /// `SKU_NOT_ELIGIBLE`, `SKU_SUSPENDED`, `CHANNEL_PARTNER_NOT_AUTHORIZED_FOR_SKU`, or a
    /// newer value), cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::TransferableSkuPage =
    ///     serde_json::from_str(r#"{"transferableSkus": [{}]}"#)?;
    /// assert_eq!(page.skus()[0].ineligibility_reason(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ineligibility_reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// `transferEligibility.description`: Google's words, cut to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::TransferableSkuPage = serde_json::from_str(
    ///     r#"{"transferableSkus": [{"transferEligibility": {"description": "Suspended"}}]}"#)?;
    /// assert_eq!(page.skus()[0].description(), Some("Suspended"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct RawEligibility {
    is_eligible: Option<bool>,
    description: Text,
    ineligibility_reason: Text,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct RawTransferableSku {
    sku: ChannelSku,
    transfer_eligibility: RawEligibility,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTransferableSkuPage {
    #[serde(rename = "error", default, deserialize_with = "present")]
    error_body: bool,
    #[serde(default)]
    transferable_skus: Capped<RawTransferableSku>,
    #[serde(default)]
    next_page_token: Text,
}

/// One page of `listTransferableSkus`: `{transferableSkus: [TransferableSku], nextPageToken}`,
/// read as the other listings are ([`SkuPage`](super::SkuPage)): an error body refused, `{}`
/// an empty last page, at most [`MAX_LISTED`](super::MAX_LISTED) entries kept.
///
/// ```
/// use gws_onboarding::wire::channel::TransferableSkuPage;
/// let page: TransferableSkuPage = serde_json::from_str("{}")?;
/// assert!(page.skus().is_empty() && page.next_page_token().is_none());
/// assert!(serde_json::from_str::<TransferableSkuPage>(r#"{"error": {"code": 403}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TransferableSkuPage {
    skus: Vec<TransferableSku>,
    next_page_token: Option<PageToken>,
    cut: usize,
}

impl<'de> Deserialize<'de> for TransferableSkuPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawTransferableSkuPage::deserialize(deserializer)?;
        NotASuccess::check("a ListTransferableSkusResponse", raw.error_body, false)?;
        Ok(TransferableSkuPage {
            next_page_token: next_token(&raw.next_page_token)?,
            cut: raw.transferable_skus.cut,
            skus: raw
                .transferable_skus
                .items
                .into_iter()
                .map(|raw| TransferableSku {
                    sku: raw.sku,
                    eligible: raw.transfer_eligibility.is_eligible.unwrap_or(false),
                    reason: raw.transfer_eligibility.ineligibility_reason.0,
                    description: raw.transfer_eligibility.description.0,
                })
                .collect(),
        })
    }
}

impl TransferableSkuPage {
    /// The SKUs kept.
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::TransferableSkuPage = serde_json::from_str("{}")?;
    /// assert_eq!(page.skus().len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn skus(&self) -> &[TransferableSku] {
        &self.skus
    }
}

super::offers::page_surface!(TransferableSkuPage);
