//! An independent schema and operation set (interfaces, unions, nested and recursive
//! input objects, `[[Int!]!]`, keywords, case-colliding names) through the `Builder`,
//! all in one file: compiled in a scratch crate that depends on the runtime crate, whose
//! tests decode and encode JSON through the generated types. The text of the output is
//! snapshotted feature by feature instead (`emit_features`).

mod emit_support;

use std::path::{Path, PathBuf};

use kraken_codegen::Builder;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(name)
}

fn builder() -> Builder {
    Builder::new()
        .schema(fixture("schema.graphql"))
        .operations([fixture("operations.graphql")])
        .scalar("Money", "rust_decimal::Decimal")
        .client_methods("Api")
}

#[test]
fn inputs_and_documents() {
    let generated = builder().generate().unwrap();
    assert_eq!(
        generated.inputs(),
        [fixture("schema.graphql"), fixture("operations.graphql")]
    );
    assert_eq!(
        generated.documents().keys().collect::<Vec<_>>(),
        [
            "CreateShop",
            "NodeById",
            "Pets",
            "Search",
            "ShopDetails",
            "ShopOverlap",
            "TypeFields"
        ]
    );
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let first = builder().generate().unwrap().to_string();
    let second = builder().generate().unwrap().to_string();
    assert_eq!(first, second);
}

#[test]
fn generated_code_compiles_and_decodes() {
    let generated = builder().generate().unwrap();
    let stdout = emit_support::cargo_test(
        "independent",
        &generated.to_string(),
        &[("decode.rs", &fixture("decode.rs"))],
    );
    assert!(stdout.contains("10 passed; 0 failed"), "{stdout}");
}
