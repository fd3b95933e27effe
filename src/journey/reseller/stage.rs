//! Layer 5, journey: where a Reseller journey stands (its stored stages).

use serde::{Deserialize, Serialize};

use crate::customer::CloudIdentityId;
use crate::wire::subscription::SubscriptionBody;
use crate::wire::{Call, PageToken};

use super::super::channel::stage::{is_zero, is_zero_ms};
use super::super::outcome::Outcome;

/// Where a Reseller journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "stage",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub(crate) enum ResellerStage {
    Get,
    Insert {
        /// How many times the insert was sent again after Google could not answer it.
        #[serde(default)]
        resent: u32,
    },
    /// `customers.get` again, after an insert whose answer says nothing of what Google did
    /// (a retryable error) or that says the customer exists (409, perhaps our own lost
    /// insert): the insert is resent only if the customer is still not there.
    Recheck {
        /// As in `Insert`.
        resent: u32,
        /// The wait before the get, in milliseconds: the insert error's backoff (0 after a 409).
        #[serde(default)]
        delay_ms: u64,
        /// The insert was answered 409: a customer that is not ours is then reported as
        /// Google's conflict (transfer it), on the insert.
        #[serde(default)]
        conflict: bool,
    },
    /// Creating the domain customer's first super admin (Directory `users.insert`); the
    /// password is given by the caller and never stored.
    CreateAdmin {
        customer_id: CloudIdentityId,
        /// How many times `users.insert` was sent again after an answer that said nothing of
        /// what Google did.
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
    },
    /// Looking for the admin (Directory `users.get`) after a `users.insert` whose answer said
    /// nothing of what Google did (a retryable error): found, make it a super admin; not
    /// found (404), insert it again.
    FindAdmin {
        customer_id: CloudIdentityId,
        resent: u32,
        /// The wait before the get, in milliseconds.
        #[serde(default, skip_serializing_if = "is_zero_ms")]
        delay_ms: u64,
    },
    /// Making that user a super admin (Directory `users.makeAdmin`).
    MakeAdmin {
        customer_id: CloudIdentityId,
    },
    /// Listing the subscriptions a transfer moves (`subscriptions.list` with the token), or,
    /// without a token, the subscriptions of a customer found already ours (has it the
    /// order?). `queue` the transfer bodies built so far; `ordered` whether the order's SKU
    /// was listed.
    ListSubscriptions {
        customer_id: CloudIdentityId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        #[serde(default)]
        queue: Vec<SubscriptionBody>,
        #[serde(default)]
        ordered: bool,
    },
    /// Transferring `queue[0]` (`subscriptions.insert` with the token); `moved` the
    /// `subscriptionId`s moved so far; `buy` whether the order is bought afterwards (its SKU
    /// was not among the customer's).
    TransferSubscriptions {
        customer_id: CloudIdentityId,
        queue: Vec<SubscriptionBody>,
        #[serde(default)]
        moved: Vec<String>,
        #[serde(default)]
        buy: bool,
    },
    Subscribe {
        customer_id: CloudIdentityId,
        /// In a transfer, the `subscriptionId`s moved before the order is bought.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        moved: Vec<String>,
        /// How many times the order's `subscriptions.insert` was sent again after an answer
        /// that said nothing of what Google did.
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
    },
    /// Looking for the order among the customer's subscriptions (`subscriptions.list`) after
    /// an order's `subscriptions.insert` answered with a retryable error or 409: held, done;
    /// not, buy it again.
    FindSubscription {
        customer_id: CloudIdentityId,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        moved: Vec<String>,
        resent: u32,
        /// The wait before the first page, in milliseconds.
        #[serde(default, skip_serializing_if = "is_zero_ms")]
        delay_ms: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
    },
    Done {
        outcome: Outcome,
    },
    Stopped {
        call: Call,
        transfer: bool,
    },
}
