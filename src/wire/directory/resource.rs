//! Layer 4, wire. [`UserResource`]: the `User` Google answers `users.insert` with, read
//! leniently.

use serde::{Deserialize, Serialize};

use super::body::AdminUserBody;
use super::key::UserKey;
use crate::email::EmailAddress;
use crate::wire::WireError;
use crate::wire::status::capped_opt_string;
use crate::wire::success::{NotASuccess, present};

/// The `kind` of a Directory `User` resource.
///
/// ```
/// use gws_onboarding::wire::directory::{USER_KIND, UserResource};
/// assert_eq!(USER_KIND, "admin#directory#user");
/// let user: UserResource = serde_json::from_str(&format!(r#"{{"kind": "{USER_KIND}", "id": "1"}}"#))?;
/// assert_eq!(user.id(), Some("1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const USER_KIND: &str = "admin#directory#user";

/// `name` of a `User` read back.
#[allow(clippy::struct_field_names)] // Google's names: givenName, familyName, fullName
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ReadName {
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    given_name: Option<String>,
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    family_name: Option<String>,
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    full_name: Option<String>,
}

/// The `User` Google answers `users.insert` (or `users.get`) with, read leniently: every field
/// may be missing, unknown fields are ignored, and every string is cut to
/// [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes.
///
/// ```
/// use gws_onboarding::wire::directory::UserResource;
///
/// let user: UserResource = serde_json::from_str(r#"{
///     "kind": "admin#directory#user", "id": "108028652821197762751",
///     "primaryEmail": "jeanne.martin@acme-widgets.fr",
///     "name": {"givenName": "Jeanne", "familyName": "Martin", "fullName": "Jeanne Martin"},
///     "isAdmin": false, "isMailboxSetup": false, "customerId": "C01abcd2e",
///     "orgUnitPath": "/", "someFutureField": [1]}"#)?;
/// assert_eq!(user.id(), Some("108028652821197762751"));
/// assert_eq!(user.primary_email(), Some("jeanne.martin@acme-widgets.fr"));
/// assert_eq!(user.is_admin(), Some(false));
/// assert_eq!(user.full_name(), Some("Jeanne Martin"));
/// assert_eq!(user.user_key().map(|k| k.to_string()).as_deref(), Some("108028652821197762751"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `isAdmin` is `false` in the `users.insert` answer: `users.insert` ignores it, only
/// `users.makeAdmin` sets it.
///
/// Google's error body, an object with none of `id`, `primaryEmail`, `isAdmin` and `name`
/// (`{}`), or a `kind` other than `admin#directory#user` is refused
/// ([`NotASuccess`](crate::wire::NotASuccess), [`WireError::Kind`]):
///
/// ```
/// use gws_onboarding::wire::directory::UserResource;
/// assert!(serde_json::from_str::<UserResource>("{}").is_err());
/// assert!(serde_json::from_str::<UserResource>(r#"{"kind": "admin#directory#user"}"#).is_err());
/// assert!(serde_json::from_str::<UserResource>(r#"{"error": {"code": 409, "message": "Entity already exists."}}"#).is_err());
/// assert!(serde_json::from_str::<UserResource>(r#"{"kind": "reseller#customer", "id": "1"}"#).is_err());
/// let _: UserResource = serde_json::from_str(r#"{"id": "1"}"#)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct UserResource {
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    kind: Option<String>,
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    id: Option<String>,
    #[serde(
        deserialize_with = "capped_opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    primary_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_admin: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<ReadName>,
    /// A top-level `error`: the JSON is an error body.
    #[serde(rename = "error", deserialize_with = "present", skip_serializing)]
    error_body: bool,
}

impl Serialize for UserResource {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        UserResource::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for UserResource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = UserResource::deserialize(deserializer)?;
        let empty = found.id.is_none()
            && found.primary_email.is_none()
            && found.is_admin.is_none()
            && found.name.is_none();
        NotASuccess::check("a Directory User", found.error_body, empty)?;
        if let Some(kind) = found.kind.as_deref().filter(|k| *k != USER_KIND) {
            return Err(serde::de::Error::custom(WireError::kind(kind, USER_KIND)));
        }
        Ok(found)
    }
}

/// `Some(trimmed)` unless absent or blank.
fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl UserResource {
    /// `id`: Google's id of the user, the best key for the next calls.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"id": " 42 "}"#)?;
    /// assert_eq!(u.id(), Some("42"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        non_blank(self.id.as_deref())
    }

    /// `primaryEmail`, as Google gave it.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"primaryEmail": "jeanne@acme.fr"}"#)?;
    /// assert_eq!(u.primary_email(), Some("jeanne@acme.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn primary_email(&self) -> Option<&str> {
        non_blank(self.primary_email.as_deref())
    }

    /// `isAdmin`: whether the user is a super administrator (read only).
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"id": "42", "isAdmin": true}"#)?;
    /// assert_eq!(u.is_admin(), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_admin(&self) -> Option<bool> {
        self.is_admin
    }

    /// `name.givenName`.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"name": {"givenName": "Jeanne"}}"#)?;
    /// assert_eq!(u.given_name(), Some("Jeanne"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn given_name(&self) -> Option<&str> {
        non_blank(self.name.as_ref().and_then(|n| n.given_name.as_deref()))
    }

    /// `name.familyName`.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"name": {"familyName": "Martin"}}"#)?;
    /// assert_eq!(u.family_name(), Some("Martin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn family_name(&self) -> Option<&str> {
        non_blank(self.name.as_ref().and_then(|n| n.family_name.as_deref()))
    }

    /// `name.fullName` (Google's, read only).
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"name": {"fullName": "Jeanne Martin"}}"#)?;
    /// assert_eq!(u.full_name(), Some("Jeanne Martin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn full_name(&self) -> Option<&str> {
        non_blank(self.name.as_ref().and_then(|n| n.full_name.as_deref()))
    }

    /// The key for [`make_admin_path`](super::make_admin_path): the `id` when it is a valid one, else the
    /// `primaryEmail` when it is a valid address; `None` when neither is.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserResource;
    /// let u: UserResource = serde_json::from_str(r#"{"id": "../x", "primaryEmail": "jeanne@acme.fr"}"#)?;
    /// assert_eq!(u.user_key().map(|k| k.to_string()).as_deref(), Some("jeanne@acme.fr"));
    /// let u: UserResource = serde_json::from_str(r#"{"id": "a/b"}"#)?;
    /// assert!(u.user_key().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn user_key(&self) -> Option<UserKey> {
        let id = self.id().and_then(|id| UserKey::parse(id).ok());
        id.filter(|key| !key.as_str().contains('@')).or_else(|| {
            self.primary_email()
                .and_then(|e| EmailAddress::parse(e).ok())
                .map(|e| UserKey::from(&e))
        })
    }

    /// Whether this is the user `body` asked for: its `primaryEmail` is the body's (compared
    /// as addresses, so case does not matter).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody, UserResource};
    ///
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let body = AdminUserBody::new(&c, AdminPassword::parse("Temp-2026-pass!")?)?;
    /// let u: UserResource = serde_json::from_str(r#"{"id": "1", "primaryEmail": "Jeanne.Martin@acme-widgets.fr"}"#)?;
    /// assert!(u.is_user_of(&body));
    /// let other: UserResource = serde_json::from_str(r#"{"id": "2", "primaryEmail": "paul@acme-widgets.fr"}"#)?;
    /// assert!(!other.is_user_of(&body));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_user_of(&self, body: &AdminUserBody) -> bool {
        self.primary_email()
            .and_then(|e| EmailAddress::parse(e).ok())
            .is_some_and(|e| &e == body.primary_email())
    }
}
