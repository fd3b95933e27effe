//! Layer 5, journey: where a Channel journey stands (its stored stages).

use serde::{Deserialize, Serialize};

use crate::order::OfferName;
use crate::wire::channel::{ImportIdentity, TransferItem};
use crate::wire::{Call, CustomerName, OperationName, PageToken, SkuName, TransferToken};

use super::super::outcome::Outcome;
use super::offer::OfferTally;

/// A transferable SKU to move, and whether it is the order's product (then bought on the
/// order's plan, seats and purchase order; any other SKU moves to a flexible offer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TransferSku {
    pub(crate) sku: SkuName,
    #[serde(default)]
    pub(crate) ordered: bool,
}

/// Whether a count is 0 (not stored).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
pub(crate) fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Whether a delay is 0 (not stored).
#[allow(clippy::trivially_copy_pass_by_ref)] // likewise
pub(crate) fn is_zero_ms(n: &u64) -> bool {
    *n == 0
}

/// The import a `FindCreated` listing follows: what to send again, with the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Importing {
    pub(crate) identity: ImportIdentity,
    pub(crate) token: TransferToken,
}

/// The most SKUs one journey transfers.
pub(crate) const MAX_TRANSFER_SKUS: usize = 20;

/// Where a Channel journey stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "stage",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub(crate) enum ChannelStage {
    Check,
    /// A customer the check says is yours, read again (`customers.get`): is its Cloud Identity
    /// provisioned? (Perhaps our own earlier journey created it and stopped before.) Also
    /// after a `provisionCloudIdentity` whose answer says nothing of what Google did
    /// (`provisioning`): provisioned, go on; not, provision again.
    Reread {
        customer: CustomerName,
        /// How many times `provisionCloudIdentity` was sent again (0 after the check).
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
        /// The wait before the get, in milliseconds (0: at once).
        #[serde(default, skip_serializing_if = "is_zero_ms")]
        delay_ms: u64,
        /// The read follows a provisioning whose answer was lost.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        provisioning: bool,
    },
    /// Looking for the customer among the account's customers on its domain
    /// (`customers.list`), after a `customers.create` whose answer says nothing of what Google
    /// did (a retryable error), or says it exists (`conflict`: `ALREADY_EXISTS`). Found, go on
    /// with it; not found, create it again (after a conflict: look again, then stop).
    FindCreated {
        /// How many times `customers.create` was sent again, or looked for, so far.
        resent: u32,
        /// The wait before the listing, in milliseconds (0: at once).
        #[serde(default, skip_serializing_if = "is_zero_ms")]
        delay_ms: u64,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        conflict: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        /// Set after a `customers.import` (rather than a create) whose answer was lost: found,
        /// the transfer goes on; not found, the import is sent again.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        import: Option<Importing>,
    },
    /// Listing what that customer holds (`entitlements.list`): has it the order?
    /// Also after an `entitlements.create` answered `ALREADY_EXISTS` (`bought`): perhaps our
    /// own purchase, resent after a lost answer; held, the journey ends created.
    Held {
        customer: CustomerName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        bought: bool,
    },
    Create {
        /// How many times `customers.create` was sent again after an answer that said nothing
        /// of what Google did.
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
    },
    Provision {
        customer: CustomerName,
        /// How many times `provisionCloudIdentity` was sent again, likewise.
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
    },
    ProvisionPending {
        customer: CustomerName,
        operation: OperationName,
        /// The polls answered "not done" so far.
        #[serde(default)]
        polls: u32,
    },
    NeedsToken {
        identity: ImportIdentity,
    },
    Import {
        identity: ImportIdentity,
        token: TransferToken,
        /// How many times `customers.import` was sent again after an answer that said
        /// nothing of what Google did.
        #[serde(default, skip_serializing_if = "is_zero")]
        resent: u32,
    },
    /// Listing the imported customer's transferable SKUs; `skus` the eligible ones so far.
    TransferSkus {
        customer: CustomerName,
        token: TransferToken,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        #[serde(default)]
        skus: Vec<TransferSku>,
    },
    /// Choosing the offer of `skus[0]` (`listTransferableOffers`); `chosen` those chosen for
    /// the SKUs before it.
    TransferOffers {
        customer: CustomerName,
        token: TransferToken,
        skus: Vec<TransferSku>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        #[serde(default)]
        tally: OfferTally,
        #[serde(default)]
        chosen: Vec<TransferItem>,
        /// The order's SKU is not among the customer's: bought after the transfer.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        buy: bool,
    },
    /// `transferEntitlements` of `items`.
    Transfer {
        customer: CustomerName,
        token: TransferToken,
        items: Vec<TransferItem>,
        /// The order's SKU is not among the customer's: bought after the transfer.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        buy: bool,
    },
    TransferPending {
        customer: CustomerName,
        operation: OperationName,
        #[serde(default)]
        polls: u32,
        items: Vec<TransferItem>,
        /// The order's SKU is not among the customer's: bought after the transfer.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        buy: bool,
    },
    /// Looking for the order's SKU among those the customer may buy (`listPurchasableSkus`),
    /// at page `page` (`None`: the first), `pages` read so far.
    FindSku {
        customer: CustomerName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        /// SKUs listed so far, for the report.
        #[serde(default)]
        listed: u32,
        /// After a transfer (`customers.import`): the offers its entitlements moved to, for
        /// the outcome (`Transferred`); `None` for a created customer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        moved: Option<Vec<String>>,
    },
    /// Choosing the offer of `sku` that sells the order's plan (`listPurchasableOffers`).
    FindOffer {
        customer: CustomerName,
        sku: SkuName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
        #[serde(default)]
        tally: OfferTally,
        /// After a transfer (`customers.import`): the offers its entitlements moved to, for
        /// the outcome (`Transferred`); `None` for a created customer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        moved: Option<Vec<String>>,
    },
    /// No single offer fits: stopped, until [`give_offer`](super::super::Journey::give_offer).
    NoOffer {
        customer: CustomerName,
        call: Call,
        /// After a transfer (`customers.import`): the offers its entitlements moved to, for
        /// the outcome (`Transferred`); `None` for a created customer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        moved: Option<Vec<String>>,
    },
    Entitle {
        customer: CustomerName,
        /// The offer the journey chose from `listPurchasableOffers`, for an order that names
        /// none (the caller's [`give_offer`](super::super::Journey::give_offer) overrides it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chosen: Option<OfferName>,
        /// After a transfer (`customers.import`): the offers its entitlements moved to, for
        /// the outcome (`Transferred`); `None` for a created customer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        moved: Option<Vec<String>>,
    },
    EntitlePending {
        customer: CustomerName,
        operation: OperationName,
        /// The polls answered "not done" so far.
        #[serde(default)]
        polls: u32,
        /// After a transfer (`customers.import`): the offers its entitlements moved to, for
        /// the outcome (`Transferred`); `None` for a created customer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        moved: Option<Vec<String>>,
    },
    Done {
        outcome: Outcome,
    },
    Stopped {
        call: Call,
    },
}

impl ChannelStage {
    /// Whether an operation answers this stage's provisioning or purchase (its call, or the
    /// poll of the operation it started).
    pub(crate) fn started(&self) -> Option<Call> {
        match self {
            ChannelStage::Provision { .. } | ChannelStage::ProvisionPending { .. } => {
                Some(Call::ChannelCustomersProvisionCloudIdentity)
            }
            ChannelStage::Entitle { .. } | ChannelStage::EntitlePending { .. } => {
                Some(Call::ChannelEntitlementsCreate)
            }
            _ => None,
        }
    }

    /// The offers a transfer moved, in the stages that buy the order after it.
    pub(crate) fn moved(&self) -> Option<&Vec<String>> {
        match self {
            ChannelStage::FindSku { moved, .. }
            | ChannelStage::FindOffer { moved, .. }
            | ChannelStage::NoOffer { moved, .. }
            | ChannelStage::Entitle { moved, .. }
            | ChannelStage::EntitlePending { moved, .. } => moved.as_ref(),
            _ => None,
        }
    }
}
