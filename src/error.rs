//! Layer 1, base. What every error of this crate shares: a stable machine code, a message in English or French,
//! and safe echoing of the input that caused it.
//!
//! Each error type ([`DomainError`](crate::DomainError), [`EmailError`](crate::EmailError), …)
//! has an inherent `code()` and `message(Lang)`, and implements [`Diagnostic`] so that a
//! caller can handle all of them alike.
//!
//! ```
//! use gws_onboarding::{Diagnostic, Lang, PrimaryDomain};
//!
//! let err = "gmail.com".parse::<PrimaryDomain>().unwrap_err();
//! assert_eq!(err.code(), "domain.consumer");
//! assert!(err.message(Lang::Fr).contains("gmail.com"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::{self, Write as _};

/// The language of a human-readable message.
///
/// The Partner Sales Console is used in English and in French; every code of this crate has a
/// message in both.
///
/// ```
/// use gws_onboarding::Lang;
///
/// assert_eq!("fr".parse::<Lang>()?, Lang::Fr);
/// assert_eq!(Lang::default(), Lang::En);
/// assert_eq!(Lang::Fr.as_str(), "fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The ISO 639-1 code of the language: `"en"` or `"fr"`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Lang::En.as_str(), "en");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Picks the English or the French text.
    pub(crate) fn pick<T>(self, en: T, fr: T) -> T {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string names no language this crate has messages in.
///
/// ```
/// let err = "de".parse::<gws_onboarding::Lang>().unwrap_err();
/// assert_eq!(err.to_string(), "unsupported message language \"de\": expected \"en\" or \"fr\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct ParseLangError {
    found: String,
}

impl ParseLangError {
    /// The stable machine code, `lang.unsupported`.
    ///
    /// ```
    /// assert_eq!("de".parse::<gws_onboarding::Lang>().unwrap_err().code(), "lang.unsupported");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        "lang.unsupported"
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "de".parse::<Lang>().unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "langue des messages « de » non prise en charge : valeurs possibles « en » ou « fr »"
    /// );
    /// let blank = "".parse::<Lang>().unwrap_err();
    /// assert_eq!(blank.message(Lang::En), "unsupported message language (empty): expected \"en\" or \"fr\"");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let blank = self.found.trim().is_empty();
        if lang == Lang::Fr {
            let found = if blank {
                "(vide)".to_owned()
            } else {
                format!("« {} »", self.found)
            };
            format!(
                "langue des messages {found} non prise en charge : valeurs possibles « en » ou « fr »"
            )
        } else {
            let found = if blank {
                "(empty)".to_owned()
            } else {
                format!("\"{}\"", self.found)
            };
            format!("unsupported message language {found}: expected \"en\" or \"fr\"")
        }
    }
}

impl_diagnostic!(ParseLangError);

impl std::str::FromStr for Lang {
    type Err = ParseLangError;

    /// Accepts `en`/`fr`, any case, with an optional region (`fr-CA`, `en_GB`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s
            .get(..2)
            .filter(|_| s.len() == 2 || matches!(s.as_bytes().get(2), Some(b'-' | b'_')));
        match primary.map(str::to_ascii_lowercase).as_deref() {
            Some("en") if s.len() <= 16 => Ok(Lang::En),
            Some("fr") if s.len() <= 16 => Ok(Lang::Fr),
            _ => Err(ParseLangError { found: snippet(s) }),
        }
    }
}

/// How serious a violation is.
///
/// An [`Error`](Severity::Error) makes the customer invalid; a [`Warning`](Severity::Warning)
/// is worth showing to the salesperson but does not block creation.
///
/// ```
/// use gws_onboarding::Severity;
/// assert_eq!(Severity::Warning.as_str(), "warning");
/// assert!(Severity::Error > Severity::Warning);
/// ```
///
/// It parses from its name, in any case; with the `serde` feature it (de)serialises as its name,
/// through [`FromStr`](std::str::FromStr), so that a refused value's message is escaped and cut.
///
/// ```
/// use gws_onboarding::Severity;
/// assert_eq!("Warning".parse::<Severity>()?, Severity::Warning);
/// assert_eq!("fatal".parse::<Severity>().unwrap_err().code(), "value.unknown");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; does not block.
    Warning,
    /// Blocks creation: Google would reject the request, or the Partner Sales Console help
    /// article *Ajouter un client Google Workspace* (Add a Google Workspace customer) forbids it.
    Error,
}

impl Severity {
    /// `"error"` or `"warning"`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Severity::Error.as_str(), "error");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every error of this crate can tell: a stable machine code and a message.
///
/// Codes are dotted, lowercase and stable across releases (`domain.public_suffix`,
/// `email.too_long`, `rule.secondary_in_primary_domain`); a new code may appear in a minor
/// release, an existing one never changes meaning. Messages are for people and may be reworded.
///
/// ```
/// use gws_onboarding::{Diagnostic, EmailAddress, Lang};
///
/// fn describe(err: &dyn Diagnostic) -> String {
///     format!("[{}] {}", err.code(), err.message(Lang::En))
/// }
/// let err = "no-at-sign".parse::<EmailAddress>().unwrap_err();
/// assert_eq!(describe(&err), "[email.missing_at] email address \"no-at-sign\" has no @");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Diagnostic: std::error::Error {
    /// The stable machine code, e.g. `domain.www`.
    fn code(&self) -> &'static str;
    /// The human message in `lang`; lowercase, no trailing period.
    fn message(&self, lang: Lang) -> String;
    /// How serious it is; errors unless said otherwise.
    fn severity(&self) -> Severity {
        Severity::Error
    }
}

/// Implements [`Diagnostic`] by delegating to the type's inherent `code` and `message`.
macro_rules! impl_diagnostic {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::error::Diagnostic for $ty {
            fn code(&self) -> &'static str {
                <$ty>::code(self)
            }
            fn message(&self, lang: $crate::error::Lang) -> String {
                <$ty>::message(self, lang)
            }
        }
    )*};
}
pub(crate) use impl_diagnostic;

/// Implements serde's `Serialize` (the type's `as_str()`) and `Deserialize` (through its
/// `FromStr`) for a closed set of names, so that a refused value gets the type's own error
/// message, escaped and cut like every message of the crate, rather than serde's derived
/// "unknown variant" message, which repeats the input raw (a bidi override, a newline, 5 000
/// characters).
///
/// `serde_via_str!(T)` uses `T::as_str` and `T::from_str`; `serde_via_str!(T, name, parse)` uses
/// `T::name` and the function `parse: fn(&str) -> Result<T, impl Display>`.
macro_rules! serde_via_str {
    ($ty:ty) => {
        $crate::error::serde_via_str!($ty, as_str, str::parse::<$ty>);
    };
    ($ty:ty, $name:ident, $parse:expr) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$name())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::error::deserialize_parsed(deserializer, $parse)
            }
        }
    };
}
pub(crate) use serde_via_str;

serde_via_str!(Severity);

/// Reads a string and parses it with `parse`; a refusal becomes a serde error carrying the
/// parser's own message (which must quote input only through [`snippet`]). For hand-written
/// `Deserialize` impls of closed sets and validated values.
#[cfg(feature = "serde")]
pub(crate) fn deserialize_parsed<'de, D, T, E>(
    deserializer: D,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: fmt::Display,
{
    let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    parse(&s).map_err(serde::de::Error::custom)
}

/// `str::trim` with a fast exit for the common case of text that starts and ends with a
/// printable ASCII character (the Unicode-aware trim costs more than many whole checks).
pub(crate) trait TrimExt {
    /// The text without leading and trailing white space.
    fn trim_fast(&self) -> &str;
}

impl TrimExt for str {
    #[inline]
    fn trim_fast(&self) -> &str {
        match (self.as_bytes().first(), self.as_bytes().last()) {
            (Some(&a), Some(&b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => self,
            _ => self.trim(),
        }
    }
}

/// The most characters of user input an error message repeats.
pub(crate) const SNIPPET_CHARS: usize = 64;

/// A copy of user input that is safe to put in a message or a log line.
///
/// Control, format (bidi overrides, zero-width) and other invisible characters are written as
/// `\u{..}` escapes, `"` and `\` are escaped, and the copy is cut with `…` once it would pass
/// [`SNIPPET_CHARS`] characters, escapes included: whatever the input, a snippet has at most
/// `SNIPPET_CHARS + 1` characters. The work is bounded by the cut, whatever the input's length.
pub(crate) fn snippet(input: &str) -> String {
    let mut out = String::with_capacity(input.len().min(SNIPPET_CHARS * 2));
    let mut count = 0;
    let mut escaped = String::new();
    // Whether the last character written is a base a combining mark may sit on: not at the
    // start, nor after an escape (a mark there would stack on the quote or on `}`).
    let mut after_base = false;
    for ch in input.chars() {
        escaped.clear();
        match ch {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            c if is_unsafe_char(c) || (!after_base && is_combining_mark(c)) => {
                let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
            }
            c => escaped.push(c),
        }
        after_base = escaped.chars().count() == 1;
        // Escapes are ASCII: their length in bytes is their length in characters.
        let width = if escaped.is_ascii() { escaped.len() } else { 1 };
        if count + width > SNIPPET_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&escaped);
        count += width;
    }
    out
}

/// A user value quoted the way `lang` quotes: `"value"` in English, `« value »` in French,
/// through [`snippet`] (escaped, cut at [`SNIPPET_CHARS`] characters); a blank value is shown as
/// `(empty)` / `(vide)` rather than as empty quotes.
pub(crate) fn quote(value: &str, lang: Lang) -> String {
    // Bounded: only a value of a few bytes can be blank enough to show as (empty).
    let blank = value.len() <= SNIPPET_CHARS * 4 && value.trim().is_empty();
    match (blank, lang) {
        (true, Lang::Fr) => "(vide)".to_owned(),
        (true, _) => "(empty)".to_owned(),
        (false, Lang::Fr) => format!("« {} »", snippet(value)),
        (false, _) => format!("\"{}\"", snippet(value)),
    }
}

/// One character quoted the way `lang` quotes (`"_"`, `« _ »`), escaped like [`snippet`];
/// white space, which would look like empty quotes, is named instead: `a space (U+0020)`,
/// `un espace (U+0020)`.
pub(crate) fn quote_char(c: char, lang: Lang) -> String {
    if c.is_whitespace() {
        let code = u32::from(c);
        return match lang {
            Lang::Fr => format!("un espace (U+{code:04X})"),
            _ => format!("a space (U+{code:04X})"),
        };
    }
    let mut buf = [0; 4];
    quote(c.encode_utf8(&mut buf), lang)
}

/// The grammatical gender of a French noun, which the words agreeing with it follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// `le code postal … modifié`.
    Masculine,
    /// `la localité … modifiée`.
    Feminine,
}

impl Gender {
    /// The masculine or the feminine form of a word that agrees with the noun.
    pub(crate) const fn agree(
        self,
        masculine: &'static str,
        feminine: &'static str,
    ) -> &'static str {
        match self {
            Gender::Masculine => masculine,
            Gender::Feminine => feminine,
        }
    }
}

/// Characters never allowed in a domain or an address, and escaped whenever echoed.
///
/// The set is derived from the Unicode Character Database (through ICU4X's compiled data,
/// Unicode 18.0 in `icu_properties` 2.4, the crate `idna` already uses) rather than listed by
/// hand: every `Default_Ignorable_Code_Point` (zero-width characters, joiners, variation
/// selectors, fillers, tags, U+1BCA0–U+1BCA3 shorthand format controls, …), every character of
/// general category `Cc` (controls), `Cf` (format: bidi controls, U+13430–U+1343F Egyptian
/// hieroglyph format controls, the byte-order mark, …), `Co` (private use), `Zl` and `Zp` (line
/// and paragraph separators), and every `Noncharacter_Code_Point`.
///
/// `idna` silently drops some of them (U+200B, U+00AD, U+1BCA0), so they are refused before
/// IDNA runs.
#[inline]
pub(crate) fn is_unsafe_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    is_unsafe_non_ascii(c)
}

/// Whether `c` is a combining mark (general category `Mn`, `Mc` or `Me`): shown as it is after
/// a base character, escaped where it would stack on a quote ([`snippet`]).
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory;

    const CATEGORY: icu_properties::CodePointMapDataBorrowed<'static, GeneralCategory> =
        CodePointMapData::<GeneralCategory>::new();

    // No mark below U+0300 (the combining diacritical marks block).
    u32::from(c) >= 0x300
        && matches!(
            CATEGORY.get(c),
            GeneralCategory::NonspacingMark
                | GeneralCategory::SpacingMark
                | GeneralCategory::EnclosingMark
        )
}

/// Whether every byte is printable ASCII (space to `~`): such text has no unsafe character.
#[inline]
pub(crate) fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The first unsafe character of `s` and its index in characters, checking printable ASCII
/// text in one fast pass.
#[inline]
pub(crate) fn find_unsafe(s: &str) -> Option<(usize, char)> {
    if is_printable_ascii(s) {
        return None;
    }
    s.chars().enumerate().find(|&(_, c)| is_unsafe_char(c))
}

fn is_unsafe_non_ascii(c: char) -> bool {
    // Fast path for the accented Latin letters of everyday names and addresses (Latin-1
    // Supplement and Latin Extended-A/B): none is a control, format, private-use, separator,
    // default-ignorable or noncharacter code point, except the soft hyphen U+00AD. A unit test
    // checks this range against the Unicode data below.
    if ('\u{a0}'..='\u{24f}').contains(&c) {
        return c == '\u{ad}';
    }
    is_unsafe_by_unicode_data(c)
}

/// [`is_unsafe_char`] for a non-ASCII character, read from ICU4X's Unicode data.
fn is_unsafe_by_unicode_data(c: char) -> bool {
    use icu_properties::props::{
        DefaultIgnorableCodePoint, GeneralCategory, NoncharacterCodePoint,
    };
    use icu_properties::{CodePointMapData, CodePointSetData};

    const IGNORABLE: icu_properties::CodePointSetDataBorrowed<'static> =
        CodePointSetData::new::<DefaultIgnorableCodePoint>();
    const NONCHARACTER: icu_properties::CodePointSetDataBorrowed<'static> =
        CodePointSetData::new::<NoncharacterCodePoint>();
    const CATEGORY: icu_properties::CodePointMapDataBorrowed<'static, GeneralCategory> =
        CodePointMapData::<GeneralCategory>::new();

    matches!(
        CATEGORY.get(c),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::PrivateUse
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    ) || IGNORABLE.contains(c)
        || NONCHARACTER.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_fast_path_agrees_with_unicode_data() {
        for c in ('\u{a0}'..='\u{24f}').chain(['\u{9f}', '\u{250}']) {
            assert_eq!(
                is_unsafe_non_ascii(c),
                is_unsafe_by_unicode_data(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert!(is_unsafe_non_ascii('\u{ad}'));
    }

    #[test]
    fn snippet_escapes_and_cuts() {
        assert_eq!(snippet("a\u{202e}b\n\"c\\"), "a\\u{202e}b\\u{a}\\\"c\\\\");
        let long = "x".repeat(10_000);
        let cut = snippet(&long);
        assert_eq!(cut.chars().count(), SNIPPET_CHARS + 1);
        assert!(cut.ends_with('…'));
        // Escapes count in the cut: 64 bidi overrides do not make 512 characters.
        let cut = snippet(&"\u{202e}".repeat(64));
        assert!(cut.chars().count() <= SNIPPET_CHARS + 1, "{cut}");
        assert!(cut.ends_with("\\u{202e}…"), "{cut}");
        assert_eq!(
            snippet(&"x".repeat(SNIPPET_CHARS)),
            "x".repeat(SNIPPET_CHARS)
        );
    }

    #[test]
    fn a_mark_with_no_base_is_escaped() {
        let quoted = snippet(&format!("{}x", "\u{301}".repeat(200)));
        assert!(quoted.starts_with("\\u{301}\\u{301}"), "{quoted}");
        assert!(!quoted.contains('\u{301}'), "{quoted}");
        // After a base character a mark stays as typed: `é` written as `e` + U+0301.
        assert_eq!(snippet("Ce\u{301}line"), "Ce\u{301}line");
        // After an escaped quote it would stack on the quote.
        assert_eq!(snippet("\"\u{301}"), "\\\"\\u{301}");
        assert!(!is_combining_mark('e') && is_combining_mark('\u{20dd}'));
    }

    /// The hand list this set replaced: every character of it is still unsafe.
    #[test]
    fn covers_the_former_hand_list() {
        let former = [
            0x80..=0x9f,
            0xad..=0xad,
            0x34f..=0x34f,
            0x61c..=0x61c,
            0x115f..=0x1160,
            0x17b4..=0x17b5,
            0x180b..=0x180f,
            0x200b..=0x200f,
            0x2028..=0x202e,
            0x2060..=0x206f,
            0x3164..=0x3164,
            0xfe00..=0xfe0f,
            0xfeff..=0xfeff,
            0xffa0..=0xffa0,
            0xfff0..=0xfffb,
            0xe000..=0xf8ff,
            0x1_d173..=0x1_d17a,
            0xe_0000..=0xe_0fff,
            0xf_0000..=0x10_ffff,
            0xfdd0..=0xfdef,
        ];
        for c in former.into_iter().flatten().filter_map(char::from_u32) {
            assert!(is_unsafe_char(c), "U+{:04X}", u32::from(c));
        }
        for c in [
            '\u{13430}',
            '\u{1343f}',
            '\u{1bca0}',
            '\u{1bca3}',
            '\u{fffe}',
            '\u{1ffff}',
        ] {
            assert!(is_unsafe_char(c), "U+{:04X}", u32::from(c));
        }
        for c in ['a', 'é', 'ß', '例', ' ', '\u{a0}', '\u{3000}', '𝐚'] {
            assert!(!is_unsafe_char(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn lang_parses_regions_and_rejects_others() {
        assert_eq!("FR-ca".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("en_GB".parse::<Lang>(), Ok(Lang::En));
        assert!("english".parse::<Lang>().is_err());
        assert!("e".parse::<Lang>().is_err());
        assert!("é".parse::<Lang>().is_err());
    }
}
