//! Building the [`Schema`] index from parsed SDL documents.

use std::collections::BTreeMap;

use graphql_parser::schema::{
    Definition, Document, EnumValue, Field, InputValue, TypeDefinition, TypeExtension,
};

use super::introspection;
use super::model::{
    DirectiveDef, EnumValueDef, FieldDef, InputValueDef, Location, Schema, TypeDef, BUILTIN_SCALARS,
};
use super::syntax::{deprecated, position, type_ref};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::type_system::{TypeKind, TypeRef};

type Sdl = Document<'static, String>;

/// Indexes parsed SDL files (`documents[i]` parsed from `files[i]`). Type extensions
/// apply after every definition is known, so files may come in any order.
pub fn build(files: Vec<SourceFile>, documents: &[Sdl], diagnostics: &mut Diagnostics) -> Schema {
    let mut builder = Builder {
        files: &files,
        types: BTreeMap::new(),
        roots: None,
        directives: BTreeMap::new(),
        diagnostics,
    };
    for (file, document) in documents.iter().enumerate() {
        for definition in &document.definitions {
            match definition {
                Definition::TypeDefinition(ty) => builder.define(file, ty),
                Definition::SchemaDefinition(schema) => {
                    let location = builder.location(file, schema.position);
                    let roots = [
                        schema.query.clone(),
                        schema.mutation.clone(),
                        schema.subscription.clone(),
                    ];
                    if let Some((first, _)) = &builder.roots {
                        let first = builder.describe(*first);
                        builder.error(
                            location,
                            "the schema definition is given twice",
                            &format!("keep one `schema {{ }}` block (the first is at {first})"),
                        );
                    } else {
                        builder.roots = Some((location, roots));
                    }
                }
                Definition::DirectiveDefinition(directive) => {
                    builder
                        .directives
                        .entry(directive.name.clone())
                        .or_insert_with(|| DirectiveDef {
                            name: directive.name.clone(),
                            args: input_values(file, &directive.arguments),
                        });
                }
                Definition::TypeExtension(_) => {}
            }
        }
    }
    for (file, document) in documents.iter().enumerate() {
        for definition in &document.definitions {
            if let Definition::TypeExtension(extension) = definition {
                builder.extend(file, extension);
            }
        }
    }
    for name in BUILTIN_SCALARS {
        builder
            .types
            .entry(name.to_string())
            .or_insert_with(|| TypeDef {
                kind: TypeKind::BuiltinScalar,
                ..empty_type(name, None, None)
            });
    }
    let mut directives = builder.directives;
    for name in ["include", "skip"] {
        directives
            .entry(name.to_string())
            .or_insert_with(|| conditional_directive(name));
    }
    let mut types = builder.types;
    let meta_fields = types
        .remove(introspection::META_FIELDS)
        .map(|holder| holder.fields)
        .unwrap_or_default();
    link_implementors(&mut types);
    let root = |given: Option<String>, default: &str| {
        given.or_else(|| types.contains_key(default).then(|| default.to_string()))
    };
    let [query, mutation, subscription] = match builder.roots {
        Some((_, roots)) => roots,
        None => [None, None, None],
    };
    Schema {
        query_type: root(query, "Query"),
        mutation_type: root(mutation, "Mutation"),
        subscription_type: root(subscription, "Subscription"),
        types,
        meta_fields,
        directives,
        files,
        warnings: Diagnostics::default(),
    }
}

/// Fills each interface's `implementors` from the objects' `implements` lists.
fn link_implementors(types: &mut BTreeMap<String, TypeDef>) {
    let mut implementors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ty in types.values().filter(|ty| ty.kind == TypeKind::Object) {
        for interface in &ty.interfaces {
            implementors
                .entry(interface.clone())
                .or_default()
                .push(ty.name.clone());
        }
    }
    for (interface, mut objects) in implementors {
        if let Some(ty) = types.get_mut(&interface) {
            objects.sort();
            objects.dedup();
            ty.implementors = objects;
        }
    }
}

fn empty_type(name: &str, description: Option<String>, location: Option<Location>) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        kind: TypeKind::Object,
        description,
        location,
        fields: Vec::new(),
        input_fields: Vec::new(),
        enum_values: Vec::new(),
        members: Vec::new(),
        interfaces: Vec::new(),
        implementors: Vec::new(),
    }
}

struct Builder<'a> {
    files: &'a [SourceFile],
    types: BTreeMap<String, TypeDef>,
    roots: Option<(Location, [Option<String>; 3])>,
    directives: BTreeMap<String, DirectiveDef>,
    diagnostics: &'a mut Diagnostics,
}

impl Builder<'_> {
    fn location(&self, file: usize, pos: graphql_parser::Pos) -> Location {
        Location {
            file,
            position: position(pos),
        }
    }

    fn describe(&self, location: Location) -> String {
        format!(
            "{}:{}:{}",
            self.files[location.file].path.display(),
            location.position.line,
            location.position.column
        )
    }

    fn error(&mut self, location: Location, message: &str, hint: &str) {
        self.diagnostics.push(
            Diagnostic::new(&self.files[location.file], location.position, message).with_hint(hint),
        );
    }

    fn define(&mut self, file: usize, definition: &TypeDefinition<'static, String>) {
        let (name, pos, description, kind) = match definition {
            TypeDefinition::Scalar(ty) => (
                &ty.name,
                ty.position,
                &ty.description,
                scalar_kind(&ty.name),
            ),
            TypeDefinition::Object(ty) => {
                (&ty.name, ty.position, &ty.description, TypeKind::Object)
            }
            TypeDefinition::Interface(ty) => {
                (&ty.name, ty.position, &ty.description, TypeKind::Interface)
            }
            TypeDefinition::Union(ty) => (&ty.name, ty.position, &ty.description, TypeKind::Union),
            TypeDefinition::Enum(ty) => (&ty.name, ty.position, &ty.description, TypeKind::Enum),
            TypeDefinition::InputObject(ty) => (
                &ty.name,
                ty.position,
                &ty.description,
                TypeKind::InputObject,
            ),
        };
        let location = self.location(file, pos);
        if let Some(first) = self.types.get(name).and_then(|ty| ty.location) {
            // Within one file the structural check reports it; across files only here.
            if first.file != file {
                let first = self.describe(first);
                self.error(
                    location,
                    &format!("type `{name}` is defined twice"),
                    &format!(
                        "remove one definition or use `extend type` (the first is at {first})"
                    ),
                );
            }
            return;
        }
        let mut ty = TypeDef {
            kind,
            ..empty_type(name, description.clone(), Some(location))
        };
        let content = match definition {
            TypeDefinition::Scalar(_) => Content::default(),
            TypeDefinition::Object(t) => Content::fields(&t.fields, &t.implements_interfaces),
            TypeDefinition::Interface(t) => Content::fields(&t.fields, &t.implements_interfaces),
            TypeDefinition::Union(t) => Content {
                members: &t.types,
                ..Content::default()
            },
            TypeDefinition::Enum(t) => Content {
                values: &t.values,
                ..Content::default()
            },
            TypeDefinition::InputObject(t) => Content {
                input_fields: &t.fields,
                ..Content::default()
            },
        };
        content.add_to(&mut ty, file);
        self.types.insert(name.clone(), ty);
    }

    fn extend(&mut self, file: usize, extension: &TypeExtension<'static, String>) {
        let (name, kind) = match extension {
            TypeExtension::Scalar(ty) => (&ty.name, None),
            TypeExtension::Object(ty) => (&ty.name, Some(TypeKind::Object)),
            TypeExtension::Interface(ty) => (&ty.name, Some(TypeKind::Interface)),
            TypeExtension::Union(ty) => (&ty.name, Some(TypeKind::Union)),
            TypeExtension::Enum(ty) => (&ty.name, Some(TypeKind::Enum)),
            TypeExtension::InputObject(ty) => (&ty.name, Some(TypeKind::InputObject)),
        };
        // An extension of an unknown type or of another kind is reported by the
        // structural check; it adds nothing here.
        let Some(ty) = self.types.get_mut(name) else {
            return;
        };
        let scalar = matches!(ty.kind, TypeKind::BuiltinScalar | TypeKind::CustomScalar);
        if kind.map_or(!scalar, |kind| kind != ty.kind) {
            return;
        }
        let content = match extension {
            TypeExtension::Scalar(_) => Content::default(),
            TypeExtension::Object(t) => Content::fields(&t.fields, &t.implements_interfaces),
            TypeExtension::Interface(t) => Content::fields(&t.fields, &t.implements_interfaces),
            TypeExtension::Union(t) => Content {
                members: &t.types,
                ..Content::default()
            },
            TypeExtension::Enum(t) => Content {
                values: &t.values,
                ..Content::default()
            },
            TypeExtension::InputObject(t) => Content {
                input_fields: &t.fields,
                ..Content::default()
            },
        };
        content.add_to(ty, file);
    }
}

/// What a definition or an extension adds to a type.
#[derive(Default)]
struct Content<'d> {
    fields: &'d [Field<'static, String>],
    interfaces: &'d [String],
    members: &'d [String],
    values: &'d [EnumValue<'static, String>],
    input_fields: &'d [InputValue<'static, String>],
}

impl<'d> Content<'d> {
    fn fields(fields: &'d [Field<'static, String>], interfaces: &'d [String]) -> Self {
        Content {
            fields,
            interfaces,
            ..Content::default()
        }
    }

    /// Adds everything to `ty`; a name already there is skipped (the first definition
    /// wins; the structural check warns about it).
    fn add_to(&self, ty: &mut TypeDef, file: usize) {
        add_unique(&mut ty.fields, fields(file, self.fields), |f| &f.name);
        add_unique(&mut ty.interfaces, self.interfaces.to_vec(), |i| i);
        add_unique(&mut ty.members, self.members.to_vec(), |m| m);
        add_unique(&mut ty.enum_values, enum_values(self.values), |v| &v.name);
        add_unique(
            &mut ty.input_fields,
            input_values(file, self.input_fields),
            |f| &f.name,
        );
    }
}

fn add_unique<T>(list: &mut Vec<T>, items: Vec<T>, name: impl Fn(&T) -> &str) {
    for item in items {
        if !list.iter().any(|existing| name(existing) == name(&item)) {
            list.push(item);
        }
    }
}

/// `@skip(if: Boolean!)` or `@include(if: Boolean!)`.
fn conditional_directive(name: &str) -> DirectiveDef {
    DirectiveDef {
        name: name.to_string(),
        args: vec![InputValueDef {
            name: "if".to_string(),
            description: None,
            ty: TypeRef::NonNull(Box::new(TypeRef::Named("Boolean".to_string()))),
            default: None,
            deprecated: None,
            location: None,
        }],
    }
}

fn scalar_kind(name: &str) -> TypeKind {
    if BUILTIN_SCALARS.contains(&name) {
        TypeKind::BuiltinScalar
    } else {
        TypeKind::CustomScalar
    }
}

fn fields(file: usize, fields: &[Field<'static, String>]) -> Vec<FieldDef> {
    fields
        .iter()
        .map(|field| FieldDef {
            name: field.name.clone(),
            description: field.description.clone(),
            args: input_values(file, &field.arguments),
            ty: type_ref(&field.field_type),
            deprecated: deprecated(&field.directives),
            location: Location {
                file,
                position: position(field.position),
            },
        })
        .collect()
}

fn input_values(file: usize, values: &[InputValue<'static, String>]) -> Vec<InputValueDef> {
    values
        .iter()
        .map(|value| InputValueDef {
            name: value.name.clone(),
            description: value.description.clone(),
            ty: type_ref(&value.value_type),
            default: value.default_value.as_ref().map(ToString::to_string),
            deprecated: deprecated(&value.directives),
            location: Some(Location {
                file,
                position: position(value.position),
            }),
        })
        .collect()
}

fn enum_values(values: &[EnumValue<'static, String>]) -> Vec<EnumValueDef> {
    values
        .iter()
        .map(|value| EnumValueDef {
            name: value.name.clone(),
            description: value.description.clone(),
            deprecated: deprecated(&value.directives),
        })
        .collect()
}
