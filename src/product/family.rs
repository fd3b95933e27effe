//! Layer 2, values: the product families ([`ProductFamily`]).

use super::error::ParseProductError;
use crate::error::snippet;
use crate::names::{self};
use std::str::FromStr;

/// The `productId` of most Google Workspace editions.
pub(super) const GOOGLE_APPS: &str = "Google-Apps";

/// `productId` of the additional storage SKUs, and the prefix of their `skuId`.
pub(super) const DRIVE_STORAGE: &str = "Google-Drive-storage";

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
        static SPELLINGS: [(ProductFamily, &str); 15] = [
            (ProductFamily::GoogleWorkspace, "google-workspace"),
            (ProductFamily::GoogleWorkspace, "Google Workspace"),
            (ProductFamily::GoogleWorkspace, GOOGLE_APPS),
            (ProductFamily::GoogleWorkspace, "101031"),
            (ProductFamily::CloudIdentity, "cloud-identity"),
            (ProductFamily::CloudIdentity, "Cloud Identity"),
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
            (ProductFamily::AdditionalStorage, "stockage supplémentaire"),
            (
                ProductFamily::AdditionalStorage,
                "Stockage supplémentaire Google Workspace",
            ),
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
