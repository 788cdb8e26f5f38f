//! The `kraken-codegen` command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser};
use kraken_codegen::write::write_if_changed;
use kraken_codegen::SourceFile;
use kraken_codegen::{assemble, introspect};

#[derive(Parser)]
#[command(name = "kraken-codegen", version, about)]
enum Command {
    /// Convert an introspection result (file or live endpoint) to SDL.
    Introspect(IntrospectArgs),
    /// Build the schema from the JP facts, the docs page, the platform facts and overlays,
    /// with a provenance summary.
    AssembleSchema(AssembleArgs),
}

#[derive(Args)]
struct AssembleArgs {
    /// The JP introspection result (may be partial).
    #[arg(long)]
    introspection: PathBuf,
    /// The docs page of the mutations, as text.
    #[arg(long)]
    docs: PathBuf,
    /// Directory of the platform facts (`kraken-es-*.json`).
    #[arg(long)]
    platform: PathBuf,
    /// Overlay SDL of inferred types (repeatable).
    #[arg(long)]
    overlay: Vec<PathBuf>,
    /// Where to write the SDL.
    #[arg(short, long)]
    output: PathBuf,
    /// Where to write the provenance summary (Markdown).
    #[arg(long)]
    provenance: PathBuf,
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
    let result = match Command::parse() {
        Command::Introspect(args) => run_introspect(args),
        Command::AssembleSchema(args) => run_assemble(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprint!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run_introspect(args: IntrospectArgs) -> Result<(), String> {
    let file = if let Some(path) = &args.input {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("error: cannot read {}: {e}\n", path.display()))?;
        SourceFile::new(path, text)
    } else {
        let endpoint = args.endpoint.as_deref().unwrap_or_default();
        let text = introspect::fetch::fetch(endpoint, &args.header)
            .map_err(|e| format!("error: {e}\n"))?;
        SourceFile::new(endpoint, text)
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

fn run_assemble(args: AssembleArgs) -> Result<(), String> {
    let inputs = assemble::Inputs {
        introspection: args.introspection,
        docs: args.docs,
        platform: args.platform,
        overlays: args.overlay,
    };
    let assembled = assemble::assemble(&inputs, &args.output).map_err(|d| d.render())?;
    for (path, contents) in [
        (&args.output, &assembled.sdl),
        (&args.provenance, &assembled.provenance),
    ] {
        write_if_changed(path, contents.as_bytes())
            .map_err(|e| format!("error: cannot write {}: {e}\n", path.display()))?;
    }
    Ok(())
}
