//! Errors of a request: transport, HTTP status, malformed answer, GraphQL errors.

use crate::operation::ErrorCodeSet;
use crate::operations::obtain_kraken_token;
use reqwest::StatusCode;
use serde::de::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// The failure of one operation. `C` is the operation's error-code enum, `D` its
/// response data (see [`crate::OperationError`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<C: ErrorCodeSet, D> {
    /// The request could not be sent or the answer not received (connection refused,
    /// TLS failure, connection reset, ...).
    #[error("request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// No complete answer arrived within the configured timeout.
    #[error("request timed out")]
    Timeout,
    /// The server answered with a status other than 2xx.
    #[error(transparent)]
    Http(HttpStatusError<C>),
    /// The answer was not the JSON expected: malformed, truncated, or of another shape.
    #[error("malformed response: {0}")]
    Decode(#[source] serde_json::Error),
    /// The server answered with GraphQL errors, possibly beside partial data.
    #[error("{}", describe_errors(errors))]
    GraphQL {
        /// The errors, in the order the server sent them (never empty).
        errors: Vec<GraphQLError<C>>,
        /// The `data` the server returned with the errors, when not null.
        partial_data: Option<PartialData<D>>,
    },
    /// No Kraken token could be obtained for the request.
    #[error("authentication failed: {0}")]
    Auth(#[source] AuthError),
}

impl<C: ErrorCodeSet, D> Error<C, D> {
    /// The GraphQL errors of the answer, whatever its HTTP status; empty for other
    /// failures.
    pub fn graphql_errors(&self) -> &[GraphQLError<C>] {
        match self {
            Error::GraphQL { errors, .. } => errors,
            Error::Http(http) => &http.errors,
            _ => &[],
        }
    }
}

/// `data` returned together with errors: typed when it decodes as the operation's
/// response data, raw JSON otherwise (for example a non-null field answered as null).
#[derive(Debug, Clone, PartialEq)]
pub enum PartialData<D> {
    /// The data decoded as the operation's response type.
    Typed(D),
    /// The data as sent, when it does not decode as the response type.
    Raw(Value),
}

/// An answer with a non-2xx HTTP status.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("HTTP status {status}: {body_excerpt}")]
pub struct HttpStatusError<C: ErrorCodeSet> {
    /// The HTTP status.
    pub status: StatusCode,
    /// The `Retry-After` header (seconds or an HTTP date, as a duration from receipt).
    pub retry_after: Option<Duration>,
    /// The start of the body (at most [`EXCERPT_LIMIT`] bytes, cut on a character
    /// boundary, `…` appended when cut).
    pub body_excerpt: String,
    /// The GraphQL errors, when the body is a GraphQL answer (GraphQL servers answer
    /// errors outside any field, such as a document that does not validate, with 400).
    pub errors: Vec<GraphQLError<C>>,
}

/// The most bytes of a body kept in [`HttpStatusError::body_excerpt`].
pub const EXCERPT_LIMIT: usize = 512;

/// A failure to obtain a Kraken token. It never holds a token, password or key:
/// partial data of the token answer is dropped and decode messages keep only the
/// position.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The client was built without credentials.
    #[error("no credentials configured")]
    NoCredentials,
    /// The token request could not be sent or the answer not received.
    #[error("token request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// The token request timed out.
    #[error("token request timed out")]
    Timeout,
    /// The token request was answered with a non-2xx status.
    #[error("token request: {0}")]
    Http(HttpStatusError<obtain_kraken_token::ErrorCode>),
    /// The token answer was malformed; the message gives the kind and position only.
    #[error("malformed token response: {0}")]
    Decode(String),
    /// The server refused to issue a token (for example wrong password).
    #[error("token refused: {}", describe_errors(.0))]
    Rejected(Vec<GraphQLError<obtain_kraken_token::ErrorCode>>),
    /// The token answer held neither a token nor errors.
    #[error("the token response holds no token")]
    MissingToken,
}

impl<D> From<Error<obtain_kraken_token::ErrorCode, D>> for AuthError {
    fn from(error: Error<obtain_kraken_token::ErrorCode, D>) -> Self {
        match error {
            Error::Transport(source) => AuthError::Transport(source),
            Error::Timeout => AuthError::Timeout,
            Error::Http(http) => AuthError::Http(http),
            Error::Decode(source) => AuthError::Decode(redacted_decode_message(&source)),
            Error::GraphQL { errors, .. } => AuthError::Rejected(errors),
            Error::Auth(auth) => auth,
        }
    }
}

/// The kind and position of a decode error, without serde's message (which may
/// quote a value of the answer, such as a token).
fn redacted_decode_message(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let kind = match error.classify() {
        Category::Io => "read error",
        Category::Syntax => "invalid JSON",
        Category::Eof => "unexpected end of input",
        Category::Data => "unexpected shape",
    };
    if error.line() == 0 {
        kind.to_owned()
    } else {
        format!("{kind} at line {} column {}", error.line(), error.column())
    }
}

/// One entry of a GraphQL answer's `errors`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(bound(deserialize = "C: ErrorCodeSet"))]
pub struct GraphQLError<C> {
    /// The human-readable message.
    pub message: String,
    /// Where in the document the error arose.
    #[serde(default, deserialize_with = "null_as_default")]
    pub locations: Vec<Location>,
    /// The response path of the field that failed.
    #[serde(default, deserialize_with = "null_as_default")]
    pub path: Vec<PathSegment>,
    /// Kraken's typed extensions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub extensions: ErrorExtensions<C>,
}

impl<C: ErrorCodeSet> GraphQLError<C> {
    /// The error code, when the server sent one.
    pub fn code(&self) -> Option<&C> {
        self.extensions.error_code.as_ref()
    }
}

impl<C: ErrorCodeSet> fmt::Display for GraphQLError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = self.code() {
            write!(f, "[{}] ", code.code())?;
        }
        f.write_str(&self.message)?;
        if !self.path.is_empty() {
            let path: Vec<String> = self.path.iter().map(ToString::to_string).collect();
            write!(f, " (at {})", path.join("."))?;
        }
        Ok(())
    }
}

/// A line and column in the operation document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub struct Location {
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: u64,
}

/// One step of a response or input path: a field name or a list index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(untagged)]
pub enum PathSegment {
    /// A field name.
    Field(String),
    /// A list index.
    Index(u64),
}

impl fmt::Display for PathSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSegment::Field(name) => f.write_str(name),
            PathSegment::Index(index) => write!(f, "{index}"),
        }
    }
}

/// Kraken's `extensions` of a GraphQL error.
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

fn describe_errors<C: ErrorCodeSet>(errors: &[GraphQLError<C>]) -> String {
    let described: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("GraphQL error: {}", described.join("; "))
}

fn null_as_default<'de, De, T>(deserializer: De) -> Result<T, De::Error>
where
    De: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
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
