//! Layer 6, persist. Saving what was validated, and reloading it checked again (feature `serde`).
//!
//! Every type below serialises to camelCase JSON (or any serde format) and deserialises only
//! through this crate's checks: what does not pass today is refused with an error that names
//! the field, its code and the reason, never accepted silently and never a panic.
//!
//! | Type | Shape | A reload… |
//! |---|---|---|
//! | [`Customer`](crate::customer::Customer) | the [`OnboardingForm`](crate::form::OnboardingForm) that validates into it ([`OnboardingForm::from`](crate::form::OnboardingForm::from)) | runs [`form::check`](crate::form::check) with [`Policy::default`](crate::form::Policy::default), or the policy of a [`PolicySeed`] / [`Customer::deserialize_with`](crate::customer::Customer::deserialize_with) |
//! | [`Report`](crate::Report) | a list of `{"field", "code", "severity", "messages": {"en", "fr"}}`, in the report's order (`field` empty when a violation concerns no field) | checks each code is one this crate defines, and the field and messages are safe text |
//! | [`AccountSnapshot`](crate::lifecycle::AccountSnapshot) | `{"domain", "postalAddress", "adminEmail", "alternateEmail", "phoneNumber"}`, unknown values left out | parses each value; the domain with the policy's suffix list, subdomains and private suffixes accepted (as Google holds them) |
//! | [`CustomerRecord`](crate::lifecycle::CustomerRecord) | `{"subscriptions": [{"product", "status"}], "resellerAccess"}` | parses each product and status; refuses a product listed twice |
//! | [`Drift`](crate::lifecycle::Drift) | a list of `{"code", "field", "ours", "theirs"}` ([`Change`](crate::lifecycle::Change)) | parses both values of each change, refuses equal ones, and wants [`lifecycle::drift`](crate::lifecycle::drift)'s order, each change once |
//!
//! # Customers
//!
//! A [`Customer`](crate::customer::Customer) is saved as its form: `{"customerType": "domain", "productFamily":
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
//! A [`Report`](crate::Report) is saved as what a person or a program reads of it: each violation's field,
//! code, severity and English and French messages. A reload gives back exactly those: the same
//! [`Violation::field`](crate::Violation::field), [`code`](crate::Violation::code), [`severity`](crate::Violation::severity) and
//! [`message`](crate::Violation::message) in both languages, in the same order (so
//! [`Report::has_errors`](crate::Report::has_errors), [`Report::entries`](crate::Report::entries) and the report's `Display` are unchanged), and
//! saving it again gives the same JSON. The typed cause is not saved: a reloaded violation's
//! [`problem`](crate::Violation::problem) is a [`SavedProblem`]. To check a
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

mod customer;
mod journey;
mod limits;
mod record;
mod report;
mod seed;
mod snapshot;

pub use limits::MAX_SAVED_VIOLATIONS;
pub use report::SavedProblem;
pub use seed::PolicySeed;
