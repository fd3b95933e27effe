//! Issue 9's host, address and phone findings, each as a class: a regression test with the
//! issue's example through the public API, and a property (or an exhaustive loop) over the class.
//!
//! - Bug 1: the policy's suffix list reaches every address the form parses.
//! - Bug 5: one set of host-label rules for primary domains and address domains.
//! - Bug 6: Google's reserved usernames are refused as admin.
//! - Bug 7: a trunk prefix `(0)` after the country calling code is dropped.
//! - Bug 8: the unsafe set is Unicode's (`Default_Ignorable_Code_Point`, `Cf`, …), refused before
//!   IDNA mapping.
//! - Bug 9: no silent look-alike folding.
//! - Item 12: suggestions always parse; bad punycode has its own code.

use gws_onboarding::email::{DomainProblem, RESERVED_USERNAMES, UsernameProblem, check_username};
use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::{
    DomainError, DomainRules, EmailAddress, EmailError, Lang, PhoneNumber, PrimaryDomain,
    RuleError, SuffixList, email,
};
use icu_properties::props::{
    DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup, NoncharacterCodePoint,
};
use icu_properties::{CodePointMapData, CodePointSetData};
use proptest::prelude::*;
use proptest::sample::select;

const PSL: &str = include_str!("../data/public_suffix_list.dat");

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    config
}

/// The embedded list plus one more top-level suffix.
fn list_with(tld: &str) -> SuffixList {
    SuffixList::parse(&format!(
        "// ===BEGIN ICANN DOMAINS===\n{tld}\n// ===END ICANN DOMAINS===\n{PSL}"
    ))
    .expect("a valid list")
}

/// A domain customer in `domain`, admin `jeanne@domain`, secondary elsewhere.
fn form_in(domain: &str) -> OnboardingForm {
    let mut form = OnboardingForm::sample_domain_customer();
    domain.clone_into(&mut form.domain);
    form.admin.email = format!("jeanne@{domain}");
    form
}

fn codes(form: &OnboardingForm, policy: &Policy) -> Vec<&'static str> {
    form::check(form, policy).report().codes().collect()
}

// ---------------------------------------------------------------------------------------------
// Bug 1: the policy's suffix list applies to every address the form parses.

#[test]
fn policy_suffix_list_reaches_the_addresses() {
    let list = list_with("newtld");
    let policy = Policy::new().domain_rules(DomainRules::new().suffix_list(list.clone()));
    assert!(PrimaryDomain::parse_with("acme.newtld", policy.rules_for_domain()).is_ok());
    assert!(EmailAddress::parse_with("jeanne@acme.newtld", &list).is_ok());
    // Admin in the new TLD, secondary in it too.
    let mut form = form_in("acme.newtld");
    form.secondary_email = Some("it@reseller.newtld".into());
    assert_eq!(codes(&form, &policy), Vec::<&str>::new());
    // Without the list, both fail alike.
    let default = codes(&form, &Policy::default());
    assert!(default.contains(&"domain.unknown_tld"), "{default:?}");
    assert!(default.contains(&"email.domain_unknown_tld"), "{default:?}");
    // A team customer's domain comes from the admin address, through the same list.
    let mut team = OnboardingForm::sample_team_customer();
    team.admin.email = "sam@studio.newtld".into();
    let outcome = form::check(&team, &policy);
    assert!(outcome.report().is_empty(), "{}", outcome.report());
    assert_eq!(
        outcome.customer().map(|c| c.domain().as_str()),
        Some("studio.newtld")
    );
}

proptest! {
    #![proptest_config(config())]

    /// For any custom list and name, the domain and the addresses in it agree: the form reports
    /// an unknown TLD for the domain exactly when it does for the admin and secondary addresses.
    #[test]
    fn domain_and_addresses_agree_on_custom_lists(
        tld in "[a-z]{3,12}",
        known in any::<bool>(),
        name in "[a-z][a-z0-9]{0,10}",
    ) {
        let list = if known {
            SuffixList::parse(&format!("fr\n{tld}\n")).expect("valid")
        } else {
            SuffixList::parse("fr\n").expect("valid")
        };
        let rules = DomainRules::new().suffix_list(list.clone());
        let domain = format!("{name}.{tld}");
        let d = PrimaryDomain::parse_with(&domain, &rules);
        let e = EmailAddress::parse_with(&format!("jeanne@{domain}"), &list);
        prop_assert_eq!(d.is_ok(), e.is_ok(), "{:?} / {:?}", d, e);
        let policy = Policy::new().domain_rules(rules);
        let mut form = form_in(&domain);
        form.secondary_email = Some(format!("it@other-{name}.{tld}"));
        let found = codes(&form, &policy);
        let tld_errors = found.iter().filter(|c| c.ends_with("unknown_tld")).count();
        if tld == "fr" || known {
            prop_assert!(found.is_empty(), "{:?}", found);
        } else {
            // The domain, the admin and the secondary address: one each.
            prop_assert_eq!(tld_errors, 3, "{:?}", found);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bug 5 and item 12: one set of label rules; bad punycode has its own code.

/// The label reason a primary domain is refused for, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LabelReason {
    Empty,
    TooLong,
    Hyphen,
    Punycode,
    Char(char),
}

fn domain_reason(result: &Result<PrimaryDomain, DomainError>) -> Option<LabelReason> {
    match result.as_ref().err()? {
        DomainError::EmptyLabel { .. } => Some(LabelReason::Empty),
        DomainError::LabelTooLong { .. } => Some(LabelReason::TooLong),
        DomainError::Hyphen { .. } => Some(LabelReason::Hyphen),
        DomainError::Punycode { .. } => Some(LabelReason::Punycode),
        DomainError::InvalidChar { ch, .. } => Some(LabelReason::Char(*ch)),
        _ => None,
    }
}

fn email_reason(result: &Result<EmailAddress, EmailError>) -> Option<LabelReason> {
    match result.as_ref().err()? {
        EmailError::DomainInvalid { reason, .. } => match reason {
            DomainProblem::EmptyLabel => Some(LabelReason::Empty),
            DomainProblem::LabelTooLong(_) => Some(LabelReason::TooLong),
            DomainProblem::Hyphen | DomainProblem::ReservedHyphen => Some(LabelReason::Hyphen),
            DomainProblem::Punycode => Some(LabelReason::Punycode),
            DomainProblem::Char(c) => Some(LabelReason::Char(*c)),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn email_domains_obey_the_label_rules_of_primary_domains() {
    for host in [
        "ab--cd.com",
        "xn--zz.fr",
        "xn---bcher-4ya.de",
        "xn--bcher--3ya.de",
        "xn--b--cher-n2a.de",
        "-acme.fr",
        "acme-.fr",
        "acme..fr",
    ] {
        let d = PrimaryDomain::parse(host);
        let e = EmailAddress::parse(&format!("a@{host}"));
        assert!(domain_reason(&d).is_some(), "{host}: {d:?}");
        assert_eq!(domain_reason(&d), email_reason(&e), "{host}: {d:?} / {e:?}");
    }
    let err = EmailAddress::parse("a@ab--cd.com").unwrap_err();
    assert_eq!(err.code(), "email.domain_invalid");
    assert!(err.to_string().contains("third and fourth"), "{err}");
    // An A-label's hyphen rules hold on its Unicode form.
    assert_eq!(
        PrimaryDomain::parse("xn---bcher-4ya.de")
            .unwrap_err()
            .to_string(),
        "domain label \"-bücher\" starts or ends with a hyphen, or has \"--\" in third and fourth position (reserved)"
    );
}

#[test]
fn invalid_punycode_is_named() {
    let err = PrimaryDomain::parse("xn--zz.fr").unwrap_err();
    assert_eq!(err.code(), "domain.punycode");
    assert!(err.to_string().contains("not valid punycode"), "{err}");
    assert!(
        err.message(Lang::Fr).contains("punycode"),
        "{}",
        err.message(Lang::Fr)
    );
    for input in ["XN--ZZ.fr", "shop.xn--a.fr", "xn--.com", "xn--abc-.fr"] {
        assert_eq!(
            PrimaryDomain::parse(input).unwrap_err().code(),
            "domain.punycode",
            "{input}"
        );
    }
    match EmailAddress::parse("a@xn--zz.fr") {
        Err(EmailError::DomainInvalid { reason, .. }) => {
            assert_eq!(reason, DomainProblem::Punycode);
        }
        other => panic!("{other:?}"),
    }
    // A valid A-label is still an internationalized name.
    assert_eq!(
        PrimaryDomain::parse("xn--bcher-kva.de").unwrap_err().code(),
        "domain.idn"
    );
}

/// A label from pieces that hit every label rule: hyphens at the edges and in positions 3–4,
/// `xn--` prefixes with good and bad punycode, long runs, non-ASCII letters, bad characters.
fn host_label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{1,6}",
        "[a-z0-9-]{0,8}",
        "[a-z0-9]{2}--[a-z0-9-]{0,5}",
        "xn--[a-z0-9-]{0,10}",
        select(
            &[
                "xn--bcher-kva",
                "xn---bcher-4ya",
                "xn--bcher--3ya",
                "xn--b--cher-n2a",
                "xn--caf-dma"
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-z]{60,66}",
        "[a-zü_ ]{1,5}",
        "[a-z]{0,3}[\u{0}\u{200b}\u{1bca0}_][a-z]{0,3}",
        Just(String::new()),
    ]
}

fn generated_host() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(host_label(), 1..4),
        select(&["fr", "com", "co.uk", "de"][..]),
    )
        .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
}

proptest! {
    #![proptest_config(config())]

    /// The law: for every host `h` (no surrounding white space, and none of the characters
    /// `@ / \ ? # : [ < > " ( )` that make it a pasted URL or address for one parser and a bad
    /// character for the other), `PrimaryDomain::parse(h)` is refused for a label reason `r`
    /// (`domain.empty_label`, `domain.label_too_long`, `domain.hyphen`, `domain.punycode`,
    /// `domain.invalid_char` with character `c`) if and only if `EmailAddress::parse("a@" + h)`
    /// is refused with `email.domain_invalid` for the same reason (`Hyphen` and
    /// `ReservedHyphen` both being the hyphen rule), and neither is refused for a label reason
    /// otherwise.
    #[test]
    fn one_set_of_label_rules(host in generated_host().prop_filter("no surrounding space", |h| h.trim() == h)) {
        let d = PrimaryDomain::parse(&host);
        let e = EmailAddress::parse(&format!("a@{host}"));
        prop_assert_eq!(domain_reason(&d), email_reason(&e), "{:?}: {:?} / {:?}", host, d, e);
    }
}

// ---------------------------------------------------------------------------------------------
// Bug 6: Google's reserved usernames.

#[test]
fn reserved_usernames_are_refused_as_admin() {
    let primary = PrimaryDomain::parse("acme.fr").unwrap();
    for admin in ["abuse@acme.fr", "postmaster@acme.fr", "PostMaster@ACME.fr"] {
        let address = EmailAddress::parse(admin).unwrap();
        let err = email::check_admin_email(&primary, &address).unwrap_err();
        assert_eq!(err.code(), "rule.admin_username", "{admin}");
        assert!(err.to_string().contains("reserves"), "{err}");
    }
    let mut form = form_in("acme.fr");
    form.admin.email = "abuse@acme.fr".into();
    assert_eq!(codes(&form, &Policy::default()), ["rule.admin_username"]);
    // Google does not ignore dots in usernames: these are other usernames.
    assert_eq!(check_username("post.master"), Ok(()));
    assert_eq!(check_username("ab.use"), Ok(()));
    assert_eq!(check_username("abuse-team"), Ok(()));
}

proptest! {
    #![proptest_config(config())]

    /// Every reserved username, in every case, is refused; with a dot inside it is another name.
    #[test]
    fn reserved_usernames_in_any_case(
        name in select(&RESERVED_USERNAMES[..]),
        flips in prop::collection::vec(any::<bool>(), 10),
        dot in 1usize..5,
    ) {
        let cased: String = name
            .chars()
            .zip(flips.iter().chain(std::iter::repeat(&false)))
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        prop_assert_eq!(check_username(&cased), Err(UsernameProblem::Reserved(name)));
        let primary = PrimaryDomain::parse("acme.fr").unwrap();
        let address = EmailAddress::parse(&format!("{cased}@acme.fr")).unwrap();
        let refused = matches!(
            email::check_admin_email(&primary, &address),
            Err(RuleError::AdminUsername { reason: UsernameProblem::Reserved(_), .. })
        );
        prop_assert!(refused);
        let dotted = format!("{}.{}", &cased[..dot], &cased[dot..]);
        prop_assert_eq!(check_username(&dotted), Ok(()));
    }
}

// ---------------------------------------------------------------------------------------------
// Bug 7: trunk prefix.

#[test]
fn trunk_prefix_after_the_country_code_is_dropped() {
    assert_eq!(
        PhoneNumber::parse("+33 (0)1 42 68 53 00").unwrap().as_str(),
        "+33142685300"
    );
    assert_eq!(
        PhoneNumber::parse("+44 (0)20 7946 0000").unwrap().as_str(),
        "+442079460000"
    );
    // Anywhere else a 0 is a digit.
    assert_eq!(
        PhoneNumber::parse("+39 06 1234 5678").unwrap().as_str(),
        "+390612345678"
    );
}

/// Assigned country calling codes of one, two and three digits.
const CALLING_CODES: [&str; 30] = [
    "1", "7", "20", "27", "30", "31", "32", "33", "34", "39", "41", "44", "49", "52", "55", "61",
    "81", "86", "91", "212", "351", "352", "353", "358", "380", "420", "852", "886", "971", "998",
];

fn separator() -> impl Strategy<Value = &'static str> {
    select(&["", " ", "  ", "-", ".", "\u{a0}", "\u{202f}", " - "][..])
}

proptest! {
    #![proptest_config(config())]

    /// For every country code, national number and way of spacing, `+cc (0) national` is
    /// `+cc national`, and the same number written without the trunk prefix is the same value.
    #[test]
    fn trunk_prefix_in_any_spacing(
        code in select(&CALLING_CODES[..]),
        national in "[1-9][0-9]{5,10}",
        before in separator(),
        inside_left in select(&["", " "][..]),
        inside_right in select(&["", " "][..]),
        after in separator(),
        group_seps in prop::collection::vec(separator(), 12),
        code_in_parentheses in any::<bool>(),
    ) {
        prop_assume!((8..=15).contains(&(code.len() + national.len())));
        let mut grouped = String::new();
        for (i, d) in national.chars().enumerate() {
            if i > 0 && i % 2 == 0 {
                grouped.push_str(group_seps[i % group_seps.len()]);
            }
            grouped.push(d);
        }
        let written_code = if code_in_parentheses { format!("({code})") } else { code.to_owned() };
        let written = format!("+{written_code}{before}({inside_left}0{inside_right}){after}{grouped}");
        let expected = format!("+{code}{national}");
        // Written with `(0)` or without it, the number reads the same: accepted as the same
        // E.164 number, or refused with the same error by the country's rules.
        let phone = PhoneNumber::parse(&written);
        prop_assert_eq!(&phone, &PhoneNumber::parse(&expected), "{:?}", written);
        let plain = PhoneNumber::parse(&format!("+{code}{before}{grouped}"));
        prop_assert_eq!(&plain, &phone);
        if let Ok(phone) = phone {
            prop_assert_eq!(phone.as_str(), expected.as_str(), "{:?}", written);
            prop_assert_eq!(phone.country_calling_code(), code);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bug 8: the unsafe set is Unicode's, and refused before IDNA mapping.

/// Every code point of `Default_Ignorable_Code_Point` and of general category `Cf`.
fn ignorable_and_format() -> Vec<char> {
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>().iter_ranges();
    let format = CodePointMapData::<GeneralCategory>::new()
        .iter_ranges_for_group(GeneralCategoryGroup::Format);
    let mut all: Vec<char> = ignorable
        .chain(format)
        .flatten()
        .filter_map(char::from_u32)
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The escape `snippet` writes for `c`.
fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

#[track_caller]
fn assert_refused_as_unsafe(c: char) {
    let cp = u32::from(c);
    match PrimaryDomain::parse(&format!("acme{c}-widgets.fr")) {
        Err(DomainError::UnsafeChar {
            code_point,
            index: 4,
        }) => assert_eq!(code_point, cp),
        other => panic!("U+{cp:04X} in a domain: {other:?}"),
    }
    match EmailAddress::parse(&format!("jeanne@acme{c}-widgets.fr")) {
        Err(EmailError::UnsafeChar { code_point, .. }) => assert_eq!(code_point, cp),
        other => panic!("U+{cp:04X} in an address's domain: {other:?}"),
    }
    match EmailAddress::parse(&format!("jea{c}nne@acme-widgets.fr")) {
        Err(EmailError::UnsafeChar { code_point, .. }) => assert_eq!(code_point, cp),
        other => panic!("U+{cp:04X} in a local part: {other:?}"),
    }
    // A message that echoes the input escapes the character.
    let err = PhoneNumber::parse(&format!("+33 1{c}42 68 53 00")).unwrap_err();
    assert_eq!(err.code(), "phone.invalid_char");
    for lang in [Lang::En, Lang::Fr] {
        let message = err.message(lang);
        assert!(!message.contains(c), "U+{cp:04X} raw in {message:?}");
        assert!(
            message.contains(&escaped(c)),
            "U+{cp:04X} not escaped in {message:?}"
        );
    }
}

#[test]
fn invisible_characters_are_refused_before_idna() {
    assert_eq!(
        PrimaryDomain::parse("acme\u{1BCA0}-widgets.fr")
            .unwrap_err()
            .code(),
        "domain.unsafe_char"
    );
    for c in ('\u{13430}'..='\u{1343f}').chain('\u{1bca0}'..='\u{1bca3}') {
        assert_refused_as_unsafe(c);
    }
}

/// Every code point of `Default_Ignorable_Code_Point` and `Cf`, one by one (about 4 300), and
/// a sample of the rest of the set: controls, private use, separators, noncharacters.
#[test]
fn every_ignorable_and_format_character_is_refused_and_escaped() {
    let all = ignorable_and_format();
    assert!(all.len() > 4_000, "{}", all.len());
    for &c in &all {
        assert_refused_as_unsafe(c);
    }
    let category = CodePointMapData::<GeneralCategory>::new();
    let others = [
        GeneralCategoryGroup::Control,
        GeneralCategoryGroup::LineSeparator,
        GeneralCategoryGroup::ParagraphSeparator,
    ]
    .into_iter()
    .flat_map(|group| category.iter_ranges_for_group(group))
    .flatten()
    .filter(|&cp| cp >= 0x80)
    .chain(
        category
            .iter_ranges_for_group(GeneralCategoryGroup::PrivateUse)
            .flatten()
            .step_by(97),
    )
    .chain(
        CodePointSetData::new::<NoncharacterCodePoint>()
            .iter_ranges()
            .flatten(),
    )
    .filter_map(char::from_u32);
    for c in others {
        assert_refused_as_unsafe(c);
    }
}

// ---------------------------------------------------------------------------------------------
// Bug 9: look-alikes.

#[test]
fn lookalikes_are_refused() {
    for input in [
        "𝐚𝐜𝐦𝐞.fr",
        "ⓐcme.fr",
        "ſhop.fr",
        "㎏.fr",
        "ﬁle.fr",
        "\u{212a}elvin.fr",
    ] {
        let err = PrimaryDomain::parse(input).unwrap_err();
        assert_eq!(err.code(), "domain.lookalike", "{input}");
        let err = EmailAddress::parse(&format!("jeanne@{input}")).unwrap_err();
        assert_eq!(err.code(), "email.domain_lookalike", "{input}");
    }
    let err = PrimaryDomain::parse("ſhop.fr").unwrap_err();
    assert_eq!(
        err.to_string(),
        "domain \"ſhop.fr\" has the look-alike character U+017F at position 1, which would become \"s\": type the name in plain letters"
    );
    // Full-width ASCII and ideographic full stops still fold, as documented.
    assert_eq!(
        PrimaryDomain::parse("ａｃｍｅ．ｆｒ").unwrap().as_str(),
        "acme.fr"
    );
    assert_eq!(
        PrimaryDomain::parse("ＡＣＭＥ。fr").unwrap().as_str(),
        "acme.fr"
    );
    assert_eq!(
        EmailAddress::parse("a@ａｃｍｅ｡fr").unwrap().as_str(),
        "a@acme.fr"
    );
    // Unicode letters that only lowercase are not look-alikes: an address may use them.
    assert_eq!(
        EmailAddress::parse("a@BÜCHER.de").unwrap().domain_unicode(),
        "bücher.de"
    );
}

/// Characters whose UTS-46 mapping looks the same and which keyboards type: Thai and Lao AM,
/// Hangul compatibility jamo.
fn same_look(c: char) -> bool {
    matches!(c, '\u{e33}' | '\u{eb3}' | '\u{3131}'..='\u{318e}')
}

/// What the input may become: trimmed, full-width ASCII folded, ideographic full stops read as
/// dots, case folded (UTS-46 folds most scripts to lowercase, Cherokee to uppercase), the
/// same-look characters decomposed, NFC, less one trailing dot. A non-ASCII character never
/// becomes ASCII this way, but through full-width folding.
fn allowed_folding(input: &str) -> String {
    let uts46 = icu_normalizer::uts46::Uts46MapperBorrowed::new();
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let mut folded = String::new();
    for c in input.trim().chars() {
        match c {
            '\u{ff01}'..='\u{ff5e}' => {
                folded
                    .extend(char::from_u32(u32::from(c) - 0xfee0).map(|a| a.to_ascii_lowercase()));
            }
            '\u{3002}' | '\u{ff61}' => folded.push('.'),
            c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
            c => {
                let mapped: String = uts46.map_normalize(std::iter::once(c)).collect();
                let lower: String = c.to_lowercase().collect();
                let upper: String = c.to_uppercase().collect();
                let case_only = !mapped.is_ascii()
                    && (mapped == nfc.normalize(&lower) || mapped == nfc.normalize(&upper));
                if case_only || same_look(c) {
                    folded.push_str(&mapped);
                } else {
                    folded.push(c); // not an allowed folding: the law fails if accepted
                }
            }
        }
    }
    let nfc = nfc.normalize(&folded).into_owned();
    nfc.strip_suffix('.').map(str::to_owned).unwrap_or(nfc)
}

/// The law of bug 9 for one host: accepted as a primary domain or as an address's domain means
/// the name, in Unicode form, is the input after the allowed folding only.
#[track_caller]
fn check_folding_law(host: &str) {
    if let Ok(d) = PrimaryDomain::parse(host) {
        assert_eq!(d.as_str(), allowed_folding(host), "{host:?}");
    }
    if let Ok(e) = EmailAddress::parse(&format!("a@{host}")) {
        assert_eq!(e.domain_unicode(), allowed_folding(host), "{host:?}");
    }
}

/// Characters UTS-46 maps to something that looks different: refused wherever they stand.
const LOOKALIKES: [char; 16] = [
    '𝐚', '𝒄', '𝔪', '𝕖', 'ⓐ', 'Ⓐ', 'ſ', '㎏', 'ﬁ', '\u{212a}', '²', 'Ⅻ', 'ｱ', '🄰', 'ª', '℡',
];

#[test]
fn lookalike_sample_is_refused_everywhere() {
    for c in LOOKALIKES {
        for host in [
            format!("{c}acme.fr"),
            format!("ac{c}me.fr"),
            format!("acme{c}.fr"),
        ] {
            assert!(PrimaryDomain::parse(&host).is_err(), "{host}");
            assert!(EmailAddress::parse(&format!("a@{host}")).is_err(), "{host}");
        }
    }
}

/// Every non-ASCII character of the BMP and of the mathematical and enclosed alphanumerics, in
/// a name: accepted only if the law holds.
#[test]
fn folding_law_for_every_character() {
    let ranges = [0xa0..=0xffff_u32, 0x1d400..=0x1d7ff, 0x1f100..=0x1f1ff];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        check_folding_law(&format!("ac{c}me.fr"));
    }
}

fn folding_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        1 => select(&['-', '.', '0', '7'][..]),
        2 => prop::char::range('\u{ff21}', '\u{ff5a}'),
        1 => select(&['\u{3002}', '\u{ff61}', '\u{ff0e}', '\u{ff0d}'][..]),
        2 => select(&LOOKALIKES[..]),
        2 => select(&['ü', 'Ü', 'é', 'ß', 'ñ', 'п', 'Λ', '例', '\u{301}', 'İ', 'Σ'][..]),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// For any input: either the normalised output equals the input after only the allowed
    /// folding, or it is refused; an input with a look-alike is always refused.
    #[test]
    fn folding_law(chars in prop::collection::vec(folding_char(), 1..16), tld in select(&[".fr", ".com", "。de", "．ＤＥ."][..])) {
        let host: String = chars.into_iter().collect::<String>() + tld;
        check_folding_law(&host);
        if host.chars().any(|c| LOOKALIKES.contains(&c)) {
            prop_assert!(PrimaryDomain::parse(&host).is_err());
            let address = format!("a@{host}");
            prop_assert!(EmailAddress::parse(&address).is_err());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Item 12: never suggest a name that fails.

#[test]
fn suggestions_parse() {
    let err = PrimaryDomain::parse("www.www.acme.fr").unwrap_err();
    assert_eq!(err.code(), "domain.www");
    assert_eq!(err.suggestion(), Some("acme.fr"));
    assert_eq!(
        err.to_string(),
        "domain \"www.www.acme.fr\" starts with \"www.\": enter \"acme.fr\""
    );
    let err = PrimaryDomain::parse("www.gmail.com").unwrap_err();
    assert_eq!(err.code(), "domain.consumer");
    assert_eq!(err.suggestion(), None);
    let err = PrimaryDomain::parse("googlemail").unwrap_err();
    assert_eq!(err.code(), "domain.single_label");
    assert_eq!(err.suggestion(), None);
    assert!(!err.to_string().contains("googlemail.com"), "{err}");
    let err = PrimaryDomain::parse("intranet").unwrap_err();
    assert_eq!(err.suggestion(), Some("intranet.com"));
    // A suggestion too long to quote whole is not made.
    let long = format!("www.{}.fr", "a".repeat(62));
    let err = PrimaryDomain::parse(&long).unwrap_err();
    assert_eq!((err.code(), err.suggestion()), ("domain.www", None));
    assert!(err.to_string().ends_with("remove \"www.\""), "{err}");
}

fn suggestion_input() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        "[a-z0-9]{1,8}",
        select(
            &[
                "www",
                "gmail",
                "googlemail",
                "example",
                "localhost",
                "test",
                "co",
                "github",
                "com",
                "ck",
                "io"
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-z]{55,63}",
    ];
    (0usize..4, prop::collection::vec(label, 1..4))
        .prop_map(|(www, labels)| format!("{}{}", "www.".repeat(www), labels.join(".")))
}

fn any_rules() -> impl Strategy<Value = DomainRules> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(subdomain, private, custom)| {
        let rules = DomainRules::new()
            .allow_subdomain(subdomain)
            .allow_private_suffix(private);
        if custom {
            rules.suffix_list(SuffixList::parse("fr\nco.uk\nio\ngithub.io\n").expect("valid"))
        } else {
            rules
        }
    })
}

proptest! {
    #![proptest_config(config())]

    /// Every suggestion the crate makes parses with the rules that refused the input, and is
    /// quoted whole in both messages.
    #[test]
    fn every_suggestion_parses(input in suggestion_input(), rules in any_rules()) {
        if let Err(err) = PrimaryDomain::parse_with(&input, &rules) {
            if let Some(suggested) = err.suggestion() {
                prop_assert!(
                    PrimaryDomain::parse_with(suggested, &rules).is_ok(),
                    "{:?} suggests {:?}: {:?}", input, suggested, PrimaryDomain::parse_with(suggested, &rules)
                );
                for lang in [Lang::En, Lang::Fr] {
                    prop_assert!(err.message(lang).contains(suggested));
                }
            }
        }
    }
}
