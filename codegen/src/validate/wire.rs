//! The document sent on the wire: the operation, then every fragment it uses
//! (transitively, sorted by name), with `__typename` in every selection set on an
//! interface or union.

use std::collections::BTreeMap;

use graphql_parser::query::{
    Definition, Document, Field, Mutation, OperationDefinition, Query, Selection, Subscription,
    TypeCondition,
};

use super::documents::{AstSelectionSet, FragmentDef, OperationDef};
use super::fragments::used_fragments;
use crate::ir::OperationKind;
use crate::schema::{Schema, TypeDef};

/// Prints the wire document of a validated operation.
pub(crate) fn document(
    schema: &Schema,
    operation: &OperationDef,
    fragments: &BTreeMap<String, FragmentDef>,
) -> String {
    let mut selection_set = operation.selection.clone();
    if let Some(root) = schema.root_type(operation.kind) {
        inject_typename(schema, root, &mut selection_set);
    }
    let name = Some(operation.name.clone());
    let position = Default::default();
    let variable_definitions = operation.variables.clone();
    let directives = operation.directives.clone();
    let definition = match operation.kind {
        OperationKind::Query => OperationDefinition::Query(Query {
            position,
            name,
            variable_definitions,
            directives,
            selection_set,
        }),
        OperationKind::Mutation => OperationDefinition::Mutation(Mutation {
            position,
            name,
            variable_definitions,
            directives,
            selection_set,
        }),
        OperationKind::Subscription => OperationDefinition::Subscription(Subscription {
            position,
            name,
            variable_definitions,
            directives,
            selection_set,
        }),
    };
    let mut definitions = vec![Definition::Operation(definition)];
    for name in used_fragments(&operation.selection, fragments) {
        let Some(fragment) = fragments.get(name) else {
            continue;
        };
        let mut selection_set = fragment.selection.clone();
        if let Some(on) = schema.get(&fragment.on_type) {
            inject_typename(schema, on, &mut selection_set);
            if on.kind.is_abstract() {
                ensure_typename(&mut selection_set);
            }
        }
        definitions.push(Definition::Fragment(
            graphql_parser::query::FragmentDefinition {
                position: Default::default(),
                name: fragment.name.clone(),
                type_condition: TypeCondition::On(fragment.on_type.clone()),
                directives: fragment.directives.clone(),
                selection_set,
            },
        ));
    }
    Document { definitions }.to_string()
}

/// Adds `__typename` to the selection of every field of interface or union type below
/// `parent`.
fn inject_typename(schema: &Schema, parent: &TypeDef, set: &mut AstSelectionSet) {
    for item in &mut set.items {
        match item {
            Selection::Field(field) => {
                let target = schema
                    .field(parent, &field.name)
                    .and_then(|def| schema.get(def.ty.name()))
                    .filter(|ty| ty.kind.is_composite());
                if let Some(target) = target {
                    inject_typename(schema, target, &mut field.selection_set);
                    if target.kind.is_abstract() {
                        ensure_typename(&mut field.selection_set);
                    }
                }
            }
            Selection::InlineFragment(inline) => {
                let on = match &inline.type_condition {
                    Some(TypeCondition::On(name)) => schema.get(name),
                    None => Some(parent),
                };
                if let Some(on) = on {
                    inject_typename(schema, on, &mut inline.selection_set);
                }
            }
            Selection::FragmentSpread(_) => {}
        }
    }
}

/// Puts `__typename` first in `set` unless it is already selected without an alias.
fn ensure_typename(set: &mut AstSelectionSet) {
    let present = set.items.iter().any(|item| {
        matches!(item, Selection::Field(field) if field.name == "__typename" && field.alias.is_none())
    });
    if !present {
        set.items.insert(
            0,
            Selection::Field(Field {
                position: Default::default(),
                alias: None,
                name: "__typename".to_string(),
                arguments: Vec::new(),
                directives: Vec::new(),
                selection_set: AstSelectionSet {
                    span: Default::default(),
                    items: Vec::new(),
                },
            }),
        );
    }
}
