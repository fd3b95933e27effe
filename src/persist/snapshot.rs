//! Layer 6, persist: a saved [`AccountSnapshot`](crate::lifecycle::AccountSnapshot) and reseller access.

use super::limits::{refusal, refusals};
use super::seed::PolicySeed;
use crate::address::{PostalAddress, RawPostalAddress};
use crate::domain::{DomainRules, PrimaryDomain};
use crate::email::EmailAddress;
use crate::error::{TrimExt, snippet};
use crate::form::Policy;
use crate::lifecycle::{AccountSnapshot, ResellerAccess};
use crate::phone::PhoneNumber;
use serde::de::DeserializeSeed;
use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The rules a domain Google holds is checked with: the policy's suffix list, subdomains and
/// private suffixes accepted (as when reading `customers.get`).
pub(super) fn held_rules(policy: &Policy) -> DomainRules {
    policy
        .rules_for_domain()
        .clone()
        .allow_private_suffix(true)
        .allow_subdomain(true)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SnapshotOut<'a> {
    domain: &'a PrimaryDomain,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_address: Option<&'a PostalAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    admin_email: Option<&'a EmailAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_email: Option<&'a EmailAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a PhoneNumber>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SnapshotIn<'a> {
    #[serde(borrow)]
    domain: Cow<'a, str>,
    postal_address: Option<RawPostalAddress>,
    #[serde(borrow)]
    admin_email: Option<Cow<'a, str>>,
    #[serde(borrow)]
    alternate_email: Option<Cow<'a, str>>,
    #[serde(borrow)]
    phone_number: Option<Cow<'a, str>>,
}

/// Serialises as `{"domain", "postalAddress", "adminEmail", "alternateEmail", "phoneNumber"}`,
/// unknown values left out.
impl Serialize for AccountSnapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SnapshotOut {
            domain: self.domain(),
            postal_address: self.postal_address(),
            admin_email: self.admin_email(),
            alternate_email: self.alternate_email(),
            phone_number: self.phone(),
        }
        .serialize(serializer)
    }
}

/// Deserialises with [`Policy::default`]; see [`AccountSnapshot::deserialize_with`].
impl<'de> Deserialize<'de> for AccountSnapshot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AccountSnapshot::deserialize_with(&Policy::default(), deserializer)
    }
}

impl AccountSnapshot {
    /// Deserialises a saved snapshot, checking every value: the domain with `policy`'s suffix
    /// list (subdomains and names under private suffixes accepted, as Google holds them), the
    /// addresses with its suffix list, the postal address and the phone number with their
    /// parsers.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a snapshot (no `domain`, a number where text
    /// goes), or when a value no longer passes: its text lists each as `field: message [code]`,
    /// e.g. `domain: … [domain.public_suffix]`, `postalAddress.postalCode: … [address.missing]`.
    ///
    /// ```
    /// use gws_onboarding::lifecycle::AccountSnapshot;
    /// use gws_onboarding::form::Policy;
    ///
    /// let json = r#"{"domain": "acme.github.io", "adminEmail": "it@acme.github.io"}"#;
    /// let snap = AccountSnapshot::deserialize_with(&Policy::default(), &mut serde_json::Deserializer::from_str(json))?;
    /// assert!(snap.domain().is_under_private_suffix());
    ///
    /// let err = serde_json::from_str::<AccountSnapshot>(r#"{"domain": "co.uk", "phoneNumber": "0123"}"#)
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("domain: "), "{err}");
    /// assert!(err.to_string().contains("[domain.public_suffix]; phoneNumber: "), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<AccountSnapshot, D::Error> {
        let raw = SnapshotIn::deserialize(deserializer)?;
        snapshot(&raw, policy).map_err(|errors| de::Error::custom(refusals(&errors)))
    }
}

/// Checks every value of a saved snapshot, listing every refusal.
pub(super) fn snapshot(
    raw: &SnapshotIn<'_>,
    policy: &Policy,
) -> Result<AccountSnapshot, Vec<String>> {
    let mut errors = Vec::new();
    let list = policy.rules_for_domain().list();
    let domain = PrimaryDomain::parse_with(&raw.domain, &held_rules(policy))
        .map_err(|e| errors.push(refusal("domain", &e)))
        .ok();
    let address = raw.postal_address.as_ref().and_then(|raw| {
        PostalAddress::parse(raw)
            .map_err(|all| {
                for e in all {
                    errors.push(refusal(e.field().form_path(), &e));
                }
            })
            .ok()
    });
    let mut email = |field: &str, value: Option<&Cow<'_, str>>| {
        value.and_then(|v| {
            EmailAddress::parse_with(v, list)
                .map_err(|e| errors.push(refusal(field, &e)))
                .ok()
        })
    };
    let admin = email("adminEmail", raw.admin_email.as_ref());
    let alternate = email("alternateEmail", raw.alternate_email.as_ref());
    let phone = raw.phone_number.as_ref().and_then(|p| {
        PhoneNumber::parse(p)
            .map_err(|e| errors.push(refusal("phoneNumber", &e)))
            .ok()
    });
    let Some(domain) = domain.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let mut snap = AccountSnapshot::new(domain);
    if let Some(address) = address {
        snap = snap.with_postal_address(address);
    }
    if let Some(admin) = admin {
        snap = snap.with_admin_email(admin);
    }
    if let Some(alternate) = alternate {
        snap = snap.with_alternate_email(alternate);
    }
    if let Some(phone) = phone {
        snap = snap.with_phone(phone);
    }
    Ok(snap)
}

// ---------------------------------------------------------------------------------------------
// CustomerRecord

/// Serialises as `"disabled"` or `"enabled"`.
impl Serialize for ResellerAccess {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Reads `"disabled"` or `"enabled"`, in any case.
impl<'de> Deserialize<'de> for ResellerAccess {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Cow<'de, str>>::deserialize(deserializer)?;
        [ResellerAccess::Disabled, ResellerAccess::Enabled]
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(raw.trim_fast()))
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown reseller access \"{}\": expected disabled or enabled",
                    snippet(&raw)
                ))
            })
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, AccountSnapshot> {
    type Value = AccountSnapshot;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        AccountSnapshot::deserialize_with(self.policy(), deserializer)
    }
}
