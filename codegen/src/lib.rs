//! kraken-codegen: typed Rust from a GraphQL schema (SDL) and a catalogue of operations.

pub mod assemble;
pub mod builder;
pub mod catalogue;
pub mod diagnostic;
pub mod docs_import;
pub mod emit;
pub mod introspect;
pub mod ir;
pub mod naming;
pub mod operations_md;
pub mod output_tree;
mod parallel;
pub mod project;
pub mod scalars;
pub mod schema;
pub mod validate;
pub mod write;

pub use builder::{Builder, Generated};
pub use diagnostic::{Diagnostic, Diagnostics, Position, SourceFile};
