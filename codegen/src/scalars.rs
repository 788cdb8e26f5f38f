//! Which Rust type each GraphQL scalar becomes.
//!
//! Built-in scalars are fixed (`Int` → `i64`, `Float` → `f64`, `String`/`ID` → `String`,
//! `Boolean` → `bool`). Custom scalars map by default to well-known crates with the
//! right wire encoding; a user mapping overrides a default; a custom scalar with neither
//! becomes `serde_json::Value`, which decodes whatever the server sends.

use std::collections::BTreeMap;

/// Default mappings of custom scalars. `{runtime}` stands for the runtime crate path.
const DEFAULTS: &[(&str, &str)] = &[
    ("Date", "chrono::NaiveDate"),
    ("DateTime", "chrono::DateTime<chrono::FixedOffset>"),
    // rust_decimal's `serde-str` feature makes this a string on the wire.
    ("Decimal", "rust_decimal::Decimal"),
    ("GenericScalar", "serde_json::Value"),
    ("JSONString", "{runtime}::JsonString"),
    ("UUID", "uuid::Uuid"),
];

/// What an unmapped custom scalar becomes.
const FALLBACK: &str = "serde_json::Value";

/// The built-in scalars and their Rust types.
pub const BUILTINS: &[(&str, &str)] = &[
    ("Boolean", "bool"),
    ("Float", "f64"),
    ("ID", "::std::string::String"),
    ("Int", "i64"),
    ("String", "::std::string::String"),
];

/// The Rust type path a custom scalar maps to: the user's mapping, else the default,
/// else `serde_json::Value`. `runtime` is the runtime crate path (e.g. `crate`).
pub fn custom(name: &str, overrides: &BTreeMap<String, String>, runtime: &str) -> String {
    if let Some(mapped) = overrides.get(name) {
        return mapped.clone();
    }
    DEFAULTS
        .iter()
        .find(|(scalar, _)| *scalar == name)
        .map_or(FALLBACK, |(_, rust)| rust)
        .replace("{runtime}", runtime)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_overrides_and_fallback() {
        let mut overrides = BTreeMap::new();
        overrides.insert("Date".to_string(), "time::Date".to_string());
        let map = |name| custom(name, &overrides, "::kraken_jp");
        assert_eq!(map("Date"), "time::Date");
        assert_eq!(map("DateTime"), "chrono::DateTime<chrono::FixedOffset>");
        assert_eq!(map("JSONString"), "::kraken_jp::JsonString");
        assert_eq!(map("Decimal"), "rust_decimal::Decimal");
        assert_eq!(map("UUID"), "uuid::Uuid");
        assert_eq!(map("GenericScalar"), "serde_json::Value");
        assert_eq!(map("Upload"), "serde_json::Value");
    }
}
