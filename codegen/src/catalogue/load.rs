//! Reading the catalogue back from its directory, checking it as it is read.

// Each step fails with the one `Diagnostic` that stops it; that path is cold, so its
// size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use super::document::{analyze, DocumentShape};
use super::files::{CatalogueFile, FieldFile, OperationFile, CATALOGUE_FILE, OPERATIONS_DIR};
use super::model::{Availability, Catalogue, Endpoints, FieldDoc, Operation};
use super::source::{position_at, read_toml, unreadable, START};
use super::{availability, classes};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};

/// Loads `dir` (normally `schema/catalogue/`): `catalogue.toml`, every operation in
/// `operations/` and, when present, `availability.toml` and `error_classes.toml`. Reports every problem found,
/// each at its file:line:col.
pub fn load(dir: &Path) -> Result<Catalogue, Diagnostics> {
    let source = read_source(&dir.join(CATALOGUE_FILE))?;
    let file = read_toml(&source, CatalogueFile::read)?;
    let mut diagnostics = Diagnostics::default();
    let mut operations = Vec::new();
    let stems = operation_stems(&dir.join(OPERATIONS_DIR), &mut diagnostics)?;
    for stem in &stems {
        match load_operation(dir, stem, &file.errors) {
            Ok(operation) => operations.push(operation),
            Err(found) => diagnostics.0.extend(found.0),
        }
    }
    check_operation_names(&operations, &mut diagnostics);
    availability::apply(dir, &stems, &mut operations, &mut diagnostics);
    let (error_classes, undocumented_errors) = classes::load(dir, &file.errors, &mut diagnostics);
    diagnostics.into_result(Catalogue {
        endpoints: Endpoints {
            api: file.endpoints.api,
            auth: file.endpoints.auth,
        },
        errors: file.errors,
        undocumented_errors,
        error_classes,
        operations,
    })
}

/// The field names of the operations in `operations/`, sorted; each needs both files.
fn operation_stems(dir: &Path, diagnostics: &mut Diagnostics) -> Result<Vec<String>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|error| unreadable(dir, &error))?;
    let mut by_stem: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in entries {
        let path = entry.map_err(|error| unreadable(dir, &error))?.path();
        let (Some(stem), Some(extension)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        if extension == "toml" || extension == "graphql" {
            by_stem
                .entry(stem.to_string())
                .or_default()
                .insert(extension.to_string());
        }
    }
    let mut stems = Vec::new();
    for (stem, extensions) in by_stem {
        for (needed, other) in [("toml", "graphql"), ("graphql", "toml")] {
            if !extensions.contains(needed) {
                let present = dir.join(format!("{stem}.{other}"));
                diagnostics.push(
                    Diagnostic::new(
                        &SourceFile::new(present, ""),
                        START,
                        format!("operation `{stem}` has no `{stem}.{needed}` beside it"),
                    )
                    .with_hint(
                        "every operation needs its metadata (.toml) and its document (.graphql)",
                    ),
                );
            }
        }
        if extensions.len() == 2 {
            stems.push(stem);
        }
    }
    Ok(stems)
}

fn load_operation(
    dir: &Path,
    stem: &str,
    errors: &BTreeMap<String, String>,
) -> Result<Operation, Diagnostics> {
    let operations = dir.join(OPERATIONS_DIR);
    let metadata_source = read_source(&operations.join(format!("{stem}.toml")))?;
    let metadata = read_toml(&metadata_source, OperationFile::read)?;
    let document_path = operations.join(format!("{stem}.graphql"));
    let document_source = read_source(&document_path)?;
    let shape = analyze(&document_source.text)
        .map_err(|error| Diagnostic::new(&document_source, error.position, error.message))?;

    let mut diagnostics = Diagnostics::default();
    if shape.root_field != stem {
        diagnostics.push(
            Diagnostic::new(
                &document_source,
                START,
                format!(
                    "the document's root field `{}` does not match its file name `{stem}`",
                    shape.root_field
                ),
            )
            .with_hint("name the files after the operation's root field"),
        );
    }
    for code in &metadata.errors {
        if !errors.contains_key(code.get_ref()) {
            diagnostics.push(
                Diagnostic::new(
                    &metadata_source,
                    position_at(&metadata_source.text, code.span().start),
                    format!("unknown error code `{}`", code.get_ref()),
                )
                .with_hint(format!("add it to the error table in {CATALOGUE_FILE}")),
            );
        }
    }
    let arguments = documented_fields(
        &metadata_source,
        metadata.arguments,
        &shape.arguments,
        "arguments",
        &mut diagnostics,
    );
    let return_fields = documented_fields(
        &metadata_source,
        metadata.return_fields,
        &shape.selections,
        "selected fields",
        &mut diagnostics,
    );
    let DocumentShape { operation_name, .. } = shape;
    let document = document_source
        .text
        .strip_suffix('\n')
        .unwrap_or(&document_source.text);
    diagnostics.into_result(Operation {
        field_name: stem.to_string(),
        operation_name,
        endpoint: metadata.endpoint,
        availability: Availability::Live,
        return_type: metadata.return_type,
        description: metadata.description,
        errors: metadata
            .errors
            .into_iter()
            .map(|code| code.into_inner())
            .collect(),
        deprecation: metadata.deprecation.map(Into::into),
        arguments,
        return_fields,
        notes: metadata.notes,
        validation_error_codes: metadata.validation_error_codes,
        damage: metadata.damage,
        variables_example: metadata.variables_example,
        response_example: metadata.response_example,
        document: document.to_string(),
        document_path,
    })
}

/// Every documented field must be one the document has (`what`: "arguments" or
/// "selected fields"), and be documented once.
fn documented_fields(
    source: &SourceFile,
    fields: Vec<FieldFile>,
    in_document: &[String],
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<FieldDoc> {
    let mut seen = BTreeSet::new();
    for field in &fields {
        let at = position_at(&source.text, field.name.span().start);
        let name = field.name.get_ref();
        if !in_document.contains(name) {
            diagnostics.push(
                Diagnostic::new(
                    source,
                    at,
                    format!("`{name}` is not one of the document's {what}"),
                )
                .with_hint(format!("the document has: {}", in_document.join(", "))),
            );
        } else if !seen.insert(name.clone()) {
            diagnostics.push(Diagnostic::new(
                source,
                at,
                format!("`{name}` is documented twice"),
            ));
        }
    }
    fields.into_iter().map(FieldDoc::from).collect()
}

fn check_operation_names(operations: &[Operation], diagnostics: &mut Diagnostics) {
    let mut first: BTreeMap<&str, &Path> = BTreeMap::new();
    for operation in operations {
        if let Some(earlier) = first.insert(&operation.operation_name, &operation.document_path) {
            let source = SourceFile::new(operation.document_path.clone(), "");
            diagnostics.push(
                Diagnostic::new(
                    &source,
                    START,
                    format!(
                        "operation name `{}` is already used by {}",
                        operation.operation_name,
                        earlier.display()
                    ),
                )
                .with_hint("operation names must be unique in the catalogue"),
            );
        }
    }
}

fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    let text = fs::read_to_string(path).map_err(|error| unreadable(path, &error))?;
    Ok(SourceFile::new(path, text))
}
