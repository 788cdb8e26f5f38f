//! Building the [`Ir`] from validated documents.

use std::collections::{BTreeMap, BTreeSet};

use graphql_parser::query::{Field as AstField, Selection, TypeCondition, Value};

use super::documents::{Documents, FragmentDef, OperationDef};
use super::fragments::used_fragments;
use super::wire;
use super::Options;
use crate::catalogue;
use crate::ir::{
    Deprecated, Enum, EnumValue, Field, Fragment, InputField, InputObject, Ir, Operation,
    ScalarMapping, SelectionSet, TypeKind, TypeRef, Variable, Variant,
};
use crate::schema::syntax::type_ref;
use crate::schema::{Schema, TypeDef};

type AstSelection = Selection<'static, String>;

/// Resolves documents that passed validation.
pub(crate) fn build(schema: &Schema, documents: &Documents, options: &Options) -> Ir {
    let mut resolver = Resolver {
        schema,
        fragments: &documents.fragments,
        named: BTreeSet::new(),
    };
    let mut operations: Vec<Operation> = documents
        .operations
        .iter()
        .filter_map(|operation| resolver.operation(operation))
        .collect();
    operations.sort_by(|a, b| a.name.cmp(&b.name));

    let mut used: BTreeSet<&str> = BTreeSet::new();
    for operation in &documents.operations {
        used.extend(used_fragments(&operation.selection, &documents.fragments));
    }
    let fragments = used
        .into_iter()
        .filter_map(|name| documents.fragments.get(name))
        .filter_map(|fragment| resolver.fragment(fragment))
        .collect();

    let input_objects = resolver.input_objects(&operations);
    let named = resolver.named;
    let enums = named
        .iter()
        .filter_map(|name| schema.get(name))
        .filter(|ty| ty.kind == TypeKind::Enum)
        .map(enumeration)
        .collect();
    let scalars = named
        .iter()
        .filter(|name| schema.kind(name) == Some(TypeKind::CustomScalar))
        .map(|name| {
            let mapping = options
                .scalars
                .get(name)
                .cloned()
                .unwrap_or_else(|| ScalarMapping {
                    rust_type: crate::scalars::FALLBACK.to_string(),
                });
            (name.clone(), mapping)
        })
        .collect();
    let of_kind = |kind: TypeKind| {
        schema
            .types
            .values()
            .filter(move |ty| ty.kind == kind)
            .map(|ty| ty.name.clone())
    };
    let shared_type_order = of_kind(TypeKind::Enum)
        .chain(of_kind(TypeKind::InputObject))
        .collect();
    Ir {
        operations,
        shared_type_order,
        input_objects,
        enums,
        fragments,
        scalars,
        error_codes: options.error_codes.clone(),
        error_classes: options.error_classes.clone(),
    }
}

struct Resolver<'a> {
    schema: &'a Schema,
    fragments: &'a BTreeMap<String, FragmentDef>,
    /// Every named type met in a selected field, variable or input field.
    named: BTreeSet<String>,
}

/// What a selection set selects, before fields are merged.
#[derive(Default)]
struct Gathered<'d> {
    /// Fields on the parent type grouped by response key, in order of first appearance.
    fields: Vec<(String, Vec<&'d AstField<'static, String>>)>,
    /// The same fields as selections, for the variants of an abstract parent.
    field_items: Vec<&'d AstSelection>,
    /// Spreads of fragments on the parent type itself.
    spreads: Vec<String>,
    /// For an abstract parent: what is selected on each concrete type.
    variants: BTreeMap<String, Vec<&'d AstSelection>>,
}

impl<'a> Resolver<'a> {
    fn operation(&mut self, operation: &OperationDef) -> Option<Operation> {
        let root = self.schema.root_type(operation.kind)?;
        let mut selection = self.selection_set(root, operation.selection.items.iter());
        let docs = operation.docs.as_ref();
        // The catalogue names the field; otherwise the first selected root field does.
        let root_field = match docs {
            Some(docs) => docs.field_name.clone(),
            None => selection
                .fields
                .first()
                .map_or_else(|| operation.name.clone(), |field| field.field_name.clone()),
        };
        let deprecated = docs
            .and_then(|docs| docs.deprecation.as_ref())
            .map(|deprecation| Deprecated {
                note: deprecation.note.clone(),
            })
            .or_else(|| {
                self.schema
                    .field(root, &root_field)
                    .and_then(|def| def.deprecated.clone())
            });
        if let Some(docs) = docs {
            apply_return_field_docs(&mut selection, docs);
        }
        let variables = operation
            .variables
            .iter()
            .map(|variable| {
                let ty = type_ref(&variable.var_type);
                let kind = self.note(&ty);
                Variable {
                    description: self.variable_description(operation, root, &variable.name),
                    default: variable.default_value.as_ref().map(ToString::to_string),
                    name: variable.name.clone(),
                    ty,
                    kind,
                }
            })
            .collect();
        Some(Operation {
            name: operation.name.clone(),
            root_field,
            kind: operation.kind,
            wire_document: wire::document(self.schema, operation, self.fragments),
            variables,
            selection,
            docs: operation.docs.clone(),
            deprecated,
        })
    }

    fn fragment(&mut self, fragment: &FragmentDef) -> Option<Fragment> {
        let on = self.schema.get(&fragment.on_type)?;
        Some(Fragment {
            name: fragment.name.clone(),
            on_type: fragment.on_type.clone(),
            synthesized: fragment.synthesized,
            selection: self.selection_set(on, fragment.selection.items.iter()),
        })
    }

    /// The description of the argument a variable feeds on a root field: the
    /// catalogue's, else the schema's.
    fn variable_description(
        &self,
        operation: &OperationDef,
        root: &TypeDef,
        variable: &str,
    ) -> Option<String> {
        operation.selection.items.iter().find_map(|item| {
            let Selection::Field(field) = item else {
                return None;
            };
            let (argument, _) = field
                .arguments
                .iter()
                .find(|(_, value)| matches!(value, Value::Variable(name) if name == variable))?;
            let documented = operation
                .docs
                .as_ref()
                .and_then(|docs| docs.arguments.iter().find(|doc| doc.name == *argument))
                .and_then(|doc| doc.description.clone());
            documented.or_else(|| {
                self.schema
                    .field(root, &field.name)
                    .and_then(|def| def.arg(argument))
                    .and_then(|arg| arg.description.clone())
            })
        })
    }

    /// Records the named type of `ty` as used and returns its kind.
    fn note(&mut self, ty: &TypeRef) -> TypeKind {
        self.named.insert(ty.name().to_string());
        self.schema
            .kind(ty.name())
            .unwrap_or(TypeKind::CustomScalar)
    }

    fn selection_set<'d>(
        &mut self,
        parent: &TypeDef,
        items: impl Iterator<Item = &'d AstSelection>,
    ) -> SelectionSet
    where
        'a: 'd,
    {
        let mut gathered = Gathered::default();
        self.gather(parent, items, &mut gathered);
        let fields = gathered
            .fields
            .iter()
            .filter_map(|(key, group)| self.field(parent, key, group))
            .collect();
        let variants = gathered
            .variants
            .iter()
            .filter_map(|(type_name, extra)| {
                let object = self.schema.get(type_name)?;
                let items = gathered.field_items.iter().chain(extra).copied();
                Some(Variant {
                    type_name: type_name.clone(),
                    selection: self.selection_set(object, items),
                })
            })
            .collect();
        SelectionSet {
            parent_type: parent.name.clone(),
            parent_kind: parent.kind,
            fields,
            fragment_spreads: gathered.spreads,
            variants,
        }
    }

    /// Sorts selections into fields, own-type spreads and per-member variants. Fragments
    /// on a wider type than an object parent are inlined into it.
    fn gather<'d>(
        &self,
        parent: &TypeDef,
        items: impl Iterator<Item = &'d AstSelection>,
        gathered: &mut Gathered<'d>,
    ) where
        'a: 'd,
    {
        for item in items {
            match item {
                Selection::Field(field) => {
                    let key = field.alias.as_ref().unwrap_or(&field.name);
                    match gathered
                        .fields
                        .iter_mut()
                        .find(|(existing, _)| existing == key)
                    {
                        Some((_, group)) => group.push(field),
                        None => gathered.fields.push((key.clone(), vec![field])),
                    }
                    gathered.field_items.push(item);
                }
                Selection::InlineFragment(inline) => {
                    let on = match &inline.type_condition {
                        Some(TypeCondition::On(name)) => name.as_str(),
                        None => parent.name.as_str(),
                    };
                    if on == parent.name || !parent.kind.is_abstract() {
                        self.gather(parent, inline.selection_set.items.iter(), gathered);
                    } else {
                        for member in self.members(parent, on) {
                            let variant = gathered.variants.entry(member).or_default();
                            variant.extend(inline.selection_set.items.iter());
                        }
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let Some(fragment) = self.fragments.get(&spread.fragment_name) else {
                        continue;
                    };
                    if fragment.on_type == parent.name {
                        if !gathered.spreads.contains(&fragment.name) {
                            gathered.spreads.push(fragment.name.clone());
                        }
                    } else if !parent.kind.is_abstract() {
                        self.gather(parent, fragment.selection.items.iter(), gathered);
                    } else {
                        for member in self.members(parent, &fragment.on_type) {
                            gathered.variants.entry(member).or_default().push(item);
                        }
                    }
                }
            }
        }
    }

    /// The objects that are both `parent` and `on`.
    fn members(&self, parent: &TypeDef, on: &str) -> Vec<String> {
        let within = self.schema.possible_types(&parent.name);
        self.schema
            .possible_types(on)
            .into_iter()
            .filter(|name| within.contains(name))
            .map(str::to_string)
            .collect()
    }

    fn field(
        &mut self,
        parent: &TypeDef,
        key: &str,
        group: &[&AstField<'static, String>],
    ) -> Option<Field> {
        let first = group.first()?;
        if first.name == "__typename" {
            return Some(Field {
                response_key: key.to_string(),
                field_name: first.name.clone(),
                ty: TypeRef::NonNull(Box::new(TypeRef::Named("String".to_string()))),
                kind: TypeKind::BuiltinScalar,
                description: None,
                deprecated: None,
                selection: None,
            });
        }
        let def = self.schema.field(parent, &first.name)?;
        let kind = self.note(&def.ty);
        let selection = match self.schema.get(def.ty.name()) {
            Some(target) if target.kind.is_composite() => {
                let items = group
                    .iter()
                    .flat_map(|field| field.selection_set.items.iter());
                Some(self.selection_set(target, items))
            }
            _ => None,
        };
        Some(Field {
            response_key: key.to_string(),
            field_name: def.name.clone(),
            ty: def.ty.clone(),
            kind,
            description: def.description.clone(),
            deprecated: def.deprecated.clone(),
            selection,
        })
    }

    /// The input objects the variables use, directly or through other input objects,
    /// sorted by name; their fields' types are recorded as used.
    fn input_objects(&mut self, operations: &[Operation]) -> Vec<InputObject> {
        let mut pending: Vec<String> = operations
            .iter()
            .flat_map(|operation| &operation.variables)
            .filter(|variable| variable.kind == TypeKind::InputObject)
            .map(|variable| variable.ty.name().to_string())
            .collect();
        let mut found: BTreeMap<String, InputObject> = BTreeMap::new();
        while let Some(name) = pending.pop() {
            if found.contains_key(&name) {
                continue;
            }
            let Some(ty) = self.schema.get(&name) else {
                continue;
            };
            let fields = ty
                .input_fields
                .iter()
                .map(|field| {
                    let kind = self.note(&field.ty);
                    if kind == TypeKind::InputObject {
                        pending.push(field.ty.name().to_string());
                    }
                    InputField {
                        name: field.name.clone(),
                        ty: field.ty.clone(),
                        kind,
                        description: field.description.clone(),
                        default: field.default.clone(),
                        deprecated: field.deprecated.clone(),
                    }
                })
                .collect();
            found.insert(
                name.clone(),
                InputObject {
                    name,
                    description: ty.description.clone(),
                    fields,
                },
            );
        }
        found.into_values().collect()
    }
}

fn enumeration(ty: &TypeDef) -> Enum {
    Enum {
        name: ty.name.clone(),
        description: ty.description.clone(),
        values: ty
            .enum_values
            .iter()
            .map(|value| EnumValue {
                name: value.name.clone(),
                description: value.description.clone(),
                deprecated: value.deprecated.clone(),
            })
            .collect(),
    }
}

/// The catalogue documents the fields of the root field's payload: its descriptions
/// and deprecations replace the schema's where given.
fn apply_return_field_docs(selection: &mut SelectionSet, docs: &catalogue::Operation) {
    let Some(payload) = selection
        .fields
        .iter_mut()
        .find(|field| field.field_name == docs.field_name)
        .and_then(|field| field.selection.as_mut())
    else {
        return;
    };
    for field in &mut payload.fields {
        let Some(doc) = docs
            .return_fields
            .iter()
            .find(|doc| doc.name == field.field_name)
        else {
            continue;
        };
        if let Some(description) = &doc.description {
            field.description = Some(description.clone());
        }
        if let Some(deprecation) = &doc.deprecation {
            field.deprecated = Some(Deprecated {
                note: deprecation.note.clone(),
            });
        }
    }
}
