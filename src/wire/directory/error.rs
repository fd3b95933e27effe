//! Layer 4, wire. [`DirectoryError`]: why a Directory value or body cannot be made, with its
//! codes and its English and French messages.

use crate::error::{Lang, impl_diagnostic};

/// The fewest characters of a password ([`AdminPassword::MIN_LEN`](super::AdminPassword::MIN_LEN)).
pub(super) const PASSWORD_MIN: usize = 8;
/// The most characters of a password ([`AdminPassword::MAX_LEN`](super::AdminPassword::MAX_LEN)).
pub(super) const PASSWORD_MAX: usize = 100;

/// Which of the admin's names the form lacks.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody, DirectoryError, MissingName};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.admin.first_name = None;
/// let customer = form::validate(&form, &Policy::new().require_admin_name(false))?;
/// let err = AdminUserBody::new(&customer, AdminPassword::parse("Temp-2026-pass!")?).unwrap_err();
/// assert_eq!(err, DirectoryError::AdminName { missing: MissingName::FirstName });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MissingName {
    /// `name.givenName` (the form's `admin.firstName`).
    FirstName,
    /// `name.familyName` (the form's `admin.lastName`).
    LastName,
    /// Both.
    Both,
}

/// Why a Directory value or body cannot be made.
///
/// None of these messages repeats a password, not even in part: a password error says how long
/// the password is or where its first refused character is, never what it holds.
///
/// ```
/// use gws_onboarding::{Diagnostic, Lang, wire::directory::AdminPassword};
///
/// let err = AdminPassword::parse("s3cret").unwrap_err();
/// assert_eq!(err.code(), "directory.password_length");
/// assert_eq!(err.message(Lang::En), "the password has 6 characters, fewer than the 8 Google requires");
/// assert_eq!(err.message(Lang::Fr), "le mot de passe compte 6 caractères, moins que les 8 exigés par Google");
/// assert!(!format!("{err:?} {err}").contains("s3cret"));
/// assert!(AdminPassword::parse("s3cret-but-longer")?.to_string() == "[redacted]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
#[non_exhaustive]
pub enum DirectoryError {
    /// The password has fewer than [`AdminPassword::MIN_LEN`](super::AdminPassword::MIN_LEN) characters.
    PasswordTooShort {
        /// How many characters it has.
        chars: usize,
    },
    /// The password has more than [`AdminPassword::MAX_LEN`](super::AdminPassword::MAX_LEN) characters (a longer input is
    /// refused by its length, before it is read).
    PasswordTooLong,
    /// A character of the password is not printable ASCII (an accented letter, an emoji, a tab,
    /// a line break).
    PasswordCharacter {
        /// Its position, counted in characters from 1.
        position: usize,
    },
    /// The form gives no first or no last name for the admin: Google requires both to create
    /// a user.
    AdminName {
        /// Which is missing.
        missing: MissingName,
    },
    /// The customer is a team (email-verified) customer: Google creates its admin itself.
    TeamCustomer,
    /// Not a Google user id nor an email address.
    UserKey {
        /// The value, escaped and cut (empty when blank).
        found: String,
    },
}

impl DirectoryError {
    /// The stable code: `directory.password_length`, `directory.password_character`,
    /// `directory.admin_name`, `directory.team_customer` or `directory.user_key`.
    ///
    /// ```
    /// use gws_onboarding::wire::directory::{AdminPassword, UserKey};
    /// assert_eq!(AdminPassword::parse("mot de passé").unwrap_err().code(), "directory.password_character");
    /// assert_eq!(UserKey::parse("a/b").unwrap_err().code(), "directory.user_key");
    /// assert!(UserKey::parse("42").is_ok() && AdminPassword::parse("mot de passe")?.to_string() == "[redacted]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            DirectoryError::PasswordTooShort { .. } | DirectoryError::PasswordTooLong => {
                "directory.password_length"
            }
            DirectoryError::PasswordCharacter { .. } => "directory.password_character",
            DirectoryError::AdminName { .. } => "directory.admin_name",
            DirectoryError::TeamCustomer => "directory.team_customer",
            DirectoryError::UserKey { .. } => "directory.user_key",
        }
    }

    /// The form field the error is about, when there is one: `admin.firstName` or
    /// `admin.lastName` (the first missing one) for [`DirectoryError::AdminName`].
    ///
    /// ```
    /// use gws_onboarding::wire::directory::{DirectoryError, MissingName};
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody};
    ///
    /// let err = DirectoryError::AdminName { missing: MissingName::LastName };
    /// assert_eq!(err.form_field(), Some("admin.lastName"));
    /// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// let err = AdminUserBody::new(&team, AdminPassword::parse("Temp-2026-pass!")?).unwrap_err();
    /// assert_eq!(err, DirectoryError::TeamCustomer);
    /// assert_eq!(err.form_field(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn form_field(&self) -> Option<&'static str> {
        match self {
            DirectoryError::AdminName {
                missing: MissingName::FirstName | MissingName::Both,
            } => Some("admin.firstName"),
            DirectoryError::AdminName {
                missing: MissingName::LastName,
            } => Some("admin.lastName"),
            _ => None,
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::directory::DirectoryError};
    /// assert_eq!(
    ///     DirectoryError::TeamCustomer.message(Lang::Fr),
    ///     "un client validé par e-mail (team) n'a pas de super-administrateur à créer : Google crée \
    ///      son administrateur lorsque celui-ci valide son adresse e-mail"
    /// );
    /// let err = gws_onboarding::wire::directory::UserKey::parse("").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "la clé d'utilisateur est vide");
    /// assert_eq!(err.message(Lang::En), err.to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DirectoryError::PasswordTooShort { chars }, _) => too_short(*chars, lang),
            (DirectoryError::PasswordTooLong, Lang::Fr) => {
                format!(
                    "le mot de passe dépasse les {PASSWORD_MAX} caractères autorisés par Google"
                )
            }
            (DirectoryError::PasswordTooLong, _) => {
                format!("the password is longer than the {PASSWORD_MAX} characters Google allows")
            }
            (DirectoryError::PasswordCharacter { position }, Lang::Fr) => format!(
                "le caractère n° {position} du mot de passe n'est pas un caractère ASCII \
                 imprimable : utilisez uniquement des lettres sans accents, des chiffres, des \
                 espaces et les symboles du clavier"
            ),
            (DirectoryError::PasswordCharacter { position }, _) => format!(
                "character {position} of the password is not a printable ASCII character: use \
                 only unaccented letters, digits, spaces and keyboard symbols"
            ),
            (DirectoryError::AdminName { missing }, _) => admin_name(*missing, lang),
            (DirectoryError::TeamCustomer, Lang::Fr) => {
                "un client validé par e-mail (team) n'a pas de super-administrateur à créer : \
                 Google crée son administrateur lorsque celui-ci valide son adresse e-mail"
                    .to_owned()
            }
            (DirectoryError::TeamCustomer, _) => {
                "a team customer has no super admin to create: Google creates its admin when \
                 they verify their email address"
                    .to_owned()
            }
            (DirectoryError::UserKey { found }, _) => user_key(found, lang),
        }
    }
}

impl_diagnostic!(DirectoryError);

/// The message of [`DirectoryError::PasswordTooShort`] (French: 0 and 1 take the singular).
fn too_short(chars: usize, lang: Lang) -> String {
    let min = PASSWORD_MIN;
    if lang == Lang::Fr {
        let noun = if chars <= 1 {
            "caractère"
        } else {
            "caractères"
        };
        format!("le mot de passe compte {chars} {noun}, moins que les {min} exigés par Google")
    } else {
        let noun = if chars == 1 {
            "character"
        } else {
            "characters"
        };
        format!("the password has {chars} {noun}, fewer than the {min} Google requires")
    }
}

/// The message of [`DirectoryError::AdminName`].
fn admin_name(missing: MissingName, lang: Lang) -> String {
    match (missing, lang) {
        (MissingName::FirstName, Lang::Fr) => fr_admin_name("le prénom", "est obligatoire", "l'"),
        (MissingName::LastName, Lang::Fr) => fr_admin_name("le nom", "est obligatoire", "l'"),
        (MissingName::Both, Lang::Fr) => {
            fr_admin_name("le prénom et le nom", "sont obligatoires", "les ")
        }
        (MissingName::FirstName, _) => en_admin_name("first name is", "it"),
        (MissingName::LastName, _) => en_admin_name("last name is", "it"),
        (MissingName::Both, _) => en_admin_name("first and last names are", "them"),
    }
}

fn en_admin_name(what: &str, pronoun: &str) -> String {
    format!(
        "the admin's {what} required: Google needs {pronoun} to create the super admin account \
         (Directory API users.insert)"
    )
}

fn fr_admin_name(what: &str, verb: &str, pronoun: &str) -> String {
    format!(
        "{what} de l'administrateur {verb} : Google {pronoun}exige pour créer le compte \
         super-administrateur (API Directory, users.insert)"
    )
}

/// The message of [`DirectoryError::UserKey`].
fn user_key(found: &str, lang: Lang) -> String {
    match (found.is_empty(), lang) {
        (true, Lang::Fr) => "la clé d'utilisateur est vide".to_owned(),
        (true, _) => "the user key is empty".to_owned(),
        (false, Lang::Fr) => format!(
            "la clé d'utilisateur « {found} » n'est ni un identifiant d'utilisateur Google \
             (lettres et chiffres ASCII) ni une adresse e-mail valide"
        ),
        (false, _) => format!(
            "the user key \"{found}\" is neither a Google user id (ASCII letters and digits) \
             nor a valid email address"
        ),
    }
}
