//! The `kraken-codegen` command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser};
use kraken_codegen::introspect;
use kraken_codegen::write::write_if_changed;
use kraken_codegen::SourceFile;

#[derive(Parser)]
#[command(name = "kraken-codegen", version, about)]
enum Command {
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
    let result = match Command::parse() {
        Command::Introspect(args) => run_introspect(args),
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
