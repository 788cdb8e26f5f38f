//! Errors of a call: transport, HTTP status, malformed answer, GraphQL errors.

use crate::retry::{Transience, Transient};
use crate::ErrorClass;
use reqwest::StatusCode;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::fmt;
use std::time::Duration;

/// The failure of one call. `E` is the type the errors' `extensions` decode as, `D` the
/// operation's response data, and `A` the failure of a client that obtains credentials
/// itself before a call (never for [`Client`](crate::Client), which is given them).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error<E: Extensions = BTreeMap<String, Value>, D = Value, A = Infallible> {
    /// The request could not be sent or the answer not received (connection refused,
    /// TLS failure, connection reset, ...).
    #[error("request failed: {0}")]
    Transport(#[source] reqwest::Error),
    /// No complete answer arrived within the configured timeout.
    #[error("request timed out")]
    Timeout,
    /// The server answered with a status other than 2xx.
    #[error(transparent)]
    Http(HttpStatusError<E>),
    /// The answer was not the JSON expected: malformed, truncated, or of another shape.
    #[error("malformed response: {0}")]
    Decode(#[source] serde_json::Error),
    /// The server answered with GraphQL errors, possibly beside partial data.
    #[error("{}", describe_errors(errors))]
    GraphQL {
        /// The errors, in the order the server sent them (never empty).
        errors: Vec<GraphQLError<E>>,
        /// The `data` the server returned with the errors, when not null.
        partial_data: Option<PartialData<D>>,
    },
    /// The server refused the call for a rate limit: HTTP 429, or an error whose code
    /// is of class [`ErrorClass::RateLimited`] (whatever the HTTP status).
    #[error("rate limited{}", describe_rate_limit(*.retry_after, errors))]
    RateLimited {
        /// How long until the limit resets, when the server said (`Retry-After`).
        retry_after: Option<Duration>,
        /// The GraphQL errors of the answer (empty for a bare 429, or when the limit
        /// was hit by a request made for the call, such as a token request).
        errors: Vec<GraphQLError<E>>,
    },
    /// The server refused the document as too complex or too large (an error code of
    /// class [`ErrorClass::QueryTooLarge`]); sending it again would fail the same way.
    #[error("query too large: {}", describe_errors(errors))]
    QueryTooLarge {
        /// The GraphQL errors of the answer.
        errors: Vec<GraphQLError<E>>,
    },
    /// The client has no URL for the operation's endpoint key (`None`: for operations
    /// that name no endpoint).
    #[error("no URL for {}", describe_endpoint(*.0))]
    NoUrl(Option<&'static str>),
    /// No credentials could be obtained for the request.
    #[error("authentication failed: {0}")]
    Auth(#[source] A),
}

impl<E: Extensions, D, A> Error<E, D, A> {
    /// The GraphQL errors of the answer, whatever its HTTP status; empty for other
    /// failures.
    pub fn graphql_errors(&self) -> &[GraphQLError<E>] {
        match self {
            Error::GraphQL { errors, .. }
            | Error::RateLimited { errors, .. }
            | Error::QueryTooLarge { errors } => errors,
            Error::Http(http) => &http.errors,
            _ => &[],
        }
    }

    /// True when one of the GraphQL errors is of this class.
    pub fn has_class(&self, class: ErrorClass) -> bool {
        self.graphql_errors()
            .iter()
            .any(|error| error.extensions.class() == class)
    }

    /// The kind of a failure that came without an answer (`connect`, `transport`,
    /// `timeout`), for traces.
    pub(crate) fn failure_kind(&self) -> Option<&'static str> {
        match self {
            Error::Transport(error) if error.is_connect() => Some("connect"),
            Error::Transport(_) => Some("transport"),
            Error::Timeout => Some("timeout"),
            _ => None,
        }
    }
}

impl<E: Extensions, D, A> Transient for Error<E, D, A> {
    /// A connection never established is `NotSent`; timeouts, lost connections, 5xx
    /// and rate limits are `MaybeProcessed`; everything else is `Permanent`.
    fn transience(&self) -> Transience {
        match self {
            Error::Transport(error) if error.is_connect() => Transience::NotSent,
            Error::Transport(_) | Error::Timeout => Transience::MaybeProcessed { wait: None },
            Error::Http(http) if http.status.is_server_error() => Transience::MaybeProcessed {
                wait: http.retry_after,
            },
            Error::RateLimited { retry_after, .. } => {
                Transience::MaybeProcessed { wait: *retry_after }
            }
            _ => Transience::Permanent,
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
pub struct HttpStatusError<E> {
    /// The HTTP status.
    pub status: StatusCode,
    /// The `Retry-After` header (seconds or an HTTP date, as a duration from receipt).
    pub retry_after: Option<Duration>,
    /// The start of the body (at most [`EXCERPT_LIMIT`] bytes, cut on a character
    /// boundary, `…` appended when cut).
    pub body_excerpt: String,
    /// The GraphQL errors, when the body is a GraphQL answer (GraphQL servers answer
    /// errors outside any field, such as a document that does not validate, with 400).
    pub errors: Vec<GraphQLError<E>>,
}

/// The most bytes of a body kept in [`HttpStatusError::body_excerpt`].
pub const EXCERPT_LIMIT: usize = 512;

/// What a client reads from the `extensions` of a GraphQL error.
pub trait Extensions: DeserializeOwned + Default {
    /// The error code the extensions carry, if any; shown before the message.
    fn code(&self) -> Option<&str>;

    /// What the client does about the error (default [`ErrorClass::Other`]: nothing
    /// special).
    fn class(&self) -> ErrorClass {
        ErrorClass::Other
    }
}

/// Any extensions, by name; the code is `extensions.code` when it is a string.
impl Extensions for BTreeMap<String, Value> {
    fn code(&self) -> Option<&str> {
        self.get("code").and_then(Value::as_str)
    }
}

/// One entry of a GraphQL answer's `errors`, with its `extensions` decoded as `E`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(bound(deserialize = "E: Extensions"))]
pub struct GraphQLError<E = BTreeMap<String, Value>> {
    /// The human-readable message.
    pub message: String,
    /// Where in the document the error arose.
    #[serde(default, deserialize_with = "null_as_default")]
    pub locations: Vec<Location>,
    /// The response path of the field that failed.
    #[serde(default, deserialize_with = "null_as_default")]
    pub path: Vec<PathSegment>,
    /// The server's extensions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub extensions: E,
}

impl<E: Extensions> GraphQLError<E> {
    /// The error code of the extensions, when the server sent one.
    pub fn code(&self) -> Option<&str> {
        self.extensions.code()
    }
}

impl<E: Extensions> fmt::Display for GraphQLError<E> {
    /// `[code] message (at path)`, code and path when there are any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = self.code() {
            write!(f, "[{code}] ")?;
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

/// ` (retry after 120s)` when the wait is known, then `: ` and the errors if any.
fn describe_rate_limit<E: Extensions>(
    retry_after: Option<Duration>,
    errors: &[GraphQLError<E>],
) -> String {
    let mut text = match retry_after {
        Some(wait) => format!(" (retry after {}s)", wait.as_secs()),
        None => String::new(),
    };
    if !errors.is_empty() {
        text = format!("{text}: {}", describe_errors(errors));
    }
    text
}

fn describe_endpoint(key: Option<&str>) -> String {
    match key {
        Some(key) => format!("endpoint `{key}`"),
        None => "operations without an endpoint key".to_owned(),
    }
}

/// `GraphQL error: ` and every error's `Display`, separated by `; `.
pub fn describe_errors<E: Extensions>(errors: &[GraphQLError<E>]) -> String {
    let described: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("GraphQL error: {}", described.join("; "))
}

/// Decodes a value that may be `null` or absent as its type's default (serde's
/// `deserialize_with`).
pub fn null_as_default<'de, De, T>(deserializer: De) -> Result<T, De::Error>
where
    De: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn any_extensions_show_their_code() {
        let error: GraphQLError = serde_json::from_value(json!({
            "message": "Not found.",
            "path": ["repository", 0, "owner"],
            "extensions": {"code": "NOT_FOUND", "retry": false},
        }))
        .unwrap();
        assert_eq!(error.code(), Some("NOT_FOUND"));
        assert_eq!(
            error.extensions,
            BTreeMap::from([
                ("code".to_owned(), json!("NOT_FOUND")),
                ("retry".to_owned(), json!(false)),
            ])
        );
        assert_eq!(
            error.to_string(),
            "[NOT_FOUND] Not found. (at repository.0.owner)"
        );
    }

    #[test]
    fn null_or_missing_parts_are_empty() {
        let error: GraphQLError = serde_json::from_value(json!({
            "message": "Boom.", "locations": null, "extensions": null,
        }))
        .unwrap();
        assert_eq!(
            error,
            GraphQLError {
                message: "Boom.".to_owned(),
                locations: vec![],
                path: vec![],
                extensions: BTreeMap::new(),
            }
        );
        assert_eq!(error.to_string(), "Boom.");
    }
}
