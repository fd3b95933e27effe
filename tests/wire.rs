//! Wire formats: golden JSON for every body, the `customers.get` reader and its errors, and
//! serde round trips over generated customers.
#![cfg(feature = "serde")]

#[path = "common/golden.rs"]
mod golden;
use golden::{assert_golden, golden_path};

use gws_onboarding::form::{self, OnboardingForm, Policy, RawAdmin, RawEducation};
use gws_onboarding::lifecycle::AccountSnapshot;
use gws_onboarding::wire::{WireError, channel, reseller};
use gws_onboarding::{
    Customer, CustomerKind, Diagnostic, Lang, PostalAddress, RawPostalAddress, Severity,
};
use proptest::prelude::*;
use serde_json::{Value, json};

#[track_caller]
fn customer(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|report| panic!("{report}"))
}

/// A French secondary school: a domain customer with education data.
fn sample_edu_form() -> OnboardingForm {
    OnboardingForm {
        edition: Some("education-fundamentals".into()),
        organization_name: "Lycée Jean Moulin".into(),
        domain: "lycee-moulin.fr".into(),
        postal_address: RawPostalAddress {
            contact_name: "Claire Dubois".into(),
            organization_name: String::new(),
            address_line1: "2 avenue Jean Moulin".into(),
            address_line2: Some("Bâtiment A".into()),
            address_line3: Some("Secrétariat".into()),
            locality: Some("Lyon".into()),
            region: Some("Auvergne-Rhône-Alpes".into()),
            postal_code: "69003".into(),
            country_code: "FR".into(),
        },
        phone_number: Some("+33 4 78 00 00 00".into()),
        admin: RawAdmin {
            email: "claire.dubois@lycee-moulin.fr".into(),
            first_name: Some("Claire".into()),
            last_name: Some("Dubois".into()),
        },
        secondary_email: Some("education@reseller-example.de".into()),
        language_code: Some("fr".into()),
        crm_id: None,
        educational_institution: Some(RawEducation {
            institute_type: "k12".into(),
            institute_size: Some("SIZE_501_1000".into()),
            website: Some("www.lycee-moulin.fr".into()),
        }),
        ..OnboardingForm::sample_domain_customer()
    }
}

fn to_value<T: serde::Serialize>(body: &T) -> Value {
    serde_json::to_value(body).unwrap()
}

// ---------------------------------------------------------------- golden bodies

#[test]
fn reseller_insert_domain_golden() {
    let c = customer(&OnboardingForm::sample_domain_customer());
    assert_golden(
        "reseller_insert_domain.json",
        &to_value(&reseller::insert_body(&c)),
    );
}

#[test]
fn reseller_insert_team_golden() {
    let c = customer(&OnboardingForm::sample_team_customer());
    assert_golden(
        "reseller_insert_team.json",
        &to_value(&reseller::insert_body(&c)),
    );
}

#[test]
fn channel_create_domain_golden() {
    let c = customer(&OnboardingForm::sample_domain_customer());
    assert_golden(
        "channel_create_domain.json",
        &to_value(&channel::create_body(&c)),
    );
}

#[test]
fn channel_create_team_golden() {
    let c = customer(&OnboardingForm::sample_team_customer());
    assert_golden(
        "channel_create_team.json",
        &to_value(&channel::create_body(&c)),
    );
}

#[test]
fn channel_create_edu_golden() {
    let c = customer(&sample_edu_form());
    assert_golden(
        "channel_create_edu.json",
        &to_value(&channel::create_body(&c)),
    );
}

#[test]
fn from_and_functions_agree() {
    let c = customer(&sample_edu_form());
    assert_eq!(reseller::insert_body(&c), reseller::CustomerBody::from(&c));
    assert_eq!(
        channel::create_body(&c),
        channel::CreateCustomerBody::from(&c)
    );
}

#[test]
fn golden_bodies_read_back() {
    for (form, reseller_file, channel_file) in [
        (
            OnboardingForm::sample_domain_customer(),
            "reseller_insert_domain.json",
            "channel_create_domain.json",
        ),
        (
            OnboardingForm::sample_team_customer(),
            "reseller_insert_team.json",
            "channel_create_team.json",
        ),
    ] {
        let c = customer(&form);
        let text = std::fs::read_to_string(golden_path(reseller_file)).unwrap();
        let body: reseller::CustomerBody = serde_json::from_str(&text).unwrap();
        assert_eq!(body, reseller::insert_body(&c));
        let text = std::fs::read_to_string(golden_path(channel_file)).unwrap();
        let body: channel::CreateCustomerBody = serde_json::from_str(&text).unwrap();
        assert_eq!(body, channel::create_body(&c));
    }
}

// ---------------------------------------------------------------- bodies: exact spellings

#[test]
fn reseller_body_refuses_other_spellings() {
    let c = customer(&OnboardingForm::sample_domain_customer());
    let good = to_value(&reseller::insert_body(&c));
    let with = |key: &str, value: Value| {
        let mut v = good.clone();
        v[key] = value;
        serde_json::from_value::<reseller::CustomerBody>(v)
    };
    assert!(with("customerType", json!("DOMAIN")).is_err());
    assert!(with("customerType", json!("customerTypeUnspecified")).is_err());
    let err = with("kind", json!("reseller#subscription")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "field kind is \"reseller#subscription\", expected \"reseller#customer\""
    );
    assert!(with("customerDomain", json!("www.acme-widgets.fr")).is_err());
    assert!(with("phoneNumber", json!("01 42 68 53 00")).is_err());
    // `kind` may be left out; unknown fields are ignored.
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("kind");
    v["futureField"] = json!(true);
    assert_eq!(
        serde_json::from_value::<reseller::CustomerBody>(v).unwrap(),
        reseller::insert_body(&c)
    );
}

#[test]
fn channel_body_refuses_other_spellings() {
    let c = customer(&sample_edu_form());
    let good = to_value(&channel::create_body(&c));
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        serde_json::from_value::<channel::CreateCustomerBody>(v)
    };
    assert!(edit(&|v| v["domain"] = json!("www.lycee-moulin.fr")).is_err());
    let err =
        edit(&|v| v["orgPostalAddress"]["addressLines"] = json!(["a", "b", "c", "d"])).unwrap_err();
    assert!(err.to_string().starts_with(
        "orgPostalAddress.addressLines has 4 lines, more than the 3 a customer address has"
    ));
    assert!(edit(&|v| v["orgPostalAddress"]["recipients"] = json!(["A", "B"])).is_err());
    let err = edit(&|v| v["orgPostalAddress"]["regionCode"] = json!("UK")).unwrap_err();
    assert!(err.to_string().starts_with("orgPostalAddress: "), "{err}");
    // Output-only fields of a `customers.get` answer are ignored.
    let read = edit(&|v| {
        v["name"] = json!("accounts/C012345/customers/abc");
        v["cloudIdentityId"] = json!("C0abc");
        v["primaryContactInfo"]["displayName"] = json!("Claire Dubois");
        v["cloudIdentityInfo"] = json!({"customerType": "DOMAIN", "isDomainVerified": false});
        v["orgPostalAddress"]["revision"] = json!(0);
    })
    .unwrap();
    assert_eq!(read, channel::create_body(&c));
}

#[test]
fn channel_create_body_leaves_type_and_education_to_provisioning() {
    let c = customer(&sample_edu_form());
    let v = to_value(&channel::create_body(&c));
    assert!(v.get("eduData").is_none());
    assert!(v.get("cloudIdentityInfo").is_none());
    let info = channel::CloudIdentityInfo::for_customer(&c);
    let v = to_value(&info);
    assert_eq!(
        v["eduData"],
        json!({
            "instituteType": "K12",
            "instituteSize": "SIZE_501_1000",
            "website": "https://www.lycee-moulin.fr"
        })
    );
    assert_eq!(v["customerType"], "DOMAIN");
    assert_eq!(info.edu_data(), c.education());
    assert_eq!(
        serde_json::from_value::<channel::CloudIdentityInfo>(v.clone()).unwrap(),
        info
    );
    let mut bad = v.clone();
    bad["customerType"] = json!("domain");
    assert!(serde_json::from_value::<channel::CloudIdentityInfo>(bad).is_err());
    let mut bad = v.clone();
    bad["customerType"] = json!("CUSTOMER_TYPE_UNSPECIFIED");
    assert!(serde_json::from_value::<channel::CloudIdentityInfo>(bad).is_err());
    let mut bad = v;
    bad["eduData"]["instituteType"] = json!("k12");
    assert!(serde_json::from_value::<channel::CloudIdentityInfo>(bad).is_err());
}

// ---------------------------------------------------------------- bodies against the proto

/// One field of a proto message: its behaviour and, for a message, the message's name.
struct ProtoField {
    behaviour: &'static str,
    message: Option<&'static str>,
}

/// `tests/data/proto/channel_v1_fields.txt`: `Message.jsonName` → field.
fn proto_fields() -> std::collections::BTreeMap<&'static str, ProtoField> {
    const TEXT: &str = include_str!("data/proto/channel_v1_fields.txt");
    let mut fields = std::collections::BTreeMap::new();
    for line in TEXT.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(name), Some(behaviour)) = (words.next(), words.next()) else {
            panic!("bad proto line {line:?}");
        };
        assert!(
            ["REQUIRED", "OPTIONAL", "OUTPUT_ONLY", "NONE"].contains(&behaviour),
            "{line:?}"
        );
        fields.insert(
            name,
            ProtoField {
                behaviour,
                message: words.next(),
            },
        );
    }
    fields
}

/// Every key of `value`, an instance of `message`, is an input field of the proto (known, not
/// `OUTPUT_ONLY`), recursively; every `REQUIRED` field of the message is present. The problems, by
/// JSON path.
fn proto_problems(value: &Value, message: &str, path: &str) -> Vec<String> {
    let fields = proto_fields();
    let mut problems = Vec::new();
    let Some(object) = value.as_object() else {
        return vec![format!("{path} is not an object")];
    };
    for (key, v) in object {
        let here = format!("{path}.{key}");
        match fields.get(format!("{message}.{key}").as_str()) {
            None => problems.push(format!("{here}: {message} has no field {key}")),
            Some(f) if f.behaviour == "OUTPUT_ONLY" => {
                problems.push(format!("{here}: {message}.{key} is OUTPUT_ONLY"));
            }
            Some(ProtoField {
                message: Some(inner),
                ..
            }) => problems.extend(proto_problems(v, inner, &here)),
            Some(_) => {}
        }
    }
    let prefix = format!("{message}.");
    for (name, f) in &fields {
        if let Some(key) = name.strip_prefix(&prefix) {
            if f.behaviour == "REQUIRED" && !object.contains_key(key) {
                problems.push(format!("{path}: REQUIRED {name} is missing"));
            }
        }
    }
    problems
}

/// Checks the Channel bodies built for `c` against the proto.
fn channel_bodies_against_the_proto(c: &Customer) -> Vec<String> {
    let mut problems = proto_problems(&to_value(&channel::create_body(c)), "Customer", "$");
    problems.extend(proto_problems(
        &to_value(&channel::CloudIdentityInfo::for_customer(c)),
        "CloudIdentityInfo",
        "$.cloudIdentityInfo",
    ));
    problems
}

#[test]
fn channel_bodies_send_only_input_fields_of_the_proto() {
    for form in [
        OnboardingForm::sample_domain_customer(),
        OnboardingForm::sample_team_customer(),
        sample_edu_form(),
    ] {
        let c = customer(&form);
        let problems = channel_bodies_against_the_proto(&c);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
    // The check itself catches what the old body sent, and a missing required field.
    let mut old = to_value(&channel::create_body(&customer(&sample_edu_form())));
    old["cloudIdentityInfo"] =
        json!({"customerType": "DOMAIN", "eduData": {"instituteType": "K12"}});
    old["primaryContactInfo"]["displayName"] = json!("Claire Dubois");
    old.as_object_mut().unwrap().remove("domain");
    let problems = proto_problems(&old, "Customer", "$");
    assert_eq!(
        problems,
        [
            "$.cloudIdentityInfo: Customer.cloudIdentityInfo is OUTPUT_ONLY",
            "$.primaryContactInfo.displayName: ContactInfo.displayName is OUTPUT_ONLY",
            "$: REQUIRED Customer.domain is missing",
        ]
    );
    let info = json!({"customerType": "TEAM", "primaryDomain": "x.fr", "adminConsoleUri": "u"});
    assert_eq!(proto_problems(&info, "CloudIdentityInfo", "$").len(), 2);
}

// ---------------------------------------------------------------- Channel customers.get

/// A Channel `Customer` right after `customers.create`: not provisioned yet.
const CHANNEL_CREATED: &str = r#"{
  "name": "accounts/C01ab2cd3/customers/S2ab3cd4ef5gh",
  "orgDisplayName": "Acme Widgets SAS",
  "orgPostalAddress": {
    "regionCode": "FR",
    "postalCode": "75002",
    "administrativeArea": "Île-de-France",
    "locality": "Paris",
    "addressLines": ["12 rue de la Paix"],
    "recipients": ["Jeanne Martin"],
    "organization": "Acme Widgets SAS"
  },
  "primaryContactInfo": {
    "firstName": "Jeanne",
    "lastName": "Martin",
    "displayName": "Jeanne Martin",
    "email": "jeanne.martin@acme-widgets.fr",
    "phone": "+33142685300"
  },
  "alternateEmail": "it-support@reseller-example.de",
  "domain": "acme-widgets.fr",
  "createTime": "2026-11-26T01:00:00.123456Z",
  "updateTime": "2026-11-26T01:00:00.123456Z",
  "languageCode": "fr-FR",
  "correlationId": "CRM-2026-0042"
}"#;

/// The same customer after `provisionCloudIdentity` (the operation's response), with what a
/// newer API may add.
const CHANNEL_PROVISIONED: &str = r#"{
  "name": "accounts/C01ab2cd3/customers/S2ab3cd4ef5gh",
  "orgDisplayName": "Acme Widgets SAS",
  "orgPostalAddress": {
    "revision": 0,
    "regionCode": "FR",
    "languageCode": "fr",
    "postalCode": "75002",
    "administrativeArea": "Île-de-France",
    "locality": "Paris",
    "addressLines": ["12 rue de la Paix"],
    "recipients": ["Jeanne Martin"],
    "organization": "Acme Widgets SAS"
  },
  "primaryContactInfo": {
    "firstName": "Jeanne",
    "lastName": "Martin",
    "displayName": "Jeanne Martin",
    "email": "jeanne.martin@acme-widgets.fr",
    "phone": "+33142685300"
  },
  "alternateEmail": "it-support@reseller-example.de",
  "domain": "acme-widgets.fr",
  "createTime": "2026-11-26T01:00:00.123456Z",
  "updateTime": "2026-11-26T01:02:00Z",
  "cloudIdentityId": "C03xyz9ab",
  "languageCode": "fr-FR",
  "cloudIdentityInfo": {
    "customerType": "DOMAIN",
    "primaryDomain": "acme-widgets.fr",
    "alternateEmail": "it-support@reseller-example.de",
    "phoneNumber": "+33142685300",
    "languageCode": "fr-FR",
    "adminConsoleUri": "https://admin.google.com/?authuser=jeanne.martin@acme-widgets.fr"
  },
  "channelPartnerId": "",
  "customerAttestationState": "CUSTOMER_ATTESTATION_STATE_UNSPECIFIED",
  "futureField": {"nested": [1, 2, 3]}
}"#;

/// A team customer as Google returns it: no alternate email, no last name, no recipients nor
/// organization in the address.
const CHANNEL_TEAM: &str = r#"{
  "name": "accounts/C01ab2cd3/customers/S9team",
  "orgDisplayName": "Studio Nord Design Team",
  "orgPostalAddress": {
    "regionCode": "DE",
    "postalCode": "22767",
    "locality": "Hamburg",
    "addressLines": ["Holstenstraße 1"]
  },
  "primaryContactInfo": {"firstName": "Sam", "email": "sam.keller@studio-nord.de"},
  "domain": "studio-nord.de",
  "cloudIdentityId": "C04team",
  "cloudIdentityInfo": {"customerType": "TEAM", "primaryDomain": "studio-nord.de"}
}"#;

/// An education customer with enum values this crate reads, one it does not, and blanks.
const CHANNEL_EDU: &str = r#"{
  "name": "accounts/C01ab2cd3/customers/S5edu",
  "orgDisplayName": "Lycée Jean Moulin",
  "domain": "lycee-moulin.fr",
  "cloudIdentityInfo": {
    "customerType": "CUSTOMER_TYPE_UNSPECIFIED",
    "eduData": {"instituteType": "K12", "instituteSize": "INSTITUTE_SIZE_UNSPECIFIED",
                "website": "https://www.lycee-moulin.fr"}
  }
}"#;

fn read_channel(text: &str) -> channel::CustomerResource {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn channel_get_before_and_after_provisioning_reads_as_what_was_created() {
    let c = customer(&OnboardingForm::sample_domain_customer());
    let ours = AccountSnapshot::from(&c);
    for text in [CHANNEL_CREATED, CHANNEL_PROVISIONED] {
        let r = read_channel(text);
        assert_eq!(r.name(), Some("accounts/C01ab2cd3/customers/S2ab3cd4ef5gh"));
        let theirs = r.to_snapshot().unwrap();
        assert_eq!(theirs, ours, "{text}");
        assert!(gws_onboarding::lifecycle::drift(&ours, &theirs).is_empty());
        assert!(r.warnings().is_empty(), "{:?}", r.warnings());
    }
    let before = read_channel(CHANNEL_CREATED);
    assert_eq!(before.cloud_identity_id(), None);
    assert_eq!(before.customer_type(), None);
    assert_eq!(before.admin_console_uri(), None);
    let after = read_channel(CHANNEL_PROVISIONED);
    assert_eq!(after.cloud_identity_id(), Some("C03xyz9ab"));
    assert_eq!(after.customer_type(), Some(CustomerKind::Domain));
    assert!(after.admin_console_uri().is_some());
}

#[test]
fn channel_get_gives_the_same_snapshot_as_the_reseller_reader() {
    let channel = read_channel(CHANNEL_PROVISIONED).to_snapshot().unwrap();
    let reseller = golden_resource().to_snapshot().unwrap();
    assert_eq!(channel.domain(), reseller.domain());
    assert_eq!(channel.alternate_email(), reseller.alternate_email());
    assert_eq!(channel.phone(), reseller.phone());
}

#[test]
fn channel_get_team_fills_the_address_names_with_warnings() {
    let c = customer(&OnboardingForm::sample_team_customer());
    let r = read_channel(CHANNEL_TEAM);
    assert_eq!(r.customer_type(), Some(CustomerKind::Team));
    let theirs = r.to_snapshot().unwrap();
    let address = theirs.postal_address().unwrap();
    assert_eq!(address.organization_name(), "Studio Nord Design Team");
    assert_eq!(address.contact_name(), "Sam");
    assert_eq!(theirs.admin_email(), Some(c.admin().email()));
    let warnings = r.warnings();
    let fields: Vec<_> = warnings.iter().map(|w| (w.code(), w.field())).collect();
    assert_eq!(
        fields,
        [
            ("wire.incomplete", "orgPostalAddress.organization"),
            ("wire.incomplete", "orgPostalAddress.recipients"),
        ]
    );
    assert!(warnings.iter().all(|w| w.severity() == Severity::Warning));
    assert_eq!(
        warnings[1].message(Lang::En),
        "field orgPostalAddress.recipients is absent: the contact name is taken from primaryContactInfo"
    );
    assert_eq!(
        warnings[1].message(Lang::Fr),
        "le champ orgPostalAddress.recipients est absent : le nom du contact est repris de primaryContactInfo"
    );
    // The sample team's contact is "Sam Keller": the guessed name shows as drift, nothing else.
    let drift = gws_onboarding::lifecycle::drift(&AccountSnapshot::from(&c), &theirs);
    assert_eq!(drift.len(), 1, "{:?}", drift.changes());
}

#[test]
fn channel_get_edu_reads_unspecified_values() {
    let r = read_channel(CHANNEL_EDU);
    assert_eq!(r.customer_type(), None);
    let edu = r.education().unwrap();
    assert_eq!(
        edu.institute_type(),
        gws_onboarding::customer::InstituteType::K12
    );
    assert_eq!(edu.size(), None);
    assert_eq!(
        edu.website().map(gws_onboarding::customer::Website::as_str),
        Some("https://www.lycee-moulin.fr")
    );
    let snapshot = r.to_snapshot().unwrap();
    assert_eq!(snapshot.domain().as_str(), "lycee-moulin.fr");
    assert!(snapshot.postal_address().is_none());
    assert!(snapshot.admin_email().is_none());
    assert!(r.warnings().is_empty());
    let r = read_channel(
        r#"{"domain": "x.fr", "cloudIdentityInfo": {"eduData": {"instituteType": "INSTITUTE_TYPE_UNSPECIFIED"}}}"#,
    );
    assert!(r.education().is_none());
}

#[test]
fn channel_get_accepts_what_google_may_leave_out() {
    for text in [
        r#"{"domain": "acme.fr"}"#,
        r#"{"domain": "acme.fr", "cloudIdentityInfo": {}}"#,
        r#"{"domain": "acme.fr", "primaryContactInfo": {}, "orgPostalAddress": {}}"#,
        r#"{"cloudIdentityInfo": {"primaryDomain": "acme.fr", "customerType": "SOMETHING_NEW"}}"#,
        r#"{"domain": "acme.fr", "orgDisplayName": "Acme", "orgPostalAddress": {"regionCode": "FR",
            "postalCode": "75002", "addressLines": ["1 rue A"], "recipients": []}}"#,
    ] {
        let r = read_channel(text);
        let snapshot = r.to_snapshot().unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(snapshot.domain().as_str(), "acme.fr");
        assert!(
            r.warnings()
                .iter()
                .all(|w| w.severity() == Severity::Warning)
        );
    }
    // More than three address lines join the third.
    let r = read_channel(
        r#"{"domain": "acme.fr", "orgPostalAddress": {"regionCode": "FR", "postalCode": "75002",
            "addressLines": ["a", "b", "c", "d"], "recipients": ["J M"], "organization": "Acme"}}"#,
    );
    let snapshot = r.to_snapshot().unwrap();
    assert_eq!(
        snapshot.postal_address().unwrap().address_line3(),
        Some("c, d")
    );
}

#[test]
fn channel_get_errors_name_the_json_path() {
    let error = |text: &str| read_channel(text).to_snapshot().unwrap_err();
    let cases = [
        (
            r#"{"name": "accounts/A/customers/C"}"#,
            "wire.missing",
            "domain",
        ),
        (r#"{"domain": "  "}"#, "wire.missing", "domain"),
        (r#"{"domain": "https://acme.fr"}"#, "wire.domain", "domain"),
        (
            r#"{"cloudIdentityInfo": {"primaryDomain": "acme..fr"}}"#,
            "wire.domain",
            "cloudIdentityInfo.primaryDomain",
        ),
        (
            r#"{"domain": "acme.fr", "primaryContactInfo": {"email": "jo"}}"#,
            "wire.email",
            "primaryContactInfo.email",
        ),
        (
            r#"{"domain": "acme.fr", "alternateEmail": "it@"}"#,
            "wire.email",
            "alternateEmail",
        ),
        (
            r#"{"domain": "acme.fr", "cloudIdentityInfo": {"alternateEmail": "x"}}"#,
            "wire.email",
            "cloudIdentityInfo.alternateEmail",
        ),
        (
            r#"{"domain": "acme.fr", "orgDisplayName": "A", "orgPostalAddress": {"regionCode": "UK",
                "postalCode": "1", "addressLines": ["a"], "recipients": ["J"]}}"#,
            "wire.address",
            "orgPostalAddress.regionCode",
        ),
        (
            r#"{"domain": "acme.fr", "orgDisplayName": "A", "orgPostalAddress": {"regionCode": "FR",
                "postalCode": "1", "recipients": ["J"]}}"#,
            "wire.address",
            "orgPostalAddress.addressLines",
        ),
    ];
    for (text, code, field) in cases {
        let e = error(text);
        assert_eq!((e.code(), e.field()), (code, field), "{text}");
        assert!(e.message(Lang::En).contains(field), "{e}");
        assert!(
            e.message(Lang::Fr).contains(field),
            "{}",
            e.message(Lang::Fr)
        );
    }
    // A phone that is no E.164 number is a warning, from either place.
    let r = read_channel(r#"{"domain": "acme.fr", "primaryContactInfo": {"phone": "01 42"}}"#);
    assert!(r.to_snapshot().unwrap().phone().is_none());
    assert_eq!(r.warnings()[0].field(), "primaryContactInfo.phone");
    // Wrong JSON types are the serde format's errors.
    assert!(serde_json::from_str::<channel::CustomerResource>(r#"{"domain": 3}"#).is_err());
    assert!(
        serde_json::from_str::<channel::CustomerResource>(r#""accounts/A/customers/C""#).is_err()
    );
}

#[test]
fn channel_resource_round_trips() {
    let r = read_channel(CHANNEL_PROVISIONED);
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("futureField"));
    assert_eq!(read_channel(&text), r);
}

#[test]
fn channel_address_lines_are_packed_to_the_front() {
    let mut form = OnboardingForm::sample_domain_customer();
    form.postal_address.address_line3 = Some("Bâtiment B".into());
    let c = customer(&form);
    let body = channel::create_body(&c);
    let v = to_value(&body);
    assert_eq!(
        v["orgPostalAddress"]["addressLines"],
        json!(["12 rue de la Paix", "Bâtiment B"])
    );
    assert_eq!(
        body.org_postal_address().address_line2(),
        Some("Bâtiment B")
    );
    assert_eq!(body.org_postal_address().address_line3(), None);
    assert_eq!(
        serde_json::from_value::<channel::CreateCustomerBody>(v).unwrap(),
        body
    );
    // The Reseller API body keeps the lines where they were.
    let v = to_value(&reseller::insert_body(&c));
    assert_eq!(v["postalAddress"]["addressLine3"], "Bâtiment B");
    assert!(v["postalAddress"].get("addressLine2").is_none());
}

// ---------------------------------------------------------------- customers.get

fn read_resource(text: &str) -> reseller::CustomerResource {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"))
}

fn golden_resource() -> reseller::CustomerResource {
    read_resource(&std::fs::read_to_string(golden_path("reseller_get_domain.json")).unwrap())
}

#[test]
fn reseller_get_domain_reads_into_a_snapshot() {
    let resource = golden_resource();
    assert_eq!(resource.customer_id().as_str(), "C01k2m3n4");
    assert_eq!(resource.domain_verified(), Some(true));
    assert_eq!(resource.customer_type(), Some(CustomerKind::Domain));
    assert_eq!(
        resource.resource_ui_url(),
        Some("https://admin.google.com/ac/home?source=reseller&authuser=0&dmn=acme-widgets.fr")
    );
    assert!(resource.warnings().is_empty());

    let ours = customer(&OnboardingForm::sample_domain_customer());
    let google = resource.to_snapshot().unwrap();
    // Google does not return a domain customer's admin; everything else matches the record.
    let expected = AccountSnapshot::new(ours.domain().clone())
        .with_postal_address(ours.postal_address().clone())
        .with_alternate_email(ours.secondary_email().unwrap().clone())
        .with_phone(ours.phone_number().unwrap().clone());
    assert_eq!(google, expected);
}

#[test]
fn reseller_get_team_reads_the_primary_admin() {
    let ours = customer(&OnboardingForm::sample_team_customer());
    let mut v = to_value(&reseller::insert_body(&ours));
    v["customerId"] = json!("C04team99");
    v["customerDomainVerified"] = json!(false);
    v["primaryAdmin"]["someNewFlag"] = json!(true);
    let resource: reseller::CustomerResource = serde_json::from_value(v).unwrap();
    assert_eq!(resource.customer_type(), Some(CustomerKind::Team));
    assert_eq!(resource.domain_verified(), Some(false));
    assert_eq!(
        resource.to_snapshot().unwrap(),
        AccountSnapshot::from(&ours)
    );
}

#[test]
fn reseller_get_is_lenient_with_domains_google_holds() {
    let r = read_resource(
        r#"{"customerId": "C1", "customerDomain": "Acme.GitHub.io.", "customerDomainVerified": false}"#,
    );
    assert_eq!(r.to_snapshot().unwrap().domain().as_str(), "acme.github.io");
    let r = read_resource(r#"{"customerId": "C1", "customerDomain": "eu.shop.acme.fr"}"#);
    assert!(r.to_snapshot().unwrap().domain().is_subdomain());
}

#[track_caller]
fn snapshot_error(text: &str) -> WireError {
    read_resource(text).to_snapshot().unwrap_err()
}

#[test]
fn reseller_get_errors_name_the_json_field() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            r#"{"customerId": "C1"}"#,
            "wire.missing",
            "customerDomain",
            "",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "  "}"#,
            "wire.missing",
            "customerDomain",
            "",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": null}"#,
            "wire.missing",
            "customerDomain",
            "",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "bücher.de"}"#,
            "wire.domain",
            "customerDomain",
            "domain.idn",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "https://acme.fr/"}"#,
            "wire.domain",
            "customerDomain",
            "domain.url",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "gmail.com"}"#,
            "wire.domain",
            "customerDomain",
            "domain.consumer",
        ),
        (
            r#"{"kind": "reseller#subscription", "customerId": "C1", "customerDomain": "acme.fr"}"#,
            "wire.kind",
            "kind",
            "",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "acme.fr", "alternateEmail": "it"}"#,
            "wire.email",
            "alternateEmail",
            "email.missing_at",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "acme.fr", "primaryAdmin": {"primaryEmail": "a@b@c.fr"}}"#,
            "wire.email",
            "primaryAdmin.primaryEmail",
            "",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "acme.fr", "postalAddress": {"contactName": "A", "organizationName": "B", "addressLine1": "C", "countryCode": "FR"}}"#,
            "wire.address",
            "postalAddress.postalCode",
            "address.missing",
        ),
        (
            r#"{"customerId": "C1", "customerDomain": "acme.fr", "postalAddress": {"contactName": "A", "organizationName": "B", "addressLine1": "C", "postalCode": "1", "countryCode": "UK"}}"#,
            "wire.address",
            "postalAddress.countryCode",
            "country.unassigned",
        ),
    ];
    for &(json, code, field, source_code) in cases {
        let err = snapshot_error(json);
        assert_eq!((err.code(), err.field()), (code, field), "{json}");
        assert_eq!(err.severity(), Severity::Error);
        let inner = match &err {
            WireError::Domain { source, .. } => source.code(),
            WireError::Email { source, .. } => source.code(),
            WireError::Address { source } => source.code(),
            _ => "",
        };
        if !source_code.is_empty() {
            assert_eq!(inner, source_code, "{json}");
        }
        assert!(err.message(Lang::En).contains(field), "{err}");
        assert!(
            err.message(Lang::Fr).contains(field),
            "{}",
            err.message(Lang::Fr)
        );
    }
}

#[test]
fn reseller_get_error_messages() {
    let err = snapshot_error(r#"{"customerId": "C1"}"#);
    assert_eq!(err.to_string(), "field customerDomain is missing or blank");
    assert_eq!(
        err.message(Lang::Fr),
        "le champ customerDomain est absent ou vide"
    );

    let err = snapshot_error(r#"{"customerId": "C1", "customerDomain": "gmail.com"}"#);
    let WireError::Domain { source, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(err.to_string(), format!("field customerDomain: {source}"));
    assert_eq!(
        err.message(Lang::Fr),
        format!("champ customerDomain : {}", source.message(Lang::Fr))
    );

    let err = snapshot_error(r#"{"kind": "reseller#sub\u202escription", "customerId": "C1"}"#);
    assert_eq!(
        err.to_string(),
        "field kind is \"reseller#sub\\u{202e}scription\", expected \"reseller#customer\""
    );
    assert_eq!(
        err.message(Lang::Fr),
        "le champ kind vaut « reseller#sub\\u{202e}scription », attendu « reseller#customer »"
    );

    let err = snapshot_error(
        r#"{"customerId": "C1", "customerDomain": "acme.fr", "postalAddress": {"contactName": "A", "organizationName": "B", "addressLine1": "C", "countryCode": "FR"}}"#,
    );
    assert_eq!(
        err.to_string(),
        "field postalAddress.postalCode: postal address field postalCode is required"
    );
    assert_eq!(
        err.message(Lang::Fr),
        "champ postalAddress.postalCode : le champ code postal (postalCode) de l'adresse est obligatoire"
    );
}

#[test]
fn reseller_get_keeps_going_without_an_unreadable_phone() {
    let r = read_resource(
        r#"{"customerId": "C1", "customerDomain": "acme.fr", "phoneNumber": "(555) 0100"}"#,
    );
    let snapshot = r.to_snapshot().unwrap();
    assert!(snapshot.phone().is_none());
    let warnings = r.warnings();
    assert_eq!(warnings.len(), 1);
    let w = &warnings[0];
    assert_eq!((w.code(), w.field()), ("wire.phone", "phoneNumber"));
    assert_eq!(Diagnostic::severity(w), Severity::Warning);
    assert!(w.to_string().starts_with("field phoneNumber: "), "{w}");
    assert!(w.message(Lang::Fr).starts_with("champ phoneNumber : "));

    let r =
        read_resource(r#"{"customerId": "C1", "customerDomain": "acme.fr", "phoneNumber": ""}"#);
    assert!(r.warnings().is_empty());
    assert!(r.to_snapshot().unwrap().phone().is_none());
}

#[test]
fn reseller_get_refuses_json_that_is_no_customer() {
    for bad in [
        r#"{"customerDomain": "acme.fr"}"#,
        r#"{"customerId": "", "customerDomain": "acme.fr"}"#,
        r#"{"customerId": "C 1", "customerDomain": "acme.fr"}"#,
        r#"{"customerId": 42, "customerDomain": "acme.fr"}"#,
        r#"{"customerId": "C1", "customerDomain": ["acme.fr"]}"#,
        r#"{"customerId": "C1", "customerDomainVerified": "yes"}"#,
        r#"{"customerId": "C1", "postalAddress": "12 rue de la Paix"}"#,
        r#"{"customerId": "C1", "primaryAdmin": "a@acme.fr"}"#,
        r#"{"customerId": "C1", "customerType": "TEAM"}"#,
        r#"{"customerId": "C1", "customerType": "reseller"}"#,
        "[]",
    ] {
        assert!(
            serde_json::from_str::<reseller::CustomerResource>(bad).is_err(),
            "{bad}"
        );
    }
    let err = serde_json::from_str::<reseller::CustomerResource>(
        r#"{"customerId": "C1", "customerType": "reseller"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "unknown customerType \"reseller\": expected domain, team or customerTypeUnspecified"
        ),
        "{err}"
    );
}

#[test]
fn reseller_resource_round_trips() {
    let r = golden_resource();
    let again: reseller::CustomerResource = serde_json::from_value(to_value(&r)).unwrap();
    assert_eq!(again, r);
    let v = to_value(&r);
    assert!(v.get("etag").is_none(), "unknown fields are not kept");
}

#[test]
fn wire_error_is_send_sync_and_std_error() {
    fn assert_send_sync<T: Send + Sync + std::error::Error + 'static>() {}
    assert_send_sync::<WireError>();
    let err = snapshot_error(r#"{"customerId": "C1", "customerDomain": "bücher.de"}"#);
    assert!(std::error::Error::source(&err).is_some());
}

// ---------------------------------------------------------------- round trips

/// Every string in `v`, so no `null` or empty value is ever sent.
fn assert_no_null_or_empty(v: &Value, path: &str) {
    match v {
        Value::Null => panic!("{path} is null"),
        Value::String(s) => assert!(!s.trim().is_empty(), "{path} is blank"),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_no_null_or_empty(item, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                assert_no_null_or_empty(item, &format!("{path}.{k}"));
            }
        }
        Value::Bool(_) | Value::Number(_) => {}
    }
}

prop_compose! {
    fn person_name()(name in "[A-Z][a-zéè]{1,9}(-[A-Z][a-z]{1,6})?") -> String { name }
}

prop_compose! {
    fn address()(
        contact in "[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}",
        org in proptest::option::of("[A-Z][a-z]{2,10}( [A-Z][a-z]{1,8}){0,2}"),
        line1 in "[1-9][0-9]{0,2} [a-z]{3,10} [A-Z][a-z]{2,10}",
        line2 in proptest::option::of("(Bâtiment|Building|Floor) [A-Z0-9]"),
        line3 in proptest::option::of("[A-Z][a-z]{2,12}"),
        locality in proptest::option::of("[A-Z][a-zé]{2,12}"),
        region in proptest::option::of("[A-Z][a-z]{2,12}(-[A-Z][a-z]{2,8})?"),
        postal in "[0-9]{4,5}|[A-Z]{1,2}[0-9] [0-9][A-Z]{2}",
        country in proptest::sample::select(vec!["FR", "DE", "US", "GB", "JP", "BE", "ca", "ch"]),
    ) -> RawPostalAddress {
        RawPostalAddress {
            contact_name: contact,
            organization_name: org.unwrap_or_default(),
            address_line1: line1,
            address_line2: line2,
            address_line3: line3,
            locality,
            region,
            postal_code: postal,
            country_code: country.into(),
        }
    }
}

prop_compose! {
    fn education()(
        kind in proptest::sample::select(vec!["k12", "university", "UNIVERSITY"]),
        size in proptest::option::of(proptest::sample::select(vec![
            "SIZE_1_100", "SIZE_101_500", "SIZE_501_1000", "SIZE_1001_2000",
            "SIZE_2001_5000", "SIZE_5001_10000", "size_10001_or_more",
        ])),
        website in proptest::option::of("(https?://)?(www\\.)?[a-z]{3,10}\\.(fr|edu|ac\\.uk)(/[a-z]{1,8})?"),
    ) -> RawEducation {
        RawEducation {
            institute_type: kind.into(),
            institute_size: size.map(Into::into),
            website,
        }
    }
}

/// libphonenumber's example number of any country it has rules for, as E.164 or spaced.
fn example_phone() -> impl Strategy<Value = String> {
    let examples: Vec<_> = gws_onboarding::CountryCode::all()
        .filter_map(gws_onboarding::PhoneNumber::example)
        .collect();
    (proptest::sample::select(examples), any::<bool>()).prop_map(|(phone, spaced)| {
        if spaced {
            format!(
                "+{} {}",
                phone.country_calling_code(),
                phone.national_number()
            )
        } else {
            phone.as_str().to_owned()
        }
    })
}

prop_compose! {
    /// A valid form: a sample mutated with generated valid values.
    fn valid_form()(
        team in any::<bool>(),
        // No rule of the Public Suffix List contains "acme": `label.suffix` is always a
        // registrable name (a bare label such as `de` would make `de.com`, a private suffix).
        label in "acme[a-z0-9]{0,6}(-[a-z0-9]{1,6})?",
        suffix in proptest::sample::select(vec!["fr", "de", "com", "co.uk", "io", "com.au", "ch"]),
        // `www.` is refused as a domain's first label (`domain.www`).
        sub in proptest::option::of("[a-z]{2,6}".prop_filter("www is refused", |s| s != "www")),
        org in "[A-Z][a-zé]{1,10}( [A-Z&][a-z]{0,8}){0,3}",
        local in "[a-z]{1,8}(\\.[a-z]{1,8})?".prop_filter("reserved username", |l| {
            !gws_onboarding::email::RESERVED_USERNAMES.contains(&l.as_str())
        }),
        first in proptest::option::of(person_name()),
        last in proptest::option::of(person_name()),
        secondary in proptest::option::of("[a-z]{1,8}@(reseller-example\\.de|partner\\.fr|mail\\.example-it\\.com)"),
        phone in proptest::option::of(example_phone()),
        language in proptest::option::of(proptest::sample::select(vec!["fr", "fr-FR", "de", "en-US", "en-GB", "ja", "sr-Latn"])),
        crm in proptest::option::of("[A-Z]{2,4}-[0-9]{1,8}"),
        address in address(),
        edu in proptest::option::of(education()),
    ) -> OnboardingForm {
        let domain = match sub {
            Some(sub) => format!("{sub}.{label}.{suffix}"),
            None => format!("{label}.{suffix}"),
        };
        let mut form = if team {
            OnboardingForm::sample_team_customer()
        } else {
            OnboardingForm::sample_domain_customer()
        };
        form.organization_name = org;
        form.admin.email = format!("{local}@{domain}");
        form.postal_address = address;
        form.phone_number = phone;
        form.language_code = language.map(Into::into);
        form.crm_id = crm;
        if team {
            form.domain = String::new();
            form.admin.first_name = first;
            form.admin.last_name = last;
            form.secondary_email = secondary;
        } else {
            form.domain = domain;
            form.admin.first_name = Some(first.unwrap_or_else(|| "Ada".into()));
            form.admin.last_name = Some(last.unwrap_or_else(|| "Lovelace".into()));
            form.secondary_email = Some(secondary.unwrap_or_else(|| "it@reseller-example.de".into()));
            if edu.is_some() {
                form.edition = Some("education-standard".into());
            }
            form.educational_institution = edu;
        }
        form
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn bodies_round_trip(form in valid_form()) {
        let c = match form::validate(&form, &Policy::default()) {
            Ok(c) => c,
            Err(report) => return Err(TestCaseError::fail(format!("{report}\n{form:?}"))),
        };

        let body = reseller::insert_body(&c);
        let text = serde_json::to_string(&body).unwrap();
        prop_assert_eq!(&serde_json::from_str::<reseller::CustomerBody>(&text).unwrap(), &body);
        let v = to_value(&body);
        assert_no_null_or_empty(&v, "$");
        prop_assert_eq!(&v["kind"], "reseller#customer");
        prop_assert_eq!(&v["customerType"], c.kind().as_str());
        prop_assert_eq!(v.get("primaryAdmin").is_some(), c.kind() == CustomerKind::Team);
        prop_assert_eq!(v.get("alternateEmail").is_some(), c.secondary_email().is_some());

        let body = channel::create_body(&c);
        let text = serde_json::to_string(&body).unwrap();
        prop_assert_eq!(&serde_json::from_str::<channel::CreateCustomerBody>(&text).unwrap(), &body);
        let v = to_value(&body);
        assert_no_null_or_empty(&v, "$");
        let expected_type = match c.kind() {
            CustomerKind::Domain => "DOMAIN",
            CustomerKind::Team => "TEAM",
        };
        prop_assert!(v.get("cloudIdentityInfo").is_none());
        let problems = channel_bodies_against_the_proto(&c);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
        // What was created reads back, through the Channel reader, as the record.
        let read: channel::CustomerResource = serde_json::from_value(v.clone()).unwrap();
        // (`addressLines` packs a third line without a second to the front.)
        let expected = AccountSnapshot::from(&c).with_postal_address(body.org_postal_address().clone());
        prop_assert_eq!(read.to_snapshot().unwrap(), expected);
        // ... and that packing is no drift from the reseller's own record.
        let drift = gws_onboarding::lifecycle::drift(&AccountSnapshot::from(&c), &read.to_snapshot().unwrap());
        prop_assert!(drift.is_empty(), "{:?}", drift);
        prop_assert_eq!(&v["domain"], c.domain().as_str());
        let info = to_value(&channel::CloudIdentityInfo::for_customer(&c));
        assert_no_null_or_empty(&info, "$");
        prop_assert_eq!(&info["customerType"], expected_type);
        prop_assert_eq!(info.get("eduData").is_some(), c.education().is_some());
        let lines = |a: &PostalAddress| a.address_lines().map(str::to_owned).collect::<Vec<_>>();
        prop_assert_eq!(lines(body.org_postal_address()), lines(c.postal_address()));
        prop_assert_eq!(body.org_postal_address().address_line2().is_some(), lines(c.postal_address()).len() > 1);
    }

    #[test]
    fn what_was_inserted_reads_back_as_the_record(form in valid_form(), id in "C0[0-9a-z]{6,9}") {
        let c = form::validate(&form, &Policy::default()).unwrap();
        let mut v = to_value(&reseller::insert_body(&c));
        v["customerId"] = json!(id);
        v["resourceUiUrl"] = json!("https://admin.google.com/");
        v["postalAddress"]["kind"] = json!("customers#address");
        let resource: reseller::CustomerResource = serde_json::from_value(v).unwrap();
        prop_assert_eq!(resource.customer_id().as_str(), id.as_str());
        prop_assert_eq!(resource.customer_type(), Some(c.kind()));
        let google = resource.to_snapshot().unwrap();
        let ours = AccountSnapshot::from(&c);
        prop_assert_eq!(google.domain(), ours.domain());
        prop_assert_eq!(google.postal_address(), ours.postal_address());
        prop_assert_eq!(google.alternate_email(), ours.alternate_email());
        prop_assert_eq!(google.phone(), ours.phone());
        match c.kind() {
            CustomerKind::Team => prop_assert_eq!(google.admin_email(), ours.admin_email()),
            CustomerKind::Domain => prop_assert_eq!(google.admin_email(), None),
        }
    }
}
