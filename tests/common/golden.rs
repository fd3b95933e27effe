//! Golden JSON files under `tests/golden/`, shared by the wire and journey tests.

use std::path::PathBuf;

use serde_json::Value;

/// The path of a golden file.
pub fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Asserts that `actual` is the golden file's value, written in canonical pretty form; with
/// `BLESS_GOLDEN=1`, `actual` is written to it first.
#[track_caller]
pub fn assert_golden(name: &str, actual: &Value) {
    let path = golden_path(name);
    let pretty = serde_json::to_string_pretty(actual).unwrap() + "\n";
    if std::env::var_os("BLESS_GOLDEN").is_some() {
        std::fs::write(&path, &pretty).unwrap();
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS_GOLDEN=1)", path.display()));
    let expected: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(actual, &expected, "{name} differs from what was built");
    assert_eq!(text, pretty, "{name} is not in canonical pretty form");
}
