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

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::status::{Detail, LenientStr, MAX_TEXT, Status, cut, deserialize_details};
use super::{Call, WireError};
use crate::error::{Diagnostic, Lang, Severity, is_unsafe_char};
use crate::report::Report;

/// The most characters of Google's own text a message quotes.
const QUOTE_CHARS: usize = 64;
/// The most entries of a Reseller `errors` list kept.
pub(super) const MAX_ERRORS: usize = 16;
/// The most bytes of Google's text searched for a field name.
const SCAN_BYTES: usize = 512;
/// The longest field path mapped to a form field.
const MAX_PATH: usize = 128;

/// What kind of error Google answered, whichever API and format it came in.
///
/// | Kind | Code | Reseller API | Cloud Channel API (`status`, gRPC code) |
/// |---|---|---|---|
/// | `AlreadyExists` | `google.already_exists` | 409; reason `duplicate`, `conflict`, `alreadyExists` | `ALREADY_EXISTS` (6) |
/// | `Invalid` | `google.invalid` | 400; reason `invalid`, `badRequest`, `required`, `invalidParameter`, `parseError` | `INVALID_ARGUMENT` (3), `OUT_OF_RANGE` (11) |
/// | `FailedPrecondition` | `google.failed_precondition` | 412; reason `conditionNotMet` | `FAILED_PRECONDITION` (9) |
/// | `NotFound` | `google.not_found` | 404; reason `notFound` | `NOT_FOUND` (5) |
/// | `PermissionDenied` | `google.permission_denied` | 403; reason `forbidden`, `insufficientPermissions` | `PERMISSION_DENIED` (7) |
/// | `Unauthenticated` | `google.unauthenticated` | 401; reason `authError` | `UNAUTHENTICATED` (16) |
/// | `QuotaExceeded` | `google.quota_exceeded` | 429; reason `quotaExceeded`, `rateLimitExceeded`, `userRateLimitExceeded`, `dailyLimitExceeded` | `RESOURCE_EXHAUSTED` (8) |
/// | `Unavailable` | `google.unavailable` | 500, 502, 503, 504; reason `backendError`, `internalError` | `UNAVAILABLE` (14), `DEADLINE_EXCEEDED` (4), `INTERNAL` (13), `ABORTED` (10) |
/// | `Other` | `google.other` | anything else | anything else (`UNKNOWN`, `CANCELLED`, a name this crate does not know, …) |
///
/// A Reseller reason this crate does not know falls back to the HTTP code; a Channel `status`
/// name it does not know is `Other` (the HTTP code is used only when `status` is absent).
///
/// ```
/// use gws_onboarding::wire::GoogleErrorKind;
/// assert_eq!(GoogleErrorKind::from_status("ALREADY_EXISTS"), GoogleErrorKind::AlreadyExists);
/// assert_eq!(GoogleErrorKind::from_code(409), GoogleErrorKind::AlreadyExists);
/// assert_eq!(GoogleErrorKind::from_code(6), GoogleErrorKind::AlreadyExists);
/// assert_eq!(GoogleErrorKind::from_status("NEW_THING"), GoogleErrorKind::Other);
/// assert_eq!(GoogleErrorKind::Invalid.code(), "google.invalid");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GoogleErrorKind {
    /// The customer, account, admin address or subscription already exists.
    AlreadyExists,
    /// A value of the request is invalid.
    Invalid,
    /// The request does not fit the customer's state (domain not verified, prerequisite
    /// product missing, …).
    FailedPrecondition,
    /// The customer or resource does not exist.
    NotFound,
    /// The reseller may not do this (not its customer, reseller access disabled, missing
    /// permission).
    PermissionDenied,
    /// The reseller's credentials were refused.
    Unauthenticated,
    /// Too many requests: retry later.
    QuotaExceeded,
    /// Google could not answer now: retry later.
    Unavailable,
    /// Anything else, including reasons and statuses this crate does not know.
    Other,
}

impl GoogleErrorKind {
    /// Every kind, in the order of the table above.
    pub const ALL: [GoogleErrorKind; 9] = [
        GoogleErrorKind::AlreadyExists,
        GoogleErrorKind::Invalid,
        GoogleErrorKind::FailedPrecondition,
        GoogleErrorKind::NotFound,
        GoogleErrorKind::PermissionDenied,
        GoogleErrorKind::Unauthenticated,
        GoogleErrorKind::QuotaExceeded,
        GoogleErrorKind::Unavailable,
        GoogleErrorKind::Other,
    ];

    /// The stable code of a [`GoogleError`] of this kind.
    ///
    /// ```
    /// use gws_onboarding::wire::GoogleErrorKind;
    /// assert_eq!(GoogleErrorKind::AlreadyExists.code(), "google.already_exists");
    /// ```
    #[must_use]
    #[allow(clippy::trivially_copy_pass_by_ref)] // `&self`, like every `code` of the crate
    pub const fn code(&self) -> &'static str {
        match self {
            GoogleErrorKind::AlreadyExists => "google.already_exists",
            GoogleErrorKind::Invalid => "google.invalid",
            GoogleErrorKind::FailedPrecondition => "google.failed_precondition",
            GoogleErrorKind::NotFound => "google.not_found",
            GoogleErrorKind::PermissionDenied => "google.permission_denied",
            GoogleErrorKind::Unauthenticated => "google.unauthenticated",
            GoogleErrorKind::QuotaExceeded => "google.quota_exceeded",
            GoogleErrorKind::Unavailable => "google.unavailable",
            GoogleErrorKind::Other => "google.other",
        }
    }

    /// The kind of a canonical status name (`INVALID_ARGUMENT`, …, any ASCII case); `Other`
    /// for a name this crate does not know.
    ///
    /// ```
    /// use gws_onboarding::wire::GoogleErrorKind;
    /// assert_eq!(GoogleErrorKind::from_status("RESOURCE_EXHAUSTED"), GoogleErrorKind::QuotaExceeded);
    /// assert_eq!(GoogleErrorKind::from_status("\u{202e}"), GoogleErrorKind::Other);
    /// ```
    #[must_use]
    pub fn from_status(status: &str) -> Self {
        const TABLE: [(&str, GoogleErrorKind); 13] = [
            ("INVALID_ARGUMENT", GoogleErrorKind::Invalid),
            ("OUT_OF_RANGE", GoogleErrorKind::Invalid),
            ("FAILED_PRECONDITION", GoogleErrorKind::FailedPrecondition),
            ("NOT_FOUND", GoogleErrorKind::NotFound),
            ("ALREADY_EXISTS", GoogleErrorKind::AlreadyExists),
            ("PERMISSION_DENIED", GoogleErrorKind::PermissionDenied),
            ("UNAUTHENTICATED", GoogleErrorKind::Unauthenticated),
            ("RESOURCE_EXHAUSTED", GoogleErrorKind::QuotaExceeded),
            ("UNAVAILABLE", GoogleErrorKind::Unavailable),
            ("DEADLINE_EXCEEDED", GoogleErrorKind::Unavailable),
            ("INTERNAL", GoogleErrorKind::Unavailable),
            ("ABORTED", GoogleErrorKind::Unavailable),
            ("UNKNOWN", GoogleErrorKind::Other),
        ];
        let status = status.trim();
        TABLE
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(status))
            .map_or(GoogleErrorKind::Other, |&(_, kind)| kind)
    }

    /// The kind of a numeric code: an HTTP status from 100 to 599, else a gRPC code (0 to 16).
    ///
    /// ```
    /// use gws_onboarding::wire::GoogleErrorKind;
    /// assert_eq!(GoogleErrorKind::from_code(412), GoogleErrorKind::FailedPrecondition);
    /// assert_eq!(GoogleErrorKind::from_code(9), GoogleErrorKind::FailedPrecondition);
    /// assert_eq!(GoogleErrorKind::from_code(418), GoogleErrorKind::Other);
    /// ```
    #[must_use]
    pub const fn from_code(code: i32) -> Self {
        match code {
            400 | 3 | 11 => GoogleErrorKind::Invalid,
            401 | 16 => GoogleErrorKind::Unauthenticated,
            403 | 7 => GoogleErrorKind::PermissionDenied,
            404 | 5 => GoogleErrorKind::NotFound,
            409 | 6 => GoogleErrorKind::AlreadyExists,
            412 | 9 => GoogleErrorKind::FailedPrecondition,
            429 | 8 => GoogleErrorKind::QuotaExceeded,
            500 | 502 | 503 | 504 | 14 | 4 | 13 | 10 => GoogleErrorKind::Unavailable,
            _ => GoogleErrorKind::Other,
        }
    }

    /// The kind of a Reseller API `reason`, when this crate knows the reason.
    ///
    /// ```
    /// use gws_onboarding::wire::GoogleErrorKind;
    /// assert_eq!(GoogleErrorKind::from_reseller_reason("conditionNotMet"), Some(GoogleErrorKind::FailedPrecondition));
    /// assert_eq!(GoogleErrorKind::from_reseller_reason("somethingNew"), None);
    /// ```
    #[must_use]
    pub fn from_reseller_reason(reason: &str) -> Option<Self> {
        const TABLE: [(&str, GoogleErrorKind); 18] = [
            ("invalid", GoogleErrorKind::Invalid),
            ("badRequest", GoogleErrorKind::Invalid),
            ("required", GoogleErrorKind::Invalid),
            ("invalidParameter", GoogleErrorKind::Invalid),
            ("parseError", GoogleErrorKind::Invalid),
            ("notFound", GoogleErrorKind::NotFound),
            ("forbidden", GoogleErrorKind::PermissionDenied),
            ("insufficientPermissions", GoogleErrorKind::PermissionDenied),
            ("duplicate", GoogleErrorKind::AlreadyExists),
            ("conflict", GoogleErrorKind::AlreadyExists),
            ("alreadyExists", GoogleErrorKind::AlreadyExists),
            ("conditionNotMet", GoogleErrorKind::FailedPrecondition),
            ("quotaExceeded", GoogleErrorKind::QuotaExceeded),
            ("rateLimitExceeded", GoogleErrorKind::QuotaExceeded),
            ("userRateLimitExceeded", GoogleErrorKind::QuotaExceeded),
            ("dailyLimitExceeded", GoogleErrorKind::QuotaExceeded),
            ("backendError", GoogleErrorKind::Unavailable),
            ("authError", GoogleErrorKind::Unauthenticated),
        ];
        let reason = reason.trim();
        TABLE
            .iter()
            .find(|(name, _)| *name == reason)
            .map(|&(_, kind)| kind)
            .or_else(|| (reason == "internalError").then_some(GoogleErrorKind::Unavailable))
    }
}

impl fmt::Display for GoogleErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A form field a Google error can concern: its path and its words in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct FormField {
    path: &'static str,
    en: &'static str,
    fr: &'static str,
}

macro_rules! form_fields {
    ($($name:ident = $path:literal, $en:literal, $fr:literal;)*) => {
        $(const $name: FormField = FormField { path: $path, en: $en, fr: $fr };)*
        /// Every form field a Google error can be mapped to.
        /// What Google's `Status` means: its kind, and the violations it gives.
impl Status {
    /// What kind of error this is: from `status` when present (an unknown name is
    /// [`GoogleErrorKind::Other`]), else from `code` (an HTTP status from 100 to 599, else a
    /// gRPC code).
    ///
    /// ```
    /// use gws_onboarding::wire::{GoogleErrorKind, Status};
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "FAILED_PRECONDITION"}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::FailedPrecondition);
    /// let s: Status = serde_json::from_str(r#"{"code": 429}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::QuotaExceeded);
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "SOMETHING_NEW"}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::Other);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        match self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(status) => GoogleErrorKind::from_status(status),
            None => GoogleErrorKind::from_code(self.code),
        }
    }

    /// The error as form violations, for the answer to `call`: one per field violation, or
    /// one for the whole status when Google names no field. See
    /// [`GoogleError`] for the codes, fields and messages.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, Status};
    ///
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "INVALID_ARGUMENT",
    ///     "message": "Request contains an invalid argument.",
    ///     "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
    ///         {"field": "customer.org_display_name", "description": "Required"},
    ///         {"field": "customer.alternate_email", "description": "Invalid email"}]}]}"#)?;
    /// let report = s.to_report(Call::ChannelCustomersCreate);
    /// let fields: Vec<&str> = report.iter().map(|v| v.field()).collect();
    /// assert_eq!(fields, ["organizationName", "secondaryEmail"]);
    /// assert!(report.codes().all(|c| c == "google.invalid"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_report(&self, call: Call) -> Report {
        let mut report = Report::default();
        for error in from_status(self, call) {
            report.push(error.form_field().unwrap_or(""), error);
        }
        report
    }
}

#[cfg(test)]
        const FORM_FIELDS: &[FormField] = &[$($name),*];
    };
}

form_fields! {
    DOMAIN = "domain", "the primary domain", "le domaine principal";
    SECONDARY_EMAIL = "secondaryEmail", "the secondary email address", "l'adresse e-mail secondaire";
    ADMIN_EMAIL = "admin.email", "the admin's email address", "l'adresse e-mail de l'administrateur";
    ADMIN_FIRST_NAME = "admin.firstName", "the admin's first name", "le prénom de l'administrateur";
    ADMIN_LAST_NAME = "admin.lastName", "the admin's last name", "le nom de l'administrateur";
    ORGANIZATION_NAME = "organizationName", "the organisation name", "le nom de l'organisation";
    PHONE_NUMBER = "phoneNumber", "the phone number", "le numéro de téléphone";
    LANGUAGE_CODE = "languageCode", "the language", "la langue";
    CRM_ID = "crmId", "the CRM id", "l'identifiant CRM";
    CUSTOMER_TYPE = "customerType", "the customer type", "le type de client";
    INSTITUTE_TYPE = "educationalInstitution.instituteType", "the type of institution", "le type d'établissement";
    INSTITUTE_SIZE = "educationalInstitution.instituteSize", "the size of the institution", "la taille de l'établissement";
    INSTITUTE_WEBSITE = "educationalInstitution.website", "the institution's website", "le site web de l'établissement";
    CONTACT_NAME = "postalAddress.contactName", "the contact name", "le nom du contact";
    ADDRESS_ORGANIZATION = "postalAddress.organizationName", "the organisation name of the address", "le nom de l'organisation dans l'adresse";
    ADDRESS_LINE1 = "postalAddress.addressLine1", "the address", "l'adresse";
    ADDRESS_LINE2 = "postalAddress.addressLine2", "the address's second line", "la deuxième ligne de l'adresse";
    ADDRESS_LINE3 = "postalAddress.addressLine3", "the address's third line", "la troisième ligne de l'adresse";
    LOCALITY = "postalAddress.locality", "the city", "la ville";
    REGION = "postalAddress.region", "the region", "la région";
    POSTAL_CODE = "postalAddress.postalCode", "the postal code", "le code postal";
    COUNTRY_CODE = "postalAddress.countryCode", "the country", "le pays";
    ORDER_PRODUCT = "order.product", "the product ordered", "le produit commandé";
    ORDER_SEATS = "order.seats", "the number of licences", "le nombre de licences";
    ORDER_PLAN = "order.plan", "the plan", "le forfait";
    ORDER_PURCHASE_ORDER = "order.purchaseOrderId", "the purchase order number", "le numéro de bon de commande";
    ORDER_DEAL_CODE = "order.dealCode", "the deal code", "le code de l'offre négociée";
    ORDER_OFFER = "order.offer", "the Channel offer", "l'offre Channel";
}

/// Google's field paths (camelCase, after [`normalise`]) and the form field each concerns:
/// Reseller `location`s and Cloud Channel `fieldViolations[].field`s.
const FIELD_PATHS: &[(&str, FormField)] = &[
    // Both APIs.
    ("alternateEmail", SECONDARY_EMAIL),
    ("phoneNumber", PHONE_NUMBER),
    ("customerType", CUSTOMER_TYPE),
    ("purchaseOrderId", ORDER_PURCHASE_ORDER),
    // Reseller API.
    ("customerDomain", DOMAIN),
    ("primaryAdmin.primaryEmail", ADMIN_EMAIL),
    ("primaryAdmin", ADMIN_EMAIL),
    ("postalAddress.contactName", CONTACT_NAME),
    ("postalAddress.organizationName", ADDRESS_ORGANIZATION),
    ("postalAddress.addressLine1", ADDRESS_LINE1),
    ("postalAddress.addressLine2", ADDRESS_LINE2),
    ("postalAddress.addressLine3", ADDRESS_LINE3),
    ("postalAddress.locality", LOCALITY),
    ("postalAddress.region", REGION),
    ("postalAddress.postalCode", POSTAL_CODE),
    ("postalAddress.countryCode", COUNTRY_CODE),
    ("skuId", ORDER_PRODUCT),
    ("plan.planName", ORDER_PLAN),
    ("plan", ORDER_PLAN),
    ("seats.numberOfSeats", ORDER_SEATS),
    ("seats.maximumNumberOfSeats", ORDER_SEATS),
    ("seats", ORDER_SEATS),
    ("dealCode", ORDER_DEAL_CODE),
    // Cloud Channel API.
    ("domain", DOMAIN),
    ("orgDisplayName", ORGANIZATION_NAME),
    ("languageCode", LANGUAGE_CODE),
    ("correlationId", CRM_ID),
    ("primaryAdminEmail", ADMIN_EMAIL),
    ("primaryContactInfo.email", ADMIN_EMAIL),
    ("primaryContactInfo.firstName", ADMIN_FIRST_NAME),
    ("primaryContactInfo.lastName", ADMIN_LAST_NAME),
    ("primaryContactInfo.phone", PHONE_NUMBER),
    ("primaryContactInfo", ADMIN_EMAIL),
    ("orgPostalAddress.regionCode", COUNTRY_CODE),
    ("orgPostalAddress.postalCode", POSTAL_CODE),
    ("orgPostalAddress.administrativeArea", REGION),
    ("orgPostalAddress.locality", LOCALITY),
    ("orgPostalAddress.addressLines", ADDRESS_LINE1),
    ("orgPostalAddress.addressLines.0", ADDRESS_LINE1),
    ("orgPostalAddress.addressLines.1", ADDRESS_LINE2),
    ("orgPostalAddress.addressLines.2", ADDRESS_LINE3),
    ("orgPostalAddress.recipients", CONTACT_NAME),
    ("orgPostalAddress.organization", ADDRESS_ORGANIZATION),
    ("cloudIdentityInfo.customerType", CUSTOMER_TYPE),
    ("cloudIdentityInfo.alternateEmail", SECONDARY_EMAIL),
    ("cloudIdentityInfo.phoneNumber", PHONE_NUMBER),
    ("cloudIdentityInfo.languageCode", LANGUAGE_CODE),
    ("cloudIdentityInfo.eduData.instituteType", INSTITUTE_TYPE),
    ("cloudIdentityInfo.eduData.instituteSize", INSTITUTE_SIZE),
    ("cloudIdentityInfo.eduData.website", INSTITUTE_WEBSITE),
    ("cloudIdentityInfo.eduData", INSTITUTE_TYPE),
    ("user.email", ADMIN_EMAIL),
    ("user.givenName", ADMIN_FIRST_NAME),
    ("user.familyName", ADMIN_LAST_NAME),
    ("user", ADMIN_EMAIL),
    ("entitlement.offer", ORDER_OFFER),
    ("entitlement.purchaseOrderId", ORDER_PURCHASE_ORDER),
    ("entitlement.parameters", ORDER_SEATS),
    ("entitlement.commitmentSettings", ORDER_PLAN),
    ("offer", ORDER_OFFER),
];

/// Google's field path in camelCase with dotted segments: `customer.org_postal_address.
/// address_lines[1]` becomes `orgPostalAddress.addressLines.1` (a leading `customer.` is the
/// request's name for the body and is dropped). `None` when longer than [`MAX_PATH`] bytes
/// or not made of ASCII letters, digits, `_`, `.`, `[` and `]`.
fn normalise(path: &str) -> Option<String> {
    let path = path.trim();
    if path.is_empty()
        || path.len() > MAX_PATH
        || !path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'[' | b']'))
    {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    let mut upper = false;
    for b in path.bytes() {
        match b {
            b'_' => upper = !out.is_empty() && !out.ends_with('.'),
            b'[' | b'.' => {
                if !out.is_empty() && !out.ends_with('.') {
                    out.push('.');
                }
                upper = false;
            }
            b']' => upper = false,
            _ if upper => {
                out.push(char::from(b.to_ascii_uppercase()));
                upper = false;
            }
            _ => out.push(char::from(b)),
        }
    }
    let out = out.trim_end_matches('.');
    Some(out.strip_prefix("customer.").unwrap_or(out).to_owned())
}

/// The form field a Google field path concerns: the longest known prefix of the path.
fn form_field_of_path(path: &str) -> Option<FormField> {
    let mut path = normalise(path)?;
    loop {
        if let Some((_, field)) = FIELD_PATHS.iter().find(|(p, _)| *p == path) {
            return Some(*field);
        }
        let cut_at = path.rfind('.')?;
        path.truncate(cut_at);
    }
}

/// The form field Google's text names, for the known Reseller messages (searching the first
/// [`SCAN_BYTES`] bytes, ASCII case folded).
fn form_field_of_text(text: &str) -> Option<FormField> {
    let text = cut(text, SCAN_BYTES).to_ascii_lowercase();
    let has = |needle: &str| text.contains(needle);
    if has("alternateemail") || has("alternate email") || has("alternate_email") {
        Some(SECONDARY_EMAIL)
    } else if has("postal code") || has("postalcode") || has("postal_code") || has("zip code") {
        Some(POSTAL_CODE)
    } else if has("country") || has("region code") || has("regioncode") {
        Some(COUNTRY_CODE)
    } else if has("customerdomain") || (has("domain") && has("primary contact")) {
        // Channel `customers.create`: the domain must match the primary contact's email.
        Some(DOMAIN)
    } else if has("phone") {
        Some(PHONE_NUMBER)
    } else if has("primary email") || has("primaryemail") || has("admin email") {
        Some(ADMIN_EMAIL)
    } else {
        None
    }
}

/// A known situation that gets its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Hint {
    /// The secondary address is on the customer's domain (Reseller 400 `invalid`).
    SecondaryOnDomain,
    /// The postal code does not fit the country.
    PostalCode,
    /// The country cannot be resold to.
    Country,
}

/// A field Google names is a field of the customer form (or its order); a call-specific
/// default when Google names none.
fn default_field(kind: GoogleErrorKind, call: Call) -> Option<FormField> {
    match (kind, call) {
        (
            GoogleErrorKind::AlreadyExists,
            Call::ResellerCustomersInsert | Call::ChannelCustomersCreate,
        ) => Some(DOMAIN),
        (GoogleErrorKind::AlreadyExists, Call::ChannelCustomersProvisionCloudIdentity) => {
            Some(ADMIN_EMAIL)
        }
        (
            GoogleErrorKind::AlreadyExists,
            Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert,
        ) => Some(ORDER_PRODUCT),
        _ => None,
    }
}

/// One error Google answered, classified: its [kind](GoogleErrorKind), the [call](Call) it
/// answered, the form field it concerns when known, and Google's own message.
///
/// Its [`message`](Self::message) says what the salesperson does next, which depends on the
/// call: a 409 on Reseller `customers.insert` means "transfer it with its transfer token", an
/// `ALREADY_EXISTS` on Channel `provisionCloudIdentity` means the admin's address is taken, a
/// `FAILED_PRECONDITION` on `entitlements.create` means "have the domain verified or buy the
/// prerequisite edition first". Google's own message is quoted at the end, escaped and cut to
/// 64 characters; a message is never longer than 300 characters.
///
/// Built by [`reseller::ErrorBody::to_report`](super::reseller::ErrorBody::to_report),
/// [`channel::ErrorBody::to_report`](super::channel::ErrorBody::to_report) and
/// [`Status::to_report`]; each becomes a [`Violation`](crate::Violation) whose problem is
/// this [`GoogleError`], on [`form_field`](Self::form_field)
/// (the empty path when Google names no field).
///
/// ```
/// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
/// use gws_onboarding::{Diagnostic, Lang};
///
/// let err = GoogleError::new(GoogleErrorKind::AlreadyExists, Call::ResellerCustomersInsert)
///     .with_google_message("Customer already exists.");
/// assert_eq!(err.code(), "google.already_exists");
/// assert_eq!(err.form_field(), Some("domain"));
/// assert_eq!(
///     err.message(Lang::En),
///     "this customer already exists at Google: transfer it with its transfer token instead of creating it (Google: \"Customer already exists.\")"
/// );
/// assert!(err.message(Lang::Fr).starts_with("ce client existe déjà chez Google : transférez-le"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoogleError {
    kind: GoogleErrorKind,
    call: Call,
    field: Option<FormField>,
    hint: Option<Hint>,
    http_status: Option<u16>,
    reason: Option<String>,
    google_message: String,
}

impl GoogleError {
    /// An error of `kind` answering `call`, with the call's default field (the domain for an
    /// existing customer, the admin's address for `provisionCloudIdentity`, the product for
    /// an order) and no message from Google.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ResellerCustomersInsert);
    /// assert_eq!(err.form_field(), None);
    /// assert_eq!(err.google_message(), "");
    /// ```
    #[must_use]
    pub fn new(kind: GoogleErrorKind, call: Call) -> Self {
        GoogleError {
            kind,
            call,
            field: default_field(kind, call),
            hint: None,
            http_status: None,
            reason: None,
            google_message: String::new(),
        }
    }

    /// The same error with Google's message (cut to 1024 bytes); when no field is known yet,
    /// the field the message names, for Google's known Reseller texts.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ResellerCustomersInsert)
    ///     .with_google_message("alternateEmail can't be at the same domain as customerDomain");
    /// assert_eq!(err.form_field(), Some("secondaryEmail"));
    /// ```
    #[must_use]
    pub fn with_google_message(mut self, message: &str) -> Self {
        cut(message, MAX_TEXT).clone_into(&mut self.google_message);
        if self.field.is_none() && self.kind == GoogleErrorKind::Invalid {
            self.field = form_field_of_text(&self.google_message);
        }
        self.hint = self.hint();
        self
    }

    /// The same error about the request field Google named (`location` or
    /// `fieldViolations[].field`), when it maps to a form field; unchanged otherwise.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ChannelCustomersCreate)
    ///     .with_google_field("customer.primary_contact_info.email");
    /// assert_eq!(err.form_field(), Some("admin.email"));
    /// ```
    #[must_use]
    pub fn with_google_field(mut self, path: &str) -> Self {
        if let Some(field) = form_field_of_path(path) {
            self.field = Some(field);
            self.hint = self.hint();
        }
        self
    }

    /// What the error is about, from its field and Google's text.
    fn hint(&self) -> Option<Hint> {
        if self.kind != GoogleErrorKind::Invalid {
            return None;
        }
        let text = cut(&self.google_message, SCAN_BYTES).to_ascii_lowercase();
        match self.field?.path {
            "secondaryEmail" if text.contains("domain") => Some(Hint::SecondaryOnDomain),
            "postalAddress.postalCode" => Some(Hint::PostalCode),
            "postalAddress.countryCode" => Some(Hint::Country),
            _ => None,
        }
    }

    /// The kind of error.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::NotFound, Call::ResellerCustomersGet);
    /// assert_eq!(err.kind(), GoogleErrorKind::NotFound);
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        self.kind
    }

    /// The call Google answered.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::NotFound, Call::ResellerCustomersGet);
    /// assert_eq!(err.call(), Call::ResellerCustomersGet);
    /// ```
    #[must_use]
    pub fn call(&self) -> Call {
        self.call
    }

    /// The stable code: that of the [kind](GoogleErrorKind::code), e.g. `google.invalid`.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Other, Call::ChannelOperationsGet);
    /// assert_eq!(err.code(), "google.other");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The path of the form field the error concerns (`domain`, `secondaryEmail`,
    /// `postalAddress.postalCode`, `admin.email`, `order.offer`, …), when known.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ResellerCustomersInsert)
    ///     .with_google_field("customerDomain");
    /// assert_eq!(err.form_field(), Some("domain"));
    /// ```
    #[must_use]
    pub fn form_field(&self) -> Option<&'static str> {
        self.field.map(|f| f.path)
    }

    /// The HTTP status Google answered with, when known.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert_eq!(body.google_errors(Call::ResellerCustomersInsert)[0].http_status(), Some(409));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// Google's reason (Reseller `reason`, Channel `ErrorInfo.reason`) or status name, as
    /// Google wrote it (cut to 1024 bytes; escape it before showing it).
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(
    ///     r#"{"error": {"code": 403, "errors": [{"reason": "forbidden", "message": "Forbidden"}]}}"#)?;
    /// assert_eq!(body.google_errors(Call::ResellerCustomersGet)[0].reason(), Some("forbidden"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Google's own message, as Google wrote it (cut to 1024 bytes; the
    /// [`message`](Self::message) quotes it safely).
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Other, Call::ChannelCustomersCreate)
    ///     .with_google_message("Something odd");
    /// assert_eq!(err.google_message(), "Something odd");
    /// ```
    #[must_use]
    pub fn google_message(&self) -> &str {
        &self.google_message
    }

    /// Always [`Severity::Error`]: Google refused the request.
    ///
    /// ```
    /// use gws_onboarding::{Severity, wire::{Call, GoogleError, GoogleErrorKind}};
    /// assert_eq!(GoogleError::new(GoogleErrorKind::Other, Call::ChannelCustomersCreate).severity(), Severity::Error);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        Severity::Error
    }

    /// What the salesperson does next, in `lang`, then Google's message quoted (escaped, at
    /// most 64 characters).
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::{Call, GoogleError, GoogleErrorKind}};
    /// let err = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ResellerSubscriptionsInsert);
    /// assert_eq!(err.message(Lang::En), "too many requests sent to Google: wait a minute, then try again");
    /// assert_eq!(err.message(Lang::Fr), "trop de requêtes envoyées à Google : patientez une minute, puis réessayez");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let mut out = self.advice(lang).into_owned();
        if !self.google_message.trim().is_empty() {
            let quoted = quote(&self.google_message);
            if lang == Lang::Fr {
                out.push_str(" (Google : « ");
                out.push_str(&quoted);
                out.push_str(" »)");
            } else {
                out.push_str(" (Google: \"");
                out.push_str(&quoted);
                out.push_str("\")");
            }
        }
        out
    }

    /// The advice, without Google's words.
    #[allow(clippy::too_many_lines)] // one arm per situation, English and French side by side
    fn advice(&self, lang: Lang) -> Cow<'static, str> {
        use GoogleErrorKind as K;
        let reseller = !self.call.is_channel();
        let text = match (self.kind, self.call) {
            (K::AlreadyExists, Call::ResellerCustomersInsert) => lang.pick(
                "this customer already exists at Google: transfer it with its transfer token instead of creating it",
                "ce client existe déjà chez Google : transférez-le avec son jeton de transfert au lieu de le créer",
            ),
            (K::AlreadyExists, Call::ChannelCustomersCreate | Call::ChannelCustomersImport) => {
                lang.pick(
                    "this customer already exists in your Channel account: use the existing customer instead of creating it again",
                    "ce client existe déjà dans votre compte Channel : utilisez le client existant au lieu de le créer à nouveau",
                )
            }
            (K::AlreadyExists, Call::ChannelCustomersProvisionCloudIdentity) => lang.pick(
                "the admin's email address is already used by a Google account: choose another admin address, or transfer the existing account",
                "l'adresse e-mail de l'administrateur est déjà utilisée par un compte Google : choisissez-en une autre, ou transférez le compte existant",
            ),
            (K::AlreadyExists, Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert) => {
                lang.pick(
                    "the customer already has this product: change the existing subscription instead of ordering it again",
                    "le client a déjà ce produit : modifiez l'abonnement existant au lieu de le commander à nouveau",
                )
            }
            (K::AlreadyExists, _) => lang.pick(
                "this already exists at Google: look it up instead of creating it again",
                "cet élément existe déjà chez Google : recherchez-le au lieu de le créer à nouveau",
            ),
            (K::Invalid, _) => return self.invalid_advice(lang),
            (K::FailedPrecondition, Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert) => {
                lang.pick(
                    "the customer cannot order this yet: have the domain verified, or buy the required edition first, then order again",
                    "le client ne peut pas encore commander ce produit : faites valider le domaine, ou achetez d'abord l'édition requise, puis recommandez",
                )
            }
            (K::FailedPrecondition, _) => lang.pick(
                "the request does not fit the customer's current state, says Google: check the customer in the console, then try again",
                "la demande ne correspond pas à l'état actuel du client, selon Google : vérifiez le client dans la console, puis réessayez",
            ),
            (K::NotFound, Call::ResellerCustomersGet) => lang.pick(
                "no customer with this domain at Google: you can create it",
                "aucun client avec ce domaine chez Google : vous pouvez le créer",
            ),
            (K::NotFound, Call::ChannelOperationsGet) => lang.pick(
                "this operation is no longer known to Google: look the customer up before trying again",
                "cette opération n'est plus connue de Google : recherchez le client avant de réessayer",
            ),
            (K::NotFound, Call::ChannelEntitlementsCreate) => lang.pick(
                "customer or offer not found at Google: check the offer, then order again",
                "client ou offre introuvable chez Google : vérifiez l'offre, puis recommandez",
            ),
            (K::NotFound, _) => lang.pick(
                "customer not found at Google: check that it was created in this account, then try again",
                "client introuvable chez Google : vérifiez qu'il a été créé dans ce compte, puis réessayez",
            ),
            (K::PermissionDenied, _) if reseller => lang.pick(
                "you are not this customer's reseller, or reseller access is disabled: ask the customer to allow it in the Admin console, or transfer it",
                "vous n'êtes pas le revendeur de ce client, ou l'accès revendeur est désactivé : demandez au client de l'autoriser dans la console d'administration, ou transférez-le",
            ),
            (K::PermissionDenied, _) => lang.pick(
                "your Channel account may not do this: check the service account's permissions and that the customer is yours",
                "votre compte Channel n'a pas ce droit : vérifiez les autorisations du compte de service et que ce client est bien le vôtre",
            ),
            (K::Unauthenticated, _) => lang.pick(
                "the reseller's credentials were refused by Google: renew the access token or the service account key, then try again",
                "les identifiants du revendeur ont été refusés par Google : renouvelez le jeton d'accès ou la clé du compte de service, puis réessayez",
            ),
            (K::QuotaExceeded, _) => lang.pick(
                "too many requests sent to Google: wait a minute, then try again",
                "trop de requêtes envoyées à Google : patientez une minute, puis réessayez",
            ),
            (K::Unavailable, _) => lang.pick(
                "no answer from Google right now: try again in a few minutes",
                "pas de réponse de Google pour l'instant : réessayez dans quelques minutes",
            ),
            (K::Other, _) => {
                return Cow::Owned(match (lang, self.http_status) {
                    (Lang::Fr, Some(code)) => format!(
                        "demande refusée par Google (HTTP {code}) : lisez le message de Google, et contactez le support partenaires si cela persiste"
                    ),
                    (Lang::Fr, None) => "demande refusée par Google : lisez le message de Google, et contactez le support partenaires si cela persiste".to_owned(),
                    (_, Some(code)) => format!(
                        "request refused by Google (HTTP {code}): read Google's message, and contact partner support if it persists"
                    ),
                    (_, None) => "request refused by Google: read Google's message, and contact partner support if it persists".to_owned(),
                });
            }
        };
        Cow::Borrowed(text)
    }

    /// The advice for [`GoogleErrorKind::Invalid`].
    fn invalid_advice(&self, lang: Lang) -> Cow<'static, str> {
        match (self.hint, self.field) {
            (Some(Hint::SecondaryOnDomain), _) => Cow::Borrowed(lang.pick(
                "the secondary email address must not be on the customer's domain: give an address on another domain",
                "l'adresse e-mail secondaire ne doit pas être sur le domaine du client : indiquez une adresse d'un autre domaine",
            )),
            (Some(Hint::PostalCode), _) => Cow::Borrowed(lang.pick(
                "the postal code does not fit the country, says Google: correct it in the form",
                "le code postal ne correspond pas au pays, selon Google : corrigez-le dans le formulaire",
            )),
            (Some(Hint::Country), _) => Cow::Borrowed(lang.pick(
                "the country was refused by Google: check it; if it is right, Google does not allow resale to customers there",
                "le pays a été refusé par Google : vérifiez-le ; s'il est juste, Google n'autorise pas la revente aux clients de ce pays",
            )),
            (None, Some(field)) => Cow::Owned(match lang {
                Lang::Fr => format!(
                    "valeur refusée par Google pour {} : corrigez-la dans le formulaire, puis renvoyez la demande",
                    field.fr
                ),
                _ => format!(
                    "value refused by Google for {}: correct it in the form, then send the request again",
                    field.en
                ),
            }),
            (None, None) => Cow::Borrowed(lang.pick(
                "a value of the request was refused by Google: check the form against Google's message, then send it again",
                "une valeur de la demande a été refusée par Google : vérifiez le formulaire d'après le message de Google, puis renvoyez-la",
            )),
        }
    }
}

/// Google's text, escaped like [`snippet`](crate::error::snippet) and cut so that the quote
/// is at most [`QUOTE_CHARS`] characters, escapes included, then `…`.
fn quote(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut count = 0;
    for ch in text.trim().chars() {
        let mut piece = String::new();
        match ch {
            '"' => piece.push_str("\\\""),
            '\\' => piece.push_str("\\\\"),
            c if is_unsafe_char(c) => {
                let _ = write!(piece, "\\u{{{:x}}}", u32::from(c));
            }
            c => piece.push(c),
        }
        let n = piece.chars().count();
        if count + n > QUOTE_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&piece);
        count += n;
    }
    out
}

impl fmt::Display for GoogleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for GoogleError {}

impl Diagnostic for GoogleError {
    fn code(&self) -> &'static str {
        GoogleError::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        GoogleError::message(self, lang)
    }
    fn severity(&self) -> Severity {
        GoogleError::severity(self)
    }
}

/// The errors of a [`Status`] answering `call`: one per field violation, else one for the
/// whole status.
pub(super) fn from_status(status: &Status, call: Call) -> Vec<GoogleError> {
    let kind = status.kind();
    let base = |message: &str| {
        let mut error = GoogleError::new(kind, call);
        error.http_status = status.http_status();
        error.reason = status
            .error_info()
            .map(|i| i.reason().to_owned())
            .filter(|r| !r.is_empty())
            .or_else(|| status.status().map(str::to_owned));
        error.with_google_message(message)
    };
    let violations = status.field_violations();
    if violations.is_empty() {
        return vec![base(status.message())];
    }
    violations
        .into_iter()
        .map(|v| {
            let message = if v.description().trim().is_empty() {
                status.message()
            } else {
                v.description()
            };
            base(message).with_google_field(v.field())
        })
        .collect()
}

/// One entry of a Reseller API error's `errors` list.
///
/// ```
/// use gws_onboarding::wire::reseller;
/// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400,
///     "message": "Invalid Value", "errors": [{"domain": "global", "reason": "invalid",
///     "message": "Invalid Value", "locationType": "parameter", "location": "customerDomain"}]}}"#)?;
/// let item = &body.items()[0];
/// assert_eq!(item.reason(), "invalid");
/// assert_eq!(item.location(), "customerDomain");
/// assert_eq!(item.location_type(), "parameter");
/// assert_eq!(item.domain(), "global");
/// assert_eq!(item.message(), "Invalid Value");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResellerErrorItem {
    domain: String,
    reason: String,
    message: String,
    location_type: String,
    location: String,
}

impl ResellerErrorItem {
    /// `domain` (`global`, `usageLimits`, …); empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// # let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 429, "errors": [{"domain": "usageLimits"}]}}"#)?;
    /// assert_eq!(body.items()[0].domain(), "usageLimits");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// `reason` (`invalid`, `notFound`, `forbidden`, …); empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// # let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 404, "errors": [{"reason": "notFound"}]}}"#)?;
    /// assert_eq!(body.items()[0].reason(), "notFound");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// `message`: Google's words; empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// # let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 404, "errors": [{"message": "Not Found"}]}}"#)?;
    /// assert_eq!(body.items()[0].message(), "Not Found");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `locationType` (`parameter`, `header`); empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// # let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400, "errors": [{"locationType": "parameter"}]}}"#)?;
    /// assert_eq!(body.items()[0].location_type(), "parameter");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn location_type(&self) -> &str {
        &self.location_type
    }

    /// `location`: the request field or parameter concerned; empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// # let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400, "errors": [{"location": "alternateEmail"}]}}"#)?;
    /// assert_eq!(body.items()[0].location(), "alternateEmail");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn location(&self) -> &str {
        &self.location
    }
}

/// The `error` object of either format, read leniently.
#[derive(Default)]
struct RawError {
    code: Option<i32>,
    message: Option<String>,
    status: Option<String>,
    errors: Vec<ResellerErrorItem>,
    details: Vec<Detail>,
}

impl RawError {
    /// Whether the fields both formats share say anything an error says.
    fn says_something(&self) -> bool {
        self.code.is_some_and(|c| c != 0)
            || self
                .message
                .as_deref()
                .is_some_and(|m| !m.trim().is_empty())
            || self.status.as_deref().is_some_and(|s| !s.trim().is_empty())
    }

    /// Whether the object is a Reseller API error (its `details` are not kept).
    fn is_reseller_error(&self) -> bool {
        self.says_something() || !self.errors.is_empty()
    }

    /// Whether the object is a Cloud Channel API error (its `errors` are not kept).
    fn is_channel_error(&self) -> bool {
        self.says_something() || !self.details.is_empty()
    }
}

/// A whole error body: `{"error": {...}}`, other top-level keys ignored. `None` when `error`
/// is absent or not an object.
struct RawBody(Option<RawError>);

impl<'de> Deserialize<'de> for RawBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = RawBody;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Google error body {\"error\": {...}}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut error = None;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    if key == "error" && error.is_none() {
                        error = map.next_value::<LenientError>()?.0;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(RawBody(error))
            }
        }
        deserializer.deserialize_map(BodyVisitor)
    }
}

/// The `error` value: an object read leniently, `None` for anything else.
struct LenientError(Option<RawError>);

impl<'de> Deserialize<'de> for LenientError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ErrorVisitor;
        impl<'de> Visitor<'de> for ErrorVisitor {
            type Value = LenientError;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut raw = RawError::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "code" => raw.code = map.next_value::<LenientCode>()?.0,
                        "message" => raw.message = map.next_value::<LenientStr>()?.0,
                        "status" => raw.status = map.next_value::<LenientStr>()?.0,
                        "errors" => raw.errors = map.next_value::<LenientItems>()?.0,
                        "details" => raw.details = map.next_value::<Details>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(LenientError(Some(raw)))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(LenientError(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(LenientError(None))
            }
        }
        deserializer.deserialize_any(ErrorVisitor)
    }
}

/// `details` through the [`Status`] reader.
struct Details(Vec<Detail>);

impl<'de> Deserialize<'de> for Details {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_details(deserializer).map(Details)
    }
}

/// `code`: a number (or a numeric string) that fits an `i32`; anything else is `None`.
struct LenientCode(Option<i32>);

impl<'de> Deserialize<'de> for LenientCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl<'de> Visitor<'de> for CodeVisitor {
            type Value = LenientCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a status code")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(LenientCode(i32::try_from(v).ok()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(LenientCode(i32::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(LenientCode(None))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(LenientCode(cut(v, 16).trim().parse::<i32>().ok()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(LenientCode(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientCode(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientCode(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(LenientCode(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LenientCode(None))
            }
        }
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// `errors`: at most [`MAX_ERRORS`] objects, each read leniently; other values dropped.
struct LenientItems(Vec<ResellerErrorItem>);

impl<'de> Deserialize<'de> for LenientItems {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemsVisitor;
        impl<'de> Visitor<'de> for ItemsVisitor {
            type Value = LenientItems;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of errors")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element::<LenientItem>()? {
                    if let (Some(item), true) = (item.0, out.len() < MAX_ERRORS) {
                        out.push(item);
                    }
                    if out.len() == MAX_ERRORS {
                        while seq.next_element::<IgnoredAny>()?.is_some() {}
                        break;
                    }
                }
                Ok(LenientItems(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LenientItems(Vec::new()))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientItems(Vec::new()))
            }
        }
        deserializer.deserialize_any(ItemsVisitor)
    }
}

/// One `errors` entry, `None` for what is not an object.
struct LenientItem(Option<ResellerErrorItem>);

impl<'de> Deserialize<'de> for LenientItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = LenientItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error entry")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut item = ResellerErrorItem::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let slot = match &*key {
                        "domain" => &mut item.domain,
                        "reason" => &mut item.reason,
                        "message" => &mut item.message,
                        "locationType" => &mut item.location_type,
                        "location" => &mut item.location,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value::<LenientStr>()?.0.unwrap_or_default();
                }
                Ok(LenientItem(Some(item)))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(LenientItem(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(LenientItem(None))
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// A Reseller API error body: `{"error": {"code", "message", "errors": [{"domain", "reason",
/// "message", "locationType", "location"}]}}`.
///
/// Read leniently: every field of `error` may be absent or of another JSON type (then
/// ignored), unknown fields are ignored, at most 16 `errors` entries and 1024 bytes of any text
/// are kept. A body without an `error` object saying anything (a code other than 0, a
/// message, a status or an entry) is not an error body: deserialising it fails with the text
/// of [`WireError::NotAnError`].
///
/// ```
/// use gws_onboarding::wire::{Call, reseller};
///
/// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {
///     "code": 400, "message": "alternateEmail can't be at the same domain as customerDomain",
///     "errors": [{"domain": "global", "reason": "invalid",
///                 "message": "alternateEmail can't be at the same domain as customerDomain"}]}}"#)?;
/// let report = body.to_report(Call::ResellerCustomersInsert);
/// let v = report.iter().next().unwrap();
/// assert_eq!((v.field(), v.code()), ("secondaryEmail", "google.invalid"));
///
/// let err = serde_json::from_str::<reseller::ErrorBody>(r#"{"customerId": "C01"}"#).unwrap_err();
/// assert!(err.to_string().contains("not a Reseller API error body"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResellerErrorBody {
    code: i32,
    message: String,
    status: Option<String>,
    errors: Vec<ResellerErrorItem>,
}

impl<'de> Deserialize<'de> for ResellerErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawBody::deserialize(deserializer)?;
        ResellerErrorBody::from_raw(raw).map_err(de::Error::custom)
    }
}

impl Serialize for ResellerErrorBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Inner<'a> {
            code: i32,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            status: Option<&'a str>,
            errors: &'a [ResellerErrorItem],
        }
        #[derive(Serialize)]
        struct Outer<'a> {
            error: Inner<'a>,
        }
        Outer {
            error: Inner {
                code: self.code,
                message: &self.message,
                status: self.status.as_deref(),
                errors: &self.errors,
            },
        }
        .serialize(serializer)
    }
}

impl ResellerErrorBody {
    fn from_raw(raw: RawBody) -> Result<Self, WireError> {
        let raw = raw
            .0
            .filter(RawError::is_reseller_error)
            .ok_or(WireError::NotAnError { api: "Reseller" })?;
        Ok(ResellerErrorBody {
            code: raw.code.unwrap_or(0),
            message: raw.message.unwrap_or_default(),
            status: raw.status,
            errors: raw.errors,
        })
    }

    /// `error.code`: the HTTP status; 0 when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert_eq!(body.code(), 409);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> i32 {
        self.code
    }

    /// `error.message`; empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert_eq!(body.message(), "Conflict");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `error.errors`: the entries kept (at most 16).
    ///
    /// ```
    /// # use gws_onboarding::wire::reseller;
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert!(body.items().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn items(&self) -> &[ResellerErrorItem] {
        &self.errors
    }

    /// The kind of the first error: from its `reason` when this crate knows it, else from the
    /// HTTP code (see [`GoogleErrorKind`]).
    ///
    /// ```
    /// use gws_onboarding::wire::{GoogleErrorKind, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert_eq!(body.kind(), GoogleErrorKind::AlreadyExists);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        self.kind_of(self.errors.first())
    }

    fn kind_of(&self, item: Option<&ResellerErrorItem>) -> GoogleErrorKind {
        item.and_then(|i| GoogleErrorKind::from_reseller_reason(&i.reason))
            .or_else(|| {
                self.status
                    .as_deref()
                    .filter(|s| !s.trim().is_empty())
                    .map(GoogleErrorKind::from_status)
                    .filter(|k| *k != GoogleErrorKind::Other)
            })
            .unwrap_or_else(|| GoogleErrorKind::from_code(self.code))
    }

    /// The errors, classified for the answer to `call`: one per `errors` entry, or one for the
    /// body when the list is empty.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleErrorKind, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400, "message": "Invalid Value",
    ///     "errors": [{"reason": "invalid", "message": "Invalid Value", "location": "customerDomain"}]}}"#)?;
    /// let errors = body.google_errors(Call::ResellerCustomersInsert);
    /// assert_eq!(errors[0].kind(), GoogleErrorKind::Invalid);
    /// assert_eq!(errors[0].form_field(), Some("domain"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn google_errors(&self, call: Call) -> Vec<GoogleError> {
        let http_status = u16::try_from(self.code)
            .ok()
            .filter(|c| (100..600).contains(c));
        let one = |item: Option<&ResellerErrorItem>| {
            let mut error = GoogleError::new(self.kind_of(item), call);
            error.http_status = http_status;
            error.reason = item
                .map(|i| i.reason.clone())
                .filter(|r| !r.is_empty())
                .or_else(|| self.status.clone());
            let message = item
                .map(|i| i.message.as_str())
                .filter(|m| !m.trim().is_empty())
                .unwrap_or(&self.message);
            let mut error = error.with_google_message(message);
            if let Some(item) = item {
                error = error.with_google_field(&item.location);
            }
            error
        };
        if self.errors.is_empty() {
            vec![one(None)]
        } else {
            self.errors.iter().map(|i| one(Some(i))).collect()
        }
    }

    /// The errors as violations of a [`Report`], for the answer to `call`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::{Call, reseller}};
    /// let body: reseller::ErrorBody = serde_json::from_str(
    ///     r#"{"error": {"code": 409, "message": "Entity already exists.", "errors": [
    ///         {"domain": "global", "reason": "duplicate", "message": "Entity already exists."}]}}"#)?;
    /// let report = body.to_report(Call::ResellerCustomersInsert);
    /// let v = report.iter().next().unwrap();
    /// assert_eq!((v.field(), v.code()), ("domain", "google.already_exists"));
    /// assert!(v.message(Lang::En).contains("transfer it with its transfer token"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_report(&self, call: Call) -> Report {
        let mut report = Report::default();
        for error in self.google_errors(call) {
            report.push(error.form_field().unwrap_or(""), error);
        }
        report
    }
}

/// A Cloud Channel API error body: `{"error": google.rpc.Status}` (see [`Status`]).
///
/// Read leniently like [`Status`]; a body without an `error` object saying anything is not an
/// error body: deserialising it fails with the text of [`WireError::NotAnError`].
///
/// ```
/// use gws_onboarding::wire::{Call, channel};
///
/// let body: channel::ErrorBody = serde_json::from_str(r#"{"error": {
///     "code": 409, "message": "Customer already exists.", "status": "ALREADY_EXISTS"}}"#)?;
/// let report = body.to_report(Call::ChannelCustomersCreate);
/// assert_eq!(report.codes().collect::<Vec<_>>(), ["google.already_exists"]);
///
/// assert!(serde_json::from_str::<channel::ErrorBody>(r#"{"name": "accounts/A/customers/C"}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChannelErrorBody {
    error: Status,
}

impl<'de> Deserialize<'de> for ChannelErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawBody::deserialize(deserializer)?;
        ChannelErrorBody::from_raw(raw).map_err(de::Error::custom)
    }
}

impl Serialize for ChannelErrorBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Outer<'a> {
            error: &'a Status,
        }
        Outer { error: &self.error }.serialize(serializer)
    }
}

impl ChannelErrorBody {
    fn from_raw(raw: RawBody) -> Result<Self, WireError> {
        let mut raw = raw.0.ok_or(WireError::NotAnError {
            api: "Cloud Channel",
        })?;
        // A Reseller-shaped body: its first entry's words stand for the message.
        if raw.message.as_deref().is_none_or(|m| m.trim().is_empty()) {
            if let Some(item) = raw.errors.iter().find(|i| !i.message.trim().is_empty()) {
                raw.message = Some(item.message.clone());
            }
        }
        if !raw.is_channel_error() {
            return Err(WireError::NotAnError {
                api: "Cloud Channel",
            });
        }
        Ok(ChannelErrorBody {
            error: Status {
                code: raw.code.unwrap_or(0),
                message: raw.message,
                status: raw.status,
                details: raw.details,
            },
        })
    }

    /// The body for `status` (e.g. an [`Operation`](super::Operation)'s error).
    ///
    /// ```
    /// use gws_onboarding::wire::{Status, channel};
    /// let status: Status = serde_json::from_str(r#"{"code": 3, "message": "bad"}"#)?;
    /// assert_eq!(channel::ErrorBody::from(status.clone()).status(), &status);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> &Status {
        &self.error
    }

    /// The kind of error (see [`Status::kind`]).
    ///
    /// ```
    /// use gws_onboarding::wire::{GoogleErrorKind, channel};
    /// let body: channel::ErrorBody = serde_json::from_str(r#"{"error": {"code": 403, "status": "PERMISSION_DENIED"}}"#)?;
    /// assert_eq!(body.kind(), GoogleErrorKind::PermissionDenied);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        self.error.kind()
    }

    /// The errors, classified for the answer to `call`: one per field violation, or one for
    /// the body.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, channel};
    /// let body: channel::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400, "status": "FAILED_PRECONDITION",
    ///     "message": "Domain is not verified."}}"#)?;
    /// let errors = body.google_errors(Call::ChannelEntitlementsCreate);
    /// assert_eq!(errors[0].code(), "google.failed_precondition");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn google_errors(&self, call: Call) -> Vec<GoogleError> {
        from_status(&self.error, call)
    }

    /// The errors as violations of a [`Report`], for the answer to `call` (see
    /// [`Status::to_report`]).
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, channel};
    /// let body: channel::ErrorBody = serde_json::from_str(r#"{"error": {"code": 400, "status": "INVALID_ARGUMENT",
    ///     "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
    ///                  "fieldViolations": [{"field": "entitlement.offer", "description": "Invalid offer"}]}]}}"#)?;
    /// let report = body.to_report(Call::ChannelEntitlementsCreate);
    /// assert_eq!(report.iter().next().map(|v| v.field()), Some("order.offer"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_report(&self, call: Call) -> Report {
        self.error.to_report(call)
    }
}

impl From<Status> for ChannelErrorBody {
    fn from(error: Status) -> Self {
        ChannelErrorBody { error }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
