//! Every code of the crate, produced for real through the public API, with its English and
//! French messages checked against the crate's conventions, and the README's "What it checks"
//! table checked against the codes the sources define and the tests produce.
//!
//! Needs the `serde` feature: the `wire` codes come from reading `customers.get` JSON.
#![cfg(feature = "serde")]

use std::collections::{BTreeMap, BTreeSet};

use gws_onboarding::customer::{
    CloudIdentityId, CrmId, InstituteSize, InstituteType, OrganizationName, PersonName, Website,
};
use gws_onboarding::eligibility::{self, AccountState, Preconditions};
use gws_onboarding::form::{self, OnboardingForm, Policy, Problem, RawEducation, RawOrder};
use gws_onboarding::lifecycle::{self, AccountSnapshot};
use gws_onboarding::order::{self, DealCode, OfferName, Order, OrderError, Plan, PurchaseOrderId};
use gws_onboarding::wire::reseller::CustomerResource;
use gws_onboarding::wire::{Call, channel, reseller};
use gws_onboarding::{
    Addon, CountryCode, Customer, CustomerKind, Diagnostic, DomainRules, Edition, EmailAddress,
    Lang, LanguageCode, PhoneNumber, PostalAddress, PrimaryDomain, Product, ProductFamily,
    RawPostalAddress, Severity, Sku, StorageSize, SubscriptionStatus, SuffixList, email,
};

/// The CLI's code (`examples/onboard.rs`), which no library call produces.
const CLI_CODE: &str = "input.unreadable";

/// The README, whose "What it checks" table lists every code.
const README: &str = include_str!("../README.md");

/// Every source file of the library, searched for the codes its `code` functions return.
const SOURCES: [(&str, &str); 27] = [
    ("src/address.rs", include_str!("../src/address.rs")),
    ("src/country.rs", include_str!("../src/country.rs")),
    ("src/customer.rs", include_str!("../src/customer.rs")),
    ("src/domain.rs", include_str!("../src/domain.rs")),
    ("src/eligibility.rs", include_str!("../src/eligibility.rs")),
    ("src/email.rs", include_str!("../src/email.rs")),
    ("src/error.rs", include_str!("../src/error.rs")),
    ("src/form.rs", include_str!("../src/form.rs")),
    ("src/journey/mod.rs", include_str!("../src/journey/mod.rs")),
    ("src/form/input.rs", include_str!("../src/form/input.rs")),
    ("src/host.rs", include_str!("../src/host.rs")),
    ("src/language.rs", include_str!("../src/language.rs")),
    ("src/lib.rs", include_str!("../src/lib.rs")),
    ("src/lifecycle.rs", include_str!("../src/lifecycle.rs")),
    ("src/order.rs", include_str!("../src/order.rs")),
    ("src/names.rs", include_str!("../src/names.rs")),
    ("src/phone.rs", include_str!("../src/phone.rs")),
    ("src/product.rs", include_str!("../src/product.rs")),
    ("src/strategy.rs", include_str!("../src/strategy.rs")),
    ("src/suffix/mod.rs", include_str!("../src/suffix/mod.rs")),
    (
        "src/suffix/rules.rs",
        include_str!("../src/suffix/rules.rs"),
    ),
    (
        "src/wire/channel.rs",
        include_str!("../src/wire/channel.rs"),
    ),
    (
        "src/wire/google_error.rs",
        include_str!("../src/wire/google_error.rs"),
    ),
    ("src/wire/ids.rs", include_str!("../src/wire/ids.rs")),
    ("src/wire/mod.rs", include_str!("../src/wire/mod.rs")),
    (
        "src/wire/operation.rs",
        include_str!("../src/wire/operation.rs"),
    ),
    (
        "src/wire/reseller.rs",
        include_str!("../src/wire/reseller.rs"),
    ),
];

/// One error or warning produced through the public API.
struct Entry {
    /// What produced it, for failure messages.
    input: String,
    /// The type that owns the code (the last segment of its path).
    source: &'static str,
    code: &'static str,
    severity: Severity,
    en: String,
    fr: String,
    display: String,
}

/// The last segment of a type's path: `DomainError`.
fn short_type_name<T: ?Sized>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// What a form violation wraps: its type's name and the diagnostic itself.
fn unwrap_problem(problem: &Problem) -> (&'static str, &dyn Diagnostic) {
    let source = match problem {
        Problem::Domain(_) => "DomainError",
        Problem::Email(_) => "EmailError",
        Problem::Rule(_) => "RuleError",
        Problem::RuleWarning(_) => "RuleWarning",
        Problem::Address(_) => "AddressError",
        Problem::Phone(_) => "PhoneError",
        Problem::Language(_) => "LanguageError",
        Problem::Text(_) => "TextError",
        Problem::Value(_) => "UnknownValue",
        Problem::Product(_) => "ParseProductError",
        Problem::Eligibility(_) => "Ineligibility",
        Problem::Form(_) => "FormError",
        // The order's wrapper of may_order's refusals keeps the refusal's code.
        Problem::Order(OrderError::Refused(_)) => "OrderRefusal",
        Problem::Order(_) => "OrderError",
        Problem::Google(_) => "GoogleError",
        Problem::Input(_) => "InputTypeError",
        _ => panic!("a form::Problem variant this test does not know: {problem:?}"),
    };
    (source, problem.diagnostic())
}

#[derive(Default)]
struct Found(Vec<Entry>);

impl Found {
    fn add(&mut self, input: &str, source: &'static str, d: &dyn Diagnostic) {
        self.0.push(Entry {
            input: input.to_owned(),
            source,
            code: d.code(),
            severity: d.severity(),
            en: d.message(Lang::En),
            fr: d.message(Lang::Fr),
            display: d.to_string(),
        });
    }

    /// Records the error of `result`, which must have `code`.
    #[track_caller]
    fn err<T: std::fmt::Debug, E: Diagnostic>(
        &mut self,
        code: &str,
        input: &str,
        result: Result<T, E>,
    ) {
        match result {
            Err(e) => {
                assert_eq!(e.code(), code, "{input:?}");
                self.add(input, short_type_name::<E>(), &e);
            }
            Ok(v) => panic!("{input:?} should give {code}, got Ok({v:?})"),
        }
    }

    /// Records the item of `items` that has `code` (there must be one).
    #[track_caller]
    fn one_of<E: Diagnostic>(&mut self, code: &str, input: &str, items: &[E]) {
        let Some(e) = items.iter().find(|e| e.code() == code) else {
            let codes: Vec<_> = items.iter().map(Diagnostic::code).collect();
            panic!("{input:?} should give {code}, got {codes:?}");
        };
        self.add(input, short_type_name::<E>(), e);
    }

    /// Checks `form` and records its violation with `code` (there must be one).
    #[track_caller]
    fn form(&mut self, code: &str, input: &str, form: &OnboardingForm, policy: &Policy) {
        let outcome = form::check(form, policy);
        let Some(v) = outcome.report().iter().find(|v| v.code() == code) else {
            let codes: Vec<_> = outcome.report().codes().collect();
            panic!("form with {input} should give {code}, got {codes:?}");
        };
        let (source, d) = unwrap_problem(v.problem());
        assert_eq!(v.message(Lang::En), d.message(Lang::En), "{code}");
        assert_eq!(v.message(Lang::Fr), d.message(Lang::Fr), "{code}");
        assert_eq!(v.severity(), d.severity(), "{code}");
        self.add(&format!("form with {input}"), source, d);
    }

    /// Reads `json` as a Google error body answering `call` (Reseller or Channel, after the
    /// call) and records its first violation, which must have `code`.
    #[track_caller]
    fn google(&mut self, code: &str, call: Call, json: &str) {
        let report = if call.is_channel() {
            serde_json::from_str::<channel::ErrorBody>(json)
                .expect(json)
                .to_report(call)
        } else {
            serde_json::from_str::<reseller::ErrorBody>(json)
                .expect(json)
                .to_report(call)
        };
        let v = report.iter().next().expect(json);
        assert_eq!(v.code(), code, "{json}");
        let (source, d) = unwrap_problem(v.problem());
        assert_eq!(v.message(Lang::Fr), d.message(Lang::Fr), "{code}");
        self.add(&format!("{call} answered {json}"), source, d);
    }

    /// Reads `json` as `customers.get` and records its snapshot error with `code`.
    #[track_caller]
    fn wire(&mut self, code: &str, json: &str) {
        let resource: CustomerResource = serde_json::from_str(json).expect(json);
        self.err(code, json, resource.to_snapshot());
    }
}

fn domain_customer() -> Customer {
    form::validate(
        &OnboardingForm::sample_domain_customer(),
        &Policy::default(),
    )
    .expect("the sample domain customer is valid")
}

fn team_customer() -> Customer {
    form::validate(&OnboardingForm::sample_team_customer(), &Policy::default())
        .expect("the sample team customer is valid")
}

fn domains(found: &mut Found) {
    let mut parse = |code: &str, input: &str| found.err(code, input, PrimaryDomain::parse(input));
    parse("domain.empty", "");
    parse("domain.empty", "   ");
    parse(
        "domain.too_long",
        &format!("{}com", "abcdefghi.".repeat(26)),
    );
    parse("domain.url", "https://acme-widgets.fr/contact");
    parse("domain.url", "acme-widgets.fr:8080");
    parse("domain.email", "jeanne@acme-widgets.fr");
    parse("domain.www", "www.acme-widgets.fr");
    parse("domain.unsafe_char", "acme\u{200b}widgets.fr");
    parse("domain.unsafe_char", "acme\u{202e}widgets.fr");
    parse("domain.invalid_char", "acme_widgets.fr");
    parse("domain.empty_label", "acme..fr");
    parse("domain.empty_label", ".acme.fr");
    parse("domain.label_too_long", &format!("{}.fr", "a".repeat(64)));
    parse("domain.hyphen", "-acme.fr");
    parse("domain.hyphen", "acme-.fr");
    parse("domain.hyphen", "ab--cd.fr");
    parse("domain.hyphen", "xn---bcher-4ya.fr");
    parse("domain.punycode", "xn--zz.fr");
    parse(
        "domain.lookalike",
        "\u{1d41a}\u{1d41c}\u{1d426}\u{1d41e}.fr",
    );
    parse("domain.lookalike", "\u{17f}hop.fr");
    parse("domain.unsafe_char", "acme\u{1bca0}-widgets.fr");
    parse("domain.idn", "café.fr");
    parse("domain.idn", "xn--caf-dma.fr");
    parse("domain.ip", "192.0.2.1");
    parse("domain.single_label", "intranet");
    parse("domain.unknown_tld", "acme.notatld");
    parse("domain.public_suffix", "co.uk");
    parse("domain.public_suffix", "github.io");
    parse("domain.special_use", "example.com");
    parse("domain.special_use", "acme.test");
    parse("domain.consumer", "gmail.com");
    parse("domain.private_suffix", "acme.github.io");
    let strict = DomainRules::new().allow_subdomain(false);
    found.err(
        "domain.subdomain",
        "shop.acme-widgets.fr (no subdomains)",
        PrimaryDomain::parse_with("shop.acme-widgets.fr", &strict),
    );
}

fn emails(found: &mut Found) {
    let mut parse = |code: &str, input: &str| found.err(code, input, EmailAddress::parse(input));
    parse("email.empty", "");
    parse("email.too_long", &"a".repeat(600));
    parse(
        "email.too_long",
        &format!("{}@{}fr", "a".repeat(64), "b.".repeat(95)),
    );
    parse("email.missing_at", "jeanne.acme-widgets.fr");
    parse("email.multiple_at", "jeanne@acme@widgets.fr");
    parse(
        "email.multiple",
        "jeanne@acme-widgets.fr; paul@acme-widgets.fr",
    );
    parse(
        "email.multiple",
        "jeanne@acme-widgets.fr\npaul@acme-widgets.fr",
    );
    parse("email.display_name", "Jeanne <jeanne@acme-widgets.fr>");
    parse("email.quoted", "\"jeanne martin\"@acme-widgets.fr");
    parse("email.domain_literal", "jeanne@[192.0.2.1]");
    parse("email.comment", "jeanne(work)@acme-widgets.fr");
    parse(
        "email.local_too_long",
        &format!("{}@acme-widgets.fr", "a".repeat(65)),
    );
    parse("email.invalid_local", "jeanne..martin@acme-widgets.fr");
    parse("email.invalid_local", ".jeanne@acme-widgets.fr");
    parse("email.non_ascii_local", "jérôme@acme-widgets.fr");
    parse("email.unsafe_char", "jeanne\u{202e}@acme-widgets.fr");
    parse("email.domain_invalid", "jeanne@acme_widgets.fr");
    parse("email.domain_invalid", "jeanne@");
    parse("email.domain_invalid", "jeanne@-acme.fr");
    parse("email.domain_invalid", "jeanne@ab--cd.fr");
    parse("email.domain_invalid", "jeanne@xn--zz.fr");
    parse("email.domain_lookalike", "jeanne@\u{24d0}cme.fr");
    parse("email.unsafe_char", "jeanne@acme\u{1bca0}-widgets.fr");
    parse(
        "email.domain_too_long",
        &format!("j@{}fr", "abcdefghi.".repeat(26)),
    );
    parse("email.domain_ip", "jeanne@192.0.2.1");
    parse("email.domain_single_label", "jeanne@intranet");
    parse("email.domain_unknown_tld", "jeanne@acme.notatld");
    parse("email.domain_special_use", "jeanne@acme.test");
}

fn rules(found: &mut Found) {
    let primary = PrimaryDomain::parse("acme-widgets.fr").expect("valid");
    let shop = PrimaryDomain::parse("shop.acme-widgets.fr").expect("valid");
    let address = |s: &str| EmailAddress::parse(s).expect(s);
    found.err(
        "rule.secondary_in_primary_domain",
        "secondary it@acme-widgets.fr, primary acme-widgets.fr",
        email::check_secondary_email(&primary, &address("it@acme-widgets.fr")),
    );
    let warning = email::check_secondary_email(&shop, &address("it@acme-widgets.fr"))
        .expect("not an error")
        .expect("a warning");
    found.add(
        "secondary it@acme-widgets.fr, primary shop.acme-widgets.fr",
        "RuleWarning",
        &warning,
    );
    found.err(
        "rule.admin_outside_primary_domain",
        "admin jeanne@other.fr, primary acme-widgets.fr",
        email::check_admin_email(&primary, &address("jeanne@other.fr")),
    );
    for local in [
        "jeanne+admin",
        "jeanne..martin",
        ".jeanne",
        "abuse",
        "PostMaster",
    ] {
        let admin = format!("{local}@acme-widgets.fr");
        let Ok(admin_address) = EmailAddress::parse(&admin) else {
            continue; // refused by the email parser already
        };
        found.err(
            "rule.admin_username",
            &admin,
            email::check_admin_email(&primary, &admin_address),
        );
    }
    found.err(
        "rule.secondary_equals_admin",
        "admin = secondary = jeanne@acme-widgets.fr",
        email::check_distinct(
            &address("jeanne@acme-widgets.fr"),
            &address("Jeanne@Acme-Widgets.FR"),
        ),
    );
}

fn customer_text(found: &mut Found) {
    found.err(
        "text.empty",
        "organisation \" \"",
        OrganizationName::parse(" "),
    );
    found.err("text.empty", "person \"\"", PersonName::parse(""));
    found.err("text.empty", "website \"\"", Website::parse(""));
    found.err(
        "text.too_long",
        "organisation of 256 characters",
        OrganizationName::parse(&"x".repeat(256)),
    );
    found.err(
        "text.too_long",
        "person name of 61 characters",
        PersonName::parse(&"x".repeat(61)),
    );
    found.err(
        "text.too_long",
        "CRM id of 256 characters",
        CrmId::parse(&"x".repeat(256)),
    );
    found.err(
        "text.too_long",
        "Cloud Identity ID of 65 characters",
        CloudIdentityId::parse(&"C".repeat(65)),
    );
    found.err(
        "text.unsafe_char",
        "person a\\u{202e}b",
        PersonName::parse("a\u{202e}b"),
    );
    found.err(
        "text.invalid_char",
        "person <b>x</b>",
        PersonName::parse("<b>x</b>"),
    );
    found.err(
        "text.invalid_char",
        "Cloud Identity ID with a dot",
        CloudIdentityId::parse("C01.abc"),
    );
    found.err(
        "text.invalid_char",
        "website with a space",
        Website::parse("lycee moulin.fr"),
    );
    for website in [
        "ftp://lycee-moulin.fr",
        "https://lycee-moulin.fr:8080",
        "https://localhost",
        "https://lycee_moulin..fr",
    ] {
        found.err("text.website", website, Website::parse(website));
    }
    found.err(
        "value.unknown",
        "customer type reseller",
        "reseller".parse::<CustomerKind>(),
    );
    found.err(
        "value.unknown",
        "institute type college",
        "college".parse::<InstituteType>(),
    );
    found.err(
        "value.unknown",
        "institute size SIZE_0",
        "SIZE_0".parse::<InstituteSize>(),
    );
    found.err(
        "value.unknown",
        "subscription status archived",
        "archived".parse::<SubscriptionStatus>(),
    );
}

fn products(found: &mut Found) {
    found.err(
        "product.unknown_edition",
        "business-premium",
        "business-premium".parse::<Edition>(),
    );
    found.err(
        "product.unknown_family",
        "google-drive",
        "google-drive".parse::<ProductFamily>(),
    );
    found.err("product.unknown", "vaulted", "vaulted".parse::<Product>());
    found.err("sku.empty", "productId \"\"", Sku::parse("", "1010020027"));
    found.err("sku.empty", "skuId \"\"", Sku::parse("Google-Apps", ""));
    found.err(
        "sku.too_long",
        "skuId of 65 characters",
        Sku::parse("Google-Apps", &"1".repeat(65)),
    );
    found.err(
        "sku.invalid_char",
        "productId \"Google Apps\"",
        Sku::parse("Google Apps", "1010020027"),
    );
}

fn countries_languages_phones(found: &mut Found) {
    for (code, input) in [
        ("country.empty", ""),
        ("country.format", "FRA"),
        ("country.format", "F1"),
        ("country.unassigned", "UK"),
        ("country.unassigned", "XX"),
    ] {
        found.err(code, input, CountryCode::parse(input));
    }
    for (code, input) in [
        ("language.empty", ""),
        ("language.too_long", &"a".repeat(36)),
        ("language.invalid_char", "en.US"),
        ("language.empty_subtag", "fr--FR"),
        ("language.subtag", "en-U"),
        ("language.subtag", "en-US-a"),
        ("language.duplicate", "sl-rozaj-rozaj"),
    ] {
        found.err(code, input, LanguageCode::parse(input));
    }
    for (code, input) in [
        ("phone.empty", ""),
        ("phone.too_long", &"+1".repeat(40)),
        ("phone.missing_plus", "01 42 68 53 00"),
        ("phone.invalid_char", "+33 1 42 68 53 00 ext 2"),
        ("phone.length", "+33 1 2"),
        ("phone.length", "+1234567890123456"),
        ("phone.country_code", "+0123456789"),
        ("phone.country_code", "+2801234567"),
    ] {
        found.err(code, input, PhoneNumber::parse(input));
    }
}

fn addresses(found: &mut Found) {
    let valid = || OnboardingForm::sample_domain_customer().postal_address;
    let mut parse = |code: &str, input: &str, raw: &RawPostalAddress| {
        let errors = PostalAddress::parse(raw).expect_err(input);
        found.one_of(code, input, &errors);
    };
    parse(
        "address.missing",
        "all fields blank",
        &RawPostalAddress::default(),
    );
    let mut raw = valid();
    raw.postal_code = " ".into();
    parse("address.missing", "blank postal code", &raw);
    let mut raw = valid();
    raw.address_line1 = "x".repeat(256);
    parse("address.too_long", "address line of 256 characters", &raw);
    let mut raw = valid();
    raw.locality = Some("Par\u{202e}is".into());
    parse("address.unsafe_char", "locality with U+202E", &raw);
    // The address forwards the country's codes.
    let mut raw = valid();
    raw.country_code = "UK".into();
    parse("country.unassigned", "address in country UK", &raw);
    let mut raw = valid();
    raw.country_code = "FRA".into();
    parse("country.format", "address in country FRA", &raw);
}

fn preconditions_and_kinds(found: &mut Found) {
    let nonprofits = Preconditions {
        has_workspace_for_nonprofits: true,
        ..Preconditions::default()
    };
    found.one_of(
        "eligibility.nonprofits",
        "nonprofits",
        &eligibility::check_preconditions(&nonprofits),
    );
    let legacy = Preconditions {
        has_legacy_free_edition: true,
        ..Preconditions::default()
    };
    found.one_of(
        "eligibility.legacy_free_edition",
        "legacy free edition",
        &eligibility::check_preconditions(&legacy),
    );
    let kind = |kind, family, edition, edu| eligibility::check_kind(kind, family, edition, edu);
    found.one_of(
        "eligibility.team_edition",
        "team, Business Plus",
        &kind(
            CustomerKind::Team,
            ProductFamily::GoogleWorkspace,
            Some(Edition::BusinessPlus),
            false,
        ),
    );
    found.one_of(
        "eligibility.team_family",
        "team, Cloud Identity",
        &kind(
            CustomerKind::Team,
            ProductFamily::CloudIdentity,
            None,
            false,
        ),
    );
    found.one_of(
        "eligibility.edition_family",
        "Business Standard in Cloud Identity",
        &kind(
            CustomerKind::Domain,
            ProductFamily::CloudIdentity,
            Some(Edition::BusinessStandard),
            false,
        ),
    );
    found.one_of(
        "eligibility.education_edition",
        "Education Plus, not an institution",
        &kind(
            CustomerKind::Domain,
            ProductFamily::GoogleWorkspace,
            Some(Edition::EducationPlus),
            false,
        ),
    );
}

fn orders(found: &mut Found) {
    let domain = domain_customer();
    let team = team_customer();
    let verified = AccountState::new(true);
    let unverified = AccountState::new(false);
    found.err(
        "order.no_seats",
        "0 seats",
        eligibility::may_order(&domain, &verified, Edition::BusinessStandard.into(), 0),
    );
    found.err(
        "order.verify_domain_first",
        "Vault for an unverified team",
        eligibility::may_order(&team, &unverified, Addon::Vault.into(), 10),
    );
    found.err(
        "order.verify_domain_first",
        "Business Plus for an unverified team",
        eligibility::may_order(&team, &unverified, Edition::BusinessPlus.into(), 10),
    );
    found.err(
        "order.seat_limit",
        "51 seats of Cloud Identity Free",
        eligibility::may_order(&domain, &verified, Edition::CloudIdentityFree.into(), 51),
    );
    found.err(
        "order.education_only",
        "Education Plus for a company",
        eligibility::may_order(&domain, &verified, Edition::EducationPlus.into(), 10),
    );
    let mut cloud_identity = OnboardingForm::sample_domain_customer();
    cloud_identity.product_family = "cloud-identity".into();
    cloud_identity.edition = None;
    let cloud_identity =
        form::validate(&cloud_identity, &Policy::default()).expect("a valid Cloud Identity form");
    found.err(
        "order.needs_workspace",
        "storage for a Cloud Identity customer",
        eligibility::may_order(
            &cloud_identity,
            &verified,
            Addon::Storage(StorageSize::Gb20).into(),
            1,
        ),
    );
}

fn order_values(found: &mut Found) {
    found.err(
        "order.unknown_plan",
        "plan monthly",
        "monthly".parse::<Plan>(),
    );
    found.err("order.unknown_plan", "plan \"\"", "".parse::<Plan>());
    found.err(
        "order.empty",
        "purchase order \" \"",
        PurchaseOrderId::parse(" "),
    );
    found.err("order.empty", "deal code \"\"", DealCode::parse(""));
    found.err("order.empty", "offer \"\"", OfferName::parse(""));
    found.err(
        "order.too_long",
        "purchase order of 81 characters",
        PurchaseOrderId::parse(&"9".repeat(81)),
    );
    found.err(
        "order.too_long",
        "deal code of 101 characters",
        DealCode::parse(&"D".repeat(101)),
    );
    found.err(
        "order.too_long",
        "offer of 200 characters",
        OfferName::parse(&format!("accounts/{}/offers/O1", "C".repeat(190))),
    );
    found.err(
        "order.unsafe_char",
        "purchase order PO\\u{202e}1",
        PurchaseOrderId::parse("PO\u{202e}1"),
    );
    found.err(
        "order.unsafe_char",
        "deal code with a zero-width space",
        DealCode::parse("D\u{200b}1"),
    );
    found.err(
        "order.offer_name",
        "offer offers/O1",
        OfferName::parse("offers/O1"),
    );
    for (code, input) in [
        ("order.seats_not_a_number", "ten"),
        ("order.seats_not_a_number", "1,000"),
        ("order.seats_negative", "-5"),
        ("order.seats_fractional", "2.5"),
        ("order.seats_too_large", "2147483648"),
    ] {
        found.err(code, input, order::parse_seats(input));
    }
    let business = Product::Edition(Edition::BusinessStandard);
    found.err(
        "order.trial_seats",
        "trial of 25 seats",
        Order::new(business, 25, Plan::Trial),
    );
    found.err(
        "order.free_plan",
        "Business Standard on the free plan",
        Order::new(business, 5, Plan::Free),
    );
    found.err(
        "order.plan_not_offered",
        "Essentials on the annual plan",
        Order::new(Edition::Essentials.into(), 5, Plan::AnnualMonthly),
    );
    found.err(
        "order.plan_not_offered",
        "Cloud Identity Free on a trial",
        Order::new(Edition::CloudIdentityFree.into(), 5, Plan::Trial),
    );
    found.err(
        "order.seats_too_large",
        "Order::new with 2147483648 seats",
        Order::new(business, 2_147_483_648, Plan::Flexible),
    );
}

fn order_forms(found: &mut Found) {
    let default = Policy::default();
    let with = |form: OnboardingForm, product: &str, seats: &str, plan: &str| {
        let mut form = form;
        form.order = Some(RawOrder {
            product: product.into(),
            seats: Some(seats.into()),
            plan: Some(plan.into()),
            ..RawOrder::default()
        });
        form
    };
    let domain = OnboardingForm::sample_domain_customer;
    let team = OnboardingForm::sample_team_customer;
    let f = with(domain(), "business-standard", "25", "trial");
    found.form(
        "order.trial_seats",
        "order: trial of 25 seats",
        &f,
        &default,
    );
    let f = with(domain(), "business-plus", "25", "flexible");
    found.form(
        "order.edition_mismatch",
        "order: Business Plus, edition Business Standard",
        &f,
        &default,
    );
    let f = with(team(), "vault", "5", "flexible");
    found.form(
        "order.verify_domain_first",
        "order: Vault for a team",
        &f,
        &default,
    );
    let f = with(domain(), "vault", "5", "flexible");
    found.form(
        "order.verify_domain_first",
        "order: Vault for a new domain customer",
        &f,
        &default,
    );
    let f = with(domain(), "business-standard", "0", "flexible");
    found.form("order.no_seats", "order: 0 seats", &f, &default);
    let f = with(domain(), "business-standard", "-1", "flexible");
    found.form("order.seats_negative", "order: -1 seats", &f, &default);
    let f = with(domain(), "business-standard", "5", "free");
    found.form("order.free_plan", "order: free plan", &f, &default);
    let mut identity = domain();
    identity.product_family = "cloud-identity".into();
    identity.edition = Some("cloud-identity-free".into());
    let f = with(identity.clone(), "cloud-identity-free", "51", "free");
    found.form(
        "order.seat_limit",
        "order: 51 seats of Cloud Identity Free",
        &f,
        &default,
    );
    let f = with(identity.clone(), "cloud-identity-free", "5", "flexible");
    found.form(
        "order.plan_not_offered",
        "order: Cloud Identity Free on the flexible plan",
        &f,
        &default,
    );
    let f = with(identity, "storage-1tb", "1", "flexible");
    found.form(
        "order.needs_workspace",
        "order: storage for Cloud Identity",
        &f,
        &default,
    );
    let f = with(domain(), "", "1", "flexible");
    found.form("form.required", "order: no product", &f, &default);
    let f = with(domain(), "business-standard", " ", "flexible");
    found.form("form.required", "order: no seats", &f, &default);
    let f = with(domain(), "vaulted", "1", "flexible");
    found.form("product.unknown", "order: product vaulted", &f, &default);
    let mut f = with(domain(), "business-standard", "5", "flexible");
    if let Some(order) = f.order.as_mut() {
        order.offer = Some("accounts/C01/skus/O1".into());
    }
    found.form(
        "order.offer_name",
        "order: offer accounts/C01/skus/O1",
        &f,
        &default,
    );
}

/// Values of an impossible JSON type in a form.
fn form_json(found: &mut Found) {
    let default = Policy::default();
    for (json, input) in [
        (
            r#"{"postalAddress": {"postalCode": {"code": "75002"}}}"#,
            "an object as postal code",
        ),
        (r#"{"crmId": ["a", "b"]}"#, "a list as CRM id"),
        (r#"{"domain": true}"#, "a boolean as domain"),
        (r#"{"hasLegacyFreeEdition": "yes"}"#, "text as a flag"),
        (r#"{"admin": "jeanne@acme.fr"}"#, "text as the admin object"),
    ] {
        let f: OnboardingForm = serde_json::from_str(json).expect(json);
        found.form("input.type", input, &f, &default);
    }
}

fn forms(found: &mut Found) {
    let default = Policy::default();
    let domain = OnboardingForm::sample_domain_customer;
    let team = OnboardingForm::sample_team_customer;

    let mut f = domain();
    f.secondary_email = None;
    found.form("form.required", "no secondary email", &f, &default);
    let mut f = domain();
    f.customer_type = String::new();
    found.form("form.required", "no customer type", &f, &default);
    let mut f = team();
    f.edition = None;
    found.form("form.required", "a team without edition", &f, &default);
    let mut f = domain();
    f.phone_number = None;
    found.form(
        "form.required",
        "no phone, phone required",
        &f,
        &Policy::new().require_phone(true),
    );
    let mut f = team();
    f.domain = "other-domain.de".into();
    found.form(
        "form.team_domain_mismatch",
        "team domain other-domain.de",
        &f,
        &default,
    );
    let mut f = domain();
    f.postal_address.country_code = "US".into();
    let eu = Policy::new().allowed_countries([
        CountryCode::parse("FR").expect("FR"),
        CountryCode::parse("DE").expect("DE"),
    ]);
    found.form(
        "form.country_not_allowed",
        "country US, policy FR DE",
        &f,
        &eu,
    );
    let mut f = domain();
    f.product_family = "google-vault".into();
    f.edition = None;
    found.form("form.main_family", "family google-vault", &f, &default);

    let mut f = domain();
    f.domain = String::new();
    found.form(
        "eligibility.no_registered_domain",
        "blank domain",
        &f,
        &default,
    );
    let mut f = team();
    f.admin.email = "sam.keller@gmail.com".into();
    found.form(
        "eligibility.consumer_email",
        "team admin on gmail.com",
        &f,
        &default,
    );
    let mut f = domain();
    f.has_workspace_for_nonprofits = true;
    found.form("eligibility.nonprofits", "nonprofits", &f, &default);

    // Wrapped codes keep their own type's code in a form.
    let mut f = domain();
    f.domain = "www.acme-widgets.fr".into();
    found.form("domain.www", "domain www.acme-widgets.fr", &f, &default);
    let mut f = domain();
    f.admin.email = "jeanne.martin".into();
    found.form("email.missing_at", "admin email without @", &f, &default);
    let mut f = domain();
    f.postal_address.country_code = "UK".into();
    found.form("country.unassigned", "country UK", &f, &default);
    let mut f = domain();
    f.domain = "paris.acme-widgets.fr".into();
    f.admin.email = "jeanne.martin@paris.acme-widgets.fr".into();
    f.secondary_email = Some("it@acme-widgets.fr".into());
    found.form(
        "rule.secondary_same_registrable",
        "secondary in the registrable domain",
        &f,
        &default,
    );
    let mut f = domain();
    f.educational_institution = Some(RawEducation {
        institute_type: "college".into(),
        institute_size: None,
        website: None,
    });
    found.form("value.unknown", "institute type college", &f, &default);
    let mut f = domain();
    f.edition = Some("business-premium".into());
    found.form(
        "product.unknown_edition",
        "edition business-premium",
        &f,
        &default,
    );
}

fn wire(found: &mut Found) {
    found.wire(
        "wire.kind",
        r#"{"kind": "reseller#subscription", "customerId": "C1", "customerDomain": "acme.fr"}"#,
    );
    found.wire("wire.missing", r#"{"customerId": "C1"}"#);
    found.wire(
        "wire.missing",
        r#"{"customerId": "C1", "customerDomain": " "}"#,
    );
    found.wire(
        "wire.domain",
        r#"{"customerId": "C1", "customerDomain": "https://acme.fr"}"#,
    );
    found.wire(
        "wire.email",
        r#"{"customerId": "C1", "customerDomain": "acme.fr", "alternateEmail": "it"}"#,
    );
    found.wire(
        "wire.email",
        r#"{"customerId": "C1", "customerDomain": "acme.fr",
            "primaryAdmin": {"primaryEmail": "sam@@acme.fr"}}"#,
    );
    found.wire(
        "wire.address",
        r#"{"customerId": "C1", "customerDomain": "acme.fr",
            "postalAddress": {"contactName": "Jeanne Martin", "organizationName": "Acme",
                              "addressLine1": "1 rue de la Paix", "countryCode": "FR"}}"#,
    );
    found.wire(
        "wire.address",
        r#"{"customerId": "C1", "customerDomain": "acme.fr",
            "postalAddress": {"contactName": "Jeanne Martin", "organizationName": "Acme",
                              "addressLine1": "1 rue de la Paix", "postalCode": "75002",
                              "countryCode": "UK"}}"#,
    );
    let json =
        r#"{"customerId": "C1", "customerDomain": "acme.fr", "phoneNumber": "01 23 45 67 89"}"#;
    let resource: CustomerResource = serde_json::from_str(json).expect(json);
    assert!(
        resource.to_snapshot().is_ok(),
        "a bad phone is not an error"
    );
    found.one_of("wire.phone", json, &resource.warnings());

    // The Cloud Channel `Customer` reader.
    let json = r#"{"domain": "acme.fr", "orgPostalAddress": {"regionCode": "FR",
        "postalCode": "75002", "addressLines": ["1 rue A"], "recipients": ["Jo Bo"]}}"#;
    let resource: channel::CustomerResource = serde_json::from_str(json).expect(json);
    found.one_of("wire.incomplete", json, &resource.warnings());
    let json = r#"{"domain": "acme.fr", "orgDisplayName": "Acme", "orgPostalAddress": {
        "regionCode": "FR", "addressLines": ["1 rue A"], "recipients": ["Jo Bo"]}}"#;
    let resource: channel::CustomerResource = serde_json::from_str(json).expect(json);
    found.err("wire.address", json, resource.to_snapshot());

    // A body that is no error body.
    let json = r#"{"name": "accounts/A/customers/C"}"#;
    let err = serde_json::from_str::<channel::ErrorBody>(json).expect_err(json);
    assert!(
        err.to_string()
            .starts_with("the answer is not a Cloud Channel API error body")
    );
    found.add(
        json,
        "WireError",
        &gws_onboarding::wire::WireError::NotAnError {
            api: "Cloud Channel",
        },
    );
}

/// The journey's identifiers and the mistakes in driving it.
fn journey_codes(found: &mut Found) {
    use gws_onboarding::journey::{Answer, Api, Journey};
    use gws_onboarding::wire::{CustomerName, OperationName, RequestId, TransferToken};

    found.err("id.empty", " ", TransferToken::parse(" "));
    found.err(
        "id.too_long",
        "300 hex digits",
        TransferToken::parse(&"a".repeat(300)),
    );
    found.err("id.format", "0a1b&x=1", TransferToken::parse("0a1b&x=1"));
    found.err("id.format", "3f2504e0", RequestId::parse("3f2504e0"));
    found.err(
        "id.nil_uuid",
        "nil UUID",
        RequestId::parse("00000000-0000-0000-0000-000000000000"),
    );
    found.err(
        "id.format",
        "customers/S1",
        CustomerName::parse("customers/S1"),
    );
    found.err("id.empty", "", OperationName::parse(""));

    found.err("journey.unknown_api", "soap", "soap".parse::<Api>());
    let customer = domain_customer();
    let mut journey = Journey::reseller(&customer);
    let subscription = serde_json::from_str("{}").expect("subscription");
    found.err(
        "journey.out_of_sequence",
        "a subscription answering customers.get",
        journey.handle(Answer::Subscription(subscription)),
    );
    found.err(
        "journey.not_needed",
        "a transfer token before any answer",
        journey.give_token(TransferToken::parse("0a").expect("token")),
    );
    let mut journey = Journey::channel(&customer, CloudIdentityId::parse("C1").expect("id"));
    let none = serde_json::from_str("{}").expect("check answer");
    journey
        .handle(Answer::CheckAccounts(none))
        .expect("create next");
    let nameless = serde_json::from_str("{}").expect("customer");
    found.err(
        "journey.unreadable",
        "a created customer without a name",
        journey.handle(Answer::ChannelCustomer(nameless)),
    );
}

#[allow(clippy::too_many_lines)] // one recorded body per documented case
fn google_errors(found: &mut Found) {
    let reseller = |code: u16, reason: &str, message: &str| {
        format!(
            r#"{{"error": {{"code": {code}, "message": "{message}", "errors": [{{"domain": "global", "reason": "{reason}", "message": "{message}"}}]}}}}"#
        )
    };
    let channel = |code: u16, status: &str, message: &str| {
        format!(r#"{{"error": {{"code": {code}, "status": "{status}", "message": "{message}"}}}}"#)
    };
    found.google(
        "google.already_exists",
        Call::ResellerCustomersInsert,
        &reseller(409, "duplicate", "Requested entity already exists"),
    );
    found.google(
        "google.already_exists",
        Call::ChannelCustomersProvisionCloudIdentity,
        &channel(409, "ALREADY_EXISTS", "Primary email already exists"),
    );
    found.google(
        "google.already_exists",
        Call::ChannelEntitlementsCreate,
        &channel(409, "ALREADY_EXISTS", "Entitlement already exists"),
    );
    found.google(
        "google.invalid",
        Call::ResellerCustomersInsert,
        &reseller(
            400,
            "invalid",
            "alternateEmail can't be at the same domain as customerDomain",
        ),
    );
    found.google(
        "google.invalid",
        Call::ResellerCustomersInsert,
        &reseller(400, "invalid", "Invalid postal code"),
    );
    found.google(
        "google.invalid",
        Call::ResellerCustomersInsert,
        &reseller(400, "invalid", "Country not eligible"),
    );
    found.google(
        "google.invalid",
        Call::ChannelCustomersCreate,
        r#"{"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "Invalid argument",
            "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                         "fieldViolations": [{"field": "customer.org_display_name", "description": "Required"}]}]}}"#,
    );
    found.google(
        "google.invalid",
        Call::ChannelCustomersCreate,
        &channel(
            400,
            "INVALID_ARGUMENT",
            "Request contains an invalid argument.",
        ),
    );
    found.google(
        "google.failed_precondition",
        Call::ChannelEntitlementsCreate,
        &channel(400, "FAILED_PRECONDITION", "Domain is not verified"),
    );
    found.google(
        "google.failed_precondition",
        Call::ChannelCustomersProvisionCloudIdentity,
        &channel(400, "FAILED_PRECONDITION", "Precondition check failed"),
    );
    found.google(
        "google.not_found",
        Call::ResellerCustomersGet,
        &reseller(404, "notFound", "Resource Not Found: customerKey"),
    );
    found.google(
        "google.not_found",
        Call::ChannelOperationsGet,
        &channel(404, "NOT_FOUND", "Operation not found"),
    );
    found.google(
        "google.not_found",
        Call::ChannelEntitlementsCreate,
        &channel(404, "NOT_FOUND", "Offer not found"),
    );
    found.google(
        "google.not_found",
        Call::ChannelCustomersProvisionCloudIdentity,
        &channel(404, "NOT_FOUND", "Customer not found"),
    );
    found.google(
        "google.permission_denied",
        Call::ResellerCustomersGet,
        &reseller(403, "forbidden", "Forbidden"),
    );
    found.google(
        "google.permission_denied",
        Call::ChannelCustomersCreate,
        &channel(
            403,
            "PERMISSION_DENIED",
            "The caller does not have permission",
        ),
    );
    found.google(
        "google.unauthenticated",
        Call::ResellerCustomersInsert,
        &reseller(401, "authError", "Invalid Credentials"),
    );
    found.google(
        "google.quota_exceeded",
        Call::ResellerSubscriptionsInsert,
        &reseller(429, "quotaExceeded", "Quota exceeded"),
    );
    found.google(
        "google.unavailable",
        Call::ChannelCustomersCreate,
        &channel(503, "UNAVAILABLE", "The service is currently unavailable."),
    );
    found.google(
        "google.other",
        Call::ResellerCustomersInsert,
        &reseller(418, "teapot", "I'm a teapot"),
    );
    found.google(
        "google.other",
        Call::ChannelCustomersCreate,
        r#"{"error": {"code": 0, "status": "SOMETHING_NEW"}}"#,
    );
}

fn suffix_lists(found: &mut Found) {
    let huge = "a\n".repeat(gws_onboarding::suffix::MAX_LIST_BYTES / 2 + 1);
    found.err(
        "suffix_list.too_long",
        "a list over 16 MiB",
        SuffixList::parse(&huge),
    );
    found.err(
        "suffix_list.invalid_rule",
        "!com",
        SuffixList::parse("!com"),
    );
    found.err("suffix_list.empty", "\"\"", SuffixList::parse(""));
    found.err(
        "suffix_list.empty",
        "only comments",
        SuffixList::parse("// nothing here\n\n"),
    );
}

fn drift(found: &mut Found) {
    let ours = AccountSnapshot::from(&domain_customer());
    let mut raw = RawPostalAddress::from(ours.postal_address().expect("an address").clone());
    raw.locality = Some("Lyon".into());
    let theirs = AccountSnapshot::new(PrimaryDomain::parse("acme-widgets.com").expect("domain"))
        .with_postal_address(PostalAddress::new(&raw).expect("address"))
        .with_admin_email(EmailAddress::parse("boss@acme-widgets.com").expect("email"))
        .with_alternate_email(EmailAddress::parse("it@other-reseller.de").expect("email"))
        .with_phone(PhoneNumber::parse("+33 4 78 00 00 00").expect("phone"));
    let drift = lifecycle::drift(&ours, &theirs);
    let input = "the sample customer against a moved one";
    for code in [
        "drift.domain",
        "drift.postal_address",
        "drift.admin_email",
        "drift.alternate_email",
        "drift.phone",
    ] {
        found.one_of(code, input, drift.changes());
    }
}

fn message_languages(found: &mut Found) {
    found.err("lang.unsupported", "de", "de".parse::<Lang>());
    found.err("lang.unsupported", "", "".parse::<Lang>());
}

/// Every error and warning the tests can produce, each code at least once.
fn produce_all() -> Vec<Entry> {
    let mut found = Found::default();
    domains(&mut found);
    emails(&mut found);
    rules(&mut found);
    customer_text(&mut found);
    products(&mut found);
    countries_languages_phones(&mut found);
    addresses(&mut found);
    preconditions_and_kinds(&mut found);
    orders(&mut found);
    order_values(&mut found);
    order_forms(&mut found);
    forms(&mut found);
    form_json(&mut found);
    wire(&mut found);
    google_errors(&mut found);
    journey_codes(&mut found);
    suffix_lists(&mut found);
    drift(&mut found);
    message_languages(&mut found);
    found.0
}

/// Whether `code` is `area.name`, both lowercase ASCII letters and underscores.
fn is_code(code: &str) -> bool {
    let part = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    code.split_once('.')
        .is_some_and(|(area, name)| part(area) && part(name))
}

/// The codes returned by the `fn code` bodies of the sources.
fn codes_in_sources() -> BTreeSet<&'static str> {
    const SIGNATURE: &str = "fn code(&self) -> &'static str {";
    let mut codes = BTreeSet::new();
    for (path, text) in SOURCES {
        let mut rest = text;
        while let Some(start) = rest.find(SIGNATURE) {
            let body = &rest[start + SIGNATURE.len()..];
            let mut depth = 1;
            let end = body
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or_else(|| panic!("unclosed code in {path}"), |(i, _)| i);
            for literal in body[..end].split('"').skip(1).step_by(2) {
                assert!(is_code(literal), "{path}: code returns {literal:?}");
                codes.insert(literal);
            }
            rest = &body[end..];
        }
    }
    codes
}

/// The rows of README's "What it checks" table that name a code: code and severity.
fn readme_codes() -> BTreeMap<&'static str, &'static str> {
    let section = README
        .split("\n## ")
        .find(|s| s.starts_with("What it checks\n"))
        .expect("README has a \"What it checks\" section");
    let mut codes = BTreeMap::new();
    for row in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // "| rule | code | severity |" splits into ["", rule, code, severity, ""].
        assert_eq!(cells.len(), 5, "README row {row:?}");
        let (code, severity) = (cells[2], cells[3]);
        if code.is_empty() || code == "Code" || code.starts_with("---") {
            continue; // a group heading, the header or the separator
        }
        let code = code
            .strip_prefix('`')
            .and_then(|c| c.strip_suffix('`'))
            .unwrap_or_else(|| panic!("README code cell {code:?} is not one backticked code"));
        assert!(is_code(code), "README code {code:?}");
        let severity = severity.trim_matches('*');
        assert!(
            codes.insert(code, severity).is_none(),
            "README lists {code} twice"
        );
    }
    codes
}

/// The names of products a message may start with, capitalised as Google writes them.
fn product_names() -> Vec<String> {
    let mut names: Vec<String> = Edition::ALL.iter().map(|e| e.name().to_owned()).collect();
    names.extend(ProductFamily::ALL.iter().map(|f| f.name().to_owned()));
    names.extend(Addon::ALL.iter().map(|a| a.name()));
    names
}

/// The crate's rule for how a message starts: with a lowercase letter; or with the input it
/// echoes, quoted the language's way (`"www.acme.fr" …`, `« www.acme.fr » …`); or with a count
/// (`256 characters is more than the 255 allowed`); or with the name of a Google product,
/// capitalised as Google writes it (`Cloud Identity Free allows at most 50 seats…`).
fn starts_by_convention(message: &str, lang: Lang, products: &[String]) -> bool {
    let quoted = match lang {
        Lang::Fr => message
            .strip_prefix("« ")
            .is_some_and(|rest| rest.contains(" »")),
        _ => message
            .strip_prefix('"')
            .is_some_and(|rest| rest.contains('"')),
    };
    let product = products.iter().any(|p| {
        message
            .strip_prefix(p.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    });
    let first = message.chars().next();
    first.is_some_and(char::is_lowercase)
        || first.is_some_and(|c| c.is_ascii_digit())
        || quoted
        || product
}

#[test]
fn every_message_follows_the_conventions() {
    let products = product_names();
    let mut broken = Vec::new();
    for e in produce_all() {
        let id = format!("{} ({}, from {:?})", e.code, e.source, e.input);
        if e.en != e.display {
            broken.push(format!(
                "{id}: English {:?} is not Display {:?}",
                e.en, e.display
            ));
        }
        if e.fr.trim().is_empty() {
            broken.push(format!("{id}: empty French message"));
        }
        if e.fr == e.en {
            broken.push(format!("{id}: French is the English {:?}", e.en));
        }
        for (lang, message) in [(Lang::En, &e.en), (Lang::Fr, &e.fr)] {
            if message.trim().is_empty() {
                broken.push(format!("{id}: empty {lang} message"));
            }
            if message.ends_with('.') {
                broken.push(format!(
                    "{id}: {lang} message ends with a period: {message:?}"
                ));
            }
            if message.trim() != message {
                broken.push(format!(
                    "{id}: {lang} message has surrounding white space: {message:?}"
                ));
            }
            if !starts_by_convention(message, lang, &products) {
                broken.push(format!(
                    "{id}: {lang} message starts with none of a lowercase letter, the quoted input, a count or a product name: {message:?}"
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} message(s) break the conventions:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn every_code_is_produced_and_in_the_readme() {
    let produced: BTreeSet<&str> = produce_all().iter().map(|e| e.code).collect();
    let defined = codes_in_sources();
    let readme = readme_codes();
    let documented: BTreeSet<&str> = readme.keys().copied().filter(|&c| c != CLI_CODE).collect();

    assert!(
        readme.contains_key(CLI_CODE),
        "README's table does not list the CLI's {CLI_CODE}"
    );
    assert!(
        !defined.contains(CLI_CODE),
        "{CLI_CODE} is the example's, not the library's"
    );

    let list = |set: BTreeSet<&&str>| {
        set.into_iter()
            .map(|c| format!("  {c}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut problems = Vec::new();
    let not_produced: BTreeSet<_> = defined.difference(&produced).collect();
    if !not_produced.is_empty() {
        problems.push(format!(
            "defined in src/ but not produced by this test:\n{}",
            list(not_produced)
        ));
    }
    let not_defined: BTreeSet<_> = produced.difference(&defined).collect();
    if !not_defined.is_empty() {
        problems.push(format!(
            "produced but not found in any code of src/:\n{}",
            list(not_defined)
        ));
    }
    let undocumented: BTreeSet<_> = produced.difference(&documented).collect();
    if !undocumented.is_empty() {
        problems.push(format!(
            "produced but missing from README's \"What it checks\" table:\n{}",
            list(undocumented)
        ));
    }
    let unproduced: BTreeSet<_> = documented.difference(&produced).collect();
    if !unproduced.is_empty() {
        problems.push(format!(
            "in README's \"What it checks\" table but never produced:\n{}",
            list(unproduced)
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn readme_gives_each_code_its_severity() {
    let readme = readme_codes();
    let mut wrong = Vec::new();
    for e in produce_all() {
        let documented = readme.get(e.code).copied().unwrap_or("(not listed)");
        if documented != e.severity.as_str() {
            wrong.push(format!(
                "{}: README says {documented}, {:?} gives {}",
                e.code, e.input, e.severity
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn codes_are_well_formed_and_owned_by_one_type() {
    // Types that deliberately return another type's code: the wrapped error's.
    let forwards =
        |source: &str, code: &str| source == "AddressError" && code.starts_with("country.");
    let mut owners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in produce_all() {
        assert!(
            is_code(e.code),
            "{} from {:?} is not area.name",
            e.code,
            e.input
        );
        if !forwards(e.source, e.code) {
            owners.entry(e.code).or_default().insert(e.source);
        }
    }
    let shared: Vec<String> = owners
        .iter()
        .filter(|(_, types)| types.len() > 1)
        .map(|(code, types)| format!("{code}: {types:?}"))
        .collect();
    assert!(
        shared.is_empty(),
        "codes returned by more than one type:\n{}",
        shared.join("\n")
    );
    // One area, one type, except `rule.*` (the rules' errors and their warning) and `order.*`
    // (the order's values and plan rules, and may_order's refusals).
    let mut areas: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (code, types) in &owners {
        let area = code.split_once('.').map_or(*code, |(area, _)| area);
        areas.entry(area).or_default().extend(types);
    }
    let rule_types: BTreeSet<&str> = ["RuleError", "RuleWarning"].into();
    let order_types: BTreeSet<&str> = ["OrderError", "OrderRefusal"].into();
    for (area, types) in &areas {
        if *area == "rule" {
            assert_eq!(types, &rule_types, "rule.*");
        } else if *area == "order" {
            assert_eq!(types, &order_types, "order.*");
        } else {
            assert_eq!(types.len(), 1, "{area}.* is returned by {types:?}");
        }
    }
}

#[test]
fn lang_parses_what_the_messages_come_in() {
    assert_eq!("en".parse::<Lang>().ok(), Some(Lang::En));
    assert_eq!("fr-CA".parse::<Lang>().ok(), Some(Lang::Fr));
    let err = "de".parse::<Lang>().expect_err("no German messages");
    let message = err.to_string();
    assert!(message.starts_with("unsupported"), "{message}");
    assert!(!message.ends_with('.'), "{message}");
}
