//! Layer 7, strategy: the word lists generated values are drawn from.

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
pub(super) const RESERVED_LABELS: &[&str] = &[
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
pub(super) const UNKNOWN_TLDS: &[&str] = &["notatld", "corp", "lan", "zzz", "intranet"];

/// Country codes that are not assigned ISO 3166-1 alpha-2 codes.
pub(super) const UNASSIGNED_COUNTRIES: &[&str] =
    &["XX", "ZZ", "AA", "QM", "UK", "EU", "XK", "zz", "Uk"];

pub(super) const FIRST_NAMES: &[&str] = &[
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
pub(super) const LAST_NAMES: &[&str] = &[
    "Martin",
    "Keller",
    "O'Brien",
    "Nguyễn",
    "Müller",
    "García López",
    "de Vries",
    "Kowalski",
];
pub(super) const ORG_WORDS: &[&str] = &[
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
pub(super) const ORG_FORMS: &[&str] = &["SAS", "GmbH", "Ltd", "B.V.", "Inc.", "S.L.", "", "& Co"];
pub(super) const STREETS: &[&str] = &[
    "rue de la Paix",
    "Holstenstraße",
    "High Street",
    "Keizersgracht",
    "Calle Mayor",
    "Main St",
];
pub(super) const CITIES: &[&str] = &[
    "Paris",
    "Hamburg",
    "London",
    "Amsterdam",
    "Madrid",
    "Zürich",
];
pub(super) const REGIONS: &[&str] = &[
    "Île-de-France",
    "Bayern",
    "Greater London",
    "Noord-Holland",
    "CA",
];
pub(super) const LANGUAGES: &[&str] = &[
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
pub(super) const SPACES: &[&str] = &["", "", " ", "  ", "\t"];
