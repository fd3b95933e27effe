//! Names as people type them: every closed set reads its display names, the names the crate
//! prints and Google's ids, in any case and spacing; an unknown name gets the nearest names;
//! over-long input is refused by its length.

use std::fmt::Debug;
use std::str::FromStr;

use gws_onboarding::customer::{CustomerKind, InstituteSize, InstituteType};
use gws_onboarding::lifecycle::SubscriptionStatus;
use gws_onboarding::order::Plan;
use gws_onboarding::{Addon, Edition, Lang, Product, ProductFamily, StorageSize};
use proptest::prelude::*;

/// Parses a spelling as one closed set, giving the value's `Debug` text.
type Parser = Box<dyn Fn(&str) -> Option<String>>;

/// A spelling, the `Debug` text of the value it names, and the parser of its set.
type Printed = (String, String, Parser);

/// Every `(spelling, parse result)` the crate prints or documents, for every closed set.
fn printed() -> Vec<Printed> {
    fn entry<T>(spelling: impl Into<String>, value: &T) -> Printed
    where
        T: FromStr + Debug + 'static,
    {
        (
            spelling.into(),
            format!("{value:?}"),
            Box::new(|s: &str| s.parse::<T>().ok().map(|v| format!("{v:?}"))),
        )
    }
    let mut out = Vec::new();
    for e in Edition::ALL {
        for s in [
            e.as_str().to_owned(),
            e.name().to_owned(),
            e.sku_id().to_owned(),
            e.to_string(),
        ] {
            out.push(entry(s.clone(), &e));
            out.push(entry(s, &Product::Edition(e)));
        }
    }
    for a in Addon::ALL {
        for s in [
            a.as_str().to_owned(),
            a.name(),
            a.sku_id().to_owned(),
            a.to_string(),
        ] {
            out.push(entry(s.clone(), &a));
            out.push(entry(s, &Product::Addon(a)));
        }
    }
    for f in ProductFamily::ALL {
        for s in [f.as_str().to_owned(), f.name().to_owned(), f.to_string()] {
            out.push(entry(s, &f));
        }
    }
    for size in StorageSize::ALL {
        for s in [
            size.as_str().to_owned(),
            size.label().to_owned(),
            size.to_string(),
        ] {
            out.push(entry(s, &size));
        }
    }
    for k in CustomerKind::ALL {
        out.push(entry(k.as_str(), k));
        out.push(entry(k.to_string(), k));
    }
    for t in InstituteType::ALL {
        out.push(entry(t.as_str(), t));
        out.push(entry(t.channel_name(), t));
    }
    for s in InstituteSize::ALL {
        out.push(entry(s.as_str(), s));
    }
    for s in SubscriptionStatus::ALL {
        out.push(entry(s.as_str(), s));
    }
    for p in Plan::ALL {
        for s in [
            p.as_str(),
            p.reseller_plan_name(),
            p.name(Lang::En),
            p.name(Lang::Fr),
        ] {
            out.push(entry(s, &p));
        }
    }
    out
}

#[test]
fn issue_examples_are_read() {
    let edition = |s: &str| s.parse::<Edition>();
    for (input, expected) in [
        ("Business Standard", Edition::BusinessStandard),
        (
            "Google Workspace Business Standard",
            Edition::BusinessStandard,
        ),
        (
            "google workspace business standard",
            Edition::BusinessStandard,
        ),
        ("G Suite Business Standard", Edition::BusinessStandard),
        ("BUSINESS_STANDARD", Edition::BusinessStandard),
        ("  business -- standard  ", Edition::BusinessStandard),
        ("1010020028", Edition::BusinessStandard),
        ("Cloud Identity Premium", Edition::CloudIdentityPremium),
        ("1010050001", Edition::CloudIdentityPremium),
        (
            "Enterprise Essentials Plus",
            Edition::EnterpriseEssentialsPlus,
        ),
        (
            "Google Workspace for Education Plus",
            Edition::EducationPlus,
        ),
        ("Education Fundamentals", Edition::EducationFundamentals),
        ("Google-Apps-For-Education", Edition::EducationFundamentals),
        (
            "\u{3000}Frontline Starter\u{3000}",
            Edition::FrontlineStarter,
        ),
    ] {
        assert_eq!(edition(input), Ok(expected), "{input:?}");
    }
    assert_eq!(
        "Google Workspace".parse::<ProductFamily>(),
        Ok(ProductFamily::GoogleWorkspace)
    );
    assert_eq!(
        "Google-Apps".parse::<ProductFamily>(),
        Ok(ProductFamily::GoogleWorkspace)
    );
    assert_eq!(
        "101001".parse::<ProductFamily>(),
        Ok(ProductFamily::CloudIdentity)
    );
    assert_eq!(
        "Cloud Identity".parse::<ProductFamily>(),
        Ok(ProductFamily::CloudIdentity)
    );
    assert_eq!("Google-Vault".parse::<Addon>(), Ok(Addon::Vault));
    assert_eq!("Google Vault".parse::<Addon>(), Ok(Addon::Vault));
    assert_eq!(
        "Google-Drive-storage-20GB".parse::<Addon>(),
        Ok(Addon::Storage(StorageSize::Gb20))
    );
    assert_eq!(
        "Google Workspace Additional Storage 1TB".parse::<Product>(),
        Ok(Product::Addon(Addon::Storage(StorageSize::Tb1)))
    );
    assert_eq!(" 20 GB ".parse::<StorageSize>(), Ok(StorageSize::Gb20));
    assert_eq!("1 To".parse::<StorageSize>(), Ok(StorageSize::Tb1));
    assert_eq!("DOMAIN".parse::<CustomerKind>(), Ok(CustomerKind::Domain));
    assert_eq!("TEAM".parse::<CustomerKind>(), Ok(CustomerKind::Team));
    assert_eq!(
        "Team customer".parse::<CustomerKind>(),
        Ok(CustomerKind::Team)
    );
    assert_eq!("K-12".parse::<InstituteType>(), Ok(InstituteType::K12));
    assert_eq!("K12".parse::<InstituteType>(), Ok(InstituteType::K12));
    assert_eq!(
        "University".parse::<InstituteType>(),
        Ok(InstituteType::University)
    );
    assert_eq!(
        "UNIVERSITY".parse::<InstituteType>(),
        Ok(InstituteType::University)
    );
    assert_eq!(
        "1-100".parse::<InstituteSize>(),
        Ok(InstituteSize::Size1To100)
    );
    assert_eq!(
        "SIZE_1_100".parse::<InstituteSize>(),
        Ok(InstituteSize::Size1To100)
    );
    assert_eq!(
        "1,001 to 2,000".parse::<InstituteSize>(),
        Ok(InstituteSize::Size1001To2000)
    );
    assert_eq!(
        "10001+".parse::<InstituteSize>(),
        Ok(InstituteSize::Size10001OrMore)
    );
}

#[test]
fn plans_are_read_by_the_shared_matcher() {
    assert_eq!(
        "Annual Monthly Pay".parse::<Plan>(),
        Ok(Plan::AnnualMonthly)
    );
    assert_eq!("ANNUAL".parse::<Plan>(), Ok(Plan::AnnualMonthly));
    assert_eq!("Flexible Plan".parse::<Plan>(), Ok(Plan::Flexible));
    assert_eq!("essai gratuit".parse::<Plan>(), Ok(Plan::Trial));
    assert_eq!(
        "monthly".parse::<Plan>().unwrap_err().code(),
        "order.unknown_plan"
    );
}

#[test]
fn unknown_names_get_the_nearest_or_the_list_in_both_languages() {
    let err = "busines-plus".parse::<Edition>().unwrap_err();
    assert_eq!(err.code(), "product.unknown_edition");
    assert_eq!(
        err.message(Lang::En),
        "unknown edition \"busines-plus\": did you mean `business-plus`?"
    );
    assert_eq!(
        err.message(Lang::Fr),
        "édition inconnue « busines-plus » : vouliez-vous dire « business-plus » ?"
    );
    let err = "reseller".parse::<CustomerKind>().unwrap_err();
    assert_eq!(err.suggestions().names(), ["domain", "team"]);
    assert!(!err.suggestions().is_near());
    assert!(
        err.message(Lang::En)
            .ends_with("expected one of `domain`, `team`")
    );
    assert!(
        err.message(Lang::Fr)
            .ends_with("valeurs possibles « domain », « team »")
    );
    let err = "univercity".parse::<InstituteType>().unwrap_err();
    assert_eq!(err.suggestions().names(), ["university"]);
    let err = "google-drive".parse::<ProductFamily>().unwrap_err();
    assert_eq!(err.code(), "product.unknown_family");
    let err = "vaulted".parse::<Product>().unwrap_err();
    assert_eq!(err.suggestions().names()[0], "vault");
    // Far from every edition: the three closest, never a 17-name list.
    let err = "zzzz".parse::<Edition>().unwrap_err();
    assert_eq!(err.suggestions().names().len(), 3);
    for lang in [Lang::En, Lang::Fr] {
        assert!(err.message(lang).chars().count() < 300);
    }
}

#[test]
fn over_long_input_is_refused_by_its_length() {
    // Issue 9: 10 MB of U+3000 in `edition`.
    let wide = "\u{3000}".repeat(10 * 1024 * 1024 / 3);
    let err = wide.parse::<Edition>().unwrap_err();
    assert_eq!(err.code(), "product.unknown_edition");
    assert!(err.suggestions().is_too_long());
    assert!(err.message(Lang::En).chars().count() < 300);
    assert_eq!(
        wide.parse::<CustomerKind>().unwrap_err().code(),
        "value.unknown"
    );
    // `StorageSize` trims like the others.
    assert_eq!(
        "\t16tb \u{3000}".parse::<StorageSize>(),
        Ok(StorageSize::Tb16)
    );
}

/// Changes the case and the spacing of `s` the way people do: random case per letter, each
/// separator replaced by a run of spaces, hyphens or underscores, padding around.
fn respell(s: &str, seed: &[u8]) -> String {
    let mut out = String::new();
    let mut bits = seed.iter().copied().cycle();
    let mut next = || bits.next().unwrap_or(0);
    out.push_str([" ", "", "\t", "\u{3000}"][usize::from(next() % 4)]);
    for c in s.chars() {
        if matches!(c, ' ' | '-' | '_') {
            let run = 1 + usize::from(next() % 3);
            for _ in 0..run {
                out.push([' ', '-', '_', ' '][usize::from(next() % 4)]);
            }
        } else if next() % 2 == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out.push_str(["", "  ", "\n"][usize::from(next() % 3)]);
    out
}

proptest! {
    /// For every value of every closed set and every spelling the crate prints, parsing gives
    /// the value back, also after random changes of case and spacing.
    #[test]
    fn every_printed_spelling_is_read_back(seed in proptest::collection::vec(any::<u8>(), 1..32)) {
        for (spelling, expected, parse) in printed() {
            let read = parse(&spelling);
            prop_assert_eq!(read.as_deref(), Some(expected.as_str()), "{}", spelling);
            let respelled = respell(&spelling, &seed);
            let read = parse(&respelled);
            prop_assert_eq!(read.as_deref(), Some(expected.as_str()), "{:?}", respelled);
        }
    }

    /// Parsing never panics, and any input over 192 bytes is refused with the set's code
    /// whatever it holds.
    #[test]
    fn any_input_is_answered_and_long_input_refused(s in "\\PC{0,40}", pad in 193usize..4000) {
        let _ = s.parse::<Edition>();
        let _ = s.parse::<Product>();
        let _ = s.parse::<InstituteSize>();
        let long = format!("{s}{}", " ".repeat(pad));
        let err = long.parse::<Edition>().unwrap_err();
        prop_assert_eq!(err.code(), "product.unknown_edition");
        prop_assert!(err.suggestions().is_too_long());
        let err = long.parse::<CustomerKind>().unwrap_err();
        prop_assert_eq!(err.code(), "value.unknown");
        prop_assert!(err.suggestions().is_too_long());
        prop_assert_eq!(long.parse::<StorageSize>().unwrap_err().code(), "product.unknown");
        prop_assert_eq!(long.parse::<ProductFamily>().unwrap_err().code(), "product.unknown_family");
    }

    /// One typo in a canonical name is read, or answered with that name among the suggestions.
    #[test]
    fn one_typo_is_suggested(index in 0usize..17, at in any::<proptest::sample::Index>(), ch in "[a-z]") {
        let edition = Edition::ALL[index];
        let name = edition.as_str();
        let position = at.index(name.len());
        let typo = format!("{}{}{}", &name[..position], ch, &name[position + 1..]);
        match typo.parse::<Edition>() {
            Ok(found) => prop_assert_eq!(found, edition),
            Err(err) => prop_assert!(
                err.suggestions().names().contains(&name),
                "{:?} suggests {:?}", typo, err.suggestions().names()
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Known confusions get a direct suggestion.

#[test]
fn country_aliases_name_the_iso_code() {
    use gws_onboarding::CountryCode;
    for (alias, code) in [
        ("UK", "GB"),
        ("uk", "GB"),
        (" El ", "GR"),
        ("FX", "FR"),
        ("ZR", "CD"),
    ] {
        let err = CountryCode::parse(alias).unwrap_err();
        assert_eq!(err.code(), "country.unassigned", "{alias}");
        assert_eq!(
            err.suggestion().map(CountryCode::as_str),
            Some(code),
            "{alias}"
        );
        assert!(
            err.message(Lang::En)
                .ends_with(&format!("did you mean `{code}`?"))
        );
        assert!(
            err.message(Lang::Fr)
                .ends_with(&format!("vouliez-vous dire « {code} » ?"))
        );
    }
    assert_eq!(CountryCode::parse("XX").unwrap_err().suggestion(), None);
    assert_eq!(CountryCode::parse("EU").unwrap_err().suggestion(), None);
}

#[test]
fn posix_locale_names_are_read_as_bcp47() {
    use gws_onboarding::LanguageCode;
    assert_eq!(LanguageCode::parse("fr_FR").unwrap().as_str(), "fr-FR");
    assert_eq!(
        LanguageCode::parse("zh_hant_tw").unwrap().as_str(),
        "zh-Hant-TW"
    );
}

#[test]
fn two_addresses_in_one_field_have_their_own_code() {
    use gws_onboarding::EmailAddress;
    for input in [
        "a@x.de; b@x.de",
        "a@x.de, b@x.de",
        "a@x.de b@x.de",
        "a@x.de\nb@x.de",
        "a@x.de;b@x.de;c@x.de",
        "Jeanne <a@x.de>, Paul <b@x.de>",
    ] {
        let err = EmailAddress::parse(input).unwrap_err();
        assert_eq!(err.code(), "email.multiple", "{input:?}");
        assert!(err.message(Lang::En).ends_with("enter one address only"));
        assert!(
            err.message(Lang::Fr)
                .ends_with("saisissez une seule adresse")
        );
    }
    // One address with two @ stays what it was.
    assert_eq!(
        EmailAddress::parse("a@b@x.de").unwrap_err().code(),
        "email.multiple_at"
    );
}

proptest! {
    /// Every list of two to four addresses, whatever the separators, is `email.multiple`.
    #[test]
    fn any_list_of_addresses_is_multiple(
        locals in proptest::collection::vec("[a-z]{1,8}", 2..5),
        seps in proptest::collection::vec(proptest::sample::select(vec![";", ",", " ", "\n", "; ", " , ", "\r\n", "\t"]), 4),
    ) {
        let mut input = String::new();
        for (i, local) in locals.iter().enumerate() {
            if i > 0 {
                input.push_str(seps[i - 1]);
            }
            input.push_str(local);
            input.push_str("@acme-widgets.fr");
        }
        let err = gws_onboarding::EmailAddress::parse(&input).unwrap_err();
        prop_assert_eq!(err.code(), "email.multiple", "{:?}", input);
    }
}
