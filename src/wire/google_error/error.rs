//! Layer 4, wire: one error of Google's ([`GoogleError`]): its kind, field and message, and a [`Status`] read into them.

use super::fields::{
    FormField, Hint, QUOTE_CHARS, SCAN_BYTES, default_field, form_field_of_path, form_field_of_text,
};
use super::kind::GoogleErrorKind;
use super::retry::{self, Backoff, Retry};
use crate::error::{Diagnostic, Lang, Severity, is_unsafe_char};
use crate::report::Report;
use crate::wire::Call;
use crate::wire::status::{MAX_TEXT, Status, cut};
use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

/// What Google's `Status` means: its kind, and the violations it gives.
impl Status {
    /// What kind of error this is: from `status` when present (an unknown name is
    /// [`GoogleErrorKind::Other`]), else from `code` (an HTTP status from 100 to 599, else a
    /// gRPC code).
    ///
    /// ```
    /// use gws_onboarding::wire::{GoogleErrorKind, Status};
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "FAILED_PRECONDITION"}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::FailedPrecondition);
    /// let s: Status = serde_json::from_str(r#"{"code": 429}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::QuotaExceeded);
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "SOMETHING_NEW"}"#)?;
    /// assert_eq!(s.kind(), GoogleErrorKind::Other);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        match self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(status) => GoogleErrorKind::from_status(status),
            None => GoogleErrorKind::from_code(self.code),
        }
    }

    /// The error as form violations, for the answer to `call`: one per field violation, or
    /// one for the whole status when Google names no field. See
    /// [`GoogleError`] for the codes, fields and messages.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, Status};
    ///
    /// let s: Status = serde_json::from_str(r#"{"code": 400, "status": "INVALID_ARGUMENT",
    ///     "message": "Request contains an invalid argument.",
    ///     "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
    ///         {"field": "customer.org_display_name", "description": "Required"},
    ///         {"field": "customer.alternate_email", "description": "Invalid email"}]}]}"#)?;
    /// let report = s.to_report(Call::ChannelCustomersCreate);
    /// let fields: Vec<&str> = report.iter().map(|v| v.field()).collect();
    /// assert_eq!(fields, ["organizationName", "secondaryEmail"]);
    /// assert!(report.codes().all(|c| c == "google.invalid"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_report(&self, call: Call) -> Report {
        let mut report = Report::default();
        for error in from_status(self, call) {
            report.push(error.form_field().unwrap_or(""), error);
        }
        report
    }
}

/// One error Google answered, classified: its [kind](GoogleErrorKind), the [call](Call) it
/// answered, the form field it concerns when known, and Google's own message.
///
/// Its [`message`](Self::message) says what the salesperson does next, which depends on the
/// call: a 409 on Reseller `customers.insert` means "transfer it with its transfer token", an
/// `ALREADY_EXISTS` on Channel `provisionCloudIdentity` means the admin's address is taken, a
/// `FAILED_PRECONDITION` on `entitlements.create` means "have the domain verified or buy the
/// prerequisite edition first". Google's own message is quoted at the end, escaped and cut to
/// 64 characters; a message is never longer than 300 characters.
///
/// Built by [`reseller::ErrorBody::to_report`](crate::wire::reseller::ErrorBody::to_report),
/// [`channel::ErrorBody::to_report`](crate::wire::channel::ErrorBody::to_report) and
/// [`Status::to_report`]; each becomes a [`Violation`](crate::Violation) whose problem is
/// this [`GoogleError`], on [`form_field`](Self::form_field)
/// (the empty path when Google names no field).
///
/// ```
/// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
/// use gws_onboarding::{Diagnostic, Lang};
///
/// let err = GoogleError::new(GoogleErrorKind::AlreadyExists, Call::ResellerCustomersInsert)
///     .with_google_message("Customer already exists.");
/// assert_eq!(err.code(), "google.already_exists");
/// assert_eq!(err.form_field(), Some("domain"));
/// assert_eq!(
///     err.message(Lang::En),
///     "this customer already exists at Google: transfer it with its transfer token instead of creating it (Google: \"Customer already exists.\")"
/// );
/// assert!(err.message(Lang::Fr).starts_with("ce client existe déjà chez Google : transférez-le"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GoogleError {
    pub(super) kind: GoogleErrorKind,
    pub(super) call: Call,
    pub(super) field: Option<FormField>,
    pub(super) hint: Option<Hint>,
    pub(super) http_status: Option<u16>,
    pub(super) reason: Option<String>,
    pub(super) google_message: String,
    pub(super) retry: Retry,
}

impl GoogleError {
    /// An error of `kind` answering `call`, with the call's default field (the domain for an
    /// existing customer, the admin's address for `provisionCloudIdentity`, the product for
    /// an order) and no message from Google.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ResellerCustomersInsert);
    /// assert_eq!(err.form_field(), None);
    /// assert_eq!(err.google_message(), "");
    /// ```
    #[must_use]
    pub fn new(kind: GoogleErrorKind, call: Call) -> Self {
        GoogleError {
            kind,
            call,
            field: default_field(kind, call),
            hint: None,
            http_status: None,
            reason: None,
            google_message: String::new(),
            retry: default_retry(kind, call),
        }
    }

    /// Whether sending the same request again may succeed, and when: from the HTTP status,
    /// the `google.rpc` status and the Reseller reason, and Google's `RetryInfo` (see
    /// [`Retry`] for the sources). An error built with [`GoogleError::new`] is retried when
    /// Google could not answer (and, on the Reseller API, when a quota was exceeded).
    ///
    /// Whether resending is *safe* is another matter: a `POST` that takes no `requestId`
    /// may have been carried out before the error came back. Read what Google holds first.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, Retry, channel, reseller};
    /// use std::time::Duration;
    /// let busy: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 503,
    ///     "message": "Backend Error", "errors": [{"reason": "backendError"}]}}"#)?;
    /// assert_eq!(busy.google_errors(Call::ResellerCustomersInsert)[0].retry(), Retry::Backoff);
    /// let later: channel::ErrorBody = serde_json::from_str(r#"{"error": {"code": 429,
    ///     "status": "RESOURCE_EXHAUSTED", "details": [
    ///     {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}"#)?;
    /// let error = &later.google_errors(Call::ChannelEntitlementsCreate)[0];
    /// assert_eq!(error.retry(), Retry::After(Duration::from_secs(30)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// The delay before retry number `retry` (1 for the first), or `None` when the error is
    /// final or the API's schedule ([`Backoff::CHANNEL`], [`Backoff::RESELLER`]) has no more
    /// retries. Google's `retryDelay` is used when it sent one.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// use std::time::Duration;
    /// let busy = GoogleError::new(GoogleErrorKind::Unavailable, Call::ChannelCustomersCreate);
    /// assert_eq!(busy.retry_delay(2), Some(Duration::from_millis(1300)));
    /// assert_eq!(busy.retry_delay(5), None);
    /// ```
    #[must_use]
    pub fn retry_delay(&self, retry: u32) -> Option<Duration> {
        let schedule = if self.call.is_channel() {
            Backoff::CHANNEL
        } else {
            Backoff::RESELLER
        };
        match self.retry {
            Retry::Final => None,
            Retry::Backoff => schedule.delay(retry),
            Retry::After(delay) => schedule.delay(retry).map(|_| delay),
        }
    }

    /// The same error with Google's message (cut to 1024 bytes); when no field is known yet,
    /// the field the message names, for Google's known Reseller texts.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ResellerCustomersInsert)
    ///     .with_google_message("alternateEmail can't be at the same domain as customerDomain");
    /// assert_eq!(err.form_field(), Some("secondaryEmail"));
    /// ```
    #[must_use]
    pub fn with_google_message(mut self, message: &str) -> Self {
        cut(message, MAX_TEXT).clone_into(&mut self.google_message);
        if self.field.is_none() && self.kind == GoogleErrorKind::Invalid {
            self.field = form_field_of_text(&self.google_message);
        }
        if self.identity_for_domain() {
            // Google names what exists: the domain's account, not the admin's address.
            self.field = Some(super::fields::DOMAIN);
        }
        self.hint = self.hint();
        self
    }

    /// An `ALREADY_EXISTS` on `provisionCloudIdentity` whose text is about the domain's
    /// account ("Cloud Identity already exists for domain"), not about the admin's address.
    fn identity_for_domain(&self) -> bool {
        if (self.kind, self.call)
            != (
                GoogleErrorKind::AlreadyExists,
                Call::ChannelCustomersProvisionCloudIdentity,
            )
        {
            return false;
        }
        let text = cut(&self.google_message, SCAN_BYTES).to_ascii_lowercase();
        let about_address = ["email", "e-mail", "user", "admin", "@"]
            .iter()
            .any(|w| text.contains(w));
        text.contains("domain") && !about_address
    }

    /// The same error about the request field Google named (`location` or
    /// `fieldViolations[].field`), when it maps to a form field; unchanged otherwise.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ChannelCustomersCreate)
    ///     .with_google_field("customer.primary_contact_info.email");
    /// assert_eq!(err.form_field(), Some("admin.email"));
    /// ```
    #[must_use]
    pub fn with_google_field(mut self, path: &str) -> Self {
        if let Some(field) = form_field_of_path(path) {
            self.field = Some(field);
            self.hint = self.hint();
        }
        self
    }

    /// What the error is about, from its field and Google's text.
    fn hint(&self) -> Option<Hint> {
        if self.identity_for_domain() {
            return Some(Hint::IdentityForDomain);
        }
        if self.kind != GoogleErrorKind::Invalid {
            return None;
        }
        let text = cut(&self.google_message, SCAN_BYTES).to_ascii_lowercase();
        match self.field?.path {
            "secondaryEmail" if text.contains("domain") => Some(Hint::SecondaryOnDomain),
            "postalAddress.postalCode" => Some(Hint::PostalCode),
            "postalAddress.countryCode" => Some(Hint::Country),
            _ => None,
        }
    }

    /// The kind of error.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::NotFound, Call::ResellerCustomersGet);
    /// assert_eq!(err.kind(), GoogleErrorKind::NotFound);
    /// ```
    #[must_use]
    pub fn kind(&self) -> GoogleErrorKind {
        self.kind
    }

    /// The call Google answered.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::NotFound, Call::ResellerCustomersGet);
    /// assert_eq!(err.call(), Call::ResellerCustomersGet);
    /// ```
    #[must_use]
    pub fn call(&self) -> Call {
        self.call
    }

    /// The stable code: that of the [kind](GoogleErrorKind::code), e.g. `google.invalid`.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Other, Call::ChannelOperationsGet);
    /// assert_eq!(err.code(), "google.other");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The path of the form field the error concerns (`domain`, `secondaryEmail`,
    /// `postalAddress.postalCode`, `admin.email`, `order.offer`, …), when known.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Invalid, Call::ResellerCustomersInsert)
    ///     .with_google_field("customerDomain");
    /// assert_eq!(err.form_field(), Some("domain"));
    /// ```
    #[must_use]
    pub fn form_field(&self) -> Option<&'static str> {
        self.field.map(|f| f.path)
    }

    /// The HTTP status Google answered with, when known.
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(r#"{"error": {"code": 409, "message": "Conflict"}}"#)?;
    /// assert_eq!(body.google_errors(Call::ResellerCustomersInsert)[0].http_status(), Some(409));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// Google's reason (Reseller `reason`, Channel `ErrorInfo.reason`) or status name, as
    /// Google wrote it (cut to 1024 bytes; escape it before showing it).
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, reseller};
    /// let body: reseller::ErrorBody = serde_json::from_str(
    ///     r#"{"error": {"code": 403, "errors": [{"reason": "forbidden", "message": "Forbidden"}]}}"#)?;
    /// assert_eq!(body.google_errors(Call::ResellerCustomersGet)[0].reason(), Some("forbidden"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Google's own message, as Google wrote it (cut to 1024 bytes; the
    /// [`message`](Self::message) quotes it safely).
    ///
    /// ```
    /// use gws_onboarding::wire::{Call, GoogleError, GoogleErrorKind};
    /// let err = GoogleError::new(GoogleErrorKind::Other, Call::ChannelCustomersCreate)
    ///     .with_google_message("Something odd");
    /// assert_eq!(err.google_message(), "Something odd");
    /// ```
    #[must_use]
    pub fn google_message(&self) -> &str {
        &self.google_message
    }

    /// Always [`Severity::Error`]: Google refused the request.
    ///
    /// ```
    /// use gws_onboarding::{Severity, wire::{Call, GoogleError, GoogleErrorKind}};
    /// assert_eq!(GoogleError::new(GoogleErrorKind::Other, Call::ChannelCustomersCreate).severity(), Severity::Error);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        Severity::Error
    }

    /// What the salesperson does next, in `lang`, then Google's message quoted (escaped, at
    /// most 64 characters).
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::{Call, GoogleError, GoogleErrorKind}};
    /// let err = GoogleError::new(GoogleErrorKind::QuotaExceeded, Call::ResellerSubscriptionsInsert);
    /// assert_eq!(err.message(Lang::En), "too many requests sent to Google: wait a minute, then try again");
    /// assert_eq!(err.message(Lang::Fr), "trop de requêtes envoyées à Google : patientez une minute, puis réessayez");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let mut out = self.advice(lang).into_owned();
        if !self.google_message.trim().is_empty() {
            let quoted = quote(&self.google_message);
            if lang == Lang::Fr {
                out.push_str(" (Google : « ");
                out.push_str(&quoted);
                out.push_str(" »)");
            } else {
                out.push_str(" (Google: \"");
                out.push_str(&quoted);
                out.push_str("\")");
            }
        }
        out
    }

    /// The advice, without Google's words.
    #[allow(clippy::too_many_lines)] // one arm per situation, English and French side by side
    fn advice(&self, lang: Lang) -> Cow<'static, str> {
        use GoogleErrorKind as K;
        let reseller = !self.call.is_channel();
        let text = match (self.kind, self.call) {
            (K::AlreadyExists, Call::ResellerCustomersInsert) => lang.pick(
                "this customer already exists at Google: transfer it with its transfer token instead of creating it",
                "ce client existe déjà chez Google : transférez-le avec son jeton de transfert au lieu de le créer",
            ),
            (K::AlreadyExists, Call::ChannelCustomersCreate | Call::ChannelCustomersImport) => {
                lang.pick(
                    "this customer already exists in your Channel account: use the existing customer instead of creating it again",
                    "ce client existe déjà dans votre compte Channel : utilisez le client existant au lieu de le créer à nouveau",
                )
            }
            (K::AlreadyExists, Call::ChannelCustomersProvisionCloudIdentity)
                if self.hint == Some(Hint::IdentityForDomain) =>
            {
                lang.pick(
                    "a Google account (Cloud Identity) already exists for this domain: transfer it with the customer's transfer token instead of creating one",
                    "un compte Google (Cloud Identity) existe déjà pour ce domaine : transférez-le avec le jeton de transfert du client au lieu d'en créer un",
                )
            }
            (K::AlreadyExists, Call::ChannelCustomersProvisionCloudIdentity) => lang.pick(
                "the admin's email address is already used by a Google account: choose another admin address, or transfer the existing account",
                "l'adresse e-mail de l'administrateur est déjà utilisée par un compte Google : choisissez-en une autre, ou transférez le compte existant",
            ),
            (K::AlreadyExists, Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert) => {
                lang.pick(
                    "the customer already has this product: change the existing subscription instead of ordering it again",
                    "le client a déjà ce produit : modifiez l'abonnement existant au lieu de le commander à nouveau",
                )
            }
            (K::AlreadyExists, _) => lang.pick(
                "this already exists at Google: look it up instead of creating it again",
                "cet élément existe déjà chez Google : recherchez-le au lieu de le créer à nouveau",
            ),
            (K::Invalid, _) => return self.invalid_advice(lang),
            (K::FailedPrecondition, Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert) => {
                lang.pick(
                    "the customer cannot order this yet: have the domain verified, or buy the required edition first, then order again",
                    "le client ne peut pas encore commander ce produit : faites valider le domaine, ou achetez d'abord l'édition requise, puis recommandez",
                )
            }
            (K::FailedPrecondition, _) => lang.pick(
                "the request does not fit the customer's current state, says Google: check the customer in the console, then try again",
                "la demande ne correspond pas à l'état actuel du client, selon Google : vérifiez le client dans la console, puis réessayez",
            ),
            (K::NotFound, Call::ResellerCustomersGet) => lang.pick(
                "no customer with this domain at Google: you can create it",
                "aucun client avec ce domaine chez Google : vous pouvez le créer",
            ),
            (K::NotFound, Call::ChannelOperationsGet) => lang.pick(
                "this operation is no longer known to Google: look the customer up before trying again",
                "cette opération n'est plus connue de Google : recherchez le client avant de réessayer",
            ),
            (K::NotFound, Call::ChannelEntitlementsCreate) => lang.pick(
                "customer or offer not found at Google: check the offer, then order again",
                "client ou offre introuvable chez Google : vérifiez l'offre, puis recommandez",
            ),
            (K::NotFound, _) => lang.pick(
                "customer not found at Google: check that it was created in this account, then try again",
                "client introuvable chez Google : vérifiez qu'il a été créé dans ce compte, puis réessayez",
            ),
            (K::PermissionDenied, _) if reseller => lang.pick(
                "you are not this customer's reseller, or reseller access is disabled: ask the customer to allow it in the Admin console, or transfer it",
                "vous n'êtes pas le revendeur de ce client, ou l'accès revendeur est désactivé : demandez au client de l'autoriser dans la console d'administration, ou transférez-le",
            ),
            (K::PermissionDenied, _) => lang.pick(
                "your Channel account may not do this: check the service account's permissions and that the customer is yours",
                "votre compte Channel n'a pas ce droit : vérifiez les autorisations du compte de service et que ce client est bien le vôtre",
            ),
            (K::Unauthenticated, _) => lang.pick(
                "the reseller's credentials were refused by Google: renew the access token or the service account key, then try again",
                "les identifiants du revendeur ont été refusés par Google : renouvelez le jeton d'accès ou la clé du compte de service, puis réessayez",
            ),
            (K::QuotaExceeded, _) => lang.pick(
                "too many requests sent to Google: wait a minute, then try again",
                "trop de requêtes envoyées à Google : patientez une minute, puis réessayez",
            ),
            (K::Unavailable, _) => lang.pick(
                "no answer from Google right now: try again in a few minutes",
                "pas de réponse de Google pour l'instant : réessayez dans quelques minutes",
            ),
            (K::Other, _) => {
                return Cow::Owned(match (lang, self.http_status) {
                    (Lang::Fr, Some(code)) => format!(
                        "demande refusée par Google (HTTP {code}) : lisez le message de Google, et contactez le support partenaires si cela persiste"
                    ),
                    (Lang::Fr, None) => "demande refusée par Google : lisez le message de Google, et contactez le support partenaires si cela persiste".to_owned(),
                    (_, Some(code)) => format!(
                        "request refused by Google (HTTP {code}): read Google's message, and contact partner support if it persists"
                    ),
                    (_, None) => "request refused by Google: read Google's message, and contact partner support if it persists".to_owned(),
                });
            }
        };
        Cow::Borrowed(text)
    }

    /// The advice for [`GoogleErrorKind::Invalid`].
    fn invalid_advice(&self, lang: Lang) -> Cow<'static, str> {
        match (self.hint, self.field) {
            (Some(Hint::SecondaryOnDomain), _) => Cow::Borrowed(lang.pick(
                "the secondary email address must not be on the customer's domain: give an address on another domain",
                "l'adresse e-mail secondaire ne doit pas être sur le domaine du client : indiquez une adresse d'un autre domaine",
            )),
            (Some(Hint::PostalCode), _) => Cow::Borrowed(lang.pick(
                "the postal code does not fit the country, says Google: correct it in the form",
                "le code postal ne correspond pas au pays, selon Google : corrigez-le dans le formulaire",
            )),
            (Some(Hint::Country), _) => Cow::Borrowed(lang.pick(
                "the country was refused by Google: check it; if it is right, Google does not allow resale to customers there",
                "le pays a été refusé par Google : vérifiez-le ; s'il est juste, Google n'autorise pas la revente aux clients de ce pays",
            )),
            (None | Some(Hint::IdentityForDomain), Some(field)) => Cow::Owned(match lang {
                Lang::Fr => format!(
                    "valeur refusée par Google pour {} : corrigez-la dans le formulaire, puis renvoyez la demande",
                    field.fr
                ),
                _ => format!(
                    "value refused by Google for {}: correct it in the form, then send the request again",
                    field.en
                ),
            }),
            (None | Some(Hint::IdentityForDomain), None) => Cow::Borrowed(lang.pick(
                "a value of the request was refused by Google: check the form against Google's message, then send it again",
                "une valeur de la demande a été refusée par Google : vérifiez le formulaire d'après le message de Google, puis renvoyez-la",
            )),
        }
    }
}

/// Google's text, escaped like [`snippet`](crate::error::snippet) and cut so that the quote
/// is at most [`QUOTE_CHARS`] characters, escapes included, then `…`.
pub(super) fn quote(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut count = 0;
    for ch in text.trim().chars() {
        let mut piece = String::new();
        match ch {
            '"' => piece.push_str("\\\""),
            '\\' => piece.push_str("\\\\"),
            c if is_unsafe_char(c) => {
                let _ = write!(piece, "\\u{{{:x}}}", u32::from(c));
            }
            c => piece.push(c),
        }
        let n = piece.chars().count();
        if count + n > QUOTE_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&piece);
        count += n;
    }
    out
}

impl fmt::Display for GoogleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for GoogleError {}

impl Diagnostic for GoogleError {
    fn code(&self) -> &'static str {
        GoogleError::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        GoogleError::message(self, lang)
    }
    fn severity(&self) -> Severity {
        GoogleError::severity(self)
    }
}

/// The errors of a [`Status`] answering `call`: one per field violation, else one for the
/// whole status.
/// The retry of an error known only by its kind: Channel retries `UNAVAILABLE` alone; the
/// Reseller API, a quota too.
fn default_retry(kind: GoogleErrorKind, call: Call) -> Retry {
    match kind {
        GoogleErrorKind::Unavailable => Retry::Backoff,
        GoogleErrorKind::QuotaExceeded if !call.is_channel() => Retry::Backoff,
        _ => Retry::Final,
    }
}

pub(super) fn from_status(status: &Status, call: Call) -> Vec<GoogleError> {
    let kind = status.kind();
    let base = |message: &str| {
        let mut error = GoogleError::new(kind, call);
        error.http_status = status.http_status();
        error.retry = retry::channel(status.status(), status.code(), status.retry_delay());
        error.reason = status
            .error_info()
            .map(|i| i.reason().to_owned())
            .filter(|r| !r.is_empty())
            .or_else(|| status.status().map(str::to_owned));
        error.with_google_message(message)
    };
    let violations = status.field_violations();
    if violations.is_empty() {
        return vec![base(status.message())];
    }
    violations
        .into_iter()
        .map(|v| {
            let message = if v.description().trim().is_empty() {
                status.message()
            } else {
                v.description()
            };
            base(message).with_google_field(v.field())
        })
        .collect()
}
