//! Layer 2, values: [`DomainError`], why a primary domain is refused, with advice.

use crate::error::{Lang, impl_diagnostic, quote_char};

/// Why a string is not an acceptable primary domain.
///
/// Each variant has a stable code ([`code`](Self::code)) and carries what the message
/// needs; input echoed in a message is escaped and cut (see the crate docs on log safety).
///
/// ```
/// use gws_onboarding::{DomainError, PrimaryDomain};
///
/// match PrimaryDomain::parse("bücher.de") {
///     Err(DomainError::Internationalized { ascii, unicode, .. }) => {
///         assert_eq!(ascii, "xn--bcher-kva.de");
///         assert_eq!(unicode, "bücher.de");
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DomainError {
    /// Nothing but white space.
    #[error("domain is empty")]
    Empty,
    /// Longer than 253 octets (or than [`MAX_DOMAIN_INPUT`](crate::domain::MAX_DOMAIN_INPUT) before trimming).
    #[error("domain is {len} octets long, more than the 253 a domain name may have")]
    TooLong {
        /// Length in octets.
        len: usize,
    },
    /// A URL was pasted: scheme, path, query, fragment or port.
    ///
    /// The hint is the user's own domain, taken from the URL, when it passes the same rules
    /// (`https://www.acme-widgets.fr/contact?ref=1` suggests `acme-widgets.fr`); otherwise the
    /// message says what to remove.
    #[error("{}", url_message(input, found, suggestion.as_deref(), Lang::En))]
    Url {
        /// The input.
        input: String,
        /// What gave it away: `scheme`, `path`, `query`, `fragment` or `port`.
        found: &'static str,
        /// The domain the URL names, when it is valid under the same rules (cut and escaped).
        suggestion: Option<String>,
    },
    /// An email address was pasted.
    #[error("\"{input}\" is an email address, not a domain: enter only the part after @")]
    Email {
        /// The input.
        input: String,
    },
    /// Starts with `www.` above the registered domain. (`www.gmail.com` gets the error of
    /// `gmail.com` instead: the name without `www.` is never suggested when it fails in turn.)
    #[error("domain \"{input}\" starts with \"www.\": {}", www_advice(without.as_deref(), Lang::En))]
    Www {
        /// The input, normalised.
        input: String,
        /// The input without its leading `www.` labels: a name that parses with the same rules,
        /// or `None` when it is too long to quote whole.
        without: Option<String>,
    },
    /// A control, bidi-override or invisible character.
    #[error(
        "domain contains the invisible or control character U+{code_point:04X} at position {}",
        index + 1
    )]
    UnsafeChar {
        /// The character's code point.
        code_point: u32,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
    },
    /// A look-alike character that UTS-46 compatibility mapping would silently replace by a
    /// plain one (`𝐚𝐜𝐦𝐞.fr`, `ⓐcme.fr`, `ſhop.fr`, `㎏.fr`): refused, so that the name Google
    /// gets is the name the salesperson saw. Full-width ASCII (`ａｃｍｅ．ｆｒ`) is still folded.
    #[error(
        "domain \"{input}\" has the look-alike character U+{:04X} at position {}, which would become \"{folded}\": type the name in plain letters",
        u32::from(*ch),
        index + 1
    )]
    Lookalike {
        /// The input.
        input: String,
        /// The character.
        ch: char,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
        /// What UTS-46 would turn it into.
        folded: String,
    },
    /// An `xn--` label that is not valid punycode, or does not decode to a valid
    /// internationalized label (`xn--zz.fr`).
    #[error(
        "domain label \"{label}\" starts with \"xn--\" but is not valid punycode: remove the \"xn--\" or correct the label"
    )]
    Punycode {
        /// The label.
        label: String,
    },
    /// A character other than letters, digits, hyphens and dots.
    #[error(
        "domain \"{input}\" contains {} at position {}: only letters a-z, digits 0-9, hyphens and dots are allowed",
        quote_char(*ch, Lang::En),
        index + 1
    )]
    InvalidChar {
        /// The input.
        input: String,
        /// The character.
        ch: char,
        /// Its index in characters, from 0; messages count positions from 1, as people do.
        index: usize,
    },
    /// Two dots in a row, or a leading dot.
    #[error("domain \"{input}\" has an empty label (two dots in a row, or a leading dot)")]
    EmptyLabel {
        /// The input.
        input: String,
    },
    /// A label longer than 63 octets.
    #[error("domain label \"{label}\" is {len} octets long, more than 63")]
    LabelTooLong {
        /// The label (cut).
        label: String,
        /// Its length.
        len: usize,
    },
    /// A label starts or ends with a hyphen, or has `--` in third and fourth position
    /// without being an `xn--` A-label (reserved by RFC 5891).
    #[error(
        "domain label \"{label}\" starts or ends with a hyphen, or has \"--\" in third and fourth position (reserved)"
    )]
    Hyphen {
        /// The label.
        label: String,
    },
    /// An internationalized name, in Unicode or as `xn--` A-labels.
    #[error(
        "\"{unicode}\" ({ascii}) is an internationalized domain name: Google Workspace accepts only domains of letters a-z, digits and hyphens"
    )]
    Internationalized {
        /// The A-label (punycode) form.
        ascii: String,
        /// The Unicode form.
        unicode: String,
    },
    /// An IP address.
    #[error("\"{input}\" is an IP address, not a domain name")]
    Ip {
        /// The input.
        input: String,
    },
    /// A single label (`intranet`).
    #[error("\"{domain}\" has no top-level domain: {}", single_label_advice(suggestion.as_deref(), Lang::En))]
    SingleLabel {
        /// The domain.
        domain: String,
        /// `domain.com` when that name parses with the same rules and is short enough to quote.
        suggestion: Option<String>,
    },
    /// A top-level domain that does not exist.
    #[error("top-level domain \".{tld}\" does not exist")]
    UnknownTld {
        /// The unknown top-level label.
        tld: String,
    },
    /// The name is itself a public suffix (`co.uk`, `github.io`).
    #[error(
        "\"{domain}\" is a public suffix, under which others register domains: enter the customer's own domain"
    )]
    PublicSuffix {
        /// The domain.
        domain: String,
        /// Whether the suffix is in the list's private section (`github.io`).
        private: bool,
    },
    /// A special-use or reserved name (RFC 6761 and successors).
    #[error(
        "\"{domain}\" is under the reserved name \"{reserved}\", which can never be a registered domain"
    )]
    SpecialUse {
        /// The domain.
        domain: String,
        /// The reserved name it falls under.
        reserved: &'static str,
    },
    /// Google's consumer domain.
    #[error("\"{domain}\" is a Google consumer domain ({consumer}), not the customer's own")]
    Consumer {
        /// The domain.
        domain: String,
        /// `gmail.com` or `googlemail.com`.
        consumer: &'static str,
    },
    /// Under a private-section suffix, whose DNS the customer does not control.
    #[error(
        "\"{domain}\" is under \"{suffix}\", a suffix run by a hosting company: the customer could not verify it"
    )]
    PrivateSuffix {
        /// The domain.
        domain: String,
        /// The private suffix.
        suffix: String,
    },
    /// A subdomain, where the rules ask for a registrable domain.
    #[error("\"{domain}\" is a subdomain: {}", subdomain_advice(registrable.as_deref(), Lang::En))]
    Subdomain {
        /// The domain.
        domain: String,
        /// Its registrable domain, when it parses with the same rules and is short enough to
        /// quote whole.
        registrable: Option<String>,
    },
}

impl DomainError {
    /// The domain the message suggests instead, if any: the name without `www.`, `name.com`
    /// for a single label, the registered domain of a subdomain. A suggestion always parses
    /// with the rules that refused the input, and is quoted whole; otherwise there is none.
    ///
    /// ```
    /// use gws_onboarding::{DomainRules, PrimaryDomain};
    ///
    /// let err = PrimaryDomain::parse("www.www.acme.fr").unwrap_err();
    /// assert_eq!(err.suggestion(), Some("acme.fr"));
    /// assert_eq!(PrimaryDomain::parse("gmail").unwrap_err().suggestion(), None);
    /// let strict = DomainRules::new().allow_subdomain(false);
    /// let err = PrimaryDomain::parse_with("shop.acme.fr", &strict).unwrap_err();
    /// assert_eq!(err.suggestion(), Some("acme.fr"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            DomainError::Www { without, .. } => without.as_deref(),
            DomainError::SingleLabel { suggestion, .. } => suggestion.as_deref(),
            DomainError::Subdomain { registrable, .. } => registrable.as_deref(),
            _ => None,
        }
    }

    /// The stable machine code, `domain.*`.
    ///
    /// ```
    /// use gws_onboarding::PrimaryDomain;
    /// assert_eq!(PrimaryDomain::parse("").unwrap_err().code(), "domain.empty");
    /// assert_eq!(PrimaryDomain::parse("a.test").unwrap_err().code(), "domain.special_use");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty => "domain.empty",
            DomainError::TooLong { .. } => "domain.too_long",
            DomainError::Url { .. } => "domain.url",
            DomainError::Email { .. } => "domain.email",
            DomainError::Www { .. } => "domain.www",
            DomainError::Lookalike { .. } => "domain.lookalike",
            DomainError::Punycode { .. } => "domain.punycode",
            DomainError::UnsafeChar { .. } => "domain.unsafe_char",
            DomainError::InvalidChar { .. } => "domain.invalid_char",
            DomainError::EmptyLabel { .. } => "domain.empty_label",
            DomainError::LabelTooLong { .. } => "domain.label_too_long",
            DomainError::Hyphen { .. } => "domain.hyphen",
            DomainError::Internationalized { .. } => "domain.idn",
            DomainError::Ip { .. } => "domain.ip",
            DomainError::SingleLabel { .. } => "domain.single_label",
            DomainError::UnknownTld { .. } => "domain.unknown_tld",
            DomainError::PublicSuffix { .. } => "domain.public_suffix",
            DomainError::SpecialUse { .. } => "domain.special_use",
            DomainError::Consumer { .. } => "domain.consumer",
            DomainError::PrivateSuffix { .. } => "domain.private_suffix",
            DomainError::Subdomain { .. } => "domain.subdomain",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, PrimaryDomain};
    /// let err = PrimaryDomain::parse("co.uk").unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "« co.uk » est un suffixe public, sous lequel d'autres enregistrent des domaines : saisissez le domaine du client"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            DomainError::Empty => "le domaine est vide".to_owned(),
            DomainError::TooLong { len } => format!(
                "le domaine fait {len} octets, plus que les 253 autorisés pour un nom de domaine"
            ),
            DomainError::Url {
                input,
                found,
                suggestion,
            } => url_message(input, found, suggestion.as_deref(), Lang::Fr),
            DomainError::Email { input } => format!(
                "« {input} » est une adresse e-mail, pas un domaine : saisissez seulement la partie après @"
            ),
            DomainError::Www { input, without } => format!(
                "le domaine « {input} » commence par « www. » : {}",
                www_advice(without.as_deref(), Lang::Fr)
            ),
            DomainError::Lookalike {
                input,
                ch,
                index,
                folded,
            } => format!(
                "le domaine « {input} » contient le caractère trompeur U+{:04X} à la position {}, qui deviendrait « {folded} » : saisissez le nom en lettres ordinaires",
                u32::from(*ch),
                index + 1
            ),
            DomainError::Punycode { label } => format!(
                "le libellé « {label} » du domaine commence par « xn-- » mais n'est pas du punycode valide : retirez « xn-- » ou corrigez le libellé"
            ),
            DomainError::UnsafeChar { code_point, index } => format!(
                "le domaine contient le caractère invisible ou de contrôle U+{code_point:04X} à la position {}",
                index + 1
            ),
            DomainError::InvalidChar { input, ch, index } => format!(
                "le domaine « {input} » contient {} à la position {} : seuls les lettres a-z, les chiffres 0-9, les traits d'union et les points sont autorisés",
                quote_char(*ch, Lang::Fr),
                index + 1
            ),
            DomainError::EmptyLabel { input } => format!(
                "le domaine « {input} » contient un libellé vide (deux points consécutifs ou un point initial)"
            ),
            DomainError::LabelTooLong { label, len } => {
                format!("le libellé « {label} » du domaine fait {len} octets, plus que 63")
            }
            DomainError::Hyphen { label } => {
                format!(
                    "le libellé « {label} » du domaine commence ou finit par un trait d'union, ou a « -- » en troisième et quatrième position (réservé)"
                )
            }
            DomainError::Internationalized { ascii, unicode } => format!(
                "« {unicode} » ({ascii}) est un nom de domaine internationalisé : Google Workspace n'accepte que des domaines composés de lettres a-z, de chiffres et de traits d'union"
            ),
            DomainError::Ip { input } => {
                format!("« {input} » est une adresse IP, pas un nom de domaine")
            }
            DomainError::SingleLabel { domain, suggestion } => format!(
                "« {domain} » n'a pas de domaine de premier niveau : {}",
                single_label_advice(suggestion.as_deref(), Lang::Fr)
            ),
            DomainError::UnknownTld { tld } => {
                format!("le domaine de premier niveau « .{tld} » n'existe pas")
            }
            DomainError::PublicSuffix { domain, .. } => format!(
                "« {domain} » est un suffixe public, sous lequel d'autres enregistrent des domaines : saisissez le domaine du client"
            ),
            DomainError::SpecialUse { domain, reserved } => format!(
                "« {domain} » relève du nom réservé « {reserved} », qui ne peut jamais être un domaine enregistré"
            ),
            DomainError::Consumer { domain, consumer } => format!(
                "« {domain} » est un domaine grand public de Google ({consumer}), et non celui du client"
            ),
            DomainError::PrivateSuffix { domain, suffix } => format!(
                "« {domain} » est sous « {suffix} », un suffixe géré par un hébergeur : le client ne pourrait pas le valider"
            ),
            DomainError::Subdomain {
                domain,
                registrable,
            } => format!(
                "« {domain} » est un sous-domaine : {}",
                subdomain_advice(registrable.as_deref(), Lang::Fr)
            ),
        }
    }
}

impl_diagnostic!(DomainError);

/// What to do about `www.`: enter the name without it, when it can be quoted whole.
pub(super) fn www_advice(without: Option<&str>, lang: Lang) -> String {
    match (without, lang) {
        (Some(name), Lang::Fr) => format!("saisissez « {name} »"),
        (Some(name), _) => format!("enter \"{name}\""),
        (None, Lang::Fr) => "retirez « www. »".to_owned(),
        (None, _) => "remove \"www.\"".to_owned(),
    }
}

/// What to do about a single label: an example only when it passes.
pub(super) fn single_label_advice(suggestion: Option<&str>, lang: Lang) -> String {
    match (suggestion, lang) {
        (Some(name), Lang::Fr) => format!("saisissez un domaine complet comme « {name} »"),
        (Some(name), _) => format!("enter a full domain such as \"{name}\""),
        (None, Lang::Fr) => "saisissez le domaine complet, avec son extension".to_owned(),
        (None, _) => "enter the full domain, with its extension".to_owned(),
    }
}

/// What to do about a subdomain: the registered domain, when it can be quoted whole.
pub(super) fn subdomain_advice(registrable: Option<&str>, lang: Lang) -> String {
    match (registrable, lang) {
        (Some(name), Lang::Fr) => format!("saisissez le domaine enregistré « {name} »"),
        (Some(name), _) => format!("enter the registered domain \"{name}\""),
        (None, Lang::Fr) => "saisissez le domaine enregistré dont il dépend".to_owned(),
        (None, _) => "enter the registered domain it belongs to".to_owned(),
    }
}

/// The message of [`DomainError::Url`], English and French side by side.
pub(super) fn url_message(
    input: &str,
    found: &str,
    suggestion: Option<&str>,
    lang: Lang,
) -> String {
    let what = match (found, lang) {
        ("scheme", Lang::Fr) => "protocole",
        ("path", Lang::Fr) => "chemin",
        ("query", Lang::Fr) => "paramètres",
        ("fragment", Lang::Fr) => "ancre",
        (_, Lang::Fr) => "port",
        (other, _) => other,
    };
    match (suggestion, lang) {
        (Some(domain), Lang::Fr) => format!(
            "« {input} » ressemble à une adresse web ({what}) : saisissez seulement le nom de domaine, « {domain} »"
        ),
        (Some(domain), _) => format!(
            "\"{input}\" looks like a web address ({what}): enter the domain name alone, \"{domain}\""
        ),
        (None, Lang::Fr) => format!(
            "« {input} » ressemble à une adresse web ({what}) : retirez-en {} et saisissez seulement le nom de domaine du client",
            url_parts(input, found, lang)
        ),
        (None, _) => format!(
            "\"{input}\" looks like a web address ({what}): remove the {} and enter the customer's domain name alone",
            url_parts(input, found, lang)
        ),
    }
}

/// The parts of a URL there are to remove, named in `lang`, joined as a list.
fn url_parts(url: &str, found: &str, lang: Lang) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let tail = &rest[authority_end..];
    let parts = [
        (url.contains("://"), "scheme", "le protocole"),
        (authority.contains('@'), "user name", "l'identifiant"),
        (authority.contains(':'), "port", "le port"),
        (tail.starts_with(['/', '\\']), "path", "le chemin"),
        (tail.contains('?'), "query", "les paramètres"),
        (tail.contains('#'), "fragment", "l'ancre"),
    ];
    let mut names: Vec<&str> = parts
        .iter()
        .filter(|(present, ..)| *present)
        .map(|&(_, en, fr)| lang.pick(en, fr))
        .collect();
    if names.is_empty() {
        // The echo was cut before the part that gave the URL away: name that part.
        let (en, fr) = match found {
            "scheme" => ("scheme", "le protocole"),
            "path" => ("path", "le chemin"),
            "query" => ("query", "les paramètres"),
            "fragment" => ("fragment", "l'ancre"),
            _ => ("port", "le port"),
        };
        names.push(lang.pick(en, fr));
    }
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("and", "et")),
    }
}
