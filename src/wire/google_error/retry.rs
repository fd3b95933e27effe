//! Layer 4, wire: whether a Google error is worth sending again, and after how long.
//!
//! Sources (DOMAIN.md, "Offers, transfers and retries"):
//! - Cloud Channel: Google's own client configuration
//!   (`google/cloud/channel/v1/cloudchannel_grpc_service_config.json`) retries only
//!   `UNAVAILABLE`, at most 5 attempts, from a 1 s delay multiplied by 1.3 each time, capped at
//!   10 s.
//! - Reseller (an Admin SDK API): exponential backoff on 5xx `backendError` and on the rate-limit
//!   reasons `rateLimitExceeded`, `userRateLimitExceeded` and `quotaExceeded`; 1 s, 2 s, 4 s, 8 s
//!   and 16 s. A 400 or a 409 is final.
//! - Either API: a `google.rpc.RetryInfo.retryDelay` Google sends is honoured.
//!
//! The crate keeps no clock and draws no random numbers: it gives durations, and adding jitter
//! is the caller's choice.

use std::time::Duration;

/// Whether an error is worth sending again ([`GoogleError::retry`](super::GoogleError::retry)).
///
/// ```
/// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind, Retry};
/// let busy = GoogleError::new(GoogleErrorKind::Unavailable, Call::ResellerCustomersGet);
/// assert_eq!(busy.retry(), Retry::Backoff);
/// let taken = GoogleError::new(GoogleErrorKind::AlreadyExists, Call::ResellerCustomersInsert);
/// assert_eq!(taken.retry(), Retry::Final);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Retry {
    /// Sending the same request again will fail the same way.
    Final,
    /// A passing condition: send again after the API's backoff schedule ([`Backoff`]).
    Backoff,
    /// Google said when to send again (`RetryInfo.retryDelay`).
    After(Duration),
}

impl Retry {
    /// Whether the request is worth sending again.
    ///
    /// ```
    /// use gws_onboarding::wire::Retry;
    /// assert!(Retry::Backoff.is_retryable());
    /// assert!(!Retry::Final.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        !matches!(self, Retry::Final)
    }
}

/// A backoff schedule: the delay before each retry, and how many retries there are.
///
/// ```
/// use std::time::Duration;
/// use gws_onboarding::wire::Backoff;
/// let channel = Backoff::CHANNEL;
/// assert_eq!(channel.delay(1), Some(Duration::from_millis(1000)));
/// assert_eq!(channel.delay(2), Some(Duration::from_millis(1300)));
/// assert_eq!(channel.delay(4), Some(Duration::from_millis(2197)));
/// assert_eq!(channel.delay(5), None); // 5 attempts in all: the first and 4 retries
/// assert_eq!(Backoff::RESELLER.delay(5), Some(Duration::from_secs(16)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Backoff {
    initial: Duration,
    /// The factor between two delays, in thousandths (1300 for ×1.3).
    factor_per_mille: u32,
    cap: Duration,
    retries: u32,
}

impl Backoff {
    /// Cloud Channel's: 1 s, ×1.3, at most 10 s, 4 retries (5 attempts).
    pub const CHANNEL: Backoff = Backoff {
        initial: Duration::from_secs(1),
        factor_per_mille: 1300,
        cap: Duration::from_secs(10),
        retries: 4,
    };

    /// The Reseller API's (Admin SDK guidance): 1 s, ×2, at most 32 s, 5 retries.
    pub const RESELLER: Backoff = Backoff {
        initial: Duration::from_secs(1),
        factor_per_mille: 2000,
        cap: Duration::from_secs(32),
        retries: 5,
    };

    /// The delay before retry number `retry` (1 for the first retry), or `None` past the last
    /// retry (or for 0).
    ///
    /// ```
    /// use gws_onboarding::wire::Backoff;
    /// assert_eq!(Backoff::RESELLER.delay(0), None);
    /// assert_eq!(Backoff::RESELLER.delay(6), None);
    /// assert_eq!(Backoff::RESELLER.retries(), 5);
    /// ```
    #[must_use]
    pub fn delay(&self, retry: u32) -> Option<Duration> {
        if retry == 0 || retry > self.retries {
            return None;
        }
        let mut delay = self.initial;
        for _ in 1..retry {
            delay = (delay * self.factor_per_mille / 1000).min(self.cap);
        }
        Some(delay.min(self.cap))
    }

    /// How many retries the schedule allows.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::wire::Backoff::CHANNEL.retries(), 4);
    /// ```
    #[must_use]
    pub const fn retries(&self) -> u32 {
        self.retries
    }
}

/// Whether a Cloud Channel error is retried: `UNAVAILABLE` (gRPC code 14; HTTP 503 when the
/// status name is absent), or any status Google gave a `retryDelay`.
pub(super) fn channel(status: Option<&str>, code: i32, delay: Option<Duration>) -> Retry {
    if let Some(delay) = delay {
        return Retry::After(delay);
    }
    let unavailable = match status.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => name.eq_ignore_ascii_case("UNAVAILABLE"),
        None => code == 503 || code == 14,
    };
    if unavailable {
        Retry::Backoff
    } else {
        Retry::Final
    }
}

/// The Reseller reasons that call for a backoff.
const RESELLER_RETRIED: [&str; 4] = [
    "backendError",
    "rateLimitExceeded",
    "userRateLimitExceeded",
    "quotaExceeded",
];

/// Whether a Reseller error is retried: a retried reason, or a 5xx or 429 whose reason this
/// crate does not know (`dailyLimitExceeded` stays final: a day's quota does not come back
/// within a backoff).
pub(super) fn reseller(reason: Option<&str>, http_status: Option<u16>) -> Retry {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if let Some(reason) = reason {
        if RESELLER_RETRIED
            .iter()
            .any(|r| r.eq_ignore_ascii_case(reason))
        {
            return Retry::Backoff;
        }
        if super::kind::GoogleErrorKind::from_reseller_reason(reason).is_some() {
            return Retry::Final;
        }
    }
    match http_status {
        Some(429 | 500 | 502 | 503 | 504) => Retry::Backoff,
        _ => Retry::Final,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_grow_to_their_cap_and_stop() {
        let channel: Vec<_> = (1..=5).map(|n| Backoff::CHANNEL.delay(n)).collect();
        assert_eq!(
            channel,
            [
                Some(Duration::from_secs(1)),
                Some(Duration::from_millis(1300)),
                Some(Duration::from_millis(1690)),
                Some(Duration::from_millis(2197)),
                None
            ]
        );
        let capped = Backoff {
            retries: 40,
            ..Backoff::RESELLER
        };
        assert_eq!(capped.delay(40), Some(Duration::from_secs(32)));
        assert_eq!(capped.delay(u32::MAX), None);
    }

    #[test]
    fn classifies_as_the_sources_say() {
        assert_eq!(channel(Some("UNAVAILABLE"), 14, None), Retry::Backoff);
        assert_eq!(channel(Some("DEADLINE_EXCEEDED"), 4, None), Retry::Final);
        assert_eq!(channel(Some("INVALID_ARGUMENT"), 400, None), Retry::Final);
        assert_eq!(channel(None, 503, None), Retry::Backoff);
        let delay = Duration::from_secs(5);
        assert_eq!(
            channel(Some("RESOURCE_EXHAUSTED"), 429, Some(delay)),
            Retry::After(delay)
        );
        assert_eq!(reseller(Some("backendError"), Some(503)), Retry::Backoff);
        assert_eq!(
            reseller(Some("rateLimitExceeded"), Some(403)),
            Retry::Backoff
        );
        assert_eq!(
            reseller(Some("dailyLimitExceeded"), Some(403)),
            Retry::Final
        );
        assert_eq!(reseller(Some("duplicate"), Some(409)), Retry::Final);
        assert_eq!(reseller(Some("forbidden"), Some(403)), Retry::Final);
        assert_eq!(reseller(None, Some(502)), Retry::Backoff);
        assert_eq!(reseller(Some("someNewReason"), Some(503)), Retry::Backoff);
        assert_eq!(reseller(None, Some(400)), Retry::Final);
    }
}
