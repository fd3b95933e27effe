//! Whole-form cases: each starts from a valid sample form, changes a few fields, and lists the
//! exact `(field, code)` pairs the report must hold, in report order.
//!
//! Plus property tests: a generated valid form always validates, and each single mutation of
//! one yields exactly the expected violation.

use std::fmt::Write as _;

use gws_onboarding::form::{self, OnboardingForm, Policy, RawEducation};
use gws_onboarding::{CountryCode, DomainRules, Lang, Severity};

/// One whole-form case.
struct Case {
    name: &'static str,
    base: fn() -> OnboardingForm,
    policy: fn() -> Policy,
    mutate: fn(&mut OnboardingForm),
    expected: &'static [(&'static str, &'static str)],
}

fn domain() -> OnboardingForm {
    OnboardingForm::sample_domain_customer()
}

fn team() -> OnboardingForm {
    OnboardingForm::sample_team_customer()
}

fn default_policy() -> Policy {
    Policy::default()
}

fn eu_only() -> Policy {
    Policy::new().allowed_countries(["FR", "DE"].map(|c| CountryCode::parse(c).unwrap()))
}

fn require_phone() -> Policy {
    Policy::new().require_phone(true)
}

fn no_subdomain() -> Policy {
    Policy::new().domain_rules(DomainRules::new().allow_subdomain(false))
}

fn private_suffix_allowed() -> Policy {
    Policy::new().domain_rules(DomainRules::new().allow_private_suffix(true))
}

fn names_optional() -> Policy {
    Policy::new().require_admin_name(false)
}

fn k12() -> RawEducation {
    RawEducation {
        institute_type: "k12".into(),
        institute_size: Some("SIZE_501_1000".into()),
        website: Some("www.lycee-jean-moulin.fr".into()),
    }
}

fn university() -> RawEducation {
    RawEducation {
        institute_type: "university".into(),
        institute_size: None,
        website: None,
    }
}

/// Makes the sample domain customer an education customer.
fn school(f: &mut OnboardingForm) {
    f.educational_institution = Some(k12());
    f.edition = Some("education-fundamentals".into());
}

/// Moves the sample domain customer to a subdomain of its domain.
fn on_subdomain(f: &mut OnboardingForm) {
    f.domain = "paris.acme-widgets.fr".into();
    f.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
}

macro_rules! case {
    ($name:literal, $base:ident, $mutate:expr, [$($field:literal => $code:literal),* $(,)?]) => {
        case!($name, $base, default_policy, $mutate, [$($field => $code),*])
    };
    ($name:literal, $base:ident, $policy:ident, $mutate:expr, [$($field:literal => $code:literal),* $(,)?]) => {
        Case {
            name: $name,
            base: $base,
            policy: $policy,
            mutate: $mutate,
            expected: &[$(($field, $code)),*],
        }
    };
}

#[allow(clippy::too_many_lines)] // one table
fn cases() -> Vec<Case> {
    vec![
        // ----- valid forms -----
        case!("domain sample", domain, |_| {}, []),
        case!("team sample", team, |_| {}, []),
        case!("k12 school, education fundamentals", domain, school, []),
        case!(
            "university, education plus, no size or website",
            domain,
            |f| {
                f.educational_institution = Some(university());
                f.edition = Some("education-plus".into());
            },
            []
        ),
        case!(
            "education box ticked, business edition",
            domain,
            |f| f.educational_institution = Some(k12()),
            []
        ),
        case!(
            "optional fields absent",
            domain,
            |f| {
                f.edition = None;
                f.phone_number = None;
                f.language_code = None;
                f.crm_id = None;
                f.postal_address.locality = None;
                f.postal_address.region = None;
            },
            []
        ),
        case!(
            "optional fields blank",
            domain,
            |f| {
                f.edition = Some(" ".into());
                f.phone_number = Some(String::new());
                f.language_code = Some("  ".into());
                f.crm_id = Some(String::new());
                f.postal_address.address_line2 = Some(" ".into());
            },
            []
        ),
        case!(
            "product family blank means google workspace",
            domain,
            |f| f.product_family = String::new(),
            []
        ),
        case!(
            "cloud identity domain customer",
            domain,
            |f| {
                f.product_family = "cloud-identity".into();
                f.edition = Some("cloud-identity-premium".into());
            },
            []
        ),
        case!(
            "customer type in capitals",
            domain,
            |f| f.customer_type = " Domain ".into(),
            []
        ),
        case!(
            "domain case and trailing dot normalised",
            domain,
            |f| f.domain = "ACME-Widgets.FR.".into(),
            []
        ),
        case!(
            "address organisation blank takes the form's",
            domain,
            |f| f.postal_address.organization_name = String::new(),
            []
        ),
        case!(
            "address contact blank takes the admin's name",
            domain,
            |f| f.postal_address.contact_name = "  ".into(),
            []
        ),
        case!(
            "admin username with apostrophe",
            domain,
            |f| f.admin.email = "o'brien@acme-widgets.fr".into(),
            []
        ),
        case!(
            "secondary at a consumer domain",
            domain,
            |f| f.secondary_email = Some("jeanne.martin@gmail.com".into()),
            []
        ),
        case!(
            "country code in lowercase",
            domain,
            |f| f.postal_address.country_code = "fr".into(),
            []
        ),
        case!("domain customer on a subdomain", domain, on_subdomain, []),
        case!("secondary in the same registrable domain: warning only", domain, |f| {
            on_subdomain(f);
            f.secondary_email = Some("it@acme-widgets.fr".into());
        }, ["secondaryEmail" => "rule.secondary_same_registrable"]),
        case!("team without edition", team, |f| f.edition = None, ["edition" => "form.required"]),
        // Issue 16: Essentials is no longer sold to new customers (read only).
        case!(
            "team essentials",
            team,
            |f| f.edition = Some("essentials".into()),
            ["edition" => "eligibility.not_sold"]
        ),
        case!(
            "team enterprise essentials plus",
            team,
            |f| f.edition = Some("enterprise-essentials-plus".into()),
            []
        ),
        case!(
            "team with a secondary address elsewhere",
            team,
            |f| f.secondary_email = Some("it@reseller-example.de".into()),
            []
        ),
        case!(
            "team domain entered as its admin's",
            team,
            |f| f.domain = "Studio-Nord.DE.".into(),
            []
        ),
        case!(
            "team admin without names",
            team,
            |f| f.admin.first_name = None,
            []
        ),
        case!(
            "team admin username with +: not a Google username, fine for a team",
            team,
            |f| f.admin.email = "sam+design@studio-nord.de".into(),
            []
        ),
        // ----- required fields, per kind -----
        case!("customer type blank", domain, |f| f.customer_type = String::new(), ["customerType" => "form.required"]),
        case!("customer type unknown", domain, |f| f.customer_type = "reseller".into(), ["customerType" => "value.unknown"]),
        case!("organisation name blank (domain)", domain, |f| f.organization_name = " ".into(), ["organizationName" => "form.required"]),
        case!("organisation name blank (team): reported once, not again on the address that borrows it", team, |f| f.organization_name = String::new(), [
            "organizationName" => "form.required",
        ]),
        case!("admin email blank (domain)", domain, |f| f.admin.email = String::new(), ["admin.email" => "form.required"]),
        case!("admin email blank (team)", team, |f| f.admin.email = " ".into(), ["admin.email" => "form.required"]),
        case!("domain blank (domain)", domain, |f| f.domain = String::new(), ["domain" => "eligibility.no_registered_domain"]),
        case!("first name missing (domain)", domain, |f| f.admin.first_name = None, ["admin.firstName" => "form.required"]),
        case!("last name blank (domain)", domain, |f| f.admin.last_name = Some("  ".into()), ["admin.lastName" => "form.required"]),
        case!("secondary missing (domain)", domain, |f| f.secondary_email = None, ["secondaryEmail" => "form.required"]),
        case!("secondary blank (domain)", domain, |f| f.secondary_email = Some(" ".into()), ["secondaryEmail" => "form.required"]),
        case!("team contact name blank and no admin name", team, |f| {
            f.postal_address.contact_name = String::new();
            f.admin.first_name = None;
        }, ["postalAddress.contactName" => "address.missing"]),
        case!(
            "team contact name blank takes the admin's first name",
            team,
            |f| f.postal_address.contact_name = String::new(),
            []
        ),
        case!("empty form", domain, |f| *f = OnboardingForm::default(), [
            "customerType" => "form.required",
            "organizationName" => "form.required",
            "domain" => "eligibility.no_registered_domain",
            "postalAddress.contactName" => "address.missing",
            "postalAddress.addressLine1" => "address.missing",
            "postalAddress.postalCode" => "address.missing",
            "postalAddress.countryCode" => "address.missing",
            "admin.email" => "form.required",
            "admin.firstName" => "form.required",
            "admin.lastName" => "form.required",
            "secondaryEmail" => "form.required",
        ]),
        case!("empty team form", domain, |f| {
            *f = OnboardingForm::default();
            f.customer_type = "team".into();
        }, [
            "edition" => "form.required",
            "organizationName" => "form.required",
            "postalAddress.contactName" => "address.missing",
            "postalAddress.addressLine1" => "address.missing",
            "postalAddress.postalCode" => "address.missing",
            "postalAddress.countryCode" => "address.missing",
            "admin.email" => "form.required",
        ]),
        // ----- eligibility -----
        case!("nonprofits", domain, |f| f.has_workspace_for_nonprofits = true, ["hasWorkspaceForNonprofits" => "eligibility.nonprofits"]),
        case!("legacy free edition", domain, |f| f.has_legacy_free_edition = true, ["hasLegacyFreeEdition" => "eligibility.legacy_free_edition"]),
        case!("nonprofits and legacy, team", team, |f| {
            f.has_workspace_for_nonprofits = true;
            f.has_legacy_free_edition = true;
        }, [
            "hasWorkspaceForNonprofits" => "eligibility.nonprofits",
            "hasLegacyFreeEdition" => "eligibility.legacy_free_edition",
        ]),
        case!("team with business standard", team, |f| f.edition = Some("business-standard".into()), ["edition" => "eligibility.team_edition"]),
        case!("team with enterprise plus", team, |f| f.edition = Some("enterprise-plus".into()), ["edition" => "eligibility.team_edition"]),
        case!("team with cloud identity family", team, |f| {
            f.product_family = "cloud-identity".into();
            f.edition = None;
        }, ["productFamily" => "eligibility.team_family", "edition" => "form.required"]),
        case!("team with cloud identity family and essentials", team, |f| f.product_family = "cloud-identity".into(), [
            "productFamily" => "eligibility.team_family",
            "edition" => "eligibility.edition_family",
        ]),
        case!("team with education edition in a school", team, |f| {
            f.educational_institution = Some(k12());
            f.edition = Some("education-fundamentals".into());
        }, ["edition" => "eligibility.team_edition"]),
        case!("cloud identity family with a workspace edition", domain, |f| f.product_family = "cloud-identity".into(),
            ["edition" => "eligibility.edition_family"]),
        case!("workspace family with a cloud identity edition", domain, |f| f.edition = Some("cloud-identity-free".into()),
            ["edition" => "eligibility.edition_family"]),
        case!("education edition without the box", domain, |f| f.edition = Some("education-plus".into()),
            ["edition" => "eligibility.education_edition"]),
        case!("vault as main family", domain, |f| f.product_family = "google-vault".into(), ["productFamily" => "form.main_family"]),
        case!("unknown family", domain, |f| f.product_family = "gsuite".into(), ["productFamily" => "product.unknown_family"]),
        case!("unknown edition", domain, |f| f.edition = Some("business-premium".into()), ["edition" => "product.unknown_edition"]),
        // ----- team rules -----
        case!("team domain mismatch", team, |f| f.domain = "other.de".into(), ["domain" => "form.team_domain_mismatch"]),
        case!("team domain not a domain", team, |f| f.domain = "www.studio-nord.de".into(), ["domain" => "form.team_domain_mismatch"]),
        case!("team admin gmail", team, |f| f.admin.email = "sam.keller@gmail.com".into(), ["admin.email" => "eligibility.consumer_email"]),
        case!("team admin googlemail", team, |f| f.admin.email = "sam@GoogleMail.com".into(), ["admin.email" => "eligibility.consumer_email"]),
        case!("team admin gmail and business edition", team, |f| {
            f.admin.email = "sam@gmail.com".into();
            f.edition = Some("business-plus".into());
        }, [
            "edition" => "eligibility.team_edition",
            "admin.email" => "eligibility.consumer_email",
        ]),
        case!("team admin IDN domain", team, |f| f.admin.email = "sam@müller-design.de".into(), ["admin.email" => "domain.idn"]),
        case!("team admin domain is a public suffix host", team, |f| f.admin.email = "sam@acme.github.io".into(),
            ["admin.email" => "domain.private_suffix"]),
        case!("team secondary in the admin's domain", team, |f| f.secondary_email = Some("it@studio-nord.de".into()),
            ["secondaryEmail" => "rule.secondary_in_primary_domain"]),
        case!("team secondary equals admin", team, |f| f.secondary_email = Some("Sam.Keller@studio-nord.de".into()), [
            // One cause, one violation: the more specific rule.
            "secondaryEmail" => "rule.secondary_equals_admin",
        ]),
        // ----- rules between the domain and the addresses -----
        case!("secondary in primary domain", domain, |f| f.secondary_email = Some("backup@acme-widgets.fr".into()),
            ["secondaryEmail" => "rule.secondary_in_primary_domain"]),
        case!("secondary in primary domain, other spelling", domain, |f| f.secondary_email = Some("backup@ACME-widgets.FR.".into()),
            ["secondaryEmail" => "rule.secondary_in_primary_domain"]),
        case!("secondary in a subdomain of the primary", domain, |f| f.secondary_email = Some("backup@mail.acme-widgets.fr".into()),
            ["secondaryEmail" => "rule.secondary_in_primary_domain"]),
        case!("secondary equals admin", domain, |f| f.secondary_email = Some("jeanne.martin@acme-widgets.fr".into()), [
            // One cause, one violation: the more specific rule.
            "secondaryEmail" => "rule.secondary_equals_admin",
        ]),
        case!("secondary not an address", domain, |f| f.secondary_email = Some("it-support".into()),
            ["secondaryEmail" => "email.missing_at"]),
        case!("admin outside the primary domain", domain, |f| f.admin.email = "jeanne@other.fr".into(),
            ["admin.email" => "rule.admin_outside_primary_domain"]),
        case!("admin in a subdomain of the primary", domain, |f| f.admin.email = "jeanne@paris.acme-widgets.fr".into(),
            ["admin.email" => "rule.admin_outside_primary_domain"]),
        case!("admin username with +", domain, |f| f.admin.email = "jeanne+admin@acme-widgets.fr".into(),
            ["admin.email" => "rule.admin_username"]),
        case!("admin username with =", domain, |f| f.admin.email = "jeanne=admin@acme-widgets.fr".into(),
            ["admin.email" => "rule.admin_username"]),
        case!("admin not an address", domain, |f| f.admin.email = "jeanne".into(), ["admin.email" => "email.missing_at"]),
        case!("admin with a display name", domain, |f| f.admin.email = "Jeanne <jeanne@acme-widgets.fr>".into(),
            ["admin.email" => "email.display_name"]),
        // ----- primary domain -----
        case!("domain with www", domain, |f| f.domain = "www.acme-widgets.fr".into(), ["domain" => "domain.www"]),
        case!("domain as a URL", domain, |f| f.domain = "https://acme-widgets.fr/".into(), ["domain" => "domain.url"]),
        case!("domain single label", domain, |f| f.domain = "acme-widgets".into(), ["domain" => "domain.single_label"]),
        case!("domain gmail", domain, |f| f.domain = "gmail.com".into(), ["domain" => "domain.consumer"]),
        case!("domain special use", domain, |f| f.domain = "acme.test".into(), ["domain" => "domain.special_use"]),
        case!("domain is a public suffix", domain, |f| f.domain = "co.uk".into(), ["domain" => "domain.public_suffix"]),
        case!("domain internationalized", domain, |f| f.domain = "acme-müller.fr".into(), ["domain" => "domain.idn"]),
        case!("domain punycode", domain, |f| f.domain = "xn--acme-mller-feb.fr".into(), ["domain" => "domain.idn"]),
        case!("domain under a private suffix", domain, |f| {
            f.domain = "acme.github.io".into();
            f.admin.email = "jeanne@acme.github.io".into();
        }, ["domain" => "domain.private_suffix"]),
        case!(
            "domain under a private suffix, allowed",
            domain,
            private_suffix_allowed,
            |f| {
                f.domain = "acme.github.io".into();
                f.admin.email = "jeanne@acme.github.io".into();
            },
            []
        ),
        case!("subdomain refused by policy", domain, no_subdomain, on_subdomain, ["domain" => "domain.subdomain"]),
        case!(
            "registrable domain with subdomains refused",
            domain,
            no_subdomain,
            |_| {},
            []
        ),
        // ----- postal address -----
        case!("address line 1 missing", domain, |f| f.postal_address.address_line1 = " ".into(),
            ["postalAddress.addressLine1" => "address.missing"]),
        case!("postal code missing", domain, |f| f.postal_address.postal_code = String::new(),
            ["postalAddress.postalCode" => "address.missing"]),
        case!("country code missing", domain, |f| f.postal_address.country_code = String::new(),
            ["postalAddress.countryCode" => "address.missing"]),
        case!("locality too long", domain, |f| f.postal_address.locality = Some("x".repeat(256)),
            ["postalAddress.locality" => "address.too_long"]),
        case!(
            "locality of 255 accented characters",
            domain,
            |f| f.postal_address.locality = Some("é".repeat(255)),
            []
        ),
        case!("region far too long", domain, |f| f.postal_address.region = Some("x".repeat(100_000)),
            ["postalAddress.region" => "address.too_long"]),
        case!("address line 2 with a bidi override", domain, |f| f.postal_address.address_line2 = Some("Bât\u{202e}B".into()),
            ["postalAddress.addressLine2" => "address.unsafe_char"]),
        case!("address line 1 with a newline", domain, |f| f.postal_address.address_line1 = "12 rue\nde la Paix".into(),
            ["postalAddress.addressLine1" => "address.unsafe_char"]),
        case!("country UK", domain, |f| f.postal_address.country_code = "UK".into(),
            ["postalAddress.countryCode" => "country.unassigned"]),
        case!("country alpha-3", domain, |f| f.postal_address.country_code = "FRA".into(),
            ["postalAddress.countryCode" => "country.format"]),
        case!("several address problems, in field order", domain, |f| {
            f.postal_address.address_line1 = String::new();
            f.postal_address.region = Some("a\u{0}b".into());
            f.postal_address.country_code = "XX".into();
        }, [
            "postalAddress.addressLine1" => "address.missing",
            "postalAddress.region" => "address.unsafe_char",
            "postalAddress.countryCode" => "country.unassigned",
        ]),
        case!("country allowed by policy", domain, eu_only, |_| {}, []),
        case!("country refused by policy", domain, eu_only, |f| f.postal_address.country_code = "US".into(),
            ["postalAddress.countryCode" => "form.country_not_allowed"]),
        case!("team country allowed by policy", team, eu_only, |_| {}, []),
        // ----- phone -----
        case!(
            "national phone read with the address's country",
            domain,
            |f| f.phone_number = Some("01 42 68 53 00".into()),
            []
        ),
        case!("national phone with an unknown country", domain, |f| {
            f.phone_number = Some("01 42 68 53 00".into());
            f.postal_address.country_code = "XX".into();
        }, ["postalAddress.countryCode" => "country.unassigned", "phoneNumber" => "phone.missing_plus"]),
        case!("phone too long for France", domain, |f| f.phone_number = Some("+33 6 12 34 56 78 90 12".into()),
            ["phoneNumber" => "phone.long_for_country"]),
        case!("phone too short for the United States", domain, |f| f.phone_number = Some("+1 555 0100".into()),
            ["phoneNumber" => "phone.short_for_country"]),
        case!("phone France does not assign", domain, |f| f.phone_number = Some("+33 0 12 34 56 78".into()),
            ["phoneNumber" => "phone.unassigned"]),
        case!("phone with an extension is valid, with a warning", domain, |f| f.phone_number = Some("+33 1 42 68 53 00 poste 12".into()),
            ["phoneNumber" => "phone.extension_not_sent"]),
        case!("phone with letters", domain, |f| f.phone_number = Some("+33 1 42 CALL ME".into()), ["phoneNumber" => "phone.invalid_char"]),
        case!("phone too short", domain, |f| f.phone_number = Some("+33 1".into()), ["phoneNumber" => "phone.length"]),
        case!("phone unassigned country code", domain, |f| f.phone_number = Some("+999 123 456 789".into()),
            ["phoneNumber" => "phone.country_code"]),
        case!(
            "phone required and present",
            domain,
            require_phone,
            |_| {},
            []
        ),
        case!("phone required and missing", team, require_phone, |_| {}, ["phoneNumber" => "form.required"]),
        case!("phone required and blank", domain, require_phone, |f| f.phone_number = Some("  ".into()), ["phoneNumber" => "form.required"]),
        // ----- language, CRM id, names, organisation -----
        case!(
            "language with underscore, read as a hyphen",
            domain,
            |f| f.language_code = Some("fr_FR".into()),
            []
        ),
        case!("language with a POSIX charset", domain, |f| f.language_code = Some("fr_FR.UTF-8".into()), ["languageCode" => "language.invalid_char"]),
        case!("language with an empty subtag", domain, |f| f.language_code = Some("fr--FR".into()), ["languageCode" => "language.empty_subtag"]),
        case!("CRM id too long", domain, |f| f.crm_id = Some("x".repeat(256)), ["crmId" => "text.too_long"]),
        case!("CRM id with a zero-width space", domain, |f| f.crm_id = Some("CRM\u{200b}42".into()), ["crmId" => "text.unsafe_char"]),
        case!("organisation name too long", domain, |f| f.organization_name = "x".repeat(256), ["organizationName" => "text.too_long"]),
        case!("first name with markup", domain, |f| f.admin.first_name = Some("<b>Jeanne</b>".into()), ["admin.firstName" => "text.invalid_char"]),
        case!("last name too long", domain, |f| f.admin.last_name = Some("x".repeat(61)), ["admin.lastName" => "text.too_long"]),
        case!("team last name with markup", team, |f| f.admin.last_name = Some("<i>".into()), ["admin.lastName" => "text.invalid_char"]),
        case!(
            "admin names optional by policy",
            domain,
            names_optional,
            |f| {
                f.admin.first_name = None;
                f.admin.last_name = None;
            },
            []
        ),
        // ----- education block -----
        case!("institute type unknown", domain, |f| {
            school(f);
            if let Some(e) = &mut f.educational_institution {
                e.institute_type = "college".into();
            }
        }, ["educationalInstitution.instituteType" => "value.unknown"]),
        case!("institute type blank", domain, |f| {
            school(f);
            if let Some(e) = &mut f.educational_institution {
                e.institute_type = String::new();
            }
        }, ["educationalInstitution.instituteType" => "form.required"]),
        case!("institute size unknown", domain, |f| {
            school(f);
            if let Some(e) = &mut f.educational_institution {
                e.institute_size = Some("SIZE_1_10".into());
            }
        }, ["educationalInstitution.instituteSize" => "value.unknown"]),
        case!("institute website ftp", domain, |f| {
            school(f);
            if let Some(e) = &mut f.educational_institution {
                e.website = Some("ftp://lycee-jean-moulin.fr".into());
            }
        }, ["educationalInstitution.website" => "text.website"]),
        case!("institute website localhost", domain, |f| {
            school(f);
            if let Some(e) = &mut f.educational_institution {
                e.website = Some("https://localhost".into());
            }
        }, ["educationalInstitution.website" => "text.website"]),
        case!("education block all wrong", domain, |f| {
            f.educational_institution = Some(RawEducation {
                institute_type: "school".into(),
                institute_size: Some("big".into()),
                website: Some("a b".into()),
            });
            f.edition = Some("education-standard".into());
        }, [
            "educationalInstitution.instituteType" => "value.unknown",
            "educationalInstitution.instituteSize" => "value.unknown",
            "educationalInstitution.website" => "text.invalid_char",
        ]),
        // ----- several problems at once -----
        case!("www domain and unknown country", domain, |f| {
            f.domain = "www.acme-widgets.fr".into();
            f.secondary_email = Some("jeanne@acme-widgets.fr".into());
            f.postal_address.country_code = "XX".into();
        }, [
            "domain" => "domain.www",
            "postalAddress.countryCode" => "country.unassigned",
        ]),
        case!("every section wrong", domain, |f| {
            f.customer_type = "team".into();
            f.edition = Some("business-starter".into());
            f.has_legacy_free_edition = true;
            f.admin.email = "jeanne@gmail.com".into();
            f.secondary_email = Some("x".into());
            f.postal_address.postal_code = String::new();
            f.phone_number = Some("12".into());
            f.language_code = Some("fr.FR".into());
        }, [
            "edition" => "eligibility.team_edition",
            "postalAddress.postalCode" => "address.missing",
            "phoneNumber" => "phone.length",
            "admin.email" => "eligibility.consumer_email",
            "secondaryEmail" => "email.missing_at",
            "languageCode" => "language.invalid_char",
            "hasLegacyFreeEdition" => "eligibility.legacy_free_edition",
        ]),
    ]
}

/// Runs one case; returns a description of every way it differs from its expectation.
fn run_case(case: &Case) -> Vec<String> {
    let mut form = (case.base)();
    (case.mutate)(&mut form);
    let policy = (case.policy)();
    let outcome = form::check(&form, &policy);
    let report = outcome.report();
    let found: Vec<(&str, &str)> = report.iter().map(|v| (v.field(), v.code())).collect();
    let mut problems = Vec::new();
    if found != case.expected {
        problems.push(format!(
            "violations differ\n      expected: {:?}\n      found:    {:?}",
            case.expected, found
        ));
    }
    let valid = !report.has_errors();
    if outcome.customer().is_some() != valid {
        problems.push(format!(
            "customer present = {}, but report has errors = {}",
            outcome.customer().is_some(),
            report.has_errors()
        ));
    }
    if form::validate(&form, &policy).is_ok() != valid {
        problems.push("validate() disagrees with check()".to_owned());
    }
    for v in report {
        let (en, fr) = (v.message(Lang::En), v.message(Lang::Fr));
        if en.trim().is_empty() || fr.trim().is_empty() {
            problems.push(format!("{} {}: an empty message", v.field(), v.code()));
        } else if en == fr {
            problems.push(format!(
                "{} {}: the French message is the English one: {en:?}",
                v.field(),
                v.code()
            ));
        }
        let entry = v.entry(Lang::Fr);
        if (
            entry.field.as_str(),
            entry.code,
            entry.severity,
            entry.message.as_str(),
        ) != (v.field(), v.code(), v.severity(), fr.as_str())
        {
            problems.push(format!("{} {}: entry() disagrees", v.field(), v.code()));
        }
        let warning = [
            "rule.secondary_same_registrable",
            "phone.extension_not_sent",
        ]
        .contains(&v.code());
        if (v.severity() == Severity::Warning) != warning {
            problems.push(format!(
                "{} {}: unexpected severity {}",
                v.field(),
                v.code(),
                v.severity()
            ));
        }
    }
    problems
}

#[track_caller]
fn assert_cases(cases: &[Case]) {
    let mut failures = String::new();
    let mut failed = 0;
    for case in cases {
        let problems = run_case(case);
        if !problems.is_empty() {
            failed += 1;
            let _ = writeln!(failures, "\n- {}:", case.name);
            for p in problems {
                let _ = writeln!(failures, "    {p}");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{failed} of {} cases failed:{failures}",
        cases.len()
    );
}

#[test]
fn whole_form_table() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut names: Vec<_> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names must be unique");
    let valid = cases.iter().filter(|c| c.expected.is_empty()).count();
    assert!(
        valid >= 10 && cases.len() - valid >= 50,
        "{valid} valid cases"
    );
    assert_cases(&cases);
}

#[cfg(feature = "serde")]
mod sample_files {
    use super::{OnboardingForm, Policy, form};

    fn parse(json: &str) -> OnboardingForm {
        serde_json::from_str(json).expect("sample form parses")
    }

    #[test]
    fn bundled_samples_match_the_constructors() {
        assert_eq!(
            parse(include_str!("../examples/forms/domain-customer.json")),
            OnboardingForm::sample_domain_customer()
        );
        assert_eq!(
            parse(include_str!("../examples/forms/team-customer.json")),
            OnboardingForm::sample_team_customer()
        );
    }

    #[test]
    fn bundled_samples_validate_as_named() {
        let files: [(&str, &str, &[&str]); 8] = [
            (
                "domain-customer",
                include_str!("../examples/forms/domain-customer.json"),
                &[],
            ),
            (
                "team-customer",
                include_str!("../examples/forms/team-customer.json"),
                &[],
            ),
            (
                "education-customer",
                include_str!("../examples/forms/education-customer.json"),
                &[],
            ),
            (
                "invalid-secondary-in-primary",
                include_str!("../examples/forms/invalid-secondary-in-primary.json"),
                &["rule.secondary_in_primary_domain"],
            ),
            (
                "invalid-www-and-country",
                include_str!("../examples/forms/invalid-www-and-country.json"),
                &["domain.www", "country.unassigned"],
            ),
            (
                "invalid-team-business-edition",
                include_str!("../examples/forms/invalid-team-business-edition.json"),
                &["eligibility.team_edition"],
            ),
            (
                "invalid-nonprofits",
                include_str!("../examples/forms/invalid-nonprofits.json"),
                &["eligibility.nonprofits"],
            ),
            (
                "invalid-empty",
                include_str!("../examples/forms/invalid-empty.json"),
                &[
                    "form.required",
                    "form.required",
                    "eligibility.no_registered_domain",
                    "address.missing",
                    "address.missing",
                    "address.missing",
                    "address.missing",
                    "form.required",
                    "form.required",
                    "form.required",
                    "form.required",
                ],
            ),
        ];
        for (name, json, expected) in files {
            let outcome = form::check(&parse(json), &Policy::default());
            let codes: Vec<_> = outcome.report().codes().collect();
            assert_eq!(codes, expected, "{name}");
        }
        assert!(
            serde_json::from_str::<OnboardingForm>(include_str!(
                "../examples/forms/unreadable.json"
            ))
            .is_err()
        );
    }
}

mod properties {
    use gws_onboarding::RawPostalAddress;
    use gws_onboarding::form::{self, OnboardingForm, Policy, RawAdmin, RawEducation};
    use proptest::prelude::*;

    const TLDS: [&str; 6] = ["fr", "de", "com", "co.uk", "io", "com.au"];
    const COUNTRIES: [&str; 6] = ["FR", "DE", "US", "GB", "JP", "BR"];
    const PHONES: [&str; 3] = ["+33 1 42 68 53 00", "+49 40 123456", "+1 650 253 0000"];
    const LANGUAGES: [&str; 4] = ["fr-FR", "de", "en-US", "pt-BR"];
    const DOMAIN_EDITIONS: [&str; 9] = [
        "business-starter",
        "business-standard",
        "business-plus",
        "enterprise-starter",
        "enterprise-standard",
        "enterprise-plus",
        "frontline-starter",
        "frontline-standard",
        "frontline-plus",
    ];
    // Essentials is no longer sold to new customers (issue 16).
    const TEAM_EDITIONS: [&str; 2] = ["enterprise-essentials", "enterprise-essentials-plus"];
    const EDU_EDITIONS: [&str; 3] = [
        "education-fundamentals",
        "education-standard",
        "education-plus",
    ];
    /// Words that, with some suffix, would name a consumer or special-use domain.
    const RESERVED: [&str; 5] = ["gmail", "googlemail", "example", "localhost", "www"];

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Kind {
        Domain,
        Team,
        School,
    }

    prop_compose! {
        // Never `www` (a subdomain `www.` is refused as a pasted prefix).
        fn label()(l in "[a-z][a-z0-9]{1,8}(-[a-z0-9]{1,8})?".prop_filter("www", |l| l != "www")) -> String { l }
    }

    prop_compose! {
        // The registered label: prefixed, because a bare random label under com or io can be a
        // private-section public suffix itself (br.com, us.com, …), which no customer owns.
        // No rule of the Public Suffix List contains "acme".
        fn org_label()(l in label()) -> String { format!("acme-{l}") }
    }

    prop_compose! {
        fn name()(n in "[A-Z][a-z]{1,12}") -> String { n }
    }

    prop_compose! {
        fn valid_form()(
            kind in prop_oneof![Just(Kind::Domain), Just(Kind::Team), Just(Kind::School)],
            sub in proptest::option::weighted(0.2, label()),
            org_label in org_label(),
            tld in proptest::sample::select(&TLDS[..]),
            reseller in org_label(),
            admin_local in "[a-z]{1,10}(\\.[a-z]{1,10})?",
            secondary_local in "[a-z0-9]{1,10}",
            first in name(),
            last in name(),
            org in "[A-Z][a-z]{2,12}( [A-Z][a-z]{1,10}){0,2}",
            street in "[1-9][0-9]{0,2} [A-Z][a-z]{2,12} [A-Z][a-z]{2,10}",
            postal in "[0-9]{5}",
            country in proptest::sample::select(&COUNTRIES[..]),
            phone in proptest::option::of(proptest::sample::select(&PHONES[..])),
            language in proptest::option::of(proptest::sample::select(&LANGUAGES[..])),
            crm in proptest::option::of("[A-Z]{2,4}-[0-9]{1,6}"),
            edition_index in 0_usize..9,
            with_edition in any::<bool>(),
            with_secondary in any::<bool>(),
            blank_address_org in any::<bool>(),
        ) -> (Kind, OnboardingForm) {
            let domain = match &sub {
                Some(sub) => format!("{sub}.{org_label}.{tld}"),
                None => format!("{org_label}.{tld}"),
            };
            let (customer_type, editions, education): (&str, &[&str], _) = match kind {
                Kind::Domain => ("domain", &DOMAIN_EDITIONS[..], None),
                Kind::Team => ("team", &TEAM_EDITIONS[..], None),
                Kind::School => ("domain", &EDU_EDITIONS[..], Some(RawEducation {
                    institute_type: "university".into(),
                    institute_size: Some("SIZE_1001_2000".into()),
                    website: Some(format!("www.{domain}")),
                })),
            };
            // A team customer must name an edition a team customer may order.
            let edition = (with_edition || kind != Kind::Domain)
                .then(|| editions[edition_index % editions.len()].to_owned());
            let team = kind == Kind::Team;
            let form = OnboardingForm {
                customer_type: customer_type.into(),
                product_family: "google-workspace".into(),
                edition,
                educational_institution: education,
                organization_name: org.clone(),
                domain: if team { String::new() } else { domain.clone() },
                postal_address: RawPostalAddress {
                    contact_name: format!("{first} {last}"),
                    organization_name: if blank_address_org { String::new() } else { org },
                    address_line1: street,
                    address_line2: None,
                    address_line3: None,
                    locality: Some("Ville".into()),
                    region: None,
                    postal_code: postal,
                    country_code: country.into(),
                },
                phone_number: phone.map(Into::into),
                admin: RawAdmin {
                    email: format!("{admin_local}@{domain}"),
                    first_name: Some(first),
                    last_name: (!team).then_some(last),
                },
                secondary_email: (!team || with_secondary)
                    .then(|| format!("{secondary_local}@reseller-{reseller}.de")),
                language_code: language.map(Into::into),
                crm_id: crm,
                has_workspace_for_nonprofits: false,
                has_legacy_free_edition: false,
                order: None,
                ..OnboardingForm::default()
            };
            (kind, form)
        }
    }

    fn usable((_, form): &(Kind, OnboardingForm)) -> bool {
        !RESERVED.iter().any(|word| {
            form.admin.email.contains(&format!("@{word}."))
                || form.admin.email.contains(&format!(".{word}."))
        })
    }

    fn found(form: &OnboardingForm) -> Vec<(String, &'static str)> {
        form::check(form, &Policy::default())
            .report()
            .iter()
            .map(|v| (v.field().to_owned(), v.code()))
            .collect()
    }

    /// A single change to a valid form, and the one violation it must cause.
    #[derive(Debug, Clone, Copy)]
    enum Mutation {
        SecondaryInPrimary,
        SecondaryInSubdomain,
        Nonprofits,
        LegacyFree,
        BusinessEditionForTeam,
        EducationEditionWithoutBox,
        TeamDomainMismatch,
        TeamConsumerAdmin,
        AdminOutsidePrimary,
        AdminUsernamePlus,
        DomainWww,
        SecondaryMissing,
        UnknownCountry,
        PhoneTooLong,
        ContactNameUnsafe,
    }

    const MUTATIONS: [Mutation; 15] = [
        Mutation::SecondaryInPrimary,
        Mutation::SecondaryInSubdomain,
        Mutation::Nonprofits,
        Mutation::LegacyFree,
        Mutation::BusinessEditionForTeam,
        Mutation::EducationEditionWithoutBox,
        Mutation::TeamDomainMismatch,
        Mutation::TeamConsumerAdmin,
        Mutation::AdminOutsidePrimary,
        Mutation::AdminUsernamePlus,
        Mutation::DomainWww,
        Mutation::SecondaryMissing,
        Mutation::UnknownCountry,
        Mutation::PhoneTooLong,
        Mutation::ContactNameUnsafe,
    ];

    /// Applies `mutation` to a valid form of `kind`; returns the expected violation, or `None`
    /// when the mutation does not apply to that kind.
    fn apply(
        mutation: Mutation,
        kind: Kind,
        form: &mut OnboardingForm,
    ) -> Option<(&'static str, &'static str)> {
        let team = kind == Kind::Team;
        let (local, admin_domain) = form
            .admin
            .email
            .split_once('@')
            .map(|(l, d)| (l.to_owned(), d.to_owned()))?;
        Some(match mutation {
            Mutation::SecondaryInPrimary => {
                form.secondary_email = Some(format!("backup-it@{admin_domain}"));
                ("secondaryEmail", "rule.secondary_in_primary_domain")
            }
            Mutation::SecondaryInSubdomain => {
                form.secondary_email = Some(format!("backup-it@mail-x.{admin_domain}"));
                ("secondaryEmail", "rule.secondary_in_primary_domain")
            }
            Mutation::Nonprofits => {
                form.has_workspace_for_nonprofits = true;
                ("hasWorkspaceForNonprofits", "eligibility.nonprofits")
            }
            Mutation::LegacyFree => {
                form.has_legacy_free_edition = true;
                ("hasLegacyFreeEdition", "eligibility.legacy_free_edition")
            }
            Mutation::BusinessEditionForTeam if team => {
                form.edition = Some("business-plus".into());
                ("edition", "eligibility.team_edition")
            }
            Mutation::EducationEditionWithoutBox if kind == Kind::Domain => {
                form.edition = Some("education-plus".into());
                ("edition", "eligibility.education_edition")
            }
            Mutation::TeamDomainMismatch if team => {
                form.domain = format!("other-{admin_domain}");
                ("domain", "form.team_domain_mismatch")
            }
            Mutation::TeamConsumerAdmin if team => {
                form.admin.email = format!("{local}@gmail.com");
                ("admin.email", "eligibility.consumer_email")
            }
            Mutation::AdminOutsidePrimary if !team => {
                form.admin.email = format!("{local}@other-{admin_domain}");
                ("admin.email", "rule.admin_outside_primary_domain")
            }
            Mutation::AdminUsernamePlus if !team => {
                form.admin.email = format!("{local}+tag@{admin_domain}");
                ("admin.email", "rule.admin_username")
            }
            Mutation::DomainWww if !team => {
                form.domain = format!("www.{}", form.domain);
                ("domain", "domain.www")
            }
            Mutation::SecondaryMissing if !team => {
                form.secondary_email = None;
                ("secondaryEmail", "form.required")
            }
            Mutation::UnknownCountry => {
                form.postal_address.country_code = "XX".into();
                ("postalAddress.countryCode", "country.unassigned")
            }
            Mutation::PhoneTooLong => {
                form.phone_number = Some("+33 6 12 34 56 78 90 12".into());
                ("phoneNumber", "phone.long_for_country")
            }
            Mutation::ContactNameUnsafe => {
                form.postal_address.contact_name.push('\u{202e}');
                ("postalAddress.contactName", "address.unsafe_char")
            }
            _ => return None,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn generated_valid_form_validates(case in valid_form().prop_filter("reserved name", usable)) {
            let (_, form) = &case;
            prop_assert_eq!(found(form), Vec::<(String, &str)>::new());
            prop_assert!(form::validate(form, &Policy::default()).is_ok());
        }

        #[test]
        fn single_mutation_yields_exactly_its_violation(
            case in valid_form().prop_filter("reserved name", usable),
            mutation in proptest::sample::select(&MUTATIONS[..]),
        ) {
            let (kind, mut form) = case;
            if let Some((field, code)) = apply(mutation, kind, &mut form) {
                prop_assert_eq!(found(&form), vec![(field.to_owned(), code)], "{:?} on {:?}", mutation, kind);
                prop_assert!(form::validate(&form, &Policy::default()).is_err());
            }
        }
    }
}

/// Expectations first reported as bugs and since fixed in src/: kept so that they stay fixed.
#[test]
fn formerly_disputed() {
    assert_cases(&[
        // Fixed: customerType, instituteType/instituteSize, countryCode and the domain are trimmed
        // and case-insensitive, but the edition is not: today `edition` => product.unknown_edition.
        case!(
            "edition with spaces and capitals",
            domain,
            |f| f.edition = Some(" Business-Standard ".into()),
            []
        ),
        // Fixed: same for the product family (was product.unknown_family).
        case!(
            "product family in capitals",
            domain,
            |f| f.product_family = "Google-Workspace".into(),
            []
        ),
        // Fixed: one cause, two violations: a team form whose postal organisation name is blank
        // copies the form's; today also `postalAddress.organizationName` => address.too_long.
        case!("team organisation name too long, reported once", team, |f| f.organization_name = "x".repeat(256),
            ["organizationName" => "text.too_long"]),
    ]);
    // Fixed: the website error named a character that is not the problem: today
    // "contains 'l', which is not allowed here" for a port, "contains '.'" for an unknown TLD.
    let mut f = OnboardingForm::sample_domain_customer();
    f.educational_institution = Some(RawEducation {
        institute_type: "k12".into(),
        institute_size: None,
        website: Some("https://lycee.fr:443".into()),
    });
    let report = form::check(&f, &Policy::default()).into_parts().1;
    let messages: Vec<String> = report.iter().map(|v| v.message(Lang::En)).collect();
    assert!(
        messages.iter().all(|m| !m.contains("'l'")),
        "misleading website message: {messages:?}"
    );
    assert_eq!(report.codes().collect::<Vec<_>>(), ["text.website"]);
    assert!(
        messages[0].ends_with("leave out the port number"),
        "{messages:?}"
    );
}
