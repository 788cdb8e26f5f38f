//! The GraphQL schema: loading SDL, checking it, and indexing it for validation.

mod build;
pub mod model;
pub(crate) mod syntax;

use std::path::PathBuf;

pub use model::{
    EnumValueDef, FieldDef, InputValueDef, Location, Schema, TypeDef, BUILTIN_SCALARS,
};

use crate::diagnostic::{Diagnostics, SourceFile};

/// Reads and loads SDL files (one schema may be split over several files).
pub fn load(paths: &[PathBuf]) -> Result<Schema, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut files = Vec::new();
    for path in paths {
        match syntax::read_source(path) {
            Ok(file) => files.push(file),
            Err(errors) => diagnostics.0.extend(errors.0),
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

/// Parses each file and indexes those that parse. Structural checks of each parsed
/// document (`check::check`) run here, between parsing and indexing.
fn index(files: Vec<SourceFile>, diagnostics: &mut Diagnostics) -> Schema {
    let mut parsed = Vec::new();
    let mut documents = Vec::new();
    for file in files {
        match graphql_parser::parse_schema::<String>(&file.text) {
            Ok(document) => {
                documents.push(document.into_static());
                parsed.push(file);
            }
            Err(error) => diagnostics.push(syntax::parse_error(&file, &error.to_string())),
        }
    }
    build::build(parsed, &documents, diagnostics)
}
