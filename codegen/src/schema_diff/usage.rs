//! What one operation uses of the schema it was validated against: read from its wire
//! document (which holds every fragment it spreads, synthesized ones included).

use std::collections::{BTreeMap, BTreeSet};

use graphql_parser::query::{
    Definition, FragmentDefinition, OperationDefinition, Selection, SelectionSet, TypeCondition,
    Value,
};

use super::change::Coordinate;
use crate::diagnostic::{Diagnostics, SourceFile};
use crate::ir::{self, TypeKind, TypeRef};
use crate::schema::syntax::{parse_error, type_ref};
use crate::schema::Schema;

type Fragments<'d> = BTreeMap<&'d str, &'d FragmentDefinition<'static, String>>;

/// The parts of a schema one operation depends on.
#[derive(Debug, Default, PartialEq)]
pub struct Usage {
    /// Types of the response: the root, every selected field's type, every type condition.
    pub output_types: BTreeSet<String>,
    /// Types a request may carry: the variables' and the given arguments' types, and
    /// every type their input objects' fields reach (a caller may set any of them).
    pub input_types: BTreeSet<String>,
    /// Selected fields: (type selected on, field).
    pub fields: BTreeSet<(String, String)>,
    /// Arguments given: (type, field, argument), and whether the value given may be
    /// null (`null`, or a variable of a nullable type).
    pub arguments: BTreeMap<(String, String, String), bool>,
    /// Type conditions inside a selection on an interface or union: (abstract type,
    /// type of the condition). Each is a variant of a generated enum.
    pub conditions: BTreeSet<(String, String)>,
}

impl Usage {
    /// Reads what `operation` uses of `schema`, the schema it was validated against.
    pub fn of(schema: &Schema, operation: &ir::Operation) -> Result<Usage, Diagnostics> {
        let file = SourceFile::new(
            format!("<wire document of {}>", operation.name),
            operation.wire_document.as_str(),
        );
        let document = graphql_parser::parse_query::<String>(&operation.wire_document)
            .map_err(|error| Diagnostics::from(parse_error(&file, &error.to_string())))?
            .into_static();
        let fragments: Fragments = document
            .definitions
            .iter()
            .filter_map(|definition| match definition {
                Definition::Fragment(fragment) => Some((fragment.name.as_str(), fragment)),
                Definition::Operation(_) => None,
            })
            .collect();
        let mut walk = Walk {
            schema,
            fragments: &fragments,
            nullable_variables: BTreeSet::new(),
            usage: Usage::default(),
            spread: BTreeSet::new(),
        };
        for definition in &document.definitions {
            let Definition::Operation(definition) = definition else {
                continue;
            };
            let (variables, selection) = match definition {
                OperationDefinition::Query(q) => (&q.variable_definitions[..], &q.selection_set),
                OperationDefinition::Mutation(m) => (&m.variable_definitions[..], &m.selection_set),
                OperationDefinition::Subscription(s) => {
                    (&s.variable_definitions[..], &s.selection_set)
                }
                OperationDefinition::SelectionSet(set) => (&[][..], set),
            };
            for variable in variables {
                let ty = type_ref(&variable.var_type);
                walk.input(ty.name());
                if !matches!(ty, TypeRef::NonNull(_)) {
                    walk.nullable_variables.insert(variable.name.clone());
                }
            }
            if let Some(root) = schema.root_type(operation.kind) {
                walk.usage.output_types.insert(root.name.clone());
                walk.selection_set(&root.name, selection);
            }
        }
        Ok(walk.usage)
    }

    /// Whether the operation uses the thing at `coordinate`: a type it reaches, a field
    /// it selects, an argument it gives, an input field or enum value of a type it
    /// reaches, a union or interface it selects.
    pub fn uses(&self, coordinate: &Coordinate) -> bool {
        match coordinate {
            Coordinate::Type(name) | Coordinate::EnumValue(name, _) => self.reaches(name),
            Coordinate::Field(ty, field) => self.fields.contains(&(ty.clone(), field.clone())),
            Coordinate::Argument(ty, field, arg) => {
                self.arguments
                    .contains_key(&(ty.clone(), field.clone(), arg.clone()))
            }
            Coordinate::InputField(ty, _) => self.input_types.contains(ty),
            Coordinate::Member(abstract_type, _) | Coordinate::Implementation(_, abstract_type) => {
                self.output_types.contains(abstract_type)
            }
        }
    }

    /// Whether a request or a response of the operation carries the type.
    pub fn reaches(&self, name: &str) -> bool {
        self.output_types.contains(name) || self.input_types.contains(name)
    }

    /// Whether the operation selects the field at all (the coordinate of an argument
    /// or a field).
    pub fn selects_field_of(&self, coordinate: &Coordinate) -> bool {
        match coordinate {
            Coordinate::Field(ty, field) | Coordinate::Argument(ty, field, _) => {
                self.fields.contains(&(ty.clone(), field.clone()))
            }
            _ => false,
        }
    }

    /// Whether the operation gives the argument at `coordinate` a value that cannot be null.
    pub fn gives_non_null(&self, coordinate: &Coordinate) -> bool {
        let Coordinate::Argument(ty, field, arg) = coordinate else {
            return false;
        };
        self.arguments
            .get(&(ty.clone(), field.clone(), arg.clone()))
            == Some(&false)
    }

    /// Whether the operation selects members of the abstract type with `... on`, so
    /// that its response type is an enum with a catch-all variant.
    pub fn has_variants(&self, abstract_type: &str) -> bool {
        self.conditions.iter().any(|(on, _)| on == abstract_type)
    }
}

/// The walk over one wire document.
struct Walk<'a> {
    schema: &'a Schema,
    fragments: &'a Fragments<'a>,
    /// The operation's variables whose type is nullable.
    nullable_variables: BTreeSet<String>,
    usage: Usage,
    /// Fragments already walked, with the type they were spread on.
    spread: BTreeSet<(String, String)>,
}

impl Walk<'_> {
    fn selection_set(&mut self, parent: &str, set: &SelectionSet<'static, String>) {
        for item in &set.items {
            match item {
                Selection::Field(field) => self.field(parent, field),
                Selection::InlineFragment(inline) => {
                    let on = match &inline.type_condition {
                        Some(TypeCondition::On(on)) => on.as_str(),
                        None => parent,
                    };
                    self.condition(parent, on);
                    self.selection_set(on, &inline.selection_set);
                }
                Selection::FragmentSpread(spread) => {
                    let Some(fragment) = self.fragments.get(spread.fragment_name.as_str()) else {
                        continue;
                    };
                    let TypeCondition::On(on) = &fragment.type_condition;
                    self.condition(parent, on);
                    if self
                        .spread
                        .insert((fragment.name.clone(), parent.to_string()))
                    {
                        self.selection_set(on, &fragment.selection_set);
                    }
                }
            }
        }
    }

    fn field(&mut self, parent: &str, field: &graphql_parser::query::Field<'static, String>) {
        let Some(definition) = self.schema.get(parent).and_then(|ty| ty.field(&field.name)) else {
            return; // `__typename`, the only field validation lets through undefined
        };
        self.usage
            .fields
            .insert((parent.to_string(), field.name.clone()));
        for (name, value) in &field.arguments {
            let may_be_null = match value {
                Value::Null => true,
                Value::Variable(variable) => self.nullable_variables.contains(variable),
                _ => false,
            };
            self.usage.arguments.insert(
                (parent.to_string(), field.name.clone(), name.clone()),
                may_be_null,
            );
            if let Some(arg) = definition.arg(name) {
                self.input(arg.ty.name());
            }
        }
        let ty = definition.ty.name();
        self.usage.output_types.insert(ty.to_string());
        self.selection_set(ty, &field.selection_set);
    }

    /// A type condition `on` inside a selection on `parent`.
    fn condition(&mut self, parent: &str, on: &str) {
        self.usage.output_types.insert(on.to_string());
        if on != parent && self.schema.kind(parent).is_some_and(TypeKind::is_abstract) {
            self.usage
                .conditions
                .insert((parent.to_string(), on.to_string()));
        }
    }

    /// An input type and everything its fields reach.
    fn input(&mut self, name: &str) {
        if !self.usage.input_types.insert(name.to_string()) {
            return;
        }
        if let Some(ty) = self.schema.get(name) {
            for field in &ty.input_fields {
                self.input(field.ty.name());
            }
        }
    }
}
