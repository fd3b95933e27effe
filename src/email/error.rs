//! Layer 2, values: [`EmailError`], why an address is refused, with the local-part and
//! domain problems it names.

use crate::error::{Lang, impl_diagnostic, quote_char, snippet};

/// What is wrong with a local part.
///
/// ```
/// use gws_onboarding::{EmailAddress, EmailError, email::LocalProblem};
///
/// match EmailAddress::parse("a..b@example.fr") {
///     Err(EmailError::InvalidLocal { reason, .. }) => assert_eq!(reason, LocalProblem::DoubleDot),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocalProblem {
    /// Nothing before `@`.
    Empty,
    /// Starts or ends with a dot.
    EdgeDot,
    /// Two dots in a row.
    DoubleDot,
    /// A character outside RFC 5322 `atext` (space, comma, backslash, …).
    Char(char),
}

impl LocalProblem {
    pub(super) fn describe(self, lang: Lang) -> String {
        match self {
            LocalProblem::Empty => lang.pick("is empty", "est vide").to_owned(),
            LocalProblem::EdgeDot => lang
                .pick(
                    "starts or ends with a dot",
                    "commence ou finit par un point",
                )
                .to_owned(),
            LocalProblem::DoubleDot => lang
                .pick("has two dots in a row", "contient deux points consécutifs")
                .to_owned(),
            LocalProblem::Char(c) => match lang {
                Lang::Fr => format!("contient le caractère non autorisé {c:?}"),
                _ => format!("contains the character {c:?}, which is not allowed"),
            },
        }
    }
}

/// What is wrong with the domain of an address.
///
/// ```
/// use gws_onboarding::{EmailAddress, EmailError, email::DomainProblem};
///
/// match EmailAddress::parse("a@exa_mple.com") {
///     Err(EmailError::DomainInvalid { reason, .. }) => assert_eq!(reason, DomainProblem::Char('_')),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DomainProblem {
    /// Nothing after `@`.
    Empty,
    /// A character outside letters, digits, hyphen and dot (after UTS-46 mapping).
    Char(char),
    /// Two dots in a row or a leading dot.
    EmptyLabel,
    /// A label of more than 63 octets (its length).
    LabelTooLong(usize),
    /// A label starting or ending with a hyphen.
    Hyphen,
    /// A label with `--` in its third and fourth positions that is not an `xn--` A-label
    /// (`ab--cd`), reserved by RFC 5891: the rule [`PrimaryDomain`](crate::domain::PrimaryDomain) applies too.
    ReservedHyphen,
    /// An `xn--` label that is not valid punycode (`xn--zz`).
    Punycode,
    /// An internationalized label that UTS-46 refuses (bad punycode, mixed directions, …).
    Idna,
}

impl DomainProblem {
    pub(super) fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (DomainProblem::Empty, Lang::Fr) => "est vide".to_owned(),
            (DomainProblem::Empty, _) => "is empty".to_owned(),
            (DomainProblem::Char(c), Lang::Fr) => {
                format!("contient {}, qui n'est pas autorisé", quote_char(c, lang))
            }
            (DomainProblem::Char(c), _) => {
                format!("contains {}, which is not allowed", quote_char(c, lang))
            }
            (DomainProblem::EmptyLabel, Lang::Fr) => {
                "contient un libellé vide (deux points consécutifs ou un point initial)".to_owned()
            }
            (DomainProblem::EmptyLabel, _) => {
                "has an empty label (two dots in a row, or a leading dot)".to_owned()
            }
            (DomainProblem::LabelTooLong(n), Lang::Fr) => {
                format!("a un libellé de {n} octets, plus que 63")
            }
            (DomainProblem::LabelTooLong(n), _) => {
                format!("has a label of {n} octets, more than 63")
            }
            (DomainProblem::Hyphen, Lang::Fr) => {
                "a un libellé qui commence ou finit par un trait d'union".to_owned()
            }
            (DomainProblem::Hyphen, _) => "has a label starting or ending with a hyphen".to_owned(),
            (DomainProblem::ReservedHyphen, Lang::Fr) => {
                "a un libellé avec « -- » en troisième et quatrième position (réservé)".to_owned()
            }
            (DomainProblem::ReservedHyphen, _) => {
                "has a label with \"--\" in third and fourth position (reserved)".to_owned()
            }
            (DomainProblem::Punycode, Lang::Fr) => {
                "a un libellé qui commence par « xn-- » sans être du punycode valide".to_owned()
            }
            (DomainProblem::Punycode, _) => {
                "has a label starting with \"xn--\" that is not valid punycode".to_owned()
            }
            (DomainProblem::Idna, Lang::Fr) => {
                "n'est pas un nom de domaine internationalisé valide".to_owned()
            }
            (DomainProblem::Idna, _) => "is not a valid internationalized domain name".to_owned(),
        }
    }
}

/// Why a string is not an acceptable email address.
///
/// ```
/// use gws_onboarding::EmailAddress;
///
/// let err = EmailAddress::parse("Jane Doe <jane@example.com>").unwrap_err();
/// assert_eq!(err.code(), "email.display_name");
/// assert_eq!(
///     err.to_string(),
///     "\"Jane Doe <jane@example.com>\" has a display name or angle brackets: enter the bare address, e.g. jane@example.com"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Nothing but white space.
    #[error("email address is empty")]
    Empty,
    /// Longer than 254 octets.
    #[error("email address is {len} octets long, more than the 254 allowed")]
    TooLong {
        /// Length in octets.
        len: usize,
    },
    /// A control, bidi-override or invisible character.
    #[error(
        "email address contains the invisible or control character U+{code_point:04X} at position {}",
        index + 1
    )]
    UnsafeChar {
        /// The code point.
        code_point: u32,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
    },
    /// No `@`.
    #[error("email address \"{input}\" has no @")]
    MissingAt {
        /// The input.
        input: String,
    },
    /// Two or more addresses in one field, separated by `;`, `,`, spaces or line breaks
    /// (`a@acme.fr; b@acme.fr`).
    #[error("\"{input}\" holds several addresses: enter one address only")]
    Multiple {
        /// The input.
        input: String,
    },
    /// More than one `@`.
    #[error("email address \"{input}\" has more than one @")]
    MultipleAt {
        /// The input.
        input: String,
    },
    /// `Name <address>` or stray angle brackets.
    #[error(
        "\"{input}\" has a display name or angle brackets: enter the bare address, e.g. jane@example.com"
    )]
    DisplayName {
        /// The input.
        input: String,
    },
    /// A quoted local part.
    #[error(
        "email address \"{input}\" has a quoted local part, which Google accounts do not accept"
    )]
    Quoted {
        /// The input.
        input: String,
    },
    /// A comment in parentheses.
    #[error("email address \"{input}\" has a comment in parentheses")]
    Comment {
        /// The input.
        input: String,
    },
    /// An IP literal domain (`[192.0.2.1]`).
    #[error("email address \"{input}\" has an IP address instead of a domain")]
    DomainLiteral {
        /// The input.
        input: String,
    },
    /// The local part is longer than 64 octets.
    #[error("the part before @ is {len} octets long, more than 64")]
    LocalTooLong {
        /// Its length.
        len: usize,
    },
    /// The local part is malformed.
    #[error("the part before @ (\"{local}\") {}", reason.describe(Lang::En))]
    InvalidLocal {
        /// The local part.
        local: String,
        /// What is wrong.
        reason: LocalProblem,
    },
    /// The local part has non-ASCII characters.
    #[error(
        "the part before @ (\"{local}\") has non-ASCII characters, which Google accounts do not accept"
    )]
    NonAsciiLocal {
        /// The local part.
        local: String,
    },
    /// The domain is malformed.
    #[error("{}", domain_invalid(domain, *reason, Lang::En))]
    DomainInvalid {
        /// The domain as written.
        domain: String,
        /// What is wrong.
        reason: DomainProblem,
    },
    /// The domain has a look-alike character that UTS-46 compatibility mapping would silently
    /// replace (`jeanne@𝐚𝐜𝐦𝐞.fr`, `jeanne@ſhop.fr`); see
    /// [`DomainError::Lookalike`](crate::DomainError::Lookalike).
    #[error(
        "the domain of the address (\"{domain}\") has the look-alike character U+{:04X} at position {}, which would become \"{folded}\": type it in plain letters",
        u32::from(*ch),
        index + 1
    )]
    DomainLookalike {
        /// The domain as written.
        domain: String,
        /// The character.
        ch: char,
        /// Its position in the domain (in characters, from 0).
        index: usize,
        /// What UTS-46 would turn it into.
        folded: String,
    },
    /// The domain is longer than 253 octets.
    #[error("the domain of the address is {len} octets long, more than 253")]
    DomainTooLong {
        /// Its length.
        len: usize,
    },
    /// The domain is an IPv4 address.
    #[error("the domain of the address (\"{domain}\") is an IP address")]
    DomainIp {
        /// The domain.
        domain: String,
    },
    /// The domain has a single label.
    #[error("the domain of the address (\"{domain}\") has no top-level domain")]
    DomainSingleLabel {
        /// The domain.
        domain: String,
    },
    /// The domain's top-level domain does not exist.
    #[error("the top-level domain \".{tld}\" of the address does not exist")]
    DomainUnknownTld {
        /// The unknown top-level label.
        tld: String,
    },
    /// The domain is special-use.
    #[error(
        "the domain of the address (\"{domain}\") is under the reserved name \"{reserved}\" and cannot receive mail"
    )]
    DomainSpecialUse {
        /// The domain.
        domain: String,
        /// The reserved name.
        reserved: &'static str,
    },
}

impl EmailError {
    /// The stable machine code, `email.*`.
    ///
    /// ```
    /// use gws_onboarding::EmailAddress;
    /// assert_eq!(EmailAddress::parse("a@b@c.com").unwrap_err().code(), "email.multiple_at");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            EmailError::Empty => "email.empty",
            EmailError::TooLong { .. } => "email.too_long",
            EmailError::UnsafeChar { .. } => "email.unsafe_char",
            EmailError::MissingAt { .. } => "email.missing_at",
            EmailError::Multiple { .. } => "email.multiple",
            EmailError::MultipleAt { .. } => "email.multiple_at",
            EmailError::DisplayName { .. } => "email.display_name",
            EmailError::Quoted { .. } => "email.quoted",
            EmailError::Comment { .. } => "email.comment",
            EmailError::DomainLiteral { .. } => "email.domain_literal",
            EmailError::LocalTooLong { .. } => "email.local_too_long",
            EmailError::InvalidLocal { .. } => "email.invalid_local",
            EmailError::NonAsciiLocal { .. } => "email.non_ascii_local",
            EmailError::DomainInvalid { .. } => "email.domain_invalid",
            EmailError::DomainLookalike { .. } => "email.domain_lookalike",
            EmailError::DomainTooLong { .. } => "email.domain_too_long",
            EmailError::DomainIp { .. } => "email.domain_ip",
            EmailError::DomainSingleLabel { .. } => "email.domain_single_label",
            EmailError::DomainUnknownTld { .. } => "email.domain_unknown_tld",
            EmailError::DomainSpecialUse { .. } => "email.domain_special_use",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, Lang};
    /// let err = EmailAddress::parse("jane").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "l'adresse e-mail « jane » ne contient pas de @");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            EmailError::Empty => "l'adresse e-mail est vide".to_owned(),
            EmailError::TooLong { len } => {
                format!("l'adresse e-mail fait {len} octets, plus que les 254 autorisés")
            }
            EmailError::UnsafeChar { code_point, index } => format!(
                "l'adresse e-mail contient le caractère invisible ou de contrôle U+{code_point:04X} à la position {}",
                index + 1
            ),
            EmailError::MissingAt { input } => {
                format!("l'adresse e-mail « {input} » ne contient pas de @")
            }
            EmailError::Multiple { input } => {
                format!("« {input} » contient plusieurs adresses : saisissez une seule adresse")
            }
            EmailError::MultipleAt { input } => {
                format!("l'adresse e-mail « {input} » contient plusieurs @")
            }
            EmailError::DisplayName { input } => format!(
                "« {input} » contient un nom ou des chevrons : saisissez l'adresse seule, par ex. jeanne@example.com"
            ),
            EmailError::Quoted { input } => format!(
                "l'adresse e-mail « {input} » a une partie locale entre guillemets, que les comptes Google n'acceptent pas"
            ),
            EmailError::Comment { input } => {
                format!("l'adresse e-mail « {input} » contient un commentaire entre parenthèses")
            }
            EmailError::DomainLiteral { input } => {
                format!("l'adresse e-mail « {input} » a une adresse IP au lieu d'un domaine")
            }
            EmailError::LocalTooLong { len } => {
                format!("la partie avant @ fait {len} octets, plus que 64")
            }
            EmailError::InvalidLocal { local, reason } => {
                format!(
                    "la partie avant @ (« {local} ») {}",
                    reason.describe(Lang::Fr)
                )
            }
            EmailError::NonAsciiLocal { local } => format!(
                "la partie avant @ (« {local} ») contient des caractères non ASCII, que les comptes Google n'acceptent pas"
            ),
            EmailError::DomainInvalid { domain, reason } => {
                domain_invalid(domain, *reason, Lang::Fr)
            }
            EmailError::DomainLookalike {
                domain,
                ch,
                index,
                folded,
            } => format!(
                "le domaine de l'adresse (« {domain} ») contient le caractère trompeur U+{:04X} à la position {}, qui deviendrait « {folded} » : saisissez-le en lettres ordinaires",
                u32::from(*ch),
                index + 1
            ),
            EmailError::DomainTooLong { len } => {
                format!("le domaine de l'adresse fait {len} octets, plus que 253")
            }
            EmailError::DomainIp { domain } => {
                format!("le domaine de l'adresse (« {domain} ») est une adresse IP")
            }
            EmailError::DomainSingleLabel { domain } => format!(
                "le domaine de l'adresse (« {domain} ») n'a pas de domaine de premier niveau"
            ),
            EmailError::DomainUnknownTld { tld } => {
                format!("le domaine de premier niveau « .{tld} » de l'adresse n'existe pas")
            }
            EmailError::DomainSpecialUse { domain, reserved } => format!(
                "le domaine de l'adresse (« {domain} ») relève du nom réservé « {reserved} » et ne peut pas recevoir d'e-mails"
            ),
        }
    }
}

impl_diagnostic!(EmailError);

/// Refuses a list of addresses (`a@x.de; b@x.de`, one per line, …) holding `ats` `@` signs,
/// before its separators are refused as spaces or control characters.
pub(super) fn refuse_several(text: &str, ats: usize) -> Result<(), EmailError> {
    if ats > 1 && is_several(text) {
        return Err(EmailError::Multiple {
            input: snippet(text.trim()),
        });
    }
    Ok(())
}

/// Whether `text` (already bounded in length) is a list of addresses: at least two parts
/// holding an `@`, separated by `;`, `,` or white space.
pub(super) fn is_several(text: &str) -> bool {
    text.split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|part| part.contains('@'))
        .nth(1)
        .is_some()
}

/// The message of [`EmailError::DomainInvalid`]: nothing to quote when nothing follows `@`.
pub(super) fn domain_invalid(domain: &str, reason: DomainProblem, lang: Lang) -> String {
    match (domain.is_empty(), lang) {
        (true, Lang::Fr) => "l'adresse n'a pas de domaine après @".to_owned(),
        (true, _) => "the address has no domain after @".to_owned(),
        (false, Lang::Fr) => format!(
            "le domaine de l'adresse (« {domain} ») {}",
            reason.describe(Lang::Fr)
        ),
        (false, _) => format!(
            "the domain of the address (\"{domain}\") {}",
            reason.describe(Lang::En)
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Rules between addresses and the primary domain.
