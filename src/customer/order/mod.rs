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
//! A trial has at most 10 seats (Reseller API `subscriptions.insert`, DOMAIN.md); Cloud Identity
//! Free at most 50 ([`Edition::max_seats`]); any order at most [`MAX_SEATS`], the largest seat
//! count the Reseller API's `int32` seat fields hold.

use std::fmt;
use std::str::FromStr;

use crate::eligibility::OrderRefusal;
use crate::error::{Lang, TrimExt, find_unsafe, impl_diagnostic, snippet};
use crate::product::{Edition, Product};

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
const MAX_OFFER_NAME_CHARS: usize =
    "accounts/".len() + MAX_OFFER_ID_CHARS + "/offers/".len() + MAX_OFFER_ID_CHARS;

/// The most bytes of seat text read (a longer text is refused by its length).
const MAX_SEATS_TEXT: usize = 64;

/// A payment plan of the order.
///
/// Parsed from the crate's kebab-case names or Google's spellings, in any case, with `-`, `_`
/// or spaces between words: `flexible`, `annual-monthly` (`ANNUAL_MONTHLY_PAY`, `ANNUAL`),
/// `annual-yearly` (`ANNUAL_YEARLY_PAY`), `trial`, `free`.
///
/// ```
/// use gws_onboarding::order::Plan;
///
/// assert_eq!("ANNUAL_MONTHLY_PAY".parse::<Plan>()?, Plan::AnnualMonthly);
/// assert_eq!("Annual yearly".parse::<Plan>()?, Plan::AnnualYearly);
/// assert_eq!(Plan::default(), Plan::Flexible);
/// assert_eq!(Plan::Trial.reseller_plan_name(), "TRIAL");
/// assert!(Plan::AnnualYearly.is_annual());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Plan {
    /// No commitment, billed monthly for the seats used (`FLEXIBLE`); the default.
    #[default]
    Flexible,
    /// Annual commitment, monthly payments (`ANNUAL_MONTHLY_PAY`, read back as `ANNUAL`).
    AnnualMonthly,
    /// Annual commitment, one yearly payment (`ANNUAL_YEARLY_PAY`).
    AnnualYearly,
    /// The 30-day free trial, at most [`MAX_TRIAL_SEATS`] seats (`TRIAL`).
    Trial,
    /// The free plan of Cloud Identity Free (`FREE`).
    Free,
}

impl Plan {
    /// Every plan.
    ///
    /// ```
    /// use gws_onboarding::order::Plan;
    /// assert!(Plan::ALL.iter().all(|p| p.as_str().parse::<Plan>().ok() == Some(*p)));
    /// ```
    pub const ALL: [Plan; 5] = [
        Plan::Flexible,
        Plan::AnnualMonthly,
        Plan::AnnualYearly,
        Plan::Trial,
        Plan::Free,
    ];

    /// The stable kebab-case name: `flexible`, `annual-monthly`, `annual-yearly`, `trial`,
    /// `free`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::order::Plan::AnnualMonthly.as_str(), "annual-monthly");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Plan::Flexible => "flexible",
            Plan::AnnualMonthly => "annual-monthly",
            Plan::AnnualYearly => "annual-yearly",
            Plan::Trial => "trial",
            Plan::Free => "free",
        }
    }

    /// The Reseller API `plan.planName`: `FLEXIBLE`, `ANNUAL_MONTHLY_PAY`,
    /// `ANNUAL_YEARLY_PAY`, `TRIAL`, `FREE`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::order::Plan::AnnualYearly.reseller_plan_name(), "ANNUAL_YEARLY_PAY");
    /// ```
    #[must_use]
    pub const fn reseller_plan_name(self) -> &'static str {
        match self {
            Plan::Flexible => "FLEXIBLE",
            Plan::AnnualMonthly => "ANNUAL_MONTHLY_PAY",
            Plan::AnnualYearly => "ANNUAL_YEARLY_PAY",
            Plan::Trial => "TRIAL",
            Plan::Free => "FREE",
        }
    }

    /// Whether the plan is an annual commitment (seats go in `numberOfSeats`, not
    /// `maximumNumberOfSeats`).
    ///
    /// ```
    /// use gws_onboarding::order::Plan;
    /// assert!(Plan::AnnualMonthly.is_annual());
    /// assert!(!Plan::Flexible.is_annual() && !Plan::Trial.is_annual());
    /// ```
    #[must_use]
    pub const fn is_annual(self) -> bool {
        matches!(self, Plan::AnnualMonthly | Plan::AnnualYearly)
    }

    /// Whether Google sells `product` on this plan (see the [module](self) table and its
    /// sources): Cloud Identity Free only on `free`, `free` only for Cloud Identity Free,
    /// Essentials only on `flexible`, the rest on any other plan.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::Plan};
    /// assert!(Plan::Free.is_offered_for(Edition::CloudIdentityFree.into()));
    /// assert!(!Plan::Free.is_offered_for(Edition::BusinessStarter.into()));
    /// assert!(!Plan::AnnualMonthly.is_offered_for(Edition::Essentials.into()));
    /// assert!(Plan::AnnualMonthly.is_offered_for(Edition::EnterpriseEssentials.into()));
    /// ```
    #[must_use]
    pub fn is_offered_for(self, product: Product) -> bool {
        match product {
            Product::Edition(Edition::CloudIdentityFree) => self == Plan::Free,
            _ if self == Plan::Free => false,
            Product::Edition(Edition::Essentials) => self == Plan::Flexible,
            _ => true,
        }
    }

    /// The plans Google sells `product` on, in [`Plan::ALL`] order.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::Plan};
    /// assert_eq!(Plan::offered_for(Edition::Essentials.into()), [Plan::Flexible]);
    /// ```
    #[must_use]
    pub fn offered_for(product: Product) -> Vec<Plan> {
        Plan::ALL
            .into_iter()
            .filter(|plan| plan.is_offered_for(product))
            .collect()
    }

    /// The plan's name for people, as the Partner Sales Console shows it.
    ///
    /// ```
    /// use gws_onboarding::{Lang, order::Plan};
    /// assert_eq!(Plan::Flexible.name(Lang::En), "the Flexible Plan");
    /// assert_eq!(Plan::Flexible.name(Lang::Fr), "le forfait Flexible");
    /// ```
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Plan::Flexible => lang.pick("the Flexible Plan", "le forfait Flexible"),
            Plan::AnnualMonthly => lang.pick(
                "the Annual Plan (monthly payments)",
                "le forfait annuel (paiements mensuels)",
            ),
            Plan::AnnualYearly => lang.pick(
                "the Annual Plan (yearly payment)",
                "le forfait annuel (paiement annuel)",
            ),
            Plan::Trial => lang.pick("the free trial", "l'essai gratuit"),
            Plan::Free => lang.pick("the free plan", "le forfait gratuit"),
        }
    }
}

impl Plan {
    /// Every `(plan, name)` pair `FromStr` reads: the kebab-case name, the Reseller API
    /// `planName` (and `ANNUAL`, as Google reads `ANNUAL_MONTHLY_PAY` back), and the names
    /// [`Plan::name`] prints, with or without their article.
    fn spellings() -> impl Iterator<Item = (Plan, &'static str)> + Clone {
        static EXTRA: [(Plan, &str); 12] = [
            (Plan::Flexible, "Flexible Plan"),
            (Plan::Flexible, "forfait Flexible"),
            (Plan::AnnualMonthly, "ANNUAL"),
            (Plan::AnnualMonthly, "Annual Plan (monthly payments)"),
            (Plan::AnnualMonthly, "forfait annuel (paiements mensuels)"),
            (Plan::AnnualYearly, "Annual Plan (yearly payment)"),
            (Plan::AnnualYearly, "forfait annuel (paiement annuel)"),
            (Plan::Trial, "free trial"),
            (Plan::Trial, "essai gratuit"),
            (Plan::Free, "free plan"),
            (Plan::Free, "forfait gratuit"),
            (Plan::Free, "Cloud Identity Free plan"),
        ];
        Plan::ALL.into_iter().flat_map(|plan| {
            let names = [
                plan.as_str(),
                plan.reseller_plan_name(),
                plan.name(Lang::En),
                plan.name(Lang::Fr),
            ];
            names
                .into_iter()
                .map(move |name| (plan, name))
                .chain(EXTRA.iter().copied().filter(move |(p, _)| *p == plan))
        })
    }
}

impl FromStr for Plan {
    type Err = OrderError;

    /// Reads the kebab-case name, the Reseller API `planName` (`ANNUAL_MONTHLY_PAY`, `ANNUAL`)
    /// or the console's name (`Flexible Plan`, `forfait Flexible`), in any case and spacing;
    /// input longer than 128 bytes is refused by its length.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(plan) = crate::names::exact(s, &Plan::ALL, Plan::as_str) {
            return Ok(plan);
        }
        crate::names::parse(s, Plan::spellings())
            .map_err(|_| OrderError::UnknownPlan { found: snippet(s) })
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Plan {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

/// A field of the form's `order` object.
///
/// ```
/// use gws_onboarding::order::OrderField;
/// assert_eq!(OrderField::PurchaseOrderId.form_path(), "order.purchaseOrderId");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OrderField {
    /// `order.product`.
    Product,
    /// `order.seats`.
    Seats,
    /// `order.plan`.
    Plan,
    /// `order.purchaseOrderId`.
    PurchaseOrderId,
    /// `order.dealCode`.
    DealCode,
    /// `order.offer`.
    Offer,
}

impl OrderField {
    /// Every field, in the form's order.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::order::OrderField::ALL.len(), 6);
    /// ```
    pub const ALL: [OrderField; 6] = [
        OrderField::Product,
        OrderField::Seats,
        OrderField::Plan,
        OrderField::PurchaseOrderId,
        OrderField::DealCode,
        OrderField::Offer,
    ];

    /// The path of the field in a form [`Report`](crate::Report): `order.product`,
    /// `order.seats`, `order.plan`, `order.purchaseOrderId`, `order.dealCode`, `order.offer`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::order::OrderField::Seats.form_path(), "order.seats");
    /// ```
    #[must_use]
    pub const fn form_path(self) -> &'static str {
        match self {
            OrderField::Product => "order.product",
            OrderField::Seats => "order.seats",
            OrderField::Plan => "order.plan",
            OrderField::PurchaseOrderId => "order.purchaseOrderId",
            OrderField::DealCode => "order.dealCode",
            OrderField::Offer => "order.offer",
        }
    }

    /// What the field holds, for a message (every French noun here is masculine).
    fn noun(self, lang: Lang) -> &'static str {
        match self {
            OrderField::Product => lang.pick("the product", "le produit"),
            OrderField::Seats => lang.pick("the number of seats", "le nombre de licences"),
            OrderField::Plan => lang.pick("the plan", "le forfait"),
            OrderField::PurchaseOrderId => {
                lang.pick("the purchase order number", "le numéro de bon de commande")
            }
            OrderField::DealCode => lang.pick("the deal code", "le code de remise (deal code)"),
            OrderField::Offer => lang.pick("the offer name", "le nom de l'offre"),
        }
    }
}

/// Why an order, or one of its values, is refused.
///
/// Each error names the [`OrderField`] it is about ([`OrderError::field`]); in a form report it
/// is a violation on that field's path.
///
/// ```
/// use gws_onboarding::{Edition, Lang, order::{Order, OrderError, OrderField, Plan}};
///
/// let err = Order::new(Edition::BusinessPlus.into(), 5, Plan::Free).unwrap_err();
/// assert_eq!(err.code(), "order.free_plan");
/// assert_eq!(err.field(), OrderField::Plan);
/// assert_eq!(
///     err.message(Lang::En),
///     "the free plan is for Cloud Identity Free only, not Google Workspace Business Plus: \
///      choose the Flexible Plan, an Annual Plan or the free trial"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OrderError {
    /// The plan names none of [`Plan::ALL`].
    UnknownPlan {
        /// The input, made safe to echo.
        found: String,
    },
    /// A purchase order id, deal code or offer name parsed directly is blank.
    Empty {
        /// Which field.
        field: OrderField,
    },
    /// A purchase order id, deal code or offer name is longer than allowed.
    TooLong {
        /// Which field.
        field: OrderField,
        /// The most characters allowed.
        max: usize,
    },
    /// A control, bidirectional or invisible character.
    UnsafeChar {
        /// Which field.
        field: OrderField,
        /// The character's code point.
        code_point: u32,
    },
    /// The offer is not `accounts/{account}/offers/{offer}`.
    OfferName {
        /// The input, made safe to echo.
        found: String,
    },
    /// The seats are not a number.
    SeatsNotANumber {
        /// The input, made safe to echo.
        found: String,
    },
    /// The seats are negative.
    SeatsNegative {
        /// The input, made safe to echo.
        found: String,
    },
    /// The seats have a fractional part.
    SeatsFractional {
        /// The input, made safe to echo.
        found: String,
    },
    /// More seats than [`MAX_SEATS`].
    SeatsTooLarge {
        /// The input, made safe to echo.
        found: String,
    },
    /// A trial with more than [`MAX_TRIAL_SEATS`] seats.
    TrialSeats {
        /// The seats asked for.
        requested: u32,
    },
    /// The free plan for another product than Cloud Identity Free.
    FreePlan {
        /// The product ordered.
        product: Product,
    },
    /// A plan Google does not sell the product on ([`Plan::is_offered_for`]).
    PlanNotOffered {
        /// The product ordered.
        product: Product,
        /// The plan asked for.
        plan: Plan,
    },
    /// The order's edition is not the form's `edition`.
    EditionMismatch {
        /// The edition ordered.
        ordered: Edition,
        /// The form's edition.
        edition: Edition,
    },
    /// A rule of [`eligibility::may_order`](crate::eligibility::may_order).
    Refused(OrderRefusal),
}

/// `« value »` in French, `"value"` in English; a blank value is shown as `(empty)` / `(vide)`.
fn quote(value: &str, lang: Lang) -> String {
    match (value.trim_fast().is_empty(), lang) {
        (true, Lang::Fr) => "(vide)".to_owned(),
        (true, _) => "(empty)".to_owned(),
        (false, Lang::Fr) => format!("« {value} »"),
        (false, _) => format!("\"{value}\""),
    }
}

/// The plans of `product` as a list for people: `A, B or C` / `A, B ou C`.
fn plan_list(product: Product, lang: Lang) -> String {
    let names: Vec<&str> = Plan::offered_for(product)
        .into_iter()
        .map(|plan| plan.name(lang))
        .collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("or", "ou")),
        None => String::new(),
    }
}

impl OrderError {
    /// The stable machine code, `order.*` (a [`OrderError::Refused`] keeps its refusal's code).
    ///
    /// ```
    /// let err = "monthly".parse::<gws_onboarding::order::Plan>().unwrap_err();
    /// assert_eq!(err.code(), "order.unknown_plan");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            OrderError::UnknownPlan { .. } => "order.unknown_plan",
            OrderError::Empty { .. } => "order.empty",
            OrderError::TooLong { .. } => "order.too_long",
            OrderError::UnsafeChar { .. } => "order.unsafe_char",
            OrderError::OfferName { .. } => "order.offer_name",
            OrderError::SeatsNotANumber { .. } => "order.seats_not_a_number",
            OrderError::SeatsNegative { .. } => "order.seats_negative",
            OrderError::SeatsFractional { .. } => "order.seats_fractional",
            OrderError::SeatsTooLarge { .. } => "order.seats_too_large",
            OrderError::TrialSeats { .. } => "order.trial_seats",
            OrderError::FreePlan { .. } => "order.free_plan",
            OrderError::PlanNotOffered { .. } => "order.plan_not_offered",
            OrderError::EditionMismatch { .. } => "order.edition_mismatch",
            OrderError::Refused(refusal) => refusal.code(),
        }
    }

    /// The field of the order the error is about.
    ///
    /// ```
    /// use gws_onboarding::order::{self, OrderField};
    /// assert_eq!(order::parse_seats("-3").unwrap_err().field(), OrderField::Seats);
    /// ```
    #[must_use]
    pub fn field(&self) -> OrderField {
        match self {
            OrderError::UnknownPlan { .. }
            | OrderError::FreePlan { .. }
            | OrderError::PlanNotOffered { .. } => OrderField::Plan,
            OrderError::Empty { field }
            | OrderError::TooLong { field, .. }
            | OrderError::UnsafeChar { field, .. } => *field,
            OrderError::OfferName { .. } => OrderField::Offer,
            OrderError::SeatsNotANumber { .. }
            | OrderError::SeatsNegative { .. }
            | OrderError::SeatsFractional { .. }
            | OrderError::SeatsTooLarge { .. }
            | OrderError::TrialSeats { .. }
            | OrderError::Refused(OrderRefusal::NoSeats { .. } | OrderRefusal::SeatLimit { .. }) => {
                OrderField::Seats
            }
            OrderError::EditionMismatch { .. } | OrderError::Refused(_) => OrderField::Product,
        }
    }

    /// The message in `lang`, for a salesperson; the English one is the
    /// [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, order::PurchaseOrderId};
    /// let err = PurchaseOrderId::parse(&"9".repeat(81)).unwrap_err();
    /// assert_eq!(err.message(Lang::En), "the purchase order number is longer than 80 characters");
    /// assert_eq!(err.message(Lang::Fr), "le numéro de bon de commande dépasse 80 caractères");
    /// ```
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per code, English and French side by side
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OrderError::UnknownPlan { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!(
                        "unknown plan {found}: expected flexible, annual-monthly, annual-yearly, trial or free"
                    ),
                    format!(
                        "forfait {found} inconnu : valeurs possibles flexible, annual-monthly, annual-yearly, trial ou free"
                    ),
                )
            }
            OrderError::Empty { field } => lang.pick(
                format!("{} is empty", field.noun(lang)),
                format!("{} est vide", field.noun(lang)),
            ),
            OrderError::TooLong { field, max } => lang.pick(
                format!("{} is longer than {max} characters", field.noun(lang)),
                format!("{} dépasse {max} caractères", field.noun(lang)),
            ),
            OrderError::UnsafeChar { field, code_point } => lang.pick(
                format!(
                    "{} contains the control or invisible character U+{code_point:04X}",
                    field.noun(lang)
                ),
                format!(
                    "{} contient le caractère de contrôle ou invisible U+{code_point:04X}",
                    field.noun(lang)
                ),
            ),
            OrderError::OfferName { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!(
                        "offer {found} is not a Channel offer name accounts/{{account}}/offers/{{offer}}"
                    ),
                    format!(
                        "l'offre {found} n'est pas un nom d'offre Channel accounts/{{compte}}/offers/{{offre}}"
                    ),
                )
            }
            OrderError::SeatsNotANumber { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!("the number of seats {found} is not a number"),
                    format!("le nombre de licences {found} n'est pas un nombre"),
                )
            }
            OrderError::SeatsNegative { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!("the number of seats {found} is negative"),
                    format!("le nombre de licences {found} est négatif"),
                )
            }
            OrderError::SeatsFractional { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!("the number of seats {found} is not a whole number"),
                    format!("le nombre de licences {found} n'est pas un nombre entier"),
                )
            }
            OrderError::SeatsTooLarge { found } => {
                let found = quote(found, lang);
                lang.pick(
                    format!(
                        "the number of seats {found} is more than the {MAX_SEATS} Google accepts"
                    ),
                    format!(
                        "le nombre de licences {found} dépasse le maximum de {MAX_SEATS} accepté par Google"
                    ),
                )
            }
            OrderError::TrialSeats { requested } => lang.pick(
                format!(
                    "a free trial allows at most {MAX_TRIAL_SEATS} seats, not {requested}: order {MAX_TRIAL_SEATS} or fewer, or choose another plan"
                ),
                format!(
                    "un essai gratuit permet au plus {MAX_TRIAL_SEATS} licences, pas {requested} : commandez-en {MAX_TRIAL_SEATS} au plus ou choisissez un autre forfait"
                ),
            ),
            OrderError::FreePlan { product } => lang.pick(
                format!(
                    "the free plan is for Cloud Identity Free only, not {}: choose the Flexible Plan, an Annual Plan or the free trial",
                    product.name()
                ),
                format!(
                    "le forfait gratuit est réservé à Cloud Identity Free, pas à {} : choisissez le forfait Flexible, un forfait annuel ou l'essai gratuit",
                    product.name()
                ),
            ),
            OrderError::PlanNotOffered { product, plan } => lang.pick(
                format!(
                    "{} cannot be ordered on {}: choose {}",
                    product.name(),
                    plan.name(lang),
                    plan_list(*product, lang)
                ),
                format!(
                    "{} ne peut pas être commandé avec {} : choisissez {}",
                    product.name(),
                    plan.name(lang),
                    plan_list(*product, lang)
                ),
            ),
            OrderError::EditionMismatch { ordered, edition } => lang.pick(
                format!(
                    "the order is for {}, but the customer's edition is {}: order that edition or change the edition",
                    ordered.name(),
                    edition.name()
                ),
                format!(
                    "la commande porte sur {}, mais l'édition du client est {} : commandez cette édition ou changez d'édition",
                    ordered.name(),
                    edition.name()
                ),
            ),
            OrderError::Refused(refusal) => refusal.message(lang),
        }
    }
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for OrderError {}

impl From<OrderRefusal> for OrderError {
    fn from(refusal: OrderRefusal) -> Self {
        OrderError::Refused(refusal)
    }
}

impl_diagnostic!(OrderError);

/// Reads a number of seats as typed: decimal digits, an optional sign, surrounding white space
/// allowed; a JSON number's text (`25`, `25.0`, `2.5e1`) too. Zero is read (an order of zero seats is refused
/// by the order's rules, as [`OrderRefusal::NoSeats`]).
///
/// # Errors
///
/// - `order.seats_not_a_number`: `abc`, `12 seats`, `0x10`, `1,000`, `+`, a blank text;
/// - `order.seats_negative`: `-5`;
/// - `order.seats_fractional`: `2.5`, `1e-1`;
/// - `order.seats_too_large`: more than [`MAX_SEATS`] (`2147483648`, `1e300`).
///
/// A text over 64 bytes is refused by its length, unread: too many seats when its first 64
/// bytes are digits, not a number otherwise.
///
/// ```
/// use gws_onboarding::order;
/// assert_eq!(order::parse_seats(" 25 ")?, 25);
/// assert_eq!(order::parse_seats("2.5e1")?, 25);
/// assert_eq!(order::parse_seats("2.5").unwrap_err().code(), "order.seats_fractional");
/// assert_eq!(order::parse_seats("-1").unwrap_err().code(), "order.seats_negative");
/// assert_eq!(order::parse_seats("ten").unwrap_err().code(), "order.seats_not_a_number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_seats(raw: &str) -> Result<u32, OrderError> {
    if raw.len() > MAX_SEATS_TEXT {
        // Refused by its length: only its first bytes are looked at. More digits than fit
        // are too many seats; anything else is not a number.
        let found = snippet(raw);
        let digits = raw.bytes().take(MAX_SEATS_TEXT).all(|b| b.is_ascii_digit());
        return Err(if digits {
            OrderError::SeatsTooLarge { found }
        } else {
            OrderError::SeatsNotANumber { found }
        });
    }
    let found = || snippet(raw.trim_fast());
    let number = DecimalText::read(raw.trim_fast())
        .ok_or_else(|| OrderError::SeatsNotANumber { found: found() })?;
    if number.is_zero() {
        return Ok(0);
    }
    if number.negative {
        return Err(OrderError::SeatsNegative { found: found() });
    }
    if !number.is_whole() {
        return Err(OrderError::SeatsFractional { found: found() });
    }
    number
        .whole_value()
        .filter(|&n| n <= u64::from(MAX_SEATS))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| OrderError::SeatsTooLarge { found: found() })
}

/// A decimal number's text read into its significant digits:
/// `[+-]?digits(.digits)?([eE][+-]?digits)?`.
struct DecimalText {
    negative: bool,
    /// The significant digits, without leading or trailing zeros (empty for zero).
    digits: Vec<u8>,
    /// Where the decimal point falls after the first `point` digits (may be negative or past
    /// the end).
    point: i64,
}

impl DecimalText {
    /// Reads a text of at most [`MAX_SEATS_TEXT`] bytes.
    fn read(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            Some((b'+', rest)) => (false, rest),
            _ => (false, bytes),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (int_part, rest) = rest.split_at(int_len);
        if int_part.is_empty() {
            return None;
        }
        let (frac_part, rest) = match rest.split_first() {
            Some((b'.', after)) => {
                let len = after.iter().take_while(|b| b.is_ascii_digit()).count();
                if len == 0 {
                    return None;
                }
                after.split_at(len)
            }
            _ => rest.split_at(0),
        };
        let exponent: i64 = match rest.split_first() {
            None => 0,
            Some((b'e' | b'E', after)) => {
                let (sign, digits) = match after.split_first() {
                    Some((b'-', d)) => (-1, d),
                    Some((b'+', d)) => (1, d),
                    _ => (1, after),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                // Capped: any exponent past it means far too many or far too few seats.
                let value = digits.iter().fold(0_i64, |acc, d| {
                    (acc * 10 + i64::from(d - b'0')).min(1_000_000)
                });
                sign * value
            }
            Some(_) => return None,
        };
        let mut point = i64::try_from(int_part.len()).ok()? + exponent;
        let all = int_part.iter().chain(frac_part);
        let mut digits: Vec<u8> = Vec::with_capacity(MAX_SEATS_TEXT);
        for &d in all {
            if digits.is_empty() && d == b'0' {
                point -= 1;
            } else {
                digits.push(d - b'0');
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(DecimalText {
            negative,
            digits,
            point,
        })
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Whether no significant digit falls after the point.
    fn is_whole(&self) -> bool {
        usize::try_from(self.point).is_ok_and(|point| point >= self.digits.len())
    }

    /// The value of a whole number, when it fits in 10 digits (more than [`MAX_SEATS`] else).
    fn whole_value(&self) -> Option<u64> {
        let point = usize::try_from(self.point).ok().filter(|&p| p <= 10)?;
        let value = (0..point).fold(0_u64, |acc, i| {
            acc * 10 + u64::from(self.digits.get(i).copied().unwrap_or(0))
        });
        Some(value)
    }
}

/// Checks a purchase order id or deal code: refused by its length first, then trimmed, not
/// blank, at most `max` characters, no control or invisible character.
fn check_text(raw: &str, field: OrderField, max: usize) -> Result<&str, OrderError> {
    // More bytes than `max` four-byte characters and some white space: too long, unread.
    if raw.len() > max * 4 + MAX_SEATS_TEXT {
        return Err(OrderError::TooLong { field, max });
    }
    let text = raw.trim_fast();
    if text.is_empty() {
        return Err(OrderError::Empty { field });
    }
    if text.len() > max && text.chars().count() > max {
        return Err(OrderError::TooLong { field, max });
    }
    if let Some((_, c)) = find_unsafe(text) {
        return Err(OrderError::UnsafeChar {
            field,
            code_point: u32::from(c),
        });
    }
    Ok(text)
}

/// Implements the string surface of a validated text: `as_str` and the shared
/// [`str_traits`](crate::surface::str_traits) (`FromStr`, `TryFrom<&str>`, `AsRef<str>`,
/// `Display`, `From<T> for String`, serde through `parse`).
macro_rules! text_surface {
    ($ty:ident) => {
        impl $ty {
            /// The text, trimmed.
            ///
            /// ```
            #[doc = concat!("use gws_onboarding::order::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::parse(\" X-1 \")?.as_str(), \"X-1\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        $crate::surface::str_traits!($ty, OrderError);
    };
}

/// The reseller's purchase order number for the order (Reseller API `purchaseOrderId`, Cloud
/// Channel `purchaseOrderId`): at most [`MAX_PURCHASE_ORDER_ID_CHARS`] characters, trimmed,
/// no control or invisible character.
///
/// ```
/// use gws_onboarding::order::PurchaseOrderId;
/// let id = PurchaseOrderId::parse(" PO 2026/0042 ")?;
/// assert_eq!(id.as_str(), "PO 2026/0042");
/// assert_eq!(PurchaseOrderId::parse(&"9".repeat(81)).unwrap_err().code(), "order.too_long");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PurchaseOrderId(Box<str>);

impl PurchaseOrderId {
    /// Checks and trims a purchase order number.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (81 characters or more; a megabyte is refused
    /// by its length, unread), `order.unsafe_char` (`PO\u{202e}1`, a line break).
    ///
    /// ```
    /// use gws_onboarding::order::PurchaseOrderId;
    /// assert_eq!(PurchaseOrderId::parse("PO\u{202e}1").unwrap_err().code(), "order.unsafe_char");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        check_text(
            raw,
            OrderField::PurchaseOrderId,
            MAX_PURCHASE_ORDER_ID_CHARS,
        )
        .map(|text| PurchaseOrderId(text.into()))
    }
}

text_surface!(PurchaseOrderId);

/// A Google deal code for special pricing (Reseller API `dealCode`): at most
/// [`MAX_DEAL_CODE_CHARS`] characters, trimmed, no control or invisible character.
///
/// ```
/// use gws_onboarding::order::DealCode;
/// assert_eq!(DealCode::parse("DEAL-7Q2")?.as_str(), "DEAL-7Q2");
/// assert_eq!(DealCode::parse(" ").unwrap_err().code(), "order.empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DealCode(Box<str>);

impl DealCode {
    /// Checks and trims a deal code.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (101 characters or more),
    /// `order.unsafe_char` (a control, bidirectional or invisible character).
    ///
    /// ```
    /// use gws_onboarding::order::DealCode;
    /// assert_eq!(DealCode::parse(&"D".repeat(101)).unwrap_err().code(), "order.too_long");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        check_text(raw, OrderField::DealCode, MAX_DEAL_CODE_CHARS).map(|text| DealCode(text.into()))
    }
}

text_surface!(DealCode);

/// A Cloud Channel offer's resource name, `accounts/{account}/offers/{offer}`: each id 1 to
/// [`MAX_OFFER_ID_CHARS`] ASCII letters, digits, `-` or `_`.
///
/// ```
/// use gws_onboarding::order::OfferName;
/// let offer: OfferName = "accounts/C01abc23/offers/FzP3lmPQ".parse()?;
/// assert_eq!(offer.account_id(), "C01abc23");
/// assert_eq!(offer.offer_id(), "FzP3lmPQ");
/// assert_eq!(offer.to_string(), "accounts/C01abc23/offers/FzP3lmPQ");
/// assert_eq!(OfferName::parse("offers/FzP3lmPQ").unwrap_err().code(), "order.offer_name");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfferName {
    name: Box<str>,
    /// The account id is `name["accounts/".len()..account_end]`.
    account_end: usize,
}

const ACCOUNTS: &str = "accounts/";
const OFFERS: &str = "/offers/";

fn is_resource_id(id: &str) -> bool {
    (1..=MAX_OFFER_ID_CHARS).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl OfferName {
    /// Checks an offer name, surrounding white space removed.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (longer than `accounts/` + 64 + `/offers/` +
    /// 64 characters), `order.unsafe_char`, `order.offer_name` (`offers/X`,
    /// `accounts/C01/skus/X`, `accounts//offers/X`, `accounts/C 1/offers/X`, a trailing `/`).
    ///
    /// ```
    /// use gws_onboarding::order::OfferName;
    /// assert_eq!(OfferName::parse("accounts/C01/offers/").unwrap_err().code(), "order.offer_name");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        let field = OrderField::Offer;
        if raw.len() > MAX_OFFER_NAME_CHARS + MAX_SEATS_TEXT {
            return Err(OrderError::TooLong {
                field,
                max: MAX_OFFER_NAME_CHARS,
            });
        }
        let text = raw.trim_fast();
        if text.is_empty() {
            return Err(OrderError::Empty { field });
        }
        if let Some((_, c)) = find_unsafe(text) {
            return Err(OrderError::UnsafeChar {
                field,
                code_point: u32::from(c),
            });
        }
        if text.chars().count() > MAX_OFFER_NAME_CHARS {
            return Err(OrderError::TooLong {
                field,
                max: MAX_OFFER_NAME_CHARS,
            });
        }
        let malformed = || OrderError::OfferName {
            found: snippet(text),
        };
        let rest = text.strip_prefix(ACCOUNTS).ok_or_else(malformed)?;
        let (account, offer) = rest.split_once(OFFERS).ok_or_else(malformed)?;
        if !is_resource_id(account) || !is_resource_id(offer) {
            return Err(malformed());
        }
        Ok(OfferName {
            name: text.into(),
            account_end: ACCOUNTS.len() + account.len(),
        })
    }

    /// The whole name, `accounts/{account}/offers/{offer}`.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.as_str(), "accounts/C01/offers/O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The reseller's Channel account id.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.account_id(), "C01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn account_id(&self) -> &str {
        self.name
            .get(ACCOUNTS.len()..self.account_end)
            .unwrap_or_default()
    }

    /// The offer id.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.offer_id(), "O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer_id(&self) -> &str {
        self.name
            .get(self.account_end + OFFERS.len()..)
            .unwrap_or_default()
    }
}

impl AsRef<str> for OfferName {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for OfferName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl FromStr for OfferName {
    type Err = OrderError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OfferName::parse(s)
    }
}

impl From<OfferName> for String {
    fn from(value: OfferName) -> String {
        value.name.into()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OfferName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for OfferName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        OfferName::parse(&raw).map_err(serde::de::Error::custom)
    }
}

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
    /// 1. the plan: `free` only for Cloud Identity Free ([`OrderError::FreePlan`]), and a plan
    ///    Google sells the product on ([`Plan::is_offered_for`],
    ///    [`OrderError::PlanNotOffered`]);
    /// 2. the seats: at least one ([`OrderRefusal::NoSeats`]), at most [`MAX_SEATS`]
    ///    ([`OrderError::SeatsTooLarge`]), at most the edition's limit (Cloud Identity Free: 50,
    ///    [`OrderRefusal::SeatLimit`]), at most [`MAX_TRIAL_SEATS`] on a trial
    ///    ([`OrderError::TrialSeats`]).
    ///
    /// What depends on the customer (team customers and a verified domain, education editions,
    /// storage needing a Google Workspace edition, the form's edition) is checked by the form,
    /// or by [`eligibility::may_order`](crate::eligibility::may_order) for a later order.
    ///
    /// # Errors
    ///
    /// The first [`OrderError`] that applies: Business Plus on `free`, Essentials on
    /// `annual-monthly`, Cloud Identity Free on `flexible`, 0 seats, 51 seats of Cloud Identity
    /// Free, a trial of 11 seats.
    ///
    /// ```
    /// use gws_onboarding::{Edition, order::{Order, Plan}};
    /// let err = Order::new(Edition::Essentials.into(), 5, Plan::AnnualMonthly).unwrap_err();
    /// assert_eq!(err.code(), "order.plan_not_offered");
    /// let err = Order::new(Edition::CloudIdentityFree.into(), 51, Plan::Free).unwrap_err();
    /// assert_eq!(err.code(), "order.seat_limit");
    /// Order::new(Edition::CloudIdentityFree.into(), 50, Plan::Free)?;
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

/// The plan rules: `free` only for Cloud Identity Free, then a plan the product is sold on.
fn plan_error(product: Product, plan: Plan) -> Option<OrderError> {
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
///   no subscription): a team customer orders only the Essentials family, nobody orders Vault
///   before verifying its domain, education editions need the box, storage needs a Google
///   Workspace edition.
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
    let plan_error = plan.and_then(|plan| plan_error(product, plan));
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
            assert!(!plans.is_empty(), "{product:?}");
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
