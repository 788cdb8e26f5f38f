//! Codegen time against size: the synthetic schema of 2,000 types with 10, 100 and
//! 1,000 operations, through the whole `Project` generation.

#[path = "support/synthetic.rs"]
mod synthetic;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use kraken_codegen::project::Project;

/// Operation counts of the runs.
const SIZES: [usize; 3] = [10, 100, 1_000];

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("codegen_synthetic");
    group.sample_size(10);
    for operations in SIZES {
        let dir = tempfile::tempdir().expect("a temporary directory");
        synthetic::write(dir.path(), operations).expect("the synthetic inputs are written");
        let project = Project::new(dir.path());
        project.generate().expect("the synthetic project generates");
        group.throughput(Throughput::Elements(operations as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(operations),
            &project,
            |b, project| b.iter(|| project.generate().unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
