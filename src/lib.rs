#![doc = include_str!("../README.md")]
//!
//! Modules import only modules below them: `extensions`, `endpoint` and `token_source`
//! (Kraken's error extensions, servers and the trait of external tokens) import only the
//! runtime crate; the generated code
//! (`operations`, `types`, `ErrorCode`) imports only the runtime crate; `auth` sends the
//! generated `obtainKrakenToken`; `rate_limit` adds a method to a generated type;
//! `client` puts it all together.

pub mod endpoint;
pub mod extensions;
pub mod token_source;

include!(concat!(env!("OUT_DIR"), "/kraken_jp.rs"));

pub mod auth;
pub mod client;
mod rate_limit;

pub use auth::{AuthError, AuthScheme, Credentials, TokenState};
pub use client::{Client, ClientBuilder, Error, OperationError};
pub use endpoint::Endpoint;
pub use extensions::{ErrorExtensions, GraphQLError, HttpStatusError, ValidationError};
pub use kraken_codegen_runtime::{
    BuildError, DateTime, ErrorClass, ErrorCodeSet, JsonString, Location, Nullable, Operation,
    OperationKind, Paginated, Paging, PartialData, PathSegment, RetryPolicy, Secret,
};
pub use token_source::{IssuedToken, TokenFuture, TokenRequest, TokenSource, TokenSourceError};
