//! Layer 4, wire. Reseller API v1 `Subscription` (`reseller#subscription`): the body of
//! `subscriptions.insert`, and the subscription Google answers with.
//!
//! # What is sent
//!
//! | JSON field | Value |
//! |---|---|
//! | `customerId` | the `customerId` Google gave on `customers.insert` (or `{customerId}` in a plan) |
//! | `skuId` | the ordered product's SKU ([`Product::sku_id`]) |
//! | `plan.planName` | `FLEXIBLE`, `ANNUAL_MONTHLY_PAY`, `ANNUAL_YEARLY_PAY`, `TRIAL` or `FREE` |
//! | `seats.numberOfSeats` | the seats, for an annual plan (the commitment) |
//! | `seats.maximumNumberOfSeats` | the seats, for `FLEXIBLE`, `TRIAL` and `FREE` (the cap) |
//! | `purchaseOrderId` | when the order has one (≤ 80 characters) |
//! | `dealCode` | when the order has one (≤ 100 characters) |
//! | `renewalSettings.renewalType` | annual plans only: `AUTO_RENEW_MONTHLY_PAY` or `AUTO_RENEW_YEARLY_PAY` |
//!
//! **Renewal default**: an annual plan renews automatically into the same plan
//! (`AUTO_RENEW_MONTHLY_PAY` for annual-monthly, `AUTO_RENEW_YEARLY_PAY` for annual-yearly),
//! which is what the Admin console does when nobody changes it; change it later with
//! `subscriptions.changeRenewalSettings`. Flexible, trial and free plans have no renewal.
//!
//! # Transfers
//!
//! Taking over a customer's subscriptions from Google or another reseller: [`list`] is the
//! `subscriptions.list` call that lists the ones the transfer token opens, and its reader;
//! [`transfer`] turns one listed subscription into the body of its `subscriptions.insert`
//! (sent with `customerAuthToken`). A listed subscription is never sent back as it came:
//! Google refuses its read-only fields (`400 Licensed number of seats field is read-only`).

pub mod list;
pub mod transfer;

use serde::{Deserialize, Serialize};

use crate::customer::CloudIdentityId;
use crate::order::{DealCode, Plan, PurchaseOrderId};
use crate::product::Product;
use crate::wire::success::{NotASuccess, present};

/// A Reseller `customerId` in a body or path: Google's id, or the `{customerId}` placeholder
/// of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CustomerIdRef {
    /// The id Google returned from `customers.insert` (or `customers.get`).
    Id(CloudIdentityId),
    /// `{customerId}`: not known before `customers.insert` answers.
    Placeholder,
}

impl CustomerIdRef {
    /// `"{customerId}"`.
    pub const PLACEHOLDER: &'static str = "{customerId}";

    /// The id, or `{customerId}`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::CustomerIdRef;
    /// assert_eq!(CustomerIdRef::Placeholder.as_str(), "{customerId}");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            CustomerIdRef::Id(id) => id.as_str(),
            CustomerIdRef::Placeholder => Self::PLACEHOLDER,
        }
    }
}

impl Serialize for CustomerIdRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CustomerIdRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        if s == Self::PLACEHOLDER {
            return Ok(CustomerIdRef::Placeholder);
        }
        CloudIdentityId::parse(&s)
            .map(CustomerIdRef::Id)
            .map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum PlanName {
    Flexible,
    AnnualMonthlyPay,
    AnnualYearlyPay,
    Trial,
    Free,
}

impl From<Plan> for PlanName {
    fn from(plan: Plan) -> Self {
        match plan {
            Plan::Flexible => PlanName::Flexible,
            Plan::AnnualMonthly => PlanName::AnnualMonthlyPay,
            Plan::AnnualYearly => PlanName::AnnualYearlyPay,
            Plan::Trial => PlanName::Trial,
            Plan::Free => PlanName::Free,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanBody {
    plan_name: PlanName,
}

/// `seats`: one of the two counts, by plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Seats {
    NumberOfSeats(u32),
    MaximumNumberOfSeats(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum RenewalType {
    AutoRenewMonthlyPay,
    AutoRenewYearlyPay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RenewalSettings {
    renewal_type: RenewalType,
}

/// The body of Reseller API v1 `subscriptions.insert`, built from a validated order (see the
/// [module docs](self) for the fields and the renewal default).
///
/// ```
/// use gws_onboarding::wire::subscription::{CustomerIdRef, SubscriptionBody};
/// use gws_onboarding::Edition;
/// # use gws_onboarding::order::Plan;
///
/// let body = SubscriptionBody::new(CustomerIdRef::Placeholder, Edition::BusinessStandard.into(),
///     Plan::Flexible, 25, None, None);
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "customerId": "{customerId}", "skuId": "1010020028",
///     "plan": {"planName": "FLEXIBLE"}, "seats": {"maximumNumberOfSeats": 25}}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionBody {
    customer_id: CustomerIdRef,
    sku_id: String,
    plan: PlanBody,
    seats: Seats,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purchase_order_id: Option<PurchaseOrderId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deal_code: Option<DealCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    renewal_settings: Option<RenewalSettings>,
}

impl SubscriptionBody {
    /// The subscription to `product` for `seats` on `plan`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::{CustomerIdRef, SubscriptionBody};
    /// use gws_onboarding::Edition;
    /// # use gws_onboarding::order::Plan;
    /// let body = SubscriptionBody::new(CustomerIdRef::Placeholder, Edition::BusinessPlus.into(),
    ///     Plan::AnnualYearly, 10, None, None);
    /// let json = serde_json::to_value(&body)?;
    /// assert_eq!(json["seats"]["numberOfSeats"], 10);
    /// assert_eq!(json["renewalSettings"]["renewalType"], "AUTO_RENEW_YEARLY_PAY");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        customer_id: CustomerIdRef,
        product: Product,
        plan: Plan,
        seats: u32,
        purchase_order_id: Option<&PurchaseOrderId>,
        deal_code: Option<&DealCode>,
    ) -> Self {
        Self::with_sku_id(
            customer_id,
            product.sku_id().to_owned(),
            plan,
            seats,
            purchase_order_id,
            deal_code,
        )
    }

    /// The body for an `skuId` given as text: a catalogue SKU's, or one Google listed that the
    /// catalogue lacks (a transfer, [`transfer::transfer_body`]). The caller checks the id.
    fn with_sku_id(
        customer_id: CustomerIdRef,
        sku_id: String,
        plan: Plan,
        seats: u32,
        purchase_order_id: Option<&PurchaseOrderId>,
        deal_code: Option<&DealCode>,
    ) -> Self {
        let (seats, renewal) = match plan {
            Plan::AnnualMonthly => (
                Seats::NumberOfSeats(seats),
                Some(RenewalType::AutoRenewMonthlyPay),
            ),
            Plan::AnnualYearly => (
                Seats::NumberOfSeats(seats),
                Some(RenewalType::AutoRenewYearlyPay),
            ),
            Plan::Flexible | Plan::Trial | Plan::Free => (Seats::MaximumNumberOfSeats(seats), None),
        };
        SubscriptionBody {
            customer_id,
            sku_id,
            plan: PlanBody {
                plan_name: plan.into(),
            },
            seats,
            purchase_order_id: purchase_order_id.cloned(),
            deal_code: deal_code.cloned(),
            renewal_settings: renewal.map(|renewal_type| RenewalSettings { renewal_type }),
        }
    }

    /// The same body for the customer Google named (replacing `{customerId}`).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::{CustomerIdRef, SubscriptionBody};
    /// use gws_onboarding::{Edition, customer::CloudIdentityId};
    /// # use gws_onboarding::order::Plan;
    /// let body = SubscriptionBody::new(CustomerIdRef::Placeholder, Edition::BusinessPlus.into(),
    ///     Plan::Trial, 5, None, None).for_customer(CloudIdentityId::parse("C0abc")?);
    /// assert_eq!(body.customer_id().as_str(), "C0abc");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_customer(mut self, id: CloudIdentityId) -> Self {
        self.customer_id = CustomerIdRef::Id(id);
        self
    }

    /// `customerId`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::{CustomerIdRef, SubscriptionBody};
    /// use gws_onboarding::Edition;
    /// # use gws_onboarding::order::Plan;
    /// let body = SubscriptionBody::new(CustomerIdRef::Placeholder, Edition::BusinessPlus.into(),
    ///     Plan::Trial, 5, None, None);
    /// assert_eq!(body.customer_id(), &CustomerIdRef::Placeholder);
    /// ```
    #[must_use]
    pub fn customer_id(&self) -> &CustomerIdRef {
        &self.customer_id
    }

    /// The `skuId` bought.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::{CustomerIdRef, SubscriptionBody};
    /// use gws_onboarding::Edition;
    /// # use gws_onboarding::order::Plan;
    /// let body = SubscriptionBody::new(CustomerIdRef::Placeholder, Edition::BusinessPlus.into(),
    ///     Plan::Trial, 5, None, None);
    /// assert_eq!(body.sku_id(), "1010020025");
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> &str {
        &self.sku_id
    }
}

/// A seat count as Google writes it: a JSON number or a decimal string (int32 in the
/// discovery document). A negative count, or one past `i32::MAX`, is refused: it is not a
/// count of seats, and reading it as "no count" would hide a broken answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Count(u32);

/// A whole number as Google writes int32 and int64 values: a JSON number or a decimal string
/// (the proto3 JSON mapping writes int64 as a string). Anything else refuses the answer, with
/// `what` named in the message.
pub(super) fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    what: &str,
) -> Result<i128, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw<'a> {
        Number(i64),
        #[serde(borrow)]
        Text(std::borrow::Cow<'a, str>),
    }
    match Raw::deserialize(deserializer)? {
        Raw::Number(n) => Ok(i128::from(n)),
        Raw::Text(text) => text.trim().parse::<i128>().map_err(|_| {
            serde::de::Error::custom(format_args!(
                "{what} \"{}\" is not a whole number",
                crate::error::snippet(&text)
            ))
        }),
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = whole_number(deserializer, "seat count")?;
        i32::try_from(n)
            .ok()
            .and_then(|n| u32::try_from(n).ok())
            .map(Count)
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "seat count {} is out of range: expected 0 to {}",
                    crate::error::snippet(&n.to_string()),
                    i32::MAX
                ))
            })
    }
}

impl Count {
    fn get(self) -> u32 {
        self.0
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[allow(clippy::struct_field_names)] // Google's names
struct ReadSeats {
    number_of_seats: Option<Count>,
    maximum_number_of_seats: Option<Count>,
    licensed_number_of_seats: Option<Count>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ReadPlan {
    plan_name: Option<String>,
    is_commitment_plan: Option<bool>,
}

/// The `Subscription` Google answers `subscriptions.insert` with, read leniently: every field
/// may be missing; unknown fields, plan names and statuses are accepted and returned as
/// written.
///
/// ```
/// use gws_onboarding::wire::subscription::SubscriptionResource;
///
/// let s: SubscriptionResource = serde_json::from_str(r#"{
///     "kind": "reseller#subscription", "customerId": "C0abc", "subscriptionId": "123",
///     "skuId": "1010020028", "plan": {"planName": "FLEXIBLE", "isCommitmentPlan": false},
///     "seats": {"maximumNumberOfSeats": 25, "licensedNumberOfSeats": 0},
///     "status": "ACTIVE", "someFutureField": [1]}"#)?;
/// assert_eq!(s.subscription_id(), Some("123"));
/// assert_eq!(s.status(), Some("ACTIVE"));
/// assert_eq!(s.plan_name(), Some("FLEXIBLE"));
/// assert_eq!(s.seats(), Some(25));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Google's error body, or an object with none of these fields, is refused
/// ([`NotASuccess`]):
///
/// ```
/// use gws_onboarding::wire::subscription::SubscriptionResource;
/// assert!(serde_json::from_str::<SubscriptionResource>("{}").is_err());
/// assert!(serde_json::from_str::<SubscriptionResource>(r#"{"error": {"code": 403}}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct SubscriptionResource {
    customer_id: Option<String>,
    subscription_id: Option<String>,
    sku_id: Option<String>,
    plan: Option<ReadPlan>,
    seats: Option<ReadSeats>,
    status: Option<String>,
    /// A top-level `error`: the JSON is an error body.
    #[serde(rename = "error", deserialize_with = "present")]
    error_body: bool,
}

impl<'de> Deserialize<'de> for SubscriptionResource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = SubscriptionResource::deserialize(deserializer)?;
        let empty = found == SubscriptionResource::default();
        NotASuccess::check("a Reseller Subscription", found.error_body, empty)?;
        Ok(found)
    }
}

impl SubscriptionResource {
    /// `subscriptionId`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"skuId": "1010020028"}"#)?;
    /// assert_eq!(s.subscription_id(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscription_id(&self) -> Option<&str> {
        self.subscription_id.as_deref()
    }

    /// `customerId`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"customerId": "C1"}"#)?;
    /// assert_eq!(s.customer_id(), Some("C1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_id(&self) -> Option<&str> {
        self.customer_id.as_deref()
    }

    /// `skuId`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"skuId": "1010020028"}"#)?;
    /// assert_eq!(s.sku_id(), Some("1010020028"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> Option<&str> {
        self.sku_id.as_deref()
    }

    /// `status` as written (`ACTIVE`, `SUSPENDED`, `PENDING`, or a value Google adds).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"status": "SOMETHING_NEW"}"#)?;
    /// assert_eq!(s.status(), Some("SOMETHING_NEW"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// `plan.planName` as written (Google reads `ANNUAL_MONTHLY_PAY` back as `ANNUAL`).
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"plan": {"planName": "ANNUAL"}}"#)?;
    /// assert_eq!(s.plan_name(), Some("ANNUAL"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan_name(&self) -> Option<&str> {
        self.plan.as_ref().and_then(|p| p.plan_name.as_deref())
    }

    /// `plan.isCommitmentPlan`.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"plan": {"isCommitmentPlan": true}}"#)?;
    /// assert_eq!(s.is_commitment_plan(), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_commitment_plan(&self) -> Option<bool> {
        self.plan.as_ref().and_then(|p| p.is_commitment_plan)
    }

    /// The seats bought: `numberOfSeats` (annual plans), else `maximumNumberOfSeats`; `None`
    /// when neither is there. A count that is negative or past `i32::MAX` (Google's int32)
    /// refuses the whole answer when it is read, rather than reading as no count:
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// for bad in ["-1", "9999999999", "\"-1\"", "\"12 seats\"", "2.5"] {
    ///     let json = format!(r#"{{"seats": {{"numberOfSeats": {bad}}}}}"#);
    ///     assert!(serde_json::from_str::<SubscriptionResource>(&json).is_err(), "{bad}");
    /// }
    /// ```
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"seats": {"numberOfSeats": "12"}}"#)?;
    /// assert_eq!(s.seats(), Some(12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn seats(&self) -> Option<u32> {
        let seats = self.seats.as_ref()?;
        seats
            .number_of_seats
            .or(seats.maximum_number_of_seats)
            .map(Count::get)
    }

    /// `seats.licensedNumberOfSeats`: the licences assigned to users.
    ///
    /// ```
    /// use gws_onboarding::wire::subscription::SubscriptionResource;
    /// let s: SubscriptionResource = serde_json::from_str(r#"{"seats": {"licensedNumberOfSeats": 3}}"#)?;
    /// assert_eq!(s.licensed_seats(), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn licensed_seats(&self) -> Option<u32> {
        self.seats
            .as_ref()?
            .licensed_number_of_seats
            .map(Count::get)
    }
}
