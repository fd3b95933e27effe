//! Layer 2, values. Host-name normalisation shared by [`PrimaryDomain`](crate::PrimaryDomain) and the domain of
//! an [`EmailAddress`](crate::EmailAddress): UTS-46 mapping to lowercase A-labels, then the
//! letter-digit-hyphen (LDH) and length checks that `idna` leaves out or reports opaquely.

use std::borrow::Cow;
use std::net::Ipv4Addr;

use crate::error::is_unsafe_char;

/// The longest name in octets (RFC 1035), without its trailing dot.
pub(crate) const MAX_NAME: usize = 253;
/// The longest label in octets (RFC 1035).
pub(crate) const MAX_LABEL: usize = 63;

/// Special-use and reserved top-level names (RFC 2606, 6761, 6762, 7686, 9476; ICANN's
/// `internal`), never a registered domain. `arpa` is infrastructure: nobody registers under it.
pub(crate) const SPECIAL_USE_TLDS: [&str; 9] = [
    "alt",
    "arpa",
    "example",
    "internal",
    "invalid",
    "local",
    "localhost",
    "onion",
    "test",
];

/// Second-level names reserved for documentation (RFC 2606).
pub(crate) const SPECIAL_USE_DOMAINS: [&str; 3] = ["example.com", "example.net", "example.org"];

/// What went wrong while normalising a host name. Each user maps these onto its own codes.
///
/// The label rules are the same for every host this crate reads (primary domains, the domains
/// of email addresses, websites): one function, [`check_labels`], applies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostError {
    /// A control, bidi or invisible character at this char index.
    UnsafeChar { ch: char, index: usize },
    /// A character outside letters, digits, hyphen and dot after mapping.
    InvalidChar { ch: char, index: usize },
    /// A character that UTS-46 would replace by another that looks different (`𝐚`, `ⓐ`, `ſ`,
    /// `㎏`, `ﬁ`, the Kelvin sign): `folded` is what it would silently become.
    Lookalike {
        ch: char,
        index: usize,
        folded: String,
    },
    /// `a..b`, `.a` or a lone `.`.
    EmptyLabel,
    /// A label longer than 63 octets (the label already escaped and cut for messages).
    LabelTooLong { label: String, len: usize },
    /// A label starting or ending with `-` (the label, in Unicode form for an A-label, already
    /// escaped and cut for messages).
    Hyphen { label: String },
    /// A label with `--` in its third and fourth positions that is not an A-label (`ab--cd`),
    /// or an A-label whose Unicode form has them: RFC 5891 reserves such labels.
    ReservedHyphen { label: String },
    /// An `xn--` label that is not valid punycode, or whose decoded form is not a valid
    /// internationalized label (the A-label, escaped and cut).
    BadALabel { label: String },
    /// The name is longer than 253 octets.
    TooLong { len: usize },
    /// UTS-46 processing of Unicode input failed (a disallowed character, bidi or joiner rules).
    Idna,
}

/// A host name mapped to lowercase A-labels with its trailing dot removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Host<'a> {
    /// The lowercase A-label form.
    pub(crate) ascii: Cow<'a, str>,
    /// Whether the input was not already plain ASCII (Unicode, full-width, …).
    pub(crate) mapped: bool,
    /// Whether any label is an A-label (`xn--`): the name is internationalized.
    pub(crate) a_label: bool,
}

const UPPER: u8 = 1;
const NOT_LDH: u8 = 2;

/// For each byte: 0 for a lowercase letter, digit, hyphen or dot, [`UPPER`] for an uppercase
/// letter, [`NOT_LDH`] for anything else.
static LDH_CLASS: [u8; 256] = {
    let mut table = [NOT_LDH; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // b < 256
        let byte = b as u8;
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-' || byte == b'.' {
            table[b] = 0;
        } else if byte.is_ascii_uppercase() {
            table[b] = UPPER;
        }
        b += 1;
    }
    table
};

/// Maps `input` (already trimmed, non-empty, bounded in length by the caller) to its lowercase
/// A-label form and checks its labels.
pub(crate) fn normalize(input: &str) -> Result<Host<'_>, HostError> {
    let bytes = input.as_bytes();
    // One pass: plain letter-digit-hyphen-dot input (nearly all) skips UTS-46 entirely.
    let mut class = 0u8;
    for &b in bytes {
        class |= LDH_CLASS[usize::from(b)];
    }
    let plain = class & NOT_LDH == 0;
    let upper = class & UPPER != 0;
    let (ascii, mapped) = if plain {
        let lower: Cow<'_, str> = if upper {
            Cow::Owned(input.to_ascii_lowercase())
        } else {
            Cow::Borrowed(input)
        };
        (lower, false)
    } else {
        for (index, ch) in input.chars().enumerate() {
            if is_unsafe_char(ch) {
                return Err(HostError::UnsafeChar { ch, index });
            }
            if ch.is_ascii() {
                if !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '.') {
                    return Err(HostError::InvalidChar { ch, index });
                }
            } else if let Some(folded) = lookalike(ch) {
                return Err(HostError::Lookalike { ch, index, folded });
            }
        }
        let mapped = idna::domain_to_ascii_cow(bytes, idna::AsciiDenyList::EMPTY)
            .map_err(|_| idna_error(input))?;
        // UTS-46 may map a character to one outside LDH (e.g. `＿` to `_`).
        if let Some((index, ch)) = mapped
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
        {
            return Err(HostError::InvalidChar { ch, index });
        }
        (Cow::Owned(mapped.into_owned()), true)
    };
    let ascii = match ascii {
        Cow::Borrowed(s) => Cow::Borrowed(s.strip_suffix('.').unwrap_or(s)),
        Cow::Owned(mut s) => {
            if s.ends_with('.') {
                s.pop();
            }
            Cow::Owned(s)
        }
    };
    let a_label = check_labels(&ascii)?;
    if a_label && !mapped {
        // Validate the A-labels typed as such whole (idna checks what punycode decodes to).
        idna::domain_to_ascii_cow(ascii.as_bytes(), idna::AsciiDenyList::EMPTY)
            .map_err(|_| idna_error(&ascii))?;
    }
    Ok(Host {
        ascii,
        mapped,
        a_label,
    })
}

/// What UTS-46 processing of `input` failed on: the first `xn--` label that fails on its own
/// (bad punycode), else the Unicode input as a whole.
fn idna_error(input: &str) -> HostError {
    input
        .split(['.', '\u{3002}', '\u{ff0e}', '\u{ff61}'])
        .filter(|label| label.len() >= 4 && label.as_bytes()[..4].eq_ignore_ascii_case(b"xn--"))
        .find(|label| {
            idna::domain_to_ascii_cow(label.as_bytes(), idna::AsciiDenyList::EMPTY).is_err()
        })
        .map_or(HostError::Idna, |label| HostError::BadALabel {
            label: crate::error::snippet(label),
        })
}

/// The full stops UTS-46 maps to `.` (besides the full-width one, which `fold_width` maps).
const DOTS: [char; 2] = ['\u{3002}', '\u{ff61}'];

/// Compatibility characters UTS-46 decomposes into what looks the same, and which keyboards
/// type: Thai and Lao AM (U+0E33, U+0EB3, stored as NIKHAHIT or NIGGAHITA plus AA) and the
/// Hangul compatibility jamo (U+3131–U+318E, stored as conjoining jamo).
fn same_look(ch: char) -> bool {
    matches!(ch, '\u{e33}' | '\u{eb3}' | '\u{3131}'..='\u{318e}')
}

/// What a non-ASCII character would silently become under UTS-46 mapping, when that changes
/// how it looks; `None` when it does not.
///
/// Allowed: full-width ASCII (U+FF01–U+FF5E: what an input method in full-width mode types;
/// callers fold it before, with [`fold_width`]), the ideographic full stops, case folding and
/// canonical equivalence (`Ü` to `ü`, a CJK compatibility ideograph to its unified twin), and
/// the few [`same_look`] characters. Anything else that UTS-46 maps is a look-alike: every
/// non-ASCII character that would become ASCII (`𝐚`, `ⓐ`, `ſ`, `㎏`, `ﬁ`, `²`, `Ⅻ`, the Kelvin
/// sign), and styled or presentation forms of other scripts (`𝛂`, `ｱ`, Arabic presentation
/// forms).
pub(crate) fn lookalike(ch: char) -> Option<String> {
    if ch.is_ascii() || DOTS.contains(&ch) || matches!(ch, '\u{ff01}'..='\u{ff5e}') {
        return None;
    }
    // UTS-46 mapping is per code point (then NFC): what this one character becomes.
    let mapped: String = icu_normalizer::uts46::Uts46MapperBorrowed::new()
        .map_normalize(std::iter::once(ch))
        .collect();
    // A character UTS-46 disallows (rather than maps) is left to it: `Idna` reports it.
    if mapped.contains('\u{fffd}') || same_look(ch) {
        return None;
    }
    if mapped.is_ascii() {
        return Some(mapped);
    }
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let lower: String = ch.to_lowercase().collect();
    let upper: String = ch.to_uppercase().collect();
    if mapped == nfc.normalize(&lower) || mapped == nfc.normalize(&upper) {
        return None;
    }
    Some(mapped)
}

/// Checks labels of a lowercase LDH name without trailing dot; tells whether one is an A-label.
///
/// The rules every host of this crate obeys, label by label: not empty; at most 63 octets; no
/// hyphen first or last; no `--` in third and fourth positions unless it is an `xn--` A-label;
/// an A-label is valid punycode whose Unicode form obeys the same hyphen rules and is not
/// plain ASCII.
pub(crate) fn check_labels(name: &str) -> Result<bool, HostError> {
    if name.is_empty() {
        return Err(HostError::EmptyLabel);
    }
    let mut a_label = false;
    let all = name.as_bytes();
    let mut start = 0;
    // Label by label, with the dots found by a plain byte loop (names are short).
    while start <= all.len() {
        let end = all[start..]
            .iter()
            .position(|&b| b == b'.')
            .map_or(all.len(), |i| start + i);
        let label = &name[start..end];
        start = end + 1;
        let bytes = label.as_bytes();
        if bytes.starts_with(b"xn--") && bytes.len() <= MAX_LABEL {
            a_label = true;
            check_a_label(label)?;
            continue;
        }
        match (bytes.first(), bytes.last()) {
            (None, _) | (_, None) => return Err(HostError::EmptyLabel),
            (Some(b'-'), _) | (_, Some(b'-')) => {
                return Err(HostError::Hyphen {
                    label: crate::error::snippet(label),
                });
            }
            _ => {}
        }
        if bytes.len() > MAX_LABEL {
            return Err(HostError::LabelTooLong {
                label: crate::error::snippet(label),
                len: bytes.len(),
            });
        }
        if bytes.get(2..4) == Some(b"--") {
            return Err(HostError::ReservedHyphen {
                label: crate::error::snippet(label),
            });
        }
    }
    if name.len() > MAX_NAME {
        return Err(HostError::TooLong { len: name.len() });
    }
    Ok(a_label)
}

/// An `xn--` label: valid punycode, decoding to a non-ASCII label that obeys the hyphen rules.
fn check_a_label(label: &str) -> Result<(), HostError> {
    let bad = || HostError::BadALabel {
        label: crate::error::snippet(label),
    };
    let unicode = idna::punycode::decode_to_string(&label[4..]).ok_or_else(bad)?;
    if unicode.is_ascii() {
        return Err(bad());
    }
    if unicode.starts_with('-') || unicode.ends_with('-') {
        return Err(HostError::Hyphen {
            label: crate::error::snippet(&unicode),
        });
    }
    if unicode.chars().skip(2).take(2).eq(['-', '-']) {
        return Err(HostError::ReservedHyphen {
            label: crate::error::snippet(&unicode),
        });
    }
    Ok(())
}

/// Maps full-width ASCII forms (U+FF01–U+FF5E, as typed by an input method in full-width
/// mode) to ASCII and the ideographic space to a space; other text is returned as it is.
pub(crate) fn fold_width(input: &str) -> Cow<'_, str> {
    if input.is_ascii() {
        return Cow::Borrowed(input);
    }
    if !input
        .chars()
        .any(|c| matches!(c, '\u{ff01}'..='\u{ff5e}' | '\u{3000}'))
    {
        return Cow::Borrowed(input);
    }
    Cow::Owned(
        input
            .chars()
            .map(|c| match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
                '\u{3000}' => ' ',
                c => c,
            })
            .collect(),
    )
}

/// Whether a normalised name is an IPv4 address written as a name (`192.168.0.1`).
pub(crate) fn is_ipv4(name: &str) -> bool {
    name.parse::<Ipv4Addr>().is_ok()
}

/// Whether raw input looks like an IPv6 address, bracketed or not.
pub(crate) fn is_ipv6(input: &str) -> bool {
    let inner = input
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(input);
    inner.contains(':') && inner.parse::<std::net::Ipv6Addr>().is_ok()
}

/// Whether the top-level label is all digits (no TLD is: such a name is an address or a typo).
pub(crate) fn numeric_tld(name: &str) -> bool {
    let tld = &name[label_start(name, name.len())..];
    !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_digit())
}

/// The special-use name `name` falls under, if any.
pub(crate) fn special_use(name: &str) -> Option<&'static str> {
    let tld = &name[label_start(name, name.len())..];
    if let Some(reserved) = SPECIAL_USE_TLDS.iter().find(|&&t| t == tld) {
        return Some(reserved);
    }
    if !matches!(tld, "com" | "net" | "org") {
        return None;
    }
    SPECIAL_USE_DOMAINS
        .iter()
        .find(|&&d| is_within(name, d))
        .copied()
}

/// Where the last label of `name[..end]` starts: after its last dot, or 0. A plain loop: names
/// are short, and `rfind` pays for a searcher it does not need here.
#[inline]
pub(crate) fn label_start(name: &str, end: usize) -> usize {
    name.as_bytes()[..end]
        .iter()
        .rposition(|&b| b == b'.')
        .map_or(0, |dot| dot + 1)
}

/// Whether `name` is `parent` or a subdomain of it (both lowercase A-label names).
pub(crate) fn is_within(name: &str, parent: &str) -> bool {
    name == parent
        || (name.len() > parent.len()
            && name.ends_with(parent)
            && name.as_bytes()[name.len() - parent.len() - 1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_are_lowercased_without_trailing_dot() {
        let host = normalize("Example.COM.").unwrap();
        assert_eq!(host.ascii, "example.com");
        assert!(!host.mapped);
        assert_eq!(
            normalize("example.com").unwrap().ascii,
            Cow::Borrowed("example.com")
        );
    }

    #[test]
    fn unicode_and_full_width_names_map_to_a_labels() {
        assert_eq!(normalize("Bücher.DE").unwrap().ascii, "xn--bcher-kva.de");
        let wide = normalize("ｅｘａｍｐｌｅ\u{3002}ｃｏｍ").unwrap();
        assert_eq!(wide.ascii, "example.com");
        assert!(wide.mapped);
        assert!(!wide.a_label);
    }

    #[test]
    fn label_problems_are_named() {
        assert_eq!(normalize("a..b"), Err(HostError::EmptyLabel));
        assert_eq!(normalize("."), Err(HostError::EmptyLabel));
        assert_eq!(
            normalize("-a.com"),
            Err(HostError::Hyphen { label: "-a".into() })
        );
        assert!(matches!(
            normalize(&format!("{}.com", "a".repeat(64))),
            Err(HostError::LabelTooLong { len: 64, .. })
        ));
        assert_eq!(
            normalize("a_b.com"),
            Err(HostError::InvalidChar { ch: '_', index: 1 })
        );
        assert_eq!(
            normalize("a\u{200b}b.com"),
            Err(HostError::UnsafeChar {
                ch: '\u{200b}',
                index: 1
            })
        );
        assert_eq!(
            normalize("xn--zz.com"),
            Err(HostError::BadALabel {
                label: "xn--zz".into()
            })
        );
    }

    #[test]
    fn within_is_label_aligned() {
        assert!(is_within("a.example.com", "example.com"));
        assert!(is_within("example.com", "example.com"));
        assert!(!is_within("badexample.com", "example.com"));
        assert_eq!(special_use("www.example.org"), Some("example.org"));
        assert_eq!(special_use("myexample.org"), None);
        assert_eq!(special_use("foo.home.arpa"), Some("arpa"));
    }
}
