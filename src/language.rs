//! Layer 2, values. BCP 47 language tags, as the Cloud Channel API's `languageCode` takes them (`en-US`).
//!
//! ```
//! use gws_onboarding::LanguageCode;
//!
//! let tag: LanguageCode = "ZH-hant-tw".parse()?;
//! assert_eq!(tag.as_str(), "zh-Hant-TW");
//! assert_eq!(tag.script(), Some("Hant"));
//! // POSIX locale names are read with `_` as `-`.
//! assert_eq!("fr_FR".parse::<LanguageCode>()?.as_str(), "fr-FR");
//! assert_eq!("en.US".parse::<LanguageCode>().unwrap_err().code(), "language.invalid_char");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::error::{Lang, TrimExt, snippet};

/// The longest tag accepted, in bytes (RFC 5646 §4.4.1 asks every implementation to handle 35).
///
/// ```
/// use gws_onboarding::{LanguageCode, language::MAX_LEN};
/// assert_eq!(LanguageCode::parse(&"a".repeat(MAX_LEN + 1)).unwrap_err().code(), "language.too_long");
/// ```
pub const MAX_LEN: usize = 35;

/// A well-formed BCP 47 (RFC 5646) language tag, in canonical case.
///
/// The syntax checked is `language[-extlang][-script][-region]*(-variant)*(-extension)[-x-private]`:
/// language 2–3 letters (with up to three 3-letter extlangs) or 4–8 letters, script 4 letters,
/// region 2 letters or 3 digits, variants 5–8 alphanumerics or a digit and 3 alphanumerics,
/// extensions a singleton and 2–8 alphanumeric subtags, private use `x` and 1–8 alphanumeric
/// subtags; no variant nor singleton twice. Grandfathered tags (`i-klingon`) and tags made of a
/// private use part only (`x-foo`) are refused. Subtags are not checked against the IANA registry.
///
/// Canonical case: lowercase, except the script in titlecase and the region in uppercase.
/// Surrounding whitespace is trimmed. An underscore is read as a hyphen, so that locale names
/// as POSIX and Java write them (`fr_FR`, `zh_Hant_TW`) give their BCP 47 tag (`fr-FR`,
/// `zh-Hant-TW`): `_` is never part of a BCP 47 tag, so the reading is unambiguous.
///
/// ```
/// use gws_onboarding::LanguageCode;
///
/// let tag = LanguageCode::parse("sr-latn-rs")?;
/// assert_eq!(tag.to_string(), "sr-Latn-RS");
/// assert_eq!(format!("{tag:?}"), "LanguageCode(\"sr-Latn-RS\")");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode {
    tag: String,
    /// Byte offset of the script subtag (always 4 bytes long).
    script: Option<u8>,
    /// Byte offset and length of the region subtag.
    region: Option<(u8, u8)>,
}

/// Where the parser is in the tag: what may come next.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// After a 2–3 letter language: up to three extlangs may follow.
    Extlang(u8),
    Script,
    Region,
    Variant,
    Extension,
}

/// Checks the length, then trims and checks the characters; returns the trimmed tag.
fn check_chars(input: &str) -> Result<std::borrow::Cow<'_, str>, LanguageError> {
    if input.len() > MAX_LEN {
        return Err(LanguageError::TooLong { max: MAX_LEN });
    }
    // Full-width letters and hyphens (an IME's `ｆｒ－ＦＲ`) are the same tag.
    let folded = crate::names::fold_width_str(input);
    let trimmed = match folded {
        std::borrow::Cow::Borrowed(text) => std::borrow::Cow::Borrowed(text.trim_fast()),
        std::borrow::Cow::Owned(text) => std::borrow::Cow::Owned(text.trim_fast().to_owned()),
    };
    if trimmed.is_empty() {
        return Err(LanguageError::Empty);
    }
    match trimmed
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && *c != '-' && *c != '_')
    {
        Some(c) => Err(LanguageError::InvalidChar {
            found: snippet(c.encode_utf8(&mut [0; 4])),
        }),
        None => Ok(trimmed),
    }
}

/// The common shapes `ll` and `ll-RR` (two-letter language, optional two-letter region),
/// canonicalised without the general parser.
fn common_shape(trimmed: &str) -> Option<LanguageCode> {
    let b = trimmed.as_bytes();
    let alpha2 = |i: usize| b[i].is_ascii_alphabetic() && b[i + 1].is_ascii_alphabetic();
    if b.len() == 2 && alpha2(0) {
        return Some(LanguageCode {
            tag: trimmed.to_ascii_lowercase(),
            script: None,
            region: None,
        });
    }
    if b.len() == 5 && alpha2(0) && b[2] == b'-' && alpha2(3) {
        let mut tag = trimmed.to_ascii_lowercase();
        tag[3..].make_ascii_uppercase();
        return Some(LanguageCode {
            tag,
            script: None,
            region: Some((3, 2)),
        });
    }
    None
}

/// Appends to `tag` the subtags of an extension (2–8 characters, up to the next singleton) or of
/// the private use part (1–8 characters, up to the end).
///
/// Fails with the malformed subtag, or with `None` when there is no subtag at all.
fn take_extension<'a>(
    private: bool,
    subtags: &mut std::str::Split<'a, char>,
    tag: &mut String,
) -> Result<(), Option<&'a str>> {
    let min = if private { 1 } else { 2 };
    let mut count = 0;
    let mut lookahead = subtags.clone();
    while let Some(next) = lookahead.next() {
        if next.len() == 1 && !private {
            break;
        }
        if !(min..=8).contains(&next.len()) {
            return Err(Some(next));
        }
        tag.push('-');
        tag.push_str(next);
        count += 1;
        *subtags = lookahead.clone();
    }
    if count == 0 { Err(None) } else { Ok(()) }
}

impl LanguageCode {
    /// Parses a language tag; the same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`LanguageError::Empty`] for `""`; [`LanguageError::TooLong`] for more than [`MAX_LEN`]
    /// bytes; [`LanguageError::InvalidChar`] for `"en.US"` or `"fr FR"` (`"en_US"` is read as
    /// `en-US`);
    /// [`LanguageError::EmptySubtag`] for `"en--US"` or `"en-"`; [`LanguageError::Subtag`] for
    /// `"e"`, `"en-U"`, `"en-US-a"` or `"i-klingon"`; [`LanguageError::Duplicate`] for
    /// `"sl-rozaj-rozaj"`.
    ///
    /// ```
    /// let tag = gws_onboarding::LanguageCode::parse("fr-ca")?;
    /// assert_eq!(tag.as_str(), "fr-CA");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<Self, LanguageError> {
        let checked = check_chars(input)?;
        let trimmed: &str = &checked;
        let hyphenated;
        let trimmed = if trimmed.contains('_') {
            hyphenated = trimmed.replace('_', "-");
            hyphenated.as_str()
        } else {
            trimmed
        };
        if let Some(code) = common_shape(trimmed) {
            return Ok(code);
        }
        let tag = trimmed.to_ascii_lowercase();
        let subtag_error = |subtag: &str| LanguageError::Subtag {
            tag: snippet(trimmed),
            subtag: snippet(subtag),
        };
        let mut out = LanguageCode {
            tag: String::with_capacity(tag.len()),
            script: None,
            region: None,
        };
        let mut subtags = tag.split('-');
        if subtags.clone().any(str::is_empty) {
            return Err(LanguageError::EmptySubtag {
                tag: snippet(trimmed),
            });
        }
        let language = subtags.next().unwrap_or_default();
        let is_alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
        let is_digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(2..=8).contains(&language.len()) || !is_alpha(language) {
            return Err(subtag_error(language));
        }
        out.tag.push_str(language);
        let mut stage = if language.len() <= 3 {
            Stage::Extlang(0)
        } else {
            Stage::Script
        };
        // Variants (4 or more characters) and extension singletons (1) seen so far.
        let mut seen: Vec<&str> = Vec::new();
        let duplicate = |subtag: &str| LanguageError::Duplicate {
            tag: snippet(trimmed),
            subtag: snippet(subtag),
        };
        while let Some(subtag) = subtags.next() {
            let len = subtag.len();
            // Offsets fit in u8: the whole tag is at most MAX_LEN bytes.
            let start = u8::try_from(out.tag.len() + 1).unwrap_or(u8::MAX);
            let canonical = match (len, stage) {
                (3, Stage::Extlang(n)) if n < 3 && is_alpha(subtag) => {
                    stage = Stage::Extlang(n + 1);
                    subtag.to_owned()
                }
                (4, s) if s <= Stage::Script && is_alpha(subtag) => {
                    stage = Stage::Region;
                    out.script = Some(start);
                    let mut titled = subtag.to_owned();
                    titled[..1].make_ascii_uppercase();
                    titled
                }
                (2 | 3, s)
                    if s <= Stage::Region
                        && (len == 2) == is_alpha(subtag)
                        && (len == 3) == is_digit(subtag) =>
                {
                    stage = Stage::Variant;
                    out.region = Some((start, u8::try_from(len).unwrap_or(u8::MAX)));
                    subtag.to_ascii_uppercase()
                }
                (4..=8, s)
                    if s <= Stage::Variant
                        && (len > 4 || subtag.as_bytes()[0].is_ascii_digit()) =>
                {
                    stage = Stage::Variant;
                    if seen.contains(&subtag) {
                        return Err(duplicate(subtag));
                    }
                    seen.push(subtag);
                    subtag.to_owned()
                }
                (1, _) => {
                    // An extension or the private use part.
                    let private = subtag == "x";
                    if !private && seen.contains(&subtag) {
                        return Err(duplicate(subtag));
                    }
                    seen.push(subtag);
                    out.tag.push('-');
                    out.tag.push_str(subtag);
                    take_extension(private, &mut subtags, &mut out.tag)
                        .map_err(|bad| subtag_error(bad.unwrap_or(subtag)))?;
                    stage = Stage::Extension;
                    continue;
                }
                _ => return Err(subtag_error(subtag)),
            };
            out.tag.push('-');
            out.tag.push_str(&canonical);
        }
        Ok(out)
    }

    /// The tag in canonical case, e.g. `"en-US"`.
    ///
    /// ```
    /// assert_eq!("EN-us".parse::<gws_onboarding::LanguageCode>()?.as_str(), "en-US");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The primary language subtag, in lowercase: `"en"` for `en-US`.
    ///
    /// ```
    /// assert_eq!("pt-BR".parse::<gws_onboarding::LanguageCode>()?.primary_language(), "pt");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn primary_language(&self) -> &str {
        self.tag.split('-').next().unwrap_or_default()
    }

    /// The script subtag, in titlecase, if any: `"Hant"` for `zh-Hant-TW`.
    ///
    /// ```
    /// let tag: gws_onboarding::LanguageCode = "zh-Hant-TW".parse()?;
    /// assert_eq!(tag.script(), Some("Hant"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn script(&self) -> Option<&str> {
        self.script
            .map(|start| &self.tag[usize::from(start)..usize::from(start) + 4])
    }

    /// The region subtag, in uppercase, if any: `"US"` for `en-US`, `"419"` for `es-419`.
    ///
    /// ```
    /// let tag: gws_onboarding::LanguageCode = "es-419".parse()?;
    /// assert_eq!(tag.region(), Some("419"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.region
            .map(|(start, len)| &self.tag[usize::from(start)..usize::from(start + len)])
    }
}

impl fmt::Debug for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("LanguageCode").field(&self.tag).finish()
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl AsRef<str> for LanguageCode {
    fn as_ref(&self) -> &str {
        &self.tag
    }
}

impl From<LanguageCode> for String {
    fn from(code: LanguageCode) -> Self {
        code.tag
    }
}

impl FromStr for LanguageCode {
    type Err = LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for LanguageCode {
    type Error = LanguageError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for LanguageCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.tag)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for LanguageCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a string is not a well-formed BCP 47 language tag.
///
/// ```
/// use gws_onboarding::{LanguageCode, Lang};
///
/// let err = "en-U".parse::<LanguageCode>().unwrap_err();
/// assert_eq!(err.code(), "language.subtag");
/// assert_eq!(err.to_string(), "language tag \"en-U\" has a misplaced or malformed subtag \"u\"");
/// assert!(err.message(Lang::Fr).starts_with("l'étiquette de langue"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LanguageError {
    /// Nothing but whitespace.
    #[error("language tag is empty")]
    Empty,
    /// Longer than [`MAX_LEN`] bytes.
    #[error("language tag is longer than {max} characters")]
    TooLong {
        /// [`MAX_LEN`].
        max: usize,
    },
    /// A character other than an ASCII letter, digit, `-` or `_` (read as `-`).
    #[error("language tag contains \"{found}\": only ASCII letters, digits and - are allowed")]
    InvalidChar {
        /// The character, made safe to echo.
        found: String,
    },
    /// Two hyphens in a row, or a leading or trailing hyphen.
    #[error("language tag \"{tag}\" has an empty subtag")]
    EmptySubtag {
        /// The tag, made safe to echo.
        tag: String,
    },
    /// A subtag of the wrong length or kind for where it stands.
    #[error("language tag \"{tag}\" has a misplaced or malformed subtag \"{subtag}\"")]
    Subtag {
        /// The tag, made safe to echo.
        tag: String,
        /// The offending subtag, in lowercase, made safe to echo.
        subtag: String,
    },
    /// A variant or an extension singleton given twice.
    #[error("language tag \"{tag}\" repeats the subtag \"{subtag}\"")]
    Duplicate {
        /// The tag, made safe to echo.
        tag: String,
        /// The repeated subtag, in lowercase, made safe to echo.
        subtag: String,
    },
}

impl LanguageError {
    /// The stable machine code: `language.empty`, `language.too_long`, `language.invalid_char`,
    /// `language.empty_subtag`, `language.subtag` or `language.duplicate`.
    ///
    /// ```
    /// let err = "en--US".parse::<gws_onboarding::LanguageCode>().unwrap_err();
    /// assert_eq!(err.code(), "language.empty_subtag");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            LanguageError::Empty => "language.empty",
            LanguageError::TooLong { .. } => "language.too_long",
            LanguageError::InvalidChar { .. } => "language.invalid_char",
            LanguageError::EmptySubtag { .. } => "language.empty_subtag",
            LanguageError::Subtag { .. } => "language.subtag",
            LanguageError::Duplicate { .. } => "language.duplicate",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "".parse::<gws_onboarding::LanguageCode>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "l'étiquette de langue est vide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                LanguageError::Empty => "l'étiquette de langue est vide".to_owned(),
                LanguageError::TooLong { max } => {
                    format!("l'étiquette de langue dépasse {max} caractères")
                }
                LanguageError::InvalidChar { found } => format!(
                    "l'étiquette de langue contient « {found} » : seuls les lettres ASCII, les chiffres et - sont admis"
                ),
                LanguageError::EmptySubtag { tag } => {
                    format!("l'étiquette de langue « {tag} » a une sous-étiquette vide")
                }
                LanguageError::Subtag { tag, subtag } => format!(
                    "l'étiquette de langue « {tag} » a une sous-étiquette « {subtag} » mal placée ou mal formée"
                ),
                LanguageError::Duplicate { tag, subtag } => {
                    format!("l'étiquette de langue « {tag} » répète la sous-étiquette « {subtag} »")
                }
            },
        }
    }
}

crate::error::impl_diagnostic!(LanguageError);

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(input: &str) -> &'static str {
        LanguageCode::parse(input).unwrap_err().code()
    }

    #[test]
    fn accepts_well_formed_tags_in_canonical_case() {
        for (input, canonical, script, region) in [
            ("en", "en", None, None),
            ("EN-us", "en-US", None, Some("US")),
            ("zh-hant-tw", "zh-Hant-TW", Some("Hant"), Some("TW")),
            ("es-419", "es-419", None, Some("419")),
            ("zh-yue-HK", "zh-yue-HK", None, Some("HK")),
            ("zh-cmn-Hans-CN", "zh-cmn-Hans-CN", Some("Hans"), Some("CN")),
            ("sl-rozaj-biske", "sl-rozaj-biske", None, None),
            ("de-CH-1901", "de-CH-1901", None, Some("CH")),
            ("en-US-u-ca-gregory", "en-US-u-ca-gregory", None, Some("US")),
            ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc", None, None),
            ("en-US-X-Private", "en-US-x-private", None, Some("US")),
            ("de-DE-u-co-phonebk", "de-DE-u-co-phonebk", None, Some("DE")),
            ("en-a-bb-b-cc", "en-a-bb-b-cc", None, None),
            ("haw", "haw", None, None),
            ("abcdefgh-Latn", "abcdefgh-Latn", Some("Latn"), None),
            (" fr-CA ", "fr-CA", None, Some("CA")),
        ] {
            let tag = LanguageCode::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(tag.as_str(), canonical);
            assert_eq!(tag.script(), script, "{input}");
            assert_eq!(tag.region(), region, "{input}");
            assert_eq!(tag.as_str().parse::<LanguageCode>().unwrap(), tag);
        }
    }

    #[test]
    fn underscores_are_read_as_hyphens() {
        for (input, canonical) in [
            ("fr_FR", "fr-FR"),
            ("en_us", "en-US"),
            ("zh_Hant_TW", "zh-Hant-TW"),
            (" pt_BR ", "pt-BR"),
            ("es_419", "es-419"),
        ] {
            assert_eq!(
                LanguageCode::parse(input).map(String::from),
                Ok(canonical.into())
            );
        }
        assert_eq!(code("fr__FR"), "language.empty_subtag");
        assert_eq!(code("fr_"), "language.empty_subtag");
        assert_eq!(code("fr_FR.UTF-8"), "language.invalid_char");
    }

    #[test]
    fn extension_two_letter_subtags_stay_lowercase() {
        let tag = LanguageCode::parse("en-t-fr-ca").unwrap();
        assert_eq!(tag.as_str(), "en-t-fr-ca");
        assert_eq!(tag.region(), None);
    }

    #[test]
    fn rejects_malformed_tags() {
        assert_eq!(code(""), "language.empty");
        assert_eq!(code("  "), "language.empty");
        assert_eq!(code(&"a".repeat(36)), "language.too_long");
        assert_eq!(code(&"en-".repeat(10_000)), "language.too_long");
        for bad in [
            "en.US",
            "fr FR",
            "en-US\u{200b}",
            "é",
            "en.US",
            "en-\u{202e}US",
        ] {
            assert_eq!(code(bad), "language.invalid_char", "{bad}");
        }
        for bad in ["en--US", "-en", "en-", "-"] {
            assert_eq!(code(bad), "language.empty_subtag", "{bad}");
        }
        for bad in [
            "e",
            "abcdefghi",
            "e1",
            "123",
            "en-U",
            "en-US-a",
            "en-x",
            "en-a-b",
            "en-US-Latn",
            "en-abc-def-ghi-jkl",
            "en-u-toolongsub",
            "en-x-abcdefghi",
            "i-klingon",
            "x-private",
            "en-123-456",
            "en-US-US",
            "en-1234-a1",
            "en-US-12",
        ] {
            assert_eq!(code(bad), "language.subtag", "{bad}");
        }
        assert_eq!(code("sl-rozaj-rozaj"), "language.duplicate");
        assert_eq!(code("en-a-bb-A-cc"), "language.duplicate");
    }

    #[test]
    fn messages_escape_and_exist_in_both_languages() {
        assert_eq!(
            LanguageCode::parse("en-US-a").unwrap_err().to_string(),
            "language tag \"en-US-a\" has a misplaced or malformed subtag \"a\""
        );
        for err in [
            LanguageError::Empty,
            LanguageError::TooLong { max: MAX_LEN },
            LanguageError::InvalidChar { found: "_".into() },
            LanguageError::EmptySubtag { tag: "a--b".into() },
            LanguageError::Subtag {
                tag: "e".into(),
                subtag: "e".into(),
            },
            LanguageError::Duplicate {
                tag: "t".into(),
                subtag: "s".into(),
            },
        ] {
            assert_eq!(err.message(Lang::En), err.to_string());
            assert!(!err.message(Lang::Fr).is_empty());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
            assert!(err.code().starts_with("language."));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parser() {
        let tag: LanguageCode = serde_json::from_str("\"en-us\"").unwrap();
        assert_eq!(serde_json::to_string(&tag).unwrap(), "\"en-US\"");
        assert!(serde_json::from_str::<LanguageCode>("\"en.US\"").is_err());
        let posix: LanguageCode = serde_json::from_str("\"fr_fr\"").unwrap();
        assert_eq!(posix.as_str(), "fr-FR");
    }
}
