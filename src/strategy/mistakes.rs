//! Layer 7, strategy: near-miss forms, each with the one violation it must raise.

use super::forms::{
    Expected, domain_customer_form, must_validate, onboarding_form, team_customer_form,
};
use super::invalid::invalid_domain;
use super::pools::UNASSIGNED_COUNTRIES;

/// Calling codes of countries whose national numbers all have 9 digits, with a leading digit
/// of their mobile range: France, Spain, Portugal.
const FIXED_LENGTH_PHONES: &[(&str, char)] = &[("33", '6'), ("34", '6'), ("351", '9')];
use super::values::{label, must_parse_email, primary_domain, spelling, username};
use crate::form::OnboardingForm;
use crate::product::{Edition, ProductFamily};
use crate::{EmailAddress, PrimaryDomain};
use proptest::prelude::*;
use proptest::sample::select;

/// A valid form and its primary domain.
pub(super) fn domain_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    domain_customer_form().prop_map(with_domain)
}

pub(super) fn any_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    onboarding_form().prop_map(with_domain)
}

pub(super) fn team_base() -> impl Strategy<Value = (OnboardingForm, PrimaryDomain)> {
    team_customer_form().prop_map(with_domain)
}

pub(super) fn with_domain(form: OnboardingForm) -> (OnboardingForm, PrimaryDomain) {
    let domain = must_validate(&form).domain().clone();
    (form, domain)
}

/// `user@host`, made different from `avoid` (another address of the form) if it happens to be it.
pub(super) fn distinct_address(user: &str, host: &str, avoid: Option<&str>) -> String {
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
pub(super) fn pin_postal_organization(form: &mut OnboardingForm) {
    if form.postal_address.organization_name.trim().is_empty() {
        form.postal_address
            .organization_name
            .clone_from(&form.organization_name);
    }
}

pub(super) type NearMiss = (OnboardingForm, Expected);

pub(super) fn secondary_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
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

pub(super) fn admin_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
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

pub(super) fn domain_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
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
pub(super) const DOMAIN_CODES: &[(&str, &str)] = &[
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

pub(super) fn eligibility_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
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
        team_base()
            .prop_map(|(mut form, _)| {
                // Issue 16: Essentials is no longer sold to new customers.
                form.edition = Some(Edition::Essentials.as_str().to_owned());
                form.order = None;
                (
                    form,
                    Expected::new(
                        "essentials_no_longer_sold",
                        "edition",
                        "eligibility.not_sold",
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

pub(super) fn other_mistakes() -> Vec<BoxedStrategy<NearMiss>> {
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
        (
            any_base(),
            select(FIXED_LENGTH_PHONES),
            1..=3_usize,
            "[0-9]{1,3}",
            any::<bool>(),
        )
            .prop_map(|((mut form, _), (cc, first), cut, extra, long)| {
                // Countries whose numbers all have 9 digits: 1 to 3 more (15 in all at most), or 1 to 3 fewer.
                let (national, code) = if long {
                    (format!("{first}55555555{extra}"), "phone.long_for_country")
                } else {
                    (
                        format!("{first}{}", &"55555555"[cut..]),
                        "phone.short_for_country",
                    )
                };
                form.phone_number = Some(format!("+{cc} {national}"));
                (
                    form,
                    Expected::new("phone_wrong_length", "phoneNumber", code),
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
/// unassigned country, a phone too long or too short for its country, an empty or over-long organisation name.
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
