//! Invariants shared by the fuzz targets.
#![allow(dead_code)] // each target uses part of it

use gws_onboarding::{Diagnostic, Lang};

/// The most bytes a message may have, whatever the input.
pub const MAX_MESSAGE_BYTES: usize = 2048;

/// Characters that must never reach a message raw: C0/C1 controls, zero-width and bidi
/// marks, embeddings, overrides and isolates, line/paragraph separators and the BOM. A subset
/// of the crate's own `is_unsafe_char`, written out independently.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
    )
}

/// A message is non-empty, bounded, and holds no raw unsafe character.
#[track_caller]
pub fn check_message(code: &str, message: &str) {
    assert!(!message.is_empty(), "{code}: empty message");
    assert!(
        message.len() <= MAX_MESSAGE_BYTES,
        "{code}: message of {} bytes",
        message.len()
    );
    if let Some(c) = message.chars().find(|&c| is_unsafe(c)) {
        panic!(
            "{code}: message holds raw U+{:04X}: {message:?}",
            u32::from(c)
        );
    }
}

/// An error has a dotted lowercase code and safe messages in both languages; the English one
/// is its `Display` text.
#[track_caller]
pub fn check_diagnostic(err: &dyn Diagnostic) {
    let code = err.code();
    assert!(!code.is_empty(), "empty code for {err:?}");
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'),
        "code {code:?}"
    );
    assert!(code.contains('.'), "code {code:?} has no namespace");
    let en = err.message(Lang::En);
    let fr = err.message(Lang::Fr);
    check_message(code, &en);
    check_message(code, &fr);
    assert_eq!(
        en,
        err.to_string(),
        "{code}: English message is not Display"
    );
}

/// A canonical form: non-empty ASCII, no uppercase letter, no white space.
#[track_caller]
pub fn check_canonical(s: &str) {
    assert!(!s.is_empty());
    assert!(s.is_ascii(), "canonical form {s:?} is not ASCII");
    assert!(
        !s.bytes()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_whitespace()),
        "canonical form {s:?} is not lowercase"
    );
}

/// Whether `c` may stand in an input whose canonical form is plain ASCII: ASCII itself,
/// full-width ASCII (folded) and the ideographic full stops (read as dots). Any other
/// non-ASCII character folded into ASCII would be a silent look-alike (issue 9).
pub fn folds_visibly(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{ff01}'..='\u{ff5e}' | '\u{3002}' | '\u{ff61}')
}

/// The trimmed input of a host as the parsers read it: full-width space folded, white space
/// trimmed.
pub fn trimmed_host(input: &str) -> &str {
    input.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// The label-rule reason behind a primary domain's or an address's refusal, as one word, for
/// the law "one set of label rules": `PrimaryDomain::parse(h)` is refused for label reason `r`
/// exactly when `EmailAddress::parse("a@" + h)` is.
pub fn domain_label_reason(err: &gws_onboarding::DomainError) -> Option<String> {
    use gws_onboarding::DomainError as D;
    match err {
        D::EmptyLabel { .. } => Some("empty".into()),
        D::LabelTooLong { .. } => Some("too_long".into()),
        D::Hyphen { .. } => Some("hyphen".into()),
        D::Punycode { .. } => Some("punycode".into()),
        D::InvalidChar { ch, .. } => Some(format!("char {ch:?}")),
        _ => None,
    }
}

/// See [`domain_label_reason`].
pub fn email_label_reason(err: &gws_onboarding::EmailError) -> Option<String> {
    use gws_onboarding::EmailError as E;
    use gws_onboarding::email::DomainProblem as P;
    match err {
        E::DomainInvalid { reason, .. } => match reason {
            P::EmptyLabel => Some("empty".into()),
            P::LabelTooLong(_) => Some("too_long".into()),
            P::Hyphen | P::ReservedHyphen => Some("hyphen".into()),
            P::Punycode => Some("punycode".into()),
            P::Char(ch) => Some(format!("char {ch:?}")),
            _ => None,
        },
        _ => None,
    }
}
