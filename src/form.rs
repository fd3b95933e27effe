//! The console's "Create customer" form: raw input in, a valid [`Customer`] or every violation out.
//!
//! [`OnboardingForm`] holds the fields as a salesperson typed them (all strings, camelCase in
//! JSON). [`validate`] checks every field and every rule between fields and returns either the
//! [`Customer`] or a [`Report`] listing **all** violations at once, each with the input field's
//! path (`domain`, `secondaryEmail`, `postalAddress.countryCode`, …), a stable code, a severity
//! and a message in English or French. An optional `order` object ([`RawOrder`]) carries the
//! customer's first order: its violations are on `order.*` fields, and the valid customer
//! carries the [`Order`] ([`Customer::order`]).
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//! use gws_onboarding::Lang;
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.domain = "www.acme-widgets.fr".into();
//! form.secondary_email = Some("jeanne@acme-widgets.fr".into());
//! form.postal_address.country_code = "XX".into();
//!
//! let report = form::validate(&form, &Policy::default()).unwrap_err();
//! let found: Vec<_> = report.iter().map(|v| (v.field(), v.code())).collect();
//! assert_eq!(found, [
//!     ("domain", "domain.www"),
//!     ("postalAddress.countryCode", "country.unassigned"),
//! ]);
//! assert!(report.to_string().contains("domain: domain \"www.acme-widgets.fr\" starts with \"www.\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With the `www.` fixed, the secondary address is checked against the primary domain too:
//!
//! ```
//! use gws_onboarding::form::{self, OnboardingForm, Policy};
//!
//! let mut form = OnboardingForm::sample_domain_customer();
//! form.secondary_email = Some("jeanne@Acme-Widgets.FR".into());
//! let report = form::validate(&form, &Policy::default()).unwrap_err();
//! assert_eq!(report.codes().collect::<Vec<_>>(), ["rule.secondary_in_primary_domain"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use crate::address::{AddressField, PostalAddress, RawPostalAddress};
use crate::country::CountryCode;
use crate::customer::{
    AdminContact, CrmId, Customer, CustomerKind, Education, InstituteSize, InstituteType,
    OrganizationName, PersonName, TextError, UnknownValue, Website,
};
use crate::domain::{DomainError, DomainRules, PrimaryDomain};
use crate::eligibility::{self, Ineligibility, Preconditions};
use crate::email::{self, EmailAddress, EmailError, RuleError, RuleWarning};
use crate::error::{Diagnostic, Gender, Lang, Severity, TrimExt, impl_diagnostic, snippet};
use crate::language::{LanguageCode, LanguageError};
use crate::order::{self, Buyer, DealCode, OfferName, Order, OrderError, Plan, PurchaseOrderId};
use crate::phone::{PhoneError, PhoneNumber};
use crate::product::{Edition, ParseProductError, Product, ProductFamily};
use crate::{AddressError, CountryError};

#[cfg(feature = "serde")]
pub use crate::persist::PolicySeed;
mod input;
pub use input::{ExpectedType, FoundType, InputProblems, InputTypeError};

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
/// kept as text here and read by [`order::parse_seats`], so a negative, fractional or huge
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
///   and [`check`] reports it as `input.type` on the field's path
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
    /// [`check`] reports as `input.type` on their fields. Empty for a form built in code (leave
    /// it to `Default::default()`); not serialised.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub input_problems: InputProblems,
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RawAdmin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        input::read_admin(deserializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RawEducation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        input::read_education(deserializer)
    }
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

    fn preconditions(&self) -> Preconditions {
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

/// What a reseller may tune in validation. [`Policy::default`] is documented field by field.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::CountryCode;
///
/// let eu_only = Policy::new().allowed_countries([CountryCode::parse("FR")?, CountryCode::parse("DE")?]);
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.postal_address.country_code = "US".into();
/// let report = form::validate(&form, &eu_only).unwrap_err();
/// assert_eq!(report.codes().collect::<Vec<_>>(), ["form.country_not_allowed"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Policy {
    domain_rules: DomainRules,
    allowed_countries: Option<BTreeSet<CountryCode>>,
    require_phone: bool,
    require_admin_name: bool,
}

impl Default for Policy {
    /// - domain rules: [`DomainRules::new`] (embedded suffix list, subdomains accepted, names
    ///   under private suffixes such as `github.io` refused);
    /// - every assigned country accepted (restrict it to the countries you may resell in);
    /// - phone number optional;
    /// - admin first and last names required for domain customers (the Cloud Channel API
    ///   requires them; they are optional for team customers).
    fn default() -> Self {
        Policy {
            domain_rules: DomainRules::new(),
            allowed_countries: None,
            require_phone: false,
            require_admin_name: true,
        }
    }
}

impl Policy {
    /// The default policy.
    ///
    /// ```
    /// let p = gws_onboarding::form::Policy::new();
    /// assert!(!p.requires_phone());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Policy::default()
    }

    /// Sets the rules for the primary domain (suffix list, subdomains, private suffixes).
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, form::Policy};
    /// let p = Policy::new().domain_rules(DomainRules::new().allow_subdomain(false));
    /// assert!(!p.rules_for_domain().allows_subdomain());
    /// ```
    #[must_use]
    pub fn domain_rules(mut self, rules: DomainRules) -> Self {
        self.domain_rules = rules;
        self
    }

    /// Accepts only these countries in the postal address (those you may resell in).
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, form::Policy};
    /// let p = Policy::new().allowed_countries([CountryCode::parse("FR")?]);
    /// assert!(p.allows_country(CountryCode::parse("fr")?));
    /// assert!(!p.allows_country(CountryCode::parse("BE")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allowed_countries(mut self, countries: impl IntoIterator<Item = CountryCode>) -> Self {
        self.allowed_countries = Some(countries.into_iter().collect());
        self
    }

    /// Requires a phone number.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::new().require_phone(true).requires_phone());
    /// ```
    #[must_use]
    pub fn require_phone(mut self, require: bool) -> Self {
        self.require_phone = require;
        self
    }

    /// Requires the admin's first and last names for domain customers (on by default).
    ///
    /// ```
    /// assert!(!gws_onboarding::form::Policy::new().require_admin_name(false).requires_admin_name());
    /// ```
    #[must_use]
    pub fn require_admin_name(mut self, require: bool) -> Self {
        self.require_admin_name = require;
        self
    }

    /// The domain rules in force.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::new().rules_for_domain().allows_subdomain());
    /// ```
    #[must_use]
    pub fn rules_for_domain(&self) -> &DomainRules {
        &self.domain_rules
    }

    /// Whether a country is accepted.
    ///
    /// ```
    /// use gws_onboarding::{CountryCode, form::Policy};
    /// assert!(Policy::new().allows_country(CountryCode::parse("JP")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn allows_country(&self, country: CountryCode) -> bool {
        self.allowed_countries
            .as_ref()
            .is_none_or(|set| set.contains(&country))
    }

    /// Whether a phone number is required.
    ///
    /// ```
    /// assert!(!gws_onboarding::form::Policy::default().requires_phone());
    /// ```
    #[must_use]
    pub fn requires_phone(&self) -> bool {
        self.require_phone
    }

    /// Whether the admin's names are required for domain customers.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Policy::default().requires_admin_name());
    /// ```
    #[must_use]
    pub fn requires_admin_name(&self) -> bool {
        self.require_admin_name
    }
}

/// A field of the form that holds one value (the postal address's fields are
/// [`AddressField`]s): its JSON path, the most characters it may hold, and its name in English
/// and French, side by side in one table row.
///
/// ```
/// use gws_onboarding::{Lang, form::Field};
///
/// assert_eq!(Field::SecondaryEmail.path(), "secondaryEmail");
/// assert_eq!(Field::SecondaryEmail.name(Lang::Fr), "l'adresse e-mail secondaire");
/// assert_eq!(Field::Domain.max_chars(), 253);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `customerType`.
    CustomerType,
    /// `productFamily`.
    ProductFamily,
    /// `edition`.
    Edition,
    /// `educationalInstitution.instituteType`.
    InstituteType,
    /// `educationalInstitution.instituteSize`.
    InstituteSize,
    /// `educationalInstitution.website`.
    Website,
    /// `organizationName`.
    OrganizationName,
    /// `domain`.
    Domain,
    /// `phoneNumber`.
    PhoneNumber,
    /// `admin.email`.
    AdminEmail,
    /// `admin.firstName`.
    AdminFirstName,
    /// `admin.lastName`.
    AdminLastName,
    /// `secondaryEmail`.
    SecondaryEmail,
    /// `languageCode`.
    LanguageCode,
    /// `crmId`.
    CrmId,
    /// `order.product`.
    OrderProduct,
    /// `order.seats`.
    OrderSeats,
    /// `order.plan`.
    OrderPlan,
    /// `order.purchaseOrderId`.
    OrderPurchaseOrderId,
    /// `order.dealCode`.
    OrderDealCode,
    /// `order.offer`.
    OrderOffer,
}

/// The fewest bytes a field is read up to. A value up to this size, however far past the
/// field's limit, goes to the field's own parser, which refuses it with its own code
/// (`text.too_long`, `email.too_long`, `order.too_long`, …); only a value past every field's
/// limit by far is refused unread as `form.too_long`. Reading 4 KiB costs about a microsecond.
const MIN_FIELD_BYTES: usize = 4096;

/// One row of [`FIELDS`]: a field's path, its limit, and its name in both languages with the
/// gender French words agree with.
struct FieldRow {
    field: Field,
    path: &'static str,
    max_chars: usize,
    en: &'static str,
    fr: &'static str,
    gender: Gender,
}

/// Every [`Field`], in the form's order.
const FIELDS: [FieldRow; 21] = {
    use Gender::{Feminine as F, Masculine as M};
    const fn row(
        field: Field,
        path: &'static str,
        max_chars: usize,
        en: &'static str,
        fr: &'static str,
        gender: Gender,
    ) -> FieldRow {
        FieldRow {
            field,
            path,
            max_chars,
            en,
            fr,
            gender,
        }
    }
    [
        row(
            Field::CustomerType,
            "customerType",
            64,
            "the customer type",
            "le type de client",
            M,
        ),
        row(
            Field::ProductFamily,
            "productFamily",
            64,
            "the product family",
            "la famille de produits",
            F,
        ),
        row(
            Field::Edition,
            "edition",
            128,
            "the edition",
            "l'édition",
            F,
        ),
        row(
            Field::InstituteType,
            "educationalInstitution.instituteType",
            64,
            "the institute type",
            "le type d'établissement",
            M,
        ),
        row(
            Field::InstituteSize,
            "educationalInstitution.instituteSize",
            64,
            "the institute size",
            "la taille de l'établissement",
            F,
        ),
        row(
            Field::Website,
            "educationalInstitution.website",
            Website::MAX_CHARS,
            "the institution's website",
            "le site web de l'établissement",
            M,
        ),
        row(
            Field::OrganizationName,
            "organizationName",
            OrganizationName::MAX_CHARS,
            "the organisation name",
            "le nom de l'organisation",
            M,
        ),
        row(Field::Domain, "domain", 253, "the domain", "le domaine", M),
        row(
            Field::PhoneNumber,
            "phoneNumber",
            crate::phone::MAX_INPUT_LEN,
            "the phone number",
            "le numéro de téléphone",
            M,
        ),
        row(
            Field::AdminEmail,
            "admin.email",
            email::MAX_EMAIL,
            "the admin's email address",
            "l'adresse e-mail de l'administrateur",
            F,
        ),
        row(
            Field::AdminFirstName,
            "admin.firstName",
            PersonName::MAX_CHARS,
            "the admin's first name",
            "le prénom de l'administrateur",
            M,
        ),
        row(
            Field::AdminLastName,
            "admin.lastName",
            PersonName::MAX_CHARS,
            "the admin's last name",
            "le nom de l'administrateur",
            M,
        ),
        row(
            Field::SecondaryEmail,
            "secondaryEmail",
            email::MAX_EMAIL,
            "the secondary email address",
            "l'adresse e-mail secondaire",
            F,
        ),
        row(
            Field::LanguageCode,
            "languageCode",
            crate::language::MAX_LEN,
            "the language code",
            "le code de langue",
            M,
        ),
        row(
            Field::CrmId,
            "crmId",
            CrmId::MAX_CHARS,
            "the CRM ID",
            "l'ID CRM",
            M,
        ),
        row(
            Field::OrderProduct,
            "order.product",
            128,
            "the product of the order",
            "le produit de la commande",
            M,
        ),
        row(
            Field::OrderSeats,
            "order.seats",
            32,
            "the number of seats of the order",
            "le nombre de licences de la commande",
            M,
        ),
        row(
            Field::OrderPlan,
            "order.plan",
            32,
            "the plan of the order",
            "le forfait de la commande",
            M,
        ),
        row(
            Field::OrderPurchaseOrderId,
            "order.purchaseOrderId",
            order::MAX_PURCHASE_ORDER_ID_CHARS,
            "the purchase order number",
            "le numéro de bon de commande",
            M,
        ),
        row(
            Field::OrderDealCode,
            "order.dealCode",
            order::MAX_DEAL_CODE_CHARS,
            "the deal code",
            "le code d'accord",
            M,
        ),
        row(
            Field::OrderOffer,
            "order.offer",
            256,
            "the offer",
            "l'offre",
            F,
        ),
    ]
};

impl Field {
    /// Every field, in the form's order.
    ///
    /// ```
    /// use gws_onboarding::form::Field;
    /// assert_eq!(Field::ALL.first(), Some(&Field::CustomerType));
    /// ```
    pub const ALL: [Field; 21] = {
        let mut all = [Field::CustomerType; 21];
        let mut i = 0;
        while i < FIELDS.len() {
            all[i] = FIELDS[i].field;
            i += 1;
        }
        all
    };

    const fn row(self) -> &'static FieldRow {
        // `FIELDS` lists the variants in declaration order (pinned by a test).
        &FIELDS[self as usize]
    }

    /// The field's path in the form's JSON, as [`Violation::field`] gives it.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Field::AdminEmail.path(), "admin.email");
    /// ```
    #[must_use]
    pub const fn path(self) -> &'static str {
        self.row().path
    }

    /// The most characters the field may hold. A value of more bytes than four times as many,
    /// plus 64 for surrounding white space (and more than 4 KiB), is refused before it is read
    /// or trimmed (`form.too_long`), whatever it holds; a shorter one is left to the field's
    /// own parser, which counts its characters and reports its own code (`text.too_long`, …).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Field::AdminFirstName.max_chars(), 60);
    /// ```
    #[must_use]
    pub const fn max_chars(self) -> usize {
        self.row().max_chars
    }

    /// The most bytes a value may have to be read at all: four bytes a character plus room
    /// for surrounding white space, and never less than [`MIN_FIELD_BYTES`].
    const fn max_bytes(self) -> usize {
        let bytes = self.max_chars() * 4 + 64;
        if bytes < MIN_FIELD_BYTES {
            MIN_FIELD_BYTES
        } else {
            bytes
        }
    }

    /// The field's name in `lang`, with its article: `the domain`, `le domaine`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::Field};
    /// assert_eq!(Field::Edition.name(Lang::En), "the edition");
    /// assert_eq!(Field::Edition.name(Lang::Fr), "l'édition");
    /// ```
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        let row = self.row();
        lang.pick(row.en, row.fr)
    }

    /// The gender of the French name, which participles and adjectives agree with.
    pub(crate) const fn gender(self) -> Gender {
        self.row().gender
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

/// A problem with the form as a whole, or between its fields.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.secondary_email = None;
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// assert_eq!(report.codes().collect::<Vec<_>>(), ["form.required"]);
/// assert_eq!(report.iter().next().map(|v| v.field()), Some("secondaryEmail"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormError {
    /// A required field is blank.
    Required {
        /// The blank field.
        field: Field,
    },
    /// A field is longer, in bytes, than four times the characters it may hold: it is refused
    /// before it is read.
    TooLong {
        /// The field.
        field: Field,
    },
    /// A team customer's domain field differs from its admin's address domain.
    TeamDomainMismatch {
        /// The domain entered (cut and escaped).
        domain: String,
        /// The admin address's domain (cut and escaped).
        email_domain: String,
    },
    /// The country is not one the reseller's policy allows.
    CountryNotAllowed {
        /// The country.
        country: CountryCode,
    },
    /// The main product family is neither Google Workspace nor Cloud Identity.
    MainFamily {
        /// The family chosen.
        family: ProductFamily,
    },
}

impl FormError {
    /// The stable machine code, `form.*`.
    ///
    /// ```
    /// use gws_onboarding::form::{Field, FormError};
    /// assert_eq!(FormError::Required { field: Field::Domain }.code(), "form.required");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            FormError::Required { .. } => "form.required",
            FormError::TooLong { .. } => "form.too_long",
            FormError::TeamDomainMismatch { .. } => "form.team_domain_mismatch",
            FormError::CountryNotAllowed { .. } => "form.country_not_allowed",
            FormError::MainFamily { .. } => "form.main_family",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::{Field, FormError}};
    /// let err = FormError::Required { field: Field::SecondaryEmail };
    /// assert_eq!(err.message(Lang::En), "the secondary email address is required");
    /// assert_eq!(err.message(Lang::Fr), "l'adresse e-mail secondaire est obligatoire");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            // Only a team customer's edition is required: say which editions it may be.
            FormError::Required {
                field: Field::Edition,
            } => lang
                .pick(
                    "the edition of a team customer is required: Essentials, Enterprise Essentials or Enterprise Essentials Plus",
                    "l'édition d'un client dans une équipe est obligatoire : Essentials, Enterprise Essentials ou Enterprise Essentials Plus",
                )
                .to_owned(),
            FormError::Required { field } => match lang {
                Lang::Fr => format!("{} est obligatoire", field.name(lang)),
                _ => format!("{} is required", field.name(lang)),
            },
            FormError::TooLong { field } => {
                let max = field.max_chars();
                match lang {
                    Lang::Fr => format!(
                        "{} est trop {} : {max} caractères au plus",
                        field.name(lang),
                        field.gender().agree("long", "longue")
                    ),
                    _ => format!(
                        "{} is too long: {max} characters at most",
                        field.name(lang)
                    ),
                }
            }
            FormError::TeamDomainMismatch {
                domain,
                email_domain,
            } => match lang {
                Lang::Fr => format!(
                    "le domaine d'un client dans une équipe est celui de l'adresse de son administrateur, « {email_domain} », et non « {domain} » : laissez le domaine vide ou saisissez celui de l'adresse"
                ),
                _ => format!(
                    "a team customer's domain is its admin's address domain \"{email_domain}\", not \"{domain}\": leave the domain blank or enter the address's domain"
                ),
            },
            FormError::CountryNotAllowed { country } => match lang {
                Lang::Fr => {
                    format!("le pays {country} ne fait pas partie de ceux où vous pouvez revendre")
                }
                _ => format!("country {country} is not one you may resell in"),
            },
            FormError::MainFamily { family } => match lang {
                Lang::Fr => format!(
                    "{} ne peut pas être la famille de produits principale d'un client : choisissez Google Workspace ou Cloud Identity",
                    family.name()
                ),
                _ => format!(
                    "{} cannot be a customer's main product family: choose Google Workspace or Cloud Identity",
                    family.name()
                ),
            },
        }
    }
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FormError {}

impl_diagnostic!(FormError);

/// Every kind of problem a form can have: the error (or warning) types of this crate.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy, Problem};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.domain = "gmail.com".into();
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// assert!(report.iter().any(|v| matches!(v.problem(), Problem::Domain(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The primary domain.
    Domain(DomainError),
    /// An email address.
    Email(EmailError),
    /// A rule between addresses and the domain.
    Rule(RuleError),
    /// A warning between addresses and the domain.
    RuleWarning(RuleWarning),
    /// The postal address.
    Address(AddressError),
    /// The phone number.
    Phone(PhoneError),
    /// The language code.
    Language(LanguageError),
    /// A free-text field.
    Text(TextError),
    /// A value outside a closed set (customer type, institute type, …).
    Value(UnknownValue),
    /// An edition or product family name.
    Product(ParseProductError),
    /// An onboarding precondition.
    Eligibility(Ineligibility),
    /// The form as a whole.
    Form(FormError),
    /// The `order` object: a value or a rule of the order.
    Order(OrderError),
    /// An error Google answered, on the form field it concerns (see
    /// [`wire::GoogleError`](crate::wire::GoogleError)).
    #[cfg(feature = "serde")]
    Google(crate::wire::GoogleError),
    /// A violation reloaded from a saved [`Report`]: its code, severity and messages as they
    /// were saved (see [`persist`](crate::persist)).
    #[cfg(feature = "serde")]
    Saved(crate::persist::SavedProblem),
    /// A value of an impossible JSON type (`input.type`).
    Input(InputTypeError),
}

impl Problem {
    /// The underlying error, to read its code and messages.
    ///
    /// ```
    /// use gws_onboarding::{form::{Field, FormError, Problem}, Diagnostic};
    /// let p = Problem::Form(FormError::Required { field: Field::Domain });
    /// assert_eq!(p.diagnostic().code(), "form.required");
    /// ```
    #[must_use]
    pub fn diagnostic(&self) -> &(dyn Diagnostic + Send + Sync + 'static) {
        match self {
            Problem::Domain(e) => e,
            Problem::Email(e) => e,
            Problem::Rule(e) => e,
            Problem::RuleWarning(e) => e,
            Problem::Address(e) => e,
            Problem::Phone(e) => e,
            Problem::Language(e) => e,
            Problem::Text(e) => e,
            Problem::Value(e) => e,
            Problem::Product(e) => e,
            Problem::Eligibility(e) => e,
            Problem::Form(e) => e,
            Problem::Order(e) => e,
            #[cfg(feature = "serde")]
            Problem::Google(e) => e,
            #[cfg(feature = "serde")]
            Problem::Saved(e) => e,
            Problem::Input(e) => e,
        }
    }
}

/// One violation: which field, what code, how serious, and the message.
///
/// ```
/// use gws_onboarding::{Lang, Severity, form::{self, OnboardingForm, Policy}};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.phone_number = Some("01 42 68 53 00".into());
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// let v = report.iter().next().unwrap();
/// assert_eq!(v.field(), "phoneNumber");
/// assert_eq!(v.code(), "phone.missing_plus");
/// assert_eq!(v.severity(), Severity::Error);
/// assert!(!v.message(Lang::Fr).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub(crate) field: Cow<'static, str>,
    pub(crate) problem: Problem,
}

impl Violation {
    /// The path of the input field (`domain`, `admin.email`, `postalAddress.postalCode`, …).
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.field()), Some("admin.email"));
    /// ```
    #[must_use]
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The stable machine code.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.code()), Some("email.missing_at"));
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.problem.diagnostic().code()
    }

    /// Error or warning.
    ///
    /// ```
    /// # use gws_onboarding::{Severity, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert!(report.iter().all(|v| v.severity() == Severity::Error));
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.problem.diagnostic().severity()
    }

    /// The message in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// let v = report.iter().next().unwrap();
    /// assert_eq!(v.message(Lang::En), "email address \"x\" has no @");
    /// assert_eq!(v.message(Lang::Fr), "l'adresse e-mail « x » ne contient pas de @");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.problem.diagnostic().message(lang)
    }

    /// The typed problem.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy, Problem};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// assert!(matches!(report.iter().next().map(|v| v.problem()), Some(Problem::Email(_))));
    /// ```
    #[must_use]
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// A plain record of the violation with its message in `lang`, e.g. for JSON.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// # let mut form = OnboardingForm::sample_domain_customer();
    /// # form.admin.email = "x".into();
    /// let report = form::validate(&form, &Policy::default()).unwrap_err();
    /// let entry = report.iter().next().unwrap().entry(Lang::En);
    /// assert_eq!((entry.field.as_str(), entry.code), ("admin.email", "email.missing_at"));
    /// ```
    #[must_use]
    pub fn entry(&self, lang: Lang) -> ViolationEntry {
        ViolationEntry {
            field: self.field.to_string(),
            code: self.code(),
            severity: self.severity(),
            message: self.message(lang),
        }
    }
}

impl std::error::Error for Violation {}

impl Diagnostic for Violation {
    fn code(&self) -> &'static str {
        Violation::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        Violation::message(self, lang)
    }
    fn severity(&self) -> Severity {
        Violation::severity(self)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}, {}]",
            self.field,
            self.message(Lang::En),
            self.code(),
            self.severity()
        )
    }
}

/// A violation as plain data: field, code, severity and message in one language.
///
/// Serialises as `{"field": "...", "code": "...", "severity": "error|warning", "message": "..."}`.
///
/// ```
/// use gws_onboarding::{Severity, form::ViolationEntry};
/// let e = ViolationEntry { field: "domain".into(), code: "domain.www", severity: Severity::Error, message: "m".into() };
/// assert_eq!(e.code, "domain.www");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ViolationEntry {
    /// The input field's path.
    pub field: String,
    /// The stable code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message.
    pub message: String,
}

/// The paths of the form's fields in the form's order: the order of [`OnboardingForm`]'s fields
/// and of its JSON sample, each block's fields in their own order. A [`Report`] lists its
/// violations in this order.
const FORM_ORDER: [&str; 32] = [
    "customerType",
    "productFamily",
    "edition",
    "educationalInstitution.instituteType",
    "educationalInstitution.instituteSize",
    "educationalInstitution.website",
    "organizationName",
    "domain",
    "postalAddress.contactName",
    "postalAddress.organizationName",
    "postalAddress.addressLine1",
    "postalAddress.addressLine2",
    "postalAddress.addressLine3",
    "postalAddress.locality",
    "postalAddress.region",
    "postalAddress.postalCode",
    "postalAddress.countryCode",
    "phoneNumber",
    "admin.email",
    "admin.firstName",
    "admin.lastName",
    "secondaryEmail",
    "languageCode",
    "crmId",
    "hasWorkspaceForNonprofits",
    "hasLegacyFreeEdition",
    "order.product",
    "order.seats",
    "order.plan",
    "order.purchaseOrderId",
    "order.dealCode",
    "order.offer",
];

/// Where a path comes in the form's order; a path the list does not know comes after every
/// listed field.
fn form_rank(path: &str) -> usize {
    FORM_ORDER
        .iter()
        .position(|p| *p == path)
        .unwrap_or(FORM_ORDER.len())
}

/// Every violation found in a form, in the form's field order.
///
/// The order is that of [`OnboardingForm`]'s fields, which its JSON sample follows:
/// `customerType`, `productFamily`, `edition`, `educationalInstitution.*`, `organizationName`,
/// `domain`, `postalAddress.*` (contact name, organisation name, address lines 1 to 3, locality,
/// region, postal code, country code), `phoneNumber`, `admin.email`, `admin.firstName`,
/// `admin.lastName`, `secondaryEmail`, `languageCode`, `crmId`, the preconditions' boxes
/// (`hasWorkspaceForNonprofits`, `hasLegacyFreeEdition`), then the `order.*` fields (product,
/// seats, plan, purchase order id, deal code, offer). Several violations of one field keep the
/// order in which they were found.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
/// assert!(report.len() > 5);
/// assert!(report.has_errors());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) violations: Vec<Violation>,
}

impl Report {
    fn push(&mut self, field: impl Into<Cow<'static, str>>, problem: Problem) {
        self.violations.push(Violation {
            field: field.into(),
            problem,
        });
    }

    /// Adds a Google error on the form field it concerns (the empty path when none).
    #[cfg(feature = "serde")]
    pub(crate) fn push_google(&mut self, error: crate::wire::GoogleError) {
        self.push(error.form_field().unwrap_or(""), Problem::Google(error));
    }

    /// Puts the violations in the form's field order ([`FORM_ORDER`]), keeping the order in
    /// which they were found within one field; paths the list does not know come last.
    fn sort_by_form_order(&mut self) {
        self.violations.sort_by_key(|v| form_rank(&v.field));
    }

    /// The violations, errors and warnings, in the order of the form's fields.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.iter().next().map(|v| v.field()), Some("customerType"));
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The codes of the violations, in order.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert!(report.codes().any(|c| c == "form.required"));
    /// ```
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.violations.iter().map(Violation::code)
    }

    /// The errors only.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.errors().count(), report.len());
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Error)
    }

    /// The warnings only.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.warnings().count(), 0);
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Warning)
    }

    /// Whether any violation is an error.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let outcome = form::check(&OnboardingForm::sample_domain_customer(), &Policy::default());
    /// assert!(!outcome.report().has_errors());
    /// ```
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// How many violations.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Report::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Whether there is no violation at all.
    ///
    /// ```
    /// assert!(gws_onboarding::form::Report::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Plain records of every violation with messages in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::{self, OnboardingForm, Policy}};
    /// let report = form::validate(&OnboardingForm::default(), &Policy::default()).unwrap_err();
    /// assert_eq!(report.entries(Lang::Fr).len(), report.len());
    /// ```
    #[must_use]
    pub fn entries(&self, lang: Lang) -> Vec<ViolationEntry> {
        self.violations.iter().map(|v| v.entry(lang)).collect()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

/// What [`check`] found: the customer when there is no error, and the report (which may hold
/// warnings even when the customer is valid).
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.domain = "paris.acme-widgets.fr".into();
/// form.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
/// form.secondary_email = Some("it@acme-widgets.fr".into());
/// let outcome = form::check(&form, &Policy::default());
/// assert!(outcome.customer().is_some());
/// assert_eq!(outcome.report().codes().collect::<Vec<_>>(), ["rule.secondary_same_registrable"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Outcome {
    customer: Option<Customer>,
    report: Report,
}

impl Outcome {
    /// The customer, when the form has no error.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::check(&OnboardingForm::default(), &Policy::default()).customer().is_none());
    /// ```
    #[must_use]
    pub fn customer(&self) -> Option<&Customer> {
        self.customer.as_ref()
    }

    /// Every violation, warnings included.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// assert!(form::check(&OnboardingForm::sample_team_customer(), &Policy::default()).report().is_empty());
    /// ```
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Splits into the customer and the report.
    ///
    /// ```
    /// # use gws_onboarding::form::{self, OnboardingForm, Policy};
    /// let (customer, report) = form::check(&OnboardingForm::sample_team_customer(), &Policy::default()).into_parts();
    /// assert!(customer.is_some() && report.is_empty());
    /// ```
    #[must_use]
    pub fn into_parts(self) -> (Option<Customer>, Report) {
        (self.customer, self.report)
    }
}

/// Validates a form: the customer, or every violation (errors and warnings).
///
/// Warnings alone do not block: the customer is returned and the warnings are dropped; use
/// [`check`] to see them.
///
/// # Errors
///
/// A [`Report`] with every violation when at least one is an error.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// assert_eq!(customer.domain().as_str(), "studio-nord.de");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate(form: &OnboardingForm, policy: &Policy) -> Result<Customer, Report> {
    let outcome = check(form, policy);
    match outcome.customer {
        Some(customer) => Ok(customer),
        None => Err(outcome.report),
    }
}

/// Checks a form and returns both the customer (when there is no error) and every violation.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// let outcome = form::check(&OnboardingForm::sample_domain_customer(), &Policy::default());
/// assert!(outcome.customer().is_some());
/// assert!(outcome.report().is_empty());
/// ```
#[must_use]
pub fn check(form: &OnboardingForm, policy: &Policy) -> Outcome {
    Checker::new(policy, &form.input_problems).run(form)
}

/// A value of an impossible type, and whether it is in the report yet.
struct Pending {
    path: &'static str,
    error: InputTypeError,
    reported: bool,
}

/// Validated parts, gathered as the form is read.
struct Checker<'p> {
    policy: &'p Policy,
    report: Report,
    /// The form's input problems, reported where their field is checked.
    pending: Vec<Pending>,
}

impl<'p> Checker<'p> {
    fn new(policy: &'p Policy, problems: &InputProblems) -> Self {
        Checker {
            policy,
            report: Report::default(),
            pending: problems
                .iter()
                .map(|(path, error)| Pending {
                    path,
                    error: *error,
                    reported: false,
                })
                .collect(),
        }
    }

    /// Whether `field` (or an object holding it) had a value of an impossible type; reports the
    /// problem the first time. Such a field is not checked further.
    #[inline]
    fn input(&mut self, field: &str) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        self.input_slow(field)
    }

    #[inline(never)]
    fn input_slow(&mut self, field: &str) -> bool {
        let mut hit = false;
        for pending in &mut self.pending {
            let covers = field
                .strip_prefix(pending.path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
            if covers {
                hit = true;
                if !pending.reported {
                    pending.reported = true;
                    self.report
                        .push(pending.path, Problem::Input(pending.error));
                }
            }
        }
        hit
    }

    /// Whether `field` had a value of an impossible type, without reporting it.
    fn had_input(&self, field: &str) -> bool {
        self.pending.iter().any(|p| p.path == field)
    }

    fn required(&mut self, field: Field) {
        self.report
            .push(field.path(), Problem::Form(FormError::Required { field }));
    }

    /// Parses an optional field: blank counts as absent. A value of more bytes than
    /// [`Field::max_bytes`] is refused unread, so that no field costs more than a bounded
    /// amount of work whatever its parser does.
    fn optional<T, E>(
        &mut self,
        field: Field,
        value: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, E>,
        wrap: impl FnOnce(E) -> Problem,
    ) -> Option<T> {
        if self.input(field.path()) {
            return None;
        }
        let value = value?;
        if value.len() > field.max_bytes() {
            self.report
                .push(field.path(), Problem::Form(FormError::TooLong { field }));
            return None;
        }
        if value.trim_fast().is_empty() {
            return None;
        }
        match parse(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report.push(field.path(), wrap(e));
                None
            }
        }
    }

    /// Parses a required field.
    fn required_value<T, E>(
        &mut self,
        field: Field,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
        wrap: impl FnOnce(E) -> Problem,
    ) -> Option<T> {
        if self.input(field.path()) {
            return None;
        }
        if blank(Some(value)) {
            self.required(field);
            return None;
        }
        self.optional(field, Some(value), parse, wrap)
    }

    #[allow(clippy::too_many_lines)] // one pass over the form's fields, in their order
    fn run(mut self, form: &OnboardingForm) -> Outcome {
        // Customer type, product family, edition, education: what kind of customer this is.
        let kind = self.required_value(
            Field::CustomerType,
            &form.customer_type,
            str::parse::<CustomerKind>,
            Problem::Value,
        );
        let family = if self.input("productFamily") {
            None
        } else if blank(Some(&form.product_family)) {
            Some(ProductFamily::GoogleWorkspace)
        } else {
            self.optional(
                Field::ProductFamily,
                Some(&form.product_family),
                str::parse::<ProductFamily>,
                Problem::Product,
            )
        };
        let family = family.and_then(|f| {
            if matches!(
                f,
                ProductFamily::GoogleWorkspace | ProductFamily::CloudIdentity
            ) {
                Some(f)
            } else {
                self.report.push(
                    "productFamily",
                    Problem::Form(FormError::MainFamily { family: f }),
                );
                None
            }
        });
        let edition = self.optional(
            Field::Edition,
            form.edition.as_deref(),
            str::parse::<Edition>,
            Problem::Product,
        );
        let education = if self.input("educationalInstitution") {
            None
        } else {
            form.educational_institution
                .as_ref()
                .map(|raw| self.education(raw))
        };
        self.input("hasWorkspaceForNonprofits");
        self.input("hasLegacyFreeEdition");
        for reason in eligibility::check_preconditions(&form.preconditions()) {
            let field = match reason {
                Ineligibility::Nonprofits => "hasWorkspaceForNonprofits",
                _ => "hasLegacyFreeEdition",
            };
            self.report.push(field, Problem::Eligibility(reason));
        }
        if let (Some(kind), Some(family)) = (kind, family) {
            let edu = form.educational_institution.is_some();
            for reason in eligibility::check_kind(kind, family, edition, edu) {
                let field = match reason {
                    Ineligibility::TeamFamily { .. } => "productFamily",
                    _ => "edition",
                };
                self.report.push(field, Problem::Eligibility(reason));
            }
        }
        let is_team = kind == Some(CustomerKind::Team);
        // The team kind exists only for the Essentials family: say which one.
        if is_team && blank(form.edition.as_deref()) && !self.had_input("edition") {
            self.required(Field::Edition);
        }

        // Organisation and primary domain.
        let organization = self.required_value(
            Field::OrganizationName,
            &form.organization_name,
            OrganizationName::parse,
            Problem::Text,
        );
        let admin_email = self.required_value(
            Field::AdminEmail,
            &form.admin.email,
            |e| EmailAddress::parse_with(e, self.policy.domain_rules.list()),
            Problem::Email,
        );
        let domain_unreadable = self.input("domain");
        let domain = if is_team {
            let entered = if domain_unreadable { "" } else { &form.domain };
            self.team_domain(entered, admin_email.as_ref())
        } else if domain_unreadable {
            None
        } else if blank(Some(&form.domain)) {
            self.report.push(
                "domain",
                Problem::Eligibility(Ineligibility::NoRegisteredDomain),
            );
            None
        } else {
            self.optional(
                Field::Domain,
                Some(&form.domain),
                |d| PrimaryDomain::parse_with(d, &self.policy.domain_rules),
                Problem::Domain,
            )
        };

        // Contacts.
        let names_required = !is_team && self.policy.require_admin_name;
        let first_name = self.name(
            Field::AdminFirstName,
            form.admin.first_name.as_deref(),
            names_required,
        );
        let last_name = self.name(
            Field::AdminLastName,
            form.admin.last_name.as_deref(),
            names_required,
        );
        if let (Some(domain), Some(admin), false) = (&domain, &admin_email, is_team) {
            if let Err(e) = email::check_admin_email(domain, admin) {
                self.report.push("admin.email", Problem::Rule(e));
            }
        }
        let secondary_unreadable = self.input("secondaryEmail");
        let secondary = match form
            .secondary_email
            .as_deref()
            .filter(|s| !blank(Some(s)) && !secondary_unreadable)
        {
            None if secondary_unreadable => None,
            None if !is_team => {
                self.required(Field::SecondaryEmail);
                None
            }
            None => None,
            Some(raw) => self.optional(
                Field::SecondaryEmail,
                Some(raw),
                |e| EmailAddress::parse_with(e, self.policy.domain_rules.list()),
                Problem::Email,
            ),
        };
        if let Some(secondary) = &secondary {
            // The admin is in the primary domain, so the same address would break the domain
            // rule too: report only the more specific violation.
            let distinct = admin_email
                .as_ref()
                .map_or(Ok(()), |admin| email::check_distinct(admin, secondary));
            match (distinct, &domain) {
                (Err(e), _) => self.report.push("secondaryEmail", Problem::Rule(e)),
                (Ok(()), Some(domain)) => match email::check_secondary_email(domain, secondary) {
                    Err(e) => self.report.push("secondaryEmail", Problem::Rule(e)),
                    Ok(Some(w)) => self.report.push("secondaryEmail", Problem::RuleWarning(w)),
                    Ok(None) => {}
                },
                (Ok(()), None) => {}
            }
        }

        // Address, phone, language, CRM id.
        let postal_address = self.postal_address(
            form,
            organization.as_ref(),
            first_name.as_ref(),
            last_name.as_ref(),
        );
        let phone = if self.input("phoneNumber") {
            None
        } else if self.policy.require_phone && blank(form.phone_number.as_deref()) {
            self.required(Field::PhoneNumber);
            None
        } else {
            self.optional(
                Field::PhoneNumber,
                form.phone_number.as_deref(),
                PhoneNumber::parse,
                Problem::Phone,
            )
        };
        let language = self.optional(
            Field::LanguageCode,
            form.language_code.as_deref(),
            LanguageCode::parse,
            Problem::Language,
        );
        let crm_id = self.optional(
            Field::CrmId,
            form.crm_id.as_deref(),
            CrmId::parse,
            Problem::Text,
        );

        // Order.
        let buyer = Buyer {
            kind,
            family,
            school: form.educational_institution.is_some(),
            edition,
        };
        let order = if self.input("order") {
            None
        } else {
            form.order
                .as_ref()
                .filter(|raw| {
                    !raw.is_blank() || self.pending.iter().any(|p| p.path.starts_with("order."))
                })
                .and_then(|raw| self.order(raw, buyer))
        };
        // Any problem not met on the way (none today) is still reported.
        for pending in self.pending.iter_mut().filter(|p| !p.reported) {
            pending.reported = true;
            self.report
                .push(pending.path, Problem::Input(pending.error));
        }

        let customer = match (
            kind,
            family,
            organization,
            domain,
            admin_email,
            postal_address,
            education,
        ) {
            (
                Some(kind),
                Some(family),
                Some(organization),
                Some(domain),
                Some(admin_email),
                Some(postal_address),
                education,
            ) if !self.report.has_errors() => {
                let mut admin = AdminContact::new(admin_email);
                admin.first_name = first_name;
                admin.last_name = last_name;
                Some(Customer {
                    kind,
                    family,
                    edition,
                    organization,
                    domain,
                    admin,
                    secondary_email: secondary,
                    postal_address,
                    phone,
                    language,
                    education: education.flatten(),
                    crm_id,
                    order,
                })
            }
            _ => None,
        };
        self.report.sort_by_form_order();
        Outcome {
            customer,
            report: self.report,
        }
    }

    fn name(&mut self, field: Field, value: Option<&str>, required: bool) -> Option<PersonName> {
        if self.input(field.path()) {
            return None;
        }
        if required && blank(value) {
            self.required(field);
            return None;
        }
        self.optional(field, value, PersonName::parse, Problem::Text)
    }

    /// The `order` object: each value read, then the order's rules, each violation on its
    /// `order.*` field. The order, when every value and rule passes.
    fn order(&mut self, raw: &RawOrder, buyer: Buyer) -> Option<Order> {
        use crate::order::OrderField as F;
        let first = self.report.violations.len();
        let order = self.order_values(raw, buyer);
        // Values are read before the rules between them run: put the violations back in the
        // order of the fields.
        if let Some(found) = self.report.violations.get_mut(first..) {
            found.sort_by_key(|v| F::ALL.iter().position(|f| f.form_path() == v.field()));
        }
        order
    }

    fn order_values(&mut self, raw: &RawOrder, buyer: Buyer) -> Option<Order> {
        let product = self.required_value(
            Field::OrderProduct,
            &raw.product,
            str::parse::<Product>,
            Problem::Product,
        );
        let seats = if self.input(Field::OrderSeats.path()) {
            None
        } else if blank(raw.seats.as_deref()) {
            self.required(Field::OrderSeats);
            None
        } else {
            self.optional(
                Field::OrderSeats,
                raw.seats.as_deref(),
                order::parse_seats,
                Problem::Order,
            )
        };
        let plan = if self.input(Field::OrderPlan.path()) {
            None
        } else if blank(raw.plan.as_deref()) {
            Some(Plan::default())
        } else {
            self.optional(
                Field::OrderPlan,
                raw.plan.as_deref(),
                str::parse::<Plan>,
                Problem::Order,
            )
        };
        let purchase_order_id = self.optional(
            Field::OrderPurchaseOrderId,
            raw.purchase_order_id.as_deref(),
            PurchaseOrderId::parse,
            Problem::Order,
        );
        let deal_code = self.optional(
            Field::OrderDealCode,
            raw.deal_code.as_deref(),
            DealCode::parse,
            Problem::Order,
        );
        let offer = self.optional(
            Field::OrderOffer,
            raw.offer.as_deref(),
            OfferName::parse,
            Problem::Order,
        );
        let mut valid = true;
        for (field, problem) in order::form_problems(buyer, product, seats, plan) {
            valid = false;
            self.report.push(field.form_path(), problem);
        }
        let mut order = Order::new(product?, seats?, plan?).ok().filter(|_| valid)?;
        if let Some(id) = purchase_order_id {
            order = order.with_purchase_order_id(id);
        }
        if let Some(code) = deal_code {
            order = order.with_deal_code(code);
        }
        if let Some(offer) = offer {
            order = order.with_offer(offer);
        }
        Some(order)
    }

    /// A team customer's domain is its admin's address domain, which must be a registered,
    /// non-consumer, non-internationalized domain.
    fn team_domain(
        &mut self,
        entered: &str,
        admin: Option<&EmailAddress>,
    ) -> Option<PrimaryDomain> {
        let admin = admin?;
        if admin.is_consumer() {
            self.report.push(
                "admin.email",
                Problem::Eligibility(Ineligibility::ConsumerEmail {
                    email: snippet(admin.as_str()),
                }),
            );
            return None;
        }
        let domain = match PrimaryDomain::parse_with(admin.domain(), &self.policy.domain_rules) {
            Ok(d) => d,
            Err(e) => {
                self.report.push("admin.email", Problem::Domain(e));
                return None;
            }
        };
        if entered.len() > Field::Domain.max_bytes() {
            self.report.push(
                Field::Domain.path(),
                Problem::Form(FormError::TooLong {
                    field: Field::Domain,
                }),
            );
        } else if !entered.trim_fast().is_empty() {
            let same = PrimaryDomain::parse_with(entered, &self.policy.domain_rules)
                .is_ok_and(|d| d == domain);
            if !same {
                self.report.push(
                    "domain",
                    Problem::Form(FormError::TeamDomainMismatch {
                        domain: snippet(entered.trim_fast()),
                        email_domain: snippet(domain.as_str()),
                    }),
                );
            }
        }
        Some(domain)
    }

    /// Returns `Some(None)`-like: `None` when the education block is invalid, else its data.
    fn education(&mut self, raw: &RawEducation) -> Option<Education> {
        let institute_type = self.required_value(
            Field::InstituteType,
            &raw.institute_type,
            str::parse::<InstituteType>,
            Problem::Value,
        );
        let size = self.optional(
            Field::InstituteSize,
            raw.institute_size.as_deref(),
            str::parse::<InstituteSize>,
            Problem::Value,
        );
        let website = self.optional(
            Field::Website,
            raw.website.as_deref(),
            Website::parse,
            Problem::Text,
        );
        let mut education = Education::new(institute_type?);
        if let Some(size) = size {
            education = education.with_size(size);
        }
        if let Some(website) = website {
            education = education.with_website(website);
        }
        Some(education)
    }

    /// The postal address; a blank organisation name in it takes the form's organisation name,
    /// a blank contact name the admin's name. A problem with a borrowed value is reported once,
    /// on the field it came from.
    fn postal_address(
        &mut self,
        form: &OnboardingForm,
        organization: Option<&OrganizationName>,
        first: Option<&PersonName>,
        last: Option<&PersonName>,
    ) -> Option<PostalAddress> {
        if self.input("postalAddress") {
            return None;
        }
        // Fields that held a value of an impossible type: reported here, in field order, and
        // neither borrowed nor checked.
        let unreadable: Vec<AddressField> = if self.pending.is_empty() {
            Vec::new()
        } else {
            AddressField::ALL
                .into_iter()
                .filter(|field| self.input(field.form_path()))
                .collect()
        };
        let mut raw = Cow::Borrowed(&form.postal_address);
        let borrowed_org = blank(Some(&raw.organization_name))
            && !unreadable.contains(&AddressField::OrganizationName);
        if borrowed_org {
            raw.to_mut().organization_name = organization
                .map(|o| o.as_str().to_owned())
                .unwrap_or_default();
        }
        let mut borrowed_contact = false;
        if blank(Some(&raw.contact_name)) && !unreadable.contains(&AddressField::ContactName) {
            let names: Vec<&str> = [first, last]
                .into_iter()
                .flatten()
                .map(PersonName::as_str)
                .collect();
            raw.to_mut().contact_name = names.join(" ");
            // Names typed but refused are reported on admin.firstName / admin.lastName.
            borrowed_contact = names.is_empty()
                && !(blank(form.admin.first_name.as_deref())
                    && blank(form.admin.last_name.as_deref()));
        }
        match PostalAddress::parse(&raw) {
            Ok(address) => {
                if self.policy.allows_country(address.country_code()) {
                    Some(address)
                } else {
                    self.report.push(
                        "postalAddress.countryCode",
                        Problem::Form(FormError::CountryNotAllowed {
                            country: address.country_code(),
                        }),
                    );
                    None
                }
            }
            Err(errors) => {
                for e in errors {
                    let reported_elsewhere = match e.field() {
                        AddressField::OrganizationName => borrowed_org,
                        AddressField::ContactName => borrowed_contact,
                        _ => false,
                    } || unreadable.contains(&e.field());
                    if !reported_elsewhere {
                        self.report.push(e.field().form_path(), Problem::Address(e));
                    }
                }
                None
            }
        }
    }
}

/// The most bytes of white space read to decide that a field is blank: a longer value is not
/// blank (and is then refused by its length), so that no field costs unbounded trimming.
const MAX_BLANK_BYTES: usize = MIN_FIELD_BYTES;

/// Whether a value is absent or only white space, reading at most [`MAX_BLANK_BYTES`].
fn blank(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.len() <= MAX_BLANK_BYTES && v.trim_fast().is_empty())
}

// Keep the imports of error types used only in `Problem` meaningful for readers.
const _: fn(CountryError) -> AddressError = AddressError::Country;

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(form: &OnboardingForm) -> Vec<(String, &'static str)> {
        check(form, &Policy::default())
            .report()
            .iter()
            .map(|v| (v.field().to_owned(), v.code()))
            .collect()
    }

    #[test]
    fn samples_are_valid() {
        assert_eq!(codes(&OnboardingForm::sample_domain_customer()), []);
        assert_eq!(codes(&OnboardingForm::sample_team_customer()), []);
    }

    #[test]
    fn empty_form_lists_every_required_field() {
        let found = codes(&OnboardingForm::default());
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "customerType",
                "organizationName",
                "domain",
                "postalAddress.contactName",
                "postalAddress.addressLine1",
                "postalAddress.postalCode",
                "postalAddress.countryCode",
                "admin.email",
                "admin.firstName",
                "admin.lastName",
                "secondaryEmail",
            ]
        );
    }

    #[test]
    fn field_table_follows_the_enum_and_the_form_order() {
        for (i, row) in FIELDS.iter().enumerate() {
            assert_eq!(row.field as usize, i, "{}", row.path);
            assert_eq!(Field::ALL[i], row.field);
        }
        let ranks: Vec<usize> = FIELDS.iter().map(|row| form_rank(row.path)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
        assert!(ranks.iter().all(|&r| r < FORM_ORDER.len()));
    }

    #[test]
    fn team_rules() {
        let mut form = OnboardingForm::sample_team_customer();
        form.admin.email = "sam@gmail.com".into();
        form.edition = Some("business-plus".into());
        assert_eq!(
            codes(&form),
            [
                ("edition".to_owned(), "eligibility.team_edition"),
                ("admin.email".to_owned(), "eligibility.consumer_email"),
            ]
        );
        let mut form = OnboardingForm::sample_team_customer();
        form.domain = "other.de".into();
        assert_eq!(
            codes(&form),
            [("domain".to_owned(), "form.team_domain_mismatch")]
        );
        form.domain = "Studio-Nord.DE.".into();
        assert_eq!(codes(&form), []);
    }
}
