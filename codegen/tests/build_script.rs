//! `Builder::compile` in the build script of a crate outside the workspace, made here in
//! a temporary directory: it depends on the runtime crate only (and on the generator as
//! a build dependency), uses the README's build.rs, compiles with warnings denied and
//! sends operations to a loopback server; with an error in its GraphQL, the build fails
//! with the generator's report on stderr.

// Only `workspace_root` is used here.
#[allow(dead_code)]
mod emit_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/library")
        .join(name)
}

/// The library crate named `name` in a temporary directory, with `operations` as its
/// operations. Each test names its crate differently: crates of one name share their
/// build script's fingerprint in the shared target directory.
fn library_crate(name: &str, operations: &str) -> tempfile::TempDir {
    let root = emit_support::workspace_root();
    let krate = tempfile::tempdir().unwrap();
    let manifest = format!(
        r#"[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
kraken-codegen-runtime = {{ path = {runtime:?} }}

[build-dependencies]
kraken-codegen = {{ path = {codegen:?}, default-features = false }}

[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt"] }}

[workspace]
"#,
        runtime = root.join("runtime").display().to_string(),
        codegen = root.join("codegen").display().to_string(),
    );
    let at = |name: &str| krate.path().join(name);
    fs::create_dir_all(at("graphql")).unwrap();
    fs::create_dir_all(at("src")).unwrap();
    fs::create_dir_all(at("tests")).unwrap();
    fs::write(at("Cargo.toml"), manifest).unwrap();
    fs::copy(root.join("Cargo.lock"), at("Cargo.lock")).unwrap();
    fs::copy(fixture("build.rs"), at("build.rs")).unwrap();
    fs::copy(fixture("lib.rs"), at("src/lib.rs")).unwrap();
    fs::copy(fixture("tests/send.rs"), at("tests/send.rs")).unwrap();
    fs::copy(
        fixture("graphql/schema.graphql"),
        at("graphql/schema.graphql"),
    )
    .unwrap();
    fs::write(at("graphql/operations.graphql"), operations).unwrap();
    krate
}

/// Runs cargo in `krate` offline, warnings denied, in the shared scratch target directory.
fn cargo(krate: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let root = emit_support::workspace_root();
    Command::new(env!("CARGO"))
        .args(args)
        .arg("--offline")
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", root.join("target/generated-crates"))
        .env("RUSTFLAGS", "-D warnings")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[test]
fn the_readme_build_script_is_the_one_tested() {
    let readme = fs::read_to_string(emit_support::workspace_root().join("README.md")).unwrap();
    let build = fs::read_to_string(fixture("build.rs")).unwrap();
    assert!(
        readme.contains(&format!("```rust,no_run\n{build}```")),
        "README.md's build.rs differs from {}",
        fixture("build.rs").display()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crate_with_only_the_runtime_sends_operations_to_a_loopback_server() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/graphql"))
        .and(header("authorization", "Bearer library-token"))
        .and(body_partial_json(serde_json::json!({
            "operationName": "Search",
            "variables": {"text": "dune", "filter": {"format": "PAPERBACK"}},
        })))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": {
                "search": [
                    {"__typename": "Book", "id": "b-1", "title": "Dune", "format": "PAPERBACK",
                     "author": {"name": "Frank Herbert"}},
                    {"__typename": "Magazine", "id": "m-7", "title": "Locus", "issue": 7},
                    {"__typename": "Podcast"},
                ],
            }})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/graphql"))
        .and(body_partial_json(serde_json::json!({
            "operationName": "Borrow",
            "variables": {"input": {"itemId": "b-1", "note": null}},
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "data": null,
            "errors": [{"message": "Three loans at most.", "path": ["borrow"],
                        "extensions": {"code": "LIMIT_REACHED"}}],
        })))
        .expect(2)
        .mount(&server)
        .await;

    let operations = fs::read_to_string(fixture("graphql/operations.graphql")).unwrap();
    let krate = library_crate("library", &operations);
    let url = format!("{}/graphql", server.uri());
    let output = tokio::task::spawn_blocking(move || {
        cargo(krate.path(), &["test", "--quiet"], &[("LIBRARY_URL", &url)])
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("2 passed; 0 failed"), "{stdout}");
}

#[test]
fn an_error_in_the_graphql_fails_the_build_with_the_report() {
    let operations = "query Item($id: ID!) {\n  item(id: $id) {\n    id\n    titel\n  }\n}\n";
    let krate = library_crate("library_with_an_error", operations);
    let output = cargo(krate.path(), &["build"], &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "error: failed to run custom build command for `library_with_an_error v0.0.0"
        ),
        "{stderr}"
    );
    // Cargo shows the build script's stderr after `--- stderr`, each line indented by
    // two spaces; other messages (e.g. that it waits for other jobs) may follow.
    let (_, printed) = stderr
        .split_once("  --- stderr\n")
        .unwrap_or_else(|| panic!("no stderr section in:\n{stderr}"));
    let printed: String = printed
        .lines()
        .map_while(|line| line.strip_prefix("  "))
        .map(|line| format!("{line}\n"))
        .collect();
    // The paths are those build.rs gave, relative to the crate.
    assert_eq!(
        printed,
        "error: unknown field `titel` on type `Item`\n \
         --> graphql/operations.graphql:4:5\n  \
         |\n\
         4 |     titel\n  \
         |     ^ here\n  \
         |\n  \
         = help: did you mean `title`?\n\
         Error: kraken-codegen: 1 error in the GraphQL inputs (reported above)\n"
    );
}
