//! The `kraken-codegen` command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser};
use kraken_codegen::output_tree::OutputTree;
use kraken_codegen::project::{self, Project};
use kraken_codegen::schema_diff::{self, date, Date};
use kraken_codegen::validate::{ExecutableSource, Options};
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
    /// List the catalogue's operations: name, kind (`query` or `mutation`), endpoint,
    /// documented errors, deprecation, availability (`live`, or `docs-only` when the live
    /// schema snapshot lacks it).
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
    /// List what changes from one SDL schema to another, per operation: breaking and
    /// risky changes, then the rest in summary. Exit status 1 when an operation breaks,
    /// 2 on bad input.
    SchemaDiff(SchemaDiffArgs),
}

#[derive(Args)]
struct SchemaDiffArgs {
    /// The schema the operations were written against.
    old: PathBuf,
    /// The schema to compare it with.
    new: PathBuf,
    #[command(flatten)]
    drift: DriftArgs,
}

/// What `schema-diff` and `introspect --diff` report against.
#[derive(Args)]
struct DriftArgs {
    /// The catalogue whose operations are checked (default `schema/catalogue` when no
    /// --operations file is given).
    #[arg(long)]
    catalogue: Option<PathBuf>,
    /// A file of operations and fragments to check, as the Builder reads (repeatable).
    #[arg(long)]
    operations: Vec<PathBuf>,
    /// The date removal dates are compared with, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_parser = date::parse)]
    today: Option<Date>,
    /// Let an undefined `...XFragment` spread in --operations files stand for the scalar
    /// and enum fields of `X`, as catalogue documents always do.
    #[arg(long)]
    placeholder_fragments: bool,
    /// List the other changes one by one and name the unaffected operations.
    #[arg(long)]
    verbose: bool,
}

impl DriftArgs {
    fn given(&self) -> bool {
        self.catalogue.is_some()
            || !self.operations.is_empty()
            || self.today.is_some()
            || self.verbose
    }
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
    /// Compare the new SDL with the existing --output file first, as `schema-diff`
    /// does, and print the report; with breaking changes the file is not overwritten
    /// (exit status 1) unless --force.
    #[arg(long, requires = "output")]
    diff: bool,
    /// With --diff: write the file even when an operation breaks (exit status still 1).
    #[arg(long, requires = "diff")]
    force: bool,
    #[command(flatten)]
    drift: DriftArgs,
}

fn main() -> ExitCode {
    let command = Command::parse();
    // Drift checks exit with 1 for "an operation breaks", so their errors use 2.
    let error_status = match &command {
        Command::SchemaDiff(_) => 2,
        Command::Introspect(args) if args.diff => 2,
        _ => 1,
    };
    let result = match command {
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
        Command::SchemaDiff(args) => run_schema_diff(&args),
    };
    match result {
        Ok(Status::Done) => ExitCode::SUCCESS,
        Ok(Status::Breaking) => ExitCode::from(1),
        Err(message) => {
            eprint!("{message}");
            ExitCode::from(error_status)
        }
    }
}

/// How a command that did its work ends.
enum Status {
    Done,
    /// A drift check found an operation that the new schema breaks.
    Breaking,
}

/// A failure message for the user, ending in a newline.
type Outcome = Result<Status, String>;

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
    Ok(Status::Done)
}

fn print_catalogue(dir: &Path, render: fn(&catalogue::Catalogue) -> String) -> Outcome {
    let catalogue = catalogue::load(dir).map_err(|d| d.render())?;
    print!("{}", render(&catalogue));
    Ok(Status::Done)
}

/// Generates from `<root>/schema/` the tree that belongs in `<out>` (default `<root>/generated`).
fn generated_tree(args: &ProjectArgs) -> Result<(OutputTree, PathBuf), String> {
    let project = Project::new(&args.root);
    let generated = project.generate().map_err(|error| match error {
        builder::Error::Diagnostics(diagnostics) => diagnostics.render(),
        other => format!("error: {other}\n"),
    })?;
    for warning in generated.warnings() {
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
    Ok(Status::Done)
}

fn check(args: &ProjectArgs) -> Outcome {
    let (tree, out) = generated_tree(args)?;
    let stale = tree
        .stale(&out)
        .map_err(|error| format!("error: cannot read {}: {error}\n", out.display()))?;
    if stale.is_empty() {
        eprintln!("{} is up to date", out.display());
        return Ok(Status::Done);
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

fn run_introspect(args: IntrospectArgs) -> Outcome {
    if !args.diff && args.drift.given() {
        return Err(
            "error: --catalogue, --operations, --today and --verbose need --diff\n".to_string(),
        );
    }
    let file = if let Some(path) = &args.input {
        read_source(path)?
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
    let Some(path) = &args.output else {
        print!("{}", printed.sdl);
        return Ok(Status::Done);
    };
    let status = if args.diff {
        introspect_diff(
            path,
            SourceFile::new(&file.path, printed.sdl.as_str()),
            &args,
        )?
    } else {
        Status::Done
    };
    if matches!(status, Status::Breaking) && !args.force {
        eprintln!(
            "error: {} not written: the new schema breaks the operations above; fix them, or pass --force to write it anyway",
            path.display()
        );
        return Ok(status);
    }
    write_if_changed(path, printed.sdl.as_bytes())
        .map_err(|e| format!("error: cannot write {}: {e}\n", path.display()))?;
    Ok(status)
}

/// `introspect --diff`: the report of the existing `path` against `new`, when `path`
/// exists.
fn introspect_diff(path: &Path, new: SourceFile, args: &IntrospectArgs) -> Outcome {
    match std::fs::read_to_string(path) {
        Ok(text) => drift(SourceFile::new(path, text), new, &args.drift),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "note: {} does not exist yet; nothing to compare",
                path.display()
            );
            Ok(Status::Done)
        }
        Err(error) => Err(format!("error: cannot read {}: {error}\n", path.display())),
    }
}

fn run_schema_diff(args: &SchemaDiffArgs) -> Outcome {
    drift(
        read_source(&args.old)?,
        read_source(&args.new)?,
        &args.drift,
    )
}

/// Prints the report of `old` → `new` against the operations `args` names.
fn drift(old: SourceFile, new: SourceFile, args: &DriftArgs) -> Outcome {
    let mut sources = Vec::new();
    let default_catalogue = args
        .operations
        .is_empty()
        .then(|| PathBuf::from("schema/catalogue"));
    let mut options = Options {
        placeholder_fragments: args.placeholder_fragments,
        ..Options::default()
    };
    if let Some(dir) = args.catalogue.clone().or(default_catalogue) {
        let catalogue = catalogue::load(&dir).map_err(|d| d.render())?;
        sources.extend(ExecutableSource::from_catalogue(&catalogue));
        // The catalogue's documents are written in the docs' convention.
        options.placeholder_fragments = true;
    }
    for path in &args.operations {
        sources.push(ExecutableSource::read(path).map_err(|d| d.render())?);
    }
    let today = args.today.unwrap_or_else(date::today);
    let report =
        schema_diff::check(old, new, &sources, &options, today).map_err(|error| error.render())?;
    print!("{}", report.render(args.verbose));
    Ok(if report.is_breaking() {
        Status::Breaking
    } else {
        Status::Done
    })
}

fn read_source(path: &Path) -> Result<SourceFile, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("error: cannot read {}: {e}\n", path.display()))?;
    Ok(SourceFile::new(path, text))
}

fn run_assemble(args: AssembleArgs) -> Outcome {
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
    Ok(Status::Done)
}
