//! Typed client for the Kraken GraphQL API of Octopus Energy Japan.

pub mod nullable;
pub mod operation;
pub mod scalars;

pub use nullable::Nullable;
pub use operation::{Endpoint, ErrorCodeSet, Operation};
pub use scalars::JsonString;
