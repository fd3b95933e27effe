//! After creation: what Google holds about the customer, and how it drifts from the reseller's record.
//!
//! [`AccountSnapshot`] is the part of a customer that the customer can change in the Admin
//! console and that the Partner Sales Console does **not** sync back: the organisation's address,
//! the domain and the admin. Take one from a validated [`Customer`] (what you created) and one
//! from Google's answer (see the `wire` module), and compare them.
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::lifecycle::AccountSnapshot;
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let ours = AccountSnapshot::from(&customer);
//! assert_eq!(ours.domain().as_str(), "acme-widgets.fr");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::address::PostalAddress;
use crate::customer::Customer;
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::phone::PhoneNumber;

/// The customer's account data that can change outside the reseller's tools.
///
/// ```
/// use gws_onboarding::lifecycle::AccountSnapshot;
/// use gws_onboarding::PrimaryDomain;
///
/// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?);
/// assert!(snap.postal_address().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSnapshot {
    domain: PrimaryDomain,
    postal_address: Option<PostalAddress>,
    admin_email: Option<EmailAddress>,
    alternate_email: Option<EmailAddress>,
    phone: Option<PhoneNumber>,
}

impl AccountSnapshot {
    /// A snapshot that knows only the domain.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?);
    /// assert_eq!(snap.domain().as_str(), "acme.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(domain: PrimaryDomain) -> Self {
        AccountSnapshot {
            domain,
            postal_address: None,
            admin_email: None,
            alternate_email: None,
            phone: None,
        }
    }

    /// Sets the organisation's postal address.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, PostalAddress, RawPostalAddress, lifecycle::AccountSnapshot};
    /// let raw = RawPostalAddress {
    ///     contact_name: "A".into(), organization_name: "B".into(), address_line1: "C".into(),
    ///     postal_code: "75001".into(), country_code: "FR".into(), ..Default::default()
    /// };
    /// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?)
    ///     .with_postal_address(PostalAddress::new(&raw)?);
    /// assert!(snap.postal_address().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_postal_address(mut self, address: PostalAddress) -> Self {
        self.postal_address = Some(address);
        self
    }

    /// Sets the admin's address.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, PrimaryDomain, lifecycle::AccountSnapshot};
    /// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?)
    ///     .with_admin_email(EmailAddress::parse("admin@acme.fr")?);
    /// assert_eq!(snap.admin_email().map(|e| e.as_str()), Some("admin@acme.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_admin_email(mut self, email: EmailAddress) -> Self {
        self.admin_email = Some(email);
        self
    }

    /// Sets the secondary (alternate) address.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, PrimaryDomain, lifecycle::AccountSnapshot};
    /// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?)
    ///     .with_alternate_email(EmailAddress::parse("it@reseller.de")?);
    /// assert!(snap.alternate_email().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_alternate_email(mut self, email: EmailAddress) -> Self {
        self.alternate_email = Some(email);
        self
    }

    /// Sets the phone number.
    ///
    /// ```
    /// use gws_onboarding::{PhoneNumber, PrimaryDomain, lifecycle::AccountSnapshot};
    /// let snap = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?)
    ///     .with_phone(PhoneNumber::parse("+33 1 23 45 67 89")?);
    /// assert!(snap.phone().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_phone(mut self, phone: PhoneNumber) -> Self {
        self.phone = Some(phone);
        self
    }

    /// The primary domain.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// assert_eq!(AccountSnapshot::new(PrimaryDomain::parse("a.fr")?).domain().as_str(), "a.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &PrimaryDomain {
        &self.domain
    }

    /// The organisation's postal address, when known.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// assert!(AccountSnapshot::new(PrimaryDomain::parse("a.fr")?).postal_address().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn postal_address(&self) -> Option<&PostalAddress> {
        self.postal_address.as_ref()
    }

    /// The admin's address, when known.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// assert!(AccountSnapshot::new(PrimaryDomain::parse("a.fr")?).admin_email().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn admin_email(&self) -> Option<&EmailAddress> {
        self.admin_email.as_ref()
    }

    /// The secondary address, when known.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// assert!(AccountSnapshot::new(PrimaryDomain::parse("a.fr")?).alternate_email().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn alternate_email(&self) -> Option<&EmailAddress> {
        self.alternate_email.as_ref()
    }

    /// The phone number, when known.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::AccountSnapshot};
    /// assert!(AccountSnapshot::new(PrimaryDomain::parse("a.fr")?).phone().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }
}

impl From<&Customer> for AccountSnapshot {
    fn from(customer: &Customer) -> Self {
        AccountSnapshot {
            domain: customer.domain().clone(),
            postal_address: Some(customer.postal_address().clone()),
            admin_email: Some(customer.admin().email().clone()),
            alternate_email: customer.secondary_email().cloned(),
            phone: customer.phone_number().cloned(),
        }
    }
}
