//! Generates the typed client from `schema/` into `OUT_DIR`; `src/lib.rs` includes it.

use std::path::PathBuf;

use kraken_codegen::builder::CompileError;
use kraken_codegen::project::{Project, RUST_FILE};

fn main() -> Result<(), CompileError> {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    Project::new(root).builder().compile(RUST_FILE)?;
    Ok(())
}
