//! Layer 4, wire. Admin SDK Directory API v1: the first super admin of a domain customer created
//! through the Reseller API.
//!
//! # Why these calls
//!
//! The Reseller API's `customers.insert` creates a domain customer without any user: "After
//! creating a new customer account, you must provision a user as an administrator. The
//! customer's administrator is required to sign in to the Admin console and sign the G Suite via
//! Reseller agreement to activate the account" (Reseller API reference, `customers.insert`,
//! <https://developers.google.com/workspace/admin/reseller/reference/rest/v1/customers/insert>).
//! The how-to lists the steps: "Within the new customer's account, create a user", then
//! "Promote the user to the super administrator role. When creating the administrator account,
//! you can either generate a temporary random password or prompt the customer to provide a
//! password" (<https://developers.google.com/workspace/admin/reseller/v1/how-tos/manage_customers>),
//! and the end-to-end codelab says "Use the Directory API to create the first user and make them
//! an admin" (<https://developers.google.com/workspace/admin/reseller/v1/codelab/end-to-end>).
//!
//! | Step | Method (host `admin.googleapis.com`) | Body | Built by |
//! |---|---|---|---|
//! | 1 | `directory.users.insert`: `POST` [`users_insert_path`] | `User` | [`AdminUserBody::new`] |
//! | 2 | `directory.users.makeAdmin`: `POST` [`make_admin_path`] | `{"status": true}` | [`MakeAdminBody`] |
//!
//! A **team** customer (email-verified) needs neither: its admin is the Reseller body's
//! `primaryAdmin.primaryEmail`, and Google creates that account when the address is verified.
//! [`AdminUserBody::new`] refuses a team customer with [`DirectoryError::TeamCustomer`].
//!
//! # Sources
//!
//! The Directory discovery document, `googleapis/google-api-go-client`
//! `admin/directory/v1/admin-api.json` at commit `04b26a7aad3a7ffccb80ce51c3fffee255741402`
//! (discovery revision `20210817`): `users.insert` (`POST admin/directory/v1/users`, request and
//! response `User`), `users.makeAdmin` (`POST admin/directory/v1/users/{userKey}/makeAdmin`,
//! request `UserMakeAdmin`, **no response schema**), the `User` schema (`primaryEmail`,
//! `name.givenName`, `name.familyName` and `password` annotated required for
//! `directory.users.insert`; `id` an input; `isAdmin`, `kind`, `customerId`, `aliases`, … read
//! only), `UserMakeAdmin.status` (required). That revision describes `password` only as
//! "User's password"; the rule is the one Google's `User.password` description states (as
//! quoted by tools built on it, e.g. the `googleworkspace` Terraform provider's `password`):
//! "A password can contain any combination of ASCII characters. A minimum of 8 characters is
//! required. The maximum length is 100 characters"
//! (<https://developers.google.com/workspace/admin/directory/reference/rest/v1/users>).
//!
//! Errors come in the Admin SDK error format, the Reseller API's: read them with [`ErrorBody`]
//! (the same type as [`reseller::ErrorBody`](super::reseller::ErrorBody)).
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::wire::directory::{self, AdminPassword, AdminUserBody, MakeAdminBody};
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let body = AdminUserBody::new(&customer, AdminPassword::parse("Temp-2026-pass!")?)?;
//! assert_eq!(directory::users_insert_path(), "admin/directory/v1/users");
//! let json = serde_json::to_value(&body)?;
//! assert_eq!(json["primaryEmail"], "jeanne.martin@acme-widgets.fr");
//! assert_eq!(json["changePasswordAtNextLogin"], true);
//! assert!(!format!("{body:?}").contains("Temp-2026-pass!"));
//! assert_eq!(
//!     directory::make_admin_path(&body.user_key()),
//!     "admin/directory/v1/users/jeanne.martin%40acme-widgets.fr/makeAdmin"
//! );
//! assert_eq!(serde_json::to_string(&MakeAdminBody)?, r#"{"status":true}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod body;
mod error;
mod key;
mod password;
mod resource;

use serde::{Deserialize, Serialize};

pub use super::google_error::{ResellerErrorBody as ErrorBody, ResellerErrorItem as ErrorItem};
use super::success::{NotASuccess, present};
pub use body::{AdminUserBody, insert_body};
pub use error::{DirectoryError, MissingName};
pub use key::UserKey;
pub use password::AdminPassword;
pub use resource::{USER_KIND, UserResource};

/// The root URL of the Directory API (the discovery document's `rootUrl`).
///
/// ```
/// use gws_onboarding::wire::directory::{self, UserKey};
/// assert_eq!(directory::ROOT_URL, "https://admin.googleapis.com/");
/// let url = format!("{}{}", directory::ROOT_URL, directory::make_admin_path(&UserKey::parse("42")?));
/// assert_eq!(url, "https://admin.googleapis.com/admin/directory/v1/users/42/makeAdmin");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const ROOT_URL: &str = "https://admin.googleapis.com/";

/// The path of `directory.users.insert`, below [`ROOT_URL`].
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::directory::{self, AdminPassword};
/// assert_eq!(format!("{}{}", directory::ROOT_URL, directory::users_insert_path()),
///            "https://admin.googleapis.com/admin/directory/v1/users");
/// // POST there the body of `insert_body`:
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = serde_json::to_string(&directory::insert_body(&customer, AdminPassword::parse("Temp-2026-pass!")?)?)?;
/// assert!(body.starts_with(r#"{"primaryEmail":"jeanne.martin@acme-widgets.fr","#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn users_insert_path() -> &'static str {
    "admin/directory/v1/users"
}

/// The path of `directory.users.makeAdmin` for `user_key` (the created user's `id`, or its
/// primary email), below [`ROOT_URL`]. The key is percent-encoded as the discovery document's
/// `{userKey}` (an RFC 6570 simple expansion) is: every byte but ASCII letters, digits, `-`,
/// `_`, `.` and `~` is written `%XX`, so `@` becomes `%40`.
///
/// ```
/// use gws_onboarding::wire::directory::{self, UserKey};
/// let key = UserKey::parse("108028652821197762751")?;
/// assert_eq!(directory::make_admin_path(&key), "admin/directory/v1/users/108028652821197762751/makeAdmin");
/// let key = UserKey::parse("o'neil@acme.fr")?;
/// assert_eq!(directory::make_admin_path(&key), "admin/directory/v1/users/o%27neil%40acme.fr/makeAdmin");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn make_admin_path(user_key: &UserKey) -> String {
    format!(
        "{}/{}/makeAdmin",
        users_insert_path(),
        super::percent_encode(user_key.as_str())
    )
}

/// The path of `directory.users.get` for `user_key`, below [`ROOT_URL`], the key encoded as
/// in [`make_admin_path`]: how the journey looks for the admin after a `users.insert` whose
/// answer was lost.
///
/// ```
/// use gws_onboarding::wire::directory::{self, UserKey};
/// let key = UserKey::parse("jeanne.martin@acme-widgets.fr")?;
/// assert_eq!(directory::user_get_path(&key), "admin/directory/v1/users/jeanne.martin%40acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn user_get_path(user_key: &UserKey) -> String {
    format!(
        "{}/{}",
        users_insert_path(),
        super::percent_encode(user_key.as_str())
    )
}

/// The body of `directory.users.makeAdmin`: `{"status": true}` (`UserMakeAdmin.status`, required;
/// `true` makes the user a super administrator).
///
/// ```
/// use gws_onboarding::wire::directory::MakeAdminBody;
/// assert_eq!(serde_json::to_value(MakeAdminBody)?, serde_json::json!({"status": true}));
/// assert!(MakeAdminBody.status());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MakeAdminBody;

impl MakeAdminBody {
    /// `status`: always `true`.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::MakeAdminBody;
    /// assert!(MakeAdminBody.status());
    /// assert_eq!(serde_json::to_value(MakeAdminBody)?["status"], MakeAdminBody.status());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(self) -> bool {
        true
    }
}

impl Serialize for MakeAdminBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("UserMakeAdmin", 1)?;
        s.serialize_field("status", &true)?;
        s.end()
    }
}

/// A successful `users.makeAdmin`. The method has no response schema (the reference: "If
/// successful, the response is a generic HTTP response"): Google answers a 2xx status with an
/// empty body (`204 No Content`), so there is nothing to deserialise. Report the answer by its
/// status with [`MadeAdmin::from_status`]; any other status carries an Admin SDK error body, to
/// read with [`ErrorBody`].
///
/// When your HTTP client hands over a JSON body anyway, `MadeAdmin` also deserialises from any
/// object that is not an error body (`{}`), and refuses an error body
/// ([`NotASuccess`]).
///
/// ```
/// use gws_onboarding::wire::directory::MadeAdmin;
///
/// assert!(MadeAdmin::from_status(204).is_some());
/// assert!(MadeAdmin::from_status(403).is_none());
/// let _: MadeAdmin = serde_json::from_str("{}")?;
/// assert!(serde_json::from_str::<MadeAdmin>(r#"{"error": {"code": 403}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MadeAdmin {
    _private: (),
}

impl MadeAdmin {
    /// `Some` for a 2xx status (`200`, `204`), `None` for any other.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::MadeAdmin;
    /// let made = MadeAdmin::from_status(204).ok_or("not a success")?;
    /// assert_eq!(Some(made), MadeAdmin::from_status(200));
    /// assert!(MadeAdmin::from_status(404).is_none()); // read the body as an ErrorBody
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_status(status: u16) -> Option<MadeAdmin> {
        (200..300)
            .contains(&status)
            .then_some(MadeAdmin { _private: () })
    }
}

/// What [`MadeAdmin`] reads of a body: only whether it is an error body.
#[derive(Deserialize)]
struct MadeAdminRead {
    #[serde(default, rename = "error", deserialize_with = "present")]
    error_body: bool,
}

impl<'de> Deserialize<'de> for MadeAdmin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = MadeAdminRead::deserialize(deserializer)?;
        NotASuccess::check("a users.makeAdmin answer", found.error_body, false)?;
        Ok(MadeAdmin { _private: () })
    }
}
