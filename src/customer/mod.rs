//! Layer 3, customer: the customer, its order and what it may buy.
//!
//! A [`Customer`] is what the Partner Sales Console's "Create customer" step produces once every
//! field is valid. It is built only by [`form::validate`](crate::form::validate) (from the
//! console's raw fields): there is no other way in, so a `Customer` in hand always satisfies every
//! rule of this crate.
//!
//! The small validated values it is made of live here too: [`OrganizationName`], [`PersonName`],
//! [`CrmId`], [`CloudIdentityId`], [`Website`] and the education types. The layer's other rooms
//! are [`order`] (the first order) and [`eligibility`] (the
//! preconditions, and what a customer may order).
//!
//! ```
//! use gws_onboarding::customer::{CustomerKind, OrganizationName, PersonName};
//!
//! assert_eq!("team".parse::<CustomerKind>()?, CustomerKind::Team);
//! assert_eq!(OrganizationName::parse("  Acme  SAS ")?.as_str(), "Acme SAS");
//! assert_eq!(PersonName::parse("").unwrap_err().code(), "text.empty");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::address::PostalAddress;
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;

use crate::language::LanguageCode;
use crate::phone::PhoneNumber;
use crate::product::{Edition, ProductFamily};

pub mod eligibility;
mod kind;
pub mod order;
mod text;

use order::Order;

/// What [`eligibility::may_order`] reads of a customer.
impl From<&Customer> for eligibility::Buyer {
    fn from(customer: &Customer) -> Self {
        eligibility::Buyer {
            kind: customer.kind(),
            school: customer.education().is_some(),
            edition: customer.edition(),
        }
    }
}

pub use crate::names::{Suggestions, UnknownValue};
pub(crate) use kind::names_education;
pub use kind::{CustomerKind, Education, InstituteSize, InstituteType};
pub use text::{
    CloudIdentityId, CrmId, OrganizationName, PersonName, TextError, Website, WebsiteProblem,
};

/// The customer's administrator: the super admin of a domain customer's account, or the team
/// admin of an email-verified Essentials account.
///
/// ```
/// use gws_onboarding::customer::{AdminContact, PersonName};
/// use gws_onboarding::EmailAddress;
///
/// let admin = AdminContact::new(EmailAddress::parse("jeanne@acme.fr")?)
///     .with_first_name(PersonName::parse("Jeanne")?)
///     .with_last_name(PersonName::parse("Martin")?);
/// assert_eq!(admin.email().as_str(), "jeanne@acme.fr");
/// assert_eq!(admin.display_name().as_deref(), Some("Jeanne Martin"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AdminContact {
    email: EmailAddress,
    pub(crate) first_name: Option<PersonName>,
    pub(crate) last_name: Option<PersonName>,
}

impl AdminContact {
    /// An admin known by address only.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?);
    /// assert!(a.first_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(email: EmailAddress) -> Self {
        AdminContact {
            email,
            first_name: None,
            last_name: None,
        }
    }

    /// Sets the first name.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_first_name(PersonName::parse("Ada")?);
    /// assert_eq!(a.first_name().map(PersonName::as_str), Some("Ada"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_first_name(mut self, name: PersonName) -> Self {
        self.first_name = Some(name);
        self
    }

    /// Sets the last name.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_last_name(PersonName::parse("Lovelace")?);
    /// assert_eq!(a.last_name().map(PersonName::as_str), Some("Lovelace"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_last_name(mut self, name: PersonName) -> Self {
        self.last_name = Some(name);
        self
    }

    /// The admin's address (it becomes the admin account's username).
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// let a = AdminContact::new(EmailAddress::parse("A@Acme.fr")?);
    /// assert_eq!(a.email().as_str(), "a@acme.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn email(&self) -> &EmailAddress {
        &self.email
    }

    /// The first name, if given.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// assert!(AdminContact::new(EmailAddress::parse("a@acme.fr")?).first_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_name(&self) -> Option<&PersonName> {
        self.first_name.as_ref()
    }

    /// The last name, if given.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// assert!(AdminContact::new(EmailAddress::parse("a@acme.fr")?).last_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_name(&self) -> Option<&PersonName> {
        self.last_name.as_ref()
    }

    /// First and last name joined by a space, when either is known.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_last_name(PersonName::parse("Curie")?);
    /// assert_eq!(a.display_name().as_deref(), Some("Curie"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn display_name(&self) -> Option<String> {
        match (&self.first_name, &self.last_name) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (Some(n), None) | (None, Some(n)) => Some(n.to_string()),
            (None, None) => None,
        }
    }
}

/// A valid customer, ready to be created through the Reseller API or the Cloud Channel API.
///
/// Built only by [`form::validate`](crate::form::validate): holding one means every rule of this
/// crate passed. Its fields are read through getters.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::customer::CustomerKind;
///
/// let form = OnboardingForm::sample_domain_customer();
/// let customer = form::validate(&form, &Policy::default())?;
/// assert_eq!(customer.kind(), CustomerKind::Domain);
/// assert_eq!(customer.domain().as_str(), "acme-widgets.fr");
/// assert_eq!(customer.admin().email().as_str(), "jeanne.martin@acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub(crate) kind: CustomerKind,
    pub(crate) family: ProductFamily,
    pub(crate) edition: Option<Edition>,
    pub(crate) organization: OrganizationName,
    pub(crate) domain: PrimaryDomain,
    pub(crate) admin: AdminContact,
    pub(crate) secondary_email: Option<EmailAddress>,
    pub(crate) postal_address: PostalAddress,
    pub(crate) phone: Option<PhoneNumber>,
    pub(crate) language: Option<LanguageCode>,
    pub(crate) education: Option<Education>,
    pub(crate) crm_id: Option<CrmId>,
    pub(crate) order: Option<Order>,
}

impl Customer {
    /// Domain customer or team customer.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(c.kind().is_email_verified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> CustomerKind {
        self.kind
    }

    /// The main product family chosen in the console.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::ProductFamily;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.product_family(), ProductFamily::GoogleWorkspace);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product_family(&self) -> ProductFamily {
        self.family
    }

    /// The edition the reseller means to order first, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::Edition;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(c.edition(), Some(Edition::EnterpriseEssentials));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Option<Edition> {
        self.edition
    }

    /// The organisation name.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.organization_name().as_str(), "Acme Widgets SAS");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organization_name(&self) -> &OrganizationName {
        &self.organization
    }

    /// The primary domain; for a team customer, the domain of the admin's address.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(c.domain().as_str(), c.admin().email().domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &PrimaryDomain {
        &self.domain
    }

    /// The administrator.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.admin().first_name().map(|n| n.as_str()), Some("Jeanne"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn admin(&self) -> &AdminContact {
        &self.admin
    }

    /// The secondary (alternate) address: required for domain customers, optional for teams.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.secondary_email().map(|e| e.as_str()), Some("it-support@reseller-example.de"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn secondary_email(&self) -> Option<&EmailAddress> {
        self.secondary_email.as_ref()
    }

    /// The organisation's postal address.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.postal_address().country_code().as_str(), "FR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn postal_address(&self) -> &PostalAddress {
        &self.postal_address
    }

    /// The phone number, if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.phone_number().map(|p| p.as_str()), Some("+33142685300"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone_number(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }

    /// The language (BCP-47), if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.language_code().map(|l| l.as_str()), Some("fr-FR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn language_code(&self) -> Option<&LanguageCode> {
        self.language.as_ref()
    }

    /// The educational institution data, when the box was ticked.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(c.education().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn education(&self) -> Option<&Education> {
        self.education.as_ref()
    }

    /// The reseller's CRM id (Cloud Channel API `correlationId`), if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.crm_id().map(|id| id.as_str()), Some("CRM-2026-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn crm_id(&self) -> Option<&CrmId> {
        self.crm_id.as_ref()
    }

    /// The first order, when the form has an `order` object (validated with the form).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
    /// use gws_onboarding::{Edition, order::Plan};
    ///
    /// let mut form = OnboardingForm::sample_domain_customer();
    /// assert!(form::validate(&form, &Policy::default())?.order().is_none());
    /// form.order = Some(RawOrder {
    ///     product: "business-standard".into(),
    ///     seats: Some("25".into()),
    ///     plan: Some("annual-monthly".into()),
    ///     ..RawOrder::default()
    /// });
    /// let customer = form::validate(&form, &Policy::default())?;
    /// let order = customer.order().ok_or("no order")?;
    /// assert_eq!((order.product(), order.seats(), order.plan()),
    ///            (Edition::BusinessStandard.into(), 25, Plan::AnnualMonthly));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn order(&self) -> Option<&Order> {
        self.order.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::text::clean_text;
    use super::*;
    use crate::error::Lang;

    #[test]
    fn text_is_cleaned_and_bounded() {
        assert_eq!(clean_text("  a \t b  ", 10).as_deref(), Ok("a b"));
        assert_eq!(clean_text("   ", 10), Err(TextError::Empty));
        assert_eq!(
            clean_text("abcdefghijk", 10),
            Err(TextError::TooLong { len: 11, max: 10 })
        );
        assert_eq!(
            clean_text("a\u{2028}b", 10),
            Err(TextError::UnsafeChar { code_point: 0x2028 })
        );
        assert!(matches!(
            clean_text(&"x".repeat(10_000_000), 10),
            Err(TextError::TooLong { .. })
        ));
        // Multi-byte characters count once.
        assert_eq!(
            clean_text(&"é".repeat(10), 10).map(|s| s.chars().count()),
            Ok(10)
        );
    }

    #[test]
    fn unknown_values_agree_in_french() {
        let size = "SIZE_0".parse::<InstituteSize>().unwrap_err();
        assert!(
            size.message(Lang::Fr)
                .starts_with("taille d'établissement « SIZE_0 » inconnue :")
        );
        let kind = "x".parse::<CustomerKind>().unwrap_err();
        assert!(
            kind.message(Lang::Fr)
                .starts_with("type de client « x » inconnu :")
        );
    }

    #[test]
    fn enums_round_trip() {
        for k in CustomerKind::ALL {
            assert_eq!(k.as_str().parse::<CustomerKind>(), Ok(*k));
        }
        for s in InstituteSize::ALL {
            assert_eq!(
                s.as_str().to_ascii_lowercase().parse::<InstituteSize>(),
                Ok(*s)
            );
        }
    }

    #[test]
    fn websites() {
        // A multi-byte character right after the scheme (byte 8 inside it).
        assert_eq!(
            Website::parse("http://école.fr").map(|w| w.to_string()),
            Ok("http://xn--cole-9oa.fr".into())
        );
        assert_eq!(
            Website::parse("HTTP://Ecole.FR").map(|w| w.to_string()),
            Ok("http://ecole.fr".into())
        );
        assert!(Website::parse("https://ecole.invalid").is_err());
        assert!(Website::parse("https://co.uk").is_err());
        assert!(Website::parse("ecole.fr:8080").is_err());
        assert!(Website::parse("https://ecole .fr").is_err());
    }
}
