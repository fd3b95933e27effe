//! The `email_address` crate as an oracle for our address parser, and python email-validator's
//! syntax cases.
//!
//! - The law: every address [`EmailAddress::parse`] accepts, `email_address` accepts too (its
//!   canonical form, and the input itself when it is already plain ASCII), with the same local
//!   part and domain; and the conversions between the two types round-trip.
//! - `email_validator_suite`: `tests/data/email-validator/test_syntax.txt`, every case with our
//!   verdict, each difference with its reason.

use gws_onboarding::EmailAddress;
use proptest::prelude::*;

/// `email_address` with its default options: what a service using it accepts.
fn theirs(input: &str) -> Option<email_address::EmailAddress> {
    email_address::EmailAddress::parse_with_options(input, email_address::Options::default()).ok()
}

/// The law for one input, when we accept it.
fn check_accepted(input: &str, ours: &EmailAddress) -> Result<(), String> {
    let Some(parsed) = theirs(ours.as_str()) else {
        return Err(format!("{input:?}: email_address refuses our {ours}"));
    };
    if parsed.local_part() != ours.local_part() || parsed.domain() != ours.domain() {
        return Err(format!(
            "{input:?}: email_address splits {ours} into {:?} @ {:?}",
            parsed.local_part(),
            parsed.domain()
        ));
    }
    // The input itself, when it is plain: printable ASCII, no surrounding space, no final dot.
    let plain = input.bytes().all(|b| b.is_ascii_graphic()) && !input.ends_with('.');
    if plain {
        let Some(raw) = theirs(input) else {
            return Err(format!(
                "{input:?}: email_address refuses the input we accept"
            ));
        };
        if raw.local_part().to_ascii_lowercase() != ours.local_part()
            || raw.domain().to_ascii_lowercase() != ours.domain()
        {
            return Err(format!("{input:?}: parts differ from {ours}"));
        }
    }
    // The conversions: into theirs keeps the parts, and back gives the same address.
    let converted = email_address::EmailAddress::from(ours);
    if converted.as_str() != ours.as_str()
        || EmailAddress::try_from(&converted).as_ref() != Ok(ours)
        || EmailAddress::try_from(converted).as_ref() != Ok(ours)
    {
        return Err(format!("{input:?}: conversions do not round-trip {ours}"));
    }
    Ok(())
}

const ATEXT: &[u8] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";

/// A local part: dot-separated atoms of any `atext`, sometimes with a character we refuse.
fn local_part() -> impl Strategy<Value = String> {
    let atom = prop::collection::vec(prop::sample::select(ATEXT), 1..12)
        .prop_map(|bytes| String::from_utf8(bytes).unwrap_or_default());
    (
        prop::collection::vec(atom, 1..4),
        prop::option::weighted(
            0.1,
            prop::sample::select(&['é', ' ', '"', '.', '@', '\\'][..]),
        ),
    )
        .prop_map(|(atoms, odd)| {
            let mut local = atoms.join(".");
            if let Some(c) = odd {
                local.insert(local.len() / 2, c);
            }
            local
        })
}

/// A domain: LDH or Unicode labels under real suffixes (ICANN, private, wildcard, IDN) and a
/// few unknown ones, in any case, sometimes with a final dot.
fn domain() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?",
        "[a-zé例я]{1,8}",
        Just("xn--bcher-kva".to_owned()),
        Just("ab--cd".to_owned()),
    ];
    let suffix = prop::sample::select(
        &[
            "com",
            "fr",
            "co.uk",
            "github.io",
            "xn--p1ai",
            "рф",
            "公司.cn",
            "a.ck",
            "kawasaki.jp",
            "zzzz",
            "museum",
            "de.",
        ][..],
    );
    (prop::collection::vec(label, 1..3), suffix, any::<bool>()).prop_map(
        |(labels, suffix, upper)| {
            let name = format!("{}.{suffix}", labels.join("."));
            if upper { name.to_uppercase() } else { name }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn email_address_accepts_what_we_accept(local in local_part(), domain in domain()) {
        let input = format!("{local}@{domain}");
        if let Ok(ours) = EmailAddress::parse(&input) {
            check_accepted(&input, &ours).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn generated_valid_addresses_satisfy_the_law(
        (raw, email) in gws_onboarding::strategy::email_string()
    ) {
        check_accepted(&raw, &email).map_err(TestCaseError::fail)?;
    }
}

/// Expands `\t`, `\n`, `\r`, `\\` and `\u{XXXX}`; `None` for a code point that cannot be in a
/// Rust string (a lone surrogate).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(ch) = rest.chars().next() {
        rest = &rest[ch.len_utf8()..];
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        let next = rest.chars().next().expect("escape at the end");
        rest = &rest[next.len_utf8()..];
        match next {
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            '\\' => out.push('\\'),
            'u' => {
                let (hex, after) = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .expect("\\u{...}");
                out.push(char::from_u32(u32::from_str_radix(hex, 16).expect("hex"))?);
                rest = after;
            }
            other => panic!("unknown escape \\{other}"),
        }
    }
    Some(out)
}

#[test]
fn email_validator_suite() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/email-validator/test_syntax.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let (mut cases, mut accepted, mut problems) = (0, 0, Vec::new());
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let line_no = index + 1;
        let (fields, why) = match line.split_once(" # ") {
            Some((fields, why)) => (fields, Some(why)),
            None => (line, None),
        };
        let [input, upstream, expected, _source] = fields.split('\t').collect::<Vec<_>>()[..]
        else {
            panic!("line {line_no}: four fields expected: {line:?}");
        };
        cases += 1;
        assert!(
            upstream == "valid" || upstream == "invalid" || upstream.starts_with("valid-with:"),
            "line {line_no}: unknown upstream verdict {upstream:?}"
        );
        let got = match unescape(input) {
            None => "-".to_owned(),
            Some(input) => match EmailAddress::parse(&input) {
                Ok(ours) => {
                    accepted += 1;
                    if let Err(e) = check_accepted(&input, &ours) {
                        problems.push(format!("line {line_no}: {e}"));
                    }
                    format!("ok {ours}")
                }
                Err(e) => format!("err {}", e.code()),
            },
        };
        if got != expected {
            problems.push(format!(
                "line {line_no}: {input}: expected {expected}, got {got}"
            ));
        }
        let differs = expected == "-" || (upstream == "valid") != expected.starts_with("ok ");
        if differs && why.is_none() {
            problems.push(format!(
                "line {line_no}: {input}: ours ({expected}) differs from upstream ({upstream}) without a why"
            ));
        }
        if !differs && why.is_some() {
            problems.push(format!(
                "line {line_no}: {input}: a why, but ours agrees with upstream"
            ));
        }
    }
    assert!(cases >= 300, "{cases} cases");
    assert!(accepted >= 40, "{accepted} accepted");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
