//! Validate a Google Workspace reseller customer offline.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod address;
pub mod country;
pub mod customer;
pub mod domain;
pub mod eligibility;
pub mod email;
pub mod error;
pub mod form;
mod host;
pub mod language;
pub mod lifecycle;
pub mod phone;
pub mod product;
pub mod suffix;
#[cfg(feature = "serde")]
pub mod wire;

pub use address::{AddressError, AddressField, PostalAddress, RawPostalAddress};
pub use country::{CountryCode, CountryError};
pub use customer::{Customer, CustomerKind};
pub use domain::{DomainError, DomainRules, PrimaryDomain};
pub use email::{EmailAddress, EmailError, RuleError, RuleWarning};
pub use error::{Diagnostic, Lang, Severity};
pub use form::{OnboardingForm, Policy, Report, Violation};
pub use language::{LanguageCode, LanguageError};
pub use phone::{PhoneError, PhoneNumber};
pub use product::{
    Addon, Edition, ParseProductError, Product, ProductFamily, Sku, SkuError, SkuField, StorageSize,
};
pub use suffix::SuffixList;
#[cfg(feature = "serde")]
pub use wire::WireError;
