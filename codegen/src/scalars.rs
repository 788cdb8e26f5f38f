//! Which Rust type each GraphQL scalar becomes.
//!
//! Built-in scalars are fixed (`Int` → `i64`, `Float` → `f64`, `String`/`ID` → `String`,
//! `Boolean` → `bool`). Custom scalars map by default to well-known crates with the
//! right wire encoding; a user mapping overrides a default; a custom scalar with neither
//! becomes the runtime's `serde_json::Value`, which decodes whatever the server sends.

use std::collections::BTreeMap;

use crate::ir::ScalarMapping;

/// Default mappings of custom scalars. `{runtime}` stands for the runtime crate path.
const DEFAULTS: &[(&str, &str)] = &[
    ("Date", "chrono::NaiveDate"),
    // chrono's, decoded with its strict RFC 3339 parser first (several times faster).
    ("DateTime", "{runtime}::DateTime"),
    // rust_decimal's `serde-str` feature makes this a string on the wire.
    ("Decimal", "rust_decimal::Decimal"),
    ("GenericScalar", "{runtime}::serde_json::Value"),
    ("JSONString", "{runtime}::JsonString"),
    ("UUID", "uuid::Uuid"),
];

/// The built-in scalars and their Rust types.
pub const BUILTINS: &[(&str, &str)] = &[
    ("Boolean", "bool"),
    ("Float", "f64"),
    ("ID", "String"),
    ("Int", "i64"),
    ("String", "String"),
];

/// The custom-scalar table given to resolution: every default, with the user's
/// mappings (by GraphQL name) replacing or adding to them. `runtime` is the runtime crate
/// path (e.g. `::kraken_codegen_runtime`). Resolution maps a scalar in neither to the
/// runtime's `serde_json::Value`.
pub fn mappings(
    overrides: &BTreeMap<String, String>,
    runtime: &str,
) -> BTreeMap<String, ScalarMapping> {
    let defaults = DEFAULTS
        .iter()
        .map(|(scalar, rust)| (scalar.to_string(), rust.replace("{runtime}", runtime)));
    defaults
        .chain(
            overrides
                .iter()
                .map(|(scalar, rust)| (scalar.clone(), rust.clone())),
        )
        .map(|(scalar, rust_type)| (scalar, ScalarMapping { rust_type }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_overrides() {
        let overrides = BTreeMap::from([
            ("Date".to_string(), "time::Date".to_string()),
            ("Upload".to_string(), "my::Upload".to_string()),
        ]);
        let table: Vec<_> = mappings(&overrides, "::kraken_jp")
            .into_iter()
            .map(|(scalar, mapping)| format!("{scalar} → {}", mapping.rust_type))
            .collect();
        assert_eq!(
            table,
            [
                "Date → time::Date",
                "DateTime → ::kraken_jp::DateTime",
                "Decimal → rust_decimal::Decimal",
                "GenericScalar → ::kraken_jp::serde_json::Value",
                "JSONString → ::kraken_jp::JsonString",
                "UUID → uuid::Uuid",
                "Upload → my::Upload",
            ]
        );
    }
}
