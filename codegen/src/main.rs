//! The `kraken-codegen` command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser};
use kraken_codegen::output_tree::OutputTree;
use kraken_codegen::project::{self, Project};
use kraken_codegen::write::write_if_changed;
use kraken_codegen::{assemble, builder, catalogue, docs_import, introspect, SourceFile};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Regenerate the checked-in typed client (`generated/`) from `schema/`.
    Regenerate(ProjectArgs),
    /// Fail, naming the stale files, when `generated/` differs from what `schema/` produces.
    Check(ProjectArgs),
    /// Convert an introspection result (file or live endpoint) to SDL.
    Introspect(IntrospectArgs),
    /// Build the schema from the JP facts, the docs page, the platform facts and overlays,
    /// with a provenance summary.
    AssembleSchema(AssembleArgs),
}

#[derive(Args)]
struct ProjectArgs {
    /// The project root holding `schema/` and `generated/`.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output directory instead of `<root>/generated`.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Args)]
struct AssembleArgs {
    /// The Markdown rendering of a full introspection of the live JP API, the most
    /// trusted source.
    #[arg(long)]
    live: PathBuf,
    /// The older JP introspection result (may be partial).
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
    /// Where to write the catalogue operations the live schema lacks (TOML).
    #[arg(long)]
    availability: PathBuf,
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
        Command::ImportDocs { page, out } => import_docs(&page, &out),
        Command::List { catalogue } => {
            print_catalogue(&catalogue, catalogue::listing::operation_lines)
        }
        Command::Errors { catalogue } => {
            print_catalogue(&catalogue, catalogue::listing::error_lines)
        }
        Command::Regenerate(args) => regenerate(&args),
        Command::Check(args) => check(&args),
        Command::AssembleSchema(args) => run_assemble(args),
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

/// A failure message for the user, ending in a newline.
type Outcome = Result<(), String>;

fn import_docs(page: &Path, out: &Path) -> Outcome {
    let text = std::fs::read_to_string(page)
        .map_err(|error| format!("error: cannot read {}: {error}\n", page.display()))?;
    let imported = docs_import::import_with_warnings(&text, page).map_err(|d| d.render())?;
    for warning in &imported.warnings {
        eprintln!("warning: {warning}");
    }
    let summary = catalogue::write(&imported.catalogue, out)
        .map_err(|error| format!("error: cannot write {}: {error}\n", out.display()))?;
    eprintln!(
        "{} operations: {} files written, {} unchanged, {} removed",
        imported.catalogue.operations.len(),
        summary.written.len(),
        summary.unchanged,
        summary.removed.len()
    );
    Ok(())
}

fn print_catalogue(dir: &Path, render: fn(&catalogue::Catalogue) -> String) -> Outcome {
    let catalogue = catalogue::load(dir).map_err(|d| d.render())?;
    print!("{}", render(&catalogue));
    Ok(())
}

/// Generates from `<root>/schema/` the tree that belongs in `<out>` (default `<root>/generated`).
fn generated_tree(args: &ProjectArgs) -> Result<(OutputTree, PathBuf), String> {
    let project = Project::new(&args.root);
    let generated = project.generate().map_err(|error| match error {
        builder::Error::Diagnostics(diagnostics) => diagnostics.render(),
        other => format!("error: {other}\n"),
    })?;
    for warning in &generated.warnings().0 {
        eprintln!("warning: {warning}");
    }
    let out = args.out.clone().unwrap_or_else(|| project.generated_dir());
    Ok((project::output_tree(&generated), out))
}

fn regenerate(args: &ProjectArgs) -> Outcome {
    let (tree, out) = generated_tree(args)?;
    let report = tree
        .write(&out)
        .map_err(|error| format!("error: cannot write {}: {error}\n", out.display()))?;
    for path in &report.written {
        eprintln!("wrote {}", out.join(path).display());
    }
    for path in &report.removed {
        eprintln!("removed {}", out.join(path).display());
    }
    eprintln!(
        "{}: {} written, {} removed, {} unchanged",
        out.display(),
        report.written.len(),
        report.removed.len(),
        report.unchanged
    );
    Ok(())
}

fn check(args: &ProjectArgs) -> Outcome {
    let (tree, out) = generated_tree(args)?;
    let stale = tree
        .stale(&out)
        .map_err(|error| format!("error: cannot read {}: {error}\n", out.display()))?;
    if stale.is_empty() {
        eprintln!("{} is up to date", out.display());
        return Ok(());
    }
    let mut message = format!(
        "error: {} is stale; run `cargo run -p kraken-codegen -- regenerate`\n",
        out.display()
    );
    for file in stale {
        message.push_str(&format!("  {}/{file}\n", out.display()));
    }
    Err(message)
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
        live: args.live,
        introspection: args.introspection,
        docs: args.docs,
        platform: args.platform,
        overlays: args.overlay,
    };
    let assembled = assemble::assemble(&inputs, &args.output).map_err(|d| d.render())?;
    for (path, contents) in [
        (&args.output, &assembled.sdl),
        (&args.provenance, &assembled.provenance),
        (&args.availability, &assembled.availability),
    ] {
        write_if_changed(path, contents.as_bytes())
            .map_err(|e| format!("error: cannot write {}: {e}\n", path.display()))?;
    }
    Ok(())
}
