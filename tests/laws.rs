//! Property tests: the laws every parsed [`PrimaryDomain`] and [`EmailAddress`] obeys, and the
//! invariance of the secondary-address rule under spelling.

use gws_onboarding::email::{check_admin_email, check_distinct, check_secondary_email};
use gws_onboarding::suffix::Section;
use gws_onboarding::{
    DomainError, EmailAddress, EmailError, Lang, PrimaryDomain, RuleError, SuffixList,
};
use proptest::prelude::*;
use proptest::sample::select;

/// Suffixes the generated names are registered under (ICANN section, no wildcard).
const SUFFIXES: [&str; 16] = [
    "com", "fr", "co.uk", "de", "io", "net", "org", "com.au", "co.jp", "ch", "nl", "dev", "app",
    "paris", "gouv.fr", "co.nz",
];

/// Unicode labels valid under IDNA, in several scripts.
const U_LABELS: [&str; 10] = [
    "bücher",
    "münchen",
    "café",
    "straße",
    "пример",
    "例え",
    "ñandú",
    "zürich",
    "köln",
    "ελλάδα",
];

/// Characters that must never appear raw in a message: controls, bidi controls, zero-width.
fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// An LDH label without `--` and not starting with `xn`-style prefixes.
fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,4}(-?[a-z0-9]{1,4}){0,3}"
}

/// A name the rules accept: optional subdomain labels, a registrable label, a known suffix.
/// The generated suffix must be the name's public suffix (a random label could otherwise land on
/// a private-section rule such as `blogspot.com`), and the name must not be special-use, a
/// consumer domain, or start with `www.`.
fn valid_domain() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), 0..3),
        label(),
        select(&SUFFIXES[..]),
    )
        .prop_map(|(subs, name, suffix)| {
            let mut labels = subs;
            labels.push(name);
            labels.push(suffix.to_owned());
            labels.join(".")
        })
        .prop_filter("suffix must be the name's public suffix", |name| {
            let found = SuffixList::embedded().lookup(name);
            found.section() == Some(Section::Icann)
                && SUFFIXES.contains(&found.suffix())
                && found.registrable().is_some()
        })
        .prop_filter("not special-use, consumer, or www.", |name| {
            let registrable = SuffixList::embedded()
                .lookup(name)
                .registrable()
                .unwrap_or_default()
                .to_owned();
            !name.starts_with("www.")
                && ![
                    "example.com",
                    "example.net",
                    "example.org",
                    "gmail.com",
                    "googlemail.com",
                ]
                .contains(&registrable.as_str())
        })
}

/// A dot-atom local part of RFC 5322 `atext`, at most 64 octets.
fn local_part() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}", 1..4)
        .prop_map(|atoms| atoms.join("."))
}

fn valid_email() -> impl Strategy<Value = String> {
    (local_part(), valid_domain()).prop_map(|(local, domain)| format!("{local}@{domain}"))
}

/// Flips the case of the ASCII letters whose flag is set.
fn flip_case(s: &str, flips: &[bool]) -> String {
    s.chars()
        .zip(flips.iter().copied().chain(std::iter::repeat(false)))
        .map(|(c, flip)| if flip { c.to_ascii_uppercase() } else { c })
        .collect()
}

/// Replaces the ASCII letters, digits, dots and hyphens whose flag is set by their full-width
/// forms (U+FF01..U+FF5E); `.` may also become the ideographic full stop.
fn widen(s: &str, flags: &[bool]) -> String {
    s.chars()
        .zip(flags.iter().copied().chain(std::iter::repeat(false)))
        .map(|(c, wide)| match c {
            '.' if wide => '\u{3002}',
            c if wide && (c.is_ascii_alphanumeric() || c == '-') => {
                char::from_u32(u32::from(c) - 0x21 + 0xff01).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

fn white_space() -> impl Strategy<Value = String> {
    prop::collection::vec(
        select(&[' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}'][..]),
        0..4,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// The checks the secondary rule gives, as a comparable value.
fn secondary_outcome(primary: &PrimaryDomain, secondary: &EmailAddress) -> Option<&'static str> {
    match check_secondary_email(primary, secondary) {
        Err(e) => Some(e.code()),
        Ok(w) => w.map(|w| w.code()),
    }
}

#[track_caller]
fn assert_safe_message(code: &str, messages: &[String]) {
    for message in messages {
        assert!(
            !message.chars().any(is_dangerous),
            "{code}: message has a raw control or bidi character: {message:?}"
        );
        assert!(!message.is_empty(), "{code}: empty message");
    }
}

fn check_domain_error(err: &DomainError) {
    assert_safe_message(
        err.code(),
        &[
            err.to_string(),
            err.message(Lang::En),
            err.message(Lang::Fr),
        ],
    );
}

fn check_email_error(err: &EmailError) {
    assert_safe_message(
        err.code(),
        &[
            err.to_string(),
            err.message(Lang::En),
            err.message(Lang::Fr),
        ],
    );
}

fn check_rule_error(err: &RuleError) {
    assert_safe_message(
        err.code(),
        &[
            err.to_string(),
            err.message(Lang::En),
            err.message(Lang::Fr),
        ],
    );
}

/// `email_address` with display text and domain literals refused.
fn email_address_options() -> email_address::Options {
    email_address::Options {
        allow_display_text: false,
        allow_domain_literal: false,
        ..email_address::Options::default()
    }
}

/// Parses anything without panicking; whatever it accepts also parses back to itself and is
/// accepted by `email_address`; whatever it refuses has safe messages.
fn parse_anything(input: &str) {
    match PrimaryDomain::parse(input) {
        Ok(d) => assert_eq!(PrimaryDomain::parse(d.as_str()), Ok(d.clone())),
        Err(e) => check_domain_error(&e),
    }
    match EmailAddress::parse(input) {
        Ok(e) => {
            assert_eq!(EmailAddress::parse(e.as_str()), Ok(e.clone()));
            assert!(
                email_address::EmailAddress::parse_with_options(
                    e.as_str(),
                    email_address_options()
                )
                .is_ok(),
                "{e} refused by email_address"
            );
        }
        Err(e) => check_email_error(&e),
    }
}

/// Characters that break parsers: controls, bidi, zero-width, full-width, URL and address
/// punctuation, non-ASCII letters, dots of other scripts.
const NASTY: [char; 44] = [
    'a',
    'Z',
    '0',
    '-',
    '.',
    '@',
    ':',
    '/',
    '[',
    ']',
    '"',
    '<',
    '>',
    '(',
    ')',
    ' ',
    '\\',
    '%',
    '\u{0}',
    '\t',
    '\n',
    '\u{7f}',
    '\u{85}',
    '\u{ad}',
    '\u{200b}',
    '\u{200d}',
    '\u{202e}',
    '\u{2066}',
    '\u{feff}',
    '\u{3002}',
    '\u{ff0e}',
    '\u{ff20}',
    '\u{ff41}',
    '\u{ff21}',
    '\u{ff10}',
    'ü',
    'ß',
    'я',
    '例',
    '\u{5d0}',
    '\u{301}',
    '\u{2488}',
    '\u{1f600}',
    '\u{fffd}',
];

fn nasty_string() -> impl Strategy<Value = String> {
    prop::collection::vec(select(&NASTY[..]), 0..80).prop_map(|v| v.into_iter().collect())
}

/// Builds a nasty string around a valid domain, so that parsing gets past the first checks.
fn nasty_around_domain() -> impl Strategy<Value = String> {
    (nasty_string(), valid_domain(), nasty_string()).prop_map(|(a, d, b)| format!("{a}{d}{b}"))
}

proptest! {
    #[test]
    fn domain_parse_is_idempotent_and_round_trips(name in valid_domain()) {
        let d = PrimaryDomain::parse(&name).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(d.as_str(), name.as_str());
        prop_assert_eq!(PrimaryDomain::parse(d.as_str()), Ok(d.clone()));
        let shown = d.to_string();
        prop_assert_eq!(PrimaryDomain::parse(&shown), Ok(d.clone()));
        prop_assert_eq!(d.to_string(), d.as_str());
        prop_assert_eq!(String::from(d.clone()), d.as_str());
        prop_assert_eq!(name.parse::<PrimaryDomain>(), Ok(d.clone()));
        prop_assert_eq!(PrimaryDomain::try_from(name.as_str()), Ok(d.clone()));
    }

    #[test]
    fn domain_spelling_does_not_matter(
        name in valid_domain(),
        flips in prop::collection::vec(any::<bool>(), 0..64),
        wide in prop::collection::vec(any::<bool>(), 0..64),
        dot in any::<bool>(),
        before in white_space(),
        after in white_space(),
    ) {
        let d = PrimaryDomain::parse(&name).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let flipped = flip_case(&name, &flips);
        prop_assert_eq!(PrimaryDomain::parse(&flipped), Ok(d.clone()), "case: {}", flipped);
        prop_assert_eq!(PrimaryDomain::parse(&format!("{name}.")), Ok(d.clone()));
        let spaced = format!("{before}{flipped}{}{after}", if dot { "." } else { "" });
        prop_assert_eq!(PrimaryDomain::parse(&spaced), Ok(d.clone()), "spaced: {:?}", spaced);
        let widened = widen(&flipped, &wide);
        prop_assert_eq!(PrimaryDomain::parse(&widened), Ok(d.clone()), "wide: {}", widened);
    }

    #[test]
    fn email_parse_is_idempotent_and_round_trips(address in valid_email()) {
        let e = EmailAddress::parse(&address)
            .map_err(|e| TestCaseError::fail(format!("{address}: {e}")))?;
        prop_assert_eq!(e.as_str(), address.as_str());
        prop_assert_eq!(EmailAddress::parse(e.as_str()), Ok(e.clone()));
        let shown = e.to_string();
        prop_assert_eq!(EmailAddress::parse(&shown), Ok(e.clone()));
        prop_assert_eq!(format!("{}@{}", e.local_part(), e.domain()), e.as_str());
        prop_assert_eq!(address.parse::<EmailAddress>(), Ok(e.clone()));
        prop_assert!(
            email_address::EmailAddress::parse_with_options(e.as_str(), email_address_options())
                .is_ok(),
            "email_address refuses {}", e
        );
    }

    #[test]
    fn email_spelling_does_not_matter(
        local in local_part(),
        domain in valid_domain(),
        flips in prop::collection::vec(any::<bool>(), 0..128),
        wide in prop::collection::vec(any::<bool>(), 0..64),
        before in white_space(),
        after in white_space(),
    ) {
        let address = format!("{local}@{domain}");
        let e = EmailAddress::parse(&address).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let flipped = flip_case(&address, &flips);
        prop_assert_eq!(EmailAddress::parse(&flipped), Ok(e.clone()), "case: {}", flipped);
        prop_assert_eq!(EmailAddress::parse(&format!("{flipped}.")), Ok(e.clone()));
        let spaced = format!("{before}{flipped}{after}");
        prop_assert_eq!(EmailAddress::parse(&spaced), Ok(e.clone()), "spaced: {:?}", spaced);
        // Full-width forms of the domain (the local part is covered by the corpus).
        let widened = format!("{local}@{}", widen(&domain, &wide));
        prop_assert_eq!(EmailAddress::parse(&widened), Ok(e.clone()), "wide: {}", widened);
    }

    #[test]
    fn secondary_rule_ignores_case_trailing_dot_and_idna_spelling(
        primary in valid_domain(),
        other in valid_domain(),
        u_label in select(&U_LABELS[..]),
        relation in 0..5_u8,
        flips in prop::collection::vec(any::<bool>(), 0..64),
        local in local_part(),
    ) {
        let primary = PrimaryDomain::parse(&primary).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let unicode_domain = match relation {
            0 => primary.to_string(),
            1 => format!("{u_label}.{primary}"),
            2 => format!("{u_label}.{}", primary.registrable()),
            3 => format!("{u_label}.{other}"),
            _ => format!("{u_label}.{}", primary.suffix()),
        };
        let ascii_domain = idna::domain_to_ascii(&unicode_domain)
            .map_err(|e| TestCaseError::fail(format!("{unicode_domain}: {e:?}")))?;
        let spellings = [
            format!("{local}@{unicode_domain}"),
            format!("{local}@{ascii_domain}"),
            format!("{local}@{unicode_domain}."),
            format!("{local}@{ascii_domain}."),
            flip_case(&format!("{local}@{ascii_domain}."), &flips),
            flip_case(&format!("{local}@{unicode_domain}"), &flips),
            format!("{local}@{}", ascii_domain.to_ascii_uppercase()),
        ];
        let reference = EmailAddress::parse(&spellings[1])
            .map_err(|e| TestCaseError::fail(format!("{}: {e}", spellings[1])))?;
        let expected = secondary_outcome(&primary, &reference);
        if relation <= 1 {
            prop_assert_eq!(expected, Some("rule.secondary_in_primary_domain"));
        }
        for spelling in &spellings {
            let secondary = EmailAddress::parse(spelling)
                .map_err(|e| TestCaseError::fail(format!("{spelling}: {e}")))?;
            prop_assert_eq!(&secondary, &reference, "{}", spelling);
            prop_assert_eq!(secondary_outcome(&primary, &secondary), expected, "{}", spelling);
        }
    }

    #[test]
    fn nothing_panics_on_arbitrary_strings(input in any::<String>()) {
        parse_anything(&input);
    }

    #[test]
    fn nothing_panics_on_nasty_strings(input in nasty_string()) {
        parse_anything(&input);
    }

    #[test]
    fn nothing_panics_near_valid_names(input in nasty_around_domain(), local in local_part()) {
        parse_anything(&input);
        parse_anything(&format!("{local}@{input}"));
        parse_anything(&format!("{input}@{input}"));
    }

    #[test]
    fn rules_never_panic_and_messages_are_safe(
        primary in valid_domain(),
        admin in valid_email(),
        secondary in valid_email(),
    ) {
        let primary = PrimaryDomain::parse(&primary).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let admin = EmailAddress::parse(&admin).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let secondary = EmailAddress::parse(&secondary).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for err in [
            check_admin_email(&primary, &admin).err(),
            check_secondary_email(&primary, &secondary).err(),
            check_distinct(&admin, &secondary).err(),
            check_distinct(&admin, &admin).err(),
        ]
        .into_iter()
        .flatten()
        {
            check_rule_error(&err);
        }
    }
}
