//! Layer 3, customer. Onboarding preconditions: may this customer be added at all, and as which kind?
//!
//! The Partner Sales Console help article *Ajouter un client Google Workspace* (Add a Google
//! Workspace customer) lists the conditions a reseller checks before "Create customer":
//!
//! - the customer has a **registered domain** (for a team customer, the domain of its admin's
//!   business address, which must not be a consumer domain such as gmail.com);
//! - it does **not** have Google Workspace for **Nonprofits** (a reseller cannot add such a
//!   customer);
//! - it does **not** have the **legacy free edition** of G Suite;
//! - the **team** kind is only for Enterprise Essentials or Enterprise Essentials Plus, with an
//!   account validated by email address (Essentials is no longer sold to new customers: the
//!   Reseller API's product table, developers.google.com/workspace/admin/reseller/v1/how-tos/products,
//!   read 2026-12-07, no longer sells it; existing customers keep it and it is still read).
//!
//! ```
//! use gws_onboarding::eligibility::{self, Preconditions};
//!
//! let situation = Preconditions { has_workspace_for_nonprofits: true, ..Preconditions::default() };
//! let reasons = eligibility::check_preconditions(&situation);
//! assert_eq!(reasons[0].code(), "eligibility.nonprofits");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::kind::CustomerKind;
use crate::error::{Lang, impl_diagnostic};
use crate::product::{Addon, Availability, Edition, Product, ProductFamily};
use std::fmt::Write as _;

/// What the salesperson knows of the customer's current Google services.
///
/// Both default to `false`: a customer with neither may be added.
///
/// ```
/// use gws_onboarding::eligibility::Preconditions;
/// let p = Preconditions::default();
/// assert!(!p.has_workspace_for_nonprofits && !p.has_legacy_free_edition);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase", default))]
pub struct Preconditions {
    /// The customer already has Google Workspace for Nonprofits.
    pub has_workspace_for_nonprofits: bool,
    /// The customer has the legacy free edition of G Suite.
    pub has_legacy_free_edition: bool,
}

/// Why a customer cannot be added as requested.
///
/// ```
/// use gws_onboarding::{Edition, Lang, eligibility::Ineligibility};
///
/// let reason = Ineligibility::TeamEdition { edition: Edition::BusinessStarter };
/// assert_eq!(reason.code(), "eligibility.team_edition");
/// assert!(reason.message(Lang::Fr).contains("Essentials"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Ineligibility {
    /// A domain customer without a domain.
    #[error(
        "the customer needs a registered domain: enter the domain it owns, or choose a team customer for Essentials"
    )]
    NoRegisteredDomain,
    /// The customer has Google Workspace for Nonprofits.
    #[error("the customer has Google Workspace for Nonprofits: a reseller cannot add it")]
    Nonprofits,
    /// The customer has the legacy free edition of G Suite.
    #[error(
        "the customer has the legacy free edition of G Suite: it cannot be added as a reseller customer"
    )]
    LegacyFreeEdition,
    /// A team customer with an edition a team customer may not order (`data/products.tsv`,
    /// column `team`).
    #[error("a team customer can only order {}, not {}: choose a domain customer", team_editions(Lang::En), edition.name())]
    TeamEdition {
        /// The edition asked for.
        edition: Edition,
    },
    /// A team customer whose main product family is not Google Workspace.
    #[error("a team customer's product family must be Google Workspace, not {}", family.name())]
    TeamFamily {
        /// The family asked for.
        family: ProductFamily,
    },
    /// A team customer whose admin has a Google consumer address.
    #[error(
        "the team admin's address \"{email}\" is a personal Gmail address: a team customer signs up with a business address"
    )]
    ConsumerEmail {
        /// The address (cut and escaped, as messages echo it).
        email: String,
    },
    /// The edition is not of the chosen product family.
    #[error("{} is not part of the {} product family chosen for the customer", edition.name(), family.name())]
    EditionFamily {
        /// The edition.
        edition: Edition,
        /// The family chosen.
        family: ProductFamily,
    },
    /// An education edition for a customer that is not an educational institution.
    #[error("{} is only for schools and universities: tick \"Educational institution\"", edition.name())]
    EducationEdition {
        /// The edition.
        edition: Edition,
    },
    /// An edition Google no longer sells to new customers (Essentials: the Licensing API's
    /// table still lists it for the customers who have it, the Reseller API's does not sell it
    /// any more).
    #[error("{} is no longer sold to new customers: choose another edition (a team customer can order {})", edition.name(), team_editions(Lang::En))]
    NotSold {
        /// The edition.
        edition: Edition,
    },
}

/// The editions a team customer may order, for a message: `Google Workspace Enterprise
/// Essentials or Google Workspace Enterprise Essentials Plus`.
pub(crate) fn team_editions(lang: Lang) -> String {
    let names: Vec<&str> = Edition::ALL
        .into_iter()
        .filter(|&e| Product::Edition(e).is_orderable() && team_may_order(e))
        .map(Edition::name)
        .collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("or", "ou")),
        None => String::new(),
    }
}

impl Ineligibility {
    /// The stable machine code, `eligibility.*`.
    ///
    /// ```
    /// assert_eq!(
    ///     gws_onboarding::eligibility::Ineligibility::LegacyFreeEdition.code(),
    ///     "eligibility.legacy_free_edition"
    /// );
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Ineligibility::NoRegisteredDomain => "eligibility.no_registered_domain",
            Ineligibility::Nonprofits => "eligibility.nonprofits",
            Ineligibility::LegacyFreeEdition => "eligibility.legacy_free_edition",
            Ineligibility::TeamEdition { .. } => "eligibility.team_edition",
            Ineligibility::TeamFamily { .. } => "eligibility.team_family",
            Ineligibility::ConsumerEmail { .. } => "eligibility.consumer_email",
            Ineligibility::EditionFamily { .. } => "eligibility.edition_family",
            Ineligibility::EducationEdition { .. } => "eligibility.education_edition",
            Ineligibility::NotSold { .. } => "eligibility.not_sold",
        }
    }

    /// The message in `lang`, for a salesperson.
    ///
    /// ```
    /// use gws_onboarding::{Lang, eligibility::Ineligibility};
    /// assert_eq!(
    ///     Ineligibility::Nonprofits.message(Lang::Fr),
    ///     "le client dispose de Google Workspace for Nonprofits : un revendeur ne peut pas l'ajouter"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Ineligibility::NoRegisteredDomain => "le client doit disposer d'un domaine enregistré : saisissez le domaine qu'il possède, ou choisissez un client dans une équipe pour Essentials".to_owned(),
            Ineligibility::Nonprofits => "le client dispose de Google Workspace for Nonprofits : un revendeur ne peut pas l'ajouter".to_owned(),
            Ineligibility::LegacyFreeEdition => "le client dispose de l'ancienne édition gratuite de G Suite : il ne peut pas être ajouté comme client revendeur".to_owned(),
            Ineligibility::TeamEdition { edition } => format!(
                "un client dans une équipe ne peut commander que {}, pas {} : choisissez un client d'un domaine",
                team_editions(lang),
                edition.name()
            ),
            Ineligibility::TeamFamily { family } => format!(
                "la famille de produits d'un client dans une équipe doit être Google Workspace, pas {}",
                family.name()
            ),
            Ineligibility::ConsumerEmail { email } => format!(
                "l'adresse e-mail de l'administrateur de l'équipe, « {email} », est une adresse Gmail personnelle : un client dans une équipe s'inscrit avec une adresse professionnelle"
            ),
            Ineligibility::EditionFamily { edition, family } => format!(
                "{} ne fait pas partie de la famille de produits {} choisie pour le client",
                edition.name(),
                family.name()
            ),
            Ineligibility::EducationEdition { edition } => format!(
                "{} est réservé aux écoles et universités : cochez « Établissement d'enseignement »",
                edition.name()
            ),
            Ineligibility::NotSold { edition } => format!(
                "{} n'est plus vendu aux nouveaux clients : choisissez une autre édition (un client dans une équipe peut commander {})",
                edition.name(),
                team_editions(lang)
            ),
        }
    }
}

impl_diagnostic!(Ineligibility);

/// Whether a team customer may order `edition` (`data/products.tsv`, column `team`).
fn team_may_order(edition: Edition) -> bool {
    Product::Edition(edition).catalogue_entry().team_may_order()
}

/// Checks the preconditions of the Partner Sales Console help article *Ajouter un client Google
/// Workspace* (Add a Google Workspace customer) on the customer's current services.
///
/// Returns every reason that applies (none when the customer may be added).
///
/// ```
/// use gws_onboarding::eligibility::{self, Preconditions};
/// assert!(eligibility::check_preconditions(&Preconditions::default()).is_empty());
/// let both = Preconditions { has_workspace_for_nonprofits: true, has_legacy_free_edition: true };
/// assert_eq!(eligibility::check_preconditions(&both).len(), 2);
/// ```
#[must_use]
pub fn check_preconditions(preconditions: &Preconditions) -> Vec<Ineligibility> {
    let mut reasons = Vec::new();
    if preconditions.has_workspace_for_nonprofits {
        reasons.push(Ineligibility::Nonprofits);
    }
    if preconditions.has_legacy_free_edition {
        reasons.push(Ineligibility::LegacyFreeEdition);
    }
    reasons
}

/// Checks that the customer kind, product family, first edition and education box agree.
///
/// - an edition Google no longer sells is refused ([`Ineligibility::NotSold`]: Essentials,
///   which the Reseller API's product table no longer sells);
/// - a team customer takes the Google Workspace family and, when an edition is named, one a
///   team customer may order (Enterprise Essentials or Enterprise Essentials Plus);
/// - the edition belongs to the chosen family;
/// - an education edition needs the educational institution box.
///
/// ```
/// use gws_onboarding::{Edition, ProductFamily, customer::CustomerKind, eligibility};
///
/// let ok = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(Edition::EnterpriseEssentials), false);
/// assert!(ok.is_empty());
/// let legacy = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(Edition::Essentials), false);
/// assert_eq!(legacy[0].code(), "eligibility.not_sold");
/// let bad = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(Edition::BusinessPlus), false);
/// assert_eq!(bad[0].code(), "eligibility.team_edition");
/// let edu = eligibility::check_kind(CustomerKind::Domain, ProductFamily::GoogleWorkspace, Some(Edition::EducationPlus), false);
/// assert_eq!(edu[0].code(), "eligibility.education_edition");
/// ```
#[must_use]
pub fn check_kind(
    kind: CustomerKind,
    family: ProductFamily,
    edition: Option<Edition>,
    educational_institution: bool,
) -> Vec<Ineligibility> {
    let mut reasons = Vec::new();
    if kind == CustomerKind::Team && family != ProductFamily::GoogleWorkspace {
        reasons.push(Ineligibility::TeamFamily { family });
    }
    if let Some(edition) = edition {
        if edition.family() != family {
            reasons.push(Ineligibility::EditionFamily { edition, family });
        }
        if !Product::Edition(edition).is_orderable() {
            reasons.push(Ineligibility::NotSold { edition });
        } else if kind == CustomerKind::Team && !team_may_order(edition) {
            reasons.push(Ineligibility::TeamEdition { edition });
        }
        if edition.is_education() && !educational_institution {
            reasons.push(Ineligibility::EducationEdition { edition });
        }
    }
    reasons
}

/// What Google says of a customer's account once it exists: whether its domain is verified
/// (Reseller API `customerDomainVerified`) and which editions it subscribes to.
///
/// There is no default on purpose: a team customer starts unverified (its account is validated
/// by email address), a domain customer is verified only once it completes domain verification,
/// so say which with [`AccountState::new`].
///
/// ```
/// use gws_onboarding::{Edition, eligibility::AccountState};
///
/// let state = AccountState::new(false).with_subscriptions([Edition::Essentials]);
/// assert!(!state.domain_verified());
/// assert_eq!(state.subscriptions(), [Edition::Essentials]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccountState {
    domain_verified: bool,
    subscriptions: Vec<Edition>,
}

impl AccountState {
    /// An account whose domain is verified or not, with no subscription yet.
    ///
    /// ```
    /// use gws_onboarding::eligibility::AccountState;
    /// assert!(AccountState::new(true).domain_verified());
    /// assert!(AccountState::new(true).subscriptions().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(domain_verified: bool) -> Self {
        AccountState {
            domain_verified,
            subscriptions: Vec::new(),
        }
    }

    /// Sets the editions the customer currently subscribes to.
    ///
    /// ```
    /// use gws_onboarding::{Edition, eligibility::AccountState};
    /// let state = AccountState::new(true).with_subscriptions([Edition::BusinessStarter]);
    /// assert_eq!(state.subscriptions().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_subscriptions(mut self, editions: impl IntoIterator<Item = Edition>) -> Self {
        self.subscriptions = editions.into_iter().collect();
        self
    }

    /// Whether the customer's domain is verified (`customerDomainVerified`).
    ///
    /// ```
    /// assert!(!gws_onboarding::eligibility::AccountState::new(false).domain_verified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain_verified(&self) -> bool {
        self.domain_verified
    }

    /// The editions the customer subscribes to.
    ///
    /// ```
    /// use gws_onboarding::{Edition, eligibility::AccountState};
    /// let state = AccountState::new(true).with_subscriptions([Edition::CloudIdentityFree]);
    /// assert_eq!(state.subscriptions(), [Edition::CloudIdentityFree]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscriptions(&self) -> &[Edition] {
        &self.subscriptions
    }
}

/// Why a customer may not order a product, from [`may_order`].
///
/// ```
/// use gws_onboarding::{Addon, Lang, Product, eligibility::OrderRefusal};
///
/// let refusal = OrderRefusal::VerifyDomainFirst { product: Product::Addon(Addon::Vault) };
/// assert_eq!(refusal.code(), "order.verify_domain_first");
/// assert!(refusal.message(Lang::Fr).contains("valider son domaine"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OrderRefusal {
    /// The order is for zero seats.
    #[error("the order for {} has no seats: order at least one", product.name())]
    NoSeats {
        /// The product ordered.
        product: Product,
    },
    /// A customer whose domain is not verified yet asks for something that needs a verified
    /// domain: for an email-validated (team) customer anything outside the Essentials family,
    /// for a domain customer Vault.
    #[error("the customer's domain is not verified yet: it must verify its domain before it can order {}", product.name())]
    VerifyDomainFirst {
        /// The product ordered.
        product: Product,
    },
    /// A product Google does not sell to a new order: no longer sold (Essentials, legacy
    /// G Suite) or not sold through the Reseller API (`data/products.tsv`, column `status`).
    #[error("{}", not_sold_message(*product, Lang::En))]
    NotSold {
        /// The product ordered.
        product: Product,
    },
    /// An education edition for a customer that is not an educational institution.
    #[error("{} is only for schools and universities: the customer is not an educational institution", edition.name())]
    EducationOnly {
        /// The edition ordered.
        edition: Edition,
    },
    /// An add-on whose prerequisite ([`Product::prerequisite`]) the customer lacks: Vault and
    /// additional storage need a Business Starter-class edition or higher (Business,
    /// Enterprise, Frontline, Education), subscribed or chosen at creation.
    #[error("{} needs a Google Workspace edition of Business Starter or higher (Business, Enterprise, Frontline or Education): order one first", addon.name())]
    NeedsWorkspace {
        /// The add-on ordered.
        addon: Addon,
    },
}

impl OrderRefusal {
    /// The stable machine code, `order.*`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, eligibility::OrderRefusal};
    /// let refusal = OrderRefusal::NotSold { product: Edition::Essentials.into() };
    /// assert_eq!(refusal.code(), "order.not_sold");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            OrderRefusal::NoSeats { .. } => "order.no_seats",
            OrderRefusal::VerifyDomainFirst { .. } => "order.verify_domain_first",
            OrderRefusal::NotSold { .. } => "order.not_sold",
            OrderRefusal::EducationOnly { .. } => "order.education_only",
            OrderRefusal::NeedsWorkspace { .. } => "order.needs_workspace",
        }
    }

    /// The message in `lang`, for a salesperson.
    ///
    /// ```
    /// use gws_onboarding::{Lang, Product, eligibility::OrderRefusal};
    /// let refusal = OrderRefusal::NotSold { product: "g-suite-basic".parse::<Product>()? };
    /// assert_eq!(
    ///     refusal.message(Lang::En),
    ///     "G Suite Basic is no longer sold to new customers: it can be read on an existing subscription, not ordered"
    /// );
    /// assert_eq!(
    ///     refusal.message(Lang::Fr),
    ///     "G Suite Basic n'est plus vendu aux nouveaux clients : il peut figurer sur un abonnement existant, mais pas être commandé"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            OrderRefusal::NoSeats { product } => format!(
                "la commande de {} ne compte aucune licence : commandez-en au moins une",
                product.name()
            ),
            OrderRefusal::VerifyDomainFirst { product } => format!(
                "le domaine du client n'est pas encore validé : il doit valider son domaine avant de pouvoir commander {}",
                product.name()
            ),
            OrderRefusal::NotSold { product } => not_sold_message(*product, lang),
            OrderRefusal::EducationOnly { edition } => format!(
                "{} est réservé aux écoles et universités : le client n'est pas un établissement d'enseignement",
                edition.name()
            ),
            OrderRefusal::NeedsWorkspace { addon } => format!(
                "{} nécessite une édition Google Workspace Business Starter ou supérieure (Business, Enterprise, Frontline ou Education) : commandez-en d'abord une",
                addon.name()
            ),
        }
    }
}

impl_diagnostic!(OrderRefusal);

/// The message of [`OrderRefusal::NotSold`]: no longer sold, or not sold through the Reseller
/// API; for an edition a team customer had, what a team customer orders instead.
fn not_sold_message(product: Product, lang: Lang) -> String {
    let name = product.name();
    let mut message = match (product.availability(), lang) {
        (Availability::NotResold, Lang::Fr) => format!(
            "{name} n'est pas vendu par l'API Reseller : il peut figurer sur un abonnement existant, mais pas être commandé"
        ),
        (Availability::NotResold, _) => format!(
            "{name} is not sold through the Reseller API: it can be read on an existing subscription, not ordered"
        ),
        (_, Lang::Fr) => format!(
            "{name} n'est plus vendu aux nouveaux clients : il peut figurer sur un abonnement existant, mais pas être commandé"
        ),
        _ => format!(
            "{name} is no longer sold to new customers: it can be read on an existing subscription, not ordered"
        ),
    };
    if product.catalogue_entry().team_may_order() {
        let editions = team_editions(lang);
        let _ = match lang {
            Lang::Fr => write!(
                message,
                " ; un client dans une équipe peut commander {editions}"
            ),
            _ => write!(message, "; a team customer can order {editions} instead"),
        };
    }
    message
}

/// What the ordering rules read of a customer: its kind, whether it is an educational
/// institution, and the edition chosen at creation. A [`Customer`](crate::Customer) gives
/// one (`Buyer::from(&customer)`), so [`may_order`] takes either.
///
/// ```
/// use gws_onboarding::eligibility::{self, AccountState, Buyer};
/// use gws_onboarding::{CustomerKind, Edition};
///
/// let team = Buyer { kind: CustomerKind::Team, school: false, edition: Some(Edition::EnterpriseEssentials) };
/// let refused = eligibility::may_order(team, &AccountState::new(false), Edition::BusinessPlus.into(), 5);
/// assert_eq!(refused.unwrap_err().code(), "order.verify_domain_first");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Buyer {
    /// Domain or team customer.
    pub kind: CustomerKind,
    /// The "Educational institution" box is ticked (the customer has education data).
    pub school: bool,
    /// The edition chosen at creation, if any.
    pub edition: Option<Edition>,
}

/// Says whether `customer` may order `seats` seats of `product`, and why not.
///
/// The checks, in this order (the first that fails is returned):
///
/// 1. `seats` is at least 1 ([`OrderRefusal::NoSeats`]);
/// 2. the product is sold ([`Product::is_orderable`], [`OrderRefusal::NotSold`]): Essentials,
///    the legacy G Suite editions and the SKUs the Reseller API does not sell are read on an
///    existing subscription, never ordered;
/// 3. an education edition needs a customer with the educational institution box ticked
///    ([`OrderRefusal::EducationOnly`]);
/// 4. while the domain is not verified ([`AccountState::domain_verified`]):
///    - an **email-validated (team) customer** may only order the Essentials family: Vault,
///      Vault Former Employee, Enterprise Standard/Plus and every other edition need a verified
///      domain ([`Product::requires_verified_domain`]);
///    - a **domain customer** orders its first edition before it completes verification, so
///      only the add-ons that need a verified domain (Vault) are refused;
///
///    both give [`OrderRefusal::VerifyDomainFirst`];
/// 5. an add-on's prerequisite ([`Product::prerequisite`]): Vault and additional storage need
///    a Business Starter-class edition or higher, either one the customer subscribes to
///    ([`AccountState::subscriptions`]) or the edition chosen at creation
///    ([`Customer::edition`](crate::customer::Customer::edition)) ([`OrderRefusal::NeedsWorkspace`]).
///    Which editions count is the `base` column of `data/products.tsv`: Business, Enterprise,
///    Frontline, Education and legacy G Suite, not the Essentials family nor Cloud Identity
///    (Vault and storage are sold on top of Business Starter and up; the Essentials editions
///    and Cloud Identity have no Gmail mailboxes for Vault to retain).
///
/// Cloud Identity Free's 50 users are no limit here: they are a default user cap that paid
/// licences raise automatically and that Google raises on request ([`Edition::free_user_cap`]).
///
/// For add-ons, `seats` is the licence count of the order (storage is bought per customer:
/// pass 1).
///
/// # Errors
///
/// The first [`OrderRefusal`] that applies: e.g. Essentials for anyone, Vault for a team
/// customer whose domain is not verified, 0 seats, Education Plus for a company, 20 GB of
/// storage for a Cloud Identity or Enterprise Essentials customer.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::eligibility::{self, AccountState};
/// use gws_onboarding::{Addon, Edition, Product};
///
/// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let unverified = AccountState::new(false).with_subscriptions([Edition::EnterpriseEssentials]);
///
/// let vault = eligibility::may_order(&team, &unverified, Product::Addon(Addon::Vault), 10);
/// assert_eq!(vault.unwrap_err().code(), "order.verify_domain_first");
/// eligibility::may_order(&team, &unverified, Edition::EnterpriseEssentialsPlus.into(), 10)?;
///
/// // Once the team verifies its domain, Vault still needs a Business Starter-class edition.
/// let verified = AccountState::new(true);
/// let vault = eligibility::may_order(&team, &verified, Addon::Vault.into(), 10);
/// assert_eq!(vault.unwrap_err().code(), "order.needs_workspace");
/// let upgraded = verified.with_subscriptions([Edition::BusinessStarter]);
/// eligibility::may_order(&team, &upgraded, Addon::Vault.into(), 10)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn may_order(
    customer: impl Into<Buyer>,
    account: &AccountState,
    product: Product,
    seats: u32,
) -> Result<(), OrderRefusal> {
    let customer: Buyer = customer.into();
    let email_verified = customer.kind.is_email_verified();
    let school = customer.school;
    if seats == 0 {
        return Err(OrderRefusal::NoSeats { product });
    }
    let refusal = not_sold_refusal(product)
        .or_else(|| education_refusal(school, product))
        .or_else(|| verify_refusal(email_verified, account, product))
        .or_else(|| prerequisite_refusal(customer.edition, account, product));
    refusal.map_or(Ok(()), Err)
}

/// Only what Google sells is ordered.
pub(crate) fn not_sold_refusal(product: Product) -> Option<OrderRefusal> {
    (!product.is_orderable()).then_some(OrderRefusal::NotSold { product })
}

/// An education edition needs the educational institution box.
fn education_refusal(school: bool, product: Product) -> Option<OrderRefusal> {
    match product {
        Product::Edition(edition) if edition.is_education() && !school => {
            Some(OrderRefusal::EducationOnly { edition })
        }
        _ => None,
    }
}

/// While the domain is not verified, an email-validated customer orders only what needs no
/// verified domain, and a domain customer no add-on that needs one.
fn verify_refusal(
    email_verified: bool,
    account: &AccountState,
    product: Product,
) -> Option<OrderRefusal> {
    if account.domain_verified() {
        return None;
    }
    let refused = if email_verified {
        product.requires_verified_domain()
    } else {
        !matches!(product, Product::Edition(_)) && product.requires_verified_domain()
    };
    refused.then_some(OrderRefusal::VerifyDomainFirst { product })
}

/// An add-on's prerequisite (Vault, storage: a Business Starter-class edition), met by an
/// edition subscribed or chosen at creation.
///
/// Google's Reseller API product page (developers.google.com/workspace/admin/reseller/v1/how-tos/products,
/// read 2026-12-07) ties Vault and Drive storage subscriptions to "the associated Google
/// Workspace subscription" (cancel them before suspending it; transfer them with it in one
/// batch); which editions may carry them is issue 16's statement (Business Starter class or
/// higher), recorded as the `base` column of `data/products.tsv` and in `data/PROVENANCE.md`.
fn prerequisite_refusal(
    chosen: Option<Edition>,
    account: &AccountState,
    product: Product,
) -> Option<OrderRefusal> {
    let (Product::Addon(addon), Some(prerequisite)) = (product, product.prerequisite()) else {
        return None;
    };
    let met = account
        .subscriptions()
        .iter()
        .copied()
        .chain(chosen)
        .any(|edition| prerequisite.is_met_by(edition));
    (!met).then_some(OrderRefusal::NeedsWorkspace { addon })
}

/// The seat rule of [`may_order`]: at least one seat. No edition has a hard seat limit:
/// Cloud Identity Free's 50 users are a default cap ([`Edition::free_user_cap`]).
pub(crate) fn seat_refusal(product: Product, seats: u32) -> Option<OrderRefusal> {
    (seats == 0).then_some(OrderRefusal::NoSeats { product })
}

/// The rules of [`may_order`] about the product, not its seats, for a customer known by its
/// kind (`email_verified`), its education box (`school`) and the edition chosen at creation:
/// a product that is sold, education editions, a verified domain, an add-on's prerequisite.
pub(crate) fn product_refusal(
    email_verified: bool,
    school: bool,
    chosen: Option<Edition>,
    account: &AccountState,
    product: Product,
) -> Option<OrderRefusal> {
    not_sold_refusal(product)
        .or_else(|| education_refusal(school, product))
        .or_else(|| verify_refusal(email_verified, account, product))
        .or_else(|| prerequisite_refusal(chosen, account, product))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customer::Customer;

    #[test]
    fn every_team_rule() {
        for edition in Edition::ALL {
            let reasons = check_kind(
                CustomerKind::Team,
                ProductFamily::GoogleWorkspace,
                Some(edition),
                true,
            );
            let team_edition = reasons
                .iter()
                .any(|r| r.code() == "eligibility.team_edition");
            let sold = Product::Edition(edition).is_orderable();
            assert_eq!(
                team_edition,
                sold && !edition.is_essentials_family(),
                "{edition:?}"
            );
            let not_sold = reasons.iter().any(|r| r.code() == "eligibility.not_sold");
            assert_eq!(not_sold, !sold, "{edition:?}");
        }
        let ci = check_kind(
            CustomerKind::Team,
            ProductFamily::CloudIdentity,
            None,
            false,
        );
        assert_eq!(
            ci,
            vec![Ineligibility::TeamFamily {
                family: ProductFamily::CloudIdentity
            }]
        );
    }

    #[test]
    fn family_mismatch() {
        let r = check_kind(
            CustomerKind::Domain,
            ProductFamily::CloudIdentity,
            Some(Edition::BusinessStarter),
            false,
        );
        assert_eq!(r[0].code(), "eligibility.edition_family");
        assert!(
            check_kind(
                CustomerKind::Domain,
                ProductFamily::CloudIdentity,
                Some(Edition::CloudIdentityFree),
                false
            )
            .is_empty()
        );
    }
    use crate::customer::{Education, InstituteType};
    use crate::form::{self, OnboardingForm, Policy};
    use crate::product::StorageSize;

    fn domain_customer() -> Customer {
        form::validate(
            &OnboardingForm::sample_domain_customer(),
            &Policy::default(),
        )
        .unwrap()
    }

    fn team_customer() -> Customer {
        form::validate(&OnboardingForm::sample_team_customer(), &Policy::default()).unwrap()
    }

    #[track_caller]
    fn code(result: Result<(), OrderRefusal>) -> &'static str {
        result.map_or_else(|e| e.code(), |()| "ok")
    }

    #[test]
    fn team_unverified_may_only_order_essentials() {
        let team = team_customer();
        let unverified = AccountState::new(false);
        for product in Product::all() {
            let expected = match product {
                p if !p.is_orderable() => "order.not_sold",
                Product::Edition(e) if e.is_education() => "order.education_only",
                Product::Edition(e) if e.is_essentials_family() => "ok",
                // The team's Enterprise Essentials is no base for storage.
                Product::Addon(Addon::Storage(_)) => "order.needs_workspace",
                _ => "order.verify_domain_first",
            };
            assert_eq!(
                code(may_order(&team, &unverified, product, 1)),
                expected,
                "{product:?}"
            );
        }
        for product in [
            Product::Addon(Addon::Vault),
            Product::Addon(Addon::VaultFormerEmployee),
            Product::Edition(Edition::EnterpriseStandard),
            Product::Edition(Edition::EnterprisePlus),
        ] {
            assert_eq!(
                code(may_order(&team, &unverified, product, 5)),
                "order.verify_domain_first"
            );
            let verified = AccountState::new(true).with_subscriptions([Edition::BusinessStarter]);
            assert_eq!(code(may_order(&team, &verified, product, 5)), "ok");
        }
    }

    #[test]
    fn domain_customer_orders_editions_before_verification_but_not_vault() {
        let customer = domain_customer();
        let unverified = AccountState::new(false);
        assert_eq!(
            code(may_order(
                &customer,
                &unverified,
                Edition::BusinessStarter.into(),
                10
            )),
            "ok"
        );
        assert_eq!(
            code(may_order(&customer, &unverified, Addon::Vault.into(), 10)),
            "order.verify_domain_first"
        );
        assert_eq!(
            code(may_order(
                &customer,
                &AccountState::new(true),
                Addon::Vault.into(),
                10
            )),
            "ok"
        );
    }

    #[test]
    fn seats() {
        let customer = domain_customer();
        let verified = AccountState::new(true);
        let free = Product::Edition(Edition::CloudIdentityFree);
        assert_eq!(code(may_order(&customer, &verified, free, 50)), "ok");
        // Issue 16: 50 is Cloud Identity Free's default user cap, which paid licences raise.
        assert_eq!(code(may_order(&customer, &verified, free, 51)), "ok");
        assert_eq!(
            code(may_order(
                &customer,
                &verified,
                Edition::CloudIdentityPremium.into(),
                5000
            )),
            "ok"
        );
        for product in Product::all() {
            assert_eq!(
                code(may_order(&customer, &verified, product, 0)),
                "order.no_seats"
            );
        }
    }

    #[test]
    fn education_editions_need_an_institution() {
        let company = domain_customer();
        let school = Customer {
            education: Some(Education::new(InstituteType::K12)),
            ..domain_customer()
        };
        let verified = AccountState::new(true);
        for edition in Edition::ALL.into_iter().filter(|e| e.is_education()) {
            assert_eq!(
                may_order(&company, &verified, edition.into(), 10),
                Err(OrderRefusal::EducationOnly { edition })
            );
            assert_eq!(
                code(may_order(&school, &verified, edition.into(), 10)),
                "ok"
            );
        }
    }

    #[test]
    fn storage_needs_a_workspace_edition() {
        let storage = Product::Addon(Addon::Storage(StorageSize::Gb20));
        let identity_only = Customer {
            family: ProductFamily::CloudIdentity,
            edition: Some(Edition::CloudIdentityFree),
            ..domain_customer()
        };
        let none = Customer {
            edition: None,
            ..domain_customer()
        };
        let verified = AccountState::new(true);
        assert_eq!(
            code(may_order(&identity_only, &verified, storage, 1)),
            "order.needs_workspace"
        );
        assert_eq!(
            code(may_order(
                &identity_only,
                &verified
                    .clone()
                    .with_subscriptions([Edition::CloudIdentityPremium]),
                storage,
                1
            )),
            "order.needs_workspace"
        );
        assert_eq!(
            code(may_order(&none, &verified, storage, 1)),
            "order.needs_workspace"
        );
        // A current subscription or the chosen edition is enough.
        assert_eq!(
            code(may_order(
                &identity_only,
                &verified
                    .clone()
                    .with_subscriptions([Edition::BusinessStandard]),
                storage,
                1
            )),
            "ok"
        );
        assert_eq!(
            code(may_order(&domain_customer(), &verified, storage, 1)),
            "ok"
        );
    }

    #[test]
    fn refusal_codes_and_messages() {
        let all = [
            OrderRefusal::NoSeats {
                product: Addon::Vault.into(),
            },
            OrderRefusal::VerifyDomainFirst {
                product: Addon::Vault.into(),
            },
            OrderRefusal::NotSold {
                product: Edition::Essentials.into(),
            },
            OrderRefusal::EducationOnly {
                edition: Edition::EducationPlus,
            },
            OrderRefusal::NeedsWorkspace {
                addon: Addon::Storage(StorageSize::Tb1),
            },
        ];
        let codes: std::collections::HashSet<_> = all.iter().map(OrderRefusal::code).collect();
        assert_eq!(codes.len(), all.len());
        let mut seen = std::collections::HashSet::new();
        for refusal in &all {
            assert!(refusal.code().starts_with("order."));
            let (en, fr) = (refusal.message(Lang::En), refusal.message(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty() && en != fr, "{refusal:?}");
            assert!(seen.insert(en) && seen.insert(fr), "{refusal:?}");
        }
        assert_eq!(
            all[1].message(Lang::En),
            "the customer's domain is not verified yet: it must verify its domain before it can order Google Vault"
        );
        assert_eq!(
            all[1].message(Lang::Fr),
            "le domaine du client n'est pas encore validé : il doit valider son domaine avant de pouvoir commander Google Vault"
        );
    }
}
