//! Layer 2, values. Conversions between [`EmailAddress`] and the `email_address` crate's type, for services that
//! already use it.
//!
//! - Ours into theirs is infallible: every address this crate accepts is accepted by
//!   `email_address` too, with the same local part and domain (a differential property test,
//!   `tests/email_oracle.rs`, checks it over generated addresses and the test suites in
//!   `tests/data/`).
//! - Theirs into ours goes through [`EmailAddress::parse`], so all of this crate's checks apply
//!   and a refusal is a typed [`EmailError`]: `email_address` accepts more (quoted local parts,
//!   domain literals, display text, single-label domains, unknown top-level domains, non-ASCII
//!   local parts) than Google's APIs take.
//!
//! ```
//! use gws_onboarding::EmailAddress;
//!
//! let ours = EmailAddress::parse("Jeanne.Martin@Acme.fr")?;
//! let theirs = email_address::EmailAddress::from(&ours);
//! assert_eq!(theirs.as_str(), "jeanne.martin@acme.fr");
//! assert_eq!(EmailAddress::try_from(theirs)?, ours);
//!
//! let quoted: email_address::EmailAddress = "\"jeanne martin\"@acme.fr".parse()?;
//! let err = EmailAddress::try_from(&quoted).unwrap_err();
//! assert_eq!(err.code(), "email.quoted");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{EmailAddress, EmailError};

/// Ours into `email_address`'s: the canonical address (lowercase local part, A-label domain).
///
/// ```
/// let ours = gws_onboarding::EmailAddress::parse("A@Bücher.DE")?;
/// let theirs: email_address::EmailAddress = ours.into();
/// assert_eq!(theirs.local_part(), "a");
/// assert_eq!(theirs.domain(), "xn--bcher-kva.de");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl From<EmailAddress> for email_address::EmailAddress {
    fn from(address: EmailAddress) -> Self {
        // Valid for `email_address` by construction: a dot-atom local part of at most 64
        // octets, `@`, a domain of LDH labels with a dot (tests/email_oracle.rs checks it).
        email_address::EmailAddress::new_unchecked(String::from(address))
    }
}

/// Ours into `email_address`'s, from a reference.
///
/// ```
/// let ours = gws_onboarding::EmailAddress::parse("it@reseller.de")?;
/// assert_eq!(email_address::EmailAddress::from(&ours).as_str(), ours.as_str());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl From<&EmailAddress> for email_address::EmailAddress {
    fn from(address: &EmailAddress) -> Self {
        email_address::EmailAddress::new_unchecked(address.as_str())
    }
}

/// `email_address`'s into ours, through every check of [`EmailAddress::parse`]; display text
/// (`Jeanne <jeanne@acme.fr>`) is refused as [`EmailError::DisplayName`], as in a form.
///
/// ```
/// use gws_onboarding::EmailAddress;
///
/// let theirs: email_address::EmailAddress = "Jeanne@ACME.fr".parse()?;
/// assert_eq!(EmailAddress::try_from(theirs)?.as_str(), "jeanne@acme.fr");
///
/// let single_label: email_address::EmailAddress = "jeanne@intranet".parse()?;
/// let err = EmailAddress::try_from(single_label).unwrap_err();
/// assert_eq!(err.code(), "email.domain_single_label");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<email_address::EmailAddress> for EmailAddress {
    type Error = EmailError;

    fn try_from(address: email_address::EmailAddress) -> Result<Self, Self::Error> {
        EmailAddress::parse(address.as_str())
    }
}

/// `email_address`'s into ours, from a reference, through every check of
/// [`EmailAddress::parse`].
///
/// ```
/// use gws_onboarding::EmailAddress;
///
/// let theirs: email_address::EmailAddress = "jeanne@[192.0.2.1]".parse()?;
/// assert_eq!(EmailAddress::try_from(&theirs).unwrap_err().code(), "email.domain_literal");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl TryFrom<&email_address::EmailAddress> for EmailAddress {
    type Error = EmailError;

    fn try_from(address: &email_address::EmailAddress) -> Result<Self, Self::Error> {
        EmailAddress::parse(address.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_round_trip_and_keep_the_parts() {
        for input in [
            "a@b.com",
            "O'Brien+crm@Mail.Example-Corp.co.uk",
            "x@bücher.de",
        ] {
            let ours = EmailAddress::parse(input).unwrap();
            let theirs = email_address::EmailAddress::from(ours.clone());
            assert_eq!(theirs.local_part(), ours.local_part());
            assert_eq!(theirs.domain(), ours.domain());
            assert_eq!(EmailAddress::try_from(&theirs), Ok(ours.clone()));
            assert_eq!(EmailAddress::try_from(theirs), Ok(ours));
        }
    }

    #[test]
    fn what_google_refuses_is_refused_with_a_typed_error() {
        let theirs = email_address::EmailAddress::new_unchecked("Jeanne <jeanne@acme.fr>");
        assert!(matches!(
            EmailAddress::try_from(&theirs),
            Err(EmailError::DisplayName { .. })
        ));
        let theirs = email_address::EmailAddress::new_unchecked("jeanne@acme.zzzz");
        assert_eq!(
            EmailAddress::try_from(theirs).unwrap_err().code(),
            "email.domain_unknown_tld"
        );
    }
}
