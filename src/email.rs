//! Layer 2, values. Email addresses, and the rules between the customer's addresses and its primary domain.
//!
//! An [`EmailAddress`] is a plain `local@domain` mailbox as Google's APIs take it: no display
//! name, no quoted local part, no comment, no IP-literal domain. The domain is mapped with
//! UTS-46 to lowercase A-labels (so `Ｕｓｅｒ@Bücher.DE` and `user@xn--bcher-kva.de` are the same
//! address) and must lie under a known public suffix. The local part is lowercased too: Google
//! Workspace treats addresses case-insensitively.
//!
//! The rules between addresses of the Partner Sales Console help article *Ajouter un client
//! Google Workspace* (Add a Google Workspace customer) are pure functions here:
//! [`check_secondary_email`], [`check_admin_email`] and [`check_distinct`].
//!
//! ```
//! use gws_onboarding::{EmailAddress, PrimaryDomain, email};
//!
//! let primary: PrimaryDomain = "example.fr".parse()?;
//! let admin: EmailAddress = "Jeanne.Martin@Example.FR".parse()?;
//! let secondary: EmailAddress = "it@reseller.de".parse()?;
//! assert_eq!(admin.as_str(), "jeanne.martin@example.fr");
//!
//! email::check_admin_email(&primary, &admin)?;
//! assert_eq!(email::check_secondary_email(&primary, &secondary)?, None);
//! email::check_distinct(&admin, &secondary)?;
//!
//! let bad: EmailAddress = "it@mail.EXAMPLE.fr.".parse()?;
//! let err = email::check_secondary_email(&primary, &bad).unwrap_err();
//! assert_eq!(err.code(), "rule.secondary_in_primary_domain");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::domain::PrimaryDomain;
use crate::error::{
    Diagnostic, Lang, Severity, TrimExt, find_unsafe, impl_diagnostic, quote_char, snippet,
};
use crate::host::{self, HostError};
use crate::suffix::SuffixList;

mod compat;

/// The longest address (RFC 5321's path limit less the angle brackets).
///
/// ```
/// use gws_onboarding::{EmailAddress, email::MAX_EMAIL};
/// let long = format!("{}@{}.com", "a".repeat(60), vec!["b".repeat(60); 4].join("."));
/// assert!(long.len() > MAX_EMAIL);
/// assert_eq!(EmailAddress::parse(&long).unwrap_err().code(), "email.too_long");
/// ```
pub const MAX_EMAIL: usize = 254;
/// The longest local part (RFC 5321).
///
/// ```
/// use gws_onboarding::{EmailAddress, email::MAX_LOCAL};
/// let long = format!("{}@acme.fr", "a".repeat(MAX_LOCAL + 1));
/// assert_eq!(EmailAddress::parse(&long).unwrap_err().code(), "email.local_too_long");
/// ```
pub const MAX_LOCAL: usize = 64;
/// Longer input is rejected as [`EmailError::TooLong`] before it is read.
///
/// ```
/// use gws_onboarding::{EmailAddress, email::MAX_EMAIL_INPUT};
/// let huge = "a".repeat(MAX_EMAIL_INPUT + 1);
/// assert_eq!(EmailAddress::parse(&huge).unwrap_err().code(), "email.too_long");
/// ```
pub const MAX_EMAIL_INPUT: usize = 512;

/// A validated email address in canonical form: lowercase ASCII local part, `@`, lowercase
/// A-label domain without trailing dot.
///
/// Equality, ordering and hashing are those of the canonical form.
///
/// ```
/// use gws_onboarding::EmailAddress;
///
/// let a: EmailAddress = "Admin@Bücher.DE".parse()?;
/// assert_eq!(a.as_str(), "admin@xn--bcher-kva.de");
/// assert_eq!(a.local_part(), "admin");
/// assert_eq!(a.domain(), "xn--bcher-kva.de");
/// assert_eq!(a.domain_unicode(), "bücher.de");
/// assert_eq!(a, "ADMIN@xn--BCHER-kva.de".parse()?);
/// assert_eq!(format!("{a:?}"), "EmailAddress(\"admin@xn--bcher-kva.de\")");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct EmailAddress {
    address: Box<str>,
    at: u16,
    registrable_start: u16,
}

impl EmailAddress {
    /// Parses and normalises an address, checking its domain against the embedded suffix list.
    ///
    /// Surrounding white space is removed, letters are lowercased, the domain is mapped to
    /// A-labels and loses a trailing dot.
    ///
    /// # Errors
    ///
    /// An [`EmailError`] naming the first problem: `Jane <jane@example.com>`
    /// ([`EmailError::DisplayName`]), `"jane doe"@example.com` ([`EmailError::Quoted`]),
    /// `jane@[192.0.2.1]` ([`EmailError::DomainLiteral`]), `jane..doe@example.com`
    /// ([`EmailError::InvalidLocal`]), `jane@example.invalid` ([`EmailError::DomainSpecialUse`]),
    /// and so on for every variant.
    ///
    /// ```
    /// use gws_onboarding::EmailAddress;
    ///
    /// assert_eq!(EmailAddress::parse(" Jane@Acme.com ")?.as_str(), "jane@acme.com");
    /// assert_eq!(EmailAddress::parse("jane@localhost").unwrap_err().code(), "email.domain_special_use");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        EmailAddress::parse_with(input, SuffixList::embedded())
    }

    /// Parses with another suffix list.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, SuffixList};
    ///
    /// let list = SuffixList::parse("com\nnewtld\n")?;
    /// assert!(EmailAddress::parse_with("a@b.newtld", &list).is_ok());
    /// assert!(EmailAddress::parse("a@b.newtld").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_with(input: &str, list: &SuffixList) -> Result<EmailAddress, EmailError> {
        if input.len() > MAX_EMAIL_INPUT {
            return Err(EmailError::TooLong { len: input.len() });
        }
        // One pass over the bytes: what kind of text this is, and where the `@` signs are.
        let (mut class, mut ats, mut last_at) = scan(input);
        refuse_several(input, ats)?;
        // Non-ASCII, control or surrounding white space: fold full-width forms, trim, refuse
        // unsafe characters, and look again (rare).
        let folded;
        let mut trimmed = input;
        let edge_space = input
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_whitespace)
            || input.as_bytes().last().is_some_and(u8::is_ascii_whitespace);
        if class & SLOW != 0 || edge_space {
            folded = host::fold_width(input);
            trimmed = folded.trim_fast();
            if let Some((index, ch)) = find_unsafe(trimmed) {
                return Err(EmailError::UnsafeChar {
                    code_point: u32::from(ch),
                    index,
                });
            }
            (class, ats, last_at) = scan(trimmed);
        }
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        let echo = || snippet(trimmed);
        let (angle, quote, paren) = (class & ANGLE != 0, class & QUOTE != 0, class & PAREN != 0);
        if angle {
            return Err(EmailError::DisplayName { input: echo() });
        }
        if quote {
            return Err(EmailError::Quoted { input: echo() });
        }
        if paren {
            return Err(EmailError::Comment { input: echo() });
        }
        if ats == 0 {
            return Err(EmailError::MissingAt { input: echo() });
        }
        if ats > 1 {
            return Err(EmailError::MultipleAt { input: echo() });
        }
        let (local, domain) = (&trimmed[..last_at], &trimmed[last_at + 1..]);
        if domain.starts_with('[') {
            return Err(EmailError::DomainLiteral { input: echo() });
        }
        check_local(local)?;
        if domain.is_empty() {
            return Err(EmailError::DomainInvalid {
                domain: String::new(),
                reason: DomainProblem::Empty,
            });
        }
        let host = host::normalize(domain).map_err(|e| domain_error(&e, domain))?;
        let name: &str = &host.ascii;
        let numeric_tld = host::numeric_tld(name);
        if numeric_tld && host::is_ipv4(name) {
            return Err(EmailError::DomainIp {
                domain: snippet(name),
            });
        }
        if let Some(reserved) = host::special_use(name) {
            return Err(EmailError::DomainSpecialUse {
                domain: snippet(name),
                reserved,
            });
        }
        if !name.as_bytes().contains(&b'.') {
            return Err(EmailError::DomainSingleLabel {
                domain: snippet(name),
            });
        }
        let found = list.lookup(name);
        if !found.is_known() || numeric_tld {
            return Err(EmailError::DomainUnknownTld {
                tld: snippet(found.suffix()),
            });
        }
        let total = local.len() + 1 + name.len();
        if total > MAX_EMAIL {
            return Err(EmailError::TooLong { len: total });
        }
        let mut address = String::with_capacity(total);
        address.push_str(local);
        address.make_ascii_lowercase();
        address.push('@');
        address.push_str(name);
        let at = u16::try_from(local.len()).unwrap_or(0);
        let registrable_start = found
            .icann_registrable_start()
            .map_or(at + 1, |s| at + 1 + u16::try_from(s).unwrap_or(0));
        Ok(EmailAddress {
            address: address.into_boxed_str(),
            at,
            registrable_start,
        })
    }

    /// The canonical address.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::EmailAddress::parse("A@B.com")?.as_str(), "a@b.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The local part (before `@`), lowercase.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::EmailAddress::parse("Jo.Smith@b.com")?.local_part(), "jo.smith");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn local_part(&self) -> &str {
        &self.address[..usize::from(self.at)]
    }

    /// The domain in lowercase A-label form.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::EmailAddress::parse("a@Mail.B.com.")?.domain(), "mail.b.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.address[usize::from(self.at) + 1..]
    }

    /// The domain in Unicode form, for display.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::EmailAddress::parse("a@xn--bcher-kva.de")?.domain_unicode(), "bücher.de");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain_unicode(&self) -> String {
        idna::domain_to_unicode(self.domain()).0
    }

    /// The registrable domain of the address's domain by ICANN rules (ICANN eTLD+1).
    ///
    /// ```
    /// let a = gws_onboarding::EmailAddress::parse("a@mail.example.co.uk")?;
    /// assert_eq!(a.registrable_domain(), "example.co.uk");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn registrable_domain(&self) -> &str {
        &self.address[usize::from(self.registrable_start)..]
    }

    /// Whether the address's domain is Google's consumer domain (`gmail.com`, `googlemail.com`).
    ///
    /// ```
    /// assert!(gws_onboarding::EmailAddress::parse("a@GMail.com")?.is_consumer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_consumer(&self) -> bool {
        crate::domain::CONSUMER_DOMAINS
            .iter()
            .any(|c| host::is_within(self.domain(), c))
    }
}

const SLOW: u8 = 1;
const ANGLE: u8 = 1 << 1;
const QUOTE: u8 = 1 << 2;
const PAREN: u8 = 1 << 3;

/// For each byte: [`SLOW`] for non-ASCII and control bytes, or the structural character it is.
static EMAIL_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if b < 0x20 || b >= 0x7f { SLOW } else { 0 };
        b += 1;
    }
    table[b'<' as usize] = ANGLE;
    table[b'>' as usize] = ANGLE;
    table[b'"' as usize] = QUOTE;
    table[b'(' as usize] = PAREN;
    table[b')' as usize] = PAREN;
    table
};

/// The union of the [`EMAIL_CLASS`] of the bytes, the number of `@` and where the last is.
fn scan(text: &str) -> (u8, usize, usize) {
    let (mut class, mut ats, mut last_at) = (0u8, 0usize, 0usize);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        class |= EMAIL_CLASS[usize::from(b)];
        if b == b'@' {
            ats += 1;
            last_at = i;
        }
    }
    (class, ats, last_at)
}

/// Checks a local part: dot-atom of ASCII `atext` (RFC 5322), at most 64 octets.
fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::InvalidLocal {
            local: String::new(),
            reason: LocalProblem::Empty,
        });
    }
    if local.len() > MAX_LOCAL {
        return Err(EmailError::LocalTooLong { len: local.len() });
    }
    if !local.is_ascii() {
        return Err(EmailError::NonAsciiLocal {
            local: snippet(local),
        });
    }
    let invalid = |reason| EmailError::InvalidLocal {
        local: snippet(local),
        reason,
    };
    let bytes = local.as_bytes();
    if bytes.first() == Some(&b'.') || bytes.last() == Some(&b'.') {
        return Err(invalid(LocalProblem::EdgeDot));
    }
    let mut previous_dot = false;
    for &b in bytes {
        let dot = b == b'.';
        if dot && previous_dot {
            return Err(invalid(LocalProblem::DoubleDot));
        }
        if !dot && !is_atext(b) {
            return Err(invalid(LocalProblem::Char(char::from(b))));
        }
        previous_dot = dot;
    }
    Ok(())
}

/// RFC 5322 `atext`, ASCII only.
fn is_atext(b: u8) -> bool {
    matches!(b,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'
        | b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'/' | b'='
        | b'?' | b'^' | b'_' | b'`' | b'{' | b'|' | b'}' | b'~')
}

fn domain_error(err: &HostError, domain: &str) -> EmailError {
    let reason = match *err {
        HostError::UnsafeChar { ch, index } => {
            return EmailError::UnsafeChar {
                code_point: u32::from(ch),
                index,
            };
        }
        HostError::TooLong { len } => {
            return EmailError::DomainTooLong { len };
        }
        HostError::Lookalike {
            ch,
            index,
            ref folded,
        } => {
            return EmailError::DomainLookalike {
                domain: snippet(domain),
                ch,
                index,
                folded: snippet(folded),
            };
        }
        HostError::InvalidChar { ch, .. } => DomainProblem::Char(ch),
        HostError::EmptyLabel => DomainProblem::EmptyLabel,
        HostError::LabelTooLong { len, .. } => DomainProblem::LabelTooLong(len),
        HostError::Hyphen { .. } => DomainProblem::Hyphen,
        HostError::ReservedHyphen { .. } => DomainProblem::ReservedHyphen,
        HostError::BadALabel { .. } => DomainProblem::Punycode,
        HostError::Idna => DomainProblem::Idna,
    };
    EmailError::DomainInvalid {
        domain: snippet(domain),
        reason,
    }
}

impl FromStr for EmailAddress {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EmailAddress::parse(s)
    }
}

impl TryFrom<&str> for EmailAddress {
    type Error = EmailError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        EmailAddress::parse(s)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        EmailAddress::parse(&s)
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.address
    }
}

impl From<EmailAddress> for String {
    fn from(e: EmailAddress) -> String {
        e.address.into_string()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.address)
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("EmailAddress")
            .field(&&*self.address)
            .finish()
    }
}

impl PartialEq for EmailAddress {
    fn eq(&self, other: &Self) -> bool {
        self.address == other.address
    }
}

impl Eq for EmailAddress {}

impl PartialOrd for EmailAddress {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EmailAddress {
    fn cmp(&self, other: &Self) -> Ordering {
        self.address.cmp(&other.address)
    }
}

impl Hash for EmailAddress {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.address.hash(state);
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EmailAddress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.address)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for EmailAddress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        EmailAddress::parse(&s).map_err(serde::de::Error::custom)
    }
}

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
    fn describe(self, lang: Lang) -> String {
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
    /// (`ab--cd`), reserved by RFC 5891: the rule [`PrimaryDomain`] applies too.
    ReservedHyphen,
    /// An `xn--` label that is not valid punycode (`xn--zz`).
    Punycode,
    /// An internationalized label that UTS-46 refuses (bad punycode, mixed directions, …).
    Idna,
}

impl DomainProblem {
    fn describe(self, lang: Lang) -> String {
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
fn refuse_several(text: &str, ats: usize) -> Result<(), EmailError> {
    if ats > 1 && is_several(text) {
        return Err(EmailError::Multiple {
            input: snippet(text.trim()),
        });
    }
    Ok(())
}

/// Whether `text` (already bounded in length) is a list of addresses: at least two parts
/// holding an `@`, separated by `;`, `,` or white space.
fn is_several(text: &str) -> bool {
    text.split(|c: char| c == ';' || c == ',' || c.is_whitespace())
        .filter(|part| part.contains('@'))
        .nth(1)
        .is_some()
}

/// The message of [`EmailError::DomainInvalid`]: nothing to quote when nothing follows `@`.
fn domain_invalid(domain: &str, reason: DomainProblem, lang: Lang) -> String {
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
    fn describe(self, lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        match EmailAddress::parse(input) {
            Ok(e) => panic!("{input:?} parsed as {e:?}"),
            Err(e) => e.code(),
        }
    }

    #[test]
    fn canonical_forms() {
        for (input, canonical) in [
            ("Jane@Acme.COM", "jane@acme.com"),
            (" jane@acme.com. ", "jane@acme.com"),
            ("o'brien+tag@example.co.uk", "o'brien+tag@example.co.uk"),
            ("a@ＥＸＡＭＰＬＥ。de", "a@example.de"),
            ("a@Bücher.de", "a@xn--bcher-kva.de"),
            ("first.last@sub.example.fr", "first.last@sub.example.fr"),
        ] {
            assert_eq!(
                EmailAddress::parse(input).map(String::from),
                Ok(canonical.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn rejections() {
        assert_eq!(code(""), "email.empty");
        assert_eq!(code("jane"), "email.missing_at");
        assert_eq!(code("a@b@example.com"), "email.multiple_at");
        assert_eq!(code("Jane <jane@example.com>"), "email.display_name");
        assert_eq!(code("\"jane doe\"@example.com"), "email.quoted");
        assert_eq!(code("jane(x)@example.com"), "email.comment");
        assert_eq!(code("jane@[192.0.2.1]"), "email.domain_literal");
        assert_eq!(
            code(&format!("{}@example.com", "a".repeat(65))),
            "email.local_too_long"
        );
        assert_eq!(code("jane..doe@example.com"), "email.invalid_local");
        assert_eq!(code("jané@example.com"), "email.non_ascii_local");
        assert_eq!(code("ja\u{202e}ne@example.com"), "email.unsafe_char");
        assert_eq!(code("jane@exa_mple.com"), "email.domain_invalid");
        assert_eq!(code("jane@192.0.2.1"), "email.domain_ip");
        assert_eq!(code("jane@localhost"), "email.domain_special_use");
        assert_eq!(code("jane@intranet"), "email.domain_single_label");
        assert_eq!(code("jane@example.notatld"), "email.domain_unknown_tld");
        assert_eq!(code("jane@xn--zz.com"), "email.domain_invalid");
        assert_eq!(code(&"a".repeat(20_000_000)), "email.too_long");
        let long = format!(
            "{}@{}.com",
            "a".repeat(64),
            vec!["b".repeat(60); 4].join(".")
        );
        assert_eq!(code(&long), "email.too_long");
    }

    #[test]
    fn rules() {
        let primary = PrimaryDomain::parse("example.fr").unwrap();
        let e = |s: &str| EmailAddress::parse(s).unwrap();
        assert!(check_secondary_email(&primary, &e("x@sub.example.fr")).is_err());
        assert!(
            check_secondary_email(&primary, &e("x@notexample.fr"))
                .unwrap()
                .is_none()
        );
        assert!(check_admin_email(&primary, &e("x@sub.example.fr")).is_err());
        assert_eq!(
            check_username(&"a".repeat(65)),
            Err(UsernameProblem::TooLong(65))
        );
    }

    #[test]
    fn nothing_after_the_at_sign_is_said_plainly() {
        let err = EmailAddress::parse("jane@").unwrap_err();
        assert_eq!(err.code(), "email.domain_invalid");
        assert_eq!(err.to_string(), "the address has no domain after @");
        assert_eq!(
            err.message(Lang::Fr),
            "l'adresse n'a pas de domaine après @"
        );
        let err = EmailAddress::parse("jane@exa_mple.fr").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the domain of the address (\"exa_mple.fr\")")
        );
    }

    #[test]
    fn private_suffix_tenants_are_not_the_same_owner() {
        let rules = crate::DomainRules::new().allow_private_suffix(true);
        let primary = PrimaryDomain::parse_with("acme.github.io", &rules).unwrap();
        let other = EmailAddress::parse("it@other.github.io").unwrap();
        assert_eq!(check_secondary_email(&primary, &other), Ok(None));
        let inside = EmailAddress::parse("it@docs.acme.github.io").unwrap();
        assert!(check_secondary_email(&primary, &inside).is_err());
        let same_owner = PrimaryDomain::parse("shop.acme.co.uk").unwrap();
        let warned =
            check_secondary_email(&same_owner, &EmailAddress::parse("it@acme.co.uk").unwrap());
        assert!(matches!(
            warned,
            Ok(Some(RuleWarning::SecondarySameRegistrable { .. }))
        ));
    }
}
