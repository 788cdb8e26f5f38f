//! The on-disk form of the catalogue: `catalogue.toml` (endpoints and the global
//! error table) and, per operation, `operations/<fieldName>.toml` beside the
//! document `operations/<fieldName>.graphql`; optionally `availability.toml`, which
//! `assemble-schema` writes, and `error_classes.toml`, kept by hand; `import-docs`
//! leaves both alone.
//!
//! Reading goes through [`super::read`]; writing (the `tools` feature) through serde.

use std::collections::BTreeMap;

#[cfg(feature = "tools")]
use serde::{Serialize, Serializer};
use toml::Spanned;

use super::model::{is_date, Deprecation, Endpoint, ErrorClass, FieldDoc};
#[cfg(feature = "tools")]
use super::model::{Endpoints, Operation};
use super::read::{self, ReadError, Table};

/// File name of the catalogue-wide file.
pub const CATALOGUE_FILE: &str = "catalogue.toml";
/// Directory holding one `.toml` and one `.graphql` per operation.
pub const OPERATIONS_DIR: &str = "operations";
/// File name of the record of the operations the live schema lacks.
pub const AVAILABILITY_FILE: &str = "availability.toml";
/// File name of the table of error-code classes.
pub const ERROR_CLASSES_FILE: &str = "error_classes.toml";

/// `catalogue.toml`.
#[derive(Debug)]
#[cfg_attr(feature = "tools", derive(Serialize))]
pub struct CatalogueFile {
    pub endpoints: EndpointsFile,
    /// Code → message, exactly as documented.
    pub errors: BTreeMap<String, String>,
}

#[derive(Debug)]
#[cfg_attr(feature = "tools", derive(Serialize))]
pub struct EndpointsFile {
    pub api: String,
    pub auth: String,
}

/// `operations/<fieldName>.toml`. Plain values come first, tables last (TOML's rule).
#[derive(Debug)]
#[cfg_attr(feature = "tools", derive(Serialize))]
pub struct OperationFile {
    pub endpoint: Endpoint,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub return_type: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub description: Option<String>,
    /// Documented error codes in documented order (repeats kept).
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub errors: Vec<Spanned<String>>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub notes: Vec<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub validation_error_codes: Vec<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub damage: Vec<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub variables_example: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub response_example: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub deprecation: Option<DeprecationFile>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub arguments: Vec<FieldFile>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Vec::is_empty"))]
    pub return_fields: Vec<FieldFile>,
}

#[derive(Debug)]
#[cfg_attr(feature = "tools", derive(Serialize))]
pub struct DeprecationFile {
    pub note: String,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub marked_on: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub removal_on: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub replacement: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub announcement: Option<String>,
}

#[derive(Debug)]
#[cfg_attr(feature = "tools", derive(Serialize))]
pub struct FieldFile {
    pub name: Spanned<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub description: Option<String>,
    #[cfg_attr(feature = "tools", serde(skip_serializing_if = "Option::is_none"))]
    pub deprecation: Option<DeprecationFile>,
}

/// `availability.toml`: the operations whose root field the live schema snapshot lacks.
#[derive(Debug)]
pub struct AvailabilityFile {
    /// The snapshot's date (`YYYY-MM-DD`).
    pub snapshot: String,
    /// Field names of the docs-only operations, each with its span.
    pub docs_only: Vec<Spanned<String>>,
}

/// `error_classes.toml`: the codes of each behaviour class, and the messages of the
/// classified codes the docs page does not list.
#[derive(Debug)]
pub struct ErrorClassesFile {
    /// Each class present under `[classes]`, in [`ErrorClass::ALL`] order, with its codes.
    pub classes: Vec<(ErrorClass, Vec<Spanned<String>>)>,
    /// `[undocumented]`: code → message, in file order.
    pub undocumented: Vec<(Spanned<String>, Spanned<String>)>,
}

impl ErrorClassesFile {
    /// Reads `error_classes.toml` from its text.
    pub fn read(text: &str) -> read::Result<Self> {
        let document = read::parse(text)?;
        let file = Table::document(&document, ERROR_CLASSES_FILE, &["classes", "undocumented"])?;
        let keys = ErrorClass::ALL.map(ErrorClass::key);
        let table = file.required_table("classes", "`[classes]`", &keys)?;
        let classes = ErrorClass::ALL
            .into_iter()
            .map(|class| Ok((class, table.spanned_strings(class.key())?)))
            .collect::<read::Result<_>>()?;
        Ok(ErrorClassesFile {
            classes,
            undocumented: file.spanned_string_map("undocumented")?,
        })
    }
}

impl AvailabilityFile {
    /// Reads `availability.toml` from its text.
    pub fn read(text: &str) -> read::Result<Self> {
        let document = read::parse(text)?;
        let file = Table::document(&document, AVAILABILITY_FILE, &["snapshot", "docs_only"])?;
        let snapshot = file.required_string("snapshot")?;
        if !is_date(snapshot.get_ref()) {
            return Err(ReadError {
                span: snapshot.span(),
                message: format!(
                    "`snapshot` must be a date written YYYY-MM-DD, not `{}`",
                    snapshot.get_ref()
                ),
            });
        }
        Ok(AvailabilityFile {
            snapshot: snapshot.into_inner(),
            docs_only: file.spanned_strings("docs_only")?,
        })
    }
}

impl CatalogueFile {
    /// Reads `catalogue.toml` from its text.
    pub fn read(text: &str) -> read::Result<Self> {
        let document = read::parse(text)?;
        let file = Table::document(&document, CATALOGUE_FILE, &["endpoints", "errors"])?;
        let endpoints = file.required_table("endpoints", "`[endpoints]`", &["api", "auth"])?;
        Ok(CatalogueFile {
            endpoints: EndpointsFile {
                api: endpoints.required_string("api")?.into_inner(),
                auth: endpoints.required_string("auth")?.into_inner(),
            },
            errors: file.required_string_map("errors")?,
        })
    }
}

impl OperationFile {
    /// Reads `operations/<fieldName>.toml` from its text.
    pub fn read(text: &str) -> read::Result<Self> {
        let document = read::parse(text)?;
        let file = Table::document(
            &document,
            "an operation file",
            &[
                "endpoint",
                "return_type",
                "description",
                "errors",
                "notes",
                "validation_error_codes",
                "damage",
                "variables_example",
                "response_example",
                "deprecation",
                "arguments",
                "return_fields",
            ],
        )?;
        Ok(OperationFile {
            endpoint: endpoint(file.required_string("endpoint")?)?,
            return_type: file.string("return_type")?,
            description: file.string("description")?,
            errors: file.spanned_strings("errors")?,
            notes: file.strings("notes")?,
            validation_error_codes: file.strings("validation_error_codes")?,
            damage: file.strings("damage")?,
            variables_example: file.string("variables_example")?,
            response_example: file.string("response_example")?,
            deprecation: DeprecationFile::read_in(&file, "`[deprecation]`")?,
            arguments: fields(&file, "arguments")?,
            return_fields: fields(&file, "return_fields")?,
        })
    }
}

/// The documented fields under `key` (`[[arguments]]` or `[[return_fields]]`).
fn fields(file: &Table<'_, '_>, key: &str) -> read::Result<Vec<FieldFile>> {
    file.tables(
        key,
        "a documented field",
        &["name", "description", "deprecation"],
    )?
    .iter()
    .map(|field| {
        Ok(FieldFile {
            name: field.required_string("name")?,
            description: field.string("description")?,
            deprecation: DeprecationFile::read_in(field, "a field's `deprecation`")?,
        })
    })
    .collect()
}

fn endpoint(name: Spanned<String>) -> read::Result<Endpoint> {
    match name.get_ref().as_str() {
        "api" => Ok(Endpoint::Api),
        "auth" => Ok(Endpoint::Auth),
        other => Err(ReadError {
            span: name.span(),
            message: format!("`endpoint` must be `api` or `auth`, not `{other}`"),
        }),
    }
}

impl DeprecationFile {
    /// The `deprecation` table of `parent` (named `name` in messages), if present.
    fn read_in(parent: &Table<'_, '_>, name: &'static str) -> read::Result<Option<Self>> {
        let Some(table) = parent.table(
            "deprecation",
            name,
            &[
                "note",
                "marked_on",
                "removal_on",
                "replacement",
                "announcement",
            ],
        )?
        else {
            return Ok(None);
        };
        Ok(Some(DeprecationFile {
            note: table.required_string("note")?.into_inner(),
            marked_on: table.string("marked_on")?,
            removal_on: table.string("removal_on")?,
            replacement: table.string("replacement")?,
            announcement: table.string("announcement")?,
        }))
    }
}

/// An endpoint is written by its name (`api` or `auth`).
#[cfg(feature = "tools")]
impl Serialize for Endpoint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "tools")]
impl CatalogueFile {
    pub fn new(endpoints: &Endpoints, errors: &BTreeMap<String, String>) -> Self {
        CatalogueFile {
            endpoints: EndpointsFile {
                api: endpoints.api.clone(),
                auth: endpoints.auth.clone(),
            },
            errors: errors.clone(),
        }
    }
}

#[cfg(feature = "tools")]
impl From<&Deprecation> for DeprecationFile {
    fn from(deprecation: &Deprecation) -> Self {
        DeprecationFile {
            note: deprecation.note.clone(),
            marked_on: deprecation.marked_on.clone(),
            removal_on: deprecation.removal_on.clone(),
            replacement: deprecation.replacement.clone(),
            announcement: deprecation.announcement.clone(),
        }
    }
}

impl From<DeprecationFile> for Deprecation {
    fn from(file: DeprecationFile) -> Self {
        Deprecation {
            note: file.note,
            marked_on: file.marked_on,
            removal_on: file.removal_on,
            replacement: file.replacement,
            announcement: file.announcement,
        }
    }
}

#[cfg(feature = "tools")]
impl From<&FieldDoc> for FieldFile {
    fn from(field: &FieldDoc) -> Self {
        FieldFile {
            name: Spanned::new(0..0, field.name.clone()),
            description: field.description.clone(),
            deprecation: field.deprecation.as_ref().map(DeprecationFile::from),
        }
    }
}

impl From<FieldFile> for FieldDoc {
    fn from(file: FieldFile) -> Self {
        FieldDoc {
            name: file.name.into_inner(),
            description: file.description,
            deprecation: file.deprecation.map(Deprecation::from),
        }
    }
}

#[cfg(feature = "tools")]
impl From<&Operation> for OperationFile {
    fn from(operation: &Operation) -> Self {
        OperationFile {
            endpoint: operation.endpoint,
            return_type: operation.return_type.clone(),
            description: operation.description.clone(),
            errors: operation
                .errors
                .iter()
                .map(|code| Spanned::new(0..0, code.clone()))
                .collect(),
            notes: operation.notes.clone(),
            validation_error_codes: operation.validation_error_codes.clone(),
            damage: operation.damage.clone(),
            variables_example: operation.variables_example.clone(),
            response_example: operation.response_example.clone(),
            deprecation: operation.deprecation.as_ref().map(DeprecationFile::from),
            arguments: operation.arguments.iter().map(FieldFile::from).collect(),
            return_fields: operation
                .return_fields
                .iter()
                .map(FieldFile::from)
                .collect(),
        }
    }
}
