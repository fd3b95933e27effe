//! Layer 4, lifecycle: what changed between the reseller's record and Google's ([`Change`],
//! [`Drift`], [`drift`]).

use super::account::AccountSnapshot;
use crate::address::{AddressField, PostalAddress};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::error::{Diagnostic, Lang, Severity, quote};
use crate::phone::PhoneNumber;
use std::borrow::Cow;
use std::fmt;

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
pub(super) fn address_field(address: &PostalAddress, field: AddressField) -> Option<&str> {
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
pub(super) fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
        .normalize(&nfd.to_lowercase())
        .into_owned()
}

/// Lists what differs between the reseller's record (`ours`, e.g. from the created
/// [`Customer`](crate::customer::Customer)) and Google's (`theirs`, e.g. read back with the Reseller API).
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
