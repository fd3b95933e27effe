//! Layer 4, wire: the error bodies of both APIs ([`ResellerErrorBody`], [`ChannelErrorBody`]), read leniently.

use super::error::{GoogleError, from_status};
use super::fields::MAX_ERRORS;
use super::kind::GoogleErrorKind;
use crate::report::Report;
use crate::wire::status::{Detail, LenientStr, Status, cut, deserialize_details};
use crate::wire::{Call, WireError};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

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
pub(super) struct RawError {
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
pub(super) struct RawBody(Option<RawError>);

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
pub(super) struct LenientError(Option<RawError>);

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
pub(super) struct Details(Vec<Detail>);

impl<'de> Deserialize<'de> for Details {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_details(deserializer).map(Details)
    }
}

/// `code`: a number (or a numeric string) that fits an `i32`; anything else is `None`.
pub(super) struct LenientCode(Option<i32>);

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
pub(super) struct LenientItems(Vec<ResellerErrorItem>);

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
pub(super) struct LenientItem(Option<ResellerErrorItem>);

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
            error.retry = super::retry::reseller(item.map(|i| i.reason.as_str()), http_status);
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

    /// The body for `status` (e.g. an [`Operation`](crate::wire::Operation)'s error).
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
