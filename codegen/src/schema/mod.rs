//! The GraphQL schema: loading SDL, checking it, and indexing it for validation.

mod build;
pub mod check;
mod introspection;
pub mod model;
pub(crate) mod parse;
pub(crate) mod syntax;

use std::collections::BTreeMap;
use std::path::PathBuf;

use graphql_parser::schema::{
    Definition, EnumType, InputObjectType, InterfaceType, ObjectType, ScalarType, TypeDefinition,
    UnionType,
};

pub use model::{
    DirectiveDef, EnumValueDef, FieldDef, InputValueDef, Location, Schema, TypeDef, BUILTIN_SCALARS,
};

use crate::diagnostic::{Diagnostics, SourceFile};
use parse::Sdl;

/// Reads and loads SDL files (one schema may be split over several files).
pub fn load(paths: &[PathBuf]) -> Result<Schema, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut files = Vec::new();
    for path in paths {
        match syntax::read_source(path) {
            Ok(file) => files.push(file),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    let schema = index(files, &mut diagnostics);
    diagnostics.into_result(schema)
}

/// Loads SDL already in memory; every problem of every file is reported together.
pub fn from_sources(files: Vec<SourceFile>) -> Result<Schema, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let schema = index(files, &mut diagnostics);
    diagnostics.into_result(schema)
}

/// Parses, checks ([`check::check`]) and indexes every file, with the introspection
/// types the files do not declare; the check runs on another core while the index is
/// built. The index reports only what the per-file check cannot see (a type defined in
/// two files). The checker's warnings (problems the index works around, such as a field
/// defined twice, of which the first is kept) are kept in
/// [`Schema::warnings`].
fn index(files: Vec<SourceFile>, diagnostics: &mut Diagnostics) -> Schema {
    let mut parsed = Vec::new();
    let mut documents = Vec::new();
    for file in files {
        match parse::parse(&file.text) {
            Ok(document) => {
                documents.push(document);
                parsed.push(file);
            }
            Err(error) => diagnostics.push(syntax::parse_error(&file, &error.to_string())),
        }
    }
    let (file, builtin) = introspection::definitions(|name| {
        documents
            .iter()
            .flat_map(|document| &document.definitions)
            .any(|definition| type_name(definition) == Some(name))
    });
    let own = documents.len();
    let files = parsed.clone();
    parsed.push(file);
    documents.push(builtin);
    let mut built = Diagnostics::default();
    let (checked, mut schema) = std::thread::scope(|scope| {
        let own_documents = &documents[..own];
        let checking = scope.spawn(move || check_files(&files, own_documents));
        let schema = build::build(parsed, &documents, &mut built);
        let checked = checking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (checked, schema)
    });
    diagnostics.extend(checked.errors);
    diagnostics.extend(built);
    schema.warnings = Diagnostics::from(checked.warnings)
        .into_result(())
        .err()
        .unwrap_or_default();
    schema
}

/// The structural check of every file (`documents[i]` parsed from `files[i]`).
fn check_files(files: &[SourceFile], documents: &[Sdl]) -> check::Checked {
    let mut all = check::Checked::default();
    for (index, (file, document)) in files.iter().zip(documents).enumerate() {
        let checked = if documents.len() == 1 {
            check::check(document, file)
        } else {
            check::check(&with_other_files(index, documents), file)
        };
        all.errors.extend(checked.errors);
        all.warnings.extend(checked.warnings);
    }
    all
}

/// `documents[index]` plus an empty definition of every type that only the other files
/// define, so a file may refer to types defined elsewhere in the same schema.
fn with_other_files(index: usize, documents: &[Sdl]) -> Sdl {
    let own = &documents[index];
    let defined_here: Vec<&str> = own.definitions.iter().filter_map(type_name).collect();
    let mut others: BTreeMap<&str, TypeDefinition<'static, String>> = BTreeMap::new();
    for (other, document) in documents.iter().enumerate() {
        if other == index {
            continue;
        }
        for definition in &document.definitions {
            if let Definition::TypeDefinition(ty) = definition {
                if let Some(name) = type_name(definition).filter(|n| !defined_here.contains(n)) {
                    others.entry(name).or_insert_with(|| empty_like(ty));
                }
            }
        }
    }
    let mut combined = own.clone();
    combined
        .definitions
        .extend(others.into_values().map(Definition::TypeDefinition));
    combined
}

fn type_name<'d>(definition: &'d Definition<'static, String>) -> Option<&'d str> {
    let Definition::TypeDefinition(ty) = definition else {
        return None;
    };
    Some(match ty {
        TypeDefinition::Scalar(t) => &t.name,
        TypeDefinition::Object(t) => &t.name,
        TypeDefinition::Interface(t) => &t.name,
        TypeDefinition::Union(t) => &t.name,
        TypeDefinition::Enum(t) => &t.name,
        TypeDefinition::InputObject(t) => &t.name,
    })
}

/// A definition of the same name and kind with no content.
fn empty_like(ty: &TypeDefinition<'static, String>) -> TypeDefinition<'static, String> {
    match ty {
        TypeDefinition::Scalar(t) => TypeDefinition::Scalar(ScalarType::new(t.name.clone())),
        TypeDefinition::Object(t) => TypeDefinition::Object(ObjectType::new(t.name.clone())),
        TypeDefinition::Interface(t) => {
            TypeDefinition::Interface(InterfaceType::new(t.name.clone()))
        }
        TypeDefinition::Union(t) => TypeDefinition::Union(UnionType::new(t.name.clone())),
        TypeDefinition::Enum(t) => TypeDefinition::Enum(EnumType::new(t.name.clone())),
        TypeDefinition::InputObject(t) => {
            TypeDefinition::InputObject(InputObjectType::new(t.name.clone()))
        }
    }
}
