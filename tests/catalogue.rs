//! The product catalogue as data (issue 14, item 1) and the rules it feeds (issue 16, item 9):
//! every row of `data/products.tsv` reads back as its `Sku` and product, every name of every row
//! reads in any case and spacing, a SKU the table lacks stays readable, a product Google does not
//! sell is refused with `order.not_sold`, Cloud Identity Free's 50 users are no limit, and an
//! add-on with a prerequisite needs its base edition.
#![cfg(feature = "serde")]

use gws_onboarding::eligibility::{self, AccountState, Buyer, Ineligibility, OrderRefusal};
use gws_onboarding::order::{MAX_SEATS, Order, Plan};
use gws_onboarding::product::{self, Availability, CatalogueEntry, ListedSku, Prerequisite};
use gws_onboarding::{Addon, CustomerKind, Edition, Lang, Product, ProductFamily, Sku};
use proptest::prelude::*;
use proptest::sample::select;

const DATA: &str = include_str!("../data/products.tsv");

/// The data file's rows, split into their columns.
fn data_rows() -> Vec<Vec<&'static str>> {
    DATA.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect()
}

fn entries() -> Vec<&'static CatalogueEntry> {
    product::catalogue().collect()
}

#[test]
fn every_row_of_the_data_file_is_in_the_generated_table() {
    let rows = data_rows();
    let entries = entries();
    assert_eq!(rows.len(), entries.len());
    assert_eq!(rows.len(), 69);
    for (row, entry) in rows.iter().zip(&entries) {
        assert_eq!(
            (row[0], row[1], row[2], row[3]),
            (
                entry.product_id(),
                entry.product_name(),
                entry.sku_id(),
                entry.sku_name()
            )
        );
        assert_eq!(row[4], entry.product().as_str());
        assert_eq!(row[5], entry.product().name());
        assert_eq!(row[6], entry.family().as_str());
        let status = match entry.availability() {
            Availability::Sold => "sold",
            Availability::NoLongerSold => "legacy",
            _ => "listed",
        };
        assert_eq!(row[8], status, "{}", row[2]);
        let plans = entry.plans().join(",");
        assert_eq!(row[9], if plans.is_empty() { "-" } else { &plans });
        assert_eq!(row[10] == "yes", entry.needs_verified_domain());
        assert_eq!(row[11] == "yes", entry.team_may_order());
        assert_eq!(row[12] == "only", entry.is_education_only());
        assert_eq!(row[13] == "yes", entry.is_base());
        assert_eq!(row[14] == "base-edition", entry.prerequisite().is_some());
        // The variant column names the product the row reads as.
        let listed = matches!(entry.product(), Product::Listed(_));
        assert_eq!(row[7] == "-", listed, "{}", row[2]);
    }
}

#[test]
fn every_row_parses_as_its_sku_and_resolves_to_its_product() {
    for entry in product::catalogue() {
        let sku = Sku::parse(entry.product_id(), entry.sku_id()).unwrap();
        assert!(sku.is_known(), "{sku}");
        assert_eq!(sku.product(), Some(entry.product()), "{sku}");
        assert_eq!(sku.catalogue_entry(), Some(entry));
        assert_eq!(entry.product().catalogue_entry(), entry);
        assert_eq!(Sku::from(entry.product()), sku);
        assert_eq!(
            (sku.product_id(), sku.sku_id()),
            (entry.product_id(), entry.sku_id())
        );
        assert_eq!(entry.product().family(), entry.family());
        if let Product::Listed(listed) = entry.product() {
            assert_eq!(listed.sku_id(), entry.sku_id());
            assert_eq!(listed.as_str().parse::<ListedSku>(), Ok(listed));
        }
    }
    // The editions and add-ons with variants of their own are rows of the table too.
    for edition in Edition::ALL {
        let entry = Product::from(edition).catalogue_entry();
        assert_eq!(
            (edition.product_id(), edition.sku_id(), edition.name()),
            (
                entry.product_id(),
                entry.sku_id(),
                entry.product().name().as_str()
            )
        );
    }
    for addon in Addon::ALL {
        let entry = Product::from(addon).catalogue_entry();
        assert_eq!(
            (addon.product_id(), addon.sku_id(), addon.name()),
            (entry.product_id(), entry.sku_id(), entry.product().name())
        );
        assert_eq!(
            addon.requires_verified_domain(),
            entry.needs_verified_domain()
        );
        assert_eq!(addon.family(), entry.family());
    }
    assert_eq!(Product::all().count(), product::catalogue().count());
}

#[test]
fn the_new_skus_of_googles_table_are_known() {
    let known = |p: &str, s: &str| Sku::parse(p, s).unwrap().product();
    for (product_id, sku_id, name) in [
        (
            "Google-Apps",
            "1010020035",
            "Google Workspace Business Continuity",
        ),
        (
            "Google-Apps",
            "1010020036",
            "Google Workspace Business Continuity Plus",
        ),
        ("101068", "1010680001", "Gemini Enterprise Business Edition"),
        ("101047", "1010470002", "Gemini Labs"),
        ("101047", "1010470006", "Gemini Security"),
        ("101047", "1010470007", "Gemini Meet"),
        ("101047", "1010470009", "AI Expanded Access"),
        (
            "101031",
            "1010310006",
            "Google Workspace for Education Standard (Staff)",
        ),
        (
            "101031",
            "1010310007",
            "Google Workspace for Education Standard (Extra Student)",
        ),
        (
            "101031",
            "1010310009",
            "Google Workspace for Education Plus (Staff)",
        ),
        (
            "101031",
            "1010310010",
            "Google Workspace for Education Plus (Extra Student)",
        ),
        ("Google-Apps", "Google-Apps-For-Business", "G Suite Basic"),
        ("Google-Apps", "Google-Apps-Unlimited", "G Suite Business"),
        ("Google-Apps", "Google-Apps-Lite", "G Suite Lite"),
    ] {
        let product = known(product_id, sku_id).unwrap_or_else(|| panic!("{sku_id}"));
        assert_eq!(product.catalogue_entry().sku_name(), name);
    }
    assert!(known("Google-Apps", "1010070001").is_some());
}

/// Any spelling people type: each character in either case, separators as space, `-` or `_`,
/// runs of them, white space around.
fn variant_of(name: &'static str) -> impl Strategy<Value = String> {
    let n = name.chars().count();
    (
        proptest::collection::vec(any::<bool>(), n),
        proptest::collection::vec(select(vec![" ", "-", "_", "  ", " - "]), n),
        select(vec!["", " ", "  ", "\t"]),
        select(vec!["", " ", "\n"]),
    )
        .prop_map(move |(upper, seps, before, after)| {
            let mut out = String::from(before);
            for ((c, up), sep) in name.chars().zip(upper).zip(seps) {
                if c == ' ' || c == '-' || c == '_' {
                    out.push_str(sep);
                } else if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out.push_str(after);
            out
        })
}

/// `(row, one of its names)`: kebab-case, display name, `skuId`, Google's SKU name.
fn row_and_name() -> impl Strategy<Value = (&'static CatalogueEntry, &'static str)> {
    let pairs: Vec<(&'static CatalogueEntry, &'static str)> = product::catalogue()
        .flat_map(|e| {
            let name: &'static str = Box::leak(e.product().name().into_boxed_str());
            [e.product().as_str(), name, e.sku_id(), e.sku_name()].map(move |n| (e, n))
        })
        .collect();
    select(pairs)
}

proptest! {
    #[test]
    fn any_case_and_spacing_of_every_name_resolves(
        (entry, typed) in row_and_name().prop_flat_map(|(e, n)| (Just(e), variant_of(n)))
    ) {
        let product: Product = typed.parse().map_err(|e| TestCaseError::fail(format!("{typed:?}: {e}")))?;
        // Two rows share Google's SKU name "Google Workspace for Education Fundamentals": the
        // name reads as the first; every other name reads as its own row.
        if product != entry.product() {
            prop_assert_eq!(product.catalogue_entry().sku_name(), entry.sku_name(), "{:?}", typed);
        }
    }

    #[test]
    fn a_near_miss_of_a_name_suggests_it(entry in select(entries())) {
        let key = entry.product().as_str();
        prop_assume!(key.len() > 6);
        let typo = format!("{}x{}", &key[..3], &key[3..]);
        prop_assume!(typo.parse::<Product>().is_err());
        let err = typo.parse::<Product>().unwrap_err();
        prop_assert_eq!(err.code(), "product.unknown");
        prop_assert!(err.suggestions().names().contains(&key), "{typo}: {:?}", err.suggestions().names());
    }

    #[test]
    fn a_sku_the_table_lacks_stays_readable_verbatim(
        product_id in "[A-Za-z0-9-]{1,20}",
        sku_id in "[!-~]{1,64}",
    ) {
        prop_assume!(product::catalogue().all(|e| (e.product_id(), e.sku_id()) != (product_id.as_str(), sku_id.as_str())));
        let sku = Sku::parse(&product_id, &sku_id).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!sku.is_known());
        prop_assert!(sku.catalogue_entry().is_none());
        prop_assert_eq!((sku.product_id(), sku.sku_id()), (product_id.as_str(), sku_id.as_str()));
        let json = serde_json::to_string(&sku).unwrap();
        prop_assert_eq!(serde_json::from_str::<Sku>(&json).unwrap(), sku);
    }

    #[test]
    fn a_product_google_does_not_sell_is_never_ordered(
        product in select(Product::all().filter(|p| !p.is_orderable()).collect::<Vec<_>>()),
        plan in select(Plan::ALL.to_vec()),
        seats in 1_u32..=10,
        kind in select(vec![CustomerKind::Domain, CustomerKind::Team]),
        school in any::<bool>(),
    ) {
        let err = Order::new(product, seats, plan).unwrap_err();
        prop_assert_eq!(err.code(), "order.not_sold");
        let buyer = Buyer { kind, school, edition: Some(Edition::BusinessStarter) };
        let verified = AccountState::new(true).with_subscriptions([Edition::BusinessStarter]);
        let refusal = eligibility::may_order(buyer, &verified, product, seats).unwrap_err();
        prop_assert_eq!(&refusal, &OrderRefusal::NotSold { product });
        let (en, fr) = (refusal.message(Lang::En), refusal.message(Lang::Fr));
        prop_assert!(en.starts_with(&product.name()) && fr.starts_with(&product.name()));
        prop_assert!(en.contains("not ordered") && fr.contains("pas être commandé"), "{en} / {fr}");
        // Still readable: the SKU a customer holds reads back as the product.
        prop_assert_eq!(Sku::parse(product.product_id(), product.sku_id()).unwrap().product(), Some(product));
    }

    #[test]
    fn every_addon_with_a_prerequisite_needs_its_base(
        addon in select(Product::all().filter(|p| p.is_orderable() && p.prerequisite().is_some()).collect::<Vec<_>>()),
        base in select(Edition::ALL.to_vec()),
        chosen in any::<bool>(),
    ) {
        let Some(Prerequisite::BaseEdition) = addon.prerequisite() else {
            return Err(TestCaseError::fail("a prerequisite this test does not know"));
        };
        // A verified domain customer: only the prerequisite can refuse the add-on.
        let buyer = Buyer { kind: CustomerKind::Domain, school: false, edition: chosen.then_some(base) };
        let account = AccountState::new(true);
        let account = if chosen { account } else { account.with_subscriptions([base]) };
        let result = eligibility::may_order(buyer, &account, addon, 1);
        let is_base = Product::from(base).catalogue_entry().is_base();
        prop_assert_eq!(result.is_ok(), is_base, "{:?} on {:?}: {:?}", addon, base, result);
        if let Err(refusal) = result {
            prop_assert_eq!(refusal.code(), "order.needs_workspace");
        }
        // Without any edition, always refused.
        let none = Buyer { kind: CustomerKind::Domain, school: false, edition: None };
        prop_assert!(eligibility::may_order(none, &AccountState::new(true), addon, 1).is_err());
    }

    #[test]
    fn cloud_identity_free_has_no_seat_limit(seats in 1_u32..=MAX_SEATS) {
        let free = Product::from(Edition::CloudIdentityFree);
        prop_assert!(Order::new(free, seats, Plan::Free).is_ok());
        let buyer = Buyer { kind: CustomerKind::Domain, school: false, edition: Some(Edition::CloudIdentityFree) };
        prop_assert!(eligibility::may_order(buyer, &AccountState::new(true), free, seats).is_ok());
    }

    #[test]
    fn a_team_customer_orders_only_what_a_team_may_order(edition in select(Edition::ALL.to_vec())) {
        let reasons = eligibility::check_kind(CustomerKind::Team, ProductFamily::GoogleWorkspace, Some(edition), true);
        let entry = Product::from(edition).catalogue_entry();
        let team_ok = entry.availability().is_orderable() && entry.team_may_order();
        let kind_codes: Vec<&str> = reasons.iter().map(Ineligibility::code).filter(|c| *c != "eligibility.edition_family").collect();
        prop_assert_eq!(kind_codes.is_empty(), team_ok, "{:?}: {:?}", edition, reasons);
    }
}

#[test]
fn issue_16_essentials_is_readable_but_not_sold() {
    let essentials = Sku::parse("Google-Apps", "1010060001").unwrap();
    assert_eq!(essentials.edition(), Some(Edition::Essentials));
    assert_eq!(
        Product::from(Edition::Essentials).availability(),
        Availability::NoLongerSold
    );
    let reasons = eligibility::check_kind(
        CustomerKind::Team,
        ProductFamily::GoogleWorkspace,
        Some(Edition::Essentials),
        false,
    );
    assert_eq!(
        reasons,
        [Ineligibility::NotSold {
            edition: Edition::Essentials
        }]
    );
    assert_eq!(
        reasons[0].message(Lang::En),
        "Google Workspace Essentials is no longer sold to new customers: choose another edition \
         (a team customer can order Google Workspace Enterprise Essentials or Google Workspace \
         Enterprise Essentials Plus)"
    );
    assert_eq!(
        reasons[0].message(Lang::Fr),
        "Google Workspace Essentials n'est plus vendu aux nouveaux clients : choisissez une autre \
         édition (un client dans une équipe peut commander Google Workspace Enterprise Essentials \
         ou Google Workspace Enterprise Essentials Plus)"
    );
    let team = Buyer {
        kind: CustomerKind::Team,
        school: false,
        edition: Some(Edition::EnterpriseEssentials),
    };
    let refusal = eligibility::may_order(
        team,
        &AccountState::new(false),
        Edition::Essentials.into(),
        5,
    )
    .unwrap_err();
    assert_eq!(refusal.code(), "order.not_sold");
    assert!(
        refusal
            .message(Lang::En)
            .ends_with("a team customer can order Google Workspace Enterprise Essentials or Google Workspace Enterprise Essentials Plus instead"),
        "{}",
        refusal.message(Lang::En)
    );
    // What a team customer orders instead is accepted.
    for edition in [
        Edition::EnterpriseEssentials,
        Edition::EnterpriseEssentialsPlus,
    ] {
        eligibility::may_order(team, &AccountState::new(false), edition.into(), 5).unwrap();
        Order::new(edition.into(), 5, Plan::Flexible).unwrap();
    }
}

#[test]
fn issue_16_cloud_identity_free_51_seats() {
    Order::new(Edition::CloudIdentityFree.into(), 51, Plan::Free).unwrap();
    assert_eq!(Edition::CloudIdentityFree.free_user_cap(), Some(50));
    assert_eq!(Edition::CloudIdentityFree.max_seats(), None);
}

#[test]
fn issue_16_vault_and_storage_need_business_starter_or_higher() {
    let on = |edition: Edition, addon: Addon| {
        let buyer = Buyer {
            kind: CustomerKind::Team,
            school: false,
            edition: Some(edition),
        };
        eligibility::may_order(buyer, &AccountState::new(true), addon.into(), 1)
    };
    for addon in [Addon::Vault, Addon::VaultFormerEmployee] {
        assert_eq!(
            on(Edition::EnterpriseEssentials, addon),
            Err(OrderRefusal::NeedsWorkspace { addon })
        );
        on(Edition::BusinessStarter, addon).unwrap();
    }
    for addon in Addon::ALL {
        assert_eq!(
            on(Edition::CloudIdentityPremium, addon).map_err(|r| r.code()),
            Err("order.needs_workspace")
        );
        on(Edition::BusinessStandard, addon).unwrap();
    }
    let refusal = on(Edition::EnterpriseEssentialsPlus, Addon::Vault).unwrap_err();
    assert_eq!(
        refusal.message(Lang::Fr),
        "Google Vault nécessite une édition Google Workspace Business Starter ou supérieure \
         (Business, Enterprise, Frontline ou Education) : commandez-en d'abord une"
    );
}

/// The rows the stored copies of Google's page cut off (source `gam`): Voice, `AppSheet`, the
/// archived users, Chrome… are read back as listed SKUs, never orderable.
#[test]
fn the_rows_after_the_education_ones_parse_and_are_read_only() {
    for (product_id, sku_id) in [
        ("101033", "1010330003"),
        ("101038", "1010380002"),
        ("101034", "1010340001"),
        (
            "Google-Chrome-Device-Management",
            "Google-Chrome-Device-Management",
        ),
        ("Google-Apps", "Google-Apps-For-Government"),
        ("101031", "1010310003"),
    ] {
        let sku = gws_onboarding::Sku::parse(product_id, sku_id).unwrap();
        let product = sku.product().unwrap_or_else(|| panic!("{sku_id} resolves"));
        assert_eq!(product.sku_id(), sku_id);
        assert!(!product.is_orderable(), "{sku_id} is read only");
    }
}
