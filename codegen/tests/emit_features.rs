//! One small schema and one operation per feature of the generator, under
//! `tests/fixtures/features/<feature>/`: each feature's output is its own snapshot, so a
//! change to one emitter moves only the snapshots of the features it touches; then every
//! feature's output is compiled together in one scratch crate (one module per feature),
//! whose tests decode and encode JSON through the generated types.

mod emit_support;

use std::fs;
use std::path::{Path, PathBuf};

use kraken_codegen::Builder;

fn features_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/features")
}

/// Every feature directory, sorted by name.
fn features() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(features_dir())
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The generated code of one feature, with the default settings and scalar mappings.
fn generate(feature: &str) -> String {
    let dir = features_dir().join(feature);
    Builder::new()
        .schema(dir.join("schema.graphql"))
        .operations([dir.join("operation.graphql")])
        .generate()
        .unwrap_or_else(|error| panic!("{feature}: {error}"))
        .to_string()
}

#[test]
fn every_feature_has_a_schema_and_an_operation() {
    assert_eq!(
        features(),
        [
            "abstract_fragments",
            "alias",
            "custom_scalar",
            "default_values",
            "deprecation",
            "enum_values",
            "fragments",
            "interface",
            "keyword_names",
            "list_nesting",
            "nested_input",
            "overlapping_fragments",
            "union"
        ]
    );
    for feature in features() {
        for file in ["schema.graphql", "operation.graphql"] {
            assert!(
                features_dir().join(&feature).join(file).is_file(),
                "{feature}/{file}"
            );
        }
    }
}

/// Compares formatted code, so it needs the `format` feature.
#[cfg(feature = "format")]
#[test]
fn each_feature_snapshot() {
    for feature in features() {
        insta::assert_snapshot!(feature.as_str(), generate(&feature));
    }
}

#[test]
fn every_feature_compiles_and_decodes() {
    let lib: String = features()
        .iter()
        .map(|feature| format!("pub mod {feature} {{\n{}}}\n", generate(feature)))
        .collect();
    let stdout = emit_support::cargo_test(
        "features",
        &lib,
        &[("decode.rs", &features_dir().join("decode.rs"))],
    );
    assert!(stdout.contains("13 passed; 0 failed"), "{stdout}");
}
