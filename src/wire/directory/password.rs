//! Layer 4, wire. [`AdminPassword`]: the super admin's first password, a secret that redacts
//! itself and goes out only inside the `users.insert` body.

use std::fmt;

use super::error::{DirectoryError, PASSWORD_MAX, PASSWORD_MIN};

/// The password of the admin account `users.insert` creates: 8 to 100 printable ASCII
/// characters (`' '` to `'~'`), kept exactly as typed (not trimmed: a space is a character of
/// it).
///
/// Google's rule is "any combination of ASCII characters. A minimum of 8 characters is
/// required. The maximum length is 100 characters" (`User.password`, see the
/// [module docs](super)). This type is stricter on one point:
/// ASCII control characters (tab, line break, …) are refused, since nobody can type them at
/// the sign-in page.
///
/// It is a secret, and kept only where it is sent:
///
/// - `Debug` and `Display` print `[redacted]`, not even its length;
/// - it has no `Serialize`, `Deserialize`, `AsRef<str>` or `as_str`: it goes out only inside
///   the [`AdminUserBody`](super::AdminUserBody) it is moved into, so it cannot be saved with a journey or a record
///   by mistake;
/// - its bytes are overwritten when it is dropped (best effort: copies your own code made, or
///   the serialised JSON, are yours to wipe).
///
/// ```
/// use gws_onboarding::wire::directory::AdminPassword;
///
/// let password = AdminPassword::parse(" Temp 2026 pass ")?;
/// assert_eq!(format!("{password:?}"), "AdminPassword([redacted])");
/// assert_eq!(password.to_string(), "[redacted]");
/// assert!(AdminPassword::parse("short").is_err());
/// assert!(AdminPassword::parse("mot-de-passé").is_err());
/// assert!(AdminPassword::parse(&"x".repeat(101)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AdminPassword(Box<[u8]>);

impl AdminPassword {
    /// The fewest characters Google accepts.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::AdminPassword;
    /// AdminPassword::parse(&"a".repeat(AdminPassword::MIN_LEN))?;
    /// assert!(AdminPassword::parse(&"a".repeat(AdminPassword::MIN_LEN - 1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MIN_LEN: usize = PASSWORD_MIN;
    /// The most characters Google accepts.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::AdminPassword;
    /// AdminPassword::parse(&"a".repeat(AdminPassword::MAX_LEN))?;
    /// assert!(AdminPassword::parse(&"a".repeat(AdminPassword::MAX_LEN + 1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX_LEN: usize = PASSWORD_MAX;

    /// Checks the password; the only way to make one.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::AdminPassword;
    /// let password = AdminPassword::parse("correct horse battery staple")?;
    /// assert_eq!(password, "correct horse battery staple".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`DirectoryError::PasswordTooShort`] for `""` or `"s3cret"`;
    /// [`DirectoryError::PasswordTooLong`] past 100 characters (an input of more than 400
    /// bytes is refused by its length alone, before it is read);
    /// [`DirectoryError::PasswordCharacter`] for `"mot-de-passé"`, `"tab\there1"` or an emoji.
    pub fn parse(input: &str) -> Result<AdminPassword, DirectoryError> {
        // A character is at most 4 bytes: past this, it cannot be 100 characters or fewer.
        if input.len() > Self::MAX_LEN * 4 {
            return Err(DirectoryError::PasswordTooLong);
        }
        let chars = input.chars().count();
        if chars > Self::MAX_LEN {
            return Err(DirectoryError::PasswordTooLong);
        }
        if chars < Self::MIN_LEN {
            return Err(DirectoryError::PasswordTooShort { chars });
        }
        if let Some(index) = input.chars().position(|c| !(' '..='~').contains(&c)) {
            return Err(DirectoryError::PasswordCharacter {
                position: index + 1,
            });
        }
        Ok(AdminPassword(input.as_bytes().into()))
    }
}

impl std::str::FromStr for AdminPassword {
    type Err = DirectoryError;
    fn from_str(s: &str) -> Result<Self, DirectoryError> {
        AdminPassword::parse(s)
    }
}

impl TryFrom<&str> for AdminPassword {
    type Error = DirectoryError;
    fn try_from(s: &str) -> Result<Self, DirectoryError> {
        AdminPassword::parse(s)
    }
}

impl fmt::Debug for AdminPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AdminPassword([redacted])")
    }
}

impl fmt::Display for AdminPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Drop for AdminPassword {
    fn drop(&mut self) {
        self.0.fill(0);
        // Keeps the writes from being optimised away as dead stores.
        std::hint::black_box(&mut self.0);
    }
}

/// Serialises the password inside the body (the only place it is written).
pub(super) fn expose_password<S: serde::Serializer>(
    password: &AdminPassword,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // Printable ASCII, checked by `parse`: always UTF-8.
    let text = std::str::from_utf8(&password.0).map_err(serde::ser::Error::custom)?;
    serializer.serialize_str(text)
}
