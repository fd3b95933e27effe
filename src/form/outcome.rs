//! Layer 4, form: what a check of the form gives: the customer, the report, and the form's
//! field order the report follows.

use crate::customer::Customer;
use crate::report::Report;

/// The paths of the form's fields in the form's order: the order of [`OnboardingForm`]'s fields
/// and of its JSON sample, each block's fields in their own order. A [`Report`] lists its
/// violations in this order.
pub(super) const FORM_ORDER: [&str; 32] = [
    "customerType",
    "productFamily",
    "edition",
    "educationalInstitution.instituteType",
    "educationalInstitution.instituteSize",
    "educationalInstitution.website",
    "organizationName",
    "domain",
    "postalAddress.contactName",
    "postalAddress.organizationName",
    "postalAddress.addressLine1",
    "postalAddress.addressLine2",
    "postalAddress.addressLine3",
    "postalAddress.locality",
    "postalAddress.region",
    "postalAddress.postalCode",
    "postalAddress.countryCode",
    "phoneNumber",
    "admin.email",
    "admin.firstName",
    "admin.lastName",
    "secondaryEmail",
    "languageCode",
    "crmId",
    "hasWorkspaceForNonprofits",
    "hasLegacyFreeEdition",
    "order.product",
    "order.seats",
    "order.plan",
    "order.purchaseOrderId",
    "order.dealCode",
    "order.offer",
];

/// Where a path comes in the form's order; a path the list does not know comes after every
/// listed field.
pub(super) fn form_rank(path: &str) -> usize {
    FORM_ORDER
        .iter()
        .position(|p| *p == path)
        .unwrap_or(FORM_ORDER.len())
}

/// What [`check`](crate::form::check) found: the customer when there is no error, and the report (which may hold
/// warnings even when the customer is valid).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.domain = "paris.acme-widgets.fr".into();
/// form.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
/// form.secondary_email = Some("it@acme-widgets.fr".into());
/// let outcome = form::check(&form, &Policy::default());
/// assert!(outcome.customer().is_some());
/// assert_eq!(outcome.report().codes().collect::<Vec<_>>(), ["rule.secondary_same_registrable"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Outcome {
    pub(super) customer: Option<Customer>,
    pub(super) report: Report,
}

impl Outcome {
    /// The customer, when the form has no error.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::check(&OnboardingForm::default(), &Policy::default()).customer().is_none());
    /// ```
    #[must_use]
    pub fn customer(&self) -> Option<&Customer> {
        self.customer.as_ref()
    }

    /// Every violation, warnings included.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::check(&OnboardingForm::sample_team_customer(), &Policy::default()).report().is_empty());
    /// ```
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Splits into the customer and the report.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let (customer, report) = form::check(&OnboardingForm::sample_team_customer(), &Policy::default()).into_parts();
    /// assert!(customer.is_some() && report.is_empty());
    /// ```
    #[must_use]
    pub fn into_parts(self) -> (Option<Customer>, Report) {
        (self.customer, self.report)
    }
}
