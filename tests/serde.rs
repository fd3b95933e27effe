//! serde: validated types (de)serialise as their canonical strings, and only through the parser.
#![cfg(feature = "serde")]

use gws_onboarding::{EmailAddress, Lang, PrimaryDomain};

#[track_caller]
fn assert_refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str, needle: &str) {
    match serde_json::from_str::<T>(json) {
        Ok(value) => panic!("{json} deserialised as {value:?}"),
        Err(err) => assert!(
            err.to_string().contains(needle),
            "{json}: error {err:?} does not mention {needle:?}"
        ),
    }
}

#[test]
fn primary_domain_round_trips_as_a_string() {
    let d = PrimaryDomain::parse(" Acme.CO.UK. ").unwrap();
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(json, "\"acme.co.uk\"");
    assert_eq!(serde_json::from_str::<PrimaryDomain>(&json).unwrap(), d);
    // Deserialising normalises like parsing.
    assert_eq!(
        serde_json::from_str::<PrimaryDomain>("\"ACME.co.uk.\"").unwrap(),
        d
    );
    // Borrowed and escaped strings alike.
    assert_eq!(
        serde_json::from_str::<PrimaryDomain>("\"acme\\u002eco.uk\"").unwrap(),
        d
    );
    let value = serde_json::to_value(&d).unwrap();
    assert_eq!(value, serde_json::json!("acme.co.uk"));
    assert_eq!(serde_json::from_value::<PrimaryDomain>(value).unwrap(), d);
}

#[test]
fn email_address_round_trips_as_a_string() {
    let e = EmailAddress::parse("Jane@Bücher.DE").unwrap();
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json, "\"jane@xn--bcher-kva.de\"");
    assert_eq!(serde_json::from_str::<EmailAddress>(&json).unwrap(), e);
    assert_eq!(
        serde_json::from_str::<EmailAddress>("\" JANE@bücher.de. \"").unwrap(),
        e
    );
}

#[test]
fn validated_types_round_trip_inside_structures() {
    let list: Vec<PrimaryDomain> = serde_json::from_str(r#"["acme.com", "shop.acme.fr"]"#).unwrap();
    assert_eq!(
        serde_json::to_string(&list).unwrap(),
        r#"["acme.com","shop.acme.fr"]"#
    );
    let map: std::collections::BTreeMap<String, EmailAddress> =
        serde_json::from_str(r#"{"admin": "Jo@Acme.com"}"#).unwrap();
    assert_eq!(map["admin"].as_str(), "jo@acme.com");
}

#[test]
fn deserialising_an_invalid_domain_fails_with_its_message() {
    for input in [
        "www.acme.com",
        "gmail.com",
        "https://acme.com",
        "co.uk",
        "bücher.de",
        "example.com",
        "foo.github.io",
        "",
    ] {
        let err = PrimaryDomain::parse(input).unwrap_err();
        let json = serde_json::to_string(input).unwrap();
        assert_refused::<PrimaryDomain>(&json, &err.message(Lang::En));
    }
}

#[test]
fn deserialising_an_invalid_email_fails_with_its_message() {
    for input in [
        "jane",
        "Jane <jane@acme.com>",
        "jane..doe@acme.com",
        "jane@example.com",
        "ja\u{202e}ne@acme.com",
        "jane@acme.notatld",
    ] {
        let err = EmailAddress::parse(input).unwrap_err();
        let json = serde_json::to_string(input).unwrap();
        assert_refused::<EmailAddress>(&json, &err.message(Lang::En));
    }
}

#[test]
fn deserialising_a_non_string_fails() {
    for json in [
        "42",
        "null",
        "true",
        "[\"acme.com\"]",
        "{\"domain\": \"acme.com\"}",
        "1.5",
    ] {
        assert_refused::<PrimaryDomain>(json, "invalid type");
        assert_refused::<EmailAddress>(json, "invalid type");
    }
}

proptest::proptest! {
    #[test]
    fn serde_round_trips_whatever_parses(
        local in "[a-z0-9._+-]{1,20}",
        name in "[a-zA-Z0-9-]{1,20}",
        suffix in proptest::sample::select(&["com", "fr", "co.uk", "de", "io"][..]),
    ) {
        let domain = format!("{name}.{suffix}");
        if let Ok(d) = PrimaryDomain::parse(&domain) {
            let json = serde_json::to_string(&d).unwrap();
            proptest::prop_assert_eq!(&json, &format!("\"{d}\""));
            proptest::prop_assert_eq!(serde_json::from_str::<PrimaryDomain>(&json).unwrap(), d);
        }
        if let Ok(e) = EmailAddress::parse(&format!("{local}@{domain}")) {
            let json = serde_json::to_string(&e).unwrap();
            proptest::prop_assert_eq!(&json, &format!("\"{e}\""));
            proptest::prop_assert_eq!(serde_json::from_str::<EmailAddress>(&json).unwrap(), e);
        }
    }
}
