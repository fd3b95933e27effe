//! Onboarding preconditions: may this customer be added at all, and as which kind?
//!
//! The seed lists the conditions a reseller checks before "Create customer":
//!
//! - the customer has a **registered domain** (for a team customer, the domain of its admin's
//!   business address, which must not be a consumer domain such as gmail.com);
//! - it does **not** have Google Workspace for **Nonprofits** (a reseller cannot add such a
//!   customer);
//! - it does **not** have the **legacy free edition** of G Suite;
//! - the **team** kind is only for Essentials, Enterprise Essentials or Enterprise Essentials
//!   Plus, with an account validated by email address.
//!
//! ```
//! use gws_onboarding::eligibility::{self, Preconditions};
//!
//! let situation = Preconditions { has_workspace_for_nonprofits: true, ..Preconditions::default() };
//! let reasons = eligibility::check_preconditions(&situation);
//! assert_eq!(reasons[0].as_code(), "eligibility.nonprofits");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::customer::CustomerKind;
use crate::error::{Lang, impl_diagnostic};
use crate::product::{Edition, ProductFamily};

/// What the salesperson knows of the customer's current Google services.
///
/// Both default to `false`: a customer with neither may be added.
///
/// ```
/// use gws_onboarding::eligibility::Preconditions;
/// let p = Preconditions::default();
/// assert!(!p.has_workspace_for_nonprofits && !p.has_legacy_free_edition);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase", default))]
pub struct Preconditions {
    /// The customer already has Google Workspace for Nonprofits.
    pub has_workspace_for_nonprofits: bool,
    /// The customer has the legacy free edition of G Suite.
    pub has_legacy_free_edition: bool,
}

/// Why a customer cannot be added as requested.
///
/// ```
/// use gws_onboarding::{Edition, Lang, eligibility::Ineligibility};
///
/// let reason = Ineligibility::TeamEdition { edition: Edition::BusinessStarter };
/// assert_eq!(reason.as_code(), "eligibility.team_edition");
/// assert!(reason.message(Lang::Fr).contains("Essentials"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Ineligibility {
    /// A domain customer without a domain.
    #[error(
        "the customer needs a registered domain: enter the domain it owns, or choose a team customer for Essentials"
    )]
    NoRegisteredDomain,
    /// The customer has Google Workspace for Nonprofits.
    #[error("the customer has Google Workspace for Nonprofits: a reseller cannot add it")]
    Nonprofits,
    /// The customer has the legacy free edition of G Suite.
    #[error(
        "the customer has the legacy free edition of G Suite: it cannot be added as a reseller customer"
    )]
    LegacyFreeEdition,
    /// A team customer with an edition outside the Essentials family.
    #[error("a team customer can only order Essentials, Enterprise Essentials or Enterprise Essentials Plus, not {}: choose a domain customer", edition.name())]
    TeamEdition {
        /// The edition asked for.
        edition: Edition,
    },
    /// A team customer whose main product family is not Google Workspace.
    #[error("a team customer's product family must be Google Workspace, not {}", family.name())]
    TeamFamily {
        /// The family asked for.
        family: ProductFamily,
    },
    /// A team customer whose admin has a Google consumer address.
    #[error(
        "the team admin's address {email} is a personal Gmail address: a team customer signs up with a business address"
    )]
    ConsumerEmail {
        /// The address.
        email: String,
    },
    /// The edition is not of the chosen product family.
    #[error("{} is not part of the {} product family chosen for the customer", edition.name(), family.name())]
    EditionFamily {
        /// The edition.
        edition: Edition,
        /// The family chosen.
        family: ProductFamily,
    },
    /// An education edition for a customer that is not an educational institution.
    #[error("{} is only for schools and universities: tick \"Educational institution\"", edition.name())]
    EducationEdition {
        /// The edition.
        edition: Edition,
    },
}

impl Ineligibility {
    /// The stable machine code, `eligibility.*`.
    ///
    /// ```
    /// assert_eq!(
    ///     gws_onboarding::eligibility::Ineligibility::LegacyFreeEdition.as_code(),
    ///     "eligibility.legacy_free_edition"
    /// );
    /// ```
    #[must_use]
    pub fn as_code(&self) -> &'static str {
        match self {
            Ineligibility::NoRegisteredDomain => "eligibility.no_registered_domain",
            Ineligibility::Nonprofits => "eligibility.nonprofits",
            Ineligibility::LegacyFreeEdition => "eligibility.legacy_free_edition",
            Ineligibility::TeamEdition { .. } => "eligibility.team_edition",
            Ineligibility::TeamFamily { .. } => "eligibility.team_family",
            Ineligibility::ConsumerEmail { .. } => "eligibility.consumer_email",
            Ineligibility::EditionFamily { .. } => "eligibility.edition_family",
            Ineligibility::EducationEdition { .. } => "eligibility.education_edition",
        }
    }

    /// The message in `lang`, for a salesperson.
    ///
    /// ```
    /// use gws_onboarding::{Lang, eligibility::Ineligibility};
    /// assert_eq!(
    ///     Ineligibility::Nonprofits.message(Lang::Fr),
    ///     "le client dispose de Google Workspace for Nonprofits : un revendeur ne peut pas l'ajouter"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Ineligibility::NoRegisteredDomain => "le client doit disposer d'un domaine enregistré : saisissez le domaine qu'il possède, ou choisissez un client dans une équipe pour Essentials".to_owned(),
            Ineligibility::Nonprofits => "le client dispose de Google Workspace for Nonprofits : un revendeur ne peut pas l'ajouter".to_owned(),
            Ineligibility::LegacyFreeEdition => "le client dispose de l'ancienne édition gratuite de G Suite : il ne peut pas être ajouté comme client revendeur".to_owned(),
            Ineligibility::TeamEdition { edition } => format!(
                "un client dans une équipe ne peut commander qu'Essentials, Enterprise Essentials ou Enterprise Essentials Plus, pas {} : choisissez un client d'un domaine",
                edition.name()
            ),
            Ineligibility::TeamFamily { family } => format!(
                "la famille de produits d'un client dans une équipe doit être Google Workspace, pas {}",
                family.name()
            ),
            Ineligibility::ConsumerEmail { email } => format!(
                "l'adresse {email} de l'administrateur de l'équipe est une adresse Gmail personnelle : un client dans une équipe s'inscrit avec une adresse professionnelle"
            ),
            Ineligibility::EditionFamily { edition, family } => format!(
                "{} ne fait pas partie de la famille de produits {} choisie pour le client",
                edition.name(),
                family.name()
            ),
            Ineligibility::EducationEdition { edition } => format!(
                "{} est réservé aux écoles et universités : cochez « Établissement d'enseignement »",
                edition.name()
            ),
        }
    }
}

impl_diagnostic!(Ineligibility);

/// Checks the seed's preconditions on the customer's current services.
///
/// Returns every reason that applies (none when the customer may be added).
///
/// ```
/// use gws_onboarding::eligibility::{self, Preconditions};
/// assert!(eligibility::check_preconditions(&Preconditions::default()).is_empty());
/// let both = Preconditions { has_workspace_for_nonprofits: true, has_legacy_free_edition: true };
/// assert_eq!(eligibility::check_preconditions(&both).len(), 2);
/// ```
#[must_use]
pub fn check_preconditions(preconditions: &Preconditions) -> Vec<Ineligibility> {
    let mut reasons = Vec::new();
    if preconditions.has_workspace_for_nonprofits {
        reasons.push(Ineligibility::Nonprofits);
    }
    if preconditions.has_legacy_free_edition {
        reasons.push(Ineligibility::LegacyFreeEdition);
    }
    reasons
}

/// Checks that the customer kind, product family, first edition and education box agree.
///
/// - a team customer takes the Google Workspace family and, when an edition is named, one of
///   the Essentials family;
/// - the edition belongs to the chosen family;
/// - an education edition needs the educational institution box.
///
/// ```
/// use gws_onboarding::{Edition, ProductFamily, customer::CustomerKind, eligibility};
///
/// let ok = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(Edition::Essentials), false);
/// assert!(ok.is_empty());
/// let bad = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(Edition::BusinessPlus), false);
/// assert_eq!(bad[0].as_code(), "eligibility.team_edition");
/// let edu = eligibility::check_kind(CustomerKind::Domain, ProductFamily::GoogleWorkspace, Some(Edition::EducationPlus), false);
/// assert_eq!(edu[0].as_code(), "eligibility.education_edition");
/// ```
#[must_use]
pub fn check_kind(
    kind: CustomerKind,
    family: ProductFamily,
    edition: Option<Edition>,
    educational_institution: bool,
) -> Vec<Ineligibility> {
    let mut reasons = Vec::new();
    if kind == CustomerKind::Team && family != ProductFamily::GoogleWorkspace {
        reasons.push(Ineligibility::TeamFamily { family });
    }
    if let Some(edition) = edition {
        if edition.family() != family {
            reasons.push(Ineligibility::EditionFamily { edition, family });
        }
        if kind == CustomerKind::Team && !edition.is_essentials_family() {
            reasons.push(Ineligibility::TeamEdition { edition });
        }
        if edition.is_education() && !educational_institution {
            reasons.push(Ineligibility::EducationEdition { edition });
        }
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_team_rule() {
        for edition in Edition::ALL {
            let reasons = check_kind(
                CustomerKind::Team,
                ProductFamily::GoogleWorkspace,
                Some(edition),
                true,
            );
            let team_edition = reasons
                .iter()
                .any(|r| r.as_code() == "eligibility.team_edition");
            assert_eq!(team_edition, !edition.is_essentials_family(), "{edition:?}");
        }
        let ci = check_kind(
            CustomerKind::Team,
            ProductFamily::CloudIdentity,
            None,
            false,
        );
        assert_eq!(
            ci,
            vec![Ineligibility::TeamFamily {
                family: ProductFamily::CloudIdentity
            }]
        );
    }

    #[test]
    fn family_mismatch() {
        let r = check_kind(
            CustomerKind::Domain,
            ProductFamily::CloudIdentity,
            Some(Edition::BusinessStarter),
            false,
        );
        assert_eq!(r[0].as_code(), "eligibility.edition_family");
        assert!(
            check_kind(
                CustomerKind::Domain,
                ProductFamily::CloudIdentity,
                Some(Edition::CloudIdentityFree),
                false
            )
            .is_empty()
        );
    }
}
