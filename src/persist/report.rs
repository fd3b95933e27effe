//! Layer 6, persist: a saved [`Report`](crate::Report) and its violations ([`SavedProblem`]).

use super::limits::{MAX_FIELD_PATH, MAX_MESSAGE_BYTES, MAX_SAVED_VIOLATIONS, codes};
use crate::error::{Diagnostic, Lang, Severity, TrimExt, is_unsafe_char, snippet};
use crate::report::{Report, Violation};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeStruct as _, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A violation reloaded from a saved [`Report`]: the code, severity and messages it was saved
/// with (see [`persist`](crate::persist)). The code is one this version of the crate defines.
///
/// ```
/// use gws_onboarding::{form::Violation, persist::SavedProblem};
/// use gws_onboarding::{Diagnostic, Lang, Severity};
///
/// let v: Violation = serde_json::from_str(r#"{"field": "domain", "code": "domain.www", "severity": "error",
///     "messages": {"en": "domain \"www.a.fr\" starts with \"www.\"", "fr": "le domaine « www.a.fr » commence par « www. »"}}"#)?;
/// let Some(saved) = v.problem().downcast_ref::<SavedProblem>() else { panic!("{v:?}") };
/// assert_eq!(saved.code(), "domain.www");
/// assert_eq!(saved.severity(), Severity::Error);
/// assert!(saved.message(Lang::Fr).starts_with("le domaine"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedProblem {
    code: &'static str,
    severity: Severity,
    en: Box<str>,
    fr: Box<str>,
}

impl SavedProblem {
    /// The saved code.
    ///
    /// ```
    /// # use gws_onboarding::{form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "phoneNumber", "code": "phone.length",
    ///     "severity": "error", "messages": {"en": "too short", "fr": "trop court"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.code() == "phone.length"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The saved message in `lang`.
    ///
    /// ```
    /// # use gws_onboarding::{Lang, form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "phoneNumber", "code": "phone.length",
    ///     "severity": "error", "messages": {"en": "too short", "fr": "trop court"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.message(Lang::Fr) == "trop court"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr.to_string(),
            _ => self.en.to_string(),
        }
    }

    /// The saved severity.
    ///
    /// ```
    /// # use gws_onboarding::{Severity, form::Violation, persist::SavedProblem};
    /// let v: Violation = serde_json::from_str(r#"{"field": "secondaryEmail",
    ///     "code": "rule.secondary_same_registrable", "severity": "warning",
    ///     "messages": {"en": "same registrable domain", "fr": "même domaine enregistré"}}"#)?;
    /// assert!(matches!(v.problem().downcast_ref::<SavedProblem>(), Some(p) if p.severity() == Severity::Warning));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }
}

/// The English message.
impl fmt::Display for SavedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for SavedProblem {}

impl Diagnostic for SavedProblem {
    fn code(&self) -> &'static str {
        SavedProblem::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        SavedProblem::message(self, lang)
    }
    fn severity(&self) -> Severity {
        SavedProblem::severity(self)
    }
}

/// Serialises as `{"field", "code", "severity", "messages": {"en", "fr"}}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Messages {
            en: String,
            fr: String,
        }
        let mut out = serializer.serialize_struct("Violation", 4)?;
        out.serialize_field("field", self.field())?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("severity", &self.severity())?;
        out.serialize_field(
            "messages",
            &Messages {
                en: self.message(Lang::En),
                fr: self.message(Lang::Fr),
            },
        )?;
        out.end()
    }
}

#[derive(Deserialize)]
pub(super) struct RawViolation<'a> {
    #[serde(borrow)]
    field: Cow<'a, str>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    severity: Severity,
    #[serde(borrow)]
    messages: RawMessages<'a>,
}

#[derive(Deserialize)]
pub(super) struct RawMessages<'a> {
    #[serde(borrow)]
    en: Cow<'a, str>,
    #[serde(borrow)]
    fr: Cow<'a, str>,
}

/// Checks one saved message.
pub(super) fn saved_message(lang: Lang, text: &str) -> Result<Box<str>, String> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(format!(
            "messages.{lang}: {} bytes is more than the {MAX_MESSAGE_BYTES} allowed",
            text.len()
        ));
    }
    if text.trim_fast().is_empty() {
        return Err(format!("messages.{lang} is blank"));
    }
    if let Some(c) = text.chars().find(|&c| is_unsafe_char(c)) {
        return Err(format!(
            "messages.{lang} contains the control or invisible character U+{:04X}",
            u32::from(c)
        ));
    }
    Ok(text.into())
}

impl TryFrom<RawViolation<'_>> for Violation {
    type Error = String;

    fn try_from(raw: RawViolation<'_>) -> Result<Self, String> {
        let field = &*raw.field;
        // Empty for a violation on no particular field (a Google error that names none). The
        // path of an unknown JSON key quotes the key as typed, escaped like any quoted value:
        // no control, bidi or invisible character.
        if field.len() > MAX_FIELD_PATH || field.chars().any(is_unsafe_char) {
            return Err(format!(
                "field \"{}\" is not the path of a form field",
                snippet(field)
            ));
        }
        let Ok(index) = codes::CODES.binary_search(&&*raw.code) else {
            return Err(format!(
                "code \"{}\" is not one this version of gws-onboarding defines",
                snippet(&raw.code)
            ));
        };
        let problem = SavedProblem {
            code: codes::CODES[index],
            severity: raw.severity,
            en: saved_message(Lang::En, &raw.messages.en)?,
            fr: saved_message(Lang::Fr, &raw.messages.fr)?,
        };
        Ok(Violation::new(Cow::Owned(field.to_owned()), problem))
    }
}

/// Deserialises a saved violation: see [`persist`](crate::persist).
impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Violation::try_from(RawViolation::deserialize(deserializer)?).map_err(de::Error::custom)
    }
}

/// Serialises as the list of its violations, in order.
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Deserialises a saved list of violations (at most [`MAX_SAVED_VIOLATIONS`]); see
/// [`persist`](crate::persist).
impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Violations;

        impl<'de> Visitor<'de> for Violations {
            type Value = Report;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of violations")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Report, A::Error> {
                let mut violations = Vec::new();
                while let Some(v) = seq.next_element::<Violation>()? {
                    if violations.len() == MAX_SAVED_VIOLATIONS {
                        return Err(de::Error::custom(format!(
                            "more than {MAX_SAVED_VIOLATIONS} violations"
                        )));
                    }
                    violations.push(v);
                }
                Ok(Report { violations })
            }
        }

        deserializer.deserialize_seq(Violations)
    }
}

// ---------------------------------------------------------------------------------------------
// AccountSnapshot
