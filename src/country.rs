//! Layer 2, values. ISO 3166-1 alpha-2 country codes, as the Reseller API's `postalAddress.countryCode` takes them.
//!
//! ```
//! use gws_onboarding::CountryCode;
//!
//! let fr: CountryCode = " fr ".parse()?;
//! assert_eq!(fr.as_str(), "FR");
//! let uk = "UK".parse::<CountryCode>().unwrap_err();
//! assert_eq!(uk.code(), "country.unassigned");
//! assert_eq!(uk.suggestion().map(CountryCode::as_str), Some("GB"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::error::{Lang, TrimExt, snippet};

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted for binary search.
///
/// User-assigned codes (`AA`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`), exceptionally reserved codes (`UK`,
/// `EU`, `AC`, `TA`, …), transitionally reserved and indeterminately reserved codes are absent.
const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Two-letter codes people use for a country that ISO 3166-1 codes otherwise, with that
/// country's code: the exceptionally reserved `UK` (United Kingdom), `EL` (Greece, as the
/// European Union writes it), `FX` (Metropolitan France), `IC` and `EA` (Canary Islands; Ceuta
/// and Melilla: Spain), `DG` (Diego Garcia: British Indian Ocean Territory), `CP` (Clipperton:
/// France), `AC` and `TA` (Ascension; Tristan da Cunha: Saint Helena), and the former codes
/// `BU` (Burma: Myanmar), `TP` (East Timor: Timor-Leste) and `ZR` (Zaire: Congo, the Democratic
/// Republic). Sorted. Source: the ISO 3166-1 reserved code elements, as the ISO 3166
/// Maintenance Agency lists them, and the EU Interinstitutional Style Guide (EL).
const ALIASES: [(&str, &str); 12] = [
    ("AC", "SH"),
    ("BU", "MM"),
    ("CP", "FR"),
    ("DG", "IO"),
    ("EA", "ES"),
    ("EL", "GR"),
    ("FX", "FR"),
    ("IC", "ES"),
    ("TA", "SH"),
    ("TP", "TL"),
    ("UK", "GB"),
    ("ZR", "CD"),
];

/// The most bytes of input looked at: a code with generous surrounding whitespace.
const MAX_INPUT: usize = 16;

/// An officially assigned ISO 3166-1 alpha-2 country code, in uppercase.
///
/// Parsing trims surrounding whitespace and accepts any case. Whether Google approves the country
/// for resale is not checked here.
///
/// ```
/// use gws_onboarding::CountryCode;
///
/// let gb = CountryCode::parse("gb")?;
/// assert_eq!(gb.to_string(), "GB");
/// assert_eq!(format!("{gb:?}"), "CountryCode(\"GB\")");
/// assert!(CountryCode::parse("EU").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(&'static str);

impl CountryCode {
    /// Parses a country code; the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`CountryError::Empty`] for `""` or `"  "`, [`CountryError::Format`] for `"FRA"` or
    /// `"F1"`, [`CountryError::Unassigned`] for `"XX"`, `"UK"` or `"EU"`.
    ///
    /// ```
    /// let de = gws_onboarding::CountryCode::parse("De")?;
    /// assert_eq!(de.as_str(), "DE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, CountryError> {
        if input.len() > MAX_INPUT {
            return Err(CountryError::Format {
                found: snippet(input),
            });
        }
        let trimmed = input.trim_fast();
        if trimmed.is_empty() {
            return Err(CountryError::Empty);
        }
        // Full-width letters (an IME's `ＦＲ`) are the same code.
        let folded = crate::names::fold_width_str(trimmed);
        let upper = match folded.as_bytes() {
            &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                [a.to_ascii_uppercase(), b.to_ascii_uppercase()]
            }
            _ => {
                return Err(CountryError::Format {
                    found: snippet(trimmed),
                });
            }
        };
        ASSIGNED
            .binary_search_by(|code| code.as_bytes().cmp(&upper[..]))
            .map(|index| CountryCode(ASSIGNED[index]))
            .map_err(|_| CountryError::Unassigned {
                found: snippet(trimmed),
            })
    }

    /// The code in uppercase, e.g. `"FR"`.
    ///
    /// ```
    /// assert_eq!("ca".parse::<gws_onboarding::CountryCode>()?.as_str(), "CA");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// Every officially assigned code, in alphabetical order.
    ///
    /// ```
    /// let all: Vec<_> = gws_onboarding::CountryCode::all().collect();
    /// assert_eq!(all.len(), 249);
    /// assert_eq!(all[0].as_str(), "AD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn all() -> impl ExactSizeIterator<Item = CountryCode> {
        ASSIGNED.iter().map(|code| CountryCode(code))
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CountryCode").field(&self.0).finish()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl AsRef<str> for CountryCode {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.0.to_owned()
    }
}

impl FromStr for CountryCode {
    type Err = CountryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for CountryCode {
    type Error = CountryError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a string is not an assigned ISO 3166-1 alpha-2 country code.
///
/// ```
/// use gws_onboarding::{CountryCode, Lang};
///
/// let err = "ZZ".parse::<CountryCode>().unwrap_err();
/// assert_eq!(err.code(), "country.unassigned");
/// assert_eq!(err.to_string(), "country code \"ZZ\" is not an assigned ISO 3166-1 alpha-2 code");
/// assert!(err.message(Lang::Fr).starts_with("le code pays"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountryError {
    /// Nothing but whitespace.
    #[error("country code is empty")]
    Empty,
    /// Not two ASCII letters.
    #[error("country code \"{found}\" is not two letters")]
    Format {
        /// The input, made safe to echo.
        found: String,
    },
    /// Two letters, but not an officially assigned code (`XX`, `UK`, `EU`). For a well-known
    /// alias (`UK`, `EL`, …) the message names the code to use: see
    /// [`CountryError::suggestion`].
    #[error(
        "country code \"{found}\" is not an assigned ISO 3166-1 alpha-2 code{}",
        suggest(found, Lang::En)
    )]
    Unassigned {
        /// The input, made safe to echo.
        found: String,
    },
}

/// The assigned code for a well-known alias (`UK` → `GB`), in any case.
fn alias(found: &str) -> Option<CountryCode> {
    let upper = found.to_ascii_uppercase();
    ALIASES
        .binary_search_by(|(alias, _)| alias.cmp(&upper.as_str()))
        .ok()
        .and_then(|index| CountryCode::parse(ALIASES[index].1).ok())
}

/// The end of the message for an alias: `: did you mean `GB`?`, or nothing.
fn suggest(found: &str, lang: Lang) -> String {
    match (alias(found), lang) {
        (Some(code), Lang::Fr) => format!(" : vouliez-vous dire « {code} » ?"),
        (Some(code), _) => format!(": did you mean `{code}`?"),
        (None, _) => String::new(),
    }
}

impl CountryError {
    /// The assigned code to use instead, for a well-known alias: `GB` for `UK`, `GR` for `EL`.
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, Lang};
    /// let err = CountryCode::parse("uk").unwrap_err();
    /// assert_eq!(err.suggestion(), CountryCode::parse("GB").ok());
    /// assert_eq!(
    ///     err.to_string(),
    ///     "country code \"uk\" is not an assigned ISO 3166-1 alpha-2 code: did you mean `GB`?"
    /// );
    /// assert!(err.message(Lang::Fr).ends_with("vouliez-vous dire « GB » ?"));
    /// assert_eq!(CountryCode::parse("XX").unwrap_err().suggestion(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<CountryCode> {
        match self {
            CountryError::Unassigned { found } => alias(found),
            _ => None,
        }
    }

    /// The stable machine code: `country.empty`, `country.format` or `country.unassigned`.
    ///
    /// ```
    /// let err = "FRA".parse::<gws_onboarding::CountryCode>().unwrap_err();
    /// assert_eq!(err.code(), "country.format");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            CountryError::Empty => "country.empty",
            CountryError::Format { .. } => "country.format",
            CountryError::Unassigned { .. } => "country.unassigned",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "".parse::<gws_onboarding::CountryCode>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "le code pays est vide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => match self {
                CountryError::Empty => "le code pays est vide".to_owned(),
                CountryError::Format { found } => {
                    format!("le code pays « {found} » n'est pas formé de deux lettres")
                }
                CountryError::Unassigned { found } => format!(
                    "le code pays « {found} » n'est pas un code ISO 3166-1 alpha-2 attribué{}",
                    suggest(found, Lang::Fr)
                ),
            },
            Lang::En => self.to_string(),
        }
    }
}

crate::error::impl_diagnostic!(CountryError);

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        CountryCode::parse(input).unwrap_err().code()
    }

    #[test]
    fn table_is_sorted_unique_and_uppercase() {
        assert!(ASSIGNED.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(
            ASSIGNED
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn accepts_and_normalises() {
        for (input, expected) in [("fr", "FR"), (" Us\t", "US"), ("aX", "AX"), ("ZW", "ZW")] {
            assert_eq!(CountryCode::parse(input).unwrap().as_str(), expected);
        }
        for code in CountryCode::all() {
            assert_eq!(code.as_str().parse::<CountryCode>(), Ok(code));
            assert_eq!(
                code.as_str().to_lowercase().parse::<CountryCode>(),
                Ok(code)
            );
        }
    }

    #[test]
    fn aliases_are_sorted_and_point_to_assigned_codes() {
        assert!(ALIASES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (alias_code, code) in ALIASES {
            assert!(CountryCode::parse(alias_code).is_err(), "{alias_code}");
            let err = CountryCode::parse(&alias_code.to_lowercase()).unwrap_err();
            assert_eq!(err.code(), "country.unassigned");
            assert_eq!(err.suggestion().map(CountryCode::as_str), Some(code));
            assert!(
                err.to_string()
                    .ends_with(&format!("did you mean `{code}`?"))
            );
        }
        assert_eq!(
            CountryCode::parse("EL").unwrap_err().suggestion(),
            CountryCode::parse("GR").ok()
        );
    }

    #[test]
    fn rejects_reserved_and_malformed() {
        for reserved in [
            "XX", "ZZ", "UK", "EU", "AA", "AC", "TA", "QM", "XK", "YU", "AN",
        ] {
            assert_eq!(code(reserved), "country.unassigned", "{reserved}");
        }
        assert_eq!(code(""), "country.empty");
        assert_eq!(code(" \t "), "country.empty");
        assert_eq!(CountryCode::parse("Ｆr").map(CountryCode::as_str), Ok("FR"));
        for bad in ["F", "FRA", "F1", "F R", "é", "FR.", "Ｆ1", "F\u{200b}R"] {
            assert_eq!(code(bad), "country.format", "{bad}");
        }
        let long = format!("FR{}", " ".repeat(10_000));
        assert_eq!(code(&long), "country.format");
    }

    #[test]
    fn messages_escape_and_exist_in_both_languages() {
        let err = CountryCode::parse("\u{202e}X").unwrap_err();
        assert_eq!(
            err.to_string(),
            "country code \"\\u{202e}X\" is not two letters"
        );
        for err in [
            CountryError::Empty,
            CountryError::Format { found: "x".into() },
            CountryError::Unassigned { found: "x".into() },
        ] {
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
            assert!(err.code().starts_with("country."));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parser() {
        let code: CountryCode = serde_json::from_str("\"be\"").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"BE\"");
        assert!(serde_json::from_str::<CountryCode>("\"UK\"").is_err());
    }
}
