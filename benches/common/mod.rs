//! What both benches share: the inputs, the bare dependency calls ("the floor") and the list
//! those calls use, so that `validation` and `targets` measure the same things.

use std::str::FromStr;

use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
use gws_onboarding::lifecycle::ListedCustomer;
use publicsuffix::Psl as _;

/// The Public Suffix List snapshot the crate embeds, for the bare `publicsuffix` calls.
pub const LIST: &str = include_str!("../../data/public_suffix_list.dat");

/// Four primary domains: plain, mixed case with a subdomain, a trailing dot, plain.
#[allow(dead_code)] // used by one bench only
pub const DOMAINS: [&str; 4] = [
    "acme-widgets.fr",
    "Shop.Example-Corp.co.uk",
    "universite-exemple.ac.fr.",
    "studio-nord.de",
];

/// Four addresses: plain, mixed case, atext specials under a second-level suffix, plain.
pub const EMAILS: [&str; 4] = [
    "jeanne.martin@acme-widgets.fr",
    "IT-Support@Reseller-Example.DE",
    "o'brien+crm@mail.example-corp.co.uk",
    "sam.keller@studio-nord.de",
];

/// The `publicsuffix` list the floor looks names up in.
///
/// # Panics
///
/// If the embedded snapshot does not parse, which the crate's own tests rule out.
#[must_use]
pub fn floor_list() -> publicsuffix::List {
    publicsuffix::List::from_str(LIST).expect("the list parses")
}

/// The bare dependency calls a primary domain needs: UTS-46 mapping and a suffix lookup.
pub fn bare_domain(list: &publicsuffix::List, input: &str) -> usize {
    let ascii = idna::domain_to_ascii_cow(input.trim().as_bytes(), idna::AsciiDenyList::STD3)
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    list.domain(ascii.as_bytes())
        .map_or(0, |d| d.as_bytes().len())
}

/// The bare dependency calls an address needs: RFC 5322 parse, UTS-46 mapping, suffix lookup.
pub fn bare_email(list: &publicsuffix::List, input: &str) -> usize {
    let options = email_address::Options {
        allow_display_text: false,
        allow_domain_literal: false,
        ..email_address::Options::default()
    };
    let Ok(parsed) = email_address::EmailAddress::parse_with_options(input.trim(), options) else {
        return 0;
    };
    bare_domain(list, parsed.domain())
}

/// `count` listed customers; one name in five is shared by several teams (the Essentials case).
///
/// # Panics
///
/// Never: the generated names and ids are valid.
#[must_use]
pub fn listed_customers(count: u32) -> Vec<ListedCustomer> {
    (0..count)
        .map(|i| {
            let name = if i % 5 == 0 {
                format!("Design Team {}", i % 1_000)
            } else {
                format!("Customer {i}")
            };
            ListedCustomer::new(
                OrganizationName::parse(&name).expect("valid name"),
                CloudIdentityId::parse(&format!("C{i:08x}")).expect("valid id"),
            )
        })
        .collect()
}
