//! Layer 4, wire. The Google API methods of the onboarding journey, named by their discovery-document ids.

use std::fmt;

/// An HTTP method, as the journey's steps use them.
///
/// ```
/// use gws_onboarding::wire::HttpMethod;
/// assert_eq!(HttpMethod::Post.as_str(), "POST");
/// assert_eq!(HttpMethod::Get.to_string(), "GET");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HttpMethod {
    /// `GET`: reads (`customers.get`, polling an operation).
    Get,
    /// `POST`: creates and custom methods (`customers.create`, `:provisionCloudIdentity`, …).
    Post,
}

impl HttpMethod {
    /// `"GET"` or `"POST"`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::wire::HttpMethod::Get.as_str(), "GET");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One Google API method the onboarding journey calls, on either API.
///
/// [`Call::method_id`] is the method's id in Google's discovery document, the name Google's
/// client libraries and logs use; [`Call::http_method`] is its HTTP verb. With the `serde`
/// feature a call (de)serialises as its method id; an unknown id is refused with a message that
/// quotes it cut and escaped.
///
/// ```
/// use gws_onboarding::wire::{Call, HttpMethod};
///
/// assert_eq!(Call::ChannelCustomersCreate.method_id(), "cloudchannel.accounts.customers.create");
/// assert_eq!(Call::ResellerSubscriptionsInsert.method_id(), "reseller.subscriptions.insert");
/// assert_eq!(Call::ChannelOperationsGet.http_method(), HttpMethod::Get);
/// assert_eq!(Call::from_method_id("reseller.customers.insert"), Some(Call::ResellerCustomersInsert));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Call {
    /// `cloudchannel.accounts.checkCloudIdentityAccountsExist`.
    ChannelCheckCloudIdentityAccountsExist,
    /// `cloudchannel.accounts.customers.create`.
    ChannelCustomersCreate,
    /// `cloudchannel.accounts.customers.provisionCloudIdentity`.
    ChannelCustomersProvisionCloudIdentity,
    /// `cloudchannel.accounts.customers.entitlements.create`.
    ChannelEntitlementsCreate,
    /// `cloudchannel.accounts.customers.import`.
    ChannelCustomersImport,
    /// `cloudchannel.operations.get`: polls a long-running operation.
    ChannelOperationsGet,
    /// `cloudchannel.accounts.customers.get`: a customer found yours, read again.
    ChannelCustomersGet,
    /// `cloudchannel.accounts.customers.entitlements.list`: what it already holds.
    ChannelListEntitlements,
    /// `cloudchannel.accounts.customers.list` on the customer's domain: was a
    /// `customers.create` whose answer was lost carried out?
    ChannelListCustomers,
    /// `cloudchannel.accounts.customers.listPurchasableSkus`: the SKUs the customer may buy.
    ChannelListPurchasableSkus,
    /// `cloudchannel.accounts.customers.listPurchasableOffers`: the offers of one SKU.
    ChannelListPurchasableOffers,
    /// `cloudchannel.accounts.listTransferableSkus`: an imported customer's SKUs.
    ChannelListTransferableSkus,
    /// `cloudchannel.accounts.listTransferableOffers`: the offers one of them moves to.
    ChannelListTransferableOffers,
    /// `cloudchannel.accounts.customers.transferEntitlements`.
    ChannelTransferEntitlements,
    /// `reseller.customers.get`.
    ResellerCustomersGet,
    /// `reseller.customers.insert`.
    ResellerCustomersInsert,
    /// `reseller.subscriptions.insert`.
    ResellerSubscriptionsInsert,
    /// `reseller.subscriptions.list`: with `customerAuthToken`, the subscriptions a transfer
    /// takes.
    ResellerSubscriptionsList,
    /// `directory.users.insert` (Admin SDK Directory API): the domain customer's admin.
    DirectoryUsersInsert,
    /// `directory.users.makeAdmin`: makes that user a super admin.
    DirectoryUsersMakeAdmin,
    /// `directory.users.get`: was a `users.insert` whose answer was lost carried out?
    DirectoryUsersGet,
}

impl Call {
    /// Every call, in journey order (Cloud Channel, then Reseller).
    pub const ALL: [Call; 21] = [
        Call::ChannelCheckCloudIdentityAccountsExist,
        Call::ChannelCustomersGet,
        Call::ChannelListEntitlements,
        Call::ChannelCustomersCreate,
        Call::ChannelListCustomers,
        Call::ChannelCustomersProvisionCloudIdentity,
        Call::ChannelListPurchasableSkus,
        Call::ChannelListPurchasableOffers,
        Call::ChannelEntitlementsCreate,
        Call::ChannelCustomersImport,
        Call::ChannelListTransferableSkus,
        Call::ChannelListTransferableOffers,
        Call::ChannelTransferEntitlements,
        Call::ChannelOperationsGet,
        Call::ResellerCustomersGet,
        Call::ResellerCustomersInsert,
        Call::DirectoryUsersInsert,
        Call::DirectoryUsersGet,
        Call::DirectoryUsersMakeAdmin,
        Call::ResellerSubscriptionsList,
        Call::ResellerSubscriptionsInsert,
    ];

    /// The method id in Google's discovery document.
    ///
    /// ```
    /// use gws_onboarding::wire::Call;
    /// assert_eq!(Call::ChannelCustomersImport.method_id(), "cloudchannel.accounts.customers.import");
    /// ```
    #[must_use]
    pub const fn method_id(self) -> &'static str {
        match self {
            Call::ChannelCheckCloudIdentityAccountsExist => {
                "cloudchannel.accounts.checkCloudIdentityAccountsExist"
            }
            Call::ChannelCustomersCreate => "cloudchannel.accounts.customers.create",
            Call::ChannelCustomersProvisionCloudIdentity => {
                "cloudchannel.accounts.customers.provisionCloudIdentity"
            }
            Call::ChannelEntitlementsCreate => {
                "cloudchannel.accounts.customers.entitlements.create"
            }
            Call::ChannelCustomersImport => "cloudchannel.accounts.customers.import",
            Call::ChannelOperationsGet => "cloudchannel.operations.get",
            Call::ChannelCustomersGet => "cloudchannel.accounts.customers.get",
            Call::ChannelListEntitlements => "cloudchannel.accounts.customers.entitlements.list",
            Call::ChannelListCustomers => "cloudchannel.accounts.customers.list",
            Call::ChannelListPurchasableSkus => {
                "cloudchannel.accounts.customers.listPurchasableSkus"
            }
            Call::ChannelListPurchasableOffers => {
                "cloudchannel.accounts.customers.listPurchasableOffers"
            }
            Call::ChannelListTransferableSkus => "cloudchannel.accounts.listTransferableSkus",
            Call::ChannelListTransferableOffers => "cloudchannel.accounts.listTransferableOffers",
            Call::ChannelTransferEntitlements => {
                "cloudchannel.accounts.customers.transferEntitlements"
            }
            Call::ResellerCustomersGet => "reseller.customers.get",
            Call::ResellerCustomersInsert => "reseller.customers.insert",
            Call::ResellerSubscriptionsInsert => "reseller.subscriptions.insert",
            Call::ResellerSubscriptionsList => "reseller.subscriptions.list",
            Call::DirectoryUsersInsert => "directory.users.insert",
            Call::DirectoryUsersMakeAdmin => "directory.users.makeAdmin",
            Call::DirectoryUsersGet => "directory.users.get",
        }
    }

    /// The call with this discovery-document method id.
    ///
    /// ```
    /// use gws_onboarding::wire::Call;
    /// assert_eq!(Call::from_method_id("cloudchannel.operations.get"), Some(Call::ChannelOperationsGet));
    /// assert_eq!(Call::from_method_id("reseller.customers.delete"), None);
    /// ```
    #[must_use]
    pub fn from_method_id(id: &str) -> Option<Call> {
        Call::ALL.into_iter().find(|c| c.method_id() == id)
    }

    /// A method id read like every closed set's name (exact first), with an error that quotes
    /// the input cut and escaped and proposes the nearest ids.
    #[cfg(feature = "serde")]
    fn parse_method_id(id: &str) -> Result<Call, crate::customer::UnknownValue> {
        if let Some(call) = Call::from_method_id(id) {
            return Ok(call);
        }
        crate::names::parse(id, Call::ALL.into_iter().map(|c| (c, c.method_id()))).map_err(
            |suggestions| crate::customer::UnknownValue::new("Google API method", id, suggestions),
        )
    }

    /// The HTTP verb: `GET` for reads and polling, `POST` for everything else.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, HttpMethod};
    /// assert_eq!(Call::ResellerCustomersGet.http_method(), HttpMethod::Get);
    /// assert_eq!(Call::ChannelCustomersCreate.http_method(), HttpMethod::Post);
    /// ```
    #[must_use]
    pub const fn http_method(self) -> HttpMethod {
        match self {
            Call::ChannelOperationsGet
            | Call::ChannelCustomersGet
            | Call::ChannelListEntitlements
            | Call::ChannelListCustomers
            | Call::ChannelListPurchasableSkus
            | Call::ChannelListPurchasableOffers
            | Call::ResellerCustomersGet
            | Call::ResellerSubscriptionsList
            | Call::DirectoryUsersGet => HttpMethod::Get,
            _ => HttpMethod::Post,
        }
    }

    /// Whether sending the call again cannot do anything twice: it only reads (the `GET`s,
    /// `checkCloudIdentityAccountsExist` and the `listTransferable…` listings), or Google
    /// makes it idempotent by its `requestId` (`entitlements.create`,
    /// `transferEntitlements`), or it sets a state rather than adding one (`users.makeAdmin`).
    /// The other calls may have been carried out before an error came back: resending them
    /// could create a second customer, user or subscription.
    ///
    /// ```
    /// use gws_onboarding::wire::Call;
    /// assert!(Call::ChannelEntitlementsCreate.is_safe_to_resend());
    /// assert!(!Call::ChannelCustomersCreate.is_safe_to_resend());
    /// assert!(!Call::ResellerSubscriptionsInsert.is_safe_to_resend());
    /// ```
    #[must_use]
    pub const fn is_safe_to_resend(self) -> bool {
        matches!(
            self,
            Call::ChannelCheckCloudIdentityAccountsExist
                | Call::ChannelEntitlementsCreate
                | Call::ChannelOperationsGet
                | Call::ChannelCustomersGet
                | Call::ChannelListEntitlements
                | Call::ChannelListCustomers
                | Call::ChannelListPurchasableSkus
                | Call::ChannelListPurchasableOffers
                | Call::ChannelListTransferableSkus
                | Call::ChannelListTransferableOffers
                | Call::ChannelTransferEntitlements
                | Call::ResellerCustomersGet
                | Call::ResellerSubscriptionsList
                | Call::DirectoryUsersMakeAdmin
                | Call::DirectoryUsersGet
        )
    }

    /// Whether the call is a Cloud Channel API method (else a Reseller API method, or an
    /// Admin SDK Directory API method of the Reseller route, which shares its error format).
    ///
    /// ```
    /// use gws_onboarding::wire::Call;
    /// assert!(Call::ChannelOperationsGet.is_channel());
    /// assert!(!Call::ResellerCustomersInsert.is_channel());
    /// ```
    #[must_use]
    pub const fn is_channel(self) -> bool {
        !matches!(
            self,
            Call::ResellerCustomersGet
                | Call::ResellerCustomersInsert
                | Call::ResellerSubscriptionsInsert
                | Call::ResellerSubscriptionsList
                | Call::DirectoryUsersInsert
                | Call::DirectoryUsersMakeAdmin
                | Call::DirectoryUsersGet
        )
    }
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.method_id())
    }
}

crate::error::serde_via_str!(Call, method_id, Call::parse_method_id);
