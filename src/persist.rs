//! Layer 6, persist. Saving what was validated, and reloading it checked again (feature `serde`).
//!
//! Every type below serialises to camelCase JSON (or any serde format) and deserialises only
//! through this crate's checks: what does not pass today is refused with an error that names
//! the field, its code and the reason, never accepted silently and never a panic.
//!
//! | Type | Shape | A reload… |
//! |---|---|---|
//! | [`Customer`] | the [`OnboardingForm`] that validates into it ([`OnboardingForm::from`]) | runs [`form::check`] with [`Policy::default`], or the policy of a [`PolicySeed`] / [`Customer::deserialize_with`] |
//! | [`Report`] | a list of `{"field", "code", "severity", "messages": {"en", "fr"}}`, in the report's order (`field` empty when a violation concerns no field) | checks each code is one this crate defines, and the field and messages are safe text |
//! | [`AccountSnapshot`] | `{"domain", "postalAddress", "adminEmail", "alternateEmail", "phoneNumber"}`, unknown values left out | parses each value; the domain with the policy's suffix list, subdomains and private suffixes accepted (as Google holds them) |
//! | [`CustomerRecord`] | `{"subscriptions": [{"product", "status"}], "resellerAccess"}` | parses each product and status; refuses a product listed twice |
//! | [`Drift`] | a list of `{"code", "field", "ours", "theirs"}` ([`Change`]) | parses both values of each change, refuses equal ones, and wants [`lifecycle::drift`](crate::lifecycle::drift)'s order, each change once |
//!
//! # Customers
//!
//! A [`Customer`] is saved as its form: `{"customerType": "domain", "productFamily":
//! "google-workspace", "organizationName": …, "domain": …, "postalAddress": {…}, "admin":
//! {"email", "firstName", "lastName"}, "secondaryEmail": …, …, "order": {"product", "seats",
//! "plan", …}}` (the order when it has one), every value in its canonical spelling. Reloading validates that form again, so a customer saved by an older version, or
//! under an older suffix list, comes back only if it still passes, with the same policy:
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::{Customer, DomainRules, SuffixList};
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let saved = serde_json::to_string(&customer)?;
//! assert!(saved.starts_with(r#"{"customerType":"domain","productFamily":"google-workspace""#));
//! assert_eq!(serde_json::from_str::<Customer>(&saved)?, customer);
//!
//! // A newer suffix list makes acme-widgets.fr a public suffix: the saved customer is refused.
//! let list = SuffixList::parse("// ===BEGIN ICANN DOMAINS===\nfr\nacme-widgets.fr\nde\n// ===END ICANN DOMAINS===\n")?;
//! let policy = Policy::new().domain_rules(DomainRules::new().suffix_list(list));
//! let err = Customer::deserialize_with(&policy, &mut serde_json::Deserializer::from_str(&saved))
//!     .unwrap_err();
//! assert!(err.to_string().starts_with("domain: "), "{err}");
//! assert!(err.to_string().contains("[domain.public_suffix]"), "{err}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Reports
//!
//! A [`Report`] is saved as what a person or a program reads of it: each violation's field,
//! code, severity and English and French messages. A reload gives back exactly those: the same
//! [`Violation::field`], [`code`](Violation::code), [`severity`](Violation::severity) and
//! [`message`](Violation::message) in both languages, in the same order (so
//! [`Report::has_errors`], [`Report::entries`] and the report's `Display` are unchanged), and
//! saving it again gives the same JSON. The typed cause is not saved: a reloaded violation's
//! [`problem`](Violation::problem) is a [`SavedProblem`]. To check a
//! form again, save the form (or the customer), not the report.
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy, Report};
//! use gws_onboarding::Lang;
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.domain = "www.acme-widgets.fr".into();
//! let report = form::validate(&form, &Policy::default()).unwrap_err();
//! let saved = serde_json::to_value(&report)?;
//! assert_eq!(saved[0]["field"], "domain");
//! assert_eq!(saved[0]["code"], "domain.www");
//! assert_eq!(saved[0]["severity"], "error");
//! assert_eq!(saved[0]["messages"]["fr"], report.iter().next().unwrap().message(Lang::Fr));
//!
//! let reloaded: Report = serde_json::from_value(saved.clone())?;
//! assert_eq!(reloaded.entries(Lang::Fr), report.entries(Lang::Fr));
//! assert_eq!(serde_json::to_value(&reloaded)?, saved);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Snapshots, records and drift
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::lifecycle::{self, AccountSnapshot, CustomerRecord, Drift, SubscriptionStatus};
//! use gws_onboarding::{EmailAddress, Edition};
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let ours = AccountSnapshot::from(&customer);
//! let json = serde_json::to_string(&ours)?;
//! assert!(json.starts_with(r#"{"domain":"acme-widgets.fr","postalAddress":{"#));
//! assert_eq!(serde_json::from_str::<AccountSnapshot>(&json)?, ours);
//!
//! let mut record = CustomerRecord::new();
//! record.record_order(Edition::BusinessStandard.into(), SubscriptionStatus::Active);
//! let json = serde_json::to_string(&record)?;
//! assert_eq!(json, r#"{"subscriptions":[{"product":"business-standard","status":"ACTIVE"}],"resellerAccess":"disabled"}"#);
//! assert_eq!(serde_json::from_str::<CustomerRecord>(&json)?, record);
//!
//! let theirs = ours.clone().with_admin_email(EmailAddress::parse("boss@acme-widgets.fr")?);
//! let drift = lifecycle::drift(&ours, &theirs);
//! let json = serde_json::to_string(&drift)?;
//! assert_eq!(json, r#"[{"code":"drift.admin_email","field":"primaryAdmin.primaryEmail","ours":"jeanne.martin@acme-widgets.fr","theirs":"boss@acme-widgets.fr"}]"#);
//! assert_eq!(serde_json::from_str::<Drift>(&json)?, drift);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeStruct as _, Serializer};
use serde::{Deserialize, Serialize};

use crate::address::{AddressField, PostalAddress, RawPostalAddress, check_text};
use crate::country::CountryCode;
use crate::customer::Customer;
use crate::domain::{DomainRules, PrimaryDomain};
use crate::email::EmailAddress;
use crate::error::{Diagnostic, Lang, Severity, TrimExt, is_unsafe_char, snippet};
use crate::form::{self, OnboardingForm, Policy};
use crate::lifecycle::{
    AccountSnapshot, Change, CustomerRecord, Drift, ResellerAccess, SubscriptionStatus, same_text,
};
use crate::phone::PhoneNumber;
use crate::product::Product;
use crate::report::{Report, Violation};

/// `CODES`: every code of the crate, sorted, listed by `build.rs` from the `fn code` bodies.
mod codes {
    include!(concat!(env!("OUT_DIR"), "/codes.rs"));
}

/// The most violations a saved report may hold (a form gives a few dozen at most).
///
/// ```
/// use gws_onboarding::{form::Report, persist::MAX_SAVED_VIOLATIONS};
/// let one = r#"{"field": "domain", "code": "domain.www", "severity": "error", "messages": {"en": "www", "fr": "www"}}"#;
/// let too_many = format!("[{}]", vec![one; MAX_SAVED_VIOLATIONS + 1].join(","));
/// assert!(serde_json::from_str::<Report>(&too_many).is_err());
/// ```
pub const MAX_SAVED_VIOLATIONS: usize = 1000;

/// The longest saved field path, in bytes.
const MAX_FIELD_PATH: usize = 128;

/// The longest saved message, in bytes (messages are under 300 characters; an echoed value
/// with escaped characters can make one longer).
const MAX_MESSAGE_BYTES: usize = 4096;

/// Deserialises a `T` with a given [`Policy`] rather than [`Policy::default`]: a
/// [`serde::de::DeserializeSeed`] for [`Customer`], [`AccountSnapshot`], [`Drift`], [`Change`]
/// and a `Vec` of any of them.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::persist::PolicySeed;
/// use gws_onboarding::{CountryCode, Customer};
/// use serde::de::DeserializeSeed;
///
/// let customers = vec![
///     form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?,
///     form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?,
/// ];
/// let saved = serde_json::to_string(&customers)?;
///
/// // The same policy gives them back.
/// let policy = Policy::default();
/// let seed = PolicySeed::<Vec<Customer>>::new(&policy);
/// assert_eq!(seed.deserialize(&mut serde_json::Deserializer::from_str(&saved))?, customers);
///
/// // A reseller that now sells in France only refuses the German team.
/// let france = Policy::new().allowed_countries([CountryCode::parse("FR")?]);
/// let seed = PolicySeed::<Vec<Customer>>::new(&france);
/// let err = seed.deserialize(&mut serde_json::Deserializer::from_str(&saved)).unwrap_err();
/// assert!(err.to_string().starts_with("postalAddress.countryCode: "), "{err}");
/// assert!(err.to_string().contains("[form.country_not_allowed]"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PolicySeed<'p, T> {
    policy: &'p Policy,
    target: PhantomData<fn() -> T>,
}

impl<'p, T> PolicySeed<'p, T> {
    /// A seed that checks with `policy`.
    ///
    /// ```
    /// use gws_onboarding::{Customer, form::Policy, persist::PolicySeed};
    /// let policy = Policy::new().require_phone(true);
    /// assert!(PolicySeed::<Customer>::new(&policy).policy().requires_phone());
    /// ```
    #[must_use]
    pub fn new(policy: &'p Policy) -> Self {
        PolicySeed {
            policy,
            target: PhantomData,
        }
    }

    /// The policy it checks with.
    ///
    /// ```
    /// use gws_onboarding::{Customer, form::Policy, persist::PolicySeed};
    /// assert!(!PolicySeed::<Customer>::new(&Policy::default()).policy().requires_phone());
    /// ```
    #[must_use]
    pub fn policy(&self) -> &'p Policy {
        self.policy
    }
}

impl<T> Clone for PolicySeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PolicySeed<'_, T> {}

impl<T> fmt::Debug for PolicySeed<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PolicySeed")
            .field("policy", self.policy)
            .field("target", &std::any::type_name::<T>())
            .finish()
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Customer> {
    type Value = Customer;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Customer, D::Error> {
        Customer::deserialize_with(self.policy, deserializer)
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, AccountSnapshot> {
    type Value = AccountSnapshot;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        AccountSnapshot::deserialize_with(self.policy, deserializer)
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Drift> {
    type Value = Drift;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Drift, D::Error> {
        Drift::deserialize_with(self.policy, deserializer)
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Change> {
    type Value = Change;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Change, D::Error> {
        let raw = RawChange::deserialize(deserializer)?;
        change(raw, self.policy).map_err(de::Error::custom)
    }
}

impl<'de, T> DeserializeSeed<'de> for PolicySeed<'_, Vec<T>>
where
    for<'p> PolicySeed<'p, T>: DeserializeSeed<'de, Value = T>,
{
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        struct Items<'p, T>(&'p Policy, PhantomData<fn() -> T>);

        impl<'de, T> Visitor<'de> for Items<'_, T>
        where
            for<'p> PolicySeed<'p, T>: DeserializeSeed<'de, Value = T>,
        {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // The size hint comes from the input: never trust it for an allocation.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element_seed(PolicySeed::<T>::new(self.0))? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        deserializer.deserialize_seq(Items::<T>(self.policy, PhantomData))
    }
}

/// `field: message [code]`, the English message of one refused value.
fn refusal(field: &str, diagnostic: &dyn Diagnostic) -> String {
    format!(
        "{field}: {} [{}]",
        diagnostic.message(Lang::En),
        diagnostic.code()
    )
}

/// Every refusal, joined.
fn refusals(list: &[String]) -> String {
    list.join("; ")
}

// ---------------------------------------------------------------------------------------------
// Customer

/// Serialises as the [`OnboardingForm`] that validates into it (see [`persist`](crate::persist)).
impl Serialize for Customer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        OnboardingForm::from(self).serialize(serializer)
    }
}

/// Deserialises a saved form and validates it with [`Policy::default`]; see
/// [`Customer::deserialize_with`].
impl<'de> Deserialize<'de> for Customer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Customer::deserialize_with(&Policy::default(), deserializer)
    }
}

impl Customer {
    /// Deserialises a saved customer (the shape of an [`OnboardingForm`]) and validates it with
    /// `policy`, as [`form::validate`] does.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a form, or when the form no longer passes:
    /// its text lists every error as `field: message [code]`, joined by `; `, e.g.
    /// `domain: "acme-widgets.fr" is a public suffix, … [domain.public_suffix]` after a
    /// newer suffix list made the domain a public suffix, or
    /// `postalAddress.countryCode: … [form.country_not_allowed]` under a policy that no longer
    /// allows the country. Warnings do not refuse a customer.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::Customer;
    ///
    /// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// let saved = serde_json::to_string(&customer)?;
    ///
    /// let strict = Policy::new().require_phone(true);
    /// let err = Customer::deserialize_with(&strict, &mut serde_json::Deserializer::from_str(&saved))
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("phoneNumber: "), "{err}");
    /// assert!(err.to_string().ends_with("[form.required]"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<Customer, D::Error> {
        let form = OnboardingForm::deserialize(deserializer)?;
        let (customer, report) = form::check(&form, policy).into_parts();
        customer.ok_or_else(|| {
            let errors: Vec<String> = report.errors().map(|v| refusal(v.field(), v)).collect();
            de::Error::custom(refusals(&errors))
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Report and Violation

/// A violation reloaded from a saved [`Report`]: the code, severity and messages it was saved
/// with (see [`persist`](crate::persist)). The code is one this version of the crate defines.
///
/// ```
/// use gws_onboarding::{form::Violation, persist::SavedProblem};
/// use gws_onboarding::{Diagnostic, Lang, Severity};
///
/// let v: Violation = serde_json::from_str(r#"{"field": "domain", "code": "domain.www", "severity": "error",
///     "messages": {"en": "domain \"www.a.fr\" starts with \"www.\"", "fr": "le domaine « www.a.fr » commence par « www. »"}}"#)?;
/// let Some(saved) = v.problem().downcast_ref::<SavedProblem>() else { panic!("{v:?}") };
/// assert_eq!(saved.code(), "domain.www");
/// assert_eq!(saved.severity(), Severity::Error);
/// assert!(saved.message(Lang::Fr).starts_with("le domaine"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedProblem {
    code: &'static str,
    severity: Severity,
    en: Box<str>,
    fr: Box<str>,
}

impl SavedProblem {
    /// The saved code.
    ///
    /// ```
    /// # use gws_onboarding::{form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "phoneNumber", "code": "phone.length",
    ///     "severity": "error", "messages": {"en": "too short", "fr": "trop court"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.code() == "phone.length"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The saved message in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "phoneNumber", "code": "phone.length",
    ///     "severity": "error", "messages": {"en": "too short", "fr": "trop court"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.message(Lang::Fr) == "trop court"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr.to_string(),
            _ => self.en.to_string(),
        }
    }

    /// The saved severity.
    ///
    /// ```
    /// # use gws_onboarding::{Severity, form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "secondaryEmail",
    ///     "code": "rule.secondary_same_registrable", "severity": "warning",
    ///     "messages": {"en": "same registrable domain", "fr": "même domaine enregistré"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.severity() == Severity::Warning));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }
}

/// The English message.
impl fmt::Display for SavedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for SavedProblem {}

impl Diagnostic for SavedProblem {
    fn code(&self) -> &'static str {
        SavedProblem::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        SavedProblem::message(self, lang)
    }
    fn severity(&self) -> Severity {
        SavedProblem::severity(self)
    }
}

/// Serialises as `{"field", "code", "severity", "messages": {"en", "fr"}}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Messages {
            en: String,
            fr: String,
        }
        let mut out = serializer.serialize_struct("Violation", 4)?;
        out.serialize_field("field", self.field())?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("severity", &self.severity())?;
        out.serialize_field(
            "messages",
            &Messages {
                en: self.message(Lang::En),
                fr: self.message(Lang::Fr),
            },
        )?;
        out.end()
    }
}

#[derive(Deserialize)]
struct RawViolation<'a> {
    #[serde(borrow)]
    field: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    severity: Severity,
    #[serde(borrow)]
    messages: RawMessages<'a>,
}

#[derive(Deserialize)]
struct RawMessages<'a> {
    #[serde(borrow)]
    en: Cow<'a, str>,
    #[serde(borrow)]
    fr: Cow<'a, str>,
}

/// Checks one saved message.
fn saved_message(lang: Lang, text: &str) -> Result<Box<str>, String> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(format!(
            "messages.{lang}: {} bytes is more than the {MAX_MESSAGE_BYTES} allowed",
            text.len()
        ));
    }
    if text.trim_fast().is_empty() {
        return Err(format!("messages.{lang} is blank"));
    }
    if let Some(c) = text.chars().find(|&c| is_unsafe_char(c)) {
        return Err(format!(
            "messages.{lang} contains the control or invisible character U+{:04X}",
            u32::from(c)
        ));
    }
    Ok(text.into())
}

impl TryFrom<RawViolation<'_>> for Violation {
    type Error = String;

    fn try_from(raw: RawViolation<'_>) -> Result<Self, String> {
        let field = &*raw.field;
        let path_byte =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'[' | b']');
        // Empty for a violation on no particular field (a Google error that names none).
        if field.len() > MAX_FIELD_PATH || !field.bytes().all(path_byte) {
            return Err(format!(
                "field \"{}\" is not the path of a form field",
                snippet(field)
            ));
        }
        let Ok(index) = codes::CODES.binary_search(&&*raw.code) else {
            return Err(format!(
                "code \"{}\" is not one this version of gws-onboarding defines",
                snippet(&raw.code)
            ));
        };
        let problem = SavedProblem {
            code: codes::CODES[index],
            severity: raw.severity,
            en: saved_message(Lang::En, &raw.messages.en)?,
            fr: saved_message(Lang::Fr, &raw.messages.fr)?,
        };
        Ok(Violation::new(Cow::Owned(field.to_owned()), problem))
    }
}

/// Deserialises a saved violation: see [`persist`](crate::persist).
impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Violation::try_from(RawViolation::deserialize(deserializer)?).map_err(de::Error::custom)
    }
}

/// Serialises as the list of its violations, in order.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Deserialises a saved list of violations (at most [`MAX_SAVED_VIOLATIONS`]); see
/// [`persist`](crate::persist).
impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Violations;

        impl<'de> Visitor<'de> for Violations {
            type Value = Report;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of violations")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Report, A::Error> {
                let mut violations = Vec::new();
                while let Some(v) = seq.next_element::<Violation>()? {
                    if violations.len() == MAX_SAVED_VIOLATIONS {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_SAVED_VIOLATIONS} violations"
                        )));
                    }
                    violations.push(v);
                }
                Ok(Report { violations })
            }
        }

        deserializer.deserialize_seq(Violations)
    }
}

// ---------------------------------------------------------------------------------------------
// AccountSnapshot

/// The rules a domain Google holds is checked with: the policy's suffix list, subdomains and
/// private suffixes accepted (as when reading `customers.get`).
fn held_rules(policy: &Policy) -> DomainRules {
    policy
        .rules_for_domain()
        .clone()
        .allow_private_suffix(true)
        .allow_subdomain(true)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotOut<'a> {
    domain: &'a PrimaryDomain,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_address: Option<&'a PostalAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_email: Option<&'a EmailAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_email: Option<&'a EmailAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a PhoneNumber>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotIn<'a> {
    #[serde(borrow)]
    domain: Cow<'a, str>,
    postal_address: Option<RawPostalAddress>,
    #[serde(borrow)]
    admin_email: Option<Cow<'a, str>>,
    #[serde(borrow)]
    alternate_email: Option<Cow<'a, str>>,
    #[serde(borrow)]
    phone_number: Option<Cow<'a, str>>,
}

/// Serialises as `{"domain", "postalAddress", "adminEmail", "alternateEmail", "phoneNumber"}`,
/// unknown values left out.
impl Serialize for AccountSnapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SnapshotOut {
            domain: self.domain(),
            postal_address: self.postal_address(),
            admin_email: self.admin_email(),
            alternate_email: self.alternate_email(),
            phone_number: self.phone(),
        }
        .serialize(serializer)
    }
}

/// Deserialises with [`Policy::default`]; see [`AccountSnapshot::deserialize_with`].
impl<'de> Deserialize<'de> for AccountSnapshot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AccountSnapshot::deserialize_with(&Policy::default(), deserializer)
    }
}

impl AccountSnapshot {
    /// Deserialises a saved snapshot, checking every value: the domain with `policy`'s suffix
    /// list (subdomains and names under private suffixes accepted, as Google holds them), the
    /// addresses with its suffix list, the postal address and the phone number with their
    /// parsers.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a snapshot (no `domain`, a number where text
    /// goes), or when a value no longer passes: its text lists each as `field: message [code]`,
    /// e.g. `domain: … [domain.public_suffix]`, `postalAddress.postalCode: … [address.missing]`.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::AccountSnapshot;
    /// use gws_onboarding::form::Policy;
    ///
    /// let json = r#"{"domain": "acme.github.io", "adminEmail": "it@acme.github.io"}"#;
    /// let snap = AccountSnapshot::deserialize_with(&Policy::default(), &mut serde_json::Deserializer::from_str(json))?;
    /// assert!(snap.domain().is_under_private_suffix());
    ///
    /// let err = serde_json::from_str::<AccountSnapshot>(r#"{"domain": "co.uk", "phoneNumber": "0123"}"#)
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("domain: "), "{err}");
    /// assert!(err.to_string().contains("[domain.public_suffix]; phoneNumber: "), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<AccountSnapshot, D::Error> {
        let raw = SnapshotIn::deserialize(deserializer)?;
        snapshot(&raw, policy).map_err(|errors| de::Error::custom(refusals(&errors)))
    }
}

/// Checks every value of a saved snapshot, listing every refusal.
fn snapshot(raw: &SnapshotIn<'_>, policy: &Policy) -> Result<AccountSnapshot, Vec<String>> {
    let mut errors = Vec::new();
    let list = policy.rules_for_domain().list();
    let domain = PrimaryDomain::parse_with(&raw.domain, &held_rules(policy))
        .map_err(|e| errors.push(refusal("domain", &e)))
        .ok();
    let address = raw.postal_address.as_ref().and_then(|raw| {
        PostalAddress::parse(raw)
            .map_err(|all| {
                for e in all {
                    errors.push(refusal(e.field().form_path(), &e));
                }
            })
            .ok()
    });
    let mut email = |field: &str, value: Option<&Cow<'_, str>>| {
        value.and_then(|v| {
            EmailAddress::parse_with(v, list)
                .map_err(|e| errors.push(refusal(field, &e)))
                .ok()
        })
    };
    let admin = email("adminEmail", raw.admin_email.as_ref());
    let alternate = email("alternateEmail", raw.alternate_email.as_ref());
    let phone = raw.phone_number.as_ref().and_then(|p| {
        PhoneNumber::parse(p)
            .map_err(|e| errors.push(refusal("phoneNumber", &e)))
            .ok()
    });
    let Some(domain) = domain.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut snap = AccountSnapshot::new(domain);
    if let Some(address) = address {
        snap = snap.with_postal_address(address);
    }
    if let Some(admin) = admin {
        snap = snap.with_admin_email(admin);
    }
    if let Some(alternate) = alternate {
        snap = snap.with_alternate_email(alternate);
    }
    if let Some(phone) = phone {
        snap = snap.with_phone(phone);
    }
    Ok(snap)
}

// ---------------------------------------------------------------------------------------------
// CustomerRecord

/// Serialises as `"disabled"` or `"enabled"`.
impl Serialize for ResellerAccess {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Reads `"disabled"` or `"enabled"`, in any case.
impl<'de> Deserialize<'de> for ResellerAccess {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Cow<'de, str>>::deserialize(deserializer)?;
        [ResellerAccess::Disabled, ResellerAccess::Enabled]
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(raw.trim_fast()))
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown reseller access \"{}\": expected disabled or enabled",
                    snippet(&raw)
                ))
            })
    }
}

#[derive(Serialize, Deserialize)]
struct Subscription {
    product: Product,
    status: SubscriptionStatus,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordOut {
    subscriptions: Vec<Subscription>,
    reseller_access: ResellerAccess,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RecordIn {
    subscriptions: Vec<Subscription>,
    reseller_access: ResellerAccess,
}

/// Serialises as `{"subscriptions": [{"product", "status"}], "resellerAccess"}`, subscriptions
/// in order of first order.
impl Serialize for CustomerRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RecordOut {
            subscriptions: self
                .subscriptions()
                .iter()
                .map(|&(product, status)| Subscription { product, status })
                .collect(),
            reseller_access: self.reseller_access(),
        }
        .serialize(serializer)
    }
}

/// Deserialises a saved record: each product and status through its parser, each product at
/// most once, both fields required.
///
/// ```
/// use gws_onboarding::lifecycle::CustomerRecord;
/// let err = serde_json::from_str::<CustomerRecord>(r#"{"resellerAccess": "enabled", "subscriptions": [
///     {"product": "vault", "status": "ACTIVE"}, {"product": "vault", "status": "SUSPENDED"}]}"#).unwrap_err();
/// assert!(err.to_string().starts_with("subscriptions[1].product: \"vault\" is listed twice"), "{err}");
/// ```
impl<'de> Deserialize<'de> for CustomerRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RecordIn::deserialize(deserializer)?;
        let mut record = CustomerRecord::new();
        for (index, Subscription { product, status }) in raw.subscriptions.into_iter().enumerate() {
            // Each product at most once: the loop stops at the first repeat, so it runs at most
            // once per product this crate knows.
            if record.subscriptions().iter().any(|(p, _)| *p == product) {
                return Err(de::Error::custom(format!(
                    "subscriptions[{index}].product: \"{product}\" is listed twice"
                )));
            }
            record.record_order(product, status);
        }
        record.set_reseller_access(raw.reseller_access);
        Ok(record)
    }
}

// ---------------------------------------------------------------------------------------------
// Drift and Change

#[derive(Serialize)]
struct ChangeOut<'a> {
    code: &'static str,
    field: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ours: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theirs: Option<&'a str>,
}

#[derive(Deserialize)]
struct RawChange {
    code: String,
    field: String,
    ours: Option<String>,
    theirs: Option<String>,
}

/// Serialises as `{"code", "field", "ours", "theirs"}`: the change's [`Change::code`],
/// [`Change::field_path`], and the two values (a blank address field left out).
impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ours, theirs) = match self {
            Change::Domain { ours, theirs } => (Some(ours.as_str()), Some(theirs.as_str())),
            Change::PostalAddress { ours, theirs, .. } => (ours.as_deref(), theirs.as_deref()),
            Change::AdminEmail { ours, theirs } | Change::AlternateEmail { ours, theirs } => {
                (Some(ours.as_str()), Some(theirs.as_str()))
            }
            Change::Phone { ours, theirs } => (Some(ours.as_str()), Some(theirs.as_str())),
        };
        ChangeOut {
            code: self.code(),
            field: self.field_path(),
            ours,
            theirs,
        }
        .serialize(serializer)
    }
}

/// Deserialises with [`Policy::default`]; a [`PolicySeed`] gives another policy.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PolicySeed::<Change>::new(&Policy::default()).deserialize(deserializer)
    }
}

/// Where a change comes in [`lifecycle::drift`](crate::lifecycle::drift)'s order.
fn rank(change: &Change) -> (u8, usize) {
    match change {
        Change::Domain { .. } => (0, 0),
        Change::PostalAddress { field, .. } => (
            1,
            AddressField::ALL
                .iter()
                .position(|f| f == field)
                .unwrap_or(usize::MAX),
        ),
        Change::AdminEmail { .. } => (2, 0),
        Change::AlternateEmail { .. } => (3, 0),
        Change::Phone { .. } => (4, 0),
    }
}

/// Checks a saved change.
fn change(raw: RawChange, policy: &Policy) -> Result<Change, String> {
    let RawChange {
        code,
        field,
        ours,
        theirs,
    } = raw;
    let wrong_field = |expected: &str| {
        format!(
            "field \"{}\" does not go with code {code}: expected {expected}",
            snippet(&field)
        )
    };
    // Both sides of a change of a value every snapshot has.
    let both = |path: &str, ours: Option<String>, theirs: Option<String>| {
        if field != path {
            return Err(wrong_field(path));
        }
        match (ours, theirs) {
            (Some(ours), Some(theirs)) => Ok((ours, theirs)),
            _ => Err(format!("{path}: both ours and theirs are required")),
        }
    };
    let side =
        |path: &str, which: &str, d: &dyn Diagnostic| refusal(&format!("{path} ({which})"), d);
    let differ = |path: &str, same: bool| {
        if same {
            Err(format!(
                "{path}: ours and theirs are the same, which is no change"
            ))
        } else {
            Ok(())
        }
    };
    let list = policy.rules_for_domain().list();
    let email = |path: &str, which: &str, value: &str| {
        EmailAddress::parse_with(value, list).map_err(|e| side(path, which, &e))
    };
    match code.as_str() {
        "drift.domain" => {
            let path = "customerDomain";
            let (a, b) = both(path, ours, theirs)?;
            let rules = held_rules(policy);
            let parse = |which, value: &str| {
                PrimaryDomain::parse_with(value, &rules).map_err(|e| side(path, which, &e))
            };
            let (ours, theirs) = (parse("ours", &a)?, parse("theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(Change::Domain { ours, theirs })
        }
        "drift.postal_address" => {
            let address_field = field
                .strip_prefix("postalAddress.")
                .and_then(|name| AddressField::ALL.into_iter().find(|f| f.as_str() == name))
                .ok_or_else(|| wrong_field("postalAddress.<field>"))?;
            postal_change(address_field, ours, theirs)
        }
        "drift.admin_email" | "drift.alternate_email" => {
            let admin = code == "drift.admin_email";
            let path = if admin {
                "primaryAdmin.primaryEmail"
            } else {
                "alternateEmail"
            };
            let (a, b) = both(path, ours, theirs)?;
            let (ours, theirs) = (email(path, "ours", &a)?, email(path, "theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(if admin {
                Change::AdminEmail { ours, theirs }
            } else {
                Change::AlternateEmail { ours, theirs }
            })
        }
        "drift.phone" => {
            let path = "phoneNumber";
            let (a, b) = both(path, ours, theirs)?;
            let parse =
                |which, value: &str| PhoneNumber::parse(value).map_err(|e| side(path, which, &e));
            let (ours, theirs) = (parse("ours", &a)?, parse("theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(Change::Phone { ours, theirs })
        }
        other => Err(format!(
            "unknown drift code \"{}\": expected drift.domain, drift.postal_address, \
             drift.admin_email, drift.alternate_email or drift.phone",
            snippet(other)
        )),
    }
}

/// Checks a saved change of one postal address field: each value as that field's parser
/// would, a required field on both sides, two different values.
fn postal_change(
    field: AddressField,
    ours: Option<String>,
    theirs: Option<String>,
) -> Result<Change, String> {
    let path = field.form_path();
    let value = |which: &str, value: Option<String>| -> Result<Option<String>, String> {
        let Some(value) = value else { return Ok(None) };
        let refused = |d: &dyn Diagnostic| refusal(&format!("{path} ({which})"), d);
        if field == AddressField::CountryCode {
            return CountryCode::parse(&value)
                .map(|c| Some(c.as_str().to_owned()))
                .map_err(|e| refused(&e));
        }
        check_text(field, &value)
            .map(|v| v.map(str::to_owned))
            .map_err(|e| refused(&e))
    };
    let (ours, theirs) = (value("ours", ours)?, value("theirs", theirs)?);
    if field.is_required() && (ours.is_none() || theirs.is_none()) {
        return Err(format!("{path}: both ours and theirs are required"));
    }
    if same_text(ours.as_deref(), theirs.as_deref()) {
        return Err(format!(
            "{path}: ours and theirs are the same, which is no change"
        ));
    }
    Ok(Change::PostalAddress {
        field,
        ours,
        theirs,
    })
}

/// Serialises as the list of its changes, in order.
impl Serialize for Drift {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Deserialises with [`Policy::default`]; see [`Drift::deserialize_with`].
impl<'de> Deserialize<'de> for Drift {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Drift::deserialize_with(&Policy::default(), deserializer)
    }
}

impl Drift {
    /// Deserialises a saved drift: each change's values checked like an [`AccountSnapshot`]'s
    /// (with `policy`'s suffix list), the two values of a change different, and the changes in
    /// [`lifecycle::drift`](crate::lifecycle::drift)'s order (domain, postal address fields in
    /// form order, admin, secondary address, phone), each at most once.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a list of changes, or a change does not pass,
    /// e.g. `customerDomain (theirs): … [domain.public_suffix]`, or
    /// `phoneNumber: ours and theirs are the same, which is no change`.
    ///
    /// ```
    /// use gws_onboarding::form::Policy;
    /// use gws_onboarding::lifecycle::Drift;
    ///
    /// let json = r#"[{"code": "drift.postal_address", "field": "postalAddress.locality", "ours": "Paris", "theirs": "Lyon"}]"#;
    /// let drift = Drift::deserialize_with(&Policy::default(), &mut serde_json::Deserializer::from_str(json))?;
    /// assert_eq!(drift.len(), 1);
    ///
    /// let same = r#"[{"code": "drift.phone", "field": "phoneNumber", "ours": "+33 1 42 68 53 00", "theirs": "+33142685300"}]"#;
    /// let err = serde_json::from_str::<Drift>(same).unwrap_err();
    /// assert!(err.to_string().starts_with("phoneNumber: ours and theirs are the same"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<Drift, D::Error> {
        struct Changes<'p>(&'p Policy);

        impl<'de> Visitor<'de> for Changes<'_> {
            type Value = Drift;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of changes")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Drift, A::Error> {
                let mut changes: Vec<Change> = Vec::new();
                while let Some(change) = seq.next_element_seed(PolicySeed::<Change>::new(self.0))? {
                    // Strictly increasing ranks: at most one change per value, so at most
                    // thirteen changes are ever read.
                    if changes
                        .last()
                        .is_some_and(|last| rank(last) >= rank(&change))
                    {
                        return Err(de::Error::custom(format!(
                            "{}: changes come in drift's order (domain, postal address fields \
                             in form order, admin, secondary address, phone), each once",
                            change.field_path()
                        )));
                    }
                    changes.push(change);
                }
                Ok(Drift { changes })
            }
        }

        deserializer.deserialize_seq(Changes(policy))
    }
}
