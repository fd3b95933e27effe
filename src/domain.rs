//! Layer 2, values. The customer's primary domain.
//!
//! A [`PrimaryDomain`] is the domain a Google Workspace or Cloud Identity customer signs up with
//! (the Reseller API's `customerDomain`, the Cloud Channel API's `domain`). Parsing it checks what
//! Google would otherwise refuse, or what would fail later when the customer verifies it:
//!
//! | input | code |
//! |---|---|
//! | `""`, `"  "` | `domain.empty` |
//! | a name over 253 octets | `domain.too_long` |
//! | `https://example.com/`, `example.com:443` | `domain.url` |
//! | `admin@example.com` | `domain.email` |
//! | `www.acme.com`, `www.www.acme.com` (`www.gmail.com` gets `domain.consumer`) | `domain.www` |
//! | an invisible or control character (Unicode's `Default_Ignorable_Code_Point`, `Cc`, `Cf`, …) | `domain.unsafe_char` |
//! | `𝐚𝐜𝐦𝐞.fr`, `ⓐcme.fr`, `ſhop.fr`, `㎏.fr` (look-alikes UTS-46 would fold) | `domain.lookalike` |
//! | `ex_ample.com`, `exa mple.com` | `domain.invalid_char` |
//! | `example..com` | `domain.empty_label` |
//! | a 64-octet label | `domain.label_too_long` |
//! | `-example.com`, `ab--cd.com`, `xn---bcher-4ya.de` | `domain.hyphen` |
//! | `xn--zz.fr` (not valid punycode) | `domain.punycode` |
//! | `bücher.de`, `xn--bcher-kva.de` | `domain.idn` |
//! | `192.0.2.1`, `[2001:db8::1]` | `domain.ip` |
//! | `intranet` | `domain.single_label` |
//! | `example.notatld` | `domain.unknown_tld` |
//! | `co.uk`, `github.io` | `domain.public_suffix` |
//! | `foo.test`, `example.com`, `x.home.arpa` | `domain.special_use` |
//! | `gmail.com`, `googlemail.com` | `domain.consumer` |
//! | `foo.github.io` (by default) | `domain.private_suffix` |
//! | `shop.example.com` (only when [`DomainRules::allow_subdomain`] is off) | `domain.subdomain` |
//!
//! ```
//! use gws_onboarding::PrimaryDomain;
//!
//! let domain: PrimaryDomain = "  Example.CO.UK. ".parse()?;
//! assert_eq!(domain.as_str(), "example.co.uk");
//! assert_eq!(domain.suffix(), "co.uk");
//! assert_eq!(domain.registrable(), "example.co.uk");
//!
//! let err = "www.acme.com".parse::<PrimaryDomain>().unwrap_err();
//! assert_eq!(err.code(), "domain.www");
//! assert_eq!(err.to_string(), "domain \"www.acme.com\" starts with \"www.\": enter \"acme.com\"");
//! assert_eq!(err.suggestion(), Some("acme.com"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::OnceLock;

use crate::error::{
    Lang, SNIPPET_CHARS, TrimExt, find_unsafe, impl_diagnostic, quote_char, snippet,
};
use crate::host::{self, HostError};
use crate::suffix::{Section, SuffixList};

/// Longer input is rejected as [`DomainError::TooLong`] before it is read: trimming and a
/// trailing dot cannot bring it back under 253 octets in any sensible input.
///
/// ```
/// use gws_onboarding::{PrimaryDomain, domain::MAX_DOMAIN_INPUT};
/// let huge = "a".repeat(MAX_DOMAIN_INPUT + 1);
/// assert_eq!(PrimaryDomain::parse(&huge).unwrap_err().code(), "domain.too_long");
/// ```
pub const MAX_DOMAIN_INPUT: usize = 512;

/// Google's consumer domains: never a customer's own.
pub(crate) const CONSUMER_DOMAINS: [&str; 2] = ["gmail.com", "googlemail.com"];

/// The rules a [`PrimaryDomain`] is checked against, beyond those that never change.
///
/// The defaults are what Google Workspace accepts for a new customer: any name registered under
/// an ICANN suffix, subdomains included (whether Google accepts a subdomain as primary domain is
/// not documented; it does accept them as secondary domains); no name under a private-section
/// suffix such as `github.io`, whose DNS the customer does not control.
///
/// ```
/// use gws_onboarding::{DomainRules, PrimaryDomain};
///
/// let strict = DomainRules::new().allow_subdomain(false);
/// assert_eq!(
///     PrimaryDomain::parse_with("mail.example.fr", &strict).unwrap_err().code(),
///     "domain.subdomain"
/// );
/// let lenient = DomainRules::new().allow_private_suffix(true);
/// assert!(PrimaryDomain::parse_with("acme.github.io", &lenient).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct DomainRules {
    list: SuffixList,
    allow_private_suffix: bool,
    allow_subdomain: bool,
}

impl Default for DomainRules {
    fn default() -> Self {
        DomainRules::new()
    }
}

impl DomainRules {
    /// The default rules with the embedded suffix list.
    ///
    /// ```
    /// let rules = gws_onboarding::DomainRules::new();
    /// assert!(rules.allows_subdomain());
    /// assert!(!rules.allows_private_suffix());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        DomainRules {
            list: SuffixList::embedded().clone(),
            allow_private_suffix: false,
            allow_subdomain: true,
        }
    }

    /// The shared default rules.
    pub(crate) fn default_ref() -> &'static DomainRules {
        static RULES: OnceLock<DomainRules> = OnceLock::new();
        RULES.get_or_init(DomainRules::new)
    }

    /// Uses another suffix list (e.g. a newer one your service ships).
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, PrimaryDomain, SuffixList};
    ///
    /// let list = SuffixList::parse("com\nnewtld\n")?;
    /// let rules = DomainRules::new().suffix_list(list);
    /// assert!(PrimaryDomain::parse_with("example.newtld", &rules).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suffix_list(mut self, list: SuffixList) -> Self {
        self.list = list;
        self
    }

    /// Accepts names under a private-section suffix (`acme.github.io`). Off by default.
    ///
    /// ```
    /// let rules = gws_onboarding::DomainRules::new().allow_private_suffix(true);
    /// assert!(rules.allows_private_suffix());
    /// ```
    #[must_use]
    pub fn allow_private_suffix(mut self, allow: bool) -> Self {
        self.allow_private_suffix = allow;
        self
    }

    /// Accepts a subdomain (`shop.example.com`) as primary domain. On by default.
    ///
    /// ```
    /// let rules = gws_onboarding::DomainRules::new().allow_subdomain(false);
    /// assert!(!rules.allows_subdomain());
    /// ```
    #[must_use]
    pub fn allow_subdomain(mut self, allow: bool) -> Self {
        self.allow_subdomain = allow;
        self
    }

    /// Whether names under a private-section suffix are accepted.
    ///
    /// ```
    /// assert!(!gws_onboarding::DomainRules::default().allows_private_suffix());
    /// ```
    #[must_use]
    pub fn allows_private_suffix(&self) -> bool {
        self.allow_private_suffix
    }

    /// Whether subdomains are accepted.
    ///
    /// ```
    /// assert!(gws_onboarding::DomainRules::default().allows_subdomain());
    /// ```
    #[must_use]
    pub fn allows_subdomain(&self) -> bool {
        self.allow_subdomain
    }

    /// The suffix list in use.
    ///
    /// ```
    /// assert!(gws_onboarding::DomainRules::new().list().len() > 9_000);
    /// ```
    #[must_use]
    pub fn list(&self) -> &SuffixList {
        &self.list
    }
}

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
    /// `gmail.com` ([`DomainError::Consumer`]); the table in the [module docs](self) lists them all.
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
fn reject_unsafe_or_pasted(trimmed: &str, rules: &DomainRules) -> Result<(), DomainError> {
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
fn reject_pasted(trimmed: &str, rules: &DomainRules) -> Result<(), DomainError> {
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
fn url_error(url: &str, found: &'static str, rules: &DomainRules) -> DomainError {
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
fn url_domain(url: &str, rules: &DomainRules) -> Option<PrimaryDomain> {
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

/// The parts of a URL there are to remove, named in `lang`, joined as a list.
fn url_parts(url: &str, found: &str, lang: Lang) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let tail = &rest[authority_end..];
    let parts = [
        (url.contains("://"), "scheme", "le protocole"),
        (authority.contains('@'), "user name", "l'identifiant"),
        (authority.contains(':'), "port", "le port"),
        (tail.starts_with(['/', '\\']), "path", "le chemin"),
        (tail.contains('?'), "query", "les paramètres"),
        (tail.contains('#'), "fragment", "l'ancre"),
    ];
    let mut names: Vec<&str> = parts
        .iter()
        .filter(|(present, ..)| *present)
        .map(|&(_, en, fr)| lang.pick(en, fr))
        .collect();
    if names.is_empty() {
        // The echo was cut before the part that gave the URL away: name that part.
        let (en, fr) = match found {
            "scheme" => ("scheme", "le protocole"),
            "path" => ("path", "le chemin"),
            "query" => ("query", "les paramètres"),
            "fragment" => ("fragment", "l'ancre"),
            _ => ("port", "le port"),
        };
        names.push(lang.pick(en, fr));
    }
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("and", "et")),
    }
}

/// The first sign that a URL was pasted: a scheme, path, query, fragment, port or credentials.
fn url_marker(s: &str) -> Option<&'static str> {
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
fn www_error(
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
fn suggestion(name: &str) -> Option<String> {
    (name.chars().count() <= SNIPPET_CHARS).then(|| snippet(name))
}

fn host_error(err: HostError, input: &str) -> DomainError {
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

/// Why a string is not an acceptable primary domain.
///
/// Each variant has a stable code ([`code`](Self::code)) and carries what the message
/// needs; input echoed in a message is escaped and cut (see the crate docs on log safety).
///
/// ```
/// use gws_onboarding::{DomainError, PrimaryDomain};
///
/// match PrimaryDomain::parse("bücher.de") {
///     Err(DomainError::Internationalized { ascii, unicode, .. }) => {
///         assert_eq!(ascii, "xn--bcher-kva.de");
///         assert_eq!(unicode, "bücher.de");
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DomainError {
    /// Nothing but white space.
    #[error("domain is empty")]
    Empty,
    /// Longer than 253 octets (or than [`MAX_DOMAIN_INPUT`] before trimming).
    #[error("domain is {len} octets long, more than the 253 a domain name may have")]
    TooLong {
        /// Length in octets.
        len: usize,
    },
    /// A URL was pasted: scheme, path, query, fragment or port.
    ///
    /// The hint is the user's own domain, taken from the URL, when it passes the same rules
    /// (`https://www.acme-widgets.fr/contact?ref=1` suggests `acme-widgets.fr`); otherwise the
    /// message says what to remove.
    #[error("{}", url_message(input, found, suggestion.as_deref(), Lang::En))]
    Url {
        /// The input.
        input: String,
        /// What gave it away: `scheme`, `path`, `query`, `fragment` or `port`.
        found: &'static str,
        /// The domain the URL names, when it is valid under the same rules (cut and escaped).
        suggestion: Option<String>,
    },
    /// An email address was pasted.
    #[error("\"{input}\" is an email address, not a domain: enter only the part after @")]
    Email {
        /// The input.
        input: String,
    },
    /// Starts with `www.` above the registered domain. (`www.gmail.com` gets the error of
    /// `gmail.com` instead: the name without `www.` is never suggested when it fails in turn.)
    #[error("domain \"{input}\" starts with \"www.\": {}", www_advice(without.as_deref(), Lang::En))]
    Www {
        /// The input, normalised.
        input: String,
        /// The input without its leading `www.` labels: a name that parses with the same rules,
        /// or `None` when it is too long to quote whole.
        without: Option<String>,
    },
    /// A control, bidi-override or invisible character.
    #[error(
        "domain contains the invisible or control character U+{code_point:04X} at position {}",
        index + 1
    )]
    UnsafeChar {
        /// The character's code point.
        code_point: u32,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
    },
    /// A look-alike character that UTS-46 compatibility mapping would silently replace by a
    /// plain one (`𝐚𝐜𝐦𝐞.fr`, `ⓐcme.fr`, `ſhop.fr`, `㎏.fr`): refused, so that the name Google
    /// gets is the name the salesperson saw. Full-width ASCII (`ａｃｍｅ．ｆｒ`) is still folded.
    #[error(
        "domain \"{input}\" has the look-alike character U+{:04X} at position {}, which would become \"{folded}\": type the name in plain letters",
        u32::from(*ch),
        index + 1
    )]
    Lookalike {
        /// The input.
        input: String,
        /// The character.
        ch: char,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
        /// What UTS-46 would turn it into.
        folded: String,
    },
    /// An `xn--` label that is not valid punycode, or does not decode to a valid
    /// internationalized label (`xn--zz.fr`).
    #[error(
        "domain label \"{label}\" starts with \"xn--\" but is not valid punycode: remove the \"xn--\" or correct the label"
    )]
    Punycode {
        /// The label.
        label: String,
    },
    /// A character other than letters, digits, hyphens and dots.
    #[error(
        "domain \"{input}\" contains {} at position {}: only letters a-z, digits 0-9, hyphens and dots are allowed",
        quote_char(*ch, Lang::En),
        index + 1
    )]
    InvalidChar {
        /// The input.
        input: String,
        /// The character.
        ch: char,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
    },
    /// Two dots in a row, or a leading dot.
    #[error("domain \"{input}\" has an empty label (two dots in a row, or a leading dot)")]
    EmptyLabel {
        /// The input.
        input: String,
    },
    /// A label longer than 63 octets.
    #[error("domain label \"{label}\" is {len} octets long, more than 63")]
    LabelTooLong {
        /// The label (cut).
        label: String,
        /// Its length.
        len: usize,
    },
    /// A label starts or ends with a hyphen, or has `--` in third and fourth position
    /// without being an `xn--` A-label (reserved by RFC 5891).
    #[error(
        "domain label \"{label}\" starts or ends with a hyphen, or has \"--\" in third and fourth position (reserved)"
    )]
    Hyphen {
        /// The label.
        label: String,
    },
    /// An internationalized name, in Unicode or as `xn--` A-labels.
    #[error(
        "\"{unicode}\" ({ascii}) is an internationalized domain name: Google Workspace accepts only domains of letters a-z, digits and hyphens"
    )]
    Internationalized {
        /// The A-label (punycode) form.
        ascii: String,
        /// The Unicode form.
        unicode: String,
    },
    /// An IP address.
    #[error("\"{input}\" is an IP address, not a domain name")]
    Ip {
        /// The input.
        input: String,
    },
    /// A single label (`intranet`).
    #[error("\"{domain}\" has no top-level domain: {}", single_label_advice(suggestion.as_deref(), Lang::En))]
    SingleLabel {
        /// The domain.
        domain: String,
        /// `domain.com` when that name parses with the same rules and is short enough to quote.
        suggestion: Option<String>,
    },
    /// A top-level domain that does not exist.
    #[error("top-level domain \".{tld}\" does not exist")]
    UnknownTld {
        /// The unknown top-level label.
        tld: String,
    },
    /// The name is itself a public suffix (`co.uk`, `github.io`).
    #[error(
        "\"{domain}\" is a public suffix, under which others register domains: enter the customer's own domain"
    )]
    PublicSuffix {
        /// The domain.
        domain: String,
        /// Whether the suffix is in the list's private section (`github.io`).
        private: bool,
    },
    /// A special-use or reserved name (RFC 6761 and successors).
    #[error(
        "\"{domain}\" is under the reserved name \"{reserved}\", which can never be a registered domain"
    )]
    SpecialUse {
        /// The domain.
        domain: String,
        /// The reserved name it falls under.
        reserved: &'static str,
    },
    /// Google's consumer domain.
    #[error("\"{domain}\" is a Google consumer domain ({consumer}), not the customer's own")]
    Consumer {
        /// The domain.
        domain: String,
        /// `gmail.com` or `googlemail.com`.
        consumer: &'static str,
    },
    /// Under a private-section suffix, whose DNS the customer does not control.
    #[error(
        "\"{domain}\" is under \"{suffix}\", a suffix run by a hosting company: the customer could not verify it"
    )]
    PrivateSuffix {
        /// The domain.
        domain: String,
        /// The private suffix.
        suffix: String,
    },
    /// A subdomain, where the rules ask for a registrable domain.
    #[error("\"{domain}\" is a subdomain: {}", subdomain_advice(registrable.as_deref(), Lang::En))]
    Subdomain {
        /// The domain.
        domain: String,
        /// Its registrable domain, when it parses with the same rules and is short enough to
        /// quote whole.
        registrable: Option<String>,
    },
}

impl DomainError {
    /// The domain the message suggests instead, if any: the name without `www.`, `name.com`
    /// for a single label, the registered domain of a subdomain. A suggestion always parses
    /// with the rules that refused the input, and is quoted whole; otherwise there is none.
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, PrimaryDomain};
    ///
    /// let err = PrimaryDomain::parse("www.www.acme.fr").unwrap_err();
    /// assert_eq!(err.suggestion(), Some("acme.fr"));
    /// assert_eq!(PrimaryDomain::parse("gmail").unwrap_err().suggestion(), None);
    /// let strict = DomainRules::new().allow_subdomain(false);
    /// let err = PrimaryDomain::parse_with("shop.acme.fr", &strict).unwrap_err();
    /// assert_eq!(err.suggestion(), Some("acme.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            DomainError::Www { without, .. } => without.as_deref(),
            DomainError::SingleLabel { suggestion, .. } => suggestion.as_deref(),
            DomainError::Subdomain { registrable, .. } => registrable.as_deref(),
            _ => None,
        }
    }

    /// The stable machine code, `domain.*`.
    ///
    /// ```
    /// use gws_onboarding::PrimaryDomain;
    /// assert_eq!(PrimaryDomain::parse("").unwrap_err().code(), "domain.empty");
    /// assert_eq!(PrimaryDomain::parse("a.test").unwrap_err().code(), "domain.special_use");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty => "domain.empty",
            DomainError::TooLong { .. } => "domain.too_long",
            DomainError::Url { .. } => "domain.url",
            DomainError::Email { .. } => "domain.email",
            DomainError::Www { .. } => "domain.www",
            DomainError::Lookalike { .. } => "domain.lookalike",
            DomainError::Punycode { .. } => "domain.punycode",
            DomainError::UnsafeChar { .. } => "domain.unsafe_char",
            DomainError::InvalidChar { .. } => "domain.invalid_char",
            DomainError::EmptyLabel { .. } => "domain.empty_label",
            DomainError::LabelTooLong { .. } => "domain.label_too_long",
            DomainError::Hyphen { .. } => "domain.hyphen",
            DomainError::Internationalized { .. } => "domain.idn",
            DomainError::Ip { .. } => "domain.ip",
            DomainError::SingleLabel { .. } => "domain.single_label",
            DomainError::UnknownTld { .. } => "domain.unknown_tld",
            DomainError::PublicSuffix { .. } => "domain.public_suffix",
            DomainError::SpecialUse { .. } => "domain.special_use",
            DomainError::Consumer { .. } => "domain.consumer",
            DomainError::PrivateSuffix { .. } => "domain.private_suffix",
            DomainError::Subdomain { .. } => "domain.subdomain",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, PrimaryDomain};
    /// let err = PrimaryDomain::parse("co.uk").unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "« co.uk » est un suffixe public, sous lequel d'autres enregistrent des domaines : saisissez le domaine du client"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            DomainError::Empty => "le domaine est vide".to_owned(),
            DomainError::TooLong { len } => format!(
                "le domaine fait {len} octets, plus que les 253 autorisés pour un nom de domaine"
            ),
            DomainError::Url {
                input,
                found,
                suggestion,
            } => url_message(input, found, suggestion.as_deref(), Lang::Fr),
            DomainError::Email { input } => format!(
                "« {input} » est une adresse e-mail, pas un domaine : saisissez seulement la partie après @"
            ),
            DomainError::Www { input, without } => format!(
                "le domaine « {input} » commence par « www. » : {}",
                www_advice(without.as_deref(), Lang::Fr)
            ),
            DomainError::Lookalike {
                input,
                ch,
                index,
                folded,
            } => format!(
                "le domaine « {input} » contient le caractère trompeur U+{:04X} à la position {}, qui deviendrait « {folded} » : saisissez le nom en lettres ordinaires",
                u32::from(*ch),
                index + 1
            ),
            DomainError::Punycode { label } => format!(
                "le libellé « {label} » du domaine commence par « xn-- » mais n'est pas du punycode valide : retirez « xn-- » ou corrigez le libellé"
            ),
            DomainError::UnsafeChar { code_point, index } => format!(
                "le domaine contient le caractère invisible ou de contrôle U+{code_point:04X} à la position {}",
                index + 1
            ),
            DomainError::InvalidChar { input, ch, index } => format!(
                "le domaine « {input} » contient {} à la position {} : seuls les lettres a-z, les chiffres 0-9, les traits d'union et les points sont autorisés",
                quote_char(*ch, Lang::Fr),
                index + 1
            ),
            DomainError::EmptyLabel { input } => format!(
                "le domaine « {input} » contient un libellé vide (deux points consécutifs ou un point initial)"
            ),
            DomainError::LabelTooLong { label, len } => {
                format!("le libellé « {label} » du domaine fait {len} octets, plus que 63")
            }
            DomainError::Hyphen { label } => {
                format!(
                    "le libellé « {label} » du domaine commence ou finit par un trait d'union, ou a « -- » en troisième et quatrième position (réservé)"
                )
            }
            DomainError::Internationalized { ascii, unicode } => format!(
                "« {unicode} » ({ascii}) est un nom de domaine internationalisé : Google Workspace n'accepte que des domaines composés de lettres a-z, de chiffres et de traits d'union"
            ),
            DomainError::Ip { input } => {
                format!("« {input} » est une adresse IP, pas un nom de domaine")
            }
            DomainError::SingleLabel { domain, suggestion } => format!(
                "« {domain} » n'a pas de domaine de premier niveau : {}",
                single_label_advice(suggestion.as_deref(), Lang::Fr)
            ),
            DomainError::UnknownTld { tld } => {
                format!("le domaine de premier niveau « .{tld} » n'existe pas")
            }
            DomainError::PublicSuffix { domain, .. } => format!(
                "« {domain} » est un suffixe public, sous lequel d'autres enregistrent des domaines : saisissez le domaine du client"
            ),
            DomainError::SpecialUse { domain, reserved } => format!(
                "« {domain} » relève du nom réservé « {reserved} », qui ne peut jamais être un domaine enregistré"
            ),
            DomainError::Consumer { domain, consumer } => format!(
                "« {domain} » est un domaine grand public de Google ({consumer}), et non celui du client"
            ),
            DomainError::PrivateSuffix { domain, suffix } => format!(
                "« {domain} » est sous « {suffix} », un suffixe géré par un hébergeur : le client ne pourrait pas le valider"
            ),
            DomainError::Subdomain {
                domain,
                registrable,
            } => format!(
                "« {domain} » est un sous-domaine : {}",
                subdomain_advice(registrable.as_deref(), Lang::Fr)
            ),
        }
    }
}

impl_diagnostic!(DomainError);

/// What to do about `www.`: enter the name without it, when it can be quoted whole.
fn www_advice(without: Option<&str>, lang: Lang) -> String {
    match (without, lang) {
        (Some(name), Lang::Fr) => format!("saisissez « {name} »"),
        (Some(name), _) => format!("enter \"{name}\""),
        (None, Lang::Fr) => "retirez « www. »".to_owned(),
        (None, _) => "remove \"www.\"".to_owned(),
    }
}

/// What to do about a single label: an example only when it passes.
fn single_label_advice(suggestion: Option<&str>, lang: Lang) -> String {
    match (suggestion, lang) {
        (Some(name), Lang::Fr) => format!("saisissez un domaine complet comme « {name} »"),
        (Some(name), _) => format!("enter a full domain such as \"{name}\""),
        (None, Lang::Fr) => "saisissez le domaine complet, avec son extension".to_owned(),
        (None, _) => "enter the full domain, with its extension".to_owned(),
    }
}

/// What to do about a subdomain: the registered domain, when it can be quoted whole.
fn subdomain_advice(registrable: Option<&str>, lang: Lang) -> String {
    match (registrable, lang) {
        (Some(name), Lang::Fr) => format!("saisissez le domaine enregistré « {name} »"),
        (Some(name), _) => format!("enter the registered domain \"{name}\""),
        (None, Lang::Fr) => "saisissez le domaine enregistré dont il dépend".to_owned(),
        (None, _) => "enter the registered domain it belongs to".to_owned(),
    }
}

/// The message of [`DomainError::Url`], English and French side by side.
fn url_message(input: &str, found: &str, suggestion: Option<&str>, lang: Lang) -> String {
    let what = match (found, lang) {
        ("scheme", Lang::Fr) => "protocole",
        ("path", Lang::Fr) => "chemin",
        ("query", Lang::Fr) => "paramètres",
        ("fragment", Lang::Fr) => "ancre",
        (_, Lang::Fr) => "port",
        (other, _) => other,
    };
    match (suggestion, lang) {
        (Some(domain), Lang::Fr) => format!(
            "« {input} » ressemble à une adresse web ({what}) : saisissez seulement le nom de domaine, « {domain} »"
        ),
        (Some(domain), _) => format!(
            "\"{input}\" looks like a web address ({what}): enter the domain name alone, \"{domain}\""
        ),
        (None, Lang::Fr) => format!(
            "« {input} » ressemble à une adresse web ({what}) : retirez-en {} et saisissez seulement le nom de domaine du client",
            url_parts(input, found, lang)
        ),
        (None, _) => format!(
            "\"{input}\" looks like a web address ({what}): remove the {} and enter the customer's domain name alone",
            url_parts(input, found, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        match PrimaryDomain::parse(input) {
            Ok(d) => panic!("{input:?} parsed as {d:?}"),
            Err(e) => e.code(),
        }
    }

    #[test]
    fn accepts_and_normalises() {
        for (input, canonical) in [
            ("Acme.COM", "acme.com"),
            ("acme.com.", "acme.com"),
            ("  acme.com\t", "acme.com"),
            ("ｅｘａｍｐｌｅ．fr", "example.fr"),
            ("shop.example.co.uk", "shop.example.co.uk"),
            ("a-b.de", "a-b.de"),
            ("123.com", "123.com"),
        ] {
            assert_eq!(
                PrimaryDomain::parse(input).map(String::from),
                Ok(canonical.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn rejects_with_precise_codes() {
        assert_eq!(code(""), "domain.empty");
        assert_eq!(code("https://example.com"), "domain.url");
        assert_eq!(code("example.com:8080"), "domain.url");
        assert_eq!(code("example.com/about"), "domain.url");
        assert_eq!(code("me@example.com"), "domain.email");
        assert_eq!(code("WWW.acme.com"), "domain.www");
        assert_eq!(code("www.example.com"), "domain.special_use");
        assert_eq!(code("www.gmail.com"), "domain.consumer");
        assert_eq!(code("xn--zz.de"), "domain.punycode");
        assert_eq!(code("ab--cd.de"), "domain.hyphen");
        assert_eq!(code("xn---bcher-4ya.de"), "domain.hyphen");
        assert_eq!(code("𝐚𝐜𝐦𝐞.fr"), "domain.lookalike");
        assert_eq!(code("exa_mple.com"), "domain.invalid_char");
        assert_eq!(code("example..com"), "domain.empty_label");
        assert_eq!(code("-example.com"), "domain.hyphen");
        assert_eq!(code("bücher.de"), "domain.idn");
        assert_eq!(code("XN--bcher-kva.de"), "domain.idn");
        assert_eq!(code("192.0.2.1"), "domain.ip");
        assert_eq!(code("[2001:db8::1]"), "domain.ip");
        assert_eq!(code("2001:db8::1"), "domain.ip");
        assert_eq!(code("intranet"), "domain.single_label");
        assert_eq!(code("example.notatld"), "domain.unknown_tld");
        assert_eq!(code("co.uk"), "domain.public_suffix");
        assert_eq!(code("github.io"), "domain.public_suffix");
        assert_eq!(code("localhost"), "domain.special_use");
        assert_eq!(code("foo.onion"), "domain.special_use");
        assert_eq!(code("example.com"), "domain.special_use");
        assert_eq!(code("gmail.com"), "domain.consumer");
        assert_eq!(code("foo.github.io"), "domain.private_suffix");
        assert_eq!(code(&"a".repeat(20_000_000)), "domain.too_long");
    }

    #[test]
    fn idn_error_shows_both_forms() {
        let err = PrimaryDomain::parse("xn--bcher-kva.de").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"bücher.de\" (xn--bcher-kva.de) is an internationalized domain name: Google Workspace accepts only domains of letters a-z, digits and hyphens"
        );
    }

    #[test]
    fn subdomain_counts_from_a_private_suffix() {
        let rules = DomainRules::new()
            .allow_private_suffix(true)
            .allow_subdomain(false);
        let d = PrimaryDomain::parse_with("acme.github.io", &rules).unwrap();
        assert!(!d.is_subdomain());
        assert_eq!(d.registrable(), "github.io");
        let err = PrimaryDomain::parse_with("docs.acme.github.io", &rules).unwrap_err();
        assert_eq!(err.code(), "domain.subdomain");
    }

    #[test]
    fn registrable_and_suffix() {
        let d = PrimaryDomain::parse("a.b.example.co.uk").unwrap();
        assert_eq!(d.suffix(), "co.uk");
        assert_eq!(d.registrable(), "example.co.uk");
        assert!(d.is_subdomain());
        assert!(!d.is_under_private_suffix());
    }
}
