//! Layer 4, form. The console's "Create customer" form: raw input in, a valid [`Customer`] or every violation out.
//!
//! [`OnboardingForm`] holds the fields as a salesperson typed them (all strings, camelCase in
//! JSON). [`validate`] checks every field and every rule between fields and returns either the
//! [`Customer`] or a [`Report`] listing **all** violations at once, each with the input field's
//! path (`domain`, `secondaryEmail`, `postalAddress.countryCode`, …), a stable code, a severity
//! and a message in English or French. An optional `order` object ([`RawOrder`]) carries the
//! customer's first order: its violations are on `order.*` fields, and the valid customer
//! carries the [`Order`](crate::order::Order) ([`Customer::order`]).
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::Lang;
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.domain = "www.acme-widgets.fr".into();
//! form.secondary_email = Some("jeanne@acme-widgets.fr".into());
//! form.postal_address.country_code = "XX".into();
//!
//! let report = form::validate(&form, &Policy::default()).unwrap_err();
//! let found: Vec<_> = report.iter().map(|v| (v.field(), v.code())).collect();
//! assert_eq!(found, [
//!     ("domain", "domain.www"),
//!     ("postalAddress.countryCode", "country.unassigned"),
//! ]);
//! assert!(report.to_string().contains("domain: domain \"www.acme-widgets.fr\" starts with \"www.\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With the `www.` fixed, the secondary address is checked against the primary domain too:
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.secondary_email = Some("jeanne@Acme-Widgets.FR".into());
//! let report = form::validate(&form, &Policy::default()).unwrap_err();
//! assert_eq!(report.codes().collect::<Vec<_>>(), ["rule.secondary_in_primary_domain"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::customer::Customer;

mod checker;
mod field;
mod input;
#[cfg(feature = "serde")]
mod json;
mod outcome;
mod policy;
mod problem;
mod raw;

pub use crate::report::{Report, Violation, ViolationEntry};
pub use field::Field;
pub use input::{ExpectedType, FoundType, InputProblems, InputTypeError, UnknownField};
pub use outcome::Outcome;
pub use policy::Policy;
pub use problem::{FormError, Problem};
pub use raw::{OnboardingForm, RawAdmin, RawEducation, RawOrder};

use checker::Checker;

/// Validates a form: the customer, or every violation (errors and warnings).
///
/// Warnings alone do not block: the customer is returned and the warnings are dropped; use
/// [`check`] to see them.
///
/// # Errors
///
/// A [`Report`] with every violation when at least one is an error.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// assert_eq!(customer.domain().as_str(), "studio-nord.de");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(form: &OnboardingForm, policy: &Policy) -> Result<Customer, Report> {
    let outcome = check(form, policy);
    match outcome.customer {
        Some(customer) => Ok(customer),
        None => Err(outcome.report),
    }
}

/// Checks a form and returns both the customer (when there is no error) and every violation.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// let outcome = form::check(&OnboardingForm::sample_domain_customer(), &Policy::default());
/// assert!(outcome.customer().is_some());
/// assert!(outcome.report().is_empty());
/// ```
#[must_use]
pub fn check(form: &OnboardingForm, policy: &Policy) -> Outcome {
    Checker::new(policy, &form.input_problems).run(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(form: &OnboardingForm) -> Vec<(String, &'static str)> {
        check(form, &Policy::default())
            .report()
            .iter()
            .map(|v| (v.field().to_owned(), v.code()))
            .collect()
    }

    #[test]
    fn samples_are_valid() {
        assert_eq!(codes(&OnboardingForm::sample_domain_customer()), []);
        assert_eq!(codes(&OnboardingForm::sample_team_customer()), []);
    }

    #[test]
    fn empty_form_lists_every_required_field() {
        let found = codes(&OnboardingForm::default());
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "customerType",
                "organizationName",
                "domain",
                "postalAddress.contactName",
                "postalAddress.addressLine1",
                "postalAddress.postalCode",
                "postalAddress.countryCode",
                "admin.email",
                "admin.firstName",
                "admin.lastName",
                "secondaryEmail",
            ]
        );
    }

    #[test]
    fn team_rules() {
        let mut form = OnboardingForm::sample_team_customer();
        form.admin.email = "sam@gmail.com".into();
        form.edition = Some("business-plus".into());
        assert_eq!(
            codes(&form),
            [
                ("edition".to_owned(), "eligibility.team_edition"),
                ("admin.email".to_owned(), "eligibility.consumer_email"),
            ]
        );
        let mut form = OnboardingForm::sample_team_customer();
        form.domain = "other.de".into();
        assert_eq!(
            codes(&form),
            [("domain".to_owned(), "form.team_domain_mismatch")]
        );
        form.domain = "Studio-Nord.DE.".into();
        assert_eq!(codes(&form), []);
    }
}
