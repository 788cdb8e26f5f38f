//! An independent schema and operation set (interfaces, unions, nested and recursive
//! input objects, `[[Int!]!]`, keywords, case-colliding names) through the `Builder`:
//! the output is snapshotted, then compiled in a scratch crate that depends on
//! kraken-jp, whose tests decode and encode JSON through the generated types.

use std::path::{Path, PathBuf};
use std::process::Command;

use kraken_codegen::Builder;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/independent")
        .join(name)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the workspace")
        .to_path_buf()
}

fn builder() -> Builder {
    Builder::new()
        .schema(fixture("schema.graphql"))
        .operations([fixture("operations.graphql")])
        .scalar("Money", "rust_decimal::Decimal")
        .runtime_path("::kraken_jp")
}

#[test]
fn generated_code_snapshot() {
    let generated = builder().generate().unwrap();
    assert_eq!(
        generated.inputs(),
        [fixture("schema.graphql"), fixture("operations.graphql")]
    );
    assert_eq!(
        generated.documents().keys().collect::<Vec<_>>(),
        ["createShop", "node", "pets", "search", "shop"]
    );
    insta::assert_snapshot!(generated.to_string());
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
    let root = workspace_root();
    let krate = tempfile::tempdir().unwrap();
    let manifest = format!(
        r#"[package]
name = "independent"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
kraken-jp = {{ path = {root:?} }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
rust_decimal = {{ version = "1", features = ["serde-str"] }}

[workspace]
"#,
        root = root.display().to_string()
    );
    std::fs::write(krate.path().join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(root.join("Cargo.lock"), krate.path().join("Cargo.lock")).unwrap();
    std::fs::create_dir_all(krate.path().join("src")).unwrap();
    std::fs::create_dir_all(krate.path().join("tests")).unwrap();
    generated
        .write_to(&krate.path().join("src/lib.rs"))
        .unwrap();
    std::fs::copy(fixture("decode.rs"), krate.path().join("tests/decode.rs")).unwrap();

    let output = Command::new(env!("CARGO"))
        .args(["test", "--offline", "--quiet"])
        .current_dir(krate.path())
        .env("CARGO_TARGET_DIR", root.join("target/independent-fixture"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("8 passed; 0 failed"), "{stdout}");
}
