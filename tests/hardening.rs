//! Hardening: no panic, bounded work, safe messages, whatever the input.
//!
//! Properties run over arbitrary Unicode, a class of nasty characters (controls, bidi overrides,
//! zero-width and invisible characters, full-width forms, combining marks, characters next to
//! the surrogate range, and the punctuation parsers split on), huge inputs, deeply nested JSON
//! and JSON of the wrong types. Every error must have a code and messages in English and French
//! that hold no raw control or bidi character and stay short, however long the input.
//!
//! Each property runs 512 cases by default. For the long run, set `PROPTEST_CASES`:
//!
//! ```text
//! PROPTEST_CASES=20000 cargo test --release --test hardening
//! ```
//!
//! The cargo-fuzz targets in `fuzz/` check the same invariants; see `fuzz/README.md`.

use gws_onboarding::customer::{CrmId, OrganizationName, PersonName, Website};
use gws_onboarding::form::{self, OnboardingForm, Policy, RawAdmin, RawEducation};
use gws_onboarding::{
    CountryCode, Diagnostic, DomainRules, Edition, EmailAddress, Lang, LanguageCode, PhoneNumber,
    PostalAddress, PrimaryDomain, ProductFamily, RawPostalAddress, Severity, email,
};
use proptest::prelude::*;

/// Cases per property: 512, or `PROPTEST_CASES` when set.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    config
}

/// The most bytes a message may have, whatever the input.
const MAX_MESSAGE_BYTES: usize = 2048;

/// Ten megabytes: far past every limit.
const HUGE: usize = 10 * 1024 * 1024;

/// Characters that must never reach a message raw: C0/C1 controls, zero-width and bidi marks,
/// embeddings, overrides and isolates, line/paragraph separators and the BOM.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
    )
}

#[track_caller]
fn check_message(code: &str, message: &str) {
    assert!(!message.is_empty(), "{code}: empty message");
    assert!(
        message.len() <= MAX_MESSAGE_BYTES,
        "{code}: message of {} bytes",
        message.len()
    );
    if let Some(c) = message.chars().find(|&c| is_unsafe(c)) {
        panic!("{code}: raw U+{:04X} in {message:?}", u32::from(c));
    }
}

/// A code (dotted, lowercase) and safe messages in both languages; English is `Display`.
#[track_caller]
fn check_diagnostic(err: &dyn Diagnostic) {
    let code = err.code();
    assert!(code.contains('.'), "code {code:?}");
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'),
        "code {code:?}"
    );
    let en = err.message(Lang::En);
    check_message(code, &en);
    check_message(code, &err.message(Lang::Fr));
    assert_eq!(en, err.to_string(), "{code}");
}

#[track_caller]
fn check_canonical(s: &str) {
    assert!(!s.is_empty());
    assert!(
        s.is_ascii()
            && !s
                .bytes()
                .any(|b| b.is_ascii_uppercase() || b.is_ascii_whitespace()),
        "canonical form {s:?}"
    );
}

#[track_caller]
fn check_domain(input: &str) {
    match PrimaryDomain::parse(input) {
        Ok(d) => {
            check_canonical(d.as_str());
            assert!(d.as_str().len() <= 253);
            assert_eq!(
                PrimaryDomain::parse(d.as_str()).as_ref(),
                Ok(&d),
                "{input:?}"
            );
        }
        Err(e) => {
            check_diagnostic(&e);
            assert!(e.code().starts_with("domain."));
        }
    }
    let strict = DomainRules::new().allow_subdomain(false);
    match PrimaryDomain::parse_with(input, &strict) {
        Ok(d) => assert!(!d.is_subdomain()),
        Err(e) => check_diagnostic(&e),
    }
}

#[track_caller]
fn check_email(input: &str) {
    match EmailAddress::parse(input) {
        Ok(e) => {
            check_canonical(e.as_str());
            assert!(e.as_str().len() <= 254);
            assert_eq!(
                EmailAddress::parse(e.as_str()).as_ref(),
                Ok(&e),
                "{input:?}"
            );
        }
        Err(e) => {
            check_diagnostic(&e);
            assert!(e.code().starts_with("email."));
        }
    }
}

/// Every parser of free input in the crate, on one string.
#[track_caller]
fn check_all_parsers(input: &str) {
    check_domain(input);
    check_email(input);
    for result in [
        OrganizationName::parse(input).map(drop),
        PersonName::parse(input).map(drop),
        CrmId::parse(input).map(drop),
        Website::parse(input).map(drop),
    ] {
        if let Err(e) = result {
            check_diagnostic(&e);
        }
    }
    if let Err(e) = PhoneNumber::parse(input) {
        check_diagnostic(&e);
    }
    if let Err(e) = LanguageCode::parse(input) {
        check_diagnostic(&e);
    }
    if let Err(e) = CountryCode::parse(input) {
        check_diagnostic(&e);
    }
    if let Err(e) = input.parse::<Edition>() {
        check_diagnostic(&e);
    }
    if let Err(e) = input.parse::<ProductFamily>() {
        check_diagnostic(&e);
    }
    if let Err(e) = input.parse::<gws_onboarding::CustomerKind>() {
        check_diagnostic(&e);
    }
}

/// Every violation of a checked form is safe to show; a customer comes back exactly when
/// there is no error.
#[track_caller]
fn check_form(form: &OnboardingForm) {
    for policy in [
        Policy::default(),
        Policy::new().require_phone(true).require_admin_name(false),
    ] {
        let outcome = form::check(form, &policy);
        let report = outcome.report();
        for v in report {
            assert!(!v.field().is_empty());
            check_diagnostic(v.problem().diagnostic());
            check_message(v.code(), &v.message(Lang::Fr));
        }
        assert_eq!(
            outcome.customer().is_some(),
            !report.has_errors(),
            "{report}"
        );
        assert_eq!(
            report.has_errors(),
            report.iter().any(|v| v.severity() == Severity::Error)
        );
    }
}

/// Characters that trip parsers and logs.
const NASTY: &[char] = &[
    '\0',
    '\u{1}',
    '\t',
    '\n',
    '\r',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{9f}',
    '\u{a0}',
    '\u{ad}',
    '\u{34f}',
    '\u{61c}',
    '\u{180e}',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{2028}',
    '\u{2029}',
    '\u{202a}',
    '\u{202b}',
    '\u{202c}',
    '\u{202d}',
    '\u{202e}',
    '\u{2060}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{3000}',
    '\u{3002}',
    '\u{fe0f}',
    '\u{feff}',
    '\u{fff9}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{e000}',
    '\u{e0001}',
    '\u{10ffff}',
    '\u{d7ff}',
    '\u{e000}',
    '\u{ff0e}',
    '\u{ff20}',
    '\u{ff21}',
    '\u{ff41}',
    '\u{ff3f}',
    '\u{ff1a}',
    '\u{2488}',
    '\u{300}',
    '\u{301}',
    '\u{327}',
    '\u{20dd}',
    '\u{5d0}',
    '\u{627}',
    '\u{e9}',
    '\u{fc}',
    '\u{130}',
    '\u{131}',
    '\u{df}',
    '\u{3c3}',
    '\u{1f600}',
    '@',
    '.',
    ':',
    '/',
    '[',
    ']',
    '"',
    '<',
    '>',
    '(',
    ')',
    '\\',
    '-',
    '_',
    '+',
    '%',
    '#',
    '?',
    ' ',
    'x',
    'n',
    '-',
    '0',
    '9',
];

fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(NASTY),
        3 => prop::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

fn nasty_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..max).prop_map(String::from_iter)
}

/// Something shaped like a domain, with nasty characters in its labels.
fn domainish() -> impl Strategy<Value = String> {
    (
        nasty_string(12),
        prop::sample::select(&["com", "fr", "co.uk", "de", "github.io", "test", "xn--p1ai"][..]),
        any::<bool>(),
    )
        .prop_map(|(label, tld, www)| format!("{}{label}.{tld}", if www { "www." } else { "" }))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_unicode_through_every_parser(input in any::<String>()) {
        check_all_parsers(&input);
    }

    #[test]
    fn nasty_strings_through_every_parser(input in nasty_string(80)) {
        check_all_parsers(&input);
    }

    #[test]
    fn long_nasty_strings_are_cut_in_messages(input in nasty_string(600)) {
        // Bounded messages however long the echoed input (check_message asserts the bound).
        check_all_parsers(&input);
        check_all_parsers(&format!("{input}@{input}"));
    }

    #[test]
    fn domain_shaped_input(input in domainish()) {
        check_domain(&input);
        check_email(&format!("admin@{input}"));
    }

    #[test]
    fn email_shaped_input(local in nasty_string(20), domain in domainish()) {
        check_email(&format!("{local}@{domain}"));
        check_email(&format!(" {local}@{domain}. "));
    }

    #[test]
    fn rules_hold_between_addresses(
        a in "[a-zA-Z0-9.+'_-]{1,10}",
        b in "[a-zA-Z0-9.+'_-]{1,10}",
        primary in prop::sample::select(&["example.fr", "shop.example.co.uk", "acme.de"][..]),
        shape in 0u8..16,
    ) {
        let primary = PrimaryDomain::parse(primary).unwrap();
        let pick = |bits: u8| match bits & 3 {
            0 => primary.as_str().to_owned(),
            1 => format!("mail.{}", primary.as_str()),
            2 => primary.registrable().to_owned(),
            _ => "reseller.de".to_owned(),
        };
        let (Ok(admin), Ok(secondary)) = (
            EmailAddress::parse(&format!("{a}@{}", pick(shape))),
            EmailAddress::parse(&format!("{b}@{}", pick(shape >> 2))),
        ) else {
            return Ok(());
        };
        match email::check_admin_email(&primary, &admin) {
            Ok(()) => prop_assert_eq!(admin.domain(), primary.as_str()),
            Err(e) => check_diagnostic(&e),
        }
        match email::check_secondary_email(&primary, &secondary) {
            Ok(Some(w)) => check_diagnostic(&w),
            Ok(None) => prop_assert!(!primary.contains(secondary.domain())),
            Err(e) => {
                check_diagnostic(&e);
                prop_assert!(primary.contains(secondary.domain()));
            }
        }
        prop_assert_eq!(email::check_distinct(&admin, &secondary).is_err(), admin == secondary);
    }

    #[test]
    fn forms_of_nasty_strings(
        fields in prop::collection::vec(nasty_string(40), 18),
        flags in any::<(bool, bool, bool, bool)>(),
    ) {
        let f = |i: usize| fields[i].clone();
        let opt = |i: usize| (!fields[i].is_empty()).then(|| fields[i].clone());
        let form = OnboardingForm {
            customer_type: if flags.0 { "domain".into() } else { f(0) },
            product_family: f(1),
            edition: opt(2),
            educational_institution: flags.1.then(|| RawEducation {
                institute_type: f(3),
                institute_size: opt(4),
                website: opt(5),
            }),
            organization_name: f(6),
            domain: f(7),
            postal_address: RawPostalAddress {
                contact_name: f(8),
                organization_name: f(9),
                address_line1: f(10),
                address_line2: opt(11),
                address_line3: None,
                locality: opt(12),
                region: None,
                postal_code: f(13),
                country_code: if flags.2 { "FR".into() } else { f(14) },
            },
            phone_number: opt(15),
            admin: RawAdmin { email: f(16), first_name: opt(17), last_name: opt(0) },
            secondary_email: opt(7),
            language_code: opt(4),
            crm_id: opt(5),
            has_workspace_for_nonprofits: flags.3,
            has_legacy_free_edition: false,
            order: None,
            ..OnboardingForm::default()
        };
        check_form(&form);
        let mut sample = OnboardingForm::sample_domain_customer();
        sample.domain = f(7);
        sample.admin.email = format!("{}@{}", f(16), f(7));
        check_form(&sample);
    }
}

// ---------------------------------------------------------------------------------------------
// Huge inputs: rejected by length, before they are scanned.

fn huge(unit: &str) -> String {
    unit.repeat(HUGE / unit.len())
}

#[test]
fn huge_inputs_are_too_long() {
    for unit in ["a", " ", "é", "\u{202e}", "a.", "@"] {
        let s = huge(unit);
        assert_eq!(
            PrimaryDomain::parse(&s).unwrap_err().code(),
            "domain.too_long",
            "{unit:?}"
        );
        assert_eq!(
            EmailAddress::parse(&s).unwrap_err().code(),
            "email.too_long",
            "{unit:?}"
        );
        assert_eq!(
            OrganizationName::parse(&s).unwrap_err().code(),
            "text.too_long",
            "{unit:?}"
        );
        assert_eq!(PersonName::parse(&s).unwrap_err().code(), "text.too_long");
        assert_eq!(CrmId::parse(&s).unwrap_err().code(), "text.too_long");
        assert_eq!(Website::parse(&s).unwrap_err().code(), "text.too_long");
        assert_eq!(PhoneNumber::parse(&s).unwrap_err().code(), "phone.too_long");
        assert_eq!(
            LanguageCode::parse(&s).unwrap_err().code(),
            "language.too_long"
        );
        assert_eq!(CountryCode::parse(&s).unwrap_err().code(), "country.format");
        for err in [
            &PrimaryDomain::parse(&s).unwrap_err() as &dyn Diagnostic,
            &EmailAddress::parse(&s).unwrap_err(),
            &CountryCode::parse(&s).unwrap_err(),
            &s.parse::<Edition>().unwrap_err(),
            &s.parse::<ProductFamily>().unwrap_err(),
            &s.parse::<gws_onboarding::CustomerKind>().unwrap_err(),
        ] {
            check_diagnostic(err);
        }
    }
}

#[test]
fn huge_email_parts_are_too_long() {
    let local = "a".repeat(HUGE);
    for input in [format!("{local}@example.fr"), format!("jane@{local}.fr")] {
        assert_eq!(
            EmailAddress::parse(&input).unwrap_err().code(),
            "email.too_long"
        );
    }
}

#[test]
fn huge_postal_fields_are_too_long() {
    type Setter<'a> = dyn Fn(&mut RawPostalAddress) + 'a;
    let s = huge("é");
    let fill = |set: &Setter| {
        let mut raw = RawPostalAddress {
            contact_name: "Ada".into(),
            organization_name: "Analytical Ltd".into(),
            address_line1: "1 Road".into(),
            postal_code: "SW1A 2AA".into(),
            country_code: "GB".into(),
            ..RawPostalAddress::default()
        };
        set(&mut raw);
        PostalAddress::parse(&raw).unwrap_err()
    };
    let setters: [(&str, &Setter); 8] = [
        ("contactName", &|r| r.contact_name.clone_from(&s)),
        ("organizationName", &|r| r.organization_name.clone_from(&s)),
        ("addressLine1", &|r| r.address_line1.clone_from(&s)),
        ("addressLine2", &|r| r.address_line2 = Some(s.clone())),
        ("addressLine3", &|r| r.address_line3 = Some(s.clone())),
        ("locality", &|r| r.locality = Some(s.clone())),
        ("region", &|r| r.region = Some(s.clone())),
        ("postalCode", &|r| r.postal_code.clone_from(&s)),
    ];
    for (name, set) in setters {
        let errors = fill(set);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert_eq!(errors[0].code(), "address.too_long", "{name}");
        assert!(errors[0].field().form_path().ends_with(name), "{name}");
        check_diagnostic(&errors[0]);
    }
    let errors = fill(&|r| r.country_code.clone_from(&s));
    assert_eq!(errors[0].code(), "country.format");
}

#[test]
fn huge_form_reports_every_field() {
    let s = huge("x");
    let mut form = OnboardingForm::sample_domain_customer();
    form.organization_name.clone_from(&s);
    form.domain.clone_from(&s);
    form.admin.email.clone_from(&s);
    form.admin.first_name = Some(s.clone());
    form.secondary_email = Some(s.clone());
    form.phone_number = Some(s.clone());
    form.language_code = Some(s.clone());
    form.crm_id = Some(s.clone());
    form.postal_address.postal_code.clone_from(&s);
    form.edition = Some(s.clone());
    let report = form::validate(&form, &Policy::default()).unwrap_err();
    let codes: Vec<(&str, &str)> = report.iter().map(|v| (v.field(), v.code())).collect();
    // The form refuses a field of more than four bytes a character unread, whatever its
    // parser; the postal address's own check does the same for its fields.
    for expected in [
        ("organizationName", "form.too_long"),
        ("domain", "form.too_long"),
        ("admin.email", "form.too_long"),
        ("admin.firstName", "form.too_long"),
        ("secondaryEmail", "form.too_long"),
        ("phoneNumber", "form.too_long"),
        ("languageCode", "form.too_long"),
        ("crmId", "form.too_long"),
        ("postalAddress.postalCode", "address.too_long"),
        ("edition", "form.too_long"),
    ] {
        assert!(codes.contains(&expected), "{expected:?} not in {codes:?}");
    }
    check_form(&form);
}

// ---------------------------------------------------------------------------------------------
// Echoed input is escaped and cut.

#[test]
fn echoed_input_is_escaped_and_cut() {
    // Unsafe characters are refused before an address is echoed; a long one is cut.
    let long = format!("{}\\", "x".repeat(400));
    let err = EmailAddress::parse(&long).unwrap_err();
    assert_eq!(err.code(), "email.missing_at");
    let message = err.message(Lang::En);
    assert!(message.contains('…'), "{message}");
    assert!(message.len() < 200, "{message}");

    let err = "fr\u{202e}\n".parse::<Edition>().unwrap_err();
    assert!(
        err.to_string()
            .starts_with("unknown edition \"fr\\u{202e}\\u{a}\": "),
        "bidi and newline escaped: {err}"
    );
    let err = PhoneNumber::parse("0\u{2066}1\r\n").unwrap_err();
    check_diagnostic(&err);
    assert!(err.to_string().contains("\\u{2066}"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Form JSON: a value of an impossible type is a violation on its path; only a document that is
// not an object, or nested too deep, is a serde error; never a panic or a stack overflow.

#[cfg(feature = "serde")]
mod json {
    use super::{check_form, config, nasty_string};
    use gws_onboarding::form::{self, FoundType, OnboardingForm, Policy};
    use proptest::prelude::*;
    use serde_json::{Value, json};

    fn parse(text: &str) -> Result<OnboardingForm, serde_json::Error> {
        let result = serde_json::from_str::<OnboardingForm>(text);
        if let Ok(form) = &result {
            check_form(form);
        }
        result
    }

    #[test]
    fn deep_nesting_is_a_serde_error() {
        const DEPTH: usize = 10_000;
        let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
        let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
        for nested in [&arrays, &objects] {
            // An array is not a form; objects of unknown keys are skipped, so `{"a":{"a":…}}`
            // is an empty form with one unknown key, or a serde error past serde_json's
            // nesting limit.
            match parse(nested) {
                Err(err) => assert!(!err.to_string().is_empty()),
                Ok(mut form) => {
                    let unknown: Vec<&str> = form
                        .input_problems
                        .unknown_fields()
                        .map(gws_onboarding::form::UnknownField::path)
                        .collect();
                    assert_eq!(unknown, ["a"]);
                    form.input_problems = gws_onboarding::form::InputProblems::default();
                    assert_eq!(form, OnboardingForm::default());
                }
            }
            for field in ["admin", "postalAddress", "domain", "unknownField"] {
                let text = format!("{{\"{field}\": {nested}}}");
                // A known field gets one input problem (an object of unknown keys is an empty
                // admin or address), an unknown field is skipped, or serde_json stops at its
                // nesting limit. What matters is that nothing overflows the stack of this
                // 2 MiB test thread.
                match parse(&text) {
                    Ok(form) => assert!(form.input_problems.len() <= 1, "{field}"),
                    Err(err) => assert!(!err.to_string().is_empty()),
                }
            }
        }
        // Unterminated nesting too.
        assert!(parse(&"[".repeat(DEPTH)).is_err());
        assert!(parse(&"{\"admin\":".repeat(DEPTH)).is_err());
    }

    /// The form's fields with a value of the right type.
    const FIELDS: &[(&str, &str)] = &[
        ("customerType", "string"),
        ("productFamily", "string"),
        ("edition", "option"),
        ("educationalInstitution", "option_object"),
        ("organizationName", "string"),
        ("domain", "string"),
        ("postalAddress", "object"),
        ("phoneNumber", "option"),
        ("admin", "object"),
        ("secondaryEmail", "option"),
        ("languageCode", "option"),
        ("crmId", "option"),
        ("hasWorkspaceForNonprofits", "bool"),
        ("hasLegacyFreeEdition", "bool"),
        ("order", "option_object"),
    ];

    const NESTED: &[(&str, &[(&str, &str)])] = &[
        (
            "admin",
            &[
                ("email", "string"),
                ("firstName", "option"),
                ("lastName", "option"),
            ],
        ),
        (
            "postalAddress",
            &[
                ("contactName", "string"),
                ("organizationName", "string"),
                ("addressLine1", "string"),
                ("addressLine2", "option"),
                ("addressLine3", "option"),
                ("locality", "option"),
                ("region", "option"),
                ("postalCode", "string"),
                ("countryCode", "string"),
            ],
        ),
        (
            "educationalInstitution",
            &[
                ("instituteType", "string"),
                ("instituteSize", "option"),
                ("website", "option"),
            ],
        ),
        (
            "order",
            &[
                ("product", "string"),
                ("seats", "option"),
                ("plan", "option"),
                ("purchaseOrderId", "option"),
                ("dealCode", "option"),
                ("offer", "option"),
            ],
        ),
    ];

    fn wrong_values() -> Vec<Value> {
        vec![
            json!(42),
            json!(-1.5),
            json!(u64::MAX),
            json!(true),
            json!(null),
            json!("text \u{202e}"),
            json!([]),
            json!(["a", 1]),
            json!({}),
            json!({"a": {"b": [null]}}),
        ]
    }

    /// What reading `value` where `kind` goes gives: `None` when it fits (a number fits where
    /// text goes, `"true"`/`"false"` where a flag goes, `null` everywhere), else the type found.
    fn problem(kind: &str, value: &Value) -> Option<FoundType> {
        let found = match value {
            Value::Null => return None,
            Value::Bool(_) => FoundType::Boolean,
            Value::Number(_) => FoundType::Number,
            Value::String(_) => FoundType::Text,
            Value::Array(_) => FoundType::Array,
            Value::Object(_) => FoundType::Object,
        };
        let fits = match kind {
            "string" | "option" => matches!(found, FoundType::Text | FoundType::Number),
            "object" | "option_object" => found == FoundType::Object,
            _ => {
                found == FoundType::Boolean
                    || value.as_str().is_some_and(|s| {
                        let s = s.trim();
                        s.is_empty()
                            || s.eq_ignore_ascii_case("true")
                            || s.eq_ignore_ascii_case("false")
                    })
            }
        };
        (!fits).then_some(found)
    }

    /// Reads `json`: never a serde error for an object; an input problem exactly on `path`
    /// when `expected` says so, reported by `check` once on that path and nothing else under it.
    #[track_caller]
    fn expect(json: &Value, path: &str, expected: Option<FoundType>) {
        let text = json.to_string();
        let form = parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let problems: Vec<(String, FoundType)> = form
            .input_problems
            .iter()
            .map(|(p, e)| (p.to_owned(), e.found()))
            .collect();
        assert_eq!(
            problems,
            expected
                .map(|f| (path.to_owned(), f))
                .into_iter()
                .collect::<Vec<_>>(),
            "{text}"
        );
        let outcome = form::check(&form, &Policy::default());
        let under = |field: &str| field == path || field.starts_with(&format!("{path}."));
        let on_path: Vec<_> = outcome
            .report()
            .iter()
            .filter(|v| under(v.field()))
            .collect();
        if expected.is_some() {
            assert_eq!(on_path.len(), 1, "{text}: {on_path:?}");
            assert_eq!(
                (on_path[0].field(), on_path[0].code()),
                (path, "input.type"),
                "{text}"
            );
            assert!(outcome.customer().is_none());
        } else {
            assert!(on_path.iter().all(|v| v.code() != "input.type"), "{text}");
        }
    }

    #[test]
    fn wrong_types_are_violations_on_their_path() {
        for &(field, kind) in FIELDS {
            for value in wrong_values() {
                let expected = problem(kind, &value);
                expect(&json!({ field: value }), field, expected);
            }
        }
        for &(parent, fields) in NESTED {
            for &(field, kind) in fields {
                for value in wrong_values() {
                    let expected = problem(kind, &value);
                    let path = format!("{parent}.{field}");
                    expect(&json!({ parent: { field: value } }), &path, expected);
                }
            }
        }
        // Only a document that is not an object fails, a list included (serde's derive read
        // it positionally).
        for top in [
            "null",
            "42",
            "\"form\"",
            "[42]",
            "[]",
            "true",
            "",
            "{\"domain\": \"a.fr\", \"domain\": \"b.fr\"}",
        ] {
            assert!(parse(top).is_err(), "{top}");
        }
    }

    /// The issue's example: a postal code as a number is its text, and the rest of a
    /// complete form is still checked around a field of an impossible type.
    #[test]
    fn a_wrong_type_leaves_the_rest_of_the_form_checked() {
        let mut json = serde_json::to_value(OnboardingForm::sample_domain_customer()).unwrap();
        json["postalAddress"]["postalCode"] = json!(75008);
        json["phoneNumber"] = json!(33_142_685_300_u64);
        json["crmId"] = json!(2026);
        json["hasLegacyFreeEdition"] = json!("FALSE");
        json["order"] =
            json!({"product": "Business Standard", "seats": 25, "plan": "ANNUAL_MONTHLY_PAY"});
        let form = parse(&json.to_string()).unwrap();
        assert_eq!(form.postal_address.postal_code, "75008");
        assert_eq!(
            form.order.as_ref().and_then(|o| o.seats.as_deref()),
            Some("25")
        );
        assert_eq!(form.crm_id.as_deref(), Some("2026"));
        let report = form::check(&form, &Policy::default()).into_parts().1;
        // The number typed as a JSON number, calling code and all but no `+`, is read with
        // the postal address's country (FR), as libphonenumber reads it.
        assert_eq!(report.codes().count(), 0, "{report:?}");
        let customer = form::validate(&form, &Policy::default()).unwrap();
        assert_eq!(
            customer
                .phone_number()
                .map(gws_onboarding::PhoneNumber::as_str),
            Some("+33142685300")
        );

        json["postalAddress"]["postalCode"] = json!({"code": "75008"});
        json["domain"] = json!("www.acme-widgets.fr");
        let form = parse(&json.to_string()).unwrap();
        let report = form::check(&form, &Policy::default()).into_parts().1;
        let found: Vec<_> = report.iter().map(|v| (v.field(), v.code())).collect();
        assert_eq!(
            found,
            [
                ("domain", "domain.www"),
                ("postalAddress.postalCode", "input.type"),
            ]
        );
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            nasty_string(30).prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map(nasty_string(8), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn any_field_value() -> impl Strategy<Value = (String, Value)> {
        let names: Vec<&str> = super::json::FIELDS.iter().map(|(n, _)| *n).collect();
        (prop::sample::select(names), any_json()).prop_map(|(n, v)| (n.to_owned(), v))
    }

    proptest! {
        #![proptest_config(config())]

        /// Random JSON values in random fields: never a serde error for a top-level object,
        /// and an `input.type` violation on the field's path exactly for impossible types.
        #[test]
        fn arbitrary_json_forms(fields in prop::collection::vec(any_field_value(), 0..8)) {
            let mut form = serde_json::to_value(OnboardingForm::sample_domain_customer()).unwrap();
            for (name, value) in fields {
                form[name] = value;
            }
            let text = form.to_string();
            let read = parse(&text);
            prop_assert!(read.is_ok(), "{}: {:?}", text, read);
            let read = read.unwrap_or_default();
            let report = gws_onboarding::form::check(&read, &gws_onboarding::form::Policy::default()).into_parts().1;
            for &(name, kind) in FIELDS {
                let value = &form[name];
                let direct = problem(kind, value);
                let reported = report.iter().any(|v| v.field() == name && v.code() == "input.type");
                if direct.is_some() {
                    prop_assert!(reported, "{}: no input.type on {}", text, name);
                }
                if let Some(fields) = NESTED.iter().find(|(p, _)| *p == name).map(|(_, f)| *f) {
                    if direct.is_none() {
                        for &(field, kind) in fields {
                            let expected = problem(kind, &value[field]);
                            let path = format!("{name}.{field}");
                            let reported = report.iter().any(|v| v.field() == path && v.code() == "input.type");
                            prop_assert_eq!(reported, expected.is_some(), "{}: {}", text, path);
                        }
                    }
                }
            }
        }

        #[test]
        fn arbitrary_json_text(text in "[\\[\\]{}\":,a-z0-9 \\\\\u{202e}]{0,64}") {
            let _ = parse(&text);
        }
    }
}
