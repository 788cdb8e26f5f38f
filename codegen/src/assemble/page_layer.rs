//! The docs page as a layer: mutation signatures from each document's variables and
//! `Type:` line, deprecations, payload fields the JP introspection lacks (typed from the
//! response example), union members from `... on X`, and interfaces implied by `... on X`
//! inside an interface-typed field.

use std::collections::BTreeSet;

use graphql_parser::query::{
    Definition, OperationDefinition, Selection, SelectionSet, TypeCondition, Value,
};

use super::docs_page::PageOperation;
use super::layer::{Layer, Source};
use super::overlay::{parse_error_position, type_ref};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::{Field, FullType, InputValue, TypeKind, TypeRef};
use crate::schema::syntax::parser_text;

/// What the page contributes.
pub struct PageFacts {
    pub layer: Layer,
    /// The root field of each documented mutation, with where its document starts.
    pub fields: Vec<(String, Position)>,
    /// Types named by `...XFragment` placeholders and `... on X` conditions.
    pub named_types: BTreeSet<String>,
}

/// Builds the page layer; `others` (the other sources) resolve field types and kinds.
pub fn build(
    file: &SourceFile,
    page: &[PageOperation],
    others: &[Layer],
) -> Result<PageFacts, Diagnostics> {
    let mut builder = Builder {
        others,
        layer: Layer::new(Source::DocsPage),
        named_types: BTreeSet::new(),
    };
    let mut fields = Vec::new();
    let mut problems = Diagnostics::default();
    for operation in page {
        match builder.operation(file, operation) {
            Ok(name) => fields.push((name, operation.position)),
            Err(diagnostic) => problems.push(*diagnostic),
        }
    }
    problems.into_result(PageFacts {
        layer: builder.layer,
        fields,
        named_types: builder.named_types,
    })
}

struct Builder<'a> {
    others: &'a [Layer],
    layer: Layer,
    named_types: BTreeSet<String>,
}

impl Builder<'_> {
    /// Adds one operation's facts; returns its root field name.
    fn operation(
        &mut self,
        file: &SourceFile,
        operation: &PageOperation,
    ) -> Result<String, Box<Diagnostic>> {
        let at = |position: Position, message: String| {
            let position = Position {
                line: operation.position.line + position.line - 1,
                column: position.column,
            };
            Box::new(Diagnostic::new(file, position, message))
        };
        let text = parser_text(&operation.document);
        let document = graphql_parser::parse_query::<String>(&text).map_err(|error| {
            at(
                parse_error_position(&error.to_string()),
                format!("the mutation document does not parse: {error}"),
            )
        })?;
        let mutation = document
            .definitions
            .iter()
            .find_map(|definition| match definition {
                Definition::Operation(OperationDefinition::Mutation(mutation)) => Some(mutation),
                _ => None,
            });
        let root = mutation.and_then(|m| {
            m.selection_set.items.iter().find_map(|item| match item {
                Selection::Field(field) => Some(field),
                _ => None,
            })
        });
        let (Some(mutation), Some(root)) = (mutation, root) else {
            return Err(at(
                Position { line: 1, column: 1 },
                "expected `mutation … { field … }`".to_string(),
            ));
        };
        let args = root
            .arguments
            .iter()
            .filter_map(|(name, value)| {
                let Value::Variable(variable) = value else {
                    return None;
                };
                let definition = mutation
                    .variable_definitions
                    .iter()
                    .find(|v| &v.name == variable)?;
                Some(InputValue {
                    name: name.clone(),
                    description: None,
                    ty: type_ref(&definition.var_type),
                    default_value: None,
                    is_deprecated: false,
                    deprecation_reason: None,
                })
            })
            .collect();
        if let Some(ty) = &operation.return_type {
            let field = Field {
                name: root.name.clone(),
                description: None,
                args,
                ty: ty.clone(),
                is_deprecated: operation.deprecation.is_some(),
                deprecation_reason: operation.deprecation.clone(),
            };
            self.object("Mutation")
                .fields
                .get_or_insert_with(Vec::new)
                .push(field);
        }
        let payload = operation
            .return_type
            .clone()
            .or_else(|| self.field_type("Mutation", &root.name));
        if let Some(payload) = payload.as_ref().and_then(TypeRef::innermost_name) {
            self.payload_fields(payload, operation);
            self.walk(payload, &root.selection_set);
        }
        Ok(root.name.clone())
    }

    /// Fields of the response example that no other source has, and deprecation marks.
    fn payload_fields(&mut self, payload: &str, operation: &PageOperation) {
        for (name, example) in &operation.example_fields {
            let reason = operation
                .deprecated_fields
                .iter()
                .find(|(field, _)| field == name)
                .map(|(_, reason)| reason.clone());
            let known = self.field_type(payload, name);
            if known.is_some() && reason.is_none() {
                continue;
            }
            let field = Field {
                name: name.clone(),
                description: None,
                args: Vec::new(),
                ty: known.unwrap_or_else(|| example.clone()),
                is_deprecated: reason.is_some(),
                deprecation_reason: reason,
            };
            self.object(payload)
                .fields
                .get_or_insert_with(Vec::new)
                .push(field);
        }
    }

    fn walk(&mut self, parent: &str, selections: &SelectionSet<'_, String>) {
        for item in &selections.items {
            match item {
                Selection::Field(field) if !field.selection_set.items.is_empty() => {
                    let child = self.field_type(parent, &field.name);
                    if let Some(child) = child.as_ref().and_then(TypeRef::innermost_name) {
                        self.walk(child, &field.selection_set);
                    }
                }
                Selection::Field(_) => {}
                Selection::InlineFragment(fragment) => {
                    let Some(TypeCondition::On(member)) = &fragment.type_condition else {
                        self.walk(parent, &fragment.selection_set);
                        continue;
                    };
                    self.named_types.insert(member.clone());
                    match self.kind(parent) {
                        Some(TypeKind::Union) => {
                            let union = self.entry(TypeKind::Union, parent);
                            add_name(&mut union.possible_types, member);
                        }
                        Some(TypeKind::Interface) if member != parent => {
                            let object = self.object(member);
                            add_name(&mut object.interfaces, parent);
                        }
                        _ => {}
                    }
                    self.walk(member, &fragment.selection_set);
                }
                Selection::FragmentSpread(spread) => {
                    if let Some(name) = spread.fragment_name.strip_suffix("Fragment") {
                        self.named_types.insert(name.to_string());
                    }
                }
            }
        }
    }

    fn object(&mut self, name: &str) -> &mut FullType {
        self.entry(TypeKind::Object, name)
    }

    fn entry(&mut self, kind: TypeKind, name: &str) -> &mut FullType {
        self.layer
            .types
            .entry(name.to_string())
            .or_insert_with(|| FullType::new(kind, name))
    }

    /// The type of `parent.field` in the most trusted source that has it.
    fn field_type(&self, parent: &str, field: &str) -> Option<TypeRef> {
        self.others.iter().chain([&self.layer]).find_map(|layer| {
            let fields = layer.types.get(parent)?.fields.as_ref()?;
            fields
                .iter()
                .find(|f| f.name == field)
                .map(|f| f.ty.clone())
        })
    }

    fn kind(&self, name: &str) -> Option<TypeKind> {
        self.others
            .iter()
            .find_map(|layer| layer.types.get(name).map(|t| t.kind))
    }
}

fn add_name(names: &mut Option<Vec<TypeRef>>, name: &str) {
    let names = names.get_or_insert_with(Vec::new);
    if !names.iter().any(|n| n.innermost_name() == Some(name)) {
        names.push(TypeRef::named(name));
    }
}
