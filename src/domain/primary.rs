//! Layer 2, values: [`PrimaryDomain`], the customer's primary domain, read from what people
//! paste (URLs, `www.`, trailing dots) and normalised.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::error::DomainError;
use super::rules::{CONSUMER_DOMAINS, DomainRules, MAX_DOMAIN_INPUT};
use crate::error::{SNIPPET_CHARS, TrimExt, find_unsafe, snippet};
use crate::host::{self, HostError};
use crate::suffix::Section;

/// A validated primary domain: lowercase ASCII, no trailing dot, registered under a known public
/// suffix, not special-use, not Google's consumer domain.
///
/// Two domains are equal when their canonical forms are; ordering and hashing follow it too.
///
/// ```
/// use gws_onboarding::PrimaryDomain;
///
/// let a: PrimaryDomain = "EXAMPLE.fr.".parse()?;
/// let b = PrimaryDomain::parse("example.fr")?;
/// assert_eq!(a, b);
/// assert_eq!(a.to_string(), "example.fr");
/// assert_eq!(format!("{a:?}"), "PrimaryDomain(\"example.fr\")");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct PrimaryDomain {
    name: Box<str>,
    suffix_start: u16,
    registrable_start: u16,
}

impl PrimaryDomain {
    /// Parses and normalises a primary domain with the default [`DomainRules`].
    ///
    /// Surrounding white space and one trailing dot are removed; letters are lowercased;
    /// full-width forms of ASCII letters and dots are mapped to ASCII (UTS-46). No other
    /// character is folded into ASCII: a look-alike such as `𝐚`, `ⓐ`, `ſ` or `㎏` is refused
    /// ([`DomainError::Lookalike`]) rather than silently read as `a`, `a`, `s` or `kg`, so the
    /// name Google gets is the name the salesperson saw.
    ///
    /// # Errors
    ///
    /// A [`DomainError`] naming the first problem found, e.g. `https://example.com`
    /// ([`DomainError::Url`]), `www.example.com` ([`DomainError::Www`]), `bücher.de`
    /// ([`DomainError::Internationalized`]), `co.uk` ([`DomainError::PublicSuffix`]),
    /// `gmail.com` ([`DomainError::Consumer`]); the table in the [module docs](crate::domain) lists them all.
    ///
    /// ```
    /// use gws_onboarding::PrimaryDomain;
    ///
    /// assert_eq!(PrimaryDomain::parse("Acme.com")?.as_str(), "acme.com");
    /// assert_eq!(PrimaryDomain::parse("co.uk").unwrap_err().code(), "domain.public_suffix");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<PrimaryDomain, DomainError> {
        PrimaryDomain::parse_with(input, DomainRules::default_ref())
    }

    /// Parses with the given rules (suffix list, private suffixes, subdomains).
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse), plus [`DomainError::Subdomain`] when subdomains are not
    /// allowed, and no [`DomainError::PrivateSuffix`] when private suffixes are.
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, PrimaryDomain};
    ///
    /// let rules = DomainRules::new().allow_private_suffix(true);
    /// let d = PrimaryDomain::parse_with("Acme.GitHub.io", &rules)?;
    /// assert!(d.is_under_private_suffix());
    /// assert_eq!(d.suffix(), "github.io");
    /// assert_eq!(d.registrable(), "github.io");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_with(input: &str, rules: &DomainRules) -> Result<PrimaryDomain, DomainError> {
        if input.len() > MAX_DOMAIN_INPUT {
            return Err(DomainError::TooLong { len: input.len() });
        }
        let folded = host::fold_width(input);
        let trimmed = folded.trim_fast();
        if trimmed.is_empty() {
            return Err(DomainError::Empty);
        }
        reject_unsafe_or_pasted(trimmed, rules)?;
        let host = host::normalize(trimmed).map_err(|e| host_error(e, trimmed))?;
        let name: &str = &host.ascii;
        if host.a_label {
            let (unicode, _) = idna::domain_to_unicode(name);
            return Err(DomainError::Internationalized {
                ascii: snippet(name),
                unicode: snippet(&unicode),
            });
        }
        if host::numeric_tld(name) {
            return Err(if host::is_ipv4(name) {
                DomainError::Ip {
                    input: snippet(name),
                }
            } else {
                DomainError::UnknownTld {
                    tld: snippet(name.rsplit('.').next().unwrap_or(name)),
                }
            });
        }
        let found = rules.list.lookup(name);
        // `www.` is a prefix only when the registered domain is what follows it: `www.com` and
        // `www.ck` (an exception rule) are registered domains of their own.
        if let (Some(rest), Some(registrable)) = (name.strip_prefix("www."), found.registrable()) {
            if registrable.len() < name.len() {
                return Err(www_error(name, rest, registrable.len(), rules));
            }
        }
        if let Some(reserved) = host::special_use(name) {
            return Err(DomainError::SpecialUse {
                domain: snippet(name),
                reserved,
            });
        }
        if !name.as_bytes().contains(&b'.') && !found.is_known() {
            let dotcom = format!("{name}.com");
            let fits = PrimaryDomain::parse_with(&dotcom, rules).is_ok();
            return Err(DomainError::SingleLabel {
                domain: snippet(name),
                suggestion: suggestion(&dotcom).filter(|_| fits),
            });
        }
        if !found.is_known() {
            return Err(DomainError::UnknownTld {
                tld: snippet(found.suffix()),
            });
        }
        let Some(registrable) = found.registrable() else {
            return Err(DomainError::PublicSuffix {
                domain: snippet(name),
                private: found.section() == Some(Section::Private),
            });
        };
        if let Some(consumer) = CONSUMER_DOMAINS.iter().find(|&&c| host::is_within(name, c)) {
            return Err(DomainError::Consumer {
                domain: snippet(name),
                consumer,
            });
        }
        let private = found.section() == Some(Section::Private);
        if private && !rules.allow_private_suffix {
            return Err(DomainError::PrivateSuffix {
                domain: snippet(name),
                suffix: snippet(found.suffix()),
            });
        }
        if !rules.allow_subdomain && registrable.len() < name.len() {
            // The registrable domain passes every check the name passed, subdomain aside.
            let fits = PrimaryDomain::parse_with(registrable, rules).is_ok();
            return Err(DomainError::Subdomain {
                domain: snippet(name),
                registrable: suggestion(registrable).filter(|_| fits),
            });
        }
        // Names are at most 253 octets, so offsets fit in u16.
        let suffix_start = u16::try_from(name.len() - found.suffix().len()).unwrap_or(0);
        let registrable_start = found
            .icann_registrable_start()
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(0);
        Ok(PrimaryDomain {
            name: host.ascii.into_owned().into_boxed_str(),
            suffix_start,
            registrable_start,
        })
    }

    /// The canonical form: lowercase ASCII, no trailing dot.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::PrimaryDomain::parse("ACME.io")?.as_str(), "acme.io");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The public suffix the domain is registered under (`co.uk`, `com`; `github.io` for a
    /// name under that private suffix).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::PrimaryDomain::parse("shop.example.co.uk")?.suffix(), "co.uk");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suffix(&self) -> &str {
        &self.name[usize::from(self.suffix_start)..]
    }

    /// The registrable domain by the ICANN section of the list (ICANN eTLD+1): what a registrar
    /// sold. Equal to [`as_str`](Self::as_str) unless the domain is a subdomain.
    ///
    /// ```
    /// let d = gws_onboarding::PrimaryDomain::parse("shop.example.co.uk")?;
    /// assert_eq!(d.registrable(), "example.co.uk");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn registrable(&self) -> &str {
        &self.name[usize::from(self.registrable_start)..]
    }

    /// Whether the domain is below the domain its owner registered (`shop.acme.com`). Names
    /// under a private suffix count from that suffix: `acme.github.io` is not a subdomain.
    ///
    /// ```
    /// use gws_onboarding::PrimaryDomain;
    /// assert!(PrimaryDomain::parse("shop.acme.com")?.is_subdomain());
    /// assert!(!PrimaryDomain::parse("acme.com")?.is_subdomain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_subdomain(&self) -> bool {
        self.owner().len() < self.name.len()
    }

    /// The domain its owner registered: the suffix and one more label, the suffix being of
    /// either section of the list (`acme.github.io` under `github.io`, `acme.co.uk` under
    /// `co.uk`).
    pub(crate) fn owner(&self) -> &str {
        let suffix_start = usize::from(self.suffix_start);
        let head = &self.name[..suffix_start.saturating_sub(1)];
        let start = host::label_start(head, head.len());
        &self.name[start..]
    }

    /// Whether the domain sits under a private-section suffix (only possible when
    /// [`DomainRules::allow_private_suffix`] was on).
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, PrimaryDomain};
    /// let rules = DomainRules::new().allow_private_suffix(true);
    /// assert!(PrimaryDomain::parse_with("acme.blogspot.com", &rules)?.is_under_private_suffix());
    /// assert!(!PrimaryDomain::parse("acme.com")?.is_under_private_suffix());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_under_private_suffix(&self) -> bool {
        // The ICANN registrable domain ends inside (or at) the private suffix.
        self.registrable().len() <= self.suffix().len()
    }

    /// Whether `name` (a lowercase A-label name) is this domain or a subdomain of it.
    ///
    /// ```
    /// let d = gws_onboarding::PrimaryDomain::parse("acme.com")?;
    /// assert!(d.contains("mail.acme.com"));
    /// assert!(d.contains("acme.com"));
    /// assert!(!d.contains("badacme.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        host::is_within(name, &self.name)
    }
}

/// Rejects invisible and control characters first, wherever they stand (as for an address),
/// then what was pasted instead of a domain.
pub(super) fn reject_unsafe_or_pasted(
    trimmed: &str,
    rules: &DomainRules,
) -> Result<(), DomainError> {
    if let Some((index, ch)) = find_unsafe(trimmed) {
        return Err(DomainError::UnsafeChar {
            code_point: u32::from(ch),
            index,
        });
    }
    // Only input with one of these characters can be a pasted URL, address or IPv6 address.
    if trimmed
        .bytes()
        .any(|b| matches!(b, b'@' | b'/' | b'\\' | b'?' | b'#' | b':' | b'['))
    {
        reject_pasted(trimmed, rules)?;
    }
    Ok(())
}

/// Rejects what was pasted instead of a domain: an email address, an IPv6 address, a URL.
pub(super) fn reject_pasted(trimmed: &str, rules: &DomainRules) -> Result<(), DomainError> {
    if trimmed.contains("://") {
        return Err(url_error(trimmed, "scheme", rules));
    }
    if trimmed.contains('@') {
        return Err(DomainError::Email {
            input: snippet(trimmed),
        });
    }
    if host::is_ipv6(trimmed) {
        return Err(DomainError::Ip {
            input: snippet(trimmed),
        });
    }
    if let Some(found) = url_marker(trimmed) {
        return Err(url_error(trimmed, found, rules));
    }
    Ok(())
}

/// The error for a pasted URL, with the domain it names as the hint when that domain passes
/// the same rules.
pub(super) fn url_error(url: &str, found: &'static str, rules: &DomainRules) -> DomainError {
    DomainError::Url {
        input: snippet(url),
        found,
        suggestion: url_domain(url, rules).map(|d| snippet(d.as_str())),
    }
}

/// The domain a pasted URL names, when the rules accept it: the scheme, user name, path,
/// query, fragment and port taken away, and a leading `www.` too when what follows is
/// accepted. The host it parses has none of the characters that make a URL, so this never
/// comes back here.
pub(super) fn url_domain(url: &str, rules: &DomainRules) -> Option<PrimaryDomain> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '\\', '?', '#']).next()?;
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = host_port.split(':').next()?;
    if host.is_empty() || host.contains('[') {
        return None;
    }
    let without_www = host
        .get(..4)
        .filter(|www| www.eq_ignore_ascii_case("www."))
        .and_then(|_| PrimaryDomain::parse_with(&host[4..], rules).ok());
    without_www.or_else(|| PrimaryDomain::parse_with(host, rules).ok())
}

/// The first sign that a URL was pasted: a scheme, path, query, fragment, port or credentials.
pub(super) fn url_marker(s: &str) -> Option<&'static str> {
    if s.contains("://") {
        Some("scheme")
    } else if s.contains('/') || s.contains('\\') {
        Some("path")
    } else if s.contains('?') {
        Some("query")
    } else if s.contains('#') {
        Some("fragment")
    } else if s.contains(':') {
        Some("port")
    } else {
        None
    }
}

/// The error for `name`, which starts with `www.` above its registered domain: every `www.`
/// above the registered domain goes (`www.www.acme.fr`), and the name is suggested only if it
/// passes in turn (`www.gmail.com` gets the error of `gmail.com` instead).
pub(super) fn www_error(
    name: &str,
    mut rest: &str,
    registrable_len: usize,
    rules: &DomainRules,
) -> DomainError {
    while rest.len() > registrable_len && rest.starts_with("www.") {
        rest = &rest[4..];
    }
    match PrimaryDomain::parse_with(rest, rules) {
        Ok(_) => DomainError::Www {
            input: snippet(name),
            without: suggestion(rest),
        },
        Err(e) => e,
    }
}

/// A name to suggest in a message: only whole (a cut name is no suggestion). Callers check that
/// it parses.
pub(super) fn suggestion(name: &str) -> Option<String> {
    (name.chars().count() <= SNIPPET_CHARS).then(|| snippet(name))
}

pub(super) fn host_error(err: HostError, input: &str) -> DomainError {
    match err {
        HostError::UnsafeChar { ch, index } => DomainError::UnsafeChar {
            code_point: u32::from(ch),
            index,
        },
        HostError::InvalidChar { ch, index } => DomainError::InvalidChar {
            input: snippet(input),
            ch,
            index,
        },
        HostError::EmptyLabel => DomainError::EmptyLabel {
            input: snippet(input),
        },
        HostError::Lookalike { ch, index, folded } => DomainError::Lookalike {
            input: snippet(input),
            ch,
            index,
            folded: snippet(&folded),
        },
        HostError::LabelTooLong { label, len } => DomainError::LabelTooLong { label, len },
        HostError::Hyphen { label } | HostError::ReservedHyphen { label } => {
            DomainError::Hyphen { label }
        }
        HostError::BadALabel { label } => DomainError::Punycode { label },
        HostError::TooLong { len } => DomainError::TooLong { len },
        HostError::Idna => DomainError::Internationalized {
            ascii: snippet(input),
            unicode: snippet(input),
        },
    }
}

impl FromStr for PrimaryDomain {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PrimaryDomain::parse(s)
    }
}

impl TryFrom<&str> for PrimaryDomain {
    type Error = DomainError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        PrimaryDomain::parse(s)
    }
}

impl TryFrom<String> for PrimaryDomain {
    type Error = DomainError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        PrimaryDomain::parse(&s)
    }
}

impl AsRef<str> for PrimaryDomain {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

impl From<PrimaryDomain> for String {
    fn from(d: PrimaryDomain) -> String {
        d.name.into_string()
    }
}

impl fmt::Display for PrimaryDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl fmt::Debug for PrimaryDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PrimaryDomain").field(&&*self.name).finish()
    }
}

impl PartialEq for PrimaryDomain {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for PrimaryDomain {}

impl PartialOrd for PrimaryDomain {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PrimaryDomain {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name.cmp(&other.name)
    }
}

impl Hash for PrimaryDomain {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PrimaryDomain {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PrimaryDomain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PrimaryDomain::parse(&s).map_err(serde::de::Error::custom)
    }
}
