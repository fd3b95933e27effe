//! Layer 4, form. Reading the form as web forms send it: a number where text goes is read as its text, a flag
//! may be `"true"`/`"false"`, and a value of an impossible type (an object or a list where text
//! goes) becomes an [`InputTypeError`] on that field's path, which [`check`](super::check)
//! reports with the rest of the form.

use std::fmt;

use crate::error::Lang;

/// The kind of JSON value a form field takes.
///
/// ```
/// use gws_onboarding::form::ExpectedType;
/// assert_eq!(ExpectedType::Text.describe(gws_onboarding::Lang::En), "text");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExpectedType {
    /// A string; a number is read as its text.
    Text,
    /// `true` or `false`, as a JSON boolean or a string.
    Flag,
    /// A JSON object `{…}` of fields (`postalAddress`, `admin`, `educationalInstitution`,
    /// `order`).
    Object,
}

impl ExpectedType {
    /// The words for it in `lang`: `text`, `true or false`, `an object {…}`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::ExpectedType};
    /// assert_eq!(ExpectedType::Flag.describe(Lang::Fr), "true ou false");
    /// ```
    #[must_use]
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            ExpectedType::Text => lang.pick("text", "du texte"),
            ExpectedType::Flag => lang.pick("true or false", "true ou false"),
            ExpectedType::Object => lang.pick("an object {…}", "un objet {…}"),
        }
    }
}

/// The kind of JSON value a field held instead.
///
/// ```
/// use gws_onboarding::{Lang, form::FoundType};
/// assert_eq!(FoundType::Array.describe(Lang::En), "a list [...]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FoundType {
    /// A string.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An object `{…}`.
    Object,
    /// A list `[…]`.
    Array,
}

impl FoundType {
    /// The words for it in `lang`: `text`, `a number`, `a boolean`, `an object {…}`,
    /// `a list [...]`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::FoundType};
    /// assert_eq!(FoundType::Object.describe(Lang::Fr), "un objet {…}");
    /// ```
    #[must_use]
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            FoundType::Text => lang.pick("text", "du texte"),
            FoundType::Number => lang.pick("a number", "un nombre"),
            FoundType::Boolean => {
                lang.pick("a boolean (true or false)", "un booléen (true ou false)")
            }
            FoundType::Object => lang.pick("an object {…}", "un objet {…}"),
            FoundType::Array => lang.pick("a list [...]", "une liste [...]"),
        }
    }
}

/// A form field held a JSON value of a type it cannot take: an object or a list where text
/// goes, text other than `true`/`false` where a flag goes.
///
/// Reading the form does not fail for it: the field counts as blank, the problem is kept in
/// [`OnboardingForm::input_problems`](super::OnboardingForm::input_problems) and
/// [`check`](super::check) reports it on the field's path, with code `input.type`, while it
/// checks the rest of the form.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::Lang;
///
/// let mut json = serde_json::to_value(OnboardingForm::sample_domain_customer())?;
/// json["postalAddress"]["postalCode"] = serde_json::json!({"code": "75002"});
/// let form: OnboardingForm = serde_json::from_value(json)?;
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// let v = report.iter().next().unwrap();
/// assert_eq!((v.field(), v.code()), ("postalAddress.postalCode", "input.type"));
/// assert_eq!(v.message(Lang::En), "this field takes text, not an object {…}");
/// assert_eq!(v.message(Lang::Fr), "ce champ attend du texte, et non un objet {…}");
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("this field takes {}, not {}", expected.describe(Lang::En), found.describe(Lang::En))]
pub struct InputTypeError {
    expected: ExpectedType,
    found: FoundType,
}

impl InputTypeError {
    /// What the field takes.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use gws_onboarding::form::{ExpectedType, OnboardingForm};
    /// let form: OnboardingForm = serde_json::from_str(r#"{"domain": ["a.fr"]}"#)?;
    /// let (path, err) = form.input_problems.iter().next().unwrap();
    /// assert_eq!((path, err.expected()), ("domain", ExpectedType::Text));
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn expected(&self) -> ExpectedType {
        self.expected
    }

    /// What it held.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use gws_onboarding::form::{FoundType, OnboardingForm};
    /// let form: OnboardingForm = serde_json::from_str(r#"{"domain": ["a.fr"]}"#)?;
    /// assert_eq!(form.input_problems.iter().next().unwrap().1.found(), FoundType::Array);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn found(&self) -> FoundType {
        self.found
    }

    /// The stable machine code, `input.type`.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let form: gws_onboarding::OnboardingForm = serde_json::from_str(r#"{"crmId": {}}"#)?;
    /// assert_eq!(form.input_problems.iter().next().unwrap().1.code(), "input.type");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        "input.type"
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use gws_onboarding::Lang;
    /// let form: gws_onboarding::OnboardingForm =
    ///     serde_json::from_str(r#"{"hasLegacyFreeEdition": "yes"}"#)?;
    /// let err = form.input_problems.iter().next().unwrap().1;
    /// assert_eq!(err.message(Lang::Fr), "ce champ attend true ou false, et non du texte");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!(
                "ce champ attend {}, et non {}",
                self.expected.describe(Lang::Fr),
                self.found.describe(Lang::Fr)
            ),
            _ => self.to_string(),
        }
    }
}

crate::error::impl_diagnostic!(InputTypeError);

/// The problems met while reading a form from JSON: each field path (`postalAddress.postalCode`)
/// with the [`InputTypeError`] of its value, in the order they were read. Empty for a form built
/// in code; it is not serialised.
///
/// ```
/// use gws_onboarding::form::OnboardingForm;
/// assert!(OnboardingForm::sample_domain_customer().input_problems.is_empty());
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct InputProblems(Vec<(&'static str, InputTypeError)>, Vec<UnknownField>);

/// A key of the form's JSON that names no field ([`InputProblems::unknown_fields`]).
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let form: gws_onboarding::OnboardingForm =
///     serde_json::from_str(r#"{"secondaryEmial": "it@acme.fr"}"#)?;
/// let unknown = form.input_problems.unknown_fields().next().unwrap();
/// assert_eq!(unknown.path(), "secondaryEmial");
/// assert_eq!(unknown.nearest(), Some("secondaryEmail"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownField {
    path: String,
    nearest: Option<&'static str>,
}

impl UnknownField {
    /// The key's path, `admin.emial` for a key of the `admin` object, escaped and cut like any
    /// quoted value.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let form: gws_onboarding::OnboardingForm = serde_json::from_str(r#"{"admin": {"emial": ""}}"#)?;
    /// assert_eq!(form.input_problems.unknown_fields().next().unwrap().path(), "admin.emial");
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The known field of the same object whose name is nearest the key, when one is near.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let form: gws_onboarding::OnboardingForm = serde_json::from_str(r#"{"colour": "blue"}"#)?;
    /// assert_eq!(form.input_problems.unknown_fields().next().unwrap().nearest(), None);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn nearest(&self) -> Option<&'static str> {
        self.nearest
    }
}

/// The most unknown keys kept from one form: a form with more is not a form.
pub(crate) const MAX_UNKNOWN_FIELDS: usize = 16;

impl InputProblems {
    /// Whether the form was read without a problem.
    ///
    /// ```
    /// assert!(gws_onboarding::form::InputProblems::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many fields had a value of an impossible type.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::InputProblems::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Each field's path and problem.
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let form: gws_onboarding::OnboardingForm =
    ///     serde_json::from_str(r#"{"admin": {"email": {"value": "a@b.fr"}}}"#)?;
    /// let paths: Vec<&str> = form.input_problems.iter().map(|(path, _)| path).collect();
    /// assert_eq!(paths, ["admin.email"]);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use = "iterators do nothing unless consumed"]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &InputTypeError)> + '_ {
        self.0.iter().map(|(path, err)| (*path, err))
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push(&mut self, path: &'static str, expected: ExpectedType, found: FoundType) {
        self.0.push((path, InputTypeError { expected, found }));
    }

    /// The keys that name no field, as a slice (for the checker).
    pub(crate) fn unknown_slice(&self) -> &[UnknownField] {
        &self.1
    }

    /// The keys that name no field, in the order they came (at most 16 are kept).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let form: gws_onboarding::OnboardingForm = serde_json::from_str(r#"{"domain": "acme.fr"}"#)?;
    /// assert_eq!(form.input_problems.unknown_fields().count(), 0);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use = "iterators do nothing unless consumed"]
    pub fn unknown_fields(&self) -> impl ExactSizeIterator<Item = &UnknownField> + '_ {
        self.1.iter()
    }

    /// Records `key`, a key of the object at `prefix` (empty at the top) that is none of
    /// `names`; bounded work whatever the key's length.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_unknown(&mut self, prefix: &str, key: &str, names: &[&'static str]) {
        if self.1.len() >= MAX_UNKNOWN_FIELDS {
            return;
        }
        // An empty key still names a place: `""`, as JSON writes it.
        let key_text = if key.is_empty() {
            "\"\"".to_owned()
        } else {
            crate::error::snippet(key)
        };
        let path = if prefix.is_empty() {
            key_text
        } else {
            format!("{prefix}.{key_text}")
        };
        self.1.push(UnknownField {
            path,
            nearest: crate::names::nearest(key, names),
        });
    }
}

impl fmt::Debug for InputProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(p, e)| (p, e)))
            .entries(self.1.iter().map(|u| (u.path(), "unknown field")))
            .finish()
    }
}
