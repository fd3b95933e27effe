//! The recorded answers of Google's APIs (`tests/data/journey/`), shared by the test files that
//! run readers and journeys against them.
#![allow(dead_code)] // each test file uses part of it

use std::path::PathBuf;

use serde::de::DeserializeOwned;

/// The text of the recorded answer `name`.
#[track_caller]
pub fn recorded(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/journey")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The recorded answer `name`, read as `T`.
#[track_caller]
pub fn read<T: DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(&recorded(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The recorded answer `name`, about `domain` instead of the recorded `acme-widgets.fr`, read
/// as `T`: the same answer for another customer.
#[track_caller]
pub fn read_for<T: DeserializeOwned>(name: &str, domain: &str) -> T {
    let text = recorded(name).replace("acme-widgets.fr", domain);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}
