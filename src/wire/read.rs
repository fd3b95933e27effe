//! Layer 4, wire: what every reader of Google's answers shares: the read error
//! [`WireError`] with its [`Fallback`], and the lenient readers of the values Google holds
//! (domains checked with the embedded suffix list, address paths for error messages).

use std::sync::OnceLock;

use serde::Deserialize as _;

use crate::address::{AddressError, AddressField};
use crate::domain::{DomainError, DomainRules, PrimaryDomain};
use crate::email::EmailError;
use crate::error::{Diagnostic, Lang, Severity, snippet};
use crate::phone::PhoneError;

/// The rules a domain read back from Google is checked with: the embedded suffix list, names
/// under private suffixes and subdomains accepted (Google holds what it holds; a reseller's
/// stricter [`Policy`](crate::form::Policy) applies to new customers, not to existing ones).
fn lenient_rules() -> &'static DomainRules {
    static RULES: OnceLock<DomainRules> = OnceLock::new();
    RULES.get_or_init(|| {
        DomainRules::new()
            .allow_private_suffix(true)
            .allow_subdomain(true)
    })
}

/// Parses a domain with [`lenient_rules`].
pub(super) fn parse_domain(input: &str) -> Result<PrimaryDomain, DomainError> {
    PrimaryDomain::parse_with(input, lenient_rules())
}

/// Deserialises a [`PrimaryDomain`] with [`lenient_rules`], so that any domain a
/// [`Policy`](crate::form::Policy) accepted reads back.
pub(super) fn deserialize_domain<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<PrimaryDomain, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse_domain(&s).map_err(serde::de::Error::custom)
}

/// The JSON path of a postal address field in a Cloud Channel API `Customer`
/// (`orgPostalAddress`, a `google.type.PostalAddress`).
fn org_address_path(field: AddressField) -> &'static str {
    match field {
        AddressField::ContactName => "orgPostalAddress.recipients",
        AddressField::OrganizationName => "orgPostalAddress.organization",
        AddressField::AddressLine1 | AddressField::AddressLine2 | AddressField::AddressLine3 => {
            "orgPostalAddress.addressLines"
        }
        AddressField::Locality => "orgPostalAddress.locality",
        AddressField::Region => "orgPostalAddress.administrativeArea",
        AddressField::PostalCode => "orgPostalAddress.postalCode",
        AddressField::CountryCode => "orgPostalAddress.regionCode",
    }
}

/// A value read from Google that does not fit the model, with the JSON path of its field.
///
/// Returned by [`reseller::CustomerResource::to_snapshot`](crate::wire::reseller::CustomerResource::to_snapshot) (errors) and listed by
/// [`reseller::CustomerResource::warnings`](crate::wire::reseller::CustomerResource::warnings) (a phone number Google kept but this crate cannot
/// read, [`WireError::Phone`], whose [`Diagnostic::severity`] is a warning).
///
/// JSON that is not a `Customer` at all (a string where an object belongs, a missing or invalid
/// `customerId`) is refused earlier, by the serde format's own error.
///
/// ```
/// use gws_onboarding::wire::reseller::CustomerResource;
/// use gws_onboarding::{Lang, Diagnostic};
///
/// let json = r#"{"kind": "reseller#customer", "customerId": "C01abcd2e",
///                "customerDomain": "https://acme.fr"}"#;
/// let resource: CustomerResource = serde_json::from_str(json)?;
/// let err = resource.to_snapshot().unwrap_err();
/// assert_eq!(err.code(), "wire.domain");
/// assert_eq!(err.field(), "customerDomain");
/// assert!(err.message(Lang::Fr).starts_with("champ customerDomain : "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WireError {
    /// A required field is absent, `null` or blank (`customerDomain`).
    #[error("field {field} is missing or blank")]
    Missing {
        /// The JSON path of the field.
        field: &'static str,
    },
    /// `kind` names another resource than `reseller#customer` (a subscription read by mistake).
    #[error("field kind is \"{found}\", expected \"{expected}\"")]
    Kind {
        /// The `kind` found, escaped and cut.
        found: String,
        /// The `kind` expected.
        expected: &'static str,
    },
    /// A domain field is not a domain this crate accepts (even with lenient rules: private
    /// suffixes and subdomains allowed).
    #[error("field {field}: {source}")]
    Domain {
        /// The JSON path of the field.
        field: &'static str,
        /// Why the domain was refused.
        #[source]
        source: DomainError,
    },
    /// An email field is not a valid address.
    #[error("field {field}: {source}")]
    Email {
        /// The JSON path of the field (`alternateEmail`, `primaryAdmin.primaryEmail`).
        field: &'static str,
        /// Why the address was refused.
        #[source]
        source: EmailError,
    },
    /// The phone number is not in E.164 form. A warning only: Google silently ignores an
    /// invalid phone number, so it may hold one.
    #[error("field {field}: {source}")]
    Phone {
        /// The JSON path of the field (`phoneNumber`).
        field: &'static str,
        /// Why the number was refused.
        #[source]
        source: PhoneError,
    },
    /// A postal address field is missing or invalid (the first one, in form order).
    #[error("field {}: {source}", source.field().form_path())]
    Address {
        /// What is wrong with the field.
        #[source]
        source: AddressError,
    },
    /// A field of a Cloud Channel `orgPostalAddress` is missing or invalid (the first one, in
    /// form order); its path is Google's (`orgPostalAddress.regionCode`, …).
    #[error("field {}: {source}", org_address_path(source.field()))]
    OrgAddress {
        /// What is wrong with the field.
        #[source]
        source: AddressError,
    },
    /// A field Google may leave out is absent, so a value was taken elsewhere or left out of
    /// the comparison. A warning only (see [`channel::CustomerResource::warnings`](crate::wire::channel::CustomerResource::warnings)).
    #[error("field {field} is absent: {}", fallback.en())]
    Incomplete {
        /// The JSON path of the absent field.
        field: &'static str,
        /// What was done instead.
        fallback: Fallback,
    },
    /// The answer is not an error body of the API: it has no `error` object with a code, a
    /// status or a message (e.g. a `Customer` handed to the error reader).
    #[error(
        "the answer is not a {api} API error body: it has no \"error\" object with a code, a status or a message"
    )]
    NotAnError {
        /// `Reseller` or `Cloud Channel`.
        api: &'static str,
    },
}

/// What a reader did about a field Google left out ([`WireError::Incomplete`]).
///
/// ```
/// use gws_onboarding::wire::Fallback;
/// assert!(Fallback::AddressLeftOut.en().contains("left out"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fallback {
    /// `orgPostalAddress.organization` absent: the address is read with `orgDisplayName`.
    OrganizationFromDisplayName,
    /// `orgPostalAddress.recipients` absent: the address is read with the primary contact's
    /// name.
    ContactFromPrimaryContact,
    /// Nothing to fill the field with: the postal address is left out of the snapshot, so
    /// [`drift`](crate::lifecycle::drift) does not compare it.
    AddressLeftOut,
}

impl Fallback {
    /// What was done, in English.
    ///
    /// ```
    /// use gws_onboarding::wire::Fallback;
    /// assert_eq!(Fallback::OrganizationFromDisplayName.en(), "the organisation name is taken from orgDisplayName");
    /// ```
    #[must_use]
    pub const fn en(self) -> &'static str {
        match self {
            Fallback::OrganizationFromDisplayName => {
                "the organisation name is taken from orgDisplayName"
            }
            Fallback::ContactFromPrimaryContact => {
                "the contact name is taken from primaryContactInfo"
            }
            Fallback::AddressLeftOut => "the postal address is left out of the comparison",
        }
    }

    /// What was done, in French.
    ///
    /// ```
    /// use gws_onboarding::wire::Fallback;
    /// assert_eq!(Fallback::AddressLeftOut.fr(), "l'adresse postale n'est pas comparée");
    /// ```
    #[must_use]
    pub const fn fr(self) -> &'static str {
        match self {
            Fallback::OrganizationFromDisplayName => {
                "le nom de l'organisation est repris de orgDisplayName"
            }
            Fallback::ContactFromPrimaryContact => {
                "le nom du contact est repris de primaryContactInfo"
            }
            Fallback::AddressLeftOut => "l'adresse postale n'est pas comparée",
        }
    }
}

impl WireError {
    /// The stable machine code: `wire.missing`, `wire.kind`, `wire.domain`, `wire.email`,
    /// `wire.phone`, `wire.address`, `wire.incomplete` or `wire.not_an_error`. The code of the underlying error is that of its
    /// `source`.
    ///
    /// ```
    /// use gws_onboarding::wire::WireError;
    /// assert_eq!(WireError::Missing { field: "customerDomain" }.code(), "wire.missing");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            WireError::Missing { .. } => "wire.missing",
            WireError::Kind { .. } => "wire.kind",
            WireError::Domain { .. } => "wire.domain",
            WireError::Email { .. } => "wire.email",
            WireError::Phone { .. } => "wire.phone",
            WireError::Address { .. } | WireError::OrgAddress { .. } => "wire.address",
            WireError::Incomplete { .. } => "wire.incomplete",
            WireError::NotAnError { .. } => "wire.not_an_error",
        }
    }

    /// The JSON path of the field in error, e.g. `customerDomain` or `postalAddress.postalCode`.
    ///
    /// ```
    /// use gws_onboarding::wire::WireError;
    /// assert_eq!(WireError::Missing { field: "customerDomain" }.field(), "customerDomain");
    /// ```
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            WireError::Missing { field }
            | WireError::Domain { field, .. }
            | WireError::Email { field, .. }
            | WireError::Phone { field, .. }
            | WireError::Incomplete { field, .. } => field,
            WireError::Kind { .. } => "kind",
            WireError::Address { source } => source.field().form_path(),
            WireError::OrgAddress { source } => org_address_path(source.field()),
            WireError::NotAnError { .. } => "error",
        }
    }

    /// [`Severity::Warning`] for [`WireError::Phone`] and [`WireError::Incomplete`],
    /// [`Severity::Error`] otherwise.
    ///
    /// ```
    /// use gws_onboarding::{Severity, wire::WireError};
    /// assert_eq!(WireError::Missing { field: "customerDomain" }.severity(), Severity::Error);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            WireError::Phone { .. } | WireError::Incomplete { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang`; the English one is the [`Display`](std::fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::WireError};
    /// let err = WireError::Missing { field: "customerDomain" };
    /// assert_eq!(err.message(Lang::En), "field customerDomain is missing or blank");
    /// assert_eq!(err.message(Lang::Fr), "le champ customerDomain est absent ou vide");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                WireError::Missing { field } => format!("le champ {field} est absent ou vide"),
                WireError::Kind { found, expected } => {
                    format!("le champ kind vaut « {found} », attendu « {expected} »")
                }
                WireError::Domain { field, source } => {
                    format!("champ {field} : {}", source.message(Lang::Fr))
                }
                WireError::Email { field, source } => {
                    format!("champ {field} : {}", source.message(Lang::Fr))
                }
                WireError::Phone { field, source } => {
                    format!("champ {field} : {}", source.message(Lang::Fr))
                }
                WireError::Address { source } => format!(
                    "champ {} : {}",
                    source.field().form_path(),
                    source.message(Lang::Fr)
                ),
                WireError::OrgAddress { source } => format!(
                    "champ {} : {}",
                    org_address_path(source.field()),
                    source.message(Lang::Fr)
                ),
                WireError::Incomplete { field, fallback } => {
                    format!("le champ {field} est absent : {}", fallback.fr())
                }
                WireError::NotAnError { api } => format!(
                    "la réponse n'est pas une erreur de l'API {api} : elle n'a pas d'objet « error » avec un code, un statut ou un message"
                ),
            },
        }
    }

    /// A [`WireError::Kind`] for `found`.
    pub(super) fn kind(found: &str, expected: &'static str) -> WireError {
        WireError::Kind {
            found: snippet(found),
            expected,
        }
    }
}

impl Diagnostic for WireError {
    fn code(&self) -> &'static str {
        WireError::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        WireError::message(self, lang)
    }
    fn severity(&self) -> Severity {
        WireError::severity(self)
    }
}
