//! Layer 2, values: Google's product and SKU table as data ([`CatalogueEntry`], [`catalogue`]), and what [`Product`] reads from it.
//!
//! `build.rs` generates the table from `data/products.tsv` (sources in `data/PROVENANCE.md`):
//! every SKU Google lists, with what the ordering rules need: whether a reseller may order it,
//! on which plans, whether it needs a verified domain, who may have it, what it needs under it.

use super::addon::Addon;
use super::addon::StorageSize;
use super::edition::Edition;
use super::error::ParseProductError;
use super::family::ProductFamily;
use super::item::{ListedSku, Product};
use crate::error::snippet;
use crate::names::{self};
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/product_table.rs"));

/// Whether a reseller may order a SKU.
///
/// ```
/// use gws_onboarding::{Edition, Product, product::Availability};
/// assert_eq!(Product::from(Edition::Essentials).availability(), Availability::NoLongerSold);
/// assert!(Availability::Sold.is_orderable());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Availability {
    /// A reseller may order it.
    Sold,
    /// No longer sold to new customers (legacy G Suite, Essentials, former Gemini SKUs):
    /// existing customers still hold it, so it is read, never ordered.
    NoLongerSold,
    /// In the Licensing API's table only: licences a customer holds (education licence types,
    /// Gemini add-ons) that the Reseller API's table does not sell. Read, never ordered.
    NotResold,
}

impl Availability {
    /// The stable kebab-case name: `sold`, `no-longer-sold`, `not-resold`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::product::Availability::NotResold.as_str(), "not-resold");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Availability::Sold => "sold",
            Availability::NoLongerSold => "no-longer-sold",
            Availability::NotResold => "not-resold",
        }
    }

    /// Whether a reseller may order it: only [`Availability::Sold`].
    ///
    /// ```
    /// assert!(!gws_onboarding::product::Availability::NoLongerSold.is_orderable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_orderable(self) -> bool {
        matches!(self, Availability::Sold)
    }
}

/// What a product needs under it before it may be ordered.
///
/// ```
/// use gws_onboarding::{Addon, Edition, Product, product::Prerequisite};
/// let vault = Product::from(Addon::Vault);
/// assert_eq!(vault.prerequisite(), Some(Prerequisite::BaseEdition));
/// assert!(Prerequisite::BaseEdition.is_met_by(Edition::BusinessStarter));
/// assert!(!Prerequisite::BaseEdition.is_met_by(Edition::EnterpriseEssentials));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Prerequisite {
    /// A Google Workspace edition of the Business Starter class or higher (Business,
    /// Enterprise, Frontline, Education; not the Essentials family nor Cloud Identity), which
    /// the customer subscribes to or chooses at creation.
    BaseEdition,
}

impl Prerequisite {
    /// Whether `edition` satisfies it ([`CatalogueEntry::is_base`]).
    ///
    /// ```
    /// use gws_onboarding::{Edition, product::Prerequisite};
    /// assert!(!Prerequisite::BaseEdition.is_met_by(Edition::CloudIdentityPremium));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_met_by(self, edition: Edition) -> bool {
        match self {
            Prerequisite::BaseEdition => Product::Edition(edition).catalogue_entry().base,
        }
    }
}

/// One SKU of Google's product table, with what the ordering rules read of it.
///
/// ```
/// use gws_onboarding::{Sku, product::{self, Availability}};
///
/// let labs = Sku::parse("101047", "1010470002")?;
/// let entry = labs.catalogue_entry().ok_or("not in the catalogue")?;
/// assert_eq!(entry.sku_name(), "Gemini Labs");
/// assert_eq!(entry.availability(), Availability::NotResold);
/// assert!(product::catalogue().count() >= 50);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// The data file's yes/no columns, each read by its own method: not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct CatalogueEntry {
    product_id: &'static str,
    product_name: &'static str,
    sku_id: &'static str,
    sku_name: &'static str,
    key: &'static str,
    name: &'static str,
    family: ProductFamily,
    product: Product,
    availability: Availability,
    plans: &'static [&'static str],
    verified_domain: bool,
    team: bool,
    education_only: bool,
    base: bool,
    prerequisite: Option<Prerequisite>,
}

/// Every SKU of the catalogue, in `data/products.tsv` order.
///
/// ```
/// use gws_onboarding::{Sku, product};
/// for entry in product::catalogue() {
///     assert_eq!(Sku::parse(entry.product_id(), entry.sku_id())?.product(), Some(entry.product()));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn catalogue() -> impl Iterator<Item = &'static CatalogueEntry> + Clone {
    let rows: &'static [CatalogueEntry] = &ROWS;
    rows.iter()
}

/// The product of a `(productId, skuId)` pair, if the catalogue has it.
pub(super) fn find(product_id: &str, sku_id: &str) -> Option<Product> {
    catalogue()
        .find(|e| e.product_id == product_id && e.sku_id == sku_id)
        .map(|e| e.product)
}

impl CatalogueEntry {
    /// The Reseller and Licensing API `productId`, e.g. `Google-Apps`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::from(Edition::EducationPlus).catalogue_entry().product_id(), "101031");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_id(&self) -> &'static str {
        self.product_id
    }

    /// Google's product name, e.g. `Google Workspace for Education`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// let entry = Product::from(Edition::EducationPlus).catalogue_entry();
    /// assert_eq!(entry.product_name(), "Google Workspace for Education");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_name(&self) -> &'static str {
        self.product_name
    }

    /// The `skuId`, e.g. `1010020027`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::from(Edition::BusinessStarter).catalogue_entry().sku_id(), "1010020027");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_id(&self) -> &'static str {
        self.sku_id
    }

    /// Google's SKU name, verbatim, e.g. `Google Workspace Essentials (formerly G Suite
    /// Essentials)`.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// let entry = Product::from(Edition::EnterprisePlus).catalogue_entry();
    /// assert_eq!(entry.sku_name(), "Google Workspace Enterprise Plus (formerly G Suite Enterprise)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_name(&self) -> &'static str {
        self.sku_name
    }

    /// The product the row is read as.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product};
    /// let vault = Product::from(Addon::Vault);
    /// assert_eq!(vault.catalogue_entry().product(), vault);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product(&self) -> Product {
        self.product
    }

    /// The crate's product family.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product, ProductFamily};
    /// assert_eq!(Product::from(Addon::Vault).catalogue_entry().family(), ProductFamily::GoogleVault);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn family(&self) -> ProductFamily {
        self.family
    }

    /// Whether a reseller may order it.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product, product::Availability};
    /// let starter = Product::from(Edition::BusinessStarter).catalogue_entry();
    /// assert_eq!(starter.availability(), Availability::Sold);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn availability(&self) -> Availability {
        self.availability
    }

    /// The plans it is sold on, as `order::Plan` names (`flexible`, `annual-monthly`,
    /// `annual-yearly`, `trial`, `free`); empty for a SKU Google does not sell.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::from(Edition::CloudIdentityFree).catalogue_entry().plans(), ["free"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn plans(&self) -> &'static [&'static str] {
        self.plans
    }

    /// Whether the customer needs a verified domain to order it.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert!(!Product::from(Edition::EnterpriseEssentials).catalogue_entry().needs_verified_domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn needs_verified_domain(&self) -> bool {
        self.verified_domain
    }

    /// Whether a team (email-validated) customer may order it.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert!(Product::from(Edition::EnterpriseEssentials).catalogue_entry().team_may_order());
    /// assert!(!Product::from(Edition::BusinessStarter).catalogue_entry().team_may_order());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn team_may_order(&self) -> bool {
        self.team
    }

    /// Whether it is for educational institutions only.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert!(Product::from(Edition::EducationStandard).catalogue_entry().is_education_only());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_education_only(&self) -> bool {
        self.education_only
    }

    /// Whether it is an edition an add-on with [`Prerequisite::BaseEdition`] may sit on.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert!(Product::from(Edition::FrontlineStarter).catalogue_entry().is_base());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_base(&self) -> bool {
        self.base
    }

    /// What it needs under it, if anything.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product, StorageSize, product::Prerequisite};
    /// let storage = Product::from(Addon::Storage(StorageSize::Tb1));
    /// assert_eq!(storage.catalogue_entry().prerequisite(), Some(Prerequisite::BaseEdition));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn prerequisite(&self) -> Option<Prerequisite> {
        self.prerequisite
    }
}

impl Product {
    /// Every product, in `data/products.tsv` order: editions and add-ons first, then the other
    /// SKUs of Google's table.
    ///
    /// ```
    /// use gws_onboarding::{Product, product};
    /// assert_eq!(Product::all().count(), product::catalogue().count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all() -> impl Iterator<Item = Product> + Clone {
        catalogue().map(|entry| entry.product)
    }

    /// The product's row of the catalogue.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::from(Edition::Essentials).catalogue_entry().sku_id(), "1010060001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn catalogue_entry(self) -> &'static CatalogueEntry {
        let rows: &'static [CatalogueEntry; ROWS.len()] = &ROWS;
        &rows[row_of(self)]
    }

    /// The stable kebab-case name of the product.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert_eq!(Product::Edition(Edition::Essentials).as_str(), "essentials");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.catalogue_entry().key
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
        self.catalogue_entry().name.to_owned()
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
        self.catalogue_entry().product_id
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
        self.catalogue_entry().sku_id
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
        self.catalogue_entry().family
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
        self.catalogue_entry().verified_domain
    }

    /// Whether a reseller may order it ([`CatalogueEntry::availability`]).
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product, product::Availability};
    /// assert_eq!(Product::from(Edition::BusinessPlus).availability(), Availability::Sold);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn availability(self) -> Availability {
        self.catalogue_entry().availability
    }

    /// Whether a reseller may order it: Essentials, the legacy G Suite editions and the SKUs
    /// the Reseller API does not sell are read, never ordered.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product};
    /// assert!(Product::from(Edition::EnterpriseEssentials).is_orderable());
    /// assert!(!Product::from(Edition::Essentials).is_orderable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_orderable(self) -> bool {
        self.availability().is_orderable()
    }

    /// What it needs under it, if anything ([`CatalogueEntry::prerequisite`]).
    ///
    /// ```
    /// use gws_onboarding::{Addon, Edition, Product, product::Prerequisite};
    /// assert_eq!(Product::from(Addon::VaultFormerEmployee).prerequisite(), Some(Prerequisite::BaseEdition));
    /// assert_eq!(Product::from(Edition::BusinessStarter).prerequisite(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn prerequisite(self) -> Option<Prerequisite> {
        self.catalogue_entry().prerequisite
    }
}

impl ListedSku {
    /// Every listed SKU, in `data/products.tsv` order.
    ///
    /// ```
    /// use gws_onboarding::product::ListedSku;
    /// assert!(ListedSku::all().any(|l| l.sku_id() == "1010020035"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn all() -> impl Iterator<Item = ListedSku> + Clone {
        Product::all().filter_map(|p| match p {
            Product::Listed(listed) => Some(listed),
            _ => None,
        })
    }

    /// Its row of the catalogue.
    ///
    /// ```
    /// let labs: gws_onboarding::product::ListedSku = "gemini-labs".parse()?;
    /// assert_eq!(labs.catalogue_entry().product_name(), "Gemini");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn catalogue_entry(self) -> &'static CatalogueEntry {
        Product::Listed(self).catalogue_entry()
    }

    /// The stable kebab-case name, e.g. `g-suite-basic`.
    ///
    /// ```
    /// let meet: gws_onboarding::product::ListedSku = "Gemini Meet".parse()?;
    /// assert_eq!(meet.as_str(), "gemini-meet");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.catalogue_entry().key
    }

    /// The display name, e.g. `G Suite Basic`.
    ///
    /// ```
    /// let lite: gws_onboarding::product::ListedSku = "g-suite-lite".parse()?;
    /// assert_eq!(lite.name(), "G Suite Lite");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.catalogue_entry().name
    }

    /// The `productId`, e.g. `101047`.
    ///
    /// ```
    /// let labs: gws_onboarding::product::ListedSku = "gemini-labs".parse()?;
    /// assert_eq!(labs.product_id(), "101047");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_id(self) -> &'static str {
        self.catalogue_entry().product_id
    }

    /// The `skuId`, e.g. `1010470002`.
    ///
    /// ```
    /// let labs: gws_onboarding::product::ListedSku = "gemini-labs".parse()?;
    /// assert_eq!(labs.sku_id(), "1010470002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_id(self) -> &'static str {
        self.catalogue_entry().sku_id
    }

    /// Every `(listed SKU, name)` pair `FromStr` reads: kebab-case name, display name, `skuId`,
    /// Google's SKU name.
    fn spellings() -> impl Iterator<Item = (ListedSku, &'static str)> + Clone {
        ListedSku::all().flat_map(|listed| {
            let e = listed.catalogue_entry();
            [e.key, e.name, e.sku_id, e.sku_name].map(move |name| (listed, name))
        })
    }
}

impl FromStr for ListedSku {
    type Err = ParseProductError;

    /// Reads the kebab-case name (`gemini-labs`), the display name or Google's SKU name
    /// (`G Suite Basic`) or the `skuId` (`1010470002`), in any case and spacing.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        names::parse(s, ListedSku::spellings()).map_err(|suggestions| {
            ParseProductError::UnknownProduct {
                found: snippet(s),
                suggestions,
            }
        })
    }
}

impl FromStr for Product {
    type Err = ParseProductError;

    /// Reads every name [`Edition`], [`Addon`] and [`ListedSku`] read, Google's SKU names
    /// included (`Google Workspace Essentials (formerly G Suite Essentials)`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(edition) = names::exact(s, &Edition::ALL, Edition::as_str) {
            return Ok(Product::Edition(edition));
        }
        let spellings = Edition::spellings()
            .map(|(e, name)| (Product::Edition(e), name))
            .chain(Addon::spellings().map(|(a, name)| (Product::Addon(a), name)))
            .chain(ListedSku::spellings().map(|(l, name)| (Product::Listed(l), name)));
        names::parse(s, spellings).map_err(|suggestions| ParseProductError::UnknownProduct {
            found: snippet(s),
            suggestions,
        })
    }
}
