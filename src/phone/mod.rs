//! Layer 2, values. International phone numbers in E.164 form, as the Reseller API's `phoneNumber` wants them
//! ("must start with `+` and the country code"; Google silently ignores an invalid one), checked
//! against each country's rules (libphonenumber's metadata, `data/phone_metadata.tsv`).
//!
//! ```
//! use gws_onboarding::{CountryCode, PhoneNumber};
//!
//! let phone: PhoneNumber = "+33 1 23 45 67 89".parse()?;
//! assert_eq!(phone.as_str(), "+33123456789");
//! assert_eq!(phone.country_calling_code(), "33");
//! // A national number is read with the country of the postal address.
//! let fr = CountryCode::parse("FR")?;
//! assert_eq!(PhoneNumber::parse_in("01 42 68 53 00", Some(fr))?.as_str(), "+33142685300");
//! assert_eq!("01 23 45 67 89".parse::<PhoneNumber>().unwrap_err().code(), "phone.missing_plus");
//! assert_eq!("+1 555 0100".parse::<PhoneNumber>().unwrap_err().code(), "phone.short_for_country");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::country::CountryCode;
use crate::error::{TrimExt, snippet};

mod dfa;
mod error;
mod rules;

pub use error::{CountryRule, ExtensionNotSent, PhoneError};
pub use rules::{MAX_DIGITS, MIN_DIGITS};
use rules::{Region, calling_code_len, region_of, regions_of};

/// The most bytes of input looked at.
///
/// ```
/// use gws_onboarding::{PhoneNumber, phone::MAX_INPUT_LEN};
/// let huge = format!("+{}", "1".repeat(MAX_INPUT_LEN));
/// assert_eq!(PhoneNumber::parse(&huge).unwrap_err().code(), "phone.too_long");
/// ```
pub const MAX_INPUT_LEN: usize = 64;

/// The most digits of an extension [`split_extension`] recognises.
const MAX_EXTENSION: usize = 10;

/// The words that introduce an extension, longest first: `;ext=` (RFC 3966), `ext`, `ext.`,
/// `extension`, `x`, `#`, and the French `poste`.
const EXTENSION_MARKERS: [&str; 6] = [";ext", "extension", "poste", "ext", "x", "#"];

/// Splits a trailing extension off a typed phone number: `+1 650 253 0000 ext. 12`,
/// `+33 1 42 68 53 00 poste 12`, `+44 20 7946 0000 x 3`, `+1 650 253 0000;ext=12`. Returns the
/// number part and the extension's digits (at most 10), or the whole input and `None`.
///
/// ```
/// use gws_onboarding::phone::split_extension;
/// assert_eq!(split_extension("+1 650 253 0000 ext. 12"), ("+1 650 253 0000", Some("12")));
/// assert_eq!(split_extension("+33 1 42 68 53 00 Poste : 4"), ("+33 1 42 68 53 00", Some("4")));
/// assert_eq!(split_extension("+1 650 253 0000;ext=7"), ("+1 650 253 0000", Some("7")));
/// assert_eq!(split_extension("+33 1 42 68 53 00"), ("+33 1 42 68 53 00", None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn split_extension(input: &str) -> (&str, Option<&str>) {
    if input.len() > MAX_INPUT_LEN {
        return (input, None);
    }
    let text = input.trim_end();
    let before_digits = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let extension = &text[before_digits.len()..];
    if extension.is_empty() || extension.len() > MAX_EXTENSION {
        return (input, None);
    }
    let before = before_digits
        .trim_end_matches(|c: char| matches!(c, ':' | '=' | '.' | '\t') || is_space(c));
    for marker in EXTENSION_MARKERS {
        let Some(cut) = before.len().checked_sub(marker.len()) else {
            continue;
        };
        let matched = before
            .get(cut..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(marker));
        if !matched {
            continue;
        }
        let number = before[..cut].trim_end_matches(|c: char| c == ',' || is_space(c));
        if number.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
            return (number, Some(extension));
        }
    }
    (input, None)
}

/// The spaces people type in a number: ASCII, no-break and narrow no-break.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The separators that may stand between the calling code and a written trunk prefix: the
/// spaces, `-` and `.`.
const SEPARATORS: [char; 5] = [SPACES[0], SPACES[1], SPACES[2], '-', '.'];

/// Separators accepted, and dropped, between digits: [`SEPARATORS`], `(` and `)`.
fn is_separator(c: char) -> bool {
    SEPARATORS.contains(&c) || matches!(c, '(' | ')')
}

/// Spaces allowed inside a written trunk prefix `( 0 )`.
fn is_space(c: char) -> bool {
    SPACES.contains(&c)
}

/// Where the trunk prefix `(0)` written right after the country calling code lies in `rest`
/// (the text after `+`), as a byte range from its `(` to its `)`: `+33 (0)1 42 68 53 00`,
/// `+44(0)20 7946 0000`, `+49 ( 0 ) 30 1234567`. Separators (space, `-`, `.`) may come between
/// the code and `(`, spaces inside the parentheses.
fn trunk_prefix(rest: &str) -> Option<(usize, usize)> {
    let mut digits = [0u8; 3];
    let mut count = 0;
    let mut code_end = None;
    // The code may itself be in parentheses: `+(33) (0)1 …`.
    let mut open = false;
    for (i, c) in rest.char_indices() {
        if let Some(d) = c.to_digit(10) {
            digits[count] = b'0' + u8::try_from(d).unwrap_or(0);
            count += 1;
            if calling_code_len(&digits[..count]).is_some_and(|(len, _)| len == count) {
                code_end = Some(i + 1);
                break;
            }
            if count == digits.len() {
                return None;
            }
        } else if c == '(' && count == 0 && !open {
            open = true;
        } else if !SEPARATORS.contains(&c) {
            return None;
        }
    }
    let mut after_code = rest[code_end?..].trim_start_matches(SEPARATORS);
    if open {
        after_code = after_code.strip_prefix(')')?.trim_start_matches(SEPARATORS);
    }
    let inner = after_code.strip_prefix('(')?.trim_start_matches(is_space);
    let inner = inner.strip_prefix('0')?.trim_start_matches(is_space);
    let after = inner.strip_prefix(')')?;
    Some((rest.len() - after_code.len(), rest.len() - after.len()))
}

/// A phone number in E.164 form: `+`, a country calling code, then a national number that the
/// country assigns, with one of the lengths it uses (libphonenumber's rules, metadata 9.0.x).
///
/// Parsing trims surrounding whitespace and drops the separators people type (spaces, `-`, `.`,
/// `(`, `)`). [`PhoneNumber::parse_in`] also reads a national number (`01 42 68 53 00`) with a
/// country, as libphonenumber does: the national prefix is dropped, and a number dialled with the
/// country's international prefix (`00 33 …`) is read as international.
///
/// A trunk prefix written in parentheses right after the country calling code is dropped with
/// them, as the international convention means it: `(0)` is dialled only from inside the
/// country. `+33 (0)1 42 68 53 00` is `+33142685300` and `+44 (0)20 7946 0000` is
/// `+442079460000`. Separators may stand between the code and `(`, spaces inside `( 0 )`, and
/// the code may be in parentheses itself (`+(33) (0)1 42 68 53 00`). A `0`
/// written anywhere else, or without parentheses, is a digit of the number (Italy's `+39 06…`
/// keeps its 0).
///
/// ```
/// use gws_onboarding::PhoneNumber;
/// assert_eq!(PhoneNumber::parse("+33 (0)1 42 68 53 00")?.as_str(), "+33142685300");
/// assert_eq!(PhoneNumber::parse("+44(0)20 7946 0000")?.as_str(), "+442079460000");
/// assert_eq!(PhoneNumber::parse("+39 06 1234 5678")?.as_str(), "+390612345678");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```
/// use gws_onboarding::PhoneNumber;
///
/// let phone = PhoneNumber::parse("+1 (650) 253-0000")?;
/// assert_eq!(phone.to_string(), "+16502530000");
/// assert_eq!(format!("{phone:?}"), "PhoneNumber(\"+16502530000\")");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses an international phone number (starting with `+`); the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`PhoneError::Empty`] for `""`; [`PhoneError::TooLong`] for input over
    /// [`MAX_INPUT_LEN`] bytes; [`PhoneError::MissingPlus`] for `"0123456789"`;
    /// [`PhoneError::InvalidChar`] for `"+33/123456789"`; [`PhoneError::Extension`] for
    /// `"+33 1 23 45 67 89 ext 2"`; [`PhoneError::Length`] for `"+331"`;
    /// [`PhoneError::CountryCode`] for `"+0123456789"` or `"+2801234567"`;
    /// [`PhoneError::ShortForCountry`] for `"+1 555 0100"`; [`PhoneError::LongForCountry`] for
    /// `"+33 6 12 34 56 78 90 12"`; [`PhoneError::Unassigned`] for `"+33 0 12 34 56 78"`.
    ///
    /// ```
    /// let phone = gws_onboarding::PhoneNumber::parse("+44 20.7031.3000")?;
    /// assert_eq!(phone.as_str(), "+442070313000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        Self::parse_in(input, None)
    }

    /// Parses a phone number, reading one written without `+` as a national number of
    /// `country` (the postal address's country, say). An international number is read as
    /// [`PhoneNumber::parse`] reads it; `country` then only chooses the example a refusal shows.
    ///
    /// # Errors
    ///
    /// Those of [`PhoneNumber::parse`]; [`PhoneError::MissingPlus`] only when `country` is
    /// `None`, or a country libphonenumber has no rules for.
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, PhoneNumber};
    /// let fr = Some(CountryCode::parse("FR")?);
    /// assert_eq!(PhoneNumber::parse_in("01 42 68 53 00", fr)?.as_str(), "+33142685300");
    /// assert_eq!(PhoneNumber::parse_in("00 44 20 7946 0000", fr)?.as_str(), "+442079460000");
    /// let us = Some(CountryCode::parse("US")?);
    /// assert_eq!(PhoneNumber::parse_in("(650) 253-0000", us)?.as_str(), "+16502530000");
    /// assert_eq!(PhoneNumber::parse_in("1 650 253 0000", us)?.as_str(), "+16502530000");
    /// assert_eq!(PhoneNumber::parse_in("01 42 68", fr).unwrap_err().code(), "phone.short_for_country");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_in(input: &str, country: Option<CountryCode>) -> Result<Self, PhoneError> {
        if input.len() > MAX_INPUT_LEN {
            return Err(PhoneError::TooLong { max: MAX_INPUT_LEN });
        }
        let trimmed = input.trim_fast();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        if let (_, Some(extension)) = split_extension(trimmed) {
            return Err(PhoneError::Extension {
                extension: extension.to_owned(),
            });
        }
        let region = country.and_then(region_of);
        if let Some(rest) = trimmed.strip_prefix('+') {
            let (head, tail) = match trunk_prefix(rest) {
                Some((start, end)) => (&rest[..start], &rest[end..]),
                None => (rest, ""),
            };
            let mut digits = String::with_capacity(MAX_DIGITS);
            push_digits(head, &mut digits)?;
            push_digits(tail, &mut digits)?;
            return check(&digits, region);
        }
        let Some(region) = region else {
            return Err(PhoneError::MissingPlus {
                found: snippet(trimmed),
            });
        };
        let mut digits = String::with_capacity(MAX_DIGITS);
        push_digits(trimmed, &mut digits)?;
        if let Some(international) = region.strip_intl_prefix(&digits) {
            return check(international, Some(region));
        }
        let national = region
            .strip_own_code(&digits)
            .unwrap_or_else(|| region.national_significant(&digits));
        check(&format!("{}{national}", region.code), Some(region))
    }

    /// libphonenumber's example number for `country` (a fixed-line number where the country
    /// has one), or `None` for a country it has no rules for.
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, PhoneNumber};
    /// let fr = PhoneNumber::example(CountryCode::parse("FR")?);
    /// assert_eq!(fr.map(String::from).as_deref(), Some("+33123456789"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn example(country: CountryCode) -> Option<PhoneNumber> {
        let region = region_of(country)?;
        check(&format!("{}{}", region.code, region.example), Some(region)).ok()
    }

    /// The E.164 form: `+` and digits only.
    ///
    /// ```
    /// let phone: gws_onboarding::PhoneNumber = "+49-30-1234567".parse()?;
    /// assert_eq!(phone.as_str(), "+49301234567");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country calling code, without `+`: `"1"`, `"33"`, `"353"`.
    ///
    /// ```
    /// let phone: gws_onboarding::PhoneNumber = "+353 1 234 5678".parse()?;
    /// assert_eq!(phone.country_calling_code(), "353");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn country_calling_code(&self) -> &str {
        let len = calling_code_len(&self.0.as_bytes()[1..]).map_or(0, |(len, _)| len);
        &self.0[1..=len]
    }

    /// The digits after the country calling code.
    ///
    /// ```
    /// let phone: gws_onboarding::PhoneNumber = "+353 1 234 5678".parse()?;
    /// assert_eq!(phone.national_number(), "12345678");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn national_number(&self) -> &str {
        &self.0[1 + self.country_calling_code().len()..]
    }

    /// The country the number belongs to, as libphonenumber tells it from the number's
    /// ranges (`+1 416…` is Canada), or `None` for a non-geographic number (`+800…`).
    ///
    /// ```
    /// let phone: gws_onboarding::PhoneNumber = "+1 416 555 0123".parse()?;
    /// assert_eq!(phone.country().map(|c| c.as_str()), Some("CA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn country(&self) -> Option<CountryCode> {
        let code = calling_code_len(&self.0.as_bytes()[1..])?.1;
        let national = self.national_number();
        regions_of(code)
            .iter()
            .find(|r| r.is_valid(national))
            .and_then(|r| CountryCode::parse(r.id).ok())
    }
}

/// Appends the ASCII digits of `text` to `digits`, refusing any character but a digit or a
/// separator.
fn push_digits(text: &str, digits: &mut String) -> Result<(), PhoneError> {
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) {
            return Err(PhoneError::InvalidChar {
                found: snippet(c.encode_utf8(&mut [0; 4])),
            });
        }
    }
    Ok(())
}

/// Checks `digits` (a calling code then a national number) against the rules of the code's
/// regions. A refusal shows `preferred`'s example when it shares the code, else the main
/// region's.
fn check(digits: &str, preferred: Option<&'static Region>) -> Result<PhoneNumber, PhoneError> {
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
        return Err(PhoneError::Length {
            digits: digits.len(),
        });
    }
    let e164 = format!("+{digits}");
    let Some((code_len, code)) = calling_code_len(digits.as_bytes()) else {
        return Err(PhoneError::CountryCode {
            found: snippet(&e164),
        });
    };
    let national = &digits[code_len..];
    let regions = regions_of(code);
    if regions.iter().any(|r| r.is_valid(national)) {
        return Ok(PhoneNumber(e164));
    }
    let Some(region) = preferred
        .filter(|r| r.code == code)
        .or_else(|| regions.first())
    else {
        return Err(PhoneError::CountryCode {
            found: snippet(&e164),
        });
    };
    let country = CountryRule {
        region: region.id,
        code,
        example: region.example,
        lengths: region.lengths,
    };
    let (min, max) = region.length_range();
    let digits = national.len();
    Err(if digits < min {
        PhoneError::ShortForCountry {
            found: e164,
            digits,
            country,
        }
    } else if digits > max {
        PhoneError::LongForCountry {
            found: e164,
            digits,
            country,
        }
    } else {
        PhoneError::Unassigned {
            found: e164,
            country,
        }
    })
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PhoneNumber").field(&self.0).finish()
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for PhoneNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> Self {
        phone.0
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PhoneNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PhoneNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Lang;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        PhoneNumber::parse(input).unwrap_err().code()
    }

    #[track_caller]
    fn national(input: &str, country: &str) -> Result<String, &'static str> {
        let country = CountryCode::parse(country).unwrap();
        PhoneNumber::parse_in(input, Some(country))
            .map(String::from)
            .map_err(|e| e.code())
    }

    #[test]
    fn accepts_and_canonicalises() {
        for (input, e164, cc) in [
            ("+1 650 253 0000", "+16502530000", "1"),
            ("  +33.1.23.45.67.89 ", "+33123456789", "33"),
            ("+7 (495) 123-45-67", "+74951234567", "7"),
            (
                "+352\u{a0}27\u{202f}12\u{a0}34\u{a0}56",
                "+35227123456",
                "352",
            ),
            ("+800 1234 5678", "+80012345678", "800"),
            ("+33 (0)1 42 68 53 00", "+33142685300", "33"),
            ("+44 (0)20 7946 0000", "+442079460000", "44"),
            ("+353 (0) 1 234 5678", "+35312345678", "353"),
            ("+49-( 0 )-30-1234567", "+49301234567", "49"),
            ("+1 (0)650 253 0000", "+16502530000", "1"),
            ("+(33) (0)1 42 68 53 00", "+33142685300", "33"),
            ("+(44)(0)20 7946 0000", "+442079460000", "44"),
        ] {
            let phone = PhoneNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(phone.as_str(), e164);
            assert_eq!(phone.country_calling_code(), cc);
            assert_eq!(phone.as_str().parse::<PhoneNumber>().unwrap(), phone);
        }
    }

    #[test]
    fn reads_national_numbers_with_the_country() {
        assert_eq!(national("01 42 68 53 00", "FR"), Ok("+33142685300".into()));
        assert_eq!(national("06 12 34 56 78", "FR"), Ok("+33612345678".into()));
        assert_eq!(national("1 42 68 53 00", "FR"), Ok("+33142685300".into()));
        assert_eq!(
            national("0033 1 42 68 53 00", "FR"),
            Ok("+33142685300".into())
        );
        assert_eq!(
            national("00 1 650 253 0000", "FR"),
            Ok("+16502530000".into())
        );
        assert_eq!(
            national("+44 20 7946 0000", "FR"),
            Ok("+442079460000".into())
        );
        assert_eq!(national("(650) 253-0000", "US"), Ok("+16502530000".into()));
        assert_eq!(national("1-650-253-0000", "US"), Ok("+16502530000".into()));
        assert_eq!(
            national("011 33 1 42 68 53 00", "US"),
            Ok("+33142685300".into())
        );
        assert_eq!(national("020 7946 0000", "GB"), Ok("+442079460000".into()));
        assert_eq!(national("030 1234567", "DE"), Ok("+49301234567".into()));
        assert_eq!(national("06 1234 5678", "IT"), Ok("+390612345678".into()));
        // The calling code typed without `+` (a spreadsheet's number column).
        assert_eq!(
            national("33 1 42 68 53 00", "FR"),
            Ok("+33142685300".into())
        );
        assert_eq!(national("33142685300", "FR"), Ok("+33142685300".into()));
        assert_eq!(
            national("44 20 7946 0000", "GB"),
            Ok("+442079460000".into())
        );
        // Argentina's mobile: 0 and 15 dropped, 9 added by the transform rule.
        assert_eq!(
            national("011 15-2345-6789", "AR"),
            Ok("+5491123456789".into())
        );
        assert_eq!(national("01 42 68", "FR"), Err("phone.short_for_country"));
        assert_eq!(
            national("01 42 68 53 00 00", "FR"),
            Err("phone.long_for_country")
        );
        assert_eq!(national("01/42", "FR"), Err("phone.invalid_char"));
    }

    #[test]
    fn refuses_by_country_rules_with_an_example() {
        let err = PhoneNumber::parse("+33 6 12 34 56 78 90 12").unwrap_err();
        assert_eq!(err.code(), "phone.long_for_country");
        assert_eq!(
            err.to_string(),
            "phone number +336123456789012 is too long for FR (+33): 13 digits after +33, 9 expected; for example +33123456789"
        );
        let err = PhoneNumber::parse("+1 555 0100").unwrap_err();
        assert_eq!(err.code(), "phone.short_for_country");
        assert!(
            err.to_string().contains("for example +12015550123"),
            "{err}"
        );
        let err = PhoneNumber::parse("+33 0 12 34 56 78").unwrap_err();
        assert_eq!(err.code(), "phone.unassigned");
        assert!(err.message(Lang::Fr).contains("FR (+33)"));
        // The example follows the postal address's country when it shares the code.
        let ca = CountryCode::parse("CA").unwrap();
        let err = PhoneNumber::parse_in("+1 555 01", Some(ca)).unwrap_err();
        assert!(err.to_string().contains("CA (+1)"), "{err}");
        let PhoneError::ShortForCountry { country, .. } = err else {
            panic!()
        };
        assert!(PhoneNumber::parse(&country.example()).is_ok());
    }

    #[test]
    fn rejects_with_precise_codes() {
        assert_eq!(code(""), "phone.empty");
        assert_eq!(code("   "), "phone.empty");
        assert_eq!(code("0123456789"), "phone.missing_plus");
        assert_eq!(code("0033123456789"), "phone.missing_plus");
        assert_eq!(code("tel:+33123456789"), "phone.missing_plus");
        assert_eq!(code("++33123456789"), "phone.invalid_char");
        assert_eq!(code("+33 1 23 45 67 89 x2"), "phone.extension");
        assert_eq!(code("+33 1 23 45 67 89 poste 12"), "phone.extension");
        assert_eq!(code("+33/123456789"), "phone.invalid_char");
        assert_eq!(code("+٣٣١٢٣٤٥٦٧٨٩"), "phone.invalid_char");
        assert_eq!(code("+33\u{202e}123456789"), "phone.invalid_char");
        assert_eq!(code("+33\n123456789"), "phone.invalid_char");
        assert_eq!(code("+"), "phone.length");
        assert_eq!(code("+123"), "phone.length");
        assert_eq!(code("+1234567890123456"), "phone.length");
        assert_eq!(code("+0123456789"), "phone.country_code");
        assert_eq!(code("+2801234567"), "phone.country_code");
        assert_eq!(code("+8351234567"), "phone.country_code");
        assert_eq!(code(&"+1".repeat(40)), "phone.too_long");
    }

    #[test]
    fn splits_extensions_as_people_write_them() {
        for (input, number, ext) in [
            ("+1 650 253 0000 ext. 12", "+1 650 253 0000", "12"),
            ("+1 650 253 0000 EXT 12", "+1 650 253 0000", "12"),
            ("+1 650 253 0000 extension 3", "+1 650 253 0000", "3"),
            ("+1 650 253 0000x12", "+1 650 253 0000", "12"),
            ("+1 650 253 0000 #12", "+1 650 253 0000", "12"),
            ("+1 650 253 0000;ext=12", "+1 650 253 0000", "12"),
            ("+33 1 42 68 53 00, poste 245", "+33 1 42 68 53 00", "245"),
            ("+33 (1) 42 68 53 00 Poste: 2", "+33 (1) 42 68 53 00", "2"),
        ] {
            assert_eq!(split_extension(input), (number, Some(ext)), "{input}");
        }
        for input in [
            "+1 650 253 0000",
            "x12",
            "ext 5",
            "+33 1 box 2",
            "+1 650 253 0000 ext 12345678901",
        ] {
            assert_eq!(split_extension(input), (input, None), "{input}");
        }
    }

    #[test]
    fn messages_escape_and_exist_in_both_languages() {
        let err = PhoneNumber::parse("+33\u{202e}1").unwrap_err();
        assert_eq!(
            err.to_string(),
            "phone number contains \"\\u{202e}\": only digits and the separators space, -, ., ( and ) are allowed"
        );
        let rule = |s: &str| match PhoneNumber::parse(s) {
            Err(
                PhoneError::ShortForCountry { country, .. }
                | PhoneError::LongForCountry { country, .. }
                | PhoneError::Unassigned { country, .. },
            ) => country,
            other => panic!("{other:?}"),
        };
        for err in [
            PhoneError::Empty,
            PhoneError::TooLong { max: MAX_INPUT_LEN },
            PhoneError::MissingPlus { found: "0".into() },
            PhoneError::InvalidChar { found: "x".into() },
            PhoneError::Length { digits: 3 },
            PhoneError::CountryCode { found: "+0".into() },
            PhoneError::ShortForCountry {
                found: "+331".into(),
                digits: 1,
                country: rule("+33 1 23 4"),
            },
            PhoneError::LongForCountry {
                found: "+331".into(),
                digits: 1,
                country: rule("+44 1 23 4"),
            },
            PhoneError::Unassigned {
                found: "+331".into(),
                country: rule("+1 555 01"),
            },
            PhoneError::Extension {
                extension: "2".into(),
            },
        ] {
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
            assert!(err.code().starts_with("phone."));
        }
        assert_eq!(rule("+44 1 23 4").lengths_text(Lang::En), "7, 9 or 10");
        assert_eq!(rule("+44 1 23 4").lengths_text(Lang::Fr), "7, 9 ou 10");
        assert_eq!(rule("+49 1 2345").lengths_text(Lang::En), "4 to 15");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parser() {
        let phone: PhoneNumber = serde_json::from_str("\"+33 1 23 45 67 89\"").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"+33123456789\"");
        assert!(serde_json::from_str::<PhoneNumber>("\"0123\"").is_err());
        assert!(serde_json::from_str::<PhoneNumber>("\"+1 555 0100\"").is_err());
    }
}
