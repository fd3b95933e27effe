//! Layer 2, values. International phone numbers in E.164 form, as the Reseller API's `phoneNumber` wants them
//! ("must start with `+` and the country code"; Google silently ignores an invalid one).
//!
//! ```
//! use gws_onboarding::PhoneNumber;
//!
//! let phone: PhoneNumber = "+33 1 23 45 67 89".parse()?;
//! assert_eq!(phone.as_str(), "+33123456789");
//! assert_eq!(phone.country_calling_code(), "33");
//! assert_eq!("01 23 45 67 89".parse::<PhoneNumber>().unwrap_err().code(), "phone.missing_plus");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::error::{Lang, TrimExt, snippet};

/// The most bytes of input looked at.
///
/// ```
/// use gws_onboarding::{PhoneNumber, phone::MAX_INPUT_LEN};
/// let huge = format!("+{}", "1".repeat(MAX_INPUT_LEN));
/// assert_eq!(PhoneNumber::parse(&huge).unwrap_err().code(), "phone.too_long");
/// ```
pub const MAX_INPUT_LEN: usize = 64;
/// The fewest digits after `+`, the country calling code included.
///
/// ```
/// use gws_onboarding::{PhoneNumber, phone::MIN_DIGITS};
/// assert_eq!(MIN_DIGITS, 8);
/// assert_eq!(PhoneNumber::parse("+33 1 2").unwrap_err().code(), "phone.length");
/// ```
pub const MIN_DIGITS: usize = 8;
/// The most digits after `+`, the country calling code included (ITU-T E.164).
///
/// ```
/// use gws_onboarding::{PhoneNumber, phone::MAX_DIGITS};
/// let long = format!("+33{}", "1".repeat(MAX_DIGITS));
/// assert_eq!(PhoneNumber::parse(&long).unwrap_err().code(), "phone.length");
/// ```
pub const MAX_DIGITS: usize = 15;

/// Two-digit country calling codes assigned by the ITU (E.164 list of assigned country codes).
const TWO_DIGIT_CODES: [u16; 44] = [
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
    57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// Three-digit country calling codes assigned (or reserved for a named country) by the ITU,
/// global services (800, 808, 870, 878, 881–883, 888) included.
const THREE_DIGIT_CODES: [u16; 171] = [
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233,
    234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252,
    253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297,
    298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376,
    377, 378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504,
    505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674,
    675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808,
    850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965,
    966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 991, 992, 993, 994, 995, 996, 998,
];

/// How many of the leading `digits` form an assigned country calling code, if any do.
fn calling_code_len(digits: &[u8]) -> Option<usize> {
    let value = |n: usize| {
        digits.get(..n).map(|d| {
            d.iter()
                .fold(0_u16, |acc, b| acc * 10 + u16::from(b - b'0'))
        })
    };
    if matches!(digits.first(), Some(b'1' | b'7')) {
        Some(1)
    } else if value(2).is_some_and(|v| TWO_DIGIT_CODES.binary_search(&v).is_ok()) {
        Some(2)
    } else if value(3).is_some_and(|v| THREE_DIGIT_CODES.binary_search(&v).is_ok()) {
        Some(3)
    } else {
        None
    }
}

/// Separators accepted, and dropped, between digits: spaces (no-break ones too), `-`, `.`, `(`
/// and `)`.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '-' | '.' | '(' | ')')
}

/// Spaces allowed inside a written trunk prefix `( 0 )`.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Where the trunk prefix `(0)` written right after the country calling code lies in `rest`
/// (the text after `+`), as a byte range from its `(` to its `)`: `+33 (0)1 42 68 53 00`,
/// `+44(0)20 7946 0000`, `+49 ( 0 ) 30 1234567`. Separators (space, `-`, `.`) may come between
/// the code and `(`, spaces inside the parentheses.
fn trunk_prefix(rest: &str) -> Option<(usize, usize)> {
    const SEPARATORS: [char; 5] = [' ', '\u{a0}', '\u{202f}', '-', '.'];
    let mut digits = [0u8; 3];
    let mut count = 0;
    let mut code_end = None;
    // The code may itself be in parentheses: `+(33) (0)1 …`.
    let mut open = false;
    for (i, c) in rest.char_indices() {
        if let Some(d) = c.to_digit(10) {
            digits[count] = b'0' + u8::try_from(d).unwrap_or(0);
            count += 1;
            if calling_code_len(&digits[..count]) == Some(count) {
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

/// A phone number in E.164 form: `+`, an assigned country calling code, then the national number,
/// 8 to 15 digits in all.
///
/// Parsing trims surrounding whitespace and drops the separators people type (spaces, `-`, `.`,
/// `(`, `)`). Whether the national number exists is not checked.
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
    /// Parses a phone number; the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`PhoneError::Empty`] for `""`; [`PhoneError::TooLong`] for input over
    /// [`MAX_INPUT_LEN`] bytes; [`PhoneError::MissingPlus`] for `"0123456789"`;
    /// [`PhoneError::InvalidChar`] for `"+33 1 23 45 67 89 ext 2"` or `"+33/123456789"`;
    /// [`PhoneError::Length`] for `"+331234"`; [`PhoneError::CountryCode`] for `"+0123456789"` or
    /// `"+2801234567"`.
    ///
    /// ```
    /// let phone = gws_onboarding::PhoneNumber::parse("+44 20.7031.3000")?;
    /// assert_eq!(phone.as_str(), "+442070313000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        if input.len() > MAX_INPUT_LEN {
            return Err(PhoneError::TooLong { max: MAX_INPUT_LEN });
        }
        let trimmed = input.trim_fast();
        let Some(rest) = trimmed.strip_prefix('+') else {
            return Err(if trimmed.is_empty() {
                PhoneError::Empty
            } else {
                PhoneError::MissingPlus {
                    found: snippet(trimmed),
                }
            });
        };
        let mut e164 = String::with_capacity(MAX_DIGITS + 1);
        e164.push('+');
        let (head, tail) = match trunk_prefix(rest) {
            Some((start, end)) => (&rest[..start], &rest[end..]),
            None => (rest, ""),
        };
        for c in head.chars().chain(tail.chars()) {
            if c.is_ascii_digit() {
                e164.push(c);
            } else if !is_separator(c) {
                return Err(PhoneError::InvalidChar {
                    found: snippet(c.encode_utf8(&mut [0; 4])),
                });
            }
        }
        let digits = e164.len() - 1;
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
            return Err(PhoneError::Length { digits });
        }
        if calling_code_len(&e164.as_bytes()[1..]).is_none() {
            return Err(PhoneError::CountryCode {
                found: snippet(&e164),
            });
        }
        Ok(PhoneNumber(e164))
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
        let len = calling_code_len(&self.0.as_bytes()[1..]).unwrap_or(0);
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

/// Why a string is not an E.164 phone number.
///
/// ```
/// use gws_onboarding::{Lang, PhoneNumber};
///
/// let err = "+33 1 23 45 67 89 ext 2".parse::<PhoneNumber>().unwrap_err();
/// assert_eq!(err.code(), "phone.invalid_char");
/// assert_eq!(err.to_string(), "phone number contains \"e\": only digits and the separators space, -, ., ( and ) are allowed");
/// assert!(err.message(Lang::Fr).contains("« e »"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing but whitespace.
    #[error("phone number is empty")]
    Empty,
    /// The input is longer than [`MAX_INPUT_LEN`] bytes.
    #[error("phone number is longer than {max} characters")]
    TooLong {
        /// [`MAX_INPUT_LEN`].
        max: usize,
    },
    /// The number does not start with `+`.
    #[error("phone number \"{found}\" does not start with + and the country calling code")]
    MissingPlus {
        /// The input, made safe to echo.
        found: String,
    },
    /// A character other than a digit or an accepted separator.
    #[error(
        "phone number contains \"{found}\": only digits and the separators space, -, ., ( and ) are allowed"
    )]
    InvalidChar {
        /// The character, made safe to echo.
        found: String,
    },
    /// Fewer than [`MIN_DIGITS`] or more than [`MAX_DIGITS`] digits.
    #[error("phone number has {digits} digits: expected 8 to 15, country calling code included")]
    Length {
        /// How many digits the number has.
        digits: usize,
    },
    /// The digits after `+` do not start with an assigned country calling code (`+0…`, `+28…`).
    #[error("phone number \"{found}\" does not start with an assigned country calling code")]
    CountryCode {
        /// The number without its separators, made safe to echo.
        found: String,
    },
}

impl PhoneError {
    /// The stable machine code: `phone.empty`, `phone.too_long`, `phone.missing_plus`,
    /// `phone.invalid_char`, `phone.length` or `phone.country_code`.
    ///
    /// ```
    /// let err = "+0123456789".parse::<gws_onboarding::PhoneNumber>().unwrap_err();
    /// assert_eq!(err.code(), "phone.country_code");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "phone.empty",
            PhoneError::TooLong { .. } => "phone.too_long",
            PhoneError::MissingPlus { .. } => "phone.missing_plus",
            PhoneError::InvalidChar { .. } => "phone.invalid_char",
            PhoneError::Length { .. } => "phone.length",
            PhoneError::CountryCode { .. } => "phone.country_code",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "+3312".parse::<gws_onboarding::PhoneNumber>().unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "le numéro de téléphone a 4 chiffres : il en faut de 8 à 15, indicatif pays compris"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                PhoneError::Empty => "le numéro de téléphone est vide".to_owned(),
                PhoneError::TooLong { max } => {
                    format!("le numéro de téléphone dépasse {max} caractères")
                }
                PhoneError::MissingPlus { found } => format!(
                    "le numéro de téléphone « {found} » ne commence pas par + et l'indicatif pays"
                ),
                PhoneError::InvalidChar { found } => format!(
                    "le numéro de téléphone contient « {found} » : seuls les chiffres et les séparateurs espace, -, ., ( et ) sont admis"
                ),
                PhoneError::Length { digits } => format!(
                    "le numéro de téléphone a {digits} chiffres : il en faut de 8 à 15, indicatif pays compris"
                ),
                PhoneError::CountryCode { found } => format!(
                    "le numéro de téléphone « {found} » ne commence pas par un indicatif pays attribué"
                ),
            },
        }
    }
}

crate::error::impl_diagnostic!(PhoneError);

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        PhoneNumber::parse(input).unwrap_err().code()
    }

    #[test]
    fn tables_are_sorted() {
        assert!(TWO_DIGIT_CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(THREE_DIGIT_CODES.windows(2).all(|w| w[0] < w[1]));
        // No three-digit code extends a one- or two-digit one.
        assert!(THREE_DIGIT_CODES.iter().all(
            |c| TWO_DIGIT_CODES.binary_search(&(c / 10)).is_err() && !matches!(c / 100, 1 | 7)
        ));
    }

    #[test]
    fn accepts_and_canonicalises() {
        for (input, e164, cc) in [
            ("+1 650 253 0000", "+16502530000", "1"),
            ("  +33.1.23.45.67.89 ", "+33123456789", "33"),
            ("+7 (495) 123-45-67", "+74951234567", "7"),
            ("+352\u{a0}12\u{202f}34\u{a0}56", "+352123456", "352"),
            ("+80012345678", "+80012345678", "800"),
            ("+123456789012345", "+123456789012345", "1"),
            ("+12345678", "+12345678", "1"),
            ("+33 (0)1 42 68 53 00", "+33142685300", "33"),
            ("+44 (0)20 7946 0000", "+442079460000", "44"),
            ("+353 (0) 1 234 5678", "+35312345678", "353"),
            ("+49-( 0 )-30-1234567", "+49301234567", "49"),
            ("+1 (0)650 253 0000", "+16502530000", "1"),
            ("+33 1 (0)2 34 56 78", "+33102345678", "33"),
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
    fn rejects_with_precise_codes() {
        assert_eq!(code(""), "phone.empty");
        assert_eq!(code("   "), "phone.empty");
        assert_eq!(code("0123456789"), "phone.missing_plus");
        assert_eq!(code("0033123456789"), "phone.missing_plus");
        assert_eq!(code("tel:+33123456789"), "phone.missing_plus");
        assert_eq!(code("++33123456789"), "phone.invalid_char");
        assert_eq!(code("+33 1 23 45 67 89 x2"), "phone.invalid_char");
        assert_eq!(code("+33/123456789"), "phone.invalid_char");
        assert_eq!(code("+٣٣١٢٣٤٥٦٧٨٩"), "phone.invalid_char");
        assert_eq!(code("+33\u{202e}123456789"), "phone.invalid_char");
        assert_eq!(code("+33\n123456789"), "phone.invalid_char");
        assert_eq!(code("+"), "phone.length");
        assert_eq!(code("+123456"), "phone.length");
        assert_eq!(code("+1234567890123456"), "phone.length");
        assert_eq!(code("+0123456789"), "phone.country_code");
        assert_eq!(code("+2801234567"), "phone.country_code");
        assert_eq!(code("+8351234567"), "phone.country_code");
        assert_eq!(code(&"+1".repeat(40)), "phone.too_long");
    }

    #[test]
    fn messages_escape_and_exist_in_both_languages() {
        let err = PhoneNumber::parse("+33\u{202e}1").unwrap_err();
        assert_eq!(
            err.to_string(),
            "phone number contains \"\\u{202e}\": only digits and the separators space, -, ., ( and ) are allowed"
        );
        for err in [
            PhoneError::Empty,
            PhoneError::TooLong { max: MAX_INPUT_LEN },
            PhoneError::MissingPlus { found: "0".into() },
            PhoneError::InvalidChar { found: "x".into() },
            PhoneError::Length { digits: 3 },
            PhoneError::CountryCode { found: "+0".into() },
        ] {
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
            assert!(err.code().starts_with("phone."));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parser() {
        let phone: PhoneNumber = serde_json::from_str("\"+33 1 23 45 67 89\"").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"+33123456789\"");
        assert!(serde_json::from_str::<PhoneNumber>("\"0123\"").is_err());
    }
}
