//! Runs the `onboard` example as a user would: exit codes, the one JSON object of `--json`, and
//! French messages with `--lang fr`.
//!
//! `cargo test` builds the examples next to the test binaries (`target/<profile>/examples`);
//! the tests also run `cargo build --all-features --example onboard` once, so that running this
//! target alone (`cargo test --test examples_cli`) never uses a missing or stale binary.
#![cfg(feature = "serde")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

/// The example binary, brought up to date once per test run (a no-op when `cargo test` has
/// just built it; needed when only this test target was built, or the binary is stale).
fn onboard() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        // target/<profile>/deps/examples_cli-<hash> -> target/<profile>/examples/onboard
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target profile directory");
        let binary = profile_dir
            .join("examples")
            .join(format!("onboard{}", std::env::consts::EXE_SUFFIX));
        {
            let status = Command::new(env!("CARGO"))
                .args([
                    "build",
                    "--quiet",
                    "--all-features",
                    "--example",
                    "onboard",
                    "--manifest-path",
                ])
                .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
                .status()
                .expect("run cargo build --example onboard");
            assert!(status.success(), "cargo build --example onboard failed");
        }
        assert!(
            binary.is_file(),
            "no example binary at {}",
            binary.display()
        );
        binary
    })
}

fn form_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("forms")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(onboard())
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run the onboard example")
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Parses stdout as exactly one JSON object with exactly the documented keys.
#[track_caller]
fn json_object(output: &Output) -> Value {
    let text = stdout(output);
    let mut stream = serde_json::Deserializer::from_str(&text).into_iter::<Value>();
    let value = stream.next().expect("one JSON value").expect("valid JSON");
    assert!(stream.next().is_none(), "more than one JSON value: {text}");
    let object = value.as_object().expect("a JSON object");
    let mut keys: Vec<_> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    // A valid form's object also holds the normalised customer; an invalid one's does not.
    let expected: &[&str] = if object["valid"] == Value::Bool(true) {
        &["customer", "valid", "violations"]
    } else {
        &["valid", "violations"]
    };
    assert_eq!(keys, expected, "{text}");
    assert!(object["valid"].is_boolean(), "{text}");
    for violation in object["violations"].as_array().expect("violations array") {
        let v = violation.as_object().expect("violation object");
        let mut keys: Vec<_> = v.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "field", "message", "severity"], "{text}");
        assert!(v.values().all(Value::is_string), "{text}");
        assert!(
            matches!(v["severity"].as_str(), Some("error" | "warning")),
            "{text}"
        );
        assert!(
            !v["message"].as_str().unwrap_or_default().is_empty(),
            "{text}"
        );
    }
    value
}

fn codes(value: &Value) -> Vec<&str> {
    value["violations"]
        .as_array()
        .map(|vs| vs.iter().filter_map(|v| v["code"].as_str()).collect())
        .unwrap_or_default()
}

/// Every bundled form, its exit code and its violation codes.
const FORMS: [(&str, i32, &[&str]); 12] = [
    ("domain-customer.json", 0, &[]),
    ("team-customer.json", 0, &[]),
    ("education-customer.json", 0, &[]),
    ("domain-customer-order.json", 0, &[]),
    ("team-customer-order.json", 0, &[]),
    ("invalid-order-trial-seats.json", 1, &["order.trial_seats"]),
    (
        "invalid-secondary-in-primary.json",
        1,
        &["rule.secondary_in_primary_domain"],
    ),
    (
        "invalid-www-and-country.json",
        1,
        &["domain.www", "country.unassigned"],
    ),
    (
        "invalid-team-business-edition.json",
        1,
        &["eligibility.team_edition"],
    ),
    ("invalid-nonprofits.json", 1, &["eligibility.nonprofits"]),
    (
        "invalid-empty.json",
        1,
        &[
            // In the form's order: customerType, organizationName, domain, the address...
            "form.required",
            "form.required",
            "eligibility.no_registered_domain",
            // The blank address organisation name borrows the blank organizationName, which is
            // reported once, above.
            "address.missing",
            "address.missing",
            "address.missing",
            "address.missing",
            // ...then admin.email, admin.firstName, admin.lastName, secondaryEmail.
            "form.required",
            "form.required",
            "form.required",
            "form.required",
        ],
    ),
    ("unreadable.json", 2, &["input.unreadable"]),
];

#[test]
fn no_argument_validates_the_bundled_sample() {
    let output = run(&[]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let text = stdout(&output);
    for expected in [
        "valid customer",
        "domain customer",
        "acme-widgets.fr",
        "jeanne.martin@acme-widgets.fr",
        "it-support@reseller-example.de",
        "12 rue de la Paix",
        "Google Workspace Business Standard",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn no_argument_names_the_bundled_file_and_how_to_check_your_own() {
    let output = run(&[]);
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "no file given: checking the bundled sample examples/forms/domain-customer.json\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "to check your own form (JSON, the same fields as the sample):\n  \
             cargo run --example onboard -- YOUR-FILE.json [--json] [--lang fr]\n"
        ),
        "{text}"
    );
    // The file it names is the one it checked.
    let named = run(&[form_path("domain-customer.json").to_str().unwrap()]);
    assert_eq!(code(&named), Some(0));
    assert!(text.contains(&stdout(&named)), "{text}");

    let fr = stdout(&run(&["--lang", "fr"]));
    assert!(
        fr.starts_with("aucun fichier indiqué : vérification de l'exemple fourni examples/forms/domain-customer.json\n"),
        "{fr}"
    );
    assert!(fr.contains("pour vérifier votre propre formulaire"), "{fr}");

    // With --json, standard output is the one object and the notes go to standard error.
    let output = run(&["--json"]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = json_object(&output);
    assert_eq!(value["valid"], Value::Bool(true));
    let err = String::from_utf8(output.stderr).expect("UTF-8 stderr");
    assert!(err.contains("examples/forms/domain-customer.json"), "{err}");
    assert!(err.contains("YOUR-FILE.json"), "{err}");

    // A file given: no note.
    let text = stdout(&named);
    assert!(
        !text.contains("bundled") && !text.contains("YOUR-FILE"),
        "{text}"
    );
    let usage = stdout(&run(&["--help"]));
    assert!(
        usage.contains("examples/forms/domain-customer.json"),
        "{usage}"
    );
}

#[test]
fn every_bundled_form_exits_as_expected() {
    let mut failures = Vec::new();
    for (name, expected_code, expected_codes) in FORMS {
        let path = form_path(name);
        let path = path.to_str().expect("UTF-8 path");
        let human = run(&[path]);
        if code(&human) != Some(expected_code) {
            failures.push(format!(
                "{name}: exit {:?}, expected {expected_code}",
                code(&human)
            ));
        }
        let json = run(&[path, "--json"]);
        if code(&json) != Some(expected_code) {
            failures.push(format!(
                "{name} --json: exit {:?}, expected {expected_code}",
                code(&json)
            ));
        }
        let value = json_object(&json);
        if value["valid"] != Value::Bool(expected_code == 0) || codes(&value) != expected_codes {
            failures.push(format!("{name} --json: {value}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn json_lists_warnings_of_a_valid_form() {
    let dir = std::env::temp_dir().join(format!("onboard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("warning.json");
    let mut form: Value =
        serde_json::from_str(include_str!("../examples/forms/domain-customer.json")).unwrap();
    form["domain"] = "paris.acme-widgets.fr".into();
    form["admin"]["email"] = "jeanne.martin@paris.acme-widgets.fr".into();
    form["secondaryEmail"] = "it@acme-widgets.fr".into();
    std::fs::write(&path, form.to_string()).expect("write form");
    let output = run(&[path.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = json_object(&output);
    assert_eq!(value["valid"], Value::Bool(true));
    assert_eq!(codes(&value), ["rule.secondary_same_registrable"]);
    assert_eq!(value["violations"][0]["severity"], "warning");
}

#[test]
fn lang_fr_gives_french_messages() {
    let path = form_path("invalid-nonprofits.json");
    let path = path.to_str().unwrap();
    let en = json_object(&run(&[path, "--json"]));
    let fr = json_object(&run(&[path, "--json", "--lang", "fr"]));
    assert_eq!(
        en["violations"][0]["message"],
        "the customer has Google Workspace for Nonprofits: a reseller cannot add it"
    );
    assert_eq!(
        fr["violations"][0]["message"],
        "le client dispose de Google Workspace for Nonprofits : un revendeur ne peut pas l'ajouter"
    );
    let human = stdout(&run(&["--lang=fr", path]));
    assert!(human.contains("formulaire invalide"), "{human}");
    assert!(
        human.contains("un revendeur ne peut pas l'ajouter"),
        "{human}"
    );
    let sample = stdout(&run(&["--lang", "fr"]));
    assert!(sample.contains("client d'un domaine"), "{sample}");
}

#[test]
fn unreadable_inputs_exit_2() {
    let missing = form_path("no-such-form.json");
    let output = run(&[missing.to_str().unwrap(), "--json"]);
    assert_eq!(code(&output), Some(2), "{output:?}");
    assert_eq!(codes(&json_object(&output)), ["input.unreadable"]);

    let output = run(&[missing.to_str().unwrap()]);
    assert_eq!(code(&output), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    assert!(!output.stderr.is_empty());

    let forms_dir = form_path("");
    let output = run(&[forms_dir.to_str().unwrap(), "--json"]);
    assert_eq!(code(&output), Some(2), "{output:?}");
}

#[test]
fn wrong_json_types_and_oversized_input_exit_2() {
    let dir = std::env::temp_dir().join(format!("onboard-cli-types-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases: [(&str, Vec<u8>); 6] = [
        ("array.json", b"[]".to_vec()),
        ("array-of-fields.json", br#"["domain", "acme.fr"]"#.to_vec()),
        ("string.json", br#""acme.fr""#.to_vec()),
        ("bad-utf8.json", b"{\"domain\": \"\xff\"}".to_vec()),
        ("trailing.json", b"{} {}".to_vec()),
        ("big.json", {
            let mut big = b"{\"crmId\": \"".to_vec();
            big.resize(1024 * 1024 + 16, b'x');
            big.extend_from_slice(b"\"}");
            big
        }),
    ];
    let mut failures = Vec::new();
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write form");
        let output = run(&[path.to_str().unwrap(), "--json"]);
        if code(&output) != Some(2) {
            failures.push(format!("{name}: exit {:?}", code(&output)));
            continue;
        }
        let value = json_object(&output);
        if value["valid"] != Value::Bool(false) || codes(&value) != ["input.unreadable"] {
            failures.push(format!("{name}: {value}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_huge_wrong_typed_value_is_a_short_input_type_violation() {
    let dir = std::env::temp_dir().join(format!("onboard-cli-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("huge-bool.json");
    let value = "y".repeat(500_000);
    std::fs::write(&path, format!(r#"{{"hasLegacyFreeEdition": "{value}"}}"#)).expect("write");
    let output = run(&[path.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&output), Some(1), "{output:?}");
    let json = json_object(&output);
    let legacy = json["violations"]
        .as_array()
        .and_then(|all| all.iter().find(|v| v["field"] == "hasLegacyFreeEdition"))
        .expect("a violation on hasLegacyFreeEdition");
    assert_eq!(legacy["code"], "input.type");
    let message = legacy["message"].as_str().unwrap_or_default();
    assert!(!message.contains("yyy"), "{message}");
    assert!(message.chars().count() < 300, "{message}");
}

#[test]
fn fields_of_the_wrong_json_type_are_violations_on_their_path() {
    let dir = std::env::temp_dir().join(format!("onboard-cli-types-ok-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut form: Value =
        serde_json::from_str(include_str!("../examples/forms/domain-customer.json")).unwrap();
    // A number where text goes is read as its text; an object where text goes is reported.
    form["postalAddress"]["postalCode"] = 75002.into();
    form["crmId"] = serde_json::json!({"id": 42});
    form["hasLegacyFreeEdition"] = "false".into();
    let path = dir.join("types.json");
    std::fs::write(&path, form.to_string()).expect("write form");
    let output = run(&[path.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&output), Some(1), "{output:?}");
    let value = json_object(&output);
    assert_eq!(codes(&value), ["input.type"]);
    assert_eq!(value["violations"][0]["field"], "crmId");
}

#[test]
fn usage_errors_exit_2_with_usage_on_stderr() {
    for args in [
        &["--bogus"][..],
        &["--lang", "de"],
        &["--lang"],
        &["a.json", "b.json"],
        &["--json", "-x"],
    ] {
        let output = run(args);
        assert_eq!(code(&output), Some(2), "{args:?}: {output:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("usage: onboard"), "{args:?}: {stderr}");
    }
    let help = run(&["--help"]);
    assert_eq!(code(&help), Some(0));
    assert!(stdout(&help).contains("usage: onboard"));
}

// ---------------------------------------------------------------- --plan

/// Runs the example with `input` on standard input.
fn run_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(onboard())
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the onboard example");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child
        .wait_with_output()
        .expect("wait for the onboard example")
}

/// Parses stdout as one JSON object with `valid`, `violations` and `plan`, each step with
/// `call`, `method`, `path` and, except for a GET, `body`.
#[track_caller]
fn plan_object(output: &Output) -> Value {
    let text = stdout(output);
    let value: Value = serde_json::from_str(&text).expect("one JSON object");
    let object = value.as_object().expect("a JSON object");
    let mut keys: Vec<_> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let expected: &[&str] = if object["valid"] == Value::Bool(true) {
        &["customer", "plan", "valid", "violations"]
    } else {
        &["plan", "valid", "violations"]
    };
    assert_eq!(keys, expected, "{text}");
    for step in object["plan"].as_array().expect("plan array") {
        let step = step.as_object().expect("step object");
        let mut keys: Vec<_> = step.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let get = step["method"] == "GET";
        let expected: &[&str] = if get {
            &["call", "method", "path"]
        } else {
            &["body", "call", "method", "path"]
        };
        assert_eq!(keys, expected, "{text}");
        assert!(
            step["call"].as_str().is_some_and(|c| c.contains('.')),
            "{text}"
        );
    }
    value
}

fn calls(value: &Value) -> Vec<&str> {
    value["plan"]
        .as_array()
        .map(|steps| steps.iter().filter_map(|s| s["call"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn plan_channel_json_lists_every_step_with_placeholders() {
    let path = form_path("domain-customer-order.json");
    let output = run(&[path.to_str().unwrap(), "--plan", "channel", "--json"]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = plan_object(&output);
    assert_eq!(
        calls(&value),
        [
            "cloudchannel.accounts.checkCloudIdentityAccountsExist",
            "cloudchannel.accounts.customers.create",
            "cloudchannel.accounts.customers.provisionCloudIdentity",
            "cloudchannel.accounts.customers.listPurchasableSkus",
            "cloudchannel.accounts.customers.listPurchasableOffers",
            "cloudchannel.accounts.customers.entitlements.create",
        ]
    );
    assert_eq!(
        value["plan"][4]["path"],
        "v1/accounts/{account}/customers/{customer}:listPurchasableOffers?\
         createEntitlementPurchase.sku={sku}&pageSize=1000"
    );
    let entitlement = &value["plan"][5];
    assert_eq!(
        entitlement["path"],
        "v1/accounts/{account}/customers/{customer}/entitlements"
    );
    assert_eq!(entitlement["body"]["entitlement"]["offer"], "{offer}");
    assert_eq!(
        entitlement["body"]["entitlement"]["parameters"][0],
        serde_json::json!({"name": "num_units", "value": {"int64Value": "25"}})
    );
    assert_eq!(
        entitlement["body"]["entitlement"]["purchaseOrderId"],
        "PO-2026-0042"
    );
}

#[test]
fn plan_reseller_json_gets_inserts_and_subscribes() {
    let path = form_path("team-customer-order.json");
    let output = run(&[path.to_str().unwrap(), "--json", "--plan=reseller"]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = plan_object(&output);
    assert_eq!(
        calls(&value),
        [
            "reseller.customers.get",
            "reseller.customers.insert",
            "reseller.subscriptions.insert",
        ]
    );
    assert_eq!(value["plan"][0]["method"], "GET");
    assert_eq!(
        value["plan"][0]["path"],
        "apps/reseller/v1/customers/studio-nord.de"
    );
    let subscription = &value["plan"][2];
    assert_eq!(
        subscription["path"],
        "apps/reseller/v1/customers/{customerId}/subscriptions"
    );
    assert_eq!(subscription["body"]["plan"]["planName"], "FLEXIBLE");
    assert_eq!(subscription["body"]["seats"]["maximumNumberOfSeats"], 10);
}

#[test]
fn plan_without_an_order_stops_after_creation() {
    let path = form_path("domain-customer.json");
    let channel = plan_object(&run(&[
        path.to_str().unwrap(),
        "--plan",
        "channel",
        "--json",
    ]));
    assert_eq!(calls(&channel).len(), 3);
    let reseller = plan_object(&run(&[
        path.to_str().unwrap(),
        "--plan",
        "reseller",
        "--json",
    ]));
    assert_eq!(
        calls(&reseller),
        [
            "reseller.customers.get",
            "reseller.customers.insert",
            "directory.users.insert",
            "directory.users.makeAdmin"
        ]
    );
    // The admin's password is a placeholder in a plan.
    assert_eq!(reseller["plan"][2]["body"]["password"], "{password}");
}

#[test]
fn plan_is_empty_when_the_form_or_its_order_has_an_error() {
    let path = form_path("invalid-www-and-country.json");
    let output = run(&[path.to_str().unwrap(), "--plan", "channel", "--json"]);
    assert_eq!(code(&output), Some(1));
    assert_eq!(plan_object(&output)["plan"], serde_json::json!([]));

    let mut form: Value = serde_json::from_str(
        &std::fs::read_to_string(form_path("domain-customer-order.json")).unwrap(),
    )
    .unwrap();
    form["order"]["plan"] = "trial".into();
    form["order"]["seats"] = 50.into();
    let output = run_stdin(&["-", "--plan", "reseller", "--json"], &form.to_string());
    assert_eq!(code(&output), Some(1), "{output:?}");
    let value = plan_object(&output);
    assert_eq!(value["plan"], serde_json::json!([]));
    assert!(
        codes(&value).iter().all(|c| c.starts_with("order.")),
        "{value}"
    );
    assert!(!codes(&value).is_empty());

    let output = run_stdin(&["-", "--plan", "reseller", "--json"], "[1, 2]");
    assert_eq!(code(&output), Some(2));
    assert_eq!(plan_object(&output)["plan"], serde_json::json!([]));
}

#[test]
fn plan_for_a_person_in_english_and_french() {
    let path = form_path("domain-customer-order.json");
    let output = run(&[path.to_str().unwrap(), "--plan", "reseller"]);
    assert_eq!(code(&output), Some(0));
    let text = stdout(&output);
    assert!(text.contains("planned journey (reseller):"), "{text}");
    assert!(
        text.contains(
            "  1. reseller.customers.get\n     GET apps/reseller/v1/customers/acme-widgets.fr\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  5. reseller.subscriptions.insert\n"),
        "{text}"
    );

    let output = run(&[path.to_str().unwrap(), "--plan", "channel", "--lang", "fr"]);
    let text = stdout(&output);
    assert!(text.contains("parcours prévu (channel) :"), "{text}");

    let output = run(&[
        form_path("invalid-nonprofits.json").to_str().unwrap(),
        "--plan",
        "channel",
    ]);
    assert_eq!(code(&output), Some(1));
    assert!(!stdout(&output).contains("planned journey"));
}

#[test]
fn plan_usage_errors_exit_2() {
    for args in [&["--plan"][..], &["--plan", "soap"], &["--plan="]] {
        let output = run(args);
        assert_eq!(code(&output), Some(2), "{args:?}: {output:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("usage: onboard"));
    }
}

/// A valid form's JSON holds the customer as the library normalised it, in the persist shape:
/// the same JSON `Customer` serialises to, and it reloads as that customer. Typed the way
/// salespeople type (upper case domain, spaced phone, lower case region), it is stored
/// normalised.
#[test]
fn json_prints_the_normalised_customer_of_a_valid_form() {
    use gws_onboarding::{Customer, OnboardingForm, form};
    let mut typed = OnboardingForm::sample_domain_customer();
    typed.domain = format!(" {} ", typed.domain.to_uppercase());
    typed.admin.email = typed.admin.email.to_uppercase();
    typed.phone_number = Some("+33 (0)1 42 68 53 00".into());
    typed.language_code = Some("fr-fr".into());
    let text = serde_json::to_string(&typed).expect("a form");
    let output = run_stdin(&["-", "--json"], &text);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = json_object(&output);
    let expected = form::validate(&typed, &form::Policy::default()).expect("the sample is valid");
    assert_eq!(
        value["customer"],
        serde_json::to_value(&expected).expect("a customer")
    );
    let reloaded: Customer = serde_json::from_value(value["customer"].clone()).expect("reloads");
    assert_eq!(reloaded, expected);
    let stored = value["customer"].to_string();
    assert!(stored.contains("+33142685300"), "{stored}");
    assert!(stored.contains("\"fr-FR\""), "{stored}");
    assert!(!stored.contains(&typed.domain), "{stored}");

    // An invalid form has no customer.
    typed.domain = "www.example.com".into();
    let output = run_stdin(
        &["-", "--json"],
        &serde_json::to_string(&typed).expect("a form"),
    );
    assert!(json_object(&output).get("customer").is_none());
}

#[test]
fn plan_transfer_lists_the_transfer_path_on_both_apis() {
    let path = form_path("domain-customer-order.json");
    let output = run(&[
        path.to_str().unwrap(),
        "--plan",
        "channel",
        "--transfer",
        "0a1b2c",
        "--json",
    ]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = plan_object(&output);
    assert_eq!(
        calls(&value),
        [
            "cloudchannel.accounts.checkCloudIdentityAccountsExist",
            "cloudchannel.accounts.customers.import",
            "cloudchannel.accounts.listTransferableSkus",
            "cloudchannel.accounts.listTransferableOffers",
            "cloudchannel.accounts.customers.transferEntitlements",
            // The stand-in customer holds another SKU: the order is bought afterwards.
            "cloudchannel.accounts.customers.listPurchasableSkus",
            "cloudchannel.accounts.customers.listPurchasableOffers",
            "cloudchannel.accounts.customers.entitlements.create",
        ]
    );
    assert_eq!(
        value["plan"][6]["path"]
            .as_str()
            .map(|p| p.contains("sku={sku}")),
        Some(true)
    );
    assert_eq!(value["plan"][1]["body"]["authToken"], "0a1b2c");
    assert_eq!(value["plan"][3]["body"]["sku"], "{sku}");
    assert_eq!(
        value["plan"][4]["body"]["entitlements"][0]["offer"],
        "{offer}"
    );

    let output = run(&[
        path.to_str().unwrap(),
        "--json",
        "--plan=reseller",
        "--transfer=0a1b2c",
    ]);
    assert_eq!(code(&output), Some(0), "{output:?}");
    let value = plan_object(&output);
    assert_eq!(
        calls(&value),
        [
            "reseller.customers.get",
            "reseller.customers.insert",
            "reseller.subscriptions.list",
            "reseller.subscriptions.insert",
            "reseller.subscriptions.insert",
        ]
    );
    assert_eq!(
        value["plan"][2]["path"],
        "apps/reseller/v1/subscriptions?customerId={customerId}&customerAuthToken=0a1b2c\
         &maxResults=100"
    );
    assert_eq!(value["plan"][3]["body"]["skuId"], "{skuId}");
    assert!(
        value["plan"][3]["body"]["seats"]
            .get("licensedNumberOfSeats")
            .is_none()
    );
}

#[test]
fn plan_transfer_usage_errors_exit_2() {
    let path = form_path("domain-customer-order.json");
    for args in [
        &[path.to_str().unwrap(), "--transfer", "0a1b"][..],
        &[
            path.to_str().unwrap(),
            "--plan",
            "reseller",
            "--transfer",
            "not hex",
        ],
        &[path.to_str().unwrap(), "--plan", "reseller", "--transfer"],
    ] {
        let output = run(args);
        assert_eq!(code(&output), Some(2), "{args:?}: {output:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}
