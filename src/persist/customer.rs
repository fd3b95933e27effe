//! Layer 6, persist: a saved [`Customer`](crate::customer::Customer), read back through the form's checks.

use super::limits::{refusal, refusals};
use super::seed::PolicySeed;
use crate::customer::Customer;
use crate::form::{self, OnboardingForm, Policy};
use serde::de::DeserializeSeed;
use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// Serialises as the [`OnboardingForm`] that validates into it (see [`persist`](crate::persist)).
impl Serialize for Customer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        OnboardingForm::from(self).serialize(serializer)
    }
}

/// Deserialises a saved form and validates it with [`Policy::default`]; see
/// [`Customer::deserialize_with`].
impl<'de> Deserialize<'de> for Customer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Customer::deserialize_with(&Policy::default(), deserializer)
    }
}

impl Customer {
    /// Deserialises a saved customer (the shape of an [`OnboardingForm`]) and validates it with
    /// `policy`, as [`form::validate`] does.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a form, or when the form no longer passes:
    /// its text lists every error as `field: message [code]`, joined by `; `, e.g.
    /// `domain: "acme-widgets.fr" is a public suffix, … [domain.public_suffix]` after a
    /// newer suffix list made the domain a public suffix, or
    /// `postalAddress.countryCode: … [form.country_not_allowed]` under a policy that no longer
    /// allows the country. Warnings do not refuse a customer.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// use gws_onboarding::Customer;
    ///
    /// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
    /// let saved = serde_json::to_string(&customer)?;
    ///
    /// let strict = Policy::new().require_phone(true);
    /// let err = Customer::deserialize_with(&strict, &mut serde_json::Deserializer::from_str(&saved))
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("phoneNumber: "), "{err}");
    /// assert!(err.to_string().ends_with("[form.required]"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<Customer, D::Error> {
        let form = OnboardingForm::deserialize(deserializer)?;
        validated(&form, policy, "").map_err(de::Error::custom)
    }
}

/// The customer a saved `form` validates into under `policy`, or every error as
/// `{prefix}field: message [code]`, joined (`prefix` names where the form is saved, e.g.
/// `customer.` inside a journey).
pub(super) fn validated(
    form: &OnboardingForm,
    policy: &Policy,
    prefix: &str,
) -> Result<Customer, String> {
    let (customer, report) = form::check(form, policy).into_parts();
    customer.ok_or_else(|| {
        let errors: Vec<String> = report
            .errors()
            .map(|v| refusal(&format!("{prefix}{}", v.field()), v))
            .collect();
        refusals(&errors)
    })
}

// ---------------------------------------------------------------------------------------------
// Report and Violation

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Customer> {
    type Value = Customer;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Customer, D::Error> {
        Customer::deserialize_with(self.policy(), deserializer)
    }
}
