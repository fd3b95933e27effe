//! Cloud Channel API v1 `Customer` (`google.cloud.channel.v1.Customer`): the body of
//! `customers.create`.
//!
//! The HTTP body of `POST v1/{parent=accounts/*}/customers` **is** the `Customer` resource, so
//! [`CustomerBody`] is that resource's JSON (proto3 JSON mapping: camelCase fields, enum
//! names as strings, unset fields left out).
//!
//! # What is sent
//!
//! | JSON field | From the [`Customer`] |
//! |---|---|
//! | `orgDisplayName` | [`Customer::organization_name`] |
//! | `orgPostalAddress` | [`Customer::postal_address`] as a `google.type.PostalAddress` (below) |
//! | `primaryContactInfo` | the admin: `firstName`, `lastName`, `email`, and `phone` from [`Customer::phone_number`] |
//! | `alternateEmail` | [`Customer::secondary_email`], when given (optional for team customers) |
//! | `domain` | [`Customer::domain`]: for a team, the domain of the admin's address, as the API requires |
//! | `languageCode` | [`Customer::language_code`] (BCP-47), when given |
//! | `correlationId` | [`Customer::crm_id`], when given |
//! | `cloudIdentityInfo.customerType` | `DOMAIN` or `TEAM` |
//! | `cloudIdentityInfo.eduData` | [`Customer::education`]: `instituteType` `K12` / `UNIVERSITY`, `instituteSize` `SIZE_1_100` …, `website` |
//!
//! `eduData` is a field of `CloudIdentityInfo` in the proto, so it is sent there, not at the top
//! level. Output-only and partner fields (`name`, `cloudIdentityId`, `channelPartnerId`,
//! `customerAttestationState`, `createTime`, …) are not sent.
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
//! assert_eq!(body["cloudIdentityInfo"]["customerType"], "DOMAIN");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use super::deserialize_domain;
use crate::address::PostalAddress;
use crate::customer::{
    CrmId, Customer, CustomerKind, Education, InstituteSize, InstituteType, OrganizationName,
    PersonName, Website,
};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::language::LanguageCode;
use crate::phone::PhoneNumber;

/// `CloudIdentityInfo.CustomerType`, as the proto spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
enum CustomerType {
    #[serde(rename = "DOMAIN")]
    Domain,
    #[serde(rename = "TEAM")]
    Team,
}

impl From<CustomerKind> for CustomerType {
    fn from(kind: CustomerKind) -> Self {
        match kind {
            CustomerKind::Domain => CustomerType::Domain,
            CustomerKind::Team => CustomerType::Team,
        }
    }
}

impl From<CustomerType> for CustomerKind {
    fn from(kind: CustomerType) -> Self {
        match kind {
            CustomerType::Domain => CustomerKind::Domain,
            CustomerType::Team => CustomerKind::Team,
        }
    }
}

/// `google.type.PostalAddress` in JSON, as far as the model goes.
mod postal_address {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::address::{PostalAddress, RawPostalAddress};

    #[derive(Debug, Default, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct GooglePostalAddress {
        region_code: String,
        postal_code: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        administrative_area: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        locality: Option<String>,
        address_lines: Vec<String>,
        recipients: Vec<String>,
        organization: String,
    }

    /// The address with its lines packed to the front, as `addressLines` holds them: a third
    /// line without a second becomes the second.
    pub(super) fn compact(address: &PostalAddress) -> PostalAddress {
        if address.address_line2().is_some() || address.address_line3().is_none() {
            return address.clone();
        }
        let mut raw = RawPostalAddress::from(address.clone());
        raw.address_line2 = raw.address_line3.take();
        // The same checked values in other places: parsing cannot fail.
        PostalAddress::new(&raw).unwrap_or_else(|_| address.clone())
    }

    pub(super) fn serialize<S: Serializer>(
        address: &PostalAddress,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        GooglePostalAddress {
            region_code: address.country_code().as_str().to_owned(),
            postal_code: address.postal_code().to_owned(),
            administrative_area: address.region().map(str::to_owned),
            locality: address.locality().map(str::to_owned),
            address_lines: address.address_lines().map(str::to_owned).collect(),
            recipients: vec![address.contact_name().to_owned()],
            organization: address.organization_name().to_owned(),
        }
        .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PostalAddress, D::Error> {
        use serde::de::Error as _;
        let google = GooglePostalAddress::deserialize(deserializer)?;
        if google.address_lines.len() > 3 {
            return Err(D::Error::custom(format_args!(
                "orgPostalAddress.addressLines has {} lines, more than the 3 a customer address has",
                google.address_lines.len()
            )));
        }
        if google.recipients.len() > 1 {
            return Err(D::Error::custom(format_args!(
                "orgPostalAddress.recipients has {} names, more than the 1 contact a customer address has",
                google.recipients.len()
            )));
        }
        let mut lines = google.address_lines.into_iter();
        let raw = RawPostalAddress {
            contact_name: google.recipients.into_iter().next().unwrap_or_default(),
            organization_name: google.organization,
            address_line1: lines.next().unwrap_or_default(),
            address_line2: lines.next(),
            address_line3: lines.next(),
            locality: google.locality,
            region: google.administrative_area,
            postal_code: google.postal_code,
            country_code: google.region_code,
        };
        PostalAddress::parse(&raw).map_err(|errors| {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            D::Error::custom(format_args!("orgPostalAddress: {}", messages.join("; ")))
        })
    }
}

/// `EduData.InstituteType`, as the proto spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
enum ChannelInstituteType {
    #[serde(rename = "K12")]
    K12,
    #[serde(rename = "UNIVERSITY")]
    University,
}

/// `EduData` in JSON.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EduData {
    institute_type: ChannelInstituteType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    institute_size: Option<InstituteSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    website: Option<Website>,
}

impl From<&Education> for EduData {
    fn from(education: &Education) -> Self {
        EduData {
            institute_type: match education.institute_type() {
                InstituteType::K12 => ChannelInstituteType::K12,
                InstituteType::University => ChannelInstituteType::University,
            },
            institute_size: education.size(),
            website: education.website().cloned(),
        }
    }
}

impl From<EduData> for Education {
    fn from(data: EduData) -> Self {
        let mut education = Education::new(match data.institute_type {
            ChannelInstituteType::K12 => InstituteType::K12,
            ChannelInstituteType::University => InstituteType::University,
        });
        if let Some(size) = data.institute_size {
            education = education.with_size(size);
        }
        if let Some(website) = data.website {
            education = education.with_website(website);
        }
        education
    }
}

/// `eduData` through [`EduData`].
mod edu_data {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::EduData;
    use crate::customer::Education;

    #[allow(clippy::ref_option)] // the signature serde's `with` requires
    pub(super) fn serialize<S: Serializer>(
        education: &Option<Education>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        education.as_ref().map(EduData::from).serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Education>, D::Error> {
        Ok(Option::<EduData>::deserialize(deserializer)?.map(Education::from))
    }
}

/// `primaryContactInfo` (`ContactInfo`): the customer's admin. Its `email` becomes the admin
/// username (for a team customer, the invited address).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = channel::create_body(&customer);
/// let contact = body.primary_contact_info();
/// assert_eq!(contact.email().as_str(), "jeanne.martin@acme-widgets.fr");
/// assert_eq!(contact.last_name().map(|n| n.as_str()), Some("Martin"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_name: Option<PersonName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_name: Option<PersonName>,
    email: EmailAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone: Option<PhoneNumber>,
}

impl ContactInfo {
    /// `firstName`, when known (required by the form for domain customers).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).primary_contact_info().first_name().map(|n| n.as_str()), Some("Sam"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_name(&self) -> Option<&PersonName> {
        self.first_name.as_ref()
    }

    /// `lastName`, when known (optional for team customers).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(channel::create_body(&c).primary_contact_info().last_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_name(&self) -> Option<&PersonName> {
        self.last_name.as_ref()
    }

    /// `email`: the admin's address.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).primary_contact_info().email().as_str(), "sam.keller@studio-nord.de");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn email(&self) -> &EmailAddress {
        &self.email
    }

    /// `phone`: the customer's phone number, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).primary_contact_info().phone().map(|p| p.as_str()), Some("+33142685300"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }
}

/// `cloudIdentityInfo` (`CloudIdentityInfo`): the customer type and, for an educational
/// institution, its `eduData`.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
/// use gws_onboarding::CustomerKind;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let info = channel::create_body(&customer).cloud_identity_info().clone();
/// assert_eq!(info.customer_type(), CustomerKind::Team);
/// assert!(info.edu_data().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudIdentityInfo {
    customer_type: CustomerType,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "edu_data")]
    edu_data: Option<Education>,
}

impl CloudIdentityInfo {
    /// `customerType`: `DOMAIN` or `TEAM` in JSON.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// use gws_onboarding::CustomerKind;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).cloud_identity_info().customer_type(), CustomerKind::Domain);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> CustomerKind {
        self.customer_type.into()
    }

    /// `eduData`: the educational institution, when the box was ticked.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(channel::create_body(&c).cloud_identity_info().edu_data().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edu_data(&self) -> Option<&Education> {
        self.edu_data.as_ref()
    }
}

/// The JSON body of Cloud Channel API v1 `customers.create`, built from a valid [`Customer`].
///
/// Serialises to the fields listed in the [module docs](self), absent optional fields left
/// out. Deserialising runs every value through its parser (the domain with lenient rules,
/// so any body built here reads back) and ignores fields it does not know, such as the
/// output-only ones of a `customers.get` answer; the rules between fields (`domain` matching
/// the contact's address, alternate address outside the domain) are those of the
/// [`Customer`] it was built from and are not checked again.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel::CustomerBody;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let body = CustomerBody::from(&customer);
/// let json = serde_json::to_string(&body)?;
/// assert!(json.contains(r#""cloudIdentityInfo":{"customerType":"TEAM"}"#));
/// assert_eq!(serde_json::from_str::<CustomerBody>(&json)?, body);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerBody {
    org_display_name: OrganizationName,
    #[serde(with = "postal_address")]
    org_postal_address: PostalAddress,
    primary_contact_info: ContactInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate_email: Option<EmailAddress>,
    #[serde(deserialize_with = "deserialize_domain")]
    domain: PrimaryDomain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language_code: Option<LanguageCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correlation_id: Option<CrmId>,
    cloud_identity_info: CloudIdentityInfo,
}

/// The body of `customers.create` for `customer`; the same as [`CustomerBody::from`].
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// assert_eq!(channel::create_body(&customer).domain().as_str(), "acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn create_body(customer: &Customer) -> CustomerBody {
    CustomerBody::from(customer)
}

impl From<&Customer> for CustomerBody {
    fn from(customer: &Customer) -> Self {
        let admin = customer.admin();
        CustomerBody {
            org_display_name: customer.organization_name().clone(),
            org_postal_address: postal_address::compact(customer.postal_address()),
            primary_contact_info: ContactInfo {
                first_name: admin.first_name().cloned(),
                last_name: admin.last_name().cloned(),
                email: admin.email().clone(),
                phone: customer.phone_number().cloned(),
            },
            alternate_email: customer.secondary_email().cloned(),
            domain: customer.domain().clone(),
            language_code: customer.language_code().cloned(),
            correlation_id: customer.crm_id().cloned(),
            cloud_identity_info: CloudIdentityInfo {
                customer_type: customer.kind().into(),
                edu_data: customer.education().cloned(),
            },
        }
    }
}

impl CustomerBody {
    /// `orgDisplayName`: the organisation name.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).org_display_name().as_str(), "Studio Nord Design Team");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn org_display_name(&self) -> &OrganizationName {
        &self.org_display_name
    }

    /// `orgPostalAddress`, read back into the model's address (address lines packed to the
    /// front, as `addressLines` holds them).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).org_postal_address().country_code().as_str(), "DE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn org_postal_address(&self) -> &PostalAddress {
        &self.org_postal_address
    }

    /// `primaryContactInfo`: the admin.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).primary_contact_info().first_name().map(|n| n.as_str()), Some("Jeanne"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn primary_contact_info(&self) -> &ContactInfo {
        &self.primary_contact_info
    }

    /// `alternateEmail`: the secondary address, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(channel::create_body(&c).alternate_email().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn alternate_email(&self) -> Option<&EmailAddress> {
        self.alternate_email.as_ref()
    }

    /// `domain`: the primary domain; for a team, its admin's address domain.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).domain().as_str(), "studio-nord.de");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &PrimaryDomain {
        &self.domain
    }

    /// `languageCode` (BCP-47), when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).language_code().map(|l| l.as_str()), Some("fr-FR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn language_code(&self) -> Option<&LanguageCode> {
        self.language_code.as_ref()
    }

    /// `correlationId`: the reseller's CRM id, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).correlation_id().map(|id| id.as_str()), Some("CRM-2026-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn correlation_id(&self) -> Option<&CrmId> {
        self.correlation_id.as_ref()
    }

    /// `cloudIdentityInfo`: customer type and education data.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel;
    /// use gws_onboarding::CustomerKind;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::create_body(&c).cloud_identity_info().customer_type(), CustomerKind::Team);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cloud_identity_info(&self) -> &CloudIdentityInfo {
        &self.cloud_identity_info
    }
}
