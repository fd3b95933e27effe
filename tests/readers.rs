//! Every success reader of Google's answers refuses what is not its answer: Google's error body
//! (both formats, any code, status and message) and, except where proto3 JSON makes `{}` a real
//! answer, an empty object. Each still reads its recorded success.

#![cfg(feature = "serde")]

use gws_onboarding::wire::channel::{AccountsReading, CheckAccountsResponse, CustomerResource};
use gws_onboarding::wire::subscription::SubscriptionResource;
use gws_onboarding::wire::{NotASuccess, Operation, reseller};
use proptest::prelude::*;
use serde::de::DeserializeOwned;

#[path = "common/recorded.rs"]
mod recorded;
use recorded::recorded;

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

mod retries {
    use std::time::Duration;

    use gws_onboarding::wire::{
        Backoff, Call, GoogleError, GoogleErrorKind, MAX_RETRY_DELAY, Retry, Status, channel,
        reseller,
    };
    use proptest::prelude::*;

    const RETRIED: [&str; 4] = [
        "backendError",
        "rateLimitExceeded",
        "userRateLimitExceeded",
        "quotaExceeded",
    ];

    proptest! {
        /// Law: a Reseller error is retried exactly when its reason is a retried one, or its
        /// status a 429 or 5xx with a reason this crate does not map.
        #[test]
        fn reseller_errors_retry_by_reason_and_status(
            code in prop_oneof![Just(400_u16), Just(403), Just(404), Just(409), Just(429), Just(500), Just(503), 400_u16..600],
            reason in prop_oneof![
                Just("backendError"), Just("rateLimitExceeded"), Just("userRateLimitExceeded"),
                Just("quotaExceeded"), Just("dailyLimitExceeded"), Just("duplicate"),
                Just("forbidden"), Just("invalid"), Just("notFound"), Just("someNewReason"), Just(""),
            ],
        ) {
            let json = format!(r#"{{"error": {{"code": {code}, "message": "m", "errors": [{{"reason": "{reason}"}}]}}}}"#);
            let body: reseller::ErrorBody = serde_json::from_str(&json).expect("an error body");
            let retry = body.google_errors(Call::ResellerCustomersInsert)[0].retry();
            let known = GoogleErrorKind::from_reseller_reason(reason).is_some();
            let expected = RETRIED.contains(&reason)
                || (!known && matches!(code, 429 | 500 | 502 | 503 | 504));
            prop_assert_eq!(retry.is_retryable(), expected, "{}", json);
        }

        /// Law: Google's retryDelay is honoured (capped at an hour), whatever the status, and
        /// survives a store and reload of the status.
        #[test]
        fn a_retry_delay_is_honoured_and_kept(seconds in 0_u64..100_000, millis in 0_u32..1000, status in "[A-Z_]{0,20}") {
            let json = format!(r#"{{"error": {{"code": 429, "status": "{status}", "details": [
                {{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "{seconds}.{millis:03}s"}}]}}}}"#);
            let body: channel::ErrorBody = serde_json::from_str(&json).expect("an error body");
            let delay = (Duration::from_secs(seconds) + Duration::from_millis(millis.into())).min(MAX_RETRY_DELAY);
            let error = &body.google_errors(Call::ChannelEntitlementsCreate)[0];
            prop_assert_eq!(error.retry(), Retry::After(delay));
            prop_assert_eq!(error.retry_delay(1), Some(delay));
            let stored = serde_json::to_string(body.status()).expect("serialises");
            let back: Status = serde_json::from_str(&stored).expect("reads back");
            prop_assert_eq!(back.retry_delay(), Some(delay));
        }

        /// Law: a malformed retryDelay is ignored, never an error: the status reads, and its
        /// retry follows the status alone.
        #[test]
        fn a_malformed_retry_delay_is_ignored(delay in "\\PC{0,12}") {
            let delay = serde_json::to_string(&delay).expect("a JSON string");
            let json = format!(r#"{{"code": 14, "status": "UNAVAILABLE", "details": [
                {{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": {delay}}}]}}"#);
            let status: Status = serde_json::from_str(&json).expect("a status");
            prop_assert!(status.retry_delay().is_none_or(|d| d <= MAX_RETRY_DELAY));
        }

        /// Law: a schedule's delays never shrink, never pass its cap, and stop after its
        /// retries.
        #[test]
        fn schedules_are_monotone_and_bounded(retry in 1_u32..64) {
            for schedule in [Backoff::CHANNEL, Backoff::RESELLER] {
                match (schedule.delay(retry), schedule.delay(retry + 1)) {
                    (Some(a), Some(b)) => prop_assert!(a <= b && b <= Duration::from_secs(32)),
                    (None, next) => prop_assert!(next.is_none() && retry > schedule.retries()),
                    (Some(_), None) => prop_assert_eq!(retry, schedule.retries()),
                }
            }
        }
    }

    #[test]
    fn channel_retries_only_unavailable() {
        for (status, retried) in [
            ("UNAVAILABLE", true),
            ("DEADLINE_EXCEEDED", false),
            ("INTERNAL", false),
            ("RESOURCE_EXHAUSTED", false),
            ("ALREADY_EXISTS", false),
        ] {
            let json = format!(r#"{{"error": {{"code": 503, "status": "{status}"}}}}"#);
            let body: channel::ErrorBody = serde_json::from_str(&json).expect("an error body");
            let error = &body.google_errors(Call::ChannelCustomersCreate)[0];
            assert_eq!(error.retry().is_retryable(), retried, "{status}");
        }
        let quota = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ChannelCustomersCreate);
        assert_eq!(quota.retry(), Retry::Final);
        let quota = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ResellerCustomersGet);
        assert_eq!(quota.retry(), Retry::Backoff);
    }
}
