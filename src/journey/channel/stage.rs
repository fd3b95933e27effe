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
    /// provisioned? (Perhaps our own earlier journey created it and stopped before.)
    Reread {
        customer: CustomerName,
    },
    /// Listing what that customer holds (`entitlements.list`): has it the order?
    Held {
        customer: CustomerName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page: Option<PageToken>,
        #[serde(default)]
        pages: u32,
    },
    Create,
    Provision {
        customer: CustomerName,
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
    },
    /// `transferEntitlements` of `items`.
    Transfer {
        customer: CustomerName,
        token: TransferToken,
        items: Vec<TransferItem>,
    },
    TransferPending {
        customer: CustomerName,
        operation: OperationName,
        #[serde(default)]
        polls: u32,
        items: Vec<TransferItem>,
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
    },
    /// No single offer fits: stopped, until [`give_offer`](super::super::Journey::give_offer).
    NoOffer {
        customer: CustomerName,
        call: Call,
    },
    Entitle {
        customer: CustomerName,
        /// The offer the journey chose from `listPurchasableOffers`, for an order that names
        /// none (the caller's [`give_offer`](super::super::Journey::give_offer) overrides it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chosen: Option<OfferName>,
    },
    EntitlePending {
        customer: CustomerName,
        operation: OperationName,
        /// The polls answered "not done" so far.
        #[serde(default)]
        polls: u32,
    },
    Done {
        outcome: Outcome,
    },
    Stopped {
        call: Call,
    },
}
