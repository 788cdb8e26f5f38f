//! Generates the typed client from `schema/` into `OUT_DIR`; `src/lib.rs` includes it.

use std::path::PathBuf;
use std::process::ExitCode;

use kraken_codegen::builder::Error;
use kraken_codegen::project::{Project, RUST_FILE};

fn main() -> ExitCode {
    let (Some(root), Some(out_dir)) = (
        std::env::var_os("CARGO_MANIFEST_DIR"),
        std::env::var_os("OUT_DIR"),
    ) else {
        eprintln!("error: CARGO_MANIFEST_DIR and OUT_DIR are set by cargo; run this through cargo");
        return ExitCode::FAILURE;
    };
    println!("cargo:rerun-if-changed=build.rs");
    let generated = match Project::new(PathBuf::from(root)).generate() {
        Ok(generated) => generated,
        Err(Error::Diagnostics(diagnostics)) => {
            eprint!("{}", diagnostics.render());
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    generated.emit_rerun_if_changed();
    if let Err(error) = generated.write_to(&PathBuf::from(out_dir).join(RUST_FILE)) {
        eprintln!("error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
