//! Unicode twins: names and texts that differ only by Unicode normalisation (NFC `É` against
//! NFD `E` + U+0301) are one name for `lifecycle::display_labels` and one text for
//! `lifecycle::drift`; and labels are unique across the whole output, including the ones built
//! with an ID (`"A (X)"` against `"A"` with ID `X`).

use std::collections::{HashMap, HashSet};

use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
use gws_onboarding::lifecycle::{self, AccountSnapshot, ListedCustomer};
use gws_onboarding::{PostalAddress, PrimaryDomain, RawPostalAddress};
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use proptest::prelude::*;

fn nfc(text: &str) -> String {
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(text)
        .into_owned()
}

fn nfd(text: &str) -> String {
    DecomposingNormalizerBorrowed::new_nfd()
        .normalize(text)
        .into_owned()
}

/// The comparison the documentation promises: canonical caseless, NFC(lowercase(NFD)).
fn fold(text: &str) -> String {
    nfc(&nfd(text).to_lowercase())
}

fn listed(name: &str, id: &str) -> ListedCustomer {
    ListedCustomer::new(
        OrganizationName::parse(name).unwrap(),
        CloudIdentityId::parse(id).unwrap(),
    )
}

/// The laws: one label per customer; no two labels fold alike; a customer whose name folds
/// like another customer's name carries its ID; a label is the customer's own name, with its
/// ID (and a number) appended only when needed.
fn check_labels(customers: &[ListedCustomer]) -> Result<(), TestCaseError> {
    let labels = lifecycle::display_labels(customers);
    prop_assert_eq!(labels.len(), customers.len());
    let mut seen = HashMap::new();
    for (i, label) in labels.iter().enumerate() {
        if let Some(j) = seen.insert(fold(label), i) {
            return Err(TestCaseError::fail(format!(
                "labels {j} {:?} and {i} {label:?} fold alike",
                labels[j]
            )));
        }
    }
    let mut names: HashMap<String, usize> = HashMap::new();
    for c in customers {
        *names.entry(fold(c.name.as_str())).or_default() += 1;
    }
    for (customer, label) in customers.iter().zip(&labels) {
        let (name, id) = (customer.name.as_str(), customer.cloud_identity_id.as_str());
        prop_assert!(
            label.starts_with(name),
            "{:?} does not start with {:?}",
            label,
            name
        );
        if names[&fold(name)] > 1 {
            prop_assert!(
                label.starts_with(&format!("{name} ({id}")),
                "twin {:?} has label {:?}",
                name,
                label
            );
        }
        if label.as_ref() != name {
            prop_assert!(
                label.contains(&format!("({id}")),
                "{:?} lacks its id",
                label
            );
        }
    }
    Ok(())
}

#[test]
fn nfc_and_nfd_twins_are_one_name() {
    // The example.
    let customers = [listed("Équipe", "C1"), listed("E\u{301}quipe", "C2")];
    assert_eq!(
        lifecycle::display_labels(&customers),
        ["Équipe (C1)", "E\u{301}quipe (C2)"]
    );
    // Case and normalisation together; a compatibility character is another name.
    let customers = [
        listed("ÉQUIPE été", "C1"),
        listed("e\u{301}quipe e\u{301}te\u{301}", "C2"),
        listed("\u{fb01}lms", "C3"),
        listed("films", "C4"),
    ];
    assert_eq!(
        lifecycle::display_labels(&customers),
        [
            "ÉQUIPE été (C1)",
            "e\u{301}quipe e\u{301}te\u{301} (C2)",
            "\u{fb01}lms",
            "films"
        ]
    );
}

#[test]
fn labels_built_with_ids_do_not_meet_names() {
    // The example: "A (X)" is a name, and the label of "A" with ID X.
    let customers = [listed("A (X)", "Q"), listed("A", "X"), listed("a", "W")];
    let labels = lifecycle::display_labels(&customers);
    assert_eq!(labels, ["A (X) (Q)", "A (X)", "a (W)"]);
    // In the other order too, and with a case twin of the label.
    let customers = [listed("A", "X"), listed("a", "W"), listed("a (x)", "Q")];
    assert_eq!(
        lifecycle::display_labels(&customers),
        ["A (X)", "a (W)", "a (x) (Q)"]
    );
    // The same customer listed twice is numbered.
    let customers = [listed("A", "X"), listed("A", "X"), listed("A (X #2)", "Z")];
    assert_eq!(
        lifecycle::display_labels(&customers),
        ["A (X)", "A (X #2)", "A (X #2) (Z)"]
    );
    for customers in [
        vec![listed("A (X)", "Q"), listed("A", "X"), listed("a", "W")],
        vec![listed("A", "X"), listed("A", "x"), listed("A (x)", "X")],
    ] {
        check_labels(&customers).unwrap();
    }
}

/// Words that have NFC and NFD spellings, words that do not, and parts of labels.
const WORDS: [&str; 12] = [
    "Équipe",
    "été",
    "Ünïcode",
    "Ångström",
    "Ça",
    "Design",
    "team",
    "A",
    "(X)",
    "(C1)",
    "ﬁ",
    "Straße",
];

/// A name: a few words, each in NFC or NFD, some upper case.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(&WORDS[..]), 0..3u8), 1..4).prop_map(|words| {
        words
            .into_iter()
            .map(|(w, how)| match how {
                0 => nfc(w),
                1 => nfd(w),
                _ => w.to_uppercase(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// An ID from a small set, so that IDs repeat and names like `A (C1)` meet labels.
fn id() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["X", "x", "C1", "C2", "Q", "W"][..])
}

/// A list of customers, with some built on purpose as `"{other name} ({other id})"`.
fn customers() -> impl Strategy<Value = Vec<ListedCustomer>> {
    prop::collection::vec(
        (name(), id(), any::<bool>(), any::<prop::sample::Index>()),
        1..24,
    )
    .prop_map(|rows| {
        let mut out: Vec<ListedCustomer> = Vec::new();
        for (name, id, echo, pick) in rows {
            let name = if echo && !out.is_empty() {
                let other = pick.get(&out);
                format!("{} ({})", other.name, other.cloud_identity_id)
            } else {
                name
            };
            out.push(listed(&name, id));
        }
        out
    })
}

fn address(line: &str, locality: &str) -> PostalAddress {
    PostalAddress::new(&RawPostalAddress {
        contact_name: "Jeanne Martin".into(),
        organization_name: "Acme".into(),
        address_line1: line.into(),
        address_line2: None,
        address_line3: None,
        locality: Some(locality.into()),
        region: None,
        postal_code: "75001".into(),
        country_code: "FR".into(),
    })
    .unwrap()
}

fn snapshot(line: &str, locality: &str) -> AccountSnapshot {
    AccountSnapshot::new(PrimaryDomain::parse("acme.fr").unwrap())
        .with_postal_address(address(line, locality))
}

#[test]
fn drift_does_not_report_nfc_against_nfd() {
    let ours = snapshot("3 rue de l'Église", "Besançon");
    let theirs = snapshot("3 rue de l'E\u{301}glise", "Besanc\u{327}on");
    assert!(lifecycle::drift(&ours, &theirs).is_empty());
    // A real change is still one.
    let moved = snapshot("3 rue de l'Église", "Montbéliard");
    assert_eq!(lifecycle::drift(&ours, &moved).len(), 1);
}

proptest! {
    #[test]
    fn labels_are_unique_and_twins_carry_their_ids(customers in customers()) {
        check_labels(&customers)?;
    }

    #[test]
    fn labels_do_not_depend_on_the_normalisation_of_the_names(customers in customers()) {
        // Whether a label carries an ID does not change when every name is rewritten in NFD.
        let decomposed: Vec<ListedCustomer> = customers
            .iter()
            .map(|c| listed(&nfd(c.name.as_str()), c.cloud_identity_id.as_str()))
            .collect();
        let (a, b) = (
            lifecycle::display_labels(&customers),
            lifecycle::display_labels(&decomposed),
        );
        let folded = |labels: &[std::borrow::Cow<'_, str>]| {
            labels.iter().map(|l| fold(l)).collect::<Vec<_>>()
        };
        prop_assert_eq!(folded(&a), folded(&b));
        check_labels(&decomposed)?;
    }

    #[test]
    fn drift_ignores_normalisation_and_case(
        line in name(), locality in name(), nfd_line: bool, upper: bool,
    ) {
        let ours = snapshot(&format!("1 {line}"), &locality);
        let mut their_line = if nfd_line { nfd(&line) } else { nfc(&line) };
        // Upper case where it is a case variant (`ß` and `ﬁ` become `SS` and `FI`, other text).
        if upper && fold(&their_line.to_uppercase()) == fold(&line) {
            their_line = their_line.to_uppercase();
        }
        let theirs = snapshot(&format!("1  {their_line} "), &nfd(&locality));
        let drift = lifecycle::drift(&ours, &theirs);
        prop_assert!(drift.is_empty(), "{:?}", drift);
    }
}

#[test]
fn twins_share_nothing_with_strangers() {
    // A bare name that no one else has stays bare even among many twins.
    let customers = [
        listed("Équipe", "C1"),
        listed("E\u{301}quipe", "C2"),
        listed("Equipe", "C3"),
    ];
    let labels = lifecycle::display_labels(&customers);
    assert_eq!(labels[2], "Equipe");
    let unique: HashSet<String> = labels.iter().map(|l| fold(l)).collect();
    assert_eq!(unique.len(), 3);
}
