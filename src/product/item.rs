//! Layer 2, values: what may be ordered: an edition or an add-on ([`Product`]).

use super::addon::Addon;
use super::edition::Edition;
use super::error::ParseProductError;
use super::family::ProductFamily;
use crate::error::snippet;
use crate::names::{self};
use std::str::FromStr;

/// Anything in the catalogue: an edition or an add-on.
///
/// ```
/// use gws_onboarding::{Addon, Edition, Product};
///
/// let product: Product = "vault".parse()?;
/// assert_eq!(product, Product::Addon(Addon::Vault));
/// assert_eq!(Product::from(Edition::BusinessPlus).as_str(), "business-plus");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Product {
    /// A Google Workspace or Cloud Identity edition.
    Edition(Edition),
    /// Google Vault or additional storage.
    Addon(Addon),
}

impl Product {
    /// Every product: editions first, then add-ons.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Product::all().count(), 28);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all() -> impl Iterator<Item = Product> + Clone {
        Edition::ALL
            .into_iter()
            .map(Product::Edition)
            .chain(Addon::ALL.map(Product::Addon))
    }

    /// The stable kebab-case name of the edition or add-on.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::Edition(Edition::Essentials).as_str(), "essentials");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Product::Edition(edition) => edition.as_str(),
            Product::Addon(addon) => addon.as_str(),
        }
    }

    /// The display name.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product};
    /// assert_eq!(Product::Addon(Addon::Vault).name(), "Google Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(self) -> String {
        match self {
            Product::Edition(edition) => edition.name().to_owned(),
            Product::Addon(addon) => addon.name(),
        }
    }

    /// The Reseller API `productId`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::Edition(Edition::CloudIdentityFree).product_id(), "101001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_id(self) -> &'static str {
        match self {
            Product::Edition(edition) => edition.product_id(),
            Product::Addon(addon) => addon.product_id(),
        }
    }

    /// The Reseller API `skuId`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::Edition(Edition::CloudIdentityFree).sku_id(), "1010010001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_id(self) -> &'static str {
        match self {
            Product::Edition(edition) => edition.sku_id(),
            Product::Addon(addon) => addon.sku_id(),
        }
    }

    /// The product family.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product, ProductFamily, StorageSize};
    /// let storage = Product::Addon(Addon::Storage(StorageSize::Gb20));
    /// assert_eq!(storage.family(), ProductFamily::AdditionalStorage);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn family(self) -> ProductFamily {
        match self {
            Product::Edition(edition) => edition.family(),
            Product::Addon(addon) => addon.family(),
        }
    }

    /// Whether the customer needs a verified domain to order it.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Edition, Product};
    /// assert!(Product::Addon(Addon::Vault).requires_verified_domain());
    /// assert!(!Product::Edition(Edition::Essentials).requires_verified_domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn requires_verified_domain(self) -> bool {
        match self {
            Product::Edition(edition) => edition.requires_verified_domain(),
            Product::Addon(addon) => addon.requires_verified_domain(),
        }
    }
}

impl From<Edition> for Product {
    fn from(edition: Edition) -> Self {
        Product::Edition(edition)
    }
}

impl From<Addon> for Product {
    fn from(addon: Addon) -> Self {
        Product::Addon(addon)
    }
}

impl FromStr for Product {
    type Err = ParseProductError;

    /// Reads every name [`Edition`] and [`Addon`] read.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(edition) = names::exact(s, &Edition::ALL, Edition::as_str) {
            return Ok(Product::Edition(edition));
        }
        let spellings = Edition::spellings()
            .map(|(e, name)| (Product::Edition(e), name))
            .chain(Addon::spellings().map(|(a, name)| (Product::Addon(a), name)));
        names::parse(s, spellings).map_err(|suggestions| ParseProductError::UnknownProduct {
            found: snippet(s),
            suggestions,
        })
    }
}
