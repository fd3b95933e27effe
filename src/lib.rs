//! Validate a Google Workspace reseller customer offline, before Google answers `400`.
//!
//! A Google Workspace reseller adding a customer (Partner Sales Console, "Create customer")
//! types a primary domain, an admin address, a secondary address, an organisation and its postal
//! address. Every mistake among them — a pasted URL, `www.`, a public suffix, an
//! internationalized domain, a secondary address on the customer's own domain, a team customer
//! ordering a Business edition — would otherwise come back from the Reseller API or the Cloud
//! Channel API as a terse `400`. This crate catches each one locally, with a stable machine code
//! and a message in English or French, and turns a valid customer into those APIs' JSON bodies.
//!
//! # Tour
//!
//! - [`PrimaryDomain`] ([`domain`]): the customer's domain, normalised and checked against the
//!   embedded [Public Suffix List](suffix).
//! - [`EmailAddress`] ([`email`]): a plain mailbox, normalised to a canonical form, and the rules
//!   between addresses and the primary domain ([`email::check_secondary_email`], …).
//! - [`customer`]: [`CustomerKind`] (domain or team customer), names, education data and the
//!   validated [`Customer`]; [`product`]: editions and SKUs; [`address`], [`country`],
//!   [`phone`], [`language`]: the small validated values a customer is made of.
//! - [`eligibility`]: the onboarding preconditions and what a customer may order.
//! - [`order`]: the new customer's first [`Order`] (product, seats, [`Plan`], purchase order
//!   number, deal code, Channel offer), checked with the form's optional `order` object.
//! - [`form`]: the console's raw form in, a [`Customer`] or a [`Report`] of **every** violation
//!   out.
//! - [`lifecycle`]: after creation — subscription status, reseller access, drift between your
//!   record and Google's, display labels.
//! - `wire` (feature `serde`): Reseller API v1 and Cloud Channel API v1 JSON bodies.
//! - `journey` (feature `serde`): every Google call after the form, on either API, as a
//!   sans-I/O state machine you drive with your own HTTP client, and the plan of those calls.
//! - `persist` (feature `serde`): saving a [`Customer`], a [`Report`], an [`AccountSnapshot`],
//!   a [`CustomerRecord`] or a [`Drift`], and reloading it checked again, with the default
//!   [`Policy`] or your own (`persist::PolicySeed`).
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::Lang;
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.domain = "https://www.acme-widgets.fr/".into();
//! form.secondary_email = Some("it@acme-widgets.fr".into());
//!
//! match form::validate(&form, &Policy::default()) {
//!     Ok(customer) => println!("create {}", customer.domain()),
//!     Err(report) => {
//!         for v in &report {
//!             println!("{}: [{}] {}", v.field(), v.code(), v.message(Lang::Fr));
//!         }
//!         assert_eq!(report.codes().collect::<Vec<_>>(), ["domain.url"]);
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Scope
//!
//! Pure types and functions: no I/O, no network, no clock, no mutable global state (the
//! embedded suffix list is a static table built at compile time). What cannot be known offline is out of scope: whether the customer owns
//! the domain, whether it is already a Google customer (the API answers `409`), whether a
//! mailbox exists, whether you may resell in a country (restrict countries with
//! [`Policy::allowed_countries`](form::Policy::allowed_countries)).
//!
//! Where the Partner Sales Console help article *Ajouter un client Google Workspace* (Add a
//! Google Workspace customer) and other Google pages disagree, the help article wins: reseller
//! access to a new customer's Admin console is disabled by default.
//!
//! # Safety of messages
//!
//! Errors that repeat user input escape control, bidi-override and invisible characters and cut
//! the input to 64 characters, so a message can go to a log or a web page as it is. Over-long
//! input is refused by its length before it is read: a 10 MB string costs no more than a short
//! one.
//!
//! # Crate features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every validated type, always through its
//!   checked constructor, the serde form of [`OnboardingForm`], the `wire` module, and the
//!   `persist` module: [`Customer`], [`Report`], [`AccountSnapshot`], [`CustomerRecord`] and
//!   [`Drift`] saved as camelCase JSON and reloaded checked again.
//! - `proptest`: `strategy`, generators of valid and near-miss values for your own property
//!   tests.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

// The modules, by layer, from the bottom up: each uses only the layers below it (and a few
// neighbours of its own layer, listed in scripts/check-layers.py); ARCHITECTURE.md is the map.

// 1. base: codes, `Lang`, safe snippets, the `Diagnostic` trait, name matching, the shared report.
pub mod error; // codes, `Lang`, `Severity`, the `Diagnostic` trait, safe snippets
mod names; // names as people type them; `UnknownValue`, `Suggestions`
pub mod report; // the shared `Report`/`Violation` that the form, Google's errors and the journey produce
mod surface; // the string traits of validated text newtypes

// 2. values: each a validated value with its own error type.
pub mod address; // the postal address
pub mod country; // ISO 3166-1 country codes
pub mod domain; // the primary domain
pub mod email; // mailboxes and the rules between addresses and the domain
mod host; // host-label rules shared by domains, addresses and websites
pub mod language; // BCP 47 language tags
pub mod phone; // phone numbers
pub mod product;
pub mod suffix; // the embedded Public Suffix List // editions, add-ons, SKUs: the product catalogue

// 3. customer: the customer, its order, and eligibility (what it may buy).
pub mod customer;
pub use customer::{eligibility, order};

// 4. side by side, knowing nothing of each other (wire may read into lifecycle types).
pub mod form; // the console's raw form in, a `Customer` or a `Report` out
pub mod lifecycle; // after creation: status, reseller access, drift, display labels
#[cfg(feature = "serde")]
pub mod wire; // Google's JSON, both ways: requests, answers, errors

// 5. the journey: every Google call after the form, on wire and customer.
#[cfg(feature = "serde")]
pub mod journey;

// 6. persist: saving and reloading, checked again.
#[cfg(feature = "serde")]
pub mod persist;

// 7. strategy: proptest generators, used by no shipping code.
#[cfg(feature = "proptest")]
pub mod strategy;

pub use address::{AddressError, AddressField, PostalAddress, RawPostalAddress};
pub use country::{CountryCode, CountryError};
pub use customer::{Customer, CustomerKind};
pub use domain::{DomainError, DomainRules, PrimaryDomain};
pub use eligibility::{AccountState, OrderRefusal};
pub use email::{EmailAddress, EmailError, RuleError, RuleWarning};
pub use error::{Diagnostic, Lang, Severity};
pub use form::{OnboardingForm, Policy};
pub use language::{LanguageCode, LanguageError};
pub use lifecycle::{
    AccountSnapshot, Change, CustomerRecord, Drift, ListedCustomer, ResellerAccess,
    SubscriptionStatus,
};
pub use order::{Order, Plan};
pub use phone::{PhoneError, PhoneNumber};
pub use product::{
    Addon, Edition, ParseProductError, Product, ProductFamily, Sku, SkuError, SkuField, StorageSize,
};
pub use report::{Report, Violation};
pub use suffix::SuffixList;
#[cfg(feature = "serde")]
pub use wire::WireError;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
