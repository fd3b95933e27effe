//! Google's answers that are not the resource asked for: error bodies of both APIs (recorded,
//! one per documented case), long-running operations and their statuses, read into the form's
//! `Report` vocabulary, with bounded work on huge or hostile input.
#![cfg(feature = "serde")]

use gws_onboarding::form::Report;
use gws_onboarding::wire::{
    Call, GoogleError, GoogleErrorKind, MAX_FIELD_VIOLATIONS, MAX_TEXT, Operation, Status, channel,
    reseller,
};
use gws_onboarding::{Lang, Severity};
use proptest::prelude::*;
use serde_json::{Value, json};

fn reseller_report(body: &Value, call: Call) -> Report {
    let body: reseller::ErrorBody =
        serde_json::from_value(body.clone()).unwrap_or_else(|e| panic!("{e}: {body}"));
    body.to_report(call)
}

fn channel_report(body: &Value, call: Call) -> Report {
    let body: channel::ErrorBody =
        serde_json::from_value(body.clone()).unwrap_or_else(|e| panic!("{e}: {body}"));
    body.to_report(call)
}

/// The (field, code) of every violation.
fn fields_and_codes(report: &Report) -> Vec<(String, &'static str)> {
    report
        .iter()
        .map(|v| (v.field().to_owned(), v.code()))
        .collect()
}

/// The only violation of `report`.
#[track_caller]
fn only(report: &Report) -> &gws_onboarding::Violation {
    assert_eq!(report.len(), 1, "{report}");
    report.iter().next().unwrap()
}

// ---------------------------------------------------------------- Reseller API bodies

fn reseller_body(code: u16, reason: &str, message: &str, location: Option<&str>) -> Value {
    let mut item = json!({"domain": "global", "reason": reason, "message": message});
    if let Some(location) = location {
        item["locationType"] = json!("parameter");
        item["location"] = json!(location);
    }
    json!({"error": {"code": code, "message": message, "errors": [item]}})
}

#[test]
fn reseller_409_on_insert_means_transfer() {
    let body = json!({"error": {"code": 409, "message": "Requested entity already exists",
        "errors": [{"message": "Requested entity already exists", "domain": "global",
                    "reason": "duplicate"}]}});
    let report = reseller_report(&body, Call::ResellerCustomersInsert);
    let v = only(&report);
    assert_eq!((v.field(), v.code()), ("domain", "google.already_exists"));
    assert_eq!(
        v.message(Lang::En),
        "this customer already exists at Google: transfer it with its transfer token instead of creating it (Google: \"Requested entity already exists\")"
    );
    assert_eq!(
        v.message(Lang::Fr),
        "ce client existe déjà chez Google : transférez-le avec son jeton de transfert au lieu de le créer (Google : « Requested entity already exists »)"
    );
    assert_eq!(v.severity(), Severity::Error);
    let Some(error) = v.problem().downcast_ref::<GoogleError>() else {
        panic!("{:?}", v.problem())
    };
    assert_eq!(error.kind(), GoogleErrorKind::AlreadyExists);
    assert_eq!(error.call(), Call::ResellerCustomersInsert);
    assert_eq!(error.http_status(), Some(409));
    assert_eq!(error.reason(), Some("duplicate"));
    // A bare 409 without `errors` is read the same way.
    let bare = json!({"error": {"code": 409, "message": "Conflict"}});
    let report = reseller_report(&bare, Call::ResellerCustomersInsert);
    assert_eq!(
        fields_and_codes(&report),
        [("domain".to_owned(), "google.already_exists")]
    );
}

#[test]
fn reseller_400_invalid_known_texts_name_the_form_field() {
    let call = Call::ResellerCustomersInsert;
    let same_domain = reseller_body(
        400,
        "invalid",
        "alternateEmail can't be at the same domain as customerDomain",
        None,
    );
    let v = reseller_report(&same_domain, call);
    let v = only(&v);
    assert_eq!((v.field(), v.code()), ("secondaryEmail", "google.invalid"));
    assert!(
        v.message(Lang::En)
            .starts_with("the secondary email address must not be on the customer's domain")
    );
    assert!(
        v.message(Lang::Fr)
            .starts_with("l'adresse e-mail secondaire ne doit pas être sur le domaine du client")
    );

    let postal = reseller_body(400, "invalid", "Invalid postal code", None);
    let report = reseller_report(&postal, call);
    let v = only(&report);
    assert_eq!(v.field(), "postalAddress.postalCode");
    assert!(
        v.message(Lang::En)
            .starts_with("the postal code does not fit the country")
    );

    let country = reseller_body(400, "invalid", "Country is not eligible for resale", None);
    let report = reseller_report(&country, call);
    let v = only(&report);
    assert_eq!(v.field(), "postalAddress.countryCode");
    assert!(
        v.message(Lang::Fr)
            .starts_with("le pays a été refusé par Google")
    );
}

#[test]
fn reseller_locations_map_to_form_fields() {
    let call = Call::ResellerCustomersInsert;
    for (location, field) in [
        ("customerDomain", "domain"),
        ("alternateEmail", "secondaryEmail"),
        ("phoneNumber", "phoneNumber"),
        ("postalAddress.postalCode", "postalAddress.postalCode"),
        ("postalAddress.countryCode", "postalAddress.countryCode"),
        ("postalAddress.contactName", "postalAddress.contactName"),
        ("postalAddress.addressLine2", "postalAddress.addressLine2"),
        ("primaryAdmin.primaryEmail", "admin.email"),
    ] {
        let body = reseller_body(400, "invalid", "Invalid Value", Some(location));
        let report = reseller_report(&body, call);
        let v = only(&report);
        assert_eq!(
            (v.field(), v.code()),
            (field, "google.invalid"),
            "{location}"
        );
        assert!(v.message(Lang::En).contains("(Google: \"Invalid Value\")"));
    }
    for (location, field) in [
        ("seats.numberOfSeats", "order.seats"),
        ("plan.planName", "order.plan"),
        ("purchaseOrderId", "order.purchaseOrderId"),
        ("dealCode", "order.dealCode"),
        ("skuId", "order.product"),
    ] {
        let body = reseller_body(400, "invalid", "Invalid Value", Some(location));
        let report = reseller_report(&body, Call::ResellerSubscriptionsInsert);
        assert_eq!(only(&report).field(), field, "{location}");
    }
    // An unknown location names no field; Google's words are quoted.
    let body = reseller_body(400, "badRequest", "Bad Request", Some("customerAuthToken"));
    let report = reseller_report(&body, call);
    let v = only(&report);
    assert_eq!((v.field(), v.code()), ("", "google.invalid"));
    assert_eq!(
        v.message(Lang::En),
        "a value of the request was refused by Google: check the form against Google's message, then send it again (Google: \"Bad Request\")"
    );
}

#[test]
fn reseller_403_404_412_429_and_5xx() {
    let report = reseller_report(
        &reseller_body(403, "forbidden", "Forbidden", None),
        Call::ResellerCustomersGet,
    );
    let v = only(&report);
    assert_eq!(v.code(), "google.permission_denied");
    assert!(
        v.message(Lang::En)
            .starts_with("you are not this customer's reseller, or reseller access is disabled")
    );
    assert!(v.message(Lang::Fr).contains("console d'administration"));

    let report = reseller_report(
        &reseller_body(404, "notFound", "Resource Not Found: customerKey", None),
        Call::ResellerCustomersGet,
    );
    let v = only(&report);
    assert_eq!(v.code(), "google.not_found");
    assert!(
        v.message(Lang::En)
            .starts_with("no customer with this domain at Google: you can create it")
    );

    let report = reseller_report(
        &reseller_body(412, "conditionNotMet", "Precondition Failed", None),
        Call::ResellerSubscriptionsInsert,
    );
    let v = only(&report);
    assert_eq!(v.code(), "google.failed_precondition");
    assert!(v.message(Lang::En).contains("have the domain verified"));

    let body = json!({"error": {"code": 429, "message": "Quota exceeded",
        "errors": [{"domain": "usageLimits", "reason": "quotaExceeded", "message": "Quota exceeded"}]}});
    let report = reseller_report(&body, Call::ResellerSubscriptionsInsert);
    let v = only(&report);
    assert_eq!(v.code(), "google.quota_exceeded");
    assert!(
        v.message(Lang::En)
            .starts_with("too many requests sent to Google: wait a minute")
    );
    assert!(
        v.message(Lang::Fr)
            .starts_with("trop de requêtes envoyées à Google : patientez")
    );

    let report = reseller_report(
        &reseller_body(503, "backendError", "Backend Error", None),
        Call::ResellerCustomersInsert,
    );
    assert_eq!(only(&report).code(), "google.unavailable");
    let report = reseller_report(
        &reseller_body(
            401,
            "authError",
            "Invalid Credentials",
            Some("Authorization"),
        ),
        Call::ResellerCustomersInsert,
    );
    assert_eq!(only(&report).code(), "google.unauthenticated");
}

#[test]
fn reseller_unknown_reasons_fall_back_to_the_code_then_to_other() {
    let call = Call::ResellerCustomersInsert;
    let report = reseller_report(&reseller_body(400, "somethingNew", "Odd", None), call);
    assert_eq!(only(&report).code(), "google.invalid");
    let report = reseller_report(&reseller_body(418, "teapot", "I'm a teapot", None), call);
    let v = only(&report);
    assert_eq!((v.field(), v.code()), ("", "google.other"));
    assert_eq!(
        v.message(Lang::En),
        "request refused by Google (HTTP 418): read Google's message, and contact partner support if it persists (Google: \"I'm a teapot\")"
    );
    assert!(
        v.message(Lang::Fr)
            .starts_with("demande refusée par Google (HTTP 418) : ")
    );
}

#[test]
fn reseller_several_errors_are_several_violations() {
    let body = json!({"error": {"code": 400, "message": "Invalid Value", "errors": [
        {"reason": "invalid", "message": "Invalid Value", "location": "customerDomain"},
        {"reason": "invalid", "message": "Invalid Value", "location": "alternateEmail"},
        "not an object",
        {"reason": 42, "message": ["x"], "location": null}
    ]}});
    let report = reseller_report(&body, Call::ResellerCustomersInsert);
    assert_eq!(
        fields_and_codes(&report),
        [
            ("domain".to_owned(), "google.invalid"),
            ("secondaryEmail".to_owned(), "google.invalid"),
            (String::new(), "google.invalid"),
        ]
    );
}

// ---------------------------------------------------------------- Cloud Channel API bodies

fn bad_request(violations: &[(&str, &str)]) -> Value {
    let violations: Vec<Value> = violations
        .iter()
        .map(|(f, d)| json!({"field": f, "description": d}))
        .collect();
    json!({"error": {
    "code": 400,
    "message": "Request contains an invalid argument.",
    "status": "INVALID_ARGUMENT",
    "details": [
        {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INVALID_ARGUMENT",
         "domain": "cloudchannel.googleapis.com", "metadata": {"service": "cloudchannel.googleapis.com"}},
        {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}
    ]}})
}

#[test]
#[allow(clippy::too_many_lines)] // one table
fn channel_field_violations_map_to_form_fields() {
    for (call, field, form_field) in [
        (Call::ChannelCustomersCreate, "domain", "domain"),
        (Call::ChannelCustomersCreate, "customer.domain", "domain"),
        (
            Call::ChannelCustomersCreate,
            "alternate_email",
            "secondaryEmail",
        ),
        (
            Call::ChannelCustomersCreate,
            "alternateEmail",
            "secondaryEmail",
        ),
        (
            Call::ChannelCustomersCreate,
            "org_display_name",
            "organizationName",
        ),
        (
            Call::ChannelCustomersCreate,
            "customer.primary_contact_info.email",
            "admin.email",
        ),
        (
            Call::ChannelCustomersCreate,
            "primary_contact_info.first_name",
            "admin.firstName",
        ),
        (
            Call::ChannelCustomersCreate,
            "customer.org_postal_address.postal_code",
            "postalAddress.postalCode",
        ),
        (
            Call::ChannelCustomersCreate,
            "org_postal_address.region_code",
            "postalAddress.countryCode",
        ),
        (
            Call::ChannelCustomersCreate,
            "org_postal_address.address_lines[1]",
            "postalAddress.addressLine2",
        ),
        (Call::ChannelCustomersCreate, "correlation_id", "crmId"),
        (
            Call::ChannelCustomersProvisionCloudIdentity,
            "cloud_identity_info.alternate_email",
            "secondaryEmail",
        ),
        (
            Call::ChannelCustomersProvisionCloudIdentity,
            "cloud_identity_info.edu_data.institute_size",
            "educationalInstitution.instituteSize",
        ),
        (
            Call::ChannelCustomersProvisionCloudIdentity,
            "user.email",
            "admin.email",
        ),
        (
            Call::ChannelEntitlementsCreate,
            "entitlement.offer",
            "order.offer",
        ),
        (
            Call::ChannelEntitlementsCreate,
            "entitlement.purchase_order_id",
            "order.purchaseOrderId",
        ),
        (
            Call::ChannelEntitlementsCreate,
            "entitlement.parameters[0].value",
            "order.seats",
        ),
    ] {
        let report = channel_report(&bad_request(&[(field, "Invalid value")]), call);
        let v = only(&report);
        assert_eq!(
            (v.field(), v.code()),
            (form_field, "google.invalid"),
            "{field}"
        );
        assert!(
            v.message(Lang::En).ends_with("(Google: \"Invalid value\")"),
            "{}",
            v.message(Lang::En)
        );
    }
    let report = channel_report(
        &bad_request(&[
            ("org_display_name", "Required"),
            ("domain", "Invalid domain"),
        ]),
        Call::ChannelCustomersCreate,
    );
    assert_eq!(
        fields_and_codes(&report),
        [
            ("organizationName".to_owned(), "google.invalid"),
            ("domain".to_owned(), "google.invalid"),
        ]
    );
    let v = report.iter().next().unwrap();
    assert_eq!(
        v.message(Lang::En),
        "value refused by Google for the organisation name: correct it in the form, then send the request again (Google: \"Required\")"
    );
    assert_eq!(
        v.message(Lang::Fr),
        "valeur refusée par Google pour le nom de l'organisation : corrigez-la dans le formulaire, puis renvoyez la demande (Google : « Required »)"
    );
}

#[test]
fn channel_invalid_argument_without_field_violations_reads_google_s_text() {
    let body = json!({"error": {"code": 400, "status": "INVALID_ARGUMENT",
        "message": "Domain must match the primary contact email's domain"}});
    let report = channel_report(&body, Call::ChannelCustomersCreate);
    assert_eq!(
        fields_and_codes(&report),
        [("domain".to_owned(), "google.invalid")]
    );
    let body = json!({"error": {"code": 400, "status": "INVALID_ARGUMENT",
        "message": "Invalid alternate email"}});
    let report = channel_report(&body, Call::ChannelCustomersCreate);
    assert_eq!(only(&report).field(), "secondaryEmail");
}

#[test]
fn channel_already_exists_depends_on_the_call() {
    let body = json!({"error": {"code": 409, "message": "Primary email already exists.",
        "status": "ALREADY_EXISTS"}});
    let report = channel_report(&body, Call::ChannelCustomersProvisionCloudIdentity);
    let v = only(&report);
    assert_eq!(
        (v.field(), v.code()),
        ("admin.email", "google.already_exists")
    );
    assert!(v.message(Lang::En).starts_with(
        "the admin's email address is already used by a Google account: choose another admin address"
    ));
    let report = channel_report(&body, Call::ChannelCustomersCreate);
    assert_eq!(only(&report).field(), "domain");
    assert!(
        only(&report)
            .message(Lang::Fr)
            .starts_with("ce client existe déjà dans votre compte Channel")
    );
    let report = channel_report(&body, Call::ChannelEntitlementsCreate);
    assert_eq!(only(&report).field(), "order.product");
    assert!(
        only(&report)
            .message(Lang::En)
            .starts_with("the customer already has this product")
    );
}

#[test]
fn channel_failed_precondition_on_an_entitlement_says_verify_or_buy_first() {
    let body = json!({"error": {"code": 400, "status": "FAILED_PRECONDITION",
        "message": "Domain verification is required before purchasing this SKU.",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                     "reason": "DOMAIN_NOT_VERIFIED", "domain": "cloudchannel.googleapis.com"}]}});
    let report = channel_report(&body, Call::ChannelEntitlementsCreate);
    let v = only(&report);
    assert_eq!((v.field(), v.code()), ("", "google.failed_precondition"));
    assert!(v.message(Lang::En).starts_with(
        "the customer cannot order this yet: have the domain verified, or buy the required edition first"
    ));
    assert!(v.message(Lang::Fr).starts_with(
        "le client ne peut pas encore commander ce produit : faites valider le domaine"
    ));
    let Some(e) = v.problem().downcast_ref::<GoogleError>() else {
        panic!()
    };
    assert_eq!(e.reason(), Some("DOMAIN_NOT_VERIFIED"));
}

#[test]
fn channel_other_statuses() {
    for (code, status, expected) in [
        (403, "PERMISSION_DENIED", "google.permission_denied"),
        (404, "NOT_FOUND", "google.not_found"),
        (429, "RESOURCE_EXHAUSTED", "google.quota_exceeded"),
        (503, "UNAVAILABLE", "google.unavailable"),
        (500, "INTERNAL", "google.unavailable"),
        (401, "UNAUTHENTICATED", "google.unauthenticated"),
        (400, "OUT_OF_RANGE", "google.invalid"),
        (400, "SOMETHING_BRAND_NEW", "google.other"),
        (499, "CANCELLED", "google.other"),
    ] {
        let body = json!({"error": {"code": code, "message": "m", "status": status}});
        let report = channel_report(&body, Call::ChannelCustomersCreate);
        assert_eq!(only(&report).code(), expected, "{status}");
    }
    let body = json!({"error": {"code": 403, "message": "The caller does not have permission",
        "status": "PERMISSION_DENIED"}});
    let v = channel_report(&body, Call::ChannelCustomersCreate);
    assert!(
        only(&v)
            .message(Lang::En)
            .starts_with("your Channel account may not do this")
    );
}

#[test]
fn an_operation_error_is_a_report_too() {
    let op: Operation = serde_json::from_value(json!({
        "name": "operations/ent-123",
        "metadata": {"@type": "type.googleapis.com/google.cloud.channel.v1.OperationMetadata",
                     "operationType": "CREATE_ENTITLEMENT"},
        "done": true,
        "error": {"code": 9, "message": "Customer domain is not verified."}
    }))
    .unwrap();
    let status = op.error().unwrap();
    assert_eq!(status.kind(), GoogleErrorKind::FailedPrecondition);
    let report = status.to_report(Call::ChannelEntitlementsCreate);
    assert_eq!(only(&report).code(), "google.failed_precondition");
    let Some(e) = only(&report).problem().downcast_ref::<GoogleError>() else {
        panic!()
    };
    assert_eq!(e.http_status(), None);
    let op: Operation = serde_json::from_value(json!({"name": "operations/p", "done": true,
        "error": {"code": 6, "message": "Primary email already exists"}}))
    .unwrap();
    let report = op
        .error()
        .unwrap()
        .to_report(Call::ChannelCustomersProvisionCloudIdentity);
    assert_eq!(only(&report).field(), "admin.email");
}

#[test]
fn a_body_that_is_no_error_is_a_typed_wire_error() {
    for text in [
        r#"{"name": "accounts/A/customers/C", "domain": "acme.fr"}"#,
        r#"{"error": "invalid_grant", "error_description": "Token has been expired"}"#,
        r#"{"error": null}"#,
        r#"{"error": {}}"#,
        r#"{"error": {"code": 0}}"#,
        r#"{"error": []}"#,
        "{}",
    ] {
        let err = serde_json::from_str::<channel::ErrorBody>(text).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the answer is not a Cloud Channel API error body"),
            "{text}: {err}"
        );
        let err = serde_json::from_str::<reseller::ErrorBody>(text).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the answer is not a Reseller API error body"),
            "{text}: {err}"
        );
    }
    let e = gws_onboarding::wire::WireError::NotAnError { api: "Reseller" };
    assert_eq!((e.code(), e.field()), ("wire.not_an_error", "error"));
    assert!(
        e.message(Lang::Fr)
            .starts_with("la réponse n'est pas une erreur de l'API Reseller")
    );
    // Not JSON objects at all are the format's own errors.
    assert!(serde_json::from_str::<reseller::ErrorBody>("[1]").is_err());
    assert!(serde_json::from_str::<reseller::ErrorBody>("\"error\"").is_err());
}

#[test]
fn either_format_reads_with_either_reader() {
    let reseller_shaped = reseller_body(409, "duplicate", "exists", None);
    let report = channel_report(&reseller_shaped, Call::ChannelCustomersCreate);
    assert_eq!(only(&report).code(), "google.already_exists");
    let channel_shaped =
        json!({"error": {"code": 409, "message": "exists", "status": "ALREADY_EXISTS"}});
    let report = reseller_report(&channel_shaped, Call::ResellerCustomersInsert);
    assert_eq!(only(&report).code(), "google.already_exists");
}

#[test]
fn error_bodies_round_trip() {
    let body: channel::ErrorBody =
        serde_json::from_value(bad_request(&[("domain", "bad")])).unwrap();
    let text = serde_json::to_string(&body).unwrap();
    assert_eq!(
        serde_json::from_str::<channel::ErrorBody>(&text).unwrap(),
        body
    );
    let body: reseller::ErrorBody =
        serde_json::from_value(reseller_body(400, "invalid", "x", Some("customerDomain"))).unwrap();
    let text = serde_json::to_string(&body).unwrap();
    assert_eq!(
        serde_json::from_str::<reseller::ErrorBody>(&text).unwrap(),
        body
    );
}

// ---------------------------------------------------------------- operations

#[test]
fn operation_pending_then_done() {
    let pending: Operation = serde_json::from_value(json!({
        "name": "operations/abc",
        "metadata": {"@type": "type.googleapis.com/google.cloud.channel.v1.OperationMetadata",
                     "operationType": "PROVISION_CLOUD_IDENTITY"}
    }))
    .unwrap();
    assert!(!pending.is_done());
    assert!(pending.error().is_none());
    assert!(!pending.has_response());
    assert_eq!(pending.operation_type(), Some("PROVISION_CLOUD_IDENTITY"));
    assert_eq!(
        pending.metadata_type(),
        Some("type.googleapis.com/google.cloud.channel.v1.OperationMetadata")
    );
    let done: Operation = serde_json::from_value(json!({
        "name": "operations/abc",
        "metadata": {"operationType": "PROVISION_CLOUD_IDENTITY", "progress": 100},
        "done": true,
        "response": {"@type": "type.googleapis.com/google.cloud.channel.v1.Customer",
                     "name": "accounts/A/customers/C", "cloudIdentityId": "C0x",
                     "cloudIdentityInfo": {"customerType": "DOMAIN"}}
    }))
    .unwrap();
    assert!(done.is_done());
    assert_eq!(done.response_name(), Some("accounts/A/customers/C"));
    assert_eq!(
        done.response_type(),
        Some("type.googleapis.com/google.cloud.channel.v1.Customer")
    );
    // Stored and read back while pending, or done.
    for op in [pending, done, Operation::pending("operations/x")] {
        let text = serde_json::to_string(&op).unwrap();
        assert_eq!(serde_json::from_str::<Operation>(&text).unwrap(), op);
    }
}

#[test]
fn operation_reads_whatever_json_google_puts_around_it() {
    let op: Operation = serde_json::from_value(json!({
        "name": "operations/x",
        "done": null,
        "metadata": "not an object",
        "response": [1, 2, {"name": "n"}],
        "error": {"code": 3, "details": [
            "a string", 7, null, [1],
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": "oops"},
            {"@type": "type.googleapis.com/google.rpc.BadRequest",
             "fieldViolations": [{"field": 1, "description": {"x": 1}}, "s", {"field": "domain"}]},
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": ["x"], "metadata": [1]},
            {"@type": 12, "reason": "R"},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1s"}
        ]},
        "extra": {"deep": [[[[1]]]]}
    }))
    .unwrap();
    assert!(!op.is_done());
    assert_eq!(op.operation_type(), None);
    assert_eq!(op.response_name(), None);
    let status = op.error().unwrap();
    let fields: Vec<&str> = status
        .field_violations()
        .iter()
        .map(|v| v.field())
        .collect();
    assert_eq!(fields, ["", "domain"]);
    assert_eq!(
        status
            .error_info()
            .map(gws_onboarding::wire::ErrorInfo::reason),
        Some("")
    );
    assert!(serde_json::from_value::<Operation>(json!({"done": true})).is_err());
}

#[test]
fn huge_answers_are_cut_and_capped() {
    let big = "é".repeat(600_000); // 1.2 MB
    let many_violations: Vec<Value> = (0..50_000)
        .map(|i| json!({"field": format!("f{i}"), "description": big.get(..20).unwrap()}))
        .collect();
    let many_details: Vec<Value> = (0..10_000)
        .map(|_| {
            json!({"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "R",
                        "metadata": {"a": "b"}})
        })
        .collect();
    let metadata: serde_json::Map<String, Value> = (0..10_000)
        .map(|i| (format!("k{i}"), json!(big.get(..10).unwrap())))
        .collect();
    let status = json!({
        "code": 400, "status": big, "message": big,
        "details": [
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": many_violations},
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": big, "metadata": metadata}
        ]
    });
    let text = serde_json::to_string(&json!({"error": status})).unwrap();
    let body: channel::ErrorBody = serde_json::from_str(&text).unwrap();
    let s = body.status();
    assert!(s.message().len() <= MAX_TEXT);
    assert!(s.status().unwrap().len() <= MAX_TEXT);
    assert_eq!(s.field_violations().len(), MAX_FIELD_VIOLATIONS);
    let info = s.error_info().unwrap();
    assert!(info.reason().len() <= MAX_TEXT);
    assert_eq!(
        info.metadata_entries().count(),
        gws_onboarding::wire::MAX_METADATA
    );
    let report = body.to_report(Call::ChannelCustomersCreate);
    assert_eq!(report.len(), MAX_FIELD_VIOLATIONS);
    for v in &report {
        assert!(v.message(Lang::Fr).chars().count() < 300);
    }

    let details =
        serde_json::to_string(&json!({"error": {"code": 400, "details": many_details}})).unwrap();
    let body: channel::ErrorBody = serde_json::from_str(&details).unwrap();
    assert!(
        serde_json::to_value(body.status()).unwrap()["details"]
            .as_array()
            .unwrap()
            .len()
            <= gws_onboarding::wire::MAX_DETAILS
    );

    let items: Vec<Value> = (0..50_000)
        .map(|_| json!({"reason": "invalid", "message": big.get(..40).unwrap(), "location": "customerDomain"}))
        .collect();
    let text =
        serde_json::to_string(&json!({"error": {"code": 400, "message": big, "errors": items}}))
            .unwrap();
    let body: reseller::ErrorBody = serde_json::from_str(&text).unwrap();
    assert_eq!(body.items().len(), 16);
    assert!(body.message().len() <= MAX_TEXT);
    assert_eq!(body.to_report(Call::ResellerCustomersInsert).len(), 16);

    let op: Operation = serde_json::from_value(json!({"name": big, "done": true,
        "response": {"name": big, "@type": big}}))
    .unwrap();
    assert!(op.name().len() <= MAX_TEXT);
    assert!(op.response_name().unwrap().len() <= MAX_TEXT);
}

// ---------------------------------------------------------------- laws

/// Strings as Google or an attacker may send them: empty, ASCII, bidi and invisible
/// characters, quotes, and up to 10 kB.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z_.\\[\\]0-9 ]{0,40}",
        "\\PC{0,80}",
        prop::collection::vec(
            prop_oneof![
                Just("\u{202e}".to_owned()),
                Just("\u{200b}".to_owned()),
                Just("\"".to_owned()),
                Just("\\".to_owned()),
                Just("\n".to_owned()),
                Just("»".to_owned()),
                "[a-z]{1,8}",
            ],
            0..40
        )
        .prop_map(|parts| parts.concat()),
        (1usize..10_000).prop_map(|n| "\u{202e}x".repeat(n / 2)),
        (1usize..10_000).prop_map(|n| "é".repeat(n / 2)),
    ]
}

fn known_statuses() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "INVALID_ARGUMENT",
            "FAILED_PRECONDITION",
            "NOT_FOUND",
            "ALREADY_EXISTS",
            "PERMISSION_DENIED",
            "UNAUTHENTICATED",
            "RESOURCE_EXHAUSTED",
            "UNAVAILABLE",
            "INTERNAL",
            "UNKNOWN",
            "invalid",
            "duplicate",
            "forbidden",
            "quotaExceeded",
        ])
        .prop_map(str::to_owned),
        hostile(),
    ]
}

/// The text a message quotes: what sits between `(Google: "` and `")` (English).
fn quoted(message: &str) -> Option<&str> {
    let start = message.find("(Google: \"")? + "(Google: \"".len();
    message[start..].strip_suffix("\")")
}

/// Every message law, for every violation of `report`.
fn check_report(report: &Report) -> Result<(), TestCaseError> {
    prop_assert!(!report.is_empty());
    for v in report {
        prop_assert!(v.code().starts_with("google."));
        prop_assert_eq!(v.severity(), Severity::Error);
        for lang in [Lang::En, Lang::Fr] {
            let m = v.message(lang);
            prop_assert!(
                m.chars().count() < 300,
                "{} chars: {}",
                m.chars().count(),
                m
            );
            prop_assert!(
                !m.chars().any(|c| c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || c == '\u{200b}'),
                "unescaped character in {:?}",
                m
            );
            prop_assert!(!m.ends_with('.'));
        }
        if let Some(q) = quoted(&v.message(Lang::En)) {
            prop_assert!(
                q.chars().count() <= 65,
                "{} chars quoted",
                q.chars().count()
            );
        }
        prop_assert!(
            v.field().is_empty()
                || v.field().starts_with("postalAddress.")
                || v.field().starts_with("order.")
                || v.field().starts_with("admin.")
                || v.field().starts_with("educationalInstitution.")
                || [
                    "domain",
                    "secondaryEmail",
                    "organizationName",
                    "phoneNumber",
                    "languageCode",
                    "crmId",
                    "customerType"
                ]
                .contains(&v.field()),
            "field {:?}",
            v.field()
        );
    }
    Ok(())
}

fn any_call() -> impl Strategy<Value = Call> {
    prop::sample::select(Call::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_reseller_error_converts(
        code in prop_oneof![Just(0i64), 100i64..600, any::<i64>()],
        reason in known_statuses(),
        message in hostile(),
        location in hostile(),
        top in hostile(),
        call in any_call(),
    ) {
        let body = json!({"error": {"code": code, "message": top,
            "errors": [{"domain": "global", "reason": reason, "message": message, "location": location}]}});
        let body: reseller::ErrorBody = serde_json::from_value(body).unwrap();
        check_report(&body.to_report(call))?;
        prop_assert_eq!(body.google_errors(call)[0].kind(), body.kind());
    }

    #[test]
    fn any_channel_error_converts(
        code in prop_oneof![100i64..600, 0i64..17, any::<i64>()],
        status in prop::option::of(known_statuses()),
        message in hostile(),
        fields in prop::collection::vec((hostile(), hostile()), 0..4),
        reason in hostile(),
        call in any_call(),
    ) {
        let violations: Vec<Value> = fields.iter().map(|(f, d)| json!({"field": f, "description": d})).collect();
        let mut error = json!({"code": code, "message": message, "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason, "metadata": {"k": reason}},
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}]});
        if let Some(status) = status {
            error["status"] = json!(status);
        }
        let body: channel::ErrorBody = serde_json::from_value(json!({"error": error})).unwrap();
        let report = body.to_report(call);
        check_report(&report)?;
        prop_assert_eq!(report.len(), fields.len().max(1));
        prop_assert!(report.codes().all(|c| c == body.kind().code()));
    }

    #[test]
    fn error_bodies_that_read_round_trip(
        code in prop::option::of(prop_oneof![Just(0i64), 100i64..600]),
        message in prop::option::of(hostile()),
        status in prop::option::of(known_statuses()),
        items in prop::collection::vec((hostile(), hostile()), 0..3),
        violations in prop::collection::vec(hostile(), 0..3),
    ) {
        let mut error = serde_json::Map::new();
        if let Some(code) = code { error.insert("code".into(), json!(code)); }
        if let Some(message) = message { error.insert("message".into(), json!(message)); }
        if let Some(status) = status { error.insert("status".into(), json!(status)); }
        if !items.is_empty() {
            let items: Vec<Value> = items.iter().map(|(r, m)| json!({"reason": r, "message": m})).collect();
            error.insert("errors".into(), json!(items));
        }
        if !violations.is_empty() {
            let list: Vec<Value> = violations.iter().map(|f| json!({"field": f})).collect();
            error.insert("details".into(), json!([{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": list}]));
        }
        let body = json!({"error": error});
        if let Ok(read) = serde_json::from_value::<channel::ErrorBody>(body.clone()) {
            let text = serde_json::to_string(&read).unwrap();
            prop_assert_eq!(serde_json::from_str::<channel::ErrorBody>(&text).unwrap(), read);
        }
        if let Ok(read) = serde_json::from_value::<reseller::ErrorBody>(body) {
            let text = serde_json::to_string(&read).unwrap();
            prop_assert_eq!(serde_json::from_str::<reseller::ErrorBody>(&text).unwrap(), read);
        }
    }

    #[test]
    fn status_round_trips(code in any::<i32>(), message in hostile(), fields in prop::collection::vec(hostile(), 0..4)) {
        let violations: Vec<Value> = fields.iter().map(|f| json!({"field": f})).collect();
        let status: Status = serde_json::from_value(json!({"code": code, "message": message,
            "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}]})).unwrap();
        let text = serde_json::to_string(&status).unwrap();
        prop_assert_eq!(serde_json::from_str::<Status>(&text).unwrap(), status);
    }
}

#[test]
fn every_kind_and_call_has_a_short_message_in_both_languages() {
    let long = "\u{202e}".repeat(500);
    for kind in GoogleErrorKind::ALL {
        for call in Call::ALL {
            for text in ["", "Bad", long.as_str()] {
                let e =
                    gws_onboarding::wire::GoogleError::new(kind, call).with_google_message(text);
                assert_eq!(e.code(), kind.code());
                let (en, fr) = (e.message(Lang::En), e.message(Lang::Fr));
                assert_eq!(e.to_string(), en);
                assert_ne!(en, fr);
                for m in [&en, &fr] {
                    assert!(m.chars().count() < 300, "{kind:?} {call:?}: {m}");
                    assert!(m.starts_with(char::is_lowercase), "{m}");
                }
            }
        }
    }
}
