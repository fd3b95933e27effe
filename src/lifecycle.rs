//! Layer 4, lifecycle. After creation: what Google holds about the customer, and how it drifts from the reseller's record.
//!
//! - [`SubscriptionStatus`] and [`CustomerRecord`]: the console's "Subscription status" stays
//!   empty until the first order; [`ResellerAccess`] to the customer's Admin console is
//!   disabled by default (per the Partner Sales Console help article *Ajouter un client Google
//!   Workspace*, Add a Google Workspace customer) until the customer allows it.
//! - [`drift`] lists what changed between the reseller's record and Google's, with a
//!   [`Drift::reminder`] to send the customer.
//! - [`display_labels`] tells apart customers with the same name (several teams may buy
//!   Essentials) by their Cloud Identity ID, as the console does.
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

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::address::{AddressField, PostalAddress};
use crate::customer::{CloudIdentityId, Customer, OrganizationName};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::error::{Diagnostic, Lang, Severity, quote};
use crate::names::string_enum;
use crate::phone::PhoneNumber;
use crate::product::Product;

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
        Active = "ACTIVE",
        /// `PENDING`: waiting, e.g. for the customer to accept the Terms of Service or to
        /// verify its domain.
        Pending = "PENDING",
        /// `SUSPENDED`: suspended until every suspension reason is removed.
        Suspended = "SUSPENDED",
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
    subscriptions: Vec<(Product, SubscriptionStatus)>,
    reseller_access: ResellerAccess,
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

/// One difference between the reseller's record and Google's.
///
/// ```
/// use gws_onboarding::{Lang, PrimaryDomain, lifecycle::Change};
///
/// let change = Change::Domain {
///     ours: PrimaryDomain::parse("acme.fr")?,
///     theirs: PrimaryDomain::parse("acme.com")?,
/// };
/// assert_eq!(change.field_path(), "customerDomain");
/// assert_eq!(change.message(Lang::En), "domain changed from \"acme.fr\" to \"acme.com\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// The primary domain changed.
    Domain {
        /// In the reseller's record.
        ours: PrimaryDomain,
        /// At Google.
        theirs: PrimaryDomain,
    },
    /// One field of the organisation's postal address changed (`None`: blank).
    PostalAddress {
        /// The field.
        field: AddressField,
        /// In the reseller's record.
        ours: Option<String>,
        /// At Google.
        theirs: Option<String>,
    },
    /// The admin's address changed.
    AdminEmail {
        /// In the reseller's record.
        ours: EmailAddress,
        /// At Google.
        theirs: EmailAddress,
    },
    /// The secondary (alternate) address changed.
    AlternateEmail {
        /// In the reseller's record.
        ours: EmailAddress,
        /// At Google.
        theirs: EmailAddress,
    },
    /// The phone number changed.
    Phone {
        /// In the reseller's record.
        ours: PhoneNumber,
        /// At Google.
        theirs: PhoneNumber,
    },
}

impl Change {
    /// The stable machine code: `drift.domain`, `drift.postal_address`, `drift.admin_email`,
    /// `drift.alternate_email` or `drift.phone`.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, lifecycle::Change};
    /// let change = Change::Domain {
    ///     ours: PrimaryDomain::parse("acme.fr")?,
    ///     theirs: PrimaryDomain::parse("acme.com")?,
    /// };
    /// assert_eq!(change.code(), "drift.domain");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Change::Domain { .. } => "drift.domain",
            Change::PostalAddress { .. } => "drift.postal_address",
            Change::AdminEmail { .. } => "drift.admin_email",
            Change::AlternateEmail { .. } => "drift.alternate_email",
            Change::Phone { .. } => "drift.phone",
        }
    }

    /// Always [`Severity::Warning`]: a change is worth telling the salesperson, it blocks
    /// nothing.
    ///
    /// ```
    /// use gws_onboarding::{PrimaryDomain, Severity, lifecycle::Change};
    /// let change = Change::Domain {
    ///     ours: PrimaryDomain::parse("acme.fr")?,
    ///     theirs: PrimaryDomain::parse("acme.com")?,
    /// };
    /// assert_eq!(change.severity(), Severity::Warning);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        Severity::Warning
    }

    /// Where the value lives in a Reseller API customer: `customerDomain`,
    /// `postalAddress.<field>`, `primaryAdmin.primaryEmail`, `alternateEmail` or `phoneNumber`.
    ///
    /// ```
    /// use gws_onboarding::{AddressField, lifecycle::Change};
    /// let change = Change::PostalAddress {
    ///     field: AddressField::Locality, ours: Some("Paris".into()), theirs: Some("Lyon".into()),
    /// };
    /// assert_eq!(change.field_path(), "postalAddress.locality");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field_path(&self) -> Cow<'static, str> {
        match self {
            Change::Domain { .. } => Cow::Borrowed("customerDomain"),
            Change::PostalAddress { field, .. } => Cow::Borrowed(field.form_path()),
            Change::AdminEmail { .. } => Cow::Borrowed("primaryAdmin.primaryEmail"),
            Change::AlternateEmail { .. } => Cow::Borrowed("alternateEmail"),
            Change::Phone { .. } => Cow::Borrowed("phoneNumber"),
        }
    }

    /// The change described for a salesperson, in `lang`; values are echoed safely.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, Lang, lifecycle::Change};
    /// let change = Change::AdminEmail {
    ///     ours: EmailAddress::parse("a@acme.fr")?,
    ///     theirs: EmailAddress::parse("b@acme.fr")?,
    /// };
    /// assert_eq!(
    ///     change.message(Lang::Fr),
    ///     "adresse e-mail de l'administrateur modifiée : « a@acme.fr » devient « b@acme.fr »"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        use crate::error::Gender::{Feminine as F, Masculine as M};
        // What changed, in English, in French and the French name's gender, side by side.
        let (what_en, what_fr, gender, ours, theirs): (Cow<'_, str>, Cow<'_, str>, _, _, _) =
            match self {
                Change::Domain { ours, theirs } => (
                    "domain".into(),
                    "domaine".into(),
                    M,
                    ours.as_str(),
                    theirs.as_str(),
                ),
                Change::PostalAddress {
                    field,
                    ours,
                    theirs,
                } => {
                    let (name, gender) = field.fr();
                    (
                        format!("postal address {field}").into(),
                        format!("{name} de l'adresse postale").into(),
                        gender,
                        ours.as_deref().unwrap_or_default(),
                        theirs.as_deref().unwrap_or_default(),
                    )
                }
                Change::AdminEmail { ours, theirs } => (
                    "admin email address".into(),
                    "adresse e-mail de l'administrateur".into(),
                    F,
                    ours.as_str(),
                    theirs.as_str(),
                ),
                Change::AlternateEmail { ours, theirs } => (
                    "secondary email address".into(),
                    "adresse e-mail secondaire".into(),
                    F,
                    ours.as_str(),
                    theirs.as_str(),
                ),
                Change::Phone { ours, theirs } => (
                    "phone number".into(),
                    "numéro de téléphone".into(),
                    M,
                    ours.as_str(),
                    theirs.as_str(),
                ),
            };
        let (ours, theirs) = (quote(ours, lang), quote(theirs, lang));
        match lang {
            Lang::Fr => format!(
                "{what_fr} {} : {ours} devient {theirs}",
                gender.agree("modifié", "modifiée")
            ),
            _ => format!("{what_en} changed from {ours} to {theirs}"),
        }
    }
}

/// The English message.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Change {}

impl Diagnostic for Change {
    fn code(&self) -> &'static str {
        Change::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        Change::message(self, lang)
    }
    fn severity(&self) -> Severity {
        Change::severity(self)
    }
}

/// The differences [`drift`] found, in a fixed order: domain, postal address (form order),
/// admin, secondary address, phone.
///
/// ```
/// use gws_onboarding::{Lang, PrimaryDomain, lifecycle::{self, AccountSnapshot}};
///
/// let ours = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?);
/// let drift = lifecycle::drift(&ours, &ours.clone());
/// assert!(drift.is_empty());
/// assert!(drift.reminder(Lang::En).starts_with("changes a customer makes"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    pub(crate) changes: Vec<Change>,
}

impl Drift {
    /// Whether both records agree.
    ///
    /// ```
    /// assert!(gws_onboarding::lifecycle::Drift::default().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many values differ.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::lifecycle::Drift::default().len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// The changes.
    ///
    /// ```
    /// assert!(gws_onboarding::lifecycle::Drift::default().changes().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Iterates over the changes.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::lifecycle::Drift::default().iter().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Change> {
        self.changes.iter()
    }

    /// The reminder of the Partner Sales Console help article *Ajouter un client Google
    /// Workspace* (Add a Google Workspace customer), in `lang`: changes the customer makes in the
    /// Admin console are not synced back to the Partner Sales Console, so it should tell the
    /// reseller when it changes its organisation address, domain or admin. When there are
    /// changes, the text names the fields that differ and asks to update the record first.
    ///
    /// ```
    /// use gws_onboarding::{Lang, PrimaryDomain, lifecycle::{self, AccountSnapshot}};
    ///
    /// let ours = AccountSnapshot::new(PrimaryDomain::parse("acme.fr")?);
    /// let theirs = AccountSnapshot::new(PrimaryDomain::parse("acme.com")?);
    /// let text = lifecycle::drift(&ours, &theirs).reminder(Lang::Fr);
    /// assert!(text.contains("(customerDomain)"));
    /// assert!(text.contains("d'adresse d'organisation, de domaine ou d'administrateur"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reminder(&self, lang: Lang) -> String {
        if self.is_empty() {
            return lang
                .pick(
                    "changes a customer makes in the Google Admin console are not synced back to \
                     the Partner Sales Console: remind the customer to tell you when it changes \
                     its organisation address, domain or admin",
                    "les modifications qu'un client apporte dans la console d'administration \
                     Google ne sont pas reportées dans la Partner Sales Console : rappelez-lui de \
                     vous avertir lorsqu'il change d'adresse d'organisation, de domaine ou \
                     d'administrateur",
                )
                .to_owned();
        }
        let fields = self
            .changes
            .iter()
            .map(Change::field_path)
            .collect::<Vec<_>>()
            .join(", ");
        match lang {
            Lang::Fr => format!(
                "le compte du client a été modifié dans la console d'administration Google sans \
                 être reporté dans la Partner Sales Console ({fields}) : mettez à jour votre \
                 fiche et rappelez au client de vous avertir lorsqu'il change d'adresse \
                 d'organisation, de domaine ou d'administrateur"
            ),
            _ => format!(
                "the customer's account was changed in the Google Admin console and not synced \
                 back to the Partner Sales Console ({fields}): update your record and remind the \
                 customer to tell you when it changes its organisation address, domain or admin"
            ),
        }
    }
}

impl<'a> IntoIterator for &'a Drift {
    type Item = &'a Change;
    type IntoIter = std::slice::Iter<'a, Change>;

    fn into_iter(self) -> Self::IntoIter {
        self.changes.iter()
    }
}

/// The value of one field of `address`.
/// The value of one address field as [`drift`] compares it. Address lines are compared packed
/// (the `n`-th line given, blanks skipped): the Cloud Channel API keeps `addressLines` as a
/// list, so a third line typed without a second comes back as the second, and that is no
/// change.
fn address_field(address: &PostalAddress, field: AddressField) -> Option<&str> {
    let packed_line = |n: usize| {
        [
            Some(address.address_line1()),
            address.address_line2(),
            address.address_line3(),
        ]
        .into_iter()
        .flatten()
        .filter(|line| !line.trim().is_empty())
        .nth(n)
    };
    match field {
        AddressField::ContactName => Some(address.contact_name()),
        AddressField::OrganizationName => Some(address.organization_name()),
        AddressField::AddressLine1 => packed_line(0),
        AddressField::AddressLine2 => packed_line(1),
        AddressField::AddressLine3 => packed_line(2),
        AddressField::Locality => address.locality(),
        AddressField::Region => address.region(),
        AddressField::PostalCode => Some(address.postal_code()),
        AddressField::CountryCode => Some(address.country_code().as_str()),
    }
}

/// Whether two address texts are the same once white space is collapsed, case ignored and
/// Unicode normalised (see [`fold`]): `"Bâtiment"` typed precomposed (NFC) or decomposed (NFD,
/// as some systems store it) is the same text.
pub(crate) fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    fn words(s: &str) -> impl Iterator<Item = &str> + '_ {
        s.split_whitespace()
    }
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    if a.is_ascii() && b.is_ascii() {
        return words(a).map(str::len).eq(words(b).map(str::len))
            && words(a)
                .zip(words(b))
                .all(|(x, y)| x.eq_ignore_ascii_case(y));
    }
    words(&fold(a)).eq(words(&fold(b)))
}

/// The form two texts are compared in: canonical caseless, `NFC(lowercase(NFD(text)))`.
///
/// Canonically equivalent spellings (NFC `É`, NFD `E` + U+0301) fold alike, and so do upper and
/// lower case (Unicode `to_lowercase`, not full case folding: `ß` stays `ß`). Compatibility
/// characters are kept apart (`ﬁ` is not `fi`, full-width `Ａ` is not `a`): they look different,
/// and a label must show which customer is which. ASCII text is only lowercased.
fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(&nfd.to_lowercase())
        .into_owned()
}

/// Lists what differs between the reseller's record (`ours`, e.g. from the created
/// [`Customer`]) and Google's (`theirs`, e.g. read back with the Reseller API).
///
/// Values are compared in canonical form: domains and email addresses as this crate
/// normalises them (lowercase, A-labels), phone numbers in E.164, address fields with white
/// space collapsed, case ignored and Unicode normalised (`"75001 "` and `"75001"`, `"PARIS"`
/// and `"Paris"`, NFC `"Bâtiment"` and NFD `"Ba\u{302}timent"` are the same). A value one side does not know (`None` in the snapshot: Google's answer often lacks
/// the admin) is not compared; when both know the postal address, each of its fields is, and a
/// blank field against a filled one is a change.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::lifecycle::{self, AccountSnapshot, Change};
/// use gws_onboarding::{EmailAddress, Lang};
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let ours = AccountSnapshot::from(&customer);
/// let theirs = ours.clone().with_admin_email(EmailAddress::parse("new.admin@acme-widgets.fr")?);
///
/// let drift = lifecycle::drift(&ours, &theirs);
/// assert_eq!(drift.len(), 1);
/// assert!(matches!(drift.changes()[0], Change::AdminEmail { .. }));
/// assert!(drift.reminder(Lang::En).contains("primaryAdmin.primaryEmail"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn drift(ours: &AccountSnapshot, theirs: &AccountSnapshot) -> Drift {
    let mut changes = Vec::new();
    if ours.domain != theirs.domain {
        changes.push(Change::Domain {
            ours: ours.domain.clone(),
            theirs: theirs.domain.clone(),
        });
    }
    if let (Some(a), Some(b)) = (&ours.postal_address, &theirs.postal_address) {
        for field in AddressField::ALL {
            let (x, y) = (address_field(a, field), address_field(b, field));
            if !same_text(x, y) {
                changes.push(Change::PostalAddress {
                    field,
                    ours: x.map(str::to_owned),
                    theirs: y.map(str::to_owned),
                });
            }
        }
    }
    if let (Some(a), Some(b)) = (&ours.admin_email, &theirs.admin_email) {
        if a != b {
            changes.push(Change::AdminEmail {
                ours: a.clone(),
                theirs: b.clone(),
            });
        }
    }
    if let (Some(a), Some(b)) = (&ours.alternate_email, &theirs.alternate_email) {
        if a != b {
            changes.push(Change::AlternateEmail {
                ours: a.clone(),
                theirs: b.clone(),
            });
        }
    }
    if let (Some(a), Some(b)) = (&ours.phone, &theirs.phone) {
        if a != b {
            changes.push(Change::Phone {
                ours: a.clone(),
                theirs: b.clone(),
            });
        }
    }
    Drift { changes }
}

/// A customer as listed in the console's customer list: its name and its Cloud Identity ID.
///
/// ```
/// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
/// use gws_onboarding::lifecycle::ListedCustomer;
///
/// let listed = ListedCustomer::new(OrganizationName::parse("Design Team")?, CloudIdentityId::parse("C01abcd2e")?);
/// assert_eq!(listed.name.as_str(), "Design Team");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListedCustomer {
    /// The organisation (customer) name.
    pub name: OrganizationName,
    /// Google's unique identifier of the customer's account.
    pub cloud_identity_id: CloudIdentityId,
}

impl ListedCustomer {
    /// Pairs a name and an id.
    ///
    /// ```
    /// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
    /// use gws_onboarding::lifecycle::ListedCustomer;
    /// let listed = ListedCustomer::new(OrganizationName::parse("A")?, CloudIdentityId::parse("C1")?);
    /// assert_eq!(listed.cloud_identity_id.as_str(), "C1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(name: OrganizationName, cloud_identity_id: CloudIdentityId) -> Self {
        ListedCustomer {
            name,
            cloud_identity_id,
        }
    }
}

/// A customer name as compared: canonical caseless ([`fold`]: NFC of the lowercase of the NFD,
/// so NFC and NFD spellings of one name are one name). [`OrganizationName`] is already trimmed
/// with white space collapsed. ASCII names (nearly all) are compared and hashed in place,
/// without a lowercase copy.
enum NameKey<'a> {
    /// An ASCII name, compared ignoring ASCII case.
    Ascii(&'a str),
    /// Any other name, folded.
    Folded(String),
}

impl<'a> NameKey<'a> {
    fn new(name: &'a str) -> Self {
        if name.is_ascii() {
            NameKey::Ascii(name)
        } else {
            NameKey::Folded(fold(name))
        }
    }

    /// Calls `f` with the lowercase bytes of the name, in chunks.
    fn for_each_chunk(&self, mut f: impl FnMut(&[u8])) {
        match self {
            NameKey::Ascii(name) => {
                let mut buffer = [0u8; 64];
                for chunk in name.as_bytes().chunks(buffer.len()) {
                    let out = &mut buffer[..chunk.len()];
                    out.copy_from_slice(chunk);
                    out.make_ascii_lowercase();
                    f(out);
                }
            }
            NameKey::Folded(name) => f(name.as_bytes()),
        }
    }

    fn len(&self) -> usize {
        match self {
            NameKey::Ascii(name) => name.len(),
            NameKey::Folded(name) => name.len(),
        }
    }

    /// Whether the folded name ends in `)`, as every label built with an ID does.
    fn ends_with_paren(&self) -> bool {
        match self {
            NameKey::Ascii(name) => name.ends_with(')'),
            NameKey::Folded(name) => name.ends_with(')'),
        }
    }
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (NameKey::Ascii(a), NameKey::Ascii(b)) => a.eq_ignore_ascii_case(b),
            (NameKey::Folded(a), NameKey::Folded(b)) => a == b,
            // An ASCII name and a lowercased non-ASCII one can still be equal (the Kelvin sign
            // lowercases to `k`): compare their lowercase bytes.
            (NameKey::Ascii(a), NameKey::Folded(f)) | (NameKey::Folded(f), NameKey::Ascii(a)) => {
                a.len() == f.len() && a.bytes().map(|b| b.to_ascii_lowercase()).eq(f.bytes())
            }
        }
    }
}

impl Eq for NameKey<'_> {}

impl Hash for NameKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The same stream for equal keys of either variant: the lowercase bytes, then the length.
        self.for_each_chunk(|chunk| state.write(chunk));
        state.write_usize(self.len());
    }
}

/// The label of each customer in a list, as the console shows it: the name alone when no
/// other customer has it, `"{name} ({cloud_identity_id})"` when two or more do (several teams
/// may buy Essentials under the same name).
///
/// Names are compared as the eye reads them: ignoring case (Unicode lowercase), white space
/// runs (collapsed when the [`OrganizationName`] was parsed) and Unicode normalisation (NFC and
/// NFD spellings, `Équipe` and `E\u{301}quipe`, are one name): `"Design Team"` and
/// `"design  TEAM"` collide. Compatibility characters are not folded (`ﬁ` is not `fi`).
///
/// Every label differs from every other one, compared the same way, including labels built
/// with an ID: a customer named `"A (X)"` and the customer `"A"` with ID `X` among several
/// `"A"` do not share `"A (X)"`: the one whose label was its bare name gets its ID too
/// (`"A (X) (Y)"`). The same name listed twice with the same ID (or IDs differing only in
/// case) is numbered in input order: `"A (X)"`, then `"A (X #2)"` (skipping a number that
/// another label already shows).
///
/// The label keeps each customer's own spelling. Labels come in input order; a unique name is
/// borrowed, not copied. Runs in O(n) expected time (one hash per customer, and one more per
/// label that ends in `)`, with the standard library's keyed hasher, so crafted names cannot
/// make it quadratic).
///
/// ```
/// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
/// use gws_onboarding::lifecycle::{self, ListedCustomer};
///
/// let listed = |name: &str, id: &str| -> Result<ListedCustomer, Box<dyn std::error::Error>> {
///     Ok(ListedCustomer::new(OrganizationName::parse(name)?, CloudIdentityId::parse(id)?))
/// };
/// let customers = [
///     listed("Design Team", "C01aaa")?,
///     listed("Acme SAS", "C02bbb")?,
///     listed("design team", "C03ccc")?,
/// ];
/// assert_eq!(
///     lifecycle::display_labels(&customers),
///     ["Design Team (C01aaa)", "Acme SAS", "design team (C03ccc)"]
/// );
///
/// // NFC and NFD spellings of one name are one name.
/// let twins = [listed("\u{c9}quipe", "C1")?, listed("E\u{301}quipe", "C2")?];
/// assert_eq!(lifecycle::display_labels(&twins), ["\u{c9}quipe (C1)", "E\u{301}quipe (C2)"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn display_labels(customers: &[ListedCustomer]) -> Vec<Cow<'_, str>> {
    // One hash per customer: each name gets the index of its group, and groups count members.
    let mut groups: HashMap<NameKey<'_>, usize> = HashMap::with_capacity(customers.len());
    let mut group_of = Vec::with_capacity(customers.len());
    let mut sizes: Vec<u32> = Vec::new();
    // Labels that may equal another label: those built with an ID, and bare names ending in
    // `)` like every label built with an ID. Other bare names are unique by construction.
    let mut suspects = Vec::new();
    for (index, customer) in customers.iter().enumerate() {
        let next = sizes.len();
        let key = NameKey::new(customer.name.as_str());
        if key.ends_with_paren() {
            suspects.push(index);
        }
        let group = *groups.entry(key).or_insert(next);
        if group == next {
            sizes.push(0);
        }
        sizes[group] = sizes[group].saturating_add(1);
        group_of.push(group);
    }
    let mut labels: Vec<Cow<'_, str>> = customers
        .iter()
        .zip(&group_of)
        .enumerate()
        .map(|(index, (customer, &group))| {
            if sizes[group] > 1 {
                if !customer.name.as_str().ends_with(')') {
                    suspects.push(index);
                }
                with_id(customer, None)
            } else {
                Cow::Borrowed(customer.name.as_str())
            }
        })
        .collect();
    if suspects.len() > 1 {
        suspects.sort_unstable();
        suspects.dedup();
        make_unique(customers, &mut labels, suspects);
    }
    labels
}

/// `"{name} ({id})"`, or `"{name} ({id} #{number})"`.
fn with_id(customer: &ListedCustomer, number: Option<usize>) -> Cow<'static, str> {
    Cow::Owned(match number {
        None => format!("{} ({})", customer.name, customer.cloud_identity_id),
        Some(n) => format!("{} ({} #{n})", customer.name, customer.cloud_identity_id),
    })
}

/// Changes the labels of `suspects` (indices, in input order) until no two labels of the
/// whole output fold alike: a bare name that meets another label takes its ID; two labels
/// that both carry an ID keep the first and number the later one. Labels outside `suspects`
/// end in something other than `)` and are unique among themselves, so they meet no other.
fn make_unique(customers: &[ListedCustomer], labels: &mut [Cow<'_, str>], suspects: Vec<usize>) {
    let bare = |labels: &[Cow<'_, str>], i: usize| matches!(labels[i], Cow::Borrowed(_));
    let mut owner: HashMap<String, usize> = HashMap::with_capacity(suspects.len());
    let mut next_number: HashMap<String, usize> = HashMap::new();
    let mut queue: std::collections::VecDeque<usize> = suspects.into();
    while let Some(i) = queue.pop_front() {
        let key = fold(&labels[i]);
        let Some(&j) = owner.get(&key) else {
            owner.insert(key, i);
            continue;
        };
        if bare(labels, j) {
            // The holder is a bare name: it takes its ID, and `i` takes the label.
            labels[j] = with_id(&customers[j], None);
            owner.insert(key, i);
            queue.push_back(j);
        } else if bare(labels, i) {
            labels[i] = with_id(&customers[i], None);
            queue.push_back(i);
        } else {
            // Both carry an ID: number the later one with the first number free. Numbers
            // already given for this label are not tried again, so that a customer listed n
            // times costs O(n), not O(n²).
            let next = next_number.entry(key).or_insert(2);
            loop {
                let label = with_id(&customers[i], Some(*next));
                *next += 1;
                if let std::collections::hash_map::Entry::Vacant(slot) = owner.entry(fold(&label)) {
                    slot.insert(i);
                    labels[i] = label;
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::RawPostalAddress;
    use crate::form::{self, OnboardingForm, Policy};
    use crate::product::{Addon, Edition};

    fn ours() -> AccountSnapshot {
        let customer = form::validate(
            &OnboardingForm::sample_domain_customer(),
            &Policy::default(),
        )
        .unwrap();
        AccountSnapshot::from(&customer)
    }

    fn with_address(
        snap: AccountSnapshot,
        edit: impl FnOnce(&mut RawPostalAddress),
    ) -> AccountSnapshot {
        let mut raw = RawPostalAddress::from(snap.postal_address().unwrap().clone());
        edit(&mut raw);
        snap.with_postal_address(PostalAddress::new(&raw).unwrap())
    }

    fn listed(name: &str, id: &str) -> ListedCustomer {
        ListedCustomer::new(
            OrganizationName::parse(name).unwrap(),
            CloudIdentityId::parse(id).unwrap(),
        )
    }

    #[test]
    fn status_is_empty_until_the_first_order() {
        let mut record = CustomerRecord::new();
        assert_eq!(record.subscription_status(), None);
        assert_eq!(SubscriptionStatus::for_customer(&[]), None);
        record.record_order(Edition::BusinessStarter.into(), SubscriptionStatus::Active);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Active)
        );
        record.record_order(Addon::Vault.into(), SubscriptionStatus::Suspended);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Suspended)
        );
        record.record_order(Addon::Vault.into(), SubscriptionStatus::Pending);
        assert_eq!(record.subscriptions().len(), 2);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Pending)
        );
    }

    #[test]
    fn statuses_round_trip() {
        for status in SubscriptionStatus::ALL {
            assert_eq!(status.as_str().parse::<SubscriptionStatus>(), Ok(*status));
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(
                status
                    .as_str()
                    .to_ascii_lowercase()
                    .parse::<SubscriptionStatus>(),
                Ok(*status)
            );
            assert_ne!(status.label(Lang::En), status.label(Lang::Fr));
        }
        let err = "CANCELLED".parse::<SubscriptionStatus>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown subscription status \"CANCELLED\": expected one of `ACTIVE`, `PENDING`, `SUSPENDED`"
        );
        assert!(
            err.message(Lang::Fr)
                .starts_with("état d'abonnement « CANCELLED »")
        );
    }

    #[test]
    fn reseller_access_is_disabled_by_default() {
        assert_eq!(ResellerAccess::default(), ResellerAccess::Disabled);
        let mut record = CustomerRecord::new();
        assert_eq!(record.reseller_access(), ResellerAccess::Disabled);
        record.allow_reseller_access();
        assert_eq!(record.reseller_access(), ResellerAccess::Enabled);
        let (en, fr) = (
            ResellerAccess::how_to_allow(Lang::En),
            ResellerAccess::how_to_allow(Lang::Fr),
        );
        assert!(!en.is_empty() && !fr.is_empty() && en != fr);
    }

    #[test]
    fn no_drift_between_equal_records() {
        let drift = drift(&ours(), &ours());
        assert!(drift.is_empty());
        assert_ne!(drift.reminder(Lang::En), drift.reminder(Lang::Fr));
    }

    #[test]
    fn drift_lists_each_change_in_order() {
        let ours = ours();
        let theirs = with_address(
            AccountSnapshot {
                domain: PrimaryDomain::parse("acme-widgets.com").unwrap(),
                ..ours.clone()
            },
            |raw| {
                raw.locality = Some("Lyon".into());
                raw.address_line2 = Some("Bâtiment B".into());
            },
        )
        .with_admin_email(EmailAddress::parse("boss@acme-widgets.com").unwrap())
        .with_alternate_email(EmailAddress::parse("it@other-reseller.de").unwrap())
        .with_phone(PhoneNumber::parse("+33 4 78 00 00 00").unwrap());
        let drift = drift(&ours, &theirs);
        let paths: Vec<_> = drift.iter().map(Change::field_path).collect();
        assert_eq!(
            paths,
            [
                "customerDomain",
                "postalAddress.addressLine2",
                "postalAddress.locality",
                "primaryAdmin.primaryEmail",
                "alternateEmail",
                "phoneNumber"
            ]
        );
        assert_eq!(
            drift.changes()[2],
            Change::PostalAddress {
                field: AddressField::Locality,
                ours: ours.postal_address().unwrap().locality().map(str::to_owned),
                theirs: Some("Lyon".into()),
            }
        );
        let reminder = drift.reminder(Lang::En);
        assert!(reminder.contains("(customerDomain, postalAddress.addressLine2"));
        assert!(reminder.ends_with("organisation address, domain or admin"));
        for change in &drift {
            assert_ne!(change.message(Lang::En), change.message(Lang::Fr));
        }
    }

    #[test]
    fn drift_compares_canonical_values() {
        let ours = ours();
        // Case and white space in the address, case in emails and domains, phone formatting.
        let theirs = with_address(
            AccountSnapshot {
                domain: PrimaryDomain::parse("ACME-Widgets.FR").unwrap(),
                ..ours.clone()
            },
            |raw| {
                raw.address_line1 = format!("  {}  ", raw.address_line1.to_uppercase());
                raw.address_line1 = raw.address_line1.replace(' ', "  ");
            },
        )
        .with_admin_email(EmailAddress::parse("Jeanne.Martin@ACME-widgets.fr").unwrap());
        assert!(
            drift(&ours, &theirs).is_empty(),
            "{:?}",
            drift(&ours, &theirs)
        );
        // What one side does not know is not compared.
        let bare = AccountSnapshot::new(ours.domain().clone());
        assert!(drift(&ours, &bare).is_empty());
        assert!(drift(&bare, &ours).is_empty());
    }

    #[test]
    fn labels_add_the_id_only_on_collisions() {
        let customers = [
            listed("Design Team", "C01"),
            listed("Acme SAS", "C02"),
            listed("DESIGN   team", "C03"),
            listed("Design Teams", "C04"),
            listed("Équipe Été", "C05"),
            listed("équipe été", "C06"),
        ];
        assert_eq!(
            display_labels(&customers),
            [
                "Design Team (C01)",
                "Acme SAS",
                "DESIGN team (C03)",
                "Design Teams",
                "Équipe Été (C05)",
                "équipe été (C06)"
            ]
        );
        assert!(display_labels(&[]).is_empty());
        assert_eq!(display_labels(&customers[1..2]), ["Acme SAS"]);
    }

    #[test]
    fn labels_for_a_large_list() {
        // 100 000 customers: 90 000 distinct names, then 10 000 that repeat every ninth one of
        // them in upper case, so 20 000 labels carry the id.
        let n = 100_000_usize;
        let customers: Vec<ListedCustomer> = (0..n)
            .map(|i| {
                let name = if i < 90_000 {
                    format!("team {i}")
                } else {
                    format!("TEAM {}", (i - 90_000) * 9)
                };
                listed(&name, &format!("C{i:07}"))
            })
            .collect();
        let labels = display_labels(&customers);
        assert_eq!(labels.len(), n);
        let collided = |j: usize| j < 90_000 && j % 9 == 0 && j / 9 < 10_000;
        for (i, label) in labels.iter().enumerate() {
            let shared = if i < 90_000 { collided(i) } else { true };
            let name = customers[i].name.as_str();
            if shared {
                assert_eq!(*label, format!("{name} (C{i:07})"));
            } else {
                assert_eq!(label, name);
            }
        }
        assert_eq!(labels.iter().filter(|l| l.contains('(')).count(), 20_000);
    }

    #[test]
    fn a_customer_listed_many_times_is_numbered_in_linear_work() {
        // 20 000 copies of one customer: numbering from 2 each time would fold and hash 2 * 10^8
        // labels; each copy takes the next number instead.
        let customers = vec![listed("Design Team", "C01"); 20_000];
        let labels = display_labels(&customers);
        assert_eq!(labels[0], "Design Team (C01)");
        assert_eq!(labels[1], "Design Team (C01 #2)");
        assert_eq!(labels[19_999], "Design Team (C01 #20000)");
        // A number that another customer's bare name already shows is skipped.
        let customers = [
            listed("A", "X"),
            listed("A (X #2)", "Y"),
            listed("A", "X"),
            listed("A", "X"),
        ];
        assert_eq!(
            display_labels(&customers),
            ["A (X)", "A (X #2)", "A (X #3)", "A (X #4)"]
        );
    }

    #[test]
    fn ascii_and_unicode_spellings_of_one_name_collide() {
        let listed = |name: &str, id: &str| {
            ListedCustomer::new(
                OrganizationName::parse(name).unwrap(),
                CloudIdentityId::parse(id).unwrap(),
            )
        };
        // U+212A KELVIN SIGN lowercases to an ASCII `k`.
        let customers = [
            listed("\u{212a}elvin Lab", "C1"),
            listed("KELVIN lab", "C2"),
            listed("Ünïcode Lab", "C3"),
            listed("ünïcode lab", "C4"),
            listed("Other", "C5"),
        ];
        assert_eq!(
            display_labels(&customers),
            [
                "\u{212a}elvin Lab (C1)",
                "KELVIN lab (C2)",
                "Ünïcode Lab (C3)",
                "ünïcode lab (C4)",
                "Other"
            ]
        );
    }
}
