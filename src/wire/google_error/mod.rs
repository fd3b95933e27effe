//! Layer 4, wire. Google's error bodies, both formats, read into the crate's diagnostic vocabulary.
//!
//! - Reseller API: `{"error": {"code", "message", "errors": [{"domain", "reason", "message",
//!   "locationType", "location"}]}}` ([`reseller::ErrorBody`](super::reseller::ErrorBody)).
//! - Cloud Channel API: `{"error": google.rpc.Status}` with `ErrorInfo` and
//!   `BadRequest.fieldViolations` details ([`channel::ErrorBody`](super::channel::ErrorBody));
//!   an [`Operation`](super::Operation)'s `error` is a bare [`Status`].
//!
//! Each becomes one or more [`GoogleError`]s, and through them [`Violation`](crate::Violation)s
//! of a [`Report`], like the form's own: a stable code per [`GoogleErrorKind`], the form field
//! the error concerns when Google names one, and an English or French message that says what
//! the salesperson does next, which depends on the [`Call`] that was answered.

mod bodies;
mod error;
mod fields;
mod kind;
mod retry;

pub use bodies::{ChannelErrorBody, ResellerErrorBody, ResellerErrorItem};
pub use error::GoogleError;
pub use kind::GoogleErrorKind;
pub use retry::{Backoff, Retry};

#[cfg(test)]
mod tests {
    use super::error::quote;
    use super::fields::{FIELD_PATHS, FORM_FIELDS, QUOTE_CHARS, normalise};

    #[test]
    fn normalise_paths() {
        assert_eq!(
            normalise("customer.org_postal_address.address_lines[1]").as_deref(),
            Some("orgPostalAddress.addressLines.1")
        );
        assert_eq!(
            normalise("alternateEmail").as_deref(),
            Some("alternateEmail")
        );
        assert_eq!(normalise("a b"), None);
        assert_eq!(normalise(&"a".repeat(200)), None);
    }

    #[test]
    fn every_form_field_is_reachable() {
        for field in FORM_FIELDS {
            assert!(
                FIELD_PATHS.iter().any(|(_, f)| f == field),
                "{} has no Google path",
                field.path
            );
        }
    }

    #[test]
    fn quote_is_bounded() {
        let q = quote(&"\u{202e}".repeat(1000));
        assert!(q.chars().count() <= QUOTE_CHARS + 1);
        assert!(q.ends_with('…'));
        assert_eq!(quote(" ok "), "ok");
    }
}
