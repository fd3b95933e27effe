//! Layer 4, wire. The body of a transfer's Reseller `subscriptions.insert`, built from one
//! subscription [`list`](super::list) read, and [`TransferError`], why one is not built.
//!
//! A listed subscription is never echoed back: Google refuses its read-only fields
//! (`400 Licensed number of seats field is read-only`, google-api-php-client #2332).
//! [`transfer_body`] gives a [`SubscriptionBody`], which serialises only input fields:
//!
//! | JSON field | Value |
//! |---|---|
//! | `customerId` | the listed `customerId` (checked as a [`CloudIdentityId`]) |
//! | `skuId` | the listed `skuId` (Google's recommended SKU when `transferInfo.currentLegacySkuId` is set), verbatim, even when the catalogue lacks it |
//! | `plan.planName` | the [`TransferOrder`]'s plan |
//! | `seats.numberOfSeats` | the seats, for an annual plan |
//! | `seats.maximumNumberOfSeats` | the seats, for `FLEXIBLE`, `TRIAL` and `FREE` |
//! | `purchaseOrderId`, `dealCode` | when the order has them |
//! | `renewalSettings.renewalType` | annual plans: the [`SubscriptionBody`] renewal default |
//!
//! Never `subscriptionId`, `status`, `seats.licensedNumberOfSeats`, `transferInfo`,
//! `creationTime`, `resourceUiUrl`, `skuName`, `billingMethod`, `suspensionReasons`,
//! `trialSettings`, `customerDomain` or `kind`. Send it to
//! `apps/reseller/v1/customers/{customerId}/subscriptions?customerAuthToken=…`.
//!
//! **Seats**: Google refuses a transfer order below `transferInfo.minimumTransferableSeats`
//! (the customer's current users). [`transfer_body`] refuses it too, with
//! [`TransferError::TooFewSeats`], rather than silently buying more than was asked;
//! [`seats_to_send`] (or [`TransferOrder::at_least_minimum`]) raises a count to that minimum
//! for a caller that wants it raised.

use std::fmt;
use std::time::SystemTime;

use crate::customer::CloudIdentityId;
use crate::error::{Lang, impl_diagnostic, snippet};
use crate::order::{DealCode, MAX_SEATS, MAX_TRIAL_SEATS, Plan, PurchaseOrderId};
use crate::product::{MAX_ID_LEN, Product};

use super::list::{ListedSubscription, TransferInfo};
use super::{CustomerIdRef, SubscriptionBody};

/// What the reseller orders in a transfer: the plan, the seats, and the optional purchase
/// order id and deal code.
///
/// ```
/// use gws_onboarding::wire::subscription::transfer::TransferOrder;
/// use gws_onboarding::order::{Plan, PurchaseOrderId};
/// let order = TransferOrder::new(Plan::Flexible, 25).with_purchase_order_id(PurchaseOrderId::parse("PO-42")?);
/// assert_eq!(order.seats(), 25);
/// assert_eq!(order.plan(), Plan::Flexible);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferOrder {
    plan: Plan,
    seats: u32,
    purchase_order_id: Option<PurchaseOrderId>,
    deal_code: Option<DealCode>,
}

impl TransferOrder {
    /// `seats` on `plan`, without purchase order id or deal code.
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::transfer::TransferOrder};
    /// assert_eq!(TransferOrder::new(Plan::AnnualYearly, 10).seats(), 10);
    /// ```
    #[must_use]
    pub fn new(plan: Plan, seats: u32) -> Self {
        TransferOrder {
            plan,
            seats,
            purchase_order_id: None,
            deal_code: None,
        }
    }

    /// With a purchase order id (`purchaseOrderId`).
    ///
    /// ```
    /// use gws_onboarding::order::{Plan, PurchaseOrderId};
    /// use gws_onboarding::wire::subscription::transfer::TransferOrder;
    /// let order = TransferOrder::new(Plan::Flexible, 5).with_purchase_order_id(PurchaseOrderId::parse("PO-1")?);
    /// assert_eq!(order.purchase_order_id().map(|p| p.as_str()), Some("PO-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_purchase_order_id(mut self, id: PurchaseOrderId) -> Self {
        self.purchase_order_id = Some(id);
        self
    }

    /// With a deal code (`dealCode`).
    ///
    /// ```
    /// use gws_onboarding::order::{DealCode, Plan};
    /// use gws_onboarding::wire::subscription::transfer::TransferOrder;
    /// let order = TransferOrder::new(Plan::Flexible, 5).with_deal_code(DealCode::parse("DEAL1")?);
    /// assert_eq!(order.deal_code().map(|d| d.as_str()), Some("DEAL1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_deal_code(mut self, code: DealCode) -> Self {
        self.deal_code = Some(code);
        self
    }

    /// The same order with its seats raised to what `listed` needs at least
    /// ([`seats_to_send`]).
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::{list::SubscriptionList, transfer::TransferOrder}};
    /// let page: SubscriptionList = serde_json::from_str(
    ///     r#"{"subscriptions": [{"transferInfo": {"minimumTransferableSeats": 20}}]}"#)?;
    /// let order = TransferOrder::new(Plan::Flexible, 15).at_least_minimum(&page.subscriptions()[0]);
    /// assert_eq!(order.seats(), 20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn at_least_minimum(mut self, listed: &ListedSubscription) -> Self {
        self.seats = seats_to_send(listed, self.seats);
        self
    }

    /// The plan.
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::transfer::TransferOrder};
    /// assert_eq!(TransferOrder::new(Plan::Trial, 5).plan(), Plan::Trial);
    /// ```
    #[must_use]
    pub fn plan(&self) -> Plan {
        self.plan
    }

    /// The seats asked for.
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::transfer::TransferOrder};
    /// assert_eq!(TransferOrder::new(Plan::Trial, 5).seats(), 5);
    /// ```
    #[must_use]
    pub fn seats(&self) -> u32 {
        self.seats
    }

    /// The purchase order id, if any.
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::transfer::TransferOrder};
    /// assert!(TransferOrder::new(Plan::Trial, 5).purchase_order_id().is_none());
    /// ```
    #[must_use]
    pub fn purchase_order_id(&self) -> Option<&PurchaseOrderId> {
        self.purchase_order_id.as_ref()
    }

    /// The deal code, if any.
    ///
    /// ```
    /// use gws_onboarding::{order::Plan, wire::subscription::transfer::TransferOrder};
    /// assert!(TransferOrder::new(Plan::Trial, 5).deal_code().is_none());
    /// ```
    #[must_use]
    pub fn deal_code(&self) -> Option<&DealCode> {
        self.deal_code.as_ref()
    }
}

/// The fewest seats a transfer of `listed` may send: `transferInfo.minimumTransferableSeats`,
/// and at least 1 (Google takes no order of 0 seats).
///
/// ```
/// use gws_onboarding::wire::subscription::{list::SubscriptionList, transfer};
/// let page: SubscriptionList = serde_json::from_str(
///     r#"{"subscriptions": [{"transferInfo": {"minimumTransferableSeats": 20}}, {"transferInfo": {}}]}"#)?;
/// assert_eq!(transfer::minimum_seats(&page.subscriptions()[0]), 20);
/// assert_eq!(transfer::minimum_seats(&page.subscriptions()[1]), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn minimum_seats(listed: &ListedSubscription) -> u32 {
    listed
        .transfer_info()
        .and_then(TransferInfo::minimum_transferable_seats)
        .unwrap_or(0)
        .max(1)
}

/// The seats to send for `wanted`: `max(wanted, minimum_seats(listed))`.
///
/// ```
/// use gws_onboarding::wire::subscription::{list::SubscriptionList, transfer};
/// let page: SubscriptionList = serde_json::from_str(
///     r#"{"subscriptions": [{"transferInfo": {"minimumTransferableSeats": 20}}]}"#)?;
/// assert_eq!(transfer::seats_to_send(&page.subscriptions()[0], 15), 20);
/// assert_eq!(transfer::seats_to_send(&page.subscriptions()[0], 25), 25);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn seats_to_send(listed: &ListedSubscription, wanted: u32) -> u32 {
    wanted.max(minimum_seats(listed))
}

/// The `subscriptions.insert` body that transfers `listed` on `order`'s terms, checked at
/// `now` (the caller's clock: this crate reads none). See the [module docs](self) for the
/// fields sent.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use gws_onboarding::order::Plan;
/// use gws_onboarding::wire::subscription::{list::SubscriptionList, transfer::{self, TransferOrder}};
///
/// let page: SubscriptionList = serde_json::from_str(r#"{"kind": "reseller#subscriptions",
///     "subscriptions": [{"customerId": "C01abcd2e", "subscriptionId": "123", "skuId": "1010020028",
///         "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 25, "licensedNumberOfSeats": 20},
///         "status": "ACTIVE", "transferInfo": {"minimumTransferableSeats": 20,
///         "transferabilityExpirationTime": "1746921600000"}}]}"#)?;
/// let now = UNIX_EPOCH + Duration::from_secs(1_746_000_000);
/// let body = transfer::transfer_body(&page.subscriptions()[0], &TransferOrder::new(Plan::Flexible, 25), now)?;
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "customerId": "C01abcd2e", "skuId": "1010020028",
///     "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 25}}));
///
/// let late = UNIX_EPOCH + Duration::from_millis(1_746_921_600_000);
/// let err = transfer::transfer_body(&page.subscriptions()[0], &TransferOrder::new(Plan::Flexible, 25), late)
///     .unwrap_err();
/// assert_eq!(err.code(), "transfer.expired");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// In this order: [`TransferError::NotTransferable`] when `listed` has no `transferInfo`;
/// [`TransferError::Expired`] when its `transferabilityExpirationTime` is at or before `now`;
/// [`TransferError::NoCustomerId`] / [`TransferError::InvalidCustomerId`] for a missing or
/// malformed `customerId` (`"C01 abc"`); [`TransferError::NoSku`] / [`TransferError::InvalidSku`]
/// for a missing `skuId` or one that is not 1 to 64 ASCII letters, digits, `-`, `_` or `.`
/// (`"../x"`, `"1010020028?x"`); [`TransferError::PlanNotOffered`] for a catalogue SKU Google
/// does not sell on the plan (Essentials on an Annual Plan); [`TransferError::TooFewSeats`]
/// below [`minimum_seats`]; [`TransferError::TooManySeats`] past `i32::MAX`, past the 10 seats
/// of a trial, or past an edition's [`max_seats`](crate::Edition::max_seats) (none has one
/// today: Cloud Identity Free's 50 is a user cap, not an order limit).
pub fn transfer_body(
    listed: &ListedSubscription,
    order: &TransferOrder,
    now: SystemTime,
) -> Result<SubscriptionBody, TransferError> {
    let info = listed
        .transfer_info()
        .ok_or(TransferError::NotTransferable)?;
    if let Some(expired_at_ms) = info
        .transferability_expiration_time()
        .filter(|_| info.is_expired_at(now))
    {
        return Err(TransferError::Expired { expired_at_ms });
    }
    let customer = customer_id(listed)?;
    let sku_id = sku_id(listed)?;
    let product = listed.product();
    if let Some(product) = product.filter(|&p| !order.plan.is_offered_for(p)) {
        return Err(TransferError::PlanNotOffered {
            product,
            plan: order.plan,
        });
    }
    check_seats(listed, order, product)?;
    Ok(SubscriptionBody::with_sku_id(
        CustomerIdRef::Id(customer),
        sku_id.to_owned(),
        order.plan,
        order.seats,
        order.purchase_order_id.as_ref(),
        order.deal_code.as_ref(),
    ))
}

fn customer_id(listed: &ListedSubscription) -> Result<CloudIdentityId, TransferError> {
    let id = listed
        .customer_id()
        .filter(|id| !id.trim().is_empty())
        .ok_or(TransferError::NoCustomerId)?;
    CloudIdentityId::parse(id).map_err(|_| TransferError::InvalidCustomerId { found: snippet(id) })
}

/// The listed `skuId`, if it is safe to send and to put in a path or query (`sourceSkuId`).
fn sku_id(listed: &ListedSubscription) -> Result<&str, TransferError> {
    let id = listed
        .sku_id()
        .filter(|id| !id.trim().is_empty())
        .ok_or(TransferError::NoSku)?;
    let shaped = id.len() <= MAX_ID_LEN
        && id != "."
        && id != ".."
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if shaped {
        Ok(id)
    } else {
        Err(TransferError::InvalidSku { found: snippet(id) })
    }
}

fn check_seats(
    listed: &ListedSubscription,
    order: &TransferOrder,
    product: Option<Product>,
) -> Result<(), TransferError> {
    let minimum = minimum_seats(listed);
    if order.seats < minimum {
        return Err(TransferError::TooFewSeats {
            minimum,
            wanted: order.seats,
        });
    }
    let edition_cap = match product {
        Some(Product::Edition(edition)) => edition.max_seats(),
        _ => None,
    };
    let trial_cap = (order.plan == Plan::Trial).then_some(MAX_TRIAL_SEATS);
    let max = [Some(MAX_SEATS), edition_cap, trial_cap]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(MAX_SEATS);
    if order.seats > max {
        return Err(TransferError::TooManySeats {
            wanted: order.seats,
            max,
        });
    }
    Ok(())
}

/// Why a listed subscription gives no transfer body ([`transfer_body`]).
///
/// ```
/// use std::time::UNIX_EPOCH;
/// use gws_onboarding::{Diagnostic, Lang, order::Plan};
/// use gws_onboarding::wire::subscription::{list::SubscriptionList, transfer::{self, TransferError, TransferOrder}};
///
/// let page: SubscriptionList = serde_json::from_str(r#"{"subscriptions": [{"customerId": "C1",
///     "skuId": "1010020028", "transferInfo": {"minimumTransferableSeats": 20}}]}"#)?;
/// let err = transfer::transfer_body(&page.subscriptions()[0], &TransferOrder::new(Plan::Flexible, 15), UNIX_EPOCH)
///     .unwrap_err();
/// assert_eq!(err, TransferError::TooFewSeats { minimum: 20, wanted: 15 });
/// assert_eq!(err.code(), "transfer.too_few_seats");
/// assert_eq!(err.message(Lang::En),
///     "the transfer needs at least 20 seats, not 15: Google counts every current user of the customer");
/// assert_eq!(err.message(Lang::Fr),
///     "le transfert demande au moins 20 licences, pas 15 : Google compte tous les utilisateurs actuels du client");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransferError {
    /// The listed subscription has no `transferInfo`: it is not one the transfer token opens.
    NotTransferable,
    /// `transferInfo.transferabilityExpirationTime` is at or before `now`.
    Expired {
        /// The expiration time, in milliseconds since the Unix epoch.
        expired_at_ms: i64,
    },
    /// The listed subscription has no `customerId`.
    NoCustomerId,
    /// The listed `customerId` is not a [`CloudIdentityId`].
    InvalidCustomerId {
        /// The id, escaped and cut.
        found: String,
    },
    /// The listed subscription has no `skuId`.
    NoSku,
    /// The listed `skuId` is not 1 to 64 ASCII letters, digits, `-`, `_` or `.`.
    InvalidSku {
        /// The id, escaped and cut.
        found: String,
    },
    /// The catalogue says Google does not sell the SKU on the plan.
    PlanNotOffered {
        /// The listed SKU's product.
        product: Product,
        /// The plan asked for.
        plan: Plan,
    },
    /// Fewer seats than [`minimum_seats`].
    TooFewSeats {
        /// The fewest seats allowed.
        minimum: u32,
        /// The seats asked for.
        wanted: u32,
    },
    /// More seats than Google takes for the product and plan.
    TooManySeats {
        /// The seats asked for.
        wanted: u32,
        /// The most allowed.
        max: u32,
    },
}

impl TransferError {
    /// The stable code: `transfer.not_transferable`, `transfer.expired`,
    /// `transfer.no_customer_id`, `transfer.invalid_customer_id`, `transfer.no_sku`,
    /// `transfer.invalid_sku`, `transfer.plan_not_offered`, `transfer.too_few_seats` or
    /// `transfer.too_many_seats`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::transfer::TransferError;
    /// assert_eq!(TransferError::NoSku.code(), "transfer.no_sku");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            TransferError::NotTransferable => "transfer.not_transferable",
            TransferError::Expired { .. } => "transfer.expired",
            TransferError::NoCustomerId => "transfer.no_customer_id",
            TransferError::InvalidCustomerId { .. } => "transfer.invalid_customer_id",
            TransferError::NoSku => "transfer.no_sku",
            TransferError::InvalidSku { .. } => "transfer.invalid_sku",
            TransferError::PlanNotOffered { .. } => "transfer.plan_not_offered",
            TransferError::TooFewSeats { .. } => "transfer.too_few_seats",
            TransferError::TooManySeats { .. } => "transfer.too_many_seats",
        }
    }

    /// The JSON path, in the listed subscription, of the field the error is about.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::transfer::TransferError;
    /// assert_eq!(TransferError::Expired { expired_at_ms: 0 }.field(), "transferInfo.transferabilityExpirationTime");
    /// ```
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            TransferError::NotTransferable => "transferInfo",
            TransferError::Expired { .. } => "transferInfo.transferabilityExpirationTime",
            TransferError::NoCustomerId | TransferError::InvalidCustomerId { .. } => "customerId",
            TransferError::NoSku | TransferError::InvalidSku { .. } => "skuId",
            TransferError::PlanNotOffered { .. } => "plan.planName",
            TransferError::TooFewSeats { .. } | TransferError::TooManySeats { .. } => "seats",
        }
    }

    /// The message in `lang`, for a salesperson; the English one is the
    /// [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::subscription::transfer::TransferError};
    /// let err = TransferError::Expired { expired_at_ms: 1_746_921_600_000 };
    /// assert_eq!(err.message(Lang::En),
    ///     "the transfer of this subscription expired on 2025-05-11 at 00:00 UTC: ask the customer for a new transfer token");
    /// assert_eq!(err.message(Lang::Fr),
    ///     "le transfert de cet abonnement a expiré le 2025-05-11 à 00:00 UTC : demandez au client un nouveau jeton de transfert");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TransferError::NotTransferable => lang.pick(
                "the subscription has no transferInfo, so it is not open to transfer: list the customer's subscriptions with their transfer token",
                "l'abonnement n'a pas de transferInfo, il n'est donc pas transférable : listez les abonnements du client avec son jeton de transfert",
            ).to_owned(),
            TransferError::Expired { expired_at_ms } => {
                let (day, time) = utc(*expired_at_ms);
                lang.pick(
                    format!("the transfer of this subscription expired on {day} at {time} UTC: ask the customer for a new transfer token"),
                    format!("le transfert de cet abonnement a expiré le {day} à {time} UTC : demandez au client un nouveau jeton de transfert"),
                )
            }
            TransferError::NoCustomerId => lang.pick(
                "the listed subscription has no customerId",
                "l'abonnement listé n'a pas de customerId",
            ).to_owned(),
            TransferError::InvalidCustomerId { found } => lang.pick(
                format!("the listed customerId \"{found}\" is not a Google customer id (1 to 64 letters, digits, - or _)"),
                format!("le customerId « {found} » listé n'est pas un identifiant client Google (1 à 64 lettres, chiffres, - ou _)"),
            ),
            TransferError::NoSku => lang.pick(
                "the listed subscription has no skuId: there is no SKU to transfer",
                "l'abonnement listé n'a pas de skuId : aucun SKU à transférer",
            ).to_owned(),
            TransferError::InvalidSku { found } => lang.pick(
                format!("the listed skuId \"{found}\" is not a SKU id (1 to {MAX_ID_LEN} letters, digits, -, _ or .)"),
                format!("le skuId « {found} » listé n'est pas un identifiant de SKU (1 à {MAX_ID_LEN} lettres, chiffres, -, _ ou .)"),
            ),
            TransferError::PlanNotOffered { product, plan } => plan_not_offered(*product, *plan, lang),
            TransferError::TooFewSeats { minimum, wanted } => {
                let (seats, licences) = if *minimum == 1 {
                    ("seat", "licence")
                } else {
                    ("seats", "licences")
                };
                lang.pick(
                    format!("the transfer needs at least {minimum} {seats}, not {wanted}: Google counts every current user of the customer"),
                    format!("le transfert demande au moins {minimum} {licences}, pas {wanted} : Google compte tous les utilisateurs actuels du client"),
                )
            }
            TransferError::TooManySeats { wanted, max } => lang.pick(
                format!("the transfer asks for {wanted} seats, more than the {max} Google allows for this product and plan"),
                format!("le transfert demande {wanted} licences, plus que les {max} autorisées par Google pour ce produit et ce forfait"),
            ),
        }
    }
}

fn plan_not_offered(product: Product, plan: Plan, lang: Lang) -> String {
    let names: Vec<&str> = Plan::offered_for(product)
        .into_iter()
        .map(|p| p.name(lang))
        .collect();
    let choose = match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("or", "ou")),
        None => lang.pick("another SKU", "un autre SKU").to_owned(),
    };
    lang.pick(
        format!(
            "{} cannot be transferred on {}: choose {choose}",
            product.name(),
            plan.name(lang)
        ),
        format!(
            "{} ne peut pas être transféré avec {} : choisissez {choose}",
            product.name(),
            plan.name(lang)
        ),
    )
}

/// `ms` since the Unix epoch as a UTC day (`2025-05-11`) and time (`14:03`).
fn utc(ms: i64) -> (String, String) {
    let secs = ms.div_euclid(1000);
    let (days, of_day) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days_from_civil, inverted (public domain algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        format!("{:02}:{:02}", of_day / 3600, of_day % 3600 / 60),
    )
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TransferError {}

impl_diagnostic!(TransferError);
