//! Layer 5, journey: what comes next: a step to send, a need, a stop or an outcome.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::report::Report;
use crate::wire::{Call, GoogleError, GoogleErrorKind};

use super::answer::Need;
use super::step::Step;

#[cfg(doc)]
use super::Journey;

/// How the journey ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
#[non_exhaustive]
pub enum Outcome {
    /// The customer was created (Channel: and provisioned), and its order bought when there was
    /// one.
    Created {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
        /// Channel: the entitlement's name; Reseller: the `subscriptionId`; `None` without an
        /// order or when Google did not say.
        purchase: Option<String>,
    },
    /// The customer is already yours: nothing was created.
    AlreadyYours {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
    },
    /// A dry run ([`Journey::validate_only`]) ended: Google accepted the Cloud Identity's
    /// provisioning without creating it; nothing was bought.
    Validated {
        /// The Channel customer the provisioning was checked for: `accounts/{a}/customers/{c}`.
        customer: String,
    },
    /// An existing account was taken over with its transfer token (Channel `customers.import`;
    /// Reseller `customers.insert` with `customerAuthToken`, then the order).
    Transferred {
        /// Channel: `accounts/{a}/customers/{c}`; Reseller: the `customerId`.
        customer: String,
        /// The order, when it was bought after the transfer (the customer did not hold its
        /// SKU): Channel, the entitlement's name; Reseller, the `subscriptionId`.
        purchase: Option<String>,
        /// What moved: Channel, the offers the customer's entitlements moved to
        /// (`transferEntitlements`); Reseller, the `subscriptionId`s transferred. Empty when
        /// the customer had nothing to move.
        #[serde(default)]
        moved: Vec<String>,
    },
}

/// Google refused a step: the [`Report`] of its error body, in the form's vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    pub(super) call: Call,
    pub(super) report: Report,
    pub(super) transfer: bool,
}

impl Stop {
    /// The call Google refused (for an operation that failed, the call that started it).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// use gws_onboarding::wire::Call;
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let gone = serde_json::from_str(r#"{"error": {"code": 404}}"#)?;
    /// journey.handle(Answer::ResellerError(gone))?;
    /// let exists = serde_json::from_str(r#"{"error": {"code": 409, "message": "exists"}}"#)?;
    /// // A 409 may answer our own lost insert: the journey gets the customer again first.
    /// let Next::Send(get) = journey.handle(Answer::ResellerError(exists))? else { panic!() };
    /// assert_eq!(get.call(), Call::ResellerCustomersGet);
    /// let not_ours = serde_json::from_str(r#"{"error": {"code": 403, "message": "Forbidden"}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(not_ours))? else { panic!() };
    /// assert_eq!(stop.call(), Call::ResellerCustomersInsert);
    /// assert!(stop.can_transfer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn call(&self) -> Call {
        self.call
    }

    /// The violations, with codes and EN/FR messages saying what to do next. A journey
    /// restored from storage keeps them (as saved problems: the same fields, codes and
    /// messages).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let denied = serde_json::from_str(r#"{"error": {"code": 403, "message": "Forbidden"}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(denied))? else { panic!() };
    /// let _ = stop.report();
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the journey can go on as a transfer: [`Journey::transfer_with`] the customer's
    /// transfer token (Reseller `customers.insert` answered 409, or `customers.get` 403).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::{Answer, Journey, Next};
    /// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let mut journey = Journey::reseller(&customer);
    /// let broken = serde_json::from_str(r#"{"error": {"code": 400, "message": "Invalid"}}"#)?;
    /// let Next::Stopped(stop) = journey.handle(Answer::ResellerError(broken))? else { panic!() };
    /// assert!(!stop.can_transfer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn can_transfer(&self) -> bool {
        self.transfer
    }
}

/// What to do next, from [`Journey::next_step`] and [`Journey::handle`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Next {
    /// Send this request and hand its answer to [`Journey::handle`].
    Send(Step),
    /// An operation is pending: wait `delay`, then send this `GET` and hand the
    /// [`Answer::Operation`](crate::journey::Answer::Operation) back. Store the journey
    /// meanwhile if you like.
    Poll {
        /// The `operations.get` to send.
        step: Step,
        /// The suggested wait first: 1 s after the operation started, then ×1.5 after each
        /// poll answered "not done", at most 30 s. The count is in the stored state.
        delay: Duration,
    },
    /// Google could not answer now (a retryable error, [`GoogleError::retry`](crate::wire::GoogleError::retry)) and
    /// the step is safe to send again ([`Call::is_safe_to_resend`]): wait `delay`, then send
    /// `step` (the same request, with the same `requestId`) and hand its answer back. After
    /// the API's last retry ([`Backoff`](crate::wire::Backoff)) the journey stops with the last error.
    Retry {
        /// The step to send again.
        step: Step,
        /// How long to wait first: Google's `retryDelay`, or the API's backoff schedule.
        delay: Duration,
        /// Which retry this is (1 for the first).
        attempt: u32,
    },
    /// The journey needs something only you can give.
    Needs(Need),
    /// The journey is over.
    Done(Outcome),
    /// Google refused a step.
    Stopped(Stop),
}

impl Next {
    /// The request to send, for [`Next::Send`], [`Next::Poll`] and [`Next::Retry`].
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::journey::Journey;
    /// use gws_onboarding::wire::Call;
    /// # let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
    /// let next = Journey::reseller(&customer).next_step();
    /// assert_eq!(next.step().map(|s| s.call()), Some(Call::ResellerCustomersGet));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn step(&self) -> Option<&Step> {
        match self {
            Next::Send(step) | Next::Poll { step, .. } | Next::Retry { step, .. } => Some(step),
            _ => None,
        }
    }
}

/// A state change decided by a route, applied by [`Journey::handle`].
pub(super) enum Transition<S> {
    /// Move to this stage; replace the stored report when there is one.
    To(S, Option<Report>),
    /// The answer is not the one awaited (the call whose answer is, if any).
    OutOfSequence(Option<Call>),
}

/// A report of one Google error of `kind` on `call`, with `message` as Google's text: what the
/// journey reads from a success answer that means a refusal.
pub(super) fn report_of(kind: GoogleErrorKind, call: Call, message: &str) -> Report {
    let error = GoogleError::new(kind, call).with_google_message(message);
    Report::of(error.form_field().unwrap_or("domain"), error)
}

/// `step` now, or after `delay_ms` milliseconds as retry number `attempt` (a read of what
/// Google holds after a lost answer).
pub(super) fn after_delay(step: Step, delay_ms: u64, attempt: u32) -> Next {
    if delay_ms == 0 {
        Next::Send(step)
    } else {
        Next::Retry {
            step,
            delay: Duration::from_millis(delay_ms),
            attempt,
        }
    }
}

/// A wait before a read of what Google holds, in milliseconds: at least 1, so that a stored
/// stage tells "after a wait" from "at once" (0).
pub(super) fn wait_ms(delay: Duration) -> u64 {
    u64::try_from(delay.as_millis()).unwrap_or(u64::MAX).max(1)
}
