//! The Public Suffix List: an embedded snapshot, parsed once, or a list of your own.
//!
//! The [Public Suffix List](https://publicsuffix.org/) tells where the part of a name that anyone
//! can register under ends: `co.uk`, `com`, `github.io`. This crate needs it to tell a registrable
//! domain (`example.co.uk`) from a public suffix (`co.uk`), an unknown top-level domain from a real
//! one, and a name under a private-section suffix (`foo.github.io`) from a customer's own domain.
//!
//! A snapshot of the list is compiled in (`data/public_suffix_list.dat`, MPL-2.0; see
//! `data/PROVENANCE.md` for its version and `scripts/refresh-psl.sh` to refresh it). It is parsed
//! the first time it is needed, once per process, by [`SuffixList::embedded`]. A service that
//! ships a newer list parses it with [`SuffixList::parse`] and passes it to the `*_with`
//! constructors.
//!
//! The table keeps every rule in its A-label (punycode) form only, so that a Unicode rule and its
//! A-label twin are not stored twice, and it is keyed by whole suffixes, so that a lookup costs one
//! hash probe per label of the name and allocates nothing. The list is read with the same
//! algorithm as the `publicsuffix` crate (longest rule wins, wildcards, exceptions, the implicit
//! `*` rule), and [`SuffixList`] implements [`publicsuffix::Psl`], so it can be used wherever
//! that crate's lists are.
//!
//! ```
//! use gws_onboarding::SuffixList;
//!
//! let list = SuffixList::embedded();
//! let found = list.lookup("www.example.co.uk");
//! assert_eq!(found.suffix(), "co.uk");
//! assert_eq!(found.registrable(), Some("example.co.uk"));
//! assert!(found.is_known());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use crate::error::{Lang, impl_diagnostic, snippet};

/// The embedded snapshot of the Public Suffix List.
const EMBEDDED: &str = include_str!("../data/public_suffix_list.dat");

/// The longest list text [`SuffixList::parse`] accepts (the 2026 list is about 340 KB).
pub const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;

// Flags kept for each whole suffix in the table. A key with no flag is an interior node: a
// proper suffix of some rule, kept so that a lookup can stop at the first absent suffix.
const RULE_ICANN: u8 = 1;
const RULE_PRIVATE: u8 = 1 << 1;
const WILDCARD_ICANN: u8 = 1 << 2;
const WILDCARD_PRIVATE: u8 = 1 << 3;
const EXCEPTION_ICANN: u8 = 1 << 4;
const EXCEPTION_PRIVATE: u8 = 1 << 5;

/// Which section of the list a rule comes from.
///
/// ```
/// use gws_onboarding::{SuffixList, suffix::Section};
///
/// assert_eq!(SuffixList::embedded().lookup("foo.github.io").section(), Some(Section::Private));
/// assert_eq!(SuffixList::embedded().lookup("example.com").section(), Some(Section::Icann));
/// assert_eq!(SuffixList::embedded().lookup("example.zzzz").section(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The ICANN section: suffixes delegated by registries (`com`, `co.uk`).
    Icann,
    /// The private section: suffixes run by companies for their users (`github.io`).
    Private,
}

impl Section {
    fn of(flags: u8, icann: u8) -> Section {
        if flags & icann != 0 {
            Section::Icann
        } else {
            Section::Private
        }
    }
}

/// A tiny multiplicative hasher for the table's short ASCII keys.
///
/// The keys are fixed by the list, not by the caller, so a keyed hash buys nothing here: a
/// caller's name can only probe the slots the list's own keys occupy.
#[derive(Default)]
struct SuffixHasher(u64);

impl Hasher for SuffixHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Table = HashMap<Box<str>, u8, BuildHasherDefault<SuffixHasher>>;

#[derive(Debug)]
struct Inner {
    table: Table,
    version: Option<Box<str>>,
    rules: usize,
}

/// A parsed Public Suffix List. Cheap to clone (the table is shared).
///
/// ```
/// use gws_onboarding::SuffixList;
///
/// let mine = SuffixList::parse("// ===BEGIN ICANN DOMAINS===\ncom\nuk\nco.uk\n// ===END ICANN DOMAINS===\n")?;
/// assert_eq!(mine.len(), 3);
/// assert_eq!(mine.lookup("shop.example.co.uk").registrable(), Some("example.co.uk"));
/// assert!(!mine.lookup("example.org").is_known());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SuffixList {
    inner: Arc<Inner>,
}

impl fmt::Debug for SuffixList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuffixList")
            .field("version", &self.version())
            .field("rules", &self.len())
            .finish()
    }
}

impl SuffixList {
    /// The snapshot compiled into this crate, parsed on first use and shared afterwards.
    ///
    /// ```
    /// use gws_onboarding::SuffixList;
    ///
    /// let list = SuffixList::embedded();
    /// assert!(list.len() > 9_000);
    /// assert!(list.version().is_some_and(|v| v.starts_with("20")));
    /// ```
    ///
    /// # Panics
    ///
    /// Never in practice: the embedded snapshot is checked by this crate's tests, and a snapshot
    /// that did not parse would fail them.
    #[must_use]
    pub fn embedded() -> &'static SuffixList {
        static LIST: OnceLock<SuffixList> = OnceLock::new();
        LIST.get_or_init(|| {
            #[allow(clippy::expect_used)] // the input is the compiled-in snapshot, not the caller's
            SuffixList::parse(EMBEDDED).expect("the embedded Public Suffix List parses")
        })
    }

    /// Parses a list in the format of `public_suffix_list.dat`.
    ///
    /// Rules are read up to the first white space of their line; `//` lines are comments; the
    /// `===BEGIN ICANN DOMAINS===` and `===BEGIN PRIVATE DOMAINS===` markers set the section of
    /// the rules that follow (rules before any marker count as ICANN). Unicode rules are stored
    /// in their A-label form.
    ///
    /// # Errors
    ///
    /// - [`SuffixListError::TooLong`]: more than [`MAX_LIST_BYTES`];
    /// - [`SuffixListError::InvalidRule`]: a rule with an empty label (`a..b`), an exception
    ///   at the top level (`!com`), a wildcard anywhere but first (`a.*.b`), or a label that is
    ///   not a valid domain label once converted to its A-label;
    /// - [`SuffixListError::Empty`]: no rule at all.
    ///
    /// ```
    /// use gws_onboarding::SuffixList;
    ///
    /// let err = SuffixList::parse("com\nfoo..bar\n").unwrap_err();
    /// assert_eq!(err.as_code(), "suffix_list.invalid_rule");
    /// assert_eq!(err.to_string(), "public suffix list line 2: invalid rule \"foo..bar\"");
    /// assert_eq!(SuffixList::parse("// nothing\n").unwrap_err().as_code(), "suffix_list.empty");
    /// ```
    pub fn parse(text: &str) -> Result<SuffixList, SuffixListError> {
        if text.len() > MAX_LIST_BYTES {
            return Err(SuffixListError::TooLong { len: text.len() });
        }
        let mut table = Table::with_capacity_and_hasher(16_384, BuildHasherDefault::default());
        let mut version = None;
        let mut private = false;
        let mut rules = 0;
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(comment) = line.strip_prefix("//") {
                let comment = comment.trim();
                if comment.contains("===BEGIN ICANN DOMAINS===") {
                    private = false;
                } else if comment.contains("===BEGIN PRIVATE DOMAINS===") {
                    private = true;
                } else if let Some(v) = comment.strip_prefix("VERSION:") {
                    version.get_or_insert_with(|| v.trim().into());
                }
                continue;
            }
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            let invalid = || SuffixListError::InvalidRule {
                line: index + 1,
                rule: snippet(rule),
            };
            let (body, kind) = if let Some(rest) = rule.strip_prefix('!') {
                (
                    rest,
                    if private {
                        EXCEPTION_PRIVATE
                    } else {
                        EXCEPTION_ICANN
                    },
                )
            } else if let Some(rest) = rule.strip_prefix("*.") {
                (
                    rest,
                    if private {
                        WILDCARD_PRIVATE
                    } else {
                        WILDCARD_ICANN
                    },
                )
            } else {
                (rule, if private { RULE_PRIVATE } else { RULE_ICANN })
            };
            let ascii = to_ascii_rule(body).ok_or_else(invalid)?;
            if kind & (EXCEPTION_ICANN | EXCEPTION_PRIVATE) != 0 && !ascii.contains('.') {
                return Err(invalid());
            }
            insert(&mut table, ascii, kind);
            rules += 1;
        }
        if rules == 0 {
            return Err(SuffixListError::Empty);
        }
        table.shrink_to_fit();
        Ok(SuffixList {
            inner: Arc::new(Inner {
                table,
                version,
                rules,
            }),
        })
    }

    /// The `// VERSION:` line of the list, when it has one.
    ///
    /// ```
    /// assert!(gws_onboarding::SuffixList::embedded().version().is_some());
    /// ```
    #[must_use]
    pub fn version(&self) -> Option<&str> {
        self.inner.version.as_deref()
    }

    /// How many rules the list has.
    ///
    /// ```
    /// assert!(gws_onboarding::SuffixList::embedded().len() > 9_000);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.rules
    }

    /// Whether the list has no rule (never true for a parsed list).
    ///
    /// ```
    /// assert!(!gws_onboarding::SuffixList::embedded().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.rules == 0
    }

    /// Finds the public suffix of `name` and its registrable domain.
    ///
    /// `name` should be a lowercase A-label name without a trailing dot (what
    /// [`PrimaryDomain`](crate::PrimaryDomain) and [`EmailAddress`](crate::EmailAddress) hold);
    /// other input gives an answer for the name as written. A name whose top-level domain is not
    /// in the list gets that label as its suffix, unknown (the list's implicit `*` rule).
    ///
    /// ```
    /// use gws_onboarding::SuffixList;
    ///
    /// let list = SuffixList::embedded();
    /// let found = list.lookup("a.b.foo.github.io");
    /// assert_eq!(found.suffix(), "github.io");
    /// assert_eq!(found.icann_suffix(), "io");
    /// assert_eq!(found.registrable(), Some("foo.github.io"));
    /// assert_eq!(found.icann_registrable(), Some("github.io"));
    /// assert!(!list.lookup("intranet.corp").is_known());
    /// ```
    #[must_use]
    pub fn lookup<'n>(&self, name: &'n str) -> SuffixMatch<'n> {
        let table = &self.inner.table;
        let tld_start = name.rfind('.').map_or(0, |dot| dot + 1);
        let mut any = (tld_start, None);
        let mut icann = (tld_start, None);
        let mut parent_flags = 0u8;
        let mut end = name.len();
        let mut start = tld_start;
        loop {
            let candidate = &name[start..];
            let flags = table.get(candidate).copied();
            let wildcard = parent_flags & (WILDCARD_ICANN | WILDCARD_PRIVATE);
            let Some(flags) = flags.or((wildcard != 0).then_some(0)) else {
                break;
            };
            if flags & (EXCEPTION_ICANN | EXCEPTION_PRIVATE) != 0 {
                // An exception rule wins outright: the suffix is its parent.
                let section = Section::of(flags, EXCEPTION_ICANN);
                any = (end.min(name.len()), Some(section));
                if section == Section::Icann {
                    icann = any;
                }
                break;
            }
            if flags & (RULE_ICANN | RULE_PRIVATE) != 0 {
                let section = Section::of(flags, RULE_ICANN);
                any = (start, Some(section));
                if flags & RULE_ICANN != 0 {
                    icann = (start, Some(Section::Icann));
                }
            } else if wildcard != 0 {
                let section = Section::of(parent_flags, WILDCARD_ICANN);
                any = (start, Some(section));
                if parent_flags & WILDCARD_ICANN != 0 {
                    icann = (start, Some(Section::Icann));
                }
            }
            if start == 0 {
                break;
            }
            parent_flags = flags;
            end = start;
            start = name[..start - 1].rfind('.').map_or(0, |dot| dot + 1);
        }
        // `end` of an exception is where the parent starts: one label right of `start`.
        SuffixMatch {
            name,
            suffix_start: any.0,
            section: any.1,
            icann_start: icann.0,
            icann_known: icann.1.is_some(),
        }
    }
}

/// Converts one rule body to its lowercase A-label form, checking its labels.
fn to_ascii_rule(body: &str) -> Option<Box<str>> {
    if body.is_empty() || body.len() > 253 {
        return None;
    }
    let ascii: Box<str> = if body.is_ascii() {
        body.to_ascii_lowercase().into()
    } else {
        idna::domain_to_ascii_cow(body.as_bytes(), idna::AsciiDenyList::STD3)
            .ok()?
            .into_owned()
            .into()
    };
    let labels_ok = ascii.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    labels_ok.then_some(ascii)
}

/// Inserts a rule and marks all of its proper suffixes as interior nodes.
fn insert(table: &mut Table, rule: Box<str>, kind: u8) {
    let mut rest: &str = &rule;
    while let Some(dot) = rest.find('.') {
        rest = &rest[dot + 1..];
        if !table.contains_key(rest) {
            table.insert(rest.into(), 0);
        }
    }
    *table.entry(rule).or_insert(0) |= kind;
}

/// What [`SuffixList::lookup`] found for a name.
///
/// ```
/// let found = gws_onboarding::SuffixList::embedded().lookup("example.com");
/// assert_eq!(found.suffix(), "com");
/// assert_eq!(found.registrable(), Some("example.com"));
/// assert!(found.is_registrable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuffixMatch<'n> {
    name: &'n str,
    suffix_start: usize,
    section: Option<Section>,
    icann_start: usize,
    icann_known: bool,
}

impl<'n> SuffixMatch<'n> {
    /// The public suffix: the longest matching rule of either section.
    ///
    /// ```
    /// let found = gws_onboarding::SuffixList::embedded().lookup("foo.github.io");
    /// assert_eq!(found.suffix(), "github.io");
    /// ```
    #[must_use]
    pub fn suffix(&self) -> &'n str {
        &self.name[self.suffix_start..]
    }

    /// The public suffix from ICANN-section rules only.
    ///
    /// ```
    /// let found = gws_onboarding::SuffixList::embedded().lookup("foo.github.io");
    /// assert_eq!(found.icann_suffix(), "io");
    /// ```
    #[must_use]
    pub fn icann_suffix(&self) -> &'n str {
        &self.name[self.icann_start..]
    }

    /// Which section the suffix's rule is in; `None` when no rule matched (unknown top-level domain).
    ///
    /// ```
    /// use gws_onboarding::suffix::Section;
    /// let found = gws_onboarding::SuffixList::embedded().lookup("example.co.uk");
    /// assert_eq!(found.section(), Some(Section::Icann));
    /// ```
    #[must_use]
    pub fn section(&self) -> Option<Section> {
        self.section
    }

    /// Whether a rule of the list matched (the top-level domain exists).
    ///
    /// ```
    /// let list = gws_onboarding::SuffixList::embedded();
    /// assert!(list.lookup("example.fr").is_known());
    /// assert!(!list.lookup("example.notatld").is_known());
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.section.is_some()
    }

    /// Whether the ICANN section knows the name's top-level domain.
    ///
    /// ```
    /// let list = gws_onboarding::SuffixList::embedded();
    /// assert!(list.lookup("foo.github.io").is_icann_known());
    /// ```
    #[must_use]
    pub fn is_icann_known(&self) -> bool {
        self.icann_known
    }

    /// Whether the name is longer than its suffix, i.e. something registered under it.
    ///
    /// ```
    /// let list = gws_onboarding::SuffixList::embedded();
    /// assert!(list.lookup("example.co.uk").is_registrable());
    /// assert!(!list.lookup("co.uk").is_registrable());
    /// ```
    #[must_use]
    pub fn is_registrable(&self) -> bool {
        self.suffix_start > 0
    }

    /// The registrable domain: the suffix and one more label (eTLD+1); `None` when the name is
    /// itself a public suffix.
    ///
    /// ```
    /// let list = gws_onboarding::SuffixList::embedded();
    /// assert_eq!(list.lookup("a.b.example.co.uk").registrable(), Some("example.co.uk"));
    /// assert_eq!(list.lookup("co.uk").registrable(), None);
    /// ```
    #[must_use]
    pub fn registrable(&self) -> Option<&'n str> {
        self.plus_one(self.suffix_start)
    }

    /// The registrable domain by ICANN-section rules only (ICANN eTLD+1).
    ///
    /// ```
    /// let list = gws_onboarding::SuffixList::embedded();
    /// assert_eq!(list.lookup("a.foo.github.io").icann_registrable(), Some("github.io"));
    /// ```
    #[must_use]
    pub fn icann_registrable(&self) -> Option<&'n str> {
        self.plus_one(self.icann_start)
    }

    /// Where the registrable domain starts in the name.
    pub(crate) fn icann_registrable_start(&self) -> Option<usize> {
        self.plus_one(self.icann_start)
            .map(|r| self.name.len() - r.len())
    }

    fn plus_one(&self, suffix_start: usize) -> Option<&'n str> {
        if suffix_start < 2 {
            return None;
        }
        let head = &self.name[..suffix_start - 1];
        let start = head.rfind('.').map_or(0, |dot| dot + 1);
        Some(&self.name[start..])
    }
}

impl publicsuffix::Psl for SuffixList {
    /// Answers `publicsuffix`'s query: `labels` come right to left.
    fn find<'a, T>(&self, labels: T) -> publicsuffix::Info
    where
        T: Iterator<Item = &'a [u8]>,
    {
        let mut reversed: Vec<&[u8]> = labels.collect();
        reversed.reverse();
        let joined = reversed.join(&b'.');
        let Ok(name) = std::str::from_utf8(&joined) else {
            return publicsuffix::Info { len: 0, typ: None };
        };
        let name = name.to_ascii_lowercase();
        let found = self.lookup(&name);
        publicsuffix::Info {
            len: found.suffix().len(),
            typ: found.section().map(|s| match s {
                Section::Icann => publicsuffix::Type::Icann,
                Section::Private => publicsuffix::Type::Private,
            }),
        }
    }
}

/// Why a suffix list could not be parsed.
///
/// ```
/// let err = gws_onboarding::SuffixList::parse("").unwrap_err();
/// assert_eq!(err.as_code(), "suffix_list.empty");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SuffixListError {
    /// The text is longer than [`MAX_LIST_BYTES`].
    #[error("public suffix list of {len} bytes is longer than the {MAX_LIST_BYTES} accepted")]
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A rule is malformed.
    #[error("public suffix list line {line}: invalid rule \"{rule}\"")]
    InvalidRule {
        /// 1-based line number.
        line: usize,
        /// The rule as written (escaped, cut).
        rule: String,
    },
    /// The text holds no rule.
    #[error("public suffix list has no rule")]
    Empty,
}

impl SuffixListError {
    /// The stable machine code: `suffix_list.too_long`, `suffix_list.invalid_rule` or
    /// `suffix_list.empty`.
    ///
    /// ```
    /// let err = gws_onboarding::SuffixList::parse("!com").unwrap_err();
    /// assert_eq!(err.as_code(), "suffix_list.invalid_rule");
    /// ```
    #[must_use]
    pub fn as_code(&self) -> &'static str {
        match self {
            SuffixListError::TooLong { .. } => "suffix_list.too_long",
            SuffixListError::InvalidRule { .. } => "suffix_list.invalid_rule",
            SuffixListError::Empty => "suffix_list.empty",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = gws_onboarding::SuffixList::parse("").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "la liste des suffixes publics ne contient aucune règle");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => match self {
                SuffixListError::TooLong { len } => format!(
                    "la liste des suffixes publics fait {len} octets, plus que les {MAX_LIST_BYTES} acceptés"
                ),
                SuffixListError::InvalidRule { line, rule } => {
                    format!("liste des suffixes publics, ligne {line} : règle invalide « {rule} »")
                }
                SuffixListError::Empty => {
                    "la liste des suffixes publics ne contient aucune règle".to_owned()
                }
            },
            _ => self.to_string(),
        }
    }
}

impl_diagnostic!(SuffixListError);

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "\
// ===BEGIN ICANN DOMAINS===
com
jp
*.kawasaki.jp
!city.kawasaki.jp
*.ck
!www.ck
公司.cn
cn
// ===END ICANN DOMAINS===
// ===BEGIN PRIVATE DOMAINS===
github.io
s3.amazonaws.com
// ===END PRIVATE DOMAINS===
";

    fn parts(list: &SuffixList, name: &str) -> (String, Option<String>, Option<Section>) {
        let m = list.lookup(name);
        (
            m.suffix().to_owned(),
            m.registrable().map(str::to_owned),
            m.section(),
        )
    }

    #[test]
    fn wildcards_and_exceptions_follow_the_psl_algorithm() {
        let list = SuffixList::parse(MINI).unwrap();
        let s = |v: &str| v.to_owned();
        assert_eq!(
            parts(&list, "a.b.kawasaki.jp"),
            (
                s("b.kawasaki.jp"),
                Some(s("a.b.kawasaki.jp")),
                Some(Section::Icann)
            )
        );
        assert_eq!(
            parts(&list, "city.kawasaki.jp"),
            (
                s("kawasaki.jp"),
                Some(s("city.kawasaki.jp")),
                Some(Section::Icann)
            )
        );
        assert_eq!(
            parts(&list, "x.city.kawasaki.jp"),
            (
                s("kawasaki.jp"),
                Some(s("city.kawasaki.jp")),
                Some(Section::Icann)
            )
        );
        assert_eq!(
            parts(&list, "www.ck"),
            (s("ck"), Some(s("www.ck")), Some(Section::Icann))
        );
        assert_eq!(
            parts(&list, "foo.ck"),
            (s("foo.ck"), None, Some(Section::Icann))
        );
        assert_eq!(parts(&list, "ck"), (s("ck"), None, None));
        assert_eq!(
            parts(&list, "bucket.s3.amazonaws.com"),
            (
                s("s3.amazonaws.com"),
                Some(s("bucket.s3.amazonaws.com")),
                Some(Section::Private)
            )
        );
        // amazonaws.com is only an interior node: com is the suffix.
        assert_eq!(
            parts(&list, "amazonaws.com"),
            (s("com"), Some(s("amazonaws.com")), Some(Section::Icann))
        );
        assert_eq!(
            parts(&list, "example.org"),
            (s("org"), Some(s("example.org")), None)
        );
    }

    #[test]
    fn unicode_rules_are_stored_as_a_labels() {
        let list = SuffixList::parse(MINI).unwrap();
        let found = list.lookup("example.xn--55qx5d.cn");
        assert_eq!(found.suffix(), "xn--55qx5d.cn");
        assert_eq!(found.registrable(), Some("example.xn--55qx5d.cn"));
    }

    #[test]
    fn private_and_icann_views_differ() {
        let list = SuffixList::embedded();
        let m = list.lookup("a.foo.github.io");
        assert_eq!(m.suffix(), "github.io");
        assert_eq!(m.icann_suffix(), "io");
        assert_eq!(m.icann_registrable(), Some("github.io"));
        assert_eq!(m.icann_registrable_start(), Some("a.foo.".len()));
    }

    #[test]
    fn embedded_list_knows_its_version_and_sections() {
        let list = SuffixList::embedded();
        assert_eq!(list.version(), Some("2026-10-22_08-36-41_UTC"));
        assert_eq!(list.lookup("example.co.uk").suffix(), "co.uk");
        assert_eq!(
            list.lookup("foo.blogspot.com").section(),
            Some(Section::Private)
        );
        assert!(
            list.lookup("onion").is_known(),
            "the PSL lists onion; domain.rs rejects it itself"
        );
    }

    #[test]
    fn psl_trait_answers_like_lookup() {
        use publicsuffix::Psl as _;
        let list = SuffixList::embedded();
        assert_eq!(
            list.suffix(b"www.Example.CO.uk")
                .map(|s| s.as_bytes().to_vec()),
            Some(b"CO.uk".to_vec())
        );
        assert_eq!(
            list.domain(b"www.example.co.uk")
                .map(|d| d.as_bytes().to_vec()),
            Some(b"example.co.uk".to_vec())
        );
    }

    #[test]
    fn bad_rules_are_refused_with_their_line() {
        for (text, line) in [
            ("com\na..b", 2),
            ("!com", 1),
            ("a.*.b", 1),
            ("bad_\u{202e}.com x", 1),
        ] {
            match SuffixList::parse(text) {
                Err(SuffixListError::InvalidRule { line: l, .. }) => {
                    assert_eq!(l, line, "{text:?}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
