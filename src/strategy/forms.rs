//! Layer 7, strategy: valid forms and customers.

use super::values::{
    domain_product, domain_string, email_in, email_outside, last_name, optional_fields,
    organization_name, person_name, plus_tag, postal_address_raw, primary_domain, spelling,
    username,
};
use crate::customer::Customer;
use crate::form::{self, InputProblems, OnboardingForm, Policy, RawAdmin};
use crate::product::{Edition, Product};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Valid domain customers: any product family and edition a domain customer may order, the
/// domain spelled loosely, a super admin in it, a secondary address in another registrable
/// domain, a postal address whose organisation and contact may be left blank (they are taken
/// from the form).
///
/// ```
/// use gws_onboarding::{strategy, CustomerKind, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::domain_customer_form())| {
///     let outcome = form::check(&form, &Policy::default());
///     prop_assert!(outcome.report().is_empty(), "{}", outcome.report());
///     prop_assert_eq!(outcome.customer().unwrap().kind(), CustomerKind::Domain);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn domain_customer_form() -> impl Strategy<Value = OnboardingForm> {
    let contacts = domain_string().prop_flat_map(|(raw, domain)| {
        (
            Just(raw),
            email_in(&domain),
            email_outside(&domain),
            spelling(),
            spelling(),
        )
    });
    (
        select(vec!["domain", "Domain", " DOMAIN "]),
        domain_product(),
        organization_name(),
        contacts,
        (person_name(), last_name()),
        (postal_address_raw(), any::<bool>(), any::<bool>()),
        optional_fields(),
    )
        .prop_map(
            |(
                kind,
                (family, edition, education),
                organization_name,
                (domain, admin, secondary, admin_spelling, secondary_spelling),
                (first, last),
                (mut postal_address, blank_org, blank_contact),
                (phone_number, language_code, crm_id),
            )| {
                if blank_org {
                    postal_address.organization_name = String::new();
                }
                if blank_contact {
                    postal_address.contact_name = String::new();
                }
                OnboardingForm {
                    customer_type: kind.to_owned(),
                    product_family: family,
                    edition,
                    educational_institution: education,
                    organization_name,
                    domain,
                    postal_address,
                    phone_number,
                    admin: RawAdmin {
                        email: admin_spelling.apply(&admin),
                        first_name: Some(first),
                        last_name: Some(last),
                    },
                    secondary_email: Some(secondary_spelling.apply(&secondary)),
                    language_code,
                    crm_id,
                    has_workspace_for_nonprofits: false,
                    has_legacy_free_edition: false,
                    order: None,
                    input_problems: InputProblems::default(),
                }
            },
        )
}

/// Whether a team customer may order `edition` (`data/products.tsv`, column `team`).
pub(super) fn team_may_order(edition: Edition) -> bool {
    Product::Edition(edition).catalogue_entry().team_may_order()
}

/// Valid team customers: Enterprise Essentials or Enterprise Essentials Plus (Essentials is no
/// longer sold), a business admin address (with a
/// `+tag` at times) whose domain is the customer's, the domain field blank or that domain
/// spelled loosely, optional names and secondary address.
///
/// ```
/// use gws_onboarding::{strategy, CustomerKind, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::team_customer_form())| {
///     let customer = form::validate(&form, &Policy::default()).unwrap();
///     prop_assert_eq!(customer.kind(), CustomerKind::Team);
///     prop_assert_eq!(customer.domain().as_str(), customer.admin().email().domain());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn team_customer_form() -> impl Strategy<Value = OnboardingForm> {
    let essentials: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|&e| Product::Edition(e).is_orderable() && team_may_order(e))
        .collect();
    let contacts = primary_domain().prop_flat_map(|domain| {
        (
            (username(), plus_tag(), Just(domain.clone())),
            option::of(email_outside(&domain)),
            (spelling(), spelling(), spelling()),
            any::<bool>(),
        )
    });
    (
        select(vec!["team", "Team", " TEAM "]),
        (select(vec!["", "google-workspace"]), select(essentials)),
        organization_name(),
        contacts,
        (option::of(person_name()), option::of(last_name())),
        (postal_address_raw(), any::<bool>(), any::<bool>()),
        optional_fields(),
    )
        .prop_map(
            |(
                kind,
                (family, edition),
                organization_name,
                ((user, tag, domain), secondary, (admin_sp, domain_sp, secondary_sp), fill_domain),
                (first_name, last_name),
                (mut postal_address, blank_org, blank_contact),
                (phone_number, language_code, crm_id),
            )| {
                if blank_org {
                    postal_address.organization_name = String::new();
                }
                // A blank contact is taken from the admin's names: only when there is one.
                if blank_contact && first_name.is_some() {
                    postal_address.contact_name = String::new();
                }
                OnboardingForm {
                    customer_type: kind.to_owned(),
                    product_family: family.to_owned(),
                    edition: Some(edition.as_str().to_owned()),
                    educational_institution: None,
                    organization_name,
                    domain: if fill_domain {
                        domain_sp.apply(&domain)
                    } else {
                        String::new()
                    },
                    postal_address,
                    phone_number,
                    admin: RawAdmin {
                        email: admin_sp.apply(&format!("{user}{tag}@{domain}")),
                        first_name,
                        last_name,
                    },
                    secondary_email: secondary.map(|s| secondary_sp.apply(&s)),
                    language_code,
                    crm_id,
                    has_workspace_for_nonprofits: false,
                    has_legacy_free_edition: false,
                    order: None,
                    input_problems: InputProblems::default(),
                }
            },
        )
}

/// Valid forms, domain customers (three in four) or team customers.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::onboarding_form())| {
///     prop_assert!(form::validate(&form, &Policy::default()).is_ok());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn onboarding_form() -> impl Strategy<Value = OnboardingForm> {
    prop_oneof![3 => domain_customer_form(), 1 => team_customer_form()]
}

#[track_caller]
pub(super) fn must_validate(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|report| {
        panic!("generated form is refused (a crate bug):\n{report}\n{form:#?}")
    })
}

/// Valid customers, validated from [`onboarding_form`].
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::strategy;
/// use proptest::prelude::*;
///
/// proptest!(|(customer in strategy::customer())| {
///     prop_assert!(customer.admin().email().domain().ends_with(customer.domain().as_str()));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn customer() -> impl Strategy<Value = Customer> {
    onboarding_form().prop_map(|form| must_validate(&form))
}

/// The violation a near-miss form must produce: exactly one error, with this field and code.
/// Warnings are never expected.
///
/// ```
/// use gws_onboarding::{form::{self, Policy}, strategy};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let tree = strategy::invalid_form().new_tree(&mut runner).map_err(|e| e.to_string())?;
/// let (form, expected) = tree.current();
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
/// assert_eq!(errors, [(expected.field, expected.code)], "{}", expected.mutation);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expected {
    /// A name for the mistake, e.g. `secondary_in_primary_domain`.
    pub mutation: &'static str,
    /// The field path the violation names, e.g. `secondaryEmail`.
    pub field: &'static str,
    /// The violation's code, e.g. `rule.secondary_in_primary_domain`.
    pub code: &'static str,
}

impl Expected {
    pub(super) const fn new(
        mutation: &'static str,
        field: &'static str,
        code: &'static str,
    ) -> Self {
        Expected {
            mutation,
            field,
            code,
        }
    }
}
