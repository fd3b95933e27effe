//! Layer 7, strategy. [`proptest`](mod@proptest) strategies for your own property tests (feature `proptest`).
//!
//! Every valid value these strategies generate is accepted by this crate's parsers with the
//! default rules ([`Policy::default`](crate::form::Policy::default)): domains are one or two LDH labels (1 to 20 characters,
//! never starting or ending with `-`, never an A-label) under a fixed list of ICANN suffixes
//! ([`SUFFIXES`]), never a special-use name (`example`, `test`, …) nor Google's consumer
//! domains. The near-miss strategies ([`invalid_form`], [`invalid_order_form`],
//! [`invalid_domain`], [`invalid_email`]) apply exactly one mistake a salesperson makes and tell
//! you the violation it must produce.
//!
//! | strategy | value |
//! |---|---|
//! | [`primary_domain`] | a [`PrimaryDomain`](crate::PrimaryDomain) |
//! | [`domain_string`] | a non-canonical spelling (case, trailing dot, spaces) and its [`PrimaryDomain`](crate::PrimaryDomain) |
//! | [`email_address`](fn@email_address), [`email_string`] | an [`EmailAddress`](crate::EmailAddress) (with its raw spelling) |
//! | [`email_in`], [`email_outside`] | an address in a given domain (a valid Google username), or in another registrable domain |
//! | [`country_code`], [`postal_address_raw`] | a [`CountryCode`](crate::CountryCode), a valid [`RawPostalAddress`](crate::RawPostalAddress) |
//! | [`domain_customer_form`], [`team_customer_form`], [`onboarding_form`] | a valid [`OnboardingForm`](crate::form::OnboardingForm) |
//! | [`customer`] | a [`Customer`](crate::customer::Customer), validated from a generated form |
//! | [`invalid_form`] | a form with one mistake and the [`Expected`] violation |
//! | [`invalid_domain`], [`invalid_email`] | a near-miss string and the code its parser returns |
//! | [`raw_order_for`], [`order_form`], [`customer_with_order`] | a valid first order for a customer, a valid form with one, a [`Customer`](crate::customer::Customer) carrying one |
//! | [`invalid_order_form`] | a form whose order has one mistake, and the [`Expected`] violation on its `order.*` field |
//!
//! # Example: your own property test
//!
//! Say your CRM import maps a [`Customer`](crate::customer::Customer) into your own record type and back. State the law
//! once and let the strategies find the customers that break it:
//!
//! ```
//! use gws_onboarding::strategy;
//! use gws_onboarding::{Customer, form::{self, OnboardingForm, Policy}};
//! use proptest::prelude::*;
//!
//! /// The reseller's own CRM record.
//! #[derive(Debug, PartialEq)]
//! struct CrmRecord { account: String, domain: String, admin: String, country: String }
//!
//! fn to_record(c: &Customer) -> CrmRecord {
//!     CrmRecord {
//!         account: c.organization_name().to_string(),
//!         domain: c.domain().to_string(),
//!         admin: c.admin().email().to_string(),
//!         country: c.postal_address().country_code().to_string(),
//!     }
//! }
//!
//! /// Back to a form, e.g. to re-validate a record edited in the CRM.
//! fn to_form(r: &CrmRecord, template: &OnboardingForm) -> OnboardingForm {
//!     let mut f = template.clone();
//!     f.organization_name = r.account.clone();
//!     f.domain = r.domain.clone();
//!     f.admin.email = r.admin.clone();
//!     f.postal_address.country_code = r.country.clone();
//!     f
//! }
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(32))]
//!     // `#[test]` here in your own test file (a doctest calls the function itself).
//!     fn crm_round_trip(form in strategy::onboarding_form()) {
//!         let customer = form::validate(&form, &Policy::default()).unwrap();
//!         let record = to_record(&customer);
//!         let again = form::validate(&to_form(&record, &form), &Policy::default()).unwrap();
//!         prop_assert_eq!(to_record(&again), record);
//!     }
//! }
//! # crm_round_trip();
//! ```
//!
//! And a near miss must be caught by your pipeline with the same field and code:
//!
//! ```
//! use gws_onboarding::strategy;
//! use gws_onboarding::form::{self, Policy};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(32))]
//!     // `#[test]` here in your own test file.
//!     fn import_refuses_near_misses((form, expected) in strategy::invalid_form()) {
//!         let report = form::validate(&form, &Policy::default()).unwrap_err();
//!         prop_assert!(report.errors().any(|v| v.field() == expected.field && v.code() == expected.code));
//!     }
//! }
//! # import_refuses_near_misses();
//! ```

mod forms;
mod invalid;
mod mistakes;
mod orders;
mod pools;
mod values;

pub use forms::{Expected, customer, domain_customer_form, onboarding_form, team_customer_form};
pub use invalid::{invalid_domain, invalid_email};
pub use mistakes::invalid_form;
pub use orders::{customer_with_order, invalid_order_form, order_form, raw_order_for};
pub use pools::SUFFIXES;
pub use values::{
    country_code, domain_string, email_address, email_in, email_outside, email_string,
    phone_number, postal_address_raw, primary_domain,
};

#[cfg(test)]
mod tests {

    use super::pools::{UNASSIGNED_COUNTRIES, UNKNOWN_TLDS};
    use super::values::{Spelling, registered_as};
    use super::*;

    use crate::CountryCode;
    use crate::suffix::SuffixList;

    #[test]
    fn suffixes_are_icann_and_registrable_below() {
        for suffix in SUFFIXES {
            let name = format!("acme-widgets.{suffix}");
            assert!(registered_as(&name, &name), "{suffix}");
        }
        for tld in UNKNOWN_TLDS {
            assert!(
                !SuffixList::embedded()
                    .lookup(&format!("a.{tld}"))
                    .is_known()
            );
        }
        for code in UNASSIGNED_COUNTRIES {
            assert!(CountryCode::parse(code).is_err(), "{code}");
        }
    }

    #[test]
    fn spelling_keeps_the_name() {
        let spell = Spelling {
            mask: 0b101,
            trailing_dot: true,
            before: " ",
            after: "\t",
        };
        assert_eq!(spell.apply(&"acme.fr"), " AcMe.fr.\t");
    }
}
