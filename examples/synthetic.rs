//! Writes the synthetic scaling project (see `benches/support/synthetic.rs`):
//! `cargo run --release --example synthetic -- <dir> <operations>`, then
//! `kraken-codegen regenerate --root <dir> --out <dir>/generated`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, operations] = args.as_slice() else {
        eprintln!("usage: synthetic <dir> <operations>");
        return ExitCode::FAILURE;
    };
    let Ok(operations) = operations.parse() else {
        eprintln!("error: <operations> is a number, not `{operations}`");
        return ExitCode::FAILURE;
    };
    match synthetic::write(&PathBuf::from(dir), operations) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write {dir}: {error}");
            ExitCode::FAILURE
        }
    }
}
