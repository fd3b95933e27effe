//! Layer 2, values: the add-ons: Google Vault and additional Drive storage ([`Addon`], [`StorageSize`]).

use super::error::ParseProductError;
use super::family::DRIVE_STORAGE;
use super::family::ProductFamily;
use crate::error::snippet;
use crate::names::{self};
use std::str::FromStr;

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
    pub(super) fn spellings() -> impl Iterator<Item = (Addon, &'static str)> + Clone {
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
