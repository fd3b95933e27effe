//! Layer 2, values: what may be ordered or read: an edition, an add-on or another SKU of Google's table ([`Product`], [`ListedSku`]).
//!
//! The accessors, which read the generated catalogue, are in `catalogue.rs`.

use super::addon::Addon;
use super::edition::Edition;

/// Anything in the catalogue: an edition, an add-on, or another SKU of Google's product table.
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
    /// Another SKU of Google's table: Gemini, Business Continuity, the legacy G Suite
    /// editions, the education licence types… Readable, and orderable only when
    /// [`Product::is_orderable`] says so.
    Listed(ListedSku),
}

/// A SKU of Google's product table that has no [`Edition`] or [`Addon`] variant of its own,
/// such as Gemini Labs or G Suite Basic. Only the catalogue makes one: read it with
/// [`Sku::parse`](crate::Sku::parse) or by name.
///
/// ```
/// use gws_onboarding::{Product, product::ListedSku};
///
/// let basic: ListedSku = "G Suite Basic".parse()?;
/// assert_eq!(basic.sku_id(), "Google-Apps-For-Business");
/// assert_eq!(basic.as_str(), "g-suite-basic");
/// assert!(!Product::Listed(basic).is_orderable());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListedSku(pub(super) u16);

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

impl From<ListedSku> for Product {
    fn from(listed: ListedSku) -> Self {
        Product::Listed(listed)
    }
}
