//! Reading the catalogue back from its directory, checking it as it is read.

// Each step fails with the one `Diagnostic` that stops it; that path is cold, so its
// size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use super::document::{analyze, DocumentShape};
use super::files::{
    CatalogueFile, FieldFile, MoreErrorsFile, OperationFile, CATALOGUE_FILE, MORE_ERRORS_FILE,
    OPERATIONS_DIR, QUERIES_DIR,
};
use super::model::{Availability, Catalogue, Endpoints, FieldDoc, Operation};
use super::source::{position_at, read_optional, read_toml, unreadable, START};
use super::{availability, classes};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::ir::OperationKind;

/// Loads `dir` (normally `schema/catalogue/`): `catalogue.toml`, `errors.toml` when
/// present, every mutation in `operations/`, every read in `queries/` when there is one
/// and, when present, `availability.toml` and `error_classes.toml`. Reports every
/// problem found, each at its file:line:col.
pub fn load(dir: &Path) -> Result<Catalogue, Diagnostics> {
    let source = read_source(&dir.join(CATALOGUE_FILE))?;
    let mut file = read_toml(&source, CatalogueFile::read)?;
    let mut diagnostics = Diagnostics::default();
    add_more_errors(dir, &mut file.errors, &mut diagnostics);
    let mut operations = Vec::new();
    let mut stems = Vec::new();
    for (subdir, kind) in [
        (OPERATIONS_DIR, OperationKind::Mutation),
        (QUERIES_DIR, OperationKind::Query),
    ] {
        let subdir = dir.join(subdir);
        if kind == OperationKind::Query && !subdir.exists() {
            continue;
        }
        let found = operation_stems(&subdir, &mut diagnostics)?;
        for stem in &found {
            match load_operation(&subdir, stem, kind, &file.errors) {
                Ok(operation) => operations.push(operation),
                Err(found) => diagnostics.extend(found),
            }
        }
        stems.extend(found);
    }
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    check_unique(
        &operations,
        "name",
        |operation| &operation.name,
        &mut diagnostics,
    );
    check_unique(
        &operations,
        "operation name",
        |operation| &operation.operation_name,
        &mut diagnostics,
    );
    availability::apply(dir, &stems, &mut operations, &mut diagnostics);
    let error_classes = classes::load(dir, &file.errors, &mut diagnostics);
    diagnostics.into_result(Catalogue {
        endpoints: Endpoints {
            api: file.endpoints.api,
            auth: file.endpoints.auth,
        },
        errors: file.errors,
        error_classes,
        operations,
    })
}

/// Adds the codes of `<dir>/errors.toml`, when present, to the error table; a code the
/// table already has is reported.
fn add_more_errors(
    dir: &Path,
    errors: &mut BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) {
    let Some((source, file)) = read_optional(
        dir.join(MORE_ERRORS_FILE),
        MoreErrorsFile::read,
        diagnostics,
    ) else {
        return;
    };
    for (code, message) in file.errors {
        if errors.contains_key(code.get_ref()) {
            diagnostics.push(
                Diagnostic::new(
                    &source,
                    position_at(&source.text, code.span().start),
                    format!("`{}` is already in {CATALOGUE_FILE}", code.get_ref()),
                )
                .with_hint(format!(
                    "{MORE_ERRORS_FILE} holds only the codes the docs page does not list"
                )),
            );
        } else {
            errors.insert(code.into_inner(), message);
        }
    }
}

/// The names of the operations in `dir`, sorted; each needs both files.
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

/// Loads the operation `stem` of `kind` from `dir` (`operations/` or `queries/`).
fn load_operation(
    dir: &Path,
    stem: &str,
    kind: OperationKind,
    errors: &BTreeMap<String, String>,
) -> Result<Operation, Diagnostics> {
    let metadata_source = read_source(&dir.join(format!("{stem}.toml")))?;
    let metadata = read_toml(&metadata_source, |text| OperationFile::read(text, kind))?;
    let document_path = dir.join(format!("{stem}.graphql"));
    let document_source = read_source(&document_path)?;
    let shape = analyze(&document_source.text, kind)
        .map_err(|error| Diagnostic::new(&document_source, error.position, error.message))?;

    let mut diagnostics = Diagnostics::default();
    if let Some(mismatch) = stem_mismatch(stem, kind, &shape) {
        diagnostics
            .push(Diagnostic::new(&document_source, START, mismatch.0).with_hint(mismatch.1));
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
    let DocumentShape {
        operation_name,
        root_field,
        ..
    } = shape;
    let document = document_source
        .text
        .strip_suffix('\n')
        .unwrap_or(&document_source.text);
    diagnostics.into_result(Operation {
        name: stem.to_string(),
        kind,
        field_name: root_field,
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
        rate_limit_cost: metadata.rate_limit_cost,
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

/// What is wrong, and the hint, when `stem` is not the file name the document calls
/// for: a mutation's root field, a read's operation name with its first letter in lower
/// case (several reads start from the same root field).
fn stem_mismatch(
    stem: &str,
    kind: OperationKind,
    shape: &DocumentShape,
) -> Option<(String, &'static str)> {
    if kind == OperationKind::Mutation {
        return (shape.root_field != stem).then(|| {
            (
                format!(
                    "the document's root field `{}` does not match its file name `{stem}`",
                    shape.root_field
                ),
                "name the files after the operation's root field",
            )
        });
    }
    let mut name = shape.operation_name.chars();
    let expected: String = name
        .next()
        .map(|first| first.to_lowercase().chain(name).collect())
        .unwrap_or_default();
    (expected != stem).then(|| {
        (
            format!(
                "the operation `{}` does not match its file name `{stem}`",
                shape.operation_name
            ),
            "name a read's files after its operation, first letter in lower case \
             (`query ViewerAccounts` in `viewerAccounts.graphql`)",
        )
    })
}

/// Each operation's `key` (named `what` in messages) must be unique in the catalogue,
/// across `operations/` and `queries/`.
fn check_unique(
    operations: &[Operation],
    what: &str,
    key: impl Fn(&Operation) -> &String,
    diagnostics: &mut Diagnostics,
) {
    let mut first: BTreeMap<&str, &Path> = BTreeMap::new();
    for operation in operations {
        if let Some(earlier) = first.insert(key(operation), &operation.document_path) {
            let source = SourceFile::new(operation.document_path.clone(), "");
            diagnostics.push(
                Diagnostic::new(
                    &source,
                    START,
                    format!(
                        "{what} `{}` is already used by {}",
                        key(operation),
                        earlier.display()
                    ),
                )
                .with_hint(format!("{what}s must be unique in the catalogue")),
            );
        }
    }
}

fn read_source(path: &Path) -> Result<SourceFile, Diagnostic> {
    let text = fs::read_to_string(path).map_err(|error| unreadable(path, &error))?;
    Ok(SourceFile::new(path, text))
}
