//! Layer 3, customer: the fields of an order and [`OrderError`], why an order is refused.

use std::fmt;
use std::str::FromStr;

use crate::eligibility::OrderRefusal;
use crate::error::{Lang, TrimExt, impl_diagnostic, snippet};
use crate::product::{Edition, Product};

use super::limits::{MAX_SEATS, MAX_TRIAL_SEATS};
use super::plan::Plan;
#[cfg(doc)]
use crate::form;

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
    pub(super) fn noun(self, lang: Lang) -> &'static str {
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
pub(super) fn quote(value: &str, lang: Lang) -> String {
    match (value.trim_fast().is_empty(), lang) {
        (true, Lang::Fr) => "(vide)".to_owned(),
        (true, _) => "(empty)".to_owned(),
        (false, Lang::Fr) => format!("« {value} »"),
        (false, _) => format!("\"{value}\""),
    }
}

/// The plans of `product` as a list for people: `A, B or C` / `A, B ou C`.
pub(super) fn plan_list(product: Product, lang: Lang) -> String {
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
            | OrderError::Refused(OrderRefusal::NoSeats { .. }) => OrderField::Seats,
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

/// Plans are read here, beside the error an unknown plan gives.
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
