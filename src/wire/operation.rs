//! Layer 4, wire. Google's long-running `Operation` (`google.longrunning.Operation`) and error `Status`
//! (`google.rpc.Status`), read leniently and with bounded work.
//!
//! Cloud Channel answers `provisionCloudIdentity` and `entitlements.create` with an
//! [`Operation`]; the caller polls `GET /v1/{name=operations/**}` until it is
//! [done](Operation::is_done), then reads its [error](Operation::error) or its response. A
//! [`Status`] is also the `error` of a Cloud Channel error body (see
//! [`channel::ErrorBody`](super::channel::ErrorBody)).
//!
//! # What is kept
//!
//! Both types keep only what the onboarding journey reads, so a huge or hostile answer costs
//! bounded memory beyond what the serde format itself reads:
//!
//! - text Google wrote for people (`message`, `description`, metadata values) is cut to
//!   [`MAX_TEXT`] bytes; identifiers (`name`, `@type`, `status`, `reason`, `field`, …) longer
//!   than [`MAX_TEXT`] bytes are cut too;
//! - at most [`MAX_DETAILS`] `details`, [`MAX_FIELD_VIOLATIONS`] field violations and
//!   [`MAX_METADATA`] metadata entries are kept; the rest is skipped without being stored;
//! - detail types other than `google.rpc.ErrorInfo` and `google.rpc.BadRequest` are ignored,
//!   and so are fields of an unexpected JSON type inside a detail, the metadata or the
//!   response (they are Google's, not ours to refuse).
//!
//! The readers use `deserialize_any` inside `details`, `metadata` and `response`: read them
//! with a self-describing format (JSON, as Google sends them; CBOR, YAML, … to store them).
//!
//! ```
//! use gws_onboarding::wire::Operation;
//!
//! let op: Operation = serde_json::from_str(r#"{
//!     "name": "operations/abc123",
//!     "metadata": {
//!         "@type": "type.googleapis.com/google.cloud.channel.v1.OperationMetadata",
//!         "operationType": "PROVISION_CLOUD_IDENTITY"
//!     }
//! }"#)?;
//! assert_eq!(op.name(), "operations/abc123");
//! assert!(!op.is_done());
//! assert_eq!(op.operation_type(), Some("PROVISION_CLOUD_IDENTITY"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use serde::Deserializer;

use super::status::{MAX_TEXT, ObjectHead, Status, capped_string, cut};

/// A long-running operation (`google.longrunning.Operation`), as Cloud Channel returns it from
/// `provisionCloudIdentity`, `entitlements.create` and `operations.get`.
///
/// Read leniently: `name` is required (it is what the caller polls); `done` absent is `false`;
/// `metadata` and `response` keep only their `@type`, `operationType` and `name`, and read
/// whatever JSON Google puts there; an `error` is a [`Status`]. An operation with both an
/// `error` and a `response` is read as failed.
///
/// Serialising writes what was kept, so a journey can be stored while the operation is pending
/// and read back (with a self-describing format: `metadata` and `response` are read with
/// `deserialize_any`). The name and any other text are cut to [`MAX_TEXT`] bytes.
///
/// ```
/// use gws_onboarding::wire::Operation;
///
/// let op: Operation = serde_json::from_str(r#"{
///     "name": "operations/abc123",
///     "metadata": {"@type": "type.googleapis.com/google.cloud.channel.v1.OperationMetadata",
///                  "operationType": "PROVISION_CLOUD_IDENTITY"},
///     "done": true,
///     "response": {"@type": "type.googleapis.com/google.cloud.channel.v1.Customer",
///                  "name": "accounts/C012ab3cd/customers/S0a1b2c3d4e5f6g7",
///                  "orgDisplayName": "Acme Widgets SAS"}
/// }"#)?;
/// assert!(op.is_done());
/// assert!(op.error().is_none());
/// assert_eq!(op.response_type(), Some("type.googleapis.com/google.cloud.channel.v1.Customer"));
/// assert_eq!(op.response_name(), Some("accounts/C012ab3cd/customers/S0a1b2c3d4e5f6g7"));
///
/// let stored = serde_json::to_string(&op)?;
/// assert_eq!(serde_json::from_str::<Operation>(&stored)?, op);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Operation {
    #[serde(deserialize_with = "capped_string")]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata: Option<ObjectHead>,
    #[serde(default, deserialize_with = "lenient_bool")]
    done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response: Option<ObjectHead>,
}

/// `done`: `null` reads as `false`.
fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(false))
}

impl Operation {
    /// A pending operation named `name` (as the journey stores one before the first poll),
    /// the name cut to [`MAX_TEXT`] bytes.
    ///
    /// ```
    /// use gws_onboarding::wire::Operation;
    /// let op = Operation::pending("operations/abc123");
    /// assert_eq!(op.name(), "operations/abc123");
    /// assert!(!op.is_done());
    /// ```
    #[must_use]
    pub fn pending(name: &str) -> Self {
        Operation {
            name: cut(name, MAX_TEXT).to_owned(),
            metadata: None,
            done: false,
            error: None,
            response: None,
        }
    }

    /// `name`: what to poll with `GET /v1/{name}` (`operations/…`).
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x"}"#)?;
    /// assert_eq!(op.name(), "operations/x");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `done`: whether the operation has ended (with an error or a response).
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x", "done": true}"#)?;
    /// assert!(op.is_done());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// `error`: why the operation failed, when it did.
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(
    ///     r#"{"name": "operations/x", "done": true, "error": {"code": 9, "message": "Domain not verified"}}"#)?;
    /// assert_eq!(op.error().map(|e| e.code()), Some(9));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn error(&self) -> Option<&Status> {
        self.error.as_ref()
    }

    /// `metadata.operationType`: `PROVISION_CLOUD_IDENTITY`, `CREATE_ENTITLEMENT`, …
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(
    ///     r#"{"name": "operations/x", "metadata": {"operationType": "CREATE_ENTITLEMENT"}}"#)?;
    /// assert_eq!(op.operation_type(), Some("CREATE_ENTITLEMENT"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn operation_type(&self) -> Option<&str> {
        self.metadata.as_ref()?.operation_type.as_deref()
    }

    /// `metadata["@type"]`: the metadata message type.
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x"}"#)?;
    /// assert_eq!(op.metadata_type(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metadata_type(&self) -> Option<&str> {
        self.metadata.as_ref()?.type_url.as_deref()
    }

    /// `response["@type"]`: the type of the result (`…channel.v1.Customer`,
    /// `…channel.v1.Entitlement`), when the operation succeeded.
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x", "done": true,
    ///     "response": {"@type": "type.googleapis.com/google.cloud.channel.v1.Entitlement"}}"#)?;
    /// assert_eq!(op.response_type(), Some("type.googleapis.com/google.cloud.channel.v1.Entitlement"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn response_type(&self) -> Option<&str> {
        self.response.as_ref()?.type_url.as_deref()
    }

    /// `response.name`: the resource the operation made or changed, when Google gave it.
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x", "done": true,
    ///     "response": {"name": "accounts/A1/customers/C1/entitlements/E1"}}"#)?;
    /// assert_eq!(op.response_name(), Some("accounts/A1/customers/C1/entitlements/E1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn response_name(&self) -> Option<&str> {
        self.response.as_ref()?.name.as_deref()
    }

    /// Whether a `response` was given (the operation succeeded, unless it also has an
    /// `error`).
    ///
    /// ```
    /// # use gws_onboarding::wire::Operation;
    /// let op: Operation = serde_json::from_str(r#"{"name": "operations/x", "done": true, "response": {}}"#)?;
    /// assert!(op.has_response());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has_response(&self) -> bool {
        self.response.is_some()
    }
}
