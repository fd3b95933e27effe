//! Layer 4, wire: the customer as the Channel API takes it: the [`CreateCustomerBody`] and the values in it.

use crate::address::PostalAddress;
use crate::customer::{
    CrmId, Customer, CustomerKind, Education, InstituteSize, InstituteType, OrganizationName,
    PersonName, UnknownValue, Website,
};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::language::LanguageCode;
use crate::names::Suggestions;
use crate::phone::PhoneNumber;
use crate::wire::deserialize_domain;
use serde::{Deserialize, Serialize};

/// `CloudIdentityInfo.CustomerType`, as the proto spells it. Read through its parser, so an
/// unknown value's message is escaped and cut rather than serde's raw "unknown variant".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum CustomerType {
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
pub(super) enum ChannelInstituteType {
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
pub(super) struct EduData {
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
/// Serialises to the fields listed in the [module docs](crate::wire::channel), absent optional fields left
/// out; no output-only field is sent (see the [module docs](crate::wire::channel)). Deserialising runs every
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
