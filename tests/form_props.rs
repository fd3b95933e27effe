//! Property tests of the form and its parts, on the `strategy` module's generators.
#![cfg(feature = "proptest")]

use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::strategy;
use gws_onboarding::{CustomerKind, EmailAddress, PrimaryDomain, Severity};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// The canonical form of a generated (ASCII) domain spelling, computed without the crate.
fn canonical_domain(raw: &str) -> String {
    let trimmed = raw.trim();
    trimmed
        .strip_suffix('.')
        .unwrap_or(trimmed)
        .to_ascii_lowercase()
}

/// The canonical form of a generated (ASCII) address spelling, computed without the crate.
fn canonical_email(raw: &str) -> String {
    canonical_domain(raw)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn valid_forms_validate_to_their_inputs(form in strategy::onboarding_form()) {
        let outcome = form::check(&form, &Policy::default());
        prop_assert!(outcome.report().is_empty(), "{}\n{:#?}", outcome.report(), form);
        let c = outcome.customer().expect("a customer without errors");

        let kind: CustomerKind = form.customer_type.parse().unwrap();
        prop_assert_eq!(c.kind(), kind);
        prop_assert_eq!(c.organization_name().as_str(), collapse(&form.organization_name));
        prop_assert_eq!(c.admin().email().as_str(), canonical_email(&form.admin.email));
        prop_assert_eq!(
            c.secondary_email().map(ToString::to_string),
            form.secondary_email.as_deref().map(canonical_email)
        );
        let domain = if kind == CustomerKind::Team {
            c.admin().email().domain().to_owned()
        } else {
            canonical_domain(&form.domain)
        };
        prop_assert_eq!(c.domain().as_str(), domain);
        if kind == CustomerKind::Team && !form.domain.trim().is_empty() {
            prop_assert_eq!(canonical_domain(&form.domain), c.domain().as_str());
        }
        prop_assert_eq!(c.edition().map(gws_onboarding::Edition::as_str), form.edition.as_deref());
        prop_assert_eq!(c.education().is_some(), form.educational_institution.is_some());

        let raw = &form.postal_address;
        let address = c.postal_address();
        prop_assert_eq!(address.country_code().as_str(), raw.country_code.trim().to_ascii_uppercase());
        prop_assert_eq!(address.postal_code(), raw.postal_code.trim());
        prop_assert_eq!(address.address_line1(), raw.address_line1.trim());
        let organization = if raw.organization_name.trim().is_empty() {
            form.organization_name.trim()
        } else {
            raw.organization_name.trim()
        };
        prop_assert_eq!(address.organization_name(), organization);
        if raw.contact_name.trim().is_empty() {
            let names: Vec<&str> = [&form.admin.first_name, &form.admin.last_name]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            prop_assert_eq!(address.contact_name(), names.join(" "));
        } else {
            prop_assert_eq!(address.contact_name(), raw.contact_name.trim());
        }

        prop_assert_eq!(c.phone_number().is_some(), !blank(form.phone_number.as_deref()));
        prop_assert_eq!(c.language_code().is_some(), !blank(form.language_code.as_deref()));
        prop_assert_eq!(c.crm_id().map(gws_onboarding::customer::CrmId::as_str), form.crm_id.as_deref());
    }

    #[test]
    fn near_misses_yield_exactly_the_expected_error((form, expected) in strategy::invalid_form()) {
        let outcome = form::check(&form, &Policy::default());
        prop_assert!(outcome.customer().is_none(), "{:?} accepted:\n{:#?}", expected, form);
        let errors: Vec<(&str, &str)> =
            outcome.report().errors().map(|v| (v.field(), v.code())).collect();
        let wanted = vec![(expected.field, expected.code)];
        prop_assert_eq!(errors.clone(), wanted, "{:?}\n{}\n{:#?}", expected, outcome.report(), form);
        // No warning is expected from a single mistake in a form that had none.
        prop_assert_eq!(outcome.report().warnings().count(), 0, "{}", outcome.report());
        for v in outcome.report() {
            prop_assert_eq!(v.severity(), Severity::Error);
        }
    }

    #[test]
    fn domain_laws((raw, domain) in strategy::domain_string()) {
        prop_assert_eq!(PrimaryDomain::parse(&raw)?, domain.clone());
        let canonical = domain.to_string();
        prop_assert_eq!(canonical.as_str(), domain.as_str());
        prop_assert_eq!(PrimaryDomain::parse(&canonical)?, domain.clone());
        prop_assert_eq!(PrimaryDomain::parse(&canonical)?.to_string(), canonical.clone());
        prop_assert_eq!(String::from(domain.clone()), canonical.clone());
        prop_assert!(domain.contains(domain.as_str()));
        prop_assert!(domain.as_str().ends_with(domain.registrable()));
        prop_assert!(domain.registrable().ends_with(domain.suffix()));
        prop_assert_eq!(domain.is_subdomain(), domain.registrable() != domain.as_str());
    }

    #[test]
    fn email_laws((raw, email) in strategy::email_string()) {
        prop_assert_eq!(EmailAddress::parse(&raw)?, email.clone());
        let canonical = email.to_string();
        prop_assert_eq!(EmailAddress::parse(&canonical)?, email.clone());
        prop_assert_eq!(EmailAddress::parse(&canonical)?.to_string(), canonical.clone());
        prop_assert_eq!(format!("{}@{}", email.local_part(), email.domain()), canonical);
        prop_assert!(email.domain().ends_with(email.registrable_domain()));
        prop_assert!(!email.is_consumer());
    }

    #[test]
    fn emails_in_and_outside_a_domain(
        (domain, admin, secondary) in strategy::primary_domain().prop_flat_map(|d| {
            (Just(d.clone()), strategy::email_in(&d), strategy::email_outside(&d))
        })
    ) {
        prop_assert_eq!(gws_onboarding::email::check_admin_email(&domain, &admin), Ok(()));
        prop_assert_eq!(gws_onboarding::email::check_secondary_email(&domain, &secondary), Ok(None));
        prop_assert_eq!(gws_onboarding::email::check_distinct(&admin, &secondary), Ok(()));
    }

    #[test]
    fn near_miss_domains((raw, code) in strategy::invalid_domain()) {
        let err = PrimaryDomain::parse(&raw).unwrap_err();
        prop_assert_eq!(err.code(), code, "{:?}: {}", raw, err);
    }

    #[test]
    fn near_miss_emails((raw, code) in strategy::invalid_email()) {
        let err = EmailAddress::parse(&raw).unwrap_err();
        prop_assert_eq!(err.code(), code, "{:?}: {}", raw, err);
    }

    #[test]
    fn customers_are_valid(customer in strategy::customer()) {
        // A customer's domain and admin satisfy the seed's rules by construction.
        if customer.kind() == CustomerKind::Domain {
            prop_assert_eq!(
                gws_onboarding::email::check_admin_email(customer.domain(), customer.admin().email()),
                Ok(())
            );
        }
        if let Some(secondary) = customer.secondary_email() {
            prop_assert!(!customer.domain().contains(secondary.domain()));
        }
    }
}

#[test]
fn samples_stay_valid_for_the_generators_baseline() {
    for form in [
        OnboardingForm::sample_domain_customer(),
        OnboardingForm::sample_team_customer(),
    ] {
        assert!(form::validate(&form, &Policy::default()).is_ok());
    }
}
