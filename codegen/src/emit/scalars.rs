//! Custom scalar mappings, parsed into Rust types once per run.

use std::collections::BTreeMap;

use super::EmitError;
use crate::ir::ScalarMapping;

/// The Rust type of every built-in and mapped custom scalar, with `{runtime}` in a
/// mapping replaced by `runtime`, the alias of the runtime in generated modules (the one
/// place it is filled in); a mapping that is not a Rust type is an error.
pub(super) fn parse(
    mappings: &BTreeMap<String, ScalarMapping>,
    runtime: &str,
) -> Result<BTreeMap<String, syn::Type>, EmitError> {
    let builtins = crate::scalars::BUILTINS
        .iter()
        .map(|(scalar, rust)| (scalar.to_string(), rust.to_string()));
    let custom = mappings.iter().map(|(scalar, mapping)| {
        (
            scalar.clone(),
            mapping.rust_type.replace("{runtime}", runtime),
        )
    });
    builtins
        .chain(custom)
        .map(|(scalar, rust_type)| {
            syn::parse_str::<syn::Type>(&rust_type)
                .map(|ty| (scalar.clone(), ty))
                .map_err(|error| EmitError::ScalarType {
                    scalar: scalar.clone(),
                    rust_type: rust_type.clone(),
                    reason: error.to_string(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    #[test]
    fn defaults_and_user_mappings_name_the_runtime_alike() {
        let overrides = BTreeMap::from([("Money".to_string(), "{runtime}::Money".to_string())]);
        let types = parse(&crate::scalars::mappings(&overrides), "__rt").unwrap();
        let shown = |scalar: &str| types[scalar].to_token_stream().to_string();
        assert_eq!(
            ["DateTime", "GenericScalar", "Money", "Date", "Int"].map(shown),
            [
                "__rt :: DateTime",
                "__rt :: serde_json :: Value",
                "__rt :: Money",
                "chrono :: NaiveDate",
                "i64"
            ]
        );
    }
}
