//! Layer 5, journey: sending a step again after Google could not answer it.
//!
//! One mechanism serves both APIs: an error answer to a call that is safe to resend
//! ([`Call::is_safe_to_resend`]) and that Google's error calls retryable
//! ([`GoogleError::retry`](crate::wire::GoogleError::retry)) keeps the journey where it is, and
//! [`Next::Retry`](super::Next::Retry) gives the same step with a delay. The count of retries
//! lives in the stored state, so a journey stored mid-retry resumes with the count it had.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::wire::{Backoff, Call, GoogleError, MAX_RETRY_DELAY};

use super::answer::Answer;

/// The retry the journey is waiting to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "StoredRetry")]
pub(crate) struct Retrying {
    /// Which retry (1 for the first).
    pub(super) attempt: u32,
    /// The delay before it, in milliseconds (`delayMs`).
    delay_ms: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StoredRetry {
    attempt: u32,
    delay_ms: u64,
}

impl TryFrom<StoredRetry> for Retrying {
    type Error = String;

    fn try_from(stored: StoredRetry) -> Result<Self, String> {
        let most = Backoff::CHANNEL.retries().max(Backoff::RESELLER.retries());
        let longest = u64::try_from(MAX_RETRY_DELAY.as_millis()).unwrap_or(u64::MAX);
        if !(1..=most).contains(&stored.attempt) || stored.delay_ms > longest {
            return Err(format!(
                "a stored retry has attempt 1 to {most} and delayMs at most {longest}"
            ));
        }
        Ok(Retrying {
            attempt: stored.attempt,
            delay_ms: stored.delay_ms,
        })
    }
}

impl Retrying {
    /// The delay before the retry.
    pub(super) fn delay(self) -> Duration {
        Duration::from_millis(self.delay_ms)
    }
}

/// The first error of an error answer to `call`, or `None` for a success.
fn first_error(answer: &Answer, call: Call) -> Option<GoogleError> {
    let errors = match answer {
        Answer::ChannelError(body) if call.is_channel() => body.google_errors(call),
        Answer::ResellerError(body) if !call.is_channel() => body.google_errors(call),
        _ => return None,
    };
    errors.into_iter().next()
}

/// The retry `answer` to `call` calls for after `previous` retries: `None` for a success, a
/// final error, a call that is not safe to resend, or once the API's retries are spent (the
/// route then stops on the error, as on any other).
pub(super) fn decide(answer: &Answer, call: Call, previous: u32) -> Option<Retrying> {
    if !call.is_safe_to_resend() {
        return None;
    }
    let error = first_error(answer, call)?;
    let attempt = previous.checked_add(1)?;
    let delay = error.retry_delay(attempt)?;
    Some(Retrying {
        attempt,
        delay_ms: u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
    })
}
