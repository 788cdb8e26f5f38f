//! kraken-codegen: typed Rust from a GraphQL schema (SDL) and a catalogue of operations.

#[cfg(feature = "tools")]
pub mod assemble;
pub mod builder;
pub mod catalogue;
pub mod diagnostic;
#[cfg(feature = "tools")]
pub mod docs_import;
pub mod emit;
pub mod field_types;
#[cfg(feature = "tools")]
pub mod introspect;
pub mod ir;
pub mod naming;
#[cfg(feature = "tools")]
pub mod operations_md;
#[cfg(feature = "tools")]
pub mod output_tree;
mod parallel;
pub mod project;
pub mod scalars;
pub mod schema;
#[cfg(feature = "tools")]
pub mod schema_diff;
pub mod type_system;
pub mod validate;
pub mod write;

pub use builder::{Builder, CompileError, Generated};
pub use diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
pub use validate::RequestLimits;
