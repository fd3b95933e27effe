//! Layer 2, values: why a name is not in the catalogue ([`ParseProductError`]).

use crate::error::Lang;
use crate::names::Suggestions;

/// Why a name is not in the catalogue.
///
/// ```
/// use gws_onboarding::{Edition, Lang};
///
/// let err = "Busines Plus".parse::<Edition>().unwrap_err();
/// assert_eq!(err.code(), "product.unknown_edition");
/// assert_eq!(err.to_string(), "unknown edition \"Busines Plus\": did you mean `business-plus`?");
/// assert_eq!(err.message(Lang::Fr), "édition inconnue « Busines Plus » : vouliez-vous dire « business-plus » ?");
///
/// // Far from every name: the closest ones.
/// let err = "business-premium".parse::<Edition>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown edition \"business-premium\": the closest names are `business-plus`, `business-starter` and `business-standard`"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseProductError {
    /// No edition has this name.
    #[error("unknown edition \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownEdition {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
    /// No product, add-on or storage size has this name.
    #[error("unknown product \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownProduct {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
    /// No product family has this name.
    #[error("unknown product family \"{found}\": {}", suggestions.describe(Lang::En))]
    UnknownFamily {
        /// The input, made safe to echo.
        found: String,
        /// The names the message proposes.
        suggestions: Suggestions,
    },
}

impl ParseProductError {
    /// The names the message proposes: the near ones ("did you mean"), or the accepted ones.
    ///
    /// ```
    /// let err = "Busness Plus".parse::<gws_onboarding::Edition>().unwrap_err();
    /// assert_eq!(err.suggestions().names(), ["business-plus"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestions(&self) -> &Suggestions {
        match self {
            ParseProductError::UnknownEdition { suggestions, .. }
            | ParseProductError::UnknownProduct { suggestions, .. }
            | ParseProductError::UnknownFamily { suggestions, .. } => suggestions,
        }
    }

    /// The stable machine code: `product.unknown_edition`, `product.unknown` or
    /// `product.unknown_family`.
    ///
    /// ```
    /// let err = "vaulted".parse::<gws_onboarding::Product>().unwrap_err();
    /// assert_eq!(err.code(), "product.unknown");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ParseProductError::UnknownEdition { .. } => "product.unknown_edition",
            ParseProductError::UnknownProduct { .. } => "product.unknown",
            ParseProductError::UnknownFamily { .. } => "product.unknown_family",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](std::fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "vaul".parse::<gws_onboarding::Product>().unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "produit inconnu « vaul » : vouliez-vous dire « vault » ?");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                ParseProductError::UnknownEdition { found, suggestions } => format!(
                    "édition inconnue « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
                ParseProductError::UnknownProduct { found, suggestions } => format!(
                    "produit inconnu « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
                ParseProductError::UnknownFamily { found, suggestions } => format!(
                    "famille de produits inconnue « {found} » : {}",
                    suggestions.describe(Lang::Fr)
                ),
            },
        }
    }
}

crate::error::impl_diagnostic!(ParseProductError);
