//! Layer 3, customer. The first order of a new customer: which product, how many seats, on which payment plan.
//!
//! An [`Order`] is built by [`Order::new`], which checks what does not depend on the customer
//! (the plan is sold for the product, a trial's and Cloud Identity Free's seat limits), or comes
//! validated with the customer from the form's `order` object ([`form::RawOrder`]), where every
//! rule, those that depend on the customer included, becomes a violation on its `order.*` field.
//! The validated customer carries it: [`Customer::order`](crate::Customer::order).
//!
//! ```
//! use gws_onboarding::order::{Order, Plan, PurchaseOrderId};
//! use gws_onboarding::{Edition, Lang};
//!
//! let order = Order::new(Edition::BusinessStandard.into(), 25, Plan::AnnualMonthly)?
//!     .with_purchase_order_id(PurchaseOrderId::parse("PO-2026-0042")?);
//! assert_eq!(order.plan().reseller_plan_name(), "ANNUAL_MONTHLY_PAY");
//! assert_eq!(order.seats(), 25);
//!
//! // A free trial has at most 10 seats.
//! let err = Order::new(Edition::BusinessStandard.into(), 25, Plan::Trial).unwrap_err();
//! assert_eq!(err.code(), "order.trial_seats");
//! assert_eq!(err.message(Lang::Fr), "un essai gratuit permet au plus 10 licences, pas 25 : \
//!     commandez-en 10 au plus ou choisissez un autre forfait");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Which plan for which product
//!
//! | Product | Plans | Source |
//! |---|---|---|
//! | Cloud Identity Free | `free` only | Reseller API `planName`: "FREE — the free plan is exclusive to the Cloud Identity SKU"; the Reseller API overview: FREE is the plan of Cloud Identity Free subscriptions. A free product on a paid plan or a trial is a mistake. |
//! | Google Workspace Essentials | `flexible` only | DOMAIN.md, "Editions and SKUs": Essentials is sold on the FLEXIBLE plan. |
//! | every other edition and add-on | `flexible`, `annual-monthly`, `annual-yearly`, `trial` | Partner Sales Console help, "Google Workspace payment plans": Business, Enterprise, Enterprise Essentials and Enterprise Essentials Plus take the three paid plans and a 30-day trial. No source restricts the others (Frontline, Education, Cloud Identity Premium, Vault, storage): they are accepted. |
//!
//! A trial has at most 10 seats (Reseller API `subscriptions.insert`, DOMAIN.md); any order at
//! most [`MAX_SEATS`], the largest seat count the Reseller API's `int32` seat fields hold. Cloud
//! Identity Free's 50 users are a default user cap, not a limit ([`Edition::free_user_cap`]).
//! A product Google no longer sells, or does not sell through the Reseller API
//! ([`Product::is_orderable`]), is refused whatever the plan ([`OrderRefusal::NotSold`](crate::eligibility::OrderRefusal::NotSold)).

#[cfg(feature = "serde")]
use crate::error::snippet;
use crate::product::{Edition, Product};

#[cfg(doc)]
use crate::form;

mod error;
mod limits;
mod plan;
mod texts;

pub use error::{OrderError, OrderField};
pub use limits::{
    MAX_DEAL_CODE_CHARS, MAX_OFFER_ID_CHARS, MAX_PURCHASE_ORDER_ID_CHARS, MAX_SEATS,
    MAX_TRIAL_SEATS,
};
pub use plan::Plan;
pub use texts::{DealCode, OfferName, PurchaseOrderId, parse_seats};

/// A valid order: a product, its seats and its plan, and optionally a purchase order number, a
/// deal code and a Channel offer.
///
/// Built by [`Order::new`], or validated from the form's `order` object together with the
/// customer ([`Customer::order`](crate::Customer::order)).
///
/// ```
/// use gws_onboarding::order::{DealCode, OfferName, Order, Plan};
/// use gws_onboarding::Edition;
///
/// let order = Order::new(Edition::EnterpriseEssentials.into(), 40, Plan::Flexible)?
///     .with_deal_code(DealCode::parse("DEAL-7Q2")?)
///     .with_offer(OfferName::parse("accounts/C01/offers/O1")?);
/// assert_eq!(order.product(), Edition::EnterpriseEssentials.into());
/// assert_eq!(order.deal_code().map(|d| d.as_str()), Some("DEAL-7Q2"));
/// assert_eq!(order.offer().map(|o| o.offer_id()), Some("O1"));
/// assert!(order.purchase_order_id().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Order {
    product: Product,
    seats: u32,
    plan: Plan,
    purchase_order_id: Option<PurchaseOrderId>,
    deal_code: Option<DealCode>,
    offer: Option<OfferName>,
}

impl Order {
    /// An order of `seats` seats of `product` on `plan`, checked against the rules that do not
    /// depend on the customer, in this order (the first that fails is returned):
    ///
    /// 1. the product is sold ([`Product::is_orderable`],
    ///    [`OrderRefusal::NotSold`](crate::eligibility::OrderRefusal::NotSold));
    ///    the plan: `free` only for Cloud Identity Free ([`OrderError::FreePlan`]), and a plan
    ///    Google sells the product on ([`Plan::is_offered_for`],
    ///    [`OrderError::PlanNotOffered`]);
    /// 2. the seats: at least one ([`OrderRefusal::NoSeats`](crate::eligibility::OrderRefusal::NoSeats)), at most [`MAX_SEATS`]
    ///    ([`OrderError::SeatsTooLarge`]), at most [`MAX_TRIAL_SEATS`] on a trial
    ///    ([`OrderError::TrialSeats`]).
    ///
    /// What depends on the customer (team customers and a verified domain, education editions,
    /// storage needing a Google Workspace edition, the form's edition) is checked by the form,
    /// or by [`eligibility::may_order`](crate::eligibility::may_order) for a later order.
    ///
    /// # Errors
    ///
    /// The first [`OrderError`] that applies: Essentials or G Suite Basic on any plan, Business
    /// Plus on `free`, Enterprise Essentials on `free`, Cloud Identity Free on `flexible`, 0
    /// seats, a trial of 11 seats.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// let err = Order::new(Edition::Essentials.into(), 5, Plan::Flexible).unwrap_err();
    /// assert_eq!(err.code(), "order.not_sold");
    /// let err = Order::new(Edition::CloudIdentityFree.into(), 5, Plan::Flexible).unwrap_err();
    /// assert_eq!(err.code(), "order.plan_not_offered");
    /// // 50 is Cloud Identity Free's default user cap, not a limit.
    /// Order::new(Edition::CloudIdentityFree.into(), 51, Plan::Free)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(product: Product, seats: u32, plan: Plan) -> Result<Order, OrderError> {
        if let Some(error) = plan_error(product, plan).or_else(|| seat_error(product, seats, plan))
        {
            return Err(error);
        }
        Ok(Order {
            product,
            seats,
            plan,
            purchase_order_id: None,
            deal_code: None,
            offer: None,
        })
    }

    /// Sets the purchase order number.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan, PurchaseOrderId}};
    /// let order = Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?
    ///     .with_purchase_order_id(PurchaseOrderId::parse("PO-1")?);
    /// assert_eq!(order.purchase_order_id().map(|p| p.as_str()), Some("PO-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_purchase_order_id(mut self, id: PurchaseOrderId) -> Self {
        self.purchase_order_id = Some(id);
        self
    }

    /// Sets the deal code.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{DealCode, Order, Plan}};
    /// let order = Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?
    ///     .with_deal_code(DealCode::parse("D-1")?);
    /// assert_eq!(order.deal_code().map(|d| d.as_str()), Some("D-1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_deal_code(mut self, code: DealCode) -> Self {
        self.deal_code = Some(code);
        self
    }

    /// Sets the Channel offer.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{OfferName, Order, Plan}};
    /// let order = Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?
    ///     .with_offer(OfferName::parse("accounts/C01/offers/O1")?);
    /// assert_eq!(order.offer().map(|o| o.account_id()), Some("C01"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_offer(mut self, offer: OfferName) -> Self {
        self.offer = Some(offer);
        self
    }

    /// The product ordered.
    ///
    /// ```
    /// use gws_onboarding::{Addon, order::{Order, Plan}};
    /// let order = Order::new(Addon::Vault.into(), 3, Plan::Flexible)?;
    /// assert_eq!(order.product().sku_id(), "Google-Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> Product {
        self.product
    }

    /// The seats: `numberOfSeats` on an annual plan, `maximumNumberOfSeats` on the others
    /// (Reseller API); `num_units` or `max_units` on Cloud Channel.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// assert_eq!(Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?.seats(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn seats(&self) -> u32 {
        self.seats
    }

    /// The payment plan.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// assert_eq!(Order::new(Edition::BusinessStarter.into(), 3, Plan::Trial)?.plan(), Plan::Trial);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> Plan {
        self.plan
    }

    /// The purchase order number, if given.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// assert!(Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?.purchase_order_id().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn purchase_order_id(&self) -> Option<&PurchaseOrderId> {
        self.purchase_order_id.as_ref()
    }

    /// The deal code, if given.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// assert!(Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?.deal_code().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn deal_code(&self) -> Option<&DealCode> {
        self.deal_code.as_ref()
    }

    /// The Channel offer, if given (the journey looks one up otherwise).
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// assert!(Order::new(Edition::BusinessStarter.into(), 3, Plan::Flexible)?.offer().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer(&self) -> Option<&OfferName> {
        self.offer.as_ref()
    }
}

/// Serialises as `{"product", "seats", "plan", "purchaseOrderId"?, "dealCode"?, "offer"?}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Order {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("Order", 6)?;
        state.serialize_field("product", &self.product)?;
        state.serialize_field("seats", &self.seats)?;
        state.serialize_field("plan", &self.plan)?;
        if let Some(id) = &self.purchase_order_id {
            state.serialize_field("purchaseOrderId", id)?;
        }
        if let Some(code) = &self.deal_code {
            state.serialize_field("dealCode", code)?;
        }
        if let Some(offer) = &self.offer {
            state.serialize_field("offer", offer)?;
        }
        state.end()
    }
}

/// Deserialises what [`Order`]'s `Serialize` writes, through [`Order::new`] and the values'
/// parsers.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Order {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Stored {
            product: Product,
            seats: u32,
            #[serde(default)]
            plan: Plan,
            purchase_order_id: Option<PurchaseOrderId>,
            deal_code: Option<DealCode>,
            offer: Option<OfferName>,
            // Unknown keys are refused below, quoted cut and escaped: serde's own
            // `deny_unknown_fields` message would repeat the key raw.
            // (`flatten` needs a map; its values are skipped.)
            #[serde(flatten)]
            #[allow(clippy::zero_sized_map_values)]
            unknown: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
        }
        let stored = Stored::deserialize(deserializer)?;
        if let Some(key) = stored.unknown.keys().next() {
            return Err(serde::de::Error::custom(format_args!(
                "unknown field \"{}\" in a stored order: expected product, seats, plan, purchaseOrderId, dealCode or offer",
                snippet(key)
            )));
        }
        let mut order = Order::new(stored.product, stored.seats, stored.plan)
            .map_err(serde::de::Error::custom)?;
        order.purchase_order_id = stored.purchase_order_id;
        order.deal_code = stored.deal_code;
        order.offer = stored.offer;
        Ok(order)
    }
}

/// The plan rules: the product is sold at all, `free` only for Cloud Identity Free, then a
/// plan the product is sold on.
fn plan_error(product: Product, plan: Plan) -> Option<OrderError> {
    if let Some(refusal) = crate::eligibility::not_sold_refusal(product) {
        return Some(OrderError::Refused(refusal));
    }
    plan_rule(product, plan)
}

/// The rules of a plan for a product Google sells: `free` only for Cloud Identity Free, then a
/// plan the product is sold on. (The form reports a product Google does not sell once, on
/// the product or the edition, not again on the plan.)
fn plan_rule(product: Product, plan: Plan) -> Option<OrderError> {
    if !product.is_orderable() {
        return None;
    }
    if plan == Plan::Free && product != Product::Edition(Edition::CloudIdentityFree) {
        return Some(OrderError::FreePlan { product });
    }
    (!plan.is_offered_for(product)).then_some(OrderError::PlanNotOffered { product, plan })
}

/// The seat rules: at least one, at most [`MAX_SEATS`], the edition's limit, and a trial's
/// limit (only when the product is sold on a trial: otherwise the plan is the mistake).
fn seat_error(product: Product, seats: u32, plan: Plan) -> Option<OrderError> {
    if seats > MAX_SEATS {
        return Some(OrderError::SeatsTooLarge {
            found: seats.to_string(),
        });
    }
    if let Some(refusal) = crate::eligibility::seat_refusal(product, seats) {
        return Some(OrderError::Refused(refusal));
    }
    (plan == Plan::Trial && plan.is_offered_for(product) && seats > MAX_TRIAL_SEATS)
        .then_some(OrderError::TrialSeats { requested: seats })
}

/// A problem [`form_problems`] finds: a rule of the order, or an edition rule of the customer
/// (with its `eligibility.*` code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OrderProblem {
    /// A value or a rule of the order.
    Order(OrderError),
    /// The ordered edition breaks the customer's edition rules.
    Eligibility(crate::eligibility::Ineligibility),
}

/// What the form knows of the customer when it checks the order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrderContext {
    /// Domain or team customer, when the form's customer type is valid.
    pub(crate) kind: Option<crate::customer::CustomerKind>,
    /// The main product family, when valid.
    pub(crate) family: Option<crate::product::ProductFamily>,
    /// The "Educational institution" box is ticked.
    pub(crate) school: bool,
    /// The form's `edition`, when valid.
    pub(crate) edition: Option<Edition>,
}

/// Every rule of an order in a form, each violation with its field (at most one per field), in
/// the order of the fields: product, seats, plan. `None` values were refused by their parser
/// (or are missing) and their rules are skipped.
///
/// The product:
///
/// - an edition other than the form's `edition` is [`OrderError::EditionMismatch`];
/// - the form's own edition has its problems reported once, on `edition`;
/// - an edition ordered when the form names none is held to the form's edition rules
///   ([`check_kind`](crate::eligibility::check_kind): team customers, product family,
///   education), reported on `order.product` with their `eligibility.*` codes;
/// - then [`may_order`](crate::eligibility::may_order)'s rules for a new customer, whose domain
///   is not verified yet ([`AccountState::new(false)`](crate::eligibility::AccountState::new),
///   no subscription): nobody orders what Google no longer sells, a team customer orders only
///   Enterprise Essentials (Plus), nobody orders Vault before verifying its domain, education
///   editions need the box, Vault and storage need a Business Starter-class edition.
pub(crate) fn form_problems(
    buyer: OrderContext,
    product: Option<Product>,
    seats: Option<u32>,
    plan: Option<Plan>,
) -> Vec<(OrderField, OrderProblem)> {
    use OrderProblem as Problem;
    let Some(product) = product else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    match (product, buyer.edition) {
        (Product::Edition(ordered), Some(edition)) if ordered != edition => {
            problems.push(Problem::Order(OrderError::EditionMismatch {
                ordered,
                edition,
            }));
        }
        (Product::Edition(ordered), None) => {
            if let (Some(kind), Some(family)) = (buyer.kind, buyer.family) {
                let reasons =
                    crate::eligibility::check_kind(kind, family, Some(ordered), buyer.school);
                problems.extend(reasons.into_iter().take(1).map(Problem::Eligibility));
            }
        }
        // The form's own edition, or an add-on.
        _ => {}
    }
    if problems.is_empty() && !matches!(product, Product::Edition(e) if Some(e) == buyer.edition) {
        if let Some(kind) = buyer.kind {
            let refusal = crate::eligibility::product_refusal(
                kind.is_email_verified(),
                buyer.school,
                buyer.edition,
                &crate::eligibility::AccountState::new(false),
                product,
            );
            problems.extend(refusal.map(|r| Problem::Order(OrderError::Refused(r))));
        }
    }
    let mut found: Vec<(OrderField, Problem)> = problems
        .into_iter()
        .map(|p| (OrderField::Product, p))
        .collect();
    let seats_error = seats.and_then(|seats| seat_error(product, seats, plan.unwrap_or_default()));
    let plan_error = plan.and_then(|plan| plan_rule(product, plan));
    found.extend(
        [seats_error, plan_error]
            .into_iter()
            .flatten()
            .map(|e| (e.field(), Problem::Order(e))),
    );
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::OrderRefusal;
    use crate::order::texts::DecimalText;

    #[test]
    fn decimal_texts() {
        let read = |s: &str| {
            DecimalText::read(s).map(|d| (d.negative, d.digits.clone(), d.point, d.is_whole()))
        };
        assert_eq!(read("0025"), Some((false, vec![2, 5], 2, true)));
        assert_eq!(read("-0.050"), Some((true, vec![5], -1, false)));
        assert_eq!(read("250e-1"), Some((false, vec![2, 5], 2, true)));
        assert_eq!(read("2.5E+1"), Some((false, vec![2, 5], 2, true)));
        assert_eq!(read("0"), Some((false, vec![], 0, true)));
        for bad in [
            "", "-", ".5", "5.", "5e", "5e+", "1_000", "5 ", "--5", "0x1", "5e1.5",
        ] {
            assert!(read(bad).is_none(), "{bad:?}");
        }
        assert_eq!(
            parse_seats(&format!("1e{}", "9".repeat(60)))
                .unwrap_err()
                .code(),
            "order.seats_too_large"
        );
        assert_eq!(
            parse_seats(&format!("1e-{}", "9".repeat(60)))
                .unwrap_err()
                .code(),
            "order.seats_fractional"
        );
        assert_eq!(parse_seats("0.0e5"), Ok(0));
    }

    #[test]
    fn plan_table() {
        for product in Product::all() {
            let plans = Plan::offered_for(product);
            // A SKU Google does not sell has no plan; Essentials keeps its flexible plan.
            assert!(!plans.is_empty() || !product.is_orderable(), "{product:?}");
            assert_eq!(
                plans.contains(&Plan::Free),
                product == Product::Edition(Edition::CloudIdentityFree)
            );
        }
        assert_eq!(
            Plan::offered_for(Edition::BusinessStarter.into()),
            [
                Plan::Flexible,
                Plan::AnnualMonthly,
                Plan::AnnualYearly,
                Plan::Trial
            ]
        );
        assert_eq!(
            Plan::offered_for(Edition::CloudIdentityFree.into()),
            [Plan::Free]
        );
    }

    #[test]
    fn every_error_names_its_field_and_speaks_both_languages() {
        let errors = [
            OrderError::UnknownPlan { found: "x".into() },
            OrderError::Empty {
                field: OrderField::Offer,
            },
            OrderError::TooLong {
                field: OrderField::DealCode,
                max: 100,
            },
            OrderError::UnsafeChar {
                field: OrderField::PurchaseOrderId,
                code_point: 0x202e,
            },
            OrderError::OfferName { found: "x".into() },
            OrderError::SeatsNotANumber { found: "x".into() },
            OrderError::SeatsNegative { found: "-1".into() },
            OrderError::SeatsFractional {
                found: "1.5".into(),
            },
            OrderError::SeatsTooLarge {
                found: "1e300".into(),
            },
            OrderError::TrialSeats { requested: 11 },
            OrderError::FreePlan {
                product: Edition::BusinessPlus.into(),
            },
            OrderError::PlanNotOffered {
                product: Edition::Essentials.into(),
                plan: Plan::Trial,
            },
            OrderError::EditionMismatch {
                ordered: Edition::BusinessPlus,
                edition: Edition::BusinessStarter,
            },
        ];
        let mut codes = std::collections::HashSet::new();
        for error in &errors {
            assert!(codes.insert(error.code()), "{error:?}");
            let (en, fr) = (error.message(Lang::En), error.message(Lang::Fr));
            assert_ne!(en, fr);
            assert!(en.len() < 300 && fr.len() < 300);
            assert_eq!(en, error.to_string());
        }
        assert_eq!(
            OrderError::UnsafeChar {
                field: OrderField::PurchaseOrderId,
                code_point: 0x202e
            }
            .message(Lang::Fr),
            "le numéro de bon de commande contient le caractère de contrôle ou invisible U+202E"
        );
        assert_eq!(
            OrderError::from(OrderRefusal::NoSeats {
                product: Edition::BusinessPlus.into()
            })
            .field(),
            OrderField::Seats
        );
    }
}
