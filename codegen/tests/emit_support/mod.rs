//! A scratch crate that depends on the runtime crate (without its client) and the crates
//! of the mapped scalars, and nothing else, for tests that compile generated code.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (holding `Cargo.lock` and `schema/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the workspace")
        .to_path_buf()
}

/// Writes `lib` (generated code) as the `src/lib.rs` of a crate named `name`, with
/// `tests` as its integration tests, and runs `cargo test` on it offline with warnings denied. The
/// target directory is shared under `target/`, so later runs only rebuild the crate.
/// Returns cargo's standard output; panics with cargo's output when it fails.
pub fn cargo_test(name: &str, lib: &str, tests: &[(&str, &Path)]) -> String {
    let root = workspace_root();
    let krate = tempfile::tempdir().unwrap();
    let manifest = format!(
        r#"[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
kraken-codegen-runtime = {{ path = {runtime:?}, default-features = false }}
chrono = {{ version = "0.4", default-features = false, features = ["serde", "std"] }}
rust_decimal = {{ version = "1", features = ["serde-str"] }}
uuid = {{ version = "1", features = ["serde"] }}

[workspace]
"#,
        runtime = root.join("runtime").display().to_string()
    );
    std::fs::write(krate.path().join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(root.join("Cargo.lock"), krate.path().join("Cargo.lock")).unwrap();
    std::fs::create_dir_all(krate.path().join("tests")).unwrap();
    std::fs::create_dir_all(krate.path().join("src")).unwrap();
    std::fs::write(krate.path().join("src/lib.rs"), lib).unwrap();
    for (file, source) in tests {
        std::fs::copy(source, krate.path().join("tests").join(file)).unwrap();
    }
    let output = Command::new(env!("CARGO"))
        .args(["test", "--offline", "--quiet"])
        .current_dir(krate.path())
        .env("CARGO_TARGET_DIR", root.join("target/generated-crates"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    stdout
}
