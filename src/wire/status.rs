//! Layer 4, wire. Google's error `Status` (`google.rpc.Status`) and its details (`ErrorInfo`,
//! `BadRequest.fieldViolations`), read leniently and with bounded work, and the lenient readers
//! every answer of Google's shares.
//!
//! See [`Operation`](super::Operation) for the limits on what is kept.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

/// boundary).
pub const MAX_TEXT: usize = 1024;
/// The most `details` a [`Status`] keeps.
pub const MAX_DETAILS: usize = 16;
/// The most `fieldViolations` a [`Status`] keeps, over all its `BadRequest` details.
pub const MAX_FIELD_VIOLATIONS: usize = 32;
/// The most `metadata` entries an `ErrorInfo` keeps.
pub const MAX_METADATA: usize = 16;

/// The `@type` of a `google.rpc.ErrorInfo` detail.
pub const ERROR_INFO_TYPE: &str = "type.googleapis.com/google.rpc.ErrorInfo";
/// The `@type` of a `google.rpc.BadRequest` detail.
pub const BAD_REQUEST_TYPE: &str = "type.googleapis.com/google.rpc.BadRequest";
/// The `@type` of a `google.rpc.RetryInfo` detail.
pub const RETRY_INFO_TYPE: &str = "type.googleapis.com/google.rpc.RetryInfo";
/// The longest `RetryInfo.retryDelay` kept: a longer one is read as this (an hour).
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);

/// `s` cut to at most `max` bytes, at a character boundary.
pub(super) fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A string cut to [`MAX_TEXT`] bytes when read.
pub(super) fn capped_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let s = <Cow<'de, str>>::deserialize(deserializer)?;
    Ok(cut(&s, MAX_TEXT).to_owned())
}

/// An optional string cut to [`MAX_TEXT`] bytes when read.
pub(super) fn capped_opt_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(Option::<Cow<'de, str>>::deserialize(deserializer)?.map(|s| cut(&s, MAX_TEXT).to_owned()))
}

/// A value of any JSON type: `Some` string (cut to [`MAX_TEXT`]) when it is a string, `None`
/// for anything else (read and dropped).
#[derive(Debug, Default)]
pub(super) struct LenientStr(pub(super) Option<String>);

impl<'de> Deserialize<'de> for LenientStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientStrVisitor)
    }
}

struct LenientStrVisitor;

/// Implements the visitor methods of a lenient reader that drops every value that is not
/// its shape, returning `$none`.
macro_rules! drop_other_values {
    ($none:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
            Ok($none)
        }
    };
}

/// Drops every element of a sequence.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Drops every entry of a map.
fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl<'de> Visitor<'de> for LenientStrVisitor {
    type Value = LenientStr;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(LenientStr(Some(cut(v, MAX_TEXT).to_owned())))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(LenientStr(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        drain_map(map)?;
        Ok(LenientStr(None))
    }

    drop_other_values!(LenientStr(None));
}

/// The head of an object of any type: its `@type`, `name` and `operationType`, other keys
/// dropped; anything but an object reads as an empty head.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(super) struct ObjectHead {
    pub(super) type_url: Option<String>,
    pub(super) name: Option<String>,
    pub(super) operation_type: Option<String>,
}

impl<'de> Deserialize<'de> for ObjectHead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectHeadVisitor)
    }
}

struct ObjectHeadVisitor;

impl<'de> Visitor<'de> for ObjectHeadVisitor {
    type Value = ObjectHead;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = ObjectHead::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = match &*key {
                "@type" => &mut head.type_url,
                "name" => &mut head.name,
                "operationType" => &mut head.operation_type,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<LenientStr>()?.0;
        }
        Ok(head)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(ObjectHead::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(ObjectHead::default())
    }

    drop_other_values!(ObjectHead::default());
}

impl Serialize for ObjectHead {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entries = [
            ("@type", &self.type_url),
            ("name", &self.name),
            ("operationType", &self.operation_type),
        ];
        let mut map =
            serializer.serialize_map(Some(entries.iter().filter(|e| e.1.is_some()).count()))?;
        for (key, value) in entries {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// One `fieldViolations` entry of a `google.rpc.BadRequest` detail: the request field Google
/// refused, and why.
///
/// ```
/// use gws_onboarding::wire::Status;
///
/// let status: Status = serde_json::from_str(r#"{"code": 400, "status": "INVALID_ARGUMENT",
///     "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
///                  "fieldViolations": [{"field": "domain", "description": "Invalid domain"}]}]}"#)?;
/// let v = &status.field_violations()[0];
/// assert_eq!((v.field(), v.description()), ("domain", "Invalid domain"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct FieldViolation {
    field: String,
    description: String,
}

impl FieldViolation {
    /// `field`: the request field's path as Google wrote it (`domain`,
    /// `customer.org_display_name`, `entitlement.offer`, …); empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let status: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"description": "x"}]}]}"#)?;
    /// assert_eq!(status.field_violations()[0].field(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// `description`: Google's words, cut to [`MAX_TEXT`] bytes; empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let status: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": "x"}]}]}"#)?;
    /// assert_eq!(status.field_violations()[0].description(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }
}

/// A `google.rpc.ErrorInfo` detail: the reason of an error, the service that gave it, and its
/// metadata.
///
/// ```
/// use gws_onboarding::wire::Status;
///
/// let status: Status = serde_json::from_str(r#"{"code": 403, "status": "PERMISSION_DENIED",
///     "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
///                  "reason": "IAM_PERMISSION_DENIED", "domain": "cloudchannel.googleapis.com",
///                  "metadata": {"permission": "cloudchannel.customers.create"}}]}"#)?;
/// let info = status.error_info().unwrap();
/// assert_eq!(info.reason(), "IAM_PERMISSION_DENIED");
/// assert_eq!(info.domain(), "cloudchannel.googleapis.com");
/// assert_eq!(info.metadata("permission"), Some("cloudchannel.customers.create"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ErrorInfo {
    reason: String,
    domain: String,
    metadata: Vec<(String, String)>,
}

impl ErrorInfo {
    /// `reason`: an `UPPER_SNAKE_CASE` identifier chosen by the service; empty when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let s: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo"}]}"#)?;
    /// assert_eq!(s.error_info().unwrap().reason(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// `domain`: the service that gave the reason, e.g. `cloudchannel.googleapis.com`.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let s: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "domain": "googleapis.com"}]}"#)?;
    /// assert_eq!(s.error_info().unwrap().domain(), "googleapis.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The metadata value under `key` (only string values are kept, at most
    /// [`MAX_METADATA`] entries).
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let s: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "metadata": {"service": "cloudchannel.googleapis.com", "n": 3}}]}"#)?;
    /// let info = s.error_info().unwrap();
    /// assert_eq!(info.metadata("service"), Some("cloudchannel.googleapis.com"));
    /// assert_eq!(info.metadata("n"), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metadata(&self, key: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every metadata entry kept, in Google's order.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// # let s: Status = serde_json::from_str(r#"{"details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "metadata": {"a": "1", "b": "2"}}]}"#)?;
    /// assert_eq!(s.error_info().unwrap().metadata_entries().count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn metadata_entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.metadata.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// One detail of a status, as read: only the two types the crate reads are kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Detail {
    ErrorInfo(ErrorInfo),
    BadRequest(Vec<FieldViolation>),
    RetryInfo(Duration),
}

/// A proto3 JSON `google.protobuf.Duration` (`"5s"`, `"1.5s"`, `"0.000100s"`), at most
/// [`MAX_RETRY_DELAY`]; `None` for anything else (negative, malformed, more than 9 decimals).
fn parse_duration(text: &str) -> Option<Duration> {
    let number = text.trim().strip_suffix('s')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let valid = |digits: &str, max: usize| {
        digits.len() <= max && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if whole.is_empty() || !valid(whole, 20) || !valid(fraction, 9) {
        return None;
    }
    let seconds = whole.parse::<u64>().ok().unwrap_or(u64::MAX);
    let nanos = format!("{fraction:0<9}").parse::<u32>().ok()?;
    let delay = Duration::from_secs(seconds.min(MAX_RETRY_DELAY.as_secs()))
        + Duration::from_nanos(u64::from(nanos));
    Some(delay.min(MAX_RETRY_DELAY))
}

/// A duration as proto3 JSON writes it.
fn format_duration(delay: Duration) -> String {
    match delay.subsec_nanos() {
        0 => format!("{}s", delay.as_secs()),
        nanos => format!("{}.{nanos:09}s", delay.as_secs()),
    }
}

/// A detail before its `@type` is known (the `@type` may come after the fields).
#[derive(Default)]
struct RawDetail {
    type_url: Option<String>,
    reason: Option<String>,
    domain: Option<String>,
    metadata: Vec<(String, String)>,
    field_violations: Vec<FieldViolation>,
    retry_delay: Option<String>,
}

impl RawDetail {
    fn into_detail(self) -> Option<Detail> {
        match self.type_url.as_deref() {
            Some(ERROR_INFO_TYPE) => Some(Detail::ErrorInfo(ErrorInfo {
                reason: self.reason.unwrap_or_default(),
                domain: self.domain.unwrap_or_default(),
                metadata: self.metadata,
            })),
            Some(BAD_REQUEST_TYPE) => Some(Detail::BadRequest(self.field_violations)),
            Some(RETRY_INFO_TYPE) => self
                .retry_delay
                .as_deref()
                .and_then(parse_duration)
                .map(Detail::RetryInfo),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for RawDetail {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DetailVisitor)
    }
}

struct DetailVisitor;

impl<'de> Visitor<'de> for DetailVisitor {
    type Value = RawDetail;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a status detail")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut raw = RawDetail::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "@type" => raw.type_url = map.next_value::<LenientStr>()?.0,
                "reason" => raw.reason = map.next_value::<LenientStr>()?.0,
                "domain" => raw.domain = map.next_value::<LenientStr>()?.0,
                "retryDelay" => raw.retry_delay = map.next_value::<LenientStr>()?.0,
                "metadata" => raw.metadata = map.next_value::<LenientMetadata>()?.0,
                "fieldViolations" => {
                    raw.field_violations = map.next_value::<LenientViolations>()?.0;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(raw)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(RawDetail::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(RawDetail::default())
    }

    drop_other_values!(RawDetail::default());
}

/// `metadata`: string entries only, at most [`MAX_METADATA`].
struct LenientMetadata(Vec<(String, String)>);

impl<'de> Deserialize<'de> for LenientMetadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MetadataVisitor)
    }
}

struct MetadataVisitor;

impl<'de> Visitor<'de> for MetadataVisitor {
    type Value = LenientMetadata;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<LenientStr>()? {
            let value = map.next_value::<LenientStr>()?;
            if let (Some(k), Some(v), true) = (key.0, value.0, entries.len() < MAX_METADATA) {
                entries.push((k, v));
            }
        }
        Ok(LenientMetadata(entries))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(LenientMetadata(Vec::new()))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(LenientMetadata(Vec::new()))
    }

    drop_other_values!(LenientMetadata(Vec::new()));
}

/// `fieldViolations`: objects with `field` and `description`, at most
/// [`MAX_FIELD_VIOLATIONS`].
struct LenientViolations(Vec<FieldViolation>);

impl<'de> Deserialize<'de> for LenientViolations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ViolationsVisitor)
    }
}

struct ViolationsVisitor;

impl<'de> Visitor<'de> for ViolationsVisitor {
    type Value = LenientViolations;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of field violations")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while out.len() < MAX_FIELD_VIOLATIONS {
            match seq.next_element::<LenientViolation>()? {
                Some(LenientViolation(Some(v))) => out.push(v),
                Some(LenientViolation(None)) => {}
                None => return Ok(LenientViolations(out)),
            }
        }
        drain_seq(seq)?;
        Ok(LenientViolations(out))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(LenientViolations(Vec::new()))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        drain_map(map)?;
        Ok(LenientViolations(Vec::new()))
    }

    drop_other_values!(LenientViolations(Vec::new()));
}

/// One field violation, `None` for what is not an object.
struct LenientViolation(Option<FieldViolation>);

impl<'de> Deserialize<'de> for LenientViolation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ViolationVisitor)
    }
}

struct ViolationVisitor;

impl<'de> Visitor<'de> for ViolationVisitor {
    type Value = LenientViolation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field violation")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut v = FieldViolation::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "field" => v.field = map.next_value::<LenientStr>()?.0.unwrap_or_default(),
                "description" => {
                    v.description = map.next_value::<LenientStr>()?.0.unwrap_or_default();
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(LenientViolation(Some(v)))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(LenientViolation(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        drain_seq(seq)?;
        Ok(LenientViolation(None))
    }

    drop_other_values!(LenientViolation(None));
}

/// `details`: at most [`MAX_DETAILS`] of the known types, in order; `null` is none.
pub(super) fn deserialize_details<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Detail>, D::Error> {
    struct DetailsVisitor;

    impl<'de> Visitor<'de> for DetailsVisitor {
        type Value = Vec<Detail>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of status details")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            let mut violations = 0usize;
            let mut seen = 0usize;
            while seen < MAX_DETAILS {
                let Some(raw) = seq.next_element::<RawDetail>()? else {
                    return Ok(out);
                };
                seen += 1;
                match raw.into_detail() {
                    Some(Detail::BadRequest(mut list)) => {
                        list.truncate(MAX_FIELD_VIOLATIONS.saturating_sub(violations));
                        violations += list.len();
                        out.push(Detail::BadRequest(list));
                    }
                    Some(detail) => out.push(detail),
                    None => {}
                }
            }
            drain_seq(seq)?;
            Ok(out)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            drain_map(map)?;
            Ok(Vec::new())
        }

        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }

    deserializer.deserialize_any(DetailsVisitor)
}

/// An error as Google's APIs describe it (`google.rpc.Status`): a code, a message, a
/// canonical status name and details.
///
/// In a Cloud Channel error body (`{"error": Status}`), `code` is the HTTP status (400, 409, …)
/// and `status` the canonical name (`INVALID_ARGUMENT`, `ALREADY_EXISTS`, …). In an
/// [`Operation`](crate::wire::Operation)'s `error`, `code` is the canonical gRPC code (3, 6, …) and `status` is
/// usually absent: [`kind`](Self::kind) reads either.
///
/// Read leniently, with bounded memory: every field may be absent; detail types other than
/// `google.rpc.ErrorInfo` and `google.rpc.BadRequest`, and values of an unexpected JSON type
/// inside a detail, are ignored; at most [`MAX_DETAILS`] details, [`MAX_FIELD_VIOLATIONS`]
/// field violations, [`MAX_METADATA`] metadata entries and [`MAX_TEXT`] bytes of any text are
/// kept. `details` is read with `deserialize_any`: use a self-describing format (JSON as Google
/// sends it; JSON, CBOR, YAML, … to store it).
///
/// ```
/// use gws_onboarding::wire::{Call, GoogleErrorKind, Status};
///
/// let status: Status = serde_json::from_str(r#"{
///     "code": 6,
///     "message": "Primary email already exists."
/// }"#)?;
/// assert_eq!(status.kind(), GoogleErrorKind::AlreadyExists);
/// let report = status.to_report(Call::ChannelCustomersProvisionCloudIdentity);
/// assert_eq!(report.iter().next().map(|v| v.code()), Some("google.already_exists"));
/// assert_eq!(report.iter().next().map(|v| v.field()), Some("admin.email"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[allow(clippy::struct_field_names)] // `status` is Google's name for the field
pub struct Status {
    #[serde(default)]
    pub(super) code: i32,
    #[serde(default, deserialize_with = "capped_opt_string")]
    pub(super) message: Option<String>,
    #[serde(default, deserialize_with = "capped_opt_string")]
    pub(super) status: Option<String>,
    #[serde(default, deserialize_with = "deserialize_details")]
    pub(super) details: Vec<Detail>,
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A detail as Google writes it.
        struct DetailOut<'a>(&'a Detail);
        impl Serialize for DetailOut<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    Detail::ErrorInfo(info) => {
                        let mut map = serializer.serialize_map(Some(4))?;
                        map.serialize_entry("@type", ERROR_INFO_TYPE)?;
                        map.serialize_entry("reason", &info.reason)?;
                        map.serialize_entry("domain", &info.domain)?;
                        map.serialize_entry("metadata", &MetadataOut(&info.metadata))?;
                        map.end()
                    }
                    Detail::BadRequest(list) => {
                        let mut map = serializer.serialize_map(Some(2))?;
                        map.serialize_entry("@type", BAD_REQUEST_TYPE)?;
                        map.serialize_entry("fieldViolations", list)?;
                        map.end()
                    }
                    Detail::RetryInfo(delay) => {
                        let mut map = serializer.serialize_map(Some(2))?;
                        map.serialize_entry("@type", RETRY_INFO_TYPE)?;
                        map.serialize_entry("retryDelay", &format_duration(*delay))?;
                        map.end()
                    }
                }
            }
        }
        /// Metadata entries as a map.
        struct MetadataOut<'a>(&'a [(String, String)]);
        impl Serialize for MetadataOut<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
            }
        }

        let mut len = 1;
        len += usize::from(self.message.is_some());
        len += usize::from(self.status.is_some());
        len += usize::from(!self.details.is_empty());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("code", &self.code)?;
        if let Some(message) = &self.message {
            map.serialize_entry("message", message)?;
        }
        if let Some(status) = &self.status {
            map.serialize_entry("status", status)?;
        }
        if !self.details.is_empty() {
            let details: Vec<DetailOut<'_>> = self.details.iter().map(DetailOut).collect();
            map.serialize_entry("details", &details)?;
        }
        map.end()
    }
}

impl Status {
    /// `code`: the HTTP status in an error body, the gRPC code in an operation; 0 when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// let s: Status = serde_json::from_str(r#"{"code": 409, "status": "ALREADY_EXISTS"}"#)?;
    /// assert_eq!(s.code(), 409);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> i32 {
        self.code
    }

    /// `message`: Google's words for developers (English), cut to [`MAX_TEXT`] bytes; empty
    /// when absent.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// let s: Status = serde_json::from_str(r#"{"code": 3, "message": "Invalid domain."}"#)?;
    /// assert_eq!(s.message(), "Invalid domain.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or("")
    }

    /// `status`: the canonical name (`INVALID_ARGUMENT`, …), when Google gave one.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "FAILED_PRECONDITION"}"#)?;
    /// assert_eq!(s.status(), Some("FAILED_PRECONDITION"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The first `google.rpc.ErrorInfo` detail, when there is one.
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// let s: Status = serde_json::from_str(r#"{"code": 400}"#)?;
    /// assert!(s.error_info().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn error_info(&self) -> Option<&ErrorInfo> {
        self.details.iter().find_map(|d| match d {
            Detail::ErrorInfo(info) => Some(info),
            Detail::BadRequest(_) | Detail::RetryInfo(_) => None,
        })
    }

    /// The delay of the first `google.rpc.RetryInfo` detail (`"retryDelay": "5s"`), when Google
    /// sent one, at most [`MAX_RETRY_DELAY`].
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// use std::time::Duration;
    /// let s: Status = serde_json::from_str(r#"{"code": 429, "details": [
    ///     {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}]}"#)?;
    /// assert_eq!(s.retry_delay(), Some(Duration::from_millis(1500)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn retry_delay(&self) -> Option<Duration> {
        self.details.iter().find_map(|d| match d {
            Detail::RetryInfo(delay) => Some(*delay),
            _ => None,
        })
    }

    /// The field violations of every `google.rpc.BadRequest` detail, in order (at most
    /// [`MAX_FIELD_VIOLATIONS`]).
    ///
    /// ```
    /// # use gws_onboarding::wire::Status;
    /// let s: Status = serde_json::from_str(r#"{"details": [
    ///     {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": "a"}]},
    ///     {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "5s"},
    ///     {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": "b"}]}]}"#)?;
    /// let fields: Vec<&str> = s.field_violations().iter().map(|v| v.field()).collect();
    /// assert_eq!(fields, ["a", "b"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field_violations(&self) -> Vec<&FieldViolation> {
        self.details
            .iter()
            .flat_map(|d| match d {
                Detail::BadRequest(list) => list.as_slice(),
                Detail::ErrorInfo(_) | Detail::RetryInfo(_) => &[],
            })
            .collect()
    }

    /// The HTTP status this error came with, when `code` is one (100 to 599).
    pub(super) fn http_status(&self) -> Option<u16> {
        u16::try_from(self.code)
            .ok()
            .filter(|c| (100..600).contains(c))
    }
}
