//! Layer 4, wire: what a success reader refuses. JSON handed to the reader of a resource that
//! is Google's error body, or an object with none of the resource's fields, is not an answer
//! to act on: read as a success, `{"error": {"code": 403}}` would be a subscription with no
//! id, or a domain with no Cloud Identity account.

use serde::{Deserialize as _, Deserializer};

use crate::error::Lang;

/// Why JSON handed to a success reader is not a success. The readers give it as their serde
/// error (its `Display` text is the error's message), so the JSON is refused where it is read.
///
/// ```
/// use gws_onboarding::wire::subscription::SubscriptionResource;
/// use gws_onboarding::wire::NotASuccess;
///
/// let err = serde_json::from_str::<SubscriptionResource>(r#"{"error": {"code": 403, "message": "Forbidden"}}"#).unwrap_err();
/// let expected = NotASuccess::ErrorBody { expected: "a Reseller Subscription" };
/// assert!(err.to_string().starts_with(&expected.to_string()));
/// assert_eq!(expected.code(), "answer.error_body");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NotASuccess {
    /// The JSON has a top-level `error` object: it is Google's error body, to read with
    /// [`GoogleError`](crate::wire::GoogleError).
    #[error("the answer is a Google error body, not {expected}: read it as a GoogleError")]
    ErrorBody {
        /// What the reader reads ("a Reseller Subscription").
        expected: &'static str,
    },
    /// The JSON is an object with none of the resource's fields.
    #[error("the answer has none of the fields of {expected}")]
    Empty {
        /// What the reader reads.
        expected: &'static str,
    },
}

impl NotASuccess {
    /// The stable code: `answer.error_body` or `answer.empty`.
    ///
    /// ```
    /// use gws_onboarding::wire::NotASuccess;
    /// assert_eq!(NotASuccess::Empty { expected: "a Cloud Channel Customer" }.code(), "answer.empty");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            NotASuccess::ErrorBody { .. } => "answer.error_body",
            NotASuccess::Empty { .. } => "answer.empty",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::NotASuccess};
    /// let err = NotASuccess::Empty { expected: "a Cloud Channel Customer" };
    /// assert_eq!(err.message(Lang::Fr), "la réponse n'a aucun des champs attendus (a Cloud Channel Customer)");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (NotASuccess::ErrorBody { expected }, _) => format!(
                "la réponse est un corps d'erreur de Google, pas {expected} : lisez-la comme une GoogleError"
            ),
            (NotASuccess::Empty { expected }, _) => {
                format!("la réponse n'a aucun des champs attendus ({expected})")
            }
        }
    }

    /// The refusal, as the reader's serde error, of an error body or of an object with none of
    /// the resource's fields.
    pub(crate) fn check<E: serde::de::Error>(
        expected: &'static str,
        error_body: bool,
        empty: bool,
    ) -> Result<(), E> {
        if error_body {
            return Err(E::custom(NotASuccess::ErrorBody { expected }));
        }
        if empty {
            return Err(E::custom(NotASuccess::Empty { expected }));
        }
        Ok(())
    }
}

crate::error::impl_diagnostic!(NotASuccess);

/// Deserialises the top-level `error` key of a success resource as `true`, whatever it holds
/// (its presence is what marks an error body).
pub(crate) fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| true)
}
