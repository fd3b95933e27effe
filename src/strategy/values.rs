//! Layer 7, strategy: valid values: domains, addresses, names, postal addresses, phones.

use super::pools::{
    CITIES, FIRST_NAMES, LANGUAGES, LAST_NAMES, ORG_FORMS, ORG_WORDS, REGIONS, RESERVED_LABELS,
    SPACES, STREETS, SUFFIXES,
};
use crate::form::RawEducation;
use crate::product::{Edition, Product, ProductFamily};
use crate::suffix::{Section, SuffixList};
use crate::{CountryCode, EmailAddress, PhoneNumber, PrimaryDomain, RawPostalAddress};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// One LDH label, 1 to 20 characters, lowercase, never reserved, never `xn--` nor another
/// label with `--` in third and fourth position (reserved by RFC 5891).
pub(super) fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?".prop_filter("reserved label", |l| {
        !RESERVED_LABELS.contains(&l.as_str()) && l.get(2..4) != Some("--")
    })
}

/// Whether `name` is registered under one of [`SUFFIXES`] with `registrable` as its ICANN
/// registrable domain: `label.suffix` may itself be a suffix (`co.com`, `asso.fr`) or have
/// deeper rules below it, and those are not registrable names.
pub(super) fn registered_as(name: &str, registrable: &str) -> bool {
    let found = SuffixList::embedded().lookup(name);
    found.section() == Some(Section::Icann) && found.registrable() == Some(registrable)
}

/// Uppercases the ASCII letters of `s` whose index bit is set in `mask`.
pub(super) fn spell_case(s: &str, mask: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

#[track_caller]
pub(super) fn must_parse_domain(name: &str) -> PrimaryDomain {
    PrimaryDomain::parse(name)
        .unwrap_or_else(|e| panic!("generated domain {name:?} is refused: {e} (a crate bug)"))
}

#[track_caller]
pub(super) fn must_parse_email(address: &str) -> EmailAddress {
    EmailAddress::parse(address)
        .unwrap_or_else(|e| panic!("generated address {address:?} is refused: {e} (a crate bug)"))
}

/// Valid primary domains: a label under one of [`SUFFIXES`], sometimes below a subdomain
/// label (`shop.acme.fr`), which the default rules accept.
///
/// # Panics
///
/// When this crate refuses a generated domain: a bug in the crate, never in your test.
///
/// ```
/// use gws_onboarding::{strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// proptest!(|(domain in strategy::primary_domain())| {
///     prop_assert_eq!(domain.as_str().parse::<PrimaryDomain>()?, domain.clone());
///     prop_assert!(!domain.as_str().starts_with("www."));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn primary_domain() -> impl Strategy<Value = PrimaryDomain> {
    (label(), select(SUFFIXES), option::weighted(0.2, label()))
        .prop_map(|(label, suffix, sub)| {
            let registrable = format!("{label}.{suffix}");
            let name = match sub {
                Some(sub) => format!("{sub}.{registrable}"),
                None => registrable.clone(),
            };
            (name, registrable)
        })
        .prop_filter("not a registrable name", |(name, registrable)| {
            registered_as(name, registrable)
        })
        .prop_map(|(name, _)| must_parse_domain(&name))
}

/// Raw spellings of a valid domain that parse to the same [`PrimaryDomain`]: mixed case, a
/// trailing dot, surrounding spaces or tabs.
///
/// ```
/// use gws_onboarding::{strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, domain) in strategy::domain_string())| {
///     prop_assert_eq!(PrimaryDomain::parse(&raw)?, domain);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn domain_string() -> impl Strategy<Value = (String, PrimaryDomain)> {
    (primary_domain(), spelling()).prop_map(|(domain, spell)| (spell.apply(&domain), domain))
}

/// How to misspell a canonical name without changing it: case, trailing dot, spaces.
#[derive(Debug, Clone)]
pub(super) struct Spelling {
    pub(super) mask: u64,
    pub(super) trailing_dot: bool,
    pub(super) before: &'static str,
    pub(super) after: &'static str,
}

impl Spelling {
    pub(super) fn apply(&self, canonical: &impl AsRef<str>) -> String {
        let dot = if self.trailing_dot { "." } else { "" };
        let cased = spell_case(canonical.as_ref(), self.mask);
        format!("{}{cased}{dot}{}", self.before, self.after)
    }
}

pub(super) fn spelling() -> impl Strategy<Value = Spelling> {
    (
        prop_oneof![Just(0_u64), any::<u64>()],
        any::<bool>(),
        select(SPACES),
        select(SPACES),
    )
        .prop_map(|(mask, trailing_dot, before, after)| Spelling {
            mask,
            trailing_dot,
            before,
            after,
        })
}

/// A valid Google account username: letters, digits, `-`, `_`, `'` in dot-separated parts,
/// at most 32 characters.
pub(super) fn username() -> impl Strategy<Value = String> {
    "[a-z0-9_'-]{1,10}(\\.[a-z0-9_'-]{1,10}){0,2}".prop_filter("reserved username", |u| {
        !crate::email::RESERVED_USERNAMES
            .iter()
            .any(|r| u.eq_ignore_ascii_case(r))
    })
}

/// A `+tag` sub-address, or nothing.
pub(super) fn plus_tag() -> impl Strategy<Value = String> {
    prop_oneof![3 => Just(String::new()), 1 => "\\+[a-z0-9]{1,8}"]
}

/// Valid email addresses in canonical form, some with a `+tag` (not a valid Google username,
/// but a valid address).
///
/// # Panics
///
/// When this crate refuses a generated address: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, EmailAddress};
/// use proptest::prelude::*;
///
/// proptest!(|(email in strategy::email_address())| {
///     prop_assert_eq!(EmailAddress::parse(&email.to_string())?, email.clone());
///     prop_assert!(!email.is_consumer());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn email_address() -> impl Strategy<Value = EmailAddress> {
    (username(), plus_tag(), primary_domain())
        .prop_map(|(user, tag, domain)| must_parse_email(&format!("{user}{tag}@{domain}")))
}

/// Raw spellings of valid addresses (mixed case, trailing dot after the domain, surrounding
/// spaces) with the address they parse to.
///
/// ```
/// use gws_onboarding::{strategy, EmailAddress};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, email) in strategy::email_string())| {
///     prop_assert_eq!(EmailAddress::parse(&raw)?, email);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn email_string() -> impl Strategy<Value = (String, EmailAddress)> {
    (email_address(), spelling()).prop_map(|(email, spell)| (spell.apply(&email), email))
}

/// Addresses in `domain` itself whose local part is a valid Google username: what a domain
/// customer's super admin looks like.
///
/// # Panics
///
/// When this crate refuses a generated address: a bug in the crate.
///
/// ```
/// use gws_onboarding::{email, strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// let domain = PrimaryDomain::parse("acme-widgets.fr")?;
/// proptest!(|(admin in strategy::email_in(&domain))| {
///     prop_assert_eq!(admin.domain(), "acme-widgets.fr");
///     prop_assert!(email::check_admin_email(&domain, &admin).is_ok());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn email_in(domain: &PrimaryDomain) -> impl Strategy<Value = EmailAddress> + use<> {
    let domain = domain.to_string();
    username().prop_map(move |user| must_parse_email(&format!("{user}@{domain}")))
}

/// Addresses in another registrable domain than `domain`'s: a valid secondary address for a
/// customer of `domain`, with neither error nor warning.
///
/// ```
/// use gws_onboarding::{email, strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// let domain = PrimaryDomain::parse("shop.acme-widgets.fr")?;
/// proptest!(|(secondary in strategy::email_outside(&domain))| {
///     prop_assert_ne!(secondary.registrable_domain(), "acme-widgets.fr");
///     prop_assert_eq!(email::check_secondary_email(&domain, &secondary), Ok(None));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn email_outside(domain: &PrimaryDomain) -> impl Strategy<Value = EmailAddress> + use<> {
    let registrable = domain.registrable().to_owned();
    (
        username(),
        plus_tag(),
        primary_domain().prop_filter("same registrable domain", move |d| {
            d.registrable() != registrable
        }),
    )
        .prop_map(|(user, tag, other)| must_parse_email(&format!("{user}{tag}@{other}")))
}

/// Assigned ISO 3166-1 alpha-2 country codes.
///
/// ```
/// use gws_onboarding::{strategy, CountryCode};
/// use proptest::prelude::*;
///
/// proptest!(|(country in strategy::country_code())| {
///     prop_assert_eq!(CountryCode::parse(&country.as_str().to_lowercase())?, country);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn country_code() -> impl Strategy<Value = CountryCode> {
    select(CountryCode::all().collect::<Vec<_>>())
}

pub(super) fn person_name() -> impl Strategy<Value = String> {
    select(FIRST_NAMES).prop_map(str::to_owned)
}

pub(super) fn last_name() -> impl Strategy<Value = String> {
    select(LAST_NAMES).prop_map(str::to_owned)
}

/// An organisation name: one to three words and a legal form, single-spaced.
pub(super) fn organization_name() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(select(ORG_WORDS), 1..=3),
        select(ORG_FORMS),
    )
        .prop_map(|(words, legal)| {
            let mut name = words.join(" ");
            if !legal.is_empty() {
                name.push(' ');
                name.push_str(legal);
            }
            name
        })
}

pub(super) fn postal_code() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4,5}",
        "[A-Z]{1,2}[0-9] [0-9][A-Z]{2}",
        "[0-9]{3}-[0-9]{4}"
    ]
}

/// Valid raw postal addresses: every required field filled, optional ones sometimes, any
/// assigned country (the city need not be in it).
///
/// ```
/// use gws_onboarding::{strategy, PostalAddress};
/// use proptest::prelude::*;
///
/// proptest!(|(raw in strategy::postal_address_raw())| {
///     let address = PostalAddress::parse(&raw).unwrap();
///     prop_assert_eq!(address.postal_code(), raw.postal_code.trim());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn postal_address_raw() -> impl Strategy<Value = RawPostalAddress> {
    (
        (person_name(), last_name()),
        organization_name(),
        (1_u16..400, select(STREETS)),
        option::of("(Bâtiment|Floor|Unit) [0-9A-C]{1,2}"),
        option::of(select(CITIES)),
        option::of(select(REGIONS)),
        postal_code(),
        country_code(),
    )
        .prop_map(
            |((first, last), org, (number, street), line2, city, region, postal, country)| {
                RawPostalAddress {
                    contact_name: format!("{first} {last}"),
                    organization_name: org,
                    address_line1: format!("{number} {street}"),
                    address_line2: line2,
                    address_line3: None,
                    locality: city.map(str::to_owned),
                    region: region.map(str::to_owned),
                    postal_code: postal,
                    country_code: country.as_str().to_owned(),
                }
            },
        )
}

/// A valid phone number as typed: a country's example number (libphonenumber's) with its last
/// digits varied while the country's rules still accept it, in E.164, spaced, or with the trunk
/// prefix `(0)` after the code. Every country libphonenumber has rules for is drawn.
///
/// ```
/// use gws_onboarding::{strategy, PhoneNumber};
/// use proptest::prelude::*;
///
/// proptest!(|(typed in strategy::phone_number())| {
///     let phone = PhoneNumber::parse(&typed)?;
///     prop_assert_eq!(PhoneNumber::parse(phone.as_str())?, phone);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn phone_number() -> impl Strategy<Value = String> {
    let examples: Vec<PhoneNumber> = CountryCode::all()
        .filter_map(PhoneNumber::example)
        .collect();
    (select(examples), "[0-9]{1,3}", 0..3_u8).prop_filter_map(
        "the varied number is one the country assigns",
        |(example, tail, style)| {
            let e164 = example.as_str();
            let kept = e164.len().saturating_sub(tail.len()).max(3);
            let varied = PhoneNumber::parse(&format!("{}{tail}", &e164[..kept])).ok()?;
            let cc = varied.country_calling_code();
            let national = varied.national_number();
            let (a, b) = national.split_at(national.len().min(3));
            Some(match style {
                0 => varied.as_str().to_owned(),
                1 => format!("+{cc} {a} {b}"),
                _ => format!("+{cc} (0){a} {b}"),
            })
        },
    )
}

pub(super) fn optional_fields()
-> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    (
        option::of(phone_number()),
        option::of(select(LANGUAGES).prop_map(str::to_owned)),
        option::of("CRM-[0-9]{1,6}"),
    )
}

/// `(productFamily, edition, educationalInstitution)` for a domain customer.
pub(super) fn domain_product()
-> impl Strategy<Value = (String, Option<String>, Option<RawEducation>)> {
    // Only what Google sells: Essentials is refused (`eligibility.not_sold`).
    let workspace: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| {
            e.family() == ProductFamily::GoogleWorkspace && Product::Edition(*e).is_orderable()
        })
        .collect();
    let cloud_identity: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| e.family() == ProductFamily::CloudIdentity)
        .collect();
    let family = prop_oneof![
        3 => (select(vec!["", "google-workspace"]), option::of(select(workspace))),
        1 => (Just("cloud-identity"), option::of(select(cloud_identity))),
    ];
    (family, option::weighted(0.1, education()), education()).prop_map(
        |((family, edition), maybe_edu, edu)| {
            let education = if edition.is_some_and(Edition::is_education) {
                Some(edu)
            } else {
                maybe_edu
            };
            (
                family.to_owned(),
                edition.map(|e| e.as_str().to_owned()),
                education,
            )
        },
    )
}

pub(super) fn education() -> impl Strategy<Value = RawEducation> {
    (
        select(vec!["k12", "university", "University", " K12 "]),
        option::of(select(vec![
            "SIZE_1_100",
            "SIZE_101_500",
            "SIZE_501_1000",
            "SIZE_1001_2000",
            "SIZE_2001_5000",
            "SIZE_5001_10000",
            "SIZE_10001_OR_MORE",
        ])),
        option::of(primary_domain()),
    )
        .prop_map(|(kind, size, site)| RawEducation {
            institute_type: kind.to_owned(),
            institute_size: size.map(str::to_owned),
            website: site.map(|d| format!("https://www.{d}/")),
        })
}
