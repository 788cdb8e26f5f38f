//! The contract between generated code and a client.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::convert::Infallible;
use std::fmt::{Debug, Display};
use std::str::FromStr;

/// Whether an operation only reads (a query, safe to send again) or may change data
/// (a mutation, which a client must not repeat unless it never reached the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Query,
    Mutation,
}

/// What a client does when the server answers with an error code: codes are grouped by
/// the behaviour they call for, so callers branch on the class, not on codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorClass {
    /// The access token has expired: renew it and send the request again, once.
    ExpiredToken,
    /// The refresh token was refused (expired or revoked): log in again with the
    /// credentials.
    RefreshRefused,
    /// The credentials themselves were refused: fail at once, never retry.
    CredentialsRefused,
    /// The rate limit is spent: wait until it resets before sending more.
    RateLimited,
    /// The query is too complex or too large (or otherwise refused as a query): a
    /// request that fails the same way every time, never retried.
    QueryTooLarge,
    /// Any other code: the operation's own outcome, for the caller to handle.
    Other,
}

/// A set of error codes an operation documents; parsing never fails (unknown codes
/// land in a catch-all variant).
pub trait ErrorCodeSet:
    FromStr<Err = Infallible> + Display + Debug + Clone + PartialEq + Send + Sync + 'static
{
    /// The code as sent by the server (e.g. `KT-CT-1111`).
    fn code(&self) -> &str;

    /// The behaviour the code calls for; [`ErrorClass::Other`] for unclassified codes.
    fn class(&self) -> ErrorClass;
}

/// One GraphQL operation, implemented by generated code.
pub trait Operation {
    /// Operation name as sent in the request body.
    const OPERATION_NAME: &'static str;
    /// The executable document exactly as sent on the wire.
    const DOCUMENT: &'static str;
    /// Query or mutation: whether sending it again is safe.
    const KIND: OperationKind;
    /// The key of the endpoint the operation is sent to (e.g. `auth`), which a client
    /// maps to a URL; `None` (operations from plain `.graphql` files) for the client's
    /// default URL.
    const ENDPOINT: Option<&'static str> = None;
    /// The variables of the operation.
    type Variables: Serialize + Send + Sync;
    /// The `data` of a successful response.
    type ResponseData: DeserializeOwned + Send;
    /// The documented error codes of the operation.
    type ErrorCode: ErrorCodeSet;
}
