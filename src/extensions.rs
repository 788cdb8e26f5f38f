//! Kraken's `extensions` of a GraphQL error: the error code, type and description, and
//! which input fields failed validation.

use kraken_codegen_runtime::error::{null_as_default, Extensions};
use kraken_codegen_runtime::{ErrorClass, ErrorCodeSet, PathSegment};
use serde::de::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// Kraken's `extensions` of a GraphQL error. `C` is the operation's error-code enum.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(bound(deserialize = "C: ErrorCodeSet"))]
pub struct ErrorExtensions<C> {
    /// `errorCode`, parsed into the operation's error-code enum (unknown codes land
    /// in its catch-all variant).
    #[serde(rename = "errorCode", default, deserialize_with = "error_code")]
    pub error_code: Option<C>,
    /// `errorType`, e.g. `VALIDATION`.
    #[serde(rename = "errorType", default)]
    pub error_type: Option<String>,
    /// `errorDescription`.
    #[serde(rename = "errorDescription", default)]
    pub error_description: Option<String>,
    /// `validationErrors`: which input fields failed and why.
    #[serde(
        rename = "validationErrors",
        default,
        deserialize_with = "null_as_default"
    )]
    pub validation_errors: Vec<ValidationError>,
    /// Any other extension entries, by name.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl<C> Default for ErrorExtensions<C> {
    fn default() -> Self {
        ErrorExtensions {
            error_code: None,
            error_type: None,
            error_description: None,
            validation_errors: Vec::new(),
            other: BTreeMap::new(),
        }
    }
}

impl<C: ErrorCodeSet> Extensions for ErrorExtensions<C> {
    /// `errorCode` as sent, e.g. `KT-CT-1111`.
    fn code(&self) -> Option<&str> {
        self.error_code.as_ref().map(ErrorCodeSet::code)
    }

    /// The class of `errorCode`, from the catalogue's table.
    fn class(&self) -> ErrorClass {
        self.error_code
            .as_ref()
            .map_or(ErrorClass::Other, ErrorCodeSet::class)
    }
}

/// One GraphQL error with Kraken's extensions; `C` is the operation's error-code enum.
pub type GraphQLError<C> = kraken_codegen_runtime::GraphQLError<ErrorExtensions<C>>;

/// An answer with a non-2xx HTTP status, its GraphQL errors with Kraken's extensions.
pub type HttpStatusError<C> = kraken_codegen_runtime::HttpStatusError<ErrorExtensions<C>>;

/// One entry of `validationErrors`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct ValidationError {
    /// A machine-readable code such as `password_too_short`.
    pub code: String,
    /// The human-readable message.
    pub message: String,
    /// The path of the offending input field, e.g. `["input", "password"]`.
    #[serde(rename = "inputPath", default, deserialize_with = "null_as_default")]
    pub input_path: Vec<PathSegment>,
}

fn error_code<'de, De, C>(deserializer: De) -> Result<Option<C>, De::Error>
where
    De: Deserializer<'de>,
    C: ErrorCodeSet,
{
    let code = Option::<String>::deserialize(deserializer)?;
    Ok(code.map(|code| match C::from_str(&code) {
        Ok(parsed) => parsed,
        Err(never) => match never {},
    }))
}
