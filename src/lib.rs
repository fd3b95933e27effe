//! Validate a Google Workspace reseller customer offline.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod error;

pub use error::{Diagnostic, Lang};

pub mod address;
pub mod country;
pub mod language;
pub mod phone;
pub mod product;

pub use address::{AddressError, AddressField, PostalAddress, RawPostalAddress};
pub use country::{CountryCode, CountryError};
pub use language::{LanguageCode, LanguageError};
pub use phone::{PhoneError, PhoneNumber};
pub use product::{
    Addon, Edition, ParseProductError, Product, ProductFamily, Sku, SkuError, SkuField, StorageSize,
};
