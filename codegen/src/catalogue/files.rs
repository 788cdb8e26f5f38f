//! The on-disk form of the catalogue: `catalogue.toml` (endpoints and the global
//! error table) and, per operation, `operations/<fieldName>.toml` beside the
//! document `operations/<fieldName>.graphql`.

use std::collections::BTreeMap;

use serde::Deserialize;
#[cfg(feature = "tools")]
use serde::Serialize;
use toml::Spanned;

use super::model::{Deprecation, Endpoint, FieldDoc};
#[cfg(feature = "tools")]
use super::model::{Endpoints, Operation};

/// File name of the catalogue-wide file.
pub const CATALOGUE_FILE: &str = "catalogue.toml";
/// Directory holding one `.toml` and one `.graphql` per operation.
pub const OPERATIONS_DIR: &str = "operations";

/// `catalogue.toml`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    pub endpoints: EndpointsFile,
    /// Code → message, exactly as documented.
    pub errors: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(deny_unknown_fields)]
pub struct EndpointsFile {
    pub api: String,
    pub auth: String,
}

/// The endpoint as written in an operation file.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(rename_all = "lowercase")]
pub enum EndpointName {
    Api,
    Auth,
}

/// `operations/<fieldName>.toml`. Plain values come first, tables last (TOML's rule).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(deny_unknown_fields)]
pub struct OperationFile {
    pub endpoint: EndpointName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Documented error codes in documented order (repeats kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validation_error_codes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub damage: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variables_example: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_example: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<DeprecationFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<FieldFile>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub return_fields: Vec<FieldFile>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(deny_unknown_fields)]
pub struct DeprecationFile {
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marked_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removal_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announcement: Option<String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "tools", derive(Serialize))]
#[serde(deny_unknown_fields)]
pub struct FieldFile {
    pub name: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<DeprecationFile>,
}

impl From<EndpointName> for Endpoint {
    fn from(name: EndpointName) -> Self {
        match name {
            EndpointName::Api => Endpoint::Api,
            EndpointName::Auth => Endpoint::Auth,
        }
    }
}

#[cfg(feature = "tools")]
impl From<Endpoint> for EndpointName {
    fn from(endpoint: Endpoint) -> Self {
        match endpoint {
            Endpoint::Api => EndpointName::Api,
            Endpoint::Auth => EndpointName::Auth,
        }
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
            endpoint: operation.endpoint.into(),
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
