//! Layer 3, customer: the payment plans of an order.

use std::fmt;

use crate::error::Lang;
use crate::product::Product;

#[cfg(doc)]
use crate::form;

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
    /// The 30-day free trial, at most [`MAX_TRIAL_SEATS`](crate::order::MAX_TRIAL_SEATS) seats (`TRIAL`).
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

    /// Whether Google sells `product` on this plan: the `plans` column of `data/products.tsv`
    /// ([`CatalogueEntry::plans`](crate::product::CatalogueEntry::plans); see the
    /// [module](crate::order) table and its sources): Cloud Identity Free only on `free`,
    /// `free` only for Cloud Identity Free, Essentials only on `flexible`, the rest on any
    /// other plan; nothing for a SKU Google does not sell.
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
        product.catalogue_entry().plans().contains(&self.as_str())
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
    pub(super) fn spellings() -> impl Iterator<Item = (Plan, &'static str)> + Clone {
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
