//! Layer 2, values: [`DomainRules`], what a primary domain is checked against (suffix list,
//! private suffixes, subdomains), and the consumer domains Google owns.

use std::sync::OnceLock;

use crate::suffix::SuffixList;

/// Longer input is rejected as [`DomainError::TooLong`](crate::domain::DomainError::TooLong) before it is read: trimming and a
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

/// The rules a [`PrimaryDomain`](crate::domain::PrimaryDomain) is checked against, beyond those that never change.
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
    pub(super) list: SuffixList,
    pub(super) allow_private_suffix: bool,
    pub(super) allow_subdomain: bool,
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
