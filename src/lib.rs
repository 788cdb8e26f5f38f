#![doc = include_str!("../README.md")]

pub mod auth;
pub mod client;
pub mod error;
pub mod nullable;
pub mod operation;
mod response;
pub mod scalars;
pub mod secret;
#[doc(hidden)]
pub mod tables;
#[doc(hidden)]
pub mod union;

include!(concat!(env!("OUT_DIR"), "/kraken_jp.rs"));

pub use auth::{Credentials, TokenState};
pub use client::{BuildError, Client, ClientBuilder, OperationError};
pub use error::{
    AuthError, Error, ErrorExtensions, GraphQLError, HttpStatusError, Location, PartialData,
    PathSegment, ValidationError,
};
pub use nullable::Nullable;
pub use operation::{Endpoint, ErrorCodeSet, Operation};
pub use scalars::{DateTime, JsonString};
pub use secret::Secret;
