//! Layer 4, form: the reseller's [`Policy`]: suffix list, allowed countries, subdomains.

use std::collections::BTreeSet;

use crate::country::CountryCode;
use crate::domain::DomainRules;

/// What a reseller may tune in validation. [`Policy::default`] is documented field by field.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::CountryCode;
///
/// let eu_only = Policy::new().allowed_countries([CountryCode::parse("FR")?, CountryCode::parse("DE")?]);
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.postal_address.country_code = "US".into();
/// let report = form::validate(&form, &eu_only).unwrap_err();
/// assert_eq!(report.codes().collect::<Vec<_>>(), ["form.country_not_allowed"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Policy {
    pub(super) domain_rules: DomainRules,
    pub(super) allowed_countries: Option<BTreeSet<CountryCode>>,
    pub(super) require_phone: bool,
    pub(super) require_admin_name: bool,
    pub(super) refuse_unknown_fields: bool,
}

impl Default for Policy {
    /// - domain rules: [`DomainRules::new`] (embedded suffix list, subdomains accepted, names
    ///   under private suffixes such as `github.io` refused);
    /// - every assigned country accepted (restrict it to the countries you may resell in);
    /// - phone number optional;
    /// - admin first and last names required for domain customers (the Cloud Channel API
    ///   requires them; they are optional for team customers);
    /// - a JSON key that names no field is a warning (`form.unknown_field`), not an error.
    fn default() -> Self {
        Policy {
            domain_rules: DomainRules::new(),
            allowed_countries: None,
            require_phone: false,
            require_admin_name: true,
            refuse_unknown_fields: false,
        }
    }
}

impl Policy {
    /// The default policy.
    ///
    /// ```
    /// let p = gws_onboarding::form::Policy::new();
    /// assert!(!p.requires_phone());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Policy::default()
    }

    /// Makes a JSON key that names no field an error rather than a warning, for services that
    /// want strict input (`form.unknown_field` either way).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let mut json = serde_json::to_value(OnboardingForm::sample_domain_customer())?;
    /// json["secondaryEmial"] = "it@example.net".into();
    /// let typed: OnboardingForm = serde_json::from_value(json)?;
    /// let lenient = form::check(&typed, &Policy::default());
    /// assert!(lenient.customer().is_some());
    /// assert_eq!(lenient.report().warnings().next().map(|v| v.code()), Some("form.unknown_field"));
    /// let strict = Policy::new().refuse_unknown_fields(true);
    /// let report = form::validate(&typed, &strict).unwrap_err();
    /// assert_eq!(report.errors().next().map(|v| v.field()), Some("secondaryEmial"));
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn refuse_unknown_fields(mut self, refuse: bool) -> Self {
        self.refuse_unknown_fields = refuse;
        self
    }

    /// Whether a JSON key that names no field is an error.
    ///
    /// ```
    /// assert!(!gws_onboarding::form::Policy::default().refuses_unknown_fields());
    /// ```
    #[must_use]
    pub fn refuses_unknown_fields(&self) -> bool {
        self.refuse_unknown_fields
    }

    /// Sets the rules for the primary domain (suffix list, subdomains, private suffixes).
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, form::Policy};
    /// let p = Policy::new().domain_rules(DomainRules::new().allow_subdomain(false));
    /// assert!(!p.rules_for_domain().allows_subdomain());
    /// ```
    #[must_use]
    pub fn domain_rules(mut self, rules: DomainRules) -> Self {
        self.domain_rules = rules;
        self
    }

    /// Accepts only these countries in the postal address (those you may resell in).
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, form::Policy};
    /// let p = Policy::new().allowed_countries([CountryCode::parse("FR")?]);
    /// assert!(p.allows_country(CountryCode::parse("fr")?));
    /// assert!(!p.allows_country(CountryCode::parse("BE")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allowed_countries(mut self, countries: impl IntoIterator<Item = CountryCode>) -> Self {
        self.allowed_countries = Some(countries.into_iter().collect());
        self
    }

    /// Requires a phone number.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::new().require_phone(true).requires_phone());
    /// ```
    #[must_use]
    pub fn require_phone(mut self, require: bool) -> Self {
        self.require_phone = require;
        self
    }

    /// Requires the admin's first and last names for domain customers (on by default).
    ///
    /// ```
    /// assert!(!gws_onboarding::form::Policy::new().require_admin_name(false).requires_admin_name());
    /// ```
    #[must_use]
    pub fn require_admin_name(mut self, require: bool) -> Self {
        self.require_admin_name = require;
        self
    }

    /// The domain rules in force.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::new().rules_for_domain().allows_subdomain());
    /// ```
    #[must_use]
    pub fn rules_for_domain(&self) -> &DomainRules {
        &self.domain_rules
    }

    /// Whether a country is accepted.
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, form::Policy};
    /// assert!(Policy::new().allows_country(CountryCode::parse("JP")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allows_country(&self, country: CountryCode) -> bool {
        self.allowed_countries
            .as_ref()
            .is_none_or(|set| set.contains(&country))
    }

    /// Whether a phone number is required.
    ///
    /// ```
    /// assert!(!gws_onboarding::form::Policy::default().requires_phone());
    /// ```
    #[must_use]
    pub fn requires_phone(&self) -> bool {
        self.require_phone
    }

    /// Whether the admin's names are required for domain customers.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::default().requires_admin_name());
    /// ```
    #[must_use]
    pub fn requires_admin_name(&self) -> bool {
        self.require_admin_name
    }
}
