//! The form's `order` object through the public API: each rule with its example, the values'
//! parsers, serde, the bundled sample forms, and laws over whole classes of orders.

use gws_onboarding::form::{self, OnboardingForm, Policy, RawOrder};
use gws_onboarding::order::{
    self, DealCode, MAX_DEAL_CODE_CHARS, MAX_PURCHASE_ORDER_ID_CHARS, MAX_SEATS, OfferName, Order,
    OrderError, OrderField, Plan, PurchaseOrderId,
};
use gws_onboarding::{Addon, Customer, Edition, Lang, Product, StorageSize};
use proptest::prelude::*;

fn domain() -> OnboardingForm {
    OnboardingForm::sample_domain_customer()
}

fn team() -> OnboardingForm {
    OnboardingForm::sample_team_customer()
}

/// A domain customer of the Cloud Identity family, with `edition`.
fn cloud_identity(edition: Option<Edition>) -> OnboardingForm {
    let mut form = domain();
    form.product_family = "cloud-identity".into();
    form.edition = edition.map(|e| e.as_str().to_owned());
    form
}

fn raw(product: &str, seats: &str, plan: Option<&str>) -> RawOrder {
    RawOrder {
        product: product.into(),
        seats: Some(seats.into()),
        plan: plan.map(Into::into),
        ..RawOrder::default()
    }
}

fn ordering(mut form: OnboardingForm, order: RawOrder) -> OnboardingForm {
    form.order = Some(order);
    form
}

/// Every violation of the form, as `(field, code)`.
fn found(form: &OnboardingForm) -> Vec<(String, &'static str)> {
    form::check(form, &Policy::default())
        .report()
        .iter()
        .map(|v| (v.field().to_owned(), v.code()))
        .collect()
}

#[track_caller]
fn valid(form: &OnboardingForm) -> Customer {
    form::validate(form, &Policy::default()).unwrap_or_else(|report| panic!("{report}"))
}

#[track_caller]
fn refused(form: &OnboardingForm, field: &str, code: &str) {
    assert_eq!(found(form), [(field.to_owned(), code)], "{:?}", form.order);
}

#[test]
fn a_valid_order_rides_with_the_customer() {
    let mut order = raw("business-standard", "25", Some("annual-monthly"));
    order.purchase_order_id = Some(" PO-2026-0042 ".into());
    order.deal_code = Some("DEAL-7Q2".into());
    order.offer = Some("accounts/C01abc23/offers/FzP3lmPQ".into());
    let customer = valid(&ordering(domain(), order));
    let order = customer.order().expect("an order");
    assert_eq!(order.product(), Product::Edition(Edition::BusinessStandard));
    assert_eq!(order.seats(), 25);
    assert_eq!(order.plan(), Plan::AnnualMonthly);
    assert_eq!(
        order.purchase_order_id().map(PurchaseOrderId::as_str),
        Some("PO-2026-0042")
    );
    assert_eq!(order.deal_code().map(DealCode::as_str), Some("DEAL-7Q2"));
    let offer = order.offer().expect("an offer");
    assert_eq!(
        (offer.account_id(), offer.offer_id()),
        ("C01abc23", "FzP3lmPQ")
    );
    assert!(valid(&domain()).order().is_none());
    // An order object left blank is no order.
    let blank = RawOrder {
        product: " ".into(),
        seats: Some(String::new()),
        plan: Some("  ".into()),
        ..RawOrder::default()
    };
    assert!(valid(&ordering(domain(), blank)).order().is_none());
    assert!(
        valid(&ordering(domain(), RawOrder::default()))
            .order()
            .is_none()
    );
    let half = RawOrder {
        plan: Some("trial".into()),
        ..RawOrder::default()
    };
    assert_eq!(
        found(&ordering(domain(), half)),
        [
            ("order.product".to_owned(), "form.required"),
            ("order.seats".to_owned(), "form.required"),
        ]
    );
}

#[test]
fn the_plan_defaults_to_flexible_and_reads_google_spellings() {
    for (plan, expected) in [
        (None, Plan::Flexible),
        (Some(""), Plan::Flexible),
        (Some("  "), Plan::Flexible),
        (Some("FLEXIBLE"), Plan::Flexible),
        (Some("ANNUAL_MONTHLY_PAY"), Plan::AnnualMonthly),
        (Some("ANNUAL"), Plan::AnnualMonthly),
        (Some("Annual Monthly"), Plan::AnnualMonthly),
        (Some("annual_yearly_pay"), Plan::AnnualYearly),
        (Some(" annual-yearly "), Plan::AnnualYearly),
        (Some("Trial"), Plan::Trial),
    ] {
        let customer = valid(&ordering(domain(), raw("business-standard", "5", plan)));
        assert_eq!(
            customer.order().map(Order::plan),
            Some(expected),
            "{plan:?}"
        );
    }
    refused(
        &ordering(domain(), raw("business-standard", "5", Some("monthly"))),
        "order.plan",
        "order.unknown_plan",
    );
}

#[test]
fn seats_are_whole_positive_numbers_within_int32() {
    for (seats, expected) in [
        ("25", Ok(25)),
        (" 25 ", Ok(25)),
        ("25.0", Ok(25)),
        ("2.5e1", Ok(25)),
        ("007", Ok(7)),
        ("+25", Ok(25)),
        ("2147483647", Ok(MAX_SEATS)),
        ("0", Err(("order.seats", "order.no_seats"))),
        ("-0", Err(("order.seats", "order.no_seats"))),
        ("-5", Err(("order.seats", "order.seats_negative"))),
        ("2.5", Err(("order.seats", "order.seats_fractional"))),
        ("1e-1", Err(("order.seats", "order.seats_fractional"))),
        ("ten", Err(("order.seats", "order.seats_not_a_number"))),
        ("12 seats", Err(("order.seats", "order.seats_not_a_number"))),
        ("2147483648", Err(("order.seats", "order.seats_too_large"))),
        ("1e300", Err(("order.seats", "order.seats_too_large"))),
        ("", Err(("order.seats", "form.required"))),
    ] {
        let form = ordering(domain(), raw("business-standard", seats, None));
        match expected {
            Ok(n) => assert_eq!(valid(&form).order().map(Order::seats), Some(n), "{seats:?}"),
            Err((field, code)) => refused(&form, field, code),
        }
    }
    let mut form = ordering(domain(), raw("business-standard", "1", None));
    if let Some(order) = form.order.as_mut() {
        order.seats = None;
    }
    refused(&form, "order.seats", "form.required");
}

#[test]
fn a_long_seat_text_is_refused_by_its_length() {
    let digits = "9".repeat(1_000_000);
    assert_eq!(
        order::parse_seats(&digits).unwrap_err().code(),
        "order.seats_too_large"
    );
    let junk = format!("1{}", "x".repeat(1_000_000));
    let err = order::parse_seats(&junk).unwrap_err();
    assert_eq!(err.code(), "order.seats_not_a_number");
    assert!(err.message(Lang::En).chars().count() < 300);
}

#[test]
fn product_rules() {
    refused(
        &ordering(domain(), raw("", "5", None)),
        "order.product",
        "form.required",
    );
    refused(
        &ordering(domain(), raw("vaulted", "5", None)),
        "order.product",
        "product.unknown",
    );
    // Another edition than the form's.
    refused(
        &ordering(domain(), raw("business-plus", "5", None)),
        "order.product",
        "order.edition_mismatch",
    );
    refused(
        &ordering(team(), raw("business-plus", "5", None)),
        "order.product",
        "order.edition_mismatch",
    );
    // Vault needs a verified domain, which a new customer has not yet.
    for form in [domain(), team()] {
        refused(
            &ordering(form, raw("vault", "5", None)),
            "order.product",
            "order.verify_domain_first",
        );
    }
    // Storage needs a Google Workspace edition.
    valid(&ordering(domain(), raw("storage-1tb", "1", None)));
    // Issue 16: storage needs a Business Starter-class edition; the team's Enterprise
    // Essentials is none.
    refused(
        &ordering(team(), raw("storage-20gb", "1", None)),
        "order.product",
        "order.needs_workspace",
    );
    refused(
        &ordering(
            cloud_identity(Some(Edition::CloudIdentityPremium)),
            raw("storage-1tb", "1", None),
        ),
        "order.product",
        "order.needs_workspace",
    );
    let mut no_edition = domain();
    no_edition.edition = None;
    refused(
        &ordering(no_edition.clone(), raw("storage-1tb", "1", None)),
        "order.product",
        "order.needs_workspace",
    );
    // Without a form edition, the ordered edition follows the edition rules.
    let customer = valid(&ordering(
        no_edition.clone(),
        raw("business-plus", "5", None),
    ));
    assert_eq!(
        customer.order().map(Order::product),
        Some(Edition::BusinessPlus.into())
    );
    refused(
        &ordering(no_edition, raw("education-plus", "5", None)),
        "order.product",
        "eligibility.education_edition",
    );
    refused(
        &ordering(cloud_identity(None), raw("business-plus", "5", None)),
        "order.product",
        "eligibility.edition_family",
    );
}

#[test]
fn plan_rules() {
    // Trials: at most 10 seats.
    valid(&ordering(
        domain(),
        raw("business-standard", "10", Some("trial")),
    ));
    refused(
        &ordering(domain(), raw("business-standard", "11", Some("trial"))),
        "order.seats",
        "order.trial_seats",
    );
    // The free plan is for Cloud Identity Free only, and Cloud Identity Free only on it.
    refused(
        &ordering(domain(), raw("business-standard", "5", Some("free"))),
        "order.plan",
        "order.free_plan",
    );
    let free = || cloud_identity(Some(Edition::CloudIdentityFree));
    valid(&ordering(
        free(),
        raw("cloud-identity-free", "50", Some("free")),
    ));
    for plan in ["flexible", "annual-monthly", "annual-yearly", "trial"] {
        refused(
            &ordering(free(), raw("cloud-identity-free", "5", Some(plan))),
            "order.plan",
            "order.plan_not_offered",
        );
    }
    // Issue 16: 50 is Cloud Identity Free's default user cap, which paid licences raise
    // (support.google.com/cloudidentity/answer/7295541): no refusal.
    valid(&ordering(
        free(),
        raw("cloud-identity-free", "51", Some("free")),
    ));
    // A trial of Cloud Identity Free: the plan is the mistake, not the seats.
    refused(
        &ordering(free(), raw("cloud-identity-free", "30", Some("trial"))),
        "order.plan",
        "order.plan_not_offered",
    );
    // Issue 16: Essentials is no longer sold to new customers, on any plan; the form says so
    // once, on its edition.
    let mut essentials = team();
    essentials.edition = Some("essentials".into());
    for plan in [
        None,
        Some("flexible"),
        Some("annual-monthly"),
        Some("trial"),
    ] {
        refused(
            &ordering(essentials.clone(), raw("essentials", "5", plan)),
            "edition",
            "eligibility.not_sold",
        );
    }
    // Enterprise Essentials takes the annual plans too.
    valid(&ordering(
        team(),
        raw("enterprise-essentials", "30", Some("annual-yearly")),
    ));
}

#[test]
fn purchase_orders_deal_codes_and_offers() {
    let with = |edit: &dyn Fn(&mut RawOrder)| {
        let mut order = raw("business-standard", "5", None);
        edit(&mut order);
        ordering(domain(), order)
    };
    valid(&with(&|o| o.purchase_order_id = Some("9".repeat(80))));
    valid(&with(&|o| o.purchase_order_id = Some("é".repeat(80))));
    refused(
        &with(&|o| o.purchase_order_id = Some("9".repeat(81))),
        "order.purchaseOrderId",
        "order.too_long",
    );
    refused(
        &with(&|o| o.purchase_order_id = Some("PO\u{202e}1".into())),
        "order.purchaseOrderId",
        "order.unsafe_char",
    );
    valid(&with(&|o| o.deal_code = Some("D".repeat(100))));
    refused(
        &with(&|o| o.deal_code = Some("D".repeat(101))),
        "order.dealCode",
        "order.too_long",
    );
    // Blank optional values are absent.
    let customer = valid(&with(&|o| {
        o.purchase_order_id = Some(" ".into());
        o.deal_code = Some(String::new());
        o.offer = Some("\t".into());
    }));
    let order = customer.order().expect("an order");
    assert!(order.purchase_order_id().is_none() && order.deal_code().is_none());
    assert!(order.offer().is_none());
    for offer in [
        "offers/O1",
        "accounts/C01/offers/",
        "accounts//offers/O1",
        "accounts/C01/skus/O1",
        "accounts/C 1/offers/O1",
        "Accounts/C01/offers/O1",
        "accounts/C01/offers/O1/x",
    ] {
        refused(
            &with(&|o| o.offer = Some(offer.into())),
            "order.offer",
            "order.offer_name",
        );
    }
}

#[test]
fn over_long_values_are_refused_by_their_length() {
    let huge = "x".repeat(10_000_000);
    assert_eq!(
        PurchaseOrderId::parse(&huge),
        Err(OrderError::TooLong {
            field: OrderField::PurchaseOrderId,
            max: MAX_PURCHASE_ORDER_ID_CHARS
        })
    );
    assert_eq!(DealCode::parse(&huge).unwrap_err().code(), "order.too_long");
    assert_eq!(
        OfferName::parse(&huge).unwrap_err().code(),
        "order.too_long"
    );
    assert_eq!(
        huge.parse::<Plan>().unwrap_err().code(),
        "order.unknown_plan"
    );
}

#[test]
fn order_violations_come_with_the_rest_of_the_form() {
    let mut form = ordering(domain(), raw("business-standard", "25", Some("trial")));
    form.domain = "www.acme-widgets.fr".into();
    if let Some(order) = form.order.as_mut() {
        order.deal_code = Some("D".repeat(101));
    }
    assert_eq!(
        found(&form),
        [
            ("domain".to_owned(), "domain.www"),
            ("order.seats".to_owned(), "order.trial_seats"),
            ("order.dealCode".to_owned(), "order.too_long"),
        ]
    );
    // Every order field at once, each once.
    let mut order = raw("business-plus", "-1", Some("weekly"));
    order.purchase_order_id = Some("9".repeat(81));
    order.deal_code = Some("D\u{200b}".into());
    order.offer = Some("offers/1".into());
    let fields: Vec<String> = found(&ordering(domain(), order))
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    let expected: Vec<String> = OrderField::ALL
        .iter()
        .map(|f| f.form_path().to_owned())
        .collect();
    assert_eq!(fields, expected);
}

#[test]
fn order_new_checks_what_does_not_depend_on_the_customer() {
    let edition = |e: Edition| Product::Edition(e);
    let code =
        |product, seats, plan| Order::new(product, seats, plan).map_or_else(|e| e.code(), |_| "ok");
    assert_eq!(
        code(edition(Edition::BusinessStarter), 1, Plan::Flexible),
        "ok"
    );
    assert_eq!(
        code(edition(Edition::BusinessStarter), 0, Plan::Flexible),
        "order.no_seats"
    );
    assert_eq!(
        code(edition(Edition::BusinessStarter), 11, Plan::Trial),
        "order.trial_seats"
    );
    assert_eq!(
        code(edition(Edition::BusinessStarter), 3, Plan::Free),
        "order.free_plan"
    );
    assert_eq!(
        code(edition(Edition::EnterpriseEssentials), 3, Plan::Trial),
        "ok"
    );
    // Issue 16: Essentials is no longer sold, whatever the plan; Cloud Identity Free's 50 is
    // a default user cap, not a limit.
    assert_eq!(
        code(edition(Edition::Essentials), 3, Plan::Flexible),
        "order.not_sold"
    );
    assert_eq!(
        code(edition(Edition::CloudIdentityFree), 51, Plan::Free),
        "ok"
    );
    assert_eq!(
        code(Addon::Vault.into(), MAX_SEATS + 1, Plan::Flexible),
        "order.seats_too_large"
    );
    assert_eq!(
        code(
            Addon::Storage(StorageSize::Tb16).into(),
            1,
            Plan::AnnualYearly
        ),
        "ok"
    );
}

#[test]
fn messages_name_the_mistake_in_both_languages() {
    let cases: [(OrderError, &str, &str); 5] = [
        (
            OrderError::TrialSeats { requested: 25 },
            "a free trial allows at most 10 seats, not 25: order 10 or fewer, or choose another plan",
            "un essai gratuit permet au plus 10 licences, pas 25 : commandez-en 10 au plus ou choisissez un autre forfait",
        ),
        (
            OrderError::PlanNotOffered {
                product: Edition::Essentials.into(),
                plan: Plan::AnnualMonthly,
            },
            "Google Workspace Essentials cannot be ordered on the Annual Plan (monthly payments): choose the Flexible Plan",
            "Google Workspace Essentials ne peut pas être commandé avec le forfait annuel (paiements mensuels) : choisissez le forfait Flexible",
        ),
        (
            OrderError::PlanNotOffered {
                product: Edition::CloudIdentityFree.into(),
                plan: Plan::Trial,
            },
            "Cloud Identity Free cannot be ordered on the free trial: choose the free plan",
            "Cloud Identity Free ne peut pas être commandé avec l'essai gratuit : choisissez le forfait gratuit",
        ),
        (
            OrderError::EditionMismatch {
                ordered: Edition::BusinessPlus,
                edition: Edition::BusinessStandard,
            },
            "the order is for Google Workspace Business Plus, but the customer's edition is Google Workspace Business Standard: order that edition or change the edition",
            "la commande porte sur Google Workspace Business Plus, mais l'édition du client est Google Workspace Business Standard : commandez cette édition ou changez d'édition",
        ),
        (
            order::parse_seats("2,5").unwrap_err(),
            "the number of seats \"2,5\" is not a number",
            "le nombre de licences « 2,5 » n'est pas un nombre",
        ),
    ];
    for (error, en, fr) in cases {
        assert_eq!(error.message(Lang::En), en);
        assert_eq!(error.to_string(), en);
        assert_eq!(error.message(Lang::Fr), fr);
    }
    assert_eq!(
        "".parse::<Plan>().unwrap_err().message(Lang::Fr),
        "forfait (vide) inconnu : valeurs possibles flexible, annual-monthly, annual-yearly, trial ou free"
    );
    // User input is quoted safely and cut.
    let err = format!("\u{202e}{}", "x".repeat(500))
        .parse::<Plan>()
        .unwrap_err();
    let message = err.message(Lang::En);
    assert!(
        message.contains("\\u{202e}") && message.contains('…'),
        "{message}"
    );
    assert!(message.chars().count() < 300);
}

#[cfg(feature = "serde")]
mod json {
    use super::*;

    fn form_with_order(order: &str) -> OnboardingForm {
        let mut form: serde_json::Value =
            serde_json::from_str(include_str!("../examples/forms/domain-customer.json")).unwrap();
        form["order"] = serde_json::from_str(order).unwrap();
        serde_json::from_value(form).unwrap()
    }

    #[test]
    fn seats_as_number_or_string() {
        for (json, seats) in [
            (r#"{"product": "business-standard", "seats": 25}"#, "25"),
            (r#"{"product": "business-standard", "seats": "25"}"#, "25"),
            (r#"{"product": "business-standard", "seats": 25.0}"#, "25"),
            (r#"{"product": "business-standard", "seats": -3}"#, "-3"),
            (r#"{"product": "business-standard", "seats": 2.5}"#, "2.5"),
            (
                r#"{"product": "business-standard", "seats": 1e300}"#,
                "1e300",
            ),
            (
                r#"{"product": "business-standard", "seats": 99999999999999999999999}"#,
                "100000000000000000000000",
            ),
        ] {
            let order: RawOrder = serde_json::from_str(json).unwrap();
            assert_eq!(order.seats.as_deref(), Some(seats), "{json}");
        }
        let order: RawOrder = serde_json::from_str(r#"{"seats": null}"#).unwrap();
        assert_eq!(order.seats, None);
        // Not a number nor a string: the form cannot be read, with a clear reason.
        let err = serde_json::from_str::<RawOrder>(r#"{"seats": true}"#).unwrap_err();
        assert!(
            err.to_string()
                .contains("a JSON number or a numeric string"),
            "{err}"
        );
        // Negative, fractional and huge seats are violations, not unreadable forms.
        let form = form_with_order(r#"{"product": "business-standard", "seats": -3}"#);
        refused(&form, "order.seats", "order.seats_negative");
        let form = form_with_order(r#"{"product": "business-standard", "seats": 2.5}"#);
        refused(&form, "order.seats", "order.seats_fractional");
        let form = form_with_order(r#"{"product": "business-standard", "seats": 1e300}"#);
        refused(&form, "order.seats", "order.seats_too_large");
    }

    #[test]
    fn raw_orders_round_trip_with_seats_as_numbers() {
        let order = raw("business-standard", "25", Some("annual-monthly"));
        let json = serde_json::to_string(&order).unwrap();
        assert_eq!(
            json,
            r#"{"product":"business-standard","seats":25,"plan":"annual-monthly"}"#
        );
        assert_eq!(serde_json::from_str::<RawOrder>(&json).unwrap(), order);
        let odd = raw("business-standard", "2.5", None);
        let json = serde_json::to_string(&odd).unwrap();
        assert_eq!(json, r#"{"product":"business-standard","seats":"2.5"}"#);
        assert_eq!(serde_json::from_str::<RawOrder>(&json).unwrap(), odd);
        // Any other text reads back unchanged.
        for text in [" 25 ", "0025", "-3", "25.0", "ten", ""] {
            let order = raw("business-standard", text, None);
            let json = serde_json::to_string(&order).unwrap();
            assert_eq!(
                serde_json::from_str::<RawOrder>(&json).unwrap(),
                order,
                "{json}"
            );
        }
        // The form writes no order key when it has none.
        let json = serde_json::to_string(&domain()).unwrap();
        assert!(!json.contains("\"order\""), "{json}");
    }

    #[test]
    fn orders_and_their_values_go_through_their_parsers() {
        let order = Order::new(Edition::BusinessStandard.into(), 25, Plan::AnnualMonthly)
            .unwrap()
            .with_purchase_order_id(PurchaseOrderId::parse("PO-1").unwrap())
            .with_offer(OfferName::parse("accounts/C01/offers/O1").unwrap());
        let json = serde_json::to_string(&order).unwrap();
        assert_eq!(
            json,
            r#"{"product":"business-standard","seats":25,"plan":"annual-monthly","purchaseOrderId":"PO-1","offer":"accounts/C01/offers/O1"}"#
        );
        assert_eq!(serde_json::from_str::<Order>(&json).unwrap(), order);
        for bad in [
            r#"{"product":"business-standard","seats":25,"plan":"free"}"#,
            r#"{"product":"business-standard","seats":0}"#,
            r#"{"product":"business-standard","seats":11,"plan":"trial"}"#,
            r#"{"product":"business-standard","seats":5,"purchaseOrderId":""}"#,
            r#"{"product":"business-standard","seats":5,"offer":"offers/1"}"#,
            r#"{"product":"business-premium","seats":5}"#,
        ] {
            assert!(serde_json::from_str::<Order>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::to_string(&Plan::AnnualYearly).unwrap(),
            "\"annual-yearly\""
        );
        assert_eq!(
            serde_json::from_str::<Plan>("\"ANNUAL_YEARLY_PAY\"").unwrap(),
            Plan::AnnualYearly
        );
        assert!(serde_json::from_str::<Plan>("\"weekly\"").is_err());
        assert!(serde_json::from_str::<DealCode>(&format!("\"{}\"", "D".repeat(101))).is_err());
    }

    #[test]
    fn bundled_order_forms() {
        let read = |json: &str| -> OnboardingForm { serde_json::from_str(json).unwrap() };
        let customer = valid(&read(include_str!(
            "../examples/forms/domain-customer-order.json"
        )));
        let order = customer.order().expect("an order");
        assert_eq!(
            (order.product(), order.seats(), order.plan()),
            (Edition::BusinessStandard.into(), 25, Plan::AnnualMonthly)
        );
        let customer = valid(&read(include_str!(
            "../examples/forms/team-customer-order.json"
        )));
        let order = customer.order().expect("an order");
        assert_eq!(
            (order.product(), order.seats(), order.plan()),
            (Edition::EnterpriseEssentials.into(), 10, Plan::Flexible)
        );
        let form = read(include_str!(
            "../examples/forms/invalid-order-trial-seats.json"
        ));
        refused(&form, "order.seats", "order.trial_seats");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every count up to the Reseller API's `int32` limit reads back, in every spelling.
    #[test]
    fn seat_counts_read_back(n in 0..=MAX_SEATS, pad in "[ \t]{0,2}") {
        prop_assert_eq!(order::parse_seats(&n.to_string()), Ok(n));
        prop_assert_eq!(order::parse_seats(&format!("{pad}{n}{pad}")), Ok(n));
        prop_assert_eq!(order::parse_seats(&format!("{n}.000")), Ok(n));
        prop_assert_eq!(order::parse_seats(&format!("{n}e0")), Ok(n));
        prop_assert_eq!(order::parse_seats(&format!("{n}00e-2")), Ok(n));
    }

    /// Above it, below zero and between whole numbers, the matching error.
    #[test]
    fn seat_counts_out_of_range(
        big in u64::from(MAX_SEATS) + 1..=u64::MAX,
        n in 1_u64..=u64::MAX,
        whole in 0_u32..1000,
        fraction in "[0-9]{0,5}[1-9]",
    ) {
        prop_assert_eq!(order::parse_seats(&big.to_string()).unwrap_err().code(), "order.seats_too_large");
        prop_assert_eq!(order::parse_seats(&format!("-{n}")).unwrap_err().code(), "order.seats_negative");
        prop_assert_eq!(
            order::parse_seats(&format!("{whole}.{fraction}")).unwrap_err().code(),
            "order.seats_fractional"
        );
    }

    /// A purchase order id over 80 characters is refused by its length, whatever it holds.
    #[test]
    fn over_long_purchase_order_ids(id in "\\PC{81,400}") {
        prop_assume!(id.trim().chars().count() > MAX_PURCHASE_ORDER_ID_CHARS);
        let err = PurchaseOrderId::parse(&id).unwrap_err();
        prop_assert_eq!(err.code(), "order.too_long");
        prop_assert_eq!(err.field(), OrderField::PurchaseOrderId);
    }

    /// Deal codes: at most 100 characters, trimmed, round trip.
    #[test]
    fn deal_codes(code in "[A-Za-z0-9][A-Za-z0-9 -]{0,98}[A-Za-z0-9]", long in 101_usize..1000) {
        let parsed = DealCode::parse(&format!(" {code} ")).unwrap();
        prop_assert_eq!(parsed.as_str(), code.as_str());
        prop_assert_eq!(DealCode::parse(parsed.as_str()), Ok(parsed.clone()));
        prop_assert!(DealCode::parse(&"D".repeat(long)).is_err());
        prop_assert!(MAX_DEAL_CODE_CHARS < long);
    }

    /// Offer names round trip through their parts.
    #[test]
    fn offer_names(account in "[A-Za-z0-9_-]{1,64}", offer in "[A-Za-z0-9_-]{1,64}") {
        let name = format!("accounts/{account}/offers/{offer}");
        let parsed = OfferName::parse(&name).unwrap();
        prop_assert_eq!(parsed.account_id(), account.as_str());
        prop_assert_eq!(parsed.offer_id(), offer.as_str());
        let shown = parsed.to_string();
        prop_assert_eq!(OfferName::parse(shown.as_str()), Ok(parsed.clone()));
    }

    /// Plans read back from every spelling.
    #[test]
    fn plans_read_back(plan in proptest::sample::select(Plan::ALL.to_vec()), upper in any::<bool>()) {
        let spell = |s: &str| if upper { s.to_uppercase() } else { s.to_lowercase() };
        prop_assert_eq!(spell(plan.as_str()).parse::<Plan>(), Ok(plan));
        prop_assert_eq!(spell(plan.reseller_plan_name()).parse::<Plan>(), Ok(plan));
        prop_assert_eq!(plan.to_string().parse::<Plan>(), Ok(plan));
    }
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Seats given as a JSON number or as a numeric string make the same form, whatever the
    /// count.
    #[test]
    fn seats_as_number_or_string_are_equivalent(n in any::<i64>()) {
        let number: RawOrder =
            serde_json::from_str(&format!(r#"{{"product": "business-standard", "seats": {n}}}"#)).unwrap();
        let string: RawOrder =
            serde_json::from_str(&format!(r#"{{"product": "business-standard", "seats": "{n}"}}"#)).unwrap();
        prop_assert_eq!(&number, &string);
        let a = form::check(&ordering(domain(), number), &Policy::default());
        let b = form::check(&ordering(domain(), string), &Policy::default());
        prop_assert_eq!(a.report(), b.report());
        prop_assert_eq!(a.customer(), b.customer());
    }
}

#[cfg(feature = "proptest")]
mod generated {
    use gws_onboarding::form::{self, Policy};
    use gws_onboarding::strategy;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Every generated valid order validates, and the customer carries it as typed.
        #[test]
        fn every_valid_order_validates(form in strategy::order_form()) {
            let outcome = form::check(&form, &Policy::default());
            prop_assert!(outcome.report().is_empty(), "{}", outcome.report());
            let raw = form.order.as_ref().unwrap();
            let order = outcome.customer().and_then(|c| c.order()).unwrap();
            prop_assert_eq!(order.product().as_str(), raw.product.as_str());
            prop_assert!(order.plan().is_offered_for(order.product()));
            prop_assert!(order.seats() >= 1);
        }

        /// A form with an order reads back from its JSON unchanged, with the same outcome.
        #[cfg(feature = "serde")]
        #[test]
        fn order_forms_round_trip_through_json(form in strategy::order_form()) {
            let json = serde_json::to_string(&form).unwrap();
            let back: gws_onboarding::OnboardingForm = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &form);
            let customer = form::validate(&back, &Policy::default()).unwrap();
            prop_assert_eq!(Some(customer), form::validate(&form, &Policy::default()).ok());
        }

        /// Each near miss yields exactly its violation, on its `order.*` field.
        #[test]
        fn each_near_miss_yields_exactly_its_violation((form, expected) in strategy::invalid_order_form()) {
            let report = form::validate(&form, &Policy::default()).unwrap_err();
            let errors: Vec<_> = report.errors().map(|v| (v.field(), v.code())).collect();
            prop_assert_eq!(errors, [(expected.field, expected.code)], "{}: {:?}", expected.mutation, form.order);
            prop_assert!(expected.field.starts_with("order."));
        }
    }
}
