//! The hand-written overlay: SDL for what no source describes, each field's description
//! saying what it was inferred from. Every type and member in it counts as `inferred`.

use graphql_parser::schema::{
    Definition, EnumValue as SdlEnumValue, Field as SdlField, InputValue as SdlInputValue, Type,
    TypeDefinition,
};

use super::layer::{Layer, Source};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::{EnumValue, Field, FullType, InputValue, TypeKind, TypeRef};
use crate::schema::check::check;
use crate::schema::parse::parse;

/// Reads an overlay file into a layer of `inferred` facts. The overlay must be valid SDL
/// on its own except for references to types other sources define.
pub fn read(file: &SourceFile) -> Result<Layer, Diagnostics> {
    let document = parse(&file.text).map_err(|error| {
        Diagnostic::new(
            file,
            parse_error_position(&error.to_string()),
            format!("invalid SDL: {error}"),
        )
    })?;
    let checked = check(&document, file);
    let duplicates: Vec<Diagnostic> = checked.warnings;
    if !duplicates.is_empty() {
        return Err(Diagnostics::from(duplicates));
    }
    let mut layer = Layer::new(Source::Inferred);
    for definition in &document.definitions {
        let Definition::TypeDefinition(definition) = definition else {
            return Err(Diagnostic::new(
                file,
                Position { line: 1, column: 1 },
                "an overlay holds type definitions only (no schema, extension or directive definitions)",
            )
            .into());
        };
        layer.insert(full_type(definition));
    }
    Ok(layer)
}

/// graphql-parser reports `Parse error at L:C` first in its message.
pub(super) fn parse_error_position(message: &str) -> Position {
    let at = message.split_once(" at ").map(|(_, rest)| {
        rest.split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default()
    });
    let mut numbers = at
        .unwrap_or_default()
        .split(':')
        .map(|n| n.parse::<usize>().ok());
    match (numbers.next().flatten(), numbers.next().flatten()) {
        (Some(line), Some(column)) => Position { line, column },
        _ => Position { line: 1, column: 1 },
    }
}

fn full_type(definition: &TypeDefinition<'_, String>) -> FullType {
    match definition {
        TypeDefinition::Scalar(t) => {
            described(FullType::new(TypeKind::Scalar, &t.name), &t.description)
        }
        TypeDefinition::Object(t) => {
            let mut ty = described(FullType::new(TypeKind::Object, &t.name), &t.description);
            ty.fields = Some(t.fields.iter().map(field).collect());
            ty.interfaces = Some(t.implements_interfaces.iter().map(TypeRef::named).collect());
            ty
        }
        TypeDefinition::Interface(t) => {
            let mut ty = described(FullType::new(TypeKind::Interface, &t.name), &t.description);
            ty.fields = Some(t.fields.iter().map(field).collect());
            ty
        }
        TypeDefinition::Union(t) => {
            let mut ty = described(FullType::new(TypeKind::Union, &t.name), &t.description);
            ty.possible_types = Some(t.types.iter().map(TypeRef::named).collect());
            ty
        }
        TypeDefinition::Enum(t) => {
            let mut ty = described(FullType::new(TypeKind::Enum, &t.name), &t.description);
            ty.enum_values = Some(t.values.iter().map(enum_value).collect());
            ty
        }
        TypeDefinition::InputObject(t) => {
            let mut ty = described(
                FullType::new(TypeKind::InputObject, &t.name),
                &t.description,
            );
            ty.input_fields = Some(t.fields.iter().map(input_value).collect());
            ty
        }
    }
}

fn described(mut ty: FullType, description: &Option<String>) -> FullType {
    ty.description.clone_from(description);
    ty
}

pub(super) fn type_ref(ty: &Type<'_, String>) -> TypeRef {
    match ty {
        Type::NamedType(name) => TypeRef::named(name),
        Type::ListType(inner) => TypeRef::list(type_ref(inner)),
        Type::NonNullType(inner) => TypeRef::non_null(type_ref(inner)),
    }
}

fn field(field: &SdlField<'_, String>) -> Field {
    Field {
        name: field.name.clone(),
        description: field.description.clone(),
        args: field.arguments.iter().map(input_value).collect(),
        ty: type_ref(&field.field_type),
        is_deprecated: false,
        deprecation_reason: None,
    }
}

fn input_value(value: &SdlInputValue<'_, String>) -> InputValue {
    InputValue {
        name: value.name.clone(),
        description: value.description.clone(),
        ty: type_ref(&value.value_type),
        default_value: value.default_value.as_ref().map(ToString::to_string),
        is_deprecated: false,
        deprecation_reason: None,
    }
}

fn enum_value(value: &SdlEnumValue<'_, String>) -> EnumValue {
    EnumValue {
        name: value.name.clone(),
        description: value.description.clone(),
        is_deprecated: false,
        deprecation_reason: None,
    }
}
