//! The `kraken-codegen` command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use kraken_codegen::{catalogue, docs_import, Diagnostics};

#[derive(Parser)]
#[command(name = "kraken-codegen", version, about)]
enum Command {
    /// Import the scraped docs page of the mutations into the catalogue.
    ImportDocs {
        /// The page (e.g. schema/docs/kraken-jp-mutations-docs.txt).
        page: PathBuf,
        /// The catalogue directory to write.
        #[arg(long, default_value = "schema/catalogue")]
        out: PathBuf,
    },
    /// List the catalogue's operations: field name, endpoint, documented errors, deprecation.
    List {
        #[arg(long, default_value = "schema/catalogue")]
        catalogue: PathBuf,
    },
    /// Print the catalogue's error table: code and message.
    Errors {
        #[arg(long, default_value = "schema/catalogue")]
        catalogue: PathBuf,
    },
}

fn main() -> ExitCode {
    match Command::parse() {
        Command::ImportDocs { page, out } => import_docs(&page, &out),
        Command::List { catalogue } => {
            print_catalogue(&catalogue, catalogue::listing::operation_lines)
        }
        Command::Errors { catalogue } => {
            print_catalogue(&catalogue, catalogue::listing::error_lines)
        }
    }
}

fn import_docs(page: &Path, out: &Path) -> ExitCode {
    let text = match std::fs::read_to_string(page) {
        Ok(text) => text,
        Err(error) => return fail(&format!("cannot read {}: {error}", page.display())),
    };
    let imported = match docs_import::import_with_warnings(&text, page) {
        Ok(imported) => imported,
        Err(diagnostics) => return report(&diagnostics),
    };
    for warning in &imported.warnings {
        eprintln!("warning: {warning}");
    }
    match catalogue::write(&imported.catalogue, out) {
        Ok(summary) => {
            eprintln!(
                "{} operations: {} files written, {} unchanged, {} removed",
                imported.catalogue.operations.len(),
                summary.written.len(),
                summary.unchanged,
                summary.removed.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => fail(&format!("cannot write {}: {error}", out.display())),
    }
}

fn print_catalogue(dir: &Path, render: fn(&catalogue::Catalogue) -> String) -> ExitCode {
    match catalogue::load(dir) {
        Ok(catalogue) => {
            print!("{}", render(&catalogue));
            ExitCode::SUCCESS
        }
        Err(diagnostics) => report(&diagnostics),
    }
}

fn report(diagnostics: &Diagnostics) -> ExitCode {
    eprint!("{}", diagnostics.render());
    ExitCode::FAILURE
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}
