//! Layer 2, values: the editions of Google Workspace and Cloud Identity ([`Edition`]), with their ids.

use super::error::ParseProductError;
use super::family::ProductFamily;
use crate::error::snippet;
use crate::names::{self};
use std::str::FromStr;

/// A Google Workspace or Cloud Identity edition with a known Reseller API SKU.
///
/// Google Workspace for Nonprofits and the legacy free edition of G Suite are absent on purpose:
/// a reseller cannot order them, and a customer who has them cannot be added.
///
/// ```
/// use gws_onboarding::Edition;
///
/// let edition: Edition = "enterprise-essentials".parse()?;
/// assert_eq!(edition.product_id(), "Google-Apps");
/// assert_eq!(edition.sku_id(), "1010060003");
/// assert!(edition.is_essentials_family());
/// assert!(!edition.requires_verified_domain());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Edition {
    /// Google Workspace Business Starter (`1010020027`).
    BusinessStarter,
    /// Google Workspace Business Standard (`1010020028`).
    BusinessStandard,
    /// Google Workspace Business Plus (`1010020025`).
    BusinessPlus,
    /// Google Workspace Enterprise Starter (`1010020029`).
    EnterpriseStarter,
    /// Google Workspace Enterprise Standard (`1010020026`).
    EnterpriseStandard,
    /// Google Workspace Enterprise Plus (`1010020020`).
    EnterprisePlus,
    /// Google Workspace Essentials (`1010060001`, flexible plan), for team customers. No longer
    /// sold to new customers: read on existing subscriptions, never ordered. Not the free
    /// Essentials Starter, which is not ordered through a reseller.
    Essentials,
    /// Google Workspace Enterprise Essentials (`1010060003`).
    EnterpriseEssentials,
    /// Google Workspace Enterprise Essentials Plus (`1010060005`).
    EnterpriseEssentialsPlus,
    /// Google Workspace Frontline Starter (`1010020030`).
    FrontlineStarter,
    /// Google Workspace Frontline Standard (`1010020031`).
    FrontlineStandard,
    /// Google Workspace Frontline Plus (`1010020034`).
    FrontlinePlus,
    /// Google Workspace for Education Fundamentals (`Google-Apps-For-Education`).
    EducationFundamentals,
    /// Google Workspace for Education Standard (`101031` / `1010310005`).
    EducationStandard,
    /// Google Workspace for Education Plus (`101031` / `1010310008`).
    EducationPlus,
    /// Cloud Identity Free (`101001` / `1010010001`): 50 free users by default
    /// ([`Edition::free_user_cap`]).
    CloudIdentityFree,
    /// Cloud Identity Premium (`101005` / `1010050001`).
    CloudIdentityPremium,
}

include!(concat!(env!("OUT_DIR"), "/edition_table.rs"));

impl Edition {
    /// Every edition, in declaration order.
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert_eq!(Edition::ALL.len(), 17);
    /// assert!(Edition::ALL.iter().all(|e| e.as_str().parse::<Edition>().ok() == Some(*e)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Edition; 17] = [
        Edition::BusinessStarter,
        Edition::BusinessStandard,
        Edition::BusinessPlus,
        Edition::EnterpriseStarter,
        Edition::EnterpriseStandard,
        Edition::EnterprisePlus,
        Edition::Essentials,
        Edition::EnterpriseEssentials,
        Edition::EnterpriseEssentialsPlus,
        Edition::FrontlineStarter,
        Edition::FrontlineStandard,
        Edition::FrontlinePlus,
        Edition::EducationFundamentals,
        Edition::EducationStandard,
        Edition::EducationPlus,
        Edition::CloudIdentityFree,
        Edition::CloudIdentityPremium,
    ];

    /// `(kebab-case name, display name, productId, skuId, Google's SKU name)`, from
    /// `data/products.tsv`.
    const fn info(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ) {
        edition_info(self)
    }

    /// The stable kebab-case name, e.g. `business-starter`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Edition::FrontlinePlus.as_str(), "frontline-plus");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.info().0
    }

    /// The display name, e.g. `Google Workspace Business Starter`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Edition::CloudIdentityPremium.name(), "Cloud Identity Premium");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.info().1
    }

    /// The Reseller API `productId`, e.g. `Google-Apps`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Edition::EducationPlus.product_id(), "101031");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_id(self) -> &'static str {
        self.info().2
    }

    /// The Reseller API `skuId`, e.g. `1010020027`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Edition::BusinessPlus.sku_id(), "1010020025");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_id(self) -> &'static str {
        self.info().3
    }

    /// Google Workspace or Cloud Identity.
    ///
    /// ```
    /// use gws_onboarding::{Edition, ProductFamily};
    /// assert_eq!(Edition::EducationFundamentals.family(), ProductFamily::GoogleWorkspace);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn family(self) -> ProductFamily {
        match self {
            Edition::CloudIdentityFree | Edition::CloudIdentityPremium => {
                ProductFamily::CloudIdentity
            }
            _ => ProductFamily::GoogleWorkspace,
        }
    }

    /// Essentials, Enterprise Essentials and Enterprise Essentials Plus: the editions a team
    /// customer (validated by email address, not domain) may have. Essentials is no longer
    /// sold to new customers ([`Product::is_orderable`](crate::Product::is_orderable)).
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert!(Edition::EnterpriseEssentialsPlus.is_essentials_family());
    /// assert!(!Edition::BusinessStarter.is_essentials_family());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_essentials_family(self) -> bool {
        matches!(
            self,
            Edition::Essentials | Edition::EnterpriseEssentials | Edition::EnterpriseEssentialsPlus
        )
    }

    /// The Google Workspace for Education editions, for educational institutions.
    ///
    /// ```
    /// assert!(gws_onboarding::Edition::EducationStandard.is_education());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_education(self) -> bool {
        matches!(
            self,
            Edition::EducationFundamentals | Edition::EducationStandard | Edition::EducationPlus
        )
    }

    /// Whether the customer needs a verified domain: every edition but the Essentials family,
    /// which team customers order with an email-validated account.
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert!(Edition::EnterpriseStandard.requires_verified_domain());
    /// assert!(!Edition::Essentials.requires_verified_domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn requires_verified_domain(self) -> bool {
        !self.is_essentials_family()
    }

    /// The most seats the edition allows, when it has a hard limit: `None` for every
    /// edition. Cloud Identity Free's 50 users are no hard limit but a default user cap
    /// ([`Edition::free_user_cap`]).
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert_eq!(Edition::CloudIdentityFree.max_seats(), None);
    /// assert_eq!(Edition::BusinessStarter.max_seats(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[allow(clippy::unused_self)] // kept for callers; no edition has a hard limit any more
    pub const fn max_seats(self) -> Option<u32> {
        None
    }

    /// The free users an account gets by default, when the edition is free: `Some(50)` for
    /// Cloud Identity Free. Google's help (*Your Cloud Identity free edition user cap*,
    /// support.google.com/cloudidentity/answer/7295541, read 2026-12-07): signing up raises
    /// the cap by 50, buying paid licences (Google Workspace…) raises it automatically, and a
    /// super administrator may request more; only adding users past the cap fails. So the
    /// crate refuses no order for more seats: the cap is for the salesperson to know.
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert_eq!(Edition::CloudIdentityFree.free_user_cap(), Some(50));
    /// assert_eq!(Edition::CloudIdentityPremium.free_user_cap(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn free_user_cap(self) -> Option<u32> {
        match self {
            Edition::CloudIdentityFree => Some(50),
            _ => None,
        }
    }
}

impl Edition {
    /// Every `(edition, name)` pair `FromStr` reads: kebab-case name, display name, `skuId`,
    /// Google's SKU name.
    pub(super) fn spellings() -> impl Iterator<Item = (Edition, &'static str)> + Clone {
        Edition::ALL
            .into_iter()
            .flat_map(|e| [e.as_str(), e.name(), e.sku_id(), e.info().4].map(move |name| (e, name)))
    }
}

impl FromStr for Edition {
    type Err = ParseProductError;

    /// Reads the kebab-case name (`business-standard`), the display name (`Business Standard`,
    /// `Google Workspace Business Standard`, `Cloud Identity Premium`) or the `skuId`
    /// (`1010020028`), in any case and spacing; a leading `Google Workspace` or `G Suite` is
    /// ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(value) = names::exact(s, &Edition::ALL, Edition::as_str) {
            return Ok(value);
        }
        names::parse(s, Edition::spellings()).map_err(|suggestions| {
            ParseProductError::UnknownEdition {
                found: snippet(s),
                suggestions,
            }
        })
    }
}
