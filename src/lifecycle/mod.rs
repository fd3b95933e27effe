//! Layer 4, lifecycle. After creation: what Google holds about the customer, and how it drifts from the reseller's record.
//!
//! - [`SubscriptionStatus`] and [`CustomerRecord`]: the console's "Subscription status" stays
//!   empty until the first order; [`ResellerAccess`] to the customer's Admin console is
//!   disabled by default (per the Partner Sales Console help article *Ajouter un client Google
//!   Workspace*, Add a Google Workspace customer) until the customer allows it.
//! - [`drift`] lists what changed between the reseller's record and Google's, with a
//!   [`Drift::reminder`] to send the customer.
//! - [`display_labels`] tells apart customers with the same name (several teams may buy
//!   Essentials) by their Cloud Identity ID, as the console does.
//!
//! [`AccountSnapshot`] is the part of a customer that the customer can change in the Admin
//! console and that the Partner Sales Console does **not** sync back: the organisation's address,
//! the domain and the admin. Take one from a validated [`Customer`](crate::customer::Customer) (what you created) and one
//! from Google's answer (see the `wire` module), and compare them.
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::lifecycle::AccountSnapshot;
//!
//! let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
//! let ours = AccountSnapshot::from(&customer);
//! assert_eq!(ours.domain().as_str(), "acme-widgets.fr");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod account;
mod drift;
mod labels;

pub use account::{AccountSnapshot, CustomerRecord, ResellerAccess, SubscriptionStatus};
#[cfg(feature = "serde")]
pub(crate) use drift::same_text;
pub use drift::{Change, Drift, drift};
pub use labels::{ListedCustomer, display_labels};

#[cfg(test)]
mod tests {
    use super::*;

    use crate::address::{AddressField, PostalAddress};
    use crate::customer::{CloudIdentityId, OrganizationName};
    use crate::domain::PrimaryDomain;
    use crate::email::EmailAddress;
    use crate::error::Lang;

    use crate::phone::PhoneNumber;

    use crate::address::RawPostalAddress;
    use crate::form::{self, OnboardingForm, Policy};
    use crate::product::{Addon, Edition};

    fn ours() -> AccountSnapshot {
        let customer = form::validate(
            &OnboardingForm::sample_domain_customer(),
            &Policy::default(),
        )
        .unwrap();
        AccountSnapshot::from(&customer)
    }

    fn with_address(
        snap: AccountSnapshot,
        edit: impl FnOnce(&mut RawPostalAddress),
    ) -> AccountSnapshot {
        let mut raw = RawPostalAddress::from(snap.postal_address().unwrap().clone());
        edit(&mut raw);
        snap.with_postal_address(PostalAddress::new(&raw).unwrap())
    }

    fn listed(name: &str, id: &str) -> ListedCustomer {
        ListedCustomer::new(
            OrganizationName::parse(name).unwrap(),
            CloudIdentityId::parse(id).unwrap(),
        )
    }

    #[test]
    fn status_is_empty_until_the_first_order() {
        let mut record = CustomerRecord::new();
        assert_eq!(record.subscription_status(), None);
        assert_eq!(SubscriptionStatus::for_customer(&[]), None);
        record.record_order(Edition::BusinessStarter.into(), SubscriptionStatus::Active);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Active)
        );
        record.record_order(Addon::Vault.into(), SubscriptionStatus::Suspended);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Suspended)
        );
        record.record_order(Addon::Vault.into(), SubscriptionStatus::Pending);
        assert_eq!(record.subscriptions().len(), 2);
        assert_eq!(
            record.subscription_status(),
            Some(SubscriptionStatus::Pending)
        );
    }

    #[test]
    fn statuses_round_trip() {
        for status in SubscriptionStatus::ALL {
            assert_eq!(status.as_str().parse::<SubscriptionStatus>(), Ok(*status));
            assert_eq!(status.to_string(), status.as_str());
            assert_eq!(
                status
                    .as_str()
                    .to_ascii_lowercase()
                    .parse::<SubscriptionStatus>(),
                Ok(*status)
            );
            assert_ne!(status.label(Lang::En), status.label(Lang::Fr));
        }
        let err = "CANCELLED".parse::<SubscriptionStatus>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown subscription status \"CANCELLED\": expected one of `ACTIVE`, `PENDING`, `SUSPENDED`"
        );
        assert!(
            err.message(Lang::Fr)
                .starts_with("état d'abonnement « CANCELLED »")
        );
    }

    #[test]
    fn reseller_access_is_disabled_by_default() {
        assert_eq!(ResellerAccess::default(), ResellerAccess::Disabled);
        let mut record = CustomerRecord::new();
        assert_eq!(record.reseller_access(), ResellerAccess::Disabled);
        record.allow_reseller_access();
        assert_eq!(record.reseller_access(), ResellerAccess::Enabled);
        let (en, fr) = (
            ResellerAccess::how_to_allow(Lang::En),
            ResellerAccess::how_to_allow(Lang::Fr),
        );
        assert!(!en.is_empty() && !fr.is_empty() && en != fr);
    }

    #[test]
    fn no_drift_between_equal_records() {
        let drift = drift(&ours(), &ours());
        assert!(drift.is_empty());
        assert_ne!(drift.reminder(Lang::En), drift.reminder(Lang::Fr));
    }

    #[test]
    fn drift_lists_each_change_in_order() {
        let ours = ours();
        let theirs = with_address(
            AccountSnapshot {
                domain: PrimaryDomain::parse("acme-widgets.com").unwrap(),
                ..ours.clone()
            },
            |raw| {
                raw.locality = Some("Lyon".into());
                raw.address_line2 = Some("Bâtiment B".into());
            },
        )
        .with_admin_email(EmailAddress::parse("boss@acme-widgets.com").unwrap())
        .with_alternate_email(EmailAddress::parse("it@other-reseller.de").unwrap())
        .with_phone(PhoneNumber::parse("+33 4 78 00 00 00").unwrap());
        let drift = drift(&ours, &theirs);
        let paths: Vec<_> = drift.iter().map(Change::field_path).collect();
        assert_eq!(
            paths,
            [
                "customerDomain",
                "postalAddress.addressLine2",
                "postalAddress.locality",
                "primaryAdmin.primaryEmail",
                "alternateEmail",
                "phoneNumber"
            ]
        );
        assert_eq!(
            drift.changes()[2],
            Change::PostalAddress {
                field: AddressField::Locality,
                ours: ours.postal_address().unwrap().locality().map(str::to_owned),
                theirs: Some("Lyon".into()),
            }
        );
        let reminder = drift.reminder(Lang::En);
        assert!(reminder.contains("(customerDomain, postalAddress.addressLine2"));
        assert!(reminder.ends_with("organisation address, domain or admin"));
        for change in &drift {
            assert_ne!(change.message(Lang::En), change.message(Lang::Fr));
        }
    }

    #[test]
    fn drift_compares_canonical_values() {
        let ours = ours();
        // Case and white space in the address, case in emails and domains, phone formatting.
        let theirs = with_address(
            AccountSnapshot {
                domain: PrimaryDomain::parse("ACME-Widgets.FR").unwrap(),
                ..ours.clone()
            },
            |raw| {
                raw.address_line1 = format!("  {}  ", raw.address_line1.to_uppercase());
                raw.address_line1 = raw.address_line1.replace(' ', "  ");
            },
        )
        .with_admin_email(EmailAddress::parse("Jeanne.Martin@ACME-widgets.fr").unwrap());
        assert!(
            drift(&ours, &theirs).is_empty(),
            "{:?}",
            drift(&ours, &theirs)
        );
        // What one side does not know is not compared.
        let bare = AccountSnapshot::new(ours.domain().clone());
        assert!(drift(&ours, &bare).is_empty());
        assert!(drift(&bare, &ours).is_empty());
    }

    #[test]
    fn labels_add_the_id_only_on_collisions() {
        let customers = [
            listed("Design Team", "C01"),
            listed("Acme SAS", "C02"),
            listed("DESIGN   team", "C03"),
            listed("Design Teams", "C04"),
            listed("Équipe Été", "C05"),
            listed("équipe été", "C06"),
        ];
        assert_eq!(
            display_labels(&customers),
            [
                "Design Team (C01)",
                "Acme SAS",
                "DESIGN team (C03)",
                "Design Teams",
                "Équipe Été (C05)",
                "équipe été (C06)"
            ]
        );
        assert!(display_labels(&[]).is_empty());
        assert_eq!(display_labels(&customers[1..2]), ["Acme SAS"]);
    }

    #[test]
    fn labels_for_a_large_list() {
        // 100 000 customers: 90 000 distinct names, then 10 000 that repeat every ninth one of
        // them in upper case, so 20 000 labels carry the id.
        let n = 100_000_usize;
        let customers: Vec<ListedCustomer> = (0..n)
            .map(|i| {
                let name = if i < 90_000 {
                    format!("team {i}")
                } else {
                    format!("TEAM {}", (i - 90_000) * 9)
                };
                listed(&name, &format!("C{i:07}"))
            })
            .collect();
        let labels = display_labels(&customers);
        assert_eq!(labels.len(), n);
        let collided = |j: usize| j < 90_000 && j % 9 == 0 && j / 9 < 10_000;
        for (i, label) in labels.iter().enumerate() {
            let shared = if i < 90_000 { collided(i) } else { true };
            let name = customers[i].name.as_str();
            if shared {
                assert_eq!(*label, format!("{name} (C{i:07})"));
            } else {
                assert_eq!(label, name);
            }
        }
        assert_eq!(labels.iter().filter(|l| l.contains('(')).count(), 20_000);
    }

    #[test]
    fn a_customer_listed_many_times_is_numbered_in_linear_work() {
        // 20 000 copies of one customer: numbering from 2 each time would fold and hash 2 * 10^8
        // labels; each copy takes the next number instead.
        let customers = vec![listed("Design Team", "C01"); 20_000];
        let labels = display_labels(&customers);
        assert_eq!(labels[0], "Design Team (C01)");
        assert_eq!(labels[1], "Design Team (C01 #2)");
        assert_eq!(labels[19_999], "Design Team (C01 #20000)");
        // A number that another customer's bare name already shows is skipped.
        let customers = [
            listed("A", "X"),
            listed("A (X #2)", "Y"),
            listed("A", "X"),
            listed("A", "X"),
        ];
        assert_eq!(
            display_labels(&customers),
            ["A (X)", "A (X #2)", "A (X #3)", "A (X #4)"]
        );
    }

    #[test]
    fn ascii_and_unicode_spellings_of_one_name_collide() {
        let listed = |name: &str, id: &str| {
            ListedCustomer::new(
                OrganizationName::parse(name).unwrap(),
                CloudIdentityId::parse(id).unwrap(),
            )
        };
        // U+212A KELVIN SIGN lowercases to an ASCII `k`.
        let customers = [
            listed("\u{212a}elvin Lab", "C1"),
            listed("KELVIN lab", "C2"),
            listed("Ünïcode Lab", "C3"),
            listed("ünïcode lab", "C4"),
            listed("Other", "C5"),
        ];
        assert_eq!(
            display_labels(&customers),
            [
                "\u{212a}elvin Lab (C1)",
                "KELVIN lab (C2)",
                "Ünïcode Lab (C3)",
                "ünïcode lab (C4)",
                "Other"
            ]
        );
    }
}
