//! Layer 4, wire. [`UserKey`]: how `users.makeAdmin` names the user, checked before it goes
//! into a path.

use std::fmt;

use super::error::DirectoryError;
use crate::email::EmailAddress;
use crate::error::snippet;

/// How `users.makeAdmin` names the user (`userKey`): Google's user `id` (what `users.insert`
/// answers with), or the user's primary email. An id is 1 to 64 ASCII letters and digits
/// (Google's ids are decimal, `108028652821197762751`); an address is checked as an
/// [`EmailAddress`] (and normalised: lowercased). Nothing else reaches a path: no `/`, no
/// `..`, no query.
///
/// ```
/// use gws_onboarding::wire::directory::UserKey;
/// assert_eq!(UserKey::parse(" 108028652821197762751 ")?.as_str(), "108028652821197762751");
/// assert_eq!(UserKey::parse("Jeanne.Martin@Acme-Widgets.fr")?.as_str(), "jeanne.martin@acme-widgets.fr");
/// assert!(UserKey::parse("../users").is_err());
/// assert_eq!(format!("{:?}", UserKey::parse("42")?), r#"UserKey("42")"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserKey(Box<str>);

impl UserKey {
    /// The most characters of an id.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserKey;
    /// UserKey::parse(&"7".repeat(UserKey::MAX_ID_LEN))?;
    /// assert!(UserKey::parse(&"7".repeat(UserKey::MAX_ID_LEN + 1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX_ID_LEN: usize = 64;

    /// Trims and checks a user id or a primary email.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserKey;
    /// assert_eq!(UserKey::parse("jeanne@acme.fr")?.as_str(), "jeanne@acme.fr");
    /// assert_eq!("42".parse::<UserKey>()?, UserKey::parse("42")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DirectoryError::UserKey`] for `""`, `"1/2"`, `"a b"`, an id of more than 64
    /// characters or an invalid address (`"jeanne@@acme.fr"`).
    pub fn parse(input: &str) -> Result<UserKey, DirectoryError> {
        let refused = || DirectoryError::UserKey {
            found: snippet(input.trim()),
        };
        // Bounded: no id or address is this long (an address has at most 254 characters).
        if input.len() > 1024 {
            return Err(refused());
        }
        let key = input.trim();
        if key.contains('@') {
            let email = EmailAddress::parse(key).map_err(|_| refused())?;
            return Ok(UserKey::from(&email));
        }
        let is_id = !key.is_empty()
            && key.len() <= Self::MAX_ID_LEN
            && key.bytes().all(|b| b.is_ascii_alphanumeric());
        if is_id {
            Ok(UserKey(key.into()))
        } else {
            Err(refused())
        }
    }

    /// The key as sent (before percent-encoding).
    ///
    /// ```
    /// use gws_onboarding::wire::directory::UserKey;
    /// assert_eq!(UserKey::parse("42")?.as_str(), "42");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&EmailAddress> for UserKey {
    fn from(email: &EmailAddress) -> Self {
        UserKey(email.as_str().into())
    }
}

crate::surface::str_traits!(UserKey, DirectoryError);

impl fmt::Debug for UserKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UserKey").field(&&*self.0).finish()
    }
}
