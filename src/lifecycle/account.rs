//! Layer 4, lifecycle: what Google holds about the customer ([`AccountSnapshot`]), its
//! subscription status, the reseller's access and record.

use crate::address::PostalAddress;
use crate::customer::Customer;
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::error::Lang;
use crate::names::string_enum;
use crate::phone::PhoneNumber;
use crate::product::Product;
use std::fmt;
use std::hash::Hash;

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
    pub(super) domain: PrimaryDomain,
    pub(super) postal_address: Option<PostalAddress>,
    pub(super) admin_email: Option<EmailAddress>,
    pub(super) alternate_email: Option<EmailAddress>,
    pub(super) phone: Option<PhoneNumber>,
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

string_enum! {
    /// The status of one subscription, as the Reseller API `subscriptions` resource gives it
    /// (`status`: `ACTIVE`, `PENDING`, `SUSPENDED`).
    ///
    /// A customer without any subscription has no status at all: the console's "Subscription
    /// status" stays empty until the first order (see [`SubscriptionStatus::for_customer`]).
    /// A suspended subscription also carries suspension reasons in the API (`TRIAL_ENDED`,
    /// `RESELLER_INITIATED`, …), which this type does not model. Parsing ignores case and
    /// surrounding white space.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::SubscriptionStatus;
    ///
    /// let status: SubscriptionStatus = "SUSPENDED".parse()?;
    /// assert_eq!(status, SubscriptionStatus::Suspended);
    /// assert_eq!(status.as_str(), "SUSPENDED");
    /// assert_eq!("trialing".parse::<SubscriptionStatus>().unwrap_err().code(), "value.unknown");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    SubscriptionStatus in "lifecycle", "subscription status" {
        /// `ACTIVE`: the subscription is in service.
        Active = "ACTIVE" | "actif" | "active",
        /// `PENDING`: waiting, e.g. for the customer to accept the Terms of Service or to
        /// verify its domain.
        Pending = "PENDING" | "en attente",
        /// `SUSPENDED`: suspended until every suspension reason is removed.
        Suspended = "SUSPENDED" | "suspendu",
    }
}

impl SubscriptionStatus {
    /// How much the status needs the salesperson's attention (higher: more).
    const fn attention(self) -> u8 {
        match self {
            SubscriptionStatus::Active => 0,
            SubscriptionStatus::Pending => 1,
            SubscriptionStatus::Suspended => 2,
        }
    }

    /// The status to show for a customer with these subscriptions: `None` (an empty field)
    /// when there is none yet, else the one that most needs attention (suspended, then
    /// pending, then active).
    ///
    /// How the console sums up several subscriptions is not documented; showing the most
    /// urgent one is this crate's choice.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::SubscriptionStatus::{self, Active, Pending};
    ///
    /// assert_eq!(SubscriptionStatus::for_customer(&[]), None);
    /// assert_eq!(SubscriptionStatus::for_customer(&[Active, Pending]), Some(Pending));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_customer(subscriptions: &[SubscriptionStatus]) -> Option<SubscriptionStatus> {
        subscriptions.iter().copied().max_by_key(|s| s.attention())
    }

    /// The label for people, in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, lifecycle::SubscriptionStatus};
    /// assert_eq!(SubscriptionStatus::Suspended.label(Lang::Fr), "Suspendu");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SubscriptionStatus::Active => lang.pick("Active", "Actif"),
            SubscriptionStatus::Pending => lang.pick("Pending", "En attente"),
            SubscriptionStatus::Suspended => lang.pick("Suspended", "Suspendu"),
        }
    }
}

/// Whether the reseller may open the customer's Google Admin console.
///
/// The default is [`Disabled`](ResellerAccess::Disabled), as the Partner Sales Console help
/// article *Ajouter un client Google Workspace* (Add a Google Workspace customer) says ("by
/// default, your access to a new customer's Admin console is disabled"). Other Google pages say
/// it is enabled by default, and a reseller that provides full support by contract always has
/// it: this crate follows the help article and makes the default explicit. Record the
/// customer's choice with [`CustomerRecord::allow_reseller_access`]; send it
/// [`ResellerAccess::how_to_allow`].
///
/// ```
/// use gws_onboarding::lifecycle::ResellerAccess;
///
/// assert_eq!(ResellerAccess::default(), ResellerAccess::Disabled);
/// assert!(!ResellerAccess::default().is_enabled());
/// assert_eq!(ResellerAccess::Enabled.as_str(), "enabled");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ResellerAccess {
    /// The reseller cannot open the customer's Admin console (the default according to the
    /// Partner Sales Console help article *Ajouter un client Google Workspace*, Add a Google
    /// Workspace customer).
    #[default]
    Disabled,
    /// The customer allowed the reseller into its Admin console.
    Enabled,
}

impl ResellerAccess {
    /// `"disabled"` or `"enabled"`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::lifecycle::ResellerAccess::Disabled.as_str(), "disabled");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ResellerAccess::Disabled => "disabled",
            ResellerAccess::Enabled => "enabled",
        }
    }

    /// Whether the reseller may open the customer's Admin console.
    ///
    /// ```
    /// assert!(gws_onboarding::lifecycle::ResellerAccess::Enabled.is_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_enabled(self) -> bool {
        matches!(self, ResellerAccess::Enabled)
    }

    /// A text the salesperson can send the customer, in `lang`, to explain how to allow
    /// reseller access. The exact menu names change over time, so it points to Google's help
    /// page rather than naming them.
    ///
    /// ```
    /// use gws_onboarding::{Lang, lifecycle::ResellerAccess};
    /// assert!(ResellerAccess::how_to_allow(Lang::Fr).contains("console d'administration"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn how_to_allow(lang: Lang) -> &'static str {
        lang.pick(
            "to let your reseller help you in the Google Admin console: sign in to admin.google.com \
             as a super administrator, open your account settings, turn on reseller access and \
             save (Google help: \"Change a reseller's access to your Admin console\")",
            "pour que votre revendeur puisse vous aider dans la console d'administration Google : \
             connectez-vous à admin.google.com en tant que super-administrateur, ouvrez les \
             paramètres du compte, activez l'accès revendeur et enregistrez (aide Google : \
             « Modifier l'accès d'un revendeur à votre console d'administration »)",
        )
    }
}

impl fmt::Display for ResellerAccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the reseller tracks about a customer after "Create": its subscriptions and whether it
/// allowed reseller access to its Admin console.
///
/// A new record has no subscription (the status is empty) and access disabled.
///
/// ```
/// use gws_onboarding::{Edition, lifecycle::{CustomerRecord, ResellerAccess, SubscriptionStatus}};
///
/// let mut record = CustomerRecord::new();
/// assert_eq!(record.subscription_status(), None);
/// assert_eq!(record.reseller_access(), ResellerAccess::Disabled);
///
/// record.record_order(Edition::BusinessStarter.into(), SubscriptionStatus::Active);
/// record.allow_reseller_access();
/// assert_eq!(record.subscription_status(), Some(SubscriptionStatus::Active));
/// assert!(record.reseller_access().is_enabled());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerRecord {
    pub(super) subscriptions: Vec<(Product, SubscriptionStatus)>,
    pub(super) reseller_access: ResellerAccess,
}

impl CustomerRecord {
    /// A customer just created: no subscription, reseller access disabled.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::CustomerRecord;
    /// assert!(CustomerRecord::new().subscriptions().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Self {
        CustomerRecord::default()
    }

    /// Records an order of `product`, or a new status of an existing subscription to it.
    ///
    /// ```
    /// use gws_onboarding::{Addon, lifecycle::{CustomerRecord, SubscriptionStatus}};
    /// let mut record = CustomerRecord::new();
    /// record.record_order(Addon::Vault.into(), SubscriptionStatus::Pending);
    /// record.record_order(Addon::Vault.into(), SubscriptionStatus::Active);
    /// assert_eq!(record.subscriptions(), [(Addon::Vault.into(), SubscriptionStatus::Active)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_order(&mut self, product: Product, status: SubscriptionStatus) {
        match self.subscriptions.iter_mut().find(|(p, _)| *p == product) {
            Some((_, current)) => *current = status,
            None => self.subscriptions.push((product, status)),
        }
    }

    /// The subscriptions, in order of first order.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::CustomerRecord;
    /// assert_eq!(CustomerRecord::new().subscriptions(), []);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscriptions(&self) -> &[(Product, SubscriptionStatus)] {
        &self.subscriptions
    }

    /// What the console's "Subscription status" shows: `None` until the first order, see
    /// [`SubscriptionStatus::for_customer`].
    ///
    /// ```
    /// use gws_onboarding::lifecycle::CustomerRecord;
    /// assert_eq!(CustomerRecord::new().subscription_status(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subscription_status(&self) -> Option<SubscriptionStatus> {
        self.subscriptions
            .iter()
            .map(|&(_, status)| status)
            .max_by_key(|s| s.attention())
    }

    /// Whether the reseller may open the customer's Admin console.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::{CustomerRecord, ResellerAccess};
    /// assert_eq!(CustomerRecord::new().reseller_access(), ResellerAccess::Disabled);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reseller_access(&self) -> ResellerAccess {
        self.reseller_access
    }

    /// Records that the customer allowed reseller access to its Admin console.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::CustomerRecord;
    /// let mut record = CustomerRecord::new();
    /// record.allow_reseller_access();
    /// assert!(record.reseller_access().is_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allow_reseller_access(&mut self) {
        self.reseller_access = ResellerAccess::Enabled;
    }

    /// Records the customer's choice, e.g. that it restricted access again.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::{CustomerRecord, ResellerAccess};
    /// let mut record = CustomerRecord::new();
    /// record.set_reseller_access(ResellerAccess::Enabled);
    /// record.set_reseller_access(ResellerAccess::Disabled);
    /// assert!(!record.reseller_access().is_enabled());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_reseller_access(&mut self, access: ResellerAccess) {
        self.reseller_access = access;
    }
}
