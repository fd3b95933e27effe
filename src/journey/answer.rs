//! Layer 5, journey: what the journey is handed: Google's decoded answers, and what it needs
//! from you.

use std::fmt;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::wire::Operation;
use crate::wire::channel::{
    self, CheckAccountsResponse, CustomerPage, EntitlementPage, OfferPage, SkuPage,
    TransferableSkuPage,
};
use crate::wire::directory::{MadeAdmin, UserResource};
use crate::wire::reseller;
use crate::wire::subscription::SubscriptionResource;
use crate::wire::subscription::list::SubscriptionList;

#[cfg(doc)]
use super::Journey;

/// A decoded answer from Google, handed to [`Journey::handle`]. Deserialise the HTTP body
/// with any serde format: a 2xx body into the type [`Step::expects`](crate::journey::Step::expects) names, an error body
/// into [`Answer::ChannelError`] or [`Answer::ResellerError`].
#[derive(Debug, Clone)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)] // an answer is built once and moved into `handle`
pub enum Answer {
    /// `checkCloudIdentityAccountsExist`'s answer.
    CheckAccounts(CheckAccountsResponse),
    /// A Channel `Customer` (`customers.create`, `customers.import`).
    ChannelCustomer(channel::CustomerResource),
    /// A long-running operation (`provisionCloudIdentity`, `entitlements.create`,
    /// `transferEntitlements`, a poll).
    Operation(Operation),
    /// A page of `listPurchasableSkus`.
    Skus(SkuPage),
    /// A page of `listPurchasableOffers` or `listTransferableOffers`.
    Offers(OfferPage),
    /// A page of `listTransferableSkus`.
    TransferableSkus(TransferableSkuPage),
    /// A page of `customers.entitlements.list`.
    Entitlements(EntitlementPage),
    /// A page of `customers.list` (the customers on the journey's domain).
    ChannelCustomers(CustomerPage),
    /// A Channel error body (`google.rpc.Status`), any HTTP status.
    ChannelError(channel::ErrorBody),
    /// A Reseller `Customer` (`customers.get`, `customers.insert`).
    ResellerCustomer(reseller::CustomerResource),
    /// A Reseller `Subscription` (`subscriptions.insert`).
    Subscription(SubscriptionResource),
    /// A Reseller error body, any HTTP status (404 on `customers.get` means free to create);
    /// also the Directory API's errors, which share the Admin SDK format.
    ResellerError(reseller::ErrorBody),
    /// A page of Reseller `subscriptions.list`, with the time it was received: a transfer's
    /// subscriptions expire (`transferabilityExpirationTime`), and the library keeps no clock.
    Subscriptions(SubscriptionList, SystemTime),
    /// The Directory `User` of `users.insert`.
    DirectoryUser(UserResource),
    /// The empty 2xx answer of Directory `users.makeAdmin` ([`MadeAdmin::from_status`]).
    MadeAdmin(MadeAdmin),
}

impl Answer {
    /// Its kind.
    ///
    /// ```
    /// use gws_onboarding::journey::{Answer, AnswerKind};
    /// let answer = Answer::CheckAccounts(serde_json::from_str("{}")?);
    /// assert_eq!(answer.kind(), AnswerKind::CheckAccounts);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> AnswerKind {
        match self {
            Answer::CheckAccounts(_) => AnswerKind::CheckAccounts,
            Answer::ChannelCustomer(_) => AnswerKind::ChannelCustomer,
            Answer::Operation(_) => AnswerKind::Operation,
            Answer::Skus(_) => AnswerKind::Skus,
            Answer::Offers(_) => AnswerKind::Offers,
            Answer::TransferableSkus(_) => AnswerKind::TransferableSkus,
            Answer::Entitlements(_) => AnswerKind::Entitlements,
            Answer::ChannelCustomers(_) => AnswerKind::ChannelCustomers,
            Answer::ChannelError(_) => AnswerKind::ChannelError,
            Answer::ResellerCustomer(_) => AnswerKind::ResellerCustomer,
            Answer::Subscription(_) => AnswerKind::Subscription,
            Answer::ResellerError(_) => AnswerKind::ResellerError,
            Answer::Subscriptions(..) => AnswerKind::Subscriptions,
            Answer::DirectoryUser(_) => AnswerKind::DirectoryUser,
            Answer::MadeAdmin(_) => AnswerKind::MadeAdmin,
        }
    }
}

/// The kinds of [`Answer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnswerKind {
    /// [`Answer::CheckAccounts`].
    CheckAccounts,
    /// [`Answer::ChannelCustomer`].
    ChannelCustomer,
    /// [`Answer::Operation`].
    Operation,
    /// [`Answer::Skus`].
    Skus,
    /// [`Answer::Offers`].
    Offers,
    /// [`Answer::TransferableSkus`].
    TransferableSkus,
    /// [`Answer::Entitlements`].
    Entitlements,
    /// [`Answer::ChannelCustomers`].
    ChannelCustomers,
    /// [`Answer::ChannelError`].
    ChannelError,
    /// [`Answer::ResellerCustomer`].
    ResellerCustomer,
    /// [`Answer::Subscription`].
    Subscription,
    /// [`Answer::ResellerError`].
    ResellerError,
    /// [`Answer::Subscriptions`].
    Subscriptions,
    /// [`Answer::DirectoryUser`].
    DirectoryUser,
    /// [`Answer::MadeAdmin`].
    MadeAdmin,
}

impl AnswerKind {
    /// Every kind.
    pub const ALL: [AnswerKind; 15] = [
        AnswerKind::CheckAccounts,
        AnswerKind::ChannelCustomer,
        AnswerKind::Operation,
        AnswerKind::Skus,
        AnswerKind::Offers,
        AnswerKind::TransferableSkus,
        AnswerKind::Entitlements,
        AnswerKind::ChannelCustomers,
        AnswerKind::ChannelError,
        AnswerKind::ResellerCustomer,
        AnswerKind::Subscription,
        AnswerKind::ResellerError,
        AnswerKind::Subscriptions,
        AnswerKind::DirectoryUser,
        AnswerKind::MadeAdmin,
    ];

    /// What the answer is, in English (Google's type names).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::journey::AnswerKind::Operation.as_str(), "an Operation");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AnswerKind::CheckAccounts => "a CheckCloudIdentityAccountsExistResponse",
            AnswerKind::ChannelCustomer => "a Cloud Channel Customer",
            AnswerKind::Operation => "an Operation",
            AnswerKind::Skus => "a ListPurchasableSkusResponse",
            AnswerKind::Offers => "a list of offers",
            AnswerKind::TransferableSkus => "a ListTransferableSkusResponse",
            AnswerKind::Entitlements => "a ListEntitlementsResponse",
            AnswerKind::ChannelCustomers => "a ListCustomersResponse",
            AnswerKind::ChannelError => "a Cloud Channel error",
            AnswerKind::ResellerCustomer => "a Reseller Customer",
            AnswerKind::Subscription => "a Reseller Subscription",
            AnswerKind::ResellerError => "a Reseller error",
            AnswerKind::Subscriptions => "a Reseller list of Subscriptions",
            AnswerKind::DirectoryUser => "a Directory User",
            AnswerKind::MadeAdmin => "a users.makeAdmin success",
        }
    }

    pub(super) fn french(self) -> &'static str {
        match self {
            AnswerKind::CheckAccounts => "une CheckCloudIdentityAccountsExistResponse",
            AnswerKind::ChannelCustomer => "un Customer Cloud Channel",
            AnswerKind::Operation => "une Operation",
            AnswerKind::Skus => "une ListPurchasableSkusResponse",
            AnswerKind::Offers => "une liste d'offres",
            AnswerKind::TransferableSkus => "une ListTransferableSkusResponse",
            AnswerKind::Entitlements => "une ListEntitlementsResponse",
            AnswerKind::ChannelCustomers => "une ListCustomersResponse",
            AnswerKind::ChannelError => "une erreur Cloud Channel",
            AnswerKind::ResellerCustomer => "un Customer Reseller",
            AnswerKind::Subscription => "une Subscription Reseller",
            AnswerKind::ResellerError => "une erreur Reseller",
            AnswerKind::Subscriptions => "une liste de Subscriptions Reseller",
            AnswerKind::DirectoryUser => "un User Directory",
            AnswerKind::MadeAdmin => "un succès de users.makeAdmin",
        }
    }
}

impl fmt::Display for AnswerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the journey needs from you before it can go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Need {
    /// The customer's transfer token ([`Journey::give_token`]): the account exists and is not
    /// yours.
    TransferToken,
    /// The Channel offer to buy ([`Journey::give_offer`]). The journey chooses the offer
    /// itself from Google's listings; this version never asks for one.
    Offer,
    /// The temporary password of the domain customer's first super admin
    /// ([`Journey::give_admin_password`]), for Directory `users.insert` on the Reseller route.
    /// It is never stored: a journey reloaded at that step asks for it again.
    AdminPassword,
}
