//! Layer 3, customer: the values of an order read from text: seats, purchase order id, deal
//! code, Channel offer name.

use std::fmt;
use std::str::FromStr;

use crate::error::{TrimExt, find_unsafe, snippet};

use super::error::{OrderError, OrderField};
use super::limits::{
    MAX_DEAL_CODE_CHARS, MAX_OFFER_ID_CHARS, MAX_OFFER_NAME_CHARS, MAX_PURCHASE_ORDER_ID_CHARS,
    MAX_SEATS, MAX_SEATS_TEXT,
};
#[cfg(doc)]
use crate::form;

/// Reads a number of seats as typed: decimal digits, an optional sign, surrounding white space
/// allowed; a JSON number's text (`25`, `25.0`, `2.5e1`) too. Zero is read (an order of zero seats is refused
/// by the order's rules, as [`OrderRefusal::NoSeats`](crate::eligibility::OrderRefusal::NoSeats)).
///
/// # Errors
///
/// - `order.seats_not_a_number`: `abc`, `12 seats`, `0x10`, `1,000`, `+`, a blank text;
/// - `order.seats_negative`: `-5`;
/// - `order.seats_fractional`: `2.5`, `1e-1`;
/// - `order.seats_too_large`: more than [`MAX_SEATS`] (`2147483648`, `1e300`).
///
/// A text over 64 bytes is refused by its length, unread: too many seats when its first 64
/// bytes are digits, not a number otherwise.
///
/// ```
/// use gws_onboarding::order;
/// assert_eq!(order::parse_seats(" 25 ")?, 25);
/// assert_eq!(order::parse_seats("2.5e1")?, 25);
/// assert_eq!(order::parse_seats("2.5").unwrap_err().code(), "order.seats_fractional");
/// assert_eq!(order::parse_seats("-1").unwrap_err().code(), "order.seats_negative");
/// assert_eq!(order::parse_seats("ten").unwrap_err().code(), "order.seats_not_a_number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_seats(raw: &str) -> Result<u32, OrderError> {
    if raw.len() > MAX_SEATS_TEXT {
        // Refused by its length: only its first bytes are looked at. More digits than fit
        // are too many seats; anything else is not a number.
        let found = snippet(raw);
        let digits = raw.bytes().take(MAX_SEATS_TEXT).all(|b| b.is_ascii_digit());
        return Err(if digits {
            OrderError::SeatsTooLarge { found }
        } else {
            OrderError::SeatsNotANumber { found }
        });
    }
    let found = || snippet(raw.trim_fast());
    let number = DecimalText::read(raw.trim_fast())
        .ok_or_else(|| OrderError::SeatsNotANumber { found: found() })?;
    if number.is_zero() {
        return Ok(0);
    }
    if number.negative {
        return Err(OrderError::SeatsNegative { found: found() });
    }
    if !number.is_whole() {
        return Err(OrderError::SeatsFractional { found: found() });
    }
    number
        .whole_value()
        .filter(|&n| n <= u64::from(MAX_SEATS))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| OrderError::SeatsTooLarge { found: found() })
}

/// A decimal number's text read into its significant digits:
/// `[+-]?digits(.digits)?([eE][+-]?digits)?`.
pub(super) struct DecimalText {
    pub(super) negative: bool,
    /// The significant digits, without leading or trailing zeros (empty for zero).
    pub(super) digits: Vec<u8>,
    /// Where the decimal point falls after the first `point` digits (may be negative or past
    /// the end).
    pub(super) point: i64,
}

impl DecimalText {
    /// Reads a text of at most [`MAX_SEATS_TEXT`] bytes.
    pub(super) fn read(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            Some((b'+', rest)) => (false, rest),
            _ => (false, bytes),
        };
        let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (int_part, rest) = rest.split_at(int_len);
        if int_part.is_empty() {
            return None;
        }
        let (frac_part, rest) = match rest.split_first() {
            Some((b'.', after)) => {
                let len = after.iter().take_while(|b| b.is_ascii_digit()).count();
                if len == 0 {
                    return None;
                }
                after.split_at(len)
            }
            _ => rest.split_at(0),
        };
        let exponent: i64 = match rest.split_first() {
            None => 0,
            Some((b'e' | b'E', after)) => {
                let (sign, digits) = match after.split_first() {
                    Some((b'-', d)) => (-1, d),
                    Some((b'+', d)) => (1, d),
                    _ => (1, after),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                // Capped: any exponent past it means far too many or far too few seats.
                let value = digits.iter().fold(0_i64, |acc, d| {
                    (acc * 10 + i64::from(d - b'0')).min(1_000_000)
                });
                sign * value
            }
            Some(_) => return None,
        };
        let mut point = i64::try_from(int_part.len()).ok()? + exponent;
        let all = int_part.iter().chain(frac_part);
        let mut digits: Vec<u8> = Vec::with_capacity(MAX_SEATS_TEXT);
        for &d in all {
            if digits.is_empty() && d == b'0' {
                point -= 1;
            } else {
                digits.push(d - b'0');
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(DecimalText {
            negative,
            digits,
            point,
        })
    }

    pub(super) fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Whether no significant digit falls after the point.
    pub(super) fn is_whole(&self) -> bool {
        usize::try_from(self.point).is_ok_and(|point| point >= self.digits.len())
    }

    /// The value of a whole number, when it fits in 10 digits (more than [`MAX_SEATS`] else).
    pub(super) fn whole_value(&self) -> Option<u64> {
        let point = usize::try_from(self.point).ok().filter(|&p| p <= 10)?;
        let value = (0..point).fold(0_u64, |acc, i| {
            acc * 10 + u64::from(self.digits.get(i).copied().unwrap_or(0))
        });
        Some(value)
    }
}

/// Checks a purchase order id or deal code: refused by its length first, then trimmed, not
/// blank, at most `max` characters, no control or invisible character.
pub(super) fn check_text(raw: &str, field: OrderField, max: usize) -> Result<&str, OrderError> {
    // More bytes than `max` four-byte characters and some white space: too long, unread.
    if raw.len() > max * 4 + MAX_SEATS_TEXT {
        return Err(OrderError::TooLong { field, max });
    }
    let text = raw.trim_fast();
    if text.is_empty() {
        return Err(OrderError::Empty { field });
    }
    if text.len() > max && text.chars().count() > max {
        return Err(OrderError::TooLong { field, max });
    }
    if let Some((_, c)) = find_unsafe(text) {
        return Err(OrderError::UnsafeChar {
            field,
            code_point: u32::from(c),
        });
    }
    Ok(text)
}

/// Implements the string surface of a validated text: `as_str` and the shared
/// [`str_traits`](crate::surface::str_traits) (`FromStr`, `TryFrom<&str>`, `AsRef<str>`,
/// `Display`, `From<T> for String`, serde through `parse`).
macro_rules! text_surface {
    ($ty:ident) => {
        impl $ty {
            /// The text, trimmed.
            ///
            /// ```
            #[doc = concat!("use gws_onboarding::order::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::parse(\" X-1 \")?.as_str(), \"X-1\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        $crate::surface::str_traits!($ty, OrderError);
    };
}

/// The reseller's purchase order number for the order (Reseller API `purchaseOrderId`, Cloud
/// Channel `purchaseOrderId`): at most [`MAX_PURCHASE_ORDER_ID_CHARS`] characters, trimmed,
/// no control or invisible character.
///
/// ```
/// use gws_onboarding::order::PurchaseOrderId;
/// let id = PurchaseOrderId::parse(" PO 2026/0042 ")?;
/// assert_eq!(id.as_str(), "PO 2026/0042");
/// assert_eq!(PurchaseOrderId::parse(&"9".repeat(81)).unwrap_err().code(), "order.too_long");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PurchaseOrderId(Box<str>);

impl PurchaseOrderId {
    /// Checks and trims a purchase order number.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (81 characters or more; a megabyte is refused
    /// by its length, unread), `order.unsafe_char` (`PO\u{202e}1`, a line break).
    ///
    /// ```
    /// use gws_onboarding::order::PurchaseOrderId;
    /// assert_eq!(PurchaseOrderId::parse("PO\u{202e}1").unwrap_err().code(), "order.unsafe_char");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        check_text(
            raw,
            OrderField::PurchaseOrderId,
            MAX_PURCHASE_ORDER_ID_CHARS,
        )
        .map(|text| PurchaseOrderId(text.into()))
    }
}

text_surface!(PurchaseOrderId);

/// A Google deal code for special pricing (Reseller API `dealCode`): at most
/// [`MAX_DEAL_CODE_CHARS`] characters, trimmed, no control or invisible character.
///
/// ```
/// use gws_onboarding::order::DealCode;
/// assert_eq!(DealCode::parse("DEAL-7Q2")?.as_str(), "DEAL-7Q2");
/// assert_eq!(DealCode::parse(" ").unwrap_err().code(), "order.empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DealCode(Box<str>);

impl DealCode {
    /// Checks and trims a deal code.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (101 characters or more),
    /// `order.unsafe_char` (a control, bidirectional or invisible character).
    ///
    /// ```
    /// use gws_onboarding::order::DealCode;
    /// assert_eq!(DealCode::parse(&"D".repeat(101)).unwrap_err().code(), "order.too_long");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        check_text(raw, OrderField::DealCode, MAX_DEAL_CODE_CHARS).map(|text| DealCode(text.into()))
    }
}

text_surface!(DealCode);

/// A Cloud Channel offer's resource name, `accounts/{account}/offers/{offer}`: each id 1 to
/// [`MAX_OFFER_ID_CHARS`] ASCII letters, digits, `-` or `_`.
///
/// ```
/// use gws_onboarding::order::OfferName;
/// let offer: OfferName = "accounts/C01abc23/offers/FzP3lmPQ".parse()?;
/// assert_eq!(offer.account_id(), "C01abc23");
/// assert_eq!(offer.offer_id(), "FzP3lmPQ");
/// assert_eq!(offer.to_string(), "accounts/C01abc23/offers/FzP3lmPQ");
/// assert_eq!(OfferName::parse("offers/FzP3lmPQ").unwrap_err().code(), "order.offer_name");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfferName {
    name: Box<str>,
    /// The account id is `name["accounts/".len()..account_end]`.
    account_end: usize,
}

pub(super) const ACCOUNTS: &str = "accounts/";
pub(super) const OFFERS: &str = "/offers/";

pub(super) fn is_resource_id(id: &str) -> bool {
    (1..=MAX_OFFER_ID_CHARS).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl OfferName {
    /// Checks an offer name, surrounding white space removed.
    ///
    /// # Errors
    ///
    /// `order.empty` (blank), `order.too_long` (longer than `accounts/` + 64 + `/offers/` +
    /// 64 characters), `order.unsafe_char`, `order.offer_name` (`offers/X`,
    /// `accounts/C01/skus/X`, `accounts//offers/X`, `accounts/C 1/offers/X`, a trailing `/`).
    ///
    /// ```
    /// use gws_onboarding::order::OfferName;
    /// assert_eq!(OfferName::parse("accounts/C01/offers/").unwrap_err().code(), "order.offer_name");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, OrderError> {
        let field = OrderField::Offer;
        if raw.len() > MAX_OFFER_NAME_CHARS + MAX_SEATS_TEXT {
            return Err(OrderError::TooLong {
                field,
                max: MAX_OFFER_NAME_CHARS,
            });
        }
        let text = raw.trim_fast();
        if text.is_empty() {
            return Err(OrderError::Empty { field });
        }
        if let Some((_, c)) = find_unsafe(text) {
            return Err(OrderError::UnsafeChar {
                field,
                code_point: u32::from(c),
            });
        }
        if text.chars().count() > MAX_OFFER_NAME_CHARS {
            return Err(OrderError::TooLong {
                field,
                max: MAX_OFFER_NAME_CHARS,
            });
        }
        let malformed = || OrderError::OfferName {
            found: snippet(text),
        };
        let rest = text.strip_prefix(ACCOUNTS).ok_or_else(malformed)?;
        let (account, offer) = rest.split_once(OFFERS).ok_or_else(malformed)?;
        if !is_resource_id(account) || !is_resource_id(offer) {
            return Err(malformed());
        }
        Ok(OfferName {
            name: text.into(),
            account_end: ACCOUNTS.len() + account.len(),
        })
    }

    /// The whole name, `accounts/{account}/offers/{offer}`.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.as_str(), "accounts/C01/offers/O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The reseller's Channel account id.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.account_id(), "C01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn account_id(&self) -> &str {
        self.name
            .get(ACCOUNTS.len()..self.account_end)
            .unwrap_or_default()
    }

    /// The offer id.
    ///
    /// ```
    /// let offer = gws_onboarding::order::OfferName::parse("accounts/C01/offers/O1")?;
    /// assert_eq!(offer.offer_id(), "O1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offer_id(&self) -> &str {
        self.name
            .get(self.account_end + OFFERS.len()..)
            .unwrap_or_default()
    }
}

impl AsRef<str> for OfferName {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for OfferName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl FromStr for OfferName {
    type Err = OrderError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OfferName::parse(s)
    }
}

impl From<OfferName> for String {
    fn from(value: OfferName) -> String {
        value.name.into()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OfferName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for OfferName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        OfferName::parse(&raw).map_err(serde::de::Error::custom)
    }
}
