//! Layer 6, persist: reading with a given policy ([`PolicySeed`]).

use crate::form::Policy;
use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Deserialises a `T` with a given [`Policy`] rather than [`Policy::default`]: a
/// [`serde::de::DeserializeSeed`] for [`Customer`](crate::customer::Customer), [`Journey`](crate::journey::Journey), [`AccountSnapshot`](crate::lifecycle::AccountSnapshot), [`Drift`](crate::lifecycle::Drift), [`Change`](crate::lifecycle::Change)
/// and a `Vec` of any of them.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::persist::PolicySeed;
/// use gws_onboarding::{CountryCode, Customer};
/// use serde::de::DeserializeSeed;
///
/// let customers = vec![
///     form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?,
///     form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?,
/// ];
/// let saved = serde_json::to_string(&customers)?;
///
/// // The same policy gives them back.
/// let policy = Policy::default();
/// let seed = PolicySeed::<Vec<Customer>>::new(&policy);
/// assert_eq!(seed.deserialize(&mut serde_json::Deserializer::from_str(&saved))?, customers);
///
/// // A reseller that now sells in France only refuses the German team.
/// let france = Policy::new().allowed_countries([CountryCode::parse("FR")?]);
/// let seed = PolicySeed::<Vec<Customer>>::new(&france);
/// let err = seed.deserialize(&mut serde_json::Deserializer::from_str(&saved)).unwrap_err();
/// assert!(err.to_string().starts_with("postalAddress.countryCode: "), "{err}");
/// assert!(err.to_string().contains("[form.country_not_allowed]"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PolicySeed<'p, T> {
    policy: &'p Policy,
    target: PhantomData<fn() -> T>,
}

impl<'p, T> PolicySeed<'p, T> {
    /// A seed that checks with `policy`.
    ///
    /// ```
    /// use gws_onboarding::{Customer, form::Policy, persist::PolicySeed};
    /// let policy = Policy::new().require_phone(true);
    /// assert!(PolicySeed::<Customer>::new(&policy).policy().requires_phone());
    /// ```
    #[must_use]
    pub fn new(policy: &'p Policy) -> Self {
        PolicySeed {
            policy,
            target: PhantomData,
        }
    }

    /// The policy it checks with.
    ///
    /// ```
    /// use gws_onboarding::{Customer, form::Policy, persist::PolicySeed};
    /// assert!(!PolicySeed::<Customer>::new(&Policy::default()).policy().requires_phone());
    /// ```
    #[must_use]
    pub fn policy(&self) -> &'p Policy {
        self.policy
    }
}

impl<T> Clone for PolicySeed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PolicySeed<'_, T> {}

impl<T> fmt::Debug for PolicySeed<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PolicySeed")
            .field("policy", self.policy)
            .field("target", &std::any::type_name::<T>())
            .finish()
    }
}

impl<'de, T> DeserializeSeed<'de> for PolicySeed<'_, Vec<T>>
where
    for<'p> PolicySeed<'p, T>: DeserializeSeed<'de, Value = T>,
{
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        struct Items<'p, T>(&'p Policy, PhantomData<fn() -> T>);

        impl<'de, T> Visitor<'de> for Items<'_, T>
        where
            for<'p> PolicySeed<'p, T>: DeserializeSeed<'de, Value = T>,
        {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // The size hint comes from the input: never trust it for an allocation.
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element_seed(PolicySeed::<T>::new(self.0))? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        deserializer.deserialize_seq(Items::<T>(self.policy, PhantomData))
    }
}
