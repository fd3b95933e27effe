//! Data-driven corpora: `tests/data/domains.txt`, `tests/data/emails.txt` and
//! `tests/data/rules.txt`, each run by one test that reports every mismatch at once.
//!
//! # File format
//!
//! One case a line; blank lines and lines starting with `#` are ignored. Fields are separated by
//! a TAB. The input fields come first, then the expectation; anything after ` #` in the
//! expectation field is a comment (`# BUG?` marks an expectation the code disagrees with).
//!
//! - `domains.txt`: `input<TAB>expected[<TAB>rules]`, `expected` being `ok <canonical>` or
//!   `err <code>`; `rules` is a comma-separated list of `no_subdomain` and `allow_private`
//!   applied to [`DomainRules::new`].
//! - `emails.txt`: `input<TAB>expected`.
//! - `rules.txt`: `primary<TAB>admin<TAB>secondary<TAB>expected`, `expected` being `ok` or the
//!   comma-separated codes produced by `check_admin_email`, `check_secondary_email` (error or
//!   warning) and `check_distinct`, in that order.
//!
//! Input fields, and the canonical form after `ok`, understand these escapes: `\t`, `\n`, `\r`, `\\`, `\{` (a literal `{`),
//! `\u{XXXX}` (any code point, hex) and the repeat form `{text*N}` (`text` repeated `N` times,
//! e.g. `{a*63}`; `text` holds no `*`, `{`, `}` or `\`). A `{` not starting a repeat is literal.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use gws_onboarding::email::{check_admin_email, check_distinct, check_secondary_email};
use gws_onboarding::{
    DomainError, DomainRules, EmailAddress, EmailError, Lang, PrimaryDomain, RuleError, RuleWarning,
};

const DOMAIN_CODES: [&str; 21] = [
    "domain.empty",
    "domain.too_long",
    "domain.url",
    "domain.email",
    "domain.www",
    "domain.lookalike",
    "domain.punycode",
    "domain.unsafe_char",
    "domain.invalid_char",
    "domain.empty_label",
    "domain.label_too_long",
    "domain.hyphen",
    "domain.idn",
    "domain.ip",
    "domain.single_label",
    "domain.unknown_tld",
    "domain.public_suffix",
    "domain.special_use",
    "domain.consumer",
    "domain.private_suffix",
    "domain.subdomain",
];

const EMAIL_CODES: [&str; 19] = [
    "email.empty",
    "email.too_long",
    "email.unsafe_char",
    "email.missing_at",
    "email.multiple_at",
    "email.display_name",
    "email.quoted",
    "email.comment",
    "email.domain_literal",
    "email.local_too_long",
    "email.invalid_local",
    "email.non_ascii_local",
    "email.domain_invalid",
    "email.domain_lookalike",
    "email.domain_too_long",
    "email.domain_ip",
    "email.domain_single_label",
    "email.domain_unknown_tld",
    "email.domain_special_use",
];

const RULE_CODES: [&str; 5] = [
    "rule.secondary_in_primary_domain",
    "rule.admin_outside_primary_domain",
    "rule.admin_username",
    "rule.secondary_equals_admin",
    "rule.secondary_same_registrable",
];

/// One case: where it is, its input fields, its expectation and its options.
#[derive(Debug)]
struct Case {
    line: usize,
    fields: Vec<String>,
    expected: String,
    options: Vec<String>,
    /// Marked `# BUG?`: the expectation is believed right and the code disagrees.
    bug: bool,
}

/// Expands the escapes documented at the top of this file.
#[track_caller]
fn unescape(raw: &str, line: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(ch) = rest.chars().next() {
        rest = &rest[ch.len_utf8()..];
        match ch {
            '\\' => {
                let Some(next) = rest.chars().next() else {
                    panic!("line {line}: trailing backslash in {raw:?}");
                };
                rest = &rest[next.len_utf8()..];
                match next {
                    't' => out.push('\t'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    '\\' => out.push('\\'),
                    '{' => out.push('{'),
                    'u' => {
                        let body = rest
                            .strip_prefix('{')
                            .and_then(|r| r.split_once('}'))
                            .unwrap_or_else(|| panic!("line {line}: bad \\u escape in {raw:?}"));
                        let code = u32::from_str_radix(body.0, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or_else(|| panic!("line {line}: bad code point in {raw:?}"));
                        out.push(code);
                        rest = body.1;
                    }
                    other => panic!("line {line}: unknown escape \\{other} in {raw:?}"),
                }
            }
            '{' => match repeat(rest) {
                Some((text, count, after)) => {
                    out.push_str(&text.repeat(count));
                    rest = after;
                }
                None => out.push('{'),
            },
            c => out.push(c),
        }
    }
    out
}

/// Reads `text*N}` at the start of `rest` (after a `{`).
fn repeat(rest: &str) -> Option<(&str, usize, &str)> {
    let close = rest.find('}')?;
    let (text, count) = rest[..close].split_once('*')?;
    if text.is_empty() || text.contains(['{', '\\']) {
        return None;
    }
    let count = count.parse().ok()?;
    Some((text, count, &rest[close + 1..]))
}

/// Reads a corpus file into cases with `inputs` input fields each.
#[track_caller]
fn load(name: &str, inputs: usize) -> Vec<Case> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cases = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = raw.split('\t').collect();
        assert!(
            parts.len() > inputs,
            "{name}:{line}: expected {inputs} input field(s) and an expectation: {raw:?}"
        );
        let fields = parts[..inputs].iter().map(|f| unescape(f, line)).collect();
        let tail = parts[inputs..].join("\t");
        let bug = tail.contains("# BUG?");
        let tail = tail.split(" #").next().unwrap_or_default();
        let mut tail = tail.split('\t').map(str::trim);
        let expected = unescape(tail.next().unwrap_or_default(), line);
        let options = tail
            .flat_map(|o| o.split(','))
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect();
        assert!(!expected.is_empty(), "{name}:{line}: no expectation");
        cases.push(Case {
            line,
            fields,
            expected,
            options,
            bug,
        });
    }
    cases
}

/// Asserts that no mismatch was collected, listing them all.
#[track_caller]
fn assert_no_mismatch(file: &str, total: usize, mismatches: &[String]) {
    // Lines marked `# BUG?` fail until the code is fixed: the report says which ones.
    if mismatches.is_empty() {
        return;
    }
    let mut report = format!(
        "{} of {total} cases of {file} do not match:\n",
        mismatches.len()
    );
    for m in mismatches {
        let _ = writeln!(report, "  {m}");
    }
    panic!("{report}");
}

fn bug_mark(case: &Case) -> &'static str {
    if case.bug { " [BUG?]" } else { "" }
}

fn domain_rules(case: &Case) -> DomainRules {
    let mut rules = DomainRules::new();
    for option in &case.options {
        rules = match option.as_str() {
            "no_subdomain" => rules.allow_subdomain(false),
            "allow_private" => rules.allow_private_suffix(true),
            other => panic!("line {}: unknown rules option {other:?}", case.line),
        };
    }
    rules
}

fn domain_outcome(input: &str, rules: &DomainRules) -> Result<PrimaryDomain, DomainError> {
    PrimaryDomain::parse_with(input, rules)
}

fn describe<T: std::fmt::Display, E: std::fmt::Display>(
    result: &Result<T, E>,
    code: impl Fn(&E) -> &'static str,
) -> String {
    match result {
        Ok(value) => format!("ok {value}"),
        Err(err) => format!("err {} ({err})", code(err)),
    }
}

/// Whether `got` (as made by [`describe`]) satisfies `expected`.
fn matches(expected: &str, got: &str) -> bool {
    got == expected || got.starts_with(&format!("{expected} ("))
}

#[test]
fn domain_corpus() {
    let cases = load("domains.txt", 1);
    assert!(cases.len() >= 170, "only {} domain cases", cases.len());
    let mut mismatches = Vec::new();
    for case in &cases {
        let rules = domain_rules(case);
        let input = &case.fields[0];
        let result = domain_outcome(input, &rules);
        let got = describe(&result, DomainError::code);
        if !matches(&case.expected, &got) {
            mismatches.push(format!(
                "line {}{}: {input:?}: expected {}, got {got}",
                case.line,
                bug_mark(case),
                case.expected
            ));
        }
        if let Ok(domain) = &result {
            match domain_outcome(domain.as_str(), &rules) {
                Ok(again) if again == *domain => {}
                other => mismatches.push(format!(
                    "line {}: canonical {domain} does not parse back to itself: {other:?}",
                    case.line
                )),
            }
        }
    }
    assert_no_mismatch("domains.txt", cases.len(), &mismatches);
}

#[test]
fn email_corpus() {
    let cases = load("emails.txt", 1);
    assert!(cases.len() >= 170, "only {} email cases", cases.len());
    let mut mismatches = Vec::new();
    for case in &cases {
        let input = &case.fields[0];
        let result = EmailAddress::parse(input);
        let got = describe(&result, EmailError::code);
        if !matches(&case.expected, &got) {
            mismatches.push(format!(
                "line {}{}: {input:?}: expected {}, got {got}",
                case.line,
                bug_mark(case),
                case.expected
            ));
        }
        if let Ok(email) = &result {
            match EmailAddress::parse(email.as_str()) {
                Ok(again) if again == *email => {}
                other => mismatches.push(format!(
                    "line {}: canonical {email} does not parse back to itself: {other:?}",
                    case.line
                )),
            }
        }
    }
    assert_no_mismatch("emails.txt", cases.len(), &mismatches);
}

/// The codes the three rule functions produce for one case, in order, or the parse error.
fn rule_codes(primary: &str, admin: &str, secondary: &str) -> Result<Vec<&'static str>, String> {
    let primary = PrimaryDomain::parse(primary).map_err(|e| format!("primary: {e}"))?;
    let admin = EmailAddress::parse(admin).map_err(|e| format!("admin: {e}"))?;
    let secondary = EmailAddress::parse(secondary).map_err(|e| format!("secondary: {e}"))?;
    let mut codes = Vec::new();
    if let Err(e) = check_admin_email(&primary, &admin) {
        codes.push(e.code());
    }
    match check_secondary_email(&primary, &secondary) {
        Err(e) => codes.push(e.code()),
        Ok(Some(w)) => codes.push(w.code()),
        Ok(None) => {}
    }
    if let Err(e) = check_distinct(&admin, &secondary) {
        codes.push(e.code());
    }
    Ok(codes)
}

#[test]
fn rules_corpus() {
    let cases = load("rules.txt", 3);
    assert!(cases.len() >= 40, "only {} rule cases", cases.len());
    let mut mismatches = Vec::new();
    for case in &cases {
        let [primary, admin, secondary] = &case.fields[..] else {
            unreachable!("load returns three fields");
        };
        let got = match rule_codes(primary, admin, secondary) {
            Ok(codes) if codes.is_empty() => "ok".to_owned(),
            Ok(codes) => codes.join(","),
            Err(parse) => format!("unparsable {parse}"),
        };
        let expected: String = case
            .expected
            .split(',')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(",");
        if got != expected {
            mismatches.push(format!(
                "line {}{}: {primary:?} / {admin:?} / {secondary:?}: expected {expected}, got {got}",
                case.line,
                bug_mark(case)
            ));
        }
    }
    assert_no_mismatch("rules.txt", cases.len(), &mismatches);
}

/// The codes a corpus file expects.
fn expected_codes(name: &str, inputs: usize) -> BTreeSet<String> {
    load(name, inputs)
        .into_iter()
        .flat_map(|case| {
            let expected = case.expected;
            let codes: Vec<String> = match expected.strip_prefix("err ") {
                Some(code) => vec![code.trim().to_owned()],
                None if expected.starts_with("ok") => Vec::new(),
                None => expected.split(',').map(|c| c.trim().to_owned()).collect(),
            };
            codes
        })
        .collect()
}

#[test]
fn corpora_cover_every_code_and_only_known_codes() {
    let all: BTreeSet<&str> = DOMAIN_CODES
        .iter()
        .chain(&EMAIL_CODES)
        .chain(&RULE_CODES)
        .copied()
        .collect();
    assert_eq!(all.len(), 21 + 19 + 5, "a code is listed twice");
    let mut found = expected_codes("domains.txt", 1);
    found.extend(expected_codes("emails.txt", 1));
    found.extend(expected_codes("rules.txt", 3));
    let missing: Vec<_> = all.iter().filter(|c| !found.contains(**c)).collect();
    let unknown: Vec<_> = found.iter().filter(|c| !all.contains(c.as_str())).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "codes never expected by a corpus: {missing:?}; codes expected but unknown: {unknown:?}"
    );
}

/// Checks one error's messages: English is its `Display`, French is another non-empty text.
#[track_caller]
fn check_messages(
    seen: &mut BTreeMap<&'static str, String>,
    problems: &mut Vec<String>,
    code: &'static str,
    display: &str,
    en: &str,
    fr: &str,
) {
    if en.is_empty() || fr.is_empty() {
        problems.push(format!("{code}: empty message (en {en:?}, fr {fr:?})"));
    }
    if en != display {
        problems.push(format!(
            "{code}: message(En) {en:?} differs from Display {display:?}"
        ));
    }
    if en == fr {
        problems.push(format!("{code}: French message is the English one: {en:?}"));
    }
    seen.entry(code).or_insert_with(|| en.to_owned());
}

#[test]
fn every_code_has_distinct_english_and_french_messages() {
    let mut seen = BTreeMap::new();
    let mut problems = Vec::new();
    for case in load("domains.txt", 1) {
        if let Err(e) = domain_outcome(&case.fields[0], &domain_rules(&case)) {
            let (display, en, fr) = (e.to_string(), e.message(Lang::En), e.message(Lang::Fr));
            check_messages(&mut seen, &mut problems, e.code(), &display, &en, &fr);
        }
    }
    for case in load("emails.txt", 1) {
        if let Err(e) = EmailAddress::parse(&case.fields[0]) {
            let (display, en, fr) = (e.to_string(), e.message(Lang::En), e.message(Lang::Fr));
            check_messages(&mut seen, &mut problems, e.code(), &display, &en, &fr);
        }
    }
    let mut rule_errors: Vec<RuleError> = Vec::new();
    let mut warnings: Vec<RuleWarning> = Vec::new();
    for case in load("rules.txt", 3) {
        let (Ok(primary), Ok(admin), Ok(secondary)) = (
            PrimaryDomain::parse(&case.fields[0]),
            EmailAddress::parse(&case.fields[1]),
            EmailAddress::parse(&case.fields[2]),
        ) else {
            continue;
        };
        rule_errors.extend(check_admin_email(&primary, &admin).err());
        match check_secondary_email(&primary, &secondary) {
            Err(e) => rule_errors.push(e),
            Ok(w) => warnings.extend(w),
        }
        rule_errors.extend(check_distinct(&admin, &secondary).err());
    }
    for e in &rule_errors {
        let (display, en, fr) = (e.to_string(), e.message(Lang::En), e.message(Lang::Fr));
        check_messages(&mut seen, &mut problems, e.code(), &display, &en, &fr);
    }
    for w in &warnings {
        let (display, en, fr) = (w.to_string(), w.message(Lang::En), w.message(Lang::Fr));
        check_messages(&mut seen, &mut problems, w.code(), &display, &en, &fr);
    }
    for code in DOMAIN_CODES.iter().chain(&EMAIL_CODES).chain(&RULE_CODES) {
        if !seen.contains_key(code) {
            problems.push(format!("{code}: no corpus case produced it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn unescape_understands_the_documented_escapes() {
    assert_eq!(unescape(r"a\tb\n\r\\", 0), "a\tb\n\r\\");
    assert_eq!(unescape(r"\u{202e}x\u{1F600}", 0), "\u{202e}x\u{1f600}");
    assert_eq!(unescape("{ab*3}.com", 0), "ababab.com");
    assert_eq!(unescape(r"a{b}@x\{c*2}", 0), "a{b}@x{c*2}");
}
