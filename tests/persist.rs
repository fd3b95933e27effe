//! Persisting and reloading: what was validated round-trips through JSON, a reload re-runs the
//! checks (with the default policy or a given one), and what no longer passes is refused with an
//! error naming the field and the code. Also: one `Diagnostic` loop over form violations, wire
//! warnings and drift changes.
#![cfg(feature = "serde")]

use gws_onboarding::customer::TextError;
use gws_onboarding::eligibility::{Ineligibility, OrderRefusal};
use gws_onboarding::error::ParseLangError;
use gws_onboarding::form::{self, FormError, OnboardingForm, Policy};
use gws_onboarding::lifecycle::{
    self, AccountSnapshot, Change, CustomerRecord, Drift, ResellerAccess, SubscriptionStatus,
};
use gws_onboarding::persist::PolicySeed;
use gws_onboarding::persist::SavedProblem;
use gws_onboarding::suffix::SuffixListError;
use gws_onboarding::wire::reseller::CustomerResource;
use gws_onboarding::{
    AddressError, AddressField, CountryCode, CountryError, Customer, Diagnostic, DomainError,
    DomainRules, Edition, EmailAddress, EmailError, Lang, LanguageError, ParseProductError,
    PhoneError, PhoneNumber, PostalAddress, PrimaryDomain, Product, RawPostalAddress, Report,
    RuleError, RuleWarning, Severity, SkuError, SuffixList, Violation, WireError,
    customer::UnknownValue,
};
use serde::de::DeserializeSeed;

fn domain_customer() -> Customer {
    form::validate(
        &OnboardingForm::sample_domain_customer(),
        &Policy::default(),
    )
    .expect("the sample domain customer is valid")
}

fn team_customer() -> Customer {
    form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())
        .expect("the sample team customer is valid")
}

fn education_customer() -> Customer {
    let form: OnboardingForm =
        serde_json::from_str(include_str!("../examples/forms/education-customer.json"))
            .expect("the bundled education form reads");
    form::validate(&form, &Policy::default()).expect("the bundled education form is valid")
}

/// Deserialises `json` as a `T` with `policy`.
fn with_policy<T>(policy: &Policy, json: &str) -> Result<T, serde_json::Error>
where
    for<'p, 'de> PolicySeed<'p, T>: DeserializeSeed<'de, Value = T>,
{
    PolicySeed::<T>::new(policy).deserialize(&mut serde_json::Deserializer::from_str(json))
}

/// A policy whose suffix list makes `domain` (and its own suffix) public suffixes.
fn policy_listing(domain: &PrimaryDomain) -> Policy {
    policy_listing_with(domain, &[])
}

/// The same, with `others` listed too.
fn policy_listing_with(domain: &PrimaryDomain, others: &[&str]) -> Policy {
    let text = format!(
        "// ===BEGIN ICANN DOMAINS===\n{}\n{}\n{}\n// ===END ICANN DOMAINS===\n",
        domain.suffix(),
        domain.as_str(),
        others.join("\n"),
    );
    let list = SuffixList::parse(&text).expect("a valid suffix list");
    Policy::new().domain_rules(DomainRules::new().suffix_list(list))
}

#[track_caller]
fn assert_names(err: &serde_json::Error, field: &str, code: &str) {
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("{field}: ")) || text.contains(&format!("; {field}: ")),
        "{text:?} does not name {field}"
    );
    assert!(
        text.contains(&format!("[{code}]")),
        "{text:?} does not give {code}"
    );
}

// ---------------------------------------------------------------------------------------------
// Customer

#[test]
fn a_customer_saves_as_its_form_and_reloads_equal() {
    for customer in [domain_customer(), team_customer(), education_customer()] {
        let value = serde_json::to_value(&customer).unwrap();
        assert_eq!(
            value,
            serde_json::to_value(OnboardingForm::from(&customer)).unwrap()
        );
        let reloaded: Customer = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(reloaded, customer);
        let text = serde_json::to_string(&customer).unwrap();
        assert_eq!(serde_json::from_str::<Customer>(&text).unwrap(), customer);
        assert_eq!(
            with_policy::<Customer>(&Policy::default(), &text).unwrap(),
            customer
        );
    }
    let json = serde_json::to_value(domain_customer()).unwrap();
    // camelCase, canonical spellings, as the console's form.
    assert_eq!(json["customerType"], "domain");
    assert_eq!(json["productFamily"], "google-workspace");
    assert_eq!(json["edition"], "business-standard");
    assert_eq!(json["domain"], "acme-widgets.fr");
    assert_eq!(json["admin"]["firstName"], "Jeanne");
    assert_eq!(json["secondaryEmail"], "it-support@reseller-example.de");
    assert_eq!(json["phoneNumber"], "+33142685300");
    assert_eq!(json["postalAddress"]["postalCode"], "75002");
    assert_eq!(json["crmId"], "CRM-2026-0042");
    let edu = serde_json::to_value(education_customer()).unwrap();
    assert_eq!(edu["educationalInstitution"]["instituteType"], "k12");
}

#[test]
fn a_customer_with_an_order_round_trips_with_it() {
    for text in [
        include_str!("../examples/forms/domain-customer-order.json"),
        include_str!("../examples/forms/team-customer-order.json"),
    ] {
        let form: OnboardingForm = serde_json::from_str(text).unwrap();
        let customer = form::validate(&form, &Policy::default()).unwrap();
        let order = customer.order().expect("the sample has an order");
        let value = serde_json::to_value(&customer).unwrap();
        assert_eq!(value["order"]["product"], order.product().as_str());
        assert_eq!(value["order"]["seats"], order.seats());
        assert_eq!(value["order"]["plan"], order.plan().as_str());
        let reloaded: Customer = serde_json::from_value(value).unwrap();
        assert_eq!(reloaded.order(), Some(order));
        assert_eq!(reloaded, customer);
    }
    let value = serde_json::to_value(domain_customer()).unwrap();
    assert!(value.get("order").is_none(), "{value}");
    // A stored order that no longer passes is refused on its field.
    let form: OnboardingForm =
        serde_json::from_str(include_str!("../examples/forms/domain-customer-order.json")).unwrap();
    let mut value =
        serde_json::to_value(form::validate(&form, &Policy::default()).unwrap()).unwrap();
    value["order"]["seats"] = 0.into();
    let err = serde_json::from_value::<Customer>(value).unwrap_err();
    assert_names(&err, "order.seats", "order.no_seats");
}

#[test]
fn a_stored_domain_that_became_a_public_suffix_is_refused_naming_the_field() {
    let customer = domain_customer();
    let saved = serde_json::to_string(&customer).unwrap();
    let policy = policy_listing(customer.domain());
    let err = with_policy::<Customer>(&policy, &saved).unwrap_err();
    assert_names(&err, "domain", "domain.public_suffix");
    assert!(err.to_string().starts_with("domain: "), "{err}");
    let err = Customer::deserialize_with(&policy, &mut serde_json::Deserializer::from_str(&saved))
        .unwrap_err();
    assert_names(&err, "domain", "domain.public_suffix");

    // A team customer's domain is its admin's: the error names admin.email.
    let team = team_customer();
    let saved = serde_json::to_string(&team).unwrap();
    let err = with_policy::<Customer>(&policy_listing(team.domain()), &saved).unwrap_err();
    assert_names(&err, "admin.email", "domain.public_suffix");
}

#[test]
fn a_stricter_policy_refuses_what_the_old_one_accepted() {
    let saved = serde_json::to_string(&team_customer()).unwrap();
    let err = with_policy::<Customer>(&Policy::new().require_phone(true), &saved).unwrap_err();
    assert_names(&err, "phoneNumber", "form.required");
    let france = Policy::new().allowed_countries([CountryCode::parse("FR").unwrap()]);
    let err = with_policy::<Customer>(&france, &saved).unwrap_err();
    assert_names(
        &err,
        "postalAddress.countryCode",
        "form.country_not_allowed",
    );
    // The default policy still takes it.
    assert_eq!(
        serde_json::from_str::<Customer>(&saved).unwrap(),
        team_customer()
    );
}

#[test]
fn a_tampered_customer_lists_every_error() {
    let mut value = serde_json::to_value(domain_customer()).unwrap();
    value["domain"] = "www.acme-widgets.fr".into();
    value["postalAddress"]["countryCode"] = "UK".into();
    value["secondaryEmail"] = serde_json::Value::Null;
    let err = serde_json::from_value::<Customer>(value).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("domain: "), "{text}");
    assert_names(&err, "domain", "domain.www");
    assert_names(&err, "secondaryEmail", "form.required");
    assert_names(&err, "postalAddress.countryCode", "country.unassigned");
    // Warnings do not refuse a customer.
    let mut form = OnboardingForm::sample_domain_customer();
    form.domain = "paris.acme-widgets.fr".into();
    form.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
    form.secondary_email = Some("it@acme-widgets.fr".into());
    let customer: Customer = serde_json::from_value(serde_json::to_value(&form).unwrap()).unwrap();
    assert_eq!(customer.domain().as_str(), "paris.acme-widgets.fr");
}

#[test]
fn what_is_not_a_customer_is_refused_without_panic() {
    for json in [
        "null",
        "42",
        "\"acme.fr\"",
        "[]",
        "{}",
        r#"{"customerType": 5}"#,
        r#"{"customerType": "domain", "admin": "x"}"#,
        "{\"domain\": \"\u{202e}moc.emca\"}",
    ] {
        assert!(serde_json::from_str::<Customer>(json).is_err(), "{json}");
    }
    // Over-long values are refused by their length, and the error stays short.
    let mut value = serde_json::to_value(domain_customer()).unwrap();
    value["organizationName"] = "x".repeat(10_000_000).into();
    let err = serde_json::from_value::<Customer>(value).unwrap_err();
    assert_names(&err, "organizationName", "form.too_long");
    assert!(err.to_string().len() < 1000, "{}", err.to_string().len());
}

// ---------------------------------------------------------------------------------------------
// Report and Violation

/// What a person or a program reads of a report.
fn readings(report: &Report) -> Vec<(String, &'static str, Severity, String, String)> {
    report
        .iter()
        .map(|v| {
            (
                v.field().to_owned(),
                v.code(),
                v.severity(),
                v.message(Lang::En),
                v.message(Lang::Fr),
            )
        })
        .collect()
}

#[track_caller]
fn assert_report_round_trips(report: &Report) {
    let value = serde_json::to_value(report).unwrap();
    let reloaded: Report = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(readings(&reloaded), readings(report));
    assert_eq!(reloaded.to_string(), report.to_string());
    assert_eq!(reloaded.has_errors(), report.has_errors());
    assert_eq!(reloaded.entries(Lang::Fr), report.entries(Lang::Fr));
    assert_eq!(serde_json::to_value(&reloaded).unwrap(), value);
    for v in &reloaded {
        let Some(saved) = v.problem().downcast_ref::<SavedProblem>() else {
            panic!("a reloaded violation holds a saved problem: {v:?}");
        };
        assert_eq!(saved.code(), v.code());
    }
}

#[test]
fn a_report_saves_what_people_read_and_reloads_it() {
    let mut form = OnboardingForm::sample_domain_customer();
    form.domain = "www.acme-widgets.fr".into();
    form.postal_address.country_code = "XX".into();
    let report = form::validate(&form, &Policy::default()).unwrap_err();
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(
        value[0],
        serde_json::json!({
            "field": "domain",
            "code": "domain.www",
            "severity": "error",
            "messages": {
                "en": report.iter().next().unwrap().message(Lang::En),
                "fr": report.iter().next().unwrap().message(Lang::Fr),
            },
        })
    );
    assert_eq!(value[1]["field"], "postalAddress.countryCode");
    assert_report_round_trips(&report);
    assert_report_round_trips(
        &form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err(),
    );
    assert_report_round_trips(&Report::default());
    // A warning stays a warning.
    let mut form = OnboardingForm::sample_domain_customer();
    form.domain = "paris.acme-widgets.fr".into();
    form.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
    form.secondary_email = Some("it@acme-widgets.fr".into());
    let outcome = form::check(&form, &Policy::default());
    assert_eq!(outcome.report().warnings().count(), 1);
    assert_report_round_trips(outcome.report());
    let reloaded: Report =
        serde_json::from_value(serde_json::to_value(outcome.report()).unwrap()).unwrap();
    assert!(!reloaded.has_errors());
    assert_eq!(reloaded.warnings().count(), 1);
}

#[test]
fn a_report_of_google_errors_round_trips() {
    use gws_onboarding::wire::{Call, reseller};
    let mut fields = Vec::new();
    for json in [
        r#"{"error": {"code": 409, "message": "Entity already exists.", "errors": [
            {"domain": "global", "reason": "duplicate", "message": "Entity already exists."}]}}"#,
        r#"{"error": {"code": 400, "message": "Invalid Value", "errors": [
            {"domain": "global", "reason": "invalid", "message": "Invalid Value \u202e"}]}}"#,
        r#"{"error": {"code": 503, "message": "Backend Error"}}"#,
    ] {
        let body: reseller::ErrorBody = serde_json::from_str(json).unwrap();
        let report = body.to_report(Call::ResellerCustomersInsert);
        assert!(!report.is_empty(), "{json}");
        assert!(report.codes().all(|c| c.starts_with("google.")), "{report}");
        assert_report_round_trips(&report);
        fields.extend(report.iter().map(|v| v.field().to_owned()));
    }
    // Google errors on no particular field have the empty path, and reload with it.
    assert_eq!(fields, ["domain", "", ""]);
}

#[test]
fn severity_is_lowercase_text() {
    assert_eq!(
        serde_json::to_string(&Severity::Error).unwrap(),
        "\"error\""
    );
    assert_eq!(
        serde_json::to_string(&Severity::Warning).unwrap(),
        "\"warning\""
    );
    assert_eq!(
        serde_json::from_str::<Severity>("\"warning\"").unwrap(),
        Severity::Warning
    );
    assert!(serde_json::from_str::<Severity>("\"fatal\"").is_err());
}

#[test]
fn a_saved_violation_is_checked_on_reload() {
    let good = serde_json::json!({
        "field": "domain", "code": "domain.www", "severity": "error",
        "messages": {"en": "starts with www.", "fr": "commence par www."},
    });
    assert!(serde_json::from_value::<Violation>(good.clone()).is_ok());
    let refused = |edit: &dyn Fn(&mut serde_json::Value), needle: &str| {
        let mut value = good.clone();
        edit(&mut value);
        let err = serde_json::from_value::<Violation>(value.clone()).unwrap_err();
        assert!(err.to_string().contains(needle), "{value}: {err}");
        // Inside a report too.
        let list = serde_json::Value::Array(vec![good.clone(), value]);
        assert!(serde_json::from_value::<Report>(list).is_err());
    };
    refused(
        &|v| v["code"] = "domain.made_up".into(),
        "not one this version",
    );
    refused(&|v| v["code"] = "DOMAIN.WWW".into(), "not one this version");
    refused(
        &|v| v["field"] = "a\u{202e}b".into(),
        "not the path of a form field",
    );
    refused(
        &|v| v["field"] = "x".repeat(800).into(),
        "not the path of a form field",
    );
    refused(
        &|v| v["severity"] = "fatal".into(),
        "unknown severity \"fatal\"",
    );
    refused(&|v| v["messages"]["fr"] = "a\u{202e}b".into(), "U+202E");
    refused(
        &|v| v["messages"]["en"] = " ".into(),
        "messages.en is blank",
    );
    refused(
        &|v| v["messages"]["en"] = "x".repeat(5000).into(),
        "bytes is more than",
    );
    refused(
        &|v| v["messages"] = serde_json::json!({"en": "only english"}),
        "missing field `fr`",
    );
    refused(&|v| v["code"] = serde_json::Value::Null, "invalid type");
    // A violation on no particular field (a Google error that names none) has an empty path.
    let mut value = good.clone();
    value["field"] = "".into();
    assert_eq!(
        serde_json::from_value::<Violation>(value).unwrap().field(),
        ""
    );
    // Codes of every area are known, drift and wire ones included.
    for code in [
        "drift.phone",
        "wire.phone",
        "lang.unsupported",
        "suffix_list.empty",
    ] {
        let mut value = good.clone();
        value["code"] = code.into();
        let v: Violation = serde_json::from_value(value).unwrap();
        assert_eq!(v.code(), code);
    }
    // Bounded: a report of more than MAX_SAVED_VIOLATIONS violations is refused.
    let many = serde_json::Value::Array(vec![
        good;
        gws_onboarding::persist::MAX_SAVED_VIOLATIONS + 1
    ]);
    let err = serde_json::from_value::<Report>(many).unwrap_err();
    assert!(
        err.to_string().starts_with("more than 1000 violations"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// AccountSnapshot, CustomerRecord, Drift

#[test]
fn snapshots_round_trip_and_are_checked() {
    let ours = AccountSnapshot::from(&domain_customer());
    let value = serde_json::to_value(&ours).unwrap();
    assert_eq!(value["domain"], "acme-widgets.fr");
    assert_eq!(value["adminEmail"], "jeanne.martin@acme-widgets.fr");
    assert_eq!(value["alternateEmail"], "it-support@reseller-example.de");
    assert_eq!(value["phoneNumber"], "+33142685300");
    assert_eq!(value["postalAddress"]["locality"], "Paris");
    assert_eq!(
        serde_json::from_value::<AccountSnapshot>(value).unwrap(),
        ours
    );

    let bare = AccountSnapshot::new(PrimaryDomain::parse("acme.fr").unwrap());
    let text = serde_json::to_string(&bare).unwrap();
    assert_eq!(text, r#"{"domain":"acme.fr"}"#);
    assert_eq!(
        serde_json::from_str::<AccountSnapshot>(&text).unwrap(),
        bare
    );

    // What Google holds reads back: a name under a private suffix, a subdomain.
    let json = r#"{"customerId": "C1", "customerDomain": "shop.acme.github.io"}"#;
    let resource: CustomerResource = serde_json::from_str(json).unwrap();
    let theirs = resource.to_snapshot().unwrap();
    let text = serde_json::to_string(&theirs).unwrap();
    assert_eq!(
        serde_json::from_str::<AccountSnapshot>(&text).unwrap(),
        theirs
    );

    // A stored domain that became a public suffix, and bad fields, are named.
    let saved = serde_json::to_string(&ours).unwrap();
    let err = with_policy::<AccountSnapshot>(&policy_listing(ours.domain()), &saved).unwrap_err();
    assert_names(&err, "domain", "domain.public_suffix");
    let mut value = serde_json::to_value(&ours).unwrap();
    value["postalAddress"]["postalCode"] = "".into();
    value["adminEmail"] = "jeanne".into();
    value["phoneNumber"] = "01 42 68 53 00".into();
    let err = serde_json::from_value::<AccountSnapshot>(value).unwrap_err();
    assert_names(&err, "postalAddress.postalCode", "address.missing");
    assert_names(&err, "adminEmail", "email.missing_at");
    assert_names(&err, "phoneNumber", "phone.missing_plus");
    assert!(serde_json::from_str::<AccountSnapshot>("{}").is_err());
    assert!(serde_json::from_str::<AccountSnapshot>(r#"{"domain": 1}"#).is_err());
}

#[test]
fn records_round_trip_and_refuse_repeats() {
    let mut record = CustomerRecord::new();
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(json, r#"{"subscriptions":[],"resellerAccess":"disabled"}"#);
    assert_eq!(
        serde_json::from_str::<CustomerRecord>(&json).unwrap(),
        record
    );
    record.record_order(Edition::BusinessPlus.into(), SubscriptionStatus::Pending);
    record.record_order(
        Product::Addon(gws_onboarding::Addon::Vault),
        SubscriptionStatus::Suspended,
    );
    record.allow_reseller_access();
    let json = serde_json::to_string(&record).unwrap();
    let reloaded: CustomerRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(reloaded, record);
    assert_eq!(
        reloaded.subscription_status(),
        Some(SubscriptionStatus::Suspended)
    );
    assert_eq!(reloaded.reseller_access(), ResellerAccess::Enabled);

    for (json, needle) in [
        (
            r#"{"subscriptions": [{"product": "vault", "status": "ACTIVE"}, {"product": "VAULT", "status": "PENDING"}], "resellerAccess": "enabled"}"#,
            "subscriptions[1].product: \"vault\" is listed twice",
        ),
        (
            r#"{"subscriptions": [{"product": "business-premium", "status": "ACTIVE"}], "resellerAccess": "enabled"}"#,
            "business-premium",
        ),
        (
            r#"{"subscriptions": [{"product": "vault", "status": "CANCELLED"}], "resellerAccess": "enabled"}"#,
            "CANCELLED",
        ),
        (
            r#"{"subscriptions": [], "resellerAccess": "maybe"}"#,
            "unknown reseller access \"maybe\"",
        ),
        (r#"{"subscriptions": []}"#, "missing field `resellerAccess`"),
        (
            r#"{"resellerAccess": "enabled"}"#,
            "missing field `subscriptions`",
        ),
    ] {
        let err = serde_json::from_str::<CustomerRecord>(json).unwrap_err();
        assert!(err.to_string().contains(needle), "{json}: {err}");
    }
}

/// The sample customer's snapshot against one where every value changed.
fn moved() -> (AccountSnapshot, AccountSnapshot) {
    let ours = AccountSnapshot::from(&domain_customer());
    let mut raw = RawPostalAddress::from(ours.postal_address().unwrap().clone());
    raw.address_line2 = Some("Bâtiment B".into());
    raw.locality = Some("Lyon".into());
    let theirs = AccountSnapshot::new(PrimaryDomain::parse("acme-widgets.com").unwrap())
        .with_postal_address(PostalAddress::new(&raw).unwrap())
        .with_admin_email(EmailAddress::parse("boss@acme-widgets.com").unwrap())
        .with_alternate_email(EmailAddress::parse("it@other-reseller.de").unwrap())
        .with_phone(PhoneNumber::parse("+33 4 78 00 00 00").unwrap());
    (ours, theirs)
}

#[test]
fn drift_round_trips_in_its_order() {
    let (ours, theirs) = moved();
    let drift = lifecycle::drift(&ours, &theirs);
    assert_eq!(drift.len(), 6);
    let value = serde_json::to_value(&drift).unwrap();
    assert_eq!(
        value[1],
        serde_json::json!({"code": "drift.postal_address", "field": "postalAddress.addressLine2", "theirs": "Bâtiment B"})
    );
    assert_eq!(value[0]["code"], "drift.domain");
    assert_eq!(value[0]["field"], "customerDomain");
    assert_eq!(
        serde_json::from_value::<Drift>(value.clone()).unwrap(),
        drift
    );
    for (i, change) in drift.iter().enumerate() {
        assert_eq!(
            serde_json::from_value::<Change>(value[i].clone()).unwrap(),
            *change
        );
    }
    assert_eq!(
        serde_json::from_str::<Drift>("[]").unwrap(),
        Drift::default()
    );

    let refused = |json: serde_json::Value, needle: &str| {
        let err = serde_json::from_value::<Drift>(json.clone()).unwrap_err();
        assert!(err.to_string().contains(needle), "{json}: {err}");
    };
    let mut reversed = value.as_array().unwrap().clone();
    reversed.reverse();
    refused(reversed.into(), "changes come in drift's order");
    refused(
        serde_json::json!([value[0], value[0]]),
        "changes come in drift's order",
    );
    refused(
        serde_json::json!([{"code": "drift.domain", "field": "customerDomain", "ours": "co.uk", "theirs": "acme.fr"}]),
        "customerDomain (ours): ",
    );
    refused(
        serde_json::json!([{"code": "drift.domain", "field": "domain", "ours": "a.fr", "theirs": "b.fr"}]),
        "does not go with code drift.domain",
    );
    refused(
        serde_json::json!([{"code": "drift.domain", "field": "customerDomain", "ours": "a.fr"}]),
        "both ours and theirs are required",
    );
    refused(
        serde_json::json!([{"code": "drift.admin_email", "field": "primaryAdmin.primaryEmail", "ours": "A@b.fr", "theirs": "a@B.fr"}]),
        "which is no change",
    );
    refused(
        serde_json::json!([{"code": "drift.postal_address", "field": "postalAddress.locality", "ours": "PARIS", "theirs": " paris "}]),
        "which is no change",
    );
    refused(
        serde_json::json!([{"code": "drift.postal_address", "field": "postalAddress.postalCode", "ours": "75001"}]),
        "both ours and theirs are required",
    );
    refused(
        serde_json::json!([{"code": "drift.postal_address", "field": "postalAddress.countryCode", "ours": "FR", "theirs": "UK"}]),
        "[country.unassigned]",
    );
    refused(
        serde_json::json!([{"code": "drift.postal_address", "field": "postalAddress.region", "ours": "a\nb", "theirs": "c"}]),
        "[address.unsafe_char]",
    );
    refused(
        serde_json::json!([{"code": "drift.postal_address", "field": "postalAddress.street", "ours": "a", "theirs": "b"}]),
        "does not go with code drift.postal_address",
    );
    refused(
        serde_json::json!([{"code": "drift.phone", "field": "phoneNumber", "ours": "+33142685300", "theirs": "0142685300"}]),
        "phoneNumber (theirs): ",
    );
    refused(
        serde_json::json!([{"code": "drift.fax", "field": "fax", "ours": "1", "theirs": "2"}]),
        "unknown drift code \"drift.fax\"",
    );

    // With a newer suffix list, a saved drift whose domain became a public suffix is refused.
    let saved = serde_json::to_string(&drift).unwrap();
    let err =
        with_policy::<Drift>(&policy_listing_with(theirs.domain(), &["fr"]), &saved).unwrap_err();
    assert!(
        err.to_string().starts_with("customerDomain (theirs): "),
        "{err}"
    );
    assert!(err.to_string().contains("[domain.public_suffix]"), "{err}");
}

#[test]
fn the_fuzz_seeds_reload() {
    let customer: Customer =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/customer.json")).unwrap();
    assert_eq!(customer, domain_customer());
    let with_order: Customer =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/customer-order.json")).unwrap();
    assert_eq!(
        with_order.order().map(gws_onboarding::Order::seats),
        Some(25)
    );
    let report: Report =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/report.json")).unwrap();
    assert_eq!(
        report.codes().collect::<Vec<_>>(),
        ["domain.www", "rule.secondary_same_registrable"]
    );
    let snapshot: AccountSnapshot =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/snapshot.json")).unwrap();
    assert_eq!(snapshot, AccountSnapshot::from(&domain_customer()));
    let record: CustomerRecord =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/record.json")).unwrap();
    assert_eq!(record.subscriptions().len(), 2);
    let drift: Drift =
        serde_json::from_str(include_str!("../fuzz/seeds/persist/drift.json")).unwrap();
    assert_eq!(drift.len(), 4);
}

// ---------------------------------------------------------------------------------------------
// One diagnostic vocabulary

/// Compiles only when `T` is a diagnostic that can cross threads.
fn is_diagnostic<T: Diagnostic + Send + Sync + 'static>() {}

#[test]
fn every_error_and_warning_type_is_a_diagnostic() {
    is_diagnostic::<DomainError>();
    is_diagnostic::<EmailError>();
    is_diagnostic::<RuleError>();
    is_diagnostic::<RuleWarning>();
    is_diagnostic::<AddressError>();
    is_diagnostic::<CountryError>();
    is_diagnostic::<PhoneError>();
    is_diagnostic::<LanguageError>();
    is_diagnostic::<TextError>();
    is_diagnostic::<UnknownValue>();
    is_diagnostic::<ParseProductError>();
    is_diagnostic::<SkuError>();
    is_diagnostic::<Ineligibility>();
    is_diagnostic::<OrderRefusal>();
    is_diagnostic::<FormError>();
    is_diagnostic::<gws_onboarding::order::OrderError>();
    is_diagnostic::<SuffixListError>();
    is_diagnostic::<ParseLangError>();
    is_diagnostic::<WireError>();
    is_diagnostic::<Violation>();
    is_diagnostic::<Change>();
    is_diagnostic::<SavedProblem>();
}

#[test]
fn one_loop_prints_violations_wire_warnings_and_drift_changes() {
    // A form with an error and a warning.
    let mut form = OnboardingForm::sample_domain_customer();
    form.domain = "paris.acme-widgets.fr".into();
    form.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
    form.secondary_email = Some("it@acme-widgets.fr".into());
    form.phone_number = Some("01 42 68 53".into());
    let report = form::check(&form, &Policy::default()).into_parts().1;

    // Google's answer, with a phone number it kept but this crate cannot read.
    let resource: CustomerResource = serde_json::from_str(
        r#"{"customerId": "C01", "customerDomain": "acme-widgets.com", "phoneNumber": "01 23"}"#,
    )
    .unwrap();
    let warnings = resource.warnings();
    let ours = AccountSnapshot::from(&domain_customer());
    let drift = lifecycle::drift(&ours, &resource.to_snapshot().unwrap());

    // Google's refusal of customers.insert: its violations are form violations too.
    let body: gws_onboarding::wire::reseller::ErrorBody = serde_json::from_str(
        r#"{"error": {"code": 409, "message": "Entity already exists.", "errors": [
            {"domain": "global", "reason": "duplicate", "message": "Entity already exists."}]}}"#,
    )
    .unwrap();
    let google = body.to_report(gws_onboarding::wire::Call::ResellerCustomersInsert);

    let all: Vec<&dyn Diagnostic> = report
        .iter()
        .map(|v| v as &dyn Diagnostic)
        .chain(warnings.iter().map(|w| w as &dyn Diagnostic))
        .chain(drift.iter().map(|c| c as &dyn Diagnostic))
        .chain(google.iter().map(|v| v as &dyn Diagnostic))
        .collect();
    let mut lines = Vec::new();
    for d in &all {
        lines.push(format!(
            "[{}] {}: {}",
            d.severity(),
            d.code(),
            d.message(Lang::Fr)
        ));
    }
    let codes: Vec<(&str, Severity)> = all.iter().map(|d| (d.code(), d.severity())).collect();
    assert_eq!(
        codes,
        [
            // The form's violations in the form's field order: phone before secondary email.
            ("phone.short_for_country", Severity::Error),
            ("rule.secondary_same_registrable", Severity::Warning),
            ("wire.phone", Severity::Warning),
            ("drift.domain", Severity::Warning),
            ("google.already_exists", Severity::Error),
        ]
    );
    assert!(
        lines[3].starts_with("[warning] drift.domain: "),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains("« acme-widgets.fr »") && lines[3].contains("« acme-widgets.com »"),
        "{}",
        lines[3]
    );
    // A reloaded report speaks the same vocabulary.
    let reloaded: Report = serde_json::from_value(serde_json::to_value(&report).unwrap()).unwrap();
    let again: Vec<(&str, Severity, String)> = reloaded
        .iter()
        .map(|v| v as &dyn Diagnostic)
        .map(|d| (d.code(), d.severity(), d.message(Lang::Fr)))
        .collect();
    let before: Vec<(&str, Severity, String)> = report
        .iter()
        .map(|d| (d.code(), d.severity(), d.message(Lang::Fr)))
        .collect();
    assert_eq!(again, before);
}

#[test]
fn address_field_order_is_drift_order() {
    // The drift order a reload wants is the form order of address fields.
    let (ours, _) = moved();
    let raw = RawPostalAddress::from(ours.postal_address().unwrap().clone());
    let mut changed = raw.clone();
    changed.contact_name = "Someone Else".into();
    changed.country_code = "BE".into();
    let theirs = ours
        .clone()
        .with_postal_address(PostalAddress::new(&changed).unwrap());
    let drift = lifecycle::drift(&ours, &theirs);
    let fields: Vec<_> = drift
        .iter()
        .map(|c| match c {
            Change::PostalAddress { field, .. } => *field,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        fields,
        [AddressField::ContactName, AddressField::CountryCode]
    );
    let text = serde_json::to_string(&drift).unwrap();
    assert_eq!(serde_json::from_str::<Drift>(&text).unwrap(), drift);
}

// ---------------------------------------------------------------------------------------------
// Generated cases

#[cfg(feature = "proptest")]
mod generated {
    use super::*;
    use gws_onboarding::strategy;
    use proptest::prelude::*;

    fn product() -> impl Strategy<Value = Product> {
        proptest::sample::select(Product::all().collect::<Vec<_>>())
    }

    fn status() -> impl Strategy<Value = SubscriptionStatus> {
        proptest::sample::select(SubscriptionStatus::ALL.to_vec())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        /// customer → JSON → customer is the identity, with the default policy and through a seed.
        #[test]
        fn customers_round_trip(customer in strategy::customer()) {
            let text = serde_json::to_string(&customer).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Customer>(&text).unwrap(), &customer);
            prop_assert_eq!(&with_policy::<Customer>(&Policy::default(), &text).unwrap(), &customer);
            // Saving is deterministic: the reloaded customer saves the same.
            let again = serde_json::to_string(&serde_json::from_str::<Customer>(&text).unwrap()).unwrap();
            prop_assert_eq!(again, text);
        }

        /// customer (with its first order) → JSON → customer is the identity.
        #[test]
        fn customers_with_orders_round_trip(customer in strategy::customer_with_order()) {
            let text = serde_json::to_string(&customer).unwrap();
            let reloaded = serde_json::from_str::<Customer>(&text).unwrap();
            prop_assert_eq!(reloaded.order(), customer.order());
            prop_assert_eq!(&reloaded, &customer);
        }

        /// A stored form whose order has one mistake is refused, naming the order's field.
        #[test]
        fn near_miss_orders_are_refused_naming_the_field((form, expected) in strategy::invalid_order_form()) {
            let value = serde_json::to_value(&form).unwrap();
            let err = serde_json::from_value::<Customer>(value).unwrap_err();
            assert_names(&err, expected.field, expected.code);
        }

        /// A saved customer whose domain became a public suffix is refused, naming the field.
        #[test]
        fn customers_whose_domain_became_a_suffix_are_refused(customer in strategy::customer()) {
            let text = serde_json::to_string(&customer).unwrap();
            let err = with_policy::<Customer>(&policy_listing(customer.domain()), &text).unwrap_err();
            let field = if customer.kind().is_email_verified() { "admin.email" } else { "domain" };
            assert_names(&err, field, "domain.public_suffix");
        }

        /// A stored form with one salesperson's mistake is refused, naming its field and code.
        #[test]
        fn near_miss_customers_are_refused_naming_the_field((form, expected) in strategy::invalid_form()) {
            let value = serde_json::to_value(&form).unwrap();
            let err = serde_json::from_value::<Customer>(value).unwrap_err();
            assert_names(&err, expected.field, expected.code);
        }

        /// Any report (of a near miss) reloads to what it said, and saves again the same.
        #[test]
        fn reports_round_trip((form, _) in strategy::invalid_form()) {
            let report = form::check(&form, &Policy::default()).into_parts().1;
            assert_report_round_trips(&report);
        }

        /// The report of a form full of arbitrary text (controls, bidi overrides, huge
        /// values) round-trips too: every message the crate writes is safe to save.
        #[test]
        fn reports_of_arbitrary_forms_round_trip(
            values in proptest::collection::vec(
                prop_oneof![
                    ".{0,80}",
                    "[\\x00-\\x1f\\u{200b}-\\u{202e}a-z@.]{0,40}",
                    (0usize..3).prop_map(|n| "é\u{202e}".repeat(100 * 10usize.pow(u32::try_from(n).unwrap_or(0)))),
                ],
                8,
            ),
        ) {
            let mut form = OnboardingForm::sample_domain_customer();
            form.domain.clone_from(&values[0]);
            form.admin.email.clone_from(&values[1]);
            form.secondary_email = Some(values[2].clone());
            form.postal_address.locality = Some(values[3].clone());
            form.postal_address.country_code.clone_from(&values[4]);
            form.phone_number = Some(values[5].clone());
            form.language_code = Some(values[6].clone());
            form.organization_name.clone_from(&values[7]);
            let report = form::check(&form, &Policy::default()).into_parts().1;
            assert_report_round_trips(&report);
        }

        /// Snapshots of generated customers round-trip.
        #[test]
        fn snapshots_round_trip(customer in strategy::customer()) {
            let snap = AccountSnapshot::from(&customer);
            let text = serde_json::to_string(&snap).unwrap();
            prop_assert_eq!(serde_json::from_str::<AccountSnapshot>(&text).unwrap(), snap);
        }

        /// The drift between a generated customer and generated values at Google round-trips,
        /// changes in order.
        #[test]
        fn drifts_round_trip(
            customer in strategy::customer(),
            domain in proptest::option::of(strategy::primary_domain()),
            address in proptest::option::of(strategy::postal_address_raw()),
            admin in proptest::option::of(strategy::email_address()),
            alternate in proptest::option::of(strategy::email_address()),
            phone in proptest::option::of(strategy::phone_number()),
        ) {
            let ours = AccountSnapshot::from(&customer);
            let mut theirs = AccountSnapshot::new(domain.unwrap_or_else(|| ours.domain().clone()));
            if let Some(raw) = address {
                theirs = theirs.with_postal_address(PostalAddress::new(&raw).unwrap());
            }
            if let Some(admin) = admin {
                theirs = theirs.with_admin_email(admin);
            }
            if let Some(alternate) = alternate {
                theirs = theirs.with_alternate_email(alternate);
            }
            if let Some(phone) = phone {
                theirs = theirs.with_phone(PhoneNumber::parse(&phone).unwrap());
            }
            let drift = lifecycle::drift(&ours, &theirs);
            let text = serde_json::to_string(&drift).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Drift>(&text).unwrap(), &drift);
            prop_assert_eq!(&with_policy::<Drift>(&Policy::default(), &text).unwrap(), &drift);
        }

        /// Any sequence of orders round-trips.
        #[test]
        fn records_round_trip(
            orders in proptest::collection::vec((product(), status()), 0..40),
            enabled in any::<bool>(),
        ) {
            let mut record = CustomerRecord::new();
            for (product, status) in orders {
                record.record_order(product, status);
            }
            if enabled {
                record.allow_reseller_access();
            }
            let text = serde_json::to_string(&record).unwrap();
            prop_assert_eq!(serde_json::from_str::<CustomerRecord>(&text).unwrap(), record);
        }

        /// Arbitrary text never panics any reader.
        #[test]
        fn arbitrary_input_never_panics(text in "\\PC{0,200}") {
            let _ = serde_json::from_str::<Customer>(&text);
            let _ = serde_json::from_str::<Report>(&text);
            let _ = serde_json::from_str::<AccountSnapshot>(&text);
            let _ = serde_json::from_str::<CustomerRecord>(&text);
            let _ = serde_json::from_str::<Drift>(&text);
        }

        /// A saved customer with one value replaced by arbitrary text is refused or still
        /// validates (then it equals validating the edited form), never a panic.
        #[test]
        fn edited_customers_reload_as_their_form_validates(
            customer in strategy::customer(),
            field in proptest::sample::select(vec!["domain", "organizationName", "secondaryEmail", "phoneNumber", "languageCode", "crmId", "edition"]),
            text in "\\PC{0,80}",
        ) {
            let mut value = serde_json::to_value(&customer).unwrap();
            value[field] = text.into();
            let form: OnboardingForm = serde_json::from_value(value.clone()).unwrap();
            let expected = form::validate(&form, &Policy::default());
            match (serde_json::from_value::<Customer>(value), expected) {
                (Ok(reloaded), Ok(validated)) => prop_assert_eq!(reloaded, validated),
                (Err(err), Err(report)) => {
                    for v in report.errors() {
                        assert_names(&err, v.field(), v.code());
                    }
                }
                (got, want) => prop_assert!(false, "reload {got:?} but validate {want:?}"),
            }
        }
    }
}

/// The report of a form with unknown keys, however they are spelled, saves and reloads what it
/// said: the path of an unknown key is a saved field path (found by the `persist` fuzz target).
#[test]
fn a_report_with_unknown_keys_reloads() {
    use gws_onboarding::form::{self, OnboardingForm, Policy};
    let keys = [
        "hasWorkspaceForNonprofi;;;;;;;;;;;;;;;;;;;;;;ts".to_owned(),
        "clé avec espaces « et guillemets »".to_owned(),
        "\u{202e}\u{0}\n".to_owned(),
        "é".repeat(300),
        "\u{301}".repeat(200),
    ];
    for key in keys {
        for under_admin in [false, true] {
            let mut json =
                serde_json::to_value(OnboardingForm::sample_domain_customer()).expect("a form");
            let object = if under_admin {
                &mut json["admin"]
            } else {
                &mut json
            };
            object
                .as_object_mut()
                .expect("an object")
                .insert(key.clone(), 1.into());
            let typed: OnboardingForm = serde_json::from_value(json).expect("a form");
            let report = form::check(&typed, &Policy::default()).into_parts().1;
            assert!(report.codes().any(|c| c == "form.unknown_field"), "{key:?}");
            let saved = serde_json::to_string(&report).expect("saves");
            let again: form::Report = serde_json::from_str(&saved).expect("reloads");
            assert_eq!(again.entries(Lang::En), report.entries(Lang::En), "{key:?}");
        }
    }
}
