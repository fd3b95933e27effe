//! Input as salespeople type it: the console's French labels, full-width text from an IME in
//! every closed set and code, French apostrophes and dropped accents; and values quoted in a
//! message never start with a bare combining mark.

use std::fmt::Debug;
use std::str::FromStr;

use gws_onboarding::customer::{CustomerKind, InstituteSize, InstituteType};
use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::lifecycle::SubscriptionStatus;
use gws_onboarding::order::Plan;
use gws_onboarding::{
    Addon, CountryCode, Edition, Lang, LanguageCode, Product, ProductFamily, Sku, StorageSize,
};
use proptest::prelude::*;

/// `s` in full-width form: every printable ASCII character but the space moved to U+FF01..FF5E.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) + 0xfee0).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

#[allow(clippy::needless_pass_by_value)] // called with values, like `assert_eq!`
fn reads<T: FromStr + PartialEq + Debug>(label: &str, expected: T) {
    let read = label.parse::<T>().ok();
    assert_eq!(read.as_ref(), Some(&expected), "{label:?}");
}

/// Every value of every closed set, by one of its French console labels (and the help
/// article's own words for the customer types).
#[test]
fn every_french_console_label_is_read() {
    for (label, kind) in [
        ("Client d'un domaine", CustomerKind::Domain),
        ("Client d’un domaine", CustomerKind::Domain),
        ("client d un domaine", CustomerKind::Domain),
        ("Client dans une équipe", CustomerKind::Team),
        ("Client dans une equipe", CustomerKind::Team),
        ("CLIENT DANS UNE ÉQUIPE", CustomerKind::Team),
        ("Établissement d'enseignement", CustomerKind::Domain),
        ("Etablissement d’enseignement", CustomerKind::Domain),
    ] {
        reads(label, kind);
    }
    for (label, t) in [
        ("Enseignement primaire et secondaire", InstituteType::K12),
        ("Primaire et secondaire", InstituteType::K12),
        ("Enseignement supérieur", InstituteType::University),
        ("Université", InstituteType::University),
        (
            "Établissement d'enseignement supérieur",
            InstituteType::University,
        ),
    ] {
        reads(label, t);
    }
    for (label, size) in [
        ("1 à 100", InstituteSize::Size1To100),
        ("101 à 500", InstituteSize::Size101To500),
        ("501 à 1 000", InstituteSize::Size501To1000),
        ("1 001 à 2 000", InstituteSize::Size1001To2000),
        ("de 2 001 à 5 000", InstituteSize::Size2001To5000),
        ("5 001 à 10 000", InstituteSize::Size5001To10000),
        ("Plus de 10 000", InstituteSize::Size10001OrMore),
    ] {
        reads(label, size);
    }
    for &status in SubscriptionStatus::ALL {
        reads(status.label(Lang::Fr), status);
        reads(status.label(Lang::En), status);
    }
    for plan in Plan::ALL {
        reads(plan.name(Lang::Fr), plan);
    }
    for size in StorageSize::ALL {
        reads(
            &size.to_string().replace("GB", " Go").replace("TB", " To"),
            size,
        );
    }
    for (label, family) in [
        ("Google Workspace", ProductFamily::GoogleWorkspace),
        ("Cloud Identity", ProductFamily::CloudIdentity),
        ("Google Vault", ProductFamily::GoogleVault),
        ("Stockage supplémentaire", ProductFamily::AdditionalStorage),
    ] {
        reads(label, family);
    }
    // Product names are Google's brands, the same in the French console.
    for edition in Edition::ALL {
        reads(edition.name(), edition);
    }
}

/// The help article's "Établissement d'enseignement" typed as the customer type is a domain
/// customer that is a school: the form then asks for the institution's type.
#[test]
fn an_educational_institution_typed_as_the_customer_type_asks_for_its_type() {
    let mut raw = OnboardingForm::sample_domain_customer();
    raw.customer_type = "Établissement d'enseignement".into();
    raw.educational_institution = None;
    let report = form::validate(&raw, &Policy::default()).unwrap_err();
    let found: Vec<(&str, &str)> = report.errors().map(|v| (v.field(), v.code())).collect();
    assert_eq!(
        found,
        [("educationalInstitution.instituteType", "form.required")]
    );
}

/// A name, and whether a text reads as the value it names.
type Named = (String, Box<dyn Fn(&str) -> bool>);

/// Every closed set's values by every name the crate prints.
fn names() -> Vec<Named> {
    fn entry<T: FromStr + PartialEq + 'static>(name: String, value: T) -> Named {
        (
            name,
            Box::new(move |s: &str| s.parse::<T>().is_ok_and(|v| v == value)),
        )
    }
    let mut out = Vec::new();
    for e in Edition::ALL {
        for name in [e.as_str(), e.name(), e.sku_id()] {
            out.push(entry(name.to_owned(), e));
            out.push(entry(name.to_owned(), Product::Edition(e)));
        }
    }
    for a in Addon::ALL {
        out.push(entry(a.as_str().to_owned(), a));
        out.push(entry(a.sku_id().to_owned(), a));
    }
    for &k in CustomerKind::ALL {
        out.push(entry(k.as_str().to_owned(), k));
    }
    for &t in InstituteType::ALL {
        out.push(entry(t.channel_name().to_owned(), t));
    }
    for &s in InstituteSize::ALL {
        out.push(entry(s.as_str().to_owned(), s));
    }
    for p in Plan::ALL {
        out.push(entry(p.reseller_plan_name().to_owned(), p));
        out.push(entry(p.as_str().to_owned(), p));
    }
    for f in ProductFamily::ALL {
        out.push(entry(f.as_str().to_owned(), f));
    }
    for s in StorageSize::ALL {
        out.push(entry(s.as_str().to_owned(), s));
    }
    for &s in SubscriptionStatus::ALL {
        out.push(entry(s.as_str().to_owned(), s));
    }
    out
}

/// A combining mark: from the combining diacritical marks, their extensions and supplement,
/// the marks for symbols and the half marks.
fn combining_mark() -> impl Strategy<Value = char> {
    prop_oneof![
        0x300u32..=0x36f,
        0x1ab0u32..=0x1ace,
        0x1dc0u32..=0x1dff,
        0x20d0u32..=0x20f0,
        0xfe20u32..=0xfe2f,
    ]
    .prop_map(|c| char::from_u32(c).unwrap_or('\u{301}'))
}

/// The character after each opening quote of `message` (`"` in English, `« ` in French).
fn after_quotes(message: &str) -> Vec<char> {
    let mut out = Vec::new();
    for (i, _) in message.match_indices(['"', '«']) {
        let rest = message[i..].chars().skip(1);
        let mut rest = rest.skip_while(|&c| c == ' ' || c == '\u{a0}' || c == '\u{202f}');
        if let Some(c) = rest.next() {
            out.push(c);
        }
    }
    out
}

proptest! {
    /// Full-width ASCII, as an IME types it, names the same value in every closed set.
    #[test]
    fn full_width_names_are_read(index in any::<proptest::sample::Index>()) {
        let names = names();
        let (name, reads) = &names[index.index(names.len())];
        prop_assert!(reads(name), "{}", name);
        prop_assert!(reads(&full_width(name)), "{}", full_width(name));
    }

    /// Full-width codes are the same codes: countries, languages, SKU ids.
    #[test]
    fn full_width_codes_are_read(
        country in any::<proptest::sample::Index>(),
        edition in any::<proptest::sample::Index>(),
        region in any::<proptest::sample::Index>(),
        language in prop::sample::select(vec!["fr", "en", "de", "es", "it", "nl", "pt", "ja", "zh"]),
    ) {
        let countries: Vec<CountryCode> = CountryCode::all().collect();
        let code = countries[country.index(countries.len())];
        prop_assert_eq!(CountryCode::parse(&full_width(code.as_str())), Ok(code));
        prop_assert_eq!(CountryCode::parse(&full_width(&code.as_str().to_lowercase())), Ok(code));
        let region = countries[region.index(countries.len())];
        let tag = format!("{language}-{}", region.as_str());
        let typed = full_width(&tag);
        prop_assert_eq!(
            LanguageCode::parse(&typed).map(|l| l.to_string()),
            LanguageCode::parse(&tag).map(|l| l.to_string()),
            "{}", typed
        );
        let e = Edition::ALL[edition.index(Edition::ALL.len())];
        let sku = Sku::parse(&full_width(e.product_id()), &full_width(e.sku_id()));
        prop_assert_eq!(sku.map(|s| s.edition()), Ok(Some(e)));
    }

    /// However many combining marks a value starts with, a message quotes none of them raw
    /// right after its opening quote: they would stack on the quote.
    #[test]
    fn a_quoted_value_never_starts_with_a_bare_mark(
        mark in combining_mark(),
        count in 1usize..300,
        rest in "[a-z]{0,8}",
    ) {
        let value = format!("{}{rest}", mark.to_string().repeat(count));
        let messages = [
            value.parse::<Edition>().map(|_| ()).map_err(|e| (e.message(Lang::En), e.message(Lang::Fr))),
            value.parse::<CustomerKind>().map(|_| ()).map_err(|e| (e.message(Lang::En), e.message(Lang::Fr))),
            CountryCode::parse(&value).map(|_| ()).map_err(|e| (e.message(Lang::En), e.message(Lang::Fr))),
        ];
        for result in messages {
            let (en, fr) = result.expect_err("a mark is no name");
            for message in [en, fr] {
                for c in after_quotes(&message) {
                    prop_assert!(
                        !('\u{300}'..='\u{36f}').contains(&c) && c != mark,
                        "{:?}", message
                    );
                }
            }
        }
    }
}

/// The form's top-level JSON keys.
#[cfg(feature = "serde")]
const TOP_LEVEL: [&str; 15] = [
    "customerType",
    "productFamily",
    "edition",
    "educationalInstitution",
    "organizationName",
    "domain",
    "postalAddress",
    "phoneNumber",
    "admin",
    "secondaryEmail",
    "languageCode",
    "crmId",
    "hasWorkspaceForNonprofits",
    "hasLegacyFreeEdition",
    "order",
];

/// A typing slip on `name`: a letter dropped, two swapped, one doubled, or the case changed.
#[cfg(feature = "serde")]
fn slip(name: &str, at: usize, kind: u8) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let at = at % (chars.len() - 1);
    match kind % 4 {
        0 => {
            chars.remove(at);
        }
        1 => chars.swap(at, at + 1),
        2 => chars.insert(at, chars[at]),
        _ => chars[at] = chars[at].to_ascii_uppercase(),
    }
    let slipped: String = chars.into_iter().collect();
    if slipped == name {
        // Swapping or upper-casing changed nothing: drop the letter instead.
        let mut chars: Vec<char> = name.chars().collect();
        chars.remove(at);
        chars.into_iter().collect()
    } else {
        slipped
    }
}

/// The sample domain customer's JSON with `key: value` added at the top or under `admin`.
#[cfg(feature = "serde")]
fn with_key(under_admin: bool, key: &str) -> OnboardingForm {
    let mut json = serde_json::to_value(OnboardingForm::sample_domain_customer()).expect("a form");
    let object = if under_admin {
        &mut json["admin"]
    } else {
        &mut json
    };
    object
        .as_object_mut()
        .expect("an object")
        .insert(key.to_owned(), "it@example.net".into());
    serde_json::from_value(json).expect("a form with one more key is still a form")
}

#[cfg(feature = "serde")]
proptest! {
    /// A misspelled key is a warning on its own path that names the field meant; the form stays
    /// valid. With `refuse_unknown_fields` the same key is an error and there is no customer.
    #[test]
    fn a_misspelled_key_is_a_warning_naming_the_field(
        name in prop::sample::select(TOP_LEVEL.to_vec()),
        at in 0usize..64,
        kind in any::<u8>(),
    ) {
        let typed = slip(name, at, kind);
        prop_assume!(!TOP_LEVEL.contains(&typed.as_str()));
        let form = with_key(false, &typed);
        let unknown: Vec<_> = form.input_problems.unknown_fields().collect();
        prop_assert_eq!(unknown.len(), 1);
        prop_assert_eq!(unknown[0].path(), typed.as_str());
        prop_assert!(unknown[0].nearest().is_some(), "{} has no nearest field", typed);

        let lenient = form::check(&form, &Policy::default());
        prop_assert!(lenient.customer().is_some(), "{}", lenient.report());
        let warning = lenient
            .report()
            .warnings()
            .find(|v| v.code() == "form.unknown_field")
            .expect("a warning");
        prop_assert_eq!(warning.field(), typed.as_str());
        let meant = unknown[0].nearest().unwrap_or_default();
        let (en, fr) = (warning.message(Lang::En), warning.message(Lang::Fr));
        prop_assert!(en.contains(&format!("did you mean \"{meant}\"")), "{}", en);
        prop_assert!(fr.contains(&format!("vouliez-vous dire « {meant} »")), "{}", fr);

        let strict = form::check(&form, &Policy::new().refuse_unknown_fields(true));
        prop_assert!(strict.customer().is_none());
        prop_assert!(strict.report().errors().any(|v| v.code() == "form.unknown_field"
            && v.field() == typed));
    }

    /// Any key that names no field, of any length and script, at the top or in a nested
    /// object, is reported once, quoted safely and cut, and changes nothing else.
    #[test]
    fn any_unknown_key_is_reported_and_changes_nothing_else(
        key in prop_oneof![".{0,40}", ".{200,3000}"],
        under_admin in any::<bool>(),
    ) {
        let known: &[&str] = if under_admin { &["email", "firstName", "lastName"] } else { &TOP_LEVEL };
        prop_assume!(!known.contains(&key.as_str()));
        let form = with_key(under_admin, &key);
        let outcome = form::check(&form, &Policy::default());
        prop_assert!(outcome.customer().is_some(), "{}", outcome.report());
        let warnings: Vec<_> = outcome.report().warnings()
            .filter(|v| v.code() == "form.unknown_field")
            .collect();
        prop_assert_eq!(warnings.len(), 1);
        let path = warnings[0].field();
        prop_assert!(!path.is_empty());
        prop_assert_eq!(path.starts_with("admin."), under_admin);
        prop_assert!(path.chars().count() <= 64 + "admin.".len() + 8, "{} chars", path.chars().count());
        let unsafe_char = |c: char| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c);
        prop_assert!(!path.chars().any(unsafe_char), "{:?}", path);
    }
}
