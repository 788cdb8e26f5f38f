//! Validation of operations against the schema, and their resolution into the [`Ir`].
//!
//! Every problem of a run is collected and returned together; resolution only runs
//! when there is none.

mod documents;
mod fragments;
mod resolve;
mod selections;
pub(crate) mod suggest;
mod values;
mod variables;
mod wire;

use std::collections::BTreeMap;

pub use documents::ExecutableSource;

use crate::catalogue::{Catalogue, ErrorClass};
use crate::diagnostic::Diagnostics;
use crate::ir::{Ir, ScalarMapping};
use crate::schema::Schema;

/// What resolution needs besides the schema and the documents.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rust types of custom scalars; unmapped ones become the runtime's `serde_json::Value`.
    pub scalars: BTreeMap<String, ScalarMapping>,
    /// The global error table (code → message), copied into [`Ir::error_codes`].
    pub error_codes: BTreeMap<String, String>,
    /// The class of each classified code, copied into [`Ir::error_classes`].
    pub error_classes: BTreeMap<String, ErrorClass>,
    /// An undefined `...XFragment` spread stands for the scalar and enum fields of the
    /// object or interface `X` (the convention of the Kraken docs' examples). Off, it is
    /// an error like any undefined fragment.
    pub placeholder_fragments: bool,
}

/// Validates every document against the schema and resolves them into the IR.
///
/// Fragments are shared by all documents: a fragment defined in one file may be spread
/// in another, and operation and fragment names must be unique across all of them.
pub fn resolve(
    schema: &Schema,
    sources: &[ExecutableSource],
    options: &Options,
) -> Result<Ir, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let mut documents = documents::collect(sources, &mut diagnostics);
    fragments::resolve_spreads(
        schema,
        &mut documents,
        options.placeholder_fragments,
        &mut diagnostics,
    );
    fragments::check_cycles(&documents.fragments, &mut diagnostics);

    let mut checker = selections::Checker {
        schema,
        fragments: &documents.fragments,
        diagnostics: &mut diagnostics,
    };
    let fragment_usages: BTreeMap<String, _> = documents
        .fragments
        .values()
        .map(|fragment| (fragment.name.clone(), checker.fragment(fragment)))
        .collect();
    let operation_usages: Vec<_> = documents
        .operations
        .iter()
        .map(|operation| checker.operation(operation))
        .collect();
    for (operation, usages) in documents.operations.iter().zip(operation_usages) {
        variables::check(
            schema,
            operation,
            usages,
            &fragment_usages,
            &documents.fragments,
            &mut diagnostics,
        );
    }
    diagnostics.into_result(())?;
    Ok(resolve::build(schema, &documents, options))
}

/// Validates and resolves a catalogue's operations plus any extra documents (e.g.
/// fragment definitions that replace synthesized placeholders), with the catalogue's
/// error table (documented and undocumented codes) and classes in place of those in
/// `options`.
pub fn resolve_catalogue(
    schema: &Schema,
    catalogue: &Catalogue,
    extra: &[ExecutableSource],
    options: Options,
) -> Result<Ir, Diagnostics> {
    let mut sources = ExecutableSource::from_catalogue(catalogue);
    sources.extend(extra.iter().cloned());
    let mut error_codes = catalogue.errors.clone();
    error_codes.extend(catalogue.undocumented_errors.clone());
    let options = Options {
        error_codes,
        error_classes: catalogue.error_classes.clone(),
        ..options
    };
    resolve(schema, &sources, &options)
}
