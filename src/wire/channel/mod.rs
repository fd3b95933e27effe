//! Layer 4, wire. Cloud Channel API v1 `Customer` (`google.cloud.channel.v1.Customer`): the body of
//! `customers.create`, the `cloudIdentityInfo` of `provisionCloudIdentity`, the `Customer`
//! Google returns, and the API's error body.
//!
//! The HTTP body of `POST v1/{parent=accounts/*}/customers` **is** the `Customer` resource, so
//! [`CreateCustomerBody`] is that resource's JSON (proto3 JSON mapping: camelCase fields, enum
//! names as strings, unset fields left out).
//!
//! # What is sent
//!
//! | JSON field | From the [`Customer`](crate::customer::Customer) |
//! |---|---|
//! | `orgDisplayName` | [`Customer::organization_name`](crate::customer::Customer::organization_name) |
//! | `orgPostalAddress` | [`Customer::postal_address`](crate::customer::Customer::postal_address) as a `google.type.PostalAddress` (below) |
//! | `primaryContactInfo` | the admin: `firstName`, `lastName`, `email`, and `phone` from [`Customer::phone_number`](crate::customer::Customer::phone_number) |
//! | `alternateEmail` | [`Customer::secondary_email`](crate::customer::Customer::secondary_email), when given (optional for team customers) |
//! | `domain` | [`Customer::domain`](crate::customer::Customer::domain): for a team, the domain of the admin's address, as the API requires |
//! | `languageCode` | [`Customer::language_code`](crate::customer::Customer::language_code) (BCP-47), when given |
//! | `correlationId` | [`Customer::crm_id`](crate::customer::Customer::crm_id), when given |
//!
//! Output-only fields (`name`, `createTime`, `updateTime`, `cloudIdentityId` and
//! **`cloudIdentityInfo`**, customers.proto:97-100) are never sent: Google ignores them in a
//! request without error, so a customer type or `eduData` put there would be silently lost.
//! The customer type and education data go to `provisionCloudIdentity`, whose
//! `cloudIdentityInfo` is [`CloudIdentityInfo::for_customer`]. Partner fields
//! (`channelPartnerId`, `customerAttestationState`) are not sent either. The test
//! `tests/wire.rs` checks every key of these bodies against the proto's `field_behavior`
//! (`tests/data/proto/`).
//!
//! # What is read
//!
//! [`CustomerResource`] reads the `Customer` Google returns (from `customers.get`, the
//! `customers.create` answer or a finished `provisionCloudIdentity` operation) leniently, into
//! the same [`AccountSnapshot`](crate::lifecycle::AccountSnapshot) as the Reseller reader, for
//! [`lifecycle::drift`](crate::lifecycle::drift).
//!
//! The postal address maps to `google.type.PostalAddress` as `regionCode` (the country code),
//! `postalCode`, `administrativeArea` (the region), `locality`, `addressLines` (one to three),
//! `recipients` (the contact name) and `organization`. Its `languageCode` (the language the
//! address is written in) is not known and not sent. `addressLines` is a list: a third address
//! line given without a second is sent, and read back, as the second.
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::wire::channel;
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let body = serde_json::to_value(channel::create_body(&customer))?;
//! assert_eq!(body["orgDisplayName"], "Acme Widgets SAS");
//! assert_eq!(body["orgPostalAddress"]["regionCode"], "FR");
//! assert_eq!(body["orgPostalAddress"]["addressLines"][0], "12 rue de la Paix");
//! assert_eq!(body["primaryContactInfo"]["email"], "jeanne.martin@acme-widgets.fr");
//! assert!(body.get("cloudIdentityInfo").is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod requests;
pub use requests::*;

pub use super::google_error::ChannelErrorBody as ErrorBody;

mod body;
mod customers;
mod entitlements;
mod offers;
mod resource;
mod transfer;

pub use customers::{
    CUSTOMERS_PAGE_SIZE, CustomerPage, ListedCustomer, cloud_identity_filter, domain_filter,
};
pub use entitlements::{ENTITLEMENTS_PAGE_SIZE, EntitlementPage, ListedEntitlement};
pub use offers::{ChannelSku, ListedOffer, MAX_LISTED, OfferPage, OfferPlan, PeriodUnit, SkuPage};
pub use transfer::{
    ListTransferableOffersBody, ListTransferableSkusBody, PAGE_SIZE, TransferEntitlementsBody,
    TransferItem, TransferableSku, TransferableSkuPage,
};

pub use body::{CloudIdentityInfo, ContactInfo, CreateCustomerBody, create_body};
pub use resource::CustomerResource;
