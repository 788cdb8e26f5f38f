//! An operation's variables: declared with input types, defined where used, used
//! where defined, and of a type that fits each place they feed.

use std::collections::{BTreeMap, BTreeSet};

use super::documents::{FragmentDef, OperationDef};
use super::fragments::{kind_name, spreads};
use super::suggest::did_you_mean;
use super::values::{variable_fits, Usage, ValueChecker};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ir::TypeRef;
use crate::schema::syntax::{position, type_ref};
use crate::schema::Schema;

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
    let file = &operation.file;
    // Variables whose type is unknown or not an input type map to `None`: their
    // usages are not checked again.
    let mut declared: BTreeMap<&str, Option<(TypeRef, bool)>> = BTreeMap::new();
    for variable in &operation.variables {
        let at = position(variable.position);
        let ty = type_ref(&variable.var_type);
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
        let valid = schema
            .get(ty.name())
            .is_some_and(|named| named.kind.is_input());
        match schema.get(ty.name()) {
            None => {
                let inputs: Vec<&str> = schema
                    .types
                    .values()
                    .filter(|ty| ty.kind.is_input())
                    .map(|ty| ty.name.as_str())
                    .collect();
                let hint = did_you_mean(ty.name(), &inputs)
                    .unwrap_or_else(|| "check the type name against the schema".to_string());
                diagnostics.push(
                    Diagnostic::new(
                        file,
                        at,
                        format!(
                            "unknown type `{}` of variable `${}`",
                            ty.name(),
                            variable.name
                        ),
                    )
                    .with_hint(hint),
                )
            }
            Some(named) if !named.kind.is_input() => diagnostics.push(
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
            ),
            Some(_) => {
                if let Some(default) = &variable.default_value {
                    let mut ignored = Vec::new();
                    ValueChecker {
                        schema,
                        file,
                        position: at,
                        diagnostics,
                        usages: &mut ignored,
                    }
                    .check(
                        default,
                        &ty,
                        &format!("the default of `${}`", variable.name),
                        false,
                    );
                }
            }
        }
        let has_default = variable
            .default_value
            .as_ref()
            .is_some_and(|value| !matches!(value, graphql_parser::query::Value::Null));
        declared.insert(variable.name.as_str(), valid.then_some((ty, has_default)));
    }

    let mut usages = own;
    let mut seen = BTreeSet::new();
    let mut pending: Vec<&str> = spreads(&operation.selection)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    while let Some(name) = pending.pop() {
        if !seen.insert(name) {
            continue;
        }
        usages.extend(fragment_usages.get(name).into_iter().flatten().cloned());
        if let Some(fragment) = fragments.get(name) {
            pending.extend(
                spreads(&fragment.selection)
                    .into_iter()
                    .map(|(name, _)| name),
            );
        }
    }

    for usage in &usages {
        match declared.get(usage.name.as_str()) {
            None => {
                let declaration = match &usage.expected {
                    Some(ty) => format!("${}: {ty}", usage.name),
                    None => format!("${}: ...", usage.name),
                };
                diagnostics.push(
                    Diagnostic::new(
                        &usage.file,
                        usage.position,
                        format!(
                            "undefined variable `${}` in operation `{}`",
                            usage.name, operation.name
                        ),
                    )
                    .with_hint(format!("declare it: `{}({declaration})`", operation.name)),
                );
            }
            Some(None) => {}
            Some(Some((ty, has_default))) => {
                let Some(expected) = &usage.expected else {
                    continue;
                };
                if !variable_fits(ty, *has_default, expected, usage.place_has_default) {
                    diagnostics.push(
                        Diagnostic::new(
                            &usage.file,
                            usage.position,
                            format!(
                                "variable `${}` of type `{ty}` cannot be used for {}, which expects `{expected}`",
                                usage.name, usage.place
                            ),
                        )
                        .with_hint(format!("declare `${}: {expected}` or pass another value", usage.name)),
                    );
                }
            }
        }
    }

    let used: BTreeSet<&str> = usages.iter().map(|usage| usage.name.as_str()).collect();
    for variable in &operation.variables {
        if !used.contains(variable.name.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    file,
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
