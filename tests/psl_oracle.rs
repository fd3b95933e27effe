//! The `publicsuffix` crate as an oracle for our Public Suffix List table, and the PSL's own
//! test vectors.
//!
//! - `embedded_table_answers_like_publicsuffix`: the embedded table against
//!   `publicsuffix::List` parsed from the same `data/public_suffix_list.dat`, over every
//!   rule-derived name (rule, `x.`rule, `a.b.`rule) and 150 000 random names (fixed seed). The
//!   only differences allowed are the nested wildcards, where `publicsuffix::List` is wrong (see
//!   [`is_nested_wildcard`]); they are pinned by `nested_wildcards_follow_the_psl_algorithm`.
//! - `unicode_names_answer_like_publicsuffix`: the `publicsuffix::Psl` impl on Unicode names.
//! - `case_does_not_change_the_answer`: any ASCII case of a rule-derived name.
//! - `psl_test_vectors`: `tests/data/psl/test_psl.txt`, the PSL's official vectors.

use std::collections::{BTreeSet, HashSet};
use std::str::FromStr;

use gws_onboarding::SuffixList;
use gws_onboarding::suffix::Section;
use publicsuffix::Psl as _;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

/// A tiny deterministic generator (splitmix64): the same names on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The rules of the list as written (`!` and `*.` kept), with their line's section.
fn rules() -> Vec<&'static str> {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

/// A rule's body (no `!`, no `*.`) as a lowercase A-label name.
fn a_label_body(rule: &str) -> String {
    let body = rule.trim_start_matches('!').trim_start_matches("*.");
    idna::domain_to_ascii(body).unwrap()
}

/// The list text with each Unicode rule followed by its A-label twin, which is what
/// `publicsuffix`'s own `punycode` feature does when it reads a list (this crate builds it
/// without that feature, so the test does it by hand).
fn list_with_a_labels() -> String {
    let mut out = String::with_capacity(LIST.len() + 16_384);
    for line in LIST.lines() {
        out.push_str(line);
        out.push('\n');
        let rule = line.split_whitespace().next().unwrap_or_default();
        if !line.starts_with("//") && !rule.is_ascii() {
            let prefix = if rule.starts_with('!') {
                "!"
            } else if rule.starts_with("*.") {
                "*."
            } else {
                ""
            };
            out.push_str(prefix);
            out.push_str(&a_label_body(rule));
            out.push('\n');
        }
    }
    out
}

/// What a list answers for a name: suffix, section, registrable domain.
type Answer = (String, Option<Section>, Option<String>);

fn ours(name: &str) -> Answer {
    let found = SuffixList::embedded().lookup(name);
    (
        found.suffix().to_owned(),
        found.section(),
        found.registrable().map(str::to_owned),
    )
}

fn theirs(list: &publicsuffix::List, name: &str) -> Answer {
    let section = |typ| match typ {
        Some(publicsuffix::Type::Icann) => Some(Section::Icann),
        Some(publicsuffix::Type::Private) => Some(Section::Private),
        None => None,
    };
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let suffix = list.suffix(name.as_bytes()).unwrap();
    (
        text(suffix.as_bytes()),
        section(suffix.typ()),
        list.domain(name.as_bytes()).map(|d| text(d.as_bytes())),
    )
}

/// The nested-wildcard case, where `publicsuffix::List` is wrong: the list has `*.P` and a
/// deeper rule under `L.P` (`*.ex.futurecms.at` under `*.futurecms.at`), so `L.P` is a node of
/// `publicsuffix`'s tree without a rule of its own. For the name `L.P` (or below it, when no
/// rule under `L.P` matches), the PSL algorithm matches `*.P`, so the suffix is `L.P`;
/// `publicsuffix::List` walks into the node `L.P`, finds no rule there, and stops at `P` (or
/// at its parent). Ours answers `L.P`.
fn is_nested_wildcard(wildcards: &HashSet<String>, ours: &Answer, theirs: &Answer) -> bool {
    let Some((_, parent)) = ours.0.split_once('.') else {
        return false;
    };
    wildcards.contains(parent)
        && ours.0.len() > theirs.0.len()
        && ours.0.ends_with(&theirs.0)
        && wildcards
            .iter()
            .any(|w| w.ends_with(&format!(".{}", ours.0)) || *w == ours.0)
}

/// Random names: labels drawn from the list's own labels (so that names hit rules, wildcards
/// and exceptions), random short labels, and whole rules as tails.
fn random_names(count: usize, rule_bodies: &[String]) -> Vec<String> {
    let labels: Vec<&str> = rule_bodies
        .iter()
        .flat_map(|b| b.split('.'))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let mut rng = Rng(0x6777_735f_7073_6c21);
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        let mut parts: Vec<String> = Vec::new();
        for _ in 0..=rng.below(4) {
            if rng.below(3) == 0 {
                let len = 1 + rng.below(6);
                parts.push((0..len).map(|_| char::from(*rng.pick(alphabet))).collect());
            } else {
                parts.push((*rng.pick(&labels)).to_owned());
            }
        }
        if rng.below(2) == 0 {
            parts.push(rng.pick(rule_bodies).clone());
        }
        names.push(parts.join("."));
    }
    names
}

#[test]
fn embedded_table_answers_like_publicsuffix() {
    let oracle = publicsuffix::List::from_str(&list_with_a_labels()).unwrap();
    let rules = rules();
    let bodies: Vec<String> = rules.iter().map(|r| a_label_body(r)).collect();
    let wildcards: HashSet<String> = rules
        .iter()
        .filter(|r| r.starts_with("*."))
        .map(|r| a_label_body(r))
        .collect();

    let mut names: Vec<String> = Vec::new();
    for body in &bodies {
        names.extend([body.clone(), format!("x.{body}"), format!("a.b.{body}")]);
    }
    let derived = names.len();
    names.extend(random_names(150_000, &bodies));

    let (mut nested, mut other) = (BTreeSet::new(), Vec::new());
    for name in &names {
        let (mine, reference) = (ours(name), theirs(&oracle, name));
        if mine != reference {
            if is_nested_wildcard(&wildcards, &mine, &reference) {
                nested.insert(mine.0.clone());
            } else {
                other.push(format!("{name}: ours {mine:?}, publicsuffix {reference:?}"));
            }
        }
    }
    assert!(derived > 30_000, "{derived} rule-derived names");
    assert!(
        other.is_empty(),
        "{} unexplained differences:\n{}",
        other.len(),
        other[..other.len().min(20)].join("\n")
    );
    // Every difference is a nested wildcard, and every nested wildcard of the list (a wildcard
    // rule `*.L.P` right under another `*.P`) shows up: the differences are exactly that class.
    let expected: BTreeSet<String> = wildcards
        .iter()
        .filter(|w| {
            w.split_once('.')
                .is_some_and(|(_, parent)| wildcards.contains(parent))
        })
        .cloned()
        .collect();
    assert!(expected.contains("ex.futurecms.at"), "{expected:?}");
    assert!(expected.len() >= 6, "{expected:?}");
    assert_eq!(nested, expected);
}

#[test]
fn nested_wildcards_follow_the_psl_algorithm() {
    let oracle = publicsuffix::List::from_str(LIST).unwrap();
    // `*.futurecms.at` and `*.ex.futurecms.at`: `ex.futurecms.at` matches the first.
    let s = |v: &str| v.to_owned();
    assert_eq!(
        ours("ex.futurecms.at"),
        (s("ex.futurecms.at"), Some(Section::Private), None)
    );
    assert_eq!(theirs(&oracle, "ex.futurecms.at").0, "at");
    // One level down, both agree: `*.ex.futurecms.at`.
    assert_eq!(
        ours("shop.ex.futurecms.at"),
        theirs(&oracle, "shop.ex.futurecms.at")
    );
    assert_eq!(ours("shop.ex.futurecms.at").0, "shop.ex.futurecms.at");
    // A sibling without a deeper rule: both agree on `*.futurecms.at`.
    assert_eq!(
        ours("shop.futurecms.at"),
        theirs(&oracle, "shop.futurecms.at")
    );
    assert_eq!(
        ours("www.shop.futurecms.at").2.as_deref(),
        Some("www.shop.futurecms.at")
    );
}

#[test]
fn unicode_names_answer_like_publicsuffix() {
    // The list as written: `publicsuffix::List` knows Unicode rules in their Unicode form.
    let oracle = publicsuffix::List::from_str(LIST).unwrap();
    let list = SuffixList::embedded();
    let mut checked = 0;
    for rule in rules().into_iter().filter(|r| !r.is_ascii()) {
        let body = rule.trim_start_matches('!').trim_start_matches("*.");
        for name in [
            body.to_owned(),
            format!("x.{body}"),
            format!("a.b.{body}"),
            format!("食狮.{body}"),
            format!("a.食狮.{body}"),
        ] {
            let bytes = name.as_bytes();
            let mine = list.suffix(bytes).map(|s| (s.as_bytes().to_vec(), s.typ()));
            let reference = oracle
                .suffix(bytes)
                .map(|s| (s.as_bytes().to_vec(), s.typ()));
            assert_eq!(mine, reference, "{name}");
            assert_eq!(
                list.domain(bytes).map(|d| d.as_bytes().to_vec()),
                oracle.domain(bytes).map(|d| d.as_bytes().to_vec()),
                "{name}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1_000, "{checked}");
    // The example: a Unicode rule is found by its Unicode spelling.
    assert_eq!(
        list.suffix("example.公司.cn".as_bytes())
            .map(|s| s.as_bytes().to_vec()),
        Some("公司.cn".as_bytes().to_vec())
    );
}

/// Flips the case of the ASCII letters of `name` where `bits` says so.
fn flip_case(name: &str, mut bits: u64) -> String {
    name.chars()
        .map(|c| {
            let flip = bits & 1 == 1;
            bits = bits.rotate_right(1);
            if flip { c.to_ascii_uppercase() } else { c }
        })
        .collect()
}

#[test]
fn case_does_not_change_the_answer() {
    let list = SuffixList::embedded();
    // The example.
    let upper = list.lookup("EXAMPLE.CO.UK");
    assert_eq!(upper.suffix(), "CO.UK");
    assert_eq!(upper.registrable(), Some("EXAMPLE.CO.UK"));
    assert_eq!(upper.section(), Some(Section::Icann));
    // Every rule-derived name, in a random case, and fully upper case.
    let mut rng = Rng(42);
    for rule in rules() {
        let body = a_label_body(rule);
        for name in [body.clone(), format!("x.{body}"), format!("a.b.{body}")] {
            let lower = list.lookup(&name);
            for variant in [flip_case(&name, rng.next()), name.to_ascii_uppercase()] {
                let found = list.lookup(&variant);
                assert_eq!(
                    found.suffix().to_ascii_lowercase(),
                    lower.suffix(),
                    "{variant}"
                );
                assert_eq!(found.icann_suffix().len(), lower.icann_suffix().len());
                assert_eq!(found.section(), lower.section(), "{variant}");
                assert_eq!(found.is_icann_known(), lower.is_icann_known());
                assert_eq!(
                    found.registrable().map(str::to_ascii_lowercase).as_deref(),
                    lower.registrable(),
                    "{variant}"
                );
            }
        }
    }
}

#[test]
fn psl_test_vectors() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/psl/test_psl.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let list = SuffixList::embedded();
    let (mut cases, mut problems) = (0, Vec::new());
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (fields, why) = match line.split_once(" # ") {
            Some((fields, why)) => (fields, Some(why)),
            None => (line, None),
        };
        let [input, upstream, expected] = fields.split('\t').collect::<Vec<_>>()[..] else {
            panic!("line {}: three fields expected: {line:?}", index + 1);
        };
        cases += 1;
        if upstream != expected && why.is_none() {
            problems.push(format!(
                "line {}: {input}: ours ({expected}) differs from upstream ({upstream}) without a why",
                index + 1
            ));
        }
        if input == "null" {
            // Rust's &str cannot be null: nothing to run.
            continue;
        }
        let got = list.lookup(input).registrable().unwrap_or("null");
        let through_psl = list
            .domain(input.as_bytes())
            .map_or("null".to_owned(), |d| {
                String::from_utf8(d.as_bytes().to_vec()).unwrap()
            });
        if got != expected || through_psl != expected {
            problems.push(format!(
                "line {}: {input}: expected {expected}, lookup gives {got}, Psl::domain gives {through_psl}",
                index + 1
            ));
        }
    }
    assert!(cases >= 75, "{cases} cases");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
