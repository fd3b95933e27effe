//! Layer 2, values. Why a text is not a phone number Google accepts, and the warning for an
//! extension Google's fields cannot carry.

use std::fmt;

use crate::error::{Diagnostic, Lang, Severity};

/// What a refusal for one country says: the country, its calling code, and an example number.
///
/// ```
/// use gws_onboarding::PhoneNumber;
/// use gws_onboarding::phone::PhoneError;
///
/// let err = PhoneNumber::parse("+1 555 0100").unwrap_err();
/// let PhoneError::ShortForCountry { country, .. } = &err else {
///     return Err("French numbers have 9 digits".into());
/// };
/// assert_eq!(country.region(), "US");
/// assert_eq!(country.calling_code(), 1);
/// assert_eq!(country.example(), "+12015550123");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRule {
    pub(super) region: &'static str,
    pub(super) code: u16,
    pub(super) example: &'static str,
    pub(super) lengths: &'static [u8],
}

impl CountryRule {
    /// The region whose rules were applied: ISO 3166-1 alpha-2 (`FR`), or `001` for a
    /// non-geographic code.
    ///
    /// ```
    /// use gws_onboarding::phone::{PhoneError, PhoneNumber};
    /// let Err(PhoneError::LongForCountry { country, .. }) = PhoneNumber::parse("+33 6 12 34 56 78 90 12") else {
    ///     return Err("French numbers have 9 digits".into());
    /// };
    /// assert_eq!(country.region(), "FR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &'static str {
        self.region
    }

    /// The country calling code.
    ///
    /// ```
    /// use gws_onboarding::phone::{PhoneError, PhoneNumber};
    /// let Err(PhoneError::LongForCountry { country, .. }) = PhoneNumber::parse("+33 6 12 34 56 78 90 12") else {
    ///     return Err("French numbers have 9 digits".into());
    /// };
    /// assert_eq!(country.calling_code(), 33);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn calling_code(&self) -> u16 {
        self.code
    }

    /// An example number of the region, in E.164 form (libphonenumber's).
    ///
    /// ```
    /// use gws_onboarding::phone::{PhoneError, PhoneNumber};
    /// let Err(PhoneError::LongForCountry { country, .. }) = PhoneNumber::parse("+33 6 12 34 56 78 90 12") else {
    ///     return Err("French numbers have 9 digits".into());
    /// };
    /// assert_eq!(country.example(), "+33123456789");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn example(&self) -> String {
        format!("+{}{}", self.code, self.example)
    }

    /// The possible lengths of a national number (the digits after the calling code), sorted.
    ///
    /// ```
    /// use gws_onboarding::phone::{PhoneError, PhoneNumber};
    /// let Err(PhoneError::LongForCountry { country, .. }) = PhoneNumber::parse("+33 6 12 34 56 78 90 12") else {
    ///     return Err("French numbers have 9 digits".into());
    /// };
    /// assert_eq!(country.national_lengths(), [9]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn national_lengths(&self) -> &'static [u8] {
        self.lengths
    }

    /// `9`, `7, 9 or 10`, `4 to 15`: the lengths as a sentence part, in `lang`.
    pub(super) fn lengths_text(&self, lang: Lang) -> String {
        let mut runs: Vec<(u8, u8)> = Vec::new();
        for &l in self.lengths {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == l => *end = l,
                _ => runs.push((l, l)),
            }
        }
        let (to, or) = match lang {
            Lang::En => ("to", "or"),
            Lang::Fr => ("à", "ou"),
        };
        let mut parts: Vec<String> = Vec::new();
        for &(a, b) in &runs {
            if b - a >= 2 {
                parts.push(format!("{a} {to} {b}"));
            } else {
                parts.extend((a..=b).map(|l| l.to_string()));
            }
        }
        match parts.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, head)) => format!("{} {or} {last}", head.join(", ")),
            None => String::new(),
        }
    }
}

impl fmt::Display for CountryRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (+{})", self.region, self.code)
    }
}

/// Why a string is not a phone number Google accepts.
///
/// ```
/// use gws_onboarding::{Lang, PhoneNumber};
///
/// let err = "+33/1 23 45 67 89".parse::<PhoneNumber>().unwrap_err();
/// assert_eq!(err.code(), "phone.invalid_char");
/// assert_eq!(err.to_string(), "phone number contains \"/\": only digits and the separators space, -, ., ( and ) are allowed");
/// assert!(err.message(Lang::Fr).contains("« / »"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing but whitespace.
    #[error("phone number is empty")]
    Empty,
    /// The input is longer than [`MAX_INPUT_LEN`](super::MAX_INPUT_LEN) bytes.
    #[error("phone number is longer than {max} characters")]
    TooLong {
        /// [`MAX_INPUT_LEN`](super::MAX_INPUT_LEN).
        max: usize,
    },
    /// The number does not start with `+`, and no country says how to read a national number.
    #[error(
        "phone number \"{found}\" does not start with + and the country calling code: write it as +33 1 42 68 53 00, or give the postal address's country"
    )]
    MissingPlus {
        /// The input, made safe to echo.
        found: String,
    },
    /// A character other than a digit or an accepted separator.
    #[error(
        "phone number contains \"{found}\": only digits and the separators space, -, ., ( and ) are allowed"
    )]
    InvalidChar {
        /// The character, made safe to echo.
        found: String,
    },
    /// Fewer than [`MIN_DIGITS`](super::MIN_DIGITS) or more than
    /// [`MAX_DIGITS`](super::MAX_DIGITS) digits: no country has such numbers.
    #[error(
        "phone number has {digits} digits: expected {min} to {max}, country calling code included",
        min = super::MIN_DIGITS, max = super::MAX_DIGITS
    )]
    Length {
        /// How many digits the number has.
        digits: usize,
    },
    /// The digits after `+` do not start with an assigned country calling code (`+0…`, `+28…`).
    #[error("phone number \"{found}\" does not start with an assigned country calling code")]
    CountryCode {
        /// The number without its separators, made safe to echo.
        found: String,
    },
    /// The national number is shorter than the country's numbers.
    #[error(
        "phone number {found} is too short for {country}: {digits} digits after +{code}, {lengths} expected; for example {example}",
        code = country.code, lengths = country.lengths_text(Lang::En), example = country.example()
    )]
    ShortForCountry {
        /// The number in E.164 form.
        found: String,
        /// How many digits follow the calling code.
        digits: usize,
        /// The country's rule.
        country: CountryRule,
    },
    /// The national number is longer than the country's numbers.
    #[error(
        "phone number {found} is too long for {country}: {digits} digits after +{code}, {lengths} expected; for example {example}",
        code = country.code, lengths = country.lengths_text(Lang::En), example = country.example()
    )]
    LongForCountry {
        /// The number in E.164 form.
        found: String,
        /// How many digits follow the calling code.
        digits: usize,
        /// The country's rule.
        country: CountryRule,
    },
    /// The number has a possible length but is not in a range the country assigns.
    #[error(
        "phone number {found} is not a number {country} assigns; for example {example}",
        example = country.example()
    )]
    Unassigned {
        /// The number in E.164 form.
        found: String,
        /// The country's rule.
        country: CountryRule,
    },
    /// The number has an extension, which Google's phone fields cannot carry.
    #[error(
        "phone number has the extension {extension}: Google's phone fields take no extension; give the number without it"
    )]
    Extension {
        /// The extension's digits.
        extension: String,
    },
}

impl PhoneError {
    /// The stable machine code: `phone.empty`, `phone.too_long`, `phone.missing_plus`,
    /// `phone.invalid_char`, `phone.length`, `phone.country_code`, `phone.short_for_country`,
    /// `phone.long_for_country`, `phone.unassigned` or `phone.extension`.
    ///
    /// ```
    /// let err = "+0123456789".parse::<gws_onboarding::PhoneNumber>().unwrap_err();
    /// assert_eq!(err.code(), "phone.country_code");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "phone.empty",
            PhoneError::TooLong { .. } => "phone.too_long",
            PhoneError::MissingPlus { .. } => "phone.missing_plus",
            PhoneError::InvalidChar { .. } => "phone.invalid_char",
            PhoneError::Length { .. } => "phone.length",
            PhoneError::CountryCode { .. } => "phone.country_code",
            PhoneError::ShortForCountry { .. } => "phone.short_for_country",
            PhoneError::LongForCountry { .. } => "phone.long_for_country",
            PhoneError::Unassigned { .. } => "phone.unassigned",
            PhoneError::Extension { .. } => "phone.extension",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = "+33 6 12 34 56 78 90 12".parse::<gws_onboarding::PhoneNumber>().unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "le numéro de téléphone +336123456789012 est trop long pour FR (+33) : 13 chiffres après +33, il en faut 9 ; par exemple +33123456789"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => self.message_fr(),
        }
    }

    fn message_fr(&self) -> String {
        let rule = |c: &CountryRule| (c.code, c.lengths_text(Lang::Fr), c.example());
        match self {
            PhoneError::Empty => "le numéro de téléphone est vide".to_owned(),
            PhoneError::TooLong { max } => {
                format!("le numéro de téléphone dépasse {max} caractères")
            }
            PhoneError::MissingPlus { found } => format!(
                "le numéro de téléphone « {found} » ne commence pas par + et l'indicatif pays : écrivez-le +33 1 42 68 53 00, ou indiquez le pays de l'adresse postale"
            ),
            PhoneError::InvalidChar { found } => format!(
                "le numéro de téléphone contient « {found} » : seuls les chiffres et les séparateurs espace, -, ., ( et ) sont admis"
            ),
            PhoneError::Length { digits } => format!(
                "le numéro de téléphone a {digits} chiffres : il en faut de {} à {}, indicatif pays compris",
                super::MIN_DIGITS,
                super::MAX_DIGITS
            ),
            PhoneError::CountryCode { found } => format!(
                "le numéro de téléphone « {found} » ne commence pas par un indicatif pays attribué"
            ),
            PhoneError::ShortForCountry {
                found,
                digits,
                country,
            } => {
                let (code, lengths, example) = rule(country);
                format!(
                    "le numéro de téléphone {found} est trop court pour {country} : {digits} chiffres après +{code}, il en faut {lengths} ; par exemple {example}"
                )
            }
            PhoneError::LongForCountry {
                found,
                digits,
                country,
            } => {
                let (code, lengths, example) = rule(country);
                format!(
                    "le numéro de téléphone {found} est trop long pour {country} : {digits} chiffres après +{code}, il en faut {lengths} ; par exemple {example}"
                )
            }
            PhoneError::Unassigned { found, country } => format!(
                "le numéro de téléphone {found} n'est pas un numéro attribué en {country} ; par exemple {}",
                country.example()
            ),
            PhoneError::Extension { extension } => format!(
                "le numéro de téléphone a le poste {extension} : les champs téléphone de Google n'acceptent pas de poste ; indiquez le numéro sans lui"
            ),
        }
    }
}

crate::error::impl_diagnostic!(PhoneError);

/// A warning: the form's phone number had an extension, which is kept out of the customer
/// because Google's phone fields cannot carry it (code `phone.extension_not_sent`).
///
/// ```
/// use gws_onboarding::{Diagnostic, Lang, Severity};
/// use gws_onboarding::phone::ExtensionNotSent;
///
/// let (number, warning) = gws_onboarding::phone::split_extension("+33 1 42 68 53 00 poste 12");
/// assert_eq!(number, "+33 1 42 68 53 00");
/// let warning = ExtensionNotSent::new(warning.unwrap_or_default());
/// assert_eq!(warning.code(), "phone.extension_not_sent");
/// assert_eq!(warning.severity(), Severity::Warning);
/// assert!(warning.message(Lang::Fr).contains("poste 12"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the extension {extension} is not sent: Google's phone fields take no extension, so callers must dial it themselves"
)]
pub struct ExtensionNotSent {
    extension: String,
}

impl ExtensionNotSent {
    /// The warning for `extension` (its digits; cut to 64 characters).
    ///
    /// ```
    /// let w = gws_onboarding::phone::ExtensionNotSent::new("123");
    /// assert_eq!(w.extension(), "123");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(extension: &str) -> Self {
        ExtensionNotSent {
            extension: crate::error::snippet(extension),
        }
    }

    /// The extension's digits.
    ///
    /// ```
    /// let w = gws_onboarding::phone::ExtensionNotSent::new("7");
    /// assert_eq!(w.extension(), "7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn extension(&self) -> &str {
        &self.extension
    }

    /// The stable code, `phone.extension_not_sent`.
    ///
    /// ```
    /// let w = gws_onboarding::phone::ExtensionNotSent::new("7");
    /// assert_eq!(w.code(), "phone.extension_not_sent");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        "phone.extension_not_sent"
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let w = gws_onboarding::phone::ExtensionNotSent::new("7");
    /// assert!(w.message(Lang::En).starts_with("the extension 7 is not sent"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => format!(
                "le poste {} n'est pas transmis : les champs téléphone de Google n'acceptent pas de poste, vos interlocuteurs devront le composer eux-mêmes",
                self.extension
            ),
        }
    }
}

impl Diagnostic for ExtensionNotSent {
    fn code(&self) -> &'static str {
        ExtensionNotSent::code(self)
    }
    fn message(&self, lang: Lang) -> String {
        ExtensionNotSent::message(self, lang)
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
}
