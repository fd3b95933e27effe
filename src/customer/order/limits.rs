//! Layer 3, customer: the limits of an order (seats, purchase order id, deal code, offer name).

#[cfg(doc)]
use crate::form;

/// The most seats an order may have: the largest value of the Reseller API's `int32` seat
/// fields (`numberOfSeats`, `maximumNumberOfSeats`).
///
/// ```
/// use gws_onboarding::order::{self, MAX_SEATS};
/// assert_eq!(order::parse_seats("2147483647")?, MAX_SEATS);
/// assert_eq!(order::parse_seats("2147483648").unwrap_err().code(), "order.seats_too_large");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_SEATS: u32 = 2_147_483_647;

/// The most seats of a free trial (Reseller API `subscriptions.insert`: `TRIAL`, 30 days, at
/// most 10 seats).
///
/// ```
/// assert_eq!(gws_onboarding::order::MAX_TRIAL_SEATS, 10);
/// ```
pub const MAX_TRIAL_SEATS: u32 = 10;

/// The most characters of a purchase order id (Reseller API `purchaseOrderId`, Cloud Channel
/// `Entitlement.purchase_order_id`).
///
/// ```
/// use gws_onboarding::order::{PurchaseOrderId, MAX_PURCHASE_ORDER_ID_CHARS};
/// assert!(PurchaseOrderId::parse(&"9".repeat(MAX_PURCHASE_ORDER_ID_CHARS)).is_ok());
/// ```
pub const MAX_PURCHASE_ORDER_ID_CHARS: usize = 80;

/// The most characters of a deal code (Reseller API `dealCode`).
///
/// ```
/// use gws_onboarding::order::{DealCode, MAX_DEAL_CODE_CHARS};
/// assert!(DealCode::parse(&"D".repeat(MAX_DEAL_CODE_CHARS + 1)).is_err());
/// ```
pub const MAX_DEAL_CODE_CHARS: usize = 100;

/// The most characters of each id in an offer name (`accounts/{account}/offers/{offer}`).
///
/// ```
/// use gws_onboarding::order::{OfferName, MAX_OFFER_ID_CHARS};
/// let long = "a".repeat(MAX_OFFER_ID_CHARS + 1);
/// assert!(OfferName::parse(&format!("accounts/C01/offers/{long}")).is_err());
/// ```
pub const MAX_OFFER_ID_CHARS: usize = 64;

/// The most characters of a whole offer name.
pub(super) const MAX_OFFER_NAME_CHARS: usize =
    "accounts/".len() + MAX_OFFER_ID_CHARS + "/offers/".len() + MAX_OFFER_ID_CHARS;

/// The most bytes of seat text read (a longer text is refused by its length).
pub(super) const MAX_SEATS_TEXT: usize = 64;
