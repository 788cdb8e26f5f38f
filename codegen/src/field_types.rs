//! Rust types of particular response fields (`Builder::field_type`), such as the
//! runtime's `Secret` for a field that carries a token: each keyed `Type.field` and
//! checked against the schema before resolution gives it to the selected fields.

use std::collections::BTreeMap;

use crate::ir::TypeKind;
use crate::schema::Schema;
use crate::validate::suggest::did_you_mean;

/// The table resolution takes, by (type, field), from the `Type.field` keys given; the
/// first key that names no scalar or enum field of `schema`, or whose Rust type does not
/// parse, is an error: the key and what is wrong.
pub fn check(
    overrides: &BTreeMap<String, String>,
    schema: &Schema,
) -> Result<BTreeMap<(String, String), String>, (String, String)> {
    overrides
        .iter()
        .map(|(key, rust_type)| {
            let (type_name, field) =
                resolve(key, schema).map_err(|problem| (key.clone(), problem))?;
            let parsed = rust_type.replace("{runtime}", "runtime");
            if syn::parse_str::<syn::Type>(&parsed).is_err() {
                return Err((key.clone(), format!("`{rust_type}` is not a Rust type")));
            }
            Ok(((type_name, field), rust_type.clone()))
        })
        .collect()
}

/// The type and field `key` names, when it is a scalar or enum field of an object or
/// interface of `schema`.
fn resolve(key: &str, schema: &Schema) -> Result<(String, String), String> {
    let Some((type_name, field_name)) = key.split_once('.') else {
        return Err("name the field as `Type.field`".to_string());
    };
    let Some(parent) = schema.get(type_name) else {
        let names: Vec<&str> = schema.types.keys().map(String::as_str).collect();
        let hint =
            did_you_mean(type_name, &names).map_or_else(String::new, |hint| format!("; {hint}"));
        return Err(format!("the schema has no type `{type_name}`{hint}"));
    };
    if !matches!(parent.kind, TypeKind::Object | TypeKind::Interface) {
        return Err(format!("`{type_name}` is not an object or interface type"));
    }
    let Some(field) = parent.field(field_name) else {
        let names: Vec<&str> = parent.fields.iter().map(|f| f.name.as_str()).collect();
        let hint =
            did_you_mean(field_name, &names).map_or_else(String::new, |hint| format!("; {hint}"));
        return Err(format!("`{type_name}` has no field `{field_name}`{hint}"));
    };
    match schema.kind(field.ty.name()) {
        Some(kind) if kind.is_leaf() => Ok((type_name.to_string(), field_name.to_string())),
        _ => Err(format!(
            "`{type_name}.{field_name}` is of type `{}`: only scalar and enum fields take a Rust type",
            field.ty
        )),
    }
}
