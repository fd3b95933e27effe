//! Layer 2, values. libphonenumber's per-country rules (`data/phone_metadata.tsv`, generated into
//! a static table by `build.rs`): calling codes, national and international prefixes, and the
//! lengths and patterns of each number type. The number patterns are compiled into automata
//! (`dfa.rs`) and the prefix patterns with `regex-lite`, once per region and only when a number
//! of that region is first checked.

use std::sync::OnceLock;

use regex_lite::Regex;

use crate::country::CountryCode;

use super::dfa::Dfa;

/// One territory of libphonenumber's metadata.
pub(super) struct Region {
    /// Its place in the table.
    index: usize,
    /// ISO 3166-1 alpha-2, or `001` for a non-geographic code (`+800`, `+882`…).
    pub(super) id: &'static str,
    /// The country calling code.
    pub(super) code: u16,
    /// The international dialling prefix (a pattern): `00`, `011`.
    intl_prefix: &'static str,
    /// The national (trunk) prefix: `0` in France, `1` in the United States.
    national_prefix: &'static str,
    /// The pattern to strip from a national number, when it differs from the national prefix.
    prefix_for_parsing: &'static str,
    /// How the stripped prefix's groups rebuild the number's start (`9$1` in Argentina).
    transform: &'static str,
    /// An example national number.
    pub(super) example: &'static str,
    /// Every possible length of a national number, sorted.
    pub(super) lengths: &'static [u8],
    /// The pattern every national number matches.
    general: &'static str,
    /// Each number type: its name, its lengths and its pattern.
    types: &'static [(&'static str, &'static [u8], &'static str)],
}

mod table {
    use super::Region;
    include!(concat!(env!("OUT_DIR"), "/phone_table.rs"));
}

pub use table::MIN_DIGITS;

/// The most digits after `+`, the country calling code included (ITU-T E.164).
///
/// ```
/// use gws_onboarding::{PhoneNumber, phone::MAX_DIGITS};
/// let long = format!("+33{}", "1".repeat(MAX_DIGITS));
/// assert_eq!(PhoneNumber::parse(&long).unwrap_err().code(), "phone.length");
/// ```
pub const MAX_DIGITS: usize = 15;

/// The compiled patterns of a region.
struct Compiled {
    general: Option<Dfa>,
    types: Vec<Option<Dfa>>,
    prefix_for_parsing: Option<Regex>,
    intl_prefix: Option<Regex>,
}

/// `^(?:pattern)`: a prefix match.
fn leading(pattern: &str) -> Option<Regex> {
    (!pattern.is_empty())
        .then(|| Regex::new(&format!("^(?:{pattern})")).ok())
        .flatten()
}

static COMPILED: [OnceLock<Compiled>; table::COUNT] = [const { OnceLock::new() }; table::COUNT];

impl Region {
    fn compiled(&self) -> &'static Compiled {
        COMPILED[self.index].get_or_init(|| Compiled {
            general: Dfa::new(self.general),
            types: self.types.iter().map(|(_, _, p)| Dfa::new(p)).collect(),
            prefix_for_parsing: leading(if self.prefix_for_parsing.is_empty() {
                self.national_prefix
            } else {
                self.prefix_for_parsing
            }),
            intl_prefix: leading(self.intl_prefix),
        })
    }

    /// Whether `national` (ASCII digits) is a number of one of this region's types: of one of
    /// the type's lengths, and matching its pattern (libphonenumber's `isValidNumberForRegion`).
    pub(super) fn is_valid(&self, national: &str) -> bool {
        let len = national.len();
        // A length no type has is refused before the region's patterns are compiled.
        if !self.lengths.iter().any(|&l| usize::from(l) == len) {
            return false;
        }
        let compiled = self.compiled();
        // Mobile and fixed-line numbers, the ones customers give, are the table's last types:
        // try them first (any type will do; the order only saves work).
        self.types
            .iter()
            .zip(&compiled.types)
            .rev()
            .any(|((_, lengths, _), pattern)| {
                lengths.iter().any(|&l| usize::from(l) == len)
                    && pattern.as_ref().is_some_and(|p| p.is_match(national))
            })
    }

    /// Whether `national` matches the region's general pattern.
    fn is_viable(&self, national: &str) -> bool {
        self.compiled()
            .general
            .as_ref()
            .is_some_and(|p| p.is_match(national))
    }

    /// The shortest and longest national numbers.
    pub(super) fn length_range(&self) -> (usize, usize) {
        let min = self.lengths.first().copied().unwrap_or(0);
        let max = self.lengths.last().copied().unwrap_or(u8::MAX);
        (usize::from(min), usize::from(max))
    }

    /// The digits after the international prefix, when `digits` starts with it
    /// (`0033…` from France, `01133…` from the United States).
    pub(super) fn strip_intl_prefix<'a>(&self, digits: &'a str) -> Option<&'a str> {
        let found = self.compiled().intl_prefix.as_ref()?.find(digits)?;
        Some(&digits[found.end()..]).filter(|rest| !rest.is_empty() && !rest.starts_with('0'))
    }

    /// The national number of `digits` written with this region's calling code but no `+`
    /// (`33142685300` from France), as libphonenumber's `maybeExtractCountryCode` reads it:
    /// only when the digits as they stand do not match the region's pattern but the rest
    /// does, or when they are too long for the region.
    pub(super) fn strip_own_code(&self, digits: &str) -> Option<String> {
        // Calling codes are prefix-free: the code the digits begin with is the only one.
        let (len, code) = calling_code_len(digits.as_bytes())?;
        let rest = digits.get(len..).filter(|_| code == self.code)?;
        let rest = self.national_significant(rest);
        let whole_viable = self.is_viable(digits);
        let too_long = digits.len() > self.length_range().1;
        ((!whole_viable && self.is_viable(&rest)) || too_long).then_some(rest)
    }

    /// The national significant number of a nationally written `digits`: the national prefix
    /// stripped (and transformed where the region says so), as libphonenumber's
    /// `maybeStripNationalPrefixAndCarrierCode` does. The prefix stays when stripping it would
    /// turn a number matching the region's pattern into one that does not, or leave too few
    /// digits.
    pub(super) fn national_significant(&self, digits: &str) -> String {
        let Some(prefix) = self.compiled().prefix_for_parsing.as_ref() else {
            return digits.to_owned();
        };
        let Some(captures) = prefix.captures(digits) else {
            return digits.to_owned();
        };
        let end = captures.get(0).map_or(0, |m| m.end());
        let last = captures.len().saturating_sub(1);
        let stripped = if self.transform.is_empty() || last == 0 || captures.get(last).is_none() {
            digits[end..].to_owned()
        } else {
            let mut out = String::with_capacity(digits.len() + 4);
            let mut rule = self.transform.chars().peekable();
            while let Some(c) = rule.next() {
                match (c, rule.peek().and_then(|d| d.to_digit(10))) {
                    ('$', Some(group)) => {
                        rule.next();
                        let group = usize::try_from(group).unwrap_or(usize::MAX);
                        out.push_str(captures.get(group).map_or("", |m| m.as_str()));
                    }
                    _ => out.push(c),
                }
            }
            out.push_str(&digits[end..]);
            out
        };
        let too_short = stripped.len() < self.length_range().0;
        if too_short || (self.is_viable(digits) && !self.is_viable(&stripped)) {
            digits.to_owned()
        } else {
            stripped
        }
    }
}

/// Every region of a calling code, its main region first.
pub(super) fn regions_of(code: u16) -> &'static [Region] {
    let start = table::REGIONS.partition_point(|r| r.code < code);
    let end = table::REGIONS.partition_point(|r| r.code <= code);
    &table::REGIONS[start..end]
}

/// The region of a country, if libphonenumber knows it.
pub(super) fn region_of(country: CountryCode) -> Option<&'static Region> {
    let id = country.as_str();
    table::BY_ID
        .binary_search_by(|(key, _)| (*key).cmp(id))
        .ok()
        .and_then(|i| table::REGIONS.get(usize::from(table::BY_ID[i].1)))
}

/// How many of the leading `digits` form a calling code libphonenumber knows, if any do.
pub(super) fn calling_code_len(digits: &[u8]) -> Option<(usize, u16)> {
    if digits.first() == Some(&b'0') {
        return None;
    }
    let mut value = 0_u16;
    for (i, d) in digits.iter().take(3).enumerate() {
        if !d.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u16::from(d - b'0');
        if table::CODES.binary_search(&value).is_ok() {
            return Some((i + 1, value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every number pattern of `region` (the general one first) with regex-lite's reading of it.
    fn patterns(region: &Region) -> Vec<(&'static str, Regex)> {
        std::iter::once(region.general)
            .chain(region.types.iter().map(|(_, _, p)| *p))
            .map(|p| {
                (
                    p,
                    Regex::new(&format!("^(?:{p})$")).expect("regex-lite reads it"),
                )
            })
            .collect()
    }

    /// The automaton and regex-lite agree on `digits` for every pattern of `region`.
    fn agree(region: &Region, patterns: &[(&str, Regex)], digits: &str) -> Result<(), String> {
        let compiled = region.compiled();
        let automata = std::iter::once(&compiled.general).chain(&compiled.types);
        for ((pattern, regex), dfa) in patterns.iter().zip(automata) {
            let dfa = dfa.as_ref().ok_or(format!("{} {pattern}", region.id))?;
            if dfa.is_match(digits) != regex.is_match(digits) {
                return Err(format!("{} {pattern} {digits}", region.id));
            }
        }
        Ok(())
    }

    /// Every example number, and every number one digit away from it, shorter by its last
    /// digit or longer by one: the automata decide as regex-lite does.
    #[test]
    fn automata_agree_with_regex_lite_near_every_example() {
        for region in &table::REGIONS {
            let patterns = patterns(region);
            let example = region.example.as_bytes();
            let mut near = vec![region.example.to_owned()];
            near.push(region.example[..example.len().saturating_sub(1)].to_owned());
            for i in 0..=example.len() {
                for d in b'0'..=b'9' {
                    let mut changed = example.to_vec();
                    if i < example.len() {
                        changed[i] = d;
                    } else {
                        changed.push(d);
                    }
                    near.push(String::from_utf8(changed).expect("digits"));
                }
            }
            for digits in near {
                if let Err(e) = agree(region, &patterns, &digits) {
                    panic!("{e}");
                }
            }
        }
    }

    proptest! {
        /// Any digits, in any region: the automata decide as regex-lite does.
        #[test]
        fn automata_agree_with_regex_lite(index in 0..table::COUNT, digits in "[0-9]{0,17}") {
            let region = &table::REGIONS[index];
            let patterns = patterns(region);
            prop_assert_eq!(agree(region, &patterns, &digits), Ok(()));
        }

        /// A region's example with a digit changed, one more or one less, then any digits
        /// changed after a valid prefix: the same law, near the numbers that match.
        #[test]
        fn automata_agree_with_regex_lite_near_valid_numbers(
            index in 0..table::COUNT,
            at in 0_usize..17,
            digit in 0_u8..10,
            edit in 0_u8..3,
            tail in "[0-9]{0,4}",
        ) {
            let region = &table::REGIONS[index];
            let mut national = region.example.as_bytes().to_vec();
            let at = at % (national.len() + 1);
            match edit {
                0 if at < national.len() => national[at] = b'0' + digit,
                1 => national.insert(at, b'0' + digit),
                _ if at < national.len() => {
                    national.truncate(at);
                    national.extend_from_slice(tail.as_bytes());
                }
                _ => {}
            }
            let national = String::from_utf8(national).unwrap_or_default();
            prop_assert_eq!(agree(region, &patterns(region), &national), Ok(()));
        }
    }

    #[test]
    fn every_pattern_of_every_region_compiles() {
        for region in &table::REGIONS {
            let compiled = region.compiled();
            assert!(compiled.general.is_some(), "{}", region.id);
            let states = std::iter::once(&compiled.general)
                .chain(&compiled.types)
                .flatten()
                .map(Dfa::states);
            assert!(states.max().unwrap_or(0) < 2048, "{}", region.id);
            assert!(compiled.types.iter().all(Option::is_some), "{}", region.id);
            assert!(
                region.intl_prefix.is_empty() != compiled.intl_prefix.is_some()
                    || region.id == "001",
                "{}",
                region.id
            );
            assert!(!region.lengths.is_empty(), "{}", region.id);
            assert!(
                region.lengths.windows(2).all(|w| w[0] < w[1]),
                "{}",
                region.id
            );
        }
    }

    #[test]
    fn every_example_number_is_valid_in_its_region() {
        for region in &table::REGIONS {
            assert!(
                region.is_valid(region.example),
                "{} {}",
                region.id,
                region.example
            );
            assert_eq!(
                regions_of(region.code).first().map(|r| r.code),
                Some(region.code)
            );
        }
    }

    #[test]
    fn tables_are_sorted_and_prefix_free() {
        assert!(table::CODES.windows(2).all(|w| w[0] < w[1]));
        assert!(table::BY_ID.windows(2).all(|w| w[0].0 < w[1].0));
        // No code extends a shorter one, so the first match is the only one.
        for code in table::CODES {
            assert!(
                table::CODES.binary_search(&(code / 10)).is_err() || code < 10,
                "{code}"
            );
            assert!(
                table::CODES.binary_search(&(code / 100)).is_err() || code < 100,
                "{code}"
            );
        }
        assert_eq!(regions_of(1).first().map(|r| r.id), Some("US"));
        assert_eq!(regions_of(44).first().map(|r| r.id), Some("GB"));
        assert_eq!(regions_of(7).first().map(|r| r.id), Some("RU"));
    }
}
