//! Every success reader of Google's answers refuses what is not its answer: Google's error body
//! (both formats, any code, status and message) and, except where proto3 JSON makes `{}` a real
//! answer, an empty object. Each still reads its recorded success.

use std::path::PathBuf;

use gws_onboarding::wire::channel::{AccountsReading, CheckAccountsResponse, CustomerResource};
use gws_onboarding::wire::subscription::SubscriptionResource;
use gws_onboarding::wire::{NotASuccess, Operation, reseller};
use proptest::prelude::*;
use serde::de::DeserializeOwned;

fn recorded(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", "journey", name]
        .iter()
        .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Why `json` is refused by the reader `T`, or `None` when it is read.
fn refusal<T: DeserializeOwned>(json: &str) -> Option<String> {
    serde_json::from_str::<T>(json).err().map(|e| e.to_string())
}

/// Every reader, with its recorded success and whether `{}` is one of its answers.
type Reader = (&'static str, fn(&str) -> Option<String>, &'static str, bool);

const READERS: [Reader; 5] = [
    (
        "a Reseller Subscription",
        refusal::<SubscriptionResource>,
        "reseller_subscription.json",
        false,
    ),
    (
        "a Cloud Channel Customer",
        refusal::<CustomerResource>,
        "channel_customer_created.json",
        false,
    ),
    (
        "a checkCloudIdentityAccountsExist answer",
        refusal::<CheckAccountsResponse>,
        "channel_check_owned.json",
        true,
    ),
    (
        "name",
        refusal::<Operation>,
        "channel_operation_pending.json",
        false,
    ),
    (
        "customerId",
        refusal::<reseller::CustomerResource>,
        "reseller_customer.json",
        false,
    ),
];

#[test]
fn every_reader_reads_its_recorded_success() {
    for (expected, read, success, _) in READERS {
        assert_eq!(read(&recorded(success)), None, "{expected}");
    }
}

#[test]
fn every_reader_refuses_recorded_error_bodies() {
    for body in [
        "reseller_forbidden.json",
        "reseller_conflict.json",
        "reseller_invalid.json",
        "reseller_not_found.json",
        "channel_error_invalid.json",
        "channel_error_already_exists.json",
    ] {
        for (expected, read, _, _) in READERS {
            let refused = read(&recorded(body)).unwrap_or_else(|| panic!("{expected}: {body}"));
            assert!(refused.contains(expected), "{expected}: {body}: {refused}");
        }
    }
}

#[test]
fn an_empty_object_is_refused_unless_it_is_an_answer() {
    for (expected, read, _, empty_is_an_answer) in READERS {
        let refused = read("{}");
        assert_eq!(refused.is_none(), empty_is_an_answer, "{expected}");
        if let Some(refused) = refused {
            assert!(refused.contains(expected), "{expected}: {refused}");
        }
    }
    // An object with only fields no reader knows is empty too.
    let refused = refusal::<SubscriptionResource>(r#"{"kind": "reseller#subscription"}"#);
    let empty = NotASuccess::Empty {
        expected: "a Reseller Subscription",
    };
    assert!(refused.is_some_and(|r| r.starts_with(&empty.to_string())));
    let none: CheckAccountsResponse = serde_json::from_str("{}").expect("no account");
    assert_eq!(none.reading(), AccountsReading::Free);
}

/// Google's error body in either format: Reseller (`errors[]` with reasons) or Cloud Channel
/// (`status` and `details`), with any code, status, message and extra fields.
fn error_body() -> impl Strategy<Value = String> {
    let code = prop_oneof![
        Just(400_u16),
        Just(403),
        Just(404),
        Just(409),
        Just(429),
        Just(503),
        100_u16..600
    ];
    let status = prop_oneof![
        Just("UNAVAILABLE"),
        Just("INVALID_ARGUMENT"),
        Just("PERMISSION_DENIED"),
        Just("RESOURCE_EXHAUSTED"),
        Just("ALREADY_EXISTS"),
        Just("SOME_FUTURE_STATUS"),
    ];
    (code, status, "\\PC{0,40}", any::<bool>(), any::<bool>()).prop_map(
        |(code, status, message, reseller, extra)| {
            let message = serde_json::to_string(&message).expect("a JSON string");
            let detail = if reseller {
                format!(r#""errors": [{{"message": {message}, "domain": "global", "reason": "backendError"}}]"#)
            } else {
                format!(r#""status": "{status}", "details": []"#)
            };
            let extra = if extra { r#", "someFutureField": {"x": 1}"# } else { "" };
            format!(r#"{{"error": {{"code": {code}, "message": {message}, {detail}}}{extra}}}"#)
        },
    )
}

proptest! {
    /// Law: no error body, of any code or format, is read as a success by any reader.
    #[test]
    fn no_error_body_is_a_success(body in error_body()) {
        for (expected, read, _, _) in READERS {
            let refused = read(&body);
            prop_assert!(refused.as_deref().is_some_and(|r| r.contains(expected)), "{expected}: {body}");
        }
    }

    /// Law: an error key beside a success's own fields still marks an error body.
    #[test]
    fn an_error_key_beside_success_fields_is_refused(code in 100_u16..600) {
        let subscription = recorded("reseller_subscription.json");
        let body = subscription.replacen('{', &format!(r#"{{"error": {{"code": {code}}},"#), 1);
        let error = NotASuccess::ErrorBody { expected: "a Reseller Subscription" };
        prop_assert!(refusal::<SubscriptionResource>(&body).is_some_and(|r| r.starts_with(&error.to_string())));
    }
}
