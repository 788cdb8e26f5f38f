//! The `kraken-codegen` command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser};
use kraken_codegen::introspect;
use kraken_codegen::write::write_if_changed;
use kraken_codegen::{catalogue, docs_import, Diagnostics, SourceFile};

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
    /// Convert an introspection result (file or live endpoint) to SDL.
    Introspect(IntrospectArgs),
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("source").required(true))]
struct IntrospectArgs {
    /// Introspection result: `{"data":{"__schema":…}}` or a bare `__schema`.
    #[arg(group = "source")]
    input: Option<PathBuf>,
    /// Run the introspection query against this GraphQL endpoint. https only;
    /// plain http:// is accepted for loopback hosts (127.0.0.1, ::1, localhost) alone.
    #[arg(long, group = "source")]
    endpoint: Option<String>,
    /// Extra request header, `Name: value` (repeatable), e.g. 'Authorization: JWT …'.
    #[arg(long, requires = "endpoint")]
    header: Vec<String>,
    /// Write the SDL here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
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
        Command::Introspect(args) => match run_introspect(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprint!("{message}");
                ExitCode::FAILURE
            }
        },
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

fn run_introspect(args: IntrospectArgs) -> Result<(), String> {
    let file = match (&args.input, &args.endpoint) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("error: cannot read {}: {e}\n", path.display()))?;
            SourceFile::new(path, text)
        }
        (None, Some(endpoint)) => {
            let text = introspect::fetch::fetch(endpoint, &args.header)
                .map_err(|e| format!("error: {e}\n"))?;
            SourceFile::new(endpoint, text)
        }
        (None, None) => unreachable!("clap requires one source"),
    };
    let schema = introspect::parse(&file).map_err(|d| d.render())?;
    let printed = introspect::print(&schema);
    for note in [
        introspect::bodiless_note(&printed),
        introspect::dropped_note(&printed),
    ]
    .into_iter()
    .flatten()
    {
        eprintln!("{note}");
    }
    match &args.output {
        Some(path) => write_if_changed(path, printed.sdl.as_bytes())
            .map(|_| ())
            .map_err(|e| format!("error: cannot write {}: {e}\n", path.display())),
        None => {
            print!("{}", printed.sdl);
            Ok(())
        }
    }
}
