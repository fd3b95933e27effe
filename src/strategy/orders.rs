//! Layer 7, strategy: valid orders and near-miss order forms.

use super::forms::{
    Expected, domain_customer_form, must_validate, onboarding_form, team_customer_form,
    team_may_order,
};
use super::mistakes::{NearMiss, any_base, domain_base};
use crate::customer::{Customer, CustomerKind};
use crate::form::{OnboardingForm, RawOrder};
use crate::order::{
    MAX_DEAL_CODE_CHARS, MAX_PURCHASE_ORDER_ID_CHARS, MAX_SEATS, MAX_TRIAL_SEATS, OrderField, Plan,
};
use crate::product::{Addon, Edition, Prerequisite, Product, StorageSize};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// The products a customer may order first, with no other violation: the form's edition and,
/// on top of a Business Starter-class edition, additional storage; without an edition, any
/// edition Google sells of the customer's family that its kind and education box allow. Never
/// Vault: a new customer's domain is not verified yet.
pub(super) fn products_for(customer: &Customer) -> Vec<Product> {
    match customer.edition() {
        Some(edition) => {
            let mut products = vec![Product::Edition(edition)];
            if Prerequisite::BaseEdition.is_met_by(edition) {
                products.extend(StorageSize::ALL.map(|s| Product::Addon(Addon::Storage(s))));
            }
            products
        }
        None => Edition::ALL
            .into_iter()
            .filter(|e| {
                e.family() == customer.product_family()
                    && Product::Edition(*e).is_orderable()
                    && (!e.is_education() || customer.education().is_some())
                    && (customer.kind() == CustomerKind::Domain || team_may_order(*e))
            })
            .map(Product::Edition)
            .collect(),
    }
}

/// The most seats a valid order on `plan` has here: a trial's 10, else 5000 (no edition has a
/// hard seat limit: Cloud Identity Free's 50 is a default user cap).
pub(super) fn seat_max(plan: Plan) -> u32 {
    if plan == Plan::Trial {
        MAX_TRIAL_SEATS
    } else {
        5000
    }
}

/// Spellings of a seat count that read as it: `25`, ` 25 `, `25.0`, `2.5e1`-like.
pub(super) fn seats_text(seats: u32) -> impl Strategy<Value = String> {
    select(vec![0_u8, 0, 1, 2, 3]).prop_map(move |how| match how {
        1 => format!(" {seats} "),
        2 => format!("{seats}.0"),
        3 => format!("{seats}0e-1"),
        _ => seats.to_string(),
    })
}

/// Spellings of a plan: the crate's name, Google's, in another case; the default plan also
/// left out.
pub(super) fn plan_text(plan: Plan) -> impl Strategy<Value = Option<String>> {
    let mut spellings = vec![
        Some(plan.as_str().to_owned()),
        Some(plan.reseller_plan_name().to_owned()),
        Some(plan.as_str().to_uppercase().replace('-', " ")),
    ];
    if plan == Plan::default() {
        spellings.extend([None, Some(String::new())]);
    }
    select(spellings)
}

/// Optional purchase order number, deal code and Channel offer, all valid.
pub(super) fn order_extras()
-> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    (
        option::of("[A-Za-z0-9][A-Za-z0-9 /#-]{0,78}[A-Za-z0-9]"),
        option::of("[A-Z0-9][A-Z0-9-]{0,98}[A-Z0-9]"),
        option::of(("[A-Za-z0-9_-]{1,20}", "[A-Za-z0-9_-]{1,20}"))
            .prop_map(|ids| ids.map(|(a, o)| format!("accounts/{a}/offers/{o}"))),
    )
}

/// A valid raw order of `product` on `plan` with `seats`, spelled loosely.
pub(super) fn raw_order(
    product: Product,
    plan: Plan,
    seats: u32,
) -> impl Strategy<Value = RawOrder> {
    (seats_text(seats), plan_text(plan), order_extras()).prop_map(
        move |(seats, plan, (purchase_order_id, deal_code, offer))| RawOrder {
            product: product.as_str().to_owned(),
            seats: Some(seats),
            plan,
            purchase_order_id,
            deal_code,
            offer,
        },
    )
}

/// Valid raw orders for `customer`: a product it may order first (its form's edition, storage
/// on top of a Google Workspace edition, or an edition its kind allows when the form names
/// none), a plan Google sells the product on, 1 to the plan's and edition's seat limit, and
/// valid optional values.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, OnboardingForm, Policy}};
/// use proptest::prelude::*;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// proptest!(|(order in strategy::raw_order_for(&customer))| {
///     let mut form = OnboardingForm::sample_team_customer();
///     form.order = Some(order);
///     let customer = form::validate(&form, &Policy::default()).unwrap();
///     prop_assert!(customer.order().is_some());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn raw_order_for(customer: &Customer) -> impl Strategy<Value = RawOrder> + use<> {
    // Boxed at each level: the nested trees would otherwise fill a test thread's stack.
    select(products_for(customer))
        .prop_flat_map(|product| (Just(product), select(Plan::offered_for(product))))
        .boxed()
        .prop_flat_map(|(product, plan)| {
            (1..=seat_max(plan))
                .prop_flat_map(move |seats| raw_order(product, plan, seats))
                .boxed()
        })
        .boxed()
}

/// Valid forms from [`onboarding_form`] with a valid `order` from [`raw_order_for`].
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::order_form())| {
///     let outcome = form::check(&form, &Policy::default());
///     prop_assert!(outcome.report().is_empty(), "{}", outcome.report());
///     prop_assert!(outcome.customer().and_then(|c| c.order()).is_some());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn order_form() -> impl Strategy<Value = OnboardingForm> {
    onboarding_form()
        .boxed()
        .prop_flat_map(|form| {
            let order = raw_order_for(&must_validate(&form));
            (Just(form), order)
        })
        .prop_map(|(mut form, order)| {
            form.order = Some(order);
            form
        })
        .boxed()
}

/// Valid customers with their first order, validated from [`order_form`]: what a journey
/// that creates a customer and orders for it starts from.
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::strategy;
/// use proptest::prelude::*;
///
/// proptest!(|(customer in strategy::customer_with_order())| {
///     let order = customer.order().unwrap();
///     prop_assert!(order.seats() >= 1);
///     prop_assert!(order.plan().is_offered_for(order.product()));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn customer_with_order() -> impl Strategy<Value = Customer> {
    order_form().prop_map(|form| must_validate(&form))
}

/// A valid form with a valid order of `product` on `plan` with `seats`, and no other value
/// than those.
pub(super) fn with_order(
    mut form: OnboardingForm,
    product: Product,
    plan: Plan,
    seats: u32,
) -> OnboardingForm {
    form.order = Some(RawOrder {
        product: product.as_str().to_owned(),
        seats: Some(seats.to_string()),
        plan: Some(plan.as_str().to_owned()),
        ..RawOrder::default()
    });
    form
}

/// A valid order form and its valid order (see [`order_form`]).
pub(super) fn order_base() -> BoxedStrategy<(OnboardingForm, RawOrder)> {
    order_form()
        .prop_map(|form| {
            let order = form.order.clone().unwrap_or_default();
            (form, order)
        })
        .boxed()
}

/// A valid domain customer of Cloud Identity Free with an order of it on the free plan.
pub(super) fn cloud_identity_free_base() -> impl Strategy<Value = OnboardingForm> {
    domain_customer_form().prop_map(|mut form| {
        form.product_family = "cloud-identity".into();
        form.edition = Some(Edition::CloudIdentityFree.as_str().into());
        with_order(form, Edition::CloudIdentityFree.into(), Plan::Free, 1)
    })
}

/// Sets the order of a form built by [`with_order`] or [`order_base`].
pub(super) fn edit_order(
    mut form: OnboardingForm,
    edit: impl FnOnce(&mut RawOrder),
) -> OnboardingForm {
    if let Some(order) = form.order.as_mut() {
        edit(order);
    }
    form
}

pub(super) fn near(
    form: OnboardingForm,
    mutation: &'static str,
    field: OrderField,
    code: &'static str,
) -> NearMiss {
    (form, Expected::new(mutation, field.form_path(), code))
}

pub(super) fn seat_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    let trial_products: Vec<Product> = Product::all()
        .filter(|p| Plan::Trial.is_offered_for(*p))
        .collect();
    vec![
        (domain_base(), select(trial_products), 11_u32..=5000)
            .prop_filter("not for this customer", |((form, _), product, _)| {
                products_for(&must_validate(form)).contains(product)
            })
            .prop_map(|((form, _), product, seats)| {
                let form = with_order(form, product, Plan::Trial, seats);
                near(form, "trial_seats", OrderField::Seats, "order.trial_seats")
            })
            .boxed(),
        (order_base(), select(vec!["0", " 0 ", "0.0", "-0"]))
            .prop_map(|((form, _), zero)| {
                let form = edit_order(form, |o| o.seats = Some(zero.to_owned()));
                near(form, "no_seats", OrderField::Seats, "order.no_seats")
            })
            .boxed(),
        (order_base(), 1_u32..100_000)
            .prop_map(|((form, _), n)| {
                let form = edit_order(form, |o| o.seats = Some(format!("-{n}")));
                near(
                    form,
                    "negative_seats",
                    OrderField::Seats,
                    "order.seats_negative",
                )
            })
            .boxed(),
        (order_base(), 0_u32..100, 1_u32..10)
            .prop_map(|((form, _), n, tenth)| {
                let form = edit_order(form, |o| o.seats = Some(format!("{n}.{tenth}")));
                near(
                    form,
                    "fractional_seats",
                    OrderField::Seats,
                    "order.seats_fractional",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "ten",
                "12 seats",
                "0x10",
                "1,000",
                "+",
                "25 licences",
                "∞",
            ]),
        )
            .prop_map(|((form, _), text)| {
                let form = edit_order(form, |o| o.seats = Some(text.to_owned()));
                near(
                    form,
                    "seats_not_a_number",
                    OrderField::Seats,
                    "order.seats_not_a_number",
                )
            })
            .boxed(),
        (order_base(), u64::from(MAX_SEATS) + 1..=u64::MAX)
            .prop_map(|((form, _), n)| {
                let form = edit_order(form, |o| o.seats = Some(n.to_string()));
                near(
                    form,
                    "too_many_seats",
                    OrderField::Seats,
                    "order.seats_too_large",
                )
            })
            .boxed(),
        order_base()
            .prop_map(|(form, _)| {
                let form = edit_order(form, |o| o.seats = None);
                near(form, "missing_seats", OrderField::Seats, "form.required")
            })
            .boxed(),
    ]
}

pub(super) fn plan_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        order_base()
            .prop_filter("Cloud Identity Free", |(_, order)| {
                order.product != Edition::CloudIdentityFree.as_str()
            })
            .prop_map(|(form, _)| {
                let form = edit_order(form, |o| o.plan = Some("FREE".into()));
                near(form, "free_plan", OrderField::Plan, "order.free_plan")
            })
            .boxed(),
        (
            cloud_identity_free_base(),
            select(vec![
                Plan::Flexible,
                Plan::AnnualMonthly,
                Plan::AnnualYearly,
                Plan::Trial,
            ]),
        )
            .prop_map(|(form, plan)| {
                let form = edit_order(form, |o| o.plan = Some(plan.as_str().into()));
                near(
                    form,
                    "paid_cloud_identity_free",
                    OrderField::Plan,
                    "order.plan_not_offered",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "monthly",
                "annual-weekly",
                "FLEX",
                "pay as you go",
                "yearly",
            ]),
        )
            .prop_map(|((form, _), plan)| {
                let form = edit_order(form, |o| o.plan = Some(plan.into()));
                near(form, "unknown_plan", OrderField::Plan, "order.unknown_plan")
            })
            .boxed(),
    ]
}

/// The SKUs of the catalogue Google does not sell that are no edition (an edition other than
/// the form's is refused as a mismatch first).
fn not_sold() -> Vec<Product> {
    Product::all()
        .filter(|p| !p.is_orderable() && !matches!(p, Product::Edition(_)))
        .collect()
}

/// The catalogue's mistakes (issue 16): a SKU Google does not sell, storage on Enterprise
/// Essentials (no base edition).
pub(super) fn catalogue_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (order_base(), select(not_sold()))
            .prop_map(|((form, _), product)| {
                let form = with_order(form, product, Plan::Flexible, 1);
                near(form, "not_sold", OrderField::Product, "order.not_sold")
            })
            .boxed(),
        (team_customer_form(), select(StorageSize::ALL.to_vec()))
            .prop_map(|(form, size)| {
                let form = with_order(form, Addon::Storage(size).into(), Plan::Flexible, 1);
                near(
                    form,
                    "storage_on_enterprise_essentials",
                    OrderField::Product,
                    "order.needs_workspace",
                )
            })
            .boxed(),
    ]
}

pub(super) fn product_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (
            any_base(),
            select(vec![Addon::Vault, Addon::VaultFormerEmployee]),
            1_u32..500,
        )
            .prop_map(|((form, _), addon, seats)| {
                let form = with_order(form, addon.into(), Plan::Flexible, seats);
                near(
                    form,
                    "vault_before_verification",
                    OrderField::Product,
                    "order.verify_domain_first",
                )
            })
            .boxed(),
        (domain_customer_form(), select(StorageSize::ALL.to_vec()))
            .prop_map(|(mut form, size)| {
                form.product_family = "cloud-identity".into();
                form.edition = None;
                let form = with_order(form, Addon::Storage(size).into(), Plan::Flexible, 1);
                near(
                    form,
                    "storage_without_workspace",
                    OrderField::Product,
                    "order.needs_workspace",
                )
            })
            .boxed(),
        (order_base(), any::<prop::sample::Index>())
            .prop_filter_map("no edition to differ from", |((form, _), pick)| {
                let customer = must_validate(&form);
                let edition = customer.edition()?;
                let others: Vec<Edition> = Edition::ALL
                    .into_iter()
                    .filter(|e| {
                        *e != edition
                            && *e != Edition::CloudIdentityFree
                            && e.family() == edition.family()
                            && !e.is_education()
                            && Product::Edition(*e).is_orderable()
                            && (customer.kind() == CustomerKind::Domain || team_may_order(*e))
                    })
                    .collect();
                if others.is_empty() {
                    return None;
                }
                let other = *pick.get(&others);
                let form = with_order(form, other.into(), Plan::Flexible, 1);
                Some(near(
                    form,
                    "edition_mismatch",
                    OrderField::Product,
                    "order.edition_mismatch",
                ))
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "business-premium",
                "vaulted",
                "storage-3tb",
                "nonprofits",
            ]),
        )
            .prop_map(|((form, _), name)| {
                let form = edit_order(form, |o| o.product = name.into());
                near(
                    form,
                    "unknown_product",
                    OrderField::Product,
                    "product.unknown",
                )
            })
            .boxed(),
        (order_base(), select(vec!["", " "]))
            .prop_map(|((form, _), blank)| {
                let form = edit_order(form, |o| o.product = blank.into());
                near(
                    form,
                    "missing_product",
                    OrderField::Product,
                    "form.required",
                )
            })
            .boxed(),
    ]
}

pub(super) fn order_text_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (
            order_base(),
            MAX_PURCHASE_ORDER_ID_CHARS + 1..2000,
            select(vec!["9", "é", "A-"]),
        )
            .prop_map(|((form, _), len, unit)| {
                let long: String = unit.chars().cycle().take(len).collect();
                let form = edit_order(form, |o| o.purchase_order_id = Some(long));
                near(
                    form,
                    "long_purchase_order_id",
                    OrderField::PurchaseOrderId,
                    "order.too_long",
                )
            })
            .boxed(),
        (order_base(), MAX_DEAL_CODE_CHARS + 1..2000)
            .prop_map(|((form, _), len)| {
                let form = edit_order(form, |o| o.deal_code = Some("D".repeat(len)));
                near(
                    form,
                    "long_deal_code",
                    OrderField::DealCode,
                    "order.too_long",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec!['\u{202e}', '\u{200b}', '\n', '\u{0}']),
        )
            .prop_map(|((form, _), c)| {
                let form = edit_order(form, |o| o.purchase_order_id = Some(format!("PO{c}1")));
                near(
                    form,
                    "purchase_order_id_unsafe_char",
                    OrderField::PurchaseOrderId,
                    "order.unsafe_char",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "offers/O1",
                "accounts/C01/offers/",
                "accounts//offers/O1",
                "accounts/C01/skus/O1",
                "accounts/C 1/offers/O1",
                "accounts/C01/offers/O1/",
                "https://cloudchannel.googleapis.com/v1/accounts/C01/offers/O1",
            ]),
        )
            .prop_map(|((form, _), offer)| {
                let form = edit_order(form, |o| o.offer = Some(offer.into()));
                near(
                    form,
                    "malformed_offer",
                    OrderField::Offer,
                    "order.offer_name",
                )
            })
            .boxed(),
    ]
}

/// Near-miss orders: a valid form with a valid order ([`order_form`]), or a customer built to
/// be able to make the mistake (Cloud Identity Free, a team customer), with exactly one
/// mistake in the order, and the [`Expected`] violation on its `order.*` field. The mistakes: a trial of more than 10 seats,
/// zero, negative, fractional, non-numeric, over-`int32` or missing seats; the free plan for
/// another product, a paid plan or a trial for Cloud Identity Free, an unknown plan;
/// a SKU Google does not sell, Vault before the domain is verified, storage
/// without a Business Starter-class edition (a Cloud Identity or Enterprise Essentials
/// customer), another edition than the form's, an unknown or a blank product; an over-long purchase order
/// number or deal code, an invisible character in the purchase order number, a malformed
/// offer name.
///
/// # Panics
///
/// When this crate refuses the valid form a mistake is made in: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|((form, expected) in strategy::invalid_order_form())| {
///     let report = form::validate(&form, &Policy::default()).unwrap_err();
///     let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
///     prop_assert_eq!(errors, [(expected.field, expected.code)], "{}", expected.mutation);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_order_form() -> impl Strategy<Value = (OnboardingForm, Expected)> {
    let all: Vec<BoxedStrategy<NearMiss>> = [
        seat_mistakes(),
        plan_mistakes(),
        product_mistakes(),
        catalogue_mistakes(),
        order_text_mistakes(),
    ]
    .into_iter()
    .flatten()
    .collect();
    proptest::strategy::Union::new(all)
}
