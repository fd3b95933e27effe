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
use gws_onboarding::report::Finding;
use gws_onboarding::wire::reseller::CustomerResource;
use gws_onboarding::wire::subscription::SubscriptionResource;
use gws_onboarding::wire::{Call, GoogleError, NotASuccess, channel, reseller};
use gws_onboarding::{
    Addon, CountryCode, Customer, CustomerKind, Diagnostic, DomainRules, Edition, EmailAddress,
    Lang, LanguageCode, PhoneNumber, PostalAddress, PrimaryDomain, Product, ProductFamily,
    RawPostalAddress, Severity, Sku, StorageSize, SubscriptionStatus, SuffixList, email,
};

/// The CLI's code (`examples/onboard.rs`), which no library call produces.
const CLI_CODE: &str = "input.unreadable";

/// The README, whose "What it checks" table lists every code.
const README: &str = include_str!("../README.md");

/// Every source file of the library (every `.rs` file under `src/`), searched for the codes its
/// `code` functions return. Read from disk so that moving code between files changes nothing.
fn sources() -> Vec<(String, &'static str)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, &'static str)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src/ is readable")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                out.push((path.display().to_string(), Box::leak(text.into_boxed_str())));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    assert!(out.len() > 20, "found only {} source files", out.len());
    out
}

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
fn unwrap_problem(finding: &dyn Finding) -> (&'static str, &dyn Diagnostic) {
    if let Some(google) = finding.downcast_ref::<GoogleError>() {
        return ("GoogleError", google);
    }
    let Some(problem) = finding.downcast_ref::<Problem>() else {
        panic!("a problem this test does not know: {finding:?}")
    };
    let source = match problem {
        Problem::Domain(_) => "DomainError",
        Problem::Email(_) => "EmailError",
        Problem::Rule(_) => "RuleError",
        Problem::RuleWarning(_) => "RuleWarning",
        Problem::Address(_) => "AddressError",
        Problem::Phone(_) => "PhoneError",
        Problem::PhoneExtension(_) => "ExtensionNotSent",
        Problem::Language(_) => "LanguageError",
        Problem::Text(_) => "TextError",
        Problem::Value(_) => "UnknownValue",
        Problem::Product(_) => "ParseProductError",
        Problem::Eligibility(_) => "Ineligibility",
        Problem::Form(_) => "FormError",
        // The order's wrapper of may_order's refusals keeps the refusal's code.
        Problem::Order(OrderError::Refused(_)) => "OrderRefusal",
        Problem::Order(_) => "OrderError",
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
        ("phone.invalid_char", "+33 1 42 68 CALL"),
        ("phone.extension", "+33 1 42 68 53 00 ext 2"),
        ("phone.short_for_country", "+1 555 0100"),
        ("phone.long_for_country", "+33 6 12 34 56 78 90 12"),
        ("phone.unassigned", "+33 0 12 34 56 78"),
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
        "eligibility.not_sold",
        "Essentials, no longer sold",
        &kind(
            CustomerKind::Team,
            ProductFamily::GoogleWorkspace,
            Some(Edition::Essentials),
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
        "order.not_sold",
        "G Suite Basic, no longer sold",
        eligibility::may_order(
            &domain,
            &verified,
            "g-suite-basic".parse().expect("a catalogue name"),
            10,
        ),
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
        "Cloud Identity Free on the annual plan",
        Order::new(Edition::CloudIdentityFree.into(), 5, Plan::AnnualMonthly),
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
    let f = with(domain(), "gemini-labs", "5", "flexible");
    found.form(
        "order.not_sold",
        "order: Gemini Labs, not sold through the Reseller API",
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
    let mut json = serde_json::to_value(domain()).expect("a form");
    json["secondaryEmial"] = "it@example.net".into();
    let f: OnboardingForm = serde_json::from_value(json).expect("a form");
    found.form("form.unknown_field", "key secondaryEmial", &f, &default);

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

    wrapped_in_forms(found);
}

/// Wrapped codes keep their own type's code in a form.
fn wrapped_in_forms(found: &mut Found) {
    let default = Policy::default();
    let domain = OnboardingForm::sample_domain_customer;
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
    f.phone_number = Some("+33 1 42 68 53 00 poste 12".into());
    found.form(
        "phone.extension_not_sent",
        "phone with an extension",
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

fn form_limits(found: &mut Found) {
    let default = Policy::default();
    let mut f = OnboardingForm::sample_domain_customer();
    f.edition = Some("\u{3000}".repeat(10_000));
    found.form("form.too_long", "edition of 10 000 U+3000", &f, &default);
    let mut f = OnboardingForm::sample_team_customer();
    f.domain = "x".repeat(5_000);
    found.form("form.too_long", "team domain of 5 000 x", &f, &default);
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

/// A transfer's `subscriptions.insert` body, refused for each reason.
fn transfers(found: &mut Found) {
    use gws_onboarding::wire::PageToken;
    use gws_onboarding::wire::subscription::list::SubscriptionList;
    use gws_onboarding::wire::subscription::transfer::{TransferOrder, transfer_body};
    use std::time::{Duration, UNIX_EPOCH};

    found.err("id.format", "two words", PageToken::parse("two words"));
    let now = UNIX_EPOCH + Duration::from_secs(1_746_000_000);
    let info = r#""transferInfo": {"minimumTransferableSeats": 20, "transferabilityExpirationTime": "1746921600000"}"#;
    let cases = [
        ("transfer.not_transferable", r#"{"customerId": "C1", "skuId": "1010020028"}"#.to_owned(), Plan::Flexible, 25),
        ("transfer.expired", r#"{"customerId": "C1", "skuId": "1010020028", "transferInfo": {"transferabilityExpirationTime": "1000"}}"#.to_owned(), Plan::Flexible, 25),
        ("transfer.no_customer_id", format!(r#"{{"skuId": "1010020028", {info}}}"#), Plan::Flexible, 25),
        ("transfer.invalid_customer_id", format!(r#"{{"customerId": "C1 \u202e", "skuId": "1010020028", {info}}}"#), Plan::Flexible, 25),
        ("transfer.no_sku", format!(r#"{{"customerId": "C1", {info}}}"#), Plan::Flexible, 25),
        ("transfer.invalid_sku", format!(r#"{{"customerId": "C1", "skuId": "../x?y", {info}}}"#), Plan::Flexible, 25),
        ("transfer.plan_not_offered", format!(r#"{{"customerId": "C1", "skuId": "1010060001", {info}}}"#), Plan::AnnualMonthly, 25),
        ("transfer.too_few_seats", format!(r#"{{"customerId": "C1", "skuId": "1010020028", {info}}}"#), Plan::Flexible, 15),
        ("transfer.too_many_seats", format!(r#"{{"customerId": "C1", "skuId": "1010020028", {info}}}"#), Plan::Trial, 25),
    ];
    for (code, subscription, plan, seats) in cases {
        let json = format!(r#"{{"subscriptions": [{subscription}]}}"#);
        let page: SubscriptionList = serde_json::from_str(&json).expect(&json);
        let order = TransferOrder::new(plan, seats);
        found.err(
            code,
            &json,
            transfer_body(&page.subscriptions()[0], &order, now),
        );
    }
}

/// The journey's identifiers and the mistakes in driving it.
/// The journey's reports when it cannot choose an offer, or move a SKU.
fn choice_codes(found: &mut Found) {
    use gws_onboarding::journey::ChoiceProblem;
    use gws_onboarding::order::Plan;
    use gws_onboarding::wire::Call;
    let problems = [
        ChoiceProblem::SkuNotOffered {
            product: "Google Workspace Business Plus".into(),
            listed: 120,
        },
        ChoiceProblem::PlanNotOffered {
            call: Call::ChannelListPurchasableOffers,
            plan: Plan::AnnualYearly,
            on_offer: vec!["flexible".into(), "offline".into(), "commitment".into()],
        },
        ChoiceProblem::SeveralOffers {
            call: Call::ChannelListPurchasableOffers,
            offers: vec![
                "accounts/C1/offers/O1".into(),
                "accounts/C1/offers/O2".into(),
            ],
            more: 3,
        },
        ChoiceProblem::EndlessListing {
            call: Call::ChannelListTransferableSkus,
        },
        ChoiceProblem::NotTransferable {
            sku: "Google Workspace Business Starter\u{202e}".into(),
            reason: Some("PENDING_TOS_ACCEPTANCE".into()),
            description: Some("x".repeat(300)),
        },
        ChoiceProblem::TooManySkus { listed: 21 },
    ];
    for problem in &problems {
        found.add("a listing of Google's", "journey", problem);
    }
    for problem in [
        gws_onboarding::journey::ResendProblem::DuplicateCustomers { count: 2 },
        gws_onboarding::journey::ResendProblem::ExistsUnlisted,
    ] {
        found.add("a listing after a lost answer", "resend", &problem);
    }
}

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
    // The success readers' refusals come as serde errors: each is checked against the typed
    // value whose message it carries.
    for (code, json, refusal) in [
        (
            "answer.error_body",
            r#"{"error": {"code": 403, "message": "Forbidden"}}"#,
            NotASuccess::ErrorBody {
                expected: "a Reseller Subscription",
            },
        ),
        (
            "answer.empty",
            "{}",
            NotASuccess::Empty {
                expected: "a Reseller Subscription",
            },
        ),
    ] {
        let read = serde_json::from_str::<SubscriptionResource>(json);
        found.err(
            code,
            json,
            read.map_err(|e| {
                assert!(e.to_string().starts_with(&refusal.to_string()), "{e}");
                refusal
            }),
        );
    }
    let customer = domain_customer();
    let mut journey = Journey::reseller(&customer);
    let subscription = serde_json::from_str(r#"{"subscriptionId": "1"}"#).expect("subscription");
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
    let nameless = serde_json::from_str(r#"{"domain": "acme-widgets.fr"}"#).expect("customer");
    found.err(
        "journey.unreadable",
        "a created customer without a name",
        journey.handle(Answer::ChannelCustomer(nameless)),
    );
    let foreign =
        serde_json::from_str(r#"{"name": "accounts/ZZZ/customers/S42"}"#).expect("customer");
    found.err(
        "journey.mismatch",
        "a created customer under another account",
        journey.handle(Answer::ChannelCustomer(foreign)),
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

/// The Directory API pieces of the Reseller route: the admin's password, names, kind, user key.
fn directory(found: &mut Found) {
    use gws_onboarding::wire::directory::{AdminPassword, AdminUserBody, UserKey};

    found.err(
        "directory.password_length",
        "s3cret",
        AdminPassword::parse("s3cret"),
    );
    found.err(
        "directory.password_length",
        "101 characters",
        AdminPassword::parse(&"x".repeat(101)),
    );
    found.err(
        "directory.password_character",
        "mot-de-passé",
        AdminPassword::parse("mot-de-passé"),
    );
    let password = || AdminPassword::parse("Temp-2026-pass!").expect("a valid password");
    found.err(
        "directory.team_customer",
        "the sample team customer",
        AdminUserBody::new(&team_customer(), password()),
    );
    let mut form = OnboardingForm::sample_domain_customer();
    form.admin.last_name = None;
    let nameless = form::validate(&form, &Policy::new().require_admin_name(false))
        .expect("names optional by policy");
    found.err(
        "directory.admin_name",
        "an admin without a last name",
        AdminUserBody::new(&nameless, password()),
    );
    form.admin.first_name = None;
    let nameless = form::validate(&form, &Policy::new().require_admin_name(false))
        .expect("names optional by policy");
    found.err(
        "directory.admin_name",
        "an admin without names",
        AdminUserBody::new(&nameless, password()),
    );
    found.err("directory.user_key", "1/2", UserKey::parse("1/2"));
    found.err("directory.user_key", " ", UserKey::parse(" "));
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
    form_limits(&mut found);
    form_json(&mut found);
    wire(&mut found);
    google_errors(&mut found);
    journey_codes(&mut found);
    choice_codes(&mut found);
    transfers(&mut found);
    directory(&mut found);
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
    for (path, text) in sources() {
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
    // Every SKU of the catalogue (Gemini Labs, G Suite Basic…) is a Google product name.
    names.extend(Product::all().map(Product::name));
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
    // One area, one type, except `rule.*` (the rules' errors and their warning), `phone.*`
    // (the number's errors and the form's warning about an extension) and `order.*` (the
    // order's values and plan rules, and may_order's refusals).
    let mut areas: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (code, types) in &owners {
        let area = code.split_once('.').map_or(*code, |(area, _)| area);
        areas.entry(area).or_default().extend(types);
    }
    let rule_types: BTreeSet<&str> = ["RuleError", "RuleWarning"].into();
    let order_types: BTreeSet<&str> = ["OrderError", "OrderRefusal"].into();
    let phone_types: BTreeSet<&str> = ["ExtensionNotSent", "PhoneError"].into();
    for (area, types) in &areas {
        if *area == "rule" {
            assert_eq!(types, &rule_types, "rule.*");
        } else if *area == "phone" {
            assert_eq!(types, &phone_types, "phone.*");
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

// ---------------------------------------------------------------------------------------------
// Every message stays short and safe, whatever the input (issue 9, bug 3).

mod bounded {
    use super::*;
    use gws_onboarding::lifecycle::{self, AccountSnapshot};
    use proptest::prelude::*;

    /// Messages have fewer characters than this, in both languages.
    const MAX_MESSAGE_CHARS: usize = 300;
    /// The longest run of an input's characters a message may repeat.
    const MAX_QUOTED_CHARS: usize = 64;

    /// Characters that must never reach a message raw: controls, bidi controls, zero-width and
    /// other invisible format characters, line and paragraph separators.
    fn is_unsafe(c: char) -> bool {
        c.is_control()
            || matches!(c,
                '\u{ad}' | '\u{61c}' | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
            )
    }

    /// What is wrong with `message`, an echo of some of `inputs`: too long, unsafe, or
    /// repeating more than [`MAX_QUOTED_CHARS`] characters of one input in a row.
    pub(super) fn problems(message: &str, inputs: &[&str]) -> Vec<String> {
        let mut found = Vec::new();
        let chars: Vec<char> = message.chars().collect();
        if chars.len() >= MAX_MESSAGE_CHARS {
            found.push(format!("{} characters", chars.len()));
        }
        if let Some(c) = chars.iter().find(|&&c| is_unsafe(c)) {
            found.push(format!("raw U+{:04X}", u32::from(*c)));
        }
        for window in chars.windows(MAX_QUOTED_CHARS + 1) {
            let run: String = window.iter().collect();
            if inputs.iter().any(|input| input.contains(&run)) {
                found.push(format!("repeats {run:?}"));
                break;
            }
        }
        found
    }

    /// Checks both messages of `d`.
    fn check(what: &str, d: &dyn Diagnostic, inputs: &[&str]) -> Result<(), TestCaseError> {
        for lang in [Lang::En, Lang::Fr] {
            let message = d.message(lang);
            let found = problems(&message, inputs);
            prop_assert!(
                found.is_empty(),
                "{what} [{}] {lang}: {found:?} in {message:?}",
                d.code()
            );
        }
        Ok(())
    }

    fn check_err<T, E: Diagnostic>(
        what: &str,
        result: Result<T, E>,
        inputs: &[&str],
    ) -> Result<(), TestCaseError> {
        match result {
            Err(e) => check(what, &e, inputs),
            Ok(_) => Ok(()),
        }
    }

    /// Hostile text: up to 5 000 characters mixing letters, the characters parsers split on
    /// (`@ . - : /`), white space, newlines, quotes, bidi overrides and invisible characters.
    pub(super) fn hostile() -> impl Strategy<Value = String> {
        let unit = prop_oneof![
            6 => proptest::char::range('a', 'z').prop_map(String::from),
            1 => Just("\u{202e}".to_owned()),
            1 => Just("\u{2066}".to_owned()),
            1 => Just("\n".to_owned()),
            1 => Just("\u{200b}".to_owned()),
            1 => Just("\u{3000}".to_owned()),
            1 => Just("é".to_owned()),
            1 => Just(" ".to_owned()),
            1 => Just("\"".to_owned()),
            1 => Just("@".to_owned()),
            1 => Just(".".to_owned()),
            1 => Just("-".to_owned()),
            1 => Just("://".to_owned()),
        ];
        prop_oneof![
            proptest::collection::vec(unit.clone(), 1..200).prop_map(|v| v.concat()),
            proptest::collection::vec(unit, 1..5_000).prop_map(|v| v.concat()),
            (proptest::char::range('a', 'z'), 65..5_000usize)
                .prop_map(|(c, n)| c.to_string().repeat(n)),
        ]
    }

    /// A valid domain as long as they get: up to four labels of 63 characters.
    fn long_domain() -> impl Strategy<Value = String> {
        (1..=3usize, proptest::char::range('a', 'z'), 40..=63usize).prop_map(|(labels, c, len)| {
            let label = c.to_string().repeat(len);
            let mut domain = vec![label; labels].join(".");
            domain.push_str(".fr");
            domain
        })
    }

    /// Every parser of the crate, with `s` and with `s` dressed as what the parser expects.
    fn parsers(s: &str) -> Result<(), TestCaseError> {
        let dressed = [
            s.to_owned(),
            format!("https://{s}/x"),
            format!("www.{s}.fr"),
            format!("{s}.fr"),
            format!("{s}@acme-widgets.fr"),
            format!("jeanne@{s}"),
            format!("jeanne@{s}.fr"),
            format!("+33 {s}"),
            format!("fr-{s}"),
        ];
        for input in &dressed {
            let i = [input.as_str(), s];
            check_err("PrimaryDomain", PrimaryDomain::parse(input), &i)?;
            check_err("EmailAddress", EmailAddress::parse(input), &i)?;
            check_err("CountryCode", CountryCode::parse(input), &i)?;
            check_err("LanguageCode", LanguageCode::parse(input), &i)?;
            check_err("PhoneNumber", PhoneNumber::parse(input), &i)?;
            check_err("OrganizationName", OrganizationName::parse(input), &i)?;
            check_err("PersonName", PersonName::parse(input), &i)?;
            check_err("CrmId", CrmId::parse(input), &i)?;
            check_err("CloudIdentityId", CloudIdentityId::parse(input), &i)?;
            check_err("Website", Website::parse(input), &i)?;
            check_err("CustomerKind", input.parse::<CustomerKind>(), &i)?;
            check_err("InstituteType", input.parse::<InstituteType>(), &i)?;
            check_err("InstituteSize", input.parse::<InstituteSize>(), &i)?;
            check_err(
                "SubscriptionStatus",
                input.parse::<SubscriptionStatus>(),
                &i,
            )?;
            check_err("Edition", input.parse::<Edition>(), &i)?;
            check_err("ProductFamily", input.parse::<ProductFamily>(), &i)?;
            check_err("Product", input.parse::<Product>(), &i)?;
            check_err("Sku product", Sku::parse(input, "1010020027"), &i)?;
            check_err("Sku id", Sku::parse("Google-Apps", input), &i)?;
            check_err("SuffixList", SuffixList::parse(input), &i)?;
        }
        Ok(())
    }

    /// The form with `s` in each field in turn, and the rules between long valid values.
    fn forms(s: &str) -> Result<(), TestCaseError> {
        type Set = fn(&mut OnboardingForm, String);
        let setters: [Set; 22] = [
            |f, s| f.customer_type = s,
            |f, s| f.product_family = s,
            |f, s| f.edition = Some(s),
            |f, s| {
                f.educational_institution
                    .get_or_insert_with(Default::default)
                    .institute_type = s;
            },
            |f, s| {
                f.educational_institution
                    .get_or_insert_with(Default::default)
                    .institute_size = Some(s);
            },
            |f, s| {
                f.educational_institution
                    .get_or_insert_with(Default::default)
                    .website = Some(s);
            },
            |f, s| f.organization_name = s,
            |f, s| f.domain = s,
            |f, s| f.postal_address.contact_name = s,
            |f, s| f.postal_address.organization_name = s,
            |f, s| f.postal_address.address_line1 = s,
            |f, s| f.postal_address.address_line3 = Some(s),
            |f, s| f.postal_address.locality = Some(s),
            |f, s| f.postal_address.postal_code = s,
            |f, s| f.postal_address.country_code = s,
            |f, s| f.phone_number = Some(s),
            |f, s| f.admin.email = s,
            |f, s| f.admin.first_name = Some(s),
            |f, s| f.admin.last_name = Some(s),
            |f, s| f.secondary_email = Some(s),
            |f, s| f.language_code = Some(s),
            |f, s| f.crm_id = Some(s),
        ];
        for base in [
            OnboardingForm::sample_domain_customer(),
            OnboardingForm::sample_team_customer(),
        ] {
            for set in setters {
                for value in [s.to_owned(), format!("{s}@acme-widgets.fr")] {
                    let mut form = base.clone();
                    set(&mut form, value.clone());
                    for v in form::check(&form, &Policy::default()).report() {
                        check(v.field(), v, &[&value, s])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The rules and drift between long, valid values.
    fn long_values(a: &str, b: &str, local: &str) -> Result<(), TestCaseError> {
        let admin_a = format!("{local}@{a}");
        let admin_b = format!("{local}@{b}");
        let inputs = [a, b, admin_a.as_str(), admin_b.as_str(), local];
        let mut form = OnboardingForm::sample_domain_customer();
        a.clone_into(&mut form.domain);
        form.admin.email.clone_from(&admin_b);
        form.secondary_email = Some(admin_a.clone());
        for v in form::check(&form, &Policy::default()).report() {
            check(v.field(), v, &inputs)?;
        }
        let mut team = OnboardingForm::sample_team_customer();
        team.admin.email.clone_from(&admin_a);
        b.clone_into(&mut team.domain);
        for v in form::check(&team, &Policy::default()).report() {
            check(v.field(), v, &inputs)?;
        }
        if let (Ok(da), Ok(db), Ok(ea), Ok(eb)) = (
            PrimaryDomain::parse(a),
            PrimaryDomain::parse(b),
            EmailAddress::parse(&admin_a),
            EmailAddress::parse(&admin_b),
        ) {
            check_err("admin rule", email::check_admin_email(&da, &eb), &inputs)?;
            check_err(
                "secondary rule",
                email::check_secondary_email(&da, &ea),
                &inputs,
            )?;
            check_err("distinct rule", email::check_distinct(&ea, &ea), &inputs)?;
            let sub = PrimaryDomain::parse(&format!("x.{a}"));
            if let Ok(sub) = sub {
                if let Ok(Some(w)) = email::check_secondary_email(&sub, &ea) {
                    check("secondary warning", &w, &inputs)?;
                }
            }
            let ours = AccountSnapshot::new(da)
                .with_admin_email(ea.clone())
                .with_alternate_email(ea);
            let theirs = AccountSnapshot::new(db)
                .with_admin_email(eb.clone())
                .with_alternate_email(eb);
            for change in lifecycle::drift(&ours, &theirs).changes() {
                for lang in [Lang::En, Lang::Fr] {
                    let message = change.message(lang);
                    let found = problems(&message, &inputs);
                    prop_assert!(found.is_empty(), "drift {lang}: {found:?} in {message:?}");
                }
            }
        }
        Ok(())
    }

    /// Google's `customers.get` answer with `s` in each of its text fields in turn.
    fn wire_answers(s: &str) -> Result<(), TestCaseError> {
        let paths: [&[&str]; 8] = [
            &["kind"],
            &["customerDomain"],
            &["alternateEmail"],
            &["phoneNumber"],
            &["customerType"],
            &["primaryAdmin", "primaryEmail"],
            &["postalAddress", "postalCode"],
            &["postalAddress", "countryCode"],
        ];
        for path in paths {
            let mut json = serde_json::json!({
                "kind": "reseller#customer",
                "customerId": "C01abc",
                "customerDomain": "acme-widgets.fr",
                "postalAddress": {
                    "contactName": "Jeanne Martin", "organizationName": "Acme",
                    "addressLine1": "1 rue de la Paix", "postalCode": "75002", "countryCode": "FR"
                }
            });
            let mut slot = &mut json;
            for key in path {
                slot = &mut slot[*key];
            }
            *slot = serde_json::Value::String(s.to_owned());
            match serde_json::from_value::<CustomerResource>(json) {
                Err(e) => {
                    let message = e.to_string();
                    let found = problems(&message, &[s]);
                    prop_assert!(found.is_empty(), "{path:?}: {found:?} in {message:?}");
                }
                Ok(resource) => {
                    check_err("customers.get", resource.to_snapshot(), &[s])?;
                    for warning in resource.warnings() {
                        check("customers.get warning", &warning, &[s])?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Google's error bodies (both APIs) with `s` as their message, reason, location and
    /// details.
    fn google_errors(s: &str) -> Result<(), TestCaseError> {
        use gws_onboarding::wire::{Call, channel, reseller};
        let reseller_json = serde_json::json!({"error": {"code": 400, "message": s,
            "errors": [{"reason": s, "message": s, "location": s, "domain": s}]}});
        let body = serde_json::from_value::<reseller::ErrorBody>(reseller_json)
            .map_err(|e| TestCaseError::fail(format!("reseller body refused: {e}")))?;
        let errors = body.google_errors(Call::ResellerCustomersInsert);
        prop_assert!(!errors.is_empty());
        for e in errors {
            check("reseller error", &e, &[s])?;
        }
        let channel_json = serde_json::json!({"error": {"code": 400, "message": s, "status": s,
            "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": s, "description": s}]},
                {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": s, "domain": s}]}});
        let body = serde_json::from_value::<channel::ErrorBody>(channel_json)
            .map_err(|e| TestCaseError::fail(format!("channel body refused: {e}")))?;
        let errors = body.google_errors(Call::ChannelCustomersCreate);
        prop_assert!(!errors.is_empty());
        for e in errors {
            check("channel error", &e, &[s])?;
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn parser_messages_are_short_and_safe(s in hostile()) {
            parsers(&s)?;
        }

        #[test]
        fn wire_messages_are_short_and_safe(s in hostile()) {
            wire_answers(&s)?;
        }

        #[test]
        fn google_error_messages_are_short_and_safe(s in hostile()) {
            google_errors(&s)?;
        }

        #[test]
        fn form_messages_are_short_and_safe(s in hostile()) {
            forms(&s)?;
        }

        #[test]
        fn rule_and_drift_messages_are_short_and_safe(
            a in long_domain(),
            b in long_domain(),
            local in (proptest::char::range('a', 'z'), 1..=64usize)
                .prop_map(|(c, n)| c.to_string().repeat(n)),
        ) {
            long_values(&a, &b, &local)?;
        }
    }

    #[test]
    fn issue_9_admin_outside_primary_domain_stays_short() {
        // The review's example: 607 characters with a long domain and a long admin address.
        let primary = format!(
            "{}.{}.{}.fr",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63)
        );
        let admin = format!(
            "{}@{}.{}.{}.fr",
            "j".repeat(64),
            "x".repeat(63),
            "y".repeat(63),
            "z".repeat(56)
        );
        let err = email::check_admin_email(
            &PrimaryDomain::parse(&primary).expect("valid"),
            &EmailAddress::parse(&admin).expect("valid"),
        )
        .expect_err("outside the primary domain");
        assert_eq!(err.code(), "rule.admin_outside_primary_domain");
        for lang in [Lang::En, Lang::Fr] {
            let message = err.message(lang);
            assert_eq!(
                problems(&message, &[&primary, &admin]),
                Vec::<String>::new(),
                "{message}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// `text.too_long` counts characters, as Google does, and says so (issue 9, item 12).

mod text_length {
    use super::*;
    use gws_onboarding::customer::TextError;
    use proptest::prelude::*;

    #[test]
    fn issue_9_two_byte_characters_count_once() {
        // 256 "é" are 512 bytes but 256 characters: one past the limit, not 257 past it.
        let err = OrganizationName::parse(&"é".repeat(256)).expect_err("256 characters");
        assert_eq!(err, TextError::TooLong { len: 256, max: 255 });
        assert_eq!(
            err.message(Lang::En),
            "is longer than the 255 characters allowed"
        );
        assert_eq!(
            err.message(Lang::Fr),
            "dépasse les 255 caractères autorisés"
        );
        // 255 of them fit.
        assert!(OrganizationName::parse(&"é".repeat(255)).is_ok());
    }

    proptest! {
        #[test]
        fn length_is_in_characters(
            unit in prop_oneof![Just("x"), Just("é"), Just("€"), Just("𝄞"), Just("日")],
            extra in 1..200usize,
        ) {
            let n = PersonName::MAX_CHARS + extra;
            let input = unit.repeat(n);
            match PersonName::parse(&input) {
                Err(TextError::TooLong { len, max }) => {
                    prop_assert_eq!(max, PersonName::MAX_CHARS);
                    prop_assert!(len > max);
                    // Input past four bytes a character is cut before counting: a lower bound.
                    if input.len() <= PersonName::MAX_CHARS * 4 + 64 {
                        prop_assert_eq!(len, n);
                    }
                }
                other => prop_assert!(false, "{other:?}"),
            }
            prop_assert!(PersonName::parse(&unit.repeat(PersonName::MAX_CHARS)).is_ok());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// serde's errors for the crate's closed sets and validated values quote input escaped and cut,
// like every other message (issue 9, bug 4).

mod serde_errors {
    use super::bounded::problems;
    use super::*;
    use gws_onboarding::wire::Call;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The serde error of reading `s` as a `T`, if refused.
    fn refusal<T: serde::de::DeserializeOwned>(s: &str) -> Option<String> {
        serde_json::from_value::<T>(Value::String(s.to_owned()))
            .err()
            .map(|e| e.to_string())
    }

    /// Every type of the crate read from one JSON string, with its serde error.
    fn refusals(s: &str) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("Severity", refusal::<Severity>(s)),
            ("Call", refusal::<Call>(s)),
            ("CustomerKind", refusal::<CustomerKind>(s)),
            ("InstituteType", refusal::<InstituteType>(s)),
            ("InstituteSize", refusal::<InstituteSize>(s)),
            ("SubscriptionStatus", refusal::<SubscriptionStatus>(s)),
            ("Edition", refusal::<Edition>(s)),
            ("ProductFamily", refusal::<ProductFamily>(s)),
            ("Product", refusal::<Product>(s)),
            ("Addon", refusal::<Addon>(s)),
            ("StorageSize", refusal::<StorageSize>(s)),
            ("PrimaryDomain", refusal::<PrimaryDomain>(s)),
            ("EmailAddress", refusal::<EmailAddress>(s)),
            ("CountryCode", refusal::<CountryCode>(s)),
            ("LanguageCode", refusal::<LanguageCode>(s)),
            ("PhoneNumber", refusal::<PhoneNumber>(s)),
            ("OrganizationName", refusal::<OrganizationName>(s)),
            ("PersonName", refusal::<PersonName>(s)),
            ("CrmId", refusal::<CrmId>(s)),
            ("CloudIdentityId", refusal::<CloudIdentityId>(s)),
            ("Website", refusal::<Website>(s)),
        ]
    }

    /// Channel's `CloudIdentityInfo` with `s` as its `customerType`, then as its
    /// `eduData.instituteType`: the serde errors, if refused.
    fn channel_refusals(s: &str) -> Vec<(&'static str, Option<String>)> {
        use gws_onboarding::wire::channel::CloudIdentityInfo;
        let read = |json: Value| {
            serde_json::from_value::<CloudIdentityInfo>(json)
                .err()
                .map(|e| e.to_string())
        };
        vec![
            (
                "customerType",
                read(serde_json::json!({ "customerType": s })),
            ),
            (
                "eduData.instituteType",
                read(serde_json::json!({
                    "customerType": "DOMAIN",
                    "eduData": { "instituteType": s, "instituteSize": "SIZE_1_100" }
                })),
            ),
            (
                "eduData.instituteSize",
                read(serde_json::json!({
                    "customerType": "DOMAIN",
                    "eduData": { "instituteType": "K12", "instituteSize": s }
                })),
            ),
        ]
    }

    #[test]
    fn issue_9_channel_customer_type_refuses_a_newline_escaped() {
        let hostile = format!("DOMAIN\n\u{202e}{}", "Z".repeat(5_000));
        for (path, message) in channel_refusals(&hostile) {
            let message = message.unwrap_or_else(|| panic!("{path}: accepted"));
            assert_eq!(
                problems(&message, &[&hostile]),
                Vec::<String>::new(),
                "{path}: {message}"
            );
            assert!(message.contains("\\u{a}\\u{202e}ZZZ"), "{path}: {message}");
        }
        for (path, message) in channel_refusals("K12") {
            // K12 is a valid institute type, not a customer type.
            assert_eq!(message.is_some(), path != "eduData.instituteType", "{path}");
        }
    }

    #[test]
    fn issue_9_severity_refuses_a_bidi_override_escaped() {
        let hostile = format!("warn\u{202e}ing\n{}", "x".repeat(5_000));
        let message = refusal::<Severity>(&hostile).expect("not a severity");
        assert!(
            message.starts_with("unknown severity \"warn\\u{202e}ing\\u{a}xxx"),
            "{message}"
        );
        assert_eq!(
            problems(&message, &[&hostile]),
            Vec::<String>::new(),
            "{message}"
        );
        assert_eq!(refusal::<Severity>("warning"), None);
        assert_eq!(
            serde_json::to_string(&Severity::Error).ok().as_deref(),
            Some("\"error\"")
        );
        let call: Call = serde_json::from_str("\"reseller.customers.insert\"").expect("known");
        assert_eq!(call, Call::ResellerCustomersInsert);
        assert_eq!(
            serde_json::to_string(&call).ok().as_deref(),
            Some("\"reseller.customers.insert\"")
        );
    }

    /// A stored order with `s` as an unknown key: refused, the key quoted cut and escaped.
    fn order_refusal(s: &str) -> Option<String> {
        let mut json = serde_json::json!({"product": "business-plus", "seats": 25});
        json[s] = Value::from(1);
        serde_json::from_value::<gws_onboarding::Order>(json)
            .err()
            .map(|e| e.to_string())
    }

    #[test]
    fn issue_9_an_unknown_order_key_is_escaped() {
        let key = format!("seat\u{202e}s\n{}", "k".repeat(5_000));
        let message = order_refusal(&key).expect("unknown key refused");
        assert_eq!(
            problems(&message, &[&key]),
            Vec::<String>::new(),
            "{message}"
        );
        assert!(
            message.starts_with("unknown field \"seat\\u{202e}s\\u{a}kkk"),
            "{message}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn unknown_order_keys_are_short_and_safe(s in super::bounded::hostile()) {
            prop_assume!(!["product", "seats", "plan", "purchaseOrderId", "dealCode", "offer"].contains(&s.as_str()));
            let message = order_refusal(&s);
            prop_assert!(message.is_some(), "{s:?} accepted");
            let message = message.unwrap_or_default();
            let found = problems(&message, &[&s]);
            prop_assert!(found.is_empty(), "{found:?} in {message:?}");
        }

        #[test]
        fn serde_refusals_are_short_and_safe(s in super::bounded::hostile()) {
            for (ty, message) in refusals(&s).into_iter().chain(channel_refusals(&s)) {
                if let Some(message) = message {
                    let found = problems(&message, &[&s]);
                    prop_assert!(found.is_empty(), "{ty}: {found:?} in {message:?}");
                }
            }
        }

        #[test]
        fn closed_sets_round_trip_through_serde(i in 0..2usize) {
            let severity = [Severity::Warning, Severity::Error][i];
            let json = serde_json::to_string(&severity).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(serde_json::from_str::<Severity>(&json).ok(), Some(severity));
            for call in Call::ALL {
                let json = serde_json::to_string(&call).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(serde_json::from_str::<Call>(&json).ok(), Some(call));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// French, proofread: words agree with the field's gender, a blank value reads "(vide)"
// (issue 10, item 5).

mod french {
    use super::*;
    use gws_onboarding::AddressField;
    use gws_onboarding::form::{Field, FormError};
    use gws_onboarding::lifecycle::Change;
    use proptest::prelude::*;

    /// The gender of each postal address field's French name, pinned here independently of
    /// the crate's table: `true` for feminine.
    fn feminine(field: AddressField) -> bool {
        matches!(
            field,
            AddressField::AddressLine1
                | AddressField::AddressLine2
                | AddressField::AddressLine3
                | AddressField::Locality
                | AddressField::Region
        )
    }

    const ADDRESS_FIELDS: [AddressField; 9] = [
        AddressField::ContactName,
        AddressField::OrganizationName,
        AddressField::AddressLine1,
        AddressField::AddressLine2,
        AddressField::AddressLine3,
        AddressField::Locality,
        AddressField::Region,
        AddressField::PostalCode,
        AddressField::CountryCode,
    ];

    #[test]
    fn issue_10_drift_participles_agree_with_the_field() {
        let change = |field| Change::PostalAddress {
            field,
            ours: Some("Paris".into()),
            theirs: Some("Lyon".into()),
        };
        assert_eq!(
            change(AddressField::Locality).message(Lang::Fr),
            "localité de l'adresse postale modifiée : « Paris » devient « Lyon »"
        );
        assert_eq!(
            change(AddressField::Region).message(Lang::Fr),
            "région de l'adresse postale modifiée : « Paris » devient « Lyon »"
        );
        assert_eq!(
            change(AddressField::PostalCode).message(Lang::Fr),
            "code postal de l'adresse postale modifié : « Paris » devient « Lyon »"
        );
        let secondary = Change::AlternateEmail {
            ours: EmailAddress::parse("it@reseller.de").expect("valid"),
            theirs: EmailAddress::parse("it@acme.de").expect("valid"),
        };
        assert!(
            secondary
                .message(Lang::Fr)
                .starts_with("adresse e-mail secondaire modifiée : "),
            "{}",
            secondary.message(Lang::Fr)
        );
    }

    #[test]
    fn issue_10_a_blank_value_reads_empty() {
        let change = Change::PostalAddress {
            field: AddressField::AddressLine2,
            ours: Some("Bâtiment B".into()),
            theirs: None,
        };
        assert_eq!(
            change.message(Lang::Fr),
            "ligne d'adresse 2 de l'adresse postale modifiée : « Bâtiment B » devient (vide)"
        );
        assert_eq!(
            change.message(Lang::En),
            "postal address addressLine2 changed from \"Bâtiment B\" to (empty)"
        );
        for lang in [Lang::En, Lang::Fr] {
            assert!(!change.message(lang).contains("«  »"));
            assert!(!change.message(lang).contains("\"\""));
        }
    }

    proptest! {
        /// Every address field, any values: the French participle agrees with the field's
        /// gender, and a blank value is never shown as empty quotes.
        #[test]
        fn drift_agrees_for_every_address_field(
            i in 0..ADDRESS_FIELDS.len(),
            ours in proptest::option::of("[ a-zA-Zé0-9]{0,20}"),
            theirs in proptest::option::of("[ a-zA-Zé0-9]{0,20}"),
        ) {
            let field = ADDRESS_FIELDS[i];
            let message = Change::PostalAddress { field, ours, theirs }.message(Lang::Fr);
            let participle = if feminine(field) { " modifiée : " } else { " modifié : " };
            prop_assert!(message.contains(participle), "{message}");
            prop_assert!(!message.contains("«  »") && !message.contains("«  »"), "{message}");
        }
    }

    #[test]
    fn form_field_adjectives_agree() {
        for field in Field::ALL {
            let fr = FormError::TooLong { field }.message(Lang::Fr);
            let name = field.name(Lang::Fr);
            // The French names' genders, pinned here: feminine ones, the rest masculine.
            let feminine = matches!(
                field,
                Field::ProductFamily
                    | Field::Edition
                    | Field::InstituteSize
                    | Field::AdminEmail
                    | Field::SecondaryEmail
                    | Field::OrderOffer
            );
            let adjective = if feminine {
                " est trop longue : "
            } else {
                " est trop long : "
            };
            assert!(fr.starts_with(&format!("{name}{adjective}")), "{fr}");
            let en = FormError::Required { field }.message(Lang::En);
            assert!(en.starts_with(field.name(Lang::En)), "{en}");
        }
    }

    #[test]
    fn no_french_message_shows_empty_quotes_or_english_quotes() {
        for e in produce_all() {
            assert!(!e.fr.contains("«  »"), "{}: {}", e.code, e.fr);
            assert!(!e.en.contains("\"\""), "{}: {}", e.code, e.en);
            // Characters are quoted « _ », not as Rust writes them ('_').
            let chars: Vec<char> = e.fr.chars().collect();
            assert!(
                !chars.windows(3).any(|w| w[0] == '\'' && w[2] == '\''),
                "{}: {}",
                e.code,
                e.fr
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Messages that help: a hint names only what the crate accepts, taken from the user's own
// input; positions count from 1; the report follows the form's order (issue 10, item 6).

mod hints {
    use super::*;
    use gws_onboarding::DomainError;
    use gws_onboarding::form::Field;
    use proptest::prelude::*;

    #[test]
    fn issue_10_url_suggests_the_users_own_domain() {
        let err =
            PrimaryDomain::parse("https://www.acme-widgets.fr/contact?ref=1").expect_err("a URL");
        assert_eq!(err.code(), "domain.url");
        assert_eq!(
            err.message(Lang::En),
            "\"https://www.acme-widgets.fr/contact?ref=1\" looks like a web address (scheme): enter the domain name alone, \"acme-widgets.fr\""
        );
        assert_eq!(
            err.message(Lang::Fr),
            "« https://www.acme-widgets.fr/contact?ref=1 » ressemble à une adresse web (protocole) : saisissez seulement le nom de domaine, « acme-widgets.fr »"
        );
        for lang in [Lang::En, Lang::Fr] {
            assert!(!err.message(lang).contains("example.com"));
        }
    }

    #[test]
    fn url_without_a_valid_domain_says_what_to_remove() {
        let err = PrimaryDomain::parse("https://example.com/contact").expect_err("a URL");
        let DomainError::Url { suggestion, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(suggestion, &None, "example.com is refused: never suggested");
        assert_eq!(
            err.message(Lang::En),
            "\"https://example.com/contact\" looks like a web address (scheme): remove the scheme and path and enter the customer's domain name alone"
        );
        assert_eq!(
            err.message(Lang::Fr),
            "« https://example.com/contact » ressemble à une adresse web (protocole) : retirez-en le protocole et le chemin et saisissez seulement le nom de domaine du client"
        );
    }

    #[test]
    fn positions_count_from_one() {
        // "acme_widgets.fr": the underscore is the fifth character.
        let err = PrimaryDomain::parse("acme_widgets.fr").expect_err("underscore");
        assert!(
            err.message(Lang::En).contains("at position 5"),
            "{}",
            err.message(Lang::En)
        );
        assert!(
            err.message(Lang::Fr).contains("à la position 5"),
            "{}",
            err.message(Lang::Fr)
        );
        let err = PrimaryDomain::parse("\u{200b}acme.fr").expect_err("zero-width space");
        assert!(
            err.message(Lang::En).ends_with("at position 1"),
            "{}",
            err.message(Lang::En)
        );
        let err = EmailAddress::parse("j\u{202e}@acme.fr").expect_err("bidi override");
        assert!(
            err.message(Lang::En).ends_with("at position 2"),
            "{}",
            err.message(Lang::En)
        );
    }

    #[test]
    fn single_label_hint_names_no_refused_domain() {
        // "googlemail.com" is refused (a consumer domain): the hint must not suggest it.
        let err = PrimaryDomain::parse("googlemail").expect_err("one label");
        assert_eq!(err.code(), "domain.single_label");
        for lang in [Lang::En, Lang::Fr] {
            assert!(
                !err.message(lang).contains("googlemail.com"),
                "{}",
                err.message(lang)
            );
        }
    }

    /// A valid domain of one to three labels under a common suffix.
    fn domain() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec("[a-z][a-z0-9]{2,12}", 1..=2),
            prop_oneof![
                Just("fr"),
                Just("de"),
                Just("com"),
                Just("co.uk"),
                Just("io")
            ],
        )
            .prop_map(|(labels, tld)| format!("{}.{tld}", labels.join(".")))
    }

    proptest! {
        /// Any URL around a valid domain suggests that domain, which parses.
        #[test]
        fn url_hint_is_the_domain_it_names(
            d in domain(),
            scheme in prop_oneof![Just(""), Just("http://"), Just("https://"), Just("HTTPS://")],
            www in prop_oneof![Just(""), Just("www."), Just("WWW.")],
            user in prop_oneof![Just(""), Just("jeanne@")],
            port in prop_oneof![Just(""), Just(":8080")],
            tail in prop_oneof![Just(""), Just("/"), Just("/contact?ref=1"), Just("?q=x"), Just("#top")],
        ) {
            let input = format!("{scheme}{user}{www}{d}{port}{tail}");
            prop_assume!(scheme.is_empty() && user.is_empty() || !scheme.is_empty());
            prop_assume!(!(port.is_empty() && tail.is_empty() && scheme.is_empty()));
            let Ok(expected) = PrimaryDomain::parse(&d) else {
                return Ok(()); // a generated name that is itself refused (a public suffix)
            };
            match PrimaryDomain::parse(&input) {
                Err(DomainError::Url { suggestion, .. }) => {
                    prop_assert_eq!(suggestion.as_deref(), Some(expected.as_str()), "{}", input);
                }
                other => prop_assert!(false, "{input}: {other:?}"),
            }
        }

        /// Whatever the input, a suggested domain is one the crate accepts.
        #[test]
        fn url_hint_never_names_a_refused_domain(
            s in super::bounded::hostile(),
            prefix in prop_oneof![Just("https://"), Just("http://www."), Just("")],
            suffix in prop_oneof![Just("/x"), Just(":80"), Just("?a")],
        ) {
            let input = format!("{prefix}{s}{suffix}");
            if let Err(DomainError::Url { suggestion: Some(hint), .. }) = PrimaryDomain::parse(&input) {
                prop_assert!(PrimaryDomain::parse(&hint).is_ok(), "{input:?} suggests {hint:?}");
            }
        }
    }

    /// The rank of a violation's field in the form's order, as `Report` documents it.
    fn rank(path: &str) -> usize {
        const ORDER: [&str; 32] = [
            "customerType",
            "productFamily",
            "edition",
            "educationalInstitution.instituteType",
            "educationalInstitution.instituteSize",
            "educationalInstitution.website",
            "organizationName",
            "domain",
            "postalAddress.contactName",
            "postalAddress.organizationName",
            "postalAddress.addressLine1",
            "postalAddress.addressLine2",
            "postalAddress.addressLine3",
            "postalAddress.locality",
            "postalAddress.region",
            "postalAddress.postalCode",
            "postalAddress.countryCode",
            "phoneNumber",
            "admin.email",
            "admin.firstName",
            "admin.lastName",
            "secondaryEmail",
            "languageCode",
            "crmId",
            "hasWorkspaceForNonprofits",
            "hasLegacyFreeEdition",
            "order.product",
            "order.seats",
            "order.plan",
            "order.purchaseOrderId",
            "order.dealCode",
            "order.offer",
        ];
        ORDER.iter().position(|p| *p == path).unwrap_or(ORDER.len())
    }

    #[test]
    fn field_table_is_in_the_form_order() {
        let ranks: Vec<usize> = Field::ALL.iter().map(|f| rank(f.path())).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    }

    type Breaker = fn(&mut OnboardingForm);

    /// Mistakes, one per field, to combine.
    const BREAKERS: [Breaker; 16] = [
        |f| f.customer_type = "reseller".into(),
        |f| f.product_family = "google-drive".into(),
        |f| f.edition = Some("business-premium".into()),
        |f| f.organization_name = "<b>".repeat(100),
        |f| f.domain = "www.acme-widgets.fr".into(),
        |f| f.postal_address.contact_name = "x".repeat(300),
        |f| f.postal_address.locality = Some("Par\u{202e}is".into()),
        |f| f.postal_address.postal_code = String::new(),
        |f| f.postal_address.country_code = "UK".into(),
        |f| f.phone_number = Some("01 42 68 53 00".into()),
        |f| f.admin.email = "jeanne.martin".into(),
        |f| f.admin.first_name = Some("<b>".into()),
        |f| f.secondary_email = Some("it@@x.de".into()),
        |f| f.language_code = Some("fr_FR".into()),
        |f| f.crm_id = Some("\u{202e}".into()),
        |f| f.has_legacy_free_edition = true,
    ];

    proptest! {
        /// Any combination of mistakes is reported in the form's field order, whatever the
        /// order in which the checks run.
        #[test]
        fn report_follows_the_form_order(
            picks in proptest::collection::vec(any::<bool>(), BREAKERS.len()),
            team in any::<bool>(),
        ) {
            let mut form = if team {
                OnboardingForm::sample_team_customer()
            } else {
                OnboardingForm::sample_domain_customer()
            };
            for (pick, breaker) in picks.iter().zip(BREAKERS) {
                if *pick {
                    breaker(&mut form);
                }
            }
            let outcome = form::check(&form, &Policy::default());
            let ranks: Vec<usize> = outcome.report().iter().map(|v| rank(v.field())).collect();
            prop_assert!(
                ranks.windows(2).all(|w| w[0] <= w[1]),
                "{:?}",
                outcome.report().iter().map(form::Violation::field).collect::<Vec<_>>()
            );
        }
    }
}
