//! Which Rust type each GraphQL scalar becomes, and what the generator says about it.
//!
//! Built-in scalars are fixed ([`BUILTINS`]). Custom scalars map by default to
//! well-known crates with the right wire encoding ([`DEFAULTS`]); a user mapping
//! overrides a default; a custom scalar with neither becomes [`FALLBACK`] (the runtime's
//! `serde_json::Value`), which decodes whatever the server sends, and the run warns about
//! it ([`unmapped`]). A user mapping of
//! a name that is not a custom scalar of the schema is an error ([`check_overrides`]).

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::{ScalarMapping, TypeKind};
use crate::schema::Schema;
use crate::validate::suggest::did_you_mean;

/// The Rust type of a custom scalar nobody mapped.
pub const FALLBACK: &str = "{runtime}::serde_json::Value";

/// Default mappings of custom scalars, with what the Rust type is on the wire.
/// `{runtime}` stands for the runtime crate path.
pub const DEFAULTS: &[(&str, &str, &str)] = &[
    ("Date", "chrono::NaiveDate", "`YYYY-MM-DD`"),
    (
        "DateTime",
        "{runtime}::DateTime",
        "RFC 3339 with an offset; wraps chrono's `DateTime<FixedOffset>`",
    ),
    (
        "Decimal",
        "rust_decimal::Decimal",
        "a string (rust_decimal's `serde-str` feature)",
    ),
    ("GenericScalar", FALLBACK, "any JSON value"),
    (
        "JSONString",
        "{runtime}::JsonString",
        "JSON text in a string, or the JSON value itself",
    ),
    ("UUID", "uuid::Uuid", "the hyphenated string"),
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
/// mappings (by GraphQL name) replacing or adding to them. `{runtime}` stays in the Rust
/// types; emission alone fills it in. Resolution maps a scalar in neither to
/// [`FALLBACK`].
pub fn mappings(overrides: &BTreeMap<String, String>) -> BTreeMap<String, ScalarMapping> {
    let defaults = DEFAULTS
        .iter()
        .map(|(scalar, rust, _)| (scalar.to_string(), rust.to_string()));
    defaults
        .chain(
            overrides
                .iter()
                .map(|(scalar, rust)| (scalar.clone(), rust.clone())),
        )
        .map(|(scalar, rust_type)| (scalar, ScalarMapping { rust_type }))
        .collect()
}

/// The first user mapping (by name) of something that is not a custom scalar of
/// `schema`: the name and what is wrong, with the nearest custom scalar as a hint.
pub fn check_overrides(
    overrides: &BTreeMap<String, String>,
    schema: &Schema,
) -> Result<(), (String, String)> {
    for scalar in overrides.keys() {
        let problem = match schema.get(scalar).map(|ty| ty.kind) {
            Some(TypeKind::CustomScalar) => continue,
            Some(TypeKind::BuiltinScalar) => {
                let rust = BUILTINS
                    .iter()
                    .find(|(builtin, _)| builtin == scalar)
                    .map_or("", |(_, rust)| rust);
                format!("`{scalar}` is a built-in scalar, always `{rust}`")
            }
            Some(_) => format!("`{scalar}` is not a scalar of the schema"),
            None => {
                let custom: Vec<&str> = schema
                    .types
                    .values()
                    .filter(|ty| ty.kind == TypeKind::CustomScalar)
                    .map(|ty| ty.name.as_str())
                    .collect();
                let hint = did_you_mean(scalar, &custom).unwrap_or_else(|| match &custom[..] {
                    [] => "it defines no custom scalar".to_string(),
                    names => format!("its custom scalars are {}", names.join(", ")),
                });
                format!("the schema has no scalar `{scalar}`; {hint}")
            }
        };
        return Err((scalar.clone(), problem));
    }
    Ok(())
}

/// A warning, at the scalar's definition, for each of `used` (custom scalars the
/// generated code uses) that `table` does not map.
pub fn unmapped<'a>(
    schema: &Schema,
    used: impl IntoIterator<Item = &'a String>,
    table: &BTreeMap<String, ScalarMapping>,
) -> Diagnostics {
    let mut warnings = Diagnostics::default();
    for scalar in used
        .into_iter()
        .filter(|scalar| !table.contains_key(*scalar))
    {
        let Some(location) = schema.get(scalar).and_then(|ty| ty.location) else {
            continue;
        };
        warnings.push(
            Diagnostic::new(
                &schema.files[location.file],
                location.position,
                format!(
                    "custom scalar `{scalar}` has no Rust type: it decodes as {}",
                    shown(FALLBACK)
                ),
            )
            .with_hint(format!(
                "map it with `Builder::scalar(\"{scalar}\", \"path::to::Type\")` for a typed value"
            )),
        );
    }
    warnings
}

/// The README's table of scalar mappings: built-in scalars, then the defaults.
pub fn markdown_table() -> String {
    let mut table = String::from("| GraphQL | Rust | On the wire |\n|---|---|---|\n");
    for (scalar, rust) in BUILTINS {
        table.push_str(&format!("| `{scalar}` | `{rust}` | (built in) |\n"));
    }
    for (scalar, rust, wire) in DEFAULTS {
        table.push_str(&format!("| `{scalar}` | {} | {wire} |\n", shown(rust)));
    }
    table.push_str(&format!(
        "| any other custom scalar | {}, with a warning | any JSON value |\n",
        shown(FALLBACK)
    ));
    table
}

/// A mapping's Rust type as a user reads it: `{runtime}::X` is "the runtime's `X`".
fn shown(rust: &str) -> String {
    match rust.strip_prefix("{runtime}::") {
        Some(item) => format!("the runtime's `{item}`"),
        None => format!("`{rust}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    #[test]
    fn defaults_then_overrides() {
        let overrides = BTreeMap::from([
            ("Date".to_string(), "time::Date".to_string()),
            ("Upload".to_string(), "my::Upload".to_string()),
        ]);
        let table: Vec<_> = mappings(&overrides)
            .into_iter()
            .map(|(scalar, mapping)| format!("{scalar} → {}", mapping.rust_type))
            .collect();
        assert_eq!(
            table,
            [
                "Date → time::Date",
                "DateTime → {runtime}::DateTime",
                "Decimal → rust_decimal::Decimal",
                "GenericScalar → {runtime}::serde_json::Value",
                "JSONString → {runtime}::JsonString",
                "UUID → uuid::Uuid",
                "Upload → my::Upload",
            ]
        );
    }

    fn schema(sdl: &str) -> Schema {
        crate::schema::from_sources(vec![SourceFile::new("s.graphql", sdl)]).unwrap()
    }

    fn check(sdl: &str, scalar: &str) -> Result<(), (String, String)> {
        let overrides = BTreeMap::from([(scalar.to_string(), "my::Type".to_string())]);
        check_overrides(&overrides, &schema(sdl))
    }

    #[test]
    fn a_mapping_must_name_a_custom_scalar_of_the_schema() {
        let sdl = "scalar URI\nscalar Date\ntype Query { a: URI, b: Date }\n";
        assert_eq!(check(sdl, "URI"), Ok(()));
        let problem = |scalar: &str| check(sdl, scalar).unwrap_err();
        assert_eq!(
            problem("Uri"),
            (
                "Uri".to_string(),
                "the schema has no scalar `Uri`; did you mean `URI`?".to_string()
            )
        );
        assert_eq!(
            problem("Money").1,
            "the schema has no scalar `Money`; its custom scalars are Date, URI"
        );
        assert_eq!(problem("Int").1, "`Int` is a built-in scalar, always `i64`");
        assert_eq!(problem("Query").1, "`Query` is not a scalar of the schema");
        assert_eq!(
            check("type Query { a: Int }\n", "Uri").unwrap_err().1,
            "the schema has no scalar `Uri`; it defines no custom scalar"
        );
    }

    #[test]
    fn an_unmapped_scalar_is_a_warning_at_its_definition() {
        let schema = schema("type Query { a: Cursor, b: Date }\n\nscalar Cursor\nscalar Date\n");
        let used = ["Cursor".to_string(), "Date".to_string()];
        let warnings = unmapped(&schema, &used, &mappings(&BTreeMap::new()));
        let rendered: Vec<String> = warnings.iter().map(|w| w.render_warning()).collect();
        assert_eq!(
            rendered,
            ["warning: custom scalar `Cursor` has no Rust type: it decodes as the runtime's `serde_json::Value`\n \
              --> s.graphql:3:1\n  |\n3 | scalar Cursor\n  | ^ here\n  |\n  \
              = help: map it with `Builder::scalar(\"Cursor\", \"path::to::Type\")` for a typed value\n"]
        );
    }
}
