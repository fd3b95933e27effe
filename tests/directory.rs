//! The Directory API pieces of the Reseller route (`wire::directory`): the `users.insert` body
//! of a domain customer's first admin, its password, `users.makeAdmin`, and the readers of
//! Google's answers.
#![cfg(feature = "serde")]

use std::collections::BTreeSet;

use gws_onboarding::form::{self, OnboardingForm, Policy};
use gws_onboarding::wire::directory::{
    self, AdminPassword, AdminUserBody, DirectoryError, ErrorBody, MadeAdmin, MakeAdminBody,
    MissingName, UserKey, UserResource,
};
use gws_onboarding::{Customer, Lang};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The input fields of the Directory `User` schema: every property that is not `readOnly`, in
/// `googleapis/google-api-go-client` `admin/directory/v1/admin-api.json` at commit
/// `04b26a7aad3a7ffccb80ce51c3fffee255741402` (discovery revision `20210817`). The read-only
/// ones, never sent: `agreedToTerms`, `aliases`, `creationTime`, `customerId`,
/// `deletionTime`, `etag`, `isAdmin`, `isDelegatedAdmin`, `isEnforcedIn2Sv`,
/// `isEnrolledIn2Sv`, `isMailboxSetup`, `kind`, `lastLoginTime`, `nonEditableAliases`,
/// `suspensionReason`, `thumbnailPhotoEtag`, `thumbnailPhotoUrl`.
const USER_INPUT_FIELDS: &[&str] = &[
    "addresses",
    "archived",
    "changePasswordAtNextLogin",
    "customSchemas",
    "emails",
    "externalIds",
    "gender",
    "hashFunction",
    "id",
    "ims",
    "includeInGlobalAddressList",
    "ipWhitelisted",
    "keywords",
    "languages",
    "locations",
    "name",
    "notes",
    "orgUnitPath",
    "organizations",
    "password",
    "phones",
    "posixAccounts",
    "primaryEmail",
    "recoveryEmail",
    "recoveryPhone",
    "relations",
    "sshPublicKeys",
    "suspended",
    "websites",
];

/// The fields annotated `"required": ["directory.users.insert"]` in the same document.
const USER_REQUIRED_ON_INSERT: &[&str] = &["primaryEmail", "name", "password"];

/// `UserName`'s input fields (`fullName` is "the read-only `fullName` value", `User.name`),
/// both required on insert.
const USER_NAME_INPUT_FIELDS: &[&str] = &["givenName", "familyName"];

const PASSWORD: &str = "Temp-2026-pass!";

fn domain_customer() -> Customer {
    form::validate(
        &OnboardingForm::sample_domain_customer(),
        &Policy::default(),
    )
    .expect("the sample domain customer is valid")
}

fn password() -> AdminPassword {
    AdminPassword::parse(PASSWORD).expect("a valid password")
}

fn body() -> AdminUserBody {
    AdminUserBody::new(&domain_customer(), password()).expect("a domain customer with names")
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn sample_domain_customer_body() {
    let json = serde_json::to_value(body()).expect("serialises");
    assert_eq!(
        json,
        json!({
            "primaryEmail": "jeanne.martin@acme-widgets.fr",
            "name": {"givenName": "Jeanne", "familyName": "Martin"},
            "password": PASSWORD,
            "changePasswordAtNextLogin": true,
        })
    );
}

#[test]
fn body_sends_only_input_fields_and_every_required_one() {
    let json = serde_json::to_value(body()).expect("serialises");
    let sent = keys(&json);
    let inputs: BTreeSet<&str> = USER_INPUT_FIELDS.iter().copied().collect();
    assert!(
        sent.is_subset(&inputs),
        "not input fields: {:?}",
        sent.difference(&inputs)
    );
    for required in USER_REQUIRED_ON_INSERT {
        assert!(sent.contains(required), "{required} is required on insert");
    }
    let name = keys(&json["name"]);
    let name_inputs: BTreeSet<&str> = USER_NAME_INPUT_FIELDS.iter().copied().collect();
    assert_eq!(name, name_inputs);
    assert!(sent.contains("changePasswordAtNextLogin"));
    assert!(
        !sent.contains("hashFunction"),
        "the password is sent as typed"
    );
    assert!(!sent.contains("isAdmin"), "read only: makeAdmin sets it");
}

#[test]
fn team_customer_is_refused() {
    let team = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())
        .expect("the sample team customer is valid");
    let err = AdminUserBody::new(&team, password()).expect_err("a team customer");
    assert_eq!(err, DirectoryError::TeamCustomer);
    assert_eq!(err.code(), "directory.team_customer");
    assert_eq!(err.form_field(), None);
    assert_eq!(
        err.to_string(),
        "a team customer has no super admin to create: Google creates its admin when they \
         verify their email address"
    );
}

#[track_caller]
fn missing_names(first: bool, last: bool) -> DirectoryError {
    let mut form = OnboardingForm::sample_domain_customer();
    if !first {
        form.admin.first_name = None;
    }
    if !last {
        form.admin.last_name = None;
    }
    let customer = form::validate(&form, &Policy::new().require_admin_name(false))
        .expect("names optional by policy");
    directory::insert_body(&customer, password()).expect_err("a name is missing")
}

#[test]
fn admin_names_are_required() {
    let cases = [
        (false, true, MissingName::FirstName, "admin.firstName"),
        (true, false, MissingName::LastName, "admin.lastName"),
        (false, false, MissingName::Both, "admin.firstName"),
    ];
    for (first, last, missing, field) in cases {
        let err = missing_names(first, last);
        assert_eq!(err, DirectoryError::AdminName { missing });
        assert_eq!(err.code(), "directory.admin_name");
        assert_eq!(err.form_field(), Some(field));
    }
    assert_eq!(
        missing_names(false, false).message(Lang::En),
        "the admin's first and last names are required: Google needs them to create the super \
         admin account (Directory API users.insert)"
    );
    assert_eq!(
        missing_names(true, false).message(Lang::Fr),
        "le nom de l'administrateur est obligatoire : Google l'exige pour créer le compte \
         super-administrateur (API Directory, users.insert)"
    );
}

#[test]
fn password_rule_and_messages() {
    let too_short = AdminPassword::parse("1234567").unwrap_err();
    assert_eq!(too_short, DirectoryError::PasswordTooShort { chars: 7 });
    assert_eq!(
        AdminPassword::parse("").unwrap_err().message(Lang::Fr),
        "le mot de passe compte 0 caractère, moins que les 8 exigés par Google"
    );
    assert_eq!(
        AdminPassword::parse("x").unwrap_err().to_string(),
        "the password has 1 character, fewer than the 8 Google requires"
    );
    assert!(AdminPassword::parse("12345678").is_ok());
    assert!(AdminPassword::parse(&"~".repeat(100)).is_ok());
    let too_long = AdminPassword::parse(&"~".repeat(101)).unwrap_err();
    assert_eq!(too_long, DirectoryError::PasswordTooLong);
    assert_eq!(too_long.code(), "directory.password_length");
    assert_eq!(
        too_long.message(Lang::Fr),
        "le mot de passe dépasse les 100 caractères autorisés par Google"
    );
    // Refused by its length before it is read.
    assert_eq!(
        AdminPassword::parse(&"é".repeat(5_000_000)).unwrap_err(),
        DirectoryError::PasswordTooLong
    );
    // 60 characters but 120 bytes: within the length, refused for its characters.
    assert_eq!(
        AdminPassword::parse(&"é".repeat(60)).unwrap_err(),
        DirectoryError::PasswordCharacter { position: 1 }
    );
    let tab = AdminPassword::parse("abc\tdefgh").unwrap_err();
    assert_eq!(tab, DirectoryError::PasswordCharacter { position: 4 });
    assert_eq!(tab.code(), "directory.password_character");
    assert_eq!(
        tab.message(Lang::En),
        "character 4 of the password is not a printable ASCII character: use only unaccented \
         letters, digits, spaces and keyboard symbols"
    );
    // Spaces are characters of it, kept as typed.
    let spaced = AdminUserBody::new(
        &domain_customer(),
        AdminPassword::parse("  8 chars ").unwrap(),
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(spaced).unwrap()["password"],
        "  8 chars "
    );
    assert_eq!(
        "12345678".parse::<AdminPassword>(),
        AdminPassword::parse("12345678")
    );
}

#[test]
fn secrets_never_print() {
    let body = body();
    for text in [
        format!("{body:?}"),
        format!("{:?}", password()),
        password().to_string(),
        format!("{:#?}", body.clone()),
    ] {
        assert!(!text.contains(PASSWORD), "{text}");
    }
    assert!(format!("{body:?}").contains("AdminPassword([redacted])"));
}

#[test]
fn make_admin_body_and_paths() {
    assert_eq!(
        serde_json::to_value(MakeAdminBody).unwrap(),
        json!({"status": true})
    );
    assert_eq!(directory::users_insert_path(), "admin/directory/v1/users");
    assert_eq!(directory::ROOT_URL, "https://admin.googleapis.com/");
    assert_eq!(
        directory::make_admin_path(&body().user_key()),
        "admin/directory/v1/users/jeanne.martin%40acme-widgets.fr/makeAdmin"
    );
    let id = UserKey::parse("108028652821197762751").unwrap();
    assert_eq!(
        directory::make_admin_path(&id),
        "admin/directory/v1/users/108028652821197762751/makeAdmin"
    );
    for bad in [
        "",
        " ",
        "..",
        "1/2",
        "a b",
        "1?x=2",
        "%2e%2e",
        "jeanne@@acme.fr",
    ] {
        let err = UserKey::parse(bad).unwrap_err();
        assert_eq!(err.code(), "directory.user_key", "{bad:?}");
    }
    assert_eq!(
        UserKey::parse(" ").unwrap_err().to_string(),
        "the user key is empty"
    );
    assert_eq!(
        UserKey::parse("1/2").unwrap_err().message(Lang::Fr),
        "la clé d'utilisateur « 1/2 » n'est ni un identifiant d'utilisateur Google (lettres et \
         chiffres ASCII) ni une adresse e-mail valide"
    );
    assert!(UserKey::parse(&"1".repeat(65)).is_err());
    let key: UserKey = serde_json::from_str(r#""42""#).unwrap();
    assert_eq!(serde_json::to_string(&key).unwrap(), r#""42""#);
}

/// What Google answers `users.insert` with (the shape of the Directory guide's example).
const INSERTED: &str = r#"{
    "kind": "admin#directory#user",
    "id": "108028652821197762751",
    "etag": "\"abc/def\"",
    "primaryEmail": "jeanne.martin@acme-widgets.fr",
    "name": {"givenName": "Jeanne", "familyName": "Martin", "fullName": "Jeanne Martin"},
    "isAdmin": false,
    "isDelegatedAdmin": false,
    "creationTime": "2026-12-07T10:00:00.000Z",
    "customerId": "C01abcd2e",
    "orgUnitPath": "/",
    "isMailboxSetup": false,
    "includeInGlobalAddressList": true
}"#;

#[test]
fn user_resource_reads_the_insert_answer() {
    let user: UserResource = serde_json::from_str(INSERTED).unwrap();
    assert_eq!(user.id(), Some("108028652821197762751"));
    assert_eq!(user.primary_email(), Some("jeanne.martin@acme-widgets.fr"));
    assert_eq!(user.is_admin(), Some(false));
    assert_eq!(
        (user.given_name(), user.family_name(), user.full_name()),
        (Some("Jeanne"), Some("Martin"), Some("Jeanne Martin"))
    );
    assert!(user.is_user_of(&body()));
    let key = user.user_key().expect("an id");
    assert_eq!(key.as_str(), "108028652821197762751");
    // Unknown fields are gone when written back; what was read stays.
    let again: UserResource = serde_json::from_str(&serde_json::to_string(&user).unwrap()).unwrap();
    assert_eq!(again, user);
}

#[test]
fn user_resource_caps_strings() {
    let long = "9".repeat(5_000);
    let user: UserResource = serde_json::from_str(&format!(r#"{{"id": "{long}"}}"#)).unwrap();
    assert_eq!(
        user.id().map(str::len),
        Some(gws_onboarding::wire::MAX_TEXT)
    );
    assert!(user.user_key().is_none(), "a 1024-digit id is no user id");
}

#[test]
fn readers_refuse_recorded_error_bodies() {
    for json in [
        r#"{"error": {"code": 409, "message": "Entity already exists.", "errors": [{"message": "Entity already exists.", "domain": "global", "reason": "duplicate"}]}}"#,
        r#"{"error": {"code": 400, "message": "Invalid Password", "errors": [{"message": "Invalid Password", "domain": "global", "reason": "invalid"}]}}"#,
        r#"{"error": {"code": 403, "message": "Not Authorized to access this resource/api", "errors": [{"message": "Not Authorized to access this resource/api", "domain": "global", "reason": "forbidden"}]}}"#,
        r#"{"error": {"code": 404, "message": "Resource Not Found: userKey", "errors": [{"message": "Resource Not Found: userKey", "domain": "global", "reason": "notFound"}]}}"#,
    ] {
        let err = serde_json::from_str::<UserResource>(json).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the answer is a Google error body"),
            "{err}"
        );
        assert!(serde_json::from_str::<MadeAdmin>(json).is_err());
        let body: ErrorBody = serde_json::from_str(json).expect("an Admin SDK error body");
        assert!(body.code() >= 400);
    }
    let empty = serde_json::from_str::<UserResource>("{}").unwrap_err();
    assert!(
        empty
            .to_string()
            .starts_with("the answer has none of the fields of a Directory User")
    );
    let kind = serde_json::from_str::<UserResource>(r#"{"kind": "reseller#customer", "id": "1"}"#)
        .unwrap_err();
    assert!(kind.to_string().contains("reseller#customer"), "{kind}");
}

#[test]
fn made_admin_is_a_status() {
    for ok in [200, 204, 299] {
        assert!(MadeAdmin::from_status(ok).is_some(), "{ok}");
    }
    for not in [0, 199, 300, 400, 403, 404, 409, 500, 503] {
        assert!(MadeAdmin::from_status(not).is_none(), "{not}");
    }
    assert!(serde_json::from_str::<MadeAdmin>("{}").is_ok());
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A password candidate: printable ASCII mostly, with near misses.
fn candidate() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,110}",
        "[ -~\t\n\u{e9}\u{1f600}\u{202e}]{0,110}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn any_password_is_refused_or_sent_as_typed(input in candidate()) {
        let expected_ok = (8..=100).contains(&input.chars().count())
            && input.chars().all(|c| (' '..='~').contains(&c));
        match AdminPassword::parse(&input) {
            Ok(password) => {
                prop_assert!(expected_ok, "{input:?} accepted");
                let body = AdminUserBody::new(&domain_customer(), password.clone()).unwrap();
                let json = serde_json::to_value(&body).unwrap();
                prop_assert_eq!(json["password"].as_str(), Some(input.as_str()));
                // Debug and Display do not depend on the password at all.
                prop_assert_eq!(format!("{body:?}"), format!("{:?}", self::body()));
                prop_assert_eq!(password.to_string(), "[redacted]");
                prop_assert_eq!(format!("{password:?}"), "AdminPassword([redacted])");
            }
            Err(err) => {
                prop_assert!(!expected_ok, "{input:?} refused: {err}");
                // No variant can hold the input: only counts and positions.
                let typed = matches!(
                    err,
                    DirectoryError::PasswordTooShort { .. }
                        | DirectoryError::PasswordTooLong
                        | DirectoryError::PasswordCharacter { .. }
                );
                prop_assert!(typed, "{err:?}");
                prop_assert!(err.code().starts_with("directory.password_"));
            }
        }
    }

    #[test]
    fn readers_refuse_every_error_body(error in json_value(), extra in json_value()) {
        let mut body = json!({"error": error});
        if let (Some(map), Value::Object(more)) = (body.as_object_mut(), extra) {
            for (k, v) in more {
                if k != "error" {
                    map.insert(k, v);
                }
            }
        }
        let text = body.to_string();
        prop_assert!(serde_json::from_str::<UserResource>(&text).is_err(), "{text}");
        prop_assert!(serde_json::from_str::<MadeAdmin>(&text).is_err(), "{text}");
    }

    #[test]
    fn user_keys_stay_one_path_segment(input in prop_oneof![".{0,40}", "[a-z0-9.@%/]{0,30}"]) {
        if let Ok(key) = UserKey::parse(&input) {
            let path = directory::make_admin_path(&key);
            let segment = path
                .strip_prefix("admin/directory/v1/users/")
                .and_then(|rest| rest.strip_suffix("/makeAdmin"))
                .unwrap();
            prop_assert!(!segment.is_empty() && segment != "." && segment != "..");
            prop_assert!(segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"%-._~".contains(&b)));
            prop_assert_eq!(UserKey::parse(key.as_str()).ok(), Some(key));
        }
    }
}
