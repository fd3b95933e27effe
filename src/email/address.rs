//! Layer 2, values: [`EmailAddress`], a plain mailbox normalised to its canonical form, and
//! its length limits.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::error::{DomainProblem, EmailError, LocalProblem, refuse_several};
use crate::error::{TrimExt, find_unsafe, snippet};
use crate::host::{self, HostError};
use crate::suffix::SuffixList;

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

pub(super) const SLOW: u8 = 1;
pub(super) const ANGLE: u8 = 1 << 1;
pub(super) const QUOTE: u8 = 1 << 2;
pub(super) const PAREN: u8 = 1 << 3;

/// For each byte: [`SLOW`] for non-ASCII and control bytes, or the structural character it is.
pub(super) static EMAIL_CLASS: [u8; 256] = {
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
pub(super) fn scan(text: &str) -> (u8, usize, usize) {
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
pub(super) fn check_local(local: &str) -> Result<(), EmailError> {
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
pub(super) fn is_atext(b: u8) -> bool {
    matches!(b,
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'
        | b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'/' | b'='
        | b'?' | b'^' | b'_' | b'`' | b'{' | b'|' | b'}' | b'~')
}

pub(super) fn domain_error(err: &HostError, domain: &str) -> EmailError {
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
