#![no_main]
//! `SuffixList::lookup` (embedded table) and `SuffixList::parse` over arbitrary bytes taken as
//! UTF-8: the first byte chooses which.

mod common;

use gws_onboarding::SuffixList;
use libfuzzer_sys::fuzz_target;
use publicsuffix::Psl as _;

/// What any answer of `lookup` must satisfy, and that ASCII case does not change it.
fn check_lookup(list: &SuffixList, name: &str) {
    let found = list.lookup(name);
    let (suffix, icann) = (found.suffix(), found.icann_suffix());
    assert!(name.ends_with(suffix), "{name:?}: suffix {suffix:?}");
    assert!(name.ends_with(icann), "{name:?}: icann suffix {icann:?}");
    assert_eq!(found.is_known(), found.section().is_some());
    for (registrable, suffix) in [
        (found.registrable(), suffix),
        (found.icann_registrable(), icann),
    ] {
        if let Some(registrable) = registrable {
            assert!(name.ends_with(registrable), "{name:?}: {registrable:?}");
            let head = &registrable[..registrable.len() - suffix.len()];
            assert!(head.len() >= 2 && head.ends_with('.'), "{name:?}: {registrable:?}");
            assert!(!head[..head.len() - 1].contains('.'), "{name:?}: {registrable:?}");
        }
    }
    // Any ASCII case answers alike (upper-casing keeps byte offsets).
    let upper = name.to_ascii_uppercase();
    let again = list.lookup(&upper);
    assert_eq!(again.suffix().len(), suffix.len(), "{name:?}");
    assert_eq!(again.icann_suffix().len(), icann.len(), "{name:?}");
    assert_eq!(again.section(), found.section(), "{name:?}");
    // The publicsuffix::Psl impl answers like lookup.
    if !name.ends_with('.') {
        let through = list.suffix(name.as_bytes()).map_or(0, |s| s.as_bytes().len());
        assert_eq!(through, suffix.len(), "{name:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if mode % 2 == 0 {
        check_lookup(SuffixList::embedded(), &text);
        return;
    }
    match SuffixList::parse(&text) {
        Ok(list) => {
            assert!(!list.is_empty());
            for line in text.lines().take(8) {
                let rule = line.trim().trim_start_matches('!').trim_start_matches("*.");
                for name in [rule.to_owned(), format!("x.{rule}"), format!("a.b.{rule}")] {
                    check_lookup(&list, &name);
                }
            }
        }
        Err(err) => {
            common::check_diagnostic(&err);
            assert!(err.code().starts_with("suffix_list."), "{}", err.code());
        }
    }
});
