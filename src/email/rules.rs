//! Layer 2, values: the rules between the customer's addresses and its primary domain, and
//! the admin's Google username.

use super::address::EmailAddress;
use crate::domain::PrimaryDomain;
use crate::error::{Diagnostic, Lang, Severity, impl_diagnostic, quote_char, snippet};

/// The longest Google account username.
///
/// ```
/// use gws_onboarding::email::{MAX_USERNAME, check_username};
/// assert!(check_username(&"a".repeat(MAX_USERNAME)).is_ok());
/// assert!(check_username(&"a".repeat(MAX_USERNAME + 1)).is_err());
/// ```
pub const MAX_USERNAME: usize = 64;

/// A broken rule between the customer's addresses and its primary domain.
///
/// ```
/// use gws_onboarding::{EmailAddress, PrimaryDomain, email};
///
/// let primary: PrimaryDomain = "example.fr".parse()?;
/// let admin: EmailAddress = "admin@other.fr".parse()?;
/// let err = email::check_admin_email(&primary, &admin).unwrap_err();
/// assert_eq!(err.code(), "rule.admin_outside_primary_domain");
/// assert_eq!(
///     err.to_string(),
///     "the admin address \"admin@other.fr\" is not in the primary domain \"example.fr\": the super admin's address must use that domain"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleError {
    /// The secondary address is in the primary domain or one of its subdomains.
    #[error(
        "the secondary address \"{secondary}\" uses the customer's primary domain \"{primary}\": enter an address in another domain, the customer's or your reseller domain"
    )]
    SecondaryInPrimaryDomain {
        /// The secondary address (cut and escaped, as messages echo it).
        secondary: String,
        /// The primary domain (cut and escaped).
        primary: String,
    },
    /// The admin address of a domain customer is not in the primary domain.
    #[error(
        "the admin address \"{admin}\" is not in the primary domain \"{primary}\": the super admin's address must use that domain"
    )]
    AdminOutsidePrimaryDomain {
        /// The admin address (cut and escaped, as messages echo it).
        admin: String,
        /// The primary domain (cut and escaped).
        primary: String,
    },
    /// The admin's username is not a valid Google account username.
    #[error("\"{username}\" is not a valid Google username: {}", reason.describe(Lang::En))]
    AdminUsername {
        /// The username (local part; cut and escaped, as messages echo it).
        username: String,
        /// What is wrong.
        reason: UsernameProblem,
    },
    /// The secondary address is the admin address.
    #[error(
        "the secondary address is the admin address \"{address}\": enter a different one, so that password resets still reach someone"
    )]
    SecondaryEqualsAdmin {
        /// The address (cut and escaped, as messages echo it).
        address: String,
    },
}

impl RuleError {
    /// The stable machine code, `rule.*`.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, email};
    /// let a: EmailAddress = "a@b.fr".parse()?;
    /// assert_eq!(email::check_distinct(&a, &a).unwrap_err().code(), "rule.secondary_equals_admin");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            RuleError::SecondaryInPrimaryDomain { .. } => "rule.secondary_in_primary_domain",
            RuleError::AdminOutsidePrimaryDomain { .. } => "rule.admin_outside_primary_domain",
            RuleError::AdminUsername { .. } => "rule.admin_username",
            RuleError::SecondaryEqualsAdmin { .. } => "rule.secondary_equals_admin",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, Lang, email};
    /// let a: EmailAddress = "a@b.fr".parse()?;
    /// let err = email::check_distinct(&a, &a).unwrap_err();
    /// assert!(err.message(Lang::Fr).starts_with("l'adresse e-mail secondaire est celle de l'administrateur"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RuleError::SecondaryInPrimaryDomain { secondary, primary } => format!(
                "l'adresse e-mail secondaire « {secondary} » utilise le domaine principal du client, « {primary} » : saisissez une adresse d'un autre domaine, du client ou de votre domaine de revendeur"
            ),
            RuleError::AdminOutsidePrimaryDomain { admin, primary } => format!(
                "l'adresse e-mail de l'administrateur « {admin} » n'est pas dans le domaine principal « {primary} » : l'adresse du super-administrateur doit utiliser ce domaine"
            ),
            RuleError::AdminUsername { username, reason } => format!(
                "« {username} » n'est pas un nom d'utilisateur Google valide : {}",
                reason.describe(Lang::Fr)
            ),
            RuleError::SecondaryEqualsAdmin { address } => format!(
                "l'adresse e-mail secondaire est celle de l'administrateur, « {address} » : saisissez-en une autre, pour que les réinitialisations de mot de passe parviennent à quelqu'un"
            ),
        }
    }
}

impl_diagnostic!(RuleError);

/// What makes a username invalid for a Google account.
///
/// ```
/// use gws_onboarding::email::{UsernameProblem, check_username};
/// assert_eq!(check_username("jo+tag"), Err(UsernameProblem::Char('+')));
/// assert_eq!(check_username(".jo"), Err(UsernameProblem::EdgeDot));
/// assert_eq!(check_username("o'brien"), Ok(()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UsernameProblem {
    /// Empty.
    Empty,
    /// More than 64 characters.
    TooLong(usize),
    /// A character other than letters, digits, `-`, `_`, `'` and `.`.
    Char(char),
    /// Starts or ends with a dot.
    EdgeDot,
    /// Two dots in a row.
    DoubleDot,
    /// A username Google reserves ([`RESERVED_USERNAMES`]): `abuse`, `postmaster`.
    Reserved(&'static str),
}

/// The usernames Google reserves for every domain: no user account may take them.
///
/// Source: Google Workspace Admin Help, "Name guidelines for users and groups"
/// (support.google.com/a/answer/9193374): "Because abuse and postmaster are reserved words,
/// you can't use them as usernames or aliases". The longer list its "reserved words" link leads
/// to (support.google.com/a/answer/6093413: `admin`, `administrator`, `hostmaster`,
/// `majordomo`, `root`, `ssl-admin`, `webmaster` besides these two) applies to *group*
/// addresses created in Google Groups, not to user accounts, so it is not refused here.
///
/// The comparison ignores case (Google lowercases usernames) but not dots: the same page says
/// "Periods (.) are not ignored in usernames the way they are in gmail.com accounts", so
/// `post.master` is another username, and allowed.
///
/// ```
/// use gws_onboarding::email::{RESERVED_USERNAMES, UsernameProblem, check_username};
/// assert_eq!(RESERVED_USERNAMES, ["abuse", "postmaster"]);
/// assert_eq!(check_username("PostMaster"), Err(UsernameProblem::Reserved("postmaster")));
/// assert_eq!(check_username("post.master"), Ok(()));
/// ```
pub const RESERVED_USERNAMES: [&str; 2] = ["abuse", "postmaster"];

impl UsernameProblem {
    pub(super) fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (UsernameProblem::Empty, Lang::Fr) => "il est vide".to_owned(),
            (UsernameProblem::Empty, _) => "it is empty".to_owned(),
            (UsernameProblem::TooLong(n), Lang::Fr) => {
                format!("il fait {n} caractères, plus que 64")
            }
            (UsernameProblem::TooLong(n), _) => format!("it is {n} characters long, more than 64"),
            (UsernameProblem::Char(c), Lang::Fr) => format!(
                "{} n'est pas autorisé (seuls les lettres, chiffres, tirets, traits de soulignement, apostrophes et points le sont)",
                quote_char(c, lang)
            ),
            (UsernameProblem::Char(c), _) => format!(
                "{} is not allowed (only letters, digits, dashes, underscores, apostrophes and dots are)",
                quote_char(c, lang)
            ),
            (UsernameProblem::EdgeDot, Lang::Fr) => "il commence ou finit par un point".to_owned(),
            (UsernameProblem::EdgeDot, _) => "it starts or ends with a dot".to_owned(),
            (UsernameProblem::DoubleDot, Lang::Fr) => {
                "il contient deux points consécutifs".to_owned()
            }
            (UsernameProblem::DoubleDot, _) => "it has two dots in a row".to_owned(),
            (UsernameProblem::Reserved(name), Lang::Fr) => format!(
                "Google réserve « {name} » à chaque domaine, aucun compte utilisateur ne peut le prendre"
            ),
            (UsernameProblem::Reserved(name), _) => {
                format!("Google reserves \"{name}\" in every domain, no user account can take it")
            }
        }
    }
}

/// Checks a Google account username (the local part of a super admin's address): letters,
/// digits, `-`, `_`, `'` and `.`; no `..`; not starting or ending with `.`; at most 64; not one
/// of Google's [`RESERVED_USERNAMES`], in any case.
///
/// # Errors
///
/// The [`UsernameProblem`] found first.
///
/// ```
/// use gws_onboarding::email::check_username;
/// assert!(check_username("jeanne.martin").is_ok());
/// assert!(check_username("jeanne..martin").is_err());
/// assert!(check_username("jeanne=martin").is_err());
/// ```
pub fn check_username(username: &str) -> Result<(), UsernameProblem> {
    if username.is_empty() {
        return Err(UsernameProblem::Empty);
    }
    if username.len() > MAX_USERNAME {
        return Err(UsernameProblem::TooLong(username.len()));
    }
    let bytes = username.as_bytes();
    if !bytes
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'\'' | b'.'))
    {
        let bad = username
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '\'' | '.')));
        return Err(UsernameProblem::Char(bad.unwrap_or('?')));
    }
    if bytes.first() == Some(&b'.') || bytes.last() == Some(&b'.') {
        return Err(UsernameProblem::EdgeDot);
    }
    if bytes.windows(2).any(|w| w == b"..") {
        return Err(UsernameProblem::DoubleDot);
    }
    if let Some(reserved) = RESERVED_USERNAMES
        .iter()
        .find(|r| r.eq_ignore_ascii_case(username))
    {
        return Err(UsernameProblem::Reserved(reserved));
    }
    Ok(())
}

/// A rule that is worth a look but does not block creation.
///
/// ```
/// use gws_onboarding::{EmailAddress, PrimaryDomain, Severity, Diagnostic, email};
///
/// let primary: PrimaryDomain = "shop.example.fr".parse()?;
/// let secondary: EmailAddress = "it@example.fr".parse()?;
/// let warning = email::check_secondary_email(&primary, &secondary)?.unwrap();
/// assert_eq!(warning.code(), "rule.secondary_same_registrable");
/// assert_eq!(Diagnostic::severity(&warning), Severity::Warning);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleWarning {
    /// The secondary address is outside the primary domain but in the same registrable domain:
    /// if the customer loses that domain's mail, it loses both addresses.
    #[error(
        "the secondary address \"{secondary}\" is in \"{registrable}\", the same registered domain as the primary domain: if that domain's mail fails, both addresses are lost"
    )]
    SecondarySameRegistrable {
        /// The secondary address (cut and escaped, as messages echo it).
        secondary: String,
        /// The registrable domain both share (cut and escaped).
        registrable: String,
    },
}

impl RuleWarning {
    /// The stable machine code, `rule.*`.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, PrimaryDomain, email};
    /// let w = email::check_secondary_email(&"a.example.fr".parse()?, &"x@b.example.fr".parse()?)?;
    /// assert_eq!(w.map(|w| w.code()), Some("rule.secondary_same_registrable"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            RuleWarning::SecondarySameRegistrable { .. } => "rule.secondary_same_registrable",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, email};
    /// let w = email::check_secondary_email(&"a.example.fr".parse()?, &"x@b.example.fr".parse()?)?.unwrap();
    /// assert!(w.message(Lang::Fr).contains("example.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                RuleWarning::SecondarySameRegistrable {
                    secondary,
                    registrable,
                },
                Lang::Fr,
            ) => format!(
                "l'adresse e-mail secondaire « {secondary} » est dans « {registrable} », le même domaine enregistré que le domaine principal : si sa messagerie tombe, les deux adresses sont perdues"
            ),
            _ => self.to_string(),
        }
    }
}

impl Diagnostic for RuleWarning {
    fn code(&self) -> &'static str {
        RuleWarning::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        RuleWarning::message(self, lang)
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
}

/// The rule of the Partner Sales Console help article *Ajouter un client Google Workspace* (Add a
/// Google Workspace customer) for the secondary address: it must not use the customer's primary
/// domain (the domain itself or any subdomain of it). Being in the same registrable domain
/// otherwise is allowed but warned about.
///
/// Both values are canonical, so the rule holds whatever the case, trailing dot or IDNA
/// spelling of the input.
///
/// # Errors
///
/// [`RuleError::SecondaryInPrimaryDomain`] for `it@example.fr` or `it@mail.example.fr` when the
/// primary domain is `example.fr`.
///
/// ```
/// use gws_onboarding::{EmailAddress, PrimaryDomain, email};
///
/// let primary: PrimaryDomain = "example.fr".parse()?;
/// assert!(email::check_secondary_email(&primary, &"it@EXAMPLE.fr.".parse()?).is_err());
/// assert_eq!(email::check_secondary_email(&primary, &"it@example.de".parse()?)?, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_secondary_email(
    primary: &PrimaryDomain,
    secondary: &EmailAddress,
) -> Result<Option<RuleWarning>, RuleError> {
    if primary.contains(secondary.domain()) {
        return Err(RuleError::SecondaryInPrimaryDomain {
            secondary: snippet(secondary.as_str()),
            primary: snippet(primary.as_str()),
        });
    }
    // Under a private suffix (`acme.github.io`) the owner's domain stops at the suffix: another
    // tenant of `github.io` is not the same organisation.
    if secondary.registrable_domain() == primary.owner() {
        return Ok(Some(RuleWarning::SecondarySameRegistrable {
            secondary: snippet(secondary.as_str()),
            registrable: snippet(primary.owner()),
        }));
    }
    Ok(None)
}

/// The rule for a domain customer's admin address: it is in the primary domain and its local
/// part is a valid Google username (it becomes the super admin account).
///
/// # Errors
///
/// [`RuleError::AdminOutsidePrimaryDomain`] for `admin@other.fr` when the primary domain is
/// `example.fr` (subdomains too: the account is created in the primary domain);
/// [`RuleError::AdminUsername`] for `jo+admin@example.fr`.
///
/// ```
/// use gws_onboarding::{EmailAddress, PrimaryDomain, email};
///
/// let primary: PrimaryDomain = "example.fr".parse()?;
/// assert!(email::check_admin_email(&primary, &"jo@example.fr".parse()?).is_ok());
/// let err = email::check_admin_email(&primary, &"jo+admin@example.fr".parse()?).unwrap_err();
/// assert_eq!(err.code(), "rule.admin_username");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_admin_email(primary: &PrimaryDomain, admin: &EmailAddress) -> Result<(), RuleError> {
    if admin.domain() != primary.as_str() {
        return Err(RuleError::AdminOutsidePrimaryDomain {
            admin: snippet(admin.as_str()),
            primary: snippet(primary.as_str()),
        });
    }
    check_username(admin.local_part()).map_err(|reason| RuleError::AdminUsername {
        username: snippet(admin.local_part()),
        reason,
    })
}

/// The secondary address must differ from the admin address.
///
/// # Errors
///
/// [`RuleError::SecondaryEqualsAdmin`] when both are the same canonical address.
///
/// ```
/// use gws_onboarding::{EmailAddress, email};
/// let a: EmailAddress = "jo@example.fr".parse()?;
/// assert!(email::check_distinct(&a, &"JO@Example.FR".parse()?).is_err());
/// assert!(email::check_distinct(&a, &"jo@example.de".parse()?).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_distinct(admin: &EmailAddress, secondary: &EmailAddress) -> Result<(), RuleError> {
    if admin == secondary {
        return Err(RuleError::SecondaryEqualsAdmin {
            address: snippet(admin.as_str()),
        });
    }
    Ok(())
}
