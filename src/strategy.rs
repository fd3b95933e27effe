//! Layer 7, strategy. [`proptest`](mod@proptest) strategies for your own property tests (feature `proptest`).
//!
//! Every valid value these strategies generate is accepted by this crate's parsers with the
//! default rules ([`Policy::default`]): domains are one or two LDH labels (1 to 20 characters,
//! never starting or ending with `-`, never an A-label) under a fixed list of ICANN suffixes
//! ([`SUFFIXES`]), never a special-use name (`example`, `test`, …) nor Google's consumer
//! domains. The near-miss strategies ([`invalid_form`], [`invalid_order_form`],
//! [`invalid_domain`], [`invalid_email`]) apply exactly one mistake a salesperson makes and tell
//! you the violation it must produce.
//!
//! | strategy | value |
//! |---|---|
//! | [`primary_domain`] | a [`PrimaryDomain`] |
//! | [`domain_string`] | a non-canonical spelling (case, trailing dot, spaces) and its [`PrimaryDomain`] |
//! | [`email_address`](fn@email_address), [`email_string`] | an [`EmailAddress`] (with its raw spelling) |
//! | [`email_in`], [`email_outside`] | an address in a given domain (a valid Google username), or in another registrable domain |
//! | [`country_code`], [`postal_address_raw`] | a [`CountryCode`], a valid [`RawPostalAddress`] |
//! | [`domain_customer_form`], [`team_customer_form`], [`onboarding_form`] | a valid [`OnboardingForm`] |
//! | [`customer`] | a [`Customer`], validated from a generated form |
//! | [`invalid_form`] | a form with one mistake and the [`Expected`] violation |
//! | [`invalid_domain`], [`invalid_email`] | a near-miss string and the code its parser returns |
//! | [`raw_order_for`], [`order_form`], [`customer_with_order`] | a valid first order for a customer, a valid form with one, a [`Customer`] carrying one |
//! | [`invalid_order_form`] | a form whose order has one mistake, and the [`Expected`] violation on its `order.*` field |
//!
//! # Example: your own property test
//!
//! Say your CRM import maps a [`Customer`] into your own record type and back. State the law
//! once and let the strategies find the customers that break it:
//!
//! ```
//! use gws_onboarding::strategy;
//! use gws_onboarding::{Customer, form::{self, OnboardingForm, Policy}};
//! use proptest::prelude::*;
//!
//! /// The reseller's own CRM record.
//! #[derive(Debug, PartialEq)]
//! struct CrmRecord { account: String, domain: String, admin: String, country: String }
//!
//! fn to_record(c: &Customer) -> CrmRecord {
//!     CrmRecord {
//!         account: c.organization_name().to_string(),
//!         domain: c.domain().to_string(),
//!         admin: c.admin().email().to_string(),
//!         country: c.postal_address().country_code().to_string(),
//!     }
//! }
//!
//! /// Back to a form, e.g. to re-validate a record edited in the CRM.
//! fn to_form(r: &CrmRecord, template: &OnboardingForm) -> OnboardingForm {
//!     let mut f = template.clone();
//!     f.organization_name = r.account.clone();
//!     f.domain = r.domain.clone();
//!     f.admin.email = r.admin.clone();
//!     f.postal_address.country_code = r.country.clone();
//!     f
//! }
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(32))]
//!     // `#[test]` here in your own test file (a doctest calls the function itself).
//!     fn crm_round_trip(form in strategy::onboarding_form()) {
//!         let customer = form::validate(&form, &Policy::default()).unwrap();
//!         let record = to_record(&customer);
//!         let again = form::validate(&to_form(&record, &form), &Policy::default()).unwrap();
//!         prop_assert_eq!(to_record(&again), record);
//!     }
//! }
//! # crm_round_trip();
//! ```
//!
//! And a near miss must be caught by your pipeline with the same field and code:
//!
//! ```
//! use gws_onboarding::strategy;
//! use gws_onboarding::form::{self, Policy};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(32))]
//!     // `#[test]` here in your own test file.
//!     fn import_refuses_near_misses((form, expected) in strategy::invalid_form()) {
//!         let report = form::validate(&form, &Policy::default()).unwrap_err();
//!         prop_assert!(report.errors().any(|v| v.field() == expected.field && v.code() == expected.code));
//!     }
//! }
//! # import_refuses_near_misses();
//! ```

use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::customer::{Customer, CustomerKind};
use crate::form::{self, InputProblems, OnboardingForm, Policy, RawAdmin, RawEducation, RawOrder};
use crate::order::{
    MAX_DEAL_CODE_CHARS, MAX_PURCHASE_ORDER_ID_CHARS, MAX_SEATS, MAX_TRIAL_SEATS, OrderField, Plan,
};
use crate::product::{Addon, Edition, Product, ProductFamily, StorageSize};
use crate::suffix::{Section, SuffixList};
use crate::{CountryCode, EmailAddress, PrimaryDomain, RawPostalAddress};

/// The public suffixes generated domains are registered under: ICANN suffixes with no wildcard
/// rule below them.
///
/// ```
/// use gws_onboarding::{SuffixList, strategy::SUFFIXES};
/// for suffix in SUFFIXES {
///     assert_eq!(SuffixList::embedded().lookup(&format!("acme.{suffix}")).suffix(), *suffix);
/// }
/// ```
pub const SUFFIXES: &[&str] = &[
    "com", "net", "org", "io", "fr", "de", "nl", "be", "ch", "it", "es", "se", "pl", "eu", "ca",
    "dev", "app", "co.uk", "org.uk", "com.au", "co.nz", "com.br", "co.jp",
];

/// Labels never generated: special-use names, Google's consumer domains and `www`.
const RESERVED_LABELS: &[&str] = &[
    "www",
    "example",
    "test",
    "invalid",
    "localhost",
    "local",
    "onion",
    "alt",
    "arpa",
    "internal",
    "gmail",
    "googlemail",
];

/// Top-level names that are not in the Public Suffix List.
const UNKNOWN_TLDS: &[&str] = &["notatld", "corp", "lan", "zzz", "intranet"];

/// Country codes that are not assigned ISO 3166-1 alpha-2 codes.
const UNASSIGNED_COUNTRIES: &[&str] = &["XX", "ZZ", "AA", "QM", "UK", "EU", "XK", "zz", "Uk"];

const FIRST_NAMES: &[&str] = &[
    "Jeanne",
    "Sam",
    "Zoë",
    "José",
    "Łukasz",
    "Mary-Jane",
    "Aoife",
    "Chloé",
    "Jürgen",
    "Li",
];
const LAST_NAMES: &[&str] = &[
    "Martin",
    "Keller",
    "O'Brien",
    "Nguyễn",
    "Müller",
    "García López",
    "de Vries",
    "Kowalski",
];
const ORG_WORDS: &[&str] = &[
    "Acme",
    "Studio",
    "Nord",
    "Widgets",
    "Atelier",
    "Bäckerei",
    "Blue",
    "Harbour",
    "Data",
    "Café",
];
const ORG_FORMS: &[&str] = &["SAS", "GmbH", "Ltd", "B.V.", "Inc.", "S.L.", "", "& Co"];
const STREETS: &[&str] = &[
    "rue de la Paix",
    "Holstenstraße",
    "High Street",
    "Keizersgracht",
    "Calle Mayor",
    "Main St",
];
const CITIES: &[&str] = &[
    "Paris",
    "Hamburg",
    "London",
    "Amsterdam",
    "Madrid",
    "Zürich",
];
const REGIONS: &[&str] = &[
    "Île-de-France",
    "Bayern",
    "Greater London",
    "Noord-Holland",
    "CA",
];
const LANGUAGES: &[&str] = &[
    "en",
    "en-US",
    "en-GB",
    "fr",
    "fr-FR",
    "de",
    "de-CH",
    "nl",
    "es-419",
    "pt-BR",
    "zh-Hant-TW",
    "ja",
];
const CALLING_CODES: &[&str] = &["1", "33", "44", "49", "31", "32", "34", "39", "41", "61"];
const SPACES: &[&str] = &["", "", " ", "  ", "\t"];

/// One LDH label, 1 to 20 characters, lowercase, never reserved, never `xn--` nor another
/// label with `--` in third and fourth position (reserved by RFC 5891).
fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?".prop_filter("reserved label", |l| {
        !RESERVED_LABELS.contains(&l.as_str()) && l.get(2..4) != Some("--")
    })
}

/// Whether `name` is registered under one of [`SUFFIXES`] with `registrable` as its ICANN
/// registrable domain: `label.suffix` may itself be a suffix (`co.com`, `asso.fr`) or have
/// deeper rules below it, and those are not registrable names.
fn registered_as(name: &str, registrable: &str) -> bool {
    let found = SuffixList::embedded().lookup(name);
    found.section() == Some(Section::Icann) && found.registrable() == Some(registrable)
}

/// Uppercases the ASCII letters of `s` whose index bit is set in `mask`.
fn spell_case(s: &str, mask: u64) -> String {
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
fn must_parse_domain(name: &str) -> PrimaryDomain {
    PrimaryDomain::parse(name)
        .unwrap_or_else(|e| panic!("generated domain {name:?} is refused: {e} (a crate bug)"))
}

#[track_caller]
fn must_parse_email(address: &str) -> EmailAddress {
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
struct Spelling {
    mask: u64,
    trailing_dot: bool,
    before: &'static str,
    after: &'static str,
}

impl Spelling {
    fn apply(&self, canonical: &impl AsRef<str>) -> String {
        let dot = if self.trailing_dot { "." } else { "" };
        let cased = spell_case(canonical.as_ref(), self.mask);
        format!("{}{cased}{dot}{}", self.before, self.after)
    }
}

fn spelling() -> impl Strategy<Value = Spelling> {
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
fn username() -> impl Strategy<Value = String> {
    "[a-z0-9_'-]{1,10}(\\.[a-z0-9_'-]{1,10}){0,2}".prop_filter("reserved username", |u| {
        !crate::email::RESERVED_USERNAMES
            .iter()
            .any(|r| u.eq_ignore_ascii_case(r))
    })
}

/// A `+tag` sub-address, or nothing.
fn plus_tag() -> impl Strategy<Value = String> {
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

fn person_name() -> impl Strategy<Value = String> {
    select(FIRST_NAMES).prop_map(str::to_owned)
}

fn last_name() -> impl Strategy<Value = String> {
    select(LAST_NAMES).prop_map(str::to_owned)
}

/// An organisation name: one to three words and a legal form, single-spaced.
fn organization_name() -> impl Strategy<Value = String> {
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

fn postal_code() -> impl Strategy<Value = String> {
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

/// A phone number as typed: `+`, a calling code, 8 to 10 national digits, spaced or not.
fn phone() -> impl Strategy<Value = String> {
    (select(CALLING_CODES), "[1-9][0-9]{7,9}", any::<bool>()).prop_map(|(cc, national, spaced)| {
        if spaced {
            let (a, b) = national.split_at(3);
            format!("+{cc} {a} {b}")
        } else {
            format!("+{cc}{national}")
        }
    })
}

fn optional_fields() -> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    (
        option::of(phone()),
        option::of(select(LANGUAGES).prop_map(str::to_owned)),
        option::of("CRM-[0-9]{1,6}"),
    )
}

/// `(productFamily, edition, educationalInstitution)` for a domain customer.
fn domain_product() -> impl Strategy<Value = (String, Option<String>, Option<RawEducation>)> {
    let workspace: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| e.family() == ProductFamily::GoogleWorkspace)
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

fn education() -> impl Strategy<Value = RawEducation> {
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

/// Valid domain customers: any product family and edition a domain customer may order, the
/// domain spelled loosely, a super admin in it, a secondary address in another registrable
/// domain, a postal address whose organisation and contact may be left blank (they are taken
/// from the form).
///
/// ```
/// use gws_onboarding::{strategy, CustomerKind, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::domain_customer_form())| {
///     let outcome = form::check(&form, &Policy::default());
///     prop_assert!(outcome.report().is_empty(), "{}", outcome.report());
///     prop_assert_eq!(outcome.customer().unwrap().kind(), CustomerKind::Domain);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn domain_customer_form() -> impl Strategy<Value = OnboardingForm> {
    let contacts = domain_string().prop_flat_map(|(raw, domain)| {
        (
            Just(raw),
            email_in(&domain),
            email_outside(&domain),
            spelling(),
            spelling(),
        )
    });
    (
        select(vec!["domain", "Domain", " DOMAIN "]),
        domain_product(),
        organization_name(),
        contacts,
        (person_name(), last_name()),
        (postal_address_raw(), any::<bool>(), any::<bool>()),
        optional_fields(),
    )
        .prop_map(
            |(
                kind,
                (family, edition, education),
                organization_name,
                (domain, admin, secondary, admin_spelling, secondary_spelling),
                (first, last),
                (mut postal_address, blank_org, blank_contact),
                (phone_number, language_code, crm_id),
            )| {
                if blank_org {
                    postal_address.organization_name = String::new();
                }
                if blank_contact {
                    postal_address.contact_name = String::new();
                }
                OnboardingForm {
                    customer_type: kind.to_owned(),
                    product_family: family,
                    edition,
                    educational_institution: education,
                    organization_name,
                    domain,
                    postal_address,
                    phone_number,
                    admin: RawAdmin {
                        email: admin_spelling.apply(&admin),
                        first_name: Some(first),
                        last_name: Some(last),
                    },
                    secondary_email: Some(secondary_spelling.apply(&secondary)),
                    language_code,
                    crm_id,
                    has_workspace_for_nonprofits: false,
                    has_legacy_free_edition: false,
                    order: None,
                    input_problems: InputProblems::default(),
                }
            },
        )
}

/// Valid team customers: an Essentials-family edition, a business admin address (with a
/// `+tag` at times) whose domain is the customer's, the domain field blank or that domain
/// spelled loosely, optional names and secondary address.
///
/// ```
/// use gws_onboarding::{strategy, CustomerKind, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::team_customer_form())| {
///     let customer = form::validate(&form, &Policy::default()).unwrap();
///     prop_assert_eq!(customer.kind(), CustomerKind::Team);
///     prop_assert_eq!(customer.domain().as_str(), customer.admin().email().domain());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn team_customer_form() -> impl Strategy<Value = OnboardingForm> {
    let essentials: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| e.is_essentials_family())
        .collect();
    let contacts = primary_domain().prop_flat_map(|domain| {
        (
            (username(), plus_tag(), Just(domain.clone())),
            option::of(email_outside(&domain)),
            (spelling(), spelling(), spelling()),
            any::<bool>(),
        )
    });
    (
        select(vec!["team", "Team", " TEAM "]),
        (select(vec!["", "google-workspace"]), select(essentials)),
        organization_name(),
        contacts,
        (option::of(person_name()), option::of(last_name())),
        (postal_address_raw(), any::<bool>(), any::<bool>()),
        optional_fields(),
    )
        .prop_map(
            |(
                kind,
                (family, edition),
                organization_name,
                ((user, tag, domain), secondary, (admin_sp, domain_sp, secondary_sp), fill_domain),
                (first_name, last_name),
                (mut postal_address, blank_org, blank_contact),
                (phone_number, language_code, crm_id),
            )| {
                if blank_org {
                    postal_address.organization_name = String::new();
                }
                // A blank contact is taken from the admin's names: only when there is one.
                if blank_contact && first_name.is_some() {
                    postal_address.contact_name = String::new();
                }
                OnboardingForm {
                    customer_type: kind.to_owned(),
                    product_family: family.to_owned(),
                    edition: Some(edition.as_str().to_owned()),
                    educational_institution: None,
                    organization_name,
                    domain: if fill_domain {
                        domain_sp.apply(&domain)
                    } else {
                        String::new()
                    },
                    postal_address,
                    phone_number,
                    admin: RawAdmin {
                        email: admin_sp.apply(&format!("{user}{tag}@{domain}")),
                        first_name,
                        last_name,
                    },
                    secondary_email: secondary.map(|s| secondary_sp.apply(&s)),
                    language_code,
                    crm_id,
                    has_workspace_for_nonprofits: false,
                    has_legacy_free_edition: false,
                    order: None,
                    input_problems: InputProblems::default(),
                }
            },
        )
}

/// Valid forms, domain customers (three in four) or team customers.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::onboarding_form())| {
///     prop_assert!(form::validate(&form, &Policy::default()).is_ok());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn onboarding_form() -> impl Strategy<Value = OnboardingForm> {
    prop_oneof![3 => domain_customer_form(), 1 => team_customer_form()]
}

#[track_caller]
fn must_validate(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|report| {
        panic!("generated form is refused (a crate bug):\n{report}\n{form:#?}")
    })
}

/// Valid customers, validated from [`onboarding_form`].
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::strategy;
/// use proptest::prelude::*;
///
/// proptest!(|(customer in strategy::customer())| {
///     prop_assert!(customer.admin().email().domain().ends_with(customer.domain().as_str()));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn customer() -> impl Strategy<Value = Customer> {
    onboarding_form().prop_map(|form| must_validate(&form))
}

/// The violation a near-miss form must produce: exactly one error, with this field and code.
/// Warnings are never expected.
///
/// ```
/// use gws_onboarding::{form::{self, Policy}, strategy};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let tree = strategy::invalid_form().new_tree(&mut runner).map_err(|e| e.to_string())?;
/// let (form, expected) = tree.current();
/// let report = form::validate(&form, &Policy::default()).unwrap_err();
/// let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
/// assert_eq!(errors, [(expected.field, expected.code)], "{}", expected.mutation);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expected {
    /// A name for the mistake, e.g. `secondary_in_primary_domain`.
    pub mutation: &'static str,
    /// The field path the violation names, e.g. `secondaryEmail`.
    pub field: &'static str,
    /// The violation's code, e.g. `rule.secondary_in_primary_domain`.
    pub code: &'static str,
}

impl Expected {
    const fn new(mutation: &'static str, field: &'static str, code: &'static str) -> Self {
        Expected {
            mutation,
            field,
            code,
        }
    }
}

/// A valid form and its primary domain.
fn domain_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    domain_customer_form().prop_map(with_domain)
}

fn any_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    onboarding_form().prop_map(with_domain)
}

fn team_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    team_customer_form().prop_map(with_domain)
}

fn with_domain(form: OnboardingForm) -> (OnboardingForm, PrimaryDomain) {
    let domain = must_validate(&form).domain().clone();
    (form, domain)
}

/// `user@host`, made different from `avoid` (another address of the form) if it happens to be it.
fn distinct_address(user: &str, host: &str, avoid: Option<&str>) -> String {
    let address = format!("{user}@{host}");
    let same = avoid
        .and_then(|a| EmailAddress::parse(a).ok())
        .is_some_and(|a| EmailAddress::parse(&address).is_ok_and(|b| a == b));
    if same {
        format!("{user}0@{host}")
    } else {
        address
    }
}

/// Keeps the postal address's organisation name when the form's is about to break.
fn pin_postal_organization(form: &mut OnboardingForm) {
    if form.postal_address.organization_name.trim().is_empty() {
        form.postal_address
            .organization_name
            .clone_from(&form.organization_name);
    }
}

type NearMiss = (OnboardingForm, Expected);

fn secondary_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        // In the primary domain, spelled loosely (case, trailing dot).
        (any_base(), username(), spelling())
            .prop_map(|((mut form, domain), user, spell)| {
                let host = spell.apply(&domain);
                let address = distinct_address(&user, host.trim(), Some(&form.admin.email));
                form.secondary_email = Some(address);
                (
                    form,
                    Expected::new(
                        "secondary_in_primary_domain",
                        "secondaryEmail",
                        "rule.secondary_in_primary_domain",
                    ),
                )
            })
            .boxed(),
        // In a subdomain of the primary domain.
        (any_base(), username(), label(), spelling())
            .prop_map(|((mut form, domain), user, sub, spell)| {
                let host = spell.apply(&format!("{sub}.{domain}"));
                form.secondary_email = Some(format!("{user}@{}", host.trim()));
                (
                    form,
                    Expected::new(
                        "secondary_in_primary_subdomain",
                        "secondaryEmail",
                        "rule.secondary_in_primary_domain",
                    ),
                )
            })
            .boxed(),
        (any_base(), spelling())
            .prop_map(|((mut form, _), spell)| {
                let admin = spell.apply(&must_parse_email(&form.admin.email));
                form.secondary_email = Some(admin);
                (
                    form,
                    Expected::new(
                        "secondary_equals_admin",
                        "secondaryEmail",
                        "rule.secondary_equals_admin",
                    ),
                )
            })
            .boxed(),
        (domain_base(), select(vec![None, Some(""), Some("   ")]))
            .prop_map(|((mut form, _), blank)| {
                form.secondary_email = blank.map(str::to_owned);
                (
                    form,
                    Expected::new("missing_secondary", "secondaryEmail", "form.required"),
                )
            })
            .boxed(),
    ]
}

fn admin_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (
            domain_base(),
            username(),
            primary_domain(),
            label(),
            any::<bool>(),
        )
            .prop_map(|((mut form, domain), user, other, sub, in_subdomain)| {
                let host = if in_subdomain {
                    format!("{sub}.{domain}")
                } else {
                    other.to_string()
                };
                let host = if host == domain.as_str() {
                    format!("{sub}.{domain}")
                } else {
                    host
                };
                form.admin.email = distinct_address(&user, &host, form.secondary_email.as_deref());
                (
                    form,
                    Expected::new(
                        "admin_outside_primary_domain",
                        "admin.email",
                        "rule.admin_outside_primary_domain",
                    ),
                )
            })
            .boxed(),
        (domain_base(), username(), "[+=][a-z0-9]{1,8}")
            .prop_map(|((mut form, domain), user, tag)| {
                form.admin.email = format!("{user}{tag}@{domain}");
                (
                    form,
                    Expected::new("admin_username", "admin.email", "rule.admin_username"),
                )
            })
            .boxed(),
        (
            team_base(),
            username(),
            select(vec!["gmail.com", "GMail.com", "googlemail.com"]),
        )
            .prop_map(|((mut form, _), user, consumer)| {
                form.admin.email = format!("{user}@{consumer}");
                (
                    form,
                    Expected::new(
                        "team_consumer_admin",
                        "admin.email",
                        "eligibility.consumer_email",
                    ),
                )
            })
            .boxed(),
    ]
}

fn domain_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        domain_base()
            .prop_map(|(mut form, domain)| {
                form.domain = format!("www.{domain}");
                (form, Expected::new("www", "domain", "domain.www"))
            })
            .boxed(),
        (domain_base(), invalid_domain())
            .prop_map(|((mut form, _), (raw, code))| {
                form.domain = raw;
                // A blank domain is not a malformed one: the customer has none.
                if code == "domain.empty" {
                    let expected = Expected::new(
                        "domain_missing",
                        "domain",
                        "eligibility.no_registered_domain",
                    );
                    return (form, expected);
                }
                let expected = DOMAIN_CODES
                    .iter()
                    .find(|&&(_, c)| c == code)
                    .map_or(Expected::new("domain", "domain", code), |&(m, c)| {
                        Expected::new(m, "domain", c)
                    });
                (form, expected)
            })
            .boxed(),
    ]
}

/// Mistake names for each domain code [`invalid_domain`] produces.
const DOMAIN_CODES: &[(&str, &str)] = &[
    ("domain_empty", "domain.empty"),
    ("url_as_domain", "domain.url"),
    ("email_as_domain", "domain.email"),
    ("www", "domain.www"),
    ("consumer_domain", "domain.consumer"),
    ("public_suffix", "domain.public_suffix"),
    ("unknown_tld", "domain.unknown_tld"),
    ("idn_domain", "domain.idn"),
    ("special_use_domain", "domain.special_use"),
    ("domain_invalid_char", "domain.invalid_char"),
    ("domain_empty_label", "domain.empty_label"),
    ("domain_hyphen", "domain.hyphen"),
    ("domain_label_too_long", "domain.label_too_long"),
    ("domain_ip", "domain.ip"),
    ("domain_single_label", "domain.single_label"),
];

fn eligibility_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    let not_for_teams: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| {
            e.family() == ProductFamily::GoogleWorkspace
                && !e.is_essentials_family()
                && !e.is_education()
        })
        .collect();
    vec![
        any_base()
            .prop_map(|(mut form, _)| {
                form.has_workspace_for_nonprofits = true;
                (
                    form,
                    Expected::new(
                        "has_nonprofits",
                        "hasWorkspaceForNonprofits",
                        "eligibility.nonprofits",
                    ),
                )
            })
            .boxed(),
        any_base()
            .prop_map(|(mut form, _)| {
                form.has_legacy_free_edition = true;
                (
                    form,
                    Expected::new(
                        "has_legacy_free_edition",
                        "hasLegacyFreeEdition",
                        "eligibility.legacy_free_edition",
                    ),
                )
            })
            .boxed(),
        (team_base(), select(not_for_teams))
            .prop_map(|((mut form, _), edition)| {
                form.edition = Some(edition.as_str().to_owned());
                (
                    form,
                    Expected::new("team_edition", "edition", "eligibility.team_edition"),
                )
            })
            .boxed(),
    ]
}

fn other_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (any_base(), select(UNASSIGNED_COUNTRIES))
            .prop_map(|((mut form, _), country)| {
                country.clone_into(&mut form.postal_address.country_code);
                (
                    form,
                    Expected::new(
                        "country_unassigned",
                        "postalAddress.countryCode",
                        "country.unassigned",
                    ),
                )
            })
            .boxed(),
        (any_base(), "[1-9][0-9]{7,10}", any::<bool>())
            .prop_map(|((mut form, _), digits, national)| {
                let prefix = if national { "0" } else { "" };
                form.phone_number = Some(format!("{prefix}{digits}"));
                (
                    form,
                    Expected::new("phone_without_plus", "phoneNumber", "phone.missing_plus"),
                )
            })
            .boxed(),
        (any_base(), select(vec!["", " ", "\t \n"]))
            .prop_map(|((mut form, _), blank)| {
                pin_postal_organization(&mut form);
                blank.clone_into(&mut form.organization_name);
                (
                    form,
                    Expected::new(
                        "empty_organization_name",
                        "organizationName",
                        "form.required",
                    ),
                )
            })
            .boxed(),
        (any_base(), 256_usize..300)
            .prop_map(|((mut form, _), len)| {
                pin_postal_organization(&mut form);
                let long: String = form.organization_name.chars().cycle().take(len).collect();
                // Collapsed white space must not bring it back under the limit.
                form.organization_name = long.replace(' ', "x");
                (
                    form,
                    Expected::new(
                        "long_organization_name",
                        "organizationName",
                        "text.too_long",
                    ),
                )
            })
            .boxed(),
    ]
}

/// Near-miss forms: a valid form from [`onboarding_form`] with exactly one mistake, and the
/// [`Expected`] violation. The mistakes: secondary address in the primary domain or a
/// subdomain of it (spelled with another case or a trailing dot), secondary equal to the
/// admin, secondary missing for a domain customer; admin outside the primary domain, admin
/// username with `+` or `=`, a team admin with a Gmail address; a `www.` domain, a URL, an
/// email address, `gmail.com`, a public suffix, an unknown TLD, an IDN, a special-use name and
/// the other [`invalid_domain`] cases as the domain; Google Workspace for Nonprofits, the
/// legacy free edition, a team with a Business, Enterprise or Frontline edition; an
/// unassigned country, a phone without `+`, an empty or over-long organisation name.
///
/// # Panics
///
/// When this crate refuses the valid form a mistake is made in: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, Severity, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|((form, expected) in strategy::invalid_form())| {
///     let report = form::validate(&form, &Policy::default()).unwrap_err();
///     let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
///     prop_assert!(errors.contains(&(expected.field, expected.code)), "{expected:?}: {report}");
///     prop_assert_eq!(errors.len(), 1, "{:?}: {}", expected, report);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_form() -> impl Strategy<Value = (OnboardingForm, Expected)> {
    let all: Vec<BoxedStrategy<NearMiss>> = [
        secondary_mistakes(),
        admin_mistakes(),
        domain_mistakes(),
        eligibility_mistakes(),
        other_mistakes(),
    ]
    .into_iter()
    .flatten()
    .collect();
    proptest::strategy::Union::new(all)
}

/// The products a customer may order first, with no other violation: the form's edition and,
/// on top of a Google Workspace edition, additional storage; without an edition, any edition
/// of the customer's family that its kind and education box allow. Never Vault: a new
/// customer's domain is not verified yet.
fn products_for(customer: &Customer) -> Vec<Product> {
    match customer.edition() {
        Some(edition) => {
            let mut products = vec![Product::Edition(edition)];
            if edition.family() == ProductFamily::GoogleWorkspace {
                products.extend(StorageSize::ALL.map(|s| Product::Addon(Addon::Storage(s))));
            }
            products
        }
        None => Edition::ALL
            .into_iter()
            .filter(|e| {
                e.family() == customer.product_family()
                    && (!e.is_education() || customer.education().is_some())
                    && (customer.kind() == CustomerKind::Domain || e.is_essentials_family())
            })
            .map(Product::Edition)
            .collect(),
    }
}

/// The most seats a valid order of `product` on `plan` has here: a trial's 10, Cloud Identity
/// Free's 50, else 5000.
fn seat_max(product: Product, plan: Plan) -> u32 {
    let edition_max = match product {
        Product::Edition(edition) => edition.max_seats(),
        Product::Addon(_) => None,
    };
    let max = edition_max.unwrap_or(5000);
    if plan == Plan::Trial {
        max.min(MAX_TRIAL_SEATS)
    } else {
        max
    }
}

/// Spellings of a seat count that read as it: `25`, ` 25 `, `25.0`, `2.5e1`-like.
fn seats_text(seats: u32) -> impl Strategy<Value = String> {
    select(vec![0_u8, 0, 1, 2, 3]).prop_map(move |how| match how {
        1 => format!(" {seats} "),
        2 => format!("{seats}.0"),
        3 => format!("{seats}0e-1"),
        _ => seats.to_string(),
    })
}

/// Spellings of a plan: the crate's name, Google's, in another case; the default plan also
/// left out.
fn plan_text(plan: Plan) -> impl Strategy<Value = Option<String>> {
    let mut spellings = vec![
        Some(plan.as_str().to_owned()),
        Some(plan.reseller_plan_name().to_owned()),
        Some(plan.as_str().to_uppercase().replace('-', " ")),
    ];
    if plan == Plan::default() {
        spellings.extend([None, Some(String::new())]);
    }
    select(spellings)
}

/// Optional purchase order number, deal code and Channel offer, all valid.
fn order_extras() -> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    (
        option::of("[A-Za-z0-9][A-Za-z0-9 /#-]{0,78}[A-Za-z0-9]"),
        option::of("[A-Z0-9][A-Z0-9-]{0,98}[A-Z0-9]"),
        option::of(("[A-Za-z0-9_-]{1,20}", "[A-Za-z0-9_-]{1,20}"))
            .prop_map(|ids| ids.map(|(a, o)| format!("accounts/{a}/offers/{o}"))),
    )
}

/// A valid raw order of `product` on `plan` with `seats`, spelled loosely.
fn raw_order(product: Product, plan: Plan, seats: u32) -> impl Strategy<Value = RawOrder> {
    (seats_text(seats), plan_text(plan), order_extras()).prop_map(
        move |(seats, plan, (purchase_order_id, deal_code, offer))| RawOrder {
            product: product.as_str().to_owned(),
            seats: Some(seats),
            plan,
            purchase_order_id,
            deal_code,
            offer,
        },
    )
}

/// Valid raw orders for `customer`: a product it may order first (its form's edition, storage
/// on top of a Google Workspace edition, or an edition its kind allows when the form names
/// none), a plan Google sells the product on, 1 to the plan's and edition's seat limit, and
/// valid optional values.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, OnboardingForm, Policy}};
/// use proptest::prelude::*;
///
/// let customer = form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())?;
/// proptest!(|(order in strategy::raw_order_for(&customer))| {
///     let mut form = OnboardingForm::sample_team_customer();
///     form.order = Some(order);
///     let customer = form::validate(&form, &Policy::default()).unwrap();
///     prop_assert!(customer.order().is_some());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn raw_order_for(customer: &Customer) -> impl Strategy<Value = RawOrder> + use<> {
    // Boxed at each level: the nested trees would otherwise fill a test thread's stack.
    select(products_for(customer))
        .prop_flat_map(|product| (Just(product), select(Plan::offered_for(product))))
        .boxed()
        .prop_flat_map(|(product, plan)| {
            (1..=seat_max(product, plan))
                .prop_flat_map(move |seats| raw_order(product, plan, seats))
                .boxed()
        })
        .boxed()
}

/// Valid forms from [`onboarding_form`] with a valid `order` from [`raw_order_for`].
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|(form in strategy::order_form())| {
///     let outcome = form::check(&form, &Policy::default());
///     prop_assert!(outcome.report().is_empty(), "{}", outcome.report());
///     prop_assert!(outcome.customer().and_then(|c| c.order()).is_some());
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn order_form() -> impl Strategy<Value = OnboardingForm> {
    onboarding_form()
        .boxed()
        .prop_flat_map(|form| {
            let order = raw_order_for(&must_validate(&form));
            (Just(form), order)
        })
        .prop_map(|(mut form, order)| {
            form.order = Some(order);
            form
        })
        .boxed()
}

/// Valid customers with their first order, validated from [`order_form`]: what a journey
/// that creates a customer and orders for it starts from.
///
/// # Panics
///
/// When this crate refuses a generated form: a bug in the crate.
///
/// ```
/// use gws_onboarding::strategy;
/// use proptest::prelude::*;
///
/// proptest!(|(customer in strategy::customer_with_order())| {
///     let order = customer.order().unwrap();
///     prop_assert!(order.seats() >= 1);
///     prop_assert!(order.plan().is_offered_for(order.product()));
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn customer_with_order() -> impl Strategy<Value = Customer> {
    order_form().prop_map(|form| must_validate(&form))
}

/// A valid form with a valid order of `product` on `plan` with `seats`, and no other value
/// than those.
fn with_order(
    mut form: OnboardingForm,
    product: Product,
    plan: Plan,
    seats: u32,
) -> OnboardingForm {
    form.order = Some(RawOrder {
        product: product.as_str().to_owned(),
        seats: Some(seats.to_string()),
        plan: Some(plan.as_str().to_owned()),
        ..RawOrder::default()
    });
    form
}

/// A valid order form and its valid order (see [`order_form`]).
fn order_base() -> BoxedStrategy<(OnboardingForm, RawOrder)> {
    order_form()
        .prop_map(|form| {
            let order = form.order.clone().unwrap_or_default();
            (form, order)
        })
        .boxed()
}

/// A valid domain customer of Cloud Identity Free with an order of it on the free plan.
fn cloud_identity_free_base() -> impl Strategy<Value = OnboardingForm> {
    domain_customer_form().prop_map(|mut form| {
        form.product_family = "cloud-identity".into();
        form.edition = Some(Edition::CloudIdentityFree.as_str().into());
        with_order(form, Edition::CloudIdentityFree.into(), Plan::Free, 1)
    })
}

/// A valid team customer of Essentials with an order of it on the flexible plan.
fn essentials_base() -> impl Strategy<Value = OnboardingForm> {
    team_customer_form().prop_map(|mut form| {
        form.edition = Some(Edition::Essentials.as_str().into());
        with_order(form, Edition::Essentials.into(), Plan::Flexible, 1)
    })
}

/// Sets the order of a form built by [`with_order`] or [`order_base`].
fn edit_order(mut form: OnboardingForm, edit: impl FnOnce(&mut RawOrder)) -> OnboardingForm {
    if let Some(order) = form.order.as_mut() {
        edit(order);
    }
    form
}

fn near(
    form: OnboardingForm,
    mutation: &'static str,
    field: OrderField,
    code: &'static str,
) -> NearMiss {
    (form, Expected::new(mutation, field.form_path(), code))
}

fn seat_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    let trial_products: Vec<Product> = Product::all()
        .filter(|p| Plan::Trial.is_offered_for(*p))
        .collect();
    vec![
        (domain_base(), select(trial_products), 11_u32..=5000)
            .prop_filter("not for this customer", |((form, _), product, _)| {
                products_for(&must_validate(form)).contains(product)
            })
            .prop_map(|((form, _), product, seats)| {
                let form = with_order(form, product, Plan::Trial, seats);
                near(form, "trial_seats", OrderField::Seats, "order.trial_seats")
            })
            .boxed(),
        (order_base(), select(vec!["0", " 0 ", "0.0", "-0"]))
            .prop_map(|((form, _), zero)| {
                let form = edit_order(form, |o| o.seats = Some(zero.to_owned()));
                near(form, "no_seats", OrderField::Seats, "order.no_seats")
            })
            .boxed(),
        (order_base(), 1_u32..100_000)
            .prop_map(|((form, _), n)| {
                let form = edit_order(form, |o| o.seats = Some(format!("-{n}")));
                near(
                    form,
                    "negative_seats",
                    OrderField::Seats,
                    "order.seats_negative",
                )
            })
            .boxed(),
        (order_base(), 0_u32..100, 1_u32..10)
            .prop_map(|((form, _), n, tenth)| {
                let form = edit_order(form, |o| o.seats = Some(format!("{n}.{tenth}")));
                near(
                    form,
                    "fractional_seats",
                    OrderField::Seats,
                    "order.seats_fractional",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "ten",
                "12 seats",
                "0x10",
                "1,000",
                "+",
                "25 licences",
                "∞",
            ]),
        )
            .prop_map(|((form, _), text)| {
                let form = edit_order(form, |o| o.seats = Some(text.to_owned()));
                near(
                    form,
                    "seats_not_a_number",
                    OrderField::Seats,
                    "order.seats_not_a_number",
                )
            })
            .boxed(),
        (order_base(), u64::from(MAX_SEATS) + 1..=u64::MAX)
            .prop_map(|((form, _), n)| {
                let form = edit_order(form, |o| o.seats = Some(n.to_string()));
                near(
                    form,
                    "too_many_seats",
                    OrderField::Seats,
                    "order.seats_too_large",
                )
            })
            .boxed(),
        (cloud_identity_free_base(), 51_u32..=100_000)
            .prop_map(|(form, n)| {
                let form = edit_order(form, |o| o.seats = Some(n.to_string()));
                near(
                    form,
                    "cloud_identity_free_seats",
                    OrderField::Seats,
                    "order.seat_limit",
                )
            })
            .boxed(),
        order_base()
            .prop_map(|(form, _)| {
                let form = edit_order(form, |o| o.seats = None);
                near(form, "missing_seats", OrderField::Seats, "form.required")
            })
            .boxed(),
    ]
}

fn plan_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        order_base()
            .prop_filter("Cloud Identity Free", |(_, order)| {
                order.product != Edition::CloudIdentityFree.as_str()
            })
            .prop_map(|(form, _)| {
                let form = edit_order(form, |o| o.plan = Some("FREE".into()));
                near(form, "free_plan", OrderField::Plan, "order.free_plan")
            })
            .boxed(),
        (
            cloud_identity_free_base(),
            select(vec![
                Plan::Flexible,
                Plan::AnnualMonthly,
                Plan::AnnualYearly,
                Plan::Trial,
            ]),
        )
            .prop_map(|(form, plan)| {
                let form = edit_order(form, |o| o.plan = Some(plan.as_str().into()));
                near(
                    form,
                    "paid_cloud_identity_free",
                    OrderField::Plan,
                    "order.plan_not_offered",
                )
            })
            .boxed(),
        (
            essentials_base(),
            select(vec![Plan::AnnualMonthly, Plan::AnnualYearly, Plan::Trial]),
        )
            .prop_map(|(form, plan)| {
                let form = edit_order(form, |o| o.plan = Some(plan.reseller_plan_name().into()));
                near(
                    form,
                    "essentials_not_flexible",
                    OrderField::Plan,
                    "order.plan_not_offered",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "monthly",
                "annual-weekly",
                "FLEX",
                "pay as you go",
                "yearly",
            ]),
        )
            .prop_map(|((form, _), plan)| {
                let form = edit_order(form, |o| o.plan = Some(plan.into()));
                near(form, "unknown_plan", OrderField::Plan, "order.unknown_plan")
            })
            .boxed(),
    ]
}

fn product_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (
            any_base(),
            select(vec![Addon::Vault, Addon::VaultFormerEmployee]),
            1_u32..500,
        )
            .prop_map(|((form, _), addon, seats)| {
                let form = with_order(form, addon.into(), Plan::Flexible, seats);
                near(
                    form,
                    "vault_before_verification",
                    OrderField::Product,
                    "order.verify_domain_first",
                )
            })
            .boxed(),
        (domain_customer_form(), select(StorageSize::ALL.to_vec()))
            .prop_map(|(mut form, size)| {
                form.product_family = "cloud-identity".into();
                form.edition = None;
                let form = with_order(form, Addon::Storage(size).into(), Plan::Flexible, 1);
                near(
                    form,
                    "storage_without_workspace",
                    OrderField::Product,
                    "order.needs_workspace",
                )
            })
            .boxed(),
        (order_base(), any::<prop::sample::Index>())
            .prop_filter_map("no edition to differ from", |((form, _), pick)| {
                let customer = must_validate(&form);
                let edition = customer.edition()?;
                let others: Vec<Edition> = Edition::ALL
                    .into_iter()
                    .filter(|e| {
                        *e != edition
                            && *e != Edition::CloudIdentityFree
                            && e.family() == edition.family()
                            && !e.is_education()
                            && (customer.kind() == CustomerKind::Domain || e.is_essentials_family())
                    })
                    .collect();
                if others.is_empty() {
                    return None;
                }
                let other = *pick.get(&others);
                let form = with_order(form, other.into(), Plan::Flexible, 1);
                Some(near(
                    form,
                    "edition_mismatch",
                    OrderField::Product,
                    "order.edition_mismatch",
                ))
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "business-premium",
                "vaulted",
                "storage-3tb",
                "nonprofits",
            ]),
        )
            .prop_map(|((form, _), name)| {
                let form = edit_order(form, |o| o.product = name.into());
                near(
                    form,
                    "unknown_product",
                    OrderField::Product,
                    "product.unknown",
                )
            })
            .boxed(),
        (order_base(), select(vec!["", " "]))
            .prop_map(|((form, _), blank)| {
                let form = edit_order(form, |o| o.product = blank.into());
                near(
                    form,
                    "missing_product",
                    OrderField::Product,
                    "form.required",
                )
            })
            .boxed(),
    ]
}

fn order_text_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
    vec![
        (
            order_base(),
            MAX_PURCHASE_ORDER_ID_CHARS + 1..2000,
            select(vec!["9", "é", "A-"]),
        )
            .prop_map(|((form, _), len, unit)| {
                let long: String = unit.chars().cycle().take(len).collect();
                let form = edit_order(form, |o| o.purchase_order_id = Some(long));
                near(
                    form,
                    "long_purchase_order_id",
                    OrderField::PurchaseOrderId,
                    "order.too_long",
                )
            })
            .boxed(),
        (order_base(), MAX_DEAL_CODE_CHARS + 1..2000)
            .prop_map(|((form, _), len)| {
                let form = edit_order(form, |o| o.deal_code = Some("D".repeat(len)));
                near(
                    form,
                    "long_deal_code",
                    OrderField::DealCode,
                    "order.too_long",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec!['\u{202e}', '\u{200b}', '\n', '\u{0}']),
        )
            .prop_map(|((form, _), c)| {
                let form = edit_order(form, |o| o.purchase_order_id = Some(format!("PO{c}1")));
                near(
                    form,
                    "purchase_order_id_unsafe_char",
                    OrderField::PurchaseOrderId,
                    "order.unsafe_char",
                )
            })
            .boxed(),
        (
            order_base(),
            select(vec![
                "offers/O1",
                "accounts/C01/offers/",
                "accounts//offers/O1",
                "accounts/C01/skus/O1",
                "accounts/C 1/offers/O1",
                "accounts/C01/offers/O1/",
                "https://cloudchannel.googleapis.com/v1/accounts/C01/offers/O1",
            ]),
        )
            .prop_map(|((form, _), offer)| {
                let form = edit_order(form, |o| o.offer = Some(offer.into()));
                near(
                    form,
                    "malformed_offer",
                    OrderField::Offer,
                    "order.offer_name",
                )
            })
            .boxed(),
    ]
}

/// Near-miss orders: a valid form with a valid order ([`order_form`]), or a customer built to
/// be able to make the mistake (Cloud Identity Free, Essentials), with exactly one mistake in
/// the order, and the [`Expected`] violation on its `order.*` field. The mistakes: a trial
/// of more than 10 seats, zero, negative, fractional, non-numeric, over-`int32` or missing
/// seats, 51 or more seats of Cloud Identity Free; the free plan for another product, a paid
/// plan or a trial for Cloud Identity Free, Essentials on an annual plan or a trial, an unknown
/// plan; Vault before the domain is verified, storage without a Google Workspace edition,
/// another edition than the form's, an unknown or a blank product; an over-long purchase order
/// number or deal code, an invisible character in the purchase order number, a malformed
/// offer name.
///
/// # Panics
///
/// When this crate refuses the valid form a mistake is made in: a bug in the crate.
///
/// ```
/// use gws_onboarding::{strategy, form::{self, Policy}};
/// use proptest::prelude::*;
///
/// proptest!(|((form, expected) in strategy::invalid_order_form())| {
///     let report = form::validate(&form, &Policy::default()).unwrap_err();
///     let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
///     prop_assert_eq!(errors, [(expected.field, expected.code)], "{}", expected.mutation);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_order_form() -> impl Strategy<Value = (OnboardingForm, Expected)> {
    let all: Vec<BoxedStrategy<NearMiss>> = [
        seat_mistakes(),
        plan_mistakes(),
        product_mistakes(),
        order_text_mistakes(),
    ]
    .into_iter()
    .flatten()
    .collect();
    proptest::strategy::Union::new(all)
}

/// Near-miss primary domains and the [`DomainError`](crate::DomainError) code
/// [`PrimaryDomain::parse`] must return: `www.`, a URL, an email address, a consumer domain, a
/// public suffix, an unknown TLD, an IDN (Unicode or `xn--`), a special-use name, `_` or a
/// space, an empty label, a hyphen at a label's edge or `--` in third and fourth position, a
/// 64-octet label, an IPv4 address, a single label, a blank string.
///
/// ```
/// use gws_onboarding::{strategy, PrimaryDomain};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, code) in strategy::invalid_domain())| {
///     prop_assert_eq!(PrimaryDomain::parse(&raw).unwrap_err().code(), code);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_domain() -> impl Strategy<Value = (String, &'static str)> {
    let d = || primary_domain().prop_map(|d| d.to_string());
    let idn_word = select(vec!["bücher", "café", "Münchën", "ñandú", "øre", "straße"]);
    prop_oneof![
        select(vec!["", "  ", "\t"]).prop_map(|s| (s.to_owned(), "domain.empty")),
        (
            d(),
            select(vec!["https://", "http://", ""]),
            select(vec!["/", "/contact", ":443", ""])
        )
            .prop_filter("not a URL", |(_, scheme, path)| !(scheme.is_empty()
                && path.is_empty()))
            .prop_map(|(d, scheme, path)| (format!("{scheme}{d}{path}"), "domain.url")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}@{d}"), "domain.email")),
        (d(), spelling()).prop_map(|(d, s)| (s.apply(&format!("www.{d}")), "domain.www")),
        select(vec![
            "gmail.com",
            "GMail.com",
            "googlemail.com",
            "mail.gmail.com"
        ])
        .prop_map(|s| (s.to_owned(), "domain.consumer")),
        select(vec![
            "co.uk",
            "com.au",
            "org.uk",
            "co.nz",
            "github.io",
            "blogspot.com"
        ])
        .prop_map(|s| (s.to_owned(), "domain.public_suffix")),
        (label(), select(UNKNOWN_TLDS))
            .prop_map(|(l, tld)| (format!("{l}.{tld}"), "domain.unknown_tld")),
        (
            idn_word,
            option::of(label()),
            select(SUFFIXES),
            any::<bool>()
        )
            .prop_map(|(word, l, suffix, a_label)| {
                let name = match l {
                    Some(l) => format!("{word}-{l}.{suffix}"),
                    None => format!("{word}.{suffix}"),
                };
                let name = if a_label {
                    idna::domain_to_ascii(&name).unwrap_or(name)
                } else {
                    name
                };
                (name, "domain.idn")
            }),
        (
            label(),
            select(vec![
                "test",
                "example",
                "invalid",
                "localhost",
                "local",
                "onion",
                "alt",
                "internal",
                "example.com",
                "example.net",
                "example.org",
                "home.arpa",
            ])
        )
            .prop_map(|(l, special)| (format!("{l}.{special}"), "domain.special_use")),
        (label(), label(), select(vec!["_", " "]), select(SUFFIXES))
            .prop_map(|(a, b, c, s)| (format!("{a}{c}{b}.{s}"), "domain.invalid_char")),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| (format!("{l}..{s}"), "domain.empty_label")),
        (label(), select(SUFFIXES), any::<bool>()).prop_map(|(l, s, front)| {
            let l = if front {
                format!("-{l}")
            } else {
                format!("{l}-")
            };
            (format!("{l}.{s}"), "domain.hyphen")
        }),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| {
            let long: String = l.chars().cycle().take(64).collect();
            let long = long.trim_end_matches('-').to_owned() + &"a".repeat(64);
            (format!("{}.{s}", &long[..64]), "domain.label_too_long")
        }),
        (any::<[u8; 4]>()).prop_map(|[a, b, c, e]| (format!("{a}.{b}.{c}.{e}"), "domain.ip")),
        (label(), select(SUFFIXES)).prop_map(|(l, s)| {
            // Reserved: `--` in third and fourth position (RFC 5891), other than `xn--`.
            let head: String = l.chars().chain("ab".chars()).take(2).collect();
            let head = if head == "xn" { "ab".to_owned() } else { head };
            (format!("{head}--{l}.{s}"), "domain.hyphen")
        }),
        // A lone TLD (`mx`) is a public suffix, not a single label.
        label()
            .prop_map(|l| format!("{l}x"))
            .prop_filter("a top-level domain", |l| {
                !SuffixList::embedded().lookup(l).is_known()
            })
            .prop_map(|l| (l, "domain.single_label")),
    ]
}

/// Near-miss email addresses and the [`EmailError`](crate::EmailError) code
/// [`EmailAddress::parse`] must return: no `@`, two `@`, a display name, a quoted local part,
/// a comment, a domain literal, `..` or an edge dot in the local part, a non-ASCII or over-long
/// local part, `_` in the domain, an IPv4 domain, a single-label domain, an unknown TLD, a
/// special-use domain, a blank string.
///
/// ```
/// use gws_onboarding::{strategy, EmailAddress};
/// use proptest::prelude::*;
///
/// proptest!(|((raw, code) in strategy::invalid_email())| {
///     prop_assert_eq!(EmailAddress::parse(&raw).unwrap_err().code(), code);
/// });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn invalid_email() -> impl Strategy<Value = (String, &'static str)> {
    let d = || primary_domain().prop_map(|d| d.to_string());
    prop_oneof![
        select(vec!["", "  "]).prop_map(|s| (s.to_owned(), "email.empty")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}{d}"), "email.missing_at")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}@{u}@{d}"), "email.multiple_at")),
        (username(), d(), person_name())
            .prop_map(|(u, d, n)| (format!("{n} <{u}@{d}>"), "email.display_name")),
        (username(), d()).prop_map(|(u, d)| (format!("\"{u} x\"@{d}"), "email.quoted")),
        (username(), d()).prop_map(|(u, d)| (format!("{u}(work)@{d}"), "email.comment")),
        username().prop_map(|u| (format!("{u}@[192.0.2.1]"), "email.domain_literal")),
        (
            label(),
            label(),
            d(),
            select(vec!["{a}..{b}", ".{a}", "{a}."])
        )
            .prop_map(|(a, b, d, shape)| {
                let local = shape.replace("{a}", &a).replace("{b}", &b);
                (format!("{local}@{d}"), "email.invalid_local")
            }),
        (username(), select(vec!["é", "ü", "ø"]), d())
            .prop_map(|(u, c, d)| (format!("{u}{c}@{d}"), "email.non_ascii_local")),
        (65_usize..80, d())
            .prop_map(|(n, d)| (format!("{}@{d}", "a".repeat(n)), "email.local_too_long")),
        (username(), label(), label(), select(SUFFIXES))
            .prop_map(|(u, a, b, s)| (format!("{u}@{a}_{b}.{s}"), "email.domain_invalid")),
        (username(), any::<[u8; 4]>())
            .prop_map(|(u, [a, b, c, e])| { (format!("{u}@{a}.{b}.{c}.{e}"), "email.domain_ip") }),
        (username(), label()).prop_map(|(u, l)| (format!("{u}@{l}x"), "email.domain_single_label")),
        (username(), label(), select(UNKNOWN_TLDS))
            .prop_map(|(u, l, t)| (format!("{u}@{l}.{t}"), "email.domain_unknown_tld")),
        (
            username(),
            label(),
            select(vec!["test", "invalid", "localhost", "example"])
        )
            .prop_map(|(u, l, t)| (format!("{u}@{l}.{t}"), "email.domain_special_use")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_icann_and_registrable_below() {
        for suffix in SUFFIXES {
            let name = format!("acme-widgets.{suffix}");
            assert!(registered_as(&name, &name), "{suffix}");
        }
        for tld in UNKNOWN_TLDS {
            assert!(
                !SuffixList::embedded()
                    .lookup(&format!("a.{tld}"))
                    .is_known()
            );
        }
        for code in UNASSIGNED_COUNTRIES {
            assert!(CountryCode::parse(code).is_err(), "{code}");
        }
    }

    #[test]
    fn spelling_keeps_the_name() {
        let spell = Spelling {
            mask: 0b101,
            trailing_dot: true,
            before: " ",
            after: "\t",
        };
        assert_eq!(spell.apply(&"acme.fr"), " AcMe.fr.\t");
    }
}
