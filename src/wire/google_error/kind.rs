//! Layer 4, wire: what kind of error Google answered ([`GoogleErrorKind`]), whichever API and format it came in.

use std::fmt;

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

    /// The stable code of a [`GoogleError`](crate::wire::GoogleError) of this kind.
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
