//! Layer 5, journey: the mistakes in driving a journey.

use crate::error::Lang;
use crate::wire::{Call, IdError};

use super::answer::AnswerKind;
use super::answer::Need;

#[cfg(doc)]
use super::Journey;

/// A mistake in driving the journey: an answer it cannot use. The journey's state is
/// unchanged.
///
/// ```
/// use gws_onboarding::form::{self, OnboardingForm, Policy};
/// use gws_onboarding::journey::{Answer, Journey};
/// use gws_onboarding::{Diagnostic, Lang};
///
/// let customer = form::validate(&OnboardingForm::sample_domain_customer(), &Policy::default())?;
/// let mut journey = Journey::reseller(&customer);
/// let before = journey.clone();
/// let err = journey.handle(Answer::Subscription(serde_json::from_str(r#"{"subscriptionId": "1"}"#)?)).unwrap_err();
/// assert_eq!(err.code(), "journey.out_of_sequence");
/// assert_eq!(err.message(Lang::En),
///     "got a Reseller Subscription while waiting for the answer to reseller.customers.get");
/// assert_eq!(journey, before);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JourneyError {
    /// The answer is not the one the journey waits for (or it waits for none).
    #[error("got {found} while {}", awaiting_en(*.awaiting))]
    OutOfSequence {
        /// The call whose answer the journey waits for; `None` when it waits for no answer
        /// (done, stopped, or needing a token or an offer).
        awaiting: Option<Call>,
        /// What was handed in.
        found: AnswerKind,
    },
    /// The answer is of the right kind but a value the journey needs from it is missing or
    /// malformed.
    #[error("cannot read the answer to {call}: expected {}{}", .expected.text(Lang::En), detail_text(.detail.as_ref(), Lang::En))]
    Unreadable {
        /// The call answered.
        call: Call,
        /// What was expected.
        expected: Expected,
        /// Why the value found was refused.
        detail: Option<IdError>,
    },
    /// The answer (or the value handed in) is about another resource than the one the
    /// request named: another operation, another domain's customer, a customer or an offer
    /// of another account, another customer's subscription.
    #[error(
        "{call}: got \"{found}\" where the journey asked about \"{asked}\": it answers another request"
    )]
    Mismatch {
        /// The call answered (for an offer, the call that will use it).
        call: Call,
        /// What the request named (or the prefix it must have), escaped and cut.
        asked: String,
        /// What the answer named, escaped and cut.
        found: String,
    },
    /// [`Journey::give_token`] / [`Journey::transfer_with`] or [`Journey::give_offer`] when
    /// the journey does not need it.
    #[error("the journey does not need {} now", need_en(*.need))]
    NotNeeded {
        /// What was given.
        need: Need,
    },
    /// An API name other than `reseller` or `channel`.
    #[error("unknown API \"{found}\": expected reseller or channel")]
    UnknownApi {
        /// The name, escaped and cut.
        found: String,
    },
}

/// What an unreadable answer lacked ([`JourneyError::Unreadable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// A Channel `Customer`'s `name`, `accounts/{a}/customers/{c}`.
    CustomerName,
    /// The `customerName` of an account the check says is yours.
    OwnedCustomerName,
    /// The `customerCloudIdentityId` of an existing team account (teams are imported by it).
    TeamCloudIdentityId,
    /// A pending operation's `name`, `operations/{id}`.
    OperationName,
    /// A `customerType` this crate knows (`DOMAIN`, `TEAM`), or the account's
    /// `customerCloudIdentityId`, to import an account held elsewhere.
    ImportIdentity,
    /// A listed SKU's `name`, `products/{p}/skus/{s}`, to transfer it.
    SkuName,
}

impl Expected {
    /// What was expected, in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::Expected};
    /// assert_eq!(Expected::OperationName.text(Lang::En), "a pending Operation's name operations/{id}");
    /// ```
    #[must_use]
    pub const fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::CustomerName, Lang::Fr) => {
                "le nom du client (Customer.name) accounts/{a}/customers/{c}"
            }
            (Expected::OwnedCustomerName, Lang::Fr) => {
                "le customerName accounts/{a}/customers/{c} du compte qui est déjà votre client"
            }
            (Expected::TeamCloudIdentityId, Lang::Fr) => {
                "le customerCloudIdentityId du compte d'équipe existant"
            }
            (Expected::OperationName, Lang::Fr) => "le nom operations/{id} de l'opération en cours",
            (Expected::ImportIdentity, Lang::Fr) => {
                "un customerType connu (DOMAIN, TEAM) ou le customerCloudIdentityId du compte à importer"
            }
            (Expected::SkuName, Lang::Fr) => {
                "le nom products/{p}/skus/{s} de chaque SKU transférable"
            }
            (Expected::CustomerName, _) => "the Customer's name accounts/{a}/customers/{c}",
            (Expected::OwnedCustomerName, _) => {
                "customerName accounts/{a}/customers/{c} of an account that is already yours"
            }
            (Expected::TeamCloudIdentityId, _) => {
                "customerCloudIdentityId of an existing team account"
            }
            (Expected::OperationName, _) => "a pending Operation's name operations/{id}",
            (Expected::ImportIdentity, _) => {
                "a known customerType (DOMAIN, TEAM) or the customerCloudIdentityId of the account to import"
            }
            (Expected::SkuName, _) => "the name products/{p}/skus/{s} of each transferable SKU",
        }
    }
}

fn awaiting_en(awaiting: Option<Call>) -> String {
    match awaiting {
        Some(call) => format!("waiting for the answer to {call}"),
        None => "the journey waits for no answer".to_owned(),
    }
}

/// Why the value found was refused, in `lang`, after what was expected. A value of the wrong
/// shape is only quoted: the expected shape is already named, and saying it twice would make the
/// message long enough to drown the value.
fn detail_text(detail: Option<&IdError>, lang: Lang) -> String {
    match (detail, lang) {
        (None, _) => String::new(),
        (Some(IdError::Format { found, .. }), Lang::Fr) => format!(" (reçu « {found} »)"),
        (Some(IdError::Format { found, .. }), _) => format!(" (found \"{found}\")"),
        (Some(e), _) => format!(" ({})", e.message(lang)),
    }
}

fn need_en(need: Need) -> &'static str {
    match need {
        Need::TransferToken => "a transfer token",
        Need::Offer => "an offer",
        Need::AdminPassword => "an admin password",
    }
}

impl JourneyError {
    /// The stable code: `journey.out_of_sequence`, `journey.unreadable`,
    /// `journey.mismatch`, `journey.not_needed` or `journey.unknown_api`.
    ///
    /// ```
    /// use gws_onboarding::journey::Api;
    /// assert_eq!("soap".parse::<Api>().unwrap_err().code(), "journey.unknown_api");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            JourneyError::OutOfSequence { .. } => "journey.out_of_sequence",
            JourneyError::Unreadable { .. } => "journey.unreadable",
            JourneyError::Mismatch { .. } => "journey.mismatch",
            JourneyError::NotNeeded { .. } => "journey.not_needed",
            JourneyError::UnknownApi { .. } => "journey.unknown_api",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, journey::Api};
    /// assert_eq!("soap".parse::<Api>().unwrap_err().message(Lang::Fr),
    ///     "nom d'API inconnu « soap » : reseller ou channel attendu");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            JourneyError::OutOfSequence { awaiting, found } => {
                let waiting = match awaiting {
                    Some(call) => format!("le parcours attend la réponse à {call}"),
                    None => "le parcours n'attend aucune réponse".to_owned(),
                };
                format!("reçu {} alors que {waiting}", found.french())
            }
            JourneyError::Unreadable {
                call,
                expected,
                detail,
            } => format!(
                "réponse à {call} illisible : attendu {}{}",
                expected.text(Lang::Fr),
                detail_text(detail.as_ref(), Lang::Fr)
            ),
            JourneyError::Mismatch { call, asked, found } => format!(
                "{call} : reçu « {found} » alors que le parcours porte sur « {asked} » : c'est la réponse à une autre demande"
            ),
            JourneyError::NotNeeded { need } => match need {
                Need::TransferToken => {
                    "le parcours n'a pas besoin d'un jeton de transfert maintenant".to_owned()
                }
                Need::Offer => "le parcours n'a pas besoin d'une offre maintenant".to_owned(),
                Need::AdminPassword => {
                    "le parcours n'a pas besoin du mot de passe du super-administrateur maintenant"
                        .to_owned()
                }
            },
            JourneyError::UnknownApi { found } => {
                format!("nom d'API inconnu « {found} » : reseller ou channel attendu")
            }
        }
    }
}

crate::error::impl_diagnostic!(JourneyError);

#[cfg(test)]
mod tests {
    use super::{Expected, JourneyError};
    use crate::error::{Lang, snippet};
    use crate::journey::AnswerKind;
    use crate::wire::{Call, IdError, IdKind};

    /// Every refusal the journey can give, each with the worst value it can quote: one whose
    /// every character escapes to several.
    fn every_error() -> Vec<JourneyError> {
        let worst = snippet(&"\u{202e}".repeat(200));
        let kinds = [
            IdKind::TransferToken,
            IdKind::RequestId,
            IdKind::CustomerName,
            IdKind::OperationName,
        ];
        let mut details = vec![None, Some(IdError::NilUuid)];
        for what in kinds {
            details.push(Some(IdError::Empty { what }));
            details.push(Some(IdError::TooLong {
                what,
                len: usize::MAX,
                max: usize::MAX,
            }));
            details.push(Some(IdError::Format {
                what,
                found: worst.clone(),
            }));
        }
        let expected = [
            Expected::CustomerName,
            Expected::OwnedCustomerName,
            Expected::TeamCloudIdentityId,
            Expected::OperationName,
            Expected::ImportIdentity,
            Expected::SkuName,
        ];
        let mut all = vec![JourneyError::UnknownApi {
            found: worst.clone(),
        }];
        for call in Call::ALL {
            all.push(JourneyError::Mismatch {
                call,
                asked: worst.clone(),
                found: worst.clone(),
            });
            for found in AnswerKind::ALL {
                all.push(JourneyError::OutOfSequence {
                    awaiting: Some(call),
                    found,
                });
            }
            for expected in expected {
                for detail in &details {
                    all.push(JourneyError::Unreadable {
                        call,
                        expected,
                        detail: detail.clone(),
                    });
                }
            }
        }
        all
    }

    /// The bound the `journey` fuzz target asserts: a message stays short enough to read, in
    /// both languages, whatever value it quotes.
    #[test]
    fn every_message_is_under_300_characters() {
        for err in every_error() {
            for lang in [Lang::En, Lang::Fr] {
                let message = err.message(lang);
                assert!(message.chars().count() < 300, "{message}");
            }
        }
    }
}
