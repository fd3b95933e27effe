//! Layer 1, base. Names as people type them: one matcher for every closed set of the crate (customer type,
//! product family, edition, add-on, storage size, institute type and size, …).
//!
//! A closed set gives, for each value, its spellings: the first is the canonical name (the one
//! `as_str` prints, proposed in messages), the others are display names, Google's SKU ids,
//! Channel API enum names, … . Input and spellings are compared after [`key`]: case folded,
//! white space, hyphens, underscores, dashes and commas dropped, so that `Business Standard`,
//! `business_standard`, ` BUSINESS--STANDARD ` and `business-standard` are one name. A leading
//! `Google Workspace`, `Google Workspace for`, `G Suite` or `Workspace` is ignored when the name
//! does not match with it.
//!
//! The work is bounded: input longer than [`MAX_NAME_INPUT`] bytes is refused by its length
//! before it is read, the input is normalised once, and each spelling is compared with an early
//! exit. The nearest names of an unknown value are found by edit distance over the normalised
//! names, on the (short) normalised input only.

use std::fmt::Write as _;

use crate::error::{Lang, Severity, impl_diagnostic, snippet};

/// The most bytes of input a closed-set parser reads: longer input is refused by its length.
/// The longest name is under 50 characters, 150 bytes when an IME types it full-width (three
/// bytes a character); the rest is room for surrounding white space.
pub(crate) const MAX_NAME_INPUT: usize = 192;

/// The most names a suggestion proposes.
const MAX_SUGGESTIONS: usize = 3;

/// A listing of every accepted name is given when it is at most this many bytes; otherwise the
/// nearest names are given.
const MAX_LISTING: usize = 120;

/// Prefixes people add to product names, in their normalised form, longest first.
const PREFIXES: [&str; 5] = [
    "googleworkspacefor",
    "googleworkspace",
    "gsuitefor",
    "gsuite",
    "workspace",
];

/// Whether `c` separates words in a name: white space, `-`, `_`, Unicode dashes and minus,
/// `,` (a thousands separator: `1,001`), and the apostrophes people type in French names
/// (`'`, `’`, `ʼ`, `‘`: `Client d’un domaine`).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_' | ',' | '\'' | '\u{2010}'
                ..='\u{2015}' | '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2212}' | '\u{fe58}'
        )
}

/// `c` with full-width ASCII (U+FF01 to U+FF5E, as an IME types it) folded to ASCII.
pub(crate) fn fold_width(c: char) -> char {
    if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c)
    } else {
        c
    }
}

/// `text` with its full-width ASCII folded ([`fold_width`]); borrowed when it has none.
pub(crate) fn fold_width_str(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c)) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().map(fold_width).collect())
    }
}

/// The base letter of a lowercase accented Latin letter (`é` → `e`), so that `Etablissement`
/// reads as `Établissement`; `None` for any other character.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Pushes `c` folded to lowercase, without its accent.
fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match unaccented(lower) {
            Some(base) => out.push_str(base),
            None => out.push(lower),
        }
    }
}

/// The normalised form of a name: lowercase, without separators.
///
/// Callers bound `name`'s length first ([`MAX_NAME_INPUT`]).
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().map(fold_width).filter(|&c| !is_separator(c)) {
        push_lower(&mut out, c);
    }
    out
}

/// Whether `spelling` normalises to `key`, stopping at the first difference.
fn matches(spelling: &str, key: &str) -> bool {
    // Spellings are ASCII but for a few names: compare bytes then.
    if spelling.is_ascii() {
        let mut expected = key.bytes();
        for b in spelling.bytes() {
            if matches!(b, b' ' | b'\t'..=b'\r' | b'-' | b'_' | b',' | b'\'') {
                continue;
            }
            if expected.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        }
        return expected.next().is_none();
    }
    // A few spellings are not ASCII (French labels): compare their key.
    self::key(spelling) == key
}

/// The value one of whose spellings normalises to `key`.
fn find<T: Copy>(key: &str, spellings: impl Iterator<Item = (T, &'static str)>) -> Option<T> {
    if key.is_empty() {
        return None;
    }
    let mut spellings = spellings;
    spellings
        .find(|(_, spelling)| matches(spelling, key))
        .map(|(value, _)| value)
}

/// The value whose canonical name is `input` as it stands, in any case: the common case,
/// checked before [`parse`] normalises anything.
pub(crate) fn exact<T: Copy>(
    input: &str,
    values: &[T],
    name: impl Fn(T) -> &'static str,
) -> Option<T> {
    values
        .iter()
        .copied()
        .find(|&value| name(value).eq_ignore_ascii_case(input))
}

/// Reads a name of a closed set.
///
/// `spellings` yields `(value, spelling)` pairs; the first spelling of each value is its
/// canonical name. Input longer than [`MAX_NAME_INPUT`] bytes is refused before it is read.
///
/// # Errors
///
/// The [`Suggestions`] for the message when no spelling matches.
pub(crate) fn parse<T, I>(input: &str, spellings: I) -> Result<T, Suggestions>
where
    T: Copy + PartialEq,
    I: Iterator<Item = (T, &'static str)> + Clone,
{
    if input.len() > MAX_NAME_INPUT {
        return Err(Suggestions {
            kind: Kind::TooLong,
            names: Vec::new(),
        });
    }
    // A name as written, in any case: most input.
    let trimmed = input.trim_matches(|c: char| c.is_ascii_whitespace());
    let mut exact = spellings.clone();
    if let Some((value, _)) = exact.find(|(_, spelling)| spelling.eq_ignore_ascii_case(trimmed)) {
        return Ok(value);
    }
    let key = key(input);
    if let Some(value) = find(&key, spellings.clone()) {
        return Ok(value);
    }
    if let Some(rest) = PREFIXES
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix).filter(|rest| !rest.is_empty()))
    {
        if let Some(value) = find(rest, spellings.clone()) {
            return Ok(value);
        }
    }
    Err(suggest(&key, spellings))
}

/// The first spelling of each value: its canonical name.
fn first_spellings<T, I>(spellings: I) -> impl Iterator<Item = (T, &'static str)>
where
    T: Copy + PartialEq,
    I: Iterator<Item = (T, &'static str)>,
{
    let mut last: Option<T> = None;
    spellings.filter(move |(value, _)| {
        let first = last != Some(*value);
        last = Some(*value);
        first
    })
}

/// The name of `names` nearest `typed`, when `typed` is at most a third of that name away (0
/// to 3 edits, after [`key`], so `Domain` and `secondary_email` are 0 away): the did-you-mean
/// of a misspelled field name. Bounded: a `typed` longer than [`MAX_DISTANCE_INPUT`]
/// characters is near no name.
pub(crate) fn nearest(typed: &str, names: &[&'static str]) -> Option<&'static str> {
    if typed.len() > MAX_DISTANCE_INPUT * 4 {
        return None;
    }
    let typed: Vec<char> = key(typed).chars().collect();
    if typed.is_empty() || typed.len() > MAX_DISTANCE_INPUT {
        return None;
    }
    names
        .iter()
        .map(|&name| {
            let candidate: Vec<char> = key(name).chars().collect();
            (distance(&typed, &candidate), candidate.len(), name)
        })
        .filter(|&(d, len, _)| d <= (len / 3).clamp(1, 3))
        .min_by_key(|&(d, _, _)| d)
        .map(|(_, _, name)| name)
}

/// Optimal string alignment distance (edits, with adjacent transpositions), over characters.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (previous[j + 1] + 1)
                .min(current[j] + 1)
                .min(previous[j] + cost);
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The longest normalised input compared by edit distance, in characters: the longest name
/// (`googleworkspaceforeducationfundamentals`) has 39, and a longer input is far from every
/// name anyway. It bounds the work of a suggestion to a few thousand cells per name.
const MAX_DISTANCE_INPUT: usize = 48;

/// What to propose for an unknown `key`: the near names, or every name when they are few, or
/// else the nearest ones.
fn suggest<T, I>(key: &str, spellings: I) -> Suggestions
where
    T: Copy + PartialEq,
    I: Iterator<Item = (T, &'static str)>,
{
    let spellings: Vec<(T, &'static str)> = spellings.collect();
    let canonical: Vec<(T, &'static str)> = first_spellings(spellings.iter().copied()).collect();
    let input: Vec<char> = key.chars().take(MAX_DISTANCE_INPUT + 1).collect();
    // The best score of each value, and whether it is near: twice the edit distance, near
    // when the distance is at most a quarter of the name (1 to 3 edits); 3 when the input
    // starts a spelling (near, after one edit).
    let mut scores: Vec<(usize, bool, usize)> = Vec::with_capacity(canonical.len());
    if input.len() <= MAX_DISTANCE_INPUT && !input.is_empty() {
        let mut target: Vec<char> = Vec::with_capacity(64);
        for (index, (value, name)) in canonical.iter().enumerate() {
            let mut best = (usize::MAX, false);
            for (_, spelling) in spellings.iter().filter(|(v, _)| v == value) {
                target.clear();
                for c in spelling.chars().filter(|&c| !is_separator(c)) {
                    if c.is_ascii() {
                        target.push(c.to_ascii_lowercase());
                    } else {
                        target.extend(c.to_lowercase());
                    }
                }
                let starts = input.len() >= 3 && target.starts_with(&input);
                // Another spelling more than 3 characters longer or shorter cannot be near:
                // only the canonical name is measured then (for the nearest names).
                if spelling != name && !starts && target.len().abs_diff(input.len()) > 3 {
                    continue;
                }
                let d = distance(&input, &target);
                let mut score = (2 * d, d <= (target.len() / 4).clamp(1, 3));
                if starts && score.0 > 3 {
                    score = (3, true);
                }
                if score.0 < best.0 {
                    best = score;
                }
            }
            scores.push((best.0, best.1, index));
        }
    }
    scores.sort_by_key(|&(score, _, index)| (score, index));
    let near: Vec<&'static str> = scores
        .iter()
        .take_while(|&&(score, near, _)| near && score == scores[0].0)
        .take(MAX_SUGGESTIONS)
        .map(|&(_, _, index)| canonical[index].1)
        .collect();
    if !near.is_empty() {
        return Suggestions {
            kind: Kind::Near,
            names: near,
        };
    }
    let listing: usize = canonical.iter().map(|(_, name)| name.len() + 4).sum();
    if listing <= MAX_LISTING || scores.is_empty() && canonical.len() <= MAX_SUGGESTIONS {
        return Suggestions {
            kind: Kind::All,
            names: canonical.iter().map(|(_, name)| *name).collect(),
        };
    }
    let names = if scores.is_empty() {
        canonical
            .iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, n)| *n)
            .collect()
    } else {
        scores
            .iter()
            .take(MAX_SUGGESTIONS)
            .map(|&(_, _, index)| canonical[index].1)
            .collect()
    };
    Suggestions {
        kind: Kind::Nearest,
        names,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    /// One to three names close to the input: "did you mean".
    Near,
    /// Every accepted name.
    All,
    /// No name is close: the three nearest of a long list.
    Nearest,
    /// The input is longer than any name.
    TooLong,
}

/// What the message of an unknown name proposes: the names close to what was typed ("did you
/// mean `business-plus`?"), or every accepted name when there are few, or else the nearest
/// ones.
///
/// ```
/// use gws_onboarding::Edition;
///
/// let err = "busines plus".parse::<Edition>().unwrap_err();
/// assert_eq!(err.suggestions().names(), ["business-plus"]);
/// assert!(err.suggestions().is_near());
/// assert!(err.to_string().ends_with("did you mean `business-plus`?"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Suggestions {
    kind: Kind,
    names: Vec<&'static str>,
}

impl Suggestions {
    /// Every accepted name, for a closed set read exactly (a proto enum spelling).
    #[cfg(feature = "serde")]
    pub(crate) fn all(names: &[&'static str]) -> Self {
        Suggestions {
            kind: Kind::All,
            names: names.to_vec(),
        }
    }

    /// The canonical names proposed: the near ones, or every accepted name, or the nearest
    /// ones; empty when the input was refused for its length.
    ///
    /// ```
    /// use gws_onboarding::customer::CustomerKind;
    /// let err = "reseller".parse::<CustomerKind>().unwrap_err();
    /// assert_eq!(err.suggestions().names(), ["domain", "team"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }

    /// Whether the names are close to the input (the message says "did you mean").
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteType;
    /// assert!("univrsity".parse::<InstituteType>().unwrap_err().suggestions().is_near());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_near(&self) -> bool {
        self.kind == Kind::Near
    }

    /// Whether the input was refused for its length, before it was read (it is then longer
    /// than any accepted name).
    ///
    /// ```
    /// let err = " ".repeat(1000).parse::<gws_onboarding::Edition>().unwrap_err();
    /// assert!(err.suggestions().is_too_long());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_too_long(&self) -> bool {
        self.kind == Kind::TooLong
    }

    /// The end of an unknown name's message, after a colon.
    pub(crate) fn describe(&self, lang: Lang) -> String {
        let (open, close) = match lang {
            Lang::Fr => ("« ", " »"),
            _ => ("`", "`"),
        };
        let mut list = String::new();
        let final_index = self.names.len().saturating_sub(1);
        for (i, name) in self.names.iter().enumerate() {
            if i > 0 {
                list.push_str(match (i == final_index, self.kind, lang) {
                    (true, Kind::Near, Lang::Fr) => " ou ",
                    (true, Kind::Near, _) => " or ",
                    (true, Kind::Nearest, Lang::Fr) => " et ",
                    (true, Kind::Nearest, _) => " and ",
                    _ => ", ",
                });
            }
            let _ = write!(list, "{open}{name}{close}");
        }
        match (self.kind, lang) {
            (Kind::Near, Lang::Fr) => format!("vouliez-vous dire {list} ?"),
            (Kind::Near, _) => format!("did you mean {list}?"),
            (Kind::All, Lang::Fr) => format!("valeurs possibles {list}"),
            (Kind::All, _) => format!("expected one of {list}"),
            (Kind::Nearest, Lang::Fr) => format!("noms les plus proches {list}"),
            (Kind::Nearest, _) => format!("the closest names are {list}"),
            (Kind::TooLong, Lang::Fr) => {
                format!("plus de {MAX_NAME_INPUT} caractères, plus long que tout nom accepté")
            }
            (Kind::TooLong, _) => {
                format!("more than {MAX_NAME_INPUT} characters, longer than any accepted name")
            }
        }
    }
}

/// Defines a closed enum with a stable string form, `as_str`, `FromStr`, `Display` and serde.
///
/// `Variant = "text" | "alias" | …`: `text` is the stable string form; the aliases are other
/// names people type (display names, Google's enum names). Parsing goes through
/// [`parse`]: any case and spacing, bounded work, suggestions when unknown.
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

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::names::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                if let Some(value) = $crate::names::exact(s, $name::ALL, $name::as_str) {
                    return Ok(value);
                }
                $crate::names::parse(s, $name::spellings()).map_err(|suggestions| {
                    $crate::names::UnknownValue::new($what, s, suggestions)
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

impl std::str::FromStr for Severity {
    type Err = UnknownValue;

    /// `warning` or `error`, in any case and spacing, read like every closed set's name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let spellings = [(Severity::Warning, "warning"), (Severity::Error, "error")];
        parse(s, spellings.into_iter())
            .map_err(|suggestions| UnknownValue::new("severity", s, suggestions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: [(u8, &str); 6] = [
        (1, "business-plus"),
        (1, "Google Workspace Business Plus"),
        (2, "business-starter"),
        (2, "1010020027"),
        (3, "k12"),
        (3, "K-12"),
    ];

    fn parse_set(input: &str) -> Result<u8, Suggestions> {
        parse(input, SET.iter().copied())
    }

    #[test]
    fn keys_ignore_case_and_separators() {
        assert_eq!(key(" Business--Standard_ "), "businessstandard");
        assert_eq!(key("1,001 – 2,000"), "10012000");
        assert_eq!(key("ÉQUIPE"), "equipe");
        assert_eq!(key("Client d’un Domaine"), "clientdundomaine");
        assert_eq!(key("ｂｕｓｉｎｅｓｓ　ｐｌｕｓ"), "businessplus");
        assert!(matches(
            "Google-Drive-storage-20GB",
            "googledrivestorage20gb"
        ));
        assert!(!matches("business-plus", "businessplu"));
        assert!(!matches("business-plus", "businessplusx"));
    }

    #[test]
    fn parses_every_spelling_and_prefixed_names() {
        for (value, spelling) in SET {
            assert_eq!(parse_set(spelling), Ok(value), "{spelling}");
            assert_eq!(parse_set(&spelling.to_uppercase()), Ok(value));
        }
        assert_eq!(parse_set("G Suite Business Starter"), Ok(2));
        assert_eq!(parse_set("Google Workspace K-12"), Ok(3));
        assert_eq!(parse_set("\u{3000}k 12\u{3000}"), Ok(3));
    }

    #[test]
    fn suggests_near_names_or_lists_them() {
        let near = parse_set("busines plus").unwrap_err();
        assert_eq!(
            (near.kind, near.names()),
            (Kind::Near, &["business-plus"][..])
        );
        assert_eq!(near.describe(Lang::En), "did you mean `business-plus`?");
        assert_eq!(
            near.describe(Lang::Fr),
            "vouliez-vous dire « business-plus » ?"
        );
        let prefix = parse_set("business").unwrap_err();
        assert_eq!(prefix.names(), ["business-plus", "business-starter"]);
        assert_eq!(
            prefix.describe(Lang::En),
            "did you mean `business-plus` or `business-starter`?"
        );
        let far = parse_set("zzzzzz").unwrap_err();
        assert_eq!(far.kind, Kind::All);
        assert_eq!(
            far.describe(Lang::En),
            "expected one of `business-plus`, `business-starter`, `k12`"
        );
        let long = parse_set(&"\u{3000}".repeat(10_000_000)).unwrap_err();
        assert!(long.is_too_long());
        assert!(long.names().is_empty());
    }

    #[test]
    fn distance_counts_edits_and_transpositions() {
        let d = |a: &str, b: &str| {
            distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("abc", "acb"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
    }
}
