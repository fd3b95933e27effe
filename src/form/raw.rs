//! Layer 4, form: the raw form as the console (or a web form) sends it, every field a text.

use crate::address::RawPostalAddress;
use crate::customer::{CrmId, Customer, PersonName, Website};
use crate::eligibility::Preconditions;
use crate::email::EmailAddress;

use crate::language::LanguageCode;
use crate::order::{DealCode, OfferName, PurchaseOrderId};
use crate::phone::PhoneNumber;

use super::field::blank;
use super::input::InputProblems;

/// The console's fields for the administrator.
///
/// ```
/// let admin = gws_onboarding::form::RawAdmin { email: "a@acme.fr".into(), ..Default::default() };
/// assert!(admin.first_name.is_none());
/// ```
///
/// Read on its own from JSON, a number is read as its text and a value of an impossible type
/// is an error; inside an [`OnboardingForm`] it is an `input.type` violation instead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RawAdmin {
    /// `admin.email`: the super admin's address (domain customer) or the team admin's
    /// business address (team customer).
    pub email: String,
    /// `admin.firstName`; required for domain customers.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub first_name: Option<String>,
    /// `admin.lastName`; required for domain customers.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub last_name: Option<String>,
}

/// The console's fields for an educational institution.
///
/// ```
/// let edu = gws_onboarding::form::RawEducation { institute_type: "k12".into(), ..Default::default() };
/// assert!(edu.website.is_none());
/// ```
///
/// Read on its own from JSON, a number is read as its text and a value of an impossible type
/// is an error; inside an [`OnboardingForm`] it is an `input.type` violation instead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RawEducation {
    /// `educationalInstitution.instituteType`: `k12` or `university`.
    pub institute_type: String,
    /// `educationalInstitution.instituteSize`: `SIZE_1_100` … `SIZE_10001_OR_MORE`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub institute_size: Option<String>,
    /// `educationalInstitution.website`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub website: Option<String>,
}

/// The form's `order` object: the first order of the new customer, as typed.
///
/// In JSON the keys are `product`, `seats`, `plan`, `purchaseOrderId`, `dealCode` and `offer`;
/// every one may be missing. `seats` is a JSON number or a numeric string (`25`, `"25"`): it is
/// kept as text here and read by [`order::parse_seats`](crate::order::parse_seats), so a negative, fractional or huge
/// number is a violation on `order.seats`, not a form that cannot be read.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use gws_onboarding::form::RawOrder;
///
/// let order: RawOrder = serde_json::from_str(r#"{"product": "business-plus", "seats": 25}"#)?;
/// assert_eq!(order.seats.as_deref(), Some("25"));
/// let same: RawOrder = serde_json::from_str(r#"{"product": "business-plus", "seats": "25"}"#)?;
/// assert_eq!(order, same);
/// assert!(order.plan.is_none()); // flexible
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase", default))]
pub struct RawOrder {
    /// `order.product`: an edition or add-on name (`business-plus`, `vault`, `storage-1tb`).
    pub product: String,
    /// `order.seats`: the number of seats, as typed (a JSON number is kept as its text).
    #[cfg_attr(
        feature = "serde",
        serde(
            skip_serializing_if = "Option::is_none",
            serialize_with = "seats_serde::serialize",
            deserialize_with = "seats_serde::deserialize"
        )
    )]
    pub seats: Option<String>,
    /// `order.plan`: `flexible` (the default when blank), `annual-monthly`, `annual-yearly`,
    /// `trial` or `free`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub plan: Option<String>,
    /// `order.purchaseOrderId`: the reseller's purchase order number, at most 80 characters.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub purchase_order_id: Option<String>,
    /// `order.dealCode`: a Google deal code, at most 100 characters.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub deal_code: Option<String>,
    /// `order.offer`: a Cloud Channel offer, `accounts/{account}/offers/{offer}`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub offer: Option<String>,
}

impl RawOrder {
    /// Whether every field is blank: such an order object counts as no order, like any blank
    /// optional field of the form.
    ///
    /// ```
    /// use gws_onboarding::form::RawOrder;
    /// assert!(RawOrder::default().is_blank());
    /// assert!(!RawOrder { plan: Some("trial".into()), ..RawOrder::default() }.is_blank());
    /// ```
    #[must_use]
    pub fn is_blank(&self) -> bool {
        blank(Some(&self.product))
            && [
                &self.seats,
                &self.plan,
                &self.purchase_order_id,
                &self.deal_code,
                &self.offer,
            ]
            .into_iter()
            .all(|value| blank(value.as_deref()))
    }
}

/// `seats` as a JSON number or a string, kept as text.
#[cfg(feature = "serde")]
mod seats_serde {
    use std::fmt;

    use serde::de::{self, Visitor};

    /// The longest text kept from a JSON string (the seat parser refuses longer ones by their
    /// length; this only bounds the copy).
    const MAX_KEPT: usize = 4096;

    /// Writes an integer's canonical text (`25`, `-3`) as a JSON number, any other text as a
    /// string, so that the text reads back unchanged.
    #[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<String>`
    pub(super) fn serialize<S: serde::Serializer>(
        seats: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let Some(text) = seats.as_deref() else {
            return serializer.serialize_none();
        };
        if let Some(n) = text.parse::<u64>().ok().filter(|n| n.to_string() == text) {
            return serializer.serialize_u64(n);
        }
        if let Some(n) = text.parse::<i64>().ok().filter(|n| n.to_string() == text) {
            return serializer.serialize_i64(n);
        }
        serializer.serialize_str(text)
    }

    pub(super) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        deserializer.deserialize_any(SeatsVisitor)
    }

    struct SeatsVisitor;

    /// The text of a float: whole values as integers (`25.0` is 25), others in plain decimal
    /// when short, in exponent form when not (`1e-300`).
    fn float_text(v: f64) -> String {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            // Exactly representable: no precision lost.
            #[allow(clippy::cast_possible_truncation)]
            let whole = v as i64;
            return whole.to_string();
        }
        let plain = v.to_string();
        if plain.len() <= 32 {
            plain
        } else {
            format!("{v:e}")
        }
    }

    impl<'de> Visitor<'de> for SeatsVisitor {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number of seats: a JSON number or a numeric string")
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(float_text(v)))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let end = v.floor_char_boundary_compat(MAX_KEPT);
            Ok(Some(v[..end].to_owned()))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(SeatsVisitor)
        }
    }

    /// `str::floor_char_boundary`, which is not stable on the crate's minimum Rust.
    trait FloorCharBoundary {
        fn floor_char_boundary_compat(&self, index: usize) -> usize;
    }

    impl FloorCharBoundary for str {
        fn floor_char_boundary_compat(&self, index: usize) -> usize {
            if index >= self.len() {
                return self.len();
            }
            (0..=index)
                .rev()
                .find(|&i| self.is_char_boundary(i))
                .unwrap_or(0)
        }
    }
}

/// The raw "Create customer" form, as typed in the Partner Sales Console.
///
/// In JSON the fields are camelCase and every field may be missing (it then counts as blank).
/// The form is read as web forms send it:
///
/// - a number where text goes is read as its text (`"postalCode": 75008`, a phone number, a
///   CRM id);
/// - `null` is a missing field;
/// - a flag (`hasWorkspaceForNonprofits`, `hasLegacyFreeEdition`) is `true`/`false`, as a JSON
///   boolean or a string in any case; a blank string is `false`;
/// - a value of an impossible type (an object or a list where text goes, a boolean where text
///   goes, text other than `true`/`false` where a flag goes, anything but an object where
///   `postalAddress`, `admin` or `educationalInstitution` go) does not fail the reading: the
///   field counts as blank, the problem is kept in [`input_problems`](Self::input_problems),
///   and [`check`](crate::form::check) reports it as `input.type` on the field's path
///   (`postalAddress.postalCode`) while it checks the rest of the form;
/// - unknown fields are ignored.
///
/// Only a document that is not a JSON object (a list, a string, a syntax error) or that gives a
/// field twice fails to deserialise. The reader needs a self-describing format (JSON, YAML,
/// …), not bincode or postcard.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use gws_onboarding::form::OnboardingForm;
///
/// let form: OnboardingForm = serde_json::from_str(r#"{
///     "customerType": "team",
///     "edition": "essentials",
///     "organizationName": "Studio Nord",
///     "admin": {"email": "sam@studio-nord.de"}
/// }"#)?;
/// assert_eq!(form.customer_type, "team");
/// assert_eq!(form.domain, "");
///
/// // A number where text goes is its text; an object where text goes is reported.
/// let form: OnboardingForm = serde_json::from_str(r#"{
///     "postalAddress": {"postalCode": 75008, "locality": {"name": "Paris"}},
///     "hasLegacyFreeEdition": "false"
/// }"#)?;
/// assert_eq!(form.postal_address.postal_code, "75008");
/// let problems: Vec<_> = form.input_problems.iter().map(|(path, e)| (path, e.code())).collect();
/// assert_eq!(problems, [("postalAddress.locality", "input.type")]);
///
/// // A list is not a form.
/// assert!(serde_json::from_str::<OnboardingForm>(r#"["domain", "acme.fr"]"#).is_err());
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct OnboardingForm {
    /// `customerType`: `domain` or `team`.
    pub customer_type: String,
    /// `productFamily`: `google-workspace` (the default when blank) or `cloud-identity`.
    pub product_family: String,
    /// `edition`: the edition to order first (`business-standard`, `essentials`, …); required
    /// for team customers (one of the Essentials family), optional for domain customers.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub edition: Option<String>,
    /// `educationalInstitution`: present when the "Educational institution" box is ticked.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub educational_institution: Option<RawEducation>,
    /// `organizationName`.
    pub organization_name: String,
    /// `domain`: the primary domain; for a team customer blank or the admin address's domain.
    pub domain: String,
    /// `postalAddress`; a blank `organizationName` in it takes the form's organisation name,
    /// a blank `contactName` the admin's name.
    pub postal_address: RawPostalAddress,
    /// `phoneNumber`: `+` and the country code.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub phone_number: Option<String>,
    /// `admin`.
    pub admin: RawAdmin,
    /// `secondaryEmail`: required for domain customers.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub secondary_email: Option<String>,
    /// `languageCode` (BCP-47).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub language_code: Option<String>,
    /// `crmId`: the reseller's own id (Cloud Channel API `correlationId`).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub crm_id: Option<String>,
    /// `hasWorkspaceForNonprofits`: the customer already has Google Workspace for Nonprofits.
    pub has_workspace_for_nonprofits: bool,
    /// `hasLegacyFreeEdition`: the customer has the legacy free edition of G Suite.
    pub has_legacy_free_edition: bool,
    /// `order`: the first order, optional (an object whose fields are all blank counts as
    /// none); checked with the rest of the form and carried by the validated customer
    /// ([`Customer::order`]).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub order: Option<RawOrder>,
    /// The values of an impossible type met when the form was read from JSON, which
    /// [`check`](crate::form::check) reports as `input.type` on their fields. Empty for a form built in code (leave
    /// it to `Default::default()`); not serialised.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub input_problems: InputProblems,
}

impl OnboardingForm {
    /// A complete, valid domain customer (a French company), for examples and tests.
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default()).is_ok());
    /// ```
    #[must_use]
    pub fn sample_domain_customer() -> Self {
        OnboardingForm {
            customer_type: "domain".into(),
            product_family: "google-workspace".into(),
            edition: Some("business-standard".into()),
            educational_institution: None,
            organization_name: "Acme Widgets SAS".into(),
            domain: "acme-widgets.fr".into(),
            postal_address: RawPostalAddress {
                contact_name: "Jeanne Martin".into(),
                organization_name: "Acme Widgets SAS".into(),
                address_line1: "12 rue de la Paix".into(),
                address_line2: None,
                address_line3: None,
                locality: Some("Paris".into()),
                region: Some("Île-de-France".into()),
                postal_code: "75002".into(),
                country_code: "FR".into(),
            },
            phone_number: Some("+33 1 42 68 53 00".into()),
            admin: RawAdmin {
                email: "jeanne.martin@acme-widgets.fr".into(),
                first_name: Some("Jeanne".into()),
                last_name: Some("Martin".into()),
            },
            secondary_email: Some("it-support@reseller-example.de".into()),
            language_code: Some("fr-FR".into()),
            crm_id: Some("CRM-2026-0042".into()),
            has_workspace_for_nonprofits: false,
            has_legacy_free_edition: false,
            order: None,
            input_problems: InputProblems::default(),
        }
    }

    /// A complete, valid team customer (Enterprise Essentials, email-verified).
    ///
    /// ```
    /// use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::validate(&OnboardingForm::sample_team_customer(), &Policy::default()).is_ok());
    /// ```
    #[must_use]
    pub fn sample_team_customer() -> Self {
        OnboardingForm {
            customer_type: "team".into(),
            product_family: "google-workspace".into(),
            edition: Some("enterprise-essentials".into()),
            educational_institution: None,
            organization_name: "Studio Nord Design Team".into(),
            domain: String::new(),
            postal_address: RawPostalAddress {
                contact_name: "Sam Keller".into(),
                organization_name: String::new(),
                address_line1: "Holstenstraße 1".into(),
                address_line2: None,
                address_line3: None,
                locality: Some("Hamburg".into()),
                region: None,
                postal_code: "22767".into(),
                country_code: "DE".into(),
            },
            phone_number: None,
            admin: RawAdmin {
                email: "sam.keller@studio-nord.de".into(),
                first_name: Some("Sam".into()),
                last_name: None,
            },
            secondary_email: None,
            language_code: Some("de".into()),
            crm_id: None,
            has_workspace_for_nonprofits: false,
            has_legacy_free_edition: false,
            order: None,
            input_problems: InputProblems::default(),
        }
    }

    pub(super) fn preconditions(&self) -> Preconditions {
        Preconditions {
            has_workspace_for_nonprofits: self.has_workspace_for_nonprofits,
            has_legacy_free_edition: self.has_legacy_free_edition,
        }
    }
}

/// The form that validates into this customer: every field as the customer holds it, in its
/// canonical spelling.
///
/// Validating it again with the policy the customer passed gives the same customer back; with a
/// stricter policy (a newer suffix list, fewer countries) it reports what no longer passes. This
/// is also the JSON shape of a saved [`Customer`] (feature `serde`, module `persist`).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// let form = OnboardingForm::from(&customer);
/// assert_eq!(form.domain, "studio-nord.de");
/// assert_eq!(form::validate(&form, &Policy::default())?, customer);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl From<&Customer> for OnboardingForm {
    fn from(customer: &Customer) -> Self {
        let text = |value: Option<&str>| value.map(str::to_owned);
        let admin = customer.admin();
        OnboardingForm {
            customer_type: customer.kind().as_str().to_owned(),
            product_family: customer.product_family().as_str().to_owned(),
            edition: customer.edition().map(|e| e.as_str().to_owned()),
            educational_institution: customer.education().map(|edu| RawEducation {
                institute_type: edu.institute_type().as_str().to_owned(),
                institute_size: edu.size().map(|s| s.as_str().to_owned()),
                website: text(edu.website().map(Website::as_str)),
            }),
            organization_name: customer.organization_name().as_str().to_owned(),
            domain: customer.domain().as_str().to_owned(),
            postal_address: RawPostalAddress::from(customer.postal_address().clone()),
            phone_number: text(customer.phone_number().map(PhoneNumber::as_str)),
            admin: RawAdmin {
                email: admin.email().as_str().to_owned(),
                first_name: text(admin.first_name().map(PersonName::as_str)),
                last_name: text(admin.last_name().map(PersonName::as_str)),
            },
            secondary_email: text(customer.secondary_email().map(EmailAddress::as_str)),
            language_code: text(customer.language_code().map(LanguageCode::as_str)),
            crm_id: text(customer.crm_id().map(CrmId::as_str)),
            // A customer with either cannot be added: a valid one has neither.
            has_workspace_for_nonprofits: false,
            has_legacy_free_edition: false,
            order: customer.order().map(|o| RawOrder {
                product: o.product().as_str().to_owned(),
                seats: Some(o.seats().to_string()),
                plan: Some(o.plan().as_str().to_owned()),
                purchase_order_id: text(o.purchase_order_id().map(PurchaseOrderId::as_str)),
                deal_code: text(o.deal_code().map(DealCode::as_str)),
                offer: text(o.offer().map(OfferName::as_str)),
            }),
            input_problems: InputProblems::default(),
        }
    }
}
