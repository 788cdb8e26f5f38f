//! In-process codegen of the JP schema and catalogue: each stage of
//! `Builder::generate` on its own (emit and format on one thread), emit and format
//! together as the builder runs them (on every core), then the whole `Project`
//! generation.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kraken_codegen::emit::{self, Settings};
use kraken_codegen::project::Project;
use kraken_codegen::validate::{self, Options};
use kraken_codegen::{catalogue, scalars, schema};

fn stages(c: &mut Criterion) {
    let project = Project::new(Path::new(env!("CARGO_MANIFEST_DIR")));
    let schema_files = [project.schema()];
    let catalogue_dir = project.catalogue();
    // The project's configuration: default settings, default scalar mappings.
    let settings = Settings::default();
    let options = Options {
        scalars: scalars::mappings(&BTreeMap::new()),
        placeholder_fragments: true,
        ..Options::default()
    };

    let schema = schema::load(&schema_files).expect("the JP schema loads");
    let catalogue = catalogue::load(&catalogue_dir).expect("the JP catalogue loads");
    let ir = validate::resolve_catalogue(&schema, &catalogue, &[], options.clone())
        .expect("the JP catalogue resolves");
    let plan = emit::Plan::new(&ir, &settings);
    let emit_all = || -> Vec<_> {
        let emitter = emit::Emitter::new(&plan).unwrap();
        (0..plan.parts())
            .map(|part| emitter.emit(part).unwrap())
            .collect()
    };
    let format_all = |parts: Vec<_>| -> String {
        let formatted: Vec<_> = parts
            .into_iter()
            .map(|tokens| emit::format(tokens).unwrap())
            .collect();
        emit::assemble(&plan, &formatted)
    };
    let tokens = emit_all();
    let code = format_all(tokens.clone());
    assert_eq!(code, emit::file(&ir, &settings).unwrap());
    let whole = project.generate().expect("the JP project generates");
    assert_eq!(
        code,
        whole.to_string(),
        "the stages reproduce the project's generation"
    );

    let mut group = c.benchmark_group("codegen_jp");
    // The later stages take hundreds of milliseconds an iteration.
    group.sample_size(10);
    group.bench_function("load_schema", |b| {
        b.iter(|| schema::load(black_box(&schema_files)).unwrap())
    });
    group.bench_function("load_catalogue", |b| {
        b.iter(|| catalogue::load(black_box(&catalogue_dir)).unwrap())
    });
    group.bench_function("validate_resolve", |b| {
        b.iter_batched(
            || options.clone(),
            |options| validate::resolve_catalogue(&schema, &catalogue, &[], options).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("emit", |b| b.iter(emit_all));
    group.bench_function("format", |b| {
        b.iter_batched(|| tokens.clone(), format_all, BatchSize::LargeInput)
    });
    group.bench_function("emit_format_parallel", |b| {
        b.iter(|| emit::file(black_box(&ir), &settings).unwrap())
    });
    group.bench_function("whole_project", |b| b.iter(|| project.generate().unwrap()));
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
