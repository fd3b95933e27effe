//! Layer 6, persist: the limits, the list of codes and the refusal texts every reader shares.

use crate::error::{Diagnostic, Lang};

/// `CODES`: every code of the crate, sorted, listed by `build.rs` from the `fn code` bodies.
pub(super) mod codes {
    include!(concat!(env!("OUT_DIR"), "/codes.rs"));
}

/// The most violations a saved report may hold (a form gives a few dozen at most).
///
/// ```
/// use gws_onboarding::{form::Report, persist::MAX_SAVED_VIOLATIONS};
/// let one = r#"{"field": "domain", "code": "domain.www", "severity": "error", "messages": {"en": "www", "fr": "www"}}"#;
/// let too_many = format!("[{}]", vec![one; MAX_SAVED_VIOLATIONS + 1].join(","));
/// assert!(serde_json::from_str::<Report>(&too_many).is_err());
/// ```
pub const MAX_SAVED_VIOLATIONS: usize = 1000;

/// The longest saved field path, in bytes: room for the path of an unknown JSON key
/// (`form.unknown_field`), an object's name and a quoted key of at most 64 characters, each
/// escaped to at most 10 bytes.
pub(super) const MAX_FIELD_PATH: usize = 704;

/// The longest saved message, in bytes (messages are under 300 characters; an echoed value
/// with escaped characters can make one longer).
pub(super) const MAX_MESSAGE_BYTES: usize = 4096;

/// `field: message [code]`, the English message of one refused value.
pub(super) fn refusal(field: &str, diagnostic: &dyn Diagnostic) -> String {
    format!(
        "{field}: {} [{}]",
        diagnostic.message(Lang::En),
        diagnostic.code()
    )
}

/// Every refusal, joined.
pub(super) fn refusals(list: &[String]) -> String {
    list.join("; ")
}

// ---------------------------------------------------------------------------------------------
// Customer
