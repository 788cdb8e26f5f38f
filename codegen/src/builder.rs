//! The library front end: what build scripts and other crates call.
//!
//! In a build script, [`Builder::compile`] does everything in one call:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), kraken_codegen::builder::CompileError> {
//!     kraken_codegen::Builder::new()
//!         .schema("graphql/schema.graphql")
//!         .operations(["graphql/queries.graphql"])
//!         .compile("graphql.rs")?; // include!(concat!(env!("OUT_DIR"), "/graphql.rs"))
//!     Ok(())
//! }
//! ```
//!
//! Elsewhere, [`Builder::generate`] returns the code and what it was made from:
//!
//! ```no_run
//! # fn main() -> Result<(), kraken_codegen::builder::Error> {
//! let generated = kraken_codegen::Builder::new()
//!     .schema("schema/kraken-jp.graphql")
//!     .operations(["queries/my_account.graphql"])
//!     .scalar("Decimal", "rust_decimal::Decimal")
//!     .derive("Hash")
//!     .generate()?;
//! generated.write_to(std::path::Path::new("src/generated.rs"))?;
//! generated.emit_rerun_if_changed();
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::catalogue::{self, Catalogue};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::emit::{self, EmitError, Settings};
use crate::ir::Ir;
use crate::validate::{self, ExecutableSource, Options};
use crate::write::{write_if_changed, WriteOutcome};
use crate::{scalars, schema};

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the schema, catalogue or operations, each at its file:line:col.
    #[error("{0}")]
    Diagnostics(#[from] Diagnostics),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A scalar mapping, derive or runtime path that is not Rust.
    #[error(transparent)]
    Emit(#[from] EmitError),
    #[error("no schema given: call `Builder::schema` with an SDL file or directory")]
    NoSchema,
    #[error("no operations given: call `Builder::catalogue` or `Builder::operations`")]
    NoOperations,
    #[error("selected operation `{0}` is not in the catalogue")]
    UnknownSelection(String),
    /// A `Builder::scalar` mapping of a name that is not a custom scalar of the schema.
    #[error("`Builder::scalar(\"{scalar}\", ..)`: {problem}")]
    ScalarMapping { scalar: String, problem: String },
    #[error("OUT_DIR is not set: `Builder::compile` is for build scripts run by cargo")]
    NoOutDir,
}

/// The failure of [`Builder::compile`], whose report is already on stderr. `Display`
/// and `Debug` are one short line (never the source text), so a build script's `main`
/// may return it with `?`; [`error`](CompileError::error) is the whole error.
#[derive(thiserror::Error)]
#[error("{summary}")]
pub struct CompileError {
    summary: String,
    #[source]
    error: Error,
}

impl CompileError {
    fn new(error: Error) -> Self {
        let summary = match &error {
            Error::Diagnostics(diagnostics) => match diagnostics.0.len() {
                1 => "kraken-codegen: 1 error in the GraphQL inputs (reported above)".to_owned(),
                count => {
                    format!("kraken-codegen: {count} errors in the GraphQL inputs (reported above)")
                }
            },
            other => format!("kraken-codegen: {other}"),
        };
        CompileError { summary, error }
    }

    /// The error, with every diagnostic.
    pub fn error(&self) -> &Error {
        &self.error
    }
}

impl fmt::Debug for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary)
    }
}

impl Error {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
        move |source| Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Configuration of one generator run.
#[derive(Debug, Clone)]
pub struct Builder {
    schemas: Vec<PathBuf>,
    catalogue: Option<PathBuf>,
    operations: Vec<PathBuf>,
    scalars: BTreeMap<String, String>,
    selection: Option<BTreeSet<String>>,
    placeholder_fragments: bool,
    settings: Settings,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// No inputs yet; runtime path `::kraken_codegen_runtime`, no extra derives, default
    /// scalar mappings.
    pub fn new() -> Self {
        Builder {
            schemas: Vec::new(),
            catalogue: None,
            operations: Vec::new(),
            scalars: BTreeMap::new(),
            selection: None,
            placeholder_fragments: false,
            settings: Settings::default(),
        }
    }

    /// An SDL file, or a directory whose `*.graphql` files (not recursive) are the schema.
    /// May be called more than once: one schema split over several files.
    pub fn schema(mut self, path: impl Into<PathBuf>) -> Self {
        self.schemas.push(path.into());
        self
    }

    /// A catalogue directory (e.g. `schema/catalogue`): its operations, with their docs,
    /// endpoints and error codes.
    pub fn catalogue(mut self, dir: impl Into<PathBuf>) -> Self {
        self.catalogue = Some(dir.into());
        self
    }

    /// Plain `.graphql` files of operations and fragments (a user's own operations),
    /// with or without a catalogue.
    pub fn operations<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.operations.extend(paths.into_iter().map(Into::into));
        self
    }

    /// Maps a custom scalar to a Rust type path, replacing any default. `{runtime}` in the
    /// path stands for the runtime path ([`scalars::FALLBACK`] is the runtime's JSON value).
    pub fn scalar(mut self, graphql: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.scalars.insert(graphql.into(), rust_type.into());
        self
    }

    /// Lets an undefined `...XFragment` spread stand for every scalar and enum field of
    /// the object or interface `X` that needs no argument (the convention of the Kraken
    /// docs' examples). Off by default: an undefined fragment is an error.
    pub fn placeholder_fragments(mut self, on: bool) -> Self {
        self.placeholder_fragments = on;
        self
    }

    /// An extra derive for every generated data type (e.g. `Hash`, `serde::Serialize`).
    pub fn derive(mut self, path: impl Into<String>) -> Self {
        self.settings.derives.push(path.into());
        self
    }

    /// The path generated code uses for runtime items and for serde and serde_json:
    /// `::kraken_codegen_runtime` (the default), or a crate or module re-exporting it.
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.settings.runtime = path.into();
        self
    }

    /// Generates only these catalogue operations (by GraphQL field name), and only the
    /// shared types they use. Operations from `.graphql` files are always generated.
    pub fn select<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.selection
            .get_or_insert_with(BTreeSet::new)
            .extend(fields.into_iter().map(Into::into));
        self
    }

    /// The build-script entry point: generates, writes the code to `OUT_DIR/<file_name>`
    /// only when it changes, and prints `cargo:rerun-if-changed` for every input and
    /// `cargo:warning` for every warning. On failure it prints the report (each
    /// diagnostic with `file:line:col`, an excerpt and a hint) to stderr, writes nothing,
    /// and returns an error whose `Display` and `Debug` are one short line.
    pub fn compile(&self, file_name: impl AsRef<Path>) -> Result<Generated, CompileError> {
        let compiled = std::env::var_os("OUT_DIR")
            .ok_or(Error::NoOutDir)
            .and_then(|out_dir| {
                let generated = self.generate()?;
                generated.write_to(&Path::new(&out_dir).join(file_name.as_ref()))?;
                Ok(generated)
            });
        match compiled {
            Ok(generated) => {
                generated.emit_rerun_if_changed();
                for warning in &generated.warnings().0 {
                    println!("cargo:warning={}", one_line(warning));
                }
                Ok(generated)
            }
            Err(error) => {
                match &error {
                    Error::Diagnostics(diagnostics) => eprint!("{}", diagnostics.render()),
                    other => eprintln!("error: {other}"),
                }
                Err(CompileError::new(error))
            }
        }
    }

    /// Reads every input, validates, and emits the Rust (formatted with the `format`
    /// feature).
    pub fn generate(&self) -> Result<Generated, Error> {
        let schema_files = self.schema_files()?;
        if schema_files.is_empty() {
            return Err(Error::NoSchema);
        }
        if self.catalogue.is_none() && self.operations.is_empty() {
            return Err(Error::NoOperations);
        }
        // A schema directory is an input too: a file added to it changes the schema.
        let mut inputs: Vec<PathBuf> = self
            .schemas
            .iter()
            .filter(|path| path.is_dir())
            .cloned()
            .collect();
        inputs.extend(schema_files.iter().cloned());
        // The catalogue loads on another core while the schema does; schema errors are
        // reported first, as they would be one after the other.
        let (schema, catalogue) = std::thread::scope(|scope| {
            let catalogue = self
                .catalogue
                .as_deref()
                .map(|dir| (dir, scope.spawn(move || catalogue::load(dir))));
            let schema = schema::load(&schema_files);
            let catalogue = catalogue.map(|(dir, loading)| {
                let loaded = loading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (dir, loaded)
            });
            (schema, catalogue)
        });
        let schema = schema?;
        scalars::check_overrides(&self.scalars, &schema)
            .map_err(|(scalar, problem)| Error::ScalarMapping { scalar, problem })?;

        let mut sources = Vec::new();
        let mut diagnostics = Diagnostics::default();
        for path in &self.operations {
            inputs.push(path.clone());
            match ExecutableSource::read(path) {
                Ok(source) => sources.push(source),
                Err(found) => diagnostics.0.extend(found.0),
            }
        }
        diagnostics.into_result(())?;

        let scalar_table = scalars::mappings(&self.scalars, &self.settings.runtime);
        let options = Options {
            scalars: scalar_table.clone(),
            error_codes: BTreeMap::new(),
            error_classes: BTreeMap::new(),
            placeholder_fragments: self.placeholder_fragments,
        };
        let mut docs_only = Vec::new();
        let ir = match catalogue {
            Some((dir, loaded)) => {
                let catalogue = self.selected(loaded?)?;
                inputs.extend(files_under(dir)?);
                docs_only = catalogue::availability::warnings(&catalogue);
                validate::resolve_catalogue(&schema, &catalogue, &sources, options)?
            }
            None => validate::resolve(&schema, &sources, &options)?,
        };
        let code = emit::file(&ir, &self.settings)?;
        let mut warnings = schema.warnings.clone();
        warnings.0.extend(docs_only);
        warnings
            .0
            .extend(scalars::unmapped(&schema, ir.scalars.keys(), &scalar_table).0);
        Ok(Generated {
            code,
            documents: documents(&ir),
            inputs,
            warnings,
            ir,
        })
    }

    /// The schema files: each given file, and the `*.graphql` files of each given
    /// directory, sorted.
    fn schema_files(&self) -> Result<Vec<PathBuf>, Error> {
        let mut files = Vec::new();
        for path in &self.schemas {
            if path.is_dir() {
                let mut found: Vec<_> = fs::read_dir(path)
                    .map_err(Error::io(path))?
                    .map(|entry| entry.map(|entry| entry.path()))
                    .collect::<Result<_, _>>()
                    .map_err(Error::io(path))?;
                found.retain(|file| {
                    file.is_file() && file.extension().is_some_and(|ext| ext == "graphql")
                });
                found.sort();
                files.extend(found);
            } else {
                files.push(path.clone());
            }
        }
        Ok(files)
    }

    /// The catalogue reduced to the selected operations, if a selection was made.
    fn selected(&self, mut catalogue: Catalogue) -> Result<Catalogue, Error> {
        let Some(selection) = &self.selection else {
            return Ok(catalogue);
        };
        let known: BTreeSet<_> = catalogue
            .operations
            .iter()
            .map(|operation| operation.field_name.as_str())
            .collect();
        if let Some(missing) = selection.iter().find(|name| !known.contains(name.as_str())) {
            return Err(Error::UnknownSelection(missing.clone()));
        }
        catalogue
            .operations
            .retain(|operation| selection.contains(&operation.field_name));
        Ok(catalogue)
    }
}

/// A warning as one line, for `cargo:warning`: `file:line:col: message`, and the hint.
fn one_line(warning: &Diagnostic) -> String {
    let text = match &warning.hint {
        Some(hint) => format!("{warning} (help: {hint})"),
        None => warning.to_string(),
    };
    text.replace(['\r', '\n'], " ")
}

/// Every file under `dir`, recursively, sorted, plus `dir` itself and its
/// subdirectories (so a build script reruns when a file is added or removed).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut found = vec![dir.to_path_buf()];
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).map_err(Error::io(&current))? {
            let path = entry.map_err(Error::io(&current))?.path();
            if path.is_dir() {
                pending.push(path.clone());
            }
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Each operation's wire document, by operation name.
fn documents(ir: &Ir) -> BTreeMap<String, String> {
    ir.operations
        .iter()
        .map(|operation| (operation.name.clone(), operation.wire_document.clone()))
        .collect()
}

/// The result of a run: the Rust and what it was made from.
#[derive(Debug, Clone)]
pub struct Generated {
    code: String,
    documents: BTreeMap<String, String>,
    inputs: Vec<PathBuf>,
    warnings: Diagnostics,
    ir: Ir,
}

impl Generated {
    /// Each operation's executable document as sent on the wire, by operation name.
    pub fn documents(&self) -> &BTreeMap<String, String> {
        &self.documents
    }

    /// What the caller should show its user: problems in the schema the run worked
    /// around (e.g. a field defined twice: the first definition is used), then each
    /// catalogue operation absent from the live schema snapshot (generated all the same),
    /// then each custom scalar the code uses that no mapping covers (it decodes as
    /// `serde_json::Value`).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// The resolved operations and types the code was emitted from.
    pub fn ir(&self) -> &Ir {
        &self.ir
    }

    /// Every file and directory the run read, in the order read.
    pub fn inputs(&self) -> &[PathBuf] {
        &self.inputs
    }

    /// Writes the code to `path`, only if its content changed (so nothing that depends
    /// on the file rebuilds needlessly).
    pub fn write_to(&self, path: &Path) -> Result<WriteOutcome, Error> {
        write_if_changed(path, self.code.as_bytes()).map_err(Error::io(path))
    }

    /// Prints `cargo:rerun-if-changed` for every input, for a build script.
    pub fn emit_rerun_if_changed(&self) {
        for path in &self.inputs {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

impl fmt::Display for Generated {
    /// The Rust file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}
