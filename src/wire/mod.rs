//! Layer 4, wire. Wire formats: the JSON bodies Google's APIs take and return (feature `serde`).
//!
//! - [`reseller`]: a validated [`Customer`](crate::Customer) as the body of Reseller API v1
//!   `customers.insert` ([`reseller::CustomerBody`]), and the `Customer` resource that
//!   `customers.get` returns read back into an
//!   [`AccountSnapshot`](crate::lifecycle::AccountSnapshot) ([`reseller::CustomerResource`]).
//! - [`channel`]: a validated customer as the body of Cloud Channel API v1 `customers.create`
//!   ([`channel::CreateCustomerBody`]) and the `cloudIdentityInfo` of `provisionCloudIdentity`
//!   ([`channel::CloudIdentityInfo`]), and the `Customer` Google returns read back into an
//!   [`AccountSnapshot`](crate::lifecycle::AccountSnapshot) ([`channel::CustomerResource`]).
//! - The other requests of the onboarding journey: Channel's `checkCloudIdentityAccountsExist`,
//!   `provisionCloudIdentity`, `entitlements.create` and `customers.import` bodies and answers
//!   (in [`channel`]), and the Reseller API's `subscriptions.insert` body and the
//!   `Subscription` it returns ([`subscription`]). [`crate::journey`] says which one comes next.
//! - A Reseller transfer: `subscriptions.list` with the customer's transfer token and its
//!   bounded reader ([`subscription::list`]), and the `subscriptions.insert` body of each listed
//!   subscription, checked against its `transferInfo` ([`subscription::transfer`]).
//! - [`directory`]: the Admin SDK Directory API calls that give a domain customer created
//!   through the Reseller API its first super admin: the `users.insert` body
//!   ([`directory::AdminUserBody`], with its [`directory::AdminPassword`]), `users.makeAdmin`
//!   ([`directory::MakeAdminBody`]) and the `User` Google answers ([`directory::UserResource`]).
//! - [`Call`] and [`HttpMethod`]: each journey method by its discovery-document id.
//! - Validated identifiers that go into paths and bodies: [`CustomerName`], [`OperationName`],
//!   [`TransferToken`], [`RequestId`], [`PageToken`].
//! - [`Operation`] and [`Status`]: Google's long-running operation and error status.
//! - [`GoogleError`]: Google's error bodies, both formats ([`reseller::ErrorBody`],
//!   [`channel::ErrorBody`]), classified into the crate's diagnostic vocabulary, each with a
//!   stable code, the form field it concerns, and a message saying what to do next.
//!
//! Field names and enum spellings are Google's: camelCase fields, `customerType` `domain` /
//! `team` for the Reseller API and `DOMAIN` / `TEAM` for the Cloud Channel API. Absent optional
//! values are left out of the JSON, never sent as `null` or `""`.
//!
//! The bodies are built only from a [`Customer`](crate::Customer), so every value in them has
//! passed this crate's checks; deserialising a body runs each value through its parser again
//! (see the type docs for what is and is not re-checked). What Google returns is read
//! leniently: unknown fields are ignored, and [`reseller::CustomerResource::to_snapshot`]
//! checks each field and names the JSON path of the first bad one in a [`WireError`].
//!
//! This crate does no I/O and does not depend on `serde_json`: serialise with the serde format
//! of your HTTP client.
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::wire::{channel, reseller};
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let insert = serde_json::to_value(reseller::insert_body(&customer))?;
//! assert_eq!(insert["customerType"], "domain");
//! let create = serde_json::to_value(channel::create_body(&customer))?;
//! assert_eq!(create["orgDisplayName"], "Acme Widgets SAS");
//! let provision = serde_json::to_value(channel::CloudIdentityInfo::for_customer(&customer))?;
//! assert_eq!(provision["customerType"], "DOMAIN");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod call;
pub mod channel;
pub mod directory;
mod google_error;
mod ids;
mod operation;
mod read;
pub mod reseller;
mod status;
pub mod subscription;
mod success;

pub use call::{Call, HttpMethod};
pub use google_error::{Backoff, GoogleError, GoogleErrorKind, Retry};
pub(crate) use ids::percent_encode;
pub use ids::{
    CustomerName, IdError, IdKind, OperationName, PageToken, RequestId, SkuName, TransferToken,
};
pub use operation::Operation;
pub use read::{Fallback, WireError};
use read::{deserialize_domain, parse_domain};
pub use status::{
    BAD_REQUEST_TYPE, ERROR_INFO_TYPE, ErrorInfo, FieldViolation, MAX_DETAILS,
    MAX_FIELD_VIOLATIONS, MAX_METADATA, MAX_RETRY_DELAY, MAX_TEXT, RETRY_INFO_TYPE, Status,
};
pub use success::NotASuccess;
