//! The customer: its kind, organisation, contacts and education data.
//!
//! A [`Customer`] is what the Partner Sales Console's "Create customer" step produces once every
//! field is valid. It is built only by [`form::validate`](crate::form::validate) (from the
//! console's raw fields): there is no other way in, so a `Customer` in hand always satisfies every
//! rule of this crate.
//!
//! The small validated values it is made of live here too: [`OrganizationName`], [`PersonName`],
//! [`CrmId`], [`CloudIdentityId`], [`Website`] and the education types.
//!
//! ```
//! use gws_onboarding::customer::{CustomerKind, OrganizationName, PersonName};
//!
//! assert_eq!("team".parse::<CustomerKind>()?, CustomerKind::Team);
//! assert_eq!(OrganizationName::parse("  Acme  SAS ")?.as_str(), "Acme SAS");
//! assert_eq!(PersonName::parse("").unwrap_err().code(), "text.empty");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::address::PostalAddress;
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::error::{
    Lang, TrimExt, impl_diagnostic, is_printable_ascii, is_unsafe_char, quote_char, snippet,
};
use crate::language::LanguageCode;
use crate::order::Order;
use crate::phone::PhoneNumber;
use crate::product::{Edition, ProductFamily};

/// Defines a closed enum with a stable string form, `as_str`, `FromStr`, `Display` and serde.
///
/// `Variant = "text" | "alias" | …`: `text` is the stable string form; the aliases are other
/// names people type (display names, Google's enum names). Parsing goes through
/// [`crate::names::parse`]: any case and spacing, bounded work, suggestions when unknown.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident in $module:literal, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            ///
            #[doc = concat!("```\nuse gws_onboarding::", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("for value in ", stringify!($name), "::ALL {\n")]
            #[doc = concat!("    assert_eq!(value.as_str().parse::<", stringify!($name), ">()?, *value);\n}")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable string form, as serde writes it; `FromStr` reads it in any case and
            /// spacing, and the other names documented on each value.
            ///
            #[doc = concat!("```\nuse gws_onboarding::", $module, "::", stringify!($name), ";\n")]
            #[doc = concat!("let first = ", stringify!($name), "::ALL[0];\n")]
            #[doc = concat!("assert_eq!(first.to_string(), first.as_str());\n```")]
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// Every `(value, name)` pair `FromStr` accepts, the stable form first.
            pub(crate) fn spellings() -> impl Iterator<Item = ($name, &'static str)> + Clone {
                const SPELLINGS: &[($name, &str)] = &[
                    $( ($name::$variant, $text), $( ($name::$variant, $alias), )* )+
                ];
                SPELLINGS.iter().copied()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                if let Some(value) = $crate::names::exact(s, $name::ALL, $name::as_str) {
                    return Ok(value);
                }
                $crate::names::parse(s, $name::spellings()).map_err(|suggestions| UnknownValue {
                    what: $what,
                    found: snippet(s),
                    suggestions,
                })
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use string_enum;

pub use crate::names::Suggestions;

/// A string that names none of the values of a closed set.
///
/// Its message proposes the names close to the input ("did you mean"), or lists the accepted
/// names.
///
/// ```
/// use gws_onboarding::customer::CustomerKind;
/// let err = "reseller".parse::<CustomerKind>().unwrap_err();
/// assert_eq!(err.code(), "value.unknown");
/// assert_eq!(err.to_string(), "unknown customer type \"reseller\": expected one of `domain`, `team`");
/// let err = "teams".parse::<CustomerKind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown customer type \"teams\": did you mean `team`?");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{found}\": {}", suggestions.describe(Lang::En))]
pub struct UnknownValue {
    pub(crate) what: &'static str,
    pub(crate) found: String,
    pub(crate) suggestions: Suggestions,
}

impl UnknownValue {
    /// The error for `found`, not one of the values of `what`, with the names to propose;
    /// `found` is kept cut and escaped, as messages echo it.
    pub(crate) fn new(what: &'static str, found: &str, suggestions: Suggestions) -> Self {
        UnknownValue {
            what,
            found: snippet(found),
            suggestions,
        }
    }

    /// The stable machine code, `value.unknown`.
    ///
    /// ```
    /// let err = "x".parse::<gws_onboarding::customer::InstituteType>().unwrap_err();
    /// assert_eq!(err.code(), "value.unknown");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        "value.unknown"
    }

    /// The names the message proposes.
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteSize;
    /// let err = "SIZE_1_10".parse::<InstituteSize>().unwrap_err();
    /// assert_eq!(err.suggestions().names(), ["SIZE_1_100"]);
    /// ```
    #[must_use]
    pub fn suggestions(&self) -> &Suggestions {
        &self.suggestions
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, customer::CustomerKind};
    /// let err = "x".parse::<CustomerKind>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "type de client « x » inconnu : valeurs possibles « domain », « team »");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => {
                // The French noun, and the agreement of "inconnu" with its gender.
                let (what, unknown) = match self.what {
                    "customer type" => ("type de client", "inconnu"),
                    "institute type" => ("type d'établissement", "inconnu"),
                    "institute size" => ("taille d'établissement", "inconnue"),
                    "subscription status" => ("état d'abonnement", "inconnu"),
                    "severity" => ("gravité", "inconnue"),
                    "Google API method" => ("méthode d'API Google", "inconnue"),
                    other => (other, "inconnu"),
                };
                format!(
                    "{what} « {} » {unknown} : {}",
                    self.found,
                    self.suggestions.describe(Lang::Fr)
                )
            }
            _ => self.to_string(),
        }
    }
}

impl_diagnostic!(UnknownValue);

string_enum! {
    /// The two kinds of customer the console creates.
    ///
    /// ```
    /// use gws_onboarding::customer::CustomerKind;
    /// assert_eq!(CustomerKind::Domain.as_str(), "domain");
    /// assert!(CustomerKind::Team.is_email_verified());
    /// ```
    CustomerKind in "customer", "customer type" {
        /// A customer that owns and verifies its domain: Google Workspace or Cloud Identity.
        /// Also read: `DOMAIN` (Cloud Channel API), `domain customer`, `domaine`.
        Domain = "domain" | "domain customer" | "domaine" | "client d'un domaine",
        /// A team that verifies its account by the admin's email address, not a domain: only
        /// Essentials, Enterprise Essentials or Enterprise Essentials Plus. Also read: `TEAM`
        /// (Cloud Channel API), `team customer`, `équipe`.
        Team = "team" | "team customer" | "équipe" | "equipe" | "client dans une équipe",
    }
}

impl CustomerKind {
    /// Whether the account is validated by email address rather than domain (team customers).
    ///
    /// ```
    /// assert!(!gws_onboarding::customer::CustomerKind::Domain.is_email_verified());
    /// ```
    #[must_use]
    pub const fn is_email_verified(self) -> bool {
        matches!(self, CustomerKind::Team)
    }
}

string_enum! {
    /// The kind of educational institution (Cloud Channel API `EduData.InstituteType`).
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteType;
    /// assert_eq!("university".parse::<InstituteType>()?, InstituteType::University);
    /// assert_eq!(InstituteType::K12.channel_name(), "K12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InstituteType in "customer", "institute type" {
        /// Primary and secondary schools. Also read: `K12` (Cloud Channel API), `K-12`.
        K12 = "k12" | "K-12" | "primary and secondary school",
        /// Higher education. Also read: `UNIVERSITY` (Cloud Channel API), `higher education`,
        /// `université`.
        University = "university" | "higher education" | "université" | "enseignement supérieur",
    }
}

impl InstituteType {
    /// The Cloud Channel API enum name (`K12`, `UNIVERSITY`).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::customer::InstituteType::University.channel_name(), "UNIVERSITY");
    /// ```
    #[must_use]
    pub const fn channel_name(self) -> &'static str {
        match self {
            InstituteType::K12 => "K12",
            InstituteType::University => "UNIVERSITY",
        }
    }
}

string_enum! {
    /// The size of an educational institution (Cloud Channel API `EduData.InstituteSize`).
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteSize;
    /// assert_eq!("SIZE_101_500".parse::<InstituteSize>()?, InstituteSize::Size101To500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InstituteSize in "customer", "institute size" {
        /// 1 to 100 people (also read: `1-100`, `1 to 100`).
        Size1To100 = "SIZE_1_100" | "1-100" | "1 to 100",
        /// 101 to 500 (also read: `101-500`, `101 to 500`).
        Size101To500 = "SIZE_101_500" | "101-500" | "101 to 500",
        /// 501 to 1,000 (also read: `501-1000`, `501 to 1,000`).
        Size501To1000 = "SIZE_501_1000" | "501-1000" | "501 to 1000",
        /// 1,001 to 2,000 (also read: `1001-2000`, `1,001 to 2,000`).
        Size1001To2000 = "SIZE_1001_2000" | "1001-2000" | "1001 to 2000",
        /// 2,001 to 5,000 (also read: `2001-5000`, `2,001 to 5,000`).
        Size2001To5000 = "SIZE_2001_5000" | "2001-5000" | "2001 to 5000",
        /// 5,001 to 10,000 (also read: `5001-10000`, `5,001 to 10,000`).
        Size5001To10000 = "SIZE_5001_10000" | "5001-10000" | "5001 to 10000",
        /// More than 10,000 (also read: `10001+`, `10,001 or more`, `more than 10,000`).
        Size10001OrMore = "SIZE_10001_OR_MORE" | "10001+" | "10001 or more" | "more than 10000" | "10000+",
    }
}

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

/// An educational institution (the console's "Educational institution" box; Cloud Channel API
/// `EduData`).
///
/// ```
/// use gws_onboarding::customer::{Education, InstituteSize, InstituteType, Website};
///
/// let edu = Education::new(InstituteType::K12)
///     .with_size(InstituteSize::Size101To500)
///     .with_website(Website::parse("lycee-moulin.fr")?);
/// assert_eq!(edu.institute_type(), InstituteType::K12);
/// assert_eq!(edu.size(), Some(InstituteSize::Size101To500));
/// assert_eq!(edu.website().map(Website::as_str), Some("https://lycee-moulin.fr"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Education {
    institute_type: InstituteType,
    size: Option<InstituteSize>,
    website: Option<Website>,
}

impl Education {
    /// An institution of the given type, size and website unknown.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert_eq!(Education::new(InstituteType::University).size(), None);
    /// ```
    #[must_use]
    pub fn new(institute_type: InstituteType) -> Self {
        Education {
            institute_type,
            size: None,
            website: None,
        }
    }

    /// Sets the size.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteSize, InstituteType};
    /// let e = Education::new(InstituteType::K12).with_size(InstituteSize::Size1To100);
    /// assert_eq!(e.size(), Some(InstituteSize::Size1To100));
    /// ```
    #[must_use]
    pub fn with_size(mut self, size: InstituteSize) -> Self {
        self.size = Some(size);
        self
    }

    /// Sets the website.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType, Website};
    /// let e = Education::new(InstituteType::K12).with_website(Website::parse("ecole.fr")?);
    /// assert!(e.website().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_website(mut self, website: Website) -> Self {
        self.website = Some(website);
        self
    }

    /// K-12 or university.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert_eq!(Education::new(InstituteType::K12).institute_type(), InstituteType::K12);
    /// ```
    #[must_use]
    pub fn institute_type(&self) -> InstituteType {
        self.institute_type
    }

    /// The size, when known.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert!(Education::new(InstituteType::K12).size().is_none());
    /// ```
    #[must_use]
    pub fn size(&self) -> Option<InstituteSize> {
        self.size
    }

    /// The website, when known.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert!(Education::new(InstituteType::K12).website().is_none());
    /// ```
    #[must_use]
    pub fn website(&self) -> Option<&Website> {
        self.website.as_ref()
    }
}

/// The customer's administrator: the super admin of a domain customer's account, or the team
/// admin of an email-verified Essentials account.
///
/// ```
/// use gws_onboarding::customer::{AdminContact, PersonName};
/// use gws_onboarding::EmailAddress;
///
/// let admin = AdminContact::new(EmailAddress::parse("jeanne@acme.fr")?)
///     .with_first_name(PersonName::parse("Jeanne")?)
///     .with_last_name(PersonName::parse("Martin")?);
/// assert_eq!(admin.email().as_str(), "jeanne@acme.fr");
/// assert_eq!(admin.display_name().as_deref(), Some("Jeanne Martin"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AdminContact {
    email: EmailAddress,
    pub(crate) first_name: Option<PersonName>,
    pub(crate) last_name: Option<PersonName>,
}

impl AdminContact {
    /// An admin known by address only.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?);
    /// assert!(a.first_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(email: EmailAddress) -> Self {
        AdminContact {
            email,
            first_name: None,
            last_name: None,
        }
    }

    /// Sets the first name.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_first_name(PersonName::parse("Ada")?);
    /// assert_eq!(a.first_name().map(PersonName::as_str), Some("Ada"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_first_name(mut self, name: PersonName) -> Self {
        self.first_name = Some(name);
        self
    }

    /// Sets the last name.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_last_name(PersonName::parse("Lovelace")?);
    /// assert_eq!(a.last_name().map(PersonName::as_str), Some("Lovelace"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_last_name(mut self, name: PersonName) -> Self {
        self.last_name = Some(name);
        self
    }

    /// The admin's address (it becomes the admin account's username).
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// let a = AdminContact::new(EmailAddress::parse("A@Acme.fr")?);
    /// assert_eq!(a.email().as_str(), "a@acme.fr");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn email(&self) -> &EmailAddress {
        &self.email
    }

    /// The first name, if given.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// assert!(AdminContact::new(EmailAddress::parse("a@acme.fr")?).first_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_name(&self) -> Option<&PersonName> {
        self.first_name.as_ref()
    }

    /// The last name, if given.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::AdminContact};
    /// assert!(AdminContact::new(EmailAddress::parse("a@acme.fr")?).last_name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_name(&self) -> Option<&PersonName> {
        self.last_name.as_ref()
    }

    /// First and last name joined by a space, when either is known.
    ///
    /// ```
    /// use gws_onboarding::{EmailAddress, customer::{AdminContact, PersonName}};
    /// let a = AdminContact::new(EmailAddress::parse("a@acme.fr")?).with_last_name(PersonName::parse("Curie")?);
    /// assert_eq!(a.display_name().as_deref(), Some("Curie"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn display_name(&self) -> Option<String> {
        match (&self.first_name, &self.last_name) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            (Some(n), None) | (None, Some(n)) => Some(n.to_string()),
            (None, None) => None,
        }
    }
}

/// A valid customer, ready to be created through the Reseller API or the Cloud Channel API.
///
/// Built only by [`form::validate`](crate::form::validate): holding one means every rule of this
/// crate passed. Its fields are read through getters.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::customer::CustomerKind;
///
/// let form = OnboardingForm::sample_domain_customer();
/// let customer = form::validate(&form, &Policy::default())?;
/// assert_eq!(customer.kind(), CustomerKind::Domain);
/// assert_eq!(customer.domain().as_str(), "acme-widgets.fr");
/// assert_eq!(customer.admin().email().as_str(), "jeanne.martin@acme-widgets.fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub(crate) kind: CustomerKind,
    pub(crate) family: ProductFamily,
    pub(crate) edition: Option<Edition>,
    pub(crate) organization: OrganizationName,
    pub(crate) domain: PrimaryDomain,
    pub(crate) admin: AdminContact,
    pub(crate) secondary_email: Option<EmailAddress>,
    pub(crate) postal_address: PostalAddress,
    pub(crate) phone: Option<PhoneNumber>,
    pub(crate) language: Option<LanguageCode>,
    pub(crate) education: Option<Education>,
    pub(crate) crm_id: Option<CrmId>,
    pub(crate) order: Option<Order>,
}

impl Customer {
    /// Domain customer or team customer.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert!(c.kind().is_email_verified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> CustomerKind {
        self.kind
    }

    /// The main product family chosen in the console.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::ProductFamily;
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.product_family(), ProductFamily::GoogleWorkspace);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product_family(&self) -> ProductFamily {
        self.family
    }

    /// The edition the reseller means to order first, when given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::Edition;
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(c.edition(), Some(Edition::EnterpriseEssentials));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Option<Edition> {
        self.edition
    }

    /// The organisation name.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.organization_name().as_str(), "Acme Widgets SAS");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organization_name(&self) -> &OrganizationName {
        &self.organization
    }

    /// The primary domain; for a team customer, the domain of the admin's address.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// assert_eq!(c.domain().as_str(), c.admin().email().domain());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &PrimaryDomain {
        &self.domain
    }

    /// The administrator.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.admin().first_name().map(|n| n.as_str()), Some("Jeanne"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn admin(&self) -> &AdminContact {
        &self.admin
    }

    /// The secondary (alternate) address: required for domain customers, optional for teams.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.secondary_email().map(|e| e.as_str()), Some("it-support@reseller-example.de"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn secondary_email(&self) -> Option<&EmailAddress> {
        self.secondary_email.as_ref()
    }

    /// The organisation's postal address.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.postal_address().country_code().as_str(), "FR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn postal_address(&self) -> &PostalAddress {
        &self.postal_address
    }

    /// The phone number, if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.phone_number().map(|p| p.as_str()), Some("+33142685300"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn phone_number(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }

    /// The language (BCP-47), if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.language_code().map(|l| l.as_str()), Some("fr-FR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn language_code(&self) -> Option<&LanguageCode> {
        self.language.as_ref()
    }

    /// The educational institution data, when the box was ticked.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert!(c.education().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn education(&self) -> Option<&Education> {
        self.education.as_ref()
    }

    /// The reseller's CRM id (Cloud Channel API `correlationId`), if given.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let c = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// assert_eq!(c.crm_id().map(|id| id.as_str()), Some("CRM-2026-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn crm_id(&self) -> Option<&CrmId> {
        self.crm_id.as_ref()
    }

    /// The first order, when the form has an `order` object (validated with the form).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
    /// use gws_onboarding::{Edition, order::Plan};
    ///
    /// let mut form = OnboardingForm::sample_domain_customer();
    /// assert!(form::validate(&form, &Policy::default())?.order().is_none());
    /// form.order = Some(RawOrder {
    ///     product: "business-standard".into(),
    ///     seats: Some("25".into()),
    ///     plan: Some("annual-monthly".into()),
    ///     ..RawOrder::default()
    /// });
    /// let customer = form::validate(&form, &Policy::default())?;
    /// let order = customer.order().ok_or("no order")?;
    /// assert_eq!((order.product(), order.seats(), order.plan()),
    ///            (Edition::BusinessStandard.into(), 25, Plan::AnnualMonthly));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn order(&self) -> Option<&Order> {
        self.order.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cleaned_and_bounded() {
        assert_eq!(clean_text("  a \t b  ", 10).as_deref(), Ok("a b"));
        assert_eq!(clean_text("   ", 10), Err(TextError::Empty));
        assert_eq!(
            clean_text("abcdefghijk", 10),
            Err(TextError::TooLong { len: 11, max: 10 })
        );
        assert_eq!(
            clean_text("a\u{2028}b", 10),
            Err(TextError::UnsafeChar { code_point: 0x2028 })
        );
        assert!(matches!(
            clean_text(&"x".repeat(10_000_000), 10),
            Err(TextError::TooLong { .. })
        ));
        // Multi-byte characters count once.
        assert_eq!(
            clean_text(&"é".repeat(10), 10).map(|s| s.chars().count()),
            Ok(10)
        );
    }

    #[test]
    fn unknown_values_agree_in_french() {
        let size = "SIZE_0".parse::<InstituteSize>().unwrap_err();
        assert!(
            size.message(Lang::Fr)
                .starts_with("taille d'établissement « SIZE_0 » inconnue :")
        );
        let kind = "x".parse::<CustomerKind>().unwrap_err();
        assert!(
            kind.message(Lang::Fr)
                .starts_with("type de client « x » inconnu :")
        );
    }

    #[test]
    fn enums_round_trip() {
        for k in CustomerKind::ALL {
            assert_eq!(k.as_str().parse::<CustomerKind>(), Ok(*k));
        }
        for s in InstituteSize::ALL {
            assert_eq!(
                s.as_str().to_ascii_lowercase().parse::<InstituteSize>(),
                Ok(*s)
            );
        }
    }

    #[test]
    fn websites() {
        // A multi-byte character right after the scheme (byte 8 inside it).
        assert_eq!(
            Website::parse("http://école.fr").map(|w| w.to_string()),
            Ok("http://xn--cole-9oa.fr".into())
        );
        assert_eq!(
            Website::parse("HTTP://Ecole.FR").map(|w| w.to_string()),
            Ok("http://ecole.fr".into())
        );
        assert!(Website::parse("https://ecole.invalid").is_err());
        assert!(Website::parse("https://co.uk").is_err());
        assert!(Website::parse("ecole.fr:8080").is_err());
        assert!(Website::parse("https://ecole .fr").is_err());
    }
}
