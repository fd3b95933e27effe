//! Layer 6, persist: a saved [`CustomerRecord`](crate::lifecycle::CustomerRecord), [`Change`](crate::lifecycle::Change) and [`Drift`](crate::lifecycle::Drift).

use super::limits::refusal;
use super::seed::PolicySeed;
use super::snapshot::held_rules;
use crate::address::{AddressField, check_text};
use crate::country::CountryCode;
use crate::domain::PrimaryDomain;
use crate::email::EmailAddress;
use crate::error::{Diagnostic, snippet};
use crate::form::Policy;
use crate::lifecycle::{
    Change, CustomerRecord, Drift, ResellerAccess, SubscriptionStatus, same_text,
};
use crate::phone::PhoneNumber;
use crate::product::Product;
use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

#[derive(Serialize, Deserialize)]
pub(super) struct Subscription {
    product: Product,
    status: SubscriptionStatus,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RecordOut {
    subscriptions: Vec<Subscription>,
    reseller_access: ResellerAccess,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RecordIn {
    subscriptions: Vec<Subscription>,
    reseller_access: ResellerAccess,
}

/// Serialises as `{"subscriptions": [{"product", "status"}], "resellerAccess"}`, subscriptions
/// in order of first order.
impl Serialize for CustomerRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RecordOut {
            subscriptions: self
                .subscriptions()
                .iter()
                .map(|&(product, status)| Subscription { product, status })
                .collect(),
            reseller_access: self.reseller_access(),
        }
        .serialize(serializer)
    }
}

/// Deserialises a saved record: each product and status through its parser, each product at
/// most once, both fields required.
///
/// ```
/// use gws_onboarding::lifecycle::CustomerRecord;
/// let err = serde_json::from_str::<CustomerRecord>(r#"{"resellerAccess": "enabled", "subscriptions": [
///     {"product": "vault", "status": "ACTIVE"}, {"product": "vault", "status": "SUSPENDED"}]}"#).unwrap_err();
/// assert!(err.to_string().starts_with("subscriptions[1].product: \"vault\" is listed twice"), "{err}");
/// ```
impl<'de> Deserialize<'de> for CustomerRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RecordIn::deserialize(deserializer)?;
        let mut record = CustomerRecord::new();
        for (index, Subscription { product, status }) in raw.subscriptions.into_iter().enumerate() {
            // Each product at most once: the loop stops at the first repeat, so it runs at most
            // once per product this crate knows.
            if record.subscriptions().iter().any(|(p, _)| *p == product) {
                return Err(de::Error::custom(format!(
                    "subscriptions[{index}].product: \"{product}\" is listed twice"
                )));
            }
            record.record_order(product, status);
        }
        record.set_reseller_access(raw.reseller_access);
        Ok(record)
    }
}

// ---------------------------------------------------------------------------------------------
// Drift and Change

#[derive(Serialize)]
pub(super) struct ChangeOut<'a> {
    code: &'static str,
    field: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ours: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theirs: Option<&'a str>,
}

#[derive(Deserialize)]
pub(super) struct RawChange {
    code: String,
    field: String,
    ours: Option<String>,
    theirs: Option<String>,
}

/// Serialises as `{"code", "field", "ours", "theirs"}`: the change's [`Change::code`],
/// [`Change::field_path`], and the two values (a blank address field left out).
impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ours, theirs) = match self {
            Change::Domain { ours, theirs } => (Some(ours.as_str()), Some(theirs.as_str())),
            Change::PostalAddress { ours, theirs, .. } => (ours.as_deref(), theirs.as_deref()),
            Change::AdminEmail { ours, theirs } | Change::AlternateEmail { ours, theirs } => {
                (Some(ours.as_str()), Some(theirs.as_str()))
            }
            Change::Phone { ours, theirs } => (Some(ours.as_str()), Some(theirs.as_str())),
        };
        ChangeOut {
            code: self.code(),
            field: self.field_path(),
            ours,
            theirs,
        }
        .serialize(serializer)
    }
}

/// Deserialises with [`Policy::default`]; a [`PolicySeed`] gives another policy.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PolicySeed::<Change>::new(&Policy::default()).deserialize(deserializer)
    }
}

/// Where a change comes in [`lifecycle::drift`](crate::lifecycle::drift)'s order.
pub(super) fn rank(change: &Change) -> (u8, usize) {
    match change {
        Change::Domain { .. } => (0, 0),
        Change::PostalAddress { field, .. } => (
            1,
            AddressField::ALL
                .iter()
                .position(|f| f == field)
                .unwrap_or(usize::MAX),
        ),
        Change::AdminEmail { .. } => (2, 0),
        Change::AlternateEmail { .. } => (3, 0),
        Change::Phone { .. } => (4, 0),
    }
}

/// Checks a saved change.
pub(super) fn change(raw: RawChange, policy: &Policy) -> Result<Change, String> {
    let RawChange {
        code,
        field,
        ours,
        theirs,
    } = raw;
    let wrong_field = |expected: &str| {
        format!(
            "field \"{}\" does not go with code {code}: expected {expected}",
            snippet(&field)
        )
    };
    // Both sides of a change of a value every snapshot has.
    let both = |path: &str, ours: Option<String>, theirs: Option<String>| {
        if field != path {
            return Err(wrong_field(path));
        }
        match (ours, theirs) {
            (Some(ours), Some(theirs)) => Ok((ours, theirs)),
            _ => Err(format!("{path}: both ours and theirs are required")),
        }
    };
    let side =
        |path: &str, which: &str, d: &dyn Diagnostic| refusal(&format!("{path} ({which})"), d);
    let differ = |path: &str, same: bool| {
        if same {
            Err(format!(
                "{path}: ours and theirs are the same, which is no change"
            ))
        } else {
            Ok(())
        }
    };
    let list = policy.rules_for_domain().list();
    let email = |path: &str, which: &str, value: &str| {
        EmailAddress::parse_with(value, list).map_err(|e| side(path, which, &e))
    };
    match code.as_str() {
        "drift.domain" => {
            let path = "customerDomain";
            let (a, b) = both(path, ours, theirs)?;
            let rules = held_rules(policy);
            let parse = |which, value: &str| {
                PrimaryDomain::parse_with(value, &rules).map_err(|e| side(path, which, &e))
            };
            let (ours, theirs) = (parse("ours", &a)?, parse("theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(Change::Domain { ours, theirs })
        }
        "drift.postal_address" => {
            let address_field = field
                .strip_prefix("postalAddress.")
                .and_then(|name| AddressField::ALL.into_iter().find(|f| f.as_str() == name))
                .ok_or_else(|| wrong_field("postalAddress.<field>"))?;
            postal_change(address_field, ours, theirs)
        }
        "drift.admin_email" | "drift.alternate_email" => {
            let admin = code == "drift.admin_email";
            let path = if admin {
                "primaryAdmin.primaryEmail"
            } else {
                "alternateEmail"
            };
            let (a, b) = both(path, ours, theirs)?;
            let (ours, theirs) = (email(path, "ours", &a)?, email(path, "theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(if admin {
                Change::AdminEmail { ours, theirs }
            } else {
                Change::AlternateEmail { ours, theirs }
            })
        }
        "drift.phone" => {
            let path = "phoneNumber";
            let (a, b) = both(path, ours, theirs)?;
            let parse =
                |which, value: &str| PhoneNumber::parse(value).map_err(|e| side(path, which, &e));
            let (ours, theirs) = (parse("ours", &a)?, parse("theirs", &b)?);
            differ(path, ours == theirs)?;
            Ok(Change::Phone { ours, theirs })
        }
        other => Err(format!(
            "unknown drift code \"{}\": expected drift.domain, drift.postal_address, \
             drift.admin_email, drift.alternate_email or drift.phone",
            snippet(other)
        )),
    }
}

/// Checks a saved change of one postal address field: each value as that field's parser
/// would, a required field on both sides, two different values.
pub(super) fn postal_change(
    field: AddressField,
    ours: Option<String>,
    theirs: Option<String>,
) -> Result<Change, String> {
    let path = field.form_path();
    let value = |which: &str, value: Option<String>| -> Result<Option<String>, String> {
        let Some(value) = value else { return Ok(None) };
        let refused = |d: &dyn Diagnostic| refusal(&format!("{path} ({which})"), d);
        if field == AddressField::CountryCode {
            return CountryCode::parse(&value)
                .map(|c| Some(c.as_str().to_owned()))
                .map_err(|e| refused(&e));
        }
        check_text(field, &value)
            .map(|v| v.map(str::to_owned))
            .map_err(|e| refused(&e))
    };
    let (ours, theirs) = (value("ours", ours)?, value("theirs", theirs)?);
    if field.is_required() && (ours.is_none() || theirs.is_none()) {
        return Err(format!("{path}: both ours and theirs are required"));
    }
    if same_text(ours.as_deref(), theirs.as_deref()) {
        return Err(format!(
            "{path}: ours and theirs are the same, which is no change"
        ));
    }
    Ok(Change::PostalAddress {
        field,
        ours,
        theirs,
    })
}

/// Serialises as the list of its changes, in order.
impl Serialize for Drift {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Deserialises with [`Policy::default`]; see [`Drift::deserialize_with`].
impl<'de> Deserialize<'de> for Drift {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Drift::deserialize_with(&Policy::default(), deserializer)
    }
}

impl Drift {
    /// Deserialises a saved drift: each change's values checked like an [`AccountSnapshot`](crate::lifecycle::AccountSnapshot)'s
    /// (with `policy`'s suffix list), the two values of a change different, and the changes in
    /// [`lifecycle::drift`](crate::lifecycle::drift)'s order (domain, postal address fields in
    /// form order, admin, secondary address, phone), each at most once.
    ///
    /// # Errors
    ///
    /// The format's error when the input is not a list of changes, or a change does not pass,
    /// e.g. `customerDomain (theirs): … [domain.public_suffix]`, or
    /// `phoneNumber: ours and theirs are the same, which is no change`.
    ///
    /// ```
    /// use gws_onboarding::form::Policy;
    /// use gws_onboarding::lifecycle::Drift;
    ///
    /// let json = r#"[{"code": "drift.postal_address", "field": "postalAddress.locality", "ours": "Paris", "theirs": "Lyon"}]"#;
    /// let drift = Drift::deserialize_with(&Policy::default(), &mut serde_json::Deserializer::from_str(json))?;
    /// assert_eq!(drift.len(), 1);
    ///
    /// let same = r#"[{"code": "drift.phone", "field": "phoneNumber", "ours": "+33 1 42 68 53 00", "theirs": "+33142685300"}]"#;
    /// let err = serde_json::from_str::<Drift>(same).unwrap_err();
    /// assert!(err.to_string().starts_with("phoneNumber: ours and theirs are the same"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        policy: &Policy,
        deserializer: D,
    ) -> Result<Drift, D::Error> {
        struct Changes<'p>(&'p Policy);

        impl<'de> Visitor<'de> for Changes<'_> {
            type Value = Drift;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of changes")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Drift, A::Error> {
                let mut changes: Vec<Change> = Vec::new();
                while let Some(change) = seq.next_element_seed(PolicySeed::<Change>::new(self.0))? {
                    // Strictly increasing ranks: at most one change per value, so at most
                    // thirteen changes are ever read.
                    if changes
                        .last()
                        .is_some_and(|last| rank(last) >= rank(&change))
                    {
                        return Err(de::Error::custom(format!(
                            "{}: changes come in drift's order (domain, postal address fields \
                             in form order, admin, secondary address, phone), each once",
                            change.field_path()
                        )));
                    }
                    changes.push(change);
                }
                Ok(Drift { changes })
            }
        }

        deserializer.deserialize_seq(Changes(policy))
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Drift> {
    type Value = Drift;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Drift, D::Error> {
        Drift::deserialize_with(self.policy(), deserializer)
    }
}

impl<'de> DeserializeSeed<'de> for PolicySeed<'_, Change> {
    type Value = Change;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Change, D::Error> {
        let raw = RawChange::deserialize(deserializer)?;
        change(raw, self.policy()).map_err(de::Error::custom)
    }
}
