//! Layer 2, values. Email addresses, and the rules between the customer's addresses and its primary domain.
//!
//! An [`EmailAddress`] is a plain `local@domain` mailbox as Google's APIs take it: no display
//! name, no quoted local part, no comment, no IP-literal domain. The domain is mapped with
//! UTS-46 to lowercase A-labels (so `Ｕｓｅｒ@Bücher.DE` and `user@xn--bcher-kva.de` are the same
//! address) and must lie under a known public suffix. The local part is lowercased too: Google
//! Workspace treats addresses case-insensitively.
//!
//! The rules between addresses of the Partner Sales Console help article *Ajouter un client
//! Google Workspace* (Add a Google Workspace customer) are pure functions here:
//! [`check_secondary_email`], [`check_admin_email`] and [`check_distinct`].
//!
//! ```
//! use gws_onboarding::{EmailAddress, PrimaryDomain, email};
//!
//! let primary: PrimaryDomain = "example.fr".parse()?;
//! let admin: EmailAddress = "Jeanne.Martin@Example.FR".parse()?;
//! let secondary: EmailAddress = "it@reseller.de".parse()?;
//! assert_eq!(admin.as_str(), "jeanne.martin@example.fr");
//!
//! email::check_admin_email(&primary, &admin)?;
//! assert_eq!(email::check_secondary_email(&primary, &secondary)?, None);
//! email::check_distinct(&admin, &secondary)?;
//!
//! let bad: EmailAddress = "it@mail.EXAMPLE.fr.".parse()?;
//! let err = email::check_secondary_email(&primary, &bad).unwrap_err();
//! assert_eq!(err.code(), "rule.secondary_in_primary_domain");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod address;
mod compat;
mod error;
mod rules;

pub use address::{EmailAddress, MAX_EMAIL, MAX_EMAIL_INPUT, MAX_LOCAL};
pub use error::{DomainProblem, EmailError, LocalProblem};
pub use rules::{
    MAX_USERNAME, RESERVED_USERNAMES, RuleError, RuleWarning, UsernameProblem, check_admin_email,
    check_distinct, check_secondary_email, check_username,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::PrimaryDomain;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        match EmailAddress::parse(input) {
            Ok(e) => panic!("{input:?} parsed as {e:?}"),
            Err(e) => e.code(),
        }
    }

    #[test]
    fn canonical_forms() {
        for (input, canonical) in [
            ("Jane@Acme.COM", "jane@acme.com"),
            (" jane@acme.com. ", "jane@acme.com"),
            ("o'brien+tag@example.co.uk", "o'brien+tag@example.co.uk"),
            ("a@ＥＸＡＭＰＬＥ。de", "a@example.de"),
            ("a@Bücher.de", "a@xn--bcher-kva.de"),
            ("first.last@sub.example.fr", "first.last@sub.example.fr"),
        ] {
            assert_eq!(
                EmailAddress::parse(input).map(String::from),
                Ok(canonical.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn rejections() {
        assert_eq!(code(""), "email.empty");
        assert_eq!(code("jane"), "email.missing_at");
        assert_eq!(code("a@b@example.com"), "email.multiple_at");
        assert_eq!(code("Jane <jane@example.com>"), "email.display_name");
        assert_eq!(code("\"jane doe\"@example.com"), "email.quoted");
        assert_eq!(code("jane(x)@example.com"), "email.comment");
        assert_eq!(code("jane@[192.0.2.1]"), "email.domain_literal");
        assert_eq!(
            code(&format!("{}@example.com", "a".repeat(65))),
            "email.local_too_long"
        );
        assert_eq!(code("jane..doe@example.com"), "email.invalid_local");
        assert_eq!(code("jané@example.com"), "email.non_ascii_local");
        assert_eq!(code("ja\u{202e}ne@example.com"), "email.unsafe_char");
        assert_eq!(code("jane@exa_mple.com"), "email.domain_invalid");
        assert_eq!(code("jane@192.0.2.1"), "email.domain_ip");
        assert_eq!(code("jane@localhost"), "email.domain_special_use");
        assert_eq!(code("jane@intranet"), "email.domain_single_label");
        assert_eq!(code("jane@example.notatld"), "email.domain_unknown_tld");
        assert_eq!(code("jane@xn--zz.com"), "email.domain_invalid");
        assert_eq!(code(&"a".repeat(20_000_000)), "email.too_long");
        let long = format!(
            "{}@{}.com",
            "a".repeat(64),
            vec!["b".repeat(60); 4].join(".")
        );
        assert_eq!(code(&long), "email.too_long");
    }

    #[test]
    fn rules() {
        let primary = PrimaryDomain::parse("example.fr").unwrap();
        let e = |s: &str| EmailAddress::parse(s).unwrap();
        assert!(check_secondary_email(&primary, &e("x@sub.example.fr")).is_err());
        assert!(
            check_secondary_email(&primary, &e("x@notexample.fr"))
                .unwrap()
                .is_none()
        );
        assert!(check_admin_email(&primary, &e("x@sub.example.fr")).is_err());
        assert_eq!(
            check_username(&"a".repeat(65)),
            Err(UsernameProblem::TooLong(65))
        );
    }

    #[test]
    fn nothing_after_the_at_sign_is_said_plainly() {
        let err = EmailAddress::parse("jane@").unwrap_err();
        assert_eq!(err.code(), "email.domain_invalid");
        assert_eq!(err.to_string(), "the address has no domain after @");
        assert_eq!(
            err.message(Lang::Fr),
            "l'adresse n'a pas de domaine après @"
        );
        let err = EmailAddress::parse("jane@exa_mple.fr").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the domain of the address (\"exa_mple.fr\")")
        );
    }

    #[test]
    fn private_suffix_tenants_are_not_the_same_owner() {
        let rules = crate::DomainRules::new().allow_private_suffix(true);
        let primary = PrimaryDomain::parse_with("acme.github.io", &rules).unwrap();
        let other = EmailAddress::parse("it@other.github.io").unwrap();
        assert_eq!(check_secondary_email(&primary, &other), Ok(None));
        let inside = EmailAddress::parse("it@docs.acme.github.io").unwrap();
        assert!(check_secondary_email(&primary, &inside).is_err());
        let same_owner = PrimaryDomain::parse("shop.acme.co.uk").unwrap();
        let warned =
            check_secondary_email(&same_owner, &EmailAddress::parse("it@acme.co.uk").unwrap());
        assert!(matches!(
            warned,
            Ok(Some(RuleWarning::SecondarySameRegistrable { .. }))
        ));
    }
}
