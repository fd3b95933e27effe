//! Validate a Google Workspace reseller customer offline.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod domain;
pub mod email;
pub mod error;
mod host;
pub mod suffix;

pub use domain::{DomainError, DomainRules, PrimaryDomain};
pub use email::{EmailAddress, EmailError, RuleError, RuleWarning};
pub use error::{Diagnostic, Lang, Severity};
pub use suffix::SuffixList;
