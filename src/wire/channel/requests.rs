//! Layer 4, wire. The other Cloud Channel API requests of the onboarding journey, and the
//! `checkCloudIdentityAccountsExist` answer.
//!
//! | Method | Body | Built by |
//! |---|---|---|
//! | `accounts.checkCloudIdentityAccountsExist` | `{domain, primaryAdminEmail}` | [`check_body`] |
//! | `accounts.customers.provisionCloudIdentity` | `{cloudIdentityInfo, user, validateOnly}` | [`provision_body`] |
//! | `accounts.customers.entitlements.create` | `{entitlement: {offer, parameters, commitmentSettings, purchaseOrderId}, requestId}` | [`CreateEntitlementBody::new`] |
//! | `accounts.customers.import` | `{domain \| cloudIdentityId \| primaryAdminEmail, authToken, overwriteIfExists}` | [`ImportCustomerBody::new`] |
//!
//! Every field sent is an input field of its proto message (`service.proto`,
//! `entitlements.proto`, `customers.proto`): none is `OUTPUT_ONLY`. A test holds the list of
//! input fields of each message and checks the JSON keys against it.

use serde::{Deserialize, Serialize};

use super::super::deserialize_domain;
use super::super::ids::{CustomerName, IdError, RequestId, TransferToken};
use super::super::success::{NotASuccess, present};
use crate::customer::{
    CloudIdentityId, Customer, CustomerKind, Education, InstituteType, PersonName,
};
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::language::LanguageCode;
use crate::order::{OfferName, Plan, PurchaseOrderId};
use crate::phone::PhoneNumber;

/// The body of `checkCloudIdentityAccountsExist`: the domain to look up and, for a team
/// customer, the admin's address (`primaryAdminEmail`, which tells teams of one email domain
/// apart).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
///
/// let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let body = serde_json::to_value(channel::check_body(&team))?;
/// assert_eq!(body, serde_json::json!({
///     "domain": "studio-nord.de", "primaryAdminEmail": "sam.keller@studio-nord.de"}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckAccountsBody {
    #[serde(deserialize_with = "deserialize_domain")]
    domain: PrimaryDomain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    primary_admin_email: Option<EmailAddress>,
}

impl CheckAccountsBody {
    /// `domain`: the domain looked up (for a team, its admin's address domain).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::check_body(&c).domain().as_str(), "studio-nord.de");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &PrimaryDomain {
        &self.domain
    }
}

/// The body of `checkCloudIdentityAccountsExist` for `customer`.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
///
/// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// assert_eq!(serde_json::to_string(&channel::check_body(&c))?, r#"{"domain":"acme-widgets.fr"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn check_body(customer: &Customer) -> CheckAccountsBody {
    CheckAccountsBody {
        domain: customer.domain().clone(),
        primary_admin_email: (customer.kind() == CustomerKind::Team)
            .then(|| customer.admin().email().clone()),
    }
}

/// One entry of the `checkCloudIdentityAccountsExist` answer (`CloudIdentityCustomerAccount`),
/// read leniently: every field may be missing, unknown fields and `*_UNSPECIFIED` values are
/// accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CloudIdentityAccount {
    existing: bool,
    owned: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_cloud_identity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel_partner_cloud_identity_id: Option<String>,
}

impl CloudIdentityAccount {
    /// `existing`: a Cloud Identity account exists for the domain.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"existing": true}"#)?;
    /// assert!(a.existing() && !a.owned());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn existing(&self) -> bool {
        self.existing
    }

    /// `owned`: the account is already one of your customers.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"existing": true, "owned": true}"#)?;
    /// assert!(a.owned());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn owned(&self) -> bool {
        self.owned
    }

    /// `customerName`, checked: your customer's resource name when owned.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(
    ///     r#"{"existing": true, "owned": true, "customerName": "accounts/C1/customers/S2"}"#)?;
    /// assert_eq!(a.customer_name().transpose()?.map(|n| n.customer_id().to_owned()), Some("S2".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `Some(Err(IdError))` when the name is not `accounts/{a}/customers/{c}`.
    #[must_use]
    pub fn customer_name(&self) -> Option<Result<CustomerName, IdError>> {
        non_blank(self.customer_name.as_deref()).map(CustomerName::parse)
    }

    /// `customerCloudIdentityId`, when present and a valid id.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(
    ///     r#"{"existing": true, "customerCloudIdentityId": "C0abc"}"#)?;
    /// assert_eq!(a.cloud_identity_id().map(|id| id.as_str().to_owned()), Some("C0abc".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cloud_identity_id(&self) -> Option<CloudIdentityId> {
        non_blank(self.customer_cloud_identity_id.as_deref())
            .and_then(|id| CloudIdentityId::parse(id).ok())
    }

    /// `customerType`: `Some` for `DOMAIN` or `TEAM`, `None` when absent, unspecified or
    /// unknown.
    ///
    /// ```
    /// use gws_onboarding::{CustomerKind, wire::channel::CloudIdentityAccount};
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"customerType": "TEAM"}"#)?;
    /// assert_eq!(a.customer_type(), Some(CustomerKind::Team));
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"customerType": "CUSTOMER_TYPE_UNSPECIFIED"}"#)?;
    /// assert_eq!(a.customer_type(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_type(&self) -> Option<CustomerKind> {
        match self.customer_type.as_deref() {
            Some("DOMAIN") => Some(CustomerKind::Domain),
            Some("TEAM") => Some(CustomerKind::Team),
            _ => None,
        }
    }

    /// A `customerType` other than `DOMAIN`, `TEAM` and `CUSTOMER_TYPE_UNSPECIFIED` (a value
    /// Google adds), escaped and cut; `None` for those three or when absent.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"customerType": "ENTERPRISE"}"#)?;
    /// assert_eq!(a.customer_type(), None);
    /// assert_eq!(a.unknown_customer_type().as_deref(), Some("ENTERPRISE"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unknown_customer_type(&self) -> Option<String> {
        match non_blank(self.customer_type.as_deref())? {
            "DOMAIN" | "TEAM" | "CUSTOMER_TYPE_UNSPECIFIED" => None,
            other => Some(crate::error::snippet(other)),
        }
    }

    /// `channelPartnerCloudIdentityId`: the partner that holds the account, when Google says.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CloudIdentityAccount;
    /// let a: CloudIdentityAccount = serde_json::from_str(r#"{"channelPartnerCloudIdentityId": "C9"}"#)?;
    /// assert_eq!(a.channel_partner_cloud_identity_id(), Some("C9"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn channel_partner_cloud_identity_id(&self) -> Option<&str> {
        non_blank(self.channel_partner_cloud_identity_id.as_deref())
    }
}

/// `Some(trimmed)` unless absent or blank.
fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The answer of `checkCloudIdentityAccountsExist`, read leniently: a missing
/// `cloudIdentityAccounts` is an empty list (Google leaves empty lists out).
///
/// ```
/// use gws_onboarding::wire::channel::{AccountsReading, CheckAccountsResponse};
///
/// let none: CheckAccountsResponse = serde_json::from_str("{}")?;
/// assert_eq!(none.reading(), AccountsReading::Free);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Proto3 JSON leaves out an empty list, so `{}` is Google's answer when no account exists (the
/// one success reader that accepts an empty object). Google's error body is refused
/// ([`NotASuccess`](crate::wire::NotASuccess)): read as a success, it would say the domain is
/// free.
///
/// ```
/// use gws_onboarding::wire::channel::CheckAccountsResponse;
/// let err = serde_json::from_str::<CheckAccountsResponse>(r#"{"error": {"code": 503}}"#).unwrap_err();
/// assert!(err.to_string().starts_with("the answer is a Google error body"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, remote = "Self")]
pub struct CheckAccountsResponse {
    cloud_identity_accounts: Vec<CloudIdentityAccount>,
    /// A top-level `error`: the JSON is an error body.
    #[serde(rename = "error", deserialize_with = "present", skip_serializing)]
    error_body: bool,
}

impl Serialize for CheckAccountsResponse {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CheckAccountsResponse::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for CheckAccountsResponse {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let found = CheckAccountsResponse::deserialize(deserializer)?;
        NotASuccess::check(
            "a checkCloudIdentityAccountsExist answer",
            found.error_body,
            false,
        )?;
        Ok(found)
    }
}

/// What a `checkCloudIdentityAccountsExist` answer means for the journey (the crate's reading,
/// not Google's words).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AccountsReading {
    /// No Cloud Identity account exists: create the customer.
    Free,
    /// The account is already your customer, under this name.
    Owned(CustomerName),
    /// An account exists that is not yours: import it with the customer's transfer token.
    Elsewhere {
        /// Its Cloud Identity id, when Google gave a valid one (team customers are imported by
        /// it).
        cloud_identity_id: Option<CloudIdentityId>,
        /// Its type, when Google said `DOMAIN` or `TEAM`.
        customer_type: Option<CustomerKind>,
        /// A `customerType` this crate does not know (escaped and cut): the account is then
        /// neither read as a domain nor as a team account.
        unknown_type: Option<String>,
    },
    /// Google says the account is yours but its `customerName` is missing or malformed.
    OwnedUnnamed(Option<IdError>),
}

impl CheckAccountsResponse {
    /// At most this many entries are looked at: a hostile answer costs bounded work.
    pub const MAX_ACCOUNTS: usize = 100;

    /// The entries read (at most [`MAX_ACCOUNTS`](Self::MAX_ACCOUNTS) are used).
    ///
    /// ```
    /// use gws_onboarding::wire::channel::CheckAccountsResponse;
    /// let r: CheckAccountsResponse = serde_json::from_str(r#"{"cloudIdentityAccounts": [{}]}"#)?;
    /// assert_eq!(r.accounts().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn accounts(&self) -> &[CloudIdentityAccount] {
        &self.cloud_identity_accounts
    }

    /// The reading: an owned account wins over one held elsewhere, which wins over none.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{AccountsReading, CheckAccountsResponse};
    ///
    /// let r: CheckAccountsResponse = serde_json::from_str(r#"{"cloudIdentityAccounts": [
    ///     {"existing": true, "owned": false, "customerCloudIdentityId": "C0abc",
    ///      "customerType": "DOMAIN"}]}"#)?;
    /// assert!(matches!(r.reading(), AccountsReading::Elsewhere { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reading(&self) -> AccountsReading {
        let accounts = || {
            self.cloud_identity_accounts
                .iter()
                .take(Self::MAX_ACCOUNTS)
                .filter(|a| a.existing)
        };
        if let Some(owned) = accounts().find(|a| a.owned) {
            return match owned.customer_name() {
                Some(Ok(name)) => AccountsReading::Owned(name),
                Some(Err(e)) => AccountsReading::OwnedUnnamed(Some(e)),
                None => AccountsReading::OwnedUnnamed(None),
            };
        }
        match accounts().next() {
            Some(account) => AccountsReading::Elsewhere {
                cloud_identity_id: account.cloud_identity_id(),
                customer_type: account.customer_type(),
                unknown_type: account.unknown_customer_type(),
            },
            None => AccountsReading::Free,
        }
    }
}

/// `CloudIdentityInfo.CustomerType` of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
enum ProvisionType {
    Domain,
    Team,
}

/// `EduData` of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RequestEduData {
    institute_type: RequestInstituteType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    institute_size: Option<crate::customer::InstituteSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    website: Option<crate::customer::Website>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
enum RequestInstituteType {
    #[serde(rename = "K12")]
    K12,
    #[serde(rename = "UNIVERSITY")]
    University,
}

impl From<&Education> for RequestEduData {
    fn from(education: &Education) -> Self {
        RequestEduData {
            institute_type: match education.institute_type() {
                InstituteType::K12 => RequestInstituteType::K12,
                InstituteType::University => RequestInstituteType::University,
            },
            institute_size: education.size(),
            website: education.website().cloned(),
        }
    }
}

/// `cloudIdentityInfo` of `provisionCloudIdentity`: the customer type, the secondary address,
/// phone, language and education data (the input fields of `CloudIdentityInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProvisionInfo {
    customer_type: ProvisionType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alternate_email: Option<EmailAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<PhoneNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language_code: Option<LanguageCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    edu_data: Option<RequestEduData>,
}

/// `user` (`AdminUser`) of `provisionCloudIdentity`: the super admin (or team admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdminUser {
    email: EmailAddress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    given_name: Option<PersonName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    family_name: Option<PersonName>,
}

/// The body of `customers.provisionCloudIdentity`: where the customer type (`DOMAIN` or
/// `TEAM`) and the education data are set (they are output-only on `Customer`).
/// `validateOnly` is sent only when true.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
///
/// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let body = serde_json::to_value(channel::provision_body(&c))?;
/// assert_eq!(body["cloudIdentityInfo"]["customerType"], "TEAM");
/// assert_eq!(body["user"]["email"], "sam.keller@studio-nord.de");
/// assert!(body.get("validateOnly").is_none());
/// let dry = serde_json::to_value(channel::provision_body(&c).validate_only(true))?;
/// assert_eq!(dry["validateOnly"], true);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionBody {
    cloud_identity_info: ProvisionInfo,
    user: AdminUser,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    validate_only: bool,
}

impl ProvisionBody {
    /// The same body with `validateOnly` set: Google checks it without provisioning.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(channel::provision_body(&c).validate_only(true).is_validate_only());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn validate_only(mut self, yes: bool) -> Self {
        self.validate_only = yes;
        self
    }

    /// `cloudIdentityInfo.customerType`.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::{CustomerKind, wire::channel};
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(channel::provision_body(&c).customer_kind(), CustomerKind::Team);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_kind(&self) -> CustomerKind {
        match self.cloud_identity_info.customer_type {
            ProvisionType::Domain => CustomerKind::Domain,
            ProvisionType::Team => CustomerKind::Team,
        }
    }

    /// Whether `validateOnly` is set.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::wire::channel;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(!channel::provision_body(&c).is_validate_only());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_validate_only(&self) -> bool {
        self.validate_only
    }
}

/// The body of `provisionCloudIdentity` for `customer`.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::wire::channel;
/// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let body = serde_json::to_value(channel::provision_body(&c))?;
/// assert_eq!(body["cloudIdentityInfo"]["alternateEmail"], "it-support@reseller-example.de");
/// assert_eq!(body["user"]["givenName"], "Jeanne");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn provision_body(customer: &Customer) -> ProvisionBody {
    let admin = customer.admin();
    ProvisionBody {
        cloud_identity_info: ProvisionInfo {
            customer_type: match customer.kind() {
                CustomerKind::Domain => ProvisionType::Domain,
                CustomerKind::Team => ProvisionType::Team,
            },
            alternate_email: customer.secondary_email().cloned(),
            phone_number: customer.phone_number().cloned(),
            language_code: customer.language_code().cloned(),
            edu_data: customer.education().map(RequestEduData::from),
        },
        user: AdminUser {
            email: admin.email().clone(),
            given_name: admin.first_name().cloned(),
            family_name: admin.last_name().cloned(),
        },
        validate_only: false,
    }
}

/// The offer of an entitlement: a name from the order, or the `{offer}` placeholder of a plan
/// (the reseller looks the offer up with `listPurchasableOffers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OfferRef {
    /// `accounts/{a}/offers/{o}`.
    Name(OfferName),
    /// `"{offer}"`, to be replaced by the reseller.
    Placeholder(OfferPlaceholder),
}

/// The literal `"{offer}"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OfferPlaceholder;

impl OfferPlaceholder {
    /// `"{offer}"`.
    pub const TEXT: &'static str = "{offer}";
}

impl Serialize for OfferPlaceholder {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(Self::TEXT)
    }
}

impl<'de> Deserialize<'de> for OfferPlaceholder {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        if s == Self::TEXT {
            Ok(OfferPlaceholder)
        } else {
            Err(serde::de::Error::custom("expected \"{offer}\""))
        }
    }
}

/// A `google.protobuf.Value`-like `Value` holding an int64, written as a JSON string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Int64Value {
    #[serde(with = "int64_string")]
    int64_value: u32,
}

/// int64 as a JSON string (proto3 JSON mapping).
mod int64_string {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` signature
    pub(super) fn serialize<S: Serializer>(value: &u32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The name of a Workspace entitlement parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ParameterName {
    /// The seat cap of a flexible (or trial) offer.
    MaxUnits,
    /// The committed seats of a commitment offer.
    NumUnits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Parameter {
    name: ParameterName,
    value: Int64Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
enum PeriodType {
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Period {
    duration: u32,
    period_type: PeriodType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RenewalSettings {
    enable_renewal: bool,
    resize_unit_count: bool,
    payment_plan: PaymentPlan,
    payment_cycle: Period,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
enum PaymentPlan {
    Commitment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommitmentSettings {
    renewal_settings: RenewalSettings,
}

/// An `Entitlement` as sent (`entitlements.create`, `transferEntitlements`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Entitlement {
    offer: OfferRef,
    parameters: Vec<Parameter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    commitment_settings: Option<CommitmentSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purchase_order_id: Option<PurchaseOrderId>,
}

impl Entitlement {
    /// `seats` of `offer` on `plan`: the seat parameter and commitment settings of
    /// [`CreateEntitlementBody`].
    pub(super) fn new(
        offer: OfferRef,
        plan: Plan,
        seats: u32,
        purchase_order_id: Option<&PurchaseOrderId>,
    ) -> Entitlement {
        let (name, commitment) = match plan {
            Plan::AnnualMonthly | Plan::AnnualYearly => {
                let period_type = if plan == Plan::AnnualMonthly {
                    PeriodType::Month
                } else {
                    PeriodType::Year
                };
                let renewal_settings = RenewalSettings {
                    enable_renewal: true,
                    resize_unit_count: false,
                    payment_plan: PaymentPlan::Commitment,
                    payment_cycle: Period {
                        duration: 1,
                        period_type,
                    },
                };
                (
                    ParameterName::NumUnits,
                    Some(CommitmentSettings { renewal_settings }),
                )
            }
            Plan::Flexible | Plan::Trial | Plan::Free => (ParameterName::MaxUnits, None),
        };
        Entitlement {
            offer,
            parameters: vec![Parameter {
                name,
                value: Int64Value { int64_value: seats },
            }],
            commitment_settings: commitment,
            purchase_order_id: purchase_order_id.cloned(),
        }
    }

    /// The offer.
    pub(super) fn offer(&self) -> &OfferRef {
        &self.offer
    }
}

/// The body of `customers.entitlements.create`: the `Entitlement` wrapped in
/// `{"entitlement": …, "requestId": …}` (the http rule's `body: "*"`).
///
/// - `parameters`: one `int64` parameter, written as a JSON string: `max_units` (the seat cap)
///   for a flexible, trial or free plan, `num_units` (the committed seats) for an annual
///   (commitment) plan.
/// - `commitmentSettings.renewalSettings`, for annual plans only: `enableRenewal: true`,
///   `resizeUnitCount: false`, `paymentPlan: COMMITMENT`, `paymentCycle` one `MONTH` (annual,
///   monthly payments) or one `YEAR` (annual, yearly payment). Renewing by default matches the
///   Reseller journey's `AUTO_RENEW_*` default.
/// - `purchaseOrderId` when the order has one; `requestId` when given.
///
/// ```
/// use gws_onboarding::wire::channel::{CreateEntitlementBody, OfferRef};
/// # use gws_onboarding::order::Plan;
///
/// let body = CreateEntitlementBody::new(OfferRef::Placeholder(Default::default()), Plan::Flexible, 25, None);
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({"entitlement": {
///     "offer": "{offer}",
///     "parameters": [{"name": "max_units", "value": {"int64Value": "25"}}]}}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateEntitlementBody {
    entitlement: Entitlement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_id: Option<RequestId>,
}

impl CreateEntitlementBody {
    /// The entitlement for `seats` of `offer` on `plan`.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{CreateEntitlementBody, OfferRef};
    /// # use gws_onboarding::order::Plan;
    /// let body = CreateEntitlementBody::new(OfferRef::Placeholder(Default::default()), Plan::AnnualYearly, 10, None);
    /// let json = serde_json::to_value(&body)?;
    /// assert_eq!(json["entitlement"]["parameters"][0]["name"], "num_units");
    /// assert_eq!(json["entitlement"]["commitmentSettings"]["renewalSettings"]["paymentCycle"]["periodType"], "YEAR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        offer: OfferRef,
        plan: Plan,
        seats: u32,
        purchase_order_id: Option<&PurchaseOrderId>,
    ) -> Self {
        CreateEntitlementBody {
            entitlement: Entitlement::new(offer, plan, seats, purchase_order_id),
            request_id: None,
        }
    }

    /// The same body with a `requestId`, so that a retry is not a second purchase.
    ///
    /// ```
    /// use gws_onboarding::wire::{RequestId, channel::{CreateEntitlementBody, OfferRef}};
    /// # use gws_onboarding::order::Plan;
    /// let body = CreateEntitlementBody::new(OfferRef::Placeholder(Default::default()), Plan::Trial, 5, None)
    ///     .with_request_id(RequestId::parse(RequestId::EXAMPLE)?);
    /// assert_eq!(serde_json::to_value(&body)?["requestId"], RequestId::EXAMPLE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_request_id(mut self, request_id: RequestId) -> Self {
        self.request_id = Some(request_id);
        self
    }

    /// The same body for `offer` (replacing `{offer}` or another offer).
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{CreateEntitlementBody, OfferRef};
    /// # use gws_onboarding::order::{OfferName, Plan};
    /// let body = CreateEntitlementBody::new(OfferRef::Placeholder(Default::default()), Plan::Trial, 5, None)
    ///     .with_offer(OfferName::parse("accounts/C1/offers/O2")?);
    /// assert!(matches!(body.offer(), OfferRef::Name(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_offer(mut self, offer: OfferName) -> Self {
        self.entitlement.offer = OfferRef::Name(offer);
        self
    }

    /// The offer.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{CreateEntitlementBody, OfferRef};
    /// # use gws_onboarding::order::Plan;
    /// let body = CreateEntitlementBody::new(OfferRef::Placeholder(Default::default()), Plan::Trial, 5, None);
    /// assert!(matches!(body.offer(), OfferRef::Placeholder(_)));
    /// ```
    #[must_use]
    pub fn offer(&self) -> &OfferRef {
        &self.entitlement.offer
    }
}

/// How `customers.import` names the account to import (the proto's `customer_identity`
/// oneof: exactly one is sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ImportIdentity {
    /// `domain`: a domain customer's primary domain.
    Domain(#[serde(deserialize_with = "deserialize_domain")] PrimaryDomain),
    /// `cloudIdentityId`: the only identity Google accepts for a team customer.
    CloudIdentityId(CloudIdentityId),
    /// `primaryAdminEmail`: the account's super admin.
    PrimaryAdminEmail(EmailAddress),
}

/// The body of `customers.import` (`ImportCustomerRequest` without `parent`, which is in the
/// path): one identity, the customer's transfer token as `authToken`, and
/// `overwriteIfExists` (required by Google; `true` replaces a customer record of yours that
/// conflicts in domain or region).
///
/// ```
/// use gws_onboarding::wire::{TransferToken, channel::{ImportCustomerBody, ImportIdentity}};
/// use gws_onboarding::customer::CloudIdentityId;
///
/// let body = ImportCustomerBody::new(
///     ImportIdentity::CloudIdentityId(CloudIdentityId::parse("C0abc")?),
///     Some(TransferToken::parse("0a1b2c")?),
///     false,
/// );
/// assert_eq!(serde_json::to_value(&body)?, serde_json::json!({
///     "cloudIdentityId": "C0abc", "authToken": "0a1b2c", "overwriteIfExists": false}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportCustomerBody {
    #[serde(flatten)]
    identity: ImportIdentity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    auth_token: Option<TransferToken>,
    overwrite_if_exists: bool,
}

impl ImportCustomerBody {
    /// The import of the account `identity` names.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{ImportCustomerBody, ImportIdentity};
    /// use gws_onboarding::PrimaryDomain;
    /// let body = ImportCustomerBody::new(ImportIdentity::Domain("acme.fr".parse()?), None, true);
    /// assert_eq!(serde_json::to_string(&body)?, r#"{"domain":"acme.fr","overwriteIfExists":true}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        identity: ImportIdentity,
        auth_token: Option<TransferToken>,
        overwrite_if_exists: bool,
    ) -> Self {
        ImportCustomerBody {
            identity,
            auth_token,
            overwrite_if_exists,
        }
    }

    /// The identity sent.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{ImportCustomerBody, ImportIdentity};
    /// let body = ImportCustomerBody::new(ImportIdentity::Domain("acme.fr".parse()?), None, true);
    /// assert!(matches!(body.identity(), ImportIdentity::Domain(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn identity(&self) -> &ImportIdentity {
        &self.identity
    }
}
