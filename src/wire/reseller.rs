//! Layer 4, wire. Reseller API v1 `Customer` (`reseller#customer`): the `customers.insert` body, and the
//! resource `customers.get` returns.
//!
//! # What is sent
//!
//! | JSON field | From the [`Customer`] | Sent for |
//! |---|---|---|
//! | `kind` | always `reseller#customer` | both kinds |
//! | `customerDomain` | [`Customer::domain`] (for a team, the admin's address domain) | both |
//! | `customerType` | `domain` or `team` | both |
//! | `alternateEmail` | [`Customer::secondary_email`] | domain (required); team when given |
//! | `phoneNumber` | [`Customer::phone_number`], E.164 | when given |
//! | `postalAddress` | [`Customer::postal_address`] (`customers#address`) | both |
//! | `primaryAdmin.primaryEmail` | the admin's address | **team customers only** |
//!
//! `primaryAdmin.primaryEmail` is the team admin's business address, where Google sends the
//! verification link; the Reseller API documents it for team customers only, so it is left out
//! of a domain customer's body (a domain customer's super admin is not part of the Reseller API
//! `Customer`; the Cloud Channel body carries it as `primaryContactInfo`).
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::wire::reseller;
//!
//! let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
//! let body = serde_json::to_value(reseller::insert_body(&team))?;
//! assert_eq!(body["customerType"], "team");
//! assert_eq!(body["customerDomain"], "studio-nord.de");
//! assert_eq!(body["primaryAdmin"]["primaryEmail"], "sam.keller@studio-nord.de");
//! assert!(body.get("alternateEmail").is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

pub use super::google_error::{ResellerErrorBody as ErrorBody, ResellerErrorItem as ErrorItem};
use super::{WireError, deserialize_domain, parse_domain};
use crate::address::{PostalAddress, RawPostalAddress};
use crate::customer::{CloudIdentityId, Customer, CustomerKind};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::lifecycle::AccountSnapshot;
use crate::phone::PhoneNumber;

/// The `kind` of a Reseller API customer resource.
///
/// ```
/// assert_eq!(gws_onboarding::wire::reseller::KIND, "reseller#customer");
/// ```
pub const KIND: &str = "reseller#customer";

/// The Reseller API spelling of `customerType` for an unknown type.
const UNSPECIFIED: &str = "customerTypeUnspecified";

/// `kind`: always [`KIND`]; absent reads as [`KIND`], anything else is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Kind;

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(KIND)
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        if s == KIND {
            Ok(Kind)
        } else {
            Err(serde::de::Error::custom(WireError::kind(&s, KIND)))
        }
    }
}

/// `customerType` as the Reseller API spells it: exactly `domain` or `team`.
mod customer_type {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::customer::CustomerKind;

    #[allow(clippy::trivially_copy_pass_by_ref)] // the signature serde's `with` requires
    pub(super) fn serialize<S: Serializer>(
        kind: &CustomerKind,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(kind.as_str())
    }

    /// `domain`, `team`, or `None` for `customerTypeUnspecified`.
    pub(super) fn parse<E: serde::de::Error>(s: &str) -> Result<Option<CustomerKind>, E> {
        match s {
            "domain" => Ok(Some(CustomerKind::Domain)),
            "team" => Ok(Some(CustomerKind::Team)),
            super::UNSPECIFIED => Ok(None),
            other => Err(E::custom(format_args!(
                "unknown customerType \"{}\": expected domain, team or {}",
                crate::error::snippet(other),
                super::UNSPECIFIED
            ))),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<CustomerKind, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse(&s)?.ok_or_else(|| {
            serde::de::Error::custom("customerType customerTypeUnspecified cannot be inserted")
        })
    }

    /// For a resource read back: absent, `null` and `customerTypeUnspecified` are `None`.
    pub(super) mod optional {
        use serde::{Deserialize, Deserializer, Serializer};

        use crate::customer::CustomerKind;

        #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde's `with` signature
        pub(in super::super) fn serialize<S: Serializer>(
            kind: &Option<CustomerKind>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match kind {
                Some(kind) => serializer.serialize_str(kind.as_str()),
                None => serializer.serialize_none(),
            }
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<CustomerKind>, D::Error> {
            match <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? {
                Some(s) => super::parse(&s),
                None => Ok(None),
            }
        }
    }
}

/// `primaryAdmin` of a body: the team admin's address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PrimaryAdmin {
    primary_email: EmailAddress,
}

/// The JSON body of Reseller API v1 `customers.insert`, built from a valid [`Customer`].
///
/// Serialises to exactly the fields listed in the [module docs](self), camelCase, absent
/// optional fields left out. Deserialising runs every value through its parser (the domain
/// with lenient rules: private suffixes and subdomains allowed, so any body built here reads
/// back); the rules between fields (alternate address outside the primary domain, admin of a
/// team customer) are those of the [`Customer`] it was built from and are not checked again.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::reseller::CustomerBody;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = CustomerBody::from(&customer);
/// let json = serde_json::to_string(&body)?;
/// assert!(json.contains(r#""kind":"reseller#customer""#));
/// assert!(!json.contains("primaryAdmin"));
/// assert_eq!(serde_json::from_str::<CustomerBody>(&json)?, body);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerBody {
    #[serde(default)]
    kind: Kind,
    #[serde(deserialize_with = "deserialize_domain")]
    customer_domain: PrimaryDomain,
    #[serde(with = "customer_type")]
    customer_type: CustomerKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate_email: Option<EmailAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<PhoneNumber>,
    postal_address: PostalAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    primary_admin: Option<PrimaryAdmin>,
}

/// The body of `customers.insert` for `customer`; the same as [`CustomerBody::from`].
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::reseller;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = reseller::insert_body(&customer);
/// assert_eq!(body.customer_domain().as_str(), "acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn insert_body(customer: &Customer) -> CustomerBody {
    CustomerBody::from(customer)
}

impl From<&Customer> for CustomerBody {
    fn from(customer: &Customer) -> Self {
        let kind = customer.kind();
        CustomerBody {
            kind: Kind,
            customer_domain: customer.domain().clone(),
            customer_type: kind,
            alternate_email: customer.secondary_email().cloned(),
            phone_number: customer.phone_number().cloned(),
            postal_address: customer.postal_address().clone(),
            primary_admin: (kind == CustomerKind::Team).then(|| PrimaryAdmin {
                primary_email: customer.admin().email().clone(),
            }),
        }
    }
}

impl CustomerBody {
    /// `customerDomain`: the primary domain (for a team, its admin's address domain).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(reseller::insert_body(&team).customer_domain().as_str(), "studio-nord.de");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_domain(&self) -> &PrimaryDomain {
        &self.customer_domain
    }

    /// `customerType`: `domain` or `team`.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// use gws_onboarding::CustomerKind;
    /// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(reseller::insert_body(&team).customer_type(), CustomerKind::Team);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> CustomerKind {
        self.customer_type
    }

    /// `alternateEmail`: the secondary address (always there for a domain customer).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = reseller::insert_body(&c);
    /// assert_eq!(body.alternate_email().map(|e| e.as_str()), Some("it-support@reseller-example.de"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn alternate_email(&self) -> Option<&EmailAddress> {
        self.alternate_email.as_ref()
    }

    /// `phoneNumber`, in E.164 form, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(reseller::insert_body(&c).phone_number().map(|p| p.as_str()), Some("+33142685300"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone_number(&self) -> Option<&PhoneNumber> {
        self.phone_number.as_ref()
    }

    /// `postalAddress` (`customers#address`).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(reseller::insert_body(&c).postal_address().postal_code(), "75002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn postal_address(&self) -> &PostalAddress {
        &self.postal_address
    }

    /// `primaryAdmin.primaryEmail`: the team admin's address; `None` for a domain customer.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::reseller;
    /// let domain = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(reseller::insert_body(&domain).primary_admin_email().is_none());
    /// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(reseller::insert_body(&team).primary_admin_email().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn primary_admin_email(&self) -> Option<&EmailAddress> {
        self.primary_admin.as_ref().map(|a| &a.primary_email)
    }
}

/// `primaryAdmin` as Google returns it; other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawPrimaryAdmin {
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_email: Option<String>,
}

/// A Reseller API `Customer` resource as `customers.get` returns it, read leniently.
///
/// Deserialising checks only the JSON types and Google's `customerId` (required, a valid
/// [`CloudIdentityId`]); fields this type does not know are ignored, so new fields Google adds
/// do not break reading. The values that can drift from the reseller's record are checked by
/// [`to_snapshot`](Self::to_snapshot):
///
/// - `kind`, when present, must be `reseller#customer`;
/// - `customerDomain` is required and parsed with lenient domain rules (names under private
///   suffixes and subdomains accepted: Google holds what it holds);
/// - `alternateEmail`, `primaryAdmin.primaryEmail` and `postalAddress` are parsed when present
///   and not blank;
/// - `phoneNumber`: Google silently ignores an invalid phone number on insert, so it may hold
///   one. An unparsable number is **left out** of the snapshot, not an error; it is reported
///   by [`warnings`](Self::warnings).
///
/// Serialising writes the fields read (unknown ones are gone, `customerTypeUnspecified`
/// becomes absent).
///
/// ```
/// use gws_onboarding::wire::reseller::CustomerResource;
///
/// let resource: CustomerResource = serde_json::from_str(r#"{
///     "kind": "reseller#customer",
///     "customerId": "C01abcd2e",
///     "customerDomain": "acme-widgets.fr",
///     "customerType": "domain",
///     "alternateEmail": "it-support@reseller-example.de",
///     "phoneNumber": "+33 1 42 68 53 00",
///     "customerDomainVerified": true,
///     "resourceUiUrl": "https://admin.google.com/ac/home?source=reseller",
///     "someFutureField": {"x": 1}
/// }"#)?;
/// let snapshot = resource.to_snapshot()?;
/// assert_eq!(snapshot.domain().as_str(), "acme-widgets.fr");
/// assert_eq!(snapshot.phone().map(|p| p.as_str()), Some("+33142685300"));
/// assert_eq!(resource.customer_id().as_str(), "C01abcd2e");
/// assert_eq!(resource.domain_verified(), Some(true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerResource {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    customer_id: CloudIdentityId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    customer_domain: Option<String>,
    #[serde(
        default,
        with = "customer_type::optional",
        skip_serializing_if = "Option::is_none"
    )]
    customer_type: Option<CustomerKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    postal_address: Option<RawPostalAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    primary_admin: Option<RawPrimaryAdmin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resource_ui_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    customer_domain_verified: Option<bool>,
}

/// `Some(trimmed)` unless absent or blank.
fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl CustomerResource {
    /// `customerId`: Google's id of the customer (its Cloud Identity id).
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"customerId": "C03xyz"}"#)?;
    /// assert_eq!(r.customer_id().as_str(), "C03xyz");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_id(&self) -> &CloudIdentityId {
        &self.customer_id
    }

    /// `customerDomain`, as Google gave it.
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"customerId": "C1", "customerDomain": "acme-widgets.fr"}"#)?;
    /// assert_eq!(r.customer_domain(), Some("acme-widgets.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_domain(&self) -> Option<&str> {
        non_blank(self.customer_domain.as_deref())
    }

    /// Whether the answer is the short one Google gives for a customer that Google or
    /// another reseller manages: only `customerId`, `customerDomain` and `customerType` (and
    /// `kind`), none of the details a reseller reads of its own customers (Reseller API,
    /// "Retrieve customers": "If the customer is managed by Google or another reseller, only
    /// customerId, customerDomain, and customerType are returned"). Such a customer is not
    /// yours: it can only be transferred.
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    /// let elsewhere: CustomerResource = serde_json::from_str(
    ///     r#"{"kind": "reseller#customer", "customerId": "C1", "customerDomain": "acme-widgets.fr", "customerType": "domain"}"#)?;
    /// assert!(elsewhere.is_managed_elsewhere());
    /// let mine: CustomerResource = serde_json::from_str(
    ///     r#"{"customerId": "C1", "customerDomain": "acme-widgets.fr", "alternateEmail": "it@example.com"}"#)?;
    /// assert!(!mine.is_managed_elsewhere());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_managed_elsewhere(&self) -> bool {
        self.alternate_email.is_none()
            && self.phone_number.is_none()
            && self.postal_address.is_none()
            && self.primary_admin.is_none()
            && self.resource_ui_url.is_none()
            && self.customer_domain_verified.is_none()
    }

    /// `customerDomainVerified`; `None` when Google left it out.
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"customerId": "C03xyz"}"#)?;
    /// assert_eq!(r.domain_verified(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain_verified(&self) -> Option<bool> {
        self.customer_domain_verified
    }

    /// `resourceUiUrl`: the customer's page in the Admin console, as Google gave it.
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"customerId": "C03xyz", "resourceUiUrl": "https://admin.google.com/"}"#)?;
    /// assert_eq!(r.resource_ui_url(), Some("https://admin.google.com/"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn resource_ui_url(&self) -> Option<&str> {
        self.resource_ui_url.as_deref()
    }

    /// `customerType`: `None` when absent or `customerTypeUnspecified`. Another value is
    /// refused when deserialising.
    ///
    /// ```
    /// use gws_onboarding::{CustomerKind, wire::reseller::CustomerResource};
    /// let r: CustomerResource = serde_json::from_str(r#"{"customerId": "C1", "customerType": "team"}"#)?;
    /// assert_eq!(r.customer_type(), Some(CustomerKind::Team));
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"customerId": "C1", "customerType": "customerTypeUnspecified"}"#)?;
    /// assert_eq!(r.customer_type(), None);
    /// assert!(serde_json::from_str::<CustomerResource>(r#"{"customerId": "C1", "customerType": "TEAM"}"#).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> Option<CustomerKind> {
        self.customer_type
    }

    /// What Google holds that can drift from the reseller's record: domain, postal address,
    /// team admin's address (`primaryAdmin.primaryEmail`; Google returns it for team customers
    /// only), alternate address and phone number.
    ///
    /// # Errors
    ///
    /// The first bad field, in this order: [`WireError::Kind`] for `"kind":
    /// "reseller#subscription"`; [`WireError::Missing`] for an absent or blank
    /// `customerDomain`; [`WireError::Domain`] for `"customerDomain": "https://acme.fr"`;
    /// [`WireError::Address`] for a `postalAddress` without `postalCode`;
    /// [`WireError::Email`] for `"alternateEmail": "it"` or a bad
    /// `primaryAdmin.primaryEmail`. An unparsable `phoneNumber` is not an error (see
    /// [`warnings`](Self::warnings)).
    ///
    /// ```
    /// use gws_onboarding::wire::reseller::CustomerResource;
    ///
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"customerId": "C1", "customerDomain": "acme.fr", "phoneNumber": "01 23"}"#)?;
    /// let snapshot = r.to_snapshot()?;
    /// assert!(snapshot.phone().is_none());
    ///
    /// let r: CustomerResource = serde_json::from_str(r#"{"customerId": "C1"}"#)?;
    /// assert_eq!(r.to_snapshot().unwrap_err().to_string(), "field customerDomain is missing or blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_snapshot(&self) -> Result<AccountSnapshot, WireError> {
        if let Some(kind) = self.kind.as_deref().filter(|k| *k != KIND) {
            return Err(WireError::kind(kind, KIND));
        }
        let field = "customerDomain";
        let domain =
            non_blank(self.customer_domain.as_deref()).ok_or(WireError::Missing { field })?;
        let domain = parse_domain(domain).map_err(|source| WireError::Domain { field, source })?;
        let mut snapshot = AccountSnapshot::new(domain);
        if let Some(raw) = &self.postal_address {
            let address =
                PostalAddress::new(raw).map_err(|source| WireError::Address { source })?;
            snapshot = snapshot.with_postal_address(address);
        }
        let admin = self
            .primary_admin
            .as_ref()
            .and_then(|a| a.primary_email.as_deref());
        if let Some(admin) = email("primaryAdmin.primaryEmail", admin)? {
            snapshot = snapshot.with_admin_email(admin);
        }
        if let Some(alternate) = email("alternateEmail", self.alternate_email.as_deref())? {
            snapshot = snapshot.with_alternate_email(alternate);
        }
        if let Some(Ok(phone)) = self.phone() {
            snapshot = snapshot.with_phone(phone);
        }
        Ok(snapshot)
    }

    /// What [`to_snapshot`](Self::to_snapshot) leaves out rather than fails on: a
    /// `phoneNumber` that is not in E.164 form ([`WireError::Phone`], a warning).
    ///
    /// ```
    /// use gws_onboarding::{Severity, wire::reseller::CustomerResource};
    ///
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"customerId": "C1", "customerDomain": "acme.fr", "phoneNumber": "01 23 45 67 89"}"#)?;
    /// let warnings = r.warnings();
    /// assert_eq!(warnings.len(), 1);
    /// assert_eq!(warnings[0].code(), "wire.phone");
    /// assert_eq!(warnings[0].field(), "phoneNumber");
    /// assert_eq!(warnings[0].severity(), Severity::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> Vec<WireError> {
        self.phone()
            .and_then(Result::err)
            .map(|source| WireError::Phone {
                field: "phoneNumber",
                source,
            })
            .into_iter()
            .collect()
    }

    /// The phone number when present and not blank, parsed.
    fn phone(&self) -> Option<Result<PhoneNumber, crate::phone::PhoneError>> {
        non_blank(self.phone_number.as_deref()).map(PhoneNumber::parse)
    }
}

/// Parses an optional email field; blank is absent.
fn email(field: &'static str, value: Option<&str>) -> Result<Option<EmailAddress>, WireError> {
    non_blank(value)
        .map(|v| EmailAddress::parse(v).map_err(|source| WireError::Email { field, source }))
        .transpose()
}
