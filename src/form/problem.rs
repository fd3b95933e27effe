//! Layer 4, form: what a form can get wrong as a whole ([`FormError`]), and [`Problem`], every
//! kind of problem a form's violation holds.

use std::fmt::{self, Write as _};

use crate::address::AddressError;
use crate::country::CountryCode;
use crate::customer::{TextError, UnknownValue};
use crate::domain::DomainError;
use crate::eligibility::Ineligibility;
use crate::email::{EmailError, RuleError, RuleWarning};
use crate::error::{Diagnostic, Lang, Severity};
use crate::language::LanguageError;
use crate::order::OrderError;
use crate::phone::{ExtensionNotSent, PhoneError};
use crate::product::{ParseProductError, ProductFamily};

use super::field::Field;
use super::input::InputTypeError;

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
    /// A key of the form's JSON names no field: its value is ignored. A warning, unless the
    /// policy [refuses unknown fields](super::Policy::refuse_unknown_fields).
    UnknownField {
        /// The key's path (escaped and cut).
        path: String,
        /// The known field nearest the key, when one is near.
        nearest: Option<&'static str>,
        /// Whether the policy makes it an error.
        refused: bool,
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
            FormError::UnknownField { .. } => "form.unknown_field",
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
            FormError::UnknownField { path, nearest, refused } => {
                unknown_field_message(path, *nearest, *refused, lang)
            }
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

impl Diagnostic for FormError {
    fn code(&self) -> &'static str {
        FormError::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        FormError::message(self, lang)
    }
    fn severity(&self) -> Severity {
        match self {
            FormError::UnknownField { refused: false, .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// The message of [`FormError::UnknownField`].
fn unknown_field_message(
    path: &str,
    nearest: Option<&'static str>,
    refused: bool,
    lang: Lang,
) -> String {
    let mut out = match lang {
        Lang::Fr => format!("le formulaire n'a pas de champ « {path} »"),
        _ => format!("the form has no field \"{path}\""),
    };
    if let Some(name) = nearest {
        let _ = match lang {
            Lang::Fr => write!(out, " (vouliez-vous dire « {name} » ?)"),
            _ => write!(out, " (did you mean \"{name}\"?)"),
        };
    }
    out.push_str(match (refused, lang) {
        (true, Lang::Fr) => " : corrigez ou retirez ce champ",
        (true, _) => ": correct or remove it",
        (false, Lang::Fr) => " : sa valeur est ignorée",
        (false, _) => ": its value is ignored",
    });
    out
}

/// Every kind of problem a form can have: the error (or warning) types of this crate.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy, Problem};
///
/// let mut form = OnboardingForm::sample_domain_customer();
/// form.domain = "gmail.com".into();
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// assert!(report.iter().any(|v| matches!(v.problem().downcast_ref(), Some(Problem::Domain(_)))));
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
    /// A warning: the phone number's extension is not sent to Google.
    PhoneExtension(ExtensionNotSent),
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
            Problem::PhoneExtension(e) => e,
            Problem::Language(e) => e,
            Problem::Text(e) => e,
            Problem::Value(e) => e,
            Problem::Product(e) => e,
            Problem::Eligibility(e) => e,
            Problem::Form(e) => e,
            Problem::Order(e) => e,
            Problem::Input(e) => e,
        }
    }
}

/// A form's problem reads as the error it holds.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.diagnostic(), f)
    }
}

impl std::error::Error for Problem {}

impl Diagnostic for Problem {
    fn code(&self) -> &'static str {
        self.diagnostic().code()
    }
    fn message(&self, lang: Lang) -> String {
        self.diagnostic().message(lang)
    }
    fn severity(&self) -> Severity {
        self.diagnostic().severity()
    }
}
