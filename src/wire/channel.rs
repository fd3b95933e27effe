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
//! | JSON field | From the [`Customer`] |
//! |---|---|
//! | `orgDisplayName` | [`Customer::organization_name`] |
//! | `orgPostalAddress` | [`Customer::postal_address`] as a `google.type.PostalAddress` (below) |
//! | `primaryContactInfo` | the admin: `firstName`, `lastName`, `email`, and `phone` from [`Customer::phone_number`] |
//! | `alternateEmail` | [`Customer::secondary_email`], when given (optional for team customers) |
//! | `domain` | [`Customer::domain`]: for a team, the domain of the admin's address, as the API requires |
//! | `languageCode` | [`Customer::language_code`] (BCP-47), when given |
//! | `correlationId` | [`Customer::crm_id`], when given |
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
//! the same [`AccountSnapshot`] as the Reseller reader, for
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

use serde::{Deserialize, Serialize};

mod requests;
pub use requests::*;

pub use super::google_error::ChannelErrorBody as ErrorBody;
use super::{Fallback, WireError, deserialize_domain, parse_domain};
use crate::address::{PostalAddress, RawPostalAddress};
use crate::customer::{
    CrmId, Customer, CustomerKind, Education, InstituteSize, InstituteType, OrganizationName,
    PersonName, UnknownValue, Website,
};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::language::LanguageCode;
use crate::lifecycle::AccountSnapshot;
use crate::names::Suggestions;
use crate::phone::PhoneNumber;

/// `CloudIdentityInfo.CustomerType`, as the proto spells it. Read through its parser, so an
/// unknown value's message is escaped and cut rather than serde's raw "unknown variant".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CustomerType {
    Domain,
    Team,
}

impl CustomerType {
    const fn as_str(self) -> &'static str {
        match self {
            CustomerType::Domain => "DOMAIN",
            CustomerType::Team => "TEAM",
        }
    }

    /// Exactly as the proto spells it.
    fn parse(s: &str) -> Result<Self, UnknownValue> {
        match s {
            "DOMAIN" => Ok(CustomerType::Domain),
            "TEAM" => Ok(CustomerType::Team),
            _ => Err(UnknownValue::new(
                "customer type",
                s,
                Suggestions::all(&["DOMAIN", "TEAM"]),
            )),
        }
    }
}

crate::error::serde_via_str!(CustomerType, as_str, CustomerType::parse);

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

/// `EduData.InstituteType`, as the proto spells it, read through its parser like
/// [`CustomerType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ChannelInstituteType {
    K12,
    University,
}

impl ChannelInstituteType {
    const fn as_str(self) -> &'static str {
        match self {
            ChannelInstituteType::K12 => "K12",
            ChannelInstituteType::University => "UNIVERSITY",
        }
    }

    /// Exactly as the proto spells it.
    fn parse(s: &str) -> Result<Self, UnknownValue> {
        match s {
            "K12" => Ok(ChannelInstituteType::K12),
            "UNIVERSITY" => Ok(ChannelInstituteType::University),
            _ => Err(UnknownValue::new(
                "institute type",
                s,
                Suggestions::all(&["K12", "UNIVERSITY"]),
            )),
        }
    }
}

crate::error::serde_via_str!(ChannelInstituteType, as_str, ChannelInstituteType::parse);

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

/// `CloudIdentityInfo` as `provisionCloudIdentity` takes it: the customer type, the
/// alternate email, phone number and language, and, for an educational institution, its
/// `eduData`.
///
/// Only the proto's input fields are sent (`customerType`, `alternateEmail`, `phoneNumber`,
/// `languageCode`, `eduData`); the output-only `primaryDomain`, `isDomainVerified` and
/// `adminConsoleUri` never are. `Customer.cloudIdentityInfo` itself is output-only, so this is
/// **not** part of the `customers.create` body ([`CreateCustomerBody`]).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel::CloudIdentityInfo;
/// use gws_onboarding::CustomerKind;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let info = CloudIdentityInfo::for_customer(&customer);
/// assert_eq!(info.customer_type(), CustomerKind::Team);
/// assert!(info.edu_data().is_none());
/// let json = serde_json::to_value(&info)?;
/// assert_eq!(json["customerType"], "TEAM");
/// assert!(json.get("primaryDomain").is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudIdentityInfo {
    customer_type: CustomerType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate_email: Option<EmailAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<PhoneNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language_code: Option<LanguageCode>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "edu_data")]
    edu_data: Option<Education>,
}

impl CloudIdentityInfo {
    /// The `cloudIdentityInfo` of `provisionCloudIdentity` for `customer`: its kind, its
    /// secondary email, phone number and language when given, and its education data.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::channel::CloudIdentityInfo;
    ///
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let json = serde_json::to_value(CloudIdentityInfo::for_customer(&customer))?;
    /// assert_eq!(json["customerType"], "DOMAIN");
    /// assert_eq!(json["alternateEmail"], "it-support@reseller-example.de");
    /// assert_eq!(json["phoneNumber"], "+33142685300");
    /// assert_eq!(json["languageCode"], "fr-FR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_customer(customer: &Customer) -> Self {
        CloudIdentityInfo {
            customer_type: customer.kind().into(),
            alternate_email: customer.secondary_email().cloned(),
            phone_number: customer.phone_number().cloned(),
            language_code: customer.language_code().cloned(),
            edu_data: customer.education().cloned(),
        }
    }

    /// `customerType`: `DOMAIN` or `TEAM` in JSON.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel::CloudIdentityInfo;
    /// use gws_onboarding::CustomerKind;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(CloudIdentityInfo::for_customer(&c).customer_type(), CustomerKind::Domain);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> CustomerKind {
        self.customer_type.into()
    }

    /// `alternateEmail`: the secondary address, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel::CloudIdentityInfo;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(CloudIdentityInfo::for_customer(&c).alternate_email().is_none());
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
    /// # use gws_onboarding::wire::channel::CloudIdentityInfo;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(CloudIdentityInfo::for_customer(&c).phone_number().map(|p| p.as_str()), Some("+33142685300"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone_number(&self) -> Option<&PhoneNumber> {
        self.phone_number.as_ref()
    }

    /// `languageCode` (BCP-47), when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel::CloudIdentityInfo;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(CloudIdentityInfo::for_customer(&c).language_code().map(|l| l.as_str()), Some("fr-FR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn language_code(&self) -> Option<&LanguageCode> {
        self.language_code.as_ref()
    }

    /// `eduData`: the educational institution, when the box was ticked.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::channel::CloudIdentityInfo;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(CloudIdentityInfo::for_customer(&c).edu_data().is_none());
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
/// out; no output-only field is sent (see the [module docs](self)). Deserialising runs every
/// value through its parser (the domain with lenient rules, so any body built here reads
/// back) and ignores fields it does not know, such as the output-only ones of a
/// `customers.get` answer; the rules between fields (`domain` matching
/// the contact's address, alternate address outside the domain) are those of the
/// [`Customer`] it was built from and are not checked again.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel::CreateCustomerBody;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let body = CreateCustomerBody::from(&customer);
/// let json = serde_json::to_string(&body)?;
/// assert!(!json.contains("cloudIdentityInfo"));
/// assert_eq!(serde_json::from_str::<CreateCustomerBody>(&json)?, body);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCustomerBody {
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
}

/// The body of `customers.create` for `customer`; the same as [`CreateCustomerBody::from`].
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
pub fn create_body(customer: &Customer) -> CreateCustomerBody {
    CreateCustomerBody::from(customer)
}

impl From<&Customer> for CreateCustomerBody {
    fn from(customer: &Customer) -> Self {
        let admin = customer.admin();
        CreateCustomerBody {
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
        }
    }
}

impl CreateCustomerBody {
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
}

/// `google.type.PostalAddress` as Google returns it; other fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawGoogleAddress {
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
struct RawContactInfo {
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
struct RawEduData {
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
struct RawCloudIdentityInfo {
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
/// [`AccountSnapshot`] as [`reseller::CustomerResource::to_snapshot`](super::reseller::CustomerResource::to_snapshot),
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
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
}

/// `Some(trimmed)` unless absent or blank.
fn non_blank(value: Option<&str>) -> Option<&str> {
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
fn first_recipient(address: &RawGoogleAddress) -> Option<&str> {
    non_blank(address.recipients.as_deref()?.first().map(String::as_str))
}

/// Parses an optional email field; blank is absent.
fn email(field: &'static str, value: Option<&str>) -> Result<Option<EmailAddress>, WireError> {
    non_blank(value)
        .map(|v| EmailAddress::parse(v).map_err(|source| WireError::Email { field, source }))
        .transpose()
}
