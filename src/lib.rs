//! Validate a Google Workspace reseller customer offline.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod error;

pub use error::{Diagnostic, Lang};
