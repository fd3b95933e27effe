//! Layer 6, persist: a saved [`Journey`], reloaded only as a state the journey could reach.

use serde::de::{self, DeserializeSeed, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::customer::validated;
use super::seed::PolicySeed;
use crate::form::{OnboardingForm, Policy};
use crate::journey::{Journey, Parts, Retrying, RouteParts};
use crate::report::Report;

/// The stored shape: `{"api", …the route's parts, "customer": {the form}, "retrying", "report"}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    #[serde(flatten)]
    route: RouteParts,
    /// The customer as its form, validated on reload with the reader's policy.
    customer: OnboardingForm,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retrying: Option<Retrying>,
    #[serde(default, skip_serializing_if = "Report::is_empty")]
    report: Report,
}

/// Serialises as the customer (the form that validates into it), what the caller gave, the
/// stage, the retry and a stopped journey's report; never a request body.
impl Serialize for Journey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Parts {
            customer,
            route,
            retrying,
            report,
        } = self.to_parts();
        Stored {
            route,
            customer: OnboardingForm::from(&customer),
            retrying,
            report,
        }
        .serialize(serializer)
    }
}

/// Validates the stored customer again (as a saved [`Customer`](crate::customer::Customer) is, with
/// [`Policy::default`]; [`PolicySeed`] for another policy), makes the bodies again from it,
/// and accepts the stage only if the journey could have reached it.
impl<'de> Deserialize<'de> for Journey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PolicySeed::<Journey>::new(&Policy::default()).deserialize(deserializer)
    }
}

/// A stored journey read with the seed's policy: its customer must pass that policy.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::Journey;
/// use gws_onboarding::persist::PolicySeed;
/// use serde::de::DeserializeSeed;
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let stored = serde_json::to_string(&Journey::reseller(&customer))?;
/// let strict = Policy::new().require_phone(true);
/// let seed = PolicySeed::<Journey>::new(&strict);
/// assert!(seed.deserialize(&mut serde_json::Deserializer::from_str(&stored)).is_ok());
/// let no_phone = stored.replace(r#""phoneNumber":"+33142685300","#, "");
/// let seed = PolicySeed::<Journey>::new(&strict);
/// let err = seed.deserialize(&mut serde_json::Deserializer::from_str(&no_phone)).unwrap_err();
/// assert!(err.to_string().contains("[form.required]"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Journey> {
    type Value = Journey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Journey, D::Error> {
        let Stored {
            route,
            customer,
            retrying,
            report,
        } = Stored::deserialize(deserializer)?;
        let customer =
            validated(&customer, self.policy(), "customer.").map_err(de::Error::custom)?;
        Journey::restore(Parts {
            customer,
            route,
            retrying,
            report,
        })
        .map_err(de::Error::custom)
    }
}
