//! Layer 5, journey: choosing the Channel offer of an order, page by page, at bounded cost;
//! and what the journey reports when no single offer fits.
//!
//! The rule ([`OfferTally::count`]): an offer fits when it is of the journey's account, of the
//! SKU listed (or names none), sells the order's [`Plan`] ([`OfferPlan::plan`]), and carries
//! the order's deal code (an order without one takes only offers without one: a promotion
//! needs its code). Exactly one fitting offer is bought; none stops on `order.plan`, naming
//! the plans on offer; several stop on `order.offer`, listing them, for the caller to
//! [`give_offer`](crate::journey::Journey::give_offer).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Lang, snippet};
use crate::order::{OfferName, Plan};
use crate::report::Report;
use crate::wire::channel::{ListedOffer, OfferPage};
use crate::wire::{Call, PageToken, SkuName};

use crate::journey::error::JourneyError;

/// The most fitting offers a tally names; past it they are counted.
const MAX_MATCHES: usize = 8;
/// The most distinct plans a tally names.
const MAX_PLANS: usize = 8;
/// The most pages one listing may take: past it (or on a page token Google already gave) the
/// journey stops rather than list for ever.
pub(crate) const MAX_PAGES: u32 = 50;

/// An offer that fits, with the least seats it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Fit {
    pub(crate) offer: OfferName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) min_units: Option<u32>,
}

/// What the pages of an offer listing said so far: the fitting offers and the plans seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OfferTally {
    #[serde(default)]
    pub(crate) fits: Vec<Fit>,
    /// Fitting offers past [`MAX_MATCHES`].
    #[serde(default)]
    pub(crate) more: u32,
    /// The plans on offer, as names ([`plan_label`]), distinct, in the order seen.
    #[serde(default)]
    pub(crate) plans: Vec<String>,
}

/// The label of an offer's plan in a tally: the order plan's name, or `offline`,
/// `commitment` or `other`.
fn plan_label(offer: &ListedOffer) -> &'static str {
    match (offer.plan().plan(), offer.plan()) {
        (Some(plan), _) => plan.as_str(),
        (None, crate::wire::channel::OfferPlan::Offline) => "offline",
        (None, crate::wire::channel::OfferPlan::Commitment { .. }) => "commitment",
        _ => "other",
    }
}

/// The labels [`plan_label`] gives, for a stored tally's check.
pub(crate) fn is_plan_label(label: &str) -> bool {
    Plan::ALL.iter().any(|p| p.as_str() == label)
        || matches!(label, "offline" | "commitment" | "other")
}

/// What the order asks of an offer.
pub(crate) struct Wanted<'a> {
    pub(crate) account: &'a str,
    pub(crate) sku: &'a SkuName,
    pub(crate) plan: Plan,
    pub(crate) deal_code: Option<&'a str>,
}

impl OfferTally {
    /// Counts one page's offers; an offer of another account or SKU is a mismatch.
    ///
    /// # Errors
    ///
    /// [`JourneyError::Mismatch`] for an offer of another account or another SKU.
    pub(crate) fn count(
        &mut self,
        call: Call,
        wanted: &Wanted<'_>,
        page: &OfferPage,
    ) -> Result<(), JourneyError> {
        for offer in page.offers() {
            let Some(name) = offer.name() else { continue };
            if name.account_id() != wanted.account {
                return Err(JourneyError::Mismatch {
                    call,
                    asked: format!("accounts/{}", wanted.account),
                    found: snippet(name.as_str()),
                });
            }
            if let Some(sku) = offer.sku().filter(|s| *s != wanted.sku) {
                return Err(JourneyError::Mismatch {
                    call,
                    asked: wanted.sku.to_string(),
                    found: snippet(sku.as_str()),
                });
            }
            let label = plan_label(offer);
            if self.plans.len() < MAX_PLANS && !self.plans.iter().any(|p| p == label) {
                self.plans.push(label.to_owned());
            }
            let fits =
                offer.plan().plan() == Some(wanted.plan) && offer.deal_code() == wanted.deal_code;
            if !fits || self.fits.iter().any(|f| &f.offer == name) {
                continue;
            }
            if self.fits.len() < MAX_MATCHES {
                self.fits.push(Fit {
                    offer: name.clone(),
                    min_units: offer.min_units(),
                });
            } else {
                self.more = self.more.saturating_add(1);
            }
        }
        Ok(())
    }

    /// The one fitting offer, or the report of why there is not one (on `call`, for `plan`).
    pub(crate) fn decide(&self, call: Call, plan: Plan) -> Result<Fit, Report> {
        match self.fits.as_slice() {
            [one] if self.more == 0 => Ok(one.clone()),
            [] => Err(Report::of(
                "order.plan",
                ChoiceProblem::PlanNotOffered {
                    call,
                    plan,
                    on_offer: self.plans.clone(),
                },
            )),
            fits => Err(Report::of(
                "order.offer",
                ChoiceProblem::SeveralOffers {
                    call,
                    offers: fits.iter().map(|f| f.offer.to_string()).collect(),
                    more: self.more,
                },
            )),
        }
    }
}

/// Where a listing goes after a page: the next page, or done.
pub(crate) enum Paging {
    Next(PageToken),
    Last,
}

/// The next page of a listing after page `pages` (0 for the first) was read from `current`,
/// or the report that the listing does not end.
pub(crate) fn paging(
    call: Call,
    current: Option<&PageToken>,
    next: Option<&PageToken>,
    pages: u32,
) -> Result<Paging, Report> {
    match next {
        None => Ok(Paging::Last),
        Some(next) if Some(next) == current || pages.saturating_add(1) >= MAX_PAGES => Err(
            Report::of("order.offer", ChoiceProblem::EndlessListing { call }),
        ),
        Some(next) => Ok(Paging::Next(next.clone())),
    }
}

/// Why the journey could not choose what to buy or move from Google's listings.
///
/// ```
/// use gws_onboarding::journey::ChoiceProblem;
/// use gws_onboarding::{Diagnostic, Lang, order::Plan, wire::Call};
/// let p = ChoiceProblem::PlanNotOffered {
///     call: Call::ChannelListPurchasableOffers,
///     plan: Plan::AnnualYearly,
///     on_offer: vec!["flexible".into(), "annual-monthly".into()],
/// };
/// assert_eq!(p.code(), "offer.plan_not_offered");
/// assert!(p.message(Lang::En).contains("the Flexible Plan, the Annual Plan (monthly payments)"));
/// assert!(p.message(Lang::Fr).contains("le forfait annuel (paiement annuel)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChoiceProblem {
    /// The customer may not buy the order's product through this account: no SKU of
    /// `listPurchasableSkus` is it.
    SkuNotOffered {
        /// Google's name of the product ordered.
        product: String,
        /// How many SKUs Google listed.
        listed: u32,
    },
    /// No offer sells the order's plan.
    PlanNotOffered {
        /// The listing.
        call: Call,
        /// The plan ordered.
        plan: Plan,
        /// The plans on offer (`flexible`, `annual-monthly`, …, `offline`, `commitment`,
        /// `other`).
        on_offer: Vec<String>,
    },
    /// Several offers sell the order's plan: give the one to buy.
    SeveralOffers {
        /// The listing.
        call: Call,
        /// Their names (at most 8).
        offers: Vec<String>,
        /// How many more fit.
        more: u32,
    },
    /// A listing gave the same page again, or more than 50 pages.
    EndlessListing {
        /// The listing.
        call: Call,
    },
    /// A SKU of the customer cannot be transferred (`transferEligibility`).
    NotTransferable {
        /// Google's name of the SKU, or its resource name.
        sku: String,
        /// `ineligibilityReason`, when given.
        reason: Option<String>,
        /// Google's description, when given.
        description: Option<String>,
    },
    /// The customer has more transferable SKUs than one journey moves (20).
    TooManySkus {
        /// How many were listed.
        listed: u32,
    },
}

impl ChoiceProblem {
    /// The stable code: `offer.sku_not_offered`, `offer.plan_not_offered`,
    /// `offer.several`, `offer.endless_listing`, `offer.ineligible_sku` or
    /// `offer.too_many_skus`.
    ///
    /// ```
    /// use gws_onboarding::journey::ChoiceProblem;
    /// assert_eq!(ChoiceProblem::TooManySkus { listed: 30 }.code(), "offer.too_many_skus");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ChoiceProblem::SkuNotOffered { .. } => "offer.sku_not_offered",
            ChoiceProblem::PlanNotOffered { .. } => "offer.plan_not_offered",
            ChoiceProblem::SeveralOffers { .. } => "offer.several",
            ChoiceProblem::EndlessListing { .. } => "offer.endless_listing",
            ChoiceProblem::NotTransferable { .. } => "offer.ineligible_sku",
            ChoiceProblem::TooManySkus { .. } => "offer.too_many_skus",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::ChoiceProblem};
    /// let p = ChoiceProblem::SkuNotOffered { product: "Google Workspace Business Plus".into(), listed: 12 };
    /// assert!(p.message(Lang::Fr).starts_with("« Google Workspace Business Plus » n'est pas proposé"));
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.french(),
            _ => self.english(),
        }
    }

    fn english(&self) -> String {
        match self {
            ChoiceProblem::SkuNotOffered { product, listed } => format!(
                "\"{}\" is not offered to this customer through your Cloud Channel account \
                 ({listed} SKUs listed): check the product, or that your account may resell it",
                snippet(product)
            ),
            ChoiceProblem::PlanNotOffered { plan, on_offer, .. } => format!(
                "no offer sells {} for this product; on offer: {}: choose one of those plans",
                plan.name(Lang::En),
                plan_names(on_offer, Lang::En)
            ),
            ChoiceProblem::SeveralOffers { offers, more, .. } => format!(
                "{} offers sell this plan ({}{}): give the offer to buy",
                offers.len() + usize::try_from(*more).unwrap_or(usize::MAX),
                list_or(offers, ""),
                if *more > 0 { ", …" } else { "" }
            ),
            ChoiceProblem::EndlessListing { call } => format!(
                "{call} gave the same page again or more than {MAX_PAGES} pages: {}",
                endless_advice(*call, Lang::En)
            ),
            ChoiceProblem::NotTransferable {
                sku,
                reason,
                description,
            } => format!(
                "the customer's \"{}\" cannot be transferred{}: resolve it with the customer, \
                 then start the transfer again",
                snippet(sku),
                ineligibility(reason.as_deref(), description.as_deref(), Lang::En),
            ),
            ChoiceProblem::TooManySkus { listed } => format!(
                "the customer has {listed} transferable SKUs, more than the 20 one journey moves: \
                 transfer them from the Partner Sales Console"
            ),
        }
    }

    fn french(&self) -> String {
        match self {
            ChoiceProblem::SkuNotOffered { product, listed } => format!(
                "« {} » n'est pas proposé à ce client via votre compte Cloud Channel \
                 ({listed} SKU listés) : vérifiez le produit, ou que votre compte peut le revendre",
                snippet(product)
            ),
            ChoiceProblem::PlanNotOffered { plan, on_offer, .. } => format!(
                "aucune offre ne propose {} pour ce produit ; forfaits proposés : {} : choisissez \
                 l'un de ces forfaits",
                plan.name(Lang::Fr),
                plan_names(on_offer, Lang::Fr)
            ),
            ChoiceProblem::SeveralOffers { offers, more, .. } => format!(
                "{} offres proposent ce forfait ({}{}) : indiquez l'offre à acheter",
                offers.len() + usize::try_from(*more).unwrap_or(usize::MAX),
                list_or(offers, ""),
                if *more > 0 { ", …" } else { "" }
            ),
            ChoiceProblem::EndlessListing { call } => format!(
                "{call} a renvoyé la même page ou plus de {MAX_PAGES} pages : {}",
                endless_advice(*call, Lang::Fr)
            ),
            ChoiceProblem::NotTransferable {
                sku,
                reason,
                description,
            } => format!(
                "l'abonnement « {} » du client ne peut pas être transféré{} : réglez ce point \
                 avec le client, puis relancez le transfert",
                snippet(sku),
                ineligibility(reason.as_deref(), description.as_deref(), Lang::Fr),
            ),
            ChoiceProblem::TooManySkus { listed } => format!(
                "le client a {listed} SKU transférables, plus que les 20 qu'un parcours transfère : \
                 transférez-les depuis la Partner Sales Console"
            ),
        }
    }
}

/// Google's `ineligibilityReason` in brackets and its description after a colon, each cut and
/// escaped, as `lang` writes them (French puts a space before the colon).
fn ineligibility(reason: Option<&str>, description: Option<&str>, lang: Lang) -> String {
    let mut out = reason
        .map(|r| format!(" ({})", snippet(r)))
        .unwrap_or_default();
    if let Some(d) = description {
        out.push_str(lang.pick(": ", " : "));
        out.push_str(&snippet(d));
    }
    out
}

/// What to do about a listing that does not end, by listing.
fn endless_advice(call: Call, lang: Lang) -> &'static str {
    match call {
        Call::ChannelListPurchasableSkus | Call::ChannelListPurchasableOffers => {
            lang.pick("give the offer to buy", "indiquez l'offre à acheter")
        }
        Call::ChannelListTransferableSkus | Call::ChannelListTransferableOffers => lang.pick(
            "transfer the customer from the Partner Sales Console",
            "transférez le client depuis la Partner Sales Console",
        ),
        _ => lang.pick(
            "check the customer in the Partner Sales Console, then start again",
            "vérifiez le client dans la Partner Sales Console, puis relancez",
        ),
    }
}

/// The plans of a tally for people, in `lang`.
fn plan_names(labels: &[String], lang: Lang) -> String {
    if labels.is_empty() {
        return lang.pick("none", "aucun").to_owned();
    }
    let name = |label: &str| -> String {
        match (Plan::ALL.iter().find(|p| p.as_str() == label), label) {
            (Some(plan), _) => plan.name(lang).to_owned(),
            (None, "offline") => lang
                .pick("an offline offer", "une offre hors ligne")
                .to_owned(),
            (None, "commitment") => lang
                .pick("another commitment", "un autre engagement")
                .to_owned(),
            (None, _) => lang
                .pick("an unknown plan", "un forfait inconnu")
                .to_owned(),
        }
    };
    labels
        .iter()
        .map(|l| name(l))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The items of `list`, each cut and escaped, joined by `, `; `empty` when there is none.
fn list_or(list: &[String], empty: &str) -> String {
    if list.is_empty() {
        return empty.to_owned();
    }
    list.iter()
        .map(|s| snippet(s))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for ChoiceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for ChoiceProblem {}

crate::error::impl_diagnostic!(ChoiceProblem);
