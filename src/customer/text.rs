//! Layer 3, customer: the customer's free-text values (organisation and person names, CRM id,
//! Cloud Identity id, website) and their one error type, [`TextError`].

use std::fmt;
use std::str::FromStr;

use crate::error::{
    Lang, TrimExt, impl_diagnostic, is_printable_ascii, is_unsafe_char, quote_char, snippet,
};

/// Why a free-text field was refused.
///
/// ```
/// use gws_onboarding::customer::{OrganizationName, TextError};
/// assert_eq!(OrganizationName::parse(" "), Err(TextError::Empty));
/// assert_eq!(OrganizationName::parse(&"x".repeat(256)).unwrap_err().code(), "text.too_long");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// Nothing but white space.
    #[error("this field is required")]
    Empty,
    /// More characters than allowed.
    #[error("is longer than the {max} characters allowed")]
    TooLong {
        /// Length in characters, trimmed and with white space collapsed; always more than
        /// `max`. Input of more bytes than four a character allowed is refused before it is
        /// read to its end: `len` then counts the characters of the part read.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A control, bidi-override or invisible character.
    #[error("contains the invisible or control character U+{code_point:04X}")]
    UnsafeChar {
        /// The code point.
        code_point: u32,
    },
    /// A character this kind of value may not have.
    #[error("contains {}, which is not allowed here", quote_char(*ch, Lang::En))]
    InvalidChar {
        /// The character.
        ch: char,
    },
    /// Not a website address.
    #[error("\"{input}\" is not a website address: {}", reason.describe(Lang::En))]
    InvalidWebsite {
        /// The input.
        input: String,
        /// What is wrong.
        reason: WebsiteProblem,
    },
}

/// What is wrong with a website address.
///
/// ```
/// use gws_onboarding::customer::{TextError, Website, WebsiteProblem};
/// match Website::parse("https://lycee.fr:443") {
///     Err(TextError::InvalidWebsite { reason, .. }) => assert_eq!(reason, WebsiteProblem::Port),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WebsiteProblem {
    /// A scheme other than `http` or `https`.
    Scheme,
    /// A port number.
    Port,
    /// A host that is not a domain name.
    Host,
    /// A host that is not under a known public suffix, is one, or is special-use.
    Suffix,
}

impl WebsiteProblem {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            WebsiteProblem::Scheme => lang.pick(
                "only http and https addresses are accepted",
                "seules les adresses http et https sont acceptées",
            ),
            WebsiteProblem::Port => {
                lang.pick("leave out the port number", "retirez le numéro de port")
            }
            WebsiteProblem::Host => lang.pick(
                "the host is not a valid domain name",
                "l'hôte n'est pas un nom de domaine valide",
            ),
            WebsiteProblem::Suffix => lang.pick(
                "the host is not a registered domain under a known top-level domain",
                "l'hôte n'est pas un domaine enregistré sous un domaine de premier niveau connu",
            ),
        }
    }
}

impl TextError {
    /// The stable machine code, `text.*`.
    ///
    /// ```
    /// use gws_onboarding::customer::PersonName;
    /// assert_eq!(PersonName::parse("a\u{202e}b").unwrap_err().code(), "text.unsafe_char");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            TextError::Empty => "text.empty",
            TextError::TooLong { .. } => "text.too_long",
            TextError::UnsafeChar { .. } => "text.unsafe_char",
            TextError::InvalidChar { .. } => "text.invalid_char",
            TextError::InvalidWebsite { .. } => "text.website",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, customer::TextError};
    /// assert_eq!(TextError::Empty.message(Lang::Fr), "ce champ est obligatoire");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TextError::Empty, Lang::Fr) => "ce champ est obligatoire".to_owned(),
            (TextError::TooLong { max, .. }, Lang::Fr) => {
                format!("dépasse les {max} caractères autorisés")
            }
            (TextError::UnsafeChar { code_point }, Lang::Fr) => {
                format!("contient le caractère invisible ou de contrôle U+{code_point:04X}")
            }
            (TextError::InvalidChar { ch }, Lang::Fr) => {
                format!(
                    "contient {}, qui n'est pas autorisé ici",
                    quote_char(*ch, lang)
                )
            }
            (TextError::InvalidWebsite { input, reason }, Lang::Fr) => format!(
                "« {input} » n'est pas une adresse de site web : {}",
                reason.describe(Lang::Fr)
            ),
            _ => self.to_string(),
        }
    }
}

impl_diagnostic!(TextError);

/// Trims `input`, collapses inner runs of white space, and checks length and characters.
pub(crate) fn clean_text(input: &str, max_chars: usize) -> Result<String, TextError> {
    // Four bytes per character at most: a longer input cannot fit, whatever it holds. Count
    // the characters of the part that could fit, and no more.
    let max_bytes = max_chars * 4 + 64;
    if input.len() > max_bytes {
        let mut end = max_bytes;
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        return Err(TextError::TooLong {
            len: input[..end].chars().count(),
            max: max_chars,
        });
    }
    let trimmed = input.trim_fast();
    // Fast path: printable ASCII without runs of spaces is already clean.
    let bytes = trimmed.as_bytes();
    if is_printable_ascii(trimmed) && !bytes.windows(2).any(|w| w == b"  ") {
        if trimmed.is_empty() {
            return Err(TextError::Empty);
        }
        if trimmed.len() > max_chars {
            return Err(TextError::TooLong {
                len: trimmed.len(),
                max: max_chars,
            });
        }
        return Ok(trimmed.to_owned());
    }
    let mut out = String::with_capacity(input.len().min(max_chars * 4));
    let mut count = 0;
    for word in input.split_whitespace() {
        if let Some(c) = word.chars().find(|&c| is_unsafe_char(c)) {
            return Err(TextError::UnsafeChar {
                code_point: u32::from(c),
            });
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        out.push_str(word);
        count += word.chars().count();
    }
    if let Some(c) = input
        .chars()
        .find(|&c| is_unsafe_char(c) && !matches!(c, '\t' | '\n' | '\r'))
    {
        // Unsafe white space (line separators) is split on above but still refused; tabs and
        // line breaks pasted from a spreadsheet are only white space.
        return Err(TextError::UnsafeChar {
            code_point: u32::from(c),
        });
    }
    if out.is_empty() {
        return Err(TextError::Empty);
    }
    if count > max_chars {
        return Err(TextError::TooLong {
            len: count,
            max: max_chars,
        });
    }
    Ok(out)
}

/// Defines a validated text newtype with the standard string surface.
macro_rules! text_newtype {
    ($(#[$meta:meta])* $name:ident, max = $max:expr, check = $check:expr) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Box<str>);

        impl $name {
            /// The most characters it may have.
            ///
            #[doc = concat!("```\nuse gws_onboarding::customer::", stringify!($name), ";\n")]
            #[doc = concat!("let longest = \"x\".repeat(", stringify!($name), "::MAX_CHARS);\n")]
            #[doc = concat!("assert!(", stringify!($name), "::parse(&longest).is_ok());\n")]
            #[doc = concat!("assert!(", stringify!($name), "::parse(&format!(\"{longest}x\")).is_err());\n```")]
            pub const MAX_CHARS: usize = $max;

            /// Trims, collapses white space and checks the value.
            ///
            #[doc = concat!("```\nuse gws_onboarding::customer::", stringify!($name), ";\n")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::parse(\"  A1  \")?.as_str(), \"A1\");\n")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::parse(\" \").unwrap_err().code(), \"text.empty\");\n")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            ///
            /// # Errors
            ///
            /// [`TextError::Empty`] for blank input, [`TextError::TooLong`] past
            /// [`MAX_CHARS`](Self::MAX_CHARS), [`TextError::UnsafeChar`] for control, bidi or
            /// invisible characters, [`TextError::InvalidChar`] for characters this kind of
            /// value may not hold.
            pub fn parse(input: &str) -> Result<Self, TextError> {
                let cleaned = clean_text(input, $max)?;
                let check: fn(&str) -> Result<(), TextError> = $check;
                check(&cleaned)?;
                Ok($name(cleaned.into_boxed_str()))
            }

            /// The checked text.
            ///
            #[doc = concat!("```\nlet v = gws_onboarding::customer::", stringify!($name), "::parse(\"A1\")?;\n")]
            #[doc = concat!("assert_eq!(v.as_str(), v.to_string());\n")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        $crate::surface::str_traits!($name, TextError);

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&&*self.0).finish()
            }
        }
    };
}

#[allow(clippy::unnecessary_wraps)] // has the shape of every check
fn any_text(_: &str) -> Result<(), TextError> {
    Ok(())
}

fn id_text(s: &str) -> Result<(), TextError> {
    match s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))
    {
        Some(ch) => Err(TextError::InvalidChar { ch }),
        None => Ok(()),
    }
}

fn name_text(s: &str) -> Result<(), TextError> {
    // Google refuses these in user names (they could forge markup or addresses).
    match s.chars().find(|c| matches!(c, '<' | '>' | '=' | '@' | '"')) {
        Some(ch) => Err(TextError::InvalidChar { ch }),
        None => Ok(()),
    }
}

text_newtype! {
    /// The customer's organisation name (`orgDisplayName`, `organizationName`): 1 to 255
    /// characters, trimmed, inner white space collapsed.
    ///
    /// ```
    /// use gws_onboarding::customer::OrganizationName;
    /// assert_eq!(OrganizationName::parse(" Lycée  Jean Moulin ")?.as_str(), "Lycée Jean Moulin");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OrganizationName, max = 255, check = any_text
}

text_newtype! {
    /// A person's first or last name (`firstName`/`givenName`, `lastName`/`familyName`): 1 to
    /// 60 characters (Google's limit for user names), without `<`, `>`, `=`, `@` or `"`.
    ///
    /// ```
    /// use gws_onboarding::customer::PersonName;
    /// assert_eq!(PersonName::parse("Anne-Marie")?.as_str(), "Anne-Marie");
    /// assert_eq!(PersonName::parse("<b>x</b>").unwrap_err().code(), "text.invalid_char");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    PersonName, max = 60, check = name_text
}

text_newtype! {
    /// The reseller's own identifier for the customer (Cloud Channel API `correlationId`,
    /// e.g. a CRM id): 1 to 255 characters.
    ///
    /// ```
    /// use gws_onboarding::customer::CrmId;
    /// assert_eq!(CrmId::parse(" SF-00042 ")?.as_str(), "SF-00042");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CrmId, max = 255, check = any_text
}

text_newtype! {
    /// Google's identifier of the customer's Cloud Identity account (the Reseller API
    /// `customerId`, e.g. `C01abcd2e`): 1 to 64 ASCII letters, digits, `-` or `_`.
    ///
    /// ```
    /// use gws_onboarding::customer::CloudIdentityId;
    /// assert_eq!(CloudIdentityId::parse("C01abcd2e")?.as_str(), "C01abcd2e");
    /// assert!(CloudIdentityId::parse("C01 abc").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CloudIdentityId, max = 64, check = id_text
}

/// The website of an educational institution: `http` or `https` (added when missing), a host
/// under a known public suffix, an optional path; at most 255 characters.
///
/// ```
/// use gws_onboarding::customer::Website;
/// assert_eq!(Website::parse("www.Lycee-Moulin.fr/accueil")?.as_str(), "https://www.lycee-moulin.fr/accueil");
/// assert_eq!(Website::parse("ftp://x.fr").unwrap_err().code(), "text.website");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Website(Box<str>);

impl Website {
    /// The most characters a website may have.
    pub const MAX_CHARS: usize = 255;

    /// Checks and normalises a website address.
    ///
    /// # Errors
    ///
    /// [`TextError::Empty`], [`TextError::TooLong`], [`TextError::UnsafeChar`],
    /// [`TextError::InvalidChar`] for white space, or [`TextError::InvalidWebsite`] for another
    /// scheme (`ftp:`), a port, or a host that is not a domain under a known public suffix.
    ///
    /// ```
    /// use gws_onboarding::customer::Website;
    /// assert!(Website::parse("http://univ.example.ac.uk").is_ok());
    /// assert!(Website::parse("https://localhost").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(input: &str) -> Result<Website, TextError> {
        let cleaned = clean_text(input, Website::MAX_CHARS)?;
        if let Some(ch) = cleaned.chars().find(|c| c.is_whitespace()) {
            return Err(TextError::InvalidChar { ch });
        }
        let invalid = |reason| TextError::InvalidWebsite {
            input: snippet(&cleaned),
            reason,
        };
        let has_scheme = |scheme: &str| {
            cleaned
                .as_bytes()
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
        };
        let (scheme, rest) = if has_scheme("https://") {
            ("https://", &cleaned[8..])
        } else if has_scheme("http://") {
            ("http://", &cleaned[7..])
        } else if cleaned.contains("://") {
            return Err(invalid(WebsiteProblem::Scheme));
        } else {
            ("https://", cleaned.as_str())
        };
        let (host, path) = rest
            .find(['/', '?', '#'])
            .map_or((rest, ""), |i| rest.split_at(i));
        if host.contains(':') {
            return Err(invalid(WebsiteProblem::Port));
        }
        let normalized = crate::host::normalize(host).map_err(|_| invalid(WebsiteProblem::Host))?;
        let name = normalized.ascii;
        let known = crate::suffix::SuffixList::embedded().lookup(&name);
        if !known.is_known() || !known.is_registrable() || crate::host::special_use(&name).is_some()
        {
            return Err(invalid(WebsiteProblem::Suffix));
        }
        let out = format!("{scheme}{name}{path}");
        if out.chars().count() > Website::MAX_CHARS {
            return Err(TextError::TooLong {
                len: out.chars().count(),
                max: Website::MAX_CHARS,
            });
        }
        Ok(Website(out.into_boxed_str()))
    }

    /// The normalised address.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::customer::Website::parse("Ac-Paris.fr")?.as_str(), "https://ac-paris.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Website {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Website {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Website").field(&&*self.0).finish()
    }
}

impl FromStr for Website {
    type Err = TextError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Website::parse(s)
    }
}

impl AsRef<str> for Website {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Website {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Website {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Website::parse(&s).map_err(serde::de::Error::custom)
    }
}
