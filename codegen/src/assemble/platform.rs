//! The platform facts published for another territory (`kraken-es-*.json`): input
//! fields, enum values, union members, custom scalars, interface fields and mutation
//! signatures. Interface implementors there are guesses and are not read.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::layer::{Layer, Source};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
use crate::introspect::model::{EnumValue, Field, FullType, InputValue, TypeKind, TypeRef};

#[derive(Deserialize)]
struct PlatformValue {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    /// `"null"` is an explicit null default; JSON null means no default.
    #[serde(default)]
    default: Option<String>,
}

#[derive(Deserialize)]
struct PlatformInterface {
    fields: Vec<PlatformValue>,
}

#[derive(Deserialize)]
struct PlatformMutation {
    args: Vec<PlatformValue>,
    returns: String,
}

#[derive(Deserialize)]
struct PlatformScalars {
    custom: Vec<String>,
}

/// Reads the `kraken-es-*.json` files of `dir` into one layer.
pub fn read(dir: &Path) -> Result<Layer, Diagnostics> {
    let inputs: BTreeMap<String, Vec<PlatformValue>> = load(dir, "kraken-es-input_objects.json")?;
    let enums: BTreeMap<String, Vec<String>> = load(dir, "kraken-es-enums.json")?;
    let unions: BTreeMap<String, Vec<String>> = load(dir, "kraken-es-unions.json")?;
    let scalars: PlatformScalars = load(dir, "kraken-es-scalars.json")?;
    let interfaces: BTreeMap<String, PlatformInterface> = load(dir, "kraken-es-interfaces.json")?;
    let mutations: BTreeMap<String, PlatformMutation> = load(dir, "kraken-es-mutations.json")?;

    let mut layer = Layer::new(Source::PlatformEs);
    let mut problems = Vec::new();
    for (name, fields) in inputs {
        let mut ty = FullType::new(TypeKind::InputObject, &name);
        ty.input_fields = Some(input_values(&name, fields, &mut problems));
        layer.insert(ty);
    }
    for (name, values) in enums {
        let mut ty = FullType::new(TypeKind::Enum, &name);
        ty.enum_values = Some(values.into_iter().map(enum_value).collect());
        layer.insert(ty);
    }
    for (name, members) in unions {
        let mut ty = FullType::new(TypeKind::Union, &name);
        ty.possible_types = Some(members.into_iter().map(TypeRef::named).collect());
        layer.insert(ty);
    }
    for name in scalars.custom {
        layer.insert(FullType::new(TypeKind::Scalar, name));
    }
    for (name, interface) in interfaces {
        let mut ty = FullType::new(TypeKind::Interface, &name);
        let fields = interface.fields.into_iter().filter_map(|field| {
            let ty = parse_type(&format!("{name}.{}", field.name), &field.ty, &mut problems)?;
            Some(output_field(field.name, ty, Vec::new()))
        });
        ty.fields = Some(fields.collect());
        layer.insert(ty);
    }
    let mut mutation = FullType::new(TypeKind::Object, "Mutation");
    let mut fields = Vec::new();
    for (name, signature) in mutations {
        let owner = format!("Mutation.{name}");
        let args = input_values(&owner, signature.args, &mut problems);
        if let Some(ty) = parse_type(&owner, &signature.returns, &mut problems) {
            fields.push(output_field(name, ty, args));
        }
    }
    mutation.fields = Some(fields);
    layer.insert(mutation);

    if problems.is_empty() {
        Ok(layer)
    } else {
        let file = SourceFile::new(dir, "");
        let start = Position { line: 1, column: 1 };
        Err(problems
            .into_iter()
            .map(|problem| Diagnostic::new(&file, start, problem))
            .collect())
    }
}

fn load<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<T, Diagnostics> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|error| {
        let file = SourceFile::new(&path, "");
        Diagnostic::new(
            &file,
            Position { line: 1, column: 1 },
            format!("cannot read: {error}"),
        )
    })?;
    let file = SourceFile::new(&path, text);
    serde_json::from_str(&file.text).map_err(|error| {
        let position = Position {
            line: error.line().max(1),
            column: error.column().max(1),
        };
        Diagnostic::new(&file, position, format!("unexpected shape: {error}")).into()
    })
}

fn parse_type(owner: &str, text: &str, problems: &mut Vec<String>) -> Option<TypeRef> {
    let parsed = TypeRef::parse(text);
    if parsed.is_none() {
        problems.push(format!("`{owner}` has a malformed type `{text}`"));
    }
    parsed
}

fn input_values(
    owner: &str,
    values: Vec<PlatformValue>,
    problems: &mut Vec<String>,
) -> Vec<InputValue> {
    values
        .into_iter()
        .filter_map(|value| {
            let ty = parse_type(&format!("{owner}.{}", value.name), &value.ty, problems)?;
            Some(InputValue {
                name: value.name,
                description: None,
                ty,
                default_value: value.default,
                is_deprecated: false,
                deprecation_reason: None,
            })
        })
        .collect()
}

fn output_field(name: String, ty: TypeRef, args: Vec<InputValue>) -> Field {
    Field {
        name,
        description: None,
        args,
        ty,
        is_deprecated: false,
        deprecation_reason: None,
    }
}

fn enum_value(name: String) -> EnumValue {
    EnumValue {
        name,
        description: None,
        is_deprecated: false,
        deprecation_reason: None,
    }
}
