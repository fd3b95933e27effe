//! Layer 4, wire. [`AdminUserBody`]: the `users.insert` body of a domain customer's first
//! admin.

use serde::Serialize;

use super::error::{DirectoryError, MissingName};
use super::key::UserKey;
use super::password::{AdminPassword, expose_password};
use crate::customer::{Customer, CustomerKind, PersonName};
use crate::email::EmailAddress;

/// `name` of a `User` sent: the two input fields (`fullName` is Google's, read only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct SentName {
    given_name: PersonName,
    family_name: PersonName,
}

/// The body of `directory.users.insert` for a domain customer's first admin, built from a
/// valid [`Customer`] and the [`AdminPassword`] the salesperson chose.
///
/// | JSON field | From | Discovery document |
/// |---|---|---|
/// | `primaryEmail` | the admin's address ([`AdminContact::email`](crate::customer::AdminContact::email)), already checked to be in the primary domain | required |
/// | `name.givenName` | the admin's first name | required, at most 60 characters |
/// | `name.familyName` | the admin's last name | required, at most 60 characters |
/// | `password` | the [`AdminPassword`], as typed | required |
/// | `changePasswordAtNextLogin` | always `true` | input |
///
/// - **`changePasswordAtNextLogin: true`**: the password the salesperson chose is a temporary
///   one, as the Reseller how-to's "temporary random password" is; the customer's admin sets
///   their own at first sign-in, so the reseller never knows the super admin's real password.
/// - **`hashFunction` is not sent**: the password goes as typed (over TLS) and Google stores it
///   hashed. `hashFunction` tells Google that `password` already *is* a SHA-1, MD5 or crypt
///   hash, which this body never sends.
/// - Nothing read only is sent (`isAdmin` in particular: "If edited in the user insert or update
///   methods, the edit is ignored by the API service"; the admin role comes from
///   [`MakeAdminBody`](super::MakeAdminBody)).
///
/// Its `Debug` redacts the password. It has no `Deserialize`: a body is made from a customer,
/// never read back, so the password is not stored with anything.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = AdminUserBody::new(&customer, AdminPassword::parse("Temp-2026-pass!")?)?;
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "primaryEmail": "jeanne.martin@acme-widgets.fr",
///     "name": {"givenName": "Jeanne", "familyName": "Martin"},
///     "password": "Temp-2026-pass!",
///     "changePasswordAtNextLogin": true}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdminUserBody {
    primary_email: EmailAddress,
    name: SentName,
    #[serde(serialize_with = "expose_password")]
    password: AdminPassword,
    change_password_at_next_login: bool,
}

impl AdminUserBody {
    /// The body that creates `customer`'s admin with `password`.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    ///
    /// let mut form = OnboardingForm::sample_domain_customer();
    /// form.admin.last_name = None;
    /// let customer = form::validate(&form, &Policy::new().require_admin_name(false))?;
    /// let err = AdminUserBody::new(&customer, AdminPassword::parse("Temp-2026-pass!")?).unwrap_err();
    /// assert_eq!((err.code(), err.form_field()), ("directory.admin_name", Some("admin.lastName")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DirectoryError::TeamCustomer`] for a team customer (no Directory user to create: see
    /// the [module docs](super)); [`DirectoryError::AdminName`] when the form gives no first or
    /// no last name for the admin. Google requires both (`name.givenName` and
    /// `name.familyName` are annotated required for `users.insert`) and refuses an empty one,
    /// and a name made up from the address would be shown to the customer as their admin's
    /// name: the salesperson adds the names to the form instead. With the default
    /// [`Policy`](crate::form::Policy) the form already requires both for a domain customer;
    /// this error is for a reseller who turned
    /// [`require_admin_name`](crate::form::Policy::require_admin_name) off.
    pub fn new(customer: &Customer, password: AdminPassword) -> Result<Self, DirectoryError> {
        if customer.kind() == CustomerKind::Team {
            return Err(DirectoryError::TeamCustomer);
        }
        let admin = customer.admin();
        let (given_name, family_name) = match (admin.first_name(), admin.last_name()) {
            (Some(first), Some(last)) => (first.clone(), last.clone()),
            (None, Some(_)) => return Err(missing(MissingName::FirstName)),
            (Some(_), None) => return Err(missing(MissingName::LastName)),
            (None, None) => return Err(missing(MissingName::Both)),
        };
        Ok(AdminUserBody {
            primary_email: admin.email().clone(),
            name: SentName {
                given_name,
                family_name,
            },
            password,
            change_password_at_next_login: true,
        })
    }

    /// `primaryEmail`: the admin's address, the new account's username.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// assert_eq!(body.primary_email().as_str(), "jeanne.martin@acme-widgets.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn primary_email(&self) -> &EmailAddress {
        &self.primary_email
    }

    /// `name.givenName`: the admin's first name.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// assert_eq!(body.given_name().as_str(), "Jeanne");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn given_name(&self) -> &PersonName {
        &self.name.given_name
    }

    /// `name.familyName`: the admin's last name.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// assert_eq!(body.family_name().as_str(), "Martin");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn family_name(&self) -> &PersonName {
        &self.name.family_name
    }

    /// `changePasswordAtNextLogin`: always `true` (see the type's docs).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// assert!(body.change_password_at_next_login());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn change_password_at_next_login(&self) -> bool {
        self.change_password_at_next_login
    }

    /// The new user's key by its primary email, for [`make_admin_path`](super::make_admin_path) (prefer the `id`
    /// Google answers with, [`UserResource::user_key`](super::UserResource::user_key), when you have it).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// assert_eq!(body.user_key().as_str(), "jeanne.martin@acme-widgets.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn user_key(&self) -> UserKey {
        UserKey::from(&self.primary_email)
    }
}

fn missing(missing: MissingName) -> DirectoryError {
    DirectoryError::AdminName { missing }
}

/// The body of `users.insert` for `customer`; the same as [`AdminUserBody::new`].
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::directory::{self, AdminPassword};
///
/// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let err = directory::insert_body(&team, AdminPassword::parse("Temp-2026-pass!")?).unwrap_err();
/// assert_eq!(err.code(), "directory.team_customer");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// As [`AdminUserBody::new`].
pub fn insert_body(
    customer: &Customer,
    password: AdminPassword,
) -> Result<AdminUserBody, DirectoryError> {
    AdminUserBody::new(customer, password)
}
