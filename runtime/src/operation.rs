//! The contract between generated code and a client.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::convert::Infallible;
use std::fmt::{Debug, Display};
use std::str::FromStr;

/// A set of error codes an operation documents; parsing never fails (unknown codes
/// land in a catch-all variant).
pub trait ErrorCodeSet:
    FromStr<Err = Infallible> + Display + Debug + Clone + PartialEq + Send + Sync + 'static
{
    /// The code as sent by the server (e.g. `KT-CT-1111`).
    fn code(&self) -> &str;
}

/// One GraphQL operation, implemented by generated code.
pub trait Operation {
    /// Operation name as sent in the request body.
    const OPERATION_NAME: &'static str;
    /// The executable document exactly as sent on the wire.
    const DOCUMENT: &'static str;
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
