//! Layer 4, wire: the customer as the Channel API answers it: [`CustomerResource`], read leniently.

use crate::address::{PostalAddress, RawPostalAddress};
use crate::customer::{CustomerKind, Education, InstituteSize, InstituteType, Website};
use crate::email::EmailAddress;
use crate::lifecycle::AccountSnapshot;
use crate::phone::PhoneNumber;
use crate::wire::success::{NotASuccess, present};
use crate::wire::{Fallback, WireError, parse_domain};
use serde::{Deserialize, Serialize};

/// `google.type.PostalAddress` as Google returns it; other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct RawGoogleAddress {
    #[serde(skip_serializing_if = "Option::is_none")]
    region_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    administrative_area: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_lines: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipients: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<String>,
}

/// `ContactInfo` as Google returns it; other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct RawContactInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
}

/// `EduData` as Google returns it: enum values as strings, unknown ones kept as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct RawEduData {
    #[serde(skip_serializing_if = "Option::is_none")]
    institute_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    institute_size: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
}

/// `CloudIdentityInfo` as Google returns it (inputs and outputs); other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct RawCloudIdentityInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_domain_verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_console_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edu_data: Option<RawEduData>,
}

/// A Cloud Channel API `Customer` as Google returns it (`customers.get`, the
/// `customers.create` and `customers.import` answers, the response of a finished
/// `provisionCloudIdentity` operation), read leniently.
///
/// Deserialising checks only JSON types: every field may be absent, fields this type does not
/// know are ignored, and enum values are kept as text, so `*_UNSPECIFIED` and values Google
/// adds later read fine. A customer read before provisioning has no `cloudIdentityInfo` and
/// no `cloudIdentityId`; one read back may lack `primaryContactInfo`, and its
/// `orgPostalAddress` may lack `recipients` or `organization`.
///
/// [`to_snapshot`](Self::to_snapshot) gives the same
/// [`AccountSnapshot`] as [`reseller::CustomerResource::to_snapshot`](crate::wire::reseller::CustomerResource::to_snapshot),
/// for [`lifecycle::drift`](crate::lifecycle::drift):
///
/// | Snapshot | From |
/// |---|---|
/// | domain | `domain` (else `cloudIdentityInfo.primaryDomain`), required |
/// | postal address | `orgPostalAddress`; absent `organization` is read as `orgDisplayName`, absent `recipients` as the primary contact's name (warnings) |
/// | admin email | `primaryContactInfo.email` |
/// | alternate email | `alternateEmail` (else `cloudIdentityInfo.alternateEmail`) |
/// | phone | `cloudIdentityInfo.phoneNumber` (else `primaryContactInfo.phone`); an unreadable number is left out with a warning |
///
/// Serialising writes the fields read (unknown ones are gone).
///
/// ```
/// use gws_onboarding::wire::channel::CustomerResource;
/// use gws_onboarding::CustomerKind;
///
/// let resource: CustomerResource = serde_json::from_str(r#"{
///     "name": "accounts/C01ab2cd3/customers/S2ab3cd4ef5",
///     "orgDisplayName": "Acme Widgets SAS",
///     "orgPostalAddress": {"regionCode": "FR", "postalCode": "75002", "locality": "Paris",
///                          "addressLines": ["12 rue de la Paix"], "recipients": ["Jeanne Martin"],
///                          "organization": "Acme Widgets SAS"},
///     "primaryContactInfo": {"firstName": "Jeanne", "lastName": "Martin",
///                            "displayName": "Jeanne Martin", "email": "jeanne.martin@acme-widgets.fr"},
///     "alternateEmail": "it-support@reseller-example.de",
///     "domain": "acme-widgets.fr",
///     "createTime": "2026-11-26T01:02:03.456Z",
///     "cloudIdentityId": "C03abc4de",
///     "cloudIdentityInfo": {"customerType": "DOMAIN", "primaryDomain": "acme-widgets.fr",
///                           "adminConsoleUri": "https://admin.google.com"},
///     "someFutureField": true
/// }"#)?;
/// assert_eq!(resource.name(), Some("accounts/C01ab2cd3/customers/S2ab3cd4ef5"));
/// assert_eq!(resource.cloud_identity_id(), Some("C03abc4de"));
/// assert_eq!(resource.customer_type(), Some(CustomerKind::Domain));
/// let snapshot = resource.to_snapshot()?;
/// assert_eq!(snapshot.domain().as_str(), "acme-widgets.fr");
/// assert_eq!(snapshot.admin_email().map(|e| e.as_str()), Some("jeanne.martin@acme-widgets.fr"));
/// assert!(resource.warnings().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Google's error body, or an object with none of these fields, is refused
/// ([`NotASuccess`](crate::wire::NotASuccess)):
///
/// ```
/// use gws_onboarding::wire::channel::CustomerResource;
/// assert!(serde_json::from_str::<CustomerResource>("{}").is_err());
/// assert!(serde_json::from_str::<CustomerResource>(r#"{"error": {"code": 403}}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct CustomerResource {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_postal_address: Option<RawGoogleAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_contact_info: Option<RawContactInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    update_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_identity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cloud_identity_info: Option<RawCloudIdentityInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel_partner_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    correlation_id: Option<String>,
    /// A top-level `error`: the JSON is an error body.
    #[serde(rename = "error", deserialize_with = "present", skip_serializing)]
    error_body: bool,
}

impl Serialize for CustomerResource {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CustomerResource::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for CustomerResource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = CustomerResource::deserialize(deserializer)?;
        let empty = found == CustomerResource::default();
        NotASuccess::check("a Cloud Channel Customer", found.error_body, empty)?;
        Ok(found)
    }
}

/// `Some(trimmed)` unless absent or blank.
pub(super) fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl CustomerResource {
    /// `name`: `accounts/{account}/customers/{customer}`, the resource the next calls use.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"name": "accounts/A1/customers/C1"}"#)?;
    /// assert_eq!(r.name(), Some("accounts/A1/customers/C1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        non_blank(self.name.as_deref())
    }

    /// `domain`: the customer's primary domain, as Google gave it.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"domain": "acme-widgets.fr"}"#)?;
    /// assert_eq!(r.domain(), Some("acme-widgets.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> Option<&str> {
        non_blank(self.domain.as_deref())
    }

    /// `cloudIdentityId`: the customer's Cloud Identity id, once provisioned.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"name": "accounts/A1/customers/C1"}"#)?;
    /// assert_eq!(r.cloud_identity_id(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cloud_identity_id(&self) -> Option<&str> {
        non_blank(self.cloud_identity_id.as_deref())
    }

    /// `orgDisplayName`, when given.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(r#"{"orgDisplayName": "Acme"}"#)?;
    /// assert_eq!(r.org_display_name(), Some("Acme"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn org_display_name(&self) -> Option<&str> {
        non_blank(self.org_display_name.as_deref())
    }

    /// `cloudIdentityInfo.customerType`: `None` before provisioning, for
    /// `CUSTOMER_TYPE_UNSPECIFIED` and for a value this crate does not know.
    ///
    /// ```
    /// use gws_onboarding::{CustomerKind, wire::channel::CustomerResource};
    /// let r: CustomerResource = serde_json::from_str(r#"{"cloudIdentityInfo": {"customerType": "TEAM"}}"#)?;
    /// assert_eq!(r.customer_type(), Some(CustomerKind::Team));
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"cloudIdentityInfo": {"customerType": "CUSTOMER_TYPE_UNSPECIFIED"}}"#)?;
    /// assert_eq!(r.customer_type(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> Option<CustomerKind> {
        let info = self.cloud_identity_info.as_ref()?;
        match non_blank(info.customer_type.as_deref())? {
            "DOMAIN" => Some(CustomerKind::Domain),
            "TEAM" => Some(CustomerKind::Team),
            _ => None,
        }
    }

    /// `cloudIdentityInfo.eduData`, when it names an institute type this crate knows (`K12`,
    /// `UNIVERSITY`); a size or website it cannot read is left out.
    ///
    /// ```
    /// use gws_onboarding::{customer::{InstituteSize, InstituteType}, wire::channel::CustomerResource};
    /// let r: CustomerResource = serde_json::from_str(r#"{"cloudIdentityInfo": {"customerType": "DOMAIN",
    ///     "eduData": {"instituteType": "UNIVERSITY", "instituteSize": "SIZE_1001_2000"}}}"#)?;
    /// let edu = r.education().unwrap();
    /// assert_eq!(edu.institute_type(), InstituteType::University);
    /// assert_eq!(edu.size(), Some(InstituteSize::Size1001To2000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn education(&self) -> Option<Education> {
        let edu = self.cloud_identity_info.as_ref()?.edu_data.as_ref()?;
        let institute_type = match non_blank(edu.institute_type.as_deref())? {
            "K12" => InstituteType::K12,
            "UNIVERSITY" => InstituteType::University,
            _ => return None,
        };
        let mut education = Education::new(institute_type);
        if let Some(size) =
            non_blank(edu.institute_size.as_deref()).and_then(|s| s.parse::<InstituteSize>().ok())
        {
            education = education.with_size(size);
        }
        if let Some(website) =
            non_blank(edu.website.as_deref()).and_then(|w| Website::parse(w).ok())
        {
            education = education.with_website(website);
        }
        Some(education)
    }

    /// `cloudIdentityInfo.adminConsoleUri`: the customer's Admin console, once provisioned.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    /// let r: CustomerResource = serde_json::from_str(
    ///     r#"{"cloudIdentityInfo": {"adminConsoleUri": "https://admin.google.com"}}"#)?;
    /// assert_eq!(r.admin_console_uri(), Some("https://admin.google.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn admin_console_uri(&self) -> Option<&str> {
        non_blank(
            self.cloud_identity_info
                .as_ref()?
                .admin_console_uri
                .as_deref(),
        )
    }

    /// What Google holds that can drift from the reseller's record, as the Reseller reader
    /// gives it (see the table above).
    ///
    /// # Errors
    ///
    /// The first bad field, in this order: [`WireError::Missing`] for an absent or blank
    /// `domain` (and `cloudIdentityInfo.primaryDomain`); [`WireError::Domain`] for
    /// `"domain": "https://acme.fr"`; [`WireError::OrgAddress`] for an `orgPostalAddress`
    /// without `postalCode`; [`WireError::Email`] for a bad `primaryContactInfo.email`,
    /// `alternateEmail` or `cloudIdentityInfo.alternateEmail`. An unparsable phone number
    /// and absent address fields are not errors (see [`warnings`](Self::warnings)).
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CustomerResource;
    ///
    /// let r: CustomerResource = serde_json::from_str(r#"{"domain": "acme.fr",
    ///     "orgPostalAddress": {"regionCode": "FR", "addressLines": ["1 rue X"],
    ///                          "recipients": ["Jo Bo"], "organization": "Acme"}}"#)?;
    /// let err = r.to_snapshot().unwrap_err();
    /// assert_eq!(err.code(), "wire.address");
    /// assert_eq!(err.field(), "orgPostalAddress.postalCode");
    ///
    /// let r: CustomerResource = serde_json::from_str(r#"{"name": "accounts/A/customers/C"}"#)?;
    /// assert_eq!(r.to_snapshot().unwrap_err().to_string(), "field domain is missing or blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_snapshot(&self) -> Result<AccountSnapshot, WireError> {
        let info = self.cloud_identity_info.as_ref();
        let (field, domain) = match non_blank(self.domain.as_deref()) {
            Some(domain) => ("domain", Some(domain)),
            None => (
                "cloudIdentityInfo.primaryDomain",
                info.and_then(|i| non_blank(i.primary_domain.as_deref())),
            ),
        };
        let domain = domain.ok_or(WireError::Missing { field: "domain" })?;
        let domain = parse_domain(domain).map_err(|source| WireError::Domain { field, source })?;
        let mut snapshot = AccountSnapshot::new(domain);
        if let Some(address) = self.address()? {
            snapshot = snapshot.with_postal_address(address);
        }
        let contact = self.primary_contact_info.as_ref();
        if let Some(admin) = email(
            "primaryContactInfo.email",
            contact.and_then(|c| c.email.as_deref()),
        )? {
            snapshot = snapshot.with_admin_email(admin);
        }
        let alternate = match non_blank(self.alternate_email.as_deref()) {
            Some(alternate) => email("alternateEmail", Some(alternate))?,
            None => email(
                "cloudIdentityInfo.alternateEmail",
                info.and_then(|i| i.alternate_email.as_deref()),
            )?,
        };
        if let Some(alternate) = alternate {
            snapshot = snapshot.with_alternate_email(alternate);
        }
        if let Some((_, Ok(phone))) = self.phone() {
            snapshot = snapshot.with_phone(phone);
        }
        Ok(snapshot)
    }

    /// What [`to_snapshot`](Self::to_snapshot) reads around rather than fails on, as warnings:
    /// [`WireError::Incomplete`] for an `orgPostalAddress` without `organization` or
    /// `recipients` (saying what was used instead, or that the address is left out), and
    /// [`WireError::Phone`] for a phone number not in E.164 form.
    ///
    /// ```
    /// use gws_onboarding::{Severity, wire::channel::CustomerResource};
    ///
    /// let r: CustomerResource = serde_json::from_str(r#"{"domain": "acme.fr",
    ///     "orgDisplayName": "Acme",
    ///     "orgPostalAddress": {"regionCode": "FR", "postalCode": "75002", "addressLines": ["1 rue X"]},
    ///     "cloudIdentityInfo": {"phoneNumber": "01 23"}}"#)?;
    /// let codes: Vec<(&str, &str)> = r.warnings().iter().map(|w| (w.code(), w.field())).collect();
    /// assert_eq!(codes, [
    ///     ("wire.incomplete", "orgPostalAddress.organization"),
    ///     ("wire.incomplete", "orgPostalAddress.recipients"),
    ///     ("wire.phone", "cloudIdentityInfo.phoneNumber"),
    /// ]);
    /// assert!(r.warnings().iter().all(|w| w.severity() == Severity::Warning));
    /// assert!(r.to_snapshot()?.postal_address().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> Vec<WireError> {
        let mut warnings = Vec::new();
        if let Some(address) = &self.org_postal_address {
            let (organization, contact) = self.fallbacks(address);
            let left_out = organization.is_none() || contact.is_none();
            if non_blank(address.organization.as_deref()).is_none() {
                warnings.push(WireError::Incomplete {
                    field: "orgPostalAddress.organization",
                    fallback: if left_out {
                        Fallback::AddressLeftOut
                    } else {
                        Fallback::OrganizationFromDisplayName
                    },
                });
            }
            if first_recipient(address).is_none() {
                warnings.push(WireError::Incomplete {
                    field: "orgPostalAddress.recipients",
                    fallback: if left_out {
                        Fallback::AddressLeftOut
                    } else {
                        Fallback::ContactFromPrimaryContact
                    },
                });
            }
        }
        if let Some((field, Err(source))) = self.phone() {
            warnings.push(WireError::Phone { field, source });
        }
        warnings
    }

    /// The organisation and contact names of the address, with their fallbacks.
    fn fallbacks(&self, address: &RawGoogleAddress) -> (Option<String>, Option<String>) {
        let organization = non_blank(address.organization.as_deref())
            .or_else(|| self.org_display_name())
            .map(str::to_owned);
        let contact = first_recipient(address)
            .map(str::to_owned)
            .or_else(|| self.contact_name());
        (organization, contact)
    }

    /// The primary contact's name: its `displayName`, else first and last names.
    fn contact_name(&self) -> Option<String> {
        let contact = self.primary_contact_info.as_ref()?;
        if let Some(name) = non_blank(contact.display_name.as_deref()) {
            return Some(name.to_owned());
        }
        let parts: Vec<&str> = [contact.first_name.as_deref(), contact.last_name.as_deref()]
            .into_iter()
            .filter_map(non_blank)
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// `orgPostalAddress` in the model, `None` when absent or when a name it needs is absent
    /// with nothing to fill it.
    fn address(&self) -> Result<Option<PostalAddress>, WireError> {
        let Some(google) = &self.org_postal_address else {
            return Ok(None);
        };
        let (Some(organization), Some(contact)) = self.fallbacks(google) else {
            return Ok(None);
        };
        // The model has three lines: Google's fourth and later lines join the third (their
        // total length is checked by the address parser).
        let lines = google.address_lines.as_deref().unwrap_or_default();
        let raw = RawPostalAddress {
            contact_name: contact,
            organization_name: organization,
            address_line1: lines.first().cloned().unwrap_or_default(),
            address_line2: lines.get(1).cloned(),
            address_line3: lines.get(2..).filter(|rest| !rest.is_empty()).map(|rest| {
                let rest = &rest[..rest.len().min(8)];
                rest.join(", ")
            }),
            locality: google.locality.clone(),
            region: google.administrative_area.clone(),
            postal_code: google.postal_code.clone().unwrap_or_default(),
            country_code: google.region_code.clone().unwrap_or_default(),
        };
        PostalAddress::new(&raw)
            .map(Some)
            .map_err(|source| WireError::OrgAddress { source })
    }

    /// The phone number and its JSON path when present and not blank, parsed.
    fn phone(&self) -> Option<(&'static str, Result<PhoneNumber, crate::phone::PhoneError>)> {
        let info = self
            .cloud_identity_info
            .as_ref()
            .and_then(|i| non_blank(i.phone_number.as_deref()))
            .map(|p| ("cloudIdentityInfo.phoneNumber", p));
        let contact = self
            .primary_contact_info
            .as_ref()
            .and_then(|c| non_blank(c.phone.as_deref()))
            .map(|p| ("primaryContactInfo.phone", p));
        info.or(contact)
            .map(|(field, p)| (field, PhoneNumber::parse(p)))
    }
}

/// The first recipient of an address, when not blank.
pub(super) fn first_recipient(address: &RawGoogleAddress) -> Option<&str> {
    non_blank(address.recipients.as_deref()?.first().map(String::as_str))
}

/// Parses an optional email field; blank is absent.
pub(super) fn email(
    field: &'static str,
    value: Option<&str>,
) -> Result<Option<EmailAddress>, WireError> {
    non_blank(value)
        .map(|v| EmailAddress::parse(v).map_err(|source| WireError::Email { field, source }))
        .transpose()
}
