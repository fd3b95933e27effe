//! Layer 1, base: the shared report. A [`Report`] is a list of [`Violation`]s, each a field's
//! path and a typed problem that tells its code, severity and messages ([`Diagnostic`]).
//!
//! The form, Google's errors (`wire`) and the journey all produce this one report, so a service
//! shows them the same way; none of them needs to know the others. A violation's problem is any
//! type of this crate that implements [`Diagnostic`]; read it back with
//! [`Violation::problem`] and `downcast_ref` on [`Finding`].
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy, Problem};
//! use gws_onboarding::report::Report;
//!
//! let report: Report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
//! assert!(report.iter().all(|v| v.problem().downcast_ref::<Problem>().is_some()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::error::{Diagnostic, Lang, Severity};

/// The problem of a [`Violation`]: an error or warning type of this crate.
///
/// It is implemented for every [`Diagnostic`] that is also `Debug`, `PartialEq`, `Send` and
/// `Sync`; it adds what a report needs to compare violations and to give back the typed problem.
///
/// ```
/// use gws_onboarding::form::{Field, FormError, Problem};
/// use gws_onboarding::report::Finding;
///
/// let problem = Problem::Form(FormError::Required { field: Field::Domain });
/// let finding: &dyn Finding = &problem;
/// assert_eq!(finding.diagnostic().code(), "form.required");
/// assert!(finding.downcast_ref::<Problem>().is_some());
/// ```
pub trait Finding: Diagnostic + fmt::Debug + Send + Sync + 'static {
    /// The problem as a [`Diagnostic`].
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::{Field, FormError}, report::Finding};
    /// let e = FormError::Required { field: Field::Domain };
    /// assert!(!Finding::as_diagnostic(&e).message(Lang::Fr).is_empty());
    /// ```
    fn as_diagnostic(&self) -> &(dyn Diagnostic + Send + Sync + 'static);

    /// The problem as [`Any`], to downcast it.
    ///
    /// ```
    /// use gws_onboarding::{form::{Field, FormError}, report::Finding};
    /// let e = FormError::Required { field: Field::Domain };
    /// assert!(e.as_any().is::<FormError>());
    /// ```
    fn as_any(&self) -> &dyn Any;

    /// Whether `other` is the same problem (same type, equal values).
    ///
    /// ```
    /// use gws_onboarding::{form::{Field, FormError}, report::Finding};
    /// let e = FormError::Required { field: Field::Domain };
    /// assert!(e.eq_finding(&e.clone()));
    /// ```
    fn eq_finding(&self, other: &dyn Finding) -> bool;
}

impl<T> Finding for T
where
    T: Diagnostic + fmt::Debug + PartialEq + Send + Sync + 'static,
{
    fn as_diagnostic(&self) -> &(dyn Diagnostic + Send + Sync + 'static) {
        self
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn eq_finding(&self, other: &dyn Finding) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
}

impl dyn Finding {
    /// The problem as its own type, when it is a `T`.
    ///
    /// ```
    /// use gws_onboarding::form::{Field, FormError, Problem};
    /// use gws_onboarding::report::Finding;
    ///
    /// let problem = Problem::Form(FormError::Required { field: Field::Domain });
    /// let finding: &dyn Finding = &problem;
    /// assert!(matches!(finding.downcast_ref::<Problem>(), Some(Problem::Form(_))));
    /// assert!(finding.downcast_ref::<FormError>().is_none());
    /// ```
    #[must_use]
    pub fn downcast_ref<T: Finding>(&self) -> Option<&T> {
        self.as_any().downcast_ref::<T>()
    }

    /// Whether the problem is a `T`.
    ///
    /// ```
    /// use gws_onboarding::form::{Field, FormError, Problem};
    /// use gws_onboarding::report::Finding;
    /// let problem = Problem::Form(FormError::Required { field: Field::Domain });
    /// assert!((&problem as &dyn Finding).is::<Problem>());
    /// ```
    #[must_use]
    pub fn is<T: Finding>(&self) -> bool {
        self.as_any().is::<T>()
    }

    /// The problem as a [`Diagnostic`]: its code, severity and messages.
    ///
    /// ```
    /// use gws_onboarding::form::{Field, FormError, Problem};
    /// use gws_onboarding::report::Finding;
    /// let problem = Problem::Form(FormError::Required { field: Field::Domain });
    /// assert_eq!((&problem as &dyn Finding).diagnostic().code(), "form.required");
    /// ```
    #[must_use]
    pub fn diagnostic(&self) -> &(dyn Diagnostic + Send + Sync + 'static) {
        self.as_diagnostic()
    }
}

/// One violation: which field, what code, how serious, and the message.
///
/// ```
/// use gws_onboarding::{Lang, Severity, form::{self, OnboardingForm, Policy}};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.phone_number = Some("+33 6 12 34 56 78 90 12".into());
/// let Err(report) = form::validate(&form, &Policy::default()) else {
///     return Err("French numbers have 9 digits".into());
/// };
/// let v = report.iter().next().ok_or("one violation")?;
/// assert_eq!(v.field(), "phoneNumber");
/// assert_eq!(v.code(), "phone.long_for_country");
/// assert_eq!(v.severity(), Severity::Error);
/// assert!(!v.message(Lang::Fr).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Violation {
    pub(crate) field: Cow<'static, str>,
    pub(crate) problem: Arc<dyn Finding>,
}

impl PartialEq for Violation {
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field && self.problem.eq_finding(other.problem.as_ref())
    }
}

impl Eq for Violation {}

impl Violation {
    /// A violation of `problem` on the field at `field` (the empty path when none).
    pub(crate) fn new(field: impl Into<Cow<'static, str>>, problem: impl Finding) -> Self {
        Violation {
            field: field.into(),
            problem: Arc::new(problem),
        }
    }

    /// The path of the input field (`domain`, `admin.email`, `postalAddress.postalCode`, …).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.field()), Some("admin.email"));
    /// ```
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The stable machine code.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.code()), Some("email.missing_at"));
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.problem.as_diagnostic().code()
    }

    /// Error or warning.
    ///
    /// ```
    /// # use gws_onboarding::{Severity, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert!(report.iter().all(|v| v.severity() == Severity::Error));
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.problem.as_diagnostic().severity()
    }

    /// The message in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// let v = report.iter().next().unwrap();
    /// assert_eq!(v.message(Lang::En), "email address \"x\" has no @");
    /// assert_eq!(v.message(Lang::Fr), "l'adresse e-mail « x » ne contient pas de @");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.problem.as_diagnostic().message(lang)
    }

    /// The typed problem, to read with `downcast_ref` on [`Finding`]: a
    /// [`form::Problem`](crate::form::Problem) for a violation of the form, a
    /// `wire::GoogleError` for an error Google answered, a `journey::JourneyError`, a
    /// `persist::SavedProblem` for a reloaded one.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy, Problem};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// let v = report.iter().next().unwrap();
    /// assert!(matches!(v.problem().downcast_ref::<Problem>(), Some(Problem::Email(_))));
    /// assert_eq!(v.problem().diagnostic().code(), "email.missing_at");
    /// ```
    #[must_use]
    pub fn problem(&self) -> &dyn Finding {
        self.problem.as_ref()
    }

    /// A plain record of the violation with its message in `lang`, e.g. for JSON.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// let entry = report.iter().next().unwrap().entry(Lang::En);
    /// assert_eq!((entry.field.as_str(), entry.code), ("admin.email", "email.missing_at"));
    /// ```
    #[must_use]
    pub fn entry(&self, lang: Lang) -> ViolationEntry {
        ViolationEntry {
            field: self.field.to_string(),
            code: self.code(),
            severity: self.severity(),
            message: self.message(lang),
        }
    }
}

impl std::error::Error for Violation {}

impl Diagnostic for Violation {
    fn code(&self) -> &'static str {
        Violation::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        Violation::message(self, lang)
    }
    fn severity(&self) -> Severity {
        Violation::severity(self)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}, {}]",
            self.field,
            self.message(Lang::En),
            self.code(),
            self.severity()
        )
    }
}

/// A violation as plain data: field, code, severity and message in one language.
///
/// Serialises as `{"field": "...", "code": "...", "severity": "error|warning", "message": "..."}`.
///
/// ```
/// use gws_onboarding::{Severity, form::ViolationEntry};
/// let e = ViolationEntry { field: "domain".into(), code: "domain.www", severity: Severity::Error, message: "m".into() };
/// assert_eq!(e.code, "domain.www");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ViolationEntry {
    /// The input field's path.
    pub field: String,
    /// The stable code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message.
    pub message: String,
}

/// Every violation found: in a form, in an answer of Google's, in a journey.
///
/// The form's report is in the order of [`OnboardingForm`](crate::form::OnboardingForm)'s
/// fields, which its JSON sample follows:
/// `customerType`, `productFamily`, `edition`, `educationalInstitution.*`, `organizationName`,
/// `domain`, `postalAddress.*` (contact name, organisation name, address lines 1 to 3, locality,
/// region, postal code, country code), `phoneNumber`, `admin.email`, `admin.firstName`,
/// `admin.lastName`, `secondaryEmail`, `languageCode`, `crmId`, the preconditions' boxes
/// (`hasWorkspaceForNonprofits`, `hasLegacyFreeEdition`), then the `order.*` fields (product,
/// seats, plan, purchase order id, deal code, offer). Several violations of one field keep the
/// order in which they were found.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
/// assert!(report.len() > 5);
/// assert!(report.has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) violations: Vec<Violation>,
}

impl Report {
    /// A report of one violation: `problem` on the field at `field`.
    pub(crate) fn of(field: impl Into<Cow<'static, str>>, problem: impl Finding) -> Report {
        let mut report = Report::default();
        report.push(field, problem);
        report
    }

    /// Adds a violation of `problem` on the field at `field` (the empty path when none).
    pub(crate) fn push(&mut self, field: impl Into<Cow<'static, str>>, problem: impl Finding) {
        self.violations.push(Violation::new(field, problem));
    }

    /// The violations, errors and warnings, in the order of the form's fields.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.field()), Some("customerType"));
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The codes of the violations, in order.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert!(report.codes().any(|c| c == "form.required"));
    /// ```
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.violations.iter().map(Violation::code)
    }

    /// The errors only.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.errors().count(), report.len());
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Error)
    }

    /// The warnings only.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.warnings().count(), 0);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Warning)
    }

    /// Whether any violation is an error.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let outcome = form::check(&OnboardingForm::sample_domain_customer(), &Policy::default());
    /// assert!(!outcome.report().has_errors());
    /// ```
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// How many violations.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Report::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether there is no violation at all.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Report::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Plain records of every violation with messages in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.entries(Lang::Fr).len(), report.len());
    /// ```
    #[must_use]
    pub fn entries(&self, lang: Lang) -> Vec<ViolationEntry> {
        self.violations.iter().map(|v| v.entry(lang)).collect()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
