//! Which serde formats the crate's types support, pinned (feature `serde`).
//!
//! The types serialise like Google's JSON: a struct's optional fields are **left out** when
//! empty (`skip_serializing_if`), as the APIs expect. That needs a self-describing format, one
//! that writes field names (JSON, YAML, TOML, CBOR, `MessagePack` with field names, RON): a
//! positional, non-self-describing format (postcard, bincode) cannot tell which fields were
//! left out, so a struct with an empty optional field does not come back. The README
//! ("Dependencies", serde) says so; these tests pin it, so that a change is noticed. Scalar
//! values (an `EmailAddress`, a `PrimaryDomain`) are plain strings and work in any format.
#![cfg(feature = "serde")]

use gws_onboarding::{
    EmailAddress, OnboardingForm, PostalAddress, PrimaryDomain, RawPostalAddress,
};

fn address(line2: Option<&str>) -> RawPostalAddress {
    RawPostalAddress {
        contact_name: "Jeanne Martin".into(),
        organization_name: "Acme SAS".into(),
        address_line1: "8 rue de Londres".into(),
        address_line2: line2.map(Into::into),
        address_line3: Some("Bâtiment B".into()),
        locality: Some("Paris".into()),
        region: Some("IDF".into()),
        postal_code: "75009".into(),
        country_code: "FR".into(),
    }
}

#[test]
fn self_describing_formats_round_trip_with_empty_optional_fields() {
    for raw in [address(None), address(Some("3e étage"))] {
        let json = serde_json::to_string(&raw).unwrap();
        assert_eq!(json.contains("addressLine2"), raw.address_line2.is_some());
        assert_eq!(
            serde_json::from_str::<RawPostalAddress>(&json).unwrap(),
            raw
        );
        let checked = PostalAddress::new(&raw).unwrap();
        let json = serde_json::to_string(&checked).unwrap();
        assert_eq!(
            serde_json::from_str::<PostalAddress>(&json).unwrap(),
            checked
        );
    }
    let form = OnboardingForm::sample_domain_customer();
    let json = serde_json::to_string(&form).unwrap();
    assert_eq!(serde_json::from_str::<OnboardingForm>(&json).unwrap(), form);
}

#[test]
fn positional_formats_do_not_bring_back_a_struct_with_an_empty_optional_field() {
    // Every optional field filled: nothing is left out, so even postcard round-trips.
    let full = address(Some("3e étage"));
    let bytes = postcard::to_allocvec(&full).unwrap();
    assert_eq!(
        postcard::from_bytes::<RawPostalAddress>(&bytes).unwrap(),
        full
    );
    // One optional field empty: it is left out, and postcard cannot know. The bytes are read
    // as other fields: an error here, never the original value.
    let sparse = address(None);
    let bytes = postcard::to_allocvec(&sparse).unwrap();
    let back = postcard::from_bytes::<RawPostalAddress>(&bytes);
    assert!(back.is_err(), "{back:?}");
    for raw in [
        RawPostalAddress {
            locality: None,
            ..full.clone()
        },
        RawPostalAddress {
            region: None,
            address_line3: None,
            ..full.clone()
        },
    ] {
        let bytes = postcard::to_allocvec(&raw).unwrap();
        assert_ne!(
            postcard::from_bytes::<RawPostalAddress>(&bytes).ok(),
            Some(raw)
        );
    }
    // The same for a whole form (the sample leaves optional fields empty).
    let form = OnboardingForm::sample_team_customer();
    let bytes = postcard::to_allocvec(&form).unwrap();
    assert_ne!(
        postcard::from_bytes::<OnboardingForm>(&bytes).ok(),
        Some(form)
    );
}

#[test]
fn scalar_values_work_in_any_format() {
    let email = EmailAddress::parse("Jeanne.Martin@Acme.fr").unwrap();
    let bytes = postcard::to_allocvec(&email).unwrap();
    assert_eq!(postcard::from_bytes::<EmailAddress>(&bytes).unwrap(), email);
    let domain = PrimaryDomain::parse("acme.fr").unwrap();
    let bytes = postcard::to_allocvec(&domain).unwrap();
    assert_eq!(
        postcard::from_bytes::<PrimaryDomain>(&bytes).unwrap(),
        domain
    );
    // And the checks still run: an invalid address in postcard bytes is refused.
    let bytes = postcard::to_allocvec("jeanne@localhost").unwrap();
    assert!(postcard::from_bytes::<EmailAddress>(&bytes).is_err());
}
