//! kraken-codegen: typed Rust from a GraphQL schema (SDL) and a catalogue of operations.

pub mod assemble;
pub mod catalogue;
pub mod diagnostic;
pub mod introspect;
pub mod schema;

pub use diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
pub mod write;
