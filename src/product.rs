//! Layer 2, values. The product catalogue a reseller orders from: Google Workspace and Cloud Identity editions,
//! Google Vault and additional Drive storage, with their Reseller API `productId` and `skuId`.
//!
//! ```
//! use gws_onboarding::{Edition, Product, Sku};
//!
//! let sku = Sku::parse("Google-Apps", "1010020027")?;
//! assert_eq!(sku.edition(), Some(Edition::BusinessStarter));
//! assert_eq!(Edition::BusinessStarter.name(), "Google Workspace Business Starter");
//!
//! // A SKU this catalogue does not know yet is kept as it came.
//! let new = Sku::parse("Google-Apps", "1010020099")?;
//! assert_eq!(new.product(), None);
//! assert_eq!(new.sku_id(), "1010020099");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::error::{Lang, snippet};
use crate::names::{self, Suggestions};

/// Implements `Display` (writing `as_str()`) and, with the `serde` feature, string serde through
/// `FromStr`.
macro_rules! impl_string_surface {
    ($($ty:ty),* $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                raw.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

/// A product family, as the Partner Sales Console groups subscriptions.
///
/// ```
/// use gws_onboarding::{Edition, ProductFamily};
///
/// assert_eq!(Edition::CloudIdentityFree.family(), ProductFamily::CloudIdentity);
/// assert_eq!(ProductFamily::GoogleWorkspace.name(), "Google Workspace");
/// assert_eq!("google-vault".parse::<ProductFamily>()?, ProductFamily::GoogleVault);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ProductFamily {
    /// Google Workspace editions (Business, Enterprise, Essentials, Frontline, Education).
    GoogleWorkspace,
    /// Cloud Identity Free and Premium.
    CloudIdentity,
    /// Google Vault licences.
    GoogleVault,
    /// Google Workspace Additional Storage.
    AdditionalStorage,
}

impl ProductFamily {
    /// Every family.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::ProductFamily::ALL.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [ProductFamily; 4] = [
        ProductFamily::GoogleWorkspace,
        ProductFamily::CloudIdentity,
        ProductFamily::GoogleVault,
        ProductFamily::AdditionalStorage,
    ];

    /// The stable kebab-case name: `google-workspace`, `cloud-identity`, `google-vault`,
    /// `additional-storage`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::ProductFamily::CloudIdentity.as_str(), "cloud-identity");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ProductFamily::GoogleWorkspace => "google-workspace",
            ProductFamily::CloudIdentity => "cloud-identity",
            ProductFamily::GoogleVault => "google-vault",
            ProductFamily::AdditionalStorage => "additional-storage",
        }
    }

    /// The name people know it by, e.g. `Google Workspace Additional Storage`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::ProductFamily::GoogleVault.name(), "Google Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ProductFamily::GoogleWorkspace => "Google Workspace",
            ProductFamily::CloudIdentity => "Cloud Identity",
            ProductFamily::GoogleVault => "Google Vault",
            ProductFamily::AdditionalStorage => "Google Workspace Additional Storage",
        }
    }
}

impl ProductFamily {
    /// Every `(family, name)` pair `FromStr` reads: the kebab-case name, the display name and
    /// the Reseller API `productId`s of the family.
    fn spellings() -> impl Iterator<Item = (ProductFamily, &'static str)> + Clone {
        static SPELLINGS: [(ProductFamily, &str); 12] = [
            (ProductFamily::GoogleWorkspace, "google-workspace"),
            (ProductFamily::GoogleWorkspace, "Google Workspace"),
            (ProductFamily::GoogleWorkspace, GOOGLE_APPS),
            (ProductFamily::GoogleWorkspace, "101031"),
            (ProductFamily::CloudIdentity, "cloud-identity"),
            (ProductFamily::CloudIdentity, "101001"),
            (ProductFamily::CloudIdentity, "101005"),
            (ProductFamily::GoogleVault, "google-vault"),
            (ProductFamily::GoogleVault, "vault"),
            (ProductFamily::AdditionalStorage, "additional-storage"),
            (
                ProductFamily::AdditionalStorage,
                "Google Workspace Additional Storage",
            ),
            (ProductFamily::AdditionalStorage, DRIVE_STORAGE),
        ];
        SPELLINGS.iter().copied()
    }
}

impl FromStr for ProductFamily {
    type Err = ParseProductError;

    /// Reads the kebab-case name, the display name (`Google Workspace`, `Cloud Identity`,
    /// `Google Vault`) or a `productId` (`Google-Apps`, `101001`, `Google-Vault`, …), in any
    /// case and spacing.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(value) = names::exact(s, &ProductFamily::ALL, ProductFamily::as_str) {
            return Ok(value);
        }
        names::parse(s, ProductFamily::spellings()).map_err(|suggestions| {
            ParseProductError::UnknownFamily {
                found: snippet(s),
                suggestions,
            }
        })
    }
}

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
    /// Google Workspace Essentials (`1010060001`, flexible plan), for team customers. Not the
    /// free Essentials Starter, which is not ordered through a reseller.
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
    /// Cloud Identity Free (`101001` / `1010010001`), at most 50 seats.
    CloudIdentityFree,
    /// Cloud Identity Premium (`101005` / `1010050001`).
    CloudIdentityPremium,
}

/// The `productId` of most Google Workspace editions.
const GOOGLE_APPS: &str = "Google-Apps";

/// `(kebab-case name, display name, productId, skuId)` of each edition, in declaration order.
const EDITION_INFO: [(&str, &str, &str, &str); 17] = [
    (
        "business-starter",
        "Google Workspace Business Starter",
        GOOGLE_APPS,
        "1010020027",
    ),
    (
        "business-standard",
        "Google Workspace Business Standard",
        GOOGLE_APPS,
        "1010020028",
    ),
    (
        "business-plus",
        "Google Workspace Business Plus",
        GOOGLE_APPS,
        "1010020025",
    ),
    (
        "enterprise-starter",
        "Google Workspace Enterprise Starter",
        GOOGLE_APPS,
        "1010020029",
    ),
    (
        "enterprise-standard",
        "Google Workspace Enterprise Standard",
        GOOGLE_APPS,
        "1010020026",
    ),
    (
        "enterprise-plus",
        "Google Workspace Enterprise Plus",
        GOOGLE_APPS,
        "1010020020",
    ),
    (
        "essentials",
        "Google Workspace Essentials",
        GOOGLE_APPS,
        "1010060001",
    ),
    (
        "enterprise-essentials",
        "Google Workspace Enterprise Essentials",
        GOOGLE_APPS,
        "1010060003",
    ),
    (
        "enterprise-essentials-plus",
        "Google Workspace Enterprise Essentials Plus",
        GOOGLE_APPS,
        "1010060005",
    ),
    (
        "frontline-starter",
        "Google Workspace Frontline Starter",
        GOOGLE_APPS,
        "1010020030",
    ),
    (
        "frontline-standard",
        "Google Workspace Frontline Standard",
        GOOGLE_APPS,
        "1010020031",
    ),
    (
        "frontline-plus",
        "Google Workspace Frontline Plus",
        GOOGLE_APPS,
        "1010020034",
    ),
    (
        "education-fundamentals",
        "Google Workspace for Education Fundamentals",
        GOOGLE_APPS,
        "Google-Apps-For-Education",
    ),
    (
        "education-standard",
        "Google Workspace for Education Standard",
        "101031",
        "1010310005",
    ),
    (
        "education-plus",
        "Google Workspace for Education Plus",
        "101031",
        "1010310008",
    ),
    (
        "cloud-identity-free",
        "Cloud Identity Free",
        "101001",
        "1010010001",
    ),
    (
        "cloud-identity-premium",
        "Cloud Identity Premium",
        "101005",
        "1010050001",
    ),
];

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

    /// `(kebab-case name, display name, productId, skuId)`.
    const fn info(self) -> (&'static str, &'static str, &'static str, &'static str) {
        // Through a reference, promoted to static memory: indexing the constant itself would
        // copy the whole table at each call.
        let table: &'static [(&str, &str, &str, &str); 17] = &EDITION_INFO;
        table[self as usize]
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

    /// The `(productId, skuId)` pair.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Sku};
    /// assert_eq!(Edition::BusinessStarter.sku(), Sku::parse("Google-Apps", "1010020027")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(self) -> Sku {
        Sku::from(self)
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
    /// customer (validated by email address, not domain) may order.
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

    /// The most seats the edition allows, when it has a limit: `Some(50)` for Cloud Identity
    /// Free, `None` for the others.
    ///
    /// ```
    /// use gws_onboarding::Edition;
    /// assert_eq!(Edition::CloudIdentityFree.max_seats(), Some(50));
    /// assert_eq!(Edition::BusinessStarter.max_seats(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn max_seats(self) -> Option<u32> {
        match self {
            Edition::CloudIdentityFree => Some(50),
            _ => None,
        }
    }
}

impl Edition {
    /// Every `(edition, name)` pair `FromStr` reads: kebab-case name, display name, `skuId`.
    fn spellings() -> impl Iterator<Item = (Edition, &'static str)> + Clone {
        Edition::ALL
            .into_iter()
            .flat_map(|e| [e.as_str(), e.name(), e.sku_id()].map(move |name| (e, name)))
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

/// A Google Workspace Additional Storage size.
///
/// ```
/// use gws_onboarding::StorageSize;
///
/// let size: StorageSize = "1tb".parse()?;
/// assert_eq!(size, StorageSize::Tb1);
/// assert_eq!(size.label(), "1TB");
/// assert_eq!(size.gigabytes(), 1024);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum StorageSize {
    /// 20 GB.
    Gb20,
    /// 50 GB.
    Gb50,
    /// 200 GB.
    Gb200,
    /// 400 GB.
    Gb400,
    /// 1 TB.
    Tb1,
    /// 2 TB.
    Tb2,
    /// 4 TB.
    Tb4,
    /// 8 TB.
    Tb8,
    /// 16 TB.
    Tb16,
}

impl StorageSize {
    /// Every size, smallest first.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::StorageSize::ALL.len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [StorageSize; 9] = [
        StorageSize::Gb20,
        StorageSize::Gb50,
        StorageSize::Gb200,
        StorageSize::Gb400,
        StorageSize::Tb1,
        StorageSize::Tb2,
        StorageSize::Tb4,
        StorageSize::Tb8,
        StorageSize::Tb16,
    ];

    /// `(kebab-case name, label as in the skuId, gigabytes)`.
    const fn info(self) -> (&'static str, &'static str, u32) {
        match self {
            StorageSize::Gb20 => ("20gb", "20GB", 20),
            StorageSize::Gb50 => ("50gb", "50GB", 50),
            StorageSize::Gb200 => ("200gb", "200GB", 200),
            StorageSize::Gb400 => ("400gb", "400GB", 400),
            StorageSize::Tb1 => ("1tb", "1TB", 1024),
            StorageSize::Tb2 => ("2tb", "2TB", 2 * 1024),
            StorageSize::Tb4 => ("4tb", "4TB", 4 * 1024),
            StorageSize::Tb8 => ("8tb", "8TB", 8 * 1024),
            StorageSize::Tb16 => ("16tb", "16TB", 16 * 1024),
        }
    }

    /// The stable lowercase name: `20gb` … `16tb`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::StorageSize::Gb200.as_str(), "200gb");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.info().0
    }

    /// The size as the `skuId` spells it: `20GB` … `16TB`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::StorageSize::Tb16.label(), "16TB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        self.info().1
    }

    /// The size in gigabytes, a terabyte counting 1024.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::StorageSize::Gb400.gigabytes(), 400);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn gigabytes(self) -> u32 {
        self.info().2
    }
}

impl StorageSize {
    /// The size in French units (`20 Go`, `1 To`).
    const fn french(self) -> &'static str {
        match self {
            StorageSize::Gb20 => "20 Go",
            StorageSize::Gb50 => "50 Go",
            StorageSize::Gb200 => "200 Go",
            StorageSize::Gb400 => "400 Go",
            StorageSize::Tb1 => "1 To",
            StorageSize::Tb2 => "2 To",
            StorageSize::Tb4 => "4 To",
            StorageSize::Tb8 => "8 To",
            StorageSize::Tb16 => "16 To",
        }
    }

    /// Every `(size, name)` pair `FromStr` reads.
    fn spellings() -> impl Iterator<Item = (StorageSize, &'static str)> + Clone {
        StorageSize::ALL
            .into_iter()
            .flat_map(|size| [size.as_str(), size.french()].map(move |name| (size, name)))
    }
}

impl FromStr for StorageSize {
    type Err = ParseProductError;

    /// Reads the name or the label in any case and spacing (`20gb`, `16TB`, `16 TB`), or in
    /// French units (`20 Go`, `1 To`); surrounding white space is trimmed.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(value) = names::exact(s, &StorageSize::ALL, StorageSize::as_str) {
            return Ok(value);
        }
        names::parse(s, StorageSize::spellings()).map_err(|suggestions| {
            ParseProductError::UnknownProduct {
                found: snippet(s),
                suggestions,
            }
        })
    }
}

/// A subscription that comes on top of an edition: Google Vault or additional storage.
///
/// ```
/// use gws_onboarding::{Addon, StorageSize};
///
/// assert_eq!(Addon::Vault.sku_id(), "Google-Vault");
/// assert_eq!(Addon::Storage(StorageSize::Gb50).sku_id(), "Google-Drive-storage-50GB");
/// assert!(Addon::VaultFormerEmployee.requires_verified_domain());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Addon {
    /// Google Vault (`Google-Vault` / `Google-Vault`).
    Vault,
    /// Google Vault Former Employee (`Google-Vault` / `Google-Vault-Former-Employee`).
    VaultFormerEmployee,
    /// Google Workspace Additional Storage (`Google-Drive-storage` /
    /// `Google-Drive-storage-<size>`).
    Storage(StorageSize),
}

/// `productId` of the additional storage SKUs, and the prefix of their `skuId`.
const DRIVE_STORAGE: &str = "Google-Drive-storage";

impl Addon {
    /// Every add-on: the two Vault ones, then each storage size.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Addon::ALL.len(), 11);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [Addon; 11] = [
        Addon::Vault,
        Addon::VaultFormerEmployee,
        Addon::Storage(StorageSize::Gb20),
        Addon::Storage(StorageSize::Gb50),
        Addon::Storage(StorageSize::Gb200),
        Addon::Storage(StorageSize::Gb400),
        Addon::Storage(StorageSize::Tb1),
        Addon::Storage(StorageSize::Tb2),
        Addon::Storage(StorageSize::Tb4),
        Addon::Storage(StorageSize::Tb8),
        Addon::Storage(StorageSize::Tb16),
    ];

    /// The stable kebab-case name: `vault`, `vault-former-employee`, `storage-20gb` …
    /// `storage-16tb`.
    ///
    /// ```
    /// use gws_onboarding::{Addon, StorageSize};
    /// assert_eq!(Addon::Storage(StorageSize::Tb2).as_str(), "storage-2tb");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Addon::Vault => "vault",
            Addon::VaultFormerEmployee => "vault-former-employee",
            Addon::Storage(size) => match size {
                StorageSize::Gb20 => "storage-20gb",
                StorageSize::Gb50 => "storage-50gb",
                StorageSize::Gb200 => "storage-200gb",
                StorageSize::Gb400 => "storage-400gb",
                StorageSize::Tb1 => "storage-1tb",
                StorageSize::Tb2 => "storage-2tb",
                StorageSize::Tb4 => "storage-4tb",
                StorageSize::Tb8 => "storage-8tb",
                StorageSize::Tb16 => "storage-16tb",
            },
        }
    }

    /// The display name, e.g. `Google Vault Former Employee`.
    ///
    /// ```
    /// use gws_onboarding::{Addon, StorageSize};
    /// assert_eq!(
    ///     Addon::Storage(StorageSize::Gb20).name(),
    ///     "Google Workspace Additional Storage 20GB"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(self) -> String {
        self.display_name().to_owned()
    }

    /// The display name, borrowed.
    const fn display_name(self) -> &'static str {
        match self {
            Addon::Vault => "Google Vault",
            Addon::VaultFormerEmployee => "Google Vault Former Employee",
            Addon::Storage(size) => match size {
                StorageSize::Gb20 => "Google Workspace Additional Storage 20GB",
                StorageSize::Gb50 => "Google Workspace Additional Storage 50GB",
                StorageSize::Gb200 => "Google Workspace Additional Storage 200GB",
                StorageSize::Gb400 => "Google Workspace Additional Storage 400GB",
                StorageSize::Tb1 => "Google Workspace Additional Storage 1TB",
                StorageSize::Tb2 => "Google Workspace Additional Storage 2TB",
                StorageSize::Tb4 => "Google Workspace Additional Storage 4TB",
                StorageSize::Tb8 => "Google Workspace Additional Storage 8TB",
                StorageSize::Tb16 => "Google Workspace Additional Storage 16TB",
            },
        }
    }

    /// Every `(add-on, name)` pair `FromStr` reads: kebab-case name, display name, `skuId`,
    /// and for storage the size alone (`20GB`, `20 Go`).
    fn spellings() -> impl Iterator<Item = (Addon, &'static str)> + Clone {
        Addon::ALL.into_iter().flat_map(|addon| {
            let (label, french) = match addon {
                Addon::Storage(size) => (size.label(), size.french()),
                Addon::Vault | Addon::VaultFormerEmployee => ("", ""),
            };
            [
                addon.as_str(),
                addon.display_name(),
                addon.sku_id(),
                label,
                french,
            ]
            .map(move |name| (addon, name))
        })
    }

    /// The Reseller API `productId`: `Google-Vault` or `Google-Drive-storage`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Addon::VaultFormerEmployee.product_id(), "Google-Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn product_id(self) -> &'static str {
        match self {
            Addon::Vault | Addon::VaultFormerEmployee => "Google-Vault",
            Addon::Storage(_) => DRIVE_STORAGE,
        }
    }

    /// The Reseller API `skuId`, e.g. `Google-Drive-storage-16TB`.
    ///
    /// ```
    /// use gws_onboarding::{Addon, StorageSize};
    /// assert_eq!(Addon::Storage(StorageSize::Tb16).sku_id(), "Google-Drive-storage-16TB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sku_id(self) -> &'static str {
        match self {
            Addon::Vault => "Google-Vault",
            Addon::VaultFormerEmployee => "Google-Vault-Former-Employee",
            Addon::Storage(size) => match size {
                StorageSize::Gb20 => "Google-Drive-storage-20GB",
                StorageSize::Gb50 => "Google-Drive-storage-50GB",
                StorageSize::Gb200 => "Google-Drive-storage-200GB",
                StorageSize::Gb400 => "Google-Drive-storage-400GB",
                StorageSize::Tb1 => "Google-Drive-storage-1TB",
                StorageSize::Tb2 => "Google-Drive-storage-2TB",
                StorageSize::Tb4 => "Google-Drive-storage-4TB",
                StorageSize::Tb8 => "Google-Drive-storage-8TB",
                StorageSize::Tb16 => "Google-Drive-storage-16TB",
            },
        }
    }

    /// Google Vault or Google Workspace Additional Storage.
    ///
    /// ```
    /// use gws_onboarding::{Addon, ProductFamily};
    /// assert_eq!(Addon::Vault.family(), ProductFamily::GoogleVault);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn family(self) -> ProductFamily {
        match self {
            Addon::Vault | Addon::VaultFormerEmployee => ProductFamily::GoogleVault,
            Addon::Storage(_) => ProductFamily::AdditionalStorage,
        }
    }

    /// Whether the customer needs a verified domain: Vault does (a team customer cannot buy it
    /// until it verifies its domain). For storage no source says so; this returns `false`.
    ///
    /// ```
    /// use gws_onboarding::{Addon, StorageSize};
    /// assert!(Addon::Vault.requires_verified_domain());
    /// assert!(!Addon::Storage(StorageSize::Gb20).requires_verified_domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn requires_verified_domain(self) -> bool {
        matches!(self, Addon::Vault | Addon::VaultFormerEmployee)
    }
}

impl FromStr for Addon {
    type Err = ParseProductError;

    /// Reads the kebab-case name (`vault`, `storage-20gb`), the display name (`Google Vault`,
    /// `Google Workspace Additional Storage 20GB`), the `skuId` (`Google-Vault`,
    /// `Google-Drive-storage-20GB`) or a storage size alone (`20GB`), in any case and spacing.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(value) = names::exact(s, &Addon::ALL, Addon::as_str) {
            return Ok(value);
        }
        names::parse(s, Addon::spellings()).map_err(|suggestions| {
            ParseProductError::UnknownProduct {
                found: snippet(s),
                suggestions,
            }
        })
    }
}

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

    /// The `(productId, skuId)` pair.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product};
    /// assert_eq!(Product::Addon(Addon::Vault).sku().sku_id(), "Google-Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(self) -> Sku {
        Sku::from(self)
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

impl_string_surface!(ProductFamily, Edition, StorageSize, Addon, Product);

/// Why a name is not in the catalogue.
///
/// ```
/// use gws_onboarding::{Edition, Lang};
///
/// let err = "Busines Plus".parse::<Edition>().unwrap_err();
/// assert_eq!(err.code(), "product.unknown_edition");
/// assert_eq!(err.to_string(), "unknown edition \"Busines Plus\": did you mean `business-plus`?");
/// assert_eq!(err.message(Lang::Fr), "édition inconnue « Busines Plus » : vouliez-vous dire « business-plus » ?");
///
/// // Far from every name: the closest ones.
/// let err = "business-premium".parse::<Edition>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown edition \"business-premium\": the closest names are `business-plus`, `business-starter` and `business-standard`"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseProductError {
    /// No edition has this name.
    #[error("unknown edition \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownEdition {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
    /// No product, add-on or storage size has this name.
    #[error("unknown product \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownProduct {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
    /// No product family has this name.
    #[error("unknown product family \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownFamily {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
}

impl ParseProductError {
    /// The names the message proposes: the near ones ("did you mean"), or the accepted ones.
    ///
    /// ```
    /// let err = "Busness Plus".parse::<gws_onboarding::Edition>().unwrap_err();
    /// assert_eq!(err.suggestions().names(), ["business-plus"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestions(&self) -> &Suggestions {
        match self {
            ParseProductError::UnknownEdition { suggestions, .. }
            | ParseProductError::UnknownProduct { suggestions, .. }
            | ParseProductError::UnknownFamily { suggestions, .. } => suggestions,
        }
    }

    /// The stable machine code: `product.unknown_edition`, `product.unknown` or
    /// `product.unknown_family`.
    ///
    /// ```
    /// let err = "vaulted".parse::<gws_onboarding::Product>().unwrap_err();
    /// assert_eq!(err.code(), "product.unknown");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ParseProductError::UnknownEdition { .. } => "product.unknown_edition",
            ParseProductError::UnknownProduct { .. } => "product.unknown",
            ParseProductError::UnknownFamily { .. } => "product.unknown_family",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "vaul".parse::<gws_onboarding::Product>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "produit inconnu « vaul » : vouliez-vous dire « vault » ?");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                ParseProductError::UnknownEdition { found, suggestions } => format!(
                    "édition inconnue « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
                ParseProductError::UnknownProduct { found, suggestions } => format!(
                    "produit inconnu « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
                ParseProductError::UnknownFamily { found, suggestions } => format!(
                    "famille de produits inconnue « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
            },
        }
    }
}

crate::error::impl_diagnostic!(ParseProductError);

/// The most bytes of a `productId` or `skuId` this crate keeps.
///
/// ```
/// use gws_onboarding::{Sku, product::MAX_ID_LEN};
/// assert_eq!(Sku::parse("Google-Apps", &"1".repeat(MAX_ID_LEN + 1)).unwrap_err().code(), "sku.too_long");
/// ```
pub const MAX_ID_LEN: usize = 64;

/// A Reseller API `(productId, skuId)` pair.
///
/// A pair in the catalogue is recognised as its [`Product`]; any other well-formed pair
/// (non-empty, at most [`MAX_ID_LEN`] bytes, printable ASCII without spaces) is kept as given, so
/// that a SKU Google adds later still round-trips. Equality, ordering and hashing follow the
/// `(productId, skuId)` strings.
///
/// ```
/// use gws_onboarding::{Edition, Sku};
///
/// let sku = Sku::parse("101005", "1010050001")?;
/// assert_eq!(sku.edition(), Some(Edition::CloudIdentityPremium));
/// assert_eq!(sku.to_string(), "101005/1010050001");
/// assert_eq!(
///     format!("{sku:?}"),
///     "Sku { product_id: \"101005\", sku_id: \"1010050001\" }"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Sku(SkuRepr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum SkuRepr {
    Known(Product),
    Other {
        product_id: Box<str>,
        sku_id: Box<str>,
    },
}

/// Which half of a [`Sku`] an error is about.
///
/// ```
/// use gws_onboarding::{Sku, SkuField};
/// let err = Sku::parse("Google-Apps", "").unwrap_err();
/// assert_eq!(err.field(), SkuField::SkuId);
/// assert_eq!(SkuField::SkuId.as_str(), "skuId");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SkuField {
    /// `productId`.
    ProductId,
    /// `skuId`.
    SkuId,
}

impl SkuField {
    /// The JSON field name: `productId` or `skuId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::SkuField::ProductId.as_str(), "productId");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SkuField::ProductId => "productId",
            SkuField::SkuId => "skuId",
        }
    }
}

impl fmt::Display for SkuField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks one half of a SKU.
fn check_id(field: SkuField, id: &str) -> Result<(), SkuError> {
    if id.len() > MAX_ID_LEN {
        return Err(SkuError::TooLong {
            field,
            max: MAX_ID_LEN,
        });
    }
    if id.is_empty() {
        return Err(SkuError::Empty { field });
    }
    match id.chars().find(|c| !c.is_ascii_graphic()) {
        Some(c) => Err(SkuError::InvalidChar {
            field,
            found: snippet(c.encode_utf8(&mut [0; 4])),
        }),
        None => Ok(()),
    }
}

impl Sku {
    /// Checks a `(productId, skuId)` pair and recognises it if it is in the catalogue.
    ///
    /// # Errors
    ///
    /// [`SkuError::Empty`] for `""`, [`SkuError::TooLong`] for more than [`MAX_ID_LEN`] bytes,
    /// [`SkuError::InvalidChar`] for `"Google Apps"` or `"1010020027\n"`; the `productId` is
    /// checked first.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product, Sku};
    /// let sku = Sku::parse("Google-Vault", "Google-Vault-Former-Employee")?;
    /// assert_eq!(sku.product(), Some(Product::Addon(Addon::VaultFormerEmployee)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(product_id: &str, sku_id: &str) -> Result<Self, SkuError> {
        check_id(SkuField::ProductId, product_id)?;
        check_id(SkuField::SkuId, sku_id)?;
        Ok(Sku(
            match Product::all().find(|p| p.product_id() == product_id && p.sku_id() == sku_id) {
                Some(product) => SkuRepr::Known(product),
                None => SkuRepr::Other {
                    product_id: product_id.into(),
                    sku_id: sku_id.into(),
                },
            },
        ))
    }

    /// The `productId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Sku::parse("Google-Apps", "1")?.product_id(), "Google-Apps");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product_id(&self) -> &str {
        match &self.0 {
            SkuRepr::Known(product) => product.product_id(),
            SkuRepr::Other { product_id, .. } => product_id,
        }
    }

    /// The `skuId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Sku::parse("Google-Apps", "1")?.sku_id(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> &str {
        match &self.0 {
            SkuRepr::Known(product) => product.sku_id(),
            SkuRepr::Other { sku_id, .. } => sku_id,
        }
    }

    /// The catalogue product, if the pair is in the catalogue.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product, Sku};
    /// let sku = Sku::parse("Google-Apps", "Google-Apps-For-Education")?;
    /// assert_eq!(sku.product(), Some(Product::Edition(Edition::EducationFundamentals)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> Option<Product> {
        match self.0 {
            SkuRepr::Known(product) => Some(product),
            SkuRepr::Other { .. } => None,
        }
    }

    /// The edition, if the pair is a catalogue edition.
    ///
    /// ```
    /// use gws_onboarding::Sku;
    /// assert_eq!(Sku::parse("Google-Vault", "Google-Vault")?.edition(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Option<Edition> {
        match self.product() {
            Some(Product::Edition(edition)) => Some(edition),
            _ => None,
        }
    }

    /// Whether the pair is in the catalogue.
    ///
    /// ```
    /// use gws_onboarding::Sku;
    /// assert!(Sku::parse("101001", "1010010001")?.is_known());
    /// assert!(!Sku::parse("101001", "1010010002")?.is_known());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.product().is_some()
    }
}

impl From<Product> for Sku {
    fn from(product: Product) -> Self {
        Sku(SkuRepr::Known(product))
    }
}

impl From<Edition> for Sku {
    fn from(edition: Edition) -> Self {
        Sku(SkuRepr::Known(Product::Edition(edition)))
    }
}

impl From<Addon> for Sku {
    fn from(addon: Addon) -> Self {
        Sku(SkuRepr::Known(Product::Addon(addon)))
    }
}

impl PartialOrd for Sku {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sku {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.product_id(), self.sku_id()).cmp(&(other.product_id(), other.sku_id()))
    }
}

impl fmt::Debug for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sku")
            .field("product_id", &self.product_id())
            .field("sku_id", &self.sku_id())
            .finish()
    }
}

impl fmt::Display for Sku {
    /// `productId/skuId`, for people and logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.product_id(), self.sku_id())
    }
}

/// Serialises as `{"productId": …, "skuId": …}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Sku {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("Sku", 2)?;
        state.serialize_field("productId", self.product_id())?;
        state.serialize_field("skuId", self.sku_id())?;
        state.end()
    }
}

/// Deserialises `{"productId": …, "skuId": …}` through [`Sku::parse`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Sku {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct RawSku<'a> {
            #[serde(borrow)]
            product_id: std::borrow::Cow<'a, str>,
            #[serde(borrow)]
            sku_id: std::borrow::Cow<'a, str>,
        }
        let raw = RawSku::deserialize(deserializer)?;
        Sku::parse(&raw.product_id, &raw.sku_id).map_err(serde::de::Error::custom)
    }
}

/// Why a `(productId, skuId)` pair is malformed.
///
/// ```
/// use gws_onboarding::{Lang, Sku};
///
/// let err = Sku::parse("Google Apps", "1010020027").unwrap_err();
/// assert_eq!(err.code(), "sku.invalid_char");
/// assert_eq!(err.to_string(), "productId contains a space (U+0020): only printable ASCII without spaces is allowed");
/// assert!(err.message(Lang::Fr).starts_with("le champ productId contient un espace"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SkuError {
    /// The id is empty.
    #[error("{field} is empty")]
    Empty {
        /// Which id.
        field: SkuField,
    },
    /// The id is longer than [`MAX_ID_LEN`] bytes.
    #[error("{field} is longer than {max} characters")]
    TooLong {
        /// Which id.
        field: SkuField,
        /// [`MAX_ID_LEN`].
        max: usize,
    },
    /// The id has a space, a control or a non-ASCII character.
    #[error(
        "{field} contains {}: only printable ASCII without spaces is allowed",
        shown_char(found, Lang::En)
    )]
    InvalidChar {
        /// Which id.
        field: SkuField,
        /// The character, made safe to echo.
        found: String,
    },
}

/// The refused character of [`SkuError::InvalidChar`], already escaped, quoted the way `lang`
/// quotes; white space, which would look like empty quotes, is named instead.
fn shown_char(found: &str, lang: Lang) -> String {
    let mut chars = found.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_whitespace() => crate::error::quote_char(c, lang),
        _ => match lang {
            Lang::Fr => format!("« {found} »"),
            _ => format!("\"{found}\""),
        },
    }
}

impl SkuError {
    /// Which id the error is about.
    ///
    /// ```
    /// use gws_onboarding::{Sku, SkuField};
    /// assert_eq!(Sku::parse("", "x").unwrap_err().field(), SkuField::ProductId);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field(&self) -> SkuField {
        match self {
            SkuError::Empty { field }
            | SkuError::TooLong { field, .. }
            | SkuError::InvalidChar { field, .. } => *field,
        }
    }

    /// The stable machine code: `sku.empty`, `sku.too_long` or `sku.invalid_char`.
    ///
    /// ```
    /// let err = gws_onboarding::Sku::parse("Google-Apps", "").unwrap_err();
    /// assert_eq!(err.code(), "sku.empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            SkuError::Empty { .. } => "sku.empty",
            SkuError::TooLong { .. } => "sku.too_long",
            SkuError::InvalidChar { .. } => "sku.invalid_char",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = gws_onboarding::Sku::parse("Google-Apps", "").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "le champ skuId est vide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                SkuError::Empty { field } => format!("le champ {field} est vide"),
                SkuError::TooLong { field, max } => {
                    format!("le champ {field} dépasse {max} caractères")
                }
                SkuError::InvalidChar { field, found } => format!(
                    "le champ {field} contient {} : seul l'ASCII imprimable sans espace est admis",
                    shown_char(found, lang)
                ),
            },
        }
    }
}

crate::error::impl_diagnostic!(SkuError);

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn catalogue_matches_domain_md() {
        let table = [
            (Edition::BusinessStarter, "Google-Apps", "1010020027"),
            (Edition::BusinessStandard, "Google-Apps", "1010020028"),
            (Edition::BusinessPlus, "Google-Apps", "1010020025"),
            (Edition::EnterpriseStarter, "Google-Apps", "1010020029"),
            (Edition::EnterpriseStandard, "Google-Apps", "1010020026"),
            (Edition::EnterprisePlus, "Google-Apps", "1010020020"),
            (Edition::Essentials, "Google-Apps", "1010060001"),
            (Edition::EnterpriseEssentials, "Google-Apps", "1010060003"),
            (
                Edition::EnterpriseEssentialsPlus,
                "Google-Apps",
                "1010060005",
            ),
            (Edition::FrontlineStarter, "Google-Apps", "1010020030"),
            (Edition::FrontlineStandard, "Google-Apps", "1010020031"),
            (Edition::FrontlinePlus, "Google-Apps", "1010020034"),
            (
                Edition::EducationFundamentals,
                "Google-Apps",
                "Google-Apps-For-Education",
            ),
            (Edition::EducationStandard, "101031", "1010310005"),
            (Edition::EducationPlus, "101031", "1010310008"),
            (Edition::CloudIdentityFree, "101001", "1010010001"),
            (Edition::CloudIdentityPremium, "101005", "1010050001"),
        ];
        assert_eq!(table.len(), Edition::ALL.len());
        for (edition, product_id, sku_id) in table {
            assert_eq!(
                (edition.product_id(), edition.sku_id()),
                (product_id, sku_id)
            );
            assert_eq!(
                Sku::parse(product_id, sku_id).unwrap().edition(),
                Some(edition)
            );
        }
        let sizes = [
            "20GB", "50GB", "200GB", "400GB", "1TB", "2TB", "4TB", "8TB", "16TB",
        ];
        for (size, label) in StorageSize::ALL.into_iter().zip(sizes) {
            let addon = Addon::Storage(size);
            assert_eq!(addon.product_id(), "Google-Drive-storage");
            assert_eq!(addon.sku_id(), format!("Google-Drive-storage-{label}"));
            assert_eq!(size.label(), label);
            assert_eq!(addon.as_str(), format!("storage-{}", size.as_str()));
        }
    }

    #[test]
    fn names_and_skus_are_unique_and_round_trip() {
        let products: Vec<Product> = Product::all().collect();
        let names: HashSet<_> = products.iter().map(|p| p.as_str()).collect();
        let skus: HashSet<_> = products
            .iter()
            .map(|p| (p.product_id(), p.sku_id()))
            .collect();
        assert_eq!(names.len(), products.len());
        assert_eq!(skus.len(), products.len());
        for product in products {
            assert_eq!(product.as_str().parse::<Product>(), Ok(product));
            assert_eq!(product.to_string(), product.as_str());
            let sku = Sku::parse(product.product_id(), product.sku_id()).unwrap();
            assert_eq!(sku, product.sku());
            assert_eq!(sku.product(), Some(product));
            assert!(!product.name().is_empty());
            let kebab = product.as_str();
            assert!(
                kebab
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
        }
        for family in ProductFamily::ALL {
            assert_eq!(family.as_str().parse::<ProductFamily>(), Ok(family));
        }
        for size in StorageSize::ALL {
            assert_eq!(size.as_str().parse::<StorageSize>(), Ok(size));
            assert_eq!(size.label().parse::<StorageSize>(), Ok(size));
        }
    }

    #[test]
    fn edition_properties() {
        let essentials: Vec<_> = Edition::ALL
            .into_iter()
            .filter(|e| e.is_essentials_family())
            .collect();
        assert_eq!(
            essentials,
            [
                Edition::Essentials,
                Edition::EnterpriseEssentials,
                Edition::EnterpriseEssentialsPlus
            ]
        );
        for edition in Edition::ALL {
            assert_eq!(
                edition.requires_verified_domain(),
                !edition.is_essentials_family()
            );
            assert_eq!(
                edition.max_seats(),
                (edition == Edition::CloudIdentityFree).then_some(50)
            );
            assert!(
                edition.name().starts_with("Google Workspace")
                    || edition.name().starts_with("Cloud Identity")
            );
        }
        assert_eq!(Edition::BusinessStarter.as_str(), "business-starter");
        assert_eq!(
            Edition::BusinessStarter.name(),
            "Google Workspace Business Starter"
        );
        assert!(Addon::Vault.requires_verified_domain());
    }

    #[test]
    fn unknown_skus_round_trip_and_compare_by_strings() {
        let sku = Sku::parse("Google-Apps", "1010020099").unwrap();
        assert!(!sku.is_known());
        assert_eq!(
            (sku.product_id(), sku.sku_id()),
            ("Google-Apps", "1010020099")
        );
        let known = Sku::parse("Google-Apps", "1010020027").unwrap();
        assert!(known < sku);
        assert_eq!(known, Sku::from(Edition::BusinessStarter));
        // Case matters: Google's ids are case-sensitive.
        assert!(!Sku::parse("google-apps", "1010020027").unwrap().is_known());
        let max = "a".repeat(MAX_ID_LEN);
        assert!(Sku::parse(&max, &max).is_ok());
    }

    #[test]
    fn rejects_malformed_ids() {
        let err = |p: &str, s: &str| Sku::parse(p, s).unwrap_err();
        assert_eq!(
            err("", "1"),
            SkuError::Empty {
                field: SkuField::ProductId
            }
        );
        assert_eq!(
            err("Google-Apps", ""),
            SkuError::Empty {
                field: SkuField::SkuId
            }
        );
        assert_eq!(
            err("Google-Apps", &"1".repeat(MAX_ID_LEN + 1)),
            SkuError::TooLong {
                field: SkuField::SkuId,
                max: MAX_ID_LEN
            }
        );
        assert_eq!(err(&"x".repeat(100_000), "1").code(), "sku.too_long");
        for bad in [" 1", "1 ", "10\u{202e}1", "1\n", "ï", "1\t"] {
            let e = err("Google-Apps", bad);
            assert_eq!(e.code(), "sku.invalid_char", "{bad:?}");
            assert_eq!(e.field(), SkuField::SkuId);
        }
        assert_eq!(
            err("Google-Apps", "1\u{202e}").to_string(),
            "skuId contains \"\\u{202e}\": only printable ASCII without spaces is allowed"
        );
        assert_eq!(
            "nonprofits".parse::<Edition>().unwrap_err().code(),
            "product.unknown_edition"
        );
        // Names are matched like the form's other choices: any case, surrounding space trimmed.
        assert_eq!(
            " Business-Starter ".parse::<Edition>(),
            Ok(Edition::BusinessStarter)
        );
        assert_eq!(
            "Google-Workspace".parse::<ProductFamily>(),
            Ok(ProductFamily::GoogleWorkspace)
        );
    }

    #[test]
    fn every_code_has_english_and_french_messages() {
        let errors: Vec<Box<dyn crate::Diagnostic>> = vec![
            Box::new("x".parse::<Edition>().unwrap_err()),
            Box::new("x".parse::<Product>().unwrap_err()),
            Box::new("x".parse::<ProductFamily>().unwrap_err()),
            Box::new(SkuError::Empty {
                field: SkuField::SkuId,
            }),
            Box::new(SkuError::TooLong {
                field: SkuField::SkuId,
                max: 64,
            }),
            Box::new(SkuError::InvalidChar {
                field: SkuField::SkuId,
                found: "x".into(),
            }),
        ];
        let mut codes = HashSet::new();
        for err in errors {
            assert!(codes.insert(err.code()));
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parsers() {
        assert_eq!(
            serde_json::to_string(&Edition::BusinessStarter).unwrap(),
            "\"business-starter\""
        );
        assert_eq!(
            serde_json::from_str::<Product>("\"storage-16tb\"").unwrap(),
            Product::Addon(Addon::Storage(StorageSize::Tb16))
        );
        // Names as people type them, Rust's variant name included.
        assert_eq!(
            serde_json::from_str::<Edition>("\"BusinessStarter\"").unwrap(),
            Edition::BusinessStarter
        );
        assert!(serde_json::from_str::<Edition>("\"BusinessPremium\"").is_err());
        let sku = Sku::from(Edition::CloudIdentityFree);
        let json = serde_json::to_string(&sku).unwrap();
        assert_eq!(json, r#"{"productId":"101001","skuId":"1010010001"}"#);
        assert_eq!(serde_json::from_str::<Sku>(&json).unwrap(), sku);
        let unknown = r#"{"productId":"Google-Apps","skuId":"42"}"#;
        assert_eq!(
            serde_json::to_string(&serde_json::from_str::<Sku>(unknown).unwrap()).unwrap(),
            unknown
        );
        assert!(serde_json::from_str::<Sku>(r#"{"productId":"","skuId":"1"}"#).is_err());
        assert!(serde_json::from_str::<Sku>(r#"{"productId":"a b","skuId":"1"}"#).is_err());
    }
}
