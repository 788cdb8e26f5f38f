//! An operation's variables: declared with input types, defined where used, used
//! where defined, and of a type that fits each place they feed.

use std::collections::{BTreeMap, BTreeSet};

use graphql_parser::query::{Value, VariableDefinition};

use super::documents::{FragmentDef, OperationDef};
use super::fragments::{kind_name, used_fragments};
use super::suggest::did_you_mean;
use super::values::{variable_fits, Usage, ValueChecker};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::TypeRef;
use crate::schema::syntax::{position, type_ref};
use crate::schema::Schema;

/// A declared variable: its type and whether it has a non-null default, or `None`
/// when its type is unknown or not an input type (already reported; its usages are
/// not checked again).
type Declared = Option<(TypeRef, bool)>;

/// Checks the variables of `operation` against every usage in it and in the
/// fragments it spreads (transitively).
pub(crate) fn check(
    schema: &Schema,
    operation: &OperationDef,
    own: Vec<Usage>,
    fragment_usages: &BTreeMap<String, Vec<Usage>>,
    fragments: &BTreeMap<String, FragmentDef>,
    diagnostics: &mut Diagnostics,
) {
    let declared = declarations(schema, operation, diagnostics);
    let mut usages = own;
    for name in used_fragments(&operation.selection, fragments) {
        usages.extend(fragment_usages.get(name).into_iter().flatten().cloned());
    }
    for usage in &usages {
        match declared.get(usage.name.as_str()) {
            None => diagnostics.push(undefined(operation, usage)),
            Some(None) => {}
            Some(Some((ty, has_default))) => {
                let fits = usage.expected.as_ref().is_none_or(|expected| {
                    variable_fits(ty, *has_default, expected, usage.place_has_default)
                });
                if !fits {
                    diagnostics.push(mismatch(usage, ty));
                }
            }
        }
    }
    let used: BTreeSet<&str> = usages.iter().map(|usage| usage.name.as_str()).collect();
    for variable in &operation.variables {
        if !used.contains(variable.name.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    &operation.file,
                    position(variable.position),
                    format!(
                        "variable `${}` is never used in operation `{}`",
                        variable.name, operation.name
                    ),
                )
                .with_hint("use it as an argument or remove its declaration"),
            );
        }
    }
}

/// Checks each declaration (unique, of a known input type, with a fitting default).
fn declarations<'o>(
    schema: &Schema,
    operation: &'o OperationDef,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<&'o str, Declared> {
    let file = &operation.file;
    let mut declared = BTreeMap::new();
    for variable in &operation.variables {
        let at = position(variable.position);
        if declared.contains_key(variable.name.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    file,
                    at,
                    format!("variable `${}` is declared twice", variable.name),
                )
                .with_hint("remove one of the two declarations"),
            );
            continue;
        }
        let ty = type_ref(&variable.var_type);
        let entry = match schema.get(ty.name()) {
            None => {
                diagnostics.push(unknown_type(schema, operation, variable, &ty));
                None
            }
            Some(named) if !named.kind.is_input() => {
                diagnostics.push(
                    Diagnostic::new(
                        file,
                        at,
                        format!(
                            "variable `${}` has type `{ty}`, but `{}` is {}, not an input type",
                            variable.name,
                            named.name,
                            kind_name(named.kind)
                        ),
                    )
                    .with_hint("variables take scalars, enums and input objects"),
                );
                None
            }
            Some(_) => {
                if let Some(default) = &variable.default_value {
                    ValueChecker {
                        schema,
                        file,
                        position: at,
                        diagnostics,
                        usages: &mut Vec::new(),
                    }
                    .check(
                        default,
                        &ty,
                        &format!("the default of `${}`", variable.name),
                        false,
                    );
                }
                let has_default = variable
                    .default_value
                    .as_ref()
                    .is_some_and(|value| !matches!(value, Value::Null));
                Some((ty, has_default))
            }
        };
        declared.insert(variable.name.as_str(), entry);
    }
    declared
}

fn unknown_type(
    schema: &Schema,
    operation: &OperationDef,
    variable: &VariableDefinition<'static, String>,
    ty: &TypeRef,
) -> Diagnostic {
    let inputs: Vec<&str> = schema
        .types
        .values()
        .filter(|ty| ty.kind.is_input())
        .map(|ty| ty.name.as_str())
        .collect();
    let hint = did_you_mean(ty.name(), &inputs)
        .unwrap_or_else(|| "check the type name against the schema".to_string());
    Diagnostic::new(
        &operation.file,
        position(variable.position),
        format!(
            "unknown type `{}` of variable `${}`",
            ty.name(),
            variable.name
        ),
    )
    .with_hint(hint)
}

fn undefined(operation: &OperationDef, usage: &Usage) -> Diagnostic {
    let declaration = match &usage.expected {
        Some(ty) => format!("${}: {ty}", usage.name),
        None => format!("${}: ...", usage.name),
    };
    Diagnostic::new(
        &usage.file,
        usage.position,
        format!(
            "undefined variable `${}` in operation `{}`",
            usage.name, operation.name
        ),
    )
    .with_hint(format!("declare it: `{}({declaration})`", operation.name))
}

fn mismatch(usage: &Usage, ty: &TypeRef) -> Diagnostic {
    let expected = usage
        .expected
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    Diagnostic::new(
        &usage.file,
        usage.position,
        format!(
            "variable `${}` of type `{ty}` cannot be used for {}, which expects `{expected}`",
            usage.name, usage.place
        ),
    )
    .with_hint(format!(
        "declare `${}: {expected}` or pass another value",
        usage.name
    ))
}
